/*
 * export_csv.c: Gephi's spreadsheet tables (export.h): the edge table
 * (Source, Target, Type, Id, Label, Interval, Weight, ...) and the node
 * table (Id, Label, Interval, ...), which together hold every vertex,
 * isolated ones too.
 */
#include <stdio.h>

#include "actorgraph/date.h"
#include "actorgraph/table.h"
#include "io/export_i.h"

/* Gephi's interval set, "<[1955-01-01, 1960-12-31]; [1979-01-01,
 * 1979-12-31]>", with -Infinity and Infinity for open ends, as a quoted
 * CSV field (it holds commas, never quotes); nothing when no spell is
 * bounded (always there). */
static void interval(FILE *fp, const ag_i_span_t *s, size_t n)
{
    char a[AG_DATE_TEXT_SIZE], b[AG_DATE_TEXT_SIZE];
    if (n == 0 || (n == 1 && s[0].first == AG_DAY_MIN && s[0].last == AG_DAY_MAX))
        return;
    fputs("\"<", fp);
    for (size_t k = 0; k < n; k++)
        fprintf(fp, "%s[%s, %s]", k ? "; " : "",
                s[k].first == AG_DAY_MIN ? "-Infinity" : ag_i_export_day(s[k].first, a),
                s[k].last == AG_DAY_MAX ? "Infinity" : ag_i_export_day(s[k].last, b));
    fputs(">\"", fp);
}

void ag_i_export_csv_edges(const ag_i_export_t *x, FILE *fp)
{
    char buf[64];
    fputs("Source,Target,Type,Id,Label,Interval,Weight", fp);
    for (size_t c = 1; c < x->n_edge_cols; c++) {
        fputc(',', fp);
        ag_csv_field(fp, x->edge_cols[c].name);
    }
    fputc('\n', fp);
    for (size_t i = 0; i < x->n_edges; i++) {
        const ag_i_edge_t *e = &x->edges[i];
        const ag_dataset_t *ds = x->g->ds;
        ag_csv_field(fp, ag_i_export_node_id(x, (size_t)e->u));
        fputc(',', fp);
        ag_csv_field(fp, ag_i_export_node_id(x, (size_t)e->v));
        fprintf(fp, ",%s,%zu,", x->directed ? "Directed" : "Undirected", i);
        /* The label: the relation's type, or the dyad's types. */
        ag_csv_field(fp, e->rel >= 0 ? ds->types[ds->relations[e->rel].type].id : e->types);
        fputc(',', fp);
        interval(fp, e->spells, e->n_spells);
        for (size_t c = 0; c < x->n_edge_cols; c++) {
            fputc(',', fp);
            ag_csv_field(fp, ag_i_export_edge_value(x, e, &x->edge_cols[c], buf));
        }
        fputc('\n', fp);
    }
}

void ag_i_export_csv_nodes(const ag_i_export_t *x, FILE *fp)
{
    char buf[64];
    fputs("Id,Label,Interval", fp);
    for (size_t c = 1; c < x->n_node_cols; c++) {
        fputc(',', fp);
        ag_csv_field(fp, x->node_cols[c].name);
    }
    fputc('\n', fp);
    for (size_t v = 0; v < x->g->n; v++) {
        ag_csv_field(fp, ag_i_export_node_id(x, v));
        fputc(',', fp);
        ag_csv_field(fp, ag_i_export_node_value(x, v, &x->node_cols[0], buf));
        fputc(',', fp);
        interval(fp, &x->life[v], 1);
        for (size_t c = 1; c < x->n_node_cols; c++) {
            fputc(',', fp);
            ag_csv_field(fp, ag_i_export_node_value(x, v, &x->node_cols[c], buf));
        }
        fputc('\n', fp);
    }
}
