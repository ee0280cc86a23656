/*
 * date.h: dates in the Extended Date/Time Format (EDTF, Library of Congress;
 * ISO 8601-2), the subset that a dataset of actors and relations needs.
 *
 * Accepted, in the proleptic Gregorian calendar, years 0001..9999:
 *   1965            1965-04            1965-04-12        a single date
 *   1965/1970       1965-04/1970-01-12                  an interval A/B
 *   2001-09/..      ../1985                              open end ("..")
 *   1985/           /1985                                unknown end (empty)
 *   1971?  1960~  2004-06-11%  1984?/2004~   qualifiers: uncertain,
 *                                            approximate, both; on a date or
 *                                            on each end of an interval
 *   196X   19XX                              unspecified last digit(s) of
 *                                            the year: a decade, a century
 *
 * Rejected, each with a message: year 0 (also 000X and 00XX, which would
 * include it), negative years, years with other than four digits, X
 * anywhere but the last one or two digits of a year, X with a month
 * (196X-05), months outside 1..12 (so no EDTF seasons), impossible days,
 * time of day, any whitespace (the caller trims the ends), ".." alone,
 * "/" alone and intervals with no date at either end ("../..", "/..").
 *
 * Each date stands for the closed range of days it covers, as day numbers
 * (days since 1970-01-01, negative before): 1965-04 covers 1965-04-01 ..
 * 1965-04-30, 196X covers 1960-01-01 .. 1969-12-31, and an interval A/B
 * covers A's first day .. B's last day. An open or unknown start covers
 * from AG_DAY_MIN, an open or unknown end up to AG_DAY_MAX, so that slicing
 * treats both as unbounded; they are kept apart only for printing.
 *
 * An interval is an error only when its end finishes before its start
 * begins (B's last day < A's first day): 1965/1964 is an error, while
 * 1965-05/1965 and 1965/1965-01 are accepted because the two ends share
 * days; such an interval still covers A's first .. B's last day.
 *
 * Every function here is pure: no allocation, no global state, thread-safe.
 */
#ifndef ACTORGRAPH_DATE_H
#define ACTORGRAPH_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Day numbers standing for "no bound" at the start and at the end. */
#define AG_DAY_MIN INT32_MIN
#define AG_DAY_MAX INT32_MAX

/* Buffer size for ag_day_format: "YYYY-MM-DD" and its NUL. */
#define AG_DAY_TEXT_SIZE 11
/* Buffer size that always holds ag_date_format's output for a date from
 * ag_date_parse: "9999-12-31%/9999-12-31%" and its NUL. */
#define AG_DATE_TEXT_SIZE 24

/* How much of a date was given; ordered from least to most precise. */
typedef enum {
    AG_PREC_NONE,    /* an open or unknown end: no date at all */
    AG_PREC_CENTURY, /* 19XX */
    AG_PREC_DECADE,  /* 196X */
    AG_PREC_YEAR,    /* 1965 */
    AG_PREC_MONTH,   /* 1965-04 */
    AG_PREC_DAY      /* 1965-04-12 */
} ag_date_prec_t;

/* Qualifier bits, as written after a date: '?' uncertain, '~' approximate,
 * '%' both. */
enum {
    AG_QUAL_NONE = 0,
    AG_QUAL_UNCERTAIN = 1,
    AG_QUAL_APPROXIMATE = 2,
    AG_QUAL_BOTH = AG_QUAL_UNCERTAIN | AG_QUAL_APPROXIMATE
};

/* What stands at one end of a date. */
typedef enum {
    AG_END_DATE,    /* a date */
    AG_END_OPEN,    /* "..": known to continue without bound */
    AG_END_UNKNOWN  /* nothing written: the bound is not known */
} ag_end_kind_t;

/*
 * One date, or one end of an interval. The fields are narrow (16 bytes in
 * all) because every relation holds two of them.
 *   first, last: the first and last day covered (inclusive). An open or
 *          unknown start has both AG_DAY_MIN, an open or unknown end both
 *          AG_DAY_MAX.
 *   year:  1..9999; for 196X and 19XX the first year covered (1960, 1900);
 *          0 when there is no date.
 *   kind:  an ag_end_kind_t: a date, or an open or unknown end.
 *   prec:  an ag_date_prec_t: how much of the date was given;
 *          AG_PREC_NONE unless kind is AG_END_DATE.
 *   month: 1..12, or 0 when not given.
 *   day:   1..31, or 0 when not given.
 *   qual:  AG_QUAL_* bits; always AG_QUAL_NONE for an open or unknown end.
 */
typedef struct {
    int32_t first, last;
    int16_t year;
    uint8_t kind;
    uint8_t prec;
    uint8_t month, day;
    uint8_t qual;
} ag_date_point_t;

/*
 * A parsed date: a single date or an interval (44 bytes).
 *   start, end: the two ends of an interval; for a single date both hold
 *               the same date, so that callers may read either.
 *   first:      start.first, the first day covered (AG_DAY_MIN if open).
 *   last:       end.last, the last day covered (AG_DAY_MAX if open).
 *   interval:   true when written as A/B.
 */
typedef struct {
    ag_date_point_t start, end;
    int32_t first, last;
    bool interval;
} ag_date_t;

/*
 * Parses EDTF text (already trimmed) into *out.
 * Returns 0 on success. On error returns -1, leaves *out untouched and
 * writes a message for people into err (err may be NULL or errlen 0;
 * a long message is cut to fit), lower-case with no full stop, quoting the
 * text, e.g.
 *   empty date
 *   impossible date '1965-02-30': February 1965 has 28 days
 *   month 13 out of range in '1965-13'
 *   interval ends before it starts in '1965/1964'
 *   year 0 is not allowed in '0000'
 *   unexpected character 'x' at position 5 in '1965-x'
 * Positions count bytes from 0. A NULL text is an error ("no date given").
 */
int ag_date_parse(const char *text, ag_date_t *out, char *err, size_t errlen);

/*
 * Writes the canonical EDTF text of d into buf, like snprintf: at most
 * size - 1 characters and a NUL (nothing when size is 0). Returns the length
 * of the full text, not counting the NUL; it is below AG_DATE_TEXT_SIZE for
 * any date from ag_date_parse. Canonical means as written, with '%' for
 * "uncertain and approximate" and a single date without a slash; parsing
 * the text gives d back. Can't fail.
 */
size_t ag_date_format(const ag_date_t *d, char *buf, size_t size);

/*
 * Writes day as "YYYY-MM-DD" into buf (AG_DAY_TEXT_SIZE bytes) and returns
 * buf, for use in printf arguments. AG_DAY_MIN and AG_DAY_MAX print as "..",
 * days outside 0001-01-01 .. 9999-12-31 as "?". Can't fail.
 */
const char *ag_day_format(int32_t day, char *buf);

/* True for leap years of the proleptic Gregorian calendar (2000 and 2012
 * are, 1900 and 2013 are not). Can't fail. */
bool ag_is_leap_year(int year);

/* The number of days in a month (28..31), or 0 when month is not 1..12.
 * Can't fail. */
int ag_days_in_month(int year, int month);

/*
 * The day number (days since 1970-01-01) of a proleptic Gregorian date.
 * Can't fail for a valid date with |year| below 5,000,000; for other input
 * the result is meaningless.
 */
int32_t ag_days_from_civil(int year, int month, int day);

/* The inverse of ag_days_from_civil, for any day number; y, m, d must not
 * be NULL. Can't fail. */
void ag_civil_from_days(int32_t days, int *year, int *month, int *day);

/* True when the inclusive day ranges a_first..a_last and b_first..b_last
 * share at least one day. Can't fail. */
bool ag_date_overlaps(int32_t a_first, int32_t a_last, int32_t b_first,
                      int32_t b_last);

/* True when either end of d carries '?', '~' or '%'. Can't fail. */
bool ag_date_is_qualified(const ag_date_t *d);

/*
 * Orders dates for listing: by first day (open and unknown starts first),
 * then by last day (open and unknown ends last), then by canonical text, so
 * only dates with the same text compare equal. Returns <0, 0 or >0 like
 * strcmp; a and b must not be NULL. Can't fail.
 */
int ag_date_cmp(const ag_date_t *a, const ag_date_t *b);

#ifdef __cplusplus
}
#endif

#endif
