#include "config.h"
#include "reader.h"

#include "i18n.h"
#include "number.h"
#include "slips.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const struct load_opts load_defaults = {
	.max_file = 256u << 20,
	.max_scalar = 64u << 10,
	.max_depth = 64, /* the format needs about 2 levels per zone level */
	.max_diags = 1000,
	.today = DAY_NONE,
};

static int read_cb(void *data, unsigned char *buf, size_t size, size_t *got)
{
	struct reader *r = data;
	if (r->opts->cancel && atomic_load(r->opts->cancel)) { /* a read error ends the file */
		*got = 0;
		return 0;
	}
	*got = fread(buf, 1, size, r->fp);
	r->nread += *got;
	if (r->nread > r->opts->max_file) {
		r->too_big = 1;
		return 0;
	}
	return !ferror(r->fp);
}

int reader_open(struct reader *r, FILE *fp, uint32_t file, struct pool *pool,
		struct diags *diags, const struct load_opts *opts)
{
	r->fp = fp;
	r->file = file;
	r->pool = pool;
	r->diags = diags;
	r->opts = opts;
	r->kind = 0;
	r->item = UINT32_MAX;
	r->have_ev = r->depth = r->fatal = r->too_big = 0;
	r->nread = r->diags_dropped = r->aliases = 0;
	r->diags_at_start = diags->n;
	if (!yaml_parser_initialize(&r->parser)) {
		r->oom = 1;
		return -1;
	}
	yaml_parser_set_input(&r->parser, read_cb, r);
	return 0;
}

/* Looks at the lines the file's errors name, and the line before each, for
 * what an input method typed where YAML wanted ASCII; a note names it. */
static void hint_slips(struct reader *r)
{
	uint32_t want[64], last = 0;
	size_t n = 0;
	for (size_t i = r->diags_at_start; i < r->diags->n && n + 2 <= 64; i++) {
		const struct diag *d = &r->diags->v[i];
		if (d->severity != DIAG_ERROR || !d->line)
			continue;
		/* libyaml often reports the line after the cause */
		want[n++] = d->line;
		if (d->line > 1)
			want[n++] = d->line - 1;
		if (d->line > last)
			last = d->line;
	}
	if (!n || fseek(r->fp, 0, SEEK_SET) != 0)
		return;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	uint32_t number = 0;
	size_t hinted = 0;
	while (number < last && hinted < 8 && (len = getline(&line, &cap, r->fp)) >= 0) {
		number++;
		int wanted = 0;
		for (size_t i = 0; i < n && !wanted; i++)
			wanted = want[i] == number;
		if (!wanted)
			continue;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		struct slip s;
		/* Only valid UTF-8 reaches here: libyaml read the file already. */
		int said = 0; /* a key that held it may have said so already */
		for (size_t i = r->diags_at_start; i < r->diags->n && !said; i++)
			said = r->diags->v[i].severity == DIAG_NOTE && r->diags->v[i].line == number;
		if (!said && slip_scan(line, (size_t)len, &s)) {
			diag_add(r->diags, DIAG_NOTE, r->file, number, s.col, "%s", s.msg);
			hinted++;
		}
	}
	free(line);
}

void reader_close(struct reader *r)
{
	if (!r->too_big && r->diags->errors)
		hint_slips(r);
	if (r->have_ev)
		yaml_event_delete(&r->ev);
	r->have_ev = 0;
	yaml_parser_delete(&r->parser);
	if (r->aliases > 1)
		diag_add(r->diags, DIAG_NOTE, r->file, 0, 0, "%zu more aliases not read", r->aliases - 1);
	if (r->diags_dropped)
		diag_add(r->diags, DIAG_NOTE, r->file, 0, 0, "%zu more diagnostics not shown",
			 r->diags_dropped);
}

void reader_free(struct reader *r)
{
	free(r->buf);
	r->buf = NULL;
	r->buf_cap = 0;
}

void reader_forget(struct reader *r)
{
	memset(r->date_seen, 0, sizeof r->date_seen); /* numbers are given out again */
	memset(r->status_seen, 0, sizeof r->status_seen);
	memset(r->number_seen, 0, sizeof r->number_seen);
	memset(r->seen, 0, sizeof r->seen);
}

/* ---- diagnostics ---------------------------------------------------- */

static void vreport(struct reader *r, enum severity sev, uint32_t line, uint32_t col,
		    const char *fmt, va_list ap)
{
	struct diags *d = r->diags;
	/* A hostile file could say a million things: past max_diags, warnings
	 * are only counted; errors, which mean something was not read, are kept
	 * up to ten times as many. */
	size_t said = d->n - r->diags_at_start;
	if (said >= r->opts->max_diags * (sev == DIAG_ERROR ? 10 : 1)) {
		if (sev == DIAG_ERROR)
			d->errors++;
		else
			d->warnings++;
		r->diags_dropped++;
		return;
	}
	char msg[512];
	vsnprintf(msg, sizeof msg, gettext(fmt), ap); /* xgettext knows rd_report */
	size_t mark = d->n;
	diag_add(d, sev, r->file, line, col, "%s", msg);
	if (r->item != UINT32_MAX)
		diag_about(d, mark, r->kind, r->item);
}

void rd_report(struct reader *r, enum severity sev, const yaml_mark_t *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(r, sev, (uint32_t)m->line + 1, (uint32_t)m->column + 1, fmt, ap);
	va_end(ap);
}

const char *rd_quote(const char *s, size_t len, char out[static RD_QUOTE_MAX])
{
	char tmp[TEXT_SANITIZE_MAX(RD_QUOTE_MAX)];
	unsigned changed;
	if (len > RD_QUOTE_MAX)
		len = RD_QUOTE_MAX;
	size_t n = text_sanitize(s, len, tmp, TEXT_LINE, &changed);
	text_excerpt(tmp, n, RD_QUOTE_CHARS, out);
	return out;
}

/* ---- events --------------------------------------------------------- */

static const char *problem_hint(const char *problem)
{
	if (strstr(problem, "UTF-8") || strstr(problem, "octet"))
		return _(" (guatu reads UTF-8 only: is the file GBK or binary?)");
	return "";
}

/* Turns a reader error's byte offset into a line and column by reading the
 * file again, since libyaml reports such errors at 1:1. */
static void offset_mark(struct reader *r, size_t offset, yaml_mark_t *m)
{
	m->line = 0;
	m->column = 0;
	rewind(r->fp);
	for (size_t i = 0; i < offset; i++) {
		int ch = getc(r->fp);
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

void rd_report_file(struct reader *r, enum severity sev, const yaml_mark_t *m, const char *fmt, ...)
{
	uint32_t item = r->item;
	va_list ap;
	r->item = UINT32_MAX;
	va_start(ap, fmt);
	vreport(r, sev, (uint32_t)m->line + 1, (uint32_t)m->column + 1, fmt, ap);
	va_end(ap);
	r->item = item;
}

static void __attribute__((noinline)) yaml_failed(struct reader *r)
{
	yaml_parser_t *p = &r->parser;
	yaml_mark_t m = p->problem_mark;
	const char *problem = p->problem ? p->problem : _("unknown problem");
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		r->oom = 1;
		break;
	case YAML_READER_ERROR:
		if (r->too_big) {
			m.line = m.column = 0;
			rd_report_file(r, DIAG_ERROR, &m, "file is larger than %zu MiB", r->opts->max_file >> 20);
			break;
		}
		offset_mark(r, p->problem_offset, &m);
		if (p->problem_value != -1)
			rd_report_file(r, DIAG_ERROR, &m, "cannot read the file: %s (byte #%X)%s", problem,
				  (unsigned)p->problem_value, problem_hint(problem));
		else
			rd_report_file(r, DIAG_ERROR, &m, "cannot read the file: %s%s", problem,
				  problem_hint(problem));
		break;
	default:
		if (p->context)
			rd_report_file(r, DIAG_ERROR, &m, "YAML syntax: %s %s (line %zu)", problem,
				  p->context, p->context_mark.line + 1);
		else
			rd_report_file(r, DIAG_ERROR, &m, "YAML syntax: %s", problem);
		break;
	}
	r->fatal = 1;
}

/* What rd_next does for events other than scalars: depth and aliases. */
static int __attribute__((noinline)) structure(struct reader *r)
{
	switch (r->ev.type) {
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		/* libyaml has no nesting limit and slows down with depth: stop early. */
		if (++r->depth > r->opts->max_depth) {
			rd_report_file(r, DIAG_ERROR, &r->ev.start_mark, "nesting is deeper than %d levels", r->opts->max_depth);
			r->fatal = 1;
			return -1;
		}
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		r->depth--;
		break;
	case YAML_ALIAS_EVENT: {
		/* Never expanded, so no alias bomb costs anything; the value is
		 * skipped like any bad value. One error says it; a note counts the rest. */
		char q[RD_QUOTE_MAX];
		const char *a = (const char *)r->ev.data.alias.anchor;
		if (r->aliases++ == 0)
			rd_report(r, DIAG_ERROR, &r->ev.start_mark,
				  "aliases are not supported: write out what '*%s' stands for",
				  rd_quote(a, strlen(a), q));
		break;
	}
	default:
		break;
	}
	return 0;
}

int rd_next(struct reader *r)
{
	/* Every event of every file comes here: the common path is short. */
	if (r->have_ev) {
		yaml_event_delete(&r->ev);
		r->have_ev = 0;
	}
	if (r->fatal)
		return -1;
	if (!yaml_parser_parse(&r->parser, &r->ev)) {
		yaml_failed(r);
		return -1;
	}
	r->have_ev = 1;
	return r->ev.type == YAML_SCALAR_EVENT ? 0 : structure(r);
}

int rd_is_start(const struct reader *r)
{
	return r->ev.type == YAML_SEQUENCE_START_EVENT || r->ev.type == YAML_MAPPING_START_EVENT;
}

int rd_skip(struct reader *r)
{
	if (!rd_is_start(r))
		return 0;
	for (int level = 1; level > 0;) {
		if (rd_next(r) < 0)
			return -1;
		if (rd_is_start(r))
			level++;
		else if (r->ev.type == YAML_SEQUENCE_END_EVENT || r->ev.type == YAML_MAPPING_END_EVENT)
			level--;
	}
	return 0;
}

const char *rd_node_kind(const struct reader *r)
{
	switch (r->ev.type) {
	case YAML_SEQUENCE_START_EVENT: return _("a list");
	case YAML_MAPPING_START_EVENT: return _("a mapping");
	default: return _("text");
	}
}

int rd_is_null(const struct reader *r)
{
	if (r->ev.type != YAML_SCALAR_EVENT || r->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	const char *v = (const char *)r->ev.data.scalar.value;
	size_t n = r->ev.data.scalar.length;
	return n == 0 || (n == 1 && *v == '~') ||
	       (n == 4 && (!memcmp(v, "null", 4) || !memcmp(v, "Null", 4) || !memcmp(v, "NULL", 4)));
}

/* ---- values --------------------------------------------------------- */

int rd_text(struct reader *r, const char *key, enum text_mode mode, str_t *out)
{
	*out = STR_NONE;
	r->len = 0;
	if (r->ev.type == YAML_ALIAS_EVENT)
		return 1;
	if (r->ev.type != YAML_SCALAR_EVENT) {
		rd_report(r, DIAG_ERROR, &r->ev.start_mark, "'%s' must be text, not %s", key,
			  rd_node_kind(r));
		return rd_skip(r) < 0 ? -1 : 1;
	}
	if (rd_is_null(r))
		return 0;
	size_t n = r->ev.data.scalar.length; /* not strlen: "\0" is a valid escape */
	if (n > r->opts->max_scalar) {
		rd_report(r, DIAG_ERROR, &r->ev.start_mark, "'%s' is longer than %zu bytes", key,
			  r->opts->max_scalar);
		return 1;
	}
	if (TEXT_SANITIZE_MAX(n) > r->buf_cap) {
		char *b = realloc(r->buf, TEXT_SANITIZE_MAX(n));
		if (!b) {
			r->oom = r->fatal = 1;
			return -1;
		}
		r->buf = b;
		r->buf_cap = TEXT_SANITIZE_MAX(n);
	}
	/* Charts repeat texts (milestone names, dates, statuses, owners): a
	 * text read before, which sanitising left as it was, is its number
	 * again, with neither sanitising nor a search of the pool. */
	const char *raw = (const char *)r->ev.data.scalar.value;
	uint32_t h = pool_hash(raw, n);
	struct seen_text *seen = &r->seen[h % RD_SEEN];
	if (seen->hash == h && seen->mode == mode && seen->s != STR_NONE && pool_len(r->pool, seen->s) == n &&
	    !memcmp(pool_str(r->pool, seen->s), raw, n)) {
		memcpy(r->buf, raw, n);
		r->buf[n] = '\0';
		r->len = n;
		*out = seen->s;
		return 0;
	}
	unsigned changed;
	r->len = text_sanitize(raw, n, r->buf, mode, &changed);
	int same = !changed && r->len == n && !memcmp(r->buf, raw, n);
	if (changed & TEXT_REPLACED)
		rd_report(r, DIAG_WARNING, &r->ev.start_mark,
			  "'%s' holds control or unprintable characters; shown as U+FFFD", key);
	if (changed & TEXT_DROPPED)
		rd_report(r, DIAG_WARNING, &r->ev.start_mark,
			  "'%s' holds invisible format characters (zero-width, bidi); removed", key);
	int oom = 0;
	*out = same ? pool_intern_hashed(r->pool, r->buf, r->len, h, &oom)
		    : pool_intern(r->pool, r->buf, r->len, &oom);
	if (oom) {
		r->oom = r->fatal = 1;
		return -1;
	}
	if (same)
		*seen = (struct seen_text){h, *out, mode};
	return 0;
}

int rd_date(struct reader *r, const char *key, str_t *written, struct span *sp)
{
	yaml_mark_t m = r->ev.start_mark;
	int res = rd_text(r, key, TEXT_LINE, written);
	if (res != 0 || *written == STR_NONE)
		return res;
	const char *why;
	size_t k = *written % 256;
	if (r->date_seen[k] == *written) {
		*sp = r->date_span[k];
		return 0;
	}
	if (date_parse(r->buf, r->len, sp, &why) == 0) {
		r->date_seen[k] = *written;
		r->date_span[k] = *sp;
		return 0;
	}
	char q[RD_QUOTE_MAX];
	rd_report(r, DIAG_ERROR, &m, "'%s' is not a date: '%s': %s", key, rd_quote(r->buf, r->len, q), why);
	return 1;
}

int rd_number(struct reader *r, const char *key, double *out)
{
	yaml_mark_t m = r->ev.start_mark;
	str_t s;
	int res = rd_text(r, key, TEXT_LINE, &s);
	if (res != 0 || s == STR_NONE)
		return res;
	size_t k = s % 64;
	if (r->number_seen[k] == s) { /* figures repeat too: only good ones are kept */
		*out = r->number_is[k];
		return 0;
	}
	double v = 0;
	char q[RD_QUOTE_MAX];
	switch (number_parse(r->buf, r->len, &v)) {
	case NUMBER_OK:
		if (v < 0) {
			rd_report(r, DIAG_ERROR, &m, "'%s' must not be negative", key);
			return 1;
		}
		r->number_seen[k] = s;
		r->number_is[k] = v;
		*out = v;
		return 0;
	case NUMBER_INFINITE:
		rd_report(r, DIAG_ERROR, &m, "'%s' must be a finite number, not '%s'", key,
			  rd_quote(r->buf, r->len, q));
		return 1;
	case NUMBER_RANGE:
		rd_report(r, DIAG_ERROR, &m, "'%s' is out of range: '%s'", key, rd_quote(r->buf, r->len, q));
		return 1;
	default:
		rd_report(r, DIAG_ERROR, &m, "'%s' must be a number, not '%s'", key,
			  rd_quote(r->buf, r->len, q));
		return 1;
	}
}

int rd_bool(struct reader *r, const char *key, int *out)
{
	yaml_mark_t m = r->ev.start_mark;
	str_t s;
	int res = rd_text(r, key, TEXT_LINE, &s);
	if (res != 0 || s == STR_NONE)
		return res;
	static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES"};
	static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO"};
	for (size_t i = 0; i < 6; i++) {
		if (!strcmp(r->buf, yes[i]))
			return *out = 1, 0;
		if (!strcmp(r->buf, no[i]))
			return *out = 0, 0;
	}
	char q[RD_QUOTE_MAX];
	rd_report(r, DIAG_ERROR, &m, "'%s' must be true or false, not '%s'", key,
		  rd_quote(r->buf, r->len, q));
	return 1;
}
