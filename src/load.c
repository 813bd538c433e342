#include "config.h"
#include "load.h"

#include <errno.h>
#include <time.h>

#include "carry.h"
#include "files.h"
#include "graft.h"
#include "ids.h"
#include "schema.h"

/* Where the chart ended before a file was read. */
struct mark {
	size_t count[KIND_COUNT];
	size_t dates;
	struct pool_mark str;
};

/* Reads file f once. Returns 1 when it was read without a fatal error. */
static int read_once(struct reader *r, struct chart *c, uint32_t f, const struct load_opts *opts,
		     struct file_id *id)
{
	const struct source *src = opts->source;
	FILE *fp = src ? src->open(c, f, src->arg) : files_open(c, f, id);
	if (!fp) {
		if (!src && errno == ENOMEM) /* not the file's fault: the whole load fails */
			r->oom = 1;
		return 0;
	}
	int ok = reader_open(r, fp, f, &c->str, &c->diags, opts) == 0 && schema_read(r, c) == 0;
	reader_close(r);
	if (src)
		src->close(fp, src->arg);
	else
		fclose(fp);
	return ok;
}

/* Reads a file until it holds still: an editor saving it or a checkout
 * replacing it while it is read would otherwise give half a chart. A file
 * that fails, or changes, adds nothing: there are no half charts. */
static int load_file(struct reader *r, struct chart *c, uint32_t f, const struct load_opts *opts)
{
	struct mark m = {.dates = c->dates.n, .str = pool_mark(&c->str)};
	for (int k = 0; k < KIND_COUNT; k++)
		m.count[k] = chart_count(c, (enum kind)k);
	int ok = 0;
	struct file_id before = {0}, after = {0};
	for (int tries = 0;; tries++) {
		size_t diags_at = c->diags.n;
		ok = read_once(r, c, f, opts, &before);
		if (opts->after_read)
			opts->after_read(c->files[f].path, opts->after_read_arg);
		if (!opts->source) /* what git holds does not change */
			files_identify(c->files[f].path, &after);
		int changed = !opts->source && before.exists && !r->oom && !files_same(&before, &after);
		if (!ok || changed) {
			chart_truncate(c, m.count, m.dates);
			pool_truncate(&c->str, m.str);
			reader_forget(r);
			c->files[f].title = STR_NONE;
			/* Its items are gone: what was said of them goes too, so no
			 * problem is ever shown on an item of another file. The file's
			 * own errors (the one that stopped it) and the notes stay. */
			diag_drop_items(&c->diags, diags_at);
		}
		if (!changed)
			break;
		/* It changed under us: forget this reading and try again. */
		diag_truncate(&c->diags, diags_at);
		if (tries == 4) {
			diag_add(&c->diags, DIAG_ERROR, f, 0, 0, "the file kept changing while it was read");
			ok = 0;
			break;
		}
		nanosleep(&(struct timespec){0, 50L * 1000 * 1000}, NULL);
	}
	struct chart_file *cf = &c->files[f];
	cf->loaded = ok;
	cf->seen = before;
	for (int k = 0; k < KIND_COUNT; k++)
		cf->items[k] = (struct range){(uint32_t)m.count[k], (uint32_t)chart_count(c, (enum kind)k)};
	return ok;
}

int load_chart(struct chart *c, const char *const *paths, size_t npaths,
	       const struct load_opts *opts, const struct chart *prev)
{
	struct reader r = {0};
	if (!opts)
		opts = &load_defaults;
	int res = opts->source ? opts->source->add(c, paths, npaths, opts->source->arg)
			       : files_add(c, paths, npaths);
	for (size_t f = 0; res == 0 && !r.oom && f < c->nfiles; f++) {
		if (opts->cancel && atomic_load(opts->cancel))
			break;
		long pf;
		if (c->files[f].placeholder) /* no items, where they would start: see item_file */
			for (int k = 0; k < KIND_COUNT; k++)
				c->files[f].items[k].first = c->files[f].items[k].end =
					(uint32_t)chart_count(c, (enum kind)k);
		else if (!load_file(&r, c, (uint32_t)f, opts) && (pf = carry_source(prev, c->files[f].path)) >= 0)
			res = carry_file(c, (uint32_t)f, prev, (uint32_t)pf);
	}
	reader_free(&r);
	if (r.oom)
		res = -1;
	if (res == 0) /* before ids: a placed zone's siblings are its parent's */
		res = graft_place(c);
	if (res == 0)
		res = ids_assign(c);
	diag_sort(&c->diags);
	if (diag_index(&c->diags) < 0)
		res = -1;
	return res;
}
