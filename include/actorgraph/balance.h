/*
 * balance.h: structural balance of an era graph (docs/METHODS.md,
 * "Structural balance").
 *
 * Balance is judged on the net-signed dyad graph: every dyad of the slice
 * whose net (sum of w = sign x weight over all its relations, whatever the
 * ties) is not zero, signed by its net. A triangle of three such dyads is
 * balanced when the product of its signs is positive (+++ "the friend of my
 * friend", +-- "the enemy of my enemy"), unbalanced otherwise (++-, ---).
 */
#ifndef ACTORGRAPH_BALANCE_H
#define ACTORGRAPH_BALANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"
#include "actorgraph/model.h"
#include "actorgraph/signed.h"
#include "actorgraph/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Sign patterns of a triangle, in the order of the csv columns. */
typedef enum {
    AG_TRIAD_PPP, /* +++ balanced */
    AG_TRIAD_PMM, /* +-- balanced */
    AG_TRIAD_PPM, /* ++- unbalanced */
    AG_TRIAD_MMM, /* --- unbalanced */
    AG_TRIAD_COUNT
} ag_triad_t;

/*
 * One triangle of the net-signed dyad graph.
 *   v:     its vertices, ascending (so in actor-id order).
 *   dyad:  the dyads v0-v1, v0-v2, v1-v2 (indices into g->dyads).
 *   sign:  their net signs, +1 or -1, in the same order.
 *   kind:  the sign pattern.
 */
typedef struct {
    long v[3];
    long dyad[3];
    int sign[3];
    ag_triad_t kind;
} ag_triangle_t;

/*
 * The balance of one era graph.
 *   signed_dyads: dyads whose net is not zero (the net-signed graph's edges).
 *   triangles:    number of triangles; balanced + unbalanced.
 *   count:        triangles by sign pattern.
 *   ratio:        balanced / triangles; NaN when there is no triangle.
 *   tri:          every triangle, ordered by (v0, v1, v2); NULL when none.
 */
typedef struct {
    size_t signed_dyads;
    size_t triangles, balanced, unbalanced;
    size_t count[AG_TRIAD_COUNT];
    double ratio;
    ag_triangle_t *tri;
} ag_balance_t;

/* The sign of a dyad's net: +1, -1, or 0 when |net| < 1e-10 (the net then
 * prints as 0, and such a dyad is left out of the signed graph). Can't
 * fail. */
int ag_dyad_sign(const ag_dyad_t *d);

/* "+++", "+--", "++-", "---"; and whether a pattern is balanced. Can't
 * fail. */
const char *ag_triad_name(ag_triad_t k);
bool ag_triad_balanced(ag_triad_t k);

/* Finds every triangle of g's net-signed dyad graph and counts them. The
 * result does not refer to g's memory. AG_ENOMEM on failure (b zeroed). */
ag_status_t ag_balance_compute(const ag_era_graph_t *g, ag_balance_t *b, ag_error_t *err);
/* Frees b; accepts a zeroed b. Can't fail. */
void ag_balance_destroy(ag_balance_t *b);

/* Which triangles a balance report names with the relations behind them. */
typedef enum {
    AG_LIST_NONE,
    AG_LIST_UNBALANCED,
    AG_LIST_ALL
} ag_tri_list_t;

/*
 * What a balance report covers.
 *   eras, n_eras: era indices into ds->eras, in the order to report them.
 *   level, types: as for slicing (ag_slice_opts_t); ties play no part.
 *   list:         which triangles to name (table, md and json).
 *   max_named:    name at most this many triangles per era (0: no limit);
 *                 the report says how many more there are. Event data can
 *                 have millions of triangles.
 *   dates:        the rule for imprecise dates (ag_slice_opts_t; 0
 *                 probable).
 *   blocks:       also a k-balance partition into this many blocks
 *                 (signed.h; alpha 1/2); 0: none.
 *   seconds:      time limit of each era's frustration search; 0 for
 *                 AG_FRUSTRATION_SECONDS.
 * A zeroed struct plus eras is a valid request.
 */
typedef struct {
    const long *eras;
    size_t n_eras;
    ag_level_t level;
    const bool *types;
    ag_tri_list_t list;
    size_t max_named;
    ag_dates_t dates;
    int blocks;
    double seconds;
} ag_balance_opts_t;

/* The default of max_named for the command line and the main job. */
#define AG_BALANCE_MAX_NAMED 25

/*
 * The balance of several eras (the result behind `actorgraph balance`).
 *   era: the era index; g: its graph; b: its balance.
 *   f: its frustration (signed.h); walk: its walk-based balance (NaN
 *   without signed dyads); bm: its k-balance partition when opts.blocks
 *   (zeroed otherwise).
 * Eras without relations have no entry.
 */
typedef struct {
    long era;
    ag_era_graph_t g;
    ag_balance_t b;
    ag_frustration_t f;
    double walk;
    ag_blockmodel_t bm;
} ag_balance_era_t;

/*
 *   ds, opts: what was computed (opts.eras and opts.types are the caller's
 *             and must outlive the result).
 *   eras:     n_eras entries, in the order of opts.eras.
 */
typedef struct {
    const ag_dataset_t *ds;
    ag_balance_opts_t opts;
    ag_balance_era_t *eras;
    size_t n_eras;
} ag_balance_report_t;

/* Slices each era of opts and computes its balance. AG_ENOMEM, AG_EGRAPH
 * (r zeroed). */
ag_status_t ag_balance_report_init(ag_balance_report_t *r, const ag_dataset_t *ds,
                                   const ag_balance_opts_t *opts, ag_error_t *err);
/* Frees r; accepts a zeroed r. Can't fail. */
void ag_balance_report_destroy(ag_balance_report_t *r);

/*
 * Convenience: ag_balance_report_init, then page + ag_doc_write
 * (ag_balance_page, pages.h). Writes the report to fp.
 * csv: one row per era with relations, header exactly
 *   era,level,triangles,balanced,unbalanced,ppp,pmm,ppm,mmm,ratio,
 *   signed_dyads,frustration,frustration_exact,frustration_lower,
 *   frustration_normalised,walk_balance
 * then block_error,neg_inside,pos_between when opts->blocks (ratio,
 * normalised and walk balance empty when undefined). table and md: that
 * table, then per era the frustrated dyads and the two sides, the blocks
 * when asked, and the triangles named by opts->list, each with the
 * relations behind its three sides in date order. json: an object with
 * the dataset, level, and one object per era holding the same figures,
 * the frustration's sides and dyads, the blocks and the triangles.
 * AG_ENOMEM, AG_EGRAPH, AG_EIO (writing failed) on failure.
 */
ag_status_t ag_balance_report(const ag_dataset_t *ds, const ag_balance_opts_t *opts,
                              ag_format_t fmt, FILE *fp, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
