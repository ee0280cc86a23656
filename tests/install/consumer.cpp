/*
 * consumer.cpp: the installed headers from C++: every public header
 * (through actorgraph.h) compiled as C++11 with warnings as errors, and the
 * library linked and called, which fails to link without the headers'
 * extern "C". Built by tests/install/install.sh with pkg-config only.
 */
#include <cstdio>

#include <actorgraph/actorgraph.h>

int main(int argc, char **argv)
{
    ag_error_t err;
    ag_dataset_t ds;
    ag_diags_t diags;
    char day[AG_DAY_TEXT_SIZE];
    int rc = 1;

    if (argc != 2) {
        std::fprintf(stderr, "usage: consumer-cxx DATASET\n");
        return 2;
    }
    ag_error_clear(&err);
    ag_dataset_init(&ds);
    ag_diags_init(&diags);
    if (ag_init(&err) == AG_OK && ag_dataset_load(&ds, argv[1], &diags, &err) == AG_OK &&
        diags.errors == 0) {
        std::printf("%zu actors, first day %s\n", ds.n_actors,
                    ag_day_format(ds.relations[0].date.first, day));
        rc = 0;
    } else {
        std::fprintf(stderr, "consumer-cxx: %s\n", err.msg[0] ? err.msg : "dataset has errors");
    }
    ag_diags_destroy(&diags);
    ag_dataset_destroy(&ds);
    return rc;
}
