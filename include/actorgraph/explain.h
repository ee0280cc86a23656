/*
 * explain.h: provenance. The cited relations behind one actor's figures or
 * behind one dyad, in date order, with the totals that reports use, so that
 * any number can be traced back to the lines of relations.csv that made it
 * (docs/METHODS.md, "Explain").
 *
 * The relation listing that balance and compare share is a page helper
 * (pages.h).
 */
#ifndef ACTORGRAPH_EXPLAIN_H
#define ACTORGRAPH_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"
#include "actorgraph/model.h"
#include "actorgraph/signed.h"
#include "actorgraph/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * What is explained.
 *   g:         the era graph (not owned; must outlive x).
 *   actor:     the vertex's actor (at state level the top-most parent of the
 *              actor asked for); asked: the actor asked for.
 *   actor_b, asked_b: the same for a dyad's second actor, or -1 for an actor.
 *   va, vb:    their vertices in g, or -1 when not in the slice.
 *   rels:      indices into ds->relations behind it, in date order (then
 *              file order); n_rels of them.
 * For a dyad (the dyad of va and vb; dyad is its index or -1):
 *   pos, neg, net, W: as in ag_dyad_t (0 when the dyad is not in the slice).
 * For an actor:
 *   degree:    distinct neighbours in the dyad graph.
 *   strength:  sum of W over its dyads in the dyad graph.
 *   in_arcs, out_arcs: its arcs in the relation multigraph.
 *   dyads:     its dyads (indices into g->dyads), by neighbour; n_dyads.
 * Set by the caller after ag_explain_init, if wanted:
 *   frustration: the frustration of g (signed.h; not owned), or NULL (as
 *              ag_explain_init leaves it): the writer then also says on
 *              which side of the least-frustrated colouring the actors are
 *              and which of their dyads are frustrated.
 */
typedef struct {
    const ag_era_graph_t *g;
    long actor, asked, actor_b, asked_b;
    long va, vb;
    long *rels;
    size_t n_rels;
    long dyad;
    double pos, neg, net, W;
    long degree;
    double strength;
    long in_arcs, out_arcs;
    long *dyads;
    size_t n_dyads;
    const ag_frustration_t *frustration;
} ag_explain_t;

/* Explains one actor (actor_b < 0) or the dyad of two actors in g: actor
 * indices into g->ds->actors, rolled up at state level. AG_EUSAGE when the
 * two are the same actor (after roll-up), AG_ENOMEM. x is zeroed on
 * failure. */
ag_status_t ag_explain_init(ag_explain_t *x, const ag_era_graph_t *g, long actor,
                            long actor_b, ag_error_t *err);
/* Frees x; accepts a zeroed x. Can't fail. */
void ag_explain_destroy(ag_explain_t *x);

/*
 * Convenience: page + ag_doc_write (ag_explain_page, pages.h). Writes the
 * explanation. era is the era index the slice came from, or -1
 * for the whole dataset. table and md: a header, the totals, the actor's
 * dyads (for an actor) and the relations. csv: the relations only, header
 *   era,level,date,source,target,type,sign,weight,w,cite,note,line
 * json: an object with the totals, dyads and relations.
 * AG_ENOMEM, AG_EIO on failure.
 */
ag_status_t ag_explain_write(const ag_explain_t *x, long era, ag_format_t fmt, FILE *fp,
                             ag_error_t *err);

#ifdef __cplusplus
}
#endif

#endif
