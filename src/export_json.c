/* --export json: one document for scripts and dashboards (RFC 8259). Keys
 * are English and stable whatever the language; dates are ISO 8601
 * ("2023-06-30"); figures and days are numbers; what is not there is null.
 * One milestone or target per line, so the document also reads well in a
 * diff. */
#include "config.h"
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static void string(FILE *out, const char *s, size_t len)
{
	putc('"', out);
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\')
			putc('\\', out), putc(ch, out);
		else if (ch == '\n')
			fputs("\\n", out);
		else if (ch < 0x20) /* the loader leaves none, but a file name may hold one */
			fprintf(out, "\\u%04x", ch);
		else
			putc(ch, out);
	}
	putc('"', out);
}

static void cstring(FILE *out, const char *s)
{
	string(out, s, strlen(s));
}

/* A zone's path as an array of names, from the top. */
static void zone_path(FILE *out, const struct chart *c, uint32_t z)
{
	uint32_t up[64];
	int depth = 0;
	for (uint32_t at = z; at != NONE && depth < 64; at = c->zones[at].parent)
		up[depth++] = at;
	putc('[', out);
	for (int k = depth - 1; k >= 0; k--) {
		cstring(out, item_name(c, &c->zones[up[k]].it));
		if (k)
			fputs(", ", out);
	}
	putc(']', out);
}

static void object(FILE *out, const struct chart *c, const struct export_row *row, const struct export_column *cols,
		   int ncols)
{
	char num[32];
	putc('{', out);
	for (int k = 0; k < ncols; k++) {
		const struct export_cell *cell = &row->cell[k];
		if (k)
			fputs(", ", out);
		cstring(out, cols[k].key);
		fputs(": ", out);
		switch (cell->type) {
		case CELL_TEXT: string(out, cell->text, cell->len); break;
		case CELL_WORD: cstring(out, cell->token); break;
		case CELL_ZONE: zone_path(out, c, cell->zone); break;
		case CELL_DATE:
			date_format(cell->day, num);
			cstring(out, num);
			break;
		case CELL_INT: fprintf(out, "%ld", cell->n); break;
		case CELL_NUM:
		case CELL_SHARE:
			export_number(cell->num, num);
			fputs(num, out);
			break;
		case CELL_BOOL: fputs(cell->n ? "true" : "false", out); break;
		case CELL_PLACE: /* "file": "a.yaml", "line": 12 */
			cstring(out, export_file(c, cell));
			fprintf(out, ", \"line\": %ld", cell->n);
			break;
		default: fputs("null", out); break;
		}
	}
	putc('}', out);
}

int export_json(FILE *out, const struct chart *c, const struct summary *s, char *err, size_t cap)
{
	uint32_t *order = export_milestone_order(c);
	struct export_row row;
	char today[11];
	if (!order) {
		snprintf(err, cap, "%s", _("out of memory"));
		return -1;
	}
	date_format(s->today, today);
	fputs("{\n  \"title\": ", out);
	cstring(out, chart_title(c));
	fprintf(out, ",\n  \"today\": \"%s\",\n  \"soon_days\": %d,\n", today, s->soon_days);
	fprintf(out, "  \"errors\": %zu,\n  \"warnings\": %zu,\n", c->diags.errors, c->diags.warnings);
	fputs("  \"milestones\": [", out);
	for (size_t i = 0; i < c->nmilestones; i++) {
		export_milestone_row(c, s, order[i], &row);
		fputs(i ? ",\n    " : "\n    ", out);
		object(out, c, &row, export_ms_cols, export_ms_ncols);
	}
	fputs(c->nmilestones ? "\n  ],\n  \"targets\": [" : "],\n  \"targets\": [", out);
	for (size_t i = 0; i < c->ntargets; i++) {
		export_target_row(c, s, s->target_order[i], &row);
		fputs(i ? ",\n    " : "\n    ", out);
		object(out, c, &row, export_tgt_cols, export_tgt_ncols);
	}
	fputs(c->ntargets ? "\n  ]\n}\n" : "]\n}\n", out);
	free(order);
	return 0;
}
