/*
 * cli.c: helpers the subcommands share: messages, usage errors, loading
 * with diagnostics (options and outputs: options.c).
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
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
    /* stderr is unbuffered: lines are gathered and written a block at a
     * time, not four writes a line (a large dataset has thousands). */
    char block[16384];
    size_t used = 0;
    for (size_t i = 0; i < d->n; i++) {
        const ag_diag_t *g = &d->items[i];
        char head[64];
        size_t need;
        if (g->severity == AG_SEV_WARNING && !show_warnings)
            continue;
        if (g->line > 0)
            snprintf(head, sizeof head, ":%ld: ", g->line);
        else
            snprintf(head, sizeof head, ": ");
        need = strlen("actorgraph: ") + strlen(g->file) + strlen(head) +
               (g->severity == AG_SEV_WARNING ? strlen("warning: ") : 0) +
               strlen(g->msg) + 1;
        /* need counts the line end, not snprintf's NUL: keep room for it. */
        if (used + need >= sizeof block) {
            fwrite(block, 1, used, stderr);
            used = 0;
        }
        if (need >= sizeof block) {
            fprintf(stderr, "actorgraph: %s%s%s%s\n", g->file, head,
                    g->severity == AG_SEV_WARNING ? "warning: " : "", g->msg);
            continue;
        }
        used += (size_t)snprintf(block + used, sizeof block - used, "actorgraph: %s%s%s%s\n",
                                 g->file, head,
                                 g->severity == AG_SEV_WARNING ? "warning: " : "", g->msg);
    }
    fwrite(block, 1, used, stderr);
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
