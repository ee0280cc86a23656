/*
 * compute_args.c: --threads, --sample and --quiet, and the progress line
 * (see compute_args.h).
 */
#include "compute_args.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void compute_args_init(compute_args_t *a, const char *cmd)
{
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
}

int compute_args_option(compute_args_t *a, int which, const char *value)
{
    char *end;
    long n;
    errno = 0;
    n = strtol(value, &end, 10);
    if (which == 't') {
        if (!*value || *end || errno || n < 1 || n > 1024)
            return cli_usage_error(a->cmd, "bad --threads '%s' (a whole number from 1 to 1024)",
                                   value);
        a->opts.threads = (int)n;
    } else {
        if (!*value || *end || errno || n < 0)
            return cli_usage_error(a->cmd, "bad --sample '%s' (a whole number, 0 for exact)",
                                   value);
        a->opts.sample = n;
    }
    return AG_EXIT_OK;
}

/* One line, rewritten in place: "report: cold-war: betweenness and
 * harmonic, 1200/2500 sources"; cleared when a metric is done. */
static void progress(void *ud, const char *label, const char *what, size_t done, size_t total)
{
    const compute_args_t *a = ud;
    size_t len = strlen(a->cmd);
    fprintf(stderr, "\r%.*s: %s%s%s, %zu/%zu sources\033[K", (int)(len ? len - 1 : 0), a->cmd,
            label ? label : "", label ? ": " : "", what, done, total);
    if (done == total)
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

void compute_args_finish(compute_args_t *a)
{
    if (!a->quiet && isatty(STDERR_FILENO)) {
        a->opts.progress = progress;
        a->opts.ud = a;
    }
}

void compute_args_note(const compute_args_t *a)
{
    size_t len = strlen(a->cmd);
    if (a->opts.sample > 0 && !a->quiet)
        fprintf(stderr,
                "actorgraph: %.*s: note: betweenness and harmonic are estimates from %ld sources per %s "
                "(exact where there are no more actors than that)\n",
                (int)(len ? len - 1 : 0), a->cmd, a->opts.sample,
                strcmp(a->cmd, "timeline ") == 0 ? "window" : "era");
}
