/* ui: the interactive chart. Owns the loop: one key at a time, the
 * views redrawn into a grid the size of the screen and shown by term. */
#ifndef GUATU_UI_H
#define GUATU_UI_H

#include <time.h>

#include "model.h"

struct ui_opts {
	day_t today;
	int soon;
	int ascii;
	int color;
	time_t loaded;
	const char *notice; /* said once in the bottom line (e.g. the locale changed) */
};

/* Runs the interactive chart until the user quits or the terminal goes
 * away. Returns the exit status. */
int ui_run(const struct chart *c, const struct ui_opts *o);

#endif
