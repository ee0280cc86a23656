/*
 * actorgraph.h: the whole public API of libactorgraph, and ag_init().
 *
 *   #include <actorgraph/actorgraph.h>
 *   cc prog.c $(pkg-config --cflags --libs actorgraph)
 *
 * A program calls ag_init() once, before any other function of the
 * library and before starting threads. Every other header can also be
 * included on its own.
 */
#ifndef ACTORGRAPH_ACTORGRAPH_H
#define ACTORGRAPH_ACTORGRAPH_H

#include "actorgraph/balance.h"
#include "actorgraph/compare.h"
#include "actorgraph/date.h"
#include "actorgraph/doc.h"
#include "actorgraph/era.h"
#include "actorgraph/error.h"
#include "actorgraph/explain.h"
#include "actorgraph/export.h"
#include "actorgraph/import.h"
#include "actorgraph/job.h"
#include "actorgraph/load.h"
#include "actorgraph/metrics.h"
#include "actorgraph/model.h"
#include "actorgraph/output.h"
#include "actorgraph/pages.h"
#include "actorgraph/rankcorr.h"
#include "actorgraph/render.h"
#include "actorgraph/report.h"
#include "actorgraph/signed.h"
#include "actorgraph/summary.h"
#include "actorgraph/table.h"
#include "actorgraph/timeline.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Sets up the library. igraph's default error handler aborts the process;
 * ag_init installs one that returns igraph's errors to the library (which
 * reports them as AG_EGRAPH with igraph's message), silences igraph's
 * warnings and installs igraph's C attribute handler. These are
 * process-wide settings of igraph: a host program that needs its own
 * should not use the library at the same time. The library never touches
 * igraph's random number generator: randomised computations run on a
 * private one with a fixed seed, so results are reproducible.
 *
 * Call once, before any other function and before starting threads;
 * calling again does nothing. Every function that builds or measures a
 * graph returns AG_EUSAGE ("call ag_init() first") without it. Returns
 * AG_OK (err is for future failures; it may be NULL).
 */
ag_status_t ag_init(ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
