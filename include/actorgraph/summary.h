/*
 * summary.h: figures that describe a whole era graph, and its communities.
 */
#ifndef ACTORGRAPH_SUMMARY_H
#define ACTORGRAPH_SUMMARY_H

#include <stddef.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Per-era summary figures.
 *   vertices:       n.
 *   relations:      relations in the slice (whatever the ties).
 *   dyads:          dyads with any relation.
 *   edges:          dyads in the dyad graph (W > 0 under the ties).
 *   positive_dyads, negative_dyads: dyads whose net is > 0, < 0.
 *   density:        edges / (n(n-1)/2); 0 when n < 2.
 *   components:     connected components of the dyad graph (isolated
 *                   vertices count).
 *   transitivity:   global transitivity (ratio of closed triplets) of the
 *                   dyad graph, unweighted; NaN when it has no triplet.
 *   communities:    communities found on the positive layer (dyads with
 *                   pos > 0, weighted by pos) with a fixed seed.
 *   modularity:     their weighted modularity on that layer; NaN when the
 *                   layer has no edge.
 *   membership:     community of each vertex (n entries, numbered from 0 in
 *                   order of each community's first vertex).
 */
typedef struct {
    size_t vertices, relations, dyads, edges, positive_dyads, negative_dyads;
    double density;
    long components;
    double transitivity;
    long communities;
    double modularity;
    long *membership;
} ag_summary_t;

/* Computes the summary of g. AG_ENOMEM or AG_EGRAPH on failure (s zeroed). */
ag_status_t ag_summary_compute(const ag_era_graph_t *g, ag_summary_t *s, ag_error_t *err);
/* Frees s; accepts a zeroed s. Can't fail. */
void ag_summary_destroy(ag_summary_t *s);

#ifdef __cplusplus
}
#endif

#endif
