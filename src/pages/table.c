/*
 * table.c: the table, the document model's tabular block (doc.h). Its
 * back-ends write it (doc_text.c, doc_md.c, doc_csv.c, doc_json.c);
 * ag_table_write is the one-table document.
 */
#include "actorgraph/table.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/doc.h"
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
    if (strcmp(s, "html") == 0)
        return AG_FMT_HTML;
    return -1;
}

const char *ag_format_name(ag_format_t f)
{
    static const char *const names[] = { "table", "csv", "json", "md", "html" };
    return (unsigned)f < sizeof names / sizeof names[0] ? names[f] : "?";
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

ag_status_t ag_table_write(const ag_table_t *t, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    ag_doc_t d;
    ag_status_t rc;
    ag_doc_init(&d);
    rc = ag_doc_table_ref(&d, AG_BLOCK_DATA, NULL, NULL, t, err);
    if (rc == AG_OK)
        rc = ag_doc_write(&d, fmt, fp, err);
    ag_doc_destroy(&d);
    return rc;
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
    return ag_doc_number(v, AG_NUM_DATA, buf);
}
