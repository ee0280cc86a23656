/*
 * test_table.c: tabular output in every format.
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

#include "actorgraph/table.h"

/* Writes t in fmt to a memory stream and returns the text (caller frees). */
static char *render(const ag_table_t *t, ag_format_t fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    ag_error_t err;
    assert_non_null(fp);
    assert_int_equal(ag_table_write(t, fmt, fp, &err), AG_OK);
    fclose(fp);
    return buf;
}

static void fill(ag_table_t *t)
{
    static const char *const head[] = { "actor", "name", "value" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_NUMBER };
    const char *r1[] = { "TUR", "T\xC3\xBCrkiye", "0.5" };
    const char *r2[] = { "X", "a \"quoted\", name|pipe", "12" };
    const char *r3[] = { "Y", NULL, "" };
    ag_error_t err;
    assert_int_equal(ag_table_init(t, 3, head, type, &err), AG_OK);
    assert_int_equal(ag_table_add(t, r1, &err), AG_OK);
    assert_int_equal(ag_table_add(t, r2, &err), AG_OK);
    assert_int_equal(ag_table_add(t, r3, &err), AG_OK);
}

static void test_text_aligns_by_code_points(void **state)
{
    ag_table_t t;
    char *s;
    (void)state;
    fill(&t);
    s = render(&t, AG_FMT_TABLE);
    /* "Türkiye" is 7 code points but 8 bytes: the value column still lines
     * up, numbers right-aligned. */
    assert_string_equal(s,
                        "actor  name                   value\n"
                        "-----  ---------------------  -----\n"
                        "TUR    T\xC3\xBCrkiye                  0.5\n"
                        "X      a \"quoted\", name|pipe     12\n"
                        "Y                                  \n");
    free(s);
    ag_table_destroy(&t);
}

static void test_csv_quotes_minimally(void **state)
{
    ag_table_t t;
    char *s;
    (void)state;
    fill(&t);
    s = render(&t, AG_FMT_CSV);
    assert_string_equal(s, "actor,name,value\n"
                           "TUR,T\xC3\xBCrkiye,0.5\n"
                           "X,\"a \"\"quoted\"\", name|pipe\",12\n"
                           "Y,,\n");
    free(s);
    ag_table_destroy(&t);
}

static void test_md_escapes_pipes(void **state)
{
    ag_table_t t;
    char *s;
    (void)state;
    fill(&t);
    s = render(&t, AG_FMT_MD);
    assert_string_equal(s, "| actor | name | value |\n"
                           "| --- | --- | ---: |\n"
                           "| TUR | T\xC3\xBCrkiye | 0.5 |\n"
                           "| X | a \"quoted\", name\\|pipe | 12 |\n"
                           "| Y |  |  |\n");
    free(s);
    ag_table_destroy(&t);
}

static void test_json_types(void **state)
{
    ag_table_t t;
    char *s;
    (void)state;
    fill(&t);
    s = render(&t, AG_FMT_JSON);
    assert_non_null(strstr(s, "\"value\": 0.5"));
    assert_non_null(strstr(s, "\"value\": 12\n"));
    assert_non_null(strstr(s, "\"value\": null"));
    assert_non_null(strstr(s, "\"name\": \"a \\\"quoted\\\", name|pipe\""));
    free(s);
    ag_table_destroy(&t);
}

static void test_format_number(void **state)
{
    char buf[32];
    (void)state;
    assert_string_equal(ag_format_number(-0.0, buf), "0");
    assert_string_equal(ag_format_number(4.8e-17, buf), "0");
    assert_string_equal(ag_format_number(-3e-11, buf), "0");
    assert_string_equal(ag_format_number(1.0 / 3.0, buf), "0.3333333333");
    assert_string_equal(ag_format_number(2.0, buf), "2");
    assert_string_equal(ag_format_number(NAN, buf), "");
    assert_int_equal(ag_format_parse("md"), AG_FMT_MD);
    assert_int_equal(ag_format_parse("xml"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_aligns_by_code_points),
        cmocka_unit_test(test_csv_quotes_minimally),
        cmocka_unit_test(test_md_escapes_pipes),
        cmocka_unit_test(test_json_types),
        cmocka_unit_test(test_format_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
