/*
 * export.h: an era graph in the exchange formats of other network tools.
 *
 *   graphml  GraphML (Gephi, Cytoscape, yEd, igraph, NetworkX)
 *   gexf     GEXF 1.2 (Gephi), with each node's and edge's time span, so
 *            that Gephi's timeline can play the network through time
 *   json     node-link JSON, as NetworkX's node_link_data writes it
 *   csv      an edge table with Gephi's column names (Source, Target,
 *            Type, Weight) and the figures below
 *
 * Nodes are the era graph's vertices (actor-id order) with their name,
 * kind, state (top-most parent), the dataset's extra actor columns and,
 * when given, the ten metrics. Edges are the dyads of the dyad graph (one
 * per pair with W > 0 under the ties, dyad order) with W as weight, pos,
 * neg, net, the number of relations behind them, their types and the span
 * of their dates. docs/METHODS.md, "Exporting", lists every attribute.
 */
#ifndef ACTORGRAPH_EXPORT_H
#define ACTORGRAPH_EXPORT_H

#include <stdio.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"
#include "actorgraph/metrics.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { AG_EXPORT_GRAPHML, AG_EXPORT_GEXF, AG_EXPORT_JSON, AG_EXPORT_CSV } ag_export_format_t;

/* "graphml", "gexf", "json", "csv"; -1 when unknown. */
int ag_export_format_parse(const char *s);
/* The file-name extension of a format (its name). Can't fail. */
const char *ag_export_format_name(ag_export_format_t f);

/* The title an export carries: "DATASET: NAME (ID, PERIOD)" for an era,
 * "DATASET: every relation" for era NULL. Can't fail. */
void ag_export_title(const ag_dataset_t *ds, const ag_era_t *era, char *buf, size_t n);

/*
 * Writes g to fp in fmt.
 *   title:   what the graph is (an era's name and period), written where
 *            the format has room for it; may be NULL.
 *   metrics: node figures to include, or NULL.
 * AG_EIO when writing failed, AG_ENOMEM.
 */
ag_status_t ag_export(const ag_era_graph_t *g, const char *title, const ag_metrics_t *metrics,
                      ag_export_format_t fmt, FILE *fp, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
