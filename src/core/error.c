/*
 * error.c: the error record and the list of diagnostics.
 */
#include "actorgraph/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

/* Messages are one line each: a line break or other control character in
 * quoted data ("unknown actor 'PA<newline>K'") is written as an escape. */
static void one_line(const char *in, char *out, size_t size)
{
    size_t k = 0;
    for (; *in && k + 5 < size; in++) {
        unsigned char c = (unsigned char)*in;
        if (c >= 0x20 && c != 0x7f) {
            out[k++] = (char)c;
        } else {
            const char *e = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
            k += (size_t)(e ? snprintf(out + k, size - k, "%s", e)
                            : snprintf(out + k, size - k, "\\x%02x", c));
        }
    }
    out[k] = '\0';
}

void ag_error_clear(ag_error_t *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

ag_status_t ag_error_set(ag_error_t *err, ag_status_t code, const char *file,
                         long line, const char *fmt, ...)
{
    va_list ap;
    if (!err)
        return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    {
        char raw[sizeof err->msg];
        va_start(ap, fmt);
        vsnprintf(raw, sizeof raw, fmt, ap);
        va_end(ap);
        one_line(raw, err->msg, sizeof err->msg);
    }
    return code;
}

const char *ag_strerror(ag_status_t code)
{
    switch (code) {
    case AG_OK: return "success";
    case AG_ENOMEM: return "out of memory";
    case AG_EIO: return "input/output error";
    case AG_EDATA: return "invalid dataset";
    case AG_EUSAGE: return "invalid request";
    case AG_EGRAPH: return "graph computation failed";
    case AG_ERENDER: return "rendering failed";
    }
    return "unknown error";
}

void ag_diags_init(ag_diags_t *d)
{
    memset(d, 0, sizeof *d);
}

void ag_diags_destroy(ag_diags_t *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->items[i].file);
        free(d->items[i].msg);
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}

void ag_diags_vadd(ag_diags_t *d, ag_severity_t sev, const char *file,
                   long line, const char *fmt, va_list ap)
{
    char raw[2048], buf[2048];
    ag_diag_t *item;
    if (!d)
        return;
    if (sev == AG_SEV_ERROR)
        d->errors++;
    else
        d->warnings++;
    vsnprintf(raw, sizeof raw, fmt, ap);
    one_line(raw, buf, sizeof buf);
    if (!ag_i_grow((void **)&d->items, &d->cap, d->n + 1, sizeof *d->items)) {
        d->oom = 1;
        return;
    }
    item = &d->items[d->n];
    item->severity = sev;
    item->line = line;
    item->file = ag_i_strdup(file ? file : "");
    item->msg = ag_i_strdup(buf);
    if (!item->file || !item->msg) {
        free(item->file);
        free(item->msg);
        d->oom = 1;
        return;
    }
    d->n++;
}

void ag_diags_add(ag_diags_t *d, ag_severity_t sev, const char *file, long line,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ag_diags_vadd(d, sev, file, line, fmt, ap);
    va_end(ap);
}

/* A diagnostic with its sort key: the rank of its file (in order of first
 * appearance) and its position in the list, which keeps the sort stable. */
typedef struct {
    size_t rank, pos;
    ag_diag_t item;
} keyed_diag_t;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed_diag_t *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->item.line != y->item.line)
        return x->item.line < y->item.line ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

/* qsort with the position as the last key: stable, and O(n log n), as a
 * large imported dataset can have a warning on every relation. */
void ag_diags_sort(ag_diags_t *d)
{
    char **files = NULL;
    size_t nfiles = 0, cap = 0;
    keyed_diag_t *keyed;
    if (!d || d->n < 2)
        return;
    keyed = malloc(d->n * sizeof *keyed);
    if (!keyed)
        return;
    for (size_t i = 0; i < d->n; i++) {
        size_t f = 0;
        while (f < nfiles && strcmp(files[f], d->items[i].file) != 0)
            f++;
        if (f == nfiles) {
            if (!ag_i_grow((void **)&files, &cap, nfiles + 1, sizeof *files))
                goto done;
            files[nfiles++] = d->items[i].file;
        }
        keyed[i].rank = f;
        keyed[i].pos = i;
        keyed[i].item = d->items[i];
    }
    qsort(keyed, d->n, sizeof *keyed, cmp_keyed);
    for (size_t i = 0; i < d->n; i++)
        d->items[i] = keyed[i].item;
done:
    free(files);
    free(keyed);
}
