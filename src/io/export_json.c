/*
 * export_json.c: the JSON formats, NetworkX's node-link JSON and
 * Cytoscape.js JSON (export.h).
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/table.h"
#include "io/export_i.h"

/* A column's value as JSON: numbers from their printed text, so that JSON
 * and CSV agree; a missing number is null. */
static json_t *json_value(ag_i_col_type_t type, const char *text)
{
    switch (type) {
    case AG_I_COL_DOUBLE: return *text ? json_real(strtod(text, NULL)) : json_null();
    case AG_I_COL_INT: return *text ? json_integer(strtoll(text, NULL, 10)) : json_null();
    case AG_I_COL_BOOL: return json_boolean(strcmp(text, "true") == 0);
    case AG_I_COL_STRING: break;
    }
    return json_string(text);
}

/* JSON readers (NetworkX, Cytoscape) show "name"; the XML and CSV formats
 * say "label" as Gephi does. */
static const char *json_name(const ag_i_col_t *c)
{
    return c->src == AG_I_NODE_LABEL ? "name" : c->name;
}

/* Sets the fields of vertex v into o; true when something failed. */
static bool node_fields(const ag_i_export_t *x, size_t v, json_t *o)
{
    char buf[64];
    bool bad = json_object_set_new(o, "id", json_string(ag_i_export_node_id(x, v)));
    for (size_t c = 0; !bad && c < x->n_node_cols; c++) {
        const ag_i_col_t *col = &x->node_cols[c];
        bad = json_object_set_new(o, json_name(col),
                                  json_value(col->type, ag_i_export_node_value(x, v, col, buf)));
    }
    return bad;
}

static bool edge_fields(const ag_i_export_t *x, size_t i, json_t *o)
{
    const ag_i_edge_t *e = &x->edges[i];
    char buf[64];
    bool bad = json_object_set_new(o, "source", json_string(ag_i_export_node_id(x, (size_t)e->u))) ||
               json_object_set_new(o, "target", json_string(ag_i_export_node_id(x, (size_t)e->v)));
    for (size_t c = 0; !bad && c < x->n_edge_cols; c++) {
        const ag_i_col_t *col = &x->edge_cols[c];
        bad = json_object_set_new(o, col->name,
                                  json_value(col->type, ag_i_export_edge_value(x, e, col, buf)));
    }
    return bad;
}

static ag_status_t finish(json_t *root, bool bad, FILE *fp, ag_error_t *err)
{
    ag_status_t st;
    if (bad) {
        json_decref(root);
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    }
    st = ag_json_write(root, fp, err);
    json_decref(root);
    return st;
}

/* The graph's own fields: title, level, ties and what the edges are. */
static bool graph_fields(const ag_i_export_t *x, json_t *o)
{
    bool bad = false;
    if (x->opts->title)
        bad = json_object_set_new(o, "title", json_string(x->opts->title));
    return bad ||
           json_object_set_new(o, "level", json_string(ag_level_name(x->g->opts.level))) ||
           json_object_set_new(o, "ties", json_string(ag_ties_name(x->g->opts.ties))) ||
           json_object_set_new(o, "edges", json_string(x->directed ? "relations" : "dyads"));
}

ag_status_t ag_i_export_json(const ag_i_export_t *x, FILE *fp, ag_error_t *err)
{
    /* root owns everything from the start: jansson's *_new calls take the
     * reference even when they fail (and fail on a NULL object or value),
     * so one decref frees it all. */
    json_t *root = json_object(), *graph = json_object(), *nodes = json_array(),
           *links = json_array();
    bool bad = json_object_set_new(root, "directed", json_boolean(x->directed)) ||
               json_object_set_new(root, "multigraph", json_boolean(x->directed)) ||
               json_object_set_new(root, "graph", graph) ||
               json_object_set_new(root, "nodes", nodes) ||
               json_object_set_new(root, "links", links) || graph_fields(x, graph);
    for (size_t v = 0; !bad && v < x->g->n; v++) {
        json_t *o = json_object();
        bad = json_array_append_new(nodes, o) || !o || node_fields(x, v, o);
    }
    for (size_t i = 0; !bad && i < x->n_edges; i++) {
        json_t *o = json_object();
        bad = json_array_append_new(links, o) || !o || edge_fields(x, i, o) ||
              (x->directed && json_object_set_new(o, "key", json_integer((json_int_t)i)));
    }
    return finish(root, bad, fp, err);
}

ag_status_t ag_i_export_cyjs(const ag_i_export_t *x, FILE *fp, ag_error_t *err)
{
    json_t *root = json_object(), *data = json_object(), *elements = json_object(),
           *nodes = json_array(), *edges = json_array();
    char id[32];
    bool bad = json_object_set_new(root, "format_version", json_string("1.0")) ||
               json_object_set_new(root, "generated_by", json_string("actorgraph")) ||
               json_object_set_new(root, "target_cytoscapejs_version", json_string("~2.1")) ||
               json_object_set_new(root, "data", data) ||
               json_object_set_new(root, "elements", elements) ||
               json_object_set_new(elements, "nodes", nodes) ||
               json_object_set_new(elements, "edges", edges) || graph_fields(x, data) ||
               json_object_set_new(data, "directed", json_boolean(x->directed));
    for (size_t v = 0; !bad && v < x->g->n; v++) {
        json_t *o = json_object(), *d = json_object();
        bad = json_array_append_new(nodes, o) || !o || json_object_set_new(o, "data", d) ||
              node_fields(x, v, d);
    }
    for (size_t i = 0; !bad && i < x->n_edges; i++) {
        json_t *o = json_object(), *d = json_object();
        /* Cytoscape.js wants an id for every element, unique among nodes
         * and edges both; actor ids hold no '#'. */
        snprintf(id, sizeof id, "e#%zu", i);
        bad = json_array_append_new(edges, o) || !o || json_object_set_new(o, "data", d) ||
              json_object_set_new(d, "id", json_string(id)) || edge_fields(x, i, d);
    }
    return finish(root, bad, fp, err);
}
