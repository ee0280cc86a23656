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

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Duplicates through a hash table of relation indices (32-bit, so the
 * extra memory is 8 bytes a relation): in file order, each relation
 * equal to one seen before is reported against the latest such one,
 * which then takes its place. */
static void check_duplicates(const ag_dataset_t *ds, const char *path, ag_diags_t *diags)
{
    size_t n = ds->n_relations, slots = 16, mask;
    uint32_t *slot = NULL;
    while (slots < 2 * n)
        slots *= 2;
    mask = slots - 1;
    if (n < UINT32_MAX)
        slot = malloc(slots * sizeof *slot);
    if (!slot) {
        diags->oom = 1;
        return;
    }
    for (size_t k = 0; k < slots; k++)
        slot[k] = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        const ag_relation_t *r = &ds->relations[i];
        size_t k = (size_t)rel_hash(r) & mask;
        while (slot[k] != UINT32_MAX && !same_rel(&ds->relations[slot[k]], r))
            k = (k + 1) & mask;
        if (slot[k] != UINT32_MAX)
            ag_diags_add(diags, AG_SEV_WARNING, path, r->line,
                         "duplicate relation: same source, target, type and date "
                         "as line %ld", ds->relations[slot[k]].line);
        slot[k] = (uint32_t)i;
    }
    free(slot);
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

static void check_active(const ag_dataset_t *ds, const ag_relation_t *r, long actor,
                         const char *path, ag_diags_t *diags)
{
    const ag_actor_t *a = &ds->actors[actor];
    char period[128];
    long alt;
    if (!a->has_active ||
        ag_date_overlaps(a->active.first, a->active.last, r->date.first, r->date.last))
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
    check_cycles(ds, actors_path, diags, true);
    check_cycles(ds, actors_path, diags, false);
    for (size_t i = 0; i < ds->n_actors; i++) {
        const ag_actor_t *a = &ds->actors[i];
        if ((a->kind == AG_KIND_LEADER || a->kind == AG_KIND_AGENCY) && a->parent < 0)
            ag_diags_add(diags, AG_SEV_WARNING, actors_path, a->line,
                         "%s '%s' has no parent: at state level it stays on its own",
                         ag_kind_name(a->kind), a->id);
    }
    for (size_t i = 0; i < ds->n_relations; i++) {
        const ag_relation_t *r = &ds->relations[i];
        if (r->source == r->target)
            ag_diags_add(diags, AG_SEV_WARNING, relations_path, r->line,
                         "self-relation of '%s' (it is left out of every graph)",
                         ds->actors[r->source].id);
        if (!r->cite || !*r->cite)
            ag_diags_add(diags, AG_SEV_WARNING, relations_path, r->line,
                         "relation has no cite: say where the fact comes from");
        check_active(ds, r, r->source, relations_path, diags);
        if (r->target != r->source)
            check_active(ds, r, r->target, relations_path, diags);
    }
    check_duplicates(ds, relations_path, diags);
}
