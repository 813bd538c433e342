#include "config.h"
#include "view_status.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

/* A table being filled: cell texts (borrowed from the model or kept in
 * `own`), their styles, and the columns measured as rows are added. */
struct rows {
	struct column *cols;
	int ncols;
	size_t n, cap;
	const char **cells;
	enum style *styles;
	char (*own)[40]; /* texts made here: numbers, dates, indented names */
};

static int rows_init(struct rows *r, struct column *cols, int ncols, size_t cap)
{
	r->cols = cols;
	r->ncols = ncols;
	r->n = 0;
	r->cap = cap;
	r->cells = calloc(cap * (size_t)ncols, sizeof *r->cells);
	r->styles = calloc(cap * (size_t)ncols, sizeof *r->styles);
	r->own = calloc(cap * (size_t)ncols, sizeof *r->own);
	for (int i = 0; i < ncols; i++)
		cols[i].natural = text_width(cols[i].title, strlen(cols[i].title));
	return r->cells && r->styles && r->own ? 0 : -1;
}

static void rows_free(struct rows *r)
{
	free(r->cells);
	free(r->styles);
	free(r->own);
}

/* Sets cell (row, col) to a borrowed text. */
static void cell(struct rows *r, size_t row, int col, const char *s, enum style st)
{
	size_t k = row * (size_t)r->ncols + (size_t)col;
	r->cells[k] = s;
	r->styles[k] = st;
	int w = text_width(s, strlen(s));
	if (w > r->cols[col].natural)
		r->cols[col].natural = w;
}

/* Sets cell (row, col) to a formatted text kept by the table. */
__attribute__((format(printf, 5, 6)))
static void cellf(struct rows *r, size_t row, int col, enum style st, const char *fmt, ...)
{
	char *buf = r->own[row * (size_t)r->ncols + (size_t)col];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof *r->own, fmt, ap);
	va_end(ap);
	cell(r, row, col, buf, st);
}

struct canvas {
	struct grid *g;
	int y;
	const struct frame *f;
};

static int row(struct canvas *cv)
{
	return grid_grow(cv->g, cv->y + 1) < 0 ? -1 : cv->y++;
}

/* Draws a laid-out table: rule, titles, rule, rows, rule. `total_from` is the
 * index of a last row set apart by a rule (a total), or SIZE_MAX. */
static int draw_table(struct canvas *cv, struct rows *r, size_t total_from)
{
	table_layout(r->cols, r->ncols, cv->g->w);
	const char *titles[16];
	enum style hs[16];
	for (int i = 0; i < r->ncols; i++) {
		titles[i] = r->cols[i].title;
		hs[i] = STYLE_HEADER;
	}
	int y;
	if ((y = row(cv)) < 0)
		return -1;
	table_rule(cv->g, y, r->cols, r->ncols, cv->f, RULE_TOP);
	if ((y = row(cv)) < 0)
		return -1;
	table_row(cv->g, y, r->cols, r->ncols, cv->f, titles, hs);
	if ((y = row(cv)) < 0)
		return -1;
	table_rule(cv->g, y, r->cols, r->ncols, cv->f, RULE_MID);
	for (size_t i = 0; i < r->n; i++) {
		if (i == total_from) {
			if ((y = row(cv)) < 0)
				return -1;
			table_rule(cv->g, y, r->cols, r->ncols, cv->f, RULE_MID);
		}
		if ((y = row(cv)) < 0)
			return -1;
		table_row(cv->g, y, r->cols, r->ncols, cv->f, r->cells + i * (size_t)r->ncols,
			  r->styles + i * (size_t)r->ncols);
	}
	if ((y = row(cv)) < 0)
		return -1;
	table_rule(cv->g, y, r->cols, r->ncols, cv->f, RULE_BOTTOM);
	return 0;
}

void status_days(char *buf, size_t cap, enum ms_state st, day_t due, day_t today)
{
	if (st == MS_OVERDUE)
		snprintf(buf, cap, "逾期%ld天", (long)today - (long)due);
	else if (due == today)
		snprintf(buf, cap, "今天到期");
	else
		snprintf(buf, cap, "还剩%ld天", (long)due - (long)today);
}

static void fmt_day(char *buf, day_t d)
{
	if (d == DAY_NONE)
		strcpy(buf, "-");
	else
		date_format(d, buf);
}

/* Header: title and today; then the counts, as many as fit. */
static int header(struct canvas *cv, const struct chart *c, const struct summary *s,
		  const struct status_opts *o)
{
	int y = row(cv);
	if (y < 0)
		return -1;
	char day[11], right[32];
	date_format(s->today, day);
	snprintf(right, sizeof right, "今天 %s", day);
	int rw = text_width(right, strlen(right)), w = cv->g->w;
	const char *title = *chart_title(c) ? chart_title(c) : "guatu";
	if (rw + 2 <= w) {
		grid_text(cv->g, y, 0, w - rw - 2, title, strlen(title), ALIGN_LEFT, STYLE_TITLE,
			  cv->f->ellipsis);
		grid_put(cv->g, y, w - rw, right, STYLE_NORMAL);
	} else {
		grid_text(cv->g, y, 0, w, title, strlen(title), ALIGN_LEFT, STYLE_TITLE, cv->f->ellipsis);
	}

	if ((y = row(cv)) < 0)
		return -1;
	char items[7][40];
	enum style styles[7] = {s->all.overdue ? STYLE_OVERDUE : STYLE_NORMAL,
				s->all.soon ? STYLE_SOON : STYLE_NORMAL,
				s->all.done_late ? STYLE_DONE_LATE : STYLE_NORMAL,
				STYLE_NORMAL, STYLE_NORMAL, STYLE_NORMAL, STYLE_DIM};
	struct tm tm;
	localtime_r(&o->loaded, &tm);
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
			x = grid_put(cv->g, y, x, "   ", STYLE_NORMAL);
		x = grid_put(cv->g, y, x, items[i], styles[i]);
	}
	return 0;
}

enum { Z_NAME, Z_PROJECTS, Z_MILESTONES, Z_OVERDUE, Z_SOON, Z_LATE, Z_NEXT, Z_COLS };

static int zone_table(struct canvas *cv, const struct chart *c, const struct summary *s)
{
	struct column cols[Z_COLS] = {
		[Z_NAME] = {"区域", ALIGN_LEFT, 1, 10, 0, 0},
		[Z_PROJECTS] = {"项目", ALIGN_RIGHT, 0, 4, 0, 0},
		[Z_MILESTONES] = {"节点", ALIGN_RIGHT, 0, 6, 0, 0},
		[Z_OVERDUE] = {"逾期", ALIGN_RIGHT, 0, 9, 0, 0},
		[Z_SOON] = {"将到期", ALIGN_RIGHT, 0, 8, 0, 0},
		[Z_LATE] = {"延期完成", ALIGN_RIGHT, 0, 3, 0, 0},
		[Z_NEXT] = {"下一节点", ALIGN_LEFT, 0, 5, 0, 0},
	};
	struct rows r;
	int ret = -1;
	/* Sub-zones are indented under their parent: the indented names are
	 * made here, in one block sized up front. */
	enum { INDENT_MAX = 16 };
	size_t bytes = 1;
	for (size_t z = 0; z < c->nzones; z++)
		bytes += INDENT_MAX + strlen(chart_str(c, c->zones[z].name)) + sizeof "(无名称)";
	char *names = malloc(bytes), *np = names;
	if (rows_init(&r, cols, Z_COLS, c->nzones + 1) < 0 || !names)
		goto out;
	for (size_t z = 0; z <= c->nzones; z++) {
		const struct roll *t = z < c->nzones ? &s->zones[z] : &s->all;
		if (z < c->nzones) {
			const char *name = chart_str(c, c->zones[z].name);
			int indent = 2 * c->zones[z].depth;
			indent = indent > INDENT_MAX ? INDENT_MAX : indent;
			int len = sprintf(np, "%*s%s", indent, "", *name ? name : "(无名称)");
			cell(&r, z, Z_NAME, np, STYLE_NORMAL);
			np += len + 1;
		} else {
			cell(&r, z, Z_NAME, "合计", STYLE_HEADER);
		}
		cellf(&r, z, Z_PROJECTS, STYLE_NORMAL, "%u", t->projects);
		cellf(&r, z, Z_MILESTONES, STYLE_NORMAL, "%u", t->milestones);
		cellf(&r, z, Z_OVERDUE, t->overdue ? STYLE_OVERDUE : STYLE_NORMAL, "%u", t->overdue);
		cellf(&r, z, Z_SOON, t->soon ? STYLE_SOON : STYLE_NORMAL, "%u", t->soon);
		cellf(&r, z, Z_LATE, t->done_late ? STYLE_DONE_LATE : STYLE_NORMAL, "%u", t->done_late);
		fmt_day(r.own[z * Z_COLS + Z_NEXT], t->next);
		cell(&r, z, Z_NEXT, r.own[z * Z_COLS + Z_NEXT], STYLE_NORMAL);
	}
	r.n = c->nzones + 1;
	ret = draw_table(cv, &r, c->nzones);
out:
	rows_free(&r);
	free(names);
	return ret;
}

enum { L_ZONE, L_PROJECT, L_MILESTONE, L_WRITTEN, L_DATE, L_DAYS, L_OWNER, L_COLS };

/* The overdue or due-soon list. */
static int milestone_list(struct canvas *cv, const struct chart *c, const struct summary *s,
			  const uint32_t *list, size_t n, int overdue)
{
	int y = row(cv);
	if (y < 0)
		return -1;
	char title[64];
	if (overdue)
		snprintf(title, sizeof title, "逾期节点 %zu（最久在前）", n);
	else
		snprintf(title, sizeof title, "将到期节点 %zu（%d天内，最近在前）", n, s->soon_days);
	grid_text(cv->g, y, 0, cv->g->w, title, strlen(title), ALIGN_LEFT,
		  n ? (overdue ? STYLE_OVERDUE : STYLE_SOON) : STYLE_TITLE, cv->f->ellipsis);
	if (n == 0) {
		if ((y = row(cv)) < 0)
			return -1;
		grid_put(cv->g, y, 0, "（无）", STYLE_DIM);
		return 0;
	}
	struct column cols[L_COLS] = {
		[L_ZONE] = {"区域", ALIGN_LEFT, 1, 5, 0, 0},
		[L_PROJECT] = {"项目", ALIGN_LEFT, 1, 8, 0, 0},
		[L_MILESTONE] = {"节点", ALIGN_LEFT, 1, 10, 0, 0},
		[L_WRITTEN] = {"截止", ALIGN_LEFT, 1, 3, 0, 0},
		[L_DATE] = {"日期", ALIGN_LEFT, 0, 6, 0, 0},
		[L_DAYS] = {overdue ? "逾期" : "剩余", ALIGN_RIGHT, 0, 9, 0, 0},
		[L_OWNER] = {"负责人", ALIGN_LEFT, 1, 4, 0, 0},
	};
	struct rows r;
	int ret = -1;
	if (rows_init(&r, cols, L_COLS, n) < 0)
		goto out;
	enum style st = overdue ? STYLE_OVERDUE : STYLE_SOON;
	for (size_t i = 0; i < n; i++) {
		const struct milestone *m = &c->milestones[list[i]];
		const struct project *p = &c->projects[m->project];
		const struct zone *z = &c->zones[p->zone];
		cell(&r, i, L_ZONE, chart_str(c, z->name), STYLE_NORMAL);
		cell(&r, i, L_PROJECT, chart_str(c, p->name), STYLE_NORMAL);
		cell(&r, i, L_MILESTONE, chart_str(c, m->name), st);
		cell(&r, i, L_WRITTEN, chart_str(c, m->due_text), STYLE_NORMAL);
		fmt_day(r.own[i * L_COLS + L_DATE], m->due);
		cell(&r, i, L_DATE, r.own[i * L_COLS + L_DATE], STYLE_NORMAL);
		char days[32];
		status_days(days, sizeof days, overdue ? MS_OVERDUE : MS_SOON, m->due, s->today);
		cellf(&r, i, L_DAYS, st, "%s%s", overdue ? "! " : "", days);
		str_t owner = m->owner ? m->owner : p->owner ? p->owner : z->owner;
		cell(&r, i, L_OWNER, chart_str(c, owner), STYLE_NORMAL);
	}
	r.n = n;
	ret = draw_table(cv, &r, SIZE_MAX);
out:
	rows_free(&r);
	return ret;
}

int view_status(struct grid *g, const struct chart *c, const struct summary *s,
		const struct status_opts *o)
{
	struct canvas cv = {g, 0, o->ascii ? &frame_ascii : &frame_box};
	if ((!o->no_header && (header(&cv, c, s, o) < 0 || row(&cv) < 0)) || zone_table(&cv, c, s) < 0 ||
	    row(&cv) < 0 || milestone_list(&cv, c, s, s->overdue, s->noverdue, 1) < 0 ||
	    row(&cv) < 0 || milestone_list(&cv, c, s, s->due_soon, s->nsoon, 0) < 0)
		return -1;
	return cv.y;
}
