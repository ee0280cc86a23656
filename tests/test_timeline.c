/*
 * test_timeline.c: calendar spans, window lists and a timeline measured on
 * a small fixture, checked against dates worked out by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/timeline.h"
#include "testutil.h"

#define DAY(y, m, d) ag_days_from_civil((y), (m), (d))

static void test_span_parse(void **state)
{
    ag_span_t s;
    (void)state;
    assert_int_equal(ag_span_parse("10y", &s), 0);
    assert_int_equal(s.n, 10);
    assert_int_equal(s.unit, AG_SPAN_YEARS);
    assert_int_equal(ag_span_parse("6m", &s), 0);
    assert_int_equal(s.unit, AG_SPAN_MONTHS);
    assert_int_equal(ag_span_parse("30d", &s), 0);
    assert_int_equal(s.unit, AG_SPAN_DAYS);
    assert_int_equal(ag_span_parse("0y", &s), -1);
    assert_int_equal(ag_span_parse("-1y", &s), -1);
    assert_int_equal(ag_span_parse("10", &s), -1);
    assert_int_equal(ag_span_parse("10w", &s), -1);
    assert_int_equal(ag_span_parse("10yy", &s), -1);
    assert_int_equal(ag_span_parse("y", &s), -1);
    assert_int_equal(ag_span_parse("", &s), -1);
}

static void test_span_add(void **state)
{
    ag_span_t month = { 1, AG_SPAN_MONTHS }, year = { 1, AG_SPAN_YEARS },
              days = { 30, AG_SPAN_DAYS };
    (void)state;
    /* 31 January plus a month is the last day of February. */
    assert_int_equal(ag_span_add(DAY(2011, 1, 31), &month, 1), DAY(2011, 2, 28));
    assert_int_equal(ag_span_add(DAY(2012, 1, 31), &month, 1), DAY(2012, 2, 29));
    /* 29 February plus a year is 28 February. */
    assert_int_equal(ag_span_add(DAY(2012, 2, 29), &year, 1), DAY(2013, 2, 28));
    assert_int_equal(ag_span_add(DAY(1947, 1, 1), &year, 10), DAY(1957, 1, 1));
    assert_int_equal(ag_span_add(DAY(2016, 1, 1), &year, -10), DAY(2006, 1, 1));
    assert_int_equal(ag_span_add(DAY(2011, 12, 15), &month, 1), DAY(2012, 1, 15));
    assert_int_equal(ag_span_add(DAY(2012, 1, 15), &month, -1), DAY(2011, 12, 15));
    assert_int_equal(ag_span_add(DAY(2011, 1, 1), &days, 2), DAY(2011, 3, 2));
}

static void test_windows(void **state)
{
    ag_span_t ten = { 10, AG_SPAN_YEARS }, one = { 1, AG_SPAN_YEARS }, five = { 5, AG_SPAN_YEARS };
    ag_window_t *w;
    size_t n;
    ag_error_t err;
    (void)state;
    /* 1947..2015 by 10-year windows every year: starts 1947..2006. */
    assert_int_equal(ag_timeline_windows(DAY(1947, 1, 1), DAY(2015, 12, 31), &ten, &one, &w, &n,
                                         &err), AG_OK);
    assert_int_equal(n, 60);
    assert_int_equal(w[0].first, DAY(1947, 1, 1));
    assert_int_equal(w[0].last, DAY(1956, 12, 31));
    assert_int_equal(w[59].first, DAY(2006, 1, 1));
    assert_int_equal(w[59].last, DAY(2015, 12, 31));
    free(w);
    /* Every 5 years: 1947, ..., 2002 (ends 2011), then one more ending on
     * the range's last day, 2006-2015. */
    assert_int_equal(ag_timeline_windows(DAY(1947, 1, 1), DAY(2015, 12, 31), &ten, &five, &w, &n,
                                         &err), AG_OK);
    assert_int_equal(n, 13);
    assert_int_equal(w[11].first, DAY(2002, 1, 1));
    assert_int_equal(w[11].last, DAY(2011, 12, 31));
    assert_int_equal(w[12].first, DAY(2006, 1, 1));
    assert_int_equal(w[12].last, DAY(2015, 12, 31));
    free(w);
    /* A range shorter than a window: one window, the range. */
    assert_int_equal(ag_timeline_windows(DAY(2011, 7, 1), DAY(2013, 5, 31), &ten, &one, &w, &n,
                                         &err), AG_OK);
    assert_int_equal(n, 1);
    assert_int_equal(w[0].first, DAY(2011, 7, 1));
    assert_int_equal(w[0].last, DAY(2013, 5, 31));
    free(w);
    assert_int_equal(ag_timeline_windows(DAY(2013, 1, 1), DAY(2012, 1, 1), &ten, &one, &w, &n,
                                         &err), AG_EUSAGE);
}

/* The slicing fixture: relations from 1955/1965 to 1975 (see its
 * relations.csv). 5-year windows every 5 years from 1955: 1955-59,
 * 1960-64, 1965-69, 1970-74, then 1971-75 ends on the last day. */
static void test_compute(void **state)
{
    ag_dataset_t ds;
    ag_span_t five = { 5, AG_SPAN_YEARS };
    ag_window_t *w;
    size_t n;
    int32_t first, last;
    ag_slice_opts_t o;
    ag_table_t t;
    ag_error_t err;
    (void)state;
    assert_int_equal(tu_load(&ds, "slicing"), 0);
    assert_int_equal(ag_dataset_date_range(&ds, &first, &last, &err), AG_OK);
    assert_int_equal(first, DAY(1955, 1, 1));
    assert_int_equal(last, DAY(1975, 12, 31));
    assert_int_equal(ag_timeline_windows(first, last, &five, &five, &w, &n, &err), AG_OK);
    assert_int_equal(n, 5);
    assert_int_equal(w[4].first, DAY(1971, 1, 1));
    ag_slice_opts_default(&o);
    assert_int_equal(ag_timeline_table_init(&t, &err), AG_OK);
    assert_int_equal(ag_timeline_compute(&ds, &o, 1u << AG_M_DEGREE, w, n, &t, NULL, NULL, &err),
                     AG_OK);
    /* 1970-74 has no relation: no rows. 1955-59: A-B alliance only (A, B).
     * 1960-64: A-B and the three A-C visits (A, B, C). 1965-69: A-B
     * (it ends in 1965). 1971-75: the 1975 relations. */
    for (size_t r = 0; r < t.nrows; r++)
        assert_string_not_equal(ag_table_cell(&t, r, 0), "1970-01-01/1974-12-31");
    assert_string_equal(ag_table_cell(&t, 0, 0), "1955-01-01/1959-12-31");
    assert_string_equal(ag_table_cell(&t, 0, 5), "A");
    assert_string_equal(ag_table_cell(&t, 0, 8), "1");
    assert_string_equal(ag_table_cell(&t, 2, 0), "1960-01-01/1964-12-31");
    assert_string_equal(ag_table_cell(&t, 2, 5), "A");
    assert_string_equal(ag_table_cell(&t, 2, 8), "2");   /* B and C */
    assert_string_equal(ag_table_cell(&t, 2, 9), "1");
    assert_string_equal(ag_table_cell(&t, 5, 0), "1965-01-01/1969-12-31");
    /* 1971-75: A, B, C, D, GA, LA (actor level); B's neighbours are LA, C
     * and D. */
    assert_int_equal(t.nrows, 2 + 3 + 2 + 6);
    assert_string_equal(ag_table_cell(&t, 7, 0), "1971-01-01/1975-12-31");
    assert_string_equal(ag_table_cell(&t, 8, 5), "B");
    assert_string_equal(ag_table_cell(&t, 8, 8), "3");
    assert_string_equal(ag_table_cell(&t, 8, 9), "1");
    ag_table_destroy(&t);
    free(w);
    ag_dataset_destroy(&ds);
}

int main(void)
{
    ag_init(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_span_parse),
        cmocka_unit_test(test_span_add),
        cmocka_unit_test(test_windows),
        cmocka_unit_test(test_compute),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
