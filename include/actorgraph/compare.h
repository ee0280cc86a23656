/*
 * compare.h: one era against another (docs/METHODS.md, "Comparing eras").
 *
 * Both eras are sliced with the same level, ties and types. Their actors are
 * matched by lineage (`continues`: SUN in the Cold War is RUS after 1991):
 * first, for each lineage present in both eras, its principal actors (most
 * relations in the slice) when they differ and one of them is absent from
 * the other era; then the same actor in both eras; then the one actor of a
 * lineage left on each side. The rest are leaving (only in era A) or
 * entering (only in era B). For each metric the comparison gives every actor's value
 * and rank in each era (ranks as in report: among all the era's actors),
 * the rank shift, and Spearman's rho and Kendall's tau-b over the actors in
 * both eras. Dyads of the two dyad graphs are matched through the actors
 * and are kept, sign-flipped (their net sign changed), gained or lost. The
 * summary figures and balance of both eras stand side by side.
 */
#ifndef ACTORGRAPH_COMPARE_H
#define ACTORGRAPH_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "actorgraph/balance.h"
#include "actorgraph/era.h"
#include "actorgraph/error.h"
#include "actorgraph/metrics.h"
#include "actorgraph/model.h"
#include "actorgraph/signed.h"
#include "actorgraph/summary.h"
#include "actorgraph/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How an actor of the comparison is present. */
typedef enum {
    AG_MATCH_SAME,     /* the same actor in both eras */
    AG_MATCH_LINEAGE,  /* different actors of one lineage (SUN, RUS) */
    AG_MATCH_LEAVING,  /* only in era A */
    AG_MATCH_ENTERING  /* only in era B */
} ag_match_t;

/*
 * One actor of the comparison (a row).
 *   va, vb:   its vertex in era A and in era B, or -1.
 *   actor_a, actor_b: the actors of those vertices, or -1.
 *   key:      the actor that names the row: actor_b when present, else
 *             actor_a (its name is the row's name).
 *   match:    how it is present.
 *   unmatched_kin: leaving or entering, though another row of its lineage
 *             is present in both eras (RUS leaving the Cold War when SUN is
 *             matched with RUS of the era after).
 * Its label (ag_cmp_actor_label) is the key's id, or "B (A)" for a lineage
 * match ("RUS (SUN)"); labels are unique within a comparison.
 */
typedef struct {
    long va, vb;
    long actor_a, actor_b;
    long key;
    ag_match_t match;
    bool unmatched_kin;
} ag_cmp_actor_t;

/* What happened to a dyad, in the order reports list them. */
typedef enum {
    AG_CHANGE_FLIPPED, /* in both, net sign changed (+, -, or 0 for a net of 0) */
    AG_CHANGE_GAINED,  /* only in era B */
    AG_CHANGE_LOST,    /* only in era A */
    AG_CHANGE_KEPT,    /* in both, same net sign */
    AG_CHANGE_COUNT
} ag_change_t;

/*
 * One dyad of the comparison: a pair of rows whose actors have an edge in
 * the dyad graph (W > 0 under the ties) of either era.
 *   r1, r2:   rows (indices into actors), r1 < r2.
 *   da, db:   its dyad in era A and in era B (indices into the era graphs'
 *             dyads), or -1.
 *   sign_a, sign_b: ag_dyad_sign of each (0 when absent).
 *   change:   what happened to it.
 */
typedef struct {
    long r1, r2;
    long da, db;
    int sign_a, sign_b;
    ag_change_t change;
} ag_cmp_dyad_t;

/*
 * A rank correlation over the actors in both eras.
 *   n:        how many actors (matched rows) it is computed on.
 *   spearman: Spearman's rho; kendall: Kendall's tau-b; NaN when
 *             undefined (n < 2, or all values equal in either era).
 *   spearman_p: the two-sided p-value of rho (ag_spearman_p, rankcorr.h);
 *             NaN when undefined (n < 3).
 */
typedef struct {
    size_t n;
    double spearman, kendall;
    double spearman_p;
} ag_cmp_corr_t;

/*
 * What to compare.
 *   level, ties, types: as for slicing (ag_slice_opts_t).
 *   metrics:  mask of the metrics to compare (AG_METRICS_ALL for all).
 *   dates:    the rule for imprecise dates (ag_slice_opts_t; 0 probable).
 */
typedef struct {
    ag_level_t level;
    ag_ties_t ties;
    const bool *types;
    unsigned metrics;
    ag_dates_t dates;
} ag_compare_opts_t;

/*
 * A comparison. Everything is owned by it except ds and opts.types, which
 * must outlive it.
 *   ds, era_a, era_b, opts: what was compared (era indices into ds->eras).
 *   ga, gb:   the two era graphs.
 *   ma, mb:   their metrics (opts.metrics); rank_a[m], rank_b[m]: ranks
 *             of each vertex (as ag_rank), NULL for metrics not compared.
 *   sa, sb:   their summaries; ba, bb: their balance.
 *   actors:   n_actors rows, ordered by label (byte order); the matched
 *             by lineage, leaving and entering ones are those rows with
 *             that match, in this order.
 *   n_match:  how many rows of each match (as ag_match_t).
 *   dyads:    n_dyads, ordered by change (as ag_change_t), then r1, r2.
 *   changes:  how many dyads of each change.
 *   corr:     per metric (those compared).
 *   fa, fb:   their frustration (signed.h, default time limit);
 *   walk_a, walk_b: their walk-based balance (NaN without signed dyads);
 *   state_blocs_a, state_blocs_b: how many blocs their actors fall in when
 *             blocs are found at state level (docs/METHODS.md, "Blocs").
 */
typedef struct {
    const ag_dataset_t *ds;
    long era_a, era_b;
    ag_compare_opts_t opts;
    ag_era_graph_t ga, gb;
    ag_metrics_t ma, mb;
    long *rank_a[AG_M_COUNT], *rank_b[AG_M_COUNT];
    ag_summary_t sa, sb;
    ag_balance_t ba, bb;
    ag_cmp_actor_t *actors;
    size_t n_actors;
    size_t n_match[4];
    ag_cmp_dyad_t *dyads;
    size_t n_dyads;
    size_t changes[AG_CHANGE_COUNT];
    ag_cmp_corr_t corr[AG_M_COUNT];
    ag_frustration_t fa, fb;
    double walk_a, walk_b;
    long state_blocs_a, state_blocs_b;
} ag_compare_t;

/* Compares era_a with era_b of ds. AG_ENOMEM, AG_EGRAPH on failure (err
 * says why; c is then zeroed). */
ag_status_t ag_compare_init(ag_compare_t *c, const ag_dataset_t *ds, long era_a, long era_b,
                            const ag_compare_opts_t *opts, ag_error_t *err);
/* Frees c; accepts a zeroed c. Can't fail. */
void ag_compare_destroy(ag_compare_t *c);

/* "same", "lineage", "leaving", "entering"; "flipped", "gained", "lost",
 * "kept". Can't fail. */
const char *ag_match_name(ag_match_t m);
const char *ag_change_name(ag_change_t c);

/* Room for any label: two ids of up to AG_MAX_FIELD (65536) bytes each,
 * " (", ")" and the NUL. */
#define AG_CMP_LABEL_SIZE (2 * 65536 + 8)

/* A row's label: "PAK", or "RUS (SUN)" for a lineage match (the actor in
 * era B, then the one in era A), into buf of size n (AG_CMP_LABEL_SIZE
 * holds any); returns buf. Can't fail. */
char *ag_cmp_actor_label(const ag_compare_t *c, const ag_cmp_actor_t *a, char *buf, size_t n);

/*
 * Rank correlations of n pairs (x[i], y[i]), ties given average ranks (as
 * scipy.stats.spearmanr and kendalltau do): Spearman's rho is Pearson's r
 * of the average ranks; Kendall's tau-b is (C - D) / sqrt((P - Tx)(P - Ty))
 * with C, D the concordant and discordant pairs, P = n(n-1)/2 and Tx, Ty
 * the pairs tied in x, in y. NaN when undefined (n < 2, or x or y
 * constant). Exact comparisons: the caller rounds values that should tie.
 * Can't fail (NaN also when memory runs out, for spearman).
 */
double ag_spearman(const double *x, const double *y, size_t n);
double ag_kendall_tau_b(const double *x, const double *y, size_t n);

/* The parts of a comparison's output. */
typedef enum {
    AG_PART_ALL,          /* everything (not for csv) */
    AG_PART_SUMMARY,      /* figure,value_a,value_b,difference */
    AG_PART_CORRELATIONS, /* metric,actors,spearman,kendall */
    AG_PART_ACTORS,       /* per actor and metric: values, ranks, shift */
    AG_PART_DYADS,        /* per dyad: change, signs, nets, relation counts */
    AG_PART_RELATIONS     /* per dyad and era: the relations behind it */
} ag_cmp_part_t;

/* "all", "summary", "correlations", "actors", "dyads", "relations"; -1
 * when unknown. */
int ag_cmp_part_parse(const char *s);

/*
 * Convenience: page + ag_doc_write (ag_compare_page, pages.h). Writes the
 * comparison (see docs/METHODS.md for every column). table, md:
 * a heading, the actors matched by lineage, entering and leaving, then the
 * parts. json: one object with every part (the dyads carrying their
 * relations). csv: one part, tidy and long, each row led by
 * era_a,era_b,level,ties; AG_PART_ALL means AG_PART_ACTORS for csv.
 * AG_ENOMEM, AG_EIO on failure.
 */
ag_status_t ag_compare_write(const ag_compare_t *c, ag_format_t fmt, ag_cmp_part_t part,
                             FILE *fp, ag_error_t *err);

/*
 * The union of both eras as one diagram (render_compare.c): one node per
 * row, one edge per dyad of the comparison, styled by its change (kept,
 * flipped, gained, lost) with a legend. Format by path's extension: .dot,
 * .svg, .png (atomically written). It draws with the process's shared
 * Graphviz context, like render.h: call ag_render_cleanup() when done
 * drawing. AG_EUSAGE for another extension, AG_ERENDER, AG_EIO, AG_ENOMEM.
 */
ag_status_t ag_compare_diagram(const ag_compare_t *c, const char *path, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
