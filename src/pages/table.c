/*
 * table.c: tabular output as aligned text, CSV, Markdown and JSON.
 */
#include "actorgraph/table.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

int ag_format_parse(const char *s)
{
    if (strcmp(s, "table") == 0 || strcmp(s, "text") == 0)
        return AG_FMT_TABLE;
    if (strcmp(s, "csv") == 0)
        return AG_FMT_CSV;
    if (strcmp(s, "json") == 0)
        return AG_FMT_JSON;
    if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0)
        return AG_FMT_MD;
    return -1;
}

const char *ag_format_name(ag_format_t f)
{
    static const char *const names[] = { "table", "csv", "json", "md" };
    return (unsigned)f < 4 ? names[f] : "?";
}

ag_status_t ag_table_init(ag_table_t *t, size_t ncols, const char *const *head,
                          const ag_coltype_t *type, ag_error_t *err)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    t->head = calloc(ncols ? ncols : 1, sizeof *t->head);
    t->type = calloc(ncols ? ncols : 1, sizeof *t->type);
    if (!t->head || !t->type)
        goto oom;
    for (size_t c = 0; c < ncols; c++) {
        if (!(t->head[c] = ag_i_strdup(head[c])))
            goto oom;
        t->type[c] = type ? type[c] : AG_COL_TEXT;
    }
    return AG_OK;
oom:
    ag_table_destroy(t);
    return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
}

ag_status_t ag_table_add(ag_table_t *t, const char *const *cells, ag_error_t *err)
{
    size_t base = t->nrows * t->ncols;
    if (!ag_i_grow((void **)&t->cells, &t->cap, base + t->ncols, sizeof *t->cells))
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    for (size_t c = 0; c < t->ncols; c++) {
        t->cells[base + c] = ag_i_strdup(cells[c] ? cells[c] : "");
        if (!t->cells[base + c]) {
            for (size_t k = 0; k < c; k++)
                free(t->cells[base + k]);
            return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        }
    }
    t->nrows++;
    return AG_OK;
}

void ag_table_destroy(ag_table_t *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    for (size_t c = 0; c < t->ncols && t->head; c++)
        free(t->head[c]);
    free(t->cells);
    free(t->head);
    free(t->type);
    memset(t, 0, sizeof *t);
}

const char *ag_table_cell(const ag_table_t *t, size_t r, size_t c)
{
    return t->cells[r * t->ncols + c];
}

static void pad(FILE *fp, size_t n)
{
    while (n--)
        fputc(' ', fp);
}

/* Text cells are printed on one line: line breaks become spaces. */
static void put_oneline(FILE *fp, const char *s)
{
    for (; *s; s++)
        fputc(*s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s, fp);
}

static void write_text(const ag_table_t *t, FILE *fp)
{
    size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
    if (!w) {
        /* Unaligned is better than nothing. */
        for (size_t r = 0; r < t->nrows; r++)
            for (size_t c = 0; c < t->ncols; c++)
                fprintf(fp, "%s%s", ag_table_cell(t, r, c), c + 1 < t->ncols ? "  " : "\n");
        return;
    }
    for (size_t c = 0; c < t->ncols; c++) {
        w[c] = ag_i_utf8_width(t->head[c]);
        for (size_t r = 0; r < t->nrows; r++) {
            size_t x = ag_i_utf8_width(ag_table_cell(t, r, c));
            if (x > w[c])
                w[c] = x;
        }
    }
    for (size_t r = 0; r <= t->nrows + 1; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = r == 0 ? t->head[c] : r == 1 ? NULL : ag_table_cell(t, r - 2, c);
            bool last = c + 1 == t->ncols;
            if (!s) {
                for (size_t k = 0; k < w[c]; k++)
                    fputc('-', fp);
            } else if (t->type[c] == AG_COL_NUMBER) {
                pad(fp, w[c] - ag_i_utf8_width(s));
                put_oneline(fp, s);
            } else {
                put_oneline(fp, s);
                if (!last)
                    pad(fp, w[c] - ag_i_utf8_width(s));
            }
            fputs(last ? "\n" : "  ", fp);
        }
    }
    free(w);
}

void ag_csv_field(FILE *fp, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

static void write_csv(const ag_table_t *t, FILE *fp)
{
    for (size_t c = 0; c < t->ncols; c++) {
        ag_csv_field(fp, t->head[c]);
        fputc(c + 1 < t->ncols ? ',' : '\n', fp);
    }
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            ag_csv_field(fp, ag_table_cell(t, r, c));
            fputc(c + 1 < t->ncols ? ',' : '\n', fp);
        }
}

static void md_cell(FILE *fp, const char *s)
{
    fputc(' ', fp);
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", fp);
        else if (*s == '\n')
            fputs("<br>", fp);
        else if (*s != '\r')
            fputc(*s, fp);
    }
    fputs(" |", fp);
}

static void write_md(const ag_table_t *t, FILE *fp)
{
    fputc('|', fp);
    for (size_t c = 0; c < t->ncols; c++)
        md_cell(fp, t->head[c]);
    fputs("\n|", fp);
    for (size_t c = 0; c < t->ncols; c++)
        fputs(t->type[c] == AG_COL_NUMBER ? " ---: |" : " --- |", fp);
    fputc('\n', fp);
    for (size_t r = 0; r < t->nrows; r++) {
        fputc('|', fp);
        for (size_t c = 0; c < t->ncols; c++)
            md_cell(fp, ag_table_cell(t, r, c));
        fputc('\n', fp);
    }
}

ag_status_t ag_table_write(const ag_table_t *t, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    switch (fmt) {
    case AG_FMT_TABLE: write_text(t, fp); break;
    case AG_FMT_CSV: write_csv(t, fp); break;
    case AG_FMT_MD: write_md(t, fp); break;
    case AG_FMT_JSON: {
        json_t *j = ag_table_json(t);
        ag_status_t rc;
        if (!j)
            return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        rc = ag_json_write(j, fp, err);
        json_decref(j);
        return rc;
    }
    }
    if (ferror(fp))
        return ag_error_set(err, AG_EIO, NULL, 0, "write error: %s", strerror(errno));
    return AG_OK;
}

/* A number cell as JSON: integers stay integers, the rest reals; "" null. */
static json_t *json_number(const char *s)
{
    char *end;
    double v;
    if (!*s)
        return json_null();
    if (strspn(s + (*s == '-'), "0123456789") == strlen(s + (*s == '-'))) {
        long long i = strtoll(s, &end, 10);
        if (!*end)
            return json_integer(i);
    }
    v = strtod(s, &end);
    if (*end || !isfinite(v))
        return json_string(s);
    return json_real(v);
}

json_t *ag_table_json(const ag_table_t *t)
{
    json_t *arr = json_array();
    if (!arr)
        return NULL;
    for (size_t r = 0; r < t->nrows; r++) {
        json_t *obj = json_object();
        if (!obj || json_array_append_new(arr, obj) != 0)
            goto fail;
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = ag_table_cell(t, r, c);
            json_t *v = t->type[c] == AG_COL_NUMBER ? json_number(s) : json_string(s);
            if (!v || json_object_set_new(obj, t->head[c], v) != 0)
                goto fail;
        }
    }
    return arr;
fail:
    json_decref(arr);
    return NULL;
}

char *ag_format_number(double v, char *buf)
{
    if (isnan(v)) {
        buf[0] = '\0';
        return buf;
    }
    return ag_i_fmt_num(v, buf);
}

ag_status_t ag_json_write(json_t *j, FILE *fp, ag_error_t *err)
{
    /* Ten significant digits, as in CSV, so formats agree. */
    if (json_dumpf(j, fp, JSON_INDENT(2) | JSON_REAL_PRECISION(10)) != 0 ||
        fputc('\n', fp) == EOF || ferror(fp))
        return ag_error_set(err, AG_EIO, NULL, 0, "write error: %s", strerror(errno));
    return AG_OK;
}
