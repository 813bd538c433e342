/* slips: what an input method typed where YAML wanted ASCII.
 *
 * Chinese input methods give a full-width colon (：), a full-width space
 * (U+3000) or a full-width dash (－) where YAML needs ':', ' ' or '-', and
 * editors sometimes indent with tabs. libyaml then reports something far
 * from the cause; these name the character and the fix, at its column. */
#ifndef GUATU_SLIPS_H
#define GUATU_SLIPS_H

#include <stddef.h>

struct slip {
	unsigned col;   /* 1-based, in characters, as libyaml counts */
	char msg[160];
};

/* Looks for a slip in one line of a file (`len` bytes, no newline).
 * Returns 1 and fills *out when there is one. */
int slip_scan(const char *line, size_t len, struct slip *out);

#endif
