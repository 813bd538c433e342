/* load: chart files (YAML) into a chart.
 *
 * libyaml's event API feeds the model directly, so a load needs little more
 * memory than the model itself. Problems become diagnostics in the chart;
 * a file that cannot be read, or whose YAML is broken, contributes nothing
 * while the other files load; a bad field costs only that field or item. */
#ifndef GUATU_LOAD_H
#define GUATU_LOAD_H

#include <stddef.h>

#include "model.h"

/* Bounds that keep a hostile file from costing much time or memory. */
struct load_limits {
	size_t max_file;   /* bytes in one file */
	size_t max_scalar; /* bytes in one text */
	int max_depth;     /* YAML nesting levels */
	size_t max_diags;  /* diagnostics kept per file; the rest are counted */
	/* Called after each reading of a file, before it is checked for a
	 * change: lets tests change a file while it is being read. NULL normally. */
	void (*after_read)(const char *path, void *arg);
	void *after_read_arg;
};

extern const struct load_limits load_default_limits;

/* Is this directory entry a chart (*.yaml or *.yml, not hidden)? */
int load_is_chart_name(const char *name);
/* The charts of a directory as paths, sorted by name (the order they load
 * in). Returns how many, or -1 with errno set (ENOMEM: out of memory). */
long load_list_dir(const char *dir, char ***paths);
/* Frees what load_list_dir() gave. */
void load_free_list(char **paths, long n);

/* Loads files and directories (their *.yaml and *.yml, by name) into the
 * empty chart `c`. A file that changes while it is read is read again. When
 * `prev` is the chart loaded before (a reload), a file that now fails keeps
 * its items from `prev`, marked stale: the user never loses what was shown.
 * Returns 0, or -1 when memory ran out. Either way every problem found is in
 * c->diags, sorted by file and line. */
int load_chart(struct chart *c, const char *const *paths, size_t npaths,
	       const struct load_limits *lim, const struct chart *prev);

#endif
