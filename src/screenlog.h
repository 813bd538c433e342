/* screenlog: appending the screen to the log, for supervisors and cron. */
#ifndef GUATU_SCREENLOG_H
#define GUATU_SCREENLOG_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

/* The log file: `given` if not NULL, else $XDG_STATE_HOME/guatu/screen.log
 * (~/.local/state/guatu/screen.log). Written to buf. */
void screenlog_path(const char *given, char *buf, size_t cap);
/* Appends `len` bytes to the log at `path` in one write (O_APPEND), so
 * two guatu writing to one log never mix their lines; makes its directory
 * (0700) and the file (0600). 0, or -1 with errno set. */
int screenlog_append(const char *path, const char *text, size_t len);

/* Writes the line that opens a block of the log: when, which view, which
 * paths, how many files. */
void screenlog_header(FILE *out, time_t when, const char *title, const char *name,
		      const char *const *paths, size_t npaths, size_t nfiles);

struct view_ops;
struct app;
struct grid;
/* Appends a block to the log at `path`: its first line (when, which view,
 * which files), then the view as text: the whole of it where the view can
 * write itself (the status screen, as --print gives it), else the screen
 * as shown. 0, or -1 with the reason in err. */
int screenlog_view(const char *path, const struct view_ops *v, void *st, struct app *a,
		   const struct grid *screen, char *err, size_t cap);

#endif
