/*
 * cmd_import.c: actorgraph import gdelt|gdelt2|icews|phoenix FILE|FOLDER|-...
 *               -o DATASET_DIR [--aggregate day|month|era] [--min-events N]
 *               [--types FILE] [--weight cameo|intensity] [--eras month|year]
 *
 * Turns coded event data into a dataset folder that every other command
 * reads.
 */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/import.h"
#include "cli.h"

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
    "\n"
    "Options:\n"
    "  -o, --output DIR     the dataset folder to write (required); a folder the\n"
    "                       import creates is removed again when it fails\n"
    "  --aggregate A        none (default: one relation per event), or day, month\n"
    "                       or era: one relation per source, target, type and\n"
    "                       period, weighted by its events' summed weight, with\n"
    "                       their number in the column events\n"
    "  --min-events N       with --aggregate, leave out aggregates of fewer than\n"
    "                       N events\n"
    "  --types FILE         the CAMEO mapping: a types.csv whose cameo column\n"
    "                       lists the code prefixes each type takes\n"
    "  --weight W           cameo (default: from the type) or intensity (ICEWS:\n"
    "                       the event's intensity gives sign and weight)\n"
    "  --eras E             month (default) or year\n"
    "  -q, --quiet          no progress and no warnings, only the summary\n"
    "  -h, --help           show this help\n";

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

enum { OPT_AGGREGATE = 256, OPT_MIN_EVENTS, OPT_TYPES, OPT_WEIGHT, OPT_ERAS };

int cmd_import(int argc, char **argv)
{
    static const struct option opts[] = {
        { "output", required_argument, NULL, 'o' },
        { "aggregate", required_argument, NULL, OPT_AGGREGATE },
        { "min-events", required_argument, NULL, OPT_MIN_EVENTS },
        { "types", required_argument, NULL, OPT_TYPES },
        { "weight", required_argument, NULL, OPT_WEIGHT },
        { "eras", required_argument, NULL, OPT_ERAS },
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *out = NULL;
    bool quiet = false;
    list_t files = { NULL, 0, 0 };
    ag_import_stats_t stats;
    ag_import_opts_t io;
    int fmt, v;
    char *end;
    ag_diags_t diags;
    ag_error_t err;
    ag_status_t st;
    int c, rc = AG_EXIT_OK;

    ag_import_opts_default(&io, AG_IMPORT_GDELT);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:qh", opts, NULL)) != -1) {
        switch (c) {
        case 'o':
            if (!*optarg)
                return cli_usage_error("import ", "-o needs a folder name");
            out = optarg;
            break;
        case 'q': quiet = true; break;
        case OPT_AGGREGATE:
            if ((v = ag_aggregate_parse(optarg)) < 0)
                return cli_usage_error("import ", "unknown --aggregate '%s' (none, day, month "
                                       "or era)", optarg);
            io.aggregate = (ag_aggregate_t)v;
            break;
        case OPT_MIN_EVENTS:
            io.min_events = (size_t)strtoul(optarg, &end, 10);
            if (end == optarg || *end || *optarg == '-')
                return cli_usage_error("import ", "--min-events wants a count, not '%s'",
                                       optarg);
            break;
        case OPT_TYPES: io.types_file = optarg; break;
        case OPT_WEIGHT:
            if (strcmp(optarg, "cameo") != 0 && strcmp(optarg, "intensity") != 0)
                return cli_usage_error("import ", "unknown --weight '%s' (cameo or intensity)",
                                       optarg);
            io.weight = strcmp(optarg, "cameo") == 0 ? AG_IMPORT_WEIGHT_CAMEO
                                                     : AG_IMPORT_WEIGHT_INTENSITY;
            break;
        case OPT_ERAS:
            if (strcmp(optarg, "month") != 0 && strcmp(optarg, "year") != 0)
                return cli_usage_error("import ", "unknown --eras '%s' (month or year)",
                                       optarg);
            io.eras = strcmp(optarg, "month") == 0 ? AG_IMPORT_ERAS_MONTH : AG_IMPORT_ERAS_YEAR;
            break;
        case 'h': fputs(usage_text, stdout); return AG_EXIT_OK;
        default: return cli_option_error("import ", c, argv);
        }
    }
    if (optind >= argc)
        return cli_usage_error("import ", "name the format of the input: gdelt, gdelt2, "
                               "icews or phoenix");
    if ((fmt = ag_import_format_parse(argv[optind])) < 0)
        return cli_usage_error("import ", "unknown format '%s' (supported: gdelt, gdelt2, "
                               "icews, phoenix)", argv[optind]);
    io.format = (ag_import_format_t)fmt;
    if (io.min_events > 1 && io.aggregate == AG_AGGREGATE_NONE)
        return cli_usage_error("import ", "--min-events counts the events of an aggregate: "
                               "give --aggregate too");
    if (io.weight == AG_IMPORT_WEIGHT_INTENSITY && io.format != AG_IMPORT_ICEWS)
        return cli_usage_error("import ", "--weight intensity is for ICEWS, whose events "
                               "have one");
    if (optind + 1 >= argc)
        return cli_usage_error("import ", "name at least one file or folder to import");
    if (!out)
        return cli_usage_error("import ", "name the dataset folder to write with -o DIR");
    for (int i = optind + 1; i < argc; i++)
        if (add_input(&files, argv[i]) != 0) {
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
    return rc;
}
