#include "config.h"
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

void search_init(struct search *s, const struct chart *c)
{
	memset(s, 0, sizeof *s);
	s->c = c;
}

void search_free(struct search *s)
{
	free(s->folded);
	free(s->orig);
	free(s->at);
	free(s->query);
	memset(s, 0, sizeof *s);
}

static int build(struct search *s)
{
	const struct pool *p = &s->c->str;
	size_t count = 0, cap = 1024, len = 0;
	for (size_t off = 1; off < p->len; off += strlen(p->buf + off) + 1)
		count++;
	s->orig = malloc((count + 1) * sizeof *s->orig);
	s->at = malloc((count + 1) * sizeof *s->at);
	s->folded = malloc(cap);
	if (!s->orig || !s->at || !s->folded)
		return -1;
	for (size_t off = 1; off < p->len;) {
		size_t n = strlen(p->buf + off), fn;
		char *f = text_fold(p->buf + off, n, &fn);
		if (!f)
			return -1;
		while (len + fn + 1 > cap) {
			char *b = realloc(s->folded, cap *= 2);
			if (!b) {
				free(f);
				return -1;
			}
			s->folded = b;
		}
		memcpy(s->folded + len, f, fn + 1);
		free(f);
		s->orig[s->n] = (uint32_t)off;
		s->at[s->n++] = (uint32_t)len;
		len += fn + 1;
		off += n + 1;
	}
	return 0;
}

int search_set(struct search *s, const char *query)
{
	if (!s->folded && build(s) < 0)
		return -1;
	size_t n;
	char *q = text_fold(query, strlen(query), &n);
	if (!q)
		return -1;
	free(s->query);
	s->query = q;
	return 0;
}

static int text_matches(const struct search *s, str_t t)
{
	if (t == STR_NONE)
		return 0;
	size_t lo = 0, hi = s->n; /* binary search for the folded copy */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->orig[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->n && s->orig[lo] == t && strstr(s->folded + s->at[lo], s->query);
}

int search_matches(struct search *s, struct hit h)
{
	if (!s->query || !*s->query || h.zone >= s->c->nzones) /* an empty chart has no zone 0 */
		return 0;
	const struct chart *c = s->c;
	if (h.milestone != NONE) {
		const struct milestone *m = &c->milestones[h.milestone];
		return text_matches(s, m->name) || text_matches(s, m->owner) || text_matches(s, m->note) ||
		       text_matches(s, m->due_text);
	}
	if (h.project != NONE) {
		const struct project *p = &c->projects[h.project];
		return text_matches(s, p->name) || text_matches(s, p->owner) || text_matches(s, p->note);
	}
	const struct zone *z = &c->zones[h.zone];
	return text_matches(s, z->name) || text_matches(s, z->owner) || text_matches(s, z->note);
}

/* The item after `h` in display order: a zone, its projects each followed by
 * its milestones, then the next zone in pre-order; wraps at the end. */
static struct hit forward(const struct chart *c, struct hit h)
{
	const struct zone *z = &c->zones[h.zone];
	if (h.project == NONE) {
		if (z->proj_count)
			return (struct hit){h.zone, z->proj_first, NONE};
	} else {
		const struct project *p = &c->projects[h.project];
		uint32_t next_m = h.milestone == NONE ? p->ms_first : h.milestone + 1;
		if (next_m < p->ms_first + p->ms_count)
			return (struct hit){h.zone, h.project, next_m};
		if (h.project + 1 < z->proj_first + z->proj_count)
			return (struct hit){h.zone, h.project + 1, NONE};
	}
	return (struct hit){(uint32_t)((h.zone + 1) % c->nzones), NONE, NONE};
}

/* The last item of a zone: its last project's last milestone, or less. */
static struct hit zone_last(const struct chart *c, uint32_t zi)
{
	const struct zone *z = &c->zones[zi];
	if (!z->proj_count)
		return (struct hit){zi, NONE, NONE};
	uint32_t p = z->proj_first + z->proj_count - 1;
	const struct project *pr = &c->projects[p];
	return (struct hit){zi, p, pr->ms_count ? pr->ms_first + pr->ms_count - 1 : NONE};
}

static struct hit backward(const struct chart *c, struct hit h)
{
	if (h.milestone != NONE)
		return (struct hit){h.zone, h.project,
				    h.milestone > c->projects[h.project].ms_first ? h.milestone - 1 : NONE};
	if (h.project != NONE) {
		if (h.project > c->zones[h.zone].proj_first) {
			const struct project *p = &c->projects[h.project - 1];
			return (struct hit){h.zone, h.project - 1,
					    p->ms_count ? p->ms_first + p->ms_count - 1 : NONE};
		}
		return (struct hit){h.zone, NONE, NONE};
	}
	return zone_last(c, (uint32_t)((h.zone + c->nzones - 1) % c->nzones));
}

int search_next(struct search *s, struct hit from, int dir, struct hit *out)
{
	const struct chart *c = s->c;
	if (!c->nzones || !s->query || !*s->query)
		return 0;
	size_t total = c->nzones + c->nprojects + c->nmilestones;
	struct hit h = from;
	for (size_t i = 0; i < total; i++) {
		h = dir > 0 ? forward(c, h) : backward(c, h);
		if (search_matches(s, h)) {
			*out = h;
			return 1;
		}
	}
	return 0;
}
