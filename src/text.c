#include "config.h"
#include "text.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>

enum cls { KEEP, REPLACE, DROP, NEWLINE, SPACE, MARK };

static enum cls classify(ucs4_t c)
{
	/* The common cases first: ASCII and the CJK blocks a chart is made of. */
	if (c >= 0x20 && c < 0x7f)
		return KEEP;
	if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) ||
	    (c >= 0xff01 && c <= 0xff60))
		return KEEP;
	switch (c) {
	case '\t': return SPACE;
	case '\r': return DROP;
	case '\n': case 0x85: case 0x2028: case 0x2029: return NEWLINE;
	}
	if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
		return REPLACE;
	if (uc_is_general_category(c, UC_CATEGORY_Cf))
		return DROP;
	int w = wcwidth((wchar_t)c);
	if (w < 0)
		return REPLACE;
	if (w == 0)
		return MARK;
	return KEEP;
}

size_t text_sanitize(const char *in, size_t len, char *out, enum text_mode mode,
		     unsigned *changed)
{
	const uint8_t *s = (const uint8_t *)in, *end = s + len;
	uint8_t *o = (uint8_t *)out;
	int base = 0; /* is there a character a combining mark can sit on? */
	*changed = 0;
	while (s < end) {
		ucs4_t c;
		int n;
		if (*s >= 0x20 && *s < 0x7f) { /* ASCII fast path */
			*o++ = *s++;
			base = 1;
			continue;
		}
		n = u8_mbtouc(&c, s, (size_t)(end - s));
		if (c == 0xfffd && !(n == 3 && s[0] == 0xef && s[1] == 0xbf && s[2] == 0xbd))
			c = 0; /* invalid UTF-8: replace like a control */
		s += n;
		switch (classify(c)) {
		case KEEP:
			o += u8_uctomb(o, c, 6);
			base = 1;
			break;
		case MARK:
			if (!base) {
				o += u8_uctomb(o, 0x25cc, 6);
				*changed |= TEXT_REPLACED;
			}
			o += u8_uctomb(o, c, 6);
			base = 1;
			break;
		case REPLACE:
			o += u8_uctomb(o, 0xfffd, 6);
			*changed |= TEXT_REPLACED;
			base = 1;
			break;
		case DROP:
			if (c != '\r')
				*changed |= TEXT_DROPPED;
			break;
		case SPACE:
			*o++ = ' ';
			base = 1;
			break;
		case NEWLINE:
			*o++ = mode == TEXT_PARA ? '\n' : ' ';
			base = mode != TEXT_PARA;
			break;
		}
	}
	uint8_t *start = (uint8_t *)out;
	if (mode == TEXT_LINE) { /* trim: a name is not its padding */
		while (o > start && o[-1] == ' ')
			o--;
		size_t lead = 0;
		while (start + lead < o && start[lead] == ' ')
			lead++;
		memmove(start, start + lead, (size_t)(o - start) - lead);
		o -= lead;
	}
	*o = '\0';
	return (size_t)(o - start);
}

void text_excerpt(const char *s, size_t len, size_t max, char *out)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	size_t chars = 0;
	while (p < end) {
		const uint8_t *next = u8_grapheme_next(p, end);
		size_t n = u8_mbsnlen(p, (size_t)(next - p));
		if (chars + n > max) {
			memcpy(out, s, (size_t)((const char *)p - s));
			strcpy(out + ((const char *)p - s), "…");
			return;
		}
		chars += n;
		p = next;
	}
	memcpy(out, s, len);
	out[len] = '\0';
}

static int utf8_ctype(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

int text_locale_init(void)
{
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C"); /* numbers in charts are written with '.' */
	if (utf8_ctype())
		return 0;
	static const char *const fallbacks[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8"};
	for (size_t i = 0; i < sizeof fallbacks / sizeof *fallbacks; i++)
		if (setlocale(LC_CTYPE, fallbacks[i]) && utf8_ctype())
			return 1;
	return -1;
}
