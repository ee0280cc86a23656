/*
 * main.c: the actorgraph tool: global options and dispatch to subcommands,
 * one file each (cmd_NAME.c), like git's builtin/.
 */
#ifdef __linux__
#include <malloc.h> /* mallopt, where the C library has it */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/output.h"
#include "actorgraph/actorgraph.h"
#include "cli.h"

#ifndef AG_BUILD_TYPE
#define AG_BUILD_TYPE "unknown"
#endif
#ifndef AG_SANITIZED
#define AG_SANITIZED 0
#endif

/* Sorted by name. */
static const struct command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} commands[] = {
    { "balance", cmd_balance, "structural balance per era; the unbalanced triangles named" },
    { "check", cmd_check, "validate a dataset; every problem as FILE:LINE: message" },
    { "compare", cmd_compare, "one era against another: ranks, shifts, dyads gained, lost, flipped" },
    { "explain", cmd_explain, "the cited relations behind an actor's figures or a dyad" },
    { "export", cmd_export, "an era's graph as GraphML, GEXF, JSON, Cytoscape.js or CSV" },
    { "import", cmd_import, "turn GDELT, ICEWS or Phoenix event data into a dataset folder" },
    { "list", cmd_list, "what a dataset holds: its actors, eras or relation types, with ids" },
    { "render", cmd_render, "draw each era's network (svg, png, pdf or dot) with a legend" },
    { "report", cmd_report, "centralities per era, with summary figures and communities" },
    { "run", cmd_run, "the main job: every era's report and diagram, balance, the comparison" },
    { "timeline", cmd_timeline, "metrics over time through a sliding window (10y every 1y)" },
    { "trajectory", cmd_trajectory, "an actor's value and rank era by era, its lineage followed" },
    { "types", cmd_list, "the relation types in use, built-in and types.csv ('list types')" },
};

static void usage(FILE *fp)
{
    fprintf(fp,
            "usage: actorgraph [--version] [--help] COMMAND [ARGS]\n"
            "\n"
            "Networks of dated, typed, cited relations between states, leaders and\n"
            "organisations, sliced into eras, measured, drawn and compared.\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(fp, "  %-10s  %s\n", commands[i].name, commands[i].summary);
    fprintf(fp,
            "\n"
            "DATASET is a folder of CSV files (actors.csv, relations.csv, eras.csv,\n"
            "optional types.csv); it defaults to %s.\n"
            "'actorgraph COMMAND --help' describes a command's options.\n"
            "Exit status: 0 success, 1 invalid data or failure, 2 usage error.\n",
            AG_DEFAULT_DATASET);
}

int main(int argc, char **argv)
{
    const char *name;
#ifdef M_MMAP_THRESHOLD
    /* Blocks of 8 MB and more (an era's graphs and arrays on large data)
     * go back to the system when freed. glibc otherwise raises this
     * threshold (up to 32 MB) each time such a block is freed, and the
     * next era's arrays come from the heap, where the holes earlier eras
     * left stay resident: 313 MB instead of 290 MB on 1M relations. Lower
     * thresholds save more (272 MB at 1 MB) but map and fault in every
     * middling array afresh, era after era (316,000 page faults instead
     * of 81,000; docs/PERFORMANCE.md). */
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
#endif
    ag_init(NULL);
    if (argc < 2) {
        usage(stderr);
        return AG_EXIT_USAGE;
    }
    name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 ||
        strcmp(name, "help") == 0) {
        if (argc > 2 && strcmp(name, "help") == 0) {
            char *sub[] = { argv[2], "--help", NULL };
            for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
                if (strcmp(commands[i].name, argv[2]) == 0)
                    return cli_finish(commands[i].fn(2, sub));
        }
        usage(stdout);
        return cli_finish(AG_EXIT_OK);
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("%s\nbuild: %s, sanitizers %s\n", ag_version_text(), AG_BUILD_TYPE,
               AG_SANITIZED ? "on" : "off");
        return cli_finish(AG_EXIT_OK);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return cli_finish(commands[i].fn(argc - 1, argv + 1));
    if (name[0] == '-')
        return cli_usage_error(NULL, "unknown option '%s'", name);
    return cli_usage_error(NULL, "'%s' is not an actorgraph command", name);
}
