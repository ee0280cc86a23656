/*
 * test_metrics.c: centralities, ranks and summary figures on tiny graphs,
 * each value worked out by hand (docs/METHODS.md gives the definitions).
 *
 * The graphs are the eras of tests/data/metrics: each era is one year
 * holding one small graph. Cooperation is undirected +1, rivalry
 * undirected -2, war undirected -3, visit and support directed +1.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/era.h"
#include "actorgraph/load.h"
#include "actorgraph/metrics.h"
#include "actorgraph/summary.h"
#include "testutil.h"

#define EPS 1e-9

static ag_dataset_t ds;

static int setup(void **state)
{
    (void)state;
    return tu_load(&ds, "metrics");
}

static int teardown(void **state)
{
    (void)state;
    ag_dataset_destroy(&ds);
    return 0;
}

/* One era's graph and all its metrics. */
typedef struct {
    ag_era_graph_t g;
    ag_metrics_t m;
} measured_t;

static void measure(measured_t *x, const char *era, ag_level_t level, ag_ties_t ties)
{
    ag_error_t err;
    tu_slice(&x->g, &ds, era, level, ties, NULL);
    assert_int_equal(ag_metrics_compute(&x->g, AG_METRICS_ALL, &x->m, &err), AG_OK);
}

static void done(measured_t *x)
{
    ag_metrics_destroy(&x->m);
    ag_era_graph_destroy(&x->g);
}

static double val(const measured_t *x, const char *actor, ag_metric_t m)
{
    long a = ag_dataset_find_actor(&ds, actor);
    assert_true(a >= 0);
    assert_true(x->g.vertex_of[a] >= 0);
    return x->m.value[m][x->g.vertex_of[a]];
}

#define CHECK(x, actor, metric, expected)                                               \
    do {                                                                                \
        double got_ = val(x, actor, metric), want_ = (expected);                       \
        if (fabs(got_ - want_) > EPS * (fabs(want_) > 1 ? fabs(want_) : 1)) {          \
            print_error("%s %s: got %.17g, want %.17g\n", actor, ag_metric_name(metric), \
                        got_, want_);                                                   \
            fail();                                                                     \
        }                                                                               \
    } while (0)

/* Golden ratio: P4's leading eigenvalue 2 cos(pi/5). */
static const double PHI = 1.6180339887498949;

/*
 * Path A-B-C-D, each tie cooperation (W = 1).
 * degree/strength: 1 2 2 1. in/out: each undirected relation gives an arc
 * each way, so in = out = degree.
 * betweenness: B lies on the shortest paths A-C and A-D: 2 pairs, over
 * (n-1)(n-2)/2 = 3 pairs: 2/3; C likewise; A, D 0.
 * harmonic: A: (1 + 1/2 + 1/3) / 3 = 11/18; B: (1 + 1 + 1/2) / 3 = 5/6.
 * eigenvector: P4's Perron vector is sin(k pi/5), k = 1..4, so A = D =
 * sin 36 / sin 72 = 1/phi, B = C = 1.
 * pagerank: by symmetry A = D = a, B = C = b, 2a + 2b = 1,
 * a = 0.15/4 + 0.85 b/2 -> a = 10/57, b = 37/114.
 * hub = authority: the digraph is symmetric, so A A^T = A^2, whose Perron
 * vector is A's: (1/phi, 1, 1, 1/phi). (The double cover of the bipartite
 * P4 has two components, {A,C -> B,D} and {B,D -> A,C}, both with
 * sigma = phi and the same sum of u: tied, so combined.)
 */
static void test_path(void **state)
{
    measured_t x;
    (void)state;
    measure(&x, "path", AG_LEVEL_ACTOR, AG_TIES_ALL);
    assert_int_equal(x.g.n, 4);
    CHECK(&x, "A", AG_M_DEGREE, 1);
    CHECK(&x, "B", AG_M_DEGREE, 2);
    CHECK(&x, "C", AG_M_STRENGTH, 2);
    CHECK(&x, "D", AG_M_STRENGTH, 1);
    CHECK(&x, "B", AG_M_IN_DEGREE, 2);
    CHECK(&x, "A", AG_M_OUT_DEGREE, 1);
    CHECK(&x, "A", AG_M_BETWEENNESS, 0);
    CHECK(&x, "B", AG_M_BETWEENNESS, 2.0 / 3);
    CHECK(&x, "C", AG_M_BETWEENNESS, 2.0 / 3);
    CHECK(&x, "A", AG_M_HARMONIC, 11.0 / 18);
    CHECK(&x, "B", AG_M_HARMONIC, 5.0 / 6);
    CHECK(&x, "D", AG_M_HARMONIC, 11.0 / 18);
    CHECK(&x, "A", AG_M_EIGENVECTOR, 1 / PHI);
    CHECK(&x, "B", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "C", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "D", AG_M_EIGENVECTOR, 1 / PHI);
    CHECK(&x, "A", AG_M_PAGERANK, 10.0 / 57);
    CHECK(&x, "B", AG_M_PAGERANK, 37.0 / 114);
    CHECK(&x, "A", AG_M_HUB, 1 / PHI);
    CHECK(&x, "C", AG_M_HUB, 1);
    CHECK(&x, "B", AG_M_AUTHORITY, 1);
    CHECK(&x, "D", AG_M_AUTHORITY, 1 / PHI);
    done(&x);
}

/*
 * Star: L1, L2, L3 each visit S (directed, W = 1).
 * degree S 3, leaves 1; in_degree S 3, out_degree leaves 1.
 * betweenness S: all 3 leaf pairs over 3 pairs = 1.
 * harmonic S: 3/3 = 1; a leaf: (1 + 1/2 + 1/2) / 3 = 2/3.
 * eigenvector: K1,3 has lambda = sqrt 3, vector (sqrt 3, 1, 1, 1): S 1,
 * leaves 1/sqrt 3.
 * pagerank: S is dangling. l = 0.15/4 + 0.85 s/4, s = 1 - 3l
 * -> s = 71/131, l = 20/131.
 * HITS: A A^T over the leaves is all ones (they share the target S):
 * hub leaves 1, S 0; authority = A^T hub: S 3 -> 1, leaves 0.
 */
static void test_star(void **state)
{
    measured_t x;
    (void)state;
    measure(&x, "star", AG_LEVEL_ACTOR, AG_TIES_ALL);
    CHECK(&x, "S", AG_M_DEGREE, 3);
    CHECK(&x, "L2", AG_M_DEGREE, 1);
    CHECK(&x, "S", AG_M_IN_DEGREE, 3);
    CHECK(&x, "S", AG_M_OUT_DEGREE, 0);
    CHECK(&x, "L1", AG_M_OUT_DEGREE, 1);
    CHECK(&x, "L1", AG_M_IN_DEGREE, 0);
    CHECK(&x, "S", AG_M_BETWEENNESS, 1);
    CHECK(&x, "L3", AG_M_BETWEENNESS, 0);
    CHECK(&x, "S", AG_M_HARMONIC, 1);
    CHECK(&x, "L1", AG_M_HARMONIC, 2.0 / 3);
    CHECK(&x, "S", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "L1", AG_M_EIGENVECTOR, 1 / sqrt(3));
    CHECK(&x, "S", AG_M_PAGERANK, 71.0 / 131);
    CHECK(&x, "L2", AG_M_PAGERANK, 20.0 / 131);
    CHECK(&x, "L1", AG_M_HUB, 1);
    CHECK(&x, "S", AG_M_HUB, 0);
    CHECK(&x, "S", AG_M_AUTHORITY, 1);
    CHECK(&x, "L3", AG_M_AUTHORITY, 0);
    done(&x);
}

/*
 * Triangle A-B (+1), B-C (+1), A-C rivalry (-2), under each ties layer.
 *
 * all: W AB 1, BC 1, AC 2; lengths 1, 1, 1/2. Every shortest path is the
 * direct tie (A-B: 1 < 1/2 + 1), so betweenness is 0.
 * harmonic A: (1/1 + 1/(1/2)) / 2 = 3/2; B: (1 + 1)/2 = 1.
 * eigenvector: A = C = x, B = y; lambda x = y + 2x, lambda y = 2x ->
 * lambda^2 - 2 lambda - 2 = 0, lambda = 1 + sqrt 3, y/x = sqrt 3 - 1.
 * pagerank: A = C = a, B = 1 - 2a; A gets half of B's (B->A 1 of 2) and
 * two thirds of C's (C->A 2 of 3): a = 0.05 + 0.85 (b/2 + 2a/3)
 * -> a = 57/154, b = 20/77.
 * hub = authority = eigenvector (symmetric, not bipartite).
 */
static void test_triangle_all(void **state)
{
    measured_t x;
    (void)state;
    measure(&x, "triangle", AG_LEVEL_ACTOR, AG_TIES_ALL);
    CHECK(&x, "A", AG_M_STRENGTH, 3);
    CHECK(&x, "B", AG_M_STRENGTH, 2);
    CHECK(&x, "B", AG_M_BETWEENNESS, 0);
    CHECK(&x, "A", AG_M_HARMONIC, 1.5);
    CHECK(&x, "B", AG_M_HARMONIC, 1);
    CHECK(&x, "A", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "B", AG_M_EIGENVECTOR, sqrt(3) - 1);
    CHECK(&x, "A", AG_M_PAGERANK, 57.0 / 154);
    CHECK(&x, "B", AG_M_PAGERANK, 20.0 / 77);
    CHECK(&x, "C", AG_M_HUB, 1);
    CHECK(&x, "B", AG_M_HUB, sqrt(3) - 1);
    CHECK(&x, "B", AG_M_AUTHORITY, sqrt(3) - 1);
    CHECK(&x, "A", AG_M_IN_DEGREE, 2);
    done(&x);
}

/*
 * positive: the path A-B-C (W 1); the rivalry is left out.
 * betweenness B: 1 pair of 1 = 1. harmonic A: (1 + 1/2)/2 = 3/4, B 1.
 * eigenvector: P3, lambda sqrt 2, vector (1, sqrt 2, 1): A = C = 1/sqrt 2.
 * pagerank: a = 0.05 + 0.85 b/2, b = 1 - 2a -> a = 19/74, b = 18/37.
 * HITS from hubs = 1: authority = A^T 1 = (1, 2, 1); hub = A (1, 2, 1) =
 * (2, 2, 2): a fixed point, so hub = 1 everywhere and authority is
 * (1/2, 1, 1/2). (Double cover: {A,C -> B} with sigma^2 2 and {B -> A,C}
 * with sigma^2 2, tied; sum(u) u gives 1 to each source.)
 */
static void test_triangle_positive(void **state)
{
    measured_t x;
    (void)state;
    measure(&x, "triangle", AG_LEVEL_ACTOR, AG_TIES_POSITIVE);
    assert_int_equal(x.g.n, 3);
    CHECK(&x, "A", AG_M_DEGREE, 1);
    CHECK(&x, "B", AG_M_DEGREE, 2);
    CHECK(&x, "B", AG_M_BETWEENNESS, 1);
    CHECK(&x, "A", AG_M_HARMONIC, 0.75);
    CHECK(&x, "B", AG_M_HARMONIC, 1);
    CHECK(&x, "A", AG_M_EIGENVECTOR, 1 / sqrt(2));
    CHECK(&x, "B", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "A", AG_M_PAGERANK, 19.0 / 74);
    CHECK(&x, "B", AG_M_PAGERANK, 18.0 / 37);
    CHECK(&x, "A", AG_M_HUB, 1);
    CHECK(&x, "B", AG_M_HUB, 1);
    CHECK(&x, "C", AG_M_HUB, 1);
    CHECK(&x, "A", AG_M_AUTHORITY, 0.5);
    CHECK(&x, "B", AG_M_AUTHORITY, 1);
    done(&x);
}

/*
 * negative: only A-C (W 2); B is a vertex without ties (METHODS, 6).
 * harmonic A: (1/(1/2)) / 2 = 1; B 0.
 * eigenvector: {A, C} has lambda 2, B's component lambda 0: A = C = 1,
 * B = 0.
 * pagerank: B is dangling: b = 0.05 + 0.85 b/3 -> b = 3/43,
 * a = c = 20/43.
 * HITS: arcs A->C and C->A make two double-cover components with
 * sigma^2 4 each, tied: hub A = C = 1; authority A = C = 1; B 0.
 */
static void test_triangle_negative(void **state)
{
    measured_t x;
    (void)state;
    measure(&x, "triangle", AG_LEVEL_ACTOR, AG_TIES_NEGATIVE);
    assert_int_equal(x.g.n, 3);
    CHECK(&x, "B", AG_M_DEGREE, 0);
    CHECK(&x, "A", AG_M_STRENGTH, 2);
    CHECK(&x, "B", AG_M_IN_DEGREE, 0);
    CHECK(&x, "A", AG_M_BETWEENNESS, 0);
    CHECK(&x, "A", AG_M_HARMONIC, 1);
    CHECK(&x, "B", AG_M_HARMONIC, 0);
    CHECK(&x, "A", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "C", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "B", AG_M_EIGENVECTOR, 0);
    CHECK(&x, "B", AG_M_PAGERANK, 3.0 / 43);
    CHECK(&x, "A", AG_M_PAGERANK, 20.0 / 43);
    CHECK(&x, "A", AG_M_HUB, 1);
    CHECK(&x, "C", AG_M_HUB, 1);
    CHECK(&x, "B", AG_M_HUB, 0);
    CHECK(&x, "C", AG_M_AUTHORITY, 1);
    CHECK(&x, "B", AG_M_AUTHORITY, 0);
    done(&x);
}

/*
 * A leader rolling up to his state: AYUB (parent PAK) visits SUN (+1);
 * PAK-IND war (-3); AYUB supports PAK (+1, a self-loop at state level,
 * dropped). State level: vertices IND, PAK, SUN; ties PAK-SUN 1,
 * PAK-IND 3.
 * strength PAK 4, IND 3, SUN 1; betweenness PAK 1 (IND-SUN via PAK).
 * harmonic (lengths 1/3 and 1): PAK (3 + 1)/2 = 2; IND (3 + 1/(4/3))/2 =
 * 15/8; SUN (1 + 3/4)/2 = 7/8.
 * eigenvector: star with weights 3 and 1: lambda sqrt 10, vector
 * (sqrt 10, 3, 1): PAK 1, IND 3/sqrt 10, SUN 1/sqrt 10.
 * arcs: PAK->SUN, PAK->IND, IND->PAK: out PAK 2, IND 1; in PAK 1, SUN 1.
 * pagerank (SUN dangling; merged arcs PAK->SUN 1, PAK->IND 3, IND->PAK 3),
 * solving the three linear equations exactly: IND 1310/3471, PAK
 * 1480/3471, SUN 681/3471.
 * HITS: double-cover components {PAK -> SUN, IND} with sigma^2 1 + 9 = 10
 * and {IND -> PAK} with 9: only the first counts. hub PAK 1, others 0;
 * authority = A^T hub: IND 3, SUN 1 -> IND 1, SUN 1/3, PAK 0.
 */
static void test_rollup(void **state)
{
    measured_t x;
    (void)state;
    measure(&x, "rollup", AG_LEVEL_STATE, AG_TIES_ALL);
    assert_int_equal(x.g.n, 3);
    assert_int_equal(x.g.n_rels, 2);
    assert_true(x.g.vertex_of[ag_dataset_find_actor(&ds, "AYUB")] < 0);
    CHECK(&x, "PAK", AG_M_DEGREE, 2);
    CHECK(&x, "PAK", AG_M_STRENGTH, 4);
    CHECK(&x, "IND", AG_M_STRENGTH, 3);
    CHECK(&x, "PAK", AG_M_BETWEENNESS, 1);
    CHECK(&x, "PAK", AG_M_HARMONIC, 2);
    CHECK(&x, "IND", AG_M_HARMONIC, 15.0 / 8);
    CHECK(&x, "SUN", AG_M_HARMONIC, 7.0 / 8);
    CHECK(&x, "PAK", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "IND", AG_M_EIGENVECTOR, 3 / sqrt(10));
    CHECK(&x, "SUN", AG_M_EIGENVECTOR, 1 / sqrt(10));
    CHECK(&x, "PAK", AG_M_OUT_DEGREE, 2);
    CHECK(&x, "PAK", AG_M_IN_DEGREE, 1);
    CHECK(&x, "SUN", AG_M_IN_DEGREE, 1);
    CHECK(&x, "SUN", AG_M_OUT_DEGREE, 0);
    CHECK(&x, "IND", AG_M_PAGERANK, 1310.0 / 3471);
    CHECK(&x, "PAK", AG_M_PAGERANK, 1480.0 / 3471);
    CHECK(&x, "SUN", AG_M_PAGERANK, 681.0 / 3471);
    CHECK(&x, "PAK", AG_M_HUB, 1);
    CHECK(&x, "IND", AG_M_HUB, 0);
    CHECK(&x, "IND", AG_M_AUTHORITY, 1);
    CHECK(&x, "SUN", AG_M_AUTHORITY, 1.0 / 3);
    CHECK(&x, "PAK", AG_M_AUTHORITY, 0);
    done(&x);

    /* At actor level Ayub is his own vertex, with his support of PAK. */
    measure(&x, "rollup", AG_LEVEL_ACTOR, AG_TIES_ALL);
    assert_int_equal(x.g.n, 4);
    assert_int_equal(x.g.n_rels, 3);
    CHECK(&x, "AYUB", AG_M_OUT_DEGREE, 2);
    CHECK(&x, "PAK", AG_M_DEGREE, 2);
    done(&x);
}

/*
 * Disconnected, tied: triangle X-Y-Z (lambda 2) and the star H-E1..E4
 * (lambda sqrt 4 = 2). Power iteration from ones keeps both: star
 * u = (2,1,1,1,1)/sqrt 8, sum 6/sqrt 8, giving H 12/8 = 1.5, Ei 6/8 = 0.75;
 * triangle u = 1/sqrt 3 each, sum sqrt 3, giving 1 each. Scaled by 1.5:
 * H 1, Ei 1/2, X Y Z 2/3.
 * HITS: the triangle's double cover (sigma^2 4) and the star's two halves
 * {H -> Ei} (sigma^2 4) and {Ei -> H} (sigma^2 4, u = 1/2 each, sum 2) are
 * all tied, and each source gets sum(u) u = 1: hub 1 everywhere.
 * authority = A^T hub: X 2, H 4, Ei 1 -> H 1, X 1/2, Ei 1/4.
 */
static void test_eigen_tie(void **state)
{
    measured_t x;
    (void)state;
    measure(&x, "eigen-tie", AG_LEVEL_ACTOR, AG_TIES_ALL);
    CHECK(&x, "H", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "E1", AG_M_EIGENVECTOR, 0.5);
    CHECK(&x, "E4", AG_M_EIGENVECTOR, 0.5);
    CHECK(&x, "X", AG_M_EIGENVECTOR, 2.0 / 3);
    CHECK(&x, "Z", AG_M_EIGENVECTOR, 2.0 / 3);
    CHECK(&x, "H", AG_M_HUB, 1);
    CHECK(&x, "E2", AG_M_HUB, 1);
    CHECK(&x, "Y", AG_M_HUB, 1);
    CHECK(&x, "H", AG_M_AUTHORITY, 1);
    CHECK(&x, "X", AG_M_AUTHORITY, 0.5);
    CHECK(&x, "E3", AG_M_AUTHORITY, 0.25);
    done(&x);
}

/*
 * Disconnected, not tied: triangle X-Y-Z (lambda 2) and P-Q (lambda 1).
 * Only the triangle survives power iteration: X Y Z 1, P Q 0; the same
 * for hub and authority (sigma^2 4 against 1).
 */
static void test_eigen_gap(void **state)
{
    measured_t x;
    (void)state;
    measure(&x, "eigen-gap", AG_LEVEL_ACTOR, AG_TIES_ALL);
    CHECK(&x, "X", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "Y", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "P", AG_M_EIGENVECTOR, 0);
    CHECK(&x, "Q", AG_M_EIGENVECTOR, 0);
    CHECK(&x, "Z", AG_M_HUB, 1);
    CHECK(&x, "P", AG_M_HUB, 0);
    CHECK(&x, "Q", AG_M_AUTHORITY, 0);
    CHECK(&x, "X", AG_M_AUTHORITY, 1);
    /* P-Q still has harmonic closeness: (1/1)/4. */
    CHECK(&x, "P", AG_M_HARMONIC, 0.25);
    done(&x);
}

/*
 * HITS with tied double-cover components: A -> B, A -> C (A A^T = [2]) and
 * D -> F, E -> F (A A^T = [[1,1],[1,1]], eigenvalue 2, u = 1/sqrt 2 each,
 * sum sqrt 2). Hubs: A 1; D = E = sqrt 2 / sqrt 2 = 1. Authority = A^T hub:
 * B 1, C 1, F 2 -> F 1, B = C = 1/2.
 * eigenvector: two P3s, both lambda sqrt 2, tied: centres A, F 1, leaves
 * 1/sqrt 2.
 */
static void test_hits_tie(void **state)
{
    measured_t x;
    (void)state;
    measure(&x, "hits-tie", AG_LEVEL_ACTOR, AG_TIES_ALL);
    CHECK(&x, "A", AG_M_HUB, 1);
    CHECK(&x, "D", AG_M_HUB, 1);
    CHECK(&x, "E", AG_M_HUB, 1);
    CHECK(&x, "B", AG_M_HUB, 0);
    CHECK(&x, "F", AG_M_HUB, 0);
    CHECK(&x, "F", AG_M_AUTHORITY, 1);
    CHECK(&x, "B", AG_M_AUTHORITY, 0.5);
    CHECK(&x, "C", AG_M_AUTHORITY, 0.5);
    CHECK(&x, "A", AG_M_AUTHORITY, 0);
    CHECK(&x, "A", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "F", AG_M_EIGENVECTOR, 1);
    CHECK(&x, "B", AG_M_EIGENVECTOR, 1 / sqrt(2));
    CHECK(&x, "E", AG_M_EIGENVECTOR, 1 / sqrt(2));
    done(&x);
}

/*
 * B visits A: vertices A (0) and B (1), the only arc 1 -> 0, where
 * igraph_hub_and_authority_scores gives hub (1, 0) and NaN authorities.
 * A A^T = diag(0, 1): hub B 1, A 0; authority = A^T hub: A 1, B 0.
 * pagerank: A dangling: b = 0.075 + 0.85 a/2, a = 1 - b -> a = 37/57,
 * b = 20/57.
 */
static void test_hits_two_vertices(void **state)
{
    measured_t x;
    (void)state;
    measure(&x, "hits-two", AG_LEVEL_ACTOR, AG_TIES_ALL);
    assert_int_equal(x.g.vertex_of[ag_dataset_find_actor(&ds, "A")], 0);
    CHECK(&x, "B", AG_M_HUB, 1);
    CHECK(&x, "A", AG_M_HUB, 0);
    CHECK(&x, "A", AG_M_AUTHORITY, 1);
    CHECK(&x, "B", AG_M_AUTHORITY, 0);
    CHECK(&x, "A", AG_M_PAGERANK, 37.0 / 57);
    CHECK(&x, "B", AG_M_PAGERANK, 20.0 / 57);
    /* n = 2: betweenness is 0 by definition. */
    CHECK(&x, "A", AG_M_BETWEENNESS, 0);
    done(&x);
}

/*
 * Edgeless: A-B rivalry under positive ties. Both stay vertices; every
 * metric is 0 (igraph would give eigenvector and hub 1), pagerank 1/2
 * each (both dangling, uniform jumps).
 */
static void test_edgeless(void **state)
{
    measured_t x;
    (void)state;
    measure(&x, "negative-only", AG_LEVEL_ACTOR, AG_TIES_POSITIVE);
    assert_int_equal(x.g.n, 2);
    /* PN reads the net-signed graph whatever the ties: two enemies alone,
     * the singular case, 1/2 each (signed.h). */
    for (int m = 0; m < AG_M_COUNT; m++) {
        CHECK(&x, "A", (ag_metric_t)m, m == AG_M_PAGERANK || m == AG_M_PN ? 0.5 : 0);
        CHECK(&x, "B", (ag_metric_t)m, m == AG_M_PAGERANK || m == AG_M_PN ? 0.5 : 0);
    }
    done(&x);
    /* Under all ties: one tie of W 2, length 1/2: harmonic 2. */
    measure(&x, "negative-only", AG_LEVEL_ACTOR, AG_TIES_ALL);
    CHECK(&x, "A", AG_M_HARMONIC, 2);
    CHECK(&x, "B", AG_M_EIGENVECTOR, 1);
    done(&x);
}

/* Only the metrics asked for are computed. */
static void test_mask(void **state)
{
    measured_t x;
    ag_slice_opts_t o;
    ag_error_t err;
    (void)state;
    ag_slice_opts_default(&o);
    o.first = ds.eras[ag_dataset_find_era(&ds, "star")].period.first;
    o.last = ds.eras[ag_dataset_find_era(&ds, "star")].period.last;
    assert_int_equal(ag_era_graph_init(&x.g, &ds, &o, &err), AG_OK);
    assert_int_equal(ag_metrics_compute(&x.g, 1u << AG_M_PAGERANK, &x.m, &err), AG_OK);
    assert_null(x.m.value[AG_M_DEGREE]);
    assert_null(x.m.value[AG_M_HUB]);
    assert_non_null(x.m.value[AG_M_PAGERANK]);
    CHECK(&x, "S", AG_M_PAGERANK, 71.0 / 131);
    done(&x);
}

/* Ranks: 1 highest, equal printed values share the lowest rank. */
static void test_rank(void **state)
{
    double v[] = { 3, 1, 3, 2, 0.1, 0.1 + 1e-13, 0, 1e-11, -0.0 };
    long r[9];
    ag_error_t err;
    (void)state;
    assert_int_equal(ag_rank(v, 4, r, &err), AG_OK);
    assert_int_equal(r[0], 1);
    assert_int_equal(r[2], 1);
    assert_int_equal(r[3], 3);
    assert_int_equal(r[1], 4);
    /* 0.1 and 0.1 + 1e-13 both print as 0.1; 0, 1e-11 and -0 as 0. */
    assert_int_equal(ag_rank(v + 4, 5, r, &err), AG_OK);
    assert_int_equal(r[0], 1);
    assert_int_equal(r[1], 1);
    assert_int_equal(r[2], 3);
    assert_int_equal(r[3], 3);
    assert_int_equal(r[4], 3);
    assert_int_equal(ag_rank(v, 0, r, &err), AG_OK);
}

static void test_metric_names(void **state)
{
    unsigned mask = 0;
    ag_error_t err;
    (void)state;
    for (int m = 0; m < AG_M_COUNT; m++)
        assert_int_equal(ag_metric_parse(ag_metric_name((ag_metric_t)m)), m);
    assert_int_equal(ag_metric_parse("closeness"), -1);
    assert_int_equal(ag_metric_list_parse("pagerank, degree", &mask, &err), AG_OK);
    assert_int_equal(mask, (1u << AG_M_PAGERANK) | (1u << AG_M_DEGREE));
    assert_int_equal(ag_metric_list_parse("all", &mask, &err), AG_OK);
    assert_int_equal(mask, AG_METRICS_ALL);
    assert_int_equal(ag_metric_list_parse("degree,betweeness", &mask, &err), AG_EUSAGE);
    assert_string_equal(err.msg, "unknown metric 'betweeness' (did you mean 'betweenness'?)");
    assert_int_equal(ag_metric_list_parse("zzz", &mask, &err), AG_EUSAGE);
    assert_string_equal(err.msg, "unknown metric 'zzz'");
    assert_int_equal(ag_metric_list_parse(",", &mask, &err), AG_EUSAGE);
}

static void summarise(const char *era, ag_ties_t ties, ag_era_graph_t *g, ag_summary_t *s)
{
    ag_slice_opts_t o;
    ag_error_t err;
    long e = ag_dataset_find_era(&ds, era);
    ag_slice_opts_default(&o);
    o.first = ds.eras[e].period.first;
    o.last = ds.eras[e].period.last;
    o.ties = ties;
    assert_int_equal(ag_era_graph_init(g, &ds, &o, &err), AG_OK);
    assert_int_equal(ag_summary_compute(g, s, &err), AG_OK);
}

/*
 * Triangle, all ties: 3 vertices, relations, dyads and edges; dyads 2
 * positive, 1 negative; density 3/3; transitivity 1. The net-positive
 * layer is the path A-B-C (m = 2): Leiden finds one community (modularity
 * 0; splitting off C gives -1/8), but A and C are enemies (net -2), so the
 * bloc is split: B first (strength 2), A joins it, C can't: {A, B}, {C},
 * Q = 1/2 - (3/4)^2 - (1/4)^2 = -1/8.
 */
static void test_summary_triangle(void **state)
{
    ag_era_graph_t g;
    ag_summary_t s;
    (void)state;
    summarise("triangle", AG_TIES_ALL, &g, &s);
    assert_int_equal(s.vertices, 3);
    assert_int_equal(s.relations, 3);
    assert_int_equal(s.dyads, 3);
    assert_int_equal(s.edges, 3);
    assert_int_equal(s.positive_dyads, 2);
    assert_int_equal(s.negative_dyads, 1);
    assert_true(fabs(s.density - 1) < EPS);
    assert_int_equal(s.components, 1);
    assert_true(fabs(s.transitivity - 1) < EPS);
    assert_int_equal(s.communities, 2);
    assert_true(fabs(s.modularity + 0.125) < EPS);
    assert_int_equal(s.membership[0], 0);
    assert_int_equal(s.membership[1], 0);
    assert_int_equal(s.membership[2], 1);
    ag_summary_destroy(&s);
    ag_era_graph_destroy(&g);
}

/*
 * Triangle X-Y-Z and P-Q: 2 components; the communities are the two
 * components: Q = (3/4 - (6/8)^2) + (1/4 - (2/8)^2) = 3/16 + 3/16 = 3/8.
 * Vertices P Q X Y Z: communities numbered by first vertex, P's is 0.
 * Density 4 / 10.
 */
static void test_summary_components(void **state)
{
    ag_era_graph_t g;
    ag_summary_t s;
    (void)state;
    summarise("eigen-gap", AG_TIES_ALL, &g, &s);
    assert_int_equal(s.components, 2);
    assert_true(fabs(s.density - 0.4) < EPS);
    assert_int_equal(s.communities, 2);
    assert_true(fabs(s.modularity - 0.375) < EPS);
    assert_int_equal(s.membership[0], 0);
    assert_int_equal(s.membership[1], 0);
    assert_int_equal(s.membership[2], 1);
    assert_int_equal(s.membership[4], 1);
    ag_summary_destroy(&s);
    ag_era_graph_destroy(&g);
}

/* No positive tie: each vertex its own community, modularity and
 * transitivity undefined (NaN). */
static void test_summary_edgeless(void **state)
{
    ag_era_graph_t g;
    ag_summary_t s;
    (void)state;
    summarise("negative-only", AG_TIES_POSITIVE, &g, &s);
    assert_int_equal(s.vertices, 2);
    assert_int_equal(s.edges, 0);
    assert_int_equal(s.negative_dyads, 1);
    assert_true(s.density == 0);
    assert_int_equal(s.components, 2);
    assert_true(isnan(s.transitivity));
    assert_int_equal(s.communities, 2);
    assert_true(isnan(s.modularity));
    ag_summary_destroy(&s);
    ag_era_graph_destroy(&g);
}

/* The same input gives the same communities, whatever ran before. */
static void test_summary_deterministic(void **state)
{
    ag_era_graph_t g;
    ag_summary_t a, b;
    ag_error_t err;
    (void)state;
    summarise("eigen-tie", AG_TIES_ALL, &g, &a);
    igraph_rng_seed(igraph_rng_default(), 12345);
    assert_int_equal(ag_summary_compute(&g, &b, &err), AG_OK);
    assert_int_equal(a.communities, b.communities);
    assert_memory_equal(a.membership, b.membership, g.n * sizeof *a.membership);
    assert_true(a.modularity == b.modularity);
    ag_summary_destroy(&a);
    ag_summary_destroy(&b);
    ag_era_graph_destroy(&g);
}

int main(void)
{
    ag_init(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path),
        cmocka_unit_test(test_star),
        cmocka_unit_test(test_triangle_all),
        cmocka_unit_test(test_triangle_positive),
        cmocka_unit_test(test_triangle_negative),
        cmocka_unit_test(test_rollup),
        cmocka_unit_test(test_eigen_tie),
        cmocka_unit_test(test_eigen_gap),
        cmocka_unit_test(test_hits_tie),
        cmocka_unit_test(test_hits_two_vertices),
        cmocka_unit_test(test_edgeless),
        cmocka_unit_test(test_mask),
        cmocka_unit_test(test_rank),
        cmocka_unit_test(test_metric_names),
        cmocka_unit_test(test_summary_triangle),
        cmocka_unit_test(test_summary_components),
        cmocka_unit_test(test_summary_edgeless),
        cmocka_unit_test(test_summary_deterministic),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
