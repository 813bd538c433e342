/* model: a chart in memory, as the loader leaves it and the views read it.
 *
 * Items live in four flat arrays owned by the chart (one set per load, freed
 * whole): zones in pre-order, so a zone's sub-zones are the indices up to its
 * `end`; each zone's projects and targets, and each project's milestones, are
 * contiguous ranges. Every item starts with the same header (struct item), so
 * code that only needs a name or a line handles all four kinds alike; what
 * few items have (a written id, an owner, a note) is kept beside the arrays,
 * and what follows from the ranges (a milestone's project, an item's file)
 * is looked up, not stored: a milestone is 20 bytes. Texts are pool numbers
 * (see pool.h). Indices rather than pointers keep items small and survive the
 * arrays growing during a load. */
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
	ITEM_ID_DERIVED = 2, /* no usable id was written; the id was derived */
	ITEM_ERROR = 4,      /* an error was reported inside this item */
	ITEM_STALE = 8,      /* kept from the last good reading of a broken file */
	TARGET_AT_MOST = 16, /* a ceiling: met when actual <= target */
	ITEM_TEXTS = 32,     /* it has an entry in the chart's out-of-line texts */
};

/* What every item has. Kept small: a chart holds hundreds of thousands of
 * milestones and must take less memory than its file. Texts few items have
 * (a written id, an owner, a note) live out of line (item_id, item_owner,
 * item_note); the file an item was written in follows from the files' item
 * ranges (item_file). */
struct item {
	str_t name;
	uint32_t line;  /* where it was written: 1-based line */
	uint16_t col;   /* and column, at most UINT16_MAX */
	uint8_t flags;
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

/* A date as written, with the days it stands for: the chart keeps each
 * distinct written date once (struct chart's `dates`), and milestones hold
 * its number. Number 0 is "no date". */
struct written {
	str_t text; /* as written, for display */
	day_t from; /* the first day of its period (10月下旬: the 21st); for a
		     * deadline (年底前), its last day; DAY_NONE if unreadable */
	day_t last; /* the last day of its period; DAY_NONE if unreadable */
};

struct milestone {
	struct item it;
	uint32_t due_date, done_date; /* written dates (struct written); read
				       * through milestone_due() and the others */
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

/* What generic code needs to know of a kind: its size, and where its texts,
 * its indices into other arrays and its written dates are (for copying
 * items between charts). */
struct kind_info {
	const char *name; /* "zone" … as messages say it: N_(), so _() it where used */
	size_t size;
	size_t strs[8];   /* offsets of its str_t fields */
	int nstrs;
	struct ref {
		size_t off;     /* a uint32_t index field */
		enum kind of;   /* into which array */
	} refs[4];
	int nrefs;
	size_t dates[2];  /* offsets of its written dates (uint32_t) */
	int ndates;
};
extern const struct kind_info kind_info[KIND_COUNT];

/* The texts an item may have out of line. */
enum item_text { ITX_ID, ITX_OWNER, ITX_NOTE, ITX_COUNT };

/* The out-of-line texts of one kind of item: a hash table by item index. */
struct item_texts {
	struct texts_of {
		uint32_t item;
		str_t text[ITX_COUNT];
	} *v;
	size_t n, cap;
	uint32_t *slots; /* entry number + 1, 0 = empty */
	size_t nslots;
};

/* The distinct written dates of a chart, found by their text. */
struct dates {
	struct written *v; /* v[0] is "no date" */
	size_t n, cap;
	uint32_t *slots;   /* entry number + 1 by text, 0 = empty */
	size_t nslots;
};

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

/* A zone continued from another file: a zone at the top of its file that
 * says `parent: guangan/huaying` is placed under that zone (graft.c), so
 * each office keeps its own file and the city sees one tree. */
struct graft {
	uint32_t zone; /* the zone, in load order (see struct chart's zone_load) */
	str_t path;    /* its parent's id path, as written */
	uint32_t line; /* where the path was written */
	uint32_t col;
};

struct chart {
	struct pool str;
	struct dates dates;
	struct item_texts texts[KIND_COUNT];
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
	/* Zones placed under a parent in another file (graft.c). Files read
	 * their zones in order ("load order"); placing them puts the zones in
	 * pre-order of the whole tree, so a file's zones are no longer one
	 * range. Then zone_load[i] is the load order of zone i and zone_tree
	 * the reverse; both NULL when nothing moved (the usual case). */
	struct graft *grafts;
	size_t ngrafts, grafts_cap;
	uint32_t *zone_load, *zone_tree;
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
/* Forgets the items past count[k] of each kind (and their grafts), and the
 * written dates past ndates. */
void chart_truncate(struct chart *c, const size_t count[KIND_COUNT], size_t ndates);
/* Adds a graft (see struct graft); -1 when out of memory. */
int chart_add_graft(struct chart *c, const struct graft *g);
/* Renumbers the out-of-line texts of kind k: item i becomes to[i]. */
void chart_renumber_texts(struct chart *c, enum kind k, const uint32_t *to);
/* The name of an item as shown: "(无名称)" when it has none. */
const char *item_name(const struct chart *c, const struct item *it);

/* An out-of-line text of item i of kind k; STR_NONE when it has none. */
str_t item_text(const struct chart *c, enum kind k, uint32_t i, enum item_text t);
/* Sets it; -1 when out of memory. */
int item_set_text(struct chart *c, enum kind k, uint32_t i, enum item_text t, str_t s);
/* An item's id: the one written, or the one derived (its name, or its name
 * and ~N when siblings share it). Once the chart is loaded every item has one. */
str_t item_id(const struct chart *c, enum kind k, uint32_t i);
static inline str_t item_owner(const struct chart *c, enum kind k, uint32_t i)
{
	return item_text(c, k, i, ITX_OWNER);
}
static inline str_t item_note(const struct chart *c, enum kind k, uint32_t i)
{
	return item_text(c, k, i, ITX_NOTE);
}
/* The file item i of kind k was written in (files' item ranges are in order;
 * a zone's through zone_load). */
uint32_t item_file(const struct chart *c, enum kind k, uint32_t i);
/* The project milestone i belongs to (projects' milestone ranges are in order). */
uint32_t milestone_project(const struct chart *c, uint32_t i);
/* Who answers for milestone i of project p (milestone_project(), which its
 * callers know already: each lookup is a binary search): its own owner, else
 * its project's, else its zone's (STR_NONE when none is written), as the
 * screens and exports show. */
str_t milestone_owner(const struct chart *c, uint32_t i, uint32_t p);

/* The number of a written date in c->dates, added if new (from and last as
 * struct written says); NONE when out of memory. STR_NONE gives 0. */
uint32_t chart_date(struct chart *c, str_t text, day_t from, day_t last);
/* A milestone's dates. */
static inline const struct written *milestone_due_date(const struct chart *c, const struct milestone *m)
{
	return &c->dates.v[m->due_date];
}
static inline const struct written *milestone_done_date(const struct chart *c, const struct milestone *m)
{
	return &c->dates.v[m->done_date];
}
/* The last day of its due period; DAY_NONE if absent or unreadable. */
static inline day_t milestone_due(const struct chart *c, const struct milestone *m)
{
	return c->dates.v[m->due_date].last;
}
/* The first day of its due period (for a deadline, the last). */
static inline day_t milestone_due_from(const struct chart *c, const struct milestone *m)
{
	return c->dates.v[m->due_date].from;
}
/* The last day of the period it was done in; DAY_NONE if not given. */
static inline day_t milestone_done(const struct chart *c, const struct milestone *m)
{
	return c->dates.v[m->done_date].last;
}
/* The due and done dates as written. */
static inline str_t milestone_due_text(const struct chart *c, const struct milestone *m)
{
	return c->dates.v[m->due_date].text;
}
static inline str_t milestone_done_text(const struct chart *c, const struct milestone *m)
{
	return c->dates.v[m->done_date].text;
}

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

/* The state of a milestone of status `status`, due on `due` and done on
 * `done` (DAY_NONE: not given), on day `today`, with `soon` days (today
 * counted) as the due-soon window. */
enum ms_state ms_state(int status, day_t due, day_t done, day_t today, int soon);
/* The same for milestone m of chart c. */
static inline enum ms_state milestone_state(const struct chart *c, const struct milestone *m, day_t today,
					    int soon)
{
	return ms_state(m->it.status, milestone_due(c, m), milestone_done(c, m), today, soon);
}

/* Reads a status name (English or Chinese, see docs/format.md); -1 if unknown. */
int status_parse(const char *s);
/* The English name of a status, as written in charts ("planned" …). */
const char *status_name(enum status s);
/* Its Chinese name, as shown ("计划" …). */
const char *status_label(enum status s);
/* Writes every accepted spelling to buf, for messages. */
void status_spellings(char *buf, size_t cap);

#endif
