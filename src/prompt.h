/* prompt: the search line.
 *
 * A one-line editor: typed and pasted characters (Chinese included) go in;
 * its keys (accept, cancel, erase a character, clear, erase a word) are the
 * SCOPE_PROMPT actions of the key table. And the search it drives: each
 * change looks again from where the search began, in the view on top, among
 * its rows in the order shown; n and N go on from there. */
#ifndef GUATU_PROMPT_H
#define GUATU_PROMPT_H

#include <stddef.h>

#include "view.h"

enum prompt_result { PROMPT_NOTHING, PROMPT_CHANGED, PROMPT_ACCEPT, PROMPT_CANCEL };

struct prompt {
	char text[256]; /* UTF-8 */
	size_t len;
};

/* Empties the line. */
void prompt_clear(struct prompt *p);
/* Applies one key (a character or FKEY code). */
enum prompt_result prompt_key(struct prompt *p, int key);

struct search_line {
	struct prompt p;
	int open;             /* being typed */
	int missed;           /* what is typed matches nothing */
	struct view_pos from; /* where the search began, for Escape */
	struct matcher m;     /* the last search, for n and N */
	char query[256];      /* its text as typed, to search a reloaded chart again */
	int stale;            /* the chart changed since m was set */
	int waiting;          /* typed before the index was in: look when it is */
};

/* Opens the search line on view v. */
void search_line_open(struct search_line *s, const struct view_ops *v, void *st);
/* A key typed while it is open. */
void search_line_key(struct search_line *s, int key, const struct view_ops *v, void *st, struct app *a);
/* The search index came in: what was typed meanwhile (and accepted, if
 * nothing else was pressed since) is looked for now. */
void search_line_resume(struct search_line *s, const struct view_ops *v, void *st, struct app *a);
/* n (dir 1) and N (-1): the next match of the last search. */
void search_line_find(struct search_line *s, int dir, const struct view_ops *v, void *st, struct app *a);

#endif
