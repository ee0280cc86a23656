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
                                 ag_level_t level, int blocks, ag_num_style_t ns, ag_table_t *t,
                                 ag_error_t *err)
{
    static const char *const head[] = { "era", "level", "triangles", "balanced", "unbalanced",
                                        "ppp", "pmm", "ppm", "mmm", "ratio", "signed_dyads",
                                        "frustration", "frustration_exact", "frustration_lower",
                                        "frustration_normalised", "walk_balance", "block_error",
                                        "neg_inside", "pos_between" };
    size_t cols = blocks ? 19 : 16;
    ag_coltype_t type[19];
    ag_status_t st;
    for (size_t c = 0; c < cols; c++)
        type[c] = c < 2 || c == 12 ? AG_COL_TEXT : AG_COL_NUMBER;
    if ((st = ag_table_init(t, cols, head, type, err)) != AG_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        const ag_balance_t *b = &items[i].b;
        const ag_frustration_t *f = &items[i].f;
        char buf[16][32];
        const char *cells[19];
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
        snprintf(buf[8], 32, "%zu", b->signed_dyads);
        snprintf(buf[9], 32, "%zu", f->frustration);
        snprintf(buf[10], 32, "%zu", f->lower_bound);
        cells[10] = buf[8];
        cells[11] = buf[9];
        cells[12] = f->exact ? "true" : "false";
        cells[13] = buf[10];
        cells[14] = ag_doc_number(f->normalised, ns, buf[11]);
        cells[15] = ag_doc_number(items[i].walk, ns, buf[12]);
        if (blocks) {
            snprintf(buf[14], 32, "%zu", items[i].bm.neg_inside);
            snprintf(buf[15], 32, "%zu", items[i].bm.pos_between);
            cells[16] = ag_doc_number(items[i].bm.error, ns, buf[13]);
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

/* The sides of f: 1 and 2 for the two colours, 0 for an actor without a
 * signed dyad. NULL when out of memory. */
static long *side_marks(const ag_era_graph_t *g, const ag_frustration_t *f)
{
    long *mark = calloc(g->n ? g->n : 1, sizeof *mark);
    if (!mark)
        return NULL;
    for (size_t d = 0; d < g->n_dyads; d++)
        if (ag_dyad_sign(&g->dyads[d]))
            mark[g->dyads[d].u] = mark[g->dyads[d].v] = 1;
    for (size_t v = 0; v < g->n; v++)
        if (mark[v])
            mark[v] = 1 + f->side[v];
    return mark;
}

/* The paragraph written to fp, a memory stream on *buf: closes fp. */
static ag_status_t mem_paragraph(ag_doc_t *doc, char **buf, FILE *fp, ag_error_t *err)
{
    ag_status_t st;
    if (fclose(fp) != 0 || !*buf) {
        free(*buf);
        return OOM(err);
    }
    st = ag_doc_paragraph(doc, 0, *buf, err);
    free(*buf);
    return st;
}

/* Frustration, its sides and dyads, walk balance and the blocks of one
 * era, for people. */
static ag_status_t signed_section(const ag_balance_era_t *it, const ag_balance_opts_t *o,
                                  ag_doc_t *doc, ag_error_t *err)
{
    const ag_era_graph_t *g = &it->g;
    const ag_frustration_t *f = &it->f;
    char a[32], b[32], *buf = NULL;
    size_t len = 0;
    FILE *fp;
    ag_status_t st;
    long *mark;

    if ((st = ag_doc_paragraphf(doc, 0, err,
                                "Frustration %s%zu of %zu signed dyads%s, normalised %s; walk "
                                "balance %s.",
                                f->exact ? "" : "at most ", f->frustration, f->edges,
                                f->exact ? " (exact)" : "",
                                ag_doc_number(f->normalised, AG_NUM_PEOPLE, a),
                                ag_doc_number(it->walk, AG_NUM_PEOPLE, b))) != AG_OK)
        return st;
    if (!f->exact &&
        (st = ag_doc_paragraphf(doc, 0, err,
                                "Time limit reached: at least %zu (edge-disjoint unbalanced "
                                "triangles of the blocks not searched through).",
                                f->lower_bound)) != AG_OK)
        return st;
    if (f->edges) {
        if (!(mark = side_marks(g, f)))
            return OOM(err);
        if (!(fp = open_memstream(&buf, &len))) {
            free(mark);
            return OOM(err);
        }
        fputs("Sides attaining it: ", fp);
        id_list(g, mark, 1, fp);
        fputs(" | ", fp);
        id_list(g, mark, 2, fp);
        free(mark);
        if ((st = mem_paragraph(doc, &buf, fp, err)) != AG_OK)
            return st;
    }
    if (f->n_frustrated) {
        buf = NULL;
        if (!(fp = open_memstream(&buf, &len)))
            return OOM(err);
        fputs("Frustrated dyads (positive across the sides, negative within one):", fp);
        for (size_t k = 0; k < f->n_frustrated; k++) {
            const ag_dyad_t *y = &g->dyads[f->frustrated[k]];
            char pair[256], net[32];
            side_label(g, y, pair, sizeof pair);
            fprintf(fp, "%s %s (%s)", k ? "," : "", pair,
                    ag_doc_number(y->net, AG_NUM_PEOPLE, net));
        }
        fputc('.', fp);
        if ((st = mem_paragraph(doc, &buf, fp, err)) != AG_OK)
            return st;
    }
    if (o->blocks && it->bm.k) {
        const ag_blockmodel_t *bm = &it->bm;
        char **items = calloc((size_t)bm->blocks + 1, sizeof *items);
        size_t n_items = 0;
        if (!items)
            return OOM(err);
        st = ag_doc_paragraphf(doc, 0, err,
                               "%d-balance partition (Doreian and Mrvar, alpha %s, best of %d "
                               "starts): error %s = %zu negative inside, %zu positive between:",
                               bm->k, ag_doc_number(bm->alpha, AG_NUM_PEOPLE, a), bm->restarts,
                               ag_doc_number(bm->error, AG_NUM_PEOPLE, b), bm->neg_inside,
                               bm->pos_between);
        for (long c = 0; st == AG_OK && c <= bm->blocks; c++) {
            long want = c < bm->blocks ? c : -1;
            bool any = false;
            for (size_t v = 0; v < g->n && !any; v++)
                any = bm->block[v] == want;
            if (!any)
                continue;
            buf = NULL;
            if (!(fp = open_memstream(&buf, &len))) {
                st = OOM(err);
                break;
            }
            if (want < 0)
                fputs("no signed dyad: ", fp);
            else
                fprintf(fp, "%ld: ", c + 1);
            id_list(g, bm->block, want, fp);
            if (fclose(fp) != 0 || !buf) {
                free(buf);
                st = OOM(err);
                break;
            }
            items[n_items++] = buf;
        }
        if (st == AG_OK)
            st = ag_doc_list(doc, 0, false, (const char *const *)items, n_items, err);
        for (size_t k = 0; k < n_items; k++)
            free(items[k]);
        free(items);
        if (st != AG_OK)
            return st;
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
        (st = summary_table(ds, r->eras, r->n_eras, o->level, o->blocks, AG_NUM_TABLE, &t, err)) != AG_OK ||
        (st = ag_doc_table(doc, 0, NULL, "Balance by era", &t, err)) != AG_OK)
        return st;
    for (size_t i = 0; i < r->n_eras; i++) {
        const ag_balance_era_t *it = &r->eras[i];
        const ag_era_t *e = &ds->eras[it->era];
        size_t shown = 0;
        char h[1024];
        snprintf(h, sizeof h, "%s (%s, %s): %zu unbalanced of %zu triangle%s", e->id, e->name,
                 e->period_text, it->b.unbalanced, it->b.triangles,
                 it->b.triangles == 1 ? "" : "s");
        if ((st = ag_doc_heading(doc, 0, 2, e->id, h, err)) != AG_OK ||
            (st = signed_section(it, o, doc, err)) != AG_OK)
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
static json_t *signed_json(const ag_balance_era_t *it, const ag_balance_opts_t *o)
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
    if ((st = summary_table(ds, items, n, o->level, o->blocks, AG_NUM_DATA, &t, err)) != AG_OK)
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
        if (json_object_set_new(e, "triangles_not_named", json_integer((json_int_t)(listable - named))) ||
            json_object_set_new(e, "signed", signed_json(it, o)))
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
        (st = summary_table(r->ds, r->eras, r->n_eras, r->opts.level,
                                r->opts.blocks, AG_NUM_DATA, &t, err)) ==
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
