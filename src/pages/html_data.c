/*
 * html_data.c: the data island of index.html (html_data.h): what
 * src/pages/html/report.js needs to open an actor's or a tie's panel and
 * to search, as one JSON object:
 *
 *   dataset   the dataset's name
 *   metrics   [{id, label}] in report order
 *   eras      [{id, name, period}] in date order
 *   actors    {id: {name, kind, parent, lineage}}  (lineage: its root's id)
 *   lineages  {root: [ids from the earliest on]}
 *   relations [{date, source, target, type, sign, weight, cite, note,
 *               line}] in date order
 *   values    {era: {actor: [[value, rank], …per metric]}}, values as
 *             people read them
 *   dyads     {era: {"A–B": {net, rels: [indices into relations]}}}
 */
#include "pages/html_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

/* Relations in date order: first day, last day, then file order. */
static int cmp_rel_date(const void *a, const void *b, void *ud)
{
    const ag_dataset_t *ds = ud;
    const ag_relation_t *x = &ds->relations[*(const long *)a];
    const ag_relation_t *y = &ds->relations[*(const long *)b];
    if (x->date.first != y->date.first)
        return x->date.first < y->date.first ? -1 : 1;
    if (x->date.last != y->date.last)
        return x->date.last < y->date.last ? -1 : 1;
    return (*(const long *)a > *(const long *)b) - (*(const long *)a < *(const long *)b);
}

/* Eras in date order: first day, last day, then the order added. */
static int cmp_era_date(const void *a, const void *b, void *ud)
{
    const ag_report_t *r = ud;
    const ag_report_era_t *x = &r->eras[*(const size_t *)a];
    const ag_report_era_t *y = &r->eras[*(const size_t *)b];
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    if (x->last != y->last)
        return x->last < y->last ? -1 : 1;
    return (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

void ag_i_era_date_order(const ag_report_t *r, size_t *order)
{
    for (size_t e = 0; e < r->n_eras; e++)
        order[e] = e;
    qsort_r(order, r->n_eras, sizeof *order, cmp_era_date, (void *)r);
}

/* Steps from an actor back to the root of its lineage. */
static long lineage_depth(const ag_dataset_t *ds, long a)
{
    long d = 0;
    while (ds->actors[a].continues >= 0 && d < (long)ds->n_actors) {
        a = ds->actors[a].continues;
        d++;
    }
    return d;
}

static int cmp_depth(const void *a, const void *b, void *ud)
{
    const ag_dataset_t *ds = ud;
    long x = *(const long *)a, y = *(const long *)b;
    long dx = lineage_depth(ds, x), dy = lineage_depth(ds, y);
    if (dx != dy)
        return dx < dy ? -1 : 1;
    return strcmp(ds->actors[x].id, ds->actors[y].id);
}

/* json_object_set_new that remembers a failure. */
static void put(json_t *o, const char *k, json_t *v, int *bad)
{
    if (!v || json_object_set_new(o, k, v) != 0)
        *bad = 1;
}

static void push(json_t *a, json_t *v, int *bad)
{
    if (!v || json_array_append_new(a, v) != 0)
        *bad = 1;
}

static json_t *actors_json(const ag_dataset_t *ds, int *bad)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    for (size_t i = 0; i < ds->n_actors; i++) {
        const ag_actor_t *a = &ds->actors[i];
        json_t *x = json_object();
        if (!x) {
            *bad = 1;
            break;
        }
        put(x, "name", json_string(a->name), bad);
        put(x, "kind", json_string(ag_kind_name(a->kind)), bad);
        put(x, "parent", a->parent >= 0 ? json_string(ds->actors[a->parent].id) : json_null(),
            bad);
        put(x, "lineage",
            json_string(ds->actors[ag_dataset_lineage_root(ds, (long)i)].id), bad);
        put(o, a->id, x, bad);
    }
    return o;
}

/* Lineages of more than one actor, each from its root on. */
static json_t *lineages_json(const ag_dataset_t *ds, int *bad)
{
    json_t *o = json_object();
    long *members = malloc((ds->n_actors ? ds->n_actors : 1) * sizeof *members);
    if (!o || !members) {
        json_decref(o);
        free(members);
        return NULL;
    }
    for (size_t root = 0; root < ds->n_actors; root++) {
        size_t n = 0;
        if (ag_dataset_lineage_root(ds, (long)root) != (long)root)
            continue;
        for (size_t i = 0; i < ds->n_actors; i++)
            if (ag_dataset_lineage_root(ds, (long)i) == (long)root)
                members[n++] = (long)i;
        if (n < 2)
            continue;
        qsort_r(members, n, sizeof *members, cmp_depth, (void *)ds);
        json_t *a = json_array();
        for (size_t k = 0; a && k < n; k++)
            push(a, json_string(ds->actors[members[k]].id), bad);
        put(o, ds->actors[root].id, a, bad);
    }
    free(members);
    return o;
}

json_t *ag_i_html_data(const ag_report_t *r, ag_i_human_fn human)
{
    const ag_dataset_t *ds = r->ds;
    json_t *root = json_object();
    json_t *metrics = json_array(), *eras = json_array(), *rels = json_array();
    json_t *values = json_object(), *dyads = json_object();
    long *order = malloc((ds->n_relations ? ds->n_relations : 1) * sizeof *order);
    long *pos = malloc((ds->n_relations ? ds->n_relations : 1) * sizeof *pos);
    size_t *eorder = malloc((r->n_eras ? r->n_eras : 1) * sizeof *eorder);
    char buf[64];
    int bad = 0;

    if (!root || !metrics || !eras || !rels || !values || !dyads || !order || !pos || !eorder) {
        bad = 1;
        goto done;
    }
    put(root, "dataset", json_string(ds->name), &bad);

    for (int m = 0; m < AG_M_COUNT; m++) {
        if (!(r->opts.metrics & (1u << m)))
            continue;
        json_t *x = json_object();
        if (x) {
            put(x, "id", json_string(ag_metric_name((ag_metric_t)m)), &bad);
            put(x, "label", json_string(ag_metric_name((ag_metric_t)m)), &bad);
        }
        push(metrics, x, &bad);
    }

    ag_i_era_date_order(r, eorder);
    for (size_t k = 0; k < r->n_eras; k++) {
        const ag_report_era_t *e = &r->eras[eorder[k]];
        json_t *x = json_object();
        if (x) {
            put(x, "id", json_string(e->id), &bad);
            put(x, "name", json_string(e->name), &bad);
            put(x, "period", json_string(e->period), &bad);
        }
        push(eras, x, &bad);
    }

    for (size_t i = 0; i < ds->n_relations; i++)
        order[i] = (long)i;
    qsort_r(order, ds->n_relations, sizeof *order, cmp_rel_date, (void *)ds);
    for (size_t k = 0; k < ds->n_relations; k++) {
        const ag_relation_t *rel = &ds->relations[order[k]];
        json_t *x = json_object();
        pos[order[k]] = (long)k;
        if (x) {
            put(x, "date", json_string(rel->date_text), &bad);
            put(x, "source", json_string(ds->actors[rel->source].id), &bad);
            put(x, "target", json_string(ds->actors[rel->target].id), &bad);
            put(x, "type", json_string(ds->types[rel->type].id), &bad);
            put(x, "sign", json_string(rel->sign > 0 ? "+" : "-"), &bad);
            snprintf(buf, sizeof buf, "%g", rel->weight);
            put(x, "weight", json_string(buf), &bad);
            put(x, "cite", json_string(rel->cite), &bad);
            put(x, "note", json_string(rel->note), &bad);
            put(x, "line", json_integer(rel->line), &bad);
        }
        push(rels, x, &bad);
    }

    for (size_t k = 0; k < r->n_eras; k++) {
        const ag_report_era_t *e = &r->eras[k];
        const ag_era_graph_t *g = &e->graph;
        json_t *ev = json_object(), *ed = json_object();
        for (size_t v = 0; ev && v < g->n; v++) {
            json_t *row = json_array();
            for (int m = 0; row && m < AG_M_COUNT; m++) {
                if (!(r->opts.metrics & (1u << m)))
                    continue;
                json_t *pair = json_array();
                if (pair) {
                    push(pair, json_string(human(e->metrics.value[m][v], buf)), &bad);
                    push(pair, json_integer(e->rank[m] ? e->rank[m][v] : 0), &bad);
                }
                push(row, pair, &bad);
            }
            put(ev, ds->actors[g->actor[v]].id, row, &bad);
        }
        for (size_t d = 0; ed && d < g->n_dyads; d++) {
            const ag_dyad_t *y = &g->dyads[d];
            const char *a = ds->actors[g->actor[y->u]].id, *b = ds->actors[g->actor[y->v]].id;
            char *key;
            json_t *x = json_object(), *list = json_array();
            if (strcmp(a, b) > 0) {
                const char *t = a;
                a = b;
                b = t;
            }
            for (size_t j = 0; list && j < y->n_rels; j++)
                push(list, json_integer(pos[y->rels[j]]), &bad);
            if (x) {
                put(x, "net", json_string(human(y->net, buf)), &bad);
                put(x, "rels", list, &bad);
            } else {
                json_decref(list);
            }
            key = malloc(strlen(a) + strlen(b) + 4);
            if (!key) {
                json_decref(x);
                bad = 1;
                break;
            }
            sprintf(key, "%s\xe2\x80\x93%s", a, b);
            put(ed, key, x, &bad);
            free(key);
        }
        put(values, e->id, ev, &bad);
        put(dyads, e->id, ed, &bad);
    }

    put(root, "metrics", metrics, &bad);
    put(root, "eras", eras, &bad);
    put(root, "actors", actors_json(ds, &bad), &bad);
    put(root, "lineages", lineages_json(ds, &bad), &bad);
    put(root, "relations", rels, &bad);
    put(root, "values", values, &bad);
    put(root, "dyads", dyads, &bad);
    metrics = eras = rels = values = dyads = NULL;
done:
    json_decref(metrics);
    json_decref(eras);
    json_decref(rels);
    json_decref(values);
    json_decref(dyads);
    free(order);
    free(pos);
    free(eorder);
    if (bad) {
        json_decref(root);
        return NULL;
    }
    return root;
}
