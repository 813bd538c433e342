#include "config.h"
#include "pool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int pool_init(struct pool *p)
{
	memset(p, 0, sizeof *p);
	p->cap = 4096;
	p->buf = malloc(p->cap);
	p->offs_cap = 1024;
	p->offs = malloc(p->offs_cap * sizeof *p->offs);
	p->nslots = 2048;
	p->slots = calloc(p->nslots, sizeof *p->slots);
	if (!p->buf || !p->offs || !p->slots) {
		pool_free(p);
		return -1;
	}
	p->buf[0] = '\0';
	p->len = 1;
	p->offs[0] = 0;
	p->n = 1;
	return 0;
}

void pool_free(struct pool *p)
{
	free(p->buf);
	free(p->offs);
	free(p->slots);
	memset(p, 0, sizeof *p);
}

uint32_t pool_hash(const char *s, size_t len)
{
	/* Eight bytes a step (texts are mostly CJK, three bytes a character),
	 * each mixed by a multiply and a shift. */
	uint64_t h = (uint64_t)len * 0x9e3779b97f4a7c15u, w = 0;
	if (len >= 8) {
		const char *last = s + len - 8; /* the tail: the last eight bytes, overlapping */
		for (; s < last; s += 8) {
			memcpy(&w, s, 8);
			h = (h ^ w) * 0xbf58476d1ce4e5b9u;
			h ^= h >> 29;
		}
		memcpy(&w, last, 8);
	} else {
		for (size_t i = 0; i < len; i++)
			w |= (uint64_t)(unsigned char)s[i] << (8 * i);
	}
	h = (h ^ w) * 0x94d049bb133111ebu;
	return (uint32_t)(h ^ (h >> 32));
}

/* Fills an empty table of `n` slots with texts [1, p->n). */
static void fill(const struct pool *p, uint32_t *slots, size_t n)
{
	for (str_t s = 1; s < p->n; s++) {
		size_t j = pool_hash(pool_str(p, s), pool_len(p, s)) & (n - 1);
		while (slots[j])
			j = (j + 1) & (n - 1);
		slots[j] = s + 1;
	}
}

static int rehash(struct pool *p, size_t n)
{
	uint32_t *slots = calloc(n, sizeof *slots);
	if (!slots)
		return -1;
	prefault_range(slots, n * sizeof *slots); /* hashing touches every page */
	fill(p, slots, n);
	free(p->slots);
	p->slots = slots;
	p->nslots = n;
	return 0;
}

str_t pool_intern(struct pool *p, const char *s, size_t len, int *oom)
{
	return pool_intern_hashed(p, s, len, pool_hash(s, len), oom);
}

str_t pool_intern_hashed(struct pool *p, const char *s, size_t len, uint32_t h, int *oom)
{
	if (len == 0)
		return STR_NONE;
	if (p->len + len + 1 > UINT32_MAX - 1)
		goto fail;
	size_t i = h & (p->nslots - 1);
	for (; p->slots[i]; i = (i + 1) & (p->nslots - 1)) {
		str_t t = p->slots[i] - 1;
		if (pool_len(p, t) == len && memcmp(pool_str(p, t), s, len) == 0)
			return t;
	}
	int moved = 0;
	if (p->len + len + 1 > p->cap) {
		moved = 1;
		size_t cap = p->cap;
		while (p->len + len + 1 > cap)
			cap *= 2;
		char *b = realloc(p->buf, cap);
		if (!b)
			goto fail;
		p->buf = b;
		p->cap = cap;
	}
	void *offs = p->offs;
	size_t had = p->offs_cap;
	if (grow(&offs, &p->offs_cap, p->n, sizeof *p->offs) < 0)
		goto fail;
	p->offs = offs;
	str_t id = (str_t)p->n++;
	p->offs[id] = (uint32_t)p->len;
	memcpy(p->buf + p->len, s, len);
	p->buf[p->len + len] = '\0';
	prefault(p->buf, moved ? 0 : p->len, p->len + len + 1, p->cap);
	prefault(p->offs, had != p->offs_cap ? 0 : id * sizeof *p->offs, p->n * sizeof *p->offs,
		 p->offs_cap * sizeof *p->offs);
	p->len += len + 1;
	p->slots[i] = id + 1;
	if (p->n * 4 > p->nslots * 3 && rehash(p, p->nslots * 2) < 0)
		p->slots[i] = 0; /* still stored, just not shared */
	return id;
fail:
	*oom = 1;
	return STR_NONE;
}

void pool_truncate(struct pool *p, struct pool_mark m)
{
	if (m.n >= p->n)
		return;
	p->n = m.n;
	p->len = m.len;
	/* Rare (only after a failed file): rebuild the table from the texts
	 * that survive, since removing entries in place would break probe chains. */
	if (rehash(p, p->nslots) < 0)
		for (size_t i = 0; i < p->nslots; i++) /* keep the survivors: only sharing is lost */
			if (p->slots[i] > m.n)
				p->slots[i] = 0;
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

void prefault_range(void *p, size_t len)
{
#ifdef MADV_POPULATE_WRITE
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	uintptr_t from = ((uintptr_t)p + page - 1) & ~(page - 1), to = ((uintptr_t)p + len) & ~(page - 1);
	if (from < to)
		madvise((void *)from, to - from, MADV_POPULATE_WRITE); /* only a hint: faults do the same */
#else
	(void)p, (void)len;
#endif
}

/* Each call maps the next 32 KiB; one is made every 16 KiB, so what an
 * array's growing moved or added is mapped before it is written too. */
#define PREFAULT_CHUNK ((size_t)32 << 10)

void prefault(void *base, size_t was, size_t now, size_t cap)
{
	if (was && was / (PREFAULT_CHUNK / 2) == now / (PREFAULT_CHUNK / 2))
		return;
	prefault_range((char *)base + now, (cap - now < PREFAULT_CHUNK ? cap - now : PREFAULT_CHUNK));
}
