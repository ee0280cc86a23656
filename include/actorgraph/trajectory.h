/*
 * trajectory.h: an actor's path across eras, its lineage followed.
 *
 * For each actor asked for and each era, the value and rank of one metric
 * (ranks as in report: among all the era's actors). The actor stands for
 * its lineage (`continues`): asking for RUS, or for SUN, follows the Soviet
 * Union in the Cold War and Russia afterwards. When several actors of a
 * lineage are in one era (an era that spans the handover), the one chosen
 * is ag_lineage_pick's.
 */
#ifndef ACTORGRAPH_TRAJECTORY_H
#define ACTORGRAPH_TRAJECTORY_H

#include <stddef.h>
#include <stdint.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"
#include "actorgraph/metrics.h"
#include "actorgraph/model.h"
#include "actorgraph/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Which of the actors (indices into ds->actors, n of them, all of one
 * lineage) stands for the lineage at day mid: the one whose `active`
 * interval contains mid when exactly one does; otherwise the one furthest
 * down the `continues` chain (the successor), the first in the list among
 * equals. -1 when n is 0. Can't fail.
 */
long ag_lineage_pick(const ag_dataset_t *ds, const long *actors, size_t n, int32_t mid);

/* The middle day of an interval; an open end counts as the other end.
 * Can't fail. */
int32_t ag_interval_middle(int32_t first, int32_t last);

/*
 * One actor in one era.
 *   actor:  the actor of the lineage measured (an index into ds->actors),
 *           or -1 when none is in the era.
 *   value:  its value (0 when absent).
 *   rank:   its rank among the era's actors (0 when absent).
 *   n:      how many actors the era has.
 */
typedef struct {
    long actor;
    double value;
    long rank;
    size_t n;
} ag_traj_cell_t;

/*
 * A trajectory. Owns its arrays; ds and opts.types must outlive it.
 *   ds, opts, metric: what was measured (opts.first and last unused).
 *   actors:  the n_actors actors asked for (at state level, rolled up).
 *   eras:    the n_eras eras (indices into ds->eras), in the order given.
 *   cells:   n_actors * n_eras, actor-major: cells[a * n_eras + e].
 */
typedef struct {
    const ag_dataset_t *ds;
    ag_slice_opts_t opts;
    ag_metric_t metric;
    long *actors;
    size_t n_actors;
    long *eras;
    size_t n_eras;
    ag_traj_cell_t *cells;
} ag_trajectory_t;

/* Measures metric for actors (n_actors indices) in eras (n_eras indices)
 * sliced with opts' level, ties and types. AG_ENOMEM, AG_EGRAPH (t is then
 * zeroed). */
ag_status_t ag_trajectory_init(ag_trajectory_t *t, const ag_dataset_t *ds,
                               const ag_slice_opts_t *opts, ag_metric_t metric,
                               const long *actors, size_t n_actors, const long *eras,
                               size_t n_eras, ag_error_t *err);
/* Frees t; accepts a zeroed t. Can't fail. */
void ag_trajectory_destroy(ag_trajectory_t *t);

/*
 * The trajectory as a long table, one row per actor asked for and era (in
 * that order), with the columns
 *   lineage,era,start,end,level,ties,actor,name,metric,value,rank,of
 * lineage: the id asked for; actor and name: the actor measured (empty,
 * with empty value and rank, when the lineage is absent from the era); of:
 * how many actors the era has. out is initialised here. AG_ENOMEM.
 */
ag_status_t ag_trajectory_table(const ag_trajectory_t *t, ag_table_t *out, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
