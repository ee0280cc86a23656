/*
 * relations.c: what several pages share: the relation listing behind
 * explain's, balance's and compare's tables, the type filter as text, and
 * pair labels (pages.h).
 */
#include "actorgraph/pages.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"

static const char *const rel_cols[] = { "date", "source", "target", "type", "sign",
                                        "weight", "w", "cite", "note", "line" };
#define N_REL_COLS (sizeof rel_cols / sizeof rel_cols[0])
/* Lead columns and the listing's, at most. */
#define MAX_COLS 32

ag_status_t ag_relations_table_init(ag_table_t *t, const char *const *lead, size_t n_lead,
                                    ag_error_t *err)
{
    const char *head[MAX_COLS];
    ag_coltype_t type[MAX_COLS];
    size_t n = 0;
    if (n_lead + N_REL_COLS > MAX_COLS)
        return ag_error_set(err, AG_EUSAGE, NULL, 0, "too many lead columns");
    for (size_t i = 0; i < n_lead; i++) {
        head[n] = lead[i];
        type[n++] = AG_COL_TEXT;
    }
    for (size_t i = 0; i < N_REL_COLS; i++) {
        head[n] = rel_cols[i];
        type[n++] = strcmp(rel_cols[i], "weight") == 0 || strcmp(rel_cols[i], "w") == 0 ||
                    strcmp(rel_cols[i], "line") == 0 ? AG_COL_NUMBER : AG_COL_TEXT;
    }
    return ag_table_init(t, n, head, type, err);
}

ag_status_t ag_relations_table_add(ag_table_t *t, const ag_dataset_t *ds, long rel,
                                   const char *const *lead, ag_num_style_t ns, ag_error_t *err)
{
    const ag_relation_t *r = &ds->relations[rel];
    const char *cells[MAX_COLS];
    char weight[32], w[32], line[32];
    size_t n_lead = t->ncols - N_REL_COLS, n = 0;
    for (size_t i = 0; i < n_lead; i++)
        cells[n++] = lead[i];
    snprintf(line, sizeof line, "%ld", (long)r->line);
    cells[n++] = r->date_text;
    cells[n++] = ds->actors[r->source].id;
    cells[n++] = ds->actors[r->target].id;
    cells[n++] = ds->types[r->type].id;
    cells[n++] = r->sign < 0 ? "-" : "+";
    cells[n++] = ag_doc_number(r->weight, ns, weight);
    cells[n++] = ag_doc_number(r->sign * r->weight, ns, w);
    cells[n++] = r->cite;
    cells[n++] = r->note;
    cells[n++] = line;
    return ag_table_add(t, cells, err);
}

json_t *ag_relations_json(const ag_dataset_t *ds, const long *rels, size_t n)
{
    ag_table_t t;
    json_t *j = NULL;
    if (ag_relations_table_init(&t, NULL, 0, NULL) != AG_OK)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (ag_relations_table_add(&t, ds, rels[i], NULL, AG_NUM_DATA, NULL) != AG_OK)
            goto done;
    j = ag_table_json(&t);
done:
    ag_table_destroy(&t);
    return j;
}

char *ag_pair_label(const char *a, const char *b, char *buf, size_t n)
{
    snprintf(buf, n, "%s\xe2\x80\x93%s", a, b);
    return buf;
}

char *ag_types_list(const ag_dataset_t *ds, const bool *types)
{
    size_t len = 1;
    char *s, *p;
    if (!types)
        return ag_i_strdup("all");
    for (size_t i = 0; i < ds->n_types; i++)
        if (types[i])
            len += strlen(ds->types[i].id) + 1;
    if (!(s = malloc(len)))
        return NULL;
    p = s;
    *p = '\0';
    for (size_t i = 0; i < ds->n_types; i++)
        if (types[i]) {
            if (p != s)
                *p++ = ',';
            strcpy(p, ds->types[i].id);
            p += strlen(p);
        }
    return s;
}

