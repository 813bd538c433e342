/* diag: diagnostics as values.
 *
 * The loader never prints; it adds diagnostics to a list that the caller
 * shows where it can (stderr for --check, the status line in the UI). Each
 * names a place in a file in the GNU form FILE:LINE:COL. */
#ifndef GUATU_DIAG_H
#define GUATU_DIAG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum severity { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR }; /* notes are not counted */

struct diag {
	enum severity severity;
	uint32_t file;      /* index into the chart's files */
	uint32_t line, col; /* 1-based; line 0 means the whole file */
	uint32_t seq;       /* order of addition, to sort stably */
	uint32_t item;      /* the item it is about (index in its kind's array), or UINT32_MAX */
	uint8_t kind;       /* that item's kind (enum kind in model.h) */
	char *msg;          /* sanitised, one line */
};

struct diags {
	struct diag *v;
	size_t n, cap;
	size_t errors, warnings;
	int oom; /* a diagnostic was lost for want of memory */
	uint32_t *by_item; /* those about an item, by kind and item (diag_index) */
	size_t nby;
};

/* Adds a diagnostic with a printf-style message. */
void diag_add(struct diags *d, enum severity sev, uint32_t file, uint32_t line,
	      uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Says that the diagnostics from index `mark` on are about item `item` of
 * kind `kind`:
 * the detail pane shows an item's own problems. */
void diag_about(struct diags *d, size_t mark, int kind, uint32_t item);
/* Drops the diagnostics from index `mark` on that are about an item: when a
 * file fails, its items are gone and so is what was said of them. */
void diag_drop_items(struct diags *d, size_t mark);
/* Drops the diagnostics from index `mark` on (counts included). */
void diag_truncate(struct diags *d, size_t mark);
/* Orders diagnostics by file, line and column, keeping insertion order
 * among equals. */
void diag_sort(struct diags *d);
/* "note", "warning" or "error". */
const char *diag_severity(enum severity s);
/* Indexes the (sorted) diagnostics by the item they are about, once per
 * load, so an item's own are found without looking at the others. -1 when
 * out of memory (diag_of_item then finds none). */
int diag_index(struct diags *d);
/* The diagnostics about item `item` of kind `kind`: how many, the first at
 * d->v[d->by_item[*first]]. */
size_t diag_of_item(const struct diags *d, int kind, uint32_t item, size_t *first);
/* Writes "PATH:LINE:COL: error: MESSAGE" (with `severity`, else without
 * it) to buf, cut between characters if it must be. */
void diag_format(const struct diag *g, const char *path, int severity, char *buf, size_t cap);
/* Writes one diagnostic as "PATH:LINE:COL: error: MESSAGE\n". */
void diag_print(FILE *out, const struct diag *dg, const char *path);
/* Frees the list. */
void diag_free(struct diags *d);

#endif
