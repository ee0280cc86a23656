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

#include <math.h>
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

int ag_legend_parse(const char *s)
{
    static const char *const names[] = { "top", "side", "none" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i]) == 0)
            return (int)i;
    return -1;
}

void ag_render_opts_default(ag_render_opts_t *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->format = AG_RENDER_SVG;
    opts->engine = AG_RENDER_DEFAULT_ENGINE;
    opts->size_by = AG_M_BETWEENNESS;
}

/* ---- building the graph ---- */

static ag_status_t add_nodes(Agraph_t *g, const ag_i_style_era_t *e, const bool *show,
                             Agnode_t **nodes, ag_i_sbuf_t *b, ag_error_t *err)
{
    const ag_era_graph_t *eg = e->g;
    const ag_dataset_t *ds = eg->ds;
    char buf[64];

    for (size_t v = 0; v < eg->n; v++) {
        const ag_actor_t *a = &ds->actors[eg->actor[v]];
        double w, h, fs;
        Agnode_t *n;
        if (show && !show[v]) {
            nodes[v] = NULL;
            continue;
        }
        n = agnode(g, a->id, 1);
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
        if (y->edge < 0 || !nodes[y->u] || !nodes[y->v])
            continue;
        /* The later vertex as tail: cgraph writes each node's edges after
         * it, so node statements then come in vertex order. */
        ed = agedge(g, nodes[y->v], nodes[y->u], NULL, 1);
        if (!ed)
            return ag_i_gv_error(err, "cannot create an edge");
        ag_i_style_edge(eg, y, &st);
        ag_i_gv_set(ed, "color", st.color);
        if (st.toward >= 0) {
            /* The edge runs from v (tail) to u (head). */
            ag_i_gv_set(ed, "dir", st.toward == y->u ? "forward" : "back");
            ag_i_gv_set(ed, "arrowsize", "0.8");
        }
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
        if (p < 0 || ag_era_graph_find_dyad(eg, (long)v, p) >= 0 || !nodes[v] || !nodes[p])
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

/* Builds the graph of e into *out (NULL on failure), the legend under the
 * title when with_legend. */
static ag_status_t build(const ag_i_style_era_t *e, const ag_render_opts_t *opts,
                         const char *engine, bool with_legend, Agraph_t **out, ag_error_t *err)
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
    ag_i_style_title_legend(&b, e, with_legend, opts->note);
    if ((rc = ag_i_gv_title(g, &b, err)) != AG_OK)
        goto done;
    nodes = calloc(eg->n ? eg->n : 1, sizeof *nodes);
    if (!nodes) {
        rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    if ((rc = add_nodes(g, e, opts->show, nodes, &b, err)) != AG_OK ||
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

size_t ag_ego_vertices(const ag_era_graph_t *g, long ego, int depth, bool *show)
{
    size_t n = 0;
    for (size_t v = 0; v < g->n; v++)
        show[v] = false;
    if (ego < 0 || (size_t)ego >= g->n)
        return 0;
    show[ego] = true;
    n = 1;
    /* Breadth first, one ring at a time: a ring is what the last pass
     * reached. n is small (an era's actors), passes over the dyads cost
     * depth times their number. */
    for (int d = 0; d < depth; d++) {
        bool grew = false;
        bool *ring = calloc(g->n, sizeof *ring);
        if (!ring)
            break;
        for (size_t i = 0; i < g->n_dyads; i++) {
            const ag_dyad_t *y = &g->dyads[i];
            if (y->edge < 0)
                continue;
            if (show[y->u] && !show[y->v])
                ring[y->v] = true;
            if (show[y->v] && !show[y->u])
                ring[y->u] = true;
        }
        for (size_t v = 0; v < g->n; v++)
            if (ring[v]) {
                show[v] = true;
                n++;
                grew = true;
            }
        free(ring);
        if (!grew)
            break;
    }
    return n;
}

/* ---- pinned layouts and a legend beside the diagram ---- */

/* Node names that no actor id can take (ids have no spaces). */
#define FRAME_LL "frame ll"
#define FRAME_UR "frame ur"
#define LEGEND_NODE "legend key"

/* The box of g's nodes (not its label) after a layout. */
static void nodes_box(Agraph_t *g, double *llx, double *lly, double *urx, double *ury)
{
    *llx = *lly = INFINITY;
    *urx = *ury = -INFINITY;
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        double x = ND_coord(n).x, y = ND_coord(n).y;
        double hw = ND_width(n) * 36.0, hh = ND_height(n) * 36.0; /* inches/2 in points */
        *llx = fmin(*llx, x - hw);
        *lly = fmin(*lly, y - hh);
        *urx = fmax(*urx, x + hw);
        *ury = fmax(*ury, y + hh);
    }
    if (*llx > *urx)
        *llx = *lly = *urx = *ury = 0;
}

static void pin(void *obj, double x, double y)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.2f,%.2f!", x, y);
    ag_i_gv_set(obj, "pos", buf);
}

/* An invisible point at (x, y): two of them give every diagram drawn with
 * one layout the same frame. */
static ag_status_t frame_point(Agraph_t *g, const char *name, double x, double y,
                               ag_error_t *err)
{
    Agnode_t *n = agnode(g, (char *)name, 1);
    if (!n)
        return ag_i_gv_error(err, "cannot create a node");
    ag_i_gv_set(n, "shape", "point");
    ag_i_gv_set(n, "style", "invis");
    ag_i_gv_set(n, "width", "0.01");
    ag_i_gv_set(n, "label", "");
    pin(n, x, y);
    return AG_OK;
}

/* Pins every node of g where l places its actor, in l's frame. */
static ag_status_t pin_to_layout(Agraph_t *g, const ag_era_graph_t *eg, const ag_layout_t *l,
                                 ag_error_t *err)
{
    const ag_dataset_t *ds = eg->ds;
    ag_status_t rc;
    for (size_t v = 0; v < eg->n; v++) {
        long a = eg->actor[v];
        Agnode_t *n = agnode(g, ds->actors[a].id, 0);
        if ((size_t)a >= l->n_actors || isnan(l->x[a]))
            return ag_error_set(err, AG_EUSAGE, NULL, 0,
                                "'%s' has no place in the shared layout: lay out the eras "
                                "drawn", ds->actors[a].id);
        if (n)
            pin(n, l->x[a], l->y[a]);
    }
    /* Graphviz's "nop" still removes overlaps when asked to: the places
     * are final (the union layout has none). */
    ag_i_gv_set(g, "overlap", "true");
    if ((rc = frame_point(g, FRAME_LL, l->llx, l->lly, err)) != AG_OK)
        return rc;
    return frame_point(g, FRAME_UR, l->urx, l->ury, err);
}

/* Lays g out with engine and pins every node where it fell; the nodes'
 * box in *box (llx, lly, urx, ury). */
static ag_status_t pin_own_layout(GVC_t *gvc, Agraph_t *g, const char *engine, double box[4],
                                  ag_error_t *err)
{
    /* Lines are routed once, when the pinned graph is drawn. */
    ag_i_gv_set(g, "splines", "false");
    if (gvLayout(gvc, g, engine) != 0)
        return ag_i_gv_error(err, "layout failed");
    nodes_box(g, &box[0], &box[1], &box[2], &box[3]);
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        pin(n, ND_coord(n).x, ND_coord(n).y);
    gvFreeLayout(gvc, g);
    return AG_OK;
}

/* The legend of e as a node pinned to the right of the box, its top level
 * with the box's top. */
static ag_status_t add_side_legend(GVC_t *gvc, Agraph_t *g, const ag_i_style_era_t *e,
                                   const double box[4], ag_error_t *err)
{
    ag_i_sbuf_t b;
    Agraph_t *lg = NULL;
    Agnode_t *n;
    double w, h;
    ag_status_t rc = AG_OK;

    ag_i_sbuf_init(&b);
    ag_i_style_legend(&b, e);
    if (b.oom) {
        ag_i_sbuf_destroy(&b);
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    }
    /* Its size, from a layout of the legend alone. */
    if (!(lg = ag_i_gv_open("legend", "dot", "+0", "+0")) ||
        !(n = agnode(lg, (char *)LEGEND_NODE, 1))) {
        rc = ag_i_gv_error(err, "cannot create the legend");
        goto done;
    }
    ag_i_gv_set(n, "shape", "plaintext");
    ag_i_gv_set(n, "margin", "0");
    if (ag_i_gv_set_html(lg, n, "label", ag_i_sbuf_str(&b)) != 0 || gvLayout(gvc, lg, "dot") != 0) {
        rc = ag_i_gv_error(err, "cannot lay out the legend");
        goto done;
    }
    w = ND_width(n) * 72.0;
    h = ND_height(n) * 72.0;
    gvFreeLayout(gvc, lg);

    if (!(n = agnode(g, (char *)LEGEND_NODE, 1))) {
        rc = ag_i_gv_error(err, "cannot create the legend");
        goto done;
    }
    ag_i_gv_set(n, "shape", "plaintext");
    ag_i_gv_set(n, "margin", "0");
    ag_i_gv_set(n, "tooltip", "legend");
    if (ag_i_gv_set_html(g, n, "label", ag_i_sbuf_str(&b)) != 0) {
        rc = ag_i_gv_error(err, "cannot set the legend");
        goto done;
    }
    pin(n, box[2] + 36.0 + w / 2, box[3] - h / 2);
done:
    if (lg)
        agclose(lg);
    ag_i_sbuf_destroy(&b);
    return rc;
}

/* ---- output ---- */

ag_status_t ag_render(const ag_render_input_t *in, const ag_render_opts_t *opts,
                      char **data, size_t *len, ag_error_t *err)
{
    const char *engine = opts->engine ? opts->engine : AG_RENDER_DEFAULT_ENGINE;
    /* DOT text has no layout to put a legend beside: it keeps it on top. */
    bool side = opts->legend == AG_LEGEND_SIDE && opts->format != AG_RENDER_DOT && in->g->n > 0;
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
    if ((rc = build(&e, opts, opts->layout ? "nop" : engine,
                    /* with_legend = */ !side && opts->legend != AG_LEGEND_NONE, &g, err)) != AG_OK)
        goto done;
    if (opts->layout && (rc = pin_to_layout(g, in->g, opts->layout, err)) != AG_OK)
        goto done;
    if (opts->format == AG_RENDER_DOT) {
        rc = ag_i_gv_dot_text(g, data, len, err);
        goto done;
    }
    if (side) {
        /* A legend beside the drawing: the nodes' places first (shared or
         * laid out now), then the legend pinned to their right. */
        double box[4];
        if (opts->layout) {
            box[0] = opts->layout->llx;
            box[1] = opts->layout->lly;
            box[2] = opts->layout->urx;
            box[3] = opts->layout->ury;
        } else if ((rc = pin_own_layout(gvc, g, engine, box, err)) != AG_OK) {
            goto done;
        }
        if ((rc = add_side_legend(gvc, g, &e, box, err)) != AG_OK)
            goto done;
    }
    rc = ag_i_gv_layout_render(gvc, g, opts->layout || side ? "nop" : engine,
                               ag_render_format_ext(opts->format), /* round = */ true, data,
                               len, err);
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

/* ---- one layout for several eras ---- */

void ag_layout_destroy(ag_layout_t *l)
{
    free(l->x);
    free(l->y);
    memset(l, 0, sizeof *l);
}

/* The largest size each actor has in any era, and the longest line each
 * pair has: the union graph's nodes and edges are no smaller than any
 * era's, so pinned eras do not overlap. */
typedef struct {
    double *w, *h, *fs;
} union_sizes_t;

/* Adds era graph eg (styled as e) to the union graph u. */
static ag_status_t union_add(Agraph_t *u, const ag_i_style_era_t *e, union_sizes_t *sz,
                             ag_i_sbuf_t *b, ag_error_t *err)
{
    const ag_era_graph_t *eg = e->g;
    const ag_dataset_t *ds = eg->ds;
    for (size_t v = 0; v < eg->n; v++) {
        long a = eg->actor[v];
        const ag_actor_t *act = &ds->actors[a];
        double w, h, fs;
        Agnode_t *n = agnode(u, act->id, 0);
        if (!n) {
            if (!(n = agnode(u, act->id, 1)))
                return ag_i_gv_error(err, "cannot create a node");
            ag_i_sbuf_clear(b);
            ag_i_style_node_label(b, act);
            ag_i_gv_set(n, "label", ag_i_sbuf_str(b));
            ag_i_gv_set(n, "shape", ag_i_style_shape(act->kind));
        }
        ag_i_style_node_size(act->kind, ag_i_style_era_scale(e, (long)v), &w, &h, &fs);
        sz->w[a] = fmax(sz->w[a], w);
        sz->h[a] = fmax(sz->h[a], h);
        sz->fs[a] = fmax(sz->fs[a], fs);
    }
    for (size_t d = 0; d < eg->n_dyads; d++) {
        const ag_dyad_t *y = &eg->dyads[d];
        bool anchored = ag_i_style_anchor(eg, y->u) == y->v || ag_i_style_anchor(eg, y->v) == y->u;
        ag_i_edge_style_t st;
        double len;
        Agnode_t *n1, *n2;
        Agedge_t *ed;
        const char *old;
        if (y->edge < 0 && !anchored)
            continue;
        n1 = agnode(u, ds->actors[eg->actor[y->v]].id, 0);
        n2 = agnode(u, ds->actors[eg->actor[y->u]].id, 0);
        if (!(ed = agedge(u, n1, n2, NULL, 0)) && !(ed = agedge(u, n1, n2, NULL, 1)))
            return ag_i_gv_error(err, "cannot create an edge");
        ag_i_style_edge(eg, y, &st);
        len = anchored ? 0.6
                       : st.len + 0.55 * (ag_i_style_era_scale(e, y->u) +
                                          ag_i_style_era_scale(e, y->v));
        old = agget(ed, (char *)"len");
        if (!old || !*old || strtod(old, NULL) < len)
            ag_i_gv_setf(ed, "len", "%.2f", len);
        if (anchored)
            ag_i_gv_set(ed, "weight", "4");
    }
    /* A leader or agency without a relation to its state is still drawn
     * beside it. */
    for (size_t v = 0; v < eg->n; v++) {
        long p = ag_i_style_anchor(eg, (long)v);
        Agnode_t *n1, *n2;
        Agedge_t *ed;
        if (p < 0)
            continue;
        n1 = agnode(u, ds->actors[eg->actor[v]].id, 0);
        n2 = agnode(u, ds->actors[eg->actor[p]].id, 0);
        if (!agedge(u, n1, n2, NULL, 0)) {
            if (!(ed = agedge(u, n1, n2, NULL, 1)))
                return ag_i_gv_error(err, "cannot create an edge");
            ag_i_gv_set(ed, "len", "0.6");
            ag_i_gv_set(ed, "weight", "4");
        }
    }
    return b->oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory") : AG_OK;
}

ag_status_t ag_layout_union(ag_layout_t *l, const ag_dataset_t *ds, const ag_slice_opts_t *base,
                            const long *eras, size_t n_eras, const ag_render_opts_t *opts,
                            ag_error_t *err)
{
    const char *engine = opts->engine ? opts->engine : AG_RENDER_DEFAULT_ENGINE;
    union_sizes_t sz = { NULL, NULL, NULL };
    agusererrf old_errf;
    GVC_t *gvc;
    Agraph_t *u = NULL;
    ag_i_sbuf_t b;
    ag_status_t rc = AG_OK;
    size_t n = ds->n_actors ? ds->n_actors : 1;

    memset(l, 0, sizeof *l);
    if (!ag_render_engine_valid(engine))
        return ag_error_set(err, AG_EUSAGE, NULL, 0,
                            "unknown layout engine '%s' (neato, fdp, sfdp, dot or circo)",
                            engine);
    l->x = malloc(n * sizeof *l->x);
    l->y = malloc(n * sizeof *l->y);
    sz.w = calloc(n, sizeof *sz.w);
    sz.h = calloc(n, sizeof *sz.h);
    sz.fs = calloc(n, sizeof *sz.fs);
    if (!l->x || !l->y || !sz.w || !sz.h || !sz.fs) {
        free(sz.w);
        free(sz.h);
        free(sz.fs);
        ag_layout_destroy(l);
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    }
    l->n_actors = ds->n_actors;
    for (size_t a = 0; a < ds->n_actors; a++)
        l->x[a] = l->y[a] = NAN;
    ag_i_sbuf_init(&b);
    old_errf = ag_i_gv_catch_begin();
    if (!(gvc = ag_i_gv_context()) ||
        !(u = ag_i_gv_open("union", engine, /* sep = */ "+16", /* esep = */ "+6"))) {
        rc = ag_i_gv_error(err, "cannot create a graph");
        goto done;
    }
    for (size_t i = 0; i < n_eras && rc == AG_OK; i++) {
        const ag_era_t *era = &ds->eras[eras[i]];
        ag_slice_opts_t so = *base;
        ag_era_graph_t g;
        ag_metrics_t m;
        ag_i_style_era_t e;
        memset(&g, 0, sizeof g);
        memset(&m, 0, sizeof m);
        memset(&e, 0, sizeof e);
        so.first = era->period.first;
        so.last = era->period.last;
        if ((rc = ag_era_graph_init(&g, ds, &so, err)) == AG_OK &&
            (rc = ag_metrics_compute(&g, 1u << opts->size_by, &m, err)) == AG_OK &&
            (rc = ag_i_style_era_init(&e, &g, era, &m, NULL, opts->size_by, err)) == AG_OK)
            rc = union_add(u, &e, &sz, &b, err);
        ag_i_style_era_destroy(&e);
        ag_metrics_destroy(&m);
        ag_era_graph_destroy(&g);
    }
    if (rc != AG_OK)
        goto done;
    for (Agnode_t *nd = agfstnode(u); nd; nd = agnxtnode(u, nd)) {
        long a = ag_dataset_find_actor(ds, agnameof(nd));
        ag_i_gv_setf(nd, "width", "%.2f", sz.w[a]);
        ag_i_gv_setf(nd, "height", "%.2f", sz.h[a]);
        ag_i_gv_setf(nd, "fontsize", "%.1f", sz.fs[a]);
    }
    ag_i_gv_set(u, "splines", "false");
    if (gvLayout(gvc, u, engine) != 0) {
        rc = ag_i_gv_error(err, "layout failed");
        goto done;
    }
    /* Rounded to a hundredth of a point, as pinned positions are written. */
    for (Agnode_t *nd = agfstnode(u); nd; nd = agnxtnode(u, nd)) {
        long a = ag_dataset_find_actor(ds, agnameof(nd));
        l->x[a] = floor(ND_coord(nd).x * 100.0 + 0.5) / 100.0;
        l->y[a] = floor(ND_coord(nd).y * 100.0 + 0.5) / 100.0;
    }
    nodes_box(u, &l->llx, &l->lly, &l->urx, &l->ury);
    gvFreeLayout(gvc, u);
done:
    if (u)
        agclose(u);
    ag_i_gv_catch_end(old_errf);
    ag_i_sbuf_destroy(&b);
    free(sz.w);
    free(sz.h);
    free(sz.fs);
    if (rc != AG_OK)
        ag_layout_destroy(l);
    return rc;
}
