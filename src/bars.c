#include "config.h"
#include "bars.h"

#include <stdio.h>
#include <string.h>

void bars_header(struct grid *g, const struct app *a)
{
	const struct summary *s = a->s;
	char right[160], day[11], errors[48] = "";
	date_format(s->today, day);
	if (a->c->diags.errors) /* reads without colour: a mark, a count, the key */
		snprintf(errors, sizeof errors, "%s %zu 错误 (E)  ", a->f->bad, a->c->diags.errors);
	char behind[48] = "";
	if (s->all.behind) /* targets behind, missed or over: only where there are */
		snprintf(behind, sizeof behind, "  ! 指标落后 %u", s->all.behind);
	snprintf(right, sizeof right, "%s%s逾期 %u  将到期 %u%s  今天 %s", errors, s->all.overdue ? "! " : "",
		 s->all.overdue, s->all.soon, behind, day);
	int rw = text_width(right, strlen(right));
	if (rw + 12 > g->w) { /* narrow: the counts matter more than the date */
		snprintf(right, sizeof right, "%s%s逾期 %u  将到期 %u%s", errors, s->all.overdue ? "! " : "",
			 s->all.overdue, s->all.soon, behind);
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
			  s->all.overdue || s->all.behind || *errors ? STYLE_OVERDUE : STYLE_NORMAL, a->f->ellipsis);
}

void bars_hints(char *buf, size_t cap, const struct view_ops *v, const struct app *a)
{
	size_t n = 0;
	buf[0] = '\0';
	for (const struct hint *h = v->hints; h->a != ACT_NONE && n < cap; h++) {
		if (!app_enabled(a, h->a))
			continue;
		char k1[32], k2[32];
		const char *word = h->word ? h->word : action_info(h->a)->hint;
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

void bars_footer(struct grid *g, const char *msg, const char *hints, const char *right,
		 const char *ellipsis)
{
	const char *t = msg && *msg ? msg : hints;
	int rw = right ? text_width(right, strlen(right)) : 0, w = g->w;
	if (rw && rw + 20 <= w) {
		grid_text(g, g->h - 1, w - rw, rw, right, strlen(right), ALIGN_RIGHT, STYLE_DIM, ellipsis);
		w -= rw + 2;
	}
	grid_text(g, g->h - 1, 0, w, t, strlen(t), ALIGN_LEFT, msg && *msg ? STYLE_TITLE : STYLE_DIM,
		  ellipsis);
}
