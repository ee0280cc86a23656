/*
 * export.c: what an export writes, computed once for every format
 * (export.h): the node and edge columns, each edge's periods of activity
 * and weight over time, clipped to the window and the actors' lifetimes;
 * then the format's writer (export_*.c).
 */
#include "actorgraph/export.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/table.h"
#include "core/util.h"
#include "io/export_i.h"

static const char *const format_names[] = { "graphml", "gexf", "json", "csv", "cyjs",
                                             "csv-nodes" };
#define N_FORMATS (sizeof format_names / sizeof format_names[0])

int ag_export_format_parse(const char *s)
{
    for (size_t i = 0; i < N_FORMATS; i++)
        if (strcmp(s, format_names[i]) == 0)
            return (int)i;
    return -1;
}

const char *ag_export_format_name(ag_export_format_t f)
{
    return (unsigned)f < N_FORMATS ? format_names[f] : "?";
}

const char *ag_export_format_ext(ag_export_format_t f)
{
    return f == AG_EXPORT_CSV_NODES ? "csv" : ag_export_format_name(f);
}

int ag_export_edges_parse(const char *s)
{
    return strcmp(s, "dyads") == 0 ? AG_EXPORT_EDGES_DYADS
         : strcmp(s, "relations") == 0 ? AG_EXPORT_EDGES_RELATIONS : -1;
}

void ag_export_opts_default(ag_export_opts_t *opts, ag_export_format_t fmt)
{
    memset(opts, 0, sizeof *opts);
    opts->format = fmt;
    opts->edges = AG_EXPORT_EDGES_DYADS;
}

void ag_export_title(const ag_dataset_t *ds, const ag_era_t *era, char *buf, size_t n)
{
    if (era)
        snprintf(buf, n, "%s: %s (%s, %s)", ds->name, era->name, era->id, era->period_text);
    else
        snprintf(buf, n, "%s: every relation", ds->name);
}

/* ---- values ---- */

const char *ag_i_export_day(int32_t day, char *buf)
{
    if (day == AG_DAY_MIN || day == AG_DAY_MAX) {
        buf[0] = '\0';
        return buf;
    }
    return ag_day_format(day, buf);
}

void ag_i_xml_text(FILE *fp, const char *s)
{
    /* Control characters other than tab and line ends cannot appear in
     * XML 1.0 at all: they become U+FFFD. */
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': fputs("&amp;", fp); break;
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '"': fputs("&quot;", fp); break;
        case '\'': fputs("&apos;", fp); break;
        case '\t': fputs("&#9;", fp); break;
        case '\n': fputs("&#10;", fp); break;
        case '\r': fputs("&#13;", fp); break;
        default:
            if (c < 0x20)
                fputs("\xEF\xBF\xBD", fp);
            else
                fputc(c, fp);
        }
    }
}

const char *ag_i_export_node_id(const ag_i_export_t *x, size_t v)
{
    return x->g->ds->actors[x->g->actor[v]].id;
}

const char *ag_i_export_node_value(const ag_i_export_t *x, size_t v, const ag_i_col_t *c,
                                   char *buf)
{
    const ag_era_graph_t *g = x->g;
    const ag_actor_t *a = &g->ds->actors[g->actor[v]];
    long top;
    switch ((ag_i_node_src_t)c->src) {
    case AG_I_NODE_LABEL: return a->name;
    case AG_I_NODE_KIND: return ag_kind_name(a->kind);
    case AG_I_NODE_STATE:
        top = ag_dataset_top_parent(g->ds, g->actor[v]);
        return top == g->actor[v] ? "" : g->ds->actors[top].id;
    case AG_I_NODE_COMMUNITY:
        snprintf(buf, 64, "%ld", x->opts->summary->membership[v]);
        return buf;
    case AG_I_NODE_EXTRA: return a->extra ? a->extra[c->index] : "";
    case AG_I_NODE_METRIC: return ag_format_number(x->opts->metrics->value[c->index][v], buf);
    }
    return "";
}

const char *ag_i_export_edge_value(const ag_i_export_t *x, const ag_i_edge_t *e,
                                   const ag_i_col_t *c, char *buf)
{
    const ag_dataset_t *ds = x->g->ds;
    const ag_relation_t *r = e->rel >= 0 ? &ds->relations[e->rel] : NULL;
    switch ((ag_i_edge_src_t)c->src) {
    case AG_I_EDGE_WEIGHT: return ag_format_number(e->weight, buf);
    case AG_I_EDGE_POS: return ag_format_number(e->dyad->pos, buf);
    case AG_I_EDGE_NEG: return ag_format_number(e->dyad->neg, buf);
    case AG_I_EDGE_NET: return ag_format_number(e->dyad->net, buf);
    case AG_I_EDGE_RELATIONS: snprintf(buf, 64, "%zu", e->dyad->n_rels); return buf;
    case AG_I_EDGE_TYPES: return e->types;
    case AG_I_EDGE_CITES: return e->cites;
    case AG_I_EDGE_PERIODS: return e->periods;
    case AG_I_EDGE_TYPE: return ds->types[r->type].id;
    case AG_I_EDGE_DIRECTED: return ds->types[r->type].directed ? "true" : "false";
    case AG_I_EDGE_SIGN: snprintf(buf, 64, "%d", r->sign); return buf;
    case AG_I_EDGE_DATE: return r->date_text ? r->date_text : "";
    case AG_I_EDGE_CITE: return r->cite ? r->cite : "";
    case AG_I_EDGE_NOTE: return r->note ? r->note : "";
    case AG_I_EDGE_START:
        return e->n_spells ? ag_i_export_day(e->spells[0].first, buf) : "";
    case AG_I_EDGE_END:
        return e->n_spells ? ag_i_export_day(e->spells[e->n_spells - 1].last, buf) : "";
    }
    return "";
}

/* ---- columns ---- */

static bool node_columns(ag_i_export_t *x)
{
    const ag_dataset_t *ds = x->g->ds;
    const ag_metrics_t *m = x->opts->metrics;
    size_t n = 0, cap = 4 + ds->actor_cols.n + AG_M_COUNT;
    ag_i_col_t *c = malloc(cap * sizeof *c);
    if (!c)
        return false;
    c[n++] = (ag_i_col_t){ "label", AG_I_COL_STRING, AG_I_NODE_LABEL, 0 };
    c[n++] = (ag_i_col_t){ "kind", AG_I_COL_STRING, AG_I_NODE_KIND, 0 };
    c[n++] = (ag_i_col_t){ "state", AG_I_COL_STRING, AG_I_NODE_STATE, 0 };
    if (x->opts->summary && x->opts->summary->membership)
        c[n++] = (ag_i_col_t){ "community", AG_I_COL_INT, AG_I_NODE_COMMUNITY, 0 };
    for (size_t k = 0; k < ds->actor_cols.n; k++)
        c[n++] = (ag_i_col_t){ ds->actor_cols.names[k], AG_I_COL_STRING, AG_I_NODE_EXTRA,
                               (int)k };
    for (int k = 0; m && k < AG_M_COUNT; k++)
        if (m->value[k])
            c[n++] = (ag_i_col_t){ ag_metric_name((ag_metric_t)k), AG_I_COL_DOUBLE,
                                   AG_I_NODE_METRIC, k };
    x->node_cols = c;
    x->n_node_cols = n;
    return true;
}

static void edge_columns(ag_i_export_t *x)
{
    static const ag_i_col_t dyads[] = {
        { "weight", AG_I_COL_DOUBLE, AG_I_EDGE_WEIGHT, 0 },
        { "pos", AG_I_COL_DOUBLE, AG_I_EDGE_POS, 0 },
        { "neg", AG_I_COL_DOUBLE, AG_I_EDGE_NEG, 0 },
        { "net", AG_I_COL_DOUBLE, AG_I_EDGE_NET, 0 },
        { "relations", AG_I_COL_INT, AG_I_EDGE_RELATIONS, 0 },
        { "types", AG_I_COL_STRING, AG_I_EDGE_TYPES, 0 },
        { "cites", AG_I_COL_STRING, AG_I_EDGE_CITES, 0 },
        { "periods", AG_I_COL_STRING, AG_I_EDGE_PERIODS, 0 },
        { "start", AG_I_COL_STRING, AG_I_EDGE_START, 0 },
        { "end", AG_I_COL_STRING, AG_I_EDGE_END, 0 },
    };
    static const ag_i_col_t relations[] = {
        { "weight", AG_I_COL_DOUBLE, AG_I_EDGE_WEIGHT, 0 },
        { "type", AG_I_COL_STRING, AG_I_EDGE_TYPE, 0 },
        { "directed", AG_I_COL_BOOL, AG_I_EDGE_DIRECTED, 0 },
        { "sign", AG_I_COL_INT, AG_I_EDGE_SIGN, 0 },
        { "date", AG_I_COL_STRING, AG_I_EDGE_DATE, 0 },
        { "start", AG_I_COL_STRING, AG_I_EDGE_START, 0 },
        { "end", AG_I_COL_STRING, AG_I_EDGE_END, 0 },
        { "cite", AG_I_COL_STRING, AG_I_EDGE_CITE, 0 },
        { "note", AG_I_COL_STRING, AG_I_EDGE_NOTE, 0 },
    };
    const ag_i_col_t *src = x->directed ? relations : dyads;
    x->n_edge_cols = x->directed ? sizeof relations / sizeof *relations
                                 : sizeof dyads / sizeof *dyads;
    memcpy(x->edge_cols, src, x->n_edge_cols * sizeof *src);
}

/* ---- time ---- */

static int32_t max32(int32_t a, int32_t b) { return a > b ? a : b; }
static int32_t min32(int32_t a, int32_t b) { return a < b ? a : b; }

/* The lifetime of vertex v's actor within the window. */
static ag_i_span_t vertex_life(const ag_era_graph_t *g, size_t v)
{
    const ag_actor_t *a = &g->ds->actors[g->actor[v]];
    ag_i_span_t s = { g->opts.first, g->opts.last };
    if (a->has_active && a->active.first <= g->opts.last && a->active.last >= g->opts.first) {
        s.first = max32(s.first, a->active.first);
        s.last = min32(s.last, a->active.last);
    }
    return s; /* an actor whose lifetime misses the window (check warns) keeps the window */
}

/* The weight relation r contributes under the ties, 0 if none (as the
 * slice computes it). */
static double chosen_weight(ag_ties_t ties, const ag_relation_t *r)
{
    double w = r->sign * r->weight;
    switch (ties) {
    case AG_TIES_POSITIVE: return w > 0 ? w : 0;
    case AG_TIES_NEGATIVE: return w < 0 ? -w : 0;
    case AG_TIES_ALL: break;
    }
    return w < 0 ? -w : w;
}

/* A change of summed weight: +w on a relation's first day, -w the day
 * after its last (as int64_t: the day after AG_DAY_MAX). */
typedef struct {
    int64_t day;
    double dw;
} change_t;

static int cmp_change(const void *a, const void *b)
{
    const change_t *x = a, *y = b;
    return (x->day > y->day) - (x->day < y->day);
}

static int cmp_span(const void *a, const void *b)
{
    const ag_i_span_t *x = a, *y = b;
    if (x->first != y->first)
        return (x->first > y->first) - (x->first < y->first);
    return (x->last > y->last) - (x->last < y->last);
}

/*
 * Fills e's spells and steps from its relations rels (n of them) clipped to
 * clip: the spells are the union of the relations' day intervals, merged
 * when they overlap or touch; the steps the summed chosen weight between
 * consecutive changes, where it is > 0. When clipping to the lifetimes
 * leaves nothing (relations dated outside an actor's lifetime, which
 * `check` warns about), the window alone clips. Returns false on lack of
 * memory.
 */
static bool edge_time(const ag_i_export_t *x, ag_i_edge_t *e, const long *rels, size_t n,
                      ag_i_span_t clip, ag_i_span_t window)
{
    const ag_dataset_t *ds = x->g->ds;
    ag_i_span_t *sp = malloc((n ? n : 1) * sizeof *sp);
    change_t *ch = malloc((2 * n + 1) * sizeof *ch);
    size_t ns = 0, nc = 0;
    bool ok = false;
    if (!sp || !ch)
        goto done;
    for (int pass = 0; pass < 2 && ns == 0; pass++) {
        ag_i_span_t c = pass == 0 ? clip : window;
        nc = 0;
        for (size_t k = 0; k < n; k++) {
            const ag_relation_t *r = &ds->relations[rels[k]];
            double w = chosen_weight(x->g->opts.ties, r);
            ag_i_span_t s = { max32(r->date.first, c.first), min32(r->date.last, c.last) };
            if (w <= 0 || s.first > s.last)
                continue;
            sp[ns++] = s;
            ch[nc++] = (change_t){ s.first, w };
            ch[nc++] = (change_t){ (int64_t)s.last + 1, -w };
        }
    }
    qsort(sp, ns, sizeof *sp, cmp_span);
    e->n_spells = 0;
    for (size_t k = 0; k < ns; k++) {
        ag_i_span_t *last = e->n_spells ? &sp[e->n_spells - 1] : NULL;
        if (last && (int64_t)sp[k].first <= (int64_t)last->last + 1)
            last->last = max32(last->last, sp[k].last);
        else
            sp[e->n_spells++] = sp[k];
    }
    e->spells = sp;
    sp = NULL;

    /* Weight over time: sweep the changes in day order. */
    qsort(ch, nc, sizeof *ch, cmp_change);
    e->steps = malloc((nc ? nc : 1) * sizeof *e->steps);
    if (!e->steps)
        goto done;
    e->n_steps = 0;
    {
        double w = 0;
        for (size_t k = 0; k < nc;) {
            int64_t day = ch[k].day;
            while (k < nc && ch[k].day == day)
                w += ch[k++].dw;
            if (w < 1e-12)
                w = 0; /* what rounding leaves after the last relation ends */
            if (k < nc && w > 0) {
                ag_i_step_t *prev = e->n_steps ? &e->steps[e->n_steps - 1] : NULL;
                int32_t first = (int32_t)day, last = (int32_t)(ch[k].day - 1);
                if (prev && (int64_t)prev->last + 1 == day && prev->weight == w)
                    prev->last = last;
                else
                    e->steps[e->n_steps++] = (ag_i_step_t){ first, last, w };
            }
        }
    }
    ok = true;
done:
    free(sp);
    free(ch);
    return ok;
}

/* ---- text fields ---- */

/* Appends s to the growing string *buf (length *len, capacity *cap). */
static bool append(char **buf, size_t *len, size_t *cap, const char *s)
{
    size_t n = strlen(s);
    if (!ag_i_grow((void **)buf, cap, *len + n + 1, 1))
        return false;
    memcpy(*buf + *len, s, n + 1);
    *len += n;
    return true;
}

#define MAX_CITES 50

static bool edge_text(const ag_i_export_t *x, ag_i_edge_t *e)
{
    const ag_dataset_t *ds = x->g->ds;
    const ag_dyad_t *y = e->dyad;
    size_t len = 0, cap = 0, kept = 0, more = 0;
    char day[AG_DATE_TEXT_SIZE];
    const char **seen = NULL;
    bool ok = false;

    if (!append(&e->periods, &len, &cap, ""))
        return false;
    for (size_t k = 0; k < e->n_spells; k++) {
        const ag_i_span_t *s = &e->spells[k];
        if ((k && !append(&e->periods, &len, &cap, ";")) ||
            !append(&e->periods, &len, &cap, s->first == AG_DAY_MIN ? ".." :
                    ag_i_export_day(s->first, day)) ||
            !append(&e->periods, &len, &cap, "/") ||
            !append(&e->periods, &len, &cap, s->last == AG_DAY_MAX ? ".." :
                    ag_i_export_day(s->last, day)))
            return false;
    }
    if (!y)
        return true;

    len = cap = 0;
    if (!append(&e->types, &len, &cap, ""))
        return false;
    for (size_t t = 0; t < ds->n_types; t++) {
        bool used = false;
        for (size_t k = 0; k < y->n_rels && !used; k++)
            used = ds->relations[y->rels[k]].type == (long)t;
        if (used && ((len && !append(&e->types, &len, &cap, ";")) ||
                     !append(&e->types, &len, &cap, ds->types[t].id)))
            return false;
    }

    len = cap = 0;
    seen = malloc(MAX_CITES * sizeof *seen);
    if (!seen || !append(&e->cites, &len, &cap, ""))
        goto done;
    for (size_t k = 0; k < y->n_rels; k++) {
        const char *c = ds->relations[y->rels[k]].cite;
        size_t i = 0;
        if (!c || !*c)
            continue;
        while (i < kept && strcmp(seen[i], c) != 0)
            i++;
        if (i < kept)
            continue;
        if (kept == MAX_CITES) {
            more++; /* counts relations, not distinct cites: cheap on huge dyads */
            continue;
        }
        seen[kept++] = c;
        if ((len && !append(&e->cites, &len, &cap, " | ")) ||
            !append(&e->cites, &len, &cap, c))
            goto done;
    }
    if (more) {
        char buf[64];
        snprintf(buf, sizeof buf, " | (%zu more)", more);
        if (!append(&e->cites, &len, &cap, buf))
            goto done;
    }
    ok = true;
done:
    free(seen);
    return ok;
}

/* ---- building ---- */

static void export_destroy(ag_i_export_t *x)
{
    for (size_t i = 0; i < x->n_edges; i++) {
        free(x->edges[i].spells);
        free(x->edges[i].steps);
        free(x->edges[i].types);
        free(x->edges[i].cites);
        free(x->edges[i].periods);
    }
    free(x->edges);
    free(x->node_cols);
    free(x->life);
}

static bool add_edge(ag_i_export_t *x, long u, long v, const ag_dyad_t *y, long rel,
                     double weight, const long *rels, size_t n)
{
    const ag_era_graph_t *g = x->g;
    ag_i_edge_t *e = &x->edges[x->n_edges++];
    ag_i_span_t window = { g->opts.first, g->opts.last };
    ag_i_span_t clip = { max32(x->life[u].first, x->life[v].first),
                         min32(x->life[u].last, x->life[v].last) };
    memset(e, 0, sizeof *e);
    e->u = u;
    e->v = v;
    e->dyad = y;
    e->rel = rel;
    e->weight = weight;
    return edge_time(x, e, rels, n, clip, window) && edge_text(x, e);
}

static bool export_build(ag_i_export_t *x)
{
    const ag_era_graph_t *g = x->g;
    const ag_dataset_t *ds = g->ds;
    size_t cap = x->directed ? g->n_rels : g->n_dyads;
    if (!node_columns(x))
        return false;
    edge_columns(x);
    x->life = malloc((g->n ? g->n : 1) * sizeof *x->life);
    x->edges = malloc((cap ? cap : 1) * sizeof *x->edges);
    if (!x->life || !x->edges)
        return false;
    for (size_t v = 0; v < g->n; v++)
        x->life[v] = vertex_life(g, v);
    if (!x->directed) {
        for (size_t d = 0; d < g->n_dyads; d++) {
            const ag_dyad_t *y = &g->dyads[d];
            if (y->edge >= 0 && !add_edge(x, y->u, y->v, y, -1, y->W, y->rels, y->n_rels))
                return false;
        }
        return true;
    }
    for (size_t k = 0; k < g->n_rels; k++) {
        const ag_relation_t *r = &ds->relations[g->rels[k]];
        double w = chosen_weight(g->opts.ties, r);
        long s = g->vertex_of[ag_rollup(ds, g->opts.level, r->source)];
        long t = g->vertex_of[ag_rollup(ds, g->opts.level, r->target)];
        if (w > 0 && !add_edge(x, s, t, NULL, g->rels[k], w, &g->rels[k], 1))
            return false;
    }
    return true;
}

ag_status_t ag_export_write(const ag_era_graph_t *g, const ag_export_opts_t *opts, FILE *fp,
                            ag_error_t *err)
{
    ag_i_export_t x;
    ag_status_t st = AG_OK;
    memset(&x, 0, sizeof x);
    x.g = g;
    x.opts = opts;
    x.directed = opts->edges == AG_EXPORT_EDGES_RELATIONS;
    if (!export_build(&x)) {
        export_destroy(&x);
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    }
    switch (opts->format) {
    case AG_EXPORT_GRAPHML: ag_i_export_graphml(&x, fp); break;
    case AG_EXPORT_GEXF: ag_i_export_gexf(&x, fp); break;
    case AG_EXPORT_JSON: st = ag_i_export_json(&x, fp, err); break;
    case AG_EXPORT_CYJS: st = ag_i_export_cyjs(&x, fp, err); break;
    case AG_EXPORT_CSV: ag_i_export_csv_edges(&x, fp); break;
    case AG_EXPORT_CSV_NODES: ag_i_export_csv_nodes(&x, fp); break;
    }
    export_destroy(&x);
    if (st == AG_OK && ferror(fp))
        st = ag_error_set(err, AG_EIO, NULL, 0, "write error: %s", strerror(errno));
    return st;
}

ag_status_t ag_export(const ag_era_graph_t *g, const char *title, const ag_metrics_t *metrics,
                      ag_export_format_t fmt, FILE *fp, ag_error_t *err)
{
    ag_export_opts_t opts;
    ag_export_opts_default(&opts, fmt);
    opts.title = title;
    opts.metrics = metrics;
    return ag_export_write(g, &opts, fp, err);
}
