/*
 * index.c: index.md, the page of the main job that says what was written,
 * with the pictures: a document (doc.h) written as Markdown.
 */
#include "job/index.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/doc.h"
#include "actorgraph/rankcorr.h"
#include "actorgraph/table.h"
#include "core/sbuf.h"

static const char *const unit_name[] = { "day", "month", "year" };

/* "10-year": the length of a window. */
static const char *span_length(const ag_span_t *s, char *buf, size_t n)
{
    snprintf(buf, n, "%d-%s", s->n, unit_name[s->unit]);
    return buf;
}

/* "a year", "6 months": how far apart windows start. */
static const char *span_distance(const ag_span_t *s, char *buf, size_t n)
{
    if (s->n == 1)
        snprintf(buf, n, "a %s", unit_name[s->unit]);
    else
        snprintf(buf, n, "%d %ss", s->n, unit_name[s->unit]);
    return buf;
}

/* "Actor level, all ties, all relation types, dates by the probable rule". */
static void describe_slice(const ag_job_opts_t *o, char *buf, size_t n)
{
    snprintf(buf, n, "%s level, %s ties, %s%s, dates by the %s rule",
             o->level == AG_LEVEL_STATE ? "State" : "Actor", ag_ties_name(o->ties),
             o->types ? "relation types " : "all relation types",
             o->types ? (o->types_text ? o->types_text : "(some)") : "",
             ag_dates_name(o->dates));
}

/* Takes the text as a paragraph (or a list item) and empties t. */
static ag_status_t flush(ag_doc_t *d, ag_i_sbuf_t *t, ag_error_t *err)
{
    ag_status_t st = t->oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")
                            : ag_doc_paragraph(d, 0, ag_i_sbuf_str(t), err);
    ag_i_sbuf_clear(t);
    return st;
}

static void link_list(ag_i_sbuf_t *t, const char *base, const char *const *ext, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ag_i_sbuf_addf(t, "%s[%s](%s.%s)", i ? " \xc2\xb7 " : "", ext[i], base, ext[i]);
}

static ag_status_t eras_table(const ag_i_index_t *x, ag_doc_t *d, ag_error_t *err)
{
    static const char *const head[] = { "era", "name", "period", "actors", "relations", "ties",
                                        "triangles", "unbalanced", "balance ratio", "report",
                                        "diagram, graph" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_TEXT,
                                         AG_COL_TEXT };
    const ag_dataset_t *ds = x->ds;
    ag_table_t t;
    ag_status_t st;

    if ((st = ag_table_init(&t, 11, head, type, err)) != AG_OK)
        return st;
    for (size_t i = 0; i < ds->n_eras; i++) {
        const ag_era_t *e = &ds->eras[i];
        char b[6][32], report[512], diagram[512];
        const char *cells[11];
        snprintf(b[0], 32, "%zu", x->info[i].vertices);
        snprintf(b[1], 32, "%zu", x->info[i].relations);
        snprintf(b[2], 32, "%zu", x->info[i].edges);
        snprintf(b[3], 32, "%zu", x->info[i].triangles);
        snprintf(b[4], 32, "%zu", x->info[i].unbalanced);
        ag_doc_number(x->info[i].ratio, AG_NUM_PEOPLE, b[5]);
        snprintf(report, sizeof report, "[md](eras/%s.md) \xc2\xb7 [csv](eras/%s.csv) \xc2\xb7 "
                                        "[json](eras/%s.json)", e->id, e->id, e->id);
        snprintf(diagram, sizeof diagram, "[svg](eras/%s.svg) \xc2\xb7 [png](eras/%s.png) "
                                          "\xc2\xb7 [dot](eras/%s.dot) \xc2\xb7 "
                                          "[gexf](eras/%s.gexf) \xc2\xb7 [graphml](eras/%s.graphml)",
                 e->id, e->id, e->id, e->id, e->id);
        cells[0] = e->id;
        cells[1] = e->name;
        cells[2] = e->period_text;
        cells[3] = b[0];
        cells[4] = b[1];
        cells[5] = b[2];
        cells[6] = b[3];
        cells[7] = b[4];
        cells[8] = b[5];
        cells[9] = report;
        cells[10] = diagram;
        if ((st = ag_table_add(&t, cells, err)) != AG_OK) {
            ag_table_destroy(&t);
            return st;
        }
    }
    return ag_doc_table(d, 0, NULL, NULL, &t, err);
}

static ag_status_t comparison(const ag_i_index_t *x, ag_doc_t *d, ag_i_sbuf_t *p, ag_error_t *err)
{
    static const char *const ext[] = { "md", "json", "svg", "png", "dot" };
    const ag_dataset_t *ds = x->ds;
    const ag_compare_t *c = x->c;
    const ag_era_t *ea = &ds->eras[c->era_a], *eb = &ds->eras[c->era_b];
    char base[600], alt[1024];
    char **items = NULL;
    size_t n = 0;
    bool any = false;
    ag_status_t st;

    snprintf(base, sizeof base, "compare/%s-vs-%s", ea->id, eb->id);
    if (x->default_pair)
        ag_i_sbuf_addf(p,
                       "%s (%s) \xe2\x86\x92 %s (%s): the first and the last of the main eras "
                       "(those with relations whose period does not lie inside another era's), "
                       "by date.",
                       ea->name, ea->period_text, eb->name, eb->period_text);
    else
        ag_i_sbuf_addf(p, "%s (%s) \xe2\x86\x92 %s (%s), the pair chosen for this run.", ea->name,
                       ea->period_text, eb->name, eb->period_text);
    if ((st = flush(d, p, err)) != AG_OK)
        return st;
    snprintf(alt, sizeof alt, "%s \xe2\x86\x92 %s", ea->name, eb->name);
    {
        char png[620];
        snprintf(png, sizeof png, "%s.png", base);
        if ((st = ag_doc_figure(d, 0, png, alt, NULL, err)) != AG_OK)
            return st;
    }
    {
        char png[640];
        snprintf(png, sizeof png, "%s-slope.png", base);
        snprintf(alt, sizeof alt, "Betweenness rank, %s \xe2\x86\x92 %s", ea->name, eb->name);
        if ((st = ag_doc_figure(d, 0, png, alt, NULL, err)) != AG_OK)
            return st;
    }
    link_list(p, base, ext, sizeof ext / sizeof ext[0]);
    ag_i_sbuf_addf(p,
                   "; slope chart of betweenness ranks: [svg](%s-slope.svg) \xc2\xb7 "
                   "[png](%s-slope.png)",
                   base, base);
    ag_i_sbuf_addf(p,
                   "; csv: [actors](%s-actors.csv) \xc2\xb7 [correlations](%s-correlations.csv)"
                   " \xc2\xb7 [summary](%s-summary.csv) \xc2\xb7 [dyads](%s-dyads.csv) "
                   "\xc2\xb7 [relations](%s-relations.csv)",
                   base, base, base, base, base);
    if ((st = flush(d, p, err)) != AG_OK)
        return st;

    if (!(items = calloc(3 + c->changes[AG_CHANGE_FLIPPED], sizeof *items)))
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < c->n_actors; i++) {
        const ag_cmp_actor_t *a = &c->actors[i];
        if (a->match != AG_MATCH_LINEAGE)
            continue;
        ag_i_sbuf_addf(p, "%s %s (%s) in %s is %s (%s) in %s",
                       any ? ";" : "Matched by lineage:", ds->actors[a->actor_a].id,
                       ds->actors[a->actor_a].name, ea->id, ds->actors[a->actor_b].id,
                       ds->actors[a->actor_b].name, eb->id);
        any = true;
    }
    if (any) {
        ag_i_sbuf_add(p, ".");
        items[n++] = ag_i_sbuf_take(p);
    }
    ag_i_sbuf_addf(p, "Dyads: %zu flipped, %zu gained, %zu lost, %zu kept.",
                   c->changes[AG_CHANGE_FLIPPED], c->changes[AG_CHANGE_GAINED],
                   c->changes[AG_CHANGE_LOST], c->changes[AG_CHANGE_KEPT]);
    items[n++] = ag_i_sbuf_take(p);
    for (size_t i = 0; i < c->n_dyads; i++) {
        const ag_cmp_dyad_t *y = &c->dyads[i];
        char l1[AG_CMP_LABEL_SIZE], l2[AG_CMP_LABEL_SIZE];
        if (y->change != AG_CHANGE_FLIPPED)
            continue;
        ag_i_sbuf_addf(p, "Flipped: %s\xe2\x80\x93%s, net %s \xe2\x86\x92 %s.",
                       ag_cmp_actor_label(c, &c->actors[y->r1], l1, sizeof l1),
                       ag_cmp_actor_label(c, &c->actors[y->r2], l2, sizeof l2),
                       y->sign_a > 0   ? "+"
                       : y->sign_a < 0 ? "\xe2\x88\x92"
                                       : "0",
                       y->sign_b > 0   ? "+"
                       : y->sign_b < 0 ? "\xe2\x88\x92"
                                       : "0");
        items[n++] = ag_i_sbuf_take(p);
    }
    if (c->corr[AG_M_DEGREE].n) {
        const ag_cmp_corr_t *k = &c->corr[AG_M_DEGREE];
        char rho[32], tau[32], pv[32];
        ag_i_sbuf_addf(p,
                       "Degree ranks of the %zu actors in both eras: Spearman's rho %s (p = %s), "
                       "Kendall's tau-b %s",
                       k->n, ag_doc_number(k->spearman, AG_NUM_PEOPLE, rho),
                       ag_doc_number(k->spearman_p, AG_NUM_PEOPLE, pv),
                       ag_doc_number(k->kendall, AG_NUM_PEOPLE, tau));
        if (k->n < AG_RANKCORR_FEW)
            ag_i_sbuf_addf(p, "; over fewer than %d actors a rank correlation says little",
                           AG_RANKCORR_FEW);
        ag_i_sbuf_add(p, ".");
        items[n++] = ag_i_sbuf_take(p);
    }
    for (size_t i = 0; i < n; i++)
        if (!items[i])
            p->oom = true;
    st = p->oom ? ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory")
                : ag_doc_list(d, 0, false, (const char *const *)items, n, err);
    for (size_t i = 0; i < n; i++)
        free(items[i]);
    free(items);
    return st;
}

ag_status_t ag_i_index_page(const ag_i_index_t *x, ag_doc_t *d, ag_error_t *err)
{
    const ag_dataset_t *ds = x->ds;
    char slice[1024], window[64], step[64];
    ag_i_sbuf_t p = { 0 };
    ag_status_t st;

    describe_slice(x->opts, slice, sizeof slice);
    if ((st = ag_doc_title(d, 0, ds->name, err)) != AG_OK)
        goto done;
    ag_i_sbuf_addf(&p,
                   "Written by `actorgraph run` from `%s`: %zu actors, %zu relations, %zu eras "
                   "(%s). %s; the diagrams fill actors by the bloc of their state (blocs found "
                   "at state level); every number is defined in "
                   "the project's docs/METHODS.md and traced to its relations by "
                   "`actorgraph explain`. To explore the results, open [index.html](index.html).",
                   ds->dir, ds->n_actors, ds->n_relations, ds->n_eras,
                   ds->builtin_types ? "built-in relation types" : "types from types.csv", slice);
    if ((st = flush(d, &p, err)) != AG_OK ||
        (st = ag_doc_heading(d, 0, 2, "eras", "Eras", err)) != AG_OK ||
        (st = eras_table(x, d, err)) != AG_OK ||
        (st = ag_doc_heading(d, 0, 2, "comparison", "Comparison", err)) != AG_OK)
        goto done;
    if (!x->c) {
        ag_i_sbuf_addf(&p,
                       "Fewer than two main eras (eras with relations whose period does not lie "
                       "inside another era's): no comparison.");
        st = flush(d, &p, err);
    } else {
        st = comparison(x, d, &p, err);
    }
    if (st != AG_OK || (st = ag_doc_heading(d, 0, 2, "timeline", "Timeline", err)) != AG_OK)
        goto done;
    ag_i_sbuf_addf(&p,
                   "Every metric in %s windows %s apart, each window measured as an "
                   "era: [md](timeline.md) (degree, betweenness and pagerank of the leading "
                   "actors) \xc2\xb7 [csv](timeline.csv) (all of them).",
                   span_length(&x->opts->window, window, sizeof window),
                   span_distance(&x->opts->step, step, sizeof step));
    if (x->timeline_chart)
        ag_i_sbuf_addf(&p,
                       " The betweenness of the leading actors: [svg](timeline-betweenness.svg) "
                       "\xc2\xb7 [png](timeline-betweenness.png).");
    if ((st = flush(d, &p, err)) != AG_OK ||
        (x->timeline_chart &&
         (st = ag_doc_figure(d, 0, "timeline-betweenness.png",
                             "Betweenness of the leading actors over time", NULL, err)) !=
             AG_OK) ||
        (st = ag_doc_heading(d, 0, 2, "balance", "Structural balance", err)) != AG_OK)
        goto done;
    ag_i_sbuf_addf(&p, "Triangles of the net-signed dyad graph per era, and the unbalanced ones "
                       "with the relations behind each side: [md](balance.md) \xc2\xb7 "
                       "[csv](balance.csv) \xc2\xb7 [json](balance.json).");
    if ((st = flush(d, &p, err)) != AG_OK ||
        (st = ag_doc_heading(d, 0, 2, "diagrams", "Diagrams", err)) != AG_OK)
        goto done;
    for (size_t i = 0; i < ds->n_eras && st == AG_OK; i++) {
        const ag_era_t *e = &ds->eras[i];
        char head[2048], png[600];
        snprintf(head, sizeof head, "%s (%s)", e->name, e->period_text);
        snprintf(png, sizeof png, "eras/%s.png", e->id);
        if ((st = ag_doc_heading(d, 0, 3, NULL, head, err)) != AG_OK)
            break;
        if (!x->info[i].relations)
            st = ag_doc_paragraph(d, 0, "No relations in this period.", err);
        else
            st = ag_doc_figure(d, 0, png, e->name, NULL, err);
    }
done:
    ag_i_sbuf_destroy(&p);
    return st;
}

ag_status_t ag_i_index_write(const ag_i_index_t *x, FILE *fp, ag_error_t *err)
{
    ag_doc_t d;
    ag_status_t st;
    ag_doc_init(&d);
    if ((st = ag_i_index_page(x, &d, err)) == AG_OK)
        st = ag_doc_write(&d, AG_FMT_MD, fp, err);
    ag_doc_destroy(&d);
    return st;
}
