/* app: what the views of the interactive chart share.
 *
 * The chart shown and what it means today are replaced whole on a reload
 * or a new day (the views make new states beside the old, and everything is
 * swapped when all are ready). Messages for the bottom line are kept here
 * as text to show, never read back as state. */
#ifndef GUATU_APP_H
#define GUATU_APP_H

#include <limits.h>
#include <time.h>

#include "changes.h"
#include "history.h"
#include "model.h"
#include "search.h"
#include "summary.h"
#include "keys.h"
#include "table.h"

struct ui_opts;

struct app {
	const struct ui_opts *o;
	const struct frame *f;
	struct chart *c;   /* the chart shown */
	struct changes *ch; /* what changed in it since the baseline; NULL without one */
	struct summary *s; /* what it means on `today` */
	struct search_index *idx; /* its texts folded, made in the job (loadjob.h) */
	int loading;  /* a reload is being read in the job */
	int indexing; /* idx is being made in the job */
	day_t today;
	time_t loaded;
	char msg[PATH_MAX + 256]; /* said once, until the next key */
	char alert[512];          /* said until it is no longer true: a file failed */
	char right[64];           /* when loaded, from how many files */
	struct history hist;      /* a milestone's due-date history (H), read by a child */
};

/* Says something in the bottom line until the next key. */
void app_say(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The search index of the chart, made now if need be and not being made in
 * the job; NULL: out of memory, or (a->indexing) not made yet. */
const struct search_index *app_index(struct app *a);
/* Says when the chart was loaded, from how many files, and which file
 * failed, if any (the footer's right end and its alert). */
void app_loaded(struct app *a);
/* Is an action offered now? (--readonly turns editing off.) */
int app_enabled(const struct app *a, enum action act);

#endif
