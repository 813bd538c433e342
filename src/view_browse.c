#include "config.h"
#include "view_browse.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "view_status.h"

enum style milestone_words(const struct milestone *m, day_t today, int soon, char *buf, size_t cap)
{
	enum ms_state st = milestone_state(m, today, soon);
	switch (st) {
	case MS_OVERDUE:
	case MS_SOON:
	case MS_OPEN:
		if (st == MS_OPEN)
			snprintf(buf, cap, "%s", m->status == ST_ACTIVE ? "进行中" : "计划中");
		else
			status_days(buf, cap, st, m->due, today);
		return st == MS_OVERDUE ? STYLE_OVERDUE : st == MS_SOON ? STYLE_SOON : STYLE_NORMAL;
	case MS_DONE: snprintf(buf, cap, "已完成"); return STYLE_DONE;
	case MS_DONE_LATE: snprintf(buf, cap, "延期完成"); return STYLE_DONE_LATE;
	case MS_DROPPED: snprintf(buf, cap, "已取消"); return STYLE_DIM;
	default: snprintf(buf, cap, "无日期"); return STYLE_DIM;
	}
}

void view_header(struct grid *g, const struct chart *c, const struct summary *s,
		 const struct frame *f)
{
	char right[96], day[11];
	date_format(s->today, day);
	snprintf(right, sizeof right, "%s逾期 %u  将到期 %u  今天 %s", s->all.overdue ? "! " : "",
		 s->all.overdue, s->all.soon, day);
	int rw = text_width(right, strlen(right));
	if (rw + 12 > g->w) { /* narrow: the counts matter more than the date */
		snprintf(right, sizeof right, "%s逾期 %u  将到期 %u", s->all.overdue ? "! " : "",
			 s->all.overdue, s->all.soon);
		rw = text_width(right, strlen(right));
	}
	const char *title = *chart_title(c) ? chart_title(c) : "guatu";
	int tw = g->w - rw - 2;
	if (tw < 1) {
		tw = g->w;
		rw = 0;
	}
	grid_text(g, 0, 0, tw, title, strlen(title), ALIGN_LEFT, STYLE_TITLE, f->ellipsis);
	if (rw)
		grid_text(g, 0, g->w - rw, rw, right, strlen(right), ALIGN_RIGHT,
			  s->all.overdue ? STYLE_OVERDUE : STYLE_NORMAL, f->ellipsis);
}

void view_footer(struct grid *g, const char *msg, const char *hints, const char *right)
{
	const char *t = msg && *msg ? msg : hints;
	int rw = right ? text_width(right, strlen(right)) : 0, w = g->w;
	if (rw && rw + 20 <= w) {
		grid_text(g, g->h - 1, w - rw, rw, right, strlen(right), ALIGN_RIGHT, STYLE_DIM, "…");
		w -= rw + 2;
	}
	grid_text(g, g->h - 1, 0, w, t, strlen(t), ALIGN_LEFT, msg && *msg ? STYLE_TITLE : STYLE_DIM,
		  "…");
}

/* The layout of the browse screen. */
struct layout {
	int x[PANE_COUNT + 1]; /* the rule columns: left edge, between panes, right edge */
	int top, rows;         /* the first list row and how many */
	int detail_top, detail_rows;
};

static struct layout layout(int w, int h)
{
	struct layout l;
	int ch = h - 2;                                     /* between header and footer */
	l.detail_rows = ch >= 18 ? ch / 3 - 1 : ch >= 10 ? 3 : 0;
	l.top = 2;                                          /* header, then the top rule */
	l.rows = ch - 2 - (l.detail_rows ? l.detail_rows + 1 : 0);
	l.detail_top = l.top + l.rows + 1;
	l.x[0] = 0;
	l.x[1] = (w - 1) * 30 / 100;
	l.x[2] = l.x[1] + (w - 1) * 33 / 100;
	l.x[3] = w - 1;
	return l;
}

int browse_page(int h)
{
	int r = layout(80, h).rows;
	return r > 1 ? r : 1;
}

static void frame(struct grid *g, const struct layout *l, const struct browse *b,
		  const struct frame *f)
{
	static const char *const titles[] = {"区域", "项目", "节点"};
	int bottom = l->top + l->rows, detail = l->detail_rows > 0;
	for (int p = 0; p <= PANE_COUNT; p++) {
		int edge = p == 0 ? 0 : p == PANE_COUNT ? 2 : 1; /* left, inner, right */
		const char *top[] = {f->tl, f->tm, f->tr};
		const char *under[] = {detail ? f->ml : f->bl, f->bm, detail ? f->mr : f->br};
		grid_put(g, l->top - 1, l->x[p], top[edge], STYLE_FRAME);
		for (int y = l->top; y < bottom; y++)
			grid_put(g, y, l->x[p], f->v, STYLE_FRAME);
		grid_put(g, bottom, l->x[p], under[edge], STYLE_FRAME);
		if (p == PANE_COUNT)
			break;
		int span = l->x[p + 1] - l->x[p] - 1;
		grid_repeat(g, l->top - 1, l->x[p] + 1, span, f->h, STYLE_FRAME);
		grid_repeat(g, bottom, l->x[p] + 1, span, f->h, STYLE_FRAME);
		char t[64];
		const char *sorted = p != PANE_MILESTONES || b->sort == SORT_DUE ? ""
				     : b->sort == SORT_NAME ? "·按名称" : "·按状态";
		snprintf(t, sizeof t, " %s%s%s ", titles[p], sorted, b->filter ? "·筛选" : "");
		int tw = text_width(t, strlen(t));
		if (tw > span - 1)
			tw = span - 1;
		grid_text(g, l->top - 1, l->x[p] + 2, tw, t, strlen(t), ALIGN_LEFT,
			  b->focus == (enum pane)p ? STYLE_SELECTED : STYLE_HEADER, f->ellipsis);
	}
	if (detail) {
		int y1 = l->detail_top + l->detail_rows;
		for (int y = l->detail_top; y < y1; y++) {
			grid_put(g, y, 0, f->v, STYLE_FRAME);
			grid_put(g, y, l->x[PANE_COUNT], f->v, STYLE_FRAME);
		}
		grid_put(g, y1, 0, f->bl, STYLE_FRAME);
		grid_repeat(g, y1, 1, l->x[PANE_COUNT] - 1, f->h, STYLE_FRAME);
		grid_put(g, y1, l->x[PANE_COUNT], f->br, STYLE_FRAME);
	}
}

/* Draws "!3 ~1" (overdue, due soon) right-aligned before column `end`;
 * returns where it starts. */
static int counts(struct grid *g, int y, int end, uint32_t overdue, uint32_t soon)
{
	char a[16] = "", b[16] = "";
	if (overdue)
		snprintf(a, sizeof a, "!%u", overdue);
	if (soon)
		snprintf(b, sizeof b, "%s~%u", overdue ? " " : "", soon);
	int x = end - (int)strlen(a) - (int)strlen(b);
	grid_put(g, y, x, a, STYLE_OVERDUE);
	grid_put(g, y, x + (int)strlen(a), b, STYLE_SOON);
	return x;
}

static void list_rows(struct grid *g, const struct layout *l, struct browse *b, enum pane p,
		      const struct frame *f)
{
	struct list *ls = &b->list[p];
	int x0 = l->x[p] + 1, x1 = l->x[p + 1], w = x1 - x0;
	if (ls->sel < ls->top) /* keep the selection in view */
		ls->top = ls->sel;
	if (ls->sel >= ls->top + (size_t)l->rows)
		ls->top = ls->sel - (size_t)l->rows + 1;
	if (ls->n == 0) {
		const char *empty = b->filter ? "（无逾期或将到期）" : p == PANE_PROJECTS ? "（无直属项目）" : "（无）";
		if (p == PANE_ZONES || browse_selected(b, p - 1) != NONE)
			grid_text(g, l->top, x0 + 1, w - 1, empty, strlen(empty), ALIGN_LEFT, STYLE_DIM,
				  f->ellipsis);
		return;
	}
	const struct chart *c = b->c;
	for (int r = 0; r < l->rows && ls->top + (size_t)r < ls->n; r++) {
		size_t i = ls->top + (size_t)r;
		uint32_t v = ls->v[i];
		int y = l->top + r, sel = i == ls->sel;
		enum style base = sel && b->focus == p ? STYLE_SELECTED : STYLE_NORMAL;
		grid_put(g, y, x0, sel ? ">" : " ", sel ? STYLE_TITLE : STYLE_NORMAL);
		int x = x0 + 1, end = x1;
		char words[32], due[11];
		const char *name;
		if (p == PANE_ZONES) {
			const struct zone *z = &c->zones[v];
			int indent = 2 * z->depth;
			if (indent > w / 3)
				indent = w / 3;
			x += indent;
			const char *fold = !browse_has_children(b, v) ? " "
					   : b->collapsed[v] ? (f == &frame_ascii ? "+" : "▸")
							     : (f == &frame_ascii ? "-" : "▾");
			x = grid_put(g, y, x, fold, STYLE_FRAME);
			x++;
			end = counts(g, y, x1 - 1, b->s->zones[v].overdue, b->s->zones[v].soon) - 1;
			name = chart_str(c, z->name);
		} else if (p == PANE_PROJECTS) {
			end = counts(g, y, x1 - 1, b->s->projects[v].overdue, b->s->projects[v].soon) - 1;
			name = chart_str(c, c->projects[v].name);
		} else {
			const struct milestone *m = &c->milestones[v];
			enum style st = milestone_words(m, b->s->today, b->s->soon_days, words, sizeof words);
			int ww = text_width(words, strlen(words));
			grid_put(g, y, x1 - 1 - ww, words, st);
			end = x1 - 2 - ww;
			if (end - x > 24) { /* room for the date too */
				if (m->due != DAY_NONE)
					date_format(m->due, due);
				else
					strcpy(due, "-");
				grid_put(g, y, end - 10, due, STYLE_DIM);
				end -= 11;
			}
			name = chart_str(c, m->name);
			if (sel && b->focus == p)
				base = STYLE_SELECTED;
			else if (st == STYLE_OVERDUE)
				base = STYLE_OVERDUE;
		}
		if (!*name)
			name = "(无名称)";
		if (end > x)
			grid_text(g, y, x, end - x, name, strlen(name), ALIGN_LEFT, base, f->ellipsis);
	}
}

/* One "label: value" line of the detail pane; returns the next row. */
static int detail_line(struct grid *g, int y, int y_end, int x0, int x1, const char *label,
		       const char *value, enum style st, const struct frame *f)
{
	if (y >= y_end || !value || !*value)
		return y;
	grid_text(g, y, x0, 6, label, strlen(label), ALIGN_LEFT, STYLE_HEADER, f->ellipsis);
	grid_text(g, y, x0 + 7, x1 - x0 - 7, value, strlen(value), ALIGN_LEFT, st, f->ellipsis);
	return y + 1;
}

static void detail(struct grid *g, const struct layout *l, const struct browse *b,
		   const struct frame *f)
{
	if (!l->detail_rows)
		return;
	const struct chart *c = b->c;
	int y = l->detail_top, y_end = y + l->detail_rows, x0 = 2, x1 = l->x[PANE_COUNT] - 1;
	char buf[160], buf2[160];
	str_t note = STR_NONE;
	const struct place *at = NULL;
	enum pane p;
	uint32_t v = browse_current(b, &p); /* an empty pane: show what holds it */
	if (v == NONE)
		return;
	if (p == PANE_ZONES) {
		const struct zone *z = &c->zones[v];
		const struct roll *r = &b->s->zones[v];
		y = detail_line(g, y, y_end, x0, x1, "区域", chart_str(c, z->name), STYLE_TITLE, f);
		y = detail_line(g, y, y_end, x0, x1, "负责人", chart_str(c, z->owner), STYLE_NORMAL, f);
		char next[11] = "-";
		if (r->next != DAY_NONE)
			date_format(r->next, next);
		snprintf(buf, sizeof buf, "项目 %u  节点 %u  逾期 %u  将到期 %u  下一节点 %s", r->projects,
			 r->milestones, r->overdue, r->soon, next);
		y = detail_line(g, y, y_end, x0, x1, "统计", buf, r->overdue ? STYLE_OVERDUE : STYLE_NORMAL, f);
		note = z->note;
		at = &z->at;
	} else if (p == PANE_PROJECTS) {
		const struct project *pr = &c->projects[v];
		y = detail_line(g, y, y_end, x0, x1, "项目", chart_str(c, pr->name), STYLE_TITLE, f);
		y = detail_line(g, y, y_end, x0, x1, "区域", chart_str(c, c->zones[pr->zone].name), STYLE_NORMAL, f);
		y = detail_line(g, y, y_end, x0, x1, "负责人", chart_str(c, pr->owner), STYLE_NORMAL, f);
		if (!isnan(pr->investment)) {
			snprintf(buf, sizeof buf, "%g 亿元", pr->investment);
			y = detail_line(g, y, y_end, x0, x1, "投资", buf, STYLE_NORMAL, f);
		}
		snprintf(buf, sizeof buf, "节点 %u  逾期 %u  将到期 %u", pr->ms_count,
			 b->s->projects[v].overdue, b->s->projects[v].soon);
		y = detail_line(g, y, y_end, x0, x1, "统计", buf,
				b->s->projects[v].overdue ? STYLE_OVERDUE : STYLE_NORMAL, f);
		note = pr->note;
		at = &pr->at;
	} else {
		const struct milestone *m = &c->milestones[v];
		y = detail_line(g, y, y_end, x0, x1, "节点", chart_str(c, m->name), STYLE_TITLE, f);
		y = detail_line(g, y, y_end, x0, x1, "项目", chart_str(c, c->projects[m->project].name), STYLE_NORMAL, f);
		char words[32], due[11] = "-";
		enum style st = milestone_words(m, b->s->today, b->s->soon_days, words, sizeof words);
		if (m->due != DAY_NONE)
			date_format(m->due, due);
		snprintf(buf, sizeof buf, "%s（%s）  %s", chart_str(c, m->due_text), due, words);
		y = detail_line(g, y, y_end, x0, x1, "截止", buf, st, f);
		static const char *const names[] = {"计划", "进行中", "已完成", "已取消"};
		snprintf(buf2, sizeof buf2, "%s%s%s", names[m->status], m->done_text ? "  完成于 " : "",
			 chart_str(c, m->done_text));
		y = detail_line(g, y, y_end, x0, x1, "状态", buf2, STYLE_NORMAL, f);
		const char *owner = chart_str(c, m->owner);
		y = detail_line(g, y, y_end, x0, x1, "负责人", *owner ? owner : chart_str(c, c->projects[m->project].owner), STYLE_NORMAL, f);
		note = m->note;
		at = &m->at;
	}
	snprintf(buf, sizeof buf, "%s:%u", c->files[at->file].shown, (unsigned)at->line);
	y = detail_line(g, y, y_end, x0, x1, "来源", buf, STYLE_DIM, f);
	if (note != STR_NONE && y < y_end) {
		const char *n = chart_str(c, note);
		struct text_line lines[64];
		size_t k = text_wrap(n, strlen(n), x1 - x0 - 7, lines, 64);
		for (size_t i = 0; i < k && y < y_end; i++, y++) {
			if (i == 0)
				grid_text(g, y, x0, 6, "备注", strlen("备注"), ALIGN_LEFT, STYLE_HEADER, f->ellipsis);
			grid_text(g, y, x0 + 7, x1 - x0 - 7, n + lines[i].start, lines[i].len, ALIGN_LEFT,
				  STYLE_NORMAL, f->ellipsis);
		}
	}
}

void view_browse(struct grid *g, struct browse *b, const struct frame *f, const char *msg,
		 const char *right)
{
	struct layout l = layout(g->w, g->h);
	view_header(g, b->c, b->s, f);
	frame(g, &l, b, f);
	for (int p = 0; p < PANE_COUNT; p++)
		list_rows(g, &l, b, (enum pane)p, f);
	detail(g, &l, b, f);
	view_footer(g, msg, "j/k 移动  h/l 窗格  / 搜索  o 筛选  e 编辑  r 载入  s 状态  ? 帮助  q 退出", right);
}
