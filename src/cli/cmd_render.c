/*
 * cmd_render.c: actorgraph render [DATASET] [--era ID]... [--all]
 *               [--format dot|svg|png|pdf] [--engine E] [--level L]
 *               [--ties T] [--types LIST] [--size-by METRIC] [-o DIR|FILE]
 *
 * One diagram per era, drawn in process by Graphviz, written atomically.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/era.h"
#include "actorgraph/metrics.h"
#include "actorgraph/output.h"
#include "actorgraph/render.h"
#include "actorgraph/summary.h"
#include "cli.h"
#include "slice_args.h"

static const char usage_text[] =
    "usage: actorgraph render [DATASET] [--era ID]... [--all] [--format dot|svg|png|pdf]\n"
    "                         [--engine neato|fdp|sfdp|dot|circo] [--level actor|state]\n"
    "                         [--ties all|positive|negative] [--types LIST]\n"
    "                         [--size-by METRIC] [-o DIR|FILE]\n"
    "\n"
    "Draw each era's network with Graphviz, one file per era named ERA.EXT.\n"
    "The diagram explains itself in a legend under its title:\n"
    "  shape = kind of actor, size = a metric (--size-by), fill = bloc (allies\n"
    "  together, enemies apart; see --blocs); one line per pair of actors: blue cooperative,\n"
    "  vermillion conflictual, both side by side when mixed; width = summed\n"
    "  weight; line style = the strongest relation type (types.csv 'style').\n"
    "  In SVG, hovering a line lists the dated, cited relations behind it.\n"
    "\n"
    "Which periods:\n"
    "  --era ID        an era of eras.csv; repeat for several\n"
    "  --all           every era, in file order (the default)\n"
    "\n"
    "Which graph (as in 'actorgraph report'):\n"
    "  --level L       actor (default), or state: leaders and agencies replaced\n"
    "                  by their top-most parent\n"
    "  --ties T        all (default), positive or negative\n"
    "  --types LIST    only these relation types, comma-separated\n"
    "\n"
    "How to draw:\n"
    "  --format F      svg (default; with -o FILE, from its extension), png, pdf,\n"
    "                  or dot: the Graphviz source, before layout\n"
    "  --engine E      neato (default: stress majorization, good for networks\n"
    "                  without hierarchy), fdp, sfdp, dot or circo\n"
    "  --blocs L       the level the fills' blocs are found at: state (default:\n"
    "                  a leader takes the bloc of his state) or actor (each actor\n"
    "                  by its own ties)\n"
    "  --size-by M     the metric that sizes nodes (default betweenness): degree,\n"
    "                  strength, betweenness, harmonic, eigenvector, in_degree,\n"
    "                  out_degree, pagerank, hub, authority, pn\n"
    "  -o DIR|FILE     a folder for ERA.EXT files (created if needed; default:\n"
    "                  the current folder), or, for a single era, the file.\n"
    "                  A single era in dot format without -o goes to standard\n"
    "                  output. The paths written are printed.\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 success, 1 invalid dataset or failure, 2 usage error.\n";

enum { OPT_FORMAT = SLICE_OPT_END, OPT_ENGINE, OPT_SIZE_BY, OPT_BLOCS };

/* The diagram format a file name suggests, or -1. */
static int format_of_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return -1;
    if (strcmp(dot, ".gv") == 0)
        return AG_RENDER_DOT;
    return ag_render_format_parse(dot + 1);
}

/* Renders one era to path, or to stdout when path is NULL. */
static int render_era(const ag_dataset_t *ds, long era, const ag_slice_opts_t *so,
                      ag_level_t blocs, const ag_render_opts_t *ro, const char *path)
{
    ag_era_graph_t g;
    ag_metrics_t m;
    ag_summary_t s;
    ag_error_t err;
    ag_slice_opts_t opts = *so;
    ag_render_input_t in;
    char *data = NULL;
    size_t len = 0;
    int rc = AG_EXIT_DATA;

    memset(&g, 0, sizeof g);
    memset(&m, 0, sizeof m);
    memset(&s, 0, sizeof s);
    ag_error_clear(&err);
    opts.first = ds->eras[era].period.first;
    opts.last = ds->eras[era].period.last;
    if (ag_era_graph_init(&g, ds, &opts, &err) != AG_OK ||
        ag_metrics_compute(&g, AG_METRICS_ALL, &m, &err) != AG_OK ||
        ag_summary_compute_blocs(&g, blocs, &s, &err) != AG_OK)
        goto done;
    in.g = &g;
    in.era = &ds->eras[era];
    in.metrics = &m;
    in.summary = &s;
    if (ag_render(&in, ro, &data, &len, &err) != AG_OK)
        goto done;
    if (path) {
        if (ag_write_file(path, data, len, &err) != AG_OK)
            goto done;
        printf("%s\n", path);
    } else if (fwrite(data, 1, len, stdout) != len) {
        ag_error_set(&err, AG_EIO, NULL, 0, "error writing to standard output");
        goto done;
    }
    rc = AG_EXIT_OK;
done:
    if (rc != AG_EXIT_OK && *err.file)
        cli_report_error(&err);
    else if (rc != AG_EXIT_OK)
        cli_error(NULL, 0, "era '%s': %s", ds->eras[era].id,
                  *err.msg ? err.msg : ag_strerror(err.code));
    free(data);
    ag_summary_destroy(&s);
    ag_metrics_destroy(&m);
    ag_era_graph_destroy(&g);
    return rc;
}

int cmd_render(int argc, char **argv)
{
    static const struct option opts[] = {
        { "era", required_argument, NULL, SLICE_OPT_ERA },
        { "all", no_argument, NULL, SLICE_OPT_ALL },
        { "format", required_argument, NULL, OPT_FORMAT },
        { "engine", required_argument, NULL, OPT_ENGINE },
        { "level", required_argument, NULL, SLICE_OPT_LEVEL },
        { "ties", required_argument, NULL, SLICE_OPT_TIES },
        { "types", required_argument, NULL, SLICE_OPT_TYPES },
        { "size-by", required_argument, NULL, OPT_SIZE_BY },
        { "blocs", required_argument, NULL, OPT_BLOCS },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *out;
    size_t n_eras;
    bool to_dir;
    int fmt = -1, c, rc;
    ag_level_t blocs = AG_LEVEL_STATE;
    ag_render_opts_t ro;
    ag_slice_opts_t so;
    ag_dataset_t ds;
    ag_error_t err;
    slice_args_t sa;

    ag_render_opts_default(&ro);
    ag_slice_opts_default(&so);
    ag_dataset_init(&ds);
    ag_error_clear(&err);
    if ((rc = slice_args_init(&sa, "render ", argc)) != AG_EXIT_OK)
        goto done;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT:
            if ((fmt = ag_render_format_parse(optarg)) < 0) {
                rc = cli_usage_error("render ", "bad --format '%s' (dot, svg, png or pdf)",
                                     optarg);
                goto done;
            }
            break;
        case OPT_ENGINE:
            if (!ag_render_engine_valid(optarg)) {
                rc = cli_usage_error("render ",
                                     "bad --engine '%s' (neato, fdp, sfdp, dot or circo)",
                                     optarg);
                goto done;
            }
            ro.engine = optarg;
            break;
        case OPT_SIZE_BY: {
            unsigned mset = 0;
            if (ag_metric_list_parse(optarg, &mset, &err) != AG_OK) {
                rc = cli_usage_error("render ", "%s", err.msg);
                goto done;
            }
            if (ag_metric_parse(optarg) < 0) {
                rc = cli_usage_error("render ", "--size-by takes one metric, not '%s'",
                                     optarg);
                goto done;
            }
            ro.size_by = (ag_metric_t)ag_metric_parse(optarg);
            break;
        }
        case OPT_BLOCS:
            if (ag_level_parse(optarg) < 0) {
                rc = cli_usage_error("render ", "bad --blocs '%s' (state or actor)", optarg);
                goto done;
            }
            blocs = (ag_level_t)ag_level_parse(optarg);
            break;
        case 'h':
            fputs(usage_text, stdout);
            goto done;
        default:
            if ((rc = slice_args_option(&sa, c, argv)) != AG_EXIT_OK)
                goto done;
        }
    }
    if ((rc = slice_args_dataset(&sa, argc, argv)) != AG_EXIT_OK ||
        (rc = cli_load(sa.dir, &ds, false)) != AG_EXIT_OK ||
        (rc = slice_args_resolve(&sa, &ds)) != AG_EXIT_OK ||
        (rc = slice_args_need_eras(&sa, &ds, "")) != AG_EXIT_OK)
        goto done;
    so.level = sa.level;
    so.ties = sa.ties;
    so.types = sa.types;
    out = sa.out;
    n_eras = sa.n_eras;
    if (n_eras == 0) {
        cli_error(sa.dir, 0, "no eras to draw");
        rc = AG_EXIT_DATA;
        goto done;
    }

    /* -o names a folder when it is one, ends in '/', or several eras are
     * drawn; otherwise the file for the single era. */
    to_dir = !out || cli_is_dir(out) || out[strlen(out) - 1] == '/' || n_eras > 1;
    if (fmt < 0)
        fmt = out && !to_dir && format_of_path(out) >= 0 ? format_of_path(out)
                                                          : AG_RENDER_SVG;
    ro.format = (ag_render_format_t)fmt;
    if (out && to_dir && !cli_is_dir(out)) {
        FILE *probe = fopen(out, "r");
        if (probe) {
            fclose(probe);
            rc = cli_usage_error("render ", "'%s' is a file; several eras need a folder",
                                 out);
            goto done;
        }
        if (ag_mkdir_p(out, &err) != AG_OK) {
            cli_report_error(&err);
            rc = AG_EXIT_DATA;
            goto done;
        }
    }

    for (size_t i = 0; i < n_eras; i++) {
        const ag_era_t *era = &ds.eras[sa.eras[i]];
        char *path = NULL;
        int r;
        if (!out && n_eras == 1 && ro.format == AG_RENDER_DOT) {
            r = render_era(&ds, sa.eras[i], &so, blocs, &ro, NULL);
        } else if (to_dir) {
            const char *folder = out ? out : ".";
            size_t n = strlen(folder) + strlen(era->id) + 16;
            if (!(path = malloc(n))) {
                cli_error(NULL, 0, "out of memory");
                rc = AG_EXIT_DATA;
                goto done;
            }
            snprintf(path, n, "%s%s%s.%s", folder,
                     folder[strlen(folder) - 1] == '/' ? "" : "/", era->id,
                     ag_render_format_ext(ro.format));
            r = render_era(&ds, sa.eras[i], &so, blocs, &ro, path);
        } else {
            r = render_era(&ds, sa.eras[i], &so, blocs, &ro, out);
        }
        free(path);
        if (r != AG_EXIT_OK)
            rc = r;
    }

done:
    ag_render_cleanup();
    ag_dataset_destroy(&ds);
    slice_args_destroy(&sa);
    return rc;
}
