/*
 * sbuf.h: a growing string (not public API), for the texts the library
 * builds piece by piece: labels, tooltips, paragraphs, raw HTML.
 */
#ifndef AG_SBUF_H
#define AG_SBUF_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A growing string. Appending never fails: on lack of memory oom is set
 * and later appends do nothing, so a builder checks once at the end.
 *   s:        the text, NUL-terminated once anything was added (NULL before).
 *   len, cap: its length and the allocated size.
 *   oom:      memory ran out.
 */
typedef struct {
    char *s;
    size_t len, cap;
    bool oom;
} ag_i_sbuf_t;

/* An empty string: all zero, as `ag_i_sbuf_t b = { 0 }` is. Can't fail. */
void ag_i_sbuf_init(ag_i_sbuf_t *b);
/* Frees the text and empties b (oom too). Can't fail. */
void ag_i_sbuf_destroy(ag_i_sbuf_t *b);
/* Empties b, keeping its memory (and its oom). */
void ag_i_sbuf_clear(ag_i_sbuf_t *b);
/* The text so far: never NULL ("" when empty). */
const char *ag_i_sbuf_str(const ag_i_sbuf_t *b);
/* Takes the text away: returns it (the caller frees it) and leaves b
 * empty. Returns NULL, and frees the text, if memory ran out at any
 * point, so a truncated text is never taken for a whole one. */
char *ag_i_sbuf_take(ag_i_sbuf_t *b);
void ag_i_sbuf_add(ag_i_sbuf_t *b, const char *s);
void ag_i_sbuf_addn(ag_i_sbuf_t *b, const char *s, size_t n);
void ag_i_sbuf_addf(ag_i_sbuf_t *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* s as HTML text, in an element or a quoted attribute: & < > " as
 * entities, a newline, return or tab as a space. */
void ag_i_sbuf_html(ag_i_sbuf_t *b, const char *s);

#endif
