/*
 * cmd_render.c: actorgraph render [DATASET] [--era ID]... [--all] [--from/--to]
 *               [--format dot|svg|png|pdf] [--engine E] [--level L]
 *               [--ties T] [--types LIST] [--size-by METRIC] [--same-layout]
 *               [--legend top|side|none] [--ego ACTOR [--depth N]] [-o DIR|FILE]
 *
 * One diagram per era, drawn in process by Graphviz, written atomically.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/era.h"
#include "actorgraph/metrics.h"
#include "actorgraph/output.h"
#include "actorgraph/render.h"
#include "actorgraph/summary.h"
#include "cli.h"
#include "options.h"

static const char usage_text[] =
    "usage: actorgraph render [DATASET] [--era ID]... [--all] [--from EDTF] [--to EDTF]\n"
    "                         [--format dot|svg|png|pdf]\n"
    "                         [--engine neato|fdp|sfdp|dot|circo] [--level actor|state]\n"
    "                         [--ties all|positive|negative] [--types LIST] [--dates RULE]\n"
    "                         [--size-by METRIC] [--same-layout]\n"
    "                         [--legend top|side|none] [--ego ACTOR [--depth N]]\n"
    "                         [--blocs state|actor]\n"
    "                         [-o DIR|FILE]\n"
    "\n"
    "Draw each era's network with Graphviz, one file per era named ERA.EXT.\n"
    "The diagram explains itself in a legend under its title:\n"
    "  shape = kind of actor, size = a metric (--size-by), fill = community of\n"
    "  cooperative ties; one line per pair of actors: blue cooperative,\n"
    "  vermillion conflictual, both side by side when mixed; width = summed\n"
    "  weight; line style = the strongest relation type (types.csv 'style').\n"
    "  In SVG, hovering a line lists the dated, cited relations behind it.\n"
    "\n"
    "A single era in dot format without -o goes to standard output.\n"
    "The paths written are printed.\n"
    "\n";

static const cli_name_t render_names[] = {
    { "dot", AG_RENDER_DOT }, { "svg", AG_RENDER_SVG }, { "png", AG_RENDER_PNG },
    { "pdf", AG_RENDER_PDF }, { NULL, 0 },
};
static const cli_name_t render_exts[] = {
    { "dot", AG_RENDER_DOT }, { "gv", AG_RENDER_DOT }, { "svg", AG_RENDER_SVG },
    { "png", AG_RENDER_PNG }, { "pdf", AG_RENDER_PDF }, { NULL, 0 },
};
static const cli_formats_t render_formats = { render_names, render_exts, AG_RENDER_SVG,
                                              AG_RENDER_SVG };

static int parse_engine(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    if (!ag_render_engine_valid(arg))
        return cli_usage_error(a->prefix, "bad --engine '%s' (neato, fdp, sfdp, dot or circo)",
                               arg);
    *(const char **)opt->value = arg;
    return AG_EXIT_OK;
}

static int parse_size_by(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    unsigned mset = 0;
    ag_error_t err;
    ag_error_clear(&err);
    if (ag_metric_list_parse(arg, &mset, &err) != AG_OK)
        return cli_usage_error(a->prefix, "%s", err.msg);
    if (ag_metric_parse(arg) < 0)
        return cli_usage_error(a->prefix, "--size-by takes one metric, not '%s'", arg);
    *(ag_metric_t *)opt->value = (ag_metric_t)ag_metric_parse(arg);
    return AG_EXIT_OK;
}

static int parse_blocs(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    if (ag_level_parse(arg) < 0)
        return cli_usage_error(a->prefix, "bad --blocs '%s' (state or actor)", arg);
    *(ag_level_t *)opt->value = (ag_level_t)ag_level_parse(arg);
    return AG_EXIT_OK;
}

static int parse_legend(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    int l = ag_legend_parse(arg);
    if (l < 0)
        return cli_usage_error(a->prefix, "bad --legend '%s' (top, side or none)", arg);
    *(ag_legend_t *)opt->value = (ag_legend_t)l;
    return AG_EXIT_OK;
}

static int parse_depth(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    char *end;
    long depth = strtol(arg, &end, 10);
    if (end == arg || *end || depth < 0 || depth > 99)
        return cli_usage_error(a->prefix, "bad --depth '%s' (a number from 0 to 99)", arg);
    *(long *)opt->value = depth;
    return AG_EXIT_OK;
}

/* Renders one era to path, or to stdout when path is NULL; with ego (an
 * actor index, else -1) only its neighbourhood within depth lines. */
static int render_era(const ag_dataset_t *ds, long era, const ag_slice_opts_t *so,
                      ag_level_t blocs, const ag_render_opts_t *ro_in, long ego, int depth,
                      const char *path)
{
    ag_render_opts_t ro_ego = *ro_in;
    const ag_render_opts_t *ro = &ro_ego;
    bool *show = NULL;
    char note[512];
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
    if (ego >= 0) {
        long a = ag_rollup(ds, opts.level, ego), v = g.vertex_of[a];
        size_t n;
        if (v < 0) {
            ag_error_set(&err, AG_EDATA, NULL, 0, "'%s' has no relations in this era",
                         ds->actors[a].id);
            goto done;
        }
        if (!(show = calloc(g.n, sizeof *show))) {
            ag_error_set(&err, AG_ENOMEM, NULL, 0, "out of memory");
            goto done;
        }
        n = ag_ego_vertices(&g, v, depth, show);
        snprintf(note, sizeof note, "Around %s: the %zu actor%s within %d line%s of it", ds->actors[a].name,
                 n, n == 1 ? "" : "s", depth, depth == 1 ? "" : "s");
        ro_ego.show = show;
        ro_ego.note = note;
    }
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
    free(show);
    ag_summary_destroy(&s);
    ag_metrics_destroy(&m);
    ag_era_graph_destroy(&g);
    return rc;
}

int cmd_render(int argc, char **argv)
{
    ag_render_opts_t ro;
    bool same_layout = false;
    ag_level_t blocs = AG_LEVEL_STATE;
    const char *ego_id = NULL;
    long ego = -1, depth = 1;
    ag_layout_t layout;
    cli_args_t a;
    const cli_option_t opts[] = {
        CLI_GROUP("Which periods:"),
        CLI_OPT_ERAS(&a),
        CLI_OPT_WINDOW(&a),
        CLI_GROUP("Which graph (as in 'actorgraph report'):"),
        CLI_OPT_LEVEL(&a),
        CLI_OPT_TIES(&a),
        CLI_OPT_DATES(&a),
        CLI_OPT_TYPES(&a),
        CLI_GROUP("How to draw:"),
        CLI_OPT_FORMAT(&a, "svg (the default), png, pdf, or dot: the Graphviz source,\n"
                           "before layout"),
        CLI_CALLBACK(0, "engine", &ro.engine, "E",
                     "neato (default: stress majorization, good for networks\n"
                     "without hierarchy), fdp, sfdp, dot or circo",
                     parse_engine),
        CLI_CALLBACK(0, "size-by", &ro.size_by, "M",
                     "the metric that sizes nodes (default betweenness): degree,\n"
                     "strength, betweenness, harmonic, eigenvector, in_degree,\n"
                     "out_degree, pagerank, hub, authority",
                     parse_size_by),
        CLI_CALLBACK(0, "blocs", &blocs, "L",
                     "the level the fills' blocs are found at: state (default:\n"
                     "a leader takes the bloc of his state) or actor (each actor\n"
                     "by its own ties)",
                     parse_blocs),
        CLI_FLAG(0, "same-layout", &same_layout,
                 "one layout for all the eras drawn, made on the union of\n"
                 "their graphs: an actor keeps its place from era to era,\n"
                 "actors absent from an era are left out, the others stay"),
        CLI_CALLBACK(0, "legend", &ro.legend, "WHERE",
                     "top (default: under the title), side (right of the\n"
                     "diagram; svg, png and pdf) or none",
                     parse_legend),
        CLI_STRING(0, "ego", &ego_id, "ACTOR",
                   "only the actor's neighbourhood: those within --depth\n"
                   "lines of it (default 1), sized and coloured as in the whole\n"
                   "era; files are named ERA-ACTOR.EXT"),
        CLI_CALLBACK(0, "depth", &depth, "N", "--ego: how many lines out (default 1)",
                     parse_depth),
        CLI_CALLBACK('o', "output", &a, "DIR|FILE",
                     "a folder for ERA.EXT files (when it exists, ends in '/' or\n"
                     "several eras are drawn; created if needed; default: the\n"
                     "current folder), else the file of the single era;\n"
                     "- is standard output (a single era)",
                     cli_cb_output),
        CLI_END,
    };
    const char *out, *base;
    size_t n_eras;
    bool to_dir;
    ag_slice_opts_t so;
    ag_dataset_t ds;
    ag_error_t err;
    int rc;

    ag_render_opts_default(&ro);
    ag_slice_opts_default(&so);
    memset(&layout, 0, sizeof layout);
    ag_dataset_init(&ds);
    ag_error_clear(&err);
    cli_args_init(&a, "render", usage_text, &render_formats);
    a.out_dirs = true;
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ 0)) != CLI_CONTINUE ||
        (rc = cli_dataset(&a, &ds)) != AG_EXIT_OK ||
        (rc = cli_need_eras(&a, &ds, ", or give a window with --from/--to")) != AG_EXIT_OK)
        goto done;
    so.level = a.level;
    so.ties = a.ties;
    so.dates = a.dates;
    so.types = a.types;
    ro.format = (ag_render_format_t)a.format;
    out = a.out;
    n_eras = a.n_eras;
    if (ego_id && (rc = cli_find_actor(&a, &ds, ego_id, &ego)) != AG_EXIT_OK)
        goto done;

    if (out && strcmp(out, "-") == 0) {
        if (n_eras > 1) {
            rc = cli_usage_error(a.prefix, "-o - writes one era, not %zu (give --era ID)",
                                 n_eras);
            goto done;
        }
        rc = render_era(&ds, a.eras[0], &so, blocs, &ro, ego, (int)depth, NULL);
        goto done;
    }
    /* -o names a folder when it is one, ends in '/', or several eras are
     * drawn; otherwise the file for the single era. */
    to_dir = !out || cli_is_dir(out) || out[strlen(out) - 1] == '/' || n_eras > 1;
    base = out ? strrchr(out, '/') : NULL;
    base = base ? base + 1 : out;
    if (out && to_dir && !cli_is_dir(out) && *base && strchr(base + 1, '.')) {
        rc = cli_usage_error(a.prefix, "-o %s names one file, but %zu eras are drawn: give a "
                             "folder", out, n_eras);
        goto done;
    }
    if (out && to_dir && !cli_is_dir(out)) {
        FILE *probe = fopen(out, "r");
        if (probe) {
            fclose(probe);
            rc = cli_usage_error(a.prefix, "'%s' is a file; several eras need a folder", out);
            goto done;
        }
        if (ag_mkdir_p(out, &err) != AG_OK) {
            cli_report_error(&err);
            rc = AG_EXIT_DATA;
            goto done;
        }
    }

    if (same_layout) {
        if (ag_layout_union(&layout, &ds, &so, a.eras, n_eras, &ro, &err) != AG_OK) {
            cli_report_error(&err);
            rc = AG_EXIT_DATA;
            goto done;
        }
        ro.layout = &layout;
    }
    for (size_t i = 0; i < n_eras; i++) {
        const ag_era_t *era = &ds.eras[a.eras[i]];
        char *path = NULL;
        int r;
        if (!out && n_eras == 1 && ro.format == AG_RENDER_DOT) {
            r = render_era(&ds, a.eras[i], &so, blocs, &ro, ego, (int)depth, NULL);
        } else if (to_dir) {
            const char *folder = out ? out : ".";
            size_t n = strlen(folder) + strlen(era->id) + 16 +
                       (ego >= 0 ? strlen(ds.actors[ego].id) + 1 : 0);
            if (!(path = malloc(n))) {
                cli_error(NULL, 0, "out of memory");
                rc = AG_EXIT_DATA;
                goto done;
            }
            snprintf(path, n, "%s%s%s%s%s.%s", folder,
                     folder[strlen(folder) - 1] == '/' ? "" : "/", era->id,
                     ego >= 0 ? "-" : "", ego >= 0 ? ds.actors[ego].id : "",
                     ag_render_format_ext(ro.format));
            /* A --from/--to window's id is FROM/TO: one file, not a folder. */
            for (char *p = path + strlen(folder) + 1; *p; p++)
                if (*p == '/')
                    *p = '_';
            r = render_era(&ds, a.eras[i], &so, blocs, &ro, ego, (int)depth, path);
        } else {
            r = render_era(&ds, a.eras[i], &so, blocs, &ro, ego, (int)depth, out);
        }
        free(path);
        if (r != AG_EXIT_OK)
            rc = r;
    }

done:
    ag_layout_destroy(&layout);
    ag_render_cleanup();
    ag_dataset_destroy(&ds);
    cli_args_destroy(&a);
    return rc;
}
