#include "config.h"
#include "model.h"

#include <stdlib.h>
#include <string.h>

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

enum ms_state milestone_state(const struct milestone *m, day_t today, int soon)
{
	if (m->status == ST_DROPPED)
		return MS_DROPPED;
	if (m->status == ST_DONE)
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

static const struct {
	const char *name;
	enum status status;
} statuses[] = {
	{"planned", ST_PLANNED}, {"计划", ST_PLANNED}, {"計劃", ST_PLANNED},
	{"未开始", ST_PLANNED}, {"未開始", ST_PLANNED},
	{"active", ST_ACTIVE}, {"进行中", ST_ACTIVE}, {"進行中", ST_ACTIVE},
	{"在建", ST_ACTIVE},
	{"done", ST_DONE}, {"完成", ST_DONE}, {"已完成", ST_DONE},
	{"dropped", ST_DROPPED}, {"取消", ST_DROPPED}, {"已取消", ST_DROPPED},
};

int status_parse(const char *s)
{
	for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++)
		if (strcmp(s, statuses[i].name) == 0)
			return (int)statuses[i].status;
	return -1;
}

const char *status_name(enum status s)
{
	static const char *const names[] = {"planned", "active", "done", "dropped"};
	return names[s];
}
