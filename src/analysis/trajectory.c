/*
 * trajectory.c: an actor's path across eras, its lineage followed
 * (trajectory.h).
 */
#include "actorgraph/trajectory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

int32_t ag_interval_middle(int32_t first, int32_t last)
{
    if (first == AG_DAY_MIN)
        first = last;
    if (last == AG_DAY_MAX)
        last = first;
    /* In 64 bits: first + last can overflow 32. */
    return (int32_t)(((int64_t)first + (int64_t)last) / 2);
}

/* Steps from actor to its lineage's root along `continues`. */
static size_t lineage_depth(const ag_dataset_t *ds, long actor)
{
    size_t depth = 0;
    while (ds->actors[actor].continues >= 0 && depth < ds->n_actors) {
        actor = ds->actors[actor].continues;
        depth++;
    }
    return depth;
}

long ag_lineage_pick(const ag_dataset_t *ds, const long *actors, size_t n, int32_t mid)
{
    long active = -1, best = -1;
    size_t n_active = 0, best_depth = 0;
    for (size_t i = 0; i < n; i++) {
        const ag_actor_t *a = &ds->actors[actors[i]];
        size_t depth = lineage_depth(ds, actors[i]);
        if (a->has_active && a->active.first <= mid && mid <= a->active.last) {
            active = actors[i];
            n_active++;
        }
        if (best < 0 || depth > best_depth) {
            best = actors[i];
            best_depth = depth;
        }
    }
    return n_active == 1 ? active : best;
}

void ag_trajectory_destroy(ag_trajectory_t *t)
{
    free(t->actors);
    free(t->eras);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

/* Fills the cells of era e from its graph and metrics. */
static ag_status_t fill_era(ag_trajectory_t *t, size_t e, const ag_era_graph_t *g,
                            const double *value, int32_t mid, ag_error_t *err)
{
    const ag_dataset_t *ds = t->ds;
    long *rank = malloc((g->n ? g->n : 1) * sizeof *rank);
    long *members = malloc((g->n ? g->n : 1) * sizeof *members);
    ag_status_t st = AG_OK;
    if (!rank || !members) {
        st = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    if (g->n && (st = ag_rank(value, g->n, rank, err)) != AG_OK)
        goto done;
    for (size_t a = 0; a < t->n_actors; a++) {
        ag_traj_cell_t *cell = &t->cells[a * t->n_eras + e];
        long root = ag_dataset_lineage_root(ds, t->actors[a]), pick;
        size_t n = 0;
        for (size_t v = 0; v < g->n; v++)
            if (ag_dataset_lineage_root(ds, g->actor[v]) == root)
                members[n++] = g->actor[v];
        cell->n = g->n;
        cell->actor = -1;
        if ((pick = ag_lineage_pick(ds, members, n, mid)) < 0)
            continue;
        cell->actor = pick;
        cell->value = value[g->vertex_of[pick]];
        cell->rank = rank[g->vertex_of[pick]];
    }
done:
    free(rank);
    free(members);
    return st;
}

ag_status_t ag_trajectory_init(ag_trajectory_t *t, const ag_dataset_t *ds,
                               const ag_slice_opts_t *opts, ag_metric_t metric,
                               const long *actors, size_t n_actors, const long *eras,
                               size_t n_eras, ag_error_t *err)
{
    ag_status_t st = AG_OK;
    memset(t, 0, sizeof *t);
    t->ds = ds;
    t->opts = *opts;
    t->metric = metric;
    t->actors = malloc((n_actors ? n_actors : 1) * sizeof *t->actors);
    t->eras = malloc((n_eras ? n_eras : 1) * sizeof *t->eras);
    t->cells = calloc(n_actors * n_eras + 1, sizeof *t->cells);
    if (!t->actors || !t->eras || !t->cells) {
        ag_trajectory_destroy(t);
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    }
    for (size_t a = 0; a < n_actors; a++)
        t->actors[a] = ag_rollup(ds, opts->level, actors[a]);
    memcpy(t->eras, eras, n_eras * sizeof *eras);
    t->n_actors = n_actors;
    t->n_eras = n_eras;
    for (size_t e = 0; e < n_eras; e++) {
        const ag_era_t *era = &ds->eras[eras[e]];
        ag_slice_opts_t so = *opts;
        ag_era_graph_t g;
        ag_metrics_t m;
        so.first = era->period.first;
        so.last = era->period.last;
        if ((st = ag_era_graph_init(&g, ds, &so, err)) != AG_OK)
            break;
        if ((st = ag_metrics_compute(&g, 1u << metric, &m, err)) != AG_OK) {
            ag_era_graph_destroy(&g);
            break;
        }
        st = fill_era(t, e, &g, m.value[metric],
                      ag_interval_middle(era->period.first, era->period.last), err);
        ag_metrics_destroy(&m);
        ag_era_graph_destroy(&g);
        if (st != AG_OK)
            break;
    }
    if (st != AG_OK)
        ag_trajectory_destroy(t);
    return st;
}

ag_status_t ag_trajectory_table(const ag_trajectory_t *t, ag_table_t *out, ag_error_t *err)
{
    static const char *const head[] = { "lineage", "era", "start", "end", "level", "ties",
                                        "actor", "name", "metric", "value", "rank", "of" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_TEXT, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER };
    ag_status_t st;
    if ((st = ag_table_init(out, 12, head, type, err)) != AG_OK)
        return st;
    for (size_t a = 0; a < t->n_actors; a++)
        for (size_t e = 0; e < t->n_eras; e++) {
            const ag_traj_cell_t *cell = &t->cells[a * t->n_eras + e];
            const ag_era_t *era = &t->ds->eras[t->eras[e]];
            char start[AG_DAY_TEXT_SIZE] = "", end[AG_DAY_TEXT_SIZE] = "", value[32] = "",
                 rank[32] = "", of[32];
            const char *cells[12];
            if (era->period.first != AG_DAY_MIN)
                ag_day_format(era->period.first, start);
            if (era->period.last != AG_DAY_MAX)
                ag_day_format(era->period.last, end);
            if (cell->actor >= 0) {
                ag_format_number(cell->value, value);
                snprintf(rank, sizeof rank, "%ld", cell->rank);
            }
            snprintf(of, sizeof of, "%zu", cell->n);
            cells[0] = t->ds->actors[t->actors[a]].id;
            cells[1] = era->id;
            cells[2] = start;
            cells[3] = end;
            cells[4] = ag_level_name(t->opts.level);
            cells[5] = ag_ties_name(t->opts.ties);
            cells[6] = cell->actor >= 0 ? t->ds->actors[cell->actor].id : "";
            cells[7] = cell->actor >= 0 ? t->ds->actors[cell->actor].name : "";
            cells[8] = ag_metric_name(t->metric);
            cells[9] = value;
            cells[10] = rank;
            cells[11] = of;
            if ((st = ag_table_add(out, cells, err)) != AG_OK) {
                ag_table_destroy(out);
                return st;
            }
        }
    return AG_OK;
}
