/*
 * cli.c: helpers the subcommands share: messages, bad options, the
 * positional arguments, loading with diagnostics.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "actorgraph/load.h"

static void vmessage(const char *file, long line, const char *kind, const char *fmt,
                     va_list ap)
{
    fputs("actorgraph: ", stderr);
    if (file && *file) {
        if (line > 0)
            fprintf(stderr, "%s:%ld: ", file, line);
        else
            fprintf(stderr, "%s: ", file);
    }
    if (kind)
        fprintf(stderr, "%s: ", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(file, line, NULL, fmt, ap);
    va_end(ap);
}

/* The -o file of this command line, for write errors that name no file. */
static const char *output_path;

void cli_set_output(const char *path)
{
    output_path = path;
}

void cli_report_error(const ag_error_t *err)
{
    const char *file = err->file;
    if (!*file && err->code == AG_EIO && output_path)
        file = output_path;
    cli_error(file, err->line, "%s", *err->msg ? err->msg : ag_strerror(err->code));
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(NULL, 0, NULL, fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try 'actorgraph %s--help' for more information.\n",
            cmd ? cmd : "");
    return AG_EXIT_USAGE;
}

void cli_print_diags(const ag_diags_t *d, bool show_warnings)
{
    for (size_t i = 0; i < d->n; i++) {
        const ag_diag_t *g = &d->items[i];
        if (g->severity == AG_SEV_WARNING && !show_warnings)
            continue;
        fputs("actorgraph: ", stderr);
        if (g->line > 0)
            fprintf(stderr, "%s:%ld: ", g->file, g->line);
        else
            fprintf(stderr, "%s: ", g->file);
        if (g->severity == AG_SEV_WARNING)
            fputs("warning: ", stderr);
        fprintf(stderr, "%s\n", g->msg);
    }
}

bool cli_parse_date(const char *cmd, const char *opt, const char *text, ag_date_t *d)
{
    char msg[256];
    if (ag_date_parse(text, d, msg, sizeof msg) != 0) {
        cli_usage_error(cmd, "bad %s date: %s", opt, msg);
        return false;
    }
    return true;
}

bool cli_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cli_option_error(const char *cmd, int c, char **argv)
{
    if (c == ':')
        return cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
    return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}

int cli_positionals(const char *cmd, int argc, char **argv, int max, const char **dir,
                    int *first, int *n)
{
    int used = optind < argc && cli_is_dir(argv[optind]);
    *dir = used ? argv[optind] : AG_DEFAULT_DATASET;
    *first = optind + used;
    *n = argc - *first;
    if (*n <= max)
        return AG_EXIT_OK;
    if (max == 0 && !used && *n == 1)
        return cli_usage_error(cmd, "'%s' is not a dataset folder", argv[*first]);
    return cli_usage_error(cmd, "unexpected argument '%s'", argv[*first + max]);
}

int cli_find_actor(const char *cmd, const ag_dataset_t *ds, const char *text, long *actor)
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
        return cli_usage_error(cmd, "actor name '%s' fits several actors (%s): give an id",
                               text, ids);
    }
    if ((s = ag_suggest_actor(ds, text)) != NULL)
        return cli_usage_error(cmd, "unknown actor '%s' (did you mean '%s'?)", text, s);
    return cli_usage_error(cmd, "unknown actor '%s': 'actorgraph list actors %s' lists the ids "
                           "and names", text, ds->dir);
}

int cli_load(const char *dir, ag_dataset_t *ds, bool show_warnings)
{
    ag_diags_t diags;
    ag_error_t err;
    ag_status_t rc;
    ag_diags_init(&diags);
    ag_error_clear(&err);
    rc = ag_dataset_load(ds, dir, &diags, &err);
    cli_print_diags(&diags, show_warnings);
    if (rc == AG_EDATA)
        cli_error(dir, 0, "%zu error%s: run 'actorgraph check %s' for details", diags.errors,
                  diags.errors == 1 ? "" : "s", dir);
    else if (rc != AG_OK)
        cli_report_error(&err);
    ag_diags_destroy(&diags);
    return rc == AG_OK ? AG_EXIT_OK : AG_EXIT_DATA;
}

int cli_finish(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error(NULL, 0, "error writing to standard output: %s", strerror(errno));
        return rc ? rc : AG_EXIT_DATA;
    }
    return rc;
}
