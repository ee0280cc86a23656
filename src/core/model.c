/*
 * model.c: the dataset in memory: lifetime, look-ups, lineage and roll-up,
 * and the built-in relation-type vocabulary.
 */
#include "actorgraph/model.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

void ag_dataset_init(ag_dataset_t *ds)
{
    memset(ds, 0, sizeof *ds);
}

static void free_cols(ag_columns_t *cols)
{
    for (size_t i = 0; i < cols->n; i++)
        free(cols->names[i]);
    free(cols->names);
}

void ag_dataset_destroy(ag_dataset_t *ds)
{
    if (!ds)
        return;
    /* The records' strings and extra arrays are all in the arena. */
    ag_i_arena_free(&ds->strings);
    free(ds->actors);
    free(ds->types);
    free(ds->relations);
    free(ds->eras);
    free_cols(&ds->actor_cols);
    free_cols(&ds->type_cols);
    free_cols(&ds->relation_cols);
    free_cols(&ds->era_cols);
    free(ds->actor_index);
    free(ds->type_index);
    free(ds->era_index);
    free(ds->dir);
    free(ds->name);
    memset(ds, 0, sizeof *ds);
}

static const char *id_at(const void *base, size_t stride, long i)
{
    return *(const char *const *)((const char *)base + (size_t)i * stride);
}

/* The array an index sorts, for qsort_r. */
typedef struct {
    const void *base;
    size_t stride;
} index_key_t;

static int cmp_index(const void *a, const void *b, void *arg)
{
    const index_key_t *k = arg;
    long x = *(const long *)a, y = *(const long *)b;
    int c = strcmp(id_at(k->base, k->stride, x), id_at(k->base, k->stride, y));
    return c ? c : (x > y) - (x < y);
}

static long *build_index(const void *base, size_t n, size_t stride)
{
    long *idx = malloc((n ? n : 1) * sizeof *idx);
    if (!idx)
        return NULL;
    for (size_t i = 0; i < n; i++)
        idx[i] = (long)i;
    qsort_r(idx, n, sizeof *idx, cmp_index, &(index_key_t){ base, stride });
    return idx;
}

ag_status_t ag_dataset_build_indices(ag_dataset_t *ds, ag_error_t *err)
{
    free(ds->actor_index);
    free(ds->type_index);
    free(ds->era_index);
    /* Each struct starts with its id pointer. */
    ds->actor_index = build_index(ds->actors, ds->n_actors, sizeof *ds->actors);
    ds->type_index = build_index(ds->types, ds->n_types, sizeof *ds->types);
    ds->era_index = build_index(ds->eras, ds->n_eras, sizeof *ds->eras);
    if (!ds->actor_index || !ds->type_index || !ds->era_index)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    return AG_OK;
}

static long find(const void *base, size_t n, size_t stride, const long *idx,
                 const char *id)
{
    size_t lo = 0, hi = n;
    if (!idx || !id)
        return -1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(id_at(base, stride, idx[mid]), id);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && strcmp(id_at(base, stride, idx[lo]), id) == 0)
        return idx[lo];
    return -1;
}

ag_status_t ag_dataset_add_window(ag_dataset_t *ds, const char *id, int32_t first, int32_t last,
                                  long *era, ag_error_t *err)
{
    ag_era_t e, *grown;
    long *index;
    if (ag_dataset_find_era(ds, id) >= 0)
        return ag_error_set(err, AG_EUSAGE, NULL, 0, "an era '%s' exists already", id);
    if (last < first)
        return ag_error_set(err, AG_EUSAGE, NULL, 0, "the window '%s' ends before it starts",
                            id);
    memset(&e, 0, sizeof e);
    e.period.interval = true;
    e.period.start.first = e.period.start.last = e.period.first = first;
    e.period.end.first = e.period.end.last = e.period.last = last;
    /* One copy serves as id, name and period text. On failure the copy
     * stays in the arena, unused, until the dataset goes. */
    e.id = e.name = e.period_text = ag_i_arena_strdup(&ds->strings, id);
    e.note = (char *)"";
    if (!e.id || !(grown = realloc(ds->eras, (ds->n_eras + 1) * sizeof *grown)))
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    ds->eras = grown;
    ds->eras[ds->n_eras] = e;
    if (!(index = build_index(ds->eras, ds->n_eras + 1, sizeof *ds->eras)))
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    free(ds->era_index);
    ds->era_index = index;
    *era = (long)ds->n_eras++;
    return AG_OK;
}

long ag_dataset_find_actor(const ag_dataset_t *ds, const char *id)
{
    return find(ds->actors, ds->n_actors, sizeof *ds->actors, ds->actor_index, id);
}

long ag_dataset_find_type(const ag_dataset_t *ds, const char *id)
{
    return find(ds->types, ds->n_types, sizeof *ds->types, ds->type_index, id);
}

long ag_dataset_find_era(const ag_dataset_t *ds, const char *id)
{
    return find(ds->eras, ds->n_eras, sizeof *ds->eras, ds->era_index, id);
}

long ag_dataset_top_parent(const ag_dataset_t *ds, long actor)
{
    long a = actor;
    for (size_t steps = 0; steps < ds->n_actors; steps++) {
        long p = ds->actors[a].parent;
        if (p < 0)
            break;
        a = p;
    }
    return a;
}

long ag_dataset_lineage_root(const ag_dataset_t *ds, long actor)
{
    long a = actor;
    for (size_t steps = 0; steps < ds->n_actors; steps++) {
        long p = ds->actors[a].continues;
        if (p < 0)
            break;
        a = p;
    }
    return a;
}

/* The built-in vocabulary. CAMEO codes are the closest event codes of the
 * CAMEO codebook (Schrodt 2012); "mutual" types are undirected. */
static const struct {
    const char *id, *label;
    bool directed;
    int sign;
    double weight;
    const char *cameo, *style;
} builtin[] = {
    { "alliance", "alliance", false, +1, 3, "062", "bold" },
    { "treaty", "treaty", false, +1, 2, "057", "solid" },
    { "agreement", "agreement", false, +1, 1, "057", "solid" },
    { "cooperation", "cooperation", false, +1, 1, "060", "solid" },
    { "rivalry", "rivalry", false, -1, 2, "110", "dashed" },
    { "war", "war", false, -1, 3, "190", "bold" },
    { "incident", "incident", false, -1, 1, "180", "dashed" },
    { "visit", "visit", true, +1, 1, "042", "dotted" },
    { "invitation", "invitation", true, +1, 1, "036", "dotted" },
    { "mediation", "mediation", true, +1, 1, "045", "dotted" },
    { "support", "support", true, +1, 1, "051", "solid" },
    { "assurance", "assurance", true, +1, 1, "030", "dotted" },
    { "membership", "membership", true, +1, 1, "050", "solid" },
    { "military-aid", "military aid", true, +1, 2, "072", "bold" },
    { "arms-sale", "arms sale", true, +1, 2, "062", "bold" },
    { "veto", "UN veto", true, -1, 2, "129", "dashed" },
    { "threat", "threat", true, -1, 2, "130", "dashed" },
    { "intervention", "intervention", true, -1, 3, "190", "bold" },
    { "accusation", "accusation", true, -1, 1, "112", "dashed" },
    { "sanction", "sanction", true, -1, 2, "163", "dashed" },
    { "cancellation", "cancelled visit", true, -1, 1, "160", "dotted" },
};

ag_status_t ag_dataset_use_builtin_types(ag_dataset_t *ds, ag_error_t *err)
{
    size_t n = sizeof builtin / sizeof builtin[0];
    ds->types = calloc(n, sizeof *ds->types);
    if (!ds->types)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        ag_type_t *t = &ds->types[i];
        ds->n_types++;
        t->id = ag_i_arena_strdup(&ds->strings, builtin[i].id);
        t->label = ag_i_arena_strdup(&ds->strings, builtin[i].label);
        t->cameo = ag_i_arena_strdup(&ds->strings, builtin[i].cameo);
        t->style = ag_i_arena_strdup(&ds->strings, builtin[i].style);
        t->directed = builtin[i].directed;
        t->sign = builtin[i].sign;
        t->weight = builtin[i].weight;
        if (!t->id || !t->label || !t->cameo || !t->style)
            return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    }
    ds->builtin_types = true;
    return AG_OK;
}

static const char *const kind_names[AG_KIND_COUNT] = {
    "state", "leader", "organisation", "group", "agency"
};

const char *ag_kind_name(ag_kind_t kind)
{
    return (unsigned)kind < AG_KIND_COUNT ? kind_names[kind] : "?";
}

int ag_kind_parse(const char *s)
{
    for (int k = 0; k < AG_KIND_COUNT; k++)
        if (strcmp(s, kind_names[k]) == 0)
            return k;
    /* Accept the American spelling rather than reject a common variant. */
    if (strcmp(s, "organization") == 0)
        return AG_KIND_ORGANISATION;
    return -1;
}

bool ag_id_valid(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.' && *s != '-')
            return false;
    return true;
}

static int fold(char c)
{
    return tolower((unsigned char)c);
}

/* Case-insensitive edit distance counting a swap of two neighbouring
 * letters as one edit ("PKA" is one edit from "PAK"), capped at cap+1.
 * Three rows of the dynamic programme: two before, one being filled. */
static size_t distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b), *buf, *prev2, *prev, *cur, d;
    if ((la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    buf = malloc(3 * (lb + 1) * sizeof *buf);
    if (!buf)
        return cap + 1;
    prev2 = buf;
    prev = buf + lb + 1;
    cur = buf + 2 * (lb + 1);
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t *t;
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t v = prev[j - 1] + (fold(a[i - 1]) != fold(b[j - 1]));
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) &&
                fold(a[i - 2]) == fold(b[j - 1]) && prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
        }
        t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    d = prev[lb];
    free(buf);
    return d;
}

/* base points at n structs of size stride, each starting with its id. */
static const char *closest(const char *s, const void *base, size_t n, size_t stride)
{
    /* One edit for short ids (so that 'USA' does not suggest 'RUS'), then a
     * third of the length. */
    size_t len = strlen(s), cap = len <= 5 ? 1 : len / 3, best = cap + 1;
    /* The distance is quadratic in the length: no suggestion for a long
     * text, which is no mistyped id anyway (and could stall loading). */
    if (len > 64)
        return NULL;
    const char *hit = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *id = id_at(base, stride, (long)i);
        size_t d = distance(s, id, cap);
        if (d < best) {
            best = d;
            hit = id;
        }
    }
    return hit;
}

static int strcasecmp_ascii(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = tolower((unsigned char)*a), y = tolower((unsigned char)*b);
        if (x != y || !x)
            return x - y;
    }
}

const char *ag_suggest_actor(const ag_dataset_t *ds, const char *s)
{
    for (size_t i = 0; i < ds->n_actors; i++)
        if (ds->actors[i].name && strcasecmp_ascii(ds->actors[i].name, s) == 0)
            return ds->actors[i].id;
    return closest(s, ds->actors, ds->n_actors, sizeof *ds->actors);
}

const char *ag_suggest_type(const ag_dataset_t *ds, const char *s)
{
    return closest(s, ds->types, ds->n_types, sizeof *ds->types);
}

const char *ag_suggest_era(const ag_dataset_t *ds, const char *s)
{
    return closest(s, ds->eras, ds->n_eras, sizeof *ds->eras);
}

long ag_dataset_resolve_actor(const ag_dataset_t *ds, const char *text)
{
    long hit = ag_dataset_find_actor(ds, text);
    if (hit >= 0)
        return hit;
    /* A name, then an id in another case ("Kennedy" for kennedy). */
    for (int pass = 0; pass < 2 && hit < 0; pass++)
        for (size_t i = 0; i < ds->n_actors; i++) {
            const char *s = pass == 0 ? ds->actors[i].name : ds->actors[i].id;
            if (s && strcasecmp_ascii(s, text) == 0) {
                if (hit >= 0)
                    return -2;
                hit = (long)i;
            }
        }
    return hit;
}

long ag_dataset_resolve_era(const ag_dataset_t *ds, const char *text)
{
    long hit = ag_dataset_find_era(ds, text);
    if (hit >= 0)
        return hit;
    for (size_t i = 0; i < ds->n_eras; i++)
        if (ds->eras[i].name && strcasecmp_ascii(ds->eras[i].name, text) == 0) {
            if (hit >= 0)
                return -2;
            hit = (long)i;
        }
    return hit;
}
