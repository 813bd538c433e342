#include "config.h"
#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <yaml.h>

#include "ids.h"
#include "text.h"

const struct load_limits load_default_limits = {
	.max_file = 256u << 20,
	.max_scalar = 64u << 10,
	.max_depth = 64, /* the format needs about 2 levels per zone level */
	.max_diags = 1000,
};

struct loader {
	struct chart *c;
	const struct load_limits *lim;
	yaml_parser_t parser;
	yaml_event_t ev;
	int have_ev;
	int depth;
	int fatal; /* stop reading this file */
	int oom;
	uint32_t file;
	FILE *fp;
	size_t nread;
	int too_big;
	size_t diags_at_start, diags_dropped;
	size_t aliases;
	yaml_mark_t key_mark;
	char *buf; /* the last text read, sanitised */
	size_t buf_cap, len;
	/* Charts repeat the same few date texts, and equal texts share a
	 * handle: remember what recent handles read as. */
	str_t date_seen[256];
	struct span date_span[256];
};

/* ---- diagnostics ---------------------------------------------------- */

static void vreport(struct loader *L, enum severity sev, uint32_t line, uint32_t col,
		    const char *fmt, va_list ap)
{
	struct diags *d = &L->c->diags;
	if (d->n - L->diags_at_start >= L->lim->max_diags) {
		if (sev == DIAG_ERROR)
			d->errors++;
		else
			d->warnings++;
		L->diags_dropped++;
		return;
	}
	char msg[512];
	vsnprintf(msg, sizeof msg, fmt, ap);
	diag_add(d, sev, L->file, line, col, "%s", msg);
}

__attribute__((format(printf, 4, 5)))
static void report(struct loader *L, enum severity sev, const yaml_mark_t *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(L, sev, (uint32_t)m->line + 1, (uint32_t)m->column + 1, fmt, ap);
	va_end(ap);
}

/* Quotes untrusted text for a message: sanitised, and at most 40 characters. */
#define QUOTE_CHARS 40
#define QUOTE_MAX (4 * QUOTE_CHARS + 8)
static const char *quote(const char *s, size_t len, char out[static QUOTE_MAX])
{
	char tmp[TEXT_SANITIZE_MAX(QUOTE_MAX)];
	unsigned changed;
	if (len > QUOTE_MAX)
		len = QUOTE_MAX;
	size_t n = text_sanitize(s, len, tmp, TEXT_LINE, &changed);
	text_excerpt(tmp, n, QUOTE_CHARS, out);
	return out;
}

/* ---- events --------------------------------------------------------- */

static const char *problem_hint(const char *problem)
{
	if (strstr(problem, "UTF-8") || strstr(problem, "octet"))
		return " (guatu reads UTF-8 only: is the file GBK or binary?)";
	return "";
}

/* Turns a reader error's byte offset into a line and column by reading the
 * file again, since libyaml reports such errors at 1:1. */
static void offset_mark(struct loader *L, size_t offset, yaml_mark_t *m)
{
	m->line = 0;
	m->column = 0;
	rewind(L->fp);
	for (size_t i = 0; i < offset; i++) {
		int ch = getc(L->fp);
		if (ch == EOF)
			break;
		if (ch == '\n') {
			m->line++;
			m->column = 0;
		} else if ((ch & 0xc0) != 0x80) {
			m->column++;
		}
	}
}

static void yaml_failed(struct loader *L)
{
	yaml_parser_t *p = &L->parser;
	yaml_mark_t m = p->problem_mark;
	const char *problem = p->problem ? p->problem : "unknown problem";
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		L->oom = 1;
		break;
	case YAML_READER_ERROR:
		if (L->too_big) {
			m.line = m.column = 0;
			report(L, DIAG_ERROR, &m, "file is larger than %zu MiB", L->lim->max_file >> 20);
			break;
		}
		offset_mark(L, p->problem_offset, &m);
		if (p->problem_value != -1)
			report(L, DIAG_ERROR, &m, "cannot read the file: %s (byte #%X)%s", problem,
			       (unsigned)p->problem_value, problem_hint(problem));
		else
			report(L, DIAG_ERROR, &m, "cannot read the file: %s%s", problem,
			       problem_hint(problem));
		break;
	default:
		if (p->context)
			report(L, DIAG_ERROR, &m, "YAML syntax: %s %s (line %zu)", problem,
			       p->context, p->context_mark.line + 1);
		else
			report(L, DIAG_ERROR, &m, "YAML syntax: %s", problem);
		break;
	}
	L->fatal = 1;
}

/* Moves to the next event. Returns -1 when the file cannot be read further. */
static int next(struct loader *L)
{
	if (L->have_ev) {
		yaml_event_delete(&L->ev);
		L->have_ev = 0;
	}
	if (L->fatal)
		return -1;
	if (!yaml_parser_parse(&L->parser, &L->ev)) {
		yaml_failed(L);
		return -1;
	}
	L->have_ev = 1;
	switch (L->ev.type) {
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		/* libyaml has no nesting limit and slows down with depth: stop early. */
		if (++L->depth > L->lim->max_depth) {
			report(L, DIAG_ERROR, &L->ev.start_mark, "nesting is deeper than %d levels",
			       L->lim->max_depth);
			L->fatal = 1;
			return -1;
		}
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		L->depth--;
		break;
	case YAML_ALIAS_EVENT: {
		/* Never expanded, so no alias bomb costs anything; the value is
		 * skipped like any bad value. One error says it; a note counts the rest. */
		char q[QUOTE_MAX];
		const char *a = (const char *)L->ev.data.alias.anchor;
		if (L->aliases++ == 0)
			report(L, DIAG_ERROR, &L->ev.start_mark,
			       "aliases are not supported: write out what '*%s' stands for",
			       quote(a, strlen(a), q));
		break;
	}
	default:
		break;
	}
	return 0;
}

static int is_start(const struct loader *L)
{
	return L->ev.type == YAML_SEQUENCE_START_EVENT || L->ev.type == YAML_MAPPING_START_EVENT;
}

/* Skips the node that starts at the current event. */
static int skip(struct loader *L)
{
	if (!is_start(L))
		return 0;
	for (int level = 1; level > 0;) {
		if (next(L) < 0)
			return -1;
		if (is_start(L))
			level++;
		else if (L->ev.type == YAML_SEQUENCE_END_EVENT || L->ev.type == YAML_MAPPING_END_EVENT)
			level--;
	}
	return 0;
}

static const char *node_kind(const struct loader *L)
{
	switch (L->ev.type) {
	case YAML_SEQUENCE_START_EVENT: return "a list";
	case YAML_MAPPING_START_EVENT: return "a mapping";
	default: return "text";
	}
}

static int is_null(const struct loader *L)
{
	if (L->ev.type != YAML_SCALAR_EVENT || L->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	const char *v = (const char *)L->ev.data.scalar.value;
	size_t n = L->ev.data.scalar.length;
	return n == 0 || (n == 1 && *v == '~') ||
	       (n == 4 && (!memcmp(v, "null", 4) || !memcmp(v, "Null", 4) || !memcmp(v, "NULL", 4)));
}

/* ---- values --------------------------------------------------------- */

/* Reads the current node as text into *out (STR_NONE when null or empty);
 * the sanitised bytes stay in L->buf / L->len. Returns 0 when read, 1 when
 * the node is not text (reported and skipped), -1 on a fatal error. */
static int text(struct loader *L, const char *key, enum text_mode mode, str_t *out)
{
	*out = STR_NONE;
	L->len = 0;
	if (L->ev.type == YAML_ALIAS_EVENT)
		return 1;
	if (L->ev.type != YAML_SCALAR_EVENT) {
		report(L, DIAG_ERROR, &L->ev.start_mark, "'%s' must be text, not %s", key, node_kind(L));
		return skip(L) < 0 ? -1 : 1;
	}
	if (is_null(L))
		return 0;
	size_t n = L->ev.data.scalar.length; /* not strlen: "\0" is a valid escape */
	if (n > L->lim->max_scalar) {
		report(L, DIAG_ERROR, &L->ev.start_mark, "'%s' is longer than %zu bytes", key,
		       L->lim->max_scalar);
		return 1;
	}
	if (TEXT_SANITIZE_MAX(n) > L->buf_cap) {
		char *b = realloc(L->buf, TEXT_SANITIZE_MAX(n));
		if (!b) {
			L->oom = L->fatal = 1;
			return -1;
		}
		L->buf = b;
		L->buf_cap = TEXT_SANITIZE_MAX(n);
	}
	unsigned changed;
	L->len = text_sanitize((const char *)L->ev.data.scalar.value, n, L->buf, mode, &changed);
	if (changed & TEXT_REPLACED)
		report(L, DIAG_WARNING, &L->ev.start_mark,
		       "'%s' holds control or unprintable characters; shown as U+FFFD", key);
	if (changed & TEXT_DROPPED)
		report(L, DIAG_WARNING, &L->ev.start_mark,
		       "'%s' holds invisible format characters (zero-width, bidi); removed", key);
	int oom = 0;
	*out = pool_intern(&L->c->str, L->buf, L->len, &oom);
	if (oom) {
		L->oom = L->fatal = 1;
		return -1;
	}
	return 0;
}

/* Reads a text that must not be empty; marks the item invalid if it is. */
static int required(struct loader *L, const char *key, str_t *out, void *flags, int wide)
{
	yaml_mark_t m = L->ev.start_mark;
	int r = text(L, key, TEXT_LINE, out);
	if (r == 0 && *out == STR_NONE)
		report(L, DIAG_ERROR, &m, "'%s' is empty", key);
	if (r != 0 || *out == STR_NONE) {
		if (wide)
			*(uint16_t *)flags |= ITEM_INVALID;
		else
			*(uint8_t *)flags |= ITEM_INVALID;
	}
	return r;
}

/* Reads a date field. Returns as text() does; a bad date is reported and
 * counts as not read (1). */
static int date(struct loader *L, const char *key, str_t *written, struct span *sp)
{
	yaml_mark_t m = L->ev.start_mark;
	int r = text(L, key, TEXT_LINE, written);
	if (r != 0)
		return r;
	const char *why;
	size_t k = *written % 256;
	if (*written != STR_NONE && L->date_seen[k] == *written) {
		*sp = L->date_span[k];
		return 0;
	}
	if (*written != STR_NONE && date_parse(L->buf, L->len, sp, &why) == 0) {
		L->date_seen[k] = *written;
		L->date_span[k] = *sp;
		return 0;
	}
	char q[QUOTE_MAX];
	if (*written == STR_NONE)
		report(L, DIAG_ERROR, &m, "'%s' is empty", key);
	else
		report(L, DIAG_ERROR, &m, "'%s' is not a date: '%s': %s", key, quote(L->buf, L->len, q), why);
	*written = STR_NONE;
	return 1;
}

static int number(struct loader *L, const char *key, double *out)
{
	yaml_mark_t m = L->ev.start_mark;
	str_t s;
	int r = text(L, key, TEXT_LINE, &s);
	if (r != 0)
		return r;
	char *end = NULL;
	/* Plain decimal notation only: strtod alone would take "inf", "nan", hex. */
	int ok = L->len > 0 && strspn(L->buf, "0123456789.+-eE") == L->len;
	if (ok) {
		*out = strtod(L->buf, &end);
		ok = end == L->buf + L->len && isfinite(*out);
	}
	if (ok && *out < 0) {
		report(L, DIAG_ERROR, &m, "'%s' must not be negative", key);
		return 1;
	}
	if (!ok) {
		char q[QUOTE_MAX];
		report(L, DIAG_ERROR, &m, "'%s' must be a number, not '%s'", key, quote(L->buf, L->len, q));
		return 1;
	}
	return 0;
}

static int boolean(struct loader *L, const char *key, int *out)
{
	yaml_mark_t m = L->ev.start_mark;
	str_t s;
	int r = text(L, key, TEXT_LINE, &s);
	if (r != 0)
		return r;
	static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES"};
	static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO"};
	for (size_t i = 0; i < 6; i++) {
		if (!strcmp(L->buf, yes[i]))
			return *out = 1, 0;
		if (!strcmp(L->buf, no[i]))
			return *out = 0, 0;
	}
	char q[QUOTE_MAX];
	report(L, DIAG_ERROR, &m, "'%s' must be true or false, not '%s'", key, quote(L->buf, L->len, q));
	return 1;
}

/* ---- structure ------------------------------------------------------ */

/* Levenshtein distance of two short ASCII keys, for "did you mean". */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[32];
	if (la >= 32 || lb >= 32)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static void unknown_key(struct loader *L, const char *what, const char *key, size_t len,
			const char *const *keys)
{
	char q[QUOTE_MAX], known[256] = "";
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; keys[i]; i++) {
		size_t d = distance(key, keys[i]);
		if (d < bestd && d < strlen(keys[i])) {
			bestd = d;
			best = keys[i];
		}
		strcat(known, i ? ", " : "");
		strcat(known, keys[i]);
	}
	if (best)
		report(L, DIAG_WARNING, &L->key_mark, "unknown key '%s' in %s (did you mean '%s'?)",
		       quote(key, len, q), what, best);
	else
		report(L, DIAG_WARNING, &L->key_mark, "unknown key '%s' in %s (known keys: %s)",
		       quote(key, len, q), what, known);
}

/* Calls on(L, field, ctx) for each key of the mapping at the current event
 * that is in `keys` (the field is its index), with the value as the current
 * event; on() must consume the value. Unknown and repeated keys are reported
 * and skipped. *seen gets a bit per field present. */
static int each_key(struct loader *L, const char *what, const char *const *keys,
		    int (*on)(struct loader *, int, void *), void *ctx, uint32_t *seen)
{
	*seen = 0;
	for (;;) {
		if (next(L) < 0)
			return -1;
		if (L->ev.type == YAML_MAPPING_END_EVENT)
			return 0;
		L->key_mark = L->ev.start_mark;
		int field = -1;
		char key[64];
		size_t klen = 0;
		if (L->ev.type == YAML_SCALAR_EVENT) {
			klen = L->ev.data.scalar.length < sizeof key - 1 ? L->ev.data.scalar.length
									 : sizeof key - 1;
			memcpy(key, L->ev.data.scalar.value, klen);
			key[klen] = '\0';
			for (int i = 0; keys[i]; i++)
				if (klen == L->ev.data.scalar.length && !strcmp(key, keys[i]))
					field = i;
			if (field < 0)
				unknown_key(L, what, key, klen, keys);
		} else if (L->ev.type != YAML_ALIAS_EVENT) {
			report(L, DIAG_ERROR, &L->key_mark, "a key in %s must be text, not %s", what,
			       node_kind(L));
			if (skip(L) < 0)
				return -1;
		}
		if (field >= 0 && (*seen & (1u << field))) {
			report(L, DIAG_ERROR, &L->key_mark, "'%s' appears twice in %s; the first is used",
			       keys[field], what);
			field = -1;
		}
		if (next(L) < 0)
			return -1;
		if (field < 0) {
			if (skip(L) < 0)
				return -1;
			continue;
		}
		*seen |= 1u << field;
		if (on(L, field, ctx) < 0)
			return -1;
	}
}

/* Calls item(L, ctx) for each element of the list at the current event, with
 * the element as the current event. A null value is an empty list. */
static int each_item(struct loader *L, const char *key, int (*item)(struct loader *, void *),
		     void *ctx)
{
	if (is_null(L) || L->ev.type == YAML_ALIAS_EVENT)
		return 0;
	if (L->ev.type != YAML_SEQUENCE_START_EVENT) {
		report(L, DIAG_ERROR, &L->ev.start_mark, "'%s' must be a list, not %s", key, node_kind(L));
		return skip(L);
	}
	for (;;) {
		if (next(L) < 0)
			return -1;
		if (L->ev.type == YAML_SEQUENCE_END_EVENT)
			return 0;
		if (item(L, ctx) < 0)
			return -1;
	}
}

/* Checks that the current event starts a mapping for an item; if it does
 * not, reports it, skips it and returns 1. */
static int want_mapping(struct loader *L, const char *what, const char *example)
{
	if (L->ev.type == YAML_MAPPING_START_EVENT)
		return 0;
	if (L->ev.type != YAML_ALIAS_EVENT)
		report(L, DIAG_ERROR, &L->ev.start_mark, "%s must be a mapping (%s), not %s", what,
		       example, node_kind(L));
	return skip(L) < 0 ? -1 : 1;
}

static struct place here(const struct loader *L)
{
	return (struct place){(uint32_t)L->ev.start_mark.line + 1,
			      (uint32_t)L->ev.start_mark.column + 1, L->file};
}

/* Reports a required field that is absent; returns 1 if it is. */
static int missing(struct loader *L, uint32_t seen, int field, const char *key,
		   const char *what, str_t name, const struct place *at)
{
	if (seen & (1u << field))
		return 0;
	yaml_mark_t m = {0, at->line - 1, at->col - 1};
	const char *n = chart_str(L->c, name);
	char q[QUOTE_MAX];
	if (*n)
		report(L, DIAG_ERROR, &m, "%s '%s' has no '%s'", what, quote(n, strlen(n), q), key);
	else
		report(L, DIAG_ERROR, &m, "%s has no '%s'", what, key);
	return 1;
}

/* Appends one element to a chart array; NULL when out of memory. */
#define APPEND(L, arr, n, cap)                                                        \
	(grow((void **)&(L)->c->arr, &(L)->c->cap, (L)->c->n, sizeof *(L)->c->arr) < 0 \
		 ? ((L)->oom = (L)->fatal = 1, (void *)NULL)                            \
		 : (void *)&(L)->c->arr[(L)->c->n++])

/* Reads a status value. */
static int status(struct loader *L, uint8_t *out)
{
	yaml_mark_t m = L->ev.start_mark;
	str_t s;
	int r = text(L, "status", TEXT_LINE, &s);
	if (r != 0)
		return r;
	int st = status_parse(L->buf);
	if (st < 0) {
		char q[QUOTE_MAX];
		report(L, DIAG_ERROR, &m,
		       "unknown status '%s' (use planned, active, done or dropped)",
		       quote(L->buf, L->len, q));
		return 1;
	}
	*out = (uint8_t)st;
	return 0;
}

/* ---- milestones ----------------------------------------------------- */

enum { M_NAME, M_ID, M_DUE, M_STATUS, M_DONE, M_OWNER, M_NOTE };
static const char *const milestone_keys[] = {"name", "id", "due", "status", "done", "owner", "note", NULL};

static int milestone_field(struct loader *L, int field, void *ctx)
{
	struct milestone *m = &L->c->milestones[*(uint32_t *)ctx];
	struct span sp;
	int r = 0;
	switch (field) {
	case M_NAME: r = required(L, "name", &m->name, &m->flags, 0); break;
	case M_ID: r = text(L, "id", TEXT_LINE, &m->id); break;
	case M_OWNER: r = text(L, "owner", TEXT_LINE, &m->owner); break;
	case M_NOTE: r = text(L, "note", TEXT_PARA, &m->note); break;
	case M_STATUS: r = status(L, &m->status); break;
	case M_DUE:
		if ((r = date(L, "due", &m->due_text, &sp)) == 0)
			m->due = sp.last;
		else
			m->flags |= ITEM_INVALID;
		break;
	case M_DONE:
		if ((r = date(L, "done", &m->done_text, &sp)) == 0)
			m->done = sp.last;
		break;
	}
	return r < 0 ? -1 : 0;
}

static int milestone(struct loader *L, void *ctx)
{
	int r = want_mapping(L, "a milestone", "name: …, due: …");
	if (r != 0)
		return r < 0 ? -1 : 0;
	struct milestone *m = APPEND(L, milestones, nmilestones, milestones_cap);
	if (!m)
		return -1;
	uint32_t i = (uint32_t)(m - L->c->milestones), seen;
	*m = (struct milestone){.due = DAY_NONE, .done = DAY_NONE, .project = *(uint32_t *)ctx,
				.at = here(L), .status = 0xff};
	if (each_key(L, "a milestone", milestone_keys, milestone_field, &i, &seen) < 0)
		return -1;
	m = &L->c->milestones[i];
	if (missing(L, seen, M_NAME, "name", "milestone", m->name, &m->at) |
	    missing(L, seen, M_DUE, "due", "milestone", m->name, &m->at))
		m->flags |= ITEM_INVALID;
	/* A done date says it is done, unless the status says otherwise. */
	if (m->status == 0xff)
		m->status = m->done != DAY_NONE ? ST_DONE : ST_PLANNED;
	else if (m->done != DAY_NONE && m->status != ST_DONE) {
		yaml_mark_t mk = {0, m->at.line - 1, m->at.col - 1};
		report(L, DIAG_WARNING, &mk, "milestone has a 'done' date but its status is '%s'",
		       status_name(m->status));
	}
	return 0;
}

/* ---- projects ------------------------------------------------------- */

enum { P_NAME, P_ID, P_OWNER, P_INVESTMENT, P_NOTE, P_MILESTONES };
static const char *const project_keys[] = {"name", "id", "owner", "investment", "note", "milestones", NULL};

static int project_field(struct loader *L, int field, void *ctx)
{
	uint32_t i = *(uint32_t *)ctx;
	struct project *p = &L->c->projects[i];
	int r = 0;
	switch (field) {
	case P_NAME: r = required(L, "name", &p->name, &p->flags, 1); break;
	case P_ID: r = text(L, "id", TEXT_LINE, &p->id); break;
	case P_OWNER: r = text(L, "owner", TEXT_LINE, &p->owner); break;
	case P_NOTE: r = text(L, "note", TEXT_PARA, &p->note); break;
	case P_INVESTMENT: r = number(L, "investment", &p->investment); break;
	case P_MILESTONES:
		p->ms_first = (uint32_t)L->c->nmilestones;
		r = each_item(L, "milestones", milestone, &i);
		p = &L->c->projects[i];
		p->ms_count = (uint32_t)L->c->nmilestones - p->ms_first;
		break;
	}
	return r < 0 ? -1 : 0;
}

static int project(struct loader *L, void *ctx)
{
	int r = want_mapping(L, "a project", "name: …, milestones: […]");
	if (r != 0)
		return r < 0 ? -1 : 0;
	struct project *p = APPEND(L, projects, nprojects, projects_cap);
	if (!p)
		return -1;
	uint32_t i = (uint32_t)(p - L->c->projects), seen;
	*p = (struct project){.investment = NAN, .zone = *(uint32_t *)ctx,
			      .ms_first = (uint32_t)L->c->nmilestones, .at = here(L)};
	if (each_key(L, "a project", project_keys, project_field, &i, &seen) < 0)
		return -1;
	p = &L->c->projects[i];
	if (missing(L, seen, P_NAME, "name", "project", p->name, &p->at))
		p->flags |= ITEM_INVALID;
	return 0;
}

/* ---- targets -------------------------------------------------------- */

enum { T_NAME, T_ID, T_TARGET, T_ACTUAL, T_UNIT, T_DUE, T_START, T_AT_MOST, T_OWNER, T_NOTE };
static const char *const target_keys[] = {"name", "id", "target", "actual", "unit", "due",
					  "start", "at_most", "owner", "note", NULL};

static int target_field(struct loader *L, int field, void *ctx)
{
	struct target *t = &L->c->targets[*(uint32_t *)ctx];
	struct span sp;
	int r = 0, b;
	switch (field) {
	case T_NAME: r = required(L, "name", &t->name, &t->flags, 1); break;
	case T_ID: r = text(L, "id", TEXT_LINE, &t->id); break;
	case T_UNIT: r = text(L, "unit", TEXT_LINE, &t->unit); break;
	case T_OWNER: r = text(L, "owner", TEXT_LINE, &t->owner); break;
	case T_NOTE: r = text(L, "note", TEXT_PARA, &t->note); break;
	case T_TARGET:
		if ((r = number(L, "target", &t->target)) != 0)
			t->flags |= ITEM_INVALID;
		break;
	case T_ACTUAL: r = number(L, "actual", &t->actual); break;
	case T_DUE:
		if ((r = date(L, "due", &t->due_text, &sp)) == 0)
			t->due = sp.last;
		break;
	case T_START:
		if ((r = date(L, "start", &t->start_text, &sp)) == 0)
			t->start = sp.first;
		break;
	case T_AT_MOST:
		if ((r = boolean(L, "at_most", &b)) == 0 && b)
			t->flags |= TARGET_AT_MOST;
		break;
	}
	return r < 0 ? -1 : 0;
}

static int target(struct loader *L, void *ctx)
{
	int r = want_mapping(L, "a target", "name: …, target: …");
	if (r != 0)
		return r < 0 ? -1 : 0;
	struct target *t = APPEND(L, targets, ntargets, targets_cap);
	if (!t)
		return -1;
	uint32_t i = (uint32_t)(t - L->c->targets), seen;
	*t = (struct target){.actual = NAN, .due = DAY_NONE, .start = DAY_NONE,
			     .zone = *(uint32_t *)ctx, .at = here(L)};
	if (each_key(L, "a target", target_keys, target_field, &i, &seen) < 0)
		return -1;
	t = &L->c->targets[i];
	if (missing(L, seen, T_NAME, "name", "target", t->name, &t->at) |
	    missing(L, seen, T_TARGET, "target", "target", t->name, &t->at))
		t->flags |= ITEM_INVALID;
	if (t->start != DAY_NONE && t->due != DAY_NONE && t->start > t->due) {
		yaml_mark_t mk = {0, t->at.line - 1, t->at.col - 1};
		const char *n = chart_str(L->c, t->name), *a = chart_str(L->c, t->start_text),
			   *b = chart_str(L->c, t->due_text);
		char q1[QUOTE_MAX], q2[QUOTE_MAX], q3[QUOTE_MAX];
		report(L, DIAG_WARNING, &mk, "target '%s' starts (%s) after it is due (%s)",
		       quote(n, strlen(n), q1), quote(a, strlen(a), q2), quote(b, strlen(b), q3));
	}
	return 0;
}

/* ---- zones ---------------------------------------------------------- */

enum { Z_NAME, Z_ID, Z_OWNER, Z_NOTE, Z_TARGETS, Z_PROJECTS, Z_ZONES };
static const char *const zone_keys[] = {"name", "id", "owner", "note", "targets", "projects", "zones", NULL};

static int zone(struct loader *L, void *ctx);

static int zone_field(struct loader *L, int field, void *ctx)
{
	uint32_t i = *(uint32_t *)ctx;
	struct zone *z = &L->c->zones[i];
	int r = 0;
	switch (field) {
	case Z_NAME: r = required(L, "name", &z->name, &z->flags, 1); break;
	case Z_ID: r = text(L, "id", TEXT_LINE, &z->id); break;
	case Z_OWNER: r = text(L, "owner", TEXT_LINE, &z->owner); break;
	case Z_NOTE: r = text(L, "note", TEXT_PARA, &z->note); break;
	case Z_TARGETS:
		z->tgt_first = (uint32_t)L->c->ntargets;
		r = each_item(L, "targets", target, &i);
		z = &L->c->zones[i];
		z->tgt_count = (uint32_t)L->c->ntargets - z->tgt_first;
		break;
	case Z_PROJECTS:
		z->proj_first = (uint32_t)L->c->nprojects;
		r = each_item(L, "projects", project, &i);
		z = &L->c->zones[i];
		z->proj_count = (uint32_t)L->c->nprojects - z->proj_first;
		break;
	case Z_ZONES: r = each_item(L, "zones", zone, &i); break;
	}
	return r < 0 ? -1 : 0;
}

/* ctx: the parent zone's index, or NONE. */
static int zone(struct loader *L, void *ctx)
{
	int r = want_mapping(L, "a zone", "name: …, projects: […]");
	if (r != 0)
		return r < 0 ? -1 : 0;
	uint32_t parent = *(uint32_t *)ctx;
	struct zone *z = APPEND(L, zones, nzones, zones_cap);
	if (!z)
		return -1;
	uint32_t i = (uint32_t)(z - L->c->zones), seen;
	*z = (struct zone){.parent = parent,
			   .proj_first = (uint32_t)L->c->nprojects,
			   .tgt_first = (uint32_t)L->c->ntargets,
			   .at = here(L),
			   .depth = parent == NONE ? 0 : (uint16_t)(L->c->zones[parent].depth + 1)};
	if (each_key(L, "a zone", zone_keys, zone_field, &i, &seen) < 0)
		return -1;
	z = &L->c->zones[i];
	z->end = (uint32_t)L->c->nzones;
	if (missing(L, seen, Z_NAME, "name", "zone", z->name, &z->at))
		z->flags |= ITEM_INVALID;
	return 0;
}

/* ---- files ---------------------------------------------------------- */

enum { C_TITLE, C_ZONES };
static const char *const chart_keys[] = {"title", "zones", NULL};

static int chart_field(struct loader *L, int field, void *ctx)
{
	(void)ctx;
	uint32_t top = NONE;
	if (field == C_TITLE)
		return text(L, "title", TEXT_LINE, &L->c->files[L->file].title) < 0 ? -1 : 0;
	return each_item(L, "zones", zone, &top);
}

static int document(struct loader *L)
{
	if (next(L) < 0 || next(L) < 0) /* stream start, document start */
		return -1;
	if (L->ev.type == YAML_STREAM_END_EVENT) {
		yaml_mark_t m = {0, 0, 0};
		report(L, DIAG_ERROR, &m, "the file is empty (a chart has 'zones:')");
		return -1;
	}
	if (next(L) < 0)
		return -1;
	if (L->ev.type != YAML_MAPPING_START_EVENT) {
		if (is_null(L))
			report(L, DIAG_ERROR, &L->ev.start_mark, "the file is empty (a chart has 'zones:')");
		else if (L->ev.type != YAML_ALIAS_EVENT)
			report(L, DIAG_ERROR, &L->ev.start_mark,
			       "a chart must be a mapping with 'zones:', not %s", node_kind(L));
		return -1;
	}
	yaml_mark_t root = L->ev.start_mark;
	uint32_t seen;
	if (each_key(L, "the chart", chart_keys, chart_field, NULL, &seen) < 0)
		return -1;
	if (!(seen & (1u << C_ZONES))) {
		report(L, DIAG_ERROR, &root, "the chart has no 'zones'");
		return -1;
	}
	if (next(L) < 0 || next(L) < 0) /* document end, then stream end or more */
		return -1;
	if (L->ev.type == YAML_DOCUMENT_START_EVENT) /* an error: its content would be lost */
		report(L, DIAG_ERROR, &L->ev.start_mark,
		       "only the first YAML document is read; put each chart in its own file");
	return 0;
}

static int read_cb(void *data, unsigned char *buf, size_t size, size_t *got)
{
	struct loader *L = data;
	*got = fread(buf, 1, size, L->fp);
	L->nread += *got;
	if (L->nread > L->lim->max_file) {
		L->too_big = 1;
		return 0;
	}
	return !ferror(L->fp);
}

/* Where the chart's arrays and pool ended before a file was read. */
struct mark {
	size_t zones, projects, milestones, targets, str;
};

static struct mark mark_of(const struct chart *c)
{
	return (struct mark){c->nzones, c->nprojects, c->nmilestones, c->ntargets, c->str.len};
}

/* Forgets everything a reading of `file` added: a broken or changing file
 * adds nothing, so there are no half charts. */
static void rollback(struct loader *L, uint32_t file, const struct mark *m)
{
	struct chart *c = L->c;
	c->nzones = m->zones;
	c->nprojects = m->projects;
	c->nmilestones = m->milestones;
	c->ntargets = m->targets;
	pool_truncate(&c->str, m->str);
	memset(L->date_seen, 0, sizeof L->date_seen); /* handles may be reused */
	c->files[file].title = STR_NONE;
}

/* Reads one file into the chart once. Returns 1 when it was read without a
 * fatal error. */
static int read_once(struct loader *L, uint32_t file)
{
	struct chart *c = L->c;
	L->file = file;
	L->fatal = L->too_big = 0;
	L->depth = 0;
	L->nread = 0;
	L->diags_dropped = 0;
	L->aliases = 0;
	L->fp = fopen(c->files[file].path, "rb");
	if (!L->fp) {
		diag_add(&c->diags, DIAG_ERROR, file, 0, 0, "%s", strerror(errno));
		return 0;
	}
	if (!yaml_parser_initialize(&L->parser)) {
		L->oom = 1;
		fclose(L->fp);
		return 0;
	}
	yaml_parser_set_input(&L->parser, read_cb, L);
	int ok = document(L) == 0 && !L->fatal;
	if (L->have_ev)
		yaml_event_delete(&L->ev);
	L->have_ev = 0;
	yaml_parser_delete(&L->parser);
	fclose(L->fp);
	if (L->aliases > 1)
		diag_add(&c->diags, DIAG_NOTE, file, 0, 0, "%zu more aliases not read", L->aliases - 1);
	if (L->diags_dropped)
		diag_add(&c->diags, DIAG_NOTE, file, 0, 0, "%zu more diagnostics not shown",
			 L->diags_dropped);
	return ok;
}

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_size == b->st_size && a->st_ino == b->st_ino && a->st_dev == b->st_dev &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* Reads a file until it holds still: an editor saving it or a checkout
 * replacing it while it is read would otherwise give half a chart. */
static int load_file(struct loader *L, uint32_t file)
{
	struct chart *c = L->c;
	const char *path = c->files[file].path;
	struct mark m = mark_of(c);
	int ok = 0;
	for (int tries = 0;; tries++) {
		struct stat before, after;
		L->diags_at_start = c->diags.n;
		int known = stat(path, &before) == 0;
		ok = read_once(L, file);
		if (L->lim->after_read)
			L->lim->after_read(path, L->lim->after_read_arg);
		int changed = known && !L->oom && stat(path, &after) == 0 && !same_file(&before, &after);
		if (!ok || changed)
			rollback(L, file, &m);
		if (!changed)
			break;
		/* It changed under us: forget this reading and try again. */
		diag_truncate(&c->diags, L->diags_at_start);
		if (tries == 4) {
			diag_add(&c->diags, DIAG_ERROR, file, 0, 0, "the file kept changing while it was read");
			ok = 0;
			break;
		}
		nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
	}
	struct chart_file *f = &c->files[file];
	f->loaded = ok;
	f->zones = (struct range){(uint32_t)m.zones, (uint32_t)c->nzones};
	f->projects = (struct range){(uint32_t)m.projects, (uint32_t)c->nprojects};
	f->milestones = (struct range){(uint32_t)m.milestones, (uint32_t)c->nmilestones};
	f->targets = (struct range){(uint32_t)m.targets, (uint32_t)c->ntargets};
	return ok;
}

/* ---- keeping the last good version ---------------------------------- */

static void *append(void **arr, size_t *n, size_t *cap, size_t size)
{
	if (grow(arr, cap, *n, size) < 0)
		return NULL;
	return (char *)*arr + size * (*n)++;
}

/* Re-interns a text of the old chart in the new one. */
static str_t again(struct chart *c, const struct chart *old, str_t s, int *oom)
{
	return s == STR_NONE ? STR_NONE : pool_intern(&c->str, chart_str(old, s), strlen(chart_str(old, s)), oom);
}

/* A derived id is derived anew: the siblings may have changed. */
#define KEEP_ID(c, old, item, oom) \
	((item)->flags & ITEM_ID_DERIVED ? ((item)->flags &= (uint8_t)~ITEM_ID_DERIVED, STR_NONE) \
					 : again(c, old, (item)->id, oom))

/* Copies the items file `of` of `old` had into `c` as file `f`, with their
 * indices moved to where they land and their texts interned anew. */
static int transplant(struct chart *c, uint32_t f, const struct chart *old, uint32_t of)
{
	const struct chart_file *o = &old->files[of];
	struct chart_file *nf = &c->files[f];
	int oom = 0;
	uint32_t z0 = (uint32_t)c->nzones, p0 = (uint32_t)c->nprojects;
	uint32_t m0 = (uint32_t)c->nmilestones, t0 = (uint32_t)c->ntargets;
#define MOVE(v, from, to) ((v) == NONE ? NONE : (v) - (from) + (to))
	for (uint32_t i = o->zones.first; i < o->zones.end && !oom; i++) {
		struct zone *z = append((void **)&c->zones, &c->nzones, &c->zones_cap, sizeof *z);
		if (!z)
			return -1;
		*z = old->zones[i];
		z->parent = MOVE(z->parent, o->zones.first, z0);
		z->end = MOVE(z->end, o->zones.first, z0);
		z->proj_first = MOVE(z->proj_first, o->projects.first, p0);
		z->tgt_first = MOVE(z->tgt_first, o->targets.first, t0);
		z->name = again(c, old, z->name, &oom);
		z->id = KEEP_ID(c, old, z, &oom);
		z->owner = again(c, old, z->owner, &oom);
		z->note = again(c, old, z->note, &oom);
		z->at.file = f;
	}
	for (uint32_t i = o->projects.first; i < o->projects.end && !oom; i++) {
		struct project *p = append((void **)&c->projects, &c->nprojects, &c->projects_cap, sizeof *p);
		if (!p)
			return -1;
		*p = old->projects[i];
		p->zone = MOVE(p->zone, o->zones.first, z0);
		p->ms_first = MOVE(p->ms_first, o->milestones.first, m0);
		p->name = again(c, old, p->name, &oom);
		p->id = KEEP_ID(c, old, p, &oom);
		p->owner = again(c, old, p->owner, &oom);
		p->note = again(c, old, p->note, &oom);
		p->at.file = f;
	}
	for (uint32_t i = o->milestones.first; i < o->milestones.end && !oom; i++) {
		struct milestone *m = append((void **)&c->milestones, &c->nmilestones, &c->milestones_cap, sizeof *m);
		if (!m)
			return -1;
		*m = old->milestones[i];
		m->project = MOVE(m->project, o->projects.first, p0);
		m->name = again(c, old, m->name, &oom);
		m->id = KEEP_ID(c, old, m, &oom);
		m->owner = again(c, old, m->owner, &oom);
		m->note = again(c, old, m->note, &oom);
		m->due_text = again(c, old, m->due_text, &oom);
		m->done_text = again(c, old, m->done_text, &oom);
		m->at.file = f;
	}
	for (uint32_t i = o->targets.first; i < o->targets.end && !oom; i++) {
		struct target *t = append((void **)&c->targets, &c->ntargets, &c->targets_cap, sizeof *t);
		if (!t)
			return -1;
		*t = old->targets[i];
		t->zone = MOVE(t->zone, o->zones.first, z0);
		t->name = again(c, old, t->name, &oom);
		t->id = KEEP_ID(c, old, t, &oom);
		t->owner = again(c, old, t->owner, &oom);
		t->note = again(c, old, t->note, &oom);
		t->unit = again(c, old, t->unit, &oom);
		t->due_text = again(c, old, t->due_text, &oom);
		t->start_text = again(c, old, t->start_text, &oom);
		t->at.file = f;
	}
#undef MOVE
	nf->title = again(c, old, o->title, &oom);
	nf->stale = 1;
	nf->zones = (struct range){z0, (uint32_t)c->nzones};
	nf->projects = (struct range){p0, (uint32_t)c->nprojects};
	nf->milestones = (struct range){m0, (uint32_t)c->nmilestones};
	nf->targets = (struct range){t0, (uint32_t)c->ntargets};
	return oom ? -1 : 0;
}

/* The file of `old` with the same path that had something to show. */
static long previous_file(const struct chart *old, const char *path)
{
	for (size_t i = 0; old && i < old->nfiles; i++)
		if ((old->files[i].loaded || old->files[i].stale) && !strcmp(old->files[i].path, path))
			return (long)i;
	return -1;
}

/* ---- paths ---------------------------------------------------------- */

static int add_file(struct chart *c, const char *path, const struct stat *st,
		    dev_t **seen_dev, ino_t **seen_ino)
{
	for (size_t i = 0; st && i < c->nfiles; i++)
		if ((*seen_dev)[i] == st->st_dev && (*seen_ino)[i] == st->st_ino && st->st_ino)
			return 0; /* the same file named twice loads once */
	size_t cap = c->files_cap;
	void *v = c->files;
	if (grow(&v, &cap, c->nfiles, sizeof *c->files) < 0)
		return -1;
	c->files = v;
	if (cap != c->files_cap) {
		dev_t *d = realloc(*seen_dev, cap * sizeof **seen_dev);
		if (d)
			*seen_dev = d;
		ino_t *n = realloc(*seen_ino, cap * sizeof **seen_ino);
		if (n)
			*seen_ino = n;
		if (!d || !n)
			return -1;
		c->files_cap = cap;
	}
	size_t n = strlen(path);
	char *copy = strdup(path), *shown = malloc(TEXT_SANITIZE_MAX(n));
	unsigned changed;
	if (!copy || !shown) {
		free(copy);
		free(shown);
		return -1;
	}
	text_sanitize(path, n, shown, TEXT_LINE, &changed); /* names can hold escapes too */
	(*seen_dev)[c->nfiles] = st ? st->st_dev : 0;
	(*seen_ino)[c->nfiles] = st ? st->st_ino : 0;
	c->files[c->nfiles++] = (struct chart_file){.path = copy, .shown = shown};
	return 0;
}

int load_is_chart_name(const char *name)
{
	size_t n = strlen(name);
	if (name[0] == '.') /* editors' lock and backup files */
		return 0;
	return (n > 5 && !strcmp(name + n - 5, ".yaml")) || (n > 4 && !strcmp(name + n - 4, ".yml"));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void load_free_list(char **paths, long n)
{
	for (long i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

long load_list_dir(const char *dir, char ***paths)
{
	*paths = NULL;
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	char **names = NULL;
	size_t n = 0, cap = 0, dlen = strlen(dir);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!load_is_chart_name(e->d_name))
			continue;
		void *v = names;
		size_t len = dlen + strlen(e->d_name) + 2;
		if (grow(&v, &cap, n, sizeof *names) < 0 || !((names = v), (names[n] = malloc(len)))) {
			closedir(d);
			load_free_list(names, (long)n);
			errno = ENOMEM;
			return -1;
		}
		snprintf(names[n++], len, dir[dlen - 1] == '/' ? "%s%s" : "%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	*paths = names;
	return (long)n;
}

/* Adds the charts of a directory. Returns -1 when out of memory, else 0
 * with *why set when nothing could be added. */
static int add_dir(struct chart *c, const char *dir, dev_t **sd, ino_t **si, const char **why)
{
	char **names;
	long n = load_list_dir(dir, &names);
	*why = NULL;
	if (n < 0) {
		if (errno == ENOMEM)
			return -1;
		*why = strerror(errno);
		return 0;
	}
	int r = 0;
	size_t added = 0;
	for (long i = 0; i < n && r == 0; i++) {
		struct stat st;
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
			r = add_file(c, names[i], &st, sd, si);
			added++;
		}
	}
	load_free_list(names, n);
	if (r == 0 && !added)
		*why = "no *.yaml or *.yml files in this directory";
	return r;
}

int load_chart(struct chart *c, const char *const *paths, size_t npaths,
	       const struct load_limits *lim, const struct chart *prev)
{
	struct loader L = {.c = c, .lim = lim ? lim : &load_default_limits};
	dev_t *sd = NULL;
	ino_t *si = NULL;
	int r = 0;
	for (size_t i = 0; r == 0 && !L.oom && i < npaths; i++) {
		struct stat st;
		size_t before = c->nfiles;
		int found = stat(paths[i], &st) == 0;
		if (found && S_ISDIR(st.st_mode)) {
			const char *why;
			r = add_dir(c, paths[i], &sd, &si, &why);
			if (r == 0 && why) { /* the directory stands for its files in the message */
				r = add_file(c, paths[i], NULL, &sd, &si);
				if (r == 0)
					diag_add(&c->diags, DIAG_ERROR, (uint32_t)before, 0, 0, "%s", why);
				continue;
			}
		} else {
			r = add_file(c, paths[i], found ? &st : NULL, &sd, &si);
		}
		for (size_t f = before; r == 0 && !L.oom && f < c->nfiles; f++) {
			long pf;
			if (!load_file(&L, (uint32_t)f) && (pf = previous_file(prev, c->files[f].path)) >= 0)
				r = transplant(c, (uint32_t)f, prev, (uint32_t)pf);
		}
	}
	free(sd);
	free(si);
	free(L.buf);
	if (L.oom)
		r = -1;
	if (r == 0)
		r = ids_assign(c);
	diag_sort(&c->diags);
	return r;
}
