/*
 * backend.h: what the document back-ends share (not public API).
 *
 * ag_doc_write (doc.c) dispatches to one back-end per format; each lives
 * in its own file (doc_text.c, doc_md.c, doc_csv.c, doc_json.c) and only
 * writes: the status comes from ag_i_io_check afterwards, so a back-end
 * returns early only for lack of memory or a usage error.
 */
#ifndef AG_PAGES_BACKEND_H
#define AG_PAGES_BACKEND_H

#include <stdio.h>

#include "actorgraph/doc.h"

/* Whether back-end audience `who` (AG_FOR_TERMINAL, AG_FOR_READING) writes
 * block b. Can't fail. */
bool ag_i_block_for(const ag_block_t *b, unsigned who);

/* Writes the blocks of d that audience `who` gets, raw blocks only when
 * laid out for fmt, with a blank line between blocks (none before an
 * AG_BLOCK_TIGHT one when tight is set), each through write. */
void ag_i_doc_blocks(const ag_doc_t *d, unsigned who, ag_format_t fmt, bool tight,
                     void (*write)(const ag_block_t *b, FILE *fp), FILE *fp);

/* A list block's items, "1. item" or "- item", one a line. */
void ag_i_list_items(const ag_block_t *b, FILE *fp);

/* The back-ends. Each writes d to fp; AG_ENOMEM, AG_EUSAGE (nothing to
 * write in this format); I/O errors are left in fp's error state. */
ag_status_t ag_i_doc_text(const ag_doc_t *d, FILE *fp, ag_error_t *err);
ag_status_t ag_i_doc_md(const ag_doc_t *d, FILE *fp, ag_error_t *err);
ag_status_t ag_i_doc_csv(const ag_doc_t *d, FILE *fp, ag_error_t *err);
ag_status_t ag_i_doc_json(const ag_doc_t *d, FILE *fp, ag_error_t *err);
ag_status_t ag_i_doc_html(const ag_doc_t *d, FILE *fp, ag_error_t *err);

/* A table in one format; errors are left in fp's error state. */
void ag_i_table_text(const ag_table_t *t, FILE *fp);
void ag_i_table_md(const ag_table_t *t, FILE *fp);
void ag_i_table_csv(const ag_table_t *t, FILE *fp);
/* HTML: a sortable table, with an id and a caption when not NULL. */
void ag_i_table_html(const ag_table_t *t, const char *id, const char *caption, FILE *fp);

/* A column's name as pages for people show it: words, not identifiers
 * ("positive dyads", "rank in A"); CSV and JSON keep the name. buf holds n
 * bytes; returns h, a constant, or buf. Can't fail. */
const char *ag_i_head_people(const char *h, char *buf, size_t n);

/* The one I/O check of every page: AG_EIO ("write error: …") when fp's
 * error flag is set, else AG_OK. */
ag_status_t ag_i_io_check(FILE *fp, ag_error_t *err);

/* The one out-of-memory path: sets err to AG_ENOMEM and returns it. */
ag_status_t ag_i_oom(ag_error_t *err);

#endif
