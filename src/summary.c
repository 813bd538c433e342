#include "config.h"
#include "summary.h"

#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct chart *sort_chart; /* qsort has no context argument */

static int by_due(const void *a, const void *b)
{
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
	day_t x = milestone_due(sort_chart, &sort_chart->milestones[i]),
	      y = milestone_due(sort_chart, &sort_chart->milestones[j]);
	if (x != y)
		return x < y ? -1 : 1;
	return i < j ? -1 : i > j; /* then in file order */
}

/* Sorts milestone indices by due date, then in file order: the lists are
 * gathered in file order, so a stable counting sort over the dates gives
 * that order at the cost of two passes (53,000 overdue milestones of the
 * 200k bench chart: a tenth of what qsort() took). Dates spread too far
 * for a count per day go to qsort(). */
static void sort_by_due(uint32_t *v, size_t n, const struct chart *c)
{
	if (n < 2)
		return;
	/* v[0 .. n) were written by summary_build (n counts them); the analyser
	 * loses that count. */
	day_t lo = milestone_due(c, &c->milestones[v[0]]), hi = lo; /* NOLINT(clang-analyzer-core.uninitialized.ArraySubscript) */
	for (size_t i = 1; i < n; i++) {
		day_t d = milestone_due(c, &c->milestones[v[i]]);
		lo = d < lo ? d : lo;
		hi = d > hi ? d : hi;
	}
	size_t span = (size_t)((long long)hi - lo) + 1;
	uint32_t *count = span <= 4 * n + 4096 ? calloc(span + 1, sizeof *count) : NULL;
	uint32_t *out = count ? malloc(n * sizeof *out) : NULL;
	if (!out) {
		free(count);
		sort_chart = c;
		qsort(v, n, sizeof *v, by_due);
		sort_chart = NULL;
		return;
	}
	for (size_t i = 0; i < n; i++)
		count[milestone_due(c, &c->milestones[v[i]]) - lo + 1]++;
	for (size_t k = 1; k <= span; k++) /* count[k]: how many are due before day lo + k */
		count[k] += count[k - 1];
	for (size_t i = 0; i < n; i++)
		out[count[milestone_due(c, &c->milestones[v[i]]) - lo]++] = v[i];
	memcpy(v, out, n * sizeof *v);
	free(out);
	free(count);
}

static void add(struct roll *to, const struct roll *from)
{
	/* Every roll is set before it is added to (a project's or target's zone
	 * is always one of the chart's: the model's invariant, out of the
	 * analyser's sight). */
	to->targets += from->targets; /* NOLINT(clang-analyzer-core.uninitialized.Assign) */
	to->behind += from->behind;
	to->postponed += from->postponed;
	to->investment += from->investment;
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

int summary_build(struct summary *s, const struct chart *c, day_t today, int soon_days,
		  const struct changes *ch)
{
	memset(s, 0, sizeof *s);
	s->changes = ch;
	s->today = today;
	s->soon_days = soon_days;
	s->all.next = DAY_NONE;
	s->zones = malloc((c->nzones + 1) * sizeof *s->zones);
	s->projects = malloc((c->nprojects + 1) * sizeof *s->projects);
	s->targets = malloc((c->ntargets + 1) * sizeof *s->targets);
	s->target_order = malloc((c->ntargets + 1) * sizeof *s->target_order);
	size_t no = 0, ns = 0;
	for (size_t i = 0; i < c->nmilestones; i++) {
		enum ms_state st = milestone_state(c, &c->milestones[i], today, soon_days);
		no += st == MS_OVERDUE;
		ns += st == MS_SOON;
	}
	s->overdue = malloc((no + 1) * sizeof *s->overdue);
	s->due_soon = malloc((ns + 1) * sizeof *s->due_soon);
	if (!s->zones || !s->projects || !s->targets || !s->target_order || !s->overdue || !s->due_soon) {
		summary_free(s);
		return -1;
	}
	for (size_t z = 0; z < c->nzones; z++)
		s->zones[z] = (struct roll){.next = DAY_NONE};
	for (size_t p = 0; p < c->nprojects; p++) {
		double inv = c->projects[p].investment;
		s->projects[p] = (struct roll){.projects = 1, .next = DAY_NONE, .investment = isnan(inv) ? 0 : inv};
	}
	/* Each project's milestones are a range, in order: by project, they
	 * are visited in file order too. */
	for (size_t p = 0; p < c->nprojects; p++)
	for (size_t i = c->projects[p].ms_first; i < c->projects[p].ms_first + c->projects[p].ms_count; i++) {
		const struct milestone *m = &c->milestones[i];
		struct roll *r = &s->projects[p];
		enum ms_state st = milestone_state(c, m, today, soon_days);
		day_t due = milestone_due(c, m);
		r->milestones++;
		r->postponed += ch && ch->slip[i] > 0;
		switch (st) {
		case MS_OVERDUE:
			r->overdue++;
			s->overdue[s->noverdue++] = (uint32_t)i;
			break;
		case MS_SOON:
			r->soon++;
			s->due_soon[s->nsoon++] = (uint32_t)i;
			break;
		case MS_DONE: r->done++; break;
		case MS_DONE_LATE: r->done++; r->done_late++; break;
		case MS_PAUSED: r->paused++; break;
		default: break;
		}
		if ((st == MS_SOON || st == MS_OPEN) && (r->next == DAY_NONE || due < r->next))
			r->next = due;
	}
	for (size_t i = 0; i < c->ntargets; i++) {
		const struct target *t = &c->targets[i];
		s->targets[i] = pace_judge(t, today);
		struct roll *r = t->project != NONE ? &s->projects[t->project] : &s->zones[t->zone];
		r->targets++; /* NOLINT(clang-analyzer-core.uninitialized.Assign): see add() */
		r->behind += pace_bad(s->targets[i].v);
	}
	size_t k = 0;
	for (size_t z = 0; z < c->nzones; z++) {
		const struct zone *zn = &c->zones[z];
		for (uint32_t t = 0; t < zn->tgt_count; t++)
			s->target_order[k++] = zn->tgt_first + t;
		for (uint32_t p = zn->proj_first; p < zn->proj_first + zn->proj_count; p++)
			for (uint32_t t = 0; t < c->projects[p].tgt_count; t++)
				s->target_order[k++] = c->projects[p].tgt_first + t;
	}
	/* A project's roll goes to its zone; then, pre-order, each zone to its
	 * parent from the end: sub-zones roll up in one pass. */
	for (size_t p = 0; p < c->nprojects; p++)
		add(&s->zones[c->projects[p].zone], &s->projects[p]);
	for (size_t z = c->nzones; z-- > 0;) {
		if (c->zones[z].parent != NONE)
			add(&s->zones[c->zones[z].parent], &s->zones[z]);
		else
			add(&s->all, &s->zones[z]);
	}
	sort_by_due(s->overdue, s->noverdue, c);
	sort_by_due(s->due_soon, s->nsoon, c);
	s->widths = report_widths_build(c, s);
	return 0;
}

void summary_free(struct summary *s)
{
	free(s->zones);
	free(s->projects);
	free(s->targets);
	free(s->target_order);
	free(s->overdue);
	free(s->due_soon);
	report_widths_free(s->widths);
	memset(s, 0, sizeof *s);
}
