/*
 * import.c: event data into a dataset folder (import.h), the part every
 * format shares: the CAMEO mapping, the actors met, one relation per
 * event or per aggregate, the eras, the README, and the folder left as it
 * was when the import fails. The formats read records (import_gdelt.c,
 * import_icews.c, import_phoenix.c).
 */
#include "actorgraph/import.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actorgraph/date.h"
#include "actorgraph/model.h"
#include "actorgraph/output.h"
#include "actorgraph/table.h"
#include "core/csvread.h"
#include "core/util.h"
#include "io/import_i.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- options ---- */

static const ag_i_format_t *const formats[] = { &ag_i_format_gdelt, &ag_i_format_gdelt2,
                                                &ag_i_format_icews, &ag_i_format_phoenix };

void ag_import_opts_default(ag_import_opts_t *opts, ag_import_format_t f)
{
    memset(opts, 0, sizeof *opts);
    opts->format = f;
    opts->aggregate = AG_AGGREGATE_NONE;
    opts->weight = AG_IMPORT_WEIGHT_CAMEO;
    opts->eras = AG_IMPORT_ERAS_MONTH;
}

int ag_import_format_parse(const char *s)
{
    for (size_t i = 0; i < COUNT(formats); i++)
        if (strcmp(s, formats[i]->name) == 0)
            return (int)i;
    return -1;
}

int ag_aggregate_parse(const char *s)
{
    static const char *const names[] = { "none", "day", "month", "era" };
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

/* ---- the CAMEO mapping ---- */

/* The built-in mapping: data/cameo-types.csv (a test keeps them equal). */
static const char default_types[] =
    "id,label,directed,sign,weight,cameo,style\n"
    "statement,make public statement,true,+,1,01,dotted\n"
    "appeal,appeal,true,+,1,02,dotted\n"
    "intent-to-cooperate,express intent to cooperate,true,+,1,03,dotted\n"
    "consult,consult,true,+,1,04,solid\n"
    "diplomatic-cooperation,engage in diplomatic cooperation,true,+,1,05,solid\n"
    "material-cooperation,engage in material cooperation,true,+,2,06,bold\n"
    "aid,provide aid,true,+,2,07,bold\n"
    "yield,yield,true,+,2,08,solid\n"
    "investigate,investigate,true,+,2,09,dotted\n"
    "demand,demand,true,-,1,10,dotted\n"
    "disapprove,disapprove,true,-,1,11,dashed\n"
    "reject,reject,true,-,1,12,dashed\n"
    "threaten,threaten,true,-,1,13,dashed\n"
    "protest,protest,true,-,1,14,dashed\n"
    "force-posture,exhibit force posture,true,-,2,15,bold\n"
    "reduce-relations,reduce relations,true,-,2,16,dashed\n"
    "coerce,coerce,true,-,2,17,bold\n"
    "assault,assault,true,-,2,18,bold\n"
    "fight,fight,true,-,2,19,bold\n"
    "mass-violence,use unconventional mass violence,true,-,2,20,bold\n";

const char *ag_import_default_types(void)
{
    return default_types;
}

/* The columns of a mapping, in the order types.csv gets them. */
enum { M_ID, M_LABEL, M_DIRECTED, M_SIGN, M_WEIGHT, M_CAMEO, M_STYLE, M_N };
static const char *const map_cols[M_N] = { "id", "label", "directed", "sign", "weight",
                                           "cameo", "style" };

/* A type of the mapping: its columns, sign and weight, and the CAMEO code
 * prefixes it takes. */
typedef struct {
    char *col[M_N];
    int sign;
    double weight;
    char **codes;
    size_t n_codes, cap_codes;
} map_type_t;

typedef struct {
    map_type_t *types;
    size_t n, cap;
    int col_of[M_N];   /* record column of each mapping column, or -1 */
    const char *path;
    ag_error_t *err;
    ag_status_t st;
} mapping_t;

static void mapping_destroy(mapping_t *m)
{
    for (size_t i = 0; i < m->n; i++) {
        for (int c = 0; c < M_N; c++)
            free(m->types[i].col[c]);
        for (size_t k = 0; k < m->types[i].n_codes; k++)
            free(m->types[i].codes[k]);
        free(m->types[i].codes);
    }
    free(m->types);
}

static int map_fail(mapping_t *m, long line, const char *fmt, const char *what)
{
    m->st = ag_error_set(m->err, AG_EDATA, m->path, line, fmt, what);
    return AG_EDATA;
}

static int on_map_record(void *ud, long line, char **f, size_t n)
{
    mapping_t *m = ud;
    map_type_t *t;
    char *p, *end;
    if (m->col_of[M_ID] == -2) { /* the header */
        for (int c = 0; c < M_N; c++) {
            m->col_of[c] = -1;
            for (size_t k = 0; k < n; k++)
                if (strcmp(ag_i_trim(f[k]), map_cols[c]) == 0)
                    m->col_of[c] = (int)k;
            if (m->col_of[c] < 0 && c != M_STYLE)
                return map_fail(m, line, "the CAMEO mapping has no '%s' column", map_cols[c]);
        }
        return 0;
    }
    if (n == 1 && !*ag_i_trim(f[0]))
        return 0; /* a blank line */
    if (!ag_i_grow((void **)&m->types, &m->cap, m->n + 1, sizeof *m->types))
        return AG_ENOMEM;
    t = &m->types[m->n++];
    memset(t, 0, sizeof *t);
    for (int c = 0; c < M_N; c++) {
        const char *v = m->col_of[c] >= 0 && (size_t)m->col_of[c] < n ? f[m->col_of[c]] : "";
        if (!(t->col[c] = ag_i_strdup(v)))
            return AG_ENOMEM;
        ag_i_trim(t->col[c]);
    }
    if (!ag_id_valid(t->col[M_ID]))
        return map_fail(m, line, "type id '%s' is not a valid id", t->col[M_ID]);
    if (strcmp(t->col[M_SIGN], "+") != 0 && strcmp(t->col[M_SIGN], "-") != 0)
        return map_fail(m, line, "sign '%s' is neither + nor -", t->col[M_SIGN]);
    t->sign = t->col[M_SIGN][0] == '+' ? 1 : -1;
    t->weight = strtod(t->col[M_WEIGHT], &end);
    if (end == t->col[M_WEIGHT] || *end || !(t->weight > 0))
        return map_fail(m, line, "weight '%s' is not a number greater than 0",
                        t->col[M_WEIGHT]);
    for (p = t->col[M_CAMEO]; *p;) {
        size_t len = strcspn(p, " ;");
        if (len) {
            char *code = ag_i_strndup(p, len);
            if (!code || !ag_i_grow((void **)&t->codes, &t->cap_codes, t->n_codes + 1,
                                    sizeof *t->codes)) {
                free(code);
                return AG_ENOMEM;
            }
            t->codes[t->n_codes++] = code;
            if (strspn(code, "0123456789") != len)
                return map_fail(m, line, "CAMEO code '%s' is not all digits", code);
        }
        p += len;
        p += strspn(p, " ;");
    }
    if (!t->n_codes)
        return map_fail(m, line, "type '%s' lists no CAMEO code", t->col[M_ID]);
    return 0;
}

/* Reads the built-in mapping (no quotes, no empty lines) through the
 * same record function as a user's file. */
static int builtin_records(mapping_t *m)
{
    char line[256], *f[M_N + 1];
    long no = 0;
    for (const char *p = default_types; *p; no++) {
        size_t len = strcspn(p, "\n"), n = 0;
        int r;
        memcpy(line, p, len);
        line[len] = '\0';
        p += len + (p[len] == '\n');
        for (char *s = line; n < M_N + 1; n++) {
            f[n] = s;
            if (!(s = strchr(s, ',')))
                break;
            *s++ = '\0';
        }
        if ((r = on_map_record(m, no + 1, f, n + 1)) != 0)
            return r;
    }
    return AG_OK;
}

/* Reads the mapping from path, or the built-in one (path NULL). */
static ag_status_t mapping_load(mapping_t *m, const char *path, ag_diags_t *diags,
                                ag_error_t *err)
{
    static const ag_i_csv_opts_t opts = { ',', true, 1 << 16, true, 0 };
    size_t errors = diags->errors;
    int r;
    memset(m, 0, sizeof *m);
    m->col_of[M_ID] = -2;
    m->err = err;
    m->path = path ? path : "built-in CAMEO mapping";
    r = path ? ag_i_csv_read(path, &opts, on_map_record, m, diags, NULL, err)
             : builtin_records(m);
    if (r == AG_EDATA)
        return m->st;
    if (r != AG_OK)
        return r == AG_ENOMEM ? ag_error_set(err, AG_ENOMEM, path, 0, "out of memory")
                              : (ag_status_t)r;
    if (diags->errors > errors)
        return ag_error_set(err, AG_EDATA, path, 0, "the CAMEO mapping is not valid CSV");
    if (m->n == 0)
        return ag_error_set(err, AG_EDATA, path, 0, "the CAMEO mapping has no types");
    return AG_OK;
}

/* The type of an event code: the type listing its longest prefix, or -1. */
static long mapping_find(const mapping_t *m, const char *code)
{
    long best = -1;
    size_t best_len = 0;
    for (size_t i = 0; i < m->n; i++)
        for (size_t k = 0; k < m->types[i].n_codes; k++) {
            size_t len = strlen(m->types[i].codes[k]);
            if (len > best_len && strncmp(code, m->types[i].codes[k], len) == 0) {
                best = (long)i;
                best_len = len;
            }
        }
    return best;
}

/* ---- actors ---- */

/* A name the data gave an actor, and how many events gave it. */
typedef struct {
    char *text;
    size_t count;
} name_count_t;

typedef struct {
    char *id;
    char *name;       /* chosen when writing (choose_names) */
    name_count_t *names;
    size_t n_names, cap_names;
    char *parent;     /* id of the parent, or NULL */
    ag_kind_t kind;
} imp_actor_t;

typedef struct {
    imp_actor_t *items;
    size_t n, cap;
    long *slots;      /* open addressing: index into items, or -1 */
    size_t nslots;
} actor_set_t;

/* ---- aggregates ---- */

/* The relation of a dyad, type and period: actors by index into the
 * actor set (stable until the actors are written), first cite kept. */
typedef struct {
    long src, dst, type;
    int32_t period;   /* day number, year * 12 + month - 1, or year */
    size_t events;
    double sum;       /* summed signed weight of its events */
    char *cite;
} aggregate_t;

typedef struct {
    aggregate_t *items;
    size_t n, cap;
    long *slots;
    size_t nslots;
} agg_set_t;

struct ag_i_import {
    const ag_import_opts_t *opts;
    const ag_i_format_t *fmt;
    ag_diags_t *diags;
    const char *path;
    FILE *rel;
    mapping_t map;
    actor_set_t actors;
    agg_set_t aggs;
    ag_import_stats_t *stats;
    uint8_t *months;  /* months seen, indexed by year * 12 + month - 1 */
    bool oom;
};

const ag_import_opts_t *ag_i_import_opts(const ag_i_import_t *im)
{
    return im->opts;
}

static uint64_t hash_bytes(const void *p, size_t n, uint64_t h)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211u;
    return h;
}

static uint64_t hash(const char *s)
{
    return hash_bytes(s, strlen(s), 1469598103934665603u);
}

static long set_find(const actor_set_t *set, const char *id, size_t *slot)
{
    size_t i = hash(id) & (set->nslots - 1);
    while (set->slots[i] >= 0 && strcmp(set->items[set->slots[i]].id, id) != 0)
        i = (i + 1) & (set->nslots - 1);
    *slot = i;
    return set->slots[i];
}

static bool set_rehash(actor_set_t *set)
{
    size_t n = set->nslots ? set->nslots * 2 : 256;
    long *slots = malloc(n * sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < n; i++)
        slots[i] = -1;
    free(set->slots);
    set->slots = slots;
    set->nslots = n;
    for (size_t k = 0; k < set->n; k++) {
        size_t slot;
        set_find(set, set->items[k].id, &slot);
        set->slots[slot] = (long)k;
    }
    return true;
}

/* Counts one more event naming actor a name. */
static bool count_name(imp_actor_t *a, const char *name)
{
    name_count_t *nc;
    for (size_t i = 0; i < a->n_names; i++)
        if (strcmp(a->names[i].text, name) == 0) {
            a->names[i].count++;
            return true;
        }
    if (!ag_i_grow((void **)&a->names, &a->cap_names, a->n_names + 1, sizeof *a->names))
        return false;
    nc = &a->names[a->n_names];
    if (!(nc->text = ag_i_strdup(name)))
        return false;
    nc->count = 1;
    a->n_names++;
    return true;
}

/* The index of the actor with this id, added when new; name (may be NULL
 * or empty, as for a country met only as another actor's parent) is
 * counted. -1 on lack of memory. */
static long set_get(ag_i_import_t *im, const char *id, const char *name, ag_kind_t kind,
                    const char *parent)
{
    actor_set_t *set = &im->actors;
    size_t slot;
    long k;
    imp_actor_t *a;
    if ((set->n + 1) * 2 > set->nslots && !set_rehash(set))
        goto oom;
    if ((k = set_find(set, id, &slot)) < 0) {
        if (!ag_i_grow((void **)&set->items, &set->cap, set->n + 1, sizeof *set->items))
            goto oom;
        a = &set->items[set->n];
        memset(a, 0, sizeof *a);
        a->id = ag_i_strdup(id);
        a->parent = parent ? ag_i_strdup(parent) : NULL;
        a->kind = kind;
        if (!a->id || (parent && !a->parent)) {
            free(a->id);
            free(a->parent);
            goto oom;
        }
        k = (long)set->n++;
        set->slots[slot] = k;
    }
    a = &set->items[k];
    if (name && *name && !count_name(a, name))
        goto oom;
    return k;
oom:
    im->oom = true;
    return -1;
}

/* Registers the actor of a kept event (and its parent); its index. */
static long register_actor(ag_i_import_t *im, const ag_i_side_t *sd)
{
    if (sd->parent && set_get(im, sd->parent, NULL, AG_KIND_STATE, NULL) < 0)
        return -1;
    return set_get(im, sd->code, sd->name, sd->kind, sd->parent);
}

/* ---- helpers for the formats ---- */

void ag_i_import_skip(ag_i_import_t *im, long line, const char *fmt, const char *what)
{
    im->stats->malformed++;
    ag_diags_add(im->diags, AG_SEV_WARNING, im->path, line, fmt, what);
}

bool ag_i_import_date(const char *text, ag_i_event_t *ev)
{
    ag_date_t d;
    size_t len = strlen(text);
    if (len == 8 && strspn(text, "0123456789") == 8)
        snprintf(ev->date, sizeof ev->date, "%.4s-%.2s-%.2s", text, text + 4, text + 6);
    else if (len == 10 && strspn(text, "0123456789") == 4 && text[4] == '-' &&
             strspn(text + 5, "0123456789") == 2 && text[7] == '-' &&
             strspn(text + 8, "0123456789") == 2)
        memcpy(ev->date, text, 11);
    else
        return false;
    if (ag_date_parse(ev->date, &d, NULL, 0) != 0)
        return false;
    ev->year = d.start.year;
    ev->month = d.start.month;
    ev->day = d.start.day;
    return true;
}

/* Government organs act for their state: they get it as parent. */
static const char *const agency_types[] = { "GOV", "MIL", "JUD", "LEG", "SPY", "COP" };

/* CAMEO region codes: three letters, but not states. */
static const char *const region_codes[] = {
    "AFR", "ASA", "BLK", "BLT", "CAF", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU",
    "EIN", "EUR", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS",
    "SCN", "SEA", "SIN", "WAF", "WEU", "WST",
};

static bool in_list(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, list[i]) == 0)
            return true;
    return false;
}

bool ag_i_cameo_side(ag_i_side_t *sd, char *code, char *name, char *country, char *type,
                     const char **bad)
{
    ag_i_trim(code);
    ag_i_trim(name);
    ag_i_trim(country);
    ag_i_trim(type);
    memset(sd, 0, sizeof *sd);
    if (!*code)
        return false;
    if (!ag_id_valid(code) || (*country && !ag_id_valid(country))) {
        *bad = ag_id_valid(code) ? country : code;
        return false;
    }
    sd->code = code;
    sd->name = name;
    if (*country && strcmp(code, country) == 0) {
        sd->kind = in_list(code, region_codes, COUNT(region_codes)) ? AG_KIND_GROUP
                                                                     : AG_KIND_STATE;
    } else if (*country && in_list(type, agency_types, COUNT(agency_types)) &&
               !in_list(country, region_codes, COUNT(region_codes))) {
        sd->kind = AG_KIND_AGENCY;
        sd->parent = country;
    } else if (strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0 ||
               strcmp(type, "IGO") == 0 || strcmp(type, "NGO") == 0) {
        sd->kind = AG_KIND_ORGANISATION;
    } else {
        sd->kind = AG_KIND_GROUP;
    }
    return true;
}

/* ---- events ---- */

/* The period of an aggregate an event falls in. */
static int32_t period_of(const ag_import_opts_t *o, const ag_i_event_t *ev)
{
    switch (o->aggregate) {
    case AG_AGGREGATE_DAY: return (int32_t)(ev->year * 10000 + ev->month * 100 + ev->day);
    case AG_AGGREGATE_MONTH: return (int32_t)(ev->year * 12 + ev->month - 1);
    case AG_AGGREGATE_ERA:
        return o->eras == AG_IMPORT_ERAS_YEAR ? ev->year : (int32_t)(ev->year * 12 + ev->month - 1);
    case AG_AGGREGATE_NONE: break;
    }
    return 0;
}

static uint64_t agg_hash(long s, long t, long type, int32_t period)
{
    uint64_t h = 1469598103934665603u;
    h = hash_bytes(&s, sizeof s, h);
    h = hash_bytes(&t, sizeof t, h);
    h = hash_bytes(&type, sizeof type, h);
    return hash_bytes(&period, sizeof period, h);
}

static bool agg_rehash(agg_set_t *a)
{
    size_t n = a->nslots ? a->nslots * 2 : 1024;
    long *slots = malloc(n * sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < n; i++)
        slots[i] = -1;
    free(a->slots);
    a->slots = slots;
    a->nslots = n;
    for (size_t k = 0; k < a->n; k++) {
        const aggregate_t *g = &a->items[k];
        size_t i = agg_hash(g->src, g->dst, g->type, g->period) & (n - 1);
        while (slots[i] >= 0)
            i = (i + 1) & (n - 1);
        slots[i] = (long)k;
    }
    return true;
}

/* Adds an event to its aggregate. */
static bool aggregate(ag_i_import_t *im, long s, long t, long type, int32_t period, double w,
                      const char *cite)
{
    agg_set_t *a = &im->aggs;
    size_t i;
    aggregate_t *g;
    if ((a->n + 1) * 2 > a->nslots && !agg_rehash(a))
        return false;
    i = agg_hash(s, t, type, period) & (a->nslots - 1);
    while (a->slots[i] >= 0) {
        g = &a->items[a->slots[i]];
        if (g->src == s && g->dst == t && g->type == type && g->period == period) {
            g->events++;
            g->sum += w;
            return true;
        }
        i = (i + 1) & (a->nslots - 1);
    }
    if (!ag_i_grow((void **)&a->items, &a->cap, a->n + 1, sizeof *a->items))
        return false;
    g = &a->items[a->n];
    *g = (aggregate_t){ s, t, type, period, 1, w, ag_i_strdup(cite) };
    if (!g->cite)
        return false;
    a->slots[i] = (long)a->n++;
    return true;
}

/* The cite of an event: its source, else the format's name and its id. */
static const char *event_cite(const ag_i_import_t *im, const ag_i_event_t *ev, char *buf,
                              size_t n)
{
    if (*ev->cite)
        return ev->cite;
    snprintf(buf, n, "%s event %s", im->fmt->source, ev->id);
    return buf;
}

static int on_record(void *ud, long line, char **f, size_t n)
{
    ag_i_import_t *im = ud;
    const ag_import_opts_t *o = im->opts;
    ag_i_event_t ev;
    long type, s, t;
    double w;
    char cite[256];
    memset(&ev, 0, sizeof ev);
    ev.code = ev.cite = ev.note = ev.id = "";
    switch (im->fmt->read(im, line, f, n, &ev)) {
    case AG_I_EV_HEADER: return 0;
    case AG_I_EV_MALFORMED: im->stats->lines++; return 0;
    case AG_I_EV_ONE_ACTOR:
        im->stats->lines++;
        im->stats->one_actor++;
        return 0;
    case AG_I_EV_KEEP: im->stats->lines++; break;
    }
    if (strcmp(ev.src.code, ev.dst.code) == 0) {
        im->stats->self++;
        return 0;
    }
    if ((type = mapping_find(&im->map, ev.code)) < 0) {
        im->stats->unmapped++;
        return 0;
    }
    /* Only the actors of kept events are registered and named. */
    if ((s = register_actor(im, &ev.src)) < 0 || (t = register_actor(im, &ev.dst)) < 0)
        return AG_ENOMEM;
    im->months[ev.year * 12 + ev.month - 1] = 1;
    im->stats->events++;
    /* The event's signed weight: its intensity when asked (and not 0),
     * else its type's. */
    w = o->weight == AG_IMPORT_WEIGHT_INTENSITY && ev.has_score && ev.score != 0
            ? ev.score
            : im->map.types[type].sign * im->map.types[type].weight;
    if (o->aggregate != AG_AGGREGATE_NONE)
        return aggregate(im, s, t, type, period_of(o, &ev), w,
                         event_cite(im, &ev, cite, sizeof cite))
                   ? 0
                   : AG_ENOMEM;
    fprintf(im->rel, "%s,%s,%s,%s,", ev.src.code, ev.dst.code, im->map.types[type].col[M_ID],
            ev.date);
    if (o->weight == AG_IMPORT_WEIGHT_INTENSITY && ev.has_score && ev.score != 0) {
        char num[32];
        fprintf(im->rel, "%c,%s", w > 0 ? '+' : '-', ag_format_number(w > 0 ? w : -w, num));
    } else {
        fputc(',', im->rel);
    }
    fputc(',', im->rel);
    ag_csv_field(im->rel, event_cite(im, &ev, cite, sizeof cite));
    fputc(',', im->rel);
    ag_csv_field(im->rel, ev.note);
    for (size_t k = 0; k < im->fmt->n_extra; k++) {
        fputc(',', im->rel);
        ag_csv_field(im->rel, ev.extra[k] ? ev.extra[k] : "");
    }
    fputc('\n', im->rel);
    im->stats->relations++;
    return 0;
}

/* ---- writing ---- */

static int cmp_aggregate(const void *a, const void *b, void *ud)
{
    const aggregate_t *x = a, *y = b;
    const actor_set_t *set = ud;
    int c;
    if (x->period != y->period)
        return (x->period > y->period) - (x->period < y->period);
    if ((c = strcmp(set->items[x->src].id, set->items[y->src].id)) != 0)
        return c;
    if ((c = strcmp(set->items[x->dst].id, set->items[y->dst].id)) != 0)
        return c;
    return (x->type > y->type) - (x->type < y->type);
}

/* The text of an aggregate's period. */
static void period_text(const ag_import_opts_t *o, int32_t p, char *buf, size_t n)
{
    if (o->aggregate == AG_AGGREGATE_DAY)
        snprintf(buf, n, "%04d-%02d-%02d", (int)(p / 10000), (int)(p / 100 % 100), (int)(p % 100));
    else if (o->aggregate == AG_AGGREGATE_ERA && o->eras == AG_IMPORT_ERAS_YEAR)
        snprintf(buf, n, "%04d", (int)p);
    else
        snprintf(buf, n, "%04d-%02d", (int)(p / 12), (int)(p % 12 + 1));
}

/* Writes the aggregates, in period, source, target and type order. */
static void write_aggregates(ag_i_import_t *im)
{
    agg_set_t *a = &im->aggs;
    char date[32], num[32];
    if (a->n > 1) /* items is NULL when there is none */
        qsort_r(a->items, a->n, sizeof *a->items, cmp_aggregate, &im->actors);
    for (size_t k = 0; k < a->n; k++) {
        const aggregate_t *g = &a->items[k];
        const map_type_t *t = &im->map.types[g->type];
        if (g->events < im->opts->min_events) {
            im->stats->dropped++;
            continue;
        }
        period_text(im->opts, g->period, date, sizeof date);
        fprintf(im->rel, "%s,%s,%s,%s,", im->actors.items[g->src].id,
                im->actors.items[g->dst].id, t->col[M_ID], date);
        /* The summed weight; a sum of 0 (opposite intensities) keeps the
         * type's sign and weight. */
        if (g->sum != 0)
            fprintf(im->rel, "%c,%s,", g->sum > 0 ? '+' : '-',
                    ag_format_number(g->sum > 0 ? g->sum : -g->sum, num));
        else
            fputs(",,", im->rel);
        ag_csv_field(im->rel, g->cite);
        fprintf(im->rel, ",%zu event%s,%zu\n", g->events, g->events == 1 ? "" : "s", g->events);
        im->stats->relations++;
    }
}

static int cmp_actor(const void *a, const void *b)
{
    return strcmp(((const imp_actor_t *)a)->id, ((const imp_actor_t *)b)->id);
}

static int cmp_name(const void *a, const void *b)
{
    const imp_actor_t *x = *(imp_actor_t *const *)a, *y = *(imp_actor_t *const *)b;
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->id, y->id);
}

/*
 * Names each actor (sorted by id) by the name most events give it (ties:
 * the first in byte order), or its code when none: GDELT's name is the
 * text an event matched ("LAWRENCE" for the United States, once), so the
 * commonest is the telling one. Actors left with the same name (RUS and
 * RUSGOV both "RUSSIA") get their code added: "RUSSIA (RUSGOV)"; a state
 * keeps the plain name.
 */
static bool choose_names(ag_i_import_t *im)
{
    size_t n = im->actors.n;
    imp_actor_t **by_name = malloc((n ? n : 1) * sizeof *by_name);
    if (!by_name)
        return false;
    for (size_t i = 0; i < n; i++) {
        imp_actor_t *a = &im->actors.items[i];
        const char *best = a->id;
        size_t count = 0;
        for (size_t k = 0; k < a->n_names; k++)
            if (a->names[k].count > count ||
                (a->names[k].count == count && strcmp(a->names[k].text, best) < 0)) {
                best = a->names[k].text;
                count = a->names[k].count;
            }
        if (!(a->name = ag_i_strdup(best))) {
            free(by_name);
            return false;
        }
        by_name[i] = a;
    }
    qsort(by_name, n, sizeof *by_name, cmp_name);
    for (size_t i = 0; i < n;) {
        size_t end = i + 1;
        bool state_kept = false;
        while (end < n && strcmp(by_name[end]->name, by_name[i]->name) == 0)
            end++;
        for (size_t k = i; end - i > 1 && k < end; k++) {
            imp_actor_t *a = by_name[k];
            char *s;
            if (a->kind == AG_KIND_STATE && !state_kept) {
                state_kept = true;
                continue;
            }
            if (!(s = malloc(strlen(a->name) + strlen(a->id) + 4))) {
                free(by_name);
                return false;
            }
            sprintf(s, "%s (%s)", a->name, a->id);
            free(a->name);
            a->name = s;
        }
        i = end;
    }
    free(by_name);
    return true;
}

static ag_status_t write_actors(ag_i_import_t *im, const char *path, ag_error_t *err)
{
    ag_out_t o;
    ag_status_t rc = ag_out_open(&o, path, err);
    if (rc)
        return rc;
    /* Sorted by id so that the same events give the same file. */
    if (im->actors.n > 1) /* items is NULL when there is none */
        qsort(im->actors.items, im->actors.n, sizeof *im->actors.items, cmp_actor);
    if (!choose_names(im)) {
        ag_out_abort(&o);
        return ag_error_set(err, AG_ENOMEM, path, 0, "out of memory");
    }
    fputs("id,name,kind,parent,continues,active,note\n", o.fp);
    for (size_t i = 0; i < im->actors.n; i++) {
        const imp_actor_t *a = &im->actors.items[i];
        fprintf(o.fp, "%s,", a->id);
        ag_csv_field(o.fp, a->name);
        fprintf(o.fp, ",%s,%s,,,\n", ag_kind_name(a->kind), a->parent ? a->parent : "");
    }
    return ag_out_commit(&o, err);
}

static ag_status_t write_types(const ag_i_import_t *im, const char *path, ag_error_t *err)
{
    ag_out_t o;
    ag_status_t rc = ag_out_open(&o, path, err);
    if (rc)
        return rc;
    for (int c = 0; c < M_N; c++)
        fprintf(o.fp, "%s%s", c ? "," : "", map_cols[c]);
    fputc('\n', o.fp);
    for (size_t i = 0; i < im->map.n; i++)
        for (int c = 0; c < M_N; c++) {
            if (c)
                fputc(',', o.fp);
            ag_csv_field(o.fp, im->map.types[i].col[c]);
            if (c == M_N - 1)
                fputc('\n', o.fp);
        }
    return ag_out_commit(&o, err);
}

static ag_status_t write_eras(ag_i_import_t *im, const char *path, ag_error_t *err)
{
    static const char *const month_names[12] = {
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"
    };
    ag_out_t o;
    int first = -1, last = -1, year = -1;
    ag_status_t rc = ag_out_open(&o, path, err);
    if (rc)
        return rc;
    fputs("id,name,period,note\n", o.fp);
    for (int m = 0; m < 10000 * 12; m++) {
        if (!im->months[m])
            continue;
        if (first < 0)
            first = m;
        last = m;
        if (im->opts->eras == AG_IMPORT_ERAS_YEAR) {
            if (m / 12 != year) {
                year = m / 12;
                fprintf(o.fp, "%04d,%04d,%04d,year of events\n", year, year, year);
                im->stats->eras++;
            }
            continue;
        }
        fprintf(o.fp, "%04d-%02d,%s %04d,%04d-%02d,month of events\n", m / 12, m % 12 + 1,
                month_names[m % 12], m / 12, m / 12, m % 12 + 1);
        im->stats->eras++;
    }
    if (first >= 0) {
        fprintf(o.fp, "all,All events,%04d-%02d/%04d-%02d,every month imported\n",
                first / 12, first % 12 + 1, last / 12, last % 12 + 1);
        im->stats->eras++;
    }
    return ag_out_commit(&o, err);
}

static ag_status_t write_readme(const ag_i_import_t *im, const char *const *files, size_t n,
                                const char *path, ag_error_t *err)
{
    static const char *const agg_names[] = { "event", "day", "month", "era" };
    const ag_import_stats_t *st = im->stats;
    ag_out_t o;
    ag_status_t rc = ag_out_open(&o, path, err);
    if (rc)
        return rc;
    fprintf(o.fp, "# Imported %s\n\nMade by `actorgraph import %s` from %zu file%s:\n\n",
            im->fmt->title, im->fmt->name, n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        const char *base = strrchr(files[i], '/');
        if (strcmp(files[i], "-") == 0)
            fputs("- standard input\n", o.fp);
        else
            fprintf(o.fp, "- `%s`\n", base ? base + 1 : files[i]);
    }
    fprintf(o.fp,
            "\n%zu records read; %zu events kept; %zu with only one actor, %zu between an "
            "actor and itself, %zu with a CAMEO code the mapping doesn't type and %zu "
            "malformed records skipped. %zu relations (one per %s%s), %zu actors, %zu eras "
            "(one per %s with events, and `all`).\n\n",
            st->lines, st->events, st->one_actor, st->self, st->unmapped, st->malformed,
            st->relations, agg_names[im->opts->aggregate],
            im->opts->aggregate ? ", dyad and type" : "", st->actors, st->eras,
            im->opts->eras == AG_IMPORT_ERAS_YEAR ? "year" : "month");
    if (im->opts->aggregate != AG_AGGREGATE_NONE)
        fprintf(o.fp,
                "Each relation stands for the events of its source, target, type and "
                "period: its weight is their summed weight, the column `events` their "
                "number, its cite the first one's source.%s\n\n",
                im->opts->min_events > 1 ? " Aggregates of fewer events than asked for "
                                          "(--min-events) are left out." : "");
    fprintf(o.fp, "Types: %s.\n\n%s\n",
            im->opts->types_file ? "the CAMEO mapping given with --types"
                                 : "the built-in CAMEO mapping (data/cameo-types.csv)",
            im->fmt->about);
    return ag_out_commit(&o, err);
}

/* ---- the import ---- */

/* The part of path that does not exist yet (the first missing folder on
 * the way to it), or NULL when it all exists; the caller frees it. */
static char *first_missing(const char *path, bool *oom)
{
    char *p = ag_i_strdup(path);
    struct stat st;
    *oom = !p;
    if (!p)
        return NULL;
    for (char *s = p + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (stat(p, &st) != 0)
                return p;
            *s = c;
            if (!c)
                break;
        }
    }
    free(p);
    return NULL;
}

/* After a failed import: removes what it wrote into a folder it created,
 * then the folders it created, deepest first. */
static void remove_created(const char *outdir, const char *created, char *const *paths,
                           size_t n)
{
    size_t top = strlen(created);
    char *p = ag_i_strdup(outdir);
    for (size_t i = 0; i < n; i++)
        if (paths[i])
            unlink(paths[i]);
    while (p && strlen(p) >= top) {
        char *slash;
        if (rmdir(p) != 0)
            break;
        if (!(slash = strrchr(p, '/')))
            break;
        *slash = '\0';
    }
    free(p);
}

ag_status_t ag_import(const char *const *files, size_t n, const char *outdir,
                      const ag_import_opts_t *opts, ag_import_stats_t *stats, ag_diags_t *diags,
                      ag_import_progress_fn progress, void *ud, ag_error_t *err)
{
    static const char *const names[5] = { "relations.csv", "actors.csv", "eras.csv",
                                          "types.csv", "README.md" };
    ag_i_import_t im;
    ag_out_t rel;
    char *paths[5] = { NULL }, *created = NULL;
    ag_status_t rc;
    bool rel_open = false, oom;

    memset(&im, 0, sizeof im);
    memset(stats, 0, sizeof *stats);
    im.opts = opts;
    im.fmt = formats[opts->format];
    im.diags = diags;
    im.stats = stats;
    im.months = calloc(10000 * 12, 1);
    if (!im.months) {
        rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    if ((rc = mapping_load(&im.map, opts->types_file, diags, err)) != AG_OK)
        goto done;
    created = first_missing(outdir, &oom);
    if (oom) {
        rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    if ((rc = ag_mkdir_p(outdir, err)) != AG_OK)
        goto done;
    for (int i = 0; i < 5; i++)
        if (!(paths[i] = ag_i_path_join(outdir, names[i]))) {
            rc = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
            goto done;
        }
    if ((rc = ag_out_open(&rel, paths[0], err)) != AG_OK)
        goto done;
    rel_open = true;
    im.rel = rel.fp;
    fprintf(rel.fp, "source,target,type,date,sign,weight,cite,note,%s\n",
            opts->aggregate != AG_AGGREGATE_NONE ? "events" : im.fmt->extra_cols);
    for (size_t i = 0; i < n; i++) {
        const ag_i_csv_opts_t copts = { im.fmt->delim, false, 1 << 20, true, 0 };
        int r;
        im.path = strcmp(files[i], "-") == 0 ? "standard input" : files[i];
        r = ag_i_csv_read(files[i], &copts, on_record, &im, diags, NULL, err);
        if (r != AG_OK) {
            rc = r == AG_ENOMEM || im.oom
                     ? ag_error_set(err, AG_ENOMEM, files[i], 0, "out of memory")
                     : (ag_status_t)r;
            goto done;
        }
        if (progress)
            progress(ud, i, n, files[i]);
    }
    /* csvread reports invalid UTF-8 as errors; for event data they are
     * skipped records like any other malformed one. */
    for (size_t k = 0; k < diags->n; k++)
        if (diags->items[k].severity == AG_SEV_ERROR) {
            diags->items[k].severity = AG_SEV_WARNING;
            diags->errors--;
            diags->warnings++;
            stats->malformed++;
            stats->lines++;
        }
    /* A dataset without relations doesn't load: an import that keeps
     * nothing fails, leaving no folder behind. */
    if (stats->events == 0) {
        rc = ag_error_set(err, AG_EDATA, n == 1 ? im.path : NULL, 0,
                          "no event between two actors to import (%zu records read)",
                          stats->lines);
        goto done;
    }
    if (opts->aggregate != AG_AGGREGATE_NONE)
        write_aggregates(&im); /* before write_actors sorts the actors */
    if (stats->relations == 0) {
        rc = ag_error_set(err, AG_EDATA, NULL, 0,
                          "every aggregate has fewer than %zu events: nothing to import",
                          opts->min_events);
        goto done;
    }
    stats->actors = im.actors.n;
    rel_open = false;
    if ((rc = ag_out_commit(&rel, err)) != AG_OK ||
        (rc = write_actors(&im, paths[1], err)) != AG_OK ||
        (rc = write_eras(&im, paths[2], err)) != AG_OK ||
        (rc = write_types(&im, paths[3], err)) != AG_OK ||
        (rc = write_readme(&im, files, n, paths[4], err)) != AG_OK)
        goto done;
done:
    if (rel_open)
        ag_out_abort(&rel);
    if (rc != AG_OK && created)
        remove_created(outdir, created, paths, 5);
    for (size_t k = 0; k < im.actors.n; k++) {
        imp_actor_t *a = &im.actors.items[k];
        for (size_t j = 0; j < a->n_names; j++)
            free(a->names[j].text);
        free(a->names);
        free(a->id);
        free(a->name);
        free(a->parent);
    }
    free(im.actors.items);
    free(im.actors.slots);
    for (size_t k = 0; k < im.aggs.n; k++)
        free(im.aggs.items[k].cite);
    free(im.aggs.items);
    free(im.aggs.slots);
    mapping_destroy(&im.map);
    free(im.months);
    free(created);
    for (int i = 0; i < 5; i++)
        free(paths[i]);
    return rc;
}

ag_status_t ag_import_gdelt(const char *const *files, size_t n, const char *outdir,
                            ag_import_stats_t *stats, ag_diags_t *diags,
                            ag_import_progress_fn progress, void *ud, ag_error_t *err)
{
    ag_import_opts_t opts;
    ag_import_opts_default(&opts, AG_IMPORT_GDELT);
    return ag_import(files, n, outdir, &opts, stats, diags, progress, ud, err);
}
