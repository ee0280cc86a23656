/*
 * render_gv.h: what the Graphviz adapters share (not public API; only the
 * files that draw with Graphviz include it).
 */
#ifndef AG_RENDER_GV_H
#define AG_RENDER_GV_H

#include <graphviz/gvc.h>

/*
 * The Graphviz context of the process, made on first use and freed by
 * ag_render_cleanup() (render.h). Every drawing must use it: Graphviz
 * 2.42's pango plugin keeps a pointer into the last context's font table,
 * so measuring text after freeing a context reads freed memory. NULL when
 * Graphviz could not make one.
 */
GVC_t *ag_gv_context(void);

#endif
