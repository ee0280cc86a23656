/*
 * index.h: index.md, the page of the main job that ties its files
 * together (internal to src/job/).
 */
#ifndef AG_JOB_INDEX_H
#define AG_JOB_INDEX_H

#include <stdio.h>

#include "actorgraph/compare.h"
#include "actorgraph/doc.h"
#include "actorgraph/job.h"
#include "actorgraph/report.h"

/* Per era, what index.md says about it. */
typedef struct {
    size_t vertices, relations, edges;
    size_t triangles, unbalanced;
    double ratio;
} ag_i_era_info_t;

/*
 * What index.md is written from.
 *   ds, opts:     the job's dataset and options.
 *   info:         one per era of ds.
 *   c:            the comparison, or NULL without one.
 *   default_pair: whether c compares the default pair (the first and last
 *                 main eras) rather than one the caller chose.
 *   report:       every era measured (file order), for index.html.
 */
typedef struct {
    const ag_dataset_t *ds;
    const ag_job_opts_t *opts;
    const ag_i_era_info_t *info;
    const ag_compare_t *c;
    bool default_pair;
    const ag_report_t *report;
} ag_i_index_t;

/* index.md as a document (appended to d). AG_ENOMEM. */
ag_status_t ag_i_index_page(const ag_i_index_t *x, ag_doc_t *d, ag_error_t *err);

/* Writes index.md to fp: the page as Markdown. AG_ENOMEM or AG_EIO
 * (writing failed). */
ag_status_t ag_i_index_write(const ag_i_index_t *x, FILE *fp, ag_error_t *err);

/* Writes index.html to fp (index_html.c); dir is the job's output folder,
 * whose SVG diagrams the page inlines. AG_ENOMEM, AG_EIO. */
ag_status_t ag_i_index_html(const ag_i_index_t *x, const char *dir, FILE *fp, ag_error_t *err);

#endif
