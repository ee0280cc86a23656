/*
 * date.c: the EDTF subset described in date.h.
 *
 * The parser is hand-written rather than built on sscanf or strptime: those
 * accept signs, spaces and short fields silently, and we want to reject
 * every such text with a message that says what is wrong and where.
 */
#include "actorgraph/date.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Longest stretch of the input quoted in a message, so that a runaway cell
 * does not drown the message. */
#define QUOTE_MAX 64

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

/* The text being parsed and where its messages go. */
typedef struct {
    const char *text;
    size_t len;
    char *err;
    size_t errlen;
} parser_t;

bool ag_is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int ag_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && ag_is_leap_year(year))
        return 29;
    return days[month - 1];
}

/*
 * Howard Hinnant's days_from_civil / civil_from_days: exact for the whole
 * proleptic Gregorian calendar without tables or loops. The arithmetic is
 * done in 64 bits so that AG_DAY_MIN/AG_DAY_MAX and large years cannot
 * overflow the intermediate sums.
 */
int32_t ag_days_from_civil(int year, int month, int day)
{
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

void ag_civil_from_days(int32_t days, int *year, int *month, int *day)
{
    int64_t z = (int64_t)days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    *year = (int)(yoe + era * 400 + (m <= 2));
    *month = (int)m;
    *day = (int)d;
}

bool ag_date_overlaps(int32_t a_first, int32_t a_last, int32_t b_first,
                      int32_t b_last)
{
    return a_first <= b_last && b_first <= a_last;
}

bool ag_date_is_qualified(const ag_date_t *d)
{
    return (d->start.qual | d->end.qual) != 0;
}

const char *ag_day_format(int32_t day, char *buf)
{
    int y, m, d;
    if (day == AG_DAY_MIN || day == AG_DAY_MAX) {
        memcpy(buf, "..", 3);
        return buf;
    }
    ag_civil_from_days(day, &y, &m, &d);
    if (y < 1 || y > 9999) {
        memcpy(buf, "?", 2);
        return buf;
    }
    /* The ranges are checked, but GCC cannot see it and would warn about
     * possible truncation; the casts bound the widths for it. */
    snprintf(buf, AG_DAY_TEXT_SIZE, "%04u-%02u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u, (unsigned)d % 100u);
    return buf;
}

/* ---- formatting ---------------------------------------------------- */

/* Appends to buf like snprintf, keeping count of the full length. */
static void put(char *buf, size_t size, size_t *len, const char *s)
{
    size_t n = strlen(s);
    if (*len < size) {
        size_t room = size - 1 - *len;
        memcpy(buf + *len, s, n < room ? n : room);
    }
    *len += n;
}

/* Writes v (below 10^width) as width digits at t; returns the end. */
static char *put_digits(char *t, unsigned v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        t[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return t + width;
}

static void put_point(char *buf, size_t size, size_t *len,
                      const ag_date_point_t *p)
{
    static const char quals[4][2] = {"", "?", "~", "%"};
    char tmp[32];

    switch ((ag_end_kind_t)p->kind) {
    case AG_END_OPEN:
        put(buf, size, len, "..");
        return;
    case AG_END_UNKNOWN:
        return;
    case AG_END_DATE:
        break;
    }
    /* The usual case without snprintf, which was a tenth of loading a
     * million relations: digits written out, same text. */
    if (p->year >= 0 && p->year <= 9999 && p->month <= 99 && p->day <= 99) {
        char *t = tmp;
        switch ((ag_date_prec_t)p->prec) {
        case AG_PREC_CENTURY:
            t = put_digits(t, (unsigned)p->year / 100, 2);
            *t++ = 'X';
            *t++ = 'X';
            break;
        case AG_PREC_DECADE:
            t = put_digits(t, (unsigned)p->year / 10, 3);
            *t++ = 'X';
            break;
        case AG_PREC_DAY:
        case AG_PREC_MONTH:
            t = put_digits(t, (unsigned)p->year, 4);
            *t++ = '-';
            t = put_digits(t, p->month, 2);
            if (p->prec == AG_PREC_DAY) {
                *t++ = '-';
                t = put_digits(t, p->day, 2);
            }
            break;
        case AG_PREC_YEAR:
        case AG_PREC_NONE:
        default:
            t = put_digits(t, (unsigned)p->year, 4);
            break;
        }
        *t = '\0';
        put(buf, size, len, tmp);
        put(buf, size, len, quals[p->qual & AG_QUAL_BOTH]);
        return;
    }
    switch ((ag_date_prec_t)p->prec) {
    case AG_PREC_CENTURY:
        snprintf(tmp, sizeof tmp, "%02dXX", p->year / 100);
        break;
    case AG_PREC_DECADE:
        snprintf(tmp, sizeof tmp, "%03dX", p->year / 10);
        break;
    case AG_PREC_MONTH:
        snprintf(tmp, sizeof tmp, "%04d-%02d", p->year, p->month);
        break;
    case AG_PREC_DAY:
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", p->year, p->month, p->day);
        break;
    case AG_PREC_YEAR:
    case AG_PREC_NONE:
    default:
        snprintf(tmp, sizeof tmp, "%04d", p->year);
        break;
    }
    put(buf, size, len, tmp);
    put(buf, size, len, quals[p->qual & AG_QUAL_BOTH]);
}

size_t ag_date_format(const ag_date_t *d, char *buf, size_t size)
{
    size_t len = 0;
    put_point(buf, size, &len, &d->start);
    if (d->interval) {
        put(buf, size, &len, "/");
        put_point(buf, size, &len, &d->end);
    }
    if (size > 0)
        buf[len < size ? len : size - 1] = '\0';
    return len;
}

int ag_date_cmp(const ag_date_t *a, const ag_date_t *b)
{
    char ta[AG_DATE_TEXT_SIZE], tb[AG_DATE_TEXT_SIZE];
    if (a->first != b->first)
        return a->first < b->first ? -1 : 1;
    if (a->last != b->last)
        return a->last < b->last ? -1 : 1;
    ag_date_format(a, ta, sizeof ta);
    ag_date_format(b, tb, sizeof tb);
    return strcmp(ta, tb);
}

/* ---- parsing ------------------------------------------------------- */

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int fail(const parser_t *ps, const char *fmt, ...)
{
    va_list ap;
    if (ps->err == NULL || ps->errlen == 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(ps->err, ps->errlen, fmt, ap);
    va_end(ap);
    return -1;
}

/* "'<text>'" in messages, cut at QUOTE_MAX bytes with "..." after. */
#define QFMT "'%.*s%s'"
#define QARG(ps)                                                     \
    (int)((ps)->len < QUOTE_MAX ? (ps)->len : QUOTE_MAX), (ps)->text, \
        ((ps)->len > QUOTE_MAX ? "..." : "")

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static unsigned qual_of(char c)
{
    switch (c) {
    case '?': return AG_QUAL_UNCERTAIN;
    case '~': return AG_QUAL_APPROXIMATE;
    case '%': return AG_QUAL_BOTH;
    default: return AG_QUAL_NONE;
    }
}

static int unexpected(const parser_t *ps, size_t pos)
{
    unsigned char c = (unsigned char)ps->text[pos];
    if (c >= 0x21 && c <= 0x7e)
        return fail(ps, "unexpected character '%c' at position %zu in " QFMT,
                    c, pos, QARG(ps));
    /* Spaces, tabs and bytes of UTF-8 would be invisible or garbled. */
    if (c == ' ')
        return fail(ps, "unexpected space at position %zu in " QFMT, pos,
                    QARG(ps));
    return fail(ps, "unexpected byte 0x%02x at position %zu in " QFMT, c,
                pos, QARG(ps));
}

/* Length of the run of characters in text[pos..end) that are digits (or
 * digits and 'X' when allow_x). */
static size_t run_length(const char *text, size_t pos, size_t end,
                         bool allow_x)
{
    size_t i = pos;
    while (i < end && (is_digit(text[i]) || (allow_x && text[i] == 'X')))
        i++;
    return i - pos;
}

static int digits_value(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/*
 * Parses the month or day field that starts at *pos (just after its '-')
 * into *value. what is "month" or "day" for messages.
 */
static int parse_field(const parser_t *ps, size_t *pos, size_t end,
                       const char *what, int *value)
{
    size_t n = run_length(ps->text, *pos, end, true);
    if (memchr(ps->text + *pos, 'X', n) != NULL)
        return fail(ps,
                    "unspecified digits 'X' are only supported in the year "
                    "in " QFMT,
                    QARG(ps));
    if (n == 0) {
        if (*pos < end)
            return unexpected(ps, *pos);
        return fail(ps, "missing %s after '-' in " QFMT, what, QARG(ps));
    }
    if (n != 2)
        return fail(ps, "%s must have two digits in " QFMT, what, QARG(ps));
    *value = digits_value(ps->text + *pos, 2);
    *pos += 2;
    return 0;
}

/*
 * Parses the date in text[pos..end) (non-empty, not "..") into *p.
 */
static int parse_date(const parser_t *ps, size_t pos, size_t end,
                      ag_date_point_t *p)
{
    const char *t = ps->text;
    size_t start = pos, n, nx = 0;
    int y_first, y_last, month = 0, day = 0;
    ag_date_prec_t prec;
    unsigned qual = AG_QUAL_NONE;

    if (qual_of(t[pos]) != AG_QUAL_NONE)
        return fail(ps, "qualifier '%c' without a date in " QFMT, t[pos],
                    QARG(ps));
    if (t[pos] == '-' && pos + 1 < end && is_digit(t[pos + 1]))
        return fail(ps, "negative years are not supported in " QFMT,
                    QARG(ps));
    if (t[pos] == 'Y' && pos + 1 < end &&
        (is_digit(t[pos + 1]) || t[pos + 1] == '-'))
        return fail(ps,
                    "years beyond 9999 ('Y' years) are not supported in " QFMT,
                    QARG(ps));

    /* The year: four characters, digits or a trailing 'X' or 'XX'. */
    n = run_length(t, pos, end, true);
    if (n == 0)
        return unexpected(ps, pos);
    if (n != 4) {
        if (n < 4 && pos + n < end && t[pos + n] != '-' &&
            qual_of(t[pos + n]) == AG_QUAL_NONE)
            return unexpected(ps, pos + n);
        return fail(ps, "year must have four digits in " QFMT, QARG(ps));
    }
    while (nx < 4 && t[pos + 3 - nx] == 'X')
        nx++;
    if (memchr(t + pos, 'X', 4 - nx) != NULL || nx > 2)
        return fail(ps,
                    "unspecified digits 'X' are only supported in the last "
                    "one or two digits of the year in " QFMT,
                    QARG(ps));
    y_first = digits_value(t + pos, 4 - nx);
    y_last = y_first;
    for (size_t i = 0; i < nx; i++) {
        y_first *= 10;
        y_last = y_last * 10 + 9;
    }
    if (y_first == 0)
        return fail(ps, "year 0 is not allowed in " QFMT, QARG(ps));
    pos += 4;
    prec = nx == 2 ? AG_PREC_CENTURY : nx == 1 ? AG_PREC_DECADE : AG_PREC_YEAR;

    if (pos < end && t[pos] == '-') {
        if (nx > 0)
            return fail(ps,
                        "unspecified year digits with a month are not "
                        "supported in " QFMT,
                        QARG(ps));
        pos++;
        if (parse_field(ps, &pos, end, "month", &month) != 0)
            return -1;
        if (month < 1 || month > 12)
            return fail(ps, "month %d out of range in " QFMT, month,
                        QARG(ps));
        prec = AG_PREC_MONTH;
        if (pos < end && t[pos] == '-') {
            int mdays = ag_days_in_month(y_first, month);
            pos++;
            if (parse_field(ps, &pos, end, "day", &day) != 0)
                return -1;
            if (day == 0)
                return fail(ps, "day 0 out of range in " QFMT, QARG(ps));
            if (day > mdays)
                return fail(ps, "impossible date '%.*s': %s %d has %d days",
                            (int)(pos - start), t + start,
                            month_names[month - 1], y_first, mdays);
            prec = AG_PREC_DAY;
        }
    }

    if (pos < end && (qual = qual_of(t[pos])) != AG_QUAL_NONE)
        pos++;
    if (pos < end)
        return unexpected(ps, pos);

    p->kind = AG_END_DATE;
    p->prec = (uint8_t)prec;
    p->year = (int16_t)y_first;
    p->month = (uint8_t)month;
    p->day = (uint8_t)day;
    p->qual = (uint8_t)qual;
    p->first = ag_days_from_civil(y_first, month ? month : 1, day ? day : 1);
    p->last = ag_days_from_civil(
        y_last, month ? month : 12,
        day ? day : ag_days_in_month(y_last, month ? month : 12));
    return 0;
}

/*
 * Parses one end of an interval, text[pos..end), which may also be ".." or
 * empty. is_start chooses the day an open or unknown end stands for.
 */
static int parse_end(const parser_t *ps, size_t pos, size_t end,
                     bool is_start, ag_date_point_t *p)
{
    const char *t = ps->text;
    if (pos == end || (end - pos == 2 && t[pos] == '.' && t[pos + 1] == '.')) {
        memset(p, 0, sizeof *p);
        p->kind = pos == end ? AG_END_UNKNOWN : AG_END_OPEN;
        p->prec = AG_PREC_NONE;
        p->first = p->last = is_start ? AG_DAY_MIN : AG_DAY_MAX;
        return 0;
    }
    if (end - pos > 2 && t[pos] == '.' && t[pos + 1] == '.') {
        if (qual_of(t[pos + 2]) != AG_QUAL_NONE)
            return fail(ps, "qualifier '%c' on an open end in " QFMT,
                        t[pos + 2], QARG(ps));
        return unexpected(ps, pos + 2);
    }
    return parse_date(ps, pos, end, p);
}

int ag_date_parse(const char *text, ag_date_t *out, char *err, size_t errlen)
{
    parser_t ps = {text, 0, err, errlen};
    ag_date_t d;
    const char *slash, *slash2;

    if (text == NULL)
        return fail(&ps, "no date given");
    ps.len = strlen(text);
    if (ps.len == 0)
        return fail(&ps, "empty date");
    memset(&d, 0, sizeof d);

    slash = strchr(text, '/');
    if (slash == NULL) {
        if (strcmp(text, "..") == 0)
            return fail(&ps,
                        "open end '..' is only allowed in an interval "
                        "in " QFMT,
                        QARG(&ps));
        if (parse_date(&ps, 0, ps.len, &d.start) != 0)
            return -1;
        d.end = d.start;
    } else {
        size_t cut = (size_t)(slash - text);
        slash2 = strchr(slash + 1, '/');
        if (slash2 != NULL)
            return fail(&ps, "more than one '/' in " QFMT, QARG(&ps));
        if (parse_end(&ps, 0, cut, true, &d.start) != 0 ||
            parse_end(&ps, cut + 1, ps.len, false, &d.end) != 0)
            return -1;
        if (d.start.kind != AG_END_DATE && d.end.kind != AG_END_DATE)
            return fail(&ps, "interval has no date at either end in " QFMT,
                        QARG(&ps));
        if (d.start.kind == AG_END_DATE && d.end.kind == AG_END_DATE &&
            d.end.last < d.start.first)
            return fail(&ps, "interval ends before it starts in " QFMT,
                        QARG(&ps));
        d.interval = true;
    }
    d.first = d.start.first;
    d.last = d.end.last;
    *out = d;
    return 0;
}
