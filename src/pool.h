/* pool: the strings of one load, stored once each.
 *
 * Every text in the model is a `str_t`, an offset into one growing buffer.
 * Strings are interned: the same text is stored once, so repeated milestone
 * names, owners and dates cost four bytes each, and two `str_t` are equal
 * exactly when their texts are. Offsets rather than pointers keep the model
 * small (a chart must take less memory than its file) and stay valid when the
 * buffer grows. The whole pool is freed at once with its load. */
#ifndef GUATU_POOL_H
#define GUATU_POOL_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t str_t;
#define STR_NONE ((str_t)0) /* offset 0 holds "", so "no text" reads as "" */

struct pool {
	char *buf;
	size_t len, cap;
	uint32_t *slots; /* open addressing: offset + 1, 0 = empty */
	size_t nslots, used;
};

/* Starts an empty pool; returns -1 when out of memory. */
int pool_init(struct pool *p);
/* Frees everything the pool holds. */
void pool_free(struct pool *p);
/* Stores `len` bytes (no NUL inside) once and returns their handle, or
 * STR_NONE for an empty text or when out of memory (*oom is set then). */
str_t pool_intern(struct pool *p, const char *s, size_t len, int *oom);
/* The NUL-terminated text of a handle; valid until the pool grows. */
static inline const char *pool_str(const struct pool *p, str_t s) { return p->buf + s; }
/* Forgets every string stored at or after `mark` (a value of p->len taken
 * earlier): used to drop a file that failed half way. */
void pool_truncate(struct pool *p, size_t mark);

/* Grows an array of `*cap` elements of `size` bytes so that one more fits.
 * Returns -1 when out of memory or past UINT32_MAX elements. */
int grow(void **arr, size_t *cap, size_t n, size_t size);

#endif
