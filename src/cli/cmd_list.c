/*
 * cmd_list.c: actorgraph list actors|eras|types [DATASET] [--format F]
 *                                                [-o FILE]
 *             actorgraph types [DATASET] ...    (list types)
 *
 * What a dataset holds, so that ids can be found before they are typed:
 * the actors with their names, the eras with their periods, the relation
 * types in use (built-in and types.csv) with their defaults.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "actorgraph/output.h"
#include "actorgraph/table.h"
#include "cli.h"

static const char usage_text[] =
    "usage: actorgraph list actors|eras|types [DATASET] [--format table|csv|json|md]\n"
    "                       [-o FILE]\n"
    "       actorgraph types [DATASET] ...   (the same as 'list types')\n"
    "\n"
    "What a dataset holds, to find the ids that other commands take:\n"
    "  actors  id, name, kind, parent and active interval, in file order; a\n"
    "          command that takes an actor takes its id or its unique name\n"
    "  eras    id, name and period, in file order; --era takes the id or the\n"
    "          unique name\n"
    "  types   the relation types in use: the built-in vocabulary, extended\n"
    "          and overridden by types.csv (a '-builtin' row there keeps its\n"
    "          own types only), with direction, sign, weight, CAMEO code, line\n"
    "          style and where each comes from\n"
    "\n"
    "Options:\n"
    "  --format F      table (default), csv, json or md\n"
    "  -o FILE         write to FILE (atomically) instead of standard output\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit status: 0 success, 1 invalid dataset or failure, 2 usage error.\n";

enum { WHAT_ACTORS, WHAT_ERAS, WHAT_TYPES };

static ag_status_t fill(ag_table_t *t, const ag_dataset_t *ds, int what, ag_error_t *err)
{
    static const char *const actor_head[] = { "id", "name", "kind", "parent", "active" };
    static const char *const era_head[] = { "id", "name", "period" };
    static const char *const type_head[] = { "id",    "label", "directed", "sign",
                                             "weight", "cameo", "style",    "from" };
    static const ag_coltype_t type_cols[] = { AG_COL_TEXT, AG_COL_TEXT,   AG_COL_TEXT,
                                              AG_COL_TEXT, AG_COL_NUMBER, AG_COL_TEXT,
                                              AG_COL_TEXT, AG_COL_TEXT };
    ag_status_t st;
    switch (what) {
    case WHAT_ACTORS:
        if ((st = ag_table_init(t, 5, actor_head, NULL, err)) != AG_OK)
            return st;
        for (size_t i = 0; i < ds->n_actors; i++) {
            const ag_actor_t *a = &ds->actors[i];
            char active[AG_DATE_TEXT_SIZE] = "";
            const char *row[5];
            if (a->has_active)
                ag_date_format(&a->active, active, sizeof active);
            row[0] = a->id;
            row[1] = a->name;
            row[2] = ag_kind_name(a->kind);
            row[3] = a->parent >= 0 ? ds->actors[a->parent].id : "";
            row[4] = active;
            if ((st = ag_table_add(t, row, err)) != AG_OK)
                return st;
        }
        return AG_OK;
    case WHAT_ERAS:
        if ((st = ag_table_init(t, 3, era_head, NULL, err)) != AG_OK)
            return st;
        for (size_t i = 0; i < ds->n_eras; i++) {
            const ag_era_t *e = &ds->eras[i];
            const char *row[3] = { e->id, e->name, e->period_text };
            if ((st = ag_table_add(t, row, err)) != AG_OK)
                return st;
        }
        return AG_OK;
    default:
        if ((st = ag_table_init(t, 8, type_head, type_cols, err)) != AG_OK)
            return st;
        for (size_t i = 0; i < ds->n_types; i++) {
            const ag_type_t *y = &ds->types[i];
            char weight[32], from[48];
            const char *row[8];
            if (y->line > 0)
                snprintf(from, sizeof from, "types.csv:%ld", y->line);
            else
                snprintf(from, sizeof from, "built-in");
            row[0] = y->id;
            row[1] = y->label;
            row[2] = y->directed ? "yes" : "no";
            row[3] = y->sign < 0 ? "-" : "+";
            row[4] = ag_format_number(y->weight, weight);
            row[5] = y->cameo;
            row[6] = y->style;
            row[7] = from;
            if ((st = ag_table_add(t, row, err)) != AG_OK)
                return st;
        }
        return AG_OK;
    }
}

int cmd_list(int argc, char **argv)
{
    static const struct option opts[] = {
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    static const char *const whats[] = { "actors", "eras", "types" };
    /* 'actorgraph types' is 'actorgraph list types'. */
    bool alias = strcmp(argv[0], "types") == 0;
    const char *cmd = alias ? "types " : "list ", *dir = AG_DEFAULT_DATASET, *out_path = NULL;
    int what = alias ? WHAT_TYPES : -1, fmt = AG_FMT_TABLE, c, rc = AG_EXIT_OK;
    bool have_dir = false;
    ag_dataset_t ds;
    ag_table_t t;
    ag_error_t err;
    ag_out_t out;
    FILE *fp = stdout;

    ag_dataset_init(&ds);
    memset(&t, 0, sizeof t);
    memset(&out, 0, sizeof out);
    ag_error_clear(&err);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if ((fmt = ag_format_parse(optarg)) < 0)
                return cli_usage_error(cmd, "unknown format '%s' (table, csv, json or md)",
                                       optarg);
            break;
        case 'o':
            if (!*optarg)
                return cli_usage_error(cmd, "-o needs a file name");
            out_path = optarg;
            cli_set_output(optarg);
            break;
        case 'h': fputs(usage_text, stdout); return AG_EXIT_OK;
        default: return cli_option_error(cmd, c, argv);
        }
    }
    /* WHAT and DATASET, in either order. */
    for (int i = optind; i < argc; i++) {
        int w = -1;
        for (int k = 0; k < 3; k++)
            if (strcmp(argv[i], whats[k]) == 0)
                w = k;
        if (w >= 0 && what < 0)
            what = w;
        else if (cli_is_dir(argv[i]) && !have_dir) {
            dir = argv[i];
            have_dir = true;
        }
        else if (what < 0)
            return cli_usage_error(cmd, "unknown list '%s' (actors, eras or types)", argv[i]);
        else
            return cli_usage_error(cmd, "'%s' is not a dataset folder", argv[i]);
    }
    if (what < 0)
        return cli_usage_error(cmd, "what to list? actors, eras or types");

    if ((rc = cli_load(dir, &ds, false)) != AG_EXIT_OK)
        goto done;
    if (fill(&t, &ds, what, &err) != AG_OK)
        goto failed;
    if (out_path) {
        if (ag_out_open(&out, out_path, &err) != AG_OK)
            goto failed;
        fp = out.fp;
    }
    if (fmt == AG_FMT_JSON) {
        json_t *j = ag_table_json(&t);
        if (!j) {
            ag_error_set(&err, AG_ENOMEM, NULL, 0, "out of memory");
            goto failed;
        }
        if (ag_json_write(j, fp, &err) != AG_OK)
            goto failed;
    } else if (ag_table_write(&t, (ag_format_t)fmt, fp, &err) != AG_OK) {
        goto failed;
    }
    if (out_path && ag_out_commit(&out, &err) != AG_OK)
        goto failed;
    goto done;
failed:
    cli_report_error(&err);
    rc = AG_EXIT_DATA;
done:
    ag_out_abort(&out);
    ag_table_destroy(&t);
    ag_dataset_destroy(&ds);
    return rc;
}
