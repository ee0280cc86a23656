/*
 * balance.c: structural balance on the net-signed dyad graph, and the
 * balance report (see balance.h and docs/METHODS.md, "Structural balance").
 */
#include "actorgraph/balance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/explain.h"
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
                                 ag_level_t level, ag_table_t *t, ag_error_t *err)
{
    static const char *const head[] = { "era", "level", "triangles", "balanced", "unbalanced",
                                        "ppp", "pmm", "ppm", "mmm", "ratio" };
    ag_coltype_t type[10];
    ag_status_t st;
    for (size_t c = 0; c < 10; c++)
        type[c] = c < 2 ? AG_COL_TEXT : AG_COL_NUMBER;
    if ((st = ag_table_init(t, 10, head, type, err)) != AG_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        const ag_balance_t *b = &items[i].b;
        char buf[8][32];
        const char *cells[10];
        cells[0] = ds->eras[items[i].era].id;
        cells[1] = ag_level_name(level);
        snprintf(buf[0], 32, "%zu", b->triangles);
        snprintf(buf[1], 32, "%zu", b->balanced);
        snprintf(buf[2], 32, "%zu", b->unbalanced);
        for (int k = 0; k < AG_TRIAD_COUNT; k++)
            snprintf(buf[3 + k], 32, "%zu", b->count[k]);
        for (int k = 0; k < 7; k++)
            cells[2 + k] = buf[k];
        cells[9] = ag_format_number(b->ratio, buf[7]);
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
    if ((st = summary_table(ds, items, n, o->level, &t, err)) != AG_OK)
        return st;
    st = ag_table_write(&t, fmt, fp, err);
    ag_table_destroy(&t);
    if (st != AG_OK)
        return st;
    if (o->list == AG_LIST_NONE)
        goto done;
    for (size_t i = 0; i < n; i++) {
        const item_t *it = &items[i];
        const ag_era_t *e = &ds->eras[it->era];
        size_t shown = 0;
        fprintf(fp, "\n%s%s (%s, %s): %zu unbalanced of %zu triangle%s\n", md ? "## " : "",
                e->id, e->name, e->period_text, it->b.unbalanced, it->b.triangles,
                it->b.triangles == 1 ? "" : "s");
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
done:
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
    if ((st = summary_table(ds, items, n, o->level, &t, err)) != AG_OK)
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
        if (json_object_set_new(e, "triangles_not_named", json_integer((json_int_t)(listable - named))))
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
        so.dates = opts->dates;
        if ((st = ag_era_graph_init(&it->g, ds, &so, err)) != AG_OK)
            goto done;
        it->era = opts->eras[i];
        if (it->g.n_rels == 0) { /* no relations, no row */
            ag_era_graph_destroy(&it->g);
            continue;
        }
        n++;
        if ((st = ag_balance_compute(&it->g, &it->b, err)) != AG_OK)
            goto done;
    }
    switch (fmt) {
    case AG_FMT_CSV: {
        ag_table_t t;
        if ((st = summary_table(ds, items, n, opts->level, &t, err)) == AG_OK) {
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
        ag_era_graph_destroy(&items[i].g);
    }
    free(items);
    free(types);
    return st;
}
