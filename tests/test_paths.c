/*
 * test_paths.c: betweenness and harmonic closeness from the fused,
 * threaded shortest-path pass (src/analysis/paths.c), against igraph's
 * igraph_betweenness and igraph_harmonic_centrality to 1e-9 relative, on
 * hand-made graphs, on graphs built to break tie handling (many equal
 * paths, lengths such as 0.1 + 0.2 against 0.3, parts that are not
 * connected, isolated vertices) and on seeded random graphs; and the same
 * bytes whatever the number of threads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/paths.h"

/* An undirected graph as the edge lists ag_i_paths takes. */
typedef struct {
    size_t n, m, cap;
    long *from, *to;
    double *len;
} graph_t;

static void g_init(graph_t *g, size_t n)
{
    memset(g, 0, sizeof *g);
    g->n = n;
}

static void g_add(graph_t *g, long a, long b, double len)
{
    if (g->m == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 16;
        g->from = realloc(g->from, g->cap * sizeof *g->from);
        g->to = realloc(g->to, g->cap * sizeof *g->to);
        g->len = realloc(g->len, g->cap * sizeof *g->len);
        assert_non_null(g->from);
        assert_non_null(g->to);
        assert_non_null(g->len);
    }
    g->from[g->m] = a;
    g->to[g->m] = b;
    g->len[g->m] = len;
    g->m++;
}

static void g_free(graph_t *g)
{
    free(g->from);
    free(g->to);
    free(g->len);
}

/* Runs the pass with the given threads and sample; betw and harm get n
 * values each (caller frees). Returns the sources used. */
static size_t run(const graph_t *g, int threads, size_t sample, double **betw, double **harm)
{
    ag_i_paths_opts_t o = { 0 };
    ag_error_t err;
    size_t used = 0;
    *betw = calloc(g->n ? g->n : 1, sizeof **betw);
    *harm = calloc(g->n ? g->n : 1, sizeof **harm);
    assert_non_null(*betw);
    assert_non_null(*harm);
    o.threads = threads;
    o.sample = sample;
    o.seed = 20141120;
    assert_int_equal(ag_i_paths(g->n, g->m, g->from, g->to, g->len, &o, *betw, *harm, &used,
                                &err),
                     AG_OK);
    return used;
}

static void close_to(const char *what, size_t v, double got, double want)
{
    if (fabs(got - want) > 1e-9 * fabs(want) + 1e-300) {
        print_error("%s of %zu: got %.17g, igraph %.17g\n", what, v, got, want);
        fail();
    }
}

/* The pass against igraph on g, with 1, 2 and 3 threads (byte-identical
 * to each other). */
static void check_against_igraph(const graph_t *g)
{
    igraph_t ig;
    igraph_vector_int_t edges;
    igraph_vector_t w, res;
    double *b1, *h1, *b2, *h2, *b3, *h3;

    assert_int_equal(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * g->m)), 0);
    assert_int_equal(igraph_vector_init(&w, (igraph_integer_t)g->m), 0);
    assert_int_equal(igraph_vector_init(&res, 0), 0);
    for (size_t e = 0; e < g->m; e++) {
        VECTOR(edges)[2 * e] = g->from[e];
        VECTOR(edges)[2 * e + 1] = g->to[e];
        VECTOR(w)[e] = g->len[e];
    }
    assert_int_equal(igraph_create(&ig, &edges, (igraph_integer_t)g->n, /* directed = */ false),
                     0);

    assert_int_equal(run(g, 1, 0, &b1, &h1), g->n);
    run(g, 2, 0, &b2, &h2);
    run(g, 3, 0, &b3, &h3);
    assert_memory_equal(b1, b2, g->n * sizeof *b1);
    assert_memory_equal(h1, h2, g->n * sizeof *h1);
    assert_memory_equal(b1, b3, g->n * sizeof *b1);
    assert_memory_equal(h1, h3, g->n * sizeof *h1);

    assert_int_equal(igraph_betweenness(&ig, &res, igraph_vss_all(), /* directed = */ false, &w),
                     0);
    for (size_t v = 0; v < g->n; v++)
        close_to("betweenness", v, b1[v], VECTOR(res)[v]);
    assert_int_equal(igraph_harmonic_centrality(&ig, &res, igraph_vss_all(), IGRAPH_ALL, &w,
                                                /* normalized = */ false),
                     0);
    for (size_t v = 0; v < g->n; v++)
        close_to("harmonic", v, h1[v], VECTOR(res)[v]);

    free(b1);
    free(h1);
    free(b2);
    free(h2);
    free(b3);
    free(h3);
    igraph_destroy(&ig);
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&edges);
}

/* splitmix64, for seeded random graphs. */
static uint64_t rnd(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* G(n, p) with lengths 1/W, W drawn from weights[0..nw-1]; no loops and
 * no parallel edges, as dyad graphs. */
static void random_graph(graph_t *g, size_t n, double p, const double *weights, size_t nw,
                         uint64_t seed)
{
    g_init(g, n);
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++)
            if ((double)(rnd(&seed) >> 11) / 9007199254740992.0 < p)
                g_add(g, (long)a, (long)b, 1.0 / weights[rnd(&seed) % nw]);
}

/* ---- hand-computed ---- */

/* A path a-b-c-d of unit lengths: b lies on a-c and a-d, c on a-d and
 * b-d; harmonic of a = 1 + 1/2 + 1/3. */
static void test_path(void **state)
{
    graph_t g;
    double *b, *h;
    (void)state;
    g_init(&g, 4);
    g_add(&g, 0, 1, 1);
    g_add(&g, 1, 2, 1);
    g_add(&g, 2, 3, 1);
    run(&g, 2, 0, &b, &h);
    assert_true(b[0] == 0 && b[1] == 2 && b[2] == 2 && b[3] == 0);
    close_to("harmonic", 0, h[0], 1 + 1.0 / 2 + 1.0 / 3);
    close_to("harmonic", 1, h[1], 1 + 1 + 1.0 / 2);
    free(b);
    free(h);
    g_free(&g);
}

/* 0.1 + 0.2 and 0.3 differ in the last bit of a double but are the same
 * length: a square 0-1-2 / 0-3-2 whose two routes are 0.1 + 0.2 and
 * 0.15 + 0.15, and a direct tie 0-2 of 0.3: three shortest 0-2 paths, so
 * 1 and 3 each get 1/3. */
static void test_rounding_ties(void **state)
{
    graph_t g;
    double *b, *h;
    (void)state;
    g_init(&g, 4);
    g_add(&g, 0, 1, 0.1);
    g_add(&g, 1, 2, 0.2);
    g_add(&g, 0, 3, 0.15);
    g_add(&g, 3, 2, 0.15);
    g_add(&g, 0, 2, 0.3);
    run(&g, 1, 0, &b, &h);
    close_to("betweenness", 1, b[1], 1.0 / 3);
    close_to("betweenness", 3, b[3], 1.0 / 3);
    free(b);
    free(h);
    check_against_igraph(&g);
    g_free(&g);
}

/* ---- adversarial ---- */

/* A 9 x 9 grid of unit lengths: up to C(16, 8) = 12,870 shortest paths
 * between opposite corners. */
static void test_grid(void **state)
{
    graph_t g;
    (void)state;
    g_init(&g, 81);
    for (long r = 0; r < 9; r++)
        for (long c = 0; c < 9; c++) {
            if (c < 8)
                g_add(&g, r * 9 + c, r * 9 + c + 1, 1);
            if (r < 8)
                g_add(&g, r * 9 + c, (r + 1) * 9 + c, 1);
        }
    check_against_igraph(&g);
    g_free(&g);
}

/* Lengths that add up to the same value only within rounding: thirds,
 * tenths and fifths on a ladder, so that most pairs have several paths
 * whose floating-point sums differ in the last bits. */
static void test_ladder_of_rounding(void **state)
{
    graph_t g;
    static const double lens[] = { 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.7, 0.15 };
    (void)state;
    g_init(&g, 60);
    for (long k = 0; k < 29; k++) {
        g_add(&g, 2 * k, 2 * k + 2, lens[k % 7]);
        g_add(&g, 2 * k + 1, 2 * k + 3, lens[(k + 3) % 7]);
        g_add(&g, 2 * k, 2 * k + 3, lens[(k + 1) % 7] + lens[(k + 2) % 7]);
        g_add(&g, 2 * k, 2 * k + 1, lens[(k + 5) % 7]);
    }
    check_against_igraph(&g);
    g_free(&g);
}

/* Two components, a pair and isolated vertices: unreachable pairs add 0
 * to both measures. */
static void test_disconnected(void **state)
{
    graph_t g;
    (void)state;
    g_init(&g, 12);
    /* a star 0..4 around 0 */
    for (long v = 1; v < 5; v++)
        g_add(&g, 0, v, 1.0 / (double)v);
    /* a cycle 5..9 */
    for (long v = 5; v < 10; v++)
        g_add(&g, v, v == 9 ? 5 : v + 1, 0.5);
    /* 10 and 11 isolated */
    check_against_igraph(&g);
    g_free(&g);
}

static void test_empty(void **state)
{
    graph_t g;
    double *b, *h;
    (void)state;
    g_init(&g, 3);
    assert_int_equal(run(&g, 2, 0, &b, &h), 3);
    for (int v = 0; v < 3; v++)
        assert_true(b[v] == 0 && h[v] == 0);
    free(b);
    free(h);
    check_against_igraph(&g);
    g_free(&g);
}

/* ---- random ---- */

static void test_random(void **state)
{
    static const double integer[] = { 1, 2, 3 }, fraction[] = { 1, 2, 3, 5, 0.5, 1.5, 10 };
    static const double one[] = { 1 };
    (void)state;
    for (uint64_t seed = 1; seed <= 12; seed++) {
        graph_t g;
        size_t n = 20 + (size_t)(seed * 17 % 130);
        double p = seed % 3 == 0 ? 0.02 : seed % 3 == 1 ? 0.06 : 0.2;
        if (seed % 3 == 0)
            random_graph(&g, n, p, one, 1, seed);
        else if (seed % 3 == 1)
            random_graph(&g, n, p, integer, 3, seed);
        else
            random_graph(&g, n, p, fraction, 7, seed);
        check_against_igraph(&g);
        g_free(&g);
    }
}

/* ---- sampling ---- */

static void test_sample(void **state)
{
    static const double w[] = { 1, 2, 3 };
    graph_t g;
    double *b1, *h1, *b2, *h2, *be, *he;
    double sb = 0, sbe = 0;
    (void)state;
    random_graph(&g, 300, 0.03, w, 3, 99);
    /* a sample of all the vertices is exact */
    run(&g, 2, 300, &b1, &h1);
    run(&g, 2, 0, &be, &he);
    assert_memory_equal(b1, be, g.n * sizeof *b1);
    assert_memory_equal(h1, he, g.n * sizeof *h1);
    free(b1);
    free(h1);
    /* 100 sources: the same bytes for any number of threads */
    assert_int_equal(run(&g, 1, 100, &b1, &h1), 100);
    run(&g, 2, 100, &b2, &h2);
    assert_memory_equal(b1, b2, g.n * sizeof *b1);
    assert_memory_equal(h1, h2, g.n * sizeof *h1);
    /* scaled: the totals estimate the exact ones (betweenness sums the
     * pairs' interior lengths: within 20% on this graph) */
    for (size_t v = 0; v < g.n; v++) {
        sb += b1[v];
        sbe += be[v];
    }
    assert_true(fabs(sb - sbe) < 0.2 * sbe);
    free(b1);
    free(h1);
    free(b2);
    free(h2);
    free(be);
    free(he);
    g_free(&g);
}

/* No vertex that lies on a shortest path shows 0 in a sample; and where
 * every vertex is a landmark (n <= 16), none that lies on none shows more.
 * A hub with ten spokes of length 1, and x joined to spokes a and b by
 * 0.9 each: a-x-b (1.8) beats a-hub-b (2), so x lies on one shortest path
 * (betweenness 1) that only a sample holding a, b or x would walk. */
static void test_sample_support(void **state)
{
    graph_t g;
    double *b, *h, *be, *he;
    (void)state;
    g_init(&g, 12);
    for (long leaf = 1; leaf <= 10; leaf++)
        g_add(&g, 0, leaf, 1);
    g_add(&g, 11, 1, 0.9);
    g_add(&g, 11, 2, 0.9);
    run(&g, 1, 0, &be, &he);
    close_to("exact betweenness of x", 11, be[11], 1);
    for (size_t k = 1; k < g.n; k++) {
        run(&g, 2, k, &b, &h);
        for (size_t v = 0; v < g.n; v++) {
            if (be[v] > 0 && !(b[v] > 0)) {
                print_error("sample %zu: vertex %zu shows 0 (exact %g)\n", k, v, be[v]);
                fail();
            }
            if (be[v] == 0 && b[v] != 0) {
                print_error("sample %zu: vertex %zu shows %g (exact 0)\n", k, v, b[v]);
                fail();
            }
        }
        free(b);
        free(h);
    }
    free(be);
    free(he);
    g_free(&g);
}

/* The same first half on the random graphs: a positive vertex is never
 * estimated at 0, whatever the sample. */
static void test_sample_no_missed(void **state)
{
    static const double w[] = { 1, 2, 3, 5, 0.5 };
    (void)state;
    for (uint64_t seed = 1; seed <= 6; seed++) {
        graph_t g;
        double *b, *h, *be, *he;
        random_graph(&g, 60 + 20 * seed, 0.04, w, 5, seed);
        run(&g, 1, 0, &be, &he);
        run(&g, 2, g.n / 8, &b, &h);
        for (size_t v = 0; v < g.n; v++)
            if (be[v] > 0 && !(b[v] > 0)) {
                print_error("seed %llu: vertex %zu shows 0 (exact %g)\n",
                            (unsigned long long)seed, v, be[v]);
                fail();
            }
        free(b);
        free(h);
        free(be);
        free(he);
        g_free(&g);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path),         cmocka_unit_test(test_rounding_ties),
        cmocka_unit_test(test_grid),         cmocka_unit_test(test_ladder_of_rounding),
        cmocka_unit_test(test_disconnected), cmocka_unit_test(test_empty),
        cmocka_unit_test(test_random),       cmocka_unit_test(test_sample),
        cmocka_unit_test(test_sample_support), cmocka_unit_test(test_sample_no_missed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
