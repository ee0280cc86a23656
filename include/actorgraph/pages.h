/*
 * pages.h: the pages, one per analysis, and the helpers they share.
 *
 * A page function turns an analysis's result into a document (doc.h); it
 * never writes to a stream. audience (AG_FOR_TERMINAL, AG_FOR_READING,
 * AG_FOR_MACHINE, or-ed; ag_doc_audience(fmt) for one format) says which
 * blocks to build: AG_FOR_ALL builds the document for every format. Each
 * returns AG_OK or AG_ENOMEM (err set); blocks added before a failure stay
 * in doc, which the caller destroys in any case.
 */
#ifndef ACTORGRAPH_PAGES_H
#define ACTORGRAPH_PAGES_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "actorgraph/balance.h"
#include "actorgraph/compare.h"
#include "actorgraph/doc.h"
#include "actorgraph/error.h"
#include "actorgraph/explain.h"
#include "actorgraph/model.h"
#include "actorgraph/report.h"
#include "actorgraph/table.h"
#include "actorgraph/timeline.h"

#ifdef __cplusplus
extern "C" {
#endif

/* report.h: per era the summary figures, the communities and the top
 * actors of each metric; for machines the tidy table and the JSON. */
ag_status_t ag_report_page(const ag_report_t *r, unsigned audience, ag_doc_t *doc,
                           ag_error_t *err);

/*
 * The long tidy table: columns era, level, ties, actor, name, metric,
 * value, rank; one row per era, actor and metric, ordered by era, actor id
 * (byte order), metric (metrics.h order); values as "%.10g"; only ranks
 * <= top when top is set. t is initialised here (caller destroys it, also
 * on failure). AG_ENOMEM on failure.
 */
ag_status_t ag_report_tidy(const ag_report_t *r, ag_table_t *t, ag_error_t *err);

/* The report as JSON (see docs/METHODS.md, "Output"): a new reference, or
 * NULL on lack of memory. */
json_t *ag_report_json(const ag_report_t *r);

/* compare.h: the comparison, all parts or one (ag_compare_write says what
 * each format holds). */
ag_status_t ag_compare_page(const ag_compare_t *c, ag_cmp_part_t part, unsigned audience,
                            ag_doc_t *doc, ag_error_t *err);

/* explain.h: the explanation of x, sliced from era index era (-1: the
 * whole dataset). */
ag_status_t ag_explain_page(const ag_explain_t *x, long era, unsigned audience, ag_doc_t *doc,
                            ag_error_t *err);

/* balance.h: the balance of the eras of b. */
ag_status_t ag_balance_page(const ag_balance_report_t *b, unsigned audience, ag_doc_t *doc,
                            ag_error_t *err);

/* timeline.h: the windows-by-actors matrices of the long table t (see
 * ag_timeline_write_matrix for the arguments). */
ag_status_t ag_timeline_page(const ag_table_t *t, unsigned mask, const char *actors, long top,
                             const char *what, unsigned audience, ag_doc_t *doc,
                             ag_error_t *err);

/*
 * The relation listing that every provenance table uses. Columns: the n_lead
 * given lead columns (for example "side"), then
 *   date,source,target,type,sign,weight,w,cite,note,line
 * where source and target are the actors as written in relations.csv (before
 * any roll-up), sign is + or -, w = sign x weight and line is the relation's
 * line in relations.csv. AG_ENOMEM on failure (t zeroed).
 */
ag_status_t ag_relations_table_init(ag_table_t *t, const char *const *lead, size_t n_lead,
                                    ag_error_t *err);
/* Appends relation rel of ds with the given lead cells, weight and w
 * formatted in style ns (AG_NUM_DATA for machines, AG_NUM_TABLE for
 * people). AG_ENOMEM. */
ag_status_t ag_relations_table_add(ag_table_t *t, const ag_dataset_t *ds, long rel,
                                   const char *const *lead, ag_num_style_t ns, ag_error_t *err);

/* The n relations rels (indices into ds->relations) as a JSON array of
 * objects with the listing's columns (new reference; NULL on lack of
 * memory). */
json_t *ag_relations_json(const ag_dataset_t *ds, const long *rels, size_t n);

/* The type filter as text: "all" for NULL, else the ids of the kept types
 * joined by commas (caller frees; NULL on lack of memory). */
char *ag_types_list(const ag_dataset_t *ds, const bool *types);

/* "A–B" for two actors, with an en dash, into buf of size n; returns buf.
 * Can't fail. */
char *ag_pair_label(const char *a, const char *b, char *buf, size_t n);

#ifdef __cplusplus
}
#endif

#endif
