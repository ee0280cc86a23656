/*
 * util.h: small helpers shared inside the library (not public API).
 */
#ifndef AG_UTIL_H
#define AG_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* strdup/strndup that return NULL on lack of memory (C11 has neither). */
char *ag_i_strdup(const char *s);
char *ag_i_strndup(const char *s, size_t n);

/* Trims ASCII spaces and tabs at both ends, in place; returns s. */
char *ag_i_trim(char *s);

/* Grows *items (element size elem) so it holds at least need elements,
 * doubling *cap. Returns false on lack of memory (nothing changed). */
bool ag_i_grow(void **items, size_t *cap, size_t need, size_t elem);

/* "dir/name" in a new string, or NULL on lack of memory. */
char *ag_i_path_join(const char *dir, const char *name);

/* Whether the n bytes at s are valid UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF). On failure *bad is the offset of the first bad
 * byte. */
bool ag_i_utf8_valid(const char *s, size_t n, size_t *bad);

/* The display width of UTF-8 text, counted in code points, so that names
 * such as "Türkiye" align in columns. Can't fail. */
size_t ag_i_utf8_width(const char *s);

/* Formats v with "%.10g", with -0 and values whose magnitude is below
 * 1e-10 printed as "0". buf must hold 32 bytes. Returns buf. */
char *ag_i_fmt_num(double v, char *buf);

#endif
