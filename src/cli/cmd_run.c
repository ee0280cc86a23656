/*
 * cmd_run.c: actorgraph run [DATASET] [-o DIR] [--quiet]
 *
 * The main job: into DIR/<dataset>/, every era's report (md, csv, json),
 * diagram (dot, svg, png) and graph (gexf, graphml), the balance report, a
 * timeline of every metric, the comparison of the
 * dataset's first and last main eras with its diagram, and an index.md
 * tying them together with the pictures. Every file is written atomically;
 * a second run gives the same bytes.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/balance.h"
#include "actorgraph/compare.h"
#include "actorgraph/export.h"
#include "actorgraph/output.h"
#include "actorgraph/render.h"
#include "actorgraph/report.h"
#include "actorgraph/summary.h"
#include "actorgraph/timeline.h"
#include "cli.h"

static const char usage_text[] =
    "usage: actorgraph run [DATASET] [-o DIR] [--quiet]\n"
    "\n"
    "The main job. Writes into DIR/NAME/ (NAME: the dataset folder's name):\n"
    "  eras/ERA.md, .csv, .json   each era's report (as 'actorgraph report')\n"
    "  eras/ERA.dot, .svg, .png   each era's diagram (as 'actorgraph render')\n"
    "  eras/ERA.gexf, .graphml    each era's graph for Gephi and other tools\n"
    "                             (as 'actorgraph export')\n"
    "  balance.md, .csv, .json    structural balance of every era\n"
    "  timeline.csv, .md          every metric in 10-year windows, a year apart\n"
    "                             (as 'actorgraph timeline --metric all'; the md\n"
    "                             shows degree, betweenness and pagerank)\n"
    "  compare/A-vs-B.md, .json, .svg, .png, .dot, and one csv per part\n"
    "                             (actors, correlations, summary, dyads,\n"
    "                             relations): the first main era against the\n"
    "                             last (below)\n"
    "  index.md                   what was written, with the pictures\n"
    "Main eras are those with relations whose period does not lie inside\n"
    "another era's period; the first and last are taken by start (then end)\n"
    "date. Every file is written to a temporary file and renamed, and the same\n"
    "input gives the same bytes. Progress goes to standard error.\n"
    "\n"
    "Options:\n"
    "  -o DIR       where to write (default: out)\n"
    "  -q, --quiet  no progress lines\n"
    "  -h, --help   show this help\n"
    "\n"
    "Exit status: 0 success, 1 invalid data or failure, 2 usage error.\n";

#define DEFAULT_OUT "out"

/* What a run shares between its steps. */
typedef struct {
    const ag_dataset_t *ds;
    char *dir; /* DIR/NAME */
    bool quiet;
    ag_error_t err;
} run_t;

static void progress(const run_t *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void progress(const run_t *r, const char *fmt, ...)
{
    va_list ap;
    if (r->quiet)
        return;
    fputs("actorgraph: run: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* "DIR/NAME/sub" in a static-sized buffer. */
static const char *path_of(const run_t *r, char *buf, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static const char *path_of(const run_t *r, char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    int k = snprintf(buf, n, "%s/", r->dir);
    /* cmd_run keeps DIR/NAME well below n; never write past buf. A name
     * cut short here is longer than a file name may be, and the file
     * system refuses it with a message. */
    if (k < 0 || (size_t)k >= n)
        k = (int)n - 1;
    va_start(ap, fmt);
    vsnprintf(buf + k, n - (size_t)k, fmt, ap);
    va_end(ap);
    return buf;
}

/* A writer of one file: fills fp, returns a status. */
typedef ag_status_t (*writer_t)(const void *what, ag_format_t fmt, FILE *fp, ag_error_t *err);

static ag_status_t write_atomic(run_t *r, const char *path, writer_t w, const void *what,
                                ag_format_t fmt)
{
    ag_out_t o;
    ag_status_t st;
    if ((st = ag_out_open(&o, path, &r->err)) != AG_OK)
        return st;
    if ((st = w(what, fmt, o.fp, &r->err)) != AG_OK) {
        ag_out_abort(&o);
        return st;
    }
    return ag_out_commit(&o, &r->err);
}

static ag_status_t report_writer(const void *what, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    return ag_report_write(what, fmt, fp, err);
}

/* ---- eras ---- */

/* Per era, what index.md says about it. */
typedef struct {
    size_t vertices, relations, edges;
    size_t triangles, unbalanced;
    double ratio;
} era_info_t;

static ag_status_t run_era(run_t *r, long era, era_info_t *info)
{
    static const ag_format_t formats[] = { AG_FMT_MD, AG_FMT_CSV, AG_FMT_JSON };
    static const char *const ext[] = { "md", "csv", "json" };
    static const ag_render_format_t diagrams[] = { AG_RENDER_DOT, AG_RENDER_SVG, AG_RENDER_PNG };
    const ag_era_t *e = &r->ds->eras[era];
    ag_report_opts_t ro = { AG_LEVEL_ACTOR, AG_TIES_ALL, NULL, AG_METRICS_ALL, -1, 0 };
    ag_report_t rep;
    ag_summary_t blocs;
    ag_status_t st;
    char path[4096];

    memset(&blocs, 0, sizeof blocs);
    if ((st = ag_report_init(&rep, r->ds, &ro, &r->err)) != AG_OK)
        return st;
    if ((st = ag_report_add_era(&rep, era, &r->err)) != AG_OK)
        goto done;
    info->vertices = rep.eras[0].summary.vertices;
    info->relations = rep.eras[0].summary.relations;
    info->edges = rep.eras[0].summary.edges;
    {
        ag_balance_t b;
        if ((st = ag_balance_compute(&rep.eras[0].graph, &b, &r->err)) != AG_OK)
            goto done;
        info->triangles = b.triangles;
        info->unbalanced = b.unbalanced;
        info->ratio = b.ratio;
        ag_balance_destroy(&b);
    }
    for (size_t f = 0; f < 3; f++)
        if ((st = write_atomic(r, path_of(r, path, sizeof path, "eras/%s.%s", e->id, ext[f]),
                               report_writer, &rep, formats[f])) != AG_OK)
            goto done;
    /* The diagram's fills are blocs of states: a leader takes his state's
     * bloc rather than being pulled away by his own ties (METHODS,
     * "Blocs"). The report's communities stay at actor level. */
    if ((st = ag_summary_compute_blocs(&rep.eras[0].graph, AG_LEVEL_STATE, &blocs,
                                       &r->err)) != AG_OK)
        goto done;
    for (size_t f = 0; f < 3; f++) {
        ag_render_input_t in = { &rep.eras[0].graph, e, &rep.eras[0].metrics, &blocs };
        ag_render_opts_t opts;
        ag_render_opts_default(&opts);
        opts.format = diagrams[f];
        if ((st = ag_render_file(&in, &opts,
                                 path_of(r, path, sizeof path, "eras/%s.%s", e->id,
                                         ag_render_format_ext(diagrams[f])),
                                 &r->err)) != AG_OK)
            goto done;
    }
    for (size_t f = 0; f < 2; f++) {
        static const ag_export_format_t exports[] = { AG_EXPORT_GEXF, AG_EXPORT_GRAPHML };
        char title[1024];
        ag_out_t o;
        ag_export_title(r->ds, e, title, sizeof title);
        if ((st = ag_out_open(&o, path_of(r, path, sizeof path, "eras/%s.%s", e->id,
                                          ag_export_format_name(exports[f])),
                              &r->err)) != AG_OK)
            goto done;
        if ((st = ag_export(&rep.eras[0].graph, title, &rep.eras[0].metrics, exports[f], o.fp,
                            &r->err)) != AG_OK) {
            ag_out_abort(&o);
            goto done;
        }
        if ((st = ag_out_commit(&o, &r->err)) != AG_OK)
            goto done;
    }
    progress(r, "%s: report (md, csv, json), diagram (dot, svg, png) and graph (gexf, "
                "graphml) in eras/", e->id);
done:
    ag_summary_destroy(&blocs);
    ag_report_destroy(&rep);
    return st;
}

/* ---- timeline ---- */

/* The metrics the timeline page shows; the csv has all eleven. */
#define TIMELINE_PAGE_METRICS \
    ((1u << AG_M_DEGREE) | (1u << AG_M_BETWEENNESS) | (1u << AG_M_PAGERANK))

static ag_status_t run_timeline(run_t *r)
{
    const ag_span_t window = { 10, AG_SPAN_YEARS }, step = { 1, AG_SPAN_YEARS };
    ag_window_t *w = NULL;
    size_t n = 0;
    int32_t first, last;
    ag_slice_opts_t so;
    ag_table_t t;
    ag_out_t o;
    char path[4096], what[256];
    ag_status_t st;

    memset(&t, 0, sizeof t);
    if (ag_dataset_date_range(r->ds, &first, &last, &r->err) != AG_OK) {
        progress(r, "timeline: no relation has a bounded date: no timeline");
        return AG_OK;
    }
    ag_slice_opts_default(&so);
    if ((st = ag_timeline_windows(first, last, &window, &step, &w, &n, &r->err)) != AG_OK ||
        (st = ag_timeline_table_init(&t, &r->err)) != AG_OK ||
        (st = ag_timeline_compute(r->ds, &so, AG_METRICS_ALL, w, n, &t, NULL, NULL, &r->err)) !=
            AG_OK)
        goto done;
    if ((st = ag_out_open(&o, path_of(r, path, sizeof path, "timeline.csv"), &r->err)) != AG_OK)
        goto done;
    if ((st = ag_table_write(&t, AG_FMT_CSV, o.fp, &r->err)) != AG_OK) {
        ag_out_abort(&o);
        goto done;
    }
    if ((st = ag_out_commit(&o, &r->err)) != AG_OK)
        goto done;
    ag_timeline_describe(&window, &step, first, last, AG_LEVEL_ACTOR, AG_TIES_ALL, what,
                         sizeof what);
    if ((st = ag_out_open(&o, path_of(r, path, sizeof path, "timeline.md"), &r->err)) != AG_OK)
        goto done;
    if ((st = ag_timeline_write_matrix(&t, TIMELINE_PAGE_METRICS, NULL, 6, what, AG_FMT_MD, o.fp,
                                       &r->err)) != AG_OK) {
        ag_out_abort(&o);
        goto done;
    }
    if ((st = ag_out_commit(&o, &r->err)) != AG_OK)
        goto done;
    progress(r, "timeline: %zu windows, csv and md", n);
done:
    ag_table_destroy(&t);
    free(w);
    return st;
}

/* ---- balance ---- */

static ag_status_t balance_writer(const void *what, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    const run_t *r = what;
    ag_balance_opts_t bo;
    long *eras = malloc((r->ds->n_eras ? r->ds->n_eras : 1) * sizeof *eras);
    ag_status_t st;
    if (!eras)
        return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < r->ds->n_eras; i++)
        eras[i] = (long)i;
    bo.eras = eras;
    bo.n_eras = r->ds->n_eras;
    bo.level = AG_LEVEL_ACTOR;
    bo.types = NULL;
    bo.list = AG_LIST_UNBALANCED;
    bo.max_named = AG_BALANCE_MAX_NAMED;
    bo.blocks = 0;
    bo.seconds = 0;
    st = ag_balance_report(r->ds, &bo, fmt, fp, err);
    free(eras);
    return st;
}

/* ---- the comparison ---- */

/* Main eras: those whose period does not lie inside another era's (the
 * same period twice lies inside neither). */
static bool is_main(const ag_dataset_t *ds, size_t i)
{
    const ag_date_t *p = &ds->eras[i].period;
    for (size_t j = 0; j < ds->n_eras; j++) {
        const ag_date_t *q = &ds->eras[j].period;
        if (j == i || (q->first == p->first && q->last == p->last))
            continue;
        if (q->first <= p->first && p->last <= q->last)
            return false;
    }
    return true;
}

/* The first and last main eras with relations, by start, then end, then
 * file order; -1 when there are fewer than two. */
static void main_pair(const ag_dataset_t *ds, const era_info_t *info, long *first, long *last)
{
    *first = *last = -1;
    for (size_t i = 0; i < ds->n_eras; i++) {
        const ag_date_t *p = &ds->eras[i].period;
        if (!info[i].relations || !is_main(ds, i))
            continue;
        if (*first < 0 || p->first < ds->eras[*first].period.first ||
            (p->first == ds->eras[*first].period.first &&
             p->last < ds->eras[*first].period.last))
            *first = (long)i;
        if (*last < 0 || p->first > ds->eras[*last].period.first ||
            (p->first == ds->eras[*last].period.first && p->last >= ds->eras[*last].period.last))
            *last = (long)i;
    }
    if (*first == *last)
        *first = *last = -1;
}

typedef struct {
    const ag_compare_t *c;
    ag_cmp_part_t part;
} cmp_what_t;

static ag_status_t compare_writer(const void *what, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    const cmp_what_t *w = what;
    return ag_compare_write(w->c, fmt, w->part, fp, err);
}

static ag_status_t run_compare(run_t *r, ag_compare_t *c, long a, long b)
{
    static const char *const parts[] = { "summary", "correlations", "actors", "dyads",
                                         "relations" };
    static const char *const diagrams[] = { "dot", "svg", "png" };
    const ag_dataset_t *ds = r->ds;
    ag_compare_opts_t co = { AG_LEVEL_ACTOR, AG_TIES_ALL, NULL, AG_METRICS_ALL };
    char path[4096];
    ag_status_t st;
    cmp_what_t w;

    if ((st = ag_mkdir_p(path_of(r, path, sizeof path, "compare"), &r->err)) != AG_OK ||
        (st = ag_compare_init(c, ds, a, b, &co, &r->err)) != AG_OK)
        return st;
    w.c = c;
    w.part = AG_PART_ALL;
    if ((st = write_atomic(r, path_of(r, path, sizeof path, "compare/%s-vs-%s.md",
                                      ds->eras[a].id, ds->eras[b].id),
                           compare_writer, &w, AG_FMT_MD)) != AG_OK ||
        (st = write_atomic(r, path_of(r, path, sizeof path, "compare/%s-vs-%s.json",
                                      ds->eras[a].id, ds->eras[b].id),
                           compare_writer, &w, AG_FMT_JSON)) != AG_OK)
        return st;
    for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++) {
        w.part = (ag_cmp_part_t)ag_cmp_part_parse(parts[p]);
        if ((st = write_atomic(r, path_of(r, path, sizeof path, "compare/%s-vs-%s-%s.csv",
                                          ds->eras[a].id, ds->eras[b].id, parts[p]),
                               compare_writer, &w, AG_FMT_CSV)) != AG_OK)
            return st;
    }
    for (size_t d = 0; d < sizeof diagrams / sizeof diagrams[0]; d++)
        if ((st = ag_compare_diagram(c, path_of(r, path, sizeof path, "compare/%s-vs-%s.%s",
                                                ds->eras[a].id, ds->eras[b].id, diagrams[d]),
                                     &r->err)) != AG_OK)
            return st;
    progress(r, "compare/%s-vs-%s: md, json, csv (%zu parts), diagram (dot, svg, png)",
             ds->eras[a].id, ds->eras[b].id, sizeof parts / sizeof parts[0]);
    return AG_OK;
}

/* ---- index.md ---- */

typedef struct {
    const run_t *r;
    const era_info_t *info;
    const ag_compare_t *c; /* NULL without a comparison */
} index_t;

static void md_link_list(FILE *fp, const char *base, const char *const *ext, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fprintf(fp, "%s[%s](%s.%s)", i ? " \xc2\xb7 " : "", ext[i], base, ext[i]);
}

static ag_status_t index_writer(const void *what, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    static const char *const head[] = { "era", "name", "period", "actors", "relations", "ties",
                                        "triangles", "unbalanced", "balance ratio", "report",
                                        "diagram, graph" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_NUMBER,
                                         AG_COL_NUMBER, AG_COL_NUMBER, AG_COL_TEXT,
                                         AG_COL_TEXT };
    const index_t *x = what;
    const ag_dataset_t *ds = x->r->ds;
    const ag_compare_t *c = x->c;
    ag_table_t t;
    ag_status_t st;
    (void)fmt;

    fprintf(fp, "# %s\n\n", ds->name);
    fprintf(fp, "Written by `actorgraph run` from `%s`: %zu actors, %zu relations, %zu eras "
                "(%s). Actor level, all ties, all relation types; the diagrams fill actors by "
                "the bloc of their state (blocs found at state level); every number is defined in "
                "the project's docs/METHODS.md and traced to its relations by "
                "`actorgraph explain`.\n\n",
            ds->dir, ds->n_actors, ds->n_relations, ds->n_eras,
            ds->builtin_types ? "built-in relation types" : "types from types.csv");

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
        fprintf(fp, "%s (%s) \xe2\x86\x92 %s (%s): the first and the last of the main eras "
                    "(those with relations whose period does not lie inside another era's), "
                    "by date.\n\n",
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
                "Every metric in 10-year windows a year apart, each window measured as an "
                "era: [md](timeline.md) (degree, betweenness and pagerank of the leading "
                "actors) \xc2\xb7 [csv](timeline.csv) (all of them).\n");

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

/* ---- the command ---- */

int cmd_run(int argc, char **argv)
{
    static const struct option opts[] = {
        { "output", required_argument, NULL, 'o' },
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *out = DEFAULT_OUT, *dir;
    ag_dataset_t ds;
    ag_compare_t cmp;
    era_info_t *info = NULL;
    run_t r;
    index_t x;
    long first, last;
    char path[4096];
    int c, pos, npos, rc = AG_EXIT_OK;
    ag_status_t st = AG_OK;

    memset(&r, 0, sizeof r);
    memset(&cmp, 0, sizeof cmp);
    ag_dataset_init(&ds);
    ag_error_clear(&r.err);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":ho:q", opts, NULL)) != -1) {
        switch (c) {
        case 'o':
            if (!*optarg)
                return cli_usage_error("run ", "-o needs a folder name");
            out = optarg;
            break;
        case 'q': r.quiet = true; break;
        case 'h': fputs(usage_text, stdout); return AG_EXIT_OK;
        default: return cli_option_error("run ", c, argv);
        }
    }
    if (cli_positionals("run ", argc, argv, /* max = */ 0, &dir, &pos, &npos) != AG_EXIT_OK)
        return AG_EXIT_USAGE;
    if ((rc = cli_load(dir, &ds, false)) != AG_EXIT_OK)
        goto done;
    r.ds = &ds;
    if (!(r.dir = malloc(strlen(out) + strlen(ds.name) + 2)) ||
        !(info = calloc(ds.n_eras ? ds.n_eras : 1, sizeof *info))) {
        st = ag_error_set(&r.err, AG_ENOMEM, NULL, 0, "out of memory");
        goto fail;
    }
    sprintf(r.dir, "%s/%s", out, ds.name);
    if (strlen(r.dir) > 2048) {
        st = ag_error_set(&r.err, AG_EIO, NULL, 0, "the output folder's path is too long");
        goto fail;
    }
    progress(&r, "%s: %zu actors, %zu relations, %zu eras, into %s/", ds.dir, ds.n_actors,
             ds.n_relations, ds.n_eras, r.dir);
    if ((st = ag_mkdir_p(path_of(&r, path, sizeof path, "eras"), &r.err)) != AG_OK)
        goto fail;

    for (size_t i = 0; i < ds.n_eras; i++)
        if ((st = run_era(&r, (long)i, &info[i])) != AG_OK)
            goto fail;

    if ((st = write_atomic(&r, path_of(&r, path, sizeof path, "balance.md"), balance_writer, &r,
                           AG_FMT_MD)) != AG_OK ||
        (st = write_atomic(&r, path_of(&r, path, sizeof path, "balance.csv"), balance_writer,
                           &r, AG_FMT_CSV)) != AG_OK ||
        (st = write_atomic(&r, path_of(&r, path, sizeof path, "balance.json"), balance_writer,
                           &r, AG_FMT_JSON)) != AG_OK)
        goto fail;
    progress(&r, "balance: md, csv, json");
    if ((st = run_timeline(&r)) != AG_OK)
        goto fail;

    main_pair(&ds, info, &first, &last);
    if (first >= 0 && (st = run_compare(&r, &cmp, first, last)) != AG_OK)
        goto fail;
    if (first < 0)
        progress(&r, "fewer than two main eras: no comparison");

    x.r = &r;
    x.info = info;
    x.c = first >= 0 ? &cmp : NULL;
    if ((st = write_atomic(&r, path_of(&r, path, sizeof path, "index.md"), index_writer, &x,
                           AG_FMT_MD)) != AG_OK)
        goto fail;
    progress(&r, "done: %s", path);
    goto done;
fail:
    if (st != AG_OK) {
        cli_report_error(&r.err);
        rc = AG_EXIT_DATA;
    }
done:
    ag_render_cleanup();
    ag_compare_destroy(&cmp);
    free(info);
    free(r.dir);
    ag_dataset_destroy(&ds);
    return rc;
}
