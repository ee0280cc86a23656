/*
 * test_explain.c: the relations and totals behind an actor or a dyad
 * (explain.c), on tests/data/balance-basic/ (see test_balance.c for its
 * dyads).
 *
 * Worked by hand, whole century:
 *   A, actor level, ties all: relations A-B alliance 1950 (line 2), A-C war
 *     1950-06 (3), A-D treaty 1960 (5), A->E visit 1963 (8); degree 4,
 *     strength 3 + 3 + 2 + 1 = 9; arcs: three undirected types give one arc
 *     out and one in each, the visit one out: out 4, in 3.
 *   A, state level: L's visit to C (1966), threat to B (1967) and
 *     accusation of E (1968) join; W: A-B 3+2, A-C 3+1, A-D 2, A-E 1+1, so
 *     strength 13; out 4 + 3 = 7, in 3.
 *   A, state level, ties positive: W: A-B 3, A-C 1, A-D 2, A-E 1, strength
 *     7; arcs of positive relations: alliance and treaty both ways, the two
 *     visits out: out 4, in 2.
 *   B-C: one rivalry, pos 0, neg 2, net -2, W 2.
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

#include "actorgraph/explain.h"
#include "actorgraph/pages.h"
#include "actorgraph/load.h"
#include "actorgraph/metrics.h"
#include "testutil.h"

static ag_dataset_t ds;

static int setup(void **state)
{
    (void)state;
    return tu_load(&ds, "balance-basic");
}

static int teardown(void **state)
{
    (void)state;
    ag_dataset_destroy(&ds);
    return 0;
}

static long actor(const char *id)
{
    long a = ag_dataset_find_actor(&ds, id);
    assert_true(a >= 0);
    return a;
}

static void expect_lines(const ag_explain_t *x, const long *lines, size_t n)
{
    assert_int_equal(x->n_rels, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(ds.relations[x->rels[i]].line, lines[i]);
}

/* The totals must be those report computes (metrics.c). */
static void expect_same_as_metrics(const ag_era_graph_t *g, const ag_explain_t *x)
{
    ag_metrics_t m;
    ag_error_t err;
    unsigned mask = 1u << AG_M_DEGREE | 1u << AG_M_STRENGTH | 1u << AG_M_IN_DEGREE |
                    1u << AG_M_OUT_DEGREE;
    assert_int_equal(ag_metrics_compute(g, mask, &m, &err), AG_OK);
    assert_true(m.value[AG_M_DEGREE][x->va] == (double)x->degree);
    assert_true(fabs(m.value[AG_M_STRENGTH][x->va] - x->strength) < 1e-12);
    assert_true(m.value[AG_M_IN_DEGREE][x->va] == (double)x->in_arcs);
    assert_true(m.value[AG_M_OUT_DEGREE][x->va] == (double)x->out_arcs);
    ag_metrics_destroy(&m);
}

static void test_actor(void **state)
{
    static const long lines[] = { 2, 3, 5, 8 };
    ag_era_graph_t g;
    ag_explain_t x;
    ag_error_t err;
    (void)state;
    tu_slice(&g, &ds, NULL, AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(ag_explain_init(&x, &g, actor("A"), -1, &err), AG_OK);
    expect_lines(&x, lines, 4);
    assert_int_equal(x.degree, 4);
    assert_true(x.strength == 9);
    assert_int_equal(x.out_arcs, 4);
    assert_int_equal(x.in_arcs, 3);
    assert_int_equal(x.n_dyads, 4);
    expect_same_as_metrics(&g, &x);
    ag_explain_destroy(&x);
    ag_era_graph_destroy(&g);
}

static void test_actor_state_level(void **state)
{
    static const long lines[] = { 2, 3, 5, 8, 14, 15, 16 };
    ag_era_graph_t g;
    ag_explain_t x;
    ag_error_t err;
    (void)state;
    tu_slice(&g, &ds, NULL, AG_LEVEL_STATE, AG_TIES_ALL, NULL);
    /* Asking for the leader explains its state. */
    assert_int_equal(ag_explain_init(&x, &g, actor("L"), -1, &err), AG_OK);
    assert_int_equal(x.actor, actor("A"));
    assert_int_equal(x.asked, actor("L"));
    expect_lines(&x, lines, 7);
    assert_int_equal(x.degree, 4);
    assert_true(x.strength == 13);
    assert_int_equal(x.out_arcs, 7);
    assert_int_equal(x.in_arcs, 3);
    expect_same_as_metrics(&g, &x);
    ag_explain_destroy(&x);
    ag_era_graph_destroy(&g);

    tu_slice(&g, &ds, NULL, AG_LEVEL_STATE, AG_TIES_POSITIVE, NULL);
    assert_int_equal(ag_explain_init(&x, &g, actor("A"), -1, &err), AG_OK);
    expect_lines(&x, lines, 7); /* the relations do not depend on the ties */
    assert_int_equal(x.degree, 4);
    assert_true(x.strength == 7);
    assert_int_equal(x.out_arcs, 4);
    assert_int_equal(x.in_arcs, 2);
    expect_same_as_metrics(&g, &x);
    ag_explain_destroy(&x);
    ag_era_graph_destroy(&g);
}

static void test_dyad(void **state)
{
    static const long bc[] = { 4 };
    static const long de[] = { 11, 12, 13 };
    ag_era_graph_t g;
    ag_explain_t x;
    ag_error_t err;
    (void)state;
    tu_slice(&g, &ds, NULL, AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(ag_explain_init(&x, &g, actor("C"), actor("B"), &err), AG_OK);
    expect_lines(&x, bc, 1);
    assert_true(x.pos == 0 && x.neg == 2 && x.net == -2 && x.W == 2);
    ag_explain_destroy(&x);

    assert_int_equal(ag_explain_init(&x, &g, actor("D"), actor("E"), &err), AG_OK);
    expect_lines(&x, de, 3);
    assert_true(fabs(x.net) < 1e-15);
    assert_true(fabs(x.W - 0.6) < 1e-15);
    ag_explain_destroy(&x);

    /* No relation between A and L: an empty explanation, not an error. */
    assert_int_equal(ag_explain_init(&x, &g, actor("A"), actor("L"), &err), AG_OK);
    assert_int_equal(x.dyad, -1);
    assert_int_equal(x.n_rels, 0);
    ag_explain_destroy(&x);

    assert_int_equal(ag_explain_init(&x, &g, actor("A"), actor("A"), &err), AG_EUSAGE);
    assert_string_equal(err.msg, "a dyad needs two actors, got 'A' twice");
    ag_explain_destroy(&x);
    ag_era_graph_destroy(&g);

    tu_slice(&g, &ds, NULL, AG_LEVEL_STATE, AG_TIES_ALL, NULL);
    assert_int_equal(ag_explain_init(&x, &g, actor("L"), actor("A"), &err), AG_EUSAGE);
    assert_string_equal(err.msg, "'L' and 'A' are both 'A' at state level");
    ag_explain_destroy(&x);
    ag_era_graph_destroy(&g);
}

static void test_relations_table(void **state)
{
    static const char *const lead_head[] = { "side" };
    static const char *const lead[] = { "D\xe2\x80\x93" "E" };
    ag_table_t t;
    ag_error_t err;
    char buf[64];
    (void)state;
    assert_int_equal(ag_relations_table_init(&t, lead_head, 1, &err), AG_OK);
    assert_int_equal(t.ncols, 11);
    assert_string_equal(t.head[0], "side");
    assert_string_equal(t.head[1], "date");
    assert_string_equal(t.head[10], "line");
    /* line 13: E,D,accusation,1992,,0.3 */
    assert_int_equal(ag_relations_table_add(&t, &ds, 11, lead, AG_NUM_DATA, &err), AG_OK);
    assert_string_equal(ag_table_cell(&t, 0, 0), "D\xe2\x80\x93" "E");
    assert_string_equal(ag_table_cell(&t, 0, 1), "1992");
    assert_string_equal(ag_table_cell(&t, 0, 2), "E");
    assert_string_equal(ag_table_cell(&t, 0, 3), "D");
    assert_string_equal(ag_table_cell(&t, 0, 4), "accusation");
    assert_string_equal(ag_table_cell(&t, 0, 5), "-");
    assert_string_equal(ag_table_cell(&t, 0, 6), "0.3");
    assert_string_equal(ag_table_cell(&t, 0, 7), "-0.3");
    assert_string_equal(ag_table_cell(&t, 0, 8), "fx 12");
    assert_string_equal(ag_table_cell(&t, 0, 10), "13");
    ag_table_destroy(&t);
    assert_string_equal(ag_pair_label("PAK", "RUS", buf, sizeof buf), "PAK\xe2\x80\x93RUS");
}

int main(void)
{
    ag_init(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_actor),
        cmocka_unit_test(test_actor_state_level),
        cmocka_unit_test(test_dyad),
        cmocka_unit_test(test_relations_table),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
