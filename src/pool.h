/* pool: the strings of one load, stored once each.
 *
 * Every text in the model is a `str_t`, a dense number given to each distinct
 * text in the order it was first seen. Strings are interned: the same text is
 * stored once, so repeated milestone names, owners and dates cost four bytes
 * each, and two `str_t` are equal exactly when their texts are. Dense numbers
 * rather than pointers keep the model small (a chart must take less memory
 * than its file), stay valid when the buffer grows, and let a view keep a
 * per-text table (a search match, a measured width) as a plain array. The
 * whole pool is freed at once with its load. */
#ifndef GUATU_POOL_H
#define GUATU_POOL_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t str_t;
#define STR_NONE ((str_t)0) /* text 0 is "", so "no text" reads as "" */

struct pool {
	char *buf;      /* the texts, each NUL-terminated, in the order of their numbers */
	size_t len, cap;
	uint32_t *offs; /* where text i starts in buf */
	size_t n, offs_cap;
	uint32_t *slots; /* open addressing: text number + 1, 0 = empty */
	size_t nslots;
};

/* Where a pool ended: taken before a file is read, to forget it if it fails. */
struct pool_mark {
	size_t n, len;
};

/* Starts an empty pool; returns -1 when out of memory. */
int pool_init(struct pool *p);
/* Frees everything the pool holds. */
void pool_free(struct pool *p);
/* Stores `len` bytes (no NUL inside) once and returns their number, or
 * STR_NONE for an empty text or when out of memory (*oom is set then). */
str_t pool_intern(struct pool *p, const char *s, size_t len, int *oom);
/* The hash pool_intern uses, for callers that know it already. */
uint32_t pool_hash(const char *s, size_t len);
/* pool_intern, with h = pool_hash(s, len). */
str_t pool_intern_hashed(struct pool *p, const char *s, size_t len, uint32_t h, int *oom);
/* The NUL-terminated text of a number; valid until the pool grows. */
static inline const char *pool_str(const struct pool *p, str_t s) { return p->buf + p->offs[s]; }
/* Its length in bytes: texts are stored one after another. */
static inline size_t pool_len(const struct pool *p, str_t s)
{
	return (s + 1 < p->n ? p->offs[s + 1] : p->len) - p->offs[s] - 1;
}
/* How many texts there are (numbers run from 0 to this, exclusive). */
static inline size_t pool_count(const struct pool *p) { return p->n; }
/* Where the pool ends now. */
static inline struct pool_mark pool_mark(const struct pool *p) { return (struct pool_mark){p->n, p->len}; }
/* Forgets every text stored after `m` was taken. */
void pool_truncate(struct pool *p, struct pool_mark m);

/* Grows an array of `*cap` elements of `size` bytes so that one more fits.
 * Returns -1 when out of memory or past UINT32_MAX elements. */
int grow(void **arr, size_t *cap, size_t n, size_t size);

/* Tells the kernel to map, in one go, the memory an array of `cap` bytes
 * at `base` will be written in next, when the bytes in use go from `was`
 * to `now` across a boundary (was 0: now, as after the array moved): one
 * call instead of a fault per page. Only a hint. */
void prefault(void *base, size_t was, size_t now, size_t cap);
/* The same for the whole pages of [p, p + len). */
void prefault_range(void *p, size_t len);

#endif
