/* view_help: every key, from the key table (keys.h), so every key bound is
 * listed and nothing listed is unbound; rebound keys show as bound. */
#include "config.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

#include "view.h"

struct help {
	struct pager p;   /* first: see pager_save */
	struct grid page; /* the help at the width it was made for */
	int ascii;
};

static int line(struct grid *g, int *y, int x, const char *s, enum style st, const char *ell)
{
	if (grid_grow(g, *y + 1) < 0)
		return -1;
	grid_text(g, (*y)++, x, g->w - x, s, strlen(s), ALIGN_LEFT, st, ell);
	return 0;
}

/* Writes the help into a grid `w` wide; returns its rows, -1 out of memory. */
static int make(struct grid *g, int w, int ascii, const struct app *app)
{
	/* TRANSLATORS: the help's section titles */
	static const char *const sections[SCOPE_COUNT] = {
		[SCOPE_MOVE] = N_("Moving"),
		[SCOPE_VIEW] = N_("In this view"),
		[SCOPE_GLOBAL] = N_("Anywhere"),
		[SCOPE_PROMPT] = N_("On the search line (/)"),
	};
	const char *ell = ascii ? "~" : "…";
	if (grid_init(g, w, 1) < 0)
		return -1;
	int y = 0;
	for (int sc = 0; sc < SCOPE_COUNT; sc++) {
		if ((y && line(g, &y, 0, "", STYLE_NORMAL, ell) < 0) ||
		    line(g, &y, 0, _(sections[sc]), STYLE_TITLE, ell) < 0)
			return -1;
		for (int a = 1; a < ACT_COUNT; a++) {
			const struct action_info *ai = action_info((enum action)a);
			if (ai->scope != (enum scope)sc || !app_enabled(app, (enum action)a))
				continue;
			char keys[64];
			action_label((enum action)a, " ", keys, sizeof keys);
			if (!*keys)
				continue; /* unbound */
			if (grid_grow(g, y + 1) < 0)
				return -1;
			grid_text(g, y, 2, 20, keys, strlen(keys), ALIGN_LEFT, STYLE_HEADER, ell);
			const char *help = _(ai->help);
			grid_text(g, y, 23, w - 23, help, strlen(help), ALIGN_LEFT, STYLE_NORMAL, ell);
			y++;
		}
	}
	/* A title (no mark), or a mark and what it means, as the rows of the pane
	 * show them. */
	const struct {
		const char *mark, *text;
	} legend[] = {
		{NULL, ""},
		/* TRANSLATORS: the help's list of the marks the panes show */
		{NULL, N_("Markers")},
		/* TRANSLATORS: the help's marks: each is shown after the mark, from column 15 */
		{"!3", N_("3 milestones overdue")},
		{"~2", N_("2 milestones due soon")},
		{">", N_("the selected row")},
		{ascii ? "+ / -" : "▸ / ▾", N_("zone folded / unfolded")},
		{"12/340", N_("where a pane is, when it scrolls")},
		{ascii ? "X" : "✗", N_("an item with an error: its details say what")},
		{ascii ? "v2" : "▼2", N_("2 targets behind, missed or over")},
		{NULL, ""},
		{NULL, N_("Also")},
		{"Ctrl-Z", N_("suspend guatu to the shell; fg resumes")},
		{"Ctrl-C", N_("quit")},
	};
	for (size_t i = 0; i < sizeof legend / sizeof *legend; i++) {
		const char *text = *legend[i].text ? _(legend[i].text) : "";
		if (!legend[i].mark) {
			if (line(g, &y, 0, text, STYLE_TITLE, ell) < 0)
				return -1;
			continue;
		}
		if (grid_grow(g, y + 1) < 0)
			return -1;
		grid_text(g, y, 2, 11, legend[i].mark, strlen(legend[i].mark), ALIGN_LEFT, STYLE_NORMAL, ell);
		grid_text(g, y, 14, w - 14, text, strlen(text), ALIGN_LEFT, STYLE_NORMAL, ell);
		y++;
	}
	return y;
}

static void *create(struct app *a, void *old, const struct chart *oc)
{
	(void)oc;
	struct help *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->ascii = a->f == &frame_ascii;
	if (old)
		h->p = ((struct help *)old)->p;
	return h;
}

static void destroy(void *st)
{
	struct help *h = st;
	grid_free(&h->page);
	free(h);
}

static void draw(void *st, struct app *a, struct grid *g, int top, int rows)
{
	struct help *h = st;
	if (h->page.w != g->w || !h->page.cells) {
		grid_free(&h->page);
		int n = make(&h->page, g->w, h->ascii, a);
		if (n < 0) {
			grid_free(&h->page);
			return;
		}
		h->p.rows = n;
	}
	pager_scroll(&h->p, rows);
	for (int y = 0; y < rows && h->p.top + y < h->p.rows; y++)
		for (int x = 0; x < g->w; x++) {
			struct cell *c = grid_at(g, top + y, x);
			*c = *grid_at(&h->page, (int)h->p.top + y, x);
			if (h->p.top + y == h->p.sel && c->style != STYLE_HEADER)
				c->style = STYLE_SELECTED;
		}
}

static unsigned key(void *st, struct app *a, enum action act, int page)
{
	(void)a;
	return pager_key(&((struct help *)st)->p, act, page);
}

/* The text of row y of the help. */
static void row_text(const struct grid *g, int y, char *buf, size_t cap)
{
	size_t n = 0;
	for (int x = 0; x < g->w; x++) {
		const struct cell *c = grid_at(g, y, x);
		size_t len = strlen(c->s);
		if (c->width && n + len < cap) {
			memcpy(buf + n, c->s, len);
			n += len;
		}
	}
	buf[n] = '\0';
}

struct help_match {
	const struct help *h;
	const struct matcher *m;
};

static int help_matches(long row, void *ctx)
{
	const struct help_match *hm = ctx;
	char text[2048];
	row_text(&hm->h->page, (int)row, text, sizeof text);
	return matcher_text(hm->m, text, strlen(text));
}

static int find(void *st, struct app *a, const struct matcher *m, int dir, int here)
{
	(void)a;
	struct help *h = st;
	struct help_match hm = {h, m};
	return pager_find(&h->p, dir, here, help_matches, &hm);
}

static const struct hint hints[] = {
	{ACT_DOWN, ACT_UP, N_("scroll")}, {ACT_SEARCH, ACT_NONE, NULL}, {ACT_BACK, ACT_NONE, NULL},
	{ACT_CLOSE, ACT_NONE, N_("back")}, {ACT_NONE, ACT_NONE, NULL},
};

const struct view_ops view_help = {
	.name = "help", .title = N_("help"), .opener = ACT_HELP, .hints = hints,
	.create = create, .destroy = destroy, .draw = draw, .key = key, .find = find,
	.save = pager_save, .restore = pager_restore, .current = NULL, .show = NULL, .log = NULL,
};
