/* view_status: the status screen, and the status view of the interactive chart. */
#include "config.h"
#include "view_status.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"
#include "words.h"

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

static void error_line(struct grid *g, int y, const struct status_layout *l, long at,
		       const struct frame *f);

/* The cells of row `i` of table `t`. */
static void row_cells(const struct status_layout *l, int t, size_t i, struct cells *r)
{
	const struct chart *c = l->c;
	const struct summary *s = l->s;
	if (t == T_ZONES) {
		const struct roll *z = i < c->nzones ? &s->zones[i] : &s->all;
		if (i < c->nzones) {
			/* Sub-zones are indented under their parent. */
			const char *name = item_name(c, &c->zones[i].it);
			int indent = 2 * (int)c->zones[i].depth;
			indent = indent > 16 ? 16 : indent;
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
	put(r, L_ZONE, item_name(c, &z->it), STYLE_NORMAL);
	put(r, L_PROJECT, item_name(c, &p->it), STYLE_NORMAL);
	put(r, L_MILESTONE, item_name(c, &m->it), st);
	put(r, L_WRITTEN, chart_str(c, m->due_text), STYLE_NORMAL);
	put_day(r, L_DATE, m->due);
	char days[32];
	words_days(days, sizeof days, overdue ? MS_OVERDUE : MS_SOON, m->due, s->today);
	putf(r, L_DAYS, st, "%s%s", overdue ? "! " : "", days);
	str_t owner = m->it.owner ? m->it.owner : p->it.owner ? p->it.owner : z->it.owner;
	put(r, L_OWNER, chart_str(c, owner), STYLE_NORMAL);
}

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
	[L_DATE] = {"日期", ALIGN_LEFT, 0, 3, 0, 0}, /* the days late say it too */
	[L_DAYS] = {"逾期", ALIGN_RIGHT, 0, 12, 0, 0},
	[L_OWNER] = {"负责人", ALIGN_LEFT, 1, 4, 0, 0},
};

static int ncols_of(int t)
{
	return t == T_ZONES ? Z_COLS : L_COLS;
}

int status_measure(struct status_layout *l, const struct chart *c, const struct summary *s,
		   const struct status_opts *o)
{
	memset(l, 0, sizeof *l);
	l->c = c;
	l->s = s;
	l->o = *o;
	struct cells *r = malloc(sizeof *r);
	if (!r)
		return -1;
	for (int t = 0; t < STATUS_TABLES; t++) {
		int ncols = ncols_of(t);
		memcpy(l->cols[t], t == T_ZONES ? zone_cols : list_cols, sizeof(struct column) * (size_t)ncols);
		if (t == T_SOON)
			l->cols[t][L_DAYS].title = "剩余";
		for (int k = 0; k < ncols; k++)
			l->natural[t][k] = text_width(l->cols[t][k].title, strlen(l->cols[t][k].title));
		size_t n = l->nrows[t] = table_rows(l, t);
		for (size_t i = 0; i < n; i++) { /* measure every row once */
			row_cells(l, t, i, r);
			for (int k = 0; k < ncols; k++) {
				int w = text_width(r->text[k], strlen(r->text[k]));
				if (w > l->natural[t][k])
					l->natural[t][k] = w;
			}
		}
	}
	/* The errors, first in the file order diagnostics are in. */
	int e = 0;
	for (size_t i = 0; i < c->diags.n && e < STATUS_ERRORS; i++) {
		const struct diag *d = &c->diags.v[i];
		if (d->severity != DIAG_ERROR)
			continue;
		if (d->line)
			snprintf(l->errors[e++], sizeof l->errors[0], "%s:%u:%u: %s", c->files[d->file].shown,
				 (unsigned)d->line, (unsigned)d->col, d->msg);
		else
			snprintf(l->errors[e++], sizeof l->errors[0], "%s: %s", c->files[d->file].shown, d->msg);
	}
	free(r);
	return 0;
}

void status_fit(struct status_layout *l, int width)
{
	l->width = width;
	for (int t = 0; t < STATUS_TABLES; t++) {
		for (int k = 0; k < ncols_of(t); k++)
			l->cols[t][k].natural = l->natural[t][k];
		table_layout(l->cols[t], ncols_of(t), width);
	}
	long y = l->o.no_header ? 0 : HEADER_ROWS;
	/* Errors first, so a log shows that the screen below is not the whole
	 * chart: a title, each error wrapped, what more there is, a blank line. */
	l->err_start = y;
	l->nerr_lines = 0;
	size_t errors = l->c->diags.errors;
	for (int e = 0; e < STATUS_ERRORS && (size_t)e < errors; e++) {
		struct text_line lines[STATUS_ERROR_LINES + 1];
		size_t len = strlen(l->errors[e]);
		size_t n = text_wrap(l->errors[e], len, width - 2, lines, STATUS_ERROR_LINES + 1);
		if (n > STATUS_ERROR_LINES) { /* the last line kept takes the rest, cut with an ellipsis */
			n = STATUS_ERROR_LINES;
			lines[n - 1].len = len - lines[n - 1].start;
		}
		for (size_t k = 0; k < n; k++)
			l->err_lines[l->nerr_lines++] = (struct status_err_line){e, lines[k].start, lines[k].len};
	}
	if (errors)
		y += 1 + l->nerr_lines + (errors > STATUS_ERRORS) + 1;
	for (int t = 0; t < STATUS_TABLES; t++) {
		if (t > 0)
			y++; /* a blank line between parts */
		l->start[t] = y;
		/* zones: rules and titles (3), rows, a rule and the total, the bottom;
		 * lists: a title, then the table (rules and titles, rows, bottom) or "none" */
		long n = (long)l->nrows[t];
		y += t == T_ZONES ? n + 5 : 1 + (n ? n + 4 : 1);
	}
	l->rows = y;
}

/* Row `at` of the errors section. */
static void error_line(struct grid *g, int y, const struct status_layout *l, long at,
		       const struct frame *f)
{
	size_t errors = l->c->diags.errors;
	if (at == 0) {
		/* The count always; what it means and where to see all, as they fit. */
		char title[200];
		int n = snprintf(title, sizeof title, "%s 错误 %zu 个", f->bad, errors);
		static const char *const more[] = {"：有误的数据未计入下表", "（guatu --check 列出全部）"};
		for (int i = 0; i < 2; i++)
			if (text_width(title, (size_t)n) + text_width(more[i], strlen(more[i])) <= g->w)
				n += snprintf(title + n, sizeof title - (size_t)n, "%s", more[i]);
		grid_text(g, y, 0, g->w, title, (size_t)n, ALIGN_LEFT, STYLE_OVERDUE, f->ellipsis);
		return;
	}
	at--;
	if (at < l->nerr_lines) {
		const struct status_err_line *e = &l->err_lines[at];
		int first = at == 0 || l->err_lines[at - 1].error != e->error;
		grid_text(g, y, first ? 0 : 2, g->w - (first ? 0 : 2), l->errors[e->error] + e->start, e->len,
			  ALIGN_LEFT, STYLE_NORMAL, f->ellipsis);
		return;
	}
	if (at == l->nerr_lines && errors > STATUS_ERRORS) {
		char more[96];
		snprintf(more, sizeof more, "%s 另有 %zu 个错误 (and %zu more)", f->ellipsis,
			 errors - STATUS_ERRORS, errors - STATUS_ERRORS);
		grid_text(g, y, 0, g->w, more, strlen(more), ALIGN_LEFT, STYLE_DIM, f->ellipsis);
	}
}

int status_layout(struct status_layout *l, const struct chart *c, const struct summary *s,
		  const struct status_opts *o, int width)
{
	if (status_measure(l, c, s, o) < 0)
		return -1;
	status_fit(l, width);
	return 0;
}

/* Which table row `row` is in, and its index there: -1 outside any body. */
static int locate(const struct status_layout *l, long row, size_t *i)
{
	if (row < l->start[0])
		return -1;
	int t = STATUS_TABLES - 1;
	while (row < l->start[t])
		t--;
	long body = row - l->start[t] - (t == T_ZONES ? 3 : 4); /* rules and titles above */
	if (body < 0 || (size_t)body >= table_rows(l, t) - (t == T_ZONES)) /* not the total */
		return -1;
	*i = (size_t)body;
	return t;
}

int status_row_item(const struct status_layout *l, long row, enum kind *k, uint32_t *i)
{
	size_t at;
	int t = locate(l, row, &at);
	if (t < 0)
		return 0;
	if (t == T_ZONES) {
		*k = KIND_ZONE;
		*i = (uint32_t)at;
	} else {
		*k = KIND_MILESTONE;
		*i = t == T_OVERDUE ? l->s->overdue[at] : l->s->due_soon[at];
	}
	return 1;
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
	char items[8][40];
	enum style styles[8];
	int n = 0;
	struct tm tm;
	localtime_r(&l->o.loaded, &tm);
#define ITEM(st, ...) (styles[n] = (st), snprintf(items[n++], sizeof items[0], __VA_ARGS__))
	ITEM(s->all.overdue ? STYLE_OVERDUE : STYLE_NORMAL, "%s逾期 %u", s->all.overdue ? "! " : "", s->all.overdue);
	ITEM(s->all.soon ? STYLE_SOON : STYLE_NORMAL, "将到期 %u", s->all.soon);
	ITEM(s->all.done_late ? STYLE_DONE_LATE : STYLE_NORMAL, "延期完成 %u", s->all.done_late);
	if (s->all.paused) /* only where something is paused: most charts have nothing */
		ITEM(STYLE_PAUSED, "暂停 %u", s->all.paused);
	ITEM(STYLE_NORMAL, "节点 %zu", c->nmilestones);
	ITEM(STYLE_NORMAL, "项目 %zu", c->nprojects);
	ITEM(STYLE_NORMAL, "区域 %zu", c->nzones);
	ITEM(STYLE_DIM, "载入 %02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
#undef ITEM
	int x = 0;
	for (int i = 0; i < n; i++) { /* in order of importance: stop at the first that does not fit */
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
	int ncols = ncols_of(t);
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
		if (row < l->err_start) {
			header(g, y, l, row, f);
			continue;
		}
		if (row < l->start[0]) {
			error_line(g, y, l, row - l->err_start, f);
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

/* ---- the status view ------------------------------------------------ */

struct status_view {
	struct pager p;         /* first: see pager_save */
	struct status_layout l; /* measured once per chart and day */
};

/* Moves the cursor to the next row that shows an item, in direction dir. */
static void to_item(struct status_view *v, int dir)
{
	enum kind k;
	uint32_t i;
	for (long r = v->p.sel; r >= 0 && r < v->p.rows; r += dir)
		if (status_row_item(&v->l, r, &k, &i)) {
			v->p.sel = r;
			return;
		}
}

/* Is there a row of items after the cursor's? */
static int row_after(const struct status_view *v)
{
	enum kind k;
	uint32_t i;
	for (long r = v->p.sel + 1; r < v->p.rows; r++)
		if (status_row_item(&v->l, r, &k, &i))
			return 1;
	return 0;
}

static void *sv_create(struct app *a, void *old, const struct chart *oc)
{
	(void)oc;
	struct status_view *v = calloc(1, sizeof *v);
	struct status_opts so = {.ascii = a->f == &frame_ascii, .loaded = a->loaded, .no_header = 1};
	if (!v || status_measure(&v->l, a->c, a->s, &so) < 0) {
		free(v);
		return NULL;
	}
	status_fit(&v->l, 80); /* fitted again when drawn, at the screen's width */
	v->p.rows = v->l.rows;
	to_item(v, 1);
	if (old) { /* the same row, as near as can be */
		const struct status_view *o = old;
		v->p.top = o->p.top;
		v->p.sel = o->p.sel < v->p.rows ? o->p.sel : v->p.rows - 1;
	}
	return v;
}

static void sv_destroy(void *st)
{
	free(st);
}

static void sv_draw(void *st, struct app *a, struct grid *g, int top, int rows)
{
	(void)a;
	struct status_view *v = st;
	if (v->l.width != g->w) {
		status_fit(&v->l, g->w); /* no row is measured again */
		v->p.rows = v->l.rows;
	}
	pager_scroll(&v->p, rows);
	long end = v->l.rows - rows; /* on the last row of items, show what follows it too */
	if (v->p.sel >= end && end > v->p.top && !row_after(v))
		v->p.top = end;
	status_draw(g, top, &v->l, v->p.top, rows);
	long y = v->p.sel - v->p.top;
	enum kind k;
	uint32_t i;
	if (y >= 0 && y < rows && status_row_item(&v->l, v->p.sel, &k, &i)) /* the cursor */
		for (int x = 1; x + 1 < g->w; x++)
			if (grid_at(g, top + (int)y, x)->style != STYLE_FRAME)
				grid_at(g, top + (int)y, x)->style = STYLE_SELECTED;
}

static unsigned sv_key(void *st, struct app *a, enum action act, int page)
{
	(void)a;
	struct status_view *v = st;
	long was = v->p.sel;
	unsigned r = pager_key(&v->p, act, page);
	if (r) { /* rules and titles are passed over */
		int dir = act == ACT_LAST || (act != ACT_FIRST && v->p.sel < was) ? -1 : 1;
		enum kind k;
		uint32_t i;
		to_item(v, dir);
		if (!status_row_item(&v->l, v->p.sel, &k, &i))
			to_item(v, -dir);
		if (v->p.sel != was)
			r |= H_REDRAW;
	}
	if (act == ACT_ENTER)
		return H_HANDLED | H_OPEN;
	return r;
}

static int row_matches(const struct status_layout *l, const struct matcher *m, long row)
{
	enum kind k;
	uint32_t i;
	if (!status_row_item(l, row, &k, &i))
		return 0;
	if (matcher_item(m, l->c, k, i))
		return 1;
	if (k == KIND_MILESTONE) { /* its zone and project are in the row too */
		const struct project *p = &l->c->projects[l->c->milestones[i].project];
		return matcher_str(m, p->it.name) || matcher_str(m, l->c->zones[p->zone].it.name);
	}
	return 0;
}

struct row_match {
	const struct status_layout *l;
	const struct matcher *m;
};

static int sv_matches(long row, void *ctx)
{
	const struct row_match *rm = ctx;
	return row_matches(rm->l, rm->m, row);
}

static int sv_find(void *st, struct app *a, const struct matcher *m, int dir, int here)
{
	(void)a;
	struct status_view *v = st;
	struct row_match rm = {&v->l, m};
	return pager_find(&v->p, dir, here, sv_matches, &rm);
}

static int sv_current(void *st, struct app *a, enum kind *k, uint32_t *i)
{
	(void)a;
	const struct status_view *v = st;
	return status_row_item(&v->l, v->p.sel, k, i);
}

/* The whole status screen, as --print gives it at this width. */
static int sv_log(void *st, struct app *a, FILE *out, int width)
{
	(void)st;
	struct status_layout l;
	struct status_opts so = {.ascii = a->f == &frame_ascii, .loaded = a->loaded};
	return status_layout(&l, a->c, a->s, &so, width) == 0 && status_write(out, &l, 0) == 0 ? 0 : -1;
}

static const struct hint sv_hints[] = {
	{ACT_DOWN, ACT_UP, NULL}, {ACT_ENTER, ACT_NONE, "浏览此项"}, {ACT_SEARCH, ACT_NONE, NULL},
	{ACT_BROWSE, ACT_NONE, NULL}, {ACT_HELP, ACT_NONE, NULL}, {ACT_CLOSE, ACT_NONE, "返回"},
	{ACT_NONE, ACT_NONE, NULL},
};

const struct view_ops view_status = {
	.name = "status", .title = "状态总览", .opener = ACT_STATUS, .hints = sv_hints,
	.create = sv_create, .destroy = sv_destroy, .draw = sv_draw, .key = sv_key, .find = sv_find,
	.save = pager_save, .restore = pager_restore, .current = sv_current, .show = NULL, .log = sv_log,
};
