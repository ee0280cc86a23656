/*
 * explain_page.c: the page of an explanation (explain.h): for people a
 * title, the totals, the actor's dyads and the relations in date order;
 * for machines the relations as CSV, and everything as one JSON object.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/explain.h"
#include "actorgraph/pages.h"
#include "pages/backend.h"

#define OOM(err) ag_i_oom(err)

/* The one-row table of totals. */
static ag_status_t totals_table(const ag_explain_t *x, ag_num_style_t ns, ag_table_t *t,
                                ag_error_t *err)
{
    static const char *const dyad_head[] = { "relations", "pos", "neg", "net", "W", "sign" };
    static const char *const actor_head[] = { "relations", "degree", "strength", "in_degree",
                                              "out_degree" };
    static const ag_coltype_t numbers[] = { AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                            AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_TEXT };
    char b[6][32];
    const char *cells[6];
    ag_status_t st;
    snprintf(b[0], 32, "%zu", x->n_rels);
    cells[0] = b[0];
    if (x->actor_b >= 0) {
        if ((st = ag_table_init(t, 6, dyad_head, numbers, err)) != AG_OK)
            return st;
        cells[1] = ag_doc_number(x->pos, ns, b[1]);
        cells[2] = ag_doc_number(x->neg, ns, b[2]);
        cells[3] = ag_doc_number(x->net, ns, b[3]);
        cells[4] = ag_doc_number(x->W, ns, b[4]);
        cells[5] = x->dyad < 0 ? "" : fabs(x->net) < 1e-10 ? "0" : x->net > 0 ? "+" : "-";
    } else {
        if ((st = ag_table_init(t, 5, actor_head, numbers, err)) != AG_OK)
            return st;
        snprintf(b[1], 32, "%ld", x->degree);
        cells[1] = b[1];
        cells[2] = ag_doc_number(x->strength, ns, b[2]);
        snprintf(b[3], 32, "%ld", x->in_arcs);
        cells[3] = b[3];
        snprintf(b[4], 32, "%ld", x->out_arcs);
        cells[4] = b[4];
    }
    if ((st = ag_table_add(t, cells, err)) != AG_OK)
        ag_table_destroy(t);
    return st;
}

/* The actor's dyads: one row per neighbour. */
static ag_status_t dyads_table(const ag_explain_t *x, ag_num_style_t ns, ag_table_t *t,
                               ag_error_t *err)
{
    static const char *const head[] = { "neighbour", "name", "relations", "pos", "neg",
                                        "net", "W", "in_graph" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_TEXT };
    const ag_era_graph_t *g = x->g;
    ag_status_t st;
    if ((st = ag_table_init(t, 8, head, type, err)) != AG_OK)
        return st;
    for (size_t i = 0; i < x->n_dyads; i++) {
        const ag_dyad_t *y = &g->dyads[x->dyads[i]];
        const ag_actor_t *o = &g->ds->actors[g->actor[y->u == x->va ? y->v : y->u]];
        char b[5][32];
        const char *cells[8];
        snprintf(b[0], 32, "%zu", y->n_rels);
        cells[0] = o->id;
        cells[1] = o->name;
        cells[2] = b[0];
        cells[3] = ag_doc_number(y->pos, ns, b[1]);
        cells[4] = ag_doc_number(y->neg, ns, b[2]);
        cells[5] = ag_doc_number(y->net, ns, b[3]);
        cells[6] = ag_doc_number(y->W, ns, b[4]);
        cells[7] = y->edge >= 0 ? "yes" : "no";
        if ((st = ag_table_add(t, cells, err)) != AG_OK) {
            ag_table_destroy(t);
            return st;
        }
    }
    return AG_OK;
}

static ag_status_t relations_table(const ag_explain_t *x, long era, bool lead,
                                   ag_num_style_t ns, ag_table_t *t, ag_error_t *err)
{
    /* "placed" says by which rule each relation's date put it in the era
     * (interval, inside, mostly or partly inside: see ag_place_t). */
    static const char *const lead_head[] = { "era", "level", "placed" };
    const ag_dataset_t *ds = x->g->ds;
    const char *cells[3] = { era >= 0 ? ds->eras[era].id : "",
                             ag_level_name(x->g->opts.level), "" };
    ag_status_t st;
    if ((st = ag_relations_table_init(t, lead ? lead_head : lead_head + 2, lead ? 3 : 1,
                                      err)) != AG_OK)
        return st;
    for (size_t i = 0; i < x->n_rels; i++) {
        cells[2] = ag_place_name(ag_date_place(&ds->relations[x->rels[i]].date,
                                               x->g->opts.first, x->g->opts.last));
        if ((st = ag_relations_table_add(t, ds, x->rels[i], lead ? cells : cells + 2, ns,
                                         err)) != AG_OK) {
            ag_table_destroy(t);
            return st;
        }
    }
    return AG_OK;
}

/* "PAK (Pakistan)", with the actor asked for when it was rolled up. */
static void actor_text(const ag_dataset_t *ds, long actor, long asked, char *buf, size_t n)
{
    if (asked != actor)
        snprintf(buf, n, "%s (%s), counting %s (%s)", ds->actors[actor].id,
                 ds->actors[actor].name, ds->actors[asked].id, ds->actors[asked].name);
    else
        snprintf(buf, n, "%s (%s)", ds->actors[actor].id, ds->actors[actor].name);
}

/* Whether dyad d is among f's frustrated dyads. */
static bool is_frustrated(const ag_frustration_t *f, long d)
{
    for (size_t k = 0; k < f->n_frustrated; k++)
        if (f->frustrated[k] == d)
            return true;
    return false;
}

/* The frustration paragraph: the sides of the actor(s) in the colouring
 * with the fewest frustrated dyads, and which of their dyads are
 * frustrated. */
static ag_status_t frustration_section(const ag_explain_t *x, ag_doc_t *doc, ag_error_t *err)
{
    const ag_frustration_t *f = x->frustration;
    const ag_era_graph_t *g = x->g;
    const ag_dataset_t *ds = g->ds;
    size_t shown = 0, len = 0;
    char *buf = NULL;
    FILE *fp;
    ag_status_t st;

    if ((st = ag_doc_heading(doc, 0, 2, "frustration", "Frustration", err)) != AG_OK)
        return st;
    if (!(fp = open_memstream(&buf, &len)))
        return OOM(err);
    fprintf(fp, "The era's frustration index is %s%zu of %zu signed dyads%s (docs/METHODS.md, "
                "Signed measures). In a colouring attaining it, %s is on side %d",
            f->exact ? "" : "at most ", f->frustration, f->edges,
            f->exact ? "" : " (time limit reached)", ds->actors[x->actor].id,
            f->side[x->va] + 1);
    if (x->actor_b >= 0) {
        int s = ag_dyad_sign(&g->dyads[x->dyad]);
        fprintf(fp, " and %s on side %d. ", ds->actors[x->actor_b].id, f->side[x->vb] + 1);
        if (!s)
            fprintf(fp, "The dyad's net is 0: it is not in the signed graph.");
        else if (is_frustrated(f, x->dyad))
            fprintf(fp, "The dyad (net %s) is frustrated: %s.", s > 0 ? "positive" : "negative",
                    s > 0 ? "allies on opposite sides" : "enemies on the same side");
        else
            fprintf(fp, "The dyad (net %s) is not frustrated.", s > 0 ? "positive" : "negative");
    } else {
        fprintf(fp, ". Its frustrated dyads:");
        for (size_t k = 0; k < x->n_dyads; k++) {
            const ag_dyad_t *y = &g->dyads[x->dyads[k]];
            long other = y->u == x->va ? y->v : y->u;
            char net[32];
            if (!is_frustrated(f, x->dyads[k]))
                continue;
            fprintf(fp, "%s %s (net %s)", shown++ ? "," : "", ds->actors[g->actor[other]].id,
                    ag_doc_number(y->net, AG_NUM_PEOPLE, net));
        }
        fputs(shown ? "." : " none.", fp);
    }
    if (fclose(fp) != 0 || !buf) {
        free(buf);
        return OOM(err);
    }
    st = ag_doc_paragraph(doc, 0, buf, err);
    free(buf);
    return st;
}

static ag_status_t people_page(const ag_explain_t *x, long era, const char *types,
                               ag_doc_t *doc, ag_error_t *err)
{
    const ag_dataset_t *ds = x->g->ds;
    const char *what = x->actor_b >= 0 ? "dyad" : "actor";
    char a[600], b[600], where[800], *title = NULL;
    ag_table_t t;
    ag_status_t st;

    actor_text(ds, x->actor, x->asked, a, sizeof a);
    if (x->actor_b >= 0)
        actor_text(ds, x->actor_b, x->asked_b, b, sizeof b);
    if (era >= 0)
        snprintf(where, sizeof where, " in %s (%s, %s)", ds->eras[era].id, ds->eras[era].name,
                 ds->eras[era].period_text);
    else
        snprintf(where, sizeof where, ", all dates");
    if ((x->actor_b >= 0 ? asprintf(&title, "Dyad %s \xe2\x80\x93 %s%s", a, b, where)
                         : asprintf(&title, "%s%s", a, where)) < 0)
        return OOM(err);
    st = ag_doc_title(doc, 0, title, err);
    free(title);
    if (st != AG_OK ||
        (st = ag_doc_paragraphf(doc, AG_BLOCK_TIGHT, err,
                                "dataset %s, level %s, ties %s, types %s, dates %s", ds->name,
                                ag_level_name(x->g->opts.level),
                                ag_ties_name(x->g->opts.ties), types,
                                ag_dates_name(x->g->opts.dates))) != AG_OK)
        return st;
    if ((x->actor_b >= 0 && x->dyad < 0) || x->va < 0)
        return ag_doc_paragraphf(doc, 0, err, "No relations: the %s is not in this slice.", what);
    if ((st = ag_doc_heading(doc, 0, 2, "totals", "Totals", err)) != AG_OK ||
        (st = totals_table(x, AG_NUM_TABLE, &t, err)) != AG_OK ||
        (st = ag_doc_table(doc, 0, NULL, "Totals", &t, err)) != AG_OK)
        return st;
    if (x->frustration && (st = frustration_section(x, doc, err)) != AG_OK)
        return st;
    if (x->actor_b < 0 &&
        ((st = ag_doc_heading(doc, 0, 2, "dyads",
                              "Dyads (strength = sum of W over the dyads in the graph)", err)) != AG_OK ||
         (st = dyads_table(x, AG_NUM_TABLE, &t, err)) != AG_OK ||
         (st = ag_doc_table(doc, 0, NULL, "Dyads", &t, err)) != AG_OK))
        return st;
    if ((st = ag_doc_heading(doc, 0, 2, "relations", "Relations, in date order", err)) != AG_OK ||
        (st = relations_table(x, era, false, AG_NUM_TABLE, &t, err)) != AG_OK)
        return st;
    return ag_doc_table(doc, 0, NULL, "Relations", &t, err);
}

static int set_str(json_t *o, const char *k, const char *v)
{
    return json_object_set_new(o, k, v ? json_string(v) : json_null());
}

static json_t *actor_json(const ag_dataset_t *ds, long actor, long asked)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    if (set_str(o, "id", ds->actors[actor].id) || set_str(o, "name", ds->actors[actor].name) ||
        set_str(o, "asked", ds->actors[asked].id)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The first row of a table as a JSON object (new reference or NULL). */
static json_t *row_json(const ag_table_t *t)
{
    json_t *a = ag_table_json(t), *o;
    if (!a)
        return NULL;
    o = json_array_get(a, 0);
    if (o)
        json_incref(o);
    json_decref(a);
    return o ? o : json_object();
}

static ag_status_t machine_json(const ag_explain_t *x, long era, const char *types,
                                ag_doc_t *doc, ag_error_t *err)
{
    const ag_dataset_t *ds = x->g->ds;
    json_t *root = json_object(), *v;
    ag_table_t t;
    ag_status_t st;
    bool in_slice = x->actor_b >= 0 ? x->dyad >= 0 : x->va >= 0;
    if (!root)
        return OOM(err);
    if (set_str(root, "dataset", ds->name) ||
        set_str(root, "era", era >= 0 ? ds->eras[era].id : NULL) ||
        set_str(root, "period", era >= 0 ? ds->eras[era].period_text : NULL) ||
        set_str(root, "level", ag_level_name(x->g->opts.level)) ||
        set_str(root, "ties", ag_ties_name(x->g->opts.ties)) || set_str(root, "types", types) ||
        set_str(root, "dates", ag_dates_name(x->g->opts.dates)) ||
        json_object_set_new(root, "actor", actor_json(ds, x->actor, x->asked)) ||
        json_object_set_new(root, "actor_b", x->actor_b >= 0
                                                  ? actor_json(ds, x->actor_b, x->asked_b)
                                                  : json_null()) ||
        json_object_set_new(root, "in_slice", json_boolean(in_slice)))
        goto oom;
    if ((st = totals_table(x, AG_NUM_DATA, &t, err)) != AG_OK)
        goto fail;
    v = row_json(&t);
    ag_table_destroy(&t);
    if (!v || json_object_set_new(root, "totals", v))
        goto oom;
    if (x->actor_b < 0) {
        if ((st = dyads_table(x, AG_NUM_DATA, &t, err)) != AG_OK)
            goto fail;
        v = ag_table_json(&t);
        ag_table_destroy(&t);
        if (!v || json_object_set_new(root, "dyads", v))
            goto oom;
    }
    if (x->frustration && in_slice) {
        const ag_frustration_t *f = x->frustration;
        json_t *fo = json_pack("{s:I, s:I, s:b, s:i}", "index", (json_int_t)f->frustration,
                               "signed_dyads", (json_int_t)f->edges, "exact", f->exact,
                               "side", f->side[x->va] + 1);
        if (!fo || json_object_set_new(root, "frustration", fo))
            goto oom;
        if (x->actor_b >= 0) {
            if (json_object_set_new(fo, "side_b", json_integer(f->side[x->vb] + 1)) ||
                json_object_set_new(fo, "frustrated", json_boolean(is_frustrated(f, x->dyad))))
                goto oom;
        } else {
            json_t *list = json_array();
            if (!list || json_object_set_new(fo, "frustrated_with", list))
                goto oom;
            for (size_t k = 0; k < x->n_dyads; k++) {
                const ag_dyad_t *y = &x->g->dyads[x->dyads[k]];
                long other = y->u == x->va ? y->v : y->u;
                if (is_frustrated(f, x->dyads[k]) &&
                    json_array_append_new(list,
                                          json_string(ds->actors[x->g->actor[other]].id)))
                    goto oom;
            }
        }
    }
    if (!(v = ag_relations_json(ds, x->rels, x->n_rels)) ||
        json_object_set_new(root, "relations", v))
        goto oom;
    for (size_t i = 0; i < x->n_rels; i++) {
        ag_place_t p = ag_date_place(&ds->relations[x->rels[i]].date, x->g->opts.first,
                                     x->g->opts.last);
        if (set_str(json_array_get(v, i), "placed", ag_place_name(p)))
            goto oom;
    }
    return ag_doc_set_json(doc, root, err);
oom:
    st = OOM(err);
fail:
    json_decref(root);
    return st;
}

ag_status_t ag_explain_page(const ag_explain_t *x, long era, unsigned audience, ag_doc_t *doc,
                            ag_error_t *err)
{
    char *types = ag_types_list(x->g->ds, x->g->opts.types);
    ag_status_t st = AG_OK;
    ag_table_t t;
    if (!types)
        return OOM(err);
    if (audience & AG_FOR_PEOPLE)
        st = people_page(x, era, types, doc, err);
    if (st == AG_OK && audience & AG_FOR_MACHINE &&
        (st = relations_table(x, era, true, AG_NUM_DATA, &t, err)) == AG_OK &&
        (st = ag_doc_table(doc, AG_FOR_MACHINE | AG_BLOCK_DATA, "data", NULL, &t, err)) == AG_OK)
        st = machine_json(x, era, types, doc, err);
    free(types);
    return st;
}

ag_status_t ag_explain_write(const ag_explain_t *x, long era, ag_format_t fmt, FILE *fp,
                             ag_error_t *err)
{
    ag_doc_t doc;
    ag_status_t st;
    ag_doc_init(&doc);
    st = ag_explain_page(x, era, ag_doc_audience(fmt), &doc, err);
    if (st == AG_OK)
        st = ag_doc_write(&doc, fmt, fp, err);
    ag_doc_destroy(&doc);
    return st;
}
