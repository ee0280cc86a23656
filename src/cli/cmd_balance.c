/*
 * cmd_balance.c: actorgraph balance [DATASET] [--era ID|--all] [--level L]
 *                [--types LIST] [--triangles WHICH] [--format F] [-o FILE]
 *
 * Structural balance per era: triangles of the net-signed dyad graph by
 * sign pattern, the balance ratio, and the unbalanced triangles with the
 * relations behind each side.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/balance.h"
#include "actorgraph/output.h"
#include "cli.h"

static const char usage_text[] =
    "usage: actorgraph balance [DATASET] [--era ID|--all] [--level actor|state]\n"
    "                          [--types LIST] [--triangles unbalanced|all|none]\n"
    "                          [--format table|csv|json|md] [-o FILE]\n"
    "\n"
    "Structural balance of each era. Every dyad is signed by its net, the sum of\n"
    "w = sign x weight over all its relations (dyads whose net is 0 are left\n"
    "out); a triangle is balanced when the product of its signs is positive\n"
    "(+++, +--) and unbalanced otherwise (++-, ---). Prints the triangles by\n"
    "sign pattern and the balance ratio (balanced / triangles) per era, then\n"
    "names the unbalanced triangles with the relations behind each side.\n"
    "\n"
    "Options:\n"
    "  --era ID        one era (repeatable); default: every era, in file order\n"
    "  --all           every era (the default)\n"
    "  --level L       actor (default) or state (actors rolled up to their state)\n"
    "  --types LIST    only these relation types (comma-separated ids)\n"
    "  --triangles W   which triangles to name: unbalanced (default), all, none\n"
    "  --format F      table (default), csv, json or md; csv has one row per era:\n"
    "                  era,level,triangles,balanced,unbalanced,ppp,pmm,ppm,mmm,ratio\n"
    "  -o FILE         write to FILE (atomically) instead of standard output\n"
    "  -h, --help      show this help\n"
    "\n"
    "An era without relations gives no row; an era without triangles has an\n"
    "empty ratio. Exit status: 0 success, 1 invalid data or failure, 2 usage error.\n";

int cmd_balance(int argc, char **argv)
{
    static const struct option opts[] = {
        { "era", required_argument, NULL, 'e' },
        { "all", no_argument, NULL, 'a' },
        { "level", required_argument, NULL, 'l' },
        { "types", required_argument, NULL, 't' },
        { "triangles", required_argument, NULL, 'T' },
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char **era_ids = calloc((size_t)argc + 1, sizeof *era_ids);
    size_t n_era_ids = 0;
    const char *types_arg = NULL, *out_path = NULL, *dir;
    int level = AG_LEVEL_ACTOR, fmt = AG_FMT_TABLE, list = AG_LIST_UNBALANCED;
    bool all = false;
    ag_dataset_t ds;
    ag_balance_opts_t bo;
    ag_error_t err;
    ag_out_t out;
    bool *types = NULL;
    long *eras = NULL;
    FILE *fp = stdout;
    int c, used, rc = AG_EXIT_OK;

    ag_dataset_init(&ds);
    memset(&out, 0, sizeof out);
    ag_error_clear(&err);
    if (!era_ids) {
        cli_error(NULL, 0, "out of memory");
        return AG_EXIT_DATA;
    }
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
        switch (c) {
        case 'e': era_ids[n_era_ids++] = optarg; break;
        case 'a': all = true; break;
        case 'l':
            if ((level = ag_level_parse(optarg)) < 0) {
                rc = cli_usage_error("balance ", "unknown level '%s' (actor or state)", optarg);
                goto done;
            }
            break;
        case 't': types_arg = optarg; break;
        case 'T':
            list = strcmp(optarg, "unbalanced") == 0 ? AG_LIST_UNBALANCED
                 : strcmp(optarg, "all") == 0 ? AG_LIST_ALL
                 : strcmp(optarg, "none") == 0 ? AG_LIST_NONE : -1;
            if (list < 0) {
                rc = cli_usage_error("balance ", "unknown --triangles '%s' (unbalanced, all "
                                     "or none)", optarg);
                goto done;
            }
            break;
        case 'f':
            if ((fmt = ag_format_parse(optarg)) < 0) {
                rc = cli_usage_error("balance ", "unknown format '%s' (table, csv, json "
                                     "or md)", optarg);
                goto done;
            }
            break;
        case 'o': out_path = optarg; break;
        case 'h': fputs(usage_text, stdout); goto done;
        default:
            rc = optopt && strchr("eltTfo", optopt)
                ? cli_usage_error("balance ", "option '%s' needs a value", argv[optind - 1])
                : cli_usage_error("balance ", "unknown option '%s'", argv[optind - 1]);
            goto done;
        }
    }
    if (all && n_era_ids) {
        rc = cli_usage_error("balance ", "--all and --era exclude each other");
        goto done;
    }
    dir = cli_dataset_arg(argv + optind, argc - optind, &used);
    if (argc - optind > used) {
        rc = !used && argc - optind == 1
            ? cli_usage_error("balance ", "'%s' is not a dataset folder", argv[optind])
            : cli_usage_error("balance ", "unexpected argument '%s'", argv[optind + used]);
        goto done;
    }
    if ((rc = cli_load(dir, &ds, false)) != AG_EXIT_OK)
        goto done;

    eras = malloc((n_era_ids ? n_era_ids : ds.n_eras ? ds.n_eras : 1) * sizeof *eras);
    if (!eras) {
        cli_error(NULL, 0, "out of memory");
        rc = AG_EXIT_DATA;
        goto done;
    }
    for (size_t i = 0; i < n_era_ids; i++) {
        if ((eras[i] = ag_dataset_find_era(&ds, era_ids[i])) < 0) {
            const char *s = ag_suggest_era(&ds, era_ids[i]);
            rc = cli_usage_error("balance ", "unknown era '%s'%s%s%s", era_ids[i],
                                 s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
            goto done;
        }
    }
    if (!n_era_ids)
        for (size_t i = 0; i < ds.n_eras; i++)
            eras[i] = (long)i;
    if (types_arg && ag_types_mask(&ds, types_arg, &types, &err) != AG_OK) {
        rc = err.code == AG_EUSAGE ? cli_usage_error("balance ", "%s", err.msg)
                                   : (cli_report_error(&err), AG_EXIT_DATA);
        goto done;
    }

    bo.eras = eras;
    bo.n_eras = n_era_ids ? n_era_ids : ds.n_eras;
    bo.level = (ag_level_t)level;
    bo.types = types;
    bo.list = (ag_tri_list_t)list;
    if (out_path) {
        if (ag_out_open(&out, out_path, &err) != AG_OK) {
            cli_report_error(&err);
            rc = AG_EXIT_DATA;
            goto done;
        }
        fp = out.fp;
    }
    if (ag_balance_report(&ds, &bo, (ag_format_t)fmt, fp, &err) != AG_OK ||
        (out_path && ag_out_commit(&out, &err) != AG_OK)) {
        cli_report_error(&err);
        rc = AG_EXIT_DATA;
    }
done:
    ag_out_abort(&out);
    free(types);
    free(eras);
    free(era_ids);
    ag_dataset_destroy(&ds);
    return rc;
}
