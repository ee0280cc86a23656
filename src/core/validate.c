/*
 * validate.c: checks across records, once the whole dataset is read.
 *
 * Errors: cycles in parent or continues chains. Warnings: self-relations,
 * relations without a cite, duplicate relation rows, relations dated outside
 * an actor's active interval, leaders and agencies without a parent. A
 * check that can't be made for lack of memory sets diags->oom, as a
 * diagnostic that can't be stored does: the load then fails, never passes
 * a check silently skipped.
 */
#include "actorgraph/model.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

static void check_cycles(const ag_dataset_t *ds, const char *path, ag_diags_t *diags,
                         bool parent)
{
    const char *what = parent ? "parent" : "continues";
    size_t n = ds->n_actors;
    /* 0 = unvisited, 1 = on the current walk, 2 = known acyclic. */
    unsigned char *state = calloc(n ? n : 1, 1);
    long *walk = malloc((n ? n : 1) * sizeof *walk);
    if (!state || !walk) {
        free(state);
        free(walk);
        diags->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        size_t len = 0;
        long a = (long)i;
        while (a >= 0 && state[a] == 0) {
            state[a] = 1;
            walk[len++] = a;
            a = parent ? ds->actors[a].parent : ds->actors[a].continues;
        }
        if (a >= 0 && state[a] == 1) {
            /* A cycle: report it once, on the line of the actor closing it. */
            char chain[512] = "";
            size_t start = 0;
            while (walk[start] != a)
                start++;
            size_t used = 0, k;
            for (k = start; k < len; k++) {
                /* Room is kept for the id closing the cycle, or for the
                 * count when the cycle is too long to spell out. */
                const char *id = ds->actors[walk[k]].id;
                if (used + strlen(id) + 4 + 64 >= sizeof chain)
                    break;
                used += (size_t)snprintf(chain + used, sizeof chain - used, "%s -> ", id);
            }
            if (k < len)
                snprintf(chain + used, sizeof chain - used, "... (%zu actors)", len - start);
            else
                snprintf(chain + used, sizeof chain - used, "%.63s", ds->actors[a].id);
            ag_diags_add(diags, AG_SEV_ERROR, path, ds->actors[a].line,
                         "cyclic %s chain: %s", what, chain);
        }
        for (size_t k = 0; k < len; k++)
            state[walk[k]] = 2;
    }
    free(state);
    free(walk);
}

/* A hash of what makes two relations duplicates: source, target, type
 * and date text. */
static uint64_t rel_hash(const ag_relation_t *r)
{
    uint64_t h = 14695981039346656037ULL;
    long v[3] = { r->source, r->target, r->type };
    for (int k = 0; k < 3; k++)
        h = (h ^ (uint64_t)v[k]) * 1099511628211ULL;
    for (const char *s = r->date_text; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h ^ (h >> 29);
}

static bool same_rel(const ag_relation_t *a, const ag_relation_t *b)
{
    return a->source == b->source && a->target == b->target && a->type == b->type &&
           strcmp(a->date_text, b->date_text) == 0;
}

/*
 * Duplicates through a hash table of relation numbers, 32 bits a slot (8
 * bytes a relation): in file order, each relation equal to one seen
 * before is reported against the latest such one, which then takes its
 * place. A slot holds the relation's number + 1 in its low bits (0: empty)
 * and, in the bits the numbers leave free, a tag of the hash, so that most
 * probes past another relation are settled without reading it.
 */
typedef struct {
    uint32_t *slot;
    size_t mask;
    unsigned bits;  /* low bits holding the number + 1 */
} dup_table_t;

/* A table for up to n relations numbered below total. */
static bool dup_init(dup_table_t *t, size_t n, size_t total)
{
    size_t slots = 16;
    while (slots < 2 * n)
        slots *= 2;
    t->mask = slots - 1;
    t->bits = 1;
    while (t->bits < 32 && ((uint64_t)1 << t->bits) <= total)
        t->bits++;
    t->slot = total < UINT32_MAX ? calloc(slots, sizeof *t->slot) : NULL;
    /* Relations land all over the table: every page gets written. */
    if (t->slot && slots >= 1 << 20)
        ag_i_prefault(t->slot, slots * sizeof *t->slot);
    return t->slot != NULL;
}

/* Relations look ahead this far: the slot of relation i + AHEAD is
 * fetched while relation i is checked, as the table is too large for the
 * caches and each slot would otherwise be a wait on memory. */
enum { AHEAD = 8 };

/* The relation equal to relations[i] (of hash h) seen last before it, or
 * -1; i takes its place. */
static long dup_check(dup_table_t *t, const ag_dataset_t *ds, size_t i, uint64_t h)
{
    const ag_relation_t *r = &ds->relations[i];
    uint32_t low = t->bits < 32 ? ((uint32_t)1 << t->bits) - 1 : UINT32_MAX;
    uint32_t tag = t->bits < 32 ? (uint32_t)(h >> 32) & ~low : 0;
    size_t k = (size_t)h & t->mask;
    for (;; k = (k + 1) & t->mask) {
        uint32_t v = t->slot[k];
        if (v == 0)
            break;
        if ((v & ~low) == tag && same_rel(&ds->relations[(v & low) - 1], r)) {
            t->slot[k] = tag | (uint32_t)(i + 1);
            return (long)(v & low) - 1;
        }
    }
    t->slot[k] = tag | (uint32_t)(i + 1);
    return -1;
}
/*
 * The duplicate check, the costly part of validation (hashing every
 * relation, a cache miss per probe), runs on two threads: relations are
 * split by their hash's top bit, which duplicates share, and each half has
 * its own table and sees its relations in file order, so each finds the
 * same earlier line as one table would. What each finds is kept, in
 * relation order, for the pass that writes the warnings.
 */
typedef struct {
    const ag_dataset_t *ds;
    unsigned half;
    dup_table_t t;
    long (*found)[2];   /* (relation, the earlier one it repeats) */
    size_t n_found, cap;
    bool oom;
} dup_half_t;

static void *dup_half(void *arg)
{
    dup_half_t *d = arg;
    const ag_dataset_t *ds = d->ds;
    size_t n = ds->n_relations;
    uint64_t ahead[AHEAD] = { 0 };
    for (size_t i = 0; i < AHEAD && i < n; i++)
        ahead[i] = rel_hash(&ds->relations[i]);
    for (size_t i = 0; i < n; i++) {
        uint64_t h = ahead[i % AHEAD];
        long first;
        if (i + AHEAD < n) {
            uint64_t g = rel_hash(&ds->relations[i + AHEAD]);
            ahead[i % AHEAD] = g;
            if (g >> 63 == d->half)
                __builtin_prefetch(&d->t.slot[(size_t)g & d->t.mask], 1);
        }
        if (h >> 63 != d->half || (first = dup_check(&d->t, ds, i, h)) < 0)
            continue;
        if (!ag_i_grow((void **)&d->found, &d->cap, d->n_found + 1, sizeof *d->found)) {
            d->oom = true;
            break;
        }
        d->found[d->n_found][0] = (long)i;
        d->found[d->n_found++][1] = first;
    }
    return NULL;
}

/* Both halves, the second on a thread of its own when one can be had.
 * Returns false when a table or a list could not be allocated. */
static bool find_duplicates(const ag_dataset_t *ds, dup_half_t half[2])
{
    pthread_t th;
    bool threaded;
    memset(half, 0, 2 * sizeof *half);
    for (unsigned k = 0; k < 2; k++) {
        half[k].ds = ds;
        half[k].half = k;
        if (!dup_init(&half[k].t, (ds->n_relations + 1) / 2, ds->n_relations))
            return false;
    }
    threaded = ds->n_relations >= 1 << 16 &&
               pthread_create(&th, NULL, dup_half, &half[1]) == 0;
    dup_half(&half[0]);
    if (threaded)
        pthread_join(th, NULL);
    else
        dup_half(&half[1]);
    return !half[0].oom && !half[1].oom;
}

/* The earlier or later actor of a lineage active on the relation's date. */
static long lineage_alternative(const ag_dataset_t *ds, long actor, const ag_date_t *d)
{
    for (size_t i = 0; i < ds->n_actors; i++) {
        const ag_actor_t *b = &ds->actors[i];
        bool related = b->continues == actor || ds->actors[actor].continues == (long)i;
        if ((long)i != actor && related && b->has_active &&
            ag_date_overlaps(b->active.first, b->active.last, d->first, d->last))
            return (long)i;
    }
    return -1;
}

/* active: whether each actor has an active interval (NULL: read the
 * actors), kept apart so that the check reads a byte, not an actor. */
static void check_active(const ag_dataset_t *ds, const unsigned char *active,
                         const ag_relation_t *r, long actor, const char *path,
                         ag_diags_t *diags)
{
    const ag_actor_t *a;
    char period[128];
    long alt;
    if (active ? !active[actor] : !ds->actors[actor].has_active)
        return;
    a = &ds->actors[actor];
    if (ag_date_overlaps(a->active.first, a->active.last, r->date.first, r->date.last))
        return;
    ag_date_format(&a->active, period, sizeof period);
    alt = lineage_alternative(ds, actor, &r->date);
    if (alt >= 0)
        ag_diags_add(diags, AG_SEV_WARNING, path, r->line,
                     "'%s' is active %s but the relation is dated %s "
                     "(did you mean '%s', %s?)",
                     a->id, period, r->date_text, ds->actors[alt].id,
                     ds->actors[alt].continues == actor ? "which continues it"
                                                        : "which it continues");
    else
        ag_diags_add(diags, AG_SEV_WARNING, path, r->line,
                     "'%s' is active %s but the relation is dated %s", a->id, period,
                     r->date_text);
}

void ag_dataset_validate(const ag_dataset_t *ds, const char *actors_path,
                         const char *relations_path, ag_diags_t *diags)
{
    unsigned char *active;
    dup_half_t half[2];
    size_t next[2] = { 0, 0 };
    bool dups;
    check_cycles(ds, actors_path, diags, true);
    check_cycles(ds, actors_path, diags, false);
    for (size_t i = 0; i < ds->n_actors; i++) {
        const ag_actor_t *a = &ds->actors[i];
        if ((a->kind == AG_KIND_LEADER || a->kind == AG_KIND_AGENCY) && a->parent < 0)
            ag_diags_add(diags, AG_SEV_WARNING, actors_path, a->line,
                         "%s '%s' has no parent: at state level it stays on its own",
                         ag_kind_name(a->kind), a->id);
    }
    if ((active = malloc(ds->n_actors ? ds->n_actors : 1)))
        for (size_t i = 0; i < ds->n_actors; i++)
            active[i] = ds->actors[i].has_active;
    /* Without its table the duplicate check can't be made: the load fails
     * (diags->oom) rather than pass it silently. */
    if (!(dups = find_duplicates(ds, half)))
        diags->oom = 1;
    /* One pass over the relations; a relation's warnings come in the order
     * below, and ag_diags_sort keeps it among those of its line. */
    for (size_t i = 0; i < ds->n_relations; i++) {
        const ag_relation_t *r = &ds->relations[i];
        long first = -1;
        for (unsigned k = 0; dups && k < 2; k++)
            if (next[k] < half[k].n_found && half[k].found[next[k]][0] == (long)i)
                first = half[k].found[next[k]++][1];
        if (r->source == r->target)
            ag_diags_add(diags, AG_SEV_WARNING, relations_path, r->line,
                         "self-relation of '%s' (it is left out of every graph)",
                         ds->actors[r->source].id);
        if (!r->cite || !*r->cite)
            ag_diags_add(diags, AG_SEV_WARNING, relations_path, r->line,
                         "relation has no cite: say where the fact comes from");
        check_active(ds, active, r, r->source, relations_path, diags);
        if (r->target != r->source)
            check_active(ds, active, r, r->target, relations_path, diags);
        if (first >= 0)
            ag_diags_add(diags, AG_SEV_WARNING, relations_path, r->line,
                         "duplicate relation: same source, target, type and date "
                         "as line %ld", (long)ds->relations[first].line);
    }
    free(active);
    for (unsigned k = 0; k < 2; k++) {
        free(half[k].t.slot);
        free(half[k].found);
    }
}
