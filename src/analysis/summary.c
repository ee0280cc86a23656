/*
 * summary.c: figures describing a whole era graph, and its communities
 * (see summary.h and docs/METHODS.md, "Summary figures").
 */
#include "actorgraph/summary.h"

#include "actorgraph/balance.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/init.h"


void ag_summary_destroy(ag_summary_t *s)
{
    if (!s)
        return;
    free(s->membership);
    memset(s, 0, sizeof *s);
}

/* Members of a community in order of net-positive strength inside it
 * (strongest first), then vertex order. */
static int cmp_inside(const void *pa, const void *pb, void *ud)
{
    const double *inside = ud;
    long a = *(const long *)pa, b = *(const long *)pb;
    if (inside[a] != inside[b])
        return inside[a] > inside[b] ? -1 : 1;
    return (a > b) - (a < b);
}

/*
 * Splits every community that holds two vertices whose dyad's net is
 * negative, so that no bloc holds two enemies (docs/METHODS.md, "Blocs").
 * The members of such a community are taken in order of their net-positive
 * strength inside it (strongest first, then vertex order); each joins the
 * first part with which it has no negative dyad and the most net-positive
 * weight, or starts a new part. Communities without a negative pair are
 * left whole. membership has n entries; communities are renumbered later.
 * Each member looks only at its own dyads (a list per vertex), so the
 * work is linear in the dyads and members, however large the community.
 * Returns the new number of communities, or -1 when out of memory.
 */
static long split_enemies(const ag_era_graph_t *g, igraph_vector_int_t *memb, long nc)
{
    size_t n = g->n, nd = g->n_dyads;
    long *order = NULL, *part = NULL, *start = NULL, *cstart = NULL, *inc = NULL, *fill = NULL;
    long *touched = NULL, next = nc, result = -1;
    double *inside = NULL, *gain = NULL;
    bool *bad = calloc((size_t)nc + 1, sizeof *bad), *placed = NULL;

    order = malloc((n ? n : 1) * sizeof *order);
    part = malloc((n ? n : 1) * sizeof *part);
    placed = calloc(n ? n : 1, sizeof *placed);
    inside = calloc(n ? n : 1, sizeof *inside);
    gain = calloc(n + (size_t)nc + 1, sizeof *gain);
    touched = malloc((n ? n : 1) * sizeof *touched);
    start = calloc(n + 1, sizeof *start);
    cstart = calloc((size_t)nc + 2, sizeof *cstart);
    inc = malloc((nd ? 2 * nd : 1) * sizeof *inc);
    fill = malloc((n + (size_t)nc + 1) * sizeof *fill);
    if (!bad || !order || !part || !placed || !inside || !gain || !touched || !start ||
        !cstart || !inc || !fill)
        goto done;
    for (size_t d = 0; d < nd; d++) {
        const ag_dyad_t *y = &g->dyads[d];
        igraph_integer_t cu = VECTOR(*memb)[y->u], cv = VECTOR(*memb)[y->v];
        start[y->u + 1]++;
        start[y->v + 1]++;
        if (cu != cv)
            continue;
        if (ag_dyad_sign(y) < 0)
            bad[cu] = true;
        else if (ag_dyad_sign(y) > 0) {
            inside[y->u] += y->net;
            inside[y->v] += y->net;
        }
    }
    /* Each vertex's dyads, and each community's members in vertex order. */
    for (size_t v = 0; v < n; v++) {
        start[v + 1] += start[v];
        fill[v] = start[v];
    }
    for (size_t d = 0; d < nd; d++) {
        inc[fill[g->dyads[d].u]++] = (long)d;
        inc[fill[g->dyads[d].v]++] = (long)d;
    }
    for (size_t v = 0; v < n; v++)
        cstart[VECTOR(*memb)[v] + 1]++;
    for (long c = 0; c <= nc; c++) {
        cstart[c + 1] += cstart[c];
        fill[c] = cstart[c];
    }
    for (size_t v = 0; v < n; v++)
        order[fill[VECTOR(*memb)[v]]++] = (long)v;

    for (long c = 0; c < nc; c++) {
        long *mem = order + cstart[c], k = cstart[c + 1] - cstart[c], first_part = next;
        if (!bad[c])
            continue;
        qsort_r(mem, (size_t)k, sizeof *mem, cmp_inside, inside);
        for (long i = 0; i < k; i++) {
            long v = mem[i], best = -1, n_touched = 0;
            /* Gains from v's placed fellow members: -inf rules a part out. */
            for (long j = start[v]; j < start[v + 1]; j++) {
                const ag_dyad_t *y = &g->dyads[inc[j]];
                long u = y->u == v ? y->v : y->u, p;
                int sign = ag_dyad_sign(y);
                if (!placed[u] || VECTOR(*memb)[u] != c || sign == 0)
                    continue;
                p = part[u];
                if (gain[p] == 0)
                    touched[n_touched++] = p;
                if (sign < 0)
                    gain[p] = -INFINITY;
                else if (gain[p] != -INFINITY)
                    gain[p] += y->net;
            }
            /* The part with the most gain (the first among equals); when
             * no part gains, the first part not ruled out. */
            for (long t = 0; t < n_touched; t++) {
                long p = touched[t];
                if (gain[p] > 0 && (best < 0 || gain[p] > gain[best] ||
                                    (gain[p] == gain[best] && p < best)))
                    best = p;
            }
            if (best < 0)
                for (long p = first_part; p < next; p++)
                    if (gain[p] != -INFINITY) {
                        best = p;
                        break;
                    }
            for (long t = 0; t < n_touched; t++)
                gain[touched[t]] = 0;
            part[v] = best >= 0 ? best : next++;
            placed[v] = true;
        }
        for (long i = 0; i < k; i++)
            VECTOR(*memb)[mem[i]] = part[mem[i]];
    }
    result = next;
done:
    free(bad);
    free(order);
    free(part);
    free(placed);
    free(inside);
    free(gain);
    free(touched);
    free(start);
    free(cstart);
    free(inc);
    free(fill);
    return result;
}

/*
 * Blocs: communities of the net-positive layer (dyads whose net is > 0,
 * weighted by the net), by Leiden with the modularity objective (node
 * weights = strengths, resolution 1/2m), run until stable, from a fixed
 * seed; then every community holding two vertices with a negative net is
 * split (split_enemies). Communities are renumbered in order of their
 * first vertex. membership gets n entries; *count the number of
 * communities, *q the weighted modularity of the final partition on the
 * net-positive layer (NaN without edges).
 */
static igraph_error_t communities(const ag_era_graph_t *g, long *membership, long *count,
                                  double *q)
{
    igraph_t pos;
    igraph_vector_int_t edges, memb;
    igraph_vector_t w, strength;
    igraph_integer_t nc = 0;
    igraph_real_t quality, total = 0;
    long *renum = NULL, k = 0, parts;
    size_t n = g->n;

    IGRAPH_CHECK(igraph_vector_int_init(&edges, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
    IGRAPH_CHECK(igraph_vector_int_init(&memb, (igraph_integer_t)n));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &memb);
    IGRAPH_VECTOR_INIT_FINALLY(&w, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&strength, (igraph_integer_t)n);
    renum = IGRAPH_CALLOC(n + 1, long);
    IGRAPH_CHECK_OOM(renum, "communities");
    IGRAPH_FINALLY(igraph_free, renum);

    for (size_t d = 0; d < g->n_dyads; d++) {
        const ag_dyad_t *y = &g->dyads[d];
        /* The same zero as balance: a net that prints as 0 is no tie. */
        if (ag_dyad_sign(y) <= 0)
            continue;
        IGRAPH_CHECK(igraph_vector_int_push_back(&edges, y->u));
        IGRAPH_CHECK(igraph_vector_int_push_back(&edges, y->v));
        IGRAPH_CHECK(igraph_vector_push_back(&w, y->net));
        VECTOR(strength)[y->u] += y->net;
        VECTOR(strength)[y->v] += y->net;
        total += y->net;
    }
    IGRAPH_CHECK(igraph_create(&pos, &edges, (igraph_integer_t)n, /* directed = */ false));
    IGRAPH_FINALLY(igraph_destroy, &pos);

    if (total > 0) {
        igraph_rng_seed(igraph_rng_default(), AG_I_SEED);
        IGRAPH_CHECK(igraph_community_leiden(&pos, &w, &strength,
                                             /* resolution = */ 1 / (2 * total),
                                             /* beta = */ 0.01, /* start = */ false,
                                             /* n_iterations = */ -1, &memb, &nc, &quality));
    } else {
        for (size_t v = 0; v < n; v++)
            VECTOR(memb)[v] = (igraph_integer_t)v;
        nc = (igraph_integer_t)n;
    }
    parts = split_enemies(g, &memb, (long)nc);
    if (parts < 0)
        IGRAPH_ERROR("communities", IGRAPH_ENOMEM);
    /* Splitting numbers new parts after Leiden's: there may be more than n
     * part numbers, so the renumbering table grows. */
    {
        long *more = IGRAPH_REALLOC(renum, (size_t)parts + 1, long);
        IGRAPH_CHECK_OOM(more, "communities");
        IGRAPH_FINALLY_CLEAN(1);
        renum = more;
        IGRAPH_FINALLY(igraph_free, renum);
    }
    for (long c = 0; c < parts; c++)
        renum[c] = -1;
    for (size_t v = 0; v < n; v++) {
        igraph_integer_t c = VECTOR(memb)[v];
        if (renum[c] < 0)
            renum[c] = k++;
        membership[v] = renum[c];
        VECTOR(memb)[v] = renum[c];
    }
    *count = k;
    *q = NAN;
    if (total > 0)
        IGRAPH_CHECK(igraph_modularity(&pos, &memb, &w, /* resolution = */ 1,
                                       /* directed = */ false, q));

    igraph_destroy(&pos);
    IGRAPH_FREE(renum);
    igraph_vector_destroy(&strength);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&memb);
    igraph_vector_int_destroy(&edges);
    IGRAPH_FINALLY_CLEAN(6);
    return IGRAPH_SUCCESS;
}

ag_status_t ag_summary_blocs_from(ag_summary_t *s, const ag_era_graph_t *g,
                                  const ag_era_graph_t *coarse, const ag_summary_t *cs,
                                  ag_error_t *err)
{
    size_t n1 = g->n ? g->n : 1, m1 = (size_t)cs->communities + g->n + 1;
    long *memb = malloc(n1 * sizeof *memb), *renum = malloc(m1 * sizeof *renum), k = 0;

    if (!memb || !renum) {
        free(memb);
        free(renum);
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    }
    for (size_t c = 0; c < m1; c++)
        renum[c] = -1;
    for (size_t v = 0; v < g->n; v++) {
        long a = ag_rollup(g->ds, coarse->opts.level, g->actor[v]);
        long w = coarse->vertex_of[a];
        /* Parts past cs's communities: one per vertex without a state. */
        long c = w >= 0 ? cs->membership[w] : cs->communities + (long)v;
        if (renum[c] < 0)
            renum[c] = k++;
        memb[v] = renum[c];
    }
    free(renum);
    free(s->membership);
    s->membership = memb;
    s->communities = k;
    s->modularity = cs->modularity;
    s->bloc_level = coarse->opts.level;
    return AG_OK;
}

/* ag_summary_compute with the private generator in place. */
static ag_status_t compute(const ag_era_graph_t *g, ag_summary_t *s, ag_error_t *err)
{
    igraph_integer_t nc = 0;
    igraph_real_t t = NAN;
    igraph_error_t ie;
    double n = (double)g->n;
    const char *what;

    memset(s, 0, sizeof *s);
    s->vertices = g->n;
    s->relations = g->n_rels;
    s->dyads = g->n_dyads;
    s->edges = (size_t)igraph_ecount(&g->dyad_graph);
    for (size_t d = 0; d < g->n_dyads; d++) {
        /* The same zero as balance and compare: a net that prints as 0. */
        int sign = ag_dyad_sign(&g->dyads[d]);
        if (sign > 0)
            s->positive_dyads++;
        else if (sign < 0)
            s->negative_dyads++;
    }
    s->density = g->n >= 2 ? (double)s->edges / (n * (n - 1) / 2) : 0;
    s->modularity = NAN;
    s->transitivity = NAN;
    s->bloc_level = g->opts.level;
    if (!(s->membership = calloc(g->n ? g->n : 1, sizeof *s->membership))) {
        memset(s, 0, sizeof *s);
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    }
    if (g->n == 0)
        return AG_OK;

    what = "connected components";
    if ((ie = igraph_connected_components(&g->dyad_graph, NULL, NULL, &nc, IGRAPH_WEAK)))
        goto fail;
    s->components = (long)nc;
    what = "transitivity";
    if ((ie = igraph_transitivity_undirected(&g->dyad_graph, &t, IGRAPH_TRANSITIVITY_NAN)))
        goto fail;
    s->transitivity = t;
    what = "communities";
    if ((ie = communities(g, s->membership, &s->communities, &s->modularity)))
        goto fail;
    return AG_OK;
fail:
    ag_summary_destroy(s);
    return ag_i_igraph_error(err, ie, what);
}

ag_status_t ag_summary_compute(const ag_era_graph_t *g, ag_summary_t *s, ag_error_t *err)
{
    ag_i_rng_t rng;
    ag_status_t rc;

    memset(s, 0, sizeof *s);
    if ((rc = ag_i_need_init(err)) != AG_OK || (rc = ag_i_rng_begin(&rng, err)) != AG_OK)
        return rc;
    rc = compute(g, s, err);
    ag_i_rng_end(&rng);
    return rc;
}

ag_status_t ag_summary_compute_blocs(const ag_era_graph_t *g, ag_level_t bloc_level,
                                     ag_summary_t *s, ag_error_t *err)
{
    ag_era_graph_t coarse;
    ag_summary_t cs;
    ag_slice_opts_t so = g->opts;
    ag_status_t rc;

    if ((rc = ag_summary_compute(g, s, err)) != AG_OK || bloc_level == g->opts.level ||
        bloc_level != AG_LEVEL_STATE)
        return rc;
    so.level = AG_LEVEL_STATE;
    if ((rc = ag_era_graph_init(&coarse, g->ds, &so, err)) != AG_OK)
        goto done;
    if ((rc = ag_summary_compute(&coarse, &cs, err)) == AG_OK) {
        rc = ag_summary_blocs_from(s, g, &coarse, &cs, err);
        ag_summary_destroy(&cs);
    }
    ag_era_graph_destroy(&coarse);
done:
    if (rc != AG_OK)
        ag_summary_destroy(s);
    return rc;
}
