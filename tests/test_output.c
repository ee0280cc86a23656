/*
 * test_output.c: atomic output files (output.h) when writing fails: the
 * folder removed while the file is written, a write error, an abort; and
 * that a committed file is whole, an ordinary file, and alone. And how
 * lack of memory inside igraph is reported, which the same fault-injection
 * work found.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actorgraph/actorgraph.h"
#include "actorgraph/output.h"
#include "core/init.h"

/* A fresh folder, and the path of "out.csv" in it. */
typedef struct {
    char dir[64];
    char path[96];
} fx_t;

static int setup(void **state)
{
    fx_t *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    strcpy(f->dir, "/tmp/ag-test-output.XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/out.csv", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx_t *f = *state;
    DIR *d = opendir(f->dir);
    if (d) {
        struct dirent *e;
        char p[512];
        while ((e = readdir(d)))
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
                snprintf(p, sizeof p, "%s/%s", f->dir, e->d_name);
                unlink(p);
            }
        closedir(d);
        rmdir(f->dir);
    }
    free(f);
    return 0;
}

/* Entries in dir other than . and .., or -1 when it can't be read. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    if (!d)
        return -1;
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

static void put(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
}

static void assert_file(const char *path, const char *text)
{
    char buf[256] = "";
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    buf[fread(buf, 1, sizeof buf - 1, fp)] = '\0';
    fclose(fp);
    assert_string_equal(buf, text);
}

static void test_commit_replaces(void **state)
{
    fx_t *f = *state;
    ag_out_t o;
    ag_error_t err;
    struct stat st;
    mode_t mask = umask(022);
    put(f->path, "previous\n");
    assert_int_equal(ag_out_open(&o, f->path, &err), AG_OK);
    fputs("new\n", o.fp);
    /* While it is written, the previous file is all there is to see. */
    assert_file(f->path, "previous\n");
    assert_int_equal(ag_out_commit(&o, &err), AG_OK);
    assert_file(f->path, "new\n");
    assert_int_equal(entries(f->dir), 1);
    assert_int_equal(stat(f->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    umask(mask);
}

static void test_abort_keeps_previous(void **state)
{
    fx_t *f = *state;
    ag_out_t o;
    ag_error_t err;
    put(f->path, "previous\n");
    assert_int_equal(ag_out_open(&o, f->path, &err), AG_OK);
    fputs("half a fi", o.fp);
    ag_out_abort(&o);
    assert_file(f->path, "previous\n");
    assert_int_equal(entries(f->dir), 1);
}

static void test_folder_vanishes(void **state)
{
    fx_t *f = *state;
    ag_out_t o;
    ag_error_t err;
    char p[512];
    DIR *d;
    struct dirent *e;
    assert_int_equal(ag_out_open(&o, f->path, &err), AG_OK);
    fputs("text\n", o.fp);
    /* rm -rf of the folder while the file is being written. */
    assert_non_null(d = opendir(f->dir));
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(p, sizeof p, "%s/%s", f->dir, e->d_name);
            unlink(p);
        }
    closedir(d);
    assert_int_equal(rmdir(f->dir), 0);
    ag_error_clear(&err);
    assert_int_equal(ag_out_commit(&o, &err), AG_EIO);
    assert_string_equal(err.msg, "cannot write: No such file or directory");
    assert_string_equal(err.file, f->path);
    assert_int_equal(entries(f->dir), -1);
}

static void test_missing_folder(void **state)
{
    fx_t *f = *state;
    ag_out_t o;
    ag_error_t err;
    char p[160];
    snprintf(p, sizeof p, "%s/no/out.csv", f->dir);
    ag_error_clear(&err);
    assert_int_equal(ag_out_open(&o, p, &err), AG_EIO);
    assert_string_equal(err.msg, "cannot write: No such file or directory");
    assert_null(o.fp);
    assert_int_equal(entries(f->dir), 0);
}

static void test_full_device(void **state)
{
    struct stat st;
    ag_error_t err;
    static char big[1 << 16];
    (void)state;
    if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
        skip();
    ag_error_clear(&err);
    assert_int_equal(ag_write_file("/dev/full", big, sizeof big, &err), AG_EIO);
    assert_string_equal(err.msg, "cannot write: No space left on device");
    assert_int_equal(stat("/dev/full", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
}

/* Lack of memory inside igraph reads as everywhere else (found by
 * tests/cli/oom.sh: "eigenvector centrality: eigenvector centrality (Out of
 * memory)" did not say "out of memory"). */
static void test_igraph_oom_message(void **state)
{
    ag_error_t err;
    (void)state;
    ag_error_clear(&err);
    assert_int_equal(ag_i_igraph_error(&err, IGRAPH_ENOMEM, "eigenvector centrality"),
                     AG_ENOMEM);
    assert_string_equal(err.msg, "out of memory");
    assert_int_equal(ag_i_igraph_error(&err, IGRAPH_EINVAL, "betweenness"), AG_EGRAPH);
    assert_string_equal(err.msg, "betweenness: Invalid value");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_commit_replaces, setup, teardown),
        cmocka_unit_test_setup_teardown(test_abort_keeps_previous, setup, teardown),
        cmocka_unit_test_setup_teardown(test_folder_vanishes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_folder, setup, teardown),
        cmocka_unit_test(test_full_device),
        cmocka_unit_test(test_igraph_oom_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
