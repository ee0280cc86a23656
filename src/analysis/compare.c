/*
 * compare.c: one era against another: actors matched by lineage, ranks and
 * rank correlations, dyads kept, flipped, gained and lost, the summaries
 * side by side (see compare.h and docs/METHODS.md, "Comparing eras"). The
 * comparison's pages are in src/pages/compare_page.c.
 */
#include "actorgraph/compare.h"
#include "actorgraph/rankcorr.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

#define OOM(err) ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")

const char *ag_match_name(ag_match_t m)
{
    static const char *const names[] = { "same", "lineage", "leaving", "entering" };
    return (unsigned)m < 4 ? names[m] : "?";
}

const char *ag_change_name(ag_change_t c)
{
    static const char *const names[] = { "flipped", "gained", "lost", "kept" };
    return (unsigned)c < AG_CHANGE_COUNT ? names[c] : "?";
}

int ag_cmp_part_parse(const char *s)
{
    static const char *const names[] = { "all", "summary", "correlations", "actors", "dyads",
                                         "relations" };
    for (int i = 0; i < 6; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

char *ag_cmp_actor_label(const ag_compare_t *c, const ag_cmp_actor_t *a, char *buf, size_t n)
{
    const ag_actor_t *act = c->ds->actors;
    if (a->match == AG_MATCH_LINEAGE)
        snprintf(buf, n, "%s (%s)", act[a->actor_b].id, act[a->actor_a].id);
    else
        snprintf(buf, n, "%s", act[a->key].id);
    return buf;
}

/* ---- rank correlations ---- */

/* Indices by the values they point to (qsort_r's argument: the values). */
static int cmp_by_value(const void *a, const void *b, void *values)
{
    const double *v = values;
    double x = v[*(const size_t *)a], y = v[*(const size_t *)b];
    return (x > y) - (x < y);
}

/* Average ranks (1-based, ascending; ties share the mean of their ranks). */
static bool average_ranks(const double *v, size_t n, double *rank)
{
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    if (!idx)
        return false;
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    qsort_r(idx, n, sizeof *idx, cmp_by_value, (void *)v);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && v[idx[j + 1]] == v[idx[i]])
            j++;
        for (size_t k = i; k <= j; k++)
            rank[idx[k]] = (double)(i + j) / 2.0 + 1.0;
        i = j + 1;
    }
    free(idx);
    return true;
}

double ag_spearman(const double *x, const double *y, size_t n)
{
    double *rx, *ry, mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0, r = NAN;
    if (n < 2)
        return NAN;
    rx = malloc(n * sizeof *rx);
    ry = malloc(n * sizeof *ry);
    if (!rx || !ry || !average_ranks(x, n, rx) || !average_ranks(y, n, ry))
        goto done;
    for (size_t i = 0; i < n; i++) {
        mx += rx[i];
        my += ry[i];
    }
    mx /= (double)n;
    my /= (double)n;
    for (size_t i = 0; i < n; i++) {
        sxy += (rx[i] - mx) * (ry[i] - my);
        sxx += (rx[i] - mx) * (rx[i] - mx);
        syy += (ry[i] - my) * (ry[i] - my);
    }
    if (sxx > 0 && syy > 0)
        r = sxy / sqrt(sxx * syy);
done:
    free(rx);
    free(ry);
    return r;
}

double ag_kendall_tau_b(const double *x, const double *y, size_t n)
{
    /* Counts are whole numbers below 2^53 for any n that fits in memory
     * here, so doubles hold them exactly. */
    double con = 0, dis = 0, tx = 0, ty = 0, pairs, den;
    if (n < 2)
        return NAN;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            int dx = (x[i] > x[j]) - (x[i] < x[j]);
            int dy = (y[i] > y[j]) - (y[i] < y[j]);
            if (!dx)
                tx++;
            if (!dy)
                ty++;
            if (dx && dy) {
                if (dx == dy)
                    con++;
                else
                    dis++;
            }
        }
    pairs = (double)n * (double)(n - 1) / 2.0;
    den = (pairs - tx) * (pairs - ty);
    if (den <= 0)
        return NAN;
    return (con - dis) / sqrt(den);
}

/* ---- matching ---- */

/* Rows are ordered by label: compared piecewise, as the label would be
 * (qsort_r's argument: the dataset). */
static int cmp_row_label(const void *a, const void *b, void *ds)
{
    const ag_cmp_actor_t *x = a, *y = b;
    const ag_actor_t *act = ((const ag_dataset_t *)ds)->actors;
    int c = strcmp(act[x->key].id, act[y->key].id);
    if (c)
        return c;
    /* "RUS" before "RUS (SUN)". */
    if ((x->match == AG_MATCH_LINEAGE) != (y->match == AG_MATCH_LINEAGE))
        return x->match == AG_MATCH_LINEAGE ? 1 : -1;
    if (x->match == AG_MATCH_LINEAGE)
        return strcmp(act[x->actor_a].id, act[y->actor_a].id);
    return (x->match > y->match) - (x->match < y->match);
}

/* A vertex of one era with what matching needs. */
typedef struct {
    long root;  /* lineage root of its actor */
    long v;     /* vertex */
    long rels;  /* its relations in the slice */
    long depth; /* steps from the lineage root */
} member_t;

/* By lineage, principal member first: most relations, then the later in
 * the lineage, then actor id. */
static int cmp_member(const void *a, const void *b)
{
    const member_t *x = a, *y = b;
    if (x->root != y->root)
        return x->root < y->root ? -1 : 1;
    if (x->rels != y->rels)
        return x->rels > y->rels ? -1 : 1;
    if (x->depth != y->depth)
        return x->depth > y->depth ? -1 : 1;
    return (x->v > y->v) - (x->v < y->v);
}

static long lineage_depth(const ag_dataset_t *ds, long actor)
{
    long d = 0;
    for (size_t steps = 0; steps < ds->n_actors && ds->actors[actor].continues >= 0; steps++) {
        actor = ds->actors[actor].continues;
        d++;
    }
    return d;
}

/* The vertices of g as members, grouped by lineage, principal first. */
static member_t *members(const ag_era_graph_t *g)
{
    const ag_dataset_t *ds = g->ds;
    member_t *m = malloc((g->n ? g->n : 1) * sizeof *m);
    if (!m)
        return NULL;
    for (size_t v = 0; v < g->n; v++) {
        m[v].root = ag_dataset_lineage_root(ds, g->actor[v]);
        m[v].v = (long)v;
        m[v].rels = 0;
        m[v].depth = lineage_depth(ds, g->actor[v]);
    }
    for (size_t k = 0; k < g->n_rels; k++) {
        const ag_relation_t *r = &ds->relations[g->rels[k]];
        m[g->vertex_of[ag_rollup(ds, g->opts.level, r->source)]].rels++;
        m[g->vertex_of[ag_rollup(ds, g->opts.level, r->target)]].rels++;
    }
    qsort(m, g->n, sizeof *m, cmp_member);
    return m;
}

static void add_row(ag_compare_t *c, long va, long vb)
{
    long a = va >= 0 ? c->ga.actor[va] : -1, b = vb >= 0 ? c->gb.actor[vb] : -1;
    ag_cmp_actor_t *r = &c->actors[c->n_actors++];
    r->va = va;
    r->vb = vb;
    r->actor_a = a;
    r->actor_b = b;
    r->key = b >= 0 ? b : a;
    r->match = a < 0 ? AG_MATCH_ENTERING : b < 0 ? AG_MATCH_LEAVING
             : a == b ? AG_MATCH_SAME : AG_MATCH_LINEAGE;
}

/* Counts the rows of each match, and marks the leaving and entering rows
 * whose lineage has a row present in both eras. */
static void mark_kin(ag_compare_t *c)
{
    const ag_dataset_t *ds = c->ds;
    for (size_t r = 0; r < c->n_actors; r++) {
        ag_cmp_actor_t *a = &c->actors[r];
        long root;
        a->unmatched_kin = false;
        c->n_match[a->match]++;
        if (a->match != AG_MATCH_LEAVING && a->match != AG_MATCH_ENTERING)
            continue;
        root = ag_dataset_lineage_root(ds, a->key);
        for (size_t q = 0; q < c->n_actors && !a->unmatched_kin; q++)
            a->unmatched_kin = c->actors[q].actor_a >= 0 && c->actors[q].actor_b >= 0 &&
                               ag_dataset_lineage_root(ds, c->actors[q].key) == root;
    }
}

/*
 * Matching (docs/METHODS.md, "Comparing eras"):
 *   1. for each lineage present in both eras whose principal actors (most
 *      relations in the era's slice; ties: the later in the lineage, then
 *      actor id) differ, and one of them is absent from the other era, the
 *      principals are matched: SUN of the Cold War with RUS after 2001,
 *      even when RUS also has a relation on the Cold War's last day;
 *   2. then the same actor in both eras;
 *   3. then, per lineage, the one actor left in each era, if one each;
 *   4. the rest leave (only in A) or enter (only in B).
 */
static ag_status_t match_actors(ag_compare_t *c, ag_error_t *err)
{
    const ag_era_graph_t *ga = &c->ga, *gb = &c->gb;
    bool *used_a = calloc(ga->n ? ga->n : 1, sizeof *used_a);
    bool *used_b = calloc(gb->n ? gb->n : 1, sizeof *used_b);
    member_t *ma = members(ga), *mb = members(gb);
    ag_status_t rc = AG_OK;

    c->actors = malloc((ga->n + gb->n + 1) * sizeof *c->actors);
    if (!used_a || !used_b || !ma || !mb || !c->actors) {
        rc = OOM(err);
        goto done;
    }
    for (int step = 1; step <= 3; step++) {
        if (step == 2) {
            for (size_t va = 0; va < ga->n; va++) {
                long vb = gb->vertex_of[ga->actor[va]];
                if (used_a[va] || vb < 0 || used_b[vb])
                    continue;
                add_row(c, (long)va, vb);
                used_a[va] = used_b[vb] = true;
            }
            continue;
        }
        for (size_t i = 0, j = 0; i < ga->n && j < gb->n;) {
            size_t ie = i, je = j, ka = 0, kb = 0;
            long pa = -1, pb = -1;
            if (ma[i].root != mb[j].root) {
                if (ma[i].root < mb[j].root)
                    i++;
                else
                    j++;
                continue;
            }
            for (; ie < ga->n && ma[ie].root == ma[i].root; ie++)
                if (!used_a[ma[ie].v] && ka++ == 0)
                    pa = ma[ie].v;
            for (; je < gb->n && mb[je].root == mb[j].root; je++)
                if (!used_b[mb[je].v] && kb++ == 0)
                    pb = mb[je].v;
            /* Step 1 takes the principals (nothing is used yet) when one
             * of them is gone from the other era; step 3 a lone actor on
             * each side. */
            if (pa >= 0 && pb >= 0 &&
                (step == 1 ? ga->actor[pa] != gb->actor[pb] &&
                                 (gb->vertex_of[ga->actor[pa]] < 0 ||
                                  ga->vertex_of[gb->actor[pb]] < 0)
                           : ka == 1 && kb == 1)) {
                add_row(c, pa, pb);
                used_a[pa] = used_b[pb] = true;
            }
            i = ie;
            j = je;
        }
    }
    for (size_t va = 0; va < ga->n; va++)
        if (!used_a[va])
            add_row(c, (long)va, -1);
    for (size_t vb = 0; vb < gb->n; vb++)
        if (!used_b[vb])
            add_row(c, -1, (long)vb);
    qsort_r(c->actors, c->n_actors, sizeof *c->actors, cmp_row_label, (void *)c->ds);
    mark_kin(c);
done:
    free(used_a);
    free(used_b);
    free(ma);
    free(mb);
    return rc;
}

/* A dyad of one era, by rows. */
typedef struct {
    long r1, r2, dyad;
} rowpair_t;

static int cmp_rowpair(const void *a, const void *b)
{
    const rowpair_t *x = a, *y = b;
    if (x->r1 != y->r1)
        return x->r1 < y->r1 ? -1 : 1;
    return (x->r2 > y->r2) - (x->r2 < y->r2);
}

static int cmp_cmp_dyad(const void *a, const void *b)
{
    const ag_cmp_dyad_t *x = a, *y = b;
    if (x->change != y->change)
        return x->change < y->change ? -1 : 1;
    if (x->r1 != y->r1)
        return x->r1 < y->r1 ? -1 : 1;
    return (x->r2 > y->r2) - (x->r2 < y->r2);
}

/* The edges of g as row pairs, sorted; row_of maps g's vertices to rows. */
static rowpair_t *row_pairs(const ag_era_graph_t *g, const long *row_of, size_t *n)
{
    rowpair_t *p = malloc((g->n_dyads ? g->n_dyads : 1) * sizeof *p);
    *n = 0;
    if (!p)
        return NULL;
    for (size_t d = 0; d < g->n_dyads; d++) {
        long r1 = row_of[g->dyads[d].u], r2 = row_of[g->dyads[d].v];
        if (g->dyads[d].edge < 0)
            continue;
        p[(*n)++] = (rowpair_t){ r1 < r2 ? r1 : r2, r1 < r2 ? r2 : r1, (long)d };
    }
    qsort(p, *n, sizeof *p, cmp_rowpair);
    return p;
}

static ag_status_t match_dyads(ag_compare_t *c, ag_error_t *err)
{
    long *row_a = malloc((c->ga.n ? c->ga.n : 1) * sizeof *row_a);
    long *row_b = malloc((c->gb.n ? c->gb.n : 1) * sizeof *row_b);
    rowpair_t *pa = NULL, *pb = NULL;
    size_t na = 0, nb = 0, i = 0, j = 0;
    ag_status_t rc = AG_OK;

    if (!row_a || !row_b)
        goto oom;
    for (size_t r = 0; r < c->n_actors; r++) {
        if (c->actors[r].va >= 0)
            row_a[c->actors[r].va] = (long)r;
        if (c->actors[r].vb >= 0)
            row_b[c->actors[r].vb] = (long)r;
    }
    if (!(pa = row_pairs(&c->ga, row_a, &na)) || !(pb = row_pairs(&c->gb, row_b, &nb)))
        goto oom;
    c->dyads = malloc((na + nb + 1) * sizeof *c->dyads);
    if (!c->dyads)
        goto oom;
    while (i < na || j < nb) {
        int k = i == na ? 1 : j == nb ? -1 : cmp_rowpair(&pa[i], &pb[j]);
        ag_cmp_dyad_t *y = &c->dyads[c->n_dyads++];
        y->r1 = k <= 0 ? pa[i].r1 : pb[j].r1;
        y->r2 = k <= 0 ? pa[i].r2 : pb[j].r2;
        y->da = k <= 0 ? pa[i++].dyad : -1;
        y->db = k >= 0 ? pb[j++].dyad : -1;
        y->sign_a = y->da >= 0 ? ag_dyad_sign(&c->ga.dyads[y->da]) : 0;
        y->sign_b = y->db >= 0 ? ag_dyad_sign(&c->gb.dyads[y->db]) : 0;
        y->change = y->da < 0 ? AG_CHANGE_GAINED : y->db < 0 ? AG_CHANGE_LOST
                  : y->sign_a != y->sign_b ? AG_CHANGE_FLIPPED : AG_CHANGE_KEPT;
        c->changes[y->change]++;
    }
    qsort(c->dyads, c->n_dyads, sizeof *c->dyads, cmp_cmp_dyad);
    goto done;
oom:
    rc = OOM(err);
done:
    free(row_a);
    free(row_b);
    free(pa);
    free(pb);
    return rc;
}

/* A value as printed ("%.10g"), so that values that print alike tie in the
 * rank correlations as they do in the ranks. */
static double printed(double v)
{
    char buf[32];
    ag_format_number(v, buf);
    return *buf ? strtod(buf, NULL) : NAN;
}

static ag_status_t correlations(ag_compare_t *c, ag_error_t *err)
{
    double *x = malloc((c->n_actors + 1) * sizeof *x);
    double *y = malloc((c->n_actors + 1) * sizeof *y);
    if (!x || !y) {
        free(x);
        free(y);
        return OOM(err);
    }
    for (int m = 0; m < AG_M_COUNT; m++) {
        size_t n = 0;
        if (!(c->opts.metrics & 1u << m))
            continue;
        for (size_t r = 0; r < c->n_actors; r++) {
            const ag_cmp_actor_t *a = &c->actors[r];
            if (a->va < 0 || a->vb < 0)
                continue;
            x[n] = printed(c->ma.value[m][a->va]);
            y[n++] = printed(c->mb.value[m][a->vb]);
        }
        c->corr[m].n = n;
        c->corr[m].spearman = ag_spearman(x, y, n);
        c->corr[m].kendall = ag_kendall_tau_b(x, y, n);
        c->corr[m].spearman_p = ag_spearman_p(x, y, n);
    }
    free(x);
    free(y);
    return AG_OK;
}

void ag_compare_destroy(ag_compare_t *c)
{
    if (!c)
        return;
    for (int m = 0; m < AG_M_COUNT; m++) {
        free(c->rank_a[m]);
        free(c->rank_b[m]);
    }
    ag_metrics_destroy(&c->ma);
    ag_metrics_destroy(&c->mb);
    ag_summary_destroy(&c->sa);
    ag_summary_destroy(&c->sb);
    ag_balance_destroy(&c->ba);
    ag_frustration_destroy(&c->fa);
    ag_frustration_destroy(&c->fb);
    ag_balance_destroy(&c->bb);
    ag_era_graph_destroy(&c->ga);
    ag_era_graph_destroy(&c->gb);
    free(c->actors);
    free(c->dyads);
    memset(c, 0, sizeof *c);
}

/* Slices, measures and ranks one era. */
static ag_status_t one_era(const ag_compare_t *c, long era, ag_era_graph_t *g, ag_metrics_t *m,
                           long **rank, ag_summary_t *s, ag_balance_t *b, ag_error_t *err)
{
    const ag_era_t *e = &c->ds->eras[era];
    ag_slice_opts_t so;
    ag_status_t rc;
    ag_slice_opts_default(&so);
    so.first = e->period.first;
    so.last = e->period.last;
    so.level = c->opts.level;
    so.ties = c->opts.ties;
    so.types = c->opts.types;
    so.dates = c->opts.dates;
    if ((rc = ag_era_graph_init(g, c->ds, &so, err)) != AG_OK ||
        (rc = ag_metrics_compute(g, c->opts.metrics, m, err)) != AG_OK ||
        (rc = ag_summary_compute(g, s, err)) != AG_OK ||
        (rc = ag_balance_compute(g, b, err)) != AG_OK)
        return rc;
    for (int k = 0; k < AG_M_COUNT; k++) {
        if (!(c->opts.metrics & 1u << k))
            continue;
        if (!(rank[k] = malloc((g->n ? g->n : 1) * sizeof *rank[k])))
            return OOM(err);
        if ((rc = ag_rank(m->value[k], g->n, rank[k], err)) != AG_OK)
            return rc;
    }
    return AG_OK;
}

/* Frustration, walk balance and the number of state-level blocs of both
 * eras. */
static ag_status_t signed_figures(ag_compare_t *c, ag_error_t *err)
{
    ag_summary_t s;
    ag_status_t rc;
    if ((rc = ag_frustration_compute(&c->ga, AG_FRUSTRATION_SECONDS, &c->fa, err)) != AG_OK ||
        (rc = ag_frustration_compute(&c->gb, AG_FRUSTRATION_SECONDS, &c->fb, err)) != AG_OK ||
        (rc = ag_walk_balance(&c->ga, &c->walk_a, err)) != AG_OK ||
        (rc = ag_walk_balance(&c->gb, &c->walk_b, err)) != AG_OK)
        return rc;
    if ((rc = ag_summary_compute_blocs(&c->ga, AG_LEVEL_STATE, &s, err)) != AG_OK)
        return rc;
    c->state_blocs_a = s.communities;
    ag_summary_destroy(&s);
    if ((rc = ag_summary_compute_blocs(&c->gb, AG_LEVEL_STATE, &s, err)) != AG_OK)
        return rc;
    c->state_blocs_b = s.communities;
    ag_summary_destroy(&s);
    return AG_OK;
}

ag_status_t ag_compare_init(ag_compare_t *c, const ag_dataset_t *ds, long era_a, long era_b,
                            const ag_compare_opts_t *opts, ag_error_t *err)
{
    ag_status_t rc;
    memset(c, 0, sizeof *c);
    c->ds = ds;
    c->era_a = era_a;
    c->era_b = era_b;
    c->opts = *opts;
    c->opts.metrics &= AG_METRICS_ALL;
    if ((rc = one_era(c, era_a, &c->ga, &c->ma, c->rank_a, &c->sa, &c->ba, err)) != AG_OK ||
        (rc = one_era(c, era_b, &c->gb, &c->mb, c->rank_b, &c->sb, &c->bb, err)) != AG_OK ||
        (rc = match_actors(c, err)) != AG_OK || (rc = match_dyads(c, err)) != AG_OK ||
        (rc = correlations(c, err)) != AG_OK || (rc = signed_figures(c, err)) != AG_OK) {
        ag_compare_destroy(c);
        return rc;
    }
    return AG_OK;
}
