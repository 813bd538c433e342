/* summary: what a chart means on a given day.
 *
 * Built once per load and per day (one pass over the milestones and one over
 * the targets), so views draw from it without walking the model: roll-ups
 * per zone (sub-zones included) and per project, each target's standing, and
 * the overdue and due-soon lists in the order they are shown. */
#ifndef GUATU_SUMMARY_H
#define GUATU_SUMMARY_H

#include "changes.h"
#include "model.h"
#include "pace.h"

struct report_widths;

/* Everything under a zone or a project, counted. */
struct roll {
	uint32_t projects, milestones, overdue, soon, done, done_late, paused;
	uint32_t targets, behind; /* targets, and those behind, missed or over */
	uint32_t postponed;       /* milestones due later than in the baseline */
	day_t next;               /* the earliest due date not yet passed of an open milestone */
	double investment;        /* 亿元, the sum of the projects' (0 when none is given) */
};

struct summary {
	day_t today;
	int soon_days;
	const struct changes *changes; /* since the baseline; NULL without one */
	struct roll all;       /* the whole chart */
	struct roll *zones;    /* per zone, sub-zones included */
	struct roll *projects; /* per project */
	struct pace *targets;  /* per target */
	uint32_t *overdue;     /* milestone indices, most overdue first */
	uint32_t *due_soon;    /* milestone indices, soonest first */
	uint32_t *target_order; /* target indices in tree order: a zone's own, its projects', then sub-zones' */
	size_t noverdue, nsoon;
	/* The status report's columns, measured here once per load and day
	 * (report.h), so that opening or resizing it measures nothing; NULL
	 * when out of memory (the report measures itself then). */
	struct report_widths *widths;
};

/* Builds the summary of `c` on day `today`, with what changed since a
 * baseline (NULL: none); -1 when out of memory. */
int summary_build(struct summary *s, const struct chart *c, day_t today, int soon_days,
		  const struct changes *ch);
/* Frees it. */
void summary_free(struct summary *s);
/* Does anything under this roll need attention (overdue, postponed, or a
 * target behind)? */
static inline int roll_bad(const struct roll *r) { return r->overdue || r->behind || r->postponed; }

#endif
