#include "config.h"
#include "typo.h"

#include <string.h>

#include <unistr.h>

/* In characters, not bytes: zone names and ids may be Chinese (graft.c),
 * and 廣安 is one edit from 广安, not three. */
size_t typo_distance_n(const char *a, size_t an, const char *b, size_t bn)
{
	ucs4_t x[32], y[32];
	size_t la = 0, lb = 0, row[33];
	for (size_t i = 0; i < an; la++) {
		if (la == 32)
			return 99;
		int k = u8_mbtouc(&x[la], (const uint8_t *)a + i, an - i);
		i += k > 0 ? (size_t)k : 1;
	}
	for (size_t i = 0; i < bn; lb++) {
		if (lb == 32)
			return 99;
		int k = u8_mbtouc(&y[lb], (const uint8_t *)b + i, bn - i);
		i += k > 0 ? (size_t)k : 1;
	}
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (x[i - 1] != y[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

size_t typo_distance(const char *a, const char *b)
{
	return typo_distance_n(a, strlen(a), b, strlen(b));
}

const char *typo_guess(const char *typed, const char *const *known, size_t n)
{
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; i < n; i++) {
		size_t d = typo_distance(typed, known[i]);
		if (d < bestd && d < strlen(known[i])) {
			bestd = d;
			best = known[i];
		}
	}
	return best;
}
