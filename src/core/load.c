/*
 * load.c: reading a dataset folder (CSV files) into the model.
 *
 * Each file is streamed through csvread.c; its header row maps column names
 * to positions; each later record is checked field by field and, when sound,
 * appended to the model. Problems go to the diagnostics and loading goes on,
 * so that one run reports everything. Checks that need the whole dataset
 * (cycles, duplicates, active intervals) are in validate.c.
 */
#include "actorgraph/load.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/csvread.h"
#include "core/date_suggest.h"
#include "core/util.h"

/* A column the format knows: its name, whether it is required, and whether
 * its value is structured (trimmed) or free text (kept verbatim). */
typedef struct {
    const char *name;
    bool required;
    bool trim;
} column_t;

enum { A_ID, A_NAME, A_KIND, A_PARENT, A_CONTINUES, A_ACTIVE, A_NOTE, A_N };
static const column_t actor_columns[A_N] = {
    { "id", true, true }, { "name", true, false }, { "kind", true, true },
    { "parent", false, true }, { "continues", false, true },
    { "active", false, true }, { "note", false, false },
};

enum { R_SOURCE, R_TARGET, R_TYPE, R_DATE, R_SIGN, R_WEIGHT, R_CITE, R_NOTE, R_N };
static const column_t relation_columns[R_N] = {
    { "source", true, true }, { "target", true, true }, { "type", true, true },
    { "date", true, true }, { "sign", false, true }, { "weight", false, true },
    { "cite", false, false }, { "note", false, false },
};

enum { E_ID, E_NAME, E_PERIOD, E_NOTE, E_N };
static const column_t era_columns[E_N] = {
    { "id", true, true }, { "name", false, false }, { "period", true, true },
    { "note", false, false },
};

enum { T_ID, T_LABEL, T_DIRECTED, T_SIGN, T_WEIGHT, T_CAMEO, T_STYLE, T_N };
static const column_t type_columns[T_N] = {
    { "id", true, true }, { "label", false, false }, { "directed", true, true },
    { "sign", true, true }, { "weight", true, true }, { "cameo", false, true },
    { "style", false, true },
};

#define MAX_COLS 16

/* Ids of the types or eras read so far, for duplicates: an open-addressing
 * hash table, so that each row costs a lookup rather than a search through
 * the rows before it (100,000 eras took a minute). The ids are the
 * dataset's own strings. line is 0 in an empty slot (lines count from 1). */
typedef struct {
    const char *id;
    long line;
} idslot_t;

typedef struct {
    idslot_t *slot;
    size_t cap, n; /* cap: 0 or a power of two, at least twice n */
} idset_t;

/* Records by id, for relations' look-ups: an open-addressing table of
 * (hash, index, short id) beside a dense copy of the ids, so that a
 * look-up compares 32-bit hashes and, for ids of up to 7 bytes (most),
 * the id in the slot itself; a longer id reads one string, never the
 * records. */
typedef struct {
    uint32_t hash;
    int32_t index;             /* -1 in an empty slot */
    uint64_t key;              /* an id of up to 7 bytes, NUL-padded, else 0 */
} idref_t;

typedef struct {
    idref_t *slot;
    size_t mask;               /* slots - 1 (a power of two) */
    const char **ids;          /* the records' ids, by index */
    bool built, failed;        /* failed: no memory, binary search instead */
} idtable_t;

/* State of one file being read. */
typedef struct loader loader_t;
typedef void (*row_fn)(loader_t *ld, long line, char **f);

struct loader {
    ag_dataset_t *ds;
    ag_diags_t *diags;
    const char *path;
    const column_t *columns;
    size_t ncolumns;
    ag_columns_t *extra_cols;  /* where the file's extra column names go */
    row_fn row;
    bool have_header;
    bool bad_header;           /* required columns missing: skip the rows */
    size_t nfields;            /* fields in the header */
    long pos[MAX_COLS];        /* position of each known column, or -1 */
    long *extra_pos;           /* position of each extra column */
    char **parent_ids;         /* actors: parent/continues ids to resolve */
    char **continues_ids;
    size_t id_cap;
    char **cur;                /* fields of the record being handled */
    bool oom;
    size_t rows;               /* records after the header */
    idtable_t actor_ids;       /* relations: actors by id */
    idtable_t type_ids;        /* relations: types by id */
    uintptr_t prefaulted;      /* relations: prefaulted up to this address */
    bool fixed;                /* relations: a half's part, never grown */
    idset_t ids;               /* types, eras: the ids read so far */
    bool no_builtin;           /* types.csv: a NO_BUILTIN row was seen */
    bool builtin_known;        /* types.csv: n_builtin is set */
    size_t n_builtin;          /* types.csv: the built-in types, first in ds->types */
};

/* FNV-1a. */
static size_t hash_id(const char *s)
{
    uint64_t h = 14695981039346656037u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

/* The line where id was first read, or 0 if it was not. */
static long idset_line(const idset_t *set, const char *id)
{
    size_t mask = set->cap - 1;
    if (!set->cap)
        return 0;
    for (size_t i = hash_id(id) & mask; set->slot[i].line; i = (i + 1) & mask)
        if (strcmp(set->slot[i].id, id) == 0)
            return set->slot[i].line;
    return 0;
}

static void idset_put(idslot_t *slot, size_t cap, const char *id, long line)
{
    size_t i = hash_id(id) & (cap - 1);
    while (slot[i].line)
        i = (i + 1) & (cap - 1);
    slot[i].id = id;
    slot[i].line = line;
}

/* Adds id (not copied) read on line. Returns false on lack of memory. */
static bool idset_add(idset_t *set, const char *id, long line)
{
    if (2 * (set->n + 1) > set->cap) {
        size_t cap = set->cap ? 2 * set->cap : 64;
        idslot_t *slot = calloc(cap, sizeof *slot);
        if (!slot)
            return false;
        for (size_t k = 0; k < set->cap; k++)
            if (set->slot[k].line)
                idset_put(slot, cap, set->slot[k].id, set->slot[k].line);
        free(set->slot);
        set->slot = slot;
        set->cap = cap;
    }
    idset_put(set->slot, set->cap, id, line);
    set->n++;
    return true;
}

static void diag(loader_t *ld, ag_severity_t sev, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool no_builtin_row(loader_t *ld, char **f);

static void diag(loader_t *ld, ag_severity_t sev, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ag_diags_vadd(ld->diags, sev, ld->path, line, fmt, ap);
    va_end(ap);
}

static void lower(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

/* Edit distance between two short names (insertions, deletions,
 * substitutions, and a swap of neighbours as one edit); names of 32 bytes
 * or more count as far apart. */
static size_t name_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), d[33][33];
    if (la > 32 || lb > 32)
        return SIZE_MAX;
    for (size_t i = 0; i <= la; i++)
        for (size_t j = 0; j <= lb; j++) {
            size_t v;
            if (i == 0 || j == 0) {
                d[i][j] = i + j;
                continue;
            }
            v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb];
}

/*
 * The known column that an extra column name was probably meant to be, or
 * NULL: one not in the header, within one edit (names of up to four
 * letters) or two, or a usual synonym (citation for cite).
 */
static const char *meant_column(const loader_t *ld, const char *name)
{
    static const char *const synonyms[][2] = {
        { "citation", "cite" }, { "citations", "cite" }, { "reference", "cite" },
        { "references", "cite" }, { "source_ref", "cite" },
    };
    for (size_t c = 0; c < ld->ncolumns; c++) {
        const char *known = ld->columns[c].name;
        if (ld->pos[c] >= 0)
            continue;
        for (size_t s = 0; s < sizeof synonyms / sizeof synonyms[0]; s++)
            if (!strcmp(name, synonyms[s][0]) && !strcmp(known, synonyms[s][1]))
                return known;
        if (name_distance(name, known) <= (strlen(known) <= 4 ? 1u : 2u))
            return known;
    }
    return NULL;
}

static void read_header(loader_t *ld, long line, char **f, size_t n)
{
    ld->have_header = true;
    ld->nfields = n;
    for (size_t c = 0; c < ld->ncolumns; c++)
        ld->pos[c] = -1;
    ld->extra_pos = calloc(n ? n : 1, sizeof *ld->extra_pos);
    ld->extra_cols->names = calloc(n ? n : 1, sizeof *ld->extra_cols->names);
    if (!ld->extra_pos || !ld->extra_cols->names) {
        ld->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        size_t c;
        lower(ag_i_trim(f[i]));
        if (!*f[i]) {
            diag(ld, AG_SEV_ERROR, line, "column %zu has an empty name", i + 1);
            continue;
        }
        for (c = 0; c < ld->ncolumns; c++)
            if (strcmp(f[i], ld->columns[c].name) == 0)
                break;
        if (c < ld->ncolumns) {
            if (ld->pos[c] >= 0)
                diag(ld, AG_SEV_ERROR, line, "column '%s' appears twice", f[i]);
            else
                ld->pos[c] = (long)i;
            continue;
        }
        for (size_t k = 0; k < ld->extra_cols->n; k++)
            if (strcmp(ld->extra_cols->names[k], f[i]) == 0) {
                diag(ld, AG_SEV_ERROR, line, "column '%s' appears twice", f[i]);
                goto next;
            }
        ld->extra_cols->names[ld->extra_cols->n] = ag_i_strdup(f[i]);
        if (!ld->extra_cols->names[ld->extra_cols->n]) {
            ld->oom = true;
            return;
        }
        ld->extra_pos[ld->extra_cols->n++] = (long)i;
    next:;
    }
    /* A misspelt column would be kept as an attribute and change results
     * without a word: one warning each. */
    for (size_t k = 0; k < ld->extra_cols->n; k++) {
        const char *meant = meant_column(ld, ld->extra_cols->names[k]);
        if (meant)
            diag(ld, AG_SEV_WARNING, line,
                 "column '%s' is not one the format knows and is kept as an extra "
                 "attribute: did you mean '%s'?", ld->extra_cols->names[k], meant);
    }
    for (size_t c = 0; c < ld->ncolumns; c++)
        if (ld->columns[c].required && ld->pos[c] < 0) {
            char want[256] = "";
            for (size_t k = 0; k < ld->ncolumns; k++)
                if (ld->columns[k].required) {
                    strcat(want, *want ? "," : "");
                    strcat(want, ld->columns[k].name);
                }
            diag(ld, AG_SEV_ERROR, line,
                 "missing required column '%s' (the header needs %s)",
                 ld->columns[c].name, want);
            ld->bad_header = true;
        }
}

static int on_record(void *ud, long line, char **f, size_t n)
{
    loader_t *ld = ud;
    char *known[MAX_COLS];
    if (!ld->have_header) {
        read_header(ld, line, f, n);
        return ld->oom ? AG_ENOMEM : 0;
    }
    if (ld->bad_header)
        return 0;
    ld->rows++;
    if (n == ld->nfields && no_builtin_row(ld, f)) {
        ld->no_builtin = true;
        return 0;
    }
    if (n != ld->nfields) {
        diag(ld, AG_SEV_ERROR, line, "expected %zu fields (as in the header), found %zu",
             ld->nfields, n);
        return 0;
    }
    for (size_t c = 0; c < ld->ncolumns; c++) {
        static char empty[1];
        known[c] = ld->pos[c] >= 0 ? f[ld->pos[c]] : empty;
        if (ld->columns[c].trim && known[c] != empty)
            ag_i_trim(known[c]);
        if (ld->columns[c].required && !*known[c])
            diag(ld, AG_SEV_ERROR, line, "empty '%s': the field is required",
                 ld->columns[c].name);
    }
    ld->cur = f;
    ld->row(ld, line, known);
    return ld->oom ? AG_ENOMEM : 0;
}

/* A copy of s in the dataset's string arena ("" shared); NULL and oom set
 * on lack of memory. */
static char *dup_or_oom(loader_t *ld, const char *s)
{
    char *p = ag_i_arena_strdup(&ld->ds->strings, s);
    if (!p)
        ld->oom = true;
    return p;
}

/* Copies the extra columns of the record being handled. */
static char **take_extra(loader_t *ld)
{
    char **extra;
    if (ld->extra_cols->n == 0)
        return NULL;
    extra = ag_i_arena_alloc(&ld->ds->strings, ld->extra_cols->n * sizeof *extra);
    if (!extra) {
        ld->oom = true;
        return NULL;
    }
    for (size_t k = 0; k < ld->extra_cols->n; k++)
        extra[k] = dup_or_oom(ld, ld->cur[ld->extra_pos[k]]);
    return extra;
}

static bool required_ok(loader_t *ld, char **f)
{
    for (size_t c = 0; c < ld->ncolumns; c++)
        if (ld->columns[c].required && !*f[c])
            return false;
    return true;
}

static bool parse_sign(const char *s, int *sign)
{
    if (strcmp(s, "+") == 0 || strcmp(s, "+1") == 0)
        *sign = +1;
    else if (strcmp(s, "-") == 0 || strcmp(s, "-1") == 0 ||
             strcmp(s, "\xE2\x88\x92") == 0) /* U+2212 minus sign */
        *sign = -1;
    else
        return false;
    return true;
}

static bool parse_weight(const char *s, double *w)
{
    char *end;
    /* Decimal only: strtod would also take hex ("0x10"), "inf" and "nan". */
    if (strspn(s, "0123456789.eE+-") != strlen(s))
        return false;
    errno = 0;
    *w = strtod(s, &end);
    return end != s && !*end && errno == 0 && isfinite(*w) && *w > 0;
}

static bool parse_bool(const char *s, bool *b)
{
    char v[8];
    size_t n = strlen(s);
    if (n >= sizeof v)
        return false;
    memcpy(v, s, n + 1);
    lower(v);
    if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "1"))
        *b = true;
    else if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "0"))
        *b = false;
    else
        return false;
    return true;
}

static bool parse_date(loader_t *ld, long line, const char *what, const char *s,
                       ag_date_t *d)
{
    char msg[256];
    if (ag_date_parse(s, d, msg, sizeof msg) != 0) {
        /* A common form written for people gets the EDTF it means. */
        if (ag_i_date_suggest(s, msg, sizeof msg))
            diag(ld, AG_SEV_ERROR, line, "bad %s '%.64s': %s", what, s, msg);
        else
            diag(ld, AG_SEV_ERROR, line, "bad %s: %s", what, msg);
        return false;
    }
    return true;
}


/* ---- actors ---- */

static void actor_row(loader_t *ld, long line, char **f)
{
    ag_dataset_t *ds = ld->ds;
    ag_actor_t a;
    int kind = -1;
    bool ok = required_ok(ld, f);
    memset(&a, 0, sizeof a);
    if (*f[A_ID] && !ag_id_valid(f[A_ID])) {
        diag(ld, AG_SEV_ERROR, line,
             "bad id '%s': use letters, digits, '_', '.' and '-' only", f[A_ID]);
        ok = false;
    }
    if (*f[A_KIND] && (kind = ag_kind_parse(f[A_KIND])) < 0) {
        diag(ld, AG_SEV_ERROR, line,
             "unknown kind '%s': use state, leader, organisation, group or agency",
             f[A_KIND]);
        ok = false;
    }
    if (*f[A_ACTIVE] && !parse_date(ld, line, "active interval", f[A_ACTIVE], &a.active))
        ok = false;
    /* Duplicate ids are found in resolve_actor_links(), through the sorted
     * index: a linear search here would make loading quadratic. */
    if (!ok)
        return;
    if (!ag_i_grow((void **)&ds->actors, &ld->id_cap, ds->n_actors + 1, sizeof *ds->actors)) {
        ld->oom = true;
        return;
    }
    {
        size_t cap = ld->id_cap;
        /* parent_ids and continues_ids grow with the actors array. */
        char **p = realloc(ld->parent_ids, cap * sizeof *p);
        if (!p) {
            ld->oom = true;
            return;
        }
        ld->parent_ids = p;
        p = realloc(ld->continues_ids, cap * sizeof *p);
        if (!p) {
            ld->oom = true;
            return;
        }
        ld->continues_ids = p;
    }
    a.id = dup_or_oom(ld, f[A_ID]);
    a.name = dup_or_oom(ld, f[A_NAME]);
    a.note = dup_or_oom(ld, f[A_NOTE]);
    a.kind = (ag_kind_t)kind;
    a.has_active = *f[A_ACTIVE] != '\0';
    a.parent = a.continues = -1;
    a.line = line;
    a.extra = take_extra(ld);
    /* The loader's own copies, freed by loader_free(). */
    ld->parent_ids[ds->n_actors] = ag_i_strdup(f[A_PARENT]);
    ld->continues_ids[ds->n_actors] = ag_i_strdup(f[A_CONTINUES]);
    if (!ld->parent_ids[ds->n_actors] || !ld->continues_ids[ds->n_actors])
        ld->oom = true;
    ds->actors[ds->n_actors++] = a;
}

/* Resolves parent and continues ids once every actor is known. */
static void resolve_actor_links(loader_t *ld)
{
    ag_dataset_t *ds = ld->ds;
    /* The index sorts equal ids by position: the first one is the original. */
    for (size_t k = 1; k < ds->n_actors; k++) {
        const ag_actor_t *a = &ds->actors[ds->actor_index[k - 1]];
        const ag_actor_t *b = &ds->actors[ds->actor_index[k]];
        if (strcmp(a->id, b->id) == 0)
            diag(ld, AG_SEV_ERROR, b->line,
                 "duplicate actor id '%s' (first defined on line %ld)", b->id, a->line);
    }
    for (size_t i = 0; i < ds->n_actors; i++) {
        ag_actor_t *a = &ds->actors[i];
        const char *ids[2] = { ld->parent_ids[i], ld->continues_ids[i] };
        const char *what[2] = { "parent", "continues" };
        long *dst[2] = { &a->parent, &a->continues };
        for (int k = 0; k < 2; k++) {
            long j;
            if (!ids[k] || !*ids[k])
                continue;
            j = ag_dataset_find_actor(ds, ids[k]);
            if (j < 0) {
                const char *s = ag_suggest_actor(ds, ids[k]);
                diag(ld, AG_SEV_ERROR, a->line, "unknown %s '%s'%s%s%s", what[k],
                     ids[k], s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
            } else if (j == (long)i) {
                diag(ld, AG_SEV_ERROR, a->line, "actor '%s' is its own %s", a->id,
                     what[k]);
            } else {
                *dst[k] = j;
            }
        }
    }
}

/* ---- types ---- */

/* The id of a types.csv row that drops the built-in vocabulary ("minus the
 * built-ins"); a type of that name would make no sense in relations.csv. */
#define NO_BUILTIN "-builtin"


static void type_row(loader_t *ld, long line, char **f)
{
    ag_dataset_t *ds = ld->ds;
    ag_type_t t;
    long first;
    long over = -1;
    bool ok = required_ok(ld, f);
    memset(&t, 0, sizeof t);
    if (*f[T_ID] && !ag_id_valid(f[T_ID])) {
        diag(ld, AG_SEV_ERROR, line,
             "bad type id '%s': use letters, digits, '_', '.' and '-' only", f[T_ID]);
        ok = false;
    }
    if (*f[T_DIRECTED] && !parse_bool(f[T_DIRECTED], &t.directed)) {
        diag(ld, AG_SEV_ERROR, line, "bad directed '%s': use true or false", f[T_DIRECTED]);
        ok = false;
    }
    if (*f[T_SIGN] && !parse_sign(f[T_SIGN], &t.sign)) {
        diag(ld, AG_SEV_ERROR, line, "bad sign '%s': use + or -", f[T_SIGN]);
        ok = false;
    }
    if (*f[T_WEIGHT] && !parse_weight(f[T_WEIGHT], &t.weight)) {
        diag(ld, AG_SEV_ERROR, line, "bad weight '%s': use a number greater than 0",
             f[T_WEIGHT]);
        ok = false;
    }
    if (*f[T_ID] && (first = idset_line(&ld->ids, f[T_ID])) != 0) {
        diag(ld, AG_SEV_ERROR, line, "duplicate type id '%s' (first defined on line %ld)",
             f[T_ID], first);
        ok = false;
    }
    /* A built-in type of the same id: this row overrides it. The built-ins
     * come first and are few (a row that overrode one already is a
     * duplicate, found above). */
    if (!ld->builtin_known) {
        ld->n_builtin = ds->n_types;
        ld->builtin_known = true;
    }
    for (size_t i = 0; ok && i < ld->n_builtin && *f[T_ID]; i++)
        if (ds->types[i].line == 0 && strcmp(ds->types[i].id, f[T_ID]) == 0) {
            over = (long)i;
            break;
        }
    if (!ok)
        return;
    if (over < 0 &&
        !ag_i_grow((void **)&ds->types, &ld->id_cap, ds->n_types + 1, sizeof *ds->types)) {
        ld->oom = true;
        return;
    }
    t.id = dup_or_oom(ld, f[T_ID]);
    t.label = dup_or_oom(ld, *f[T_LABEL] ? f[T_LABEL] : f[T_ID]);
    t.cameo = dup_or_oom(ld, f[T_CAMEO]);
    t.style = dup_or_oom(ld, *f[T_STYLE] ? f[T_STYLE] : "solid");
    t.line = line;
    t.extra = take_extra(ld);
    if (t.id && !idset_add(&ld->ids, t.id, line))
        ld->oom = true;
    if (over >= 0) {
        ds->types[over] = t; /* the built-in's strings stay in the arena */
    } else {
        ds->types[ds->n_types++] = t;
    }
}

/* A types.csv row whose id is NO_BUILTIN asks for its own types only. */
static bool no_builtin_row(loader_t *ld, char **f)
{
    return ld->row == type_row && ld->pos[T_ID] >= 0 &&
           strcmp(ag_i_trim(f[ld->pos[T_ID]]), NO_BUILTIN) == 0;
}

/* Drops the built-in types that types.csv did not override. */
static void drop_builtin_types(ag_dataset_t *ds)
{
    size_t k = 0;
    for (size_t i = 0; i < ds->n_types; i++) {
        if (ds->types[i].line != 0)
            ds->types[k++] = ds->types[i];
    }
    ds->n_types = k;
}

/* ---- eras ---- */

static void era_row(loader_t *ld, long line, char **f)
{
    ag_dataset_t *ds = ld->ds;
    ag_era_t e;
    char buf[128];
    long first;
    bool ok = required_ok(ld, f);
    memset(&e, 0, sizeof e);
    if (*f[E_ID] && !ag_id_valid(f[E_ID])) {
        diag(ld, AG_SEV_ERROR, line,
             "bad era id '%s': use letters, digits, '_', '.' and '-' only", f[E_ID]);
        ok = false;
    }
    if (*f[E_PERIOD] && !parse_date(ld, line, "period", f[E_PERIOD], &e.period))
        ok = false;
    if (*f[E_ID] && (first = idset_line(&ld->ids, f[E_ID])) != 0) {
        diag(ld, AG_SEV_ERROR, line, "duplicate era id '%s' (first defined on line %ld)",
             f[E_ID], first);
        ok = false;
    }
    if (!ok)
        return;
    if (!ag_i_grow((void **)&ds->eras, &ld->id_cap, ds->n_eras + 1, sizeof *ds->eras)) {
        ld->oom = true;
        return;
    }
    ag_date_format(&e.period, buf, sizeof buf);
    e.id = dup_or_oom(ld, f[E_ID]);
    e.name = dup_or_oom(ld, *f[E_NAME] ? f[E_NAME] : f[E_ID]);
    e.period_text = dup_or_oom(ld, buf);
    e.note = dup_or_oom(ld, f[E_NOTE]);
    e.line = line;
    e.extra = take_extra(ld);
    if (e.id && !idset_add(&ld->ids, e.id, line))
        ld->oom = true;
    ds->eras[ds->n_eras++] = e;
}

/* ---- relations ---- */

/* Ids are short; a table of ids by hash (hash_id) makes each relation's
 * look-ups O(1) instead of a binary search of string comparisons. */

/* The id as a short key (see idref_t) and its hash. */
static uint64_t short_key(const char *id, uint32_t *hash)
{
    uint64_t key = 0;
    size_t n = strlen(id);
    *hash = (uint32_t)hash_id(id);
    if (n < sizeof key)
        memcpy(&key, id, n);
    return key;
}

/* Fills t with the ids of n records of size stride, each starting with its
 * id pointer (the first of equal ids wins, as with ag_dataset_find_*). On
 * lack of memory t->failed is set and look-ups fall back to the index. */
static void idtable_build(idtable_t *t, const void *base, size_t n, size_t stride)
{
    size_t slots = 16;
    t->built = true;
    while (slots < 2 * n)
        slots *= 2;
    t->slot = malloc(slots * sizeof *t->slot);
    t->ids = malloc((n ? n : 1) * sizeof *t->ids);
    if (!t->slot || !t->ids || n > INT32_MAX) {
        free(t->slot);
        free(t->ids);
        t->slot = NULL;
        t->ids = NULL;
        t->failed = true;
        return;
    }
    t->mask = slots - 1;
    for (size_t k = 0; k < slots; k++)
        t->slot[k].index = -1;
    for (size_t i = 0; i < n; i++) {
        const char *id = *(char *const *)((const char *)base + i * stride);
        uint32_t h;
        uint64_t key = short_key(id, &h);
        size_t k = h & t->mask;
        t->ids[i] = id;
        while (t->slot[k].index >= 0 &&
               (t->slot[k].hash != h || strcmp(t->ids[t->slot[k].index], id) != 0))
            k = (k + 1) & t->mask;
        if (t->slot[k].index < 0) {
            t->slot[k].hash = h;
            t->slot[k].index = (int32_t)i;
            t->slot[k].key = key;
        }
    }
}

/* The index of the record with this id, or -1; -2 when the table could
 * not be built. */
static long idtable_find(const idtable_t *t, const char *id)
{
    uint32_t h;
    uint64_t key;
    if (!t->slot)
        return -2;
    key = short_key(id, &h);
    for (size_t k = h & t->mask;; k = (k + 1) & t->mask) {
        const idref_t *e = &t->slot[k];
        if (e->index < 0)
            return -1;
        if (e->hash == h &&
            (key ? e->key == key : !e->key && strcmp(t->ids[e->index], id) == 0))
            return e->index;
    }
}

static void idtable_free(idtable_t *t)
{
    free(t->slot);
    free(t->ids);
    memset(t, 0, sizeof *t);
}

static long find_actor(loader_t *ld, const char *id)
{
    long i;
    if (!ld->actor_ids.built)
        idtable_build(&ld->actor_ids, ld->ds->actors, ld->ds->n_actors,
                      sizeof *ld->ds->actors);
    i = idtable_find(&ld->actor_ids, id);
    return i == -2 ? ag_dataset_find_actor(ld->ds, id) : i;
}

static long find_type(loader_t *ld, const char *id)
{
    long i;
    if (!ld->type_ids.built)
        idtable_build(&ld->type_ids, ld->ds->types, ld->ds->n_types,
                      sizeof *ld->ds->types);
    i = idtable_find(&ld->type_ids, id);
    return i == -2 ? ag_dataset_find_type(ld->ds, id) : i;
}

static long lookup_actor(loader_t *ld, long line, const char *what, const char *id)
{
    long i;
    const char *s;
    if (!*id)
        return -1;
    i = find_actor(ld, id);
    if (i >= 0)
        return i;
    s = ag_suggest_actor(ld->ds, id);
    diag(ld, AG_SEV_ERROR, line, "unknown %s actor '%s'%s%s%s", what, id,
         s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
    return -1;
}

/* Maps the next megabyte of the relations array before it is written,
 * once the array is large (see ag_i_prefault): only the stretch about to
 * be filled, so the resident size does not grow beyond what is held. */
static void prefault_relations(loader_t *ld)
{
    enum { STRETCH = 1 << 20 };
    const ag_dataset_t *ds = ld->ds;
    uintptr_t at = (uintptr_t)(ds->relations + ds->n_relations);
    uintptr_t end = (uintptr_t)(ds->relations + ld->id_cap);
    if (ld->id_cap * sizeof *ds->relations < 8 * (size_t)STRETCH || at < ld->prefaulted)
        return;
    ld->prefaulted = at + STRETCH < end ? at + STRETCH : end;
    ag_i_prefault((void *)at, ld->prefaulted - at);
}

static void relation_row(loader_t *ld, long line, char **f)
{
    ag_dataset_t *ds = ld->ds;
    ag_relation_t r;
    char buf[128];
    long source, target, type = -1;
    int sign = 0;
    bool ok = required_ok(ld, f);
    memset(&r, 0, sizeof r);
    if (line > INT32_MAX) {
        /* ag_relation_t keeps lines in 32 bits. */
        diag(ld, AG_SEV_ERROR, line, "too many lines: a relations file may have at most %ld",
             (long)INT32_MAX);
        return;
    }
    source = lookup_actor(ld, line, "source", f[R_SOURCE]);
    target = lookup_actor(ld, line, "target", f[R_TARGET]);
    if (source < 0 || target < 0)
        ok = false;
    if (*f[R_TYPE]) {
        type = find_type(ld, f[R_TYPE]);
        if (type < 0) {
            const char *s = ag_suggest_type(ds, f[R_TYPE]);
            if (s)
                diag(ld, AG_SEV_ERROR, line, "unknown type '%s' (did you mean '%s'?)",
                     f[R_TYPE], s);
            else
                diag(ld, AG_SEV_ERROR, line,
                     "unknown type '%s': neither built in nor in types.csv ('actorgraph "
                     "types DATASET' lists them)", f[R_TYPE]);
            ok = false;
        }
    }
    if (*f[R_DATE] && !parse_date(ld, line, "date", f[R_DATE], &r.date))
        ok = false;
    if (*f[R_SIGN]) {
        if (!parse_sign(f[R_SIGN], &sign)) {
            diag(ld, AG_SEV_ERROR, line, "bad sign '%s': use + or - (or leave it empty)",
                 f[R_SIGN]);
            ok = false;
        }
        r.sign_set = true;
    }
    if (*f[R_WEIGHT]) {
        if (!parse_weight(f[R_WEIGHT], &r.weight)) {
            diag(ld, AG_SEV_ERROR, line,
                 "bad weight '%s': use a number greater than 0 (or leave it empty)",
                 f[R_WEIGHT]);
            ok = false;
        }
        r.weight_set = true;
    }
    if (!ok)
        return;
    /* Actor and type counts are far below 2^31 (each costs memory). */
    r.source = (int32_t)source;
    r.target = (int32_t)target;
    r.type = (int32_t)type;
    r.sign = (int8_t)(r.sign_set ? sign : ds->types[type].sign);
    if (!r.weight_set)
        r.weight = ds->types[type].weight;
    if (ds->n_relations == ld->id_cap) {
        /* A half's part was sized for the most rows it can have: full, it
         * is a fault, refused as memory would be. */
        if (ld->fixed || !ag_i_grow((void **)&ds->relations, &ld->id_cap, ds->n_relations + 1,
                       sizeof *ds->relations)) {
            ld->oom = true;
            return;
        }
        ld->prefaulted = 0;
    }
    prefault_relations(ld);
    ag_date_format(&r.date, buf, sizeof buf);
    r.date_text = dup_or_oom(ld, buf);
    r.cite = dup_or_oom(ld, f[R_CITE]);
    r.note = dup_or_oom(ld, f[R_NOTE]);
    r.line = (int32_t)line;
    r.extra = take_extra(ld);
    ds->relations[ds->n_relations++] = r;
}

/*
 * relations.csv in two halves at once (ag_i_csv_read_split), on two
 * threads when two CPUs are online. The relations array is sized once for
 * the most records the file's line ends allow, and each half fills its own
 * part of it: the first from the start, the second from the most the
 * first can give, so that neither ever moves it; the second half's part
 * is moved down behind the first's at the end, when rows between were
 * blank or refused. The second half has a loader of its own on a copy of
 * the dataset whose relations point into its part and whose strings start
 * empty, and diagnostics of its own; they are joined to the first's.
 * Everything else the rows read (actors, types, the header's columns, the
 * id tables) is shared and only read.
 */
enum { SPLIT_MIN = 4 << 20 };

typedef struct {
    loader_t ld;
    ag_dataset_t ds;
    ag_diags_t diags;
    size_t base;        /* where the second half's part starts */
    size_t cap;         /* the array's whole capacity */
    bool begun;
} second_t;

static bool begin_second(void *ud, void *ud2, size_t first, size_t second)
{
    loader_t *ld = ud;
    second_t *sc = ud2;
    ag_dataset_t *ds = ld->ds;
    size_t base = ds->n_relations + first, cap = base + second;
    if (!ld->have_header || ld->bad_header || ld->oom || cap < base)
        return false;
    if (cap > ld->id_cap) {
        ag_relation_t *grown = realloc(ds->relations, cap * sizeof *grown);
        if (!grown)
            return false;
        ds->relations = grown;
        ld->id_cap = cap;
        ld->prefaulted = 0;
    }
    /* The id tables are built here, once, rather than by the first look-up
     * of either thread. */
    if (!ld->actor_ids.built)
        idtable_build(&ld->actor_ids, ds->actors, ds->n_actors, sizeof *ds->actors);
    if (!ld->type_ids.built)
        idtable_build(&ld->type_ids, ds->types, ds->n_types, sizeof *ds->types);
    sc->base = base;
    sc->cap = ld->id_cap;
    sc->begun = true;
    sc->ds = *ds;
    sc->ds.relations = ds->relations + base;
    sc->ds.n_relations = 0;
    sc->ds.strings = NULL;
    sc->ld = *ld;
    sc->ld.ds = &sc->ds;
    sc->ld.diags = &sc->diags;
    sc->ld.rows = 0;
    sc->ld.id_cap = sc->cap - base;
    sc->ld.prefaulted = 0;
    sc->ld.cur = NULL;
    sc->ld.fixed = true;
    ld->id_cap = base;
    ld->fixed = true;
    return true;
}

/* The second half dropped: the first has the whole array again (sc->ld
 * shares the first's tables: only what it owns is freed). */
static void drop_second(void *ud, void *ud2)
{
    loader_t *ld = ud;
    second_t *sc = ud2;
    ag_i_arena_free(&sc->ds.strings);
    ag_diags_destroy(&sc->diags);
    ld->id_cap = sc->cap;
    ld->fixed = false;
    sc->begun = false;
}

/* Joins the second half's relations, strings and diagnostics to the
 * first's. */
static void merge_second(loader_t *ld, second_t *sc)
{
    ag_dataset_t *ds = ld->ds;
    ag_diags_t *d = ld->diags;
    size_t n2 = sc->ds.n_relations;
    if (d->n + sc->diags.n > d->cap) {
        ag_diag_t *grown = realloc(d->items, (d->n + sc->diags.n) * sizeof *grown);
        if (!grown) {
            ld->oom = true;
            drop_second(ld, sc);
            return;
        }
        d->items = grown;
        d->cap = d->n + sc->diags.n;
    }
    if (ds->n_relations != sc->base && n2)
        memmove(ds->relations + ds->n_relations, ds->relations + sc->base,
                n2 * sizeof *ds->relations);
    ds->n_relations += n2;
    ld->id_cap = sc->cap;
    ld->fixed = false;
    ag_i_arena_join(&ds->strings, &sc->ds.strings);
    if (sc->diags.n)
        memcpy(d->items + d->n, sc->diags.items, sc->diags.n * sizeof *d->items);
    d->n += sc->diags.n;
    d->errors += sc->diags.errors;
    d->warnings += sc->diags.warnings;
    d->oom |= sc->diags.oom;
    free(sc->diags.items);
    ld->rows += sc->ld.rows;
    ld->oom |= sc->ld.oom;
}

/*
 * The separator of a CSV file as a spreadsheet may have saved it: ',' unless
 * the first line has no comma outside quotes but has semicolons (the CSV
 * of locales that write decimal commas) or tabs, whichever are more. A file
 * that cannot be read is left to the reader to report.
 */
static char sniff_delimiter(const char *path)
{
    char buf[4096];
    size_t n, commas = 0, semis = 0, tabs = 0;
    bool quoted = false;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return ',';
    n = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    for (size_t i = 0; i < n && (quoted || (buf[i] != '\n' && buf[i] != '\r')); i++) {
        if (buf[i] == '"')
            quoted = !quoted;
        else if (!quoted && buf[i] == ',')
            commas++;
        else if (!quoted && buf[i] == ';')
            semis++;
        else if (!quoted && buf[i] == '\t')
            tabs++;
    }
    if (commas > 0 || (semis == 0 && tabs == 0))
        return ',';
    return semis >= tabs ? ';' : '\t';
}

/* Reads one file. Returns AG_OK, AG_ENOMEM, or AG_EIO for a missing file
 * (reported as a diagnostic when required). */
static ag_status_t read_file(ag_dataset_t *ds, ag_diags_t *diags, const char *path,
                             const column_t *cols, size_t ncols, ag_columns_t *extra,
                             row_fn row, bool required, loader_t *out, ag_error_t *err)
{
    ag_i_csv_opts_t opts = { ',', true, AG_MAX_FIELD, true, AG_I_CSV_THREAD_MIN };
    loader_t *ld = out;
    ag_error_t e;
    struct stat st;
    size_t errors_before;
    int rc;
    memset(ld, 0, sizeof *ld);
    ld->ds = ds;
    ld->diags = diags;
    ld->path = path;
    ld->columns = cols;
    ld->ncolumns = ncols;
    ld->extra_cols = extra;
    ld->row = row;
    if (stat(path, &st) != 0) {
        if (required)
            ag_diags_add(diags, AG_SEV_ERROR, path, 0, "missing file: a dataset needs it");
        return AG_EIO;
    }
    if (S_ISDIR(st.st_mode)) {
        ag_diags_add(diags, AG_SEV_ERROR, path, 0, "is a folder, not a CSV file");
        return AG_EIO;
    }
    ag_error_clear(&e);
    errors_before = diags->errors;
    /* Read a semicolon or tab file as such, and say so once, rather than
     * one "missing column" per header name and an error per row. */
    if ((opts.delim = sniff_delimiter(path)) != ',')
        ag_diags_add(diags, AG_SEV_WARNING, path, 1,
                     "fields are separated by %s, not commas: read as such (save the "
                     "sheet as comma-separated CSV to silence this)",
                     opts.delim == ';' ? "semicolons" : "tabs");
    if (row == relation_row && sysconf(_SC_NPROCESSORS_ONLN) >= 2) {
        second_t *sc = calloc(1, sizeof *sc);
        ag_i_csv_split_t split = { SPLIT_MIN, sc, sc ? &sc->diags : NULL, begin_second,
                                   drop_second, false };
        if (!sc)
            return ag_error_set(err, AG_ENOMEM, path, 0, "out of memory");
        rc = ag_i_csv_read_split(path, &opts, on_record, ld, diags, &split, NULL, &e);
        if (split.used)
            merge_second(ld, sc);
        else if (sc->begun)
            drop_second(ld, sc);
        free(sc);
    } else {
        rc = ag_i_csv_read(path, &opts, on_record, ld, diags, NULL, &e);
    }
    if (rc == AG_ENOMEM || ld->oom)
        return ag_error_set(err, AG_ENOMEM, path, 0, "out of memory");
    if (rc == AG_EIO) {
        ag_diags_add(diags, AG_SEV_ERROR, path, e.line, "%s", e.msg);
        return AG_EIO;
    }
    /* No header and no error from the reader: nothing but blank lines. */
    if (!ld->have_header && diags->errors == errors_before) {
        char want[256] = "";
        for (size_t k = 0; k < ncols; k++)
            if (cols[k].required) {
                strcat(want, *want ? "," : "");
                strcat(want, cols[k].name);
            }
        ag_diags_add(diags, AG_SEV_ERROR, path, 0,
                     "empty file: expected a header row with at least %s", want);
    }
    return AG_OK;
}

static void loader_free(loader_t *ld, size_t n_actors)
{
    if (ld->parent_ids)
        for (size_t i = 0; i < n_actors; i++) {
            free(ld->parent_ids[i]);
            free(ld->continues_ids[i]);
        }
    free(ld->parent_ids);
    free(ld->continues_ids);
    free(ld->extra_pos);
    idtable_free(&ld->actor_ids);
    idtable_free(&ld->type_ids);
    free(ld->ids.slot);
    memset(ld, 0, sizeof *ld);
}

static char *base_name(const char *dir)
{
    size_t n = strlen(dir);
    const char *s;
    while (n > 1 && dir[n - 1] == '/')
        n--;
    s = dir + n;
    while (s > dir && s[-1] != '/')
        s--;
    return ag_i_strndup(s, (size_t)(dir + n - s));
}

ag_status_t ag_dataset_load(ag_dataset_t *ds, const char *dir, ag_diags_t *diags,
                            ag_error_t *err)
{
    struct stat st;
    char *paths[4] = { NULL, NULL, NULL, NULL };
    enum { P_TYPES, P_ACTORS, P_ERAS, P_RELATIONS };
    static const char *const names[4] = { "types.csv", "actors.csv", "eras.csv",
                                          "relations.csv" };
    loader_t ld;
    ag_status_t rc = AG_OK;
    size_t errors_before = diags->errors;

    memset(&ld, 0, sizeof ld);
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        return ag_error_set(err, AG_EIO, dir, 0,
                            "not a dataset folder (expected a folder with actors.csv, "
                            "relations.csv and eras.csv)");
    }
    ds->dir = ag_i_strdup(dir);
    ds->name = base_name(dir);
    if (ds->name && (!strcmp(ds->name, ".") || !strcmp(ds->name, "..") || !*ds->name)) {
        /* "." names no dataset: take the folder's own name. */
        char *real = realpath(dir, NULL);
        if (real) {
            free(ds->name);
            ds->name = base_name(real);
            free(real);
        }
    }
    for (int i = 0; i < 4; i++)
        if (!(paths[i] = ag_i_path_join(dir, names[i])))
            rc = AG_ENOMEM;
    if (rc || !ds->dir || !ds->name) {
        rc = ag_error_set(err, AG_ENOMEM, dir, 0, "out of memory");
        goto done;
    }

    /* Types first: relations name them. The built-in vocabulary, then
     * types.csv: its rows add types and override built-in ones of the same
     * id; a row with the id NO_BUILTIN keeps its types only. */
    if ((rc = ag_dataset_use_builtin_types(ds, err)) != AG_OK)
        goto done;
    rc = read_file(ds, diags, paths[P_TYPES], type_columns, T_N, &ds->type_cols,
                   type_row, false, &ld, err);
    {
        bool no_builtin = ld.no_builtin;
        loader_free(&ld, 0);
        if (rc == AG_ENOMEM)
            goto done;
        if (rc != AG_EIO) {
            ds->builtin_types = false;
            if (no_builtin)
                drop_builtin_types(ds);
            if (ds->n_types == 0)
                ag_diags_add(diags, AG_SEV_ERROR, paths[P_TYPES], 0,
                             "no relation types defined: add rows, or remove the '"
                             NO_BUILTIN "' row to use the built-in vocabulary");
        }
    }

    rc = read_file(ds, diags, paths[P_ACTORS], actor_columns, A_N, &ds->actor_cols,
                   actor_row, true, &ld, err);
    if (rc == AG_ENOMEM) {
        loader_free(&ld, ds->n_actors);
        goto done;
    }
    if ((rc = ag_dataset_build_indices(ds, err)) != AG_OK) {
        loader_free(&ld, ds->n_actors);
        goto done;
    }
    /* A header missing a required column skips every row: not "no actors". */
    if (rc == AG_OK && ld.have_header && !ld.bad_header && ld.rows == 0)
        ag_diags_add(diags, AG_SEV_ERROR, paths[P_ACTORS], 0, "no actors after the header");
    resolve_actor_links(&ld);
    loader_free(&ld, ds->n_actors);

    rc = read_file(ds, diags, paths[P_ERAS], era_columns, E_N, &ds->era_cols, era_row,
                   true, &ld, err);
    {
        bool empty = ld.have_header && !ld.bad_header && ld.rows == 0;
        loader_free(&ld, 0);
        if (rc == AG_ENOMEM)
            goto done;
        if (rc == AG_OK && empty)
            ag_diags_add(diags, AG_SEV_WARNING, paths[P_ERAS], 0,
                         "no eras defined: reports need at least one era");
    }

    rc = read_file(ds, diags, paths[P_RELATIONS], relation_columns, R_N,
                   &ds->relation_cols, relation_row, true, &ld, err);
    {
        bool empty = ld.have_header && !ld.bad_header && ld.rows == 0;
        loader_free(&ld, 0);
        if (rc == AG_ENOMEM)
            goto done;
        if (empty)
            ag_diags_add(diags, AG_SEV_ERROR, paths[P_RELATIONS], 0,
                         "no relations after the header");
    }
    if ((rc = ag_dataset_build_indices(ds, err)) != AG_OK)
        goto done;
    ag_dataset_validate(ds, paths[P_ACTORS], paths[P_RELATIONS], diags);
    ag_diags_sort(diags);
    if (diags->oom) {
        rc = ag_error_set(err, AG_ENOMEM, dir, 0, "out of memory");
        goto done;
    }
    rc = diags->errors > errors_before ? AG_EDATA : AG_OK;
done:
    for (int i = 0; i < 4; i++)
        free(paths[i]);
    return rc;
}
