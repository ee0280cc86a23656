/*
 * explain.c: the cited relations behind an actor's figures or a dyad, with
 * the totals reports use (see explain.h and docs/METHODS.md, "Explain").
 * The page is src/pages/explain_page.c.
 */
#include "actorgraph/explain.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

#define OOM(err) ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")

/* ---- explaining ---- */

/* Relations by date, then file order (qsort_r's argument: the dataset). */
static int cmp_rel_date(const void *a, const void *b, void *arg)
{
    const ag_dataset_t *sort_ds = arg;
    long x = *(const long *)a, y = *(const long *)b;
    int c = ag_date_cmp(&sort_ds->relations[x].date, &sort_ds->relations[y].date);
    return c ? c : (x > y) - (x < y);
}

void ag_explain_destroy(ag_explain_t *x)
{
    if (!x)
        return;
    free(x->rels);
    free(x->dyads);
    memset(x, 0, sizeof *x);
}

ag_status_t ag_explain_init(ag_explain_t *x, const ag_era_graph_t *g, long actor,
                            long actor_b, ag_error_t *err)
{
    const ag_dataset_t *ds = g->ds;
    ag_level_t level = g->opts.level;

    memset(x, 0, sizeof *x);
    x->g = g;
    x->asked = actor;
    x->asked_b = actor_b;
    x->actor = ag_rollup(ds, level, actor);
    x->actor_b = actor_b >= 0 ? ag_rollup(ds, level, actor_b) : -1;
    x->va = g->vertex_of[x->actor];
    x->vb = x->actor_b >= 0 ? g->vertex_of[x->actor_b] : -1;
    x->dyad = -1;

    if (actor_b >= 0) {
        if (x->actor == x->actor_b) {
            ag_status_t st = level == AG_LEVEL_STATE && actor != actor_b
                ? ag_error_set(err, AG_EUSAGE, NULL, 0,
                               "'%s' and '%s' are both '%s' at state level",
                               ds->actors[actor].id, ds->actors[actor_b].id,
                               ds->actors[x->actor].id)
                : ag_error_set(err, AG_EUSAGE, NULL, 0, "a dyad needs two actors, got '%s' twice",
                               ds->actors[actor].id);
            memset(x, 0, sizeof *x);
            return st;
        }
        if (x->va >= 0 && x->vb >= 0)
            x->dyad = ag_era_graph_find_dyad(g, x->va, x->vb);
        if (x->dyad >= 0) {
            const ag_dyad_t *y = &g->dyads[x->dyad];
            x->rels = malloc(y->n_rels * sizeof *x->rels);
            if (!x->rels)
                goto oom;
            memcpy(x->rels, y->rels, y->n_rels * sizeof *x->rels);
            x->n_rels = y->n_rels;
            x->pos = y->pos;
            x->neg = y->neg;
            x->net = y->net;
            x->W = y->W;
        }
        return AG_OK;
    }

    if (x->va < 0)
        return AG_OK;
    /* The actor's relations: those of the slice with it at either end. */
    x->rels = malloc((g->n_rels ? g->n_rels : 1) * sizeof *x->rels);
    x->dyads = malloc((g->n_dyads ? g->n_dyads : 1) * sizeof *x->dyads);
    if (!x->rels || !x->dyads)
        goto oom;
    for (size_t k = 0; k < g->n_rels; k++) {
        const ag_relation_t *r = &ds->relations[g->rels[k]];
        if (ag_rollup(ds, level, r->source) == x->actor ||
            ag_rollup(ds, level, r->target) == x->actor)
            x->rels[x->n_rels++] = g->rels[k];
    }
    qsort_r(x->rels, x->n_rels, sizeof *x->rels, cmp_rel_date, (void *)ds);
    /* Dyads are ordered by (u, v), so those with it at either end come in
     * the order of the other end. */
    for (size_t d = 0; d < g->n_dyads; d++) {
        const ag_dyad_t *y = &g->dyads[d];
        if (y->u != x->va && y->v != x->va)
            continue;
        x->dyads[x->n_dyads++] = (long)d;
        if (y->edge >= 0) {
            x->degree++;
            x->strength += y->W;
        }
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(&g->rel_graph); e++) {
        if (IGRAPH_FROM(&g->rel_graph, e) == x->va)
            x->out_arcs++;
        if (IGRAPH_TO(&g->rel_graph, e) == x->va)
            x->in_arcs++;
    }
    return AG_OK;
oom:
    ag_explain_destroy(x);
    return OOM(err);
}
