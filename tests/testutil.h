/*
 * testutil.h: what the unit tests (tests/test_*.c) share: the path of a
 * fixture, loading a fixture dataset, slicing one era of it.
 *
 * Header only, every function static inline: CMake makes a test
 * executable of every tests/test_*.c, so a helper .c could not live there.
 * Include it after <cmocka.h>.
 */
#ifndef AG_TESTUTIL_H
#define AG_TESTUTIL_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "actorgraph/era.h"
#include "actorgraph/load.h"

/* The path of fixture name under AG_TEST_DATA (default tests/data), in a
 * static buffer. */
static inline const char *tu_fixture(const char *name)
{
    static char path[4096];
    const char *d = getenv("AG_TEST_DATA");
    int n = snprintf(path, sizeof path, "%s/%s", d && *d ? d : "tests/data", name);
    assert_true(n > 0 && (size_t)n < sizeof path);
    return path;
}

/* Loads fixture name into ds (initialised here): 0, or -1 with the
 * diagnostics on stderr. For a setup function; a test asserts it is 0. */
static inline int tu_load(ag_dataset_t *ds, const char *name)
{
    ag_diags_t diags;
    ag_error_t err;
    int rc;
    ag_dataset_init(ds);
    ag_diags_init(&diags);
    ag_error_clear(&err);
    rc = ag_dataset_load(ds, tu_fixture(name), &diags, &err) == AG_OK ? 0 : -1;
    if (rc != 0) {
        fprintf(stderr, "loading %s: %s\n", name, err.msg);
        for (size_t i = 0; i < diags.n; i++)
            fprintf(stderr, "%s:%ld: %s\n", diags.items[i].file, diags.items[i].line,
                    diags.items[i].msg);
    }
    ag_diags_destroy(&diags);
    return rc;
}

/* The graph of era (its id; NULL for all time) at this level, ties and
 * types (NULL for all), asserting that the era exists and the slice
 * succeeds. */
static inline void tu_slice(ag_era_graph_t *g, const ag_dataset_t *ds, const char *era,
                            ag_level_t level, ag_ties_t ties, const bool *types)
{
    ag_slice_opts_t o;
    ag_error_t err;
    ag_slice_opts_default(&o);
    if (era) {
        long e = ag_dataset_find_era(ds, era);
        assert_true(e >= 0);
        o.first = ds->eras[e].period.first;
        o.last = ds->eras[e].period.last;
    }
    o.level = level;
    o.ties = ties;
    o.types = types;
    assert_int_equal(ag_era_graph_init(g, ds, &o, &err), AG_OK);
}

#endif
