#include "config.h"
#include "schema.h"
#include "i18n.h"

#include "i18n.h"
#include "slips.h"
#include "typo.h"

#include <string.h>

/* ---- the tables ----------------------------------------------------- */

enum ftype {
	F_TEXT,   /* one line of text: str_t at `off`, or out of line (OUT_OF_LINE, off2 the enum item_text) */
	F_NOTE,   /* a paragraph: the same */
	F_DUE,    /* a date: written text at `off`, the period's last day at `off2` */
	F_WHEN,   /* a milestone's date: its number in the chart's written dates at `off` */
	F_DONE,   /* as F_WHEN, for what has happened: a day after today is a warning */
	F_START,  /* a date: written text at `off`, the period's first day at `off2` */
	F_NUMBER, /* a double at `off` */
	F_FLAG,   /* a boolean: sets `flag` in the item's flags */
	F_STATUS, /* the item's status */
	F_LIST,   /* child items of `child`; their range [first at off, count at off2) */
	F_PARENT, /* a zone's parent in another file: a graft (graft.c) */
};

#define NO_RANGE ((size_t)-1)
#define OUT_OF_LINE ((size_t)-1)
#define KEY(k) (k), sizeof(k) - 1

struct schema;

struct field {
	const char *key;
	size_t klen; /* strlen(key): keys are found by length first */
	enum ftype type;
	size_t off, off2;  /* dates: the text, the day the field stands for */
	int required;  /* absent or empty: the item is invalid */
	uint16_t flag;
	const struct schema *child;
};

struct schema {
	enum kind kind;
	const char *what;    /* "a zone", for messages */
	const char *example; /* what a well-formed one looks like */
	const struct field *fields;
	size_t nfields;
	/* Fills the defaults and the link to the parent (an item of kind
	 * parent_kind, or NONE: none). */
	void (*init)(struct chart *c, uint32_t i, enum kind parent_kind, uint32_t parent);
	/* Checks an item whose fields have all been read. */
	void (*finish)(struct reader *r, struct chart *c, uint32_t i);
};

/* Every item has these: a name and an id first, an owner and a note last. */
#define NAME_ID(T)                                          \
	{KEY("name"), F_TEXT, offsetof(T, it.name), 0, 1, 0, NULL}, \
	{KEY("id"), F_TEXT, OUT_OF_LINE, ITX_ID, 0, 0, NULL}
#define OWNER_NOTE(T)                                         \
	{KEY("owner"), F_TEXT, OUT_OF_LINE, ITX_OWNER, 0, 0, NULL}, \
	{KEY("note"), F_NOTE, OUT_OF_LINE, ITX_NOTE, 0, 0, NULL}
#define N(a) (sizeof(a) / sizeof *(a))

static void milestone_init(struct chart *c, uint32_t i, enum kind parent_kind, uint32_t parent)
{
	(void)parent_kind;
	(void)parent; /* its project's range holds it */
	c->milestones[i].it.status = ST_COUNT; /* not written: decided by `done` when finished */
}

static void milestone_finish(struct reader *r, struct chart *c, uint32_t i)
{
	struct milestone *m = &c->milestones[i];
	day_t done = milestone_done(c, m);
	/* A done date says it is done, unless the status says otherwise. */
	if (m->it.status == ST_COUNT)
		m->it.status = done != DAY_NONE ? ST_DONE : ST_PLANNED;
	else if (done != DAY_NONE && m->it.status != ST_DONE) {
		yaml_mark_t mk = {0, m->it.line - 1, m->it.col - 1};
		rd_report(r, DIAG_WARNING, &mk, "milestone has a 'done' date but its status is '%s'",
			  status_name(m->it.status));
	}
}

static const struct field milestone_fields[] = {
	NAME_ID(struct milestone),
	{KEY("due"), F_WHEN, offsetof(struct milestone, due_date), 0, 1, 0, NULL},
	{KEY("status"), F_STATUS, 0, 0, 0, 0, NULL},
	{KEY("done"), F_DONE, offsetof(struct milestone, done_date), 0, 0, 0, NULL},
	OWNER_NOTE(struct milestone),
};
static const struct schema milestone_schema = {
	KIND_MILESTONE, N_("a milestone"), "name: …, due: …", milestone_fields, N(milestone_fields),
	milestone_init, milestone_finish,
};

static void progress_init(struct chart *c, uint32_t i, enum kind parent_kind, uint32_t parent)
{
	(void)parent_kind;
	struct progress *p = &c->progress[i];
	p->actual = NAN;
	p->as_of = DAY_NONE;
	p->target = parent;
}

static const struct field progress_fields[] = {
	{KEY("as_of"), F_DUE, offsetof(struct progress, as_of_text), offsetof(struct progress, as_of), 1, 0, NULL},
	{KEY("actual"), F_NUMBER, offsetof(struct progress, actual), 0, 1, 0, NULL},
};
static const struct schema progress_schema = {
	KIND_PROGRESS, N_("a progress figure"), "as_of: …, actual: …", progress_fields, N(progress_fields),
	progress_init, NULL,
};

static void target_init(struct chart *c, uint32_t i, enum kind parent_kind, uint32_t parent)
{
	struct target *t = &c->targets[i];
	t->actual = NAN;
	t->due = t->start = t->as_of = DAY_NONE;
	t->project = parent_kind == KIND_PROJECT ? parent : NONE;
	t->zone = parent_kind == KIND_PROJECT ? c->projects[parent].zone : parent;
	t->prog_first = (uint32_t)c->nprogress;
}

static void target_finish(struct reader *r, struct chart *c, uint32_t i)
{
	struct target *t = &c->targets[i];
	yaml_mark_t at = {0, t->it.line - 1, t->it.col - 1};
	/* Dated figures: the last is the current one; they go forward in time. */
	for (uint32_t p = t->prog_first + 1; p < t->prog_first + t->prog_count; p++)
		if (c->progress[p].as_of != DAY_NONE && c->progress[p - 1].as_of != DAY_NONE &&
		    c->progress[p].as_of <= c->progress[p - 1].as_of) {
			yaml_mark_t pm = {0, c->progress[p].it.line - 1, c->progress[p].it.col - 1};
			rd_report(r, DIAG_WARNING, &pm, "'progress' should go forward in time: this figure is not later than the one before");
			break;
		}
	if (t->prog_count) {
		const struct progress *last = &c->progress[t->prog_first + t->prog_count - 1];
		if ((!isnan(t->actual) && t->actual != last->actual) ||
		    (t->as_of != DAY_NONE && t->as_of != last->as_of))
			rd_report(r, DIAG_WARNING, &at,
				  "'actual' and 'as_of' differ from the last 'progress' figure, which is used");
		t->actual = last->actual;
		t->as_of = last->as_of;
		t->as_of_text = last->as_of_text;
	}
	if (t->start != DAY_NONE && t->due != DAY_NONE && t->start > t->due) {
		yaml_mark_t mk = {0, t->it.line - 1, t->it.col - 1};
		char q1[RD_QUOTE_MAX], q2[RD_QUOTE_MAX], q3[RD_QUOTE_MAX];
		const char *n = chart_str(c, t->it.name), *a = chart_str(c, t->start_text),
			   *b = chart_str(c, t->due_text);
		rd_report(r, DIAG_WARNING, &mk, "target '%s' starts (%s) after it is due (%s)",
			  rd_quote(n, strlen(n), q1), rd_quote(a, strlen(a), q2), rd_quote(b, strlen(b), q3));
	}
}

static const struct field target_fields[] = {
	NAME_ID(struct target),
	{KEY("target"), F_NUMBER, offsetof(struct target, target), 0, 1, 0, NULL},
	{KEY("actual"), F_NUMBER, offsetof(struct target, actual), 0, 0, 0, NULL},
	{KEY("unit"), F_TEXT, offsetof(struct target, unit), 0, 0, 0, NULL},
	{KEY("due"), F_DUE, offsetof(struct target, due_text), offsetof(struct target, due), 0, 0, NULL},
	{KEY("start"), F_START, offsetof(struct target, start_text), offsetof(struct target, start), 0, 0, NULL},
	{KEY("as_of"), F_DUE, offsetof(struct target, as_of_text), offsetof(struct target, as_of), 0, 0, NULL},
	{KEY("at_most"), F_FLAG, 0, 0, 0, TARGET_AT_MOST, NULL},
	{KEY("progress"), F_LIST, offsetof(struct target, prog_first), offsetof(struct target, prog_count), 0, 0,
	 &progress_schema},
	OWNER_NOTE(struct target),
};
static const struct schema target_schema = {
	KIND_TARGET, N_("a target"), "name: …, target: …", target_fields, N(target_fields),
	target_init, target_finish,
};

static void project_init(struct chart *c, uint32_t i, enum kind parent_kind, uint32_t parent)
{
	(void)parent_kind;
	struct project *p = &c->projects[i];
	p->investment = NAN;
	p->zone = parent;
	p->ms_first = (uint32_t)c->nmilestones;
	p->tgt_first = (uint32_t)c->ntargets;
}

static const struct field project_fields[] = {
	NAME_ID(struct project),
	{KEY("investment"), F_NUMBER, offsetof(struct project, investment), 0, 0, 0, NULL},
	{KEY("targets"), F_LIST, offsetof(struct project, tgt_first), offsetof(struct project, tgt_count), 0, 0,
	 &target_schema},
	{KEY("milestones"), F_LIST, offsetof(struct project, ms_first), offsetof(struct project, ms_count), 0, 0,
	 &milestone_schema},
	OWNER_NOTE(struct project),
};
static const struct schema project_schema = {
	KIND_PROJECT, N_("a project"), "name: …, milestones: […]", project_fields, N(project_fields),
	project_init, NULL,
};

static void zone_init(struct chart *c, uint32_t i, enum kind parent_kind, uint32_t parent)
{
	(void)parent_kind;
	struct zone *z = &c->zones[i];
	z->parent = parent;
	z->proj_first = (uint32_t)c->nprojects;
	z->tgt_first = (uint32_t)c->ntargets;
	z->depth = parent == NONE ? 0 : c->zones[parent].depth + 1;
}

static void zone_finish(struct reader *r, struct chart *c, uint32_t i)
{
	(void)r;
	c->zones[i].end = (uint32_t)c->nzones; /* pre-order: its sub-zones came before now */
}

static const struct schema zone_schema;
static const struct field zone_fields[] = {
	NAME_ID(struct zone),
	{KEY("targets"), F_LIST, offsetof(struct zone, tgt_first), offsetof(struct zone, tgt_count), 0, 0,
	 &target_schema},
	{KEY("projects"), F_LIST, offsetof(struct zone, proj_first), offsetof(struct zone, proj_count), 0, 0,
	 &project_schema},
	{KEY("zones"), F_LIST, NO_RANGE, NO_RANGE, 0, 0, &zone_schema},
	OWNER_NOTE(struct zone),
	{KEY("parent"), F_PARENT, 0, 0, 0, 0, NULL},
};
static const struct schema zone_schema = {
	KIND_ZONE, N_("a zone"), "name: …, projects: […]", zone_fields, N(zone_fields), zone_init, zone_finish,
};

/* ---- reading -------------------------------------------------------- */

/* Words people reach for instead of a key, Chinese ones among them. */
static const struct {
	const char *word, *key;
} synonyms[] = {
	{"deadline", "due"}, {"due_date", "due"}, {"duedate", "due"}, {"date", "due"},
	{"截止", "due"}, {"截止日期", "due"}, {"截止时间", "due"}, {"期限", "due"}, {"时限", "due"},
	{"名称", "name"}, {"名字", "name"}, {"项目名称", "name"}, {"title", "name"},
	{"负责人", "owner"}, {"责任人", "owner"}, {"责任单位", "owner"}, {"牵头单位", "owner"},
	{"状态", "status"}, {"state", "status"},
	{"备注", "note"}, {"说明", "note"}, {"notes", "note"}, {"comment", "note"},
	{"完成日期", "done"}, {"完成时间", "done"}, {"done_date", "done"}, {"completed", "done"},
	{"单位", "unit"}, {"目标", "target"}, {"目标值", "target"}, {"实际", "actual"},
	{"完成值", "actual"}, {"累计完成", "actual"}, {"开始", "start"}, {"起始", "start"},
	{"投资", "investment"}, {"总投资", "investment"}, {"编号", "id"},
	{"project", "projects"}, {"milestone", "milestones"}, {"zone", "zones"}, {"target", "targets"},
	{"项目", "projects"}, {"节点", "milestones"}, {"里程碑", "milestones"}, {"区域", "zones"},
	{"子区域", "zones"}, {"片区", "zones"}, {"指标", "targets"},
};

/* The keys that hold other items: a typo in one loses all they hold. */
static const char *const list_keys[] = {"zones", "projects", "milestones", "targets"};

static int has_key(const struct schema *s, const char *key)
{
	for (size_t i = 0; i < s->nfields; i++)
		if (!strcmp(s->fields[i].key, key))
			return 1;
	return 0;
}

static int is_list_key(const char *key)
{
	for (size_t i = 0; i < 4; i++)
		if (key && !strcmp(key, list_keys[i]))
			return 1;
	return 0;
}

/* The key `key` most likely stands for: a synonym, else the nearest by edit
 * distance (at most 2, and less than the key's length); NULL if none. With
 * `any_list`, list keys of any item type count; else only keys of s. */
static const char *meant(const struct schema *s, const char *key, int any_list)
{
	for (size_t i = 0; i < sizeof synonyms / sizeof *synonyms; i++)
		if (!strcmp(key, synonyms[i].word) &&
		    (has_key(s, synonyms[i].key) || (any_list && is_list_key(synonyms[i].key))))
			return synonyms[i].key;
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; i < s->nfields; i++) {
		size_t d = typo_distance(key, s->fields[i].key);
		if (d < bestd && d < strlen(s->fields[i].key)) {
			bestd = d;
			best = s->fields[i].key;
		}
	}
	for (size_t i = 0; any_list && i < 4; i++) {
		size_t d = typo_distance(key, list_keys[i]);
		if (d < bestd) {
			bestd = d;
			best = list_keys[i];
		}
	}
	return best;
}

static void unknown_key(struct reader *r, const yaml_mark_t *at, const struct schema *s,
			const char *key, size_t len)
{
	char q[RD_QUOTE_MAX], known[256] = "";
	/* The key may hold what an input method typed: then the structure was
	 * meant and what it holds is lost, an error; the note says where. */
	struct slip sl;
	int slipped = slip_scan(key, len, &sl);
	if (slipped) {
		yaml_mark_t m = *at;
		m.column += sl.col - 1;
		rd_report_file(r, DIAG_NOTE, &m, "%s", sl.msg);
	}
	const char *guess = meant(s, key, 1);
	/* A key that holds items, misspelt or misplaced: all it holds is lost,
	 * so it is an error, never a warning that scrolls by. */
	if (is_list_key(guess)) {
		if (has_key(s, guess) && strcmp(key, guess))
			rd_report(r, DIAG_ERROR, at, "unknown key '%s' in %s: did you mean '%s'? What it holds is not read",
				  rd_quote(key, len, q), _(s->what), guess);
		else if (!strcmp(key, guess))
			rd_report(r, DIAG_ERROR, at, "'%s' does not belong in %s: what it holds is not read (docs/format.md says where it goes)",
				  rd_quote(key, len, q), _(s->what));
		else
			rd_report(r, DIAG_ERROR, at, "unknown key '%s' in %s: what it holds is not read",
				  rd_quote(key, len, q), _(s->what));
		return;
	}
	guess = meant(s, key, 0);
	enum severity sev = slipped ? DIAG_ERROR : DIAG_WARNING;
	if (guess) {
		rd_report(r, sev, at, "unknown key '%s' in %s (did you mean '%s'?)", rd_quote(key, len, q), _(s->what),
			  guess);
		return;
	}
	if (slipped) {
		rd_report(r, sev, at, "unknown key '%s' in %s: what it holds is not read", rd_quote(key, len, q),
			  _(s->what));
		return;
	}
	for (size_t i = 0; i < s->nfields; i++) {
		strcat(known, i ? ", " : "");
		strcat(known, s->fields[i].key);
	}
	rd_report(r, DIAG_WARNING, at, "unknown key '%s' in %s (known keys: %s)", rd_quote(key, len, q),
		  _(s->what), known);
}

/* Reads the key at the current event into key[] (cut at 63 bytes) and finds
 * its field. Returns the field index, -1 for an unknown or bad key (reported),
 * -2 on a fatal error. */
static int which_field(struct reader *r, const struct schema *s, char *key, size_t *klen)
{
	yaml_mark_t at = rd_mark(r);
	if (r->ev.type == YAML_SCALAR_EVENT) {
		/* Every key of every item comes here: lengths first, then bytes. */
		const char *v = (const char *)r->ev.data.scalar.value;
		size_t len = r->ev.data.scalar.length;
		for (size_t i = 0; i < s->nfields; i++)
			if (s->fields[i].klen == len && !memcmp(v, s->fields[i].key, len))
				return (int)i;
		*klen = len < 63 ? len : 63;
		memcpy(key, v, *klen);
		key[*klen] = '\0';
		unknown_key(r, &at, s, key, *klen);
		return -1;
	}
	if (!rd_is_alias(r)) {
		rd_report(r, DIAG_ERROR, &at, "a key in %s must be text, not %s", _(s->what), rd_node_kind(r));
		if (rd_skip(r) < 0)
			return -2;
	}
	return -1;
}

static int read_list(struct reader *r, struct chart *c, const char *key, const struct schema *child,
		     enum kind parent_kind, uint32_t parent);

/* Walks the mapping at the current event: for each key of `s` found, calls
 * on(r, c, field, ctx) with its value as the current event, which it must
 * consume. Unknown and repeated keys are reported and skipped. *seen gets a
 * bit per field present. */
static int each_field(struct reader *r, struct chart *c, const struct schema *s, uint32_t *seen,
		      int (*on)(struct reader *, struct chart *, const struct field *, void *), void *ctx)
{
	*seen = 0;
	for (;;) {
		if (rd_next(r) < 0)
			return -1;
		if (r->ev.type == YAML_MAPPING_END_EVENT)
			return 0;
		char key[64];
		size_t klen = 0;
		yaml_mark_t at = rd_mark(r);
		int fi = which_field(r, s, key, &klen);
		if (fi == -2)
			return -1;
		if (fi >= 0 && (*seen & (1u << fi))) {
			rd_report(r, DIAG_ERROR, &at, "'%s' appears twice in %s; the first is used",
				  s->fields[fi].key, _(s->what));
			fi = -1;
		}
		if (rd_next(r) < 0)
			return -1;
		if (fi < 0) {
			if (rd_skip(r) < 0)
				return -1;
			continue;
		}
		*seen |= 1u << fi;
		if (on(r, c, &s->fields[fi], ctx) < 0)
			return -1;
	}
}

struct item_ctx {
	const struct schema *s;
	uint32_t i;
};

/* Reads the value of one field of an item. */
static int item_field(struct reader *r, struct chart *c, const struct field *f, void *ctx)
{
	const struct item_ctx *ic = ctx;
	enum kind k = ic->s->kind;
	char *item = (char *)chart_item(c, k, ic->i);
	yaml_mark_t at = rd_mark(r);
	int given = !rd_is_null(r), res = 0, b; /* texts: not empty once read */
	struct span sp;
	str_t text = STR_NONE;
	switch (f->type) {
	case F_TEXT:
	case F_NOTE:
		res = rd_text(r, f->key, f->type == F_NOTE ? TEXT_PARA : TEXT_LINE,
			      f->off == OUT_OF_LINE ? &text : (str_t *)(item + f->off));
		given = r->len > 0;
		if (res == 0 && f->off == OUT_OF_LINE &&
		    item_set_text(c, k, ic->i, (enum item_text)f->off2, text) < 0) {
			r->oom = r->fatal = 1;
			return -1;
		}
		break;
	case F_DUE:
	case F_START:
		res = rd_date(r, f->key, (str_t *)(item + f->off), &sp);
		given = r->len > 0;
		if (res == 0 && given)
			*(day_t *)(item + f->off2) = f->type == F_START ? sp.first : sp.last;
		break;
	case F_WHEN:
	case F_DONE: {
		res = rd_date(r, f->key, &text, &sp);
		given = r->len > 0;
		if (res < 0)
			break;
		/* A text that is not a date is kept, to be shown, with no days. */
		uint32_t d = res == 0 ? chart_date(c, text, sp.by ? sp.last : sp.first, sp.last)
				      : chart_date(c, text, DAY_NONE, DAY_NONE);
		if (d == NONE) {
			r->oom = r->fatal = 1;
			return -1;
		}
		*(uint32_t *)(item + f->off) = d;
		if (res == 0 && given && f->type == F_DONE && r->opts->today != DAY_NONE &&
		    sp.last > r->opts->today) {
			char day[11];
			date_format(sp.last, day);
			rd_report(r, DIAG_WARNING, &at, "'%s' is in the future (%s): has it happened?", f->key, day);
		}
		break;
	}
	case F_NUMBER:
		/* item + f->off is the double the field table names (offsetof);
		 * cppcheck sees only the char * used to step to it. */
		/* cppcheck-suppress invalidPointerCast */
		res = rd_number(r, f->key, (double *)(item + f->off));
		given = r->len > 0;
		break;
	case F_FLAG:
		if ((res = rd_bool(r, f->key, &b)) == 0 && given && b)
			((struct item *)item)->flags |= f->flag;
		break;
	case F_STATUS: {
		str_t t;
		if ((res = rd_text(r, f->key, TEXT_LINE, &t)) != 0 || t == STR_NONE)
			break;
		size_t slot = t % 64;
		int st = r->status_seen[slot] == t ? r->status_is[slot] : status_parse(r->buf);
		if (st >= 0) {
			r->status_seen[slot] = t;
			r->status_is[slot] = (signed char)st;
		}
		if (st < 0) {
			char q[RD_QUOTE_MAX];
			rd_report(r, DIAG_ERROR, &at,
				  "unknown status '%s': write planned (计划), active (进行中), done (已完成), "
				  "paused (暂停) or dropped (取消); docs/format.md lists every spelling",
				  rd_quote(r->buf, r->len, q));
			res = 1;
		} else {
			((struct item *)item)->status = (uint8_t)st;
		}
		break;
	}
	case F_PARENT: {
		if ((res = rd_text(r, f->key, TEXT_LINE, &text)) != 0 || text == STR_NONE)
			break;
		uint32_t up = c->zones[ic->i].parent;
		if (up != NONE) {
			/* Only a zone at the top of a file is continued from another:
			 * a zone written inside another already has its parent. */
			char q[RD_QUOTE_MAX];
			const char *pn = item_name(c, &c->zones[up].it);
			rd_report(r, DIAG_ERROR, &at,
				  _("'parent' is only for a zone at the top of a file; this one is inside '%s' and stays there"),
				  rd_quote(pn, strlen(pn), q));
			res = 1;
		} else if (chart_add_graft(c, &(struct graft){ic->i, text, (uint32_t)at.line + 1, (uint32_t)at.column + 1}) < 0) {
			r->oom = r->fatal = 1;
			return -1;
		}
		break;
	}
	case F_LIST: {
		uint32_t first = (uint32_t)chart_count(c, f->child->kind);
		res = read_list(r, c, f->key, f->child, k, ic->i);
		item = (char *)chart_item(c, k, ic->i); /* the array may have moved */
		if (f->off != NO_RANGE) {
			*(uint32_t *)(item + f->off) = first;
			*(uint32_t *)(item + f->off2) = (uint32_t)chart_count(c, f->child->kind) - first;
		}
		break;
	}
	}
	if (res < 0)
		return -1;
	if (f->required && res == 0 && !given)
		rd_report(r, DIAG_ERROR, &at, "'%s' is empty", f->key);
	if (f->required && (res > 0 || !given))
		chart_item(c, k, ic->i)->flags |= ITEM_INVALID;
	return 0;
}

/* Reads the item whose mapping starts at the current event. */
static int read_item(struct reader *r, struct chart *c, const struct schema *s, enum kind parent_kind,
		     uint32_t parent)
{
	if (r->ev.type != YAML_MAPPING_START_EVENT) {
		if (!rd_is_alias(r))
			rd_report(r, DIAG_ERROR, &r->ev.start_mark, "%s must be a mapping (%s), not %s",
				  _(s->what), s->example, rd_node_kind(r));
		return rd_skip(r);
	}
	uint32_t i;
	struct item *it = chart_append(c, s->kind, &i);
	if (!it) {
		r->oom = r->fatal = 1;
		return -1;
	}
	yaml_mark_t start = rd_mark(r);
	it->line = (uint32_t)start.line + 1;
	it->col = start.column + 1 < UINT16_MAX ? (uint16_t)(start.column + 1) : UINT16_MAX;
	s->init(c, i, parent_kind, parent);
	/* Problems found from here on are this item's (or a child's). */
	int was_kind = r->kind;
	uint32_t was_item = r->item, seen;
	size_t diags_from = r->diags->n;
	r->kind = (int)s->kind;
	r->item = i;
	struct item_ctx ic = {s, i};
	if (each_field(r, c, s, &seen, item_field, &ic) < 0)
		return -1;
	it = chart_item(c, s->kind, i);
	for (size_t f = 0; f < s->nfields; f++) { /* required fields never written */
		if (!s->fields[f].required || (seen & (1u << f)))
			continue;
		yaml_mark_t m = {0, it->line - 1, it->col - 1};
		char q[RD_QUOTE_MAX];
		const char *n = chart_str(c, it->name);
		if (*n)
			rd_report(r, DIAG_ERROR, &m, "%s '%s' has no '%s'", _(kind_info[s->kind].name),
				  rd_quote(n, strlen(n), q), s->fields[f].key);
		else
			rd_report(r, DIAG_ERROR, &m, "%s has no '%s'", _(kind_info[s->kind].name), s->fields[f].key);
		it->flags |= ITEM_INVALID;
	}
	if (s->finish)
		s->finish(r, c, i);
	for (size_t d = diags_from; d < r->diags->n; d++)
		if (r->diags->v[d].severity == DIAG_ERROR && r->diags->v[d].item == i &&
		    r->diags->v[d].kind == s->kind)
			it->flags |= ITEM_ERROR;
	r->kind = was_kind;
	r->item = was_item;
	return 0;
}

/* Reads each element of the list at the current event as an item of
 * `child`. A null value is an empty list. */
static int read_list(struct reader *r, struct chart *c, const char *key, const struct schema *child,
		     enum kind parent_kind, uint32_t parent)
{
	if (rd_is_null(r) || rd_is_alias(r))
		return 0;
	if (r->ev.type != YAML_SEQUENCE_START_EVENT) {
		rd_report(r, DIAG_ERROR, &r->ev.start_mark, "'%s' must be a list, not %s", key,
			  rd_node_kind(r));
		return rd_skip(r) < 0 ? -1 : 1;
	}
	for (;;) {
		if (rd_next(r) < 0)
			return -1;
		if (r->ev.type == YAML_SEQUENCE_END_EVENT)
			return 0;
		if (read_item(r, c, child, parent_kind, parent) < 0)
			return -1;
	}
}

/* The top level: a title and the zones. */
static const struct field chart_fields[] = {
	{KEY("title"), F_TEXT, 0, 0, 0, 0, NULL},
	{KEY("zones"), F_LIST, NO_RANGE, NO_RANGE, 0, 0, &zone_schema}, /* required: checked after */
};
static const struct schema chart_schema = {KIND_COUNT, N_("the chart"), "", chart_fields, N(chart_fields),
					    NULL, NULL};

static int top_field(struct reader *r, struct chart *c, const struct field *f, void *ctx)
{
	(void)ctx;
	if (f->type == F_TEXT)
		return rd_text(r, f->key, TEXT_LINE, &c->files[r->file].title) < 0 ? -1 : 0;
	return read_list(r, c, f->key, f->child, KIND_COUNT, NONE) < 0 ? -1 : 0;
}

int schema_read(struct reader *r, struct chart *c)
{
	if (rd_next(r) < 0 || rd_next(r) < 0) /* stream start, document start */
		return -1;
	if (r->ev.type == YAML_STREAM_END_EVENT) {
		yaml_mark_t m = {0, 0, 0};
		rd_report(r, DIAG_ERROR, &m, "the file is empty (a chart has 'zones:')");
		return -1;
	}
	if (rd_next(r) < 0)
		return -1;
	if (r->ev.type != YAML_MAPPING_START_EVENT) {
		if (rd_is_null(r))
			rd_report(r, DIAG_ERROR, &r->ev.start_mark, "the file is empty (a chart has 'zones:')");
		else if (!rd_is_alias(r))
			rd_report(r, DIAG_ERROR, &r->ev.start_mark,
				  "a chart must be a mapping with 'zones:', not %s", rd_node_kind(r));
		return -1;
	}
	yaml_mark_t root = rd_mark(r);
	uint32_t seen;
	if (each_field(r, c, &chart_schema, &seen, top_field, NULL) < 0)
		return -1;
	if (!(seen & 2)) {
		rd_report(r, DIAG_ERROR, &root, "the chart has no 'zones'");
		return -1;
	}
	if (rd_next(r) < 0 || rd_next(r) < 0) /* document end, then stream end or more */
		return -1;
	if (r->ev.type == YAML_DOCUMENT_START_EVENT) /* an error: its content would be lost */
		rd_report(r, DIAG_ERROR, &r->ev.start_mark,
			  "only the first YAML document is read; put each chart in its own file");
	return r->fatal ? -1 : 0;
}
