/* alloc: malloc counted, and made to fail on demand, for tests only.
 *
 * A test program that links tests/alloc.c replaces malloc and its family
 * for the whole process (libyaml, ncurses, libunistring and the C library
 * included) and passes each call on to the real allocator: glibc's own
 * (__libc_malloc) in a plain build, AddressSanitizer's (its exported
 * __interceptor_malloc) under ASan, so that ASan still checks every block
 * and LeakSanitizer still sees every leak. Counting is for the load-cost
 * guard (test_loadcost); failing the Nth allocation is for the
 * out-of-memory walks (test_oom, and guatu-oom for the whole process). */
#ifndef GUATU_TEST_ALLOC_H
#define GUATU_TEST_ALLOC_H

#include <stddef.h>

struct alloc_counts {
	unsigned long long allocs, reallocs, frees;
	long long live, peak; /* bytes, by usable size */
	long long blocks;     /* blocks live: every allocation not yet freed */
};

/* How the real allocator is reached ("malloc interposed over glibc's" ...). */
extern const char *const alloc_how;
/* 0 when allocations can be counted and failed here, else -1. */
int alloc_ready(void);
/* Counts from now on (every thread); alloc_counted() reads them. */
void alloc_count(int on);
struct alloc_counts alloc_counted(void);
/* Blocks live now, counted whether counting is on or not. Exact only
 * where alloc_exact is 1: under ASan, some of its interceptors (strdup)
 * allocate without calling malloc, and LeakSanitizer checks leaks. */
extern const int alloc_exact;
long long alloc_blocks(void);
/* The nth allocation from now (1: the next) fails, and only it; 0: none.
 * alloc_failures() tells how many allocations were made to fail since. */
void alloc_fail_at(unsigned long long n);
unsigned long long alloc_failures(void);
/* Allocations made since the last alloc_fail_at (failed ones included):
 * the walk is over when the operation ran with fewer than N. */
unsigned long long alloc_seen(void);

#endif
