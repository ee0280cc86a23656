/*
 * doc_csv.c: the CSV back-end. The document's data tables (AG_BLOCK_DATA),
 * RFC 4180 with minimal quoting and LF line ends; a blank line between two
 * (pages mark one: each CSV part is a document of its own).
 */
#include <string.h>

#include "pages/backend.h"

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

void ag_i_table_csv(const ag_table_t *t, FILE *fp)
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

ag_status_t ag_i_doc_csv(const ag_doc_t *d, FILE *fp, ag_error_t *err)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n_blocks; i++) {
        const ag_block_t *b = &d->blocks[i];
        if (b->kind != AG_BLOCK_TABLE || !(b->flags & AG_BLOCK_DATA))
            continue;
        if (n++)
            fputc('\n', fp);
        ag_i_table_csv(ag_doc_block_table(b), fp);
    }
    if (n == 0)
        return ag_error_set(err, AG_EUSAGE, NULL, 0, "this page has no table to write as csv");
    return AG_OK;
}
