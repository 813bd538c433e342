#include "config.h"
#include "ui.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bars.h"
#include "editor.h"
#include "load.h"
#include "prompt.h"
#include "screenlog.h"
#include "term.h"
#include "view.h"
#include "watch.h"

enum { MIN_W = 40, MIN_H = 12, NVIEWS = 8, IDLE_MS = 1000, SETTLE_MS = 250 };

struct ui {
	struct app a;
	void *st[NVIEWS];   /* each view's state, made when first opened */
	int stack[NVIEWS];  /* the views open, the first at the bottom */
	int depth;
	struct grid screen;
	struct search_line search;
	struct watch w;
};

static const struct view_ops *top(const struct ui *u) { return views[u->stack[u->depth - 1]]; }
static void *top_st(const struct ui *u) { return u->st[u->stack[u->depth - 1]]; }

/* Makes every open view anew for chart c on summary s (a reload, or a new
 * day when c is the chart shown), and swaps all in when all are made: out
 * of memory leaves the screen as it was. Takes c and s; -1 on failure. */
static int replace(struct ui *u, struct chart *c, struct summary *s)
{
	struct app next = u->a;
	void *st[NVIEWS] = {0};
	int ok = 1;
	next.c = c;
	next.s = s;
	if (c != u->a.c)
		next.idx = NULL;
	for (int i = 0; views[i] && ok; i++)
		if (u->st[i])
			ok = (st[i] = views[i]->create(&next, u->st[i], u->a.c)) != NULL;
	int i = 0;
	for (void **dead = ok ? u->st : st; views[i]; i++)
		if (dead[i])
			views[i]->destroy(dead[i]);
	if (!ok) {
		if (c != u->a.c)
			chart_free(c), free(c);
		summary_free(s), free(s);
		app_say(&u->a, "内存不足，保留原来的画面 out of memory: the screen is as it was");
		return -1;
	}
	memcpy(u->st, st, sizeof st);
	if (c != u->a.c) {
		if (u->a.idx)
			search_index_free(u->a.idx), free(u->a.idx);
		chart_free(u->a.c), free(u->a.c);
		u->search.stale = 1;
	}
	summary_free(u->a.s), free(u->a.s);
	u->a = next;
	return 0;
}

static void reload(struct ui *u, const char *why)
{
	struct chart *c = malloc(sizeof *c);
	struct summary *s = malloc(sizeof *s);
	if (!c || !s || chart_init(c) < 0) {
		free(c), free(s);
		app_say(&u->a, "内存不足，未重新载入 out of memory: not reloaded");
		return;
	}
	struct load_opts lo = load_defaults;
	lo.today = date_of(date_now());
	if (load_chart(c, u->a.o->paths, u->a.o->npaths, &lo, u->a.c) < 0 ||
	    summary_build(s, c, u->a.today, u->a.o->soon) < 0) {
		chart_free(c), free(c), free(s);
		app_say(&u->a, "内存不足，未重新载入 out of memory: not reloaded");
		return;
	}
	if (replace(u, c, s) < 0)
		return;
	u->a.loaded = date_now();
	app_loaded(&u->a);
	app_say(&u->a, "%s", u->a.alert[0] ? "" : why); /* a failed file outranks it */
}

/* Opens view i on top (or goes back to it if it is open). */
static unsigned open_view(struct ui *u, int i)
{
	for (int d = 0; d < u->depth; d++)
		if (u->stack[d] == i) {
			u->depth = d + 1;
			return H_REDRAW;
		}
	if (!u->st[i] && !(u->st[i] = views[i]->create(&u->a, NULL, NULL)))
		return H_NOMEM;
	/* It opens on the item the user was on, where it shows items. */
	enum kind k;
	uint32_t item;
	if (u->depth && views[i]->show && top(u)->current && top(u)->current(top_st(u), &u->a, &k, &item) &&
	    views[i]->show(u->st[i], &u->a, k, item) < 0)
		return H_NOMEM;
	u->stack[u->depth++] = i;
	return H_REDRAW;
}

/* Opens the view of that name on top of the first (--view). */
static unsigned open_named(struct ui *u, const char *name)
{
	for (int i = 1; name && views[i]; i++)
		if (!strcmp(views[i]->name, name))
			return open_view(u, i);
	return 0;
}

static void edit(struct ui *u)
{
	enum kind k;
	uint32_t i;
	if (!app_enabled(&u->a, ACT_EDIT))
		return app_say(&u->a, "只读模式，不能编辑 read-only: editing is off");
	if (!top(u)->current || !top(u)->current(top_st(u), &u->a, &k, &i))
		return app_say(&u->a, "没有可编辑的项 nothing to edit");
	const struct item *it = chart_item(u->a.c, k, i);
	struct editor_result r = editor_run(u->a.c->files[it->at.file].path, it->at.line);
	if (!r.started)
		return app_say(&u->a, "无法启动编辑器 cannot run the editor: %s", r.editor);
	reload(u, r.status ? "编辑器异常退出，已重新载入 the editor failed: reloaded" : "已重新载入 reloaded after editing");
	if (r.status && !u->a.alert[0])
		app_say(&u->a, "编辑器退出状态 %d，已重新载入 the editor exited with status %d: reloaded", r.status, r.status);
}

/* Appends the view to the log: a line that says when, what and which
 * files, then the view as text. */
static void log_screen(struct ui *u)
{
	char *buf = NULL, path[PATH_MAX];
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		return app_say(&u->a, "out of memory");
	screenlog_header(m, date_now(), top(u)->title, top(u)->name, u->a.o->paths, u->a.o->npaths,
			 u->a.c->nfiles);
	int ok = 1;
	if (top(u)->log)
		ok = top(u)->log(top_st(u), &u->a, m, u->screen.w) == 0;
	else
		grid_write(&u->screen, u->screen.h, m, 0);
	if (fclose(m) != 0 || !ok) {
		free(buf);
		return app_say(&u->a, "out of memory");
	}
	screenlog_path(u->a.o->log, path, sizeof path);
	if (screenlog_append(path, buf, len) == 0)
		app_say(&u->a, "已记入日志 logged to %s", path);
	else
		app_say(&u->a, "无法写日志 cannot write the log %s: %s", path, strerror(errno));
	free(buf);
}

static void draw(struct ui *u)
{
	int w, h;
	term_size(&w, &h);
	if ((w != u->screen.w || h != u->screen.h) && (grid_free(&u->screen), grid_init(&u->screen, w, h) < 0))
		return;
	struct grid *g = &u->screen;
	grid_clear(g);
	if (w < MIN_W || h < MIN_H) {
		char m[64];
		const char *t = "终端太小 terminal too small";
		snprintf(m, sizeof m, "%dx%d < %dx%d", w, h, MIN_W, MIN_H);
		grid_text(g, h / 2 - 1, 0, w, t, strlen(t), ALIGN_CENTER, STYLE_TITLE, "~");
		grid_text(g, h / 2, 0, w, m, strlen(m), ALIGN_CENTER, STYLE_NORMAL, "~");
	} else {
		char footer[PATH_MAX + 512], hints[512];
		bars_header(g, &u->a);
		top(u)->draw(top_st(u), &u->a, g, 1, h - 2);
		const char *left = u->a.msg[0] ? u->a.msg : u->a.alert;
		if (u->search.open) {
			snprintf(footer, sizeof footer, "/%s%s", u->search.p.text,
				 u->search.missed ? "  无匹配 no match" : "");
			left = footer;
		}
		int n = u->depth > 1 ? snprintf(hints, sizeof hints, "%s  ", top(u)->title) : 0;
		bars_hints(hints + n, sizeof hints - (size_t)n, top(u), &u->a);
		bars_footer(g, left, hints, u->a.right, u->a.f->ellipsis);
	}
	term_show(g);
}

/* Handles one key; returns 1 to quit. */
static int on_key(struct ui *u, int key)
{
	if (key == FKEY(KEY_RESIZE))
		return 0;
	if (u->search.open) {
		search_line_key(&u->search, key, top(u), top_st(u), &u->a);
		return 0;
	}
	enum action a = key_action(key, 0);
	u->a.msg[0] = '\0';
	for (int i = 0; a != ACT_NONE && views[i]; i++)
		if (a == views[i]->opener) {
			if (open_view(u, i) == H_NOMEM)
				app_say(&u->a, "out of memory");
			return 0;
		}
	switch (a) {
	case ACT_QUIT: return 1;
	case ACT_CLOSE:
		if (u->depth == 1)
			return 1;
		u->depth--;
		return 0;
	case ACT_BACK:
		if (u->depth > 1)
			u->depth--;
		return 0;
	case ACT_SEARCH: search_line_open(&u->search, top(u), top_st(u)); return 0;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		search_line_find(&u->search, a == ACT_NEXT_MATCH ? 1 : -1, top(u), top_st(u), &u->a);
		return 0;
	case ACT_EDIT: edit(u); return 0;
	case ACT_RELOAD: reload(u, "已重新载入 reloaded"); return 0;
	case ACT_LOG: log_screen(u); return 0;
	case ACT_REDRAW: term_repaint(); return 0;
	default: break;
	}
	int page = u->screen.h > 4 ? u->screen.h - 2 : 1;
	unsigned r = top(u)->key(top_st(u), &u->a, a, page);
	enum kind k;
	uint32_t i;
	if (r & H_NOMEM)
		app_say(&u->a, "内存不足 out of memory");
	if ((r & H_OPEN) && top(u)->current && top(u)->current(top_st(u), &u->a, &k, &i)) {
		u->depth = 1;
		if (views[u->stack[0]]->show(top_st(u), &u->a, k, i) < 0)
			app_say(&u->a, "out of memory");
	}
	if (!r && (key >= 0x20 || (key & FKEY(0))))
		app_say(&u->a, "按 ? 查看按键 (press ? for help)");
	return 0;
}

/* While idle: reload changed files, follow a new day. Returns 1 when the
 * screen changed. */
static int tick(struct ui *u)
{
	enum watch_result w = watch_look(&u->w, u->a.c, u->a.o->paths, u->a.o->npaths);
	if (w == WATCH_CHANGED)
		reload(u, "文件已更改，已重新载入 files changed: reloaded");
	if (w != WATCH_SAME)
		return w == WATCH_CHANGED;
	day_t today = date_of(date_now());
	if (u->a.o->today != DAY_NONE || today == u->a.today)
		return 0;
	struct summary *s = malloc(sizeof *s);
	if (!s || summary_build(s, u->a.c, today, u->a.o->soon) < 0)
		return free(s), app_say(&u->a, "out of memory"), 1;
	u->a.today = today;
	return replace(u, u->a.c, s), 1;
}

int ui_run(struct chart *c, const struct ui_opts *o)
{
	static struct ui u; /* large, and one per process */
	memset(&u, 0, sizeof u);
	struct app *a = &u.a;
	a->o = o;
	a->f = o->ascii ? &frame_ascii : &frame_box;
	a->c = c;
	a->today = o->today != DAY_NONE ? o->today : date_of(date_now());
	a->loaded = date_now();
	if (o->notice)
		app_say(a, "%s", o->notice);
	const char *err = "out of memory";
	int status = 2;
	if (!(a->s = malloc(sizeof *a->s)) || summary_build(a->s, c, a->today, o->soon) < 0 ||
	    open_view(&u, 0) == H_NOMEM || open_named(&u, o->view) == H_NOMEM || term_open(o->color, &err) < 0) {
		fprintf(stderr, "guatu: %s\n", err);
		goto out;
	}
	app_loaded(a);
	watch_look(&u.w, a->c, o->paths, o->npaths);
	for (int quit = 0, dirty = 1; !quit;) {
		if (dirty)
			draw(&u);
		int key, r = term_key(&key, u.w.pending ? SETTLE_MS : IDLE_MS);
		dirty = r != TERM_TIMEOUT;
		if (r == TERM_GONE)
			break;
		if (r == TERM_SIGNAL) {
			int sig = term_signal();
			if (sig == SIGUSR1) /* a supervisor's snapshot: as if p was pressed */
				log_screen(&u);
			else if (sig == SIGTSTP)
				term_stop();
			quit = sig == SIGHUP || sig == SIGTERM || sig == SIGINT;
		} else if (r == TERM_KEY) {
			quit = on_key(&u, key);
		} else {
			dirty = tick(&u);
		}
	}
	term_close();
	status = a->c->diags.errors ? 2 : 0;
out:
	for (int i = 0; views[i]; i++)
		if (u.st[i])
			views[i]->destroy(u.st[i]);
	grid_free(&u.screen);
	matcher_free(&u.search.m);
	if (a->idx)
		search_index_free(a->idx), free(a->idx);
	if (a->s)
		summary_free(a->s), free(a->s);
	chart_free(a->c), free(a->c);
	return status;
}
