/*
 * test_summary.c: the summary figures' blocs (summary.c, docs/METHODS.md,
 * "Blocs").
 *
 * tests/data/signed-cuba/ was drawn by hand after the missile crisis:
 * Kennedy and Khrushchev agree and write (+2) but threaten and accuse
 * (-3), net -1; the OAS takes Cuba in (+1) and expels it (-2), net -1.
 * Counted on any positive tie, both pairs would share a community; on
 * net-positive dyads they can't. Era "triangle": A-B +6, A-C +6, B-C -1.
 * Leiden on the net-positive dyads puts all three together (a star); the
 * split keeps A with B (the first of the two equally strong) and puts C
 * apart.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/balance.h"
#include "actorgraph/report.h"
#include "actorgraph/summary.h"
#include "testutil.h"

/* Asserts that no community of g's summary holds a negative dyad; returns
 * the summary's number of communities. */
static long assert_no_enemies(const ag_era_graph_t *g, const char *what)
{
    ag_summary_t s;
    ag_error_t err;
    long nc;
    assert_int_equal(ag_summary_compute(g, &s, &err), AG_OK);
    for (size_t d = 0; d < g->n_dyads; d++) {
        const ag_dyad_t *y = &g->dyads[d];
        if (ag_dyad_sign(y) < 0 && s.membership[y->u] == s.membership[y->v]) {
            fprintf(stderr, "%s: %s and %s (net %g) share community %ld\n", what,
                    g->ds->actors[g->actor[y->u]].id, g->ds->actors[g->actor[y->v]].id,
                    y->net, s.membership[y->u] + 1);
            fail();
        }
    }
    nc = s.communities;
    ag_summary_destroy(&s);
    return nc;
}

static long community_of(const ag_era_graph_t *g, const ag_summary_t *s, const char *id)
{
    long a = ag_dataset_find_actor(g->ds, id);
    assert_true(a >= 0 && g->vertex_of[a] >= 0);
    return s->membership[g->vertex_of[a]];
}

static void test_cuba(void **state)
{
    ag_dataset_t ds;
    ag_era_graph_t g;
    ag_summary_t s;
    ag_error_t err;
    (void)state;
    assert_int_equal(tu_load(&ds, "signed-cuba"), 0);
    tu_slice(&g, &ds, "crisis", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_no_enemies(&g, "crisis");
    assert_int_equal(ag_summary_compute(&g, &s, &err), AG_OK);
    assert_int_equal(s.communities, 2);
    assert_int_equal(community_of(&g, &s, "JFK"), community_of(&g, &s, "USA"));
    assert_int_equal(community_of(&g, &s, "OAS"), community_of(&g, &s, "USA"));
    assert_int_equal(community_of(&g, &s, "NSK"), community_of(&g, &s, "SUN"));
    assert_int_equal(community_of(&g, &s, "CUB"), community_of(&g, &s, "SUN"));
    assert_int_not_equal(community_of(&g, &s, "JFK"), community_of(&g, &s, "NSK"));
    ag_summary_destroy(&s);
    ag_era_graph_destroy(&g);

    tu_slice(&g, &ds, "triangle", AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    assert_int_equal(ag_summary_compute(&g, &s, &err), AG_OK);
    assert_int_equal(s.communities, 2);
    assert_int_equal(community_of(&g, &s, "A"), community_of(&g, &s, "B"));
    assert_int_not_equal(community_of(&g, &s, "A"), community_of(&g, &s, "C"));
    ag_summary_destroy(&s);
    ag_era_graph_destroy(&g);
    ag_dataset_destroy(&ds);
}

/* The shipped dataset: no community of any era, at either level, holds two
 * actors whose net tie is negative. */
static void test_shipped(void **state)
{
    ag_dataset_t ds;
    ag_diags_t diags;
    ag_error_t err;
    char path[4096];
    const char *src = getenv("AG_SOURCE_DIR");
    (void)state;
    snprintf(path, sizeof path, "%s/graphs/new-great-game", src && *src ? src : ".");
    ag_dataset_init(&ds);
    ag_diags_init(&diags);
    assert_int_equal(ag_dataset_load(&ds, path, &diags, &err), AG_OK);
    assert_true(ds.n_eras > 0);
    for (size_t e = 0; e < ds.n_eras; e++) {
        for (int level = 0; level < 2; level++) {
            ag_era_graph_t g;
            tu_slice(&g, &ds, ds.eras[e].id, level ? AG_LEVEL_STATE : AG_LEVEL_ACTOR,
                     AG_TIES_ALL, NULL);
            assert_true(assert_no_enemies(&g, ds.eras[e].id) > 0);
            ag_era_graph_destroy(&g);
        }
    }
    ag_diags_destroy(&diags);
    ag_dataset_destroy(&ds);
}

/* Writes r as the tidy CSV into a string (caller frees). */
static char *tidy_csv(const ag_report_t *r)
{
    char *text = NULL;
    size_t len = 0;
    ag_error_t err;
    FILE *fp = open_memstream(&text, &len);
    assert_non_null(fp);
    assert_int_equal(ag_report_write(r, AG_FMT_CSV, fp, &err), AG_OK);
    assert_int_equal(fclose(fp), 0);
    return text;
}

/* A report without summaries (what `report --format csv` asks for) has
 * the same metrics, ranks and tidy CSV as one with them, and its eras'
 * summaries are zeroed. */
static void test_report_without_summary(void **state)
{
    ag_dataset_t ds;
    ag_report_t with, without;
    ag_report_opts_t opts;
    ag_error_t err;
    char *a, *b;
    (void)state;
    assert_int_equal(tu_load(&ds, "signed-cuba"), 0);
    memset(&opts, 0, sizeof opts);
    opts.metrics = AG_METRICS_ALL;
    opts.top = -1;
    assert_int_equal(ag_report_init(&with, &ds, &opts, &err), AG_OK);
    assert_int_equal(ag_report_init(&without, &ds, &opts, &err), AG_OK);
    ag_report_set_summary(&without, false);
    for (size_t e = 0; e < ds.n_eras; e++) {
        assert_int_equal(ag_report_add_era(&with, (long)e, &err), AG_OK);
        assert_int_equal(ag_report_add_era(&without, (long)e, &err), AG_OK);
    }
    assert_true(with.n_eras > 0);
    assert_int_equal(with.n_eras, without.n_eras);
    for (size_t e = 0; e < with.n_eras; e++) {
        assert_true(with.eras[e].summary.communities > 0);
        assert_int_equal(without.eras[e].summary.communities, 0);
        assert_null(without.eras[e].summary.membership);
    }
    a = tidy_csv(&with);
    b = tidy_csv(&without);
    assert_true(strlen(a) > 100);
    assert_string_equal(a, b);
    free(a);
    free(b);
    ag_report_destroy(&with);
    ag_report_destroy(&without);
    ag_dataset_destroy(&ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cuba),
        cmocka_unit_test(test_shipped),
        cmocka_unit_test(test_report_without_summary),
    };
    ag_init(NULL);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
