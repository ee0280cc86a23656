/*
 * cmd_list.c: actorgraph list actors|eras|types [DATASET] [--format F]
 *                                                [-o FILE]
 *             actorgraph types [DATASET] ...    (list types)
 *
 * What a dataset holds, so that ids can be found before they are typed:
 * the actors with their names, the eras with their periods, the relation
 * types in use (built-in and types.csv) with their defaults.
 */
#include <stdio.h>
#include <string.h>

#include "actorgraph/output.h"
#include "actorgraph/table.h"
#include "cli.h"
#include "options.h"

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
    "\n";

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

/* list writes tables for people on a terminal and in a pipe alike: a
 * pipe of ids is as often read as parsed (--format csv for that). */
static const cli_name_t list_names[] = {
    { "table", AG_FMT_TABLE }, { "csv", AG_FMT_CSV }, { "json", AG_FMT_JSON },
    { "md", AG_FMT_MD },       { NULL, 0 },
};
static const cli_name_t list_exts[] = {
    { "txt", AG_FMT_TABLE }, { "csv", AG_FMT_CSV }, { "json", AG_FMT_JSON },
    { "md", AG_FMT_MD },     { NULL, 0 },
};
static const cli_formats_t list_formats = { list_names, list_exts, AG_FMT_TABLE, AG_FMT_TABLE };

int cmd_list(int argc, char **argv)
{
    static const char *const whats[] = { "actors", "eras", "types" };
    cli_args_t a;
    const cli_option_t opts[] = {
        CLI_OPT_FORMAT(&a, "table, csv, json or md"),
        CLI_OPT_OUTPUT(&a),
        CLI_END,
    };
    /* 'actorgraph types' is 'actorgraph list types'. */
    bool alias = strcmp(argv[0], "types") == 0, have_dir = false;
    int what = alias ? WHAT_TYPES : -1, rc;
    ag_dataset_t ds;
    ag_table_t t;
    ag_error_t err;
    ag_status_t st;

    ag_dataset_init(&ds);
    memset(&t, 0, sizeof t);
    ag_error_clear(&err);
    cli_args_init(&a, alias ? "types" : "list", usage_text, &list_formats);
    /* WHAT and DATASET, in either order: the arguments are sorted out here. */
    a.no_dataset = true;
    if ((rc = cli_parse(&a, opts, argc, argv, /* max_pos = */ 2)) != CLI_CONTINUE)
        goto done;
    for (size_t i = 0; i < a.n_pos; i++) {
        const char *arg = a.pos[i];
        int w = -1;
        for (int k = 0; k < 3; k++)
            if (strcmp(arg, whats[k]) == 0)
                w = k;
        if (w >= 0 && what < 0) {
            what = w;
        } else if (cli_is_dir(arg) && !have_dir) {
            a.dir = arg;
            have_dir = true;
        } else {
            rc = what < 0 ? cli_usage_error(a.prefix, "unknown list '%s' (actors, eras or types)",
                                            arg)
                          : cli_usage_error(a.prefix, "'%s' is not a dataset folder", arg);
            goto done;
        }
    }
    if (what < 0) {
        rc = cli_usage_error(a.prefix, "what to list? actors, eras or types");
        goto done;
    }

    if ((rc = cli_load(a.dir, &ds, false)) != AG_EXIT_OK)
        goto done;
    if ((st = fill(&t, &ds, what, &err)) != AG_OK) {
        rc = cli_fail(&a, &err);
        goto done;
    }
    if ((rc = cli_output(&a)) != AG_EXIT_OK)
        goto done;
    if (a.format == AG_FMT_JSON) {
        json_t *j = ag_table_json(&t);
        st = j ? ag_json_write(j, a.fp, &err) : ag_error_set(&err, AG_ENOMEM, NULL, 0,
                                                               "out of memory");
        json_decref(j);
    } else {
        st = ag_table_write(&t, (ag_format_t)a.format, a.fp, &err);
    }
    rc = cli_commit(&a, st, &err);
done:
    ag_table_destroy(&t);
    cli_args_destroy(&a);
    ag_dataset_destroy(&ds);
    return rc;
}
