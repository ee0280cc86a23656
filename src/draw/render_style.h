/*
 * render_style.h: the visual language of era diagrams (not public API):
 * which shape, size, fill, colour, width and line style each actor and
 * dyad gets, and the text of labels, tooltips, title and legend. Pure C
 * with no Graphviz types, so that render.c is left with the adapter.
 *
 * Every text built here is in Graphviz's own quoting, ready for agsafeset:
 * "esc" text is an escString (node labels, tooltips: a backslash starts an
 * escape, so it is doubled; '&' starts an HTML entity, so it is written
 * &amp;); tooltips are escStrings read twice, so their backslashes are
 * written four times; "html" text is the inside of an HTML-like label
 * (& < > " as entities).
 */
#ifndef AG_RENDER_STYLE_H
#define AG_RENDER_STYLE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/era.h"
#include "actorgraph/metrics.h"
#include "actorgraph/model.h"
#include "actorgraph/summary.h"
#include "core/sbuf.h"

/* s as escString text (see above); a newline becomes a centred line break. */
void ag_i_sbuf_esc(ag_i_sbuf_t *b, const char *s);
/* s as tooltip text: as esc, but a backslash is written four times (a
 * tooltip is unescaped twice). */
void ag_i_sbuf_tip(ag_i_sbuf_t *b, const char *s);

/* Sign classes of a dyad under the ties. */
typedef enum { AG_I_SIGN_COOPERATIVE, AG_I_SIGN_CONFLICTUAL, AG_I_SIGN_MIXED } ag_i_sign_class_t;

/* Line styles a type can ask for; "bold" is drawn solid (the width shows
 * weight) and anything else Graphviz knows is treated as solid. */
typedef enum { AG_I_LINE_SOLID, AG_I_LINE_DASHED, AG_I_LINE_DOTTED, AG_I_LINE_COUNT } ag_i_line_t;

/*
 * How one dyad is drawn.
 *   sign:     its sign class, over the relations the ties keep.
 *   dominant: the type with the largest summed kept weight (ties: the
 *             first in type order), -1 when none is kept.
 *   line:     the dominant type's line style.
 *   color:    Graphviz colour (a colour list for mixed dyads).
 *   penwidth: from W.
 *   len:      preferred length for neato/fdp, in inches.
 *   toward:   the vertex (y->u or y->v) an arrowhead points to, when the
 *             dominant type is directed and all its kept relations in the
 *             dyad go one way (Pakistan's leaders visiting Moscow); else -1.
 */
typedef struct {
    ag_i_sign_class_t sign;
    long dominant;
    ag_i_line_t line;
    const char *color;
    double penwidth;
    double len;
    long toward;
} ag_i_edge_style_t;

/* Fills st for dyad y of g. Can't fail. */
void ag_i_style_edge(const ag_era_graph_t *g, const ag_dyad_t *y, ag_i_edge_style_t *st);

/* The Graphviz style word of a line ("solid", ...). Can't fail. */
const char *ag_i_line_name(ag_i_line_t line);

/* Graphviz node shape and style of a kind. */
const char *ag_i_style_shape(ag_kind_t kind);
const char *ag_i_style_node_style(ag_kind_t kind);

/*
 * Node size from a scale s in [0, 1] (the size-by metric over its maximum,
 * square-rooted so that area follows the value): minimum width and height
 * in inches and font size in points. Can't fail.
 */
void ag_i_style_node_size(ag_kind_t kind, double s, double *width, double *height,
                        double *fontsize);

/* Fill of the k-th community with more than one member (k from 0); the
 * palette repeats after AG_I_STYLE_FILLS. Lone actors get AG_I_STYLE_FILL_NONE. */
#define AG_I_STYLE_FILLS 9
#define AG_I_STYLE_FILL_NONE "#FFFFFF"
const char *ag_i_style_fill(long k);

/* Colours of the sign classes, and of the tie from a leader or agency to
 * its state. */
#define AG_I_STYLE_COOPERATIVE "#0072B2"
#define AG_I_STYLE_CONFLICTUAL "#D55E00"
#define AG_I_STYLE_ACTS_FOR "#9A9A9A"
/* Font of every text: Helvetica's metrics, so SVG text fits in browsers. */
#define AG_I_STYLE_FONT "Helvetica"

/* The label of an actor's node (escString): its name wrapped onto lines of
 * about 16 characters; an organisation with a long name and an acronym id
 * ("SEATO") is labelled by its id. */
void ag_i_style_node_label(ag_i_sbuf_t *b, const ag_actor_t *a);

/*
 * Everything a diagram's texts need to know about the era, computed once.
 *   in_era:     the era graph and what it is drawn with (borrowed).
 *   era:        NULL for a window that is no era.
 *   metrics, summary: NULL when not given.
 *   size_by:    the sizing metric.
 *   size_max:   its largest value (0 when absent).
 *   community_fill: per vertex, the fill (AG_I_STYLE_FILL_NONE for lone
 *               actors or without a summary).
 *   n_fills:    communities with more than one member.
 *   ranks:      ranks[m] per vertex for each computed metric (NULL else).
 *   n_sign:     drawn dyads of each sign class.
 *   lines_used: per line style, whether some drawn dyad uses it.
 *   dominant_used: per type, whether it is some drawn dyad's dominant type.
 *   kinds_used: per kind, whether some vertex has it.
 *   acts_for:   ties drawn from a leader or agency to its state.
 *   arrows:     drawn dyads with an arrowhead (ag_i_edge_style_t.toward).
 *   w_min, w_max: the smallest and largest W drawn.
 */
typedef struct {
    const ag_era_graph_t *g;
    const ag_era_t *era;
    const ag_metrics_t *metrics;
    const ag_summary_t *summary;
    ag_metric_t size_by;
    double size_max;
    const char **community_fill;
    long n_fills;
    long *ranks[AG_M_COUNT];
    size_t n_sign[3];
    bool lines_used[AG_I_LINE_COUNT];
    bool *dominant_used;
    bool kinds_used[AG_KIND_COUNT];
    size_t acts_for;
    size_t arrows;
    double w_min, w_max;
} ag_i_style_era_t;

/* Computes e. AG_ENOMEM on failure (e is then zeroed). */
ag_status_t ag_i_style_era_init(ag_i_style_era_t *e, const ag_era_graph_t *g,
                              const ag_era_t *era, const ag_metrics_t *metrics,
                              const ag_summary_t *summary, ag_metric_t size_by,
                              ag_error_t *err);
/* Frees e; accepts a zeroed e. Can't fail. */
void ag_i_style_era_destroy(ag_i_style_era_t *e);

/* The size scale of vertex v, in [0, 1]. Can't fail. */
double ag_i_style_era_scale(const ag_i_style_era_t *e, long v);

/*
 * The vertex that a leader's or agency's vertex v is drawn next to: its
 * nearest ancestor (parent, its parent, ...) that is a vertex of the era
 * graph, or -1 (at state level, for other kinds, or when none is). Can't
 * fail.
 */
long ag_i_style_anchor(const ag_era_graph_t *g, long v);

/* Tooltip of vertex v's node, and of dyad y's edge (escString). */
void ag_i_style_node_tooltip(ag_i_sbuf_t *b, const ag_i_style_era_t *e, long v);
void ag_i_style_edge_tooltip(ag_i_sbuf_t *b, const ag_i_style_era_t *e, const ag_dyad_t *y);

/* The graph label: title, subtitle with period and counts, note (a line
 * under them, or NULL), and (with with_legend) the legend in columns, as an
 * HTML-like label (without the outer < >). */
void ag_i_style_title_legend(ag_i_sbuf_t *b, const ag_i_style_era_t *e, bool with_legend,
                             const char *note);
/* The legend alone, its columns stacked, for a legend beside the diagram
 * (an HTML-like label without the outer < >). */
void ag_i_style_legend(ag_i_sbuf_t *b, const ag_i_style_era_t *e);

#endif
