/*
 * cli.h: what the subcommands of the actorgraph tool share.
 *
 * The tool only parses arguments, calls the library and prints. Each
 * subcommand lives in its own file (cmd_NAME.c) and is listed in the
 * sorted table in main.c.
 */
#ifndef AG_CLI_H
#define AG_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "actorgraph/error.h"
#include "actorgraph/model.h"

/* Exit codes. */
enum { AG_EXIT_OK = 0, AG_EXIT_DATA = 1, AG_EXIT_USAGE = 2 };

/* The dataset used when none is named. */
#define AG_DEFAULT_DATASET "graphs/new-great-game"

/* Subcommands: argv[0] is the subcommand's name. Return the exit code. */
int cmd_balance(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_timeline(int argc, char **argv);

/* Prints "actorgraph: FILE:LINE: message" (or without file/line) to stderr. */
void cli_error(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Prints an ag_error_t the same way; a write error that names no file is
 * said of the -o file, when cli_set_output named one. */
void cli_report_error(const ag_error_t *err);
/* Names the command line's output file (-o), or NULL. Can't fail. */
void cli_set_output(const char *path);
/* Prints a usage error and a hint to run --help; returns AG_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints every diagnostic; warnings only when show_warnings. */
void cli_print_diags(const ag_diags_t *d, bool show_warnings);

/* Parses the EDTF date of option opt ("--from") into *d; on a bad date
 * prints the usage error (for subcommand cmd, "report ") and returns
 * false. */
bool cli_parse_date(const char *cmd, const char *opt, const char *text, ag_date_t *d);

/* Whether path names an existing folder. */
bool cli_is_dir(const char *path);

/* Loads the dataset; prints its errors (and warnings when asked). Returns
 * AG_EXIT_OK, or AG_EXIT_DATA when it has errors or could not be read. */
int cli_load(const char *dir, ag_dataset_t *ds, bool show_warnings);

/* Flushes stdout and checks that everything was written; returns rc, or
 * AG_EXIT_DATA when writing failed. */
int cli_finish(int rc);

#endif
