/*
 * metrics.h: per-actor centralities of an era graph (docs/METHODS.md,
 * "Metrics"), and their ranks.
 */
#ifndef ACTORGRAPH_METRICS_H
#define ACTORGRAPH_METRICS_H

#include <stddef.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"

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
 */
typedef struct {
    size_t n;
    unsigned mask;
    double *value[AG_M_COUNT];
} ag_metrics_t;

/* Computes the metrics in mask. AG_ENOMEM or AG_EGRAPH on failure (err says
 * why; m is then zeroed). */
ag_status_t ag_metrics_compute(const ag_era_graph_t *g, unsigned mask, ag_metrics_t *m,
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

#endif
