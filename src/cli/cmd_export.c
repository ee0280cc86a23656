/*
 * cmd_export.c: actorgraph export [DATASET] [--era ID|--from/--to] [--level L] [--ties T]
 *               [--types LIST] [--edges dyads|relations]
 *               [--format graphml|gexf|json|cyjs|csv|csv-nodes] [-o FILE]
 *
 * An era's graph (or the whole dataset's) for Gephi, Cytoscape, igraph or
 * NetworkX.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/export.h"
#include "actorgraph/metrics.h"
#include "actorgraph/output.h"
#include "actorgraph/summary.h"
#include "cli.h"
#include "options.h"

static const char usage_text[] =
    "usage: actorgraph export [DATASET] [--era ID] [--from EDTF] [--to EDTF]\n"
    "                         [--level actor|state] [--ties all|positive|negative]\n"
    "                         [--types LIST] [--dates RULE] [--edges dyads|relations]\n"
    "                         [--no-metrics]\n"
    "                         [--format graphml|gexf|json|cyjs|csv|csv-nodes] [-o FILE]\n"
    "\n"
    "Write an era's graph (without --era: the whole dataset, every date) for\n"
    "other network tools. Nodes are the actors with their label (name), kind,\n"
    "state, community, the dataset's extra actor columns and the eleven metrics of\n"
    "'report'. Edges are the dyads (undirected) with W as weight, pos, neg, net,\n"
    "the number of relations behind them, their types, cites, periods of\n"
    "activity and first and last day; or, with --edges relations, the relations\n"
    "themselves (directed, one edge each) with weight, type, directed, sign,\n"
    "date, first and last day, cite and note. Dates are clipped to the era and\n"
    "to the actors' active intervals.\n"
    "\n"
    "Formats:\n"
    "  graphml   GraphML (Gephi, Cytoscape, yEd, igraph, NetworkX); the default.\n"
    "            The actor id is the node id and igraph's name, the actor's name\n"
    "            its label\n"
    "  gexf      GEXF 1.3 for Gephi and sigma.js: actors live through their\n"
    "            active interval, ties through one spell per period of activity,\n"
    "            with their weight over time, so that Gephi's timeline plays the\n"
    "            network through time\n"
    "  json      node-link JSON (NetworkX's node_link_graph reads it)\n"
    "  cyjs      Cytoscape.js JSON (Cytoscape desktop imports it too)\n"
    "  csv       Gephi's edge table: Source,Target,Type,Id,Label,Interval,Weight,...;\n"
    "            with -o FILE.csv the node table (every actor, isolated ones too)\n"
    "            goes to FILE-nodes.csv\n"
    "  csv-nodes Gephi's node table alone: Id,Label,Interval,...\n"
    "\n";

static const cli_name_t export_names[] = {
    { "graphml", AG_EXPORT_GRAPHML }, { "gexf", AG_EXPORT_GEXF },
    { "json", AG_EXPORT_JSON },       { "cyjs", AG_EXPORT_CYJS },
    { "csv", AG_EXPORT_CSV },         { "csv-nodes", AG_EXPORT_CSV_NODES },
    { NULL, 0 },
};
static const cli_name_t export_exts[] = {
    { "graphml", AG_EXPORT_GRAPHML }, { "gexf", AG_EXPORT_GEXF }, { "json", AG_EXPORT_JSON },
    { "cyjs", AG_EXPORT_CYJS },       { "csv", AG_EXPORT_CSV },   { NULL, 0 },
};
static const cli_formats_t export_formats = { export_names, export_exts, AG_EXPORT_GRAPHML,
                                              AG_EXPORT_GRAPHML };

/* What --format and --edges set beyond the shared fields. */
typedef struct {
    bool nodes; /* --format csv-nodes: a .csv file is the node table */
    int edges;
} export_args_t;

/* --format: csv-nodes is written to a .csv file, so it agrees with -o's
 * extension csv; the rest is the shared rule. */
static int parse_format(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    export_args_t *x = opt->value;
    int rc;
    x->nodes = strcmp(arg, "csv-nodes") == 0;
    rc = cli_cb_format(opt, x->nodes ? "csv" : arg, a);
    a->format_word = arg;
    return rc;
}

static int parse_edges(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    export_args_t *x = opt->value;
    if ((x->edges = ag_export_edges_parse(arg)) < 0)
        return cli_usage_error(a->prefix, "unknown --edges '%s' (dyads or relations)", arg);
    return AG_EXIT_OK;
}

/* "x.csv" -> "x-nodes.csv", "x" -> "x-nodes.csv"; NULL on lack of memory. */
static char *nodes_table_path(const char *path)
{
    const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
    size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
    char *s = malloc(stem + sizeof "-nodes.csv");
    if (s)
        sprintf(s, "%.*s-nodes.csv", (int)stem, path);
    return s;
}

int cmd_export(int argc, char **argv)
{
    bool no_metrics = false;
    cli_args_t a;
    export_args_t x = { false, AG_EXPORT_EDGES_DYADS };
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
        CLI_OPT_DATES(&a),
        CLI_OPT_TYPES(&a),
        CLI_CALLBACK(0, "edges", &x, "E",
                     "dyads (default; undirected, one per pair) or relations\n"
                     "(directed, one per relation)",
                     parse_edges),
        CLI_GROUP("Output:"),
        CLI_CALLBACK(0, "format", &x, "F",
                     "graphml, gexf, json, cyjs, csv or csv-nodes (above)", parse_format),
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
    ag_summary_t sum;
    ag_export_opts_t eo;
    ag_error_t err;
    ag_out_t nodes_out;
    char *nodes_path = NULL;
    ag_status_t st;
    int rc;

    ag_dataset_init(&ds);
    memset(&g, 0, sizeof g);
    memset(&m, 0, sizeof m);
    memset(&sum, 0, sizeof sum);
    memset(&nodes_out, 0, sizeof nodes_out);
    ag_error_clear(&err);
    cli_args_init(&a, "export", usage_text, &export_formats);
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ 0)) != CLI_CONTINUE ||
        (rc = cli_dataset(&a, &ds)) != AG_EXIT_OK)
        goto done;
    if (x.nodes)
        a.format = AG_EXPORT_CSV_NODES;
    if (a.n_era_ids || a.window)
        era = a.eras[0];

    ag_slice_opts_default(&so);
    so.level = a.level;
    so.ties = a.ties;
    so.dates = a.dates;
    so.types = a.types;
    if (era >= 0) {
        so.first = ds.eras[era].period.first;
        so.last = ds.eras[era].period.last;
    }
    ag_export_title(&ds, era >= 0 ? &ds.eras[era] : NULL, title, sizeof title);
    if (ag_era_graph_init(&g, &ds, &so, &err) != AG_OK ||
        (!no_metrics && ag_metrics_compute(&g, AG_METRICS_ALL, &m, &err) != AG_OK) ||
        ag_summary_compute(&g, &sum, &err) != AG_OK) {
        rc = cli_fail(&a, &err);
        goto done;
    }
    ag_export_opts_default(&eo, (ag_export_format_t)a.format);
    eo.edges = (ag_export_edges_t)x.edges;
    eo.title = title;
    eo.metrics = no_metrics ? NULL : &m;
    eo.summary = &sum;
    if ((rc = cli_output(&a)) != AG_EXIT_OK)
        goto done;
    st = ag_export_write(&g, &eo, a.fp, &err);
    /* Gephi's edge table drops isolated actors: the node table goes next
     * to it, both files replaced only when both are written. */
    if (st == AG_OK && !cli_to_stdout(&a) && a.format == AG_EXPORT_CSV) {
        if (!(nodes_path = nodes_table_path(a.out))) {
            st = ag_error_set(&err, AG_ENOMEM, NULL, 0, "out of memory");
        } else {
            eo.format = AG_EXPORT_CSV_NODES;
            if ((st = ag_out_open(&nodes_out, nodes_path, &err)) == AG_OK &&
                (st = ag_export_write(&g, &eo, nodes_out.fp, &err)) == AG_OK)
                st = ag_out_commit(&nodes_out, &err);
        }
    }
    rc = cli_commit(&a, st, &err);
done:
    ag_out_abort(&nodes_out);
    free(nodes_path);
    ag_summary_destroy(&sum);
    ag_metrics_destroy(&m);
    ag_era_graph_destroy(&g);
    cli_args_destroy(&a);
    ag_dataset_destroy(&ds);
    return rc;
}
