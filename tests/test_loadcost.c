/* The regression guard of issue #12: what loading the 10,000-milestone
 * bench chart costs, counted rather than timed, so that it cannot flake on
 * a busy machine. Every allocation of the load is counted, libyaml's
 * included, with the heap's peak: per-event allocations were most of the
 * load's time, and the model is meant to stay smaller than the file.
 *
 * The counts come from malloc itself (tests/alloc.c): the test replaces
 * malloc and its family, which the whole process then uses, and passes
 * each call on to the real allocator, glibc's or AddressSanitizer's. The
 * sizes are usable sizes.
 *
 * The chart is $CITY10K (make check: tests/city-10k.yaml, made by make from
 * bench/gen.awk) or the one argument.
 *
 * The limits are about twice what the load costs now (see LIMITS). */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "alloc.h"
#include "load.h"
#include "tap.h"

/* Twice what the load cost when the guard was written: 27.6 allocations
 * per milestone (libyaml allocates for every event), and a heap peak of
 * 1.35 times the file, by usable size (the model's arrays grow by
 * doubling; peak RSS counts only the pages touched, and is less). Lower
 * them when the load gets cheaper, keeping about twice the headroom. */
static const double max_allocs_per_milestone = 55;
static const double max_peak_per_file = 2.7;

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	const char *path = argc > 1 ? argv[1] : getenv("CITY10K");
	struct stat st;
	if (!path || stat(path, &st) < 0) {
		fprintf(stderr, "test_loadcost: no chart: set CITY10K or give its path\n");
		return 2;
	}
	if (alloc_ready() < 0) {
		printf("1..0 # SKIP allocations cannot be counted here (%s)\n", alloc_how);
		return 0;
	}
	printf("# counted by %s\n", alloc_how);

	struct chart c;
	alloc_count(1);
	int r = chart_init(&c) < 0 ? -1 : load_chart(&c, &path, 1, &load_defaults, NULL);
	alloc_count(0);
	struct alloc_counts n = alloc_counted();
	unsigned long long allocs = n.allocs;
	long long peak = n.peak;
	ok(r == 0, "the chart loads");
	ok(c.nmilestones == 10000, "with its 10000 milestones (%zu)", c.nmilestones);
	ok(c.diags.errors == 0, "and no errors");

	double per = c.nmilestones ? (double)allocs / (double)c.nmilestones : 0;
	double pf = (double)peak / (double)st.st_size;
	printf("# file %lld bytes; %llu allocations (%llu reallocs), %llu frees; heap: peak %lld bytes, "
	       "%lld at the end\n",
	       (long long)st.st_size, allocs, n.reallocs, n.frees, peak, n.live);
	ok(allocs > 0 && per <= max_allocs_per_milestone, "allocations per milestone: %.3f (at most %.1f)", per,
	   max_allocs_per_milestone);
	ok(peak > 0 && pf <= max_peak_per_file, "peak heap / file size: %.3f (at most %.2f)", pf, max_peak_per_file);
	chart_free(&c);
	return done_testing();
}
