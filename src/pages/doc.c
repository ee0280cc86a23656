/*
 * doc.c: the document model (doc.h): building a document, dispatching it
 * to the back-end of a format, and what every back-end and page shares —
 * the I/O check, the out-of-memory path and the number formatter.
 */
#include "actorgraph/doc.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "pages/backend.h"

ag_status_t ag_i_oom(ag_error_t *err)
{
    return ag_error_set(err, AG_ENOMEM, NULL, 0, "out of memory");
}

ag_status_t ag_i_io_check(FILE *fp, ag_error_t *err)
{
    if (!ferror(fp))
        return AG_OK;
    return ag_error_set(err, AG_EIO, NULL, 0, "write error: %s",
                        strerror(errno ? errno : EIO));
}

bool ag_i_block_for(const ag_block_t *b, unsigned who)
{
    unsigned aud = b->flags & AG_FOR_ALL;
    return ((aud ? aud : AG_FOR_PEOPLE) & who) != 0;
}

unsigned ag_doc_audience(ag_format_t fmt)
{
    switch (fmt) {
    case AG_FMT_TABLE: return AG_FOR_TERMINAL;
    case AG_FMT_MD:
    case AG_FMT_HTML: return AG_FOR_READING;
    case AG_FMT_CSV:
    case AG_FMT_JSON: break;
    }
    return AG_FOR_MACHINE;
}

void ag_i_doc_blocks(const ag_doc_t *d, unsigned who, ag_format_t fmt, bool tight,
                     void (*write)(const ag_block_t *b, FILE *fp), FILE *fp)
{
    bool first = true;
    for (size_t i = 0; i < d->n_blocks; i++) {
        const ag_block_t *b = &d->blocks[i];
        if (!ag_i_block_for(b, who) || (b->kind == AG_BLOCK_RAW && b->raw_format != fmt))
            continue;
        if (!first && !(tight && b->flags & AG_BLOCK_TIGHT))
            fputc('\n', fp);
        first = false;
        write(b, fp);
    }
}

void ag_i_list_items(const ag_block_t *b, FILE *fp)
{
    for (size_t i = 0; i < b->n_items; i++) {
        if (b->ordered)
            fprintf(fp, "%zu. ", i + 1);
        else
            fputs("- ", fp);
        fprintf(fp, "%s\n", b->items[i]);
    }
}

void ag_doc_init(ag_doc_t *d)
{
    memset(d, 0, sizeof *d);
}

static void block_destroy(ag_block_t *b)
{
    free(b->text);
    free(b->id);
    free(b->target);
    free(b->alt);
    free(b->caption);
    ag_table_destroy(&b->table);
    for (size_t i = 0; i < b->n_items; i++)
        free(b->items[i]);
    free(b->items);
    memset(b, 0, sizeof *b);
}

void ag_doc_destroy(ag_doc_t *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_blocks; i++)
        block_destroy(&d->blocks[i]);
    free(d->blocks);
    json_decref(d->json);
    memset(d, 0, sizeof *d);
}

/* Copies s unless it is NULL; false on lack of memory. */
static bool copy(char **dst, const char *s)
{
    *dst = NULL;
    return !s || (*dst = ag_i_strdup(s)) != NULL;
}

/* Appends b (its strings already owned by it); on failure frees them. */
static ag_status_t push(ag_doc_t *d, ag_block_t *b, ag_error_t *err)
{
    if (!ag_i_grow((void **)&d->blocks, &d->cap, d->n_blocks + 1, sizeof *d->blocks)) {
        block_destroy(b);
        return ag_i_oom(err);
    }
    d->blocks[d->n_blocks++] = *b;
    return AG_OK;
}

/* A block of kind with text, id and target copied. */
static ag_status_t add(ag_doc_t *d, ag_block_kind_t kind, unsigned flags, int level,
                       const char *text, const char *id, const char *target, ag_error_t *err)
{
    ag_block_t b;
    memset(&b, 0, sizeof b);
    b.kind = kind;
    b.flags = flags;
    b.level = level;
    if (!copy(&b.text, text) || !copy(&b.id, id) || !copy(&b.target, target)) {
        block_destroy(&b);
        return ag_i_oom(err);
    }
    return push(d, &b, err);
}

ag_status_t ag_doc_title(ag_doc_t *d, unsigned flags, const char *text, ag_error_t *err)
{
    return add(d, AG_BLOCK_TITLE, flags, 1, text, NULL, NULL, err);
}

ag_status_t ag_doc_heading(ag_doc_t *d, unsigned flags, int level, const char *id,
                           const char *text, ag_error_t *err)
{
    level = level < 2 ? 2 : level > 6 ? 6 : level;
    return add(d, AG_BLOCK_HEADING, flags, level, text, id, NULL, err);
}

ag_status_t ag_doc_paragraph(ag_doc_t *d, unsigned flags, const char *text, ag_error_t *err)
{
    return add(d, AG_BLOCK_PARAGRAPH, flags, 0, text, NULL, NULL, err);
}

ag_status_t ag_doc_paragraphf(ag_doc_t *d, unsigned flags, ag_error_t *err, const char *fmt,
                              ...)
{
    va_list ap;
    char *s = NULL;
    int n;
    ag_status_t rc;
    va_start(ap, fmt);
    n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0)
        return ag_i_oom(err);
    rc = ag_doc_paragraph(d, flags, s, err);
    free(s);
    return rc;
}

static ag_status_t add_table(ag_doc_t *d, unsigned flags, const char *id, const char *caption,
                             ag_table_t *owned, const ag_table_t *ref, ag_error_t *err)
{
    ag_block_t b;
    memset(&b, 0, sizeof b);
    b.kind = AG_BLOCK_TABLE;
    b.flags = flags;
    if (owned) {
        b.table = *owned;
        memset(owned, 0, sizeof *owned);
    }
    b.ref = ref;
    if (!copy(&b.id, id) || !copy(&b.caption, caption)) {
        block_destroy(&b);
        return ag_i_oom(err);
    }
    return push(d, &b, err);
}

ag_status_t ag_doc_table(ag_doc_t *d, unsigned flags, const char *id, const char *caption,
                         ag_table_t *t, ag_error_t *err)
{
    return add_table(d, flags, id, caption, t, NULL, err);
}

ag_status_t ag_doc_table_ref(ag_doc_t *d, unsigned flags, const char *id, const char *caption,
                             const ag_table_t *t, ag_error_t *err)
{
    return add_table(d, flags, id, caption, NULL, t, err);
}

const ag_table_t *ag_doc_block_table(const ag_block_t *b)
{
    return b->ref ? b->ref : &b->table;
}

ag_status_t ag_doc_list(ag_doc_t *d, unsigned flags, bool ordered, const char *const *items,
                        size_t n, ag_error_t *err)
{
    ag_block_t b;
    memset(&b, 0, sizeof b);
    b.kind = AG_BLOCK_LIST;
    b.flags = flags;
    b.ordered = ordered;
    if (!(b.items = calloc(n ? n : 1, sizeof *b.items)))
        return ag_i_oom(err);
    for (; b.n_items < n; b.n_items++)
        if (!copy(&b.items[b.n_items], items[b.n_items] ? items[b.n_items] : "")) {
            block_destroy(&b);
            return ag_i_oom(err);
        }
    return push(d, &b, err);
}

ag_status_t ag_doc_figure(ag_doc_t *d, unsigned flags, const char *path, const char *alt,
                          const char *caption, ag_error_t *err)
{
    ag_block_t b;
    memset(&b, 0, sizeof b);
    b.kind = AG_BLOCK_FIGURE;
    b.flags = flags;
    if (!copy(&b.target, path) || !copy(&b.alt, alt ? alt : "") || !copy(&b.text, caption)) {
        block_destroy(&b);
        return ag_i_oom(err);
    }
    return push(d, &b, err);
}

ag_status_t ag_doc_link(ag_doc_t *d, unsigned flags, const char *target, const char *text,
                        ag_error_t *err)
{
    return add(d, AG_BLOCK_LINK, flags, 0, text ? text : target, NULL, target, err);
}

ag_status_t ag_doc_raw(ag_doc_t *d, unsigned flags, ag_format_t fmt, const char *text,
                       ag_error_t *err)
{
    ag_status_t rc = add(d, AG_BLOCK_RAW, flags, 0, text, NULL, NULL, err);
    if (rc == AG_OK)
        d->blocks[d->n_blocks - 1].raw_format = fmt;
    return rc;
}

ag_status_t ag_doc_set_json(ag_doc_t *d, json_t *j, ag_error_t *err)
{
    if (!j)
        return ag_i_oom(err);
    json_decref(d->json);
    d->json = j;
    return AG_OK;
}

ag_status_t ag_doc_write(const ag_doc_t *d, ag_format_t fmt, FILE *fp, ag_error_t *err)
{
    ag_status_t rc;
    switch (fmt) {
    case AG_FMT_TABLE: rc = ag_i_doc_text(d, fp, err); break;
    case AG_FMT_MD: rc = ag_i_doc_md(d, fp, err); break;
    case AG_FMT_CSV: rc = ag_i_doc_csv(d, fp, err); break;
    case AG_FMT_JSON: rc = ag_i_doc_json(d, fp, err); break;
    case AG_FMT_HTML: rc = ag_i_doc_html(d, fp, err); break;
    default:
        return ag_error_set(err, AG_EUSAGE, NULL, 0, "unknown format %d", (int)fmt);
    }
    if (rc != AG_OK)
        return rc;
    return ag_i_io_check(fp, err);
}

char *ag_doc_number(double v, ag_num_style_t style, char *buf)
{
    /* One rule for every page for people (docs/METHODS.md, "Output"): the
     * tables of compare, balance and explain and the timeline's matrix
     * show numbers as AG_NUM_PEOPLE does. */
    style = style == AG_NUM_TABLE || style == AG_NUM_SHORT ? AG_NUM_PEOPLE : style;
    switch (style) {
    case AG_NUM_TABLE:
    case AG_NUM_DATA:
        if (isnan(v)) {
            buf[0] = '\0';
            return buf;
        }
        return ag_i_fmt_num(v, buf);
    case AG_NUM_SHORT:
        snprintf(buf, 32, "%.4g", v);
        return buf;
    case AG_NUM_PEOPLE:
        break;
    }
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

const char *ag_i_head_people(const char *h, char *buf, size_t n)
{
    static const char *const words[][2] = {
        { "value_a", "in A" },       { "value_b", "in B" },       { "rank_a", "rank in A" },
        { "rank_b", "rank in B" },   { "sign_a", "sign in A" },   { "sign_b", "sign in B" },
        { "actor_a", "actor in A" }, { "actor_b", "actor in B" }, { "era_a", "era A" },
        { "era_b", "era B" },        { "W", "W" },
    };
    size_t k = 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(h, words[i][0]) == 0)
            return words[i][1];
    if (!strchr(h, '_'))
        return h;
    for (; h[k] && k + 1 < n; k++)
        buf[k] = h[k] == '_' ? ' ' : h[k];
    buf[k] = '\0';
    return buf;
}
