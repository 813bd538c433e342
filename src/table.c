#include "config.h"
#include "table.h"

#include <string.h>

const struct frame frame_box = {"─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘", "…", "✗"};
const struct frame frame_ascii = {"-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+", "~", "X"};

enum { FLEX_MIN = 6 }; /* a cut name keeps a few characters and the ellipsis */

static int need(const struct column *c)
{
	int min = c->title_w > FLEX_MIN ? c->title_w : FLEX_MIN;
	return c->flex && c->natural > min ? min : c->natural;
}

/* Names (flexible columns of priority PRIO_OPTIONAL or more) keep this many
 * columns, about six Chinese characters, if they need them, before an
 * optional column (priority below PRIO_OPTIONAL: a date, an owner, a count
 * of secondary interest) keeps its place. */
enum { PRIO_OPTIONAL = 5, NAME_WANT = 12 };

/* Lays out the columns whose width is non-zero on entry. */
static void fit(struct column *cols, int n, int width)
{
	int shown = 0, sum = 0;
	for (int i = 0; i < n; i++) {
		if (!cols[i].width)
			continue;
		shown++;
		sum += need(&cols[i]);
	}
	/* Each shown column costs its text, a blank either side and a rule. */
	while (shown > 1 && 1 + 3 * shown + sum > width) {
		int drop = -1;
		for (int i = 0; i < n; i++)
			if (cols[i].width && (drop < 0 || cols[i].prio < cols[drop].prio))
				drop = i;
		cols[drop].width = 0;
		shown--;
		sum -= need(&cols[drop]);
	}
	int spare = width - (1 + 3 * shown + sum), first_flex = -1;
	for (int i = 0; i < n; i++)
		if (cols[i].width) {
			cols[i].width = need(&cols[i]);
			if (cols[i].flex && first_flex < 0)
				first_flex = i;
		}
	/* Share the spare width among flexible columns in rounds, the more
	 * important taking more each round: no name is cut while another has
	 * more room than it needs, and the milestone's own name is cut last. */
	for (int gave = 1; spare > 0 && gave;) {
		gave = 0;
		for (int i = 0; i < n && spare > 0; i++)
			for (int k = 1 + cols[i].prio / 4; k > 0 && spare > 0; k--)
				if (cols[i].width && cols[i].flex && cols[i].width < cols[i].natural) {
					cols[i].width++;
					spare--;
					gave = 1;
				}
	}
	if (first_flex >= 0 && spare > 0) /* fill the width: frames line up across tables */
		cols[first_flex].width += spare;
	if (spare < 0 && shown == 1) /* too narrow even for one column */
		for (int i = 0; i < n; i++)
			if (cols[i].width)
				cols[i].width = width - 4 > 1 ? width - 4 : 1;
}

int table_layout(struct column *cols, int n, int width)
{
	for (int i = 0; i < n; i++)
		cols[i].width = cols[i].prio >= 0; /* marks "shown" until sized */
	fit(cols, n, width);
	/* An optional column is not worth a name cut to a stub: drop optional
	 * columns, least important first, while a name is that short. */
	for (;;) {
		int cut = 0, drop = -1;
		for (int i = 0; i < n; i++) {
			int want = cols[i].natural < NAME_WANT ? cols[i].natural : NAME_WANT;
			if (cols[i].width && cols[i].flex && cols[i].prio >= PRIO_OPTIONAL && cols[i].width < want)
				cut = 1;
			if (cols[i].width && cols[i].prio < PRIO_OPTIONAL &&
			    (drop < 0 || cols[i].prio < cols[drop].prio))
				drop = i;
		}
		if (!cut || drop < 0)
			break;
		for (int i = 0; i < n; i++)
			cols[i].width = cols[i].width && i != drop;
		fit(cols, n, width);
	}
	int total = 1;
	for (int i = 0; i < n; i++)
		total += cols[i].width ? cols[i].width + 3 : 0;
	return total;
}

static int pen_put(const struct pen *p, int x, const char *s, enum style st)
{
	return p->o ? gout_put(p->o, x, s, st) : grid_put(p->g, p->y, x, s, st);
}

void table_rule(const struct pen *p, const struct column *cols, int n, const struct frame *f,
		enum rule which)
{
	const char *l = which == RULE_TOP ? f->tl : which == RULE_MID ? f->ml : f->bl;
	const char *m = which == RULE_TOP ? f->tm : which == RULE_MID ? f->mm : f->bm;
	const char *r = which == RULE_TOP ? f->tr : which == RULE_MID ? f->mr : f->br;
	int x = pen_put(p, 0, l, STYLE_FRAME), first = 1;
	for (int i = 0; i < n; i++) {
		if (!cols[i].width)
			continue;
		if (!first)
			x = pen_put(p, x, m, STYLE_FRAME);
		first = 0;
		if (p->o)
			gout_repeat(p->o, x, cols[i].width + 2, f->h, STYLE_FRAME);
		else
			grid_repeat(p->g, p->y, x, cols[i].width + 2, f->h, STYLE_FRAME);
		x += cols[i].width + 2;
	}
	pen_put(p, x, r, STYLE_FRAME);
}

/* As pen_put() of `len` bytes that are one cell when `one` says so: a
 * blank or a frame character. */
static int pen_cell(const struct pen *p, int x, const char *s, size_t len, int one, enum style st)
{
	return p->o && one ? gout_cell(p->o, x, s, len, 1, st) : pen_put(p, x, s, st);
}

/* The row most of a long --print is made of, in one go: no colour, every
 * text measured, each character a cell, and all fitting. Then the row is
 * just its bytes one after another, as a grid would give them (it ends with
 * a rule, so there are no trailing blanks to leave out). 0: not such a row. */
static int row_plain(struct grid_out *o, const struct column *cols, int n, const struct frame *f,
		     size_t vlen, const struct table_cell *cells)
{
	char buf[4096];
	size_t k = vlen;
	int x = 1;
	if (o->color || o->x != 0)
		return 0;
	memcpy(buf, f->v, vlen);
	for (int i = 0; i < n; i++) {
		if (!cols[i].width)
			continue;
		const struct table_cell *c = &cells[i];
		int w = cols[i].width, sw = c->s ? c->width : 0;
		size_t len = c->s ? c->len : 0;
		if ((c->s && !c->cells) || sw < 0 || sw > w || k + len + (size_t)w + 2 + vlen >= sizeof buf)
			return 0;
		int pad = w - sw, left = cols[i].align == ALIGN_RIGHT ? pad : cols[i].align == ALIGN_CENTER ? pad / 2 : 0;
		memset(buf + k, ' ', (size_t)left + 1);
		k += (size_t)left + 1;
		if (len) /* c->s is NULL for an empty cell: memcpy must not get NULL, even for 0 bytes */
			memcpy(buf + k, c->s, len);
		k += len;
		memset(buf + k, ' ', (size_t)(pad - left) + 1);
		k += (size_t)(pad - left) + 1;
		memcpy(buf + k, f->v, vlen);
		k += vlen;
		x += w + 3;
	}
	if (x > o->w)
		return 0;
	buf[k] = '\0';
	gout_cells(o, 0, buf, k, x, STYLE_NORMAL);
	return 1;
}

int table_cell_span(const struct column *cols, int n, int col, int *x0, int *x1)
{
	int x = 1; /* after the frame's line, as table_row() draws: each line one column */
	for (int i = 0; i < n && i <= col; i++) {
		if (!cols[i].width)
			continue;
		if (i == col) {
			*x0 = x;
			*x1 = x + cols[i].width + 2;
			return 1;
		}
		x += cols[i].width + 3; /* a blank each side, and a line */
	}
	return 0;
}

void table_row(const struct pen *p, const struct column *cols, int n, const struct frame *f,
	       const struct table_cell *cells)
{
	int cells1, vlen = (int)strlen(f->v); /* the rule: one character of one column? */
	int one = text_width_cells(f->v, (size_t)vlen, &cells1) == 1 && cells1;
	if (p->o && one && row_plain(p->o, cols, n, f, (size_t)vlen, cells))
		return;
	int x = pen_cell(p, 0, f->v, (size_t)vlen, one, STYLE_FRAME);
	for (int i = 0; i < n; i++) {
		if (!cols[i].width)
			continue;
		const struct table_cell *c = &cells[i];
		const char *s = c->s ? c->s : "";
		size_t len = c->s ? c->len : 0;
		x = pen_cell(p, x, " ", 1, 1, c->style);
		if (p->o)
			x = gout_text(p->o, x, cols[i].width, s, len, c->width, c->cells, cols[i].align, c->style,
				      f->ellipsis);
		else
			x = grid_text(p->g, p->y, x, cols[i].width, s, len, cols[i].align, c->style, f->ellipsis);
		x = pen_cell(p, x, " ", 1, 1, c->style);
		x = pen_cell(p, x, f->v, (size_t)vlen, one, STYLE_FRAME);
	}
}
