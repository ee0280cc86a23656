/*
 * timeline.h: metrics over time, through a sliding window.
 *
 * A timeline slices the dataset into windows of a fixed length (10 years,
 * say) that start every step (a year), measures each window as `report`
 * measures an era, and keeps each actor's value and rank per window, so
 * that the rise and fall of an actor can be followed without choosing eras.
 */
#ifndef ACTORGRAPH_TIMELINE_H
#define ACTORGRAPH_TIMELINE_H

#include <stdint.h>
#include <stdio.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"
#include "actorgraph/metrics.h"
#include "actorgraph/table.h"

/* A length of calendar time: n days, months or years. */
typedef enum { AG_SPAN_DAYS, AG_SPAN_MONTHS, AG_SPAN_YEARS } ag_span_unit_t;
typedef struct {
    int n;
    ag_span_unit_t unit;
} ag_span_t;

/* Parses "10y", "6m", "30d" (n from 1 to 9999). Returns 0, or -1 when s is
 * not such a length. */
int ag_span_parse(const char *s, ag_span_t *span);

/* The day times spans after day: months and years move the calendar date,
 * and a day past the end of the month becomes its last day (31 January
 * plus one month is 28 or 29 February). Can't fail for days of 0001-9999. */
int32_t ag_span_add(int32_t day, const ag_span_t *span, int times);

/* A window: days first..last, inclusive. */
typedef struct {
    int32_t first, last;
} ag_window_t;

/*
 * The windows from..to: the first starts on from, each next one step
 * later; each is window long (ends the day before start + window), and
 * only windows that end by to are kept. When the last of those ends before
 * to, one more window of the same length ends on to, so the whole range is
 * covered; when the range is shorter than a window, there is one window,
 * from..to. *windows is malloc'd (the caller frees it). AG_EUSAGE when
 * to < from, AG_ENOMEM.
 */
ag_status_t ag_timeline_windows(int32_t from, int32_t to, const ag_span_t *window,
                                const ag_span_t *step, ag_window_t **windows, size_t *n,
                                ag_error_t *err);

/* The first and last day that the relations' dates bound (open ends are
 * left out). AG_EUSAGE when no relation has a bounded date. */
ag_status_t ag_dataset_date_range(const ag_dataset_t *ds, int32_t *first, int32_t *last,
                                  ag_error_t *err);

/* Called after each window with its index and the count; may be NULL. */
typedef void (*ag_timeline_progress_fn)(void *ud, size_t done, size_t n);

/*
 * Measures every window with the slice options base (its first and last
 * are replaced by each window's) and appends to t one row per window,
 * actor (in actor-id order) and metric in mask (in report order), with the
 * columns window,start,end,level,ties,actor,name,metric,value,rank. t must
 * be initialised with those ten columns (ag_timeline_table_init). Windows
 * without relations give no rows. AG_ENOMEM or AG_EGRAPH on failure.
 */
ag_status_t ag_timeline_compute(const ag_dataset_t *ds, const ag_slice_opts_t *base,
                                unsigned mask, const ag_window_t *windows, size_t n,
                                ag_table_t *t, ag_timeline_progress_fn progress, void *ud,
                                ag_error_t *err);

/* Initialises t with the timeline's ten columns. AG_ENOMEM. */
ag_status_t ag_timeline_table_init(ag_table_t *t, ag_error_t *err);

/*
 * Convenience: page + ag_doc_write (ag_timeline_page, pages.h), then a
 * blank line. Writes, per metric in mask, a table with one row per window of t and one
 * column per actor, values to four significant digits, under the heading
 * "METRIC: what", then the actors' names. fmt is AG_FMT_TABLE or
 * AG_FMT_MD (csv and json write the long table t). The actors: those in the comma-separated list actors, in its
 * order, or (actors NULL) the top ones with the highest value in any
 * window (ties by id). AG_ENOMEM, AG_EIO.
 */
ag_status_t ag_timeline_write_matrix(const ag_table_t *t, unsigned mask, const char *actors,
                                     long top, const char *what, ag_format_t fmt, FILE *fp,
                                     ag_error_t *err);

/* Describes a timeline for headings: "10-year windows every 1y, 1947-01-01
 * to 2015-12-31 (actor level, all ties)". Can't fail. */
void ag_timeline_describe(const ag_span_t *window, const ag_span_t *step, int32_t first,
                          int32_t last, ag_level_t level, ag_ties_t ties, char *buf, size_t n);

#endif
