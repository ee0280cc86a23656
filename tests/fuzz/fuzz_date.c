/*
 * fuzz_date.c: libFuzzer harness for the EDTF parser (ag_date_parse).
 *
 * The input, cut at its first NUL, is parsed. A date that parses must
 * satisfy the contract of date.h: first <= last, the canonical text fits
 * AG_DATE_TEXT_SIZE, and parsing that text gives the same date back.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/date.h"

static int same_point(const ag_date_point_t *a, const ag_date_point_t *b)
{
    return a->kind == b->kind && a->prec == b->prec && a->year == b->year &&
           a->month == b->month && a->day == b->day && a->qual == b->qual &&
           a->first == b->first && a->last == b->last;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1), msg[128], canon[AG_DATE_TEXT_SIZE];
    ag_date_t d, e;
    size_t n;
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    if (ag_date_parse(text, &d, msg, sizeof msg) == 0) {
        if (d.first > d.last)
            abort();
        n = ag_date_format(&d, canon, sizeof canon);
        if (n >= sizeof canon)
            abort();
        if (ag_date_parse(canon, &e, msg, sizeof msg) != 0)
            abort();
        if (!same_point(&d.start, &e.start) || !same_point(&d.end, &e.end) ||
            d.interval != e.interval || d.first != e.first || d.last != e.last)
            abort();
    } else if (!memchr(msg, '\0', sizeof msg) || !msg[0]) {
        abort(); /* an error always comes with a message */
    }
    free(text);
    return 0;
}
