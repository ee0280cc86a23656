/*
 * cmd_timeline.c: actorgraph timeline [DATASET] [--metric LIST] [--window 10y]
 *                 [--step 1y] [--from EDTF] [--to EDTF] [--level L] [--ties T]
 *                 [--types LIST] [--actors LIST] [--top N] [--format F] [-o FILE]
 *                 [--plot FILE] [--threads N] [--sample K] [--quiet]
 *
 * Metrics over time through a sliding window: the long tidy table, or per
 * metric a table of windows by actors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/chart.h"
#include "actorgraph/output.h"
#include "actorgraph/timeline.h"
#include "cli.h"
#include "options.h"

static const char usage_text[] =
    "usage: actorgraph timeline [DATASET] [--metric LIST] [--window 10y] [--step 1y]\n"
    "                           [--from EDTF] [--to EDTF] [--level actor|state]\n"
    "                           [--ties all|positive|negative] [--types LIST] [--dates RULE]\n"
    "                           [--actors LIST] [--top N] [--format table|csv|json|md|html]\n"
    "                           [-o FILE] [--plot FILE.svg|png|pdf]\n"
    "                           [--threads N] [--sample K] [--quiet]\n"
    "\n"
    "Metrics over time: the relations are sliced into windows of a fixed length\n"
    "that start every step, and each window is measured as 'report' measures an\n"
    "era (an interval is in every window it overlaps, a single date by --dates).\n"
    "\n";

static int parse_top(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    char *end;
    long top = strtol(arg, &end, 10);
    if (end == arg || *end || top < 1)
        return cli_usage_error(a->prefix, "--top takes a number from 1, not '%s'", arg);
    *(long *)opt->value = top;
    return AG_EXIT_OK;
}

static void progress(void *ud, size_t done, size_t n)
{
    (void)ud;
    fprintf(stderr, "\rtimeline: window %zu/%zu", done, n);
    if (done == n)
        fputc('\n', stderr);
}

int cmd_timeline(int argc, char **argv)
{
    const char *metric_arg = "betweenness", *actors = NULL, *plot = NULL;
    char *ids = NULL;
    ag_span_t window = { 10, AG_SPAN_YEARS }, step = { 1, AG_SPAN_YEARS };
    long top = 6;
    cli_args_t a;
    const cli_option_t opts[] = {
        CLI_GROUP("Which windows:"),
        CLI_STRING(0, "metric", &metric_arg, "LIST",
                   "metrics to follow (default betweenness); any of degree,\n"
                   "strength, betweenness, harmonic, eigenvector, in_degree,\n"
                   "out_degree, pagerank, hub, authority, pn, or all"),
        CLI_CALLBACK(0, "window", &window, "SPAN",
                     "length of a window: Ny years, Nm months, Nd days (default 10y)",
                     cli_cb_span),
        CLI_CALLBACK(0, "step", &step, "SPAN",
                     "how far each window starts after the last (default 1y)", cli_cb_span),
        CLI_CALLBACK(0, "from", &a, "EDTF",
                     "first window starts on this date's first day (default: the\n"
                     "earliest bounded date of the relations)",
                     cli_cb_from),
        CLI_CALLBACK(0, "to", &a, "EDTF",
                     "last window ends by this date's last day (default: the\n"
                     "latest bounded date); windows that would end later are\n"
                     "left out, but there is always at least one",
                     cli_cb_to),
        CLI_GROUP("Which graph:"),
        CLI_OPT_LEVEL(&a),
        CLI_OPT_TIES(&a),
        CLI_OPT_DATES(&a),
        CLI_OPT_TYPES(&a),
        CLI_GROUP("Output:"),
        CLI_STRING(0, "actors", &actors, "LIST",
                   "table and md: the actors to show (default: the --top N\n"
                   "with the highest value in any window)"),
        CLI_CALLBACK(0, "top", &top, "N", "table and md: how many actors to show (default 6)",
                     parse_top),
        CLI_OPT_FORMAT(&a, "table, csv (the long form window,start,end,level,ties,\n"
                           "actor,name,metric,value,rank), json (the same rows), md or html"),
        CLI_OPT_OUTPUT(&a),
        CLI_OPT_PLOT(&plot, "also draw a line chart of the first metric into FILE (.svg,\n"
                            ".png or .pdf): one line per actor (--actors, or the --top N),\n"
                            "a lineage as one line (SUN then RUS), the eras as bands"),
        CLI_GROUP("How to compute:"),
        CLI_OPT_COMPUTE(&a),
        CLI_END,
    };
    unsigned mask = 0;
    int32_t first, last;
    char what[256], da[AG_DAY_TEXT_SIZE], db[AG_DAY_TEXT_SIZE];
    ag_window_t *windows = NULL;
    size_t n_windows = 0;
    ag_dataset_t ds;
    ag_slice_opts_t so;
    ag_table_t t;
    ag_error_t err;
    ag_status_t st;
    int rc;

    ag_dataset_init(&ds);
    memset(&t, 0, sizeof t);
    ag_error_clear(&err);
    cli_args_init(&a, "timeline", usage_text, &cli_page_formats);
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ 0)) != CLI_CONTINUE)
        goto done;
    if (ag_metric_list_parse(metric_arg, &mask, &err) != AG_OK) {
        rc = cli_usage_error(a.prefix, "%s", err.msg);
        goto done;
    }
    if ((rc = cli_dataset(&a, &ds)) != AG_EXIT_OK)
        goto done;
    if (actors) {
        /* Names become ids: the list handed on holds ids only. */
        char *list = strdup(actors), *save = NULL;
        size_t len = 0, longest = 0, room;
        long ai;
        for (size_t i = 0; i < ds.n_actors; i++)
            if (strlen(ds.actors[i].id) > longest)
                longest = strlen(ds.actors[i].id);
        /* At most one id per byte of the list, each with its comma. */
        room = (strlen(actors) + 1) * (longest + 1) + 1;
        if (!list || !(ids = malloc(room))) {
            free(list);
            goto oom;
        }
        *ids = '\0';
        for (char *id = strtok_r(list, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
            if ((rc = cli_find_actor(&a, &ds, id, &ai)) != AG_EXIT_OK) {
                free(list);
                goto done;
            }
            len += (size_t)snprintf(ids + len, room - len, "%s%s", len ? "," : "",
                                    ds.actors[ai].id);
        }
        free(list);
        actors = ids;
    }
    if (ag_dataset_date_range(&ds, &first, &last, &err) != AG_OK)
        goto failed;
    if (a.from && a.from_date.first != AG_DAY_MIN)
        first = a.from_date.first;
    if (a.to && a.to_date.last != AG_DAY_MAX)
        last = a.to_date.last;
    if (last < first) {
        rc = cli_usage_error(a.prefix, "the range ends (%s) before it starts (%s)",
                             ag_day_format(last, db), ag_day_format(first, da));
        goto done;
    }
    if (ag_timeline_windows(first, last, &window, &step, &windows, &n_windows, &err) != AG_OK)
        goto failed;

    ag_slice_opts_default(&so);
    so.level = a.level;
    so.ties = a.ties;
    so.dates = a.dates;
    so.types = a.types;
    if (ag_timeline_table_init(&t, &err) != AG_OK ||
        ag_timeline_compute_opts(&ds, &so, mask, &a.compute, windows, n_windows, &t,
                                 !a.quiet && isatty(STDERR_FILENO) && n_windows > 1 ? progress
                                                                                    : NULL,
                                 NULL, &err) != AG_OK)
        goto failed;
    ag_timeline_describe(&window, &step, first, last, a.level, a.ties, what, sizeof what);
    if (plot) {
        int k = 0;
        while (!(mask & (1u << k)))
            k++;
        if (ag_chart_timeline(&ds, &t, (ag_metric_t)k, actors, top, what, plot, &err) != AG_OK)
            goto failed;
    }
    if ((rc = cli_output(&a)) != AG_EXIT_OK)
        goto done;
    if (a.format == AG_FMT_TABLE || a.format == AG_FMT_MD || a.format == AG_FMT_HTML)
        st = ag_timeline_write_matrix(&t, mask, actors, top, what, (ag_format_t)a.format, a.fp,
                                      &err);
    else
        st = ag_table_write(&t, (ag_format_t)a.format, a.fp, &err);
    rc = cli_commit(&a, st, &err);
    if (rc == AG_EXIT_OK)
        cli_compute_note(&a, "window");
    goto done;
oom:
    ag_error_set(&err, AG_ENOMEM, NULL, 0, "out of memory");
failed:
    cli_report_error(&err);
    rc = AG_EXIT_DATA;
done:
    ag_table_destroy(&t);
    free(windows);
    free(ids);
    cli_args_destroy(&a);
    ag_dataset_destroy(&ds);
    return rc;
}
