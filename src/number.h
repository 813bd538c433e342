/* number: figures as people write them and as they expect to read them.
 *
 * Read: plain decimals, full-width digits too ("１２．５"); not "1,000",
 * "十亿", hex, or YAML's .inf/.nan. Shown: plain decimal notation with the
 * digits that matter ("0.000001", not "1e-06"), never "-0" or "inf". */
#ifndef GUATU_NUMBER_H
#define GUATU_NUMBER_H

#include <stddef.h>

enum number_error {
	NUMBER_OK,
	NUMBER_NOT,      /* not a number */
	NUMBER_INFINITE, /* .inf, .nan, inf, nan */
	NUMBER_RANGE,    /* too large or too small for a double (1e400, 1e-400) */
};

/* Reads `len` bytes of valid UTF-8 as a number into *out. */
enum number_error number_parse(const char *s, size_t len, double *out);
/* Writes v to buf (at least 32 bytes) as people write it. */
void number_format(double v, char *buf, size_t cap);

#endif
