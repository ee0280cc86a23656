/*
 * import.h: turning coded event data into a dataset folder.
 *
 * Formats (docs/METHODS.md, "Importing event data"):
 *   gdelt    GDELT 1.0 events: 58 tab-separated columns, no header
 *   gdelt2   GDELT 2.0 events: 61 tab-separated columns, no header
 *   icews    ICEWS coded events: 20 tab-separated columns under a header
 *            (Event ID, Event Date, Source Name, ...); actors by name
 *   phoenix  Phoenix daily files: 26 tab-separated columns, no header
 *
 * Files are streamed a record at a time: each event with two actors becomes
 * one relation, written out as it is read (or, with aggregation, added to
 * the relation of its dyad, type and period), so memory grows with the
 * number of distinct actors (and aggregates), not with the number of
 * events. Actors become actors.csv (kind and parent from their codes or
 * sectors), the CAMEO mapping (a types.csv-like file the user may edit;
 * by default data/cameo-types.csv, the twenty CAMEO root codes with sign
 * and weight from GDELT's quad classes) types the events and becomes
 * types.csv, and each calendar month (or year) with events becomes an era.
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
 *   unmapped:    events skipped whose CAMEO code the mapping doesn't type.
 *   events:      events kept (as relations, or in aggregates).
 *   dropped:     aggregates left out for having fewer events than asked.
 *   actors:      distinct actors written (parents created for them count).
 *   eras:        eras written (the months or years, and "all").
 */
typedef struct {
    size_t lines, relations, one_actor, self, malformed, unmapped, events, dropped, actors,
        eras;
} ag_import_stats_t;

typedef enum {
    AG_IMPORT_GDELT,
    AG_IMPORT_GDELT2,
    AG_IMPORT_ICEWS,
    AG_IMPORT_PHOENIX
} ag_import_format_t;

/* What a relation stands for: one event, or all the events of a dyad
 * (source, target), type and day, month or era. */
typedef enum {
    AG_AGGREGATE_NONE,
    AG_AGGREGATE_DAY,
    AG_AGGREGATE_MONTH,
    AG_AGGREGATE_ERA
} ag_aggregate_t;

/* Where sign and weight come from: the CAMEO mapping's type, or (ICEWS)
 * each event's intensity. */
typedef enum { AG_IMPORT_WEIGHT_CAMEO, AG_IMPORT_WEIGHT_INTENSITY } ag_import_weight_t;

/* The eras written: one per calendar month or year with events. */
typedef enum { AG_IMPORT_ERAS_MONTH, AG_IMPORT_ERAS_YEAR } ag_import_eras_t;

/*
 * Options.
 *   format:     the input's format.
 *   aggregate:  one relation per event (NONE) or per dyad, type and period;
 *               an aggregate's date is its period, its weight the summed
 *               weight of its events, its extra columns `events` (count).
 *   min_events: with aggregation, aggregates with fewer events are left out.
 *   weight:     sign and weight from the type (CAMEO) or the intensity.
 *   eras:       months or years.
 *   types_file: the CAMEO mapping to use, or NULL for the built-in one.
 */
typedef struct {
    ag_import_format_t format;
    ag_aggregate_t aggregate;
    size_t min_events;
    ag_import_weight_t weight;
    ag_import_eras_t eras;
    const char *types_file;
} ag_import_opts_t;

/* Options for format f: one relation per event, weights from the CAMEO
 * types, monthly eras, the built-in mapping. Can't fail. */
void ag_import_opts_default(ag_import_opts_t *opts, ag_import_format_t f);

/* "gdelt", "gdelt2", "icews", "phoenix"; -1 when unknown. */
int ag_import_format_parse(const char *s);
/* "none", "day", "month", "era"; -1 when unknown. */
int ag_aggregate_parse(const char *s);

/* The built-in CAMEO mapping, as data/cameo-types.csv holds it (a
 * types.csv with a `cameo` column of code prefixes). Can't fail. */
const char *ag_import_default_types(void);

/*
 * Progress callback: called after each file with the file's index and
 * name; may be NULL.
 */
typedef void (*ag_import_progress_fn)(void *ud, size_t index, size_t n, const char *file);

/*
 * Imports the n event files (a file named "-" is standard input) into the
 * folder outdir (created when missing; actors.csv, relations.csv,
 * eras.csv, types.csv and README.md are written atomically, each replacing
 * any earlier one). Malformed records are skipped and reported in diags
 * as warnings with file and line. Returns AG_OK, AG_EIO (err names the
 * file), AG_EDATA (a bad mapping file: err says where), or AG_ENOMEM; on
 * failure a folder the import created is removed again. The input files
 * are never modified.
 */
ag_status_t ag_import(const char *const *files, size_t n, const char *outdir,
                     const ag_import_opts_t *opts, ag_import_stats_t *stats, ag_diags_t *diags,
                     ag_import_progress_fn progress, void *ud, ag_error_t *err);

/* ag_import of GDELT 1.0 files with the default options. */
ag_status_t ag_import_gdelt(const char *const *files, size_t n, const char *outdir,
                            ag_import_stats_t *stats, ag_diags_t *diags,
                            ag_import_progress_fn progress, void *ud, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
