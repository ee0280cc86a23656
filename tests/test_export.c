/*
 * test_export.c: what an export writes about time, hand-computed on
 * tests/data/export-time:
 *   AAA-CCC: a treaty (w 2) 1950-1955, an alliance (w 3) 1953-1960, an
 *            agreement (w 1) in 1970: two periods, 1950-01-01/1960-12-31
 *            and 1970; weight 2 (1950-1952), 5 (1953-1955), 3 (1956-1960),
 *            1 (1970).
 *   AAA-BBB: cooperation 1950-1953 while Beta exists from 1952-01-01:
 *            clipped to 1952-01-01/1953-12-31.
 *   CCC->BBB: a visit, directed, in the relation export.
 * The era "fifties" (1950-1959) clips AAA-CCC to 1950-1959.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

typedef struct {
    ag_dataset_t ds;
} fixture_t;

static int setup(void **state)
{
    fixture_t *f = calloc(1, sizeof *f);
    ag_error_t err;
    if (!f || ag_init(&err) != AG_OK || tu_load(&f->ds, "export-time") != 0)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture_t *f = *state;
    ag_dataset_destroy(&f->ds);
    free(f);
    return 0;
}

/* The export of the slice (era NULL: all time) in memory; the caller frees. */
static char *export_text(const ag_dataset_t *ds, const char *era, ag_export_format_t fmt,
                         ag_export_edges_t edges)
{
    ag_era_graph_t g;
    ag_export_opts_t o;
    ag_error_t err;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    tu_slice(&g, ds, era, AG_LEVEL_ACTOR, AG_TIES_ALL, NULL);
    ag_export_opts_default(&o, fmt);
    o.edges = edges;
    assert_int_equal(ag_export_write(&g, &o, fp, &err), AG_OK);
    fclose(fp);
    ag_era_graph_destroy(&g);
    return buf;
}

static void csv_periods_and_interval(void **state)
{
    fixture_t *f = *state;
    char *t = export_text(&f->ds, NULL, AG_EXPORT_CSV, AG_EXPORT_EDGES_DYADS);
    assert_non_null(strstr(t, "Source,Target,Type,Id,Label,Interval,Weight,pos,neg,net,"
                              "relations,types,cites,periods,start,end\n"));
    /* Types in the built-in vocabulary's order, cites distinct in date order. */
    assert_non_null(strstr(t, "AAA,CCC,Undirected,1,alliance;treaty;agreement,"
                              "\"<[1950-01-01, 1960-12-31]; [1970-01-01, 1970-12-31]>\",6,6,0,6,3,"
                              "alliance;treaty;agreement,fn 1 | fn 2,"
                              "1950-01-01/1960-12-31;1970-01-01/1970-12-31,1950-01-01,1970-12-31\n"));
    assert_non_null(strstr(t, "AAA,BBB,Undirected,0,cooperation,"
                              "\"<[1952-01-01, 1953-12-31]>\""));
    free(t);
}

static void csv_nodes_keep_lifetimes(void **state)
{
    fixture_t *f = *state;
    char *t = export_text(&f->ds, NULL, AG_EXPORT_CSV_NODES, AG_EXPORT_EDGES_DYADS);
    assert_non_null(strstr(t, "Id,Label,Interval,kind,state\n"));
    assert_non_null(strstr(t, "AAA,Alpha,,state,\n"));
    assert_non_null(strstr(t, "BBB,Beta,\"<[1952-01-01, Infinity]>\",state,\n"));
    free(t);
}

static void gexf_weight_over_time(void **state)
{
    fixture_t *f = *state;
    char *t = export_text(&f->ds, NULL, AG_EXPORT_GEXF, AG_EXPORT_EDGES_DYADS);
    const char *e = strstr(t, "source=\"AAA\" target=\"CCC\" weight=\"6\"");
    assert_non_null(e);
    assert_non_null(strstr(e, "<spell start=\"1950-01-01\" end=\"1960-12-31\"/>\n"
                              "          <spell start=\"1970-01-01\" end=\"1970-12-31\"/>"));
    assert_non_null(strstr(e, "<attvalue for=\"weight\" value=\"2\" start=\"1950-01-01\" end=\"1952-12-31\"/>\n"
                              "          <attvalue for=\"weight\" value=\"5\" start=\"1953-01-01\" end=\"1955-12-31\"/>\n"
                              "          <attvalue for=\"weight\" value=\"3\" start=\"1956-01-01\" end=\"1960-12-31\"/>\n"
                              "          <attvalue for=\"weight\" value=\"1\" start=\"1970-01-01\" end=\"1970-12-31\"/>"));
    free(t);
}

static void era_clips_to_window(void **state)
{
    fixture_t *f = *state;
    char *t = export_text(&f->ds, "fifties", AG_EXPORT_GEXF, AG_EXPORT_EDGES_DYADS);
    const char *e = strstr(t, "source=\"AAA\" target=\"CCC\" weight=\"5\"");
    assert_non_null(e);
    assert_non_null(strstr(e, "<spell start=\"1950-01-01\" end=\"1959-12-31\"/>"));
    assert_non_null(strstr(e, "value=\"3\" start=\"1956-01-01\" end=\"1959-12-31\"/>"));
    /* Nodes live through the window (Beta from its birth). */
    assert_non_null(strstr(t, "<node id=\"BBB\" label=\"Beta\">\n        <spells>\n"
                              "          <spell start=\"1952-01-01\" end=\"1959-12-31\"/>"));
    free(t);
}

static void relations_are_directed_edges(void **state)
{
    fixture_t *f = *state;
    char *t = export_text(&f->ds, NULL, AG_EXPORT_GRAPHML, AG_EXPORT_EDGES_RELATIONS);
    assert_non_null(strstr(t, "<graph id=\"G\" edgedefault=\"directed\">"));
    /* Five relations, five edges; the visit keeps its direction. */
    assert_non_null(strstr(t, "<edge id=\"e4\" source=\"CCC\" target=\"BBB\">"));
    assert_null(strstr(t, "<edge id=\"e5\""));
    assert_non_null(strstr(t, "<data key=\"e1\">visit</data>"));
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_periods_and_interval),
        cmocka_unit_test(csv_nodes_keep_lifetimes),
        cmocka_unit_test(gexf_weight_over_time),
        cmocka_unit_test(era_clips_to_window),
        cmocka_unit_test(relations_are_directed_edges),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
