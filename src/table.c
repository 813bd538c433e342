#include "config.h"
#include "table.h"

#include <string.h>

const struct frame frame_box = {"─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘", "…", "✗"};
const struct frame frame_ascii = {"-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+", "~", "X"};

enum { FLEX_MIN = 6 }; /* a cut name keeps a few characters and the ellipsis */

static int need(const struct column *c)
{
	return c->flex && c->natural > FLEX_MIN ? FLEX_MIN : c->natural;
}

/* Names (flexible columns of priority PRIO_OPTIONAL or more) keep this many
 * columns, about six Chinese characters, if they need them, before an
 * optional column (priority below PRIO_OPTIONAL: a date, an owner, a count
 * of secondary interest) keeps its place. */
enum { PRIO_OPTIONAL = 5, NAME_WANT = 12 };

/* Lays out the columns whose width is non-zero on entry. */
static void fit(struct column *cols, int n, int width)
{
	int shown = 0, sum = 0;
	for (int i = 0; i < n; i++) {
		if (!cols[i].width)
			continue;
		shown++;
		sum += need(&cols[i]);
	}
	/* Each shown column costs its text, a blank either side and a rule. */
	while (shown > 1 && 1 + 3 * shown + sum > width) {
		int drop = -1;
		for (int i = 0; i < n; i++)
			if (cols[i].width && (drop < 0 || cols[i].prio < cols[drop].prio))
				drop = i;
		cols[drop].width = 0;
		shown--;
		sum -= need(&cols[drop]);
	}
	int spare = width - (1 + 3 * shown + sum), first_flex = -1;
	for (int i = 0; i < n; i++)
		if (cols[i].width) {
			cols[i].width = need(&cols[i]);
			if (cols[i].flex && first_flex < 0)
				first_flex = i;
		}
	/* Share the spare width among flexible columns in rounds, the more
	 * important taking more each round: no name is cut while another has
	 * more room than it needs, and the milestone's own name is cut last. */
	for (int gave = 1; spare > 0 && gave;) {
		gave = 0;
		for (int i = 0; i < n && spare > 0; i++)
			for (int k = 1 + cols[i].prio / 4; k > 0 && spare > 0; k--)
				if (cols[i].width && cols[i].flex && cols[i].width < cols[i].natural) {
					cols[i].width++;
					spare--;
					gave = 1;
				}
	}
	if (first_flex >= 0 && spare > 0) /* fill the width: frames line up across tables */
		cols[first_flex].width += spare;
	if (spare < 0 && shown == 1) /* too narrow even for one column */
		for (int i = 0; i < n; i++)
			if (cols[i].width)
				cols[i].width = width - 4 > 1 ? width - 4 : 1;
}

int table_layout(struct column *cols, int n, int width)
{
	for (int i = 0; i < n; i++)
		cols[i].width = cols[i].prio >= 0; /* marks "shown" until sized */
	fit(cols, n, width);
	/* An optional column is not worth a name cut to a stub: drop optional
	 * columns, least important first, while a name is that short. */
	for (;;) {
		int cut = 0, drop = -1;
		for (int i = 0; i < n; i++) {
			int want = cols[i].natural < NAME_WANT ? cols[i].natural : NAME_WANT;
			if (cols[i].width && cols[i].flex && cols[i].prio >= PRIO_OPTIONAL && cols[i].width < want)
				cut = 1;
			if (cols[i].width && cols[i].prio < PRIO_OPTIONAL &&
			    (drop < 0 || cols[i].prio < cols[drop].prio))
				drop = i;
		}
		if (!cut || drop < 0)
			break;
		for (int i = 0; i < n; i++)
			cols[i].width = cols[i].width && i != drop;
		fit(cols, n, width);
	}
	int total = 1;
	for (int i = 0; i < n; i++)
		total += cols[i].width ? cols[i].width + 3 : 0;
	return total;
}

void table_rule(struct grid *g, int y, const struct column *cols, int n, const struct frame *f,
		enum rule which)
{
	const char *l = which == RULE_TOP ? f->tl : which == RULE_MID ? f->ml : f->bl;
	const char *m = which == RULE_TOP ? f->tm : which == RULE_MID ? f->mm : f->bm;
	const char *r = which == RULE_TOP ? f->tr : which == RULE_MID ? f->mr : f->br;
	int x = grid_put(g, y, 0, l, STYLE_FRAME), first = 1;
	for (int i = 0; i < n; i++) {
		if (!cols[i].width)
			continue;
		if (!first)
			x = grid_put(g, y, x, m, STYLE_FRAME);
		first = 0;
		grid_repeat(g, y, x, cols[i].width + 2, f->h, STYLE_FRAME);
		x += cols[i].width + 2;
	}
	grid_put(g, y, x, r, STYLE_FRAME);
}

void table_row(struct grid *g, int y, const struct column *cols, int n, const struct frame *f,
	       const char *const *cells, const enum style *styles)
{
	int x = grid_put(g, y, 0, f->v, STYLE_FRAME);
	for (int i = 0; i < n; i++) {
		if (!cols[i].width)
			continue;
		enum style st = styles ? styles[i] : STYLE_NORMAL;
		x = grid_put(g, y, x, " ", st);
		const char *s = cells[i] ? cells[i] : "";
		x = grid_text(g, y, x, cols[i].width, s, strlen(s), cols[i].align, st, f->ellipsis);
		x = grid_put(g, y, x, " ", st);
		x = grid_put(g, y, x, f->v, STYLE_FRAME);
	}
}
