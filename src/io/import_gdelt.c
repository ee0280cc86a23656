/*
 * import_gdelt.c: GDELT event records (import.h): GDELT 1.0 (58
 * tab-separated columns, no header) and GDELT 2.0 (61: three ADM2 codes
 * more, so DATEADDED and SOURCEURL move), laid out as the GDELT event
 * codebooks (V1.03, V2.0) describe them. Both share the first 35 columns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "io/import_i.h"

/* Columns both versions share, and where they differ. */
enum {
    G_ID = 0, G_SQLDATE = 1,
    G_A1_CODE = 5, G_A1_NAME = 6, G_A1_COUNTRY = 7, G_A1_TYPE = 12,
    G_A2_CODE = 15, G_A2_NAME = 16, G_A2_COUNTRY = 17, G_A2_TYPE = 22,
    G_EVENT_CODE = 26, G_ROOT_CODE = 28, G_QUAD = 29, G_GOLDSTEIN = 30,
    G_MENTIONS = 31,
    G1_URL = 57, G1_FIELDS = 58,
    G2_URL = 60, G2_FIELDS = 61
};

static ag_i_ev_result_t read_gdelt(ag_i_import_t *im, long line, char **f, size_t n,
                                   ag_i_event_t *ev, size_t fields, size_t url,
                                   const char *version)
{
    const char *bad = NULL;
    bool has_src, has_dst;
    char *end, what[64];
    int root;
    if (n != fields) {
        snprintf(what, sizeof what, "%zu", n);
        snprintf(what + strlen(what), sizeof what - strlen(what), " fields, a %s event has %zu",
                 version, fields);
        ag_i_import_skip(im, line, "skipped: %s", what);
        return AG_I_EV_MALFORMED;
    }
    ag_i_trim(f[G_SQLDATE]);
    if (strlen(f[G_SQLDATE]) != 8 || strspn(f[G_SQLDATE], "0123456789") != 8) {
        ag_i_import_skip(im, line, "skipped: bad SQLDATE '%s' (expected YYYYMMDD)",
                         f[G_SQLDATE]);
        return AG_I_EV_MALFORMED;
    }
    if (!ag_i_import_date(f[G_SQLDATE], ev)) {
        ag_i_import_skip(im, line, "skipped: impossible SQLDATE '%s'", f[G_SQLDATE]);
        return AG_I_EV_MALFORMED;
    }
    ag_i_trim(f[G_ROOT_CODE]);
    ag_i_trim(f[G_EVENT_CODE]);
    root = (int)strtol(f[G_ROOT_CODE], &end, 10);
    if (end == f[G_ROOT_CODE] || *end || root < 1 || root > 20) {
        ag_i_import_skip(im, line, "skipped: bad EventRootCode '%s' (expected 01 to 20)",
                         f[G_ROOT_CODE]);
        return AG_I_EV_MALFORMED;
    }
    /* The event code types the event; the root code stands in for an
     * event code that is missing or doesn't start with it. */
    snprintf(ev->code_buf, sizeof ev->code_buf, "%02d", root);
    ev->code = f[G_EVENT_CODE];
    if (!*ev->code || strspn(ev->code, "0123456789") != strlen(ev->code) ||
        strncmp(ev->code, ev->code_buf, 2) != 0)
        ev->code = ev->code_buf;
    has_src = ag_i_cameo_side(&ev->src, f[G_A1_CODE], f[G_A1_NAME], f[G_A1_COUNTRY],
                              f[G_A1_TYPE], &bad);
    has_dst = ag_i_cameo_side(&ev->dst, f[G_A2_CODE], f[G_A2_NAME], f[G_A2_COUNTRY],
                              f[G_A2_TYPE], &bad);
    if (bad) {
        ag_i_import_skip(im, line, "skipped: actor code '%s' is not a valid id", bad);
        return AG_I_EV_MALFORMED;
    }
    if (!has_src || !has_dst)
        return AG_I_EV_ONE_ACTOR;
    ev->id = ag_i_trim(f[G_ID]);
    ev->cite = ag_i_trim(f[url]);
    ev->extra[0] = ev->id;
    ev->extra[1] = f[G_EVENT_CODE];
    ev->extra[2] = ag_i_trim(f[G_GOLDSTEIN]);
    ev->extra[3] = ag_i_trim(f[G_MENTIONS]);
    return AG_I_EV_KEEP;
}

static ag_i_ev_result_t read_gdelt1(ag_i_import_t *im, long line, char **f, size_t n,
                                    ag_i_event_t *ev)
{
    return read_gdelt(im, line, f, n, ev, G1_FIELDS, G1_URL, "GDELT 1.0");
}

static ag_i_ev_result_t read_gdelt2(ag_i_import_t *im, long line, char **f, size_t n,
                                    ag_i_event_t *ev)
{
    return read_gdelt(im, line, f, n, ev, G2_FIELDS, G2_URL, "GDELT 2.0");
}

#define GDELT_ABOUT(v)                                                                      \
    "Each relation is one event (or one aggregate of events): its type comes from "         \
    "the event's CAMEO code, its cite is the source URL, and the extra columns "            \
    "`event_id`, `event_code`, `goldstein` and `mentions` come from GDELT. Government "     \
    "organs (GOV, MIL, JUD, LEG, SPY, COP) get their country as parent. GDELT may be "      \
    "used freely for research with citation: Leetaru, K. and Schrodt, P. (2013), "          \
    "\"GDELT: Global Data on Events, Location and Tone, 1979-2012\", ISA Annual "           \
    "Convention (" v ")."

const ag_i_format_t ag_i_format_gdelt = {
    "GDELT 1.0 events", "gdelt", "GDELT", '\t', "event_id,event_code,goldstein,mentions", 4,
    read_gdelt1, GDELT_ABOUT("GDELT 1.0 event files")
};

const ag_i_format_t ag_i_format_gdelt2 = {
    "GDELT 2.0 events", "gdelt2", "GDELT", '\t', "event_id,event_code,goldstein,mentions", 4,
    read_gdelt2, GDELT_ABOUT("GDELT 2.0 event files")
};
