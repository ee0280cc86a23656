/*
 * render.h: drawing an era graph with Graphviz (libcgraph + libgvc, in
 * process), as DOT text or laid out and rendered to SVG, PNG or PDF.
 *
 * The diagram's visual language is explained by a legend drawn in the
 * diagram itself, under a title that gives the era's name, period and
 * counts:
 *   - one node per vertex; its shape gives the actor's kind, its size a
 *     metric (betweenness by default), its fill the community it belongs to
 *     on the positive layer (actors alone in theirs are left white);
 *   - one edge per dyad of the dyad graph; its colour gives the sign of the
 *     relations behind it that the ties keep (cooperative, conflictual, or
 *     mixed: both, drawn as two parallel lines), its width the weight W,
 *     its line style the dominant relation type (the one with the largest
 *     summed weight; ties broken by type order);
 *   - at actor level, a thin grey line ties each leader and agency to the
 *     nearest of its parents in the era, and pulls them together;
 *   - SVG tooltips list, on an edge, the relations behind the dyad with
 *     their dates and cites, and on a node the actor's kind and figures.
 * Output is deterministic: nodes in vertex order, edges in dyad order, a
 * fixed layout seed; the same input gives the same bytes (PDF included:
 * its creation date is blanked).
 */
#ifndef ACTORGRAPH_RENDER_H
#define ACTORGRAPH_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/era.h"
#include "actorgraph/error.h"
#include "actorgraph/metrics.h"
#include "actorgraph/model.h"
#include "actorgraph/summary.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    AG_RENDER_DOT, /* the graph as DOT text, before layout (no positions) */
    AG_RENDER_SVG,
    AG_RENDER_PNG,
    AG_RENDER_PDF
} ag_render_format_t;

/* The default layout engine: stress majorization suits relationship
 * networks, which have no hierarchy to rank. */
#define AG_RENDER_DEFAULT_ENGINE "neato"

/* "dot", "svg", "png", "pdf"; -1 when unknown. */
int ag_render_format_parse(const char *s);
/* The file-name extension of a format (the same words). Can't fail. */
const char *ag_render_format_ext(ag_render_format_t f);
/* Whether name is an engine offered: neato, fdp, sfdp, dot, circo. */
bool ag_render_engine_valid(const char *name);

/* Where the legend goes: under the title (the default), beside the
 * diagram on its right, or nowhere (the title stays). */
typedef enum { AG_LEGEND_TOP, AG_LEGEND_SIDE, AG_LEGEND_NONE } ag_legend_t;

/* "top", "side", "none"; -1 when unknown. */
int ag_legend_parse(const char *s);

/*
 * A layout shared by several diagrams (ag_layout_union): each actor's
 * place, so that it stays put from era to era.
 *   n_actors:  the dataset's actor count.
 *   x, y:      per actor index, its centre in points, or NaN where the
 *              actor is in none of the eras laid out.
 *   llx, lly, urx, ury: the bounding box of the whole layout, in points;
 *              every diagram drawn with it has this frame.
 */
typedef struct {
    size_t n_actors;
    double *x, *y;
    double llx, lly, urx, ury;
} ag_layout_t;

/*
 * How to draw.
 *   format:  what to produce.
 *   engine:  layout engine (see ag_render_engine_valid); NULL for the
 *            default. It is also named in the DOT text (layout=...), so
 *            that `dot -Tpng` on the DOT file gives the same picture.
 *   size_by: the metric that sizes the nodes.
 *   legend:  where the legend goes (AG_LEGEND_TOP when zeroed). Beside
 *            the diagram only in svg, png and pdf; DOT text keeps it
 *            under the title.
 *   layout:  NULL: each diagram is laid out afresh with engine; else
 *            every node is pinned where layout places its actor (the
 *            engine is then Graphviz's "nop", which keeps positions and
 *            routes the lines), in layout's frame.
 *   show:    NULL: every vertex; else one flag per vertex of the graph
 *            drawn: only those vertices (and the lines between them) are
 *            drawn (ag_ego_vertices). Sizes, fills and the title's figures
 *            stay the whole era's.
 *   note:    NULL, or a line added under the title (what show keeps).
 */
typedef struct {
    ag_render_format_t format;
    const char *engine;
    ag_metric_t size_by;
    ag_legend_t legend;
    const ag_layout_t *layout;
    const bool *show;
    const char *note;
} ag_render_opts_t;

/* SVG, the default engine, sized by betweenness. Can't fail. */
void ag_render_opts_default(ag_render_opts_t *opts);

/*
 * What a diagram shows; everything is borrowed.
 *   g:       the era graph (its dataset gives names, kinds, types, cites).
 *   era:     the era it was sliced for, named in the title; NULL for a
 *            window that is no era (the title then names the dataset).
 *   metrics: values for node sizes and tooltips; NULL, or without the
 *            size_by metric: every node at its kind's base size.
 *   summary: communities for the fills; NULL: no fills.
 */
typedef struct {
    const ag_era_graph_t *g;
    const ag_era_t *era;
    const ag_metrics_t *metrics;
    const ag_summary_t *summary;
} ag_render_input_t;

/*
 * An actor's neighbourhood in an era: sets show[v] (g->n flags) for the
 * vertices at most depth steps from vertex ego along the lines drawn (the
 * dyad graph's edges), ego included; returns how many. Can't fail.
 */
size_t ag_ego_vertices(const ag_era_graph_t *g, long ego, int depth, bool *show);

/*
 * Draws in into a new buffer: *data (malloc'd, the caller frees it with
 * free(); a NUL follows the *len bytes so that text formats can be used
 * as strings). AG_ERENDER when Graphviz fails (err carries its message),
 * AG_EUSAGE for an unknown engine, AG_ENOMEM; *data is then NULL.
 * Graphviz's warnings are not printed.
 */
ag_status_t ag_render(const ag_render_input_t *in, const ag_render_opts_t *opts,
                      char **data, size_t *len, ag_error_t *err);

/* ag_render, written atomically to path (see output.h). The errors of
 * ag_render, and AG_EIO. */
ag_status_t ag_render_file(const ag_render_input_t *in, const ag_render_opts_t *opts,
                           const char *path, ag_error_t *err);

/*
 * One layout for several eras of ds (eras: n_eras indices, sliced with
 * base's level, ties and types): the union of their graphs, each actor
 * once at the largest size it has in any of them, each pair with a line in
 * any era joined, laid out with opts->engine as one diagram would be. Draw
 * each era with opts.layout = l: an actor keeps its place, actors absent
 * from an era are left out, the others do not move. AG_EUSAGE for an
 * unknown engine, AG_ERENDER, AG_ENOMEM, AG_EGRAPH (l is then zeroed).
 * Uses the shared Graphviz context, like ag_render.
 */
ag_status_t ag_layout_union(ag_layout_t *l, const ag_dataset_t *ds, const ag_slice_opts_t *base,
                            const long *eras, size_t n_eras, const ag_render_opts_t *opts,
                            ag_error_t *err);
/* Frees l; accepts a zeroed l. Can't fail. */
void ag_layout_destroy(ag_layout_t *l);

/* Frees the Graphviz context that every drawing in the process shares
 * (made on first use). Call once, when done drawing; harmless when
 * nothing was drawn. Can't fail. */
void ag_render_cleanup(void);

#ifdef __cplusplus
}
#endif

#endif
