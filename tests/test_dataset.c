/*
 * test_dataset.c: the shipped dataset, graphs/new-great-game, loads cleanly
 * (as `check --strict` wants) and holds facts a reader can check in the
 * chapter it is curated from (../shared/sources/, cited by footnote).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/actorgraph.h"
#include "actorgraph/era.h"
#include "actorgraph/load.h"
#include "actorgraph/summary.h"

#define DATASET "graphs/new-great-game"

static ag_dataset_t ds;

static int setup(void **state)
{
    ag_diags_t diags;
    ag_error_t err;
    int rc;
    (void)state;
    ag_dataset_init(&ds);
    ag_diags_init(&diags);
    rc = ag_dataset_load(&ds, DATASET, &diags, &err) == AG_OK ? 0 : -1;
    /* check --strict: no error and no warning either. */
    for (size_t i = 0; i < diags.n; i++)
        fprintf(stderr, "%s:%ld: %s\n", diags.items[i].file, diags.items[i].line,
                diags.items[i].msg);
    if (diags.errors || diags.warnings)
        rc = -1;
    ag_diags_destroy(&diags);
    return rc;
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
    if (a < 0)
        fail_msg("no actor '%s'", id);
    return a;
}

/* The relation source -> target of the type and date given, or NULL. */
static const ag_relation_t *relation(const char *source, const char *target,
                                     const char *type, const char *date)
{
    long s = actor(source), t = actor(target), ty = ag_dataset_find_type(&ds, type);
    assert_true(ty >= 0);
    for (size_t i = 0; i < ds.n_relations; i++) {
        const ag_relation_t *r = &ds.relations[i];
        if (r->source == s && r->target == t && r->type == ty &&
            strcmp(r->date_text, date) == 0)
            return r;
    }
    fail_msg("no relation %s -> %s %s %s", source, target, type, date);
    return NULL;
}

static void assert_cites(const ag_relation_t *r, const char *fn)
{
    if (!strstr(r->cite, fn))
        fail_msg("line %ld cites '%s', expected '%s'", r->line, r->cite, fn);
}

static void test_actors_and_lineage(void **state)
{
    const ag_actor_t *sun = &ds.actors[actor("SUN")], *rus = &ds.actors[actor("RUS")];
    (void)state;
    assert_int_equal(rus->continues, actor("SUN"));
    assert_int_equal(ag_dataset_lineage_root(&ds, actor("RUS")), actor("SUN"));
    /* The USSR ends on 26 December 1991, the day the Russian Federation
     * takes over. */
    assert_true(sun->has_active && rus->has_active);
    assert_int_equal(sun->active.last, ag_days_from_civil(1991, 12, 26));
    assert_int_equal(rus->active.first, ag_days_from_civil(1991, 12, 26));
    /* Leaders act for their state: Shoigu and Putin roll up to Russia,
     * Ayub Khan to Pakistan. */
    assert_int_equal(ag_dataset_top_parent(&ds, actor("shoigu")), actor("RUS"));
    assert_int_equal(ag_dataset_top_parent(&ds, actor("putin")), actor("RUS"));
    assert_int_equal(ag_dataset_top_parent(&ds, actor("ayub_khan")), actor("PAK"));
    assert_int_equal(ds.actors[actor("SEATO")].kind, AG_KIND_ORGANISATION);
}

/* Footnote 14: Ayub Khan in Moscow in April 1965; after the 1965 war, Soviet
 * mediation at Tashkent a year later. */
static void test_1965_1966(void **state)
{
    const ag_relation_t *r;
    (void)state;
    r = relation("ayub_khan", "SUN", "visit", "1965-04");
    assert_cites(r, "fn 14");
    assert_int_equal(r->date.first, ag_days_from_civil(1965, 4, 1));
    assert_int_equal(r->date.last, ag_days_from_civil(1965, 4, 30));
    assert_int_equal(relation("IND", "PAK", "war", "1965")->sign, -1);
    assert_cites(relation("SUN", "IND", "mediation", "1966"), "fn 14");
    assert_cites(relation("SUN", "PAK", "mediation", "1966"), "fn 14");
    assert_cites(relation("IND", "PAK", "agreement", "1966"), "fn 14");
}

/* Footnote 15: the 1971 Indo-Soviet treaty and full Soviet support of India
 * in the war that made Bangladesh. */
static void test_1971(void **state)
{
    const ag_relation_t *r;
    (void)state;
    assert_cites(relation("IND", "SUN", "treaty", "1971"), "fn 15");
    r = relation("SUN", "IND", "support", "1971");
    assert_true(r->weight_set);
    assert_true(r->weight == 2.0);
    assert_cites(relation("IND", "PAK", "war", "1971"), "fn 15");
    relation("BGD", "PAK", "secession", "1971");
}

/* The Soviet intervention in Afghanistan (fn 16) and two Kashmir vetoes. */
static void test_afghan_war_and_vetoes(void **state)
{
    const ag_relation_t *r;
    (void)state;
    r = relation("SUN", "AFG", "intervention", "1979-12/1988");
    assert_cites(r, "fn 16");
    assert_int_equal(r->sign * r->weight, -3);
    assert_int_equal(relation("SUN", "PAK", "veto", "1957~")->sign, -1);
    assert_true(relation("SUN", "PAK", "veto", "1962~")->date.start.qual != 0);
}

/* Putin's visit planned for October 2012 was called off (fn 2); Shoigu came
 * to Islamabad in November 2014 and a defence cooperation agreement was
 * signed (fn 33-35). The chapter gives the visit as both 20 and 21
 * November: the dataset keeps both days. */
static void test_2012_2014(void **state)
{
    const ag_relation_t *r;
    (void)state;
    r = relation("putin", "PAK", "cancellation", "2012-10~");
    assert_cites(r, "fn 2");
    assert_int_equal(r->sign, -1);
    r = relation("shoigu", "PAK", "visit", "2014-11-20/2014-11-21");
    assert_int_equal(r->date.first, ag_days_from_civil(2014, 11, 20));
    assert_int_equal(r->date.last, ag_days_from_civil(2014, 11, 21));
    r = relation("RUS", "PAK", "agreement", "2014-11-20/2014-11-21");
    assert_cites(r, "fn 33");
    assert_int_equal(r->sign, +1);
}

/* The eras the issue names, with their exact periods, in file order first. */
static void test_eras(void **state)
{
    static const struct { const char *id; int y0, m0, d0, y1, m1, d1; } want[] = {
        { "cold-war", 1947, 8, 14, 1991, 12, 26 },
        { "post-cold-war", 1991, 12, 26, 2001, 9, 10 },
        { "post-2001", 2001, 9, 11, 2015, 12, 31 },
    };
    (void)state;
    assert_true(ds.n_eras >= 3);
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(ds.eras[i].id, want[i].id);
        assert_int_equal(ds.eras[i].period.first,
                         ag_days_from_civil(want[i].y0, want[i].m0, want[i].d0));
        assert_int_equal(ds.eras[i].period.last,
                         ag_days_from_civil(want[i].y1, want[i].m1, want[i].d1));
    }
}

/* The chapter's turn at state level: Pakistan-Russia (the Soviet Union in
 * the Cold War) is conflictual in the Cold War and cooperative after 2001. */
static void test_pakistan_russia_turn(void **state)
{
    ag_slice_opts_t o;
    ag_era_graph_t g;
    ag_error_t err;
    const ag_era_t *cw = &ds.eras[ag_dataset_find_era(&ds, "cold-war")];
    const ag_era_t *p01 = &ds.eras[ag_dataset_find_era(&ds, "post-2001")];
    long d;
    (void)state;
    ag_slice_opts_default(&o);
    o.level = AG_LEVEL_STATE;
    o.first = cw->period.first;
    o.last = cw->period.last;
    assert_int_equal(ag_era_graph_init(&g, &ds, &o, &err), AG_OK);
    d = ag_era_graph_find_dyad(&g, g.vertex_of[actor("PAK")], g.vertex_of[actor("SUN")]);
    assert_true(d >= 0);
    assert_true(g.dyads[d].net < 0);
    ag_era_graph_destroy(&g);
    o.first = p01->period.first;
    o.last = p01->period.last;
    assert_int_equal(ag_era_graph_init(&g, &ds, &o, &err), AG_OK);
    assert_int_equal(g.vertex_of[actor("SUN")], -1);
    d = ag_era_graph_find_dyad(&g, g.vertex_of[actor("PAK")], g.vertex_of[actor("RUS")]);
    assert_true(d >= 0);
    assert_true(g.dyads[d].net > 0);
    ag_era_graph_destroy(&g);
}

/* A window added as an ad-hoc era (what --from/--to do): found by its id
 * beside the eras of the file, which keep their indices; an id that is
 * taken and a window that ends before it starts are refused, the dataset
 * unchanged. Runs last: it adds an era to the shared dataset. */
static void test_add_window(void **state)
{
    size_t n = ds.n_eras;
    int32_t first = ag_days_from_civil(1979, 12, 1), last = ag_days_from_civil(1989, 12, 31);
    ag_error_t err;
    long era = -1;
    (void)state;
    assert_int_equal(ag_dataset_add_window(&ds, "1979-12/1989", first, last, &era, &err), AG_OK);
    assert_int_equal(era, (long)n);
    assert_int_equal(ds.n_eras, n + 1);
    assert_string_equal(ds.eras[era].id, "1979-12/1989");
    assert_string_equal(ds.eras[era].name, "1979-12/1989");
    assert_string_equal(ds.eras[era].period_text, "1979-12/1989");
    assert_int_equal(ds.eras[era].period.first, first);
    assert_int_equal(ds.eras[era].period.last, last);
    assert_int_equal(ag_dataset_find_era(&ds, "1979-12/1989"), era);
    assert_int_equal(ag_dataset_find_era(&ds, "cold-war"), 0);
    assert_int_equal(ag_dataset_find_era(&ds, "post-2001"), 2);
    assert_int_equal(ag_dataset_add_window(&ds, "cold-war", first, last, &era, &err), AG_EUSAGE);
    assert_int_equal(ag_dataset_add_window(&ds, "x", last, first, &era, &err), AG_EUSAGE);
    assert_int_equal(ds.n_eras, n + 1);
}

int main(void)
{
    ag_init(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_actors_and_lineage),
        cmocka_unit_test(test_1965_1966),
        cmocka_unit_test(test_1971),
        cmocka_unit_test(test_afghan_war_and_vetoes),
        cmocka_unit_test(test_2012_2014),
        cmocka_unit_test(test_eras),
        cmocka_unit_test(test_pakistan_russia_turn),
        cmocka_unit_test(test_add_window),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
