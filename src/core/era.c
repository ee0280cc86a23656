/*
 * era.c: slicing a dataset into an era's dyads, dyad graph and relation
 * graph (see era.h and docs/METHODS.md, "Slicing and graphs").
 */
#include "actorgraph/era.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/init.h"
#include "core/util.h"

/* ---- names ---- */

int ag_level_parse(const char *s)
{
    if (strcmp(s, "actor") == 0)
        return AG_LEVEL_ACTOR;
    if (strcmp(s, "state") == 0)
        return AG_LEVEL_STATE;
    return -1;
}

int ag_ties_parse(const char *s)
{
    if (strcmp(s, "all") == 0)
        return AG_TIES_ALL;
    if (strcmp(s, "positive") == 0)
        return AG_TIES_POSITIVE;
    if (strcmp(s, "negative") == 0)
        return AG_TIES_NEGATIVE;
    return -1;
}

int ag_dates_parse(const char *s)
{
    if (strcmp(s, "probable") == 0)
        return AG_DATES_PROBABLE;
    if (strcmp(s, "possible") == 0)
        return AG_DATES_POSSIBLE;
    if (strcmp(s, "certain") == 0)
        return AG_DATES_CERTAIN;
    return -1;
}

const char *ag_dates_name(ag_dates_t dates)
{
    return dates == AG_DATES_POSSIBLE ? "possible" : dates == AG_DATES_CERTAIN ? "certain"
                                                                                : "probable";
}

ag_place_t ag_date_place(const ag_date_t *d, int32_t first, int32_t last)
{
    int64_t lo, hi, inside, all;
    if (!ag_date_overlaps(d->first, d->last, first, last))
        return AG_PLACE_OUT;
    if (d->interval)
        return AG_PLACE_INTERVAL;
    if (first <= d->first && d->last <= last)
        return AG_PLACE_INSIDE;
    /* A single date has both ends known, so the day counts are finite;
     * 64 bits because a window may be open (AG_DAY_MIN, AG_DAY_MAX). */
    lo = d->first > first ? d->first : first;
    hi = d->last < last ? d->last : last;
    inside = hi - lo + 1;
    all = (int64_t)d->last - d->first + 1;
    return 2 * inside >= all ? AG_PLACE_MOSTLY : AG_PLACE_PARTLY;
}

bool ag_place_admits(ag_place_t p, ag_dates_t rule)
{
    switch (p) {
    case AG_PLACE_OUT: return false;
    case AG_PLACE_INTERVAL:
    case AG_PLACE_INSIDE: return true;
    case AG_PLACE_MOSTLY: return rule != AG_DATES_CERTAIN;
    case AG_PLACE_PARTLY: return rule == AG_DATES_POSSIBLE;
    }
    return false;
}

const char *ag_place_name(ag_place_t p)
{
    switch (p) {
    case AG_PLACE_INTERVAL: return "interval overlaps";
    case AG_PLACE_INSIDE: return "inside";
    case AG_PLACE_MOSTLY: return "mostly inside";
    case AG_PLACE_PARTLY: return "partly inside";
    case AG_PLACE_OUT: break;
    }
    return "outside";
}

const char *ag_level_name(ag_level_t level)
{
    return level == AG_LEVEL_STATE ? "state" : "actor";
}

const char *ag_ties_name(ag_ties_t ties)
{
    return ties == AG_TIES_POSITIVE ? "positive" : ties == AG_TIES_NEGATIVE ? "negative" : "all";
}

ag_status_t ag_types_mask(const ag_dataset_t *ds, const char *list, bool **mask,
                          ag_error_t *err)
{
    char *copy = ag_i_strdup(list), *save = NULL;
    bool *m = calloc(ds->n_types ? ds->n_types : 1, sizeof *m);
    ag_status_t rc = AG_OK;
    *mask = NULL;
    if (!copy || !m) {
        rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        long t;
        ag_i_trim(tok);
        if (!*tok)
            continue;
        t = ag_dataset_find_type(ds, tok);
        if (t < 0) {
            const char *s = ag_suggest_type(ds, tok);
            rc = ag_error_set(err, AG_EUSAGE, NULL, 0, "unknown relation type '%s'%s%s%s",
                              tok, s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
            goto done;
        }
        m[t] = true;
    }
    *mask = m;
    m = NULL;
done:
    free(copy);
    free(m);
    return rc;
}

/* ---- slicing ---- */

void ag_slice_opts_default(ag_slice_opts_t *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->first = AG_DAY_MIN;
    opts->last = AG_DAY_MAX;
    opts->level = AG_LEVEL_ACTOR;
    opts->ties = AG_TIES_ALL;
    opts->types = NULL;
}

long ag_rollup(const ag_dataset_t *ds, ag_level_t level, long actor)
{
    return level == AG_LEVEL_STATE ? ag_dataset_top_parent(ds, actor) : actor;
}

/* Actor indices by id (qsort_r: the dataset is the key, not a global). */
static int cmp_actor_id(const void *a, const void *b, void *ud)
{
    const ag_dataset_t *ds = ud;
    return strcmp(ds->actors[*(const long *)a].id, ds->actors[*(const long *)b].id);
}

/* A relation's place in a dyad: its pair, then date order. */
typedef struct {
    long u, v, rel;
} pair_t;

static int cmp_pair(const void *a, const void *b, void *ud)
{
    const ag_dataset_t *ds = ud;
    const pair_t *x = a, *y = b;
    const ag_relation_t *rx, *ry;
    int c;
    if (x->u != y->u)
        return x->u < y->u ? -1 : 1;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    rx = &ds->relations[x->rel];
    ry = &ds->relations[y->rel];
    if ((c = ag_date_cmp(&rx->date, &ry->date)) != 0)
        return c;
    return (x->rel > y->rel) - (x->rel < y->rel);
}

/* The weight a relation contributes under the chosen ties, 0 if none. */
static double chosen(ag_ties_t ties, double w)
{
    switch (ties) {
    case AG_TIES_POSITIVE: return w > 0 ? w : 0;
    case AG_TIES_NEGATIVE: return w < 0 ? -w : 0;
    case AG_TIES_ALL: break;
    }
    return w < 0 ? -w : w;
}

void ag_era_graph_destroy(ag_era_graph_t *g)
{
    if (!g)
        return;
    if (g->actor) { /* the igraph objects exist once actor does */
        igraph_destroy(&g->dyad_graph);
        igraph_vector_destroy(&g->dyad_weight);
        igraph_destroy(&g->rel_graph);
        igraph_vector_destroy(&g->rel_weight);
    }
    free(g->dyad_rels);
    free(g->dyads);
    free(g->actor);
    free(g->vertex_of);
    free(g->rels);
    free(g->edge_dyad);
    free(g->arc_rel);
    memset(g, 0, sizeof *g);
}

void ag_era_graph_drop_edges(ag_era_graph_t *g)
{
    igraph_t dyad_graph, rel_graph;
    igraph_vector_t dyad_weight, rel_weight;
    if (!g || !g->actor)
        return;
    /* The empty replacements first: without them, nothing changes. */
    if (igraph_empty(&dyad_graph, 0, false) != IGRAPH_SUCCESS)
        return;
    if (igraph_empty(&rel_graph, 0, true) != IGRAPH_SUCCESS) {
        igraph_destroy(&dyad_graph);
        return;
    }
    if (igraph_vector_init(&dyad_weight, 0) != IGRAPH_SUCCESS) {
        igraph_destroy(&dyad_graph);
        igraph_destroy(&rel_graph);
        return;
    }
    if (igraph_vector_init(&rel_weight, 0) != IGRAPH_SUCCESS) {
        igraph_destroy(&dyad_graph);
        igraph_destroy(&rel_graph);
        igraph_vector_destroy(&dyad_weight);
        return;
    }
    igraph_destroy(&g->dyad_graph);
    igraph_vector_destroy(&g->dyad_weight);
    igraph_destroy(&g->rel_graph);
    igraph_vector_destroy(&g->rel_weight);
    g->dyad_graph = dyad_graph;
    g->dyad_weight = dyad_weight;
    g->rel_graph = rel_graph;
    g->rel_weight = rel_weight;
    free(g->dyad_rels);
    free(g->dyads);
    free(g->rels);
    free(g->edge_dyad);
    free(g->arc_rel);
    g->dyad_rels = NULL;
    g->dyads = NULL;
    g->n_dyads = 0;
    g->rels = NULL;
    g->n_rels = 0;
    g->edge_dyad = NULL;
    g->arc_rel = NULL;
}

static ag_status_t build_graphs(ag_era_graph_t *g, ag_error_t *err)
{
    const ag_dataset_t *ds = g->ds;
    igraph_vector_int_t edges;
    igraph_error_t ie;
    size_t n_edges = 0, n_arcs = 0;
    ag_status_t rc = AG_OK;

    if ((ie = igraph_vector_int_init(&edges, 0)) != IGRAPH_SUCCESS)
        return ag_i_igraph_error(err, ie, "building the dyad graph");
    /* Vectors sized once: grown by doubling, they would keep up to half
     * their room unused for the era's life, and fault in twice the pages. */
    for (size_t d = 0; d < g->n_dyads; d++)
        if (g->dyads[d].W > 0)
            n_edges++;
    if (igraph_vector_int_reserve(&edges, 2 * (igraph_integer_t)n_edges) ||
        igraph_vector_reserve(&g->dyad_weight, (igraph_integer_t)n_edges))
        goto oom;
    n_edges = 0;
    g->edge_dyad = malloc((g->n_dyads ? g->n_dyads : 1) * sizeof *g->edge_dyad);
    if (!g->edge_dyad)
        goto oom;
    for (size_t d = 0; d < g->n_dyads; d++) {
        ag_dyad_t *y = &g->dyads[d];
        y->edge = -1;
        if (y->W <= 0)
            continue;
        if (igraph_vector_int_push_back(&edges, y->u) ||
            igraph_vector_int_push_back(&edges, y->v) ||
            igraph_vector_push_back(&g->dyad_weight, y->W))
            goto oom;
        y->edge = (long)n_edges;
        g->edge_dyad[n_edges++] = (long)d;
    }
    if ((ie = igraph_create(&g->dyad_graph, &edges, (igraph_integer_t)g->n,
                            /* directed = */ false)) != IGRAPH_SUCCESS) {
        rc = ag_i_igraph_error(err, ie, "building the dyad graph");
        igraph_empty(&g->dyad_graph, 0, false);
        igraph_empty(&g->rel_graph, 0, true);
        goto done;
    }

    igraph_vector_int_clear(&edges);
    for (size_t k = 0; k < g->n_rels; k++) {
        const ag_relation_t *r = &ds->relations[g->rels[k]];
        if (chosen(g->opts.ties, r->sign * r->weight) > 0)
            n_arcs += ds->types[r->type].directed ? 1 : 2;
    }
    if (igraph_vector_int_reserve(&edges, 2 * (igraph_integer_t)n_arcs) ||
        igraph_vector_reserve(&g->rel_weight, (igraph_integer_t)n_arcs))
        goto oom_rel;
    g->arc_rel = malloc((n_arcs ? n_arcs : 1) * sizeof *g->arc_rel);
    n_arcs = 0;
    if (!g->arc_rel)
        goto oom_rel;
    for (size_t k = 0; k < g->n_rels; k++) {
        const ag_relation_t *r = &ds->relations[g->rels[k]];
        double w = chosen(g->opts.ties, r->sign * r->weight);
        long s = g->vertex_of[ag_rollup(ds, g->opts.level, r->source)];
        long t = g->vertex_of[ag_rollup(ds, g->opts.level, r->target)];
        int arcs = ds->types[r->type].directed ? 1 : 2;
        if (w <= 0)
            continue;
        for (int a = 0; a < arcs; a++) {
            if (igraph_vector_int_push_back(&edges, a ? t : s) ||
                igraph_vector_int_push_back(&edges, a ? s : t) ||
                igraph_vector_push_back(&g->rel_weight, w))
                goto oom_rel;
            g->arc_rel[n_arcs++] = g->rels[k];
        }
    }
    if ((ie = igraph_create(&g->rel_graph, &edges, (igraph_integer_t)g->n,
                            /* directed = */ true)) != IGRAPH_SUCCESS) {
        rc = ag_i_igraph_error(err, ie, "building the relation graph");
        igraph_empty(&g->rel_graph, 0, true);
    }
    goto done;
oom_rel:
    rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    igraph_empty(&g->rel_graph, 0, true);
    goto done;
oom:
    rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    igraph_empty(&g->dyad_graph, 0, false);
    igraph_empty(&g->rel_graph, 0, true);
done:
    igraph_vector_int_destroy(&edges);
    return rc;
}

ag_status_t ag_era_graph_init(ag_era_graph_t *g, const ag_dataset_t *ds,
                              const ag_slice_opts_t *opts, ag_error_t *err)
{
    long *used = NULL;
    pair_t *pairs = NULL;
    size_t n_used = 0;
    ag_status_t rc = AG_OK;

    memset(g, 0, sizeof *g);
    if ((rc = ag_i_need_init(err)) != AG_OK)
        return rc;
    g->ds = ds;
    g->opts = *opts;
    g->vertex_of = malloc((ds->n_actors ? ds->n_actors : 1) * sizeof *g->vertex_of);
    g->rels = malloc((ds->n_relations ? ds->n_relations : 1) * sizeof *g->rels);
    used = malloc((ds->n_actors ? ds->n_actors : 1) * sizeof *used);
    if (!g->vertex_of || !g->rels || !used)
        goto oom;
    for (size_t a = 0; a < ds->n_actors; a++)
        g->vertex_of[a] = -1;

    /* The slice's relations, and the actors they touch. */
    for (size_t i = 0; i < ds->n_relations; i++) {
        const ag_relation_t *r = &ds->relations[i];
        long s, t;
        if (opts->types && !opts->types[r->type])
            continue;
        if (!ag_place_admits(ag_date_place(&r->date, opts->first, opts->last),
                             opts->dates))
            continue;
        s = ag_rollup(ds, opts->level, r->source);
        t = ag_rollup(ds, opts->level, r->target);
        if (s == t)
            continue;
        g->rels[g->n_rels++] = (long)i;
        if (g->vertex_of[s] < 0) {
            g->vertex_of[s] = 0;
            used[n_used++] = s;
        }
        if (g->vertex_of[t] < 0) {
            g->vertex_of[t] = 0;
            used[n_used++] = t;
        }
    }

    /* Vertices in actor-id order. */
    qsort_r(used, n_used, sizeof *used, cmp_actor_id, (void *)ds);
    g->n = n_used;
    g->actor = used;
    used = NULL;
    for (size_t v = 0; v < g->n; v++)
        g->vertex_of[g->actor[v]] = (long)v;

    /* Dyads: relations grouped by unordered pair, in date order within.
     * The slice's relations are known now: g->rels is cut to them. */
    if (g->n_rels > 0) {
        long *fit = realloc(g->rels, g->n_rels * sizeof *g->rels);
        if (fit)
            g->rels = fit;
    }
    pairs = malloc((g->n_rels ? g->n_rels : 1) * sizeof *pairs);
    g->dyad_rels = malloc((g->n_rels ? g->n_rels : 1) * sizeof *g->dyad_rels);
    if (!pairs || !g->dyad_rels)
        goto oom_actor;
    for (size_t k = 0; k < g->n_rels; k++) {
        const ag_relation_t *r = &ds->relations[g->rels[k]];
        long s = g->vertex_of[ag_rollup(ds, opts->level, r->source)];
        long t = g->vertex_of[ag_rollup(ds, opts->level, r->target)];
        pairs[k].u = s < t ? s : t;
        pairs[k].v = s < t ? t : s;
        pairs[k].rel = g->rels[k];
    }
    qsort_r(pairs, g->n_rels, sizeof *pairs, cmp_pair, (void *)ds);
    {
        size_t n_dyads = 0;
        for (size_t k = 0; k < g->n_rels; k++) {
            g->dyad_rels[k] = pairs[k].rel;
            if (k == 0 || pairs[k].u != pairs[k - 1].u || pairs[k].v != pairs[k - 1].v)
                n_dyads++;
        }
        g->dyads = calloc(n_dyads ? n_dyads : 1, sizeof *g->dyads);
        if (!g->dyads)
            goto oom_actor;
    }
    for (size_t k = 0; k < g->n_rels;) {
        size_t end = k;
        ag_dyad_t *y = &g->dyads[g->n_dyads++];
        while (end < g->n_rels && pairs[end].u == pairs[k].u && pairs[end].v == pairs[k].v)
            end++;
        y->u = pairs[k].u;
        y->v = pairs[k].v;
        y->n_rels = end - k;
        y->rels = g->dyad_rels + k;
        for (size_t j = k; j < end; j++) {
            const ag_relation_t *r = &ds->relations[pairs[j].rel];
            double w = r->sign * r->weight;
            if (w > 0)
                y->pos += w;
            else
                y->neg += -w;
        }
        y->net = y->pos - y->neg;
        y->W = opts->ties == AG_TIES_POSITIVE ? y->pos
             : opts->ties == AG_TIES_NEGATIVE ? y->neg : y->pos + y->neg;
        k = end;
    }
    free(pairs);
    pairs = NULL;

    if (igraph_vector_init(&g->dyad_weight, 0) != IGRAPH_SUCCESS)
        goto oom_actor;
    if (igraph_vector_init(&g->rel_weight, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&g->dyad_weight);
        goto oom_actor;
    }
    /* From here on g->actor is set, and destroy frees the igraph objects:
     * build_graphs leaves both graphs initialised even when it fails. */
    if ((rc = build_graphs(g, err)) != AG_OK) {
        ag_era_graph_destroy(g);
        return rc;
    }
    return AG_OK;

oom_actor:
    free(g->actor);
    g->actor = NULL;
oom:
    free(used);
    free(pairs);
    free(g->dyad_rels);
    free(g->dyads);
    free(g->vertex_of);
    free(g->rels);
    memset(g, 0, sizeof *g);
    return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
}

long ag_era_graph_find_dyad(const ag_era_graph_t *g, long a, long b)
{
    long u = a < b ? a : b, v = a < b ? b : a;
    size_t lo = 0, hi = g->n_dyads;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const ag_dyad_t *y = &g->dyads[mid];
        if (y->u < u || (y->u == u && y->v < v))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < g->n_dyads && g->dyads[lo].u == u && g->dyads[lo].v == v)
        return (long)lo;
    return -1;
}
