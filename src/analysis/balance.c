/*
 * balance.c: structural balance on the net-signed dyad graph, and the
 * balance report (see balance.h and docs/METHODS.md, "Structural balance").
 */
#include "actorgraph/balance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/explain.h"
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
typedef struct {
    long era;
    ag_era_graph_t g;
    ag_balance_t b;
    ag_frustration_t f;
    ag_blockmodel_t bm;
    double walk;
} item_t;

static bool listed(const ag_balance_opts_t *o, const ag_triangle_t *t)
{
    return o->list == AG_LIST_ALL || (o->list == AG_LIST_UNBALANCED && !ag_triad_balanced(t->kind));
}

static size_t count_listed(const ag_balance_opts_t *o, const ag_balance_t *b)
{
    switch (o->list) {
    case AG_LIST_ALL: return b->triangles;
    case AG_LIST_UNBALANCED: return b->unbalanced;
    case AG_LIST_NONE: break;
    }
    return 0;
}

static ag_status_t summary_table(const ag_dataset_t *ds, const item_t *items, size_t n,
                                 const ag_balance_opts_t *o, ag_table_t *t, ag_error_t *err)
{
    static const char *const head[] = { "era", "level", "triangles", "balanced", "unbalanced",
                                        "ppp", "pmm", "ppm", "mmm", "ratio", "signed_dyads",
                                        "frustration", "frustration_exact", "frustration_lower",
                                        "frustration_normalised", "walk_balance", "block_error",
                                        "neg_inside", "pos_between" };
    size_t cols = o->blocks ? 19 : 16;
    ag_coltype_t type[19];
    ag_status_t st;
    for (size_t c = 0; c < cols; c++)
        type[c] = c < 2 || c == 12 ? AG_COL_TEXT : AG_COL_NUMBER;
    if ((st = ag_table_init(t, cols, head, type, err)) != AG_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        const ag_balance_t *b = &items[i].b;
        const ag_frustration_t *f = &items[i].f;
        char buf[17][32];
        const char *cells[19];
        cells[0] = ds->eras[items[i].era].id;
        cells[1] = ag_level_name(o->level);
        snprintf(buf[0], 32, "%zu", b->triangles);
        snprintf(buf[1], 32, "%zu", b->balanced);
        snprintf(buf[2], 32, "%zu", b->unbalanced);
        for (int k = 0; k < AG_TRIAD_COUNT; k++)
            snprintf(buf[3 + k], 32, "%zu", b->count[k]);
        for (int k = 0; k < 7; k++)
            cells[2 + k] = buf[k];
        cells[9] = ag_format_number(b->ratio, buf[7]);
        snprintf(buf[8], 32, "%zu", b->signed_dyads);
        snprintf(buf[9], 32, "%zu", f->frustration);
        snprintf(buf[10], 32, "%zu", f->lower_bound);
        cells[10] = buf[8];
        cells[11] = buf[9];
        cells[12] = f->exact ? "true" : "false";
        cells[13] = buf[10];
        cells[14] = ag_format_number(f->normalised, buf[11]);
        cells[15] = ag_format_number(items[i].walk, buf[12]);
        if (o->blocks) {
            snprintf(buf[14], 32, "%zu", items[i].bm.neg_inside);
            snprintf(buf[15], 32, "%zu", items[i].bm.pos_between);
            cells[16] = ag_format_number(items[i].bm.error, buf[13]);
            cells[17] = buf[14];
            cells[18] = buf[15];
        }
        if ((st = ag_table_add(t, cells, err)) != AG_OK) {
            ag_table_destroy(t);
            return st;
        }
    }
    return AG_OK;
}

/* "IND–PAK–SUN". */
static void triangle_label(const ag_era_graph_t *g, const ag_triangle_t *t, char *buf, size_t n)
{
    const ag_actor_t *a = g->ds->actors;
    snprintf(buf, n, "%s\xe2\x80\x93%s\xe2\x80\x93%s", a[g->actor[t->v[0]]].id,
             a[g->actor[t->v[1]]].id, a[g->actor[t->v[2]]].id);
}

static void side_label(const ag_era_graph_t *g, const ag_dyad_t *y, char *buf, size_t n)
{
    ag_pair_label(g->ds->actors[g->actor[y->u]].id, g->ds->actors[g->actor[y->v]].id, buf, n);
}

/* The relations behind a triangle's three sides, led by side and net. */
static ag_status_t triangle_table(const ag_era_graph_t *g, const ag_triangle_t *t,
                                  ag_table_t *out, ag_error_t *err)
{
    static const char *const lead_head[] = { "side", "net" };
    ag_status_t st;
    if ((st = ag_relations_table_init(out, lead_head, 2, err)) != AG_OK)
        return st;
    for (int s = 0; s < 3; s++) {
        const ag_dyad_t *y = &g->dyads[t->dyad[s]];
        char side[256], net[32];
        const char *lead[2] = { side, ag_format_number(y->net, net) };
        side_label(g, y, side, sizeof side);
        for (size_t k = 0; k < y->n_rels; k++)
            if ((st = ag_relations_table_add(out, g->ds, y->rels[k], lead, err)) != AG_OK) {
                ag_table_destroy(out);
                return st;
            }
    }
    return AG_OK;
}

/* The ids of the vertices with key[v] == want, space-separated. */
static void id_list(const ag_era_graph_t *g, const long *key, long want, FILE *fp)
{
    bool first = true;
    for (size_t v = 0; v < g->n; v++) {
        if (key[v] != want)
            continue;
        fprintf(fp, "%s%s", first ? "" : " ", g->ds->actors[g->actor[v]].id);
        first = false;
    }
}

/* Frustration, its sides and dyads, walk balance and the blocks of one
 * era, as text or md. */
static ag_status_t write_signed(const item_t *it, const ag_balance_opts_t *o, bool md,
                                FILE *fp, ag_error_t *err)
{
    const ag_era_graph_t *g = &it->g;
    const ag_frustration_t *f = &it->f;
    const char *ind = md ? "" : "  ";
    char a[32], b[32];
    long *mark = calloc(g->n ? g->n : 1, sizeof *mark);

    if (!mark)
        return OOM(err);
    /* Sides: 1 and 2 for the two colours, 0 for no signed dyad. */
    for (size_t d = 0; d < g->n_dyads; d++)
        if (ag_dyad_sign(&g->dyads[d]))
            mark[g->dyads[d].u] = mark[g->dyads[d].v] = 1;
    for (size_t v = 0; v < g->n; v++)
        if (mark[v])
            mark[v] = 1 + f->side[v];
    fprintf(fp, "\n%sFrustration %s%zu of %zu signed dyads%s, normalised %s; walk balance %s\n",
            ind, f->exact ? "" : "at most ", f->frustration, f->edges,
            f->exact ? " (exact)" : "", ag_format_number(f->normalised, a),
            ag_format_number(it->walk, b));
    if (!f->exact)
        fprintf(fp, "%s%sTime limit reached: at least %zu (edge-disjoint unbalanced triangles "
                    "of the blocks not searched through)\n", md ? "\n" : "", ind, f->lower_bound);
    if (f->edges) {
        fprintf(fp, "%s%sSides attaining it: ", md ? "\n" : "", ind);
        id_list(g, mark, 1, fp);
        fprintf(fp, " | ");
        id_list(g, mark, 2, fp);
        fprintf(fp, "\n");
    }
    free(mark);
    if (f->n_frustrated) {
        fprintf(fp, "%s%sFrustrated dyads (positive across the sides, negative within one):",
                md ? "\n" : "", ind);
        for (size_t k = 0; k < f->n_frustrated; k++) {
            const ag_dyad_t *y = &g->dyads[f->frustrated[k]];
            char pair[256], net[32];
            side_label(g, y, pair, sizeof pair);
            fprintf(fp, "%s %s (%s)", k ? "," : "", pair, ag_format_number(y->net, net));
        }
        fprintf(fp, "\n");
    }
    if (o->blocks && it->bm.k) {
        const ag_blockmodel_t *bm = &it->bm;
        fprintf(fp, "%s%s%d-balance partition (Doreian and Mrvar, alpha %s, best of %d starts): "
                    "error %s = %zu negative inside, %zu positive between\n",
                md ? "\n" : "", ind, bm->k, ag_format_number(bm->alpha, a), bm->restarts,
                ag_format_number(bm->error, b), bm->neg_inside, bm->pos_between);
        if (md)
            fprintf(fp, "\n");
        for (long c = 0; c <= bm->blocks; c++) {
            long want = c < bm->blocks ? c : -1;
            bool any = false;
            for (size_t v = 0; v < g->n && !any; v++)
                any = bm->block[v] == want;
            if (!any)
                continue;
            if (want < 0)
                fprintf(fp, "%sno signed dyad: ", md ? "- " : "    ");
            else
                fprintf(fp, md ? "- %ld: " : "    %ld  ", c + 1);
            id_list(g, bm->block, want, fp);
            fprintf(fp, "\n");
        }
    }
    return AG_OK;
}

static ag_status_t write_text(const ag_dataset_t *ds, const ag_balance_opts_t *o,
                              const item_t *items, size_t n, const char *types,
                              ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    bool md = fmt == AG_FMT_MD;
    ag_table_t t;
    ag_status_t st;
    fprintf(fp, "%sStructural balance: %s\n\n", md ? "# " : "", ds->name);
    fprintf(fp, "Level %s, types %s. Dyads are signed by their net (the sum of w = sign x "
                "weight over all their relations); dyads whose net is 0 are left out. "
                "Balanced: +++ and +--; unbalanced: ++- and ---.\n\n",
            ag_level_name(o->level), types);
    if ((st = summary_table(ds, items, n, o, &t, err)) != AG_OK)
        return st;
    st = ag_table_write(&t, fmt, fp, err);
    ag_table_destroy(&t);
    if (st != AG_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        const item_t *it = &items[i];
        const ag_era_t *e = &ds->eras[it->era];
        size_t shown = 0;
        fprintf(fp, "\n%s%s (%s, %s): %zu unbalanced of %zu triangle%s\n", md ? "## " : "",
                e->id, e->name, e->period_text, it->b.unbalanced, it->b.triangles,
                it->b.triangles == 1 ? "" : "s");
        if ((st = write_signed(it, o, md, fp, err)) != AG_OK)
            return st;
        if (o->list == AG_LIST_NONE)
            continue;
        for (size_t k = 0; k < it->b.triangles; k++) {
            const ag_triangle_t *tr = &it->b.tri[k];
            char label[512];
            if (!listed(o, tr))
                continue;
            if (o->max_named && shown == o->max_named)
                break;
            shown++;
            triangle_label(&it->g, tr, label, sizeof label);
            fprintf(fp, "\n%s%s: %s %s\n\n", md ? "### " : "", label, ag_triad_name(tr->kind),
                    ag_triad_balanced(tr->kind) ? "balanced" : "unbalanced");
            if ((st = triangle_table(&it->g, tr, &t, err)) != AG_OK)
                return st;
            st = ag_table_write(&t, fmt, fp, err);
            ag_table_destroy(&t);
            if (st != AG_OK)
                return st;
        }
        if (!shown)
            fprintf(fp, "\nNo %striangles.\n", o->list == AG_LIST_UNBALANCED ? "unbalanced " : "");
        else if (o->max_named && count_listed(o, &it->b) > shown)
            fprintf(fp, "\n%zu more %striangles not named (--max-triangles 0 names them all).\n",
                    count_listed(o, &it->b) - o->max_named,
                    o->list == AG_LIST_UNBALANCED ? "unbalanced " : "");
    }
    if (ferror(fp))
        return ag_error_set(err, AG_EIO, NULL, 0, "write error");
    return AG_OK;
}

/* A triangle as JSON: actors, pattern, and its sides with their relations. */
static json_t *triangle_json(const ag_era_graph_t *g, const ag_triangle_t *t)
{
    static const char *const head[] = { "actor1", "actor2", "sign", "net" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT, AG_COL_NUMBER };
    json_t *o = json_object(), *actors = json_array(), *sides = NULL;
    ag_table_t st;
    if (!o || !actors || ag_table_init(&st, 4, head, type, NULL) != AG_OK)
        goto fail;
    for (int s = 0; s < 3; s++) {
        const ag_dyad_t *y = &g->dyads[t->dyad[s]];
        char net[32];
        const char *cells[4] = { g->ds->actors[g->actor[y->u]].id,
                                 g->ds->actors[g->actor[y->v]].id, t->sign[s] > 0 ? "+" : "-",
                                 ag_format_number(y->net, net) };
        if (ag_table_add(&st, cells, NULL) != AG_OK ||
            json_array_append_new(actors, json_string(g->ds->actors[g->actor[t->v[s]]].id)))
            goto fail_table;
    }
    if (!(sides = ag_table_json(&st)))
        goto fail_table;
    for (int s = 0; s < 3; s++) {
        const ag_dyad_t *y = &g->dyads[t->dyad[s]];
        json_t *rels = ag_relations_json(g->ds, y->rels, y->n_rels);
        if (!rels || json_object_set_new(json_array_get(sides, (size_t)s), "relations", rels))
            goto fail_table;
    }
    ag_table_destroy(&st);
    if (json_object_set_new(o, "actors", actors) ||
        json_object_set_new(o, "pattern", json_string(ag_triad_name(t->kind))) ||
        json_object_set_new(o, "balanced", json_boolean(ag_triad_balanced(t->kind))) ||
        json_object_set_new(o, "sides", sides)) {
        json_decref(o);
        return NULL;
    }
    return o;
fail_table:
    ag_table_destroy(&st);
fail:
    json_decref(o);
    json_decref(actors);
    json_decref(sides);
    return NULL;
}

/* The ids of the vertices with key[v] == want, as a JSON array. */
static json_t *id_array(const ag_era_graph_t *g, const long *key, long want)
{
    json_t *a = json_array();
    for (size_t v = 0; a && v < g->n; v++)
        if (key[v] == want &&
            json_array_append_new(a, json_string(g->ds->actors[g->actor[v]].id))) {
            json_decref(a);
            return NULL;
        }
    return a;
}

/* An era's frustration (sides, frustrated dyads) and blocks as JSON. */
static json_t *signed_json(const item_t *it, const ag_balance_opts_t *o)
{
    const ag_era_graph_t *g = &it->g;
    const ag_frustration_t *f = &it->f;
    json_t *fo = json_object(), *sides = json_array(), *dy = json_array(), *bo = NULL;
    long *mark = calloc(g->n ? g->n : 1, sizeof *mark);
    bool ok = fo && sides && dy && mark;

    for (size_t d = 0; ok && d < g->n_dyads; d++)
        if (ag_dyad_sign(&g->dyads[d]))
            mark[g->dyads[d].u] = mark[g->dyads[d].v] = 1;
    for (size_t v = 0; ok && v < g->n; v++)
        if (mark[v])
            mark[v] = 1 + f->side[v];
    for (long c = 1; ok && c <= 2; c++)
        ok = !json_array_append_new(sides, id_array(g, mark, c));
    for (size_t k = 0; ok && k < f->n_frustrated; k++) {
        const ag_dyad_t *y = &g->dyads[f->frustrated[k]];
        json_t *x = json_pack("{s:s, s:s, s:s, s:f}", "actor1", g->ds->actors[g->actor[y->u]].id,
                              "actor2", g->ds->actors[g->actor[y->v]].id, "sign",
                              ag_dyad_sign(y) > 0 ? "+" : "-", "net", y->net);
        ok = x && !json_object_set_new(x, "relations", ag_relations_json(g->ds, y->rels,
                                                                        y->n_rels)) &&
             !json_array_append_new(dy, x);
    }
    free(mark);
    if (ok && o->blocks && it->bm.k) {
        const ag_blockmodel_t *bm = &it->bm;
        json_t *list = json_array();
        bo = json_pack("{s:i, s:f, s:f, s:I, s:I, s:i}", "k", bm->k, "alpha", bm->alpha,
                       "error", bm->error, "neg_inside", (json_int_t)bm->neg_inside,
                       "pos_between", (json_int_t)bm->pos_between, "restarts", bm->restarts);
        ok = bo && list;
        for (long c = 0; ok && c < bm->blocks; c++)
            ok = !json_array_append_new(list, id_array(g, bm->block, c));
        ok = ok && !json_object_set_new(bo, "blocks", list) &&
             !json_object_set_new(bo, "no_signed_dyad", id_array(g, bm->block, -1));
        if (!ok && !bo)
            json_decref(list);
    }
    if (ok && (json_object_set_new(fo, "sides", sides) ||
               json_object_set_new(fo, "frustrated", dy) ||
               (bo && json_object_set_new(fo, "blocks", bo))))
        return json_decref(fo), NULL;
    if (!ok) {
        json_decref(fo);
        json_decref(sides);
        json_decref(dy);
        json_decref(bo);
        return NULL;
    }
    return fo;
}

static ag_status_t write_json(const ag_dataset_t *ds, const ag_balance_opts_t *o,
                              const item_t *items, size_t n, const char *types, FILE *fp,
                              ag_error_t *err)
{
    static const char *const list_names[] = { "none", "unbalanced", "all" };
    json_t *root = json_object(), *eras = NULL;
    ag_table_t t;
    ag_status_t st;
    if (!root)
        return OOM(err);
    if ((st = summary_table(ds, items, n, o, &t, err)) != AG_OK)
        goto fail;
    eras = ag_table_json(&t);
    ag_table_destroy(&t);
    if (!eras || json_object_set_new(root, "dataset", json_string(ds->name)) ||
        json_object_set_new(root, "level", json_string(ag_level_name(o->level))) ||
        json_object_set_new(root, "types", json_string(types)) ||
        json_object_set_new(root, "listed", json_string(list_names[o->list])))
        goto oom;
    for (size_t i = 0; i < n; i++) {
        const item_t *it = &items[i];
        json_t *e = json_array_get(eras, i), *list = json_array();
        if (!list || json_object_set_new(e, "name", json_string(ds->eras[it->era].name)) ||
            json_object_set_new(e, "period", json_string(ds->eras[it->era].period_text)) ||
            json_object_set_new(e, "signed_dyads", json_integer((json_int_t)it->b.signed_dyads)) ||
            json_object_set_new(e, "named_triangles", list))
            goto oom;
        size_t named = 0, listable = o->list == AG_LIST_NONE ? 0 : count_listed(o, &it->b);
        for (size_t k = 0; k < it->b.triangles; k++) {
            if (!listed(o, &it->b.tri[k]) || (o->max_named && named == o->max_named))
                continue;
            named++;
            if (json_array_append_new(list, triangle_json(&it->g, &it->b.tri[k])))
                goto oom;
        }
        if (json_object_set_new(e, "triangles_not_named", json_integer((json_int_t)(listable - named))) ||
            json_object_set_new(e, "signed", signed_json(it, o)))
            goto oom;
    }
    if (json_object_set_new(root, "eras", eras)) {
        eras = NULL;
        goto oom;
    }
    eras = NULL;
    st = ag_json_write(root, fp, err);
    json_decref(root);
    return st;
oom:
    st = OOM(err);
fail:
    json_decref(eras);
    json_decref(root);
    return st;
}

ag_status_t ag_balance_report(const ag_dataset_t *ds, const ag_balance_opts_t *opts,
                              ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    item_t *items = calloc(opts->n_eras ? opts->n_eras : 1, sizeof *items);
    size_t n = 0;
    char *types = ag_types_list(ds, opts->types);
    ag_status_t st = AG_OK;
    if (!items || !types) {
        st = OOM(err);
        goto done;
    }
    for (size_t i = 0; i < opts->n_eras; i++) {
        const ag_era_t *e = &ds->eras[opts->eras[i]];
        ag_slice_opts_t so;
        item_t *it = &items[n];
        ag_slice_opts_default(&so);
        so.first = e->period.first;
        so.last = e->period.last;
        so.level = opts->level;
        so.types = opts->types;
        if ((st = ag_era_graph_init(&it->g, ds, &so, err)) != AG_OK)
            goto done;
        it->era = opts->eras[i];
        if (it->g.n_rels == 0) { /* no relations, no row */
            ag_era_graph_destroy(&it->g);
            continue;
        }
        n++;
        if ((st = ag_balance_compute(&it->g, &it->b, err)) != AG_OK ||
            (st = ag_frustration_compute(&it->g,
                                         opts->seconds > 0 ? opts->seconds
                                                           : AG_FRUSTRATION_SECONDS,
                                         &it->f, err)) != AG_OK ||
            (st = ag_walk_balance(&it->g, &it->walk, err)) != AG_OK ||
            (opts->blocks && (st = ag_blockmodel_compute(&it->g, opts->blocks, 0.5,
                                                         AG_BLOCKMODEL_RESTARTS, &it->bm,
                                                         err)) != AG_OK))
            goto done;
    }
    switch (fmt) {
    case AG_FMT_CSV: {
        ag_table_t t;
        if ((st = summary_table(ds, items, n, opts, &t, err)) == AG_OK) {
            st = ag_table_write(&t, fmt, fp, err);
            ag_table_destroy(&t);
        }
        break;
    }
    case AG_FMT_JSON:
        st = write_json(ds, opts, items, n, types, fp, err);
        break;
    case AG_FMT_TABLE:
    case AG_FMT_MD:
    default:
        st = write_text(ds, opts, items, n, types, fmt, fp, err);
        break;
    }
done:
    for (size_t i = 0; items && i < opts->n_eras; i++) {
        ag_balance_destroy(&items[i].b);
        ag_frustration_destroy(&items[i].f);
        ag_blockmodel_destroy(&items[i].bm);
        ag_era_graph_destroy(&items[i].g);
    }
    free(items);
    free(types);
    return st;
}
