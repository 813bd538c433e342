/* view_status: the status screen (the dashboard): header, zone roll-up,
 * overdue list, due-soon list.
 *
 * Two steps, so that a chart of any size costs memory for a screenful only:
 * status_layout() measures every row once (column widths, where each part
 * starts), and status_draw() draws any window of rows, touching only those.
 * The interactive view scrolls the window; --print draws it in chunks. */
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

enum { STATUS_TABLES = 3, STATUS_COLS = 8 };

struct status_layout {
	const struct chart *c;
	const struct summary *s;
	struct status_opts o;
	int width;
	struct column cols[STATUS_TABLES][STATUS_COLS];
	long start[STATUS_TABLES]; /* the first row of each part (title or table) */
	long rows;                  /* in all */
};

/* Measures the status screen of `c` at `width` columns. -1: out of memory. */
int status_layout(struct status_layout *l, const struct chart *c, const struct summary *s,
		  const struct status_opts *o, int width);
/* Draws rows [from, from + n) of the laid-out screen into rows [gy, gy + n)
 * of g (which must be l->width wide). */
void status_draw(struct grid *g, int gy, const struct status_layout *l, long from, int n);

/* Writes the whole laid-out screen as text (ANSI colour if `color`), a
 * chunk of rows at a time. -1 when out of memory. */
int status_write(FILE *out, const struct status_layout *l, int color);

/* The text for a milestone's days late or left ("逾期12天", "还剩3天",
 * "今天到期"), as every view shows it. */
void status_days(char *buf, size_t cap, enum ms_state st, day_t due, day_t today);

#endif
