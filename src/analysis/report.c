/*
 * report.c: centralities and summary figures per era (see report.h and
 * docs/METHODS.md, "Output"). The pages are src/pages/report_page.c.
 */
#include "actorgraph/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"

static ag_status_t oom(ag_error_t *err)
{
    return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
}

/* ---- building ---- */

ag_status_t ag_report_init(ag_report_t *r, const ag_dataset_t *ds,
                           const ag_report_opts_t *opts, ag_error_t *err)
{
    memset(r, 0, sizeof *r);
    r->ds = ds;
    r->opts = *opts;
    r->opts.metrics &= AG_METRICS_ALL;
    if (opts->types) {
        bool *t = malloc((ds->n_types ? ds->n_types : 1) * sizeof *t);
        if (!t) {
            memset(r, 0, sizeof *r);
            return oom(err);
        }
        memcpy(t, opts->types, ds->n_types * sizeof *t);
        r->opts.types = t;
    }
    return AG_OK;
}

static void era_destroy(ag_report_era_t *e)
{
    free(e->id);
    free(e->name);
    free(e->period);
    ag_era_graph_destroy(&e->graph);
    ag_metrics_destroy(&e->metrics);
    for (int m = 0; m < AG_M_COUNT; m++)
        free(e->rank[m]);
    ag_summary_destroy(&e->summary);
    memset(e, 0, sizeof *e);
}

void ag_report_destroy(ag_report_t *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_eras; i++)
        era_destroy(&r->eras[i]);
    free(r->eras);
    free((bool *)r->opts.types);
    memset(r, 0, sizeof *r);
}

ag_status_t ag_report_add_window(ag_report_t *r, const char *id, const char *name,
                                 const char *period, int32_t first, int32_t last,
                                 ag_error_t *err)
{
    ag_report_era_t e, *grown;
    ag_metrics_opts_t co;
    ag_slice_opts_t so;
    ag_status_t rc;

    memset(&e, 0, sizeof e);
    e.first = first;
    e.last = last;
    e.id = ag_i_strdup(id);
    e.name = ag_i_strdup(name ? name : id);
    e.period = ag_i_strdup(period);
    if (!e.id || !e.name || !e.period) {
        rc = oom(err);
        goto fail;
    }
    ag_slice_opts_default(&so);
    so.first = first;
    so.last = last;
    so.level = r->opts.level;
    so.ties = r->opts.ties;
    so.types = r->opts.types;
    so.dates = r->opts.dates;
    if ((rc = ag_era_graph_init(&e.graph, r->ds, &so, err)) != AG_OK)
        goto fail;
    co = r->compute;
    co.label = e.id;
    if ((rc = ag_metrics_compute_opts(&e.graph, r->opts.metrics, &co, &e.metrics, err)) !=
        AG_OK)
        goto fail;
    for (int m = 0; m < AG_M_COUNT; m++) {
        if (!e.metrics.value[m])
            continue;
        if (!(e.rank[m] = malloc((e.graph.n ? e.graph.n : 1) * sizeof *e.rank[m]))) {
            rc = oom(err);
            goto fail;
        }
        if ((rc = ag_rank(e.metrics.value[m], e.graph.n, e.rank[m], err)) != AG_OK)
            goto fail;
    }
    if (!r->no_summary && (rc = ag_summary_compute(&e.graph, &e.summary, err)) != AG_OK)
        goto fail;
    if (r->lean)
        ag_era_graph_drop_edges(&e.graph);
    /* The array doubles when n_eras reaches a power of two (the struct has
     * no capacity field): growing it by one era each time copied it once
     * per era, quadratic in the eras where realloc can't grow in place. */
    if ((r->n_eras & (r->n_eras - 1)) == 0) {
        size_t cap = r->n_eras ? 2 * r->n_eras : 1;
        if (!(grown = realloc(r->eras, cap * sizeof *grown))) {
            rc = oom(err);
            goto fail;
        }
        r->eras = grown;
    }
    r->eras[r->n_eras++] = e;
    return AG_OK;
fail:
    era_destroy(&e);
    return rc;
}

void ag_report_set_lean(ag_report_t *r, bool lean)
{
    r->lean = lean;
}

void ag_report_set_summary(ag_report_t *r, bool summary)
{
    r->no_summary = !summary;
}

void ag_report_set_compute(ag_report_t *r, const ag_metrics_opts_t *compute)
{
    r->compute = *compute;
    r->compute.label = NULL;
}

ag_status_t ag_report_add_era(ag_report_t *r, long era, ag_error_t *err)
{
    const ag_era_t *e = &r->ds->eras[era];
    return ag_report_add_window(r, e->id, e->name, e->period_text, e->period.first,
                                e->period.last, err);
}
