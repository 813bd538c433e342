/* view_timeline: the timeline (timeline.h) as a view: j/k go from project
 * to project, h/l move in time, + and - zoom, . comes back to today, Enter
 * shows the project in the browse view. */
#include "config.h"
#include "i18n.h"

#include <stdlib.h>

#include "timeline.h"
#include "view.h"

struct tl_view {
	struct pager p; /* first: see pager_save; its rows are the timeline's */
	struct timeline t;
	int width;      /* the screen's, when the columns were placed */
};

static int is_zone(const struct tl_view *v, long row)
{
	return (v->t.rows[row] & TIMELINE_ZONE) != 0;
}

/* From row `row` in direction dir, the first project row; -1 if none. */
static long project_row(const struct tl_view *v, long row, int dir)
{
	for (; row >= 0 && row < (long)v->t.nrows; row += dir)
		if (!is_zone(v, row))
			return row;
	return -1;
}

static void *create(struct app *a, void *old, const struct chart *oc)
{
	(void)oc;
	struct tl_view *v = calloc(1, sizeof *v);
	struct timeline_opts o = {.ascii = a->f == &frame_ascii, .zoom = ZOOM_MONTH};
	if (old)
		o.zoom = ((struct tl_view *)old)->t.o.zoom;
	if (!v || timeline_init(&v->t, a->c, a->s, &o) < 0) {
		free(v);
		return NULL;
	}
	v->p.rows = (long)v->t.nrows;
	if (old) { /* the same rows and days, as near as can be */
		const struct tl_view *ov = old;
		v->p.sel = ov->p.sel < v->p.rows ? ov->p.sel : v->p.rows - 1;
		v->p.top = ov->p.top;
		v->t.from = ov->t.from;
		v->width = ov->width;
	}
	long r = project_row(v, v->p.sel < 0 ? 0 : v->p.sel, 1);
	v->p.sel = r >= 0 ? r : 0;
	return v;
}

static void destroy(void *st)
{
	struct tl_view *v = st;
	timeline_free(&v->t);
	free(v);
}

static void draw(void *st, struct app *a, struct grid *g, int top, int rows)
{
	(void)a;
	struct tl_view *v = st;
	if (!v->width) { /* first drawn: today a little in from the left */
		timeline_centre(&v->t, v->t.s->today, g->w);
		v->width = g->w;
	}
	int body = rows - TIMELINE_HEAD;
	pager_scroll(&v->p, body);
	timeline_draw(g, top, &v->t, v->p.top, body, v->p.sel);
}

static unsigned key(void *st, struct app *a, enum action act, int page)
{
	(void)a;
	struct tl_view *v = st;
	long was = v->p.sel, r;
	switch (act) {
	case ACT_DOWN:
	case ACT_UP:
		r = project_row(v, v->p.sel + (act == ACT_DOWN ? 1 : -1), act == ACT_DOWN ? 1 : -1);
		if (r >= 0)
			v->p.sel = r;
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
	case ACT_FIRST:
	case ACT_LAST:
		pager_key(&v->p, act, page - TIMELINE_HEAD);
		r = project_row(v, v->p.sel, act == ACT_PAGE_UP || act == ACT_FIRST ? 1 : -1);
		if (r < 0)
			r = project_row(v, v->p.sel, act == ACT_PAGE_UP || act == ACT_FIRST ? -1 : 1);
		v->p.sel = r >= 0 ? r : was;
		break;
	case ACT_RIGHT: timeline_scroll(&v->t, 1); return H_HANDLED;
	case ACT_LEFT: timeline_scroll(&v->t, -1); return H_HANDLED;
	case ACT_TODAY: timeline_centre(&v->t, v->t.s->today, v->width); return H_HANDLED;
	case ACT_EXPAND:
	case ACT_COLLAPSE: {
		enum zoom z = v->t.o.zoom;
		if (act == ACT_EXPAND && z > ZOOM_WEEK)
			z--;
		else if (act == ACT_COLLAPSE && z < ZOOM_QUARTER)
			z++;
		timeline_zoom(&v->t, z, v->t.s->today, v->width);
		app_say(a, "%s", z == ZOOM_WEEK ? _("by week") : z == ZOOM_MONTH ? _("by month") : _("by quarter"));
		return H_HANDLED;
	}
	case ACT_ENTER: return H_HANDLED | H_OPEN;
	default: return 0;
	}
	return H_HANDLED;
}

struct tl_match {
	const struct tl_view *v;
	const struct app *a;
	const struct matcher *m;
};

/* A project's row matches by its name, owner, note, or any of its
 * milestones (a date query finds the projects with something due then). */
static int row_matches(long row, void *ctx)
{
	const struct tl_match *tm = ctx;
	uint32_t r = tm->v->t.rows[row];
	if (r & TIMELINE_ZONE)
		return 0;
	const struct chart *c = tm->a->c;
	if (matcher_item(tm->m, c, KIND_PROJECT, r))
		return 1;
	const struct project *p = &c->projects[r];
	for (uint32_t i = p->ms_first; i < p->ms_first + p->ms_count; i++)
		if (matcher_item(tm->m, c, KIND_MILESTONE, i))
			return 1;
	return 0;
}

static int find(void *st, struct app *a, const struct matcher *m, int dir, int here)
{
	if (matcher_misses_chart(m)) /* no row can match: none is looked at */
		return 0;
	struct tl_view *v = st;
	struct tl_match tm = {v, a, m};
	return pager_find(&v->p, dir, here, row_matches, &tm);
}

static int current(void *st, struct app *a, enum kind *k, uint32_t *i)
{
	(void)a;
	const struct tl_view *v = st;
	if (!v->t.nrows)
		return 0;
	uint32_t r = v->t.rows[v->p.sel];
	*k = r & TIMELINE_ZONE ? KIND_ZONE : KIND_PROJECT;
	*i = r & ~TIMELINE_ZONE;
	return 1;
}

/* Opened from another view: the row of the item the user was on. */
static int show(void *st, struct app *a, enum kind k, uint32_t i)
{
	struct tl_view *v = st;
	const struct chart *c = a->c;
	uint32_t project = k == KIND_PROJECT ? i : k == KIND_MILESTONE ? milestone_project(c, i)
		: k == KIND_TARGET ? c->targets[i].project : NONE;
	uint32_t zone = project != NONE ? c->projects[project].zone : k == KIND_ZONE ? i
		: k == KIND_TARGET ? c->targets[i].zone : NONE;
	for (long row = 0; row < (long)v->t.nrows; row++) {
		uint32_t r = v->t.rows[row];
		if ((project != NONE && r == project) || (project == NONE && r == (zone | TIMELINE_ZONE))) {
			long p = project_row(v, row, 1);
			v->p.sel = p >= 0 ? p : row;
			return 0;
		}
	}
	return 0;
}

static const struct hint hints[] = {
	{ACT_DOWN, ACT_UP, N_("projects")}, {ACT_LEFT, ACT_RIGHT, N_("time")}, {ACT_EXPAND, ACT_COLLAPSE, N_("zoom")},
	{ACT_TODAY, ACT_NONE, NULL}, {ACT_ENTER, ACT_NONE, N_("browse")}, {ACT_SEARCH, ACT_NONE, NULL},
	{ACT_CLOSE, ACT_NONE, N_("back")}, {ACT_NONE, ACT_NONE, NULL},
};

const struct view_ops view_timeline = {
	.name = "timeline", .title = N_("timeline"), .opener = ACT_TIMELINE, .hints = hints,
	.create = create, .destroy = destroy, .draw = draw, .key = key, .find = find,
	.save = pager_save, .restore = pager_restore, .current = current, .show = show, .log = NULL,
};
