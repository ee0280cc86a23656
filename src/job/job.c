/*
 * job.c: the main job (see job.h): every era's report, diagram and graph,
 * balance, the timeline, the comparison and index.md, into DIR/NAME/.
 */
#include "actorgraph/job.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/balance.h"
#include "actorgraph/compare.h"
#include "actorgraph/export.h"
#include "actorgraph/output.h"
#include "actorgraph/render.h"
#include "actorgraph/report.h"
#include "actorgraph/chart.h"
#include "actorgraph/timeline.h"
#include "job/index.h"

/* What a run shares between its steps. */
typedef struct {
    const ag_dataset_t *ds;
    const ag_job_opts_t *opts;
    char *dir; /* DIR/NAME */
    ag_job_progress_t progress;
    void *ud;
    bool timeline_chart; /* timeline-betweenness.svg written */
    ag_layout_t layout; /* one for every era's diagram */
    ag_error_t err;
} run_t;

static void progress(const run_t *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void progress(const run_t *r, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    if (!r->progress)
        return;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    r->progress(r->ud, line);
}

/*
 * The timeline's range: from the first day of the earliest relation whose
 * date is bounded at both ends (an event, or an interval that ended) to
 * the last bounded day. A relation open at one end (a membership or a
 * rivalry still in force, 1948/..) is in every window it overlaps, but
 * does not pull the start back to its own start: a standing relation says
 * nothing about when the network's recorded activity begins. When no
 * relation has both ends bounded, the earliest bounded day.
 */
static ag_status_t timeline_range(const ag_dataset_t *ds, int32_t *first, int32_t *last)
{
    int32_t closed = AG_DAY_MAX;
    ag_error_t err;
    if (ag_dataset_date_range(ds, first, last, &err) != AG_OK)
        return err.code;
    for (size_t i = 0; i < ds->n_relations; i++) {
        const ag_date_t *d = &ds->relations[i].date;
        if (d->first != AG_DAY_MIN && d->last != AG_DAY_MAX && d->first < closed)
            closed = d->first;
    }
    if (closed != AG_DAY_MAX && closed <= *last)
        *first = closed;
    return AG_OK;
}

/* "DIR/NAME/sub" in a static-sized buffer. */
static const char *path_of(const run_t *r, char *buf, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static const char *path_of(const run_t *r, char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    int k = snprintf(buf, n, "%s/", r->dir);
    /* ag_job_run keeps DIR/NAME well below n; never write past buf. A name
     * cut short here is longer than a file name may be, and the file
     * system refuses it with a message. */
    if (k < 0 || (size_t)k >= n)
        k = (int)n - 1;
    va_start(ap, fmt);
    vsnprintf(buf + k, n - (size_t)k, fmt, ap);
    va_end(ap);
    return buf;
}

/* A writer of one file: fills fp, returns a status. */
typedef ag_status_t (*writer_t)(const void *what, ag_format_t fmt, FILE *fp, ag_error_t *err);

static ag_status_t write_atomic(run_t *r, const char *path, writer_t w, const void *what,
                                ag_format_t fmt)
{
    ag_out_t o;
    ag_status_t st;
    if ((st = ag_out_open(&o, path, &r->err)) != AG_OK)
        return st;
    if ((st = w(what, fmt, o.fp, &r->err)) != AG_OK) {
        ag_out_abort(&o);
        return st;
    }
    return ag_out_commit(&o, &r->err);
}

static ag_status_t report_writer(const void *what, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    return ag_report_write(what, fmt, fp, err);
}

/* ---- eras ---- */

/* One era's files, from the era's part of the report of every era (a
 * report of that one era, without measuring it again). */
static ag_status_t run_era(run_t *r, long era, const ag_report_t *all, ag_i_era_info_t *info)
{
    static const ag_format_t formats[] = { AG_FMT_MD, AG_FMT_CSV, AG_FMT_JSON };
    static const char *const ext[] = { "md", "csv", "json" };
    static const ag_render_format_t diagrams[] = { AG_RENDER_DOT, AG_RENDER_SVG, AG_RENDER_PNG };
    const ag_era_t *e = &r->ds->eras[era];
    ag_report_t rep = *all;
    ag_summary_t blocs;
    ag_status_t st;
    char path[4096];

    memset(&blocs, 0, sizeof blocs);
    rep.eras = &all->eras[era];
    rep.n_eras = 1;
    info->vertices = rep.eras[0].summary.vertices;
    info->relations = rep.eras[0].summary.relations;
    info->edges = rep.eras[0].summary.edges;
    {
        ag_balance_t b;
        if ((st = ag_balance_compute(&rep.eras[0].graph, &b, &r->err)) != AG_OK)
            goto done;
        info->triangles = b.triangles;
        info->unbalanced = b.unbalanced;
        info->ratio = b.ratio;
        ag_balance_destroy(&b);
    }
    for (size_t f = 0; f < 3; f++)
        if ((st = write_atomic(r, path_of(r, path, sizeof path, "eras/%s.%s", e->id, ext[f]),
                               report_writer, &rep, formats[f])) != AG_OK)
            goto done;
    /* The diagram's fills are blocs of states: a leader takes his state's
     * bloc rather than being pulled away by his own ties (METHODS,
     * "Blocs"). The report's blocs stay at the job's level. */
    if ((st = ag_summary_compute_blocs(&rep.eras[0].graph, AG_LEVEL_STATE, &blocs,
                                       &r->err)) != AG_OK)
        goto done;
    for (size_t f = 0; f < 3; f++) {
        ag_render_input_t in = { &rep.eras[0].graph, e, &rep.eras[0].metrics, &blocs };
        ag_render_opts_t opts;
        ag_render_opts_default(&opts);
        opts.format = diagrams[f];
        opts.layout = &r->layout;
        if ((st = ag_render_file(&in, &opts,
                                 path_of(r, path, sizeof path, "eras/%s.%s", e->id,
                                         ag_render_format_ext(diagrams[f])),
                                 &r->err)) != AG_OK)
            goto done;
    }
    for (size_t f = 0; f < 2; f++) {
        static const ag_export_format_t exports[] = { AG_EXPORT_GEXF, AG_EXPORT_GRAPHML };
        char title[1024];
        ag_out_t o;
        ag_export_opts_t eo;
        ag_export_title(r->ds, e, title, sizeof title);
        if ((st = ag_out_open(&o, path_of(r, path, sizeof path, "eras/%s.%s", e->id,
                                          ag_export_format_name(exports[f])),
                              &r->err)) != AG_OK)
            goto done;
        ag_export_opts_default(&eo, exports[f]);
        eo.title = title;
        eo.metrics = &rep.eras[0].metrics;
        eo.summary = &rep.eras[0].summary;
        if ((st = ag_export_write(&rep.eras[0].graph, &eo, o.fp, &r->err)) != AG_OK) {
            ag_out_abort(&o);
            goto done;
        }
        if ((st = ag_out_commit(&o, &r->err)) != AG_OK)
            goto done;
    }
    progress(r, "%s: report (md, csv, json), diagram (dot, svg, png) and graph (gexf, "
                "graphml) in eras/", e->id);
done:
    ag_summary_destroy(&blocs);
    return st;
}

/* ---- timeline ---- */

/* The metrics the timeline page shows; the csv has all eleven. */
#define TIMELINE_PAGE_METRICS \
    ((1u << AG_M_DEGREE) | (1u << AG_M_BETWEENNESS) | (1u << AG_M_PAGERANK))

/* How many actors the timeline chart follows. */
#define TIMELINE_CHART_TOP 6

static ag_status_t run_timeline(run_t *r)
{
    const ag_span_t window = r->opts->window, step = r->opts->step;
    ag_window_t *w = NULL;
    size_t n = 0;
    int32_t first, last;
    ag_slice_opts_t so;
    ag_table_t t;
    ag_out_t o;
    char path[4096], what[256];
    ag_status_t st;

    memset(&t, 0, sizeof t);
    if (timeline_range(r->ds, &first, &last) != AG_OK) {
        progress(r, "timeline: no relation has a bounded date: no timeline");
        return AG_OK;
    }
    ag_slice_opts_default(&so);
    so.level = r->opts->level;
    so.ties = r->opts->ties;
    so.dates = r->opts->dates;
    so.types = r->opts->types;
    if ((st = ag_timeline_windows(first, last, &window, &step, &w, &n, &r->err)) != AG_OK ||
        (st = ag_timeline_table_init(&t, &r->err)) != AG_OK ||
        (st = ag_timeline_compute_opts(r->ds, &so, AG_METRICS_ALL, &r->opts->compute, w, n, &t,
                                       NULL, NULL, &r->err)) != AG_OK)
        goto done;
    if ((st = ag_out_open(&o, path_of(r, path, sizeof path, "timeline.csv"), &r->err)) != AG_OK)
        goto done;
    if ((st = ag_table_write(&t, AG_FMT_CSV, o.fp, &r->err)) != AG_OK) {
        ag_out_abort(&o);
        goto done;
    }
    if ((st = ag_out_commit(&o, &r->err)) != AG_OK)
        goto done;
    ag_timeline_describe(&window, &step, first, last, r->opts->level, r->opts->ties, what,
                         sizeof what);
    if ((st = ag_out_open(&o, path_of(r, path, sizeof path, "timeline.md"), &r->err)) != AG_OK)
        goto done;
    if ((st = ag_timeline_write_matrix(&t, TIMELINE_PAGE_METRICS, NULL, 6, what, AG_FMT_MD, o.fp,
                                       &r->err)) != AG_OK) {
        ag_out_abort(&o);
        goto done;
    }
    if ((st = ag_out_commit(&o, &r->err)) != AG_OK)
        goto done;
    /* The chart of the leading actors' betweenness, the measure of
     * brokerage (as the timeline page's first). */
    for (size_t f = 0; f < 2; f++)
        if ((st = ag_chart_timeline(r->ds, &t, AG_M_BETWEENNESS, NULL, TIMELINE_CHART_TOP, what,
                                    path_of(r, path, sizeof path, "timeline-betweenness.%s",
                                            f ? "png" : "svg"),
                                    &r->err)) != AG_OK)
            goto done;
    r->timeline_chart = true;
    progress(r, "timeline: %zu windows, csv and md, betweenness chart (svg, png)", n);
done:
    ag_table_destroy(&t);
    free(w);
    return st;
}

/* ---- balance ---- */

static ag_status_t balance_writer(const void *what, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    const run_t *r = what;
    ag_balance_opts_t bo;
    long *eras = malloc((r->ds->n_eras ? r->ds->n_eras : 1) * sizeof *eras);
    ag_status_t st;
    if (!eras)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < r->ds->n_eras; i++)
        eras[i] = (long)i;
    bo.eras = eras;
    bo.n_eras = r->ds->n_eras;
    bo.level = r->opts->level;
    bo.types = r->opts->types;
    bo.dates = r->opts->dates;
    bo.list = AG_LIST_UNBALANCED;
    bo.max_named = AG_BALANCE_MAX_NAMED;
    bo.blocks = 0;
    bo.seconds = 0;
    st = ag_balance_report(r->ds, &bo, fmt, fp, err);
    free(eras);
    return st;
}

/* ---- the comparison ---- */

/* Main eras: those whose period does not lie inside another era's (the
 * same period twice lies inside neither). */
static bool is_main(const ag_dataset_t *ds, size_t i)
{
    const ag_date_t *p = &ds->eras[i].period;
    for (size_t j = 0; j < ds->n_eras; j++) {
        const ag_date_t *q = &ds->eras[j].period;
        if (j == i || (q->first == p->first && q->last == p->last))
            continue;
        if (q->first <= p->first && p->last <= q->last)
            return false;
    }
    return true;
}

/* The first and last main eras with relations, by start, then end, then
 * file order; -1 when there are fewer than two. */
static void main_pair(const ag_dataset_t *ds, const ag_i_era_info_t *info, long *first, long *last)
{
    *first = *last = -1;
    for (size_t i = 0; i < ds->n_eras; i++) {
        const ag_date_t *p = &ds->eras[i].period;
        if (!info[i].relations || !is_main(ds, i))
            continue;
        if (*first < 0 || p->first < ds->eras[*first].period.first ||
            (p->first == ds->eras[*first].period.first &&
             p->last < ds->eras[*first].period.last))
            *first = (long)i;
        if (*last < 0 || p->first > ds->eras[*last].period.first ||
            (p->first == ds->eras[*last].period.first && p->last >= ds->eras[*last].period.last))
            *last = (long)i;
    }
    if (*first == *last)
        *first = *last = -1;
}

typedef struct {
    const ag_compare_t *c;
    ag_cmp_part_t part;
} cmp_what_t;

static ag_status_t compare_writer(const void *what, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    const cmp_what_t *w = what;
    return ag_compare_write(w->c, fmt, w->part, fp, err);
}

/* How many actors the slope chart shows: those in the top of either era. */
#define SLOPE_CHART_TOP 15

static ag_status_t run_compare(run_t *r, ag_compare_t *c, long a, long b)
{
    static const char *const parts[] = { "summary", "correlations", "actors", "dyads",
                                         "relations" };
    static const char *const diagrams[] = { "dot", "svg", "png" };
    const ag_dataset_t *ds = r->ds;
    ag_compare_opts_t co = { r->opts->level, r->opts->ties, r->opts->types, AG_METRICS_ALL,
                             r->opts->dates };
    char path[4096];
    ag_status_t st;
    cmp_what_t w;

    if ((st = ag_mkdir_p(path_of(r, path, sizeof path, "compare"), &r->err)) != AG_OK ||
        (st = ag_compare_init(c, ds, a, b, &co, &r->err)) != AG_OK)
        return st;
    w.c = c;
    w.part = AG_PART_ALL;
    if ((st = write_atomic(r, path_of(r, path, sizeof path, "compare/%s-vs-%s.md",
                                      ds->eras[a].id, ds->eras[b].id),
                           compare_writer, &w, AG_FMT_MD)) != AG_OK ||
        (st = write_atomic(r, path_of(r, path, sizeof path, "compare/%s-vs-%s.json",
                                      ds->eras[a].id, ds->eras[b].id),
                           compare_writer, &w, AG_FMT_JSON)) != AG_OK)
        return st;
    for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++) {
        w.part = (ag_cmp_part_t)ag_cmp_part_parse(parts[p]);
        if ((st = write_atomic(r, path_of(r, path, sizeof path, "compare/%s-vs-%s-%s.csv",
                                          ds->eras[a].id, ds->eras[b].id, parts[p]),
                               compare_writer, &w, AG_FMT_CSV)) != AG_OK)
            return st;
    }
    for (size_t d = 0; d < sizeof diagrams / sizeof diagrams[0]; d++)
        if ((st = ag_compare_diagram(c, path_of(r, path, sizeof path, "compare/%s-vs-%s.%s",
                                                ds->eras[a].id, ds->eras[b].id, diagrams[d]),
                                     &r->err)) != AG_OK)
            return st;
    for (size_t f = 0; f < 2; f++)
        if ((st = ag_chart_slope(c, AG_M_BETWEENNESS, SLOPE_CHART_TOP,
                                 path_of(r, path, sizeof path, "compare/%s-vs-%s-slope.%s",
                                         ds->eras[a].id, ds->eras[b].id, f ? "png" : "svg"),
                                 &r->err)) != AG_OK)
            return st;
    progress(r, "compare/%s-vs-%s: md, json, csv (%zu parts), diagram (dot, svg, png), "
                "slope chart (svg, png)",
             ds->eras[a].id, ds->eras[b].id, sizeof parts / sizeof parts[0]);
    return AG_OK;
}

/* ---- the job ---- */

void ag_job_opts_default(ag_job_opts_t *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->out_dir = "out";
    opts->level = AG_LEVEL_ACTOR;
    opts->ties = AG_TIES_ALL;
    opts->dates = AG_DATES_PROBABLE;
    opts->compare_a = opts->compare_b = -1;
    opts->window.n = 10;
    opts->window.unit = AG_SPAN_YEARS;
    opts->step.n = 1;
    opts->step.unit = AG_SPAN_YEARS;
}

static ag_status_t write_index(run_t *r, const ag_i_index_t *x)
{
    char path[4096];
    ag_out_t o;
    ag_status_t st;
    if ((st = ag_out_open(&o, path_of(r, path, sizeof path, "index.html"), &r->err)) != AG_OK)
        return st;
    if ((st = ag_i_index_html(x, r->dir, o.fp, &r->err)) != AG_OK) {
        ag_out_abort(&o);
        return st;
    }
    if ((st = ag_out_commit(&o, &r->err)) != AG_OK)
        return st;
    if ((st = ag_out_open(&o, path_of(r, path, sizeof path, "index.md"), &r->err)) != AG_OK)
        return st;
    if ((st = ag_i_index_write(x, o.fp, &r->err)) != AG_OK) {
        ag_out_abort(&o);
        return st;
    }
    if ((st = ag_out_commit(&o, &r->err)) != AG_OK)
        return st;
    progress(r, "done: %s", path_of(r, path, sizeof path, "index.html"));
    return AG_OK;
}

ag_status_t ag_job_run(const ag_dataset_t *ds, const ag_job_opts_t *opts,
                       ag_job_progress_t progress_cb, void *ud, ag_error_t *err)
{
    ag_compare_t cmp;
    ag_report_t all;
    ag_i_era_info_t *info = NULL;
    ag_i_index_t x;
    run_t r;
    long first = opts->compare_a, last = opts->compare_b;
    char path[4096];
    ag_status_t st = AG_OK;

    if ((first < 0) != (last < 0) || first >= (long)ds->n_eras || last >= (long)ds->n_eras)
        return ag_error_set(err, AG_EUSAGE, NULL, 0, "the eras to compare are not eras of %s",
                            ds->name);
    memset(&r, 0, sizeof r);
    memset(&cmp, 0, sizeof cmp);
    memset(&all, 0, sizeof all);
    ag_error_clear(&r.err);
    r.ds = ds;
    r.opts = opts;
    r.progress = progress_cb;
    r.ud = ud;
    if (!(r.dir = malloc(strlen(opts->out_dir) + strlen(ds->name) + 2)) ||
        !(info = calloc(ds->n_eras ? ds->n_eras : 1, sizeof *info))) {
        st = ag_error_set(&r.err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    sprintf(r.dir, "%s/%s", opts->out_dir, ds->name);
    if (strlen(r.dir) > 2048) {
        st = ag_error_set(&r.err, AG_EIO, NULL, 0, "the output folder's path is too long");
        goto done;
    }
    progress(&r, "%s: %zu actors, %zu relations, %zu eras, into %s/", ds->dir, ds->n_actors,
             ds->n_relations, ds->n_eras, r.dir);
    if ((st = ag_mkdir_p(path_of(&r, path, sizeof path, "eras"), &r.err)) != AG_OK)
        goto done;

    {
        /* One layout for every era's diagram: an actor keeps its place. */
        ag_slice_opts_t so;
        ag_render_opts_t rop;
        long *eras = malloc((ds->n_eras ? ds->n_eras : 1) * sizeof *eras);
        if (!eras) {
            st = ag_error_set(&r.err, AG_ENOMEM, NULL, 0, "out of memory");
            goto done;
        }
        for (size_t i = 0; i < ds->n_eras; i++)
            eras[i] = (long)i;
        ag_slice_opts_default(&so);
        so.level = opts->level;
        so.ties = opts->ties;
        so.types = opts->types;
        so.dates = opts->dates;
        ag_render_opts_default(&rop);
        st = ag_layout_union(&r.layout, ds, &so, eras, ds->n_eras, &rop, &r.err);
        free(eras);
        if (st != AG_OK)
            goto done;
    }
    {
        ag_report_opts_t ro = { opts->level, opts->ties, opts->types, AG_METRICS_ALL, -1, 0,
                                opts->dates };
        if ((st = ag_report_init(&all, ds, &ro, &r.err)) != AG_OK)
            goto done;
        ag_report_set_compute(&all, &opts->compute);
        for (size_t i = 0; i < ds->n_eras; i++)
            if ((st = ag_report_add_era(&all, (long)i, &r.err)) != AG_OK ||
                (st = run_era(&r, (long)i, &all, &info[i])) != AG_OK)
                goto done;
    }

    if ((st = write_atomic(&r, path_of(&r, path, sizeof path, "balance.md"), balance_writer, &r,
                           AG_FMT_MD)) != AG_OK ||
        (st = write_atomic(&r, path_of(&r, path, sizeof path, "balance.csv"), balance_writer,
                           &r, AG_FMT_CSV)) != AG_OK ||
        (st = write_atomic(&r, path_of(&r, path, sizeof path, "balance.json"), balance_writer,
                           &r, AG_FMT_JSON)) != AG_OK)
        goto done;
    progress(&r, "balance: md, csv, json");
    if ((st = run_timeline(&r)) != AG_OK)
        goto done;

    if (first < 0)
        main_pair(ds, info, &first, &last);
    if (first >= 0 && (st = run_compare(&r, &cmp, first, last)) != AG_OK)
        goto done;
    if (first < 0)
        progress(&r, "fewer than two main eras: no comparison");

    x.ds = ds;
    x.opts = opts;
    x.info = info;
    x.c = first >= 0 ? &cmp : NULL;
    x.default_pair = opts->compare_a < 0;
    x.report = &all;
    x.timeline_chart = r.timeline_chart;
    st = write_index(&r, &x);
done:
    if (st != AG_OK)
        *err = r.err;
    ag_layout_destroy(&r.layout);
    ag_compare_destroy(&cmp);
    ag_report_destroy(&all);
    free(info);
    free(r.dir);
    return st;
}
