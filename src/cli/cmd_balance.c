/*
 * cmd_balance.c: actorgraph balance [DATASET] [--era ID|--all] [--level L]
 *                [--types LIST] [--triangles WHICH] [--blocks K]
 *                [--time-limit S] [--format F] [-o FILE]
 *
 * Structural balance per era: triangles of the net-signed dyad graph by
 * sign pattern, the balance ratio, and the unbalanced triangles with the
 * relations behind each side; the frustration index with the sides and
 * dyads attaining it, walk-based balance, and a k-balance partition.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/balance.h"
#include "actorgraph/output.h"
#include "cli.h"
#include "slice_args.h"

static const char usage_text[] =
    "usage: actorgraph balance [DATASET] [--era ID|--all] [--level actor|state]\n"
    "                          [--types LIST] [--triangles unbalanced|all|none]\n"
    "                          [--max-triangles N] [--blocks K] [--time-limit S]\n"
    "                          [--format table|csv|json|md] [-o FILE]\n"
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
    "\n"
    "Options:\n"
    "  --era ID        one era (repeatable); default: every era, in file order\n"
    "  --all           every era (the default)\n"
    "  --level L       actor (default) or state (actors rolled up to their state)\n"
    "  --types LIST    only these relation types (comma-separated ids)\n"
    "  --triangles W   which triangles to name: unbalanced (default), all, none\n"
    "  --max-triangles N  name at most N triangles per era (default 25; 0: all)\n"
    "  --blocks K      also a K-balance partition (signed blockmodel): K blocks\n"
    "                  with the fewest negative dyads inside and positive ones\n"
    "                  between, and its error\n"
    "  --time-limit S  seconds for each era's frustration search (default 5)\n"
    "  --format F      table (default), csv, json or md; csv has one row per era:\n"
    "                  era,level,triangles,balanced,unbalanced,ppp,pmm,ppm,mmm,ratio,\n"
    "                  signed_dyads,frustration,frustration_exact,frustration_lower,\n"
    "                  frustration_normalised,walk_balance\n"
    "                  (and block_error,neg_inside,pos_between with --blocks)\n"
    "  -o FILE         write to FILE (atomically) instead of standard output\n"
    "  -h, --help      show this help\n"
    "\n"
    "An era without relations gives no row; an era without triangles has an\n"
    "empty ratio. Exit status: 0 success, 1 invalid data or failure, 2 usage error.\n";

enum { OPT_TRIANGLES = SLICE_OPT_END, OPT_MAX_TRIANGLES, OPT_BLOCKS, OPT_TIME_LIMIT };

int cmd_balance(int argc, char **argv)
{
    static const struct option opts[] = {
        { "era", required_argument, NULL, SLICE_OPT_ERA },
        { "all", no_argument, NULL, SLICE_OPT_ALL },
        { "level", required_argument, NULL, SLICE_OPT_LEVEL },
        { "types", required_argument, NULL, SLICE_OPT_TYPES },
        { "triangles", required_argument, NULL, OPT_TRIANGLES },
        { "max-triangles", required_argument, NULL, OPT_MAX_TRIANGLES },
        { "blocks", required_argument, NULL, OPT_BLOCKS },
        { "time-limit", required_argument, NULL, OPT_TIME_LIMIT },
        { "format", required_argument, NULL, SLICE_OPT_FORMAT },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int list = AG_LIST_UNBALANCED;
    size_t max_named = AG_BALANCE_MAX_NAMED;
    int blocks = 0;
    double seconds = 0;
    ag_dataset_t ds;
    ag_balance_opts_t bo;
    ag_error_t err;
    ag_out_t out;
    slice_args_t sa;
    FILE *fp = stdout;
    int c, rc;

    ag_dataset_init(&ds);
    memset(&out, 0, sizeof out);
    ag_error_clear(&err);
    if ((rc = slice_args_init(&sa, "balance ", argc)) != AG_EXIT_OK)
        goto done;
    sa.format = AG_FMT_TABLE;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case OPT_TRIANGLES:
            list = strcmp(optarg, "unbalanced") == 0 ? AG_LIST_UNBALANCED
                 : strcmp(optarg, "all") == 0 ? AG_LIST_ALL
                 : strcmp(optarg, "none") == 0 ? AG_LIST_NONE : -1;
            if (list < 0) {
                rc = cli_usage_error("balance ", "unknown --triangles '%s' (unbalanced, all "
                                     "or none)", optarg);
                goto done;
            }
            break;
        case OPT_MAX_TRIANGLES: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (end == optarg || *end || v < 0) {
                rc = cli_usage_error("balance ", "--max-triangles takes a whole number "
                                     "(0 for no limit), not '%s'", optarg);
                goto done;
            }
            max_named = (size_t)v;
            break;
        }
        case OPT_BLOCKS: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (end == optarg || *end || v < 1 || v > 64) {
                rc = cli_usage_error("balance ", "--blocks takes a whole number from 1 to 64, "
                                     "not '%s'", optarg);
                goto done;
            }
            blocks = (int)v;
            break;
        }
        case OPT_TIME_LIMIT: {
            char *end;
            double v = strtod(optarg, &end);
            if (end == optarg || *end || !(v > 0) || v > 1e6) {
                rc = cli_usage_error("balance ", "--time-limit takes a number of seconds "
                                     "above 0, not '%s'", optarg);
                goto done;
            }
            seconds = v;
            break;
        }
        case 'h': fputs(usage_text, stdout); goto done;
        default:
            if ((rc = slice_args_option(&sa, c, argv)) != AG_EXIT_OK)
                goto done;
        }
    }
    if ((rc = slice_args_dataset(&sa, argc, argv)) != AG_EXIT_OK ||
        (rc = cli_load(sa.dir, &ds, false)) != AG_EXIT_OK ||
        (rc = slice_args_resolve(&sa, &ds)) != AG_EXIT_OK ||
        (rc = slice_args_need_eras(&sa, &ds, "")) != AG_EXIT_OK)
        goto done;

    bo.eras = sa.eras;
    bo.n_eras = sa.n_eras;
    bo.level = sa.level;
    bo.types = sa.types;
    bo.list = (ag_tri_list_t)list;
    bo.max_named = max_named;
    bo.blocks = blocks;
    bo.seconds = seconds;
    if (sa.out) {
        if (ag_out_open(&out, sa.out, &err) != AG_OK) {
            cli_report_error(&err);
            rc = AG_EXIT_DATA;
            goto done;
        }
        fp = out.fp;
    }
    if (ag_balance_report(&ds, &bo, (ag_format_t)sa.format, fp, &err) != AG_OK ||
        (sa.out && ag_out_commit(&out, &err) != AG_OK)) {
        cli_report_error(&err);
        rc = AG_EXIT_DATA;
    }
done:
    ag_out_abort(&out);
    slice_args_destroy(&sa);
    ag_dataset_destroy(&ds);
    return rc;
}
