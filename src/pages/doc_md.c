/*
 * doc_md.c: the Markdown back-end. Blocks for readers, a blank line
 * between; the title as "#", headings as "##".."######", tables as pipe
 * tables (numbers right-aligned, '|' escaped, line breaks as <br>).
 */
#include <string.h>

#include "pages/backend.h"

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

void ag_i_table_md(const ag_table_t *t, FILE *fp)
{
    fputc('|', fp);
    for (size_t c = 0; c < t->ncols; c++) {
        char hb[256];
        md_cell(fp, ag_i_head_people(t->head[c], hb, sizeof hb));
    }
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

static void write_block(const ag_block_t *b, FILE *fp)
{
    switch (b->kind) {
    case AG_BLOCK_TITLE:
        fprintf(fp, "# %s\n", b->text);
        break;
    case AG_BLOCK_HEADING:
        fprintf(fp, "%.*s %s\n", b->level, "######", b->text);
        break;
    case AG_BLOCK_PARAGRAPH:
        fprintf(fp, "%s\n", b->text);
        break;
    case AG_BLOCK_TABLE:
        ag_i_table_md(ag_doc_block_table(b), fp);
        break;
    case AG_BLOCK_LIST:
        ag_i_list_items(b, fp);
        break;
    case AG_BLOCK_FIGURE:
        fprintf(fp, "![%s](%s)\n", b->alt, b->target);
        if (b->text)
            fprintf(fp, "\n%s\n", b->text);
        break;
    case AG_BLOCK_LINK:
        fprintf(fp, "[%s](%s)\n", b->text, b->target);
        break;
    case AG_BLOCK_RAW:
        fputs(b->text, fp);
        break;
    }
}

ag_status_t ag_i_doc_md(const ag_doc_t *d, FILE *fp, ag_error_t *err)
{
    (void)err;
    ag_i_doc_blocks(d, AG_FOR_READING, AG_FMT_MD, /* tight = */ false, write_block, fp);
    return AG_OK;
}
