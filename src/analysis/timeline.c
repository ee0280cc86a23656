/*
 * timeline.c: metrics over time, through a sliding window (timeline.h).
 * The matrices for people are src/pages/timeline_page.c.
 */
#include "actorgraph/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

int ag_span_parse(const char *s, ag_span_t *span)
{
    char *end;
    long n;
    if (!*s || *s < '0' || *s > '9')
        return -1;
    n = strtol(s, &end, 10);
    if (n < 1 || n > 9999 || end[0] == '\0' || end[1] != '\0')
        return -1;
    switch (*end) {
    case 'd': span->unit = AG_SPAN_DAYS; break;
    case 'm': span->unit = AG_SPAN_MONTHS; break;
    case 'y': span->unit = AG_SPAN_YEARS; break;
    default: return -1;
    }
    span->n = (int)n;
    return 0;
}

int32_t ag_span_add(int32_t day, const ag_span_t *span, int times)
{
    int y, m, d, months, len;
    if (span->unit == AG_SPAN_DAYS)
        return day + (int32_t)span->n * times;
    ag_civil_from_days(day, &y, &m, &d);
    months = (m - 1) + span->n * times * (span->unit == AG_SPAN_YEARS ? 12 : 1);
    y += months >= 0 ? months / 12 : -((11 - months) / 12);
    m = ((months % 12) + 12) % 12 + 1;
    len = ag_days_in_month(y, m);
    return ag_days_from_civil(y, m, d > len ? len : d);
}

ag_status_t ag_timeline_windows(int32_t from, int32_t to, const ag_span_t *window,
                                const ag_span_t *step, ag_window_t **windows, size_t *n,
                                ag_error_t *err)
{
    size_t cap = 0;
    *windows = NULL;
    *n = 0;
    if (to < from)
        return ag_error_set(err, AG_EUSAGE, NULL, 0, "the range ends before it starts");
    for (int k = 0;; k++) {
        int32_t first = ag_span_add(from, step, k);
        int32_t last = ag_span_add(first, window, 1) - 1;
        if (last > to) {
            if (*n > 0)
                break;
            last = to; /* the range is shorter than a window: one window */
        }
        if (!ag_i_grow((void **)windows, &cap, *n + 1, sizeof **windows)) {
            free(*windows);
            *windows = NULL;
            *n = 0;
            return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        }
        (*windows)[*n].first = first;
        (*windows)[(*n)++].last = last;
        if (last == to)
            break;
    }
    /* Steps longer than a day may stop short of to: a last window, as long
     * as the others, ends on to, so that the whole range is measured. */
    if ((*windows)[*n - 1].last < to) {
        if (!ag_i_grow((void **)windows, &cap, *n + 1, sizeof **windows)) {
            free(*windows);
            *windows = NULL;
            *n = 0;
            return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        }
        (*windows)[*n].first = ag_span_add(to + 1, window, -1);
        (*windows)[(*n)++].last = to;
    }
    return AG_OK;
}

ag_status_t ag_dataset_date_range(const ag_dataset_t *ds, int32_t *first, int32_t *last,
                                  ag_error_t *err)
{
    *first = AG_DAY_MAX;
    *last = AG_DAY_MIN;
    for (size_t i = 0; i < ds->n_relations; i++) {
        const ag_date_t *d = &ds->relations[i].date;
        if (d->first != AG_DAY_MIN && d->first < *first)
            *first = d->first;
        if (d->last != AG_DAY_MAX && d->last > *last)
            *last = d->last;
        /* An open end still bounds the range by its other end. */
        if (d->first == AG_DAY_MIN && d->last != AG_DAY_MAX && d->last < *first)
            *first = d->last;
        if (d->last == AG_DAY_MAX && d->first != AG_DAY_MIN && d->first > *last)
            *last = d->first;
    }
    if (*first == AG_DAY_MAX || *last == AG_DAY_MIN)
        return ag_error_set(err, AG_EUSAGE, NULL, 0,
                            "no relation has a bounded date: give --from and --to");
    return AG_OK;
}

ag_status_t ag_timeline_table_init(ag_table_t *t, ag_error_t *err)
{
    static const char *const head[] = { "window", "start", "end", "level", "ties",
                                        "actor", "name", "metric", "value", "rank" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_NUMBER, AG_COL_NUMBER };
    return ag_table_init(t, 10, head, type, err);
}

/* Adds the rows of one measured window. */
static ag_status_t add_rows(const ag_era_graph_t *g, const ag_metrics_t *m, unsigned mask,
                            const ag_window_t *w, ag_table_t *t, ag_error_t *err)
{
    const ag_dataset_t *ds = g->ds;
    char start[AG_DAY_TEXT_SIZE], end[AG_DAY_TEXT_SIZE], id[2 * AG_DAY_TEXT_SIZE];
    long *rank[AG_M_COUNT] = { NULL };
    ag_status_t st = AG_OK;
    ag_day_format(w->first, start);
    ag_day_format(w->last, end);
    snprintf(id, sizeof id, "%s/%s", start, end);
    for (int k = 0; k < AG_M_COUNT; k++)
        if (mask & (1u << k)) {
            if (!(rank[k] = malloc((g->n ? g->n : 1) * sizeof *rank[k]))) {
                st = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
                goto done;
            }
            if ((st = ag_rank(m->value[k], g->n, rank[k], err)) != AG_OK)
                goto done;
        }
    for (size_t v = 0; v < g->n; v++) {
        /* At state level an actor is shown by its own (the state's) name. */
        const ag_actor_t *a = &ds->actors[g->actor[v]];
        for (int k = 0; k < AG_M_COUNT; k++) {
            char value[32], r[32];
            const char *cells[10];
            if (!(mask & (1u << k)))
                continue;
            snprintf(r, sizeof r, "%ld", rank[k][v]);
            cells[0] = id;
            cells[1] = start;
            cells[2] = end;
            cells[3] = ag_level_name(g->opts.level);
            cells[4] = ag_ties_name(g->opts.ties);
            cells[5] = a->id;
            cells[6] = a->name;
            cells[7] = ag_metric_name((ag_metric_t)k);
            cells[8] = ag_format_number(m->value[k][v], value);
            cells[9] = r;
            if ((st = ag_table_add(t, cells, err)) != AG_OK)
                goto done;
        }
    }
done:
    for (int k = 0; k < AG_M_COUNT; k++)
        free(rank[k]);
    return st;
}

ag_status_t ag_timeline_compute(const ag_dataset_t *ds, const ag_slice_opts_t *base,
                                unsigned mask, const ag_window_t *windows, size_t n,
                                ag_table_t *t, ag_timeline_progress_fn progress, void *ud,
                                ag_error_t *err)
{
    for (size_t i = 0; i < n; i++) {
        ag_slice_opts_t o = *base;
        ag_era_graph_t g;
        ag_metrics_t m;
        ag_status_t st;
        o.first = windows[i].first;
        o.last = windows[i].last;
        if ((st = ag_era_graph_init(&g, ds, &o, err)) != AG_OK)
            return st;
        if (g.n > 0) {
            if ((st = ag_metrics_compute(&g, mask, &m, err)) != AG_OK) {
                ag_era_graph_destroy(&g);
                return st;
            }
            st = add_rows(&g, &m, mask, &windows[i], t, err);
            ag_metrics_destroy(&m);
        }
        ag_era_graph_destroy(&g);
        if (st != AG_OK)
            return st;
        if (progress)
            progress(ud, i + 1, n);
    }
    return AG_OK;
}

void ag_timeline_describe(const ag_span_t *window, const ag_span_t *step, int32_t first,
                          int32_t last, ag_level_t level, ag_ties_t ties, char *buf, size_t n)
{
    static const char *const long_unit[] = { "-day", "-month", "-year" };
    static const char *const short_unit[] = { "d", "m", "y" };
    char a[AG_DAY_TEXT_SIZE], b[AG_DAY_TEXT_SIZE];
    snprintf(buf, n, "%d%s windows every %d%s, %s to %s (%s level, %s ties)", window->n,
             long_unit[window->unit], step->n, short_unit[step->unit], ag_day_format(first, a),
             ag_day_format(last, b), ag_level_name(level), ag_ties_name(ties));
}

