#include "config.h"
#include "app.h"
#include "i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

void app_say(struct app *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, gettext(fmt), ap); /* xgettext knows app_say */
	va_end(ap);
}

const struct search_index *app_index(struct app *a)
{
	if (a->idx || a->indexing)
		return a->idx;
	struct search_index *x = malloc(sizeof *x);
	if (!x || search_index_build(x, &a->c->str) < 0) {
		free(x);
		return NULL;
	}
	return a->idx = x;
}

int app_enabled(const struct app *a, enum action act)
{
	return !(act == ACT_EDIT && a->o->readonly);
}

void app_loaded(struct app *a)
{
	struct tm tm;
	localtime_r(&a->loaded, &tm);
	size_t files = a->c->nfiles - a->c->nbase;
	/* TRANSLATORS: the bottom line's right end: when the chart was loaded, from how many files */
	snprintf(a->right, sizeof a->right, ngettext("loaded %02d:%02d:%02d · %zu file", "loaded %02d:%02d:%02d · %zu files", files),
		 tm.tm_hour, tm.tm_min, tm.tm_sec, files);
	/* A file that failed: say so first, then which file, where and why
	 * (its last error, the one that stopped the reading), how many more
	 * failed. E lists all. */
	a->alert[0] = '\0';
	const struct diag *fatal = NULL;
	size_t failed = 0;
	for (size_t i = 0; i < a->c->nfiles; i++)
		failed += !a->c->files[i].loaded && !a->c->files[i].placeholder;
	for (size_t i = 0; i < a->c->diags.n; i++) {
		const struct diag *d = &a->c->diags.v[i];
		int own = d->file < a->c->nfiles - a->c->nbase; /* the baseline's say so in the header */
		if (d->severity == DIAG_ERROR && own && !a->c->files[d->file].loaded &&
		    (!fatal || d->file == fatal->file))
			fatal = d;
	}
	if (fatal) {
		const struct chart_file *f = &a->c->files[fatal->file];
		const char *slash = strrchr(f->shown, '/'), *base = slash && slash[1] ? slash + 1 : f->shown;
		char what[300], more[96] = ""; /* both fit in a->alert whole */
		diag_format(fatal, base, 0, what, sizeof what);
		if (failed > 1)
			/* TRANSLATORS: how many files failed to load, after "not loaded" */
			snprintf(more, sizeof more, ngettext(" (%zu file in all)", " (%zu files in all)", failed), failed);
		/* TRANSLATORS: the bottom line when a file failed: what is shown, how many
		 * files, file:line:col and why; E lists every diagnostic */
		snprintf(a->alert, sizeof a->alert, _("! %s%s · %s (E lists all)"),
			 f->stale ? _("older data shown") : _("not loaded"), more, what);
	}
}
