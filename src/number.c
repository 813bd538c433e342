#include "config.h"
#include "number.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum number_error number_parse(const char *s, size_t len, double *out)
{
	char buf[128];
	size_t n = 0;
	for (size_t i = 0; i < len; n++) {
		if (n + 1 >= sizeof buf)
			return NUMBER_NOT;
		const unsigned char *u = (const unsigned char *)s + i;
		/* U+FF01..U+FF5E (full-width ASCII) is EF BC 81 .. EF BD 9E. */
		if (u[0] == 0xef && i + 2 < len && (u[1] == 0xbc || u[1] == 0xbd)) {
			unsigned cp = 0xff00 + ((u[1] & 0x03u) << 6) + (u[2] & 0x3fu);
			if (cp >= 0xff01 && cp <= 0xff5e) {
				buf[n] = (char)(cp - 0xfee0);
				i += 3;
				continue;
			}
		}
		buf[n] = s[i++];
	}
	buf[n] = '\0';
	const char *t = buf[0] == '+' || buf[0] == '-' ? buf + 1 : buf;
	if (!strcasecmp(t, ".inf") || !strcasecmp(t, "inf") || !strcasecmp(t, "infinity") ||
	    !strcasecmp(t, ".nan") || !strcasecmp(t, "nan"))
		return NUMBER_INFINITE;
	/* Plain decimal notation only: strtod alone would take hex and more. */
	if (!n || strspn(buf, "0123456789.+-eE") != n || !strpbrk(buf, "0123456789"))
		return NUMBER_NOT;
	char *end;
	errno = 0;
	double v = strtod(buf, &end);
	if (end != buf + n)
		return NUMBER_NOT;
	if (errno == ERANGE || !isfinite(v))
		return NUMBER_RANGE;
	*out = v == 0 ? 0 : v; /* -0 is 0 */
	return NUMBER_OK;
}

void number_format(double v, char *buf, size_t cap)
{
	if (!isfinite(v) || v == 0) {
		snprintf(buf, cap, "%s", isnan(v) ? "-" : "0");
		return;
	}
	/* Fifteen significant digits, written out without an exponent, then the
	 * trailing zeros dropped: 0.1 + 0.2 shows as 0.3. */
	int mag = (int)floor(log10(fabs(v)));
	int decimals = 14 - mag;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 20)
		decimals = 20;
	snprintf(buf, cap, "%.*f", decimals, v);
	char *dot = strchr(buf, '.');
	if (dot) {
		char *e = buf + strlen(buf);
		while (e > dot + 1 && e[-1] == '0')
			e--;
		if (e == dot + 1)
			e = dot;
		*e = '\0';
	}
	if (!strcmp(buf, "-0"))
		strcpy(buf, "0");
}
