#include "config.h"
#include "timeline.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Columns of each zoom: how wide, and how a column's label reads. */
static const int col_w[ZOOM_COUNT] = {[ZOOM_WEEK] = 3, [ZOOM_MONTH] = 5, [ZOOM_QUARTER] = 6};

static void ymd(day_t d, int *y, int *m, int *dd) { date_to_ymd(d, y, m, dd); }

/* The first day of the column that holds day d. Weeks start on Monday. */
static day_t align(enum zoom z, day_t d)
{
	int y, m, dd;
	if (z == ZOOM_WEEK)
		return d - (((d + 3) % 7) + 7) % 7; /* day 0, 1970-01-01, was a Thursday */
	ymd(d, &y, &m, &dd);
	return date_from_ymd(y, z == ZOOM_MONTH ? m : m - (m - 1) % 3, 1);
}

/* The first day of column k counted from `from` (a column's first day). */
static day_t col_start(enum zoom z, day_t from, long k)
{
	if (z == ZOOM_WEEK)
		return from + (day_t)(7 * k);
	int y, m, d;
	ymd(from, &y, &m, &d);
	long months = (long)y * 12 + (m - 1) + k * (z == ZOOM_MONTH ? 1 : 3);
	long yy = months >= 0 ? months / 12 : -((-months + 11) / 12);
	return date_from_ymd((int)yy, (int)(months - yy * 12) + 1, 1);
}

/* The column (from `from`) that holds day d. */
static long col_of(enum zoom z, day_t from, day_t d)
{
	if (z == ZOOM_WEEK) {
		long diff = (long)d - from;
		return diff >= 0 ? diff / 7 : -((-diff + 6) / 7);
	}
	int y0, m0, d0, y, m, dd;
	ymd(from, &y0, &m0, &d0);
	ymd(d, &y, &m, &dd);
	long months = ((long)y * 12 + m - 1) - ((long)y0 * 12 + m0 - 1);
	if (z == ZOOM_MONTH)
		return months;
	return months >= 0 ? months / 3 : -((-months + 2) / 3);
}

/* The screen column, counted from the time area's left, of day d. */
static long x_of(const struct timeline *t, day_t d)
{
	enum zoom z = t->o.zoom;
	long k = col_of(z, t->from, d);
	day_t a = col_start(z, t->from, k), b = col_start(z, t->from, k + 1);
	return k * col_w[z] + (long)(d - a) * col_w[z] / (b - a);
}

int timeline_init(struct timeline *t, const struct chart *c, const struct summary *s,
		  const struct timeline_opts *o)
{
	memset(t, 0, sizeof *t);
	t->c = c;
	t->s = s;
	t->o = *o;
	t->rows = malloc((c->nzones + c->nprojects + 1) * sizeof *t->rows);
	if (!t->rows)
		return -1;
	for (uint32_t z = 0; z < c->nzones; z++) {
		const struct zone *zn = &c->zones[z];
		int w = 2 * (int)zn->depth + text_width(item_name(c, &zn->it), strlen(item_name(c, &zn->it)));
		if (w > t->natural)
			t->natural = w;
		t->rows[t->nrows++] = z | TIMELINE_ZONE;
		for (uint32_t p = zn->proj_first; p < zn->proj_first + zn->proj_count; p++) {
			const char *n = item_name(c, &c->projects[p].it);
			w = 2 * (int)zn->depth + 2 + text_width(n, strlen(n));
			if (w > t->natural)
				t->natural = w;
			t->rows[t->nrows++] = p;
		}
	}
	t->from = align(o->zoom, s->today);
	return 0;
}

void timeline_free(struct timeline *t)
{
	free(t->rows);
	t->rows = NULL;
	t->nrows = 0;
}

/* The names' column on a screen `width` wide. */
static int name_w(const struct timeline *t, int width)
{
	int cap = width * 2 / 5, w = t->natural < 8 ? 8 : t->natural;
	return w < cap ? w : cap > 8 ? cap : 8;
}

void timeline_centre(struct timeline *t, day_t day, int width)
{
	int cols = (width - name_w(t, width) - 1) / col_w[t->o.zoom];
	t->from = col_start(t->o.zoom, align(t->o.zoom, day), -(cols / 4)); /* a quarter of the way in */
}

void timeline_scroll(struct timeline *t, int n)
{
	t->from = col_start(t->o.zoom, t->from, n);
}

void timeline_zoom(struct timeline *t, enum zoom z, day_t day, int width)
{
	long at = x_of(t, day); /* keep `day` where it shows */
	t->o.zoom = z;
	t->from = align(z, day);
	t->from = col_start(z, t->from, -(at / col_w[z]));
	(void)width;
}

/* ---- drawing -------------------------------------------------------- */

struct marks {
	const char *todo, *done, *overdue, *late_due, *late_link, *span, *paused, *today, *before, *after;
};
static const struct marks box_marks = {"◆", "✓", "✗", "◇", "─", "━", "‖", "┊", "◂", "▸"};
static const struct marks ascii_marks = {"*", "v", "x", "o", "-", "=", "#", ":", "<", ">"};

/* Puts s at time-area column x of row y if it shows. */
static void mark(struct grid *g, int y, int x0, int w, long x, const char *s, enum style st)
{
	if (x >= 0 && x < w)
		grid_put(g, y, x0 + (int)x, s, st);
}

static void run(struct grid *g, int y, int x0, int w, long a, long b, const char *s, enum style st)
{
	for (long x = a < 0 ? 0 : a; x < b && x < w; x++)
		grid_put(g, y, x0 + (int)x, s, st);
}

/* The marks of one project's milestones: spans and links first, then the
 * marks, the worst last so it shows on top. */
static void project_marks(struct grid *g, int y, int x0, int w, const struct timeline *t, uint32_t p)
{
	const struct chart *c = t->c;
	const struct project *pr = &c->projects[p];
	const struct marks *mk = t->o.ascii ? &ascii_marks : &box_marks;
	int before = 0, after = 0; /* overdue left of the window; to do right of it */
	for (int pass = 0; pass < 3; pass++)
		for (uint32_t i = pr->ms_first; i < pr->ms_first + pr->ms_count; i++) {
			const struct milestone *m = &c->milestones[i];
			enum ms_state st = milestone_state(c, m, t->s->today, t->s->soon_days);
			day_t due = milestone_due(c, m), due_from = milestone_due_from(c, m), done = milestone_done(c, m);
			if (due == DAY_NONE || st == MS_DROPPED)
				continue;
			long xd = x_of(t, due);
			before |= pass == 0 && xd < 0 && st == MS_OVERDUE;
			after |= pass == 0 && xd >= w && (st == MS_OPEN || st == MS_SOON);
			if (xd < -w || xd > 2L * w) /* far off screen: nothing to draw */
				if (st != MS_DONE_LATE || done == DAY_NONE || x_of(t, done) < 0)
					continue;
			enum style sty = st == MS_OVERDUE ? STYLE_OVERDUE : st == MS_SOON ? STYLE_SOON
					 : st == MS_DONE ? STYLE_DONE : st == MS_DONE_LATE ? STYLE_DONE_LATE
					 : st == MS_PAUSED ? STYLE_PAUSED : STYLE_NORMAL;
			if (pass == 0) {
				if (due_from != DAY_NONE && due_from < due && st != MS_DONE &&
				    st != MS_DONE_LATE)
					run(g, y, x0, w, x_of(t, due_from), xd, mk->span, sty);
				if (st == MS_DONE_LATE && done != DAY_NONE)
					run(g, y, x0, w, xd + 1, x_of(t, done), mk->late_link, sty);
				continue;
			}
			int worst = st == MS_OVERDUE || st == MS_SOON;
			if ((pass == 2) != worst)
				continue;
			switch (st) {
			case MS_DONE: mark(g, y, x0, w, done != DAY_NONE ? x_of(t, done) : xd, mk->done, sty); break;
			case MS_DONE_LATE:
				mark(g, y, x0, w, xd, mk->late_due, sty);
				if (done != DAY_NONE)
					mark(g, y, x0, w, x_of(t, done), mk->done, sty);
				break;
			case MS_OVERDUE: mark(g, y, x0, w, xd, mk->overdue, sty); break;
			case MS_PAUSED: mark(g, y, x0, w, xd, mk->paused, sty); break;
			default: mark(g, y, x0, w, xd, mk->todo, sty); break;
			}
		}
	if (before)
		mark(g, y, x0, w, 0, mk->before, STYLE_OVERDUE);
	if (after)
		mark(g, y, x0, w, w - 1, mk->after, STYLE_DIM);
}

/* The scale: years (or months, by week) over the columns' labels. */
static void scale(struct grid *g, int gy, int x0, int w, const struct timeline *t)
{
	enum zoom z = t->o.zoom;
	int cw = col_w[z], top_end = 0; /* where the last year (or month) label ended */
	day_t today_col = align(z, t->s->today);
	for (long k = 0; k * cw < w; k++) {
		day_t a = col_start(z, t->from, k);
		int y, m, d, x = (int)(k * cw);
		ymd(a, &y, &m, &d);
		char top[16] = "", label[16];
		if (z == ZOOM_WEEK) {
			if (k == 0 || d <= 7) /* the week the month starts in */
				snprintf(top, sizeof top, "%04d-%02d", y, m);
			snprintf(label, sizeof label, "%2d", d);
		} else {
			if (k == 0 || m == 1)
				snprintf(top, sizeof top, "%04d", y);
			/* TRANSLATORS: the timeline's scale: a month or a quarter in a
			 * column 5 (months) or 6 (quarters) wide, with a blank after */
			static const char *const months[12] = {
				NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
				NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
				NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
			};
			static const char *const quarters[4] = {
				NC_("quarter", "Q1"), NC_("quarter", "Q2"), NC_("quarter", "Q3"), NC_("quarter", "Q4"),
			};
			if (z == ZOOM_MONTH)
				snprintf(label, sizeof label, "%s", i18n_cgettext("month", months[m - 1]));
			else
				snprintf(label, sizeof label, "%s", i18n_cgettext("quarter", quarters[(m - 1) / 3]));
		}
		/* A label that would run into the next is left to the next: the
		 * first column's year gives way to January's. */
		if (*top && x >= top_end) {
			int tw = (int)strlen(top);
			day_t next = col_start(z, t->from, k + (tw + cw - 1) / cw);
			int ny, nm, nd;
			ymd(next, &ny, &nm, &nd);
			int clash = k == 0 && (z == ZOOM_WEEK ? ny * 12 + nm != y * 12 + m : ny != y);
			if (!clash) {
				grid_text(g, gy, x0 + x, w - x, top, strlen(top), ALIGN_LEFT, STYLE_DIM,
					  t->o.ascii ? "~" : "…");
				top_end = x + tw + 1;
			}
		}
		grid_text(g, gy + 1, x0 + x, cw < w - x ? cw : w - x, label, strlen(label), ALIGN_LEFT,
			  a == today_col ? STYLE_TITLE : STYLE_DIM, "");
	}
}

void timeline_draw(struct grid *g, int gy, const struct timeline *t, long from, int n, long cursor)
{
	const struct chart *c = t->c;
	const struct marks *mk = t->o.ascii ? &ascii_marks : &box_marks;
	const char *ell = t->o.ascii ? "~" : "…", *bar = t->o.ascii ? "|" : "│";
	int nw = name_w(t, g->w), x0 = nw + 1, w = g->w - x0;
	if (w < 1)
		return;
	scale(g, gy, x0, w, t);
	long today = x_of(t, t->s->today);
	for (int i = 0; i < TIMELINE_HEAD; i++)
		grid_put(g, gy + i, nw, bar, STYLE_FRAME);
	for (int i = 0; i < n && from + i < (long)t->nrows; i++) {
		int y = gy + TIMELINE_HEAD + i;
		uint32_t r = t->rows[from + i];
		int zone = (r & TIMELINE_ZONE) != 0, sel = from + i == cursor;
		uint32_t v = r & ~TIMELINE_ZONE;
		const struct item *it = zone ? &c->zones[v].it : &c->projects[v].it;
		const struct roll *ro = zone ? &t->s->zones[v] : &t->s->projects[v];
		int depth = (int)c->zones[zone ? v : c->projects[v].zone].depth, indent = 2 * depth + (zone ? 0 : 2);
		if (indent > nw / 3)
			indent = nw / 3;
		const char *name = item_name(c, it);
		enum style st = sel ? STYLE_SELECTED : roll_bad(ro) ? STYLE_OVERDUE : zone ? STYLE_TITLE : STYLE_NORMAL;
		grid_text(g, y, indent, nw - indent, name, strlen(name), ALIGN_LEFT, st, ell);
		grid_put(g, y, nw, bar, STYLE_FRAME);
		mark(g, y, x0, w, today, mk->today, STYLE_DIM);
		if (!zone)
			project_marks(g, y, x0, w, t, v);
	}
}

int timeline_write(FILE *out, const struct chart *c, const struct summary *s,
		   const struct timeline_opts *o, int width, int color)
{
	enum { CHUNK = 256 };
	struct timeline t;
	struct grid g;
	if (timeline_init(&t, c, s, o) < 0)
		return -1;
	if (grid_init(&g, width, CHUNK + TIMELINE_HEAD) < 0) {
		timeline_free(&t);
		return -1;
	}
	timeline_centre(&t, s->today, width);
	/* The title, the scale, the rows a chunk at a time, a legend. */
	char title[256], day[11];
	date_format(s->today, day);
	/* TRANSLATORS: the timeline's title: the chart's title, then today's date */
	snprintf(title, sizeof title, _("%s · timeline · today %s"), *chart_title(c) ? chart_title(c) : "guatu", day);
	grid_text(&g, 0, 0, width, title, strlen(title), ALIGN_LEFT, STYLE_TITLE, o->ascii ? "~" : "…");
	grid_write(&g, 1, out, color);
	for (long from = 0; from == 0 || from < (long)t.nrows; from += CHUNK) {
		int n = (long)t.nrows - from < CHUNK ? (int)((long)t.nrows - from) : CHUNK;
		grid_clear(&g);
		timeline_draw(&g, 0, &t, from, n, -1);
		/* the scale heads the first chunk only */
		if (from == 0)
			grid_write(&g, TIMELINE_HEAD + n, out, color);
		else {
			struct grid body = {.w = g.w, .h = n, .rows = n, .cells = g.cells + (size_t)TIMELINE_HEAD * (size_t)g.w};
			grid_write(&body, n, out, color);
		}
	}
	const struct marks *mk = o->ascii ? &ascii_marks : &box_marks;
	char legend[256];
	snprintf(legend, sizeof legend,
		 /* TRANSLATORS: the timeline's legend, each mark then what it means;
		  * the last pair marks what is beyond the window's left and right edges */
		 _("%s to do  %s done  %s overdue  %s%s%s done late  %s%s due within a period  %s paused  %s today  "
		   "%s %s overdue or milestones beyond the window"),
		 mk->todo, mk->done, mk->overdue, mk->late_due, mk->late_link, mk->done, mk->span, mk->todo,
		 mk->paused, mk->today, mk->before, mk->after);
	struct text_line lines[4];
	size_t nl = text_wrap(legend, strlen(legend), width, lines, 4);
	grid_clear(&g);
	for (size_t i = 0; i < nl; i++)
		grid_text(&g, (int)i, 0, width, legend + lines[i].start, lines[i].len, ALIGN_LEFT, STYLE_DIM,
			  o->ascii ? "~" : "…");
	fputc('\n', out);
	grid_write(&g, (int)nl, out, color);
	grid_free(&g);
	timeline_free(&t);
	return 0;
}
