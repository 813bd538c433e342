/* view_browse: the browse view. Three panes (zones, projects, milestones)
 * with a detail pane under them; on a narrow screen two panes, following
 * the focus. Only the rows that show are looked at. */
#include "config.h"
#include "i18n.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browse.h"
#include "number.h"
#include "pace.h"
#include "history.h"
#include "view.h"
#include "words.h"

enum { NARROW = 60 }; /* below this, two panes */

/* The layout of the browse body. */
struct layout {
	int first, count;      /* the panes shown */
	int x[PANE_COUNT + 1]; /* the rule columns of the panes shown: left edge, between, right edge */
	int top, rows;         /* the first list row and how many */
	int detail_top, detail_rows;
};

static struct layout layout(const struct browse *b, int w, int top, int h)
{
	struct layout l;
	l.detail_rows = h >= 18 ? h / 3 - 1 : h >= 10 ? 3 : 0;
	l.top = top + 1; /* under the top rule */
	l.rows = h - 2 - (l.detail_rows ? l.detail_rows + 1 : 0);
	if (l.rows < 1)
		l.rows = 1;
	l.detail_top = l.top + l.rows + 1;
	if (w >= NARROW) {
		l.first = 0;
		l.count = PANE_COUNT;
		l.x[0] = 0;
		l.x[1] = (w - 1) * 30 / 100;
		l.x[2] = l.x[1] + (w - 1) * 33 / 100;
		l.x[3] = w - 1;
	} else { /* the focused pane and the one it leads to */
		l.first = b->focus == PANE_ZONES ? PANE_ZONES : PANE_PROJECTS;
		l.count = 2;
		l.x[0] = 0;
		l.x[1] = (w - 1) / 2;
		l.x[2] = w - 1;
	}
	return l;
}

/* The pane's left and right rules; 0 when it is not shown. */
static int pane_cols(const struct layout *l, int p, int *x0, int *x1)
{
	if (p < l->first || p >= l->first + l->count)
		return 0;
	*x0 = l->x[p - l->first];
	*x1 = l->x[p - l->first + 1];
	return 1;
}

static void frame(struct grid *g, const struct layout *l, const struct browse *b,
		  const struct frame *f)
{
	/* TRANSLATORS: the three panes' titles */
	static const char *const titles[] = {NC_("pane", "Zones"), NC_("pane", "Projects"), NC_("pane", "Milestones")};
	int bottom = l->top + l->rows, detail = l->detail_rows > 0;
	for (int i = 0; i <= l->count; i++) {
		int edge = i == 0 ? 0 : i == l->count ? 2 : 1; /* left, inner, right */
		const char *top[] = {f->tl, f->tm, f->tr};
		const char *under[] = {detail ? f->ml : f->bl, f->bm, detail ? f->mr : f->br};
		grid_put(g, l->top - 1, l->x[i], top[edge], STYLE_FRAME);
		for (int y = l->top; y < bottom; y++)
			grid_put(g, y, l->x[i], f->v, STYLE_FRAME);
		grid_put(g, bottom, l->x[i], under[edge], STYLE_FRAME);
		if (i == l->count)
			break;
		int p = l->first + i, span = l->x[i + 1] - l->x[i] - 1;
		grid_repeat(g, l->top - 1, l->x[i] + 1, span, f->h, STYLE_FRAME);
		grid_repeat(g, bottom, l->x[i] + 1, span, f->h, STYLE_FRAME);
		const struct list *ls = &b->list[p];
		char t[96], where[32] = "";
		char sorted[32] = "";
		if (p == PANE_MILESTONES && b->sort != SORT_DUE)
			snprintf(sorted, sizeof sorted, _("·by %s"), sort_name(b->sort));
		if (ls->n > (size_t)l->rows) /* it scrolls: say where */
			snprintf(where, sizeof where, " %zu/%zu", ls->sel + 1, ls->n);
		/* TRANSLATORS: after a pane's title when o shows only what is overdue or due soon */
		snprintf(t, sizeof t, " %s%s%s%s ", i18n_cgettext("pane", titles[p]), sorted, b->filter ? _("·filtered") : "",
			 where);
		int tw = text_width(t, strlen(t));
		if (tw > span - 1)
			tw = span - 1;
		grid_text(g, l->top - 1, l->x[i] + 2, tw, t, strlen(t), ALIGN_LEFT,
			  b->focus == (enum pane)p ? STYLE_SELECTED : STYLE_HEADER, f->ellipsis);
	}
	if (detail) {
		int y1 = l->detail_top + l->detail_rows, right = l->x[l->count];
		for (int y = l->detail_top; y < y1; y++) {
			grid_put(g, y, 0, f->v, STYLE_FRAME);
			grid_put(g, y, right, f->v, STYLE_FRAME);
		}
		grid_put(g, y1, 0, f->bl, STYLE_FRAME);
		grid_repeat(g, y1, 1, right - 1, f->h, STYLE_FRAME);
		grid_put(g, y1, right, f->br, STYLE_FRAME);
	}
}

/* The marks of a roll: "!3 »1 ~1 ▼2" (overdue, postponed, due soon, targets behind),
 * each part with its style; how wide in *width. */
struct marks {
	char text[4][16];
	enum style style[4];
	int n, width;
};

/* Marks a milestone due later than in the baseline. */
static const char *postponed_mark(const struct frame *f)
{
	return f == &frame_ascii ? ">>" : "»";
}

static struct marks roll_marks(const struct roll *r, const struct frame *f)
{
	struct marks m = {.n = 0};
	if (r->overdue)
		snprintf(m.text[m.n], 16, "!%u", r->overdue), m.style[m.n++] = STYLE_OVERDUE;
	if (r->postponed)
		snprintf(m.text[m.n], 16, "%s%u", postponed_mark(f), r->postponed), m.style[m.n++] = STYLE_OVERDUE;
	if (r->soon)
		snprintf(m.text[m.n], 16, "~%u", r->soon), m.style[m.n++] = STYLE_SOON;
	if (r->behind)
		snprintf(m.text[m.n], 16, "%s%u", f == &frame_ascii ? "v" : "▼", r->behind), m.style[m.n++] = STYLE_OVERDUE;
	for (int i = 0; i < m.n; i++)
		m.width += (i ? 1 : 0) + text_width(m.text[i], strlen(m.text[i]));
	return m;
}

/* Draws marks right-aligned before column `end`; returns where they start. */
static int draw_marks(struct grid *g, int y, int end, const struct marks *m)
{
	int x = end - m->width;
	for (int i = 0, at = x; i < m->n; i++)
		at = grid_put(g, y, at + (i ? 1 : 0), m->text[i], m->style[i]);
	return x;
}

enum { NAME_MIN = 12, NAME_MARKS = 5 }; /* columns a name keeps: before the done count, before the marks */

/* The cursor's bar on row y: from the marker at x0 through the last
 * character drawn before `end` (indent, fold mark and name, as one block),
 * not the blanks after it, nor the one a cut leaves after its ellipsis when
 * a wide character did not fit. A move then repaints two names, not two
 * rows of blanks: a bar as wide as the name's column sent its blanks twice
 * on every j or k (issue #12, bytes on the wire). */
static void bar(struct grid *g, int y, int x0, int end)
{
	int last = x0;
	for (int x = x0; x < end && x < g->w; x++) /* a wide character's right half (width 0) counts */
		if (grid_at(g, y, x)->width != 1 || strcmp(grid_at(g, y, x)->s, " ") != 0)
			last = x;
	for (int x = x0; x <= last; x++)
		grid_at(g, y, x)->style = STYLE_SELECTED;
}

static void list_rows(struct grid *g, const struct layout *l, struct browse *b, enum pane p,
		      const struct frame *f)
{
	int x0, x1;
	if (!pane_cols(l, p, &x0, &x1))
		return;
	x0++;
	int w = x1 - x0;
	struct list *ls = &b->list[p];
	browse_scroll(ls, l->rows);
	if (ls->n == 0) {
		const char *empty = b->filter ? _("(nothing overdue or due soon)")
				    : p == PANE_PROJECTS ? _("(no projects of its own)")
							 : _("(none)");
		if (p == PANE_ZONES || browse_selected(b, p - 1) != NONE)
			grid_text(g, l->top, x0 + 1, w - 1, empty, strlen(empty), ALIGN_LEFT, STYLE_DIM,
				  f->ellipsis);
		return;
	}
	const struct chart *c = b->c;
	/* Milestones: the state words right-aligned in a column as wide as the
	 * widest shown, so the dates before them line up. */
	int words_w = 0;
	char words[32], due[11];
	for (int r = 0; p == PANE_MILESTONES && r < l->rows && ls->top + (size_t)r < ls->n; r++) {
		words_milestone(c, &c->milestones[ls->v[ls->top + (size_t)r]], b->s->today, b->s->soon_days, words,
				sizeof words);
		int ww = text_width(words, strlen(words));
		words_w = ww > words_w ? ww : words_w;
	}
	for (int r = 0; r < l->rows && ls->top + (size_t)r < ls->n; r++) {
		size_t i = ls->top + (size_t)r;
		uint32_t v = ls->v[i];
		int y = l->top + r, sel = i == ls->sel;
		enum style base = sel && b->focus == p ? STYLE_SELECTED : STYLE_NORMAL;
		grid_put(g, y, x0, sel ? ">" : " ", sel ? STYLE_TITLE : STYLE_NORMAL);
		int x = x0 + 1, end; /* each kind of row below sets it */
		const struct item *it;
		if (p == PANE_ZONES) {
			const struct zone *z = &c->zones[v];
			int indent = 2 * (int)z->depth, room = w / 4;
			x += indent < room ? indent : room;
			const char *fold = !browse_has_children(b, v) ? " "
					   : b->collapsed[v] ? (f == &frame_ascii ? "+" : "▸")
							     : (f == &frame_ascii ? "-" : "▾");
			x = grid_put(g, y, x, fold, STYLE_FRAME) + 1;
			end = x1 - 1;
			const struct roll *ro = &b->s->zones[v];
			struct marks mk = roll_marks(ro, f);
			/* the marks before a whole name (they say what is late),
			 * unless the name would keep under two characters */
			const char *nm = item_name(c, &z->it);
			int nw = text_width(nm, strlen(nm)), want = nw < NAME_MARKS ? nw : NAME_MARKS;
			if (mk.n && end - mk.width - 1 - x >= want)
				end = draw_marks(g, y, x1 - 1, &mk) - 1;
			if (!(sel && b->focus == p) && roll_bad(ro)) /* the worst under it shows */
				base = STYLE_OVERDUE;
			it = &z->it;
		} else if (p == PANE_PROJECTS) {
			const struct roll *pc = &b->s->projects[v];
			struct marks mk = roll_marks(pc, f);
			end = draw_marks(g, y, x1 - 1, &mk) - (mk.n ? 1 : 0);
			if (pc->milestones && end - 6 - x >= NAME_MIN + 4) { /* done of all, where there is room */
				char done[24];
				snprintf(done, sizeof done, "%u/%u", pc->done, pc->milestones);
				int dw = (int)strlen(done);
				grid_put(g, y, end - dw, done, STYLE_DIM);
				end -= dw + 1;
			}
			if (!(sel && b->focus == p) && roll_bad(pc))
				base = STYLE_OVERDUE;
			it = &c->projects[v].it;
		} else {
			const struct milestone *m = &c->milestones[v];
			enum style st = words_milestone(c, m, b->s->today, b->s->soon_days, words, sizeof words);
			grid_text(g, y, x1 - 1 - words_w, words_w, words, strlen(words), ALIGN_RIGHT, st, f->ellipsis);
			end = x1 - 2 - words_w;
			if (end - x > 24) { /* room for the date too: as written, if it did not read */
				const char *shown = due;
				const struct written *wd = milestone_due_date(c, m);
				if (wd->last != DAY_NONE)
					date_format(wd->last, due);
				else
					shown = wd->text ? chart_str(c, wd->text) : "-";
				grid_text(g, y, end - 10, 10, shown, strlen(shown), ALIGN_LEFT,
					  wd->last != DAY_NONE ? STYLE_DIM : STYLE_OVERDUE, f->ellipsis);
				end -= 11;
			}
			if (!(sel && b->focus == p) && st == STYLE_OVERDUE)
				base = STYLE_OVERDUE;
			it = &m->it;
			if (b->s->changes && b->s->changes->slip[v] > 0) /* the detail says by how much */
				x = grid_put(g, y, x, postponed_mark(f), STYLE_OVERDUE);
		}
		const char *name = item_name(c, it);
		if (it->flags & (ITEM_ERROR | ITEM_INVALID)) /* failed in part: the detail says why */
			x = grid_put(g, y, x, f->bad, STYLE_OVERDUE);
		if (end > x) /* its blanks plain: the bar is laid over the name next */
			grid_text(g, y, x, end - x, name, strlen(name), ALIGN_LEFT,
				  base == STYLE_SELECTED ? STYLE_NORMAL : base, f->ellipsis);
		if (base == STYLE_SELECTED)
			bar(g, y, x0, end);
	}
}

/* One "label: value" line of the detail pane; returns the next row. */
/* The detail pane's labels: their column is as wide as the widest of them in
 * the language shown (6 in Chinese), measured once; the values start after it. */
static int label_w(void)
{
	/* TRANSLATORS: the detail pane's labels, before each value; keep them
	 * short: the widest sets where every value starts */
	static const char *const labels[] = {
		NC_("label", "Zone"),     NC_("label", "Owner"),  NC_("label", "Summary"),   NC_("label", "Project"),
		NC_("label", "Investment"), NC_("label", "Milestone"), NC_("label", "Due"), NC_("label", "Status"),
		NC_("label", "Source"),   NC_("label", "Problem"), NC_("label", "Notes"),     NC_("label", "Baseline"),
		NC_("label", "History"),  NC_("label", "Targets"),
	};
	static int w;
	if (!w) {
		w = 4;
		for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
			const char *t = i18n_cgettext("label", labels[i]);
			int tw = text_width(t, strlen(t));
			w = tw > w ? tw : w;
		}
		w = w > 12 ? 12 : w;
	}
	return w;
}

static int detail_line(struct grid *g, int y, int y_end, int x0, int x1, const char *label,
		       const char *value, enum style st, const struct frame *f)
{
	if (y >= y_end || !value || !*value)
		return y;
	int lw = label_w();
	grid_text(g, y, x0, lw, label, strlen(label), ALIGN_LEFT, STYLE_HEADER, f->ellipsis);
	grid_text(g, y, x0 + lw + 1, x1 - x0 - lw - 1, value, strlen(value), ALIGN_LEFT, st, f->ellipsis);
	return y + 1;
}

/* A labelled paragraph of the detail pane, wrapped to at most `max` lines;
 * returns the next row. */
static int detail_para(struct grid *g, int y, int y_end, int x0, int x1, const char *label,
		       const char *text, size_t len, enum style st, const struct frame *f, size_t max)
{
	struct text_line lines[65];
	if (max > (size_t)(y_end - y))
		max = (size_t)(y_end - y);
	if (max > 64)
		max = 64;
	int lw = label_w();
	size_t k = text_wrap(text, len, x1 - x0 - lw - 1, lines, max + 1);
	int more = k > max; /* the last line shown takes the rest, cut with an ellipsis */
	if (more)
		k = max;
	for (size_t i = 0; i < k; i++, y++) {
		if (i == 0)
			grid_text(g, y, x0, lw, label, strlen(label), ALIGN_LEFT, STYLE_HEADER, f->ellipsis);
		char cut[1024]; /* the last line shown, and a mark that there is more */
		int n = snprintf(cut, sizeof cut, "%.*s%s", (int)lines[i].len, text + lines[i].start,
				 more && i + 1 == k ? f->ellipsis : "");
		grid_text(g, y, x0 + lw + 1, x1 - x0 - lw - 1, cut, n > 0 && (size_t)n < sizeof cut ? (size_t)n : strlen(cut),
			  ALIGN_LEFT, st, f->ellipsis);
	}
	return y;
}

/* A zone's or project's roll-up in words: "项目 9  节点 3/16  逾期 6 …" in zh_CN. */
static const char *roll_words(const struct roll *r, int zone, char *buf, size_t cap)
{
	char next[11] = "-", inv[40];
	if (r->next != DAY_NONE)
		date_format(r->next, next);
	char w[6][96];
	int k = 0;
	if (zone)
		snprintf(w[k++], sizeof w[0], _("Projects %u"), r->projects);
	/* TRANSLATORS: milestones done of all */
	snprintf(w[k++], sizeof w[0], _("Milestones %u/%u"), r->done, r->milestones);
	snprintf(w[k++], sizeof w[0], _("Overdue %u"), r->overdue);
	snprintf(w[k++], sizeof w[0], _("Due soon %u"), r->soon);
	if (r->targets) /* TRANSLATORS: targets behind, missed or over, of all */
		snprintf(w[k++], sizeof w[0], _("Targets behind %u/%u"), r->behind, r->targets);
	if (r->paused)
		snprintf(w[k++], sizeof w[0], _("Paused %u"), r->paused);
	size_t n = 0;
	buf[0] = '\0';
	for (int i = 0; i < k && n < cap; i++)
		n += (size_t)snprintf(buf + n, cap - n, "%s%s", i ? "  " : "", w[i]);
	if (zone && r->investment > 0 && n < cap) {
		number_format(r->investment, inv, sizeof inv);
		/* TRANSLATORS: investment in units of 100 million yuan (亿元) */
		snprintf(w[0], sizeof w[0], _("Investment %s (100M yuan)"), inv);
		n += (size_t)snprintf(buf + n, cap - n, "  %s", w[0]);
	}
	if (n < cap) {
		/* TRANSLATORS: the date the next milestone is due */
		snprintf(w[0], sizeof w[0], _("Next due %s"), next);
		snprintf(buf + n, cap - n, "  %s", w[0]);
	}
	return buf;
}

/* The targets of an item, one a line: name, bar, figures, verdict. */
static int detail_targets(struct grid *g, int y, int y_end, int x0, int x1, const struct browse *b,
			  uint32_t first, uint32_t n, const struct frame *f)
{
	const struct chart *c = b->c;
	for (uint32_t i = first; i < first + n && y < y_end; i++, y++) {
		const struct target *t = &c->targets[i];
		const struct pace *p = &b->s->targets[i];
		enum style st = pace_bad(p->v) ? STYLE_OVERDUE : p->v == V_MET ? STYLE_DONE : STYLE_NORMAL;
		char bar[64], figures[96], words[160];
		pace_bar(p, 10, f == &frame_ascii, bar, sizeof bar);
		pace_figures(c, t, figures, sizeof figures);
		pace_words(c, t, p, words, sizeof words);
		int lw = label_w();
		if (i == first) {
			const char *label = C_("label", "Targets");
			grid_text(g, y, x0, lw, label, strlen(label), ALIGN_LEFT, STYLE_HEADER, f->ellipsis);
		}
		int x = x0 + lw + 1, w = x1 - x;
		const char *name = item_name(c, &t->it);
		int nw = w / 4 > 8 ? w / 4 : 8;
		x = grid_text(g, y, x, nw, name, strlen(name), ALIGN_LEFT, st, f->ellipsis) + 1;
		if (x1 - x > 40) {
			x = grid_put(g, y, x, bar, st) + 1;
		}
		if (x < x1) {
			char rest[300];
			snprintf(rest, sizeof rest, "%s  %s%s", figures, pace_bad(p->v) ? "! " : "", words);
			grid_text(g, y, x, x1 - x, rest, strlen(rest), ALIGN_LEFT, st, f->ellipsis);
		}
	}
	return y;
}

/* A milestone against the baseline: its due date then, and by how much it moved. */
static int detail_baseline(struct grid *g, int y, int y_end, int x0, int x1, const struct browse *b,
			   uint32_t v, const struct frame *f)
{
	const struct changes *ch = b->s->changes;
	if (ch->b->failed)
		return y;
	char buf[200], then[11] = "-";
	uint32_t j = ch->ms_then[v];
	int32_t d = ch->slip[v];
	if (j == NONE) {
		/* TRANSLATORS: a milestone that is not in the baseline named */
		snprintf(buf, sizeof buf, _("New: not in baseline %s"), ch->b->name);
	} else {
		const struct milestone *o = &ch->b->c.milestones[j];
		if (milestone_due(&ch->b->c, o) != DAY_NONE)
			date_format(milestone_due(&ch->b->c, o), then);
		if (d > 0)
			/* TRANSLATORS: the baseline's name, its due date, a mark, and by how much it moved */
			snprintf(buf, sizeof buf, ngettext("%s %s  %spostponed %d day", "%s %s  %spostponed %d days", (unsigned long)d),
				 ch->b->name, then, postponed_mark(f), (int)d);
		else if (d < 0)
			snprintf(buf, sizeof buf,
				 ngettext("%s %s  brought forward %d day", "%s %s  brought forward %d days", (unsigned long)-d),
				 ch->b->name, then, (int)-d);
		else
			snprintf(buf, sizeof buf, _("%s %s  unchanged"), ch->b->name, then);
	}
	return detail_line(g, y, y_end, x0, x1, C_("label", "Baseline"), buf, d > 0 ? STYLE_OVERDUE : STYLE_NORMAL, f);
}

/* The due date's history from git (H), newest first, as far as it has come. */
static int detail_history(struct grid *g, int y, int y_end, int x0, int x1, const struct history *h,
			  const struct frame *f)
{
	if (h->state == HIST_RUNNING && !h->n)
		return detail_line(g, y, y_end, x0, x1, C_("label", "History"), _("reading git log…"), STYLE_DIM, f);
	if (h->state == HIST_DONE && !h->n)
		return detail_line(g, y, y_end, x0, x1, C_("label", "History"), _("the due date never changed"), STYLE_NORMAL, f);
	for (int i = 0; i < h->n && y < y_end; i++)
		y = detail_line(g, y, y_end, x0, x1, i ? "" : C_("label", "History"), h->lines[i],
				h->state == HIST_FAILED ? STYLE_OVERDUE : h->later[i] ? STYLE_SOON : STYLE_NORMAL, f);
	return y;
}

static void detail(struct grid *g, const struct layout *l, const struct browse *b,
		   const struct history *h, const struct frame *f)
{
	if (!l->detail_rows)
		return;
	const struct chart *c = b->c;
	int y = l->detail_top, y_end = y + l->detail_rows, x0 = 2, x1 = l->x[l->count] - 1;
	char buf[160], buf2[160];
	enum pane p;
	uint32_t v = browse_current(b, &p); /* an empty pane: show what holds it */
	if (v == NONE)
		return;
	const struct item *it;
	uint32_t tgt_first = 0, tgt_count = 0;
	if (p == PANE_ZONES) {
		const struct zone *z = &c->zones[v];
		const struct roll *r = &b->s->zones[v];
		it = &z->it;
		y = detail_line(g, y, y_end, x0, x1, C_("label", "Zone"), item_name(c, it), STYLE_TITLE, f);
		y = detail_line(g, y, y_end, x0, x1, C_("label", "Owner"), chart_str(c, item_owner(c, KIND_ZONE, v)), STYLE_NORMAL, f);
		char next[11] = "-";
		if (r->next != DAY_NONE)
			date_format(r->next, next);
		y = detail_line(g, y, y_end, x0, x1, C_("label", "Summary"), roll_words(r, 1, buf, sizeof buf),
				roll_bad(r) ? STYLE_OVERDUE : STYLE_NORMAL, f);
		tgt_first = z->tgt_first;
		tgt_count = z->tgt_count;
	} else if (p == PANE_PROJECTS) {
		const struct project *pr = &c->projects[v];
		it = &pr->it;
		y = detail_line(g, y, y_end, x0, x1, C_("label", "Project"), item_name(c, it), STYLE_TITLE, f);
		y = detail_line(g, y, y_end, x0, x1, C_("label", "Zone"), item_name(c, &c->zones[pr->zone].it), STYLE_NORMAL, f);
		y = detail_line(g, y, y_end, x0, x1, C_("label", "Owner"), chart_str(c, item_owner(c, KIND_PROJECT, v)), STYLE_NORMAL,
				f);
		if (!isnan(pr->investment)) {
			char inv[40];
			number_format(pr->investment, inv, sizeof inv);
			snprintf(buf, sizeof buf, _("%s (100M yuan)"), inv);
			y = detail_line(g, y, y_end, x0, x1, C_("label", "Investment"), buf, STYLE_NORMAL, f);
		}
		const struct roll *r = &b->s->projects[v];
		y = detail_line(g, y, y_end, x0, x1, C_("label", "Summary"), roll_words(r, 0, buf, sizeof buf),
				roll_bad(r) ? STYLE_OVERDUE : STYLE_NORMAL, f);
		tgt_first = pr->tgt_first;
		tgt_count = pr->tgt_count;
	} else {
		const struct milestone *m = &c->milestones[v];
		uint32_t pi = milestone_project(c, v);
		const struct project *pr = &c->projects[pi];
		it = &m->it;
		y = detail_line(g, y, y_end, x0, x1, C_("label", "Milestone"), item_name(c, it), STYLE_TITLE, f);
		y = detail_line(g, y, y_end, x0, x1, C_("label", "Project"), item_name(c, &pr->it), STYLE_NORMAL, f);
		char words[32], due[11] = "-";
		enum style st = words_milestone(c, m, b->s->today, b->s->soon_days, words, sizeof words);
		if (milestone_due(c, m) != DAY_NONE)
			date_format(milestone_due(c, m), due);
		/* TRANSLATORS: the due date as written, as a date, and the state */
		snprintf(buf, sizeof buf, _("%s (%s)  %s"), chart_str(c, milestone_due_text(c, m)), due, words);
		y = detail_line(g, y, y_end, x0, x1, C_("label", "Due"), buf, st, f);
		if (b->s->changes)
			y = detail_baseline(g, y, y_end, x0, x1, b, v, f);
		if (h->state != HIST_NONE && h->c == c && h->ms == v)
			y = detail_history(g, y, y_end, x0, x1, h, f);
		str_t done = milestone_done_text(c, m);
		snprintf(buf2, sizeof buf2, "%s%s%s", words_status(it->status), done ? _("  done on ") : "",
			 chart_str(c, done));
		y = detail_line(g, y, y_end, x0, x1, C_("label", "Status"), buf2, STYLE_NORMAL, f);
		y = detail_line(g, y, y_end, x0, x1, C_("label", "Owner"), chart_str(c, milestone_owner(c, v, pi)),
				STYLE_NORMAL, f);
	}
	char src[PATH_MAX + 16]; /* the whole path: the pane cuts it, never mid-character */
	enum kind kind = p == PANE_ZONES ? KIND_ZONE : p == PANE_PROJECTS ? KIND_PROJECT : KIND_MILESTONE;
	snprintf(src, sizeof src, "%s:%u", c->files[item_file(c, kind, v)].shown, (unsigned)it->line);
	y = detail_line(g, y, y_end, x0, x1, C_("label", "Source"), src, STYLE_DIM, f);
	/* What is wrong with it, where: the loader said which item each
	 * problem is about, and they are indexed by item once per load. */
	size_t first, n = diag_of_item(&c->diags, kind, v, &first);
	for (size_t i = 0; i < n && y < y_end; i++) {
		const struct diag *d = &c->diags.v[c->diags.by_item[first + i]];
		if (d->severity == DIAG_NOTE)
			continue;
		char line[1024];
		diag_format(d, c->files[d->file].shown, 1, line, sizeof line);
		y = detail_para(g, y, y_end, x0, x1, C_("label", "Problem"), line, strlen(line),
				d->severity == DIAG_ERROR ? STYLE_OVERDUE : STYLE_NORMAL, f, 3);
	}
	/* Its targets: all the room left, or half of it when there is a note. */
	str_t note = item_note(c, kind, v);
	int left = y_end - y, room = note == STR_NONE ? left : left / 2 > 2 ? left / 2 : 2;
	if (tgt_count > (uint32_t)room && room > 1) {
		y = detail_targets(g, y, y + room - 1, x0, x1, b, tgt_first, tgt_count, f);
		uint32_t more = tgt_count - (uint32_t)(room - 1);
		snprintf(buf, sizeof buf, ngettext("%s %u more target (T lists all)", "%s %u more targets (T lists all)", more),
			 f->ellipsis, more);
		y = detail_line(g, y, y_end, x0, x1, "", buf, STYLE_DIM, f);
	} else {
		y = detail_targets(g, y, y_end, x0, x1, b, tgt_first, tgt_count, f);
	}
	if (note != STR_NONE)
		detail_para(g, y, y_end, x0, x1, C_("label", "Notes"), chart_str(c, note), pool_len(&c->str, note),
			    STYLE_NORMAL, f, 64);
}

/* ---- operations ----------------------------------------------------- */

static void *create(struct app *a, void *old, const struct chart *oc)
{
	return browse_new(a->c, a->s, old, oc);
}

static void destroy(void *st)
{
	browse_delete(st);
}

static void draw(void *st, struct app *a, struct grid *g, int top, int rows)
{
	struct browse *b = st;
	struct layout l = layout(b, g->w, top, rows);
	frame(g, &l, b, a->f);
	for (int p = 0; p < PANE_COUNT; p++)
		list_rows(g, &l, b, (enum pane)p, a->f);
	detail(g, &l, b, &a->hist, a->f);
}

static unsigned key(void *st, struct app *a, enum action act, int page)
{
	struct browse *b = st;
	struct list *l = &b->list[b->focus];
	uint32_t z = browse_selected(b, PANE_ZONES);
	long row = (long)l->sel;
	int r = 0;
	page = layout(b, 80, 0, page).rows; /* the rows of a list, not of the screen */
	switch (act) {
	case ACT_DOWN: r = browse_select(b, b->focus, row + 1); break;
	case ACT_UP: r = browse_select(b, b->focus, row - 1); break;
	case ACT_PAGE_DOWN: r = browse_select(b, b->focus, row + page); break;
	case ACT_PAGE_UP: r = browse_select(b, b->focus, row - page); break;
	case ACT_FIRST: r = browse_select(b, b->focus, 0); break;
	case ACT_LAST: r = browse_select(b, b->focus, (long)l->n - 1); break;
	case ACT_RIGHT:
		if (b->focus < PANE_MILESTONES)
			b->focus++;
		break;
	case ACT_LEFT:
		if (b->focus > PANE_ZONES)
			b->focus--;
		break;
	case ACT_ENTER:
		if (b->focus == PANE_ZONES && z != NONE && browse_has_children(b, z))
			r = browse_fold(b, -1);
		else if (b->focus < PANE_MILESTONES)
			b->focus++;
		break;
	case ACT_TOGGLE: r = b->focus == PANE_ZONES ? browse_fold(b, -1) : 0; break;
	case ACT_EXPAND: r = browse_fold(b, 1); break;
	case ACT_COLLAPSE: r = browse_fold(b, 0); break;
	case ACT_FILTER:
		b->filter = !b->filter;
		if ((r = browse_refresh(b)) < 0)
			b->filter = !b->filter;
		else
			app_say(a, "%s", b->filter ? _("only overdue and due soon") : _("showing all"));
		break;
	case ACT_SORT: {
		enum sort was = b->sort;
		b->sort = (b->sort + 1) % SORT_COUNT;
		if ((r = browse_refresh(b)) < 0)
			b->sort = was;
		else
			app_say(a, "milestones by %s", sort_name(b->sort));
		break;
	}
	case ACT_HISTORY: {
		enum pane p;
		uint32_t v = browse_current(b, &p);
		if (p != PANE_MILESTONES || v == NONE) {
			app_say(a, "choose a milestone, then press H for its due-date history");
			return H_HANDLED;
		}
		history_start(&a->hist, a->c, v); /* a child reads git: the keys stay quick */
		return H_HANDLED;
	}
	default: return 0;
	}
	return r < 0 ? H_NOMEM : H_HANDLED;
}

static int find(void *st, struct app *a, const struct matcher *m, int dir, int here)
{
	(void)a;
	return browse_find(st, m, dir, here);
}

static void save(void *st, struct view_pos *p)
{
	struct browse *b = st;
	struct hit h = browse_here(b);
	*p = (struct view_pos){{h.zone, h.project, h.milestone, (uint32_t)b->focus}};
}

static void restore(void *st, struct app *a, const struct view_pos *p)
{
	(void)a;
	struct browse *b = st;
	if (browse_reveal(b, (struct hit){p->v[0], p->v[1], p->v[2]}) == 0)
		b->focus = (enum pane)p->v[3];
}

static int current(void *st, struct app *a, enum kind *k, uint32_t *i)
{
	(void)a;
	enum pane p;
	*i = browse_current(st, &p);
	*k = p == PANE_ZONES ? KIND_ZONE : p == PANE_PROJECTS ? KIND_PROJECT : KIND_MILESTONE;
	return *i != NONE;
}

static int show(void *st, struct app *a, enum kind k, uint32_t i)
{
	const struct chart *c = a->c;
	struct hit h = {NONE, NONE, NONE};
	if (k == KIND_MILESTONE) {
		h.milestone = i;
		i = milestone_project(c, i);
		k = KIND_PROJECT;
	}
	if (k == KIND_PROGRESS) {
		i = c->progress[i].target;
		k = KIND_TARGET;
	}
	if (k == KIND_PROJECT) {
		h.project = i;
		i = c->projects[i].zone;
		k = KIND_ZONE;
	}
	if (k == KIND_TARGET) { /* its project's, or its zone's */
		h.project = c->targets[i].project;
		i = c->targets[i].zone;
	}
	h.zone = i;
	struct browse *b = st;
	if (b->filter && ((h.milestone != NONE && !browse_hot(b, PANE_MILESTONES, h.milestone)) ||
			  (h.project != NONE && !browse_hot(b, PANE_PROJECTS, h.project)) ||
			  !browse_hot(b, PANE_ZONES, h.zone))) {
		b->filter = 0; /* asked for by name: show it even if the filter hides it */
		if (browse_refresh(b) < 0) {
			b->filter = 1;
			return -1;
		}
	}
	return browse_reveal(b, h);
}

static const struct hint hints[] = {
	{ACT_DOWN, ACT_UP, NULL}, {ACT_LEFT, ACT_RIGHT, NULL}, {ACT_SEARCH, ACT_NONE, NULL},
	{ACT_FILTER, ACT_NONE, NULL}, {ACT_EDIT, ACT_NONE, NULL}, {ACT_RELOAD, ACT_NONE, NULL},
	{ACT_STATUS, ACT_NONE, NULL}, {ACT_HELP, ACT_NONE, NULL}, {ACT_CLOSE, ACT_NONE, NULL},
	{ACT_NONE, ACT_NONE, NULL},
};

const struct view_ops view_browse = {
	.name = "browse", .title = N_("browse"), .opener = ACT_BROWSE, .hints = hints,
	.create = create, .destroy = destroy, .draw = draw, .key = key, .find = find,
	.save = save, .restore = restore, .current = current, .show = show, .log = NULL,
};
