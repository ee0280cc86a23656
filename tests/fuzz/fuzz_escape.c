/*
 * fuzz_escape.c: libFuzzer harness for the DOT label escaping
 * (render_style.c: ag_i_sbuf_esc, ag_i_sbuf_tip, ag_i_sbuf_html).
 *
 * The input, cut at its first NUL, is any text a dataset may hold (a name,
 * a note, a cite). It is escaped three ways and set on a Graphviz graph as
 * a label, a tooltip and an HTML-like label; the DOT text is written and
 * read back, as the renderer does. Graphviz must read it back, with each
 * attribute the same string that was set: escaping never lets text end a
 * quoted string, and the HTML text is always well-formed.
 */
#include <graphviz/cgraph.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/actorgraph.h"
#include "draw/render_gv.h"
#include "draw/render_style.h"

/* An attribute never set, or set to "", reads back as NULL or "". */
static const char *get(void *obj, const char *name)
{
    const char *v = agget(obj, (char *)name);
    return v ? v : "";
}

static int quiet(char *msg)
{
    (void)msg;
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ag_init(NULL);
    agseterrf(quiet);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1), *dot = NULL;
    ag_i_sbuf_t esc, tip, hb;
    Agraph_t *g = NULL, *h = NULL;
    Agnode_t *n;
    size_t len;
    ag_error_t err;
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    ag_i_sbuf_init(&esc);
    ag_i_sbuf_init(&tip);
    ag_i_sbuf_init(&hb);
    ag_i_sbuf_esc(&esc, text);
    ag_i_sbuf_tip(&tip, text);
    ag_i_sbuf_add(&hb, "<b>");
    ag_i_sbuf_html(&hb, text);
    ag_i_sbuf_add(&hb, "</b>");
    if (esc.oom || tip.oom || hb.oom)
        goto done;
    g = agopen((char *)"fuzz", Agundirected, NULL);
    if (!g)
        goto done;
    n = agnode(g, (char *)"a", 1);
    ag_i_gv_set(n, "label", ag_i_sbuf_str(&esc));
    ag_i_gv_set(n, "tooltip", ag_i_sbuf_str(&tip));
    n = agnode(g, (char *)"b", 1);
    if (ag_i_gv_set_html(g, n, "label", ag_i_sbuf_str(&hb)) != 0)
        goto done;
    if (ag_i_gv_dot_text(g, &dot, &len, &err) != AG_OK)
        goto done;
    if (!(h = agmemread(dot)))
        abort(); /* the DOT text we wrote does not read back */
    n = agnode(h, (char *)"a", 0);
    if (!n || strcmp(get(n, "label"), ag_i_sbuf_str(&esc)) != 0 ||
        strcmp(get(n, "tooltip"), ag_i_sbuf_str(&tip)) != 0)
        abort();
    n = agnode(h, (char *)"b", 0);
    if (!n || !aghtmlstr((char *)get(n, "label")) ||
        strcmp(get(n, "label"), ag_i_sbuf_str(&hb)) != 0)
        abort();
done:
    if (h)
        agclose(h);
    if (g)
        agclose(g);
    free(dot);
    ag_i_sbuf_destroy(&esc);
    ag_i_sbuf_destroy(&tip);
    ag_i_sbuf_destroy(&hb);
    free(text);
    return 0;
}
