#include "config.h"
#include "i18n.h"
#include "browse.h"

#include <stdlib.h>
#include <string.h>

#include "relocate.h"

static int push(struct list *l, uint32_t v)
{
	void *a = l->v;
	if (grow(&a, &l->cap, l->n, sizeof *l->v) < 0)
		return -1;
	l->v = a;
	l->v[l->n++] = v;
	return 0;
}

static const char *const sorts[SORT_COUNT] = {
	[SORT_DUE] = N_("due date"),
	[SORT_NAME] = N_("name"),
	[SORT_STATUS] = N_("status"),
};

const char *sort_name(enum sort s) { return _(sorts[s]); }

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

struct hit browse_here(const struct browse *b)
{
	struct hit h = {browse_selected(b, PANE_ZONES), NONE, NONE};
	if (h.zone == NONE)
		return h;
	if (b->focus >= PANE_PROJECTS)
		h.project = browse_selected(b, PANE_PROJECTS);
	if (b->focus == PANE_MILESTONES && h.project != NONE)
		h.milestone = browse_selected(b, PANE_MILESTONES);
	return h;
}

int browse_has_children(const struct browse *b, uint32_t z)
{
	return b->c->zones[z].end > z + 1;
}

int browse_hot(const struct browse *b, enum pane p, uint32_t v)
{
	if (p == PANE_ZONES)
		return roll_bad(&b->s->zones[v]) || b->s->zones[v].soon;
	if (p == PANE_PROJECTS)
		return roll_bad(&b->s->projects[v]) || b->s->projects[v].soon;
	enum ms_state st = milestone_state(b->c, &b->c->milestones[v], b->s->today, b->s->soon_days);
	return st == MS_OVERDUE || st == MS_SOON || (b->s->changes && b->s->changes->slip[v] > 0);
}

void browse_scroll(struct list *l, int rows)
{
	if (rows < 1)
		rows = 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)rows)
		l->top = l->sel - (size_t)rows + 1;
	if (l->top + (size_t)rows > l->n) /* room at the bottom: show the rows above */
		l->top = l->n > (size_t)rows ? l->n - (size_t)rows : 0;
}

/* ---- building the lists --------------------------------------------- */

static int state_rank(const struct browse *b, uint32_t m)
{
	/* What needs attention first: overdue, due soon, open, then the rest. */
	static const int rank[] = {[MS_OVERDUE] = 0, [MS_SOON] = 1, [MS_OPEN] = 2,
				   [MS_INVALID] = 3, [MS_PAUSED] = 4, [MS_DONE_LATE] = 5,
				   [MS_DONE] = 6, [MS_DROPPED] = 7};
	return rank[milestone_state(b->c, &b->c->milestones[m], b->s->today, b->s->soon_days)];
}

static const struct browse *sort_b; /* qsort has no context argument */

static int by_sort(const void *pa, const void *pb)
{
	uint32_t i = *(const uint32_t *)pa, j = *(const uint32_t *)pb;
	const struct milestone *x = &sort_b->c->milestones[i], *y = &sort_b->c->milestones[j];
	int r = 0;
	if (sort_b->sort == SORT_NAME)
		r = strcmp(chart_str(sort_b->c, x->it.name), chart_str(sort_b->c, y->it.name));
	else if (sort_b->sort == SORT_STATUS)
		r = state_rank(sort_b, i) - state_rank(sort_b, j);
	day_t dx = milestone_due(sort_b->c, x), dy = milestone_due(sort_b->c, y);
	if (r == 0 && dx != dy) /* due date orders ties (and is the default) */
		r = dx == DAY_NONE ? 1 : dy == DAY_NONE ? -1 : dx < dy ? -1 : 1;
	return r ? r : (i < j ? -1 : i > j);
}

/* A project's milestones as shown: filtered, sorted. */
static int milestones_of(const struct browse *b, uint32_t p, struct list *l)
{
	l->n = 0;
	const struct project *pr = &b->c->projects[p];
	for (uint32_t m = pr->ms_first; m < pr->ms_first + pr->ms_count; m++)
		if ((!b->filter || browse_hot(b, PANE_MILESTONES, m)) && push(l, m) < 0)
			return -1;
	sort_b = b;
	if (l->n > 1) /* an empty list has no array */
		qsort(l->v, l->n, sizeof *l->v, by_sort);
	sort_b = NULL;
	return 0;
}

/* Puts the selection on `want` if the list holds it, else on the row it had. */
static void keep(struct list *l, uint32_t want, size_t old_row)
{
	for (size_t i = 0; want != NONE && i < l->n; i++)
		if (l->v[i] == want) {
			l->sel = i;
			return;
		}
	l->sel = old_row < l->n ? old_row : l->n ? l->n - 1 : 0;
}

/* Rebuilds pane p of `nb` from what is selected to its left, keeping the
 * selection of `ob`'s pane p where it can; then the panes to its right. */
static int build(struct browse *nb, const struct browse *ob, enum pane p)
{
	struct list *l = &nb->list[p];
	uint32_t was = browse_selected(ob, p);
	size_t row = ob->list[p].sel;
	l->n = 0;
	l->top = ob->list[p].top;
	if (p == PANE_ZONES) {
		for (uint32_t z = 0; z < nb->c->nzones;) {
			if (nb->filter && !browse_hot(nb, PANE_ZONES, z)) { /* nor are its sub-zones */
				z = nb->c->zones[z].end;
				continue;
			}
			if (push(l, z) < 0)
				return -1;
			z = nb->collapsed[z] ? nb->c->zones[z].end : z + 1;
		}
	} else if (p == PANE_PROJECTS) {
		uint32_t z = browse_selected(nb, PANE_ZONES);
		const struct zone *zn = z != NONE ? &nb->c->zones[z] : NULL;
		for (uint32_t i = 0; zn && i < zn->proj_count; i++)
			if ((!nb->filter || browse_hot(nb, PANE_PROJECTS, zn->proj_first + i)) &&
			    push(l, zn->proj_first + i) < 0)
				return -1;
	} else {
		uint32_t pr = browse_selected(nb, PANE_PROJECTS);
		if (pr != NONE && milestones_of(nb, pr, l) < 0)
			return -1;
	}
	keep(l, was, row);
	return p + 1 < PANE_COUNT ? build(nb, ob, p + 1) : 0;
}

/* Rebuilds the panes from p on into new lists; swaps them in when all are
 * built. A pane to the right of one whose selection moved starts at its top. */
static int rebuild_from(struct browse *b, enum pane p, int fresh_right)
{
	struct browse nb = *b, ob = *b;
	for (int q = (int)p; q < PANE_COUNT; q++) {
		nb.list[q] = (struct list){0};
		if (fresh_right && q > (int)p)
			ob.list[q] = (struct list){0}; /* nothing to keep: a new zone or project */
	}
	int r = build(&nb, &ob, p);
	for (int q = (int)p; q < PANE_COUNT; q++) {
		struct list *dead = r == 0 ? &b->list[q] : &nb.list[q];
		free(dead->v);
		if (r == 0)
			b->list[q] = nb.list[q];
	}
	return r;
}

int browse_refresh(struct browse *b)
{
	return rebuild_from(b, PANE_ZONES, 0);
}

struct browse *browse_new(const struct chart *c, const struct summary *s, const struct browse *old,
			  const struct chart *oc)
{
	struct browse *b = calloc(1, sizeof *b);
	if (!b || !(b->collapsed = calloc(c->nzones + 1, 1))) {
		free(b);
		return NULL;
	}
	b->c = c;
	b->s = s;
	if (!old) {
		if (browse_refresh(b) < 0)
			goto fail;
		return b;
	}
	b->focus = old->focus;
	b->sort = old->sort;
	b->filter = old->filter;
	struct hit h = {browse_selected(old, PANE_ZONES), browse_selected(old, PANE_PROJECTS),
			browse_selected(old, PANE_MILESTONES)};
	struct hit n = {NONE, NONE, NONE};
	if (c == oc) { /* a new day: the same items */
		memcpy(b->collapsed, old->collapsed, c->nzones);
		n = h;
	} else {
		for (uint32_t z = 0; z < oc->nzones; z++) {
			uint32_t m;
			if (old->collapsed[z] && (m = relocate_zone(c, oc, z)) != NONE)
				b->collapsed[m] = 1;
		}
		if (h.zone != NONE)
			n.zone = relocate_zone(c, oc, h.zone);
		if (n.zone != NONE && h.project != NONE)
			n.project = relocate_item(c, KIND_PROJECT, c->zones[n.zone].proj_first,
						  c->zones[n.zone].proj_count, oc, h.project);
		if (n.project != NONE && h.milestone != NONE)
			n.milestone = relocate_item(c, KIND_MILESTONE, c->projects[n.project].ms_first,
						    c->projects[n.project].ms_count, oc, h.milestone);
	}
	/* Start from the old rows and scroll, then put the cursor on the same
	 * items; what is gone leaves its row to its neighbour. */
	for (int p = 0; p < PANE_COUNT; p++) {
		b->list[p].sel = old->list[p].sel;
		b->list[p].top = old->list[p].top;
	}
	if (browse_refresh(b) < 0)
		goto fail;
	if (n.zone != NONE) {
		enum pane focus = b->focus;
		if (browse_reveal(b, n) < 0)
			goto fail;
		if (n.project == NONE && browse_select(b, PANE_PROJECTS, (long)old->list[PANE_PROJECTS].sel) < 0)
			goto fail;
		if (n.project != NONE && n.milestone == NONE &&
		    browse_select(b, PANE_MILESTONES, (long)old->list[PANE_MILESTONES].sel) < 0)
			goto fail;
		b->focus = focus;
	}
	return b;
fail:
	browse_delete(b);
	return NULL;
}

void browse_delete(struct browse *b)
{
	if (!b)
		return;
	for (int p = 0; p < PANE_COUNT; p++)
		free(b->list[p].v);
	free(b->collapsed);
	free(b);
}

int browse_select(struct browse *b, enum pane p, long row)
{
	struct list *l = &b->list[p];
	if (row >= (long)l->n)
		row = (long)l->n - 1;
	if (row < 0)
		row = 0;
	if ((size_t)row == l->sel || p == PANE_MILESTONES) {
		l->sel = (size_t)row;
		return 0;
	}
	size_t was = l->sel;
	l->sel = (size_t)row;
	if (rebuild_from(b, (enum pane)(p + 1), 1) < 0) {
		l->sel = was;
		return -1;
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
	if (browse_refresh(b) < 0) {
		b->collapsed[z] = (uint8_t)!closed;
		return -1;
	}
	return 0;
}

/* Selects item v in pane p if the pane shows it. */
static int select_item(struct browse *b, enum pane p, uint32_t v)
{
	struct list *l = &b->list[p];
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] == v)
			return browse_select(b, p, (long)i);
	return 0;
}

int browse_reveal(struct browse *b, struct hit h)
{
	if (h.zone >= b->c->nzones)
		return 0;
	int refold = 0; /* unfold its ancestors */
	for (uint32_t p = b->c->zones[h.zone].parent; p != NONE; p = b->c->zones[p].parent)
		if (b->collapsed[p]) {
			b->collapsed[p] = 0;
			refold = 1;
		}
	if (refold && browse_refresh(b) < 0)
		return -1;
	if (select_item(b, PANE_ZONES, h.zone) < 0)
		return -1;
	b->focus = PANE_ZONES;
	if (h.project != NONE) {
		if (select_item(b, PANE_PROJECTS, h.project) < 0)
			return -1;
		b->focus = PANE_PROJECTS;
	}
	if (h.milestone != NONE) {
		if (select_item(b, PANE_MILESTONES, h.milestone) < 0)
			return -1;
		b->focus = PANE_MILESTONES;
	}
	return 0;
}

/* ---- finding, in the order shown ------------------------------------ */

/* The places of zone z in the order shown: the zone, each project the
 * filter shows, each followed by its milestones as sorted. */
static int zone_places(const struct browse *b, uint32_t z, struct hit **v, size_t *n, size_t *cap,
		       struct list *scratch)
{
	*n = 0;
	const struct zone *zn = &b->c->zones[z];
	size_t need = 1 + zn->proj_count;
	for (uint32_t p = zn->proj_first; p < zn->proj_first + zn->proj_count; p++)
		need += b->c->projects[p].ms_count;
	if (need > *cap) {
		struct hit *nv = realloc(*v, need * sizeof **v);
		if (!nv)
			return -1;
		*v = nv;
		*cap = need;
	}
	/* *v is NULL only while *cap is 0, and need is at least 1: the analyser
	 * does not see that the realloc above then always runs. */
	(*v)[(*n)++] = (struct hit){z, NONE, NONE}; /* NOLINT(clang-analyzer-core.NullDereference) */
	for (uint32_t p = zn->proj_first; p < zn->proj_first + zn->proj_count; p++) {
		if (b->filter && !browse_hot(b, PANE_PROJECTS, p))
			continue;
		(*v)[(*n)++] = (struct hit){z, p, NONE};
		if (milestones_of(b, p, scratch) < 0)
			return -1;
		for (size_t i = 0; i < scratch->n; i++)
			(*v)[(*n)++] = (struct hit){z, p, scratch->v[i]};
	}
	return 0;
}

/* Does anything the filter shows in zone z (not its sub-zones) match? A
 * quick look, so zones with no match are passed without sorting anything. */
static int zone_matches(const struct browse *b, const struct matcher *m, uint32_t z)
{
	const struct chart *c = b->c;
	if (matcher_item(m, c, KIND_ZONE, z))
		return 1;
	const struct zone *zn = &c->zones[z];
	for (uint32_t p = zn->proj_first; p < zn->proj_first + zn->proj_count; p++) {
		if (b->filter && !browse_hot(b, PANE_PROJECTS, p))
			continue;
		if (matcher_item(m, c, KIND_PROJECT, p))
			return 1;
		const struct project *pr = &c->projects[p];
		for (uint32_t i = pr->ms_first; i < pr->ms_first + pr->ms_count; i++)
			if ((!b->filter || browse_hot(b, PANE_MILESTONES, i)) &&
			    matcher_item(m, c, KIND_MILESTONE, i))
				return 1;
	}
	return 0;
}

static int place_matches(const struct browse *b, const struct matcher *m, struct hit h)
{
	if (h.milestone != NONE)
		return matcher_item(m, b->c, KIND_MILESTONE, h.milestone);
	if (h.project != NONE)
		return matcher_item(m, b->c, KIND_PROJECT, h.project);
	return matcher_item(m, b->c, KIND_ZONE, h.zone);
}

int browse_find(struct browse *b, const struct matcher *m, int dir, int here)
{
	const struct chart *c = b->c;
	if (!c->nzones || !matcher_active(m) || matcher_misses_chart(m))
		return 0;
	struct hit cur = browse_here(b), *v = NULL, found = {NONE, NONE, NONE};
	size_t n = 0, cap = 0;
	struct list scratch = {0};
	int r = 0;
	uint32_t z = cur.zone == NONE ? 0 : cur.zone;
	/* The current zone first, from the cursor on; then the other zones in
	 * turn, each whole; then the current zone again, up to the cursor. */
	for (size_t step = 0; step <= c->nzones && found.zone == NONE; step++) {
		int visible = !b->filter || browse_hot(b, PANE_ZONES, z);
		if (visible && zone_matches(b, m, z)) {
			if (zone_places(b, z, &v, &n, &cap, &scratch) < 0) {
				r = -1;
				break;
			}
			size_t at = 0; /* the cursor's index among the zone's places */
			while (at < n && memcmp(&v[at], &cur, sizeof cur))
				at++;
			for (size_t k = 0; k < n && found.zone == NONE; k++) {
				size_t i = dir > 0 ? k : n - 1 - k;
				int after = dir > 0 ? i > at || (here && i == at) : i < at || (here && i == at);
				int wanted = step == 0 ? after : step == c->nzones ? !after : 1;
				if (at == n) /* the cursor is not in this zone */
					wanted = 1;
				if (wanted && place_matches(b, m, v[i]))
					found = v[i];
			}
		}
		if (dir > 0)
			z = z + 1 < c->nzones ? z + 1 : 0;
		else
			z = z > 0 ? z - 1 : (uint32_t)c->nzones - 1;
	}
	free(v);
	free(scratch.v);
	if (r < 0)
		return -1;
	if (found.zone == NONE)
		return 0;
	return browse_reveal(b, found) < 0 ? -1 : 1;
}
