#include "config.h"
#include "grid.h"

#include <stdlib.h>
#include <string.h>

static const struct cell blank = {" ", 1, STYLE_NORMAL};

int grid_init(struct grid *g, int w, int h)
{
	g->w = w < 1 ? 1 : w;
	g->h = g->rows = 0;
	g->cells = NULL;
	return grid_grow(g, h < 1 ? 1 : h);
}

void grid_free(struct grid *g)
{
	free(g->cells);
	g->cells = NULL;
	g->w = g->h = g->rows = 0;
}

int grid_grow(struct grid *g, int h)
{
	if (h <= g->h)
		return 0;
	if (h > g->rows) {
		int rows = 2 * g->rows > h ? 2 * g->rows : h;
		struct cell *c = realloc(g->cells, (size_t)rows * (size_t)g->w * sizeof *c);
		if (!c)
			return -1;
		g->cells = c;
		g->rows = rows;
	}
	for (size_t i = (size_t)g->h * (size_t)g->w; i < (size_t)h * (size_t)g->w; i++)
		g->cells[i] = blank;
	g->h = h;
	return 0;
}

void grid_clear(struct grid *g)
{
	for (size_t i = 0; i < (size_t)g->h * (size_t)g->w; i++)
		g->cells[i] = blank;
}

/* Blanks the cell at x and whatever half of a wide character it shares. */
static void unset(struct grid *g, int y, int x)
{
	struct cell *c = grid_at(g, y, x);
	if (c->width == 0 && x > 0)
		*grid_at(g, y, x - 1) = blank;
	else if (c->width == 2 && x + 1 < g->w)
		*grid_at(g, y, x + 1) = blank;
	*c = blank;
}

/* Places one cluster of `width` columns at x; returns the next column. */
static int place(struct grid *g, int y, int x, const char *s, size_t len, int width,
		 enum style style)
{
	if (width <= 0) /* a lone zero-width piece: sanitised text has none */
		return x;
	if (x + width > g->w) { /* half a wide character would show: blank instead */
		for (; x < g->w; x++) {
			unset(g, y, x);
			grid_at(g, y, x)->style = (uint8_t)style;
		}
		return g->w;
	}
	unset(g, y, x);
	if (width == 2)
		unset(g, y, x + 1);
	struct cell *c = grid_at(g, y, x);
	if (len > sizeof c->s - 1) { /* keep the base, drop marks that do not fit */
		len = sizeof c->s - 1;
		while (len > 0 && (s[len] & 0xc0) == 0x80) /* not inside a character */
			len--;
	}
	memcpy(c->s, s, len);
	c->s[len] = '\0';
	c->width = (uint8_t)width;
	c->style = (uint8_t)style;
	if (width == 2)
		*grid_at(g, y, x + 1) = (struct cell){"", 0, (uint8_t)style};
	return x + width;
}

int grid_put(struct grid *g, int y, int x, const char *s, enum style style)
{
	if (y < 0 || y >= g->h || x < 0)
		return x;
	const char *end = s + strlen(s);
	while (s < end && x < g->w) {
		int cw;
		if ((unsigned char)*s < 0x20) { /* a line break of a note, never a cell */
			x = place(g, y, x, " ", 1, 1, style);
			s++;
			continue;
		}
		const char *next = text_cell_next(s, end, &cw);
		x = place(g, y, x, s, (size_t)(next - s), cw, style);
		s = next;
	}
	return x;
}

enum { FIT_STACK = 512 };

/* s fitted to `width` columns (text_fit): in stackbuf when it fits there,
 * else in memory the caller frees (buf != stackbuf); NULL when out of it. */
static char *fitted(const char *s, size_t len, int width, enum align align, const char *ellipsis,
		    char stackbuf[static FIT_STACK])
{
	size_t need = TEXT_FIT_MAX(len, width);
	char *buf = need <= FIT_STACK ? stackbuf : malloc(need);
	if (buf)
		text_fit(s, len, width, align, ellipsis, buf);
	return buf;
}

int grid_text(struct grid *g, int y, int x, int width, const char *s, size_t len,
	      enum align align, enum style style, const char *ellipsis)
{
	if (width <= 0)
		return x;
	char stackbuf[FIT_STACK];
	char *buf = fitted(s, len, width, align, ellipsis, stackbuf);
	if (buf)
		grid_put(g, y, x, buf, style);
	if (buf != stackbuf)
		free(buf);
	return x + width;
}

void grid_repeat(struct grid *g, int y, int x, int n, const char *s, enum style style)
{
	for (int i = 0; i < n; i++)
		grid_put(g, y, x + i, s, style);
}

/* Bold and colour for meanings, so monochrome screens and logs keep the
 * text markers and colour only adds to them. */
struct look looks[STYLE_COUNT] = {
	[STYLE_NORMAL] = {-1, 0, 0},
	[STYLE_TITLE] = {-1, LOOK_BOLD, LOOK_BOLD},
	[STYLE_HEADER] = {-1, LOOK_BOLD, LOOK_BOLD},
	[STYLE_FRAME] = {-1, 0, 0},
	[STYLE_DIM] = {-1, LOOK_DIM, LOOK_DIM},
	[STYLE_OVERDUE] = {1, LOOK_BOLD, LOOK_BOLD},
	[STYLE_SOON] = {3, 0, LOOK_UNDERLINE},
	[STYLE_DONE] = {2, 0, 0},
	[STYLE_DONE_LATE] = {5, 0, LOOK_UNDERLINE},
	[STYLE_PAUSED] = {4, 0, LOOK_DIM},
	[STYLE_SELECTED] = {-1, LOOK_REVERSE, LOOK_REVERSE},
};

/* The ANSI SGR sequence of a style, "\033[0;1;31m", into buf (at least 16
 * bytes); returns its length. */
static size_t sgr(char *buf, enum style st)
{
	const struct look *l = &looks[st];
	size_t n = 0;
	/* a counted sequence, not a string: no NUL wanted */
	memcpy(buf, "\033[0", 3); /* NOLINT(bugprone-not-null-terminated-result) */
	n = 3;
	if (l->with & LOOK_BOLD)
		buf[n++] = ';', buf[n++] = '1';
	if (l->with & LOOK_DIM)
		buf[n++] = ';', buf[n++] = '2';
	if (l->with & LOOK_UNDERLINE)
		buf[n++] = ';', buf[n++] = '4';
	if (l->with & LOOK_REVERSE)
		buf[n++] = ';', buf[n++] = '7';
	if (l->fg >= 0 && l->fg <= 9)
		buf[n++] = ';', buf[n++] = '3', buf[n++] = (char)('0' + l->fg);
	buf[n++] = 'm';
	return n;
}

void gout_init(struct grid_out *o, FILE *f, int w, int color, size_t block)
{
	*o = (struct grid_out){.f = f, .w = w < 1 ? 1 : w, .color = color, .cur = STYLE_NORMAL};
	o->buf = block > sizeof o->small ? malloc(block) : NULL;
	o->cap = o->buf ? block : sizeof o->small;
	if (!o->buf)
		o->buf = o->small;
}

static void flush(struct grid_out *o)
{
	if (o->len && fwrite(o->buf, 1, o->len, o->f) != o->len)
		o->err = 1;
	o->len = 0;
}

/* Room for n more bytes; NULL when n is more than the whole buffer. Nothing
 * in the buffer can be taken back (trailing blanks are only counted), so it
 * may be written out at any point. */
static char *room(struct grid_out *o, size_t n)
{
	if (o->cap - o->len < n)
		flush(o);
	return n <= o->cap ? o->buf + o->len : NULL;
}

static void bytes(struct grid_out *o, const char *s, size_t n)
{
	if (n <= 16 && o->cap - o->len >= 16) { /* a character or two: no call */
		char *d = o->buf + o->len;
		for (size_t i = 0; i < n; i++)
			d[i] = s[i];
		o->len += n;
		return;
	}
	char *p = room(o, n);
	if (!p) {
		if (fwrite(s, 1, n, o->f) != n)
			o->err = 1;
		return;
	}
	memcpy(p, s, n);
	o->len += n;
}

static void style_to(struct grid_out *o, int st)
{
	if (o->color && st != o->cur) {
		char *p = room(o, 16);
		o->len += sgr(p, (enum style)st);
		o->cur = st;
	}
}

/* The counted blanks, now that something follows them. */
static void unpend(struct grid_out *o)
{
	style_to(o, STYLE_NORMAL); /* what grid_write() does before a blank */
	if (o->pend <= 16 && o->cap - o->len >= 16) { /* the blanks between cells: no call */
		char *d = o->buf + o->len;
		for (int i = 0; i < o->pend; i++)
			d[i] = ' ';
		o->len += (size_t)o->pend;
		o->pend = 0;
		return;
	}
	while (o->pend > 0) {
		int n = o->pend < 256 ? o->pend : 256;
		char *p = room(o, (size_t)n);
		memset(p, ' ', (size_t)n);
		o->len += (size_t)n;
		o->pend -= n;
	}
}

/* Bytes making whole cells in style st, every one a cell: blanks that may
 * trail (a normal one, or any without colour) are counted. */
static void run(struct grid_out *o, const char *s, size_t n, int st)
{
	size_t a = 0, b = n;
	if (!o->color || st == STYLE_NORMAL) {
		while (a < n && s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		o->pend += (int)a;
	}
	if (b > a) {
		if (o->pend)
			unpend(o);
		style_to(o, st);
		bytes(o, s + a, b - a);
	}
	o->pend += (int)(n - b);
}

static void blanks(struct grid_out *o, int n, int st)
{
	if (n <= 0)
		return;
	if (!o->color || st == STYLE_NORMAL) {
		o->pend += n;
		return;
	}
	if (o->pend)
		unpend(o);
	style_to(o, st);
	while (n > 0) {
		int k = n < 256 ? n : 256;
		char *p = room(o, (size_t)k);
		memset(p, ' ', (size_t)k);
		o->len += (size_t)k;
		n -= k;
	}
}

/* Moves to column x: the cells between are blank. */
static void move_to(struct grid_out *o, int x)
{
	if (x > o->x) {
		int to = x < o->w ? x : o->w;
		if (to > o->x)
			o->pend += to - o->x;
		o->x = x;
	}
}

/* One cell of `width` columns, as place() puts it. */
static void cell(struct grid_out *o, const char *s, size_t len, int width, int st)
{
	if (width <= 0) /* a lone zero-width piece: sanitised text has none */
		return;
	if (o->x + width > o->w) { /* half a wide character would show: blank instead */
		if (o->x < o->w)
			blanks(o, o->w - o->x, st);
		o->x = o->w;
		return;
	}
	if (len > sizeof blank.s - 1) { /* keep the base, drop marks that do not fit */
		len = sizeof blank.s - 1;
		while (len > 0 && (s[len] & 0xc0) == 0x80)
			len--;
	}
	run(o, s, len, st);
	o->x += width;
}

int gout_put(struct grid_out *o, int x, const char *s, enum style style)
{
	if (x < 0)
		return x;
	move_to(o, x);
	const char *end = s + strlen(s);
	while (s < end && o->x < o->w) {
		int cw;
		if ((unsigned char)*s < 0x20) { /* a line break of a note, never a cell */
			cell(o, " ", 1, 1, style);
			s++;
			continue;
		}
		const char *next = text_cell_next(s, end, &cw);
		cell(o, s, (size_t)(next - s), cw, style);
		s = next;
	}
	return o->x > x ? o->x : x;
}

int gout_cell(struct grid_out *o, int x, const char *s, size_t len, int width, enum style style)
{
	if (x < 0)
		return x;
	move_to(o, x);
	if (o->x < o->w)
		cell(o, s, len, width, style);
	return o->x;
}

int gout_cells(struct grid_out *o, int x, const char *s, size_t len, int width, enum style style)
{
	if (x < 0 || x < o->x || x + width > o->w)
		return gout_put(o, x, s, style);
	move_to(o, x);
	run(o, s, len, style);
	o->x = x + width;
	return o->x;
}

int gout_text(struct grid_out *o, int x, int width, const char *s, size_t len, int sw, int cells,
	      enum align align, enum style style, const char *ellipsis)
{
	if (width <= 0)
		return x;
	move_to(o, x);
	if (cells && sw >= 0 && sw <= width && x + width <= o->w) { /* it fits: pad and copy */
		int pad = width - sw, left = align == ALIGN_RIGHT ? pad : align == ALIGN_CENTER ? pad / 2 : 0;
		blanks(o, left, style);
		run(o, s, len, style);
		blanks(o, pad - left, style);
		o->x = x + width;
		return x + width;
	}
	char stackbuf[FIT_STACK];
	char *buf = fitted(s, len, width, align, ellipsis, stackbuf);
	if (buf)
		gout_put(o, x, buf, style);
	if (buf != stackbuf)
		free(buf);
	return x + width;
}

void gout_repeat(struct grid_out *o, int x, int n, const char *s, enum style style)
{
	move_to(o, x);
	if (x + n > o->w || s[0] == ' ' || (unsigned char)s[0] < 0x20 || text_width(s, strlen(s)) != 1) {
		for (int i = 0; i < n; i++)
			gout_put(o, x + i, s, style);
		return;
	}
	size_t k = strlen(s);
	if (o->pend)
		unpend(o);
	style_to(o, style);
	for (int i = 0; i < n; i++)
		bytes(o, s, k);
	o->x = x + n;
}

void gout_row(struct grid_out *o)
{
	o->pend = 0; /* blanks at the end of a row are not written */
	if (o->color && o->cur != STYLE_NORMAL)
		bytes(o, "\033[0m", 4);
	bytes(o, "\n", 1);
	o->cur = STYLE_NORMAL;
	o->x = 0;
}

void gout_grid(struct grid_out *o, const struct grid *g, int rows)
{
	for (int y = 0; y < rows && y < g->h; y++) {
		for (int x = 0; x < g->w; x++) {
			const struct cell *c = grid_at(g, y, x);
			if (c->width)
				run(o, c->s, strlen(c->s), c->style);
		}
		gout_row(o);
	}
}

int gout_finish(struct grid_out *o)
{
	flush(o);
	if (o->buf != o->small)
		free(o->buf);
	o->buf = NULL;
	return o->err ? -1 : 0;
}

void grid_write(const struct grid *g, int rows, FILE *out, int color)
{
	struct grid_out o;
	gout_init(&o, out, g->w, color, 0);
	gout_grid(&o, g, rows);
	gout_finish(&o);
}
