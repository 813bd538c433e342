#include "config.h"
#include "pace.h"
#include "i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "number.h"

struct pace pace_judge(const struct target *t, day_t today)
{
	struct pace p = {V_NO_FIGURE, NAN, NAN, t->as_of != DAY_NONE ? t->as_of : today};
	if (t->due != DAY_NONE) {
		day_t start = t->start;
		if (start == DAY_NONE) {
			int y, m, d;
			date_to_ymd(t->due, &y, &m, &d);
			start = date_from_ymd(y, 1, 1);
		}
		double all = (double)t->due - start + 1, gone = (double)p.as_of - start + 1;
		p.expected = all <= 0 ? 1 : gone <= 0 ? 0 : gone >= all ? 1 : gone / all;
	}
	if (isnan(t->actual))
		return p;
	p.share = t->target > 0 ? t->actual / t->target : t->actual > 0 ? (double)INFINITY : 1;
	if (t->it.flags & TARGET_AT_MOST) {
		p.v = t->actual <= t->target ? V_MET : V_OVER;
		return p;
	}
	if (t->actual >= t->target)
		p.v = V_MET;
	else if (t->due == DAY_NONE)
		p.v = V_OPEN;
	else if (today > t->due)
		p.v = V_MISSED;
	else
		p.v = p.share >= p.expected ? V_ON_PACE : V_BEHIND;
	return p;
}

const char *pace_word(enum verdict v)
{
	/* TRANSLATORS: a target's verdict; a percentage may follow */
	static const char *const words[V_COUNT] = {
		[V_NO_FIGURE] = NC_("verdict", "No figure"), [V_OPEN] = NC_("verdict", "Not met yet"),
		[V_ON_PACE] = NC_("verdict", "On pace"),     [V_MET] = NC_("verdict", "Met"),
		[V_BEHIND] = NC_("verdict", "Behind"),       [V_MISSED] = NC_("verdict", "Missed"),
		[V_OVER] = NC_("verdict", "Over"),
	};
	return i18n_cgettext("verdict", words[v]);
}

/* A share as a percentage: "61.5%". */
static void percent(double share, char *buf, size_t cap)
{
	char n[40];
	number_format(round(share * 1000) / 10, n, sizeof n);
	size_t len = strlen(n);
	if (len + 2 > cap)
		len = cap - 2;
	memcpy(buf, n, len); /* NOLINT(bugprone-not-null-terminated-result): the NUL comes with "%" */
	memcpy(buf + len, "%", 2);
}

void pace_figures(const struct chart *c, const struct target *t, char *buf, size_t cap)
{
	char a[40] = "-", g[40];
	if (!isnan(t->actual))
		number_format(t->actual, a, sizeof a);
	number_format(t->target, g, sizeof g);
	const char *unit = chart_str(c, t->unit);
	snprintf(buf, cap, "%s / %s%s%s", a, g, *unit ? " " : "", unit);
}

void pace_words(const struct chart *c, const struct target *t, const struct pace *p, char *buf, size_t cap)
{
	char share[40], gone[40], a[40], g[40];
	if (p->v == V_OVER) { /* 52 > 45 个工作日：超出 */
		number_format(t->actual, a, sizeof a);
		number_format(t->target, g, sizeof g);
		const char *unit = chart_str(c, t->unit);
		/* TRANSLATORS: a target that must stay under its figure went over: "52 > 45 个工作日: over" */
		snprintf(buf, cap, _("%s > %s%s%s: over"), a, g, *unit ? " " : "", unit);
		return;
	}
	if (p->v == V_BEHIND) { /* 落后 61.5%，时间已过80% */
		percent(p->share, share, sizeof share);
		percent(p->expected, gone, sizeof gone);
		/* TRANSLATORS: share of the target reached, then share of its time gone */
		snprintf(buf, cap, _("Behind %s, %s of the time gone"), share, gone);
		return;
	}
	if (p->v == V_ON_PACE || p->v == V_MISSED || p->v == V_OPEN) {
		percent(p->share, share, sizeof share);
		snprintf(buf, cap, "%s %s", pace_word(p->v), share);
		return;
	}
	snprintf(buf, cap, "%s", pace_word(p->v));
}

void pace_bar(const struct pace *p, int width, int ascii, char *buf, size_t cap)
{
	/* not │ or |: a bar sits in a table, among its rules */
	const char *full = ascii ? "#" : "█", *empty = ascii ? "-" : "░", *mark = ascii ? ":" : "┊";
	int filled = isnan(p->share) ? 0 : p->share >= 1 ? width : (int)(p->share * width + 0.5);
	int at = isnan(p->expected) ? -1 : (int)(p->expected * width + 0.5) - 1; /* the cell it ends in */
	if (at < 0 && !isnan(p->expected) && p->expected > 0)
		at = 0;
	size_t n = 0;
	buf[0] = '\0';
	for (int i = 0; i < width && n + 8 < cap; i++)
		n += (size_t)snprintf(buf + n, cap - n, "%s", i == at && i >= filled ? mark : i < filled ? full : empty);
}

void pace_trend(const struct chart *c, const struct target *t, int ascii, char *buf, size_t cap)
{
	static const char *const blocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
	static const char *const plain[] = {"_", "_", ".", ".", "-", "-", "^", "^"};
	size_t n = 0;
	buf[0] = '\0';
	if (t->prog_count < 2)
		return;
	double top = t->target;
	for (uint32_t i = t->prog_first; i < t->prog_first + t->prog_count; i++)
		if (c->progress[i].actual > top)
			top = c->progress[i].actual;
	for (uint32_t i = t->prog_first; i < t->prog_first + t->prog_count && n + 8 < cap; i++) {
		double v = top > 0 ? c->progress[i].actual / top : 0;
		/* An entry whose figure did not read (an error said so) is NaN:
		 * a gap, not a bar (and (int)NaN is undefined: the fuzzer's find). */
		if (isnan(v)) {
			n += (size_t)snprintf(buf + n, cap - n, " ");
			continue;
		}
		int level = v <= 0 ? 0 : v >= 1 ? 7 : (int)(v * 8);
		if (level > 7)
			level = 7;
		n += (size_t)snprintf(buf + n, cap - n, "%s", (ascii ? plain : blocks)[level]);
	}
}
