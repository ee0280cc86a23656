/*
 * cmd_trajectory.c: actorgraph trajectory [DATASET] ACTOR... [--metric M]
 *                   [--era ID]... [--level L] [--ties T] [--types LIST]
 *                   [--format F] [-o FILE] [--plot FILE]
 *
 * An actor's value and rank era by era, its lineage followed (the Soviet
 * Union, then Russia), as a table and a chart.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/chart.h"
#include "actorgraph/output.h"
#include "actorgraph/trajectory.h"
#include "cli.h"
#include "slice_args.h"

static const char usage_text[] =
    "usage: actorgraph trajectory [DATASET] ACTOR... [--metric M] [--era ID]...\n"
    "                             [--level actor|state] [--ties all|positive|negative]\n"
    "                             [--types LIST] [--format table|csv|json|md] [-o FILE]\n"
    "                             [--plot FILE.svg|png|pdf]\n"
    "\n"
    "Each actor's value and rank era by era. An actor stands for its lineage\n"
    "('continues'): SUN and RUS are followed as one, the Soviet Union in the Cold\n"
    "War and Russia after it. Where an era holds more than one actor of a\n"
    "lineage, the one whose 'active' interval holds the era's middle day is\n"
    "measured, else the latest of the lineage. Ranks are among all the era's\n"
    "actors, as in 'report'.\n"
    "\n"
    "Options:\n"
    "  --metric M      the metric (default betweenness): degree, strength,\n"
    "                  betweenness, harmonic, eigenvector, in_degree, out_degree,\n"
    "                  pagerank, hub or authority\n"
    "  --era ID        an era to measure (repeatable, in the order given; default:\n"
    "                  every era, by start date)\n"
    "  --level L       actor (default) or state (a leader stands for its state)\n"
    "  --ties T        all (default), positive or negative\n"
    "  --types LIST    only these relation types (comma-separated ids)\n"
    "  --format F      table (default on a terminal: one row per era, each cell\n"
    "                  'value (rank/of)'), md (the same), csv (default otherwise:\n"
    "                  lineage,era,start,end,level,ties,actor,name,metric,value,\n"
    "                  rank,of) or json (the same rows)\n"
    "  -o FILE         write to FILE (atomically) instead of standard output\n"
    "  --plot FILE     also draw the ranks era by era into FILE (.svg, .png, .pdf)\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 success, 1 invalid data or failure, 2 usage error.\n";

enum { OPT_METRIC = SLICE_OPT_END, OPT_PLOT };

/* Eras by start, then end, then file order: the default, chronological. */
static int cmp_era(const void *a, const void *b, void *ud)
{
    const ag_dataset_t *ds = ud;
    const ag_era_t *x = &ds->eras[*(const long *)a], *y = &ds->eras[*(const long *)b];
    if (x->period.first != y->period.first)
        return x->period.first < y->period.first ? -1 : 1;
    if (x->period.last != y->period.last)
        return x->period.last < y->period.last ? -1 : 1;
    return *(const long *)a < *(const long *)b ? -1 : 1;
}

/* The table for people: a row per era, a column per actor asked for. */
static ag_status_t write_matrix(const ag_trajectory_t *t, ag_format_t fmt, FILE *fp,
                                ag_error_t *err)
{
    const ag_dataset_t *ds = t->ds;
    size_t ncols = t->n_actors + 1;
    const char **head = calloc(ncols, sizeof *head), **cells = calloc(ncols, sizeof *cells);
    ag_coltype_t *type = calloc(ncols, sizeof *type);
    char (*text)[160] = calloc(ncols, sizeof *text);
    ag_table_t out;
    ag_status_t st = AG_OK;
    memset(&out, 0, sizeof out);
    if (!head || !cells || !type || !text) {
        st = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    head[0] = "era";
    type[0] = AG_COL_TEXT;
    for (size_t a = 0; a < t->n_actors; a++) {
        head[a + 1] = ds->actors[t->actors[a]].id;
        type[a + 1] = AG_COL_NUMBER;
    }
    if ((st = ag_table_init(&out, ncols, head, type, err)) != AG_OK)
        goto done;
    for (size_t e = 0; e < t->n_eras; e++) {
        cells[0] = ds->eras[t->eras[e]].id;
        for (size_t a = 0; a < t->n_actors; a++) {
            const ag_traj_cell_t *c = &t->cells[a * t->n_eras + e];
            if (c->actor < 0) {
                snprintf(text[a + 1], sizeof text[a + 1], "-");
            } else {
                /* Four digits read at a glance; csv has all ten. The actor
                 * measured is named when it is not the one asked for. */
                int k = snprintf(text[a + 1], sizeof text[a + 1], "%.4g (%ld/%zu)",
                                 c->value < 1e-10 ? 0.0 : c->value, c->rank, c->n);
                if (c->actor != t->actors[a] && k > 0 && (size_t)k < sizeof text[a + 1])
                    snprintf(text[a + 1] + k, sizeof text[a + 1] - (size_t)k, " %s",
                             ds->actors[c->actor].id);
            }
            cells[a + 1] = text[a + 1];
        }
        if ((st = ag_table_add(&out, cells, err)) != AG_OK)
            goto done;
    }
    fprintf(fp, "%s%s by era: value (rank/actors in the era)\n\n", fmt == AG_FMT_MD ? "## " : "",
            ag_metric_name(t->metric));
    if ((st = ag_table_write(&out, fmt, fp, err)) != AG_OK)
        goto done;
    fputc('\n', fp);
    for (size_t a = 0; a < t->n_actors; a++)
        fprintf(fp, "%s%s %s%s", a ? (fmt == AG_FMT_MD ? "; " : " \xc2\xb7 ") : "",
                ds->actors[t->actors[a]].id, ds->actors[t->actors[a]].name,
                a + 1 == t->n_actors ? "\n" : "");
    if (ferror(fp))
        st = ag_error_set(err, AG_EIO, NULL, 0, "write error");
done:
    ag_table_destroy(&out);
    free(head);
    free(cells);
    free(type);
    free(text);
    return st;
}

int cmd_trajectory(int argc, char **argv)
{
    static const struct option opts[] = {
        { "metric", required_argument, NULL, OPT_METRIC },
        { "era", required_argument, NULL, SLICE_OPT_ERA },
        { "level", required_argument, NULL, SLICE_OPT_LEVEL },
        { "ties", required_argument, NULL, SLICE_OPT_TIES },
        { "types", required_argument, NULL, SLICE_OPT_TYPES },
        { "format", required_argument, NULL, SLICE_OPT_FORMAT },
        { "output", required_argument, NULL, 'o' },
        { "plot", required_argument, NULL, OPT_PLOT },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *plot = NULL;
    int metric = AG_M_BETWEENNESS, first, npos, c, rc;
    long *actors = NULL, *eras = NULL;
    ag_dataset_t ds;
    ag_slice_opts_t so;
    ag_trajectory_t tr;
    ag_table_t tab;
    ag_error_t err;
    ag_out_t out;
    slice_args_t sa;
    FILE *fp = stdout;

    ag_dataset_init(&ds);
    memset(&tr, 0, sizeof tr);
    memset(&tab, 0, sizeof tab);
    memset(&out, 0, sizeof out);
    ag_error_clear(&err);
    if ((rc = slice_args_init(&sa, "trajectory ", argc)) != AG_EXIT_OK)
        goto done;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case OPT_METRIC:
            if ((metric = ag_metric_parse(optarg)) < 0) {
                rc = cli_usage_error("trajectory ", "unknown metric '%s'", optarg);
                goto done;
            }
            break;
        case OPT_PLOT:
            if (ag_chart_format_of(optarg) < 0) {
                rc = cli_usage_error("trajectory ", "--plot '%s': use a .svg, .png or .pdf file",
                                     optarg);
                goto done;
            }
            plot = optarg;
            break;
        case 'h': fputs(usage_text, stdout); goto done;
        default:
            if ((rc = slice_args_option(&sa, c, argv)) != AG_EXIT_OK)
                goto done;
        }
    }
    if ((rc = cli_positionals("trajectory ", argc, argv, argc, &sa.dir, &first, &npos)) !=
        AG_EXIT_OK)
        goto done;
    if (npos < 1) {
        rc = cli_usage_error("trajectory ", "which actor? give one or more ids: ACTOR...");
        goto done;
    }
    if ((rc = cli_load(sa.dir, &ds, false)) != AG_EXIT_OK ||
        (rc = slice_args_resolve(&sa, &ds)) != AG_EXIT_OK ||
        (rc = slice_args_need_eras(&sa, &ds, ", or follow it through windows with 'timeline'")) !=
            AG_EXIT_OK)
        goto done;
    if (!(actors = malloc((size_t)npos * sizeof *actors)) ||
        !(eras = malloc((sa.n_eras ? sa.n_eras : 1) * sizeof *eras)))
        goto oom;
    for (int i = 0; i < npos; i++) {
        const char *id = argv[first + i];
        if ((actors[i] = ag_dataset_find_actor(&ds, id)) < 0) {
            const char *s = ag_suggest_actor(&ds, id);
            rc = cli_usage_error("trajectory ", "unknown actor '%s'%s%s%s", id,
                                 s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
            goto done;
        }
    }
    memcpy(eras, sa.eras, sa.n_eras * sizeof *eras);
    if (sa.n_era_ids == 0)
        qsort_r(eras, sa.n_eras, sizeof *eras, cmp_era, &ds);

    ag_slice_opts_default(&so);
    so.level = sa.level;
    so.ties = sa.ties;
    so.types = sa.types;
    if (ag_trajectory_init(&tr, &ds, &so, (ag_metric_t)metric, actors, (size_t)npos, eras,
                           sa.n_eras, &err) != AG_OK)
        goto failed;
    if (plot && ag_chart_trajectory(&tr, plot, &err) != AG_OK)
        goto failed;
    if (sa.format < 0)
        sa.format = !sa.out && isatty(STDOUT_FILENO) ? AG_FMT_TABLE : AG_FMT_CSV;
    if (sa.out) {
        if (ag_out_open(&out, sa.out, &err) != AG_OK)
            goto failed;
        fp = out.fp;
    }
    if (sa.format == AG_FMT_TABLE || sa.format == AG_FMT_MD) {
        if (write_matrix(&tr, (ag_format_t)sa.format, fp, &err) != AG_OK)
            goto failed;
    } else if (ag_trajectory_table(&tr, &tab, &err) != AG_OK ||
               ag_table_write(&tab, (ag_format_t)sa.format, fp, &err) != AG_OK) {
        goto failed;
    }
    if (sa.out && ag_out_commit(&out, &err) != AG_OK)
        goto failed;
    goto done;
oom:
    ag_error_set(&err, AG_ENOMEM, NULL, 0, "out of memory");
failed:
    cli_report_error(&err);
    rc = AG_EXIT_DATA;
done:
    ag_out_abort(&out);
    ag_table_destroy(&tab);
    ag_trajectory_destroy(&tr);
    free(actors);
    free(eras);
    slice_args_destroy(&sa);
    ag_dataset_destroy(&ds);
    return rc;
}
