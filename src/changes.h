/* changes: what moved since the baseline.
 *
 * Items are matched by their id path (zone ids down to the milestone's or
 * target's own, derived ids included), hashed, so a comparison is one pass
 * over each chart whatever its size; files may be split or renamed. Built
 * once per load, beside the summary, which counts the postponed. */
#ifndef GUATU_CHANGES_H
#define GUATU_CHANGES_H

#include "baseline.h"
#include "model.h"

/* Worst first: the order the list is shown in. */
enum change_what {
	CH_POSTPONED, /* due later than in the baseline: a problem, like overdue */
	CH_RELAXED,   /* a target made easier: lowered (at least) or raised (at most) */
	CH_REMOVED,
	CH_STATUS,
	CH_NEW,
	CH_FORWARD,   /* due earlier */
	CH_TIGHTENED, /* a target made harder */
	CH_COUNT,
};

struct change {
	uint8_t what; /* enum change_what */
	uint8_t kind; /* KIND_MILESTONE or KIND_TARGET */
	uint32_t now;  /* the item in the chart; NONE when removed */
	uint32_t then; /* the item in the baseline; NONE when new */
	int32_t days;  /* postponed or brought forward by */
};

struct changes {
	const struct baseline *b;
	struct change *v; /* worst first; postponed most days first */
	size_t n;
	size_t count[CH_COUNT];
	uint32_t *ms_then; /* per milestone of the chart: its baseline milestone, or NONE */
	int32_t *slip;     /* per milestone: days later (> 0) or earlier (< 0) than the baseline */
};

/* Compares chart `c` with baseline `b` (and adopts the baseline's problems
 * into c: baseline_adopt). A baseline that could not be read gives no
 * changes. -1 when out of memory. */
int changes_build(struct changes *ch, struct chart *c, const struct baseline *b);
void changes_free(struct changes *ch);

/* The item of `b` with the id path of item i (of kind k) of `c`, or NONE:
 * one item, looked for in one pass (the due-date history). */
uint32_t change_find(const struct chart *b, const struct chart *c, enum kind k, uint32_t i);

/* The order counts are said in (the title, --check): the deadlines
 * first, in both directions, then the rest. */
extern const enum change_what change_order[CH_COUNT];

/* "推迟", "提前" … the word for a change. */
const char *change_word(enum change_what w);
/* A change in words, for a list or the detail pane: "推迟 61天",
 * "状态 计划 → 完成", "指标下调 100 → 80 亿元". */
void change_words(const struct changes *ch, const struct chart *c, const struct change *v, char *buf,
		  size_t cap);
/* The chart (the current one or the baseline's) and item a change is about. */
const struct chart *change_item(const struct changes *ch, const struct chart *c, const struct change *v,
				uint32_t *i);

#endif
