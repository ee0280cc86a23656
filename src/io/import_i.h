/*
 * import_i.h: what the event-data importers share (import.c) and what
 * each format supplies (import_gdelt.c, import_icews.c, import_phoenix.c).
 * Not public API.
 *
 * A format reads one record into an ag_i_event_t; import.c types it by the
 * CAMEO mapping, registers its actors, and writes it as a relation (or
 * adds it to its aggregate), so that memory grows with the distinct
 * actors (and aggregates), never with the number of events.
 */
#ifndef AG_IMPORT_I_H
#define AG_IMPORT_I_H

#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/import.h"
#include "actorgraph/model.h"

/* One side of an event: its actor's id, the name the event gives it (may
 * be ""), its parent's id (or NULL) and kind. */
typedef struct {
    const char *code, *name, *parent;
    ag_kind_t kind;
} ag_i_side_t;

/*
 * An event as a format read it (pointers into the record's fields).
 *   date:       "YYYY-MM-DD".
 *   year, month, day: the same, as numbers.
 *   src, dst:   its two actors.
 *   code:       its CAMEO event code (digits, e.g. "0211"); the mapping
 *               types it by the longest prefix it lists.
 *   has_score, score: ICEWS's intensity (-10 to 10), when the user takes
 *               sign and weight from it.
 *   cite:       its source (a URL), or "" (the format's name and the event
 *               id are then written).
 *   note:       text for the relation's note, or "".
 *   id:         the event's id.
 *   extra:      values of the format's extra columns (n_extra of them).
 *   code_buf, id_buf, parent_buf, cite_buf, no_name: room for text the
 *               reader makes up (a normalised root code, ids made from
 *               names, a cite, the empty name of a format without names),
 *               valid as long as the event.
 */
typedef struct {
    char date[16];
    int year, month, day;
    ag_i_side_t src, dst;
    const char *code;
    bool has_score;
    double score;
    const char *cite, *note, *id;
    const char *extra[4];
    char code_buf[8];
    char id_buf[2][128], parent_buf[2][128];
    char cite_buf[256];
    char no_name[2][1];
} ag_i_event_t;

/* What a format's reader made of a record. */
typedef enum {
    AG_I_EV_KEEP,      /* an event between two actors */
    AG_I_EV_HEADER,    /* a header row: skipped silently */
    AG_I_EV_MALFORMED, /* skipped; the reader added the warning */
    AG_I_EV_ONE_ACTOR  /* an event with one actor (or none) */
} ag_i_ev_result_t;

typedef struct ag_i_import ag_i_import_t;

/*
 * A format.
 *   title:      for people ("GDELT 1.0 events").
 *   name:       as the command line says it ("gdelt").
 *   source:     the data's name in made-up cites ("GDELT event 42").
 *   delim:      field separator.
 *   extra_cols: the extra relation columns, comma-joined (e.g.
 *               "event_id,event_code,goldstein,mentions"); n_extra.
 *   read:       reads record f (n fields, modifiable) at line into ev.
 *   about:      a paragraph for the dataset's README: what a relation is
 *               made of and how to cite the data.
 */
typedef struct {
    const char *title, *name, *source;
    char delim;
    const char *extra_cols;
    size_t n_extra;
    ag_i_ev_result_t (*read)(ag_i_import_t *im, long line, char **f, size_t n,
                             ag_i_event_t *ev);
    const char *about;
} ag_i_format_t;

extern const ag_i_format_t ag_i_format_gdelt, ag_i_format_gdelt2, ag_i_format_icews,
    ag_i_format_phoenix;

/* The options the import runs with (formats read weight from them). */
const ag_import_opts_t *ag_i_import_opts(const ag_i_import_t *im);

/* Counts a malformed record and warns "FILE:LINE: fmt" (fmt has one %s,
 * what). */
void ag_i_import_skip(ag_i_import_t *im, long line, const char *fmt, const char *what);

/* Parses "YYYYMMDD" or "YYYY-MM-DD" (trimmed) into ev's date; false when
 * it is neither or not a day of the calendar. */
bool ag_i_import_date(const char *text, ag_i_event_t *ev);

/*
 * Reads a CAMEO-coded actor (GDELT, Phoenix) into *sd: code is its full
 * code ("PAKGOV"), country its country code ("PAK"), type its type or role
 * code ("GOV"). States are codes equal to their country (regions are
 * groups), government organs (GOV, MIL, JUD, LEG, SPY, COP) agencies with
 * their country as parent, IGO and NGO codes organisations, anything else
 * a group. Returns false when code is empty, or (with *bad set to the
 * offending text) when code or country can't be an id. The fields are
 * trimmed in place.
 */
bool ag_i_cameo_side(ag_i_side_t *sd, char *code, char *name, char *country, char *type,
                     const char **bad);

#endif
