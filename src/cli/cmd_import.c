/*
 * cmd_import.c: actorgraph import gdelt|gdelt2|icews|phoenix FILE|FOLDER|-...
 *               -o DATASET_DIR [--aggregate day|month|era] [--min-events N]
 *               [--types FILE] [--weight cameo|intensity] [--eras month|year]
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
    "usage: actorgraph import gdelt|gdelt2|icews|phoenix FILE|FOLDER|-... -o DATASET_DIR\n"
    "                         [--aggregate none|day|month|era] [--min-events N]\n"
    "                         [--types FILE] [--weight cameo|intensity]\n"
    "                         [--eras month|year] [--quiet]\n"
    "\n"
    "Import coded event data into a dataset folder (actors.csv, relations.csv,\n"
    "eras.csv, types.csv, README.md), replacing those files if present. A\n"
    "FOLDER stands for the files in it, in name order; - for standard input.\n"
    "\n"
    "gdelt    GDELT 1.0 event files: 58 tab-separated columns, no header\n"
    "         (the daily or monthly *.export.* files)\n"
    "gdelt2   GDELT 2.0 event files: 61 tab-separated columns, no header\n"
    "         (the 15-minute *.export.CSV files)\n"
    "icews    ICEWS coded event files: 20 tab-separated columns under a header\n"
    "         (Event ID, Event Date, Source Name, ...); actors by name, with\n"
    "         their country as parent where their sectors say Government\n"
    "phoenix  Phoenix daily files: 26 tab-separated columns, no header\n"
    "\n"
    "Each event with two actors becomes a relation typed by its CAMEO code\n"
    "through the CAMEO mapping (by default data/cameo-types.csv: the twenty\n"
    "root codes, sign and weight from GDELT's quad classes) and cited by its\n"
    "source; each month with events becomes an era. Events with one actor,\n"
    "between an actor and itself or with a code the mapping doesn't type are\n"
    "skipped and counted; malformed records are skipped with a warning naming\n"
    "FILE:LINE.\n"
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

static int parse_aggregate(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    int v = ag_aggregate_parse(arg);
    if (v < 0)
        return cli_usage_error(a->prefix, "unknown --aggregate '%s' (none, day, month or era)",
                               arg);
    *(ag_aggregate_t *)opt->value = (ag_aggregate_t)v;
    return AG_EXIT_OK;
}

static int parse_min_events(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    char *end;
    size_t n = (size_t)strtoul(arg, &end, 10);
    if (end == arg || *end || *arg == '-')
        return cli_usage_error(a->prefix, "--min-events wants a count, not '%s'", arg);
    *(size_t *)opt->value = n;
    return AG_EXIT_OK;
}

static int parse_weight(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    if (strcmp(arg, "cameo") != 0 && strcmp(arg, "intensity") != 0)
        return cli_usage_error(a->prefix, "unknown --weight '%s' (cameo or intensity)", arg);
    *(ag_import_weight_t *)opt->value =
        strcmp(arg, "cameo") == 0 ? AG_IMPORT_WEIGHT_CAMEO : AG_IMPORT_WEIGHT_INTENSITY;
    return AG_EXIT_OK;
}

static int parse_eras(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    if (strcmp(arg, "month") != 0 && strcmp(arg, "year") != 0)
        return cli_usage_error(a->prefix, "unknown --eras '%s' (month or year)", arg);
    *(ag_import_eras_t *)opt->value =
        strcmp(arg, "month") == 0 ? AG_IMPORT_ERAS_MONTH : AG_IMPORT_ERAS_YEAR;
    return AG_EXIT_OK;
}

int cmd_import(int argc, char **argv)
{
    const char *out = NULL;
    bool quiet = false;
    ag_import_opts_t io;
    const cli_option_t opts[] = {
        CLI_STRING('o', "output", &out, "DIR",
                   "the dataset folder to write (required); a folder the\n"
                   "import creates is removed again when it fails"),
        CLI_CALLBACK(0, "aggregate", &io.aggregate, "A",
                     "none (default: one relation per event), or day, month\n"
                     "or era: one relation per source, target, type and\n"
                     "period, weighted by its events' summed weight, with\n"
                     "their number in the column events",
                     parse_aggregate),
        CLI_CALLBACK(0, "min-events", &io.min_events, "N",
                     "with --aggregate, leave out aggregates of fewer than\nN events",
                     parse_min_events),
        CLI_STRING(0, "types", &io.types_file, "FILE",
                   "the CAMEO mapping: a types.csv whose cameo column\n"
                   "lists the code prefixes each type takes"),
        CLI_CALLBACK(0, "weight", &io.weight, "W",
                     "cameo (default: from the type) or intensity (ICEWS:\n"
                     "the event's intensity gives sign and weight)",
                     parse_weight),
        CLI_CALLBACK(0, "eras", &io.eras, "E", "month (default) or year", parse_eras),
        CLI_FLAG('q', "quiet", &quiet, "no progress and no warnings, only the summary"),
        CLI_END,
    };
    cli_args_t a;
    list_t files = { NULL, 0, 0 };
    ag_import_stats_t stats;
    int fmt = -1;
    ag_diags_t diags;
    ag_error_t err;
    ag_status_t st;
    int rc;

    ag_import_opts_default(&io, AG_IMPORT_GDELT);
    cli_args_init(&a, "import", usage_text, NULL);
    a.no_dataset = true;
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ (size_t)argc)) != CLI_CONTINUE) {
        cli_args_destroy(&a);
        return rc;
    }
    rc = AG_EXIT_OK;
    if (a.n_pos < 1)
        rc = cli_usage_error(a.prefix, "name the format of the input: gdelt, gdelt2, icews or "
                                       "phoenix");
    else if ((fmt = ag_import_format_parse(a.pos[0])) < 0)
        rc = cli_usage_error(a.prefix, "unknown format '%s' (supported: gdelt, gdelt2, icews, "
                                       "phoenix)", a.pos[0]);
    else if (io.min_events > 1 && io.aggregate == AG_AGGREGATE_NONE)
        rc = cli_usage_error(a.prefix, "--min-events counts the events of an aggregate: give "
                                       "--aggregate too");
    else if (io.weight == AG_IMPORT_WEIGHT_INTENSITY && fmt != AG_IMPORT_ICEWS)
        rc = cli_usage_error(a.prefix, "--weight intensity is for ICEWS, whose events have one");
    else if (a.n_pos < 2)
        rc = cli_usage_error(a.prefix, "name at least one file or folder to import");
    else if (!out || !*out)
        rc = cli_usage_error(a.prefix, out ? "-o needs a folder name"
                                           : "name the dataset folder to write with -o DIR");
    if (rc != AG_EXIT_OK)
        goto done;
    io.format = (ag_import_format_t)fmt;
    for (size_t i = 1; i < a.n_pos; i++)
        if (add_input(&files, a.pos[i]) != 0) {
            rc = AG_EXIT_DATA;
            goto done;
        }

    ag_diags_init(&diags);
    ag_error_clear(&err);
    st = ag_import((const char *const *)files.items, files.n, out, &io, &stats, &diags,
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
        if (stats.unmapped)
            fprintf(stderr, "import: %zu events skipped: their CAMEO code is not in the "
                            "mapping\n", stats.unmapped);
        if (io.aggregate != AG_AGGREGATE_NONE)
            fprintf(stderr, "import: %zu events in %zu aggregates\n", stats.events,
                    stats.relations + stats.dropped);
        if (stats.dropped)
            fprintf(stderr, "import: %zu aggregates of fewer than %zu events left out\n",
                    stats.dropped, io.min_events);
    }
    ag_diags_destroy(&diags);
done:
    for (size_t i = 0; i < files.n; i++)
        free(files.items[i]);
    free(files.items);
    cli_args_destroy(&a);
    return rc;
}
