#include "config.h"
#include "ui.h"
#include "i18n.h"

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
#include "loadjob.h"
#include "prompt.h"
#include "screenlog.h"
#include "term.h"
#include "view.h"
#include "watch.h"

enum { MIN_W = 40, MIN_H = 12, IDLE_MS = 1000, SETTLE_MS = 250, HISTORY_MS = 50, JOB_MS = 20 };

struct ui {
	struct app a;
	struct view_stack vs;
	struct grid screen;
	struct search_line search;
	struct watch w;
	/* The load or the index being made in the second thread (loadjob.h),
	 * what to say when it is in, and a reload asked for meanwhile. */
	struct loadjob job;
	char job_why[160];
	int job_loud; /* say it even over a failed file's alert */
	int again;
	char again_why[160];
};

static const struct view_ops *top(const struct ui *u) { return vs_top(&u->vs); }
static void *top_st(const struct ui *u) { return vs_top_st(&u->vs); }

/* Shows chart c (with what changed since the baseline, ch) on summary s
 * of day `today` (a reload, or a new day when c is the chart shown): the
 * open views are made anew and everything is swapped in when all are ready;
 * out of memory leaves the screen as it was. Takes c, ch and s; -1 on
 * failure. */
static int replace(struct ui *u, struct chart *c, struct changes *ch, struct summary *s, day_t today)
{
	if (c != u->a.c) /* it was for a milestone of the chart that goes */
		history_stop(&u->a.hist);
	struct app next = u->a;
	next.c = c;
	next.ch = ch;
	next.s = s;
	next.today = today;
	if (c != u->a.c)
		next.idx = NULL;
	if (vs_remake(&u->vs, &next, u->a.c) < 0) {
		if (c != u->a.c) {
			chart_free(c), free(c);
			if (ch)
				changes_free(ch), free(ch);
		}
		summary_free(s), free(s);
		app_say(&u->a, "out of memory: the screen is as it was");
		return -1;
	}
	if (c != u->a.c) {
		if (u->a.idx)
			search_index_free(u->a.idx), free(u->a.idx);
		chart_free(u->a.c), free(u->a.c);
		if (u->a.ch)
			changes_free(u->a.ch), free(u->a.ch);
		u->search.stale = 1;
		u->search.open = u->search.waiting = 0; /* where it began is in the old chart */
	}
	summary_free(u->a.s), free(u->a.s);
	u->a = next;
	return 0;
}

/* What changed since the baseline, for the chart loaded at start; *ch
 * stays NULL without a baseline. -1 when out of memory. (Reloads compare
 * in the job.) */
static int compare(const struct ui_opts *o, struct chart *c, struct changes **ch)
{
	*ch = NULL;
	if (!o->baseline)
		return 0;
	if (!(*ch = malloc(sizeof **ch)) || changes_build(*ch, c, o->baseline) < 0) {
		if (*ch)
			changes_free(*ch), free(*ch);
		*ch = NULL;
		return -1;
	}
	return 0;
}

/* Starts making the search index of the chart shown, in the job. */
static void index_later(struct ui *u)
{
	u->job.paths = NULL;
	u->job.shown = u->a.c;
	u->a.indexing = 1;
	loadjob_start(&u->job);
}

/* Reloads the files in the job; the chart shown stays, and answers keys,
 * until the new one is in. Asked again while loading, it loads once more
 * when this load is in (the files may have changed after they were read). */
static void reload(struct ui *u, int loud, const char *why)
{
	char *w = u->job.running && u->job.paths ? u->again_why : u->job_why;
	snprintf(w, sizeof u->job_why, "%s", why);
	if (u->job.running && u->job.paths) {
		u->again = 1;
		u->job_loud |= loud;
		return;
	}
	if (u->job.running) { /* only indexing the chart that goes: not wanted now */
		loadjob_abandon(&u->job);
		u->a.indexing = 0;
	}
	u->job_loud = loud;
	u->job.paths = u->a.o->paths;
	u->job.npaths = u->a.o->npaths;
	u->job.shown = u->a.c;
	u->job.baseline = u->a.o->baseline;
	u->job.today = u->a.today;
	u->job.soon = u->a.o->soon;
	u->a.loading = 1;
	u->a.indexing = 1;
	loadjob_start(&u->job);
}

/* The job is done: its chart (or index) replaces what was shown. */
static void job_in(struct ui *u)
{
	struct loadjob *j = &u->job;
	int loaded = j->paths != NULL;
	u->a.loading = u->a.indexing = 0;
	if (j->oom) {
		loadjob_free(j);
		if (loaded)
			app_say(&u->a, "out of memory: not reloaded");
	} else if (!loaded) {
		u->a.idx = j->idx;
		j->idx = NULL;
	} else {
		struct chart *c = j->c;
		struct search_index *idx = j->idx;
		j->c = NULL, j->idx = NULL;
		int ok = replace(u, c, j->ch, j->s, j->today) == 0;
		j->ch = NULL, j->s = NULL;
		if (ok) {
			u->a.idx = idx;
			u->a.loaded = date_now();
			app_loaded(&u->a);
			/* a failed file outranks it */
			app_say(&u->a, "%s", u->job_loud || !u->a.alert[0] ? u->job_why : "");
		} else if (idx) {
			search_index_free(idx), free(idx);
		}
	}
	search_line_resume(&u->search, top(u), top_st(u), &u->a);
	if (u->again) {
		u->again = 0;
		reload(u, u->job_loud, u->again_why);
	}
}

/* Opens the view of that name on top of the first (--view). */
static int open_named(struct ui *u, const char *name)
{
	for (int i = 1; name && views[i]; i++)
		if (!strcmp(views[i]->name, name))
			return vs_open(&u->vs, i, &u->a);
	return 0;
}

static void edit(struct ui *u)
{
	enum kind k;
	uint32_t i, file, line;
	if (!app_enabled(&u->a, ACT_EDIT))
		return app_say(&u->a, "read-only: editing is off");
	if (top(u)->where && top(u)->where(top_st(u), &u->a, &file, &line)) {
		/* where the view says: a problem's line */
	} else if (top(u)->current && top(u)->current(top_st(u), &u->a, &k, &i)) {
		file = item_file(u->a.c, k, i);
		line = chart_item(u->a.c, k, i)->line;
	} else {
		return app_say(&u->a, "nothing to edit");
	}
	struct editor_result r = editor_run(u->a.c->files[file].path, line);
	if (r.hung_up) /* the loop sees the SIGHUP next and leaves */
		return;
	if (!r.started)
		return app_say(&u->a, "cannot run the editor: %s", r.editor);
	char why[160];
	if (r.status) /* said even over a failed file's alert: it is news */
		snprintf(why, sizeof why, _("the editor exited with status %d: reloaded"), r.status);
	reload(u, r.status != 0, r.status ? why : _("reloaded after editing"));
}

/* p and SIGUSR1: the view on top into the log. */
static void log_screen(struct ui *u)
{
	char path[PATH_MAX], err[256];
	screenlog_path(u->a.o->log, path, sizeof path);
	if (screenlog_view(path, top(u), top_st(u), &u->a, &u->screen, err, sizeof err) == 0)
		app_say(&u->a, "logged to %s", path);
	else
		app_say(&u->a, "cannot write the log %s: %s", path, err);
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
		const char *t = _("terminal too small");
		snprintf(m, sizeof m, "%dx%d < %dx%d", w, h, MIN_W, MIN_H);
		grid_text(g, h / 2 - 1, 0, w, t, strlen(t), ALIGN_CENTER, STYLE_TITLE, "~");
		grid_text(g, h / 2, 0, w, m, strlen(m), ALIGN_CENTER, STYLE_NORMAL, "~");
	} else {
		bars_header(g, &u->a);
		top(u)->draw(top_st(u), &u->a, g, 1, h - 2);
		bars_bottom(g, &u->a, top(u), u->vs.depth > 1, u->search.open ? u->search.p.text : NULL,
			    u->search.missed);
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
	u->search.waiting = 0; /* the user moved on from a search typed before the index was in */
	if (u->screen.w < MIN_W || u->screen.h < MIN_H) /* nothing shows: only leave or redraw */
		return a == ACT_QUIT || a == ACT_CLOSE ? 1 : a == ACT_REDRAW ? (term_repaint(), 0) : 0;
	for (int i = 0; a != ACT_NONE && views[i]; i++)
		if (a == views[i]->opener) {
			if (vs_open(&u->vs, i, &u->a) < 0)
				app_say(&u->a, "out of memory");
			return 0;
		}
	switch (a) {
	case ACT_QUIT: return 1;
	case ACT_CLOSE:
		if (u->vs.depth == 1)
			return 1;
		u->vs.depth--;
		return 0;
	case ACT_BACK:
		if (u->vs.depth > 1)
			u->vs.depth--;
		return 0;
	case ACT_SEARCH: search_line_open(&u->search, top(u), top_st(u)); return 0;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		search_line_find(&u->search, a == ACT_NEXT_MATCH ? 1 : -1, top(u), top_st(u), &u->a);
		return 0;
	case ACT_EDIT: edit(u); return 0;
	case ACT_RELOAD: reload(u, 0, _("reloaded")); return 0;
	case ACT_LOG: log_screen(u); return 0;
	case ACT_REDRAW: term_repaint(); return 0;
	default: break;
	}
	int page = u->screen.h > 4 ? u->screen.h - 2 : 1;
	unsigned r = top(u)->key(top_st(u), &u->a, a, page);
	enum kind k;
	uint32_t i;
	if (r & H_NOMEM)
		app_say(&u->a, "out of memory");
	if ((r & H_OPEN) && top(u)->current && top(u)->current(top_st(u), &u->a, &k, &i)) {
		u->vs.depth = 1;
		if (views[u->vs.open[0]]->show(top_st(u), &u->a, k, i) < 0)
			app_say(&u->a, "out of memory");
	}
	if (!r && a != ACT_NONE) /* a key of the table, that means nothing here */
		app_say(&u->a, "\"%s\" is not in %s", _(action_info(a)->hint), _(top(u)->title));
	else if (!r && (key >= 0x20 || (key & FKEY(0))))
		app_say(&u->a, "press ? for help");
	return 0;
}

/* While idle: reload changed files, follow a new day. Returns 1 when the
 * screen changed. */
static int tick(struct ui *u)
{
	if (u->a.loading) /* the files are being read: look again when they are in */
		return 0;
	enum watch_result w = watch_look(&u->w, u->a.c, u->a.o->paths, u->a.o->npaths);
	if (w == WATCH_CHANGED)
		reload(u, 0, _("files changed: reloaded"));
	if (w != WATCH_SAME)
		return w == WATCH_CHANGED;
	day_t today = date_of(date_now());
	if (u->a.o->today != DAY_NONE || today == u->a.today)
		return 0;
	struct summary *s = malloc(sizeof *s);
	if (!s || summary_build(s, u->a.c, today, u->a.o->soon, u->a.ch) < 0)
		return free(s), app_say(&u->a, "out of memory"), 1;
	return replace(u, u->a.c, u->a.ch, s, today), 1;
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
	const char *err = _("out of memory");
	int status = 2;
	if (compare(o, c, &a->ch) < 0 || !(a->s = malloc(sizeof *a->s)) ||
	    summary_build(a->s, c, a->today, o->soon, a->ch) < 0 ||
	    vs_open(&u.vs, 0, a) < 0 || open_named(&u, o->view) < 0 || term_open(o->color, &err) < 0) {
		fprintf(stderr, "guatu: %s\n", err);
		goto out;
	}
	app_loaded(a);
	watch_look(&u.w, a->c, o->paths, o->npaths);
	u.job.hold = getenv("GUATU_TEST_HOLD_LOAD");
	index_later(&u);
	int killed = 0;
	for (int quit = 0, dirty = 1; !quit;) {
		if (dirty)
			draw(&u);
		int running = a->hist.state == HIST_RUNNING; /* H: look for what git found, often */
		int key, r = term_key(&key, u.job.running ? JOB_MS : running ? HISTORY_MS : u.w.pending ? SETTLE_MS : IDLE_MS);
		dirty = r != TERM_TIMEOUT || history_poll(&a->hist);
		if (loadjob_done(&u.job))
			job_in(&u), dirty = 1;
		if (r == TERM_GONE)
			break;
		if (r == TERM_SIGNAL) {
			int sig = term_signal();
			if (sig == SIGUSR1) /* a supervisor's snapshot: as if p was pressed */
				log_screen(&u);
			else if (sig == SIGTSTP)
				term_stop();
			quit = sig == SIGHUP || sig == SIGTERM || sig == SIGINT;
			if (quit) /* as a shell reports a program a signal ended: 128 + N */
				killed = sig;
		} else if (r == TERM_KEY) {
			quit = on_key(&u, key);
		} else if (!running && !u.job.running) {
			dirty |= tick(&u);
		}
	}
	term_close();
	status = killed ? 128 + killed : a->c->diags.errors ? 2 : 0;
out:
	loadjob_abandon(&u.job);
	history_stop(&a->hist);
	vs_free(&u.vs);
	grid_free(&u.screen);
	matcher_free(&u.search.m);
	if (a->idx)
		search_index_free(a->idx), free(a->idx);
	if (a->s)
		summary_free(a->s), free(a->s);
	chart_free(a->c), free(a->c);
	if (a->ch)
		changes_free(a->ch), free(a->ch);
	return status;
}
