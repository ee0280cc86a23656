/*
 * cmd_export.c: actorgraph export [DATASET] [--era ID] [--level L] [--ties T]
 *               [--types LIST] [--format graphml|gexf|json|csv] [-o FILE]
 *
 * An era's graph (or the whole dataset's) for Gephi, Cytoscape, igraph or
 * NetworkX.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "actorgraph/export.h"
#include "actorgraph/metrics.h"
#include "actorgraph/output.h"
#include "cli.h"
#include "slice_args.h"

static const char usage_text[] =
    "usage: actorgraph export [DATASET] [--era ID] [--level actor|state]\n"
    "                         [--ties all|positive|negative] [--types LIST]\n"
    "                         [--format graphml|gexf|json|csv] [--no-metrics] [-o FILE]\n"
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
    "\n"
    "Options:\n"
    "  --era ID        this era's slice (default: every relation)\n"
    "  --level L       actor (default) or state (actors rolled up to their state)\n"
    "  --ties T        all (default), positive or negative: which relations make\n"
    "                  the edges and their weight W\n"
    "  --types LIST    only these relation types (comma-separated ids)\n"
    "  --format F      graphml, gexf, json or csv; default: from -o's extension,\n"
    "                  else graphml\n"
    "  --no-metrics    leave the metrics out (faster on large graphs)\n"
    "  -o FILE         write to FILE (atomically) instead of standard output\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 success, 1 invalid data or failure, 2 usage error.\n";

/* One era, not a list; formats of its own. */
enum { OPT_ERA = SLICE_OPT_END, OPT_FORMAT, OPT_NO_METRICS };

/* The format named by a file name's extension, or -1. */
static int format_of_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot ? ag_export_format_parse(dot + 1) : -1;
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
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *era_id = NULL;
    int format = -1;
    bool metrics = true;
    long era = -1;
    char title[1024];
    ag_dataset_t ds;
    ag_slice_opts_t so;
    ag_era_graph_t g;
    ag_metrics_t m;
    ag_error_t err;
    ag_out_t out;
    slice_args_t sa;
    FILE *fp = stdout;
    int c, rc;

    ag_dataset_init(&ds);
    memset(&g, 0, sizeof g);
    memset(&m, 0, sizeof m);
    memset(&out, 0, sizeof out);
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
                rc = cli_usage_error("export ", "unknown format '%s' (graphml, gexf, json or csv)",
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
        (metrics && ag_metrics_compute(&g, AG_METRICS_ALL, &m, &err) != AG_OK))
        goto failed;
    if (sa.out) {
        if (ag_out_open(&out, sa.out, &err) != AG_OK)
            goto failed;
        fp = out.fp;
    }
    if (ag_export(&g, title, metrics ? &m : NULL, (ag_export_format_t)format, fp, &err) != AG_OK ||
        (sa.out && ag_out_commit(&out, &err) != AG_OK))
        goto failed;
    goto done;
failed:
    cli_report_error(&err);
    rc = AG_EXIT_DATA;
done:
    ag_out_abort(&out);
    ag_metrics_destroy(&m);
    ag_era_graph_destroy(&g);
    slice_args_destroy(&sa);
    ag_dataset_destroy(&ds);
    return rc;
}
