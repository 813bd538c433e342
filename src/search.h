/* search: find zones, projects and milestones by their text.
 *
 * Matching ignores case and full/half width: both sides are NFKC case
 * folded, so "ＡＳＣＩＩ" finds "ascii". Texts are folded once, on the first
 * search (interned, so each distinct text once), not at every keypress. */
#ifndef GUATU_SEARCH_H
#define GUATU_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* A place in the chart: a zone, one of its projects, one of its milestones. */
struct hit {
	uint32_t zone, project, milestone; /* NONE where not that deep */
};

struct search {
	const struct chart *c;
	char *folded;       /* folded texts, NUL-terminated, one after another */
	uint32_t *orig;     /* pool offsets of the texts, ascending */
	uint32_t *at;       /* where each one's folded text starts in `folded` */
	size_t n;
	char *query;        /* folded */
};

/* Prepares searching `c`; cheap until the first search_set(). */
void search_init(struct search *s, const struct chart *c);
/* Frees what was built. */
void search_free(struct search *s);
/* Sets the text to look for; -1 when out of memory. An empty query matches nothing. */
int search_set(struct search *s, const char *query);
/* Looks for the next (dir 1) or previous (dir -1) match after `from`,
 * wrapping around; `from` itself is checked last. Returns 1 and fills *out,
 * or 0 when nothing matches. */
int search_next(struct search *s, struct hit from, int dir, struct hit *out);
/* Does the item at `h` match? */
int search_matches(struct search *s, struct hit h);

#endif
