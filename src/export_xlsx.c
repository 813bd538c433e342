/* --export xlsx: a workbook the office can send on, through libxlsxwriter.
 *
 * Two sheets, milestones and targets, each with a title row (the chart's
 * title and the day it is as of), a frozen header row with an autofilter,
 * columns as wide as their widest text (wcwidth(): a Chinese character is
 * two columns, as in Excel's default fonts), dates as Excel dates, and the
 * rows that need attention filled red, those due soon amber. Rows are
 * streamed to libxlsxwriter's temporary files (constant_memory), so a city's
 * 200,000 milestones do not sit in memory twice. Without libxlsxwriter at
 * build time, only the message is here.
 *
 * The library is opened with dlopen() when a book is written, not linked:
 * it brings minizip and OpenSSL's libcrypto, and loading those cost every
 * other run of guatu (each --print from cron, each --check) 2 MB and 3 ms. */
#include "config.h"
#include "export.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

const char *export_no_xlsx(void)
{
	return _("this guatu was built without libxlsxwriter, so it cannot write xlsx "
		 "(Debian: apt-get install libxlsxwriter-dev, then build guatu again); "
		 "--export csv opens in Excel and WPS too");
}

#ifndef HAVE_XLSXWRITER

const int export_have_xlsx = 0;

int export_xlsx(const char *file, const char *shown, const struct chart *c, const struct summary *s, char *err,
		size_t cap)
{
	(void)file, (void)shown, (void)c, (void)s;
	snprintf(err, cap, "%s", export_no_xlsx());
	return -1;
}

#else

#include <dlfcn.h>
#include <xlsxwriter.h>
#include <zlib.h>

const int export_have_xlsx = 1;

/* Every libxlsxwriter function used here, called through xl: its type is
 * the header's own declaration (__typeof__ does not refer to the symbol, so
 * nothing links it). */
#define XLSX_CALLS(X)                                                                                              \
	X(workbook_new_opt)                                                                                        \
	X(workbook_add_worksheet)                                                                                  \
	X(workbook_add_format)                                                                                     \
	X(workbook_validate_sheet_name)                                                                            \
	X(workbook_close)                                                                                          \
	X(worksheet_write_string)                                                                                  \
	X(worksheet_write_blank)                                                                                   \
	X(worksheet_write_number)                                                                                  \
	X(worksheet_write_datetime)                                                                                \
	X(worksheet_set_column)                                                                                    \
	X(worksheet_freeze_panes)                                                                                  \
	X(worksheet_autofilter)                                                                                    \
	X(format_set_pattern)                                                                                      \
	X(format_set_bg_color)                                                                                     \
	X(format_set_font_color)                                                                                   \
	X(format_set_num_format)                                                                                   \
	X(format_set_bold)                                                                                         \
	X(format_set_font_size)                                                                                    \
	X(format_set_bottom)                                                                                       \
	X(lxw_strerror)

static struct {
#define X(f) __typeof__(&f) f; /* NOLINT(bugprone-macro-parentheses): a type and a member's name */
	XLSX_CALLS(X)
#undef X
} xl;

/* Opens the library once; NULL, or why it could not (dlerror()'s words,
 * which name the file). */
static const char *xl_open(void)
{
	static void *lib;
	static char why[256]; /* dlerror()'s words, kept past the dlclose() */
	if (lib)
		return NULL;
	void *h = dlopen(XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return dlerror();
	/* POSIX lets dlsym's pointer be a function's; memcpy says so without
	 * the cast ISO C has no word for. */
#define X(f)                                                                                                       \
	{                                                                                                          \
		void *p = dlsym(h, #f);                                                                            \
		if (!p) {                                                                                          \
			snprintf(why, sizeof why, "%s", dlerror());                                                \
			dlclose(h);                                                                                \
			return why;                                                                                \
		}                                                                                                  \
		memcpy(&xl.f, &p, sizeof p);                                                                       \
	}
	XLSX_CALLS(X)
#undef X
	lib = h;
	return NULL;
}

enum { F_TEXT, F_DATE, F_NUM, F_SHARE, F_KINDS };
enum { MAX_WIDTH = 60, EXCEL_TEXT_MAX = 32767 };

struct book {
	lxw_workbook *wb;
	lxw_format *title, *header;
	lxw_format *fmt[3][F_KINDS]; /* by mark (export_mark), by kind of cell */
	lxw_error err;               /* the first error */
	char *buf, *cut;
	size_t cap, cutcap;
	const char *as_of;
};

static void keep(struct book *b, lxw_error e)
{
	if (e && !b->err)
		b->err = e;
}

/* Excel keeps at most 32,767 characters in a cell: a longer text is cut at a
 * character (libxlsxwriter would refuse the cell). */
static const char *fit(struct book *b, const char *s, size_t len)
{
	size_t chars = 0, i = 0;
	for (; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars > EXCEL_TEXT_MAX)
			break;
	if (i == len && s[len] == '\0')
		return s;
	if (i + 1 > b->cutcap) {
		char *p = realloc(b->cut, i + 1);
		if (!p)
			return NULL;
		b->cut = p;
		b->cutcap = i + 1;
	}
	memcpy(b->cut, s, i);
	b->cut[i] = '\0';
	return b->cut;
}

static void put_text(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t col, const char *s, size_t len,
		     lxw_format *f)
{
	const char *t = fit(b, s, len);
	if (!t)
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	else
		keep(b, *t ? xl.worksheet_write_string(ws, r, col, t, f) : xl.worksheet_write_blank(ws, r, col, f));
}

static void put_cell(struct book *b, const struct chart *c, lxw_worksheet *ws, lxw_row_t r, lxw_col_t col,
		     const struct export_cell *cell, enum export_mark mark)
{
	lxw_format *const *f = b->fmt[mark];
	switch (cell->type) {
	case CELL_DATE: {
		int y, m, d;
		date_to_ymd(cell->day, &y, &m, &d);
		if (y >= 1900 && y <= 9999) { /* Excel's dates */
			lxw_datetime dt = {y, m, d, 0, 0, 0};
			keep(b, xl.worksheet_write_datetime(ws, r, col, &dt, f[F_DATE]));
			return;
		}
		break;
	}
	case CELL_INT: keep(b, xl.worksheet_write_number(ws, r, col, (double)cell->n, f[F_NUM])); return;
	case CELL_NUM: keep(b, xl.worksheet_write_number(ws, r, col, cell->num, f[F_NUM])); return;
	case CELL_SHARE: keep(b, xl.worksheet_write_number(ws, r, col, cell->num, f[F_SHARE])); return;
	case CELL_NONE: keep(b, xl.worksheet_write_blank(ws, r, col, f[F_TEXT])); return; /* the fill goes on */
	default: break;
	}
	size_t len;
	const char *t = export_cell_text(c, cell, &b->buf, &b->cap, &len);
	if (!t)
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	else
		put_text(b, ws, r, col, t, len, f[F_TEXT]);
}

typedef void row_fn(const struct chart *c, const struct summary *s, uint32_t i, struct export_row *r);

/* One sheet: the title row, the header, a row per item of order[]. */
static void sheet(struct book *b, const char *name, const struct chart *c, const struct summary *s,
		  const struct export_column *cols, int ncols, const uint32_t *order, size_t n, row_fn *row)
{
	/* A translated name may be one Excel does not take (over 31
	 * characters, or with []:*?/\\ in it): say which error. */
	lxw_error e = xl.workbook_validate_sheet_name(b->wb, name);
	lxw_worksheet *ws = e ? NULL : xl.workbook_add_worksheet(b->wb, name);
	struct export_row rw;
	int width[EXPORT_MAX_COLS];
	if (!ws) {
		keep(b, e ? e : LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	/* Widths first: in constant_memory mode rows go out as they are written. */
	for (int k = 0; k < ncols; k++)
		width[k] = text_width(_(cols[k].header), strlen(_(cols[k].header)));
	for (size_t i = 0; i < n && !b->err; i++) {
		row(c, s, order[i], &rw);
		for (int k = 0; k < ncols; k++) {
			size_t len;
			const char *t = export_cell_text(c, &rw.cell[k], &b->buf, &b->cap, &len);
			int w = !t ? 0 : len > (size_t)4 * MAX_WIDTH ? MAX_WIDTH : text_width(t, len);
			if (!t)
				keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			if (w > width[k])
				width[k] = w < MAX_WIDTH ? w : MAX_WIDTH;
		}
	}
	for (int k = 0; k < ncols; k++) /* a little room for the autofilter's button */
		keep(b, xl.worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, width[k] + 3, NULL));
	put_text(b, ws, 0, 0, b->as_of, strlen(b->as_of), b->title);
	for (int k = 0; k < ncols; k++) {
		const char *h = _(cols[k].header);
		put_text(b, ws, 1, (lxw_col_t)k, h, strlen(h), b->header);
	}
	for (size_t i = 0; i < n && !b->err; i++) {
		row(c, s, order[i], &rw);
		for (int k = 0; k < ncols; k++)
			put_cell(b, c, ws, (lxw_row_t)(i + 2), (lxw_col_t)k, &rw.cell[k], rw.mark);
	}
	xl.worksheet_freeze_panes(ws, 2, 0);
	keep(b, xl.worksheet_autofilter(ws, 1, 0, (lxw_row_t)(n + 1), (lxw_col_t)(ncols - 1)));
}

static lxw_format *format(struct book *b, enum export_mark mark, int kind)
{
	static const lxw_color_t fill[] = {[MARK_BAD] = 0xFFC7CE, [MARK_SOON] = 0xFFEB9C},
				 ink[] = {[MARK_BAD] = 0x9C0006, [MARK_SOON] = 0x9C5700};
	lxw_format *f = xl.workbook_add_format(b->wb);
	if (!f)
		return NULL;
	if (mark != MARK_NONE) {
		xl.format_set_pattern(f, LXW_PATTERN_SOLID);
		xl.format_set_bg_color(f, fill[mark]);
		xl.format_set_font_color(f, ink[mark]);
	}
	if (kind == F_DATE)
		xl.format_set_num_format(f, "yyyy-mm-dd");
	else if (kind == F_SHARE)
		xl.format_set_num_format(f, "0.0%");
	return f;
}

/* ---- reading the book back -------------------------------------------
 * libxlsxwriter writes every part of the book to a temporary file and zips
 * it at the end, without checking those writes: with $TMPDIR full it zips
 * parts cut short and reports success (a book Excel cannot open, sent on
 * as if whole). So the book is read back: every XML part must inflate
 * whole and end with its root element's end tag. Streamed through a small
 * window: a city's sheet inflates to a hundred megabytes. */

static uint32_t le(const unsigned char *p, int n)
{
	uint32_t v = 0;
	while (n--)
		v = v << 8 | p[n];
	return v;
}

/* Whether the part at `at` (its local header) of the zip in buf inflates
 * to `size` bytes of XML that ends with its root element's end tag. */
static int part_whole(const unsigned char *buf, size_t len, size_t at, int method, size_t csize, size_t size)
{
	if (at > len || len - at < 30 || le(buf + at, 4) != 0x04034b50)
		return 0;
	size_t data = at + 30 + le(buf + at + 26, 2) + le(buf + at + 28, 2);
	if (data > len || len - data < csize)
		return 0;
	char head[256], tail[256], win[65536];
	size_t nhead = 0, ntail = 0, total = 0;
	z_stream z = {.next_in = (unsigned char *)buf + data, .avail_in = (uInt)csize};
	int r = Z_STREAM_END;
	if (method == 8 && inflateInit2(&z, -MAX_WBITS) != Z_OK)
		return 0;
	for (;;) {
		size_t got;
		if (method == 0) { /* stored */
			got = csize - total < sizeof win ? csize - total : sizeof win;
			memcpy(win, buf + data + total, got);
		} else {
			z.next_out = (unsigned char *)win;
			z.avail_out = sizeof win;
			r = inflate(&z, Z_NO_FLUSH);
			got = sizeof win - z.avail_out;
		}
		size_t k = got < sizeof head - nhead ? got : sizeof head - nhead;
		memcpy(head + nhead, win, k), nhead += k;
		if (got >= sizeof tail) {
			memcpy(tail, win + got - sizeof tail, sizeof tail), ntail = sizeof tail;
		} else if (got) {
			size_t keep = ntail + got > sizeof tail ? sizeof tail - got : ntail;
			memmove(tail, tail + ntail - keep, keep);
			memcpy(tail + keep, win, got), ntail = keep + got;
		}
		total += got;
		if (method == 0 ? total == csize : r != Z_OK || (!got && !z.avail_in))
			break;
	}
	if (method == 8)
		inflateEnd(&z);
	if (r != Z_STREAM_END || total != size || (method != 0 && method != 8))
		return 0;
	/* The root: the first element after the <?xml ...?> declaration. */
	size_t i = 0;
	if (nhead > 1 && head[0] == '<' && head[1] == '?')
		while (i < nhead && head[i] != '>')
			i++;
	while (i < nhead && head[i] != '<')
		i++;
	size_t name = ++i;
	while (i < nhead && !strchr(" \t\r\n/>", head[i]))
		i++;
	size_t nlen = i - name;
	while (ntail && strchr(" \t\r\n", tail[ntail - 1]))
		ntail--;
	return nlen && i < nhead && ntail >= nlen + 3 && tail[ntail - 1] == '>' &&
	       !memcmp(tail + ntail - nlen - 3, "</", 2) && !memcmp(tail + ntail - nlen - 1, head + name, nlen);
}

/* Whether every XML part of the book in `file` is whole. */
static int book_whole(const char *file)
{
	FILE *f = fopen(file, "rb");
	unsigned char *buf = NULL;
	size_t len = 0;
	int whole = 0;
	if (f && fseek(f, 0, SEEK_END) == 0) {
		long n = ftell(f);
		if (n > 22 && (buf = malloc((size_t)n)) && fseek(f, 0, SEEK_SET) == 0)
			len = fread(buf, 1, (size_t)n, f) == (size_t)n ? (size_t)n : 0;
	}
	if (f)
		fclose(f);
	/* The end of central directory record: the last 22 bytes and a comment
	 * of up to 64 KiB. */
	size_t e = len >= 22 ? len - 22 : 0;
	while (len && e > 0 && len - e < 22 + 65536 && le(buf + e, 4) != 0x06054b50)
		e--;
	if (len && le(buf + e, 4) == 0x06054b50) {
		size_t n = le(buf + e + 10, 2), at = le(buf + e + 16, 4), i;
		for (i = 0; i < n && at <= e && e - at >= 46 && le(buf + at, 4) == 0x02014b50; i++) {
			size_t nl = le(buf + at + 28, 2);
			if (e - at - 46 < nl)
				break;
			const char *name = (const char *)buf + at + 46;
			int xml = (nl > 4 && !memcmp(name + nl - 4, ".xml", 4)) || (nl > 5 && !memcmp(name + nl - 5, ".rels", 5));
			if (xml && !part_whole(buf, len, le(buf + at + 42, 4), (int)le(buf + at + 10, 2), le(buf + at + 20, 4),
					       le(buf + at + 24, 4)))
				break;
			at += 46 + nl + le(buf + at + 30, 2) + le(buf + at + 32, 2);
		}
		whole = n > 0 && i == n;
	}
	free(buf);
	return whole;
}

int export_xlsx(const char *file, const char *shown, const struct chart *c, const struct summary *s, char *err,
		size_t cap)
{
	const char *why = xl_open();
	if (why) {
		snprintf(err, cap, _("cannot write %s: libxlsxwriter cannot be loaded: %s"), shown, why);
		return -1;
	}
	/* libxlsxwriter opens the file only when the book is complete, and
	 * says why it could not on stderr in its own words: find out first. */
	FILE *probe = fopen(file, "wb");
	if (!probe) {
		snprintf(err, cap, _("cannot write %s: %s"), shown, strerror(errno));
		return -1;
	}
	fclose(probe);
	/* Its temporary files go where the user's others go ($TMPDIR), not
	 * always /tmp. */
	const char *tmp = getenv("TMPDIR");
	lxw_workbook_options wo = {.constant_memory = LXW_TRUE, .tmpdir = tmp && *tmp ? (char *)tmp : NULL};
	struct book b = {.wb = xl.workbook_new_opt(file, &wo)};
	uint32_t *order = export_milestone_order(c);
	const char *title = chart_title(c);
	char today[11], *as_of = NULL;
	date_format(s->today, today);
	size_t n = strlen(title) + strlen(today) + 64;
	if (b.wb && order && (as_of = malloc(n))) {
		if (*title)
			snprintf(as_of, n, _("%s (as of %s)"), title, today);
		else
			snprintf(as_of, n, _("As of %s"), today);
		b.as_of = as_of;
		b.title = xl.workbook_add_format(b.wb);
		b.header = xl.workbook_add_format(b.wb);
		for (int m = 0; m < 3; m++)
			for (int k = 0; k < F_KINDS; k++)
				if (!(b.fmt[m][k] = format(&b, (enum export_mark)m, k)))
					keep(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		if (!b.title || !b.header)
			keep(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		if (!b.err) {
			xl.format_set_bold(b.title);
			xl.format_set_font_size(b.title, 14);
			xl.format_set_bold(b.header);
			xl.format_set_bottom(b.header, LXW_BORDER_THIN);
			xl.format_set_bg_color(b.header, 0xD9D9D9);
			xl.format_set_pattern(b.header, LXW_PATTERN_SOLID);
			sheet(&b, _("Milestones"), c, s, export_ms_cols, export_ms_ncols, order, c->nmilestones,
			      export_milestone_row);
			sheet(&b, _("Targets"), c, s, export_tgt_cols, export_tgt_ncols, s->target_order, c->ntargets,
			      export_target_row);
		}
	} else {
		keep(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	}
	int e = 0;
	if (b.wb) {
		errno = 0;
		keep(&b, xl.workbook_close(b.wb)); /* frees the book, written or not */
		e = errno;
	}
	int whole = b.err || book_whole(file);
	/* The system's reason first (a full disk), then libxlsxwriter's. */
	if (!whole)
		snprintf(err, cap, _("cannot write %s: the workbook came out incomplete (is the temporary directory %s full?)"),
			 shown, tmp && *tmp ? tmp : "/tmp");
	else if (b.err && e && b.err != LXW_ERROR_MEMORY_MALLOC_FAILED)
		snprintf(err, cap, _("cannot write %s: %s (%s)"), shown, strerror(e), xl.lxw_strerror(b.err));
	else if (b.err)
		snprintf(err, cap, _("cannot write %s: %s"), shown, xl.lxw_strerror(b.err));
	free(order);
	free(as_of);
	free(b.buf);
	free(b.cut);
	return b.err || !whole ? -1 : 0;
}

#endif
