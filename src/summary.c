#include "config.h"
#include "summary.h"

#include <stdlib.h>
#include <string.h>

static const struct chart *sort_chart; /* qsort has no context argument */

static int by_due(const void *a, const void *b)
{
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
	day_t x = sort_chart->milestones[i].due, y = sort_chart->milestones[j].due;
	if (x != y)
		return x < y ? -1 : 1;
	return i < j ? -1 : i > j; /* then in file order */
}

static void add(struct roll *to, const struct roll *from)
{
	to->projects += from->projects;
	to->milestones += from->milestones;
	to->overdue += from->overdue;
	to->soon += from->soon;
	to->done += from->done;
	to->done_late += from->done_late;
	to->paused += from->paused;
	if (from->next != DAY_NONE && (to->next == DAY_NONE || from->next < to->next))
		to->next = from->next;
}

int summary_build(struct summary *s, const struct chart *c, day_t today, int soon_days)
{
	memset(s, 0, sizeof *s);
	s->today = today;
	s->soon_days = soon_days;
	s->all.next = DAY_NONE;
	s->zones = malloc((c->nzones + 1) * sizeof *s->zones);
	s->projects = calloc(c->nprojects + 1, sizeof *s->projects);
	size_t no = 0, ns = 0;
	for (size_t i = 0; i < c->nmilestones; i++) {
		enum ms_state st = milestone_state(&c->milestones[i], today, soon_days);
		no += st == MS_OVERDUE;
		ns += st == MS_SOON;
	}
	s->overdue = malloc((no + 1) * sizeof *s->overdue);
	s->due_soon = malloc((ns + 1) * sizeof *s->due_soon);
	if (!s->zones || !s->projects || !s->overdue || !s->due_soon) {
		summary_free(s);
		return -1;
	}
	for (size_t z = 0; z < c->nzones; z++)
		s->zones[z] = (struct roll){.projects = c->zones[z].proj_count, .next = DAY_NONE};
	for (size_t i = 0; i < c->nmilestones; i++) {
		const struct milestone *m = &c->milestones[i];
		struct roll *r = &s->zones[c->projects[m->project].zone];
		enum ms_state st = milestone_state(m, today, soon_days);
		r->milestones++;
		switch (st) {
		case MS_OVERDUE:
			r->overdue++;
			s->projects[m->project].overdue++;
			s->overdue[s->noverdue++] = (uint32_t)i;
			break;
		case MS_SOON:
			r->soon++;
			s->projects[m->project].soon++;
			s->due_soon[s->nsoon++] = (uint32_t)i;
			break;
		case MS_DONE: r->done++; break;
		case MS_DONE_LATE: r->done++; r->done_late++; break;
		case MS_PAUSED: r->paused++; break;
		default: break;
		}
		if ((st == MS_SOON || st == MS_OPEN) && (r->next == DAY_NONE || m->due < r->next))
			r->next = m->due;
	}
	/* Pre-order: children come after their parent, so adding each zone to
	 * its parent from the end rolls sub-zones up in one pass. */
	for (size_t z = c->nzones; z-- > 0;) {
		if (c->zones[z].parent != NONE)
			add(&s->zones[c->zones[z].parent], &s->zones[z]);
		else
			add(&s->all, &s->zones[z]);
	}
	sort_chart = c;
	qsort(s->overdue, s->noverdue, sizeof *s->overdue, by_due);
	qsort(s->due_soon, s->nsoon, sizeof *s->due_soon, by_due);
	sort_chart = NULL;
	return 0;
}

void summary_free(struct summary *s)
{
	free(s->zones);
	free(s->projects);
	free(s->overdue);
	free(s->due_soon);
	memset(s, 0, sizeof *s);
}
