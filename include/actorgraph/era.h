/*
 * era.h: slicing a dataset into an era's graphs.
 *
 * A slice keeps the relations whose date falls in a window (an era's
 * period, or any EDTF interval) by the rule for dates (ag_dates_t below),
 * optionally only some relation types, rolls
 * actors up to state level when asked, and drops self-relations. From those
 * relations it builds (docs/METHODS.md, "Slicing and graphs"):
 *   - the dyads: one per unordered pair of vertices with any relation, with
 *     the positive, negative and net sums of w = sign x weight;
 *   - the dyad graph: undirected, one edge per dyad whose summed chosen
 *     weight W (by --ties) is > 0, weighted by W;
 *   - the relation graph: directed multigraph, one arc per kept relation
 *     (two, s->t and t->s, for an undirected type), weighted by the chosen
 *     weight.
 * Vertices are the endpoints of the slice's relations (whatever the ties),
 * ordered by actor id in byte order, so every output is in a stable order.
 */
#ifndef ACTORGRAPH_ERA_H
#define ACTORGRAPH_ERA_H

#include <igraph/igraph.h>
#include <stdbool.h>
#include <stdint.h>

#include "actorgraph/error.h"
#include "actorgraph/model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { AG_LEVEL_ACTOR, AG_LEVEL_STATE } ag_level_t;
typedef enum { AG_TIES_ALL, AG_TIES_POSITIVE, AG_TIES_NEGATIVE } ag_ties_t;

/*
 * The rule that places a relation dated by an imprecise point in a window
 * (docs/METHODS.md, "Dates in eras"). A single date (1965, 196X, 1971-12)
 * stands for one unknown day within the days it covers; an interval
 * (1954/1972, 2001-09/..) for every day it covers, and is in any window it
 * overlaps whatever the rule.
 *   AG_DATES_PROBABLE: half or more of the point's days are in the window
 *                      (the default, and 0 so that zeroed options get it).
 *   AG_DATES_POSSIBLE: any of its days is in the window.
 *   AG_DATES_CERTAIN:  all of its days are in the window.
 * A day-precise date is in a window or not under every rule.
 */
typedef enum { AG_DATES_PROBABLE = 0, AG_DATES_POSSIBLE, AG_DATES_CERTAIN } ag_dates_t;

/*
 * Where a relation's date stands against a window, from which each rule
 * decides (ag_place_admits).
 *   AG_PLACE_OUT:      no day in the window.
 *   AG_PLACE_INTERVAL: an interval overlapping the window.
 *   AG_PLACE_INSIDE:   a point with all its days in the window.
 *   AG_PLACE_MOSTLY:   a point with half or more, not all, of its days in it.
 *   AG_PLACE_PARTLY:   a point with some, under half, of its days in it.
 */
typedef enum {
    AG_PLACE_OUT,
    AG_PLACE_INTERVAL,
    AG_PLACE_INSIDE,
    AG_PLACE_MOSTLY,
    AG_PLACE_PARTLY
} ag_place_t;

/*
 * What to slice.
 *   first, last: the window, inclusive days (AG_DAY_MIN/AG_DAY_MAX: open).
 *   level:       actor, or state (actors replaced by their top-most parent).
 *   ties:        which relations make edges and arcs (see METHODS).
 *   types:       NULL for all types, else ds->n_types flags: keep type i
 *                when types[i].
 *   dates:       the rule for imprecise points (default probable).
 */
typedef struct {
    int32_t first, last;
    ag_level_t level;
    ag_ties_t ties;
    const bool *types;
    ag_dates_t dates;
} ag_slice_opts_t;

/*
 * A dyad: an unordered pair of vertices with at least one relation in the
 * slice (of any sign, whatever the ties).
 *   u, v:   vertex indices, u < v.
 *   pos:    sum of w over its relations with w > 0.
 *   neg:    sum of |w| over its relations with w < 0.
 *   net:    sum of w over all its relations (pos - neg).
 *   W:      summed chosen weight (pos, neg or pos + neg by ties).
 *   edge:   its edge id in the dyad graph, or -1 when W is 0.
 *   rels:   indices into ds->relations of the relations behind it, in
 *           date order; n_rels of them.
 */
typedef struct {
    long u, v;
    double pos, neg, net, W;
    long edge;
    long *rels;
    size_t n_rels;
} ag_dyad_t;

/*
 * An era's graphs.
 *   ds, opts:     what it was sliced from (ds must outlive it).
 *   n:            number of vertices.
 *   actor:        vertex -> actor index (at state level, the top parent).
 *   vertex_of:    actor index -> vertex, or -1 (ds->n_actors entries).
 *   rels, n_rels: the slice's relations (indices into ds->relations, after
 *                 the type filter, roll-up and self-loop removal), in file
 *                 order, whatever the ties.
 *   dyads:        n_dyads dyads, ordered by (u, v).
 *   dyad_graph:   undirected, n vertices, one edge per dyad with W > 0, in
 *                 dyad order; dyad_weight holds each edge's W and
 *                 edge_dyad its dyad index.
 *   rel_graph:    directed multigraph of the kept relations' arcs, in
 *                 relation order; rel_weight holds each arc's weight and
 *                 arc_rel its relation index.
 *   dyad_rels:    one block holding every dyad's rels, in dyad order (the
 *                 dyads' rels point into it; n_rels entries).
 */
typedef struct {
    const ag_dataset_t *ds;
    ag_slice_opts_t opts;
    size_t n;
    long *actor;
    long *vertex_of;
    long *rels;
    size_t n_rels;
    ag_dyad_t *dyads;
    size_t n_dyads;
    igraph_t dyad_graph;
    igraph_vector_t dyad_weight;
    long *edge_dyad;
    igraph_t rel_graph;
    igraph_vector_t rel_weight;
    long *arc_rel;
    long *dyad_rels;
} ag_era_graph_t;

/* Options for a whole-dataset slice at actor level, all ties, all types. */
void ag_slice_opts_default(ag_slice_opts_t *opts);

/* Slices ds into g (g need not be initialised). AG_ENOMEM or AG_EGRAPH on
 * failure (err says why); g is then zeroed. */
ag_status_t ag_era_graph_init(ag_era_graph_t *g, const ag_dataset_t *ds,
                              const ag_slice_opts_t *opts, ag_error_t *err);
/* Frees g; accepts a zeroed g. Can't fail. */
void ag_era_graph_destroy(ag_era_graph_t *g);

/*
 * Frees what a caller that has measured g no longer needs when it only
 * names g's vertices: its relations, dyads, weights and edges (rels,
 * dyads, edge_dyad, arc_rel; the igraph graphs become empty). Keeps ds,
 * opts, n, actor and vertex_of. Afterwards g may only be read through
 * those, or destroyed. When the empty graphs can't be had, g is left as
 * it was. Can't fail.
 */
void ag_era_graph_drop_edges(ag_era_graph_t *g);

/* The actor at state level (top-most parent) or itself. Can't fail. */
long ag_rollup(const ag_dataset_t *ds, ag_level_t level, long actor);

/* Index of the dyad of vertices a and b (either order), or -1. Can't fail. */
long ag_era_graph_find_dyad(const ag_era_graph_t *g, long a, long b);

/* Parses "actor"/"state", "all"/"positive"/"negative" and
 * "probable"/"possible"/"certain"; -1 when unknown. */
int ag_level_parse(const char *s);
int ag_ties_parse(const char *s);
int ag_dates_parse(const char *s);
const char *ag_level_name(ag_level_t level);
const char *ag_ties_name(ag_ties_t ties);
const char *ag_dates_name(ag_dates_t dates);

/* Where date d stands against the window first..last (inclusive days,
 * AG_DAY_MIN/AG_DAY_MAX open). Can't fail. */
ag_place_t ag_date_place(const ag_date_t *d, int32_t first, int32_t last);

/* Whether rule puts a relation placed at p in the window. Can't fail. */
bool ag_place_admits(ag_place_t p, ag_dates_t rule);

/* For people: "interval overlaps", "inside", "mostly inside", "partly
 * inside" or "outside". Can't fail. */
const char *ag_place_name(ag_place_t p);

/*
 * Parses a comma-separated list of type ids into ds->n_types flags (caller
 * frees *mask). AG_EUSAGE for an unknown id (err names it and suggests the
 * closest), AG_ENOMEM.
 */
ag_status_t ag_types_mask(const ag_dataset_t *ds, const char *list, bool **mask,
                          ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
