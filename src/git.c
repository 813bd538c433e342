#include "config.h"
#include "git.h"
#include "i18n.h"
#include "lang.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "text.h"

enum { MAX_ARGS = 32 };

/* Starts git with stdout to out_fd and stderr to err_fd (-1: /dev/null). */
static int spawn(const char *dir, const char *const *args, int out_fd, int err_fd, pid_t *pid)
{
	const char *argv[MAX_ARGS + 4] = {"git", "-C", dir};
	int n = 3;
	for (int i = 0; args[i] && n < MAX_ARGS + 3; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	posix_spawn_file_actions_t fa;
	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1;
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
	if (err_fd >= 0)
		posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
	else
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	/* git must not ask for anything (a pager, a password) on our terminal */
	int r = posix_spawnp(pid, "git", &fa, NULL, (char *const *)argv, lang_environ());
	posix_spawn_file_actions_destroy(&fa);
	if (r != 0) {
		errno = r;
		return -1;
	}
	return 0;
}

static int wait_for(pid_t pid)
{
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

static void pipe_close(int p[2])
{
	for (int i = 0; i < 2; i++)
		if (p[i] >= 0)
			close(p[i]);
}

int git_run(const char *dir, const char *const *args, struct git_out *o)
{
	*o = (struct git_out){.status = -1};
	int out[2] = {-1, -1}, err[2] = {-1, -1};
	pid_t pid;
	if (pipe(out) < 0 || pipe(err) < 0 || fcntl(out[0], F_SETFD, FD_CLOEXEC) < 0 ||
	    fcntl(err[0], F_SETFD, FD_CLOEXEC) < 0 || spawn(dir, args, out[1], err[1], &pid) < 0) {
		o->err_no = errno;
		pipe_close(out), pipe_close(err);
		return -1;
	}
	close(out[1]), close(err[1]);
	/* Both pipes at once: a command that fills one while we wait on the
	 * other would never finish. */
	struct pollfd p[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
	size_t cap = 0, elen = 0;
	int open = 2, oom = 0;
	while (open) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (p[i].fd < 0 || !p[i].revents)
				continue;
			char buf[8192];
			ssize_t n = read(p[i].fd, buf, sizeof buf);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				close(p[i].fd);
				p[i].fd = -1;
				open--;
			} else if (i == 0 && !oom) {
				if (o->len + (size_t)n + 1 > cap) {
					size_t c = cap ? cap : 16384;
					while (c < o->len + (size_t)n + 1)
						c *= 2;
					char *v = realloc(o->out, c);
					if (!v) {
						oom = 1;
						continue;
					}
					o->out = v, cap = c;
				}
				memcpy(o->out + o->len, buf, (size_t)n);
				o->len += (size_t)n;
			} else if (i == 1 && elen + 1 < sizeof o->err) {
				size_t k = (size_t)n < sizeof o->err - 1 - elen ? (size_t)n : sizeof o->err - 1 - elen;
				memcpy(o->err + elen, buf, k);
				elen += k;
			}
		}
	}
	o->err[elen] = '\0';
	o->err[strcspn(o->err, "\n")] = '\0';
	if (o->out)
		o->out[o->len] = '\0';
	o->status = wait_for(pid);
	if (oom) {
		o->err_no = ENOMEM;
		o->status = -1;
	}
	return o->status == 0 ? 0 : -1;
}

void git_out_free(struct git_out *o)
{
	free(o->out);
	o->out = NULL;
	o->len = 0;
}

FILE *git_stream(const char *dir, const char *const *args, pid_t *pid)
{
	int out[2];
	if (pipe(out) < 0)
		return NULL;
	if (fcntl(out[0], F_SETFD, FD_CLOEXEC) < 0 || spawn(dir, args, out[1], -1, pid) < 0) {
		int e = errno;
		pipe_close(out);
		errno = e;
		return NULL;
	}
	close(out[1]);
	FILE *fp = fdopen(out[0], "r");
	if (fp) /* a whole chart comes this way: fewer, larger reads */
		setvbuf(fp, NULL, _IOFBF, 1 << 16);
	else {
		close(out[0]);
		kill(*pid, SIGTERM);
		wait_for(*pid);
	}
	return fp;
}

int git_close(FILE *fp, pid_t pid)
{
	fclose(fp); /* a command still writing gets SIGPIPE */
	return wait_for(pid);
}

void git_why(const struct git_out *o, char *buf, size_t cap)
{
	if (o->status < 0 && o->err_no == ENOENT)
		snprintf(buf, cap, _("git not found: install git (apt-get install git) to compare with a revision"));
	else if (o->status < 0)
		snprintf(buf, cap, _("cannot run git: %s"), strerror(o->err_no));
	else if (*o->err) {
		/* git's words can quote what a repository holds (paths): shown
		 * on the terminal and in the log, so neutralised like any text
		 * from a file (docs/SECURITY.md). */
		char safe[TEXT_SANITIZE_MAX(sizeof o->err)];
		unsigned changed;
		text_sanitize(o->err, strlen(o->err), safe, TEXT_LINE, &changed);
		snprintf(buf, cap, "%s", safe);
	}
	else
		snprintf(buf, cap, _("git exited with status %d"), o->status);
}
