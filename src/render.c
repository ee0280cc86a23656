/*
 * render.c: the Graphviz adapter: builds an era's cgraph graph in the
 * visual language of render_style.c, writes it as DOT, or lays it out and
 * renders it with libgvc in process (see render.h).
 *
 * With render_compare.c (the comparison diagram), the only file that
 * includes Graphviz's headers. Graphviz 2.4x takes char * where it means
 * const char *; the casts stay here.
 */
#include "actorgraph/render.h"

#include <graphviz/cgraph.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/output.h"
#include "render_gv.h"
#include "render_style.h"
#include "util.h"

/* Seed of neato's, fdp's and sfdp's initial placement, so that layouts
 * are reproducible (the day of the 2014 Pakistan-Russia defence pact, as
 * igraph's seed in era.c). */
#define LAYOUT_SEED "20141120"

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

/* ---- Graphviz's messages ---- */

/* Graphviz prints errors and warnings to stderr unless given a function;
 * the library never prints, so they are caught here and the last error
 * goes into the error record. Graphviz's handler is process-wide, hence
 * the static buffer (rendering is not thread-safe anyway). */
static char gv_message[512];

static int catch_message(char *msg)
{
    size_t n;
    /* Warnings ("Warning: ...") are dropped; errors kept, the first one
     * being the most specific. */
    if (strncmp(msg, "Warning", 7) == 0 || *gv_message)
        return 0;
    while (*msg == ' ')
        msg++;
    if (strncmp(msg, "Error: ", 7) == 0)
        msg += 7;
    snprintf(gv_message, sizeof gv_message, "%s", msg);
    n = strlen(gv_message);
    while (n > 0 && (gv_message[n - 1] == '\n' || gv_message[n - 1] == ' '))
        gv_message[--n] = '\0';
    return 0;
}

static ag_status_t gv_error(ag_error_t *err, const char *what)
{
    return ag_error_set(err, AG_ERENDER, NULL, 0, "graphviz: %s%s%s", what,
                        *gv_message ? ": " : "", gv_message);
}

/* gvRenderData's length is unsigned int * in Graphviz 2.x and size_t *
 * from 3.0 on (whose graphviz_version.h defines the major version). */
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 3
typedef size_t gv_length_t;
#else
typedef unsigned int gv_length_t;
#endif

static int render_data(GVC_t *gvc, Agraph_t *g, const char *format, char **data, size_t *len)
{
    gv_length_t n = 0;
    int rc = gvRenderData(gvc, g, format, data, &n);
    *len = (size_t)n;
    return rc;
}

/* ---- the context ---- */

/*
 * One Graphviz context for the whole process. Graphviz 2.42's pango
 * plugin remembers the last font name it measured as a pointer into the
 * context's font table; freeing that context and measuring text in the
 * next one reads freed memory. A single context, freed once at the end
 * (ag_render_cleanup), never leaves that pointer dangling.
 */
static GVC_t *shared_gvc;

GVC_t *ag_gv_context(void)
{
    if (!shared_gvc)
        shared_gvc = gvContext();
    return shared_gvc;
}

void ag_render_cleanup(void)
{
    if (shared_gvc) {
        gvFreeContext(shared_gvc);
        shared_gvc = NULL;
    }
}

/* ---- building the graph ---- */

/* Sets an attribute with an empty default, so that only objects that have
 * it carry it in the DOT text (a non-empty default would be written as a
 * global declaration and given to every object). */
static void set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static void setf(void *obj, const char *name, const char *fmt, double v)
{
    char buf[64];
    snprintf(buf, sizeof buf, fmt, v);
    set(obj, name, buf);
}

/* An HTML-like label must be a string made by agstrdup_html. */
static int set_html(Agraph_t *g, void *obj, const char *name, const char *html)
{
    char *h = agstrdup_html(g, (char *)html);
    if (!h)
        return -1;
    set(obj, name, h);
    agstrfree(g, h);
    return 0;
}

/* Attributes every node or edge shares, declared once. */
static void set_defaults(Agraph_t *g)
{
    agattr(g, AGNODE, (char *)"fontname", (char *)AG_STYLE_FONT);
    agattr(g, AGNODE, (char *)"style", (char *)"filled");
    agattr(g, AGNODE, (char *)"fillcolor", (char *)AG_STYLE_FILL_NONE);
    agattr(g, AGNODE, (char *)"color", (char *)"#333333");
    agattr(g, AGNODE, (char *)"margin", (char *)"0.06,0.03");
    agattr(g, AGEDGE, (char *)"fontname", (char *)AG_STYLE_FONT);
}

static void set_graph_attrs(Agraph_t *g, const char *engine)
{
    set(g, "layout", engine);
    /* A fixed seed for the initial placement (neato, fdp, sfdp). */
    set(g, "start", LAYOUT_SEED);
    /* No node may overlap another (Prism removes overlaps while keeping
     * the layout's shape), with room around each so that lines can pass
     * between labels. Prism first spreads the layout to 4 times the mean
     * label size by default, which leaves the labels tiny in a vast
     * drawing; once the mean label size keeps it compact. */
    set(g, "overlap", "prism");
    set(g, "overlap_scaling", "-1");
    set(g, "sep", "+16");
    set(g, "esep", "+6");
    /* Lines route around nodes rather than through their labels, and are
     * drawn under them. */
    set(g, "splines", "true");
    set(g, "outputorder", "edgesfirst");
    set(g, "fontname", AG_STYLE_FONT);
    set(g, "labelloc", "t");
    set(g, "labeljust", "l");
    set(g, "pad", "0.3");
    set(g, "bgcolor", "white");
}

static ag_status_t add_nodes(Agraph_t *g, const ag_style_era_t *e, Agnode_t **nodes,
                             ag_sbuf_t *b, ag_error_t *err)
{
    const ag_era_graph_t *eg = e->g;
    const ag_dataset_t *ds = eg->ds;
    char buf[64];

    for (size_t v = 0; v < eg->n; v++) {
        const ag_actor_t *a = &ds->actors[eg->actor[v]];
        double w, h, fs;
        Agnode_t *n = agnode(g, a->id, 1);
        if (!n)
            return gv_error(err, "cannot create a node");
        nodes[v] = n;
        ag_style_node_size(a->kind, ag_style_era_scale(e, (long)v), &w, &h, &fs);
        ag_sbuf_clear(b);
        ag_style_node_label(b, a);
        set(n, "label", ag_sbuf_str(b));
        set(n, "shape", ag_style_shape(a->kind));
        if (strcmp(ag_style_node_style(a->kind), "filled") != 0)
            set(n, "style", ag_style_node_style(a->kind));
        setf(n, "width", "%.2f", w);
        setf(n, "height", "%.2f", h);
        setf(n, "fontsize", "%.1f", fs);
        if (strcmp(e->community_fill[v], AG_STYLE_FILL_NONE) != 0)
            set(n, "fillcolor", e->community_fill[v]);
        ag_sbuf_clear(b);
        ag_style_node_tooltip(b, e, (long)v);
        set(n, "tooltip", ag_sbuf_str(b));
        /* Data for whoever reads the DOT (Gephi keeps unknown attributes
         * as columns); Graphviz ignores them. */
        set(n, "kind", ag_kind_name(a->kind));
        if (e->summary && e->summary->membership) {
            snprintf(buf, sizeof buf, "%ld", e->summary->membership[v] + 1);
            set(n, "community", buf);
        }
        if (e->metrics && e->metrics->value[e->size_by]) {
            snprintf(buf, sizeof buf, "%.10g", e->metrics->value[e->size_by][v]);
            set(n, ag_metric_name(e->size_by), buf);
        }
    }
    return b->oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory") : AG_OK;
}

static ag_status_t add_edges(Agraph_t *g, const ag_style_era_t *e, Agnode_t **nodes,
                             ag_sbuf_t *b, ag_error_t *err)
{
    const ag_era_graph_t *eg = e->g;
    const ag_dataset_t *ds = eg->ds;
    static const char *const sign_word[] = { "cooperative", "conflictual", "mixed" };
    char buf[64];

    for (size_t d = 0; d < eg->n_dyads; d++) {
        const ag_dyad_t *y = &eg->dyads[d];
        ag_edge_style_t st;
        Agedge_t *ed;
        if (y->edge < 0)
            continue;
        /* The later vertex as tail: cgraph writes each node's edges after
         * it, so node statements then come in vertex order. */
        ed = agedge(g, nodes[y->v], nodes[y->u], NULL, 1);
        if (!ed)
            return gv_error(err, "cannot create an edge");
        ag_style_edge(eg, y, &st);
        set(ed, "color", st.color);
        setf(ed, "penwidth", "%.2f", st.penwidth);
        if (st.line != AG_LINE_SOLID)
            set(ed, "style", ag_line_name(st.line));
        /* A leader beside its own state: the same pull as the thin tie
         * drawn when they have no relation. Otherwise the preferred length
         * grows with the two nodes, so that a line between two large
         * nodes stays long enough to be seen. */
        if (ag_style_anchor(eg, y->u) == y->v || ag_style_anchor(eg, y->v) == y->u) {
            set(ed, "len", "0.6");
            set(ed, "weight", "4");
        } else {
            double grow = ag_style_era_scale(e, y->u) + ag_style_era_scale(e, y->v);
            if (grow > 0)
                setf(ed, "len", "%.2f", st.len + 0.55 * grow);
        }
        ag_sbuf_clear(b);
        ag_style_edge_tooltip(b, e, y);
        set(ed, "tooltip", ag_sbuf_str(b));
        set(ed, "sign", sign_word[st.sign]);
        snprintf(buf, sizeof buf, "%.10g", y->W);
        set(ed, "W", buf);
        snprintf(buf, sizeof buf, "%.10g", y->net);
        set(ed, "net", buf);
        snprintf(buf, sizeof buf, "%zu", y->n_rels);
        set(ed, "relations", buf);
        if (st.dominant >= 0)
            set(ed, "type", ds->types[st.dominant].id);
    }

    /* Leaders and agencies next to their state: a short, stiff, thin grey
     * line where they have no relation of their own. */
    for (size_t v = 0; v < eg->n; v++) {
        long p = ag_style_anchor(eg, (long)v);
        Agedge_t *ed;
        if (p < 0 || ag_era_graph_find_dyad(eg, (long)v, p) >= 0)
            continue;
        ed = agedge(g, nodes[(long)v > p ? (long)v : p], nodes[(long)v > p ? p : (long)v],
                    NULL, 1);
        if (!ed)
            return gv_error(err, "cannot create an edge");
        set(ed, "color", AG_STYLE_ACTS_FOR);
        set(ed, "penwidth", "1");
        set(ed, "len", "0.6");
        set(ed, "weight", "4");
        ag_sbuf_clear(b);
        ag_sbuf_tip(b, ds->actors[eg->actor[v]].name);
        ag_sbuf_add(b, " acts for ");
        ag_sbuf_tip(b, ds->actors[eg->actor[p]].name);
        set(ed, "tooltip", ag_sbuf_str(b));
        set(ed, "tie", "acts-for");
    }
    return b->oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory") : AG_OK;
}

/* Builds the graph of e into *out (NULL on failure). */
static ag_status_t build(const ag_style_era_t *e, const char *engine, Agraph_t **out,
                         ag_error_t *err)
{
    const ag_era_graph_t *eg = e->g;
    Agnode_t **nodes = NULL;
    Agraph_t *g;
    ag_sbuf_t b;
    ag_status_t rc = AG_OK;

    *out = NULL;
    ag_sbuf_init(&b);
    g = agopen((char *)(e->era ? e->era->id : eg->ds->name), Agundirected, NULL);
    if (!g)
        return gv_error(err, "cannot create a graph");
    set_defaults(g);
    set_graph_attrs(g, engine);
    ag_style_title_legend(&b, e);
    if (b.oom) {
        rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    if (set_html(g, g, "label", ag_sbuf_str(&b)) != 0) {
        rc = gv_error(err, "cannot set the title");
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
    ag_sbuf_destroy(&b);
    if (rc != AG_OK)
        agclose(g);
    else
        *out = g;
    return rc;
}

/* ---- output ---- */

static ag_status_t write_dot(Agraph_t *g, char **data, size_t *len, ag_error_t *err)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *fp = open_memstream(&buf, &n);
    int bad;
    if (!fp)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    bad = agwrite(g, fp) == EOF;
    bad |= ferror(fp) != 0;
    bad |= fclose(fp) != 0;
    if (bad) {
        free(buf);
        return gv_error(err, "cannot write the DOT text");
    }
    *data = buf;
    *len = n;
    return AG_OK;
}

/* Cairo stamps PDFs with the time of rendering; blanking the entry (same
 * length, so the cross-reference offsets hold) keeps the output
 * reproducible. */
static void blank_pdf_date(char *data, size_t len)
{
    static const char key[] = "/CreationDate (";
    const size_t klen = sizeof key - 1;
    for (size_t i = 0; i + klen < len; i++) {
        if (memcmp(data + i, key, klen) != 0)
            continue;
        for (size_t j = i; j < len; j++) {
            char c = data[j];
            data[j] = ' ';
            if (c == ')')
                break;
        }
        return;
    }
}

/*
 * Rounds every coordinate of a laid-out graph to a hundredth of a point.
 * Neato's spline routing comes out different in the last bits from one
 * run to the next, and the whole drawing is translated by a bounding box
 * that includes the splines, so every coordinate carries that noise; PDF's
 * six decimals show it (SVG's two hide it). Rounded, the same input gives
 * the same bytes in every format.
 */
static double round2(double x)
{
    return floor(x * 100.0 + 0.5) / 100.0;
}

static void round_point(pointf *p)
{
    p->x = round2(p->x);
    p->y = round2(p->y);
}

static void round_label(textlabel_t *l)
{
    if (l)
        round_point(&l->pos);
}

static void round_layout(Agraph_t *g)
{
    round_point(&GD_bb(g).LL);
    round_point(&GD_bb(g).UR);
    round_label(GD_label(g));
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        round_point(&ND_coord(n));
        round_label(ND_label(n));
        round_label(ND_xlabel(n));
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            splines *spl = ED_spl(e);
            round_label(ED_label(e));
            round_label(ED_xlabel(e));
            round_label(ED_head_label(e));
            round_label(ED_tail_label(e));
            for (int i = 0; spl && i < spl->size; i++) {
                bezier *bz = &spl->list[i];
                for (int k = 0; k < bz->size; k++)
                    round_point(&bz->list[k]);
                round_point(&bz->sp);
                round_point(&bz->ep);
            }
        }
    }
}

static ag_status_t layout_render(GVC_t *gvc, Agraph_t *g, const char *engine,
                                 ag_render_format_t fmt, char **data, size_t *len,
                                 ag_error_t *err)
{
    char *out = NULL;
    size_t n = 0;
    ag_status_t rc = AG_OK;

    if (gvLayout(gvc, g, engine) != 0)
        return gv_error(err, "layout failed");
    round_layout(g);
    if (render_data(gvc, g, ag_render_format_ext(fmt), &out, &n) != 0 || !out) {
        rc = gv_error(err, "rendering failed");
    } else if (!(*data = malloc(n + 1))) {
        rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    } else {
        memcpy(*data, out, n);
        (*data)[n] = '\0';
        *len = n;
        if (fmt == AG_RENDER_PDF)
            blank_pdf_date(*data, n);
    }
    if (out)
        gvFreeRenderData(out);
    gvFreeLayout(gvc, g);
    return rc;
}

ag_status_t ag_render(const ag_render_input_t *in, const ag_render_opts_t *opts,
                      char **data, size_t *len, ag_error_t *err)
{
    const char *engine = opts->engine ? opts->engine : AG_RENDER_DEFAULT_ENGINE;
    agusererrf old_errf;
    GVC_t *gvc = NULL;
    ag_style_era_t e;
    Agraph_t *g = NULL;
    ag_status_t rc;

    *data = NULL;
    *len = 0;
    if (!ag_render_engine_valid(engine))
        return ag_error_set(err, AG_EUSAGE, NULL, 0,
                            "unknown layout engine '%s' (neato, fdp, sfdp, dot or circo)",
                            engine);
    if ((rc = ag_style_era_init(&e, in->g, in->era, in->metrics, in->summary, opts->size_by,
                                err)) != AG_OK)
        return rc;

    gv_message[0] = '\0';
    old_errf = agseterrf(catch_message);
    /* Graphviz wants this order: context, graph, layout, render, free
     * layout, close graph (and, once at the end, free context). The DOT
     * text is written before any layout, or it would carry positions. */
    gvc = ag_gv_context();
    if (!gvc) {
        rc = gv_error(err, "cannot create a context");
        goto done;
    }
    if ((rc = build(&e, engine, &g, err)) != AG_OK)
        goto done;
    if (opts->format == AG_RENDER_DOT)
        rc = write_dot(g, data, len, err);
    else
        rc = layout_render(gvc, g, engine, opts->format, data, len, err);
done:
    if (g)
        agclose(g);
    agseterrf(old_errf);
    ag_style_era_destroy(&e);
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
