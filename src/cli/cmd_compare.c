/*
 * cmd_compare.c: actorgraph compare [DATASET] ERA_A|WINDOW ERA_B|WINDOW [--level L]
 *                [--ties T] [--types LIST] [--metric LIST] [--table PART]
 *                [--format F] [--diagram FILE] [--plot FILE] [-o FILE]
 *
 * One era against another: actors matched by lineage, ranks and rank
 * shifts, rank correlations, dyads kept, flipped, gained and lost, and the
 * summary figures side by side.
 */
#include <stdlib.h>
#include <string.h>

#include "actorgraph/chart.h"
#include "actorgraph/compare.h"
#include "actorgraph/output.h"
#include "actorgraph/render.h"
#include "cli.h"
#include "options.h"

static const char usage_text[] =
    "usage: actorgraph compare [DATASET] ERA_A ERA_B [--level actor|state]\n"
    "                          [--ties all|positive|negative] [--types LIST] [--dates RULE]\n"
    "                          [--metric LIST] [--table PART]\n"
    "                          [--format table|csv|json|md|html] [--diagram FILE] [-o FILE]\n"
    "                          [--plot FILE.svg|png|pdf [--top N]]\n"
    "\n"
    "Compares era A with era B; either may be a window instead, an EDTF\n"
    "interval (1979-12/1989, 2001/..). Actors are matched by lineage: the same\n"
    "actor, else the one actor of each era whose 'continues' chains meet (RUS\n"
    "after 1991 is SUN in the Cold War, shown as 'RUS (SUN)'); the others are\n"
    "leaving (only in A) or entering (only in B). For each metric: every actor's\n"
    "value and rank in both eras and its rank shift (rank in A - rank in B:\n"
    "positive means it rose), with Spearman's rho and Kendall's tau-b over the\n"
    "actors in both eras. Dyads are flipped (net sign changed), gained, lost or\n"
    "kept, each with the relations behind it; the summary figures stand side\n"
    "by side.\n"
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
    long top = strtol(arg, &end, 10);
    if (end == arg || *end || top < 0)
        return cli_usage_error(a->prefix, "--top takes a number from 0, not '%s'", arg);
    *(long *)opt->value = top;
    return AG_EXIT_OK;
}

static int parse_part(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    int part = ag_cmp_part_parse(arg);
    if (part < 0)
        return cli_usage_error(a->prefix, "unknown part '%s' (summary, correlations, actors, "
                               "dyads or relations)", arg);
    *(int *)opt->value = part;
    return AG_EXIT_OK;
}

int cmd_compare(int argc, char **argv)
{
    const char *diagram = NULL, *plot = NULL;
    long top = 15;
    int part = AG_PART_ALL;
    ag_compare_opts_t co = { AG_LEVEL_ACTOR, AG_TIES_ALL, NULL, AG_METRICS_ALL,
                             AG_DATES_PROBABLE };
    cli_args_t a;
    const cli_option_t opts[] = {
        CLI_GROUP("Which graph:"),
        CLI_CALLBACK(0, "level", &a, "L", "actor (default) or state", cli_cb_level),
        CLI_CALLBACK(0, "ties", &a, "T", "all (default), positive or negative", cli_cb_ties),
        CLI_OPT_DATES(&a),
        CLI_OPT_TYPES(&a),
        CLI_GROUP("What to show:"),
        CLI_CALLBACK(0, "metric", &co.metrics, "LIST",
                     "metrics to compare (comma-separated, or all: the default)",
                     parse_metric),
        CLI_CALLBACK(0, "table", &part, "PART",
                     "only one part: summary, correlations, actors, dyads or\n"
                     "relations; csv writes one part (actors by default)",
                     parse_part),
        CLI_OPT_FORMAT(&a, "table, csv, json, md or html"),
        CLI_STRING(0, "diagram", &diagram, "FILE",
                   "also draw the union of both eras, dyads styled by their\n"
                   "change, into FILE (.dot, .svg or .png)"),
        CLI_OPT_PLOT(&plot, "also draw a slope chart of ranks, era A to era B, of the\n"
                            "actors in both eras into FILE (.svg, .png or .pdf), by the\n"
                            "first metric compared (betweenness when all are)"),
        CLI_CALLBACK(0, "top", &top, "N",
                     "--plot: only actors ranked in the top N of either era\n"
                     "(default 15; 0 for all)",
                     parse_top),
        CLI_OPT_OUTPUT(&a),
        CLI_END,
    };
    ag_dataset_t ds;
    ag_compare_t cmp;
    ag_error_t err;
    long era_a, era_b;
    int rc;

    ag_dataset_init(&ds);
    memset(&cmp, 0, sizeof cmp);
    ag_error_clear(&err);
    cli_args_init(&a, "compare", usage_text, &cli_page_formats);
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ 2)) != CLI_CONTINUE)
        goto done;
    if (a.n_pos < 2) {
        rc = cli_usage_error(a.prefix, "which eras? give two: ERA_A ERA_B");
        goto done;
    }
    if ((rc = cli_load(a.dir, &ds, false)) != AG_EXIT_OK ||
        (rc = cli_find_era_or_window(&a, &ds, a.pos[0], &era_a)) != AG_EXIT_OK ||
        (rc = cli_find_era_or_window(&a, &ds, a.pos[1], &era_b)) != AG_EXIT_OK ||
        (rc = cli_resolve(&a, &ds)) != AG_EXIT_OK)
        goto done;

    co.level = a.level;
    co.ties = a.ties;
    co.dates = a.dates;
    co.types = a.types;
    if (ag_compare_init(&cmp, &ds, era_a, era_b, &co, &err) != AG_OK ||
        (diagram && ag_compare_diagram(&cmp, diagram, &err) != AG_OK)) {
        rc = cli_fail(&a, &err);
        goto done;
    }
    if (plot) {
        /* Betweenness when every metric is compared: the measure of
         * brokerage that the comparison is usually about. */
        int k = 0;
        if (co.metrics & (1u << AG_M_BETWEENNESS))
            k = AG_M_BETWEENNESS;
        else
            while (!(co.metrics & (1u << k)))
                k++;
        if (ag_chart_slope(&cmp, (ag_metric_t)k, top, plot, &err) != AG_OK) {
            rc = cli_fail(&a, &err);
            goto done;
        }
    }
    if ((rc = cli_output(&a)) == AG_EXIT_OK)
        rc = cli_commit(&a, ag_compare_write(&cmp, (ag_format_t)a.format, (ag_cmp_part_t)part,
                                             a.fp, &err),
                        &err);
done:
    ag_render_cleanup();
    ag_compare_destroy(&cmp);
    cli_args_destroy(&a);
    ag_dataset_destroy(&ds);
    return rc;
}
