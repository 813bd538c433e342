#include "config.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define STRS(...) {__VA_ARGS__}, (int)(sizeof((size_t[]){__VA_ARGS__}) / sizeof(size_t))
#define HEADER(T) offsetof(T, it.name), offsetof(T, it.id), offsetof(T, it.owner), offsetof(T, it.note)

const struct kind_info kind_info[KIND_COUNT] = {
	[KIND_ZONE] = {"zone", sizeof(struct zone), STRS(HEADER(struct zone)),
		       {{offsetof(struct zone, parent), KIND_ZONE}, {offsetof(struct zone, end), KIND_ZONE},
			{offsetof(struct zone, proj_first), KIND_PROJECT},
			{offsetof(struct zone, tgt_first), KIND_TARGET}}, 4},
	[KIND_PROJECT] = {"project", sizeof(struct project), STRS(HEADER(struct project)),
			  {{offsetof(struct project, zone), KIND_ZONE},
			   {offsetof(struct project, ms_first), KIND_MILESTONE},
			   {offsetof(struct project, tgt_first), KIND_TARGET}}, 3},
	[KIND_MILESTONE] = {"milestone", sizeof(struct milestone),
			    STRS(HEADER(struct milestone),
				 offsetof(struct milestone, due_text), offsetof(struct milestone, done_text)),
			    {{offsetof(struct milestone, project), KIND_PROJECT}}, 1},
	[KIND_TARGET] = {"target", sizeof(struct target),
			 STRS(HEADER(struct target), offsetof(struct target, unit),
			      offsetof(struct target, due_text), offsetof(struct target, start_text),
			      offsetof(struct target, as_of_text)),
			 {{offsetof(struct target, zone), KIND_ZONE}, {offsetof(struct target, project), KIND_PROJECT},
			  {offsetof(struct target, prog_first), KIND_PROGRESS}}, 3},
	[KIND_PROGRESS] = {"progress entry", sizeof(struct progress),
			   STRS(HEADER(struct progress), offsetof(struct progress, as_of_text)),
			   {{offsetof(struct progress, target), KIND_TARGET}}, 1},
};

int chart_init(struct chart *c)
{
	memset(c, 0, sizeof *c);
	return pool_init(&c->str);
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
	if (grow(arr, cap, *n, size) < 0)
		return NULL;
	char *item = (char *)*arr + size * *n;
	memset(item, 0, size);
	*index = (uint32_t)(*n)++;
	return item;
}

void chart_truncate(struct chart *c, const size_t count[KIND_COUNT])
{
	c->nzones = count[KIND_ZONE];
	c->nprojects = count[KIND_PROJECT];
	c->nmilestones = count[KIND_MILESTONE];
	c->ntargets = count[KIND_TARGET];
	c->nprogress = count[KIND_PROGRESS];
}

const char *item_name(const struct chart *c, const struct item *it)
{
	return it->name != STR_NONE ? chart_str(c, it->name) : "(无名称)";
}

enum ms_state milestone_state(const struct milestone *m, day_t today, int soon)
{
	if (m->it.status == ST_DROPPED)
		return MS_DROPPED;
	if (m->it.status == ST_PAUSED)
		return MS_PAUSED;
	if (m->it.status == ST_DONE)
		return m->done != DAY_NONE && m->due != DAY_NONE && m->done > m->due
			       ? MS_DONE_LATE
			       : MS_DONE;
	if (m->due == DAY_NONE)
		return MS_INVALID;
	if (m->due < today)
		return MS_OVERDUE;
	if (m->due - today < soon)
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
