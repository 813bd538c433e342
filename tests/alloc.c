/* alloc: malloc counted, and made to fail on demand (alloc.h says why).
 *
 * Defining malloc, calloc, realloc and free in the program replaces them
 * for every library it loads (glibc supports this, and its own functions
 * such as open_memstream and fopen call the replacement too). Each passes
 * the call on to the allocator the process would have used. Counters are
 * atomic: the loader runs in a second thread. */
#define _GNU_SOURCE 1 /* dladdr, under ASan */
#include "config.h"

#include "alloc.h"

#include <errno.h>
#include <malloc.h>
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#ifdef UNDER_ASAN
/* What ASan's runtime (GCC's libasan, clang's compiler-rt up to 16) names
 * its own malloc, under which it also exports the weak `malloc` that ours
 * replaces. Weak: a runtime without them leaves them NULL, and alloc_ready
 * says so before anything is counted. */
void *__interceptor_malloc(size_t n) __attribute__((weak));
void *__interceptor_calloc(size_t k, size_t n) __attribute__((weak));
void *__interceptor_realloc(void *p, size_t n) __attribute__((weak));
void __interceptor_free(void *p) __attribute__((weak));
#define REAL_MALLOC __interceptor_malloc
#define REAL_CALLOC __interceptor_calloc
#define REAL_REALLOC __interceptor_realloc
#define REAL_FREE __interceptor_free
const char *const alloc_how = "malloc interposed over AddressSanitizer's";
const int alloc_exact = 0;
int alloc_ready(void) { return __interceptor_malloc && __interceptor_free ? 0 : -1; }
#elif defined(__GLIBC__)
/* glibc's own allocator, under the names it exports for this. */
void *__libc_malloc(size_t n);
void *__libc_calloc(size_t k, size_t n);
void *__libc_realloc(void *p, size_t n);
void *__libc_memalign(size_t align, size_t n);
void __libc_free(void *p);
#define REAL_MALLOC __libc_malloc
#define REAL_CALLOC __libc_calloc
#define REAL_REALLOC __libc_realloc
#define REAL_FREE __libc_free
const char *const alloc_how = "malloc interposed over glibc's";
const int alloc_exact = 1;
int alloc_ready(void) { return 0; }
#define HAVE_LIBC_MEMALIGN 1
#endif

#ifdef REAL_MALLOC
/* Under ASan, malloc is called while its runtime is starting, before the
 * shadow memory its checks read exists: the shim itself is not checked. */
#ifdef UNDER_ASAN
#define UNCHECKED __attribute__((no_sanitize_address, no_sanitize_undefined))
#else
#define UNCHECKED
#endif
static int counting;
static unsigned long long allocs, reallocs, frees, seen, fail_at, failures;
static long long live, peak, blocks;

#define ADD(v, by) __atomic_add_fetch(&(v), (by), __ATOMIC_RELAXED)
#define GET(v) __atomic_load_n(&(v), __ATOMIC_RELAXED)
#define SET(v, x) __atomic_store_n(&(v), (x), __ATOMIC_RELAXED)

#ifdef UNDER_ASAN
#include <dlfcn.h>
#include <string.h>
/* ASan starts each thread by asking the C library for its stack
 * (pthread_getattr_np), which allocates, and stops the process when that
 * fails: not guatu's to survive. So under ASan the C library's own
 * allocations are spared (the next one fails instead); the plain build's
 * walk fails them too. */
UNCHECKED static int spared(void *caller)
{
	Dl_info i;
	const char *base;
	return dladdr(caller, &i) && i.dli_fname && (base = strrchr(i.dli_fname, '/')) &&
	       !strncmp(base, "/libc.so", 8);
}
#else
static int spared(void *caller) { return (void)caller, 0; }
#endif

/* Whether this allocation, called from `caller`, is the one to fail. */
UNCHECKED static int fails(void *caller)
{
	unsigned long long k = ADD(seen, 1), at = GET(fail_at);
	if (at && k == at && spared(caller)) {
		SET(fail_at, at + 1);
		return 0;
	}
	if (at && k == at) {
		ADD(failures, 1);
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

UNCHECKED static void grew(long long by)
{
	long long now = ADD(live, by), p = GET(peak);
	while (now > p && !__atomic_compare_exchange_n(&peak, &p, now, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

UNCHECKED static void *made(void *p)
{
	if (p) {
		ADD(blocks, 1);
		if (GET(counting))
			ADD(allocs, 1), grew((long long)malloc_usable_size(p));
	}
	return p;
}

UNCHECKED static void *malloc_from(size_t n, void *caller) { return fails(caller) ? NULL : made(REAL_MALLOC(n)); }
UNCHECKED void *malloc(size_t n) { return malloc_from(n, __builtin_return_address(0)); }
UNCHECKED void *calloc(size_t k, size_t n) { return fails(__builtin_return_address(0)) ? NULL : made(REAL_CALLOC(k, n)); }

UNCHECKED void free(void *p)
{
	if (!p)
		return;
	ADD(blocks, -1);
	if (GET(counting))
		ADD(frees, 1), ADD(live, -(long long)malloc_usable_size(p));
	REAL_FREE(p);
}

UNCHECKED void *realloc(void *p, size_t n)
{
	if (!p)
		return malloc_from(n, __builtin_return_address(0));
	if (fails(__builtin_return_address(0)))
		return NULL; /* p stays the caller's, as with a real failure */
	long long was = GET(counting) ? (long long)malloc_usable_size(p) : 0;
	void *q = REAL_REALLOC(p, n);
	if (q && GET(counting))
		ADD(allocs, 1), ADD(reallocs, 1), grew((long long)malloc_usable_size(q) - was);
	return q;
}

#ifdef HAVE_LIBC_MEMALIGN
void *memalign(size_t align, size_t n) { return fails(__builtin_return_address(0)) ? NULL : made(__libc_memalign(align, n)); }
void *aligned_alloc(size_t align, size_t n) { return memalign(align, n); }
int posix_memalign(void **out, size_t align, size_t n)
{
	void *p = memalign(align, n);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}
#endif

void alloc_count(int on) { SET(counting, on); }
struct alloc_counts alloc_counted(void)
{
	return (struct alloc_counts){GET(allocs), GET(reallocs), GET(frees), GET(live), GET(peak), GET(blocks)};
}
long long alloc_blocks(void) { return GET(blocks); }
void alloc_fail_at(unsigned long long n)
{
	SET(seen, 0);
	SET(failures, 0);
	SET(fail_at, n);
}
unsigned long long alloc_failures(void) { return GET(failures); }
unsigned long long alloc_seen(void) { return GET(seen); }
#else
const char *const alloc_how = "nothing: neither glibc nor AddressSanitizer";
const int alloc_exact = 0;
int alloc_ready(void) { return -1; }
void alloc_count(int on) { (void)on; }
struct alloc_counts alloc_counted(void) { return (struct alloc_counts){0}; }
long long alloc_blocks(void) { return 0; }
void alloc_fail_at(unsigned long long n) { (void)n; }
unsigned long long alloc_failures(void) { return 0; }
unsigned long long alloc_seen(void) { return 0; }
#endif
