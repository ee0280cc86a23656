/*
 * error.c: the error record and the list of diagnostics.
 */
#include "actorgraph/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

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
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
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
    char buf[2048];
    ag_diag_t *item;
    if (!d)
        return;
    if (sev == AG_SEV_ERROR)
        d->errors++;
    else
        d->warnings++;
    vsnprintf(buf, sizeof buf, fmt, ap);
    if (!ag_grow((void **)&d->items, &d->cap, d->n + 1, sizeof *d->items)) {
        d->oom = 1;
        return;
    }
    item = &d->items[d->n];
    item->severity = sev;
    item->line = line;
    item->file = ag_strdup(file ? file : "");
    item->msg = ag_strdup(buf);
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

/* Insertion sort: stable, and the lists are short and nearly sorted. */
void ag_diags_sort(ag_diags_t *d)
{
    char **files = NULL;
    size_t nfiles = 0, cap = 0;
    size_t *rank;
    if (!d || d->n < 2)
        return;
    rank = malloc(d->n * sizeof *rank);
    if (!rank)
        return;
    for (size_t i = 0; i < d->n; i++) {
        size_t f = 0;
        while (f < nfiles && strcmp(files[f], d->items[i].file) != 0)
            f++;
        if (f == nfiles) {
            if (!ag_grow((void **)&files, &cap, nfiles + 1, sizeof *files))
                goto done;
            files[nfiles++] = d->items[i].file;
        }
        rank[i] = f;
    }
    for (size_t i = 1; i < d->n; i++) {
        ag_diag_t item = d->items[i];
        size_t r = rank[i], j = i;
        while (j > 0 && (rank[j - 1] > r ||
                         (rank[j - 1] == r && d->items[j - 1].line > item.line))) {
            d->items[j] = d->items[j - 1];
            rank[j] = rank[j - 1];
            j--;
        }
        d->items[j] = item;
        rank[j] = r;
    }
done:
    free(files);
    free(rank);
}
