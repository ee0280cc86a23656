/*
 * export_i.h: what every export format writes, computed once (export.c),
 * and the writers of each format (export_*.c). Not public API.
 */
#ifndef AG_EXPORT_I_H
#define AG_EXPORT_I_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "actorgraph/export.h"

/* A closed interval of days; AG_DAY_MIN / AG_DAY_MAX for an open end. */
typedef struct {
    int32_t first, last;
} ag_i_span_t;

/* A period over which an edge's weight is constant. */
typedef struct {
    int32_t first, last;
    double weight;
} ag_i_step_t;

/* The value types of columns, named as each format names them. */
typedef enum { AG_I_COL_STRING, AG_I_COL_INT, AG_I_COL_DOUBLE, AG_I_COL_BOOL } ag_i_col_type_t;

/* Where a node column's values come from. */
typedef enum {
    AG_I_NODE_LABEL,     /* the actor's name */
    AG_I_NODE_KIND,
    AG_I_NODE_STATE,
    AG_I_NODE_COMMUNITY,
    AG_I_NODE_EXTRA,     /* the dataset's extra actor column `index` */
    AG_I_NODE_METRIC     /* metric `index` */
} ag_i_node_src_t;

/* Where an edge column's values come from. */
typedef enum {
    AG_I_EDGE_WEIGHT,    /* W of a dyad, the chosen weight of a relation */
    AG_I_EDGE_POS, AG_I_EDGE_NEG, AG_I_EDGE_NET, AG_I_EDGE_RELATIONS, AG_I_EDGE_TYPES,
    AG_I_EDGE_CITES, AG_I_EDGE_PERIODS,
    AG_I_EDGE_TYPE, AG_I_EDGE_DIRECTED, AG_I_EDGE_SIGN, AG_I_EDGE_DATE, AG_I_EDGE_CITE,
    AG_I_EDGE_NOTE,
    AG_I_EDGE_START, AG_I_EDGE_END
} ag_i_edge_src_t;

/* A column of the node or edge table: its name, value type and source
 * (index: which extra column or metric). */
typedef struct {
    const char *name;
    ag_i_col_type_t type;
    int src;
    int index;
} ag_i_col_t;

/*
 * An edge as written.
 *   u, v:     its end vertices (source and target for a relation).
 *   dyad:     its dyad, or NULL for a relation.
 *   rel:      its relation (index into ds->relations), or -1 for a dyad.
 *   weight:   W of the dyad, or the relation's chosen weight.
 *   spells:   its periods of activity, in date order, disjoint and not
 *             adjacent, clipped to the window and to both actors'
 *             lifetimes; n_spells of them (0: none left after clipping).
 *   steps:    its weight over time: maximal periods of constant summed
 *             weight > 0, in date order; n_steps of them.
 *   types:    a dyad's relation types, in type order, ';'-joined.
 *   cites:    a dyad's distinct cites, in date order, " | "-joined (the
 *             first 50; then "(N more)").
 *   periods:  the spells as EDTF intervals, ';'-joined ("1955-01-01/
 *             1960-12-31;1979-01-01/.."); "" when none.
 */
typedef struct {
    long u, v;
    const ag_dyad_t *dyad;
    long rel;
    double weight;
    ag_i_span_t *spells;
    size_t n_spells;
    ag_i_step_t *steps;
    size_t n_steps;
    char *types;
    char *cites;
    char *periods;
} ag_i_edge_t;

/*
 * An export in the making.
 *   g, opts:     what is written.
 *   directed:    whether the edges are directed (the relations are).
 *   node_cols, n_node_cols: the node columns after the id, in order.
 *   edge_cols, n_edge_cols: the edge columns after source and target.
 *   life:        per vertex, its actor's lifetime clipped to the window
 *                (first > last: none left; both open: no lifetime known).
 *   edges, n_edges: the edges.
 */
typedef struct {
    const ag_era_graph_t *g;
    const ag_export_opts_t *opts;
    bool directed;
    ag_i_col_t *node_cols;
    size_t n_node_cols;
    ag_i_col_t edge_cols[16];
    size_t n_edge_cols;
    ag_i_span_t *life;
    ag_i_edge_t *edges;
    size_t n_edges;
} ag_i_export_t;

/* The id of vertex v (its actor's id). */
const char *ag_i_export_node_id(const ag_i_export_t *x, size_t v);

/* The value of node column c of vertex v, as text ("" when missing).
 * buf holds 64 bytes and may be used for the result. */
const char *ag_i_export_node_value(const ag_i_export_t *x, size_t v, const ag_i_col_t *c,
                                   char *buf);

/* The value of edge column c of edge e, as text ("" when missing). buf
 * holds 64 bytes and may be used for the result. */
const char *ag_i_export_edge_value(const ag_i_export_t *x, const ag_i_edge_t *e,
                                   const ag_i_col_t *c, char *buf);

/* A day as "YYYY-MM-DD", or "" for an open end. buf holds
 * AG_DATE_TEXT_SIZE bytes. */
const char *ag_i_export_day(int32_t day, char *buf);

/* Writes text escaped for XML 1.0 content and attribute values. */
void ag_i_xml_text(FILE *fp, const char *s);

/* The writers of each format; all but the JSON ones can't fail (fp's error
 * flag is checked by the caller). The JSON writers return AG_ENOMEM or
 * AG_EIO. */
void ag_i_export_graphml(const ag_i_export_t *x, FILE *fp);
void ag_i_export_gexf(const ag_i_export_t *x, FILE *fp);
void ag_i_export_csv_edges(const ag_i_export_t *x, FILE *fp);
void ag_i_export_csv_nodes(const ag_i_export_t *x, FILE *fp);
ag_status_t ag_i_export_json(const ag_i_export_t *x, FILE *fp, ag_error_t *err);
ag_status_t ag_i_export_cyjs(const ag_i_export_t *x, FILE *fp, ag_error_t *err);

#endif
