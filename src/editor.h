/* editor: opening a chart file in the user's editor at an item's line. */
#ifndef GUATU_EDITOR_H
#define GUATU_EDITOR_H

/* How the editor ended. */
struct editor_result {
	int started; /* 0: it could not be run */
	int status;  /* its exit status, or 128 + the signal that ended it */
	const char *editor; /* the command that was run */
	int hung_up; /* the terminal went away while it ran: leave, reload nothing */
};

/* Runs $VISUAL, else $EDITOR, else vi, on `path` at `line`, the terminal
 * handed over to it for the while. */
struct editor_result editor_run(const char *path, unsigned line);

#endif
