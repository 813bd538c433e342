/* view_status: the status view, the targets view and the changes view (B)
 * of the interactive chart: a report (report.h), or one part of it, with a
 * cursor, scrolled by windows. Enter on a zone, milestone or target shows it
 * in the browse view. */
#include "config.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "view.h"

struct status_view {
	struct pager p;         /* first: see pager_save */
	struct report l;        /* measured once per chart and day */
};

/* Moves the cursor to the next row that shows an item, in direction dir. */
static void to_item(struct status_view *v, int dir)
{
	enum kind k;
	uint32_t i;
	for (long r = v->p.sel; r >= 0 && r < v->p.rows; r += dir)
		if (report_row_item(&v->l, r, &k, &i)) {
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
		if (report_row_item(&v->l, r, &k, &i))
			return 1;
	return 0;
}

/* A report view: the status screen (every part) or the targets alone. */
static void *create_parts(struct app *a, void *old, unsigned parts)
{
	struct status_view *v = calloc(1, sizeof *v);
	struct report_opts so = {.ascii = a->f == &frame_ascii, .loaded = a->loaded, .no_header = 1, .parts = parts};
	if (!v || report_measure(&v->l, a->c, a->s, &so) < 0) {
		free(v);
		return NULL;
	}
	report_fit(&v->l, 80); /* fitted again when drawn, at the screen's width */
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
	struct status_view *v = st;
	report_free(&v->l);
	free(v);
}

static void sv_draw(void *st, struct app *a, struct grid *g, int top, int rows)
{
	struct status_view *v = st;
	if (v->l.o.parts == 1u << PART_CHANGES && !a->s->changes) {
		const char *none = _("no baseline: start guatu with --baseline REV");
		grid_text(g, top, 0, g->w, none, strlen(none), ALIGN_LEFT, STYLE_DIM, a->f->ellipsis);
		return;
	}
	if (v->l.width != g->w) {
		report_fit(&v->l, g->w); /* no row is measured again */
		v->p.rows = v->l.rows;
	}
	pager_scroll(&v->p, rows);
	long end = v->l.rows - rows; /* on the last row of items, show what follows it too */
	if (v->p.sel >= end && end > v->p.top && !row_after(v))
		v->p.top = end;
	report_draw(g, top, &v->l, v->p.top, rows);
	long y = v->p.sel - v->p.top;
	enum kind k;
	uint32_t i;
	/* The cursor: the cell that names the row's item (the milestone of an
	 * overdue row, the target of a target's), between the frame's lines.
	 * Not the whole row: a move would then repaint two rows of every
	 * column, twice the bytes a slow link should carry for one key (issue
	 * #12). */
	int x0, x1;
	if (y >= 0 && y < rows && report_row_item(&v->l, v->p.sel, &k, &i) &&
	    report_item_cell(&v->l, v->p.sel, &x0, &x1))
		for (int x = x0; x < x1 && x < g->w; x++)
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
		if (!report_row_item(&v->l, v->p.sel, &k, &i))
			to_item(v, -dir);
	}
	if (act == ACT_ENTER)
		return H_HANDLED | H_OPEN;
	return r;
}

static int row_matches(const struct report *l, const struct matcher *m, long row)
{
	enum kind k;
	uint32_t i;
	if (!report_row_item(l, row, &k, &i))
		return 0;
	if (matcher_item(m, l->c, k, i))
		return 1;
	uint32_t project = k == KIND_MILESTONE ? milestone_project(l->c, i)
			   : k == KIND_TARGET  ? l->c->targets[i].project : NONE;
	uint32_t zone = project != NONE ? l->c->projects[project].zone
			: k == KIND_TARGET ? l->c->targets[i].zone : NONE;
	/* the zone and project named in the row count too */
	return (project != NONE && matcher_str(m, l->c->projects[project].it.name)) ||
	       (zone != NONE && matcher_str(m, l->c->zones[zone].it.name));
}

struct row_match {
	const struct report *l;
	const struct matcher *m;
};

static int sv_matches(long row, void *ctx)
{
	const struct row_match *rm = ctx;
	return row_matches(rm->l, rm->m, row);
}

static int sv_find(void *st, struct app *a, const struct matcher *m, int dir, int here)
{
	if (matcher_misses_chart(m)) /* no row can match: none is looked at */
		return 0;
	(void)a;
	struct status_view *v = st;
	struct row_match rm = {&v->l, m};
	return pager_find(&v->p, dir, here, sv_matches, &rm);
}

static int sv_current(void *st, struct app *a, enum kind *k, uint32_t *i)
{
	(void)a;
	const struct status_view *v = st;
	return report_row_item(&v->l, v->p.sel, k, i);
}

/* The whole report, as --print gives it at this width. */
static int sv_log(void *st, struct app *a, FILE *out, int width)
{
	struct report l;
	struct report_opts so = {.ascii = a->f == &frame_ascii, .loaded = a->loaded,
				 .parts = ((struct status_view *)st)->l.o.parts};
	int r = report_layout(&l, a->c, a->s, &so, width) == 0 && report_write(out, &l, 0) == 0 ? 0 : -1;
	report_free(&l);
	return r;
}

static void *sv_create(struct app *a, void *old, const struct chart *oc)
{
	(void)oc;
	return create_parts(a, old, 0);
}

static void *tv_create(struct app *a, void *old, const struct chart *oc)
{
	(void)oc;
	return create_parts(a, old, 1u << PART_TARGETS);
}

static void *cv_create(struct app *a, void *old, const struct chart *oc)
{
	(void)oc;
	return create_parts(a, old, 1u << PART_CHANGES);
}

static const struct hint sv_hints[] = {
	{ACT_DOWN, ACT_UP, NULL}, {ACT_ENTER, ACT_NONE, N_("browse this item")}, {ACT_SEARCH, ACT_NONE, NULL},
	{ACT_BROWSE, ACT_NONE, NULL}, {ACT_HELP, ACT_NONE, NULL}, {ACT_CLOSE, ACT_NONE, N_("back")},
	{ACT_NONE, ACT_NONE, NULL},
};

const struct view_ops view_status = {
	.name = "status", .title = N_("status overview"), .opener = ACT_STATUS, .hints = sv_hints,
	.create = sv_create, .destroy = sv_destroy, .draw = sv_draw, .key = sv_key, .find = sv_find,
	.save = pager_save, .restore = pager_restore, .current = sv_current, .show = NULL, .log = sv_log,
};

static const struct hint tv_hints[] = {
	{ACT_DOWN, ACT_UP, NULL}, {ACT_ENTER, ACT_NONE, N_("browse this item")}, {ACT_SEARCH, ACT_NONE, NULL},
	{ACT_STATUS, ACT_NONE, NULL}, {ACT_HELP, ACT_NONE, NULL}, {ACT_CLOSE, ACT_NONE, N_("back")},
	{ACT_NONE, ACT_NONE, NULL},
};

const struct view_ops view_targets = {
	.name = "targets", .title = N_("targets"), .opener = ACT_TARGETS, .hints = tv_hints,
	.create = tv_create, .destroy = sv_destroy, .draw = sv_draw, .key = sv_key, .find = sv_find,
	.save = pager_save, .restore = pager_restore, .current = sv_current, .show = NULL, .log = sv_log,
};

const struct view_ops view_changes = {
	.name = "changes", .title = N_("changes since the baseline"), .opener = ACT_CHANGES, .hints = tv_hints,
	.create = cv_create, .destroy = sv_destroy, .draw = sv_draw, .key = sv_key, .find = sv_find,
	.save = pager_save, .restore = pager_restore, .current = sv_current, .show = NULL, .log = sv_log,
};
