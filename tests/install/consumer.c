/*
 * consumer.c: a program outside the tree that uses the installed library:
 * loads a dataset, measures the post-2001 era and prints Pakistan's
 * betweenness. Built by tests/install/install.sh with pkg-config only.
 */
#include <stdio.h>

#include <actorgraph/actorgraph.h>

int main(int argc, char **argv)
{
    ag_dataset_t ds;
    ag_diags_t diags;
    ag_error_t err;
    ag_report_t report;
    ag_report_opts_t opts = { AG_LEVEL_ACTOR, AG_TIES_ALL, NULL, AG_METRICS_ALL, 0, 0,
                              AG_DATES_PROBABLE };
    int rc = 1;

    if (argc != 2) {
        fprintf(stderr, "usage: consumer DATASET\n");
        return 2;
    }
    ag_error_clear(&err);
    ag_dataset_init(&ds);
    ag_diags_init(&diags);
    if (ag_init(&err) != AG_OK || ag_dataset_load(&ds, argv[1], &diags, &err) != AG_OK ||
        diags.errors > 0) {
        fprintf(stderr, "consumer: %s\n", err.msg[0] ? err.msg : "dataset has errors");
        goto done;
    }
    long era = ag_dataset_find_era(&ds, "post-2001");
    long pak = ag_dataset_find_actor(&ds, "PAK");
    if (era < 0 || pak < 0 || ag_report_init(&report, &ds, &opts, &err) != AG_OK)
        goto done;
    if (ag_report_add_era(&report, era, &err) == AG_OK) {
        const ag_report_era_t *e = &report.eras[0];
        long v = e->graph.vertex_of[pak];
        if (v >= 0) {
            printf("PAK betweenness in post-2001: %.4g\n",
                   e->metrics.value[AG_M_BETWEENNESS][v]);
            rc = 0;
        }
    } else {
        fprintf(stderr, "consumer: %s\n", err.msg);
    }
    ag_report_destroy(&report);
done:
    ag_diags_destroy(&diags);
    ag_dataset_destroy(&ds);
    return rc;
}
