/*
 * sbuf.c: a growing string (sbuf.h).
 */
#include "core/sbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

void ag_i_sbuf_init(ag_i_sbuf_t *b)
{
    memset(b, 0, sizeof *b);
}

void ag_i_sbuf_destroy(ag_i_sbuf_t *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

void ag_i_sbuf_clear(ag_i_sbuf_t *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

const char *ag_i_sbuf_str(const ag_i_sbuf_t *b)
{
    return b->s ? b->s : "";
}

char *ag_i_sbuf_take(ag_i_sbuf_t *b)
{
    char *s = b->s;
    if (b->oom) {
        free(s);
        s = NULL;
    } else if (!s) {
        s = ag_i_strdup("");
    }
    memset(b, 0, sizeof *b);
    return s;
}

void ag_i_sbuf_addn(ag_i_sbuf_t *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (!ag_i_grow((void **)&b->s, &b->cap, b->len + n + 1, 1)) {
        b->oom = true;
        return;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void ag_i_sbuf_add(ag_i_sbuf_t *b, const char *s)
{
    ag_i_sbuf_addn(b, s, strlen(s));
}

void ag_i_sbuf_addf(ag_i_sbuf_t *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (b->oom)
        return;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !ag_i_grow((void **)&b->s, &b->cap, b->len + (size_t)n + 1, 1)) {
        b->oom = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void ag_i_sbuf_html(ag_i_sbuf_t *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': ag_i_sbuf_add(b, "&amp;"); break;
        case '<': ag_i_sbuf_add(b, "&lt;"); break;
        case '>': ag_i_sbuf_add(b, "&gt;"); break;
        case '"': ag_i_sbuf_add(b, "&quot;"); break;
        case '\n': case '\r': case '\t': ag_i_sbuf_add(b, " "); break;
        default: ag_i_sbuf_addn(b, s, 1); break;
        }
    }
}
