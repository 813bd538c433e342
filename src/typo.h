/* typo: the known word a mistyped one most likely meant.
 *
 * For "did you mean" in the chart (schema.c) and the configuration
 * (settings.c), and zone paths (graft.c): an edit distance in characters. */
#ifndef GUATU_TYPO_H
#define GUATU_TYPO_H

#include <stddef.h>

/* Levenshtein distance in characters of two short UTF-8 texts; 99 when
 * either is 32 characters or longer. */
size_t typo_distance_n(const char *a, size_t an, const char *b, size_t bn);
/* The same of two NUL-terminated texts. */
size_t typo_distance(const char *a, const char *b);
/* The word of known[0..n) nearest `typed`, at most 2 edits away and fewer
 * edits than its length; NULL when none is. */
const char *typo_guess(const char *typed, const char *const *known, size_t n);

#endif
