/*
 * summary.c: figures describing a whole era graph, and its communities
 * (see summary.h and docs/METHODS.md, "Summary figures").
 */
#include "actorgraph/summary.h"

#include "actorgraph/balance.h"

#include <math.h>
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

/*
 * Communities of the positive layer: Leiden with the modularity objective
 * (node weights = strengths, resolution 1/2m), run until stable, from a
 * fixed seed. Communities are renumbered in order of their first vertex.
 * membership gets n entries; *count the number of communities, *q the
 * weighted modularity (NaN without edges).
 */
static igraph_error_t communities(const ag_era_graph_t *g, long *membership, long *count,
                                  double *q)
{
    igraph_t pos;
    igraph_vector_int_t edges, memb;
    igraph_vector_t w, strength;
    igraph_integer_t nc = 0;
    igraph_real_t quality, total = 0;
    long *renum = NULL, k = 0;
    size_t n = g->n;

    IGRAPH_CHECK(igraph_vector_int_init(&edges, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
    IGRAPH_CHECK(igraph_vector_int_init(&memb, (igraph_integer_t)n));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &memb);
    IGRAPH_VECTOR_INIT_FINALLY(&w, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&strength, (igraph_integer_t)n);
    renum = IGRAPH_CALLOC(n, long);
    IGRAPH_CHECK_OOM(renum, "communities");
    IGRAPH_FINALLY(igraph_free, renum);

    for (size_t d = 0; d < g->n_dyads; d++) {
        const ag_dyad_t *y = &g->dyads[d];
        if (y->pos <= 0)
            continue;
        IGRAPH_CHECK(igraph_vector_int_push_back(&edges, y->u));
        IGRAPH_CHECK(igraph_vector_int_push_back(&edges, y->v));
        IGRAPH_CHECK(igraph_vector_push_back(&w, y->pos));
        VECTOR(strength)[y->u] += y->pos;
        VECTOR(strength)[y->v] += y->pos;
        total += y->pos;
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
    }
    for (size_t v = 0; v < n; v++)
        renum[v] = -1;
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
