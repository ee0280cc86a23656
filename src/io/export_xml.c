/*
 * export_xml.c: the XML formats, GraphML 1.0 and GEXF 1.3 (export.h).
 * tests/schemas/ holds their official schemas; the tests validate every
 * file written against them.
 */
#include <stdio.h>
#include <string.h>

#include "actorgraph/date.h"
#include "actorgraph/table.h"
#include "io/export_i.h"

static void xml_attr(FILE *fp, const char *name, const char *value)
{
    fprintf(fp, " %s=\"", name);
    ag_i_xml_text(fp, value);
    fputc('"', fp);
}

/* ---- GraphML ---- */

static const char *graphml_type(ag_i_col_type_t t)
{
    switch (t) {
    case AG_I_COL_INT: return "long";
    case AG_I_COL_DOUBLE: return "double";
    case AG_I_COL_BOOL: return "boolean";
    case AG_I_COL_STRING: break;
    }
    return "string";
}

/* A key's attr.name: GraphML's schema wants an NMTOKEN, so characters
 * other than letters, digits, '.', '-', '_', ':' and non-ASCII ones become
 * '_' (an extra actor column named "first seen" is "first_seen"). */
static void graphml_name(FILE *fp, const char *name)
{
    fputs(" attr.name=\"", fp);
    if (!*name)
        fputc('_', fp);
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        bool ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == ':';
        fputc(ok ? c : '_', fp);
    }
    fputc('"', fp);
}

static void graphml_key(FILE *fp, const char *id, const char *domain, const char *name,
                        ag_i_col_type_t type)
{
    fprintf(fp, "  <key id=\"%s\" for=\"%s\"", id, domain);
    graphml_name(fp, name);
    fprintf(fp, " attr.type=\"%s\"/>\n", graphml_type(type));
}

static void graphml_data(FILE *fp, const char *indent, const char *key, const char *value)
{
    if (!*value)
        return;
    fprintf(fp, "%s<data key=\"%s\">", indent, key);
    ag_i_xml_text(fp, value);
    fputs("</data>\n", fp);
}

void ag_i_export_graphml(const ag_i_export_t *x, FILE *fp)
{
    const ag_era_graph_t *g = x->g;
    char key[32], buf[64];
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n", fp);
    graphml_key(fp, "g0", "graph", "title", AG_I_COL_STRING);
    /* igraph reads the key "name" as its vertex names: the id, so that
     * g.degree('GEO') works; Gephi takes its labels from "label". */
    graphml_key(fp, "name", "node", "name", AG_I_COL_STRING);
    for (size_t c = 0; c < x->n_node_cols; c++) {
        snprintf(key, sizeof key, "n%zu", c);
        graphml_key(fp, key, "node", x->node_cols[c].name, x->node_cols[c].type);
    }
    for (size_t c = 0; c < x->n_edge_cols; c++) {
        snprintf(key, sizeof key, "e%zu", c);
        graphml_key(fp, key, "edge", x->edge_cols[c].name, x->edge_cols[c].type);
    }
    fprintf(fp, "  <graph id=\"G\" edgedefault=\"%s\">\n",
            x->directed ? "directed" : "undirected");
    if (x->opts->title)
        graphml_data(fp, "    ", "g0", x->opts->title);
    for (size_t v = 0; v < g->n; v++) {
        fputs("    <node", fp);
        xml_attr(fp, "id", ag_i_export_node_id(x, v));
        fputs(">\n", fp);
        graphml_data(fp, "      ", "name", ag_i_export_node_id(x, v));
        for (size_t c = 0; c < x->n_node_cols; c++) {
            snprintf(key, sizeof key, "n%zu", c);
            graphml_data(fp, "      ", key, ag_i_export_node_value(x, v, &x->node_cols[c], buf));
        }
        fputs("    </node>\n", fp);
    }
    for (size_t i = 0; i < x->n_edges; i++) {
        const ag_i_edge_t *e = &x->edges[i];
        fprintf(fp, "    <edge id=\"e%zu\"", i);
        xml_attr(fp, "source", ag_i_export_node_id(x, (size_t)e->u));
        xml_attr(fp, "target", ag_i_export_node_id(x, (size_t)e->v));
        fputs(">\n", fp);
        for (size_t c = 0; c < x->n_edge_cols; c++) {
            snprintf(key, sizeof key, "e%zu", c);
            graphml_data(fp, "      ", key, ag_i_export_edge_value(x, e, &x->edge_cols[c], buf));
        }
        fputs("    </edge>\n", fp);
    }
    fputs("  </graph>\n</graphml>\n", fp);
}

/* ---- GEXF ---- */

static const char *gexf_type(ag_i_col_type_t t)
{
    switch (t) {
    case AG_I_COL_INT: return "integer";
    case AG_I_COL_DOUBLE: return "double";
    case AG_I_COL_BOOL: return "boolean";
    case AG_I_COL_STRING: break;
    }
    return "string";
}

/* start and end of a period, each left out when open. */
static void gexf_period(FILE *fp, int32_t first, int32_t last)
{
    char buf[AG_DATE_TEXT_SIZE];
    if (*ag_i_export_day(first, buf))
        fprintf(fp, " start=\"%s\"", buf);
    if (*ag_i_export_day(last, buf))
        fprintf(fp, " end=\"%s\"", buf);
}

static bool bounded(int32_t first, int32_t last)
{
    return first != AG_DAY_MIN || last != AG_DAY_MAX;
}

static void gexf_spells(FILE *fp, const ag_i_span_t *s, size_t n)
{
    if (n == 0 || (n == 1 && !bounded(s[0].first, s[0].last)))
        return;
    fputs("        <spells>\n", fp);
    for (size_t k = 0; k < n; k++) {
        fputs("          <spell", fp);
        gexf_period(fp, s[k].first, s[k].last);
        fputs("/>\n", fp);
    }
    fputs("        </spells>\n", fp);
}

static void gexf_value(FILE *fp, size_t id, const char *value)
{
    if (!*value)
        return;
    fprintf(fp, "          <attvalue for=\"%zu\"", id);
    xml_attr(fp, "value", value);
    fputs("/>\n", fp);
}

/* Whether e's weight changes over time (or holds for less than its
 * spells): only then are its steps written. */
static bool weight_varies(const ag_i_edge_t *e)
{
    return e->n_steps > 1 || (e->n_steps == 1 && e->steps[0].weight != e->weight);
}

void ag_i_export_gexf(const ag_i_export_t *x, FILE *fp)
{
    const ag_era_graph_t *g = x->g;
    char buf[64];
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"http://gexf.net/1.3\"\n"
          "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
          "      version=\"1.3\">\n"
          "  <meta>\n    <creator>actorgraph</creator>\n", fp);
    if (x->opts->title) {
        fputs("    <description>", fp);
        ag_i_xml_text(fp, x->opts->title);
        fputs("</description>\n", fp);
    }
    /* One attributes block per class: graphology (sigma.js, Gephi Lite)
     * reads only the last block of each class. GEXF 1.3 makes a value
     * dynamic by its start and end, so the static columns and the weight
     * over time (the title "weight" is reserved for it) share the block,
     * and readers without time (NetworkX) keep the columns as plain
     * values. Label and weight are the elements' own XML attributes. */
    fprintf(fp, "  </meta>\n"
                "  <graph defaultedgetype=\"%s\" mode=\"dynamic\" timeformat=\"date\">\n"
                "    <attributes class=\"node\">\n",
            x->directed ? "directed" : "undirected");
    for (size_t c = 1; c < x->n_node_cols; c++) {
        fprintf(fp, "      <attribute id=\"%zu\"", c);
        xml_attr(fp, "title", x->node_cols[c].name);
        fprintf(fp, " type=\"%s\"/>\n", gexf_type(x->node_cols[c].type));
    }
    fputs("    </attributes>\n    <attributes class=\"edge\">\n", fp);
    for (size_t c = 1; c < x->n_edge_cols; c++) {
        fprintf(fp, "      <attribute id=\"%zu\"", c);
        xml_attr(fp, "title", x->edge_cols[c].name);
        fprintf(fp, " type=\"%s\"/>\n", gexf_type(x->edge_cols[c].type));
    }
    if (!x->directed)
        fputs("      <attribute id=\"weight\" title=\"weight\" type=\"double\"/>\n", fp);
    fputs("    </attributes>\n    <nodes>\n", fp);
    for (size_t v = 0; v < g->n; v++) {
        fputs("      <node", fp);
        xml_attr(fp, "id", ag_i_export_node_id(x, v));
        xml_attr(fp, "label", ag_i_export_node_value(x, v, &x->node_cols[0], buf));
        fputs(">\n", fp);
        gexf_spells(fp, &x->life[v], 1);
        fputs("        <attvalues>\n", fp);
        for (size_t c = 1; c < x->n_node_cols; c++)
            gexf_value(fp, c, ag_i_export_node_value(x, v, &x->node_cols[c], buf));
        fputs("        </attvalues>\n      </node>\n", fp);
    }
    fputs("    </nodes>\n    <edges>\n", fp);
    for (size_t i = 0; i < x->n_edges; i++) {
        const ag_i_edge_t *e = &x->edges[i];
        fprintf(fp, "      <edge id=\"%zu\"", i);
        xml_attr(fp, "source", ag_i_export_node_id(x, (size_t)e->u));
        xml_attr(fp, "target", ag_i_export_node_id(x, (size_t)e->v));
        fprintf(fp, " weight=\"%s\">\n", ag_format_number(e->weight, buf));
        gexf_spells(fp, e->spells, e->n_spells);
        fputs("        <attvalues>\n", fp);
        for (size_t c = 1; c < x->n_edge_cols; c++)
            gexf_value(fp, c, ag_i_export_edge_value(x, e, &x->edge_cols[c], buf));
        for (size_t k = 0; !x->directed && weight_varies(e) && k < e->n_steps; k++) {
            fprintf(fp, "          <attvalue for=\"weight\" value=\"%s\"",
                    ag_format_number(e->steps[k].weight, buf));
            gexf_period(fp, e->steps[k].first, e->steps[k].last);
            fputs("/>\n", fp);
        }
        fputs("        </attvalues>\n      </edge>\n", fp);
    }
    fputs("    </edges>\n  </graph>\n</gexf>\n", fp);
}
