#include "config.h"
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"

void diag_add(struct diags *d, enum severity sev, uint32_t file, uint32_t line,
	      uint32_t col, const char *fmt, ...)
{
	if (sev == DIAG_ERROR)
		d->errors++;
	else if (sev == DIAG_WARNING)
		d->warnings++;
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && (msg = malloc((size_t)n + 1))) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	void *v = d->v;
	if (!msg || grow(&v, &d->cap, d->n, sizeof *d->v) < 0) {
		free(msg);
		d->oom = 1;
		return;
	}
	d->v = v;
	d->v[d->n] = (struct diag){sev, file, line, col, (uint32_t)d->n, UINT32_MAX, 0, msg};
	d->n++;
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
	static const char *const names[] = {"note", "warning", "error"};
	return names[s];
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
	free(d->v);
	memset(d, 0, sizeof *d);
}
