/* settings: the user's configuration file, config.yaml.
 *
 * Which file (--config, then $GUATU_CONFIG, then
 * $XDG_CONFIG_HOME/guatu/config.yaml), read with the chart's YAML reader
 * (reader.c: the same limits, the same FILE:LINE:COL diagnostics), into
 * values the command line then overrides. Key bindings are applied to the
 * action table (keys.c) as they are read; colours go into the one table of
 * looks (grid.c) with settings_apply_looks(). docs/config.md lists every
 * key. Not named config.h: that is autoconf's. */
#ifndef GUATU_SETTINGS_H
#define GUATU_SETTINGS_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "grid.h"

#define SETTING_UNSET (-2) /* an int setting the file does not give */

struct settings {
	char *file;           /* the file read; NULL when there was none */
	char **paths;         /* charts to open when none is named, resolved */
	size_t npaths;
	int soon;             /* days; SETTING_UNSET */
	int ascii, readonly;  /* 0 or 1; SETTING_UNSET */
	char *log;            /* resolved; NULL: not given */
	char *language;       /* zh_CN, zh_TW, zh_HK or en; NULL: not given */
	int color[STYLE_COUNT]; /* a curses colour 0-7, -1 the terminal's own, SETTING_UNSET */
	struct diags diags;   /* what was wrong, against `file` */
};

/* Which configuration file to read: `given` (--config) if not NULL, else
 * $GUATU_CONFIG if set and not empty, else $XDG_CONFIG_HOME/guatu/config.yaml
 * ($XDG_CONFIG_HOME unset, empty or relative: ~/.config). *named is 1 for
 * the first two (a missing file is an error), 0 for the default (a missing
 * one is fine). Returns -1 when there is none (no HOME) or it is too long. */
int settings_path(const char *given, char *buf, size_t cap, int *named);

/* Reads the file at `path` into s (s is set to "nothing given" first), and
 * binds the keys it names. A missing file is an error only if `named`;
 * NULL and "/dev/null" are an empty configuration. Problems go to s->diags. Returns
 * -1 when out of memory. */
int settings_load(struct settings *s, const char *path, int named);

/* settings_load from an open stream, read as the file `name` (the
 * configuration fuzzer's way in; the caller closes fp). */
int settings_read(struct settings *s, FILE *fp, const char *name);

/* Writes s's diagnostics as FILE:LINE:COL: SEVERITY: MESSAGE lines. */
void settings_print_diags(const struct settings *s, FILE *out);

/* Puts the configured colours into the table of looks (grid.h): the
 * screen and --print --color both read it. */
void settings_apply_looks(const struct settings *s);

/* The languages `language` may name. */
int settings_language_ok(const char *lang);

void settings_free(struct settings *s);

#endif
