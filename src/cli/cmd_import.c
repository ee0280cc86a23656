/*
 * cmd_import.c: actorgraph import gdelt FILE|FOLDER... -o DATASET_DIR
 *
 * Turns coded event data into a dataset folder that every other command
 * reads.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/import.h"
#include "cli.h"
#include "options.h"

static const char usage_text[] =
    "usage: actorgraph import gdelt FILE|FOLDER... -o DATASET_DIR [--quiet]\n"
    "\n"
    "Import coded event data into a dataset folder (actors.csv, relations.csv,\n"
    "eras.csv, types.csv, README.md), replacing those files if present.\n"
    "\n"
    "gdelt   GDELT 1.0 event files: 58 tab-separated columns, no header\n"
    "        (the daily or monthly *.export.* files). A FOLDER stands for the\n"
    "        files in it, in name order.\n"
    "\n"
    "Each event with two actors becomes a relation typed by its CAMEO root\n"
    "code (sign and weight from GDELT's quad class) and cited by its source\n"
    "URL; each month with events becomes an era. Events with one actor or\n"
    "between an actor and itself are skipped and counted; malformed records\n"
    "are skipped with a warning naming FILE:LINE.\n"
    "Only GDELT 1.0 is supported so far.\n"
    "\n";

typedef struct {
    char **items;
    size_t n, cap;
} list_t;

static int push(list_t *l, char *s)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **p = realloc(l->items, cap * sizeof *p);
        if (!p)
            return -1;
        l->items = p;
        l->cap = cap;
    }
    l->items[l->n++] = s;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds a file, or the regular files of a folder in name order. */
static int add_input(list_t *l, const char *arg)
{
    DIR *d;
    struct dirent *e;
    size_t start = l->n;
    if (!cli_is_dir(arg)) {
        char *s = strdup(arg);
        return s && push(l, s) == 0 ? 0 : -1;
    }
    if (!(d = opendir(arg))) {
        cli_error(arg, 0, "cannot read folder");
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        char *s;
        if (e->d_name[0] == '.' || (len > 3 && strcmp(e->d_name + len - 3, ".md") == 0))
            continue;
        s = malloc(strlen(arg) + len + 2);
        if (!s || push(l, s) != 0) {
            free(s);
            closedir(d);
            return -1;
        }
        sprintf(s, "%s/%s", arg, e->d_name);
        if (cli_is_dir(s))
            free(l->items[--l->n]);
    }
    closedir(d);
    qsort(l->items + start, l->n - start, sizeof *l->items, cmp_str);
    if (l->n == start)
        cli_error(arg, 0, "folder has no files to import");
    return l->n == start ? -1 : 0;
}

static void progress(void *ud, size_t i, size_t n, const char *file)
{
    const ag_import_stats_t *st = ud;
    (void)st;
    fprintf(stderr, "\rimport: %zu/%zu %s", i + 1, n, file);
    if (i + 1 == n)
        fputc('\n', stderr);
    fflush(stderr);
}

int cmd_import(int argc, char **argv)
{
    const char *out = NULL;
    bool quiet = false;
    const cli_option_t opts[] = {
        CLI_STRING('o', "output", &out, "DIR", "the dataset folder to write (required)"),
        CLI_FLAG('q', "quiet", &quiet, "no progress and no warnings, only the summary"),
        CLI_END,
    };
    cli_args_t a;
    list_t files = { NULL, 0, 0 };
    ag_import_stats_t stats;
    ag_diags_t diags;
    ag_error_t err;
    ag_status_t st;
    int rc;

    cli_args_init(&a, "import", usage_text, NULL);
    a.no_dataset = true;
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ (size_t)argc)) != CLI_CONTINUE) {
        cli_args_destroy(&a);
        return rc;
    }
    rc = AG_EXIT_OK;
    if (a.n_pos < 1)
        rc = cli_usage_error(a.prefix, "name the format of the input: gdelt");
    else if (strcmp(a.pos[0], "gdelt") != 0)
        rc = cli_usage_error(a.prefix, "unknown format '%s' (supported: gdelt)", a.pos[0]);
    else if (a.n_pos < 2)
        rc = cli_usage_error(a.prefix, "name at least one GDELT file or folder");
    else if (!out || !*out)
        rc = cli_usage_error(a.prefix, out ? "-o needs a folder name"
                                           : "name the dataset folder to write with -o DIR");
    if (rc != AG_EXIT_OK)
        goto done;
    for (size_t i = 1; i < a.n_pos; i++)
        if (add_input(&files, a.pos[i]) != 0) {
            rc = AG_EXIT_DATA;
            goto done;
        }

    ag_diags_init(&diags);
    ag_error_clear(&err);
    st = ag_import_gdelt((const char *const *)files.items, files.n, out, &stats, &diags,
                         quiet || !isatty(2) ? NULL : progress, &stats, &err);
    if (!quiet)
        cli_print_diags(&diags, true);
    if (st != AG_OK) {
        cli_report_error(&err);
        rc = AG_EXIT_DATA;
    } else {
        fprintf(stderr,
                "import: %zu records read, %zu relations written to %s; skipped %zu with "
                "one actor, %zu self-relations, %zu malformed; %zu actors, %zu eras\n",
                stats.lines, stats.relations, out, stats.one_actor, stats.self,
                stats.malformed, stats.actors, stats.eras);
    }
    ag_diags_destroy(&diags);
done:
    for (size_t i = 0; i < files.n; i++)
        free(files.items[i]);
    free(files.items);
    cli_args_destroy(&a);
    return rc;
}
