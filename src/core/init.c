/*
 * init.c: ag_init() and the igraph glue every analysis shares (init.h).
 */
#include "actorgraph/actorgraph.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/init.h"

static atomic_bool initialised;

/* The message of the first call of the handler for the error on its way
 * up, per thread (igraph calls the handler again at every IGRAPH_CHECK the
 * error passes, with an empty reason). */
static _Thread_local char igraph_reason[512];

/* igraph's default handler aborts; this one keeps the message for
 * ag_i_igraph_error() and frees igraph's temporaries as the default does. */
static void error_handler(const char *reason, const char *file, int line,
                          igraph_error_t code)
{
    (void)file;
    (void)line;
    if (reason && *reason)
        snprintf(igraph_reason, sizeof igraph_reason, "%s (%s)", reason,
                 igraph_strerror(code));
    IGRAPH_FINALLY_FREE();
}

static void warning_handler(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

ag_status_t ag_init(ag_error_t *err)
{
    (void)err;
    if (atomic_load(&initialised))
        return AG_OK;
    igraph_set_error_handler(error_handler);
    igraph_set_warning_handler(warning_handler);
    igraph_set_attribute_table(&igraph_cattribute_table);
    atomic_store(&initialised, true);
    return AG_OK;
}

ag_status_t ag_i_need_init(ag_error_t *err)
{
    if (atomic_load(&initialised))
        return AG_OK;
    return ag_error_set(err, AG_EUSAGE, NULL, 0,
                        "the library is not initialised: call ag_init() first");
}

ag_status_t ag_i_igraph_error(ag_error_t *err, igraph_error_t code, const char *what)
{
    ag_status_t st = code == IGRAPH_ENOMEM ? AG_ENOMEM : AG_EGRAPH;
    /* Lack of memory reads as everywhere else in the library, not as
     * "WHAT: WHAT (Out of memory)". */
    if (st == AG_ENOMEM)
        ag_error_set(err, st, NULL, 0, "out of memory");
    else
        ag_error_set(err, st, NULL, 0, "%s: %s", what,
                     *igraph_reason ? igraph_reason : igraph_strerror(code));
    /* Reported: the next error must not show this message. */
    igraph_reason[0] = '\0';
    return st;
}

ag_status_t ag_i_rng_begin(ag_i_rng_t *r, ag_error_t *err)
{
    igraph_error_t ie = igraph_rng_init(&r->rng, &igraph_rngtype_pcg32);
    if (ie != IGRAPH_SUCCESS)
        return ag_i_igraph_error(err, ie, "random numbers");
    igraph_rng_seed(&r->rng, AG_I_SEED);
    r->saved = *igraph_rng_default();
    igraph_rng_set_default(&r->rng);
    return AG_OK;
}

void ag_i_rng_end(ag_i_rng_t *r)
{
    igraph_rng_set_default(&r->saved);
    igraph_rng_destroy(&r->rng);
}
