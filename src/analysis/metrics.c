/*
 * metrics.c: per-actor centralities of an era graph, and their ranks (see
 * metrics.h and docs/METHODS.md, "Metrics").
 *
 * Every metric has one precise definition, so that an independent
 * implementation (tests/crosscheck/report_networkx.py) can reproduce it to
 * 1e-9. igraph computes what it computes correctly; where igraph 0.10.2 is
 * undefined or wrong (disconnected graphs for eigenvector centrality, HITS
 * on small or disconnected digraphs) the definition is applied here per
 * connected component.
 */
#include "actorgraph/metrics.h"

#include "actorgraph/signed.h"

#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/paths.h"
#include "core/init.h"
#include "core/util.h"

/* Values whose magnitude is below this are stored as 0 (METHODS, 13). */
#define TINY 1e-10
/* Leading eigenvalues closer than this (relative) are ties (METHODS, 10). */
#define TIE 1e-9
/* HITS blocks of up to this many sources are solved densely, larger ones
 * by ARPACK (a dense solve costs k^3). */
#define DENSE_MAX 100

static const char *const metric_names[AG_M_COUNT] = {
    "degree", "strength", "betweenness", "harmonic", "eigenvector",
    "in_degree", "out_degree", "pagerank", "hub", "authority", "pn",
};

const char *ag_metric_name(ag_metric_t m)
{
    return (unsigned)m < AG_M_COUNT ? metric_names[m] : "?";
}

int ag_metric_parse(const char *s)
{
    for (int m = 0; m < AG_M_COUNT; m++)
        if (strcmp(s, metric_names[m]) == 0)
            return m;
    /* "in-degree" is how people write it. */
    if (strcmp(s, "in-degree") == 0)
        return AG_M_IN_DEGREE;
    if (strcmp(s, "out-degree") == 0)
        return AG_M_OUT_DEGREE;
    return -1;
}

/* Edit distance, for suggestions; names are short. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[64];
    if (la >= 63 || lb >= 63)
        return (size_t)-1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb];
}

ag_status_t ag_metric_list_parse(const char *list, unsigned *mask, ag_error_t *err)
{
    char *copy = ag_i_strdup(list), *save = NULL;
    unsigned m = 0;
    ag_status_t rc = AG_OK;
    if (!copy)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        int k;
        ag_i_trim(tok);
        if (!*tok)
            continue;
        if (strcmp(tok, "all") == 0) {
            m |= AG_METRICS_ALL;
            continue;
        }
        if ((k = ag_metric_parse(tok)) < 0) {
            const char *best = NULL;
            size_t bd = strlen(tok) / 3 + 2;
            for (int j = 0; j < AG_M_COUNT; j++) {
                size_t d = distance(tok, metric_names[j]);
                if (d < bd) {
                    bd = d;
                    best = metric_names[j];
                }
            }
            rc = ag_error_set(err, AG_EUSAGE, NULL, 0, "unknown metric '%s'%s%s%s", tok,
                              best ? " (did you mean '" : "", best ? best : "",
                              best ? "'?)" : "");
            goto done;
        }
        m |= 1u << k;
    }
    if (!m)
        rc = ag_error_set(err, AG_EUSAGE, NULL, 0, "no metric named in '%s'", list);
    else
        *mask = m;
done:
    free(copy);
    return rc;
}

/* ---- ranks ---- */

typedef struct {
    double v;
    size_t i;
} ranked_t;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked_t *x = a, *y = b;
    if (x->v != y->v)
        return x->v > y->v ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

ag_status_t ag_rank(const double *values, size_t n, long *rank, ag_error_t *err)
{
    ranked_t *r = malloc((n ? n : 1) * sizeof *r);
    char prev[32], cur[32];
    if (!r)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        r[i].v = values[i];
        r[i].i = i;
    }
    qsort(r, n, sizeof *r, cmp_ranked);
    /* Rounding to 10 digits is monotonic, so values that print the same
     * are neighbours in this order. */
    for (size_t k = 0, first = 0; k < n; k++) {
        ag_i_fmt_num(r[k].v, cur);
        if (k == 0 || strcmp(cur, prev) != 0)
            first = k;
        rank[r[k].i] = (long)first + 1;
        memcpy(prev, cur, sizeof prev);
    }
    free(r);
    return AG_OK;
}

/* ---- helpers ---- */

/* Components of an undirected graph given as an edge list over n vertices,
 * by union-find: comp[v] gets a component number, numbered from 0 in order
 * of each component's first vertex; returns how many. */
static long find_root(long *parent, long v)
{
    while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

static long components(size_t n, const long *from, const long *to, size_t m, long *comp,
                       long *parent)
{
    long k = 0;
    for (size_t v = 0; v < n; v++)
        parent[v] = (long)v;
    for (size_t e = 0; e < m; e++) {
        long a = find_root(parent, from[e]), b = find_root(parent, to[e]);
        if (a != b)
            parent[a > b ? a : b] = a < b ? a : b;
    }
    for (size_t v = 0; v < n; v++)
        comp[v] = -1;
    for (size_t v = 0; v < n; v++) {
        long r = find_root(parent, (long)v);
        if (comp[r] < 0)
            comp[r] = k++;
        comp[v] = comp[r];
    }
    return k;
}

/* Scales x to maximum 1 (when the maximum is positive) and stores tiny
 * values as 0. */
static void scale_max(double *x, size_t n)
{
    double mx = 0;
    for (size_t i = 0; i < n; i++)
        if (x[i] > mx)
            mx = x[i];
    for (size_t i = 0; i < n; i++) {
        if (mx > 0)
            x[i] /= mx;
        if (fabs(x[i]) < TINY)
            x[i] = 0;
    }
}

static void clean(double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fabs(x[i]) < TINY)
            x[i] = 0;
}

/* Makes a Perron vector of one sign (an eigen-solver may return -u) and of
 * unit length; returns its sum. */
static double perron_unit(double *u, size_t k)
{
    double s = 0, nrm = 0;
    for (size_t i = 0; i < k; i++)
        s += u[i];
    for (size_t i = 0; i < k; i++) {
        if (s < 0)
            u[i] = -u[i];
        if (u[i] < 0) /* rounding noise around an exact 0 */
            u[i] = 0;
        nrm += u[i] * u[i];
    }
    nrm = sqrt(nrm);
    s = 0;
    for (size_t i = 0; i < k; i++) {
        u[i] = nrm > 0 ? u[i] / nrm : 0;
        s += u[i];
    }
    return s;
}

/*
 * The limit of power iteration from the all-ones vector, given each
 * component's leading eigenvalue lambda[c] and unit Perron vector (u over
 * the vertices of component comp[v], NAN where a vertex takes no part):
 * components whose lambda is within TIE of the largest contribute
 * (sum of u_c) * u_c, the others 0. out gets n values (not yet scaled).
 * No positive lambda: all 0.
 */
static void combine(size_t n, const long *comp, const double *lambda, const double *usum,
                    const double *u, long ncomp, double *out)
{
    double top = 0;
    for (long c = 0; c < ncomp; c++)
        if (lambda[c] > top)
            top = lambda[c];
    for (size_t v = 0; v < n; v++) {
        long c = comp[v];
        out[v] = 0;
        if (top > 0 && c >= 0 && !isnan(u[v]) && lambda[c] >= top * (1 - TIE))
            out[v] = usum[c] * u[v];
    }
}

/* ---- the metrics ---- */

static void degrees(const ag_era_graph_t *g, ag_metrics_t *m)
{
    double *deg = m->value[AG_M_DEGREE], *str = m->value[AG_M_STRENGTH];
    double *in = m->value[AG_M_IN_DEGREE], *out = m->value[AG_M_OUT_DEGREE];
    for (size_t d = 0; d < g->n_dyads; d++) {
        const ag_dyad_t *y = &g->dyads[d];
        if (y->edge < 0)
            continue;
        if (deg) {
            deg[y->u] += 1;
            deg[y->v] += 1;
        }
        if (str) {
            str[y->u] += y->W;
            str[y->v] += y->W;
        }
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(&g->rel_graph); e++) {
        if (out)
            out[IGRAPH_FROM(&g->rel_graph, e)] += 1;
        if (in)
            in[IGRAPH_TO(&g->rel_graph, e)] += 1;
    }
}

/* Passes the search's progress on with the caller's label. */
typedef struct {
    const ag_metrics_opts_t *o;
} relay_t;

static void relay(void *ud, size_t done, size_t total)
{
    const relay_t *r = ud;
    r->o->progress(r->o->ud, r->o->label, "betweenness and harmonic", done, total);
}

/* Betweenness and harmonic closeness on path lengths 1/W, both from one
 * Dijkstra per source (paths.c); the same values as igraph_betweenness
 * and igraph_harmonic_centrality (normalized), then divided as METHODS
 * says. */
static ag_status_t distances(const ag_era_graph_t *g, const ag_metrics_opts_t *o,
                             double *betw, double *harm, size_t *sources, ag_error_t *err)
{
    igraph_integer_t ne = igraph_ecount(&g->dyad_graph);
    size_t m = (size_t)ne;
    long *from = malloc((m ? m : 1) * sizeof *from), *to = malloc((m ? m : 1) * sizeof *to);
    double *len = malloc((m ? m : 1) * sizeof *len), n = (double)g->n;
    ag_i_paths_opts_t po = { 0 };
    relay_t r = { o };
    ag_status_t rc;

    if (!from || !to || !len) {
        rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    for (igraph_integer_t e = 0; e < ne; e++) {
        from[e] = IGRAPH_FROM(&g->dyad_graph, e);
        to[e] = IGRAPH_TO(&g->dyad_graph, e);
        len[e] = 1.0 / VECTOR(g->dyad_weight)[e];
    }
    po.threads = o->threads;
    po.sample = o->sample > 0 ? (size_t)o->sample : 0;
    po.seed = AG_I_SEED;
    po.progress = o->progress ? relay : NULL;
    po.ud = &r;
    if ((rc = ag_i_paths(g->n, m, from, to, len, &po, betw, harm, sources, err)) != AG_OK)
        goto done;
    if (betw) {
        for (size_t v = 0; v < g->n; v++)
            betw[v] = g->n > 2 ? betw[v] / ((n - 1) * (n - 2) / 2) : 0;
        clean(betw, g->n);
    }
    if (harm) {
        /* As igraph's normalized = true: times 1/(n - 1). */
        for (size_t v = 0; v < g->n; v++)
            harm[v] = g->n > 1 ? harm[v] * (1.0 / (n - 1)) : 0;
        clean(harm, g->n);
    }
done:
    free(len);
    free(to);
    free(from);
    return rc;
}

/*
 * Eigenvector centrality: igraph's on each connected component with an edge
 * (igraph's answer on a disconnected graph depends on its random start),
 * combined as the power iteration from all ones would (METHODS, 10).
 */
static igraph_error_t eigenvector(const ag_era_graph_t *g, double *out)
{
    size_t n = g->n;
    igraph_integer_t ne = igraph_ecount(&g->dyad_graph);
    long *from = NULL, *to = NULL, *comp = NULL, *work = NULL, *local = NULL, ncomp;
    double *lambda = NULL, *usum = NULL, *u = NULL;
    igraph_vector_int_t edges;
    igraph_vector_t w, vec;
    igraph_arpack_options_t arpack;

    if (ne == 0) {
        for (size_t v = 0; v < n; v++)
            out[v] = 0;
        return IGRAPH_SUCCESS;
    }
    from = IGRAPH_CALLOC(ne, long);
    IGRAPH_CHECK_OOM(from, "eigenvector centrality");
    IGRAPH_FINALLY(igraph_free, from);
    to = IGRAPH_CALLOC(ne, long);
    IGRAPH_CHECK_OOM(to, "eigenvector centrality");
    IGRAPH_FINALLY(igraph_free, to);
    comp = IGRAPH_CALLOC(n, long);
    IGRAPH_CHECK_OOM(comp, "eigenvector centrality");
    IGRAPH_FINALLY(igraph_free, comp);
    work = IGRAPH_CALLOC(n, long);
    IGRAPH_CHECK_OOM(work, "eigenvector centrality");
    IGRAPH_FINALLY(igraph_free, work);
    local = IGRAPH_CALLOC(n, long);
    IGRAPH_CHECK_OOM(local, "eigenvector centrality");
    IGRAPH_FINALLY(igraph_free, local);
    u = IGRAPH_CALLOC(n, double);
    IGRAPH_CHECK_OOM(u, "eigenvector centrality");
    IGRAPH_FINALLY(igraph_free, u);
    for (igraph_integer_t e = 0; e < ne; e++) {
        from[e] = IGRAPH_FROM(&g->dyad_graph, e);
        to[e] = IGRAPH_TO(&g->dyad_graph, e);
    }
    ncomp = components(n, from, to, (size_t)ne, comp, work);
    lambda = IGRAPH_CALLOC(ncomp, double);
    IGRAPH_CHECK_OOM(lambda, "eigenvector centrality");
    IGRAPH_FINALLY(igraph_free, lambda);
    usum = IGRAPH_CALLOC(ncomp, double);
    IGRAPH_CHECK_OOM(usum, "eigenvector centrality");
    IGRAPH_FINALLY(igraph_free, usum);
    IGRAPH_CHECK(igraph_vector_int_init(&edges, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
    IGRAPH_VECTOR_INIT_FINALLY(&w, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&vec, 0);

    for (long c = 0; c < ncomp; c++) {
        igraph_t sub;
        igraph_real_t value = 0;
        long k = 0;
        for (size_t v = 0; v < n; v++)
            if (comp[v] == c)
                local[v] = k++;
        if (k < 2) { /* an isolated vertex: eigenvalue 0 */
            for (size_t v = 0; v < n; v++)
                if (comp[v] == c)
                    u[v] = 1;
            lambda[c] = 0;
            usum[c] = 1;
            continue;
        }
        igraph_vector_int_clear(&edges);
        igraph_vector_clear(&w);
        for (igraph_integer_t e = 0; e < ne; e++) {
            if (comp[from[e]] != c)
                continue;
            IGRAPH_CHECK(igraph_vector_int_push_back(&edges, local[from[e]]));
            IGRAPH_CHECK(igraph_vector_int_push_back(&edges, local[to[e]]));
            IGRAPH_CHECK(igraph_vector_push_back(&w, VECTOR(g->dyad_weight)[e]));
        }
        IGRAPH_CHECK(igraph_create(&sub, &edges, k, /* directed = */ false));
        IGRAPH_FINALLY(igraph_destroy, &sub);
        igraph_arpack_options_init(&arpack);
        igraph_rng_seed(igraph_rng_default(), AG_I_SEED);
        IGRAPH_CHECK(igraph_eigenvector_centrality(&sub, &vec, &value, /* directed = */ false,
                                                   /* scale = */ false, &w, &arpack));
        igraph_destroy(&sub);
        IGRAPH_FINALLY_CLEAN(1);
        {
            double *x = VECTOR(vec);
            usum[c] = perron_unit(x, (size_t)k);
            for (size_t v = 0; v < n; v++)
                if (comp[v] == c)
                    u[v] = x[local[v]];
        }
        lambda[c] = value;
    }
    combine(n, comp, lambda, usum, u, ncomp, out);
    scale_max(out, n);

    igraph_vector_destroy(&vec);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&edges);
    IGRAPH_FREE(usum);
    IGRAPH_FREE(lambda);
    IGRAPH_FREE(u);
    IGRAPH_FREE(local);
    IGRAPH_FREE(work);
    IGRAPH_FREE(comp);
    IGRAPH_FREE(to);
    IGRAPH_FREE(from);
    IGRAPH_FINALLY_CLEAN(11);
    return IGRAPH_SUCCESS;
}

/* An arc of the merged relation digraph. */
typedef struct {
    long s, t;
    double w;
} arc_t;

static int cmp_arc(const void *a, const void *b)
{
    const arc_t *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    return (x->t > y->t) - (x->t < y->t);
}

/* The relation graph with parallel arcs merged by summing their weights,
 * ordered by (source, target). *arcs is allocated (caller frees); returns
 * the number of arcs, or -1 on lack of memory. */
static long merged_arcs(const ag_era_graph_t *g, arc_t **arcs)
{
    igraph_integer_t m = igraph_ecount(&g->rel_graph);
    arc_t *a = malloc((m ? (size_t)m : 1) * sizeof *a);
    long k = 0;
    *arcs = a;
    if (!a)
        return -1;
    for (igraph_integer_t e = 0; e < m; e++) {
        a[e].s = IGRAPH_FROM(&g->rel_graph, e);
        a[e].t = IGRAPH_TO(&g->rel_graph, e);
        a[e].w = VECTOR(g->rel_weight)[e];
    }
    qsort(a, (size_t)m, sizeof *a, cmp_arc);
    for (igraph_integer_t e = 0; e < m; e++) {
        if (k > 0 && a[k - 1].s == a[e].s && a[k - 1].t == a[e].t)
            a[k - 1].w += a[e].w;
        else
            a[k++] = a[e];
    }
    if (k > 0 && k < m) { /* merged: give the rest back */
        arc_t *fit = realloc(a, (size_t)k * sizeof *a);
        if (fit)
            *arcs = fit;
    }
    return k;
}

/* PageRank of the merged digraph. Takes *arcs: they are freed (and *arcs
 * set to NULL) once copied, so that they and the graph built from them
 * are never both held. */
static igraph_error_t pagerank(const ag_era_graph_t *g, arc_t **arcs, long na,
                               double *out)
{
    igraph_t dg;
    igraph_vector_int_t edges;
    igraph_vector_t w, res;
    igraph_real_t value;

    IGRAPH_VECTOR_INIT_FINALLY(&w, na);
    IGRAPH_VECTOR_INIT_FINALLY(&res, 0);
    IGRAPH_CHECK(igraph_vector_int_init(&edges, 2 * na));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
    for (long e = 0; e < na; e++) {
        VECTOR(edges)[2 * e] = (*arcs)[e].s;
        VECTOR(edges)[2 * e + 1] = (*arcs)[e].t;
        VECTOR(w)[e] = (*arcs)[e].w;
    }
    free(*arcs);
    *arcs = NULL;
    IGRAPH_CHECK(igraph_create(&dg, &edges, (igraph_integer_t)g->n, /* directed = */ true));
    igraph_vector_int_destroy(&edges);
    IGRAPH_FINALLY_CLEAN(1);
    IGRAPH_FINALLY(igraph_destroy, &dg);
    /* PRPACK: dangling vertices (no out-arcs) jump uniformly, as does the
     * teleport; the result sums to 1. */
    IGRAPH_CHECK(igraph_pagerank(&dg, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value,
                                 igraph_vss_all(), /* directed = */ true,
                                 /* damping = */ 0.85, &w, /* options = */ NULL));
    for (size_t v = 0; v < g->n; v++)
        out[v] = VECTOR(res)[v];
    clean(out, g->n);
    igraph_destroy(&dg);
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&w);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

/* The leading eigenpair of a symmetric k x k matrix (column-major in a):
 * *value and unit vector x (k entries). */
static igraph_error_t leading_eigen(igraph_matrix_t *a, long k, double *value, double *x)
{
    igraph_vector_t values;
    igraph_matrix_t vectors;
    if (k == 1) {
        *value = MATRIX(*a, 0, 0);
        x[0] = 1;
        return IGRAPH_SUCCESS;
    }
    IGRAPH_VECTOR_INIT_FINALLY(&values, 0);
    IGRAPH_MATRIX_INIT_FINALLY(&vectors, 0, 0);
    /* Only the largest: il = iu = k (1-based, ascending order). */
    IGRAPH_CHECK(igraph_lapack_dsyevr(a, IGRAPH_LAPACK_DSYEV_SELECT, 0, 0, 0, (int)k, (int)k,
                                      /* abstol = */ 0, &values, &vectors,
                                      /* support = */ NULL));
    *value = VECTOR(values)[0];
    for (long i = 0; i < k; i++)
        x[i] = MATRIX(vectors, i, 0);
    igraph_matrix_destroy(&vectors);
    igraph_vector_destroy(&values);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

/* A A^T restricted to the sources src[0..k-1] of one double-cover
 * component, applied without forming it: y = A^T x over the targets, then
 * A y. y has a slot per vertex. */
typedef struct {
    const arc_t *arcs;
    const long *start, *src;
    double *y;
} aat_t;

static igraph_error_t aat_apply(igraph_real_t *to, const igraph_real_t *from, int k,
                                void *extra)
{
    const aat_t *d = extra;
    for (int i = 0; i < k; i++)
        for (long p = d->start[d->src[i]]; p < d->start[d->src[i] + 1]; p++)
            d->y[d->arcs[p].t] = 0;
    for (int i = 0; i < k; i++)
        for (long p = d->start[d->src[i]]; p < d->start[d->src[i] + 1]; p++)
            d->y[d->arcs[p].t] += d->arcs[p].w * from[i];
    for (int i = 0; i < k; i++) {
        double s = 0;
        for (long p = d->start[d->src[i]]; p < d->start[d->src[i] + 1]; p++)
            s += d->arcs[p].w * d->y[d->arcs[p].t];
        to[i] = s;
    }
    return IGRAPH_SUCCESS;
}

/* The leading eigenpair of A A^T over a large component, by ARPACK started
 * from the all-ones vector (not orthogonal to the positive Perron vector),
 * so that no random start is involved. y: a scratch slot per vertex. */
static igraph_error_t leading_eigen_sparse(const arc_t *arcs, const long *start,
                                           const long *src, long k, double *y,
                                           double *value, double *x)
{
    aat_t d = { arcs, start, src, y };
    igraph_arpack_options_t o;
    igraph_vector_t values;
    igraph_matrix_t vectors;

    igraph_arpack_options_init(&o);
    o.n = (int)k;
    o.nev = 1;
    o.which[0] = 'L';
    o.which[1] = 'A';
    o.start = 1;
    o.tol = 0; /* machine precision */
    IGRAPH_VECTOR_INIT_FINALLY(&values, 1);
    IGRAPH_MATRIX_INIT_FINALLY(&vectors, k, 1);
    for (long i = 0; i < k; i++)
        MATRIX(vectors, i, 0) = 1;
    IGRAPH_CHECK(igraph_arpack_rssolve(aat_apply, &d, &o, NULL, &values, &vectors));
    *value = VECTOR(values)[0];
    for (long i = 0; i < k; i++)
        x[i] = MATRIX(vectors, i, 0);
    igraph_matrix_destroy(&vectors);
    igraph_vector_destroy(&values);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

/*
 * HITS (METHODS, 12). The hub iteration h <- A A^T h from all ones splits
 * over the components of the bipartite double cover (vertex s as a source,
 * t as a target, an edge per arc s->t): A A^T is block-diagonal over the
 * sources of each component, and each block is primitive, so the limit is
 * the combination of each block's Perron vector, as for eigenvector
 * centrality, with eigenvalue sigma^2. The authority is A^T h. igraph's
 * igraph_hub_and_authority_scores is not used: it is wrong on the
 * two-vertex digraph 1->0 and depends on its start on disconnected graphs.
 * Blocks of up to DENSE_MAX sources go to a dense symmetric eigen-solver,
 * larger ones to ARPACK.
 */
static igraph_error_t hits(const ag_era_graph_t *g, const arc_t *arcs, long na, double *hub,
                           double *auth)
{
    size_t n = g->n;
    long *from = NULL, *to = NULL, *comp = NULL, *work = NULL, *local = NULL, *start = NULL;
    long *first = NULL, *fill = NULL, *member = NULL;
    double *lambda = NULL, *usum = NULL, *u = NULL, *h = NULL, *x = NULL, *y = NULL;
    long ncomp;
    igraph_matrix_t mat;

    if (na == 0) {
        for (size_t v = 0; v < n; v++) {
            if (hub)
                hub[v] = 0;
            if (auth)
                auth[v] = 0;
        }
        return IGRAPH_SUCCESS;
    }
    /* Double cover: vertex v as a source is v, as a target n + v. */
    from = IGRAPH_CALLOC(na, long);
    IGRAPH_CHECK_OOM(from, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, from);
    to = IGRAPH_CALLOC(na, long);
    IGRAPH_CHECK_OOM(to, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, to);
    comp = IGRAPH_CALLOC(2 * n, long);
    IGRAPH_CHECK_OOM(comp, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, comp);
    work = IGRAPH_CALLOC(2 * n, long);
    IGRAPH_CHECK_OOM(work, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, work);
    local = IGRAPH_CALLOC(n, long);
    IGRAPH_CHECK_OOM(local, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, local);
    u = IGRAPH_CALLOC(n, double);
    IGRAPH_CHECK_OOM(u, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, u);
    h = IGRAPH_CALLOC(n, double);
    IGRAPH_CHECK_OOM(h, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, h);
    x = IGRAPH_CALLOC(n, double);
    IGRAPH_CHECK_OOM(x, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, x);
    y = IGRAPH_CALLOC(n, double);
    IGRAPH_CHECK_OOM(y, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, y);
    /* Arcs are sorted by source: start[v] .. start[v + 1] are v's. */
    start = IGRAPH_CALLOC(n + 1, long);
    IGRAPH_CHECK_OOM(start, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, start);
    for (long e = 0; e < na; e++) {
        from[e] = arcs[e].s;
        to[e] = (long)n + arcs[e].t;
        start[arcs[e].s + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        start[v + 1] += start[v];
    ncomp = components(2 * n, from, to, (size_t)na, comp, work);
    lambda = IGRAPH_CALLOC(ncomp, double);
    IGRAPH_CHECK_OOM(lambda, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, lambda);
    usum = IGRAPH_CALLOC(ncomp, double);
    IGRAPH_CHECK_OOM(usum, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, usum);
    first = IGRAPH_CALLOC(ncomp + 1, long);
    IGRAPH_CHECK_OOM(first, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, first);
    fill = IGRAPH_CALLOC(ncomp, long);
    IGRAPH_CHECK_OOM(fill, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, fill);
    member = IGRAPH_CALLOC(n, long);
    IGRAPH_CHECK_OOM(member, "hub and authority scores");
    IGRAPH_FINALLY(igraph_free, member);
    IGRAPH_MATRIX_INIT_FINALLY(&mat, 0, 0);

    /* The sources (vertices with out-arcs), grouped by component. */
    for (size_t v = 0; v < n; v++) {
        u[v] = NAN; /* vertices that are no source take no part */
        if (start[v + 1] > start[v])
            first[comp[v] + 1]++;
    }
    for (long c = 0; c < ncomp; c++)
        first[c + 1] += first[c];
    for (size_t v = 0; v < n; v++)
        if (start[v + 1] > start[v]) {
            local[v] = first[comp[v]] + fill[comp[v]]++;
            member[local[v]] = (long)v;
        }
    for (long c = 0; c < ncomp; c++) {
        long k = first[c + 1] - first[c];
        const long *src = member + first[c];
        if (k == 0) /* a component of targets or isolated vertices only */
            continue;
        if (k > DENSE_MAX) {
            IGRAPH_CHECK(leading_eigen_sparse(arcs, start, src, k, y, &lambda[c], x));
        } else {
            /* (A A^T)[i][j] = sum over targets t of A[i][t] A[j][t]; both
             * arc lists are sorted by target. */
            IGRAPH_CHECK(igraph_matrix_resize(&mat, k, k));
            igraph_matrix_null(&mat);
            for (long i = 0; i < k; i++)
                for (long j = i; j < k; j++) {
                    double s = 0;
                    long p = start[src[i]], q = start[src[j]];
                    while (p < start[src[i] + 1] && q < start[src[j] + 1]) {
                        if (arcs[p].t < arcs[q].t)
                            p++;
                        else if (arcs[p].t > arcs[q].t)
                            q++;
                        else
                            s += arcs[p++].w * arcs[q++].w;
                    }
                    MATRIX(mat, i, j) = s;
                    MATRIX(mat, j, i) = s;
                }
            IGRAPH_CHECK(leading_eigen(&mat, k, &lambda[c], x));
        }
        usum[c] = perron_unit(x, (size_t)k);
        for (long i = 0; i < k; i++)
            u[src[i]] = x[i];
    }
    combine(n, comp, lambda, usum, u, ncomp, h);
    if (auth) {
        /* One more half-step of the iteration: authority = A^T hub. */
        for (size_t v = 0; v < n; v++)
            auth[v] = 0;
        for (long e = 0; e < na; e++)
            auth[arcs[e].t] += arcs[e].w * h[arcs[e].s];
        scale_max(auth, n);
    }
    if (hub) {
        memcpy(hub, h, n * sizeof *h);
        scale_max(hub, n);
    }

    igraph_matrix_destroy(&mat);
    IGRAPH_FREE(member);
    IGRAPH_FREE(fill);
    IGRAPH_FREE(first);
    IGRAPH_FREE(usum);
    IGRAPH_FREE(lambda);
    IGRAPH_FREE(start);
    IGRAPH_FREE(y);
    IGRAPH_FREE(x);
    IGRAPH_FREE(h);
    IGRAPH_FREE(u);
    IGRAPH_FREE(local);
    IGRAPH_FREE(work);
    IGRAPH_FREE(comp);
    IGRAPH_FREE(to);
    IGRAPH_FREE(from);
    IGRAPH_FINALLY_CLEAN(16);
    return IGRAPH_SUCCESS;
}

void ag_metrics_destroy(ag_metrics_t *m)
{
    if (!m)
        return;
    for (int k = 0; k < AG_M_COUNT; k++)
        free(m->value[k]);
    memset(m, 0, sizeof *m);
}

/* ag_metrics_compute with the private generator in place. */
static ag_status_t compute(const ag_era_graph_t *g, unsigned mask,
                           const ag_metrics_opts_t *o, ag_metrics_t *m, ag_error_t *err)
{
    arc_t *arcs = NULL;
    long na = 0;
    igraph_error_t ie = IGRAPH_SUCCESS;
    const char *what = NULL;
    ag_status_t rc = AG_OK;

    memset(m, 0, sizeof *m);
    m->n = g->n;
    m->mask = mask & AG_METRICS_ALL;
    for (int k = 0; k < AG_M_COUNT; k++) {
        if (!(m->mask & (1u << k)))
            continue;
        if (!(m->value[k] = calloc(g->n ? g->n : 1, sizeof *m->value[k])))
            goto oom;
    }
    degrees(g, m);
    if (g->n == 0)
        return AG_OK;
    if (m->value[AG_M_BETWEENNESS] || m->value[AG_M_HARMONIC]) {
        if ((rc = distances(g, o, m->value[AG_M_BETWEENNESS], m->value[AG_M_HARMONIC],
                            &m->sources, err)) != AG_OK)
            goto fail;
    }
    if (m->value[AG_M_EIGENVECTOR]) {
        what = "eigenvector centrality";
        if ((ie = eigenvector(g, m->value[AG_M_EIGENVECTOR])))
            goto igraph_failed;
    }
    if (m->value[AG_M_PAGERANK] || m->value[AG_M_HUB] || m->value[AG_M_AUTHORITY]) {
        if ((na = merged_arcs(g, &arcs)) < 0)
            goto oom;
        /* Hubs first: PageRank frees the arcs as it goes. */
        if (m->value[AG_M_HUB] || m->value[AG_M_AUTHORITY]) {
            what = "hub and authority scores";
            if ((ie = hits(g, arcs, na, m->value[AG_M_HUB], m->value[AG_M_AUTHORITY])))
                goto igraph_failed;
        }
        if (m->value[AG_M_PAGERANK]) {
            /* PRPACK adds its OpenMP threads' sums in the order they
             * finish: on one thread the result is the same every time.
             * The setting is this thread's own, and is put back. */
            int omp_threads = omp_get_max_threads();
            what = "pagerank";
            omp_set_num_threads(1);
            ie = pagerank(g, &arcs, na, m->value[AG_M_PAGERANK]);
            omp_set_num_threads(omp_threads);
            if (ie)
                goto igraph_failed;
        }
    }
    free(arcs);
    arcs = NULL;
    if (m->value[AG_M_PN] && (rc = ag_pn_centrality(g, m->value[AG_M_PN], err)) != AG_OK)
        goto fail;
    return AG_OK;

igraph_failed:
    rc = ag_i_igraph_error(err, ie, what);
    goto fail;
oom:
    rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
fail:
    free(arcs);
    ag_metrics_destroy(m);
    return rc;
}

ag_status_t ag_metrics_compute(const ag_era_graph_t *g, unsigned mask, ag_metrics_t *m,
                               ag_error_t *err)
{
    return ag_metrics_compute_opts(g, mask, NULL, m, err);
}

ag_status_t ag_metrics_compute_opts(const ag_era_graph_t *g, unsigned mask,
                                    const ag_metrics_opts_t *opts, ag_metrics_t *m,
                                    ag_error_t *err)
{
    ag_metrics_opts_t defaults = { 0 };
    ag_i_rng_t rng;
    ag_status_t rc;

    memset(m, 0, sizeof *m);
    if ((rc = ag_i_need_init(err)) != AG_OK || (rc = ag_i_rng_begin(&rng, err)) != AG_OK)
        return rc;
    rc = compute(g, mask, opts ? opts : &defaults, m, err);
    ag_i_rng_end(&rng);
    return rc;
}
