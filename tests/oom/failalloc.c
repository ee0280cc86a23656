/*
 * failalloc.c: allocation failure on demand, for the fault-injection test
 * (tests/cli/oom.sh, docs/ROBUSTNESS.md). Linked only into actorgraph-oom,
 * the tool built with -Wl,--wrap for malloc, calloc, realloc, strdup and
 * strndup: every call that the library and the tool make to those goes
 * through here. Allocations made inside igraph, libcsv, jansson, Graphviz
 * and libc (fopen's buffer, open_memstream) are not counted or failed.
 *
 *   AG_FAIL_ALLOC=N    the Nth allocation (from 1) fails, once; 0 or unset:
 *                      none fails
 *   AG_FAIL_COUNT=FILE at exit, the number of allocations made is written
 *                      to FILE (how far a sweep of N must go), and on a
 *                      second line the number of distinct call sites
 *                      they came from (return addresses; up to 8192)
 *
 * Process-wide counters are the point of this test-only file. The
 * library runs shortest paths on several threads, so the counter is
 * atomic and the list of call sites is kept under a spin lock: the Nth
 * allocation is the Nth of the process, whichever thread makes it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);

static unsigned long calls, fail_at;
static int ready, want_sites;
static void *sites[8192];
static size_t n_sites;
static char sites_lock;

static void note_site(void *site)
{
    size_t i;
    while (__atomic_test_and_set(&sites_lock, __ATOMIC_ACQUIRE))
        ;
    for (i = 0; i < n_sites && sites[i] != site; i++)
        ;
    if (i == n_sites && n_sites < sizeof sites / sizeof *sites)
        sites[n_sites++] = site;
    __atomic_clear(&sites_lock, __ATOMIC_RELEASE);
}

static void write_count(void)
{
    const char *path = getenv("AG_FAIL_COUNT");
    FILE *fp;
    if (path && *path && (fp = fopen(path, "w"))) {
        fprintf(fp, "%lu\n%zu\n", __atomic_load_n(&calls, __ATOMIC_SEQ_CST), n_sites);
        fclose(fp);
    }
}

static int fail_now(void *site)
{
    /* The first allocation comes before any thread is started. */
    if (!ready) {
        const char *s = getenv("AG_FAIL_ALLOC");
        ready = 1;
        fail_at = s ? strtoul(s, NULL, 10) : 0;
        want_sites = getenv("AG_FAIL_COUNT") != NULL;
        atexit(write_count);
    }
    if (want_sites)
        note_site(site);
    if (__atomic_add_fetch(&calls, 1, __ATOMIC_SEQ_CST) == fail_at) {
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void *__wrap_malloc(size_t n)
{
    return fail_now(__builtin_return_address(0)) ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return fail_now(__builtin_return_address(0)) ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    return fail_now(__builtin_return_address(0)) ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
    return fail_now(__builtin_return_address(0)) ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
    return fail_now(__builtin_return_address(0)) ? NULL : __real_strndup(s, n);
}
