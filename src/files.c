#include "config.h"
#include "files.h"
#include "i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

int files_is_chart_name(const char *name)
{
	size_t n = strlen(name);
	if (name[0] == '.') /* editors' lock and backup files */
		return 0;
	return (n > 5 && !strcasecmp(name + n - 5, ".yaml")) || (n > 4 && !strcasecmp(name + n - 4, ".yml"));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void files_free_list(char **paths, long n)
{
	for (long i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

long files_list_dir(const char *dir, char ***paths)
{
	*paths = NULL;
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	char **names = NULL;
	size_t n = 0, cap = 0, dlen = strlen(dir);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!files_is_chart_name(e->d_name))
			continue;
		void *v = names;
		size_t len = dlen + strlen(e->d_name) + 2;
		if (grow(&v, &cap, n, sizeof *names) < 0 || !((names = v), (names[n] = malloc(len)))) {
			closedir(d);
			files_free_list(names, (long)n);
			errno = ENOMEM;
			return -1;
		}
		snprintf(names[n++], len, dir[dlen - 1] == '/' ? "%s%s" : "%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	*paths = names;
	return (long)n;
}

/* The files added so far, by device and inode, so a file named twice
 * (directly and through its directory, or by a link) loads once. */
struct seen {
	dev_t *dev;
	ino_t *ino;
	size_t n, cap;
};

static int add_file(struct chart *c, struct seen *s, const char *path, uint32_t arg)
{
	struct stat st;
	int known = stat(path, &st) == 0;
	for (size_t i = 0; known && i < s->n; i++)
		if (s->dev[i] == st.st_dev && s->ino[i] == st.st_ino)
			return 0;
	if (known) {
		if (s->n == s->cap) {
			size_t cap = s->cap ? 2 * s->cap : 16;
			dev_t *d = realloc(s->dev, cap * sizeof *d);
			if (d)
				s->dev = d;
			ino_t *i = realloc(s->ino, cap * sizeof *i);
			if (i)
				s->ino = i;
			if (!d || !i)
				return -1;
			s->cap = cap;
		}
		s->dev[s->n] = st.st_dev;
		s->ino[s->n++] = st.st_ino;
	}
	return files_append(c, path, path, arg);
}

int files_append(struct chart *c, const char *path, const char *name, uint32_t arg)
{
	void *v = c->files;
	if (grow(&v, &c->files_cap, c->nfiles, sizeof *c->files) < 0)
		return -1;
	c->files = v;
	size_t n = strlen(name);
	char *copy = strdup(path), *shown = malloc(TEXT_SANITIZE_MAX(n));
	unsigned changed;
	if (!copy || !shown) {
		free(copy);
		free(shown);
		return -1;
	}
	text_sanitize(name, n, shown, TEXT_LINE, &changed); /* names can hold escapes too */
	struct chart_file *f = &c->files[c->nfiles++];
	*f = (struct chart_file){.path = copy, .shown = shown, .arg = arg};
	/* No items yet, where its items would start: files' ranges stay in
	 * order (item_file). */
	for (int k = 0; k < KIND_COUNT; k++)
		f->items[k].first = f->items[k].end = (uint32_t)chart_count(c, (enum kind)k);
	return 0;
}

/* Adds the charts of a directory; one that holds none stands for itself,
 * with an error. */
static int add_dir(struct chart *c, struct seen *s, const char *dir, uint32_t arg)
{
	char **names;
	long n = files_list_dir(dir, &names);
	const char *why = n < 0 ? strerror(errno) : n == 0 ? _("no *.yaml or *.yml files in this directory") : NULL;
	if (n < 0 && errno == ENOMEM)
		return -1;
	int r = 0;
	for (long i = 0; i < n && r == 0; i++)
		r = add_file(c, s, names[i], arg);
	files_free_list(names, n);
	if (r == 0 && why) {
		size_t at = c->nfiles;
		r = add_file(c, s, dir, arg);
		if (r == 0 && c->nfiles > at) {
			c->files[at].placeholder = 1;
			diag_add(&c->diags, DIAG_ERROR, (uint32_t)at, 0, 0, "%s", why);
		}
	}
	return r;
}

int files_add(struct chart *c, const char *const *paths, size_t n)
{
	struct seen s = {0};
	int r = 0;
	for (size_t i = 0; r == 0 && i < n; i++) {
		struct stat st;
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			r = add_dir(c, &s, paths[i], (uint32_t)i);
		else
			r = add_file(c, &s, paths[i], (uint32_t)i);
	}
	free(s.dev);
	free(s.ino);
	return r;
}

static void identity(const struct stat *st, struct file_id *id)
{
	*id = (struct file_id){st->st_dev, st->st_ino, st->st_size, st->st_mtim, 1};
}

void files_identify(const char *path, struct file_id *id)
{
	struct stat st;
	if (stat(path, &st) == 0)
		identity(&st, id);
	else
		*id = (struct file_id){0};
}

int files_same(const struct file_id *a, const struct file_id *b)
{
	if (a->exists != b->exists)
		return 0;
	return !a->exists || (a->size == b->size && a->ino == b->ino && a->dev == b->dev &&
			      a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec);
}

FILE *files_open(struct chart *c, uint32_t f, struct file_id *id)
{
	*id = (struct file_id){0};
	errno = 0; /* ENOMEM, and only then, says out of memory to the caller */
	/* Non-blocking, so a FIFO never waits for a writer; only regular files
	 * are read, so a device (/dev/zero) is never read without end. */
	int fd = open(c->files[f].path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		int err = errno;
		struct stat l;
		files_identify(c->files[f].path, id); /* the watcher sees when this changes */
		if (err == ENOENT && lstat(c->files[f].path, &l) == 0 && S_ISLNK(l.st_mode))
			diag_add(&c->diags, DIAG_ERROR, f, 0, 0, "a symbolic link to nothing (dangling)");
		else if (err == ELOOP)
			diag_add(&c->diags, DIAG_ERROR, f, 0, 0, "a loop of symbolic links");
		else
			diag_add(&c->diags, DIAG_ERROR, f, 0, 0, "%s", strerror(err));
		return NULL;
	}
	struct stat st;
	int known = fstat(fd, &st) == 0;
	if (known)
		identity(&st, id);
	const char *why = !known ? strerror(errno)
			  : S_ISDIR(st.st_mode)  ? _("is a directory")
			  : !S_ISREG(st.st_mode) ? _("not a regular file (a pipe or a device): guatu reads chart files only")
						 : NULL;
	if (why) {
		diag_add(&c->diags, DIAG_ERROR, f, 0, 0, "%s", why);
		close(fd);
		return NULL;
	}
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	FILE *fp = fdopen(fd, "rb");
	if (!fp) {
		int err = errno;
		close(fd);
		/* No memory for the stream is not the file's fault: no error on
		 * it, and the load stops as out of memory (load.c's read_once). */
		if (err == ENOMEM)
			return errno = ENOMEM, NULL;
		diag_add(&c->diags, DIAG_ERROR, f, 0, 0, "%s", strerror(err));
	}
	return fp;
}
