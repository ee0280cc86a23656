/*
 * test_job.c: the main job as a library call (job.c), on
 * tests/data/compare-basic/: its eras a (1950/1959), b (1990/1999), a2
 * (1950/1960) and all (1950/1999). a lies inside a2 and both inside all,
 * so the only main era is all, and by default there is no comparison;
 * compare_a/compare_b ask for one. Progress comes through the callback,
 * one line per step, and nothing is printed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actorgraph/job.h"
#include "actorgraph/render.h"
#include "testutil.h"

static ag_dataset_t ds;
static char out[64];

static int setup(void **state)
{
    (void)state;
    snprintf(out, sizeof out, "/tmp/ag-test-job.XXXXXX");
    if (!mkdtemp(out))
        return -1;
    return tu_load(&ds, "compare-basic");
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    ag_render_cleanup();
    ag_dataset_destroy(&ds);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", out);
    return system(cmd) == 0 ? 0 : -1;
}

/* The lines the job reported, one after the other. */
typedef struct {
    char text[8192];
    size_t n;
} lines_t;

static void collect(void *ud, const char *line)
{
    lines_t *l = ud;
    size_t len = strlen(l->text);
    snprintf(l->text + len, sizeof l->text - len, "%s\n", line);
    l->n++;
}

static bool exists(const char *sub)
{
    char path[256];
    struct stat st;
    snprintf(path, sizeof path, "%s/compare-basic/%s", out, sub);
    return stat(path, &st) == 0 && st.st_size > 0;
}

/* Defaults: every era's files, balance, timeline, index; no comparison. */
static void test_defaults(void **state)
{
    ag_job_opts_t o;
    ag_error_t err;
    lines_t l;
    (void)state;
    memset(&l, 0, sizeof l);
    ag_job_opts_default(&o);
    assert_int_equal(o.compare_a, -1);
    assert_int_equal(o.window.n, 10);
    assert_int_equal(o.step.n, 1);
    o.out_dir = out;
    assert_int_equal(ag_job_run(&ds, &o, collect, &l, &err), AG_OK);
    assert_true(exists("eras/a.csv") && exists("eras/all.png") && exists("eras/b.graphml"));
    assert_true(exists("balance.json") && exists("timeline.csv") && exists("index.md"));
    assert_false(exists("compare"));
    /* The dataset line, four eras, balance, timeline, no comparison, done. */
    assert_int_equal(l.n, 9);
    assert_non_null(strstr(l.text, "fewer than two main eras: no comparison\n"));
    assert_non_null(strstr(l.text, "balance: md, csv, json\n"));
}

/* A pair asked for is compared; one that names no era is refused. */
static void test_pair(void **state)
{
    ag_job_opts_t o;
    ag_error_t err;
    (void)state;
    ag_job_opts_default(&o);
    o.out_dir = out;
    o.compare_a = 0; /* a */
    o.compare_b = 1; /* b */
    assert_int_equal(ag_job_run(&ds, &o, NULL, NULL, &err), AG_OK);
    assert_true(exists("compare/a-vs-b.md") && exists("compare/a-vs-b-dyads.csv"));
    o.compare_b = 4;
    assert_int_equal(ag_job_run(&ds, &o, NULL, NULL, &err), AG_EUSAGE);
    o.compare_b = -1;
    assert_int_equal(ag_job_run(&ds, &o, NULL, NULL, &err), AG_EUSAGE);
}

int main(void)
{
    ag_init(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_pair),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
