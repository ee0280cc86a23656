/*
 * slice_args.h: the options that choose which slice of a dataset a
 * subcommand looks at, parsed and checked alike by every subcommand that
 * takes them: --era ID (repeatable) / --all, --level, --ties, --types,
 * --format (table, csv, json or md), -o FILE, and the DATASET argument.
 *
 * A subcommand lists the ones it takes in its struct option table with the
 * codes below, handles its own options in its getopt_long switch and hands
 * everything else to slice_args_option (which also reports unknown options
 * and missing values). After loading the dataset, slice_args_resolve turns
 * --types and --era into a mask and era indexes.
 */
#ifndef AG_CLI_SLICE_ARGS_H
#define AG_CLI_SLICE_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/era.h"
#include "actorgraph/model.h"

/* Option codes for struct option tables; a subcommand's own long-only
 * options are numbered from SLICE_OPT_END on. */
enum {
    SLICE_OPT_ERA = 256,
    SLICE_OPT_ALL,
    SLICE_OPT_LEVEL,
    SLICE_OPT_TIES,
    SLICE_OPT_TYPES,
    SLICE_OPT_FORMAT,
    SLICE_OPT_DATES,
    SLICE_OPT_END
};

/*
 * The slice options of one command line.
 *   cmd:        the subcommand's name and a space ("report "), for usage
 *               errors.
 *   era_ids:    the --era ids, in the order given; n_era_ids of them (room
 *               for argc, owned).
 *   all:        whether --all was given.
 *   level:      --level (default actor).
 *   ties:       --ties (default all).
 *   dates:      --dates (default probable).
 *   types_arg:  --types as given, or NULL.
 *   format:     --format as an ag_format_t, or -1 when not given (a
 *               subcommand with a fixed default sets it after init).
 *   out:        -o / --output, or NULL for standard output.
 *   dir:        the dataset folder (slice_args_dataset; the default one
 *               when none is named).
 *   types:      after slice_args_resolve, the --types mask over the
 *               dataset's types, or NULL for every type (owned).
 *   eras:       after slice_args_resolve, the --era eras in the order
 *               given, or every era in file order; n_eras of them (owned).
 */
typedef struct {
    const char *cmd;
    const char **era_ids;
    size_t n_era_ids;
    bool all;
    ag_level_t level;
    ag_ties_t ties;
    ag_dates_t dates;
    const char *types_arg;
    int format;
    const char *out;
    const char *dir;
    bool *types;
    long *eras;
    size_t n_eras;
} slice_args_t;

/* Starts a with the defaults, with room for argc --era ids. Returns
 * AG_EXIT_OK, or AG_EXIT_DATA after printing "out of memory" (a is then
 * safe to destroy). */
int slice_args_init(slice_args_t *a, const char *cmd, int argc);

/* Frees what a owns; accepts a zeroed struct, can't fail. */
void slice_args_destroy(slice_args_t *a);

/*
 * Takes what getopt_long returned for a slice option (with optarg), -o,
 * or a bad option (':' needs a value, '?' unknown; the short options must
 * start with ':'). Returns AG_EXIT_OK, or AG_EXIT_USAGE after printing the
 * usage error.
 */
int slice_args_option(slice_args_t *a, int c, char **argv);

/* After the options: the DATASET argument and nothing else, and not both
 * --all and --era. Returns AG_EXIT_OK, or AG_EXIT_USAGE after printing the
 * usage error. */
int slice_args_dataset(slice_args_t *a, int argc, char **argv);

/* With the dataset loaded: the --types mask, then the eras. Returns
 * AG_EXIT_OK; AG_EXIT_USAGE for an unknown type or era, AG_EXIT_DATA on
 * failure, the message printed. */
int slice_args_resolve(slice_args_t *a, const ag_dataset_t *ds);

/* For the commands that work era by era: with no era to work on (the
 * dataset defines none), prints "DATASET: no eras to report: ..." with
 * hint (what else the command offers, or "") and returns AG_EXIT_DATA;
 * else AG_EXIT_OK. */
int slice_args_need_eras(const slice_args_t *a, const ag_dataset_t *ds, const char *hint);

/* An era named on the command line by id or unique name: its index in
 * *era, or, when there is no such era, AG_EXIT_USAGE after printing
 * "unknown era 'X'" with a suggestion or the eras that exist. */
int slice_args_find_era(const ag_dataset_t *ds, const char *id, long *era);

#endif
