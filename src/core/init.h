/*
 * init.h (internal): what the library's files share about igraph: the
 * check that ag_init() ran, igraph errors as ag_error_t, and the one seed
 * of every randomised computation (Leiden, eigenvector start vectors,
 * Graphviz layouts), used through a private generator so that the host
 * program's igraph RNG is never touched.
 */
#ifndef AG_CORE_INIT_H
#define AG_CORE_INIT_H

#include <igraph.h>

#include "actorgraph/error.h"

/* The seed of every randomised computation (the day of the 2014
 * Pakistan-Russia defence agreement); AG_I_SEED_TEXT for Graphviz's
 * "start" attribute. */
#define AG_I_SEED 20141120
#define AG_I_SEED_TEXT "20141120"

/* AG_OK when ag_init() has run; else AG_EUSAGE with a message that says
 * to call it. */
ag_status_t ag_i_need_init(ag_error_t *err);

/* Turns an igraph error code into an ag_error_t with igraph's message (the
 * one the handler installed by ag_init kept for this thread). Returns
 * AG_EGRAPH (AG_ENOMEM for igraph's out-of-memory). */
ag_status_t ag_i_igraph_error(ag_error_t *err, igraph_error_t code, const char *what);

/*
 * A private igraph random number generator, seeded with AG_I_SEED, made
 * igraph's default for the length of one computation and then replaced by
 * the caller's again (igraph draws from its default generator only).
 *   rng:   the private generator.
 *   saved: the default generator as it was (igraph copies it by value).
 */
typedef struct {
    igraph_rng_t rng;
    igraph_rng_t saved;
} ag_i_rng_t;

/* Makes a fresh generator seeded with AG_I_SEED the default. AG_ENOMEM or
 * AG_EGRAPH on failure (nothing changed). */
ag_status_t ag_i_rng_begin(ag_i_rng_t *r, ag_error_t *err);
/* Puts the caller's generator back and frees the private one. Can't fail. */
void ag_i_rng_end(ag_i_rng_t *r);

#endif
