/*
 * load.h: reading a dataset folder into an ag_dataset_t, with validation.
 *
 * Files are read as RFC 4180 CSV through libcsv, streamed a line at a time:
 * memory grows with the number of actors and relations, not with a copy of
 * the file. Every problem found is added to the diagnostics with its file
 * and line; loading goes on past errors so that one run reports them all.
 */
#ifndef ACTORGRAPH_LOAD_H
#define ACTORGRAPH_LOAD_H

#include "actorgraph/error.h"
#include "actorgraph/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Longest field accepted, in bytes; a longer one is an error. */
#define AG_MAX_FIELD 65536

/*
 * Loads the dataset in folder dir into ds (initialised by the caller).
 * Adds every problem to diags. Returns AG_OK when there is no error (there
 * may be warnings), AG_EDATA when diags holds at least one error (ds is then
 * partly filled and must still be destroyed), AG_ENOMEM when memory ran out
 * (err says so). The files are never modified.
 */
ag_status_t ag_dataset_load(ag_dataset_t *ds, const char *dir,
                            ag_diags_t *diags, ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
