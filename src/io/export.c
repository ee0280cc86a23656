/*
 * export.c: an era graph as GraphML, GEXF, node-link JSON or a Gephi edge
 * table (export.h).
 */
#include "actorgraph/export.h"

#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/table.h"
#include "core/util.h"

int ag_export_format_parse(const char *s)
{
    static const char *const names[] = { "graphml", "gexf", "json", "csv" };
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

const char *ag_export_format_name(ag_export_format_t f)
{
    static const char *const names[] = { "graphml", "gexf", "json", "csv" };
    return (unsigned)f < 4 ? names[f] : "?";
}

/* What is written of a dyad, computed once for every format. */
typedef struct {
    const ag_dyad_t *y;
    int32_t first, last;   /* span of its relations' dates */
    char types[512];       /* its relation types, in type order, ';'-joined */
} edge_t;

static void edge_info(const ag_era_graph_t *g, const ag_dyad_t *y, edge_t *e)
{
    const ag_dataset_t *ds = g->ds;
    size_t len = 0;
    e->y = y;
    e->first = AG_DAY_MAX;
    e->last = AG_DAY_MIN;
    e->types[0] = '\0';
    for (size_t k = 0; k < y->n_rels; k++) {
        const ag_relation_t *r = &ds->relations[y->rels[k]];
        if (r->date.first < e->first)
            e->first = r->date.first;
        if (r->date.last > e->last)
            e->last = r->date.last;
    }
    for (size_t t = 0; t < ds->n_types; t++) {
        bool used = false;
        for (size_t k = 0; k < y->n_rels && !used; k++)
            used = ds->relations[y->rels[k]].type == (long)t;
        if (used) {
            int n = snprintf(e->types + len, sizeof e->types - len, "%s%s", len ? ";" : "",
                             ds->types[t].id);
            if (n < 0 || (size_t)n >= sizeof e->types - len)
                break; /* a dyad with types filling 512 bytes: the list is cut */
            len += (size_t)n;
        }
    }
}

/* A day as text, or "" for an open end. */
static const char *day_text(int32_t day, char *buf)
{
    if (day == AG_DAY_MIN || day == AG_DAY_MAX) {
        buf[0] = '\0';
        return buf;
    }
    return ag_day_format(day, buf);
}

static const ag_actor_t *vertex_actor(const ag_era_graph_t *g, size_t v)
{
    return &g->ds->actors[g->actor[v]];
}

/* The vertex's state: its top-most parent's id, or "" when it has none. */
static const char *state_of(const ag_era_graph_t *g, size_t v)
{
    long top = ag_dataset_top_parent(g->ds, g->actor[v]);
    return top == g->actor[v] ? "" : g->ds->actors[top].id;
}

/* ---- XML ---- */

/* Escapes text for XML 1.0 attribute values and content. Control
 * characters other than tab and line ends cannot appear in XML 1.0 at all:
 * they become U+FFFD. */
static void xml_text(FILE *fp, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': fputs("&amp;", fp); break;
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '"': fputs("&quot;", fp); break;
        case '\'': fputs("&apos;", fp); break;
        case '\t': fputs("&#9;", fp); break;
        case '\n': fputs("&#10;", fp); break;
        case '\r': fputs("&#13;", fp); break;
        default:
            if (c < 0x20)
                fputs("\xEF\xBF\xBD", fp);
            else
                fputc(c, fp);
        }
    }
}

static void xml_attr(FILE *fp, const char *name, const char *value)
{
    fprintf(fp, " %s=\"", name);
    xml_text(fp, value);
    fputc('"', fp);
}

/* The node attributes every XML format declares, in order. */
enum { NA_NAME, NA_KIND, NA_STATE, NA_FIXED };

static const char *const edge_attrs[] = { "pos", "neg", "net", "relations", "types",
                                           "start", "end" };
enum { EA_POS, EA_NEG, EA_NET, EA_RELATIONS, EA_TYPES, EA_START, EA_END, EA_N };

static const char *edge_attr_type(int a)
{
    return a == EA_RELATIONS ? "int" : a >= EA_TYPES ? "string" : "double";
}

/* The value of edge attribute a of e, as text. buf holds 32 bytes. */
static const char *edge_value(const edge_t *e, int a, char *buf)
{
    switch (a) {
    case EA_POS: return ag_format_number(e->y->pos, buf);
    case EA_NEG: return ag_format_number(e->y->neg, buf);
    case EA_NET: return ag_format_number(e->y->net, buf);
    case EA_RELATIONS: snprintf(buf, 32, "%zu", e->y->n_rels); return buf;
    case EA_TYPES: return e->types;
    case EA_START: return day_text(e->first, buf);
    case EA_END: return day_text(e->last, buf);
    }
    return "";
}

static void graphml_key(FILE *fp, const char *id, const char *domain, const char *name,
                        const char *type)
{
    fprintf(fp, "  <key id=\"%s\" for=\"%s\"", id, domain);
    xml_attr(fp, "attr.name", name);
    fprintf(fp, " attr.type=\"%s\"/>\n", type);
}

static void graphml_data(FILE *fp, const char *key, const char *value)
{
    if (!*value)
        return;
    fprintf(fp, "      <data key=\"%s\">", key);
    xml_text(fp, value);
    fputs("</data>\n", fp);
}

static void write_graphml(const ag_era_graph_t *g, const char *title, const ag_metrics_t *m,
                          const edge_t *edges, size_t n_edges, FILE *fp)
{
    const ag_dataset_t *ds = g->ds;
    char key[32], buf[32];
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n", fp);
    graphml_key(fp, "g0", "graph", "title", "string");
    graphml_key(fp, "n0", "node", "name", "string");
    graphml_key(fp, "n1", "node", "kind", "string");
    graphml_key(fp, "n2", "node", "state", "string");
    for (size_t c = 0; c < ds->actor_cols.n; c++) {
        snprintf(key, sizeof key, "x%zu", c);
        graphml_key(fp, key, "node", ds->actor_cols.names[c], "string");
    }
    for (int k = 0; m && k < AG_M_COUNT; k++)
        if (m->value[k]) {
            snprintf(key, sizeof key, "m%d", k);
            graphml_key(fp, key, "node", ag_metric_name((ag_metric_t)k), "double");
        }
    graphml_key(fp, "e0", "edge", "weight", "double");
    for (int a = 0; a < EA_N; a++) {
        snprintf(key, sizeof key, "e%d", a + 1);
        graphml_key(fp, key, "edge", edge_attrs[a], edge_attr_type(a));
    }
    fputs("  <graph id=\"G\" edgedefault=\"undirected\">\n", fp);
    if (title)
        graphml_data(fp, "g0", title);
    for (size_t v = 0; v < g->n; v++) {
        const ag_actor_t *a = vertex_actor(g, v);
        fputs("    <node", fp);
        xml_attr(fp, "id", a->id);
        fputs(">\n", fp);
        graphml_data(fp, "n0", a->name);
        graphml_data(fp, "n1", ag_kind_name(a->kind));
        graphml_data(fp, "n2", state_of(g, v));
        for (size_t c = 0; c < ds->actor_cols.n && a->extra; c++) {
            snprintf(key, sizeof key, "x%zu", c);
            graphml_data(fp, key, a->extra[c]);
        }
        for (int k = 0; m && k < AG_M_COUNT; k++)
            if (m->value[k]) {
                snprintf(key, sizeof key, "m%d", k);
                graphml_data(fp, key, ag_format_number(m->value[k][v], buf));
            }
        fputs("    </node>\n", fp);
    }
    for (size_t i = 0; i < n_edges; i++) {
        const edge_t *e = &edges[i];
        fprintf(fp, "    <edge id=\"e%zu\"", i);
        xml_attr(fp, "source", vertex_actor(g, (size_t)e->y->u)->id);
        xml_attr(fp, "target", vertex_actor(g, (size_t)e->y->v)->id);
        fputs(">\n", fp);
        graphml_data(fp, "e0", ag_format_number(e->y->W, buf));
        for (int a = 0; a < EA_N; a++) {
            snprintf(key, sizeof key, "e%d", a + 1);
            graphml_data(fp, key, edge_value(e, a, buf));
        }
        fputs("    </edge>\n", fp);
    }
    fputs("  </graph>\n</graphml>\n", fp);
}

static void gexf_attr_decl(FILE *fp, int id, const char *title, const char *type)
{
    fprintf(fp, "      <attribute id=\"%d\"", id);
    xml_attr(fp, "title", title);
    fprintf(fp, " type=\"%s\"/>\n", type);
}

static void gexf_value(FILE *fp, int id, const char *value)
{
    if (!*value)
        return;
    fprintf(fp, "          <attvalue for=\"%d\"", id);
    xml_attr(fp, "value", value);
    fputs("/>\n", fp);
}

/* A GEXF time span: start and end as dates, each left out when open. */
static void gexf_span(FILE *fp, int32_t first, int32_t last)
{
    char buf[AG_DATE_TEXT_SIZE];
    if (*day_text(first, buf))
        fprintf(fp, " start=\"%s\"", buf);
    if (*day_text(last, buf))
        fprintf(fp, " end=\"%s\"", buf);
}

static void write_gexf(const ag_era_graph_t *g, const char *title, const ag_metrics_t *m,
                       const edge_t *edges, size_t n_edges, FILE *fp)
{
    const ag_dataset_t *ds = g->ds;
    char buf[32];
    int id;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
          "  <meta>\n    <creator>actorgraph</creator>\n", fp);
    if (title) {
        fputs("    <description>", fp);
        xml_text(fp, title);
        fputs("</description>\n", fp);
    }
    fputs("  </meta>\n"
          "  <graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"date\">\n"
          "    <attributes class=\"node\">\n", fp);
    gexf_attr_decl(fp, NA_KIND, "kind", "string");
    gexf_attr_decl(fp, NA_STATE, "state", "string");
    id = NA_FIXED;
    for (size_t c = 0; c < ds->actor_cols.n; c++)
        gexf_attr_decl(fp, id++, ds->actor_cols.names[c], "string");
    for (int k = 0; m && k < AG_M_COUNT; k++)
        if (m->value[k])
            gexf_attr_decl(fp, NA_FIXED + (int)ds->actor_cols.n + k,
                           ag_metric_name((ag_metric_t)k), "double");
    fputs("    </attributes>\n    <attributes class=\"edge\">\n", fp);
    for (int a = 0; a < EA_N; a++)
        gexf_attr_decl(fp, a, edge_attrs[a], edge_attr_type(a));
    fputs("    </attributes>\n    <nodes>\n", fp);
    for (size_t v = 0; v < g->n; v++) {
        const ag_actor_t *a = vertex_actor(g, v);
        fputs("      <node", fp);
        xml_attr(fp, "id", a->id);
        xml_attr(fp, "label", a->name);
        if (a->has_active)
            gexf_span(fp, a->active.first, a->active.last);
        fputs(">\n        <attvalues>\n", fp);
        gexf_value(fp, NA_KIND, ag_kind_name(a->kind));
        gexf_value(fp, NA_STATE, state_of(g, v));
        for (size_t c = 0; c < ds->actor_cols.n && a->extra; c++)
            gexf_value(fp, NA_FIXED + (int)c, a->extra[c]);
        for (int k = 0; m && k < AG_M_COUNT; k++)
            if (m->value[k])
                gexf_value(fp, NA_FIXED + (int)ds->actor_cols.n + k,
                           ag_format_number(m->value[k][v], buf));
        fputs("        </attvalues>\n      </node>\n", fp);
    }
    fputs("    </nodes>\n    <edges>\n", fp);
    for (size_t i = 0; i < n_edges; i++) {
        const edge_t *e = &edges[i];
        fprintf(fp, "      <edge id=\"%zu\"", i);
        xml_attr(fp, "source", vertex_actor(g, (size_t)e->y->u)->id);
        xml_attr(fp, "target", vertex_actor(g, (size_t)e->y->v)->id);
        fprintf(fp, " weight=\"%s\"", ag_format_number(e->y->W, buf));
        gexf_span(fp, e->first, e->last);
        fputs(">\n        <attvalues>\n", fp);
        for (int a = 0; a < EA_N; a++)
            gexf_value(fp, a, edge_value(e, a, buf));
        fputs("        </attvalues>\n      </edge>\n", fp);
    }
    fputs("    </edges>\n  </graph>\n</gexf>\n", fp);
}

/* ---- JSON and CSV ---- */

/* A number as JSON: from its printed text, so that JSON and CSV agree. */
static json_t *json_num(double v)
{
    char buf[32];
    return json_real(strtod(ag_format_number(v, buf), NULL));
}

static ag_status_t write_json(const ag_era_graph_t *g, const char *title, const ag_metrics_t *m,
                              const edge_t *edges, size_t n_edges, FILE *fp, ag_error_t *err)
{
    const ag_dataset_t *ds = g->ds;
    /* root owns everything from the start: jansson's *_new calls take the
     * reference even when they fail (and fail on a NULL object or value),
     * so one decref frees it all. */
    json_t *root = json_object(), *graph = json_object(), *nodes = json_array(),
           *links = json_array();
    ag_status_t st;
    char buf[32];
    bool bad = json_object_set_new(root, "directed", json_false()) ||
               json_object_set_new(root, "multigraph", json_false()) ||
               json_object_set_new(root, "graph", graph) ||
               json_object_set_new(root, "nodes", nodes) ||
               json_object_set_new(root, "links", links);
    if (!bad && title)
        bad = json_object_set_new(graph, "title", json_string(title));
    bad = bad || json_object_set_new(graph, "level", json_string(ag_level_name(g->opts.level))) ||
          json_object_set_new(graph, "ties", json_string(ag_ties_name(g->opts.ties)));
    for (size_t v = 0; !bad && v < g->n; v++) {
        const ag_actor_t *a = vertex_actor(g, v);
        json_t *o = json_object();
        bad = json_array_append_new(nodes, o) || !o ||
              json_object_set_new(o, "id", json_string(a->id)) ||
              json_object_set_new(o, "name", json_string(a->name)) ||
              json_object_set_new(o, "kind", json_string(ag_kind_name(a->kind))) ||
              json_object_set_new(o, "state", json_string(state_of(g, v)));
        for (size_t c = 0; !bad && c < ds->actor_cols.n && a->extra; c++)
            bad = json_object_set_new(o, ds->actor_cols.names[c], json_string(a->extra[c]));
        for (int k = 0; !bad && m && k < AG_M_COUNT; k++)
            if (m->value[k])
                bad = json_object_set_new(o, ag_metric_name((ag_metric_t)k),
                                          json_num(m->value[k][v]));
    }
    for (size_t i = 0; !bad && i < n_edges; i++) {
        const edge_t *e = &edges[i];
        json_t *o = json_object();
        bad = json_array_append_new(links, o) || !o ||
              json_object_set_new(o, "source", json_string(vertex_actor(g, (size_t)e->y->u)->id)) ||
              json_object_set_new(o, "target", json_string(vertex_actor(g, (size_t)e->y->v)->id)) ||
              json_object_set_new(o, "weight", json_num(e->y->W)) ||
              json_object_set_new(o, "pos", json_num(e->y->pos)) ||
              json_object_set_new(o, "neg", json_num(e->y->neg)) ||
              json_object_set_new(o, "net", json_num(e->y->net)) ||
              json_object_set_new(o, "relations", json_integer((json_int_t)e->y->n_rels)) ||
              json_object_set_new(o, "types", json_string(e->types)) ||
              json_object_set_new(o, "start", json_string(edge_value(e, EA_START, buf))) ||
              json_object_set_new(o, "end", json_string(edge_value(e, EA_END, buf)));
    }
    if (bad) {
        json_decref(root);
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    }
    st = ag_json_write(root, fp, err);
    json_decref(root);
    return st;
}

static void write_csv(const ag_era_graph_t *g, const edge_t *edges, size_t n_edges, FILE *fp)
{
    char buf[32];
    fputs("Source,Target,Type,Weight,pos,neg,net,relations,types,start,end\n", fp);
    for (size_t i = 0; i < n_edges; i++) {
        const edge_t *e = &edges[i];
        ag_csv_field(fp, vertex_actor(g, (size_t)e->y->u)->id);
        fputc(',', fp);
        ag_csv_field(fp, vertex_actor(g, (size_t)e->y->v)->id);
        fprintf(fp, ",Undirected,%s", ag_format_number(e->y->W, buf));
        for (int a = 0; a < EA_N; a++) {
            fputc(',', fp);
            ag_csv_field(fp, edge_value(e, a, buf));
        }
        fputc('\n', fp);
    }
}

void ag_export_title(const ag_dataset_t *ds, const ag_era_t *era, char *buf, size_t n)
{
    if (era)
        snprintf(buf, n, "%s: %s (%s, %s)", ds->name, era->name, era->id, era->period_text);
    else
        snprintf(buf, n, "%s: every relation", ds->name);
}

ag_status_t ag_export(const ag_era_graph_t *g, const char *title, const ag_metrics_t *metrics,
                      ag_export_format_t fmt, FILE *fp, ag_error_t *err)
{
    edge_t *edges = malloc((g->n_dyads ? g->n_dyads : 1) * sizeof *edges);
    size_t n_edges = 0;
    ag_status_t st = AG_OK;
    if (!edges)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    for (size_t d = 0; d < g->n_dyads; d++)
        if (g->dyads[d].edge >= 0)
            edge_info(g, &g->dyads[d], &edges[n_edges++]);
    switch (fmt) {
    case AG_EXPORT_GRAPHML: write_graphml(g, title, metrics, edges, n_edges, fp); break;
    case AG_EXPORT_GEXF: write_gexf(g, title, metrics, edges, n_edges, fp); break;
    case AG_EXPORT_JSON: st = write_json(g, title, metrics, edges, n_edges, fp, err); break;
    case AG_EXPORT_CSV: write_csv(g, edges, n_edges, fp); break;
    }
    free(edges);
    if (st == AG_OK && ferror(fp))
        st = ag_error_set(err, AG_EIO, NULL, 0, "write error: %s", strerror(errno));
    return st;
}
