/* How a target stands: the pace arithmetic, ceilings, no figure, dated
 * figures (progress), and the words, bars and trends shown for it. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lang.h"
#include "load.h"
#include "pace.h"
#include "tap.h"

static day_t D(int y, int m, int d) { return date_from_ymd(y, m, d); }

static struct chart c;

static struct target T(double target, double actual, day_t start, day_t due, day_t as_of)
{
	struct target t = {.target = target, .actual = actual, .start = start, .due = due, .as_of = as_of,
			   .project = NONE, .prog_count = 0};
	return t;
}

static const char *words(const struct target *t, day_t today)
{
	static char buf[200];
	struct pace p = pace_judge(t, today);
	pace_words(&c, t, &p, buf, sizeof buf);
	return buf;
}

static const char *bar(const struct target *t, day_t today, int ascii)
{
	static char buf[200];
	struct pace p = pace_judge(t, today);
	pace_bar(&p, 10, ascii, buf, sizeof buf);
	return buf;
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	/* the screens' words in zh_CN, from the catalogs make check built */
	setenv("LANGUAGE", "zh_CN", 1);
	lang_init(NULL);
	chart_init(&c);
	day_t today = D(2023, 7, 1), year_end = D(2023, 12, 31);

	/* Inside the period: the share reached against the share of the time gone. */
	struct target t = T(100, 61.5, DAY_NONE, year_end, D(2023, 6, 30));
	struct pace p = pace_judge(&t, today);
	is_int(p.v, V_ON_PACE, "61.5 of 100 at 30 June: on pace");
	ok(fabs(p.expected - 181.0 / 365) < 1e-9, "start defaults to 1 January of the due year: 181/365 gone");
	is_str(words(&t, today), "符合进度 61.5%", "on pace, in words");
	t = T(90, 30, DAY_NONE, year_end, D(2023, 6, 30));
	is_int(pace_judge(&t, today).v, V_BEHIND, "30 of 90 at 30 June: behind");
	is_str(words(&t, today), "落后 33.3%，时间已过49.6%", "behind, in words: the share and the time gone");
	t = T(100, 49, D(2023, 1, 1), year_end, D(2023, 6, 30));
	is_int(pace_judge(&t, today).v, V_BEHIND, "49%% with 49.6%% gone: behind, just");
	t = T(100, 50, D(2023, 1, 1), year_end, D(2023, 6, 30));
	is_int(pace_judge(&t, today).v, V_ON_PACE, "50%% with 49.6%% gone: on pace");
	/* Judged at its figure's day, not today. */
	t = T(100, 30, DAY_NONE, year_end, D(2023, 3, 31));
	is_int(pace_judge(&t, D(2023, 11, 30)).v, V_ON_PACE, "30%% as of 31 March is on pace, whenever looked at");
	t = T(100, 30, DAY_NONE, year_end, DAY_NONE);
	is_int(pace_judge(&t, D(2023, 11, 30)).v, V_BEHIND, "no as_of: judged at today (30 November): behind");
	is_int(pace_judge(&t, D(2023, 11, 30)).as_of, D(2023, 11, 30), "and its day is today");
	/* Before the period. */
	t = T(100, 0, D(2024, 1, 1), D(2024, 12, 31), DAY_NONE);
	p = pace_judge(&t, today);
	ok(p.expected == 0 && p.v == V_ON_PACE, "before its period: nothing expected yet, on pace");
	/* After: missed if short, met if not. */
	t = T(9.5, 8.7, DAY_NONE, D(2023, 3, 31), D(2023, 3, 31));
	is_int(pace_judge(&t, today).v, V_MISSED, "past due and short: missed");
	is_str(words(&t, today), "未完成 91.6%", "missed, in words");
	t = T(16, 16, DAY_NONE, D(2023, 3, 31), DAY_NONE);
	is_int(pace_judge(&t, today).v, V_MET, "past due and reached: met");
	is_str(words(&t, today), "达标", "met, in words");
	t = T(16, 20, DAY_NONE, year_end, DAY_NONE);
	is_int(pace_judge(&t, today).v, V_MET, "beyond the target before due: met");
	/* Ceilings. */
	int oom = 0;
	t = T(45, 52, DAY_NONE, DAY_NONE, DAY_NONE);
	t.it.flags = TARGET_AT_MOST;
	t.unit = pool_intern(&c.str, "个工作日", strlen("个工作日"), &oom);
	is_int(pace_judge(&t, today).v, V_OVER, "a ceiling exceeded: over");
	is_str(words(&t, today), "52 > 45 个工作日：超出", "over, in words");
	t.actual = 45;
	is_int(pace_judge(&t, today).v, V_MET, "a ceiling reached exactly: met");
	/* No figure; no due date. */
	t = T(100, NAN, DAY_NONE, year_end, DAY_NONE);
	is_int(pace_judge(&t, today).v, V_NO_FIGURE, "no actual: no verdict");
	is_str(words(&t, today), "无数据", "no figure, in words");
	t = T(10, 3, D(2021, 11, 1), DAY_NONE, D(2022, 7, 31));
	is_int(pace_judge(&t, today).v, V_OPEN, "short with no due date: not judged on pace");
	t = T(0, 0, DAY_NONE, year_end, DAY_NONE);
	is_int(pace_judge(&t, today).v, V_MET, "a target of 0 is met");
	/* Figures and bars. */
	char fig[64];
	t = T(100, 61.5, DAY_NONE, year_end, D(2023, 6, 30));
	t.unit = pool_intern(&c.str, "亿元", strlen("亿元"), &oom);
	pace_figures(&c, &t, fig, sizeof fig);
	is_str(fig, "61.5 / 100 亿元", "the figures with their unit");
	is_str(bar(&t, today, 0), "██████░░░░", "the bar: 61.5%% filled; the time mark under the fill");
	t.actual = 30;
	is_str(bar(&t, today, 0), "███░┊░░░░░", "30%%: the time gone marked past the fill");
	is_str(bar(&t, today, 1), "###-:-----", "and in ASCII");
	t.actual = NAN;
	pace_figures(&c, &t, fig, sizeof fig);
	is_str(fig, "- / 100 亿元", "no figure: -");

	/* Dated figures, as a chart writes them: the last is the current. */
	char path[] = "/tmp/guatu-pace-XXXXXX";
	int fd = mkstemp(path);
	const char *y = "zones:\n  - name: 区\n    targets:\n"
			"      - name: 全年完成投资\n        target: 100\n        due: 2023年底\n"
			"        progress:\n"
			"          - {as_of: 2023年3月, actual: 20}\n"
			"          - {as_of: 2023年6月, actual: 61.5}\n"
			"      - name: 对不上\n        target: 100\n        due: 2023年底\n        actual: 70\n"
			"        progress:\n"
			"          - {as_of: 2023年6月, actual: 40}\n"
			"          - {as_of: 2023年5月, actual: 45}\n";
	if (write(fd, y, strlen(y)) < 0)
		return 1;
	close(fd);
	struct chart lc;
	const char *p1 = path;
	chart_init(&lc);
	load_chart(&lc, &p1, 1, NULL, NULL);
	is_int((long long)lc.nprogress, 4, "four dated figures");
	is_int((long long)lc.targets[0].prog_count, 2, "two of the first target's");
	ok(lc.targets[0].actual == 61.5, "the last figure is the current one");
	is_int(lc.targets[0].as_of, D(2023, 6, 30), "and its day is as_of");
	p = pace_judge(&lc.targets[0], today);
	is_int(p.v, V_ON_PACE, "judged at the last figure's day");
	char trend[64];
	pace_trend(&lc, &lc.targets[0], 0, trend, sizeof trend);
	is_str(trend, "▂▅", "the figures as a trend");
	is_int((long long)lc.diags.warnings, 2, "figures out of order and an actual that disagrees: warnings");
	ok(lc.targets[1].actual == 45, "the last figure wins over a disagreeing 'actual'");
	chart_free(&lc);
	remove(path);
	chart_free(&c);
	return done_testing();
}
