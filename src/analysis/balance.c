/*
 * balance.c: structural balance on the net-signed dyad graph, and the
 * balance of several eras (see balance.h and docs/METHODS.md, "Structural
 * balance"). The page is src/pages/balance_page.c.
 */
#include "actorgraph/balance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/signed.h"
#include "core/util.h"

#define OOM(err) ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")

int ag_dyad_sign(const ag_dyad_t *d)
{
    if (fabs(d->net) < 1e-10)
        return 0;
    return d->net > 0 ? 1 : -1;
}

const char *ag_triad_name(ag_triad_t k)
{
    static const char *const names[] = { "+++", "+--", "++-", "---" };
    return (unsigned)k < AG_TRIAD_COUNT ? names[k] : "?";
}

bool ag_triad_balanced(ag_triad_t k)
{
    return k == AG_TRIAD_PPP || k == AG_TRIAD_PMM;
}

void ag_balance_destroy(ag_balance_t *b)
{
    if (!b)
        return;
    free(b->tri);
    memset(b, 0, sizeof *b);
}

ag_status_t ag_balance_compute(const ag_era_graph_t *g, ag_balance_t *b, ag_error_t *err)
{
    size_t cap = 0;
    memset(b, 0, sizeof *b);
    b->ratio = NAN;
    /* Dyads are ordered by (u, v): the dyads a-c with c > b follow a-b
     * directly, so each triangle a < b < c is met once, from its side a-b,
     * and triangles come out ordered by (a, b, c). */
    for (size_t d1 = 0; d1 < g->n_dyads; d1++) {
        const ag_dyad_t *ab = &g->dyads[d1];
        int s1 = ag_dyad_sign(ab);
        if (!s1)
            continue;
        b->signed_dyads++;
        for (size_t d2 = d1 + 1; d2 < g->n_dyads && g->dyads[d2].u == ab->u; d2++) {
            const ag_dyad_t *ac = &g->dyads[d2];
            long d3 = ag_dyad_sign(ac) ? ag_era_graph_find_dyad(g, ab->v, ac->v) : -1;
            ag_triangle_t *t;
            int s3, neg;
            if (d3 < 0 || !(s3 = ag_dyad_sign(&g->dyads[d3])))
                continue;
            if (!ag_i_grow((void **)&b->tri, &cap, b->triangles + 1, sizeof *b->tri)) {
                ag_balance_destroy(b);
                return OOM(err);
            }
            t = &b->tri[b->triangles++];
            t->v[0] = ab->u;
            t->v[1] = ab->v;
            t->v[2] = ac->v;
            t->dyad[0] = (long)d1;
            t->dyad[1] = (long)d2;
            t->dyad[2] = d3;
            t->sign[0] = s1;
            t->sign[1] = ag_dyad_sign(ac);
            t->sign[2] = s3;
            neg = (s1 < 0) + (t->sign[1] < 0) + (s3 < 0);
            t->kind = neg == 0 ? AG_TRIAD_PPP : neg == 1 ? AG_TRIAD_PPM
                    : neg == 2 ? AG_TRIAD_PMM : AG_TRIAD_MMM;
            b->count[t->kind]++;
            if (ag_triad_balanced(t->kind))
                b->balanced++;
            else
                b->unbalanced++;
        }
    }
    if (b->triangles)
        b->ratio = (double)b->balanced / (double)b->triangles;
    return AG_OK;
}

/* ---- the report ---- */

/* One era of the report. */
ag_status_t ag_balance_report_init(ag_balance_report_t *r, const ag_dataset_t *ds,
                                   const ag_balance_opts_t *opts, ag_error_t *err)
{
    ag_status_t st = AG_OK;
    memset(r, 0, sizeof *r);
    r->ds = ds;
    r->opts = *opts;
    if (!(r->eras = calloc(opts->n_eras ? opts->n_eras : 1, sizeof *r->eras)))
        return OOM(err);
    for (size_t i = 0; i < opts->n_eras; i++) {
        const ag_era_t *e = &ds->eras[opts->eras[i]];
        ag_slice_opts_t so;
        ag_balance_era_t *it = &r->eras[r->n_eras];
        ag_slice_opts_default(&so);
        so.first = e->period.first;
        so.last = e->period.last;
        so.level = opts->level;
        so.types = opts->types;
        so.dates = opts->dates;
        if ((st = ag_era_graph_init(&it->g, ds, &so, err)) != AG_OK)
            goto fail;
        it->era = opts->eras[i];
        if (it->g.n_rels == 0) { /* no relations, no row */
            ag_era_graph_destroy(&it->g);
            continue;
        }
        r->n_eras++;
        if ((st = ag_balance_compute(&it->g, &it->b, err)) != AG_OK ||
            (st = ag_frustration_compute(&it->g,
                                         opts->seconds > 0 ? opts->seconds
                                                           : AG_FRUSTRATION_SECONDS,
                                         &it->f, err)) != AG_OK ||
            (st = ag_walk_balance(&it->g, &it->walk, err)) != AG_OK ||
            (opts->blocks && (st = ag_blockmodel_compute(&it->g, opts->blocks, 0.5,
                                                         AG_BLOCKMODEL_RESTARTS, &it->bm,
                                                         err)) != AG_OK))
            goto fail;
    }
    return AG_OK;
fail:
    /* The entry being filled is freed too (destroy accepts zeroed parts). */
    r->n_eras = opts->n_eras;
    ag_balance_report_destroy(r);
    return st;
}

void ag_balance_report_destroy(ag_balance_report_t *r)
{
    if (!r)
        return;
    for (size_t i = 0; r->eras && i < r->n_eras; i++) {
        ag_balance_destroy(&r->eras[i].b);
        ag_frustration_destroy(&r->eras[i].f);
        ag_blockmodel_destroy(&r->eras[i].bm);
        ag_era_graph_destroy(&r->eras[i].g);
    }
    free(r->eras);
    memset(r, 0, sizeof *r);
}
