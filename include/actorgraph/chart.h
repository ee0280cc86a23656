/*
 * chart.h: charts for papers, drawn with cairo into SVG, PNG or PDF.
 *
 * A chart is data first: an ag_linechart_t (lines over an x axis, with
 * shaded bands) or an ag_slopechart_t (ranks in era A joined to ranks in
 * era B), filled by the caller or by the builders below from analysis
 * results, so that what a chart shows can be checked against the tables it
 * comes from. One drawing routine per kind draws it on any cairo surface;
 * the format is chosen by the file name's extension. Text is set in DejaVu
 * Sans through cairo's own text API. The same chart gives the same bytes:
 * PDF files carry no creation date.
 *
 * Lines are told apart by colour (a palette that colour-blind readers can
 * tell apart) and by dash pattern, so a chart stays readable in greyscale;
 * each line is labelled at its end, labels pushed apart where they would
 * overlap.
 */
#ifndef ACTORGRAPH_CHART_H
#define ACTORGRAPH_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actorgraph/compare.h"
#include "actorgraph/error.h"
#include "actorgraph/metrics.h"
#include "actorgraph/model.h"
#include "actorgraph/table.h"
#include "actorgraph/trajectory.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Output formats, chosen by extension (.svg, .png, .pdf). */
typedef enum { AG_CHART_SVG, AG_CHART_PNG, AG_CHART_PDF } ag_chart_format_t;

/* The format for path's extension (case-insensitive), or -1. Can't fail. */
int ag_chart_format_of(const char *path);

/* A point of a line; y NaN leaves a gap. */
typedef struct {
    double x, y;
} ag_chart_point_t;

/* A mark on a line: where a lineage hands over (x), and what it says
 * ("Soviet Union \u2192 Russia"). */
typedef struct {
    double x;
    char *text;
} ag_chart_mark_t;

/*
 * A line.
 *   id:     what the line follows (an actor id, or a lineage's ids
 *           "SUN/RUS").
 *   label:  the label at its end (the last actor's name).
 *   points: n_points, in increasing x.
 *   marks:  n_marks handovers along it.
 */
typedef struct {
    char *id;
    char *label;
    ag_chart_point_t *points;
    size_t n_points;
    ag_chart_mark_t *marks;
    size_t n_marks;
} ag_chart_series_t;

/* A shaded, labelled stretch of the x axis (an era): first..last; label
 * (the era's name), or short_label (its id) where the name does not fit. */
typedef struct {
    double first, last;
    char *label, *short_label;
} ag_chart_band_t;

/* A tick of a categorical x axis. */
typedef struct {
    double x;
    char *label;
} ag_chart_tick_t;

/*
 * A line chart. All strings and arrays are owned by it.
 *   title, subtitle: above the plot ("" for none).
 *   y_label:   what the y axis measures.
 *   x_days:    true: x is a day number (ag_days_from_civil) and the axis is
 *              ticked at round years; false: x is ticked at ticks.
 *   y_rank:    true: y is a rank, 1 at the top, ticked at whole numbers.
 *   x_min, x_max: the x range shown.
 *   bands, ticks, series: with their counts.
 */
typedef struct {
    char *title, *subtitle, *y_label;
    bool x_days, y_rank;
    double x_min, x_max;
    ag_chart_band_t *bands;
    size_t n_bands;
    ag_chart_tick_t *ticks;
    size_t n_ticks;
    ag_chart_series_t *series;
    size_t n_series;
} ag_linechart_t;

/* Starts an empty chart with these texts (copied; NULL is ""). AG_ENOMEM
 * (c is then safe to destroy). */
ag_status_t ag_linechart_init(ag_linechart_t *c, const char *title, const char *subtitle,
                              const char *y_label, ag_error_t *err);
/* Frees what c owns; accepts a zeroed chart. Can't fail. */
void ag_linechart_destroy(ag_linechart_t *c);
/* Appends a series (id and label copied); *index is its index. AG_ENOMEM. */
ag_status_t ag_linechart_add_series(ag_linechart_t *c, const char *id, const char *label,
                                    size_t *index, ag_error_t *err);
/* Appends a point to series s (points must come in increasing x). AG_ENOMEM. */
ag_status_t ag_linechart_add_point(ag_linechart_t *c, size_t s, double x, double y,
                                   ag_error_t *err);
/* Appends a handover mark to series s. AG_ENOMEM. */
ag_status_t ag_linechart_add_mark(ag_linechart_t *c, size_t s, double x, const char *text,
                                  ag_error_t *err);
/* Appends a band (short_label NULL: the label). AG_ENOMEM. */
ag_status_t ag_linechart_add_band(ag_linechart_t *c, double first, double last,
                                  const char *label, const char *short_label, ag_error_t *err);
/* Appends a categorical tick (x_days false). AG_ENOMEM. */
ag_status_t ag_linechart_add_tick(ag_linechart_t *c, double x, const char *label,
                                  ag_error_t *err);

/*
 * Draws c into path (.svg, .png or .pdf), atomically. AG_EUSAGE for
 * another extension or a chart without points, AG_EIO, AG_ENOMEM.
 */
ag_status_t ag_linechart_write(const ag_linechart_t *c, const char *path, ag_error_t *err);

/*
 * One actor of a slope chart.
 *   label_a, label_b: its name in each era (they differ for a lineage:
 *             "Soviet Union", "Russia").
 *   rank_a, rank_b:   its ranks (1 is the highest).
 */
typedef struct {
    char *label_a, *label_b;
    long rank_a, rank_b;
} ag_slope_row_t;

/*
 * A slope chart: ranks in era A (left) joined to ranks in era B (right).
 *   title, subtitle: above it; era_a, era_b: the column heads.
 *   rows:    n_rows actors, in both eras.
 *   max_rank: the largest rank shown (the axis runs 1..max_rank).
 */
typedef struct {
    char *title, *subtitle, *era_a, *era_b;
    ag_slope_row_t *rows;
    size_t n_rows;
    long max_rank;
} ag_slopechart_t;

/* Starts an empty slope chart (texts copied; NULL is ""). AG_ENOMEM. */
ag_status_t ag_slopechart_init(ag_slopechart_t *s, const char *title, const char *subtitle,
                               const char *era_a, const char *era_b, ag_error_t *err);
/* Frees what s owns; accepts a zeroed chart. Can't fail. */
void ag_slopechart_destroy(ag_slopechart_t *s);
/* Appends a row. AG_ENOMEM. */
ag_status_t ag_slopechart_add(ag_slopechart_t *s, const char *label_a, const char *label_b,
                              long rank_a, long rank_b, ag_error_t *err);
/* Draws s into path (.svg, .png or .pdf), atomically. AG_EUSAGE for
 * another extension or an empty chart, AG_EIO, AG_ENOMEM. */
ag_status_t ag_slopechart_write(const ag_slopechart_t *s, const char *path, ag_error_t *err);

/* ---- charts built from analysis results (chart_build.c) ---- */

/*
 * The timeline chart of one metric from timeline's long table t
 * (ag_timeline_compute; ds is the dataset it was computed on): one line per
 * lineage (actors joined by `continues`: SUN and RUS are one line), one
 * point per window at its middle day, the value in that window of the
 * lineage's actor chosen by ag_lineage_pick; a window without that lineage
 * leaves a gap. A handover mark where the chosen actor changes. The lines:
 * the lineages of the actors in the comma-separated list actors, in its
 * order, or (actors NULL) the top ones by highest value in any window
 * (ties by id). The dataset's eras that overlap the range are the bands.
 * what describes the timeline (ag_timeline_describe), for the subtitle.
 * AG_EUSAGE for an unknown actor, AG_ENOMEM.
 */
ag_status_t ag_timeline_chart(const ag_dataset_t *ds, const ag_table_t *t, ag_metric_t metric,
                              const char *actors, long top, const char *what,
                              ag_linechart_t *c, ag_error_t *err);

/*
 * The slope chart of one metric of a comparison: each actor present in
 * both eras (same actor or lineage) that ranks within the top top in
 * either era (top <= 0: all), its rank in A joined to its rank in B. The
 * metric must be among those compared. AG_EUSAGE when it is not, AG_ENOMEM.
 */
ag_status_t ag_compare_slope(const ag_compare_t *cmp, ag_metric_t metric, long top,
                             ag_slopechart_t *s, ag_error_t *err);

/*
 * The chart of a trajectory: the eras along the x axis (ticked with their
 * ids, in the trajectory's order, at x = 0, 1, ...), one line per actor
 * asked for, its rank in each era (1 at the top; a gap where its lineage is
 * absent), a handover mark between two eras where the lineage's actor
 * changes. AG_ENOMEM.
 */
ag_status_t ag_trajectory_chart(const ag_trajectory_t *t, ag_linechart_t *c, ag_error_t *err);

/* Writes the trajectory chart to path. Errors as ag_trajectory_chart and
 * ag_linechart_write. */
ag_status_t ag_chart_trajectory(const ag_trajectory_t *t, const char *path, ag_error_t *err);

/* Writes the timeline chart (as ag_timeline_chart) to path: the call the
 * main job uses. Errors as ag_timeline_chart and ag_linechart_write. */
ag_status_t ag_chart_timeline(const ag_dataset_t *ds, const ag_table_t *t, ag_metric_t metric,
                              const char *actors, long top, const char *what,
                              const char *path, ag_error_t *err);

/* Writes the slope chart (as ag_compare_slope) to path. Errors as
 * ag_compare_slope and ag_slopechart_write. */
ag_status_t ag_chart_slope(const ag_compare_t *cmp, ag_metric_t metric, long top,
                           const char *path, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
