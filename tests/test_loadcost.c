/* The regression guard of issue #12: what loading the 10,000-milestone
 * bench chart costs, counted rather than timed, so that it cannot flake on
 * a busy machine. Every allocation of the load is counted, libyaml's
 * included, with the heap's peak: per-event allocations were most of the
 * load's time, and the model is meant to stay smaller than the file.
 *
 * The counts come from malloc itself. In a plain build the test defines
 * malloc and its family, which the whole process then uses, and passes each
 * call on to glibc's own (__libc_malloc); under AddressSanitizer, which
 * owns malloc, from its documented allocation hooks. Both see the same
 * calls; the sizes are the usable sizes (glibc) or the requested ones
 * (ASan), which the limits' headroom covers.
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

#include "load.h"
#include "tap.h"

/* Twice what the load cost when the guard was written: 27.6 allocations
 * per milestone (libyaml allocates for every event), and a heap peak of
 * 1.35 times the file, by usable size (the model's arrays grow by
 * doubling; peak RSS counts only the pages touched, and is less). Lower
 * them when the load gets cheaper, keeping about twice the headroom. */
static const double max_allocs_per_milestone = 55;
static const double max_peak_per_file = 2.7;

static volatile int counting;
static unsigned long long allocs, reallocs, frees;
static long long live, peak;

static void grew(long long by)
{
	live += by;
	if (live > peak)
		peak = live;
}

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#ifdef UNDER_ASAN
/* compiler-rt's sanitizer/allocator_interface.h, which GCC does not ship. */
int __sanitizer_install_malloc_and_free_hooks(void (*m)(const volatile void *, size_t),
					      void (*f)(const volatile void *));
size_t __sanitizer_get_allocated_size(const volatile void *p);

static void on_malloc(const volatile void *p, size_t n)
{
	if (counting && p)
		allocs++, grew((long long)n);
}

static void on_free(const volatile void *p)
{
	if (counting && p)
		frees++, live -= (long long)__sanitizer_get_allocated_size(p);
}

/* ASan's realloc always moves: it shows as an allocation and a free, and
 * the old and new blocks are both live for a moment, so the peak is higher
 * than glibc's (1.84 times the file when the guard was written). */
static const char *how = "ASan's allocation hooks (a realloc is an allocation and a free)";
static int start_counting(void)
{
	static int hooked;
	if (!hooked)
		hooked = __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free) != 0;
	return hooked ? 0 : -1;
}
#elif defined(__GLIBC__)
#include <malloc.h>

/* glibc's own allocator, under the names it exports for this. */
void *__libc_malloc(size_t n);
void *__libc_calloc(size_t k, size_t n);
void *__libc_realloc(void *p, size_t n);
void *__libc_memalign(size_t align, size_t n);
void __libc_free(void *p);

static void *counted(void *p)
{
	if (counting && p)
		allocs++, grew((long long)malloc_usable_size(p));
	return p;
}

void *malloc(size_t n) { return counted(__libc_malloc(n)); }
void *calloc(size_t k, size_t n) { return counted(__libc_calloc(k, n)); }
void *memalign(size_t align, size_t n) { return counted(__libc_memalign(align, n)); }
void *aligned_alloc(size_t align, size_t n) { return counted(__libc_memalign(align, n)); }
int posix_memalign(void **out, size_t align, size_t n)
{
	void *p = counted(__libc_memalign(align, n));
	if (!p)
		return 12; /* ENOMEM */
	*out = p;
	return 0;
}

void free(void *p)
{
	if (counting && p)
		frees++, live -= (long long)malloc_usable_size(p);
	__libc_free(p);
}

void *realloc(void *p, size_t n)
{
	long long was = p && counting ? (long long)malloc_usable_size(p) : 0;
	void *q = __libc_realloc(p, n);
	if (counting && q) {
		allocs++, reallocs++;
		grew((long long)malloc_usable_size(q) - was);
	}
	return q;
}

static const char *how = "malloc interposed over glibc's";
static int start_counting(void) { return 0; }
#else
static const char *how = "nothing: not glibc";
static int start_counting(void) { return -1; }
#endif

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	const char *path = argc > 1 ? argv[1] : getenv("CITY10K");
	struct stat st;
	if (!path || stat(path, &st) < 0) {
		fprintf(stderr, "test_loadcost: no chart: set CITY10K or give its path\n");
		return 2;
	}
	if (start_counting() < 0) {
		printf("1..0 # SKIP allocations cannot be counted here (%s)\n", how);
		return 0;
	}
	printf("# counted by %s\n", how);

	struct chart c;
	counting = 1;
	int r = chart_init(&c) < 0 ? -1 : load_chart(&c, &path, 1, &load_defaults, NULL);
	counting = 0;
	ok(r == 0, "the chart loads");
	ok(c.nmilestones == 10000, "with its 10000 milestones (%zu)", c.nmilestones);
	ok(c.diags.errors == 0, "and no errors");

	double per = c.nmilestones ? (double)allocs / (double)c.nmilestones : 0;
	double pf = (double)peak / (double)st.st_size;
	printf("# file %lld bytes; %llu allocations (%llu reallocs), %llu frees; heap: peak %lld bytes, "
	       "%lld at the end\n",
	       (long long)st.st_size, allocs, reallocs, frees, peak, live);
	ok(allocs > 0 && per <= max_allocs_per_milestone, "allocations per milestone: %.3f (at most %.1f)", per,
	   max_allocs_per_milestone);
	ok(peak > 0 && pf <= max_peak_per_file, "peak heap / file size: %.3f (at most %.2f)", pf, max_peak_per_file);
	chart_free(&c);
	return done_testing();
}
