/*
 * cmd_report.c: actorgraph report [DATASET] [--era ID|--all] [--from EDTF]
 *               [--to EDTF] [--level L] [--ties T] [--types LIST]
 *               [--metric LIST] [--top N] [--format F] [-o FILE]
 *
 * Centralities and summary figures per era: who matters, in which era, by
 * which measure.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "actorgraph/date.h"
#include "actorgraph/output.h"
#include "actorgraph/report.h"
#include "cli.h"
#include "options.h"

static const char usage_text[] =
    "usage: actorgraph report [DATASET] [--era ID]... [--all] [--from EDTF] [--to EDTF]\n"
    "                         [--level actor|state] [--ties all|positive|negative]\n"
    "                         [--types LIST] [--dates RULE] [--metric LIST] [--top N]\n"
    "                         [--format table|csv|json|md|html] [-o FILE]\n"
    "                         [--threads N] [--sample K] [--quiet]\n"
    "\n"
    "Centrality of every actor in each era, with summary figures (actors,\n"
    "relations, dyads, density, components, transitivity, communities).\n"
    "Definitions, formulas and normalisations: docs/METHODS.md.\n"
    "An interval (1954/1972) belongs to every period it overlaps; a single\n"
    "date (1965, 196X) to a period by the --dates rule.\n"
    "\n";

static int parse_metric(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    ag_error_t err;
    ag_error_clear(&err);
    if (ag_metric_list_parse(arg, opt->value, &err) != AG_OK)
        return cli_usage_error(a->prefix, "%s", err.msg);
    return AG_EXIT_OK;
}

static int parse_top(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    char *end;
    long n;
    errno = 0;
    n = strtol(arg, &end, 10);
    if (!*arg || *end || errno || n < 0)
        return cli_usage_error(a->prefix, "bad --top '%s' (a whole number, 0 for all)", arg);
    *(long *)opt->value = n;
    return AG_EXIT_OK;
}

int cmd_report(int argc, char **argv)
{
    ag_report_opts_t ro = { AG_LEVEL_ACTOR, AG_TIES_ALL, NULL, AG_METRICS_ALL, -1, 0,
                            AG_DATES_PROBABLE };
    cli_args_t a;
    const cli_option_t opts[] = {
        CLI_GROUP("Which periods:"),
        CLI_OPT_ERAS(&a),
        CLI_OPT_WINDOW(&a),
        CLI_GROUP("Which graph:"),
        CLI_OPT_LEVEL(&a),
        CLI_OPT_TIES(&a),
        CLI_OPT_DATES(&a),
        CLI_OPT_TYPES(&a),
        CLI_GROUP("What to show:"),
        CLI_CALLBACK(0, "metric", &ro.metrics, "LIST",
                     "(or --metrics) comma-separated, in any order, or all\n"
                     "(the default): degree, strength, betweenness, harmonic,\n"
                     "eigenvector, in_degree, out_degree, pagerank, hub, authority,\n"
                     "pn (PN centrality of the net-signed graph)",
                     parse_metric),
        CLI_CALLBACK(0, "metrics", &ro.metrics, "LIST", NULL, parse_metric),
        CLI_CALLBACK(0, "top", &ro.top, "N",
                     "per era and metric, only actors ranked N or better (ties\n"
                     "share a rank, so there may be more than N); 0 for all.\n"
                     "Default: 5 for table and md, all for csv and json",
                     parse_top),
        CLI_OPT_FORMAT(&a, "table: a page per era for reading in a terminal;\n"
                           "csv: long and tidy, one row per era, actor and metric\n"
                           "(era,level,ties,actor,name,metric,value,rank), values %.10g;\n"
                           "json: an object per era with summary, communities, actors;\n"
                           "md: Markdown tables for a paper draft;\n"
                           "html: one self-contained page, tables that sort"),
        CLI_OPT_OUTPUT(&a),
        CLI_GROUP("How to compute:"),
        CLI_OPT_COMPUTE(&a),
        CLI_END,
    };
    ag_dataset_t ds;
    ag_report_t report;
    ag_error_t err;
    ag_status_t st = AG_OK;
    int rc;

    ag_dataset_init(&ds);
    memset(&report, 0, sizeof report);
    ag_error_clear(&err);
    cli_args_init(&a, "report", usage_text, &cli_page_formats);
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ 0)) != CLI_CONTINUE)
        goto done;
    if (cli_to_stdout(&a) && isatty(STDOUT_FILENO)) {
        /* Fit the page to the terminal; files get the fixed default width,
         * so that they don't depend on where they were made. */
        struct winsize ws;
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
            ro.width = ws.ws_col < 60 ? 60 : ws.ws_col;
    }
    if ((rc = cli_dataset(&a, &ds)) != AG_EXIT_OK ||
        (rc = cli_need_eras(&a, &ds, ", or give a window with --from/--to")) != AG_EXIT_OK)
        goto done;

    ro.level = a.level;
    ro.ties = a.ties;
    ro.dates = a.dates;
    ro.types = a.types;
    if ((st = ag_report_init(&report, &ds, &ro, &err)) != AG_OK) {
        rc = cli_fail(&a, &err);
        goto done;
    }
    ag_report_set_compute(&report, &a.compute);
    /* The report's pages read the vertices of each era graph, not its
     * edges: those go once an era is measured. */
    ag_report_set_lean(&report, true);
    /* The CSV is the tidy table of the metrics alone: no communities,
     * blocs or transitivity to compute. */
    ag_report_set_summary(&report, a.format != AG_FMT_CSV);
    for (size_t i = 0; i < a.n_eras && st == AG_OK; i++)
        st = ag_report_add_era(&report, a.eras[i], &err);
    if (st != AG_OK) {
        rc = cli_fail(&a, &err);
        goto done;
    }
    if ((rc = cli_output(&a)) == AG_EXIT_OK)
        rc = cli_commit(&a, ag_report_write(&report, (ag_format_t)a.format, a.fp, &err), &err);
    if (rc == AG_EXIT_OK)
        cli_compute_note(&a, "era");
done:
    ag_report_destroy(&report);
    ag_dataset_destroy(&ds);
    cli_args_destroy(&a);
    return rc;
}
