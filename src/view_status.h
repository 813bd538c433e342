/* view_status: the status screen (the dashboard): header, zone roll-up,
 * overdue list, due-soon list. Drawn into a grid as tall as it needs; the
 * interactive view scrolls it, --print writes all of it. */
#ifndef GUATU_VIEW_STATUS_H
#define GUATU_VIEW_STATUS_H

#include <time.h>

#include "grid.h"
#include "model.h"
#include "summary.h"

struct status_opts {
	int ascii;     /* ASCII frame and markers */
	int no_header; /* leave out the title and counts (the caller shows them) */
	time_t loaded; /* when the chart was read, for the header */
};

/* Draws the status screen of `c` into `g` (its width is the layout width;
 * it grows as tall as needed). Returns the rows used, or -1 when out of memory. */
int view_status(struct grid *g, const struct chart *c, const struct summary *s,
		const struct status_opts *o);

/* The text for a milestone's days late or left ("逾期12天", "还剩3天",
 * "今天到期"), as every view shows it. */
void status_days(char *buf, size_t cap, enum ms_state st, day_t due, day_t today);

#endif
