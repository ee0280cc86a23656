/*
 * test_rankcorr.c: the p-value of Spearman's rho, against scipy 1.10
 * (scipy.stats.permutation_test with permutation_type='pairings' for the
 * exact values, scipy.stats.spearmanr for the t approximation), and by
 * hand for the smallest cases.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "actorgraph/rankcorr.h"

static void near(double got, double want)
{
    if (fabs(got - want) > 1e-9 * (fabs(want) > 1 ? fabs(want) : 1))
        fail_msg("got %.17g, want %.17g", got, want);
}

/* Three actors in the same order: one pairing of six is as extreme on the
 * upper side: p = 2 * 1/6. */
static void test_three_by_hand(void **state)
{
    const double x[] = { 1, 2, 3 }, y[] = { 10, 20, 30 };
    (void)state;
    near(ag_spearman_p(x, y, 3), 1.0 / 3);
}

static void test_exact_against_scipy(void **state)
{
    const double x1[] = { 1, 2, 3, 4, 5, 6 }, y1[] = { 2, 1, 4, 3, 6, 5 };
    const double x2[] = { 1, 2, 2, 4, 5, 6, 7 }, y2[] = { 3, 1, 4, 4, 6, 5, 7 };
    const double x3[] = { 1, 2, 3, 4 }, y3[] = { 4, 3, 2, 1 };
    (void)state;
    near(ag_spearman_p(x1, y1, 6), 0.058333333333333334);
    near(ag_spearman_p(x2, y2, 7), 0.013492063492063493);
    near(ag_spearman_p(x3, y3, 4), 0.08333333333333333);
}

static void test_t_against_scipy(void **state)
{
    const double x1[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
    const double y1[] = { 0, 2, 1, 3, 5, 4, 6, 8, 7, 11, 9, 10 };
    const double x2[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
    const double y2[] = { 3, 1, 2, 6, 4, 5, 10, 8, 7, 9 };
    const double x3[] = { 5, 1, 4, 4, 2, 9, 7, 3, 3, 8, 6, 0, 2 };
    const double y3[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 };
    (void)state;
    near(ag_spearman_p(x1, y1, 12), 9.5435818268384e-07);
    near(ag_spearman_p(x2, y2, 10), 0.0022200312259168407);
    near(ag_spearman_p(x3, y3, 13), 0.7468535166236532);
}

static void test_undefined(void **state)
{
    const double x[] = { 1, 2, 3, 4 }, c[] = { 5, 5, 5, 5 };
    (void)state;
    assert_true(isnan(ag_spearman_p(x, x, 2)));
    assert_true(isnan(ag_spearman_p(x, c, 4)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_by_hand),
        cmocka_unit_test(test_exact_against_scipy),
        cmocka_unit_test(test_t_against_scipy),
        cmocka_unit_test(test_undefined),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
