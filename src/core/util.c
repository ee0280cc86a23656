/*
 * util.c: small helpers shared inside the library.
 */
#include "core/util.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

char *ag_i_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *ag_i_strdup(const char *s)
{
    return ag_i_strndup(s, strlen(s));
}

/* Block sizes, and the alignment of ag_i_arena_alloc (that of the block's
 * data, which follows three words). */
enum { ARENA_FIRST = 4096, ARENA_MAX = 1 << 20, ARENA_ALIGN = sizeof(void *) };

/* Room for size bytes at an offset aligned to align (1 or ARENA_ALIGN):
 * the head block, a new head, or for what is bigger than a block a block
 * of its own behind the head, so that the head keeps filling. */
static char *arena_take(struct ag_strblock **head, size_t size, size_t align)
{
    struct ag_strblock *b = *head, *nb;
    size_t cap;
    if (b) {
        size_t at = (b->used + align - 1) & ~(align - 1);
        if (at <= b->cap && size <= b->cap - at) {
            b->used = at + size;
            return b->data + at;
        }
    }
    cap = b ? (b->cap < ARENA_MAX / 2 ? 2 * b->cap : ARENA_MAX) : ARENA_FIRST;
    if (size > cap) {
        if (size > SIZE_MAX - sizeof *nb)
            return NULL;
        if (!(nb = malloc(sizeof *nb + size)))
            return NULL;
        nb->used = nb->cap = size;
        if (b) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = NULL;
            *head = nb;
        }
        return nb->data;
    }
    if (!(nb = malloc(sizeof *nb + cap)))
        return NULL;
    /* Blocks are filled: map them at once (see ag_i_prefault). */
    if (cap == ARENA_MAX)
        ag_i_prefault(nb, sizeof *nb + cap);
    nb->next = b;
    nb->cap = cap;
    nb->used = size;
    *head = nb;
    return nb->data;
}

char *ag_i_arena_strndup(struct ag_strblock **head, const char *s, size_t n)
{
    char *p;
    if (n == 0)
        return (char *)"";
    if (n == SIZE_MAX || !(p = arena_take(head, n + 1, 1)))
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *ag_i_arena_strdup(struct ag_strblock **head, const char *s)
{
    return ag_i_arena_strndup(head, s, strlen(s));
}

void *ag_i_arena_alloc(struct ag_strblock **head, size_t size)
{
    char *p = arena_take(head, size ? size : 1, ARENA_ALIGN);
    if (p)
        memset(p, 0, size);
    return p;
}

void ag_i_arena_free(struct ag_strblock **head)
{
    while (*head) {
        struct ag_strblock *next = (*head)->next;
        free(*head);
        *head = next;
    }
}

void ag_i_arena_join(struct ag_strblock **head, struct ag_strblock **other)
{
    struct ag_strblock **tail = head;
    while (*tail)
        tail = &(*tail)->next;
    *tail = *other;
    *other = NULL;
}

void ag_i_prefault(void *p, size_t size)
{
#ifdef MADV_POPULATE_WRITE
    long page = sysconf(_SC_PAGESIZE);
    uintptr_t mask = page > 0 ? (uintptr_t)page - 1 : 4095;
    uintptr_t from = ((uintptr_t)p + mask) & ~mask;
    uintptr_t to = ((uintptr_t)p + size) & ~mask;
    if (to > from)
        (void)madvise((void *)from, to - from, MADV_POPULATE_WRITE);
#else
    (void)p;
    (void)size;
#endif
}

char *ag_i_trim(char *s)
{
    size_t n = strlen(s), i = 0;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    memmove(s, s + i, n - i);
    s[n - i] = '\0';
    return s;
}

bool ag_i_grow(void **items, size_t *cap, size_t need, size_t elem)
{
    size_t c = *cap ? *cap : 8;
    void *p;
    if (need <= *cap)
        return true;
    while (c < need) {
        if (c > SIZE_MAX / 2 / elem)
            return false;
        c *= 2;
    }
    p = realloc(*items, c * elem);
    if (!p)
        return false;
    *items = p;
    *cap = c;
    return true;
}

char *ag_i_path_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    bool slash = a > 0 && dir[a - 1] != '/';
    char *p = malloc(a + slash + b + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    if (slash)
        p[a] = '/';
    memcpy(p + a + slash, name, b + 1);
    return p;
}

size_t ag_i_utf8_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

bool ag_i_utf8_valid(const char *str, size_t n, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        unsigned cp, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2; cp = c & 0x1F; min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3; cp = c & 0x0F; min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4; cp = c & 0x07; min = 0x10000;
        } else {
            goto fail;
        }
        if (i + len > n)
            goto fail;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                goto fail;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto fail;
        i += len;
    }
    return true;
fail:
    if (bad)
        *bad = i;
    return false;
}

char *ag_i_fmt_num(double v, char *buf)
{
    if (fabs(v) < 1e-10 || v == 0.0)
        v = 0.0;
    snprintf(buf, 32, "%.10g", v);
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    return buf;
}
