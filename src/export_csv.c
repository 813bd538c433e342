/* --export csv: RFC 4180 (comma-separated fields, CRLF after every record, a
 * field quoted when it holds a comma, a quote, CR or LF, its quotes
 * doubled), UTF-8 with a byte order mark by default: without one, Excel and
 * WPS read a CSV file in the system's ANSI code page and show Chinese as
 * mojibake. */
#include "config.h"
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* One field. A text starting with = + - or @ gets a ' first: spreadsheets
 * would otherwise run it as a formula (=HYPERLINK(...) in a name from a
 * chart), and that is how they are told "this is text". */
static void field(FILE *out, const char *s, size_t len, int text)
{
	int quote = 0;
	for (size_t i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (quote)
		putc('"', out);
	if (text && len && strchr("=+-@", s[0]))
		putc('\'', out);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			putc('"', out);
		putc(s[i], out);
	}
	if (quote)
		putc('"', out);
}

int export_csv(FILE *out, const struct chart *c, const struct summary *s, const struct export_opts *o,
	       char *err, size_t cap)
{
	int targets = o->what == EXPORT_TARGETS;
	const struct export_column *cols = targets ? export_tgt_cols : export_ms_cols;
	int ncols = targets ? export_tgt_ncols : export_ms_ncols;
	size_t nrows = targets ? c->ntargets : c->nmilestones;
	const uint32_t *order = targets ? s->target_order : NULL;
	uint32_t *own = targets ? NULL : export_milestone_order(c);
	char *buf = NULL;
	size_t bufcap = 0;
	struct export_row row;
	int r = -1;
	if (!targets && !(order = own))
		goto out;
	if (o->bom)
		fputs("\xEF\xBB\xBF", out);
	for (int k = 0; k < ncols; k++) {
		const char *h = _(cols[k].header);
		if (k)
			putc(',', out);
		field(out, h, strlen(h), 0);
	}
	fputs("\r\n", out);
	for (size_t i = 0; i < nrows; i++) {
		if (targets)
			export_target_row(c, s, order[i], &row);
		else
			export_milestone_row(c, s, order[i], &row);
		for (int k = 0; k < ncols; k++) {
			const struct export_cell *cell = &row.cell[k];
			size_t len;
			const char *t = export_cell_text(c, cell, &buf, &bufcap, &len);
			if (!t)
				goto out;
			if (k)
				putc(',', out);
			field(out, t, len, cell->type == CELL_TEXT || cell->type == CELL_ZONE || cell->type == CELL_PLACE);
		}
		fputs("\r\n", out);
	}
	r = 0;
out:
	if (r < 0)
		snprintf(err, cap, "%s", _("out of memory"));
	free(own);
	free(buf);
	return r;
}
