#include "config.h"
#include "slips.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>

#include <unistr.h>

#define FULL_SPACE 0x3000
#define FULL_COLON 0xff1a

/* Characters that look like a list item's '-' to a person. */
static int is_dash(ucs4_t c)
{
	return c == 0xff0d /* － */ || c == 0x2014 /* — */ || c == 0x2013 /* – */ || c == 0x2212 /* − */;
}

/* Could `c` be part of a key written before a colon? */
static int keyish(ucs4_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '-' || (c >= 0x4e00 && c <= 0x9fff);
}

int slip_scan(const char *line, size_t len, struct slip *out)
{
	const uint8_t *p = (const uint8_t *)line, *end = p + len;
	unsigned col = 1;
	ucs4_t c = 0;
	int n;
	/* The indentation: ordinary spaces only. */
	for (; p < end; p += n, col++) {
		n = u8_mbtouc(&c, p, (size_t)(end - p));
		if (c == '\t') {
			out->col = col;
			snprintf(out->msg, sizeof out->msg, _("a tab in the indentation: YAML indents with spaces only"));
			return 1;
		}
		if (c == FULL_SPACE) {
			out->col = col;
			snprintf(out->msg, sizeof out->msg,
				 "a full-width space '　' (U+3000) in the indentation: indent with ordinary spaces");
			return 1;
		}
		if (c != ' ')
			break;
	}
	if (p < end && is_dash(c)) {
		out->col = col;
		snprintf(out->msg, sizeof out->msg,
			 _("a full-width dash '%.*s' (U+%04X) where a list item starts: write '- ', an ordinary hyphen and a space"),
			 n, (const char *)p, (unsigned)c);
		return 1;
	}
	if (p < end && c == '-' && p + 1 < end && (p[1] == ' ' || p[1] == 0xe3)) { /* "- " or "-　" */
		p++, col++;
		while (p < end && *p == ' ')
			p++, col++;
	}
	/* A key, then a full-width colon. */
	const uint8_t *key = p;
	for (; p < end; p += n, col++) {
		n = u8_mbtouc(&c, p, (size_t)(end - p));
		if (!keyish(c))
			break;
	}
	int klen = (int)(p - key) > 40 ? 40 : (int)(p - key);
	if (p > key && p < end && c == FULL_COLON) {
		out->col = col;
		snprintf(out->msg, sizeof out->msg,
			 "a full-width colon '：' (U+FF1A) after '%.*s': write '%.*s: ', with an ordinary colon and a space",
			 klen, (const char *)key, klen, (const char *)key);
		return 1;
	}
	/* key:value with no space: YAML reads it as one text, not a key */
	if (p > key && p + 1 < end && *p == ':' && p[1] != ' ' && p[1] != '\t' && p[1] != '/') {
		out->col = col;
		snprintf(out->msg, sizeof out->msg, _("no space after ':' following '%.*s': write '%.*s: ' and then the value"),
			 klen, (const char *)key, klen, (const char *)key);
		return 1;
	}
	return 0;
}
