/* table: framed tables that fit any width.
 *
 * A view measures its cells, describes its columns, and table_layout()
 * decides which columns show and how wide: when the width is short, the
 * least important columns go first (rather than lines wrapping), and flexible
 * columns (names) give up width down to a minimum, to be cut with an ellipsis. */
#ifndef GUATU_TABLE_H
#define GUATU_TABLE_H

#include "grid.h"

struct column {
	const char *title;
	enum align align;
	int flex;    /* may be narrower than its content (cut), and takes spare width */
	int prio;    /* higher stays longer when the width is short; below 5: optional,
		      * dropped before a name (flex, 5 or more) is cut short;
		      * negative: not shown at all (a column not wanted here) */
	int natural; /* the widest cell or title; measured by the caller */
	int width;   /* set by table_layout(); 0 = not shown */
	int title_w; /* the title's width in the language shown, set by the caller
		      * once per set-up: a name is never cut narrower than its
		      * title (English titles are often wider than Chinese ones) */
};

/* Frame characters: box drawing, or ASCII for terminals that draw box
 * drawing double wide (--ascii). Each is one column wide. */
struct frame {
	const char *h, *v, *tl, *tm, *tr, *ml, *mm, *mr, *bl, *bm, *br, *ellipsis;
	const char *bad; /* marks what has an error */
};
extern const struct frame frame_box, frame_ascii;

/* Chooses the columns and widths for a table of `width` columns at most;
 * the table fills the width when a column is flexible. Returns its width. */
int table_layout(struct column *cols, int n, int width);

/* Where a table draws: row y of a grid, or the row a grid_out is drawing
 * (o not NULL; rows are then drawn left to right). */
struct pen {
	struct grid *g;
	int y;
	struct grid_out *o;
};

/* One cell of a row: its text, and its width when known (from a cache):
 * width is text_width(s), or -1 to be measured; cells as text_width_cells()
 * says. */
struct table_cell {
	const char *s;
	size_t len;
	int width;
	int cells;
	enum style style;
};

enum rule { RULE_TOP, RULE_MID, RULE_BOTTOM };
/* Draws a horizontal rule of the laid-out table. */
void table_rule(const struct pen *p, const struct column *cols, int n, const struct frame *f,
		enum rule which);
/* The columns [*x0, *x1) that column `col`'s cell takes in a row as
 * table_row() draws it, the blank each side included; 0 when the column is
 * not shown. */
int table_cell_span(const struct column *cols, int n, int col, int *x0, int *x1);
/* Draws one row; cells[i] is column i. */
void table_row(const struct pen *p, const struct column *cols, int n, const struct frame *f,
	       const struct table_cell *cells);

#endif
