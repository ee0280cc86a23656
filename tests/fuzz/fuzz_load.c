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
 * stopped by the callback halfway; and read in two halves at once (as the
 * loader reads relations files of 4 MB or more), the same again, whether
 * the halves stand or are dropped.
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

static void tr_diags(transcript_t *t, const ag_diags_t *d)
{
    char buf[64];
    for (size_t i = 0; i < d->n; i++) {
        tr_put(t, buf, (size_t)snprintf(buf, sizeof buf, "diag %d %ld ",
                                        (int)d->items[i].severity, d->items[i].line));
        tr_put(t, d->items[i].msg, strlen(d->items[i].msg) + 1);
    }
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
    tr_diags(&t, &d);
    tr_put(&t, buf, (size_t)snprintf(buf, sizeof buf, "status %d %zu %ld ", rc, records,
                                     err.line));
    tr_put(&t, err.msg, strlen(err.msg));
    ag_diags_destroy(&d);
    *len = t.len;
    if (seen)
        *seen = t.seen;
    return t.text;
}

/* The second half of a reading in halves: its transcript and diagnostics,
 * and the bounds begin was given. */
typedef struct {
    transcript_t t;
    ag_diags_t d;
    transcript_t *first;
    long first_at;      /* the first half's records at begin */
    size_t max1, max2;
    int begun, dropped;
} second_t;

static bool sec_begin(void *ud, void *ud2, size_t first, size_t second)
{
    second_t *s = ud2;
    if (ud != s->first)
        abort();
    s->first_at = s->first->seen;
    s->max1 = first;
    s->max2 = second;
    s->begun++;
    return true;
}

static void sec_drop(void *ud, void *ud2)
{
    second_t *s = ud2;
    (void)ud;
    s->dropped++;
    s->t.len = 0;
    s->t.seen = 0;
    ag_diags_destroy(&s->d);
    ag_diags_init(&s->d);
}

/* The transcript of path read in halves, the first half stopping at its
 * stop_at-th record (0: never), in transcript()'s form. */
static char *transcript_split(const char *path, long stop_at, size_t *len)
{
    ag_i_csv_opts_t opts = { ',', true, AG_MAX_FIELD, true, 0 };
    transcript_t t = { NULL, 0, 0, stop_at, 0 };
    second_t s;
    ag_i_csv_split_t split = { 0, &s, &s.d, sec_begin, sec_drop, false };
    ag_diags_t d;
    ag_error_t err;
    size_t records;
    char buf[64];
    int rc;
    memset(&s, 0, sizeof s);
    s.first = &t;
    ag_diags_init(&d);
    ag_diags_init(&s.d);
    ag_error_clear(&err);
    tr_put(&t, "", 0);
    tr_put(&s.t, "", 0);
    rc = ag_i_csv_read_split(path, &opts, tr_record, &t, &d, &split, &records, &err);
    if (s.begun > 1 || (split.used && (s.dropped || (size_t)(t.seen - s.first_at) > s.max1 ||
                                       (size_t)s.t.seen > s.max2)) ||
        (!split.used && s.dropped != s.begun))
        abort();
    if (split.used)
        tr_put(&t, s.t.text, s.t.len);
    tr_diags(&t, &d);
    if (split.used)
        tr_diags(&t, &s.d);
    tr_put(&t, buf, (size_t)snprintf(buf, sizeof buf, "status %d %zu %ld ", rc, records,
                                     err.line));
    tr_put(&t, err.msg, strlen(err.msg));
    ag_diags_destroy(&d);
    ag_diags_destroy(&s.d);
    free(s.t.text);
    *len = t.len;
    return t.text;
}

/* relations.csv read on one thread, on two and in halves gives the same
 * transcript, read through and stopped halfway by the callback (in
 * halves: read through only, as a stop counts each half's records). */
static void same_both_ways(const char *path)
{
    long stop = 0, seen = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t n1, n2;
        char *one = transcript(path, 0, stop, &n1, &seen);
        char *two = transcript(path, 1, stop, &n2, NULL);
        if (n1 != n2 || memcmp(one, two, n1) != 0)
            abort();
        free(two);
        if (pass == 0) {
            two = transcript_split(path, 0, &n2);
            if (n1 != n2 || memcmp(one, two, n1) != 0)
                abort();
            free(two);
        }
        free(one);
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
