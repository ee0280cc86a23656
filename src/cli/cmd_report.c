/*
 * cmd_report.c: actorgraph report [DATASET] [--era ID|--all] [--from EDTF]
 *               [--to EDTF] [--level L] [--ties T] [--types LIST]
 *               [--metric LIST] [--top N] [--format F] [-o FILE]
 *
 * Centralities and summary figures per era: who matters, in which era, by
 * which measure.
 */
#include <errno.h>
#include <getopt.h>
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
#include "slice_args.h"

static const char usage_text[] =
    "usage: actorgraph report [DATASET] [--era ID]... [--all] [--from EDTF] [--to EDTF]\n"
    "                         [--level actor|state] [--ties all|positive|negative]\n"
    "                         [--types LIST] [--metric LIST] [--top N]\n"
    "                         [--format table|csv|json|md] [-o FILE]\n"
    "\n"
    "Centrality of every actor in each era, with summary figures (actors,\n"
    "relations, dyads, density, components, transitivity, communities).\n"
    "Definitions, formulas and normalisations: docs/METHODS.md.\n"
    "\n"
    "Which periods:\n"
    "  --era ID       an era of eras.csv; repeat for several (in the order given)\n"
    "  --all          every era, in file order (the default)\n"
    "  --from EDTF    an ad-hoc window instead of eras, from the first day of\n"
    "  --to EDTF      EDTF (e.g. 1979-12) to the last day of EDTF (e.g. 1989);\n"
    "                 either may be left out for an open end\n"
    "A relation belongs to every period its dates overlap.\n"
    "\n"
    "Which graph:\n"
    "  --level L      actor (default), or state: leaders and agencies replaced by\n"
    "                 their top-most parent, self-relations this makes dropped\n"
    "  --ties T       all (default; weight |w|), positive (w > 0) or negative\n"
    "                 (w < 0, weight |w|), where w = sign x weight\n"
    "  --types LIST   only these relation types, comma-separated\n"
    "                 (e.g. alliance,treaty,membership)\n"
    "\n"
    "What to show:\n"
    "  --metric LIST  (or --metrics) comma-separated, in any order, or all\n"
    "                 (the default): degree, strength, betweenness, harmonic,\n"
    "                 eigenvector, in_degree, out_degree, pagerank, hub, authority,\n"
    "                 pn (PN centrality of the net-signed graph)\n"
    "  --top N        per era and metric, only actors ranked N or better (ties\n"
    "                 share a rank, so there may be more than N); 0 for all.\n"
    "                 Default: 5 for table and md, all for csv and json\n"
    "  --format F     table: a page per era for reading in a terminal;\n"
    "                 csv: long and tidy, one row per era, actor and metric\n"
    "                 (era,level,ties,actor,name,metric,value,rank), values %.10g;\n"
    "                 json: an object per era with summary, communities, actors;\n"
    "                 md: Markdown tables for a paper draft.\n"
    "                 Default: table on a terminal, else csv; with -o, from the\n"
    "                 file's extension (.csv .json .md .txt), else csv\n"
    "  -o, --output FILE  write to FILE (atomically) instead of standard output\n"
    "  -h, --help     show this help\n"
    "\n"
    "Exit status: 0 success, 1 invalid dataset or failure, 2 usage error.\n";

enum { OPT_FROM = SLICE_OPT_END, OPT_TO, OPT_METRIC, OPT_TOP };

/* The format a file name suggests, or -1. */
static int format_of_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return -1;
    if (strcmp(dot, ".txt") == 0)
        return AG_FMT_TABLE;
    return ag_format_parse(dot + 1);
}

int cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        { "era", required_argument, NULL, SLICE_OPT_ERA },
        { "all", no_argument, NULL, SLICE_OPT_ALL },
        { "from", required_argument, NULL, OPT_FROM },
        { "to", required_argument, NULL, OPT_TO },
        { "level", required_argument, NULL, SLICE_OPT_LEVEL },
        { "ties", required_argument, NULL, SLICE_OPT_TIES },
        { "types", required_argument, NULL, SLICE_OPT_TYPES },
        { "metric", required_argument, NULL, OPT_METRIC },
        { "metrics", required_argument, NULL, OPT_METRIC },
        { "top", required_argument, NULL, OPT_TOP },
        { "format", required_argument, NULL, SLICE_OPT_FORMAT },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *from = NULL, *to = NULL;
    int fmt, c, rc;
    ag_report_opts_t ro = { AG_LEVEL_ACTOR, AG_TIES_ALL, NULL, AG_METRICS_ALL, -1, 0 };
    ag_date_t dfrom, dto;
    ag_dataset_t ds;
    ag_report_t report;
    ag_error_t err;
    ag_out_t o;
    slice_args_t sa;
    FILE *fp = stdout;

    ag_dataset_init(&ds);
    memset(&report, 0, sizeof report);
    memset(&o, 0, sizeof o);
    ag_error_clear(&err);
    if ((rc = slice_args_init(&sa, "report ", argc)) != AG_EXIT_OK)
        goto done;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case OPT_FROM: from = optarg; break;
        case OPT_TO: to = optarg; break;
        case OPT_METRIC:
            if (ag_metric_list_parse(optarg, &ro.metrics, &err) != AG_OK) {
                rc = cli_usage_error("report ", "%s", err.msg);
                goto done;
            }
            break;
        case OPT_TOP: {
            char *end;
            long n;
            errno = 0;
            n = strtol(optarg, &end, 10);
            if (!*optarg || *end || errno || n < 0) {
                rc = cli_usage_error("report ", "bad --top '%s' (a whole number, 0 for all)",
                                     optarg);
                goto done;
            }
            ro.top = n;
            break;
        }
        case 'h':
            fputs(usage_text, stdout);
            goto done;
        default:
            if ((rc = slice_args_option(&sa, c, argv)) != AG_EXIT_OK)
                goto done;
        }
    }
    if ((rc = slice_args_dataset(&sa, argc, argv)) != AG_EXIT_OK)
        goto done;
    if ((from || to) && (sa.all || sa.n_era_ids)) {
        rc = cli_usage_error("report ", "--from/--to and --era/--all exclude each other");
        goto done;
    }
    if ((from && !cli_parse_date("report ", "--from", from, &dfrom)) ||
        (to && !cli_parse_date("report ", "--to", to, &dto))) {
        rc = AG_EXIT_USAGE;
        goto done;
    }
    if (from && to && dto.last < dfrom.first) {
        rc = cli_usage_error("report ", "the window ends (%s) before it starts (%s)", to, from);
        goto done;
    }
    if ((fmt = sa.format) < 0) {
        if (sa.out)
            fmt = format_of_path(sa.out) >= 0 ? format_of_path(sa.out) : AG_FMT_CSV;
        else
            fmt = isatty(STDOUT_FILENO) ? AG_FMT_TABLE : AG_FMT_CSV;
    }
    if (!sa.out && isatty(STDOUT_FILENO)) {
        /* Fit the page to the terminal; files get the fixed default width,
         * so that they don't depend on where they were made. */
        struct winsize ws;
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
            ro.width = ws.ws_col < 60 ? 60 : ws.ws_col;
    }

    if ((rc = cli_load(sa.dir, &ds, false)) != AG_EXIT_OK ||
        (rc = slice_args_resolve(&sa, &ds)) != AG_EXIT_OK ||
        (!(from || to) && (rc = slice_args_need_eras(&sa, &ds, ", or give a window with --from/--to")) != AG_EXIT_OK))
        goto done;

    ro.level = sa.level;
    ro.ties = sa.ties;
    ro.types = sa.types;
    if (ag_report_init(&report, &ds, &ro, &err) != AG_OK)
        goto failed;
    if (from || to) {
        char id[2 * AG_DATE_TEXT_SIZE + 2], a[AG_DATE_TEXT_SIZE], b[AG_DATE_TEXT_SIZE];
        if (from)
            ag_date_format(&dfrom, a, sizeof a);
        if (to)
            ag_date_format(&dto, b, sizeof b);
        snprintf(id, sizeof id, "%s/%s", from ? a : "..", to ? b : "..");
        if (ag_report_add_window(&report, id, id, id, from ? dfrom.first : AG_DAY_MIN,
                                 to ? dto.last : AG_DAY_MAX, &err) != AG_OK)
            goto failed;
    } else {
        for (size_t i = 0; i < sa.n_eras; i++)
            if (ag_report_add_era(&report, sa.eras[i], &err) != AG_OK)
                goto failed;
    }

    if (sa.out) {
        if (ag_out_open(&o, sa.out, &err) != AG_OK)
            goto failed;
        fp = o.fp;
    }
    if (ag_report_write(&report, (ag_format_t)fmt, fp, &err) != AG_OK) {
        ag_out_abort(&o);
        goto failed;
    }
    if (sa.out && ag_out_commit(&o, &err) != AG_OK)
        goto failed;
    goto done;

failed:
    cli_report_error(&err);
    rc = AG_EXIT_DATA;
done:
    ag_report_destroy(&report);
    ag_dataset_destroy(&ds);
    slice_args_destroy(&sa);
    return rc;
}
