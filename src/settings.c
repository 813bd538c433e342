#include "config.h"
#include "settings.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "keys.h"
#include "pool.h"
#include "reader.h"
#include "typo.h"

int settings_path(const char *given, char *buf, size_t cap, int *named)
{
	const char *env = getenv("GUATU_CONFIG");
	int n;
	*named = 1;
	if (given)
		n = snprintf(buf, cap, "%s", given);
	else if (env && *env)
		n = snprintf(buf, cap, "%s", env);
	else {
		*named = 0;
		/* The XDG base directory spec: a relative value is to be ignored. */
		const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
		if (xdg && xdg[0] == '/')
			n = snprintf(buf, cap, "%s/guatu/config.yaml", xdg);
		else if (home && *home)
			n = snprintf(buf, cap, "%s/.config/guatu/config.yaml", home);
		else
			return -1;
	}
	return n < 0 || (size_t)n >= cap ? -1 : 0;
}

int settings_language_ok(const char *lang)
{
	static const char *const known[] = {"zh_CN", "zh_TW", "zh_HK", "en"};
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (!strcmp(lang, known[i]))
			return 1;
	return 0;
}

/* ---- reading -------------------------------------------------------- */

enum top { K_PATHS, K_SOON, K_LANGUAGE, K_COLORS, K_ASCII, K_READONLY, K_LOG, K_KEYS, K_COUNT };
static const char *const top_keys[K_COUNT] = {
	[K_PATHS] = "paths", [K_SOON] = "soon", [K_LANGUAGE] = "language", [K_COLORS] = "colors",
	[K_ASCII] = "ascii", [K_READONLY] = "readonly", [K_LOG] = "log", [K_KEYS] = "keys",
};

/* Words people reach for that are too far from a key for typo_guess. */
static const struct {
	const char *word, *key;
} synonyms[] = {
	{"charts", "paths"}, {"chart", "paths"}, {"open", "paths"}, {"due-soon", "soon"},
	{"due_soon", "soon"}, {"soon-days", "soon"}, {"due-soon-days", "soon"}, {"lang", "language"},
	{"locale", "language"}, {"colours", "colors"}, {"colour", "colors"}, {"bindings", "keys"},
	{"keymap", "keys"}, {"bind", "keys"}, {"read-only", "readonly"}, {"logfile", "log"},
	{"log-file", "log"}, {"soon", "due-soon"}, {"late", "done-late"},
};

/* The states the screens colour, as the file names them. */
static const struct {
	const char *name;
	enum style style;
} states[] = {
	{"overdue", STYLE_OVERDUE}, {"due-soon", STYLE_SOON}, {"done", STYLE_DONE},
	{"done-late", STYLE_DONE_LATE}, {"paused", STYLE_PAUSED},
};
enum { NSTATES = sizeof states / sizeof *states };
static const char *state_names[NSTATES];

/* The eight colours curses knows by name, in the order of their numbers. */
static const char *const color_names[] = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};

static const char *action_names[ACT_COUNT];

struct ctx {
	struct settings *s;
	unsigned char keys_seen[ACT_COUNT];
	/* An action that lost its last key to another: where, to warn at
	 * the end of 'keys' if it was not given keys of its own. */
	int lost_key[ACT_COUNT];
	yaml_mark_t lost_at[ACT_COUNT];
};

/* Which mapping is being read, for its messages. */
enum where { IN_TOP, IN_COLORS, IN_KEYS };

/* An unknown key of a mapping: a warning (the rest of the file still
 * counts), with the key most likely meant. */
static void unknown_key(struct reader *r, const yaml_mark_t *at, enum where w, const char *key, size_t len,
			const char *const *known, size_t n)
{
	char q[RD_QUOTE_MAX], list[512] = "";
	const char *guess = NULL;
	for (size_t i = 0; i < sizeof synonyms / sizeof *synonyms && !guess; i++)
		for (size_t j = 0; j < n && !guess; j++)
			if (!strcmp(key, synonyms[i].word) && !strcmp(synonyms[i].key, known[j]))
				guess = known[j];
	if (!guess)
		guess = typo_guess(key, known, n);
	rd_quote(key, len, q);
	if (guess) {
		rd_report(r, DIAG_WARNING, at,
			  w == IN_TOP	 ? _("unknown key '%s' in the configuration (did you mean '%s'?)")
			  : w == IN_COLORS ? _("unknown state '%s' in 'colors' (did you mean '%s'?)")
					   : _("unknown action '%s' in 'keys' (did you mean '%s'?)"),
			  q, guess);
		return;
	}
	if (w == IN_KEYS) { /* too many to list in a line */
		rd_report(r, DIAG_WARNING, at, _("unknown action '%s' in 'keys' (docs/config.md lists them)"), q);
		return;
	}
	size_t used = 0;
	for (size_t i = 0; i < n && used < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", known[i]);
	rd_report(r, DIAG_WARNING, at,
		  w == IN_TOP ? _("unknown key '%s' in the configuration (known keys: %s)")
			      : _("unknown state '%s' in 'colors' (known states: %s)"),
		  q, list);
}

/* Walks the mapping that starts at the current event. For each key of
 * known[] met for the first time, calls on(r, x, index) with the value as
 * the current event, which it must consume; unknown and repeated keys are
 * reported and their values skipped. `seen` has n bytes. */
static int each_key(struct reader *r, struct ctx *x, enum where w, const char *const *known, size_t n,
		    unsigned char *seen, int (*on)(struct reader *, struct ctx *, size_t))
{
	for (;;) {
		if (rd_next(r) < 0)
			return -1;
		if (r->ev.type == YAML_MAPPING_END_EVENT)
			return 0;
		yaml_mark_t at = rd_mark(r);
		long found = -1;
		if (r->ev.type == YAML_SCALAR_EVENT) {
			const char *v = (const char *)r->ev.data.scalar.value;
			size_t len = r->ev.data.scalar.length;
			for (size_t i = 0; i < n && found < 0; i++)
				if (strlen(known[i]) == len && !memcmp(v, known[i], len))
					found = (long)i;
			if (found < 0) {
				char key[64];
				size_t klen = len < 63 ? len : 63;
				memcpy(key, v, klen);
				key[klen] = '\0';
				unknown_key(r, &at, w, key, klen, known, n);
			} else if (seen[found]) {
				rd_report(r, DIAG_ERROR, &at, _("'%s' appears twice; the first is used"),
					  known[found]);
				found = -1;
			}
		} else if (!rd_is_alias(r)) {
			rd_report(r, DIAG_ERROR, &at, _("a key must be text, not %s"), rd_node_kind(r));
			if (rd_skip(r) < 0)
				return -1;
		}
		if (rd_next(r) < 0)
			return -1;
		if (found < 0) {
			if (rd_skip(r) < 0)
				return -1;
			continue;
		}
		seen[found] = 1;
		if (on(r, x, (size_t)found) < 0)
			return -1;
	}
}

/* A path as the file wrote it, made usable from anywhere: "~/" is the home
 * directory; a relative path is relative to the configuration file's
 * directory, so the file means the same charts wherever guatu starts. */
static int resolve(struct reader *r, struct ctx *x, const yaml_mark_t *at, const char *key, char **out)
{
	const char *p = r->buf, *file = x->s->file, *home = getenv("HOME");
	const char *slash = strrchr(file, '/');
	size_t need;
	char *res;
	if (p[0] == '~' && (p[1] == '/' || !p[1])) {
		if (!home || !*home) {
			rd_report(r, DIAG_ERROR, at, _("'%s' starts with '~' but HOME is not set"), key);
			return 1;
		}
		need = strlen(home) + strlen(p);
		if ((res = malloc(need)))
			snprintf(res, need, "%s%s", home, p + 1);
	} else if (p[0] == '/' || !slash) {
		res = strdup(p);
	} else {
		int dir = (int)(slash - file);
		need = (size_t)dir + 1 + strlen(p) + 1;
		if ((res = malloc(need)))
			snprintf(res, need, "%.*s/%s", dir, file, p);
	}
	if (!res) {
		r->oom = r->fatal = 1;
		return -1;
	}
	*out = res;
	return 0;
}

static int read_path(struct reader *r, struct ctx *x)
{
	yaml_mark_t at = rd_mark(r);
	struct settings *s = x->s;
	str_t t;
	int res = rd_text(r, "paths", TEXT_LINE, &t);
	if (res != 0 || !r->len)
		return res < 0 ? -1 : 0;
	char **v = realloc(s->paths, (s->npaths + 1) * sizeof *v);
	if (!v) {
		r->oom = r->fatal = 1;
		return -1;
	}
	s->paths = v;
	if ((res = resolve(r, x, &at, "paths", &s->paths[s->npaths])) == 0)
		s->npaths++;
	return res < 0 ? -1 : 0;
}

/* A text setting, or NULL and 0 when not given; 1 when not usable. */
static int read_text(struct reader *r, const char *key, str_t *t)
{
	int res = rd_text(r, key, TEXT_LINE, t);
	return res < 0 ? -1 : res == 0 && !r->len ? (*t = STR_NONE, 0) : res;
}

static int on_color(struct reader *r, struct ctx *x, size_t i)
{
	yaml_mark_t at = rd_mark(r);
	str_t t;
	int res = read_text(r, states[i].name, &t);
	if (res != 0 || t == STR_NONE)
		return res < 0 ? -1 : 0;
	int c = !strcmp(r->buf, "default") ? -1 : SETTING_UNSET;
	for (int k = 0; k < 8 && c == SETTING_UNSET; k++)
		if (!strcmp(r->buf, color_names[k]))
			c = k;
	if (c == SETTING_UNSET) {
		char q[RD_QUOTE_MAX];
		rd_report(r, DIAG_ERROR, &at,
			  _("unknown colour '%s' for '%s': write black, red, green, yellow, blue, magenta, cyan, "
			    "white or default"),
			  rd_quote(r->buf, r->len, q), states[i].name);
		return 0;
	}
	x->s->color[states[i].style] = c;
	return 0;
}

/* One key name of an action's, into codes[*n]. */
static int read_key(struct reader *r, const char *action, int *codes, int *n, int *bad)
{
	yaml_mark_t at = rd_mark(r);
	str_t t;
	int res = rd_text(r, action, TEXT_LINE, &t);
	if (res != 0) {
		*bad = 1;
		return res < 0 ? -1 : 0;
	}
	char q[RD_QUOTE_MAX];
	int one[KEY_CODES_MAX], k = r->len ? key_parse(r->buf, one) : 0;
	if (!k) {
		if (!r->len)
			rd_report(r, DIAG_ERROR, &at,
				  _("'%s': no key given (write YAML's own characters in quotes: \"~\", \"#\")"), action);
		else
			rd_report(r, DIAG_ERROR, &at,
				  _("'%s' is not a key: write one character (j), C-f, F1 to F63, or a name such as "
				    "Enter, Tab, Esc, Space, Down or PageDown (docs/config.md lists them)"),
				  rd_quote(r->buf, r->len, q));
		*bad = 1;
		return 0;
	}
	if (*n + k > KEYS_PER_ACTION) {
		if (!*bad)
			rd_report(r, DIAG_ERROR, &at, _("'%s' has more keys than the %d an action can have"), action,
				  KEYS_PER_ACTION);
		*bad = 1;
		return 0;
	}
	for (int i = 0; i < k; i++)
		codes[(*n)++] = one[i];
	return 0;
}

/* An action's keys: one key or a list of them, which replace its own. */
static int on_action(struct reader *r, struct ctx *x, size_t i)
{
	enum action a = (enum action)(i + 1);
	const char *name = action_names[a];
	yaml_mark_t at = rd_mark(r);
	int codes[KEYS_PER_ACTION], n = 0, bad = 0;
	if (r->ev.type == YAML_SEQUENCE_START_EVENT) {
		for (;;) {
			if (rd_next(r) < 0)
				return -1;
			if (r->ev.type == YAML_SEQUENCE_END_EVENT)
				break;
			if (read_key(r, name, codes, &n, &bad) < 0)
				return -1;
		}
	} else if (rd_is_null(r)) {
		rd_report(r, DIAG_ERROR, &at, _("'%s' needs a key or a list of keys ([] for none)"), name);
		return 0;
	} else if (read_key(r, name, codes, &n, &bad) < 0) {
		return -1;
	}
	if (bad)
		return 0;
	int prompt = action_info(a)->scope == SCOPE_PROMPT;
	key_unbind_all(a);
	for (int k = 0; k < n; k++) {
		enum action had = key_action(codes[k], prompt);
		key_bind(a, codes[k]); /* room was checked: it cannot fail */
		if (had != ACT_NONE && had != a && !action_keys(had)[0]) {
			x->lost_key[had] = codes[k];
			x->lost_at[had] = at;
		}
	}
	return 0;
}

static int on_top(struct reader *r, struct ctx *x, size_t i)
{
	struct settings *s = x->s;
	yaml_mark_t at = rd_mark(r);
	const char *key = top_keys[i];
	str_t t;
	int res = 0, b;
	switch ((enum top)i) {
	case K_PATHS:
		if (r->ev.type != YAML_SEQUENCE_START_EVENT)
			return read_path(r, x);
		for (;;) {
			if (rd_next(r) < 0)
				return -1;
			if (r->ev.type == YAML_SEQUENCE_END_EVENT)
				return 0;
			if (read_path(r, x) < 0)
				return -1;
		}
	case K_SOON: {
		double v;
		res = rd_number(r, key, &v);
		if (res == 0 && r->len) {
			if (v > 3650 || v != (double)(int)v) {
				char q[RD_QUOTE_MAX];
				rd_report(r, DIAG_ERROR, &at, _("'%s' must be a whole number of days from 0 to 3650, not '%s'"),
					  key, rd_quote(r->buf, r->len, q));
			} else {
				s->soon = (int)v;
			}
		}
		break;
	}
	case K_LANGUAGE:
		if ((res = read_text(r, key, &t)) != 0 || t == STR_NONE)
			break;
		if (!settings_language_ok(r->buf)) {
			char q[RD_QUOTE_MAX];
			rd_report(r, DIAG_ERROR, &at, _("unknown language '%s': write zh_CN, zh_TW, zh_HK or en"),
				  rd_quote(r->buf, r->len, q));
		} else if (!(s->language = strdup(r->buf))) {
			r->oom = r->fatal = 1;
			return -1;
		}
		break;
	case K_ASCII:
	case K_READONLY:
		if ((res = rd_bool(r, key, &b)) == 0 && r->len)
			*(i == K_ASCII ? &s->ascii : &s->readonly) = b;
		break;
	case K_LOG:
		if ((res = read_text(r, key, &t)) == 0 && t != STR_NONE)
			res = resolve(r, x, &at, key, &s->log);
		break;
	case K_COLORS:
	case K_KEYS: {
		if (rd_is_null(r))
			return 0;
		if (r->ev.type != YAML_MAPPING_START_EVENT) {
			if (!rd_is_alias(r))
				rd_report(r, DIAG_ERROR, &at,
					  i == K_COLORS ? _("'%s' must be a mapping of states to colours, not %s")
							: _("'%s' must be a mapping of actions to keys, not %s"),
					  key, rd_node_kind(r));
			return rd_skip(r) < 0 ? -1 : 0;
		}
		if (i == K_COLORS) {
			unsigned char seen[NSTATES] = {0};
			return each_key(r, x, IN_COLORS, state_names, NSTATES, seen, on_color);
		}
		if (each_key(r, x, IN_KEYS, action_names + 1, ACT_COUNT - 1, x->keys_seen + 1, on_action) < 0)
			return -1;
		for (int a = 1; a < ACT_COUNT; a++) {
			char label[32];
			if (!x->lost_key[a] || x->keys_seen[a] || action_keys((enum action)a)[0])
				continue;
			key_label(x->lost_key[a], label, sizeof label);
			rd_report(r, DIAG_WARNING, &x->lost_at[a], _("'%s' was the last key of '%s', which has none now"),
				  label, action_names[a]);
		}
		return 0;
	}
	case K_COUNT:
		break;
	}
	return res < 0 ? -1 : 0;
}

static int read_doc(struct reader *r, struct ctx *x)
{
	if (rd_next(r) < 0 || rd_next(r) < 0) /* stream start, document start */
		return -1;
	if (r->ev.type == YAML_STREAM_END_EVENT) /* empty: nothing set */
		return 0;
	if (rd_next(r) < 0)
		return -1;
	if (r->ev.type == YAML_MAPPING_START_EVENT) {
		unsigned char seen[K_COUNT] = {0};
		if (each_key(r, x, IN_TOP, top_keys, K_COUNT, seen, on_top) < 0)
			return -1;
	} else if (!rd_is_null(r)) {
		if (!rd_is_alias(r))
			rd_report(r, DIAG_ERROR, &r->ev.start_mark,
				  _("the configuration must be a mapping of settings (soon: 7), not %s"), rd_node_kind(r));
		return -1;
	}
	if (rd_next(r) < 0 || rd_next(r) < 0) /* document end, then stream end or more */
		return -1;
	if (r->ev.type == YAML_DOCUMENT_START_EVENT)
		rd_report(r, DIAG_ERROR, &r->ev.start_mark,
			  _("only the first YAML document is read: put every setting in one"));
	return 0;
}

/* Opens only a regular file, without blocking on a FIFO; NULL with the
 * reason in s->diags, or (a missing default file) with nothing said. */
static FILE *open_file(struct settings *s, const char *path, int named)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	const char *why = NULL;
	if (fd < 0) {
		if (!named && (errno == ENOENT || errno == ENOTDIR))
			return NULL;
		why = strerror(errno);
	} else if (fstat(fd, &st) < 0) {
		why = strerror(errno);
	} else if (S_ISDIR(st.st_mode)) {
		why = _("is a directory");
	} else if (!S_ISREG(st.st_mode)) {
		why = _("not a regular file (a pipe or a device)");
	}
	if (!why) {
		int flags = fcntl(fd, F_GETFL);
		if (flags >= 0)
			fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
		FILE *fp = fdopen(fd, "rb");
		if (fp)
			return fp;
		why = strerror(errno);
	}
	diag_add(&s->diags, DIAG_ERROR, 0, 0, 0, _("cannot read the configuration: %s"), why);
	if (fd >= 0)
		close(fd);
	return NULL;
}

/* s as "nothing given", and the names the file may use. */
static void settings_init(struct settings *s)
{
	*s = (struct settings){.soon = SETTING_UNSET, .ascii = SETTING_UNSET, .readonly = SETTING_UNSET};
	for (int st = 0; st < STYLE_COUNT; st++)
		s->color[st] = SETTING_UNSET;
	for (int a = 1; a < ACT_COUNT; a++)
		action_names[a] = action_info((enum action)a)->name;
	for (size_t i = 0; i < NSTATES; i++)
		state_names[i] = states[i].name;
}

/* Reads the open fp into s, which settings_init has readied. */
static int parse(struct settings *s, FILE *fp)
{
	struct ctx *x = calloc(1, sizeof *x);
	struct reader *r = calloc(1, sizeof *r);
	struct pool pool;
	int oom = !x || !r || pool_init(&pool) < 0;
	if (!oom) {
		x->s = s;
		if (reader_open(r, fp, 0, &pool, &s->diags, &load_defaults) == 0) {
			read_doc(r, x);
			reader_close(r);
		}
		oom = r->oom;
		reader_free(r);
		pool_free(&pool);
	}
	free(r);
	free(x);
	diag_sort(&s->diags);
	return oom || s->diags.oom ? -1 : 0;
}

int settings_load(struct settings *s, const char *path, int named)
{
	settings_init(s);
	if (!path || !strcmp(path, "/dev/null")) /* none, or the way to say "no configuration" */
		return 0;
	if (!(s->file = strdup(path)))
		return -1;
	FILE *fp = open_file(s, path, named);
	if (!fp) {
		if (!s->diags.n) { /* a default file that is not there */
			free(s->file);
			s->file = NULL;
		}
		return s->diags.oom ? -1 : 0;
	}
	int res = parse(s, fp);
	fclose(fp);
	return res;
}

int settings_read(struct settings *s, FILE *fp, const char *name)
{
	settings_init(s);
	if (!(s->file = strdup(name)))
		return -1;
	return parse(s, fp);
}

void settings_print_diags(const struct settings *s, FILE *out)
{
	for (size_t i = 0; i < s->diags.n; i++)
		diag_print(out, &s->diags.v[i], s->file);
}

void settings_apply_looks(const struct settings *s)
{
	for (int st = 0; st < STYLE_COUNT; st++)
		if (s->color[st] != SETTING_UNSET)
			looks[st].fg = s->color[st];
}

void settings_free(struct settings *s)
{
	for (size_t i = 0; i < s->npaths; i++)
		free(s->paths[i]);
	free(s->paths);
	free(s->file);
	free(s->log);
	free(s->language);
	diag_free(&s->diags);
	*s = (struct settings){0};
}
