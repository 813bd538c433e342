/* timeline: the chart against the calendar.
 *
 * One row per project, under its zone's heading, in tree order; time runs
 * left to right in weeks, months or quarters, with a line for today. Each
 * milestone is a mark at its due day (◆ to do, ✓ done, ✗ overdue); a
 * deadline written as a period (10月下旬, 四季度, 上半年) is drawn over the
 * period; a milestone done late shows its due day and the day it was done.
 * The rows are listed once per load; drawing looks only at the rows and
 * columns that show, so a city's chart draws as fast as a county's. */
#ifndef GUATU_TIMELINE_H
#define GUATU_TIMELINE_H

#include <stdio.h>

#include "grid.h"
#include "model.h"
#include "summary.h"

enum zoom { ZOOM_WEEK, ZOOM_MONTH, ZOOM_QUARTER, ZOOM_COUNT };

struct timeline_opts {
	int ascii;
	enum zoom zoom;
};

#define TIMELINE_ZONE 0x80000000u /* a row that is a zone's heading */

struct timeline {
	const struct chart *c;
	const struct summary *s;
	struct timeline_opts o;
	uint32_t *rows;  /* a project's index, or a zone's | TIMELINE_ZONE */
	size_t nrows;
	int natural;     /* the names' widest, indent included */
	day_t from;      /* the first day of the first column shown */
};

enum { TIMELINE_HEAD = 2 }; /* the scale: a line of years (or months), a line of columns */

/* Lists the rows of `c`. -1 when out of memory. */
int timeline_init(struct timeline *t, const struct chart *c, const struct summary *s,
		  const struct timeline_opts *o);
/* Frees the rows. */
void timeline_free(struct timeline *t);
/* Starts the columns so that `day` shows a little right of the left edge,
 * on a screen `width` wide. */
void timeline_centre(struct timeline *t, day_t day, int width);
/* Moves the columns `n` columns later (earlier if negative). */
void timeline_scroll(struct timeline *t, int n);
/* Changes the zoom, keeping `day` where it is. */
void timeline_zoom(struct timeline *t, enum zoom z, day_t day, int width);
/* Draws the scale into rows gy and gy + 1, and rows [from, from + n) of the
 * timeline into the rows below, the row `cursor` highlighted (-1: none). */
void timeline_draw(struct grid *g, int gy, const struct timeline *t, long from, int n, long cursor);
/* Writes the whole timeline as text `width` wide (colour if `color`),
 * today a little right of the left edge, a legend last. -1: out of memory. */
int timeline_write(FILE *out, const struct chart *c, const struct summary *s,
		   const struct timeline_opts *o, int width, int color);

#endif
