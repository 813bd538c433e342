#include "config.h"
#include "ui.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "browse.h"
#include "keys.h"
#include "load.h"
#include "search.h"
#include "summary.h"
#include "table.h"
#include "term.h"
#include "view_browse.h"
#include "view_help.h"
#include "view_status.h"

enum { MIN_W = 40, MIN_H = 12 };
enum view { VIEW_BROWSE, VIEW_STATUS, VIEW_HELP, VIEW_DIAGS };

struct ui {
	struct chart *c;
	const struct ui_opts *o;
	const struct frame *f;
	day_t today;
	struct summary s;
	struct browse b;
	struct search se;
	enum view view, back;
	struct grid screen;
	struct status_layout status; /* the status view, measured at page_w */
	struct grid page;            /* the help or the diagnostics, as tall as they are */
	int page_rows, page_top, page_w;
	enum view page_of;
	char msg[PATH_MAX + 256]; /* said once, until the next key */
	char alert[512]; /* said until it is no longer true: a file failed */
	char right[64];  /* when loaded, from how many files */
	int searching;
	char query[256];
	struct hit from; /* where the search started, for Escape */
	time_t loaded;
	unsigned long long watched; /* what the files looked like when loaded */
	unsigned long long changed; /* what they looked like at the last look, if different */
	char logpath[PATH_MAX];
};

/* ---- watching the files --------------------------------------------- */

static unsigned long long mix(unsigned long long h, const void *p, size_t n)
{
	for (size_t i = 0; i < n; i++) /* FNV-1a, 64 bits */
		h = (h ^ ((const unsigned char *)p)[i]) * 1099511628211ull;
	return h;
}

static unsigned long long mix_file(unsigned long long h, const char *path)
{
	struct stat st;
	h = mix(h, path, strlen(path) + 1);
	if (stat(path, &st) != 0)
		return mix(h, "?", 1);
	long long v[] = {(long long)st.st_size, (long long)st.st_ino, (long long)st.st_mtim.tv_sec,
			 (long long)st.st_mtim.tv_nsec};
	return mix(h, v, sizeof v);
}

/* A fingerprint of the files: sizes, times and inodes, and the charts each
 * directory holds. Cheap enough to take every second. */
static unsigned long long fingerprint(const struct ui_opts *o)
{
	unsigned long long h = 14695981039346656037ull;
	for (size_t i = 0; i < o->npaths; i++) {
		struct stat st;
		if (stat(o->paths[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			h = mix_file(h, o->paths[i]);
			continue;
		}
		char **names;
		long n = load_list_dir(o->paths[i], &names);
		for (long k = 0; k < n; k++)
			h = mix_file(h, names[k]);
		load_free_list(names, n);
	}
	return h;
}

/* ---- keeping the place across a reload ------------------------------ */

/* The zone of `nc` that is zone `oz` of `oc`: by id, else by name, under
 * the zone that is its parent. NONE when it is gone. */
static uint32_t same_zone(const struct chart *nc, const struct chart *oc, uint32_t oz)
{
	uint32_t op = oc->zones[oz].parent, np = NONE;
	if (op != NONE && (np = same_zone(nc, oc, op)) == NONE)
		return NONE;
	const char *id = chart_str(oc, oc->zones[oz].id), *name = chart_str(oc, oc->zones[oz].name);
	uint32_t from = np == NONE ? 0 : np + 1, to = np == NONE ? (uint32_t)nc->nzones : nc->zones[np].end;
	uint32_t named = NONE;
	for (uint32_t i = from; i < to; i = nc->zones[i].end) {
		if (!strcmp(chart_str(nc, nc->zones[i].id), id))
			return i;
		if (named == NONE && !strcmp(chart_str(nc, nc->zones[i].name), name))
			named = i;
	}
	return named;
}

/* The item in [first, first + n) of the new chart's array `arr` (items of
 * `size` bytes) with the old item's id, else its name. */
static uint32_t same_item(const struct chart *nc, const void *arr, size_t size, size_t name_at,
			  size_t id_at, uint32_t first, uint32_t n, const struct chart *oc, const void *old)
{
#define FIELD(item, at) (*(const str_t *)((const char *)(item) + (at)))
	uint32_t named = NONE;
	const char *id = chart_str(oc, FIELD(old, id_at)), *name = chart_str(oc, FIELD(old, name_at));
	for (uint32_t i = first; i < first + n; i++) {
		const void *item = (const char *)arr + size * i;
		if (!strcmp(chart_str(nc, FIELD(item, id_at)), id))
			return i;
		if (named == NONE && !strcmp(chart_str(nc, FIELD(item, name_at)), name))
			named = i;
	}
	return named;
#undef FIELD
}

static void say_loaded(struct ui *u)
{
	struct tm tm;
	localtime_r(&u->loaded, &tm);
	snprintf(u->right, sizeof u->right, "载入 %02d:%02d:%02d · %zu 个文件", tm.tm_hour, tm.tm_min,
		 tm.tm_sec, u->c->nfiles);
	/* A file that failed: say so first, then which file, where and why
	 * (its last error, the one that stopped the reading). E lists all. */
	u->alert[0] = '\0';
	const struct diag *fatal = NULL;
	for (size_t i = 0; i < u->c->diags.n; i++) {
		const struct diag *d = &u->c->diags.v[i];
		if (d->severity == DIAG_ERROR && !u->c->files[d->file].loaded &&
		    (!fatal || d->file == fatal->file))
			fatal = d;
	}
	if (fatal) {
		const struct chart_file *f = &u->c->files[fatal->file];
		const char *base = strrchr(f->shown, '/') && strrchr(f->shown, '/')[1] ? strrchr(f->shown, '/') + 1 : f->shown;
		char where[64] = "";
		if (fatal->line)
			snprintf(where, sizeof where, ":%u:%u", (unsigned)fatal->line, (unsigned)fatal->col);
		snprintf(u->alert, sizeof u->alert, "! %s · %s%s: %s (E 查看全部)",
			 f->stale ? "显示上次的正确数据 older data shown" : "未载入 not loaded", base, where,
			 fatal->msg);
	}
}

/* Rebuilds what depends on the chart and today, keeping the user's place:
 * the same zone, project and milestone (by id, then name), else the nearest. */
static int rebuild(struct ui *u, const struct chart *old)
{
	struct browse *b = &u->b;
	uint32_t oz = browse_selected(b, PANE_ZONES), op = browse_selected(b, PANE_PROJECTS);
	uint32_t om = browse_selected(b, PANE_MILESTONES);
	size_t rows[PANE_COUNT];
	for (int p = 0; p < PANE_COUNT; p++)
		rows[p] = b->list[p].sel;
	enum pane focus = b->focus;
	enum sort sort = b->sort;
	int filter = b->filter;
	const struct chart *nc = u->c;
	uint8_t *folded = calloc(nc->nzones + 1, 1);
	if (!folded)
		return -1;
	uint32_t nz = NONE, np = NONE, nm = NONE;
	if (old) {
		for (uint32_t z = 0; z < old->nzones; z++) {
			uint32_t m;
			if (b->collapsed[z] && (m = same_zone(nc, old, z)) != NONE)
				folded[m] = 1;
		}
		if (oz != NONE)
			nz = same_zone(nc, old, oz);
		if (nz != NONE && op != NONE)
			np = same_item(nc, nc->projects, sizeof *nc->projects, offsetof(struct project, name),
				       offsetof(struct project, id), nc->zones[nz].proj_first,
				       nc->zones[nz].proj_count, old, &old->projects[op]);
		if (np != NONE && om != NONE)
			nm = same_item(nc, nc->milestones, sizeof *nc->milestones,
				       offsetof(struct milestone, name), offsetof(struct milestone, id),
				       nc->projects[np].ms_first, nc->projects[np].ms_count, old,
				       &old->milestones[om]);
	} else {
		memcpy(folded, b->collapsed, nc->nzones);
		nz = oz, np = op, nm = om;
	}
	summary_free(&u->s);
	browse_free(b);
	search_free(&u->se);
	search_init(&u->se, nc);
	if (summary_build(&u->s, nc, u->today, u->o->soon) < 0 || browse_init(b, nc, &u->s) < 0) {
		free(folded);
		return -1;
	}
	memcpy(b->collapsed, folded, nc->nzones);
	free(folded);
	b->sort = sort;
	b->filter = filter;
	if (browse_refresh(b) < 0)
		return -1;
	if (nz != NONE) {
		if (browse_reveal(b, nz, np, nm) < 0)
			return -1;
	} else {
		browse_select(b, PANE_ZONES, (long)rows[0]);
	}
	/* Gone: its neighbour takes the row it had. */
	if (np == NONE && nz != NONE)
		browse_select(b, PANE_PROJECTS, (long)rows[1]);
	if (nm == NONE && np != NONE)
		browse_select(b, PANE_MILESTONES, (long)rows[2]);
	b->focus = focus;
	u->page_w = -1; /* the status view and diagnostics are stale */
	return 0;
}

static void reload(struct ui *u, const char *why)
{
	struct chart next;
	if (chart_init(&next) < 0 ||
	    load_chart(&next, u->o->paths, u->o->npaths, NULL, u->c) < 0) {
		chart_free(&next);
		snprintf(u->msg, sizeof u->msg, "内存不足，未重新载入 out of memory: not reloaded");
		return;
	}
	struct chart old = *u->c;
	*u->c = next; /* the views borrow u->c, which stays where it is */
	if (rebuild(u, &old) < 0)
		snprintf(u->msg, sizeof u->msg, "out of memory");
	chart_free(&old);
	u->loaded = date_now();
	u->watched = fingerprint(u->o);
	say_loaded(u);
	/* A failed file outranks any older message. */
	snprintf(u->msg, sizeof u->msg, "%s", u->alert[0] ? "" : why);
}

/* ---- the editor ----------------------------------------------------- */

static const struct place *selected_place(const struct ui *u)
{
	enum pane p;
	uint32_t v = browse_current(&u->b, &p);
	if (v == NONE)
		return NULL;
	return p == PANE_ZONES ? &u->c->zones[v].at
	       : p == PANE_PROJECTS ? &u->c->projects[v].at : &u->c->milestones[v].at;
}

/* Opens $VISUAL, else $EDITOR, else vi at the item's line. The editor
 * string may hold arguments ("code -w"), so sh reads it; the file name is
 * passed as an argument and is never read by a shell. */
static void edit(struct ui *u)
{
	if (u->o->readonly) {
		snprintf(u->msg, sizeof u->msg, "只读模式，不能编辑 read-only: editing is off");
		return;
	}
	const struct place *at = selected_place(u);
	if (!at) {
		snprintf(u->msg, sizeof u->msg, "没有可编辑的项 nothing to edit");
		return;
	}
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	char line[32], *cmd = malloc(strlen(ed) + 16);
	if (!cmd)
		return;
	snprintf(line, sizeof line, "+%u", (unsigned)at->line);
	sprintf(cmd, "%s \"$@\"", ed);
	const char *path = u->c->files[at->file].path;
	term_suspend();
	/* Like system(): the editor gets Ctrl-C, guatu does not. */
	struct sigaction ign, old_int, old_quit;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd, "sh", line, path, (char *)NULL);
		_exit(127);
	}
	int st = 0;
	while (pid > 0 && waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	term_resume();
	if (pid < 0 || (WIFEXITED(st) && WEXITSTATUS(st) == 127)) {
		snprintf(u->msg, sizeof u->msg, "无法启动编辑器 cannot run the editor: %s", ed);
		free(cmd);
		return;
	}
	free(cmd);
	reload(u, "已重新载入 reloaded after editing");
}

/* ---- the log -------------------------------------------------------- */

/* Makes the directories above `path` (mode 0700). */
static void make_parents(char *path)
{
	for (char *p = path + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0700);
			*p = '/';
		}
}

static const char *log_path(struct ui *u)
{
	if (u->o->log)
		return u->o->log;
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	if (state && *state == '/')
		snprintf(u->logpath, sizeof u->logpath, "%s/guatu/screen.log", state);
	else
		snprintf(u->logpath, sizeof u->logpath, "%s/.local/state/guatu/screen.log",
			 home && *home ? home : ".");
	return u->logpath;
}

/* Appends the view as text, after a line that says when, what and which
 * files. One write() of the whole block with O_APPEND: two guatu writing
 * to one log never mix their lines. */
static void log_screen(struct ui *u)
{
	static const char *const views[] = {"浏览 browse", "状态 status", "帮助 help", "诊断 diagnostics"};
	char *buf = NULL, stamp[64];
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		return;
	time_t now = date_now();
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "guatu %Y-%m-%d %H:%M:%S", &tm);
	fprintf(m, "%s · %s ·", stamp, views[u->view]);
	for (size_t i = 0; i < u->o->npaths; i++) {
		char shown[TEXT_SANITIZE_MAX(256)];
		unsigned changed;
		size_t n = strlen(u->o->paths[i]);
		text_sanitize(u->o->paths[i], n < 256 ? n : 256, shown, TEXT_LINE, &changed);
		fprintf(m, " %s", shown);
	}
	fprintf(m, " (%zu 个文件)\n", u->c->nfiles);
	int ok = 1;
	if (u->view == VIEW_STATUS) { /* the whole status screen, as --print gives it */
		struct status_layout l;
		struct status_opts so = {.ascii = u->o->ascii, .loaded = u->loaded};
		ok = status_layout(&l, u->c, &u->s, &so, u->screen.w) == 0 && status_write(m, &l, 0) == 0;
	} else {
		grid_write(&u->screen, u->screen.h, m, 0);
	}
	if (fclose(m) != 0 || !ok) {
		free(buf);
		snprintf(u->msg, sizeof u->msg, "out of memory");
		return;
	}
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s", log_path(u));
	make_parents(path);
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	ssize_t w = fd >= 0 ? write(fd, buf, len) : -1;
	int err = errno;
	if (fd >= 0)
		close(fd);
	free(buf);
	if (w == (ssize_t)len)
		snprintf(u->msg, sizeof u->msg, "已记入日志 logged to %s", path);
	else
		snprintf(u->msg, sizeof u->msg, "无法写日志 cannot write the log %s: %s", path,
			 w < 0 ? strerror(err) : "short write");
}

/* ---- drawing -------------------------------------------------------- */

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

static int diags_page(struct ui *u, int w)
{
	const char *ell = u->o->ascii ? "~" : "…";
	if (grid_grow(&u->page, 1) < 0)
		return -1;
	if (u->c->diags.n == 0) {
		grid_put(&u->page, 0, 0, "没有诊断 no diagnostics", STYLE_DIM);
		return 1;
	}
	static const char *const sev[] = {"note", "warning", "error"};
	for (size_t i = 0; i < u->c->diags.n; i++) {
		const struct diag *d = &u->c->diags.v[i];
		char line[1024];
		if (d->line)
			snprintf(line, sizeof line, "%s:%u:%u: %s: %s", u->c->files[d->file].shown,
				 (unsigned)d->line, (unsigned)d->col, sev[d->severity], d->msg);
		else
			snprintf(line, sizeof line, "%s: %s: %s", u->c->files[d->file].shown, sev[d->severity], d->msg);
		if (grid_grow(&u->page, (int)i + 1) < 0)
			return -1;
		grid_text(&u->page, (int)i, 0, w, line, strlen(line), ALIGN_LEFT,
			  d->severity == DIAG_ERROR ? STYLE_OVERDUE : STYLE_NORMAL, ell);
	}
	return (int)u->c->diags.n;
}

/* Lays out the status view, or draws the help or diagnostics, when stale. */
static int build_page(struct ui *u, int w)
{
	if (u->page_w == w && u->page_of == u->view)
		return 0;
	if (u->view == VIEW_STATUS) {
		struct status_opts so = {.ascii = u->o->ascii, .loaded = u->loaded, .no_header = 1};
		if (status_layout(&u->status, u->c, &u->s, &so, w) < 0)
			return -1;
		u->page_rows = (int)u->status.rows;
	} else {
		grid_free(&u->page);
		if (grid_init(&u->page, w, 1) < 0)
			return -1;
		u->page_rows = u->view == VIEW_HELP ? view_help(&u->page, u->o->ascii) : diags_page(u, w);
		if (u->page_rows < 0)
			return -1;
	}
	u->page_w = w;
	u->page_of = u->view;
	return 0;
}

/* The status view, help or diagnostics: the header line, a window of the
 * page, the bottom line. */
static void draw_page(struct ui *u)
{
	static const char *const names[] = {"", "状态总览", "帮助", "诊断"};
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
				*grid_at(g, 1 + y, x) = *grid_at(&u->page, u->page_top + y, x);
	char hints[128];
	snprintf(hints, sizeof hints, "%s  j/k 滚动  b 浏览  %s  %s", names[u->view],
		 u->view == VIEW_STATUS ? "? 帮助" : "s 状态", u->view == VIEW_STATUS ? "q 退出" : "q 返回");
	view_footer(g, u->msg[0] ? u->msg : u->alert, hints, u->right);
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
		char footer[PATH_MAX + 512];
		const char *left = u->msg[0] ? u->msg : u->alert;
		if (u->searching) {
			snprintf(footer, sizeof footer, "/%s%s", u->query, u->msg);
			left = footer;
		}
		view_browse(&u->screen, &u->b, u->f, left, u->right);
	} else {
		if (build_page(u, w) < 0)
			return -1;
		draw_page(u);
	}
	term_show(&u->screen);
	return 0;
}

/* ---- keys ----------------------------------------------------------- */

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
	int erase = k->code == KEY_BACKSPACE || k->ch == 127 || k->ch == 8;
	/* Cancel, back to where it started: Escape, Ctrl-G (for terminals
	 * where Escape is slow), or erasing past the start. */
	if (k->ch == 27 || k->ch == KEY_CTRL('g') || (erase && n == 0)) {
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
	if (erase) {
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
	case ACT_EDIT: edit(u); break;
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

static void show(struct ui *u, enum view v)
{
	if (u->view != v)
		u->page_top = 0;
	if (v == VIEW_HELP || v == VIEW_DIAGS) {
		if (u->view != VIEW_HELP && u->view != VIEW_DIAGS)
			u->back = u->view;
	}
	u->view = v;
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
		if (u->view != VIEW_HELP && u->view != VIEW_DIAGS)
			return 1;
		u->view = u->back;
		return 0;
	case ACT_HELP: show(u, VIEW_HELP); return 0;
	case ACT_DIAGS: show(u, VIEW_DIAGS); return 0;
	case ACT_STATUS: show(u, VIEW_STATUS); return 0;
	case ACT_BROWSE: show(u, VIEW_BROWSE); return 0;
	case ACT_REDRAW: term_repaint(); return 0;
	case ACT_RELOAD: reload(u, "已重新载入 reloaded"); return 0;
	case ACT_LOG: log_screen(u); return 0;
	default: break;
	}
	if (u->view == VIEW_BROWSE) {
		if (browse_action(u, a, page) < 0)
			snprintf(u->msg, sizeof u->msg, "out of memory");
	} else {
		page_action(u, a, page);
	}
	if (a == ACT_NONE && (k->ch >= 0x20 || k->code))
		snprintf(u->msg, sizeof u->msg, "按 ? 查看按键 (press ? for help)");
	return 0;
}

/* Once a second while idle: reload changed files, follow a new day. A
 * change is reloaded once it has held still for a look (a quarter second
 * later), so a save in progress is not read half-way. */
static void tick(struct ui *u)
{
	unsigned long long now = fingerprint(u->o);
	if (now != u->watched) {
		if (now == u->changed) {
			u->changed = 0;
			reload(u, "文件已更改，已重新载入 files changed: reloaded");
		} else {
			u->changed = now;
		}
		return;
	}
	u->changed = 0;
	day_t today = date_of(date_now());
	if (u->o->today == DAY_NONE && today != u->today) {
		u->today = today;
		if (rebuild(u, NULL) < 0)
			snprintf(u->msg, sizeof u->msg, "out of memory");
	}
}

int ui_run(struct chart *c, const struct ui_opts *o)
{
	struct ui u;
	memset(&u, 0, sizeof u);
	u.c = c;
	u.o = o;
	u.f = o->ascii ? &frame_ascii : &frame_box;
	u.page_w = -1;
	u.today = o->today != DAY_NONE ? o->today : date_of(date_now());
	u.loaded = date_now();
	u.watched = fingerprint(o);
	if (o->notice)
		snprintf(u.msg, sizeof u.msg, "%s", o->notice);
	search_init(&u.se, c);
	if (summary_build(&u.s, c, u.today, o->soon) < 0 || browse_init(&u.b, c, &u.s) < 0) {
		fputs("guatu: out of memory\n", stderr);
		summary_free(&u.s);
		browse_free(&u.b);
		return 2;
	}
	say_loaded(&u);
	const char *err = NULL;
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
		int r = term_key(&k, u.changed ? 250 : 1000);
		if (r == TERM_GONE)
			break;
		if (r == TERM_SIGNAL) {
			int sig = term_signal();
			if (sig == SIGUSR1) /* a supervisor's snapshot: as if p was pressed */
				log_screen(&u);
			quit = sig == SIGHUP || sig == SIGTERM || sig == SIGINT;
			continue;
		}
		if (r == TERM_KEY)
			quit = on_key(&u, &k);
		else
			tick(&u);
	}
	term_close();
	grid_free(&u.screen);
	grid_free(&u.page);
	search_free(&u.se);
	browse_free(&u.b);
	summary_free(&u.s);
	return status;
}
