/* browse: the state of the browse view, apart from drawing it.
 *
 * Three lists: the zone tree as shown (folds and filter applied), the
 * selected zone's projects, the selected project's milestones (sorted). A
 * list is rebuilt only when what it depends on changes: moving in the zone
 * list rebuilds the project list of that one zone, never walks the chart. */
#ifndef GUATU_BROWSE_H
#define GUATU_BROWSE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "summary.h"

enum pane { PANE_ZONES, PANE_PROJECTS, PANE_MILESTONES, PANE_COUNT };
enum sort { SORT_DUE, SORT_NAME, SORT_STATUS, SORT_COUNT };

struct list {
	uint32_t *v; /* model indices, in the order shown */
	size_t n, cap;
	size_t sel, top;
};

struct browse {
	const struct chart *c;
	const struct summary *s;
	enum pane focus;
	enum sort sort;
	int filter;         /* only overdue and due soon */
	uint8_t *collapsed; /* per zone */
	struct list list[PANE_COUNT];
};

/* Starts browsing `c` (all zones unfolded); -1 when out of memory. */
int browse_init(struct browse *b, const struct chart *c, const struct summary *s);
/* Frees the lists. */
void browse_free(struct browse *b);

/* Rebuilds the zone list and what follows from it, keeping the selected
 * zone, project and milestone where they still show. -1: out of memory. */
int browse_refresh(struct browse *b);
/* Selects row `row` of pane `p` (clamped) and rebuilds the panes to its right. */
int browse_select(struct browse *b, enum pane p, long row);
/* Folds (0), unfolds (1) or toggles (-1) the selected zone. */
int browse_fold(struct browse *b, int open);
/* Selects the zone, project and milestone given (NONE for none), unfolding
 * and clearing the filter as needed so they show; focuses the deepest. */
int browse_reveal(struct browse *b, uint32_t zone, uint32_t project, uint32_t milestone);

/* The selected zone, project or milestone, or NONE. */
uint32_t browse_selected(const struct browse *b, enum pane p);
/* The item the user is on: the focused pane's selection, or, when that pane
 * is empty, the nearest selection to its left. Sets *pane; NONE if none. */
uint32_t browse_current(const struct browse *b, enum pane *pane);
/* Does zone z have sub-zones? */
int browse_has_children(const struct browse *b, uint32_t z);

/* The name of a sort order ("截止" …). */
const char *sort_name(enum sort s);

#endif
