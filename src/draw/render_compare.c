/*
 * render_compare.c: the comparison diagram: the union of two eras, one
 * node per actor of the comparison and one line per dyad, drawn by what
 * happened to it (kept, sign-flipped, gained, lost), under a title and a
 * legend (see compare.h and docs/METHODS.md, "Comparing eras").
 *
 * With render.c and render_gv.c the only files that include Graphviz's
 * headers; it shares the era diagrams' Graphviz plumbing (render_gv.h) and
 * visual vocabulary (render_style.h): node shapes by kind, blue for
 * cooperative and vermillion for conflictual ties.
 */
#include "actorgraph/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/output.h"
#include "draw/render_gv.h"
#include "draw/render_style.h"

#define ENGINE "neato"
/* A net of 0 (the relations cancel out). */
#define STYLE_NEUTRAL "#777777"
/* Actors in only one era. */
#define FILL_ENTERING "#E3F1E6"
#define FILL_LEAVING "#EEEEEE"
#define TEXT_LEAVING "#777777"

static const char *sign_color(int sign)
{
    return sign > 0 ? AG_I_STYLE_COOPERATIVE : sign < 0 ? AG_I_STYLE_CONFLICTUAL : STYLE_NEUTRAL;
}

static const char *sign_glyph(int sign)
{
    return sign > 0 ? "+" : sign < 0 ? "\xe2\x88\x92" : "0";
}

/* ---- the title and legend ---- */

static void line_sample(ag_i_sbuf_t *b, const char *color, const char *style, int width)
{
    ag_i_sbuf_addf(b,
                 "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"40\" HEIGHT=\"14\" SIDES=\"B\" BORDER=\"%d\" "
                 "COLOR=\"%s\" STYLE=\"%s\"></TD>",
                 width, color, style);
}

static void node_sample(ag_i_sbuf_t *b, const char *fill, const char *style)
{
    ag_i_sbuf_addf(b,
                 "<TD><TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR>"
                 "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"26\" HEIGHT=\"13\" BORDER=\"1\" "
                 "COLOR=\"#333333\" BGCOLOR=\"%s\" STYLE=\"%s\"></TD></TR></TABLE></TD>",
                 fill, style);
}

static void text_cell(ag_i_sbuf_t *b, const char *html)
{
    ag_i_sbuf_addf(b, "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">%s</TD>", html);
}

static void title_legend(ag_i_sbuf_t *b, const ag_compare_t *c)
{
    const ag_dataset_t *ds = c->ds;
    const ag_era_t *ea = &ds->eras[c->era_a], *eb = &ds->eras[c->era_b];
    /* Two columns of rows: changes of dyads, and what nodes show. */
    ag_i_sbuf_t col[2][6];
    int rows[2] = { 0, 0 };

    ag_i_sbuf_add(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">");
    ag_i_sbuf_add(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"26\"><B>");
    ag_i_sbuf_html(b, ea->name);
    ag_i_sbuf_add(b, " \xe2\x86\x92 ");
    ag_i_sbuf_html(b, eb->name);
    ag_i_sbuf_add(b, "</B></FONT></TD></TR>\n");
    ag_i_sbuf_add(b, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\" "
                   "COLOR=\"#333333\">A: ");
    ag_i_sbuf_html(b, ea->period_text);
    ag_i_sbuf_add(b, " \xc2\xb7 B: ");
    ag_i_sbuf_html(b, eb->period_text);
    ag_i_sbuf_add(b, " \xc2\xb7 ");
    ag_i_sbuf_html(b, ds->name);
    if (c->opts.level == AG_LEVEL_STATE)
        ag_i_sbuf_add(b, " \xc2\xb7 state level");
    if (c->opts.ties != AG_TIES_ALL)
        ag_i_sbuf_addf(b, " \xc2\xb7 %s ties only", ag_ties_name(c->opts.ties));
    if (c->opts.types)
        ag_i_sbuf_add(b, " \xc2\xb7 some relation types only");
    ag_i_sbuf_addf(b, "<BR/>%zu pairs: %zu flipped, %zu gained, %zu lost, %zu kept",
                 c->n_dyads, c->changes[AG_CHANGE_FLIPPED], c->changes[AG_CHANGE_GAINED],
                 c->changes[AG_CHANGE_LOST], c->changes[AG_CHANGE_KEPT]);
    ag_i_sbuf_add(b, "</FONT></TD></TR>\n");

    for (int k = 0; k < 2; k++)
        for (int r = 0; r < 6; r++)
            ag_i_sbuf_init(&col[k][r]);
    line_sample(&col[0][rows[0]], "#444444", "solid", 5);
    text_cell(&col[0][rows[0]++], "flipped: net sign changed (label: A \xe2\x86\x92 B)");
    line_sample(&col[0][rows[0]], "#444444", "dashed", 2);
    text_cell(&col[0][rows[0]++], "gained: only in B");
    line_sample(&col[0][rows[0]], "#444444", "dotted", 2);
    text_cell(&col[0][rows[0]++], "lost: only in A");
    line_sample(&col[0][rows[0]], "#444444", "solid", 2);
    text_cell(&col[0][rows[0]++], "kept: same sign in both");
    line_sample(&col[1][rows[1]], AG_I_STYLE_COOPERATIVE, "solid", 2);
    text_cell(&col[1][rows[1]++], "cooperative (net &gt; 0; in B, or in A if lost)");
    line_sample(&col[1][rows[1]], AG_I_STYLE_CONFLICTUAL, "solid", 2);
    text_cell(&col[1][rows[1]++], "conflictual (net &lt; 0)");
    line_sample(&col[1][rows[1]], STYLE_NEUTRAL, "solid", 2);
    text_cell(&col[1][rows[1]++], "net 0: the relations cancel out");
    node_sample(&col[1][rows[1]], FILL_ENTERING, "dashed");
    text_cell(&col[1][rows[1]++], "actor entering: only in B");
    node_sample(&col[1][rows[1]], FILL_LEAVING, "dotted");
    text_cell(&col[1][rows[1]++], "actor leaving: only in A; shape = kind");

    ag_i_sbuf_add(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"13\"><TABLE BORDER=\"0\" "
                   "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">");
    for (int r = 0; r < rows[1]; r++) {
        ag_i_sbuf_add(b, "<TR>");
        for (int k = 0; k < 2; k++) {
            if (r < rows[k])
                ag_i_sbuf_add(b, ag_i_sbuf_str(&col[k][r]));
            else
                ag_i_sbuf_add(b, "<TD></TD><TD></TD>");
            if (k == 0)
                ag_i_sbuf_add(b, "<TD WIDTH=\"24\"></TD>");
        }
        ag_i_sbuf_add(b, "</TR>\n");
    }
    ag_i_sbuf_add(b, "</TABLE></FONT></TD></TR>\n</TABLE>");
    for (int k = 0; k < 2; k++)
        for (int r = 0; r < 6; r++) {
            if (col[k][r].oom)
                b->oom = true;
            ag_i_sbuf_destroy(&col[k][r]);
        }
}

/* ---- nodes and edges ---- */

/*
 * The row whose node stands for row r: r itself, or, for an actor in one
 * era only whose lineage is matched in another row (RUS in the Cold War,
 * which ends the day Russia's relations begin, beside "RUS (SUN)"), that
 * row: a state is drawn once, its lines from both eras meeting at it.
 */
static size_t node_row(const ag_compare_t *c, size_t r)
{
    const ag_cmp_actor_t *a = &c->actors[r];
    long root;
    if (a->match != AG_MATCH_LEAVING && a->match != AG_MATCH_ENTERING)
        return r;
    root = ag_dataset_lineage_root(c->ds, a->key);
    for (size_t m = 0; m < c->n_actors; m++)
        if (c->actors[m].match == AG_MATCH_LINEAGE &&
            ag_dataset_lineage_root(c->ds, c->actors[m].key) == root)
            return m;
    return r;
}

static ag_status_t add_nodes(Agraph_t *g, const ag_compare_t *c, Agnode_t **nodes,
                             ag_i_sbuf_t *b, ag_error_t *err)
{
    const ag_dataset_t *ds = c->ds;
    for (size_t r = 0; r < c->n_actors; r++) {
        const ag_cmp_actor_t *a = &c->actors[r];
        const ag_actor_t *act = &ds->actors[a->key];
        char name[AG_CMP_LABEL_SIZE];
        ag_cmp_actor_label(c, a, name, sizeof name);
        if (node_row(c, r) != r)
            continue; /* drawn as its lineage's node, below */
        if (!(nodes[r] = agnode(g, name, 1)))
            return ag_i_gv_error(err, "cannot add a node");
        ag_i_sbuf_clear(b);
        ag_i_style_node_label(b, act);
        if (a->match == AG_MATCH_LINEAGE) {
            ag_i_sbuf_add(b, "\\n(A: ");
            ag_i_sbuf_esc(b, ds->actors[a->actor_a].id);
            /* The lineage's other actors folded into this node. */
            for (size_t o = 0; o < c->n_actors; o++)
                if (o != r && node_row(c, o) == r) {
                    ag_i_sbuf_add(b, c->actors[o].match == AG_MATCH_LEAVING ? ", " : "; B: ");
                    ag_i_sbuf_esc(b, ds->actors[c->actors[o].key].id);
                }
            ag_i_sbuf_add(b, ")");
        }
        ag_i_gv_set(nodes[r], "label", ag_i_sbuf_str(b));
        ag_i_gv_set(nodes[r], "shape", ag_i_style_shape(act->kind));
        if (a->match == AG_MATCH_ENTERING || a->match == AG_MATCH_LEAVING) {
            bool leaving = a->match == AG_MATCH_LEAVING;
            ag_i_gv_set(nodes[r], "style", act->kind == AG_KIND_LEADER
                                       ? (leaving ? "rounded,filled,dotted" : "rounded,filled,dashed")
                                       : (leaving ? "filled,dotted" : "filled,dashed"));
            ag_i_gv_set(nodes[r], "fillcolor", leaving ? FILL_LEAVING : FILL_ENTERING);
            if (leaving)
                ag_i_gv_set(nodes[r], "fontcolor", TEXT_LEAVING);
        } else if (act->kind == AG_KIND_LEADER) {
            ag_i_gv_set(nodes[r], "style", "rounded,filled");
        }
        ag_i_sbuf_clear(b);
        ag_i_sbuf_tip(b, name);
        ag_i_sbuf_add(b, ": ");
        ag_i_sbuf_tip(b, act->name);
        ag_i_sbuf_addf(b, " (%s; %s)", ag_kind_name(act->kind), ag_match_name(a->match));
        for (size_t o = 0; o < c->n_actors; o++)
            if (o != r && node_row(c, o) == r) {
                ag_i_sbuf_add(b, "\\nalso ");
                ag_i_sbuf_tip(b, ds->actors[c->actors[o].key].id);
                ag_i_sbuf_addf(b, ", %s", c->actors[o].match == AG_MATCH_LEAVING
                                              ? "in A only" : "in B only");
            }
        ag_i_gv_set(nodes[r], "tooltip", ag_i_sbuf_str(b));
    }
    for (size_t r = 0; r < c->n_actors; r++)
        nodes[r] = nodes[node_row(c, r)];
    return b->oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory") : AG_OK;
}

static ag_status_t add_edges(Agraph_t *g, const ag_compare_t *c, Agnode_t **nodes,
                             ag_i_sbuf_t *b, ag_error_t *err)
{
    for (size_t i = 0; i < c->n_dyads; i++) {
        const ag_cmp_dyad_t *y = &c->dyads[i];
        const ag_dyad_t *da = y->da >= 0 ? &c->ga.dyads[y->da] : NULL;
        const ag_dyad_t *db = y->db >= 0 ? &c->gb.dyads[y->db] : NULL;
        char l1[AG_CMP_LABEL_SIZE], l2[AG_CMP_LABEL_SIZE];
        Agedge_t *e;
        /* A dyad inside a lineage (SUN-RUS on the handover day) would be a
         * loop on its one node. */
        if (nodes[y->r1] == nodes[y->r2])
            continue;
        /* A new edge even where the lineage's node already has one to
         * the same actor (SUN's and RUS's in era A): both are drawn. */
        e = agedge(g, nodes[y->r1], nodes[y->r2], NULL, 1);
        if (!e)
            return ag_i_gv_error(err, "cannot add an edge");
        ag_i_gv_set(e, "change", ag_change_name(y->change));
        switch (y->change) {
        case AG_CHANGE_FLIPPED:
            ag_i_gv_set(e, "color", sign_color(y->sign_b));
            ag_i_gv_set(e, "penwidth", "5");
            ag_i_sbuf_clear(b);
            ag_i_sbuf_addf(b, "%s\xe2\x86\x92%s", sign_glyph(y->sign_a), sign_glyph(y->sign_b));
            ag_i_gv_set(e, "label", ag_i_sbuf_str(b));
            ag_i_gv_set(e, "fontsize", "16");
            ag_i_gv_set(e, "fontcolor", sign_color(y->sign_b));
            break;
        case AG_CHANGE_GAINED:
            ag_i_gv_set(e, "color", sign_color(y->sign_b));
            ag_i_gv_set(e, "style", "dashed");
            ag_i_gv_set(e, "penwidth", "2");
            break;
        case AG_CHANGE_LOST:
            ag_i_gv_set(e, "color", sign_color(y->sign_a));
            ag_i_gv_set(e, "style", "dotted");
            ag_i_gv_set(e, "penwidth", "2");
            break;
        case AG_CHANGE_KEPT:
        case AG_CHANGE_COUNT:
            ag_i_gv_set(e, "color", sign_color(y->sign_b));
            ag_i_gv_set(e, "penwidth", "2");
            break;
        }
        ag_i_gv_setf(e, "len", "%.2f", 1.6);
        ag_i_sbuf_clear(b);
        ag_i_sbuf_tip(b, ag_cmp_actor_label(c, &c->actors[y->r1], l1, sizeof l1));
        ag_i_sbuf_add(b, "\xe2\x80\x93");
        ag_i_sbuf_tip(b, ag_cmp_actor_label(c, &c->actors[y->r2], l2, sizeof l2));
        ag_i_sbuf_addf(b, ": %s", ag_change_name(y->change));
        if (da)
            ag_i_sbuf_addf(b, "\\nA: net %.10g over %zu relation%s", da->net, da->n_rels,
                         da->n_rels == 1 ? "" : "s");
        if (db)
            ag_i_sbuf_addf(b, "\\nB: net %.10g over %zu relation%s", db->net, db->n_rels,
                         db->n_rels == 1 ? "" : "s");
        ag_i_gv_set(e, "tooltip", ag_i_sbuf_str(b));
    }
    return b->oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory") : AG_OK;
}

static ag_status_t build(const ag_compare_t *c, Agraph_t **out, ag_error_t *err)
{
    Agnode_t **nodes = NULL;
    Agraph_t *g;
    ag_i_sbuf_t b;
    ag_status_t rc = AG_OK;

    *out = NULL;
    ag_i_sbuf_init(&b);
    g = ag_i_gv_open("comparison", ENGINE, /* sep = */ "+10", /* esep = */ "+5");
    if (!g)
        return ag_i_gv_error(err, "cannot create a graph");
    title_legend(&b, c);
    if ((rc = ag_i_gv_title(g, &b, err)) != AG_OK)
        goto done;
    nodes = calloc(c->n_actors ? c->n_actors : 1, sizeof *nodes);
    if (!nodes) {
        rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    if ((rc = add_nodes(g, c, nodes, &b, err)) == AG_OK)
        rc = add_edges(g, c, nodes, &b, err);
done:
    free(nodes);
    ag_i_sbuf_destroy(&b);
    if (rc != AG_OK)
        agclose(g);
    else
        *out = g;
    return rc;
}

/* ---- output ---- */

static const char *extension(const char *path)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    return dot && (!slash || dot > slash) ? dot + 1 : "";
}

ag_status_t ag_compare_diagram(const ag_compare_t *c, const char *path, ag_error_t *err)
{
    const char *ext = extension(path);
    agusererrf old_errf;
    GVC_t *gvc = NULL;
    Agraph_t *g = NULL;
    char *data = NULL;
    size_t len = 0;
    ag_status_t rc;

    if (strcmp(ext, "dot") != 0 && strcmp(ext, "svg") != 0 && strcmp(ext, "png") != 0)
        return ag_error_set(err, AG_EUSAGE, NULL, 0,
                            "cannot tell the diagram's format from '%s' (.dot, .svg or .png)",
                            path);
    old_errf = ag_i_gv_catch_begin();
    /* Graphviz's order: context, graph, layout, render, free layout, close
     * graph (the process's one context is freed by ag_render_cleanup);
     * DOT is written before any layout. */
    if (!(gvc = ag_i_gv_context())) {
        rc = ag_i_gv_error(err, "cannot create a context");
        goto done;
    }
    if ((rc = build(c, &g, err)) != AG_OK)
        goto done;
    rc = ag_i_gv_dot_text(g, &data, &len, err);
    if (rc == AG_OK && strcmp(ext, "dot") != 0) {
        /* Laid out from the DOT text, as `neato` would read it (edge
         * labels; see ag_i_gv_reread). */
        rc = ag_i_gv_reread(&g, data, err);
        free(data);
        data = NULL;
        if (rc == AG_OK)
            rc = ag_i_gv_layout_render(gvc, g, ENGINE, ext, /* round = */ false, &data, &len,
                                     err);
    }
    if (rc == AG_OK)
        rc = ag_write_file(path, data, len, err);
done:
    free(data);
    if (g)
        agclose(g);
    ag_i_gv_catch_end(old_errf);
    return rc;
}
