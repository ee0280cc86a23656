/*
 * timeline_page.c: the timeline's pages (timeline.h): for people, per
 * metric a matrix of windows by actors with a legend of the actors shown;
 * for machines the long table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/pages.h"
#include "actorgraph/timeline.h"
#include "pages/backend.h"

/* The label of a window: "1947–1956" when it is whole years, else its
 * dates. buf holds 64 bytes. */
static const char *window_label(const char *start, const char *end, char *buf)
{
    if (strcmp(start + 4, "-01-01") == 0 && strcmp(end + 4, "-12-31") == 0)
        snprintf(buf, 64, "%.4s\xe2\x80\x93%.4s", start, end);
    else
        snprintf(buf, 64, "%s/%s", start, end);
    return buf;
}

/* Column indices of the long table (timeline.h). */
enum { C_WINDOW, C_START, C_END, C_LEVEL, C_TIES, C_ACTOR, C_NAME, C_METRIC, C_VALUE, C_RANK };

typedef struct {
    const char *id;
    const char *name;
    double best;
} pick_t;

static int cmp_pick(const void *a, const void *b)
{
    const pick_t *x = a, *y = b;
    if (x->best != y->best)
        return x->best > y->best ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* The legend under a matrix: "ID name" joined by sep (caller frees; NULL
 * on lack of memory). */
static char *legend(const pick_t *picks, size_t n, const char *sep)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    if (!fp)
        return NULL;
    for (size_t i = 0; i < n; i++)
        fprintf(fp, "%s%s %s", i ? sep : "", picks[i].id, picks[i].name);
    if (fclose(fp) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* For people: per metric a heading, the matrix and the legend. */
static ag_status_t people_page(const ag_table_t *t, unsigned mask, const char *actors,
                               long top, const char *what, ag_doc_t *doc, ag_error_t *err)
{
    for (int k = 0; k < AG_M_COUNT; k++) {
        const char *metric = ag_metric_name((ag_metric_t)k);
        pick_t *picks = NULL;
        size_t n_picks = 0, cap = 0, n_cols;
        ag_table_t out;
        const char **head = NULL, **cells = NULL;
        char (*short_value)[32] = NULL;
        ag_coltype_t *type = NULL;
        ag_status_t rc;
        if (!(mask & (1u << k)))
            continue;
        /* The actors: those asked for, or the top ones by best value. */
        for (size_t r = 0; r < t->nrows; r++) {
            const char *id = ag_table_cell(t, r, C_ACTOR);
            double v = strtod(ag_table_cell(t, r, C_VALUE), NULL);
            size_t i = 0;
            if (strcmp(ag_table_cell(t, r, C_METRIC), metric) != 0)
                continue;
            while (i < n_picks && strcmp(picks[i].id, id) != 0)
                i++;
            if (i == n_picks) {
                if (n_picks == cap) {
                    pick_t *p = realloc(picks, (cap = cap ? 2 * cap : 16) * sizeof *p);
                    if (!p)
                        goto oom;
                    picks = p;
                }
                picks[n_picks].id = id;
                picks[n_picks].name = ag_table_cell(t, r, C_NAME);
                picks[n_picks++].best = v;
            } else if (v > picks[i].best) {
                picks[i].best = v;
            }
        }
        if (actors) {
            /* Keep the order asked for; unknown ids were rejected before. */
            size_t kept = 0;
            char *list = strdup(actors), *save = NULL;
            if (!list)
                goto oom;
            for (char *id = strtok_r(list, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
                for (size_t i = kept; i < n_picks; i++)
                    if (strcmp(picks[i].id, id) == 0) {
                        pick_t tmp = picks[kept];
                        picks[kept++] = picks[i];
                        picks[i] = tmp;
                        break;
                    }
            }
            free(list);
            n_picks = kept;
        } else {
            qsort(picks, n_picks, sizeof *picks, cmp_pick);
            if ((size_t)top < n_picks)
                n_picks = (size_t)top;
        }
        n_cols = n_picks + 1;
        head = calloc(n_cols, sizeof *head);
        cells = calloc(n_cols, sizeof *cells);
        type = calloc(n_cols, sizeof *type);
        short_value = calloc(n_cols, sizeof *short_value);
        if (!head || !cells || !type || !short_value)
            goto oom;
        head[0] = "window";
        type[0] = AG_COL_TEXT;
        for (size_t i = 0; i < n_picks; i++) {
            head[i + 1] = picks[i].id;
            type[i + 1] = AG_COL_NUMBER;
        }
        if (ag_table_init(&out, n_cols, head, type, err) != AG_OK)
            goto oom;
        /* One row per window, in order; the long table is grouped by window. */
        for (size_t r = 0; r < t->nrows;) {
            size_t end = r;
            char label[64];
            while (end < t->nrows &&
                   strcmp(ag_table_cell(t, end, C_WINDOW), ag_table_cell(t, r, C_WINDOW)) == 0)
                end++;
            cells[0] = window_label(ag_table_cell(t, r, C_START), ag_table_cell(t, r, C_END), label);
            for (size_t i = 0; i < n_picks; i++) {
                cells[i + 1] = "";
                for (size_t q = r; q < end; q++)
                    if (strcmp(ag_table_cell(t, q, C_METRIC), metric) == 0 &&
                        strcmp(ag_table_cell(t, q, C_ACTOR), picks[i].id) == 0) {
                        /* Four digits read at a glance; csv has all ten. */
                        ag_doc_number(strtod(ag_table_cell(t, q, C_VALUE), NULL),
                                      AG_NUM_SHORT, short_value[i]);
                        cells[i + 1] = short_value[i];
                    }
            }
            if (ag_table_add(&out, cells, err) != AG_OK) {
                ag_table_destroy(&out);
                goto oom;
            }
            r = end;
        }
        {
            char h[1024];
            snprintf(h, sizeof h, "%s: %s", metric, what);
            if ((rc = ag_doc_heading(doc, 0, 2, metric, h, err)) == AG_OK)
                rc = ag_doc_table(doc, 0, NULL, h, &out, err);
        }
        if (rc == AG_OK && n_picks) {
            /* Ids in the header, names below: the table stays narrow. */
            char *term = legend(picks, n_picks, " \xc2\xb7 "), *read = legend(picks, n_picks, "; ");
            if (!term || !read)
                rc = ag_i_oom(err);
            if (rc == AG_OK)
                rc = ag_doc_paragraph(doc, AG_FOR_TERMINAL, term, err);
            if (rc == AG_OK)
                rc = ag_doc_paragraph(doc, AG_FOR_READING, read, err);
            free(term);
            free(read);
        }
        ag_table_destroy(&out);
        free(picks);
        free(head);
        free(cells);
        free(type);
        free(short_value);
        if (rc != AG_OK)
            return rc;
        continue;
    oom:
        free(picks);
        free(head);
        free(cells);
        free(type);
        free(short_value);
        return ag_i_oom(err);
    }
    return AG_OK;
}

ag_status_t ag_timeline_page(const ag_table_t *t, unsigned mask, const char *actors, long top,
                             const char *what, unsigned audience, ag_doc_t *doc,
                             ag_error_t *err)
{
    ag_status_t rc;
    if (audience & AG_FOR_PEOPLE &&
        (rc = people_page(t, mask, actors, top, what, doc, err)) != AG_OK)
        return rc;
    if (audience & AG_FOR_MACHINE)
        return ag_doc_table_ref(doc, AG_FOR_MACHINE | AG_BLOCK_DATA, "timeline", NULL, t, err);
    return AG_OK;
}

ag_status_t ag_timeline_write_matrix(const ag_table_t *t, unsigned mask, const char *actors,
                                     long top, const char *what, ag_format_t fmt, FILE *fp,
                                     ag_error_t *err)
{
    ag_doc_t doc;
    ag_status_t rc;
    ag_doc_init(&doc);
    rc = ag_timeline_page(t, mask, actors, top, what, ag_doc_audience(fmt), &doc, err);
    if (rc == AG_OK)
        rc = ag_doc_write(&doc, fmt, fp, err);
    ag_doc_destroy(&doc);
    /* The page has always ended with a blank line. */
    if (rc == AG_OK && (fputc('\n', fp) == EOF || ferror(fp)))
        rc = ag_i_io_check(fp, err);
    return rc;
}

