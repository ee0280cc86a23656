/*
 * cmd_trajectory.c: actorgraph trajectory [DATASET] ACTOR... [--metric M]
 *                   [--era ID]... [--level L] [--ties T] [--types LIST]
 *                   [--format F] [-o FILE] [--plot FILE]
 *
 * An actor's value and rank era by era, its lineage followed (the Soviet
 * Union, then Russia), as a table and a chart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/chart.h"
#include "actorgraph/output.h"
#include "actorgraph/trajectory.h"
#include "cli.h"
#include "options.h"

static const char usage_text[] =
    "usage: actorgraph trajectory [DATASET] ACTOR... [--metric M] [--era ID]...\n"
    "                             [--level actor|state] [--ties all|positive|negative]\n"
    "                             [--types LIST] [--dates RULE]\n"
    "                             [--format table|csv|json|md] [-o FILE]\n"
    "                             [--plot FILE.svg|png|pdf]\n"
    "\n"
    "Each actor's value and rank era by era. An actor stands for its lineage\n"
    "('continues'): SUN and RUS are followed as one, the Soviet Union in the Cold\n"
    "War and Russia after it. Where an era holds more than one actor of a\n"
    "lineage, the one whose 'active' interval holds the era's middle day is\n"
    "measured, else the latest of the lineage. Ranks are among all the era's\n"
    "actors, as in 'report'.\n"
    "\n";

static const cli_name_t traj_names[] = {
    { "table", AG_FMT_TABLE }, { "csv", AG_FMT_CSV }, { "json", AG_FMT_JSON },
    { "md", AG_FMT_MD },       { NULL, 0 },
};
static const cli_name_t traj_exts[] = {
    { "txt", AG_FMT_TABLE }, { "csv", AG_FMT_CSV }, { "json", AG_FMT_JSON },
    { "md", AG_FMT_MD },     { NULL, 0 },
};
static const cli_formats_t traj_formats = { traj_names, traj_exts, AG_FMT_TABLE, AG_FMT_CSV };

static int parse_metric(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    int m = ag_metric_parse(arg);
    if (m < 0)
        return cli_usage_error(a->prefix, "unknown metric '%s'", arg);
    *(int *)opt->value = m;
    return AG_EXIT_OK;
}

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
    const char *plot = NULL;
    int metric = AG_M_BETWEENNESS, rc;
    cli_args_t a;
    const cli_option_t opts[] = {
        CLI_GROUP("Which eras and graph:"),
        CLI_CALLBACK(0, "metric", &metric, "M",
                     "the metric (default betweenness): degree, strength,\n"
                     "betweenness, harmonic, eigenvector, in_degree, out_degree,\n"
                     "pagerank, hub or authority",
                     parse_metric),
        CLI_CALLBACK(0, "era", &a, "ID",
                     "an era to measure (repeatable, in the order given; default:\n"
                     "every era, by start date)",
                     cli_cb_era),
        CLI_CALLBACK(0, "level", &a, "L", "actor (default) or state (a leader stands for its state)",
                     cli_cb_level),
        CLI_CALLBACK(0, "ties", &a, "T", "all (default), positive or negative", cli_cb_ties),
        CLI_OPT_DATES(&a),
        CLI_OPT_TYPES(&a),
        CLI_GROUP("Output:"),
        CLI_OPT_FORMAT(&a, "table (default on a terminal: one row per era, each cell\n"
                           "'value (rank/of)'), md (the same), csv (default otherwise:\n"
                           "lineage,era,start,end,level,ties,actor,name,metric,value,\n"
                           "rank,of) or json (the same rows)"),
        CLI_OPT_OUTPUT(&a),
        CLI_OPT_PLOT(&plot, "also draw the ranks era by era into FILE (.svg, .png, .pdf)"),
        CLI_END,
    };
    long *actors = NULL, *eras = NULL;
    ag_dataset_t ds;
    ag_slice_opts_t so;
    ag_trajectory_t tr;
    ag_table_t tab;
    ag_error_t err;
    ag_status_t st;

    ag_dataset_init(&ds);
    memset(&tr, 0, sizeof tr);
    memset(&tab, 0, sizeof tab);
    ag_error_clear(&err);
    cli_args_init(&a, "trajectory", usage_text, &traj_formats);
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ (size_t)argc)) != CLI_CONTINUE)
        goto done;
    if (a.n_pos < 1) {
        rc = cli_usage_error(a.prefix, "which actor? give one or more ids: ACTOR...");
        goto done;
    }
    if ((rc = cli_dataset(&a, &ds)) != AG_EXIT_OK ||
        (rc = cli_need_eras(&a, &ds, ", or follow it through windows with 'timeline'")) !=
            AG_EXIT_OK)
        goto done;
    if (!(actors = malloc(a.n_pos * sizeof *actors)) ||
        !(eras = malloc((a.n_eras ? a.n_eras : 1) * sizeof *eras)))
        goto oom;
    for (size_t i = 0; i < a.n_pos; i++)
        if ((rc = cli_find_actor(&a, &ds, a.pos[i], &actors[i])) != AG_EXIT_OK)
            goto done;
    memcpy(eras, a.eras, a.n_eras * sizeof *eras);
    if (a.n_era_ids == 0)
        qsort_r(eras, a.n_eras, sizeof *eras, cmp_era, &ds);

    ag_slice_opts_default(&so);
    so.level = a.level;
    so.ties = a.ties;
    so.types = a.types;
    so.dates = a.dates;
    if (ag_trajectory_init(&tr, &ds, &so, (ag_metric_t)metric, actors, a.n_pos, eras, a.n_eras,
                           &err) != AG_OK)
        goto failed;
    if (plot && ag_chart_trajectory(&tr, plot, &err) != AG_OK)
        goto failed;
    if ((rc = cli_output(&a)) != AG_EXIT_OK)
        goto done;
    if (a.format == AG_FMT_TABLE || a.format == AG_FMT_MD)
        st = write_matrix(&tr, (ag_format_t)a.format, a.fp, &err);
    else if ((st = ag_trajectory_table(&tr, &tab, &err)) == AG_OK)
        st = ag_table_write(&tab, (ag_format_t)a.format, a.fp, &err);
    rc = cli_commit(&a, st, &err);
    goto done;
oom:
    ag_error_set(&err, AG_ENOMEM, NULL, 0, "out of memory");
failed:
    cli_report_error(&err);
    rc = AG_EXIT_DATA;
done:
    ag_table_destroy(&tab);
    ag_trajectory_destroy(&tr);
    free(actors);
    free(eras);
    cli_args_destroy(&a);
    ag_dataset_destroy(&ds);
    return rc;
}
