/* view_status: the status screen (the dashboard): header, zone roll-up,
 * overdue list, due-soon list.
 *
 * Measured once, drawn by windows, so a chart of any size costs memory for a
 * screenful only: status_measure() looks at every row once per chart and day
 * (the widest cell of each column), status_fit() lays the columns out for a
 * width (cheap: no row is looked at), status_draw() draws any window of
 * rows. The interactive view scrolls the window; --print draws it in chunks. */
#ifndef GUATU_VIEW_STATUS_H
#define GUATU_VIEW_STATUS_H

#include <stdio.h>
#include <time.h>

#include "grid.h"
#include "model.h"
#include "summary.h"
#include "table.h"

struct status_opts {
	int ascii;     /* ASCII frame and markers */
	int no_header; /* leave out the title and counts (the caller shows them) */
	time_t loaded; /* when the chart was read, for the header */
};

enum { STATUS_TABLES = 3, STATUS_COLS = 8, STATUS_ERRORS = 5, STATUS_ERROR_LINES = 3 };

struct status_layout {
	const struct chart *c;
	const struct summary *s;
	struct status_opts o;
	int width;
	int natural[STATUS_TABLES][STATUS_COLS]; /* measured once */
	size_t nrows[STATUS_TABLES];
	struct column cols[STATUS_TABLES][STATUS_COLS];
	/* The errors section: the first few errors, each wrapped. */
	char errors[STATUS_ERRORS][640];
	struct status_err_line {
		int error;        /* which of errors[] */
		size_t start, len;
	} err_lines[STATUS_ERRORS * STATUS_ERROR_LINES];
	int nerr_lines;
	long err_start;            /* its first row; the tables start after it */
	long start[STATUS_TABLES]; /* the first row of each part (title or table) */
	long rows;                  /* in all */
};

/* Measures every row of the status screen of `c`. -1: out of memory. */
int status_measure(struct status_layout *l, const struct chart *c, const struct summary *s,
		   const struct status_opts *o);
/* Lays the measured screen out at `width` columns. */
void status_fit(struct status_layout *l, int width);
/* Both: the status screen of `c` at `width` columns. -1: out of memory. */
int status_layout(struct status_layout *l, const struct chart *c, const struct summary *s,
		  const struct status_opts *o, int width);
/* Draws rows [from, from + n) of the laid-out screen into rows [gy, gy + n)
 * of g (which must be l->width wide). */
void status_draw(struct grid *g, int gy, const struct status_layout *l, long from, int n);
/* The item row `row` shows: a zone, or a milestone of the lists; 0 for a
 * rule, a title or the total. */
int status_row_item(const struct status_layout *l, long row, enum kind *k, uint32_t *i);

/* Writes the whole laid-out screen as text (ANSI colour if `color`), a
 * chunk of rows at a time. -1 when out of memory. */
int status_write(FILE *out, const struct status_layout *l, int color);

#endif
