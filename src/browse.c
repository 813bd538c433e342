#include "config.h"
#include "browse.h"

#include <stdlib.h>
#include <string.h>

static int push(struct list *l, uint32_t v)
{
	void *a = l->v;
	if (grow(&a, &l->cap, l->n, sizeof *l->v) < 0)
		return -1;
	l->v = a;
	l->v[l->n++] = v;
	return 0;
}

int browse_init(struct browse *b, const struct chart *c, const struct summary *s)
{
	memset(b, 0, sizeof *b);
	b->c = c;
	b->s = s;
	b->collapsed = calloc(c->nzones + 1, 1);
	return b->collapsed ? browse_refresh(b) : -1;
}

void browse_free(struct browse *b)
{
	for (int p = 0; p < PANE_COUNT; p++)
		free(b->list[p].v);
	free(b->collapsed);
	memset(b, 0, sizeof *b);
}

uint32_t browse_selected(const struct browse *b, enum pane p)
{
	const struct list *l = &b->list[p];
	return l->sel < l->n ? l->v[l->sel] : NONE;
}

uint32_t browse_current(const struct browse *b, enum pane *pane)
{
	for (int p = b->focus; p >= 0; p--) {
		uint32_t v = browse_selected(b, (enum pane)p);
		if (v != NONE) {
			*pane = (enum pane)p;
			return v;
		}
	}
	return NONE;
}

int browse_has_children(const struct browse *b, uint32_t z)
{
	return b->c->zones[z].end > z + 1;
}

const char *sort_name(enum sort s)
{
	static const char *const names[] = {"截止", "名称", "状态"};
	return names[s];
}

static int hot_zone(const struct browse *b, uint32_t z)
{
	return b->s->zones[z].overdue + b->s->zones[z].soon > 0;
}

static int hot_milestone(const struct browse *b, uint32_t m)
{
	enum ms_state st = milestone_state(&b->c->milestones[m], b->s->today, b->s->soon_days);
	return st == MS_OVERDUE || st == MS_SOON;
}

/* Puts the selection on `want` if the list holds it, else keeps the row. */
static void keep(struct list *l, uint32_t want, size_t old_row)
{
	for (size_t i = 0; want != NONE && i < l->n; i++)
		if (l->v[i] == want) {
			l->sel = i;
			return;
		}
	l->sel = old_row < l->n ? old_row : l->n ? l->n - 1 : 0;
}

static int state_rank(const struct browse *b, uint32_t m)
{
	/* What needs attention first: overdue, due soon, open, then the rest. */
	static const int rank[] = {[MS_OVERDUE] = 0, [MS_SOON] = 1, [MS_OPEN] = 2,
				   [MS_INVALID] = 3, [MS_DONE_LATE] = 4, [MS_DONE] = 5,
				   [MS_DROPPED] = 6};
	return rank[milestone_state(&b->c->milestones[m], b->s->today, b->s->soon_days)];
}

static const struct browse *sort_b; /* qsort has no context argument */

static int by_sort(const void *pa, const void *pb)
{
	uint32_t i = *(const uint32_t *)pa, j = *(const uint32_t *)pb;
	const struct milestone *x = &sort_b->c->milestones[i], *y = &sort_b->c->milestones[j];
	int r = 0;
	if (sort_b->sort == SORT_NAME)
		r = strcmp(chart_str(sort_b->c, x->name), chart_str(sort_b->c, y->name));
	else if (sort_b->sort == SORT_STATUS)
		r = state_rank(sort_b, i) - state_rank(sort_b, j);
	if (r == 0 && x->due != y->due) /* due date orders ties (and is the default) */
		r = x->due == DAY_NONE ? 1 : y->due == DAY_NONE ? -1 : x->due < y->due ? -1 : 1;
	return r ? r : (i < j ? -1 : i > j);
}

static int build_milestones(struct browse *b)
{
	struct list *l = &b->list[PANE_MILESTONES];
	uint32_t was = browse_selected(b, PANE_MILESTONES);
	size_t row = l->sel;
	l->n = 0;
	uint32_t p = browse_selected(b, PANE_PROJECTS);
	if (p != NONE) {
		const struct project *pr = &b->c->projects[p];
		for (uint32_t m = pr->ms_first; m < pr->ms_first + pr->ms_count; m++)
			if ((!b->filter || hot_milestone(b, m)) && push(l, m) < 0)
				return -1;
		sort_b = b;
		qsort(l->v, l->n, sizeof *l->v, by_sort);
		sort_b = NULL;
	}
	keep(l, was, row);
	return 0;
}

static int build_projects(struct browse *b)
{
	struct list *l = &b->list[PANE_PROJECTS];
	uint32_t was = browse_selected(b, PANE_PROJECTS);
	size_t row = l->sel;
	l->n = 0;
	uint32_t z = browse_selected(b, PANE_ZONES);
	if (z != NONE) {
		const struct zone *zn = &b->c->zones[z];
		for (uint32_t p = zn->proj_first; p < zn->proj_first + zn->proj_count; p++)
			if ((!b->filter || b->s->projects[p].overdue + b->s->projects[p].soon) &&
			    push(l, p) < 0)
				return -1;
	}
	keep(l, was, row);
	return build_milestones(b);
}

int browse_refresh(struct browse *b)
{
	struct list *l = &b->list[PANE_ZONES];
	uint32_t was = browse_selected(b, PANE_ZONES);
	size_t row = l->sel;
	l->n = 0;
	for (uint32_t z = 0; z < b->c->nzones;) {
		if (b->filter && !hot_zone(b, z)) { /* its sub-zones are not hot either */
			z = b->c->zones[z].end;
			continue;
		}
		if (push(l, z) < 0)
			return -1;
		z = b->collapsed[z] ? b->c->zones[z].end : z + 1;
	}
	keep(l, was, row);
	return build_projects(b);
}

int browse_select(struct browse *b, enum pane p, long row)
{
	struct list *l = &b->list[p];
	if (row >= (long)l->n)
		row = (long)l->n - 1;
	if (row < 0)
		row = 0;
	if ((size_t)row == l->sel)
		return 0;
	l->sel = (size_t)row;
	if (p == PANE_ZONES) {
		b->list[PANE_PROJECTS].sel = 0;
		b->list[PANE_PROJECTS].top = 0;
		b->list[PANE_MILESTONES].sel = b->list[PANE_MILESTONES].top = 0;
		b->list[PANE_PROJECTS].n = 0; /* a new zone: start at its top */
		return build_projects(b);
	}
	if (p == PANE_PROJECTS) {
		b->list[PANE_MILESTONES].sel = b->list[PANE_MILESTONES].top = 0;
		b->list[PANE_MILESTONES].n = 0;
		return build_milestones(b);
	}
	return 0;
}

int browse_fold(struct browse *b, int open)
{
	uint32_t z = browse_selected(b, PANE_ZONES);
	if (z == NONE || !browse_has_children(b, z))
		return 0;
	int closed = open < 0 ? !b->collapsed[z] : !open;
	if (b->collapsed[z] == closed)
		return 0;
	b->collapsed[z] = (uint8_t)closed;
	return browse_refresh(b);
}

int browse_reveal(struct browse *b, uint32_t zone, uint32_t project, uint32_t milestone)
{
	if (zone >= b->c->nzones)
		return browse_refresh(b);
	/* Unfold its ancestors; a match that the filter hides turns it off. */
	for (uint32_t p = b->c->zones[zone].parent; p != NONE; p = b->c->zones[p].parent)
		b->collapsed[p] = 0;
	if (b->filter && ((milestone != NONE && !hot_milestone(b, milestone)) ||
			  (project != NONE && !(b->s->projects[project].overdue + b->s->projects[project].soon)) ||
			  !hot_zone(b, zone)))
		b->filter = 0;
	if (browse_refresh(b) < 0)
		return -1;
	struct list *zl = &b->list[PANE_ZONES];
	for (size_t i = 0; i < zl->n; i++)
		if (zl->v[i] == zone && browse_select(b, PANE_ZONES, (long)i) < 0)
			return -1;
	b->focus = PANE_ZONES;
	if (project != NONE) {
		struct list *pl = &b->list[PANE_PROJECTS];
		for (size_t i = 0; i < pl->n; i++)
			if (pl->v[i] == project && browse_select(b, PANE_PROJECTS, (long)i) < 0)
				return -1;
		b->focus = PANE_PROJECTS;
	}
	if (milestone != NONE) {
		struct list *ml = &b->list[PANE_MILESTONES];
		for (size_t i = 0; i < ml->n; i++)
			if (ml->v[i] == milestone)
				ml->sel = i;
		b->focus = PANE_MILESTONES;
	}
	return 0;
}
