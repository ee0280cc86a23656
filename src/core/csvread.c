/*
 * csvread.c: streaming RFC 4180 reader over libcsv, with line numbers.
 */
#include "core/csvread.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

typedef struct {
    const ag_i_csv_opts_t *opts;
    const char *path;
    ag_diags_t *diags;
    ag_i_csv_record_fn fn;
    void *ud;
    char **fields;      /* fields of the record being built */
    size_t n, cap;
    long start;         /* line the current record started on */
    long line;          /* line being fed */
    bool in_quote;      /* inside a quoted field at the end of the line fed */
    long quote_line;    /* line where the quoted field still open began */
    bool overlong;      /* a field of this record was too long */
    size_t overlong_len;
    size_t dropped;     /* bytes of the field being parsed dropped as too many */
    int stop;           /* callback's non-zero return */
    bool oom;
    size_t records;
} reader_t;

static void clear_fields(reader_t *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->fields[i]);
    r->n = 0;
    r->overlong = false;
}

static void on_field(void *data, size_t len, void *ud)
{
    reader_t *r = ud;
    char *f;
    len += r->dropped;
    r->dropped = 0;
    if (r->stop || r->oom)
        return;
    if (len > r->opts->max_field) {
        if (!r->overlong)
            r->overlong_len = len;
        r->overlong = true;
        len = 0;
    }
    if (!ag_i_grow((void **)&r->fields, &r->cap, r->n + 1, sizeof *r->fields)) {
        r->oom = true;
        return;
    }
    f = ag_i_strndup(data ? data : "", data ? len : 0);
    if (!f) {
        r->oom = true;
        return;
    }
    r->fields[r->n++] = f;
}

static void on_record(int c, void *ud)
{
    reader_t *r = ud;
    (void)c;
    if (r->stop || r->oom) {
        clear_fields(r);
        return;
    }
    if (r->overlong) {
        ag_diags_add(r->diags, AG_SEV_ERROR, r->path, r->start,
                     "field of %zu bytes is too long (the limit is %zu)",
                     r->overlong_len, r->opts->max_field);
    } else {
        r->records++;
        r->stop = r->fn(r->ud, r->start, r->fields, r->n);
    }
    clear_fields(r);
    r->start = 0;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\n' && s[i] != '\r')
            return false;
    return true;
}

/* libcsv drops spaces and tabs around fields by default; RFC 4180 says
 * they are part of the field, and names, cites and notes are kept
 * verbatim (the loader trims the structured fields itself). */
static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

static int parser_init(struct csv_parser *p, unsigned char options,
                       const ag_i_csv_opts_t *opts)
{
    if (csv_init(p, options) != 0)
        return -1;
    csv_set_delim(p, (unsigned char)opts->delim);
    csv_set_space_func(p, no_space);
    if (!opts->quoted)
        csv_set_quote(p, '\0');
    return 0;
}

/*
 * Feeds n bytes to libcsv in slices, so that a long field costs time in
 * proportion to its length and memory bounded by the field limit. libcsv
 * grows its field buffer by a fixed block (128 bytes unless told), which
 * is a quadratic copy where realloc can't grow in place (sanitizers,
 * musl, macOS): before each slice the block is set to the buffer's size,
 * so the buffer doubles. Once a field outgrows the limit, its bytes are
 * counted, not kept: all but the last byte of libcsv's buffer is dropped
 * (the last may be a closing quote that libcsv takes back when the field
 * ends), and on_field adds the count to the length it is given. Returns
 * what csv_parse returns: n when every byte was parsed.
 */
static size_t parse_slices(struct csv_parser *p, const char *s, size_t n, reader_t *r)
{
    enum { SLICE = 4096 };
    size_t done = 0;
    while (done < n) {
        size_t k = n - done < SLICE ? n - done : SLICE, got;
        csv_set_blk_size(p, p->entry_size > 128 ? p->entry_size : 128);
        got = csv_parse(p, s + done, k, on_field, on_record, r);
        done += got;
        if (got != k)
            break;
        if (p->entry_pos > r->opts->max_field + 1) {
            r->dropped += p->entry_pos - 1;
            p->entry_buf[0] = p->entry_buf[p->entry_pos - 1];
            p->entry_pos = 1;
        }
    }
    return done;
}

/* Reads one line, with its line end, into *buf (NUL-terminated, grown as
 * needed). A line ends at LF, at CRLF, or at a lone CR, as in files saved
 * with classic Mac line ends, so that line numbers are those an editor
 * shows. Returns the line's length, 0 at the end of the file (or on a read
 * error: see ferror), or -1 on lack of memory. */
static ssize_t read_line(FILE *fp, char **buf, size_t *cap)
{
    size_t n = 0;
    int c;
    while ((c = getc_unlocked(fp)) != EOF) {
        if (n + 3 > *cap && !ag_i_grow((void **)buf, cap, n + 3, 1))
            return -1;
        (*buf)[n++] = (char)c;
        if (c == '\n')
            break;
        if (c == '\r') {
            if ((c = getc_unlocked(fp)) == '\n')
                (*buf)[n++] = '\n';
            else if (c != EOF)
                ungetc(c, fp);
            break;
        }
    }
    if (n > 0)
        (*buf)[n] = '\0';
    return (ssize_t)n;
}

int ag_i_csv_read(const char *path, const ag_i_csv_opts_t *opts, ag_i_csv_record_fn fn,
                void *ud, ag_diags_t *diags, size_t *records, ag_error_t *err)
{
    struct csv_parser p;
    reader_t r;
    FILE *fp;
    char *buf = NULL;
    size_t bufcap = 0;
    ssize_t len;
    int status = AG_OK;
    unsigned char options = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL;

    memset(&r, 0, sizeof r);
    r.opts = opts;
    r.path = path;
    r.diags = diags;
    r.fn = fn;
    r.ud = ud;
    if (records)
        *records = 0;

    fp = fopen(path, "rb");
    if (!fp)
        return ag_error_set(err, AG_EIO, path, 0, "cannot open: %s", strerror(errno));
    if (!opts->quoted)
        options = CSV_APPEND_NULL;
    if (parser_init(&p, options, opts) != 0) {
        fclose(fp);
        return ag_error_set(err, AG_ENOMEM, path, 0, "out of memory");
    }

    while ((len = read_line(fp, &buf, &bufcap)) > 0) {
        char *s = buf;
        size_t n = (size_t)len, bad;
        r.line++;
        if (r.line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
            s += 3;
            n -= 3;
        }
        if (r.line == 1 && n >= 2 &&
            (memcmp(s, "\xFF\xFE", 2) == 0 || memcmp(s, "\xFE\xFF", 2) == 0)) {
            /* Spreadsheets' "Unicode text": one error, not one per line. */
            ag_diags_add(diags, AG_SEV_ERROR, path, r.line,
                         "the file is UTF-16: save it as UTF-8");
            goto done;
        }
        if (memchr(s, '\0', n)) {
            ag_diags_add(diags, AG_SEV_ERROR, path, r.line,
                         "NUL byte at column %zu: the file is not text",
                         (size_t)((char *)memchr(s, '\0', n) - s) + 1);
            goto resync;
        }
        if (opts->check_utf8 && !ag_i_utf8_valid(s, n, &bad)) {
            ag_diags_add(diags, AG_SEV_ERROR, path, r.line,
                         "invalid UTF-8 at byte %zu of the line: save the file as UTF-8",
                         bad + 1);
            goto resync;
        }
        if (r.start == 0) {
            if (blank(s, n))
                continue;
            r.start = r.line;
        }
        if (opts->quoted) {
            /* In well-formed CSV every quote opens or closes a quoted field,
             * or is half of a doubled quote inside one (a "closing" quote
             * followed at once by an "opening" one), so counting tells
             * whether a field is still open and on which line it opened:
             * an unterminated quote is reported there. */
            size_t closed = (size_t)-1;
            for (size_t i = 0; i < n; i++) {
                if (s[i] != '"')
                    continue;
                if (r.in_quote) {
                    closed = i;
                } else if (i == 0 || closed != i - 1) {
                    r.quote_line = r.line;
                }
                r.in_quote = !r.in_quote;
            }
        }
        if (parse_slices(&p, s, n, &r) != n) {
            ag_diags_add(diags, AG_SEV_ERROR, path, r.start,
                         "malformed CSV: a quote inside an unquoted field, or "
                         "text after a closing quote (double the quote: \"\")");
            goto resync;
        }
        if (r.oom) {
            status = ag_error_set(err, AG_ENOMEM, path, r.line, "out of memory");
            goto done;
        }
        if (r.stop) {
            status = r.stop;
            goto done;
        }
        continue;
    resync:
        /* Drop the partial record and start afresh on the next line. */
        csv_free(&p);
        if (parser_init(&p, options, opts) != 0) {
            status = ag_error_set(err, AG_ENOMEM, path, r.line, "out of memory");
            goto done_nofree;
        }
        clear_fields(&r);
        r.start = 0;
        r.in_quote = false;
        r.dropped = 0;
    }
    if (len < 0) {
        status = ag_error_set(err, AG_ENOMEM, path, r.line, "out of memory");
        goto done;
    }
    if (ferror(fp)) {
        status = ag_error_set(err, AG_EIO, path, r.line, "read error: %s", strerror(errno));
        goto done;
    }
    if (csv_fini(&p, on_field, on_record, &r) != 0) {
        ag_diags_add(diags, AG_SEV_ERROR, path, r.in_quote ? r.quote_line : r.start,
                     "unterminated quoted field: a quote opened here is never closed");
    }
    if (r.oom)
        status = ag_error_set(err, AG_ENOMEM, path, r.line, "out of memory");
    else if (r.stop)
        status = r.stop;
done:
    csv_free(&p);
done_nofree:
    clear_fields(&r);
    free(r.fields);
    free(buf);
    fclose(fp);
    if (records)
        *records = r.records;
    return status;
}
