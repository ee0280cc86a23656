/*
 * cmd_timeline.c: actorgraph timeline [DATASET] [--metric LIST] [--window 10y]
 *                 [--step 1y] [--from EDTF] [--to EDTF] [--level L] [--ties T]
 *                 [--types LIST] [--actors LIST] [--top N] [--format F] [-o FILE]
 *
 * Metrics over time through a sliding window: the long tidy table, or per
 * metric a table of windows by actors.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/output.h"
#include "actorgraph/timeline.h"
#include "cli.h"
#include "slice_args.h"

static const char usage_text[] =
    "usage: actorgraph timeline [DATASET] [--metric LIST] [--window 10y] [--step 1y]\n"
    "                           [--from EDTF] [--to EDTF] [--level actor|state]\n"
    "                           [--ties all|positive|negative] [--types LIST]\n"
    "                           [--actors LIST] [--top N] [--format table|csv|json|md]\n"
    "                           [-o FILE]\n"
    "\n"
    "Metrics over time: the relations are sliced into windows of a fixed length\n"
    "that start every step, and each window is measured as 'report' measures an\n"
    "era (a relation is in every window its dates overlap).\n"
    "\n"
    "Options:\n"
    "  --metric LIST   metrics to follow (default betweenness); any of degree,\n"
    "                  strength, betweenness, harmonic, eigenvector, in_degree,\n"
    "                  out_degree, pagerank, hub, authority, or all\n"
    "  --window SPAN   length of a window: Ny years, Nm months, Nd days (default 10y)\n"
    "  --step SPAN     how far each window starts after the last (default 1y)\n"
    "  --from EDTF     first window starts on this date's first day (default: the\n"
    "                  earliest bounded date of the relations)\n"
    "  --to EDTF       last window ends by this date's last day (default: the\n"
    "                  latest bounded date); windows that would end later are\n"
    "                  left out, but there is always at least one\n"
    "  --level L       actor (default) or state (actors rolled up to their state)\n"
    "  --ties T        all (default), positive or negative\n"
    "  --types LIST    only these relation types (comma-separated ids)\n"
    "  --actors LIST   table and md: the actors to show (default: the --top N\n"
    "                  with the highest value in any window)\n"
    "  --top N         table and md: how many actors to show (default 6)\n"
    "  --format F      table (default on a terminal), csv (default otherwise: the\n"
    "                  long form window,start,end,level,ties,actor,name,metric,\n"
    "                  value,rank), json (the same rows) or md\n"
    "  -o FILE         write to FILE (atomically) instead of standard output\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 success, 1 invalid data or failure, 2 usage error.\n";

enum { OPT_METRIC = SLICE_OPT_END, OPT_WINDOW, OPT_STEP, OPT_FROM, OPT_TO, OPT_ACTORS, OPT_TOP };

/* The label of a window: "1947–1956" when it is whole years, else its
 * dates. buf holds 64 bytes. */
static const char *window_label(const char *start, const char *end, char *buf)
{
    if (strcmp(start + 4, "-01-01") == 0 && strcmp(end + 4, "-12-31") == 0)
        snprintf(buf, 64, "%.4s\xe2\x80\x93%.4s", start, end);
    else
        snprintf(buf, 64, "%s/%s", start, end);
    return buf;
}

/* Column indices of the long table (timeline.h). */
enum { C_WINDOW, C_START, C_END, C_LEVEL, C_TIES, C_ACTOR, C_NAME, C_METRIC, C_VALUE, C_RANK };

typedef struct {
    const char *id;
    const char *name;
    double best;
} pick_t;

static int cmp_pick(const void *a, const void *b)
{
    const pick_t *x = a, *y = b;
    if (x->best != y->best)
        return x->best > y->best ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Per metric, a table of windows by actors, written in fmt (table or md). */
static int write_matrix(const ag_dataset_t *ds, const ag_table_t *t, unsigned mask,
                        const char *actors, long top, const char *what, ag_format_t fmt,
                        FILE *fp)
{
    ag_error_t err;
    for (int k = 0; k < AG_M_COUNT; k++) {
        const char *metric = ag_metric_name((ag_metric_t)k);
        pick_t *picks = NULL;
        size_t n_picks = 0, cap = 0, n_cols;
        ag_table_t out;
        const char **head = NULL, **cells = NULL;
        char (*short_value)[32] = NULL;
        ag_coltype_t *type = NULL;
        int rc = AG_EXIT_DATA;
        if (!(mask & (1u << k)))
            continue;
        /* The actors: those asked for, or the top ones by best value. */
        for (size_t r = 0; r < t->nrows; r++) {
            const char *id = ag_table_cell(t, r, C_ACTOR);
            double v = strtod(ag_table_cell(t, r, C_VALUE), NULL);
            size_t i = 0;
            if (strcmp(ag_table_cell(t, r, C_METRIC), metric) != 0)
                continue;
            while (i < n_picks && strcmp(picks[i].id, id) != 0)
                i++;
            if (i == n_picks) {
                if (n_picks == cap) {
                    pick_t *p = realloc(picks, (cap = cap ? 2 * cap : 16) * sizeof *p);
                    if (!p)
                        goto oom;
                    picks = p;
                }
                picks[n_picks].id = id;
                picks[n_picks].name = ag_table_cell(t, r, C_NAME);
                picks[n_picks++].best = v;
            } else if (v > picks[i].best) {
                picks[i].best = v;
            }
        }
        if (actors) {
            /* Keep the order asked for; unknown ids were rejected before. */
            size_t kept = 0;
            char *list = strdup(actors), *save = NULL;
            if (!list)
                goto oom;
            for (char *id = strtok_r(list, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
                for (size_t i = kept; i < n_picks; i++)
                    if (strcmp(picks[i].id, id) == 0) {
                        pick_t tmp = picks[kept];
                        picks[kept++] = picks[i];
                        picks[i] = tmp;
                        break;
                    }
            }
            free(list);
            n_picks = kept;
        } else {
            qsort(picks, n_picks, sizeof *picks, cmp_pick);
            if ((size_t)top < n_picks)
                n_picks = (size_t)top;
        }
        n_cols = n_picks + 1;
        head = calloc(n_cols, sizeof *head);
        cells = calloc(n_cols, sizeof *cells);
        type = calloc(n_cols, sizeof *type);
        short_value = calloc(n_cols, sizeof *short_value);
        if (!head || !cells || !type || !short_value)
            goto oom;
        head[0] = "window";
        type[0] = AG_COL_TEXT;
        for (size_t i = 0; i < n_picks; i++) {
            head[i + 1] = picks[i].id;
            type[i + 1] = AG_COL_NUMBER;
        }
        if (ag_table_init(&out, n_cols, head, type, &err) != AG_OK)
            goto oom;
        /* One row per window, in order; the long table is grouped by window. */
        for (size_t r = 0; r < t->nrows;) {
            size_t end = r;
            char label[64];
            while (end < t->nrows &&
                   strcmp(ag_table_cell(t, end, C_WINDOW), ag_table_cell(t, r, C_WINDOW)) == 0)
                end++;
            cells[0] = window_label(ag_table_cell(t, r, C_START), ag_table_cell(t, r, C_END), label);
            for (size_t i = 0; i < n_picks; i++) {
                cells[i + 1] = "";
                for (size_t q = r; q < end; q++)
                    if (strcmp(ag_table_cell(t, q, C_METRIC), metric) == 0 &&
                        strcmp(ag_table_cell(t, q, C_ACTOR), picks[i].id) == 0) {
                        /* Four digits read at a glance; csv has all ten. */
                        snprintf(short_value[i], sizeof short_value[i], "%.4g",
                                 strtod(ag_table_cell(t, q, C_VALUE), NULL));
                        cells[i + 1] = short_value[i];
                    }
            }
            if (ag_table_add(&out, cells, &err) != AG_OK) {
                ag_table_destroy(&out);
                goto oom;
            }
            r = end;
        }
        fprintf(fp, "%s%s: %s\n\n", fmt == AG_FMT_MD ? "## " : "", metric, what);
        rc = ag_table_write(&out, fmt, fp, &err) == AG_OK ? AG_EXIT_OK : AG_EXIT_DATA;
        if (rc == AG_EXIT_OK && n_picks) {
            /* Ids in the header, names below: the table stays narrow. */
            fputc('\n', fp);
            for (size_t i = 0; i < n_picks; i++)
                fprintf(fp, "%s%s %s%s", i ? (fmt == AG_FMT_MD ? "; " : " \xc2\xb7 ") : "",
                        picks[i].id, picks[i].name, i + 1 == n_picks ? "\n" : "");
        }
        fputc('\n', fp);
        ag_table_destroy(&out);
        free(picks);
        free(head);
        free(cells);
        free(type);
        free(short_value);
        if (rc != AG_EXIT_OK)
            return rc;
        continue;
    oom:
        free(picks);
        free(head);
        free(cells);
        free(type);
        free(short_value);
        cli_error(NULL, 0, "out of memory");
        return AG_EXIT_DATA;
    }
    (void)ds;
    return AG_EXIT_OK;
}

static void progress(void *ud, size_t done, size_t n)
{
    (void)ud;
    fprintf(stderr, "\rtimeline: window %zu/%zu", done, n);
    if (done == n)
        fputc('\n', stderr);
}

/* Parses a --from/--to date; prints the usage error and returns false when
 * it is not EDTF. */
static bool parse_date(const char *opt, const char *text, ag_date_t *d)
{
    char msg[256];
    if (ag_date_parse(text, d, msg, sizeof msg) != 0) {
        cli_usage_error("timeline ", "bad %s date: %s", opt, msg);
        return false;
    }
    return true;
}

int cmd_timeline(int argc, char **argv)
{
    static const struct option opts[] = {
        { "metric", required_argument, NULL, OPT_METRIC },
        { "window", required_argument, NULL, OPT_WINDOW },
        { "step", required_argument, NULL, OPT_STEP },
        { "from", required_argument, NULL, OPT_FROM },
        { "to", required_argument, NULL, OPT_TO },
        { "level", required_argument, NULL, SLICE_OPT_LEVEL },
        { "ties", required_argument, NULL, SLICE_OPT_TIES },
        { "types", required_argument, NULL, SLICE_OPT_TYPES },
        { "actors", required_argument, NULL, OPT_ACTORS },
        { "top", required_argument, NULL, OPT_TOP },
        { "format", required_argument, NULL, SLICE_OPT_FORMAT },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *metric_arg = "betweenness", *from = NULL, *to = NULL, *actors = NULL;
    ag_span_t window = { 10, AG_SPAN_YEARS }, step = { 1, AG_SPAN_YEARS };
    long top = 6;
    unsigned mask = 0;
    int32_t first, last;
    char what[256], a[AG_DAY_TEXT_SIZE], b[AG_DAY_TEXT_SIZE];
    ag_window_t *windows = NULL;
    size_t n_windows = 0;
    ag_dataset_t ds;
    ag_slice_opts_t so;
    ag_table_t t;
    ag_error_t err;
    ag_out_t out;
    slice_args_t sa;
    FILE *fp = stdout;
    int c, rc;

    ag_dataset_init(&ds);
    memset(&t, 0, sizeof t);
    memset(&out, 0, sizeof out);
    ag_error_clear(&err);
    if ((rc = slice_args_init(&sa, "timeline ", argc)) != AG_EXIT_OK)
        goto done;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case OPT_METRIC: metric_arg = optarg; break;
        case OPT_WINDOW:
        case OPT_STEP:
            if (ag_span_parse(optarg, c == OPT_WINDOW ? &window : &step) != 0) {
                rc = cli_usage_error("timeline ", "bad --%s '%s': use Ny, Nm or Nd (10y, 6m, 30d)",
                                     c == OPT_WINDOW ? "window" : "step", optarg);
                goto done;
            }
            break;
        case OPT_FROM: from = optarg; break;
        case OPT_TO: to = optarg; break;
        case OPT_ACTORS: actors = optarg; break;
        case OPT_TOP: {
            char *end;
            top = strtol(optarg, &end, 10);
            if (end == optarg || *end || top < 1) {
                rc = cli_usage_error("timeline ", "--top takes a number from 1, not '%s'", optarg);
                goto done;
            }
            break;
        }
        case 'h': fputs(usage_text, stdout); goto done;
        default:
            if ((rc = slice_args_option(&sa, c, argv)) != AG_EXIT_OK)
                goto done;
        }
    }
    if (ag_metric_list_parse(metric_arg, &mask, &err) != AG_OK) {
        rc = cli_usage_error("timeline ", "%s", err.msg);
        goto done;
    }
    if ((rc = slice_args_dataset(&sa, argc, argv)) != AG_EXIT_OK)
        goto done;
    {
        ag_date_t d;
        if ((from && !parse_date("--from", from, &d)) || (to && !parse_date("--to", to, &d))) {
            rc = AG_EXIT_USAGE;
            goto done;
        }
    }
    if ((rc = cli_load(sa.dir, &ds, false)) != AG_EXIT_OK ||
        (rc = slice_args_resolve(&sa, &ds)) != AG_EXIT_OK)
        goto done;
    if (actors) {
        char *list = strdup(actors), *save = NULL;
        if (!list)
            goto oom;
        for (char *id = strtok_r(list, ",", &save); id; id = strtok_r(NULL, ",", &save))
            if (ag_dataset_find_actor(&ds, id) < 0) {
                const char *s = ag_suggest_actor(&ds, id);
                rc = cli_usage_error("timeline ", "unknown actor '%s'%s%s%s", id,
                                     s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
                free(list);
                goto done;
            }
        free(list);
    }
    if (ag_dataset_date_range(&ds, &first, &last, &err) != AG_OK)
        goto failed;
    if (from) {
        ag_date_t d;
        ag_date_parse(from, &d, NULL, 0);
        if (d.first != AG_DAY_MIN)
            first = d.first;
    }
    if (to) {
        ag_date_t d;
        ag_date_parse(to, &d, NULL, 0);
        if (d.last != AG_DAY_MAX)
            last = d.last;
    }
    if (last < first) {
        rc = cli_usage_error("timeline ", "the range ends (%s) before it starts (%s)",
                             ag_day_format(last, b), ag_day_format(first, a));
        goto done;
    }
    if (ag_timeline_windows(first, last, &window, &step, &windows, &n_windows, &err) != AG_OK)
        goto failed;

    if (sa.format < 0)
        sa.format = !sa.out && isatty(STDOUT_FILENO) ? AG_FMT_TABLE : AG_FMT_CSV;
    ag_slice_opts_default(&so);
    so.level = sa.level;
    so.ties = sa.ties;
    so.types = sa.types;
    if (ag_timeline_table_init(&t, &err) != AG_OK ||
        ag_timeline_compute(&ds, &so, mask, windows, n_windows, &t,
                            isatty(STDERR_FILENO) && n_windows > 1 ? progress : NULL, NULL,
                            &err) != AG_OK)
        goto failed;
    if (sa.out) {
        if (ag_out_open(&out, sa.out, &err) != AG_OK)
            goto failed;
        fp = out.fp;
    }
    snprintf(what, sizeof what, "%d%s windows every %d%s, %s to %s (%s level, %s ties)",
             window.n, window.unit == AG_SPAN_YEARS ? "-year" : window.unit == AG_SPAN_MONTHS ? "-month" : "-day",
             step.n, step.unit == AG_SPAN_YEARS ? "y" : step.unit == AG_SPAN_MONTHS ? "m" : "d",
             ag_day_format(first, a), ag_day_format(last, b), ag_level_name(sa.level),
             ag_ties_name(sa.ties));
    if (sa.format == AG_FMT_TABLE || sa.format == AG_FMT_MD) {
        if ((rc = write_matrix(&ds, &t, mask, actors, top, what, (ag_format_t)sa.format, fp)) !=
            AG_EXIT_OK)
            goto done;
    } else if (ag_table_write(&t, (ag_format_t)sa.format, fp, &err) != AG_OK) {
        goto failed;
    }
    if (sa.out && ag_out_commit(&out, &err) != AG_OK)
        goto failed;
    goto done;
oom:
    ag_error_set(&err, AG_ENOMEM, NULL, 0, "out of memory");
failed:
    cli_report_error(&err);
    rc = AG_EXIT_DATA;
done:
    ag_out_abort(&out);
    ag_table_destroy(&t);
    free(windows);
    slice_args_destroy(&sa);
    ag_dataset_destroy(&ds);
    return rc;
}
