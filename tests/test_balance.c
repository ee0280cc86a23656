/*
 * test_balance.c: structural balance (balance.c).
 *
 * The fixture tests/data/balance-basic/ was drawn by hand. Dyads and their
 * nets over the whole century (era "all"), actor level:
 *   A-B +3   A-C -3   A-D +2   A-E +1   B-C -2   B-D +1   B-E -3
 *   C-D -2   C-E -2   D-E 0.1+0.2-0.3 (zero up to rounding: left out)
 *   L-B -2   L-C +1   L-E -1
 * Triangles (a < b < c in id order) and their patterns:
 *   ABC +-- ABD +++ ABE ++- ACD +-- ACE +-- BCD +-- BCE --- BCL +--
 *   BEL --- CEL +--
 * so 10 triangles: +++ 1, +-- 6, ++- 1, --- 2; balanced 7, ratio 0.7.
 * At state level L becomes A: A-B = 3-2 = +1, A-C = -3+1 = -2,
 * A-E = 1-1 = 0 (left out); triangles ABC +--, ABD +++, ACD +--, BCD +--,
 * BCE ---: 5, balanced 4, ratio 0.8.
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
#include "actorgraph/load.h"
#include "testutil.h"

/* "ABC" for a triangle, from the one-letter ids of the fixture. */
static void tri_name(const ag_era_graph_t *g, const ag_triangle_t *t, char out[4])
{
    for (int i = 0; i < 3; i++)
        out[i] = g->ds->actors[g->actor[t->v[i]]].id[0];
    out[3] = '\0';
}

static void expect_triangles(const ag_era_graph_t *g, const ag_balance_t *b,
                             const char *const *names, const ag_triad_t *kinds, size_t n)
{
    assert_int_equal(b->triangles, n);
    for (size_t i = 0; i < n; i++) {
        char s[4];
        tri_name(g, &b->tri[i], s);
        assert_string_equal(s, names[i]);
        assert_int_equal(b->tri[i].kind, kinds[i]);
        /* The sides are the dyads v0-v1, v0-v2, v1-v2 with their signs. */
        for (int k = 0; k < 3; k++) {
            const ag_dyad_t *y = &g->dyads[b->tri[i].dyad[k]];
            long x = b->tri[i].v[k < 2 ? 0 : 1], z = b->tri[i].v[k == 0 ? 1 : 2];
            assert_int_equal(y->u, x);
            assert_int_equal(y->v, z);
            assert_int_equal(b->tri[i].sign[k], ag_dyad_sign(y));
        }
    }
}

static void test_actor_level(void **state)
{
    static const char *const names[] = { "ABC", "ABD", "ABE", "ACD", "ACE",
                                         "BCD", "BCE", "BCL", "BEL", "CEL" };
    static const ag_triad_t kinds[] = { AG_TRIAD_PMM, AG_TRIAD_PPP, AG_TRIAD_PPM, AG_TRIAD_PMM,
                                        AG_TRIAD_PMM, AG_TRIAD_PMM, AG_TRIAD_MMM, AG_TRIAD_PMM,
                                        AG_TRIAD_MMM, AG_TRIAD_PMM };
    ag_dataset_t ds;
    ag_era_graph_t g;
    ag_balance_t b;
    ag_error_t err;
    (void)state;
    assert_int_equal(tu_load(&ds, "balance-basic"), 0);
    tu_slice(&g, &ds, "all", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(ag_balance_compute(&g, &b, &err), AG_OK);
    expect_triangles(&g, &b, names, kinds, 10);
    assert_int_equal(b.signed_dyads, 12); /* 13 dyads, D-E is 0 */
    assert_int_equal(b.count[AG_TRIAD_PPP], 1);
    assert_int_equal(b.count[AG_TRIAD_PMM], 6);
    assert_int_equal(b.count[AG_TRIAD_PPM], 1);
    assert_int_equal(b.count[AG_TRIAD_MMM], 2);
    assert_int_equal(b.balanced, 7);
    assert_int_equal(b.unbalanced, 3);
    assert_true(fabs(b.ratio - 0.7) < 1e-15);
    ag_balance_destroy(&b);
    ag_era_graph_destroy(&g);
    ag_dataset_destroy(&ds);
}

static void test_state_level(void **state)
{
    static const char *const names[] = { "ABC", "ABD", "ACD", "BCD", "BCE" };
    static const ag_triad_t kinds[] = { AG_TRIAD_PMM, AG_TRIAD_PPP, AG_TRIAD_PMM, AG_TRIAD_PMM,
                                        AG_TRIAD_MMM };
    ag_dataset_t ds;
    ag_era_graph_t g;
    ag_balance_t b;
    ag_error_t err;
    (void)state;
    assert_int_equal(tu_load(&ds, "balance-basic"), 0);
    tu_slice(&g, &ds, "all", AG_LEVEL_STATE, AG_TIES_ALL, NULL);
    assert_int_equal(ag_balance_compute(&g, &b, &err), AG_OK);
    expect_triangles(&g, &b, names, kinds, 5);
    assert_int_equal(b.signed_dyads, 8); /* A-E and D-E are 0 */
    assert_int_equal(b.balanced, 4);
    assert_int_equal(b.unbalanced, 1);
    assert_true(fabs(b.ratio - 0.8) < 1e-15);
    ag_balance_destroy(&b);
    ag_era_graph_destroy(&g);
    ag_dataset_destroy(&ds);
}

static void test_eras_and_types(void **state)
{
    ag_dataset_t ds;
    ag_era_graph_t g;
    ag_balance_t b;
    ag_error_t err;
    bool *mask;
    (void)state;
    assert_int_equal(tu_load(&ds, "balance-basic"), 0);

    tu_slice(&g, &ds, "early", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(ag_balance_compute(&g, &b, &err), AG_OK);
    assert_int_equal(b.triangles, 1);
    assert_int_equal(b.count[AG_TRIAD_PMM], 1);
    assert_true(b.ratio == 1.0);
    ag_balance_destroy(&b);
    ag_era_graph_destroy(&g);

    /* One dyad whose net is zero up to rounding: no signed dyad, no ratio. */
    tu_slice(&g, &ds, "solo", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(g.n_dyads, 1);
    assert_true(g.dyads[0].net != 0.0); /* 5.55e-17, not exactly 0 */
    assert_int_equal(ag_dyad_sign(&g.dyads[0]), 0);
    assert_int_equal(ag_balance_compute(&g, &b, &err), AG_OK);
    assert_int_equal(b.signed_dyads, 0);
    assert_int_equal(b.triangles, 0);
    assert_true(isnan(b.ratio));
    assert_null(b.tri);
    ag_balance_destroy(&b);
    ag_era_graph_destroy(&g);

    /* Only the alliance, wars and rivalries: dyads A-B +, A-C -, B-C -,
     * B-E -, C-E - (A-E's only relation is a visit), so ABC +-- and
     * BCE --- remain. */
    assert_int_equal(ag_types_mask(&ds, "alliance,war,rivalry", &mask, &err), AG_OK);
    tu_slice(&g, &ds, "all", AG_LEVEL_ACTOR, AG_TIES_ALL, mask);
    assert_int_equal(ag_balance_compute(&g, &b, &err), AG_OK);
    assert_int_equal(b.triangles, 2);
    assert_int_equal(b.count[AG_TRIAD_PMM], 1);
    assert_int_equal(b.count[AG_TRIAD_MMM], 1);
    assert_true(b.ratio == 0.5);
    ag_balance_destroy(&b);
    ag_era_graph_destroy(&g);
    free(mask);

    ag_dataset_destroy(&ds);
}

static void test_names(void **state)
{
    ag_dyad_t d;
    (void)state;
    assert_string_equal(ag_triad_name(AG_TRIAD_PPP), "+++");
    assert_string_equal(ag_triad_name(AG_TRIAD_PMM), "+--");
    assert_string_equal(ag_triad_name(AG_TRIAD_PPM), "++-");
    assert_string_equal(ag_triad_name(AG_TRIAD_MMM), "---");
    assert_true(ag_triad_balanced(AG_TRIAD_PPP));
    assert_true(ag_triad_balanced(AG_TRIAD_PMM));
    assert_false(ag_triad_balanced(AG_TRIAD_PPM));
    assert_false(ag_triad_balanced(AG_TRIAD_MMM));
    memset(&d, 0, sizeof d);
    d.net = 2;
    assert_int_equal(ag_dyad_sign(&d), 1);
    d.net = -0.5;
    assert_int_equal(ag_dyad_sign(&d), -1);
    d.net = 9e-11;
    assert_int_equal(ag_dyad_sign(&d), 0);
    d.net = -0.0;
    assert_int_equal(ag_dyad_sign(&d), 0);
}

/* An empty slice: no vertices, nothing to count; destroy twice is safe. */
static void test_empty(void **state)
{
    ag_dataset_t ds;
    ag_era_graph_t g;
    ag_balance_t b;
    ag_error_t err;
    (void)state;
    assert_int_equal(tu_load(&ds, "balance-basic"), 0);
    tu_slice(&g, &ds, "empty", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(g.n, 0);
    assert_int_equal(ag_balance_compute(&g, &b, &err), AG_OK);
    assert_int_equal(b.triangles, 0);
    assert_true(isnan(b.ratio));
    ag_balance_destroy(&b);
    ag_balance_destroy(&b);
    ag_era_graph_destroy(&g);
    ag_dataset_destroy(&ds);
}

int main(void)
{
    ag_init(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_actor_level),
        cmocka_unit_test(test_state_level),
        cmocka_unit_test(test_eras_and_types),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
