/*
 * options.h: one way to parse options and open outputs, for every
 * subcommand, in the manner of git's parse-options.
 *
 * A subcommand declares its options as a table: the shared ones come from
 * the CLI_OPT_* macros below (DATASET handling, --era/--all, --from/--to,
 * --level, --ties, --dates, --types, --format, -o), its own ones from CLI_FLAG,
 * CLI_STRING and CLI_CALLBACK, with CLI_GROUP headings in between:
 *
 *     cli_args_t a;
 *     const cli_option_t opts[] = {
 *         CLI_GROUP("Which periods:"), CLI_OPT_ERAS(&a), CLI_OPT_WINDOW(&a),
 *         CLI_GROUP("Output:"), CLI_OPT_FORMAT(&a, "..."), CLI_OPT_OUTPUT(&a),
 *         CLI_END,
 *     };
 *     cli_args_init(&a, "report", usage, &cli_page_formats);
 *     if ((rc = cli_parse(&a, opts, argc, argv, 0)) != CLI_CONTINUE) ...
 *     if ((rc = cli_dataset(&a, &ds)) != AG_EXIT_OK) ...
 *     if ((rc = cli_output(&a)) != AG_EXIT_OK) ...   (a.fp)
 *     st = write(..., a.format, a.fp, &err);
 *     rc = cli_commit(&a, st, &err);
 *
 * cli_parse is the one parse loop (long options with unique prefixes,
 * --name=value, -o FILE and -oFILE, "--" ends the options, options and
 * arguments in any order), renders --help from the table in one layout and
 * prints every usage error the same way. cli_output and cli_commit are the
 * one output path: -o FILE written atomically, -o - or no -o standard
 * output.
 *
 * The format rule, the same for every command: --format F; else -o's
 * extension, in any case (.CSV is csv, .txt is table); else the command's
 * terminal format (a table) when standard output is a terminal and its
 * pipe format (CSV) otherwise. An extension that names none of the
 * command's formats is a usage error (unless --format says which), and so
 * is an extension that disagrees with --format.
 */
#ifndef AG_CLI_OPTIONS_H
#define AG_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "actorgraph/era.h"
#include "actorgraph/metrics.h"
#include "actorgraph/model.h"
#include "actorgraph/output.h"

/* What cli_parse returns when the command should go on. */
#define CLI_CONTINUE (-1)

typedef struct cli_args cli_args_t;
typedef struct cli_option cli_option_t;

/* Takes an option's value (NULL for an option without one); returns
 * AG_EXIT_OK, or AG_EXIT_USAGE after printing the usage error. */
typedef int (*cli_opt_cb_t)(const cli_option_t *opt, const char *arg, cli_args_t *a);

typedef enum {
    CLI_OPT_END = 0, /* ends the table */
    CLI_OPT_GROUP,   /* a heading in --help (help holds it) */
    CLI_OPT_FLAG,    /* sets *(bool *)value */
    CLI_OPT_STRING,  /* sets *(const char **)value to the argument */
    CLI_OPT_CALLBACK, /* calls cb(opt, argument or NULL, args) */
    CLI_OPT_PAIR      /* takes the next two arguments into (const char **)value */
} cli_opt_kind_t;

/*
 * One option.
 *   kind:        as above.
 *   short_name:  the letter of -x, or 0.
 *   long_name:   the name of --name, or NULL.
 *   value:       where a flag or string goes; for a callback, its data.
 *   argh:        the value's name in --help ("ID"); NULL when the option
 *                takes no value.
 *   help:        its help, lines separated by '\n'; NULL hides the option
 *                from --help (an alias such as --metrics).
 *   cb:          for CLI_OPT_CALLBACK.
 */
struct cli_option {
    cli_opt_kind_t kind;
    int short_name;
    const char *long_name;
    void *value;
    const char *argh;
    const char *help;
    cli_opt_cb_t cb;
};

#define CLI_END { CLI_OPT_END, 0, NULL, NULL, NULL, NULL, NULL }
#define CLI_GROUP(title) { CLI_OPT_GROUP, 0, NULL, NULL, NULL, (title), NULL }
#define CLI_FLAG(s, l, v, h) { CLI_OPT_FLAG, (s), (l), (v), NULL, (h), NULL }
#define CLI_STRING(s, l, v, argh, h) { CLI_OPT_STRING, (s), (l), (v), (argh), (h), NULL }
#define CLI_CALLBACK(s, l, v, argh, h, cb) { CLI_OPT_CALLBACK, (s), (l), (v), (argh), (h), (cb) }
#define CLI_PAIR(l, v, argh, h) { CLI_OPT_PAIR, 0, (l), (v), (argh), (h), NULL }

/* The shared options' callbacks, for a command that words an option's
 * help its own way (CLI_CALLBACK(0, "ties", &a, "T", "...", cli_cb_ties)). */
int cli_cb_era(const cli_option_t *opt, const char *arg, cli_args_t *a);
int cli_cb_era1(const cli_option_t *opt, const char *arg, cli_args_t *a);
int cli_cb_all(const cli_option_t *opt, const char *arg, cli_args_t *a);
int cli_cb_from(const cli_option_t *opt, const char *arg, cli_args_t *a);
int cli_cb_to(const cli_option_t *opt, const char *arg, cli_args_t *a);
int cli_cb_level(const cli_option_t *opt, const char *arg, cli_args_t *a);
int cli_cb_ties(const cli_option_t *opt, const char *arg, cli_args_t *a);
int cli_cb_dates(const cli_option_t *opt, const char *arg, cli_args_t *a);
int cli_cb_types(const cli_option_t *opt, const char *arg, cli_args_t *a);
int cli_cb_format(const cli_option_t *opt, const char *arg, cli_args_t *a);
int cli_cb_output(const cli_option_t *opt, const char *arg, cli_args_t *a);
/* A length of time (10y, 6m, 30d) into *(ag_span_t *)opt->value. */
int cli_cb_span(const cli_option_t *opt, const char *arg, cli_args_t *a);
/* A chart's file (.svg, .png or .pdf) into *(const char **)opt->value. */
int cli_cb_plot(const cli_option_t *opt, const char *arg, cli_args_t *a);
/* --threads N and --sample K into a->compute. */
int cli_cb_threads(const cli_option_t *opt, const char *arg, cli_args_t *a);
int cli_cb_sample(const cli_option_t *opt, const char *arg, cli_args_t *a);

/* --era ID (repeatable, in the order given) and --all. */
#define CLI_OPT_ERAS(a) \
    CLI_CALLBACK(0, "era", (a), "ID", "an era of eras.csv, by id or name; repeat for several\n(in the order given)", cli_cb_era), \
    CLI_CALLBACK(0, "all", (a), NULL, "every era, in file order (the default)", cli_cb_all)
/* --era ID, once: one slice instead of every date. */
#define CLI_OPT_ERA(a) \
    CLI_CALLBACK(0, "era", (a), "ID", "only the relations of this era (default: every date)", \
                 cli_cb_era1)
/* --from/--to: an ad-hoc window that goes wherever an era goes. */
#define CLI_OPT_WINDOW(a) \
    CLI_CALLBACK(0, "from", (a), "EDTF", "a window instead of eras, from the first day of EDTF\n(e.g. 1979-12) ...", cli_cb_from), \
    CLI_CALLBACK(0, "to", (a), "EDTF", "... to the last day of EDTF (e.g. 1989); either may be\nleft out for an open end", cli_cb_to)
#define CLI_OPT_LEVEL(a) \
    CLI_CALLBACK(0, "level", (a), "L", "actor (default), or state: leaders and agencies\nreplaced by their top-most parent", cli_cb_level)
#define CLI_OPT_TIES(a) \
    CLI_CALLBACK(0, "ties", (a), "T", "all (default; weight |w|), positive (w > 0) or negative\n(w < 0, weight |w|), where w = sign x weight", cli_cb_ties)
/* --dates RULE: how a single imprecise date (1965, 196X) is placed in an
 * era (ag_dates_t). */
#define CLI_OPT_DATES(a) \
    CLI_CALLBACK(0, "dates", (a), "RULE", "how a date like 1965 or 196X (one unknown day) is\nplaced: probable (default; half or more of its days\nin the era), possible (any) or certain (all)", cli_cb_dates)
#define CLI_OPT_TYPES(a) \
    CLI_CALLBACK(0, "types", (a), "LIST", "only these relation types, comma-separated\n(e.g. alliance,treaty,membership)", cli_cb_types)
/* --format F, with the command's own words for what each format holds. */
#define CLI_OPT_FORMAT(a, help) CLI_CALLBACK(0, "format", (a), "F", (help), cli_cb_format)
/* --plot FILE: a chart drawn with cairo, with the command's own words. */
#define CLI_OPT_PLOT(v, help) CLI_CALLBACK(0, "plot", (v), "FILE", (help), cli_cb_plot)
/* How metrics are computed (report, timeline, run): --threads, --sample
 * and -q/--quiet, into a->compute and a->quiet; cli_parse then turns the
 * progress line on (standard error a terminal, no --quiet). */
#define CLI_OPT_COMPUTE(a) \
    CLI_CALLBACK(0, "threads", (a), "N", "threads for betweenness and harmonic (default: the\nonline CPUs); the output is the same whatever N is", cli_cb_threads), \
    CLI_CALLBACK(0, "sample", (a), "K", "estimate betweenness and harmonic from K randomly drawn\n(seeded) source actors per era, scaled; the output says\nthey are estimates. 0 (the default): exact", cli_cb_sample), \
    CLI_FLAG('q', "quiet", &(a)->quiet, "no progress on standard error")
#define CLI_OPT_OUTPUT(a) \
    CLI_CALLBACK('o', "output", (a), "FILE", "write to FILE (atomically); - is standard output", \
                 cli_cb_output)

/* A format's name, for --format or as a file name's extension. */
typedef struct {
    const char *name;
    int code;
} cli_name_t;

/*
 * The formats a command writes.
 *   names:  the words --format takes, ending with { NULL, 0 }.
 *   exts:   the extensions -o's file name may have (lower case, without
 *           the dot), ending with { NULL, 0 }.
 *   tty:    the format for a terminal (no -o, or -o -, on a terminal).
 *   pipe:   the format otherwise (a pipe, or a file without extension).
 */
typedef struct {
    const cli_name_t *names;
    const cli_name_t *exts;
    int tty, pipe;
} cli_formats_t;

/* table, csv, json and md (ag_format_t): the pages of report, balance,
 * compare, explain and timeline. */
extern const cli_formats_t cli_page_formats;

/*
 * One command line.
 *   cmd:       the subcommand's name ("report").
 *   usage:     the head of --help: the usage lines and what the command
 *              does, ending with a blank line.
 *   formats:   what --format and -o may name; NULL when the command has no
 *              --format.
 *   out_dirs:  -o may name a folder (render): one that exists or ends in
 *              '/' is not checked for an extension.
 *   no_dataset: the command reads no dataset (import): every argument is
 *              one of pos, a folder too.
 *   era_ids, n_era_ids, all: --era (in the order given) and --all.
 *   from, to:  --from and --to as given, or NULL; from_date, to_date parsed.
 *   level, ties, types_arg: --level, --ties (defaults actor, all), --types.
 *   dates:     --dates (default probable).
 *   format_arg, out: --format and -o as given, or NULL (format_arg as a
 *              command's --format callback may map it: export's csv-nodes
 *              is csv); format_word: the --format word as typed, for
 *              messages.
 *   dir:       the dataset folder (the default one when none is named).
 *   pos, n_pos: the other arguments, in order.
 *   format:    after cli_parse: the format chosen by the rule above (-1
 *              without formats).
 *   types:     after cli_dataset: the --types mask, or NULL for every type.
 *   eras, n_eras: after cli_dataset: the eras asked for, in order: the
 *              --era ones, the --from/--to window (added to the dataset),
 *              or every era in file order.
 *   window:    whether eras[0] is a --from/--to window.
 *   compute:   --threads and --sample (CLI_OPT_COMPUTE); after cli_parse,
 *              with the progress line on standard error when it is a
 *              terminal and --quiet was not given.
 *   quiet:     -q/--quiet.
 *   fp:        after cli_output: where to write.
 *   out_file:  the -o file being written.
 *   prefix:    "cmd " for usage errors.
 */
struct cli_args {
    const char *cmd;
    const char *usage;
    const cli_formats_t *formats;
    bool out_dirs;
    bool no_dataset;
    const char **era_ids;
    size_t n_era_ids;
    bool all;
    const char *from, *to;
    ag_date_t from_date, to_date;
    ag_level_t level;
    ag_ties_t ties;
    ag_dates_t dates;
    const char *types_arg;
    const char *format_arg;
    const char *format_word;
    const char *out;
    const char *dir;
    char **pos;
    size_t n_pos;
    int format;
    bool *types;
    long *eras;
    size_t n_eras;
    bool window;
    ag_metrics_opts_t compute;
    bool quiet;
    FILE *fp;
    ag_out_t out_file;
    char prefix[32];
};

/* Starts a for the command cmd with its --help head and formats (NULL for
 * none). Can't fail. */
void cli_args_init(cli_args_t *a, const char *cmd, const char *usage,
                   const cli_formats_t *formats);
/* Frees what a owns and removes an -o file not committed; accepts a zeroed
 * struct. Can't fail. */
void cli_args_destroy(cli_args_t *a);

/*
 * The parse loop. Takes argv[1..] against the table opts; the first
 * argument that names an existing folder is the dataset, at most max_pos
 * others follow. Checks the shared rules: --all with --era, --from/--to
 * with --era/--all (for a command with --era), the window's dates, the
 * output format. Returns CLI_CONTINUE; AG_EXIT_OK after --help (printed);
 * AG_EXIT_USAGE after printing the usage error; AG_EXIT_DATA when out of
 * memory.
 */
int cli_parse(cli_args_t *a, const cli_option_t *opts, int argc, char **argv, size_t max_pos);

/* Prints a's --help for the table opts to fp. Can't fail. */
void cli_help(const cli_args_t *a, const cli_option_t *opts, FILE *fp);

/* Says on standard error (unless --quiet) that betweenness and harmonic
 * are estimates, when --sample asked for them; per names the unit ("era",
 * "window"). Can't fail. */
void cli_compute_note(const cli_args_t *a, const char *per);

/* Loads a->dir into ds (printing its problems) and resolves --types and
 * the eras. Returns AG_EXIT_OK; AG_EXIT_USAGE for an unknown type or era;
 * AG_EXIT_DATA when the dataset has errors or on failure. */
int cli_dataset(cli_args_t *a, ag_dataset_t *ds);
/* The second half of cli_dataset, for a command that looks up arguments of
 * its own (actors) in between: --types and the eras of a loaded dataset. */
int cli_resolve(cli_args_t *a, ag_dataset_t *ds);

/* With no era to work on, prints "DATASET: no eras to work on: ..." with
 * hint and returns AG_EXIT_DATA; else AG_EXIT_OK. */
int cli_need_eras(const cli_args_t *a, const ag_dataset_t *ds, const char *hint);

/* An era named on the command line by id or unique name: its index in
 * *era, or AG_EXIT_USAGE after printing "unknown era 'X'" with a
 * suggestion, or else the eras that exist. */
int cli_find_era(const ag_dataset_t *ds, const char *id, long *era);

/* An era named by an argument (compare's ERA_A ERA_B): an era id or unique
 * name, or else
 * an EDTF interval such as 1979-12/1989 or 2001/.., added to the dataset
 * as a window. Its index in *era, or AG_EXIT_USAGE after printing "unknown
 * era 'X'" (with a suggestion), AG_EXIT_DATA when out of memory. */
int cli_find_era_or_window(const cli_args_t *a, ag_dataset_t *ds, const char *text, long *era);

/*
 * An actor named on the command line by id or by its unique name (ASCII
 * case ignored): its index in *actor, or AG_EXIT_USAGE after printing the
 * usage error. An unknown one gets the closest id, or a pointer to
 * 'actorgraph list actors DATASET'; a name several actors share lists
 * their ids.
 */
int cli_find_actor(const cli_args_t *a, const ag_dataset_t *ds, const char *text, long *actor);

/* Whether the output goes to standard output (no -o, or -o -). */
bool cli_to_stdout(const cli_args_t *a);

/* Opens the output: the -o file (atomically), else standard output, in
 * a->fp. Returns AG_EXIT_OK, or AG_EXIT_DATA after printing why not. */
int cli_output(cli_args_t *a);

/* Ends the output: when st is AG_OK, commits the -o file; otherwise (or
 * when committing fails) removes it and prints err. Returns AG_EXIT_OK or
 * AG_EXIT_DATA. */
int cli_commit(cli_args_t *a, ag_status_t st, const ag_error_t *err);

/* A library error: prints it and returns AG_EXIT_DATA, or, for AG_EUSAGE,
 * the usage error and AG_EXIT_USAGE. */
int cli_fail(const cli_args_t *a, const ag_error_t *err);

#endif
