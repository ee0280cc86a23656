/*
 * cmd_run.c: actorgraph run [DATASET] [-o DIR] [--level L] [--ties T]
 *            [--types LIST] [--compare A B] [--window SPAN] [--step SPAN]
 *            [--quiet] [--threads N] [--sample K]
 *
 * The main job (ag_job_run, job.h): this file only parses its options and
 * prints its progress.
 */
#include <stdio.h>
#include <string.h>

#include "actorgraph/job.h"
#include "actorgraph/render.h"
#include "cli.h"
#include "options.h"

static const char usage_text[] =
    "usage: actorgraph run [DATASET] [-o DIR] [--level actor|state]\n"
    "                      [--ties all|positive|negative] [--types LIST] [--dates RULE]\n"
    "                      [--compare ERA_A ERA_B] [--window SPAN] [--step SPAN]\n"
    "                      [--quiet] [--threads N] [--sample K]\n"
    "\n"
    "The main job. Writes into DIR/NAME/ (NAME: the dataset folder's name):\n"
    "  eras/ERA.md, .csv, .json   each era's report (as 'actorgraph report')\n"
    "  eras/ERA.dot, .svg, .png   each era's diagram (as 'actorgraph render')\n"
    "  eras/ERA.gexf, .graphml    each era's graph for Gephi and other tools\n"
    "                             (as 'actorgraph export')\n"
    "  balance.md, .csv, .json    structural balance of every era\n"
    "  timeline.csv, .md          every metric in windows (10 years long, a year\n"
    "                             apart by default; as 'actorgraph timeline\n"
    "                             --metric all'; the md shows degree, betweenness\n"
    "                             and pagerank)\n"
    "  compare/A-vs-B.md, .json, .svg, .png, .dot, and one csv per part\n"
    "                             (actors, correlations, summary, dyads,\n"
    "                             relations): by default the first main era\n"
    "                             against the last (below)\n"
    "  index.md                   what was written, with the pictures\n"
    "Main eras are those with relations whose period does not lie inside\n"
    "another era's; the first and last are taken by start (then end) date.\n"
    "The timeline starts with the earliest relation bounded at both ends: one\n"
    "still in force (1948/..) counts in its windows but does not move the\n"
    "start. Every file is written to a temporary file and renamed, and the same\n"
    "input gives the same bytes. Progress goes to standard error.\n"
    "\n";

static int parse_dir(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    if (!*arg)
        return cli_usage_error(a->prefix, "-o needs a folder name");
    *(const char **)opt->value = arg;
    return AG_EXIT_OK;
}

static void progress(void *ud, const char *line)
{
    (void)ud;
    fprintf(stderr, "actorgraph: run: %s\n", line);
}

int cmd_run(int argc, char **argv)
{
    ag_job_opts_t jo;
    const char *pair[2] = { NULL, NULL };
    cli_args_t a;
    const cli_option_t opts[] = {
        CLI_GROUP("Which graph:"),
        CLI_OPT_LEVEL(&a),
        CLI_OPT_TIES(&a),
        CLI_OPT_DATES(&a),
        CLI_OPT_TYPES(&a),
        CLI_GROUP("What to write:"),
        CLI_PAIR("compare", pair, "ERA_A ERA_B",
                 "the eras to compare (default: the first and the last\nmain era)"),
        CLI_CALLBACK(0, "window", &jo.window, "SPAN",
                     "the timeline's window: Ny, Nm or Nd (default 10y)", cli_cb_span),
        CLI_CALLBACK(0, "step", &jo.step, "SPAN",
                     "how far apart the timeline's windows start (default 1y)", cli_cb_span),
        CLI_CALLBACK('o', "output", &jo.out_dir, "DIR", "where to write (default: out)",
                     parse_dir),
        CLI_GROUP("How to compute:"),
        CLI_OPT_COMPUTE(&a),
        CLI_END,
    };
    ag_dataset_t ds;
    ag_error_t err;
    int rc;

    ag_job_opts_default(&jo);
    ag_dataset_init(&ds);
    ag_error_clear(&err);
    cli_args_init(&a, "run", usage_text, NULL);
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ 0)) != CLI_CONTINUE ||
        (rc = cli_dataset(&a, &ds)) != AG_EXIT_OK)
        goto done;
    if (pair[0] && ((rc = cli_find_era(&ds, pair[0], &jo.compare_a)) != AG_EXIT_OK ||
                    (rc = cli_find_era(&ds, pair[1], &jo.compare_b)) != AG_EXIT_OK))
        goto done;
    jo.level = a.level;
    jo.ties = a.ties;
    jo.dates = a.dates;
    jo.types = a.types;
    jo.types_text = a.types_arg;
    jo.compute = a.compute;
    if (ag_job_run(&ds, &jo, a.quiet ? NULL : progress, NULL, &err) != AG_OK)
        rc = cli_fail(&a, &err);
    else
        cli_compute_note(&a, "era");
done:
    ag_render_cleanup();
    cli_args_destroy(&a);
    ag_dataset_destroy(&ds);
    return rc;
}
