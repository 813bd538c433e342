/* report_write() (rows formatted straight into text, for --print) gives the
 * bytes of drawing every row into a grid and writing it cell by cell, the
 * way the screen and the log do: at every width, with and without colour
 * and --ascii, for texts that are cut, wide, or have marks a cell cannot
 * hold. grid_write() is checked against the same cell-by-cell writer. The
 * column widths summary_build() measures once per load are those a report
 * measuring its own rows finds. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lang.h"
#include "load.h"
#include "report.h"
#include "summary.h"
#include "tap.h"

/* Names that stress the layout: marks past what a cell holds (13 bytes),
 * emoji with a modifier, full-width forms, an ideographic space, a name far
 * wider than any column, text that is all blanks inside. */
static const char chart[] =
	"title: \"报告\\u3000测试 👍🏽 e\\u0301\"\n"
	"zones:\n"
	"  - name: \"一个名字非常非常非常非常非常非常长的经济技术开发区管理委员会\"\n"
	"    owner: \"負責人　王\"\n"
	"    projects:\n"
	"      - name: \"Ｆｕｌｌ－ｗｉｄｔｈ  ＡＳＣＩＩ 项目\"\n"
	"        investment: 12.5\n"
	"        milestones:\n"
	"          - {name: \"e\\u0301\\u0302\\u0303\\u0304\\u0305\\u0306\\u0307\\u0308x\", due: 2023-01-05}\n"
	"          - {name: \"👍🏽👍 a  b \", due: 2023-01-05, owner: 李}\n"
	"          - {name: 很长很长很长很长很长很长很长很长很长很长很长很长很长的节点名称, due: 2023年二季度}\n"
	"          - {name: 签约, due: 2023-03-05}\n"
	"          - {name: ab, due: 2023-03-02}\n"
	"    zones:\n"
	"      - name: 子区\n"
	"        projects:\n"
	"          - name: 深层项目\n"
	"            milestones:\n"
	"              - {name: 验收, due: 2022-12-01}\n"
	"              - {name: 早, due: 2020-12-01, owner: 张}\n"
	"              - {name: 近, due: 2023-02-27}\n"
	"              - {name: \"ｘ\", due: 2023-03-09, status: active}\n"
	"  - name: 二区\n"
	"    targets:\n"
	"      - {name: 产值, unit: 亿元, target: 100, actual: 40, due: 2023-12-31, as_of: 2023-02-01}\n";

/* Writes a grid cell by cell, as grid_write() did before it wrote rows
 * into a buffer: the reference. */
static void sgr(FILE *out, int st)
{
	const struct look *l = &looks[st];
	fputs("\033[0", out);
	if (l->with & LOOK_BOLD)
		fputs(";1", out);
	if (l->with & LOOK_DIM)
		fputs(";2", out);
	if (l->with & LOOK_UNDERLINE)
		fputs(";4", out);
	if (l->with & LOOK_REVERSE)
		fputs(";7", out);
	if (l->fg >= 0)
		fprintf(out, ";3%d", l->fg);
	fputc('m', out);
}

static void cell_by_cell(const struct grid *g, int rows, FILE *out, int color)
{
	for (int y = 0; y < rows; y++) {
		int last = g->w;
		while (last > 0 && !strcmp(grid_at(g, y, last - 1)->s, " ") &&
		       (!color || grid_at(g, y, last - 1)->style == STYLE_NORMAL))
			last--;
		int cur = STYLE_NORMAL;
		for (int x = 0; x < last; x++) {
			const struct cell *c = grid_at(g, y, x);
			if (c->width == 0)
				continue;
			if (color && c->style != cur) {
				sgr(out, c->style);
				cur = c->style;
			}
			fputs(c->s, out);
		}
		if (color && cur != STYLE_NORMAL)
			fputs("\033[0m", out);
		fputc('\n', out);
	}
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	/* the screens' words in zh_CN, from the catalogs make check built */
	setenv("LANGUAGE", "zh_CN", 1);
	lang_init(NULL);
	char path[] = "/tmp/guatu-test-report-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, chart, sizeof chart - 1) != (ssize_t)(sizeof chart - 1))
		return 1;
	close(fd);
	const char *paths[3] = {path, NULL, getenv("DATA") ? getenv("DATA") : "data"};
	char targets[1024];
	snprintf(targets, sizeof targets, "%s/good/targets.yaml", getenv("FIXTURES") ? getenv("FIXTURES") : "tests/fixtures");
	paths[1] = targets;

	int bad = 0, cases = 0, grid_bad = 0, widths_bad = 0, widths_checked = 0;
	for (int which = 0; which < 3; which++) {
		struct chart c;
		struct summary s;
		chart_init(&c);
		load_chart(&c, &paths[which], 1, NULL, NULL);
		ok(c.nmilestones > 0, "chart %d loaded", which);
		if (summary_build(&s, &c, date_from_ymd(2023, 3, 1), 14, NULL) < 0)
			return 1;
		for (int w = 20; w <= 200; w += w < 60 ? 1 : 7)
			for (int mode = 0; mode < 8; mode++) {
				int color = mode & 1, ascii = (mode >> 1) & 1;
				struct report_opts o = {.ascii = ascii, .loaded = 0,
							.parts = mode & 4 ? 1u << PART_TARGETS : 0};
				struct report l;
				if (report_layout(&l, &c, &s, &o, w) < 0)
					return 1;
				if (w == 20 && !color) { /* the widths do not depend on the width */
					struct summary bare = s;
					struct report own;
					bare.widths = NULL;
					if (report_measure(&own, &c, &bare, &o) < 0)
						return 1;
					widths_checked++;
					int differ = !s.widths || l.own_strw || !own.own_strw || own.nparts != l.nparts;
					for (int k = 0; k < l.nparts && !differ; k++) { /* the parts shown */
						int p = l.parts[k];
						differ = memcmp(own.natural[p], l.natural[p], sizeof own.natural[p]) != 0 ||
							 own.nrows[p] != l.nrows[p];
					}
					widths_bad += differ;
					report_free(&own);
				}
				struct grid g;
				if (grid_init(&g, w, (int)l.rows) < 0)
					return 1;
				report_draw(&g, 0, &l, 0, (int)l.rows);
				char *want = NULL, *got = NULL, *gw = NULL;
				size_t nwant = 0, ngot = 0, ngw = 0;
				FILE *a = open_memstream(&want, &nwant), *b = open_memstream(&got, &ngot),
				     *d = open_memstream(&gw, &ngw);
				cell_by_cell(&g, (int)l.rows, a, color);
				report_write(b, &l, color);
				grid_write(&g, (int)l.rows, d, color);
				fclose(a);
				fclose(b);
				fclose(d);
				cases++;
				if (nwant != ngot || memcmp(want, got, nwant)) {
					if (!bad)
						printf("# chart %d width %d colour %d ascii %d parts %d differs:\n%s\n# ---\n%s",
						       which, w, color, ascii, mode >> 2, want, got);
					bad++;
				}
				grid_bad += nwant != ngw || memcmp(want, gw, nwant);
				free(want);
				free(got);
				free(gw);
				grid_free(&g);
				report_free(&l);
			}
		summary_free(&s);
		chart_free(&c);
	}
	is_int(bad, 0, "report_write = every row drawn into a grid, cell by cell (%d cases)", cases);
	is_int(grid_bad, 0, "grid_write = cell by cell");
	ok(widths_checked == 12 && widths_bad == 0,
	   "the summary's column widths = a report's own measure (%d of %d differ)", widths_bad, widths_checked);
	unlink(path);
	return done_testing();
}
