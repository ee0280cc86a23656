/*
 * render_style.c: the visual language of era diagrams: shapes, sizes,
 * fills, colours, widths, line styles, and the texts of labels, tooltips,
 * title and legend (see render_style.h; the rules are listed in render.h).
 */
#include "draw/render_style.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

/* ---- escaped text ---- */

void ag_i_sbuf_esc(ag_i_sbuf_t *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\\': ag_i_sbuf_add(b, "\\\\"); break;
        case '&': ag_i_sbuf_add(b, "&amp;"); break;
        case '\n': ag_i_sbuf_add(b, "\\n"); break;
        case '\r': break;
        case '\t': ag_i_sbuf_add(b, " "); break;
        default: ag_i_sbuf_addn(b, s, 1); break;
        }
    }
}

void ag_i_sbuf_tip(ag_i_sbuf_t *b, const char *s)
{
    /* Graphviz reads a tooltip twice: once dropping the backslash of any
     * escape (\n becomes a line break), then substituting \N, \G... and
     * \\; a backslash survives both only as four. */
    for (; *s; s++) {
        switch (*s) {
        case '\\': ag_i_sbuf_add(b, "\\\\\\\\"); break;
        case '&': ag_i_sbuf_add(b, "&amp;"); break;
        case '\n': ag_i_sbuf_add(b, "\\n"); break;
        case '\r': break;
        case '\t': ag_i_sbuf_add(b, " "); break;
        default: ag_i_sbuf_addn(b, s, 1); break;
        }
    }
}

/* ---- numbers ---- */

/* Short numbers for people: 4 significant digits, no -0, no 1e-17. */
static const char *num(double v, char buf[32])
{
    if (fabs(v) < 1e-10)
        v = 0.0;
    snprintf(buf, 32, "%.4g", v);
    return buf;
}

/* Characters (not bytes) of a UTF-8 string. */
static size_t text_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            w++;
    return w;
}

/* ---- actors ---- */

const char *ag_i_style_shape(ag_kind_t kind)
{
    switch (kind) {
    case AG_KIND_STATE: return "ellipse";
    case AG_KIND_ORGANISATION: return "box";
    case AG_KIND_GROUP: return "hexagon";
    case AG_KIND_AGENCY: return "house";
    case AG_KIND_LEADER: return "box"; /* with rounded corners: a pill */
    case AG_KIND_COUNT: break;
    }
    return "ellipse";
}

const char *ag_i_style_node_style(ag_kind_t kind)
{
    return kind == AG_KIND_LEADER ? "rounded,filled" : "filled";
}

/* The legend's sample of a kind's shape: a glyph for curved shapes, a
 * small drawn box for the boxes (no font has a pill glyph). */
static void shape_sample(ag_i_sbuf_t *b, ag_kind_t kind)
{
    const char *glyph = NULL;
    switch (kind) {
    case AG_KIND_STATE: glyph = "\u25CF"; break;  /* black circle */
    case AG_KIND_GROUP: glyph = "\u2B22"; break;  /* black hexagon */
    case AG_KIND_AGENCY: glyph = "\u2B1F"; break; /* black pentagon */
    case AG_KIND_ORGANISATION:
    case AG_KIND_LEADER:
    case AG_KIND_COUNT: break;
    }
    if (glyph) {
        ag_i_sbuf_addf(b, "<TD><FONT POINT-SIZE=\"16\" COLOR=\"#666666\">%s</FONT></TD>", glyph);
        return;
    }
    ag_i_sbuf_addf(b,
                 "<TD><TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR>"
                 "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"11\" BORDER=\"1\" "
                 "COLOR=\"#333333\" BGCOLOR=\"#666666\"%s></TD></TR>\n</TABLE></TD>",
                 kind == AG_KIND_LEADER ? 20 : 13,
                 kind == AG_KIND_LEADER ? " STYLE=\"rounded\"" : "");
}

/* What the legend calls each kind. */
static const char *kind_text(ag_kind_t kind)
{
    switch (kind) {
    case AG_KIND_STATE: return "state";
    case AG_KIND_ORGANISATION: return "organisation";
    case AG_KIND_GROUP: return "armed or political group";
    case AG_KIND_AGENCY: return "agency";
    case AG_KIND_LEADER: return "leader or official";
    case AG_KIND_COUNT: break;
    }
    return "actor";
}

void ag_i_style_node_size(ag_kind_t kind, double s, double *width, double *height,
                        double *fontsize)
{
    /* Base sizes fit a one-line label; the metric adds up to about three
     * times the area and larger type, so central actors stand out even
     * when their names are short. */
    double w0 = kind == AG_KIND_LEADER ? 0.9 : 0.8;
    double h0 = kind == AG_KIND_LEADER || kind == AG_KIND_AGENCY ? 0.55 : 0.45;
    if (!(s > 0))
        s = 0;
    if (s > 1)
        s = 1;
    *width = w0 + 1.1 * s;
    *height = h0 + 0.6 * s;
    *fontsize = 11 + 9 * s;
}

const char *ag_i_style_fill(long k)
{
    /* Paul Tol's "light" scheme: colour-blind safe, pale enough for black
     * text, distinct from the blue and vermillion of the edges. */
    static const char *const fills[AG_I_STYLE_FILLS] = {
        "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF",
        "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD",
    };
    return k < 0 ? AG_I_STYLE_FILL_NONE : fills[k % AG_I_STYLE_FILLS];
}

static bool is_acronym(const char *id)
{
    size_t n = 0;
    for (; id[n]; n++)
        if (!((id[n] >= 'A' && id[n] <= 'Z') || (id[n] >= '0' && id[n] <= '9')))
            return false;
    return n >= 2;
}

void ag_i_style_node_label(ag_i_sbuf_t *b, const ag_actor_t *a)
{
    const char *name = *a->name ? a->name : a->id;
    const size_t max_line = 16;
    size_t line = 0;

    if (a->kind == AG_KIND_ORGANISATION && text_width(name, strlen(name)) > 20 &&
        is_acronym(a->id)) {
        ag_i_sbuf_esc(b, a->id);
        return;
    }
    if (text_width(name, strlen(name)) <= 18) {
        ag_i_sbuf_esc(b, name);
        return;
    }
    /* Greedy wrap at spaces; a word longer than a line stays whole. */
    for (const char *p = name; *p;) {
        const char *end = p;
        char *word;
        size_t w;
        while (*end && *end != ' ')
            end++;
        w = text_width(p, (size_t)(end - p));
        if (w > 0) {
            if (line > 0 && line + 1 + w > max_line) {
                ag_i_sbuf_add(b, "\\n");
                line = 0;
            } else if (line > 0) {
                ag_i_sbuf_add(b, " ");
                line++;
            }
            word = ag_i_strndup(p, (size_t)(end - p));
            if (!word) {
                b->oom = true;
                return;
            }
            ag_i_sbuf_esc(b, word);
            free(word);
            line += w;
        }
        p = *end ? end + 1 : end;
    }
}

/* ---- dyads ---- */

/* The weight a relation counts with under the ties, 0 if left out
 * (METHODS, "Slicing and graphs", 7). */
static double kept_weight(ag_ties_t ties, const ag_relation_t *r)
{
    double w = r->sign * r->weight;
    switch (ties) {
    case AG_TIES_POSITIVE: return w > 0 ? w : 0;
    case AG_TIES_NEGATIVE: return w < 0 ? -w : 0;
    case AG_TIES_ALL: break;
    }
    return fabs(w);
}

static ag_i_line_t line_of(const char *style)
{
    if (strcmp(style, "dashed") == 0)
        return AG_I_LINE_DASHED;
    if (strcmp(style, "dotted") == 0)
        return AG_I_LINE_DOTTED;
    return AG_I_LINE_SOLID;
}

const char *ag_i_line_name(ag_i_line_t line)
{
    return line == AG_I_LINE_DASHED ? "dashed" : line == AG_I_LINE_DOTTED ? "dotted" : "solid";
}

void ag_i_style_edge(const ag_era_graph_t *g, const ag_dyad_t *y, ag_i_edge_style_t *st)
{
    const ag_dataset_t *ds = g->ds;
    bool pos = false, neg = false;
    double best = 0;
    double pw;

    st->dominant = -1;
    for (size_t i = 0; i < y->n_rels; i++) {
        const ag_relation_t *r = &ds->relations[y->rels[i]];
        double sum = 0;
        if (kept_weight(g->opts.ties, r) <= 0)
            continue;
        if (r->sign > 0)
            pos = true;
        else
            neg = true;
        /* A dyad has a handful of relations: summing per type by rescanning
         * is cheaper than a table per dyad. */
        for (size_t j = 0; j < y->n_rels; j++) {
            const ag_relation_t *q = &ds->relations[y->rels[j]];
            if (q->type == r->type)
                sum += kept_weight(g->opts.ties, q);
        }
        if (sum > best || (sum == best && r->type < st->dominant)) {
            best = sum;
            st->dominant = r->type;
        }
    }
    st->sign = pos && neg ? AG_I_SIGN_MIXED : neg ? AG_I_SIGN_CONFLICTUAL : AG_I_SIGN_COOPERATIVE;
    st->line = st->dominant >= 0 ? line_of(ds->types[st->dominant].style) : AG_I_LINE_SOLID;
    /* Width grows with the square root of W: a dyad of twenty relations
     * must not drown the rest. */
    pw = 1.2 * sqrt(y->W);
    if (pw < 1)
        pw = 1;
    if (pw > 7)
        pw = 7;
    switch (st->sign) {
    case AG_I_SIGN_COOPERATIVE: st->color = AG_I_STYLE_COOPERATIVE; break;
    case AG_I_SIGN_CONFLICTUAL: st->color = AG_I_STYLE_CONFLICTUAL; break;
    case AG_I_SIGN_MIXED:
        /* Two parallel lines, one of each colour; each a little thinner so
         * that the pair is about as wide as a single line of that W. */
        st->color = AG_I_STYLE_COOPERATIVE ":" AG_I_STYLE_CONFLICTUAL;
        pw = pw * 0.6 < 1 ? 1 : pw * 0.6;
        break;
    }
    /* Dots of a thin line vanish, especially in pale print. */
    if (st->line == AG_I_LINE_DOTTED && pw < 1.8)
        pw = 1.8;
    st->penwidth = pw;
    st->len = 1.0;
    /* Direction where it matters: a directed dominant type whose kept
     * relations here all start on one side. */
    st->toward = -1;
    if (st->dominant >= 0 && ds->types[st->dominant].directed) {
        long from = -1;
        bool one_way = true;
        for (size_t i = 0; i < y->n_rels && one_way; i++) {
            const ag_relation_t *r = &ds->relations[y->rels[i]];
            long s;
            if (r->type != st->dominant || kept_weight(g->opts.ties, r) <= 0)
                continue;
            s = g->vertex_of[ag_rollup(ds, g->opts.level, r->source)];
            if (from >= 0 && s != from)
                one_way = false;
            from = s;
        }
        if (one_way && (from == y->u || from == y->v))
            st->toward = from == y->u ? y->v : y->u;
    }
}

long ag_i_style_anchor(const ag_era_graph_t *g, long v)
{
    const ag_dataset_t *ds = g->ds;
    long a = g->actor[v];
    ag_kind_t k = ds->actors[a].kind;
    if (g->opts.level != AG_LEVEL_ACTOR || (k != AG_KIND_LEADER && k != AG_KIND_AGENCY))
        return -1;
    /* At most n_actors steps, as ag_dataset_top_parent. */
    for (size_t step = 0; step < ds->n_actors; step++) {
        a = ds->actors[a].parent;
        if (a < 0)
            return -1;
        if (g->vertex_of[a] >= 0)
            return g->vertex_of[a];
    }
    return -1;
}

/* ---- the era ---- */

void ag_i_style_era_destroy(ag_i_style_era_t *e)
{
    if (!e)
        return;
    free(e->community_fill);
    for (int m = 0; m < AG_M_COUNT; m++)
        free(e->ranks[m]);
    free(e->dominant_used);
    memset(e, 0, sizeof *e);
}

ag_status_t ag_i_style_era_init(ag_i_style_era_t *e, const ag_era_graph_t *g,
                              const ag_era_t *era, const ag_metrics_t *metrics,
                              const ag_summary_t *summary, ag_metric_t size_by,
                              ag_error_t *err)
{
    const ag_dataset_t *ds = g->ds;
    size_t n1 = g->n ? g->n : 1;
    long *members = NULL, *fill_of = NULL;
    ag_status_t rc = AG_OK;

    memset(e, 0, sizeof *e);
    e->g = g;
    e->era = era;
    e->metrics = metrics;
    e->summary = summary;
    e->size_by = size_by;
    e->community_fill = malloc(n1 * sizeof *e->community_fill);
    e->dominant_used = calloc(ds->n_types ? ds->n_types : 1, sizeof *e->dominant_used);
    if (!e->community_fill || !e->dominant_used)
        goto oom;

    if (metrics && metrics->value[size_by])
        for (size_t v = 0; v < g->n; v++)
            if (metrics->value[size_by][v] > e->size_max)
                e->size_max = metrics->value[size_by][v];
    if (metrics)
        for (int m = 0; m < AG_M_COUNT; m++) {
            if (!metrics->value[m] || g->n == 0)
                continue;
            e->ranks[m] = malloc(g->n * sizeof *e->ranks[m]);
            if (!e->ranks[m])
                goto oom;
            if ((rc = ag_rank(metrics->value[m], g->n, e->ranks[m], err)) != AG_OK)
                goto fail;
        }

    /* Fills: communities with more than one member, numbered in the
     * summary's order (that of each community's first vertex). */
    for (size_t v = 0; v < g->n; v++)
        e->community_fill[v] = AG_I_STYLE_FILL_NONE;
    if (summary && summary->membership && g->n > 0) {
        members = calloc(n1, sizeof *members);
        fill_of = malloc(n1 * sizeof *fill_of);
        if (!members || !fill_of)
            goto oom;
        for (size_t v = 0; v < g->n; v++) {
            long c = summary->membership[v];
            if (c >= 0 && (size_t)c < g->n)
                members[c]++;
        }
        for (size_t c = 0; c < g->n; c++)
            fill_of[c] = members[c] > 1 ? e->n_fills++ : -1;
        for (size_t v = 0; v < g->n; v++) {
            long c = summary->membership[v];
            if (c >= 0 && (size_t)c < g->n)
                e->community_fill[v] = ag_i_style_fill(fill_of[c]);
        }
    }

    for (size_t v = 0; v < g->n; v++) {
        e->kinds_used[ds->actors[g->actor[v]].kind] = true;
        if (ag_i_style_anchor(g, (long)v) >= 0 &&
            ag_era_graph_find_dyad(g, (long)v, ag_i_style_anchor(g, (long)v)) < 0)
            e->acts_for++;
    }
    for (size_t d = 0; d < g->n_dyads; d++) {
        const ag_dyad_t *y = &g->dyads[d];
        ag_i_edge_style_t st;
        if (y->edge < 0)
            continue;
        ag_i_style_edge(g, y, &st);
        e->n_sign[st.sign]++;
        e->lines_used[st.line] = true;
        if (st.toward >= 0)
            e->arrows++;
        if (st.dominant >= 0)
            e->dominant_used[st.dominant] = true;
        if (e->w_max == 0 || y->W < e->w_min)
            e->w_min = y->W;
        if (y->W > e->w_max)
            e->w_max = y->W;
    }
    free(members);
    free(fill_of);
    return AG_OK;

oom:
    rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
fail:
    free(members);
    free(fill_of);
    ag_i_style_era_destroy(e);
    return rc;
}

double ag_i_style_era_scale(const ag_i_style_era_t *e, long v)
{
    double x;
    if (!e->metrics || !e->metrics->value[e->size_by] || !(e->size_max > 0))
        return 0;
    x = e->metrics->value[e->size_by][v] / e->size_max;
    return x > 0 ? sqrt(x) : 0;
}

/* ---- tooltips ---- */

/* An actor's name and id, as "Pakistan (PAK)". */
static void name_and_id(ag_i_sbuf_t *b, const ag_actor_t *a)
{
    ag_i_sbuf_tip(b, *a->name ? a->name : a->id);
    if (strcmp(a->name, a->id) != 0) {
        ag_i_sbuf_add(b, " (");
        ag_i_sbuf_tip(b, a->id);
        ag_i_sbuf_add(b, ")");
    }
}

void ag_i_style_node_tooltip(ag_i_sbuf_t *b, const ag_i_style_era_t *e, long v)
{
    const ag_era_graph_t *g = e->g;
    const ag_dataset_t *ds = g->ds;
    const ag_actor_t *a = &ds->actors[g->actor[v]];
    char buf[32];

    name_and_id(b, a);
    ag_i_sbuf_addf(b, "\\n%s", ag_kind_name(a->kind));
    if (a->parent >= 0 && g->opts.level == AG_LEVEL_ACTOR) {
        ag_i_sbuf_add(b, ", acts for ");
        ag_i_sbuf_tip(b, ds->actors[a->parent].name);
    }
    if (e->summary && e->summary->membership) {
        const char *fill = e->community_fill[v];
        if (strcmp(fill, AG_I_STYLE_FILL_NONE) == 0)
            ag_i_sbuf_add(b, "\\nin no bloc with others");
        else
            ag_i_sbuf_addf(b, "\\nbloc %ld of %ld%s", e->summary->membership[v] + 1,
                           e->summary->communities,
                           e->summary->bloc_level != g->opts.level ? " (blocs of states)" : "");
    }
    if (e->metrics) {
        for (int m = 0; m < AG_M_COUNT; m++) {
            if (!e->metrics->value[m])
                continue;
            ag_i_sbuf_addf(b, "\\n%s %s", ag_metric_name((ag_metric_t)m),
                         num(e->metrics->value[m][v], buf));
            if (e->ranks[m])
                ag_i_sbuf_addf(b, " (rank %ld of %zu)", e->ranks[m][v], g->n);
        }
    }
}

void ag_i_style_edge_tooltip(ag_i_sbuf_t *b, const ag_i_style_era_t *e, const ag_dyad_t *y)
{
    const ag_era_graph_t *g = e->g;
    const ag_dataset_t *ds = g->ds;
    ag_i_edge_style_t st;
    char b1[32], b2[32], b3[32], b4[32];
    static const char *const sign_text[] = { "cooperative", "conflictual", "mixed" };

    ag_i_style_edge(g, y, &st);
    name_and_id(b, &ds->actors[g->actor[y->u]]);
    ag_i_sbuf_add(b, " \u2013 ");
    name_and_id(b, &ds->actors[g->actor[y->v]]);
    ag_i_sbuf_addf(b, "\\n%s, W %s: cooperative %s, conflictual %s (net %s)",
                 sign_text[st.sign], num(y->W, b1), num(y->pos, b2), num(y->neg, b3),
                 num(y->net, b4));
    if (st.dominant >= 0) {
        ag_i_sbuf_add(b, "; line style of ");
        ag_i_sbuf_tip(b, ds->types[st.dominant].id);
    }
    ag_i_sbuf_addf(b, "\\n%zu relation%s:", y->n_rels, y->n_rels == 1 ? "" : "s");
    for (size_t i = 0; i < y->n_rels; i++) {
        const ag_relation_t *r = &ds->relations[y->rels[i]];
        const ag_type_t *t = &ds->types[r->type];
        ag_i_sbuf_add(b, "\\n");
        ag_i_sbuf_tip(b, r->date_text);
        ag_i_sbuf_add(b, " \u00B7 ");
        ag_i_sbuf_tip(b, ds->actors[r->source].id);
        ag_i_sbuf_add(b, t->directed ? " \u2192 " : " \u2013 ");
        ag_i_sbuf_tip(b, ds->actors[r->target].id);
        ag_i_sbuf_add(b, " ");
        ag_i_sbuf_tip(b, t->id);
        ag_i_sbuf_addf(b, " %c%s", r->sign > 0 ? '+' : '-', num(r->weight, b1));
        if (*r->cite) {
            ag_i_sbuf_add(b, " [");
            ag_i_sbuf_tip(b, r->cite);
            ag_i_sbuf_add(b, "]");
        }
        if (kept_weight(g->opts.ties, r) <= 0)
            ag_i_sbuf_addf(b, " (left out: ties %s)", ag_ties_name(g->opts.ties));
    }
}

/* ---- title and legend ---- */

/* A legend cell drawing a line sample of the given colour and style.
 * Fixed-size cells must hold their border and padding, or Graphviz 2.4x
 * warns and may fail an assertion. */
static void line_sample(ag_i_sbuf_t *b, const char *color, const char *style, double width)
{
    ag_i_sbuf_addf(b,
                 "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"40\" HEIGHT=\"14\" SIDES=\"B\" "
                 "BORDER=\"%d\" COLOR=\"%s\" STYLE=\"%s\"></TD>",
                 (int)lround(width), color, style);
}

/* Two parallel lines, as mixed dyads are drawn. */
static void mixed_sample(ag_i_sbuf_t *b)
{
    ag_i_sbuf_add(b,
                "<TD><TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
                "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"40\" HEIGHT=\"8\" SIDES=\"B\" BORDER=\"2\" "
                "COLOR=\"" AG_I_STYLE_COOPERATIVE "\"></TD></TR>\n"
                "<TR><TD FIXEDSIZE=\"TRUE\" WIDTH=\"40\" HEIGHT=\"4\" SIDES=\"B\" BORDER=\"2\" "
                "COLOR=\"" AG_I_STYLE_CONFLICTUAL "\"></TD></TR>\n"
                "</TABLE></TD>");
}

/*
 * The legend is a grid: three columns (actors, ties, line styles) of rows
 * made of a sample and its text, so that rows line up across columns and
 * none is stretched to the height of another column.
 */
#define LEGEND_ROWS 16
typedef struct {
    ag_i_sbuf_t cell[LEGEND_ROWS];
    int n;
} legend_col_t;

/* The next row of a column; its two cells go into the returned buffer. */
static ag_i_sbuf_t *legend_row(legend_col_t *c)
{
    /* The columns below have at most 8 rows; a ninth would be a bug, and
     * overwriting the last row keeps the legend well-formed anyway. */
    if (c->n == LEGEND_ROWS)
        c->n--;
    return &c->cell[c->n++];
}

static void text_cell(ag_i_sbuf_t *b, const char *html)
{
    ag_i_sbuf_addf(b, "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">%s</TD>", html);
}

static void heading(legend_col_t *c, const char *text)
{
    ag_i_sbuf_addf(legend_row(c), "<TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>%s</B></TD>", text);
}

/* What a metric measures, in a few words for the legend (docs/METHODS.md
 * has the definitions). */
static const char *metric_gloss(ag_metric_t m)
{
    switch (m) {
    case AG_M_DEGREE: return "(number of partners)";
    case AG_M_STRENGTH: return "(summed weight of its ties)";
    case AG_M_BETWEENNESS: return "(how often it lies between others)";
    case AG_M_HARMONIC: return "(how close it is to all others)";
    case AG_M_EIGENVECTOR: return "(ties to well-tied actors)";
    case AG_M_IN_DEGREE: return "(relations it receives)";
    case AG_M_OUT_DEGREE: return "(relations it initiates)";
    case AG_M_PAGERANK: return "(relations from important actors)";
    case AG_M_HUB: return "(relations towards authorities)";
    case AG_M_AUTHORITY: return "(relations from hubs)";
    case AG_M_PN: return "(allies, less enemies, near and far)";
    case AG_M_COUNT: break;
    }
    return "";
}

/* Column 1: what the nodes mean. */
static void legend_actors(legend_col_t *c, const ag_i_style_era_t *e)
{
    char b1[32];
    ag_i_sbuf_t *b;
    heading(c, "Actors: shape = kind");
    for (int k = 0; k < AG_KIND_COUNT; k++) {
        if (!e->kinds_used[k])
            continue;
        b = legend_row(c);
        shape_sample(b, (ag_kind_t)k);
        text_cell(b, kind_text((ag_kind_t)k));
    }
    b = legend_row(c);
    ag_i_sbuf_add(b, "<TD><FONT POINT-SIZE=\"9\" COLOR=\"#666666\">\u25CF</FONT>"
                   "<FONT POINT-SIZE=\"18\" COLOR=\"#666666\">\u25CF</FONT></TD>");
    if (e->size_max > 0)
        ag_i_sbuf_addf(b, "<TD ALIGN=\"LEFT\">size = %s (0 to %s)</TD>",
                     ag_metric_name(e->size_by), num(e->size_max, b1));
    else
        ag_i_sbuf_addf(b, "<TD ALIGN=\"LEFT\">size = %s (all 0 here)</TD>",
                     e->metrics ? ag_metric_name(e->size_by) : "kind only");
    if (e->metrics) {
        b = legend_row(c);
        ag_i_sbuf_add(b, "<TD></TD>");
        text_cell(b, metric_gloss(e->size_by));
    }
    if (e->summary && e->summary->membership) {
        b = legend_row(c);
        ag_i_sbuf_add(b, "<TD>");
        for (long k = 0; k < (e->n_fills < 3 ? e->n_fills : 3); k++)
            ag_i_sbuf_addf(b, "<FONT POINT-SIZE=\"14\" COLOR=\"%s\">\u25CF</FONT>",
                         ag_i_style_fill(k));
        if (e->n_fills == 0)
            ag_i_sbuf_add(b, "<FONT POINT-SIZE=\"14\" COLOR=\"#666666\">\u25CB</FONT>");
        ag_i_sbuf_add(b, "</TD>");
        text_cell(b, e->summary->bloc_level != e->g->opts.level
                         ? "fill = bloc of its state (allies together, enemies apart)"
                         : "fill = bloc (allies together, enemies apart)");
        b = legend_row(c);
        ag_i_sbuf_add(b, "<TD></TD>");
        text_cell(b, "(white: in no bloc with others)");
    }
}

/* Column 2: what the colour and width of the lines mean. */
static void legend_ties(legend_col_t *c, const ag_i_style_era_t *e)
{
    char b1[32], b2[32];
    ag_i_sbuf_t *b;
    heading(c, "Ties: one line per pair");
    if (e->n_sign[AG_I_SIGN_COOPERATIVE]) {
        b = legend_row(c);
        line_sample(b, AG_I_STYLE_COOPERATIVE, "solid", 2);
        text_cell(b, "cooperative");
    }
    if (e->n_sign[AG_I_SIGN_CONFLICTUAL]) {
        b = legend_row(c);
        line_sample(b, AG_I_STYLE_CONFLICTUAL, "solid", 2);
        text_cell(b, "conflictual");
    }
    if (e->n_sign[AG_I_SIGN_MIXED]) {
        b = legend_row(c);
        mixed_sample(b);
        text_cell(b, "mixed: both kinds of relation");
    }
    if (e->w_max > 0) {
        b = legend_row(c);
        line_sample(b, "#444444", "solid", 4);
        ag_i_sbuf_addf(b, "<TD ALIGN=\"LEFT\">width = summed weight W (%s to %s)</TD>",
                     num(e->w_min, b1), num(e->w_max, b2));
    }
    if (e->acts_for) {
        b = legend_row(c);
        line_sample(b, AG_I_STYLE_ACTS_FOR, "solid", 1);
        text_cell(b, "leader or agency and its state");
    }
    if (e->arrows) {
        b = legend_row(c);
        ag_i_sbuf_add(b, "<TD><FONT POINT-SIZE=\"16\" COLOR=\"#444444\">\u2192</FONT></TD>");
        text_cell(b, "one-way: its type's relations all go this way");
    }
}

/* Column 3: which relation types each line style stands for. A long list
 * goes on several rows of one line each, so that no row of the grid is
 * taller than a line. */
static void legend_lines(legend_col_t *c, const ag_i_style_era_t *e)
{
    const ag_dataset_t *ds = e->g->ds;
    ag_i_sbuf_t text;
    ag_i_sbuf_init(&text);
    heading(c, "Line style = strongest relation type");
    for (int l = 0; l < AG_I_LINE_COUNT; l++) {
        size_t line = 0;
        bool first_row = true;
        if (!e->lines_used[l])
            continue;
        ag_i_sbuf_clear(&text);
        for (size_t t = 0; t <= ds->n_types; t++) {
            const ag_type_t *ty = t < ds->n_types ? &ds->types[t] : NULL;
            const char *label = ty ? (*ty->label ? ty->label : ty->id) : "";
            size_t w = text_width(label, strlen(label));
            bool last = !ty;
            if (ty && (!e->dominant_used[t] || line_of(ty->style) != (ag_i_line_t)l))
                continue;
            /* Flush the line when the next label does not fit, or at the
             * end. */
            if (line > 0 && (last || line + 2 + w > 34)) {
                ag_i_sbuf_t *b = legend_row(c);
                if (!last)
                    ag_i_sbuf_add(&text, ",");
                if (first_row)
                    line_sample(b, "#444444", ag_i_line_name((ag_i_line_t)l), 2);
                else
                    ag_i_sbuf_add(b, "<TD></TD>");
                text_cell(b, ag_i_sbuf_str(&text));
                if (text.oom)
                    b->oom = true;
                ag_i_sbuf_clear(&text);
                first_row = false;
                line = 0;
            } else if (line > 0) {
                ag_i_sbuf_add(&text, ", ");
                line += 2;
            }
            if (last)
                break;
            ag_i_sbuf_html(&text, label);
            line += w;
        }
    }
    ag_i_sbuf_destroy(&text);
}

/* The three columns as one table, row by row; stacked: one column under
 * the other (a legend beside the diagram). */
static void legend(ag_i_sbuf_t *b, const ag_i_style_era_t *e, size_t edges, bool stacked)
{
    legend_col_t cols[3];
    int n_cols = 1, rows = 0;

    memset(cols, 0, sizeof cols);
    legend_actors(&cols[0], e);
    if (edges || e->acts_for)
        legend_ties(&cols[n_cols++], e);
    if (edges)
        legend_lines(&cols[n_cols++], e);
    for (int c = 0; c < n_cols; c++)
        if (cols[c].n > rows)
            rows = cols[c].n;

    ag_i_sbuf_add(b, "<TABLE BORDER=\"1\" COLOR=\"#BBBBBB\" CELLBORDER=\"0\" CELLSPACING=\"3\" "
                   "CELLPADDING=\"1\">\n");
    for (int c = 0; stacked && c < n_cols; c++)
        for (int r = 0; r < cols[c].n; r++) {
            /* A gap row between columns. */
            if (c > 0 && r == 0)
                ag_i_sbuf_add(b, "<TR><TD HEIGHT=\"6\" COLSPAN=\"4\"></TD></TR>\n");
            ag_i_sbuf_add(b, "<TR><TD WIDTH=\"6\"></TD>");
            ag_i_sbuf_add(b, ag_i_sbuf_str(&cols[c].cell[r]));
            ag_i_sbuf_add(b, "<TD WIDTH=\"6\"></TD></TR>\n");
        }
    for (int r = 0; !stacked && r < rows; r++) {
        ag_i_sbuf_add(b, "<TR>");
        for (int c = 0; c < n_cols; c++) {
            /* A spacer column keeps the columns apart. */
            ag_i_sbuf_add(b, c == 0 ? "<TD WIDTH=\"6\"></TD>" : "<TD WIDTH=\"22\"></TD>");
            if (r < cols[c].n)
                ag_i_sbuf_add(b, ag_i_sbuf_str(&cols[c].cell[r]));
            else
                ag_i_sbuf_add(b, "<TD></TD><TD></TD>");
        }
        ag_i_sbuf_add(b, "<TD WIDTH=\"6\"></TD></TR>\n");
    }
    ag_i_sbuf_add(b, "</TABLE>");
    for (int c = 0; c < 3; c++)
        for (int r = 0; r < LEGEND_ROWS; r++) {
            if (cols[c].cell[r].oom)
                b->oom = true;
            ag_i_sbuf_destroy(&cols[c].cell[r]);
        }
}

void ag_i_style_legend(ag_i_sbuf_t *b, const ag_i_style_era_t *e)
{
    size_t edges = e->n_sign[0] + e->n_sign[1] + e->n_sign[2];
    ag_i_sbuf_add(b, "<FONT POINT-SIZE=\"13\">");
    legend(b, e, edges, /* stacked = */ true);
    ag_i_sbuf_add(b, "</FONT>");
}

void ag_i_style_title_legend(ag_i_sbuf_t *b, const ag_i_style_era_t *e, bool with_legend,
                             const char *note)
{
    const ag_era_graph_t *g = e->g;
    const ag_dataset_t *ds = g->ds;
    size_t edges = e->n_sign[0] + e->n_sign[1] + e->n_sign[2];

    ag_i_sbuf_add(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">");
    /* Title: the era's name, else the dataset's. */
    ag_i_sbuf_add(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"26\"><B>");
    ag_i_sbuf_html(b, e->era ? e->era->name : ds->name);
    ag_i_sbuf_add(b, "</B></FONT></TD></TR>\n");

    /* Subtitle: period, dataset, how it was sliced, counts. */
    ag_i_sbuf_add(b, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"15\" COLOR=\"#333333\">");
    if (e->era) {
        ag_i_sbuf_html(b, e->era->period_text);
        ag_i_sbuf_add(b, " \u00B7 ");
    }
    ag_i_sbuf_html(b, ds->name);
    if (g->opts.level == AG_LEVEL_STATE)
        ag_i_sbuf_add(b, " \u00B7 state level");
    if (g->opts.ties != AG_TIES_ALL)
        ag_i_sbuf_addf(b, " \u00B7 %s ties only", ag_ties_name(g->opts.ties));
    if (g->opts.types) {
        size_t count = 0;
        ag_i_sbuf_add(b, " \u00B7 types: ");
        for (size_t t = 0; t < ds->n_types; t++)
            if (g->opts.types[t]) {
                if (count++)
                    ag_i_sbuf_add(b, ", ");
                ag_i_sbuf_html(b, ds->types[t].id);
            }
    }
    ag_i_sbuf_add(b, "<BR/>");
    ag_i_sbuf_addf(b, "%zu actor%s \u00B7 %zu relation%s \u00B7 %zu tie%s", g->n,
                 g->n == 1 ? "" : "s", g->n_rels, g->n_rels == 1 ? "" : "s", edges,
                 edges == 1 ? "" : "s");
    if (edges)
        ag_i_sbuf_addf(b, ": %zu cooperative, %zu conflictual, %zu mixed", e->n_sign[0],
                     e->n_sign[1], e->n_sign[2]);
    if (g->n == 0)
        ag_i_sbuf_add(b, " \u00B7 no relations in this period");
    if (note) {
        ag_i_sbuf_add(b, "<BR/>");
        ag_i_sbuf_html(b, note);
    }
    ag_i_sbuf_add(b, "</FONT></TD></TR>\n");

    if (g->n > 0 && with_legend) {
        /* The legend, under the title. */
        ag_i_sbuf_add(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"13\">");
        legend(b, e, edges, /* stacked = */ false);
        ag_i_sbuf_add(b, "</FONT></TD></TR>\n");
    }
    ag_i_sbuf_add(b, "</TABLE>");
}
