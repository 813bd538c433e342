#include "config.h"
#include "i18n.h"
#include "bars.h"

#include <stdio.h>
#include <string.h>

void bars_header(struct grid *g, const struct app *a)
{
	const struct summary *s = a->s;
	char right[448], day[11], errors[96] = "", counts[384], today[48];
	date_format(s->today, day);
	if (a->c->diags.errors) { /* reads without colour: a mark, a count, the key */
		size_t ne = a->c->diags.errors;
		/* TRANSLATORS: the header's count of errors; E lists them */
		int k = snprintf(errors, sizeof errors, ngettext("%s %zu error (E)", "%s %zu errors (E)", ne), a->f->bad, ne);
		if (k > 0 && (size_t)k + 3 <= sizeof errors)
			strcat(errors, "  ");
	}
	char behind[128] = "", item[64];
	size_t n = 0;
	if (s->all.postponed) { /* deadlines moved later than the baseline: B lists them */
		snprintf(item, sizeof item, _("Postponed %u"), s->all.postponed);
		n += (size_t)snprintf(behind + n, sizeof behind - n, "  ! %s (B)", item);
	}
	if (s->all.behind && n < sizeof behind) { /* targets behind, missed or over: only where there are */
		snprintf(item, sizeof item, _("Targets behind %u"), s->all.behind);
		snprintf(behind + n, sizeof behind - n, "  ! %s", item);
	}
	char overdue[64], soon[64];
	snprintf(overdue, sizeof overdue, _("Overdue %u"), s->all.overdue);
	snprintf(soon, sizeof soon, _("Due soon %u"), s->all.soon);
	snprintf(counts, sizeof counts, "%s%s%s  %s%s", errors, s->all.overdue ? "! " : "", overdue, soon, behind);
	snprintf(today, sizeof today, _("Today %s"), day);
	snprintf(right, sizeof right, "%s  %s", counts, today);
	int rw = text_width(right, strlen(right));
	if (rw + 12 > g->w) { /* narrow: the counts matter more than the date */
		snprintf(right, sizeof right, "%s", counts);
		rw = text_width(right, strlen(right));
	}
	const char *title = *chart_title(a->c) ? chart_title(a->c) : "guatu";
	int tw = g->w - rw - 2;
	if (tw < 1) {
		tw = g->w;
		rw = 0;
	}
	grid_text(g, 0, 0, tw, title, strlen(title), ALIGN_LEFT, STYLE_TITLE, a->f->ellipsis);
	if (rw)
		grid_text(g, 0, g->w - rw, rw, right, strlen(right), ALIGN_RIGHT,
			  roll_bad(&s->all) || *errors ? STYLE_OVERDUE : STYLE_NORMAL, a->f->ellipsis);
}

void bars_hints(char *buf, size_t cap, const struct view_ops *v, const struct app *a)
{
	size_t n = 0;
	buf[0] = '\0';
	for (const struct hint *h = v->hints; h->a != ACT_NONE && n < cap; h++) {
		if (!app_enabled(a, h->a))
			continue;
		char k1[32], k2[32];
		const char *word = _(h->word ? h->word : action_info(h->a)->hint); /* N_() in both tables */
		const int *keys = action_keys(h->a);
		if (!keys[0])
			continue; /* unbound: nothing to press */
		key_label(keys[0], k1, sizeof k1);
		if (h->b != ACT_NONE && action_keys(h->b)[0]) {
			key_label(action_keys(h->b)[0], k2, sizeof k2);
			n += (size_t)snprintf(buf + n, cap - n, "%s%s/%s %s", n ? "  " : "", k1, k2, word);
		} else {
			n += (size_t)snprintf(buf + n, cap - n, "%s%s %s", n ? "  " : "", k1, word);
		}
	}
}

void bars_bottom(struct grid *g, const struct app *a, const struct view_ops *v, int titled,
		 const char *search, int missed)
{
	char text[PATH_MAX + 512];
	const char *ell = a->f->ellipsis;
	enum style st = STYLE_TITLE;
	if (search) {
		snprintf(text, sizeof text, "/%s%s%s", search,
			 missed ? "  " : !a->idx && a->indexing ? "  " : "",
			 missed ? _("no match") : !a->idx && a->indexing ? _("indexing…") : "");
	} else if (a->msg[0] || a->alert[0]) {
		snprintf(text, sizeof text, "%s", a->msg[0] ? a->msg : a->alert);
	} else {
		int n = titled ? snprintf(text, sizeof text, "%s  ", _(v->title)) : 0;
		bars_hints(text + n, sizeof text - (size_t)n, v, a);
		st = STYLE_DIM;
	}
	/* The right end (when loaded, how many files; that a reload is being
	 * read) gives way first. */
	const char *right = a->loading ? _("reloading…") : a->right;
	int tw = text_width(text, strlen(text)), rw = text_width(right, strlen(right)), w = g->w;
	if (rw && tw + 2 + rw <= w) {
		grid_text(g, g->h - 1, w - rw, rw, right, strlen(right), ALIGN_RIGHT, STYLE_DIM, ell);
		w -= rw + 2;
	}
	if (search && tw > w) { /* what is being typed shows: the end of the line, not its start */
		const char *p = text + 1;
		while (*p && text_width(p, strlen(p)) + 2 > w)
			p += text_cell_next(p, p + strlen(p), &(int){0}) - p;
		char tail[PATH_MAX + 512];
		snprintf(tail, sizeof tail, "/%s%s", ell, p);
		grid_text(g, g->h - 1, 0, w, tail, strlen(tail), ALIGN_LEFT, st, ell);
		return;
	}
	grid_text(g, g->h - 1, 0, w, text, strlen(text), ALIGN_LEFT, st, ell);
}
