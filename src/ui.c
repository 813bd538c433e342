#include "config.h"
#include "ui.h"

#include <curses.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browse.h"
#include "keys.h"
#include "search.h"
#include "summary.h"
#include "table.h"
#include "term.h"
#include "view_browse.h"
#include "view_help.h"
#include "view_status.h"

enum { MIN_W = 40, MIN_H = 12 };
enum view { VIEW_BROWSE, VIEW_STATUS, VIEW_HELP };

struct ui {
	const struct chart *c;
	const struct ui_opts *o;
	const struct frame *f;
	struct summary s;
	struct browse b;
	struct search se;
	enum view view, back;
	struct grid screen;
	struct status_layout status; /* the status view, measured at page_w */
	struct grid help;            /* the help, as tall as it is */
	int page_rows, page_top, page_w;
	enum view page_of;
	char msg[512];
	int searching;
	char query[256];
	struct hit from; /* where the search started, for ESC */
};

static struct hit here(const struct browse *b)
{
	struct hit h = {browse_selected(b, PANE_ZONES), NONE, NONE};
	if (h.zone == NONE)
		return (struct hit){0, NONE, NONE};
	if (b->focus >= PANE_PROJECTS)
		h.project = browse_selected(b, PANE_PROJECTS);
	if (b->focus == PANE_MILESTONES && h.project != NONE)
		h.milestone = browse_selected(b, PANE_MILESTONES);
	return h;
}

/* Lays out the status view or draws the help at the current width, when stale. */
static int build_page(struct ui *u, int w)
{
	if (u->page_w == w && u->page_of == u->view)
		return 0;
	if (u->view == VIEW_STATUS) {
		struct status_opts so = {.ascii = u->o->ascii, .loaded = u->o->loaded, .no_header = 1};
		if (status_layout(&u->status, u->c, &u->s, &so, w) < 0)
			return -1;
		u->page_rows = (int)u->status.rows;
	} else {
		grid_free(&u->help);
		if (grid_init(&u->help, w, 1) < 0 || (u->page_rows = view_help(&u->help, u->o->ascii)) < 0)
			return -1;
	}
	u->page_w = w;
	u->page_of = u->view;
	return 0;
}

/* The status view or help: the header line, a window of the page, the footer. */
static void draw_page(struct ui *u)
{
	struct grid *g = &u->screen;
	int body = g->h - 2, max_top = u->page_rows - body;
	if (u->page_top > max_top)
		u->page_top = max_top;
	if (u->page_top < 0)
		u->page_top = 0;
	view_header(g, u->c, &u->s, u->f);
	if (u->view == VIEW_STATUS)
		status_draw(g, 1, &u->status, u->page_top, body);
	else
		for (int y = 0; y < body && u->page_top + y < u->page_rows; y++)
			for (int x = 0; x < g->w; x++)
				*grid_at(g, 1 + y, x) = *grid_at(&u->help, u->page_top + y, x);
	char hints[128];
	snprintf(hints, sizeof hints, "%s  j/k 滚动  b 浏览  %s  %s",
		 u->view == VIEW_HELP ? "帮助" : "状态总览", u->view == VIEW_HELP ? "s 状态" : "? 帮助",
		 u->view == VIEW_HELP ? "q 返回" : "q 退出");
	view_footer(g, u->msg, hints);
}

static int draw(struct ui *u)
{
	int w, h;
	term_size(&w, &h);
	if (w != u->screen.w || h != u->screen.h) {
		grid_free(&u->screen);
		if (grid_init(&u->screen, w, h) < 0)
			return -1;
	}
	grid_clear(&u->screen);
	if (w < MIN_W || h < MIN_H) {
		char m[64];
		const char *t = "终端太小 terminal too small";
		snprintf(m, sizeof m, "%dx%d < %dx%d", w, h, MIN_W, MIN_H);
		grid_text(&u->screen, h / 2 - 1, 0, w, t, strlen(t), ALIGN_CENTER, STYLE_TITLE, "~");
		grid_text(&u->screen, h / 2, 0, w, m, strlen(m), ALIGN_CENTER, STYLE_NORMAL, "~");
	} else if (u->view == VIEW_BROWSE) {
		char footer[800] = "";
		if (u->searching)
			snprintf(footer, sizeof footer, "/%s%s", u->query, u->msg);
		view_browse(&u->screen, &u->b, u->f, u->searching ? footer : u->msg);
	} else {
		if (build_page(u, w) < 0)
			return -1;
		draw_page(u);
	}
	term_show(&u->screen);
	return 0;
}

static void find(struct ui *u, struct hit from, int dir, int include_from)
{
	struct hit h;
	if (search_set(&u->se, u->query) < 0) {
		snprintf(u->msg, sizeof u->msg, "out of memory");
		return;
	}
	if ((include_from && search_matches(&u->se, from) && (h = from, 1)) ||
	    search_next(&u->se, from, dir, &h)) {
		browse_reveal(&u->b, h.zone, h.project, h.milestone);
		u->msg[0] = '\0';
	} else {
		snprintf(u->msg, sizeof u->msg, u->searching ? "  无匹配 no match" : "无匹配 no match: %s",
			 u->query);
	}
}

/* A key typed while the search line is open. */
static void search_key(struct ui *u, const struct key *k)
{
	size_t n = strlen(u->query);
	if (k->ch == 27) { /* cancel: back to where it started */
		u->searching = 0;
		u->msg[0] = '\0';
		browse_reveal(&u->b, u->from.zone, u->from.project, u->from.milestone);
		return;
	}
	if (k->ch == '\n' || k->ch == '\r' || k->code == KEY_ENTER) {
		u->searching = 0;
		if (!strstr(u->msg, "no match"))
			u->msg[0] = '\0';
		else
			snprintf(u->msg, sizeof u->msg, "无匹配 no match: %s", u->query);
		return;
	}
	if (k->code == KEY_BACKSPACE || k->ch == 127 || k->ch == 8) {
		while (n > 0 && (u->query[n - 1] & 0xc0) == 0x80) /* a whole character */
			n--;
		if (n > 0)
			n--;
		u->query[n] = '\0';
	} else if (k->ch >= 0x20 && k->ch != 127) {
		char mb[MB_LEN_MAX];
		mbstate_t st;
		memset(&st, 0, sizeof st);
		size_t m = wcrtomb(mb, k->ch, &st);
		if (m == (size_t)-1 || n + m >= sizeof u->query)
			return;
		memcpy(u->query + n, mb, m);
		u->query[n + m] = '\0';
	} else {
		return;
	}
	u->msg[0] = '\0';
	if (*u->query)
		find(u, u->from, 1, 1);
	else
		browse_reveal(&u->b, u->from.zone, u->from.project, u->from.milestone);
}

static void go(struct ui *u, long delta, int absolute)
{
	struct list *l = &u->b.list[u->b.focus];
	long row = absolute ? delta : (long)l->sel + delta;
	browse_select(&u->b, u->b.focus, row);
}

static int browse_action(struct ui *u, enum action a, int page)
{
	struct browse *b = &u->b;
	uint32_t z = browse_selected(b, PANE_ZONES);
	switch (a) {
	case ACT_DOWN: go(u, 1, 0); break;
	case ACT_UP: go(u, -1, 0); break;
	case ACT_PAGE_DOWN: go(u, page, 0); break;
	case ACT_PAGE_UP: go(u, -page, 0); break;
	case ACT_FIRST: go(u, 0, 1); break;
	case ACT_LAST: go(u, (long)b->list[b->focus].n - 1, 1); break;
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
			return browse_fold(b, -1);
		if (b->focus < PANE_MILESTONES)
			b->focus++;
		break;
	case ACT_TOGGLE: return b->focus == PANE_ZONES ? browse_fold(b, -1) : 0;
	case ACT_EXPAND: return browse_fold(b, 1);
	case ACT_COLLAPSE: return browse_fold(b, 0);
	case ACT_FILTER:
		b->filter = !b->filter;
		snprintf(u->msg, sizeof u->msg, "%s", b->filter ? "只看逾期和将到期 only overdue and due soon" : "显示全部 showing all");
		return browse_refresh(b);
	case ACT_SORT:
		b->sort = (b->sort + 1) % SORT_COUNT;
		snprintf(u->msg, sizeof u->msg, "节点按%s排序 milestones by %s", sort_name(b->sort),
			 b->sort == SORT_DUE ? "due date" : b->sort == SORT_NAME ? "name" : "status");
		return browse_refresh(b);
	case ACT_SEARCH:
		u->searching = 1;
		u->query[0] = '\0';
		u->msg[0] = '\0';
		u->from = here(b);
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		if (!*u->query)
			snprintf(u->msg, sizeof u->msg, "先按 / 搜索 (press / to search first)");
		else
			find(u, here(b), a == ACT_NEXT_MATCH ? 1 : -1, 0);
		break;
	default: break;
	}
	return 0;
}

static void page_action(struct ui *u, enum action a, int page)
{
	switch (a) {
	case ACT_DOWN: u->page_top++; break;
	case ACT_UP: u->page_top--; break;
	case ACT_PAGE_DOWN: u->page_top += page; break;
	case ACT_PAGE_UP: u->page_top -= page; break;
	case ACT_FIRST: u->page_top = 0; break;
	case ACT_LAST: u->page_top = u->page_rows; break; /* clamped when drawn */
	default: break;
	}
}

/* Handles one key; returns 1 to quit. */
static int on_key(struct ui *u, const struct key *k)
{
	if (k->code == KEY_RESIZE)
		return 0;
	if (u->searching && u->view == VIEW_BROWSE) {
		search_key(u, k);
		return 0;
	}
	enum action a = key_action(k->code ? k->code : (int)k->ch);
	int page = u->screen.h > 4 ? (u->view == VIEW_BROWSE ? browse_page(u->screen.h) : u->screen.h - 2) : 1;
	if (a != ACT_NONE && a != ACT_SEARCH)
		u->msg[0] = '\0';
	switch (a) {
	case ACT_QUIT:
		if (u->view != VIEW_HELP)
			return 1;
		u->view = u->back;
		return 0;
	case ACT_HELP:
		if (u->view != VIEW_HELP)
			u->back = u->view;
		u->view = VIEW_HELP;
		u->page_top = 0;
		return 0;
	case ACT_STATUS:
		if (u->view != VIEW_STATUS)
			u->page_top = 0;
		u->view = VIEW_STATUS;
		return 0;
	case ACT_BROWSE: u->view = VIEW_BROWSE; return 0;
	case ACT_REDRAW: term_repaint(); return 0;
	default: break;
	}
	if (u->view == VIEW_BROWSE) {
		if (browse_action(u, a, page) < 0)
			snprintf(u->msg, sizeof u->msg, "out of memory");
	} else {
		page_action(u, a, page);
	}
	if (a == ACT_NONE && k->ch != 27) {
		char name[24];
		key_label(k->code ? k->code : (int)k->ch, name, sizeof name);
		if (k->ch >= 0x20 || k->code)
			snprintf(u->msg, sizeof u->msg, "按 ? 查看按键 (press ? for help)");
	}
	return 0;
}

int ui_run(const struct chart *c, const struct ui_opts *o)
{
	struct ui u;
	memset(&u, 0, sizeof u);
	u.c = c;
	u.o = o;
	u.f = o->ascii ? &frame_ascii : &frame_box;
	u.page_w = -1;
	if (o->notice)
		snprintf(u.msg, sizeof u.msg, "%s", o->notice);
	const char *err = NULL;
	if (summary_build(&u.s, c, o->today, o->soon) < 0 || browse_init(&u.b, c, &u.s) < 0) {
		fputs("guatu: out of memory\n", stderr);
		summary_free(&u.s);
		browse_free(&u.b);
		return 2;
	}
	search_init(&u.se, c);
	if (term_open(o->color, &err) < 0) {
		fprintf(stderr, "guatu: %s\n", err);
		summary_free(&u.s);
		browse_free(&u.b);
		return 2;
	}
	int status = 0;
	for (int quit = 0; !quit;) {
		if (draw(&u) < 0) {
			status = 2;
			break;
		}
		struct key k;
		int r = term_key(&k, 1000);
		if (r == TERM_GONE)
			break;
		if (r == TERM_SIGNAL) {
			int sig = term_signal();
			quit = sig == SIGHUP || sig == SIGTERM || sig == SIGINT;
			continue;
		}
		if (r == TERM_KEY)
			quit = on_key(&u, &k);
	}
	term_close();
	grid_free(&u.screen);
	grid_free(&u.help);
	search_free(&u.se);
	browse_free(&u.b);
	summary_free(&u.s);
	return status;
}
