/*
 * render.c: the Graphviz adapter: builds an era's cgraph graph in the
 * visual language of render_style.c, writes it as DOT, or lays it out and
 * renders it with libgvc in process (see render.h).
 *
 * With render_compare.c (the comparison diagram) and render_gv.c (the
 * Graphviz plumbing they share), the only files that include Graphviz's
 * headers (through render_gv.h).
 */
#include "actorgraph/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/output.h"
#include "draw/render_gv.h"
#include "draw/render_style.h"
#include "core/util.h"

static const char *const formats[] = { "dot", "svg", "png", "pdf" };
static const char *const engines[] = { "neato", "fdp", "sfdp", "dot", "circo" };

int ag_render_format_parse(const char *s)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(s, formats[i]) == 0)
            return (int)i;
    return -1;
}

const char *ag_render_format_ext(ag_render_format_t f)
{
    return (size_t)f < sizeof formats / sizeof formats[0] ? formats[f] : "out";
}

bool ag_render_engine_valid(const char *name)
{
    for (size_t i = 0; i < sizeof engines / sizeof engines[0]; i++)
        if (strcmp(name, engines[i]) == 0)
            return true;
    return false;
}

void ag_render_opts_default(ag_render_opts_t *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->format = AG_RENDER_SVG;
    opts->engine = AG_RENDER_DEFAULT_ENGINE;
    opts->size_by = AG_M_BETWEENNESS;
}

/* ---- building the graph ---- */

static ag_status_t add_nodes(Agraph_t *g, const ag_i_style_era_t *e, Agnode_t **nodes,
                             ag_i_sbuf_t *b, ag_error_t *err)
{
    const ag_era_graph_t *eg = e->g;
    const ag_dataset_t *ds = eg->ds;
    char buf[64];

    for (size_t v = 0; v < eg->n; v++) {
        const ag_actor_t *a = &ds->actors[eg->actor[v]];
        double w, h, fs;
        Agnode_t *n = agnode(g, a->id, 1);
        if (!n)
            return ag_i_gv_error(err, "cannot create a node");
        nodes[v] = n;
        ag_i_style_node_size(a->kind, ag_i_style_era_scale(e, (long)v), &w, &h, &fs);
        ag_i_sbuf_clear(b);
        ag_i_style_node_label(b, a);
        ag_i_gv_set(n, "label", ag_i_sbuf_str(b));
        ag_i_gv_set(n, "shape", ag_i_style_shape(a->kind));
        if (strcmp(ag_i_style_node_style(a->kind), "filled") != 0)
            ag_i_gv_set(n, "style", ag_i_style_node_style(a->kind));
        ag_i_gv_setf(n, "width", "%.2f", w);
        ag_i_gv_setf(n, "height", "%.2f", h);
        ag_i_gv_setf(n, "fontsize", "%.1f", fs);
        if (strcmp(e->community_fill[v], AG_I_STYLE_FILL_NONE) != 0)
            ag_i_gv_set(n, "fillcolor", e->community_fill[v]);
        ag_i_sbuf_clear(b);
        ag_i_style_node_tooltip(b, e, (long)v);
        ag_i_gv_set(n, "tooltip", ag_i_sbuf_str(b));
        /* Data for whoever reads the DOT (Gephi keeps unknown attributes
         * as columns); Graphviz ignores them. */
        ag_i_gv_set(n, "kind", ag_kind_name(a->kind));
        if (e->summary && e->summary->membership) {
            snprintf(buf, sizeof buf, "%ld", e->summary->membership[v] + 1);
            ag_i_gv_set(n, "community", buf);
        }
        if (e->metrics && e->metrics->value[e->size_by]) {
            snprintf(buf, sizeof buf, "%.10g", e->metrics->value[e->size_by][v]);
            ag_i_gv_set(n, ag_metric_name(e->size_by), buf);
        }
    }
    return b->oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory") : AG_OK;
}

static ag_status_t add_edges(Agraph_t *g, const ag_i_style_era_t *e, Agnode_t **nodes,
                             ag_i_sbuf_t *b, ag_error_t *err)
{
    const ag_era_graph_t *eg = e->g;
    const ag_dataset_t *ds = eg->ds;
    static const char *const sign_word[] = { "cooperative", "conflictual", "mixed" };
    char buf[64];

    for (size_t d = 0; d < eg->n_dyads; d++) {
        const ag_dyad_t *y = &eg->dyads[d];
        ag_i_edge_style_t st;
        Agedge_t *ed;
        if (y->edge < 0)
            continue;
        /* The later vertex as tail: cgraph writes each node's edges after
         * it, so node statements then come in vertex order. */
        ed = agedge(g, nodes[y->v], nodes[y->u], NULL, 1);
        if (!ed)
            return ag_i_gv_error(err, "cannot create an edge");
        ag_i_style_edge(eg, y, &st);
        ag_i_gv_set(ed, "color", st.color);
        ag_i_gv_setf(ed, "penwidth", "%.2f", st.penwidth);
        if (st.line != AG_I_LINE_SOLID)
            ag_i_gv_set(ed, "style", ag_i_line_name(st.line));
        /* A leader beside its own state: the same pull as the thin tie
         * drawn when they have no relation. Otherwise the preferred length
         * grows with the two nodes, so that a line between two large
         * nodes stays long enough to be seen. */
        if (ag_i_style_anchor(eg, y->u) == y->v || ag_i_style_anchor(eg, y->v) == y->u) {
            ag_i_gv_set(ed, "len", "0.6");
            ag_i_gv_set(ed, "weight", "4");
        } else {
            double grow = ag_i_style_era_scale(e, y->u) + ag_i_style_era_scale(e, y->v);
            if (grow > 0)
                ag_i_gv_setf(ed, "len", "%.2f", st.len + 0.55 * grow);
        }
        ag_i_sbuf_clear(b);
        ag_i_style_edge_tooltip(b, e, y);
        ag_i_gv_set(ed, "tooltip", ag_i_sbuf_str(b));
        ag_i_gv_set(ed, "sign", sign_word[st.sign]);
        snprintf(buf, sizeof buf, "%.10g", y->W);
        ag_i_gv_set(ed, "W", buf);
        snprintf(buf, sizeof buf, "%.10g", y->net);
        ag_i_gv_set(ed, "net", buf);
        snprintf(buf, sizeof buf, "%zu", y->n_rels);
        ag_i_gv_set(ed, "relations", buf);
        if (st.dominant >= 0)
            ag_i_gv_set(ed, "type", ds->types[st.dominant].id);
    }

    /* Leaders and agencies next to their state: a short, stiff, thin grey
     * line where they have no relation of their own. */
    for (size_t v = 0; v < eg->n; v++) {
        long p = ag_i_style_anchor(eg, (long)v);
        Agedge_t *ed;
        if (p < 0 || ag_era_graph_find_dyad(eg, (long)v, p) >= 0)
            continue;
        ed = agedge(g, nodes[(long)v > p ? (long)v : p], nodes[(long)v > p ? p : (long)v],
                    NULL, 1);
        if (!ed)
            return ag_i_gv_error(err, "cannot create an edge");
        ag_i_gv_set(ed, "color", AG_I_STYLE_ACTS_FOR);
        ag_i_gv_set(ed, "penwidth", "1");
        ag_i_gv_set(ed, "len", "0.6");
        ag_i_gv_set(ed, "weight", "4");
        ag_i_sbuf_clear(b);
        ag_i_sbuf_tip(b, ds->actors[eg->actor[v]].name);
        ag_i_sbuf_add(b, " acts for ");
        ag_i_sbuf_tip(b, ds->actors[eg->actor[p]].name);
        ag_i_gv_set(ed, "tooltip", ag_i_sbuf_str(b));
        ag_i_gv_set(ed, "tie", "acts-for");
    }
    return b->oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory") : AG_OK;
}

/* Builds the graph of e into *out (NULL on failure). */
static ag_status_t build(const ag_i_style_era_t *e, const char *engine, Agraph_t **out,
                         ag_error_t *err)
{
    const ag_era_graph_t *eg = e->g;
    Agnode_t **nodes = NULL;
    Agraph_t *g;
    ag_i_sbuf_t b;
    ag_status_t rc = AG_OK;

    *out = NULL;
    ag_i_sbuf_init(&b);
    g = ag_i_gv_open(e->era ? e->era->id : eg->ds->name, engine, /* sep = */ "+16",
                   /* esep = */ "+6");
    if (!g)
        return ag_i_gv_error(err, "cannot create a graph");
    ag_i_style_title_legend(&b, e);
    if (b.oom) {
        rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    if (ag_i_gv_set_html(g, g, "label", ag_i_sbuf_str(&b)) != 0) {
        rc = ag_i_gv_error(err, "cannot set the title");
        goto done;
    }
    nodes = calloc(eg->n ? eg->n : 1, sizeof *nodes);
    if (!nodes) {
        rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    if ((rc = add_nodes(g, e, nodes, &b, err)) != AG_OK ||
        (rc = add_edges(g, e, nodes, &b, err)) != AG_OK)
        goto done;
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

ag_status_t ag_render(const ag_render_input_t *in, const ag_render_opts_t *opts,
                      char **data, size_t *len, ag_error_t *err)
{
    const char *engine = opts->engine ? opts->engine : AG_RENDER_DEFAULT_ENGINE;
    agusererrf old_errf;
    GVC_t *gvc = NULL;
    ag_i_style_era_t e;
    Agraph_t *g = NULL;
    ag_status_t rc;

    *data = NULL;
    *len = 0;
    if (!ag_render_engine_valid(engine))
        return ag_error_set(err, AG_EUSAGE, NULL, 0,
                            "unknown layout engine '%s' (neato, fdp, sfdp, dot or circo)",
                            engine);
    if ((rc = ag_i_style_era_init(&e, in->g, in->era, in->metrics, in->summary, opts->size_by,
                                err)) != AG_OK)
        return rc;

    old_errf = ag_i_gv_catch_begin();
    /* Graphviz wants this order: context, graph, layout, render, free
     * layout, close graph (and, once at the end, free context). The DOT
     * text is written before any layout, or it would carry positions. */
    gvc = ag_i_gv_context();
    if (!gvc) {
        rc = ag_i_gv_error(err, "cannot create a context");
        goto done;
    }
    if ((rc = build(&e, engine, &g, err)) != AG_OK)
        goto done;
    if (opts->format == AG_RENDER_DOT)
        rc = ag_i_gv_dot_text(g, data, len, err);
    else
        rc = ag_i_gv_layout_render(gvc, g, engine, ag_render_format_ext(opts->format),
                                 /* round = */ true, data, len, err);
done:
    if (g)
        agclose(g);
    ag_i_gv_catch_end(old_errf);
    ag_i_style_era_destroy(&e);
    return rc;
}

ag_status_t ag_render_file(const ag_render_input_t *in, const ag_render_opts_t *opts,
                           const char *path, ag_error_t *err)
{
    char *data;
    size_t len;
    ag_status_t rc = ag_render(in, opts, &data, &len, err);
    if (rc != AG_OK)
        return rc;
    rc = ag_write_file(path, data, len, err);
    free(data);
    return rc;
}
