/*
 * csvread.h: streaming RFC 4180 reader over libcsv, with line numbers.
 * Internal to the library.
 *
 * The file is fed to libcsv one physical line at a time (a line ends at
 * LF, CRLF or a lone CR), so every record is known by the line it starts
 * on, and memory stays proportional to the longest line. Spaces around
 * fields are kept (RFC 4180). Byte-level problems (NUL bytes, invalid
 * UTF-8, UTF-16, overlong fields, unbalanced quotes) become diagnostics;
 * reading resumes at the next line so that one run reports them all.
 */
#ifndef AG_CSVREAD_H
#define AG_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/error.h"

/*
 * Called once per record (the header included).
 *   ud:     the caller's pointer.
 *   line:   line the record starts on (1-based).
 *   fields: n NUL-terminated fields (valid until the callback returns; the
 *           callback may modify them in place).
 * Returns 0 to go on, non-zero to stop reading (the value is returned by
 * ag_i_csv_read as its status).
 */
typedef int (*ag_i_csv_record_fn)(void *ud, long line, char **fields, size_t n);

/*
 * Options.
 *   delim:     field separator (',' for CSV, '\t' for TSV).
 *   quoted:    whether '"' quotes fields (RFC 4180); false reads every
 *              byte literally (the layout of GDELT's tab-separated files).
 *   max_field: longest field accepted, in bytes.
 *   check_utf8: report lines that are not valid UTF-8.
 *   thread_min: a file of at least this many bytes is read and parsed on a
 *              second thread while fn runs on the caller's (0: never).
 *              Records and diagnostics reach fn and diags in the same
 *              order, from the caller's thread, either way.
 */
typedef struct {
    char delim;
    bool quoted;
    size_t max_field;
    bool check_utf8;
    size_t thread_min;
} ag_i_csv_opts_t;

/* The thread_min the loader uses: below a megabyte a thread gains
 * nothing. */
#define AG_I_CSV_THREAD_MIN ((size_t)1 << 20)

/*
 * Reads path ("-": standard input, named "standard input" in
 * diagnostics), calling fn for each record. Problems go to diags as errors
 * with path and line. Returns AG_OK when the file was read through (even
 * with diagnostics), AG_EIO when it could not be opened or read (err says
 * why; nothing is added to diags), AG_ENOMEM on lack of memory, or the
 * callback's non-zero return. *records (may be NULL) gets the number of
 * records passed to fn. An empty file gives no records and no diagnostic:
 * the caller decides what an empty file means.
 */
int ag_i_csv_read(const char *path, const ag_i_csv_opts_t *opts, ag_i_csv_record_fn fn,
                void *ud, ag_diags_t *diags, size_t *records, ag_error_t *err);

/*
 * Reading a large file in two halves at once, each record passed to fn on
 * the thread that read it (see half_t in csvread.c).
 *   min:   a regular file of at least this many bytes is split; smaller
 *          ones, and standard input, are read as by ag_i_csv_read.
 *   ud, diags: the second half's callback pointer and diagnostics (those
 *          of the first half are the caller's).
 *   begin: called once, on the caller's thread after the first record has
 *          been passed to fn and before the second half starts, with both
 *          callback pointers, to make the second ready; false: no split.
 *          first: the most records the first half has still to give (it
 *          stops at the cut); second: the most the second half gives.
 *   drop:  called on the caller's thread when the second half, once
 *          begun, is dropped (its records don't stand: the first half
 *          then reads on past the cut), before any record past the cut.
 *   used:  set on return: true when the second half's records (after the
 *          first half's in the file) and diagnostics stand.
 */
typedef struct {
    size_t min;
    void *ud;
    ag_diags_t *diags;
    bool (*begin)(void *ud, void *ud2, size_t first, size_t second);
    void (*drop)(void *ud, void *ud2);
    bool used;
} ag_i_csv_split_t;

/* ag_i_csv_read, split as above. The status is the first half's when it
 * stopped before the cut, else the second's; *records counts both. */
int ag_i_csv_read_split(const char *path, const ag_i_csv_opts_t *opts,
                        ag_i_csv_record_fn fn, void *ud, ag_diags_t *diags,
                        ag_i_csv_split_t *split, size_t *records, ag_error_t *err);

#endif
