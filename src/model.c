#include "config.h"
#include "model.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define STRS(...) {__VA_ARGS__}, (int)(sizeof((size_t[]){__VA_ARGS__}) / sizeof(size_t))
#define NAME(T) offsetof(T, it.name)

const struct kind_info kind_info[KIND_COUNT] = {
	[KIND_ZONE] = {N_("zone"), sizeof(struct zone), STRS(NAME(struct zone)),
		       {{offsetof(struct zone, parent), KIND_ZONE}, {offsetof(struct zone, end), KIND_ZONE},
			{offsetof(struct zone, proj_first), KIND_PROJECT},
			{offsetof(struct zone, tgt_first), KIND_TARGET}}, 4, {0}, 0},
	[KIND_PROJECT] = {N_("project"), sizeof(struct project), STRS(NAME(struct project)),
			  {{offsetof(struct project, zone), KIND_ZONE},
			   {offsetof(struct project, ms_first), KIND_MILESTONE},
			   {offsetof(struct project, tgt_first), KIND_TARGET}}, 3, {0}, 0},
	[KIND_MILESTONE] = {N_("milestone"), sizeof(struct milestone), STRS(NAME(struct milestone)), {{0}}, 0,
			    {offsetof(struct milestone, due_date), offsetof(struct milestone, done_date)}, 2},
	[KIND_TARGET] = {N_("target"), sizeof(struct target),
			 STRS(NAME(struct target), offsetof(struct target, unit),
			      offsetof(struct target, due_text), offsetof(struct target, start_text),
			      offsetof(struct target, as_of_text)),
			 {{offsetof(struct target, zone), KIND_ZONE}, {offsetof(struct target, project), KIND_PROJECT},
			  {offsetof(struct target, prog_first), KIND_PROGRESS}}, 3, {0}, 0},
	[KIND_PROGRESS] = {N_("progress entry"), sizeof(struct progress),
			   STRS(NAME(struct progress), offsetof(struct progress, as_of_text)),
			   {{offsetof(struct progress, target), KIND_TARGET}}, 1, {0}, 0},
};

_Static_assert(sizeof(struct item) == 12, "the header every item has stays small");
_Static_assert(sizeof(struct milestone) == 20, "a milestone is the bulk of a chart");

/* Grows a table of `*nslots` slots (a power of two, or 0) to hold n + 1
 * entries at most three quarters full (as the pool's); the caller fills it
 * again when it moved. */
static int slots_for(uint32_t **slots, size_t *nslots, size_t n, int *moved)
{
	*moved = 0;
	if ((n + 1) * 4 <= *nslots * 3)
		return 0;
	size_t m = *nslots ? *nslots * 2 : 64;
	uint32_t *s = calloc(m, sizeof *s);
	if (!s)
		return -1;
	prefault_range(s, m * sizeof *s); /* hashing touches every page */
	free(*slots);
	*slots = s;
	*nslots = m;
	*moved = 1;
	return 0;
}

static size_t slot_of(uint32_t key, size_t nslots)
{
	return (size_t)(key * 2654435761u) & (nslots - 1); /* a 32-bit multiplicative hash */
}

/* ---- written dates -------------------------------------------------- */

static uint32_t *date_slot(const struct dates *d, str_t text)
{
	size_t j = slot_of(text, d->nslots);
	while (d->slots[j] && d->v[d->slots[j] - 1].text != text)
		j = (j + 1) & (d->nslots - 1);
	return &d->slots[j];
}

static void dates_refill(struct dates *d)
{
	memset(d->slots, 0, d->nslots * sizeof *d->slots);
	for (size_t i = 1; i < d->n; i++)
		*date_slot(d, d->v[i].text) = (uint32_t)i + 1;
}

uint32_t chart_date(struct chart *c, str_t text, day_t from, day_t last)
{
	struct dates *d = &c->dates;
	if (text == STR_NONE)
		return 0;
	uint32_t *slot = date_slot(d, text);
	if (*slot)
		return *slot - 1;
	int moved;
	void *v = d->v;
	if (grow(&v, &d->cap, d->n, sizeof *d->v) < 0 || (d->v = v, slots_for(&d->slots, &d->nslots, d->n, &moved)) < 0)
		return NONE;
	d->v[d->n] = (struct written){text, from, last};
	if (moved)
		dates_refill(d);
	*date_slot(d, text) = (uint32_t)d->n + 1;
	return (uint32_t)d->n++;
}

/* ---- out-of-line texts ---------------------------------------------- */

static uint32_t *texts_slot(const struct item_texts *t, uint32_t item)
{
	size_t j = slot_of(item, t->nslots);
	while (t->slots[j] && t->v[t->slots[j] - 1].item != item)
		j = (j + 1) & (t->nslots - 1);
	return &t->slots[j];
}

static void texts_refill(struct item_texts *t)
{
	memset(t->slots, 0, t->nslots * sizeof *t->slots);
	for (size_t i = 0; i < t->n; i++)
		*texts_slot(t, t->v[i].item) = (uint32_t)i + 1;
}

str_t item_text(const struct chart *c, enum kind k, uint32_t i, enum item_text which)
{
	if (!(chart_item(c, k, i)->flags & ITEM_TEXTS))
		return STR_NONE;
	const struct item_texts *t = &c->texts[k];
	uint32_t e = *texts_slot(t, i);
	return e ? t->v[e - 1].text[which] : STR_NONE;
}

int item_set_text(struct chart *c, enum kind k, uint32_t i, enum item_text which, str_t s)
{
	struct item *it = chart_item(c, k, i);
	struct item_texts *t = &c->texts[k];
	if (it->flags & ITEM_TEXTS) {
		t->v[*texts_slot(t, i) - 1].text[which] = s;
		return 0;
	}
	if (s == STR_NONE)
		return 0;
	int moved;
	void *v = t->v;
	if (grow(&v, &t->cap, t->n, sizeof *t->v) < 0 || (t->v = v, slots_for(&t->slots, &t->nslots, t->n, &moved)) < 0)
		return -1;
	t->v[t->n] = (struct texts_of){.item = i};
	t->v[t->n].text[which] = s;
	if (moved)
		texts_refill(t);
	*texts_slot(t, i) = (uint32_t)t->n + 1;
	t->n++;
	it->flags |= ITEM_TEXTS;
	return 0;
}

str_t item_id(const struct chart *c, enum kind k, uint32_t i)
{
	str_t id = item_text(c, k, i, ITX_ID);
	return id != STR_NONE ? id : chart_item(c, k, i)->name;
}

/* ---- places --------------------------------------------------------- */

uint32_t item_file(const struct chart *c, enum kind k, uint32_t i)
{
	if (k == KIND_ZONE && c->zone_load) /* placed under a zone of another file */
		i = c->zone_load[i];
	/* Every file's range of each kind starts where the one before ends. */
	size_t lo = 0, hi = c->nfiles;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->files[mid].items[k].end > i)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (uint32_t)lo;
}

uint32_t milestone_project(const struct chart *c, uint32_t i)
{
	/* The last project whose milestones start at or before i: the ranges
	 * are contiguous and in order, and every milestone is in one. */
	size_t lo = 0, hi = c->nprojects;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->projects[mid].ms_first <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? (uint32_t)lo - 1 : NONE;
}

str_t milestone_owner(const struct chart *c, uint32_t i, uint32_t p)
{
	str_t owner = item_owner(c, KIND_MILESTONE, i);
	if (!owner)
		owner = item_owner(c, KIND_PROJECT, p);
	if (!owner)
		owner = item_owner(c, KIND_ZONE, c->projects[p].zone);
	return owner;
}

/* ---- grafts --------------------------------------------------------- */

int chart_add_graft(struct chart *c, const struct graft *g)
{
	void *v = c->grafts;
	if (grow(&v, &c->grafts_cap, c->ngrafts, sizeof *c->grafts) < 0)
		return -1;
	c->grafts = v;
	c->grafts[c->ngrafts++] = *g;
	return 0;
}

void chart_renumber_texts(struct chart *c, enum kind k, const uint32_t *to)
{
	struct item_texts *t = &c->texts[k];
	for (size_t i = 0; i < t->n; i++)
		t->v[i].item = to[t->v[i].item];
	if (t->n)
		texts_refill(t);
}

/* ---- the chart ------------------------------------------------------ */

int chart_init(struct chart *c)
{
	memset(c, 0, sizeof *c);
	struct dates *d = &c->dates;
	d->cap = 64;
	d->v = malloc(d->cap * sizeof *d->v);
	d->nslots = 128;
	d->slots = calloc(d->nslots, sizeof *d->slots);
	if (pool_init(&c->str) < 0 || !d->v || !d->slots) {
		chart_free(c);
		return -1;
	}
	d->v[0] = (struct written){STR_NONE, DAY_NONE, DAY_NONE}; /* "no date" */
	d->n = 1;
	return 0;
}

void chart_free(struct chart *c)
{
	for (size_t i = 0; i < c->nfiles; i++) {
		free(c->files[i].path);
		free(c->files[i].shown);
	}
	free(c->files);
	free(c->zones);
	free(c->projects);
	free(c->milestones);
	free(c->targets);
	free(c->progress);
	free(c->dates.v);
	free(c->dates.slots);
	for (int k = 0; k < KIND_COUNT; k++) {
		free(c->texts[k].v);
		free(c->texts[k].slots);
	}
	free(c->grafts);
	free(c->zone_load);
	free(c->zone_tree);
	diag_free(&c->diags);
	pool_free(&c->str);
	memset(c, 0, sizeof *c);
}

const char *chart_title(const struct chart *c)
{
	for (size_t i = 0; i < c->nfiles; i++)
		if (c->files[i].title != STR_NONE)
			return chart_str(c, c->files[i].title);
	return "";
}

size_t chart_count(const struct chart *c, enum kind k)
{
	const size_t n[KIND_COUNT] = {c->nzones, c->nprojects, c->nmilestones, c->ntargets, c->nprogress};
	return n[k];
}

struct item *chart_item(const struct chart *c, enum kind k, uint32_t i)
{
	switch (k) {
	case KIND_ZONE: return &c->zones[i].it;
	case KIND_PROJECT: return &c->projects[i].it;
	case KIND_MILESTONE: return &c->milestones[i].it;
	case KIND_TARGET: return &c->targets[i].it;
	default: return &c->progress[i].it;
	}
}

/* One switch over the kinds, so no other code needs one. */
static void arrays(struct chart *c, enum kind k, void ***arr, size_t **n, size_t **cap)
{
	switch (k) {
	case KIND_ZONE: *arr = (void **)&c->zones, *n = &c->nzones, *cap = &c->zones_cap; break;
	case KIND_PROJECT: *arr = (void **)&c->projects, *n = &c->nprojects, *cap = &c->projects_cap; break;
	case KIND_MILESTONE: *arr = (void **)&c->milestones, *n = &c->nmilestones, *cap = &c->milestones_cap; break;
	case KIND_TARGET: *arr = (void **)&c->targets, *n = &c->ntargets, *cap = &c->targets_cap; break;
	default: *arr = (void **)&c->progress, *n = &c->nprogress, *cap = &c->progress_cap; break;
	}
}

void *chart_append(struct chart *c, enum kind k, uint32_t *index)
{
	void **arr;
	size_t *n, *cap, size = kind_info[k].size;
	arrays(c, k, &arr, &n, &cap);
	size_t had = *cap;
	if (grow(arr, cap, *n, size) < 0)
		return NULL;
	char *item = (char *)*arr + size * *n;
	prefault(*arr, *cap != had ? 0 : size * *n, size * (*n + 1), size * *cap);
	memset(item, 0, size);
	*index = (uint32_t)(*n)++;
	return item;
}

void chart_truncate(struct chart *c, const size_t count[KIND_COUNT], size_t ndates)
{
	c->nzones = count[KIND_ZONE];
	c->nprojects = count[KIND_PROJECT];
	c->nmilestones = count[KIND_MILESTONE];
	c->ntargets = count[KIND_TARGET];
	c->nprogress = count[KIND_PROGRESS];
	while (c->ngrafts && c->grafts[c->ngrafts - 1].zone >= count[KIND_ZONE])
		c->ngrafts--;
	/* Rare (only after a failed file): keep the entries of the items that
	 * stay, and find them again. */
	for (int k = 0; k < KIND_COUNT; k++) {
		struct item_texts *t = &c->texts[k];
		size_t n = 0;
		for (size_t i = 0; i < t->n; i++)
			if (t->v[i].item < count[k])
				t->v[n++] = t->v[i];
		if (n < t->n) {
			t->n = n;
			texts_refill(t);
		}
	}
	if (ndates < c->dates.n) {
		c->dates.n = ndates;
		dates_refill(&c->dates);
	}
}

const char *item_name(const struct chart *c, const struct item *it)
{
	return it->name != STR_NONE ? chart_str(c, it->name) : _("(no name)");
}

enum ms_state ms_state(int status, day_t due, day_t done, day_t today, int soon)
{
	if (status == ST_DROPPED)
		return MS_DROPPED;
	if (status == ST_PAUSED)
		return MS_PAUSED;
	if (status == ST_DONE)
		return done != DAY_NONE && due != DAY_NONE && done > due ? MS_DONE_LATE : MS_DONE;
	if (due == DAY_NONE)
		return MS_INVALID;
	if (due < today)
		return MS_OVERDUE;
	if (due - today < soon)
		return MS_SOON;
	return MS_OPEN;
}

/* The one table of statuses: how charts may write each, how it is shown. */
static const struct {
	const char *name;  /* as written in English, and the canonical spelling */
	const char *label; /* as shown */
	const char *spellings[12];
} statuses[ST_COUNT] = {
	[ST_PLANNED] = {"planned", "计划中", {"计划", "計劃", "未开始", "未開始", "待开工", "待開工"}},
	[ST_ACTIVE] = {"active", "进行中", {"进行中", "進行中", "在建", "推进中", "推進中", "已开工", "已開工"}},
	[ST_DONE] = {"done", "已完成", {"完成", "已完成", "已竣工", "竣工", "已投产", "已投產", "投产",
					   "已建成", "已办结", "已辦結"}},
	[ST_PAUSED] = {"paused", "暂停", {"暂停", "暫停", "缓建", "緩建", "停工", "已暂停", "已暫停"}},
	[ST_DROPPED] = {"dropped", "已取消", {"取消", "已取消", "终止", "終止"}},
};

int status_parse(const char *s)
{
	for (int st = 0; st < ST_COUNT; st++) {
		if (!strcasecmp(s, statuses[st].name)) /* Done, DONE: the English words in any case */
			return st;
		for (int i = 0; statuses[st].spellings[i]; i++)
			if (!strcmp(s, statuses[st].spellings[i]))
				return st;
	}
	return -1;
}

const char *status_name(enum status s) { return statuses[s].name; }
const char *status_label(enum status s) { return statuses[s].label; }

void status_spellings(char *buf, size_t cap)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int st = 0; st < ST_COUNT && n < cap; st++) {
		n += (size_t)snprintf(buf + n, cap - n, "%s%s", st ? "; " : "", statuses[st].name);
		for (int i = 0; statuses[st].spellings[i] && n < cap; i++)
			n += (size_t)snprintf(buf + n, cap - n, ", %s", statuses[st].spellings[i]);
	}
}
