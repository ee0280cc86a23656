/*
 * paths.h (internal): betweenness and harmonic closeness from one weighted
 * Dijkstra per source (docs/METHODS.md, "betweenness" and "harmonic";
 * docs/PERFORMANCE.md for the design).
 *
 * The graph is undirected and given as an edge list with positive lengths.
 * Each source's search yields its distances (for harmonic closeness) and
 * the Brandes dependencies of the other vertices (for betweenness) in the
 * same sweep. Path lengths equal within igraph's relative tolerance
 * (IGRAPH_SHORTEST_PATH_EPSILON, 1e-10, compared as igraph_cmp_epsilon
 * does, on distances plus one as igraph stores them) are ties, so the
 * results equal igraph_betweenness and igraph_harmonic_centrality.
 *
 * Sources are split into a fixed number of chunks (independent of the
 * number of threads) that worker threads take in turn; each chunk's
 * partial sums are added to the result in chunk order, so the bytes out
 * are the same whatever the number of threads. Nothing here calls igraph.
 */
#ifndef AG_ANALYSIS_PATHS_H
#define AG_ANALYSIS_PATHS_H

#include <stddef.h>

#include "actorgraph/error.h"

/* Called after each chunk of sources with the sources done so far and
 * their total; from one of the worker threads, never two at a time. */
typedef void (*ag_i_paths_progress_fn)(void *ud, size_t done, size_t total);

/*
 * How to run.
 *   threads:  worker threads; <= 0 for the online CPUs.
 *   sample:   0 (or >= n) for every vertex as a source (exact); else this
 *             many distinct sources drawn with the seed, and the sums
 *             scaled by n / sample (unbiased estimates).
 *   seed:     the seed of the draw.
 *   progress: may be NULL; ud is passed to it.
 */
typedef struct {
    int threads;
    size_t sample;
    unsigned long long seed;
    ag_i_paths_progress_fn progress;
    void *ud;
} ag_i_paths_opts_t;

/*
 * On the undirected graph of n vertices and m edges from[e]--to[e] of
 * length len[e] (> 0; no loops, no parallel edges), fills, when not NULL:
 *   betw[v]: the sum over unordered pairs {s, t} (v not in it) of the share
 *            of shortest s-t paths through v (igraph_betweenness, raw);
 *   harm[v]: the sum over u != v of 1 / d(u, v), unreachable u adding 0
 *            (igraph_harmonic_centrality before its division by n - 1).
 * Returns the number of sources used in *used (n when exact). AG_ENOMEM
 * (err says so; betw and harm then undefined), AG_EUSAGE when n or m is
 * too large for 32-bit vertex ids.
 */
ag_status_t ag_i_paths(size_t n, size_t m, const long *from, const long *to,
                       const double *len, const ag_i_paths_opts_t *opts, double *betw,
                       double *harm, size_t *used, ag_error_t *err);

/* The number of online CPUs (at least 1). Can't fail. */
int ag_i_online_cpus(void);

#endif
