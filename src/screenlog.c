#include "config.h"
#include "screenlog.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "text.h"
#include "ui.h"
#include "view.h"

void screenlog_path(const char *given, char *buf, size_t cap)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	if (given)
		snprintf(buf, cap, "%s", given);
	else if (state && *state == '/')
		snprintf(buf, cap, "%s/guatu/screen.log", state);
	else
		snprintf(buf, cap, "%s/.local/state/guatu/screen.log", home && *home ? home : ".");
}

/* Makes the directories above `path` (mode 0700). */
static void make_parents(const char *path)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	for (char *p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
}

int screenlog_append(const char *path, const char *text, size_t len)
{
	make_parents(path);
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	ssize_t w = write(fd, text, len);
	int err = errno;
	if (close(fd) != 0 && w == (ssize_t)len) {
		return -1;
	}
	if (w != (ssize_t)len) {
		errno = w < 0 ? err : ENOSPC; /* a short write is a full disk */
		return -1;
	}
	return 0;
}

void screenlog_header(FILE *out, time_t when, const char *title, const char *name,
		      const char *const *paths, size_t npaths, size_t nfiles)
{
	char stamp[64];
	struct tm tm;
	localtime_r(&when, &tm);
	strftime(stamp, sizeof stamp, "guatu %Y-%m-%d %H:%M:%S", &tm);
	fprintf(out, "%s · %s %s ·", stamp, title, name);
	for (size_t i = 0; i < npaths; i++) { /* paths are untrusted text too */
		char shown[TEXT_SANITIZE_MAX(256)];
		unsigned changed;
		size_t n = strlen(paths[i]);
		text_sanitize(paths[i], n < 256 ? n : 256, shown, TEXT_LINE, &changed);
		fprintf(out, " %s", shown);
	}
	fprintf(out, ngettext(" (%zu file)", " (%zu files)", nfiles), nfiles);
	fputc('\n', out);
}

int screenlog_view(const char *path, const struct view_ops *v, void *st, struct app *a,
		   const struct grid *screen, char *err, size_t cap)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m) {
		snprintf(err, cap, _("out of memory"));
		return -1;
	}
	screenlog_header(m, date_now(), _(v->title), v->name, a->o->paths, a->o->npaths, a->c->nfiles);
	int ok = 1;
	if (v->log)
		ok = v->log(st, a, m, screen->w) == 0;
	else
		grid_write(screen, screen->h, m, 0);
	if (fclose(m) != 0 || !ok) {
		free(buf);
		snprintf(err, cap, _("out of memory"));
		return -1;
	}
	int r = screenlog_append(path, buf, len);
	if (r < 0)
		snprintf(err, cap, "%s", strerror(errno));
	free(buf);
	return r;
}
