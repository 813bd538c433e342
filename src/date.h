/* date: the date forms chart keepers write, as whole days.
 *
 * A written date names a period ("2022年10月上旬", "2023-Q1", "2023年") and is
 * read as its first and last day: a due date is the last day of its period,
 * a start date the first. */
#ifndef GUATU_DATE_H
#define GUATU_DATE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

typedef int32_t day_t; /* days since 1970-01-01 */
#define DAY_NONE INT32_MIN

struct span {
	day_t first, last;
	int by; /* written as an end (年底, 6月底, 9月30日前, 以内): a deadline at `last`,
		 * not a period to draw */
};

/* Reads a date written in any accepted form (see docs/format.md) from `len`
 * bytes of valid UTF-8. Returns 0 and fills *out, or -1 and points *why at a
 * short reason ("month 13 does not exist"). */
int date_parse(const char *s, size_t len, struct span *out, const char **why);

/* Day number of a proleptic Gregorian date; the date must exist. */
day_t date_from_ymd(int y, int m, int d);
/* The calendar date of a day number. */
void date_to_ymd(day_t day, int *y, int *m, int *d);
/* Writes "YYYY-MM-DD" and a NUL to `buf` (11 bytes). */
void date_format(day_t day, char buf[static 11]);
/* The calendar guatu works in: the years a date can be written with (four
 * digits, 1000 to 9999). Today, from --today or $GUATU_NOW, must be in it. */
enum { DATE_YEAR_MIN = 1000, DATE_YEAR_MAX = 9999 };
/* The time now: the seconds in the file $GUATU_TEST_CLOCK names (tests move
 * time on with it), else $GUATU_NOW (reproducible output for tests and golden
 * files), else the clock. A value that is not a time in the calendar is
 * passed over (date_now_problem says why once, at the start). Not
 * SOURCE_DATE_EPOCH: that is a build's time, and build shells (nix) export
 * it, which would make today 1980. */
time_t date_now(void);
/* What is wrong with $GUATU_NOW: NULL when it is unset, empty or seconds
 * since 1970 whose local date is in the calendar; else why not, for a
 * message. */
const char *date_now_problem(void);
/* The local date of a time (a time outside the calendar gives its first
 * or last day: never an overflow). */
day_t date_of(time_t t);

#endif
