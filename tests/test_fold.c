/* Folding for search: Simplified and Traditional, width and case meet; the
 * fast path is the slow path, character for character. */
#include "config.h"

#include <locale.h>
#include <pthread.h>
#include <stdlib.h>

#include <unistr.h>

#include <unicase.h>
#include <uninorm.h>

#include "fold.h"
#include "tap.h"
#include "text.h"

static char *fold(const char *s)
{
	return fold_str(s, strlen(s), NULL);
}

/* Do a and b fold to the same bytes (and to `want`, when given)? */
static void same(const char *a, const char *b, const char *want)
{
	char *fa = fold(a), *fb = fold(b);
	if (!is_str(fa, fb, "%s and %s fold alike", a, b))
		printf("#   %s -> %s, %s -> %s\n", a, fa, b, fb);
	if (want)
		is_str(fa, want, "%s folds to %s", a, want);
	free(fa);
	free(fb);
}

/* Does the fast path give what the reference gives for these bytes? */
static int agrees(struct fold_buf *f, struct fold_buf *r, const char *s, size_t len)
{
	f->len = r->len = 0;
	size_t a = fold_append(f, s, len), b = fold_append_reference(r, s, len);
	return a == 0 && b == 0 && f->len == r->len && memcmp(f->buf, r->buf, f->len) == 0;
}

static size_t put(char *o, uint32_t c)
{
	return (size_t)u8_uctomb((uint8_t *)o, c, 4);
}

static void *in_thread(void *arg)
{
	(void)arg;
	return fold("廣安經開區");
}

/* Runs first, so that two threads race to build the table. */
static void test_threads(void)
{
	pthread_t t[2];
	char *got[2] = {NULL, NULL};
	int started = 0;
	for (int i = 0; i < 2; i++)
		started += pthread_create(&t[i], NULL, in_thread, NULL) == 0;
	ok(started == 2, "two threads started");
	for (int i = 0; i < started; i++)
		pthread_join(t[i], (void **)&got[i]);
	is_str(got[0], "广安经开区", "first thread: the table was ready when it folded");
	is_str(got[1], "广安经开区", "second thread too");
	free(got[0]);
	free(got[1]);
}

static void test_chinese(void)
{
	const char *err = "unset";
	is_int(fold_init(&err), 0, "OpenCC's table loads");
	ok(err == NULL, "no error message when it does");

	same("广安经开区", "廣安經開區", "广安经开区");
	same("华蓥", "華鎣", "华蓥");
	same("资阳临空经济区", "資陽臨空經濟區", NULL);
	same("卫生院", "衞生院", "卫生院"); /* what hk2s adds to t2s */
	same("卫生院", "衛生院", NULL);
	same("颚", "顎", NULL);   /* what tw2s would have broken */
	same("苎", "薴", NULL);   /* a chain OpenCC leaves open: 薴 -> 苧 -> 苎 */
	same("⽣产", "生产", "生产"); /* Kangxi radicals from a PDF */
	same("\uf907", "龜", "龟");   /* a compatibility ideograph, then the table */
	same("\u9c0a", "\U0002cda0", NULL); /* to Extension B, which stays */
}

static void test_variants(void)
{
	/* Each of ours, with its Traditional and Simplified forms. */
	same("髙", "高", "高");
	same("髙新区", "高新區", "高新区");
	same("邨", "村", "村");
	same("塲", "場", "场");
	same("冨", "富", "富");
	same("厰", "廠", "厂");
	same("舖", "鋪", "铺");
	same("峩眉", "峨眉", "峨眉");
	/* The candidates OpenCC folds itself: a newer OpenCC must keep them. */
	same("峯", "峰", "峰");
	same("嶽", "岳", "岳");
	same("羣", "群", "群");
	same("鎭", "鎮", "镇");
	same("衆", "眾", "众");
	same("舘", "館", "馆");
	same("綫", "線", "线");
	same("甯", "寧", "宁");
}

static void test_width_case(void)
{
	same("ＡＳＣＩＩ", "ascii", "ascii");
	same("ASCII", "ascii", "ascii");
	same("①号楼", "1号楼", "1号楼");
	same("廣安ＡＢＣ（一期）①號", "广安abc(一期)1号", "广安abc(一期)1号");
	same("㈱", "(株)", "(株)");
	same("Ⅱ期", "ii期", "ii期");
	same("\u3000全角空格", " 全角空格", " 全角空格");
	same("5000㎡", "5000m2", "5000m2");
	same("Σίσυφος", "ΣΊΣΥΦΟΣ", NULL);
	same("Straße", "STRASSE", "strasse");

	/* Without Chinese, exactly what NFKC and case folding give. */
	static const char *const plain[] = {
		"Hello, World", "ＡＢＣ１２３", "Caf\u00e9 CAFE\u0301", "ﬁne Ⅻ ①②", "Straße İstanbul",
		"ΣΑΣ ς", "Ⓐ℃…", "ｶﾞｷﾞ", "한국어 ㄱㅏ", "emoji 👍🏽", "tab\tnew\nline",
	};
	for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
		size_t n1, n2;
		char *a = fold_str(plain[i], strlen(plain[i]), &n1);
		char *b = (char *)u8_casefold((const uint8_t *)plain[i], strlen(plain[i]), NULL, UNINORM_NFKC,
					      NULL, &n2);
		char *nb = realloc(b, n2 + 1); /* keep b to free if this fails */
		if (!nb)
			abort();
		b = nb;
		b[n2] = '\0';
		char name[64]; /* a TAP line must not hold a line break */
		snprintf(name, sizeof name, "%s", plain[i]);
		for (char *p = name; (p = strchr(p, '\n')) != NULL;)
			*p = '|';
		is_str(a, b, "no Chinese: as NFKC and case folding: %s", name);
		is_int((long long)n1, (long long)n2, "no Chinese: length: %s", name);
		free(a);
		free(b);
	}

	size_t n = 99;
	char *e = fold_str("", 0, &n);
	is_str(e, "", "empty folds to empty");
	is_int((long long)n, 0, "empty: length 0");
	free(e);
}

static void test_buffer(void)
{
	struct fold_buf b = FOLD_BUF_INIT;
	size_t a = fold_append(&b, "廣安", strlen("廣安"));
	size_t e = fold_append(&b, "", 0);
	size_t c = fold_append(&b, "ÀB", strlen("ÀB")); /* À: the slow path */
	is_int((long long)a, 0, "the first text starts at 0");
	is_str(b.buf + a, "广安", "the first text");
	is_int((long long)e, (long long)strlen("广安") + 1, "the next starts after the NUL");
	is_str(b.buf + e, "", "an empty text is just its NUL");
	is_int((long long)c, (long long)e + 1, "and then the third");
	is_str(b.buf + c, "àb", "the third, folded the slow way");
	is_int((long long)b.len, (long long)c + strlen("àb") + 1, "len counts every NUL");
	/* Long enough to grow the buffer, with the slow path's stack buffer too. */
	char big[3000];
	size_t k = 0;
	while (k + 4 < sizeof big)
		k += (size_t)(k % 9 == 0 ? put(big + k, 0x00c0) : put(big + k, 0x5ee3));
	big[k] = '\0';
	char *r = fold(big);
	size_t off = fold_append(&b, big, k);
	ok(off != SIZE_MAX && r && strcmp(b.buf + off, r) == 0, "a long text appended as fold_str gives it");
	free(r);
	fold_buf_free(&b);
	ok(b.buf == NULL && b.len == 0 && b.cap == 0, "freed buffer is empty");
}

/* Strings where folding is hard: composition across characters, special
 * case folds, compatibility forms, jamo, variants and the table. */
static const char *const tricky[] = {
	"", "a", "ASCII", "ＡＳＣＩＩ", "ａｂｃ１２３", "廣安經開區（一期）", "广安经开区", "髙塲冨",
	"e\u0301", "E\u0301\u0323", "A\u030a \u212b \u00c5", "\u212a Kelvin", "Straße ẞ", "İı",
	"ΣΑΣ ὈΔΥΣΣΕΎΣ ς", "\u0345\u0399\u1fbe", "ﬁﬂ ﬃ", "ｶﾞ ｶ\u3099 か\u3099 か゛", "①⑴⒈Ⓐⓐ⓪",
	"㈱㈠㊣㊖", "㎡㎏㍱㌀", "‗￣¨", "…‥", "℃°·×÷", "Ⅻⅻ", "\u3000、。〇《》",
	"\u1100\u1161\u11a8 가각 ㄱㅏ ㉠㉮", "\u0b47\u0b3e", "\uf907\uf900\ufa11", "⼀⽣⾔", "薴苧苎",
	"\u9c0a\U0002cda0\U00020000", "👍🏽 点赞", "“三个到位”——服务①×2℃", "Ⅱ期５０００㎡，￥１２亿",
	"a\u0308\u0301", "\u00e9\u0323", "Å\u0301", "\u3260\u1161", "\u3131\u314f", "\ufb01\u0301",
	"\u2126\u03a9", "\u01c4\u01c5\u01c6", "\u1e9b\u0323", "\u0130\u0307", "\u2f2d\u2f00",
	"q\u0307\u0323", "\u1e0a\u0323", "\u212b\u0301", "A\uff9e", "\u3000\u0301", "\u00b7\u0301",
	"〇\u302a", "\u2460\u0338", "\uff21\u0301", "a\u2017\u0301", "\U0001d400\u2102",
};

static void test_equivalence(void)
{
	struct fold_buf f = FOLD_BUF_INIT, r = FOLD_BUF_INIT, g = FOLD_BUF_INIT;
	int bad = 0;
	for (size_t i = 0; i < sizeof tricky / sizeof *tricky; i++)
		if (!agrees(&f, &r, tricky[i], strlen(tricky[i]))) {
			bad++;
			printf("# '%s': fast '%s', reference '%s'\n", tricky[i], f.buf, r.buf);
		}
	is_int(bad, 0, "fast path = reference on %zu tricky strings", sizeof tricky / sizeof *tricky);

	/* Folding twice changes nothing. */
	bad = 0;
	for (size_t i = 0; i < sizeof tricky / sizeof *tricky; i++) {
		f.len = g.len = 0;
		fold_append(&f, tricky[i], strlen(tricky[i]));
		fold_append(&g, f.buf, f.len - 1);
		if (f.len != g.len || memcmp(f.buf, g.buf, f.len) != 0) {
			bad++;
			printf("# '%s': '%s' then '%s'\n", tricky[i], f.buf, g.buf);
		}
	}
	is_int(bad, 0, "folding is idempotent on the tricky strings");

	/* Every code point by itself, fast or not. */
	char s[8];
	bad = 0;
	size_t fast = 0;
	for (uint32_t c = 1; c <= 0x10ffff; c++) {
		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		fast += (size_t)fold_fast(c);
		if (!agrees(&f, &r, s, put(s, c)) && bad++ < 10)
			printf("# U+%04X: fast '%s', reference '%s'\n", (unsigned)c, f.buf, r.buf);
	}
	is_int(bad, 0, "fast path = reference for every code point alone (%zu fast)", fast);

	/* Every pair of fast characters, both ways: they are folded one by one,
	 * so none may compose or reorder with another. Ideographs have no
	 * decomposition; a few stand for them, with ASCII and every other
	 * fast BMP character. */
	uint32_t *set = malloc(0x10000 * sizeof *set);
	size_t n = 0;
	for (uint32_t c = 0x20; c <= 0xffff && set; c++)
		if (fold_fast(c) && !(c >= 0x3400 && c <= 0x9fff))
			set[n++] = c;
	static const uint32_t ideographs[] = {0x4e00, 0x5e7f, 0x5ee3, 0x9ad9, 0x5872, 0x85b4, 0x9c0a,
					      0x3400, 0x4db5, 0x9fff, 0x4dc0, 0x20000, 0x2cda0};
	for (size_t i = 0; i < sizeof ideographs / sizeof *ideographs && set; i++)
		set[n++] = ideographs[i];
	bad = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			size_t k = put(s, set[i]);
			k += put(s + k, set[j]);
			if (!agrees(&f, &r, s, k) && bad++ < 10)
				printf("# U+%04X U+%04X: fast '%s', reference '%s'\n", (unsigned)set[i],
				       (unsigned)set[j], f.buf, r.buf);
		}
	ok(set && n > 900, "%zu fast characters to pair", n);
	is_int(bad, 0, "fast path = reference for every pair of them");
	free(set);

	/* Random strings of tricky characters, fast and slow mixed. */
	static const uint32_t pool[] = {
		'A', 'e', 'K', 's', ' ', 0x00e9, 0x00c5, 0x0301, 0x0308, 0x0323, 0x0338, 0x0345, 0x00df,
		0x1e9e, 0x0130, 0x03a3, 0x03c2, 0xfb01, 0x212a, 0x212b, 0xff76, 0xff9e, 0x3099, 0x309b,
		0x304b, 0x1100, 0x1161, 0x11a8, 0xac00, 0x3131, 0x314f, 0x3260, 0x326e, 0xf907, 0xfa11,
		0x2f00, 0x2f2d, 0x3000, 0x3001, 0x3007, 0xff21, 0xff41, 0x2460, 0x2474, 0x3231, 0x33a1,
		0x3371, 0x2017, 0xffe3, 0x00a8, 0x2026, 0x2103, 0x2160, 0x24b6, 0x5ee3, 0x5e7f, 0x9ad9,
		0x5872, 0x85b4, 0x82e7, 0x885e, 0x9f9c, 0x9c0a, 0x2cda0, 0x1f44d, 0x1f3fd, 0x0b47, 0x0b3e,
		0x00b7, 0x00d7, 0x201c, 0x201d, 0xff08, 0xff09, 0x4dc0,
	};
	uint32_t seed = 12345;
	bad = 0;
	for (int t = 0; t < 50000; t++) {
		char str[64];
		size_t k = 0;
		seed = seed * 1103515245 + 12345;
		int len = 1 + (int)(seed >> 16) % 7;
		for (int i = 0; i < len; i++) {
			seed = seed * 1103515245 + 12345;
			k += put(str + k, pool[(seed >> 16) % (sizeof pool / sizeof *pool)]);
		}
		if (!agrees(&f, &r, str, k) && bad++ < 10)
			printf("# '%.*s': fast '%s', reference '%s'\n", (int)k, str, f.buf, r.buf);
	}
	is_int(bad, 0, "fast path = reference on 50,000 random strings");
	fold_buf_free(&f);
	fold_buf_free(&r);
	fold_buf_free(&g);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_threads();
	test_chinese();
	test_variants();
	test_width_case();
	test_buffer();
	test_equivalence();
	return done_testing();
}
