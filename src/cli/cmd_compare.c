/*
 * cmd_compare.c: actorgraph compare [DATASET] ERA_A ERA_B [--level L]
 *                [--ties T] [--types LIST] [--metric LIST] [--table PART]
 *                [--format F] [--diagram FILE] [--plot FILE] [-o FILE]
 *
 * One era against another: actors matched by lineage, ranks and rank
 * shifts, rank correlations, dyads kept, flipped, gained and lost, and the
 * summary figures side by side.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/chart.h"
#include "actorgraph/compare.h"
#include "actorgraph/output.h"
#include "actorgraph/render.h"
#include "cli.h"
#include "slice_args.h"

static const char usage_text[] =
    "usage: actorgraph compare [DATASET] ERA_A ERA_B [--level actor|state]\n"
    "                          [--ties all|positive|negative] [--types LIST]\n"
    "                          [--metric LIST] [--table PART]\n"
    "                          [--format table|csv|json|md] [--diagram FILE] [-o FILE]\n"
    "                          [--plot FILE.svg|png|pdf [--top N]]\n"
    "\n"
    "Compares era A with era B. Actors are matched by lineage: the same actor,\n"
    "else the one actor of each era whose 'continues' chains meet (RUS after 1991\n"
    "is SUN in the Cold War, shown as 'RUS (SUN)'); the others are leaving (only\n"
    "in A) or entering (only in B). For each metric: every actor's value and rank\n"
    "in both eras and its rank shift (rank in A - rank in B: positive means it\n"
    "rose), with Spearman's rho and Kendall's tau-b over the actors in both eras.\n"
    "Dyads are flipped (net sign changed), gained, lost or kept, each with the\n"
    "relations behind it; the summary figures stand side by side.\n"
    "\n"
    "Options:\n"
    "  --level L       actor (default) or state\n"
    "  --ties T        all (default), positive or negative\n"
    "  --types LIST    only these relation types (comma-separated ids)\n"
    "  --metric LIST   metrics to compare (comma-separated, or all: the default)\n"
    "  --table PART    only one part: summary, correlations, actors, dyads or\n"
    "                  relations; csv writes one part (actors by default)\n"
    "  --format F      table (default), csv, json or md\n"
    "  --diagram FILE  also draw the union of both eras, dyads styled by their\n"
    "                  change, into FILE (.dot, .svg or .png)\n"
    "  --plot FILE     also draw a slope chart of ranks, era A to era B, of the\n"
    "                  actors in both eras into FILE (.svg, .png or .pdf), by the\n"
    "                  first metric compared (betweenness when all are)\n"
    "  --top N         --plot: only actors ranked in the top N of either era\n"
    "                  (default 15; 0 for all)\n"
    "  -o FILE         write to FILE (atomically) instead of standard output\n"
    "  -h, --help      show this help\n"
    "\n"
    "csv parts (each row led by era_a,era_b,level,ties):\n"
    "  actors        actor,name,status,actor_a,actor_b,metric,value_a,rank_a,\n"
    "                value_b,rank_b,shift\n"
    "  correlations  metric,actors,spearman,kendall\n"
    "  summary       figure,value_a,value_b,difference\n"
    "  dyads         actor1,actor2,change,sign_a,sign_b,net_a,net_b,W_a,W_b,\n"
    "                relations_a,relations_b\n"
    "  relations     actor1,actor2,change,era,date,source,target,type,sign,\n"
    "                weight,w,cite,note,line\n"
    "\n"
    "Exit status: 0 success, 1 invalid data or failure, 2 usage error.\n";

enum { OPT_METRIC = SLICE_OPT_END, OPT_TABLE, OPT_DIAGRAM, OPT_PLOT, OPT_TOP };

int cmd_compare(int argc, char **argv)
{
    static const struct option opts[] = {
        { "level", required_argument, NULL, SLICE_OPT_LEVEL },
        { "ties", required_argument, NULL, SLICE_OPT_TIES },
        { "types", required_argument, NULL, SLICE_OPT_TYPES },
        { "metric", required_argument, NULL, OPT_METRIC },
        { "table", required_argument, NULL, OPT_TABLE },
        { "format", required_argument, NULL, SLICE_OPT_FORMAT },
        { "diagram", required_argument, NULL, OPT_DIAGRAM },
        { "plot", required_argument, NULL, OPT_PLOT },
        { "top", required_argument, NULL, OPT_TOP },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *metric_arg = NULL, *diagram = NULL, *plot = NULL;
    long top = 15;
    int part = AG_PART_ALL;
    ag_dataset_t ds;
    ag_compare_t cmp;
    ag_compare_opts_t co;
    ag_error_t err;
    ag_out_t out;
    slice_args_t sa;
    unsigned metrics = AG_METRICS_ALL;
    long era_a, era_b;
    FILE *fp = stdout;
    int c, first, npos, rc;

    ag_dataset_init(&ds);
    memset(&cmp, 0, sizeof cmp);
    memset(&out, 0, sizeof out);
    ag_error_clear(&err);
    if ((rc = slice_args_init(&sa, "compare ", argc)) != AG_EXIT_OK)
        goto done;
    sa.format = AG_FMT_TABLE;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case OPT_METRIC: metric_arg = optarg; break;
        case OPT_TABLE:
            if ((part = ag_cmp_part_parse(optarg)) < 0) {
                rc = cli_usage_error("compare ", "unknown part '%s' (summary, correlations, "
                                     "actors, dyads or relations)", optarg);
                goto done;
            }
            break;
        case OPT_DIAGRAM: diagram = optarg; break;
        case OPT_PLOT:
            if (ag_chart_format_of(optarg) < 0) {
                rc = cli_usage_error("compare ", "--plot '%s': use a .svg, .png or .pdf file",
                                     optarg);
                goto done;
            }
            plot = optarg;
            break;
        case OPT_TOP: {
            char *end;
            top = strtol(optarg, &end, 10);
            if (end == optarg || *end || top < 0) {
                rc = cli_usage_error("compare ", "--top takes a number from 0, not '%s'", optarg);
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
    if (metric_arg && ag_metric_list_parse(metric_arg, &metrics, &err) != AG_OK) {
        rc = cli_usage_error("compare ", "%s", err.msg);
        goto done;
    }
    if ((rc = cli_positionals("compare ", argc, argv, /* max = */ 2, &sa.dir, &first,
                              &npos)) != AG_EXIT_OK)
        goto done;
    if (npos < 2) {
        rc = cli_usage_error("compare ", "which eras? give two: ERA_A ERA_B");
        goto done;
    }
    if ((rc = cli_load(sa.dir, &ds, false)) != AG_EXIT_OK ||
        (rc = slice_args_find_era(&ds, argv[first], &era_a)) != AG_EXIT_OK ||
        (rc = slice_args_find_era(&ds, argv[first + 1], &era_b)) != AG_EXIT_OK ||
        (rc = slice_args_resolve(&sa, &ds)) != AG_EXIT_OK)
        goto done;

    co.level = sa.level;
    co.ties = sa.ties;
    co.types = sa.types;
    co.metrics = metrics;
    if (ag_compare_init(&cmp, &ds, era_a, era_b, &co, &err) != AG_OK) {
        cli_report_error(&err);
        rc = AG_EXIT_DATA;
        goto done;
    }
    if (diagram && ag_compare_diagram(&cmp, diagram, &err) != AG_OK) {
        rc = err.code == AG_EUSAGE ? cli_usage_error("compare ", "%s", err.msg)
                                   : (cli_report_error(&err), AG_EXIT_DATA);
        goto done;
    }
    if (plot) {
        /* Betweenness when every metric is compared: the measure of
         * brokerage that the comparison is usually about. */
        int k = 0;
        if (metrics & (1u << AG_M_BETWEENNESS))
            k = AG_M_BETWEENNESS;
        else
            while (!(metrics & (1u << k)))
                k++;
        if (ag_chart_slope(&cmp, (ag_metric_t)k, top, plot, &err) != AG_OK) {
            cli_report_error(&err);
            rc = AG_EXIT_DATA;
            goto done;
        }
    }
    if (sa.out) {
        if (ag_out_open(&out, sa.out, &err) != AG_OK) {
            cli_report_error(&err);
            rc = AG_EXIT_DATA;
            goto done;
        }
        fp = out.fp;
    }
    if (ag_compare_write(&cmp, (ag_format_t)sa.format, (ag_cmp_part_t)part, fp, &err) != AG_OK ||
        (sa.out && ag_out_commit(&out, &err) != AG_OK)) {
        cli_report_error(&err);
        rc = AG_EXIT_DATA;
    }
done:
    ag_render_cleanup();
    ag_out_abort(&out);
    ag_compare_destroy(&cmp);
    slice_args_destroy(&sa);
    ag_dataset_destroy(&ds);
    return rc;
}
