/* model: a chart in memory, as the loader leaves it and the views read it.
 *
 * Items live in four flat arrays owned by the chart (one set per load, freed
 * whole): zones in pre-order, so a zone's sub-zones are the indices up to its
 * `end`; each zone's projects and targets, and each project's milestones, are
 * contiguous ranges. Every item starts with the same header (struct item), so
 * code that only needs a name, an id or a place handles all four kinds alike.
 * Texts are pool numbers (see pool.h). Indices rather than pointers keep items
 * small and survive the arrays growing during a load. */
#ifndef GUATU_MODEL_H
#define GUATU_MODEL_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "date.h"
#include "diag.h"
#include "pool.h"

#define NONE UINT32_MAX

enum kind { KIND_ZONE, KIND_PROJECT, KIND_MILESTONE, KIND_TARGET, KIND_PROGRESS, KIND_COUNT };

enum status { ST_PLANNED, ST_ACTIVE, ST_DONE, ST_PAUSED, ST_DROPPED, ST_COUNT };

/* Item flags. */
enum {
	ITEM_INVALID = 1,    /* a required field is missing or bad (reported) */
	ITEM_ID_DERIVED = 2, /* no usable id was written; `id` was derived */
	ITEM_ERROR = 4,      /* an error was reported inside this item */
	ITEM_STALE = 8,      /* kept from the last good reading of a broken file */
	TARGET_AT_MOST = 16, /* a ceiling: met when actual <= target */
};

/* Where an item was written. */
struct place {
	uint32_t line, col;
	uint32_t file;
};

/* What every item has. */
struct item {
	str_t name, id, owner, note;
	struct place at;
	uint16_t flags;
	uint8_t kind;   /* enum kind */
	uint8_t status; /* milestones: enum status */
};

struct zone {
	struct item it;
	uint32_t parent;     /* NONE for a top-level zone */
	uint32_t end;        /* one past the last sub-zone, at any depth */
	uint32_t proj_first, proj_count;
	uint32_t tgt_first, tgt_count;
	uint32_t depth;
};

struct project {
	struct item it;
	double investment; /* 亿元; NAN when not given */
	uint32_t zone;
	uint32_t ms_first, ms_count;
	uint32_t tgt_first, tgt_count; /* its own targets (an annual investment plan …) */
};

struct milestone {
	struct item it;
	str_t due_text, done_text; /* as written, for display */
	day_t due;                 /* the last day of the due period; DAY_NONE if absent or unreadable */
	day_t due_from;            /* its first day (10月下旬: the 21st) */
	day_t done;                /* the last day of the period it was done in */
	uint32_t project;
};

struct target {
	struct item it;
	str_t unit, due_text, start_text, as_of_text;
	double target, actual; /* actual is NAN when not reported */
	day_t due, start;      /* start: DAY_NONE means 1 January of the due year */
	day_t as_of;           /* the day `actual` is for; DAY_NONE: today */
	uint32_t zone;         /* the zone it is on, or its project's zone */
	uint32_t project;      /* NONE for a zone's own target */
	uint32_t prog_first, prog_count; /* its dated figures, oldest first */
};

/* One dated figure of a target (progress: [{as_of: 2022年3月, actual: 20}]). */
struct progress {
	struct item it; /* name and id unused: a figure is known by its date */
	str_t as_of_text;
	double actual;
	day_t as_of;
	uint32_t target;
};

/* What generic code needs to know of a kind: its size, and where its texts
 * and its indices into other arrays are (for copying items between charts). */
struct kind_info {
	const char *name; /* "zone" … as messages say it */
	size_t size;
	size_t strs[8];   /* offsets of its str_t fields */
	int nstrs;
	struct ref {
		size_t off;     /* a uint32_t index field */
		enum kind of;   /* into which array */
	} refs[4];
	int nrefs;
};
extern const struct kind_info kind_info[KIND_COUNT];

/* [first, end) of a file's items in one of the chart's arrays. */
struct range {
	uint32_t first, end;
};

/* What a file looked like when it was read: the watcher compares with this,
 * so a change made while a large chart was loading is still seen. */
struct file_id {
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	int exists;
};

struct chart_file {
	char *path;  /* as given or found in a directory: for opening */
	char *shown; /* the same, sanitised: for showing */
	uint32_t arg; /* which of the paths given it came from */
	int placeholder; /* a directory with no charts, standing for itself in messages */
	str_t title;
	int loaded;  /* read without a fatal error */
	int stale;   /* could not be read, so its last good items were kept */
	struct file_id seen;
	/* A file's items are contiguous in each array: they are appended
	 * while it is read. */
	struct range items[KIND_COUNT];
};

struct chart {
	struct pool str;
	struct chart_file *files;
	struct zone *zones;
	struct project *projects;
	struct milestone *milestones;
	struct target *targets;
	struct progress *progress;
	size_t nfiles, nzones, nprojects, nmilestones, ntargets, nprogress;
	size_t files_cap, zones_cap, projects_cap, milestones_cap, targets_cap, progress_cap;
	size_t nbase; /* the last files stand for a baseline's, for its problems (baseline.h) */
	struct diags diags;
};

/* Starts an empty chart; returns -1 when out of memory. */
int chart_init(struct chart *c);
/* Frees the chart and everything it owns. */
void chart_free(struct chart *c);
/* The text of a number. */
static inline const char *chart_str(const struct chart *c, str_t s) { return pool_str(&c->str, s); }
/* The chart's title: the first title found in its files, or "". */
const char *chart_title(const struct chart *c);
/* How many items of a kind there are. */
size_t chart_count(const struct chart *c, enum kind k);
/* The header of item i of kind k. */
struct item *chart_item(const struct chart *c, enum kind k, uint32_t i);
/* Appends a zeroed item of kind k, its index in *index; NULL when out of memory. */
void *chart_append(struct chart *c, enum kind k, uint32_t *index);
/* Forgets the items past count[k] of each kind. */
void chart_truncate(struct chart *c, const size_t count[KIND_COUNT]);
/* The name of an item as shown: "(无名称)" when it has none. */
const char *item_name(const struct chart *c, const struct item *it);

/* What a milestone means today. */
enum ms_state {
	MS_INVALID,   /* no usable due date */
	MS_OPEN,      /* planned or active, due later than the soon window */
	MS_SOON,      /* planned or active, due within the soon window */
	MS_OVERDUE,   /* planned or active, due before today */
	MS_DONE,      /* done on or before its due date (or with no done date) */
	MS_DONE_LATE, /* done after its due date */
	MS_PAUSED,    /* paused (暂停, 缓建, 停工): never overdue while it is */
	MS_DROPPED,
};

/* The state of `m` on day `today`, with `soon` days (today counted) as the
 * due-soon window. */
enum ms_state milestone_state(const struct milestone *m, day_t today, int soon);

/* Reads a status name (English or Chinese, see docs/format.md); -1 if unknown. */
int status_parse(const char *s);
/* The English name of a status, as written in charts ("planned" …). */
const char *status_name(enum status s);
/* Its Chinese name, as shown ("计划" …). */
const char *status_label(enum status s);
/* Writes every accepted spelling to buf, for messages. */
void status_spellings(char *buf, size_t cap);

#endif
