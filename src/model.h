/* model: a chart in memory, as the loader leaves it and the views read it.
 *
 * Items live in four flat arrays owned by the chart (one set per load, freed
 * whole): zones in pre-order, so a zone's sub-zones are the indices up to its
 * `end`; each zone's projects and targets, and each project's milestones, are
 * contiguous ranges. Texts are pool handles (see pool.h). Indices rather than
 * pointers keep items small and survive the arrays growing during a load. */
#ifndef GUATU_MODEL_H
#define GUATU_MODEL_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "diag.h"
#include "pool.h"

#define NONE UINT32_MAX

enum status { ST_PLANNED, ST_ACTIVE, ST_DONE, ST_DROPPED };

/* Item flags. */
enum {
	ITEM_INVALID = 1,    /* a required field is missing or bad (reported) */
	ITEM_ID_DERIVED = 2, /* no usable id was written; `id` was derived */
	TARGET_AT_MOST = 4,  /* a ceiling: met when actual <= target */
};

/* Where an item was written. */
struct place {
	uint32_t line, col;
	uint32_t file;
};

struct zone {
	str_t name, id, owner, note;
	uint32_t parent;     /* NONE for a top-level zone */
	uint32_t end;        /* one past the last sub-zone, at any depth */
	uint32_t proj_first, proj_count;
	uint32_t tgt_first, tgt_count;
	struct place at;
	uint16_t depth;
	uint16_t flags;
};

struct project {
	str_t name, id, owner, note;
	double investment; /* 亿元; NAN when not given */
	uint32_t zone;
	uint32_t ms_first, ms_count;
	struct place at;
	uint16_t flags;
};

struct milestone {
	str_t name, id, owner, note;
	str_t due_text, done_text; /* as written, for display */
	day_t due, done;           /* last day of the period; DAY_NONE if absent */
	uint32_t project;
	struct place at;
	uint8_t status; /* enum status */
	uint8_t flags;
};

struct target {
	str_t name, id, owner, note, unit;
	str_t due_text, start_text;
	double target, actual; /* actual is NAN when not reported */
	day_t due, start;
	uint32_t zone;
	struct place at;
	uint16_t flags;
};

/* [first, end) of a file's items in one of the chart's arrays. */
struct range {
	uint32_t first, end;
};

struct chart_file {
	char *path;  /* as given or found in a directory: for opening */
	char *shown; /* the same, sanitised: for showing */
	str_t title;
	int loaded;  /* read without a fatal error */
	int stale;   /* could not be read, so its last good items were kept */
	/* A file's items are contiguous in each array: they are appended
	 * while it is read. */
	struct range zones, projects, milestones, targets;
};

struct chart {
	struct pool str;
	struct chart_file *files;
	struct zone *zones;
	struct project *projects;
	struct milestone *milestones;
	struct target *targets;
	size_t nfiles, nzones, nprojects, nmilestones, ntargets;
	size_t files_cap, zones_cap, projects_cap, milestones_cap, targets_cap;
	struct diags diags;
};

/* Starts an empty chart; returns -1 when out of memory. */
int chart_init(struct chart *c);
/* Frees the chart and everything it owns. */
void chart_free(struct chart *c);
/* The text of a handle. */
static inline const char *chart_str(const struct chart *c, str_t s) { return pool_str(&c->str, s); }
/* The chart's title: the first title found in its files, or "". */
const char *chart_title(const struct chart *c);

/* What a milestone means today. */
enum ms_state {
	MS_INVALID,   /* no usable due date */
	MS_OPEN,      /* planned or active, due later than the soon window */
	MS_SOON,      /* planned or active, due within the soon window */
	MS_OVERDUE,   /* planned or active, due before today */
	MS_DONE,      /* done on or before its due date (or with no done date) */
	MS_DONE_LATE, /* done after its due date */
	MS_DROPPED,
};

/* The state of `m` on day `today`, with `soon` days (today counted) as the
 * due-soon window. */
enum ms_state milestone_state(const struct milestone *m, day_t today, int soon);

/* Reads a status name (English or Chinese, see docs/format.md); -1 if unknown. */
int status_parse(const char *s);
/* The English name of a status. */
const char *status_name(enum status s);

#endif
