/* pace: how a target (指标) stands.
 *
 * A target is met when its figure reaches it (or, for a ceiling, stays
 * under it). Short of that, it is judged at the day its figure is for
 * (as_of, else today): the share reached against the share of the time gone,
 * counted linearly from `start` (else 1 January of the due year) to `due`.
 * Past due and short, it is missed. Without a figure there is no verdict. */
#ifndef GUATU_PACE_H
#define GUATU_PACE_H

#include <stddef.h>

#include "model.h"

enum verdict {
	V_NO_FIGURE, /* no actual reported */
	V_OPEN,      /* short, with no due date to judge the pace by */
	V_ON_PACE,   /* 符合进度 */
	V_MET,       /* 达标 */
	V_BEHIND,    /* 落后: short of the share of the time gone */
	V_MISSED,    /* 未完成: past due and short */
	V_OVER,      /* 超出: a ceiling exceeded */
	V_COUNT
};

struct pace {
	enum verdict v;
	double share;    /* actual / target; NAN without a figure */
	double expected; /* the share of the time gone at the figure's day, 0..1; NAN without dates */
	day_t as_of;     /* the day the figure is for */
};

/* Judges target t on day `today`. */
struct pace pace_judge(const struct target *t, day_t today);
/* Does a verdict need attention (behind, missed, over)? */
static inline int pace_bad(enum verdict v) { return v == V_BEHIND || v == V_MISSED || v == V_OVER; }
/* The verdict in words ("落后") and in full ("落后 61.5%，时间已过80%",
 * "52 > 45 个工作日：超出"), written to buf. */
const char *pace_word(enum verdict v);
void pace_words(const struct chart *c, const struct target *t, const struct pace *p, char *buf, size_t cap);
/* The figures: "61.5 / 100 亿元" (or "- / 100 亿元"). */
void pace_figures(const struct chart *c, const struct target *t, char *buf, size_t cap);
/* A bar `width` cells wide: the share reached filled, the share of the time
 * gone marked; box characters, or ASCII. */
void pace_bar(const struct pace *p, int width, int ascii, char *buf, size_t cap);
/* The dated figures as a small trend, one cell each ("▁▃▅▇"), or "" with
 * fewer than two. */
void pace_trend(const struct chart *c, const struct target *t, int ascii, char *buf, size_t cap);

#endif
