/*
 * explain.c: the cited relations behind an actor's figures or a dyad, with
 * the totals reports use; and the relation listing that balance and compare
 * share (see explain.h and docs/METHODS.md, "Explain").
 */
#include "actorgraph/explain.h"

#include "actorgraph/balance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

#define OOM(err) ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")

/* ---- the relation listing ---- */

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
                                   const char *const *lead, ag_error_t *err)
{
    const ag_relation_t *r = &ds->relations[rel];
    const char *cells[MAX_COLS];
    char weight[32], w[32], line[32];
    size_t n_lead = t->ncols - N_REL_COLS, n = 0;
    for (size_t i = 0; i < n_lead; i++)
        cells[n++] = lead[i];
    snprintf(line, sizeof line, "%ld", r->line);
    cells[n++] = r->date_text;
    cells[n++] = ds->actors[r->source].id;
    cells[n++] = ds->actors[r->target].id;
    cells[n++] = ds->types[r->type].id;
    cells[n++] = r->sign < 0 ? "-" : "+";
    cells[n++] = ag_format_number(r->weight, weight);
    cells[n++] = ag_format_number(r->sign * r->weight, w);
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
        if (ag_relations_table_add(&t, ds, rels[i], NULL, NULL) != AG_OK)
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

/* ---- explaining ---- */

/* qsort has no user pointer: see the note in model.c. */
static const ag_dataset_t *sort_ds;

static int cmp_rel_date(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    int c = ag_date_cmp(&sort_ds->relations[x].date, &sort_ds->relations[y].date);
    return c ? c : (x > y) - (x < y);
}

void ag_explain_destroy(ag_explain_t *x)
{
    if (!x)
        return;
    free(x->rels);
    free(x->dyads);
    memset(x, 0, sizeof *x);
}

ag_status_t ag_explain_init(ag_explain_t *x, const ag_era_graph_t *g, long actor,
                            long actor_b, ag_error_t *err)
{
    const ag_dataset_t *ds = g->ds;
    ag_level_t level = g->opts.level;

    memset(x, 0, sizeof *x);
    x->g = g;
    x->asked = actor;
    x->asked_b = actor_b;
    x->actor = ag_rollup(ds, level, actor);
    x->actor_b = actor_b >= 0 ? ag_rollup(ds, level, actor_b) : -1;
    x->va = g->vertex_of[x->actor];
    x->vb = x->actor_b >= 0 ? g->vertex_of[x->actor_b] : -1;
    x->dyad = -1;

    if (actor_b >= 0) {
        if (x->actor == x->actor_b) {
            ag_status_t st = level == AG_LEVEL_STATE && actor != actor_b
                ? ag_error_set(err, AG_EUSAGE, NULL, 0,
                               "'%s' and '%s' are both '%s' at state level",
                               ds->actors[actor].id, ds->actors[actor_b].id,
                               ds->actors[x->actor].id)
                : ag_error_set(err, AG_EUSAGE, NULL, 0, "a dyad needs two actors, got '%s' twice",
                               ds->actors[actor].id);
            memset(x, 0, sizeof *x);
            return st;
        }
        if (x->va >= 0 && x->vb >= 0)
            x->dyad = ag_era_graph_find_dyad(g, x->va, x->vb);
        if (x->dyad >= 0) {
            const ag_dyad_t *y = &g->dyads[x->dyad];
            x->rels = malloc(y->n_rels * sizeof *x->rels);
            if (!x->rels)
                goto oom;
            memcpy(x->rels, y->rels, y->n_rels * sizeof *x->rels);
            x->n_rels = y->n_rels;
            x->pos = y->pos;
            x->neg = y->neg;
            x->net = y->net;
            x->W = y->W;
        }
        return AG_OK;
    }

    if (x->va < 0)
        return AG_OK;
    /* The actor's relations: those of the slice with it at either end. */
    x->rels = malloc((g->n_rels ? g->n_rels : 1) * sizeof *x->rels);
    x->dyads = malloc((g->n_dyads ? g->n_dyads : 1) * sizeof *x->dyads);
    if (!x->rels || !x->dyads)
        goto oom;
    for (size_t k = 0; k < g->n_rels; k++) {
        const ag_relation_t *r = &ds->relations[g->rels[k]];
        if (ag_rollup(ds, level, r->source) == x->actor ||
            ag_rollup(ds, level, r->target) == x->actor)
            x->rels[x->n_rels++] = g->rels[k];
    }
    sort_ds = ds;
    qsort(x->rels, x->n_rels, sizeof *x->rels, cmp_rel_date);
    /* Dyads are ordered by (u, v), so those with it at either end come in
     * the order of the other end. */
    for (size_t d = 0; d < g->n_dyads; d++) {
        const ag_dyad_t *y = &g->dyads[d];
        if (y->u != x->va && y->v != x->va)
            continue;
        x->dyads[x->n_dyads++] = (long)d;
        if (y->edge >= 0) {
            x->degree++;
            x->strength += y->W;
        }
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(&g->rel_graph); e++) {
        if (IGRAPH_FROM(&g->rel_graph, e) == x->va)
            x->out_arcs++;
        if (IGRAPH_TO(&g->rel_graph, e) == x->va)
            x->in_arcs++;
    }
    return AG_OK;
oom:
    ag_explain_destroy(x);
    return OOM(err);
}

/* ---- writing ---- */

static const char *num(double v, char *buf)
{
    return ag_format_number(v, buf);
}

static ag_status_t io_check(FILE *fp, ag_error_t *err)
{
    if (ferror(fp))
        return ag_error_set(err, AG_EIO, NULL, 0, "write error");
    return AG_OK;
}

/* The one-row table of totals. */
static ag_status_t totals_table(const ag_explain_t *x, ag_table_t *t, ag_error_t *err)
{
    static const char *const dyad_head[] = { "relations", "pos", "neg", "net", "W", "sign" };
    static const char *const actor_head[] = { "relations", "degree", "strength", "in_degree",
                                              "out_degree" };
    static const ag_coltype_t numbers[] = { AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                            AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_TEXT };
    char b[6][32];
    const char *cells[6];
    ag_status_t st;
    snprintf(b[0], 32, "%zu", x->n_rels);
    cells[0] = b[0];
    if (x->actor_b >= 0) {
        if ((st = ag_table_init(t, 6, dyad_head, numbers, err)) != AG_OK)
            return st;
        cells[1] = num(x->pos, b[1]);
        cells[2] = num(x->neg, b[2]);
        cells[3] = num(x->net, b[3]);
        cells[4] = num(x->W, b[4]);
        cells[5] = x->dyad < 0 ? "" : fabs(x->net) < 1e-10 ? "0" : x->net > 0 ? "+" : "-";
    } else {
        if ((st = ag_table_init(t, 5, actor_head, numbers, err)) != AG_OK)
            return st;
        snprintf(b[1], 32, "%ld", x->degree);
        cells[1] = b[1];
        cells[2] = num(x->strength, b[2]);
        snprintf(b[3], 32, "%ld", x->in_arcs);
        cells[3] = b[3];
        snprintf(b[4], 32, "%ld", x->out_arcs);
        cells[4] = b[4];
    }
    if ((st = ag_table_add(t, cells, err)) != AG_OK)
        ag_table_destroy(t);
    return st;
}

/* The actor's dyads: one row per neighbour. */
static ag_status_t dyads_table(const ag_explain_t *x, ag_table_t *t, ag_error_t *err)
{
    static const char *const head[] = { "neighbour", "name", "relations", "pos", "neg",
                                        "net", "W", "in_graph" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_TEXT };
    const ag_era_graph_t *g = x->g;
    ag_status_t st;
    if ((st = ag_table_init(t, 8, head, type, err)) != AG_OK)
        return st;
    for (size_t i = 0; i < x->n_dyads; i++) {
        const ag_dyad_t *y = &g->dyads[x->dyads[i]];
        const ag_actor_t *o = &g->ds->actors[g->actor[y->u == x->va ? y->v : y->u]];
        char b[5][32];
        const char *cells[8];
        snprintf(b[0], 32, "%zu", y->n_rels);
        cells[0] = o->id;
        cells[1] = o->name;
        cells[2] = b[0];
        cells[3] = num(y->pos, b[1]);
        cells[4] = num(y->neg, b[2]);
        cells[5] = num(y->net, b[3]);
        cells[6] = num(y->W, b[4]);
        cells[7] = y->edge >= 0 ? "yes" : "no";
        if ((st = ag_table_add(t, cells, err)) != AG_OK) {
            ag_table_destroy(t);
            return st;
        }
    }
    return AG_OK;
}

static ag_status_t relations_table(const ag_explain_t *x, long era, bool lead,
                                   ag_table_t *t, ag_error_t *err)
{
    static const char *const lead_head[] = { "era", "level" };
    const ag_dataset_t *ds = x->g->ds;
    const char *cells[2] = { era >= 0 ? ds->eras[era].id : "",
                             ag_level_name(x->g->opts.level) };
    ag_status_t st;
    if ((st = ag_relations_table_init(t, lead_head, lead ? 2 : 0, err)) != AG_OK)
        return st;
    for (size_t i = 0; i < x->n_rels; i++)
        if ((st = ag_relations_table_add(t, ds, x->rels[i], cells, err)) != AG_OK) {
            ag_table_destroy(t);
            return st;
        }
    return AG_OK;
}

/* "PAK (Pakistan)", with the actor asked for when it was rolled up. */
static void actor_text(const ag_dataset_t *ds, long actor, long asked, char *buf, size_t n)
{
    if (asked != actor)
        snprintf(buf, n, "%s (%s), counting %s (%s)", ds->actors[actor].id,
                 ds->actors[actor].name, ds->actors[asked].id, ds->actors[asked].name);
    else
        snprintf(buf, n, "%s (%s)", ds->actors[actor].id, ds->actors[actor].name);
}

static void write_heading(const ag_explain_t *x, long era, ag_format_t fmt, const char *types,
                          FILE *fp)
{
    const ag_dataset_t *ds = x->g->ds;
    char a[600], b[600];
    actor_text(ds, x->actor, x->asked, a, sizeof a);
    if (x->actor_b >= 0)
        actor_text(ds, x->actor_b, x->asked_b, b, sizeof b);
    fprintf(fp, "%s%s%s%s", fmt == AG_FMT_MD ? "# " : "", x->actor_b >= 0 ? "Dyad " : "", a,
            x->actor_b >= 0 ? " \xe2\x80\x93 " : "");
    if (x->actor_b >= 0)
        fputs(b, fp);
    if (era >= 0)
        fprintf(fp, " in %s (%s, %s)\n", ds->eras[era].id, ds->eras[era].name,
                ds->eras[era].period_text);
    else
        fputs(", all dates\n", fp);
    fprintf(fp, "%sdataset %s, level %s, ties %s, types %s\n\n", fmt == AG_FMT_MD ? "\n" : "",
            ds->name, ag_level_name(x->g->opts.level), ag_ties_name(x->g->opts.ties), types);
}

static const char *section(ag_format_t fmt)
{
    return fmt == AG_FMT_MD ? "## " : "";
}

/* Whether dyad d is among f's frustrated dyads. */
static bool is_frustrated(const ag_frustration_t *f, long d)
{
    for (size_t k = 0; k < f->n_frustrated; k++)
        if (f->frustrated[k] == d)
            return true;
    return false;
}

/* The frustration paragraph: the sides of the actor(s) in the colouring
 * with the fewest frustrated dyads, and which of their dyads are
 * frustrated. */
static void write_frustration(const ag_explain_t *x, ag_format_t fmt, FILE *fp)
{
    const ag_frustration_t *f = x->frustration;
    const ag_era_graph_t *g = x->g;
    const ag_dataset_t *ds = g->ds;
    size_t shown = 0;

    fprintf(fp, "\n%sFrustration\n\n", section(fmt));
    fprintf(fp, "The era's frustration index is %s%zu of %zu signed dyads%s (docs/METHODS.md, "
                "Signed measures). In a colouring attaining it, %s is on side %d",
            f->exact ? "" : "at most ", f->frustration, f->edges,
            f->exact ? "" : " (time limit reached)", ds->actors[x->actor].id,
            f->side[x->va] + 1);
    if (x->actor_b >= 0) {
        int s = ag_dyad_sign(&g->dyads[x->dyad]);
        fprintf(fp, " and %s on side %d. ", ds->actors[x->actor_b].id, f->side[x->vb] + 1);
        if (!s)
            fprintf(fp, "The dyad's net is 0: it is not in the signed graph.\n");
        else if (is_frustrated(f, x->dyad))
            fprintf(fp, "The dyad (net %s) is frustrated: %s.\n", s > 0 ? "positive" : "negative",
                    s > 0 ? "allies on opposite sides" : "enemies on the same side");
        else
            fprintf(fp, "The dyad (net %s) is not frustrated.\n",
                    s > 0 ? "positive" : "negative");
        return;
    }
    fprintf(fp, ". Its frustrated dyads:");
    for (size_t k = 0; k < x->n_dyads; k++) {
        const ag_dyad_t *y = &g->dyads[x->dyads[k]];
        long other = y->u == x->va ? y->v : y->u;
        char net[32];
        if (!is_frustrated(f, x->dyads[k]))
            continue;
        fprintf(fp, "%s %s (net %s)", shown++ ? "," : "", ds->actors[g->actor[other]].id,
                num(y->net, net));
    }
    fprintf(fp, "%s\n", shown ? "." : " none.");
}

static ag_status_t write_text(const ag_explain_t *x, long era, ag_format_t fmt,
                              const char *types, FILE *fp, ag_error_t *err)
{
    ag_table_t t;
    ag_status_t st;
    const char *what = x->actor_b >= 0 ? "dyad" : "actor";
    write_heading(x, era, fmt, types, fp);
    if ((x->actor_b >= 0 && x->dyad < 0) || x->va < 0) {
        fprintf(fp, "No relations: the %s is not in this slice.\n", what);
        return io_check(fp, err);
    }
    fprintf(fp, "%sTotals\n\n", section(fmt));
    if ((st = totals_table(x, &t, err)) != AG_OK)
        return st;
    st = ag_table_write(&t, fmt, fp, err);
    ag_table_destroy(&t);
    if (st != AG_OK)
        return st;
    if (x->frustration && x->va >= 0)
        write_frustration(x, fmt, fp);
    if (x->actor_b < 0) {
        fprintf(fp, "\n%sDyads (strength = sum of W over the dyads in the graph)\n\n",
                section(fmt));
        if ((st = dyads_table(x, &t, err)) != AG_OK)
            return st;
        st = ag_table_write(&t, fmt, fp, err);
        ag_table_destroy(&t);
        if (st != AG_OK)
            return st;
    }
    fprintf(fp, "\n%sRelations, in date order\n\n", section(fmt));
    if ((st = relations_table(x, era, false, &t, err)) != AG_OK)
        return st;
    st = ag_table_write(&t, fmt, fp, err);
    ag_table_destroy(&t);
    if (st != AG_OK)
        return st;
    return io_check(fp, err);
}

static int set_str(json_t *o, const char *k, const char *v)
{
    return json_object_set_new(o, k, v ? json_string(v) : json_null());
}

static json_t *actor_json(const ag_dataset_t *ds, long actor, long asked)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    if (set_str(o, "id", ds->actors[actor].id) || set_str(o, "name", ds->actors[actor].name) ||
        set_str(o, "asked", ds->actors[asked].id)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The first row of a table as a JSON object (new reference or NULL). */
static json_t *row_json(const ag_table_t *t)
{
    json_t *a = ag_table_json(t), *o;
    if (!a)
        return NULL;
    o = json_array_get(a, 0);
    if (o)
        json_incref(o);
    json_decref(a);
    return o ? o : json_object();
}

static ag_status_t write_json(const ag_explain_t *x, long era, const char *types, FILE *fp,
                              ag_error_t *err)
{
    const ag_dataset_t *ds = x->g->ds;
    json_t *root = json_object(), *v;
    ag_table_t t;
    ag_status_t st;
    bool in_slice = x->actor_b >= 0 ? x->dyad >= 0 : x->va >= 0;
    if (!root)
        return OOM(err);
    if (set_str(root, "dataset", ds->name) ||
        set_str(root, "era", era >= 0 ? ds->eras[era].id : NULL) ||
        set_str(root, "period", era >= 0 ? ds->eras[era].period_text : NULL) ||
        set_str(root, "level", ag_level_name(x->g->opts.level)) ||
        set_str(root, "ties", ag_ties_name(x->g->opts.ties)) || set_str(root, "types", types) ||
        json_object_set_new(root, "actor", actor_json(ds, x->actor, x->asked)) ||
        json_object_set_new(root, "actor_b", x->actor_b >= 0
                                                  ? actor_json(ds, x->actor_b, x->asked_b)
                                                  : json_null()) ||
        json_object_set_new(root, "in_slice", json_boolean(in_slice)))
        goto oom;
    if ((st = totals_table(x, &t, err)) != AG_OK)
        goto fail;
    v = row_json(&t);
    ag_table_destroy(&t);
    if (!v || json_object_set_new(root, "totals", v))
        goto oom;
    if (x->actor_b < 0) {
        if ((st = dyads_table(x, &t, err)) != AG_OK)
            goto fail;
        v = ag_table_json(&t);
        ag_table_destroy(&t);
        if (!v || json_object_set_new(root, "dyads", v))
            goto oom;
    }
    if (x->frustration && in_slice) {
        const ag_frustration_t *f = x->frustration;
        json_t *fo = json_pack("{s:I, s:I, s:b, s:i}", "index", (json_int_t)f->frustration,
                               "signed_dyads", (json_int_t)f->edges, "exact", f->exact,
                               "side", f->side[x->va] + 1);
        if (!fo || json_object_set_new(root, "frustration", fo))
            goto oom;
        if (x->actor_b >= 0) {
            if (json_object_set_new(fo, "side_b", json_integer(f->side[x->vb] + 1)) ||
                json_object_set_new(fo, "frustrated", json_boolean(is_frustrated(f, x->dyad))))
                goto oom;
        } else {
            json_t *list = json_array();
            if (!list || json_object_set_new(fo, "frustrated_with", list))
                goto oom;
            for (size_t k = 0; k < x->n_dyads; k++) {
                const ag_dyad_t *y = &x->g->dyads[x->dyads[k]];
                long other = y->u == x->va ? y->v : y->u;
                if (is_frustrated(f, x->dyads[k]) &&
                    json_array_append_new(list,
                                          json_string(ds->actors[x->g->actor[other]].id)))
                    goto oom;
            }
        }
    }
    if (!(v = ag_relations_json(ds, x->rels, x->n_rels)) ||
        json_object_set_new(root, "relations", v))
        goto oom;
    st = ag_json_write(root, fp, err);
    json_decref(root);
    return st;
oom:
    st = OOM(err);
fail:
    json_decref(root);
    return st;
}

ag_status_t ag_explain_write(const ag_explain_t *x, long era, ag_format_t fmt, FILE *fp,
                             ag_error_t *err)
{
    char *types = ag_types_list(x->g->ds, x->g->opts.types);
    ag_status_t st;
    ag_table_t t;
    if (!types)
        return OOM(err);
    switch (fmt) {
    case AG_FMT_CSV:
        if ((st = relations_table(x, era, true, &t, err)) == AG_OK) {
            st = ag_table_write(&t, fmt, fp, err);
            ag_table_destroy(&t);
        }
        break;
    case AG_FMT_JSON:
        st = write_json(x, era, types, fp, err);
        break;
    case AG_FMT_TABLE:
    case AG_FMT_MD:
    default:
        st = write_text(x, era, fmt, types, fp, err);
        break;
    }
    free(types);
    return st;
}
