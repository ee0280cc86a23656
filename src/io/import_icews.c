/*
 * import_icews.c: ICEWS coded event records (import.h), as the ICEWS
 * Coded Event Data files on Harvard Dataverse lay them out: tab-separated,
 * a header row, 20 columns: Event ID, Event Date, Source Name, Source
 * Sectors, Source Country, Event Text, CAMEO Code, Intensity, Target Name,
 * Target Sectors, Target Country, Story ID, Sentence Number, Publisher,
 * City, District, Province, Country, Latitude, Longitude.
 *
 * ICEWS names its actors ("Police (Pakistan)", "Nawaz Sharif"): ids are
 * made from the names (ASCII letters and digits kept, anything else one
 * '_'), countries become states, and actors whose sectors say Government
 * get their country as parent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/model.h"
#include "core/util.h"
#include "io/import_i.h"

enum {
    I_ID, I_DATE, I_SRC_NAME, I_SRC_SECTORS, I_SRC_COUNTRY, I_TEXT, I_CAMEO, I_INTENSITY,
    I_DST_NAME, I_DST_SECTORS, I_DST_COUNTRY, I_STORY, I_SENTENCE, I_PUBLISHER,
    I_FIELDS = 20
};

/* An id made from a name: runs of anything but ASCII letters, digits, '.'
 * and '-' become one '_', none at either end ("Police (Pakistan)" ->
 * "Police_Pakistan"); a name with none of those characters gets "actor_"
 * and its bytes in hex, cut to fit. */
static void name_id(const char *name, char *buf, size_t n)
{
    size_t len = 0;
    bool gap = false;
    for (const unsigned char *p = (const unsigned char *)name; *p && len + 2 < n; p++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                  (*p >= '0' && *p <= '9') || *p == '.' || *p == '-';
        if (!ok) {
            gap = true;
            continue;
        }
        if (gap && len)
            buf[len++] = '_';
        gap = false;
        buf[len++] = (char)*p;
    }
    buf[len] = '\0';
    if (!len) {
        len = (size_t)snprintf(buf, n, "actor_");
        for (const unsigned char *p = (const unsigned char *)name; *p && len + 3 < n; p++)
            len += (size_t)snprintf(buf + len, n - len, "%02x", *p);
    }
}

/* One side: false when it has no name. */
static bool icews_side(ag_i_side_t *sd, char *name, const char *sectors, const char *country,
                       char *id_buf, char *parent_buf)
{
    memset(sd, 0, sizeof *sd);
    if (!*name)
        return false;
    name_id(name, id_buf, 128);
    sd->code = id_buf;
    sd->name = name;
    if (*country && strcmp(name, country) == 0) {
        sd->kind = AG_KIND_STATE;
    } else if (*country && strstr(sectors, "Government")) {
        sd->kind = AG_KIND_AGENCY;
        name_id(country, parent_buf, 128);
        sd->parent = parent_buf;
    } else if (strstr(sectors, "Organization")) {
        sd->kind = AG_KIND_ORGANISATION;
    } else {
        sd->kind = AG_KIND_GROUP;
    }
    return true;
}

static ag_i_ev_result_t read_icews(ag_i_import_t *im, long line, char **f, size_t n,
                                   ag_i_event_t *ev)
{
    char *end, what[64];
    const char *code;
    bool has_src, has_dst;
    int root;
    if (n >= 1 && strcmp(ag_i_trim(f[0]), "Event ID") == 0)
        return AG_I_EV_HEADER;
    if (n != I_FIELDS) {
        snprintf(what, sizeof what, "%zu", n);
        ag_i_import_skip(im, line, "skipped: %s fields, an ICEWS event has 20", what);
        return AG_I_EV_MALFORMED;
    }
    for (size_t k = 0; k < n; k++)
        ag_i_trim(f[k]);
    if (!ag_i_import_date(f[I_DATE], ev)) {
        ag_i_import_skip(im, line, "skipped: bad Event Date '%s' (expected YYYY-MM-DD)",
                         f[I_DATE]);
        return AG_I_EV_MALFORMED;
    }
    code = f[I_CAMEO];
    root = strlen(code) >= 2 ? (code[0] - '0') * 10 + (code[1] - '0') : 0;
    if (strlen(code) < 2 || strlen(code) > 4 || strspn(code, "0123456789") != strlen(code) ||
        root < 1 || root > 20) {
        ag_i_import_skip(im, line, "skipped: bad CAMEO Code '%s' (expected 010 to 204)", code);
        return AG_I_EV_MALFORMED;
    }
    ev->code = code;
    ev->score = strtod(f[I_INTENSITY], &end);
    if (end == f[I_INTENSITY] || *end || ev->score < -10 || ev->score > 10) {
        ag_i_import_skip(im, line, "skipped: bad Intensity '%s' (expected -10 to 10)",
                         f[I_INTENSITY]);
        return AG_I_EV_MALFORMED;
    }
    ev->has_score = true;
    has_src = icews_side(&ev->src, f[I_SRC_NAME], f[I_SRC_SECTORS], f[I_SRC_COUNTRY],
                         ev->id_buf[0], ev->parent_buf[0]);
    has_dst = icews_side(&ev->dst, f[I_DST_NAME], f[I_DST_SECTORS], f[I_DST_COUNTRY],
                         ev->id_buf[1], ev->parent_buf[1]);
    if (!has_src || !has_dst)
        return AG_I_EV_ONE_ACTOR;
    ev->id = f[I_ID];
    ev->note = f[I_TEXT];
    if (*f[I_PUBLISHER]) {
        snprintf(ev->cite_buf, sizeof ev->cite_buf, "%s, story %s", f[I_PUBLISHER],
                 f[I_STORY]);
        ev->cite = ev->cite_buf;
    }
    ev->extra[0] = f[I_ID];
    ev->extra[1] = f[I_CAMEO];
    ev->extra[2] = f[I_INTENSITY];
    ev->extra[3] = f[I_STORY];
    return AG_I_EV_KEEP;
}

const ag_i_format_t ag_i_format_icews = {
    "ICEWS coded events", "icews", "ICEWS", '\t', "event_id,event_code,intensity,story_id", 4,
    read_icews,
    "Each relation is one event (or one aggregate of events): its type comes from the "
    "event's CAMEO code, its note is ICEWS's event text, its cite the publisher and story, "
    "and the extra columns `event_id`, `event_code`, `intensity` and `story_id` come from "
    "ICEWS; with --weight intensity, sign and weight are the event's intensity. Actor ids "
    "are made from ICEWS's names; actors whose sectors say Government get their country "
    "as parent. Cite the data as: Boschee, E. et al. (2015), \"ICEWS Coded Event Data\", "
    "Harvard Dataverse, doi:10.7910/DVN/28075."
};
