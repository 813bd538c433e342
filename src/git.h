/* git: running the git command line, as tig does, rather than linking a
 * git library: what it prints is its stable interface.
 *
 * Commands run in a directory (git -C DIR …) with their output captured or
 * read as a stream. Nothing goes through a shell: every argument is passed as
 * it is, and revisions given by the user come after --end-of-options. */
#ifndef GUATU_GIT_H
#define GUATU_GIT_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* What a finished command left. */
struct git_out {
	int status;     /* its exit status; -1: it could not be run (errno in `err_no`) */
	int err_no;     /* ENOENT: there is no git */
	char *out;      /* standard output, NUL-terminated (malloc'd) */
	size_t len;
	char err[512];  /* the first line of standard error, for messages */
};

/* Runs `git -C dir args...` (args ends with NULL) to the end. Returns 0 when
 * it ran and exited 0; -1 otherwise (see o->status, o->err). o->out is
 * always freed by git_out_free(). */
int git_run(const char *dir, const char *const *args, struct git_out *o);
void git_out_free(struct git_out *o);

/* Starts `git -C dir args...` and returns its standard output to read
 * (standard error is discarded), its process in *pid; NULL with errno set
 * when it cannot be started. */
FILE *git_stream(const char *dir, const char *const *args, pid_t *pid);
/* Closes a stream from git_stream() and waits for the command: its exit
 * status, or -1. */
int git_close(FILE *fp, pid_t pid);

/* Says what went wrong with a git_run() in words: "git not found …", git's
 * own message, or the exit status. */
void git_why(const struct git_out *o, char *buf, size_t cap);

#endif
