/*
 * balance_page.c: the page of a balance report (balance.h): for people the
 * table of eras, then the triangles named with the relations behind their
 * sides; for machines that table as CSV, and everything as JSON.
 */
#include <stdlib.h>
#include <string.h>

#include "actorgraph/balance.h"
#include "actorgraph/pages.h"
#include "pages/backend.h"

#define OOM(err) ag_i_oom(err)

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

static ag_status_t summary_table(const ag_dataset_t *ds, const ag_balance_era_t *items, size_t n,
                                 ag_level_t level, ag_num_style_t ns, ag_table_t *t,
                                 ag_error_t *err)
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
        cells[9] = ag_doc_number(b->ratio, ns, buf[7]);
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
                                  ag_num_style_t ns, ag_table_t *out, ag_error_t *err)
{
    static const char *const lead_head[] = { "side", "net" };
    ag_status_t st;
    if ((st = ag_relations_table_init(out, lead_head, 2, err)) != AG_OK)
        return st;
    for (int s = 0; s < 3; s++) {
        const ag_dyad_t *y = &g->dyads[t->dyad[s]];
        char side[256], net[32];
        const char *lead[2] = { side, ag_doc_number(y->net, ns, net) };
        side_label(g, y, side, sizeof side);
        for (size_t k = 0; k < y->n_rels; k++)
            if ((st = ag_relations_table_add(out, g->ds, y->rels[k], lead, ns, err)) != AG_OK) {
                ag_table_destroy(out);
                return st;
            }
    }
    return AG_OK;
}

static ag_status_t people_page(const ag_balance_report_t *r, const char *types,
                               ag_doc_t *doc, ag_error_t *err)
{
    const ag_dataset_t *ds = r->ds;
    const ag_balance_opts_t *o = &r->opts;
    ag_table_t t;
    ag_status_t st;
    char title[1024];
    snprintf(title, sizeof title, "Structural balance: %s", ds->name);
    if ((st = ag_doc_title(doc, 0, title, err)) != AG_OK ||
        (st = ag_doc_paragraphf(doc, 0, err,
                                "Level %s, types %s. Dyads are signed by their net (the sum of w "
                                "= sign x weight over all their relations); dyads whose net is 0 "
                                "are left out. Balanced: +++ and +--; unbalanced: ++- and ---.",
                                ag_level_name(o->level), types)) != AG_OK ||
        (st = summary_table(ds, r->eras, r->n_eras, o->level, AG_NUM_TABLE, &t, err)) != AG_OK ||
        (st = ag_doc_table(doc, 0, NULL, "Balance by era", &t, err)) != AG_OK)
        return st;
    if (o->list == AG_LIST_NONE)
        return AG_OK;
    for (size_t i = 0; i < r->n_eras; i++) {
        const ag_balance_era_t *it = &r->eras[i];
        const ag_era_t *e = &ds->eras[it->era];
        size_t shown = 0;
        char h[1024];
        snprintf(h, sizeof h, "%s (%s, %s): %zu unbalanced of %zu triangle%s", e->id, e->name,
                 e->period_text, it->b.unbalanced, it->b.triangles,
                 it->b.triangles == 1 ? "" : "s");
        if ((st = ag_doc_heading(doc, 0, 2, e->id, h, err)) != AG_OK)
            return st;
        for (size_t k = 0; k < it->b.triangles; k++) {
            const ag_triangle_t *tr = &it->b.tri[k];
            char label[512];
            if (!listed(o, tr))
                continue;
            if (o->max_named && shown == o->max_named)
                break;
            shown++;
            triangle_label(&it->g, tr, label, sizeof label);
            snprintf(h, sizeof h, "%s: %s %s", label, ag_triad_name(tr->kind),
                     ag_triad_balanced(tr->kind) ? "balanced" : "unbalanced");
            if ((st = ag_doc_heading(doc, 0, 3, NULL, h, err)) != AG_OK ||
                (st = triangle_table(&it->g, tr, AG_NUM_TABLE, &t, err)) != AG_OK ||
                (st = ag_doc_table(doc, 0, NULL, label, &t, err)) != AG_OK)
                return st;
        }
        if (!shown)
            st = ag_doc_paragraphf(doc, 0, err, "No %striangles.",
                                   o->list == AG_LIST_UNBALANCED ? "unbalanced " : "");
        else if (o->max_named && count_listed(o, &it->b) > shown)
            st = ag_doc_paragraphf(doc, 0, err,
                                   "%zu more %striangles not named (--max-triangles 0 names "
                                   "them all).",
                                   count_listed(o, &it->b) - o->max_named,
                                   o->list == AG_LIST_UNBALANCED ? "unbalanced " : "");
        if (st != AG_OK)
            return st;
    }
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
                                 ag_doc_number(y->net, AG_NUM_DATA, net) };
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

static ag_status_t machine_json(const ag_balance_report_t *r, const char *types,
                                ag_doc_t *doc, ag_error_t *err)
{
    const ag_dataset_t *ds = r->ds;
    const ag_balance_opts_t *o = &r->opts;
    const ag_balance_era_t *items = r->eras;
    size_t n = r->n_eras;
    static const char *const list_names[] = { "none", "unbalanced", "all" };
    json_t *root = json_object(), *eras = NULL;
    ag_table_t t;
    ag_status_t st;
    if (!root)
        return OOM(err);
    if ((st = summary_table(ds, items, n, o->level, AG_NUM_DATA, &t, err)) != AG_OK)
        goto fail;
    eras = ag_table_json(&t);
    ag_table_destroy(&t);
    if (!eras || json_object_set_new(root, "dataset", json_string(ds->name)) ||
        json_object_set_new(root, "level", json_string(ag_level_name(o->level))) ||
        json_object_set_new(root, "types", json_string(types)) ||
        json_object_set_new(root, "listed", json_string(list_names[o->list])))
        goto oom;
    for (size_t i = 0; i < n; i++) {
        const ag_balance_era_t *it = &items[i];
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
    return ag_doc_set_json(doc, root, err);
oom:
    st = OOM(err);
fail:
    json_decref(eras);
    json_decref(root);
    return st;
}

ag_status_t ag_balance_page(const ag_balance_report_t *r, unsigned audience, ag_doc_t *doc,
                            ag_error_t *err)
{
    char *types = ag_types_list(r->ds, r->opts.types);
    ag_table_t t;
    ag_status_t st = AG_OK;
    if (!types)
        return OOM(err);
    if (audience & AG_FOR_PEOPLE)
        st = people_page(r, types, doc, err);
    if (st == AG_OK && audience & AG_FOR_MACHINE &&
        (st = summary_table(r->ds, r->eras, r->n_eras, r->opts.level, AG_NUM_DATA, &t, err)) ==
            AG_OK &&
        (st = ag_doc_table(doc, AG_FOR_MACHINE | AG_BLOCK_DATA, "eras", NULL, &t, err)) == AG_OK)
        st = machine_json(r, types, doc, err);
    free(types);
    return st;
}

ag_status_t ag_balance_report(const ag_dataset_t *ds, const ag_balance_opts_t *opts,
                              ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    ag_balance_report_t r;
    ag_doc_t doc;
    ag_status_t st;
    if ((st = ag_balance_report_init(&r, ds, opts, err)) != AG_OK)
        return st;
    ag_doc_init(&doc);
    st = ag_balance_page(&r, ag_doc_audience(fmt), &doc, err);
    if (st == AG_OK)
        st = ag_doc_write(&doc, fmt, fp, err);
    ag_doc_destroy(&doc);
    ag_balance_report_destroy(&r);
    return st;
}
