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
 *   communities:    blocs: communities found on the net-positive layer
 *                   (dyads whose net is > 0, weighted by the net) with a
 *                   fixed seed, then split so that no bloc holds two
 *                   vertices whose net is negative (docs/METHODS.md,
 *                   "Blocs").
 *   modularity:     their weighted modularity on that layer; NaN when the
 *                   layer has no edge.
 *   membership:     community of each vertex (n entries, numbered from 0 in
 *                   order of each community's first vertex).
 *   bloc_level:     the level the blocs were found at: the graph's own, or
 *                   state level when ag_summary_blocs_from put a state-level
 *                   partition on an actor-level graph.
 */
typedef struct {
    size_t vertices, relations, dyads, edges, positive_dyads, negative_dyads;
    double density;
    long components;
    double transitivity;
    long communities;
    double modularity;
    long *membership;
    ag_level_t bloc_level;
} ag_summary_t;

/* Computes the summary of g. AG_ENOMEM or AG_EGRAPH on failure (s zeroed). */
ag_status_t ag_summary_compute(const ag_era_graph_t *g, ag_summary_t *s, ag_error_t *err);
/*
 * Replaces the blocs of s (the summary of g) by those of coarse, a slice
 * of the same relations at state level, whose summary is cs: each vertex
 * of g takes the bloc of its state in coarse; a vertex whose state is not
 * in coarse (its only relations were with its own state) is a bloc of its
 * own. communities, membership and modularity (cs's) change, bloc_level
 * becomes coarse's level; the other figures stay. AG_ENOMEM (s unchanged).
 */
ag_status_t ag_summary_blocs_from(ag_summary_t *s, const ag_era_graph_t *g,
                                  const ag_era_graph_t *coarse, const ag_summary_t *cs,
                                  ag_error_t *err);
/*
 * ag_summary_compute, with the blocs found at bloc_level: when g is at
 * actor level and bloc_level is AG_LEVEL_STATE, the same relations are
 * sliced at state level and their blocs put on g (ag_summary_blocs_from);
 * otherwise the same as ag_summary_compute. Errors as ag_summary_compute
 * and ag_era_graph_init (s zeroed).
 */
ag_status_t ag_summary_compute_blocs(const ag_era_graph_t *g, ag_level_t bloc_level,
                                     ag_summary_t *s, ag_error_t *err);
/* Frees s; accepts a zeroed s. Can't fail. */
void ag_summary_destroy(ag_summary_t *s);

#ifdef __cplusplus
}
#endif

#endif
