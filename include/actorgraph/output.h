/*
 * output.h: writing output files atomically.
 *
 * Output goes to a temporary file in the destination's folder and is renamed
 * over the destination only when it was written completely, so a failure
 * never leaves a half-written file behind. Where Linux allows (O_TMPFILE
 * and /proc), the temporary file has no name until it is complete, so that
 * even a process killed while writing leaves nothing behind. A destination that is a link is
 * followed (its target is replaced, the link stays); one that is not a
 * regular file (a device such as /dev/stdout, a pipe) is written directly,
 * since renaming over it would replace it with a file.
 */
#ifndef ACTORGRAPH_OUTPUT_H
#define ACTORGRAPH_OUTPUT_H

#include <stdio.h>

#include "actorgraph/error.h"

/*
 * An output file being written.
 *   fp:   where to write (the temporary file).
 *   path: the destination.
 *   tmp:  the temporary file's path (NULL once committed or aborted, when
 *         the temporary file has no name yet, and when writing directly to
 *         a device or pipe).
 */
typedef struct {
    FILE *fp;
    char *path;
    char *tmp;
} ag_out_t;

/* Opens a temporary file beside path. AG_EIO (err says why) or AG_ENOMEM on
 * failure; o is then zeroed. */
ag_status_t ag_out_open(ag_out_t *o, const char *path, ag_error_t *err);
/* Flushes, closes and renames the temporary file to the destination.
 * AG_EIO when writing failed (the temporary file is removed). Frees o. */
ag_status_t ag_out_commit(ag_out_t *o, ag_error_t *err);
/* Removes the temporary file and frees o; accepts a zeroed o. Can't fail. */
void ag_out_abort(ag_out_t *o);

/* Writes n bytes to path atomically. AG_EIO or AG_ENOMEM on failure. */
ag_status_t ag_write_file(const char *path, const void *data, size_t n, ag_error_t *err);

/* Creates a folder and its parents (like mkdir -p). AG_EIO on failure. */
ag_status_t ag_mkdir_p(const char *path, ag_error_t *err);

/* A text describing the library's version and those of its dependencies.
 * Can't fail. */
const char *ag_version_text(void);

#endif
