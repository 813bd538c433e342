/* search: does a text hold what the user typed?
 *
 * Matching ignores case, full/half width and Simplified/Traditional: both
 * sides are folded (fold.h), so "ＡＳＣＩＩ" finds "ascii" and 广安 finds
 * 廣安. A query that is a date also finds what falls due in it, whatever form
 * it was written in. The chart's texts are folded once
 * per load into one buffer (the index); a query is looked for in that buffer
 * in one pass, which marks every text that holds it. After that, whether any
 * item matches is a table look-up: views walk their own rows, in the order
 * they show them, and ask. */
#ifndef GUATU_SEARCH_H
#define GUATU_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* The chart's texts, folded. */
struct search_index {
	char *folded; /* text i folded, NUL-terminated, at folded + at[i] */
	uint32_t *at;
	size_t n;     /* texts folded (the pool's count when built) */
};

/* A query, and which of the chart's texts hold it. */
struct matcher {
	char *query; /* folded; NULL or "" matches nothing */
	size_t qlen;
	uint8_t *hit; /* per text of the index: 1 when it holds the query */
	size_t nhit;
	size_t hits;  /* how many texts hold it */
	int is_date;      /* the query reads as a date: */
	struct span when; /* its period */
};

/* Folds every text of `p`. -1 when out of memory. */
int search_index_build(struct search_index *x, const struct pool *p);
/* Frees the index. */
void search_index_free(struct search_index *x);

/* Sets the query and marks the texts of `x` that hold it. -1: out of memory. */
int matcher_set(struct matcher *m, const struct search_index *x, const char *query);
/* Frees the matcher. */
void matcher_free(struct matcher *m);
/* Is there a query? */
static inline int matcher_active(const struct matcher *m) { return m->query && *m->query; }
/* Does chart text s hold the query? */
static inline int matcher_str(const struct matcher *m, str_t s)
{
	return s != STR_NONE && s < m->nhit && m->hit[s];
}
/* Can no item of the chart match (no text holds the query, and it is no
 * date)? Views of the chart's items then need not walk their rows. */
static inline int matcher_misses_chart(const struct matcher *m) { return !m->hits && !m->is_date; }
/* Does a text that is not the chart's (a help line) hold it? */
int matcher_text(const struct matcher *m, const char *s, size_t len);
/* Does item i of kind k hold it, in any of its texts? */
int matcher_item(const struct matcher *m, const struct chart *c, enum kind k, uint32_t i);

#endif
