/* The browse view's state: lists, folds, filter, sort, scrolling, the order
 * n and N step in, keeping the place across a reload, and running out of
 * memory in the middle of a rebuild. Allocation is wrapped (Makefile.am
 * links this test with --wrap) so a test can make it fail. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "browse.h"
#include "load.h"
#include "search.h"
#include "tap.h"

/* ---- allocation that fails on demand -------------------------------- */

void *__real_malloc(size_t n);
void *__real_realloc(void *p, size_t n);
void *__real_calloc(size_t k, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_realloc(void *p, size_t n);
void *__wrap_calloc(size_t k, size_t n);
static int failing; /* while set, every allocation fails */
void *__wrap_malloc(size_t n) { return failing ? NULL : __real_malloc(n); }
void *__wrap_realloc(void *p, size_t n) { return failing ? NULL : __real_realloc(p, n); }
void *__wrap_calloc(size_t k, size_t n) { return failing ? NULL : __real_calloc(k, n); }

/* ---- helpers -------------------------------------------------------- */

static struct chart chart;
static struct summary sum;

static void load(const char *path, const char *today)
{
	struct span sp;
	const char *why;
	chart_init(&chart);
	load_chart(&chart, &path, 1, NULL, NULL);
	date_parse(today, strlen(today), &sp, &why);
	summary_build(&sum, &chart, sp.last, 14, NULL);
}

static void unload(void)
{
	summary_free(&sum);
	chart_free(&chart);
}

/* The names in a list, joined by spaces. */
static const char *names(const struct browse *b, enum pane p)
{
	static char buf[512];
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < b->list[p].n; i++) {
		enum kind k = p == PANE_ZONES ? KIND_ZONE : p == PANE_PROJECTS ? KIND_PROJECT : KIND_MILESTONE;
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? " " : "",
				      chart_str(&chart, chart_item(&chart, k, b->list[p].v[i])->name));
	}
	return buf;
}

static const char *here_name(const struct browse *b)
{
	enum pane p;
	uint32_t v = browse_current(b, &p);
	if (v == NONE)
		return "(none)";
	enum kind k = p == PANE_ZONES ? KIND_ZONE : p == PANE_PROJECTS ? KIND_PROJECT : KIND_MILESTONE;
	return chart_str(&chart, chart_item(&chart, k, v)->name);
}

/* Steps n times with browse_find and lists where each step lands. */
static const char *steps(struct browse *b, const struct matcher *m, int dir, int n)
{
	static char buf[512];
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		int r = browse_find(b, m, dir, 0);
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? " " : "",
					r == 1 ? here_name(b) : "-");
	}
	return buf;
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	/* the screens' words in zh_CN, from the catalogs make check built */
	setenv("LANGUAGE", "zh_CN", 1);
	lang_init(NULL);
	char path[1024];
	snprintf(path, sizeof path, "%s/good/order.yaml", getenv("FIXTURES") ? getenv("FIXTURES") : "tests/fixtures");

	/* today 2023-02-20: 乙 丁 庚 辛 are overdue, 甲 is due in 9 days */
	load(path, "2023-02-20");
	struct browse *b = browse_new(&chart, &sum, NULL, NULL);
	ok(b != NULL, "browse_new");
	if (!b)
		return 1; /* the rest would only crash */
	is_str(names(b, PANE_ZONES), "一区 一区子区 二区", "zones in tree order");
	is_str(names(b, PANE_PROJECTS), "第一项目 第二项目", "the first zone's own projects");
	is_str(names(b, PANE_MILESTONES), "乙开工 丁开工 甲开工 丙开工", "milestones by due date");

	/* folds */
	is_int(browse_fold(b, 0), 0, "fold");
	is_str(names(b, PANE_ZONES), "一区 二区", "a folded zone hides its sub-zones");
	browse_fold(b, -1);
	is_str(names(b, PANE_ZONES), "一区 一区子区 二区", "toggling unfolds it");

	/* sort */
	b->sort = SORT_NAME;
	browse_refresh(b);
	is_str(names(b, PANE_MILESTONES), "丁开工 丙开工 乙开工 甲开工", "by name");
	b->sort = SORT_STATUS;
	browse_refresh(b);
	is_str(names(b, PANE_MILESTONES), "乙开工 丁开工 甲开工 丙开工", "by status: overdue, soon, open");
	b->sort = SORT_DUE;
	browse_refresh(b);

	/* filter */
	b->filter = 1;
	browse_refresh(b);
	is_str(names(b, PANE_PROJECTS), "第一项目", "filter: only projects with something hot");
	is_str(names(b, PANE_MILESTONES), "乙开工 丁开工 甲开工", "filter: only overdue and due soon");
	b->filter = 0;
	browse_refresh(b);

	/* n and N: in the order shown, across panes and zones, wrapping */
	struct search_index x;
	struct matcher m = {0};
	search_index_build(&x, &chart.str);
	matcher_set(&m, &x, "开工");
	is_str(steps(b, &m, 1, 9), "乙开工 丁开工 甲开工 丙开工 己开工 戊开工 庚开工 辛开工 乙开工",
	       "n steps in display order, then wraps");
	is_str(steps(b, &m, -1, 3), "辛开工 庚开工 戊开工", "N steps back, wrapping");
	ok(browse_find(b, &m, 1, 1) == 1 && !strcmp(here_name(b), "戊开工"), "with `here`, the current row counts");
	b->filter = 1;
	browse_refresh(b);
	browse_reveal(b, (struct hit){0, NONE, NONE});
	is_str(steps(b, &m, 1, 5), "乙开工 丁开工 甲开工 庚开工 辛开工", "with the filter on, only what it shows");
	ok(b->filter, "searching leaves the filter on");
	matcher_set(&m, &x, "戊");
	is_int(browse_find(b, &m, 1, 0), 0, "a match the filter hides is not found");
	matcher_set(&m, &x, "子项目");
	b->filter = 0;
	browse_refresh(b);
	browse_fold(b, 0); /* fold 一区: the match is inside */
	browse_reveal(b, (struct hit){0, NONE, NONE});
	ok(browse_find(b, &m, 1, 0) == 1 && !strcmp(here_name(b), "子项目"), "a match in a folded zone is found");
	is_str(names(b, PANE_ZONES), "一区 一区子区 二区", "and its zone unfolded");
	matcher_set(&m, &x, "没有这个");
	is_int(browse_find(b, &m, 1, 0), 0, "no match: 0");
	matcher_free(&m);
	search_index_free(&x);

	/* scrolling: no offset kept that is not needed */
	struct list l = {.n = 21, .sel = 20, .top = 14};
	browse_scroll(&l, 17);
	is_int((long long)l.top, 4, "a taller pane shows the rows above again");
	l.sel = 2;
	browse_scroll(&l, 7);
	is_int((long long)l.top, 2, "the selection above the top scrolls up to it");
	l = (struct list){.n = 5, .sel = 4, .top = 3};
	browse_scroll(&l, 17);
	is_int((long long)l.top, 0, "a list that fits starts at its top");

	/* out of memory in the middle of a rebuild: nothing changes */
	browse_reveal(b, (struct hit){0, chart.zones[0].proj_first, NONE});
	const uint32_t *zones = b->list[PANE_ZONES].v;
	size_t nz = b->list[PANE_ZONES].n;
	failing = 1;
	is_int(browse_fold(b, 0), -1, "out of memory: fold fails");
	is_int(browse_select(b, PANE_PROJECTS, 1), -1, "out of memory: select fails");
	b->filter = 1;
	is_int(browse_refresh(b), -1, "out of memory: refresh fails");
	failing = 0;
	b->filter = 0;
	ok(b->list[PANE_ZONES].v == zones && b->list[PANE_ZONES].n == nz, "the zone list is the old one, whole");
	ok(!b->collapsed[0], "the fold did not happen");
	is_int((long long)b->list[PANE_PROJECTS].sel, 0, "nor did the move");
	is_str(names(b, PANE_MILESTONES), "乙开工 丁开工 甲开工 丙开工", "the lists still read right");
	failing = 1;
	ok(browse_new(&chart, &sum, b, &chart) == NULL, "out of memory: no new state, the old one kept");
	failing = 0;
	is_str(names(b, PANE_ZONES), "一区 一区子区 二区", "and it still reads right");

	/* a reload: the same items, found by id, then name */
	browse_reveal(b, (struct hit){0, chart.zones[0].proj_first, NONE});
	browse_select(b, PANE_MILESTONES, 2); /* 甲开工 */
	b->focus = PANE_MILESTONES;
	browse_fold(b, 0);
	struct chart old = chart;
	struct summary old_sum = sum;
	char moved[1024];
	snprintf(moved, sizeof moved, "%s/order-moved.yaml", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	FILE *f = fopen(moved, "w");
	fputs("zones:\n  - name: 新区\n  - name: 一区改名\n    id: one\n    projects:\n"
	      "      - {name: 第二项目, id: p2}\n"
	      "      - name: 第一项目改名\n        id: p1\n        milestones:\n"
	      "          - {name: 甲开工, due: 2023-03-01}\n          - {name: 戊, due: 2023-01-01}\n"
	      "    zones: [{name: 一区子区, id: sub}]\n",
	      f);
	fclose(f);
	load(moved, "2023-02-20");
	struct browse *nb = browse_new(&chart, &sum, b, &old);
	is_str(here_name(nb), "甲开工", "after a reload the cursor is on the same milestone");
	is_int(nb->focus, PANE_MILESTONES, "in the same pane");
	is_str(names(nb, PANE_ZONES), "新区 一区改名", "the renamed zone is still folded: folds follow ids, not rows");
	browse_delete(nb);
	remove(moved);
	unload();
	chart = old;
	sum = old_sum;
	browse_delete(b);
	unload();
	return done_testing();
}
