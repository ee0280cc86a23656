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

/*
 * The string arena of a dataset (ag_dataset_t.strings): a list of blocks,
 * newest first, that hands out the strings and extra-column arrays of the
 * records and is freed at once. Blocks grow from 4 KB to 1 MB; a string
 * longer than that gets a block of its own.
 *   next:      the older block.
 *   used, cap: bytes handed out and bytes in data.
 */
struct ag_strblock {
    struct ag_strblock *next;
    size_t used, cap;
    char data[];
};

/* A copy of the n bytes at s and a NUL in the arena *head, or NULL on lack
 * of memory. The empty string is a shared constant, not allocated: nobody
 * may write to a dataset's strings. */
char *ag_i_arena_strndup(struct ag_strblock **head, const char *s, size_t n);
char *ag_i_arena_strdup(struct ag_strblock **head, const char *s);

/* size bytes from the arena, aligned for pointers and doubles and zeroed,
 * or NULL on lack of memory. */
void *ag_i_arena_alloc(struct ag_strblock **head, size_t size);

/* Frees every block and sets *head to NULL; accepts NULL. Can't fail. */
void ag_i_arena_free(struct ag_strblock **head);

/* Moves every block of *other into the arena *head (behind its blocks, so
 * that its head keeps filling) and sets *other to NULL. Can't fail. */
void ag_i_arena_join(struct ag_strblock **head, struct ag_strblock **other);

/*
 * Maps the whole pages inside the size bytes at p in one call, before they
 * are written (Linux 5.14 and later; elsewhere nothing): filling a large
 * array a 4 KB page fault at a time costs a tenth of loading a million
 * relations where faults are dear (virtual machines). A hint: failing it
 * changes nothing. Can't fail.
 */
void ag_i_prefault(void *p, size_t size);

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
