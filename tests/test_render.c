/*
 * test_render.c: era diagrams (render.c, render_style.c) on
 * tests/data/render-small/ and tests/data/render-escape/.
 *
 * render-small, era "fifties", actor level, ties all. Vertices in id byte
 * order: AAA, AGN, BBB, CCC, OSC, grp, lead. Dyads, worked by hand:
 *   AAA-BBB  alliance +3, rivalry -2: mixed, W 5, net 1; the alliance
 *            outweighs the rivalry, so solid (its "bold" is drawn solid);
 *            width 1.2 sqrt(5) x 0.6 for each of the two lines = 1.61
 *   AAA-CCC  agreement +1, incident -1: mixed, W 2, net 0; the types tie
 *            at 1 and agreement comes first in type order: solid
 *   AAA-OSC  membership +1: cooperative, solid, W 1
 *   AGN-grp  support +1: cooperative, solid, W 1
 *   BBB-CCC  threat -2: conflictual, dashed, W 2, width 1.70
 *   CCC-grp  war -3: conflictual, solid, W 3
 *   CCC-lead visit +1: cooperative, dotted, W 1, width 1.80 (the floor for
 *            dotted lines)
 * and two thin grey lines for actors drawn next to their state: AAA-lead,
 * BBB-AGN (no relation of their own). At state level lead and AGN roll up:
 * 5 vertices, 6 dyads (AAA-BBB, AAA-CCC, AAA-OSC, BBB-CCC, BBB-grp,
 * CCC-grp), no grey lines.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/load.h"
#include "actorgraph/metrics.h"
#include "actorgraph/render.h"
#include "actorgraph/summary.h"
#include "draw/render_gv.h"
#include "draw/render_style.h"
#include "testutil.h"

static ag_dataset_t small, esc;

static int setup(void **state)
{
    (void)state;
    return tu_load(&small, "render-small") || tu_load(&esc, "render-escape") ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    ag_render_cleanup();
    ag_dataset_destroy(&small);
    ag_dataset_destroy(&esc);
    return 0;
}

/* An era's graph with its metrics and summary, as the CLI draws it. */
typedef struct {
    ag_era_graph_t g;
    ag_metrics_t m;
    ag_summary_t s;
    ag_render_input_t in;
} era_t;

static void era_open(era_t *e, const ag_dataset_t *ds, const char *era_id, ag_level_t level,
                     ag_ties_t ties)
{
    ag_error_t err;
    long era = ag_dataset_find_era(ds, era_id);
    assert_true(era >= 0);
    tu_slice(&e->g, ds, era_id, level, ties, NULL);
    assert_int_equal(ag_metrics_compute(&e->g, AG_METRICS_ALL, &e->m, &err), AG_OK);
    assert_int_equal(ag_summary_compute(&e->g, &e->s, &err), AG_OK);
    e->in.g = &e->g;
    e->in.era = &ds->eras[era];
    e->in.metrics = &e->m;
    e->in.summary = &e->s;
}

static void era_close(era_t *e)
{
    ag_summary_destroy(&e->s);
    ag_metrics_destroy(&e->m);
    ag_era_graph_destroy(&e->g);
}

static char *render(const ag_render_input_t *in, ag_render_format_t fmt, const char *engine,
                    size_t *len)
{
    ag_render_opts_t o;
    ag_error_t err;
    char *data;
    ag_render_opts_default(&o);
    o.format = fmt;
    if (engine)
        o.engine = engine;
    ag_error_clear(&err);
    if (ag_render(in, &o, &data, len, &err) != AG_OK)
        fail_msg("ag_render: %s", err.msg);
    assert_non_null(data);
    return data;
}

/* The DOT text of an era, parsed back by cgraph. */
static Agraph_t *reparse(const ag_render_input_t *in)
{
    size_t len;
    char *dot = render(in, AG_RENDER_DOT, NULL, &len);
    Agraph_t *g;
    assert_int_equal(strlen(dot), len);
    /* Written before layout: no positions. */
    assert_null(strstr(dot, "pos="));
    assert_null(strstr(dot, "bb="));
    g = agmemread(dot);
    free(dot);
    assert_non_null(g);
    return g;
}

static const char *nattr(Agraph_t *g, const char *node, const char *attr)
{
    Agnode_t *n = agnode(g, (char *)node, 0);
    const char *v;
    if (!n)
        fail_msg("no node '%s'", node);
    v = agget(n, (char *)attr);
    return v ? v : "";
}

static Agedge_t *edge(Agraph_t *g, const char *a, const char *b)
{
    Agnode_t *u = agnode(g, (char *)a, 0), *v = agnode(g, (char *)b, 0);
    Agedge_t *e;
    assert_non_null(u);
    assert_non_null(v);
    e = agedge(g, u, v, NULL, 0);
    if (!e)
        fail_msg("no edge %s -- %s", a, b);
    return e;
}

static const char *eattr(Agraph_t *g, const char *a, const char *b, const char *attr)
{
    const char *v = agget(edge(g, a, b), (char *)attr);
    return v ? v : "";
}

static int count_edges(Agraph_t *g)
{
    int n = 0;
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v))
        for (Agedge_t *e = agfstout(g, v); e; e = agnxtout(g, e))
            n++;
    return n;
}

static void test_dot_nodes(void **state)
{
    era_t e;
    Agraph_t *g;
    static const char *const order[] = { "AAA", "AGN", "BBB", "CCC", "OSC", "grp", "lead" };
    int i = 0;
    (void)state;
    era_open(&e, &small, "fifties", AG_LEVEL_ACTOR, AG_TIES_ALL);
    {
        /* Nodes declared in vertex order (cgraph, reading the text back,
         * creates a node where an edge first names it). */
        size_t len;
        char *dot = render(&e.in, AG_RENDER_DOT, NULL, &len);
        const char *at = dot;
        for (i = 0; i < 7; i++) {
            char decl[32];
            snprintf(decl, sizeof decl, "\n\t%s\t[", order[i]);
            at = strstr(at, decl);
            if (!at)
                fail_msg("node '%s' not declared in order", order[i]);
        }
        free(dot);
    }
    g = reparse(&e.in);
    assert_int_equal(agnnodes(g), 7);
    /* Shape by kind. */
    assert_string_equal(nattr(g, "AAA", "shape"), "ellipse");
    assert_string_equal(nattr(g, "OSC", "shape"), "box");
    assert_string_equal(nattr(g, "grp", "shape"), "hexagon");
    assert_string_equal(nattr(g, "AGN", "shape"), "house");
    assert_string_equal(nattr(g, "lead", "shape"), "box");
    assert_string_equal(nattr(g, "lead", "style"), "rounded,filled");
    assert_string_equal(nattr(g, "AAA", "style"), "filled");
    assert_string_equal(nattr(g, "lead", "kind"), "leader");
    /* Labels: an acronym id for a long organisation name, long names
     * wrapped at spaces. */
    assert_string_equal(nattr(g, "OSC", "label"), "OSC");
    assert_string_equal(nattr(g, "grp", "label"), "Carpanian\\nLiberation Front\\nof the North");
    assert_string_equal(nattr(g, "AAA", "label"), "Aland");
    /* Sizes follow betweenness: the largest node is the most between. */
    assert_string_equal(nattr(g, "CCC", "betweenness"), "0.7333333333");
    assert_string_equal(nattr(g, "CCC", "width"), "1.90");
    assert_string_equal(nattr(g, "CCC", "fontsize"), "20.0");
    assert_string_equal(nattr(g, "OSC", "betweenness"), "0");
    assert_string_equal(nattr(g, "OSC", "width"), "0.80");
    /* Fills: community members share a colour; the graph's defaults hold
     * the rest. */
    assert_string_equal(nattr(g, "AAA", "fillcolor"), nattr(g, "BBB", "fillcolor"));
    assert_string_equal(nattr(g, "AAA", "community"), nattr(g, "BBB", "community"));
    /* Tooltips: kind and figures. */
    assert_non_null(strstr(nattr(g, "lead", "tooltip"), "Leader of Aland (lead)\\nleader, acts for Aland"));
    assert_non_null(strstr(nattr(g, "CCC", "tooltip"), "betweenness 0.7333 (rank 1 of 7)"));
    /* The title and legend: an HTML-like label. */
    assert_true(aghtmlstr(agget(g, (char *)"label")));
    assert_non_null(strstr(agget(g, (char *)"label"), "<B>The fifties</B>"));
    assert_non_null(strstr(agget(g, (char *)"label"), "1950/1959"));
    assert_non_null(strstr(agget(g, (char *)"label"), "7 actors \u00B7 9 relations \u00B7 7 ties: "
                                                      "3 cooperative, 2 conflictual, 2 mixed"));
    /* The layout is named, seeded, and keeps nodes apart. */
    assert_string_equal(agget(g, (char *)"layout"), "neato");
    assert_string_equal(agget(g, (char *)"start"), "20141120");
    assert_string_equal(agget(g, (char *)"overlap"), "prism");
    agclose(g);
    era_close(&e);
}

static void test_dot_edges(void **state)
{
    era_t e;
    Agraph_t *g;
    (void)state;
    era_open(&e, &small, "fifties", AG_LEVEL_ACTOR, AG_TIES_ALL);
    g = reparse(&e.in);
    assert_int_equal(count_edges(g), 7 + 2);

    assert_string_equal(eattr(g, "AAA", "BBB", "sign"), "mixed");
    assert_string_equal(eattr(g, "AAA", "BBB", "color"), AG_I_STYLE_COOPERATIVE ":" AG_I_STYLE_CONFLICTUAL);
    assert_string_equal(eattr(g, "AAA", "BBB", "type"), "alliance");
    assert_string_equal(eattr(g, "AAA", "BBB", "style"), "");
    assert_string_equal(eattr(g, "AAA", "BBB", "W"), "5");
    assert_string_equal(eattr(g, "AAA", "BBB", "net"), "1");
    assert_string_equal(eattr(g, "AAA", "BBB", "penwidth"), "1.61");
    assert_string_equal(eattr(g, "AAA", "BBB", "relations"), "2");

    assert_string_equal(eattr(g, "AAA", "CCC", "sign"), "mixed");
    assert_string_equal(eattr(g, "AAA", "CCC", "type"), "agreement");
    assert_string_equal(eattr(g, "AAA", "CCC", "net"), "0");

    assert_string_equal(eattr(g, "AAA", "OSC", "sign"), "cooperative");
    assert_string_equal(eattr(g, "AAA", "OSC", "color"), AG_I_STYLE_COOPERATIVE);

    assert_string_equal(eattr(g, "BBB", "CCC", "sign"), "conflictual");
    assert_string_equal(eattr(g, "BBB", "CCC", "color"), AG_I_STYLE_CONFLICTUAL);
    assert_string_equal(eattr(g, "BBB", "CCC", "style"), "dashed");
    assert_string_equal(eattr(g, "BBB", "CCC", "penwidth"), "1.70");

    assert_string_equal(eattr(g, "CCC", "grp", "type"), "war");
    assert_string_equal(eattr(g, "CCC", "grp", "style"), "");
    assert_string_equal(eattr(g, "CCC", "lead", "style"), "dotted");
    assert_string_equal(eattr(g, "CCC", "lead", "penwidth"), "1.80");
    assert_string_equal(eattr(g, "AGN", "grp", "sign"), "cooperative");

    /* Leaders and agencies next to their state. */
    assert_string_equal(eattr(g, "AAA", "lead", "tie"), "acts-for");
    assert_string_equal(eattr(g, "AAA", "lead", "sign"), "");
    assert_string_equal(eattr(g, "AAA", "lead", "color"), AG_I_STYLE_ACTS_FOR);
    assert_string_equal(eattr(g, "AAA", "lead", "len"), "0.6");
    assert_string_equal(eattr(g, "BBB", "AGN", "tie"), "acts-for");

    /* Edge tooltips: the relations behind the dyad, dated and cited, in
     * date order. */
    assert_non_null(strstr(eattr(g, "AAA", "BBB", "tooltip"),
                           "2 relations:\\n1950 \u00B7 AAA \u2013 BBB alliance +3 [fn 1]\\n"
                           "1955 \u00B7 AAA \u2013 BBB rivalry -2 [fn 2]"));
    assert_non_null(strstr(eattr(g, "CCC", "lead", "tooltip"),
                           "1957-05-02 \u00B7 lead \u2192 CCC visit +1 [fn 4]"));
    agclose(g);
    era_close(&e);
}

static void test_dot_state_level(void **state)
{
    era_t e;
    Agraph_t *g;
    (void)state;
    era_open(&e, &small, "fifties", AG_LEVEL_STATE, AG_TIES_ALL);
    g = reparse(&e.in);
    assert_int_equal(agnnodes(g), 5);
    assert_null(agnode(g, (char *)"lead", 0));
    assert_int_equal(count_edges(g), 6);
    /* lead's visit to CCC now belongs to AAA-CCC, with the agreement and
     * the incident: net +1, still mixed. */
    assert_string_equal(eattr(g, "AAA", "CCC", "relations"), "3");
    assert_string_equal(eattr(g, "AAA", "CCC", "net"), "1");
    assert_string_equal(eattr(g, "BBB", "grp", "type"), "support");
    assert_non_null(strstr(agget(g, (char *)"label"), "state level"));
    agclose(g);
    era_close(&e);
}

static void test_dot_positive_ties(void **state)
{
    era_t e;
    Agraph_t *g;
    (void)state;
    era_open(&e, &small, "fifties", AG_LEVEL_ACTOR, AG_TIES_POSITIVE);
    g = reparse(&e.in);
    /* Conflictual dyads leave the dyad graph; their actors stay. */
    assert_int_equal(agnnodes(g), 7);
    assert_int_equal(count_edges(g), 5 + 2);
    assert_string_equal(eattr(g, "AAA", "BBB", "sign"), "cooperative");
    assert_string_equal(eattr(g, "AAA", "BBB", "W"), "3");
    assert_null(agedge(g, agnode(g, (char *)"BBB", 0), agnode(g, (char *)"CCC", 0), NULL, 0));
    assert_non_null(strstr(eattr(g, "AAA", "BBB", "tooltip"), "rivalry -2 [fn 2] (left out: ties positive)"));
    assert_non_null(strstr(agget(g, (char *)"label"), "positive ties only"));
    agclose(g);
    era_close(&e);
}

static void test_empty_era(void **state)
{
    era_t e;
    Agraph_t *g;
    size_t len;
    char *svg;
    (void)state;
    era_open(&e, &small, "quiet", AG_LEVEL_ACTOR, AG_TIES_ALL);
    g = reparse(&e.in);
    assert_int_equal(agnnodes(g), 0);
    assert_non_null(strstr(agget(g, (char *)"label"), "no relations in this period"));
    agclose(g);
    svg = render(&e.in, AG_RENDER_SVG, NULL, &len);
    assert_non_null(strstr(svg, "A quiet time"));
    free(svg);
    era_close(&e);
}

static void test_without_metrics(void **state)
{
    era_t e;
    Agraph_t *g;
    size_t len;
    char *svg;
    (void)state;
    era_open(&e, &small, "fifties", AG_LEVEL_ACTOR, AG_TIES_ALL);
    e.in.metrics = NULL;
    e.in.summary = NULL;
    g = reparse(&e.in);
    /* Every node at its kind's base size, no fills. */
    assert_string_equal(nattr(g, "CCC", "width"), "0.80");
    assert_string_equal(nattr(g, "CCC", "fillcolor"), AG_I_STYLE_FILL_NONE);
    assert_string_equal(nattr(g, "CCC", "community"), "");
    agclose(g);
    svg = render(&e.in, AG_RENDER_SVG, NULL, &len);
    assert_non_null(strstr(svg, "</svg>"));
    free(svg);
    era_close(&e);
}

/* Undoes ag_i_sbuf_esc (for text without line breaks). */
static void unescape(const char *s, char *out)
{
    while (*s) {
        if (*s == '\\' && s[1]) {
            *out++ = s[1];
            s += 2;
        } else if (strncmp(s, "&amp;", 5) == 0) {
            *out++ = '&';
            s += 5;
        } else {
            *out++ = *s++;
        }
    }
    *out = '\0';
}

static void test_escape_dot(void **state)
{
    era_t e;
    Agraph_t *g;
    (void)state;
    era_open(&e, &esc, "all", AG_LEVEL_ACTOR, AG_TIES_ALL);
    g = reparse(&e.in);
    assert_int_equal(agnnodes(g), 5);
    for (size_t a = 0; a < esc.n_actors; a++) {
        char name[256];
        const char *label = nattr(g, esc.actors[a].id, "label");
        unescape(label, name);
        assert_string_equal(name, esc.actors[a].name);
    }
    /* As written for Graphviz: backslashes doubled, & as an entity. */
    assert_string_equal(nattr(g, "BS", "label"), "Back\\\\slash\\\\\\\\N");
    assert_string_equal(nattr(g, "AMP", "label"), "AT&amp;T R&amp;D");
    assert_string_equal(nattr(g, "Q", "label"), "Dr \"Q\"");
    assert_string_equal(nattr(g, "LT", "label"), "<Tag> &amp; Co");
    assert_string_equal(nattr(g, "E", "label"), "\u00C9milie \u00C7a");
    /* Tooltips are unescaped twice by Graphviz: four backslashes. */
    assert_non_null(strstr(nattr(g, "BS", "tooltip"), "Back\\\\\\\\slash\\\\\\\\\\\\\\\\N (BS)"));
    /* The era's name in the HTML title. */
    assert_non_null(strstr(agget(g, (char *)"label"),
                           "Everything &quot;quoted&quot; &amp; &lt;escaped&gt; \\ \u00E9"));
    agclose(g);
    era_close(&e);
}

/* Graphviz 2.42 writes the text "-." bare, as though a number, and can't
 * read it back (found by fuzz_escape): the DOT text quotes it, as a node
 * name (a valid actor id), a label and an edge's end, and leaves it alone
 * inside quoted and HTML-like strings, a string ending in a backslash
 * included (fuzz_escape again, on the first version of the fix). */
static void test_dot_dash_dot(void **state)
{
    Agraph_t *g = agopen((char *)"g", Agundirected, NULL), *h;
    Agnode_t *a, *b;
    char *dot = NULL;
    size_t len = 0;
    ag_error_t err;
    (void)state;
    a = agnode(g, (char *)"-.", 1);
    b = agnode(g, (char *)"x", 1);
    ag_i_gv_set(a, "label", "-.");
    ag_i_gv_set(b, "label", "ends in \\\\");
    ag_i_gv_set(b, "tooltip", "say \"-.\" -. b");
    assert_int_equal(ag_i_gv_set_html(g, b, "xlabel", "<b>-.</b>"), 0);
    agedge(g, b, a, NULL, 1);
    assert_int_equal(ag_i_gv_dot_text(g, &dot, &len, &err), AG_OK);
    assert_int_equal(strlen(dot), len);
    h = agmemread(dot);
    assert_non_null(h);
    assert_int_equal(agnnodes(h), 2);
    assert_int_equal(agnedges(h), 1);
    a = agnode(h, (char *)"-.", 0);
    b = agnode(h, (char *)"x", 0);
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(agget(a, (char *)"label"), "-.");
    assert_string_equal(agget(b, (char *)"label"), "ends in \\\\");
    assert_string_equal(agget(b, (char *)"tooltip"), "say \"-.\" -. b");
    assert_string_equal(agget(b, (char *)"xlabel"), "<b>-.</b>");
    agclose(h);
    agclose(g);
    free(dot);
}

static void test_escape_svg(void **state)
{
    era_t e;
    size_t len;
    char *svg;
    (void)state;
    era_open(&e, &esc, "all", AG_LEVEL_ACTOR, AG_TIES_ALL);
    svg = render(&e.in, AG_RENDER_SVG, NULL, &len);
    /* Each name intact as XML text (xmllint checks well-formedness in
     * tests/cli/render.sh). */
    assert_non_null(strstr(svg, ">Dr &quot;Q&quot;</text>"));
    assert_non_null(strstr(svg, ">Back\\slash\\\\N</text>"));
    assert_non_null(strstr(svg, ">&lt;Tag&gt; &amp; Co</text>"));
    assert_non_null(strstr(svg, ">AT&amp;T R&amp;D</text>"));
    assert_non_null(strstr(svg, ">\u00C9milie \u00C7a</text>"));
    assert_non_null(strstr(svg, ">Everything &quot;quoted&quot; &amp; &lt;escaped&gt; \\ \u00E9</text>"));
    /* And in tooltips, with line breaks. */
    assert_non_null(strstr(svg, "xlink:title=\"Back\\slash\\\\N (BS)&#10;state"));
    assert_non_null(strstr(svg, "[p. 1 &quot;quoted&quot; \\ &lt;cite&gt; &amp; more]"));
    free(svg);
    era_close(&e);
}

/* The same input gives the same bytes, in every format. */
static void test_deterministic(void **state)
{
    static const ag_render_format_t fmts[] = { AG_RENDER_DOT, AG_RENDER_SVG, AG_RENDER_PNG,
                                               AG_RENDER_PDF };
    era_t e;
    (void)state;
    era_open(&e, &small, "fifties", AG_LEVEL_ACTOR, AG_TIES_ALL);
    for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
        size_t n1, n2;
        char *a = render(&e.in, fmts[i], NULL, &n1);
        char *b = render(&e.in, fmts[i], NULL, &n2);
        assert_int_equal(n1, n2);
        assert_memory_equal(a, b, n1);
        switch (fmts[i]) {
        case AG_RENDER_SVG: assert_non_null(strstr(a, "<svg")); break;
        case AG_RENDER_PNG: assert_memory_equal(a, "\x89PNG\r\n\x1a\n", 8); break;
        case AG_RENDER_PDF:
            assert_memory_equal(a, "%PDF-", 5);
            assert_null(memmem(a, n1, "/CreationDate", 13));
            break;
        case AG_RENDER_DOT: break;
        }
        free(a);
        free(b);
    }
    era_close(&e);
}

static void test_engines(void **state)
{
    static const char *const engines[] = { "neato", "fdp", "sfdp", "dot", "circo" };
    era_t e;
    (void)state;
    era_open(&e, &small, "fifties", AG_LEVEL_ACTOR, AG_TIES_ALL);
    for (size_t i = 0; i < sizeof engines / sizeof engines[0]; i++) {
        size_t len;
        char *svg = render(&e.in, AG_RENDER_SVG, engines[i], &len);
        assert_non_null(strstr(svg, "</svg>"));
        assert_non_null(strstr(svg, ">Carpania</text>"));
        free(svg);
    }
    era_close(&e);
}

static void test_bad_engine(void **state)
{
    era_t e;
    ag_render_opts_t o;
    ag_error_t err;
    char *data = (char *)"x";
    size_t len = 1;
    (void)state;
    era_open(&e, &small, "fifties", AG_LEVEL_ACTOR, AG_TIES_ALL);
    ag_render_opts_default(&o);
    o.engine = "twopi2";
    assert_int_equal(ag_render(&e.in, &o, &data, &len, &err), AG_EUSAGE);
    assert_null(data);
    assert_string_equal(err.msg, "unknown layout engine 'twopi2' (neato, fdp, sfdp, dot or circo)");
    era_close(&e);
}

static void test_render_file(void **state)
{
    era_t e;
    ag_render_opts_t o;
    ag_error_t err;
    char path[] = "/tmp/ag-test-render.XXXXXX";
    char *want, *got;
    size_t n, m;
    FILE *fp;
    int fd = mkstemp(path);
    (void)state;
    assert_true(fd >= 0);
    close(fd);
    era_open(&e, &small, "fifties", AG_LEVEL_ACTOR, AG_TIES_ALL);
    ag_render_opts_default(&o);
    assert_int_equal(ag_render_file(&e.in, &o, path, &err), AG_OK);
    want = render(&e.in, AG_RENDER_SVG, NULL, &n);
    got = malloc(n + 1);
    assert_non_null(fp = fopen(path, "rb"));
    m = fread(got, 1, n + 1, fp);
    fclose(fp);
    assert_int_equal(m, n);
    assert_memory_equal(got, want, n);
    free(got);
    free(want);
    unlink(path);
    /* A folder that does not exist: AG_EIO, nothing written. */
    assert_int_equal(ag_render_file(&e.in, &o, "/nonexistent/dir/x.svg", &err), AG_EIO);
    era_close(&e);
}

static void test_names(void **state)
{
    (void)state;
    assert_int_equal(ag_render_format_parse("svg"), AG_RENDER_SVG);
    assert_int_equal(ag_render_format_parse("dot"), AG_RENDER_DOT);
    assert_int_equal(ag_render_format_parse("jpeg"), -1);
    assert_string_equal(ag_render_format_ext(AG_RENDER_PNG), "png");
    assert_true(ag_render_engine_valid("circo"));
    assert_false(ag_render_engine_valid("twopi"));
}

static void test_sbuf_escapes(void **state)
{
    ag_i_sbuf_t b;
    (void)state;
    ag_i_sbuf_init(&b);
    assert_string_equal(ag_i_sbuf_str(&b), "");
    ag_i_sbuf_esc(&b, "a\\b&c\"<\n");
    assert_string_equal(ag_i_sbuf_str(&b), "a\\\\b&amp;c\"<\\n");
    ag_i_sbuf_clear(&b);
    ag_i_sbuf_tip(&b, "a\\b&c");
    assert_string_equal(ag_i_sbuf_str(&b), "a\\\\\\\\b&amp;c");
    ag_i_sbuf_clear(&b);
    ag_i_sbuf_html(&b, "<a href=\"x\">&</a>\\");
    assert_string_equal(ag_i_sbuf_str(&b), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;\\");
    ag_i_sbuf_clear(&b);
    ag_i_sbuf_addf(&b, "%d-%s", 42, "x");
    assert_string_equal(ag_i_sbuf_str(&b), "42-x");
    assert_false(b.oom);
    ag_i_sbuf_destroy(&b);
}

/* ag_i_sbuf_take hands the text over, "" for an empty string, and NULL
 * once memory ran out, so that a truncated text is never taken. */
static void test_sbuf_take(void **state)
{
    ag_i_sbuf_t b = { 0 };
    char *s;
    (void)state;
    s = ag_i_sbuf_take(&b);
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
    ag_i_sbuf_addf(&b, "%s, %s", "a", "b");
    s = ag_i_sbuf_take(&b);
    assert_string_equal(s, "a, b");
    free(s);
    assert_null(b.s);
    assert_int_equal(b.len, 0);
    ag_i_sbuf_add(&b, "kept");
    b.oom = true; /* as a later append that failed would leave it */
    ag_i_sbuf_add(&b, " lost");
    assert_string_equal(ag_i_sbuf_str(&b), "kept");
    assert_null(ag_i_sbuf_take(&b));
    assert_null(b.s);
    assert_false(b.oom);
    ag_i_sbuf_destroy(&b);
}

int main(void)
{
    ag_init(NULL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dot_nodes),
        cmocka_unit_test(test_dot_edges),
        cmocka_unit_test(test_dot_state_level),
        cmocka_unit_test(test_dot_positive_ties),
        cmocka_unit_test(test_empty_era),
        cmocka_unit_test(test_without_metrics),
        cmocka_unit_test(test_escape_dot),
        cmocka_unit_test(test_dot_dash_dot),
        cmocka_unit_test(test_escape_svg),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_engines),
        cmocka_unit_test(test_bad_engine),
        cmocka_unit_test(test_render_file),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_sbuf_escapes),
        cmocka_unit_test(test_sbuf_take),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
