/* libFuzzer target: one chart file, from the bytes given, through the whole
 * pipeline the user sees: load -> model -> summary -> every view drawn into
 * the cell grid with its header and footer, and written as text (the log's
 * and --print's back end), at two widths and either frame, picked by the
 * input. A few moving keys are pressed in each view so the cursor, folds
 * and zoom are drawn too.
 * Output goes to /dev/null: the fuzzer looks for crashes, leaks and
 * undefined behaviour, not for what is written. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bars.h"
#include "files.h"
#include "load.h"
#include "report.h"
#include "summary.h"
#include "timeline.h"
#include "ui.h"
#include "view.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as the only file of the chart, read through the loader's
 * `struct source` so nothing touches the file system. */
struct mem {
	char *buf;
	size_t len;
};

static int mem_add(struct chart *c, const char *const *paths, size_t n, void *arg)
{
	(void)arg;
	for (size_t i = 0; i < n; i++)
		if (files_append(c, paths[i], paths[i], (uint32_t)i) < 0)
			return -1;
	return 0;
}

static FILE *mem_open(struct chart *c, uint32_t f, void *arg)
{
	struct mem *m = arg;
	/* fmemopen refuses an empty buffer on some C libraries: read an empty
	 * file as one that holds nothing but a newline would be a different
	 * input, so say it could not be opened, as a source must. */
	FILE *fp = m->len ? fmemopen(m->buf, m->len, "r") : NULL;
	if (!fp)
		diag_add(&c->diags, DIAG_ERROR, f, 0, 0, "empty input");
	return fp;
}

static void mem_close(FILE *fp, void *arg)
{
	(void)arg;
	fclose(fp);
}

static FILE *devnull;

/* The keys pressed in every view between drawings: moves, the last row,
 * a fold, the timeline's zoom. Not H (git), e (an editor) or r (a reload). */
static const enum action keys[] = {ACT_DOWN, ACT_RIGHT, ACT_LAST, ACT_TOGGLE, ACT_EXPAND,
				   ACT_PAGE_UP, ACT_LEFT, ACT_COLLAPSE, ACT_SORT, ACT_FILTER};

static void draw_view(const struct view_ops *v, void *st, struct app *a, int w, int h)
{
	struct grid g = {0};
	if (grid_init(&g, w, h) < 0)
		return;
	bars_header(&g, a);
	v->draw(st, a, &g, 1, h - 2);
	bars_bottom(&g, a, v, 1, NULL, 0);
	grid_write(&g, h, devnull, 1);
	grid_free(&g);
}

/* The widths drawn at: one narrow (where cutting and dropping columns
 * happen), one wide, both picked by the input's hash so that a long run
 * covers every width without drawing each input at many (drawing is most
 * of a run's time). */
static void views_all(struct chart *c, struct summary *s, day_t today, uint32_t h)
{
	const int widths[2] = {20 + (int)(h % 30), 50 + (int)((h >> 8) % 151)};
	struct ui_opts uo = {.today = today, .soon = 14, .view = "browse"};
	for (int wi = 0; wi < 2; wi++) {
		int ascii = (h >> (16 + wi)) & 1, color = (h >> (18 + wi)) & 1;
		struct app a = {.o = &uo, .f = ascii ? &frame_ascii : &frame_box, .c = c, .s = s,
				.today = today, .loaded = 1700000000};
		app_loaded(&a);
		for (int i = 0; views[i]; i++) {
			/* The changes view needs a baseline, which one input does
			 * not give: it is the status view's report with another part.
			 * The help text is the same for every chart, and it is laid
			 * out by growing a grid row by row: it cost most of a run's
			 * time and found nothing new. */
			if (!strcmp(views[i]->name, "changes") || !strcmp(views[i]->name, "help"))
				continue;
			void *st = views[i]->create(&a, NULL, NULL);
			if (!st)
				continue;
			int w = widths[wi], rows = 4 + w / 5;
			draw_view(views[i], st, &a, w, rows);
			/* Drawing after every key would cost most of the time of a
			 * run: keys move one row, the draw after them shows where
			 * they led. */
			for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
				views[i]->key(st, &a, keys[(k + h) % (sizeof keys / sizeof *keys)], rows - 3);
			draw_view(views[i], st, &a, w, rows);
			if (views[i]->log)
				views[i]->log(st, &a, devnull, w);
			views[i]->destroy(st);
		}
		if (a.idx) {
			search_index_free(a.idx);
			free(a.idx);
		}
		/* --print: the status, targets and timeline views as text */
		for (unsigned parts = 0; parts < 2; parts++) {
			struct report l;
			struct report_opts so = {.ascii = ascii, .loaded = 1700000000,
						 .parts = parts ? 1u << PART_TARGETS : 0};
			if (report_layout(&l, c, s, &so, widths[wi]) == 0)
				report_write(devnull, &l, color);
			report_free(&l);
		}
		struct timeline_opts to = {.ascii = ascii, .zoom = ZOOM_MONTH};
		timeline_write(devnull, c, s, &to, widths[wi], color);
	}
}

/* FNV-1a */
static uint32_t hash(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!devnull && !(devnull = fopen("/dev/null", "w")))
		abort();
	struct mem m = {malloc(size ? size : 1), size};
	if (!m.buf)
		return 0;
	memcpy(m.buf, data, size);
	const day_t today = date_from_ymd(2023, 3, 1);
	struct source src = {mem_add, mem_open, mem_close, &m};
	struct load_opts lo = load_defaults;
	lo.source = &src;
	lo.today = today;
	const char *path = "fuzz.yaml";
	struct chart c;
	if (chart_init(&c) == 0) {
		struct summary s;
		if (load_chart(&c, &path, 1, &lo, NULL) == 0 &&
		    summary_build(&s, &c, today, 14, NULL) == 0) {
			views_all(&c, &s, today, hash(data, size));
			summary_free(&s);
		}
		chart_free(&c);
	}
	free(m.buf);
	return 0;
}
