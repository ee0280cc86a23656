/*
 * cmd_export.c: actorgraph export [DATASET] [--era ID] [--level L] [--ties T]
 *               [--types LIST] [--edges dyads|relations]
 *               [--format graphml|gexf|json|cyjs|csv|csv-nodes] [-o FILE]
 *
 * An era's graph (or the whole dataset's) for Gephi, Cytoscape, igraph or
 * NetworkX.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/export.h"
#include "actorgraph/metrics.h"
#include "actorgraph/output.h"
#include "actorgraph/summary.h"
#include "cli.h"
#include "slice_args.h"

static const char usage_text[] =
    "usage: actorgraph export [DATASET] [--era ID] [--level actor|state]\n"
    "                         [--ties all|positive|negative] [--types LIST]\n"
    "                         [--edges dyads|relations] [--no-metrics] [-o FILE]\n"
    "                         [--format graphml|gexf|json|cyjs|csv|csv-nodes]\n"
    "\n"
    "Write an era's graph (without --era: the whole dataset, every date) for\n"
    "other network tools. Nodes are the actors with their label (name), kind,\n"
    "state, community, the dataset's extra actor columns and the ten metrics of\n"
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
    "\n"
    "Options:\n"
    "  --era ID        this era's slice (default: every relation)\n"
    "  --level L       actor (default) or state (actors rolled up to their state)\n"
    "  --ties T        all (default), positive or negative: which relations make\n"
    "                  the edges and their weight W\n"
    "  --types LIST    only these relation types (comma-separated ids)\n"
    "  --edges E       dyads (default) or relations\n"
    "  --format F      one of the formats above; default: from -o's extension,\n"
    "                  else graphml\n"
    "  --no-metrics    leave the metrics out (faster on large graphs)\n"
    "  -o FILE         write to FILE (atomically) instead of standard output\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 success, 1 invalid data or failure, 2 usage error.\n";

/* One era, not a list; formats of its own. */
enum { OPT_ERA = SLICE_OPT_END, OPT_FORMAT, OPT_NO_METRICS, OPT_EDGES };

/* The format named by a file name's extension, or -1. */
static int format_of_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot ? ag_export_format_parse(dot + 1) : -1;
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
    static const struct option opts[] = {
        { "era", required_argument, NULL, OPT_ERA },
        { "level", required_argument, NULL, SLICE_OPT_LEVEL },
        { "ties", required_argument, NULL, SLICE_OPT_TIES },
        { "types", required_argument, NULL, SLICE_OPT_TYPES },
        { "format", required_argument, NULL, OPT_FORMAT },
        { "no-metrics", no_argument, NULL, OPT_NO_METRICS },
        { "edges", required_argument, NULL, OPT_EDGES },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *era_id = NULL;
    int format = -1, edges = AG_EXPORT_EDGES_DYADS;
    bool metrics = true;
    long era = -1;
    char title[1024];
    ag_dataset_t ds;
    ag_slice_opts_t so;
    ag_era_graph_t g;
    ag_metrics_t m;
    ag_summary_t sum;
    ag_export_opts_t eo;
    ag_error_t err;
    ag_out_t out, nodes_out;
    char *nodes_path = NULL;
    slice_args_t sa;
    FILE *fp = stdout;
    int c, rc;

    ag_dataset_init(&ds);
    memset(&g, 0, sizeof g);
    memset(&m, 0, sizeof m);
    memset(&sum, 0, sizeof sum);
    memset(&out, 0, sizeof out);
    memset(&nodes_out, 0, sizeof nodes_out);
    ag_error_clear(&err);
    if ((rc = slice_args_init(&sa, "export ", argc)) != AG_EXIT_OK)
        goto done;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case OPT_ERA: era_id = optarg; break;
        case OPT_FORMAT:
            if ((format = ag_export_format_parse(optarg)) < 0) {
                rc = cli_usage_error("export ", "unknown format '%s' (graphml, gexf, json, cyjs, "
                                     "csv or csv-nodes)", optarg);
                goto done;
            }
            break;
        case OPT_EDGES:
            if ((edges = ag_export_edges_parse(optarg)) < 0) {
                rc = cli_usage_error("export ", "unknown --edges '%s' (dyads or relations)",
                                     optarg);
                goto done;
            }
            break;
        case OPT_NO_METRICS: metrics = false; break;
        case 'h': fputs(usage_text, stdout); goto done;
        default:
            if ((rc = slice_args_option(&sa, c, argv)) != AG_EXIT_OK)
                goto done;
        }
    }
    if (format < 0)
        format = sa.out && format_of_path(sa.out) >= 0 ? format_of_path(sa.out) : AG_EXPORT_GRAPHML;
    if ((rc = slice_args_dataset(&sa, argc, argv)) != AG_EXIT_OK ||
        (rc = cli_load(sa.dir, &ds, false)) != AG_EXIT_OK ||
        (rc = slice_args_resolve(&sa, &ds)) != AG_EXIT_OK ||
        (era_id && (rc = slice_args_find_era(&ds, era_id, &era)) != AG_EXIT_OK))
        goto done;

    ag_slice_opts_default(&so);
    so.level = sa.level;
    so.ties = sa.ties;
    so.types = sa.types;
    if (era >= 0) {
        so.first = ds.eras[era].period.first;
        so.last = ds.eras[era].period.last;
    }
    ag_export_title(&ds, era >= 0 ? &ds.eras[era] : NULL, title, sizeof title);
    if (ag_era_graph_init(&g, &ds, &so, &err) != AG_OK ||
        (metrics && ag_metrics_compute(&g, AG_METRICS_ALL, &m, &err) != AG_OK) ||
        ag_summary_compute(&g, &sum, &err) != AG_OK)
        goto failed;
    ag_export_opts_default(&eo, (ag_export_format_t)format);
    eo.edges = (ag_export_edges_t)edges;
    eo.title = title;
    eo.metrics = metrics ? &m : NULL;
    eo.summary = &sum;
    if (sa.out) {
        if (ag_out_open(&out, sa.out, &err) != AG_OK)
            goto failed;
        fp = out.fp;
    }
    if (ag_export_write(&g, &eo, fp, &err) != AG_OK)
        goto failed;
    /* Gephi's edge table drops isolated actors: the node table goes next
     * to it, both files replaced only when both are written. */
    if (sa.out && strcmp(sa.out, "-") != 0 && format == AG_EXPORT_CSV) {
        if (!(nodes_path = nodes_table_path(sa.out))) {
            ag_error_set(&err, AG_ENOMEM, NULL, 0, "out of memory");
            goto failed;
        }
        eo.format = AG_EXPORT_CSV_NODES;
        if (ag_out_open(&nodes_out, nodes_path, &err) != AG_OK ||
            ag_export_write(&g, &eo, nodes_out.fp, &err) != AG_OK ||
            ag_out_commit(&nodes_out, &err) != AG_OK)
            goto failed;
    }
    if (sa.out && ag_out_commit(&out, &err) != AG_OK)
        goto failed;
    goto done;
failed:
    cli_report_error(&err);
    rc = AG_EXIT_DATA;
done:
    ag_out_abort(&out);
    ag_out_abort(&nodes_out);
    free(nodes_path);
    ag_summary_destroy(&sum);
    ag_metrics_destroy(&m);
    ag_era_graph_destroy(&g);
    slice_args_destroy(&sa);
    ag_dataset_destroy(&ds);
    return rc;
}
