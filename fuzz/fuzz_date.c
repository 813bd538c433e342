/* libFuzzer target: the date parser (src/date.c) on any valid UTF-8, as the
 * loader hands it texts (libyaml has refused invalid UTF-8 before). Beyond
 * crashes and undefined behaviour it checks what a date that reads must be:
 * a span that does not run backwards, inside the years the parser accepts
 * (1000-9999), whose days survive the trip through the calendar; and a date
 * that does not read always says why. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_day(day_t d)
{
	int y, m, dd;
	char buf[11];
	date_to_ymd(d, &y, &m, &dd);
	if (y < 1000 || y > 9999 || date_from_ymd(y, m, dd) != d)
		abort();
	date_format(d, buf);
	struct span again;
	const char *why;
	/* What guatu writes (YYYY-MM-DD) it reads back as the same day. */
	if (date_parse(buf, 10, &again, &why) != 0 || again.first != d || again.last != d)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (u8_check(data, size))
		return 0;
	/* A copy of exactly `size` bytes, so reading past the text is caught. */
	char *s = malloc(size ? size : 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	struct span sp;
	const char *why = NULL;
	if (date_parse(s, size, &sp, &why) == 0) {
		if (sp.first > sp.last)
			abort();
		check_day(sp.first);
		check_day(sp.last);
	} else if (!why || !*why) {
		abort();
	}
	free(s);
	return 0;
}
