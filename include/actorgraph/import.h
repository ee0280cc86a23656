/*
 * import.h: turning coded event data into a dataset folder.
 *
 * GDELT 1.0 event files (58 tab-separated columns, no header) are streamed a
 * line at a time: each event with two actors becomes one relation, written
 * out as it is read, so memory grows with the number of distinct actors, not
 * with the number of events. Actors become actors.csv (kind and parent from
 * their CAMEO codes), the twenty CAMEO root codes become types.csv (sign and
 * weight from GDELT's quad class), and each calendar month with events
 * becomes an era. See docs/METHODS.md, "Importing event data".
 */
#ifndef ACTORGRAPH_IMPORT_H
#define ACTORGRAPH_IMPORT_H

#include <stddef.h>

#include "actorgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * What an import read and kept.
 *   lines:       records read (all files).
 *   relations:   events written as relations.
 *   one_actor:   events skipped for lack of a second (or first) actor.
 *   self:        events skipped whose two actors are the same.
 *   malformed:   records skipped as malformed (wrong field count, bad date
 *                or code, invalid UTF-8); each is also a diagnostic.
 *   actors:      distinct actors written (parents created for them count).
 *   eras:        months written as eras.
 */
typedef struct {
    size_t lines, relations, one_actor, self, malformed, actors, eras;
} ag_import_stats_t;

/*
 * Progress callback: called after each file with the file's index and
 * name; may be NULL.
 */
typedef void (*ag_import_progress_fn)(void *ud, size_t index, size_t n, const char *file);

/*
 * Imports the n GDELT 1.0 event files into the folder outdir (created when
 * missing; actors.csv, relations.csv, eras.csv, types.csv and README.md are
 * written atomically, each replacing any earlier one). Malformed records
 * are skipped and reported in diags as warnings with file and line.
 * Returns AG_OK, AG_EIO (err names the file), or AG_ENOMEM. The input files
 * are never modified.
 */
ag_status_t ag_import_gdelt(const char *const *files, size_t n, const char *outdir,
                            ag_import_stats_t *stats, ag_diags_t *diags,
                            ag_import_progress_fn progress, void *ud, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
