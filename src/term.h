/* term: the ncursesw back end. Shows grids, reads keys, and keeps the
 * terminal sane: it is restored on every exit path it can reach, and a dead
 * terminal (ssh dropped, pane killed) ends the program instead of a spin. */
#ifndef GUATU_TERM_H
#define GUATU_TERM_H

#include "grid.h"

enum { TERM_KEY = 1, TERM_TIMEOUT = 0, TERM_GONE = -1, TERM_SIGNAL = -2 };

/* Opens the terminal on stdin/stdout with colour if `color` and the terminal
 * has it. Returns 0, or -1 with a message in *err (an unknown TERM, or one
 * that cannot move the cursor, such as TERM=dumb). */
int term_open(int color, const char **err);
/* Restores the terminal (unless it is gone). */
void term_close(void);
/* The screen size. */
void term_size(int *w, int *h);
/* Shows a grid of the screen's size; ncurses sends only what changed. */
void term_show(const struct grid *g);
/* Hands the terminal to another program (an editor) ... */
void term_suspend(void);
/* ... and takes it back, repainting everything. */
void term_resume(void);
/* Forces a full repaint on the next show (Ctrl-L). */
void term_repaint(void);
/* Waits up to `ms` (-1: for ever) for a key: TERM_KEY with *key set to the
 * character or FKEY(ncurses code), TERM_TIMEOUT, TERM_SIGNAL (SIGTERM,
 * SIGINT, SIGHUP, SIGUSR1 or SIGTSTP arrived: see term_signal), or
 * TERM_GONE when the terminal went away. */
int term_key(int *key, int ms);
/* Stops the process as Ctrl-Z asks, the terminal restored meanwhile;
 * returns when it is continued (fg), everything to be repainted. */
void term_stop(void);
/* The signal that interrupted the last wait, or 0; clears it. */
int term_signal(void);
/* Whether SIGHUP arrived and is not yet taken by term_signal. */
int term_hangup_pending(void);

#endif
