/*
 * report.h: centralities and summary figures per era, in every output
 * format (`actorgraph report`; docs/METHODS.md, "Output").
 *
 * A report holds, for each era or window asked for, the era graph, the
 * metrics, their ranks and the summary figures. Writing it never prints to
 * stdout by itself: the caller passes the FILE *.
 */
#ifndef ACTORGRAPH_REPORT_H
#define ACTORGRAPH_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"
#include "actorgraph/metrics.h"
#include "actorgraph/model.h"
#include "actorgraph/summary.h"
#include "actorgraph/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * What a report measures, the same for every era.
 *   level, ties: as in ag_slice_opts_t.
 *   types:       NULL for all relation types, else ds->n_types flags
 *                (copied by ag_report_init).
 *   metrics:     mask of metrics (AG_METRICS_ALL for all).
 *   top:         keep, per era and metric, the actors ranked <= top; 0
 *                keeps all; < 0 (unset) keeps all in CSV and JSON and 5 on
 *                table and md pages.
 *   width:       columns the table page fits in (0: 100).
 *   dates:       the rule for imprecise dates (ag_slice_opts_t; 0
 *                probable).
 */
typedef struct {
    ag_level_t level;
    ag_ties_t ties;
    const bool *types;
    unsigned metrics;
    long top;
    int width;
    ag_dates_t dates;
} ag_report_opts_t;

/*
 * One era (or ad-hoc window) of a report.
 *   id, name:    the era's id and name; for a window its EDTF text.
 *   period:      the period as EDTF text.
 *   first, last: the period's days (AG_DAY_MIN/AG_DAY_MAX when open).
 *   graph:       the era graph.
 *   metrics:     the metrics (those in the report's mask).
 *   rank:        rank[m][v] for each computed metric, else NULL.
 *   summary:     the summary figures.
 */
typedef struct {
    char *id, *name, *period;
    int32_t first, last;
    ag_era_graph_t graph;
    ag_metrics_t metrics;
    long *rank[AG_M_COUNT];
    ag_summary_t summary;
} ag_report_era_t;

/*
 * A report.
 *   ds:     the dataset (must outlive the report).
 *   opts:   what it measures (types points to the report's own copy).
 *   eras:   n_eras eras, in the order added.
 *   compute: how the metrics are computed (threads, sampled estimates,
 *           progress): the defaults after ag_report_init, else what
 *           ag_report_set_compute set; its label is each era's id.
 *   lean:   eras added keep of their graph only what the report's pages
 *           read (ag_era_graph_drop_edges): set by ag_report_set_lean.
 *   no_summary: eras added have no summary (zeroed): set by
 *           ag_report_set_summary.
 */
typedef struct {
    const ag_dataset_t *ds;
    ag_report_opts_t opts;
    ag_report_era_t *eras;
    size_t n_eras;
    ag_metrics_opts_t compute;
    bool lean;
    bool no_summary;
} ag_report_t;

/* Sets up an empty report. AG_ENOMEM on failure (r zeroed). */
ag_status_t ag_report_init(ag_report_t *r, const ag_dataset_t *ds,
                           const ag_report_opts_t *opts, ag_error_t *err);
/* Frees r; accepts a zeroed r. Can't fail. */
void ag_report_destroy(ag_report_t *r);

/* Sets how the eras added from now on are computed (copied; label is
 * ignored). Can't fail. */
void ag_report_set_compute(ag_report_t *r, const ag_metrics_opts_t *compute);

/* Whether the eras added from now on drop their relations, dyads and
 * edges once measured (ag_era_graph_drop_edges), keeping the vertices:
 * enough for ag_report_page and ag_report_write, not for code that reads
 * the era graphs (drawing, balance, export). At 1M relations the graphs
 * are most of a report's memory. Off after ag_report_init. Can't fail. */
void ag_report_set_lean(ag_report_t *r, bool lean);

/* Whether the eras added from now on get their summary figures
 * (ag_summary_compute: communities, blocs, density, transitivity...). The
 * tidy table (ag_report_write's CSV, ag_report_tidy) reads none of them;
 * every other page does. On after ag_report_init. Can't fail. */
void ag_report_set_summary(ag_report_t *r, bool summary);

/* Slices era index `era` of the dataset, measures it and appends it.
 * AG_ENOMEM or AG_EGRAPH on failure (err says why; r is unchanged). */
ag_status_t ag_report_add_era(ag_report_t *r, long era, ag_error_t *err);

/* The same for an ad-hoc window of days first..last (inclusive; AG_DAY_MIN
 * and AG_DAY_MAX for open ends), shown with the given id, name and period
 * text (copied). */
ag_status_t ag_report_add_window(ag_report_t *r, const char *id, const char *name,
                                 const char *period, int32_t first, int32_t last,
                                 ag_error_t *err);

/*
 * Convenience: page + ag_doc_write (ag_report_page, pages.h). Writes the
 * report to fp in fmt: the tidy table as CSV; JSON; or, for
 * table and md, per era a title, the summary figures, the communities and
 * the top actors of each metric side by side. AG_EIO when writing failed,
 * AG_ENOMEM.
 */
ag_status_t ag_report_write(const ag_report_t *r, ag_format_t fmt, FILE *fp, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
