/*
 * index_html.c: index.html, the page of the main job that a reader opens
 * (index.h). One document written through the HTML back-end: a view per
 * era in date order (its diagram inline, its figures, communities,
 * balance, and every actor's values in a table that sorts by any column),
 * a view of the comparison that says in sentences what changed, and a
 * view of the timeline; plus the data island (pages/html_data.h) from
 * which the page's script opens an actor's or a tie's relations and
 * searches. Without the script every view is shown, one after the other.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/balance.h"
#include "actorgraph/doc.h"
#include "actorgraph/rankcorr.h"
#include "core/sbuf.h"
#include "core/util.h"
#include "job/index.h"
#include "pages/html_data.h"

static char *people(double v, char *buf)
{
    return ag_doc_number(v, AG_NUM_PEOPLE, buf);
}

/* Values for people as the data island wants them (64-byte buffers). */
static char *human(double v, char *buf)
{
    return ag_doc_number(v, AG_NUM_PEOPLE, buf);
}

/* The contents of a file the job wrote (NUL-terminated), or NULL. */
static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    char *data = NULL;
    long n;
    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
        (data = malloc((size_t)n + 1)) != NULL) {
        if (fread(data, 1, (size_t)n, fp) != (size_t)n) {
            free(data);
            data = NULL;
        } else {
            data[n] = '\0';
        }
    }
    fclose(fp);
    return data;
}

/* The contents of DIR/FILE, which the job wrote (a "diagram" or a
 * "chart", as what says), into *data for the caller to free. Lack of
 * memory is said as everywhere else ("out of memory"), not as a failure
 * to read. */
static ag_status_t read_back(const char *dir, const char *file, const char *what, char **data,
                             ag_error_t *err)
{
    char *path = ag_i_path_join(dir, file);
    ag_status_t st = AG_OK;
    if (!path)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    if (!(*data = slurp(path)))
        st = errno == ENOMEM ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")
                             : ag_error_set(err, AG_EIO, path, 0, "cannot read the %s back: %s",
                                            what, strerror(errno));
    free(path);
    return st;
}

/* b as raw HTML of the page (AG_ENOMEM if b ran out of memory); frees b. */
static ag_status_t raw_html(ag_doc_t *d, ag_i_sbuf_t *b, ag_error_t *err)
{
    ag_status_t st = b->oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")
                            : ag_doc_raw(d, AG_FOR_READING, AG_FMT_HTML, ag_i_sbuf_str(b), err);
    ag_i_sbuf_destroy(b);
    return st;
}

/* An SVG diagram the job wrote, inline in a <figure>: from its <svg> on
 * (the XML prolog and doctype can't stand inside HTML). */
static ag_status_t svg_figure(ag_doc_t *d, const char *dir, const char *file,
                              const char *caption, ag_error_t *err)
{
    char *svg;
    const char *start;
    ag_i_sbuf_t b = { 0 };
    ag_status_t st;
    if ((st = read_back(dir, file, "diagram", &svg, err)) != AG_OK)
        return st;
    start = strstr(svg, "<svg");
    ag_i_sbuf_addf(&b, "<figure class=\"diagram\">%s", start ? start : "");
    ag_i_sbuf_addf(&b, "<figcaption>%s</figcaption></figure>\n", caption);
    free(svg);
    return raw_html(d, &b, err);
}

/*
 * A chart the job drew with cairo, inline in a <figure class="chart">. Its
 * ids (glyphs, clips, surface) are cairo's, the same in every chart: each
 * is prefixed with pfx so that two charts on one page keep their own
 * glyphs. alt is said to screen readers (role="img").
 */
static ag_status_t chart_figure(ag_doc_t *d, const char *dir, const char *file, const char *pfx,
                                const char *alt, const char *caption, ag_error_t *err)
{
    static const char *const refs[] = { "id=\"", "href=\"#", "url(#" };
    char *svg;
    const char *p;
    ag_i_sbuf_t b = { 0 };
    ag_status_t st;
    if ((st = read_back(dir, file, "chart", &svg, err)) != AG_OK)
        return st;
    p = strstr(svg, "<svg");
    ag_i_sbuf_add(&b, "<figure class=\"chart\">");
    if (p && strncmp(p, "<svg ", 5) == 0) {
        ag_i_sbuf_add(&b, "<svg role=\"img\" aria-label=\"");
        ag_i_sbuf_html(&b, alt);
        ag_i_sbuf_add(&b, "\" ");
        p += 5;
    }
    while (p && *p) {
        const char *next = NULL;
        size_t k = 0;
        for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
            const char *q = strstr(p, refs[i]);
            if (q && (!next || q < next)) {
                next = q;
                k = i;
            }
        }
        if (!next) {
            ag_i_sbuf_add(&b, p);
            break;
        }
        ag_i_sbuf_addf(&b, "%.*s%s%s-", (int)(next - p), p, refs[k], pfx);
        p = next + strlen(refs[k]);
    }
    ag_i_sbuf_addf(&b, "<figcaption>%s</figcaption></figure>\n", caption);
    free(svg);
    return raw_html(d, &b, err);
}

/* Rows of an era's actor table: best betweenness first, then id. */
typedef struct {
    const ag_report_era_t *e;
    const ag_dataset_t *ds;
} era_key_t;

static int cmp_vertex(const void *a, const void *b, void *ud)
{
    const era_key_t *k = ud;
    long x = *(const long *)a, y = *(const long *)b;
    const long *rank = k->e->rank[AG_M_BETWEENNESS];
    if (rank && rank[x] != rank[y])
        return rank[x] < rank[y] ? -1 : 1;
    return strcmp(k->ds->actors[k->e->graph.actor[x]].id, k->ds->actors[k->e->graph.actor[y]].id);
}

static ag_status_t actors_table(ag_doc_t *d, const ag_report_t *r, const ag_report_era_t *e,
                                ag_error_t *err)
{
    const ag_dataset_t *ds = r->ds;
    const char *head[3 + AG_M_COUNT];
    ag_coltype_t type[3 + AG_M_COUNT];
    const char *cells[3 + AG_M_COUNT];
    char num[AG_M_COUNT][32], id[600];
    int metric[AG_M_COUNT];
    size_t nc = 3, nm = 0;
    long *order;
    era_key_t key = { e, ds };
    ag_table_t t;
    ag_status_t st;

    head[0] = "actor";
    type[0] = AG_COL_ACTOR;
    head[1] = "name";
    type[1] = AG_COL_TEXT;
    head[2] = "kind";
    type[2] = AG_COL_TEXT;
    for (int m = 0; m < AG_M_COUNT; m++) {
        if (!(r->opts.metrics & (1u << m)))
            continue;
        metric[nm++] = m;
        head[nc] = ag_metric_name((ag_metric_t)m);
        type[nc++] = AG_COL_NUMBER;
    }
    if (!(order = malloc((e->graph.n ? e->graph.n : 1) * sizeof *order)))
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    for (size_t v = 0; v < e->graph.n; v++)
        order[v] = (long)v;
    qsort_r(order, e->graph.n, sizeof *order, cmp_vertex, &key);
    if ((st = ag_table_init(&t, nc, head, type, err)) != AG_OK) {
        free(order);
        return st;
    }
    for (size_t k = 0; k < e->graph.n && st == AG_OK; k++) {
        long v = order[k];
        const ag_actor_t *a = &ds->actors[e->graph.actor[v]];
        cells[0] = a->id;
        cells[1] = a->name;
        cells[2] = ag_kind_name(a->kind);
        for (size_t j = 0; j < nm; j++)
            cells[3 + j] = people(e->metrics.value[metric[j]][v], num[j]);
        st = ag_table_add(&t, cells, err);
    }
    free(order);
    if (st != AG_OK) {
        ag_table_destroy(&t);
        return st;
    }
    snprintf(id, sizeof id, "era-%.500s-actors", e->id);
    return ag_doc_table(d, AG_FOR_READING, id,
                        "Every actor of the era, best betweenness first; click a column to sort, "
                        "an actor for its values in every era and its relations",
                        &t, err);
}

static const char *sign_text(int s)
{
    return s > 0 ? "+" : s < 0 ? "\xe2\x88\x92" : "0";
}

static ag_status_t era_view(ag_doc_t *d, const ag_i_index_t *x, const ag_report_era_t *e,
                            long era, const char *dir, ag_error_t *err)
{
    const ag_dataset_t *ds = x->ds;
    const ag_summary_t *s = &e->summary;
    ag_i_sbuf_t b = { 0 };
    char n1[32], n2[32], id[600];
    ag_balance_t bal;
    ag_frustration_t fr;
    ag_status_t st;

    memset(&bal, 0, sizeof bal);
    memset(&fr, 0, sizeof fr);
    snprintf(id, sizeof id, "era-%.500s", e->id);
    if ((st = ag_doc_heading(d, AG_FOR_READING | AG_BLOCK_VIEW, 2, id, e->name, err)) != AG_OK)
        return st;
    ag_i_sbuf_addf(
        &b,
        "%s \xc2\xb7 %zu actors \xc2\xb7 %zu relations \xc2\xb7 %zu ties (%zu net cooperative, "
        "%zu net conflictual) \xc2\xb7 density %s \xc2\xb7 %ld component%s \xc2\xb7 transitivity "
        "%s",
        e->period, s->vertices, s->relations, s->edges, s->positive_dyads, s->negative_dyads,
        people(s->density, n1), s->components, s->components == 1 ? "" : "s",
        people(s->transitivity, n2));
    if ((st = ag_doc_paragraph(d, AG_FOR_READING, ag_i_sbuf_str(&b), err)) != AG_OK)
        goto done;
    if (e->graph.n == 0) {
        st = ag_doc_paragraph(d, AG_FOR_READING, "No relation falls in this era.", err);
        goto done;
    }
    {
        char file[600];
        snprintf(file, sizeof file, "eras/%.500s.svg", e->id);
        /* Links in the caption are Markdown-like for the back-end's
         * paragraphs; a raw figure caption is HTML, so say it plainly. */
        ag_i_sbuf_t cap = { 0 };
        ag_i_sbuf_addf(&cap,
                       "%s: shape is the kind of actor, size its betweenness, fill the bloc of its "
                       "state; "
                       "blue ties cooperate, red ones conflict. Hover for details; click an actor "
                       "or a tie for the relations behind it.",
                       e->name);
        st = cap.oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")
                     : svg_figure(d, dir, file, ag_i_sbuf_str(&cap), err);
        ag_i_sbuf_destroy(&cap);
        if (st != AG_OK)
            goto done;
    }
    ag_i_sbuf_clear(&b);
    ag_i_sbuf_addf(&b,
                   "Files: report [md](eras/%s.md) \xc2\xb7 [csv](eras/%s.csv) \xc2\xb7 "
                   "[json](eras/%s.json); diagram [svg](eras/%s.svg) \xc2\xb7 [png](eras/%s.png) "
                   "\xc2\xb7 [dot](eras/%s.dot); graph for Gephi [gexf](eras/%s.gexf) \xc2\xb7 "
                   "[graphml](eras/%s.graphml).",
                   e->id, e->id, e->id, e->id, e->id, e->id, e->id, e->id);
    if ((st = ag_doc_paragraph(d, AG_FOR_READING, ag_i_sbuf_str(&b), err)) != AG_OK)
        goto done;

    /* Blocs. */
    if ((st = ag_doc_heading(d, AG_FOR_READING, 3, NULL, "Blocs", err)) != AG_OK)
        goto done;
    ag_i_sbuf_clear(&b);
    if (s->communities > 0 && !isnan(s->modularity))
        ag_i_sbuf_addf(&b, "%ld %s on net-positive ties, enemies apart (Leiden, modularity %s):",
                       s->communities, s->communities == 1 ? "bloc" : "blocs",
                       people(s->modularity, n1));
    else
        ag_i_sbuf_add(&b, "No net-positive ties to form blocs.");
    if ((st = ag_doc_paragraph(d, AG_FOR_READING, ag_i_sbuf_str(&b), err)) != AG_OK)
        goto done;
    if (s->communities > 0 && !isnan(s->modularity)) {
        char **items = calloc((size_t)s->communities, sizeof *items);
        if (!items) {
            st = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
            goto done;
        }
        for (long k = 0; k < s->communities; k++) {
            ag_i_sbuf_t it = { 0 };
            for (size_t v = 0; v < e->graph.n; v++)
                if (s->membership[v] == k)
                    ag_i_sbuf_addf(&it, "%s%s", it.len ? ", " : "",
                                   ds->actors[e->graph.actor[v]].name);
            if (!(items[k] = ag_i_sbuf_take(&it)))
                b.oom = true;
        }
        st = b.oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")
                   : ag_doc_list(d, AG_FOR_READING, true, (const char *const *)items,
                                 (size_t)s->communities, err);
        for (long k = 0; k < s->communities; k++)
            free(items[k]);
        free(items);
        if (st != AG_OK)
            goto done;
    }

    /* Balance. */
    if ((st = ag_doc_heading(d, AG_FOR_READING, 3, NULL, "Structural balance", err)) != AG_OK ||
        (st = ag_balance_compute(&e->graph, &bal, err)) != AG_OK ||
        (st = ag_frustration_compute(&e->graph, AG_FRUSTRATION_SECONDS, &fr, err)) != AG_OK)
        goto done;
    ag_i_sbuf_clear(&b);
    if (bal.triangles == 0)
        ag_i_sbuf_add(&b, "No triangle of net-signed ties.");
    else
        ag_i_sbuf_addf(
            &b,
            "%zu triangle%s of net-signed ties: %zu balanced, %zu unbalanced (balance ratio "
            "%s). A triangle is balanced when the product of its signs is positive: the "
            "friend of a friend a friend, the enemy of an enemy a friend.",
            bal.triangles, bal.triangles == 1 ? "" : "s", bal.balanced, bal.unbalanced,
            people(bal.ratio, n1));
    if (fr.edges)
        ag_i_sbuf_addf(&b,
                       " Frustration index %s%zu of %zu net-signed ties: the fewest whose sign, "
                       "flipped, would make the era balanced%s.",
                       fr.exact ? "" : "at most ", fr.frustration, fr.edges,
                       fr.exact ? "" : " (time limit reached)");
    if ((st = ag_doc_paragraph(d, AG_FOR_READING, ag_i_sbuf_str(&b), err)) != AG_OK)
        goto done;
    if (bal.unbalanced > 0) {
        char **items = calloc(bal.unbalanced, sizeof *items);
        size_t n = 0;
        if (!items) {
            st = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
            goto done;
        }
        for (size_t k = 0; k < bal.triangles; k++) {
            const ag_triangle_t *t = &bal.tri[k];
            ag_i_sbuf_t it = { 0 };
            if (t->sign[0] * t->sign[1] * t->sign[2] > 0)
                continue;
            ag_i_sbuf_addf(&it, "%s \xe2\x80\x93 %s \xe2\x80\x93 %s: signs %s %s %s",
                           ds->actors[e->graph.actor[t->v[0]]].name,
                           ds->actors[e->graph.actor[t->v[1]]].name,
                           ds->actors[e->graph.actor[t->v[2]]].name, sign_text(t->sign[0]),
                           sign_text(t->sign[1]), sign_text(t->sign[2]));
            if (!(items[n++] = ag_i_sbuf_take(&it)))
                b.oom = true;
        }
        st = b.oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")
                   : ag_doc_list(d, AG_FOR_READING, false, (const char *const *)items, n, err);
        for (size_t k = 0; k < n; k++)
            free(items[k]);
        free(items);
        if (st != AG_OK)
            goto done;
    }

    /* Actors. */
    if ((st = ag_doc_heading(d, AG_FOR_READING, 3, NULL, "Actors", err)) != AG_OK)
        goto done;
    st = actors_table(d, x->report, e, err);
    (void)era;
done:
    ag_balance_destroy(&bal);
    ag_frustration_destroy(&fr);
    if (st == AG_OK && b.oom)
        st = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    ag_i_sbuf_destroy(&b);
    return st;
}

/* "Pakistan–Russia" for a dyad of the comparison. */
static void dyad_names(const ag_compare_t *c, const ag_cmp_dyad_t *y, ag_i_sbuf_t *b)
{
    const ag_dataset_t *ds = c->ds;
    ag_i_sbuf_addf(b, "%s\xe2\x80\x93%s", ds->actors[c->actors[y->r1].key].name,
                   ds->actors[c->actors[y->r2].key].name);
}

static const char *ordinal_suffix(long n)
{
    if (n % 100 >= 11 && n % 100 <= 13)
        return "th";
    switch (n % 10) {
    case 1: return "st";
    case 2: return "nd";
    case 3: return "rd";
    default: return "th";
    }
}

/* Matched rows by shift of betweenness rank: risers first. */
static int cmp_shift(const void *a, const void *b, void *ud)
{
    const ag_compare_t *c = ud;
    const ag_cmp_actor_t *x = &c->actors[*(const size_t *)a], *y = &c->actors[*(const size_t *)b];
    const long *ra = c->rank_a[AG_M_BETWEENNESS], *rb = c->rank_b[AG_M_BETWEENNESS];
    long sx = ra[x->va] - rb[x->vb], sy = ra[y->va] - rb[y->vb];
    if (sx != sy)
        return sx > sy ? -1 : 1;
    return strcmp(c->ds->actors[x->key].id, c->ds->actors[y->key].id);
}

static ag_status_t compare_view(ag_doc_t *d, const ag_i_index_t *x, const char *dir,
                                ag_error_t *err)
{
    const ag_compare_t *c = x->c;
    const ag_dataset_t *ds = x->ds;
    const ag_era_t *ea = &ds->eras[c->era_a], *eb = &ds->eras[c->era_b];
    ag_i_sbuf_t b = { 0 }, it = { 0 };
    char **items = NULL, n1[32], n2[32], file[1200];
    size_t n_items = 0, *rows = NULL, n_rows = 0;
    ag_status_t st;

    ag_i_sbuf_addf(&b, "%s \xe2\x86\x92 %s", ea->name, eb->name);
    if ((st = ag_doc_heading(d, AG_FOR_READING | AG_BLOCK_VIEW, 2, "compare", ag_i_sbuf_str(&b),
                             err)) != AG_OK)
        goto done;
    ag_i_sbuf_clear(&b);
    ag_i_sbuf_addf(&b,
                   "The comparison of %s (%s) with %s (%s)%s. Actors are matched by lineage, so a "
                   "state and its successor count as one.",
                   ea->name, ea->period_text, eb->name, eb->period_text,
                   x->default_pair ? ", the first and the last of the main eras" : "");
    if ((st = ag_doc_paragraph(d, AG_FOR_READING, ag_i_sbuf_str(&b), err)) != AG_OK)
        goto done;

    if (!(items = calloc(8 + c->changes[AG_CHANGE_FLIPPED], sizeof *items))) {
        st = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < c->n_actors; k++) {
        const ag_cmp_actor_t *a = &c->actors[k];
        if (a->match != AG_MATCH_LINEAGE)
            continue;
        ag_i_sbuf_clear(&it);
        ag_i_sbuf_addf(&it, "%s in %s continues as %s in %s.", ds->actors[a->actor_a].name,
                       ea->name, ds->actors[a->actor_b].name, eb->name);
        if (!(items[n_items++] = ag_i_strdup(ag_i_sbuf_str(&it))))
            it.oom = true;
        break;
    }
    ag_i_sbuf_clear(&it);
    ag_i_sbuf_addf(&it, "%zu tie%s flipped sign, %zu were gained, %zu lost and %zu kept.",
                   c->changes[AG_CHANGE_FLIPPED], c->changes[AG_CHANGE_FLIPPED] == 1 ? "" : "s",
                   c->changes[AG_CHANGE_GAINED], c->changes[AG_CHANGE_LOST],
                   c->changes[AG_CHANGE_KEPT]);
    if (!(items[n_items++] = ag_i_strdup(ag_i_sbuf_str(&it))))
        it.oom = true;
    for (size_t k = 0; k < c->n_dyads; k++) {
        const ag_cmp_dyad_t *y = &c->dyads[k];
        if (y->change != AG_CHANGE_FLIPPED)
            continue;
        ag_i_sbuf_clear(&it);
        ag_i_sbuf_add(&it, "Flipped: ");
        dyad_names(c, y, &it);
        ag_i_sbuf_addf(&it, " from %s (net %s) to %s (net %s).",
                       y->sign_a > 0   ? "cooperation"
                       : y->sign_a < 0 ? "conflict"
                                       : "a net of zero",
                       people(c->ga.dyads[y->da].net, n1),
                       y->sign_b > 0   ? "cooperation"
                       : y->sign_b < 0 ? "conflict"
                                       : "a net of zero",
                       people(c->gb.dyads[y->db].net, n2));
        if (!(items[n_items++] = ag_i_strdup(ag_i_sbuf_str(&it))))
            it.oom = true;
    }

    /* Who rose and who fell, by betweenness rank among the actors in both. */
    if (c->rank_a[AG_M_BETWEENNESS] && c->rank_b[AG_M_BETWEENNESS]) {
        if (!(rows = malloc((c->n_actors ? c->n_actors : 1) * sizeof *rows))) {
            st = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
            goto done;
        }
        for (size_t k = 0; k < c->n_actors; k++)
            if (c->actors[k].va >= 0 && c->actors[k].vb >= 0)
                rows[n_rows++] = k;
        qsort_r(rows, n_rows, sizeof *rows, cmp_shift, (void *)c);
        for (int side = 0; side < 2; side++) {
            int shown = 0;
            ag_i_sbuf_clear(&it);
            ag_i_sbuf_add(&it,
                          side == 0 ? "Rose (betweenness rank): " : "Fell (betweenness rank): ");
            for (size_t j = 0; j < n_rows && shown < 3; j++) {
                const ag_cmp_actor_t *a = &c->actors[rows[side == 0 ? j : n_rows - 1 - j]];
                long ra = c->rank_a[AG_M_BETWEENNESS][a->va];
                long rb = c->rank_b[AG_M_BETWEENNESS][a->vb];
                if (side == 0 ? rb >= ra : rb <= ra)
                    break;
                ag_i_sbuf_addf(&it, "%s%s from %ld%s to %ld%s", shown ? "; " : "",
                               ds->actors[a->key].name, ra, ordinal_suffix(ra), rb,
                               ordinal_suffix(rb));
                shown++;
            }
            if (shown) {
                ag_i_sbuf_add(&it, ".");
                if (!(items[n_items++] = ag_i_strdup(ag_i_sbuf_str(&it))))
                    it.oom = true;
            }
        }
    }
    if (c->corr[AG_M_BETWEENNESS].n > 0) {
        const ag_cmp_corr_t *k = &c->corr[AG_M_BETWEENNESS];
        ag_i_sbuf_clear(&it);
        ag_i_sbuf_addf(&it, "Betweenness ranks of the %zu actor%s in both eras: Spearman's rho %s",
                       k->n, k->n == 1 ? "" : "s", people(k->spearman, n1));
        if (!isnan(k->spearman_p))
            ag_i_sbuf_addf(&it, " (p = %s)", people(k->spearman_p, n2));
        if (k->n < AG_RANKCORR_FEW)
            ag_i_sbuf_addf(&it, "; over fewer than %d actors a rank correlation says little",
                           AG_RANKCORR_FEW);
        ag_i_sbuf_add(&it, ".");
        if (!(items[n_items++] = ag_i_strdup(ag_i_sbuf_str(&it))))
            it.oom = true;
    }
    if (it.oom) {
        st = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    if ((st = ag_doc_list(d, AG_FOR_READING, false, (const char *const *)items, n_items, err)) !=
        AG_OK)
        goto done;
    snprintf(file, sizeof file, "compare/%.500s-vs-%.500s.svg", ea->id, eb->id);
    if ((st = svg_figure(d, dir, file,
                         "Both eras in one picture: kept, gained, lost and flipped ties told "
                         "apart; hover for details.",
                         err)) != AG_OK)
        goto done;
    snprintf(file, sizeof file, "compare/%.500s-vs-%.500s-slope.svg", ea->id, eb->id);
    ag_i_sbuf_clear(&b);
    ag_i_sbuf_addf(&b, "Betweenness rank, %s \xe2\x86\x92 %s", ea->name, eb->name);
    if (b.oom) {
        st = ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
        goto done;
    }
    if ((st = chart_figure(d, dir, file, "slope", ag_i_sbuf_str(&b),
                           "Who rose and who fell: each actor's betweenness rank in the first "
                           "era (left) and in the second (right).",
                           err)) != AG_OK)
        goto done;
    ag_i_sbuf_clear(&b);
    ag_i_sbuf_addf(
        &b,
        "Files: the comparison as [md](compare/%s-vs-%s.md) \xc2\xb7 "
        "[json](compare/%s-vs-%s.json), its actors, dyads and correlations as CSV under "
        "compare/, the diagram as [svg](compare/%s-vs-%s.svg) \xc2\xb7 "
        "[png](compare/%s-vs-%s.png), the slope chart as [svg](compare/%s-vs-%s-slope.svg) "
        "\xc2\xb7 [png](compare/%s-vs-%s-slope.png).",
        ea->id, eb->id, ea->id, eb->id, ea->id, eb->id, ea->id, eb->id, ea->id, eb->id, ea->id,
        eb->id);
    st = b.oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")
               : ag_doc_paragraph(d, AG_FOR_READING, ag_i_sbuf_str(&b), err);
done:
    for (size_t k = 0; k < n_items; k++)
        free(items[k]);
    free(items);
    free(rows);
    ag_i_sbuf_destroy(&b);
    ag_i_sbuf_destroy(&it);
    return st;
}

/* The data island: JSON inside a script element, "</" escaped as "<\/"
 * so that no string can close the element. */
static ag_status_t data_island(ag_doc_t *d, const ag_report_t *r, ag_error_t *err)
{
    json_t *j = ag_i_html_data(r, human);
    char *text;
    ag_i_sbuf_t b = { 0 };
    if (!j)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    text = json_dumps(j, JSON_COMPACT | JSON_ESCAPE_SLASH);
    json_decref(j);
    if (!text)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    ag_i_sbuf_addf(&b, "<script id=\"ag-data\" type=\"application/json\">%s</script>\n", text);
    free(text);
    return raw_html(d, &b, err);
}

ag_status_t ag_i_index_html(const ag_i_index_t *x, const char *dir, FILE *fp, ag_error_t *err)
{
    const ag_report_t *r = x->report;
    const ag_dataset_t *ds = x->ds;
    ag_doc_t d;
    ag_i_sbuf_t b = { 0 };
    size_t *order = malloc((r->n_eras ? r->n_eras : 1) * sizeof *order);
    ag_status_t st;

    ag_doc_init(&d);
    if (!order)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    if ((st = ag_doc_title(&d, AG_FOR_READING, ds->name, err)) != AG_OK)
        goto done;
    ag_i_sbuf_addf(
        &b,
        "%zu actors, %zu relations, %zu eras from `%s`, measured at %s level on %s ties, %s, "
        "single dates placed by the %s rule. "
        "Pick an era (or the comparison) above; hover a diagram for details; click an actor "
        "or a tie, in a diagram or a table, for its values in every era and the cited "
        "relations behind it; search for an actor or for words of a relation's note or "
        "cite. Every number is defined in the project's docs/METHODS.md. The same results "
        "as files: [index.md](index.md).",
        ds->n_actors, ds->n_relations, ds->n_eras, ds->dir,
        x->opts->level == AG_LEVEL_STATE ? "state" : "actor",
        x->opts->ties == AG_TIES_POSITIVE   ? "positive"
        : x->opts->ties == AG_TIES_NEGATIVE ? "negative"
                                            : "all",
        x->opts->types_text ? x->opts->types_text : "every relation type",
        ag_dates_name(x->opts->dates));
    if ((st = b.oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")
                    : ag_doc_paragraph(&d, AG_FOR_READING, ag_i_sbuf_str(&b), err)) != AG_OK)
        goto done;

    ag_i_era_date_order(r, order);
    for (size_t k = 0; k < r->n_eras; k++) {
        const ag_report_era_t *e = &r->eras[order[k]];
        if ((st = era_view(&d, x, e, (long)order[k], dir, err)) != AG_OK)
            goto done;
    }
    if (x->c && (st = compare_view(&d, x, dir, err)) != AG_OK)
        goto done;
    if ((st = ag_doc_heading(&d, AG_FOR_READING | AG_BLOCK_VIEW, 2, "timeline", "Timeline",
                             err)) != AG_OK ||
        (x->timeline_chart &&
         (st = chart_figure(&d, dir, "timeline-betweenness.svg", "timeline",
                            "Betweenness of the leading actors over time",
                            "Betweenness of the leading actors, window by window, a lineage as "
                            "one line (the Soviet Union, then Russia), the eras as shaded bands. "
                            "Files: <a href=\"timeline-betweenness.svg\">svg</a> \xc2\xb7 "
                            "<a href=\"timeline-betweenness.png\">png</a>.",
                            err)) != AG_OK) ||
        (st = ag_doc_paragraph(&d, AG_FOR_READING,
                               "Every metric through sliding windows, each window measured "
                               "as an era: [timeline.md](timeline.md) (the leading actors) "
                               "\xc2\xb7 [timeline.csv](timeline.csv) (all of them). Structural "
                               "balance of every era with the relations behind each unbalanced "
                               "triangle: [balance.md](balance.md) \xc2\xb7 "
                               "[balance.csv](balance.csv) \xc2\xb7 [balance.json](balance.json).",
                               err)) != AG_OK)
        goto done;
    if ((st = data_island(&d, r, err)) != AG_OK)
        goto done;
    st = ag_doc_write(&d, AG_FMT_HTML, fp, err);
done:
    ag_doc_destroy(&d);
    free(order);
    ag_i_sbuf_destroy(&b);
    return st;
}
