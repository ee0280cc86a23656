/*
 * fuzz_gdelt.c: libFuzzer harness for the GDELT 1.0 importer.
 *
 * The input is one event file (tab-separated, no header). It is imported
 * into a private folder, and the dataset written is then loaded: whatever
 * the events hold, the importer either fails cleanly or writes a dataset
 * that loads without a single error (it must never write what its own
 * loader rejects).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/actorgraph.h"

static char dir[64];
static char in[96], out[96];

static void cleanup(void)
{
    static const char *const names[] = { "actors.csv", "relations.csv", "eras.csv",
                                         "types.csv", "README.md" };
    char p[160];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(p, sizeof p, "%s/%s", out, names[i]);
        unlink(p);
    }
    rmdir(out);
    unlink(in);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ag_init(NULL);
    strcpy(dir, "/tmp/ag-fuzz-gdelt.XXXXXX");
    if (!mkdtemp(dir))
        abort();
    snprintf(in, sizeof in, "%s/events.tsv", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    atexit(cleanup);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *files[1] = { in };
    ag_import_stats_t stats;
    ag_diags_t diags;
    ag_error_t err;
    ag_status_t st;
    FILE *fp = fopen(in, "wb");
    if (!fp || (size && fwrite(data, 1, size, fp) != size) || fclose(fp) != 0)
        abort();
    ag_diags_init(&diags);
    ag_error_clear(&err);
    memset(&stats, 0, sizeof stats);
    st = ag_import_gdelt(files, 1, out, &stats, &diags, NULL, NULL, &err);
    if (st == AG_OK && stats.relations > 0) {
        ag_dataset_t ds;
        ag_diags_t d2;
        ag_dataset_init(&ds);
        ag_diags_init(&d2);
        st = ag_dataset_load(&ds, out, &d2, &err);
        if (st == AG_EDATA || d2.errors > 0) {
            for (size_t k = 0; k < d2.n; k++)
                fprintf(stderr, "%s:%ld: %s\n", d2.items[k].file, d2.items[k].line,
                        d2.items[k].msg);
            abort(); /* the importer wrote a dataset its loader rejects */
        }
        ag_diags_destroy(&d2);
        ag_dataset_destroy(&ds);
    }
    ag_diags_destroy(&diags);
    return 0;
}
