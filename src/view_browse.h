/* view_browse: the browse view drawn into a grid the size of the screen:
 * a header line, three panes (zones, projects, milestones) with a detail
 * pane under them, and a bottom line for messages and key hints. Only the
 * rows that show are looked at. */
#ifndef GUATU_VIEW_BROWSE_H
#define GUATU_VIEW_BROWSE_H

#include "browse.h"
#include "grid.h"
#include "table.h"

/* Draws the header line: title, overdue and due-soon counts, today. */
void view_header(struct grid *g, const struct chart *c, const struct summary *s,
		 const struct frame *f);
/* Draws the bottom line: `msg` if any, else the key hints; `right` (when
 * loaded, how many files) at the right end if there is room. */
void view_footer(struct grid *g, const char *msg, const char *hints, const char *right);
/* Draws the browse view into g (header and footer included). Adjusts each
 * pane's scroll so its selection shows. */
void view_browse(struct grid *g, struct browse *b, const struct frame *f, const char *msg,
		 const char *right);
/* How many rows a pane's list shows on a screen of `h` rows. */
int browse_page(int h);

/* The words for a milestone's state ("逾期12天", "已完成" …) and its style. */
enum style milestone_words(const struct milestone *m, day_t today, int soon, char *buf, size_t cap);

#endif
