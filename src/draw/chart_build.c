/*
 * chart_build.c: charts from analysis results (chart.h): the timeline's
 * lines, lineages joined, and the slope chart of a comparison.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/chart.h"
#include "actorgraph/trajectory.h"
#include "core/util.h"

/* Column indices of timeline's long table (timeline.h). */
enum { C_WINDOW, C_START, C_END, C_LEVEL, C_TIES, C_ACTOR, C_NAME, C_METRIC, C_VALUE, C_RANK };

static ag_status_t oom(ag_error_t *err)
{
    return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
}

static int32_t parse_day(const char *s)
{
    ag_date_t d;
    if (ag_date_parse(s, &d, NULL, 0) != 0)
        return 0;
    return d.first;
}

/* A window of the table: its days and its rows. */
typedef struct {
    int32_t first, last;
    size_t begin, end;
} win_t;

/*
 * The work of ag_timeline_chart: the table's windows, its lineages (by
 * root actor) and, per lineage and window, the actor picked and its value.
 */
typedef struct {
    win_t *wins;
    size_t n_wins;
    long *roots;
    size_t n_roots;
    long *who;     /* n_roots * n_wins, -1 where absent */
    double *value; /* n_roots * n_wins, NaN where absent */
} grid_t;

static void grid_destroy(grid_t *g)
{
    free(g->wins);
    free(g->roots);
    free(g->who);
    free(g->value);
}

static ag_status_t grid_build(const ag_dataset_t *ds, const ag_table_t *t, const char *metric,
                              grid_t *g, ag_error_t *err)
{
    size_t cap_w = 0, cap_r = 0;
    long *members = malloc((ds->n_actors ? ds->n_actors : 1) * sizeof *members);
    memset(g, 0, sizeof *g);
    if (!members)
        return oom(err);
    for (size_t r = 0; r < t->nrows;) {
        size_t end = r;
        while (end < t->nrows &&
               strcmp(ag_table_cell(t, end, C_WINDOW), ag_table_cell(t, r, C_WINDOW)) == 0)
            end++;
        if (!ag_i_grow((void **)&g->wins, &cap_w, g->n_wins + 1, sizeof *g->wins))
            goto nomem;
        g->wins[g->n_wins].first = parse_day(ag_table_cell(t, r, C_START));
        g->wins[g->n_wins].last = parse_day(ag_table_cell(t, r, C_END));
        g->wins[g->n_wins].begin = r;
        g->wins[g->n_wins++].end = end;
        for (size_t q = r; q < end; q++) {
            long a, root;
            size_t i = 0;
            if (strcmp(ag_table_cell(t, q, C_METRIC), metric) != 0)
                continue;
            if ((a = ag_dataset_find_actor(ds, ag_table_cell(t, q, C_ACTOR))) < 0)
                continue;
            root = ag_dataset_lineage_root(ds, a);
            while (i < g->n_roots && g->roots[i] != root)
                i++;
            if (i == g->n_roots) {
                if (!ag_i_grow((void **)&g->roots, &cap_r, g->n_roots + 1, sizeof *g->roots))
                    goto nomem;
                g->roots[g->n_roots++] = root;
            }
        }
        r = end;
    }
    g->who = malloc((g->n_roots * g->n_wins + 1) * sizeof *g->who);
    g->value = malloc((g->n_roots * g->n_wins + 1) * sizeof *g->value);
    if (!g->who || !g->value)
        goto nomem;
    for (size_t l = 0; l < g->n_roots; l++)
        for (size_t w = 0; w < g->n_wins; w++) {
            const win_t *win = &g->wins[w];
            size_t n = 0;
            long pick;
            for (size_t q = win->begin; q < win->end; q++) {
                long a;
                if (strcmp(ag_table_cell(t, q, C_METRIC), metric) == 0 &&
                    (a = ag_dataset_find_actor(ds, ag_table_cell(t, q, C_ACTOR))) >= 0 &&
                    ag_dataset_lineage_root(ds, a) == g->roots[l])
                    members[n++] = a;
            }
            pick = ag_lineage_pick(ds, members, n, ag_interval_middle(win->first, win->last));
            g->who[l * g->n_wins + w] = pick;
            g->value[l * g->n_wins + w] = NAN;
            for (size_t q = win->begin; q < win->end && pick >= 0; q++)
                if (strcmp(ag_table_cell(t, q, C_METRIC), metric) == 0 &&
                    strcmp(ag_table_cell(t, q, C_ACTOR), ds->actors[pick].id) == 0)
                    g->value[l * g->n_wins + w] = strtod(ag_table_cell(t, q, C_VALUE), NULL);
        }
    free(members);
    return AG_OK;
nomem:
    free(members);
    grid_destroy(g);
    memset(g, 0, sizeof *g);
    return oom(err);
}

/* Lineages in the order to draw: the asked ones (their roots), or the top
 * ones by best value. *picked holds indices into g->roots. */
typedef struct {
    size_t l;
    double best;
    const char *id;
} rank_t;

static int cmp_best(const void *a, const void *b)
{
    const rank_t *x = a, *y = b;
    if (x->best != y->best)
        return x->best > y->best ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Adds lineage l of g as a series of c. */
static ag_status_t add_lineage(const ag_dataset_t *ds, const grid_t *g, size_t l,
                               ag_linechart_t *c, ag_error_t *err)
{
    const long *who = g->who + l * g->n_wins;
    const double *value = g->value + l * g->n_wins;
    char id[512] = "";
    long last = -1, prev = -1;
    size_t s, len = 0;
    ag_status_t st;
    /* The id: the lineage's actors in the order they appear, "SUN/RUS". */
    for (size_t w = 0; w < g->n_wins; w++)
        if (who[w] >= 0 && who[w] != last) {
            bool seen = false;
            for (size_t k = 0; k < w; k++)
                seen = seen || who[k] == who[w];
            if (!seen)
                len += (size_t)snprintf(id + len, len < sizeof id ? sizeof id - len : 0, "%s%s",
                                        len ? "/" : "", ds->actors[who[w]].id);
            if (len >= sizeof id)
                len = sizeof id - 1;
            last = who[w];
        }
    if (last < 0) /* never present: a line asked for that has no value */
        last = g->roots[l];
    if ((st = ag_linechart_add_series(c, *id ? id : ds->actors[last].id, ds->actors[last].name,
                                      &s, err)) != AG_OK)
        return st;
    for (size_t w = 0; w < g->n_wins; w++) {
        double mid = ag_interval_middle(g->wins[w].first, g->wins[w].last);
        if ((st = ag_linechart_add_point(c, s, mid, value[w], err)) != AG_OK)
            return st;
        if (who[w] >= 0 && prev >= 0 && who[w] != prev) {
            /* At the successor's first day when the dataset gives it and
             * it falls between the two windows' middles. */
            const ag_actor_t *a = &ds->actors[who[w]];
            double x = mid, before = ag_interval_middle(g->wins[w - 1].first, g->wins[w - 1].last);
            char text[512];
            if (a->has_active && a->active.first != AG_DAY_MIN && a->active.first >= before &&
                a->active.first <= mid)
                x = a->active.first;
            else
                x = (before + mid) / 2;
            snprintf(text, sizeof text, "%s \xe2\x86\x92 %s", ds->actors[prev].name, a->name);
            if ((st = ag_linechart_add_mark(c, s, x, text, err)) != AG_OK)
                return st;
        }
        if (who[w] >= 0)
            prev = who[w];
    }
    return AG_OK;
}

ag_status_t ag_timeline_chart(const ag_dataset_t *ds, const ag_table_t *t, ag_metric_t metric,
                              const char *actors, long top, const char *what,
                              ag_linechart_t *c, ag_error_t *err)
{
    const char *mname = ag_metric_name(metric);
    grid_t g;
    rank_t *order = NULL;
    size_t n_order = 0;
    char title[128], sub[512];
    ag_level_t level = AG_LEVEL_ACTOR;
    ag_status_t st;

    memset(c, 0, sizeof *c);
    if (t->nrows && ag_level_parse(ag_table_cell(t, 0, C_LEVEL)) == AG_LEVEL_STATE)
        level = AG_LEVEL_STATE;
    if ((st = grid_build(ds, t, mname, &g, err)) != AG_OK)
        return st;
    snprintf(title, sizeof title, "%s over time", mname);
    title[0] = (char)(title[0] - 'a' + 'A');
    snprintf(sub, sizeof sub, "%s; each point is a window, at its middle", what);
    if ((st = ag_linechart_init(c, title, sub, mname, err)) != AG_OK)
        goto done;
    c->x_days = true;
    if (!(order = calloc(g.n_roots + 1, sizeof *order))) {
        st = oom(err);
        goto done;
    }
    if (actors) {
        char *list = ag_i_strdup(actors), *save = NULL;
        if (!list) {
            st = oom(err);
            goto done;
        }
        for (char *id = strtok_r(list, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
            long a = ag_dataset_find_actor(ds, id), root;
            size_t l = 0;
            bool dup = false;
            if (a < 0) {
                st = ag_error_set(err, AG_EUSAGE, NULL, 0, "unknown actor '%s'", id);
                free(list);
                goto done;
            }
            /* At state level the table holds states: a leader stands for
             * its state. */
            root = ag_dataset_lineage_root(ds, ag_rollup(ds, level, a));
            while (l < g.n_roots && g.roots[l] != root)
                l++;
            for (size_t k = 0; k < n_order; k++)
                dup = dup || order[k].l == l;
            if (l < g.n_roots && !dup)
                order[n_order++].l = l;
        }
        free(list);
    } else {
        for (size_t l = 0; l < g.n_roots; l++) {
            order[l].l = l;
            order[l].best = -INFINITY;
            order[l].id = ds->actors[g.roots[l]].id;
            for (size_t w = 0; w < g.n_wins; w++) {
                double v = g.value[l * g.n_wins + w];
                if (!isnan(v) && v > order[l].best)
                    order[l].best = v;
            }
        }
        qsort(order, g.n_roots, sizeof *order, cmp_best);
        n_order = top > 0 && (size_t)top < g.n_roots ? (size_t)top : g.n_roots;
    }
    for (size_t k = 0; k < n_order; k++)
        if ((st = add_lineage(ds, &g, order[k].l, c, err)) != AG_OK)
            goto done;
    if (g.n_wins) {
        c->x_min = g.wins[0].first;
        c->x_max = g.wins[g.n_wins - 1].last;
    }
    /* The eras that overlap the range, clipped to it. */
    for (size_t e = 0; e < ds->n_eras && g.n_wins; e++) {
        const ag_era_t *era = &ds->eras[e];
        double a = era->period.first, b = era->period.last;
        if (b < c->x_min || a > c->x_max)
            continue;
        if ((st = ag_linechart_add_band(c, a < c->x_min ? c->x_min : a,
                                        b > c->x_max ? c->x_max : b, era->name, era->id,
                                        err)) != AG_OK)
            goto done;
    }
done:
    free(order);
    grid_destroy(&g);
    if (st != AG_OK)
        ag_linechart_destroy(c);
    return st;
}

/* Rows of the slope chart in drawing order: by rank in B, then in A. */
static int cmp_slope(const void *a, const void *b)
{
    const ag_slope_row_t *x = a, *y = b;
    if (x->rank_b != y->rank_b)
        return x->rank_b < y->rank_b ? -1 : 1;
    if (x->rank_a != y->rank_a)
        return x->rank_a < y->rank_a ? -1 : 1;
    return strcmp(x->label_b, y->label_b);
}

ag_status_t ag_compare_slope(const ag_compare_t *cmp, ag_metric_t metric, long top,
                             ag_slopechart_t *s, ag_error_t *err)
{
    const ag_dataset_t *ds = cmp->ds;
    const ag_era_t *ea = &ds->eras[cmp->era_a], *eb = &ds->eras[cmp->era_b];
    char title[256], sub[512];
    size_t both = 0;
    ag_status_t st;

    memset(s, 0, sizeof *s);
    if (!(cmp->opts.metrics & (1u << metric)) || !cmp->rank_a[metric])
        return ag_error_set(err, AG_EUSAGE, NULL, 0, "%s was not compared",
                            ag_metric_name(metric));
    for (size_t i = 0; i < cmp->n_actors; i++)
        both += cmp->actors[i].va >= 0 && cmp->actors[i].vb >= 0;
    snprintf(title, sizeof title, "Who rose, who fell: rank by %s", ag_metric_name(metric));
    for (size_t i = 0; i < cmp->n_actors && top > 0; i++) {
        const ag_cmp_actor_t *a = &cmp->actors[i];
        if (a->va >= 0 && a->vb >= 0 && cmp->rank_a[metric][a->va] > top &&
            cmp->rank_b[metric][a->vb] > top)
            break;
        if (i + 1 == cmp->n_actors)
            top = 0; /* every actor in both is shown: say so plainly */
    }
    if (top > 0)
        snprintf(sub, sizeof sub, "%s, %s level, %s ties: the actors in both eras ranked in "
                 "the top %ld of either (of %zu in both)", ds->name,
                 ag_level_name(cmp->opts.level), ag_ties_name(cmp->opts.ties), top, both);
    else
        snprintf(sub, sizeof sub, "%s, %s level, %s ties: the %zu actors in both eras",
                 ds->name, ag_level_name(cmp->opts.level), ag_ties_name(cmp->opts.ties), both);
    if ((st = ag_slopechart_init(s, title, sub, ea->name, eb->name, err)) != AG_OK)
        return st;
    for (size_t i = 0; i < cmp->n_actors; i++) {
        const ag_cmp_actor_t *a = &cmp->actors[i];
        long ra, rb;
        if (a->va < 0 || a->vb < 0)
            continue;
        ra = cmp->rank_a[metric][a->va];
        rb = cmp->rank_b[metric][a->vb];
        if (top > 0 && ra > top && rb > top)
            continue;
        if ((st = ag_slopechart_add(s, ds->actors[a->actor_a].name, ds->actors[a->actor_b].name,
                                    ra, rb, err)) != AG_OK) {
            ag_slopechart_destroy(s);
            return st;
        }
    }
    qsort(s->rows, s->n_rows, sizeof *s->rows, cmp_slope);
    return AG_OK;
}

ag_status_t ag_chart_timeline(const ag_dataset_t *ds, const ag_table_t *t, ag_metric_t metric,
                              const char *actors, long top, const char *what,
                              const char *path, ag_error_t *err)
{
    ag_linechart_t c;
    ag_status_t st;
    if ((st = ag_timeline_chart(ds, t, metric, actors, top, what, &c, err)) != AG_OK)
        return st;
    st = ag_linechart_write(&c, path, err);
    ag_linechart_destroy(&c);
    return st;
}

ag_status_t ag_chart_slope(const ag_compare_t *cmp, ag_metric_t metric, long top,
                           const char *path, ag_error_t *err)
{
    ag_slopechart_t s;
    ag_status_t st;
    if ((st = ag_compare_slope(cmp, metric, top, &s, err)) != AG_OK)
        return st;
    st = ag_slopechart_write(&s, path, err);
    ag_slopechart_destroy(&s);
    return st;
}

ag_status_t ag_trajectory_chart(const ag_trajectory_t *t, ag_linechart_t *c, ag_error_t *err)
{
    const ag_dataset_t *ds = t->ds;
    const char *mname = ag_metric_name(t->metric);
    char title[128], sub[512];
    ag_status_t st;

    snprintf(title, sizeof title, "Rank by %s, era by era", mname);
    snprintf(sub, sizeof sub, "%s, %s level, %s ties; 1 is the highest", ds->name,
             ag_level_name(t->opts.level), ag_ties_name(t->opts.ties));
    if ((st = ag_linechart_init(c, title, sub, "rank", err)) != AG_OK)
        return st;
    c->y_rank = true;
    for (size_t e = 0; e < t->n_eras; e++)
        if ((st = ag_linechart_add_tick(c, (double)e, ds->eras[t->eras[e]].id, err)) != AG_OK)
            goto fail;
    for (size_t a = 0; a < t->n_actors; a++) {
        const ag_traj_cell_t *row = &t->cells[a * t->n_eras];
        char id[512] = "";
        size_t s, len = 0;
        long last = -1, prev = -1;
        for (size_t e = 0; e < t->n_eras; e++) {
            bool seen = false;
            if (row[e].actor < 0)
                continue;
            for (size_t k = 0; k < e; k++)
                seen = seen || row[k].actor == row[e].actor;
            if (!seen && len < sizeof id - 1) {
                len += (size_t)snprintf(id + len, sizeof id - len, "%s%s", len ? "/" : "",
                                        ds->actors[row[e].actor].id);
                if (len >= sizeof id)
                    len = sizeof id - 1;
            }
            last = row[e].actor;
        }
        if (last < 0)
            last = t->actors[a];
        if ((st = ag_linechart_add_series(c, *id ? id : ds->actors[last].id,
                                          ds->actors[last].name, &s, err)) != AG_OK)
            goto fail;
        for (size_t e = 0; e < t->n_eras; e++) {
            double y = row[e].actor >= 0 ? (double)row[e].rank : NAN;
            if ((st = ag_linechart_add_point(c, s, (double)e, y, err)) != AG_OK)
                goto fail;
            if (row[e].actor >= 0 && prev >= 0 && row[e].actor != prev) {
                char text[512];
                snprintf(text, sizeof text, "%s \xe2\x86\x92 %s", ds->actors[prev].name,
                         ds->actors[row[e].actor].name);
                if ((st = ag_linechart_add_mark(c, s, (double)e - 0.5, text, err)) != AG_OK)
                    goto fail;
            }
            if (row[e].actor >= 0)
                prev = row[e].actor;
        }
    }
    c->x_min = -0.5;
    c->x_max = t->n_eras ? (double)t->n_eras - 0.5 : 0.5;
    return AG_OK;
fail:
    ag_linechart_destroy(c);
    return st;
}

ag_status_t ag_chart_trajectory(const ag_trajectory_t *t, const char *path, ag_error_t *err)
{
    ag_linechart_t c;
    ag_status_t st;
    if ((st = ag_trajectory_chart(t, &c, err)) != AG_OK)
        return st;
    st = ag_linechart_write(&c, path, err);
    ag_linechart_destroy(&c);
    return st;
}
