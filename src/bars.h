/* bars: the header and footer lines every view of the interactive chart has.
 *
 * The header names the chart and counts what needs attention; the footer
 * says the last message, or the keys the view offers (from the key table,
 * so a rebound key shows as bound and a disabled action is not offered). */
#ifndef GUATU_BARS_H
#define GUATU_BARS_H

#include "app.h"
#include "grid.h"
#include "view.h"

/* Draws the header line: title, overdue and due-soon counts, today. */
void bars_header(struct grid *g, const struct app *a);
/* Writes a view's footer hints to buf: "j/k 移动  / 搜索 …", leaving out
 * the actions that are off. */
void bars_hints(char *buf, size_t cap, const struct view_ops *v, const struct app *a);
/* Draws the bottom line: the search line being typed (its end, if long;
 * `missed` when nothing matches), else the message, else the alert, else
 * the view's hints (after its title when `titled`); and, if there is room
 * after that, when the chart was loaded at the right end. */
void bars_bottom(struct grid *g, const struct app *a, const struct view_ops *v, int titled,
		 const char *search, int missed);

#endif
