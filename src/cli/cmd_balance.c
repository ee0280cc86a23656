/*
 * cmd_balance.c: actorgraph balance [DATASET] [--era ID|--all] [--from EDTF]
 *                [--to EDTF] [--level L]
 *                [--types LIST] [--triangles WHICH] [--blocks K]
 *                [--time-limit S] [--format F] [-o FILE]
 *
 * Structural balance per era: triangles of the net-signed dyad graph by
 * sign pattern, the balance ratio, and the unbalanced triangles with the
 * relations behind each side; the frustration index with the sides and
 * dyads attaining it, walk-based balance, and a k-balance partition.
 */
#include <stdlib.h>
#include <string.h>

#include "actorgraph/balance.h"
#include "actorgraph/output.h"
#include "cli.h"
#include "options.h"

static const char usage_text[] =
    "usage: actorgraph balance [DATASET] [--era ID|--all] [--from EDTF] [--to EDTF]\n"
    "                          [--level actor|state] [--types LIST] [--dates RULE]\n"
    "                          [--triangles unbalanced|all|none] [--max-triangles N]\n"
    "                          [--blocks K] [--time-limit S]\n"
    "                          [--format table|csv|json|md|html] [-o FILE]\n"
    "\n"
    "Structural balance of each era. Every dyad is signed by its net, the sum of\n"
    "w = sign x weight over all its relations (dyads whose net is 0 are left\n"
    "out); a triangle is balanced when the product of its signs is positive\n"
    "(+++, +--) and unbalanced otherwise (++-, ---). Prints the triangles by\n"
    "sign pattern and the balance ratio (balanced / triangles) per era, then\n"
    "names the unbalanced triangles with the relations behind each side.\n"
    "Also per era: the frustration index (the fewest dyads whose sign flip\n"
    "makes the era balanced, exact unless the time limit is reached), the two\n"
    "sides and the frustrated dyads attaining it, its normalised form\n"
    "1 - F/(m/2), and walk-based balance (docs/METHODS.md, Signed measures).\n"
    "An era without relations gives no row; an era without triangles has an\n"
    "empty ratio.\n"
    "\n";

static int parse_triangles(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    int list = strcmp(arg, "unbalanced") == 0 ? AG_LIST_UNBALANCED
             : strcmp(arg, "all") == 0 ? AG_LIST_ALL
             : strcmp(arg, "none") == 0 ? AG_LIST_NONE : -1;
    if (list < 0)
        return cli_usage_error(a->prefix, "unknown --triangles '%s' (unbalanced, all or none)",
                               arg);
    *(ag_tri_list_t *)opt->value = (ag_tri_list_t)list;
    return AG_EXIT_OK;
}

static int parse_max(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (end == arg || *end || v < 0)
        return cli_usage_error(a->prefix, "--max-triangles takes a whole number (0 for no "
                               "limit), not '%s'", arg);
    *(size_t *)opt->value = (size_t)v;
    return AG_EXIT_OK;
}

static int parse_blocks(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (end == arg || *end || v < 1 || v > 64)
        return cli_usage_error(a->prefix, "--blocks takes a whole number from 1 to 64, "
                               "not '%s'", arg);
    *(int *)opt->value = (int)v;
    return AG_EXIT_OK;
}

static int parse_seconds(const cli_option_t *opt, const char *arg, cli_args_t *a)
{
    char *end;
    double v = strtod(arg, &end);
    if (end == arg || *end || !(v > 0) || v > 1e6)
        return cli_usage_error(a->prefix, "--time-limit takes a number of seconds above 0, "
                               "not '%s'", arg);
    *(double *)opt->value = v;
    return AG_EXIT_OK;
}

int cmd_balance(int argc, char **argv)
{
    ag_balance_opts_t bo;
    cli_args_t a;
    const cli_option_t opts[] = {
        CLI_GROUP("Which periods:"),
        CLI_OPT_ERAS(&a),
        CLI_OPT_WINDOW(&a),
        CLI_GROUP("Which graph:"),
        CLI_OPT_LEVEL(&a),
        CLI_OPT_DATES(&a),
        CLI_OPT_TYPES(&a),
        CLI_GROUP("What to show:"),
        CLI_CALLBACK(0, "triangles", &bo.list, "W",
                     "which triangles to name: unbalanced (default), all, none",
                     parse_triangles),
        CLI_CALLBACK(0, "max-triangles", &bo.max_named, "N",
                     "name at most N triangles per era (default 25; 0: all)", parse_max),
        CLI_CALLBACK(0, "blocks", &bo.blocks, "K",
                     "also a K-balance partition (signed blockmodel): K blocks\n"
                     "with the fewest negative dyads inside and positive ones\n"
                     "between, and its error",
                     parse_blocks),
        CLI_CALLBACK(0, "time-limit", &bo.seconds, "S",
                     "seconds for each era's frustration search (default 5)", parse_seconds),
        CLI_OPT_FORMAT(&a, "table, csv, json, md or html; csv has one row per era:\n"
                           "era,level,triangles,balanced,unbalanced,ppp,pmm,ppm,mmm,ratio,\n"
                           "signed_dyads,frustration,frustration_exact,frustration_lower,\n"
                           "frustration_normalised,walk_balance\n"
                           "(and block_error,neg_inside,pos_between with --blocks)"),
        CLI_OPT_OUTPUT(&a),
        CLI_END,
    };
    ag_dataset_t ds;
    ag_error_t err;
    int rc;

    ag_dataset_init(&ds);
    ag_error_clear(&err);
    memset(&bo, 0, sizeof bo);
    bo.list = AG_LIST_UNBALANCED;
    bo.max_named = AG_BALANCE_MAX_NAMED;
    cli_args_init(&a, "balance", usage_text, &cli_page_formats);
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ 0)) != CLI_CONTINUE ||
        (rc = cli_dataset(&a, &ds)) != AG_EXIT_OK ||
        (rc = cli_need_eras(&a, &ds, ", or give a window with --from/--to")) != AG_EXIT_OK)
        goto done;
    bo.eras = a.eras;
    bo.n_eras = a.n_eras;
    bo.level = a.level;
    bo.dates = a.dates;
    bo.types = a.types;
    if ((rc = cli_output(&a)) == AG_EXIT_OK)
        rc = cli_commit(&a, ag_balance_report(&ds, &bo, (ag_format_t)a.format, a.fp, &err),
                        &err);
done:
    cli_args_destroy(&a);
    ag_dataset_destroy(&ds);
    return rc;
}
