/*
 * date_suggest.c: the EDTF that a date written for people most likely
 * means (see date_suggest.h), so that a rejected date gets an answer
 * instead of a parser's complaint.
 *
 * The text is cut into tokens: numbers, words (lower-cased, a trailing '.'
 * kept out, ordinal endings after a number dropped) and single separator
 * characters; en and em dashes and the minus sign count as '-'. The
 * sequence of token kinds is a "shape" ("N/N/N" for 10/22/1962, "WN" for
 * October 1962) that the forms below are matched against. Every date
 * suggested is checked with ag_date_parse before it is offered.
 */
#include "core/date_suggest.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/date.h"

#define MAX_TOKENS 12
#define WORD_MAX 16

typedef struct {
    char kind;            /* 'N' number, 'W' word, else the separator itself */
    int value;            /* a number's value */
    int digits;           /* a number's digit count */
    char word[WORD_MAX];  /* a word, lower case */
} token_t;

typedef struct {
    token_t t[MAX_TOKENS];
    int n;
    char shape[MAX_TOKENS + 1];
} tokens_t;

static const char *const months[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* The length of a dash written as UTF-8 at s (en dash, em dash, minus
 * sign), or 0. */
static size_t dash_len(const char *s)
{
    if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
        return 3;
    if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x88 &&
        (unsigned char)s[2] == 0x92)
        return 3;
    return 0;
}

static bool tokenize(const char *s, tokens_t *tk)
{
    tk->n = 0;
    while (*s) {
        token_t *t = &tk->t[tk->n];
        size_t d;
        if (*s == ' ' || *s == '\t') {
            s++;
            continue;
        }
        if (tk->n == MAX_TOKENS)
            return false;
        memset(t, 0, sizeof *t);
        if (is_digit(*s)) {
            t->kind = 'N';
            while (is_digit(*s)) {
                if (t->digits++ < 8)
                    t->value = t->value * 10 + (*s - '0');
                s++;
            }
        } else if (is_alpha(*s)) {
            size_t len = 0;
            t->kind = 'W';
            while (is_alpha(*s)) {
                if (len + 1 < WORD_MAX)
                    t->word[len++] = (char)(*s | 0x20);
                s++;
            }
            if (*s == '.')
                s++;
            /* 22nd, 1st: the ending belongs to the number before it. */
            if (tk->n > 0 && tk->t[tk->n - 1].kind == 'N' &&
                (!strcmp(t->word, "st") || !strcmp(t->word, "nd") ||
                 !strcmp(t->word, "rd") || !strcmp(t->word, "th")))
                continue;
        } else if ((d = dash_len(s)) > 0) {
            t->kind = '-';
            s += d;
        } else if (strchr("/-.,~?'", *s)) {
            t->kind = *s++;
        } else {
            return false;
        }
        tk->shape[tk->n++] = t->kind;
    }
    tk->shape[tk->n] = '\0';
    return tk->n > 0;
}

static int month_of(const char *w)
{
    size_t n = strlen(w);
    if (n < 3)
        return 0;
    for (int m = 0; m < 12; m++)
        if (strncmp(months[m], w, n) == 0 || (m == 8 && !strcmp(w, "sept")))
            return m + 1;
    return 0;
}

static bool is_year(const token_t *t) { return t->kind == 'N' && t->digits == 4 && t->value > 0; }

static bool valid(const char *date)
{
    ag_date_t d;
    return ag_date_parse(date, &d, NULL, 0) == 0;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static bool say(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return true;
}

/* A year-month-day date written with its parts in another order. */
static bool day_month(const token_t *a, const token_t *b, const token_t *y, char *date,
                      size_t dn, char *buf, size_t n)
{
    char other[16];
    if (a->digits > 2 || b->digits > 2 || !is_year(y))
        return false;
    if (a->value > 12 && b->value >= 1 && b->value <= 12) {
        snprintf(date, dn, "%04d-%02d-%02d", y->value, b->value, a->value);
        return valid(date) &&
               say(buf, n, "write %s (EDTF is year-month-day; %d is no month, so this is "
                   "day/month)", date, a->value);
    }
    if (b->value > 12 && a->value >= 1 && a->value <= 12) {
        snprintf(date, dn, "%04d-%02d-%02d", y->value, a->value, b->value);
        return valid(date) &&
               say(buf, n, "write %s (EDTF is year-month-day; %d is no month, so this is "
                   "month/day)", date, b->value);
    }
    if (a->value < 1 || a->value > 12 || b->value < 1 || b->value > 12)
        return false;
    snprintf(date, dn, "%04d-%02d-%02d", y->value, a->value, b->value);
    if (a->value == b->value)
        return say(buf, n, "write %s (EDTF is year-month-day)", date);
    snprintf(other, sizeof other, "%04d-%02d-%02d", y->value, b->value, a->value);
    /* Ambiguous: no single date to offer, so none for a qualifier. */
    *date = '\0';
    return say(buf, n,
               "write %04d-%02d-%02d if it is month/day (%d %s %d) or %s if it is day/month "
               "(%d %s %d): EDTF is year-month-day",
               y->value, a->value, b->value, b->value, month_names[a->value - 1], y->value,
               other, a->value, month_names[b->value - 1], y->value);
}

/* The forms without a leading qualifier. date gets the suggested EDTF, or
 * "" when the hint offers more than one. */
static bool core(const tokens_t *tk, int from, char *date, size_t dn, char *buf, size_t n)
{
    const token_t *t = tk->t + from;
    const char *sh = tk->shape + from;
    int m;

    /* A year alone (after a qualifier). */
    if (!strcmp(sh, "N") && is_year(&t[0])) {
        snprintf(date, dn, "%04d", t[0].value);
        return valid(date) && say(buf, n, "write %s", date);
    }
    /* 1962-1963, 1962–63, 1962/63, 1962 to 1963. */
    if ((!strcmp(sh, "N-N") || !strcmp(sh, "N/N") ||
         (!strcmp(sh, "NWN") && (!strcmp(t[1].word, "to") || !strcmp(t[1].word, "until") ||
                                 !strcmp(t[1].word, "till") || !strcmp(t[1].word, "through")))) &&
        is_year(&t[0]) && (t[2].digits == 4 || t[2].digits == 2)) {
        int end = t[2].digits == 4 ? t[2].value : t[0].value / 100 * 100 + t[2].value;
        if (end < t[0].value)
            return false;
        snprintf(date, dn, "%04d/%04d", t[0].value, end);
        return valid(date) &&
               say(buf, n, "write %s (an interval takes '/' between its two years)", date);
    }
    /* 10/22/1962, 22.10.1962, 22-10-1962. */
    if ((!strcmp(sh, "N/N/N") || !strcmp(sh, "N.N.N") || !strcmp(sh, "N-N-N")) &&
        t[0].digits <= 2)
        return day_month(&t[0], &t[2], &t[4], date, dn, buf, n);
    /* 1962/10/22, 1962.10.22, 1962-10-5. */
    if ((!strcmp(sh, "N/N/N") || !strcmp(sh, "N.N.N") || !strcmp(sh, "N-N-N")) &&
        is_year(&t[0]) && t[2].digits <= 2 && t[4].digits <= 2) {
        snprintf(date, dn, "%04d-%02d-%02d", t[0].value, t[2].value, t[4].value);
        return valid(date) &&
               say(buf, n, "write %s (EDTF is year-month-day, with '-' and two-digit month "
                   "and day)", date);
    }
    /* 10/1962, 10.1962: month and year. */
    if ((!strcmp(sh, "N/N") || !strcmp(sh, "N.N") || !strcmp(sh, "N-N")) &&
        t[0].digits <= 2 && is_year(&t[2]) && t[0].value >= 1 && t[0].value <= 12) {
        snprintf(date, dn, "%04d-%02d", t[2].value, t[0].value);
        return valid(date) && say(buf, n, "write %s (EDTF is year-month)", date);
    }
    /* October 1962, Oct. 1962. */
    if ((!strcmp(sh, "WN") || !strcmp(sh, "W,N")) && (m = month_of(t[0].word)) &&
        is_year(&t[sh[1] == ',' ? 2 : 1])) {
        snprintf(date, dn, "%04d-%02d", t[sh[1] == ',' ? 2 : 1].value, m);
        return valid(date) && say(buf, n, "write %s (EDTF is year-month, in digits)", date);
    }
    /* 22 October 1962. */
    if (!strcmp(sh, "NWN") && (m = month_of(t[1].word)) && t[0].digits <= 2 &&
        is_year(&t[2])) {
        snprintf(date, dn, "%04d-%02d-%02d", t[2].value, m, t[0].value);
        return valid(date) &&
               say(buf, n, "write %s (EDTF is year-month-day, in digits)", date);
    }
    /* October 22, 1962 and October 22 1962. */
    if ((!strcmp(sh, "WN,N") || !strcmp(sh, "WNN")) && (m = month_of(t[0].word)) &&
        t[1].digits <= 2 && is_year(&t[sh[2] == ',' ? 3 : 2])) {
        snprintf(date, dn, "%04d-%02d-%02d", t[sh[2] == ',' ? 3 : 2].value, m, t[1].value);
        return valid(date) &&
               say(buf, n, "write %s (EDTF is year-month-day, in digits)", date);
    }
    /* 1960s, 1960's. */
    if ((!strcmp(sh, "NW") || !strcmp(sh, "N'W")) && is_year(&t[0]) &&
        !strcmp(t[sh[1] == '\'' ? 2 : 1].word, "s") && t[0].value % 10 == 0) {
        snprintf(date, dn, "%03dX", t[0].value / 10);
        return valid(date) &&
               say(buf, n, "write %s (X stands for an unspecified digit: some year of the "
                   "%ds)", date, t[0].value);
    }
    /* early 1970s, mid-1970s, late 1970s. */
    if ((!strcmp(sh, "WNW") || !strcmp(sh, "W-NW")) &&
        (!strcmp(t[0].word, "early") || !strcmp(t[0].word, "mid") ||
         !strcmp(t[0].word, "late")) &&
        is_year(&t[sh[1] == '-' ? 2 : 1]) && !strcmp(t[sh[1] == '-' ? 3 : 2].word, "s") &&
        t[sh[1] == '-' ? 2 : 1].value % 10 == 0) {
        int y = t[sh[1] == '-' ? 2 : 1].value;
        snprintf(date, dn, "%03dX", y / 10);
        return valid(date) &&
               say(buf, n, "write %s (EDTF has no '%s': %s is some year of the %ds; say "
                   "'%s %ds' in the note)", date, t[0].word, date, y, t[0].word, y);
    }
    return false;
}

bool ag_i_date_suggest(const char *text, char *buf, size_t n)
{
    tokens_t tk;
    char date[32], hint[256];
    int from = 0;
    bool approx = false;

    if (!text || !tokenize(text, &tk))
        return false;
    /* c. 1965, ca. 1965, circa 1965, about 1965, ~1965. */
    if (tk.shape[0] == '~') {
        approx = true;
        from = 1;
    } else if (tk.shape[0] == 'W' &&
               (!strcmp(tk.t[0].word, "c") || !strcmp(tk.t[0].word, "ca") ||
                !strcmp(tk.t[0].word, "circa") || !strcmp(tk.t[0].word, "about") ||
                !strcmp(tk.t[0].word, "around") || !strcmp(tk.t[0].word, "approx") ||
                !strcmp(tk.t[0].word, "approximately"))) {
        approx = true;
        from = 1;
    }
    if (from >= tk.n || !core(&tk, from, date, sizeof date, hint, sizeof hint))
        return false;
    if (!approx) {
        snprintf(buf, n, "%s", hint);
        return true;
    }
    if (!*date || strchr(date, '/'))
        return false;
    strcat(date, "~");
    if (!valid(date))
        return false;
    snprintf(buf, n, "write %s ('~' after a date marks it as approximate)", date);
    return true;
}
