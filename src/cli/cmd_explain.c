/*
 * cmd_explain.c: actorgraph explain [DATASET] ACTOR [ACTOR] [--era ID|--from/--to]
 *                [--level L] [--ties T] [--types LIST] [--format F] [-o FILE]
 *
 * The cited relations behind one actor's figures or one dyad, in date
 * order, with the totals that reports use.
 */
#include <stdlib.h>
#include <string.h>

#include "actorgraph/explain.h"
#include "actorgraph/output.h"
#include "cli.h"
#include "options.h"

static const char usage_text[] =
    "usage: actorgraph explain [DATASET] ACTOR [ACTOR] [--era ID] [--from EDTF] [--to EDTF]\n"
    "                          [--level actor|state] [--ties all|positive|negative]\n"
    "                          [--types LIST] [--dates RULE]\n"
    "                          [--format table|csv|json|md|html] [-o FILE]\n"
    "\n"
    "The cited relations behind one actor's figures, or behind the dyad of two\n"
    "actors, in date order: date, source, target, type, sign, weight,\n"
    "w = sign x weight, cite, note and the line of relations.csv. Also the totals\n"
    "that 'report' uses: for an actor its degree, strength, in- and out-arcs and\n"
    "its dyads (pos, neg, net, W); for a dyad its pos, neg, net and W.\n"
    "\n";

int cmd_explain(int argc, char **argv)
{
    cli_args_t a;
    const cli_option_t opts[] = {
        CLI_GROUP("Which period (default: every date):"),
        CLI_CALLBACK(0, "era", &a, "ID",
                     "only the relations of this era (default: every date);\n"
                     "then also the sides of the era's least-frustrated colouring\n"
                     "and whether the dyad (or which of the actor's dyads) is\n"
                     "frustrated (see 'balance')",
                     cli_cb_era1),
        CLI_OPT_WINDOW(&a),
        CLI_GROUP("Which graph:"),
        CLI_CALLBACK(0, "level", &a, "L",
                     "actor (default) or state: an actor's relations then include\n"
                     "those of its leaders and agencies",
                     cli_cb_level),
        CLI_CALLBACK(0, "ties", &a, "T",
                     "all (default), positive or negative: which relations make\n"
                     "the dyad graph's edges and the arcs (W, strength, arcs)",
                     cli_cb_ties),
        CLI_OPT_DATES(&a),
        CLI_OPT_TYPES(&a),
        CLI_GROUP("Output:"),
        CLI_OPT_FORMAT(&a, "table, csv, json, md or html; csv lists the relations:\n"
                           "era,level,placed,date,source,target,type,sign,weight,w,cite,note,line"),
        CLI_OPT_OUTPUT(&a),
        CLI_END,
    };
    ag_dataset_t ds;
    ag_era_graph_t g;
    ag_explain_t x;
    ag_frustration_t f;
    ag_slice_opts_t so;
    ag_error_t err;
    long era = -1, actor_a = -1, actor_b = -1;
    int rc;

    ag_dataset_init(&ds);
    memset(&g, 0, sizeof g);
    memset(&x, 0, sizeof x);
    memset(&f, 0, sizeof f);
    ag_error_clear(&err);
    cli_args_init(&a, "explain", usage_text, &cli_page_formats);
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ 2)) != CLI_CONTINUE)
        goto done;
    if (a.n_pos < 1) {
        rc = cli_usage_error(a.prefix, "which actor? give one actor, or two for a dyad");
        goto done;
    }
    if ((rc = cli_load(a.dir, &ds, false)) != AG_EXIT_OK ||
        (rc = cli_find_actor(&a, &ds, a.pos[0], &actor_a)) != AG_EXIT_OK ||
        (a.n_pos == 2 && (rc = cli_find_actor(&a, &ds, a.pos[1], &actor_b)) != AG_EXIT_OK))
        goto done;
    if ((rc = cli_resolve(&a, &ds)) != AG_EXIT_OK)
        goto done;
    if (a.n_era_ids || a.window)
        era = a.eras[0];

    ag_slice_opts_default(&so);
    if (era >= 0) {
        so.first = ds.eras[era].period.first;
        so.last = ds.eras[era].period.last;
    }
    so.level = a.level;
    so.ties = a.ties;
    so.dates = a.dates;
    so.types = a.types;
    if (ag_era_graph_init(&g, &ds, &so, &err) != AG_OK ||
        ag_explain_init(&x, &g, actor_a, actor_b, &err) != AG_OK) {
        rc = cli_fail(&a, &err);
        goto done;
    }
    /* In an era, also where the actors stand in its least-frustrated
     * colouring. */
    if (era >= 0) {
        if (ag_frustration_compute(&g, AG_FRUSTRATION_SECONDS, &f, &err) != AG_OK) {
            rc = cli_fail(&a, &err);
            goto done;
        }
        x.frustration = &f;
    }
    if ((rc = cli_output(&a)) == AG_EXIT_OK)
        rc = cli_commit(&a, ag_explain_write(&x, era, (ag_format_t)a.format, a.fp, &err), &err);
done:
    ag_explain_destroy(&x);
    ag_frustration_destroy(&f);
    ag_era_graph_destroy(&g);
    cli_args_destroy(&a);
    ag_dataset_destroy(&ds);
    return rc;
}
