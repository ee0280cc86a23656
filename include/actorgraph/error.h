/*
 * error.h: error codes, the error record, and the list of diagnostics that
 * validation collects.
 *
 * Library functions never print and never exit: they return an ag_status_t
 * and, on failure, fill the caller's ag_error_t with a message for people.
 * Validation (loading a dataset) reports every problem it finds in one run,
 * each with its file and line, into an ag_diags_t.
 */
#ifndef ACTORGRAPH_ERROR_H
#define ACTORGRAPH_ERROR_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AG_OK = 0,
    AG_ENOMEM,   /* out of memory */
    AG_EIO,      /* a file could not be read or written */
    AG_EDATA,    /* the dataset is invalid (details in the diagnostics) */
    AG_EUSAGE,   /* the caller asked for something that does not exist */
    AG_EGRAPH,   /* igraph reported an error */
    AG_ERENDER   /* Graphviz reported an error */
} ag_status_t;

/*
 * One error, for people.
 *   code: what kind of failure; AG_OK when the record is clear.
 *   file: the file it concerns, or "" when none.
 *   line: 1-based line in file, or 0 when none.
 *   msg:  lower-case, no full stop, the subject quoted.
 */
typedef struct {
    ag_status_t code;
    char file[512];
    long line;
    char msg[1024];
} ag_error_t;

/* Clears the record. Can't fail. */
void ag_error_clear(ag_error_t *err);

/* Fills the record (err may be NULL) and returns code, so that callers can
 * write `return ag_error_set(err, AG_EIO, path, 0, "...")`. */
ag_status_t ag_error_set(ag_error_t *err, ag_status_t code, const char *file,
                         long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* A short description of a status code. Can't fail. */
const char *ag_strerror(ag_status_t code);

typedef enum { AG_SEV_ERROR, AG_SEV_WARNING } ag_severity_t;

/*
 * One diagnostic found while validating.
 *   severity: error (the dataset can't be used) or warning (suspicious).
 *   file:     path of the file as opened (dataset folder joined with name).
 *   line:     1-based line where the record starts; 0 for the whole file.
 *   msg:      the message, without file and line.
 */
typedef struct {
    ag_severity_t severity;
    char *file;
    long line;
    char *msg;
} ag_diag_t;

/*
 * A growing list of diagnostics, in the order found.
 *   items, n, cap: the array, its length and capacity.
 *   errors, warnings: counts by severity.
 *   oom: set when a diagnostic could not be stored, or a check could not
 *        be made (ag_dataset_validate), for lack of memory.
 */
typedef struct {
    ag_diag_t *items;
    size_t n, cap;
    size_t errors, warnings;
    int oom;
} ag_diags_t;

/* Zeroes the list. Can't fail. */
void ag_diags_init(ag_diags_t *d);
/* Frees every diagnostic; accepts a zeroed list. Can't fail. */
void ag_diags_destroy(ag_diags_t *d);
/* Appends a diagnostic (d may be NULL: then it is counted nowhere). On lack
 * of memory sets d->oom and still counts it. */
void ag_diags_add(ag_diags_t *d, ag_severity_t sev, const char *file, long line,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void ag_diags_vadd(ag_diags_t *d, ag_severity_t sev, const char *file,
                   long line, const char *fmt, va_list ap);
/* Sorts diagnostics by file (in order of first appearance) then line,
 * keeping the order found among equal lines. Can't fail. */
void ag_diags_sort(ag_diags_t *d);

#ifdef __cplusplus
}
#endif

#endif
