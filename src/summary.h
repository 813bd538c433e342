/* summary: what a chart means on a given day.
 *
 * Built once per load and per day (one pass over the milestones), so views
 * draw from it without walking the model: per-zone roll-ups that include
 * sub-zones, and the overdue and due-soon lists in the order they are shown. */
#ifndef GUATU_SUMMARY_H
#define GUATU_SUMMARY_H

#include "model.h"

struct roll {
	uint32_t projects, milestones, overdue, soon, done, done_late, paused;
	day_t next; /* the earliest due date not yet passed of an open milestone */
};

struct summary {
	day_t today;
	int soon_days;
	struct roll all;    /* the whole chart */
	struct roll *zones; /* per zone, sub-zones included */
	struct pcount {
		uint32_t overdue, soon;
	} *projects;        /* per project */
	uint32_t *overdue;  /* milestone indices, most overdue first */
	uint32_t *due_soon; /* milestone indices, soonest first */
	size_t noverdue, nsoon;
};

/* Builds the summary of `c` on day `today`; -1 when out of memory. */
int summary_build(struct summary *s, const struct chart *c, day_t today, int soon_days);
/* Frees it. */
void summary_free(struct summary *s);

#endif
