/* export: the chart out to the spreadsheet and to scripts (--export).
 *
 * One row per milestone (in tree order: zones as the chart nests them, each
 * zone's projects, each project's milestones) and one per target (in the
 * targets view's order), as cells that each format writes its own way: CSV
 * (export_csv.c), JSON (export_json.c), an Excel workbook (export_xlsx.c).
 * Every state, verdict and count comes from the summary that --print draws
 * from: nothing is judged twice. */
#ifndef GUATU_EXPORT_H
#define GUATU_EXPORT_H

#include <stdio.h>

#include "model.h"
#include "summary.h"

enum export_format { EXPORT_CSV, EXPORT_JSON, EXPORT_XLSX };
enum export_what { EXPORT_MILESTONES, EXPORT_TARGETS };

struct export_opts {
	enum export_format format;
	enum export_what what; /* CSV: which table; JSON and xlsx hold both */
	int bom;               /* CSV: a UTF-8 byte order mark first */
	const char *path;      /* NULL: standard output (not for xlsx) */
};

enum cell_type {
	CELL_NONE,  /* empty (JSON: null) */
	CELL_TEXT,  /* text of the chart, shown as it is */
	CELL_WORD,  /* a word of ours: `text` is its English msgid (people), `token` its JSON value */
	CELL_ZONE,  /* a zone's path of names (JSON: an array) */
	CELL_DATE,  /* a day */
	CELL_INT,   /* a whole number */
	CELL_NUM,   /* a figure */
	CELL_SHARE, /* a share, 1 = 100% */
	CELL_BOOL,
	CELL_PLACE, /* file:line (JSON: "file" and "line") */
};

struct export_cell {
	enum cell_type type;
	const char *text, *token;
	size_t len;     /* of text */
	uint32_t zone;  /* CELL_ZONE */
	uint32_t file;  /* CELL_PLACE: index in the chart's files */
	day_t day;      /* CELL_DATE */
	long n;         /* CELL_INT, CELL_BOOL; CELL_PLACE: the line */
	double num;     /* CELL_NUM, CELL_SHARE */
};

/* A column: its header for people (an English msgid, translated where it is
 * written) and its key for scripts. */
struct export_column {
	const char *header;
	const char *key;
};

enum { EXPORT_MAX_COLS = 16 };

/* How a row should look in a workbook: needs attention, or soon will. */
enum export_mark { MARK_NONE, MARK_BAD, MARK_SOON };

struct export_row {
	struct export_cell cell[EXPORT_MAX_COLS];
	enum export_mark mark;
};

/* The columns of each table, and how many. */
extern const struct export_column export_ms_cols[], export_tgt_cols[];
extern const int export_ms_ncols, export_tgt_ncols;

/* Every milestone's index in tree order (c->nmilestones of them), to free;
 * NULL when out of memory. */
uint32_t *export_milestone_order(const struct chart *c);
/* The cells of milestone i and of target i. */
void export_milestone_row(const struct chart *c, const struct summary *s, uint32_t i, struct export_row *r);
void export_target_row(const struct chart *c, const struct summary *s, uint32_t i, struct export_row *r);
/* Zone z's names from the top, joined by " / ", into buf (NUL-terminated
 * when cap > 0); returns the length it needs, as snprintf() does. */
size_t export_zone_path(const struct chart *c, uint32_t z, char *buf, size_t cap);
/* A figure in the fewest digits that read back as the same number. */
void export_number(double v, char buf[static 32]);
/* A file:line cell's file. */
const char *export_file(const struct chart *c, const struct export_cell *cell);
/* A cell as people read it, as CSV writes it and a workbook's width is
 * measured: the zone's path, a word translated, "2023-06-30", "61.5%",
 * "file:line". Made in *buf (grown as needed, the caller frees it); its
 * length in *len. NULL when out of memory. */
const char *export_cell_text(const struct chart *c, const struct export_cell *cell, char **buf, size_t *cap,
			     size_t *len);

/* The formats. Each returns 0, or -1 with a message in err. */
int export_csv(FILE *out, const struct chart *c, const struct summary *s, const struct export_opts *o,
	       char *err, size_t cap);
int export_json(FILE *out, const struct chart *c, const struct summary *s, char *err, size_t cap);
/* Whether guatu was built with libxlsxwriter (else export_xlsx only says so). */
extern const int export_have_xlsx;
/* What --export xlsx says when it was not (no libxlsxwriter at build time). */
const char *export_no_xlsx(void);
int export_xlsx(const char *file, const char *shown, const struct chart *c, const struct summary *s, char *err,
		size_t cap);

/* Writes the chart as o asks: to o->path, else standard output. 0, or -1
 * with a message in err. */
int export_write(const struct chart *c, const struct summary *s, const struct export_opts *o, char *err,
		 size_t cap);

#endif
