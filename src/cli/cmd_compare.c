/*
 * cmd_compare.c: actorgraph compare [DATASET] ERA_A ERA_B [--level L]
 *                [--ties T] [--types LIST] [--metric LIST] [--table PART]
 *                [--format F] [--diagram FILE] [-o FILE]
 *
 * One era against another: actors matched by lineage, ranks and rank
 * shifts, rank correlations, dyads kept, flipped, gained and lost, and the
 * summary figures side by side.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/compare.h"
#include "actorgraph/output.h"
#include "actorgraph/render.h"
#include "cli.h"

static const char usage_text[] =
    "usage: actorgraph compare [DATASET] ERA_A ERA_B [--level actor|state]\n"
    "                          [--ties all|positive|negative] [--types LIST]\n"
    "                          [--metric LIST] [--table PART]\n"
    "                          [--format table|csv|json|md] [--diagram FILE] [-o FILE]\n"
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

static int era_arg(const ag_dataset_t *ds, const char *id, long *era)
{
    const char *s;
    if ((*era = ag_dataset_find_era(ds, id)) >= 0)
        return AG_EXIT_OK;
    s = ag_suggest_era(ds, id);
    return cli_usage_error("compare ", "unknown era '%s'%s%s%s", id, s ? " (did you mean '" : "",
                           s ? s : "", s ? "'?)" : "");
}

int cmd_compare(int argc, char **argv)
{
    static const struct option opts[] = {
        { "level", required_argument, NULL, 'l' },
        { "ties", required_argument, NULL, 'i' },
        { "types", required_argument, NULL, 't' },
        { "metric", required_argument, NULL, 'm' },
        { "table", required_argument, NULL, 'p' },
        { "format", required_argument, NULL, 'f' },
        { "diagram", required_argument, NULL, 'd' },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *types_arg = NULL, *metric_arg = NULL, *out_path = NULL, *diagram = NULL, *dir;
    int level = AG_LEVEL_ACTOR, ties = AG_TIES_ALL, fmt = AG_FMT_TABLE, part = AG_PART_ALL;
    ag_dataset_t ds;
    ag_compare_t cmp;
    ag_compare_opts_t co;
    ag_error_t err;
    ag_out_t out;
    bool *types = NULL;
    unsigned metrics = AG_METRICS_ALL;
    long era_a, era_b;
    FILE *fp = stdout;
    int c, used, npos, rc = AG_EXIT_OK;

    ag_dataset_init(&ds);
    memset(&cmp, 0, sizeof cmp);
    memset(&out, 0, sizeof out);
    ag_error_clear(&err);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
        switch (c) {
        case 'l':
            if ((level = ag_level_parse(optarg)) < 0)
                return cli_usage_error("compare ", "unknown level '%s' (actor or state)", optarg);
            break;
        case 'i':
            if ((ties = ag_ties_parse(optarg)) < 0)
                return cli_usage_error("compare ", "unknown ties '%s' (all, positive or "
                                       "negative)", optarg);
            break;
        case 't': types_arg = optarg; break;
        case 'm': metric_arg = optarg; break;
        case 'p':
            if ((part = ag_cmp_part_parse(optarg)) < 0)
                return cli_usage_error("compare ", "unknown part '%s' (summary, correlations, "
                                       "actors, dyads or relations)", optarg);
            break;
        case 'f':
            if ((fmt = ag_format_parse(optarg)) < 0)
                return cli_usage_error("compare ", "unknown format '%s' (table, csv, json or "
                                       "md)", optarg);
            break;
        case 'd': diagram = optarg; break;
        case 'o': out_path = optarg; break;
        case 'h': fputs(usage_text, stdout); return AG_EXIT_OK;
        default:
            return optopt && strchr("litmpfdo", optopt)
                ? cli_usage_error("compare ", "option '%s' needs a value", argv[optind - 1])
                : cli_usage_error("compare ", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (metric_arg && ag_metric_list_parse(metric_arg, &metrics, &err) != AG_OK)
        return cli_usage_error("compare ", "%s", err.msg);
    npos = argc - optind;
    dir = cli_dataset_arg(argv + optind, npos, &used);
    npos -= used;
    if (npos < 2)
        return cli_usage_error("compare ", "which eras? give two: ERA_A ERA_B");
    if (npos > 2)
        return cli_usage_error("compare ", "unexpected argument '%s'", argv[optind + used + 2]);
    if ((rc = cli_load(dir, &ds, false)) != AG_EXIT_OK)
        goto done;
    if ((rc = era_arg(&ds, argv[optind + used], &era_a)) != AG_EXIT_OK ||
        (rc = era_arg(&ds, argv[optind + used + 1], &era_b)) != AG_EXIT_OK)
        goto done;
    if (types_arg && ag_types_mask(&ds, types_arg, &types, &err) != AG_OK) {
        rc = err.code == AG_EUSAGE ? cli_usage_error("compare ", "%s", err.msg)
                                   : (cli_report_error(&err), AG_EXIT_DATA);
        goto done;
    }

    co.level = (ag_level_t)level;
    co.ties = (ag_ties_t)ties;
    co.types = types;
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
    if (out_path) {
        if (ag_out_open(&out, out_path, &err) != AG_OK) {
            cli_report_error(&err);
            rc = AG_EXIT_DATA;
            goto done;
        }
        fp = out.fp;
    }
    if (ag_compare_write(&cmp, (ag_format_t)fmt, (ag_cmp_part_t)part, fp, &err) != AG_OK ||
        (out_path && ag_out_commit(&out, &err) != AG_OK)) {
        cli_report_error(&err);
        rc = AG_EXIT_DATA;
    }
done:
    ag_render_cleanup();
    ag_out_abort(&out);
    ag_compare_destroy(&cmp);
    free(types);
    ag_dataset_destroy(&ds);
    return rc;
}
