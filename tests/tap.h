/* A few TAP helpers for the unit tests: each check is one numbered line, so
 * automake's TAP driver counts assertions, not programs. */
#ifndef GUATU_TAP_H
#define GUATU_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

__attribute__((format(printf, 2, 0)))
static void tap_result(int pass, const char *fmt, va_list ap)
{
	tap_n++;
	tap_failed += !pass;
	printf("%s %d - ", pass ? "ok" : "not ok", tap_n);
	vprintf(fmt, ap);
	putchar('\n');
}

__attribute__((format(printf, 2, 3), unused))
static int ok(int pass, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tap_result(pass, fmt, ap);
	va_end(ap);
	return pass;
}

__attribute__((format(printf, 3, 4), unused))
static int is_str(const char *got, const char *want, const char *fmt, ...)
{
	int pass = got && want ? strcmp(got, want) == 0 : got == want;
	va_list ap;
	va_start(ap, fmt);
	tap_result(pass, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)", want ? want : "(null)");
	return pass;
}

__attribute__((format(printf, 3, 4), unused))
static int is_int(long long got, long long want, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tap_result(got == want, fmt, ap);
	va_end(ap);
	if (got != want)
		printf("#   got:  %lld\n#   want: %lld\n", got, want);
	return got == want;
}

__attribute__((unused))
static int done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
