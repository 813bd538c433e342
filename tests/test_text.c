/* The sanitiser: what may reach a terminal or a log from a chart file. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "tap.h"
#include "text.h"

static void check(const char *in, size_t len, enum text_mode mode, const char *want,
		  unsigned want_changed, const char *name)
{
	char *out = malloc(TEXT_SANITIZE_MAX(len));
	unsigned changed;
	size_t n = text_sanitize(in, len, out, mode, &changed);
	is_str(out, want, "%s", name);
	is_int((long long)n, (long long)strlen(want), "%s: length", name);
	is_int(changed, want_changed, "%s: reported changes", name);
	free(out);
}

#define S(lit) (lit), sizeof(lit) - 1
#define FFFD "\xef\xbf\xbd"

static const char *const samples[] = {
	"资阳临空经济区", "廣安經開區（一期）", "推动华强方特、莱斯特等四季度开工建设。",
	"“三个到位”服务①×2℃", "e\xcc\x81t\xc3\xa9 caf\xc3\xa9", "👍🏽 点赞", "\xe3\x80\x80全角空格",
	"ASCII only, a longer line of plain text", "中a文b混c排d", "",
	"家庭\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7合影", /* a ZWJ sequence */
};

static void test_width(void)
{
	is_int(text_width(S("资阳")), 4, "CJK is two columns each");
	is_int(text_width(S("（，。：；！？、《》「」【】）")), 30, "full-width punctuation is two");
	is_int(text_width(S("“”‘’·—…①×°℃─¥")), 13, "ambiguous-width characters are one (glibc)");
	is_int(text_width(S("\xe3\x80\x80")), 2, "ideographic space is two");
	is_int(text_width(S("e\xcc\x81")), 1, "a combining mark adds nothing");
	is_int(text_width(S("👍")), 2, "emoji is two");
	is_int(text_width(S("ＡＢＣ１２３")), 12, "full-width letters and digits are two");
	is_int(text_width(S("abc")), 3, "ASCII is one");
}

static void test_fit(void)
{
	char out[512];
	text_fit(S("资阳临空经济区"), 8, ALIGN_LEFT, "…", out);
	is_str(out, "资阳临… ", "cut: a wide char that does not fit leaves a blank");
	text_fit(S("资阳临空经济区"), 9, ALIGN_LEFT, "…", out);
	is_str(out, "资阳临空…", "cut at 9");
	text_fit(S("资阳"), 7, ALIGN_LEFT, "…", out);
	is_str(out, "资阳   ", "pad left-aligned");
	text_fit(S("资阳"), 7, ALIGN_RIGHT, "…", out);
	is_str(out, "   资阳", "pad right-aligned");
	text_fit(S("资阳"), 7, ALIGN_CENTER, "…", out);
	is_str(out, " 资阳  ", "pad centred");
	text_fit(S("资阳"), 1, ALIGN_LEFT, "…", out);
	is_str(out, "…", "one column: just the ellipsis");
	text_fit(S("资阳"), 1, ALIGN_LEFT, "~", out);
	is_str(out, "~", "--ascii ellipsis");
	text_fit(S("abe\xcc\x81" "cdef"), 4, ALIGN_LEFT, "…", out);
	is_str(out, "abe\xcc\x81…", "a combining mark stays with its base");
	text_fit(S("资阳"), 0, ALIGN_LEFT, "…", out);
	is_str(out, "", "zero width: nothing");

	/* Every sample at every width from 1 to 40 is exactly that wide, and
	 * either the whole text or a prefix of whole clusters. */
	int bad = 0;
	for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
		size_t len = strlen(samples[i]);
		for (int w = 1; w <= 40; w++) {
			size_t n = text_fit(samples[i], len, w, (enum align)(w % 3), "…", out);
			if (text_width(out, n) != w || n != strlen(out))
				bad++;
			const char *e = strstr(out, "…");
			int cut = text_width(samples[i], len) > w;
			if (cut != (e != NULL && !strstr(samples[i], "…")))
				bad++;
			if (cut && strncmp(out, samples[i], (size_t)(e - out)) != 0)
				bad++;
		}
	}
	is_int(bad, 0, "every sample at every width 1..40 is exactly that wide");
}

static void test_wrap(void)
{
	struct text_line l[32];
	char got[512];
	const char *para = "推动华强方特、莱斯特等四季度开工建设，越凡创新、九天中创加快建设。";
	size_t n = text_wrap(para, strlen(para), 10, l, 32);
	got[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		strncat(got, para + l[i].start, l[i].len);
		strcat(got, "|");
	}
	is_str(got, "推动华强方|特、莱斯特|等四季度开|工建设，越|凡创新、九|天中创加快|建设。|",
	       "Chinese wraps between characters, never before 、，。");
	int bad = 0;
	for (size_t i = 0; i < sizeof samples / sizeof *samples; i++)
		for (int w = 2; w <= 40; w++) {
			n = text_wrap(samples[i], strlen(samples[i]), w, l, 32);
			for (size_t k = 0; k < n; k++) {
				const char *p = samples[i] + l[k].start, *e = p + l[k].len;
				int cw;
				/* Only a single cluster wider than the line may stick out. */
				if (text_width(p, l[k].len) > w && text_next(p, e, &cw) != e) {
					bad++;
					printf("# '%.*s' at %d\n", (int)l[k].len, p, w);
				}
			}
		}
	is_int(bad, 0, "no wrapped line is wider than asked (but for one wide cluster), widths 2..40");
	const char *mixed = "Phase one\n一期工程 already done";
	n = text_wrap(mixed, strlen(mixed), 12, l, 32);
	got[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		strncat(got, mixed + l[i].start, l[i].len);
		strcat(got, "|");
	}
	is_str(got, "Phase one|一期工程|already done|", "newline breaks; words are not split");
	const char *longword = "abcdefghijklmnop";
	n = text_wrap(longword, strlen(longword), 5, l, 32);
	is_int((long long)n, 4, "a word wider than the line is hard-split");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	check(S("资阳临空经济区"), TEXT_LINE, "资阳临空经济区", 0, "CJK kept");
	check(S("廣安經開區（一期）"), TEXT_LINE, "廣安經開區（一期）", 0, "Traditional and full-width kept");
	check(S("“三个到位”①×℃—…"), TEXT_LINE, "“三个到位”①×℃—…", 0, "ambiguous-width kept");
	check(S("\xe3\x80\x80全角空格"), TEXT_LINE, "\xe3\x80\x80全角空格", 0, "ideographic space kept");
	check(S("e\xcc\x81t\xc3\xa9"), TEXT_LINE, "e\xcc\x81t\xc3\xa9", 0, "combining mark on a base kept");
	check(S("👍🏽"), TEXT_LINE, "👍🏽", 0, "emoji with modifier kept");

	check(S("\x1b[2Jboom"), TEXT_LINE, FFFD "[2Jboom", TEXT_REPLACED, "ESC replaced");
	check(S("\x1b]0;title\x07"), TEXT_LINE, FFFD "]0;title" FFFD, TEXT_REPLACED, "OSC and BEL replaced");
	check(S("a\xc2\x9b" "31m"), TEXT_LINE, "a" FFFD "31m", TEXT_REPLACED, "C1 CSI replaced");
	check(S("a\x7f" "b"), TEXT_LINE, "a" FFFD "b", TEXT_REPLACED, "DEL replaced");
	check("a\0b", 3, TEXT_LINE, "a" FFFD "b", TEXT_REPLACED, "NUL replaced, length not strlen");
	check(S("a\xffz"), TEXT_LINE, "a" FFFD "z", TEXT_REPLACED, "invalid UTF-8 replaced");
	check(S("\xef\xbf\xbf"), TEXT_LINE, FFFD, TEXT_REPLACED, "U+FFFF (width -1) replaced");
	check(S(FFFD), TEXT_LINE, FFFD, 0, "U+FFFD itself is not a change");

	check(S("abc\xe2\x80\xae" "def"), TEXT_LINE, "abcdef", TEXT_DROPPED, "RLO dropped");
	check(S("a\xe2\x80\x8b" "b\xe2\x80\x8d" "c"), TEXT_LINE, "abc", TEXT_DROPPED, "ZWSP and ZWJ dropped");
	check(S("\xef\xbb\xbf" "bom"), TEXT_LINE, "bom", TEXT_DROPPED, "BOM dropped");
	check(S("soft\xc2\xadhyphen"), TEXT_LINE, "softhyphen", TEXT_DROPPED, "soft hyphen dropped");

	check(S("a\tb"), TEXT_LINE, "a b", 0, "TAB becomes a space");
	check(S("a\r\nb"), TEXT_LINE, "a b", 0, "CRLF becomes a space in a line");
	check(S("a\r\nb"), TEXT_PARA, "a\nb", 0, "CRLF becomes LF in a note");
	check(S("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c"), TEXT_PARA, "a\nb\nc", 0, "U+2028/2029 become LF in a note");
	check(S("a\xe2\x80\xa8" "b"), TEXT_LINE, "a b", 0, "U+2028 becomes a space in a line");
	check(S("  名称  "), TEXT_LINE, "名称", 0, "a line is trimmed");
	check(S("  note\n"), TEXT_PARA, "  note\n", 0, "a note is not trimmed");

	/* Three-byte forms the CJK fast path must not take as characters. */
	check(S("资\xed\xa0\x80阳"), TEXT_LINE, "资" FFFD "阳", TEXT_REPLACED, "an encoded surrogate replaced");
	check(S("资\xe0\x80\xaf"), TEXT_LINE, "资" FFFD, TEXT_REPLACED, "an overlong form replaced");
	check(S("资\xe4\xb8"), TEXT_LINE, "资" FFFD, TEXT_REPLACED, "a cut-off character at the end replaced");
	check(S("\xe4\xb8\x41"), TEXT_LINE, FFFD "A", TEXT_REPLACED, "a lead byte with too few continuation bytes");
	check(S("\xe9\xbf\xbf\xe4\xb8\x80\xe3\x80\xa9\xef\xbd\xa0"), TEXT_LINE,
	      "\xe9\xbf\xbf\xe4\xb8\x80\xe3\x80\xa9\xef\xbd\xa0", 0, "the CJK blocks' edges kept");
	check(S("\xe3\x80\xaa" "a"), TEXT_LINE, "\xe2\x97\x8c\xe3\x80\xaa" "a", TEXT_REPLACED,
	      "U+302A, just past them, is a combining mark");
	check(S("\xcc\x81" "x"), TEXT_LINE, "\xe2\x97\x8c\xcc\x81x", TEXT_REPLACED, "lone combining mark gets U+25CC");
	check(S("a\n\xcc\x81"), TEXT_PARA, "a\n\xe2\x97\x8c\xcc\x81", TEXT_REPLACED, "combining mark after a line break gets U+25CC");
	check(S("\x1b\xcc\x81"), TEXT_LINE, FFFD "\xcc\x81", TEXT_REPLACED, "mark after a replaced control sits on U+FFFD");

	/* The excerpt cuts between grapheme clusters. */
	char out[4 * 40 + 8];
	text_excerpt(S("资阳临空经济区"), 4, out);
	is_str(out, "资阳临空…", "excerpt of 4 characters");
	text_excerpt(S("ab"), 4, out);
	is_str(out, "ab", "short text is not cut");
	text_excerpt(S("abe\xcc\x81" "cd"), 3, out);
	is_str(out, "ab…", "a cluster that does not fit is not split");
	test_width();
	test_fit();
	test_wrap();
	return done_testing();
}
