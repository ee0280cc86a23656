/*
 * test_signed.c: the frustration index (frustration.c), the k-balance
 * partition, walk-based balance and PN centrality (signed.c).
 *
 * tests/data/signed-small/, worked by hand:
 *   square:   A-B +, B-C -, C-D +, D-A -. Balanced: frustration 0, sides
 *             {A, B} and {C, D}, normalised 1, walk balance 1. Every
 *             vertex has one ally and one enemy, so PN is the same for
 *             all: x = 1 + (x - 2x)/6, x = 6/7.
 *   triangle: E-F +, F-G +, E-G -. One unbalanced cycle: frustration 1,
 *             normalised 1 - 1/1.5 = 1/3. Walk balance: |A| of a triangle
 *             has eigenvalues 2, -1, -1; A is switching-equivalent to -|A|
 *             (eigenvalues -2, 1, 1), so K = (e^-2 + 2e) / (e^2 + 2/e).
 *             PN (beta = 1/4): E = G = x, F = y with x = 1 + (y - 2x)/4,
 *             y = 1 + 2x/4: x = 10/11, y = 16/11.
 *   known:    H, I, J, K pairwise enemies, and K-L +. Any 2-colouring of
 *             the four enemies leaves at least two of them together: at
 *             best 2 + 2, frustration 2 (two dyads inside the sides); the
 *             bridge K-L is never frustrated. m = 7: normalised
 *             1 - 2/3.5 = 3/7. Blocks with alpha 1/2: k = 2, P = 1 (two
 *             enemies inside); k = 3, P = 1/2; k = 4, P = 0.
 *   hard:     40 actors, random: the search is cut short by a tiny time
 *             limit and says so.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/balance.h"
#include "actorgraph/signed.h"
#include "testutil.h"

static ag_dataset_t ds;

static int setup(void **state)
{
    (void)state;
    return tu_load(&ds, "signed-small");
}

static int teardown(void **state)
{
    (void)state;
    ag_dataset_destroy(&ds);
    return 0;
}

static long vx(const ag_era_graph_t *g, const char *id)
{
    long a = ag_dataset_find_actor(g->ds, id);
    assert_true(a >= 0 && g->vertex_of[a] >= 0);
    return g->vertex_of[a];
}

/* The frustration's own consistency: its dyads are exactly those the
 * sides frustrate. */
static void check_sides(const ag_era_graph_t *g, const ag_frustration_t *f)
{
    size_t k = 0;
    assert_int_equal(f->n_frustrated, f->frustration);
    for (size_t d = 0; d < g->n_dyads; d++) {
        const ag_dyad_t *y = &g->dyads[d];
        int s = ag_dyad_sign(y);
        bool fr = s > 0 ? f->side[y->u] != f->side[y->v]
                        : s < 0 && f->side[y->u] == f->side[y->v];
        if (fr) {
            assert_true(k < f->n_frustrated);
            assert_int_equal(f->frustrated[k++], (long)d);
        }
    }
    assert_int_equal(k, f->n_frustrated);
}

static void test_square(void **state)
{
    ag_era_graph_t g;
    ag_frustration_t f;
    ag_blockmodel_t b;
    ag_error_t err;
    double k, pn[4];
    (void)state;
    tu_slice(&g, &ds, "square", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(ag_frustration_compute(&g, 0, &f, &err), AG_OK);
    assert_int_equal(f.edges, 4);
    assert_int_equal(f.frustration, 0);
    assert_int_equal(f.lower_bound, 0);
    assert_true(f.exact);
    assert_float_equal(f.normalised, 1, 1e-12);
    assert_int_equal(f.side[vx(&g, "A")], 0);
    assert_int_equal(f.side[vx(&g, "B")], 0);
    assert_int_equal(f.side[vx(&g, "C")], 1);
    assert_int_equal(f.side[vx(&g, "D")], 1);
    check_sides(&g, &f);
    ag_frustration_destroy(&f);

    assert_int_equal(ag_blockmodel_compute(&g, 2, 0.5, 20, &b, &err), AG_OK);
    assert_float_equal(b.error, 0, 1e-12);
    assert_int_equal(b.blocks, 2);
    assert_int_equal(b.block[vx(&g, "A")], 0);
    assert_int_equal(b.block[vx(&g, "B")], 0);
    assert_int_equal(b.block[vx(&g, "C")], 1);
    assert_int_equal(b.block[vx(&g, "D")], 1);
    ag_blockmodel_destroy(&b);

    assert_int_equal(ag_walk_balance(&g, &k, &err), AG_OK);
    assert_float_equal(k, 1, 1e-12);
    assert_int_equal(ag_pn_centrality(&g, pn, &err), AG_OK);
    for (int v = 0; v < 4; v++)
        assert_float_equal(pn[v], 6.0 / 7, 1e-12);
    ag_era_graph_destroy(&g);
}

static void test_triangle(void **state)
{
    ag_era_graph_t g;
    ag_frustration_t f;
    ag_error_t err;
    double k, pn[3];
    (void)state;
    tu_slice(&g, &ds, "triangle", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(ag_frustration_compute(&g, 0, &f, &err), AG_OK);
    assert_int_equal(f.edges, 3);
    assert_int_equal(f.frustration, 1);
    assert_true(f.exact);
    assert_float_equal(f.normalised, 1.0 / 3, 1e-12);
    check_sides(&g, &f);
    ag_frustration_destroy(&f);

    assert_int_equal(ag_walk_balance(&g, &k, &err), AG_OK);
    assert_float_equal(k, (exp(-2) + 2 * exp(1)) / (exp(2) + 2 * exp(-1)), 1e-12);
    assert_int_equal(ag_pn_centrality(&g, pn, &err), AG_OK);
    assert_float_equal(pn[vx(&g, "E")], 10.0 / 11, 1e-12);
    assert_float_equal(pn[vx(&g, "F")], 16.0 / 11, 1e-12);
    assert_float_equal(pn[vx(&g, "G")], 10.0 / 11, 1e-12);
    ag_era_graph_destroy(&g);
}

static void test_known(void **state)
{
    static const double want[] = { 0, 1, 0.5, 0 };
    ag_era_graph_t g;
    ag_frustration_t f;
    ag_error_t err;
    (void)state;
    tu_slice(&g, &ds, "known", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(ag_frustration_compute(&g, 0, &f, &err), AG_OK);
    assert_int_equal(f.edges, 7);
    assert_int_equal(f.frustration, 2);
    assert_int_equal(f.lower_bound, 2);
    assert_true(f.exact);
    assert_float_equal(f.normalised, 3.0 / 7, 1e-12);
    check_sides(&g, &f);
    /* The bridge is never frustrated: L is on K's side. */
    assert_int_equal(f.side[vx(&g, "L")], f.side[vx(&g, "K")]);
    ag_frustration_destroy(&f);

    for (int k = 1; k <= 4; k++) {
        ag_blockmodel_t b;
        assert_int_equal(ag_blockmodel_compute(&g, k, 0.5, 50, &b, &err), AG_OK);
        /* k = 1: all in one block, six enemies inside, P = 3. */
        assert_float_equal(b.error, k == 1 ? 3 : want[k - 1], 1e-12);
        assert_int_equal(b.block[vx(&g, "L")], b.block[vx(&g, "K")]);
        ag_blockmodel_destroy(&b);
    }
    ag_era_graph_destroy(&g);
}

static void test_time_limit(void **state)
{
    ag_era_graph_t g;
    ag_frustration_t f;
    ag_error_t err;
    (void)state;
    tu_slice(&g, &ds, "hard", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(ag_frustration_compute(&g, 1e-6, &f, &err), AG_OK);
    assert_false(f.exact);
    assert_true(f.lower_bound > 0 && f.lower_bound < f.frustration);
    check_sides(&g, &f);
    ag_frustration_destroy(&f);
    ag_era_graph_destroy(&g);
}

static void test_errors(void **state)
{
    ag_era_graph_t g;
    ag_blockmodel_t b;
    ag_error_t err;
    (void)state;
    tu_slice(&g, &ds, "square", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(ag_blockmodel_compute(&g, 0, 0.5, 1, &b, &err), AG_EUSAGE);
    assert_string_equal(err.msg, "the number of blocks must be 1 to 64, not 0");
    assert_int_equal(ag_blockmodel_compute(&g, 2, 1.5, 1, &b, &err), AG_EUSAGE);
    ag_blockmodel_destroy(&b);
    ag_era_graph_destroy(&g);
}

/* Above 1,500 actors PN is solved with a sparse Cholesky factor; on a
 * random signed graph of 1,700 (a hub with 900 ties among them) it equals
 * the dense solve done here with LAPACK to 1e-10. The graph is made by
 * hand: PN reads only n and the dyads' ends and nets. */
static void test_pn_sparse(void **state)
{
    const igraph_integer_t n = 1700;
    ag_era_graph_t g;
    ag_error_t err;
    igraph_matrix_t a, rhs;
    igraph_vector_int_t ipiv;
    double *pn = malloc((size_t)n * sizeof *pn), beta = 1.0 / (2.0 * (double)n - 2.0);
    uint64_t x = 7;
    size_t cap = 12000;
    int info = 0;
    (void)state;
    memset(&g, 0, sizeof g);
    g.n = (size_t)n;
    g.dyads = calloc(cap, sizeof *g.dyads);
    assert_non_null(pn);
    assert_non_null(g.dyads);
    for (long u = 0; u < n && g.n_dyads < cap; u++)
        for (int k = 0; k < (u == 0 ? 900 : 5) && g.n_dyads < cap; k++) {
            long v;
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            v = (long)((x >> 33) % (uint64_t)n);
            if (v <= u)
                continue;
            g.dyads[g.n_dyads].u = u;
            g.dyads[g.n_dyads].v = v;
            g.dyads[g.n_dyads].net = (x >> 20) % 3 == 0 ? -1 : 2;
            g.n_dyads++;
        }
    /* (parallel dyads would be summed by the sparse matrix and overwritten
     * by the dense one: drop repeats) */
    for (size_t d = 1; d < g.n_dyads; d++)
        for (size_t e = 0; e < d; e++)
            if (g.dyads[e].u == g.dyads[d].u && g.dyads[e].v == g.dyads[d].v) {
                g.dyads[d].net = 0;
                break;
            }
    assert_int_equal(ag_pn_centrality(&g, pn, &err), AG_OK);

    assert_int_equal(igraph_matrix_init(&a, n, n), 0);
    assert_int_equal(igraph_matrix_init(&rhs, n, 1), 0);
    assert_int_equal(igraph_vector_int_init(&ipiv, n), 0);
    for (igraph_integer_t v = 0; v < n; v++) {
        MATRIX(a, v, v) = 1;
        MATRIX(rhs, v, 0) = 1;
    }
    for (size_t d = 0; d < g.n_dyads; d++) {
        double w = g.dyads[d].net > 0 ? 1 : g.dyads[d].net < 0 ? -2 : 0;
        if (w != 0)
            MATRIX(a, g.dyads[d].u, g.dyads[d].v) = MATRIX(a, g.dyads[d].v, g.dyads[d].u) =
                -beta * w;
    }
    assert_int_equal(igraph_lapack_dgesv(&a, &ipiv, &rhs, &info), 0);
    assert_int_equal(info, 0);
    for (igraph_integer_t v = 0; v < n; v++)
        assert_float_equal(pn[v], MATRIX(rhs, v, 0), 1e-10);
    igraph_vector_int_destroy(&ipiv);
    igraph_matrix_destroy(&rhs);
    igraph_matrix_destroy(&a);
    free(g.dyads);
    free(pn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_square),
        cmocka_unit_test(test_triangle),
        cmocka_unit_test(test_known),
        cmocka_unit_test(test_time_limit),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_pn_sparse),
    };
    ag_init(NULL);
    return cmocka_run_group_tests(tests, setup, teardown);
}
