/* loadjob: a chart loaded, compared with the baseline, summed up and its
 * search index made, in a second thread.
 *
 * A city chart takes a large part of a second to load: done in the loop,
 * the screen would stop answering for that long on every r, every change
 * of a file and every return from the editor, and the first search after a
 * load would stop it again while every text is folded. So the loop starts a
 * job, goes on answering keys, looks between keys whether the job is done,
 * and only then swaps the results in (ui.c). The job writes nothing the
 * screen shows: it reads the chart shown (for a broken file's last good
 * items, carry.c) and the baseline, both left untouched while it runs, and
 * makes everything else anew. Without a thread (pthread_create failing) the
 * work is done at once, in the caller. */
#ifndef GUATU_LOADJOB_H
#define GUATU_LOADJOB_H

#include <pthread.h>
#include <stdatomic.h>

#include "baseline.h"
#include "changes.h"
#include "model.h"
#include "search.h"
#include "summary.h"

struct loadjob {
	/* What to do, set before loadjob_start. With `paths`, load them (the
	 * chart shown is `shown`), compare and sum up; without, only index the
	 * chart `shown`. */
	const char *const *paths;
	size_t npaths;
	const struct chart *shown;
	const struct baseline *baseline;
	day_t today;
	int soon;
	const char *hold; /* tests: wait while this file exists before loading */
	/* What it made, the caller's once taken (NULL: not made). */
	struct chart *c;
	struct changes *ch;
	struct summary *s;
	struct search_index *idx;
	int oom;               /* out of memory: nothing of it can be used */
	/* Its state. */
	pthread_t thread;
	int running, threaded;
	atomic_int done, cancel;
};

/* Starts the job `j` describes. */
void loadjob_start(struct loadjob *j);
/* Is it finished (results ready to take)? Never waits. */
int loadjob_done(struct loadjob *j);
/* Waits for it to finish. */
void loadjob_wait(struct loadjob *j);
/* Tells it to stop early (quitting), waits, and frees what it made. */
void loadjob_abandon(struct loadjob *j);
/* Frees what it made and has not been taken (set to NULL when taken). */
void loadjob_free(struct loadjob *j);

#endif
