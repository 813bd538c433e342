#include "config.h"
#include "i18n.h"
#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "words.h"

enum { HEADER_ROWS = 3, BAR = 10 }; /* title, counts, a blank line; a target's bar */

/* One row's cells: texts borrowed from the model or made in `own`. */
struct cells {
	struct table_cell cell[REPORT_COLS];
	char own[REPORT_COLS][96];
	char name[512]; /* an indented zone name */
	/* The date and the days of the last milestone shown: the lists are in
	 * date order, so most rows show those of the row before. */
	day_t due;
	int overdue;
	char date[11], days[40];
	int days_w;
};

static void put(struct cells *r, int col, const char *s, enum style st)
{
	r->cell[col] = (struct table_cell){s, strlen(s), -1, 0, st};
}

/* Sets 1 + the width of text s, and whether it is one cell a character, in
 * l->strw; returns what is stored (0 for a text too wide to keep). */
static unsigned measure_str(const struct report *l, str_t s)
{
	int cells, w = text_width_cells(chart_str(l->c, s), pool_len(&l->c->str, s), &cells);
	unsigned v = w < 0x7fff ? (unsigned)(w + 1) | (cells ? 0x8000u : 0) : 0;
	l->strw[s] = (uint16_t)v;
	return v;
}

/* A text of the chart, measured once however many rows show it. */
static void put_str(const struct report *l, struct cells *r, int col, str_t s, enum style st)
{
	const char *t = chart_str(l->c, s);
	size_t len = pool_len(&l->c->str, s);
	unsigned v = l->strw ? l->strw[s] : 0;
	if (!v && l->strw)
		v = measure_str(l, s);
	if (v)
		r->cell[col] = (struct table_cell){t, len, (int)(v & 0x7fff) - 1, (v & 0x8000) != 0, st};
	else
		r->cell[col] = (struct table_cell){t, len, -1, 0, st};
}

/* An item's name: "(no name)" when it has none, translated. */
static void put_name(const struct report *l, struct cells *r, int col, const struct item *it, enum style st)
{
	if (it->name != STR_NONE)
		put_str(l, r, col, it->name, st);
	else
		put(r, col, item_name(l->c, it), st);
}

__attribute__((format(printf, 4, 5)))
static void putf(struct cells *r, int col, enum style st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->own[col], sizeof r->own[col], fmt, ap);
	va_end(ap);
	put(r, col, r->own[col], st);
}

/* date_format() without printf: it is called for every row of a list. */
static void format_day(day_t d, char out[static 11])
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	if (y < 0 || y > 9999) {
		date_format(d, out);
		return;
	}
	out[0] = (char)('0' + y / 1000), out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10), out[3] = (char)('0' + y % 10);
	out[4] = '-', out[5] = (char)('0' + m / 10), out[6] = (char)('0' + m % 10);
	out[7] = '-', out[8] = (char)('0' + dd / 10), out[9] = (char)('0' + dd % 10);
	out[10] = '\0';
}

static void put_day(struct cells *r, int col, day_t d)
{
	if (d == DAY_NONE) {
		put(r, col, "-", STYLE_NORMAL);
		return;
	}
	format_day(d, r->own[col]);
	r->cell[col] = (struct table_cell){r->own[col], 10, 10, 1, STYLE_NORMAL};
}

/* ---- the parts ------------------------------------------------------ */

enum { Z_NAME, Z_PROJECTS, Z_MILESTONES, Z_OVERDUE, Z_POSTPONED, Z_SOON, Z_LATE, Z_BEHIND, Z_INVEST, Z_NEXT, Z_COLS };
enum { L_ZONE, L_PROJECT, L_MILESTONE, L_WRITTEN, L_DATE, L_DAYS, L_OWNER, L_COLS };
enum { T_ZONE, T_PROJECT, T_NAME, T_BAR, T_FIGURES, T_VERDICT, T_AS_OF, T_TREND, T_COLS };
enum { C_WHAT, C_ZONE, C_PROJECT, C_ITEM, C_THEN, C_NOW, C_COLS };

/* Priorities: below 5 optional, dropped before a name (flex, 5 and more) is
 * cut short; see table.h. The titles are translated in setup() and measured
 * with the rows (measure_rows): a column is as wide as its title in the
 * language shown, never a width assumed from the Chinese one.
 * TRANSLATORS: the status screen's column titles: keep them short, a
 * column is at least as wide as its title */
static const struct column zone_cols[] = {
	[Z_NAME] = {NC_("column", "Zone"), ALIGN_LEFT, 1, 10, 0, 0},
	[Z_PROJECTS] = {NC_("column", "Projects"), ALIGN_RIGHT, 0, 4, 0, 0},
	[Z_MILESTONES] = {NC_("column", "Done/All"), ALIGN_RIGHT, 0, 6, 0, 0},
	[Z_OVERDUE] = {NC_("column", "Overdue"), ALIGN_RIGHT, 0, 9, 0, 0},
	[Z_POSTPONED] = {NC_("column", "Postponed"), ALIGN_RIGHT, 0, 8, 0, 0}, /* with a baseline only */
	[Z_SOON] = {NC_("column", "Due soon"), ALIGN_RIGHT, 0, 8, 0, 0},
	[Z_LATE] = {NC_("column", "Done late"), ALIGN_RIGHT, 0, 2, 0, 0},
	[Z_BEHIND] = {NC_("column", "Behind"), ALIGN_RIGHT, 0, 7, 0, 0},
	[Z_INVEST] = {NC_("column", "100M yuan"), ALIGN_RIGHT, 0, 1, 0, 0},
	[Z_NEXT] = {NC_("column", "Next due"), ALIGN_LEFT, 0, 5, 0, 0},
};
static const struct column list_cols[] = {
	[L_ZONE] = {NC_("column", "Zone"), ALIGN_LEFT, 1, 5, 0, 0},
	[L_PROJECT] = {NC_("column", "Project"), ALIGN_LEFT, 1, 8, 0, 0},
	[L_MILESTONE] = {NC_("column", "Milestone"), ALIGN_LEFT, 1, 10, 0, 0},
	[L_WRITTEN] = {NC_("column", "Due"), ALIGN_LEFT, 1, 3, 0, 0},
	[L_DATE] = {NC_("column", "Date"), ALIGN_LEFT, 0, 3, 0, 0}, /* the days late say it too */
	[L_DAYS] = {NC_("column", "Overdue"), ALIGN_RIGHT, 0, 12, 0, 0},
	[L_OWNER] = {NC_("column", "Owner"), ALIGN_LEFT, 1, 4, 0, 0},
};
static const struct column change_cols[] = {
	[C_WHAT] = {NC_("column", "Change"), ALIGN_LEFT, 0, 12, 0, 0}, /* never cut: it is the point */
	[C_ZONE] = {NC_("column", "Zone"), ALIGN_LEFT, 1, 3, 0, 0},
	[C_PROJECT] = {NC_("column", "Project"), ALIGN_LEFT, 1, 5, 0, 0},
	[C_ITEM] = {NC_("column", "Milestone or target"), ALIGN_LEFT, 1, 10, 0, 0},
	[C_THEN] = {NC_("column", "Baseline"), ALIGN_LEFT, 0, 7, 0, 0}, /* what it was and is: the change in figures */
	[C_NOW] = {NC_("column", "Now"), ALIGN_LEFT, 0, 8, 0, 0},
};
static const struct column target_cols[] = {
	[T_ZONE] = {NC_("column", "Zone"), ALIGN_LEFT, 1, 5, 0, 0},
	[T_PROJECT] = {NC_("column", "Project"), ALIGN_LEFT, 1, 6, 0, 0},
	[T_NAME] = {NC_("column", "Target"), ALIGN_LEFT, 1, 10, 0, 0},
	[T_BAR] = {NC_("column", "Progress"), ALIGN_LEFT, 0, 4, 0, 0},
	[T_FIGURES] = {NC_("column", "Done/Target"), ALIGN_RIGHT, 0, 9, 0, 0},
	[T_VERDICT] = {NC_("column", "Verdict"), ALIGN_LEFT, 0, 12, 0, 0}, /* never cut: it is the point */
	[T_AS_OF] = {NC_("column", "As of"), ALIGN_LEFT, 0, 3, 0, 0},
	[T_TREND] = {NC_("column", "Trend"), ALIGN_LEFT, 0, 2, 0, 0},
};

/* The style of a state: the worst under a zone, a target's verdict. */
static enum style roll_style(const struct roll *r)
{
	return roll_bad(r) ? STYLE_OVERDUE : r->soon ? STYLE_SOON : STYLE_NORMAL;
}

static enum style verdict_style(enum verdict v)
{
	return pace_bad(v) ? STYLE_OVERDUE : v == V_MET ? STYLE_DONE : v == V_NO_FIGURE ? STYLE_DIM : STYLE_NORMAL;
}

static size_t zone_rows(const struct report *l) { return l->c->nzones + 1; }
static size_t overdue_rows(const struct report *l) { return l->s->noverdue; }
static size_t soon_rows(const struct report *l) { return l->s->nsoon; }
static size_t change_rows(const struct report *l) { return l->s->changes ? l->s->changes->n : 0; }
static size_t target_rows(const struct report *l) { return l->c->ntargets; }

static void zone_cells(const struct report *l, size_t i, struct cells *r)
{
	const struct chart *c = l->c;
	const struct roll *z = i < c->nzones ? &l->s->zones[i] : &l->s->all;
	if (i < c->nzones) {
		/* Sub-zones are indented under their parent; the name takes the
		 * colour of the worst state under it. */
		const char *name = item_name(c, &c->zones[i].it);
		int indent = 2 * (int)c->zones[i].depth;
		indent = indent > 16 ? 16 : indent;
		if ((size_t)indent + strlen(name) < sizeof r->name) {
			memset(r->name, ' ', (size_t)indent);
			strcpy(r->name + indent, name);
			name = r->name;
		}
		put(r, Z_NAME, name, roll_style(z));
	} else {
		put(r, Z_NAME, _("Total"), STYLE_HEADER);
	}
	putf(r, Z_PROJECTS, STYLE_NORMAL, "%u", z->projects);
	putf(r, Z_MILESTONES, STYLE_NORMAL, "%u/%u", z->done, z->milestones);
	putf(r, Z_OVERDUE, z->overdue ? STYLE_OVERDUE : STYLE_NORMAL, "%u", z->overdue);
	putf(r, Z_POSTPONED, z->postponed ? STYLE_OVERDUE : STYLE_NORMAL, "%u", z->postponed);
	putf(r, Z_SOON, z->soon ? STYLE_SOON : STYLE_NORMAL, "%u", z->soon);
	putf(r, Z_LATE, z->done_late ? STYLE_DONE_LATE : STYLE_NORMAL, "%u", z->done_late);
	if (z->targets)
		putf(r, Z_BEHIND, z->behind ? STYLE_OVERDUE : STYLE_NORMAL, "%u/%u", z->behind, z->targets);
	else
		put(r, Z_BEHIND, "-", STYLE_DIM);
	if (z->investment > 0)
		number_format(z->investment, r->own[Z_INVEST], sizeof r->own[Z_INVEST]), put(r, Z_INVEST, r->own[Z_INVEST], STYLE_NORMAL);
	else
		put(r, Z_INVEST, "-", STYLE_DIM);
	put_day(r, Z_NEXT, z->next);
}

static void milestone_cells(const struct report *l, uint32_t mi, int overdue, struct cells *r)
{
	const struct chart *c = l->c;
	const struct milestone *m = &c->milestones[mi];
	uint32_t pi = milestone_project(c, mi);
	const struct project *p = &c->projects[pi];
	const struct zone *z = &c->zones[p->zone];
	enum style st = overdue ? STYLE_OVERDUE : STYLE_SOON;
	put_name(l, r, L_ZONE, &z->it, STYLE_NORMAL);
	put_name(l, r, L_PROJECT, &p->it, STYLE_NORMAL);
	put_name(l, r, L_MILESTONE, &m->it, st);
	day_t due = milestone_due(c, m);
	put_str(l, r, L_WRITTEN, milestone_due_text(c, m), STYLE_NORMAL);
	if (due != r->due || overdue != r->overdue) {
		r->due = due;
		r->overdue = overdue;
		if (due != DAY_NONE)
			format_day(due, r->date);
		else
			strcpy(r->date, "-");
		char days[32];
		words_days(days, sizeof days, overdue ? MS_OVERDUE : MS_SOON, due, l->s->today);
		snprintf(r->days, sizeof r->days, "%s%s", overdue ? "! " : "", days);
		r->days_w = text_width(r->days, strlen(r->days));
	}
	r->cell[L_DATE] = (struct table_cell){r->date, strlen(r->date), -1, 0, STYLE_NORMAL};
	if (due != DAY_NONE)
		r->cell[L_DATE].width = 10, r->cell[L_DATE].cells = 1;
	r->cell[L_DAYS] = (struct table_cell){r->days, strlen(r->days), r->days_w, 1, st};
	put_str(l, r, L_OWNER, milestone_owner(c, mi, pi), STYLE_NORMAL);
}

static void overdue_cells(const struct report *l, size_t i, struct cells *r)
{
	milestone_cells(l, l->s->overdue[i], 1, r);
}

static void soon_cells(const struct report *l, size_t i, struct cells *r)
{
	milestone_cells(l, l->s->due_soon[i], 0, r);
}

static void target_cells(const struct report *l, size_t i, struct cells *r)
{
	const struct chart *c = l->c;
	uint32_t ti = l->s->target_order[i];
	const struct target *t = &c->targets[ti];
	const struct pace *p = &l->s->targets[ti];
	enum style st = verdict_style(p->v);
	put_name(l, r, T_ZONE, &c->zones[t->zone].it, STYLE_NORMAL);
	if (t->project != NONE)
		put_name(l, r, T_PROJECT, &c->projects[t->project].it, STYLE_NORMAL);
	else
		put(r, T_PROJECT, "", STYLE_NORMAL);
	put_name(l, r, T_NAME, &t->it, pace_bad(p->v) ? STYLE_OVERDUE : STYLE_NORMAL);
	pace_bar(p, BAR, l->o.ascii, r->own[T_BAR], sizeof r->own[T_BAR]);
	put(r, T_BAR, r->own[T_BAR], st);
	pace_figures(c, t, r->own[T_FIGURES], sizeof r->own[T_FIGURES]);
	put(r, T_FIGURES, r->own[T_FIGURES], STYLE_NORMAL);
	/* "! " first where it needs attention: it reads without colour, as overdue does */
	int bang = pace_bad(p->v) ? 2 : 0;
	memcpy(r->own[T_VERDICT], "! ", 2);
	pace_words(c, t, p, r->own[T_VERDICT] + bang, sizeof r->own[T_VERDICT] - 2);
	put(r, T_VERDICT, r->own[T_VERDICT], st);
	if (isnan(t->actual))
		put(r, T_AS_OF, "-", STYLE_DIM);
	else
		put_day(r, T_AS_OF, p->as_of);
	pace_trend(c, t, l->o.ascii, r->own[T_TREND], sizeof r->own[T_TREND]);
	put(r, T_TREND, r->own[T_TREND], st);
}

/* What a milestone's due date or a target's figure was, or is. */
static void change_value(const struct chart *c, enum kind k, uint32_t i, int due, char *buf, size_t cap)
{
	if (k == KIND_TARGET && due) { /* a target's due date moved */
		const struct target *t = &c->targets[i];
		if (t->due != DAY_NONE && cap >= 11)
			date_format(t->due, buf);
		else
			snprintf(buf, cap, "-");
		return;
	}
	if (k == KIND_MILESTONE) {
		const struct written *w = milestone_due_date(c, &c->milestones[i]);
		if (w->last != DAY_NONE && cap >= 11)
			date_format(w->last, buf);
		else
			snprintf(buf, cap, "%s", w->text ? chart_str(c, w->text) : "-");
		return;
	}
	const struct target *t = &c->targets[i];
	number_format(t->target, buf, cap);
	size_t n = strlen(buf);
	if (t->unit)
		snprintf(buf + n, cap - n, " %s", chart_str(c, t->unit));
}

static void change_cells(const struct report *l, size_t i, struct cells *r)
{
	const struct changes *ch = l->s->changes;
	const struct change *v = &ch->v[i];
	uint32_t at;
	const struct chart *c = change_item(ch, l->c, v, &at);
	int bad = v->what == CH_POSTPONED, worse = bad || v->what == CH_RELAXED || v->what == CH_REMOVED;
	enum style st = bad ? STYLE_OVERDUE : worse ? STYLE_SOON : STYLE_NORMAL;
	/* "! " where it counts as a problem: it reads without colour */
	memcpy(r->own[C_WHAT], "! ", 2);
	change_words(ch, l->c, v, r->own[C_WHAT] + (bad ? 2 : 0), sizeof r->own[C_WHAT] - 2);
	put(r, C_WHAT, r->own[C_WHAT], st);
	const struct item *it = chart_item(c, v->kind, at);
	uint32_t zone, project;
	if (v->kind == KIND_MILESTONE) {
		project = milestone_project(c, at);
		zone = c->projects[project].zone;
	} else {
		project = c->targets[at].project;
		zone = c->targets[at].zone;
	}
	put(r, C_ZONE, item_name(c, &c->zones[zone].it), STYLE_NORMAL);
	put(r, C_PROJECT, project != NONE ? item_name(c, &c->projects[project].it) : "", STYLE_NORMAL);
	put(r, C_ITEM, item_name(c, it), st);
	if (v->then != NONE)
		change_value(&ch->b->c, v->kind, v->then, v->days != 0, r->own[C_THEN], sizeof r->own[C_THEN]);
	else
		strcpy(r->own[C_THEN], "-");
	put(r, C_THEN, r->own[C_THEN], STYLE_NORMAL);
	if (v->now != NONE)
		change_value(l->c, v->kind, v->now, v->days != 0, r->own[C_NOW], sizeof r->own[C_NOW]);
	else
		strcpy(r->own[C_NOW], "-");
	put(r, C_NOW, r->own[C_NOW], st);
}

static void overdue_title(const struct report *l, char *buf, size_t cap, enum style *st)
{
	snprintf(buf, cap, _("Overdue milestones %zu (oldest first)"), l->s->noverdue);
	*st = l->s->noverdue ? STYLE_OVERDUE : STYLE_TITLE;
}

static void change_title(const struct report *l, char *buf, size_t cap, enum style *st)
{
	const struct changes *ch = l->s->changes;
	if (ch->b->failed) {
		snprintf(buf, cap, _("Changes since baseline %s: it could not be read, see the errors above"), ch->b->name);
		*st = STYLE_OVERDUE;
		return;
	}
	int n = snprintf(buf, cap, _("Changes since baseline %s: %zu (worst first)"), ch->b->name, ch->n);
	/* TRANSLATORS: before the first count of each kind of change in the changes title */
	const char *sep = _(": ");
	for (int k = 0; k < CH_COUNT && n > 0 && (size_t)n < cap; k++)
		if (ch->count[change_order[k]]) {
			n += snprintf(buf + n, cap - (size_t)n, "%s%s %zu", sep, change_word(change_order[k]),
				      ch->count[change_order[k]]);
			sep = " · ";
		}
	*st = ch->count[CH_POSTPONED] ? STYLE_OVERDUE : STYLE_TITLE;
}

static void soon_title(const struct report *l, char *buf, size_t cap, enum style *st)
{
	snprintf(buf, cap, _("Due soon %zu (within %d days, nearest first)"), l->s->nsoon, l->s->soon_days);
	*st = l->s->nsoon ? STYLE_SOON : STYLE_TITLE;
}

static void target_title(const struct report *l, char *buf, size_t cap, enum style *st)
{
	if (l->s->all.behind)
		snprintf(buf, cap, _("Targets %zu (! behind, missed or over %u)"), l->c->ntargets, l->s->all.behind);
	else
		snprintf(buf, cap, _("Targets %zu"), l->c->ntargets);
	*st = l->s->all.behind ? STYLE_OVERDUE : STYLE_TITLE;
}

static int zone_item(const struct report *l, size_t i, enum kind *k, uint32_t *idx)
{
	(void)l;
	*k = KIND_ZONE;
	*idx = (uint32_t)i;
	return 1;
}

static int overdue_item(const struct report *l, size_t i, enum kind *k, uint32_t *idx)
{
	*k = KIND_MILESTONE;
	*idx = l->s->overdue[i];
	return 1;
}

static int change_item_of(const struct report *l, size_t i, enum kind *k, uint32_t *idx)
{
	const struct change *v = &l->s->changes->v[i];
	*k = v->kind;
	*idx = v->now;
	return v->now != NONE; /* a removed item is in the baseline only */
}

static int soon_item(const struct report *l, size_t i, enum kind *k, uint32_t *idx)
{
	*k = KIND_MILESTONE;
	*idx = l->s->due_soon[i];
	return 1;
}

static int target_item(const struct report *l, size_t i, enum kind *k, uint32_t *idx)
{
	*k = KIND_TARGET;
	*idx = l->s->target_order[i];
	return 1;
}

/* What each part is: its columns, its rows and how to read them. */
static const struct part_info {
	const struct column *cols;
	int ncols;
	const char *days_title; /* the list's days column: overdue or left (NC_("column", ...)) */
	int total;              /* a total row set apart at the end (zones) */
	size_t (*rows)(const struct report *l);
	void (*cells)(const struct report *l, size_t i, struct cells *r);
	int (*item)(const struct report *l, size_t i, enum kind *k, uint32_t *idx);
	/* A title line above the table, or NULL for none. */
	void (*title)(const struct report *l, char *buf, size_t cap, enum style *st);
	int name_col; /* the column that names a row's own item: the cursor's cell */
} parts[PART_COUNT] = {
	[PART_ZONES] = {zone_cols, Z_COLS, NULL, 1, zone_rows, zone_cells, zone_item, NULL, Z_NAME},
	[PART_OVERDUE] = {list_cols, L_COLS, NC_("column", "Overdue"), 0, overdue_rows, overdue_cells, overdue_item, overdue_title,
			  L_MILESTONE},
	[PART_CHANGES] = {change_cols, C_COLS, NULL, 0, change_rows, change_cells, change_item_of, change_title, C_ITEM},
	[PART_SOON] = {list_cols, L_COLS, NC_("column", "Left"), 0, soon_rows, soon_cells, soon_item, soon_title, L_MILESTONE},
	[PART_TARGETS] = {target_cols, T_COLS, NULL, 0, target_rows, target_cells, target_item, target_title, T_NAME},
};

/* ---- layout --------------------------------------------------------- */

static void cells_init(struct cells *r);

/* The parts and columns of a report, before any row is looked at. */
static void setup(struct report *l, const struct chart *c, const struct summary *s,
		  const struct report_opts *o)
{
	memset(l, 0, sizeof *l);
	l->c = c;
	l->s = s;
	l->o = *o;
	for (int p = 0; p < PART_COUNT; p++)
		if ((!o->parts || (o->parts & (1u << p))) && (p != PART_CHANGES || s->changes))
			l->parts[l->nparts++] = p;
	for (int k = 0; k < l->nparts; k++) {
		int p = l->parts[k];
		const struct part_info *pi = &parts[p];
		memcpy(l->cols[p], pi->cols, sizeof(struct column) * (size_t)pi->ncols);
		if (p == PART_ZONES && !s->changes)
			l->cols[p][Z_POSTPONED].prio = -1;
		if (pi->days_title)
			l->cols[p][L_DAYS].title = pi->days_title;
		for (int col = 0; col < pi->ncols; col++) { /* in this language, measured here once */
			struct column *cl = &l->cols[p][col];
			cl->title = i18n_cgettext("column", cl->title);
			cl->title_w = text_width(cl->title, strlen(cl->title));
		}
		l->nrows[p] = pi->rows(l);
	}
}

/* The widest cell of each column of every part: each row looked at once. */
static int measure_rows(struct report *l)
{
	struct cells *r = malloc(sizeof *r);
	if (!r)
		return -1;
	cells_init(r);
	for (int k = 0; k < l->nparts; k++) {
		int p = l->parts[k];
		const struct part_info *pi = &parts[p];
		for (int col = 0; col < pi->ncols; col++)
			l->natural[p][col] = l->cols[p][col].title_w;
		for (size_t i = 0; i < l->nrows[p]; i++) {
			pi->cells(l, i, r);
			for (int col = 0; col < pi->ncols; col++) {
				const struct table_cell *tc = &r->cell[col];
				int w = tc->width >= 0 ? tc->width : text_width(tc->s, tc->len);
				if (w > l->natural[p][col])
					l->natural[p][col] = w;
			}
		}
	}
	free(r);
	return 0;
}

/* What summary_build() keeps: every part measured, with and without
 * --ascii (a target's bar and trend are drawn in other characters), and
 * each text's width. */
struct report_widths {
	int natural[2][PART_COUNT][REPORT_COLS];
	uint16_t *strw;
};

struct report_widths *report_widths_build(const struct chart *c, const struct summary *s)
{
	struct report_widths *w = calloc(1, sizeof *w);
	struct report *l = malloc(sizeof *l);
	if (w)
		w->strw = calloc(pool_count(&c->str) + 1, sizeof *w->strw);
	if (!w || !l || !w->strw)
		goto fail;
	for (int ascii = 0; ascii < 2; ascii++) {
		/* --ascii changes only the targets' columns */
		struct report_opts o = {.ascii = ascii, .parts = ascii ? 1u << PART_TARGETS : 0};
		setup(l, c, s, &o);
		l->strw = w->strw;
		if (measure_rows(l) < 0)
			goto fail;
		memcpy(w->natural[ascii], ascii ? w->natural[0] : l->natural, sizeof w->natural[0]);
		if (ascii)
			memcpy(w->natural[1][PART_TARGETS], l->natural[PART_TARGETS], sizeof l->natural[0]);
	}
	free(l);
	return w;
fail:
	free(l);
	report_widths_free(w);
	return NULL;
}

void report_widths_free(struct report_widths *w)
{
	if (w)
		free(w->strw);
	free(w);
}

int report_measure(struct report *l, const struct chart *c, const struct summary *s,
		   const struct report_opts *o)
{
	setup(l, c, s, o);
	if (s->widths) { /* measured with the summary: no row is looked at */
		memcpy(l->natural, s->widths->natural[o->ascii ? 1 : 0], sizeof l->natural);
		l->strw = s->widths->strw;
	} else {
		/* 1 + each text's width, 0 until measured (see measure_str) */
		l->strw = l->own_strw = calloc(pool_count(&c->str) + 1, sizeof *l->strw);
		if (!l->strw || measure_rows(l) < 0) {
			report_free(l);
			return -1;
		}
	}
	/* The errors, first in the file order diagnostics are in. */
	int e = 0;
	for (size_t i = 0; i < c->diags.n && e < REPORT_ERRORS; i++) {
		const struct diag *d = &c->diags.v[i];
		if (d->severity != DIAG_ERROR)
			continue;
		diag_format(d, c->files[d->file].shown, 0, l->errors[e++], sizeof l->errors[0]);
	}
	return 0;
}

void report_fit(struct report *l, int width)
{
	l->width = width;
	for (int k = 0; k < l->nparts; k++) {
		int p = l->parts[k];
		for (int col = 0; col < parts[p].ncols; col++)
			l->cols[p][col].natural = l->natural[p][col];
		table_layout(l->cols[p], parts[p].ncols, width);
	}
	long y = l->o.no_header ? 0 : HEADER_ROWS;
	/* Errors first, so a log shows that the screen below is not the whole
	 * chart: a title, each error wrapped, what more there is, a blank line. */
	l->err_start = y;
	l->nerr_lines = 0;
	size_t errors = l->c->diags.errors;
	for (int e = 0; e < REPORT_ERRORS && (size_t)e < errors; e++) {
		struct text_line lines[REPORT_ERROR_LINES + 1];
		size_t len = strlen(l->errors[e]);
		size_t n = text_wrap(l->errors[e], len, width - 2, lines, REPORT_ERROR_LINES + 1);
		if (n > REPORT_ERROR_LINES) { /* the last line kept takes the rest, cut with an ellipsis */
			n = REPORT_ERROR_LINES;
			lines[n - 1].len = len - lines[n - 1].start;
		}
		for (size_t k = 0; k < n; k++)
			l->err_lines[l->nerr_lines++] = (struct report_err_line){e, lines[k].start, lines[k].len};
	}
	if (errors)
		y += 1 + l->nerr_lines + (errors > REPORT_ERRORS) + 1;
	for (int k = 0; k < l->nparts; k++) {
		int p = l->parts[k];
		if (k > 0)
			y++; /* a blank line between parts */
		l->start[k] = y;
		/* a title (lists), then rules and column titles (3), rows, a rule and
		 * the total (zones), the bottom rule; an empty list: "none" */
		long n = (long)l->nrows[p];
		y += (parts[p].title ? 1 : 0) + (n || !parts[p].title ? n + 4 + (parts[p].total && n > 1) : 1);
	}
	l->rows = y;
}

void report_free(struct report *l)
{
	free(l->own_strw);
	l->strw = l->own_strw = NULL;
}

int report_layout(struct report *l, const struct chart *c, const struct summary *s,
		  const struct report_opts *o, int width)
{
	if (report_measure(l, c, s, o) < 0)
		return -1;
	report_fit(l, width);
	return 0;
}

/* The part (index into l->parts) row `row` is in, and where in it; -1 above them. */
static int part_of(const struct report *l, long row, long *at)
{
	if (!l->nparts || row < l->start[0])
		return -1;
	int k = l->nparts - 1;
	while (row < l->start[k])
		k--;
	*at = row - l->start[k];
	return k;
}

int report_row_item(const struct report *l, long row, enum kind *k, uint32_t *i)
{
	long at;
	int pk = part_of(l, row, &at);
	if (pk < 0)
		return 0;
	int p = l->parts[pk];
	long body = at - (parts[p].title ? 1 : 0) - 3; /* a title, then rules and column titles */
	if (body < 0 || (size_t)body >= l->nrows[p] - (size_t)parts[p].total) /* not the total */
		return 0;
	return parts[p].item(l, (size_t)body, k, i);
}

int report_item_cell(const struct report *l, long row, int *x0, int *x1)
{
	long at;
	int pk = part_of(l, row, &at);
	if (pk < 0)
		return 0;
	int p = l->parts[pk];
	if (table_cell_span(l->cols[p], parts[p].ncols, parts[p].name_col, x0, x1))
		return 1;
	for (int i = 0; i < parts[p].ncols; i++) /* the name's column dropped: the first shown */
		if (table_cell_span(l->cols[p], parts[p].ncols, i, x0, x1))
			return 1;
	return 0;
}

/* ---- drawing -------------------------------------------------------- */

static void header(struct grid *g, int y, const struct report *l, long row, const struct frame *f)
{
	const struct chart *c = l->c;
	const struct summary *s = l->s;
	int w = g->w;
	if (row == 0) {
		char day[11], right[64];
		date_format(s->today, day);
		snprintf(right, sizeof right, _("Today %s"), day);
		int rw = text_width(right, strlen(right));
		const char *title = *chart_title(c) ? chart_title(c) : "guatu";
		if (rw + 2 <= w) {
			grid_text(g, y, 0, w - rw - 2, title, strlen(title), ALIGN_LEFT, STYLE_TITLE, f->ellipsis);
			grid_put(g, y, w - rw, right, STYLE_NORMAL);
		} else {
			grid_text(g, y, 0, w, title, strlen(title), ALIGN_LEFT, STYLE_TITLE, f->ellipsis);
		}
		return;
	}
	if (row != 1)
		return;
	char items[10][64];
	enum style styles[10];
	int n = 0;
	struct tm tm;
	localtime_r(&l->o.loaded, &tm);
#define ITEM(st, ...) (styles[n] = (st), snprintf(items[n++], sizeof items[0], __VA_ARGS__))
	char count[48];
	/* "! " before what needs attention: it reads without colour */
	snprintf(count, sizeof count, _("Overdue %u"), s->all.overdue);
	ITEM(s->all.overdue ? STYLE_OVERDUE : STYLE_NORMAL, "%s%s", s->all.overdue ? "! " : "", count);
	ITEM(s->all.soon ? STYLE_SOON : STYLE_NORMAL, _("Due soon %u"), s->all.soon);
	if (s->changes) { /* with a baseline: deadlines moved later */
		snprintf(count, sizeof count, _("Postponed %u"), s->all.postponed);
		ITEM(s->all.postponed ? STYLE_OVERDUE : STYLE_NORMAL, "%s%s", s->all.postponed ? "! " : "", count);
	}
	if (s->all.behind) { /* targets behind, missed or over: only where there are */
		snprintf(count, sizeof count, _("Targets behind %u"), s->all.behind);
		ITEM(STYLE_OVERDUE, "! %s", count);
	}
	ITEM(s->all.done_late ? STYLE_DONE_LATE : STYLE_NORMAL, _("Done late %u"), s->all.done_late);
	if (s->all.paused) /* only where something is paused: most charts have nothing */
		ITEM(STYLE_PAUSED, _("Paused %u"), s->all.paused);
	ITEM(STYLE_NORMAL, _("Milestones %zu"), c->nmilestones);
	ITEM(STYLE_NORMAL, _("Projects %zu"), c->nprojects);
	ITEM(STYLE_NORMAL, _("Zones %zu"), c->nzones);
	/* TRANSLATORS: when the chart was read */
	ITEM(STYLE_DIM, _("Loaded %02d:%02d:%02d"), tm.tm_hour, tm.tm_min, tm.tm_sec);
#undef ITEM
	int x = 0;
	for (int i = 0; i < n; i++) { /* in order of importance: stop at the first that does not fit */
		int iw = text_width(items[i], strlen(items[i]));
		if (x + (x ? 3 : 0) + iw > w)
			break;
		if (x)
			x = grid_put(g, y, x, "   ", STYLE_NORMAL);
		x = grid_put(g, y, x, items[i], styles[i]);
	}
}

/* Row `at` of the errors section. */
static void error_line(struct grid *g, int y, const struct report *l, long at, const struct frame *f)
{
	size_t errors = l->c->diags.errors;
	if (at == 0) {
		/* The count always; what it means and where to see all, as they fit. */
		char title[200];
		/* TRANSLATORS: the errors section's title: a mark, the count */
		int n = snprintf(title, sizeof title, ngettext("%s %zu error", "%s %zu errors", errors), f->bad, errors);
		/* TRANSLATORS: each follows the errors' count when it fits the width */
		const char *const more[] = {_(": the tables below may be incomplete or wrong"),
					    _(" (guatu --check lists them all)")};
		for (int i = 0; i < 2; i++)
			if (text_width(title, (size_t)n) + text_width(more[i], strlen(more[i])) <= g->w)
				n += snprintf(title + n, sizeof title - (size_t)n, "%s", more[i]);
		grid_text(g, y, 0, g->w, title, (size_t)n, ALIGN_LEFT, STYLE_OVERDUE, f->ellipsis);
		return;
	}
	at--;
	if (at < l->nerr_lines) {
		const struct report_err_line *e = &l->err_lines[at];
		int first = at == 0 || l->err_lines[at - 1].error != e->error;
		grid_text(g, y, first ? 0 : 2, g->w - (first ? 0 : 2), l->errors[e->error] + e->start, e->len,
			  ALIGN_LEFT, STYLE_NORMAL, f->ellipsis);
		return;
	}
	if (at == l->nerr_lines && errors > REPORT_ERRORS) {
		char more[96];
		size_t n = errors - REPORT_ERRORS;
		snprintf(more, sizeof more, ngettext("%s and %zu more error", "%s and %zu more errors", n), f->ellipsis, n);
		grid_text(g, y, 0, g->w, more, strlen(more), ALIGN_LEFT, STYLE_DIM, f->ellipsis);
	}
}

/* Row `row` (counted from the table's top rule) of part p. */
static void table_line(const struct pen *pen, const struct report *l, int p, long row,
		       const struct frame *f, struct cells *r)
{
	const struct part_info *pi = &parts[p];
	const struct column *cols = l->cols[p];
	long n = (long)l->nrows[p], body = row - 3;
	int total = pi->total; /* the zone table sets its total apart */
	if (row == 0) {
		table_rule(pen, cols, pi->ncols, f, RULE_TOP);
	} else if (row == 1) {
		struct table_cell titles[REPORT_COLS];
		for (int k = 0; k < pi->ncols; k++)
			titles[k] = (struct table_cell){cols[k].title, strlen(cols[k].title), -1, 0, STYLE_HEADER};
		table_row(pen, cols, pi->ncols, f, titles);
	} else if (row == 2 || (total && body == n - 1 && n > 1)) { /* no rule twice when there are no zones */
		table_rule(pen, cols, pi->ncols, f, RULE_MID);
	} else if (body >= 0 && body < n + total - (total && n == 1)) {
		pi->cells(l, (size_t)(body - (total && body >= n - 1 && n > 1)), r);
		table_row(pen, cols, pi->ncols, f, r->cell);
	} else {
		table_rule(pen, cols, pi->ncols, f, RULE_BOTTOM);
	}
}

/* Is row `row` a line of a table? Then *p is its part and *at the row
 * counted from the table's top rule. */
static int table_at(const struct report *l, long row, int *p, long *at)
{
	if (row < l->err_start)
		return 0;
	int k = part_of(l, row, at);
	if (k < 0)
		return 0;
	*p = l->parts[k];
	long end = k + 1 < l->nparts ? l->start[k + 1] - 1 : l->rows; /* a blank line follows */
	if (row >= end)
		return 0;
	if (parts[*p].title) {
		if (*at == 0 || l->nrows[*p] == 0)
			return 0;
		--*at;
	}
	return 1;
}

/* Any other row: the header, the errors, a part's title or "none". */
static void other_line(struct grid *g, int y, const struct report *l, long row, const struct frame *f)
{
	long at;
	if (row < l->err_start) {
		header(g, y, l, row, f);
		return;
	}
	int k = part_of(l, row, &at);
	if (k < 0) {
		error_line(g, y, l, row - l->err_start, f);
		return;
	}
	int p = l->parts[k];
	long end = k + 1 < l->nparts ? l->start[k + 1] - 1 : l->rows;
	if (row >= end || !parts[p].title)
		return;
	if (at == 0) {
		char title[320];
		enum style st;
		parts[p].title(l, title, sizeof title, &st);
		grid_text(g, y, 0, g->w, title, strlen(title), ALIGN_LEFT, st, f->ellipsis);
	} else if (l->nrows[p] == 0) {
		grid_put(g, y, 0, _("(none)"), STYLE_DIM);
	}
}

static void cells_init(struct cells *r)
{
	r->due = DAY_NONE;
	r->overdue = -1; /* no row shown yet */
}

void report_draw(struct grid *g, int gy, const struct report *l, long from, int n)
{
	const struct frame *f = l->o.ascii ? &frame_ascii : &frame_box;
	struct cells r;
	cells_init(&r);
	for (int i = 0; i < n && from + i < l->rows; i++) {
		long row = from + i, at;
		int p;
		if (table_at(l, row, &p, &at))
			table_line(&(struct pen){g, gy + i, NULL}, l, p, at, f, &r);
		else
			other_line(g, gy + i, l, row, f);
	}
}

int report_write(FILE *out, const struct report *l, int color)
{
	const struct frame *f = l->o.ascii ? &frame_ascii : &frame_box;
	struct grid g; /* one row, for the few rows that are not a table's */
	struct cells *r = malloc(sizeof *r);
	if (!r || grid_init(&g, l->width, 1) < 0) {
		free(r);
		return -1;
	}
	cells_init(r);
	/* The table rows, nearly all of a long report, go straight into text
	 * written in large blocks; tests/test_report.c checks that this gives
	 * the bytes of drawing every row into a grid. */
	struct grid_out o;
	gout_init(&o, out, l->width, color, 1 << 18);
	for (long row = 0; row < l->rows; row++) {
		long at;
		int p;
		if (table_at(l, row, &p, &at)) {
			table_line(&(struct pen){NULL, 0, &o}, l, p, at, f, r);
			gout_row(&o);
		} else {
			grid_clear(&g);
			other_line(&g, 0, l, row, f);
			gout_grid(&o, &g, 1);
		}
	}
	grid_free(&g);
	free(r);
	gout_finish(&o); /* a failed write is stdout's error, as with printf */
	return 0;
}
