/*
 * cmd_check.c: actorgraph check [DATASET] [--strict] [--quiet]
 *
 * Loads a dataset and reports every problem in one run, each as
 * FILE:LINE: message, then a summary line with counts.
 */
#include <stdio.h>
#include <string.h>

#include "actorgraph/load.h"
#include "cli.h"
#include "options.h"

static const char usage_text[] =
    "usage: actorgraph check [DATASET] [--strict] [--quiet]\n"
    "\n"
    "Validate a dataset: every error and warning, each as FILE:LINE: message,\n"
    "then a summary line with counts.\n"
    "\n"
    "Errors: unknown actor or type ids, duplicate ids, bad dates, signs or\n"
    "weights, unknown or cyclic parent/continues, empty required fields,\n"
    "wrong field counts, unterminated quotes, invalid UTF-8, NUL bytes,\n"
    "missing or empty files.\n"
    "Warnings: relations dated outside an actor's active interval,\n"
    "self-relations, relations without a cite, duplicate relations, leaders\n"
    "and agencies without a parent.\n"
    "A dataset is clean with warnings, unless --strict.\n"
    "\n";

/* The plural ending for a count. */
#define S(n) ((n) == 1 ? "" : "s")

int cmd_check(int argc, char **argv)
{
    bool strict = false, quiet = false;
    const cli_option_t opts[] = {
        CLI_FLAG(0, "strict", &strict, "treat warnings as errors"),
        CLI_FLAG(0, "quiet", &quiet, "print only the problems, not the summary line"),
        CLI_END,
    };
    const char *dir;
    cli_args_t a;
    ag_dataset_t ds;
    ag_diags_t diags;
    ag_error_t err;
    ag_status_t st;
    int rc;

    cli_args_init(&a, "check", usage_text, NULL);
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ 0)) != CLI_CONTINUE) {
        cli_args_destroy(&a);
        return rc;
    }
    dir = a.dir;

    ag_dataset_init(&ds);
    ag_diags_init(&diags);
    ag_error_clear(&err);
    st = ag_dataset_load(&ds, dir, &diags, &err);
    cli_print_diags(&diags, true);
    if (st != AG_OK && st != AG_EDATA) {
        cli_report_error(&err);
        rc = AG_EXIT_DATA;
        goto done;
    }
    rc = diags.errors || (strict && diags.warnings) ? AG_EXIT_DATA : AG_EXIT_OK;
    if (!quiet)
        printf("%s: %zu actor%s, %zu relation%s, %zu era%s, %zu type%s%s; "
               "%zu error%s, %zu warning%s%s\n",
               dir, ds.n_actors, S(ds.n_actors), ds.n_relations, S(ds.n_relations),
               ds.n_eras, S(ds.n_eras), ds.n_types, S(ds.n_types),
               ds.builtin_types ? " (built-in)" : "", diags.errors, S(diags.errors),
               diags.warnings, S(diags.warnings),
               strict && diags.warnings ? " (--strict: warnings count as errors)" : "");
done:
    cli_args_destroy(&a);
    ag_diags_destroy(&diags);
    ag_dataset_destroy(&ds);
    return rc;
}
