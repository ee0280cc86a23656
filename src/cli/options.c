/*
 * options.c: the one parse loop, --help layout, usage-error path and output
 * path of every subcommand (see options.h).
 */
#include "options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "actorgraph/chart.h"
#include "actorgraph/date.h"
#include "actorgraph/table.h"
#include "actorgraph/timeline.h"
#include "cli.h"

/* Where the help of an option starts. */
#define HELP_COLUMN 20
/* The width --help's paragraphs are wrapped to. */
#define HELP_WIDTH 78

static const cli_name_t page_names[] = {
    { "table", AG_FMT_TABLE }, { "csv", AG_FMT_CSV }, { "json", AG_FMT_JSON },
    { "md", AG_FMT_MD },       { "html", AG_FMT_HTML },   { NULL, 0 },
};
static const cli_name_t page_exts[] = {
    { "txt", AG_FMT_TABLE }, { "csv", AG_FMT_CSV }, { "json", AG_FMT_JSON },
    { "md", AG_FMT_MD },     { "html", AG_FMT_HTML },   { NULL, 0 },
};
const cli_formats_t cli_page_formats = { page_names, page_exts, AG_FMT_TABLE, AG_FMT_CSV };

void cli_args_init(cli_args_t *a, const char *cmd, const char *usage,
                   const cli_formats_t *formats)
{
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    a->usage = usage;
    a->formats = formats;
    a->level = AG_LEVEL_ACTOR;
    a->ties = AG_TIES_ALL;
    a->dates = AG_DATES_PROBABLE;
    a->dir = AG_DEFAULT_DATASET;
    a->format = -1;
    a->fp = stdout;
    snprintf(a->prefix, sizeof a->prefix, "%s ", cmd);
}

void cli_args_destroy(cli_args_t *a)
{
    ag_out_abort(&a->out_file);
    free(a->era_ids);
    free(a->pos);
    free(a->types);
    free(a->eras);
    memset(a, 0, sizeof *a);
}

/* ---- the shared options ---- */

int cli_cb_era(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    (void)opt;
    a->era_ids[a->n_era_ids++] = arg;
    return AG_EXIT_OK;
}

int cli_cb_era1(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    (void)opt;
    if (a->n_era_ids)
        return cli_usage_error(a->prefix, "--era given twice: %s takes one era", a->cmd);
    a->era_ids[a->n_era_ids++] = arg;
    return AG_EXIT_OK;
}

int cli_cb_all(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    (void)opt;
    (void)arg;
    a->all = true;
    return AG_EXIT_OK;
}

int cli_cb_from(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    (void)opt;
    a->from = arg;
    return cli_parse_date(a->prefix, "--from", arg, &a->from_date) ? AG_EXIT_OK
                                                                   : AG_EXIT_USAGE;
}

int cli_cb_to(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    (void)opt;
    a->to = arg;
    return cli_parse_date(a->prefix, "--to", arg, &a->to_date) ? AG_EXIT_OK : AG_EXIT_USAGE;
}

int cli_cb_threads(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    char *end;
    long n;
    (void)opt;
    errno = 0;
    n = strtol(arg, &end, 10);
    if (!*arg || *end || errno || n < 1 || n > 1024)
        return cli_usage_error(a->prefix, "bad --threads '%s' (a whole number from 1 to 1024)",
                               arg);
    a->compute.threads = (int)n;
    return AG_EXIT_OK;
}

int cli_cb_sample(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    char *end;
    long n;
    (void)opt;
    errno = 0;
    n = strtol(arg, &end, 10);
    if (!*arg || *end || errno || n < 0)
        return cli_usage_error(a->prefix, "bad --sample '%s' (a whole number, 0 for exact)", arg);
    a->compute.sample = n;
    return AG_EXIT_OK;
}

/* One line, rewritten in place: "report: cold-war: betweenness and
 * harmonic, 1200/2500 sources"; cleared when a metric is done. */
static void compute_progress(void *ud, const char *label, const char *what, size_t done,
                             size_t total)
{
    const cli_args_t *a = ud;
    fprintf(stderr, "\r%s: %s%s%s, %zu/%zu sources\033[K", a->cmd, label ? label : "",
            label ? ": " : "", what, done, total);
    if (done == total)
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

void cli_compute_note(const cli_args_t *a, const char *per)
{
    if (a->compute.sample > 0 && !a->quiet)
        fprintf(stderr,
                "actorgraph: %s: note: betweenness and harmonic are estimates from %ld sources "
                "per %s (exact where there are no more actors than that)\n",
                a->cmd, a->compute.sample, per);
}

int cli_cb_level(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    (void)opt;
    if (ag_level_parse(arg) < 0)
        return cli_usage_error(a->prefix, "unknown level '%s' (actor or state)", arg);
    a->level = (ag_level_t)ag_level_parse(arg);
    return AG_EXIT_OK;
}

int cli_cb_ties(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    (void)opt;
    if (ag_ties_parse(arg) < 0)
        return cli_usage_error(a->prefix, "unknown ties '%s' (all, positive or negative)", arg);
    a->ties = (ag_ties_t)ag_ties_parse(arg);
    return AG_EXIT_OK;
}

int cli_cb_dates(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    (void)opt;
    if (ag_dates_parse(arg) < 0)
        return cli_usage_error(a->prefix,
                               "unknown dates rule '%s' (probable, possible or certain)", arg);
    a->dates = (ag_dates_t)ag_dates_parse(arg);
    return AG_EXIT_OK;
}

int cli_cb_types(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    (void)opt;
    a->types_arg = arg;
    return AG_EXIT_OK;
}

int cli_cb_format(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    (void)opt;
    a->format_arg = arg;
    a->format_word = arg;
    return AG_EXIT_OK;
}

int cli_cb_output(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    (void)opt;
    if (!*arg)
        return cli_usage_error(a->prefix, "-o needs a file name");
    a->out = arg;
    cli_set_output(strcmp(arg, "-") == 0 ? NULL : arg);
    return AG_EXIT_OK;
}

int cli_cb_span(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    if (ag_span_parse(arg, opt->value) != 0)
        return cli_usage_error(a->prefix, "bad --%s '%s': use Ny, Nm or Nd (10y, 6m, 30d)",
                               opt->long_name, arg);
    return AG_EXIT_OK;
}

int cli_cb_plot(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    if (ag_chart_format_of(arg) < 0)
        return cli_usage_error(a->prefix, "--plot '%s': use a .svg, .png or .pdf file", arg);
    *(const char **)opt->value = arg;
    return AG_EXIT_OK;
}

/* ---- formats ---- */

static int lookup(const cli_name_t *n, const char *s)
{
    for (; n->name; n++)
        if (strcasecmp(n->name, s) == 0)
            return n->code;
    return -1;
}

static const char *name_of(const cli_name_t *n, int code)
{
    for (; n->name; n++)
        if (n->code == code)
            return n->name;
    return "?";
}

/* "a, b, c or d", each led by lead. */
static void list_names(char *buf, size_t size, const cli_name_t *names, const char *lead)
{
    size_t len = 0, n = 0;
    buf[0] = '\0';
    while (names[n].name)
        n++;
    for (size_t i = 0; i < n && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s%s",
                                i == 0 ? "" : i + 1 == n ? " or " : ", ", lead, names[i].name);
}

bool cli_to_stdout(const cli_args_t *a)
{
    return !a->out || strcmp(a->out, "-") == 0;
}

/* The extension of path's last component, without the dot, or NULL. */
static const char *extension(const char *path)
{
    const char *base = strrchr(path, '/'), *dot;
    base = base ? base + 1 : path;
    dot = strrchr(base, '.');
    return dot && dot != base && dot[1] ? dot + 1 : NULL;
}

static int resolve_format(cli_args_t *a)
{
    const cli_formats_t *f = a->formats;
    int by_flag = -1, by_ext = -1;
    char list[256];
    if (a->format_arg && (by_flag = lookup(f->names, a->format_arg)) < 0) {
        list_names(list, sizeof list, f->names, "");
        return cli_usage_error(a->prefix, "unknown format '%s' (%s)", a->format_arg, list);
    }
    if (!cli_to_stdout(a) &&
        !(a->out_dirs && (a->out[strlen(a->out) - 1] == '/' || cli_is_dir(a->out)))) {
        const char *ext = extension(a->out);
        if (ext && (by_ext = lookup(f->exts, ext)) < 0 && by_flag < 0) {
            list_names(list, sizeof list, f->exts, ".");
            return cli_usage_error(a->prefix, "-o %s: unknown extension '.%s' (%s writes %s)",
                                   a->out, ext, a->cmd, list);
        }
    }
    if (by_flag >= 0 && by_ext >= 0 && by_flag != by_ext)
        return cli_usage_error(a->prefix, "--format %s and -o %s disagree",
                               a->format_word ? a->format_word : a->format_arg, a->out);
    if (by_flag >= 0)
        a->format = by_flag;
    else if (by_ext >= 0)
        a->format = by_ext;
    else
        a->format = cli_to_stdout(a) && isatty(STDOUT_FILENO) ? f->tty : f->pipe;
    return AG_EXIT_OK;
}

/* ---- --help ---- */

/* Writes text wrapped at HELP_WIDTH; a '~' is a space that does not
 * break. */
static void wrap(FILE *fp, const char *text)
{
    size_t col = 0;
    while (*text) {
        size_t n = strcspn(text, " ");
        if (col && col + 1 + n > HELP_WIDTH) {
            fputc('\n', fp);
            col = 0;
        } else if (col) {
            fputc(' ', fp);
            col++;
        }
        for (size_t k = 0; k < n; k++)
            fputc(text[k] == '~' ? ' ' : text[k], fp);
        col += n;
        text += n;
        text += strspn(text, " ");
    }
    fputc('\n', fp);
}

static void print_option(FILE *fp, int short_name, const char *long_name, const char *argh,
                         const char *help)
{
    char left[128];
    int n;
    if (short_name && long_name)
        n = snprintf(left, sizeof left, "  -%c, --%s", short_name, long_name);
    else if (short_name)
        n = snprintf(left, sizeof left, "  -%c", short_name);
    else
        n = snprintf(left, sizeof left, "  --%s", long_name);
    if (argh && n >= 0 && (size_t)n < sizeof left)
        n += snprintf(left + n, sizeof left - (size_t)n, " %s", argh);
    fputs(left, fp);
    if (n >= HELP_COLUMN - 1) {
        fputc('\n', fp);
        n = 0;
    }
    for (const char *line = help; line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        fprintf(fp, "%*s%.*s\n", HELP_COLUMN - n, "", (int)len, line);
        n = 0;
        line = nl ? nl + 1 : NULL;
    }
}

void cli_help(const cli_args_t *a, const cli_option_t *opts, FILE *fp)
{
    fputs(a->usage, fp);
    if (opts->kind != CLI_OPT_GROUP)
        fputs("Options:\n", fp);
    for (const cli_option_t *o = opts; o->kind != CLI_OPT_END; o++) {
        if (o->kind == CLI_OPT_GROUP)
            fprintf(fp, "%s%s\n", o == opts ? "" : "\n", o->help);
        else if (o->help)
            print_option(fp, o->short_name, o->long_name, o->argh, o->help);
    }
    print_option(fp, 'h', "help", NULL, "show this help");
    if (a->formats) {
        const cli_formats_t *f = a->formats;
        char text[1024], def[128];
        size_t len;
        len = (size_t)snprintf(text, sizeof text,
                               "Output format: --format, else the extension of -o's file "
                               "in any case (");
        for (const cli_name_t *e = f->exts; e->name && len < sizeof text; e++) {
            const char *name = name_of(f->names, e->code);
            len += (size_t)snprintf(text + len, sizeof text - len, "%s.%s%s%s%s",
                                    e == f->exts ? "" : ", ", e->name,
                                    strcmp(name, e->name) ? " for " : "",
                                    strcmp(name, e->name) ? name : "", "");
        }
        if (f->tty == f->pipe)
            snprintf(def, sizeof def, "%s", name_of(f->names, f->tty));
        else
            snprintf(def, sizeof def, "%s on a terminal, %s otherwise",
                     name_of(f->names, f->tty), name_of(f->names, f->pipe));
        if (len < sizeof text)
            snprintf(text + len, sizeof text - len,
                     "), else %s. Any other extension is an error. -o~- is standard output.",
                     def);
        fputc('\n', fp);
        wrap(fp, text);
    }
    fputs("\nExit status: 0 success, 1 invalid data or failure, 2 usage error.\n", fp);
}

/* ---- the parse loop ---- */

/* The option --name (len bytes of name): an exact match, else the one
 * option name starts with; NULL when none or several (*ambiguous). */
static const cli_option_t *find_long(const cli_option_t *opts, const char *name, size_t len,
                                     bool *ambiguous)
{
    const cli_option_t *found = NULL;
    *ambiguous = false;
    for (const cli_option_t *o = opts; o->kind != CLI_OPT_END; o++) {
        if (!o->long_name || strncmp(o->long_name, name, len) != 0)
            continue;
        if (strlen(o->long_name) == len)
            return o;
        if (found && !(found->value == o->value && found->cb == o->cb))
            *ambiguous = true;
        found = o;
    }
    return *ambiguous ? NULL : found;
}

static const cli_option_t *find_short(const cli_option_t *opts, int c)
{
    for (const cli_option_t *o = opts; o->kind != CLI_OPT_END; o++)
        if (o->kind != CLI_OPT_GROUP && o->short_name == c)
            return o;
    return NULL;
}

static int apply(const cli_option_t *o, const char *arg, cli_args_t *a)
{
    switch (o->kind) {
    case CLI_OPT_FLAG: *(bool *)o->value = true; return AG_EXIT_OK;
    case CLI_OPT_STRING: *(const char **)o->value = arg; return AG_EXIT_OK;
    case CLI_OPT_CALLBACK: return o->cb(o, arg, a);
    default: return AG_EXIT_OK;
    }
}

static bool takes_eras(const cli_option_t *opts)
{
    for (const cli_option_t *o = opts; o->kind != CLI_OPT_END; o++)
        if (o->kind == CLI_OPT_CALLBACK && (o->cb == cli_cb_era || o->cb == cli_cb_era1))
            return true;
    return false;
}

/* One argument that starts with '-' (not "-" or "--"), at argv[*i]. */
static int parse_option(cli_args_t *a, const cli_option_t *opts, int argc, char **argv, int *i)
{
    const char *s = argv[*i];
    const cli_option_t *o;
    int rc;
    if (s[1] == '-') {
        const char *name = s + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        bool ambiguous;
        if (len == 4 && strncmp(name, "help", 4) == 0) {
            cli_help(a, opts, stdout);
            return AG_EXIT_OK;
        }
        if (!(o = find_long(opts, name, len, &ambiguous)))
            return cli_usage_error(a->prefix, "%s option '%.*s'",
                                   ambiguous ? "ambiguous" : "unknown", (int)(len + 2), s);
        if (!o->argh && eq)
            return cli_usage_error(a->prefix, "option '--%s' takes no value", o->long_name);
        if (o->kind == CLI_OPT_PAIR) {
            const char **v = o->value;
            if (eq || *i + 2 >= argc)
                return cli_usage_error(a->prefix, "option '--%s' needs two values: --%s %s",
                                       o->long_name, o->long_name, o->argh);
            v[0] = argv[++*i];
            v[1] = argv[++*i];
            return CLI_CONTINUE;
        }
        if (o->argh && !eq && *i + 1 >= argc)
            return cli_usage_error(a->prefix, "option '%s' needs a value", s);
        rc = apply(o, o->argh ? (eq ? eq + 1 : argv[++*i]) : NULL, a);
        return rc == AG_EXIT_OK ? CLI_CONTINUE : rc;
    }
    for (const char *p = s + 1; *p; p++) {
        if (*p == 'h') {
            cli_help(a, opts, stdout);
            return AG_EXIT_OK;
        }
        if (!(o = find_short(opts, *p)))
            return cli_usage_error(a->prefix, "unknown option '-%c'", *p);
        if (!o->argh) {
            if ((rc = apply(o, NULL, a)) != AG_EXIT_OK)
                return rc;
            continue;
        }
        if (!p[1] && *i + 1 >= argc)
            return cli_usage_error(a->prefix, "option '-%c' needs a value", *p);
        rc = apply(o, p[1] ? p + 1 : argv[++*i], a);
        return rc == AG_EXIT_OK ? CLI_CONTINUE : rc;
    }
    return CLI_CONTINUE;
}

int cli_parse(cli_args_t *a, const cli_option_t *opts, int argc, char **argv, size_t max_pos)
{
    bool options = true, eras = takes_eras(opts);
    size_t first = 0;
    int rc;

    if (!(a->era_ids = malloc(((size_t)argc + 1) * sizeof *a->era_ids)) ||
        !(a->pos = malloc(((size_t)argc + 1) * sizeof *a->pos))) {
        cli_error(NULL, 0, "out of memory");
        return AG_EXIT_DATA;
    }
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (!options || s[0] != '-' || s[1] == '\0') {
            a->pos[a->n_pos++] = argv[i];
        } else if (strcmp(s, "--") == 0) {
            options = false;
        } else if ((rc = parse_option(a, opts, argc, argv, &i)) != CLI_CONTINUE) {
            return rc;
        }
    }

    /* The dataset: a first argument that names a folder. */
    if (!a->no_dataset && a->n_pos && cli_is_dir(a->pos[0])) {
        a->dir = a->pos[0];
        first = 1;
    }
    memmove(a->pos, a->pos + first, (a->n_pos - first) * sizeof *a->pos);
    a->n_pos -= first;
    if (a->n_pos > max_pos) {
        if (max_pos == 0 && !first && a->n_pos == 1)
            return cli_usage_error(a->prefix, "'%s' is not a dataset folder", a->pos[0]);
        return cli_usage_error(a->prefix, "unexpected argument '%s'", a->pos[max_pos]);
    }

    if (a->all && a->n_era_ids)
        return cli_usage_error(a->prefix, "--all and --era exclude each other");
    if (eras && (a->from || a->to) && (a->all || a->n_era_ids))
        return cli_usage_error(a->prefix, "--from/--to and --era/--all exclude each other");
    if (eras && a->from && a->to && a->to_date.last < a->from_date.first)
        return cli_usage_error(a->prefix, "the window ends (%s) before it starts (%s)", a->to,
                               a->from);
    if (a->formats && (rc = resolve_format(a)) != AG_EXIT_OK)
        return rc;
    a->window = eras && (a->from || a->to);
    if (!a->quiet && isatty(STDERR_FILENO)) {
        a->compute.progress = compute_progress;
        a->compute.ud = a;
    }
    return CLI_CONTINUE;
}

/* ---- the dataset ---- */

int cli_find_era(const ag_dataset_t *ds, const char *id, long *era)
{
    const char *s;
    char ids[256] = "";
    size_t len = 0;
    if ((*era = ag_dataset_resolve_era(ds, id)) >= 0) /* an id, or a unique name */
        return AG_EXIT_OK;
    if ((s = ag_suggest_era(ds, id)) != NULL) {
        cli_error(NULL, 0, "unknown era '%s' (did you mean '%s'?)", id, s);
        return AG_EXIT_USAGE;
    }
    /* Say what exists: the ids, or where to list them when they are many. */
    for (size_t i = 0; i < ds->n_eras && len < sizeof ids; i++)
        len += (size_t)snprintf(ids + len, sizeof ids - len, "%s%s", i ? ", " : "",
                                ds->eras[i].id);
    if (ds->n_eras == 0)
        cli_error(NULL, 0, "unknown era '%s': %s has no eras (eras.csv)", id, ds->dir);
    else if (len < sizeof ids)
        cli_error(NULL, 0, "unknown era '%s' (the eras: %s)", id, ids);
    else
        cli_error(NULL, 0, "unknown era '%s': 'actorgraph list eras %s' lists them", id,
                  ds->dir);
    return AG_EXIT_USAGE;
}

int cli_find_era_or_window(const cli_args_t *a, ag_dataset_t *ds, const char *text, long *era)
{
    char id[AG_DATE_TEXT_SIZE];
    ag_date_t d;
    ag_error_t err;
    if ((*era = ag_dataset_resolve_era(ds, text)) >= 0 || !strchr(text, '/') ||
        ag_date_parse(text, &d, NULL, 0) != 0)
        return cli_find_era(ds, text, era);
    ag_date_format(&d, id, sizeof id);
    if ((*era = ag_dataset_find_era(ds, id)) >= 0)
        return AG_EXIT_OK;
    ag_error_clear(&err);
    if (ag_dataset_add_window(ds, id, d.first, d.last, era, &err) != AG_OK)
        return cli_fail(a, &err);
    return AG_EXIT_OK;
}

int cli_find_actor(const cli_args_t *a, const ag_dataset_t *ds, const char *text, long *actor)
{
    const char *s;
    if ((*actor = ag_dataset_resolve_actor(ds, text)) >= 0)
        return AG_EXIT_OK;
    if (*actor == -2) {
        char ids[512] = "";
        size_t len = 0;
        for (size_t i = 0; i < ds->n_actors && len < sizeof ids - 1; i++)
            if (ds->actors[i].name && strcasecmp(ds->actors[i].name, text) == 0)
                len += (size_t)snprintf(ids + len, sizeof ids - len, "%s%s", len ? ", " : "",
                                        ds->actors[i].id);
        return cli_usage_error(a->prefix, "actor name '%s' fits several actors (%s): give an id",
                               text, ids);
    }
    if ((s = ag_suggest_actor(ds, text)) != NULL)
        return cli_usage_error(a->prefix, "unknown actor '%s' (did you mean '%s'?)", text, s);
    return cli_usage_error(a->prefix, "unknown actor '%s': 'actorgraph list actors %s' lists "
                           "the ids and names", text, ds->dir);
}

int cli_fail(const cli_args_t *a, const ag_error_t *err)
{
    if (err->code == AG_EUSAGE)
        return cli_usage_error(a->prefix, "%s", err->msg);
    cli_report_error(err);
    return AG_EXIT_DATA;
}

int cli_dataset(cli_args_t *a, ag_dataset_t *ds)
{
    int rc = cli_load(a->dir, ds, false);
    return rc != AG_EXIT_OK ? rc : cli_resolve(a, ds);
}

int cli_resolve(cli_args_t *a, ag_dataset_t *ds)
{
    ag_error_t err;
    int rc;
    ag_error_clear(&err);
    if (a->types_arg && ag_types_mask(ds, a->types_arg, &a->types, &err) != AG_OK)
        return cli_fail(a, &err);
    a->n_eras = a->window ? 1 : a->n_era_ids ? a->n_era_ids : ds->n_eras;
    if (!(a->eras = malloc((a->n_eras ? a->n_eras : 1) * sizeof *a->eras))) {
        cli_error(NULL, 0, "out of memory");
        return AG_EXIT_DATA;
    }
    if (a->window) {
        char id[2 * AG_DATE_TEXT_SIZE + 2], from[AG_DATE_TEXT_SIZE], to[AG_DATE_TEXT_SIZE];
        if (a->from)
            ag_date_format(&a->from_date, from, sizeof from);
        if (a->to)
            ag_date_format(&a->to_date, to, sizeof to);
        snprintf(id, sizeof id, "%s/%s", a->from ? from : "..", a->to ? to : "..");
        if (ag_dataset_add_window(ds, id, a->from ? a->from_date.first : AG_DAY_MIN,
                                  a->to ? a->to_date.last : AG_DAY_MAX, &a->eras[0],
                                  &err) != AG_OK)
            return cli_fail(a, &err);
        return AG_EXIT_OK;
    }
    for (size_t i = 0; i < a->n_era_ids; i++)
        if ((rc = cli_find_era(ds, a->era_ids[i], &a->eras[i])) != AG_EXIT_OK)
            return rc;
    if (!a->n_era_ids)
        for (size_t i = 0; i < ds->n_eras; i++)
            a->eras[i] = (long)i;
    return AG_EXIT_OK;
}

int cli_need_eras(const cli_args_t *a, const ag_dataset_t *ds, const char *hint)
{
    if (a->n_eras > 0)
        return AG_EXIT_OK;
    cli_error(ds->dir, 0, "no eras to work on: add rows to eras.csv (id,name,period)%s", hint);
    return AG_EXIT_DATA;
}

/* ---- the output ---- */

int cli_output(cli_args_t *a)
{
    ag_error_t err;
    if (cli_to_stdout(a)) {
        a->fp = stdout;
        return AG_EXIT_OK;
    }
    ag_error_clear(&err);
    if (ag_out_open(&a->out_file, a->out, &err) != AG_OK) {
        cli_report_error(&err);
        return AG_EXIT_DATA;
    }
    a->fp = a->out_file.fp;
    return AG_EXIT_OK;
}

int cli_commit(cli_args_t *a, ag_status_t st, const ag_error_t *err)
{
    ag_error_t e;
    if (st != AG_OK) {
        ag_out_abort(&a->out_file);
        return cli_fail(a, err);
    }
    ag_error_clear(&e);
    if (!cli_to_stdout(a) && ag_out_commit(&a->out_file, &e) != AG_OK) {
        cli_report_error(&e);
        return AG_EXIT_DATA;
    }
    return AG_EXIT_OK;
}
