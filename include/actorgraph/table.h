/*
 * table.h: the table, the tabular block of the document model (doc.h),
 * and the output formats.
 *
 * A page fills a table with cells as text (numbers already formatted with
 * ag_doc_number) and adds it to a document, whose back-ends write it in the
 * format the user chose (aligned text for terminals, RFC 4180 CSV,
 * Markdown, JSON through jansson), so that the formats can't drift apart.
 */
#ifndef ACTORGRAPH_TABLE_H
#define ACTORGRAPH_TABLE_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

#include "actorgraph/error.h"

typedef enum { AG_FMT_TABLE, AG_FMT_CSV, AG_FMT_JSON, AG_FMT_MD, AG_FMT_HTML } ag_format_t;

/* "table", "csv", "json", "md"; -1 when unknown. */
int ag_format_parse(const char *s);
const char *ag_format_name(ag_format_t f);

/* How a column's cells are written: text, or numbers (right-aligned in text
 * tables, JSON numbers; an empty cell is JSON null). */
typedef enum { AG_COL_TEXT, AG_COL_NUMBER, AG_COL_ACTOR } ag_coltype_t;

/*
 * A table.
 *   ncols, head, type: columns, their names and types.
 *   cells:             nrows * ncols strings, row-major, owned.
 *   nrows, cap:        rows and capacity.
 */
typedef struct {
    size_t ncols;
    char **head;
    ag_coltype_t *type;
    char **cells;
    size_t nrows, cap;
} ag_table_t;

/* Sets up a table with ncols columns named head[] of types type[] (NULL:
 * all text). AG_ENOMEM on failure (t zeroed). */
ag_status_t ag_table_init(ag_table_t *t, size_t ncols, const char *const *head,
                          const ag_coltype_t *type, ag_error_t *err);
/* Appends a row of ncols cells (copied; NULL means ""). AG_ENOMEM. */
ag_status_t ag_table_add(ag_table_t *t, const char *const *cells, ag_error_t *err);
/* Frees t; accepts a zeroed t. Can't fail. */
void ag_table_destroy(ag_table_t *t);

/* The cell at row r, column c. Can't fail. */
const char *ag_table_cell(const ag_table_t *t, size_t r, size_t c);

/*
 * Convenience: page + ag_doc_write. Writes t, as a document of one data
 * table, to fp as text (aligned by display width, UTF-8 aware, header and
 * a rule), CSV (header row, minimal quoting, LF), Markdown (pipe table,
 * '|' escaped) or JSON (ag_table_json). AG_EIO when writing failed,
 * AG_ENOMEM.
 */
ag_status_t ag_table_write(const ag_table_t *t, ag_format_t fmt, FILE *fp, ag_error_t *err);

/* The rows as a JSON array of objects keyed by column name (new reference,
 * NULL on lack of memory). */
json_t *ag_table_json(const ag_table_t *t);

/* Writes one CSV field with RFC 4180 minimal quoting. Can't fail (check the
 * stream's error state). */
void ag_csv_field(FILE *fp, const char *s);

/* Formats a value for CSV and JSON: ag_doc_number(v, AG_NUM_DATA, buf):
 * "%.10g", with -0 and |v| < 1e-10 as "0", NaN as "" (a missing value).
 * buf must hold 32 bytes. Returns buf. */
char *ag_format_number(double v, char *buf);

/* Dumps a JSON value to fp, indented, keys in insertion order, with a final
 * newline. AG_EIO when writing failed. */
ag_status_t ag_json_write(json_t *j, FILE *fp, ag_error_t *err);

#endif
