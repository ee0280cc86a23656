/*
 * compute_args.h: the options that say how metrics are computed, shared by
 * report, timeline and run: --threads N, --sample K, --quiet; and the
 * progress line they show on a terminal.
 */
#ifndef AG_CLI_COMPUTE_ARGS_H
#define AG_CLI_COMPUTE_ARGS_H

#include <stdbool.h>

#include "actorgraph/metrics.h"

/* Help lines for --threads and --sample, ready for a usage text. */
#define COMPUTE_ARGS_HELP                                                                  \
    "  --threads N    threads for betweenness and harmonic (default: the online\n"       \
    "                 CPUs); the output is the same whatever N is\n"                      \
    "  --sample K     estimate betweenness and harmonic from K randomly drawn\n"         \
    "                 (seeded) source actors per era, scaled; the output says they\n"     \
    "                 are estimates. 0 (the default): exact\n"

/*
 * The state of the options.
 *   cmd:    the subcommand with a space ("report "), for messages.
 *   quiet:  --quiet was given.
 *   opts:   the metric options filled from --threads and --sample, and
 *           with progress on standard error when it is a terminal.
 */
typedef struct {
    const char *cmd;
    bool quiet;
    ag_metrics_opts_t opts;
} compute_args_t;

/* Zeroes a; cmd as above. Can't fail. */
void compute_args_init(compute_args_t *a, const char *cmd);

/* Parses the value of --threads (which = 't') or --sample ('s'). Returns
 * AG_EXIT_OK, or prints the usage error and returns AG_EXIT_USAGE. */
int compute_args_option(compute_args_t *a, int which, const char *value);

/* After parsing: turns the progress line on when standard error is a
 * terminal and --quiet was not given. Can't fail. */
void compute_args_finish(compute_args_t *a);

/* Says on standard error (unless --quiet) that betweenness and harmonic
 * are estimates, when --sample asked for them. Can't fail. */
void compute_args_note(const compute_args_t *a);

#endif
