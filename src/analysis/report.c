/*
 * report.c: centralities and summary figures per era, in every output
 * format (see report.h and docs/METHODS.md, "Output").
 *
 * CSV is the long tidy table (one row per era, actor and metric); JSON an
 * object per era; table and md a page per era for people: a title, the
 * summary figures, the communities, then the top actors of each metric
 * side by side (in text as many metrics as fit the width, with a legend of
 * the ids shown; in md the undirected measures, then the directed ones,
 * with names). All go through table.h so that quoting and alignment are
 * the same in every command.
 */
#include "actorgraph/report.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

/* Actors listed per metric on a page when the caller sets no top. */
#define PAGE_TOP 5

static ag_status_t oom(ag_error_t *err)
{
    return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
}

/* ---- building ---- */

ag_status_t ag_report_init(ag_report_t *r, const ag_dataset_t *ds,
                           const ag_report_opts_t *opts, ag_error_t *err)
{
    memset(r, 0, sizeof *r);
    r->ds = ds;
    r->opts = *opts;
    r->opts.metrics &= AG_METRICS_ALL;
    if (opts->types) {
        bool *t = malloc((ds->n_types ? ds->n_types : 1) * sizeof *t);
        if (!t) {
            memset(r, 0, sizeof *r);
            return oom(err);
        }
        memcpy(t, opts->types, ds->n_types * sizeof *t);
        r->opts.types = t;
    }
    return AG_OK;
}

static void era_destroy(ag_report_era_t *e)
{
    free(e->id);
    free(e->name);
    free(e->period);
    ag_era_graph_destroy(&e->graph);
    ag_metrics_destroy(&e->metrics);
    for (int m = 0; m < AG_M_COUNT; m++)
        free(e->rank[m]);
    ag_summary_destroy(&e->summary);
    memset(e, 0, sizeof *e);
}

void ag_report_destroy(ag_report_t *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_eras; i++)
        era_destroy(&r->eras[i]);
    free(r->eras);
    free((bool *)r->opts.types);
    memset(r, 0, sizeof *r);
}

ag_status_t ag_report_add_window(ag_report_t *r, const char *id, const char *name,
                                 const char *period, int32_t first, int32_t last,
                                 ag_error_t *err)
{
    ag_report_era_t e, *grown;
    ag_slice_opts_t so;
    ag_status_t rc;

    memset(&e, 0, sizeof e);
    e.first = first;
    e.last = last;
    e.id = ag_i_strdup(id);
    e.name = ag_i_strdup(name ? name : id);
    e.period = ag_i_strdup(period);
    if (!e.id || !e.name || !e.period) {
        rc = oom(err);
        goto fail;
    }
    ag_slice_opts_default(&so);
    so.first = first;
    so.last = last;
    so.level = r->opts.level;
    so.ties = r->opts.ties;
    so.types = r->opts.types;
    if ((rc = ag_era_graph_init(&e.graph, r->ds, &so, err)) != AG_OK)
        goto fail;
    if ((rc = ag_metrics_compute(&e.graph, r->opts.metrics, &e.metrics, err)) != AG_OK)
        goto fail;
    for (int m = 0; m < AG_M_COUNT; m++) {
        if (!e.metrics.value[m])
            continue;
        if (!(e.rank[m] = malloc((e.graph.n ? e.graph.n : 1) * sizeof *e.rank[m]))) {
            rc = oom(err);
            goto fail;
        }
        if ((rc = ag_rank(e.metrics.value[m], e.graph.n, e.rank[m], err)) != AG_OK)
            goto fail;
    }
    if ((rc = ag_summary_compute(&e.graph, &e.summary, err)) != AG_OK)
        goto fail;
    if (!(grown = realloc(r->eras, (r->n_eras + 1) * sizeof *grown))) {
        rc = oom(err);
        goto fail;
    }
    r->eras = grown;
    r->eras[r->n_eras++] = e;
    return AG_OK;
fail:
    era_destroy(&e);
    return rc;
}

ag_status_t ag_report_add_era(ag_report_t *r, long era, ag_error_t *err)
{
    const ag_era_t *e = &r->ds->eras[era];
    return ag_report_add_window(r, e->id, e->name, e->period_text, e->period.first,
                                e->period.last, err);
}

/* ---- the tidy table ---- */

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

ag_status_t ag_report_tidy(const ag_report_t *r, ag_table_t *t, ag_error_t *err)
{
    static const char *const head[] = { "era", "level", "ties", "actor",
                                        "name", "metric", "value", "rank" };
    static const ag_coltype_t type[] = { AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_TEXT, AG_COL_TEXT, AG_COL_TEXT,
                                         AG_COL_NUMBER, AG_COL_NUMBER };
    const char *level = ag_level_name(r->opts.level), *ties = ag_ties_name(r->opts.ties);
    ag_status_t rc;

    if ((rc = ag_table_init(t, 8, head, type, err)) != AG_OK)
        return rc;
    for (size_t i = 0; i < r->n_eras; i++) {
        const ag_report_era_t *e = &r->eras[i];
        /* Vertices are in actor-id order already (era.h). */
        for (size_t v = 0; v < e->graph.n; v++)
            for (int m = 0; m < AG_M_COUNT; m++) {
                char val[32], rank[32];
                const char *row[8];
                if (!e->metrics.value[m] || !kept(r, e, m, v))
                    continue;
                ag_format_number(e->metrics.value[m][v], val);
                snprintf(rank, sizeof rank, "%ld", e->rank[m][v]);
                row[0] = e->id;
                row[1] = level;
                row[2] = ties;
                row[3] = actor_id(r, e, v);
                row[4] = actor_name(r, e, v);
                row[5] = ag_metric_name((ag_metric_t)m);
                row[6] = val;
                row[7] = rank;
                if ((rc = ag_table_add(t, row, err)) != AG_OK)
                    return rc;
            }
    }
    return AG_OK;
}

/* ---- JSON ---- */

/* A number as printed in CSV ("%.10g"), NaN as null. */
static json_t *json_num(double v)
{
    char buf[32];
    if (isnan(v))
        return json_null();
    ag_format_number(v, buf);
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
            row[k] = ag_format_number(e->metrics.value[m][v], buf[k - 2]);
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

/* ---- pages (table and md) ---- */

/* A value for people: integers as such, others to 4 significant digits. */
static char *short_num(double v, char *buf)
{
    if (isnan(v))
        snprintf(buf, 32, "-");
    else if (fabs(v) < 1e-10)
        snprintf(buf, 32, "0");
    else if (v == floor(v) && fabs(v) < 1e15)
        snprintf(buf, 32, "%.0f", v);
    else if (fabs(v) >= 1000)
        snprintf(buf, 32, "%.1f", v);
    else
        snprintf(buf, 32, "%.4g", v);
    return buf;
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

static const ag_report_era_t *sort_era;
static int sort_metric;

static int cmp_shown(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    const long *rank = sort_era->rank[sort_metric];
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
    sort_era = e;
    sort_metric = m;
    qsort(col->v, col->n, sizeof *col->v, cmp_shown);
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
 * column of its top actors. In text a cell is "ID  value", padded so that
 * the values of a column line up, and the block is indented; in md each
 * metric has a name column and a value column. shown[v] is set for each
 * vertex listed.
 */
static ag_status_t page_block(const ag_report_t *r, const ag_report_era_t *e, const int *ms,
                              size_t k, column_t *cols, ag_format_t fmt, FILE *fp,
                              bool *shown, ag_error_t *err)
{
    const char *head[2 * AG_M_COUNT];
    ag_coltype_t type[2 * AG_M_COUNT];
    char *cells[2 * AG_M_COUNT] = { NULL };
    size_t rows = 0, nc = 0;
    bool md = fmt == AG_FMT_MD;
    ag_table_t t;
    ag_status_t rc;

    memset(&t, 0, sizeof t);
    for (size_t j = 0; j < k; j++) {
        const column_t *col = &cols[ms[j]];
        size_t n = col->n + (col->more ? 1 : 0);
        if (n > rows)
            rows = n;
        head[nc] = ag_metric_name((ag_metric_t)ms[j]);
        type[nc++] = AG_COL_TEXT;
        if (md) {
            head[nc] = "";
            type[nc++] = AG_COL_NUMBER;
        }
    }
    if ((rc = ag_table_init(&t, nc, head, type, err)) != AG_OK)
        goto done;
    for (size_t c = 0; c < nc; c++)
        if (!(cells[c] = malloc(1024))) {
            rc = oom(err);
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
        if ((rc = ag_table_add(&t, (const char *const *)cells, err)) != AG_OK)
            goto done;
    }
    if (md) {
        rc = ag_table_write(&t, fmt, fp, err);
    } else {
        /* The table indented under the era's title. */
        char *buf = NULL;
        size_t n = 0;
        FILE *mem = open_memstream(&buf, &n);
        if (!mem) {
            rc = oom(err);
            goto done;
        }
        rc = ag_table_write(&t, fmt, mem, err);
        if (fclose(mem) != 0 && rc == AG_OK)
            rc = oom(err);
        for (char *line = buf; rc == AG_OK && line && *line;) {
            char *nl = strchr(line, '\n');
            size_t len = nl ? (size_t)(nl - line) : strlen(line);
            /* Trailing blanks of short columns are noise. */
            while (len > 0 && line[len - 1] == ' ')
                len--;
            fprintf(fp, "  %.*s\n", (int)len, line);
            line = nl ? nl + 1 : NULL;
        }
        free(buf);
    }
done:
    for (size_t c = 0; c < 2 * AG_M_COUNT; c++)
        free(cells[c]);
    ag_table_destroy(&t);
    return rc;
}

/* The top actors of every metric, in blocks that fit the page: as many
 * metrics side by side as fit in the width (text), or the undirected and
 * the directed measures (md). */
static ag_status_t page_metrics(const ag_report_t *r, const ag_report_era_t *e,
                                ag_format_t fmt, FILE *fp, bool *shown, ag_error_t *err)
{
    column_t cols[AG_M_COUNT];
    int ms[AG_M_COUNT];
    size_t k = 0, used = 2, limit = r->opts.width > 0 ? (size_t)r->opts.width : 100;
    bool md = fmt == AG_FMT_MD, first = true;
    ag_status_t rc = AG_OK;

    memset(cols, 0, sizeof cols);
    for (int m = 0; m < AG_M_COUNT; m++)
        if (e->metrics.value[m] && !column_init(r, e, m, &cols[m])) {
            rc = oom(err);
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
            if (!first)
                fputc('\n', fp);
            first = false;
            rc = page_block(r, e, ms, k, cols, fmt, fp, shown, err);
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

/* The summary figures: what the slice holds, then the graph under the
 * chosen ties. */
static void page_summary(const ag_report_t *r, const ag_report_era_t *e, FILE *fp, bool md,
                         size_t limit)
{
    const ag_summary_t *s = &e->summary;
    size_t zero = s->dyads - s->positive_dyads - s->negative_dyads;
    char a[32], b[32];
    wrap_t w = { fp, md ? "" : "  ", md ? "" : "    ", limit, 0, false };
    char buf[256];

    snprintf(buf, sizeof buf, "%zu %s, %zu %s, %zu %s (%zu positive, %zu negative",
             s->vertices, plural(s->vertices, "actor", "actors"), s->relations,
             plural(s->relations, "relation", "relations"), s->dyads,
             plural(s->dyads, "dyad", "dyads"), s->positive_dyads, s->negative_dyads);
    wrap_word(&w, buf, " ");
    if (zero) {
        snprintf(buf, sizeof buf, ", %zu net zero", zero);
        wrap_word(&w, buf, "");
    }
    wrap_word(&w, md ? ")." : ")", "");
    if (!md)
        wrap_end(&w);
    snprintf(buf, sizeof buf, "%s %s ties: %zu %s, density %s, %ld %s, transitivity %s%s",
             md ? "Graph of" : "graph of", ag_ties_name(r->opts.ties), s->edges,
             plural(s->edges, "edge", "edges"), short_num(s->density, a), s->components,
             plural((size_t)s->components, "component", "components"),
             short_num(s->transitivity, b), md ? "." : "");
    wrap_word(&w, buf, " ");
    wrap_end(&w);
}

/* The communities with two or more members, then how many stand alone. */
static ag_status_t page_communities(const ag_report_t *r, const ag_report_era_t *e, FILE *fp,
                                    bool md, size_t limit, ag_error_t *err)
{
    const ag_summary_t *s = &e->summary;
    size_t alone = 0, groups = 0, k = 0;
    char buf[600], num[32];
    long *size = calloc((size_t)s->communities + 1, sizeof *size);

    if (!size)
        return oom(err);
    for (size_t v = 0; v < e->graph.n; v++)
        size[s->membership[v]]++;
    for (long c = 0; c < s->communities; c++) {
        if (size[c] > 1)
            groups++;
        else
            alone++;
    }
    if (groups == 0) {
        fprintf(fp, "%sNo blocs on net-positive ties%s\n", md ? "\n" : "  ", md ? "." : "");
        free(size);
        return AG_OK;
    }
    snprintf(buf, sizeof buf, "%zu %s on net-positive ties, enemies apart (Leiden, modularity %s)",
             groups, plural(groups, "bloc", "blocs"), short_num(s->modularity, num));
    if (md)
        fprintf(fp, "\n%s:\n\n", buf);
    else
        fprintf(fp, "  %s:\n", buf);
    for (long c = 0; c < s->communities; c++) {
        char lead[32], ind[32];
        wrap_t w = { fp, lead, ind, limit, 0, false };
        if (size[c] < 2)
            continue;
        k++;
        if (md) {
            snprintf(lead, sizeof lead, "%zu. ", k);
            snprintf(ind, sizeof ind, "   ");
        } else {
            snprintf(lead, sizeof lead, "  %3zu  ", k);
            snprintf(ind, sizeof ind, "       ");
        }
        for (size_t v = 0, firstm = 1; v < e->graph.n; v++) {
            if (s->membership[v] != c)
                continue;
            if (md)
                snprintf(buf, sizeof buf, "%s%s", firstm ? "" : ", ", actor_name(r, e, v));
            else
                snprintf(buf, sizeof buf, "%s", actor_id(r, e, v));
            wrap_word(&w, buf, md ? "" : " ");
            firstm = 0;
        }
        wrap_end(&w);
    }
    if (alone)
        fprintf(fp, "%s%zu %s on %s own\n", md ? "\n" : "       ", alone,
                plural(alone, "actor", "actors"), plural(alone, "its", "their"));
    free(size);
    return AG_OK;
}

static ag_status_t page(const ag_report_t *r, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    bool md = fmt == AG_FMT_MD;
    size_t limit = md ? 1000 : r->opts.width > 0 ? (size_t)r->opts.width : 100;
    char topbuf[32];
    ag_status_t rc = AG_OK;

    if (page_top(r) == LONG_MAX)
        snprintf(topbuf, sizeof topbuf, "all");
    else
        snprintf(topbuf, sizeof topbuf, "at most %ld", page_top(r));
    if (md)
        fprintf(fp,
                "# %s: centrality by era\n\n"
                "%s level, %s ties. Each measure lists its top actors (%s; ties share "
                "a rank; values of 0 are left out). Definitions: docs/METHODS.md.\n",
                r->ds->name ? r->ds->name : "dataset",
                r->opts.level == AG_LEVEL_STATE ? "State" : "Actor",
                ag_ties_name(r->opts.ties), topbuf);
    for (size_t i = 0; i < r->n_eras && rc == AG_OK; i++) {
        const ag_report_era_t *e = &r->eras[i];
        bool *shown;

        if (md)
            fprintf(fp, "\n## %s (`%s`, %s)\n\n", e->name, e->id, e->period);
        else
            fprintf(fp, "%s%s (%s)  %s  \xC2\xB7  %s level, %s ties\n", i ? "\n" : "",
                    e->name, e->id, e->period, ag_level_name(r->opts.level),
                    ag_ties_name(r->opts.ties));
        if (e->graph.n == 0) {
            fputs(md ? "No relations in this period.\n" : "  no relations in this period\n",
                  fp);
            continue;
        }
        page_summary(r, e, fp, md, limit);
        if ((rc = page_communities(r, e, fp, md, limit, err)) != AG_OK)
            break;
        fputc('\n', fp);
        if (!(shown = calloc(e->graph.n, sizeof *shown)))
            return oom(err);
        rc = page_metrics(r, e, fmt, fp, shown, err);
        if (rc == AG_OK && !md) {
            /* Who the ids are. */
            wrap_t legend = { fp, "  ", "  ", limit, 0, false };
            bool any = false;
            for (size_t v = 0; v < e->graph.n; v++) {
                char buf[600];
                if (!shown[v])
                    continue;
                if (!any)
                    fputc('\n', fp);
                any = true;
                snprintf(buf, sizeof buf, "%s %s", actor_id(r, e, v), actor_name(r, e, v));
                wrap_word(&legend, buf, " \xC2\xB7 ");
            }
            wrap_end(&legend);
        }
        free(shown);
    }
    return rc;
}

ag_status_t ag_report_write(const ag_report_t *r, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    ag_status_t rc;
    switch (fmt) {
    case AG_FMT_CSV: {
        ag_table_t t;
        rc = ag_report_tidy(r, &t, err);
        if (rc == AG_OK)
            rc = ag_table_write(&t, AG_FMT_CSV, fp, err);
        ag_table_destroy(&t);
        return rc;
    }
    case AG_FMT_JSON: {
        json_t *j = ag_report_json(r);
        if (!j)
            return oom(err);
        rc = ag_json_write(j, fp, err);
        json_decref(j);
        return rc;
    }
    case AG_FMT_TABLE:
    case AG_FMT_MD:
        break;
    }
    if ((rc = page(r, fmt, fp, err)) != AG_OK)
        return rc;
    if (ferror(fp))
        return ag_error_set(err, AG_EIO, NULL, 0, "write error: %s", strerror(errno));
    return AG_OK;
}
