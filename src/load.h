/* load: chart files (YAML) into a chart.
 *
 * The files (files.c) are read one by one through the YAML reader
 * (reader.c) and the chart schema (schema.c) straight into the model, so a
 * load needs little more memory than the model itself. Problems become
 * diagnostics in the chart; a file that cannot be read, or whose YAML is
 * broken, contributes nothing while the other files load (or, on a reload,
 * its last good items: carry.c); a bad field costs only that field or item. */
#ifndef GUATU_LOAD_H
#define GUATU_LOAD_H

#include <stddef.h>

#include "model.h"
#include "reader.h"

/* Loads files and directories (their *.yaml and *.yml, by name) into the
 * empty chart `c`. A file that changes while it is read is read again. When
 * `prev` is the chart loaded before (a reload), a file that now fails keeps
 * its items from `prev`, marked stale: the user never loses what was shown.
 * Returns 0, or -1 when memory ran out. Either way every problem found is in
 * c->diags, sorted by file and line. */
int load_chart(struct chart *c, const char *const *paths, size_t npaths,
	       const struct load_opts *opts, const struct chart *prev);

#endif
