#include "config.h"
#include "loadjob.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "load.h"

static int index_chart(struct loadjob *j, const struct chart *c)
{
	if (!(j->idx = malloc(sizeof *j->idx)))
		return -1;
	if (search_index_build(j->idx, &c->str) < 0) {
		free(j->idx);
		j->idx = NULL;
		return -1;
	}
	return 0;
}

static int load(struct loadjob *j)
{
	if (!(j->c = malloc(sizeof *j->c)) || chart_init(j->c) < 0) {
		free(j->c);
		j->c = NULL;
		return -1;
	}
	struct load_opts lo = load_defaults;
	lo.today = date_of(date_now());
	lo.cancel = &j->cancel;
	if (load_chart(j->c, j->paths, j->npaths, &lo, j->shown) < 0)
		return -1;
	if (atomic_load(&j->cancel))
		return 0;
	if (j->baseline && (!(j->ch = malloc(sizeof *j->ch)) || changes_build(j->ch, j->c, j->baseline) < 0)) {
		if (j->ch)
			changes_free(j->ch), free(j->ch);
		j->ch = NULL;
		return -1;
	}
	if (!(j->s = malloc(sizeof *j->s)) || summary_build(j->s, j->c, j->today, j->soon, j->ch) < 0) {
		free(j->s); /* summary_build frees what it made when it fails */
		j->s = NULL;
		return -1;
	}
	return index_chart(j, j->c);
}

static void *run(void *arg)
{
	struct loadjob *j = arg;
	if (j->hold) /* a test looks at the screen while the job is held (at most 10 s) */
		for (int i = 0; i < 1000 && access(j->hold, F_OK) == 0 && !atomic_load(&j->cancel); i++)
			nanosleep(&(struct timespec){0, 10L * 1000 * 1000}, NULL);
	j->oom = (j->paths ? load(j) : index_chart(j, j->shown)) < 0;
	atomic_store(&j->done, 1);
	return NULL;
}

void loadjob_start(struct loadjob *j)
{
	j->c = NULL, j->ch = NULL, j->s = NULL, j->idx = NULL;
	j->oom = 0;
	atomic_store(&j->done, 0);
	atomic_store(&j->cancel, 0);
	j->running = 1;
	j->threaded = pthread_create(&j->thread, NULL, run, j) == 0;
	if (!j->threaded)
		run(j);
}

int loadjob_done(struct loadjob *j)
{
	if (!j->running || !atomic_load(&j->done))
		return 0;
	loadjob_wait(j);
	return 1;
}

void loadjob_wait(struct loadjob *j)
{
	if (j->running && j->threaded)
		pthread_join(j->thread, NULL);
	j->running = j->threaded = 0;
}

void loadjob_free(struct loadjob *j)
{
	if (j->c)
		chart_free(j->c), free(j->c);
	if (j->ch)
		changes_free(j->ch), free(j->ch);
	if (j->s)
		summary_free(j->s), free(j->s);
	if (j->idx)
		search_index_free(j->idx), free(j->idx);
	j->c = NULL, j->ch = NULL, j->s = NULL, j->idx = NULL;
}

void loadjob_abandon(struct loadjob *j)
{
	atomic_store(&j->cancel, 1);
	loadjob_wait(j);
	loadjob_free(j);
}
