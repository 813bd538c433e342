/* view_diags: every diagnostic of the chart (E), in file and line order,
 * errors in red; Enter shows the item one is about in the browse view. */
#include "config.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"

struct diags_view {
	struct pager p; /* first: see pager_save */
};

/* One diagnostic as a line: "FILE:LINE:COL: error: MESSAGE". */
static void diag_line(const struct chart *c, const struct diag *d, char *buf, size_t cap)
{
	diag_format(d, c->files[d->file].shown, 1, buf, cap);
}

static void *create(struct app *a, void *old, const struct chart *oc)
{
	(void)oc;
	struct diags_view *v = calloc(1, sizeof *v);
	if (!v)
		return NULL;
	v->p.rows = (long)a->c->diags.n;
	if (old && a->c->diags.n) {
		v->p = ((struct diags_view *)old)->p;
		v->p.rows = (long)a->c->diags.n;
		if (v->p.sel >= v->p.rows)
			v->p.sel = v->p.rows - 1;
	}
	return v;
}

static void destroy(void *st)
{
	free(st);
}

static void draw(void *st, struct app *a, struct grid *g, int top, int rows)
{
	struct diags_view *v = st;
	const struct chart *c = a->c;
	if (c->diags.n == 0) {
		grid_put(g, top, 0, _("no diagnostics"), STYLE_DIM);
		return;
	}
	/* The list, and under a rule the chosen one in full: a line of the
	 * list is cut at the width, the message never is. */
	int full = rows >= 12 ? 4 : rows >= 8 ? 2 : 0, list = rows - (full ? full + 1 : 0);
	pager_scroll(&v->p, list);
	char line[1024];
	for (int y = 0; y < list && v->p.top + y < v->p.rows; y++) {
		const struct diag *d = &c->diags.v[v->p.top + y];
		diag_line(c, d, line, sizeof line);
		enum style style = v->p.top + y == v->p.sel ? STYLE_SELECTED
				   : d->severity == DIAG_ERROR ? STYLE_OVERDUE : STYLE_NORMAL;
		grid_text(g, top + y, 0, g->w, line, strlen(line), ALIGN_LEFT, style, a->f->ellipsis);
	}
	if (!full)
		return;
	grid_repeat(g, top + list, 0, g->w, a->f->h, STYLE_FRAME);
	diag_line(c, &c->diags.v[v->p.sel], line, sizeof line);
	struct text_line lines[8];
	size_t n = text_wrap(line, strlen(line), g->w, lines, (size_t)full);
	for (size_t i = 0; i < n; i++)
		grid_text(g, top + list + 1 + (int)i, 0, g->w, line + lines[i].start,
			  i + 1 == n ? strlen(line) - lines[i].start : lines[i].len, ALIGN_LEFT, STYLE_NORMAL,
			  a->f->ellipsis);
}

static int current(void *st, struct app *a, enum kind *k, uint32_t *i)
{
	const struct diags_view *v = st;
	if (v->p.sel >= (long)a->c->diags.n)
		return 0;
	const struct diag *d = &a->c->diags.v[v->p.sel];
	if (d->item == UINT32_MAX || d->kind >= KIND_COUNT || d->item >= chart_count(a->c, (enum kind)d->kind))
		return 0;
	*k = (enum kind)d->kind;
	*i = d->item;
	return 1;
}

static unsigned key(void *st, struct app *a, enum action act, int page)
{
	struct diags_view *v = st;
	enum kind k;
	uint32_t i;
	if (act == ACT_ENTER && v->p.rows && !current(st, a, &k, &i)) {
		app_say(a, "this diagnostic is about the whole file: e opens it");
		return H_HANDLED;
	}
	if (act == ACT_ENTER)
		return v->p.rows ? H_HANDLED | H_OPEN : H_HANDLED;
	return pager_key(&v->p, act, page);
}

struct diag_match {
	const struct app *a;
	const struct matcher *m;
};

static int diag_matches(long row, void *ctx)
{
	const struct diag_match *dm = ctx;
	char line[1024];
	diag_line(dm->a->c, &dm->a->c->diags.v[row], line, sizeof line);
	return matcher_text(dm->m, line, strlen(line));
}

static int find(void *st, struct app *a, const struct matcher *m, int dir, int here)
{
	struct diag_match dm = {a, m};
	return pager_find(&((struct diags_view *)st)->p, dir, here, diag_matches, &dm);
}


/* e: where the problem is, not the item it is about. */
static int where(void *st, struct app *a, uint32_t *file, uint32_t *line)
{
	const struct diags_view *v = st;
	if (v->p.sel >= (long)a->c->diags.n)
		return 0;
	const struct diag *d = &a->c->diags.v[v->p.sel];
	if (a->c->files[d->file].placeholder)
		return 0;
	*file = d->file;
	*line = d->line ? d->line : 1;
	return 1;
}

static int log_all(void *st, struct app *a, FILE *out, int width)
{
	(void)st;
	(void)width;
	char line[1024];
	for (size_t i = 0; i < a->c->diags.n; i++) {
		diag_line(a->c, &a->c->diags.v[i], line, sizeof line);
		fprintf(out, "%s\n", line);
	}
	if (!a->c->diags.n)
		fprintf(out, "%s\n", _("no diagnostics"));
	return 0;
}

static const struct hint hints[] = {
	{ACT_DOWN, ACT_UP, NULL}, {ACT_ENTER, ACT_NONE, N_("go to the item")}, {ACT_EDIT, ACT_NONE, N_("edit this line")},
	{ACT_RELOAD, ACT_NONE, NULL}, {ACT_BACK, ACT_NONE, NULL}, {ACT_CLOSE, ACT_NONE, N_("back")},
	{ACT_NONE, ACT_NONE, NULL},
};

const struct view_ops view_diags = {
	.name = "diagnostics", .title = N_("diagnostics"), .opener = ACT_DIAGS, .hints = hints,
	.create = create, .destroy = destroy, .draw = draw, .key = key, .find = find,
	.save = pager_save, .restore = pager_restore, .current = current, .where = where, .show = NULL,
	.log = log_all,
};
