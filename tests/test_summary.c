/* The summary: roll-ups over sub-zones, and the overdue and due-soon lists
 * in the order the status screen shows them. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load.h"
#include "summary.h"
#include "tap.h"

static const char *ms_names(const struct chart *c, const uint32_t *v, size_t n)
{
	static char buf[256];
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? " " : "",
					chart_str(c, c->milestones[v[i]].it.name));
	return buf;
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	char path[1024];
	const char *p = path;
	snprintf(path, sizeof path, "%s/good/order.yaml", getenv("FIXTURES") ? getenv("FIXTURES") : "tests/fixtures");
	struct chart c;
	struct summary s;
	chart_init(&c);
	load_chart(&c, &p, 1, NULL, NULL);
	day_t today = date_from_ymd(2023, 2, 20);
	is_int(summary_build(&s, &c, today, 14, NULL), 0, "built");
	is_str(ms_names(&c, s.overdue, s.noverdue), "辛开工 庚开工 乙开工 丁开工", "overdue: most overdue first");
	is_str(ms_names(&c, s.due_soon, s.nsoon), "甲开工", "due soon: 甲 in 9 days");
	is_int(s.zones[0].overdue, 3, "一区 counts its sub-zone's overdue too");
	is_int(s.zones[1].overdue, 1, "一区子区: its own");
	is_int(s.zones[0].milestones, 7, "一区: 6 of its own and 1 below");
	is_int(s.zones[0].done, 1, "one done");
	is_int(s.zones[0].projects, 3, "projects roll up");
	is_int(s.all.overdue, 4, "the whole chart");
	is_int(s.all.soon, 1, "due soon in all");
	is_int(s.projects[0].overdue, 2, "第一项目: two overdue");
	is_int(s.projects[0].soon, 1, "and one due soon");
	is_int(s.zones[0].next, date_from_ymd(2023, 3, 1), "the next deadline not yet passed");
	is_int(s.zones[2].next, DAY_NONE, "二区: none left");
	summary_free(&s);
	summary_build(&s, &c, today, 0, NULL);
	is_int((long long)s.nsoon, 0, "soon 0: nothing due soon");
	summary_free(&s);
	chart_free(&c);

	/* Dates too far apart for a count per day: sorted by qsort(), in the
	 * same order (due date, then file order). */
	char far[] = "/tmp/guatu-test-summary-XXXXXX";
	static const char chart[] = "zones:\n  - name: 区\n    projects:\n      - name: 项\n        milestones:\n"
				    "          - {name: 乙, due: 2020-01-01}\n          - {name: 甲, due: 1901-01-01}\n"
				    "          - {name: 丙, due: 1901-01-01}\n";
	int fd = mkstemp(far);
	ok(fd >= 0 && write(fd, chart, sizeof chart - 1) == (ssize_t)(sizeof chart - 1), "a chart spanning 119 years");
	close(fd);
	p = far;
	chart_init(&c);
	load_chart(&c, &p, 1, NULL, NULL);
	summary_build(&s, &c, today, 14, NULL);
	is_str(ms_names(&c, s.overdue, s.noverdue), "甲 丙 乙", "far apart: by date, then file order");
	summary_free(&s);
	chart_free(&c);
	unlink(far);
	return done_testing();
}
