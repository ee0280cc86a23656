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
 * agrees with the diagnostics (AG_EDATA exactly when there are errors),
 * every diagnostic has a one-line message, and relations.csv read on a
 * second thread (as the loader reads files of 1 MB or more) gives the
 * same records, diagnostics and status as on one, read through and
 * stopped by the callback halfway.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/actorgraph.h"
#include "core/csvread.h"

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

/* What ag_i_csv_read reported, as text (see same_both_ways). */
typedef struct {
    char *text;
    size_t len, cap;
    long stop_at, seen;
} transcript_t;

static void tr_put(transcript_t *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = 2 * (t->len + n + 1);
        if (!(t->text = realloc(t->text, t->cap)))
            abort();
    }
    memcpy(t->text + t->len, s, n);
    t->len += n;
    t->text[t->len] = '\0';
}

static int tr_record(void *ud, long line, char **f, size_t n)
{
    transcript_t *t = ud;
    char head[64];
    tr_put(t, head, (size_t)snprintf(head, sizeof head, "%ld:%zu:", line, n));
    for (size_t i = 0; i < n; i++) {
        tr_put(t, f[i], strlen(f[i]) + 1);
        f[i][0] = '\0'; /* callbacks may write to their fields */
    }
    return ++t->seen == t->stop_at ? AG_EDATA : 0;
}

static char *transcript(const char *path, size_t thread_min, long stop_at, size_t *len,
                        long *seen)
{
    ag_i_csv_opts_t opts = { ',', true, AG_MAX_FIELD, true, thread_min };
    transcript_t t = { NULL, 0, 0, stop_at, 0 };
    ag_diags_t d;
    ag_error_t err;
    size_t records;
    char buf[64];
    int rc;
    ag_diags_init(&d);
    ag_error_clear(&err);
    tr_put(&t, "", 0);
    rc = ag_i_csv_read(path, &opts, tr_record, &t, &d, &records, &err);
    for (size_t i = 0; i < d.n; i++) {
        tr_put(&t, buf, (size_t)snprintf(buf, sizeof buf, "diag %d %ld ",
                                         (int)d.items[i].severity, d.items[i].line));
        tr_put(&t, d.items[i].msg, strlen(d.items[i].msg) + 1);
    }
    tr_put(&t, buf, (size_t)snprintf(buf, sizeof buf, "status %d %zu %ld ", rc, records,
                                     err.line));
    tr_put(&t, err.msg, strlen(err.msg));
    ag_diags_destroy(&d);
    *len = t.len;
    if (seen)
        *seen = t.seen;
    return t.text;
}

/* relations.csv read on one thread and on two gives the same transcript,
 * read through and stopped halfway by the callback. */
static void same_both_ways(const char *path)
{
    long stop = 0, seen = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t n1, n2;
        char *one = transcript(path, 0, stop, &n1, &seen);
        char *two = transcript(path, 1, stop, &n2, NULL);
        if (n1 != n2 || memcmp(one, two, n1) != 0)
            abort();
        free(one);
        free(two);
        if (seen < 2)
            break;
        stop = seen / 2;
    }
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

    if (access(paths[1], F_OK) == 0)
        same_both_ways(paths[1]);
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
