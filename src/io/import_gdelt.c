/*
 * import_gdelt.c: GDELT 1.0 event files into a dataset folder (import.h).
 *
 * Events are streamed: each kept event is written to relations.csv as soon
 * as it is read; only the distinct actors and the months seen stay in
 * memory.
 */
#include "actorgraph/import.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/date.h"
#include "actorgraph/model.h"
#include "actorgraph/output.h"
#include "actorgraph/table.h"
#include "core/csvread.h"
#include "core/util.h"

/* Columns of the GDELT 1.0 event table that the import reads. */
enum {
    G_ID = 0, G_SQLDATE = 1,
    G_A1_CODE = 5, G_A1_NAME = 6, G_A1_COUNTRY = 7, G_A1_TYPE = 12,
    G_A2_CODE = 15, G_A2_NAME = 16, G_A2_COUNTRY = 17, G_A2_TYPE = 22,
    G_EVENT_CODE = 26, G_ROOT_CODE = 28, G_QUAD = 29, G_GOLDSTEIN = 30,
    G_MENTIONS = 31, G_URL = 57,
    G_FIELDS = 58
};

/* The twenty CAMEO root codes as relation types. GDELT's quad class fixes
 * the sign and weight of each: verbal cooperation +1 (01-05), material
 * cooperation +2 (06-09), verbal conflict -1 (10-14), material conflict -2
 * (15-20), as GDELT 1.0 assigns them. */
static const struct {
    const char *id, *label;
    int sign;
    int weight;
    const char *style;
} cameo_roots[20] = {
    { "statement", "make public statement", +1, 1, "dotted" },
    { "appeal", "appeal", +1, 1, "dotted" },
    { "intent-to-cooperate", "express intent to cooperate", +1, 1, "dotted" },
    { "consult", "consult", +1, 1, "solid" },
    { "diplomatic-cooperation", "engage in diplomatic cooperation", +1, 1, "solid" },
    { "material-cooperation", "engage in material cooperation", +1, 2, "bold" },
    { "aid", "provide aid", +1, 2, "bold" },
    { "yield", "yield", +1, 2, "solid" },
    { "investigate", "investigate", +1, 2, "dotted" },
    { "demand", "demand", -1, 1, "dotted" },
    { "disapprove", "disapprove", -1, 1, "dashed" },
    { "reject", "reject", -1, 1, "dashed" },
    { "threaten", "threaten", -1, 1, "dashed" },
    { "protest", "protest", -1, 1, "dashed" },
    { "force-posture", "exhibit force posture", -1, 2, "bold" },
    { "reduce-relations", "reduce relations", -1, 2, "dashed" },
    { "coerce", "coerce", -1, 2, "bold" },
    { "assault", "assault", -1, 2, "bold" },
    { "fight", "fight", -1, 2, "bold" },
    { "mass-violence", "use unconventional mass violence", -1, 2, "bold" },
};

/* Government organs act for their state: they get it as parent. */
static const char *const agency_types[] = { "GOV", "MIL", "JUD", "LEG", "SPY", "COP" };

/* CAMEO region codes: three letters, but not states. */
static const char *const region_codes[] = {
    "AFR", "ASA", "BLK", "BLT", "CAF", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU",
    "EIN", "EUR", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS",
    "SCN", "SEA", "SIN", "WAF", "WEU", "WST",
};

/* A name GDELT gave an actor, and how many events gave it. */
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

typedef struct {
    ag_diags_t *diags;
    const char *path;
    FILE *rel;
    actor_set_t actors;
    ag_import_stats_t *stats;
    uint8_t *months;  /* months seen, indexed by year * 12 + month - 1 */
    bool oom;
} importer_t;

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
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

/* The actor with this id, added when new; name (may be NULL or empty, as
 * for a country met only as another actor's parent) is counted. */
static imp_actor_t *set_get(importer_t *im, const char *id, const char *name,
                            ag_kind_t kind, const char *parent)
{
    actor_set_t *set = &im->actors;
    size_t slot;
    long k;
    imp_actor_t *a;
    if ((set->n + 1) * 2 > set->nslots && !set_rehash(set))
        goto oom;
    if ((k = set_find(set, id, &slot)) >= 0) {
        a = &set->items[k];
    } else {
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
        set->slots[slot] = (long)set->n++;
    }
    if (name && *name && !count_name(a, name))
        goto oom;
    return a;
oom:
    im->oom = true;
    return NULL;
}

static bool in_list(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, list[i]) == 0)
            return true;
    return false;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* One side of an event, read but not yet registered. */
typedef struct {
    const char *code, *name, *parent;
    ag_kind_t kind;
} side_t;

/* Reads an event's actor into *sd; returns false when it has none or (with
 * *bad set) when its code can't be an id. */
static bool read_actor(side_t *sd, char *code, char *name, char *country, char *type,
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

/* Registers the actor of a kept event (and its parent). */
static bool register_actor(importer_t *im, const side_t *sd)
{
    if (sd->parent && !set_get(im, sd->parent, NULL, AG_KIND_STATE, NULL))
        return false;
    return set_get(im, sd->code, sd->name, sd->kind, sd->parent) != NULL;
}

static void skip(importer_t *im, long line, const char *fmt, const char *what)
{
    im->stats->malformed++;
    ag_diags_add(im->diags, AG_SEV_WARNING, im->path, line, fmt, what);
}

static int on_event(void *ud, long line, char **f, size_t n)
{
    importer_t *im = ud;
    char date[16];
    ag_date_t d;
    const char *src, *dst, *bad = NULL;
    side_t a1, a2;
    bool has_src, has_dst;
    int root;
    char *end;
    im->stats->lines++;
    if (n != G_FIELDS) {
        char what[32];
        snprintf(what, sizeof what, "%zu", n);
        skip(im, line, "skipped: %s fields, a GDELT 1.0 event has 58", what);
        return 0;
    }
    ag_i_trim(f[G_SQLDATE]);
    if (strlen(f[G_SQLDATE]) != 8 || strspn(f[G_SQLDATE], "0123456789") != 8) {
        skip(im, line, "skipped: bad SQLDATE '%s' (expected YYYYMMDD)", f[G_SQLDATE]);
        return 0;
    }
    snprintf(date, sizeof date, "%.4s-%.2s-%.2s", f[G_SQLDATE], f[G_SQLDATE] + 4,
             f[G_SQLDATE] + 6);
    if (ag_date_parse(date, &d, NULL, 0) != 0) {
        skip(im, line, "skipped: impossible SQLDATE '%s'", f[G_SQLDATE]);
        return 0;
    }
    ag_i_trim(f[G_ROOT_CODE]);
    root = (int)strtol(f[G_ROOT_CODE], &end, 10);
    if (end == f[G_ROOT_CODE] || *end || root < 1 || root > 20) {
        skip(im, line, "skipped: bad EventRootCode '%s' (expected 01 to 20)",
             f[G_ROOT_CODE]);
        return 0;
    }
    has_src = read_actor(&a1, f[G_A1_CODE], f[G_A1_NAME], f[G_A1_COUNTRY], f[G_A1_TYPE],
                         &bad);
    has_dst = read_actor(&a2, f[G_A2_CODE], f[G_A2_NAME], f[G_A2_COUNTRY], f[G_A2_TYPE],
                         &bad);
    if (bad) {
        skip(im, line, "skipped: actor code '%s' is not a valid id", bad);
        return 0;
    }
    if (!has_src || !has_dst) {
        im->stats->one_actor++;
        return 0;
    }
    if (strcmp(a1.code, a2.code) == 0) {
        im->stats->self++;
        return 0;
    }
    /* Only the actors of kept events are registered and named. */
    if (!register_actor(im, &a1) || !register_actor(im, &a2))
        return AG_ENOMEM;
    src = a1.code;
    dst = a2.code;
    im->months[d.start.year * 12 + d.start.month - 1] = 1;
    fprintf(im->rel, "%s,%s,%s,%s,,,", src, dst, cameo_roots[root - 1].id, date);
    ag_i_trim(f[G_URL]);
    if (*f[G_URL])
        ag_csv_field(im->rel, f[G_URL]);
    else
        fprintf(im->rel, "GDELT event %s", ag_i_trim(f[G_ID]));
    fputs(",,", im->rel); /* the note is left empty */
    ag_csv_field(im->rel, ag_i_trim(f[G_ID]));
    fputc(',', im->rel);
    ag_csv_field(im->rel, ag_i_trim(f[G_EVENT_CODE]));
    fputc(',', im->rel);
    ag_csv_field(im->rel, ag_i_trim(f[G_GOLDSTEIN]));
    fputc(',', im->rel);
    ag_csv_field(im->rel, ag_i_trim(f[G_MENTIONS]));
    fputc('\n', im->rel);
    im->stats->relations++;
    return 0;
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
static bool choose_names(importer_t *im)
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

static ag_status_t write_actors(importer_t *im, const char *path, ag_error_t *err)
{
    ag_out_t o;
    ag_status_t rc = ag_out_open(&o, path, err);
    if (rc)
        return rc;
    /* Sorted by id so that the same events give the same file. */
    if (im->actors.n) /* items is NULL when no event had two actors */
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

static ag_status_t write_types(const char *path, ag_error_t *err)
{
    ag_out_t o;
    ag_status_t rc = ag_out_open(&o, path, err);
    if (rc)
        return rc;
    fputs("id,label,directed,sign,weight,cameo,style\n", o.fp);
    for (int i = 0; i < 20; i++)
        fprintf(o.fp, "%s,%s,true,%c,%d,%02d,%s\n", cameo_roots[i].id, cameo_roots[i].label,
                cameo_roots[i].sign > 0 ? '+' : '-', cameo_roots[i].weight, i + 1,
                cameo_roots[i].style);
    return ag_out_commit(&o, err);
}

static ag_status_t write_eras(importer_t *im, const char *path, ag_error_t *err)
{
    static const char *const month_names[12] = {
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"
    };
    ag_out_t o;
    int first = -1, last = -1;
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

static ag_status_t write_readme(const importer_t *im, const char *const *files, size_t n,
                                const char *path, ag_error_t *err)
{
    ag_out_t o;
    ag_status_t rc = ag_out_open(&o, path, err);
    if (rc)
        return rc;
    fprintf(o.fp,
            "# Imported GDELT 1.0 events\n\n"
            "Made by `actorgraph import gdelt` from %zu file%s:\n\n",
            n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        const char *base = strrchr(files[i], '/');
        fprintf(o.fp, "- `%s`\n", base ? base + 1 : files[i]);
    }
    fprintf(o.fp,
            "\n%zu records read; %zu events kept as relations; %zu with only one "
            "actor, %zu between an actor and itself and %zu malformed records "
            "skipped. %zu actors, %zu eras (one per month, and `all`).\n\n"
            "Each relation is one event: its type is the event's CAMEO root code, "
            "its cite the source URL, and the extra columns `event_id`, "
            "`event_code`, `goldstein` and `mentions` come from GDELT. Government "
            "organs (GOV, MIL, JUD, LEG, SPY, COP) get their country as parent. "
            "GDELT may be used freely for research with citation: Leetaru, K. and "
            "Schrodt, P. (2013), \"GDELT: Global Data on Events, Location and Tone, "
            "1979-2012\", ISA Annual Convention.\n",
            im->stats->lines, im->stats->relations, im->stats->one_actor, im->stats->self,
            im->stats->malformed, im->stats->actors, im->stats->eras);
    return ag_out_commit(&o, err);
}

ag_status_t ag_import_gdelt(const char *const *files, size_t n, const char *outdir,
                            ag_import_stats_t *stats, ag_diags_t *diags,
                            ag_import_progress_fn progress, void *ud, ag_error_t *err)
{
    static const ag_i_csv_opts_t opts = { '\t', false, 1 << 20, true };
    importer_t im;
    ag_out_t rel;
    char *paths[5] = { NULL };
    static const char *const names[5] = { "relations.csv", "actors.csv", "eras.csv",
                                          "types.csv", "README.md" };
    ag_status_t rc;
    bool rel_open = false;

    memset(&im, 0, sizeof im);
    memset(stats, 0, sizeof *stats);
    im.diags = diags;
    im.stats = stats;
    im.months = calloc(10000 * 12, 1);
    if (!im.months) {
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
    fputs("source,target,type,date,sign,weight,cite,note,event_id,event_code,goldstein,"
          "mentions\n", rel.fp);
    for (size_t i = 0; i < n; i++) {
        int r;
        im.path = files[i];
        r = ag_i_csv_read(files[i], &opts, on_event, &im, diags, NULL, err);
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
    stats->actors = im.actors.n;
    if ((rc = ag_out_commit(&rel, err)) != AG_OK) {
        rel_open = false;
        goto done;
    }
    rel_open = false;
    if ((rc = write_actors(&im, paths[1], err)) != AG_OK ||
        (rc = write_eras(&im, paths[2], err)) != AG_OK ||
        (rc = write_types(paths[3], err)) != AG_OK ||
        (rc = write_readme(&im, files, n, paths[4], err)) != AG_OK)
        goto done;
done:
    if (rel_open)
        ag_out_abort(&rel);
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
    free(im.months);
    for (int i = 0; i < 5; i++)
        free(paths[i]);
    return rc;
}
