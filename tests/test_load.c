/* The loader and the model it builds: fields, ranges, ids, sanitising, limits
 * and rollback of a broken file. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include <sys/stat.h>

#include "load.h"
#include "tap.h"
#include "watch.h"

static char dir[] = "/tmp/guatu-load.XXXXXX";

static const char *write_file(const char *name, const char *text, size_t len)
{
	static char path[4][256];
	static int k;
	char *p = path[k++ % 4];
	snprintf(p, sizeof path[0], "%s/%s", dir, name);
	FILE *f = fopen(p, "wb");
	fwrite(text, 1, len, f);
	fclose(f);
	return p;
}

static void load(struct chart *c, const char *text, const struct load_opts *lim)
{
	const char *p = write_file("t.yaml", text, strlen(text));
	chart_init(c);
	if (load_chart(c, &p, 1, lim, NULL) < 0)
		ok(0, "load ran out of memory");
}

static const char *S(const struct chart *c, str_t s) { return chart_str(c, s); }

static const char *first_diag(const struct chart *c)
{
	return c->diags.n ? c->diags.v[0].msg : "";
}

static void test_fields(void)
{
	struct chart c;
	load(&c, "title: 临空\n"
		 "zones:\n"
		 "  - name: 临空经济区\n"
		 "    owner: 禹伟\n"
		 "    targets:\n"
		 "      - {name: 审批时间, target: 45, unit: 个工作日, at_most: true, start: 2023年, due: 2023年上半年}\n"
		 "    projects:\n"
		 "      - name: 方特\n"
		 "        investment: 50.5\n"
		 "        milestones:\n"
		 "          - {name: 开工, due: 2022年四季度, done: 2022年11月15日}\n"
		 "          - {name: 开工, due: 2023-01-01, status: 取消}\n"
		 "          - {name: 竣工, id: 开工, due: 2023年底, note: \"一期\\n二期\"}\n"
		 "    zones:\n"
		 "      - name: 清泉片区\n"
		 "        zones: [{name: 一期}]\n"
		 "      - name: 三草湾片区\n"
		 "  - name: 高新区\n",
	     NULL);
	is_int((long long)c.diags.n, 0, "clean chart: no diagnostics");
	is_str(chart_title(&c), "临空", "title");
	is_int((long long)c.nzones, 5, "five zones");
	const char *names[] = {"临空经济区", "清泉片区", "一期", "三草湾片区", "高新区"};
	const uint32_t ends[] = {4, 3, 3, 4, 5}, parents[] = {NONE, 0, 1, 0, NONE};
	const int depths[] = {0, 1, 2, 1, 0};
	for (int i = 0; i < 5; i++) {
		is_str(S(&c, c.zones[i].it.name), names[i], "zone %d in pre-order", i);
		is_int(c.zones[i].end, ends[i], "zone %d subtree end", i);
		is_int(c.zones[i].parent, parents[i], "zone %d parent", i);
		is_int(c.zones[i].depth, depths[i], "zone %d depth", i);
	}
	is_str(S(&c, item_owner(&c, KIND_ZONE, 0)), "禹伟", "zone owner");
	is_int(item_owner(&c, KIND_ZONE, 1), STR_NONE, "a zone with no owner has none");
	is_int(c.zones[0].it.line, 3, "zone line");
	is_int(c.zones[0].it.col, 5, "zone column");
	is_int(c.zones[0].proj_count, 1, "zone has one project");
	const struct project *p = &c.projects[0];
	ok(p->investment == 50.5, "investment read as a number");
	is_int(p->ms_first, 0, "milestones start at 0");
	is_int(p->ms_count, 3, "three milestones");
	const struct milestone *m = c.milestones;
	char buf[11];
	date_format(milestone_due(&c, &m[0]), buf);
	is_str(buf, "2022-12-31", "due is the last day of the quarter");
	date_format(milestone_due_from(&c, &m[0]), buf);
	is_str(buf, "2022-10-01", "and its period starts on the quarter's first day");
	is_str(S(&c, milestone_due_text(&c, &m[0])), "2022年四季度", "due as written is kept");
	date_format(milestone_done(&c, &m[0]), buf);
	is_str(buf, "2022-11-15", "done date");
	is_str(S(&c, milestone_done_text(&c, &m[0])), "2022年11月15日", "done as written is kept");
	is_int(milestone_done(&c, &m[1]), DAY_NONE, "no done date: none");
	is_int(milestone_project(&c, 2), 0, "a milestone's project");
	is_int(m[0].it.status, ST_DONE, "a done date makes it done");
	is_int(m[1].it.status, ST_DROPPED, "Chinese status 取消 is dropped");
	is_str(S(&c, item_note(&c, KIND_MILESTONE, 2)), "一期\n二期", "note keeps its line break");
	is_int(m[0].it.line, 11, "milestone line");
	is_int(m[0].it.col, 13, "milestone column: its '{'");
	is_int(item_file(&c, KIND_MILESTONE, 2), 0, "milestone file");
	/* ids: the written one wins, the others derive from the name */
	is_str(S(&c, item_id(&c, KIND_MILESTONE, 2)), "开工", "written id kept");
	ok(!(m[2].it.flags & ITEM_ID_DERIVED), "written id is not derived");
	is_str(S(&c, item_id(&c, KIND_MILESTONE, 0)), "开工~2", "derived id steps aside for a written one");
	is_str(S(&c, item_id(&c, KIND_MILESTONE, 1)), "开工~3", "derived ids stay unique among siblings");
	is_str(S(&c, item_id(&c, KIND_PROJECT, 0)), "方特", "a derived id is the name when it is unique");
	ok(m[1].it.flags & ITEM_ID_DERIVED, "derived id is flagged");
	is_int(m[0].it.name, m[1].it.name, "equal texts share one handle");
	const struct target *t = &c.targets[0];
	ok(t->it.flags & TARGET_AT_MOST, "at_most: true");
	ok(t->target == 45, "target number");
	ok(isnan(t->actual), "no actual: NAN");
	date_format(t->start, buf);
	is_str(buf, "2023-01-01", "start is the first day of its period");
	date_format(t->due, buf);
	is_str(buf, "2023-06-30", "due is the last day of its period");
	is_int(c.zones[0].tgt_count, 1, "zone has one target");

	day_t d = date_from_ymd(2023, 1, 1);
	is_int(ms_state(ST_PLANNED, d, DAY_NONE, d + 1, 14), MS_OVERDUE, "due yesterday: overdue");
	is_int(ms_state(ST_PLANNED, d, DAY_NONE, d, 14), MS_SOON, "due today: due soon");
	is_int(ms_state(ST_PLANNED, d, DAY_NONE, d - 13, 14), MS_SOON, "due in 13 days: due soon");
	is_int(ms_state(ST_PLANNED, d, DAY_NONE, d - 14, 14), MS_OPEN, "due in 14 days: not yet");
	is_int(ms_state(ST_PLANNED, d, DAY_NONE, d, 0), MS_OPEN, "soon 0: nothing is due soon");
	is_int(ms_state(ST_ACTIVE, d, DAY_NONE, d + 1, 14), MS_OVERDUE, "active and late: overdue");
	is_int(ms_state(ST_DONE, d, DAY_NONE, d + 9, 14), MS_DONE, "done with no date: done");
	is_int(ms_state(ST_DONE, d, d + 1, d + 9, 14), MS_DONE_LATE, "done after due: done late");
	is_int(ms_state(ST_DONE, d, d, d + 9, 14), MS_DONE, "done on the due day: on time");
	is_int(ms_state(ST_DROPPED, d, d, d + 9, 14), MS_DROPPED, "dropped is never overdue");
	is_int(ms_state(ST_PLANNED, DAY_NONE, DAY_NONE, d, 14), MS_INVALID, "no due date: invalid, not overdue");
	is_int(milestone_state(&c, &m[1], d + 1, 14), MS_DROPPED, "a milestone's state from the chart");
	chart_free(&c);
}

static void test_sanitised(void)
{
	struct chart c;
	load(&c, "zones:\n"
		 "  - name: \"\\e[2J区\\0尾\"\n"
		 "    note: \"a\\u202Eb\"\n"
		 "    owner: \"\\t 王\\u200B超 \\r\\n\"\n",
	     NULL);
	is_str(S(&c, c.zones[0].it.name), "\xef\xbf\xbd[2J区\xef\xbf\xbd尾", "ESC and NUL replaced, text after NUL kept");
	is_str(S(&c, item_note(&c, KIND_ZONE, 0)), "ab", "bidi override removed");
	is_str(S(&c, item_owner(&c, KIND_ZONE, 0)), "王超", "tab, ZWSP and CRLF cleaned, ends trimmed");
	is_int((long long)c.diags.warnings, 3, "each changed text is a warning");
	is_int((long long)c.diags.errors, 0, "and not an error");
	chart_free(&c);
}

/* Texts read again are remembered by their bytes: the same bytes must still
 * read as each field's mode makes them, and a changed one is said each time. */
static void test_repeated_texts(void)
{
	struct chart c;
	load(&c, "zones:\n"
		 "  - {name: 甲, note: \"a\\nb\", owner: \"a\\nb\"}\n"
		 "  - {name: 乙, note: \"a\\nb\", owner: \"a\\nb\"}\n"
		 "  - {name: \"丙\\e\"}\n"
		 "  - {name: \"丙\\e\"}\n"
		 "  - {name: 丁, note: \" x\"}\n"
		 "  - {name: 戊, owner: \" x\", note: \" x\"}\n",
	     NULL);
	is_str(S(&c, item_note(&c, KIND_ZONE, 1)), "a\nb", "a repeated note keeps its line break");
	is_str(S(&c, item_owner(&c, KIND_ZONE, 1)), "a b", "the same bytes as an owner: one line");
	is_str(S(&c, c.zones[3].it.name), "丙\xef\xbf\xbd", "a repeated text with a control is cleaned again");
	is_int((long long)c.diags.warnings, 2, "and warned of each time");
	is_str(S(&c, item_owner(&c, KIND_ZONE, 5)), "x", "a repeated note's bytes as an owner are trimmed");
	is_str(S(&c, item_note(&c, KIND_ZONE, 5)), " x", "and as a note they are not");
	chart_free(&c);

	load(&c, "zones: [{name: 甲, projects: [{name: a, investment: 2.5}, {name: b, investment: 2.5},\n"
		 "  {name: c, investment: -1}, {name: d, investment: -1}, {name: e, investment: x}, {name: f, investment: x}]}]\n",
	     NULL);
	ok(c.projects[0].investment == 2.5 && c.projects[1].investment == 2.5, "a repeated figure reads the same");
	ok(isnan(c.projects[3].investment) && isnan(c.projects[5].investment), "a repeated bad figure is not read");
	is_int((long long)c.diags.errors, 4, "and is reported each time");
	chart_free(&c);
}

static void test_limits(void)
{
	struct chart c;
	struct load_opts lim = load_defaults;
	lim.max_scalar = 8;
	load(&c, "zones:\n  - name: 临空经济区\n", &lim); /* 15 bytes */
	is_str(first_diag(&c), "'name' is longer than 8 bytes", "scalar limit");
	is_int(c.diags.v[0].line, 2, "scalar limit: line");
	is_int(c.diags.v[0].col, 11, "scalar limit: column");
	chart_free(&c);

	lim = load_defaults;
	lim.max_file = 16;
	load(&c, "zones:\n  - name: 临空经济区\n", &lim);
	is_str(first_diag(&c), "file is larger than 0 MiB", "file size limit");
	is_int((long long)c.nzones, 0, "file size limit: nothing loaded");
	chart_free(&c);

	lim = load_defaults;
	lim.max_depth = 3;
	load(&c, "zones: [{name: a, zones: [{name: b}]}]\n", &lim);
	is_str(first_diag(&c), "nesting is deeper than 3 levels", "depth limit");
	chart_free(&c);

	lim = load_defaults;
	lim.max_diags = 2;
	load(&c, "zones: [{name: a, x1: 1, x2: 2, x3: 3, x4: 4}]\n", &lim);
	is_int((long long)c.diags.n, 3, "diagnostic cap: two kept and a note");
	is_int((long long)c.diags.warnings, 4, "diagnostic cap: all are counted");
	is_str(c.diags.v[2].msg, "2 more diagnostics not shown", "diagnostic cap: the note");
	chart_free(&c);
}

static void test_rollback(void)
{
	struct chart c;
	const char *g = "zones: [{name: 好, owner: 甲, projects: [{name: p, milestones: [{name: m, due: 2023年}]}]}]\n";
	const char *b = "zones:\n  - name: 坏的区\n    owner: 乙\n    projects: [{name: 坏的项目, investment: x, owner: 丙,\n"
			"      milestones: [{name: m, due: 2024年, owner: 丁}]}]\n  - name: [\n";
	const char *good = write_file("a.yaml", g, strlen(g));
	const char *bad = write_file("b.yaml", b, strlen(b));
	const char *paths[] = {good, bad};
	chart_init(&c);
	load_chart(&c, paths, 2, NULL, NULL);
	is_int((long long)c.nfiles, 2, "rollback: both files listed");
	ok(c.files[0].loaded && !c.files[1].loaded, "rollback: the broken file is marked");
	is_int((long long)c.nzones, 1, "rollback: only the good file's zone");
	is_int((long long)c.nprojects, 1, "rollback: no half project");
	is_int((long long)c.texts[KIND_ZONE].n, 1, "rollback: the broken file's owners are gone");
	is_int((long long)c.texts[KIND_PROJECT].n + (long long)c.texts[KIND_MILESTONE].n, 0,
	       "rollback: of every kind");
	is_str(S(&c, item_owner(&c, KIND_ZONE, 0)), "甲", "rollback: the good file's owner stays");
	is_int((long long)c.dates.n, 2, "rollback: the broken file's dates are gone");
	is_str(S(&c, milestone_due_text(&c, &c.milestones[0])), "2023年", "rollback: the good file's date stays");
	is_str(S(&c, c.zones[0].it.name), "好", "rollback: the good zone is intact");
	for (size_t i = 0; i < c.diags.n; i++)
		ok(c.diags.v[i].item == UINT32_MAX, "rollback: what was said of the broken file's items is gone (%s)",
		   c.diags.v[i].msg);
	size_t count = pool_count(&c.str);
	int oom = 0;
	str_t h = pool_intern(&c.str, "坏的区", strlen("坏的区"), &oom);
	is_int(h, (long long)count, "rollback: the broken file's strings are gone from the pool (a new number)");
	chart_free(&c);
}

/* What the model looks up rather than stores: an item's file, a milestone's
 * project, a column past what the header holds. */
static void test_derived(void)
{
	struct chart c;
	const char *a = "zones: [{name: 甲, projects: [{name: p1, milestones: [{name: a, due: 2023年}]}]}]\n";
	char emptydir[300];
	snprintf(emptydir, sizeof emptydir, "%s/empty", dir);
	mkdir(emptydir, 0700);
	const char *b = "zones:\n  - name: 乙\n    projects:\n"
			"      - {name: p2}\n"
			"      - {name: p3, milestones: [{name: b, due: 2023年}, {name: c, due: 2023年}]}\n"
			"      - {name: p4, milestones: []}\n"
			"      - {name: p5, milestones: [{name: d, due: 2023年}]}\n";
	const char *paths[] = {write_file("a.yaml", a, strlen(a)), emptydir, write_file("b.yaml", b, strlen(b))};
	chart_init(&c);
	load_chart(&c, paths, 3, NULL, NULL);
	is_int((long long)c.nfiles, 3, "derived: three files, one a directory with none");
	is_int(item_file(&c, KIND_ZONE, 0), 0, "derived: the first file's zone");
	is_int(item_file(&c, KIND_ZONE, 1), 2, "derived: the third file's zone, past the empty directory");
	is_int(item_file(&c, KIND_MILESTONE, 3), 2, "derived: the third file's last milestone");
	const uint32_t project[] = {0, 2, 2, 4};
	for (uint32_t i = 0; i < 4; i++)
		is_int(milestone_project(&c, i), project[i], "derived: milestone %u's project, past empty ones", i);
	chart_free(&c);
	rmdir(emptydir);

	size_t n = 80000;
	char *wide = malloc(n + 64);
	memcpy(wide, "zones: [", 8); /* NOLINT(bugprone-not-null-terminated-result): strcpy ends it */
	memset(wide + 8, ' ', n);
	strcpy(wide + 8 + n, "{name: 远}]\n");
	load(&c, wide, NULL);
	is_int(c.zones[0].it.col, UINT16_MAX, "derived: a column past 65535 reads as 65535");
	chart_free(&c);
	free(wide);
}

/* Rewrites the file under the loader: the first `*left` times it is read. */
static void rewrite(const char *path, void *arg)
{
	int *left = arg;
	if (*left == 0)
		return;
	(*left)--;
	char text[128];
	/* a different size, so the change shows even within one clock tick */
	snprintf(text, sizeof text, "zones: [{name: 第%d版}]%*s\n", *left, *left, "");
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static void test_changing(void)
{
	struct chart c;
	struct load_opts lim = load_defaults;
	int left = 1;
	lim.after_read = rewrite;
	lim.after_read_arg = &left;
	load(&c, "zones: [{name: 旧版}]\n", &lim);
	is_int((long long)c.diags.n, 0, "a file saved while read: no diagnostics");
	is_int((long long)c.nzones, 1, "a file saved while read: one zone, not two");
	is_str(S(&c, c.zones[0].it.name), "第0版", "a file saved while read: it is read again, as saved");
	chart_free(&c);

	left = 99;
	load(&c, "zones: [{name: 旧版}]\n", &lim);
	is_str(first_diag(&c), "the file kept changing while it was read", "a file that never holds still");
	is_int((long long)c.nzones, 0, "a file that never holds still: nothing of it loads");
	is_int(99 - left, 5, "it is read five times, then given up");
	chart_free(&c);
}

static void test_reload(void)
{
	struct chart old, now;
	const char *a = "zones: [{name: 甲区, projects: [{name: 甲项目, milestones: [{name: 开工, due: 2023-01-01}]}]}]\n";
	const char *b1 = "title: 乙\n"
			 "zones:\n"
			 "  - name: 乙区\n"
			 "    targets: [{name: 投资, target: 5, due: 2023年}]\n"
			 "    zones:\n"
			 "      - name: 乙一片区\n"
			 "        projects:\n"
			 "          - name: 乙项目\n"
			 "            milestones:\n"
			 "              - {name: 签约, due: 2023年一季度}\n"
			 "              - {name: 签约, due: 2023年二季度, owner: 王}\n";
	const char *paths[2];
	paths[0] = write_file("a.yaml", a, strlen(a));
	paths[1] = write_file("b.yaml", b1, strlen(b1));
	chart_init(&old);
	load_chart(&old, paths, 2, NULL, NULL);
	is_int((long long)old.diags.n, 0, "reload: the first load is clean");
	/* b.yaml is now half saved, and a.yaml changed */
	const char *b2 = "title: 乙\nzones:\n  - name: 乙区\n    zones: [\n";
	const char *a2 = "zones: [{name: 甲区改, projects: []}]\n";
	write_file("a.yaml", a2, strlen(a2));
	write_file("b.yaml", b2, strlen(b2));
	chart_init(&now);
	load_chart(&now, paths, 2, NULL, &old);
	chart_free(&old); /* nothing of the new chart may point into the old one */
	ok(now.files[0].loaded && !now.files[0].stale, "reload: a good file is read anew");
	ok(!now.files[1].loaded && now.files[1].stale, "reload: a broken file is marked stale");
	is_int((long long)now.diags.errors, 1, "reload: the error is reported");
	is_int((long long)now.nzones, 3, "reload: the broken file's zones are kept");
	is_str(S(&now, now.zones[0].it.name), "甲区改", "reload: the good file's new content");
	is_str(S(&now, now.zones[1].it.name), "乙区", "reload: the kept zone");
	is_str(S(&now, now.zones[2].it.name), "乙一片区", "reload: the kept sub-zone");
	is_int(now.zones[2].parent, 1, "reload: the sub-zone's parent moved with it");
	is_int(now.zones[1].end, 3, "reload: the zone's subtree moved with it");
	is_int(item_file(&now, KIND_ZONE, 1), 1, "reload: kept items name their file");
	is_int(item_file(&now, KIND_ZONE, 0), 0, "reload: and the others theirs");
	is_int((long long)now.nprojects, 1, "reload: the kept project");
	is_int(now.projects[0].zone, 2, "reload: the project's zone moved");
	is_int(now.zones[2].proj_first, 0, "reload: the zone's projects moved");
	is_int((long long)now.nmilestones, 2, "reload: the kept milestones");
	is_int(milestone_project(&now, 0), 0, "reload: the milestones' project moved");
	is_str(S(&now, item_owner(&now, KIND_MILESTONE, 1)), "王", "reload: kept texts are in the new pool");
	is_str(S(&now, item_id(&now, KIND_MILESTONE, 1)), "签约~2", "reload: derived ids are derived again");
	is_int((long long)now.ntargets, 1, "reload: the kept target");
	is_int(now.targets[0].zone, 1, "reload: the target's zone moved");
	is_str(chart_title(&now), "乙", "reload: the kept title");
	chart_free(&now);
}

/* Saves a.yaml again while b.yaml is being read: the edit of a user who
 * saves a small file while a large chart loads. */
static void save_a_during_b(const char *path, void *arg)
{
	(void)arg;
	size_t n = strlen(path);
	if (n >= 6 && !strcmp(path + n - 6, "b.yaml")) {
		const char *a = "zones: [{name: 改了}]   \n";
		write_file("w/a.yaml", a, strlen(a));
	}
}

static const char *look(struct watch *w, const struct chart *c, const char *path)
{
	static const char *const names[] = {"same", "changing", "changed"};
	return names[watch_look(w, c, &path, 1)];
}

static void test_watch(void)
{
	char wdir[300];
	snprintf(wdir, sizeof wdir, "%s/w", dir);
	mkdir(wdir, 0700);
	const char *a = "zones: [{name: 甲}]\n", *b = "zones: [{name: 乙}]\n";
	write_file("w/a.yaml", a, strlen(a));
	write_file("w/b.yaml", b, strlen(b));
	const char *p = wdir;
	struct chart c;
	struct watch w = {0};
	chart_init(&c);
	load_chart(&c, &p, 1, NULL, NULL);
	is_str(look(&w, &c, wdir), "same", "watch: nothing changed since the load");
	chart_free(&c);

	struct load_opts lim = load_defaults;
	lim.after_read = save_a_during_b;
	chart_init(&c);
	load_chart(&c, &p, 1, &lim, NULL);
	is_str(S(&c, c.zones[0].it.name), "甲", "a.yaml was read before it was saved again");
	is_str(look(&w, &c, wdir), "changing", "watch: a file saved during the load is seen");
	is_str(look(&w, &c, wdir), "changed", "and, once it holds still, reloaded");
	chart_free(&c);

	chart_init(&c);
	load_chart(&c, &p, 1, NULL, NULL);
	look(&w, &c, wdir);
	write_file("w/C.YML", b, strlen(b));
	is_str(look(&w, &c, wdir), "changing", "watch: a new chart in the directory (any case of .yml)");
	remove(write_file("w/C.YML", "", 0));
	is_str(look(&w, &c, wdir), "same", "gone again: as loaded");
	remove(write_file("w/b.yaml", "", 0));
	is_str(look(&w, &c, wdir), "changing", "watch: a chart removed from the directory");
	chart_free(&c);

	/* What cannot be read is watched too, without reloading for ever. */
	char fifo[320];
	snprintf(fifo, sizeof fifo, "%s/w/fifo.yaml", dir);
	mkfifo(fifo, 0600);
	const char *two[] = {wdir, fifo};
	chart_init(&c);
	load_chart(&c, two, 2, NULL, NULL);
	ok(c.diags.errors >= 1, "a FIFO is an error, not a hang");
	is_str(watch_look(&w, &c, two, 2) == WATCH_SAME ? "same" : "changed", "same",
	       "watch: a FIFO and a file named twice stay as loaded");
	chart_free(&c);
	remove(fifo);
	remove(write_file("w/a.yaml", "", 0));
	rmdir(wdir);
}

/* Zones continued from another file (`parent:`), placed in one tree. */
static const char *zone_names(const struct chart *c)
{
	static char buf[512];
	size_t n = 0;
	buf[0] = '\0';
	for (uint32_t z = 0; z < c->nzones; z++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%*s%s@%u", z ? " " : "", (int)c->zones[z].depth, "",
				      S(c, c->zones[z].it.name), (unsigned)item_file(c, KIND_ZONE, z));
	return buf;
}

static void test_grafts(void)
{
	struct chart c, old;
	const char *a = "zones:\n"
			"  - name: 广安市\n"
			"    id: guangan\n"
			"    zones:\n"
			"      - {name: 广安区, id: qu, projects: [{name: 区项目}]}\n"
			"  - name: 邻水县\n"
			"    targets: [{name: 投资, target: 5}]\n";
	const char *b = "zones:\n"
			"  - name: 华蓥市\n"
			"    parent: guangan\n"
			"    projects: [{name: 华蓥项目, milestones: [{name: 开工, due: 2023-01-01}]}]\n"
			"    zones: [{name: 山区, targets: [{name: 指标, target: 1}]}]\n"
			"  - {name: 岳池县, parent: guangan/qu, projects: [{name: 岳池项目}]}\n"
			"  - {name: 岳池县, parent: guangan/qu}\n"
			"  - {name: 另区, id: qu, parent: guangan}\n";
	const char *paths[2];
	paths[0] = write_file("ga.yaml", a, strlen(a));
	paths[1] = write_file("gb.yaml", b, strlen(b));
	chart_init(&c);
	load_chart(&c, paths, 2, NULL, NULL);
	is_str(zone_names(&c), "广安市@0  广安区@0   岳池县@1   岳池县@1  华蓥市@1   山区@1  另区@1 邻水县@0",
	       "parent: zones placed in pre-order under their parents, each naming its own file");
	is_int((long long)c.diags.errors, 1, "parent: one error");
	ok(strstr(first_diag(&c), "duplicate zone id 'qu' (also at ") && strstr(first_diag(&c), "ga.yaml:5:9)"),
	   "parent: a placed zone's siblings are its parent's");
	ok(c.zones[0].end == 7 && c.zones[1].end == 4 && c.zones[4].end == 6 && c.zones[7].end == 8,
	   "parent: each zone's extent covers what was placed under it");
	is_int(c.zones[4].parent, 0, "parent: the placed zone's parent");
	is_int(c.zones[5].parent, 4, "parent: its own sub-zone follows it");
	is_int(c.zones[4].depth + c.zones[5].depth, 3, "parent: their depths in the whole tree");
	is_int(c.zones[4].it.line, 2, "parent: the placed zone keeps its line");
	is_int(c.projects[c.zones[4].proj_first].zone, 4, "parent: its projects point at it where it is now");
	is_str(S(&c, c.projects[c.zones[2].proj_first].it.name), "岳池项目", "parent: a zone's projects go with it");
	is_int(c.targets[c.zones[5].tgt_first].zone, 5, "parent: targets too");
	is_int(c.targets[c.zones[7].tgt_first].zone, 7, "parent: and the zones after it moved");
	is_int(item_file(&c, KIND_MILESTONE, 0), 1, "parent: a placed zone's milestone names its file");
	is_str(S(&c, item_id(&c, KIND_ZONE, 3)), "岳池县~2", "parent: a derived id is derived among its new siblings");
	chart_free(&c);

	/* Reloads: either file broken keeps its last good items, and the tree. */
	chart_init(&old);
	load_chart(&old, paths, 2, NULL, NULL);
	const char *broken = "zones: [\n";
	write_file("gb.yaml", broken, strlen(broken));
	chart_init(&c);
	load_chart(&c, paths, 2, NULL, &old);
	is_str(zone_names(&c), "广安市@0  广安区@0   岳池县@1   岳池县@1  华蓥市@1   山区@1  另区@1 邻水县@0",
	       "parent: the child file broken, its kept zones are placed again");
	ok(c.files[1].stale, "parent: it is marked stale");
	write_file("gb.yaml", b, strlen(b));
	write_file("ga.yaml", broken, strlen(broken));
	chart_free(&old);
	chart_init(&old);
	load_chart(&old, paths, 2, NULL, &c); /* c: ga.yaml good, gb.yaml kept */
	chart_free(&c);
	is_str(zone_names(&old), "广安市@0  广安区@0   岳池县@1   岳池县@1  华蓥市@1   山区@1  另区@1 邻水县@0",
	       "parent: the parent file broken, the zones are placed under its kept ones");
	ok(old.files[0].stale && !old.files[1].stale, "parent: which file was kept");
	is_int(old.projects[old.zones[2].proj_first].zone, 2, "parent: refs into carried zones hold");
	is_int(old.projects[old.zones[4].proj_first].zone, 4, "parent: and into the placed ones");
	chart_free(&old);

	/* The parent's file never read: the zone stays at the top, and says why. */
	chart_init(&c);
	load_chart(&c, paths, 2, NULL, NULL);
	is_str(zone_names(&c), "华蓥市@1  山区@1 岳池县@1 岳池县@1 另区@1",
	       "parent: with the parent's file unreadable, nothing is lost");
	size_t k;
	for (k = 0; k < c.diags.n && !strstr(c.diags.v[k].msg, "unknown parent"); k++)
		;
	ok(k < c.diags.n && strstr(c.diags.v[k].msg, "unknown parent zone 'guangan': no zone 'guangan' at the top of any file; /") &&
	   strstr(c.diags.v[k].msg, "/ga.yaml could not be read and may hold it"),
	   "parent: the error names the file that may hold it");
	is_int((long long)c.diags.errors, 5, "parent: one error for the file, one for each zone placed under it");
	ok(c.zones[0].it.flags & ITEM_ERROR, "parent: the zone is marked");
	chart_free(&c);
	write_file("ga.yaml", a, strlen(a));
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (!mkdtemp(dir))
		return 99;
	test_fields();
	test_sanitised();
	test_repeated_texts();
	test_limits();
	test_rollback();
	test_derived();
	test_reload();
	test_grafts();
	test_changing();
	test_watch();
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0) /* NOLINT(cert-env33-c): a fixed command on the test's own directory */
		ok(0, "clean up");
	return done_testing();
}
