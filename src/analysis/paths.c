/*
 * paths.c: betweenness and harmonic closeness from one weighted Dijkstra
 * per source, sources split over POSIX threads (see paths.h).
 *
 * Per source s, the search settles vertices in order of distance from a
 * 4-ary heap, counts shortest paths (sigma) and records each vertex's
 * predecessors on them; settled vertices add 1/d to s's harmonic sum, and
 * walking them back in reverse order accumulates Brandes' dependencies
 * delta. The steps and their floating-point operations follow igraph
 * 0.10's igraph_betweenness (weighted case) and
 * igraph_harmonic_centrality, so that the numbers agree with igraph's to
 * rounding: distances are stored plus one (0 meaning "not reached"),
 * lengths are compared with igraph_cmp_epsilon's relative tolerance, and
 * the dependency step is delta[p] += sigma[p] * (1 + delta[w]) / sigma[w].
 */
#include "analysis/paths.h"

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* igraph's IGRAPH_SHORTEST_PATH_EPSILON. */
#define EPS 1e-10
/* Sources are cut into at most this many chunks, whatever the number of
 * threads: the order in which partial sums are added is the chunks'. */
#define MAX_CHUNKS 256
/* Chunk results finished out of order that may wait for their turn
 * before a thread that finishes another one waits too. */
#define MAX_PARKED 8
/* Heap arity: 4 children keep a sift-down to one cache line of ids. */
#define ARITY 4

typedef uint32_t vid_t;

/* Compressed adjacency: v's neighbours are adj[start[v] .. start[v+1]-1],
 * with the lengths len[] of the same edges. */
typedef struct {
    size_t n;
    size_t *start;
    vid_t *adj;
    double *len;
} csr_t;

/* igraph_cmp_epsilon (igraph 0.10): 0 when a and b are equal within the
 * relative tolerance eps, else the sign of a - b. */
static inline int cmp_eps(double a, double b, double eps)
{
    double diff, abs_diff, sum;
    if (a == b)
        return 0;
    diff = a - b;
    abs_diff = fabs(diff);
    sum = fabs(a) + fabs(b);
    if (a == 0 || b == 0 || sum < DBL_MIN)
        return abs_diff < eps * DBL_MIN ? 0 : (diff < 0 ? -1 : 1);
    if (!isfinite(sum))
        return abs_diff < eps * fabs(a) + eps * fabs(b) ? 0 : (diff < 0 ? -1 : 1);
    return abs_diff / sum < eps ? 0 : (diff < 0 ? -1 : 1);
}

/* ---- one thread's workspace ---- */

/*
 * dist:   distance from the source plus one; 0 when not reached.
 * sigma:  number of shortest paths from the source.
 * delta:  dependency of the source on the vertex.
 * order:  settled vertices, in order of settling (n_order of them).
 * heap, pos: the queue; pos[v] is v's place in heap, or -1 (not in it).
 * pcount, parent: v's predecessors are parent[start[v] ..] (pcount[v] of
 *         them); a vertex has at most one per incident edge.
 * part, hpart: this chunk's partial betweenness, and (sampling) partial
 *         harmonic sums per target.
 */
typedef struct {
    double *dist, *sigma, *delta;
    vid_t *order, *heap, *parent;
    int32_t *pos;
    uint32_t *pcount;
    size_t n_order, n_heap;
    double *part, *hpart;
} work_t;

static void work_free(work_t *w)
{
    free(w->dist);
    free(w->sigma);
    free(w->delta);
    free(w->order);
    free(w->heap);
    free(w->parent);
    free(w->pos);
    free(w->pcount);
    free(w->part);
    free(w->hpart);
    memset(w, 0, sizeof *w);
}

static bool work_init(work_t *w, const csr_t *g)
{
    size_t n = g->n ? g->n : 1, slots = g->start[g->n] ? g->start[g->n] : 1;
    memset(w, 0, sizeof *w);
    w->dist = calloc(n, sizeof *w->dist);
    w->sigma = calloc(n, sizeof *w->sigma);
    w->delta = calloc(n, sizeof *w->delta);
    w->order = malloc(n * sizeof *w->order);
    w->heap = malloc(n * sizeof *w->heap);
    w->parent = malloc(slots * sizeof *w->parent);
    w->pos = malloc(n * sizeof *w->pos);
    w->pcount = calloc(n, sizeof *w->pcount);
    if (!w->dist || !w->sigma || !w->delta || !w->order || !w->heap || !w->parent ||
        !w->pos || !w->pcount) {
        work_free(w);
        return false;
    }
    for (size_t v = 0; v < g->n; v++)
        w->pos[v] = -1;
    return true;
}

/* ---- the heap: a d-ary min-heap of vertices keyed by dist ---- */

static inline void heap_up(work_t *w, size_t i)
{
    vid_t v = w->heap[i];
    double key = w->dist[v];
    while (i > 0) {
        size_t p = (i - 1) / ARITY;
        vid_t u = w->heap[p];
        if (!(key < w->dist[u]))
            break;
        w->heap[i] = u;
        w->pos[u] = (int32_t)i;
        i = p;
    }
    w->heap[i] = v;
    w->pos[v] = (int32_t)i;
}

static inline void heap_push(work_t *w, vid_t v)
{
    w->heap[w->n_heap] = v;
    heap_up(w, w->n_heap++);
}

static inline vid_t heap_pop(work_t *w)
{
    vid_t top = w->heap[0], v;
    size_t i = 0, n;
    double key;
    w->pos[top] = -1;
    if (--w->n_heap == 0)
        return top;
    v = w->heap[w->n_heap];
    key = w->dist[v];
    n = w->n_heap;
    for (;;) {
        size_t c = ARITY * i + 1, best = c, end = c + ARITY;
        double bk;
        if (c >= n)
            break;
        if (end > n)
            end = n;
        bk = w->dist[w->heap[c]];
        for (size_t k = c + 1; k < end; k++) {
            double kk = w->dist[w->heap[k]];
            if (kk < bk) {
                bk = kk;
                best = k;
            }
        }
        if (!(bk < key))
            break;
        w->heap[i] = w->heap[best];
        w->pos[w->heap[i]] = (int32_t)i;
        i = best;
    }
    w->heap[i] = v;
    w->pos[v] = (int32_t)i;
    return top;
}

/*
 * Relaxes the edges of u, just settled. A vertex reached first, or by a
 * shorter path, gets u as its one predecessor; reached again by a path as
 * short (within the tolerance), it gets u as one more.
 */
static inline void relax(const csr_t *g, work_t *w, vid_t u)
{
    double *dist = w->dist, *sigma = w->sigma, du = dist[u];
    for (size_t e = g->start[u]; e < g->start[u + 1]; e++) {
        vid_t t = g->adj[e];
        double alt = du + g->len[e], cur = dist[t];
        if (cur == 0) {
            /* first reached */
            w->parent[g->start[t]] = u;
            w->pcount[t] = 1;
            sigma[t] = sigma[u];
            dist[t] = alt;
            heap_push(w, t);
            continue;
        }
        /* Most relaxations reach a vertex already settled or queued
         * at a clearly shorter distance: settle those without the
         * division (distances are positive, and 1.5 EPS leaves room
         * for the rounding of cmp_eps's quotient). */
        int c = alt - cur > 1.5 * EPS * (alt + cur) ? 1 : cmp_eps(alt, cur, EPS);
        if (c < 0) {
            /* a shorter path */
            w->parent[g->start[t]] = u;
            w->pcount[t] = 1;
            sigma[t] = sigma[u];
            dist[t] = alt;
            heap_up(w, (size_t)w->pos[t]);
        } else if (c == 0) {
            /* one more shortest path */
            w->parent[g->start[t] + w->pcount[t]++] = u;
            sigma[t] += sigma[u];
        }
    }
}

/*
 * One source: the search, then the walk back. Adds the dependencies to
 * w->part (and 1/d to w->hpart per target when hpart is set); returns the
 * source's own harmonic sum. Leaves the workspace clean for the next one.
 */
static double one_source(const csr_t *g, work_t *w, vid_t s)
{
    double *dist = w->dist, *sigma = w->sigma, *delta = w->delta;
    double hsum = 0;

    w->n_order = 0;
    dist[s] = 1.0;
    sigma[s] = 1;
    heap_push(w, s);
    while (w->n_heap) {
        vid_t u = heap_pop(w);
        w->order[w->n_order++] = u;
        if (u != s) {
            /* As igraph: distances are kept plus one. */
            double h = 1.0 / (dist[u] - 1.0);
            hsum += h;
            if (w->hpart)
                w->hpart[u] += h;
        }
        relax(g, w, u);
    }
    /* Brandes: dependencies flow back from the farthest vertices. */
    for (size_t k = w->n_order; k-- > 0;) {
        vid_t x = w->order[k];
        const vid_t *par = w->parent + g->start[x];
        double coeff = (1 + delta[x]) / sigma[x];
        for (uint32_t j = 0; j < w->pcount[x]; j++)
            delta[par[j]] += sigma[par[j]] * coeff;
        if (x != s)
            w->part[x] += delta[x];
        dist[x] = 0;
        sigma[x] = 0;
        delta[x] = 0;
        w->pcount[x] = 0;
    }
    return hsum;
}

/* ---- sampling: vertices between two others that the sample missed ---- */

/*
 * A sampled estimate is 0 for a vertex no sampled source's paths went
 * through, though it may lie on a few shortest paths among its own
 * neighbours: many such vertices rank just above the true zeros, and
 * putting them at 0 costs far more rank correlation than any error in
 * the large values (docs/METHODS.md, "--sample"). So each vertex the
 * sample left at 0 is looked at again. It lies on a shortest path exactly
 * when, for two of its neighbours a and b, a-x-b is a shortest a-b path
 * (a subpath of a shortest path is shortest), which needs a-x and x-b to
 * be shortest paths themselves. The distances to a few landmarks (the
 * vertices of highest degree) give a path a-l-b: when it is shorter than
 * a-x-b (beyond the tolerance), the pair is ruled out for certain. A pair
 * that no landmark rules out is counted; the vertex gets the number of
 * such pairs as its value (raw betweenness: each pair's paths go through
 * x when a-x-b is its only shortest path). With hubs for landmarks (the
 * heavy-tailed graphs of event data and of curated datasets alike) the
 * bounds are tight; where they are loose a true 0 may get a small count.
 */
#define LANDMARKS 16

/* d(s, v) for every v into out[v * stride] (INFINITY when not reached). */
static void distances_from(const csr_t *g, work_t *w, vid_t s, double *out, size_t stride)
{
    for (size_t v = 0; v < g->n; v++)
        out[v * stride] = INFINITY;
    w->n_order = 0;
    w->dist[s] = 1.0;
    w->sigma[s] = 1;
    heap_push(w, s);
    while (w->n_heap) {
        vid_t u = heap_pop(w);
        w->order[w->n_order++] = u;
        out[u * stride] = w->dist[u] - 1.0;
        relax(g, w, u);
    }
    for (size_t k = 0; k < w->n_order; k++) {
        vid_t v = w->order[k];
        w->dist[v] = 0;
        w->sigma[v] = 0;
        w->pcount[v] = 0;
    }
}

/* The landmarks: the LANDMARKS vertices of highest degree (lowest id
 * first among equals), into lm; returns how many (fewer when n is). */
static size_t landmarks(const csr_t *g, vid_t *lm)
{
    size_t k = 0;
    for (size_t v = 0; v < g->n; v++) {
        size_t d = g->start[v + 1] - g->start[v], i = k < LANDMARKS ? k++ : LANDMARKS;
        while (i > 0 && g->start[lm[i - 1] + 1] - g->start[lm[i - 1]] < d) {
            if (i < LANDMARKS)
                lm[i] = lm[i - 1];
            i--;
        }
        if (i < LANDMARKS)
            lm[i] = (vid_t)v;
    }
    return k;
}

/* An upper bound on d(a, b): the shortest way through a landmark (ld
 * holds each vertex's LANDMARKS distances together). */
static inline double upper(const double *ld, vid_t a, vid_t b)
{
    const double *da = ld + (size_t)a * LANDMARKS, *db = ld + (size_t)b * LANDMARKS;
    double ub = INFINITY;
    for (size_t l = 0; l < LANDMARKS; l++) {
        double via = da[l] + db[l];
        ub = via < ub ? via : ub;
    }
    return ub;
}

/* Whether a path of length ub rules out one of length len as shortest. */
static inline bool shorter(double ub, double len)
{
    return cmp_eps(1.0 + ub, 1.0 + len, EPS) < 0;
}

/* Gives each vertex with betw[v] == 0 the number of pairs of its
 * neighbours no landmark rules out. Returns false when out of memory. */
static bool fill_missed(const csr_t *g, double *betw)
{
    vid_t lm[LANDMARKS];
    size_t n_lm = landmarks(g, lm), n = g->n;
    double *ld = malloc(LANDMARKS * n * sizeof *ld);
    size_t *cand = malloc((g->start[n] ? g->start[n] : 1) * sizeof *cand);
    work_t w;

    if (!ld || !cand || !work_init(&w, g)) {
        free(ld);
        free(cand);
        return false;
    }
    for (size_t l = 0; l < LANDMARKS; l++)
        if (l < n_lm)
            distances_from(g, &w, lm[l], ld + l, LANDMARKS);
        else
            for (size_t v = 0; v < n; v++)
                ld[v * LANDMARKS + l] = INFINITY;
    for (size_t x = 0; x < n; x++) {
        size_t pairs = 0, k = 0;
        if (betw[x] != 0)
            continue;
        /* Neighbours a for which the edge a-x may be a shortest path. */
        for (size_t i = g->start[x]; i < g->start[x + 1]; i++)
            if (!shorter(upper(ld, g->adj[i], (vid_t)x), g->len[i]))
                cand[k++] = i;
        for (size_t i = 0; i < k; i++)
            for (size_t j = i + 1; j < k; j++)
                if (!shorter(upper(ld, g->adj[cand[i]], g->adj[cand[j]]),
                             g->len[cand[i]] + g->len[cand[j]]))
                    pairs++;
        betw[x] = (double)pairs;
    }
    work_free(&w);
    free(cand);
    free(ld);
    return true;
}

/* ---- the threads ---- */

/*
 * Shared by the threads of one call. Chunk c holds the sources
 * src[chunk_first(c) .. chunk_first(c + 1) - 1].
 *   next:      the next chunk to hand out.
 *   reduced:   chunks added to the result so far (in order).
 *   parked:    finished chunks waiting for their turn (NULL when none),
 *              with hparked their harmonic parts; n_parked of them.
 *   failed:    a thread ran out of memory: all stop.
 */
typedef struct {
    const csr_t *g;
    const vid_t *src;
    size_t n_src, n_chunks;
    double *betw, *harm;
    bool sampled;
    ag_i_paths_progress_fn progress;
    void *ud;

    pthread_mutex_t lock;
    pthread_cond_t turn;
    size_t next, reduced, done_sources, n_parked;
    double **parked, **hparked;
    bool failed;
} shared_t;

static size_t chunk_first(const shared_t *sh, size_t c)
{
    return c * sh->n_src / sh->n_chunks;
}

/* Adds one chunk's parts to the result. Called under the lock. */
static void add_part(shared_t *sh, const double *part, const double *hpart)
{
    size_t n = sh->g->n;
    if (sh->betw)
        for (size_t v = 0; v < n; v++)
            sh->betw[v] += part[v];
    if (hpart && sh->harm)
        for (size_t v = 0; v < n; v++)
            sh->harm[v] += hpart[v];
}

static void *worker(void *arg)
{
    shared_t *sh = arg;
    const csr_t *g = sh->g;
    size_t n = g->n ? g->n : 1;
    work_t w;

    if (!work_init(&w, g)) {
        pthread_mutex_lock(&sh->lock);
        sh->failed = true;
        pthread_cond_broadcast(&sh->turn);
        pthread_mutex_unlock(&sh->lock);
        return NULL;
    }
    for (;;) {
        size_t c;
        pthread_mutex_lock(&sh->lock);
        if (sh->failed || sh->next >= sh->n_chunks) {
            pthread_mutex_unlock(&sh->lock);
            break;
        }
        c = sh->next++;
        pthread_mutex_unlock(&sh->lock);

        if (!w.part && !(w.part = calloc(n, sizeof *w.part)))
            goto oom;
        if (sh->sampled && !w.hpart && !(w.hpart = calloc(n, sizeof *w.hpart)))
            goto oom;
        for (size_t i = chunk_first(sh, c); i < chunk_first(sh, c + 1); i++) {
            vid_t s = sh->src[i];
            double h = one_source(g, &w, s);
            /* Exact: each source owns its harmonic sum. */
            if (!sh->sampled && sh->harm)
                sh->harm[s] = h;
        }

        pthread_mutex_lock(&sh->lock);
        /* Too many results waiting for an earlier chunk: wait for it. */
        while (!sh->failed && c != sh->reduced && sh->n_parked >= MAX_PARKED)
            pthread_cond_wait(&sh->turn, &sh->lock);
        if (sh->failed) {
            pthread_mutex_unlock(&sh->lock);
            break;
        }
        if (c == sh->reduced) {
            add_part(sh, w.part, w.hpart);
            memset(w.part, 0, n * sizeof *w.part);
            if (w.hpart)
                memset(w.hpart, 0, n * sizeof *w.hpart);
            sh->reduced++;
            while (sh->reduced < sh->n_chunks && sh->parked[sh->reduced]) {
                size_t r = sh->reduced++;
                add_part(sh, sh->parked[r], sh->hparked[r]);
                free(sh->parked[r]);
                free(sh->hparked[r]);
                sh->parked[r] = sh->hparked[r] = NULL;
                sh->n_parked--;
            }
        } else {
            /* Park this chunk's parts; fresh ones for the next chunk. */
            sh->parked[c] = w.part;
            sh->hparked[c] = w.hpart;
            sh->n_parked++;
            w.part = w.hpart = NULL;
        }
        sh->done_sources += chunk_first(sh, c + 1) - chunk_first(sh, c);
        if (sh->progress)
            sh->progress(sh->ud, sh->done_sources, sh->n_src);
        pthread_cond_broadcast(&sh->turn);
        pthread_mutex_unlock(&sh->lock);
    }
    work_free(&w);
    return NULL;

oom:
    pthread_mutex_lock(&sh->lock);
    sh->failed = true;
    pthread_cond_broadcast(&sh->turn);
    pthread_mutex_unlock(&sh->lock);
    work_free(&w);
    return NULL;
}

/* ---- set-up ---- */

int ag_i_online_cpus(void)
{
    long k = sysconf(_SC_NPROCESSORS_ONLN);
    return k < 1 ? 1 : k > 1024 ? 1024 : (int)k;
}

/* Frees g's arrays and clears them, so that a second call (the error path
 * after a failed csr_build) frees nothing twice. */
static void csr_free(csr_t *g)
{
    free(g->start);
    free(g->adj);
    free(g->len);
    g->start = NULL;
    g->adj = NULL;
    g->len = NULL;
}

static bool csr_build(csr_t *g, size_t n, size_t m, const long *from, const long *to,
                      const double *len)
{
    size_t *fill;
    g->n = n;
    g->start = calloc(n + 1, sizeof *g->start);
    g->adj = malloc((m ? 2 * m : 1) * sizeof *g->adj);
    g->len = malloc((m ? 2 * m : 1) * sizeof *g->len);
    fill = malloc((n ? n : 1) * sizeof *fill);
    if (!g->start || !g->adj || !g->len || !fill) {
        free(fill);
        csr_free(g);
        return false;
    }
    for (size_t e = 0; e < m; e++) {
        g->start[from[e] + 1]++;
        g->start[to[e] + 1]++;
    }
    for (size_t v = 0; v < n; v++) {
        g->start[v + 1] += g->start[v];
        fill[v] = g->start[v];
    }
    /* In edge order for each vertex, as igraph's incidence lists. */
    for (size_t e = 0; e < m; e++) {
        size_t a = fill[from[e]]++, b = fill[to[e]]++;
        g->adj[a] = (vid_t)to[e];
        g->len[a] = len[e];
        g->adj[b] = (vid_t)from[e];
        g->len[b] = len[e];
    }
    free(fill);
    return true;
}

/* splitmix64: a small, well-mixed generator for the source sample. */
static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static int cmp_vid(const void *a, const void *b)
{
    vid_t x = *(const vid_t *)a, y = *(const vid_t *)b;
    return (x > y) - (x < y);
}

ag_status_t ag_i_paths(size_t n, size_t m, const long *from, const long *to,
                       const double *len, const ag_i_paths_opts_t *opts, double *betw,
                       double *harm, size_t *used, ag_error_t *err)
{
    ag_i_paths_opts_t o = { 0 };
    csr_t g = { 0 };
    vid_t *src = NULL;
    pthread_t *tids = NULL;
    shared_t sh;
    size_t n_src, started = 0;
    int threads;
    bool sh_ready = false;
    ag_status_t rc = AG_OK;

    memset(&sh, 0, sizeof sh);
    if (opts)
        o = *opts;
    if (used)
        *used = 0;
    if (n >= INT32_MAX || m >= (size_t)INT32_MAX / 2)
        return ag_error_set(err, AG_EUSAGE, NULL, 0,
                            "graph too large for shortest paths (%zu vertices, %zu edges)", n,
                            m);
    if (betw)
        memset(betw, 0, n * sizeof *betw);
    if (harm)
        memset(harm, 0, n * sizeof *harm);
    if (n == 0 || (!betw && !harm))
        return AG_OK;
    if (!csr_build(&g, n, m, from, to, len))
        goto oom;

    /* The sources: all, or a seeded sample in increasing order. */
    n_src = o.sample > 0 && o.sample < n ? o.sample : n;
    if (!(src = malloc(n * sizeof *src)))
        goto oom;
    for (size_t v = 0; v < n; v++)
        src[v] = (vid_t)v;
    if (n_src < n) {
        uint64_t state = o.seed;
        for (size_t i = 0; i < n_src; i++) {
            size_t j = i + (size_t)(splitmix(&state) % (n - i));
            vid_t t = src[i];
            src[i] = src[j];
            src[j] = t;
        }
        qsort(src, n_src, sizeof *src, cmp_vid);
    }

    sh.g = &g;
    sh.src = src;
    sh.n_src = n_src;
    sh.n_chunks = n_src < MAX_CHUNKS ? n_src : MAX_CHUNKS;
    sh.betw = betw;
    sh.harm = harm;
    sh.sampled = n_src < n;
    sh.progress = o.progress;
    sh.ud = o.ud;
    sh.parked = calloc(sh.n_chunks, sizeof *sh.parked);
    sh.hparked = calloc(sh.n_chunks, sizeof *sh.hparked);
    if (!sh.parked || !sh.hparked)
        goto oom;
    if (pthread_mutex_init(&sh.lock, NULL) != 0)
        goto oom;
    if (pthread_cond_init(&sh.turn, NULL) != 0) {
        pthread_mutex_destroy(&sh.lock);
        goto oom;
    }
    sh_ready = true;

    threads = o.threads > 0 ? o.threads : ag_i_online_cpus();
    if ((size_t)threads > sh.n_chunks)
        threads = (int)sh.n_chunks;
    /* The calling thread is worker 0; a thread that can't be started
     * leaves its share to the others. */
    if (threads > 1 && (tids = malloc((size_t)(threads - 1) * sizeof *tids)))
        for (int i = 1; i < threads; i++) {
            if (pthread_create(&tids[started], NULL, worker, &sh) != 0)
                break;
            started++;
        }
    worker(&sh);
    for (size_t i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    if (sh.failed)
        goto oom;

    /* Each unordered pair was counted from both ends. */
    if (betw)
        for (size_t v = 0; v < n; v++)
            betw[v] *= 0.5;
    if (sh.sampled) {
        double scale = (double)n / (double)n_src;
        for (size_t v = 0; v < n; v++) {
            if (betw)
                betw[v] *= scale;
            if (harm)
                harm[v] *= scale;
        }
        if (betw && !fill_missed(&g, betw))
            goto oom;
    }
    if (used)
        *used = n_src;
    goto done;

oom:
    rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
done:
    if (sh_ready) {
        for (size_t c = 0; c < sh.n_chunks; c++) {
            free(sh.parked[c]);
            free(sh.hparked[c]);
        }
        pthread_cond_destroy(&sh.turn);
        pthread_mutex_destroy(&sh.lock);
    }
    free(sh.parked);
    free(sh.hparked);
    free(tids);
    free(src);
    csr_free(&g);
    return rc;
}
