/*
 * metrics.h: per-actor centralities of an era graph (docs/METHODS.md,
 * "Metrics"), and their ranks.
 */
#ifndef ACTORGRAPH_METRICS_H
#define ACTORGRAPH_METRICS_H

#include <stddef.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* In the order reports list them. */
typedef enum {
    AG_M_DEGREE,
    AG_M_STRENGTH,
    AG_M_BETWEENNESS,
    AG_M_HARMONIC,
    AG_M_EIGENVECTOR,
    AG_M_IN_DEGREE,
    AG_M_OUT_DEGREE,
    AG_M_PAGERANK,
    AG_M_HUB,
    AG_M_AUTHORITY,
    AG_M_PN, /* PN centrality of the net-signed graph (signed.h) */
    AG_M_COUNT
} ag_metric_t;

#define AG_METRICS_ALL ((1u << AG_M_COUNT) - 1)

/*
 * Metric values of an era graph.
 *   n:     number of vertices (as in the era graph).
 *   mask:  which metrics were computed (bit 1 << metric).
 *   value: value[m][v] for each computed metric m and vertex v; NULL for
 *          metrics not computed. Values below 1e-10 are stored as 0.
 *   sources: the sources betweenness and harmonic were computed from: n
 *          when exact, fewer when they are estimates (ag_metrics_opts_t,
 *          sample); 0 when neither was computed.
 */
typedef struct {
    size_t n;
    unsigned mask;
    double *value[AG_M_COUNT];
    size_t sources;
} ag_metrics_t;

/* Called as the shortest-path metrics progress: label is the options'
 * label (an era id, say), what the metrics, done of total sources. It may
 * be called from a worker thread (never two calls at a time). */
typedef void (*ag_metrics_progress_fn)(void *ud, const char *label, const char *what,
                                       size_t done, size_t total);

/*
 * How to compute (a zeroed struct means the defaults).
 *   threads:  threads for betweenness and harmonic; <= 0: the online CPUs.
 *             The values are the same bytes whatever the number.
 *   sample:   0 for exact betweenness and harmonic; K > 0 estimates both
 *             from K sources drawn with the library's seed, scaled by n/K
 *             (exact again when K >= n).
 *   progress: NULL, or called as betweenness and harmonic progress; ud
 *             and label are passed to it.
 */
typedef struct {
    int threads;
    long sample;
    ag_metrics_progress_fn progress;
    void *ud;
    const char *label;
} ag_metrics_opts_t;

/* Computes the metrics in mask. AG_ENOMEM or AG_EGRAPH on failure (err says
 * why; m is then zeroed). The same as ag_metrics_compute_opts with
 * default options. */
ag_status_t ag_metrics_compute(const ag_era_graph_t *g, unsigned mask, ag_metrics_t *m,
                               ag_error_t *err);
/* The same, with options (opts may be NULL). */
ag_status_t ag_metrics_compute_opts(const ag_era_graph_t *g, unsigned mask,
                                    const ag_metrics_opts_t *opts, ag_metrics_t *m,
                                    ag_error_t *err);
/* Frees m; accepts a zeroed m. Can't fail. */
void ag_metrics_destroy(ag_metrics_t *m);

/* "degree", "strength", ...; and back (-1 when unknown). */
const char *ag_metric_name(ag_metric_t m);
int ag_metric_parse(const char *s);
/* Parses "degree,pagerank" (or "all") into a mask. AG_EUSAGE for an unknown
 * name (err suggests the closest). */
ag_status_t ag_metric_list_parse(const char *list, unsigned *mask, ag_error_t *err);

/*
 * Ranks n values: rank 1 is the highest; values equal when printed with
 * "%.10g" share the lowest rank number (1, 2, 2, 4). rank gets n entries.
 * AG_ENOMEM on failure.
 */
ag_status_t ag_rank(const double *values, size_t n, long *rank, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
