/*
 * signed.h: measures of the net-signed graph of an era (docs/METHODS.md,
 * "Signed measures"): the frustration index and the partition attaining
 * it, the k-balance partition (signed blockmodel), walk-based balance and
 * PN centrality.
 *
 * All of them read the net-signed graph of balance.h: one edge per dyad of
 * the slice whose net is not zero (ag_dyad_sign), signed by its net,
 * unweighted (a tie is an ally or an enemy, as in the signed-network
 * literature these measures come from).
 */
#ifndef ACTORGRAPH_SIGNED_H
#define ACTORGRAPH_SIGNED_H

#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The frustration index of an era's net-signed graph: the least number of
 * signed dyads whose removal (or sign flip) leaves the graph balanced, i.e.
 * the least number of frustrated dyads over all 2-colourings (a dyad is
 * frustrated when it is positive between colours or negative within one).
 *   edges:        m, the signed dyads.
 *   frustration:  F: the least number when exact, else the fewest found.
 *   lower_bound:  a proven lower bound on the least number; equals
 *                 frustration when exact.
 *   exact:        whether frustration is proven least (false: the time
 *                 limit was reached in some block; frustration is then an
 *                 upper bound).
 *   normalised:   1 - F / (m/2) (as R's signnet); 1 when balanced; NaN
 *                 when m = 0.
 *   side:         per vertex of the graph (n entries), 0 or 1: a
 *                 colouring attaining frustration; vertices without a
 *                 signed dyad are 0. Each connected part of the signed
 *                 graph has its first vertex on side 0.
 *   frustrated:   the frustrated dyads (indices into g->dyads),
 *                 ascending; n_frustrated = frustration of them.
 */
typedef struct {
    size_t edges;
    size_t frustration, lower_bound;
    bool exact;
    double normalised;
    int *side;
    long *frustrated;
    size_t n_frustrated;
} ag_frustration_t;

/* The default time limit of the frustration search, in seconds. */
#define AG_FRUSTRATION_SECONDS 5.0

/*
 * Computes g's frustration index by branch and bound over the
 * 2-colourings of each biconnected block of the signed graph (the index
 * is the sum over blocks), stopping after time_limit seconds (<= 0: no
 * limit) with the best colouring found and a lower bound. The result does
 * not refer to g's memory. AG_ENOMEM, AG_EGRAPH on failure (f zeroed).
 */
ag_status_t ag_frustration_compute(const ag_era_graph_t *g, double time_limit,
                                   ag_frustration_t *f, ag_error_t *err);
/* Frees f; accepts a zeroed f. Can't fail. */
void ag_frustration_destroy(ag_frustration_t *f);

/*
 * A k-balance partition (Doreian and Mrvar's signed blockmodel): k blocks
 * minimising P = alpha x (negative dyads inside blocks) + (1 - alpha) x
 * (positive dyads between blocks).
 *   k, alpha:     as asked.
 *   error:        P of the partition found.
 *   neg_inside, pos_between: the two counts behind it.
 *   block:        per vertex (n entries), its block from 0, numbered in
 *                 order of each block's first vertex; -1 for a vertex
 *                 without a signed dyad (no block explains it).
 *   blocks:       blocks with at least one member (at most k).
 *   restarts:     random starts tried (the best is kept).
 */
typedef struct {
    int k;
    double alpha;
    double error;
    size_t neg_inside, pos_between;
    long *block;
    int blocks;
    int restarts;
} ag_blockmodel_t;

/* The default number of random starts. */
#define AG_BLOCKMODEL_RESTARTS 100

/*
 * Finds a k-balance partition of g's signed graph (1 <= k <= 64; alpha in
 * [0, 1]) by Doreian and Mrvar's relocation: from each of restarts random
 * partitions (the library's fixed seed), moves single vertices between
 * blocks while P falls, and keeps the best partition (a local optimum, not
 * proven least). AG_EUSAGE for a bad k or alpha, AG_ENOMEM, AG_EGRAPH
 * (b zeroed).
 */
ag_status_t ag_blockmodel_compute(const ag_era_graph_t *g, int k, double alpha, int restarts,
                                  ag_blockmodel_t *b, ag_error_t *err);
/* Frees b; accepts a zeroed b. Can't fail. */
void ag_blockmodel_destroy(ag_blockmodel_t *b);

/*
 * Walk-based balance (Estrada and Benzi 2014): K = trace(exp(A)) /
 * trace(exp(|A|)), with A the signed adjacency matrix (+1, -1) of the
 * vertices that have a signed dyad and |A| its unsigned counterpart: the
 * share of closed walks, weighted by 1/length!, that are balanced, after
 * taking away the unbalanced ones. 1 when balanced, towards 0 as
 * unbalanced cycles dominate. Computed from the eigenvalues of both
 * symmetric matrices (LAPACK dsyevr through igraph), shifted by the
 * largest eigenvalue of |A| so that nothing overflows. *k is NaN when no
 * vertex has a signed dyad. AG_ENOMEM, AG_EGRAPH.
 */
ag_status_t ag_walk_balance(const ag_era_graph_t *g, double *k, ag_error_t *err);

/*
 * PN centrality (Everett and Borgatti 2014) of every vertex of g: the
 * solution of (I - A / (2n - 2)) PN = 1 with A = P - 2N, P and N the
 * adjacency matrices of the positive and negative signed dyads, n = g->n.
 * out gets n values (caller-allocated); with n = 1 the value is 1; two
 * enemies alone (the one singular case) get 1/2 each, the symmetric
 * solution.
 * AG_ENOMEM, AG_EGRAPH (singular system).
 */
ag_status_t ag_pn_centrality(const ag_era_graph_t *g, double *out, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
