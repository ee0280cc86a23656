/*
 * test_chart.c: charts and trajectories on the compare-basic fixture (a
 * lineage OLD -> NEW), checked against values worked out by hand and
 * against the timeline table the chart is drawn from; the files written
 * in each format: PNG size, same bytes twice.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/chart.h"
#include "actorgraph/compare.h"
#include "actorgraph/timeline.h"
#include "actorgraph/trajectory.h"
#include "testutil.h"

#define DAY(y, m, d) ag_days_from_civil((y), (m), (d))

static long actor(const ag_dataset_t *ds, const char *id)
{
    long a = ag_dataset_find_actor(ds, id);
    assert_true(a >= 0);
    return a;
}

static void test_format_of(void **state)
{
    (void)state;
    assert_int_equal(ag_chart_format_of("a.svg"), AG_CHART_SVG);
    assert_int_equal(ag_chart_format_of("dir.x/a.PNG"), AG_CHART_PNG);
    assert_int_equal(ag_chart_format_of("a.pdf"), AG_CHART_PDF);
    assert_int_equal(ag_chart_format_of("a.gif"), -1);
    assert_int_equal(ag_chart_format_of("dir.svg/a"), -1);
    assert_int_equal(ag_chart_format_of("svg"), -1);
}

static void test_lineage_pick(void **state)
{
    ag_dataset_t ds;
    long both[2], none[2];
    (void)state;
    assert_int_equal(tu_load(&ds, "compare-basic"), 0);
    both[0] = actor(&ds, "OLD");
    both[1] = actor(&ds, "NEW");
    /* OLD is active 1900/1989, NEW from 1960. */
    assert_int_equal(ag_lineage_pick(&ds, both, 2, DAY(1955, 6, 1)), both[0]);
    /* Both active: the successor. */
    assert_int_equal(ag_lineage_pick(&ds, both, 2, DAY(1974, 12, 31)), both[1]);
    assert_int_equal(ag_lineage_pick(&ds, both, 2, DAY(1995, 1, 1)), both[1]);
    /* Neither has an active interval nor a predecessor: the first. */
    none[0] = actor(&ds, "Q");
    none[1] = actor(&ds, "P");
    assert_int_equal(ag_lineage_pick(&ds, none, 2, DAY(1995, 1, 1)), none[0]);
    assert_int_equal(ag_lineage_pick(&ds, none, 0, DAY(1995, 1, 1)), -1);
    assert_int_equal(ag_interval_middle(DAY(1950, 1, 1), DAY(1950, 1, 3)), DAY(1950, 1, 2));
    assert_int_equal(ag_interval_middle(AG_DAY_MIN, DAY(1950, 1, 3)), DAY(1950, 1, 3));
    assert_int_equal(ag_interval_middle(DAY(1950, 1, 1), AG_DAY_MAX), DAY(1950, 1, 1));
    ag_dataset_destroy(&ds);
}

/* Degree era by era, by hand (METHODS: distinct neighbours in the dyad
 * graph; ties share the lowest rank):
 *   a   1950s: OLD P Q 3, R 2, U 1            -> OLD 3, rank 1 of 5
 *   b   1990s: NEW P R 3, Q 2, T 1            -> NEW 3, rank 1 of 5
 *   a2  1950-60: OLD P Q R 3, NEW U 1; middle day 1955: OLD is active
 *                                             -> OLD 3, rank 1 of 6
 *   all 1950-99: P 5, Q 4, OLD NEW R 3, T U 1; middle day 1974: both
 *                active, the successor        -> NEW 3, rank 3 of 7 */
static void test_trajectory(void **state)
{
    ag_dataset_t ds;
    ag_trajectory_t t;
    ag_slice_opts_t so;
    ag_error_t err;
    ag_table_t tab;
    long actors[2], eras[4];
    static const char *const era_ids[] = { "a", "b", "a2", "all" };
    static const char *const who[] = { "OLD", "NEW", "OLD", "NEW" };
    static const long rank[] = { 1, 1, 1, 3 }, n[] = { 5, 5, 6, 7 };
    (void)state;
    assert_int_equal(tu_load(&ds, "compare-basic"), 0);
    actors[0] = actor(&ds, "NEW");
    actors[1] = actor(&ds, "T");
    for (int e = 0; e < 4; e++)
        assert_true((eras[e] = ag_dataset_find_era(&ds, era_ids[e])) >= 0);
    ag_slice_opts_default(&so);
    assert_int_equal(ag_trajectory_init(&t, &ds, &so, AG_M_DEGREE, actors, 2, eras, 4, &err),
                     AG_OK);
    for (int e = 0; e < 4; e++) {
        const ag_traj_cell_t *c = &t.cells[e];
        assert_int_equal(c->actor, actor(&ds, who[e]));
        assert_true(c->value == 3.0);
        assert_int_equal(c->rank, rank[e]);
        assert_int_equal(c->n, n[e]);
    }
    /* T: only in era b (and all), degree 1, last. */
    assert_int_equal(t.cells[4 + 0].actor, -1);
    assert_int_equal(t.cells[4 + 1].actor, actor(&ds, "T"));
    assert_true(t.cells[4 + 1].value == 1.0);
    assert_int_equal(t.cells[4 + 1].rank, 5);

    assert_int_equal(ag_trajectory_table(&t, &tab, &err), AG_OK);
    assert_int_equal(tab.nrows, 8);
    assert_string_equal(ag_table_cell(&tab, 0, 0), "NEW");
    assert_string_equal(ag_table_cell(&tab, 0, 6), "OLD");
    assert_string_equal(ag_table_cell(&tab, 3, 10), "3");
    assert_string_equal(ag_table_cell(&tab, 3, 11), "7");
    assert_string_equal(ag_table_cell(&tab, 4, 6), ""); /* T absent from a */
    assert_string_equal(ag_table_cell(&tab, 4, 9), "");
    ag_table_destroy(&tab);

    {
        ag_linechart_t c;
        assert_int_equal(ag_trajectory_chart(&t, &c, &err), AG_OK);
        assert_true(c.y_rank);
        assert_int_equal(c.n_ticks, 4);
        assert_string_equal(c.ticks[3].label, "all");
        assert_int_equal(c.n_series, 2);
        assert_string_equal(c.series[0].id, "OLD/NEW");
        assert_string_equal(c.series[0].label, "New State");
        /* OLD, NEW, OLD, NEW: three handovers, between the eras. */
        assert_int_equal(c.series[0].n_marks, 3);
        assert_true(c.series[0].marks[0].x == 0.5);
        assert_string_equal(c.series[0].marks[0].text, "Old State \xe2\x86\x92 New State");
        assert_true(c.series[0].points[3].y == 3.0);
        assert_true(isnan(c.series[1].points[0].y));
        assert_true(c.series[1].points[1].y == 5.0);
        ag_linechart_destroy(&c);
    }
    ag_trajectory_destroy(&t);
    ag_dataset_destroy(&ds);
}

/* The row of the timeline table for a window (by its middle day), actor
 * and metric, or -1. */
static long find_row(const ag_table_t *t, int32_t mid, const char *id, const char *metric)
{
    for (size_t r = 0; r < t->nrows; r++) {
        ag_date_t a, b;
        assert_int_equal(ag_date_parse(ag_table_cell(t, r, 1), &a, NULL, 0), 0);
        assert_int_equal(ag_date_parse(ag_table_cell(t, r, 2), &b, NULL, 0), 0);
        if (ag_interval_middle(a.first, b.last) == mid && strcmp(ag_table_cell(t, r, 5), id) == 0 &&
            strcmp(ag_table_cell(t, r, 7), metric) == 0)
            return (long)r;
    }
    return -1;
}

/* Every point of the chart is a row of the table: the chart shows the
 * timeline's data and nothing else. */
static void assert_chart_is_table(const ag_dataset_t *ds, const ag_linechart_t *c,
                                  const ag_table_t *t, const char *metric)
{
    size_t points = 0;
    for (size_t s = 0; s < c->n_series; s++)
        for (size_t k = 0; k < c->series[s].n_points; k++) {
            const ag_chart_point_t *p = &c->series[s].points[k];
            bool found = false;
            if (isnan(p->y))
                continue;
            points++;
            /* The value is that of one actor of the series' lineage. */
            for (size_t a = 0; a < ds->n_actors && !found; a++) {
                long r;
                if (ag_dataset_lineage_root(ds, (long)a) !=
                    ag_dataset_lineage_root(ds, actor(ds, ds->actors[a].id)))
                    continue;
                r = find_row(t, (int32_t)p->x, ds->actors[a].id, metric);
                if (r >= 0 && strstr(c->series[s].id, ds->actors[a].id) &&
                    strtod(ag_table_cell(t, (size_t)r, 8), NULL) == p->y)
                    found = true;
            }
            assert_true(found);
        }
    assert_true(points > 0);
}

static void test_timeline_chart(void **state)
{
    ag_dataset_t ds;
    ag_span_t ten = { 10, AG_SPAN_YEARS };
    ag_window_t *w;
    size_t n;
    ag_slice_opts_t so;
    ag_table_t t;
    ag_error_t err;
    ag_linechart_t c;
    (void)state;
    assert_int_equal(tu_load(&ds, "compare-basic"), 0);
    assert_int_equal(ag_timeline_windows(DAY(1950, 1, 1), DAY(1999, 12, 31), &ten, &ten, &w, &n,
                                         &err),
                     AG_OK);
    assert_int_equal(n, 5);
    ag_slice_opts_default(&so);
    assert_int_equal(ag_timeline_table_init(&t, &err), AG_OK);
    assert_int_equal(ag_timeline_compute(&ds, &so, AG_METRICS_ALL, w, n, &t, NULL, NULL, &err),
                     AG_OK);

    /* The 1970s and 1980s have no relations: three windows. OLD in the
     * 1950s, NEW in the 1960s and 1990s: one line, handing over on NEW's
     * first day. P is not in the 1960s: a gap. */
    assert_int_equal(ag_timeline_chart(&ds, &t, AG_M_DEGREE, "NEW,P", 0, "what", &c, &err),
                     AG_OK);
    assert_true(c.x_days);
    assert_true(c.x_min == DAY(1950, 1, 1));
    assert_true(c.x_max == DAY(1999, 12, 31));
    assert_int_equal(c.n_series, 2);
    assert_string_equal(c.series[0].id, "OLD/NEW");
    assert_string_equal(c.series[0].label, "New State");
    assert_int_equal(c.series[0].n_points, 3);
    assert_true(c.series[0].points[0].x == ag_interval_middle(DAY(1950, 1, 1), DAY(1959, 12, 31)));
    assert_true(c.series[0].points[0].y == 3.0); /* OLD: P, Q, U */
    assert_true(c.series[0].points[1].y == 1.0); /* NEW: R */
    assert_true(c.series[0].points[2].y == 3.0); /* NEW: P, Q, R */
    assert_int_equal(c.series[0].n_marks, 1);
    assert_true(c.series[0].marks[0].x == DAY(1960, 1, 1));
    assert_string_equal(c.series[0].marks[0].text, "Old State \xe2\x86\x92 New State");
    assert_string_equal(c.series[1].id, "P");
    assert_true(isnan(c.series[1].points[1].y));
    assert_int_equal(c.n_bands, 4);
    assert_string_equal(c.bands[0].label, "Era A");
    assert_string_equal(c.bands[0].short_label, "a");
    assert_chart_is_table(&ds, &c, &t, "degree");
    ag_linechart_destroy(&c);

    /* Without a list: the top two lineages by their best value. */
    assert_int_equal(ag_timeline_chart(&ds, &t, AG_M_BETWEENNESS, NULL, 2, "what", &c, &err),
                     AG_OK);
    assert_int_equal(c.n_series, 2);
    assert_chart_is_table(&ds, &c, &t, "betweenness");
    ag_linechart_destroy(&c);

    assert_int_equal(ag_timeline_chart(&ds, &t, AG_M_DEGREE, "NOPE", 0, "what", &c, &err),
                     AG_EUSAGE);
    ag_table_destroy(&t);
    free(w);
    ag_dataset_destroy(&ds);
}

/* Era a against era b by degree (ranks as in test_trajectory):
 *   OLD -> NEW 1 -> 1, P 1 -> 1, R 4 -> 1, Q 1 -> 4 (U, T in one era). */
static void test_slope(void **state)
{
    ag_dataset_t ds;
    ag_compare_t cmp;
    ag_compare_opts_t co = { AG_LEVEL_ACTOR, AG_TIES_ALL, NULL, AG_METRICS_ALL, AG_DATES_PROBABLE };
    ag_slopechart_t s;
    ag_error_t err;
    (void)state;
    assert_int_equal(tu_load(&ds, "compare-basic"), 0);
    assert_int_equal(ag_compare_init(&cmp, &ds, ag_dataset_find_era(&ds, "a"),
                                     ag_dataset_find_era(&ds, "b"), &co, &err),
                     AG_OK);
    assert_int_equal(ag_compare_slope(&cmp, AG_M_DEGREE, 0, &s, &err), AG_OK);
    assert_int_equal(s.n_rows, 4);
    assert_string_equal(s.era_a, "Era A");
    assert_string_equal(s.rows[0].label_a, "Old State");
    assert_string_equal(s.rows[0].label_b, "New State");
    assert_int_equal(s.rows[0].rank_a, 1);
    assert_int_equal(s.rows[0].rank_b, 1);
    assert_string_equal(s.rows[1].label_b, "Pe");
    assert_string_equal(s.rows[2].label_b, "Ar");
    assert_int_equal(s.rows[2].rank_a, 4);
    assert_int_equal(s.rows[2].rank_b, 1);
    assert_string_equal(s.rows[3].label_b, "Qu");
    assert_int_equal(s.rows[3].rank_a, 1);
    assert_int_equal(s.rows[3].rank_b, 4);
    assert_int_equal(s.max_rank, 4);
    ag_slopechart_destroy(&s);
    /* Top 1: R (4 -> 1) and Q (1 -> 4) are still in; all four. */
    assert_int_equal(ag_compare_slope(&cmp, AG_M_DEGREE, 1, &s, &err), AG_OK);
    assert_int_equal(s.n_rows, 4);
    ag_slopechart_destroy(&s);
    ag_compare_destroy(&cmp);

    co.metrics = 1u << AG_M_DEGREE;
    assert_int_equal(ag_compare_init(&cmp, &ds, ag_dataset_find_era(&ds, "a"),
                                     ag_dataset_find_era(&ds, "b"), &co, &err),
                     AG_OK);
    assert_int_equal(ag_compare_slope(&cmp, AG_M_PAGERANK, 0, &s, &err), AG_EUSAGE);
    ag_compare_destroy(&cmp);
    ag_dataset_destroy(&ds);
}

/* The bytes of a file, malloc'd. */
static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *buf;
    long len;
    assert_non_null(fp);
    assert_int_equal(fseek(fp, 0, SEEK_END), 0);
    len = ftell(fp);
    rewind(fp);
    assert_non_null(buf = malloc((size_t)len + 1));
    assert_int_equal(fread(buf, 1, (size_t)len, fp), (size_t)len);
    fclose(fp);
    *n = (size_t)len;
    return buf;
}

/* Writes c to path twice: the same bytes each time. */
static void assert_same_twice(const ag_linechart_t *c, const char *path)
{
    ag_error_t err;
    unsigned char *a, *b;
    size_t na, nb;
    assert_int_equal(ag_linechart_write(c, path, &err), AG_OK);
    a = slurp(path, &na);
    assert_int_equal(ag_linechart_write(c, path, &err), AG_OK);
    b = slurp(path, &nb);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na);
    free(a);
    free(b);
}

static void test_files(void **state)
{
    char dir[] = "/tmp/ag-test-chart.XXXXXX", path[256];
    ag_linechart_t c;
    ag_slopechart_t s;
    ag_error_t err;
    size_t i, n;
    unsigned char *data;
    cairo_surface_t *png;
    (void)state;
    assert_non_null(mkdtemp(dir));
    assert_int_equal(ag_linechart_init(&c, "T <&>", "sub", "value", &err), AG_OK);
    assert_int_equal(ag_linechart_add_series(&c, "A", "Alpha", &i, &err), AG_OK);
    assert_int_equal(ag_linechart_add_point(&c, i, 0, 1, &err), AG_OK);
    assert_int_equal(ag_linechart_add_point(&c, i, 1, NAN, &err), AG_OK);
    assert_int_equal(ag_linechart_add_point(&c, i, 2, 0.5, &err), AG_OK);
    assert_int_equal(ag_linechart_add_tick(&c, 0, "x0", &err), AG_OK);
    assert_int_equal(ag_linechart_add_band(&c, 0, 1, "band", NULL, &err), AG_OK);

    snprintf(path, sizeof path, "%s/c.svg", dir);
    assert_same_twice(&c, path);
    data = slurp(path, &n);
    data[n] = 0;
    /* The title escaped, the line named in the description. */
    assert_non_null(strstr((char *)data, "<title>T &lt;&amp;&gt;</title>"));
    assert_non_null(strstr((char *)data, "Alpha (A)"));
    free(data);
    unlink(path);

    snprintf(path, sizeof path, "%s/c.pdf", dir);
    assert_same_twice(&c, path);
    data = slurp(path, &n);
    assert_true(n > 5 && memcmp(data, "%PDF-", 5) == 0);
    data[n] = 0;
    assert_null(memmem(data, n, "CreationDate", 12));
    free(data);
    unlink(path);

    snprintf(path, sizeof path, "%s/c.png", dir);
    assert_same_twice(&c, path);
    png = cairo_image_surface_create_from_png(path);
    assert_int_equal(cairo_surface_status(png), CAIRO_STATUS_SUCCESS);
    assert_int_equal(cairo_image_surface_get_width(png), 1800);
    assert_int_equal(cairo_image_surface_get_height(png), 1080);
    cairo_surface_destroy(png);
    unlink(path);

    snprintf(path, sizeof path, "%s/c.gif", dir);
    assert_int_equal(ag_linechart_write(&c, path, &err), AG_EUSAGE);
    assert_int_equal(access(path, F_OK), -1);
    ag_linechart_destroy(&c);

    /* A chart without a value is an error, and writes nothing. */
    assert_int_equal(ag_linechart_init(&c, "t", NULL, NULL, &err), AG_OK);
    assert_int_equal(ag_linechart_add_series(&c, "A", "Alpha", &i, &err), AG_OK);
    assert_int_equal(ag_linechart_add_point(&c, i, 0, NAN, &err), AG_OK);
    snprintf(path, sizeof path, "%s/empty.svg", dir);
    assert_int_equal(ag_linechart_write(&c, path, &err), AG_EUSAGE);
    assert_int_equal(access(path, F_OK), -1);
    ag_linechart_destroy(&c);

    /* A slope chart is 92 + 17 per rank + 40 points high, at 2 pixels per
     * point. */
    assert_int_equal(ag_slopechart_init(&s, "t", "s", "A", "B", &err), AG_OK);
    assert_int_equal(ag_slopechart_add(&s, "x", "y", 1, 3, &err), AG_OK);
    assert_int_equal(ag_slopechart_add(&s, "z", "z", 2, 1, &err), AG_OK);
    snprintf(path, sizeof path, "%s/s.png", dir);
    assert_int_equal(ag_slopechart_write(&s, path, &err), AG_OK);
    png = cairo_image_surface_create_from_png(path);
    assert_int_equal(cairo_image_surface_get_width(png), 1240);
    assert_int_equal(cairo_image_surface_get_height(png), 2 * (92 + 3 * 17 + 40));
    cairo_surface_destroy(png);
    unlink(path);
    ag_slopechart_destroy(&s);
    assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_of),  cmocka_unit_test(test_lineage_pick),
        cmocka_unit_test(test_trajectory), cmocka_unit_test(test_timeline_chart),
        cmocka_unit_test(test_slope),      cmocka_unit_test(test_files),
    };
    ag_init(NULL);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
