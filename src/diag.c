#include "config.h"
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pool.h"
#include "text.h"

void diag_add(struct diags *d, enum severity sev, uint32_t file, uint32_t line,
	      uint32_t col, const char *fmt, ...)
{
	if (sev == DIAG_ERROR)
		d->errors++;
	else if (sev == DIAG_WARNING)
		d->warnings++;
	fmt = gettext(fmt); /* callers write English; xgettext knows diag_add */
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL, small[512], *raw = small;
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof small && (raw = malloc((size_t)n + 1))) {
		va_start(ap, fmt);
		vsnprintf(raw, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	/* A message quotes what files, git and the command line said, and is
	 * shown on terminals and in logs: neutralised here, once for every way
	 * it is shown (docs/SECURITY.md). Quotes from chart files were made
	 * safe already; doing it again changes nothing in them. */
	if (n >= 0 && raw && (msg = malloc(TEXT_SANITIZE_MAX((size_t)n)))) {
		unsigned changed;
		text_sanitize(raw, (size_t)n, msg, TEXT_LINE, &changed);
	}
	if (raw != small)
		free(raw);
	void *v = d->v;
	if (!msg || grow(&v, &d->cap, d->n, sizeof *d->v) < 0) {
		free(msg);
		d->oom = 1;
		return;
	}
	d->v = v;
	d->v[d->n] = (struct diag){sev, file, line, col, (uint32_t)d->n, UINT32_MAX, 0, msg};
	d->n++;
	/* cppcheck loses msg in the compound literal: the diagnostic owns it
	 * (diag_free frees it). */
	/* cppcheck-suppress memleak */
}

void diag_about(struct diags *d, size_t mark, int kind, uint32_t item)
{
	for (size_t i = mark; i < d->n; i++) {
		d->v[i].kind = (uint8_t)kind;
		d->v[i].item = item;
	}
}

static void uncount(struct diags *d, const struct diag *g)
{
	if (g->severity == DIAG_ERROR)
		d->errors--;
	else if (g->severity == DIAG_WARNING)
		d->warnings--;
}

void diag_drop_items(struct diags *d, size_t mark)
{
	size_t n = mark;
	for (size_t i = mark; i < d->n; i++) {
		if (d->v[i].item == UINT32_MAX) {
			d->v[n++] = d->v[i];
			continue;
		}
		uncount(d, &d->v[i]);
		free(d->v[i].msg);
	}
	d->n = n;
}

void diag_truncate(struct diags *d, size_t mark)
{
	while (d->n > mark) {
		struct diag *g = &d->v[--d->n];
		uncount(d, g);
		free(g->msg);
	}
}

static int cmp(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	/* A file-wide note sums up the file, so it goes after the file's lines. */
	uint32_t la = a->line || a->severity != DIAG_NOTE ? a->line : UINT32_MAX;
	uint32_t lb = b->line || b->severity != DIAG_NOTE ? b->line : UINT32_MAX;
	if (la != lb)
		return la < lb ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq; /* qsort is not stable */
}

void diag_sort(struct diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof *d->v, cmp);
}

const char *diag_severity(enum severity s)
{
	/* Translated like the messages they head: gcc writes 错误 too. */
	static const char *const names[] = {N_("note"), N_("warning"), N_("error")};
	return _(names[s]);
}

/* qsort has no context argument; a baseline loads in a thread of its own */
static _Thread_local const struct diags *index_of;

static int by_item(const void *pa, const void *pb)
{
	const struct diag *a = &index_of->v[*(const uint32_t *)pa], *b = &index_of->v[*(const uint32_t *)pb];
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->item != b->item)
		return a->item < b->item ? -1 : 1;
	return *(const uint32_t *)pa < *(const uint32_t *)pb ? -1 : 1; /* file order */
}

int diag_index(struct diags *d)
{
	free(d->by_item);
	d->by_item = NULL;
	d->nby = 0;
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->v[i].item != UINT32_MAX;
	if (!n)
		return 0;
	if (!(d->by_item = malloc(n * sizeof *d->by_item)))
		return -1;
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].item != UINT32_MAX)
			d->by_item[d->nby++] = (uint32_t)i;
	index_of = d;
	qsort(d->by_item, d->nby, sizeof *d->by_item, by_item);
	index_of = NULL;
	return 0;
}

size_t diag_of_item(const struct diags *d, int kind, uint32_t item, size_t *first)
{
	size_t lo = 0, hi = d->nby; /* the first not before (kind, item) */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct diag *g = &d->v[d->by_item[mid]];
		if (g->kind < kind || (g->kind == kind && g->item < item))
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t n = 0;
	while (lo + n < d->nby && d->v[d->by_item[lo + n]].kind == kind && d->v[d->by_item[lo + n]].item == item)
		n++;
	*first = lo;
	return n;
}

void diag_format(const struct diag *g, const char *path, int severity, char *buf, size_t cap)
{
	char where[48] = "";
	if (g->line)
		snprintf(where, sizeof where, ":%u:%u", (unsigned)g->line, (unsigned)g->col);
	size_t n = (size_t)snprintf(buf, cap, "%s%s: %s%s%s", path, where, severity ? diag_severity(g->severity) : "",
				    severity ? ": " : "", g->msg);
	if (n >= cap) /* cut: not inside a character */
		for (n = cap - 1; n > 0 && ((unsigned char)buf[n] & 0xc0) == 0x80; n--)
			buf[n] = '\0';
}

void diag_print(FILE *out, const struct diag *g, const char *path)
{
	const char *sev = diag_severity(g->severity);
	if (g->line)
		fprintf(out, "%s:%u:%u: %s: %s\n", path, (unsigned)g->line, (unsigned)g->col,
			sev, g->msg);
	else
		fprintf(out, "%s: %s: %s\n", path, sev, g->msg);
}

void diag_free(struct diags *d)
{
	diag_truncate(d, 0);
	free(d->by_item);
	free(d->v);
	memset(d, 0, sizeof *d);
}
