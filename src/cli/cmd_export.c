/*
 * cmd_export.c: actorgraph export [DATASET] [--era ID|--from/--to] [--level L] [--ties T]
 *               [--types LIST] [--format graphml|gexf|json|csv] [-o FILE]
 *
 * An era's graph (or the whole dataset's) for Gephi, Cytoscape, igraph or
 * NetworkX.
 */
#include <stdio.h>
#include <string.h>

#include "actorgraph/export.h"
#include "actorgraph/metrics.h"
#include "actorgraph/output.h"
#include "cli.h"
#include "options.h"

static const char usage_text[] =
    "usage: actorgraph export [DATASET] [--era ID] [--from EDTF] [--to EDTF]\n"
    "                         [--level actor|state] [--ties all|positive|negative]\n"
    "                         [--types LIST] [--format graphml|gexf|json|csv]\n"
    "                         [--no-metrics] [-o FILE]\n"
    "\n"
    "Write an era's dyad graph (without --era: the whole dataset, every date) for\n"
    "other network tools. Nodes are the actors with their name, kind, state,\n"
    "the dataset's extra actor columns and the eleven metrics of 'report'; edges are\n"
    "the dyads with W as weight, pos, neg, net, the number of relations behind\n"
    "them, their types and the first and last day of their dates.\n"
    "\n"
    "Formats:\n"
    "  graphml   GraphML (Gephi, Cytoscape, yEd, igraph, NetworkX); the default\n"
    "  gexf      GEXF 1.2 for Gephi, with time spans: actors live through their\n"
    "            active interval, ties from their first to their last relation,\n"
    "            so that Gephi's timeline plays the network through time\n"
    "  json      node-link JSON (NetworkX's node_link_graph reads it)\n"
    "  csv       an edge table with Gephi's columns: Source,Target,Type,Weight,...\n"
    "\n";

static const cli_name_t export_names[] = {
    { "graphml", AG_EXPORT_GRAPHML }, { "gexf", AG_EXPORT_GEXF }, { "json", AG_EXPORT_JSON },
    { "csv", AG_EXPORT_CSV },         { NULL, 0 },
};
static const cli_formats_t export_formats = { export_names, export_names, AG_EXPORT_GRAPHML,
                                              AG_EXPORT_GRAPHML };

int cmd_export(int argc, char **argv)
{
    bool no_metrics = false;
    cli_args_t a;
    const cli_option_t opts[] = {
        CLI_GROUP("Which period (default: every date):"),
        CLI_OPT_ERA(&a),
        CLI_OPT_WINDOW(&a),
        CLI_GROUP("Which graph:"),
        CLI_OPT_LEVEL(&a),
        CLI_CALLBACK(0, "ties", &a, "T",
                     "all (default), positive or negative: which relations make\n"
                     "the edges and their weight W",
                     cli_cb_ties),
        CLI_OPT_TYPES(&a),
        CLI_GROUP("Output:"),
        CLI_OPT_FORMAT(&a, "graphml, gexf, json or csv (above)"),
        CLI_FLAG(0, "no-metrics", &no_metrics, "leave the metrics out (faster on large graphs)"),
        CLI_OPT_OUTPUT(&a),
        CLI_END,
    };
    long era = -1;
    char title[1024];
    ag_dataset_t ds;
    ag_slice_opts_t so;
    ag_era_graph_t g;
    ag_metrics_t m;
    ag_error_t err;
    int rc;

    ag_dataset_init(&ds);
    memset(&g, 0, sizeof g);
    memset(&m, 0, sizeof m);
    ag_error_clear(&err);
    cli_args_init(&a, "export", usage_text, &export_formats);
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ 0)) != CLI_CONTINUE ||
        (rc = cli_dataset(&a, &ds)) != AG_EXIT_OK)
        goto done;
    if (a.n_era_ids || a.window)
        era = a.eras[0];

    ag_slice_opts_default(&so);
    so.level = a.level;
    so.ties = a.ties;
    so.types = a.types;
    if (era >= 0) {
        so.first = ds.eras[era].period.first;
        so.last = ds.eras[era].period.last;
    }
    ag_export_title(&ds, era >= 0 ? &ds.eras[era] : NULL, title, sizeof title);
    if (ag_era_graph_init(&g, &ds, &so, &err) != AG_OK ||
        (!no_metrics && ag_metrics_compute(&g, AG_METRICS_ALL, &m, &err) != AG_OK)) {
        rc = cli_fail(&a, &err);
        goto done;
    }
    if ((rc = cli_output(&a)) == AG_EXIT_OK)
        rc = cli_commit(&a, ag_export(&g, title, no_metrics ? NULL : &m,
                                      (ag_export_format_t)a.format, a.fp, &err),
                        &err);
done:
    ag_metrics_destroy(&m);
    ag_era_graph_destroy(&g);
    cli_args_destroy(&a);
    ag_dataset_destroy(&ds);
    return rc;
}
