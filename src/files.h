/* files: which files a chart is made of, and reading them safely.
 *
 * Paths given are files or directories (their *.yaml and *.yml, any case,
 * in order of name). A file is opened without blocking and read only if it
 * is a regular file: a FIFO or a device named by mistake is refused at once.
 * What each file looked like when it was read is kept (struct file_id), so
 * the watcher can tell a change made while a large chart was loading. */
#ifndef GUATU_FILES_H
#define GUATU_FILES_H

#include <stdio.h>

#include "model.h"

/* Is this directory entry a chart (*.yaml or *.yml in any case, not hidden)? */
int files_is_chart_name(const char *name);
/* The charts of a directory as paths, sorted by name (the order they load
 * in). Returns how many, or -1 with errno set (ENOMEM: out of memory). */
long files_list_dir(const char *dir, char ***paths);
/* Frees what files_list_dir() gave. */
void files_free_list(char **paths, long n);

/* Adds to c->files the files that paths[] name, each file once, with the
 * index of the path that named it. A directory with no charts is added as
 * itself with an error. Returns -1 when out of memory. */
int files_add(struct chart *c, const char *const *paths, size_t n);

/* Appends a file to c->files: `path` to open it by, `name` to show (made
 * safe here). -1 when out of memory. */
int files_append(struct chart *c, const char *path, const char *name, uint32_t arg);

/* Opens file f of c for reading, if it is a regular file, and fills *id
 * with what it looks like now. NULL (with an error added to c) otherwise;
 * NULL with errno ENOMEM when out of memory. */
FILE *files_open(struct chart *c, uint32_t f, struct file_id *id);
/* What the file at `path` looks like now (id->exists = 0 if it is gone). */
void files_identify(const char *path, struct file_id *id);
/* Do two identities describe the same contents? */
int files_same(const struct file_id *a, const struct file_id *b);

#endif
