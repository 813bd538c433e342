/* watch: have the files a chart was read from changed since?
 *
 * Compares what the files look like now with what the loader saw when it
 * read them (chart_file.seen), so a change saved while a large chart was
 * loading is not missed; and each directory's charts now with the files
 * the chart has from it, so files that come and go are seen. */
#ifndef GUATU_WATCH_H
#define GUATU_WATCH_H

#include "model.h"

struct watch {
	unsigned long long pending; /* what a change looked like at the last look; 0 none */
};

enum watch_result {
	WATCH_SAME,     /* as loaded */
	WATCH_CHANGING, /* changed: look again soon, it may still be being written */
	WATCH_CHANGED,  /* changed, and held still since the last look: reload */
};

/* Looks at the files of `c`, loaded from paths[0..n). */
enum watch_result watch_look(struct watch *w, const struct chart *c, const char *const *paths, size_t n);

#endif
