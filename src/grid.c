#include "config.h"
#include "grid.h"

#include <stdlib.h>
#include <string.h>

static const struct cell blank = {" ", 1, STYLE_NORMAL};

int grid_init(struct grid *g, int w, int h)
{
	g->w = w < 1 ? 1 : w;
	g->h = 0;
	g->cells = NULL;
	return grid_grow(g, h < 1 ? 1 : h);
}

void grid_free(struct grid *g)
{
	free(g->cells);
	g->cells = NULL;
	g->w = g->h = 0;
}

int grid_grow(struct grid *g, int h)
{
	if (h <= g->h)
		return 0;
	struct cell *c = realloc(g->cells, (size_t)h * (size_t)g->w * sizeof *c);
	if (!c)
		return -1;
	for (size_t i = (size_t)g->h * (size_t)g->w; i < (size_t)h * (size_t)g->w; i++)
		c[i] = blank;
	g->cells = c;
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

int grid_text(struct grid *g, int y, int x, int width, const char *s, size_t len,
	      enum align align, enum style style, const char *ellipsis)
{
	if (width <= 0)
		return x;
	char stackbuf[512];
	size_t need = TEXT_FIT_MAX(len, width);
	char *buf = need <= sizeof stackbuf ? stackbuf : malloc(need);
	if (!buf)
		return x + width;
	text_fit(s, len, width, align, ellipsis, buf);
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

/* The ANSI SGR sequence of a style, "\033[0;1;31m". */
static void sgr(FILE *out, enum style st)
{
	const struct look *l = &looks[st];
	fputs("\033[0", out);
	if (l->with & LOOK_BOLD)
		fputs(";1", out);
	if (l->with & LOOK_DIM)
		fputs(";2", out);
	if (l->with & LOOK_UNDERLINE)
		fputs(";4", out);
	if (l->with & LOOK_REVERSE)
		fputs(";7", out);
	if (l->fg >= 0)
		fprintf(out, ";3%d", l->fg);
	fputc('m', out);
}

void grid_write(const struct grid *g, int rows, FILE *out, int color)
{
	for (int y = 0; y < rows && y < g->h; y++) {
		int last = g->w; /* trailing blanks of normal style are not written */
		while (last > 0 && !strcmp(grid_at(g, y, last - 1)->s, " ") &&
		       (!color || grid_at(g, y, last - 1)->style == STYLE_NORMAL))
			last--;
		int cur = STYLE_NORMAL;
		for (int x = 0; x < last; x++) {
			const struct cell *c = grid_at(g, y, x);
			if (c->width == 0)
				continue;
			if (color && c->style != cur) {
				sgr(out, c->style);
				cur = c->style;
			}
			fputs(c->s, out);
		}
		if (color && cur != STYLE_NORMAL)
			fputs("\033[0m", out);
		fputc('\n', out);
	}
}
