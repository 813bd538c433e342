/* browse: the state of the browse view, apart from drawing it.
 *
 * Three lists: the zone tree as shown (folds and filter applied), the
 * selected zone's projects, the selected project's milestones (sorted). A
 * list is rebuilt only when what it depends on changes: moving in the zone
 * list rebuilds the project list of that one zone, never walks the chart.
 * Lists are rebuilt beside the old ones and swapped in when complete, so
 * running out of memory leaves the last screen as it was. */
#ifndef GUATU_BROWSE_H
#define GUATU_BROWSE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "search.h"
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

/* A place in the browse view: a zone, one of its projects, one of that
 * project's milestones (NONE where not that deep). */
struct hit {
	uint32_t zone, project, milestone;
};

/* Makes the browse state of chart c on summary s, everything unfolded, or,
 * when `old` (the state of chart `oc`) is given, with its folds, filter,
 * sort and focus, and the cursor on the same items (by id, then name) or
 * their neighbours. NULL when out of memory. */
struct browse *browse_new(const struct chart *c, const struct summary *s, const struct browse *old,
			  const struct chart *oc);
/* Frees it. */
void browse_delete(struct browse *b);

/* Rebuilds the lists after a fold, filter or sort change, keeping the
 * selected items where they still show. -1: out of memory, nothing changed. */
int browse_refresh(struct browse *b);
/* Selects row `row` of pane `p` (clamped) and rebuilds the panes to its right. */
int browse_select(struct browse *b, enum pane p, long row);
/* Folds (0), unfolds (1) or toggles (-1) the selected zone. */
int browse_fold(struct browse *b, int open);
/* Selects the zone, project and milestone given (NONE for none), unfolding
 * the zone's ancestors; focuses the deepest. */
int browse_reveal(struct browse *b, struct hit h);
/* Where the cursor is: the focused pane's item and those to its left. */
struct hit browse_here(const struct browse *b);

/* The selected zone, project or milestone, or NONE. */
uint32_t browse_selected(const struct browse *b, enum pane p);
/* The item the user is on: the focused pane's selection, or, when that pane
 * is empty, the nearest selection to its left. Sets *pane; NONE if none. */
uint32_t browse_current(const struct browse *b, enum pane *pane);
/* Does zone z have sub-zones? */
int browse_has_children(const struct browse *b, uint32_t z);
/* Is a zone, project or milestone shown when the filter is on? */
int browse_hot(const struct browse *b, enum pane p, uint32_t v);

/* Sets l->top for a pane of `rows` rows: the selection shows, and no rows
 * are left empty at the bottom while rows above the top are hidden. */
void browse_scroll(struct list *l, int rows);

/* Moves to the next (dir 1) or previous (dir -1) item that matches, in the
 * order the view shows them (zones in tree order, each followed by its
 * projects, each followed by its milestones as sorted), among what the
 * filter shows; wraps around. With `here`, the current item counts too.
 * Returns 1 when it moved, 0 when nothing matches, -1 out of memory. */
int browse_find(struct browse *b, const struct matcher *m, int dir, int here);

/* The name of a sort order as shown, translated ("due date": 截止 …). */
const char *sort_name(enum sort s);

#endif
