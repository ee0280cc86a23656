/*
 * slice_args.c: the options that choose a slice of a dataset, shared by
 * the subcommands that take them (see slice_args.h).
 */
#include "slice_args.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/table.h"
#include "cli.h"

int slice_args_init(slice_args_t *a, const char *cmd, int argc)
{
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    a->level = AG_LEVEL_ACTOR;
    a->ties = AG_TIES_ALL;
    a->format = -1;
    a->dir = AG_DEFAULT_DATASET;
    if (!(a->era_ids = malloc(((size_t)argc + 1) * sizeof *a->era_ids))) {
        cli_error(NULL, 0, "out of memory");
        return AG_EXIT_DATA;
    }
    return AG_EXIT_OK;
}

void slice_args_destroy(slice_args_t *a)
{
    free(a->era_ids);
    free(a->types);
    free(a->eras);
    memset(a, 0, sizeof *a);
}

int slice_args_option(slice_args_t *a, int c, char **argv)
{
    switch (c) {
    case SLICE_OPT_ERA: a->era_ids[a->n_era_ids++] = optarg; break;
    case SLICE_OPT_ALL: a->all = true; break;
    case SLICE_OPT_LEVEL:
        if (ag_level_parse(optarg) < 0)
            return cli_usage_error(a->cmd, "unknown level '%s' (actor or state)", optarg);
        a->level = (ag_level_t)ag_level_parse(optarg);
        break;
    case SLICE_OPT_TIES:
        if (ag_ties_parse(optarg) < 0)
            return cli_usage_error(a->cmd, "unknown ties '%s' (all, positive or negative)",
                                   optarg);
        a->ties = (ag_ties_t)ag_ties_parse(optarg);
        break;
    case SLICE_OPT_DATES:
        if (ag_dates_parse(optarg) < 0)
            return cli_usage_error(a->cmd,
                                   "unknown dates rule '%s' (probable, possible or certain)",
                                   optarg);
        a->dates = (ag_dates_t)ag_dates_parse(optarg);
        break;
    case SLICE_OPT_TYPES: a->types_arg = optarg; break;
    case SLICE_OPT_FORMAT:
        if ((a->format = ag_format_parse(optarg)) < 0)
            return cli_usage_error(a->cmd, "unknown format '%s' (table, csv, json or md)",
                                   optarg);
        break;
    case 'o':
        if (!*optarg)
            return cli_usage_error(a->cmd, "-o needs a file name");
        a->out = optarg;
        cli_set_output(optarg);
        break;
    default: return cli_option_error(a->cmd, c, argv);
    }
    return AG_EXIT_OK;
}

int slice_args_dataset(slice_args_t *a, int argc, char **argv)
{
    int first, n;
    if (cli_positionals(a->cmd, argc, argv, /* max = */ 0, &a->dir, &first, &n) != AG_EXIT_OK)
        return AG_EXIT_USAGE;
    if (a->all && a->n_era_ids)
        return cli_usage_error(a->cmd, "--all and --era exclude each other");
    return AG_EXIT_OK;
}

int slice_args_find_era(const ag_dataset_t *ds, const char *id, long *era)
{
    const char *s;
    char ids[256] = "";
    size_t len = 0;
    if ((*era = ag_dataset_resolve_era(ds, id)) >= 0) /* an id, or a unique name */
        return AG_EXIT_OK;
    if ((s = ag_suggest_era(ds, id)) != NULL) {
        cli_error(NULL, 0, "unknown era '%s' (did you mean '%s'?)", id, s);
        return AG_EXIT_USAGE;
    }
    /* Say what exists: the ids, or where to list them when they are many. */
    for (size_t i = 0; i < ds->n_eras && len < sizeof ids; i++)
        len += (size_t)snprintf(ids + len, sizeof ids - len, "%s%s", i ? ", " : "",
                                ds->eras[i].id);
    if (ds->n_eras == 0)
        cli_error(NULL, 0, "unknown era '%s': %s has no eras (eras.csv)", id, ds->dir);
    else if (len < sizeof ids)
        cli_error(NULL, 0, "unknown era '%s' (the eras: %s)", id, ids);
    else
        cli_error(NULL, 0, "unknown era '%s': 'actorgraph list eras %s' lists them", id,
                  ds->dir);
    return AG_EXIT_USAGE;
}

int slice_args_resolve(slice_args_t *a, const ag_dataset_t *ds)
{
    ag_error_t err;
    ag_error_clear(&err);
    if (a->types_arg && ag_types_mask(ds, a->types_arg, &a->types, &err) != AG_OK) {
        if (err.code == AG_EUSAGE)
            return cli_usage_error(a->cmd, "%s", err.msg);
        cli_report_error(&err);
        return AG_EXIT_DATA;
    }
    a->n_eras = a->n_era_ids ? a->n_era_ids : ds->n_eras;
    if (!(a->eras = malloc((a->n_eras ? a->n_eras : 1) * sizeof *a->eras))) {
        cli_error(NULL, 0, "out of memory");
        return AG_EXIT_DATA;
    }
    for (size_t i = 0; i < a->n_era_ids; i++)
        if (slice_args_find_era(ds, a->era_ids[i], &a->eras[i]) != AG_EXIT_OK)
            return AG_EXIT_USAGE;
    if (!a->n_era_ids)
        for (size_t i = 0; i < ds->n_eras; i++)
            a->eras[i] = (long)i;
    return AG_EXIT_OK;
}

int slice_args_need_eras(const slice_args_t *a, const ag_dataset_t *ds, const char *hint)
{
    if (a->n_eras > 0)
        return AG_EXIT_OK;
    cli_error(ds->dir, 0, "no eras to work on: add rows to eras.csv (id,name,period)%s", hint);
    return AG_EXIT_DATA;
}
