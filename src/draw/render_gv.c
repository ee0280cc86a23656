/*
 * render_gv.c: the Graphviz plumbing both diagrams share (see
 * render_gv.h): the process's context, Graphviz's messages, attributes,
 * the common graph settings, DOT text, layout and rendering to memory.
 */
#include "draw/render_gv.h"

#include <graphviz/graphviz_version.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/render.h"
#include "core/init.h"
#include "draw/render_style.h"

/* ---- the context ---- */

/*
 * One Graphviz context for the whole process. Graphviz 2.42's pango
 * plugin remembers the last font name it measured as a pointer into the
 * context's font table; freeing that context and measuring text in the
 * next one reads freed memory. A single context, freed once at the end
 * (ag_render_cleanup), never leaves that pointer dangling.
 */
static GVC_t *shared_gvc;

GVC_t *ag_i_gv_context(void)
{
    if (!shared_gvc)
        shared_gvc = gvContext();
    return shared_gvc;
}

void ag_render_cleanup(void)
{
    if (shared_gvc) {
        gvFreeContext(shared_gvc);
        shared_gvc = NULL;
    }
}

/* ---- Graphviz's messages ---- */

/* Graphviz's handler is process-wide, hence the static buffer. */
static char gv_message[512];

static int catch_message(char *msg)
{
    size_t n;
    /* Warnings ("Warning: ...") are dropped; errors kept, the first one
     * being the most specific. */
    if (strncmp(msg, "Warning", 7) == 0 || *gv_message)
        return 0;
    while (*msg == ' ')
        msg++;
    if (strncmp(msg, "Error: ", 7) == 0)
        msg += 7;
    snprintf(gv_message, sizeof gv_message, "%s", msg);
    n = strlen(gv_message);
    while (n > 0 && (gv_message[n - 1] == '\n' || gv_message[n - 1] == ' '))
        gv_message[--n] = '\0';
    return 0;
}

agusererrf ag_i_gv_catch_begin(void)
{
    gv_message[0] = '\0';
    return agseterrf(catch_message);
}

void ag_i_gv_catch_end(agusererrf old)
{
    agseterrf(old);
}

ag_status_t ag_i_gv_error(ag_error_t *err, const char *what)
{
    return ag_error_set(err, AG_ERENDER, NULL, 0, "graphviz: %s%s%s", what,
                        *gv_message ? ": " : "", gv_message);
}

/* ---- attributes and settings ---- */

void ag_i_gv_set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

void ag_i_gv_setf(void *obj, const char *name, const char *fmt, double v)
{
    char buf[64];
    snprintf(buf, sizeof buf, fmt, v);
    ag_i_gv_set(obj, name, buf);
}

int ag_i_gv_set_html(Agraph_t *g, void *obj, const char *name, const char *html)
{
    char *h = agstrdup_html(g, (char *)html);
    if (!h)
        return -1;
    ag_i_gv_set(obj, name, h);
    agstrfree(g, h);
    return 0;
}

ag_status_t ag_i_gv_title(Agraph_t *g, const ag_i_sbuf_t *b, ag_error_t *err)
{
    if (b->oom)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    if (ag_i_gv_set_html(g, g, "label", ag_i_sbuf_str(b)) != 0)
        return ag_i_gv_error(err, "cannot set the title");
    return AG_OK;
}

Agraph_t *ag_i_gv_open(const char *name, const char *engine, const char *sep, const char *esep)
{
    Agraph_t *g = agopen((char *)name, Agundirected, NULL);
    if (!g)
        return NULL;
    /* Attributes every node or edge shares, declared once. */
    agattr(g, AGNODE, (char *)"fontname", (char *)AG_I_STYLE_FONT);
    agattr(g, AGNODE, (char *)"style", (char *)"filled");
    agattr(g, AGNODE, (char *)"fillcolor", (char *)AG_I_STYLE_FILL_NONE);
    agattr(g, AGNODE, (char *)"color", (char *)"#333333");
    agattr(g, AGNODE, (char *)"margin", (char *)"0.06,0.03");
    agattr(g, AGEDGE, (char *)"fontname", (char *)AG_I_STYLE_FONT);
    ag_i_gv_set(g, "layout", engine);
    /* A fixed seed for the initial placement (neato, fdp, sfdp): the
     * library's one seed (core/init.h). */
    ag_i_gv_set(g, "start", AG_I_SEED_TEXT);
    /* No node may overlap another (Prism removes overlaps while keeping
     * the layout's shape), with room around each so that lines can pass
     * between labels. Prism first spreads the layout to 4 times the mean
     * label size by default, which leaves the labels tiny in a vast
     * drawing; once the mean label size keeps it compact. */
    ag_i_gv_set(g, "overlap", "prism");
    ag_i_gv_set(g, "overlap_scaling", "-1");
    ag_i_gv_set(g, "sep", sep);
    ag_i_gv_set(g, "esep", esep);
    /* Lines are drawn under the nodes; how they are routed is chosen once
     * the edges are known (route_edges). */
    ag_i_gv_set(g, "splines", "true");
    ag_i_gv_set(g, "outputorder", "edgesfirst");
    ag_i_gv_set(g, "fontname", AG_I_STYLE_FONT);
    ag_i_gv_set(g, "labelloc", "t");
    ag_i_gv_set(g, "labeljust", "l");
    ag_i_gv_set(g, "pad", "0.3");
    ag_i_gv_set(g, "bgcolor", "white");
    return g;
}

/* Lines route around nodes rather than through their labels. Graphviz's
 * spline router takes about 0.03 s an edge at a hundred nodes and more
 * (50 s for a month of GDELT events, 716 edges); past AG_GV_SPLINE_EDGES
 * edges the lines are drawn straight (0.4 s for the same month). */
#define AG_GV_SPLINE_EDGES 150

static void route_edges(Agraph_t *g)
{
    ag_i_gv_set(g, "splines", agnedges(g) <= AG_GV_SPLINE_EDGES ? "true" : "line");
}

/* ---- DOT ---- */

static bool dot_id_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '-' || c >= 0x80;
}

/*
 * Graphviz 2.42's agwrite takes the text "-." for a number and writes it
 * without quotes, which no DOT reader (Graphviz's own included) accepts;
 * later versions quote it. An actor id ("-." is a valid one), a name or a
 * label may be exactly that. Each such bare word of the DOT text, outside
 * quoted strings and HTML-like labels, is put in quotes: *dot is replaced,
 * *len updated. Returns false, *dot untouched, when out of memory.
 */
static bool quote_dash_dot(char **dot, size_t *len)
{
    const char *s = *dot;
    size_t n = *len, found = 0;
    char *out = NULL, *o = NULL;
    for (int pass = 0; pass < 2; pass++) {
        int depth = 0;
        bool quoted = false;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            bool word = false;
            if (quoted) {
                /* As Graphviz's scanner reads it: \" and \\ are pairs. */
                if (c == '\\' && i + 1 < n) {
                    if (o)
                        *o++ = s[i];
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (depth > 0) {
                depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                depth = 1;
            } else if (c == '-' && i + 1 < n && s[i + 1] == '.' &&
                       (i == 0 || !dot_id_char((unsigned char)s[i - 1])) &&
                       (i + 2 == n || !dot_id_char((unsigned char)s[i + 2]))) {
                word = true;
            }
            if (word && !o) {
                found++;
            } else if (word) {
                memcpy(o, "\"-.\"", 4);
                o += 4;
                i++;
            } else if (o) {
                *o++ = s[i];
            }
        }
        if (pass == 0) {
            if (!found)
                return true;
            if (!(out = malloc(n + 2 * found + 1)))
                return false;
            o = out;
        }
    }
    *o = '\0';
    free(*dot);
    *dot = out;
    *len = (size_t)(o - out);
    return true;
}

ag_status_t ag_i_gv_dot_text(Agraph_t *g, char **data, size_t *len, ag_error_t *err)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *fp = open_memstream(&buf, &n);
    int bad;
    if (!fp)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    route_edges(g);
    bad = agwrite(g, fp) == EOF;
    bad |= ferror(fp) != 0;
    bad |= fclose(fp) != 0;
    if (bad) {
        free(buf);
        return ag_i_gv_error(err, "cannot write the DOT text");
    }
    if (!quote_dash_dot(&buf, &n)) {
        free(buf);
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    }
    *data = buf;
    *len = n;
    return AG_OK;
}

ag_status_t ag_i_gv_reread(Agraph_t **g, const char *dot, ag_error_t *err)
{
    Agraph_t *h = agmemread(dot);
    if (!h)
        return ag_i_gv_error(err, "cannot read the DOT text back");
    agclose(*g);
    *g = h;
    return AG_OK;
}

/* ---- layout and rendering ---- */

/* gvRenderData's length is unsigned int * in Graphviz 2.x and size_t *
 * from 3.0 on (whose graphviz_version.h defines the major version). */
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 3
typedef size_t gv_length_t;
#else
typedef unsigned int gv_length_t;
#endif

static int render_data(GVC_t *gvc, Agraph_t *g, const char *format, char **data, size_t *len)
{
    gv_length_t n = 0;
    int rc = gvRenderData(gvc, g, format, data, &n);
    *len = (size_t)n;
    return rc;
}

/* Cairo stamps PDFs with the time of rendering; blanking the entry (same
 * length, so the cross-reference offsets hold) keeps the output
 * reproducible. */
static void blank_pdf_date(char *data, size_t len)
{
    static const char key[] = "/CreationDate (";
    const size_t klen = sizeof key - 1;
    for (size_t i = 0; i + klen < len; i++) {
        if (memcmp(data + i, key, klen) != 0)
            continue;
        for (size_t j = i; j < len; j++) {
            char c = data[j];
            data[j] = ' ';
            if (c == ')')
                break;
        }
        return;
    }
}

/*
 * Rounds every coordinate of a laid-out graph to a hundredth of a point.
 * Neato's spline routing comes out different in the last bits from one
 * run to the next, and the whole drawing is translated by a bounding box
 * that includes the splines, so every coordinate carries that noise; PDF's
 * six decimals show it (SVG's two hide it). Rounded, the same input gives
 * the same bytes in every format.
 */
static double round2(double x)
{
    return floor(x * 100.0 + 0.5) / 100.0;
}

static void round_point(pointf *p)
{
    p->x = round2(p->x);
    p->y = round2(p->y);
}

static void round_label(textlabel_t *l)
{
    if (l)
        round_point(&l->pos);
}

static void round_layout(Agraph_t *g)
{
    round_point(&GD_bb(g).LL);
    round_point(&GD_bb(g).UR);
    round_label(GD_label(g));
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        round_point(&ND_coord(n));
        round_label(ND_label(n));
        round_label(ND_xlabel(n));
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            splines *spl = ED_spl(e);
            round_label(ED_label(e));
            round_label(ED_xlabel(e));
            round_label(ED_head_label(e));
            round_label(ED_tail_label(e));
            for (int i = 0; spl && i < spl->size; i++) {
                bezier *bz = &spl->list[i];
                for (int k = 0; k < bz->size; k++)
                    round_point(&bz->list[k]);
                round_point(&bz->sp);
                round_point(&bz->ep);
            }
        }
    }
}

ag_status_t ag_i_gv_layout_render(GVC_t *gvc, Agraph_t *g, const char *engine,
                                const char *format, bool round, char **data, size_t *len,
                                ag_error_t *err)
{
    char *out = NULL;
    size_t n = 0;
    ag_status_t rc = AG_OK;

    route_edges(g);
    if (gvLayout(gvc, g, engine) != 0)
        return ag_i_gv_error(err, "layout failed");
    if (round)
        round_layout(g);
    if (render_data(gvc, g, format, &out, &n) != 0 || !out) {
        rc = ag_i_gv_error(err, "rendering failed");
    } else if (!(*data = malloc(n + 1))) {
        rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    } else {
        memcpy(*data, out, n);
        (*data)[n] = '\0';
        *len = n;
        if (strcmp(format, "pdf") == 0)
            blank_pdf_date(*data, n);
    }
    if (out)
        gvFreeRenderData(out);
    gvFreeLayout(gvc, g);
    return rc;
}
