/* history: how a milestone's due date changed, from git log of its file.
 *
 * Asked for with a key, computed off the keypress path: a child process
 * walks the file's commits (git log --follow), loads each version with the
 * same loader, finds the milestone by its id path and writes one line per
 * change of its due date to a pipe; the interface reads the pipe between
 * keys and draws what has come. */
#ifndef GUATU_HISTORY_H
#define GUATU_HISTORY_H

#include <sys/types.h>

#include "model.h"

enum { HISTORY_LINES = 32 };

enum history_state { HIST_NONE, HIST_RUNNING, HIST_DONE, HIST_FAILED };

struct history {
	enum history_state state;
	const struct chart *c; /* the chart and milestone it is for */
	uint32_t ms;
	pid_t pid;
	int fd;
	char buf[4096]; /* read, not yet a whole line */
	size_t len;
	/* "2026-06-10 李娜  2026-10-31 → 2026-12-31", newest first; or why it failed */
	char lines[HISTORY_LINES][256];
	unsigned char later[HISTORY_LINES]; /* the line moves the date later */
	int n, more;
	int failed; /* the lines say why */
};

/* Starts finding the history of milestone `ms` of `c` (ending any other). */
void history_start(struct history *h, const struct chart *c, uint32_t ms);
/* Reads what the child has written so far, without waiting. Returns 1 when
 * something changed (draw again). */
int history_poll(struct history *h);
/* Stops the child, if any, and forgets. */
void history_stop(struct history *h);

#endif
