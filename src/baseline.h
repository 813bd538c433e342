/* baseline: the chart as it was approved, to compare with.
 *
 * A baseline is either a git revision of the repository the chart's files
 * are in (a tag such as plan-2023, HEAD~5, or a date: @{2023-01-01}, the
 * last commit before it) or a path to a copy of the chart. At a revision,
 * the same paths are read through the git command line (git ls-tree for a
 * directory, git cat-file for each file) and parsed by the same loader, so
 * a baseline costs about what a load costs. */
#ifndef GUATU_BASELINE_H
#define GUATU_BASELINE_H

#include "model.h"
#include "reader.h"

struct baseline {
	char *name;     /* as given: "plan-2023", "snapshots/2023/" */
	int at_rev;     /* a git revision, not a path */
	struct chart c; /* the chart as it was; its files are shown as "plan-2023:data/a.yaml" */
	int failed;     /* nothing could be read: there is nothing to compare with */
};

/* Loads the baseline `spec` of the chart made of paths[]: the path, when
 * `spec` names a file or directory, else the revision. Problems are
 * diagnostics in b->c (a revision git does not know, a directory that is
 * not in a repository, no git). -1 only when out of memory. */
int baseline_load(struct baseline *b, const char *spec, const char *const *paths, size_t n,
		  const struct load_opts *opts);
void baseline_free(struct baseline *b);

/* Adds the baseline's errors and notes to `c`, on files of their own at the
 * end of c->files (placeholders, counted in c->nbase), so that every view
 * that shows a chart's problems shows these too. -1 when out of memory. */
int baseline_adopt(struct chart *c, const struct baseline *b);

/* The commit a revision names in the repository that holds `dir`, in
 * commit[] (hex); -1 with the reason in why[]. `@{DATE}` (or REF@{DATE})
 * is the last commit before DATE on the first-parent line, not the reflog
 * (a fresh clone has none). */
int baseline_commit(const char *dir, const char *spec, char commit[64], char *why, size_t cap);

#endif
