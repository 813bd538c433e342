/* view: what a view of the interactive chart is, as a table of operations.
 *
 * Each view is one file ending with a `const struct view_ops`, registered
 * by one line in views.c. The loop (ui.c) owns the screen, the header and
 * footer lines, the search line, reloads and the idle tick; a view draws its
 * body, handles the keys of its own scope, finds matches among its own rows
 * in the order it shows them, and writes itself to the log. Key handlers
 * return flags. */
#ifndef GUATU_VIEW_H
#define GUATU_VIEW_H

#include <stdio.h>

#include "app.h"
#include "grid.h"
#include "keys.h"
#include "search.h"

/* What a key handler did. (The loop redraws after every key, and ncurses
 * sends only what changed; never on an idle tick unless the chart changed.) */
enum {
	H_HANDLED = 1, /* the key meant something here */
	H_OPEN = 2,    /* show the view's current item in the first view (Enter in a list) */
	H_NOMEM = 4,   /* out of memory: nothing changed, say so */
};

/* A footer hint: the keys of `a` (and of `b`, if any, as "j/k") and a word
 * (NULL: the action's own hint word). */
struct hint {
	enum action a, b;
	const char *word;
};

/* A place in a view, saved when a search starts so Escape can go back. */
struct view_pos {
	uint32_t v[4];
};

struct view_ops {
	const char *name;    /* "browse" …: for the log and the configuration */
	const char *title;   /* "浏览" …: shown in the footer */
	enum action opener;  /* the action that opens it (ACT_NONE: the first view) */
	const struct hint *hints; /* for the footer, ending with {ACT_NONE} */
	/* A view's state for a's chart; with `old` (the state for chart `oc`),
	 * keeping the user's place. NULL when out of memory (old untouched). */
	void *(*create)(struct app *a, void *old, const struct chart *oc);
	void (*destroy)(void *st);
	/* Draws rows [top, top + rows) of the screen g. */
	void (*draw)(void *st, struct app *a, struct grid *g, int top, int rows);
	/* Handles an action of scope MOVE or VIEW; returns H_* flags. */
	unsigned (*key)(void *st, struct app *a, enum action act, int page);
	/* Moves to the next (dir 1) or previous (-1) row that matches, wrapping;
	 * with `here`, the current row counts. 1: moved, 0: none, -1: out of memory. */
	int (*find)(void *st, struct app *a, const struct matcher *m, int dir, int here);
	void (*save)(void *st, struct view_pos *p);
	void (*restore)(void *st, struct app *a, const struct view_pos *p);
	/* The item the cursor is on (for e and for Enter); 0 if none. */
	int (*current)(void *st, struct app *a, enum kind *k, uint32_t *i);
	/* Where e opens the editor, if not at the current item: a file and a
	 * line (the diagnostics view: where the problem is). 0 if nowhere. */
	int (*where)(void *st, struct app *a, uint32_t *file, uint32_t *line);
	/* Puts the cursor on an item (the first view only). -1: out of memory. */
	int (*show)(void *st, struct app *a, enum kind k, uint32_t i);
	/* Writes the whole view as text `width` wide, for the log (NULL: the
	 * screen as shown is logged). -1 when out of memory. */
	int (*log)(void *st, struct app *a, FILE *out, int width);
};

/* The views, the first being where the chart opens (views.c). */
extern const struct view_ops *const views[];
enum { NVIEWS = 8 };

/* The views open, the first at the bottom, and the state of each. */
struct view_stack {
	void *st[NVIEWS]; /* each view's state, made when opened */
	int open[NVIEWS]; /* indices into views[], the one shown last */
	int depth;
};
/* The view shown, and its state. */
static inline const struct view_ops *vs_top(const struct view_stack *vs) { return views[vs->open[vs->depth - 1]]; }
static inline void *vs_top_st(const struct view_stack *vs) { return vs->st[vs->open[vs->depth - 1]]; }
/* Opens view i on top, on the item the view below was on (or goes back to
 * it if it is open). -1 when out of memory (nothing changed). */
int vs_open(struct view_stack *vs, int i, struct app *a);
/* Makes the open views anew for `next` (a reload: the chart was `oc`; a new
 * day), and swaps them in only when all are made; closed views are dropped.
 * -1 when out of memory (nothing changed). */
int vs_remake(struct view_stack *vs, struct app *next, const struct chart *oc);
/* Frees every state. */
void vs_free(struct view_stack *vs);

/* A scrolled list of lines with a cursor: the status, help and diagnostics
 * views are one. Such a view's state starts with its pager, so the
 * operations below serve as its save and restore. */
struct pager {
	long rows; /* how many */
	long top, sel;
};
/* Moves the cursor for a MOVE action (`page` rows to a page); H_* flags. */
unsigned pager_key(struct pager *p, enum action act, int page);
/* Keeps the cursor among `shown` rows, with no needless scroll offset. */
void pager_scroll(struct pager *p, int shown);
/* Moves the cursor to the next (dir 1) or previous (-1) row for which
 * match(row, ctx) holds, wrapping; with `here`, the cursor's row counts.
 * 1 when it moved, 0 when no row matches. */
int pager_find(struct pager *p, int dir, int here, int (*match)(long row, void *ctx), void *ctx);
/* save and restore for a view whose state starts with a struct pager. */
void pager_save(void *st, struct view_pos *pos);
void pager_restore(void *st, struct app *a, const struct view_pos *pos);

#endif
