/* view_diags: every diagnostic of the chart (E), in file and line order,
 * errors in red; Enter shows the item one is about in the browse view. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"

struct diags_view {
	struct pager p;
};

/* One diagnostic as a line: "FILE:LINE:COL: error: MESSAGE". */
static void diag_line(const struct chart *c, const struct diag *d, char *buf, size_t cap)
{
	static const char *const sev[] = {"note", "warning", "error"};
	if (d->line)
		snprintf(buf, cap, "%s:%u:%u: %s: %s", c->files[d->file].shown, (unsigned)d->line,
			 (unsigned)d->col, sev[d->severity], d->msg);
	else
		snprintf(buf, cap, "%s: %s: %s", c->files[d->file].shown, sev[d->severity], d->msg);
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
		grid_put(g, top, 0, "没有诊断 no diagnostics", STYLE_DIM);
		return;
	}
	pager_scroll(&v->p, rows);
	char line[1024];
	for (int y = 0; y < rows && v->p.top + y < v->p.rows; y++) {
		const struct diag *d = &c->diags.v[v->p.top + y];
		diag_line(c, d, line, sizeof line);
		enum style style = v->p.top + y == v->p.sel ? STYLE_SELECTED
				: d->severity == DIAG_ERROR ? STYLE_OVERDUE : STYLE_NORMAL;
		grid_text(g, top + y, 0, g->w, line, strlen(line), ALIGN_LEFT, style, a->f->ellipsis);
	}
}

static unsigned key(void *st, struct app *a, enum action act, int page)
{
	(void)a;
	struct diags_view *v = st;
	if (act == ACT_ENTER)
		return v->p.rows ? H_HANDLED | H_OPEN : H_HANDLED;
	return pager_key(&v->p, act, page);
}

static int find(void *st, struct app *a, const struct matcher *m, int dir, int here)
{
	struct diags_view *v = st;
	long n = v->p.rows;
	char line[1024];
	for (long k = here ? 0 : 1; n > 0 && k <= n; k++) {
		long row = ((v->p.sel + dir * k) % n + n) % n;
		diag_line(a->c, &a->c->diags.v[row], line, sizeof line);
		if (matcher_text(m, line, strlen(line))) {
			v->p.sel = row;
			return 1;
		}
	}
	return 0;
}

static void save(void *st, struct view_pos *p)
{
	const struct diags_view *v = st;
	*p = (struct view_pos){{(uint32_t)v->p.sel, (uint32_t)v->p.top, 0, 0}};
}

static void restore(void *st, struct app *a, const struct view_pos *p)
{
	(void)a;
	struct diags_view *v = st;
	v->p.sel = p->v[0];
	v->p.top = p->v[1];
}

static int current(void *st, struct app *a, enum kind *k, uint32_t *i)
{
	const struct diags_view *v = st;
	if (v->p.sel >= (long)a->c->diags.n)
		return 0;
	const struct diag *d = &a->c->diags.v[v->p.sel];
	if (d->item == UINT32_MAX)
		return 0;
	*k = (enum kind)d->kind;
	*i = d->item;
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
		fputs("没有诊断 no diagnostics\n", out);
	return 0;
}

static const struct hint hints[] = {
	{ACT_DOWN, ACT_UP, NULL}, {ACT_ENTER, ACT_NONE, "到该项"}, {ACT_EDIT, ACT_NONE, NULL},
	{ACT_RELOAD, ACT_NONE, NULL}, {ACT_BACK, ACT_NONE, NULL}, {ACT_CLOSE, ACT_NONE, "返回"},
	{ACT_NONE, ACT_NONE, NULL},
};

const struct view_ops view_diags = {
	.name = "diagnostics", .title = "诊断", .opener = ACT_DIAGS, .hints = hints,
	.create = create, .destroy = destroy, .draw = draw, .key = key, .find = find,
	.save = save, .restore = restore, .current = current, .show = NULL, .log = log_all,
};
