/*
 * export.h: an era graph in the exchange formats of other network tools.
 *
 *   graphml    GraphML 1.0 (Gephi, Cytoscape, yEd, igraph, NetworkX); the
 *              actor id is the node id and igraph's `name`, the actor's
 *              name its `label` (Gephi's node label)
 *   gexf       GEXF 1.3 (Gephi, graphology/sigma.js): dynamic, with one
 *              spell per period of activity of each edge and the edge
 *              weight over time (attvalues of the attribute titled
 *              "weight", as GEXF 1.3 reserves it); nodes live through
 *              their active interval
 *   json       node-link JSON, as NetworkX's node_link_data writes it
 *   cyjs       Cytoscape.js JSON ({"elements": {"nodes", "edges"}}, each
 *              element's fields under "data"), which Cytoscape desktop
 *              imports too
 *   csv        Gephi's edge table: Source, Target, Type, Id, Label,
 *              Interval (<[start, end]; ...>), Weight and the figures below
 *   csv-nodes  Gephi's node table: Id, Label, Interval and the node figures,
 *              every vertex (isolated ones too)
 *
 * Nodes are the era graph's vertices (actor-id order) with their name,
 * kind, state (top-most parent), community (when a summary is given), the
 * dataset's extra actor columns and, when given, the ten metrics.
 *
 * Edges are either (ag_export_edges_t)
 *   - the dyads of the dyad graph (undirected, one per pair with W > 0
 *     under the ties, dyad order) with W as weight, pos, neg, net, the
 *     number of relations behind them, their types, their distinct cites,
 *     their periods of activity and the first and last day of those; or
 *   - the relations (directed, one edge per relation of the slice with a
 *     weight under the ties, source to target, relation order) with the
 *     chosen weight, type, whether the type is directed, sign, date,
 *     first and last day, cite and note.
 * Dates are clipped to the slice's window and to the lifetimes (active
 * intervals) of the two actors. docs/METHODS.md, "Exporting", lists every
 * attribute.
 */
#ifndef ACTORGRAPH_EXPORT_H
#define ACTORGRAPH_EXPORT_H

#include <stdio.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"
#include "actorgraph/metrics.h"
#include "actorgraph/summary.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AG_EXPORT_GRAPHML,
    AG_EXPORT_GEXF,
    AG_EXPORT_JSON,
    AG_EXPORT_CSV,
    AG_EXPORT_CYJS,
    AG_EXPORT_CSV_NODES
} ag_export_format_t;

/* "graphml", "gexf", "json", "csv", "cyjs", "csv-nodes"; -1 when unknown. */
int ag_export_format_parse(const char *s);
/* The name of a format, as ag_export_format_parse reads it. Can't fail. */
const char *ag_export_format_name(ag_export_format_t f);
/* The file-name extension of a format: its name, "csv" for csv-nodes.
 * Can't fail. */
const char *ag_export_format_ext(ag_export_format_t f);

/* What the edges of an export are: the dyad graph's edges or the
 * relations. */
typedef enum { AG_EXPORT_EDGES_DYADS, AG_EXPORT_EDGES_RELATIONS } ag_export_edges_t;

/* "dyads", "relations"; -1 when unknown. */
int ag_export_edges_parse(const char *s);

/*
 * What to write.
 *   format:  the format.
 *   edges:   dyads (the default) or relations.
 *   title:   what the graph is (an era's name and period), written where
 *            the format has room for it; may be NULL.
 *   metrics: node figures to include, or NULL.
 *   summary: the era's summary, for each node's community; or NULL.
 */
typedef struct {
    ag_export_format_t format;
    ag_export_edges_t edges;
    const char *title;
    const ag_metrics_t *metrics;
    const ag_summary_t *summary;
} ag_export_opts_t;

/* Options for format fmt: dyads, no title, metrics or summary. Can't fail. */
void ag_export_opts_default(ag_export_opts_t *opts, ag_export_format_t fmt);

/* The title an export carries: "DATASET: NAME (ID, PERIOD)" for an era,
 * "DATASET: every relation" for era NULL. Can't fail. */
void ag_export_title(const ag_dataset_t *ds, const ag_era_t *era, char *buf, size_t n);

/*
 * Writes g to fp as opts say. AG_EIO when writing failed, AG_ENOMEM; what
 * was written to fp before a failure is incomplete (write through ag_out_t
 * to replace a file only on success).
 */
ag_status_t ag_export_write(const ag_era_graph_t *g, const ag_export_opts_t *opts, FILE *fp,
                            ag_error_t *err);

/* ag_export_write with the dyads as edges and no summary. */
ag_status_t ag_export(const ag_era_graph_t *g, const char *title, const ag_metrics_t *metrics,
                      ag_export_format_t fmt, FILE *fp, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
