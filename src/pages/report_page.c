/*
 * report_page.c: the report's pages (report.h). For machines the long
 * tidy table (CSV) and an object per era (JSON); for people a page per
 * era: a title, the summary figures, the communities, then the top actors
 * of each metric side by side — on a terminal as many metrics as fit the
 * width, with a legend of the ids shown; for readers the undirected
 * measures, then the directed ones, with names.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/pages.h"
#include "actorgraph/report.h"
#include "core/util.h"
#include "pages/backend.h"

/* ---- for machines: the tidy table and JSON ---- */

/* Whether vertex v of e is shown for metric m. */
static bool kept(const ag_report_t *r, const ag_report_era_t *e, int m, size_t v)
{
    return r->opts.top <= 0 || e->rank[m][v] <= r->opts.top;
}

static const char *actor_id(const ag_report_t *r, const ag_report_era_t *e, size_t v)
{
    return r->ds->actors[e->graph.actor[v]].id;
}

static const char *actor_name(const ag_report_t *r, const ag_report_era_t *e, size_t v)
{
    return r->ds->actors[e->graph.actor[v]].name;
}

static const char *const tidy_head[] = { "era",    "level",  "ties",  "actor",
                                         "name",   "metric", "value", "rank" };

/* Called with each row of the tidy table (8 cells). */
typedef ag_status_t (*row_fn)(void *ud, const char *const *row, ag_error_t *err);

/* The rows of the tidy table, in order, one call each. */
static ag_status_t tidy_rows(const ag_report_t *r, row_fn fn, void *ud, ag_error_t *err)
{
    const char *level = ag_level_name(r->opts.level), *ties = ag_ties_name(r->opts.ties);
    ag_status_t rc;

    for (size_t i = 0; i < r->n_eras; i++) {
        const ag_report_era_t *e = &r->eras[i];
        /* Vertices are in actor-id order already (era.h). */
        for (size_t v = 0; v < e->graph.n; v++)
            for (int m = 0; m < AG_M_COUNT; m++) {
                char val[32], rank[32];
                const char *row[8];
                if (!e->metrics.value[m] || !kept(r, e, m, v))
                    continue;
                ag_doc_number(e->metrics.value[m][v], AG_NUM_DATA, val);
                snprintf(rank, sizeof rank, "%ld", e->rank[m][v]);
                row[0] = e->id;
                row[1] = level;
                row[2] = ties;
                row[3] = actor_id(r, e, v);
                row[4] = actor_name(r, e, v);
                row[5] = ag_metric_name((ag_metric_t)m);
                row[6] = val;
                row[7] = rank;
                if ((rc = fn(ud, row, err)) != AG_OK)
                    return rc;
            }
    }
    return AG_OK;
}

static ag_status_t add_row(void *ud, const char *const *row, ag_error_t *err)
{
    return ag_table_add(ud, row, err);
}

ag_status_t ag_report_tidy(const ag_report_t *r, ag_table_t *t, ag_error_t *err)
{
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_NUMBER, AG_COL_NUMBER };
    ag_status_t rc;

    if ((rc = ag_table_init(t, 8, tidy_head, type, err)) != AG_OK)
        return rc;
    return tidy_rows(r, add_row, t, err);
}

/* Writes a row as CSV, as the CSV back-end writes the tidy table. */
static ag_status_t csv_row(void *ud, const char *const *row, ag_error_t *err)
{
    FILE *fp = ud;
    (void)err;
    for (int c = 0; c < 8; c++) {
        ag_csv_field(fp, row[c]);
        fputc(c + 1 < 8 ? ',' : '\n', fp);
    }
    return AG_OK;
}

/* Whether e's betweenness and harmonic are estimates from a sample of
 * sources (ag_metrics_opts_t, sample). */
static bool estimated(const ag_report_era_t *e)
{
    return e->metrics.sources > 0 && e->metrics.sources < e->graph.n;
}

/* ---- JSON ---- */

/* A number as printed in CSV ("%.10g"), NaN as null. */
static json_t *json_num(double v)
{
    char buf[32];
    if (isnan(v))
        return json_null();
    ag_doc_number(v, AG_NUM_DATA, buf);
    if (v == floor(v) && fabs(v) < 1e15)
        return json_integer((json_int_t)v);
    return json_real(strtod(buf, NULL));
}

/* Adds value under key to obj, taking the reference; false on failure. */
static bool put(json_t *obj, const char *key, json_t *value)
{
    return value && json_object_set_new(obj, key, value) == 0;
}

static json_t *summary_json(const ag_summary_t *s)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    if (!put(o, "vertices", json_integer((json_int_t)s->vertices)) ||
        !put(o, "relations", json_integer((json_int_t)s->relations)) ||
        !put(o, "dyads", json_integer((json_int_t)s->dyads)) ||
        !put(o, "edges", json_integer((json_int_t)s->edges)) ||
        !put(o, "positive_dyads", json_integer((json_int_t)s->positive_dyads)) ||
        !put(o, "negative_dyads", json_integer((json_int_t)s->negative_dyads)) ||
        !put(o, "density", json_num(s->density)) ||
        !put(o, "components", json_integer(s->components)) ||
        !put(o, "transitivity", json_num(s->transitivity)) ||
        !put(o, "communities", json_integer(s->communities)) ||
        !put(o, "modularity", json_num(s->modularity))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The communities as arrays of actor ids, in community order. */
static json_t *communities_json(const ag_report_t *r, const ag_report_era_t *e)
{
    json_t *arr = json_array();
    if (!arr)
        return NULL;
    for (long c = 0; c < e->summary.communities; c++) {
        json_t *members = json_array();
        if (!members || json_array_append_new(arr, members) != 0)
            goto fail;
        for (size_t v = 0; v < e->graph.n; v++)
            if (e->summary.membership[v] == c &&
                json_array_append_new(members, json_string(actor_id(r, e, v))) != 0)
                goto fail;
    }
    return arr;
fail:
    json_decref(arr);
    return NULL;
}

/* Per actor: id, name, then each metric's value and rank; with a top,
 * actors ranked within it by at least one metric. */
static json_t *actors_json(const ag_report_t *r, const ag_report_era_t *e)
{
    const char *head[2 + 2 * AG_M_COUNT];
    char names[AG_M_COUNT][40];
    ag_coltype_t type[2 + 2 * AG_M_COUNT];
    size_t nc = 2;
    ag_table_t t;
    json_t *j = NULL;
    ag_error_t err;

    head[0] = "actor";
    head[1] = "name";
    type[0] = type[1] = AG_COL_TEXT;
    for (int m = 0; m < AG_M_COUNT; m++) {
        if (!e->metrics.value[m])
            continue;
        snprintf(names[m], sizeof names[m], "%s_rank", ag_metric_name((ag_metric_t)m));
        head[nc] = ag_metric_name((ag_metric_t)m);
        type[nc++] = AG_COL_NUMBER;
        head[nc] = names[m];
        type[nc++] = AG_COL_NUMBER;
    }
    if (ag_table_init(&t, nc, head, type, &err) != AG_OK)
        return NULL;
    for (size_t v = 0; v < e->graph.n; v++) {
        char buf[2 * AG_M_COUNT][32];
        const char *row[2 + 2 * AG_M_COUNT];
        bool any = r->opts.top <= 0;
        size_t k = 2;
        row[0] = actor_id(r, e, v);
        row[1] = actor_name(r, e, v);
        for (int m = 0; m < AG_M_COUNT; m++) {
            if (!e->metrics.value[m])
                continue;
            any = any || kept(r, e, m, v);
            row[k] = ag_doc_number(e->metrics.value[m][v], AG_NUM_DATA, buf[k - 2]);
            k++;
            snprintf(buf[k - 2], sizeof buf[k - 2], "%ld", e->rank[m][v]);
            row[k] = buf[k - 2];
            k++;
        }
        if (any && ag_table_add(&t, row, &err) != AG_OK)
            goto done;
    }
    j = ag_table_json(&t);
done:
    ag_table_destroy(&t);
    return j;
}

json_t *ag_report_json(const ag_report_t *r)
{
    json_t *root = json_object(), *eras = json_array(), *metrics = json_array(), *types;
    if (!root || !eras || !metrics) {
        json_decref(root);
        json_decref(eras);
        json_decref(metrics);
        return NULL;
    }
    if (!put(root, "dataset", json_string(r->ds->name ? r->ds->name : "")) ||
        !put(root, "level", json_string(ag_level_name(r->opts.level))) ||
        !put(root, "ties", json_string(ag_ties_name(r->opts.ties)))) {
        json_decref(eras);
        json_decref(metrics);
        goto fail;
    }
    if (r->opts.types) {
        if (!(types = json_array()))
            goto fail_lists;
        for (size_t i = 0; i < r->ds->n_types; i++)
            if (r->opts.types[i] &&
                json_array_append_new(types, json_string(r->ds->types[i].id)) != 0) {
                json_decref(types);
                goto fail_lists;
            }
    } else {
        types = json_null();
    }
    if (!put(root, "types", types))
        goto fail_lists;
    for (int m = 0; m < AG_M_COUNT; m++)
        if ((r->opts.metrics & (1u << m)) &&
            json_array_append_new(metrics, json_string(ag_metric_name((ag_metric_t)m))) != 0)
            goto fail_lists;
    if (!put(root, "metrics", metrics)) {
        json_decref(eras);
        goto fail;
    }
    if (!put(root, "top", r->opts.top > 0 ? json_integer(r->opts.top) : json_null()) ||
        !put(root, "eras", eras))
        goto fail;
    for (size_t i = 0; i < r->n_eras; i++) {
        const ag_report_era_t *e = &r->eras[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(eras, o) != 0)
            goto fail;
        if (!put(o, "id", json_string(e->id)) || !put(o, "name", json_string(e->name)) ||
            !put(o, "period", json_string(e->period)) ||
            !put(o, "summary", summary_json(&e->summary)) ||
            (estimated(e) && !put(o, "estimated_from_sources",
                                  json_integer((json_int_t)e->metrics.sources))) ||
            !put(o, "communities", communities_json(r, e)) ||
            !put(o, "actors", actors_json(r, e)))
            goto fail;
    }
    return root;
fail_lists:
    json_decref(eras);
    json_decref(metrics);
fail:
    json_decref(root);
    return NULL;
}

/* ---- for people ---- */

/* Actors listed per metric on a page when the caller sets no top. */
#define PAGE_TOP 5
/* Columns of a Markdown page's list lines (a text editor's, not a
 * terminal's). */
#define MD_WIDTH 1000

static char *short_num(double v, char *buf)
{
    return ag_doc_number(v, AG_NUM_PEOPLE, buf);
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* Words written with wrapping at width, each line starting with indent
 * (the first with first_indent); words are never split. */
typedef struct {
    FILE *fp;
    const char *first_indent, *indent;
    size_t width, col;
    bool started;
} wrap_t;

static void wrap_word(wrap_t *w, const char *word, const char *sep)
{
    size_t len = ag_i_utf8_width(word);
    if (w->col > 0 && w->col + strlen(sep) + len > w->width) {
        fputc('\n', w->fp);
        w->col = 0;
    }
    if (w->col == 0) {
        const char *in = w->started ? w->indent : w->first_indent;
        fputs(in, w->fp);
        w->col = ag_i_utf8_width(in);
        w->started = true;
    } else {
        fputs(sep, w->fp);
        w->col += strlen(sep);
    }
    fputs(word, w->fp);
    w->col += len;
}

static void wrap_end(wrap_t *w)
{
    if (w->col > 0)
        fputc('\n', w->fp);
    w->col = 0;
    w->started = false;
}

static long page_top(const ag_report_t *r)
{
    return r->opts.top < 0 ? PAGE_TOP : r->opts.top == 0 ? LONG_MAX : r->opts.top;
}

/*
 * What a page shows of one metric: the actors ranked within the top with
 * a value other than 0, in rank then id order, at most top of them (more
 * tie at the boundary: `more` says how many are left out).
 */
typedef struct {
    long *v;
    size_t n, more;
    size_t idw, valw, colw;
} column_t;

/* Vertices by rank, then vertex (qsort_r's argument: the ranks). */
static int cmp_shown(const void *a, const void *b, void *ranks)
{
    long x = *(const long *)a, y = *(const long *)b;
    const long *rank = ranks;
    if (rank[x] != rank[y])
        return rank[x] < rank[y] ? -1 : 1;
    return (x > y) - (x < y);
}

static bool column_init(const ag_report_t *r, const ag_report_era_t *e, int m, column_t *col)
{
    long top = page_top(r);
    memset(col, 0, sizeof *col);
    if (!(col->v = malloc((e->graph.n ? e->graph.n : 1) * sizeof *col->v)))
        return false;
    for (size_t v = 0; v < e->graph.n; v++)
        if (e->rank[m][v] <= top && e->metrics.value[m][v] != 0)
            col->v[col->n++] = (long)v;
    qsort_r(col->v, col->n, sizeof *col->v, cmp_shown, e->rank[m]);
    if (col->n > (size_t)top) {
        col->more = col->n - (size_t)top;
        col->n = (size_t)top;
    }
    for (size_t i = 0; i < col->n; i++) {
        char buf[32];
        size_t w = ag_i_utf8_width(actor_id(r, e, (size_t)col->v[i]));
        if (w > col->idw)
            col->idw = w;
        w = strlen(short_num(e->metrics.value[m][col->v[i]], buf));
        if (w > col->valw)
            col->valw = w;
    }
    col->colw = col->idw + 2 + col->valw;
    if (strlen(ag_metric_name((ag_metric_t)m)) > col->colw)
        col->colw = strlen(ag_metric_name((ag_metric_t)m));
    if (col->more) {
        char buf[48];
        snprintf(buf, sizeof buf, "+%zu tied", col->more);
        if (strlen(buf) > col->colw)
            col->colw = strlen(buf);
    }
    return true;
}

/*
 * One block of the page: the metrics ms[0..k-1] side by side, each a
 * column of its top actors, as a table into t. For the terminal (md
 * false) a cell is "ID  value", padded so that the values of a column
 * line up; for readers each metric has a name column and a value column.
 * shown[v] is set for each vertex listed.
 */
static ag_status_t metrics_table(const ag_report_t *r, const ag_report_era_t *e, const int *ms,
                                 size_t k, const column_t *cols, bool md, bool *shown,
                                 ag_table_t *t, ag_error_t *err)
{
    const char *head[2 * AG_M_COUNT];
    ag_coltype_t type[2 * AG_M_COUNT];
    char *cells[2 * AG_M_COUNT] = { NULL };
    size_t rows = 0, nc = 0;
    ag_status_t rc;

    for (size_t j = 0; j < k; j++) {
        const column_t *col = &cols[ms[j]];
        size_t n = col->n + (col->more ? 1 : 0);
        if (n > rows)
            rows = n;
        head[nc] = ag_metric_name((ag_metric_t)ms[j]);
        type[nc++] = AG_COL_TEXT;
        if (md) {
            head[nc] = "value";
            type[nc++] = AG_COL_NUMBER;
        }
    }
    if ((rc = ag_table_init(t, nc, head, type, err)) != AG_OK)
        return rc;
    for (size_t c = 0; c < nc; c++)
        if (!(cells[c] = malloc(1024))) {
            rc = ag_i_oom(err);
            goto done;
        }
    for (size_t i = 0; i < rows; i++) {
        size_t c = 0;
        for (size_t j = 0; j < k; j++) {
            const column_t *col = &cols[ms[j]];
            int m = ms[j];
            char val[32];
            const char *id;
            long v;
            if (i >= col->n) {
                if (i == col->n && col->more)
                    snprintf(cells[c++], 1024, "+%zu tied", col->more);
                else
                    cells[c++][0] = '\0';
                if (md)
                    cells[c++][0] = '\0';
                continue;
            }
            v = col->v[i];
            shown[v] = true;
            short_num(e->metrics.value[m][v], val);
            id = actor_id(r, e, (size_t)v);
            if (md) {
                snprintf(cells[c++], 1024, "%s", actor_name(r, e, (size_t)v));
                snprintf(cells[c++], 1024, "%s", val);
            } else {
                /* Pad so that the values of a column end at the same place. */
                size_t pad = col->colw - ag_i_utf8_width(id) - strlen(val);
                snprintf(cells[c++], 1024, "%s%*s%s", id, (int)pad, "", val);
            }
        }
        if ((rc = ag_table_add(t, (const char *const *)cells, err)) != AG_OK)
            goto done;
    }
done:
    for (size_t c = 0; c < 2 * AG_M_COUNT; c++)
        free(cells[c]);
    if (rc != AG_OK)
        ag_table_destroy(t);
    return rc;
}

/* A table as the terminal shows it under an era's title: indented, without
 * the trailing blanks of short columns. */
static ag_status_t put_indented(const ag_table_t *t, FILE *fp, ag_error_t *err)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&buf, &n);
    ag_status_t rc;
    if (!mem)
        return ag_i_oom(err);
    rc = ag_table_write(t, AG_FMT_TABLE, mem, err);
    if (fclose(mem) != 0 && rc == AG_OK)
        rc = ag_i_oom(err);
    for (char *line = buf; rc == AG_OK && line && *line;) {
        char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        while (len > 0 && line[len - 1] == ' ')
            len--;
        fprintf(fp, "  %.*s\n", (int)len, line);
        line = nl ? nl + 1 : NULL;
    }
    free(buf);
    return rc;
}

/*
 * The top actors of every metric, in blocks that fit the page: for the
 * terminal as many metrics side by side as fit in the width, written to
 * fp (a blank line between blocks); for readers the undirected, then the
 * directed measures, as tables added to doc.
 */
static ag_status_t page_metrics(const ag_report_t *r, const ag_report_era_t *e, bool md,
                                FILE *fp, ag_doc_t *doc, bool *shown, ag_error_t *err)
{
    column_t cols[AG_M_COUNT];
    int ms[AG_M_COUNT];
    size_t k = 0, used = 2, limit = r->opts.width > 0 ? (size_t)r->opts.width : 100;
    bool first = true;
    ag_status_t rc = AG_OK;

    memset(cols, 0, sizeof cols);
    for (int m = 0; m < AG_M_COUNT; m++)
        if (e->metrics.value[m] && !column_init(r, e, m, &cols[m])) {
            rc = ag_i_oom(err);
            goto done;
        }
    for (int m = 0; m <= AG_M_COUNT && rc == AG_OK; m++) {
        bool flush;
        if (m < AG_M_COUNT && !e->metrics.value[m])
            continue;
        if (m == AG_M_COUNT)
            flush = k > 0;
        else if (md)
            flush = k > 0 && m == AG_M_IN_DEGREE;
        else
            flush = k > 0 && used + cols[m].colw > limit;
        if (flush) {
            ag_table_t t;
            if ((rc = metrics_table(r, e, ms, k, cols, md, shown, &t, err)) != AG_OK)
                break;
            if (md) {
                char caption[256];
                snprintf(caption, sizeof caption, "%s: top actors by %s", e->name,
                         m == AG_M_COUNT && ms[0] >= AG_M_IN_DEGREE ? "directed measures"
                                                                   : "undirected measures");
                rc = ag_doc_table(doc, AG_FOR_READING, NULL, caption, &t, err);
            } else {
                if (!first)
                    fputc('\n', fp);
                rc = put_indented(&t, fp, err);
                ag_table_destroy(&t);
            }
            first = false;
            k = 0;
            used = 2;
        }
        if (m < AG_M_COUNT) {
            ms[k++] = m;
            used += cols[m].colw + 2;
        }
    }
done:
    for (int m = 0; m < AG_M_COUNT; m++)
        free(cols[m].v);
    return rc;
}

/* Community sizes (indexed by community), and how many have two or more
 * members (groups) or one (alone). NULL on lack of memory. */
static long *community_sizes(const ag_report_era_t *e, size_t *groups, size_t *alone)
{
    const ag_summary_t *s = &e->summary;
    long *size = calloc((size_t)s->communities + 1, sizeof *size);
    *groups = *alone = 0;
    if (!size)
        return NULL;
    for (size_t v = 0; v < e->graph.n; v++)
        size[s->membership[v]]++;
    for (long c = 0; c < s->communities; c++) {
        if (size[c] > 1)
            (*groups)++;
        else
            (*alone)++;
    }
    return size;
}

/* The summary figures: the first sentence (what the slice holds) up to
 * its net-zero dyads, which are in zero ("" when none; the sentence then
 * ends with ")"); the second (the graph under the chosen ties). Without
 * the final stops. */
static void summary_sentences(const ag_report_t *r, const ag_report_era_t *e, bool md,
                              char *one, char *zero, char *two, size_t n)
{
    const ag_summary_t *s = &e->summary;
    size_t nz = s->dyads - s->positive_dyads - s->negative_dyads;
    char a[32], b[32];
    zero[0] = '\0';
    if (nz)
        snprintf(zero, n, ", %zu net zero", nz);
    snprintf(one, n, "%zu %s, %zu %s, %zu %s (%zu positive, %zu negative", s->vertices,
             plural(s->vertices, "actor", "actors"), s->relations,
             plural(s->relations, "relation", "relations"), s->dyads,
             plural(s->dyads, "dyad", "dyads"), s->positive_dyads, s->negative_dyads);
    snprintf(two, n, "%s %s ties: %zu %s, density %s, %ld %s, transitivity %s",
             md ? "Graph of" : "graph of", ag_ties_name(r->opts.ties), s->edges,
             plural(s->edges, "edge", "edges"), short_num(s->density, a), s->components,
             plural((size_t)s->components, "component", "components"),
             short_num(s->transitivity, b));
}

/* The blocs heading sentence: "4 blocs on net-positive ties, enemies apart
 * (Leiden, modularity 0.3867)". */
static void communities_sentence(const ag_report_era_t *e, size_t groups, char *buf, size_t n)
{
    char num[32];
    snprintf(buf, n, "%zu %s on net-positive ties, enemies apart (Leiden, modularity %s)",
             groups, plural(groups, "bloc", "blocs"), short_num(e->summary.modularity, num));
}

/* One era for the terminal: title line, figures, communities by id, the
 * top actors side by side and a legend of the ids shown. */
/* A window given by --from/--to is its own id, name and period: its title
 * says them once ("Window 1962-10/1962-10"). */
static bool said_once(const ag_report_era_t *e)
{
    return strcmp(e->name, e->id) == 0 && strcmp(e->period, e->id) == 0;
}

static ag_status_t terminal_era(const ag_report_t *r, const ag_report_era_t *e, FILE *fp,
                                ag_error_t *err)
{
    size_t limit = r->opts.width > 0 ? (size_t)r->opts.width : 100;
    size_t groups, alone, k = 0;
    char one[256], zero[256], two[256], buf[600];
    long *size;
    bool *shown;
    wrap_t w = { fp, "  ", "    ", limit, 0, false };
    wrap_t legend = { fp, "  ", "  ", limit, 0, false };
    bool any = false;
    ag_status_t rc;

    if (said_once(e))
        fprintf(fp, "Window %s  \xC2\xB7  %s level, %s ties\n", e->id,
                ag_level_name(r->opts.level), ag_ties_name(r->opts.ties));
    else
        fprintf(fp, "%s (%s)  %s  \xC2\xB7  %s level, %s ties\n", e->name, e->id, e->period,
                ag_level_name(r->opts.level), ag_ties_name(r->opts.ties));
    if (e->graph.n == 0) {
        fputs("  no relations in this period\n", fp);
        return AG_OK;
    }
    summary_sentences(r, e, false, one, zero, two, sizeof one);
    wrap_word(&w, one, " ");
    if (*zero)
        wrap_word(&w, zero, "");
    wrap_word(&w, ")", "");
    wrap_end(&w);
    wrap_word(&w, two, " ");
    wrap_end(&w);
    if (estimated(e)) {
        snprintf(buf, sizeof buf,
                 "betweenness and harmonic are estimates from %zu of the %zu actors as sources",
                 e->metrics.sources, e->graph.n);
        wrap_word(&w, buf, " ");
        wrap_end(&w);
    }
    if (!(size = community_sizes(e, &groups, &alone)))
        return ag_i_oom(err);
    if (groups == 0) {
        fputs("  No blocs on net-positive ties\n", fp);
    } else {
        communities_sentence(e, groups, buf, sizeof buf);
        fprintf(fp, "  %s:\n", buf);
        for (long c = 0; c < e->summary.communities; c++) {
            char lead[32];
            wrap_t cw = { fp, lead, "       ", limit, 0, false };
            if (size[c] < 2)
                continue;
            snprintf(lead, sizeof lead, "  %3zu  ", ++k);
            for (size_t v = 0; v < e->graph.n; v++)
                if (e->summary.membership[v] == c)
                    wrap_word(&cw, actor_id(r, e, v), " ");
            wrap_end(&cw);
        }
        if (alone)
            fprintf(fp, "       %zu %s on %s own\n", alone, plural(alone, "actor", "actors"),
                    plural(alone, "its", "their"));
    }
    free(size);
    fputc('\n', fp);
    if (!(shown = calloc(e->graph.n, sizeof *shown)))
        return ag_i_oom(err);
    rc = page_metrics(r, e, false, fp, NULL, shown, err);
    for (size_t v = 0; rc == AG_OK && v < e->graph.n; v++) {
        /* Who the ids are. */
        if (!shown[v])
            continue;
        if (!any)
            fputc('\n', fp);
        any = true;
        snprintf(buf, sizeof buf, "%s %s", actor_id(r, e, v), actor_name(r, e, v));
        wrap_word(&legend, buf, " \xC2\xB7 ");
    }
    wrap_end(&legend);
    free(shown);
    return rc;
}

/* The terminal's blocks: one laid-out text block per era (the metrics
 * side by side as many as fit the width). */
static ag_status_t terminal_page(const ag_report_t *r, ag_doc_t *doc, ag_error_t *err)
{
    for (size_t i = 0; i < r->n_eras; i++) {
        char *buf = NULL;
        size_t n = 0;
        FILE *fp = open_memstream(&buf, &n);
        ag_status_t rc;
        if (!fp)
            return ag_i_oom(err);
        rc = terminal_era(r, &r->eras[i], fp, err);
        if (fclose(fp) != 0 && rc == AG_OK)
            rc = ag_i_oom(err);
        if (rc == AG_OK)
            rc = ag_doc_raw(doc, AG_FOR_TERMINAL, AG_FMT_TABLE, buf, err);
        free(buf);
        if (rc != AG_OK)
            return rc;
    }
    return AG_OK;
}

/* One era for readers: heading, figures, communities by name, the top
 * actors of the undirected and of the directed measures. */
static ag_status_t reading_era(const ag_report_t *r, const ag_report_era_t *e, ag_doc_t *doc,
                               ag_error_t *err)
{
    const unsigned R = AG_FOR_READING;
    size_t groups, alone, k = 0;
    char one[256], zero[256], two[256], buf[600], *h = NULL;
    const char **items = NULL;
    char **owned = NULL;
    long *size = NULL;
    bool *shown = NULL;
    ag_status_t rc;

    if ((said_once(e) ? asprintf(&h, "Window %s", e->id)
                      : asprintf(&h, "%s (`%s`, %s)", e->name, e->id, e->period)) < 0)
        return ag_i_oom(err);
    rc = ag_doc_heading(doc, R, 2, e->id, h, err);
    free(h);
    if (rc != AG_OK)
        return rc;
    if (e->graph.n == 0)
        return ag_doc_paragraph(doc, R, "No relations in this period.", err);
    summary_sentences(r, e, true, one, zero, two, sizeof one);
    if ((rc = ag_doc_paragraphf(doc, R, err, "%s%s). %s.", one, zero, two)) != AG_OK)
        return rc;
    if (estimated(e) &&
        (rc = ag_doc_paragraphf(doc, R, err,
                                "Betweenness and harmonic are estimates from %zu of the %zu "
                                "actors as sources.",
                                e->metrics.sources, e->graph.n)) != AG_OK)
        return rc;
    if (!(size = community_sizes(e, &groups, &alone)))
        return ag_i_oom(err);
    if (groups == 0) {
        rc = ag_doc_paragraph(doc, R, "No blocs on net-positive ties.", err);
        goto metrics;
    }
    communities_sentence(e, groups, buf, sizeof buf);
    if ((rc = ag_doc_paragraphf(doc, R, err, "%s:", buf)) != AG_OK)
        goto done;
    items = calloc(groups, sizeof *items);
    owned = calloc(groups, sizeof *owned);
    if (!items || !owned) {
        rc = ag_i_oom(err);
        goto done;
    }
    for (long c = 0; c < e->summary.communities; c++) {
        size_t len = 0, col;
        FILE *fp;
        if (size[c] < 2)
            continue;
        if (!(fp = open_memstream(&owned[k], &len))) {
            rc = ag_i_oom(err);
            goto done;
        }
        /* Lines stay under MD_WIDTH columns, continued under the item's
         * text, as the page has always been written: a break comes before
         * ", name". */
        col = (size_t)snprintf(NULL, 0, "%zu. ", k + 1);
        for (size_t v = 0, firstm = 1; v < e->graph.n; v++)
            if (e->summary.membership[v] == c) {
                size_t w = (firstm ? 0 : 2) + ag_i_utf8_width(actor_name(r, e, v));
                if (!firstm && col + w > MD_WIDTH) {
                    fputs("\n   ", fp);
                    col = 3;
                }
                fprintf(fp, "%s%s", firstm ? "" : ", ", actor_name(r, e, v));
                col += w;
                firstm = 0;
            }
        if (fclose(fp) != 0) {
            rc = ag_i_oom(err);
            goto done;
        }
        items[k] = owned[k];
        k++;
    }
    if ((rc = ag_doc_list(doc, R, true, items, k, err)) != AG_OK)
        goto done;
    if (alone)
        rc = ag_doc_paragraphf(doc, R, err, "%zu %s on %s own", alone,
                               plural(alone, "actor", "actors"), plural(alone, "its", "their"));
metrics:
    if (rc != AG_OK)
        goto done;
    if (!(shown = calloc(e->graph.n, sizeof *shown))) {
        rc = ag_i_oom(err);
        goto done;
    }
    rc = page_metrics(r, e, true, NULL, doc, shown, err);
done:
    for (size_t i = 0; owned && i < groups; i++)
        free(owned[i]);
    free(owned);
    free(items);
    free(size);
    free(shown);
    return rc;
}

static ag_status_t reading_page(const ag_report_t *r, ag_doc_t *doc, ag_error_t *err)
{
    char topbuf[32], *title = NULL;
    ag_status_t rc;

    if (page_top(r) == LONG_MAX)
        snprintf(topbuf, sizeof topbuf, "all");
    else
        snprintf(topbuf, sizeof topbuf, "at most %ld", page_top(r));
    if (asprintf(&title, "%s: centrality by era", r->ds->name ? r->ds->name : "dataset") < 0)
        return ag_i_oom(err);
    rc = ag_doc_title(doc, AG_FOR_READING, title, err);
    free(title);
    if (rc == AG_OK)
        rc = ag_doc_paragraphf(doc, AG_FOR_READING, err,
                               "%s level, %s ties. Each measure lists its top actors (%s; ties "
                               "share a rank; values of 0 are left out). Definitions: "
                               "docs/METHODS.md.",
                               r->opts.level == AG_LEVEL_STATE ? "State" : "Actor",
                               ag_ties_name(r->opts.ties), topbuf);
    for (size_t i = 0; rc == AG_OK && i < r->n_eras; i++)
        rc = reading_era(r, &r->eras[i], doc, err);
    return rc;
}

ag_status_t ag_report_page(const ag_report_t *r, unsigned audience, ag_doc_t *doc,
                           ag_error_t *err)
{
    ag_status_t rc = AG_OK;
    if (audience & AG_FOR_TERMINAL)
        rc = terminal_page(r, doc, err);
    if (rc == AG_OK && audience & AG_FOR_READING)
        rc = reading_page(r, doc, err);
    if (rc == AG_OK && audience & AG_FOR_MACHINE) {
        ag_table_t t;
        if ((rc = ag_report_tidy(r, &t, err)) != AG_OK) {
            ag_table_destroy(&t);
            return rc;
        }
        if ((rc = ag_doc_table(doc, AG_FOR_MACHINE | AG_BLOCK_DATA, "report", NULL, &t, err)) !=
            AG_OK)
            return rc;
        rc = ag_doc_set_json(doc, ag_report_json(r), err);
    }
    return rc;
}

ag_status_t ag_report_write(const ag_report_t *r, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    ag_doc_t doc;
    ag_status_t rc;
    if (fmt == AG_FMT_CSV) {
        /* Row by row: the tidy table of a large report (millions of rows)
         * need not be held as strings first. */
        csv_row(fp, tidy_head, err);
        if ((rc = tidy_rows(r, csv_row, fp, err)) != AG_OK)
            return rc;
        return ag_i_io_check(fp, err);
    }
    ag_doc_init(&doc);
    rc = ag_report_page(r, ag_doc_audience(fmt), &doc, err);
    if (rc == AG_OK)
        rc = ag_doc_write(&doc, fmt, fp, err);
    ag_doc_destroy(&doc);
    return rc;
}
