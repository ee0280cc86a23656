/*
 * compare.c: one era against another: actors matched by lineage, ranks and
 * rank correlations, dyads kept, flipped, gained and lost, the summaries
 * side by side; and the comparison's output (see compare.h and
 * docs/METHODS.md, "Comparing eras").
 */
#include "actorgraph/compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/explain.h"
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

/* qsort has no user pointer: see the note in model.c. */
static const double *sort_values;

static int cmp_by_value(const void *a, const void *b)
{
    double x = sort_values[*(const size_t *)a], y = sort_values[*(const size_t *)b];
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
    sort_values = v;
    qsort(idx, n, sizeof *idx, cmp_by_value);
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

static const ag_dataset_t *sort_ds;

/* Rows are ordered by label: compared piecewise, as the label would be. */
static int cmp_row_label(const void *a, const void *b)
{
    const ag_cmp_actor_t *x = a, *y = b;
    const ag_actor_t *act = sort_ds->actors;
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
    sort_ds = c->ds;
    qsort(c->actors, c->n_actors, sizeof *c->actors, cmp_row_label);
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

/* ---- output ---- */

/* The lead columns of every csv table. */
static const char *const lead_head[] = { "era_a", "era_b", "level", "ties" };
#define N_LEAD 4

/* A table with the csv lead columns when lead is set, then the given ones. */
static ag_status_t table_init(ag_table_t *t, bool lead, const char *const *head,
                              const ag_coltype_t *type, size_t n, ag_error_t *err)
{
    const char *h[32];
    ag_coltype_t ty[32];
    size_t k = 0;
    for (size_t i = 0; lead && i < N_LEAD; i++) {
        h[k] = lead_head[i];
        ty[k++] = AG_COL_TEXT;
    }
    for (size_t i = 0; i < n; i++) {
        h[k] = head[i];
        ty[k++] = type[i];
    }
    return ag_table_init(t, k, h, ty, err);
}

/* Appends cells after the lead cells when lead is set. */
static ag_status_t table_add(const ag_compare_t *c, ag_table_t *t, bool lead,
                             const char *const *cells, size_t n, ag_error_t *err)
{
    const char *row[32];
    size_t k = 0;
    if (lead) {
        row[k++] = c->ds->eras[c->era_a].id;
        row[k++] = c->ds->eras[c->era_b].id;
        row[k++] = ag_level_name(c->opts.level);
        row[k++] = ag_ties_name(c->opts.ties);
    }
    for (size_t i = 0; i < n; i++)
        row[k++] = cells[i];
    return ag_table_add(t, row, err);
}

static const char *fmt_count(size_t v, char *buf)
{
    snprintf(buf, 32, "%zu", v);
    return buf;
}

static const char *fmt_long(long v, char *buf)
{
    snprintf(buf, 32, "%ld", v);
    return buf;
}

static ag_status_t summary_table(const ag_compare_t *c, bool lead, ag_table_t *t,
                                 ag_error_t *err)
{
    static const char *const head[] = { "figure", "value_a", "value_b", "difference" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER };
    const ag_summary_t *a = &c->sa, *b = &c->sb;
    const struct {
        const char *name;
        double a, b;
    } rows[] = {
        { "vertices", (double)a->vertices, (double)b->vertices },
        { "relations", (double)a->relations, (double)b->relations },
        { "dyads", (double)a->dyads, (double)b->dyads },
        { "edges", (double)a->edges, (double)b->edges },
        { "positive_dyads", (double)a->positive_dyads, (double)b->positive_dyads },
        { "negative_dyads", (double)a->negative_dyads, (double)b->negative_dyads },
        { "density", a->density, b->density },
        { "components", (double)a->components, (double)b->components },
        { "transitivity", a->transitivity, b->transitivity },
        { "communities", (double)a->communities, (double)b->communities },
        { "modularity", a->modularity, b->modularity },
        { "triangles", (double)c->ba.triangles, (double)c->bb.triangles },
        { "balance_ratio", c->ba.ratio, c->bb.ratio },
        { "frustration", (double)c->fa.frustration, (double)c->fb.frustration },
        { "frustration_normalised", c->fa.normalised, c->fb.normalised },
        { "walk_balance", c->walk_a, c->walk_b },
        { "state_blocs", (double)c->state_blocs_a, (double)c->state_blocs_b },
    };
    ag_status_t rc;
    if ((rc = table_init(t, lead, head, type, 4, err)) != AG_OK)
        return rc;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char ba[32], bb[32], bd[32];
        /* The difference of the printed values, so that it adds up. */
        double d = printed(rows[i].b) - printed(rows[i].a);
        const char *cells[4] = { rows[i].name, ag_format_number(rows[i].a, ba),
                                 ag_format_number(rows[i].b, bb), ag_format_number(d, bd) };
        if ((rc = table_add(c, t, lead, cells, 4, err)) != AG_OK) {
            ag_table_destroy(t);
            return rc;
        }
    }
    return AG_OK;
}

static ag_status_t corr_table(const ag_compare_t *c, bool lead, ag_table_t *t, ag_error_t *err)
{
    static const char *const head[] = { "metric", "actors", "spearman", "kendall" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER };
    ag_status_t rc;
    if ((rc = table_init(t, lead, head, type, 4, err)) != AG_OK)
        return rc;
    for (int m = 0; m < AG_M_COUNT; m++) {
        char bn[32], bs[32], bk[32];
        const char *cells[4];
        if (!(c->opts.metrics & 1u << m))
            continue;
        cells[0] = ag_metric_name((ag_metric_t)m);
        cells[1] = fmt_count(c->corr[m].n, bn);
        cells[2] = ag_format_number(c->corr[m].spearman, bs);
        cells[3] = ag_format_number(c->corr[m].kendall, bk);
        if ((rc = table_add(c, t, lead, cells, 4, err)) != AG_OK) {
            ag_table_destroy(t);
            return rc;
        }
    }
    return AG_OK;
}

/* The cells value_a, rank_a, value_b, rank_b, shift of row r for metric m,
 * into buf (5 x 32 bytes); empty where the actor is absent. */
static void metric_cells(const ag_compare_t *c, const ag_cmp_actor_t *a, int m,
                         char buf[5][32], const char **cells)
{
    for (int i = 0; i < 5; i++) {
        buf[i][0] = '\0';
        cells[i] = buf[i];
    }
    if (a->va >= 0) {
        ag_format_number(c->ma.value[m][a->va], buf[0]);
        fmt_long(c->rank_a[m][a->va], buf[1]);
    }
    if (a->vb >= 0) {
        ag_format_number(c->mb.value[m][a->vb], buf[2]);
        fmt_long(c->rank_b[m][a->vb], buf[3]);
    }
    if (a->va >= 0 && a->vb >= 0)
        fmt_long(c->rank_a[m][a->va] - c->rank_b[m][a->vb], buf[4]);
}

static const char *id_or_empty(const ag_compare_t *c, long actor)
{
    return actor >= 0 ? c->ds->actors[actor].id : "";
}

/* csv: every actor and metric, ordered by actor then metric. */
static ag_status_t actors_long_table(const ag_compare_t *c, ag_table_t *t, ag_error_t *err)
{
    static const char *const head[] = { "actor", "name", "status", "actor_a", "actor_b",
                                        "metric", "value_a", "rank_a", "value_b", "rank_b",
                                        "shift" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_TEXT, AG_COL_TEXT, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER };
    ag_status_t rc;
    if ((rc = table_init(t, true, head, type, 11, err)) != AG_OK)
        return rc;
    for (size_t r = 0; r < c->n_actors; r++) {
        const ag_cmp_actor_t *a = &c->actors[r];
        char label[AG_CMP_LABEL_SIZE];
        ag_cmp_actor_label(c, a, label, sizeof label);
        for (int m = 0; m < AG_M_COUNT; m++) {
            char buf[5][32];
            const char *cells[11];
            if (!(c->opts.metrics & 1u << m))
                continue;
            cells[0] = label;
            cells[1] = c->ds->actors[a->key].name;
            cells[2] = ag_match_name(a->match);
            cells[3] = id_or_empty(c, a->actor_a);
            cells[4] = id_or_empty(c, a->actor_b);
            cells[5] = ag_metric_name((ag_metric_t)m);
            metric_cells(c, a, m, buf, cells + 6);
            if ((rc = table_add(c, t, true, cells, 11, err)) != AG_OK) {
                ag_table_destroy(t);
                return rc;
            }
        }
    }
    return AG_OK;
}

/* For one metric, the order in which table and md list the rows: those in
 * era B by rank there, then those leaving by their rank in A; ties by
 * row. */
static const ag_compare_t *sort_cmp;
static int sort_metric;

static int cmp_metric_rows(const void *x, const void *y)
{
    const ag_cmp_actor_t *a = &sort_cmp->actors[*(const size_t *)x];
    const ag_cmp_actor_t *b = &sort_cmp->actors[*(const size_t *)y];
    int m = sort_metric;
    long ka, kb;
    if ((a->vb >= 0) != (b->vb >= 0))
        return a->vb >= 0 ? -1 : 1;
    ka = a->vb >= 0 ? sort_cmp->rank_b[m][a->vb] : sort_cmp->rank_a[m][a->va];
    kb = b->vb >= 0 ? sort_cmp->rank_b[m][b->vb] : sort_cmp->rank_a[m][b->va];
    if (ka != kb)
        return ka < kb ? -1 : 1;
    return (*(const size_t *)x > *(const size_t *)y) - (*(const size_t *)x < *(const size_t *)y);
}

static ag_status_t metric_table(const ag_compare_t *c, int m, ag_table_t *t, ag_error_t *err)
{
    static const char *const head[] = { "actor", "name", "status", "value_a", "rank_a",
                                        "value_b", "rank_b", "shift" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER };
    size_t *order = malloc((c->n_actors + 1) * sizeof *order);
    ag_status_t rc;
    if (!order)
        return OOM(err);
    if ((rc = table_init(t, false, head, type, 8, err)) != AG_OK) {
        free(order);
        return rc;
    }
    for (size_t r = 0; r < c->n_actors; r++)
        order[r] = r;
    sort_cmp = c;
    sort_metric = m;
    qsort(order, c->n_actors, sizeof *order, cmp_metric_rows);
    for (size_t i = 0; i < c->n_actors; i++) {
        const ag_cmp_actor_t *a = &c->actors[order[i]];
        char label[AG_CMP_LABEL_SIZE], buf[5][32];
        const char *cells[8];
        cells[0] = ag_cmp_actor_label(c, a, label, sizeof label);
        cells[1] = c->ds->actors[a->key].name;
        cells[2] = ag_match_name(a->match);
        metric_cells(c, a, m, buf, cells + 3);
        if ((rc = table_add(c, t, false, cells, 8, err)) != AG_OK) {
            ag_table_destroy(t);
            break;
        }
    }
    free(order);
    return rc;
}

static const char *sign_text(int s, bool present)
{
    return !present ? "" : s > 0 ? "+" : s < 0 ? "-" : "0";
}

/* One row per dyad, its actors named by their rows' labels. */
static ag_status_t dyads_table(const ag_compare_t *c, bool lead, ag_table_t *t, ag_error_t *err)
{
    static const char *const head[] = { "actor1", "actor2", "change", "sign_a", "sign_b",
                                        "net_a", "net_b", "W_a", "W_b", "relations_a",
                                        "relations_b" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_TEXT, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER };
    ag_status_t rc;
    if ((rc = table_init(t, lead, head, type, 11, err)) != AG_OK)
        return rc;
    for (size_t i = 0; i < c->n_dyads; i++) {
        const ag_cmp_dyad_t *y = &c->dyads[i];
        const ag_dyad_t *da = y->da >= 0 ? &c->ga.dyads[y->da] : NULL;
        const ag_dyad_t *db = y->db >= 0 ? &c->gb.dyads[y->db] : NULL;
        char l1[AG_CMP_LABEL_SIZE], l2[AG_CMP_LABEL_SIZE], b[6][32];
        const char *cells[11];
        cells[0] = ag_cmp_actor_label(c, &c->actors[y->r1], l1, sizeof l1);
        cells[1] = ag_cmp_actor_label(c, &c->actors[y->r2], l2, sizeof l2);
        cells[2] = ag_change_name(y->change);
        cells[3] = sign_text(y->sign_a, da);
        cells[4] = sign_text(y->sign_b, db);
        cells[5] = da ? ag_format_number(da->net, b[0]) : "";
        cells[6] = db ? ag_format_number(db->net, b[1]) : "";
        cells[7] = da ? ag_format_number(da->W, b[2]) : "";
        cells[8] = db ? ag_format_number(db->W, b[3]) : "";
        cells[9] = fmt_count(da ? da->n_rels : 0, b[4]);
        cells[10] = fmt_count(db ? db->n_rels : 0, b[5]);
        if ((rc = table_add(c, t, lead, cells, 11, err)) != AG_OK) {
            ag_table_destroy(t);
            return rc;
        }
    }
    return AG_OK;
}

/* The relations behind dyads: all of them (csv, long) when which < 0, or
 * those of dyad which, led by the era. */
static ag_status_t relations_table(const ag_compare_t *c, long which, ag_table_t *t,
                                   ag_error_t *err)
{
    static const char *const csv_head[] = { "era_a", "era_b", "level", "ties", "actor1",
                                            "actor2", "change", "era" };
    static const char *const one_head[] = { "era" };
    bool all = which < 0;
    ag_status_t rc;
    if ((rc = ag_relations_table_init(t, all ? csv_head : one_head, all ? 8 : 1, err)) != AG_OK)
        return rc;
    for (size_t i = all ? 0 : (size_t)which; i < (all ? c->n_dyads : (size_t)which + 1); i++) {
        const ag_cmp_dyad_t *y = &c->dyads[i];
        char l1[AG_CMP_LABEL_SIZE], l2[AG_CMP_LABEL_SIZE];
        ag_cmp_actor_label(c, &c->actors[y->r1], l1, sizeof l1);
        ag_cmp_actor_label(c, &c->actors[y->r2], l2, sizeof l2);
        for (int e = 0; e < 2; e++) {
            const ag_dyad_t *d = e == 0 ? (y->da >= 0 ? &c->ga.dyads[y->da] : NULL)
                                        : (y->db >= 0 ? &c->gb.dyads[y->db] : NULL);
            const char *era = c->ds->eras[e == 0 ? c->era_a : c->era_b].id;
            const char *lead[8] = { c->ds->eras[c->era_a].id, c->ds->eras[c->era_b].id,
                                    ag_level_name(c->opts.level), ag_ties_name(c->opts.ties),
                                    l1, l2, ag_change_name(y->change), era };
            for (size_t k = 0; d && k < d->n_rels; k++)
                if ((rc = ag_relations_table_add(t, c->ds, d->rels[k], all ? lead : lead + 7,
                                                 err)) != AG_OK) {
                    ag_table_destroy(t);
                    return rc;
                }
        }
    }
    return AG_OK;
}

static ag_status_t io_check(FILE *fp, ag_error_t *err)
{
    return ferror(fp) ? ag_error_set(err, AG_EIO, NULL, 0, "write error") : AG_OK;
}

/* Writes a table built by the caller and frees it. */
static ag_status_t put_table(ag_table_t *t, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    ag_status_t rc = ag_table_write(t, fmt, fp, err);
    ag_table_destroy(t);
    return rc;
}

/* Writes "A, B and C", the rows with the given match, or "none". */
static void list_rows(const ag_compare_t *c, ag_match_t match, FILE *fp)
{
    size_t n = 0, k = 0;
    for (size_t r = 0; r < c->n_actors; r++)
        n += c->actors[r].match == match;
    if (!n) {
        fputs("none", fp);
        return;
    }
    for (size_t r = 0; r < c->n_actors; r++) {
        const ag_cmp_actor_t *a = &c->actors[r];
        if (a->match != match)
            continue;
        fprintf(fp, "%s%s", k == 0 ? "" : k + 1 == n ? " and " : ", ",
                c->ds->actors[a->key].id);
        k++;
    }
}

static ag_status_t write_text(const ag_compare_t *c, ag_format_t fmt, ag_cmp_part_t part,
                              FILE *fp, ag_error_t *err)
{
    const ag_dataset_t *ds = c->ds;
    const ag_era_t *ea = &ds->eras[c->era_a], *eb = &ds->eras[c->era_b];
    const char *h1 = fmt == AG_FMT_MD ? "# " : "", *h2 = fmt == AG_FMT_MD ? "## " : "";
    const char *h3 = fmt == AG_FMT_MD ? "### " : "";
    bool all = part == AG_PART_ALL, lineage = false;
    char *types = ag_types_list(ds, c->opts.types);
    ag_table_t t;
    ag_status_t rc = AG_OK;

    if (!types)
        return OOM(err);
    fprintf(fp, "%sComparison: %s \xe2\x86\x92 %s\n\n", h1, ea->name, eb->name);
    fprintf(fp, "Dataset %s. A = %s (%s, %s); B = %s (%s, %s). Level %s, ties %s, types %s.\n",
            ds->name, ea->id, ea->name, ea->period_text, eb->id, eb->name, eb->period_text,
            ag_level_name(c->opts.level), ag_ties_name(c->opts.ties), types);
    free(types);
    if (all) {
        fputs("\nMatched by lineage: ", fp);
        for (size_t r = 0; r < c->n_actors; r++) {
            const ag_cmp_actor_t *a = &c->actors[r];
            if (a->match != AG_MATCH_LINEAGE)
                continue;
            fprintf(fp, "%s%s (%s) in A with %s (%s) in B", lineage ? "; " : "",
                    ds->actors[a->actor_a].id, ds->actors[a->actor_a].name,
                    ds->actors[a->actor_b].id, ds->actors[a->actor_b].name);
            lineage = true;
        }
        fprintf(fp, "%s.\n", lineage ? "" : "none");
        lineage = false;
        for (size_t r = 0; r < c->n_actors; r++) {
            const ag_cmp_actor_t *a = &c->actors[r];
            long root;
            bool matched = false;
            if (a->match != AG_MATCH_LEAVING && a->match != AG_MATCH_ENTERING)
                continue;
            root = ag_dataset_lineage_root(ds, a->key);
            for (size_t q = 0; q < c->n_actors && !matched; q++)
                matched = c->actors[q].actor_a >= 0 && c->actors[q].actor_b >= 0 &&
                          ag_dataset_lineage_root(ds, c->actors[q].key) == root;
            if (!matched)
                continue;
            fprintf(fp, "%s%s in %s", lineage ? ", " : "Of those lineages, also (not matched): ",
                    ds->actors[a->key].id, a->match == AG_MATCH_LEAVING ? "A" : "B");
            lineage = true;
        }
        if (lineage)
            fputs(".\n", fp);
        fprintf(fp, "%sLeaving (only in A): ", fmt == AG_FMT_MD ? "\n" : "");
        list_rows(c, AG_MATCH_LEAVING, fp);
        fprintf(fp, ".\n%sEntering (only in B): ", fmt == AG_FMT_MD ? "\n" : "");
        list_rows(c, AG_MATCH_ENTERING, fp);
        fprintf(fp, ".\n%sDyads: %zu flipped, %zu gained, %zu lost, %zu kept.\n",
                fmt == AG_FMT_MD ? "\n" : "", c->changes[AG_CHANGE_FLIPPED],
                c->changes[AG_CHANGE_GAINED], c->changes[AG_CHANGE_LOST],
                c->changes[AG_CHANGE_KEPT]);
    }
    if (all || part == AG_PART_SUMMARY) {
        fprintf(fp, "\n%sSummary (difference = B - A)\n\n", h2);
        if ((rc = summary_table(c, false, &t, err)) != AG_OK ||
            (rc = put_table(&t, fmt, fp, err)) != AG_OK)
            return rc;
    }
    if (all || part == AG_PART_CORRELATIONS) {
        fprintf(fp, "\n%sRank correlations over the actors in both eras\n\n", h2);
        if ((rc = corr_table(c, false, &t, err)) != AG_OK ||
            (rc = put_table(&t, fmt, fp, err)) != AG_OK)
            return rc;
    }
    if (all || part == AG_PART_ACTORS) {
        for (int m = 0; m < AG_M_COUNT; m++) {
            if (!(c->opts.metrics & 1u << m))
                continue;
            fprintf(fp, "\n%s%s (rank 1 is the highest; shift = rank in A - rank in B)\n\n", h2,
                    ag_metric_name((ag_metric_t)m));
            if ((rc = metric_table(c, m, &t, err)) != AG_OK ||
                (rc = put_table(&t, fmt, fp, err)) != AG_OK)
                return rc;
        }
    }
    if (all || part == AG_PART_DYADS) {
        fprintf(fp, "\n%sDyads\n\n", h2);
        if ((rc = dyads_table(c, false, &t, err)) != AG_OK ||
            (rc = put_table(&t, fmt, fp, err)) != AG_OK)
            return rc;
    }
    if (all || part == AG_PART_RELATIONS) {
        fprintf(fp, "\n%sThe relations behind each dyad\n", h2);
        for (size_t i = 0; i < c->n_dyads; i++) {
            const ag_cmp_dyad_t *y = &c->dyads[i];
            char l1[AG_CMP_LABEL_SIZE], l2[AG_CMP_LABEL_SIZE];
            fprintf(fp, "\n%s%s\xe2\x80\x93%s: %s", h3,
                    ag_cmp_actor_label(c, &c->actors[y->r1], l1, sizeof l1),
                    ag_cmp_actor_label(c, &c->actors[y->r2], l2, sizeof l2),
                    ag_change_name(y->change));
            if (y->change == AG_CHANGE_FLIPPED || y->change == AG_CHANGE_KEPT)
                fprintf(fp, " (%s \xe2\x86\x92 %s)", sign_text(y->sign_a, true),
                        sign_text(y->sign_b, true));
            fputs("\n\n", fp);
            if ((rc = relations_table(c, (long)i, &t, err)) != AG_OK ||
                (rc = put_table(&t, fmt, fp, err)) != AG_OK)
                return rc;
        }
    }
    return io_check(fp, err);
}

static json_t *era_json(const ag_era_t *e)
{
    json_t *o = json_object();
    if (o && (json_object_set_new(o, "id", json_string(e->id)) ||
              json_object_set_new(o, "name", json_string(e->name)) ||
              json_object_set_new(o, "period", json_string(e->period_text)))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Sets key to a table's rows, freeing the table. */
static int set_table(json_t *o, const char *key, ag_table_t *t)
{
    json_t *v = ag_table_json(t);
    ag_table_destroy(t);
    return !v || json_object_set_new(o, key, v);
}

/* The actors with their values per metric. */
static json_t *actors_json(const ag_compare_t *c)
{
    static const char *const head[] = { "value_a", "rank_a", "value_b", "rank_b", "shift" };
    static const ag_coltype_t type[] = { AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER };
    json_t *arr = json_array();
    if (!arr)
        return NULL;
    for (size_t r = 0; r < c->n_actors; r++) {
        const ag_cmp_actor_t *a = &c->actors[r];
        json_t *o = json_object(), *ms = json_object();
        char label[AG_CMP_LABEL_SIZE];
        if (!o || !ms || json_array_append_new(arr, o) ||
            json_object_set_new(o, "actor", json_string(ag_cmp_actor_label(c, a, label,
                                                                           sizeof label))) ||
            json_object_set_new(o, "name", json_string(c->ds->actors[a->key].name)) ||
            json_object_set_new(o, "status", json_string(ag_match_name(a->match))) ||
            json_object_set_new(o, "actor_a", a->actor_a >= 0
                                                  ? json_string(c->ds->actors[a->actor_a].id)
                                                  : json_null()) ||
            json_object_set_new(o, "actor_b", a->actor_b >= 0
                                                  ? json_string(c->ds->actors[a->actor_b].id)
                                                  : json_null()) ||
            json_object_set_new(o, "metrics", ms)) {
            json_decref(arr);
            return NULL;
        }
        for (int m = 0; m < AG_M_COUNT; m++) {
            ag_table_t t;
            char buf[5][32];
            const char *cells[5];
            json_t *row;
            if (!(c->opts.metrics & 1u << m))
                continue;
            metric_cells(c, a, m, buf, cells);
            if (ag_table_init(&t, 5, head, type, NULL) != AG_OK)
                goto fail;
            if (ag_table_add(&t, cells, NULL) != AG_OK || !(row = ag_table_json(&t))) {
                ag_table_destroy(&t);
                goto fail;
            }
            ag_table_destroy(&t);
            if (json_object_set(ms, ag_metric_name((ag_metric_t)m), json_array_get(row, 0))) {
                json_decref(row);
                goto fail;
            }
            json_decref(row);
        }
    }
    return arr;
fail:
    json_decref(arr);
    return NULL;
}

static ag_status_t write_json(const ag_compare_t *c, ag_cmp_part_t part, FILE *fp,
                              ag_error_t *err)
{
    const ag_dataset_t *ds = c->ds;
    bool all = part == AG_PART_ALL;
    json_t *root = json_object(), *metrics = json_array(), *changes = json_object();
    char *types = ag_types_list(ds, c->opts.types);
    ag_table_t t;
    ag_status_t rc = AG_OK;

    if (!root || !metrics || !changes || !types)
        goto oom;
    for (int m = 0; m < AG_M_COUNT; m++)
        if (c->opts.metrics & 1u << m &&
            json_array_append_new(metrics, json_string(ag_metric_name((ag_metric_t)m))))
            goto oom;
    for (int k = 0; k < AG_CHANGE_COUNT; k++)
        if (json_object_set_new(changes, ag_change_name((ag_change_t)k),
                                json_integer((json_int_t)c->changes[k])))
            goto oom;
    if (json_object_set_new(root, "dataset", json_string(ds->name)) ||
        json_object_set_new(root, "era_a", era_json(&ds->eras[c->era_a])) ||
        json_object_set_new(root, "era_b", era_json(&ds->eras[c->era_b])) ||
        json_object_set_new(root, "level", json_string(ag_level_name(c->opts.level))) ||
        json_object_set_new(root, "ties", json_string(ag_ties_name(c->opts.ties))) ||
        json_object_set_new(root, "types", json_string(types)) ||
        json_object_set(root, "metrics", metrics) ||
        json_object_set(root, "dyad_changes", changes))
        goto oom;
    if (all || part == AG_PART_SUMMARY) {
        if ((rc = summary_table(c, false, &t, err)) != AG_OK)
            goto fail;
        if (set_table(root, "summary", &t))
            goto oom;
    }
    if (all || part == AG_PART_CORRELATIONS) {
        if ((rc = corr_table(c, false, &t, err)) != AG_OK)
            goto fail;
        if (set_table(root, "correlations", &t))
            goto oom;
    }
    if ((all || part == AG_PART_ACTORS) &&
        json_object_set_new(root, "actors", actors_json(c)))
        goto oom;
    if (all || part == AG_PART_DYADS || part == AG_PART_RELATIONS) {
        json_t *dyads;
        if ((rc = dyads_table(c, false, &t, err)) != AG_OK)
            goto fail;
        dyads = ag_table_json(&t);
        ag_table_destroy(&t);
        if (!dyads || json_object_set_new(root, "dyads", dyads))
            goto oom;
        for (size_t i = 0; i < c->n_dyads; i++) {
            const ag_cmp_dyad_t *y = &c->dyads[i];
            json_t *o = json_array_get(dyads, i);
            const ag_dyad_t *da = y->da >= 0 ? &c->ga.dyads[y->da] : NULL;
            const ag_dyad_t *db = y->db >= 0 ? &c->gb.dyads[y->db] : NULL;
            if (json_object_set_new(o, "relations_a", ag_relations_json(ds, da ? da->rels : NULL,
                                                                        da ? da->n_rels : 0)) ||
                json_object_set_new(o, "relations_b", ag_relations_json(ds, db ? db->rels : NULL,
                                                                        db ? db->n_rels : 0)))
                goto oom;
        }
    }
    rc = ag_json_write(root, fp, err);
    goto done;
oom:
    rc = OOM(err);
fail:
done:
    json_decref(metrics);
    json_decref(changes);
    json_decref(root);
    free(types);
    return rc;
}

ag_status_t ag_compare_write(const ag_compare_t *c, ag_format_t fmt, ag_cmp_part_t part,
                             FILE *fp, ag_error_t *err)
{
    ag_table_t t;
    ag_status_t rc;
    if (fmt == AG_FMT_JSON)
        return write_json(c, part, fp, err);
    if (fmt != AG_FMT_CSV)
        return write_text(c, fmt, part, fp, err);
    switch (part) {
    case AG_PART_SUMMARY: rc = summary_table(c, true, &t, err); break;
    case AG_PART_CORRELATIONS: rc = corr_table(c, true, &t, err); break;
    case AG_PART_DYADS: rc = dyads_table(c, true, &t, err); break;
    case AG_PART_RELATIONS: rc = relations_table(c, -1, &t, err); break;
    case AG_PART_ALL:
    case AG_PART_ACTORS:
    default: rc = actors_long_table(c, &t, err); break;
    }
    if (rc != AG_OK)
        return rc;
    return put_table(&t, fmt, fp, err);
}
