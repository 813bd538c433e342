/* keys: the one table of actions, their keys, their hints and their help.
 *
 * The key map, the help screen, each view's footer hints, the search line's
 * keys and the man page's key list all come from KEY_ACTIONS, so they cannot
 * drift apart. Keys are characters, or ncurses function keys as FKEY(code)
 * (a separate range: a typed U+0102 is not KEY_DOWN). The defaults below can
 * be rebound at run time (key_bind); help and hints show the bindings. */
#ifndef GUATU_KEYS_H
#define GUATU_KEYS_H

#include <stddef.h>

#include "i18n.h"

#define KEY_CTRL(c) ((c) & 0x1f)
#define FKEY(code) (0x40000000 | (code))
#define KEY_ESC 27

/* Where an action applies. */
enum scope {
	SCOPE_MOVE,   /* moving in the current view */
	SCOPE_VIEW,   /* what the current view does with its rows */
	SCOPE_GLOBAL, /* anywhere: views, search, files */
	SCOPE_PROMPT, /* on the search line */
	SCOPE_COUNT
};

/* ACTION(NAME, "config-name", scope, key, key, key, N_("hint"), N_("help")); 0 = no key.
 * The hint is the word a footer shows after the key. */
#define KEY_ACTIONS(ACTION)                                                                              \
	ACTION(DOWN, "down", SCOPE_MOVE, 'j', FKEY(KEY_DOWN), 0, N_("move"), N_("move down"))                   \
	ACTION(UP, "up", SCOPE_MOVE, 'k', FKEY(KEY_UP), 0, N_("move"), N_("move up"))                           \
	ACTION(RIGHT, "right", SCOPE_MOVE, 'l', FKEY(KEY_RIGHT), '\t', N_("pane"), N_("next pane; timeline: later")) \
	ACTION(LEFT, "left", SCOPE_MOVE, 'h', FKEY(KEY_LEFT), FKEY(KEY_BTAB), N_("pane"), N_("previous pane; timeline: earlier")) \
	ACTION(PAGE_DOWN, "page-down", SCOPE_MOVE, FKEY(KEY_NPAGE), KEY_CTRL('f'), 0, N_("page"), N_("page down")) \
	ACTION(PAGE_UP, "page-up", SCOPE_MOVE, FKEY(KEY_PPAGE), KEY_CTRL('b'), 0, N_("page"), N_("page up"))       \
	ACTION(FIRST, "first", SCOPE_MOVE, 'g', FKEY(KEY_HOME), 0, N_("first"), N_("go to the first item"))                    \
	ACTION(LAST, "last", SCOPE_MOVE, 'G', FKEY(KEY_END), 0, N_("last"), N_("go to the last item"))                      \
	ACTION(ENTER, "enter", SCOPE_VIEW, '\r', '\n', FKEY(KEY_ENTER), N_("open"),                                 \
	       N_("open, drill down; in status, targets and diagnostics: show the item in browse")) \
	ACTION(TOGGLE, "toggle", SCOPE_VIEW, ' ', 0, 0, N_("unfold"), N_("fold or unfold a zone"))         \
	ACTION(EXPAND, "expand", SCOPE_VIEW, '+', 0, 0, N_("unfold"), N_("unfold a zone; timeline: by week")) \
	ACTION(COLLAPSE, "collapse", SCOPE_VIEW, '-', 0, 0, N_("fold"), N_("fold a zone; timeline: by quarter")) \
	ACTION(FILTER, "filter", SCOPE_VIEW, 'o', 0, 0, N_("filter"),                                             \
	       N_("only what needs attention: overdue, due soon, targets behind")) \
	ACTION(SORT, "sort", SCOPE_VIEW, 'S', 0, 0, N_("sort"), N_("sort by due, name, status")) \
	ACTION(TODAY, "today", SCOPE_VIEW, '.', 0, 0, N_("today"), N_("timeline: back to today"))        \
	ACTION(SEARCH, "search", SCOPE_GLOBAL, '/', 0, 0, N_("search"), N_("search this view"))        \
	ACTION(NEXT_MATCH, "next-match", SCOPE_GLOBAL, 'n', 0, 0, N_("next"), N_("next match"))          \
	ACTION(PREV_MATCH, "prev-match", SCOPE_GLOBAL, 'N', 0, 0, N_("previous"), N_("previous match"))      \
	ACTION(BROWSE, "browse", SCOPE_GLOBAL, 'b', 0, 0, N_("browse"), N_("browse view"))                        \
	ACTION(STATUS, "status", SCOPE_GLOBAL, 's', 0, 0, N_("status"), N_("status view"))                    \
	ACTION(TARGETS, "targets", SCOPE_GLOBAL, 'T', 0, 0, N_("targets"), N_("targets, their pace and verdict")) \
	ACTION(TIMELINE, "timeline", SCOPE_GLOBAL, 't', 0, 0, N_("timeline"), N_("timeline: projects against the calendar")) \
	ACTION(DIAGS, "diagnostics", SCOPE_GLOBAL, 'E', 0, 0, N_("diagnostics"), N_("list the diagnostics"))        \
	ACTION(CHANGES, "changes", SCOPE_GLOBAL, 'B', 0, 0, N_("changes"),                                          \
	       N_("changes since the baseline (--baseline), worst first"))              \
	ACTION(HISTORY, "history", SCOPE_VIEW, 'H', 0, 0, N_("history"),                                             \
	       N_("the milestone's due-date history, from git log"))                  \
	ACTION(HELP, "help", SCOPE_GLOBAL, '?', FKEY(KEY_F(1)), 0, N_("help"), N_("help"))                      \
	ACTION(EDIT, "edit", SCOPE_GLOBAL, 'e', 0, 0, N_("edit"), N_("edit the selected item ($VISUAL, $EDITOR, vi)")) \
	ACTION(RELOAD, "reload", SCOPE_GLOBAL, 'r', 0, 0, N_("reload"), N_("reload the files"))               \
	ACTION(LOG, "log", SCOPE_GLOBAL, 'p', 0, 0, N_("log"), N_("append the screen to the log"))    \
	ACTION(REDRAW, "redraw", SCOPE_GLOBAL, KEY_CTRL('l'), 0, 0, N_("redraw"), N_("redraw the screen"))        \
	ACTION(BACK, "back", SCOPE_GLOBAL, KEY_ESC, 0, 0, N_("back"), N_("back to the previous view"))   \
	ACTION(CLOSE, "close", SCOPE_GLOBAL, 'q', 0, 0, N_("quit"),                                                \
	       N_("close the view (in the browse view: quit)"))                   \
	ACTION(QUIT, "quit", SCOPE_GLOBAL, 'Q', 0, 0, N_("quit"), N_("quit from any view"))            \
	ACTION(PROMPT_ACCEPT, "prompt-accept", SCOPE_PROMPT, '\r', '\n', FKEY(KEY_ENTER), N_("OK"),               \
	       N_("stay on the match"))                                                             \
	ACTION(PROMPT_CANCEL, "prompt-cancel", SCOPE_PROMPT, KEY_ESC, KEY_CTRL('g'), 0, N_("cancel"),                 \
	       N_("cancel, back to where the search began"))                                   \
	ACTION(PROMPT_ERASE, "prompt-erase", SCOPE_PROMPT, FKEY(KEY_BACKSPACE), 127, KEY_CTRL('h'), N_("erase"),     \
	       N_("erase a character (on an empty line: cancel)"))                          \
	ACTION(PROMPT_CLEAR, "prompt-clear", SCOPE_PROMPT, KEY_CTRL('u'), 0, 0, N_("clear"), N_("clear the line")) \
	ACTION(PROMPT_WORD, "prompt-word", SCOPE_PROMPT, KEY_CTRL('w'), 0, 0, N_("erase word"), N_("erase the word before"))

enum action {
	ACT_NONE,
#define AS_ENUM(name, conf, scope, k1, k2, k3, hint, help) ACT_##name,
	KEY_ACTIONS(AS_ENUM)
#undef AS_ENUM
	ACT_COUNT
};

enum { KEYS_PER_ACTION = 8 }; /* room for Enter (3 codes) and Backspace (3) rebound */

struct action_info {
	const char *name; /* for the configuration file */
	enum scope scope;
	const char *hint; /* a footer's word */
	const char *help; /* the help screen's line */
};

/* What each action is (indexed by enum action; ACT_NONE has no entry). */
const struct action_info *action_info(enum action a);
/* The keys bound to an action now; 0-terminated, KEYS_PER_ACTION at most. */
const int *action_keys(enum action a);

/* The action a key means on the search line (prompt != 0) or elsewhere. */
enum action key_action(int key, int prompt);
/* Binds `key` to `a` in a's scope, first unbinding it from whatever it
 * meant there. -1 when `a` has no room for another key. */
int key_bind(enum action a, int key);
/* Removes every binding of `a`. */
void key_unbind_all(enum action a);
/* Back to the defaults of KEY_ACTIONS. */
void keys_reset(void);

/* ---- rebinding from the configuration file (settings.c) ---- */

/* The codes one key name stands for, KEY_CODES_MAX at most. */
enum { KEY_CODES_MAX = 3 };
/* Reads a key as the configuration spells it: one character ("j", "G",
 * "?"), a control key ("C-f", "Ctrl-f", "^f"), a function key ("F1" to
 * "F63") or a name ("Enter", "Tab", "Esc", "Space", "Backspace", "Up",
 * "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Insert",
 * "Delete", "Shift-Tab"; any case; key_label's names "PgDn", "PgUp" too).
 * Fills codes[] and returns how many (Enter is three: the terminal may
 * send any); 0 when `s` is not a key. */
int key_parse(const char *s, int codes[static KEY_CODES_MAX]);

/* Writes a readable name of a key ("j", "Down", "Ctrl-f", "Tab") to buf. */
void key_label(int key, char *buf, size_t cap);
/* Writes the names of an action's keys, "j Down", to buf (Enter once,
 * however many codes it has). */
void action_label(enum action a, const char *sep, char *buf, size_t cap);

#endif
