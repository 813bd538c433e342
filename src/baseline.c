#include "config.h"
#include "baseline.h"
#include "i18n.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "files.h"
#include "git.h"
#include "date.h"
#include "load.h"
#include "text.h"

/* What the git source knows of each file of the baseline chart. */
struct git_source {
	const char *spec;
	char **dir;   /* per file: where to run git (NULL for a placeholder) */
	char (*blob)[64];
	size_t cap;
	pid_t pid;    /* of the cat-file reading now */
};

static int is_date_spec(const char *spec, char *base, char *date, size_t cap)
{
	const char *at = strstr(spec, "@{");
	size_t len = strlen(spec);
	if (!at || len < 4 || spec[len - 1] != '}' || (size_t)(at - spec) >= cap || len >= cap)
		return 0;
	const char *in = at + 2, *end = spec + len - 1;
	int digits = 1;
	for (const char *p = in; p < end; p++)
		digits &= isdigit((unsigned char)*p) != 0;
	/* @{1} is the reflog, @{u} and @{push} name branches: git's own */
	if (in == end || digits || *in == '-' || !strncmp(in, "u}", 2) || !strncmp(in, "upstream}", 9) ||
	    !strncmp(in, "push}", 5))
		return 0;
	snprintf(base, cap, "%.*s", (int)(at - spec), spec);
	if (!*base)
		strcpy(base, "HEAD");
	snprintf(date, cap, "%.*s", (int)(end - in), in);
	return 1;
}

int baseline_commit(const char *dir, const char *spec, char commit[64], char *why, size_t cap)
{
	struct git_out o;
	if (git_run(dir, (const char *[]){"rev-parse", "--git-dir", NULL}, &o) < 0) {
		if (o.status < 0)
			git_why(&o, why, cap);
		else
			snprintf(why, cap, _("not in a git repository, so it has no revision '%s' "
					   "(--baseline also takes a path to a copy of the chart)"), spec);
		git_out_free(&o);
		return -1;
	}
	git_out_free(&o);
	char base[256], date[256], rev[300];
	int dated = is_date_spec(spec, base, date, sizeof base);
	if (dated) {
		/* A chart date form, as of the end of its last day: git's own
		 * approxidate takes anything ("@{garbage}" is now). */
		struct span sp;
		const char *bad;
		if (date_parse(date, strlen(date), &sp, &bad) < 0) {
			snprintf(why, cap, _("not a date: '%s' (%s)"), date, bad);
			return -1;
		}
		int y, m, d;
		date_to_ymd(sp.last, &y, &m, &d);
		char before[64];
		snprintf(before, sizeof before, "--before=%04d-%02d-%02d 23:59:59", y, m, d);
		git_run(dir, (const char *[]){"rev-list", "-1", "--first-parent", before, "--end-of-options", base, NULL}, &o);
	} else {
		snprintf(rev, sizeof rev, "%s^{commit}", spec);
		git_run(dir, (const char *[]){"rev-parse", "--verify", "--quiet", "--end-of-options", rev, NULL}, &o);
	}
	size_t n = o.out ? strspn(o.out, "0123456789abcdef") : 0;
	if (o.status == 0 && n >= 40 && n < 64) {
		memcpy(commit, o.out, n);
		commit[n] = '\0';
		git_out_free(&o);
		return 0;
	}
	if (o.status < 0)
		git_why(&o, why, cap);
	else if (dated && o.status == 0)
		snprintf(why, cap, _("no commit of %s before %s"), base, date);
	else
		snprintf(why, cap, _("neither a revision nor a file or directory: '%s' (git tag and git log --oneline "
				   "list the revisions)"), dated ? base : spec);
	git_out_free(&o);
	return -1;
}

static int remember(struct git_source *g, struct chart *c, const char *dir, const char *blob)
{
	if (c->nfiles > g->cap) {
		size_t cap = c->nfiles * 2;
		char **d = realloc(g->dir, cap * sizeof *d);
		if (!d)
			return -1;
		g->dir = d;
		char(*b)[64] = realloc(g->blob, cap * sizeof *b);
		if (!b)
			return -1;
		g->blob = b;
		g->cap = cap;
	}
	size_t f = c->nfiles - 1;
	g->dir[f] = dir ? strdup(dir) : NULL;
	snprintf(g->blob[f], sizeof g->blob[f], "%s", blob ? blob : "");
	return dir && !g->dir[f] ? -1 : 0;
}

/* Adds a file named `shown` that stands for a problem: nothing to read. */
static int problem(struct git_source *g, struct chart *c, const char *shown, uint32_t arg,
		   enum severity sev, const char *why)
{
	if (files_append(c, shown, shown, arg) < 0 || remember(g, c, NULL, NULL) < 0)
		return -1;
	c->files[c->nfiles - 1].placeholder = 1;
	diag_add(&c->diags, sev, (uint32_t)(c->nfiles - 1), 0, 0, "%s", why);
	return 0;
}

/* One line of git ls-tree -z: "MODE TYPE HASH\tNAME". */
struct entry {
	const char *mode, *type, *hash, *name;
};

static int parse_entry(char *line, struct entry *e)
{
	char *tab = strchr(line, '\t');
	if (!tab)
		return -1;
	*tab = '\0';
	e->name = tab + 1;
	e->mode = strtok(line, " ");
	e->type = strtok(NULL, " ");
	e->hash = strtok(NULL, " ");
	return e->mode && e->type && e->hash ? 0 : -1;
}

/* Adds one file of the revision: a blob to read, or why it cannot be. */
static int add_entry(struct git_source *g, struct chart *c, const char *dir, const struct entry *e,
		     const char *path, uint32_t arg)
{
	char shown[PATH_MAX + 300];
	snprintf(shown, sizeof shown, "%s:%s", g->spec, path);
	if (strcmp(e->type, "blob"))
		return problem(g, c, shown, arg, DIAG_ERROR, _("not a file at this revision"));
	if (!strcmp(e->mode, "120000"))
		return problem(g, c, shown, arg, DIAG_ERROR,
			       _("a symbolic link at this revision: guatu does not follow links in git"));
	if (files_append(c, path, shown, arg) < 0 || remember(g, c, dir, e->hash) < 0)
		return -1;
	return 0;
}

static int add_path(struct git_source *g, struct chart *c, const char *path, uint32_t arg)
{
	struct stat st;
	int isdir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	char dir[PATH_MAX], name[PATH_MAX], commit[64], why[600], shown[PATH_MAX + 300];
	const char *slash = strrchr(path, '/');
	if (isdir || !slash) {
		snprintf(dir, sizeof dir, "%s", isdir ? path : ".");
		snprintf(name, sizeof name, "%s", isdir ? "" : path);
	} else {
		snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
		snprintf(name, sizeof name, "%s", slash + 1);
	}
	snprintf(shown, sizeof shown, "%s:%s", g->spec, path);
	if (baseline_commit(dir, g->spec, commit, why, sizeof why) < 0)
		return problem(g, c, shown, arg, DIAG_ERROR, why);
	struct git_out o;
	const char *args[] = {"ls-tree", "-z", commit, "--", *name ? name : ".", NULL};
	if (git_run(dir, isdir ? (const char *[]){"ls-tree", "-z", commit, NULL} : args, &o) < 0) {
		git_why(&o, why, sizeof why);
		git_out_free(&o);
		return problem(g, c, shown, arg, DIAG_ERROR, why);
	}
	int r = 0;
	size_t found = 0;
	for (char *line = o.out, *end = o.out + o.len; r == 0 && line && line < end; line += strlen(line) + 1) {
		struct entry e;
		if (parse_entry(line, &e) < 0 || (isdir && !files_is_chart_name(e.name)))
			continue;
		if (isdir && !strcmp(e.type, "tree"))
			continue;
		char full[PATH_MAX];
		if (isdir)
			snprintf(full, sizeof full, path[strlen(path) - 1] == '/' ? "%s%s" : "%s/%s", path, e.name);
		else
			snprintf(full, sizeof full, "%s", path);
		found++;
		r = add_entry(g, c, dir, &e, full, arg);
	}
	size_t listed = o.len;
	git_out_free(&o);
	/* Nothing there then (git lists nothing): added since, a note; a
	 * directory that was there without charts is an error, as now. */
	if (r == 0 && !found)
		r = isdir && listed ? problem(g, c, shown, arg, DIAG_ERROR, _("no *.yaml or *.yml files in this directory at this revision"))
				   : problem(g, c, shown, arg, DIAG_NOTE,
					     _("not in the baseline (added or renamed since): its items count as new"));
	return r;
}

static int git_add(struct chart *c, const char *const *paths, size_t n, void *arg)
{
	for (size_t i = 0; i < n; i++)
		if (add_path(arg, c, paths[i], (uint32_t)i) < 0)
			return -1;
	return 0;
}

static FILE *git_open(struct chart *c, uint32_t f, void *arg)
{
	struct git_source *g = arg;
	FILE *fp = git_stream(g->dir[f], (const char *[]){"cat-file", "blob", g->blob[f], NULL}, &g->pid);
	if (!fp)
		diag_add(&c->diags, DIAG_ERROR, f, 0, 0, "cannot run git: %s", strerror(errno));
	return fp;
}

static void git_close_file(FILE *fp, void *arg)
{
	struct git_source *g = arg;
	git_close(fp, g->pid);
}

int baseline_load(struct baseline *b, const char *spec, const char *const *paths, size_t n,
		  const struct load_opts *opts)
{
	memset(b, 0, sizeof *b);
	/* The name is only shown (summaries, the changes view): neutralised
	 * like any text bound for a terminal; git is given `spec` as it is. */
	unsigned changed;
	if (!(b->name = malloc(TEXT_SANITIZE_MAX(strlen(spec)))))
		return -1;
	text_sanitize(spec, strlen(spec), b->name, TEXT_LINE, &changed);
	if (chart_init(&b->c) < 0)
		return -1;
	struct load_opts lo = *opts;
	struct stat st;
	int r;
	if (stat(spec, &st) == 0) { /* a copy of the chart */
		r = load_chart(&b->c, &spec, 1, &lo, NULL);
	} else {
		b->at_rev = 1;
		struct git_source g = {.spec = spec};
		struct source src = {git_add, git_open, git_close_file, &g};
		lo.source = &src;
		lo.after_read = NULL;
		r = load_chart(&b->c, paths, n, &lo, NULL);
		for (size_t f = 0; f < b->c.nfiles && f < g.cap; f++)
			free(g.dir[f]);
		free(g.dir);
		free(g.blob);
	}
	size_t loaded = 0;
	for (size_t f = 0; f < b->c.nfiles; f++)
		loaded += b->c.files[f].loaded;
	b->failed = !loaded;
	return r;
}

void baseline_free(struct baseline *b)
{
	free(b->name);
	chart_free(&b->c);
	memset(b, 0, sizeof *b);
}

int baseline_adopt(struct chart *c, const struct baseline *b)
{
	const struct chart *bc = &b->c;
	size_t first = c->nfiles;
	for (size_t f = 0; f < bc->nfiles; f++) {
		if (files_append(c, bc->files[f].path, bc->files[f].shown, 0) < 0)
			return -1;
		c->files[c->nfiles - 1].placeholder = 1;
	}
	c->nbase = bc->nfiles;
	/* Errors and notes: the comparison is not whole without them.
	 * Warnings about an old version are for nobody to fix now. */
	for (size_t i = 0; i < bc->diags.n; i++) {
		const struct diag *d = &bc->diags.v[i];
		if (d->severity != DIAG_WARNING)
			diag_add(&c->diags, d->severity, (uint32_t)(first + d->file), d->line, d->col, "%s", d->msg);
	}
	diag_sort(&c->diags);
	return diag_index(&c->diags);
}
