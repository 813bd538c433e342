/* report: the status screen as a document, for the screen and for --print.
 *
 * A report is a header (title, counts), the errors if any, then parts, each a
 * framed table: the zones with their roll-ups, the overdue milestones, the
 * changes since the baseline (with --baseline), those due soon, the targets. Which parts depends on the view (the status screen
 * has all four, the targets view the last). Measured once, drawn by windows,
 * so a chart of any size costs memory for a screenful only: every row is
 * looked at once per chart and day, with the summary (report_widths_build(),
 * the widest cell of each column), report_fit() lays the columns out for a
 * width without looking at a row, report_draw() draws any window of rows,
 * report_write() writes them all. */
#ifndef GUATU_REPORT_H
#define GUATU_REPORT_H

#include <stdio.h>
#include <time.h>

#include "grid.h"
#include "model.h"
#include "summary.h"
#include "table.h"

/* The changes since the baseline are there only when there is one. */
enum part { PART_ZONES, PART_OVERDUE, PART_CHANGES, PART_SOON, PART_TARGETS, PART_COUNT };

struct report_opts {
	int ascii;     /* ASCII frame and markers */
	int no_header; /* leave out the title and counts (the caller shows them) */
	time_t loaded; /* when the chart was read, for the header */
	unsigned parts; /* 1 << PART_* of the parts wanted; 0: all */
};

enum { REPORT_COLS = 10, REPORT_ERRORS = 5, REPORT_ERROR_LINES = 3 };

struct report {
	const struct chart *c;
	const struct summary *s;
	struct report_opts o;
	int width;
	int parts[PART_COUNT], nparts;                /* the parts shown, in order */
	int natural[PART_COUNT][REPORT_COLS];        /* measured once */
	size_t nrows[PART_COUNT];
	struct column cols[PART_COUNT][REPORT_COLS]; /* fitted to the width */
	/* The errors section: the first few errors, each wrapped. */
	char errors[REPORT_ERRORS][640];
	struct report_err_line {
		int error; /* which of errors[] */
		size_t start, len;
	} err_lines[REPORT_ERRORS * REPORT_ERROR_LINES];
	int nerr_lines;
	long err_start;            /* its first row */
	long start[PART_COUNT];    /* the first row of each part shown (a title or a table) */
	long rows;                 /* in all */
	/* Per text of the chart: 1 + its width (bit 15: each character a
	 * cell of its own), 0 until measured. The summary's, or own_strw. */
	uint16_t *strw, *own_strw;
};

/* The widths of every column of every part, measured once per chart and
 * day: summary_build() makes them (s->widths) so that a report of that
 * summary looks at no row. NULL when out of memory. */
struct report_widths *report_widths_build(const struct chart *c, const struct summary *s);
void report_widths_free(struct report_widths *w);

/* Measures every row of the report of `c` (unless s->widths has them). -1:
 * out of memory. */
int report_measure(struct report *l, const struct chart *c, const struct summary *s,
		   const struct report_opts *o);
/* Lays the measured report out at `width` columns: no row is looked at. */
void report_fit(struct report *l, int width);
/* Frees what report_measure() took (not l itself). */
void report_free(struct report *l);
/* Both. -1: out of memory. */
int report_layout(struct report *l, const struct chart *c, const struct summary *s,
		  const struct report_opts *o, int width);
/* Draws rows [from, from + n) of the laid-out report into rows [gy, gy + n)
 * of g (which must be l->width wide). */
void report_draw(struct grid *g, int gy, const struct report *l, long from, int n);
/* The item row `row` shows: a zone, a milestone, a target; 0 for a rule, a
 * title or the total. */
int report_row_item(const struct report *l, long row, enum kind *k, uint32_t *i);
/* The columns [*x0, *x1) of row `row`'s cell that names its item (the
 * milestone of an overdue row, the target of a target's), blanks beside the
 * text included: where a view puts its cursor. 0 when the row has no
 * table. */
int report_item_cell(const struct report *l, long row, int *x0, int *x1);
/* Writes the whole report as text (ANSI colour if `color`), a chunk of rows
 * at a time. -1 when out of memory. */
int report_write(FILE *out, const struct report *l, int color);

#endif
