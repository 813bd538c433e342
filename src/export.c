#include "config.h"
#include "export.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

enum { M_ZONE, M_PROJECT, M_NAME, M_OWNER, M_DUE_TEXT, M_DUE, M_STATUS, M_STATE, M_LATE, M_LEFT, M_PLACE, M_COLS };

const struct export_column export_ms_cols[M_COLS] = {
	[M_ZONE] = {N_("Zone"), "zone"},
	[M_PROJECT] = {N_("Project"), "project"},
	[M_NAME] = {N_("Milestone"), "name"},
	[M_OWNER] = {N_("Owner"), "owner"},
	[M_DUE_TEXT] = {N_("Due as written"), "due_text"},
	[M_DUE] = {N_("Due"), "due"},
	[M_STATUS] = {N_("Status"), "status"},
	[M_STATE] = {N_("State"), "state"},
	[M_LATE] = {N_("Days late"), "days_late"},
	[M_LEFT] = {N_("Days left"), "days_left"},
	[M_PLACE] = {N_("File:line"), "file"},
};
const int export_ms_ncols = M_COLS;

enum { T_ZONE, T_PROJECT, T_NAME, T_OWNER, T_TARGET, T_ACTUAL, T_UNIT, T_AT_MOST, T_AS_OF, T_DUE_TEXT, T_DUE,
       T_SHARE, T_GONE, T_VERDICT, T_PLACE, T_COLS };

const struct export_column export_tgt_cols[T_COLS] = {
	[T_ZONE] = {N_("Zone"), "zone"},
	[T_PROJECT] = {N_("Project"), "project"},
	[T_NAME] = {N_("Target"), "name"},
	[T_OWNER] = {N_("Owner"), "owner"},
	[T_TARGET] = {N_("Goal"), "target"},
	[T_ACTUAL] = {N_("Actual"), "actual"},
	[T_UNIT] = {N_("Unit"), "unit"},
	[T_AT_MOST] = {N_("Ceiling"), "at_most"},
	[T_AS_OF] = {N_("Figure as of"), "as_of"},
	[T_DUE_TEXT] = {N_("Due as written"), "due_text"},
	[T_DUE] = {N_("Due"), "due"},
	[T_SHARE] = {N_("Reached"), "share"},
	[T_GONE] = {N_("Time gone"), "time_gone"},
	[T_VERDICT] = {N_("Verdict"), "verdict"},
	[T_PLACE] = {N_("File:line"), "file"},
};
const int export_tgt_ncols = T_COLS;

_Static_assert((int)M_COLS <= (int)EXPORT_MAX_COLS && (int)T_COLS <= (int)EXPORT_MAX_COLS, "a row holds every column");

/* A milestone's state for people and for scripts. The states are the
 * summary's (ms_state): only their names are here. */
static const struct word {
	const char *word, *token;
} states[] = {
	[MS_INVALID] = {N_("no due date"), "invalid"},
	[MS_OPEN] = {N_("not yet due"), "open"}, /* not "open": the key action's word */
	[MS_SOON] = {N_("due soon"), "due_soon"},
	[MS_OVERDUE] = {N_("overdue"), "overdue"},
	[MS_DONE] = {N_("done"), "done"},
	[MS_DONE_LATE] = {N_("done late"), "done_late"},
	[MS_PAUSED] = {N_("paused"), "paused"},
	[MS_DROPPED] = {N_("dropped"), "dropped"},
}, statuses[ST_COUNT] = {
	/* the tokens are the chart format's own English spellings (status_name) */
	[ST_PLANNED] = {N_("planned"), NULL}, [ST_ACTIVE] = {N_("active"), NULL}, [ST_DONE] = {N_("done"), NULL},
	[ST_PAUSED] = {N_("paused"), NULL}, [ST_DROPPED] = {N_("dropped"), NULL},
}, verdicts[V_COUNT] = {
	[V_NO_FIGURE] = {N_("no figure"), "no_figure"}, [V_OPEN] = {N_("not met"), "not_met"},
	[V_ON_PACE] = {N_("on pace"), "on_pace"}, [V_MET] = {N_("met"), "met"},
	[V_BEHIND] = {N_("behind"), "behind"}, [V_MISSED] = {N_("missed"), "missed"},
	[V_OVER] = {N_("over"), "over"},
};

static void text(struct export_cell *cell, const struct chart *c, str_t s)
{
	if (s == STR_NONE) {
		*cell = (struct export_cell){CELL_NONE};
		return;
	}
	*cell = (struct export_cell){CELL_TEXT, .text = chart_str(c, s), .len = pool_len(&c->str, s)};
}

static void name(struct export_cell *cell, const struct chart *c, const struct item *it)
{
	const char *n = item_name(c, it); /* "(无名称)" when it has none, as the screens say */
	*cell = (struct export_cell){CELL_TEXT, .text = n, .len = strlen(n)};
}

static void word(struct export_cell *cell, const struct word *w, const char *token)
{
	*cell = (struct export_cell){CELL_WORD, .text = w->word, .token = token ? token : w->token,
				     .len = strlen(w->word)};
}

static void day(struct export_cell *cell, day_t d)
{
	if (d == DAY_NONE)
		*cell = (struct export_cell){CELL_NONE};
	else
		*cell = (struct export_cell){CELL_DATE, .day = d};
}

static void integer(struct export_cell *cell, long n)
{
	*cell = (struct export_cell){CELL_INT, .n = n};
}

/* A figure; NAN (not given) and an infinite share (a goal of 0) are empty. */
static void number(struct export_cell *cell, enum cell_type type, double v)
{
	*cell = isfinite(v) ? (struct export_cell){type, .num = v} : (struct export_cell){CELL_NONE};
}

static void place(struct export_cell *cell, const struct chart *c, enum kind k, uint32_t i)
{
	*cell = (struct export_cell){CELL_PLACE, .file = item_file(c, k, i), .n = chart_item(c, k, i)->line};
}

const char *export_file(const struct chart *c, const struct export_cell *cell)
{
	return c->files[cell->file].shown;
}

void export_milestone_row(const struct chart *c, const struct summary *s, uint32_t i, struct export_row *r)
{
	const struct milestone *m = &c->milestones[i];
	uint32_t p = milestone_project(c, i);
	enum ms_state st = milestone_state(c, m, s->today, s->soon_days);
	day_t due = milestone_due(c, m), done = milestone_done(c, m);
	memset(r, 0, sizeof *r);
	r->cell[M_ZONE] = (struct export_cell){CELL_ZONE, .zone = c->projects[p].zone};
	name(&r->cell[M_PROJECT], c, &c->projects[p].it);
	name(&r->cell[M_NAME], c, &m->it);
	text(&r->cell[M_OWNER], c, milestone_owner(c, i, p));
	text(&r->cell[M_DUE_TEXT], c, milestone_due_text(c, m));
	day(&r->cell[M_DUE], due);
	word(&r->cell[M_STATUS], &statuses[m->it.status < ST_COUNT ? m->it.status : ST_PLANNED],
	     status_name(m->it.status < ST_COUNT ? m->it.status : ST_PLANNED));
	if (st == MS_INVALID && milestone_due_text(c, m) != STR_NONE)
		word(&r->cell[M_STATE], &(const struct word){N_("due date unreadable"), "invalid"}, NULL);
	else
		word(&r->cell[M_STATE], &states[st], NULL);
	/* Days as the screens count them (words_days): late from the day after
	 * the due date; left until it. */
	if (st == MS_OVERDUE)
		integer(&r->cell[M_LATE], (long)s->today - (long)due);
	else if (st == MS_DONE_LATE)
		integer(&r->cell[M_LATE], (long)done - (long)due);
	if (st == MS_OPEN || st == MS_SOON)
		integer(&r->cell[M_LEFT], (long)due - (long)s->today);
	place(&r->cell[M_PLACE], c, KIND_MILESTONE, i);
	r->mark = st == MS_OVERDUE ? MARK_BAD : st == MS_SOON ? MARK_SOON : MARK_NONE;
}

void export_target_row(const struct chart *c, const struct summary *s, uint32_t i, struct export_row *r)
{
	const struct target *t = &c->targets[i];
	const struct pace *p = &s->targets[i];
	memset(r, 0, sizeof *r);
	r->cell[T_ZONE] = (struct export_cell){CELL_ZONE, .zone = t->zone};
	if (t->project != NONE)
		name(&r->cell[T_PROJECT], c, &c->projects[t->project].it);
	name(&r->cell[T_NAME], c, &t->it);
	text(&r->cell[T_OWNER], c, item_owner(c, KIND_TARGET, i));
	number(&r->cell[T_TARGET], CELL_NUM, t->target);
	number(&r->cell[T_ACTUAL], CELL_NUM, t->actual);
	text(&r->cell[T_UNIT], c, t->unit);
	r->cell[T_AT_MOST] = (struct export_cell){CELL_BOOL, .n = (t->it.flags & TARGET_AT_MOST) != 0};
	if (!isnan(t->actual)) /* the day the figure is for, as the targets view shows it */
		day(&r->cell[T_AS_OF], p->as_of);
	text(&r->cell[T_DUE_TEXT], c, t->due_text);
	day(&r->cell[T_DUE], t->due);
	number(&r->cell[T_SHARE], CELL_SHARE, p->share);
	number(&r->cell[T_GONE], CELL_SHARE, p->expected);
	word(&r->cell[T_VERDICT], &verdicts[p->v], NULL);
	place(&r->cell[T_PLACE], c, KIND_TARGET, i);
	r->mark = pace_bad(p->v) ? MARK_BAD : MARK_NONE;
}

uint32_t *export_milestone_order(const struct chart *c)
{
	uint32_t *v = malloc((c->nmilestones + 1) * sizeof *v);
	size_t n = 0;
	if (!v)
		return NULL;
	for (size_t z = 0; z < c->nzones; z++) /* zones are in pre-order */
		for (uint32_t p = c->zones[z].proj_first; p < c->zones[z].proj_first + c->zones[z].proj_count; p++)
			for (uint32_t k = 0; k < c->projects[p].ms_count && n < c->nmilestones; k++)
				v[n++] = c->projects[p].ms_first + k;
	return v;
}

size_t export_zone_path(const struct chart *c, uint32_t z, char *buf, size_t cap)
{
	uint32_t up[64]; /* the loader stops nesting long before this */
	int depth = 0;
	for (uint32_t at = z; at != NONE && depth < 64; at = c->zones[at].parent)
		up[depth++] = at;
	size_t n = 0;
	for (int k = depth - 1; k >= 0; k--) {
		const char *part = item_name(c, &c->zones[up[k]].it);
		size_t len = strlen(part);
		if (k != depth - 1) {
			if (n + 3 < cap)
				memcpy(buf + n, " / ", 3);
			n += 3;
		}
		if (n + len < cap)
			memcpy(buf + n, part, len);
		n += len;
	}
	if (cap)
		buf[n < cap ? n : cap - 1] = '\0';
	return n;
}

void export_number(double v, char buf[static 32])
{
	/* The shortest form that reads back as the same double: a figure
	 * written 61.5 in the chart is 61.5, not 61.500000000000001. */
	int digits = 1;
	for (; digits <= 17; digits++) {
		snprintf(buf, 32, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	/* and without an exponent where people would not write one: 100, not 1e+02 */
	char *e = strchr(buf, 'e');
	int exp = e ? (int)strtol(e + 1, NULL, 10) : 0;
	if (e && exp >= -6 && exp < 17)
		snprintf(buf, 32, "%.*f", digits - 1 - exp > 0 ? digits - 1 - exp : 0, v);
	if (!strcmp(buf, "-0"))
		strcpy(buf, "0");
}

/* Makes room for n bytes and a NUL in *buf. */
static int reserve(char **buf, size_t *cap, size_t n)
{
	if (n < *cap)
		return 0;
	size_t want = n + 1 > 64 ? n + 1 : 64;
	char *p = realloc(*buf, want);
	if (!p)
		return -1;
	*buf = p;
	*cap = want;
	return 0;
}

const char *export_cell_text(const struct chart *c, const struct export_cell *cell, char **buf, size_t *cap,
			     size_t *len)
{
	char small[64];
	const char *t = small;
	size_t n;
	switch (cell->type) {
	case CELL_TEXT:
		*len = cell->len;
		return cell->text;
	case CELL_WORD:
		t = _(cell->text);
		*len = strlen(t);
		return t;
	case CELL_BOOL:
		t = cell->n ? _("yes") : "";
		*len = strlen(t);
		return t;
	case CELL_ZONE:
		n = export_zone_path(c, cell->zone, NULL, 0);
		if (reserve(buf, cap, n) < 0)
			return NULL;
		*len = export_zone_path(c, cell->zone, *buf, *cap);
		return *buf;
	case CELL_PLACE: {
		const char *f = export_file(c, cell);
		n = strlen(f);
		if (reserve(buf, cap, n + 24) < 0)
			return NULL;
		*len = (size_t)snprintf(*buf, *cap, "%s:%ld", f, cell->n);
		return *buf;
	}
	case CELL_DATE:
		date_format(cell->day, small);
		break;
	case CELL_INT:
		snprintf(small, sizeof small, "%ld", cell->n);
		break;
	case CELL_NUM:
		export_number(cell->num, small);
		break;
	case CELL_SHARE: /* 61.5%: spreadsheets read it as the number 0.615 */
		export_number(round(cell->num * 1000) / 10, small);
		strcat(small, "%");
		break;
	default:
		small[0] = '\0';
		break;
	}
	n = strlen(small);
	if (reserve(buf, cap, n) < 0)
		return NULL;
	memcpy(*buf, t, n + 1);
	*len = n;
	return *buf;
}

/* Where an export goes. A regular file, or one that is not there yet, is
 * written beside itself under a temporary name and renamed over it when
 * complete: an export that fails (a full disk, a file size limit, out of
 * memory) leaves the file as it was, never half a workbook. Anything else
 * (a device, a pipe, a directory, which then says so) is written directly. */
struct out_file {
	const char *shown; /* the user's name for it; NULL: standard output */
	char *real;        /* the regular file it names, links followed */
	char *tmp;         /* the temporary beside it; NULL: written directly */
};

static int out_open(struct out_file *t, const char *path, char *err, size_t cap)
{
	*t = (struct out_file){path, NULL, NULL};
	struct stat st;
	int there = path && stat(path, &st) == 0;
	if (!path || (there && !S_ISREG(st.st_mode)))
		return 0;
	t->real = there ? realpath(path, NULL) : strdup(path);
	size_t n = t->real ? strlen(t->real) : 0;
	if (!t->real || !(t->tmp = malloc(n + 8))) {
		snprintf(err, cap, "%s", _("out of memory"));
		free(t->real);
		return -1;
	}
	memcpy(t->tmp, t->real, n);
	memcpy(t->tmp + n, ".XXXXXX", 8);
	int fd = mkstemp(t->tmp);
	if (fd < 0) {
		snprintf(err, cap, _("cannot write %s: %s"), path, strerror(errno));
		free(t->tmp);
		free(t->real);
		return -1;
	}
	/* mkstemp's 0600 would make a shared export private: the mode the
	 * file had, or the one a new file gets. */
	mode_t mode;
	if (there) {
		mode = st.st_mode & 07777;
	} else {
		mode = umask(0);
		umask(mode);
		mode = 0666 & ~mode;
	}
	(void)fchmod(fd, mode);
	close(fd);
	return 0;
}

/* Puts the export in place when it succeeded (res 0), else removes it;
 * res, or -1 when it could not be put in place. */
static int out_close(struct out_file *t, int res, char *err, size_t cap)
{
	if (t->tmp && res == 0 && rename(t->tmp, t->real) < 0) {
		snprintf(err, cap, _("cannot write %s: %s"), t->shown, strerror(errno));
		res = -1;
	}
	if (t->tmp && res < 0)
		unlink(t->tmp);
	free(t->tmp);
	free(t->real);
	return res;
}

int export_write(const struct chart *c, const struct summary *s, const struct export_opts *o, char *err,
		 size_t cap)
{
	struct out_file t;
	if (out_open(&t, o->path, err, cap) < 0)
		return -1;
	const char *file = t.tmp ? t.tmp : o->path;
	if (o->format == EXPORT_XLSX)
		return out_close(&t, export_xlsx(file, o->path, c, s, err, cap), err, cap);
	FILE *out = file ? fopen(file, "w") : stdout;
	if (!out) {
		snprintf(err, cap, _("cannot write %s: %s"), o->path, strerror(errno));
		return out_close(&t, -1, err, cap);
	}
	int r = o->format == EXPORT_CSV ? export_csv(out, c, s, o, err, cap) : export_json(out, c, s, err, cap);
	/* A full disk shows only when the buffer is written out. */
	int failed = fflush(out) != 0 || ferror(out);
	int e = errno;
	if (file && fclose(out) != 0 && !failed)
		failed = 1, e = errno;
	if (r == 0 && failed) {
		snprintf(err, cap, _("cannot write %s: %s"), o->path ? o->path : _("standard output"), strerror(e));
		r = -1;
	}
	return out_close(&t, r, err, cap);
}
