/* views: the views of the interactive chart, and what list-like views share.
 * Adding a view is adding its file and one line here. */
#include "config.h"

#include "view.h"

#include <string.h>

extern const struct view_ops view_browse, view_status, view_targets, view_timeline, view_diags, view_help,
	view_changes;

const struct view_ops *const views[] = {
	&view_browse, /* the first: where the chart opens, and q there quits */
	&view_status,
	&view_targets,
	&view_timeline,
	&view_diags,
	&view_changes,
	&view_help,
	NULL,
};

/* NOLINTNEXTLINE(bugprone-sizeof-expression): counting the table's pointers is the point */
_Static_assert(sizeof views / sizeof *views - 1 <= NVIEWS, "the stack has room for every view");

int vs_open(struct view_stack *vs, int i, struct app *a)
{
	for (int d = 0; d < vs->depth; d++)
		if (vs->open[d] == i) {
			vs->depth = d + 1;
			return 0;
		}
	if (!vs->st[i] && !(vs->st[i] = views[i]->create(a, NULL, NULL)))
		return -1;
	/* It opens on the item the user was on, where it shows items. */
	enum kind k;
	uint32_t item;
	if (vs->depth && views[i]->show && vs_top(vs)->current &&
	    vs_top(vs)->current(vs_top_st(vs), a, &k, &item) && views[i]->show(vs->st[i], a, k, item) < 0)
		return -1;
	vs->open[vs->depth++] = i;
	return 0;
}

int vs_remake(struct view_stack *vs, struct app *next, const struct chart *oc)
{
	void *st[NVIEWS] = {0};
	int ok = 1;
	for (int d = 0; d < vs->depth && ok; d++) {
		int i = vs->open[d];
		ok = (st[i] = views[i]->create(next, vs->st[i], oc)) != NULL;
	}
	void **dead = ok ? vs->st : st;
	for (int i = 0; views[i]; i++)
		if (dead[i])
			views[i]->destroy(dead[i]);
	if (!ok)
		return -1;
	memcpy(vs->st, st, sizeof st);
	return 0;
}

void vs_free(struct view_stack *vs)
{
	for (int i = 0; views[i]; i++)
		if (vs->st[i])
			views[i]->destroy(vs->st[i]);
	memset(vs, 0, sizeof *vs);
}

unsigned pager_key(struct pager *p, enum action act, int page)
{
	switch (act) {
	case ACT_DOWN: p->sel++; break;
	case ACT_UP: p->sel--; break;
	case ACT_PAGE_DOWN: p->sel += page; break;
	case ACT_PAGE_UP: p->sel -= page; break;
	case ACT_FIRST: p->sel = 0; break;
	case ACT_LAST: p->sel = p->rows - 1; break;
	default: return 0;
	}
	if (p->sel >= p->rows)
		p->sel = p->rows - 1;
	if (p->sel < 0)
		p->sel = 0;
	return H_HANDLED;
}

void pager_scroll(struct pager *p, int shown)
{
	if (shown < 1)
		shown = 1;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + shown)
		p->top = p->sel - shown + 1;
	if (p->top + shown > p->rows) /* room at the bottom: show the rows above */
		p->top = p->rows > shown ? p->rows - shown : 0;
	if (p->top < 0)
		p->top = 0;
}

int pager_find(struct pager *p, int dir, int here, int (*match)(long row, void *ctx), void *ctx)
{
	long n = p->rows;
	for (long k = here ? 0 : 1; n > 0 && k <= n; k++) {
		long row = ((p->sel + dir * k) % n + n) % n;
		if (match(row, ctx)) {
			p->sel = row;
			return 1;
		}
	}
	return 0;
}

void pager_save(void *st, struct view_pos *pos)
{
	const struct pager *p = st;
	*pos = (struct view_pos){{(uint32_t)p->sel, (uint32_t)p->top, 0, 0}};
}

void pager_restore(void *st, struct app *a, const struct view_pos *pos)
{
	(void)a;
	struct pager *p = st;
	p->sel = (long)pos->v[0] < p->rows ? (long)pos->v[0] : p->rows > 0 ? p->rows - 1 : 0;
	p->top = (long)pos->v[1] <= p->sel ? (long)pos->v[1] : p->sel;
}
