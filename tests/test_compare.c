/*
 * test_compare.c: era comparison (compare.c): rank correlations worked out
 * by hand, lineage matching, rank shifts and dyad changes on
 * tests/data/compare-basic/.
 *
 * The fixture, era a (1950s): OLD-P war, OLD-Q alliance, P-Q rivalry, P-R
 * treaty, U-OLD cooperation, Q-R agreement. Era b (1990s): NEW-P agreement
 * and treaty, NEW-Q alliance, P-R treaty, Q-R rivalry, T-P cooperation,
 * NEW-R cooperation. NEW continues OLD. Era a2 is era a plus NEW-R
 * agreement (1960), NEW's only relation there; era "all" holds everything.
 *
 * a vs b, rows by label: "NEW (OLD)", P, Q, R, T (entering), U (leaving).
 * Degrees a: OLD 3, P 3, Q 3, R 2, U 1, so ranks 1, 1, 1, 4, 5; degrees b:
 * NEW 3, P 3, Q 2, R 3, T 1, ranks 1, 1, 4, 1, 5. Shifts (rank a - rank b):
 * NEW (OLD) 0, P 0, Q -3, R +3.
 * Spearman over the four matched rows, x = (3, 3, 3, 2), y = (3, 3, 2, 3):
 * average ranks (3, 3, 3, 1) and (3, 3, 1, 3), both of mean 2.5;
 * deviations (.5, .5, .5, -1.5) and (.5, .5, -1.5, .5); sum of products
 * -1, sums of squares 3 and 3: rho = -1/3.
 * Kendall: of the 6 pairs, 3 tie in x, 3 tie in y, none is concordant and
 * one (Q, R) is discordant: tau-b = (0 - 1) / sqrt((6 - 3)(6 - 3)) = -1/3.
 * Dyads: flipped NEW (OLD)-P (- to +) and Q-R (+ to -); gained
 * NEW (OLD)-R and P-T; lost NEW (OLD)-U and P-Q; kept NEW (OLD)-Q, P-R.
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

#include "actorgraph/compare.h"
#include "actorgraph/load.h"
#include "actorgraph/pages.h"
#include "testutil.h"

static ag_dataset_t ds;

static int setup(void **state)
{
    (void)state;
    return tu_load(&ds, "compare-basic");
}

static int teardown(void **state)
{
    (void)state;
    ag_dataset_destroy(&ds);
    return 0;
}

static void near(double got, double want)
{
    if (fabs(got - want) > 1e-12)
        fail_msg("got %.17g, want %.17g", got, want);
}

/* ---- rank correlations, by hand ---- */

static void test_spearman_by_hand(void **state)
{
    /* x ranks 1..5; y = 5 6 7 8 7 ranks 1 2 3.5 5 3.5. Deviations from 3:
     * (-2 -1 0 1 2) and (-2 -1 .5 2 .5); products sum to 4+1+0+2+1 = 8;
     * squares 10 and 9.5: rho = 8 / sqrt(95). */
    static const double x[] = { 1, 2, 3, 4, 5 }, y[] = { 5, 6, 7, 8, 7 };
    static const double c[] = { 3, 3, 3, 3 }, d[] = { 1, 2, 3, 4 };
    static const double rev[] = { 4, 3, 2, 1 };
    (void)state;
    near(ag_spearman(x, y, 5), 8 / sqrt(95));
    near(ag_spearman(d, d, 4), 1);
    near(ag_spearman(d, rev, 4), -1);
    assert_true(isnan(ag_spearman(c, d, 4))); /* constant: undefined */
    assert_true(isnan(ag_spearman(x, y, 1)));
    assert_true(isnan(ag_spearman(x, y, 0)));
}

static void test_kendall_by_hand(void **state)
{
    /* Same x, y: pairs 10; concordant 8, discordant (4, 5) 1, tied in y
     * (3, 5) 1: tau-b = 7 / sqrt(10 * 9). */
    static const double x[] = { 1, 2, 3, 4, 5 }, y[] = { 5, 6, 7, 8, 7 };
    static const double c[] = { 3, 3, 3, 3 }, d[] = { 1, 2, 3, 4 };
    static const double rev[] = { 4, 3, 2, 1 };
    (void)state;
    near(ag_kendall_tau_b(x, y, 5), 7 / sqrt(90));
    near(ag_kendall_tau_b(d, d, 4), 1);
    near(ag_kendall_tau_b(d, rev, 4), -1);
    assert_true(isnan(ag_kendall_tau_b(c, d, 4)));
    assert_true(isnan(ag_kendall_tau_b(x, y, 1)));
}

/* ---- the fixture ---- */

static void compare(ag_compare_t *c, const char *a, const char *b, unsigned metrics)
{
    ag_compare_opts_t o = { AG_LEVEL_ACTOR, AG_TIES_ALL, NULL, metrics };
    ag_error_t err;
    long ea = ag_dataset_find_era(&ds, a), eb = ag_dataset_find_era(&ds, b);
    assert_true(ea >= 0 && eb >= 0);
    if (ag_compare_init(c, &ds, ea, eb, &o, &err) != AG_OK)
        fail_msg("compare: %s", err.msg);
}

static void expect_rows(const ag_compare_t *c, const char *const *labels,
                        const ag_match_t *match, size_t n)
{
    assert_int_equal(c->n_actors, n);
    for (size_t r = 0; r < n; r++) {
        char buf[64];
        assert_string_equal(ag_cmp_actor_label(c, &c->actors[r], buf, sizeof buf), labels[r]);
        assert_int_equal(c->actors[r].match, match[r]);
    }
}

static void test_lineage_and_ranks(void **state)
{
    static const char *const labels[] = { "NEW (OLD)", "P", "Q", "R", "T", "U" };
    static const ag_match_t match[] = { AG_MATCH_LINEAGE, AG_MATCH_SAME, AG_MATCH_SAME,
                                        AG_MATCH_SAME, AG_MATCH_ENTERING, AG_MATCH_LEAVING };
    static const long rank_a[] = { 1, 1, 1, 4, -1, 5 }, rank_b[] = { 1, 1, 4, 1, 5, -1 };
    ag_compare_t c;
    (void)state;
    compare(&c, "a", "b", 1u << AG_M_DEGREE);
    expect_rows(&c, labels, match, 6);
    assert_string_equal(ds.actors[c.actors[0].actor_a].id, "OLD");
    assert_string_equal(ds.actors[c.actors[0].actor_b].id, "NEW");
    assert_string_equal(ds.actors[c.actors[0].key].id, "NEW");
    for (size_t r = 0; r < 6; r++) {
        const ag_cmp_actor_t *a = &c.actors[r];
        assert_int_equal(a->va >= 0 ? c.rank_a[AG_M_DEGREE][a->va] : -1, rank_a[r]);
        assert_int_equal(a->vb >= 0 ? c.rank_b[AG_M_DEGREE][a->vb] : -1, rank_b[r]);
    }
    /* The result holds the lists the page shows: one lineage match, three
     * the same, one entering, one leaving, none left over from a matched
     * lineage. */
    assert_int_equal(c.n_match[AG_MATCH_LINEAGE], 1);
    assert_int_equal(c.n_match[AG_MATCH_SAME], 3);
    assert_int_equal(c.n_match[AG_MATCH_ENTERING], 1);
    assert_int_equal(c.n_match[AG_MATCH_LEAVING], 1);
    for (size_t r = 0; r < 6; r++)
        assert_false(c.actors[r].unmatched_kin);
    assert_int_equal(c.corr[AG_M_DEGREE].n, 4);
    near(c.corr[AG_M_DEGREE].spearman, -1.0 / 3);
    near(c.corr[AG_M_DEGREE].kendall, -1.0 / 3);
    /* Metrics not asked for are left alone. */
    assert_null(c.rank_a[AG_M_PAGERANK]);
    assert_int_equal(c.corr[AG_M_PAGERANK].n, 0);
    ag_compare_destroy(&c);
    ag_compare_destroy(&c);
}

static void test_dyad_changes(void **state)
{
    static const struct {
        const char *r1, *r2;
        ag_change_t change;
        int sign_a, sign_b;
    } want[] = {
        { "NEW (OLD)", "P", AG_CHANGE_FLIPPED, -1, 1 },
        { "Q", "R", AG_CHANGE_FLIPPED, 1, -1 },
        { "NEW (OLD)", "R", AG_CHANGE_GAINED, 0, 1 },
        { "P", "T", AG_CHANGE_GAINED, 0, 1 },
        { "NEW (OLD)", "U", AG_CHANGE_LOST, 1, 0 },
        { "P", "Q", AG_CHANGE_LOST, -1, 0 },
        { "NEW (OLD)", "Q", AG_CHANGE_KEPT, 1, 1 },
        { "P", "R", AG_CHANGE_KEPT, 1, 1 },
    };
    ag_compare_t c;
    (void)state;
    compare(&c, "a", "b", AG_METRICS_ALL);
    assert_int_equal(c.n_dyads, 8);
    for (size_t i = 0; i < 8; i++) {
        const ag_cmp_dyad_t *y = &c.dyads[i];
        char b1[64], b2[64];
        assert_string_equal(ag_cmp_actor_label(&c, &c.actors[y->r1], b1, sizeof b1), want[i].r1);
        assert_string_equal(ag_cmp_actor_label(&c, &c.actors[y->r2], b2, sizeof b2), want[i].r2);
        assert_int_equal(y->change, want[i].change);
        assert_int_equal(y->sign_a, want[i].sign_a);
        assert_int_equal(y->sign_b, want[i].sign_b);
        assert_int_equal(y->da >= 0, want[i].change != AG_CHANGE_GAINED);
        assert_int_equal(y->db >= 0, want[i].change != AG_CHANGE_LOST);
    }
    for (int k = 0; k < AG_CHANGE_COUNT; k++)
        assert_int_equal(c.changes[k], 2);
    /* The relations behind the flipped NEW (OLD)-P: the war in a, the
     * agreement and the treaty in b. */
    assert_int_equal(c.ga.dyads[c.dyads[0].da].n_rels, 1);
    assert_int_equal(ds.relations[c.ga.dyads[c.dyads[0].da].rels[0]].line, 2);
    assert_int_equal(c.gb.dyads[c.dyads[0].db].n_rels, 2);
    assert_int_equal(ds.relations[c.gb.dyads[c.dyads[0].db].rels[1]].line, 10);
    /* Balance side by side: a has OLD-P-Q +-- and P-Q-R ++-; b has
     * NEW-P-R +++ and NEW-Q-R ++-. */
    assert_int_equal(c.ba.triangles, 2);
    assert_int_equal(c.bb.triangles, 2);
    near(c.ba.ratio, 0.5);
    near(c.bb.ratio, 0.5);
    ag_compare_destroy(&c);
}

/* In a2 NEW has one relation beside OLD's three: the principals OLD and
 * NEW are matched, and a2's NEW is left over, leaving. */
static void test_principal_of_lineage(void **state)
{
    static const char *const labels[] = { "NEW", "NEW (OLD)", "P", "Q", "R", "T", "U" };
    static const ag_match_t match[] = { AG_MATCH_LEAVING, AG_MATCH_LINEAGE, AG_MATCH_SAME,
                                        AG_MATCH_SAME, AG_MATCH_SAME, AG_MATCH_ENTERING,
                                        AG_MATCH_LEAVING };
    ag_compare_t c;
    (void)state;
    compare(&c, "a2", "b", 1u << AG_M_DEGREE);
    expect_rows(&c, labels, match, 7);
    /* a2's NEW leaves though its lineage is matched (OLD with NEW): the
     * page names it; U leaves with no such kin. */
    assert_true(c.actors[0].unmatched_kin);
    assert_false(c.actors[6].unmatched_kin);
    assert_false(c.actors[5].unmatched_kin);
    assert_int_equal(c.n_match[AG_MATCH_LEAVING], 2);
    assert_int_equal(c.n_dyads, 9);
    assert_int_equal(c.changes[AG_CHANGE_LOST], 3); /* NEW-R of a2 too */
    ag_compare_destroy(&c);
}

/* When both actors of a lineage are in both eras, each is itself. */
static void test_lineage_both_present(void **state)
{
    static const char *const labels[] = { "NEW", "OLD", "P", "Q", "R", "T", "U" };
    static const ag_match_t match[] = { AG_MATCH_SAME, AG_MATCH_SAME, AG_MATCH_SAME,
                                        AG_MATCH_SAME, AG_MATCH_SAME, AG_MATCH_ENTERING,
                                        AG_MATCH_SAME };
    ag_compare_t c;
    (void)state;
    compare(&c, "a2", "all", 1u << AG_M_DEGREE);
    expect_rows(&c, labels, match, 7);
    ag_compare_destroy(&c);
}

/* Reversed, the lineage row is labelled by era B's actor, and every shift
 * changes sign; the correlations are symmetric. */
static void test_reversed(void **state)
{
    static const char *const labels[] = { "OLD (NEW)", "P", "Q", "R", "T", "U" };
    static const ag_match_t match[] = { AG_MATCH_LINEAGE, AG_MATCH_SAME, AG_MATCH_SAME,
                                        AG_MATCH_SAME, AG_MATCH_LEAVING, AG_MATCH_ENTERING };
    ag_compare_t c;
    (void)state;
    compare(&c, "b", "a", 1u << AG_M_DEGREE);
    expect_rows(&c, labels, match, 6);
    assert_int_equal(c.rank_a[AG_M_DEGREE][c.actors[2].va] - c.rank_b[AG_M_DEGREE][c.actors[2].vb],
                     3); /* Q */
    near(c.corr[AG_M_DEGREE].spearman, -1.0 / 3);
    assert_int_equal(c.changes[AG_CHANGE_GAINED], 2);
    assert_int_equal(c.changes[AG_CHANGE_LOST], 2);
    ag_compare_destroy(&c);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(ag_change_name(AG_CHANGE_FLIPPED), "flipped");
    assert_string_equal(ag_change_name(AG_CHANGE_KEPT), "kept");
    assert_string_equal(ag_match_name(AG_MATCH_ENTERING), "entering");
    assert_int_equal(ag_cmp_part_parse("dyads"), AG_PART_DYADS);
    assert_int_equal(ag_cmp_part_parse("all"), AG_PART_ALL);
    assert_int_equal(ag_cmp_part_parse("nodes"), -1);
}

/* The page builds only the audiences asked for: people get the title
 * and the lists, machines the tidy table and the JSON. */
static void test_page_audiences(void **state)
{
    ag_compare_t c;
    ag_doc_t doc;
    ag_error_t err;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp;
    (void)state;
    compare(&c, "a2", "b", 1u << AG_M_DEGREE);

    ag_doc_init(&doc);
    assert_int_equal(ag_compare_page(&c, AG_PART_ALL, AG_FOR_READING, &doc, &err), AG_OK);
    assert_null(doc.json);
    assert_int_equal(doc.blocks[0].kind, AG_BLOCK_TITLE);
    assert_string_equal(doc.blocks[0].text, "Comparison: Era A and 1960 \xe2\x86\x92 Era B");
    assert_string_equal(doc.blocks[2].text, "Matched by lineage: OLD (Old State) in A with NEW "
                                            "(New State) in B.\nOf those lineages, also (not "
                                            "matched): NEW in A.");
    assert_string_equal(doc.blocks[3].text, "Leaving (only in A): NEW and U.");
    assert_true(doc.blocks[3].flags & AG_BLOCK_TIGHT);
    assert_non_null(fp = open_memstream(&buf, &len));
    /* Nothing for CSV in a page built for readers. */
    assert_int_equal(ag_doc_write(&doc, AG_FMT_CSV, fp, &err), AG_EUSAGE);
    fclose(fp);
    free(buf);
    ag_doc_destroy(&doc);

    ag_doc_init(&doc);
    assert_int_equal(ag_compare_page(&c, AG_PART_SUMMARY, AG_FOR_MACHINE, &doc, &err), AG_OK);
    assert_non_null(doc.json);
    assert_int_equal(doc.n_blocks, 1);
    assert_true(doc.blocks[0].flags & AG_BLOCK_DATA);
    buf = NULL;
    assert_non_null(fp = open_memstream(&buf, &len));
    assert_int_equal(ag_doc_write(&doc, AG_FMT_CSV, fp, &err), AG_OK);
    fclose(fp);
    assert_non_null(strstr(buf, "era_a,era_b,level,ties,figure,value_a,value_b,difference\n"
                                "a2,b,actor,all,vertices,6,5,-1\n"));
    free(buf);
    ag_doc_destroy(&doc);
    ag_compare_destroy(&c);
}

int main(void)
{
    ag_init(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spearman_by_hand),
        cmocka_unit_test(test_kendall_by_hand),
        cmocka_unit_test(test_lineage_and_ranks),
        cmocka_unit_test(test_dyad_changes),
        cmocka_unit_test(test_principal_of_lineage),
        cmocka_unit_test(test_lineage_both_present),
        cmocka_unit_test(test_reversed),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_page_audiences),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
