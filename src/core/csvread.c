/*
 * csvread.c: streaming RFC 4180 reader over libcsv, with line numbers.
 */
#include "core/csvread.h"

#include <csv.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/sbuf.h"
#include "core/util.h"

typedef struct {
    const ag_i_csv_opts_t *opts;
    const char *path;
    ag_diags_t *diags;
    ag_i_csv_record_fn fn;
    void *ud;
    char **fields;      /* fields of the record, set before the callback */
    size_t *off;        /* where each field starts in text */
    size_t n, cap;
    char *text;         /* the record's fields, each NUL-terminated, one */
    size_t len, text_cap; /* buffer reused from record to record */
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
    struct pipe *pipe;  /* threaded: where records and diagnostics go */
    struct half *half;  /* split, first half: the second half's reading */
    const int *abandon; /* split, second half: non-zero when it is dropped */
    uint64_t limit;     /* split, second half: the bytes it may read (to
                         * the file's size when it was cut); 0: all */
} reader_t;

/*
 * Reading on a second thread. The reading thread turns the file into
 * events, records and diagnostics in file order, and fills batches of
 * them; the caller's thread replays each batch, calling fn and adding the
 * diagnostics, so both arrive exactly as when one thread does it all, and
 * diags and the callback are only ever touched by the caller's thread.
 * Two batches alternate: one is filled while the other is replayed.
 */
typedef struct {
    long line;
    const char *file;   /* diagnostic: its file; record: NULL */
    ag_severity_t sev;  /* diagnostic */
    size_t n;           /* record: its field count */
    size_t at;          /* record: its first entry in foff; diagnostic: its
                         * message's offset in text */
} event_t;

typedef struct {
    event_t *ev;
    size_t n_ev, ev_cap;
    size_t *foff;       /* each field's offset in text */
    size_t n_f, f_cap;
    char *text;
    size_t len, text_cap;
} batch_t;

typedef struct pipe {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    batch_t b[2];
    bool full[2];       /* handed to the caller's thread */
    bool done;          /* the reading thread has finished */
    bool stop;          /* the caller's thread wants no more */
    int fill;           /* the batch being filled */
} pipe_t;

/* A batch is handed over at this many events or bytes of text. */
enum { BATCH_EVENTS = 8192, BATCH_TEXT = 1 << 20 };

/* Hands the batch being filled to the caller's thread and waits for the
 * other one to be free. Returns false when the caller wants no more. */
static bool pipe_publish(pipe_t *p)
{
    bool stop;
    pthread_mutex_lock(&p->mu);
    p->full[p->fill] = true;
    pthread_cond_broadcast(&p->cv);
    p->fill ^= 1;
    while (p->full[p->fill] && !p->stop)
        pthread_cond_wait(&p->cv, &p->mu);
    stop = p->stop;
    pthread_mutex_unlock(&p->mu);
    p->b[p->fill].n_ev = p->b[p->fill].n_f = p->b[p->fill].len = 0;
    return !stop;
}

/* Room for one more event with nf fields and len bytes of text in the
 * batch being filled. */
static event_t *pipe_event(reader_t *r, size_t nf, size_t len)
{
    batch_t *b = &r->pipe->b[r->pipe->fill];
    if ((b->n_ev >= BATCH_EVENTS || b->len >= BATCH_TEXT) && !pipe_publish(r->pipe)) {
        r->stop = 1;
        return NULL;
    }
    b = &r->pipe->b[r->pipe->fill];
    if (!ag_i_grow((void **)&b->ev, &b->ev_cap, b->n_ev + 1, sizeof *b->ev) ||
        !ag_i_grow((void **)&b->foff, &b->f_cap, b->n_f + nf, sizeof *b->foff) ||
        !ag_i_grow((void **)&b->text, &b->text_cap, b->len + len, 1)) {
        r->oom = true;
        return NULL;
    }
    return &b->ev[b->n_ev++];
}

/* A diagnostic, to diags or, threaded, to the batch. */
static void emit_diag(reader_t *r, ag_severity_t sev, const char *file, long line,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void emit_diag(reader_t *r, ag_severity_t sev, const char *file, long line,
                      const char *fmt, ...)
{
    va_list ap;
    char msg[2048]; /* as ag_diags_vadd cuts it */
    size_t len;
    event_t *e;
    batch_t *b;
    va_start(ap, fmt);
    if (!r->pipe) {
        ag_diags_vadd(r->diags, sev, file, line, fmt, ap);
        va_end(ap);
        return;
    }
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    len = strlen(msg) + 1;
    if (!(e = pipe_event(r, 0, len)))
        return;
    b = &r->pipe->b[r->pipe->fill];
    e->line = line;
    e->file = file;
    e->sev = sev;
    e->n = 0;
    e->at = b->len;
    memcpy(b->text + b->len, msg, len);
    b->len += len;
}

static void clear_fields(reader_t *r)
{
    r->n = 0;
    r->len = 0;
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
    /* Fields are appended to one buffer kept from record to record, not
     * allocated one by one. */
    if (r->n + 1 > r->cap) {
        size_t cap = r->cap;
        if (!ag_i_grow((void **)&r->fields, &cap, r->n + 1, sizeof *r->fields) ||
            !ag_i_grow((void **)&r->off, &r->cap, r->n + 1, sizeof *r->off)) {
            r->oom = true;
            return;
        }
    }
    if (!ag_i_grow((void **)&r->text, &r->text_cap, r->len + len + 1, 1)) {
        r->oom = true;
        return;
    }
    f = r->text + r->len;
    if (len)
        memcpy(f, data, len);
    f[len] = '\0';
    r->off[r->n++] = r->len;
    r->len += len + 1;
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
        emit_diag(r, AG_SEV_ERROR, r->path, r->start,
                  "field of %zu bytes is too long (the limit is %zu)",
                  r->overlong_len, r->opts->max_field);
    } else if (r->pipe) {
        event_t *e = pipe_event(r, r->n, r->len);
        if (e) {
            batch_t *b = &r->pipe->b[r->pipe->fill];
            e->line = r->start;
            e->file = NULL;
            e->n = r->n;
            e->at = b->n_f;
            for (size_t i = 0; i < r->n; i++)
                b->foff[b->n_f++] = b->len + r->off[i];
            memcpy(b->text + b->len, r->text, r->len);
            b->len += r->len;
        }
    } else {
        r->records++;
        for (size_t i = 0; i < r->n; i++)
            r->fields[i] = r->text + r->off[i];
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

/* Lines are cut from blocks of the file read whole, not a getc per byte. */
enum { LINE_BLOCK = 1 << 16 };

typedef struct {
    FILE *fp;
    char *blk;          /* LINE_BLOCK bytes */
    size_t pos, end;    /* the unread part of blk */
    uint64_t left;      /* bytes that may still be read (split: up to the
                         * cut), UINT64_MAX for all */
    uint64_t done;      /* bytes read so far */
} lines_t;

static bool lines_fill(lines_t *l)
{
    size_t want = l->left < LINE_BLOCK ? (size_t)l->left : LINE_BLOCK;
    l->pos = 0;
    l->end = want ? fread(l->blk, 1, want, l->fp) : 0;
    if (l->left != UINT64_MAX)
        l->left -= l->end;
    l->done += l->end;
    return l->end > 0;
}

/* Reads one line, with its line end, into line (emptied first). A line
 * ends at LF, at CRLF, or at a lone CR, as in files saved with classic Mac
 * line ends, so that line numbers are those an editor shows. Returns the
 * line's length, 0 at the end of the file (or on a read error: see
 * ferror), or -1 on lack of memory. */
static ssize_t read_line(lines_t *l, ag_i_sbuf_t *line)
{
    ag_i_sbuf_clear(line);
    for (;;) {
        const char *s, *nl, *cr;
        size_t span;
        if (l->pos == l->end && !lines_fill(l))
            break;
        s = l->blk + l->pos;
        nl = memchr(s, '\n', l->end - l->pos);
        span = nl ? (size_t)(nl - s) + 1 : l->end - l->pos;
        if ((cr = memchr(s, '\r', span)))
            span = (size_t)(cr - s) + 1;
        ag_i_sbuf_addn(line, s, span);
        l->pos += span;
        if (cr) {
            /* CRLF, or a lone CR: the LF may be in the next block. */
            if (l->pos == l->end && !lines_fill(l))
                break;
            if (l->blk[l->pos] == '\n') {
                ag_i_sbuf_addn(line, "\n", 1);
                l->pos++;
            }
            break;
        }
        if (nl)
            break;
    }
    return line->oom ? -1 : (ssize_t)line->len;
}

/*
 * Reading in two halves at once (ag_i_csv_read_split). Once the first
 * record (the header) is read, the file is cut just past the first line
 * end at or after its middle; a second thread reads from the cut to the
 * end with the caller's second callback and diagnostics, its line numbers
 * counted from the line ends before the cut, while the caller's thread
 * reads up to the cut. Where a quoted field runs across the cut, the cut
 * was no record boundary: the second half is abandoned and dropped, and
 * the caller's thread reads on to the end, so the records and
 * diagnostics are those of one reading either way.
 */
typedef struct half {
    ag_i_csv_split_t *split;
    const char *path;
    uint64_t size;          /* the file's */
    uint64_t cut;
    pthread_t th;
    bool tried, started, settled;
    int abandon;
    reader_t r;             /* the second half's reader */
    int status;
    ag_error_t err;
} half_t;

static void split_start(reader_t *r, lines_t *l);
static bool split_settle(reader_t *r, int *status);

/* Reads fp through for ag_i_csv_read, on whichever thread. path is the
 * caller's, for messages. Returns the status. */
static int read_all(reader_t *r, FILE *fp, const char *path, ag_error_t *err)
{
    const ag_i_csv_opts_t *opts = r->opts;
    struct csv_parser p;
    char blk[LINE_BLOCK];
    lines_t lines = { fp, blk, 0, 0, r->limit ? r->limit : UINT64_MAX, 0 };
    ag_i_sbuf_t line = { 0 };
    ssize_t len;
    int status = AG_OK;
    unsigned char options = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL;

    if (!opts->quoted)
        options = CSV_APPEND_NULL;
    if (parser_init(&p, options, opts) != 0)
        return ag_error_set(err, AG_ENOMEM, path, 0, "out of memory");

again:
    while ((len = read_line(&lines, &line)) > 0) {
        char *s = line.s;
        size_t n = (size_t)len, bad;
        if (r->abandon && __atomic_load_n(r->abandon, __ATOMIC_RELAXED))
            goto done;
        r->line++;
        if (r->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
            s += 3;
            n -= 3;
        }
        if (r->line == 1 && n >= 2 &&
            (memcmp(s, "\xFF\xFE", 2) == 0 || memcmp(s, "\xFE\xFF", 2) == 0)) {
            /* Spreadsheets' "Unicode text": one error, not one per line. */
            emit_diag(r, AG_SEV_ERROR, path, r->line,
                      "the file is UTF-16: save it as UTF-8");
            goto done;
        }
        if (memchr(s, '\0', n)) {
            emit_diag(r, AG_SEV_ERROR, path, r->line,
                      "NUL byte at column %zu: the file is not text",
                      (size_t)((char *)memchr(s, '\0', n) - s) + 1);
            goto resync;
        }
        if (opts->check_utf8 && !ag_i_utf8_valid(s, n, &bad)) {
            emit_diag(r, AG_SEV_ERROR, path, r->line,
                      "invalid UTF-8 at byte %zu of the line: save the file as UTF-8",
                      bad + 1);
            goto resync;
        }
        if (r->start == 0) {
            if (blank(s, n))
                continue;
            r->start = r->line;
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
                if (r->in_quote) {
                    closed = i;
                } else if (i == 0 || closed != i - 1) {
                    r->quote_line = r->line;
                }
                r->in_quote = !r->in_quote;
            }
        }
        if (parse_slices(&p, s, n, r) != n) {
            emit_diag(r, AG_SEV_ERROR, path, r->start,
                      "malformed CSV: a quote inside an unquoted field, or "
                      "text after a closing quote (double the quote: \"\")");
            goto resync;
        }
        if (r->oom) {
            status = ag_error_set(err, AG_ENOMEM, path, r->line, "out of memory");
            goto done;
        }
        if (r->stop) {
            status = r->stop;
            goto done;
        }
        if (r->half && !r->half->tried && r->records >= 1 && r->start == 0)
            split_start(r, &lines);
        continue;
    resync:
        /* Drop the partial record and start afresh on the next line. */
        csv_free(&p);
        if (parser_init(&p, options, opts) != 0) {
            status = ag_error_set(err, AG_ENOMEM, path, r->line, "out of memory");
            goto done_nofree;
        }
        clear_fields(r);
        r->start = 0;
        r->in_quote = false;
        r->dropped = 0;
    }
    if (len < 0) {
        status = ag_error_set(err, AG_ENOMEM, path, r->line, "out of memory");
        goto done;
    }
    if (ferror(fp)) {
        status = ag_error_set(err, AG_EIO, path, r->line, "read error: %s", strerror(errno));
        goto done;
    }
    if (r->half && lines.left == 0) {
        /* At the cut (see half_t): the second half's records stand, or the
         * first half reads on past the cut. */
        if (split_settle(r, &status))
            goto done;
        lines.left = UINT64_MAX;
        if (fseeko(fp, (off_t)lines.done, SEEK_SET) != 0) {
            status = ag_error_set(err, AG_EIO, path, r->line, "read error: %s",
                                  strerror(errno));
            goto done;
        }
        goto again;
    }
    if (csv_fini(&p, on_field, on_record, r) != 0) {
        emit_diag(r, AG_SEV_ERROR, path, r->in_quote ? r->quote_line : r->start,
                  "unterminated quoted field: a quote opened here is never closed");
    }
    if (r->oom)
        status = ag_error_set(err, AG_ENOMEM, path, r->line, "out of memory");
    else if (r->stop)
        status = r->stop;
done:
    csv_free(&p);
done_nofree:
    clear_fields(r);
    ag_i_sbuf_destroy(&line);
    return status;
}

/* The line ends (LF, CRLF, lone CR: as read_line counts them) in the
 * bytes from..to of the file fd, or -1 on a read error. */
static long count_line_ends(int fd, uint64_t from, uint64_t to)
{
    char blk[LINE_BLOCK];
    long count = 0;
    bool cr = false;    /* the previous block ended in CR */
    while (from < to) {
        size_t want = to - from < LINE_BLOCK ? (size_t)(to - from) : LINE_BLOCK;
        ssize_t got = pread(fd, blk, want, (off_t)from);
        const char *s, *end = blk + (got > 0 ? got : 0);
        if (got <= 0)
            return -1;
        from += (uint64_t)got;
        if (cr && blk[0] == '\n')
            count--;    /* that CR and this LF end one line */
        for (s = blk; (s = memchr(s, '\n', (size_t)(end - s))); s++)
            count++;
        cr = false;
        for (s = blk; (s = memchr(s, '\r', (size_t)(end - s))); s++) {
            if (s + 1 == end)
                cr = true;
            if (s + 1 == end || s[1] != '\n')
                count++;
        }
    }
    return count;
}

static void *second_half(void *arg)
{
    half_t *h = arg;
    FILE *fp = fopen(h->path, "rb");
    if (!fp || fseeko(fp, (off_t)h->cut, SEEK_SET) != 0) {
        h->status = ag_error_set(&h->err, AG_EIO, h->path, 0, "cannot read: %s",
                                 strerror(errno));
        if (fp)
            fclose(fp);
        return NULL;
    }
    h->status = read_all(&h->r, fp, h->path, &h->err);
    fclose(fp);
    return NULL;
}

/* Called once by the first half's reader, after the header record: cuts
 * the file and starts the second half (when the caller agrees and a
 * thread can be had). The line ends on either side of the cut bound
 * the records of each half, and number the second half's lines. */
static void split_start(reader_t *r, lines_t *l)
{
    half_t *h = r->half;
    char buf[4096];
    uint64_t at, now = l->done - (l->end - l->pos);
    long first, second;
    h->tried = true;
    /* The cut: just past the first LF at or after the middle. */
    at = h->size / 2;
    if (at < now)
        return;
    for (h->cut = 0; !h->cut;) {
        ssize_t got = pread(fileno(l->fp), buf, sizeof buf, (off_t)at);
        const char *nl;
        if (got <= 0)
            return;
        if ((nl = memchr(buf, '\n', (size_t)got)))
            h->cut = at + (uint64_t)(nl - buf) + 1;
        at += (uint64_t)got;
    }
    if (h->cut >= h->size ||
        (first = count_line_ends(fileno(l->fp), now, h->cut)) < 0 ||
        (second = count_line_ends(fileno(l->fp), h->cut, h->size)) < 0 ||
        !h->split->begin(r->ud, h->split->ud, (size_t)first, (size_t)second + 1))
        return;
    memset(&h->r, 0, sizeof h->r);
    h->r.opts = r->opts;
    h->r.path = r->path;
    h->r.diags = h->split->diags;
    h->r.fn = r->fn;
    h->r.ud = h->split->ud;
    h->r.abandon = &h->abandon;
    /* A file that grows meanwhile is read as it was when cut, so that the
     * bounds given to begin hold. */
    h->r.limit = h->size - h->cut;
    h->r.line = r->line + first;
    ag_error_clear(&h->err);
    if (pthread_create(&h->th, NULL, second_half, h) != 0) {
        h->split->drop(r->ud, h->split->ud);
        return;
    }
    h->started = true;
    if (h->cut >= l->done) {
        l->left = h->cut - l->done;
    } else {
        /* The block read already runs past the cut: it ends there now, and
         * what follows is read again if the first half reads on. */
        l->end -= (size_t)(l->done - h->cut);
        l->done = h->cut;
        l->left = 0;
    }
}

/* The first half is read up to the cut: waits for the second. Returns
 * true, with the second half's status in *status, when the cut fell
 * between records; false when a record runs across it (the second half is
 * dropped). */
static bool split_settle(reader_t *r, int *status)
{
    half_t *h = r->half;
    h->settled = true;
    if (r->start != 0)
        __atomic_store_n(&h->abandon, 1, __ATOMIC_RELAXED);
    pthread_join(h->th, NULL);
    if (r->start != 0) {
        h->split->drop(r->ud, h->split->ud);
        return false;
    }
    h->split->used = true;
    *status = h->status;
    return true;
}

/* The reading thread: read_all into the pipe, then say it is done. */
typedef struct {
    reader_t *r;
    FILE *fp;
    const char *path;
    ag_error_t *err;
    int status;
} reading_t;

static void *reading_thread(void *arg)
{
    reading_t *t = arg;
    pipe_t *p = t->r->pipe;
    t->status = read_all(t->r, t->fp, t->path, t->err);
    pthread_mutex_lock(&p->mu);
    p->full[p->fill] = true;
    p->done = true;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Replays the batches on the caller's thread: fn for each record, diags
 * for each diagnostic. Returns fn's non-zero return, or 0. */
static int replay(reader_t *r, size_t *records, bool *oom)
{
    pipe_t *p = r->pipe;
    char **fields = NULL;
    size_t cap = 0;
    int rc = 0;
    for (int k = 0;; k ^= 1) {
        batch_t *b = &p->b[k];
        bool last;
        pthread_mutex_lock(&p->mu);
        while (!p->full[k])
            pthread_cond_wait(&p->cv, &p->mu);
        last = p->done && p->fill == k;
        pthread_mutex_unlock(&p->mu);
        for (size_t i = 0; i < b->n_ev && !rc; i++) {
            const event_t *e = &b->ev[i];
            if (e->file) {
                ag_diags_add(r->diags, e->sev, e->file, e->line, "%s", b->text + e->at);
                continue;
            }
            if (!ag_i_grow((void **)&fields, &cap, e->n, sizeof *fields)) {
                *oom = true;
                rc = AG_ENOMEM;
                break;
            }
            for (size_t f = 0; f < e->n; f++)
                fields[f] = b->text + b->foff[e->at + f];
            (*records)++;
            rc = r->fn(r->ud, e->line, fields, e->n);
        }
        pthread_mutex_lock(&p->mu);
        if (rc)
            p->stop = true;
        p->full[k] = false;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
        if (rc || last)
            break;
    }
    free(fields);
    return rc;
}

/* Reads fp on a second thread (see pipe_t). Returns false, having read
 * nothing, when the thread can't be had; else true with the status. */
static bool read_threaded(reader_t *r, FILE *fp, const char *path, ag_error_t *err,
                          size_t *records, int *status)
{
    pipe_t p;
    reading_t t = { r, fp, path, err, AG_OK };
    pthread_t th;
    bool oom = false;
    int rc;
    memset(&p, 0, sizeof p);
    if (pthread_mutex_init(&p.mu, NULL) != 0)
        return false;
    if (pthread_cond_init(&p.cv, NULL) != 0) {
        pthread_mutex_destroy(&p.mu);
        return false;
    }
    r->pipe = &p;
    if (pthread_create(&th, NULL, reading_thread, &t) != 0) {
        r->pipe = NULL;
        pthread_cond_destroy(&p.cv);
        pthread_mutex_destroy(&p.mu);
        return false;
    }
    rc = replay(r, records, &oom);
    pthread_join(th, NULL);
    /* As on one thread: the callback's stop wins over what the reader
     * found after it; an error of the reader comes after every record. */
    if (oom)
        *status = ag_error_set(err, AG_ENOMEM, path, 0, "out of memory");
    else
        *status = rc ? rc : t.status;
    for (int k = 0; k < 2; k++) {
        free(p.b[k].ev);
        free(p.b[k].foff);
        free(p.b[k].text);
    }
    r->pipe = NULL;
    pthread_cond_destroy(&p.cv);
    pthread_mutex_destroy(&p.mu);
    return true;
}

static int csv_read(const char *path, const ag_i_csv_opts_t *opts, ag_i_csv_record_fn fn,
                    void *ud, ag_diags_t *diags, ag_i_csv_split_t *split, size_t *records,
                    ag_error_t *err)
{
    reader_t r;
    FILE *fp;
    struct stat st;
    size_t count = 0;
    half_t h;
    int status;

    memset(&r, 0, sizeof r);
    memset(&h, 0, sizeof h);
    if (split)
        split->used = false;
    r.opts = opts;
    r.path = path;
    r.diags = diags;
    r.fn = fn;
    r.ud = ud;
    if (records)
        *records = 0;

    /* "-" is standard input (read through, never closed). */
    if (strcmp(path, "-") == 0) {
        fp = stdin;
        r.path = "standard input";
    } else if (!(fp = fopen(path, "rb"))) {
        return ag_error_set(err, AG_EIO, path, 0, "cannot open: %s", strerror(errno));
    }
    if (split && fp != stdin && fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
        (uintmax_t)st.st_size >= split->min) {
        h.split = split;
        h.path = path;
        h.size = (uint64_t)st.st_size;
        r.half = &h;
        status = read_all(&r, fp, path, err);
        count = r.records;
        if (h.started && !h.settled) {
            /* The first half stopped before the cut. */
            __atomic_store_n(&h.abandon, 1, __ATOMIC_RELAXED);
            pthread_join(h.th, NULL);
            split->drop(ud, split->ud);
        } else if (split->used) {
            count += h.r.records;
            if (status != AG_OK && h.err.code != AG_OK && err)
                *err = h.err;
        }
        free(h.r.fields);
        free(h.r.off);
        free(h.r.text);
    } else if (!(opts->thread_min && fp != stdin && fstat(fileno(fp), &st) == 0 &&
                 S_ISREG(st.st_mode) && (uintmax_t)st.st_size >= opts->thread_min &&
                 read_threaded(&r, fp, path, err, &count, &status))) {
        status = read_all(&r, fp, path, err);
        count = r.records;
    }
    free(r.fields);
    free(r.off);
    free(r.text);
    if (fp != stdin)
        fclose(fp);
    if (records)
        *records = count;
    return status;
}

int ag_i_csv_read(const char *path, const ag_i_csv_opts_t *opts, ag_i_csv_record_fn fn,
                void *ud, ag_diags_t *diags, size_t *records, ag_error_t *err)
{
    return csv_read(path, opts, fn, ud, diags, NULL, records, err);
}

int ag_i_csv_read_split(const char *path, const ag_i_csv_opts_t *opts,
                        ag_i_csv_record_fn fn, void *ud, ag_diags_t *diags,
                        ag_i_csv_split_t *split, size_t *records, ag_error_t *err)
{
    return csv_read(path, opts, fn, ud, diags, split, records, err);
}
