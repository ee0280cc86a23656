/*
 * compare_page.c: the page of a comparison (compare.h): for people, a
 * title, the actors matched by lineage, leaving and entering, then the
 * parts as headed tables; for machines, one part as a tidy CSV table led
 * by era_a,era_b,level,ties, and every part as one JSON object.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/compare.h"
#include "actorgraph/rankcorr.h"
#include "actorgraph/pages.h"
#include "core/util.h"
#include "pages/backend.h"

#define OOM(err) ag_i_oom(err)

/* A value as printed ("%.10g"): differences of printed values add up. */
static double printed(double v)
{
    char buf[32];
    ag_doc_number(v, AG_NUM_DATA, buf);
    return *buf ? strtod(buf, NULL) : NAN;
}

/* The lead columns of every csv table. */
static const char *const lead_head[] = { "era_a", "era_b", "level", "ties" };
#define N_LEAD 4

/* A table with the csv lead columns when lead is set, then the given ones. */
static ag_status_t table_init(ag_table_t *t, bool lead, const char *const *head,
                              const ag_coltype_t *type, size_t n, ag_error_t *err)
{
    const char *h[32];
    ag_coltype_t ty[32];
    size_t k = 0;
    for (size_t i = 0; lead && i < N_LEAD; i++) {
        h[k] = lead_head[i];
        ty[k++] = AG_COL_TEXT;
    }
    for (size_t i = 0; i < n; i++) {
        h[k] = head[i];
        ty[k++] = type[i];
    }
    return ag_table_init(t, k, h, ty, err);
}

/* Appends cells after the lead cells when lead is set. On failure t is
 * destroyed, so that a table builder can simply return the error. */
static ag_status_t table_add(const ag_compare_t *c, ag_table_t *t, bool lead,
                             const char *const *cells, size_t n, ag_error_t *err)
{
    const char *row[32];
    size_t k = 0;
    ag_status_t rc;
    if (lead) {
        row[k++] = c->ds->eras[c->era_a].id;
        row[k++] = c->ds->eras[c->era_b].id;
        row[k++] = ag_level_name(c->opts.level);
        row[k++] = ag_ties_name(c->opts.ties);
    }
    for (size_t i = 0; i < n; i++)
        row[k++] = cells[i];
    if ((rc = ag_table_add(t, row, err)) != AG_OK)
        ag_table_destroy(t);
    return rc;
}

static const char *fmt_count(size_t v, char *buf)
{
    snprintf(buf, 32, "%zu", v);
    return buf;
}

static const char *fmt_long(long v, char *buf)
{
    snprintf(buf, 32, "%ld", v);
    return buf;
}

static ag_status_t summary_table(const ag_compare_t *c, bool lead, ag_num_style_t ns,
                                 ag_table_t *t, ag_error_t *err)
{
    static const char *const data_head[] = { "figure", "value_a", "value_b", "difference" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER };
    /* For people the columns are the eras' names. */
    const char *people_head[] = { "figure", c->ds->eras[c->era_a].name,
                                  c->ds->eras[c->era_b].name, "difference (B - A)" };
    const char *const *head = ns == AG_NUM_DATA ? data_head : people_head;
    const ag_summary_t *a = &c->sa, *b = &c->sb;
    const struct {
        const char *name;
        double a, b;
    } rows[] = {
        { "vertices", (double)a->vertices, (double)b->vertices },
        { "relations", (double)a->relations, (double)b->relations },
        { "dyads", (double)a->dyads, (double)b->dyads },
        { "edges", (double)a->edges, (double)b->edges },
        { "positive_dyads", (double)a->positive_dyads, (double)b->positive_dyads },
        { "negative_dyads", (double)a->negative_dyads, (double)b->negative_dyads },
        { "density", a->density, b->density },
        { "components", (double)a->components, (double)b->components },
        { "transitivity", a->transitivity, b->transitivity },
        { "communities", (double)a->communities, (double)b->communities },
        { "modularity", a->modularity, b->modularity },
        { "triangles", (double)c->ba.triangles, (double)c->bb.triangles },
        { "balance_ratio", c->ba.ratio, c->bb.ratio },
        { "frustration", (double)c->fa.frustration, (double)c->fb.frustration },
        { "frustration_normalised", c->fa.normalised, c->fb.normalised },
        { "walk_balance", c->walk_a, c->walk_b },
        { "state_blocs", (double)c->state_blocs_a, (double)c->state_blocs_b },
    };
    ag_status_t rc;
    if ((rc = table_init(t, lead, head, type, 4, err)) != AG_OK)
        return rc;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char ba[32], bb[32], bd[32];
        /* The difference of the printed values, so that it adds up. */
        double d = printed(rows[i].b) - printed(rows[i].a);
        char name[64];
        const char *cells[4] = { ns == AG_NUM_DATA
                                     ? rows[i].name
                                     : ag_i_head_people(rows[i].name, name, sizeof name),
                                 ag_doc_number(rows[i].a, ns, ba),
                                 ag_doc_number(rows[i].b, ns, bb), ag_doc_number(d, ns, bd) };
        if ((rc = table_add(c, t, lead, cells, 4, err)) != AG_OK)
            return rc;
    }
    return AG_OK;
}

static ag_status_t corr_table(const ag_compare_t *c, bool lead, ag_num_style_t ns, ag_table_t *t,
                              ag_error_t *err)
{
    /* Machines get the p-value as a column; people also a note where the
     * actors are too few for a rank correlation to say much (rankcorr.h). */
    static const char *const data_head[] = { "metric", "actors", "spearman", "kendall",
                                             "spearman_p" };
    static const char *const people_head[] = { "metric", "actors", "Spearman's rho",
                                               "Kendall's tau-b", "p (rho)", "note" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_TEXT };
    const bool people = ns != AG_NUM_DATA;
    const size_t nc = people ? 6 : 5;
    char few[32];
    ag_status_t rc;
    snprintf(few, sizeof few, "fewer than %d actors", AG_RANKCORR_FEW);
    if ((rc = table_init(t, lead, people ? people_head : data_head, type, nc, err)) != AG_OK)
        return rc;
    for (int m = 0; m < AG_M_COUNT; m++) {
        char bn[32], bs[32], bk[32], bp[32];
        const char *cells[6];
        if (!(c->opts.metrics & 1u << m))
            continue;
        cells[0] = ag_metric_name((ag_metric_t)m);
        cells[1] = fmt_count(c->corr[m].n, bn);
        cells[2] = ag_doc_number(c->corr[m].spearman, ns, bs);
        cells[3] = ag_doc_number(c->corr[m].kendall, ns, bk);
        cells[4] = ag_doc_number(c->corr[m].spearman_p, ns, bp);
        cells[5] = c->corr[m].n < AG_RANKCORR_FEW ? few : "";
        if ((rc = table_add(c, t, lead, cells, nc, err)) != AG_OK)
            return rc;
    }
    return AG_OK;
}

/* The cells value_a, rank_a, value_b, rank_b, shift of row r for metric m,
 * into buf (5 x 32 bytes); empty where the actor is absent. */
static void metric_cells(const ag_compare_t *c, const ag_cmp_actor_t *a, int m,
                         ag_num_style_t ns, char buf[5][32], const char **cells)
{
    for (int i = 0; i < 5; i++) {
        buf[i][0] = '\0';
        cells[i] = buf[i];
    }
    if (a->va >= 0) {
        ag_doc_number(c->ma.value[m][a->va], ns, buf[0]);
        fmt_long(c->rank_a[m][a->va], buf[1]);
    }
    if (a->vb >= 0) {
        ag_doc_number(c->mb.value[m][a->vb], ns, buf[2]);
        fmt_long(c->rank_b[m][a->vb], buf[3]);
    }
    if (a->va >= 0 && a->vb >= 0)
        fmt_long(c->rank_a[m][a->va] - c->rank_b[m][a->vb], buf[4]);
}

static const char *id_or_empty(const ag_compare_t *c, long actor)
{
    return actor >= 0 ? c->ds->actors[actor].id : "";
}

/* csv: every actor and metric, ordered by actor then metric. */
static ag_status_t actors_long_table(const ag_compare_t *c, ag_table_t *t, ag_error_t *err)
{
    static const char *const head[] = { "actor", "name", "status", "actor_a", "actor_b",
                                        "metric", "value_a", "rank_a", "value_b", "rank_b",
                                        "shift" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_TEXT, AG_COL_TEXT, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER };
    ag_status_t rc;
    if ((rc = table_init(t, true, head, type, 11, err)) != AG_OK)
        return rc;
    for (size_t r = 0; r < c->n_actors; r++) {
        const ag_cmp_actor_t *a = &c->actors[r];
        char label[AG_CMP_LABEL_SIZE];
        ag_cmp_actor_label(c, a, label, sizeof label);
        for (int m = 0; m < AG_M_COUNT; m++) {
            char buf[5][32];
            const char *cells[11];
            if (!(c->opts.metrics & 1u << m))
                continue;
            cells[0] = label;
            cells[1] = c->ds->actors[a->key].name;
            cells[2] = ag_match_name(a->match);
            cells[3] = id_or_empty(c, a->actor_a);
            cells[4] = id_or_empty(c, a->actor_b);
            cells[5] = ag_metric_name((ag_metric_t)m);
            metric_cells(c, a, m, AG_NUM_DATA, buf, cells + 6);
            if ((rc = table_add(c, t, true, cells, 11, err)) != AG_OK)
                return rc;
        }
    }
    return AG_OK;
}

/* For one metric, the order in which table and md list the rows: those in
 * era B by rank there, then those leaving by their rank in A; ties by
 * row. */
typedef struct {
    const ag_compare_t *c;
    int m;
} metric_key_t;

static int cmp_metric_rows(const void *x, const void *y, void *arg)
{
    const metric_key_t *key = arg;
    const ag_compare_t *sort_cmp = key->c;
    const ag_cmp_actor_t *a = &sort_cmp->actors[*(const size_t *)x];
    const ag_cmp_actor_t *b = &sort_cmp->actors[*(const size_t *)y];
    int m = key->m;
    long ka, kb;
    if ((a->vb >= 0) != (b->vb >= 0))
        return a->vb >= 0 ? -1 : 1;
    ka = a->vb >= 0 ? sort_cmp->rank_b[m][a->vb] : sort_cmp->rank_a[m][a->va];
    kb = b->vb >= 0 ? sort_cmp->rank_b[m][b->vb] : sort_cmp->rank_a[m][b->va];
    if (ka != kb)
        return ka < kb ? -1 : 1;
    return (*(const size_t *)x > *(const size_t *)y) - (*(const size_t *)x < *(const size_t *)y);
}

static ag_status_t metric_table(const ag_compare_t *c, int m, ag_table_t *t, ag_error_t *err)
{
    static const char *const head[] = { "actor", "name", "status", "value_a", "rank_a",
                                        "value_b", "rank_b", "shift" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER };
    size_t *order = malloc((c->n_actors + 1) * sizeof *order);
    ag_status_t rc;
    if (!order)
        return OOM(err);
    if ((rc = table_init(t, false, head, type, 8, err)) != AG_OK) {
        free(order);
        return rc;
    }
    for (size_t r = 0; r < c->n_actors; r++)
        order[r] = r;
    qsort_r(order, c->n_actors, sizeof *order, cmp_metric_rows, &(metric_key_t){ c, m });
    for (size_t i = 0; i < c->n_actors; i++) {
        const ag_cmp_actor_t *a = &c->actors[order[i]];
        char label[AG_CMP_LABEL_SIZE], buf[5][32];
        const char *cells[8];
        cells[0] = ag_cmp_actor_label(c, a, label, sizeof label);
        cells[1] = c->ds->actors[a->key].name;
        cells[2] = ag_match_name(a->match);
        metric_cells(c, a, m, AG_NUM_TABLE, buf, cells + 3);
        if ((rc = table_add(c, t, false, cells, 8, err)) != AG_OK)
            break;
    }
    free(order);
    return rc;
}

static const char *sign_text(int s, bool present)
{
    return !present ? "" : s > 0 ? "+" : s < 0 ? "-" : "0";
}

/* One row per dyad, its actors named by their rows' labels. */
static ag_status_t dyads_table(const ag_compare_t *c, bool lead, ag_num_style_t ns,
                              ag_table_t *t, ag_error_t *err)
{
    static const char *const head[] = { "actor1", "actor2", "change", "sign_a", "sign_b",
                                        "net_a", "net_b", "W_a", "W_b", "relations_a",
                                        "relations_b" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_TEXT, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER };
    ag_status_t rc;
    if ((rc = table_init(t, lead, head, type, 11, err)) != AG_OK)
        return rc;
    for (size_t i = 0; i < c->n_dyads; i++) {
        const ag_cmp_dyad_t *y = &c->dyads[i];
        const ag_dyad_t *da = y->da >= 0 ? &c->ga.dyads[y->da] : NULL;
        const ag_dyad_t *db = y->db >= 0 ? &c->gb.dyads[y->db] : NULL;
        char l1[AG_CMP_LABEL_SIZE], l2[AG_CMP_LABEL_SIZE], b[6][32];
        const char *cells[11];
        cells[0] = ag_cmp_actor_label(c, &c->actors[y->r1], l1, sizeof l1);
        cells[1] = ag_cmp_actor_label(c, &c->actors[y->r2], l2, sizeof l2);
        cells[2] = ag_change_name(y->change);
        cells[3] = sign_text(y->sign_a, da);
        cells[4] = sign_text(y->sign_b, db);
        cells[5] = da ? ag_doc_number(da->net, ns, b[0]) : "";
        cells[6] = db ? ag_doc_number(db->net, ns, b[1]) : "";
        cells[7] = da ? ag_doc_number(da->W, ns, b[2]) : "";
        cells[8] = db ? ag_doc_number(db->W, ns, b[3]) : "";
        cells[9] = fmt_count(da ? da->n_rels : 0, b[4]);
        cells[10] = fmt_count(db ? db->n_rels : 0, b[5]);
        if ((rc = table_add(c, t, lead, cells, 11, err)) != AG_OK)
            return rc;
    }
    return AG_OK;
}

/* The relations behind dyads: all of them (csv, long) when which < 0, or
 * those of dyad which, led by the era. */
static ag_status_t relations_table(const ag_compare_t *c, long which, ag_num_style_t ns,
                                   ag_table_t *t, ag_error_t *err)
{
    static const char *const csv_head[] = { "era_a", "era_b", "level", "ties", "actor1",
                                            "actor2", "change", "era" };
    static const char *const one_head[] = { "era" };
    bool all = which < 0;
    ag_status_t rc;
    if ((rc = ag_relations_table_init(t, all ? csv_head : one_head, all ? 8 : 1, err)) != AG_OK)
        return rc;
    for (size_t i = all ? 0 : (size_t)which; i < (all ? c->n_dyads : (size_t)which + 1); i++) {
        const ag_cmp_dyad_t *y = &c->dyads[i];
        char l1[AG_CMP_LABEL_SIZE], l2[AG_CMP_LABEL_SIZE];
        ag_cmp_actor_label(c, &c->actors[y->r1], l1, sizeof l1);
        ag_cmp_actor_label(c, &c->actors[y->r2], l2, sizeof l2);
        for (int e = 0; e < 2; e++) {
            const ag_dyad_t *d = e == 0 ? (y->da >= 0 ? &c->ga.dyads[y->da] : NULL)
                                        : (y->db >= 0 ? &c->gb.dyads[y->db] : NULL);
            const char *era = c->ds->eras[e == 0 ? c->era_a : c->era_b].id;
            const char *lead[8] = { c->ds->eras[c->era_a].id, c->ds->eras[c->era_b].id,
                                    ag_level_name(c->opts.level), ag_ties_name(c->opts.ties),
                                    l1, l2, ag_change_name(y->change), era };
            for (size_t k = 0; d && k < d->n_rels; k++)
                if ((rc = ag_relations_table_add(t, c->ds, d->rels[k], all ? lead : lead + 7,
                                                 ns, err)) != AG_OK) {
                    ag_table_destroy(t);
                    return rc;
                }
        }
    }
    return AG_OK;
}

/* "A, B and C", the keys of the rows with the given match, or "none". */
static void list_rows(const ag_compare_t *c, ag_match_t match, FILE *fp)
{
    size_t n = c->n_match[match], k = 0;
    if (!n) {
        fputs("none", fp);
        return;
    }
    for (size_t r = 0; r < c->n_actors; r++) {
        const ag_cmp_actor_t *a = &c->actors[r];
        if (a->match != match)
            continue;
        fprintf(fp, "%s%s", k == 0 ? "" : k + 1 == n ? " and " : ", ",
                c->ds->actors[a->key].id);
        k++;
    }
}

/* Text built with stdio, added as a paragraph. */
typedef struct {
    char *buf;
    size_t len;
    FILE *fp;
} text_t;

static bool text_open(text_t *t)
{
    t->buf = NULL;
    t->len = 0;
    return (t->fp = open_memstream(&t->buf, &t->len)) != NULL;
}

/* Closes t and adds it as a paragraph with flags. */
static ag_status_t text_add(text_t *t, ag_doc_t *doc, unsigned flags, ag_error_t *err)
{
    ag_status_t rc;
    if (fclose(t->fp) != 0) {
        free(t->buf);
        return OOM(err);
    }
    rc = ag_doc_paragraph(doc, flags, t->buf, err);
    free(t->buf);
    return rc;
}

/* The actors matched by lineage, leaving and entering, and the dyads. */
static ag_status_t people_matches(const ag_compare_t *c, ag_doc_t *doc, ag_error_t *err)
{
    const ag_dataset_t *ds = c->ds;
    bool any = false;
    text_t t;
    ag_status_t rc;
    if (!text_open(&t))
        return OOM(err);
    fputs("Matched by lineage: ", t.fp);
    for (size_t r = 0; r < c->n_actors; r++) {
        const ag_cmp_actor_t *a = &c->actors[r];
        if (a->match != AG_MATCH_LINEAGE)
            continue;
        fprintf(t.fp, "%s%s (%s) in A with %s (%s) in B", any ? "; " : "",
                ds->actors[a->actor_a].id, ds->actors[a->actor_a].name,
                ds->actors[a->actor_b].id, ds->actors[a->actor_b].name);
        any = true;
    }
    fprintf(t.fp, "%s.", any ? "" : "none");
    any = false;
    for (size_t r = 0; r < c->n_actors; r++) {
        const ag_cmp_actor_t *a = &c->actors[r];
        if (!a->unmatched_kin)
            continue;
        fprintf(t.fp, "%s%s in %s", any ? ", " : "\nOf those lineages, also (not matched): ",
                ds->actors[a->key].id, a->match == AG_MATCH_LEAVING ? "A" : "B");
        any = true;
    }
    if (any)
        fputc('.', t.fp);
    if ((rc = text_add(&t, doc, 0, err)) != AG_OK)
        return rc;
    for (int k = 0; k < 2; k++) {
        if (!text_open(&t))
            return OOM(err);
        fputs(k == 0 ? "Leaving (only in A): " : "Entering (only in B): ", t.fp);
        list_rows(c, k == 0 ? AG_MATCH_LEAVING : AG_MATCH_ENTERING, t.fp);
        fputc('.', t.fp);
        if ((rc = text_add(&t, doc, AG_BLOCK_TIGHT, err)) != AG_OK)
            return rc;
    }
    return ag_doc_paragraphf(doc, AG_BLOCK_TIGHT, err,
                             "Dyads: %zu flipped, %zu gained, %zu lost, %zu kept.",
                             c->changes[AG_CHANGE_FLIPPED], c->changes[AG_CHANGE_GAINED],
                             c->changes[AG_CHANGE_LOST], c->changes[AG_CHANGE_KEPT]);
}

/* A heading and a table built by the caller (which the document takes). */
static ag_status_t section(ag_doc_t *doc, int level, const char *id, const char *heading,
                           ag_table_t *t, ag_error_t *err)
{
    ag_status_t rc = ag_doc_heading(doc, 0, level, id, heading, err);
    if (rc != AG_OK) {
        ag_table_destroy(t);
        return rc;
    }
    return ag_doc_table(doc, 0, NULL, heading, t, err);
}

static ag_status_t people_page(const ag_compare_t *c, ag_cmp_part_t part, ag_doc_t *doc,
                               ag_error_t *err)
{
    const ag_dataset_t *ds = c->ds;
    const ag_era_t *ea = &ds->eras[c->era_a], *eb = &ds->eras[c->era_b];
    bool all = part == AG_PART_ALL;
    char *types = ag_types_list(ds, c->opts.types);
    char title[1024];
    ag_table_t t;
    ag_status_t rc;

    if (!types)
        return OOM(err);
    snprintf(title, sizeof title, "Comparison: %s \xe2\x86\x92 %s", ea->name, eb->name);
    rc = ag_doc_title(doc, 0, title, err);
    if (rc == AG_OK)
        rc = ag_doc_paragraphf(doc, 0, err,
                               "Dataset %s. A = %s (%s, %s); B = %s (%s, %s). Level %s, ties %s, "
                               "types %s.",
                               ds->name, ea->id, ea->name, ea->period_text, eb->id, eb->name,
                               eb->period_text, ag_level_name(c->opts.level),
                               ag_ties_name(c->opts.ties), types);
    free(types);
    if (rc == AG_OK && all)
        rc = people_matches(c, doc, err);
    if (rc == AG_OK && (all || part == AG_PART_SUMMARY) &&
        (rc = summary_table(c, false, AG_NUM_TABLE, &t, err)) == AG_OK)
        rc = section(doc, 2, "summary", "Summary (difference = B - A)", &t, err);
    if (rc == AG_OK && (all || part == AG_PART_CORRELATIONS) &&
        (rc = corr_table(c, false, AG_NUM_TABLE, &t, err)) == AG_OK)
        rc = section(doc, 2, "correlations", "Rank correlations over the actors in both eras", &t,
                     err);
    for (int m = 0; rc == AG_OK && (all || part == AG_PART_ACTORS) && m < AG_M_COUNT; m++) {
        char h[256];
        if (!(c->opts.metrics & 1u << m))
            continue;
        snprintf(h, sizeof h, "%s (rank 1 is the highest; shift = rank in A - rank in B)",
                 ag_metric_name((ag_metric_t)m));
        if ((rc = metric_table(c, m, &t, err)) == AG_OK)
            rc = section(doc, 2, ag_metric_name((ag_metric_t)m), h, &t, err);
    }
    if (rc == AG_OK && (all || part == AG_PART_DYADS) &&
        (rc = dyads_table(c, false, AG_NUM_TABLE, &t, err)) == AG_OK)
        rc = section(doc, 2, "dyads", "Dyads", &t, err);
    if (rc == AG_OK && (all || part == AG_PART_RELATIONS))
        rc = ag_doc_heading(doc, 0, 2, "relations", "The relations behind each dyad", err);
    for (size_t i = 0; rc == AG_OK && (all || part == AG_PART_RELATIONS) && i < c->n_dyads; i++) {
        const ag_cmp_dyad_t *y = &c->dyads[i];
        char l1[AG_CMP_LABEL_SIZE], l2[AG_CMP_LABEL_SIZE], id[32];
        char *h = NULL;
        int n;
        ag_cmp_actor_label(c, &c->actors[y->r1], l1, sizeof l1);
        ag_cmp_actor_label(c, &c->actors[y->r2], l2, sizeof l2);
        if (y->change == AG_CHANGE_FLIPPED || y->change == AG_CHANGE_KEPT)
            n = asprintf(&h, "%s\xe2\x80\x93%s: %s (%s \xe2\x86\x92 %s)", l1, l2,
                         ag_change_name(y->change), sign_text(y->sign_a, true),
                         sign_text(y->sign_b, true));
        else
            n = asprintf(&h, "%s\xe2\x80\x93%s: %s", l1, l2, ag_change_name(y->change));
        if (n < 0)
            return OOM(err);
        snprintf(id, sizeof id, "dyad-%zu", i + 1);
        if ((rc = relations_table(c, (long)i, AG_NUM_TABLE, &t, err)) == AG_OK)
            rc = section(doc, 3, id, h, &t, err);
        free(h);
    }
    return rc;
}

static json_t *era_json(const ag_era_t *e)
{
    json_t *o = json_object();
    if (o && (json_object_set_new(o, "id", json_string(e->id)) ||
              json_object_set_new(o, "name", json_string(e->name)) ||
              json_object_set_new(o, "period", json_string(e->period_text)))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Sets key to a table's rows, freeing the table. */
static int set_table(json_t *o, const char *key, ag_table_t *t)
{
    json_t *v = ag_table_json(t);
    ag_table_destroy(t);
    return !v || json_object_set_new(o, key, v);
}

/* The actors with their values per metric. */
static json_t *actors_json(const ag_compare_t *c)
{
    static const char *const head[] = { "value_a", "rank_a", "value_b", "rank_b", "shift" };
    static const ag_coltype_t type[] = { AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER };
    json_t *arr = json_array();
    if (!arr)
        return NULL;
    for (size_t r = 0; r < c->n_actors; r++) {
        const ag_cmp_actor_t *a = &c->actors[r];
        json_t *o = json_object(), *ms = json_object();
        char label[AG_CMP_LABEL_SIZE];
        if (!o || !ms || json_array_append_new(arr, o) ||
            json_object_set_new(o, "actor", json_string(ag_cmp_actor_label(c, a, label,
                                                                           sizeof label))) ||
            json_object_set_new(o, "name", json_string(c->ds->actors[a->key].name)) ||
            json_object_set_new(o, "status", json_string(ag_match_name(a->match))) ||
            json_object_set_new(o, "actor_a", a->actor_a >= 0
                                                  ? json_string(c->ds->actors[a->actor_a].id)
                                                  : json_null()) ||
            json_object_set_new(o, "actor_b", a->actor_b >= 0
                                                  ? json_string(c->ds->actors[a->actor_b].id)
                                                  : json_null()) ||
            json_object_set_new(o, "metrics", ms)) {
            json_decref(arr);
            return NULL;
        }
        for (int m = 0; m < AG_M_COUNT; m++) {
            ag_table_t t;
            char buf[5][32];
            const char *cells[5];
            json_t *row;
            if (!(c->opts.metrics & 1u << m))
                continue;
            metric_cells(c, a, m, AG_NUM_DATA, buf, cells);
            if (ag_table_init(&t, 5, head, type, NULL) != AG_OK)
                goto fail;
            if (ag_table_add(&t, cells, NULL) != AG_OK || !(row = ag_table_json(&t))) {
                ag_table_destroy(&t);
                goto fail;
            }
            ag_table_destroy(&t);
            if (json_object_set(ms, ag_metric_name((ag_metric_t)m), json_array_get(row, 0))) {
                json_decref(row);
                goto fail;
            }
            json_decref(row);
        }
    }
    return arr;
fail:
    json_decref(arr);
    return NULL;
}

/* Every part asked for as one JSON object, into doc. */
static ag_status_t machine_json(const ag_compare_t *c, ag_cmp_part_t part, ag_doc_t *doc,
                                ag_error_t *err)
{
    const ag_dataset_t *ds = c->ds;
    bool all = part == AG_PART_ALL;
    json_t *root = json_object(), *metrics = json_array(), *changes = json_object();
    char *types = ag_types_list(ds, c->opts.types);
    ag_table_t t;
    ag_status_t rc = AG_OK;

    if (!root || !metrics || !changes || !types)
        goto oom;
    for (int m = 0; m < AG_M_COUNT; m++)
        if (c->opts.metrics & 1u << m &&
            json_array_append_new(metrics, json_string(ag_metric_name((ag_metric_t)m))))
            goto oom;
    for (int k = 0; k < AG_CHANGE_COUNT; k++)
        if (json_object_set_new(changes, ag_change_name((ag_change_t)k),
                                json_integer((json_int_t)c->changes[k])))
            goto oom;
    if (json_object_set_new(root, "dataset", json_string(ds->name)) ||
        json_object_set_new(root, "era_a", era_json(&ds->eras[c->era_a])) ||
        json_object_set_new(root, "era_b", era_json(&ds->eras[c->era_b])) ||
        json_object_set_new(root, "level", json_string(ag_level_name(c->opts.level))) ||
        json_object_set_new(root, "ties", json_string(ag_ties_name(c->opts.ties))) ||
        json_object_set_new(root, "types", json_string(types)) ||
        json_object_set(root, "metrics", metrics) ||
        json_object_set(root, "dyad_changes", changes))
        goto oom;
    if (all || part == AG_PART_SUMMARY) {
        if ((rc = summary_table(c, false, AG_NUM_DATA, &t, err)) != AG_OK)
            goto fail;
        if (set_table(root, "summary", &t))
            goto oom;
    }
    if (all || part == AG_PART_CORRELATIONS) {
        if ((rc = corr_table(c, false, AG_NUM_DATA, &t, err)) != AG_OK)
            goto fail;
        if (set_table(root, "correlations", &t))
            goto oom;
    }
    if ((all || part == AG_PART_ACTORS) &&
        json_object_set_new(root, "actors", actors_json(c)))
        goto oom;
    if (all || part == AG_PART_DYADS || part == AG_PART_RELATIONS) {
        json_t *dyads;
        if ((rc = dyads_table(c, false, AG_NUM_DATA, &t, err)) != AG_OK)
            goto fail;
        dyads = ag_table_json(&t);
        ag_table_destroy(&t);
        if (!dyads || json_object_set_new(root, "dyads", dyads))
            goto oom;
        for (size_t i = 0; i < c->n_dyads; i++) {
            const ag_cmp_dyad_t *y = &c->dyads[i];
            json_t *o = json_array_get(dyads, i);
            const ag_dyad_t *da = y->da >= 0 ? &c->ga.dyads[y->da] : NULL;
            const ag_dyad_t *db = y->db >= 0 ? &c->gb.dyads[y->db] : NULL;
            if (json_object_set_new(o, "relations_a", ag_relations_json(ds, da ? da->rels : NULL,
                                                                        da ? da->n_rels : 0)) ||
                json_object_set_new(o, "relations_b", ag_relations_json(ds, db ? db->rels : NULL,
                                                                        db ? db->n_rels : 0)))
                goto oom;
        }
    }
    rc = ag_doc_set_json(doc, root, err);
    root = NULL;
    goto done;
oom:
    rc = OOM(err);
fail:
done:
    json_decref(metrics);
    json_decref(changes);
    json_decref(root);
    free(types);
    return rc;
}

ag_status_t ag_compare_page(const ag_compare_t *c, ag_cmp_part_t part, unsigned audience,
                            ag_doc_t *doc, ag_error_t *err)
{
    ag_table_t t;
    ag_status_t rc;
    if (audience & AG_FOR_PEOPLE && (rc = people_page(c, part, doc, err)) != AG_OK)
        return rc;
    if (!(audience & AG_FOR_MACHINE))
        return AG_OK;
    switch (part) {
    case AG_PART_SUMMARY: rc = summary_table(c, true, AG_NUM_DATA, &t, err); break;
    case AG_PART_CORRELATIONS: rc = corr_table(c, true, AG_NUM_DATA, &t, err); break;
    case AG_PART_DYADS: rc = dyads_table(c, true, AG_NUM_DATA, &t, err); break;
    case AG_PART_RELATIONS: rc = relations_table(c, -1, AG_NUM_DATA, &t, err); break;
    case AG_PART_ALL:
    case AG_PART_ACTORS:
    default: rc = actors_long_table(c, &t, err); break;
    }
    if (rc != AG_OK ||
        (rc = ag_doc_table(doc, AG_FOR_MACHINE | AG_BLOCK_DATA, "data", NULL, &t, err)) != AG_OK)
        return rc;
    return machine_json(c, part, doc, err);
}

ag_status_t ag_compare_write(const ag_compare_t *c, ag_format_t fmt, ag_cmp_part_t part,
                             FILE *fp, ag_error_t *err)
{
    ag_doc_t doc;
    ag_status_t rc;
    ag_doc_init(&doc);
    rc = ag_compare_page(c, part, ag_doc_audience(fmt), &doc, err);
    if (rc == AG_OK)
        rc = ag_doc_write(&doc, fmt, fp, err);
    ag_doc_destroy(&doc);
    return rc;
}
