/* Out of memory, walked: every allocation of loading, printing, a reload
 * (the second thread's job), a search and remaking the open views is made
 * to fail in turn, the Nth on the Nth run (tests/alloc.c), in this one
 * process: each run must end with the operation done or refused, nothing
 * leaked (blocks live before and after are the same; under ASan,
 * LeakSanitizer checks again at exit), and, for the views, the screen
 * drawn after a refused remake equal to the screen before it. A crash
 * names the operation and the N (the SIGSEGV handler), so that
 * GUATU_OOM_ONLY=OP:N runs just it under a debugger.
 *
 * The whole process (main's --print, with the C library's and libyaml's
 * start-up) is walked by tests/oom.sh through guatu-oom. */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "app.h"
#include "baseline.h"
#include "diag.h"
#include "load.h"
#include "loadjob.h"
#include "report.h"
#include "search.h"
#include "summary.h"
#include "tap.h"
#include "timeline.h"
#include "ui.h"
#include "view.h"

static const char *paths[3];
static size_t npaths;
static day_t today;
static struct baseline base;
static struct chart shown; /* loaded whole, for the reload to carry from */
static struct summary shown_sum;
static FILE *devnull; /* op_print's output: into outbuf, compared with printed */
static char outbuf[1 << 20], *printed;
static long printed_len;

/* ---- the operations: 0 done, -1 refused (out of memory) -------------- */

static int op_load(void)
{
	struct chart c;
	int r = chart_init(&c) < 0 ? -1 : load_chart(&c, paths, npaths, &load_defaults, NULL);
	/* The chart loaded must be whole, or say it is not. */
	if (r == 0 && !c.diags.oom && (c.nmilestones != shown.nmilestones || c.diags.n != shown.diags.n))
		r = -2;
	if (getenv("GUATU_OOM_DEBUG"))
		fprintf(stderr, "load: r %d, %zu milestones, %zu diagnostics (oom %d)\n", r, c.nmilestones, c.diags.n, c.diags.oom);
	if (getenv("GUATU_OOM_DEBUG"))
		for (size_t i = 0; i < c.diags.n; i++)
			diag_print(stderr, &c.diags.v[i], c.files[c.diags.v[i].file].shown);
	chart_free(&c);
	return r;
}

static int op_print(void)
{
	struct summary s;
	struct report l;
	struct report_opts so = {.loaded = 1700000000};
	struct timeline_opts to = {.zoom = ZOOM_MONTH};
	if (summary_build(&s, &shown, today, 14, NULL) < 0)
		return -1;
	int r = report_layout(&l, &shown, &s, &so, 100) == 0 && report_write(devnull, &l, 1) == 0 ? 0 : -1;
	report_free(&l);
	so.parts = 1u << PART_TARGETS;
	if (r == 0)
		r = report_layout(&l, &shown, &s, &so, 60) == 0 && report_write(devnull, &l, 0) == 0 ? 0 : -1, report_free(&l);
	if (r == 0)
		r = timeline_write(devnull, &shown, &s, &to, 100, 1) == 0 ? 0 : -1;
	summary_free(&s);
	/* Done must mean the same text as with no allocation failing. */
	fflush(devnull);
	long len = ftell(devnull);
	if (r == 0 && !printed)
		printed = malloc((size_t)len + 1), memcpy(printed, outbuf, (size_t)len), printed_len = len;
	else if (r == 0 && (len != printed_len || memcmp(outbuf, printed, (size_t)len)))
		r = -2;
	if (r == -2 && getenv("GUATU_OOM_DEBUG"))
		fwrite(outbuf, 1, (size_t)len, stderr);
	rewind(devnull);
	return r;
}

static int op_reload(void)
{
	struct loadjob j = {.paths = paths, .npaths = npaths, .shown = &shown, .baseline = &base,
			    .today = today, .soon = 14};
	loadjob_start(&j);
	loadjob_wait(&j);
	int r = j.oom ? -1 : j.c && j.s && j.idx && j.ch ? 0 : -2; /* done is all of it */
	loadjob_free(&j);
	return r;
}

static int op_search(void)
{
	static const char *const queries[] = {"莱斯特", "LAISITE", "廣安", "2023年3月", "ｚｉ", "x"};
	struct search_index x;
	if (search_index_build(&x, &shown.str) < 0)
		return -1;
	int r = 0;
	for (size_t q = 0; q < sizeof queries / sizeof *queries && r == 0; q++) {
		struct matcher m = {0};
		if (matcher_set(&m, &x, queries[q]) < 0)
			r = -1;
		else
			for (uint32_t i = 0; i < shown.nmilestones; i++)
				matcher_item(&m, &shown, KIND_MILESTONE, i);
		matcher_free(&m);
	}
	search_index_free(&x);
	return r;
}

/* The interactive chart's part: every view open, then made anew for a
 * reloaded chart (vs_remake, as ui.c's replace does). Refused, the views
 * must draw exactly what they drew before. */
static struct ui_opts uo;
static struct chart next_c;
static struct summary next_s;

static unsigned long long oom_views_n; /* the remake's allocation to fail */

static char *drawn(struct view_stack *vs, struct app *a)
{
	struct grid g = {0};
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	for (int d = 0; d < vs->depth; d++) {
		grid_init(&g, 100, 30);
		views[vs->open[d]]->draw(vs->st[vs->open[d]], a, &g, 1, 28);
		grid_write(&g, 30, m, 0);
		grid_free(&g);
	}
	fclose(m);
	return buf;
}

static int op_views(void)
{
	struct app a = {.o = &uo, .f = &frame_box, .c = &shown, .s = &shown_sum, .today = today, .loaded = 1700000000};
	struct view_stack vs = {0};
	int r = 0;
	for (int i = 0; views[i] && r == 0; i++)
		if (vs_open(&vs, i, &a) < 0)
			r = -1;
	if (r == 0) {
		char *before = drawn(&vs, &a); /* drawing is not walked here: only the remake */
		struct app next = a;
		next.c = &next_c, next.s = &next_s;
		alloc_fail_at(oom_views_n);
		r = vs_remake(&vs, &next, &shown);
		unsigned long long failed = alloc_failures();
		alloc_fail_at(0);
		char *after = drawn(&vs, r == 0 ? &next : &a);
		if (r < 0 && strcmp(before, after) != 0)
			r = -2;
		free(before), free(after);
		vs_free(&vs);
		/* what the walk reads: whether the remake saw its Nth allocation */
		return failed ? (r == -2 ? -2 : -1) : r == 0 ? 1 : r;
	}
	vs_free(&vs);
	return r;
}
/* ---- the walk ------------------------------------------------------- */

static const char *walking = "";
static unsigned long long walking_n;

/* Only write() in here: snprintf is not async-signal-safe. */
static void on_crash(int sig)
{
	char num[24];
	size_t k = sizeof num;
	unsigned long long v = walking_n;
	do
		num[--k] = (char)('0' + v % 10);
	while ((v /= 10) && k);
	const char *part[] = {"test_oom: crashed in ", walking, " with allocation ", num + k, " failing\n"};
	size_t len[] = {21, strlen(walking), 17, sizeof num - k, 9};
	for (size_t i = 0; i < 5; i++)
		if (write(2, part[i], len[i]) < 0)
			break;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Blocks left by op with its nth allocation failing, run once more: the
 * C library keeps what it made the first time some paths ran (strerror's
 * message catalog, say), which is not a leak. Under ASan the counts are
 * not exact (its strdup and others allocate without calling malloc), and
 * LeakSanitizer checks instead, when the test exits. */
static long long again(int (*op)(void), unsigned long long n)
{
	long long b = alloc_blocks();
	alloc_fail_at(n);
	op();
	alloc_fail_at(0);
	return alloc_exact ? alloc_blocks() - b : 0;
}

/* Runs op with its 1st, 2nd ... allocation failing until it runs without
 * reaching N. */
static void walk(const char *name, int (*op)(void))
{
	unsigned long long n, leaked_at = 0, wrong_at = 0, refused = 0;
	long long leaked = 0;
	const char *only = getenv("GUATU_OOM_ONLY");
	size_t nl = strlen(name);
	unsigned long long from = 1, to = (unsigned long long)-1;
	if (only && (strncmp(only, name, nl) || only[nl] != ':'))
		return;
	if (only)
		from = to = strtoull(only + nl + 1, NULL, 10);
	walking = name;
	alloc_fail_at(0);
	op(); /* once first: what is made once per process (a thread's stack, stdio's buffer) is made */
	long long b0 = alloc_blocks();
	int r0 = op();
	unsigned long long total = alloc_seen();
	ok(r0 == 0 && (!alloc_exact || alloc_blocks() == b0), "%s: done with no allocation failing (%llu allocations), nothing left",
	   name, total);
	for (n = from; n <= to; n++) {
		walking_n = n;
		long long b = alloc_blocks();
		alloc_fail_at(n);
		int r = op();
		unsigned long long failed = alloc_failures();
		alloc_fail_at(0);
		if (!failed)
			break;
		if (alloc_blocks() != b && !leaked_at && (leaked = again(op, n)))
			leaked_at = n;
		if (r < -1 && !wrong_at)
			wrong_at = n;
		refused += r == -1;
	}
	printf("# %s: %llu allocations walked, %llu refused, the rest survived\n", name, n - from, refused);
	ok(!leaked_at, "%s: nothing leaked with any allocation failing (first at %llu: %lld blocks)", name,
	   leaked_at, leaked);
	ok(!wrong_at, "%s: every run is whole or refused (first wrong at %llu)", name, wrong_at);
}

/* op_views walks vs_remake only, with its own counter. */
static void walk_views(void)
{
	const char *only = getenv("GUATU_OOM_ONLY");
	if (only && strncmp(only, "views:", 6))
		return;
	unsigned long long n = only ? strtoull(only + 6, NULL, 10) : 1, leaked_at = 0, wrong_at = 0, refused = 0;
	walking = "views";
	oom_views_n = 0;
	long long b0 = alloc_blocks();
	ok(op_views() == 1 && (!alloc_exact || alloc_blocks() == b0), "views: every view opened and remade, nothing left");
	for (;; n++) {
		walking_n = oom_views_n = n;
		long long b = alloc_blocks();
		int r = op_views();
		if (alloc_exact && alloc_blocks() != b && !leaked_at)
			leaked_at = n;
		if (r == -2 && !wrong_at)
			wrong_at = n;
		refused += r == -1;
		if (r == 1 || only)
			break;
	}
	printf("# views: %llu allocations of the remake walked, %llu refused\n", n, refused);
	ok(!leaked_at, "views: nothing leaked with any allocation failing (first at %llu)", leaked_at);
	ok(!wrong_at, "views: a refused remake leaves the screen as it was (first wrong at %llu)", wrong_at);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (alloc_ready() < 0) {
		printf("1..0 # SKIP allocations cannot be made to fail here (%s)\n", alloc_how);
		return 0;
	}
	signal(SIGSEGV, on_crash);
	signal(SIGABRT, on_crash);
	const char *fx = getenv("FIXTURES"), *data = getenv("DATA");
	static char broken[4096], dated[4096];
	snprintf(broken, sizeof broken, "%s/bad/duplicate-ids.yaml", fx ? fx : "tests/fixtures");
	snprintf(dated, sizeof dated, "%s/bad/bad-dates.yaml", fx ? fx : "tests/fixtures");
	paths[0] = data ? data : "data", paths[1] = broken, paths[2] = dated;
	npaths = 3;
	const char *why;
	struct span sp;
	date_parse("2023-03-01", 10, &sp, &why);
	today = sp.last;
	devnull = fmemopen(outbuf, sizeof outbuf, "w");
	if (chart_init(&shown) < 0 || load_chart(&shown, paths, npaths, &load_defaults, NULL) < 0 ||
	    summary_build(&shown_sum, &shown, today, 14, NULL) < 0 ||
	    baseline_load(&base, paths[0], paths, npaths, &load_defaults) < 0 || chart_init(&next_c) < 0 ||
	    load_chart(&next_c, paths, 1, &load_defaults, &shown) < 0 ||
	    summary_build(&next_s, &next_c, today + 1, 14, NULL) < 0)
		return fprintf(stderr, "test_oom: the charts do not load\n"), 2;
	uo = (struct ui_opts){.paths = paths, .npaths = npaths, .today = today, .soon = 14, .view = "browse"};
	printf("# allocation failed by %s\n", alloc_how);

	walk("load", op_load);
	walk("print", op_print);
	walk("reload", op_reload);
	walk("search", op_search);
	walk_views();

	summary_free(&next_s), chart_free(&next_c);
	summary_free(&shown_sum), chart_free(&shown), baseline_free(&base);
	fclose(devnull);
	free(printed);
	return done_testing();
}
