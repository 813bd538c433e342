#include "config.h"
#include "history.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "changes.h"
#include "files.h"
#include "git.h"
#include "load.h"
#include "text.h"

enum { MAX_COMMITS = 500 };

/* ---- in the child --------------------------------------------------- */

/* One version of the file: read from git by blob name ("HASH:PATH"). */
struct version {
	const char *dir, *object;
	pid_t pid;
};

static int version_add(struct chart *c, const char *const *paths, size_t n, void *arg)
{
	(void)paths, (void)n;
	const struct version *v = arg;
	return files_append(c, v->object, v->object, 0);
}

static FILE *version_open(struct chart *c, uint32_t f, void *arg)
{
	struct version *v = arg;
	FILE *fp = git_stream(v->dir, (const char *[]){"cat-file", "blob", v->object, NULL}, &v->pid);
	if (!fp)
		diag_add(&c->diags, DIAG_ERROR, f, 0, 0, "cannot run git");
	return fp;
}

static void version_close(FILE *fp, void *arg)
{
	git_close(fp, ((struct version *)arg)->pid);
}

/* The milestone's due date in a version: its text, and the day it reads
 * as; 0 when the milestone is not in it. */
static int due_at(const char *dir, const char *object, const struct chart *now, uint32_t ms, char *text,
		  size_t cap, day_t *day)
{
	struct version v = {dir, object, 0};
	struct source src = {version_add, version_open, version_close, &v};
	struct load_opts lo = load_defaults;
	lo.source = &src;
	struct chart c;
	int found = 0;
	if (chart_init(&c) == 0 && load_chart(&c, NULL, 0, &lo, NULL) == 0) {
		uint32_t j = change_find(&c, now, KIND_MILESTONE, ms);
		if (j != NONE) {
			const struct milestone *m = &c.milestones[j];
			str_t due = milestone_due_text(&c, m);
			snprintf(text, cap, "%s", due ? chart_str(&c, due) : "-");
			*day = milestone_due(&c, m);
			found = 1;
		}
	}
	chart_free(&c);
	return found;
}

/* " (postponed 61 days)" or " (brought forward 30 days)" between two
 * readable dates, else "". */
static void moved(day_t from, day_t to, char *buf, size_t cap)
{
	if (from == DAY_NONE || to == DAY_NONE || from == to)
		*buf = '\0';
	else
	{
		unsigned long d = (unsigned long)(to > from ? to - from : from - to);
		snprintf(buf, cap, to > from ? ngettext(" (postponed %lu day)", " (postponed %lu days)", d)
					     : ngettext(" (brought forward %lu day)", " (brought forward %lu days)", d),
			 d);
	}
}

static void child(int fd, const struct chart *c, uint32_t ms)
{
	FILE *out = fdopen(fd, "w");
	if (!out)
		_exit(1);
	const struct milestone *m = &c->milestones[ms];
	const char *path = c->files[item_file(c, KIND_MILESTONE, ms)].path;
	char dir[PATH_MAX], name[PATH_MAX];
	const char *slash = strrchr(path, '/');
	snprintf(dir, sizeof dir, "%.*s", slash ? (slash == path ? 1 : (int)(slash - path)) : 1, slash ? path : ".");
	snprintf(name, sizeof name, "%s", slash ? slash + 1 : path);
	struct git_out o;
	char count[32];
	snprintf(count, sizeof count, "-n%d", MAX_COMMITS);
	/* core.quotePath=false: a Chinese file name comes as it is, not quoted */
	if (git_run(dir, (const char *[]){"-c", "core.quotePath=false", "log", "--follow", count, "--format=%x01%H%x09%ad%x09%an", "--date=short",
					  "--name-only", "--", name, NULL},
		    &o) < 0 || !o.len) {
		char why[600];
		if (o.status == 0)
			snprintf(why, sizeof why, _("%.200s is not committed to git"), name);
		else if (o.status == 128 && strstr(o.err, "not a git repository"))
			snprintf(why, sizeof why, _("%.200s is not in a git repository"), name);
		else
			git_why(&o, why, sizeof why);
		fprintf(out, "E%s\n", why);
		fclose(out);
		_exit(0);
	}
	/* Commits come newest first; walk them oldest first. */
	char *commits[MAX_COMMITS];
	int n = 0;
	for (char *p = strtok(o.out, "\x01"); p && n < MAX_COMMITS; p = strtok(NULL, "\x01"))
		commits[n++] = p;
	char lines[MAX_COMMITS + 1][600], prev[128] = ""; /* every part below fits whole */
	unsigned char later[MAX_COMMITS + 1] = {0}; /* the line moves the date later: drawn in amber */
	int nl = 0, seen = 0;
	day_t prev_day = DAY_NONE;
	for (int i = n - 1; i >= 0; i--) {
		char *hash = strtok(commits[i], "\t"), *date = strtok(NULL, "\t"), *author = strtok(NULL, "\n"),
		     *file = strtok(NULL, "\n");
		if (!hash || !date || !author || !file)
			continue;
		char object[PATH_MAX + 64], text[128], how[64];
		snprintf(object, sizeof object, "%s:%s", hash, file);
		day_t day = DAY_NONE;
		if (!due_at(dir, object, c, ms, text, sizeof text, &day))
			continue;
		if (!seen)
			/* TRANSLATORS: a commit's date and author, then the due date the milestone came with */
			snprintf(lines[nl++], sizeof lines[0], _("%.16s %.80s  added, due %s"), date, author, text);
		else if (strcmp(text, prev)) {
			moved(prev_day, day, how, sizeof how);
			later[nl] = prev_day != DAY_NONE && day != DAY_NONE && day > prev_day;
			snprintf(lines[nl++], sizeof lines[0], "%.16s %.80s  %s → %s%s", date, author, prev, text, how);
		}
		seen = 1;
		snprintf(prev, sizeof prev, "%s", text);
		prev_day = day;
	}
	str_t due = milestone_due_text(c, m);
	const char *now = due ? chart_str(c, due) : "-";
	if (!seen) {
		snprintf(lines[nl++], sizeof lines[0], "%s", _("not committed to git yet"));
	} else if (strcmp(now, prev)) {
		char how[64];
		moved(prev_day, milestone_due(c, m), how, sizeof how);
		later[nl] = prev_day != DAY_NONE && milestone_due(c, m) != DAY_NONE && milestone_due(c, m) > prev_day;
		/* TRANSLATORS: the due date changed in the working file, not yet committed */
		snprintf(lines[nl++], sizeof lines[0], _("uncommitted  %s → %s%s"), prev, now, how);
	}
	for (int i = nl - 1; i >= 0; i--)
		fprintf(out, "%c%s\n", later[i] ? 'P' : 'L', lines[i]);
	fclose(out);
	_exit(0);
}

/* ---- in the interface ----------------------------------------------- */

void history_stop(struct history *h)
{
	if (h->state == HIST_RUNNING) {
		kill(h->pid, SIGTERM);
		close(h->fd);
		while (waitpid(h->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	memset(h, 0, sizeof *h);
}

void history_start(struct history *h, const struct chart *c, uint32_t ms)
{
	history_stop(h);
	h->c = c;
	h->ms = ms;
	int p[2];
	if (pipe(p) < 0) {
		h->state = HIST_FAILED;
		snprintf(h->lines[h->n++], sizeof h->lines[0], "%s", strerror(errno));
		return;
	}
	fflush(NULL); /* nothing buffered is written twice */
	h->pid = fork();
	if (h->pid == 0) {
		close(p[0]);
		child(p[1], c, ms);
	}
	close(p[1]);
	if (h->pid < 0) {
		close(p[0]);
		h->state = HIST_FAILED;
		snprintf(h->lines[h->n++], sizeof h->lines[0], "%s", strerror(errno));
		return;
	}
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	h->fd = p[0];
	h->state = HIST_RUNNING;
}

/* Copies what fits, cut between characters. */
static void copy_cut(char *to, size_t cap, const char *from)
{
	size_t n = strlen(from);
	if (n >= cap)
		for (n = cap - 1; n > 0 && ((unsigned char)from[n] & 0xc0) == 0x80; n--)
			;
	memcpy(to, from, n);
	to[n] = '\0';
}

int history_poll(struct history *h)
{
	if (h->state != HIST_RUNNING)
		return 0;
	int changed = 0;
	for (;;) {
		ssize_t r = read(h->fd, h->buf + h->len, sizeof h->buf - 1 - h->len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && errno == EAGAIN)
			return changed;
		if (r <= 0) { /* the end */
			close(h->fd);
			while (waitpid(h->pid, NULL, 0) < 0 && errno == EINTR)
				;
			h->state = h->failed ? HIST_FAILED : HIST_DONE;
			return 1;
		}
		h->len += (size_t)r;
		char *nl;
		while ((nl = memchr(h->buf, '\n', h->len))) {
			*nl = '\0';
			h->failed |= h->buf[0] == 'E';
			/* an author's name is as untrusted as a chart's text */
			char safe[TEXT_SANITIZE_MAX(sizeof h->buf)];
			unsigned how;
			text_sanitize(h->buf + 1, strlen(h->buf + 1), safe, TEXT_LINE, &how);
			if (h->n < HISTORY_LINES) {
				h->later[h->n] = h->buf[0] == 'P';
				copy_cut(h->lines[h->n++], sizeof h->lines[0], safe);
			}
			else
				h->more++;
			size_t used = (size_t)(nl - h->buf) + 1;
			memmove(h->buf, nl + 1, h->len - used);
			h->len -= used;
			changed = 1;
		}
		if (h->len == sizeof h->buf - 1) /* a line too long: cut */
			h->len = 0;
	}
}
