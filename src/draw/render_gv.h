/*
 * render_gv.h: the Graphviz plumbing that both diagrams share (render.c,
 * the era diagrams; render_compare.c, the comparison): the process's one
 * context, Graphviz's messages, attributes, the settings every graph gets,
 * DOT text, and layout and rendering to memory with reproducible bytes.
 * Not public API; only the files that draw with Graphviz include it.
 * Graphviz 2.4x takes char * where it means const char *; the casts stay
 * in these files.
 */
#ifndef AG_RENDER_GV_H
#define AG_RENDER_GV_H

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/error.h"
#include "core/sbuf.h"

/*
 * The Graphviz context of the process, made on first use and freed by
 * ag_render_cleanup() (render.h). Every drawing must use it: Graphviz
 * 2.42's pango plugin keeps a pointer into the last context's font table,
 * so measuring text after freeing a context reads freed memory. NULL when
 * Graphviz could not make one.
 */
GVC_t *ag_i_gv_context(void);

/*
 * Graphviz prints its errors and warnings unless given a function; the
 * library never prints. ag_i_gv_catch_begin forgets the last message and
 * catches Graphviz's from then on (errors kept, the first one being the
 * most specific; warnings dropped), returning the previous function for
 * ag_i_gv_catch_end. Process-wide state: drawing is not thread-safe.
 */
agusererrf ag_i_gv_catch_begin(void);
void ag_i_gv_catch_end(agusererrf old);

/* Sets err to AG_ERENDER, "graphviz: WHAT" and the caught message if any;
 * returns AG_ERENDER. */
ag_status_t ag_i_gv_error(ag_error_t *err, const char *what);

/* Sets an attribute with an empty default, so that only objects that have
 * it carry it in the DOT text (a non-empty default would be written as a
 * global declaration and given to every object). ag_i_gv_setf formats one
 * number with fmt. Can't fail. */
void ag_i_gv_set(void *obj, const char *name, const char *value);
void ag_i_gv_setf(void *obj, const char *name, const char *fmt, double v);

/* Sets an HTML-like label, which must be a string made by agstrdup_html.
 * Returns 0, or -1 when Graphviz could not make it. */
int ag_i_gv_set_html(Agraph_t *g, void *obj, const char *name, const char *html);

/* Sets g's title (its label) to the HTML-like label text b that a style
 * function built. Returns AG_ENOMEM when b ran out of memory, AG_ERENDER
 * when Graphviz could not take it, else AG_OK. */
ag_status_t ag_i_gv_title(Agraph_t *g, const ag_i_sbuf_t *b, ag_error_t *err);

/*
 * A new undirected graph with the settings both diagrams share: node and
 * edge defaults, the layout engine with a fixed seed, overlap removal
 * leaving sep (e.g. "+16") around nodes and esep around lines, lines
 * routed around nodes and drawn under them, the title at the top left.
 * NULL when Graphviz could not make it; the caller closes it (agclose).
 */
Agraph_t *ag_i_gv_open(const char *name, const char *engine, const char *sep, const char *esep);

/* The DOT text of g (written before any layout, or it would carry
 * positions) into *data (malloc'd, the caller frees) and *len. On error
 * sets err and returns it, *data untouched. */
ag_status_t ag_i_gv_dot_text(Agraph_t *g, char **data, size_t *len, ag_error_t *err);

/*
 * Replaces *g by the graph the DOT text dot describes, read back as a
 * Graphviz tool would read a file: a graph built in memory can be laid
 * out differently from run to run where the same graph read from its DOT
 * text is not (edge labels, Graphviz 2.43). The old graph is closed only
 * on success. Returns AG_OK, or sets err.
 */
ag_status_t ag_i_gv_reread(Agraph_t **g, const char *dot, ag_error_t *err);

/*
 * Lays g out with engine and renders it in format (a Graphviz output
 * format: "svg", "png", "pdf"...) into *data (malloc'd and NUL-terminated,
 * the caller frees) and *len, then frees the layout. With round, every
 * coordinate is first rounded to a hundredth of a point. A PDF's creation
 * date is blanked. On error sets err and returns it.
 */
ag_status_t ag_i_gv_layout_render(GVC_t *gvc, Agraph_t *g, const char *engine,
                                const char *format, bool round, char **data, size_t *len,
                                ag_error_t *err);

#endif
