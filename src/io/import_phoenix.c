/*
 * import_phoenix.c: Phoenix event records (import.h), as the Open Event
 * Data Alliance's daily files (events.full.YYYYMMDD.txt) lay them out:
 * tab-separated, no header, 26 columns: EventID, Date (YYYYMMDD), Year,
 * Month, Day, SourceActorFull, SourceActorEntity, SourceActorRole,
 * SourceActorAttribute, TargetActorFull, TargetActorEntity,
 * TargetActorRole, TargetActorAttribute, EventCode, EventRootCode,
 * PentaClass, GoldsteinScore, Issues, Lat, Lon, LocationName, StateName,
 * CountryCode, SentenceID, URLs, NewsSources. Actors are CAMEO codes, read
 * as GDELT's are (the entity is the country, the role the type).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "io/import_i.h"

enum {
    P_ID = 0, P_DATE = 1,
    P_SRC_FULL = 5, P_SRC_ENTITY = 6, P_SRC_ROLE = 7,
    P_DST_FULL = 9, P_DST_ENTITY = 10, P_DST_ROLE = 11,
    P_EVENT_CODE = 13, P_ROOT_CODE = 14, P_GOLDSTEIN = 16, P_URLS = 24,
    P_FIELDS = 26
};

static ag_i_ev_result_t read_phoenix(ag_i_import_t *im, long line, char **f, size_t n,
                                     ag_i_event_t *ev)
{
    const char *bad = NULL;
    char *end, what[32];
    bool has_src, has_dst;
    long root;
    if (n != P_FIELDS) {
        snprintf(what, sizeof what, "%zu", n);
        ag_i_import_skip(im, line, "skipped: %s fields, a Phoenix event has 26", what);
        return AG_I_EV_MALFORMED;
    }
    if (!ag_i_import_date(ag_i_trim(f[P_DATE]), ev)) {
        ag_i_import_skip(im, line, "skipped: bad Date '%s' (expected YYYYMMDD)", f[P_DATE]);
        return AG_I_EV_MALFORMED;
    }
    ag_i_trim(f[P_ROOT_CODE]);
    ag_i_trim(f[P_EVENT_CODE]);
    root = strtol(f[P_ROOT_CODE], &end, 10);
    if (end == f[P_ROOT_CODE] || *end || root < 1 || root > 20) {
        ag_i_import_skip(im, line, "skipped: bad EventRootCode '%s' (expected 01 to 20)",
                         f[P_ROOT_CODE]);
        return AG_I_EV_MALFORMED;
    }
    snprintf(ev->code_buf, sizeof ev->code_buf, "%02ld", root);
    ev->code = f[P_EVENT_CODE];
    if (!*ev->code || strspn(ev->code, "0123456789") != strlen(ev->code) ||
        strncmp(ev->code, ev->code_buf, 2) != 0)
        ev->code = ev->code_buf;
    /* Phoenix gives no names: the actors are named by their codes. */
    has_src = ag_i_cameo_side(&ev->src, f[P_SRC_FULL], ev->no_name[0], f[P_SRC_ENTITY],
                              f[P_SRC_ROLE], &bad);
    has_dst = ag_i_cameo_side(&ev->dst, f[P_DST_FULL], ev->no_name[1], f[P_DST_ENTITY],
                              f[P_DST_ROLE], &bad);
    if (bad) {
        ag_i_import_skip(im, line, "skipped: actor code '%s' is not a valid id", bad);
        return AG_I_EV_MALFORMED;
    }
    if (!has_src || !has_dst)
        return AG_I_EV_ONE_ACTOR;
    ev->id = ag_i_trim(f[P_ID]);
    /* The first of the URLs. */
    f[P_URLS][strcspn(f[P_URLS], ";")] = '\0';
    ev->cite = ag_i_trim(f[P_URLS]);
    ev->extra[0] = ev->id;
    ev->extra[1] = f[P_EVENT_CODE];
    ev->extra[2] = ag_i_trim(f[P_GOLDSTEIN]);
    return AG_I_EV_KEEP;
}

const ag_i_format_t ag_i_format_phoenix = {
    "Phoenix events", "phoenix", "Phoenix", '\t', "event_id,event_code,goldstein", 3, read_phoenix,
    "Each relation is one event (or one aggregate of events): its type comes from the "
    "event's CAMEO code, its cite is the first of its URLs, and the extra columns "
    "`event_id`, `event_code` and `goldstein` come from Phoenix. Actors are named by their "
    "CAMEO codes (Phoenix gives no names); government organs (GOV, MIL, JUD, LEG, SPY, "
    "COP) get their country as parent. Cite the data as: Open Event Data Alliance, "
    "Phoenix Data Project, https://openeventdata.github.io/."
};
