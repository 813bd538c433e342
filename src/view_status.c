#include "config.h"
#include "view_status.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { T_ZONES, T_OVERDUE, T_SOON };
enum { Z_NAME, Z_PROJECTS, Z_MILESTONES, Z_OVERDUE, Z_SOON, Z_LATE, Z_NEXT, Z_COLS };
enum { L_ZONE, L_PROJECT, L_MILESTONE, L_WRITTEN, L_DATE, L_DAYS, L_OWNER, L_COLS };
enum { HEADER_ROWS = 3 }; /* title, counts, a blank line */

/* One row's cells: texts borrowed from the model or made in `own`. */
struct cells {
	const char *text[STATUS_COLS];
	enum style style[STATUS_COLS];
	char own[STATUS_COLS][64];
	char name[512]; /* an indented zone name */
};

void status_days(char *buf, size_t cap, enum ms_state st, day_t due, day_t today)
{
	if (st == MS_OVERDUE)
		snprintf(buf, cap, "逾期%ld天", (long)today - (long)due);
	else if (due == today)
		snprintf(buf, cap, "今天到期");
	else
		snprintf(buf, cap, "还剩%ld天", (long)due - (long)today);
}

static void put(struct cells *r, int col, const char *s, enum style st)
{
	r->text[col] = s;
	r->style[col] = st;
}

__attribute__((format(printf, 4, 5)))
static void putf(struct cells *r, int col, enum style st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->own[col], sizeof r->own[col], fmt, ap);
	va_end(ap);
	put(r, col, r->own[col], st);
}

static void put_day(struct cells *r, int col, day_t d)
{
	if (d == DAY_NONE)
		put(r, col, "-", STYLE_NORMAL);
	else {
		date_format(d, r->own[col]);
		put(r, col, r->own[col], STYLE_NORMAL);
	}
}

static size_t table_rows(const struct status_layout *l, int t)
{
	return t == T_ZONES ? l->c->nzones + 1 : t == T_OVERDUE ? l->s->noverdue : l->s->nsoon;
}

/* The cells of row `i` of table `t`. */
static void row_cells(const struct status_layout *l, int t, size_t i, struct cells *r)
{
	const struct chart *c = l->c;
	const struct summary *s = l->s;
	if (t == T_ZONES) {
		const struct roll *z = i < c->nzones ? &s->zones[i] : &s->all;
		if (i < c->nzones) {
			/* Sub-zones are indented under their parent. */
			const char *name = chart_str(c, c->zones[i].name);
			int indent = 2 * c->zones[i].depth;
			indent = indent > 16 ? 16 : indent;
			if (!*name)
				name = "(无名称)";
			if ((size_t)indent + strlen(name) < sizeof r->name) {
				memset(r->name, ' ', (size_t)indent);
				strcpy(r->name + indent, name);
				name = r->name;
			}
			put(r, Z_NAME, name, STYLE_NORMAL);
		} else {
			put(r, Z_NAME, "合计", STYLE_HEADER);
		}
		putf(r, Z_PROJECTS, STYLE_NORMAL, "%u", z->projects);
		putf(r, Z_MILESTONES, STYLE_NORMAL, "%u", z->milestones);
		putf(r, Z_OVERDUE, z->overdue ? STYLE_OVERDUE : STYLE_NORMAL, "%u", z->overdue);
		putf(r, Z_SOON, z->soon ? STYLE_SOON : STYLE_NORMAL, "%u", z->soon);
		putf(r, Z_LATE, z->done_late ? STYLE_DONE_LATE : STYLE_NORMAL, "%u", z->done_late);
		put_day(r, Z_NEXT, z->next);
		return;
	}
	int overdue = t == T_OVERDUE;
	const struct milestone *m = &c->milestones[overdue ? s->overdue[i] : s->due_soon[i]];
	const struct project *p = &c->projects[m->project];
	const struct zone *z = &c->zones[p->zone];
	enum style st = overdue ? STYLE_OVERDUE : STYLE_SOON;
	put(r, L_ZONE, chart_str(c, z->name), STYLE_NORMAL);
	put(r, L_PROJECT, chart_str(c, p->name), STYLE_NORMAL);
	put(r, L_MILESTONE, chart_str(c, m->name), st);
	put(r, L_WRITTEN, chart_str(c, m->due_text), STYLE_NORMAL);
	put_day(r, L_DATE, m->due);
	char days[32];
	status_days(days, sizeof days, overdue ? MS_OVERDUE : MS_SOON, m->due, s->today);
	putf(r, L_DAYS, st, "%s%s", overdue ? "! " : "", days);
	str_t owner = m->owner ? m->owner : p->owner ? p->owner : z->owner;
	put(r, L_OWNER, chart_str(c, owner), STYLE_NORMAL);
}

int status_layout(struct status_layout *l, const struct chart *c, const struct summary *s,
		  const struct status_opts *o, int width)
{
	static const struct column zone_cols[Z_COLS] = {
		[Z_NAME] = {"区域", ALIGN_LEFT, 1, 10, 0, 0},
		[Z_PROJECTS] = {"项目", ALIGN_RIGHT, 0, 4, 0, 0},
		[Z_MILESTONES] = {"节点", ALIGN_RIGHT, 0, 6, 0, 0},
		[Z_OVERDUE] = {"逾期", ALIGN_RIGHT, 0, 9, 0, 0},
		[Z_SOON] = {"将到期", ALIGN_RIGHT, 0, 8, 0, 0},
		[Z_LATE] = {"延期完成", ALIGN_RIGHT, 0, 3, 0, 0},
		[Z_NEXT] = {"下一节点", ALIGN_LEFT, 0, 5, 0, 0},
	};
	static const struct column list_cols[L_COLS] = {
		[L_ZONE] = {"区域", ALIGN_LEFT, 1, 5, 0, 0},
		[L_PROJECT] = {"项目", ALIGN_LEFT, 1, 8, 0, 0},
		[L_MILESTONE] = {"节点", ALIGN_LEFT, 1, 10, 0, 0},
		[L_WRITTEN] = {"截止", ALIGN_LEFT, 1, 3, 0, 0},
		[L_DATE] = {"日期", ALIGN_LEFT, 0, 6, 0, 0},
		[L_DAYS] = {"逾期", ALIGN_RIGHT, 0, 9, 0, 0},
		[L_OWNER] = {"负责人", ALIGN_LEFT, 1, 4, 0, 0},
	};
	memset(l, 0, sizeof *l);
	l->c = c;
	l->s = s;
	l->o = *o;
	l->width = width;
	struct cells *r = malloc(sizeof *r);
	if (!r)
		return -1;
	long y = o->no_header ? 0 : HEADER_ROWS;
	for (int t = 0; t < STATUS_TABLES; t++) {
		int ncols = t == T_ZONES ? Z_COLS : L_COLS;
		memcpy(l->cols[t], t == T_ZONES ? zone_cols : list_cols, sizeof(struct column) * (size_t)ncols);
		if (t == T_SOON)
			l->cols[t][L_DAYS].title = "剩余";
		for (int k = 0; k < ncols; k++)
			l->cols[t][k].natural = text_width(l->cols[t][k].title, strlen(l->cols[t][k].title));
		size_t n = table_rows(l, t);
		for (size_t i = 0; i < n; i++) { /* measure every row once */
			row_cells(l, t, i, r);
			for (int k = 0; k < ncols; k++) {
				int w = text_width(r->text[k], strlen(r->text[k]));
				if (w > l->cols[t][k].natural)
					l->cols[t][k].natural = w;
			}
		}
		table_layout(l->cols[t], ncols, width);
		if (t > 0)
			y++; /* a blank line between parts */
		l->start[t] = y;
		/* zones: rules and titles (3), rows, a rule and the total, the bottom;
		 * lists: a title, then the table (rules and titles, rows, bottom) or "none" */
		y += t == T_ZONES ? (long)n + 5 : 1 + (n ? (long)n + 4 : 1);
	}
	l->rows = y;
	free(r);
	return 0;
}

static void header(struct grid *g, int y, const struct status_layout *l, long row,
		   const struct frame *f)
{
	const struct chart *c = l->c;
	const struct summary *s = l->s;
	int w = g->w;
	if (row == 0) {
		char day[11], right[32];
		date_format(s->today, day);
		snprintf(right, sizeof right, "今天 %s", day);
		int rw = text_width(right, strlen(right));
		const char *title = *chart_title(c) ? chart_title(c) : "guatu";
		if (rw + 2 <= w) {
			grid_text(g, y, 0, w - rw - 2, title, strlen(title), ALIGN_LEFT, STYLE_TITLE, f->ellipsis);
			grid_put(g, y, w - rw, right, STYLE_NORMAL);
		} else {
			grid_text(g, y, 0, w, title, strlen(title), ALIGN_LEFT, STYLE_TITLE, f->ellipsis);
		}
		return;
	}
	if (row != 1)
		return;
	char items[7][40];
	enum style styles[7] = {s->all.overdue ? STYLE_OVERDUE : STYLE_NORMAL,
				s->all.soon ? STYLE_SOON : STYLE_NORMAL,
				s->all.done_late ? STYLE_DONE_LATE : STYLE_NORMAL,
				STYLE_NORMAL, STYLE_NORMAL, STYLE_NORMAL, STYLE_DIM};
	struct tm tm;
	localtime_r(&l->o.loaded, &tm);
	snprintf(items[0], sizeof items[0], "%s逾期 %u", s->all.overdue ? "! " : "", s->all.overdue);
	snprintf(items[1], sizeof items[1], "将到期 %u", s->all.soon);
	snprintf(items[2], sizeof items[2], "延期完成 %u", s->all.done_late);
	snprintf(items[3], sizeof items[3], "节点 %zu", c->nmilestones);
	snprintf(items[4], sizeof items[4], "项目 %zu", c->nprojects);
	snprintf(items[5], sizeof items[5], "区域 %zu", c->nzones);
	snprintf(items[6], sizeof items[6], "载入 %02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
	int x = 0;
	for (int i = 0; i < 7; i++) { /* in order of importance: stop at the first that does not fit */
		int iw = text_width(items[i], strlen(items[i]));
		if (x + (x ? 3 : 0) + iw > w)
			break;
		if (x)
			x = grid_put(g, y, x, "   ", STYLE_NORMAL);
		x = grid_put(g, y, x, items[i], styles[i]);
	}
}

/* Row `row` (counted from the table's top rule) of table t. */
static void table_line(struct grid *g, int y, const struct status_layout *l, int t, long row,
		       const struct frame *f, struct cells *r)
{
	const struct column *cols = l->cols[t];
	int ncols = t == T_ZONES ? Z_COLS : L_COLS;
	long n = (long)table_rows(l, t), body = row - 3;
	int total = t == T_ZONES; /* the zone table sets its total apart */
	if (row == 0)
		table_rule(g, y, cols, ncols, f, RULE_TOP);
	else if (row == 1) {
		const char *titles[STATUS_COLS];
		enum style hs[STATUS_COLS];
		for (int k = 0; k < ncols; k++) {
			titles[k] = cols[k].title;
			hs[k] = STYLE_HEADER;
		}
		table_row(g, y, cols, ncols, f, titles, hs);
	} else if (row == 2 || (total && body == n - 1)) {
		table_rule(g, y, cols, ncols, f, RULE_MID);
	} else if (body >= 0 && body < n + total) {
		row_cells(l, t, (size_t)(body - (total && body >= n - 1)), r);
		table_row(g, y, cols, ncols, f, r->text, r->style);
	} else {
		table_rule(g, y, cols, ncols, f, RULE_BOTTOM);
	}
}

static void list_title(struct grid *g, int y, const struct status_layout *l, int t,
		       const struct frame *f)
{
	char title[64];
	size_t n = table_rows(l, t);
	if (t == T_OVERDUE)
		snprintf(title, sizeof title, "逾期节点 %zu（最久在前）", n);
	else
		snprintf(title, sizeof title, "将到期节点 %zu（%d天内，最近在前）", n, l->s->soon_days);
	grid_text(g, y, 0, g->w, title, strlen(title), ALIGN_LEFT,
		  n ? (t == T_OVERDUE ? STYLE_OVERDUE : STYLE_SOON) : STYLE_TITLE, f->ellipsis);
}

void status_draw(struct grid *g, int gy, const struct status_layout *l, long from, int n)
{
	const struct frame *f = l->o.ascii ? &frame_ascii : &frame_box;
	struct cells r;
	for (int i = 0; i < n && from + i < l->rows; i++) {
		long row = from + i;
		int y = gy + i;
		if (row < l->start[0]) {
			header(g, y, l, row, f);
			continue;
		}
		int t = STATUS_TABLES - 1;
		while (row < l->start[t])
			t--;
		long at = row - l->start[t];
		long end = t + 1 < STATUS_TABLES ? l->start[t + 1] - 1 : l->rows; /* a blank line follows */
		if (row >= end)
			continue;
		if (t == T_ZONES) {
			table_line(g, y, l, t, at, f, &r);
		} else if (at == 0) {
			list_title(g, y, l, t, f);
		} else if (table_rows(l, t) == 0) {
			grid_put(g, y, 0, "（无）", STYLE_DIM);
		} else {
			table_line(g, y, l, t, at - 1, f, &r);
		}
	}
}

int status_write(FILE *out, const struct status_layout *l, int color)
{
	enum { CHUNK = 256 };
	struct grid g;
	if (grid_init(&g, l->width, CHUNK) < 0)
		return -1;
	for (long from = 0; from < l->rows; from += CHUNK) {
		int n = l->rows - from < CHUNK ? (int)(l->rows - from) : CHUNK;
		grid_clear(&g);
		status_draw(&g, 0, l, from, n);
		grid_write(&g, n, out, color);
	}
	grid_free(&g);
	return 0;
}
