#include "config.h"
#include "pool.h"

#include <stdlib.h>
#include <string.h>

int pool_init(struct pool *p)
{
	memset(p, 0, sizeof *p);
	p->cap = 4096;
	p->buf = malloc(p->cap);
	p->nslots = 1024;
	p->slots = calloc(p->nslots, sizeof *p->slots);
	if (!p->buf || !p->slots) {
		pool_free(p);
		return -1;
	}
	p->buf[0] = '\0';
	p->len = 1;
	return 0;
}

void pool_free(struct pool *p)
{
	free(p->buf);
	free(p->slots);
	memset(p, 0, sizeof *p);
}

static uint32_t hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u; /* FNV-1a: short keys, no dependency */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Moves the entries of `old` below `limit` into the empty table `fresh`. */
static size_t reinsert(const struct pool *p, uint32_t *fresh, size_t n,
		       const uint32_t *old, size_t oldn, size_t limit)
{
	size_t used = 0;
	for (size_t i = 0; i < oldn; i++) {
		uint32_t v = old[i];
		if (!v || v > limit)
			continue;
		const char *s = p->buf + v - 1;
		size_t j = hash(s, strlen(s)) & (n - 1);
		while (fresh[j])
			j = (j + 1) & (n - 1);
		fresh[j] = v;
		used++;
	}
	return used;
}

static int rehash(struct pool *p)
{
	size_t n = p->nslots * 2;
	uint32_t *slots = calloc(n, sizeof *slots);
	if (!slots)
		return -1;
	reinsert(p, slots, n, p->slots, p->nslots, p->len);
	free(p->slots);
	p->slots = slots;
	p->nslots = n;
	return 0;
}

str_t pool_intern(struct pool *p, const char *s, size_t len, int *oom)
{
	if (len == 0)
		return STR_NONE;
	if (p->len + len + 1 > UINT32_MAX - 1)
		goto fail;
	size_t i = hash(s, len) & (p->nslots - 1);
	for (; p->slots[i]; i = (i + 1) & (p->nslots - 1)) {
		const char *t = p->buf + p->slots[i] - 1;
		if (memcmp(t, s, len) == 0 && t[len] == '\0')
			return p->slots[i] - 1;
	}
	if (p->len + len + 1 > p->cap) {
		size_t cap = p->cap;
		while (p->len + len + 1 > cap)
			cap *= 2;
		char *b = realloc(p->buf, cap);
		if (!b)
			goto fail;
		p->buf = b;
		p->cap = cap;
	}
	str_t off = (str_t)p->len;
	memcpy(p->buf + off, s, len);
	p->buf[off + len] = '\0';
	p->len += len + 1;
	p->slots[i] = off + 1;
	if (++p->used * 4 > p->nslots * 3 && rehash(p) < 0) {
		p->slots[i] = 0; /* still stored, just not shared */
		p->used--;
	}
	return off;
fail:
	*oom = 1;
	return STR_NONE;
}

void pool_truncate(struct pool *p, size_t mark)
{
	if (mark >= p->len)
		return;
	p->len = mark;
	/* Rare (only after a failed file): rebuild the table from the entries
	 * that survive, since removing entries in place would break probe chains. */
	uint32_t *old = p->slots;
	uint32_t *fresh = calloc(p->nslots, sizeof *fresh);
	if (!fresh) { /* keep the table minus the dead entries: only sharing is lost */
		for (size_t i = 0; i < p->nslots; i++)
			if (old[i] > mark)
				old[i] = 0;
		return;
	}
	p->slots = fresh;
	p->used = reinsert(p, fresh, p->nslots, old, p->nslots, mark);
	free(old);
}

int grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : 64;
	if (c > UINT32_MAX || c > SIZE_MAX / size)
		return -1;
	void *a = realloc(*arr, c * size);
	if (!a)
		return -1;
	*arr = a;
	*cap = c;
	return 0;
}
