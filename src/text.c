#include "config.h"
#include "text.h"

#include <langinfo.h>
#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <stdlib.h>

enum cls { KEEP, REPLACE, DROP, NEWLINE, SPACE, MARK };

/* The CJK blocks a chart is made of, all kept as they are. */
static int common_cjk(ucs4_t c)
{
	return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x3029) || (c >= 0xff01 && c <= 0xff60);
}

static enum cls classify(ucs4_t c)
{
	/* The common cases first: ASCII and the CJK blocks. */
	if (c >= 0x20 && c < 0x7f)
		return KEEP;
	if (common_cjk(c))
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
		if ((*s & 0xf0) == 0xe0 && end - s >= 3 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
			/* Three bytes of the common CJK blocks (none below U+0800,
			 * so never an overlong form, nor a surrogate): copied as
			 * they are, with no decoding and encoding again. */
			ucs4_t k = (ucs4_t)(*s & 0x0f) << 12 | (ucs4_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
			if (common_cjk(k)) {
				memcpy(o, s, 3);
				o += 3;
				s += 3;
				base = 1;
				continue;
			}
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

/* wcwidth() of the Basic Multilingual Plane, kept as it is asked for, a page
 * of 256 code points at a time: a chart's texts use a few pages (CJK, its
 * punctuation) over and over, and glibc's wcwidth() costs a call and a
 * three-level lookup each time. A page is filled under the lock and then
 * published (release) before any thread reads it (acquire), so any thread
 * may measure. The widths are those of the locale at a page's first use:
 * guatu sets its locale once, at the start. */
static int8_t bmp_width[0x10000];
static atomic_uchar page_ready[0x100];
static pthread_mutex_t page_lock = PTHREAD_MUTEX_INITIALIZER;

static int wcwidth1(ucs4_t c)
{
	int w = wcwidth((wchar_t)c);
	return w < 0 ? 1 : w; /* sanitised text has none; count a stray as one */
}

static void fill_page(unsigned page)
{
	pthread_mutex_lock(&page_lock);
	if (!atomic_load_explicit(&page_ready[page], memory_order_relaxed)) {
		for (ucs4_t c = page << 8; c < (page + 1) << 8; c++)
			bmp_width[c] = (int8_t)wcwidth1(c);
		atomic_store_explicit(&page_ready[page], 1, memory_order_release);
	}
	pthread_mutex_unlock(&page_lock);
}

/* The columns of one code point, as ncurses and tmux count them. */
static int cp_width(ucs4_t c)
{
	if (c >= 0x20 && c < 0x7f)
		return 1;
	if (c > 0xffff)
		return wcwidth1(c);
	if (!atomic_load_explicit(&page_ready[c >> 8], memory_order_acquire))
		fill_page(c >> 8);
	return bmp_width[c];
}

/* Decodes the character at p (before end): the three-byte forms every CJK
 * text is made of inline, the rest (and anything invalid) by libunistring. */
static int next_cp(const uint8_t *p, const uint8_t *end, ucs4_t *c)
{
	/* E1..EC and EE..EF followed by two continuation bytes are always
	 * valid; E0 (overlong forms) and ED (surrogates) need more checks. */
	if (end - p >= 3 && (p[0] & 0xf0) == 0xe0 && p[0] != 0xe0 && p[0] != 0xed &&
	    (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80) {
		*c = (ucs4_t)(p[0] & 0x0f) << 12 | (ucs4_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
		return 3;
	}
	return u8_mbtouc(c, p, (size_t)(end - p));
}

int text_width(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	int w = 0;
	while (p < end) {
		if (*p < 0x80) {
			w += *p++ >= 0x20;
			continue;
		}
		ucs4_t c;
		p += next_cp(p, end, &c);
		w += cp_width(c);
	}
	return w;
}

int text_width_cells(const char *s, size_t len, int *cells)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	int w = 0, one = 1;
	while (p < end) {
		if (*p < 0x80) {
			one &= *p >= 0x20;
			w += *p++ >= 0x20;
			continue;
		}
		ucs4_t c;
		p += next_cp(p, end, &c);
		int cw = cp_width(c);
		one &= cw > 0;
		w += cw;
	}
	*cells = one;
	return w;
}

const char *text_next(const char *s, const char *end, int *width)
{
	const uint8_t *p = (const uint8_t *)s;
	const uint8_t *next = *p < 0x80 && (p + 1 == (const uint8_t *)end || p[1] < 0x80)
				      ? p + 1 /* ASCII followed by ASCII: a cluster of its own */
				      : u8_grapheme_next(p, (const uint8_t *)end);
	*width = text_width(s, (size_t)(next - p));
	return (const char *)next;
}

const char *text_cell_next(const char *s, const char *end, int *width)
{
	const uint8_t *p = (const uint8_t *)s, *e = (const uint8_t *)end;
	ucs4_t c;
	p += next_cp(p, e, &c);
	*width = cp_width(c);
	while (p < e) { /* zero-width followers (marks, variation selectors) */
		if (*p < 0x80)
			break;
		int n = next_cp(p, e, &c);
		if (cp_width(c) != 0)
			break;
		p += n;
	}
	return (const char *)p;
}

size_t text_fit(const char *s, size_t len, int width, enum align align,
		const char *ellipsis, char *out)
{
	char *o = out;
	int w = text_width(s, len), pad = 0;
	if (width <= 0) {
		*o = '\0';
		return 0;
	}
	if (w <= width) {
		pad = width - w;
		int left = align == ALIGN_RIGHT ? pad : align == ALIGN_CENTER ? pad / 2 : 0;
		memset(o, ' ', (size_t)left);
		o += left;
		memcpy(o, s, len);
		o += len;
		pad -= left;
	} else {
		/* Keep whole clusters while they leave a column for the ellipsis;
		 * a wide one that does not fit leaves a blank instead of half of it. */
		const char *p = s, *end = s + len;
		int used = 0, cw;
		while (p < end) {
			const char *next = text_next(p, end, &cw);
			if (used + cw > width - 1)
				break;
			used += cw;
			p = next;
		}
		memcpy(o, s, (size_t)(p - s));
		o += p - s;
		size_t el = strlen(ellipsis);
		memcpy(o, ellipsis, el);
		o += el;
		pad = width - used - 1;
	}
	memset(o, ' ', (size_t)pad);
	o += pad;
	*o = '\0';
	return (size_t)(o - out);
}

size_t text_wrap(const char *s, size_t len, int width, struct text_line *lines, size_t max)
{
	if (width < 1)
		width = 1;
	/* Most texts wrapped are short: no allocation for them. A long one
	 * with no memory for its break points is still shown whole, split at
	 * the width (issue #14: running out of memory never loses text). */
	char small[1024], *brk = len <= sizeof small ? small : malloc(len);
	/* UAX #14 says where a line may break (never before ，。 or after “);
	 * wcwidth says how wide each piece is, as the terminal will. */
	if (brk)
		u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", brk);
	size_t n = 0;
	const char *end = s + len, *start = s;
	while (start < end && n < max) {
		const char *p = start, *cut = NULL, *line_end = end;
		int w = 0, cw;
		while (p < end) {
			size_t i = (size_t)(p - s);
			if (p > start && brk && brk[i] == UC_BREAK_MANDATORY) {
				line_end = p;
				break;
			}
			if (*p == '\n') { /* the mandatory break is after the newline */
				line_end = p;
				break;
			}
			if (p > start && brk && brk[i] == UC_BREAK_POSSIBLE)
				cut = p;
			const char *next = text_next(p, end, &cw);
			if (w + cw > width && p > start) {
				/* Too wide: break at the last opportunity, else hard-split here. */
				line_end = cut && cut > start ? cut : p;
				break;
			}
			w += cw;
			p = next;
		}
		const char *e = line_end;
		while (e > start && e[-1] == ' ') /* no trailing blanks */
			e--;
		lines[n].start = (size_t)(start - s);
		lines[n].len = (size_t)(e - start);
		n++;
		start = line_end;
		if (start < end && *start == '\n')
			start++;
		else
			while (start < end && *start == ' ' && line_end != end) /* no leading blanks on a wrapped line */
				start++;
	}
	if (brk != small)
		free(brk);
	return n;
}

static int utf8_ctype(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

int text_locale_init(void)
{
	/* A locale that could not be loaded for want of memory is not a
	 * locale that is not there: say out of memory rather than take
	 * another (issue #14). */
	errno = 0;
	if (!setlocale(LC_ALL, "") && errno == ENOMEM)
		return -2;
	setlocale(LC_NUMERIC, "C"); /* numbers in charts are written with '.' */
	if (utf8_ctype())
		return 0;
	static const char *const fallbacks[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8"};
	for (size_t i = 0; i < sizeof fallbacks / sizeof *fallbacks; i++) {
		errno = 0;
		if (setlocale(LC_CTYPE, fallbacks[i]) && utf8_ctype())
			return 1;
		if (errno == ENOMEM)
			return -2;
	}
	return -1;
}
