/*
 * doc_text.c: the text back-end, for terminals. Blocks for the terminal
 * audience, one after another with a blank line between (none before an
 * AG_BLOCK_TIGHT block); headings as plain lines, tables aligned by
 * display width (numbers to the right).
 */
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "pages/backend.h"

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

void ag_i_table_text(const ag_table_t *t, FILE *fp)
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
        char hb[256];
        w[c] = ag_i_utf8_width(ag_i_head_people(t->head[c], hb, sizeof hb));
        for (size_t r = 0; r < t->nrows; r++) {
            size_t x = ag_i_utf8_width(ag_table_cell(t, r, c));
            if (x > w[c])
                w[c] = x;
        }
    }
    for (size_t r = 0; r <= t->nrows + 1; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            char hb[256];
            const char *s = r == 0   ? ag_i_head_people(t->head[c], hb, sizeof hb)
                            : r == 1 ? NULL
                                     : ag_table_cell(t, r - 2, c);
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

static void write_block(const ag_block_t *b, FILE *fp)
{
    switch (b->kind) {
    case AG_BLOCK_TITLE:
    case AG_BLOCK_HEADING:
    case AG_BLOCK_PARAGRAPH:
        fprintf(fp, "%s\n", b->text);
        break;
    case AG_BLOCK_TABLE:
        ag_i_table_text(ag_doc_block_table(b), fp);
        break;
    case AG_BLOCK_LIST:
        ag_i_list_items(b, fp);
        break;
    case AG_BLOCK_FIGURE:
        if (b->text)
            fprintf(fp, "%s (%s)\n", b->text, b->target);
        else
            fprintf(fp, "%s\n", b->target);
        break;
    case AG_BLOCK_LINK:
        if (strcmp(b->text, b->target) == 0)
            fprintf(fp, "%s\n", b->target);
        else
            fprintf(fp, "%s: %s\n", b->text, b->target);
        break;
    case AG_BLOCK_RAW:
        fputs(b->text, fp);
        break;
    }
}

ag_status_t ag_i_doc_text(const ag_doc_t *d, FILE *fp, ag_error_t *err)
{
    (void)err;
    ag_i_doc_blocks(d, AG_FOR_TERMINAL, AG_FMT_TABLE, /* tight = */ true, write_block, fp);
    return AG_OK;
}
