/*
 * chart.c: line charts and slope charts drawn with cairo (chart.h).
 *
 * One drawing routine per kind of chart draws on a cairo context; the
 * surface (SVG, PNG or PDF) is chosen by the file's extension, so the three
 * formats show the same picture. Sizes are in points; PNG is drawn at two
 * pixels per point so that it stays sharp on screens and in papers.
 */
#include "actorgraph/chart.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "actorgraph/date.h"
#include "actorgraph/output.h"
#include "core/sbuf.h"
#include "core/util.h"

#define FONT "DejaVu Sans"
#define PNG_SCALE 2.0

/* ---- the chart data ---- */

static ag_status_t oom(ag_error_t *err)
{
    return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
}

/* A copy of s ("" for NULL) into *dst; false on lack of memory. */
static bool copy_text(char **dst, const char *s)
{
    return (*dst = ag_i_strdup(s ? s : "")) != NULL;
}

int ag_chart_format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return -1;
    if (strcasecmp(dot, ".svg") == 0)
        return AG_CHART_SVG;
    if (strcasecmp(dot, ".png") == 0)
        return AG_CHART_PNG;
    if (strcasecmp(dot, ".pdf") == 0)
        return AG_CHART_PDF;
    return -1;
}

ag_status_t ag_linechart_init(ag_linechart_t *c, const char *title, const char *subtitle,
                              const char *y_label, ag_error_t *err)
{
    memset(c, 0, sizeof *c);
    c->x_min = INFINITY;
    c->x_max = -INFINITY;
    if (!copy_text(&c->title, title) || !copy_text(&c->subtitle, subtitle) ||
        !copy_text(&c->y_label, y_label)) {
        ag_linechart_destroy(c);
        return oom(err);
    }
    return AG_OK;
}

void ag_linechart_destroy(ag_linechart_t *c)
{
    free(c->title);
    free(c->subtitle);
    free(c->y_label);
    for (size_t i = 0; i < c->n_bands; i++) {
        free(c->bands[i].label);
        free(c->bands[i].short_label);
    }
    free(c->bands);
    for (size_t i = 0; i < c->n_ticks; i++)
        free(c->ticks[i].label);
    free(c->ticks);
    for (size_t i = 0; i < c->n_series; i++) {
        ag_chart_series_t *s = &c->series[i];
        free(s->id);
        free(s->label);
        free(s->points);
        for (size_t k = 0; k < s->n_marks; k++)
            free(s->marks[k].text);
        free(s->marks);
    }
    free(c->series);
    memset(c, 0, sizeof *c);
}

/* Arrays grow by doubling; their capacity is the next power of two of
 * their length, so no capacity field is needed. */
static bool grow(void **items, size_t n, size_t elem)
{
    size_t cap = 0;
    if (n) {
        cap = 1;
        while (cap < n)
            cap *= 2;
    }
    return ag_i_grow(items, &cap, n + 1, elem);
}

ag_status_t ag_linechart_add_series(ag_linechart_t *c, const char *id, const char *label,
                                    size_t *index, ag_error_t *err)
{
    ag_chart_series_t *s;
    if (!grow((void **)&c->series, c->n_series, sizeof *c->series))
        return oom(err);
    s = &c->series[c->n_series];
    memset(s, 0, sizeof *s);
    if (!copy_text(&s->id, id) || !copy_text(&s->label, label)) {
        free(s->id);
        free(s->label);
        return oom(err);
    }
    *index = c->n_series++;
    return AG_OK;
}

ag_status_t ag_linechart_add_point(ag_linechart_t *c, size_t s, double x, double y,
                                   ag_error_t *err)
{
    ag_chart_series_t *se = &c->series[s];
    if (!grow((void **)&se->points, se->n_points, sizeof *se->points))
        return oom(err);
    se->points[se->n_points].x = x;
    se->points[se->n_points++].y = y;
    if (x < c->x_min)
        c->x_min = x;
    if (x > c->x_max)
        c->x_max = x;
    return AG_OK;
}

ag_status_t ag_linechart_add_mark(ag_linechart_t *c, size_t s, double x, const char *text,
                                  ag_error_t *err)
{
    ag_chart_series_t *se = &c->series[s];
    if (!grow((void **)&se->marks, se->n_marks, sizeof *se->marks))
        return oom(err);
    if (!copy_text(&se->marks[se->n_marks].text, text))
        return oom(err);
    se->marks[se->n_marks++].x = x;
    return AG_OK;
}

ag_status_t ag_linechart_add_band(ag_linechart_t *c, double first, double last,
                                  const char *label, const char *short_label, ag_error_t *err)
{
    ag_chart_band_t *b;
    if (!grow((void **)&c->bands, c->n_bands, sizeof *c->bands))
        return oom(err);
    b = &c->bands[c->n_bands];
    if (!copy_text(&b->label, label) ||
        !copy_text(&b->short_label, short_label ? short_label : label)) {
        free(b->label);
        return oom(err);
    }
    c->bands[c->n_bands].first = first;
    c->bands[c->n_bands++].last = last;
    return AG_OK;
}

ag_status_t ag_linechart_add_tick(ag_linechart_t *c, double x, const char *label,
                                  ag_error_t *err)
{
    if (!grow((void **)&c->ticks, c->n_ticks, sizeof *c->ticks))
        return oom(err);
    if (!copy_text(&c->ticks[c->n_ticks].label, label))
        return oom(err);
    c->ticks[c->n_ticks++].x = x;
    return AG_OK;
}

ag_status_t ag_slopechart_init(ag_slopechart_t *s, const char *title, const char *subtitle,
                               const char *era_a, const char *era_b, ag_error_t *err)
{
    memset(s, 0, sizeof *s);
    if (!copy_text(&s->title, title) || !copy_text(&s->subtitle, subtitle) ||
        !copy_text(&s->era_a, era_a) || !copy_text(&s->era_b, era_b)) {
        ag_slopechart_destroy(s);
        return oom(err);
    }
    return AG_OK;
}

void ag_slopechart_destroy(ag_slopechart_t *s)
{
    free(s->title);
    free(s->subtitle);
    free(s->era_a);
    free(s->era_b);
    for (size_t i = 0; i < s->n_rows; i++) {
        free(s->rows[i].label_a);
        free(s->rows[i].label_b);
    }
    free(s->rows);
    memset(s, 0, sizeof *s);
}

ag_status_t ag_slopechart_add(ag_slopechart_t *s, const char *label_a, const char *label_b,
                              long rank_a, long rank_b, ag_error_t *err)
{
    ag_slope_row_t *r;
    if (!grow((void **)&s->rows, s->n_rows, sizeof *s->rows))
        return oom(err);
    r = &s->rows[s->n_rows];
    memset(r, 0, sizeof *r);
    if (!copy_text(&r->label_a, label_a) || !copy_text(&r->label_b, label_b)) {
        free(r->label_a);
        free(r->label_b);
        return oom(err);
    }
    r->rank_a = rank_a;
    r->rank_b = rank_b;
    if (rank_a > s->max_rank)
        s->max_rank = rank_a;
    if (rank_b > s->max_rank)
        s->max_rank = rank_b;
    s->n_rows++;
    return AG_OK;
}

/* ---- drawing helpers ---- */

/* Okabe and Ito's palette (readable with every common colour-vision
 * deficiency), without its yellow, which is too light on white. */
static const double palette[][3] = {
    { 0.000, 0.447, 0.698 }, /* blue */
    { 0.835, 0.369, 0.000 }, /* vermillion */
    { 0.000, 0.620, 0.451 }, /* bluish green */
    { 0.800, 0.475, 0.655 }, /* reddish purple */
    { 0.902, 0.624, 0.000 }, /* orange */
    { 0.337, 0.706, 0.914 }, /* sky blue */
    { 0.000, 0.000, 0.000 }, /* black */
};
#define N_COLOURS (sizeof palette / sizeof palette[0])

/* Dash patterns, cycled with a different period from the colours, so that
 * lines differ in greyscale too. */
static const double dash_solid[] = { 0 };
static const double dash_long[] = { 7, 3 };
static const double dash_dot[] = { 1, 3 };
static const double dash_dashdot[] = { 7, 2.5, 1, 2.5 };
static const double dash_short[] = { 3, 2.5 };
static const struct {
    const double *d;
    int n;
} dashes[] = { { dash_solid, 0 }, { dash_long, 2 }, { dash_dot, 2 }, { dash_dashdot, 4 },
               { dash_short, 2 } };
#define N_DASHES (sizeof dashes / sizeof dashes[0])

static void set_series_style(cairo_t *cr, size_t i)
{
    const double *rgb = palette[i % N_COLOURS];
    cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
    cairo_set_dash(cr, dashes[i % N_DASHES].d, dashes[i % N_DASHES].n, 0);
}

static void set_colour(cairo_t *cr, size_t i)
{
    const double *rgb = palette[i % N_COLOURS];
    cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
}

static void font(cairo_t *cr, double size, bool bold)
{
    cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

static double text_width(cairo_t *cr, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    return e.x_advance;
}

/* Draws s with its left (align 0), centre (0.5) or right (1) at x and its
 * vertical middle at y. */
static void text_at(cairo_t *cr, double x, double y, double align, const char *s)
{
    cairo_font_extents_t fe;
    cairo_font_extents(cr, &fe);
    cairo_move_to(cr, x - align * text_width(cr, s), y + (fe.ascent - fe.descent) / 2);
    cairo_show_text(cr, s);
}

/* s cut to fit width, with an ellipsis, into buf (n bytes); "" when not
 * even the ellipsis fits. Cuts on UTF-8 character boundaries. */
static const char *fit_text(cairo_t *cr, const char *s, double width, char *buf, size_t n)
{
    size_t len = strlen(s);
    if (text_width(cr, s) <= width)
        return s;
    while (len > 0) {
        do
            len--;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80);
        if (len + 4 > n)
            continue;
        memcpy(buf, s, len);
        memcpy(buf + len, "\xe2\x80\xa6", 4);
        if (text_width(cr, buf) <= width)
            return buf;
    }
    return "";
}

/* The title (bold, dark) and the subtitle (grey) at the top left, from x,
 * each cut to width. */
static void draw_heading(cairo_t *cr, double x, double width, const char *title,
                         const char *subtitle)
{
    char cut[256];
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    font(cr, 15, true);
    text_at(cr, x, 24, 0, fit_text(cr, title, width, cut, sizeof cut));
    font(cr, 11, false);
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
    text_at(cr, x, 44, 0, fit_text(cr, subtitle, width, cut, sizeof cut));
}

/*
 * Label placement: the n labels want to sit at want[i] (a y position);
 * each needs gap from the next. Moves them as little as it can so that
 * none overlap and all lie within lo..hi, writing the positions to got[i].
 * order is scratch of n entries. Labels keep their top-to-bottom order.
 */
static void spread_labels(const double *want, double *got, size_t *order, size_t n, double gap,
                          double lo, double hi)
{
    /* Insertion sort: n is small, and it is stable (equal wants keep
     * their series order). */
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j > 0 && want[order[j - 1]] > want[i])
            j--;
        memmove(order + j + 1, order + j, (i - j) * sizeof *order);
        order[j] = i;
    }
    for (size_t i = 0; i < n; i++)
        got[order[i]] = want[order[i]];
    /* Push down, then up from the bottom edge, then down from the top:
     * the result is ordered, gapped and within bounds when there is room. */
    for (size_t i = 0; i < n; i++) {
        double min = i ? got[order[i - 1]] + gap : lo;
        if (got[order[i]] < min)
            got[order[i]] = min;
    }
    for (size_t i = n; i-- > 0;) {
        double max = i + 1 < n ? got[order[i + 1]] - gap : hi;
        if (got[order[i]] > max)
            got[order[i]] = max;
    }
    for (size_t i = 0; i < n; i++) {
        double min = i ? got[order[i - 1]] + gap : lo;
        if (got[order[i]] < min)
            got[order[i]] = min;
    }
}

/* A round step for an axis spanning range with about n ticks. */
static double nice_step(double range, int n)
{
    double raw = range / n, mag = pow(10, floor(log10(raw))), f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

/* ---- writing a surface to a file ---- */

typedef struct {
    unsigned char *data;
    size_t n, cap;
    bool failed;
} membuf_t;

static cairo_status_t membuf_write(void *closure, const unsigned char *data, unsigned int n)
{
    membuf_t *b = closure;
    if (!ag_i_grow((void **)&b->data, &b->cap, b->n + n, 1)) {
        b->failed = true;
        return CAIRO_STATUS_NO_MEMORY;
    }
    memcpy(b->data + b->n, data, n);
    b->n += n;
    return CAIRO_STATUS_SUCCESS;
}

/* Escapes s for XML text into the buffer. */
static void xml_escaped(membuf_t *b, const char *s)
{
    for (; *s; s++) {
        const char *rep = *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : *s == '&' ? "&amp;" : NULL;
        if (rep)
            membuf_write(b, (const unsigned char *)rep, (unsigned)strlen(rep));
        else
            membuf_write(b, (const unsigned char *)s, 1);
    }
}

/* Draws a chart on cr; false on lack of memory. */
/*
 * cairo numbers the SVG surfaces it writes ("surface6") from a counter
 * shared by the whole process, so a chart's ids would depend on what was
 * drawn before it. Renumbers them 1, 2, ... in order of first appearance,
 * from b into out, so that the same chart gives the same bytes.
 */
static void renumber_surfaces(const membuf_t *b, membuf_t *out)
{
    static const char key[] = "surface";
    unsigned long seen[64];
    size_t n_seen = 0, i = 0, k = sizeof key - 1;
    while (i < b->n) {
        const unsigned char *p = b->n - i > k ? memmem(b->data + i, b->n - i, key, k) : NULL;
        size_t at = p ? (size_t)(p - b->data) + k : b->n, end = at;
        unsigned long id = 0, j = 0;
        char num[32];
        while (end < b->n && b->data[end] >= '0' && b->data[end] <= '9' && end - at < 12)
            id = id * 10 + (unsigned long)(b->data[end++] - '0');
        membuf_write(out, b->data + i, (unsigned)(at - i));
        i = at;
        if (!p || end == at)
            continue;
        while (j < n_seen && seen[j] != id)
            j++;
        if (j == n_seen && n_seen < sizeof seen / sizeof seen[0])
            seen[n_seen++] = id;
        snprintf(num, sizeof num, "%lu", j < n_seen ? j + 1 : id);
        membuf_write(out, (const unsigned char *)num, (unsigned)strlen(num));
        i = end;
    }
}

typedef bool (*draw_fn)(cairo_t *cr, const void *chart, double w, double h);

/*
 * Draws with draw into a surface of w x h points of the format of path and
 * writes it atomically. cairo's SVG surface draws text as glyph outlines;
 * a <title> (title) and a <desc> (desc: what the chart shows, in words)
 * are put at the head of the SVG document so that the file says what it
 * shows to screen readers and to search.
 */
static ag_status_t write_chart(draw_fn draw, const void *chart, double w, double h,
                               const char *title, const char *desc, const char *path,
                               ag_error_t *err)
{
    int format = ag_chart_format_of(path);
    membuf_t buf = { NULL, 0, 0, false };
    cairo_surface_t *surface = NULL;
    cairo_t *cr;
    cairo_status_t cs;
    ag_status_t st = AG_OK;

    if (format < 0)
        return ag_error_set(err, AG_EUSAGE, NULL, 0,
                            "'%s': a chart is written as .svg, .png or .pdf", path);
    switch (format) {
    case AG_CHART_SVG:
        surface = cairo_svg_surface_create_for_stream(membuf_write, &buf, w, h);
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
        break;
    case AG_CHART_PDF:
        surface = cairo_pdf_surface_create_for_stream(membuf_write, &buf, w, h);
        /* No creation date: the same chart gives the same bytes. */
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, desc);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "actorgraph");
        break;
    default:
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)ceil(w * PNG_SCALE),
                                             (int)ceil(h * PNG_SCALE));
        break;
    }
    cr = cairo_create(surface);
    if (format == AG_CHART_PNG)
        cairo_scale(cr, PNG_SCALE, PNG_SCALE);
    if (!draw(cr, chart, w, h))
        buf.failed = true;
    cs = cairo_status(cr);
    cairo_destroy(cr);
    if (format != AG_CHART_PNG)
        cairo_surface_finish(surface); /* writes the document out */
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(surface);
    if (cs == CAIRO_STATUS_SUCCESS && format == AG_CHART_PNG)
        cs = cairo_surface_write_to_png_stream(surface, membuf_write, &buf);
    cairo_surface_destroy(surface);
    if (buf.failed) {
        st = oom(err);
        goto done;
    }
    if (cs != CAIRO_STATUS_SUCCESS) {
        st = ag_error_set(err, AG_EIO, path, 0, "can't draw the chart: %s",
                          cairo_status_to_string(cs));
        goto done;
    }
    if (format == AG_CHART_SVG) {
        /* After the <svg ...> start tag. */
        membuf_t out = { NULL, 0, 0, false }, ids = { NULL, 0, 0, false };
        const unsigned char *svg, *end, *p;
        renumber_surfaces(&buf, &ids);
        free(buf.data);
        buf = ids;
        if (buf.failed) {
            st = oom(err);
            goto done;
        }
        svg = buf.data;
        end = buf.data + buf.n;
        p = buf.n ? memmem(svg, buf.n, "<svg", 4) : NULL;
        p = p ? memchr(p, '>', (size_t)(end - p)) : NULL;
        if (!p) {
            st = ag_error_set(err, AG_EIO, path, 0, "can't draw the chart: no <svg> element");
            goto done;
        }
        membuf_write(&out, svg, (unsigned)(p + 1 - svg));
        membuf_write(&out, (const unsigned char *)"\n<title>", 8);
        xml_escaped(&out, title);
        membuf_write(&out, (const unsigned char *)"</title>\n<desc>", 15);
        xml_escaped(&out, desc);
        membuf_write(&out, (const unsigned char *)"</desc>", 7);
        membuf_write(&out, p + 1, (unsigned)(end - p - 1));
        free(buf.data);
        buf = out;
        if (buf.failed) {
            st = oom(err);
            goto done;
        }
    }
    st = ag_write_file(path, buf.data, buf.n, err);
done:
    free(buf.data);
    return st;
}

/* ---- line chart ---- */

#define LC_WIDTH 900.0
#define LC_HEIGHT 540.0
#define LANE_H 15.0

/* The y positions of the plot: value v to y. */
typedef struct {
    double x0, x1, y0, y1; /* plot area: left, right, top, bottom */
    double xmin, xmax, ymin, ymax;
    bool y_rank;
} frame_t;

static double fx(const frame_t *f, double x)
{
    return f->x0 + (x - f->xmin) / (f->xmax - f->xmin) * (f->x1 - f->x0);
}

static double fy(const frame_t *f, double y)
{
    double t = (y - f->ymin) / (f->ymax - f->ymin);
    return f->y_rank ? f->y0 + t * (f->y1 - f->y0) : f->y1 - t * (f->y1 - f->y0);
}

/* Lanes for the bands: each band goes to the first lane where it overlaps
 * no other (bands sorted by start, lanes filled greedily). lane[i] is band
 * i's lane; returns the number of lanes. */
static size_t band_lanes(const ag_linechart_t *c, size_t *lane)
{
    size_t n_lanes = 0;
    double lane_end[16];
    for (size_t i = 0; i < c->n_bands; i++)
        lane[i] = SIZE_MAX;
    for (size_t done = 0; done < c->n_bands; done++) {
        size_t pick = SIZE_MAX, l;
        for (size_t i = 0; i < c->n_bands; i++)
            if (lane[i] == SIZE_MAX &&
                (pick == SIZE_MAX || c->bands[i].first < c->bands[pick].first))
                pick = i;
        for (l = 0; l < n_lanes; l++)
            if (lane_end[l] < c->bands[pick].first)
                break;
        if (l == n_lanes) {
            if (n_lanes == 16) { /* too many overlapping eras to show */
                lane[pick] = SIZE_MAX - 1;
                continue;
            }
            n_lanes++;
        }
        lane[pick] = l;
        lane_end[l] = c->bands[pick].last;
    }
    return n_lanes;
}

/* The y value of series s at x (linear between its points), or NaN. */
static double series_at(const ag_chart_series_t *s, double x)
{
    for (size_t i = 0; i + 1 < s->n_points; i++) {
        const ag_chart_point_t *a = &s->points[i], *b = &s->points[i + 1];
        if (a->x <= x && x <= b->x) {
            if (isnan(a->y))
                return b->y;
            if (isnan(b->y) || b->x == a->x)
                return a->y;
            return a->y + (b->y - a->y) * (x - a->x) / (b->x - a->x);
        }
    }
    if (s->n_points && x <= s->points[0].x)
        return s->points[0].y;
    return s->n_points ? s->points[s->n_points - 1].y : NAN;
}

static bool draw_linechart(cairo_t *cr, const void *chart, double w, double h)
{
    const ag_linechart_t *c = chart;
    size_t *lane = calloc(c->n_bands + 1, sizeof *lane);
    size_t n = c->n_series, *order = calloc(n + 1, sizeof *order);
    double *want = calloc(n + 1, sizeof *want), *got = calloc(n + 1, sizeof *got);
    double label_w = 0, top, ymax = -INFINITY, ymin = INFINITY;
    size_t n_lanes;
    frame_t f;
    char cut[256];

    if (!lane || !order || !want || !got) {
        free(lane);
        free(order);
        free(want);
        free(got);
        return false;
    }
    n_lanes = band_lanes(c, lane);

    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);

    /* Range of the values: from 0 for measures (they are not negative),
     * from 1 for ranks. */
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < c->series[i].n_points; k++) {
            double y = c->series[i].points[k].y;
            if (!isnan(y)) {
                ymax = y > ymax ? y : ymax;
                ymin = y < ymin ? y : ymin;
            }
        }
    if (ymax == -INFINITY)
        ymax = ymin = 0;
    f.y_rank = c->y_rank;
    f.ymin = ymin < 0 ? ymin : 0;
    f.ymax = ymax;
    if (!c->y_rank) {
        double step = nice_step(f.ymax - f.ymin > 0 ? f.ymax - f.ymin : 1, 5);
        f.ymax = ceil(f.ymax / step - 1e-9) * step;
        if (f.ymax <= f.ymin)
            f.ymax = f.ymin + step;
    } else {
        /* Half a rank of room above the first and below the last. */
        f.ymin = 0.5;
        f.ymax = (ymax < 1 ? 1 : ymax) + 0.5;
    }
    f.xmin = c->x_min;
    f.xmax = c->x_max > c->x_min ? c->x_max : c->x_min + 1;

    /* End labels decide the right margin. */
    font(cr, 11, false);
    for (size_t i = 0; i < n; i++) {
        double tw = text_width(cr, c->series[i].label);
        label_w = tw > label_w ? tw : label_w;
    }
    if (label_w > 220)
        label_w = 220;
    f.x0 = 64;
    f.x1 = w - label_w - 30;
    top = 16 + (*c->title ? 22 : 0) + (*c->subtitle ? 16 : 0) + 6;
    f.y0 = top + (double)n_lanes * LANE_H + 8;
    f.y1 = h - 42;

    /* Title and subtitle. */
    draw_heading(cr, f.x0, w - f.x0 - 10, c->title, c->subtitle);

    /* Bands: the first lane's shaded across the plot, every lane's as a
     * labelled bar above it. */
    cairo_save(cr);
    cairo_rectangle(cr, f.x0, top, f.x1 - f.x0, f.y1 - top);
    cairo_clip(cr);
    for (size_t i = 0, shade = 0; i < c->n_bands; i++) {
        double a = fx(&f, c->bands[i].first), b = fx(&f, c->bands[i].last);
        if (lane[i] == 0) {
            double g = shade++ % 2 ? 0.965 : 0.925;
            cairo_set_source_rgb(cr, g, g, g);
            cairo_rectangle(cr, a, f.y0, b - a, f.y1 - f.y0);
            cairo_fill(cr);
        }
        if (lane[i] < n_lanes) {
            double y = top + (double)lane[i] * LANE_H;
            double g = lane[i] == 0 ? 0.80 : 0.87;
            cairo_set_source_rgb(cr, g, g, g);
            cairo_rectangle(cr, a + 0.5, y + 1, b - a - 1, LANE_H - 2);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
            font(cr, 9, false);
            {
                double l = a > f.x0 ? a : f.x0, r = b < f.x1 ? b : f.x1;
                const char *t = c->bands[i].label;
                if (text_width(cr, t) > r - l - 4)
                    t = fit_text(cr, c->bands[i].short_label, r - l - 4, cut, sizeof cut);
                if (*t)
                    text_at(cr, (l + r) / 2, y + LANE_H / 2, 0.5, t);
            }
        }
    }
    cairo_restore(cr);

    /* Axes: y ticks and grid, x ticks. */
    cairo_set_line_width(cr, 0.6);
    font(cr, 10, false);
    if (c->y_rank) {
        double step = f.ymax - f.ymin > 12 ? nice_step(f.ymax - f.ymin, 6) : 1;
        if (step < 1)
            step = 1;
        for (double v = 1; v <= f.ymax + 1e-9; v = (v == 1 && step > 1) ? step : v + step) {
            char t[32];
            cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
            cairo_move_to(cr, f.x0, fy(&f, v));
            cairo_line_to(cr, f.x1, fy(&f, v));
            cairo_stroke(cr);
            cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
            snprintf(t, sizeof t, "%.0f", v);
            text_at(cr, f.x0 - 6, fy(&f, v), 1, t);
        }
    } else {
        double step = nice_step(f.ymax - f.ymin, 5);
        for (double v = f.ymin; v <= f.ymax + step * 1e-6; v += step) {
            char t[32];
            cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
            cairo_move_to(cr, f.x0, fy(&f, v));
            cairo_line_to(cr, f.x1, fy(&f, v));
            cairo_stroke(cr);
            cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
            snprintf(t, sizeof t, "%g", fabs(v) < step * 1e-6 ? 0.0 : v);
            text_at(cr, f.x0 - 6, fy(&f, v), 1, t);
        }
    }
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_move_to(cr, f.x0, f.y1);
    cairo_line_to(cr, f.x1, f.y1);
    cairo_stroke(cr);
    if (c->x_days) {
        int y0, y1, m, d;
        double step;
        ag_civil_from_days((int32_t)ceil(f.xmin), &y0, &m, &d);
        ag_civil_from_days((int32_t)floor(f.xmax), &y1, &m, &d);
        step = nice_step(y1 - y0 > 0 ? y1 - y0 : 1, 8);
        if (step < 1)
            step = 1;
        for (int y = (int)(ceil(y0 / step) * step); y <= y1; y += (int)step) {
            double x = ag_days_from_civil(y, 1, 1);
            char t[16];
            if (x < f.xmin || x > f.xmax)
                continue;
            cairo_move_to(cr, fx(&f, x), f.y1);
            cairo_line_to(cr, fx(&f, x), f.y1 + 4);
            cairo_stroke(cr);
            snprintf(t, sizeof t, "%d", y);
            text_at(cr, fx(&f, x), f.y1 + 14, 0.5, t);
        }
    } else {
        double room = (f.x1 - f.x0) / (c->n_ticks ? (double)c->n_ticks : 1) - 4;
        bool stagger = false;
        /* Labels too wide for their place take two rows, every other one
         * lower, before any is cut. */
        for (size_t i = 0; i < c->n_ticks; i++)
            stagger = stagger || text_width(cr, c->ticks[i].label) > room;
        if (stagger)
            room = 2 * room;
        for (size_t i = 0; i < c->n_ticks; i++) {
            double x = fx(&f, c->ticks[i].x), y = f.y1 + (stagger && i % 2 ? 27 : 14);
            cairo_move_to(cr, x, f.y1);
            cairo_line_to(cr, x, y - 8);
            cairo_stroke(cr);
            text_at(cr, x, y, 0.5, fit_text(cr, c->ticks[i].label, room, cut, sizeof cut));
        }
    }
    /* The y axis's title, turned. */
    cairo_save(cr);
    cairo_translate(cr, 16, (f.y0 + f.y1) / 2);
    cairo_rotate(cr, -M_PI / 2);
    font(cr, 11, false);
    text_at(cr, 0, 0, 0.5, c->y_label);
    cairo_restore(cr);

    /* The lines, broken at gaps; a lone point is a dot. */
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (size_t i = 0; i < n; i++) {
        const ag_chart_series_t *s = &c->series[i];
        bool pen = false;
        cairo_set_line_width(cr, 2);
        set_series_style(cr, i);
        for (size_t k = 0; k < s->n_points; k++) {
            double x = fx(&f, s->points[k].x), y = s->points[k].y;
            if (isnan(y)) {
                pen = false;
                continue;
            }
            bool alone = (k == 0 || isnan(s->points[k - 1].y)) &&
                         (k + 1 == s->n_points || isnan(s->points[k + 1].y));
            if (alone) {
                cairo_stroke(cr);
                cairo_arc(cr, x, fy(&f, y), 2.5, 0, 2 * M_PI);
                cairo_fill(cr);
                pen = false;
                continue;
            }
            if (pen)
                cairo_line_to(cr, x, fy(&f, y));
            else
                cairo_move_to(cr, x, fy(&f, y));
            pen = true;
        }
        cairo_stroke(cr);
    }

    /* Handover marks: an open circle on the line, its text above. */
    cairo_set_dash(cr, NULL, 0, 0);
    for (size_t i = 0; i < n; i++) {
        const ag_chart_series_t *s = &c->series[i];
        for (size_t k = 0; k < s->n_marks; k++) {
            double v = series_at(s, s->marks[k].x), x, y, tw;
            if (isnan(v))
                continue;
            x = fx(&f, s->marks[k].x);
            y = fy(&f, v);
            cairo_set_line_width(cr, 1.5);
            cairo_arc(cr, x, y, 3.5, 0, 2 * M_PI);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_fill_preserve(cr);
            set_colour(cr, i);
            cairo_stroke(cr);
            font(cr, 9, false);
            tw = text_width(cr, s->marks[k].text);
            if (x - tw / 2 < f.x0)
                x = f.x0 + tw / 2;
            if (x + tw / 2 > f.x1)
                x = f.x1 - tw / 2;
            y = y - 12 < f.y0 + 6 ? y + 12 : y - 12;
            /* A white halo keeps the text legible over lines. */
            cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
            cairo_rectangle(cr, x - tw / 2 - 1, y - 6, tw + 2, 12);
            cairo_fill(cr);
            set_colour(cr, i);
            text_at(cr, x, y, 0.5, s->marks[k].text);
        }
    }

    /* End labels: at the last value of each line, spread apart. */
    for (size_t i = 0; i < n; i++) {
        const ag_chart_series_t *s = &c->series[i];
        size_t k = s->n_points;
        while (k > 0 && isnan(s->points[k - 1].y))
            k--;
        want[i] = k ? fy(&f, s->points[k - 1].y) : f.y1;
    }
    spread_labels(want, got, order, n, 13, f.y0 - 4, f.y1 - 4);
    font(cr, 11, false);
    for (size_t i = 0; i < n; i++) {
        const ag_chart_series_t *s = &c->series[i];
        size_t k = s->n_points;
        double lx = f.x1 + 22;
        while (k > 0 && isnan(s->points[k - 1].y))
            k--;
        if (!k)
            continue;
        /* A thin grey leader from the line's end to its label: not to be
         * read as more of the line. */
        cairo_set_line_width(cr, 0.7);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
        cairo_move_to(cr, fx(&f, s->points[k - 1].x) + 4, want[i]);
        cairo_line_to(cr, f.x1 + 8, want[i]);
        cairo_line_to(cr, lx - 3, got[i]);
        cairo_stroke(cr);
        set_colour(cr, i);
        text_at(cr, lx, got[i], 0, fit_text(cr, s->label, w - lx - 4, cut, sizeof cut));
    }
    free(lane);
    free(order);
    free(want);
    free(got);
    return true;
}

/* The chart in words, for the SVG's <desc> and the PDF's subject. */
static char *linechart_desc(const ag_linechart_t *c)
{
    ag_i_sbuf_t b = { 0 };
    ag_i_sbuf_addf(&b, "%s. %s. Lines:", c->subtitle, c->y_label);
    for (size_t i = 0; i < c->n_series; i++) {
        const ag_chart_series_t *s = &c->series[i];
        ag_i_sbuf_addf(&b, "%s%s (%s", i ? "; " : " ", s->label, s->id);
        for (size_t k = 0; k < s->n_marks; k++)
            ag_i_sbuf_addf(&b, ", %s", s->marks[k].text);
        ag_i_sbuf_add(&b, ")");
    }
    ag_i_sbuf_add(&b, ".");
    return ag_i_sbuf_take(&b);
}

ag_status_t ag_linechart_write(const ag_linechart_t *c, const char *path, ag_error_t *err)
{
    char *desc;
    ag_status_t st;
    bool any = false;
    for (size_t i = 0; i < c->n_series && !any; i++)
        for (size_t k = 0; k < c->series[i].n_points && !any; k++)
            any = !isnan(c->series[i].points[k].y);
    if (!any)
        return ag_error_set(err, AG_EUSAGE, NULL, 0, "nothing to chart: no line has a value");
    if (!(desc = linechart_desc(c)))
        return oom(err);
    st = write_chart(draw_linechart, c, LC_WIDTH, LC_HEIGHT, c->title, desc, path, err);
    free(desc);
    return st;
}

/* ---- slope chart ---- */

#define SC_WIDTH 620.0
#define SC_ROW 17.0
#define SC_TOP 92.0
#define SC_BOTTOM 40.0

/* Spreads the labels of one side (a: era A) of s into got; returns the
 * lowest. order and want are scratch; all hold s->n_rows entries. */
static double slope_labels(const ag_slopechart_t *s, bool a, double *want, double *got,
                           size_t *order)
{
    double low = SC_TOP;
    for (size_t i = 0; i < s->n_rows; i++)
        want[i] = SC_TOP + (double)((a ? s->rows[i].rank_a : s->rows[i].rank_b) - 1) * SC_ROW;
    /* No lower bound: the chart grows to hold actors tied at the bottom. */
    spread_labels(want, got, order, s->n_rows, 13, SC_TOP - 6, INFINITY);
    for (size_t i = 0; i < s->n_rows; i++)
        low = got[i] > low ? got[i] : low;
    return low;
}

/* The chart's height: the ranks, or the labels where ties push them
 * lower; 0 on lack of memory. */
static double slope_height(const ag_slopechart_t *s)
{
    size_t n = s->n_rows, *order = calloc(n + 1, sizeof *order);
    double *want = calloc(n + 1, sizeof *want), *got = calloc(n + 1, sizeof *got);
    double h = 0;
    if (order && want && got) {
        double la = slope_labels(s, true, want, got, order);
        double lb = slope_labels(s, false, want, got, order);
        double low = (la > lb ? la : lb) - SC_TOP + SC_ROW;
        double ranks = (double)(s->max_rank > 0 ? s->max_rank : 1) * SC_ROW;
        h = SC_TOP + (low > ranks ? low : ranks) + SC_BOTTOM;
    }
    free(order);
    free(want);
    free(got);
    return h;
}

/* Rose, fell, kept its rank: colour, dash, width. */
static void slope_style(cairo_t *cr, const ag_slope_row_t *r)
{
    static const double fell[] = { 5, 3 }, same[] = { 1, 3 };
    if (r->rank_b < r->rank_a) {
        set_colour(cr, 0);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_set_line_width(cr, 2);
    } else if (r->rank_b > r->rank_a) {
        set_colour(cr, 1);
        cairo_set_dash(cr, fell, 2, 0);
        cairo_set_line_width(cr, 2);
    } else {
        cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
        cairo_set_dash(cr, same, 2, 0);
        cairo_set_line_width(cr, 1.5);
    }
}

static bool draw_slopechart(cairo_t *cr, const void *chart, double w, double h)
{
    const ag_slopechart_t *s = chart;
    size_t n = s->n_rows;
    size_t *order = calloc(n + 1, sizeof *order);
    double *want = calloc(n + 1, sizeof *want), *ga = calloc(n + 1, sizeof *ga),
           *gb = calloc(n + 1, sizeof *gb);
    double xa = w * 0.36, xb = w * 0.64, y0 = SC_TOP;
    char cut[256], t[300];
    if (!order || !want || !ga || !gb) {
        free(order);
        free(want);
        free(ga);
        free(gb);
        return false;
    }
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);

    draw_heading(cr, 16, w - 32, s->title, s->subtitle);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    font(cr, 12, true);
    text_at(cr, xa, 72, 0.5, fit_text(cr, s->era_a, xb - xa - 10 + (xa - 16), cut, sizeof cut));
    text_at(cr, xb, 72, 0.5, fit_text(cr, s->era_b, w - xb - 16 + (w - xb - 16), cut, sizeof cut));

    /* The two rank axes. */
    cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, xa, y0);
    cairo_line_to(cr, xa, y0 + (double)(s->max_rank - 1) * SC_ROW + 1);
    cairo_move_to(cr, xb, y0);
    cairo_line_to(cr, xb, y0 + (double)(s->max_rank - 1) * SC_ROW + 1);
    cairo_stroke(cr);

    /* The slopes: kept ranks first, so that the moves are drawn on top. */
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            const ag_slope_row_t *r = &s->rows[i];
            if ((r->rank_a == r->rank_b) != (pass == 0))
                continue;
            slope_style(cr, r);
            cairo_move_to(cr, xa, y0 + (double)(r->rank_a - 1) * SC_ROW);
            cairo_line_to(cr, xb, y0 + (double)(r->rank_b - 1) * SC_ROW);
            cairo_stroke(cr);
            cairo_set_dash(cr, NULL, 0, 0);
            cairo_arc(cr, xa, y0 + (double)(r->rank_a - 1) * SC_ROW, 2.5, 0, 2 * M_PI);
            cairo_fill(cr);
            cairo_arc(cr, xb, y0 + (double)(r->rank_b - 1) * SC_ROW, 2.5, 0, 2 * M_PI);
            cairo_fill(cr);
        }

    /* Labels "name  rank" on the left, "rank  name" on the right; actors
     * sharing a rank are spread apart. */
    font(cr, 10.5, false);
    slope_labels(s, true, want, ga, order);
    slope_labels(s, false, want, gb, order);
    for (size_t i = 0; i < n; i++) {
        const ag_slope_row_t *r = &s->rows[i];
        double ya = y0 + (double)(r->rank_a - 1) * SC_ROW, yb = y0 + (double)(r->rank_b - 1) * SC_ROW;
        /* A thin leader from a dot to its label where ties moved it. */
        cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
        cairo_set_line_width(cr, 0.7);
        cairo_set_dash(cr, NULL, 0, 0);
        if (fabs(ga[i] - ya) > 1) {
            cairo_move_to(cr, xa - 4, ya);
            cairo_line_to(cr, xa - 8, ga[i]);
            cairo_stroke(cr);
        }
        if (fabs(gb[i] - yb) > 1) {
            cairo_move_to(cr, xb + 4, yb);
            cairo_line_to(cr, xb + 8, gb[i]);
            cairo_stroke(cr);
        }
        if (r->rank_b < r->rank_a)
            set_colour(cr, 0);
        else if (r->rank_b > r->rank_a)
            set_colour(cr, 1);
        else
            cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        snprintf(t, sizeof t, "%s  %ld", fit_text(cr, r->label_a, xa - 50, cut, sizeof cut),
                 r->rank_a);
        text_at(cr, xa - 10, ga[i], 1, t);
        snprintf(t, sizeof t, "%ld  %s", r->rank_b,
                 fit_text(cr, r->label_b, w - xb - 50, cut, sizeof cut));
        text_at(cr, xb + 10, gb[i], 0, t);
    }

    /* Key: how rising, falling and level slopes are drawn. */
    {
        static const char *const what[] = { "rose", "fell", "same rank" };
        ag_slope_row_t demo[3] = { { NULL, NULL, 2, 1 }, { NULL, NULL, 1, 2 },
                                   { NULL, NULL, 1, 1 } };
        double x = 16, y = h - 16;
        font(cr, 10, false);
        for (int k = 0; k < 3; k++) {
            slope_style(cr, &demo[k]);
            cairo_move_to(cr, x, y);
            cairo_line_to(cr, x + 24, y);
            cairo_stroke(cr);
            cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
            text_at(cr, x + 30, y, 0, what[k]);
            x += 30 + text_width(cr, what[k]) + 18;
        }
        cairo_set_dash(cr, NULL, 0, 0);
    }
    free(order);
    free(want);
    free(ga);
    free(gb);
    return true;
}

static char *slopechart_desc(const ag_slopechart_t *s)
{
    ag_i_sbuf_t b = { 0 };
    ag_i_sbuf_addf(&b, "%s. Ranks in %s and %s:", s->subtitle, s->era_a, s->era_b);
    for (size_t i = 0; i < s->n_rows; i++) {
        const ag_slope_row_t *r = &s->rows[i];
        ag_i_sbuf_addf(&b, "%s%s", i ? "; " : " ", r->label_a);
        if (strcmp(r->label_a, r->label_b) != 0)
            ag_i_sbuf_addf(&b, " \xe2\x86\x92 %s", r->label_b);
        ag_i_sbuf_addf(&b, " %ld \xe2\x86\x92 %ld", r->rank_a, r->rank_b);
    }
    ag_i_sbuf_add(&b, ".");
    return ag_i_sbuf_take(&b);
}

ag_status_t ag_slopechart_write(const ag_slopechart_t *s, const char *path, ag_error_t *err)
{
    char *desc;
    double h;
    ag_status_t st;
    if (s->n_rows == 0)
        return ag_error_set(err, AG_EUSAGE, NULL, 0,
                            "nothing to chart: no actor is in both eras");
    if (!(desc = slopechart_desc(s)) || (h = slope_height(s)) == 0) {
        free(desc);
        return oom(err);
    }
    st = write_chart(draw_slopechart, s, SC_WIDTH, h, s->title, desc, path, err);
    free(desc);
    return st;
}
