/*
 * cmd_timeline.c: actorgraph timeline [DATASET] [--metric LIST] [--window 10y]
 *                 [--step 1y] [--from EDTF] [--to EDTF] [--level L] [--ties T]
 *                 [--types LIST] [--actors LIST] [--top N] [--format F] [-o FILE]
 *
 * Metrics over time through a sliding window: the long tidy table, or per
 * metric a table of windows by actors.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/output.h"
#include "actorgraph/timeline.h"
#include "cli.h"
#include "slice_args.h"

static const char usage_text[] =
    "usage: actorgraph timeline [DATASET] [--metric LIST] [--window 10y] [--step 1y]\n"
    "                           [--from EDTF] [--to EDTF] [--level actor|state]\n"
    "                           [--ties all|positive|negative] [--types LIST]\n"
    "                           [--actors LIST] [--top N] [--format table|csv|json|md]\n"
    "                           [-o FILE]\n"
    "\n"
    "Metrics over time: the relations are sliced into windows of a fixed length\n"
    "that start every step, and each window is measured as 'report' measures an\n"
    "era (a relation is in every window its dates overlap).\n"
    "\n"
    "Options:\n"
    "  --metric LIST   metrics to follow (default betweenness); any of degree,\n"
    "                  strength, betweenness, harmonic, eigenvector, in_degree,\n"
    "                  out_degree, pagerank, hub, authority, pn, or all\n"
    "  --window SPAN   length of a window: Ny years, Nm months, Nd days (default 10y)\n"
    "  --step SPAN     how far each window starts after the last (default 1y)\n"
    "  --from EDTF     first window starts on this date's first day (default: the\n"
    "                  earliest bounded date of the relations)\n"
    "  --to EDTF       last window ends by this date's last day (default: the\n"
    "                  latest bounded date); windows that would end later are\n"
    "                  left out, but there is always at least one\n"
    "  --level L       actor (default) or state (actors rolled up to their state)\n"
    "  --ties T        all (default), positive or negative\n"
    "  --types LIST    only these relation types (comma-separated ids)\n"
    "  --actors LIST   table and md: the actors to show (default: the --top N\n"
    "                  with the highest value in any window)\n"
    "  --top N         table and md: how many actors to show (default 6)\n"
    "  --format F      table (default on a terminal), csv (default otherwise: the\n"
    "                  long form window,start,end,level,ties,actor,name,metric,\n"
    "                  value,rank), json (the same rows) or md\n"
    "  -o FILE         write to FILE (atomically) instead of standard output\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 success, 1 invalid data or failure, 2 usage error.\n";

enum { OPT_METRIC = SLICE_OPT_END, OPT_WINDOW, OPT_STEP, OPT_FROM, OPT_TO, OPT_ACTORS, OPT_TOP };

static void progress(void *ud, size_t done, size_t n)
{
    (void)ud;
    fprintf(stderr, "\rtimeline: window %zu/%zu", done, n);
    if (done == n)
        fputc('\n', stderr);
}

int cmd_timeline(int argc, char **argv)
{
    static const struct option opts[] = {
        { "metric", required_argument, NULL, OPT_METRIC },
        { "window", required_argument, NULL, OPT_WINDOW },
        { "step", required_argument, NULL, OPT_STEP },
        { "from", required_argument, NULL, OPT_FROM },
        { "to", required_argument, NULL, OPT_TO },
        { "level", required_argument, NULL, SLICE_OPT_LEVEL },
        { "ties", required_argument, NULL, SLICE_OPT_TIES },
        { "types", required_argument, NULL, SLICE_OPT_TYPES },
        { "actors", required_argument, NULL, OPT_ACTORS },
        { "top", required_argument, NULL, OPT_TOP },
        { "format", required_argument, NULL, SLICE_OPT_FORMAT },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *metric_arg = "betweenness", *from = NULL, *to = NULL, *actors = NULL;
    ag_span_t window = { 10, AG_SPAN_YEARS }, step = { 1, AG_SPAN_YEARS };
    long top = 6;
    unsigned mask = 0;
    int32_t first, last;
    char what[256], a[AG_DAY_TEXT_SIZE], b[AG_DAY_TEXT_SIZE];
    ag_window_t *windows = NULL;
    size_t n_windows = 0;
    ag_dataset_t ds;
    ag_slice_opts_t so;
    ag_table_t t;
    ag_error_t err;
    ag_out_t out;
    slice_args_t sa;
    FILE *fp = stdout;
    int c, rc;

    ag_dataset_init(&ds);
    memset(&t, 0, sizeof t);
    memset(&out, 0, sizeof out);
    ag_error_clear(&err);
    if ((rc = slice_args_init(&sa, "timeline ", argc)) != AG_EXIT_OK)
        goto done;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case OPT_METRIC: metric_arg = optarg; break;
        case OPT_WINDOW:
        case OPT_STEP:
            if (ag_span_parse(optarg, c == OPT_WINDOW ? &window : &step) != 0) {
                rc = cli_usage_error("timeline ", "bad --%s '%s': use Ny, Nm or Nd (10y, 6m, 30d)",
                                     c == OPT_WINDOW ? "window" : "step", optarg);
                goto done;
            }
            break;
        case OPT_FROM: from = optarg; break;
        case OPT_TO: to = optarg; break;
        case OPT_ACTORS: actors = optarg; break;
        case OPT_TOP: {
            char *end;
            top = strtol(optarg, &end, 10);
            if (end == optarg || *end || top < 1) {
                rc = cli_usage_error("timeline ", "--top takes a number from 1, not '%s'", optarg);
                goto done;
            }
            break;
        }
        case 'h': fputs(usage_text, stdout); goto done;
        default:
            if ((rc = slice_args_option(&sa, c, argv)) != AG_EXIT_OK)
                goto done;
        }
    }
    if (ag_metric_list_parse(metric_arg, &mask, &err) != AG_OK) {
        rc = cli_usage_error("timeline ", "%s", err.msg);
        goto done;
    }
    if ((rc = slice_args_dataset(&sa, argc, argv)) != AG_EXIT_OK)
        goto done;
    {
        ag_date_t d;
        if ((from && !cli_parse_date("timeline ", "--from", from, &d)) ||
            (to && !cli_parse_date("timeline ", "--to", to, &d))) {
            rc = AG_EXIT_USAGE;
            goto done;
        }
    }
    if ((rc = cli_load(sa.dir, &ds, false)) != AG_EXIT_OK ||
        (rc = slice_args_resolve(&sa, &ds)) != AG_EXIT_OK)
        goto done;
    if (actors) {
        char *list = strdup(actors), *save = NULL;
        if (!list)
            goto oom;
        for (char *id = strtok_r(list, ",", &save); id; id = strtok_r(NULL, ",", &save))
            if (ag_dataset_find_actor(&ds, id) < 0) {
                const char *s = ag_suggest_actor(&ds, id);
                rc = cli_usage_error("timeline ", "unknown actor '%s'%s%s%s", id,
                                     s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
                free(list);
                goto done;
            }
        free(list);
    }
    if (ag_dataset_date_range(&ds, &first, &last, &err) != AG_OK)
        goto failed;
    if (from) {
        ag_date_t d;
        ag_date_parse(from, &d, NULL, 0);
        if (d.first != AG_DAY_MIN)
            first = d.first;
    }
    if (to) {
        ag_date_t d;
        ag_date_parse(to, &d, NULL, 0);
        if (d.last != AG_DAY_MAX)
            last = d.last;
    }
    if (last < first) {
        rc = cli_usage_error("timeline ", "the range ends (%s) before it starts (%s)",
                             ag_day_format(last, b), ag_day_format(first, a));
        goto done;
    }
    if (ag_timeline_windows(first, last, &window, &step, &windows, &n_windows, &err) != AG_OK)
        goto failed;

    if (sa.format < 0)
        sa.format = !sa.out && isatty(STDOUT_FILENO) ? AG_FMT_TABLE : AG_FMT_CSV;
    ag_slice_opts_default(&so);
    so.level = sa.level;
    so.ties = sa.ties;
    so.types = sa.types;
    if (ag_timeline_table_init(&t, &err) != AG_OK ||
        ag_timeline_compute(&ds, &so, mask, windows, n_windows, &t,
                            isatty(STDERR_FILENO) && n_windows > 1 ? progress : NULL, NULL,
                            &err) != AG_OK)
        goto failed;
    if (sa.out) {
        if (ag_out_open(&out, sa.out, &err) != AG_OK)
            goto failed;
        fp = out.fp;
    }
    ag_timeline_describe(&window, &step, first, last, sa.level, sa.ties, what, sizeof what);
    if (sa.format == AG_FMT_TABLE || sa.format == AG_FMT_MD) {
        if (ag_timeline_write_matrix(&t, mask, actors, top, what, (ag_format_t)sa.format, fp,
                                     &err) != AG_OK)
            goto failed;
    } else if (ag_table_write(&t, (ag_format_t)sa.format, fp, &err) != AG_OK) {
        goto failed;
    }
    if (sa.out && ag_out_commit(&out, &err) != AG_OK)
        goto failed;
    goto done;
oom:
    ag_error_set(&err, AG_ENOMEM, NULL, 0, "out of memory");
failed:
    cli_report_error(&err);
    rc = AG_EXIT_DATA;
done:
    ag_out_abort(&out);
    ag_table_destroy(&t);
    free(windows);
    slice_args_destroy(&sa);
    ag_dataset_destroy(&ds);
    return rc;
}
