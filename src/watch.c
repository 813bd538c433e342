#include "config.h"
#include "watch.h"

#include <string.h>

#include "files.h"

static unsigned long long mix(unsigned long long h, const void *p, size_t n)
{
	for (size_t i = 0; i < n; i++) /* FNV-1a, 64 bits */
		/* p is a path (a string the analyser cannot see filled) or an array set whole */
		h = (h ^ ((const unsigned char *)p)[i]) * 1099511628211ull; /* NOLINT(clang-analyzer-core.UndefinedBinaryOperatorResult) */
	return h;
}

enum watch_result watch_look(struct watch *w, const struct chart *c, const char *const *paths, size_t n)
{
	/* The files the paths name now, found as the loader finds them. */
	struct chart now = {0};
	int changed = files_add(&now, paths, n) < 0 || now.nfiles != c->nfiles - c->nbase;
	unsigned long long h = 14695981039346656037ull;
	for (size_t f = 0; f < now.nfiles; f++) {
		struct file_id id = {0};
		if (!now.files[f].placeholder)
			files_identify(now.files[f].path, &id);
		long long v[] = {id.exists, (long long)id.size, (long long)id.ino, (long long)id.mtime.tv_sec,
				 (long long)id.mtime.tv_nsec};
		h = mix(mix(h, now.files[f].path, strlen(now.files[f].path) + 1), v, sizeof v);
		if (!changed)
			changed = strcmp(now.files[f].path, c->files[f].path) ||
				  now.files[f].placeholder != c->files[f].placeholder ||
				  (!now.files[f].placeholder && !files_same(&id, &c->files[f].seen));
	}
	chart_free(&now);
	if (!changed) {
		w->pending = 0;
		return WATCH_SAME;
	}
	if (h == w->pending) {
		w->pending = 0;
		return WATCH_CHANGED;
	}
	w->pending = h;
	return WATCH_CHANGING;
}
