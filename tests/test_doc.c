/*
 * test_doc.c: the document model and its back-ends: the bytes each format
 * writes for small documents, which blocks each audience gets, the data
 * tables of CSV and JSON, the number formatter, and write errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/doc.h"

/* Writes d in fmt to a memory stream; returns the text (caller frees) and
 * the status in *rc. */
static char *render(const ag_doc_t *d, ag_format_t fmt, ag_status_t *rc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    ag_error_t err;
    assert_non_null(fp);
    *rc = ag_doc_write(d, fmt, fp, &err);
    fclose(fp);
    return buf;
}

static void table2(ag_table_t *t, const char *a, const char *b)
{
    static const char *const head[] = { "actor", "value" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_NUMBER };
    const char *r1[] = { a, "1.5" };
    const char *r2[] = { b, "10" };
    ag_error_t err;
    assert_int_equal(ag_table_init(t, 2, head, type, &err), AG_OK);
    assert_int_equal(ag_table_add(t, r1, &err), AG_OK);
    assert_int_equal(ag_table_add(t, r2, &err), AG_OK);
}

/* Every kind of block, some for one audience only. */
static void sample(ag_doc_t *d)
{
    static const char *const items[] = { "first", "second" };
    ag_table_t t;
    ag_error_t err;
    ag_doc_init(d);
    table2(&t, "PAK", "IND");
    assert_int_equal(ag_doc_title(d, 0, "Title", &err), AG_OK);
    assert_int_equal(ag_doc_paragraph(d, 0, "Para one.\nSecond line.", &err), AG_OK);
    assert_int_equal(ag_doc_paragraphf(d, AG_BLOCK_TIGHT, &err, "Tight %d.", 2), AG_OK);
    assert_int_equal(ag_doc_paragraph(d, AG_FOR_TERMINAL, "terminal only", &err), AG_OK);
    assert_int_equal(ag_doc_paragraph(d, AG_FOR_READING, "reading only", &err), AG_OK);
    assert_int_equal(ag_doc_heading(d, 0, 2, "sec", "Section", &err), AG_OK);
    assert_int_equal(ag_doc_table(d, AG_BLOCK_DATA, "t", "A table", &t, &err), AG_OK);
    /* Moved into the document. */
    assert_null(t.head);
    assert_int_equal(ag_doc_heading(d, 0, 3, NULL, "Sub", &err), AG_OK);
    assert_int_equal(ag_doc_list(d, 0, true, items, 2, &err), AG_OK);
    assert_int_equal(ag_doc_list(d, 0, false, items, 2, &err), AG_OK);
    assert_int_equal(ag_doc_figure(d, 0, "eras/a.svg", "Diagram", "The era", &err), AG_OK);
    assert_int_equal(ag_doc_link(d, 0, "report.md", "Report", &err), AG_OK);
    assert_int_equal(ag_doc_raw(d, 0, AG_FMT_TABLE, "  raw text\n", &err), AG_OK);
    assert_int_equal(ag_doc_raw(d, 0, AG_FMT_MD, "<!-- raw md -->\n", &err), AG_OK);
}

static void test_text(void **state)
{
    ag_doc_t d;
    ag_status_t rc;
    char *s;
    (void)state;
    sample(&d);
    s = render(&d, AG_FMT_TABLE, &rc);
    assert_int_equal(rc, AG_OK);
    assert_string_equal(s,
                        "Title\n"
                        "\n"
                        "Para one.\nSecond line.\n"
                        "Tight 2.\n"
                        "\n"
                        "terminal only\n"
                        "\n"
                        "Section\n"
                        "\n"
                        "actor  value\n"
                        "-----  -----\n"
                        "PAK      1.5\n"
                        "IND       10\n"
                        "\n"
                        "Sub\n"
                        "\n"
                        "1. first\n"
                        "2. second\n"
                        "\n"
                        "- first\n"
                        "- second\n"
                        "\n"
                        "The era (eras/a.svg)\n"
                        "\n"
                        "Report: report.md\n"
                        "\n"
                        "  raw text\n");
    free(s);
    ag_doc_destroy(&d);
}

static void test_md(void **state)
{
    ag_doc_t d;
    ag_status_t rc;
    char *s;
    (void)state;
    sample(&d);
    s = render(&d, AG_FMT_MD, &rc);
    assert_int_equal(rc, AG_OK);
    assert_string_equal(s,
                        "# Title\n"
                        "\n"
                        "Para one.\nSecond line.\n"
                        "\n"
                        "Tight 2.\n"
                        "\n"
                        "reading only\n"
                        "\n"
                        "## Section\n"
                        "\n"
                        "| actor | value |\n"
                        "| --- | ---: |\n"
                        "| PAK | 1.5 |\n"
                        "| IND | 10 |\n"
                        "\n"
                        "### Sub\n"
                        "\n"
                        "1. first\n"
                        "2. second\n"
                        "\n"
                        "- first\n"
                        "- second\n"
                        "\n"
                        "![Diagram](eras/a.svg)\n"
                        "\n"
                        "The era\n"
                        "\n"
                        "[Report](report.md)\n"
                        "\n"
                        "<!-- raw md -->\n");
    free(s);
    ag_doc_destroy(&d);
}

static void test_csv_writes_data_tables(void **state)
{
    ag_doc_t d;
    ag_table_t a, b;
    ag_error_t err;
    ag_status_t rc;
    char *s;
    (void)state;
    sample(&d);
    s = render(&d, AG_FMT_CSV, &rc);
    assert_int_equal(rc, AG_OK);
    assert_string_equal(s, "actor,value\nPAK,1.5\nIND,10\n");
    free(s);
    ag_doc_destroy(&d);

    /* A machine-only table is written by CSV, not by text; two data tables
     * are separated by a blank line; quoting is minimal. */
    ag_doc_init(&d);
    table2(&a, "A,B", "say \"x\"");
    table2(&b, "C", "D");
    assert_int_equal(ag_doc_table(&d, AG_FOR_MACHINE | AG_BLOCK_DATA, "one", NULL, &a, &err),
                     AG_OK);
    assert_int_equal(ag_doc_table_ref(&d, AG_FOR_MACHINE | AG_BLOCK_DATA, "two", NULL, &b, &err),
                     AG_OK);
    s = render(&d, AG_FMT_CSV, &rc);
    assert_int_equal(rc, AG_OK);
    assert_string_equal(s, "actor,value\n\"A,B\",1.5\n\"say \"\"x\"\"\",10\n"
                           "\n"
                           "actor,value\nC,1.5\nD,10\n");
    free(s);
    s = render(&d, AG_FMT_TABLE, &rc);
    assert_int_equal(rc, AG_OK);
    assert_string_equal(s, "");
    free(s);
    /* Two data tables as JSON: an object keyed by their ids. */
    s = render(&d, AG_FMT_JSON, &rc);
    assert_int_equal(rc, AG_OK);
    assert_non_null(strstr(s, "\"one\": ["));
    assert_non_null(strstr(s, "\"two\": ["));
    assert_non_null(strstr(s, "\"value\": 1.5"));
    free(s);
    ag_doc_destroy(&d);
    /* The borrowed table is still the caller's. */
    assert_int_equal(b.nrows, 2);
    ag_table_destroy(&b);
}

static void test_json(void **state)
{
    ag_doc_t d;
    ag_error_t err;
    ag_status_t rc;
    char *s;
    (void)state;
    sample(&d);
    /* No JSON value: the one data table as an array of rows. */
    s = render(&d, AG_FMT_JSON, &rc);
    assert_int_equal(rc, AG_OK);
    assert_string_equal(s, "[\n  {\n    \"actor\": \"PAK\",\n    \"value\": 1.5\n  },\n"
                           "  {\n    \"actor\": \"IND\",\n    \"value\": 10\n  }\n]\n");
    free(s);
    /* A JSON value wins. */
    assert_int_equal(ag_doc_set_json(&d, json_pack("{s:f}", "x", 1.0 / 3.0), &err), AG_OK);
    s = render(&d, AG_FMT_JSON, &rc);
    assert_int_equal(rc, AG_OK);
    assert_string_equal(s, "{\n  \"x\": 0.3333333333\n}\n");
    free(s);
    /* A failed constructor is lack of memory. */
    assert_int_equal(ag_doc_set_json(&d, NULL, &err), AG_ENOMEM);
    ag_doc_destroy(&d);
}

static void test_nothing_for_machines(void **state)
{
    ag_doc_t d;
    ag_error_t err;
    ag_status_t rc;
    char *s;
    (void)state;
    ag_doc_init(&d);
    assert_int_equal(ag_doc_paragraph(&d, 0, "words", &err), AG_OK);
    s = render(&d, AG_FMT_CSV, &rc);
    assert_int_equal(rc, AG_EUSAGE);
    free(s);
    s = render(&d, AG_FMT_JSON, &rc);
    assert_int_equal(rc, AG_EUSAGE);
    free(s);
    ag_doc_destroy(&d);
    /* Destroying twice (a zeroed document) is fine. */
    ag_doc_destroy(&d);
}

/* Writing to a stream that fails at once is AG_EIO, in every format. */
static void test_write_errors(void **state)
{
    static const ag_format_t fmts[] = { AG_FMT_TABLE, AG_FMT_MD, AG_FMT_CSV, AG_FMT_JSON };
    ag_doc_t d;
    char small[8];
    (void)state;
    sample(&d);
    for (size_t i = 0; i < 4; i++) {
        ag_error_t err;
        FILE *fp = fmemopen(small, sizeof small, "w");
        assert_non_null(fp);
        setvbuf(fp, NULL, _IONBF, 0);
        assert_int_equal(ag_doc_write(&d, fmts[i], fp, &err), AG_EIO);
        assert_non_null(strstr(err.msg, "write error"));
        fclose(fp);
    }
    {
        ag_error_t err;
        FILE *fp = fopen("/dev/full", "w");
        if (fp) {
            setvbuf(fp, NULL, _IONBF, 0);
            assert_int_equal(ag_doc_write(&d, AG_FMT_MD, fp, &err), AG_EIO);
            assert_string_equal(err.msg, "write error: No space left on device");
            fclose(fp);
        }
    }
    ag_doc_destroy(&d);
}

static void test_numbers(void **state)
{
    char buf[32];
    (void)state;
    assert_string_equal(ag_doc_number(-0.0, AG_NUM_DATA, buf), "0");
    assert_string_equal(ag_doc_number(4.8e-17, AG_NUM_DATA, buf), "0");
    assert_string_equal(ag_doc_number(2.0 / 3.0, AG_NUM_DATA, buf), "0.6666666667");
    assert_string_equal(ag_doc_number(NAN, AG_NUM_DATA, buf), "");
    assert_string_equal(ag_doc_number(2.0 / 3.0, AG_NUM_PEOPLE, buf), "0.6667");
    assert_string_equal(ag_doc_number(1234.56, AG_NUM_PEOPLE, buf), "1234.6");
    assert_string_equal(ag_doc_number(42.0, AG_NUM_PEOPLE, buf), "42");
    assert_string_equal(ag_doc_number(-3e-11, AG_NUM_PEOPLE, buf), "0");
    assert_string_equal(ag_doc_number(NAN, AG_NUM_PEOPLE, buf), "-");
    /* One rule for people: the tables of compare, balance and explain and
     * the timeline's matrix follow AG_NUM_PEOPLE. */
    assert_string_equal(ag_doc_number(1234.56, AG_NUM_SHORT, buf), "1234.6");
    assert_string_equal(ag_doc_number(2.0 / 3.0, AG_NUM_TABLE, buf), "0.6667");
    assert_string_equal(ag_doc_number(NAN, AG_NUM_TABLE, buf), "-");
    assert_string_equal(ag_doc_number(0.000123456, AG_NUM_SHORT, buf), "0.0001235");
}

static void test_audience(void **state)
{
    (void)state;
    assert_int_equal(ag_doc_audience(AG_FMT_TABLE), AG_FOR_TERMINAL);
    assert_int_equal(ag_doc_audience(AG_FMT_MD), AG_FOR_READING);
    assert_int_equal(ag_doc_audience(AG_FMT_CSV), AG_FOR_MACHINE);
    assert_int_equal(ag_doc_audience(AG_FMT_JSON), AG_FOR_MACHINE);
}

static void test_heading_levels_clamp(void **state)
{
    ag_doc_t d;
    ag_error_t err;
    ag_status_t rc;
    char *s;
    (void)state;
    ag_doc_init(&d);
    assert_int_equal(ag_doc_heading(&d, 0, 1, NULL, "low", &err), AG_OK);
    assert_int_equal(ag_doc_heading(&d, 0, 9, NULL, "deep", &err), AG_OK);
    assert_int_equal(d.blocks[0].level, 2);
    assert_int_equal(d.blocks[1].level, 6);
    s = render(&d, AG_FMT_MD, &rc);
    assert_int_equal(rc, AG_OK);
    assert_string_equal(s, "## low\n\n###### deep\n");
    free(s);
    ag_doc_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_md),
        cmocka_unit_test(test_csv_writes_data_tables),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_nothing_for_machines),
        cmocka_unit_test(test_write_errors),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_audience),
        cmocka_unit_test(test_heading_levels_clamp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
