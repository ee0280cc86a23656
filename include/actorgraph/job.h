/*
 * job.h: the main job (what `actorgraph run` does) as one library call.
 *
 * Into DIR/NAME/ (NAME: the dataset's folder name) it writes every era's
 * report (md, csv, json), diagram (dot, svg, png) and graph (gexf,
 * graphml) under eras/, the balance report (balance.md, .csv, .json), a
 * timeline of every metric (timeline.csv, .md), the comparison of two eras
 * with its diagram under compare/, and index.md tying them together. Every
 * file is written atomically, and the same input and options give the same
 * bytes. The job prints nothing: it reports progress through a callback.
 */
#ifndef ACTORGRAPH_JOB_H
#define ACTORGRAPH_JOB_H

#include <stdbool.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"
#include "actorgraph/model.h"
#include "actorgraph/timeline.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * What the job does.
 *   out_dir:    DIR; the job writes into DIR/NAME/ (created as needed).
 *   level, ties, types: the graph of every era, diagram, graph file,
 *               timeline window and the comparison, as for slicing
 *               (ag_slice_opts_t); types is a mask over ds->types or NULL
 *               for every type, and balance uses level and types.
 *   types_text: how the types were chosen ("alliance,treaty"), for
 *               index.md; NULL when types is NULL.
 *   compare_a, compare_b: the eras to compare (indices into ds->eras), or
 *               both -1 for the default: the first and the last main era
 *               (eras with relations whose period does not lie inside
 *               another era's), by start, then end date.
 *   window, step: the timeline's windows and how far apart they start;
 *               the timeline runs from the first day of the earliest
 *               relation with both ends bounded (docs/METHODS.md) to the
 *               last bounded day.
 */
typedef struct {
    const char *out_dir;
    ag_level_t level;
    ag_ties_t ties;
    const bool *types;
    const char *types_text;
    long compare_a, compare_b;
    ag_span_t window, step;
} ag_job_opts_t;

/* The defaults: out_dir "out", actor level, all ties, every type, the
 * default pair, 10-year windows a year apart. Can't fail. */
void ag_job_opts_default(ag_job_opts_t *opts);

/* Called after each step with a line for people ("balance: md, csv,
 * json"); ud is the caller's. */
typedef void (*ag_job_progress_t)(void *ud, const char *line);

/*
 * Runs the main job on a loaded dataset. progress may be NULL. Returns
 * AG_OK; AG_EUSAGE when compare_a/compare_b name no era (or only one of
 * them is -1); AG_EIO (err names the file), AG_ENOMEM, AG_EGRAPH on
 * failure. Files written before a failure stay; none is half-written.
 * The diagrams are drawn with the process's shared Graphviz context: call
 * ag_render_cleanup (render.h) once done drawing, not between runs.
 */
ag_status_t ag_job_run(const ag_dataset_t *ds, const ag_job_opts_t *opts,
                       ag_job_progress_t progress, void *ud, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
