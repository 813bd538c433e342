/* --export xlsx: a workbook the office can send on, through libxlsxwriter.
 *
 * Two sheets, milestones and targets, each with a title row (the chart's
 * title and the day it is as of), a frozen header row with an autofilter,
 * columns as wide as their widest text (wcwidth(): a Chinese character is
 * two columns, as in Excel's default fonts), dates as Excel dates, and the
 * rows that need attention filled red, those due soon amber. Rows are
 * streamed to libxlsxwriter's temporary files (constant_memory), so a city's
 * 200,000 milestones do not sit in memory twice. Without libxlsxwriter at
 * build time, only the message is here. */
#include "config.h"
#include "export.h"

#include <errno.h>
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

int export_xlsx(const char *path, const struct chart *c, const struct summary *s, char *err, size_t cap)
{
	(void)path, (void)c, (void)s;
	snprintf(err, cap, "%s", export_no_xlsx());
	return -1;
}

#else

#include <xlsxwriter.h>

const int export_have_xlsx = 1;

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
		keep(b, *t ? worksheet_write_string(ws, r, col, t, f) : worksheet_write_blank(ws, r, col, f));
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
			keep(b, worksheet_write_datetime(ws, r, col, &dt, f[F_DATE]));
			return;
		}
		break;
	}
	case CELL_INT: keep(b, worksheet_write_number(ws, r, col, (double)cell->n, f[F_NUM])); return;
	case CELL_NUM: keep(b, worksheet_write_number(ws, r, col, cell->num, f[F_NUM])); return;
	case CELL_SHARE: keep(b, worksheet_write_number(ws, r, col, cell->num, f[F_SHARE])); return;
	case CELL_NONE: keep(b, worksheet_write_blank(ws, r, col, f[F_TEXT])); return; /* the fill goes on */
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
	lxw_error e = workbook_validate_sheet_name(b->wb, name);
	lxw_worksheet *ws = e ? NULL : workbook_add_worksheet(b->wb, name);
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
		keep(b, worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, width[k] + 3, NULL));
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
	worksheet_freeze_panes(ws, 2, 0);
	keep(b, worksheet_autofilter(ws, 1, 0, (lxw_row_t)(n + 1), (lxw_col_t)(ncols - 1)));
}

static lxw_format *format(struct book *b, enum export_mark mark, int kind)
{
	static const lxw_color_t fill[] = {[MARK_BAD] = 0xFFC7CE, [MARK_SOON] = 0xFFEB9C},
				 ink[] = {[MARK_BAD] = 0x9C0006, [MARK_SOON] = 0x9C5700};
	lxw_format *f = workbook_add_format(b->wb);
	if (!f)
		return NULL;
	if (mark != MARK_NONE) {
		format_set_pattern(f, LXW_PATTERN_SOLID);
		format_set_bg_color(f, fill[mark]);
		format_set_font_color(f, ink[mark]);
	}
	if (kind == F_DATE)
		format_set_num_format(f, "yyyy-mm-dd");
	else if (kind == F_SHARE)
		format_set_num_format(f, "0.0%");
	return f;
}

int export_xlsx(const char *path, const struct chart *c, const struct summary *s, char *err, size_t cap)
{
	/* libxlsxwriter opens the file only when the book is complete, and
	 * says why it could not on stderr in its own words: find out first. */
	FILE *probe = fopen(path, "wb");
	if (!probe) {
		snprintf(err, cap, _("cannot write %s: %s"), path, strerror(errno));
		return -1;
	}
	fclose(probe);
	/* Its temporary files go where the user's others go ($TMPDIR), not
	 * always /tmp. */
	const char *tmp = getenv("TMPDIR");
	lxw_workbook_options wo = {.constant_memory = LXW_TRUE, .tmpdir = tmp && *tmp ? (char *)tmp : NULL};
	struct book b = {.wb = workbook_new_opt(path, &wo)};
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
		b.title = workbook_add_format(b.wb);
		b.header = workbook_add_format(b.wb);
		for (int m = 0; m < 3; m++)
			for (int k = 0; k < F_KINDS; k++)
				if (!(b.fmt[m][k] = format(&b, (enum export_mark)m, k)))
					keep(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		if (!b.title || !b.header)
			keep(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		if (!b.err) {
			format_set_bold(b.title);
			format_set_font_size(b.title, 14);
			format_set_bold(b.header);
			format_set_bottom(b.header, LXW_BORDER_THIN);
			format_set_bg_color(b.header, 0xD9D9D9);
			format_set_pattern(b.header, LXW_PATTERN_SOLID);
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
		keep(&b, workbook_close(b.wb)); /* frees the book, written or not */
		e = errno;
	}
	/* The system's reason first (a full disk), then libxlsxwriter's. */
	if (b.err && e && b.err != LXW_ERROR_MEMORY_MALLOC_FAILED)
		snprintf(err, cap, _("cannot write %s: %s (%s)"), path, strerror(e), lxw_strerror(b.err));
	else if (b.err)
		snprintf(err, cap, _("cannot write %s: %s"), path, lxw_strerror(b.err));
	free(order);
	free(as_of);
	free(b.buf);
	free(b.cut);
	return b.err ? -1 : 0;
}

#endif
