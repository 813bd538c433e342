/* ui: the interactive chart. Owns the loop: one key at a time, dispatched
 * to the view on top (view.h), the screen drawn into a grid and shown by
 * term; the files watched and reloaded; the editor started; the screen
 * logged. */
#ifndef GUATU_UI_H
#define GUATU_UI_H

#include <stddef.h>

#include "baseline.h"
#include "model.h"

struct ui_opts {
	const char *const *paths; /* as given: files and directories, to reload */
	size_t npaths;
	day_t today;     /* DAY_NONE: the local date, followed past midnight */
	int soon;
	int ascii;
	int color;
	int readonly;    /* no editing */
	const char *log; /* the log file, or NULL for $XDG_STATE_HOME/guatu/screen.log */
	const char *notice; /* said once in the bottom line (e.g. the locale changed) */
	const char *view;   /* the view to open on top of browse ("browse": none) */
	const struct baseline *baseline; /* to compare each load with, or NULL */
};

/* Runs the interactive chart on `c` (allocated with malloc, loaded; ui_run
 * owns and frees it) until the user quits or the terminal goes away.
 * Returns the exit status: 2 if the chart shown last had errors. */
int ui_run(struct chart *c, const struct ui_opts *o);

#endif
