/*
 * fuzz_load.c: libFuzzer harness for the dataset loader with validation.
 *
 * One input holds the four files of a dataset, in the order actors.csv,
 * relations.csv, eras.csv, types.csv, separated by a line "@@@@" (the
 * separator with its two line ends, "\n@@@@\n"). A file the input does
 * not reach is absent (so types.csv is usually absent: the built-in
 * vocabulary). The files are written to a private folder and loaded as
 * 'actorgraph check' loads them; a dataset that loads is then sliced into
 * its first eras at actor and state level, as the reports do.
 *
 * Properties checked beyond "no crash, no sanitizer report": the status
 * agrees with the diagnostics (AG_EDATA exactly when there are errors) and
 * every diagnostic has a one-line message.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/actorgraph.h"

static char dir[64];
static char paths[4][96];
static const char *const names[4] = { "actors.csv", "relations.csv", "eras.csv",
                                      "types.csv" };

static void cleanup(void)
{
    for (int i = 0; i < 4; i++)
        unlink(paths[i]);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ag_init(NULL);
    strcpy(dir, "/tmp/ag-fuzz-load.XXXXXX");
    if (!mkdtemp(dir))
        abort();
    for (int i = 0; i < 4; i++)
        snprintf(paths[i], sizeof paths[i], "%s/%s", dir, names[i]);
    atexit(cleanup);
    return 0;
}

static void put(int i, const uint8_t *p, size_t n)
{
    FILE *fp = fopen(paths[i], "wb");
    if (!fp || (n && fwrite(p, 1, n, fp) != n) || fclose(fp) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char sep[] = "\n@@@@\n";
    const uint8_t *p = data, *end = data + size;
    ag_dataset_t ds;
    ag_diags_t diags;
    ag_error_t err;
    ag_status_t st;
    int i;

    for (i = 0; i < 4; i++) {
        const uint8_t *q = NULL;
        if (p > end) {
            unlink(paths[i]);
            continue;
        }
        q = memmem(p, (size_t)(end - p), sep, sizeof sep - 1);
        if (!q)
            q = end;
        /* The newline before the separator ends the file's last line. */
        put(i, p, (size_t)(q - p) + (q < end));
        p = q + sizeof sep - 1;
    }

    ag_dataset_init(&ds);
    ag_diags_init(&diags);
    ag_error_clear(&err);
    st = ag_dataset_load(&ds, dir, &diags, &err);
    if (st != AG_OK && st != AG_EDATA && st != AG_ENOMEM)
        abort();
    if ((st == AG_EDATA) != (diags.errors > 0) && st != AG_ENOMEM)
        abort();
    for (size_t k = 0; k < diags.n; k++)
        if (strchr(diags.items[k].msg, '\n'))
            abort();
    if (st == AG_OK) {
        for (size_t e = 0; e < ds.n_eras && e < 4; e++) {
            for (int level = 0; level < 2; level++) {
                ag_slice_opts_t o;
                ag_era_graph_t g;
                ag_slice_opts_default(&o);
                o.first = ds.eras[e].period.first;
                o.last = ds.eras[e].period.last;
                o.level = level ? AG_LEVEL_STATE : AG_LEVEL_ACTOR;
                if (ag_era_graph_init(&g, &ds, &o, &err) == AG_OK)
                    ag_era_graph_destroy(&g);
            }
        }
    }
    ag_diags_destroy(&diags);
    ag_dataset_destroy(&ds);
    return 0;
}
