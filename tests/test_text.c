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

#define S(lit) lit, sizeof lit - 1
#define FFFD "\xef\xbf\xbd"

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
	return done_testing();
}
