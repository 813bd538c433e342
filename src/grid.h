/* grid: a screen of cells that knows nothing about terminals.
 *
 * Views draw into a grid; the ncurses back end shows it, grid_write() prints
 * it as text for --print and the log. So the log is the screen. A cell holds
 * what ncursesw puts in one: a spacing character and its zero-width marks; a
 * wide one takes its cell and a continuation cell after it. Styles are meanings (overdue, due soon …), not colours: each back
 * end decides how to show them, and every meaning also has a text marker. */
#ifndef GUATU_GRID_H
#define GUATU_GRID_H

#include <stdint.h>
#include <stdio.h>

#include "text.h"

enum style {
	STYLE_NORMAL,
	STYLE_TITLE,    /* the chart title, section titles */
	STYLE_HEADER,   /* table column titles */
	STYLE_FRAME,    /* box drawing */
	STYLE_DIM,      /* secondary text */
	STYLE_OVERDUE,  /* red, bold */
	STYLE_SOON,     /* yellow */
	STYLE_DONE,     /* green */
	STYLE_DONE_LATE,/* magenta */
	STYLE_PAUSED,   /* blue */
	STYLE_SELECTED, /* the cursor */
	STYLE_COUNT
};

/* How a style looks: the one table both back ends (ncurses and the ANSI
 * text of --print --color) read, so colour is decided in one place. */
enum { LOOK_BOLD = 1, LOOK_DIM = 2, LOOK_UNDERLINE = 4, LOOK_REVERSE = 8 };
struct look {
	int fg;        /* an ANSI colour 0-7, or -1 for the terminal's own */
	unsigned with; /* LOOK_* attributes with colour */
	unsigned mono; /* and without: meanings by attribute alone */
};
extern struct look looks[STYLE_COUNT];

struct cell {
	char s[14];    /* one character and its marks (those past 13 bytes dropped) */
	uint8_t width; /* 1 or 2; 0 for the right half of a wide character */
	uint8_t style;
};

struct grid {
	int w, h;
	int rows;          /* rows allocated: grid_grow doubles them, so the help
			    * view's row-at-a-time growth stays linear */
	struct cell *cells;
};

/* Makes a w x h grid of blanks; -1 when out of memory. */
int grid_init(struct grid *g, int w, int h);
/* Frees the cells. */
void grid_free(struct grid *g);
/* Makes the grid at least h rows tall (new rows blank); -1 when out of memory. */
int grid_grow(struct grid *g, int h);
/* Blanks every cell. */
void grid_clear(struct grid *g);
/* The cell at (y, x). */
static inline struct cell *grid_at(const struct grid *g, int y, int x) { return &g->cells[(size_t)y * (size_t)g->w + (size_t)x]; }

/* Draws `s` from column x as exactly `width` columns (cut with the grid's
 * ellipsis or padded as `align` says), clipped to the grid. Returns x + width. */
int grid_text(struct grid *g, int y, int x, int width, const char *s, size_t len,
	      enum align align, enum style style, const char *ellipsis);
/* Draws `s` as it is from column x, clipped at the right edge. Returns the
 * column after it. */
int grid_put(struct grid *g, int y, int x, const char *s, enum style style);
/* Draws `n` copies of the one-column character `s`. */
void grid_repeat(struct grid *g, int y, int x, int n, const char *s, enum style style);

/* Writes rows [0, rows) as UTF-8 lines without trailing blanks; with `color`,
 * styles become ANSI SGR sequences, reset at each line's end. */
void grid_write(const struct grid *g, int rows, FILE *out, int color);

/* Rows drawn straight into text: the bytes grid_write() would give for rows
 * drawn into a grid, without the grid, for long outputs (--print writes tens
 * of thousands of rows). A row is drawn left to right: each put starts at or
 * after the column where the one before it ended (a gap is blank). Blanks
 * that may turn out to trail a row are counted, not written, until something
 * follows them; the rest goes to a buffer written in large blocks. */
struct grid_out {
	FILE *f;
	int w, color;
	char *buf;
	size_t len, cap;
	int x;          /* the next column of the row being drawn */
	int cur;        /* with colour: the style of the last cell written */
	int pend;       /* blanks (normal style) not yet written: they may trail */
	int err;        /* a write failed */
	char small[4096]; /* the buffer when no larger one is asked for or had */
};
/* Starts writing rows of w columns to f, in blocks of about `block` bytes
 * (0: a small buffer inside o; also when a larger one cannot be had). */
void gout_init(struct grid_out *o, FILE *f, int w, int color, size_t block);
/* As grid_text() at column x of the row being drawn. `sw` is text_width(s)
 * when `cells` says each character of s is a cell of its own (see
 * text_width_cells()): then s is copied as it is when it fits. Else sw is
 * -1. Returns x + width. */
int gout_text(struct grid_out *o, int x, int width, const char *s, size_t len, int sw, int cells,
	      enum align align, enum style style, const char *ellipsis);
/* As grid_put() at column x of the row being drawn. */
int gout_put(struct grid_out *o, int x, const char *s, enum style style);
/* As grid_put() of one cell the caller has measured: `len` bytes of s make
 * one character of `width` columns (and marks). */
int gout_cell(struct grid_out *o, int x, const char *s, size_t len, int width, enum style style);
/* As grid_put() of `len` bytes of s (NUL-terminated there) that are
 * characters of a cell each (text_width_cells()), `width` columns in all. */
int gout_cells(struct grid_out *o, int x, const char *s, size_t len, int width, enum style style);
/* `n` copies of the one-column character `s` from column x. */
void gout_repeat(struct grid_out *o, int x, int n, const char *s, enum style style);
/* Ends the row being drawn: the next put starts a new one at column 0. */
void gout_row(struct grid_out *o);
/* Rows [0, rows) of g (as wide as o's rows), as grid_write() gives them. */
void gout_grid(struct grid_out *o, const struct grid *g, int rows);
/* Writes what is left; -1 when a write failed. Frees the buffer. */
int gout_finish(struct grid_out *o);

#endif
