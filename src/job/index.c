/*
 * index.c: index.md, the page of the main job that says what was written,
 * with the pictures.
 */
#include "job/index.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "actorgraph/table.h"

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

/* "Actor level, all ties, all relation types". */
static void describe_slice(const ag_job_opts_t *o, char *buf, size_t n)
{
    snprintf(buf, n, "%s level, %s ties, %s%s", o->level == AG_LEVEL_STATE ? "State" : "Actor",
             ag_ties_name(o->ties), o->types ? "relation types " : "all relation types",
             o->types ? (o->types_text ? o->types_text : "(some)") : "");
}

static void md_link_list(FILE *fp, const char *base, const char *const *ext, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fprintf(fp, "%s[%s](%s.%s)", i ? " \xc2\xb7 " : "", ext[i], base, ext[i]);
}

ag_status_t ag_i_index_write(const ag_i_index_t *x, FILE *fp, ag_error_t *err)
{
    static const char *const head[] = { "era", "name", "period", "actors", "relations", "ties",
                                        "triangles", "unbalanced", "balance ratio", "report",
                                        "diagram, graph" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_TEXT,
                                         AG_COL_TEXT };
    const ag_dataset_t *ds = x->ds;
    const ag_compare_t *c = x->c;
    char slice[1024], window[64], step[64];
    ag_table_t t;
    ag_status_t st;

    describe_slice(x->opts, slice, sizeof slice);

    fprintf(fp, "# %s\n\n", ds->name);
    fprintf(fp, "Written by `actorgraph run` from `%s`: %zu actors, %zu relations, %zu eras "
                "(%s). %s; every number is defined in "
                "the project's docs/METHODS.md and traced to its relations by "
                "`actorgraph explain`.\n\n",
            ds->dir, ds->n_actors, ds->n_relations, ds->n_eras,
            ds->builtin_types ? "built-in relation types" : "types from types.csv", slice);

    fprintf(fp, "## Eras\n\n");
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
        ag_format_number(x->info[i].ratio, b[5]);
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
    st = ag_table_write(&t, AG_FMT_MD, fp, err);
    ag_table_destroy(&t);
    if (st != AG_OK)
        return st;

    fprintf(fp, "\n## Comparison\n\n");
    if (!c) {
        fputs("Fewer than two main eras (eras with relations whose period does not lie "
              "inside another era's): no comparison.\n",
              fp);
    } else {
        const ag_era_t *ea = &ds->eras[c->era_a], *eb = &ds->eras[c->era_b];
        static const char *const ext[] = { "md", "json", "svg", "png", "dot" };
        char base[600];
        bool any = false;
        snprintf(base, sizeof base, "compare/%s-vs-%s", ea->id, eb->id);
        if (x->default_pair)
            fprintf(fp, "%s (%s) \xe2\x86\x92 %s (%s): the first and the last of the main eras "
                        "(those with relations whose period does not lie inside another era's), "
                        "by date.\n\n",
                    ea->name, ea->period_text, eb->name, eb->period_text);
        else
            fprintf(fp, "%s (%s) \xe2\x86\x92 %s (%s), the pair chosen for this run.\n\n",
                    ea->name, ea->period_text, eb->name, eb->period_text);
        fprintf(fp, "![%s \xe2\x86\x92 %s](%s.png)\n\n", ea->name, eb->name, base);
        md_link_list(fp, base, ext, sizeof ext / sizeof ext[0]);
        fprintf(fp, "; csv: [actors](%s-actors.csv) \xc2\xb7 [correlations](%s-correlations.csv)"
                    " \xc2\xb7 [summary](%s-summary.csv) \xc2\xb7 [dyads](%s-dyads.csv) "
                    "\xc2\xb7 [relations](%s-relations.csv)\n\n",
                base, base, base, base, base);
        for (size_t i = 0; i < c->n_actors; i++) {
            const ag_cmp_actor_t *a = &c->actors[i];
            if (a->match != AG_MATCH_LINEAGE)
                continue;
            fprintf(fp, "%s %s (%s) in %s is %s (%s) in %s", any ? ";" : "- Matched by lineage:",
                    ds->actors[a->actor_a].id, ds->actors[a->actor_a].name, ea->id,
                    ds->actors[a->actor_b].id, ds->actors[a->actor_b].name, eb->id);
            any = true;
        }
        if (any)
            fputs(".\n", fp);
        fprintf(fp, "- Dyads: %zu flipped, %zu gained, %zu lost, %zu kept.\n",
                c->changes[AG_CHANGE_FLIPPED], c->changes[AG_CHANGE_GAINED],
                c->changes[AG_CHANGE_LOST], c->changes[AG_CHANGE_KEPT]);
        for (size_t i = 0; i < c->n_dyads; i++) {
            const ag_cmp_dyad_t *y = &c->dyads[i];
            char l1[AG_CMP_LABEL_SIZE], l2[AG_CMP_LABEL_SIZE];
            if (y->change != AG_CHANGE_FLIPPED)
                continue;
            fprintf(fp, "- Flipped: %s\xe2\x80\x93%s, net %s \xe2\x86\x92 %s.\n",
                    ag_cmp_actor_label(c, &c->actors[y->r1], l1, sizeof l1),
                    ag_cmp_actor_label(c, &c->actors[y->r2], l2, sizeof l2),
                    y->sign_a > 0 ? "+" : y->sign_a < 0 ? "\xe2\x88\x92" : "0",
                    y->sign_b > 0 ? "+" : y->sign_b < 0 ? "\xe2\x88\x92" : "0");
        }
        if (c->corr[AG_M_DEGREE].n) {
            char rho[32], tau[32];
            fprintf(fp, "- Degree ranks of the %zu actors in both eras: Spearman's rho %s, "
                        "Kendall's tau-b %s.\n",
                    c->corr[AG_M_DEGREE].n, ag_format_number(c->corr[AG_M_DEGREE].spearman, rho),
                    ag_format_number(c->corr[AG_M_DEGREE].kendall, tau));
        }
    }

    fprintf(fp, "\n## Timeline\n\n"
                "Every metric in %s windows %s apart, each window measured as an "
                "era: [md](timeline.md) (degree, betweenness and pagerank of the leading "
                "actors) \xc2\xb7 [csv](timeline.csv) (all of them).\n",
            span_length(&x->opts->window, window, sizeof window),
            span_distance(&x->opts->step, step, sizeof step));

    fprintf(fp, "\n## Structural balance\n\n"
                "Triangles of the net-signed dyad graph per era, and the unbalanced ones "
                "with the relations behind each side: [md](balance.md) \xc2\xb7 "
                "[csv](balance.csv) \xc2\xb7 [json](balance.json).\n");

    fprintf(fp, "\n## Diagrams\n");
    for (size_t i = 0; i < ds->n_eras; i++) {
        const ag_era_t *e = &ds->eras[i];
        fprintf(fp, "\n### %s (%s)\n\n", e->name, e->period_text);
        if (!x->info[i].relations)
            fputs("No relations in this period.\n", fp);
        else
            fprintf(fp, "![%s](eras/%s.png)\n", e->name, e->id);
    }
    return ferror(fp) ? ag_error_set(err, AG_EIO, NULL, 0, "write error") : AG_OK;
}

