/*
 * cmd_explain.c: actorgraph explain [DATASET] ACTOR [ACTOR] [--era ID]
 *                [--level L] [--ties T] [--types LIST] [--format F] [-o FILE]
 *
 * The cited relations behind one actor's figures or one dyad, in date
 * order, with the totals that reports use.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/explain.h"
#include "actorgraph/output.h"
#include "cli.h"
#include "slice_args.h"

static const char usage_text[] =
    "usage: actorgraph explain [DATASET] ACTOR [ACTOR] [--era ID] [--level actor|state]\n"
    "                          [--ties all|positive|negative] [--types LIST]\n"
    "                          [--format table|csv|json|md] [-o FILE]\n"
    "\n"
    "The cited relations behind one actor's figures, or behind the dyad of two\n"
    "actors, in date order: date, source, target, type, sign, weight,\n"
    "w = sign x weight, cite, note and the line of relations.csv. Also the totals\n"
    "that 'report' uses: for an actor its degree, strength, in- and out-arcs and\n"
    "its dyads (pos, neg, net, W); for a dyad its pos, neg, net and W.\n"
    "\n"
    "Options:\n"
    "  --era ID        only the relations of this era's slice (default: all dates);\n"
    "                  then also the sides of the era's least-frustrated colouring\n"
    "                  and whether the dyad (or which of the actor's dyads) is\n"
    "                  frustrated (see 'balance')\n"
    "  --level L       actor (default) or state: an actor's relations then include\n"
    "                  those of its leaders and agencies\n"
    "  --ties T        all (default), positive or negative: which relations make\n"
    "                  the dyad graph's edges and the arcs (W, strength, arcs)\n"
    "  --types LIST    only these relation types (comma-separated ids)\n"
    "  --format F      table (default), csv, json or md; csv lists the relations:\n"
    "                  era,level,date,source,target,type,sign,weight,w,cite,note,line\n"
    "  -o FILE         write to FILE (atomically) instead of standard output\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 success, 1 invalid data or failure, 2 usage error.\n";

/* An actor id given on the command line, or a usage error naming it. */
static int find_actor(const ag_dataset_t *ds, const char *id, long *actor)
{
    const char *s;
    if ((*actor = ag_dataset_find_actor(ds, id)) >= 0)
        return AG_EXIT_OK;
    s = ag_suggest_actor(ds, id);
    return cli_usage_error("explain ", "unknown actor '%s'%s%s%s", id, s ? " (did you mean '" : "",
                           s ? s : "", s ? "'?)" : "");
}

/* One era, not a list: --era is not the slice option here. */
enum { OPT_ERA = SLICE_OPT_END };

int cmd_explain(int argc, char **argv)
{
    static const struct option opts[] = {
        { "era", required_argument, NULL, OPT_ERA },
        { "level", required_argument, NULL, SLICE_OPT_LEVEL },
        { "ties", required_argument, NULL, SLICE_OPT_TIES },
        { "types", required_argument, NULL, SLICE_OPT_TYPES },
        { "format", required_argument, NULL, SLICE_OPT_FORMAT },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *era_id = NULL;
    ag_dataset_t ds;
    ag_era_graph_t g;
    ag_explain_t x;
    ag_frustration_t f;
    ag_slice_opts_t so;
    ag_error_t err;
    ag_out_t out;
    slice_args_t sa;
    long era = -1, a = -1, b = -1;
    FILE *fp = stdout;
    int c, first, npos, rc;

    ag_dataset_init(&ds);
    memset(&g, 0, sizeof g);
    memset(&x, 0, sizeof x);
    memset(&f, 0, sizeof f);
    memset(&out, 0, sizeof out);
    ag_error_clear(&err);
    if ((rc = slice_args_init(&sa, "explain ", argc)) != AG_EXIT_OK)
        goto done;
    sa.format = AG_FMT_TABLE;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case OPT_ERA: era_id = optarg; break;
        case 'h': fputs(usage_text, stdout); goto done;
        default:
            if ((rc = slice_args_option(&sa, c, argv)) != AG_EXIT_OK)
                goto done;
        }
    }
    if ((rc = cli_positionals("explain ", argc, argv, /* max = */ 2, &sa.dir, &first,
                              &npos)) != AG_EXIT_OK)
        goto done;
    if (npos < 1) {
        rc = cli_usage_error("explain ", "which actor? give one actor, or two for a dyad");
        goto done;
    }
    if ((rc = cli_load(sa.dir, &ds, false)) != AG_EXIT_OK ||
        (rc = find_actor(&ds, argv[first], &a)) != AG_EXIT_OK ||
        (npos == 2 && (rc = find_actor(&ds, argv[first + 1], &b)) != AG_EXIT_OK) ||
        (era_id && (rc = slice_args_find_era(&ds, era_id, &era)) != AG_EXIT_OK) ||
        (rc = slice_args_resolve(&sa, &ds)) != AG_EXIT_OK)
        goto done;

    ag_slice_opts_default(&so);
    if (era >= 0) {
        so.first = ds.eras[era].period.first;
        so.last = ds.eras[era].period.last;
    }
    so.level = sa.level;
    so.ties = sa.ties;
    so.types = sa.types;
    if (ag_era_graph_init(&g, &ds, &so, &err) != AG_OK) {
        cli_report_error(&err);
        rc = AG_EXIT_DATA;
        goto done;
    }
    if (ag_explain_init(&x, &g, a, b, &err) != AG_OK) {
        rc = err.code == AG_EUSAGE ? cli_usage_error("explain ", "%s", err.msg)
                                   : (cli_report_error(&err), AG_EXIT_DATA);
        goto done;
    }
    /* In an era, also where the actors stand in its least-frustrated
     * colouring. */
    if (era >= 0) {
        if (ag_frustration_compute(&g, AG_FRUSTRATION_SECONDS, &f, &err) != AG_OK) {
            cli_report_error(&err);
            rc = AG_EXIT_DATA;
            goto done;
        }
        x.frustration = &f;
    }
    if (sa.out) {
        if (ag_out_open(&out, sa.out, &err) != AG_OK) {
            cli_report_error(&err);
            rc = AG_EXIT_DATA;
            goto done;
        }
        fp = out.fp;
    }
    if (ag_explain_write(&x, era, (ag_format_t)sa.format, fp, &err) != AG_OK ||
        (sa.out && ag_out_commit(&out, &err) != AG_OK)) {
        cli_report_error(&err);
        rc = AG_EXIT_DATA;
    }
done:
    ag_out_abort(&out);
    ag_explain_destroy(&x);
    ag_frustration_destroy(&f);
    ag_era_graph_destroy(&g);
    slice_args_destroy(&sa);
    ag_dataset_destroy(&ds);
    return rc;
}
