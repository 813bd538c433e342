#include "config.h"
#include "changes.h"
#include "i18n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "words.h"

/* An item's id path, hashed: its parent's hash, its kind and its id. */
static uint64_t mix(uint64_t h, int kind, const char *id)
{
	h = (h ^ (uint64_t)(kind + 1)) * 1099511628211ull; /* FNV-1a, 64 bits */
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	return (h ^ 0xff) * 1099511628211ull; /* ends the id: "a"+"bc" is not "ab"+"c" */
}

/* The hashes of a chart's zones and projects, from which its milestones'
 * and targets' follow. Zones are in pre-order: a parent before its own. */
struct paths {
	uint64_t *zone, *project;
};

static int paths_make(struct paths *p, const struct chart *c)
{
	p->zone = malloc((c->nzones + 1) * sizeof *p->zone);
	p->project = malloc((c->nprojects + 1) * sizeof *p->project);
	if (!p->zone || !p->project)
		return -1;
	for (size_t z = 0; z < c->nzones; z++) {
		const struct zone *zn = &c->zones[z];
		p->zone[z] = mix(zn->parent == NONE ? 14695981039346656037ull : p->zone[zn->parent], KIND_ZONE,
				 chart_str(c, item_id(c, KIND_ZONE, (uint32_t)z)));
	}
	for (size_t i = 0; i < c->nprojects; i++)
		p->project[i] = mix(p->zone[c->projects[i].zone], KIND_PROJECT,
				    chart_str(c, item_id(c, KIND_PROJECT, (uint32_t)i)));
	return 0;
}

static void paths_free(struct paths *p)
{
	free(p->zone);
	free(p->project);
}

static uint64_t item_hash(const struct paths *p, const struct chart *c, enum kind k, uint32_t i)
{
	if (k == KIND_MILESTONE)
		return mix(p->project[milestone_project(c, i)], k, chart_str(c, item_id(c, k, i)));
	const struct target *t = &c->targets[i];
	return mix(t->project != NONE ? p->project[t->project] : p->zone[t->zone], k, chart_str(c, item_id(c, k, i)));
}

/* Do item x of `a` and item y of `b`, both of kind k, have the same id? */
static int same_id(const struct chart *a, enum kind k, uint32_t x, const struct chart *b, uint32_t y)
{
	return !strcmp(chart_str(a, item_id(a, k, x)), chart_str(b, item_id(b, k, y)));
}

static int same_zone(const struct chart *a, uint32_t x, const struct chart *b, uint32_t y)
{
	for (; x != NONE && y != NONE; x = a->zones[x].parent, y = b->zones[y].parent)
		if (!same_id(a, KIND_ZONE, x, b, y))
			return 0;
	return x == NONE && y == NONE;
}

static int same_project(const struct chart *a, uint32_t x, const struct chart *b, uint32_t y)
{
	return same_id(a, KIND_PROJECT, x, b, y) && same_zone(a, a->projects[x].zone, b, b->projects[y].zone);
}

/* Is item i of `a` item j of `b` (the same id path), beyond a hash? */
static int same_path(const struct chart *a, enum kind k, uint32_t i, const struct chart *b, uint32_t j)
{
	if (k == KIND_MILESTONE)
		return same_id(a, k, i, b, j) && same_project(a, milestone_project(a, i), b, milestone_project(b, j));
	const struct target *x = &a->targets[i], *y = &b->targets[j];
	if (!same_id(a, k, i, b, j) || (x->project == NONE) != (y->project == NONE))
		return 0;
	return x->project != NONE ? same_project(a, x->project, b, y->project) : same_zone(a, x->zone, b, y->zone);
}

uint32_t change_find(const struct chart *b, const struct chart *c, enum kind k, uint32_t i)
{
	for (uint32_t j = 0; j < chart_count(b, k); j++)
		if (same_path(c, k, i, b, j))
			return j;
	return NONE;
}

/* The baseline's milestones and targets by hashed id path: open
 * addressing, at most half full. */
struct slot {
	uint64_t h;
	uint32_t i;
	uint8_t kind, used;
};

struct table {
	struct slot *v;
	size_t mask;
};

static int table_make(struct table *t, const struct chart *b, const struct paths *p)
{
	size_t n = b->nmilestones + b->ntargets, cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	if (!(t->v = calloc(cap, sizeof *t->v)))
		return -1;
	t->mask = cap - 1;
	for (int k = KIND_MILESTONE; k <= KIND_TARGET; k++)
		for (uint32_t i = 0; i < chart_count(b, (enum kind)k); i++) {
			uint64_t h = item_hash(p, b, (enum kind)k, i);
			size_t at = h & t->mask;
			while (t->v[at].used)
				at = (at + 1) & t->mask;
			t->v[at] = (struct slot){h, i, (uint8_t)k, 1};
		}
	return 0;
}

/* The baseline item with the id path of item i of c, or NONE. The first
 * written wins where an id was given twice (an error reported already). */
static uint32_t find(const struct table *t, const struct chart *b, uint64_t h, const struct chart *c,
		     enum kind k, uint32_t i)
{
	for (size_t at = h & t->mask; t->v[at].used; at = (at + 1) & t->mask)
		if (t->v[at].h == h && t->v[at].kind == k && same_path(c, k, i, b, t->v[at].i))
			return t->v[at].i;
	return NONE;
}

static int add(struct changes *ch, size_t *cap, enum change_what w, enum kind k, uint32_t now, uint32_t then,
	       int32_t days)
{
	if (ch->n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		struct change *v = realloc(ch->v, c * sizeof *v);
		if (!v)
			return -1;
		ch->v = v, *cap = c;
	}
	ch->v[ch->n++] = (struct change){(uint8_t)w, (uint8_t)k, now, then, days};
	ch->count[w]++;
	return 0;
}

static int worst_first(const void *x, const void *y)
{
	const struct change *a = x, *b = y;
	if (a->what != b->what)
		return a->what < b->what ? -1 : 1;
	if (a->days != b->days) /* the most days first */
		return a->days > b->days ? -1 : 1;
	if (a->kind != b->kind) /* then milestones before targets, in chart order */
		return a->kind < b->kind ? -1 : 1;
	uint32_t i = a->now != NONE ? a->now : a->then, j = b->now != NONE ? b->now : b->then;
	return i < j ? -1 : i > j;
}

static int compare(struct changes *ch, const struct chart *c, const struct chart *b)
{
	struct paths pc = {0}, pb = {0};
	struct table t = {0};
	uint8_t *seen_ms = calloc(b->nmilestones + 1, 1), *seen_tg = calloc(b->ntargets + 1, 1);
	ch->ms_then = malloc((c->nmilestones + 1) * sizeof *ch->ms_then);
	ch->slip = calloc(c->nmilestones + 1, sizeof *ch->slip);
	size_t cap = 0;
	int r = -1;
	if (!seen_ms || !seen_tg || !ch->ms_then || !ch->slip || paths_make(&pc, c) < 0 || paths_make(&pb, b) < 0 ||
	    table_make(&t, b, &pb) < 0)
		goto out;
	for (uint32_t i = 0; i < c->nmilestones; i++) {
		const struct milestone *m = &c->milestones[i];
		uint32_t j = ch->ms_then[i] = find(&t, b, item_hash(&pc, c, KIND_MILESTONE, i), c, KIND_MILESTONE, i);
		if (j == NONE) {
			if (add(ch, &cap, CH_NEW, KIND_MILESTONE, i, NONE, 0) < 0)
				goto out;
			continue;
		}
		seen_ms[j] = 1;
		const struct milestone *o = &b->milestones[j];
		day_t now = milestone_due(c, m), then = milestone_due(b, o);
		if (now != DAY_NONE && then != DAY_NONE && now != then) {
			ch->slip[i] = now - then;
			if (add(ch, &cap, now > then ? CH_POSTPONED : CH_FORWARD, KIND_MILESTONE, i, j,
				now > then ? now - then : then - now) < 0)
				goto out;
		}
		if (m->it.status != o->it.status && add(ch, &cap, CH_STATUS, KIND_MILESTONE, i, j, 0) < 0)
			goto out;
	}
	for (uint32_t i = 0; i < c->ntargets; i++) {
		const struct target *x = &c->targets[i];
		uint32_t j = find(&t, b, item_hash(&pc, c, KIND_TARGET, i), c, KIND_TARGET, i);
		if (j == NONE) {
			if (add(ch, &cap, CH_NEW, KIND_TARGET, i, NONE, 0) < 0)
				goto out;
			continue;
		}
		seen_tg[j] = 1;
		/* more time is easier too: a target's due date put back */
		day_t due = x->due, was_due = b->targets[j].due;
		if (due != DAY_NONE && was_due != DAY_NONE && due != was_due &&
		    add(ch, &cap, due > was_due ? CH_RELAXED : CH_TIGHTENED, KIND_TARGET, i, j,
			due > was_due ? due - was_due : was_due - due) < 0)
			goto out;
		double was = b->targets[j].target, now = x->target;
		if (isnan(was) || isnan(now) || fabs(now - was) <= 1e-9 * fmax(fabs(now), fabs(was)))
			continue;
		int easier = (x->it.flags & TARGET_AT_MOST) ? now > was : now < was;
		if (add(ch, &cap, easier ? CH_RELAXED : CH_TIGHTENED, KIND_TARGET, i, j, 0) < 0)
			goto out;
	}
	for (uint32_t j = 0; j < b->nmilestones; j++)
		if (!seen_ms[j] && add(ch, &cap, CH_REMOVED, KIND_MILESTONE, NONE, j, 0) < 0)
			goto out;
	for (uint32_t j = 0; j < b->ntargets; j++)
		if (!seen_tg[j] && add(ch, &cap, CH_REMOVED, KIND_TARGET, NONE, j, 0) < 0)
			goto out;
	if (ch->n)
		qsort(ch->v, ch->n, sizeof *ch->v, worst_first);
	r = 0;
out:
	paths_free(&pc);
	paths_free(&pb);
	free(t.v);
	free(seen_ms);
	free(seen_tg);
	return r;
}

int changes_build(struct changes *ch, struct chart *c, const struct baseline *b)
{
	memset(ch, 0, sizeof *ch);
	ch->b = b;
	if (baseline_adopt(c, b) < 0)
		return -1;
	if (b->failed) { /* nothing to compare with: no milestone is new */
		ch->ms_then = malloc((c->nmilestones + 1) * sizeof *ch->ms_then);
		ch->slip = calloc(c->nmilestones + 1, sizeof *ch->slip);
		if (!ch->ms_then || !ch->slip)
			return -1;
		memset(ch->ms_then, 0xff, c->nmilestones * sizeof *ch->ms_then);
		return 0;
	}
	return compare(ch, c, &b->c);
}

void changes_free(struct changes *ch)
{
	free(ch->v);
	free(ch->ms_then);
	free(ch->slip);
	memset(ch, 0, sizeof *ch);
}

const enum change_what change_order[CH_COUNT] = {CH_POSTPONED, CH_FORWARD, CH_NEW, CH_REMOVED,
						 CH_STATUS, CH_RELAXED, CH_TIGHTENED};

const char *change_word(enum change_what w)
{
	/* TRANSLATORS: what changed since the baseline, in the changes table's
	 * first column and the changes title */
	static const char *const words[CH_COUNT] = {
		[CH_POSTPONED] = NC_("change", "Postponed"),     [CH_RELAXED] = NC_("change", "Target relaxed"),
		[CH_REMOVED] = NC_("change", "Removed"),         [CH_STATUS] = NC_("change", "Status"),
		[CH_NEW] = NC_("change", "New"),                 [CH_FORWARD] = NC_("change", "Brought forward"),
		[CH_TIGHTENED] = NC_("change", "Target tightened"),
	};
	return i18n_cgettext("change", words[w]);
}

const struct chart *change_item(const struct changes *ch, const struct chart *c, const struct change *v,
				uint32_t *i)
{
	*i = v->now != NONE ? v->now : v->then;
	return v->now != NONE ? c : &ch->b->c;
}

void change_words(const struct changes *ch, const struct chart *c, const struct change *v, char *buf,
		  size_t cap)
{
	const struct chart *b = &ch->b->c;
	switch ((enum change_what)v->what) {
	case CH_POSTPONED:
	case CH_FORWARD:
		/* TRANSLATORS: "Postponed 61 days": the change, then the days */
		snprintf(buf, cap, ngettext("%s %d day", "%s %d days", (unsigned long)v->days), change_word(v->what),
			 (int)v->days);
		break;
	case CH_STATUS:
		snprintf(buf, cap, _("Status %s → %s"), words_status(b->milestones[v->then].it.status),
			 words_status(c->milestones[v->now].it.status));
		break;
	case CH_RELAXED:
	case CH_TIGHTENED: {
		const struct target *now = &c->targets[v->now], *was = &b->targets[v->then];
		if (v->days) { /* its due date moved */
			unsigned long d = (unsigned long)v->days;
			/* TRANSLATORS: a target relaxed or tightened by moving its due date */
			snprintf(buf, cap,
				 now->due > was->due ? ngettext("%s: due date postponed %d day", "%s: due date postponed %d days", d)
						     : ngettext("%s: due date brought forward %d day",
								"%s: due date brought forward %d days", d),
				 change_word(v->what), (int)v->days);
			break;
		}
		char a[40], z[40];
		number_format(was->target, a, sizeof a);
		number_format(now->target, z, sizeof z);
		/* TRANSLATORS: a target's figure changed: "Target relaxed: 100 → 90 亿元" */
		snprintf(buf, cap, _("%s: %s → %s%s%s"), change_word(v->what), a, z, now->unit ? " " : "",
			 chart_str(c, now->unit));
		break;
	}
	default:
		snprintf(buf, cap, "%s", change_word(v->what));
	}
}
