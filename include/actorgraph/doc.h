/*
 * doc.h: the document model every page is written through.
 *
 * An analysis fills a typed result (report.h, compare.h, …); a page
 * function (pages.h) turns the result into a document: a sequence of
 * blocks — title, heading, paragraph, table, list, figure, link — plus
 * what the machine formats need: the JSON value the JSON back-end writes,
 * and which tables the CSV back-end writes. ag_doc_write then writes the
 * document in one format through one back-end per format (text for
 * terminals, Markdown, CSV, JSON; docs/ARCHITECTURE.md, "The document
 * model"). A new format is one back-end; a new analysis is one result type
 * and one page function.
 *
 * Blocks are kept in the order added. Strings are copied; tables are moved
 * into the document (or borrowed, ag_doc_table_ref) and the JSON value is
 * taken over.
 */
#ifndef ACTORGRAPH_DOC_H
#define ACTORGRAPH_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "actorgraph/error.h"
#include "actorgraph/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a block is. */
typedef enum {
    AG_BLOCK_TITLE,     /* the document's title (one per document, first) */
    AG_BLOCK_HEADING,   /* a section heading, level 2 (section) to 6 */
    AG_BLOCK_PARAGRAPH, /* running text; a '\n' inside is a line break */
    AG_BLOCK_TABLE,     /* an ag_table_t, with column types and a caption */
    AG_BLOCK_LIST,      /* items, numbered or not */
    AG_BLOCK_FIGURE,    /* an image file with alt text and a caption */
    AG_BLOCK_LINK,      /* a link on a line of its own */
    AG_BLOCK_RAW        /* text already laid out for one format */
} ag_block_kind_t;

/*
 * Flags of a block (ag_block_t.flags), or-ed together.
 *
 * Audience: a page can give terminals (compact, ids with a legend) and
 * readers of a document (names, headings) different blocks for the same
 * thing, and give machines tables of their own (tidy, long, led by
 * context columns). A block is written by the back-ends of the audiences
 * it is for: text by AG_FOR_TERMINAL, Markdown (and HTML) by
 * AG_FOR_READING; a block for AG_FOR_MACHINE only is written by no format
 * for people. Blocks added with no audience are for people (both).
 * ag_doc_audience tells a page which audience a format serves, so that it
 * need not build what won't be written.
 *
 * AG_BLOCK_TIGHT: in text, no blank line before the block (the line
 * continues what the previous block said); other formats ignore it.
 * AG_BLOCK_DATA: a table the CSV back-end writes (and the JSON back-end
 * when the document carries no JSON value), whatever its audience.
 */
#define AG_FOR_TERMINAL 0x1u
#define AG_FOR_READING  0x2u
#define AG_FOR_PEOPLE   (AG_FOR_TERMINAL | AG_FOR_READING)
#define AG_FOR_MACHINE  0x4u
#define AG_FOR_ALL      (AG_FOR_PEOPLE | AG_FOR_MACHINE)
#define AG_BLOCK_TIGHT  0x8u
#define AG_BLOCK_DATA   0x10u
/* AG_BLOCK_VIEW: a level-2 heading that starts one of the page's views:
 * HTML pages with views get a picker that shows one view at a time (all
 * of them without JavaScript); other formats ignore it. */
#define AG_BLOCK_VIEW   0x20u

/* The audience a format serves: AG_FOR_TERMINAL (table), AG_FOR_READING
 * (md), AG_FOR_MACHINE (csv, json). Can't fail. */
unsigned ag_doc_audience(ag_format_t fmt);

/*
 * One block. Fields not used by a kind are NULL or 0.
 *   kind, flags: what it is, and the flags above.
 *   level:   title 1; heading 2..6.
 *   text:    title, heading and paragraph text; a link's text; a figure's
 *            caption; a raw block's text (with its line ends).
 *   id:      an anchor for headings and tables ("cold-war", made of
 *            [A-Za-z0-9_.-]), unique within the document, for formats
 *            with links into a page; may be NULL (a table under a heading
 *            needs none). The JSON back-end keys data tables by it.
 *   target:  a link's address; a figure's image path (relative to the
 *            page).
 *   alt:     a figure's alt text.
 *   caption: a table's caption (HTML <caption>; text and Markdown don't
 *            write it: pages say it in the heading before).
 *   table:   a table block's table (owned); ref: a borrowed one instead
 *            (ag_doc_block_table gives whichever is set).
 *   items, n_items, ordered: a list's items and whether they are numbered.
 *   raw_format: the one format a raw block is written in.
 */
typedef struct {
    ag_block_kind_t kind;
    unsigned flags;
    int level;
    char *text;
    char *id;
    char *target;
    char *alt;
    char *caption;
    ag_table_t table;
    const ag_table_t *ref;
    char **items;
    size_t n_items;
    bool ordered;
    ag_format_t raw_format;
} ag_block_t;

/*
 * A document.
 *   blocks, n_blocks, cap: the blocks in order (cap: room allocated).
 *   json:    the value the JSON back-end writes (owned), or NULL: then it
 *            writes the data tables (one table as an array of row objects;
 *            several as an object keyed by table id).
 */
typedef struct {
    ag_block_t *blocks;
    size_t n_blocks, cap;
    json_t *json;
} ag_doc_t;

/* Sets up an empty document. Can't fail. */
void ag_doc_init(ag_doc_t *d);
/* Frees d and everything it owns; accepts a zeroed d. Can't fail. */
void ag_doc_destroy(ag_doc_t *d);

/*
 * Adding blocks. Each copies its strings and returns AG_OK, or AG_ENOMEM
 * (err set; d is unchanged). flags: AG_FOR_*, AG_BLOCK_TIGHT.
 */
ag_status_t ag_doc_title(ag_doc_t *d, unsigned flags, const char *text, ag_error_t *err);
/* level 2..6 (clamped); id may be NULL. */
ag_status_t ag_doc_heading(ag_doc_t *d, unsigned flags, int level, const char *id,
                           const char *text, ag_error_t *err);
ag_status_t ag_doc_paragraph(ag_doc_t *d, unsigned flags, const char *text, ag_error_t *err);
/* The same with printf formatting. */
ag_status_t ag_doc_paragraphf(ag_doc_t *d, unsigned flags, ag_error_t *err, const char *fmt,
                              ...)
#ifdef __GNUC__
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Moves *t into the document (t is zeroed, also on failure, when *t is
 * destroyed). id and caption may be NULL. flags may add AG_BLOCK_DATA. */
ag_status_t ag_doc_table(ag_doc_t *d, unsigned flags, const char *id, const char *caption,
                         ag_table_t *t, ag_error_t *err);
/* Adds a table the document borrows: t must outlive d. */
ag_status_t ag_doc_table_ref(ag_doc_t *d, unsigned flags, const char *id, const char *caption,
                             const ag_table_t *t, ag_error_t *err);
/* A list of n items (copied). */
ag_status_t ag_doc_list(ag_doc_t *d, unsigned flags, bool ordered, const char *const *items,
                        size_t n, ag_error_t *err);
/* An image: path relative to the page, alt text, caption (may be NULL). */
ag_status_t ag_doc_figure(ag_doc_t *d, unsigned flags, const char *path, const char *alt,
                          const char *caption, ag_error_t *err);
ag_status_t ag_doc_link(ag_doc_t *d, unsigned flags, const char *target, const char *text,
                        ag_error_t *err);
/* Text laid out by the page for format fmt only (written as is). */
ag_status_t ag_doc_raw(ag_doc_t *d, unsigned flags, ag_format_t fmt, const char *text,
                       ag_error_t *err);
/* Gives the document the value the JSON back-end writes, taking the
 * reference (a previous value is released). AG_ENOMEM when j is NULL (a
 * failed jansson constructor), so that callers can pass one directly. */
ag_status_t ag_doc_set_json(ag_doc_t *d, json_t *j, ag_error_t *err);

/* The table of a table block. Can't fail. */
const ag_table_t *ag_doc_block_table(const ag_block_t *b);

/*
 * Writes d to fp in fmt:
 *   table (text): the terminal's blocks, a blank line between blocks
 *                 (none before AG_BLOCK_TIGHT ones), tables aligned;
 *   md:           the reader's blocks as Markdown, a blank line between;
 *   csv:          the AG_BLOCK_DATA tables (a blank line between two);
 *   json:         d->json, else the data tables (see ag_doc_t).
 * AG_EUSAGE when d has nothing for a machine format (no data table, no
 * JSON value); AG_EIO when writing failed; AG_ENOMEM.
 */
ag_status_t ag_doc_write(const ag_doc_t *d, ag_format_t fmt, FILE *fp, ag_error_t *err);

/*
 * The number formatter of every page.
 *   AG_NUM_DATA:   CSV and JSON: "%.10g", -0 and |v| < 1e-10 as "0", NaN
 *                  as "" (a missing value).
 *   AG_NUM_PEOPLE: pages for people: integers as such, |v| >= 1000 with
 *                  one decimal, others 4 significant digits; NaN "-".
 *   AG_NUM_SHORT:  "%.4g" (the timeline matrix).
 *   AG_NUM_TABLE:  the figures in the tables of compare, balance and
 *                  explain pages for people; written as AG_NUM_DATA for
 *                  now (one line in ag_doc_number makes them, and the
 *                  timeline's, AG_NUM_PEOPLE).
 * buf holds 32 bytes; returns buf. Can't fail.
 */
typedef enum { AG_NUM_DATA, AG_NUM_PEOPLE, AG_NUM_SHORT, AG_NUM_TABLE } ag_num_style_t;
char *ag_doc_number(double v, ag_num_style_t style, char *buf);

#ifdef __cplusplus
}
#endif

#endif
