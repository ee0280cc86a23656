/*
 * test_era.c: slicing a dataset into era graphs (docs/METHODS.md, "Slicing
 * and graphs"), on tests/data/slicing.
 *
 * Relations there, by index (file order):
 *   0  A-B  alliance   1955/1965       spans e1 (1950/1960-06) and e2
 *   1  A->C visit      1960-06         on the boundary month: e1 and e2
 *   2  A->C visit      1960-07-01      e2 only
 *   3  A->C visit      1960-05-31      e1 only
 *   4  LA->B threat    1975            LA is A's leader
 *   5  GA->A support   1975            GA -> LA -> A: a self-loop at state level
 *   6  B-C  war        1975            -3
 *   7  B-C  cooperation 1975           +1
 *   8  A-C  alliance   1975            +3
 *   9  D->B threat     1975            D has only this negative relation
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

static ag_dataset_t ds;

static int setup(void **state)
{
    (void)state;
    return tu_load(&ds, "slicing");
}

static int teardown(void **state)
{
    (void)state;
    ag_dataset_destroy(&ds);
    return 0;
}

static long vertex(const ag_era_graph_t *g, const char *id)
{
    long a = ag_dataset_find_actor(&ds, id);
    assert_true(a >= 0);
    return g->vertex_of[a];
}

static const ag_dyad_t *dyad(const ag_era_graph_t *g, const char *a, const char *b)
{
    long u = vertex(g, a), v = vertex(g, b), d;
    if (u < 0 || v < 0)
        return NULL;
    d = ag_era_graph_find_dyad(g, u, v);
    return d < 0 ? NULL : &g->dyads[d];
}

static bool has_rel(const ag_era_graph_t *g, long rel)
{
    for (size_t k = 0; k < g->n_rels; k++)
        if (g->rels[k] == rel)
            return true;
    return false;
}

/* A relation dated 1955/1965 is in both eras it overlaps. */
static void test_relation_spanning_two_eras(void **state)
{
    ag_era_graph_t g;
    (void)state;
    tu_slice(&g, &ds, "e1", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_true(has_rel(&g, 0));
    assert_non_null(dyad(&g, "A", "B"));
    ag_era_graph_destroy(&g);
    tu_slice(&g, &ds, "e2", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_true(has_rel(&g, 0));
    assert_non_null(dyad(&g, "B", "A"));
    ag_era_graph_destroy(&g);
    tu_slice(&g, &ds, "e3", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_false(has_rel(&g, 0));
    ag_era_graph_destroy(&g);
}

/* 1960-06 covers June 1960, whose last day ends e1 and whose first day
 * starts e2: it is in both. The days either side are in one each. The
 * dyad lists its relations in date order. */
static void test_month_on_era_boundary(void **state)
{
    ag_era_graph_t g;
    const ag_dyad_t *y;
    (void)state;
    tu_slice(&g, &ds, "e1", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_true(has_rel(&g, 1));
    assert_false(has_rel(&g, 2));
    assert_true(has_rel(&g, 3));
    y = dyad(&g, "A", "C");
    assert_non_null(y);
    assert_int_equal(y->n_rels, 2);
    assert_int_equal(y->rels[0], 3); /* 1960-05-31 */
    assert_int_equal(y->rels[1], 1); /* 1960-06 */
    assert_true(y->pos == 2 && y->neg == 0 && y->W == 2);
    ag_era_graph_destroy(&g);

    tu_slice(&g, &ds, "e2", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_true(has_rel(&g, 1));
    assert_true(has_rel(&g, 2));
    assert_false(has_rel(&g, 3));
    ag_era_graph_destroy(&g);
}

/* Vertices are the endpoints, in id byte order. */
static void test_vertices_in_id_order(void **state)
{
    ag_era_graph_t g;
    static const char *const want[] = { "A", "B", "C", "D", "GA", "LA" };
    (void)state;
    tu_slice(&g, &ds, "e3", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(g.n, 6);
    for (size_t v = 0; v < g.n; v++)
        assert_string_equal(ds.actors[g.actor[v]].id, want[v]);
    assert_int_equal(g.n_rels, 6);
    ag_era_graph_destroy(&g);
}

/* At state level the leader LA and the agency GA (a chain GA -> LA -> A)
 * become A; GA's support of A becomes a self-loop and is dropped; LA's
 * threat to B joins the A-B dyad. */
static void test_rollup_to_state(void **state)
{
    ag_era_graph_t g;
    const ag_dyad_t *y;
    (void)state;
    assert_int_equal(ag_rollup(&ds, AG_LEVEL_STATE, ag_dataset_find_actor(&ds, "GA")),
                     ag_dataset_find_actor(&ds, "A"));
    assert_int_equal(ag_rollup(&ds, AG_LEVEL_ACTOR, ag_dataset_find_actor(&ds, "GA")),
                     ag_dataset_find_actor(&ds, "GA"));
    tu_slice(&g, &ds, "e3", AG_LEVEL_STATE, AG_TIES_ALL, NULL);
    assert_int_equal(g.n, 4);
    assert_true(vertex(&g, "LA") < 0);
    assert_true(vertex(&g, "GA") < 0);
    assert_int_equal(g.n_rels, 5);
    assert_false(has_rel(&g, 5));
    y = dyad(&g, "A", "B");
    assert_non_null(y);
    assert_int_equal(y->n_rels, 1);
    assert_int_equal(y->rels[0], 4);
    assert_true(y->neg == 2 && y->net == -2);
    /* No dyad, edge or arc joins a vertex to itself. */
    for (size_t d = 0; d < g.n_dyads; d++)
        assert_true(g.dyads[d].u < g.dyads[d].v);
    for (igraph_integer_t e = 0; e < igraph_ecount(&g.rel_graph); e++)
        assert_true(IGRAPH_FROM(&g.rel_graph, e) != IGRAPH_TO(&g.rel_graph, e));
    ag_era_graph_destroy(&g);
}

/* The three ties layers: the same vertices; the dyad B-C (war -3,
 * cooperation +1) weighs 4, 1 or 3; D, with only a threat, has no edge
 * under positive ties but stays a vertex. Undirected types give two arcs. */
static void test_ties_layers(void **state)
{
    static const ag_ties_t layers[] = { AG_TIES_ALL, AG_TIES_POSITIVE, AG_TIES_NEGATIVE };
    static const double bc[] = { 4, 1, 3 };
    static const igraph_integer_t edges[] = { 5, 3, 3 }, arcs[] = { 9, 5, 4 };
    (void)state;
    for (int i = 0; i < 3; i++) {
        ag_era_graph_t g;
        const ag_dyad_t *y;
        tu_slice(&g, &ds, "e3", AG_LEVEL_ACTOR, layers[i], NULL);
        assert_int_equal(g.n, 6);
        assert_int_equal(g.n_rels, 6);
        assert_int_equal(g.n_dyads, 5);
        y = dyad(&g, "B", "C");
        assert_true(y->pos == 1 && y->neg == 3 && y->net == -2);
        assert_true(y->W == bc[i]);
        assert_true(y->edge >= 0);
        assert_true(VECTOR(g.dyad_weight)[y->edge] == bc[i]);
        y = dyad(&g, "D", "B");
        assert_true(layers[i] == AG_TIES_POSITIVE ? y->edge < 0 : y->edge >= 0);
        assert_int_equal(igraph_ecount(&g.dyad_graph), edges[i]);
        assert_int_equal(igraph_ecount(&g.rel_graph), arcs[i]);
        assert_int_equal(igraph_vcount(&g.dyad_graph), 6);
        assert_int_equal(igraph_vcount(&g.rel_graph), 6);
        ag_era_graph_destroy(&g);
    }
}

/* --types threat keeps LA -> B and D -> B only. */
static void test_types_filter(void **state)
{
    ag_era_graph_t g;
    bool *mask = NULL;
    ag_error_t err;
    (void)state;
    assert_int_equal(ag_types_mask(&ds, " threat ", &mask, &err), AG_OK);
    tu_slice(&g, &ds, "e3", AG_LEVEL_ACTOR, AG_TIES_ALL, mask);
    assert_int_equal(g.n, 3);
    assert_int_equal(g.n_rels, 2);
    assert_true(vertex(&g, "B") == 0 && vertex(&g, "D") == 1 && vertex(&g, "LA") == 2);
    assert_true(vertex(&g, "C") < 0);
    ag_era_graph_destroy(&g);
    free(mask);

    assert_int_equal(ag_types_mask(&ds, "alliance,thret", &mask, &err), AG_EUSAGE);
    assert_null(mask);
    assert_string_equal(err.msg, "unknown relation type 'thret' (did you mean 'threat'?)");
}

/* An era without relations: an empty graph that metrics and summaries
 * accept. */
static void test_empty_era(void **state)
{
    ag_era_graph_t g;
    ag_metrics_t m;
    ag_summary_t s;
    ag_error_t err;
    (void)state;
    tu_slice(&g, &ds, "empty", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(g.n, 0);
    assert_int_equal(g.n_rels, 0);
    assert_int_equal(g.n_dyads, 0);
    assert_int_equal(igraph_vcount(&g.dyad_graph), 0);
    assert_int_equal(ag_metrics_compute(&g, AG_METRICS_ALL, &m, &err), AG_OK);
    assert_int_equal(ag_summary_compute(&g, &s, &err), AG_OK);
    assert_int_equal(s.vertices, 0);
    assert_int_equal(s.components, 0);
    ag_summary_destroy(&s);
    ag_metrics_destroy(&m);
    ag_era_graph_destroy(&g);
}

/* The default options slice the whole dataset; destroy accepts a zeroed
 * graph. */
static void test_whole_dataset(void **state)
{
    ag_era_graph_t g;
    ag_slice_opts_t o;
    ag_error_t err;
    (void)state;
    ag_slice_opts_default(&o);
    assert_int_equal(ag_era_graph_init(&g, &ds, &o, &err), AG_OK);
    assert_int_equal(g.n_rels, 10);
    assert_int_equal(g.n, 6);
    ag_era_graph_destroy(&g);
    ag_era_graph_destroy(&g);
}

static ag_place_t place(const char *date, int y0, int m0, int d0, int y1, int m1, int d1)
{
    ag_date_t d;
    assert_int_equal(ag_date_parse(date, &d, NULL, 0), 0);
    return ag_date_place(&d, y0 ? ag_days_from_civil(y0, m0, d0) : AG_DAY_MIN,
                         y1 ? ag_days_from_civil(y1, m1, d1) : AG_DAY_MAX);
}

/* Dates against windows, counted by hand: 196X has 3653 days (1960, 1964
 * and 1968 are leap years), of which 1965-01-01..1969-12-31 holds 1826
 * (under half: partly) and 1964-12-31..1969-12-31 1827 (half or more:
 * mostly). 199X has 3652 days, of which the Cold War (to 1991-12-25) holds
 * 724: partly. 1991 has 365 days, 359 of them up to 1991-12-25: mostly. */
static void test_date_place(void **state)
{
    (void)state;
    assert_int_equal(place("196X", 1947, 8, 14, 1991, 12, 25), AG_PLACE_INSIDE);
    assert_int_equal(place("196X", 1965, 1, 1, 1969, 12, 31), AG_PLACE_PARTLY);
    assert_int_equal(place("196X", 1964, 12, 31, 1969, 12, 31), AG_PLACE_MOSTLY);
    assert_int_equal(place("196X", 1970, 1, 1, 0, 0, 0), AG_PLACE_OUT);
    assert_int_equal(place("196X", 0, 0, 0, 0, 0, 0), AG_PLACE_INSIDE);
    assert_int_equal(place("199X", 1947, 8, 14, 1991, 12, 25), AG_PLACE_PARTLY);
    assert_int_equal(place("199X", 1991, 12, 26, 2001, 9, 10), AG_PLACE_MOSTLY);
    assert_int_equal(place("1991~", 1947, 8, 14, 1991, 12, 25), AG_PLACE_MOSTLY);
    assert_int_equal(place("1991-12-26", 1947, 8, 14, 1991, 12, 25), AG_PLACE_OUT);
    assert_int_equal(place("1991-12-25", 1947, 8, 14, 1991, 12, 25), AG_PLACE_INSIDE);
    /* An interval is present on every day it covers: one shared day is
     * enough, whatever the rule. */
    assert_int_equal(place("1954/1972", 1972, 12, 31, 0, 0, 0), AG_PLACE_INTERVAL);
    assert_int_equal(place("1991-12-26/..", 1947, 8, 14, 1991, 12, 25), AG_PLACE_OUT);

    assert_true(ag_place_admits(AG_PLACE_PARTLY, AG_DATES_POSSIBLE));
    assert_false(ag_place_admits(AG_PLACE_PARTLY, AG_DATES_PROBABLE));
    assert_false(ag_place_admits(AG_PLACE_PARTLY, AG_DATES_CERTAIN));
    assert_true(ag_place_admits(AG_PLACE_MOSTLY, AG_DATES_POSSIBLE));
    assert_true(ag_place_admits(AG_PLACE_MOSTLY, AG_DATES_PROBABLE));
    assert_false(ag_place_admits(AG_PLACE_MOSTLY, AG_DATES_CERTAIN));
    for (int r = AG_DATES_PROBABLE; r <= AG_DATES_CERTAIN; r++) {
        assert_true(ag_place_admits(AG_PLACE_INSIDE, (ag_dates_t)r));
        assert_true(ag_place_admits(AG_PLACE_INTERVAL, (ag_dates_t)r));
        assert_false(ag_place_admits(AG_PLACE_OUT, (ag_dates_t)r));
        assert_int_equal(ag_dates_parse(ag_dates_name((ag_dates_t)r)), r);
    }
    assert_int_equal(ag_dates_parse("likely"), -1);
}

int main(void)
{
    ag_init(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_relation_spanning_two_eras),
        cmocka_unit_test(test_month_on_era_boundary),
        cmocka_unit_test(test_vertices_in_id_order),
        cmocka_unit_test(test_rollup_to_state),
        cmocka_unit_test(test_ties_layers),
        cmocka_unit_test(test_types_filter),
        cmocka_unit_test(test_empty_era),
        cmocka_unit_test(test_whole_dataset),
        cmocka_unit_test(test_date_place),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
