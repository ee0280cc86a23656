/*
 * signed.c: the k-balance partition (signed blockmodel), walk-based
 * balance and PN centrality of the net-signed graph (see signed.h and
 * docs/METHODS.md, "Signed measures"). The frustration index is in
 * frustration.c.
 */
#include "actorgraph/signed.h"

#include "actorgraph/balance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/init.h"

#define OOM(err) ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")

/* ---- k-balance partition ---- */

void ag_blockmodel_destroy(ag_blockmodel_t *b)
{
    if (!b)
        return;
    free(b->block);
    memset(b, 0, sizeof *b);
}

/* The signed graph as adjacency lists over g's vertices. */
typedef struct {
    long *start, *to;
    int *sign;
} adj_t;

static void adj_destroy(adj_t *a)
{
    free(a->start);
    free(a->to);
    free(a->sign);
}

static bool adj_init(adj_t *a, const ag_era_graph_t *g)
{
    size_t n = g->n, m2 = 2 * g->n_dyads + 1;
    long *fill = malloc((n ? n : 1) * sizeof *fill);
    a->start = calloc(n + 1, sizeof *a->start);
    a->to = malloc(m2 * sizeof *a->to);
    a->sign = malloc(m2 * sizeof *a->sign);
    if (!fill || !a->start || !a->to || !a->sign) {
        free(fill);
        adj_destroy(a);
        return false;
    }
    for (size_t d = 0; d < g->n_dyads; d++)
        if (ag_dyad_sign(&g->dyads[d])) {
            a->start[g->dyads[d].u + 1]++;
            a->start[g->dyads[d].v + 1]++;
        }
    for (size_t v = 0; v < n; v++) {
        a->start[v + 1] += a->start[v];
        fill[v] = a->start[v];
    }
    for (size_t d = 0; d < g->n_dyads; d++) {
        const ag_dyad_t *y = &g->dyads[d];
        int s = ag_dyad_sign(y);
        if (!s)
            continue;
        a->to[fill[y->u]] = y->v;
        a->sign[fill[y->u]++] = s;
        a->to[fill[y->v]] = y->u;
        a->sign[fill[y->v]++] = s;
    }
    free(fill);
    return true;
}

/* The error P a vertex's edges add if it is in block c, the others as in
 * blk. */
static double vertex_error(const adj_t *a, const long *blk, long v, long c, double alpha)
{
    double e = 0;
    for (long i = a->start[v]; i < a->start[v + 1]; i++) {
        bool inside = blk[a->to[i]] == c;
        if (a->sign[i] < 0 && inside)
            e += alpha;
        else if (a->sign[i] > 0 && !inside)
            e += 1 - alpha;
    }
    return e;
}

/* Moves single vertices to the block that lowers P most, in vertex order,
 * until no move lowers it. */
static void relocate(const adj_t *a, size_t n, int k, double alpha, long *blk)
{
    bool moved = true;
    while (moved) {
        moved = false;
        for (size_t v = 0; v < n; v++) {
            double here, best;
            long to = blk[v];
            if (a->start[v] == a->start[v + 1])
                continue;
            here = best = vertex_error(a, blk, (long)v, blk[v], alpha);
            for (long c = 0; c < k; c++) {
                double e;
                if (c == blk[v])
                    continue;
                e = vertex_error(a, blk, (long)v, c, alpha);
                if (e < best - 1e-12) {
                    best = e;
                    to = c;
                }
            }
            if (best < here - 1e-12) {
                blk[v] = to;
                moved = true;
            }
        }
    }
}

static ag_status_t blockmodel(const ag_era_graph_t *g, int k, double alpha, int restarts,
                              ag_blockmodel_t *b, ag_error_t *err)
{
    size_t n = g->n, n1 = n ? n : 1;
    long *cur = malloc(n1 * sizeof *cur), *renum = malloc((size_t)k * sizeof *renum);
    double best = INFINITY;
    adj_t a;
    ag_status_t rc = AG_OK;

    memset(&a, 0, sizeof a);
    b->block = malloc(n1 * sizeof *b->block);
    if (!cur || !renum || !b->block || !adj_init(&a, g)) {
        rc = OOM(err);
        goto done;
    }
    for (int r = 0; r < restarts; r++) {
        double e = 0;
        for (size_t v = 0; v < n; v++)
            cur[v] = (long)igraph_rng_get_integer(igraph_rng_default(), 0, k - 1);
        relocate(&a, n, k, alpha, cur);
        for (size_t v = 0; v < n; v++)
            e += vertex_error(&a, cur, (long)v, cur[v], alpha);
        e /= 2;
        if (e < best - 1e-12) {
            best = e;
            memcpy(b->block, cur, n * sizeof *cur);
        }
    }
    b->restarts = restarts;
    /* Blocks in order of their first vertex; no block for an actor that no
     * signed dyad places. */
    for (int c = 0; c < k; c++)
        renum[c] = -1;
    for (size_t v = 0; v < n; v++) {
        if (a.start[v] == a.start[v + 1]) {
            b->block[v] = -1;
            continue;
        }
        if (renum[b->block[v]] < 0)
            renum[b->block[v]] = b->blocks++;
        b->block[v] = renum[b->block[v]];
    }
    b->error = 0;
    for (size_t d = 0; d < g->n_dyads; d++) {
        const ag_dyad_t *y = &g->dyads[d];
        int s = ag_dyad_sign(y);
        bool inside = b->block[y->u] == b->block[y->v];
        if (s < 0 && inside)
            b->neg_inside++;
        else if (s > 0 && !inside)
            b->pos_between++;
    }
    b->error = alpha * (double)b->neg_inside + (1 - alpha) * (double)b->pos_between;
done:
    adj_destroy(&a);
    free(cur);
    free(renum);
    return rc;
}

ag_status_t ag_blockmodel_compute(const ag_era_graph_t *g, int k, double alpha, int restarts,
                                  ag_blockmodel_t *b, ag_error_t *err)
{
    ag_i_rng_t rng;
    ag_status_t rc;

    memset(b, 0, sizeof *b);
    if (k < 1 || k > 64)
        return ag_error_set(err, AG_EUSAGE, NULL, 0, "the number of blocks must be 1 to 64, not %d",
                            k);
    if (!(alpha >= 0 && alpha <= 1))
        return ag_error_set(err, AG_EUSAGE, NULL, 0, "alpha must be between 0 and 1");
    if (restarts < 1)
        restarts = 1;
    if ((rc = ag_i_need_init(err)) != AG_OK || (rc = ag_i_rng_begin(&rng, err)) != AG_OK)
        return rc;
    b->k = k;
    b->alpha = alpha;
    rc = blockmodel(g, k, alpha, restarts, b, err);
    ag_i_rng_end(&rng);
    if (rc != AG_OK)
        ag_blockmodel_destroy(b);
    return rc;
}

/* ---- walk-based balance ---- */

/* The eigenvalues of the symmetric matrix a into values. */
static igraph_error_t eigenvalues(const igraph_matrix_t *a, igraph_vector_t *values)
{
    return igraph_lapack_dsyevr(a, IGRAPH_LAPACK_DSYEV_ALL, 0, 0, 0, 0, 0, /* abstol = */ 1e-12,
                                values, NULL, NULL);
}

ag_status_t ag_walk_balance(const ag_era_graph_t *g, double *k, ag_error_t *err)
{
    igraph_matrix_t s, u;
    igraph_vector_t ls, lu;
    long *idx = NULL, n = 0;
    igraph_error_t ie = IGRAPH_SUCCESS;
    ag_status_t rc;
    double shift, num = 0, den = 0;

    *k = NAN;
    if ((rc = ag_i_need_init(err)) != AG_OK)
        return rc;
    if (!(idx = malloc((g->n ? g->n : 1) * sizeof *idx)))
        return OOM(err);
    for (size_t v = 0; v < g->n; v++)
        idx[v] = -1;
    for (size_t d = 0; d < g->n_dyads; d++)
        if (ag_dyad_sign(&g->dyads[d])) {
            if (idx[g->dyads[d].u] < 0)
                idx[g->dyads[d].u] = 0;
            if (idx[g->dyads[d].v] < 0)
                idx[g->dyads[d].v] = 0;
        }
    for (size_t v = 0; v < g->n; v++)
        if (idx[v] == 0)
            idx[v] = n++;
    if (n == 0) {
        free(idx);
        return AG_OK;
    }
    if (igraph_matrix_init(&s, n, n)) {
        free(idx);
        return OOM(err);
    }
    if (igraph_matrix_init(&u, n, n)) {
        igraph_matrix_destroy(&s);
        free(idx);
        return OOM(err);
    }
    if (igraph_vector_init(&ls, 0) || igraph_vector_init(&lu, 0)) {
        ie = IGRAPH_ENOMEM;
        goto done;
    }
    for (size_t d = 0; d < g->n_dyads; d++) {
        int sg = ag_dyad_sign(&g->dyads[d]);
        long a, b;
        if (!sg)
            continue;
        a = idx[g->dyads[d].u];
        b = idx[g->dyads[d].v];
        MATRIX(s, a, b) = MATRIX(s, b, a) = sg;
        MATRIX(u, a, b) = MATRIX(u, b, a) = 1;
    }
    if ((ie = eigenvalues(&s, &ls)) || (ie = eigenvalues(&u, &lu)))
        goto done;
    /* The largest eigenvalue of |A| bounds every eigenvalue of A in
     * magnitude (Perron-Frobenius), so exp(lambda - shift) <= 1. */
    shift = igraph_vector_max(&lu);
    for (long i = 0; i < n; i++) {
        num += exp(VECTOR(ls)[i] - shift);
        den += exp(VECTOR(lu)[i] - shift);
    }
    *k = num / den;
done:
    igraph_vector_destroy(&ls);
    igraph_vector_destroy(&lu);
    igraph_matrix_destroy(&s);
    igraph_matrix_destroy(&u);
    free(idx);
    return ie ? ag_i_igraph_error(err, ie, "walk balance") : AG_OK;
}

/* ---- PN centrality ---- */

/* PN's system as a sparse matrix when n is above this: a dense solve is
 * O(n^3) time and n^2 memory (20,000 actors: 3.2 GB, hours), the sparse
 * Cholesky factor of a sparse graph's matrix stays small. Below it the
 * dense solve is kept, so the figures of curated datasets keep their
 * bytes. */
#define PN_DENSE_MAX 1500

/* A = P - 2N: +1 for a positive dyad, -2 for a negative one. */
static double pn_entry(const ag_dyad_t *y)
{
    int sg = ag_dyad_sign(y);
    return sg > 0 ? 1 : sg < 0 ? -2 : 0;
}

/*
 * (I - beta A) x = 1 by igraph's sparse Cholesky (CXSparse, AMD order):
 * the matrix is symmetric and, but in the singular case handled before,
 * positive definite (the eigenvalues of beta A lie in [-1, 1], and 1
 * only for a complete all-negative graph). A factorisation that still
 * fails (a matrix too close to singular) falls back to sparse LU.
 */
static igraph_error_t pn_sparse(const ag_era_graph_t *g, double beta, double *out)
{
    igraph_integer_t n = (igraph_integer_t)g->n;
    igraph_sparsemat_t t, m;
    igraph_vector_t b, x;
    bool have_m = false, have_b = false, have_x = false;
    igraph_error_t ie;

    /* Not on igraph's finally stack: a failed Cholesky goes through the
     * error handler, which frees that stack, and the LU fallback still
     * needs the matrix. So each object is freed here, on every path. */
    if ((ie = igraph_sparsemat_init(&t, n, n, n + 2 * (igraph_integer_t)g->n_dyads)))
        return ie;
    for (igraph_integer_t v = 0; v < n && !ie; v++)
        ie = igraph_sparsemat_entry(&t, v, v, 1);
    for (size_t d = 0; d < g->n_dyads && !ie; d++) {
        double a = pn_entry(&g->dyads[d]);
        if (a == 0)
            continue;
        if (!(ie = igraph_sparsemat_entry(&t, g->dyads[d].u, g->dyads[d].v, -beta * a)))
            ie = igraph_sparsemat_entry(&t, g->dyads[d].v, g->dyads[d].u, -beta * a);
    }
    if (!ie)
        have_m = !(ie = igraph_sparsemat_compress(&t, &m));
    if (!ie)
        have_b = !(ie = igraph_vector_init(&b, n));
    if (!ie)
        have_x = !(ie = igraph_vector_init(&x, n));
    if (!ie) {
        igraph_vector_fill(&b, 1);
        ie = igraph_sparsemat_cholsol(&m, &b, &x, /* order = AMD */ 1);
        if (ie != IGRAPH_SUCCESS && ie != IGRAPH_ENOMEM)
            ie = igraph_sparsemat_lusol(&m, &b, &x, /* order */ 1, /* tol */ 1e-12);
    }
    if (!ie)
        for (igraph_integer_t v = 0; v < n; v++)
            out[v] = VECTOR(x)[v];
    if (have_x)
        igraph_vector_destroy(&x);
    if (have_b)
        igraph_vector_destroy(&b);
    if (have_m)
        igraph_sparsemat_destroy(&m);
    igraph_sparsemat_destroy(&t);
    return ie;
}

ag_status_t ag_pn_centrality(const ag_era_graph_t *g, double *out, ag_error_t *err)
{
    igraph_matrix_t a, rhs;
    igraph_vector_int_t ipiv;
    igraph_integer_t n = (igraph_integer_t)g->n;
    igraph_error_t ie;
    ag_status_t rc;
    int info = 0;
    double beta;

    if ((rc = ag_i_need_init(err)) != AG_OK)
        return rc;
    if (n == 0)
        return AG_OK;
    if (n == 1) {
        out[0] = 1;
        return AG_OK;
    }
    if (n == 2 && g->n_dyads == 1 && ag_dyad_sign(&g->dyads[0]) < 0) {
        /* The one case where I - A/(2n - 2) is singular (its largest
         * eigenvalue 2(n - 1) of -A needs a complete negative graph, and
         * -2(J - I) has it only for n = 2): x + y = 1 has many solutions;
         * the symmetric one. */
        out[0] = out[1] = 0.5;
        return AG_OK;
    }
    beta = 1.0 / (2.0 * (double)n - 2.0);
    if (n > PN_DENSE_MAX) {
        if ((ie = pn_sparse(g, beta, out)) != IGRAPH_SUCCESS)
            return ie == IGRAPH_ENOMEM ? OOM(err) : ag_i_igraph_error(err, ie, "PN centrality");
        return AG_OK;
    }
    if (igraph_matrix_init(&a, n, n))
        return OOM(err);
    if (igraph_matrix_init(&rhs, n, 1)) {
        igraph_matrix_destroy(&a);
        return OOM(err);
    }
    if (igraph_vector_int_init(&ipiv, n)) {
        igraph_matrix_destroy(&rhs);
        igraph_matrix_destroy(&a);
        return OOM(err);
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        MATRIX(a, v, v) = 1;
        MATRIX(rhs, v, 0) = 1;
    }
    for (size_t d = 0; d < g->n_dyads; d++) {
        double x = pn_entry(&g->dyads[d]);
        long u = g->dyads[d].u, v = g->dyads[d].v;
        MATRIX(a, u, v) = MATRIX(a, v, u) = -beta * x;
    }
    ie = igraph_lapack_dgesv(&a, &ipiv, &rhs, &info);
    if (!ie && info == 0)
        for (igraph_integer_t v = 0; v < n; v++)
            out[v] = MATRIX(rhs, v, 0);
    igraph_vector_int_destroy(&ipiv);
    igraph_matrix_destroy(&rhs);
    igraph_matrix_destroy(&a);
    if (ie)
        return ag_i_igraph_error(err, ie, "PN centrality");
    if (info != 0)
        return ag_error_set(err, AG_EGRAPH, NULL, 0, "PN centrality: singular system");
    return AG_OK;
}
