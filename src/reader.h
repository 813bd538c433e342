/* reader: a cursor over one YAML file's events, and its typed values.
 *
 * libyaml's event API, with the limits a hostile file needs (nesting,
 * size, aliases never expanded, diagnostics per file), untrusted text
 * sanitised and interned as it is read, and every problem a diagnostic at
 * FILE:LINE:COL, attributed to the item being read. It knows YAML and
 * scalars, not the chart: schema.c says what the keys mean. */
#ifndef GUATU_READER_H
#define GUATU_READER_H

#include <stdatomic.h>
#include <stdio.h>

#include <yaml.h>

#include "date.h"
#include "diag.h"
#include "pool.h"
#include "text.h"

/* What the loader is told: bounds that keep a hostile file from costing much
 * time or memory, and the day it is (for the checks that need one). */
struct load_opts {
	size_t max_file;   /* bytes in one file */
	size_t max_scalar; /* bytes in one text */
	int max_depth;     /* YAML nesting levels */
	size_t max_diags;  /* diagnostics kept per file; the rest are counted */
	day_t today;       /* the real day, for "done in the future"; DAY_NONE: not checked */
	/* Called after each reading of a file, before it is checked for a
	 * change: lets tests change a file while it is being read. NULL normally. */
	void (*after_read)(const char *path, void *arg);
	void *after_read_arg;
	/* Where the files come from: NULL for the file system; a baseline at
	 * a git revision reads them from git (baseline.c). */
	const struct source *source;
	/* Set (by another thread) to stop the load early: its chart is then
	 * thrown away. NULL: never. */
	const atomic_int *cancel;
};

struct chart;
struct file_id;
/* A place files are read from instead of the file system: the files the
 * paths name are added to c->files, and each is opened and closed. */
struct source {
	int (*add)(struct chart *c, const char *const *paths, size_t n, void *arg);
	FILE *(*open)(struct chart *c, uint32_t f, void *arg); /* NULL: an error added to c */
	void (*close)(FILE *fp, void *arg);
	void *arg;
};

extern const struct load_opts load_defaults;

struct reader {
	struct diags *diags;
	struct pool *pool;
	const struct load_opts *opts;
	uint32_t file;
	int kind;      /* the item being read, for attributing diagnostics */
	uint32_t item; /* (NONE: none) */
	yaml_parser_t parser;
	yaml_event_t ev;
	int have_ev, depth;
	int fatal; /* stop reading this file */
	int oom;
	FILE *fp;
	size_t nread;
	int too_big;
	size_t diags_at_start, diags_dropped, aliases;
	char *buf; /* the last text read, sanitised */
	size_t buf_cap, len;
	/* Recent texts that sanitising left unchanged, by their hash. */
#define RD_SEEN 1024
	struct seen_text {
		uint32_t hash;
		str_t s;
		enum text_mode mode;
	} seen[RD_SEEN];
	/* Charts repeat the same few date texts, and equal texts share a
	 * number: remember what recent numbers read as. */
	str_t date_seen[256];
	struct span date_span[256];
	/* The same for statuses (schema.c reads them): a handful of spellings. */
	str_t status_seen[64];
	signed char status_is[64];
	/* And for figures (investment 2.1): strtod is long. */
	str_t number_seen[64];
	double number_is[64];
};

/* Starts reading `fp` as file number `file`, interning texts into `pool`
 * and reporting into `diags`. -1 when out of memory. */
int reader_open(struct reader *r, FILE *fp, uint32_t file, struct pool *pool,
		struct diags *diags, const struct load_opts *opts);
/* Ends the reading (the file stays open); keeps the text buffer for the next. */
void reader_close(struct reader *r);
/* Frees what the reader keeps between files. */
void reader_free(struct reader *r);
/* Forgets what was remembered of texts: after a pool is truncated. */
void reader_forget(struct reader *r);

/* Moves to the next event; -1 when the file cannot be read further. */
int rd_next(struct reader *r);
/* Skips the node that starts at the current event. */
int rd_skip(struct reader *r);
/* Is the current event the start of a list or mapping? */
int rd_is_start(const struct reader *r);
/* Is it a null scalar (~, null, or nothing)? */
int rd_is_null(const struct reader *r);
/* Is it an alias (reported already, to be skipped)? */
static inline int rd_is_alias(const struct reader *r) { return r->ev.type == YAML_ALIAS_EVENT; }
/* "a list", "a mapping" or "text": what the current node is, for messages. */
const char *rd_node_kind(const struct reader *r);
/* Where the current event starts. */
static inline yaml_mark_t rd_mark(const struct reader *r) { return r->ev.start_mark; }

/* Reports a problem at a mark (line and column 0-based, as libyaml's). */
void rd_report(struct reader *r, enum severity sev, const yaml_mark_t *m, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The same, about the file rather than the item being read: what stops the
 * file, a hint about what was typed. It stays when the file fails. */
void rd_report_file(struct reader *r, enum severity sev, const yaml_mark_t *m, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Quotes untrusted text for a message: sanitised, at most 40 characters. */
#define RD_QUOTE_CHARS 40
#define RD_QUOTE_MAX (4 * RD_QUOTE_CHARS + 8)
const char *rd_quote(const char *s, size_t len, char out[static RD_QUOTE_MAX]);

/* The typed values. Each reads the current node for field `key`: 0 when
 * read, 1 when it was not usable (reported; the node skipped), -1 on a fatal
 * error. A null node reads as "not given" (0, with STR_NONE / unchanged). */

/* Text, sanitised for `mode` and interned (its bytes stay in r->buf). */
int rd_text(struct reader *r, const char *key, enum text_mode mode, str_t *out);
/* A date: the text as written in *written (kept even when it is not a
 * date, so it can be shown), its period in *sp. */
int rd_date(struct reader *r, const char *key, str_t *written, struct span *sp);
/* A number >= 0 in plain decimal notation. */
int rd_number(struct reader *r, const char *key, double *out);
/* true/false, yes/no. */
int rd_bool(struct reader *r, const char *key, int *out);

#endif
