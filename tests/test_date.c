/*
 * test_date.c: the EDTF subset of date.h.
 *
 * Day numbers written as constants were computed independently with
 * Python: (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days.
 * ag_days_from_civil serves as an oracle only after test_civil_constants
 * and test_civil_round_trip_all_days have pinned it down.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/date.h"
#include "core/date_suggest.h"

/* Known day numbers (see the top of the file). */
#define D_0001_01_01 (-719162)
#define D_1600_02_29 (-135081)
#define D_1900_01_01 (-25567)
#define D_1947_08_14 (-8176)
#define D_1960_01_01 (-3653)
#define D_1965_01_01 (-1826)
#define D_1965_04_01 (-1736)
#define D_1965_04_30 (-1707)
#define D_1965_12_31 (-1462)
#define D_1969_12_31 (-1)
#define D_1971_01_01 365
#define D_1971_12_31 729
#define D_1984_01_01 5113
#define D_1985_12_31 5843
#define D_1991_12_01 8004
#define D_1991_12_26 8029
#define D_1991_12_31 8034
#define D_1999_12_31 10956
#define D_2000_02_29 11016
#define D_2000_03_01 11017
#define D_2001_09_01 11566
#define D_2001_09_10 11575
#define D_2004_06_11 12580
#define D_2004_12_31 12783
#define D_2012_02_29 15399
#define D_9999_12_31 2932896

static ag_date_t parse_ok(const char *text)
{
    ag_date_t d;
    char err[256] = "";
    int rc = ag_date_parse(text, &d, err, sizeof err);
    if (rc != 0)
        fail_msg("'%s' should parse but gave: %s", text, err);
    return d;
}

static void expect_error(const char *text, const char *message)
{
    ag_date_t d;
    char err[256] = "";
    memset(&d, 0x5a, sizeof d);
    assert_int_equal(ag_date_parse(text, &d, err, sizeof err), -1);
    assert_string_equal(err, message);
}

static void expect_range(const char *text, int32_t first, int32_t last)
{
    ag_date_t d = parse_ok(text);
    assert_int_equal(d.first, first);
    assert_int_equal(d.last, last);
    assert_int_equal(d.start.first, first);
    assert_int_equal(d.end.last, last);
}

static void assert_point_equal(const ag_date_point_t *a,
                               const ag_date_point_t *b)
{
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->prec, b->prec);
    assert_int_equal(a->year, b->year);
    assert_int_equal(a->month, b->month);
    assert_int_equal(a->day, b->day);
    assert_int_equal(a->qual, b->qual);
    assert_int_equal(a->first, b->first);
    assert_int_equal(a->last, b->last);
}

/* Parses text, checks that it formats as canonical, and that parsing the
 * formatted text gives the same date field by field. */
static void expect_round_trip(const char *text, const char *canonical)
{
    ag_date_t a = parse_ok(text), b;
    char buf[AG_DATE_TEXT_SIZE];
    size_t n = ag_date_format(&a, buf, sizeof buf);
    assert_string_equal(buf, canonical);
    assert_int_equal(n, strlen(canonical));
    b = parse_ok(buf);
    assert_point_equal(&a.start, &b.start);
    assert_point_equal(&a.end, &b.end);
    assert_int_equal(a.interval, b.interval);
    assert_int_equal(a.first, b.first);
    assert_int_equal(a.last, b.last);
    assert_int_equal(ag_date_cmp(&a, &b), 0);
}

/* ---- calendar arithmetic ------------------------------------------- */

static void test_civil_constants(void **state)
{
    (void)state;
    assert_int_equal(ag_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(ag_days_from_civil(1969, 12, 31), D_1969_12_31);
    assert_int_equal(ag_days_from_civil(2000, 3, 1), D_2000_03_01);
    assert_int_equal(ag_days_from_civil(2000, 2, 29), D_2000_02_29);
    assert_int_equal(ag_days_from_civil(1947, 8, 14), D_1947_08_14);
    assert_int_equal(ag_days_from_civil(1600, 2, 29), D_1600_02_29);
    assert_int_equal(ag_days_from_civil(1, 1, 1), D_0001_01_01);
    assert_int_equal(ag_days_from_civil(9999, 12, 31), D_9999_12_31);
    assert_int_equal(ag_days_from_civil(1991, 12, 26), D_1991_12_26);
}

static void test_civil_from_days_constants(void **state)
{
    int y, m, d;
    (void)state;
    ag_civil_from_days(0, &y, &m, &d);
    assert_int_equal(y, 1970);
    assert_int_equal(m, 1);
    assert_int_equal(d, 1);
    ag_civil_from_days(D_2000_02_29, &y, &m, &d);
    assert_int_equal(y, 2000);
    assert_int_equal(m, 2);
    assert_int_equal(d, 29);
    ag_civil_from_days(D_1947_08_14, &y, &m, &d);
    assert_int_equal(y, 1947);
    assert_int_equal(m, 8);
    assert_int_equal(d, 14);
    ag_civil_from_days(D_0001_01_01, &y, &m, &d);
    assert_int_equal(y, 1);
    assert_int_equal(m, 1);
    assert_int_equal(d, 1);
    /* The sentinels must not overflow anything (UBSan watches). */
    ag_civil_from_days(AG_DAY_MIN, &y, &m, &d);
    assert_true(y < -5000000);
    ag_civil_from_days(AG_DAY_MAX, &y, &m, &d);
    assert_true(y > 5000000);
}

/* Walks every day from 0001-01-01 to 9999-12-31 with a calendar counter of
 * its own (using ag_days_in_month, tested below against constants), so
 * both conversions are checked on every single day. */
static void test_civil_round_trip_all_days(void **state)
{
    int y = 1, m = 1, d = 1;
    (void)state;
    for (int32_t day = D_0001_01_01; day <= D_9999_12_31; day++) {
        int yy, mm, dd;
        ag_civil_from_days(day, &yy, &mm, &dd);
        if (yy != y || mm != m || dd != d || ag_days_from_civil(y, m, d) != day)
            fail_msg("day %d: expected %04d-%02d-%02d, got %04d-%02d-%02d",
                     (int)day, y, m, d, yy, mm, dd);
        if (++d > ag_days_in_month(y, m)) {
            d = 1;
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
    }
    assert_int_equal(y, 10000);
}

static void test_leap_years_and_month_lengths(void **state)
{
    (void)state;
    assert_true(ag_is_leap_year(2000));
    assert_true(ag_is_leap_year(2012));
    assert_true(ag_is_leap_year(1600));
    assert_false(ag_is_leap_year(1900));
    assert_false(ag_is_leap_year(2013));
    assert_false(ag_is_leap_year(2100));
    assert_int_equal(ag_days_in_month(1900, 2), 28);
    assert_int_equal(ag_days_in_month(2000, 2), 29);
    assert_int_equal(ag_days_in_month(2013, 2), 28);
    assert_int_equal(ag_days_in_month(1965, 1), 31);
    assert_int_equal(ag_days_in_month(1965, 4), 30);
    assert_int_equal(ag_days_in_month(1965, 6), 30);
    assert_int_equal(ag_days_in_month(1965, 9), 30);
    assert_int_equal(ag_days_in_month(1965, 11), 30);
    assert_int_equal(ag_days_in_month(1965, 12), 31);
    assert_int_equal(ag_days_in_month(1965, 0), 0);
    assert_int_equal(ag_days_in_month(1965, 13), 0);
}

/* ---- level 0 ------------------------------------------------------- */

static void test_year(void **state)
{
    ag_date_t d;
    (void)state;
    d = parse_ok("1965");
    assert_false(d.interval);
    assert_int_equal(d.start.kind, AG_END_DATE);
    assert_int_equal(d.start.prec, AG_PREC_YEAR);
    assert_int_equal(d.start.year, 1965);
    assert_int_equal(d.start.month, 0);
    assert_int_equal(d.start.day, 0);
    assert_int_equal(d.start.qual, AG_QUAL_NONE);
    assert_int_equal(d.first, D_1965_01_01);
    assert_int_equal(d.last, D_1965_12_31);
    assert_point_equal(&d.start, &d.end);
    expect_range("0001", D_0001_01_01, ag_days_from_civil(1, 12, 31));
    expect_range("9999", ag_days_from_civil(9999, 1, 1), D_9999_12_31);
}

static void test_month(void **state)
{
    ag_date_t d;
    (void)state;
    d = parse_ok("1965-04");
    assert_int_equal(d.start.prec, AG_PREC_MONTH);
    assert_int_equal(d.start.year, 1965);
    assert_int_equal(d.start.month, 4);
    assert_int_equal(d.start.day, 0);
    assert_int_equal(d.first, D_1965_04_01);
    assert_int_equal(d.last, D_1965_04_30);
    expect_range("1991-12", D_1991_12_01, D_1991_12_31);
    expect_range("2000-02", ag_days_from_civil(2000, 2, 1), D_2000_02_29);
    expect_range("1900-02", ag_days_from_civil(1900, 2, 1),
                 ag_days_from_civil(1900, 2, 28));
}

static void test_day(void **state)
{
    ag_date_t d;
    (void)state;
    d = parse_ok("1947-08-14");
    assert_int_equal(d.start.prec, AG_PREC_DAY);
    assert_int_equal(d.start.year, 1947);
    assert_int_equal(d.start.month, 8);
    assert_int_equal(d.start.day, 14);
    assert_int_equal(d.first, D_1947_08_14);
    assert_int_equal(d.last, D_1947_08_14);
    expect_range("1970-01-01", 0, 0);
    expect_range("1969-12-31", -1, -1);
}

static void test_leap_days(void **state)
{
    (void)state;
    expect_range("2000-02-29", D_2000_02_29, D_2000_02_29);
    expect_range("2012-02-29", D_2012_02_29, D_2012_02_29);
    expect_range("1600-02-29", D_1600_02_29, D_1600_02_29);
    expect_error("1900-02-29",
                 "impossible date '1900-02-29': February 1900 has 28 days");
    expect_error("2013-02-29",
                 "impossible date '2013-02-29': February 2013 has 28 days");
    expect_error("2000-02-30",
                 "impossible date '2000-02-30': February 2000 has 29 days");
}

static void test_month_lengths(void **state)
{
    (void)state;
    expect_error("1965-04-31",
                 "impossible date '1965-04-31': April 1965 has 30 days");
    expect_error("1965-02-30",
                 "impossible date '1965-02-30': February 1965 has 28 days");
    expect_error("1965-01-32",
                 "impossible date '1965-01-32': January 1965 has 31 days");
    expect_error("1965-11-31",
                 "impossible date '1965-11-31': November 1965 has 30 days");
    expect_range("1965-01-31", ag_days_from_civil(1965, 1, 31),
                 ag_days_from_civil(1965, 1, 31));
    expect_range("1965-12-31", D_1965_12_31, D_1965_12_31);
}

static void test_interval(void **state)
{
    ag_date_t d;
    (void)state;
    d = parse_ok("1947-08-14/1991-12-26");
    assert_true(d.interval);
    assert_int_equal(d.start.prec, AG_PREC_DAY);
    assert_int_equal(d.end.prec, AG_PREC_DAY);
    assert_int_equal(d.first, D_1947_08_14);
    assert_int_equal(d.last, D_1991_12_26);
    expect_range("1965/1971", D_1965_01_01, D_1971_12_31);
    expect_range("1965-04/1991-12", D_1965_04_01, D_1991_12_31);
    expect_range("1965/1965", D_1965_01_01, D_1965_12_31);
    expect_range("1970-01-01/1970-01-01", 0, 0);
}

/* The documented rule: an interval is an error only when its end finishes
 * before its start begins. */
static void test_interval_order(void **state)
{
    (void)state;
    expect_error("1965/1964", "interval ends before it starts in '1965/1964'");
    expect_error("1965-06/1965-05",
                 "interval ends before it starts in '1965-06/1965-05'");
    expect_error("1970-01-02/1970-01-01",
                 "interval ends before it starts in '1970-01-02/1970-01-01'");
    expect_error("1966/1965-12-31",
                 "interval ends before it starts in '1966/1965-12-31'");
    /* Ends that share days are accepted; the range is A.first..B.last. */
    expect_range("1965-05/1965", D_1965_04_30 + 1, D_1965_12_31);
    expect_range("1965/1965-01", D_1965_01_01, ag_days_from_civil(1965, 1, 31));
    expect_range("1965-12-31/1965", D_1965_12_31, D_1965_12_31);
    expect_range("196X/1965", D_1960_01_01, D_1965_12_31);
}

/* ---- open and unknown ends ----------------------------------------- */

static void test_open_ends(void **state)
{
    ag_date_t d;
    (void)state;
    d = parse_ok("2001-09/..");
    assert_true(d.interval);
    assert_int_equal(d.start.kind, AG_END_DATE);
    assert_int_equal(d.end.kind, AG_END_OPEN);
    assert_int_equal(d.end.prec, AG_PREC_NONE);
    assert_int_equal(d.end.year, 0);
    assert_int_equal(d.first, D_2001_09_01);
    assert_int_equal(d.last, AG_DAY_MAX);
    assert_int_equal(d.end.first, AG_DAY_MAX);

    d = parse_ok("../1985");
    assert_int_equal(d.start.kind, AG_END_OPEN);
    assert_int_equal(d.start.first, AG_DAY_MIN);
    assert_int_equal(d.start.last, AG_DAY_MIN);
    assert_int_equal(d.first, AG_DAY_MIN);
    assert_int_equal(d.last, D_1985_12_31);
}

static void test_unknown_ends(void **state)
{
    ag_date_t d;
    (void)state;
    d = parse_ok("/1985");
    assert_true(d.interval);
    assert_int_equal(d.start.kind, AG_END_UNKNOWN);
    assert_int_equal(d.start.prec, AG_PREC_NONE);
    assert_int_equal(d.first, AG_DAY_MIN);
    assert_int_equal(d.last, D_1985_12_31);

    d = parse_ok("1985/");
    assert_int_equal(d.end.kind, AG_END_UNKNOWN);
    assert_int_equal(d.first, ag_days_from_civil(1985, 1, 1));
    assert_int_equal(d.last, AG_DAY_MAX);
}

/* Decision: ".." alone, "/" alone and intervals with no date at either end
 * are errors; they say nothing about when. */
static void test_no_date_at_all(void **state)
{
    (void)state;
    expect_error("..", "open end '..' is only allowed in an interval in '..'");
    expect_error("/", "interval has no date at either end in '/'");
    expect_error("../..", "interval has no date at either end in '../..'");
    expect_error("/..", "interval has no date at either end in '/..'");
    expect_error("../", "interval has no date at either end in '../'");
    expect_error("...", "unexpected character '.' at position 0 in '...'");
    expect_error(".../1985",
                 "unexpected character '.' at position 2 in '.../1985'");
    expect_error(".", "unexpected character '.' at position 0 in '.'");
}

/* ---- qualifiers ---------------------------------------------------- */

static void test_qualifiers_single(void **state)
{
    ag_date_t d;
    (void)state;
    d = parse_ok("1971?");
    assert_int_equal(d.start.qual, AG_QUAL_UNCERTAIN);
    assert_int_equal(d.end.qual, AG_QUAL_UNCERTAIN);
    assert_int_equal(d.first, D_1971_01_01);
    assert_int_equal(d.last, D_1971_12_31);
    assert_true(ag_date_is_qualified(&d));

    d = parse_ok("1960~");
    assert_int_equal(d.start.qual, AG_QUAL_APPROXIMATE);
    assert_int_equal(d.start.prec, AG_PREC_YEAR);
    assert_int_equal(d.first, D_1960_01_01);

    d = parse_ok("2004-06-11%");
    assert_int_equal(d.start.qual, AG_QUAL_BOTH);
    assert_int_equal(d.start.prec, AG_PREC_DAY);
    assert_int_equal(d.first, D_2004_06_11);
    assert_int_equal(d.last, D_2004_06_11);

    d = parse_ok("1965-04?");
    assert_int_equal(d.start.qual, AG_QUAL_UNCERTAIN);
    assert_int_equal(d.first, D_1965_04_01);
    assert_int_equal(d.last, D_1965_04_30);

    d = parse_ok("196X~");
    assert_int_equal(d.start.qual, AG_QUAL_APPROXIMATE);
    assert_int_equal(d.start.prec, AG_PREC_DECADE);

    d = parse_ok("19XX%");
    assert_int_equal(d.start.qual, AG_QUAL_BOTH);
    assert_int_equal(d.start.prec, AG_PREC_CENTURY);

    d = parse_ok("1971");
    assert_false(ag_date_is_qualified(&d));
}

static void test_qualifiers_endpoints(void **state)
{
    ag_date_t d;
    (void)state;
    d = parse_ok("1984?/2004~");
    assert_int_equal(d.start.qual, AG_QUAL_UNCERTAIN);
    assert_int_equal(d.end.qual, AG_QUAL_APPROXIMATE);
    assert_int_equal(d.first, D_1984_01_01);
    assert_int_equal(d.last, D_2004_12_31);
    assert_true(ag_date_is_qualified(&d));

    d = parse_ok("1984/2004-06-11%");
    assert_int_equal(d.start.qual, AG_QUAL_NONE);
    assert_int_equal(d.end.qual, AG_QUAL_BOTH);
    assert_true(ag_date_is_qualified(&d));

    d = parse_ok("2001-09~/..");
    assert_int_equal(d.start.qual, AG_QUAL_APPROXIMATE);
    assert_int_equal(d.end.qual, AG_QUAL_NONE);

    d = parse_ok("/1985?");
    assert_int_equal(d.start.qual, AG_QUAL_NONE);
    assert_int_equal(d.end.qual, AG_QUAL_UNCERTAIN);

    d = parse_ok("1947-08-14/1991-12-26");
    assert_false(ag_date_is_qualified(&d));
}

static void test_qualifier_errors(void **state)
{
    (void)state;
    /* "?\?" because "??'" is a trigraph in ISO C. */
    expect_error("1971?\?",
                 "unexpected character '?' at position 5 in '1971?\?'");
    expect_error("1971?~", "unexpected character '~' at position 5 in '1971?~'");
    expect_error("?1971", "qualifier '?' without a date in '?1971'");
    expect_error("?", "qualifier '?' without a date in '?'");
    expect_error("?/1985", "qualifier '?' without a date in '?/1985'");
    expect_error("..?/1985", "qualifier '?' on an open end in '..?/1985'");
    expect_error("1985/..~", "qualifier '~' on an open end in '1985/..~'");
    /* Qualifying single components (EDTF level 2) is not supported. */
    expect_error("1965?-04",
                 "unexpected character '-' at position 5 in '1965?-04'");
    expect_error("1965-04?-12",
                 "unexpected character '-' at position 8 in '1965-04?-12'");
}

/* ---- unspecified digits -------------------------------------------- */

static void test_unspecified_digits(void **state)
{
    ag_date_t d;
    (void)state;
    d = parse_ok("196X");
    assert_int_equal(d.start.prec, AG_PREC_DECADE);
    assert_int_equal(d.start.year, 1960);
    assert_int_equal(d.first, D_1960_01_01);
    assert_int_equal(d.last, D_1969_12_31);

    d = parse_ok("19XX");
    assert_int_equal(d.start.prec, AG_PREC_CENTURY);
    assert_int_equal(d.start.year, 1900);
    assert_int_equal(d.first, D_1900_01_01);
    assert_int_equal(d.last, D_1999_12_31);

    expect_range("200X", ag_days_from_civil(2000, 1, 1),
                 ag_days_from_civil(2009, 12, 31));
    expect_range("001X", ag_days_from_civil(10, 1, 1),
                 ag_days_from_civil(19, 12, 31));
    expect_range("01XX", ag_days_from_civil(100, 1, 1),
                 ag_days_from_civil(199, 12, 31));
    expect_range("99XX", ag_days_from_civil(9900, 1, 1), D_9999_12_31);
    expect_range("196X/1985", D_1960_01_01, D_1985_12_31);
    expect_range("19XX/..", D_1900_01_01, AG_DAY_MAX);
}

static void test_unspecified_digit_errors(void **state)
{
    (void)state;
    expect_error("196X-05",
                 "unspecified year digits with a month are not supported "
                 "in '196X-05'");
    expect_error("19XX-05-01",
                 "unspecified year digits with a month are not supported "
                 "in '19XX-05-01'");
    expect_error("1XXX",
                 "unspecified digits 'X' are only supported in the last one "
                 "or two digits of the year in '1XXX'");
    expect_error("XXXX",
                 "unspecified digits 'X' are only supported in the last one "
                 "or two digits of the year in 'XXXX'");
    expect_error("19X5",
                 "unspecified digits 'X' are only supported in the last one "
                 "or two digits of the year in '19X5'");
    expect_error("1965-XX",
                 "unspecified digits 'X' are only supported in the year in "
                 "'1965-XX'");
    expect_error("1965-04-1X",
                 "unspecified digits 'X' are only supported in the year in "
                 "'1965-04-1X'");
    expect_error("000X", "year 0 is not allowed in '000X'");
    expect_error("00XX", "year 0 is not allowed in '00XX'");
    expect_error("196x", "unexpected character 'x' at position 3 in '196x'");
}

/* ---- malformed text ------------------------------------------------ */

static void test_year_errors(void **state)
{
    (void)state;
    expect_error("0000", "year 0 is not allowed in '0000'");
    expect_error("0000-01-01", "year 0 is not allowed in '0000-01-01'");
    expect_error("-1965", "negative years are not supported in '-1965'");
    expect_error("1965/-1970",
                 "negative years are not supported in '1965/-1970'");
    expect_error("19650", "year must have four digits in '19650'");
    expect_error("12345-01-01", "year must have four digits in '12345-01-01'");
    expect_error("965", "year must have four digits in '965'");
    expect_error("65-04", "year must have four digits in '65-04'");
    expect_error("Y170000002",
                 "years beyond 9999 ('Y' years) are not supported in "
                 "'Y170000002'");
}

static void test_month_and_day_errors(void **state)
{
    (void)state;
    expect_error("1965-13", "month 13 out of range in '1965-13'");
    expect_error("1965-00", "month 0 out of range in '1965-00'");
    expect_error("1965-21", "month 21 out of range in '1965-21'");
    expect_error("1965-13-01", "month 13 out of range in '1965-13-01'");
    expect_error("1965-04-00", "day 0 out of range in '1965-04-00'");
    expect_error("1965-4", "month must have two digits in '1965-4'");
    expect_error("1965-004", "month must have two digits in '1965-004'");
    expect_error("1965-04-5", "day must have two digits in '1965-04-5'");
    expect_error("1965-", "missing month after '-' in '1965-'");
    expect_error("1965-04-", "missing day after '-' in '1965-04-'");
}

static void test_garbage(void **state)
{
    (void)state;
    expect_error("", "empty date");
    expect_error("1965-x", "unexpected character 'x' at position 5 in '1965-x'");
    expect_error("abc", "unexpected character 'a' at position 0 in 'abc'");
    expect_error("19a5", "unexpected character 'a' at position 2 in '19a5'");
    expect_error("1965-04-12T10:00",
                 "unexpected character 'T' at position 10 in "
                 "'1965-04-12T10:00'");
    expect_error("1965--04",
                 "unexpected character '-' at position 5 in '1965--04'");
    expect_error("+1965", "unexpected character '+' at position 0 in '+1965'");
    expect_error("1965/1970/1980", "more than one '/' in '1965/1970/1980'");
    expect_error("1965//1970", "more than one '/' in '1965//1970'");
    expect_error("1965.04", "unexpected character '.' at position 4 in '1965.04'");
    expect_error("\xc3\xa9", "unexpected byte 0xc3 at position 0 in '\xc3\xa9'");
}

static void test_whitespace(void **state)
{
    (void)state;
    expect_error(" 1965", "unexpected space at position 0 in ' 1965'");
    expect_error("1965 ", "unexpected space at position 4 in '1965 '");
    expect_error("1965 / 1970",
                 "unexpected space at position 4 in '1965 / 1970'");
    expect_error("1965/ 1970",
                 "unexpected space at position 5 in '1965/ 1970'");
    expect_error("1965-04-\t1",
                 "unexpected byte 0x09 at position 8 in '1965-04-\t1'");
    expect_error("1965\n", "unexpected byte 0x0a at position 4 in '1965\n'");
    expect_error(" ", "unexpected space at position 0 in ' '");
}

/* ---- the error channel --------------------------------------------- */

static void test_error_buffer_handling(void **state)
{
    ag_date_t d, before;
    char small[8];
    char err[64] = "untouched";
    (void)state;

    /* *out stays as it was on error. */
    memset(&d, 0x5a, sizeof d);
    memcpy(&before, &d, sizeof d);
    assert_int_equal(ag_date_parse("1965-13", &d, NULL, 0), -1);
    assert_memory_equal(&d, &before, sizeof d);

    /* No buffer, or a zero-length one, is fine. */
    assert_int_equal(ag_date_parse("1965-13", &d, err, 0), -1);
    assert_string_equal(err, "untouched");

    /* A short buffer gets a cut, terminated message. */
    assert_int_equal(ag_date_parse("1965-13", &d, small, sizeof small), -1);
    assert_string_equal(small, "month 1");

    assert_int_equal(ag_date_parse(NULL, &d, err, sizeof err), -1);
    assert_string_equal(err, "no date given");
}

static void test_long_text_is_quoted_cut(void **state)
{
    char text[200], expected[256];
    (void)state;
    memset(text, '1', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    snprintf(expected, sizeof expected,
             "year must have four digits in '%.64s...'", text);
    expect_error(text, expected);

    /* 64 bytes are quoted whole, 65 are cut. */
    text[64] = '\0';
    snprintf(expected, sizeof expected,
             "year must have four digits in '%s'", text);
    expect_error(text, expected);
    text[64] = '1';
    text[65] = '\0';
    snprintf(expected, sizeof expected,
             "year must have four digits in '%.64s...'", text);
    expect_error(text, expected);
}

/* ---- formatting ---------------------------------------------------- */

static void test_round_trips(void **state)
{
    static const char *const canonical[] = {
        "1965", "1965-04", "1965-04-12", "0001", "9999-12-31",
        "2000-02-29", "1947-08-14/1991-12-26", "1965/1971",
        "1965-05/1965", "2001-09/..", "../1985", "/1985", "1985/",
        "1971?", "1960~", "2004-06-11%", "1984?/2004~", "196X", "19XX",
        "001X", "196X~", "19XX%/2004-06?", "../1985?", "2001-09%/..",
        "/1985~", "1985?/", "196X/1985", "19XX/..",
    };
    (void)state;
    for (size_t i = 0; i < sizeof canonical / sizeof canonical[0]; i++)
        expect_round_trip(canonical[i], canonical[i]);
}

static void test_format_truncates_like_snprintf(void **state)
{
    ag_date_t d = parse_ok("1947-08-14/1991-12-26");
    char buf[8];
    (void)state;
    memset(buf, 'z', sizeof buf);
    assert_int_equal(ag_date_format(&d, buf, sizeof buf), 21);
    assert_string_equal(buf, "1947-08");
    assert_int_equal(ag_date_format(&d, NULL, 0), 21);
    buf[0] = 'z';
    assert_int_equal(ag_date_format(&d, buf, 1), 21);
    assert_int_equal(buf[0], '\0');
}

/* The digits ag_date_format writes by hand are those of printf, for every
 * year 0..9999 at each precision, with months and days 0..99 and each
 * qualifier, and for years it leaves to snprintf (outside 0..9999). */
static void test_format_digits_like_printf(void **state)
{
    static const char quals[4][2] = { "", "?", "~", "%" };
    (void)state;
    for (int year = -20; year <= 10020; year++)
        for (int prec = AG_PREC_NONE; prec <= AG_PREC_DAY; prec++) {
            ag_date_t d;
            char got[64], want[64];
            int md = ((year * 7) % 100 + 100) % 100;
            memset(&d, 0, sizeof d);
            d.start.kind = AG_END_DATE;
            d.start.prec = (uint8_t)prec;
            d.start.year = (int16_t)year;
            d.start.month = (uint8_t)md;
            d.start.day = (uint8_t)(99 - md);
            d.start.qual = (uint8_t)(year & 3);
            d.end = d.start;
            switch (prec) {
            case AG_PREC_CENTURY:
                snprintf(want, sizeof want, "%02dXX", year / 100);
                break;
            case AG_PREC_DECADE:
                snprintf(want, sizeof want, "%03dX", year / 10);
                break;
            case AG_PREC_MONTH:
                snprintf(want, sizeof want, "%04d-%02d", year, md);
                break;
            case AG_PREC_DAY:
                snprintf(want, sizeof want, "%04d-%02d-%02d", year, md, 99 - md);
                break;
            default:
                snprintf(want, sizeof want, "%04d", year);
                break;
            }
            strcat(want, quals[year & 3]);
            ag_date_format(&d, got, sizeof got);
            assert_string_equal(got, want);
        }
}

static void test_format_longest(void **state)
{
    ag_date_t d = parse_ok("9999-12-31%/9999-12-31%");
    char buf[AG_DATE_TEXT_SIZE];
    (void)state;
    assert_int_equal(ag_date_format(&d, buf, sizeof buf),
                     AG_DATE_TEXT_SIZE - 1);
    assert_string_equal(buf, "9999-12-31%/9999-12-31%");
}

static void test_day_format(void **state)
{
    char buf[AG_DAY_TEXT_SIZE];
    (void)state;
    assert_string_equal(ag_day_format(0, buf), "1970-01-01");
    assert_string_equal(ag_day_format(D_1947_08_14, buf), "1947-08-14");
    assert_string_equal(ag_day_format(D_2000_02_29, buf), "2000-02-29");
    assert_string_equal(ag_day_format(D_0001_01_01, buf), "0001-01-01");
    assert_string_equal(ag_day_format(D_9999_12_31, buf), "9999-12-31");
    assert_string_equal(ag_day_format(AG_DAY_MIN, buf), "..");
    assert_string_equal(ag_day_format(AG_DAY_MAX, buf), "..");
    assert_string_equal(ag_day_format(D_0001_01_01 - 1, buf), "?");
    assert_string_equal(ag_day_format(D_9999_12_31 + 1, buf), "?");
    assert_ptr_equal(ag_day_format(0, buf), buf);
}

/* ---- overlap and order --------------------------------------------- */

static bool dates_overlap(const char *a, const char *b)
{
    ag_date_t x = parse_ok(a), y = parse_ok(b);
    bool r = ag_date_overlaps(x.first, x.last, y.first, y.last);
    /* Overlap is symmetric. */
    assert_int_equal(r, ag_date_overlaps(y.first, y.last, x.first, x.last));
    return r;
}

static void test_overlaps(void **state)
{
    (void)state;
    /* Inclusive at both boundaries. */
    assert_true(dates_overlap("1947-08-14/1991-12-26", "1991-12"));
    assert_true(dates_overlap("1991-12", "1991-12-26/2001-09-10"));
    assert_true(dates_overlap("1947-08-14/1991-12-26", "1991-12-26"));
    assert_true(dates_overlap("1947-08-14/1991-12-26", "1947-08-14"));
    assert_false(dates_overlap("1947-08-14/1991-12-26", "1991-12-27"));
    assert_false(dates_overlap("1947-08-14/1991-12-26", "1947-08-13"));
    assert_false(dates_overlap("1947-08-14/1991-12-26",
                               "1991-12-27/2001-09-10"));
    /* Open and unknown ends reach everything on their side. */
    assert_true(dates_overlap("2001-09/..", "9999"));
    assert_true(dates_overlap("../1985", "0001"));
    assert_true(dates_overlap("/1985", "1985-12-31"));
    assert_false(dates_overlap("/1985", "1986-01-01"));
    assert_true(dates_overlap("../1985", "1985/"));
    assert_true(dates_overlap("196X", "1969-12-31"));
    assert_false(dates_overlap("196X", "1970"));
    /* Raw day numbers. */
    assert_true(ag_date_overlaps(5, 5, 5, 5));
    assert_false(ag_date_overlaps(5, 5, 6, 6));
    assert_true(ag_date_overlaps(AG_DAY_MIN, AG_DAY_MAX, 0, 0));
}

static int cmp_for_qsort(const void *a, const void *b)
{
    return ag_date_cmp(a, b);
}

static void test_cmp_sorts(void **state)
{
    static const char *const shuffled[] = {
        "1985/", "1965", "1965?", "/1985", "1965-04", "../1985", "196X",
        "1947-08-14/1991-12-26", "2001-09/..", "1965/1971", "1965-01-01",
    };
    static const char *const sorted[] = {
        "../1985", /* open start first; '.' sorts before '/' */
        "/1985",
        "1947-08-14/1991-12-26",
        "196X",
        "1965-01-01", /* same first day: shorter span first */
        "1965",       /* same span: by text */
        "1965?",
        "1965/1971",
        "1965-04",
        "1985/",
        "2001-09/..",
    };
    enum { N = sizeof shuffled / sizeof shuffled[0] };
    ag_date_t dates[N];
    char buf[AG_DATE_TEXT_SIZE];
    (void)state;
    assert_int_equal(N, sizeof sorted / sizeof sorted[0]);
    for (size_t i = 0; i < N; i++)
        dates[i] = parse_ok(shuffled[i]);
    qsort(dates, N, sizeof dates[0], cmp_for_qsort);
    for (size_t i = 0; i < N; i++) {
        ag_date_format(&dates[i], buf, sizeof buf);
        assert_string_equal(buf, sorted[i]);
    }
}

static void test_cmp_signs(void **state)
{
    ag_date_t a = parse_ok("1965"), b = parse_ok("1966"), c = parse_ok("1965");
    (void)state;
    assert_true(ag_date_cmp(&a, &b) < 0);
    assert_true(ag_date_cmp(&b, &a) > 0);
    assert_int_equal(ag_date_cmp(&a, &c), 0);
}

/* What a date written for people means (the exact messages are in
 * tests/cli/first_hour.sh): the EDTF offered, none for impossible dates or
 * texts of no known form, and a hint cut to fit a small buffer. */
static void test_suggest(void **state)
{
    static const struct { const char *text, *want; } cases[] = {
        { "October 22nd 1962", "write 1962-10-22 (" },
        { "Oct. 1962", "write 1962-10 (" },
        { "1962 to 1963", "write 1962/1963 (" },
        { "1962\xe2\x80\x94" "63", "write 1962/1963 (" },
        { "1960's", "write 196X (" },
        { "ca 1965", "write 1965~ (" },
        { "c. 1960s", "write 196X~ (" },
        { "mid-1970s", "write 197X (" },
        { "10/1962", "write 1962-10 (" },
        { "04/04/1962", "write 1962-04-04 (" },
    };
    static const char *const none[] = {
        "", "sometime", "31/02/1962", "1963-1962", "February 30, 1962", "13/13/1962",
        "c.", "~", "1965s", "early 1975s", "1 2 3 4 5 6 7 8 9 10 11 12 13 14",
        "999999999999/1/1", "\xe2\x80", "October", "1962/1",
    };
    char buf[256], tiny[8];
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_true(ag_i_date_suggest(cases[i].text, buf, sizeof buf));
        if (strncmp(buf, cases[i].want, strlen(cases[i].want)) != 0)
            fail_msg("'%s': got '%s', want '%s...'", cases[i].text, buf, cases[i].want);
    }
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        if (ag_i_date_suggest(none[i], buf, sizeof buf))
            fail_msg("'%s': no suggestion expected, got '%s'", none[i], buf);
    assert_false(ag_i_date_suggest(NULL, buf, sizeof buf));
    assert_true(ag_i_date_suggest("1960s", tiny, sizeof tiny));
    assert_string_equal(tiny, "write 1");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_civil_constants),
        cmocka_unit_test(test_civil_from_days_constants),
        cmocka_unit_test(test_civil_round_trip_all_days),
        cmocka_unit_test(test_leap_years_and_month_lengths),
        cmocka_unit_test(test_year),
        cmocka_unit_test(test_month),
        cmocka_unit_test(test_day),
        cmocka_unit_test(test_leap_days),
        cmocka_unit_test(test_month_lengths),
        cmocka_unit_test(test_interval),
        cmocka_unit_test(test_interval_order),
        cmocka_unit_test(test_open_ends),
        cmocka_unit_test(test_unknown_ends),
        cmocka_unit_test(test_no_date_at_all),
        cmocka_unit_test(test_qualifiers_single),
        cmocka_unit_test(test_qualifiers_endpoints),
        cmocka_unit_test(test_qualifier_errors),
        cmocka_unit_test(test_unspecified_digits),
        cmocka_unit_test(test_unspecified_digit_errors),
        cmocka_unit_test(test_year_errors),
        cmocka_unit_test(test_month_and_day_errors),
        cmocka_unit_test(test_garbage),
        cmocka_unit_test(test_whitespace),
        cmocka_unit_test(test_error_buffer_handling),
        cmocka_unit_test(test_long_text_is_quoted_cut),
        cmocka_unit_test(test_round_trips),
        cmocka_unit_test(test_format_truncates_like_snprintf),
        cmocka_unit_test(test_format_longest),
        cmocka_unit_test(test_day_format),
        cmocka_unit_test(test_overlaps),
        cmocka_unit_test(test_cmp_sorts),
        cmocka_unit_test(test_cmp_signs),
        cmocka_unit_test(test_suggest),
        cmocka_unit_test(test_format_digits_like_printf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
