/*
 * frustration.c: the frustration index of the net-signed graph, exact by
 * branch and bound under a time limit (see signed.h and docs/METHODS.md,
 * "Signed measures").
 *
 * Every cycle lies inside one biconnected block, and the colourings of
 * blocks can be chosen independently (flipping a whole block keeps its
 * frustration), so the index is the sum over blocks; bridges are never
 * frustrated. Each block is searched depth first over the 2-colourings of
 * its vertices, in an order where each vertex has as many coloured
 * neighbours as possible, with the first vertex's colour fixed. A node is
 * pruned when the frustrated edges among coloured vertices, plus for each
 * uncoloured vertex the fewer frustrated edges it must have to the
 * coloured ones, reach the best found. The first bound comes from a
 * greedy colouring improved by single flips.
 */
#include "actorgraph/signed.h"

#include "actorgraph/balance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/init.h"

#define OOM(err) ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")

void ag_frustration_destroy(ag_frustration_t *f)
{
    if (!f)
        return;
    free(f->side);
    free(f->frustrated);
    memset(f, 0, sizeof *f);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * One block in local numbering, as adjacency lists.
 *   n:          vertices; adj_start[v] .. adj_start[v + 1] index adj_to
 *               (neighbour), adj_sign (+1/-1) and adj_edge (local edge).
 *   order:      the search order; pos[v] its place in it.
 *   col:        current colours (-1: not yet).
 *   c[2 v + b]: frustrated edges from v to coloured vertices if v took b.
 *   best:       the best colouring found and its frustration best_f.
 *   nodes, deadline, timed_out: the clock, checked every 4096 nodes.
 */
typedef struct {
    long n;
    long *adj_start, *adj_to, *adj_edge;
    int *adj_sign;
    long *order, *pos;
    int *col, *best;
    long *c;
    long best_f;
    unsigned long nodes;
    double deadline;
    bool timed_out;
} block_t;

/* Whether an edge of this sign is frustrated between colours a and b. */
static int frustrated(int sign, int a, int b)
{
    return sign > 0 ? a != b : a == b;
}

/* Colours v with b, updating the neighbours' counts; returns the change
 * of the bound (cost of v minus the min it was counted with, plus the
 * change of its uncoloured neighbours' mins). */
static long assign(block_t *s, long v, int b)
{
    long delta = s->c[2 * v + b] - (s->c[2 * v] < s->c[2 * v + 1] ? s->c[2 * v] : s->c[2 * v + 1]);
    s->col[v] = b;
    for (long i = s->adj_start[v]; i < s->adj_start[v + 1]; i++) {
        long w = s->adj_to[i];
        long before;
        if (s->col[w] >= 0)
            continue;
        before = s->c[2 * w] < s->c[2 * w + 1] ? s->c[2 * w] : s->c[2 * w + 1];
        s->c[2 * w] += frustrated(s->adj_sign[i], b, 0);
        s->c[2 * w + 1] += frustrated(s->adj_sign[i], b, 1);
        delta += (s->c[2 * w] < s->c[2 * w + 1] ? s->c[2 * w] : s->c[2 * w + 1]) - before;
    }
    return delta;
}

static void unassign(block_t *s, long v)
{
    int b = s->col[v];
    s->col[v] = -1;
    for (long i = s->adj_start[v]; i < s->adj_start[v + 1]; i++) {
        long w = s->adj_to[i];
        if (s->col[w] >= 0)
            continue;
        s->c[2 * w] -= frustrated(s->adj_sign[i], b, 0);
        s->c[2 * w + 1] -= frustrated(s->adj_sign[i], b, 1);
    }
}

/* Depth-first search from place k of the order; bound = frustrated edges
 * among coloured vertices + the uncoloured vertices' mins. */
static void search(block_t *s, long k, long bound)
{
    long v;
    int first;
    if (s->timed_out || bound >= s->best_f)
        return;
    if (k == s->n) {
        s->best_f = bound;
        memcpy(s->best, s->col, (size_t)s->n * sizeof *s->best);
        return;
    }
    if ((++s->nodes & 4095) == 0 && s->deadline > 0 && now() > s->deadline) {
        s->timed_out = true;
        return;
    }
    v = s->order[k];
    /* The cheaper colour first; the first vertex only takes colour 0. */
    first = s->c[2 * v + 1] < s->c[2 * v] ? 1 : 0;
    for (int t = 0; t < (k == 0 ? 1 : 2); t++) {
        int b = k == 0 ? 0 : (t == 0 ? first : 1 - first);
        long d = assign(s, v, b);
        search(s, k + 1, bound + d);
        unassign(s, v);
        if (s->timed_out)
            return;
    }
}

/* Frustrated edges of colouring col over the block. */
static long count_frustrated(const block_t *s, const int *col)
{
    long f = 0;
    for (long v = 0; v < s->n; v++)
        for (long i = s->adj_start[v]; i < s->adj_start[v + 1]; i++)
            if (s->adj_to[i] > v)
                f += frustrated(s->adj_sign[i], col[v], col[s->adj_to[i]]);
    return f;
}

/* The first upper bound: each vertex in search order takes its cheaper
 * colour, then single flips that lower the count are made until none
 * does. Leaves the colouring in s->best and its count in s->best_f. */
static void first_bound(block_t *s)
{
    bool moved = true;
    for (long k = 0; k < s->n; k++) {
        long v = s->order[k];
        assign(s, v, k == 0 ? 0 : s->c[2 * v + 1] < s->c[2 * v] ? 1 : 0);
    }
    memcpy(s->best, s->col, (size_t)s->n * sizeof *s->best);
    for (long k = s->n - 1; k >= 0; k--)
        unassign(s, s->order[k]);
    while (moved) {
        moved = false;
        for (long v = 0; v < s->n; v++) {
            long gain = 0;
            for (long i = s->adj_start[v]; i < s->adj_start[v + 1]; i++) {
                int b = s->best[s->adj_to[i]];
                gain += frustrated(s->adj_sign[i], s->best[v], b) -
                        frustrated(s->adj_sign[i], 1 - s->best[v], b);
            }
            if (gain > 0) {
                s->best[v] = 1 - s->best[v];
                moved = true;
            }
        }
    }
    s->best_f = count_frustrated(s, s->best);
}

/* The search order: the vertex of highest degree first, then always the
 * uncoloured vertex with the most neighbours already in the order (ties:
 * higher degree, then lower number). O(n^2), fine for a block. */
static void make_order(block_t *s)
{
    long *linked = calloc((size_t)s->n, sizeof *linked);
    for (long v = 0; v < s->n; v++)
        s->pos[v] = -1;
    for (long k = 0; k < s->n; k++) {
        long pick = -1;
        for (long v = 0; v < s->n; v++) {
            long dv, dp;
            if (s->pos[v] >= 0)
                continue;
            if (pick < 0) {
                pick = v;
                continue;
            }
            dv = s->adj_start[v + 1] - s->adj_start[v];
            dp = s->adj_start[pick + 1] - s->adj_start[pick];
            if ((linked ? linked[v] > linked[pick] || (linked[v] == linked[pick] && dv > dp)
                        : dv > dp))
                pick = v;
        }
        s->order[k] = pick;
        s->pos[pick] = k;
        if (linked)
            for (long i = s->adj_start[pick]; i < s->adj_start[pick + 1]; i++)
                linked[s->adj_to[i]]++;
    }
    free(linked);
}

/* A lower bound for a block whose search was cut short: a greedy packing
 * of edge-disjoint unbalanced triangles (each needs a frustrated edge of
 * its own). */
static long triangle_packing(const block_t *s, long m)
{
    bool *used = calloc((size_t)(m ? m : 1), sizeof *used);
    long found = 0;
    if (!used)
        return 0;
    for (long a = 0; a < s->n; a++)
        for (long i = s->adj_start[a]; i < s->adj_start[a + 1]; i++) {
            long b = s->adj_to[i];
            if (b <= a || used[s->adj_edge[i]])
                continue;
            for (long j = s->adj_start[a]; j < s->adj_start[a + 1] && !used[s->adj_edge[i]];
                 j++) {
                long c = s->adj_to[j];
                if (c <= b || used[s->adj_edge[j]])
                    continue;
                for (long l = s->adj_start[b]; l < s->adj_start[b + 1]; l++) {
                    if (s->adj_to[l] != c || used[s->adj_edge[l]])
                        continue;
                    if (s->adj_sign[i] * s->adj_sign[j] * s->adj_sign[l] < 0) {
                        used[s->adj_edge[i]] = used[s->adj_edge[j]] = used[s->adj_edge[l]] = true;
                        found++;
                    }
                    break;
                }
            }
        }
    free(used);
    return found;
}

/*
 * Solves one block: edges eid[0..m) of the signed graph (ends eu, ev,
 * signs es). Marks its frustrated edges in fr; adds to *f and *lb; clears
 * *exact when cut short. false when out of memory.
 */
static bool solve_block(const igraph_vector_int_t *eid, const long *eu, const long *ev,
                        const int *es, long *local, bool *fr, double deadline, size_t *f,
                        size_t *lb, bool *exact)
{
    long m = (long)igraph_vector_int_size(eid), n = 0;
    long *verts = malloc((size_t)(2 * m) * sizeof *verts);
    block_t s;
    bool ok = false;

    memset(&s, 0, sizeof s);
    if (!verts)
        return false;
    for (long i = 0; i < m; i++) {
        long e = VECTOR(*eid)[i];
        long ends[2] = { eu[e], ev[e] };
        for (int j = 0; j < 2; j++)
            if (local[ends[j]] < 0) {
                local[ends[j]] = n;
                verts[n++] = ends[j];
            }
    }
    s.n = n;
    s.adj_start = calloc((size_t)n + 1, sizeof *s.adj_start);
    s.adj_to = malloc((size_t)(2 * m) * sizeof *s.adj_to);
    s.adj_edge = malloc((size_t)(2 * m) * sizeof *s.adj_edge);
    s.adj_sign = malloc((size_t)(2 * m) * sizeof *s.adj_sign);
    s.order = malloc((size_t)n * sizeof *s.order);
    s.pos = malloc((size_t)n * sizeof *s.pos);
    s.col = malloc((size_t)n * sizeof *s.col);
    s.best = malloc((size_t)n * sizeof *s.best);
    s.c = calloc((size_t)(2 * n), sizeof *s.c);
    if (!s.adj_start || !s.adj_to || !s.adj_edge || !s.adj_sign || !s.order || !s.pos ||
        !s.col || !s.best || !s.c)
        goto done;
    for (long i = 0; i < m; i++) {
        long e = VECTOR(*eid)[i];
        s.adj_start[local[eu[e]] + 1]++;
        s.adj_start[local[ev[e]] + 1]++;
    }
    for (long v = 0; v < n; v++)
        s.adj_start[v + 1] += s.adj_start[v];
    {
        long *fill = s.pos; /* scratch until make_order */
        for (long v = 0; v < n; v++)
            fill[v] = s.adj_start[v];
        for (long i = 0; i < m; i++) {
            long e = VECTOR(*eid)[i], a = local[eu[e]], b = local[ev[e]];
            s.adj_to[fill[a]] = b;
            s.adj_edge[fill[a]] = i;
            s.adj_sign[fill[a]++] = es[e];
            s.adj_to[fill[b]] = a;
            s.adj_edge[fill[b]] = i;
            s.adj_sign[fill[b]++] = es[e];
        }
    }
    for (long v = 0; v < n; v++)
        s.col[v] = -1;
    make_order(&s);
    first_bound(&s);
    s.deadline = deadline;
    if (s.best_f > 0) {
        /* search() keeps colourings strictly better than best_f; the
         * greedy one stays in s.best otherwise. */
        int *greedy = malloc((size_t)n * sizeof *greedy);
        if (!greedy)
            goto done;
        memcpy(greedy, s.best, (size_t)n * sizeof *greedy);
        search(&s, 0, 0);
        if (count_frustrated(&s, s.best) != s.best_f)
            memcpy(s.best, greedy, (size_t)n * sizeof *greedy);
        free(greedy);
    }
    *f += (size_t)s.best_f;
    if (s.timed_out) {
        long p = triangle_packing(&s, m);
        *exact = false;
        *lb += (size_t)(p < s.best_f ? p : s.best_f);
    } else {
        *lb += (size_t)s.best_f;
    }
    for (long v = 0; v < n; v++)
        for (long i = s.adj_start[v]; i < s.adj_start[v + 1]; i++)
            if (s.adj_to[i] > v && frustrated(s.adj_sign[i], s.best[v], s.best[s.adj_to[i]]))
                fr[VECTOR(*eid)[s.adj_edge[i]]] = true;
    ok = true;
done:
    for (long v = 0; v < n; v++)
        local[verts[v]] = -1;
    free(verts);
    free(s.adj_start);
    free(s.adj_to);
    free(s.adj_edge);
    free(s.adj_sign);
    free(s.order);
    free(s.pos);
    free(s.col);
    free(s.best);
    free(s.c);
    return ok;
}

/* The sides: the signed graph with its frustrated edges flipped is
 * balanced, so a walk from each part's first vertex colours it
 * consistently. */
static bool sides(size_t n, long m, const long *eu, const long *ev, const int *es,
                  const bool *fr, int *side)
{
    long *start = calloc(n + 1, sizeof *start), *to = malloc((size_t)(2 * m + 1) * sizeof *to);
    int *sg = malloc((size_t)(2 * m + 1) * sizeof *sg);
    long *queue = malloc((n ? n : 1) * sizeof *queue), *fill = malloc((n ? n : 1) * sizeof *fill);
    bool *seen = calloc(n ? n : 1, sizeof *seen), ok = false;

    if (!start || !to || !sg || !queue || !fill || !seen)
        goto done;
    for (long e = 0; e < m; e++) {
        start[eu[e] + 1]++;
        start[ev[e] + 1]++;
    }
    for (size_t v = 0; v < n; v++) {
        start[v + 1] += start[v];
        fill[v] = start[v];
    }
    for (long e = 0; e < m; e++) {
        int s = fr[e] ? -es[e] : es[e];
        to[fill[eu[e]]] = ev[e];
        sg[fill[eu[e]]++] = s;
        to[fill[ev[e]]] = eu[e];
        sg[fill[ev[e]]++] = s;
    }
    for (size_t r = 0; r < n; r++) {
        size_t head = 0, tail = 0;
        if (seen[r])
            continue;
        seen[r] = true;
        side[r] = 0;
        queue[tail++] = (long)r;
        while (head < tail) {
            long v = queue[head++];
            for (long i = start[v]; i < start[v + 1]; i++)
                if (!seen[to[i]]) {
                    seen[to[i]] = true;
                    side[to[i]] = sg[i] > 0 ? side[v] : 1 - side[v];
                    queue[tail++] = to[i];
                }
        }
    }
    ok = true;
done:
    free(start);
    free(to);
    free(sg);
    free(queue);
    free(fill);
    free(seen);
    return ok;
}

ag_status_t ag_frustration_compute(const ag_era_graph_t *g, double time_limit,
                                   ag_frustration_t *f, ag_error_t *err)
{
    long m = 0, *eu = NULL, *ev = NULL, *dyad = NULL, *local = NULL;
    int *es = NULL;
    bool *fr = NULL;
    igraph_t sg;
    igraph_vector_int_t edges;
    igraph_vector_int_list_t comp;
    igraph_integer_t nb = 0;
    igraph_error_t ie;
    bool have_graph = false, have_comp = false;
    double deadline = time_limit > 0 ? now() + time_limit : 0;
    ag_status_t rc = AG_OK;
    size_t n1 = g->n ? g->n : 1;

    memset(f, 0, sizeof *f);
    if ((rc = ag_i_need_init(err)) != AG_OK)
        return rc;
    f->exact = true;
    f->normalised = NAN;
    eu = malloc((g->n_dyads + 1) * sizeof *eu);
    ev = malloc((g->n_dyads + 1) * sizeof *ev);
    dyad = malloc((g->n_dyads + 1) * sizeof *dyad);
    es = malloc((g->n_dyads + 1) * sizeof *es);
    fr = calloc(g->n_dyads + 1, sizeof *fr);
    local = malloc(n1 * sizeof *local);
    f->side = calloc(n1, sizeof *f->side);
    if (!eu || !ev || !dyad || !es || !fr || !local || !f->side ||
        igraph_vector_int_init(&edges, 0) != IGRAPH_SUCCESS) {
        rc = OOM(err);
        goto done;
    }
    for (size_t v = 0; v < g->n; v++)
        local[v] = -1;
    for (size_t d = 0; d < g->n_dyads; d++) {
        int s = ag_dyad_sign(&g->dyads[d]);
        if (!s)
            continue;
        eu[m] = g->dyads[d].u;
        ev[m] = g->dyads[d].v;
        es[m] = s;
        dyad[m++] = (long)d;
        if (igraph_vector_int_push_back(&edges, g->dyads[d].u) ||
            igraph_vector_int_push_back(&edges, g->dyads[d].v)) {
            igraph_vector_int_destroy(&edges);
            rc = OOM(err);
            goto done;
        }
    }
    f->edges = (size_t)m;
    ie = igraph_create(&sg, &edges, (igraph_integer_t)g->n, /* directed = */ false);
    igraph_vector_int_destroy(&edges);
    if (ie) {
        rc = ag_i_igraph_error(err, ie, "frustration");
        goto done;
    }
    have_graph = true;
    if ((ie = igraph_vector_int_list_init(&comp, 0))) {
        rc = ag_i_igraph_error(err, ie, "frustration");
        goto done;
    }
    have_comp = true;
    if ((ie = igraph_biconnected_components(&sg, &nb, NULL, &comp, NULL, NULL))) {
        rc = ag_i_igraph_error(err, ie, "biconnected components");
        goto done;
    }
    for (igraph_integer_t b = 0; b < nb; b++) {
        const igraph_vector_int_t *eid = igraph_vector_int_list_get_ptr(&comp, b);
        /* A bridge is in no cycle, and a block of two edges can't be. */
        if (igraph_vector_int_size(eid) < 3)
            continue;
        if (!solve_block(eid, eu, ev, es, local, fr, deadline, &f->frustration,
                         &f->lower_bound, &f->exact)) {
            rc = OOM(err);
            goto done;
        }
    }
    if (!sides(g->n, m, eu, ev, es, fr, f->side)) {
        rc = OOM(err);
        goto done;
    }
    if (!(f->frustrated = malloc((f->frustration ? f->frustration : 1) * sizeof *f->frustrated))) {
        rc = OOM(err);
        goto done;
    }
    for (long e = 0; e < m; e++)
        if (fr[e])
            f->frustrated[f->n_frustrated++] = dyad[e];
    if (m > 0)
        f->normalised = 1 - (double)f->frustration / ((double)m / 2);
done:
    if (have_comp)
        igraph_vector_int_list_destroy(&comp);
    if (have_graph)
        igraph_destroy(&sg);
    free(eu);
    free(ev);
    free(dyad);
    free(es);
    free(fr);
    free(local);
    if (rc != AG_OK)
        ag_frustration_destroy(f);
    return rc;
}
