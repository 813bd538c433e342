#include "config.h"
#include "fold.h"

#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "fold_table.h"

/* Why hk2s (OpenCC's Hong Kong Traditional to Simplified): only the character
 * table is used, so a configuration matters by which characters it makes
 * meet. Measured with OpenCC 1.1.6 over U+3400..U+9FFF, hk2s folds every
 * character t2s folds, to the same character, and 8 more that t2s leaves
 * alone: 衞 (卫, the form mainland Traditional uses in 衞生院), 衹, 敍, 粧, 糭,
 * 枱, 潀 and 抬/擡 (both to 擡, which is odd but still makes them meet). tw2s
 * instead maps 顎 to 腭 and 鯰 to 鲇 while their Simplified forms 颚 and 鲶
 * stay: a Taiwan user's 顎 would no longer find 颚. Sichuan's own reports (in
 * either script) lose nothing with hk2s, and Hong Kong users gain. Phrase
 * conversion is not used: at ~6 µs a text it is too slow for 200,000 texts,
 * and a character table folds query and text the same way by construction. */

#define CJK_LO FOLD_CJK_LO
#define CJK_HI FOLD_CJK_HI

/* What each ideograph folds to, 0 for itself: OpenCC's table (made at build
 * time, fold_table.h), the variants, chains closed. Static, so it costs no
 * memory until it is filled, lives until the process exits, and is never a
 * leak. Written once under pthread_once, read-only after. */
static uint32_t cjk[CJK_HI - CJK_LO + 1];

/* Variant forms OpenCC leaves alone that occur in place and company names,
 * each mapped to its standard Traditional form; the OpenCC table then goes on
 * to the Simplified one (塲 -> 場 -> 场). Also tried, and left out because OpenCC's t2s
 * and hk2s already fold them: 峯 嶽 羣 鎭 衆 舘 綫 甯. A mapping OpenCC
 * has of its own wins over these. */
static const char *const variants[][2] = {
	{"髙", "高"}, /* the "ladder" 高 of shop signs and company names */
	{"邨", "村"}, /* village; Hong Kong housing estates */
	{"塲", "場"}, /* old form of 場: 商塲 */
	{"冨", "富"}, /* company names */
	{"厰", "廠"}, /* factory: 工厰 */
	{"舖", "鋪"}, /* shop: the Hong Kong form (店舖), kept by OpenCC */
	{"峩", "峨"}, /* 峩眉, the old form of Sichuan's 峨眉 */
};

/* The non-ASCII code points folded through a table besides the ideographs:
 * the punctuation and symbols of Chinese text. Each is a starter whose
 * folding does not depend on its neighbours (none composes or reorders with
 * another one of these, tests/test_fold.c checks every pair), so a text made
 * of them folds character by character. Anything else (accents, Greek, kana,
 * Hangul, emoji…) sends its whole text through u8_casefold(). */
static const struct {
	uint32_t lo, hi;
} fast_ranges[] = {
	{0x00b0, 0x00b0}, {0x00b7, 0x00b7}, {0x00d7, 0x00d7}, {0x00f7, 0x00f7}, /* ° · × ÷ */
	{0x2010, 0x2027}, /* dashes, quotes, bullets, … */
	{0x2030, 0x203b}, /* ‰ ′ ″ ※ */
	{0x2103, 0x2103}, /* ℃ */
	{0x2160, 0x217f}, /* Roman numerals: Ⅱ期 */
	{0x2190, 0x2193}, /* arrows */
	{0x2460, 0x24ff}, /* ① ⑴ ⒈ Ⓐ */
	{0x25a0, 0x25ff}, /* ■ □ ▲ ○ ● ◎ */
	{0x2605, 0x2606}, /* ★ ☆ */
	{0x2f00, 0x2fd5}, /* Kangxi radicals, which PDF copies put for ideographs */
	{0x3000, 0x3029}, /* ideographic space, 、。《》「」【】〇 */
	{0x3220, 0x3247}, /* ㈠ ㈱ */
	{0x3280, 0x32b0}, /* ㊀ ㊣ */
	{0x3380, 0x33df}, /* ㎡ ㎏ ㏄ */
	{0xff01, 0xff60}, /* full-width ASCII */
	{0xffe0, 0xffe6}, /* ￥ ￡ */
};

/* Their folded forms, as a two-level table over the BMP: page_of[c >> 8] is
 * 1 + the page holding c, or 0. An entry with len 0 is not fast. */
#define FAST_PAGES 12
struct fast {
	uint16_t off; /* in fast_pool */
	uint8_t len;
};
static uint8_t page_of[256];
static struct fast pages[FAST_PAGES][256];
static char fast_pool[8192];

static pthread_once_t once = PTHREAD_ONCE_INIT;

static int is_ideograph(uint32_t c)
{
	return (c >= CJK_LO && c <= 0x4dbf) || (c >= 0x4e00 && c <= CJK_HI) ||
	       (c >= 0x20000 && c <= 0x2f7ff) || (c >= 0x30000 && c <= 0x3ffff);
}

static uint32_t map(uint32_t c)
{
	if (c >= CJK_LO && c <= CJK_HI && cjk[c - CJK_LO])
		return cjk[c - CJK_LO];
	return c;
}

/* Fills cjk[] from OpenCC's table. A pair outside the range cannot come
 * from fold_gen; it is skipped rather than trusted. */
static void read_table(void)
{
	for (size_t i = 0; i < fold_table_n; i++)
		if (fold_table[i][0] >= CJK_LO && fold_table[i][0] <= CJK_HI)
			cjk[fold_table[i][0] - CJK_LO] = fold_table[i][1];
}

static void add_variants(void)
{
	for (size_t i = 0; i < sizeof variants / sizeof *variants; i++) {
		ucs4_t from, to;
		u8_mbtouc(&from, (const uint8_t *)variants[i][0], 4);
		u8_mbtouc(&to, (const uint8_t *)variants[i][1], 4);
		if (from >= CJK_LO && from <= CJK_HI && !cjk[from - CJK_LO])
			cjk[from - CJK_LO] = to;
	}
}

/* Follows chains to their end so that folding twice changes nothing and every
 * character of a chain meets the others: OpenCC maps 薴 to 苧 and 苧 to 苎, and
 * a variant maps to a Traditional form OpenCC maps on. A cycle would stop
 * after a few steps; OpenCC 1.1.6 has none. */
static void close_chains(void)
{
	for (uint32_t i = 0; i < sizeof cjk / sizeof *cjk; i++) {
		uint32_t to = cjk[i];
		for (int step = 0; to && step < 8 && map(to) != to; step++)
			to = map(to);
		cjk[i] = to;
	}
}

static int reserve(struct fold_buf *b, size_t more)
{
	if (b->cap - b->len >= more)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len < more) {
		if (cap > SIZE_MAX / 2)
			return -1;
		cap *= 2;
	}
	char *n = realloc(b->buf, cap);
	if (!n)
		return -1;
	b->buf = n;
	b->cap = cap;
	return 0;
}

/* The slow path: u8_casefold() with NFKC, then the character table. It
 * mallocs only for texts longer than `stack`. */
static size_t append_slow(struct fold_buf *b, const char *s, size_t len)
{
	size_t start = b->len, n = 0;
	uint8_t stack[512], *r = stack;
	if (len) {
		n = sizeof stack;
		r = u8_casefold((const uint8_t *)s, len, NULL, UNINORM_NFKC, stack, &n);
		if (!r)
			return SIZE_MAX;
	}
	/* The table makes a 3-byte character at most a 4-byte one. */
	if (reserve(b, n + n / 3 + 1) < 0) {
		if (r != stack)
			free(r);
		return SIZE_MAX;
	}
	uint8_t *o = (uint8_t *)b->buf + b->len;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int k = u8_mbtouc_unsafe(&c, r + i, n - i);
		uint32_t m = map(c);
		if (m != c)
			o += u8_uctomb(o, m, 4);
		else {
			memcpy(o, r + i, (size_t)k);
			o += k;
		}
		i += (size_t)k;
	}
	*o++ = '\0';
	b->len = (size_t)((char *)o - b->buf);
	if (r != stack)
		free(r);
	return start;
}

/* Fills the fast table: each code point of fast_ranges folded the slow way.
 * One that does not fit (pages or pool full, or a folded form longer than
 * twice the character, which fold_append() does not reserve) stays slow. */
static void fill_fast(void)
{
	struct fold_buf tmp = FOLD_BUF_INIT;
	size_t pool = 0, used_pages = 0;
	for (size_t i = 0; i < sizeof fast_ranges / sizeof *fast_ranges; i++)
		for (uint32_t c = fast_ranges[i].lo; c <= fast_ranges[i].hi; c++) {
			uint8_t u[4];
			int k = u8_uctomb(u, c, 4);
			tmp.len = 0;
			if (append_slow(&tmp, (const char *)u, (size_t)k) == SIZE_MAX)
				continue;
			size_t n = tmp.len - 1;
			if (!page_of[c >> 8]) {
				if (used_pages == FAST_PAGES)
					continue;
				page_of[c >> 8] = (uint8_t)++used_pages;
			}
			if (n == 0 || n > 2 * (size_t)k || pool + n > sizeof fast_pool)
				continue;
			memcpy(fast_pool + pool, tmp.buf, n);
			pages[page_of[c >> 8] - 1][c & 0xff] = (struct fast){(uint16_t)pool, (uint8_t)n};
			pool += n;
		}
	fold_buf_free(&tmp);
}

static void init(void)
{
	read_table();
	add_variants();
	close_chains();
	fill_fast(); /* last: the fast forms include the table */
}

int fold_init(const char **err)
{
	pthread_once(&once, init);
	if (err) /* OpenCC's table is built in: whatever could fail did so at build time */
		*err = NULL;
	return 0;
}

void fold_buf_free(struct fold_buf *b)
{
	free(b->buf);
	*b = (struct fold_buf)FOLD_BUF_INIT;
}

static const struct fast *fast_entry(uint32_t c)
{
	if (c > 0xffff || !page_of[c >> 8])
		return NULL;
	const struct fast *f = &pages[page_of[c >> 8] - 1][c & 0xff];
	return f->len ? f : NULL;
}

int fold_fast(uint32_t c)
{
	pthread_once(&once, init);
	return c < 0x80 || (c >= CJK_LO && c <= CJK_HI) || is_ideograph(c) || fast_entry(c);
}

size_t fold_append_reference(struct fold_buf *b, const char *s, size_t len)
{
	pthread_once(&once, init);
	return append_slow(b, s, len);
}

size_t fold_append(struct fold_buf *b, const char *s, size_t len)
{
	pthread_once(&once, init);
	/* The fast path writes at most twice what it reads: ASCII stays one
	 * byte, an ideograph (3 bytes) becomes at most an Extension B one (4),
	 * and fill_fast() keeps no longer form. So one reservation will do. */
	if (len > (SIZE_MAX - 1) / 2 - b->len || reserve(b, 2 * len + 1) < 0)
		return SIZE_MAX;
	/* reserve() gave room, so buf is set: said for the analyser, which
	 * does not follow reserve() and would see NULL + len written to. */
	assert(b->buf);
	size_t start = b->len;
	uint8_t *o = (uint8_t *)b->buf + start;
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	while (p < end) {
		uint32_t c = *p;
		if (c < 0x80) {
			*o++ = (uint8_t)(c - 'A' < 26 ? c + ('a' - 'A') : c);
			p++;
			continue;
		}
		/* Valid UTF-8 is promised; the length checks only keep a broken
		 * promise from reading past the end (u8_casefold() then refuses it). */
		size_t left = (size_t)(end - p);
		const struct fast *f = NULL;
		size_t k = 0; /* the bytes of the character f folds */
		if (c >= 0xe0 && c < 0xf0 && left >= 3) {
			c = (c & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
			if (c >= CJK_LO && c <= CJK_HI) {
				uint32_t m = cjk[c - CJK_LO];
				if (!m) {
					memcpy(o, p, 3);
					o += 3;
				} else if (m < 0x10000) {
					*o++ = (uint8_t)(0xe0 | m >> 12);
					*o++ = (uint8_t)(0x80 | (m >> 6 & 0x3f));
					*o++ = (uint8_t)(0x80 | (m & 0x3f));
				} else {
					*o++ = (uint8_t)(0xf0 | m >> 18);
					*o++ = (uint8_t)(0x80 | (m >> 12 & 0x3f));
					*o++ = (uint8_t)(0x80 | (m >> 6 & 0x3f));
					*o++ = (uint8_t)(0x80 | (m & 0x3f));
				}
				p += 3;
				continue;
			}
			f = fast_entry(c);
			k = 3;
		} else if (c >= 0xc2 && c < 0xe0 && left >= 2) {
			f = fast_entry((c & 0x1f) << 6 | (p[1] & 0x3f));
			k = 2;
		} else if (c >= 0xf0 && left >= 4) {
			c = (c & 0x07) << 18 | (uint32_t)(p[1] & 0x3f) << 12 |
			    (uint32_t)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
			if (is_ideograph(c)) { /* Extension B and later: themselves */
				memcpy(o, p, 4);
				o += 4;
				p += 4;
				continue;
			}
		}
		if (f) {
			memcpy(o, fast_pool + f->off, f->len);
			o += f->len;
			p += k;
			continue;
		}
		/* A character whose folding may depend on its neighbours (or that
		 * is just not in the tables): fold the whole text the slow way. */
		return append_slow(b, s, len);
	}
	*o++ = '\0';
	b->len = (size_t)((char *)o - b->buf);
	return start;
}

char *fold_str(const char *s, size_t len, size_t *outlen)
{
	struct fold_buf b = FOLD_BUF_INIT;
	if (fold_append(&b, s, len) == SIZE_MAX) {
		fold_buf_free(&b);
		return NULL;
	}
	if (outlen)
		*outlen = b.len - 1;
	return b.buf;
}
