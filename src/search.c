#include "config.h"
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"

/* memmem is not POSIX 2008: the first n bytes of `h` holding `q`. */
static const char *find(const char *h, size_t hn, const char *q, size_t qn)
{
	if (qn == 0 || qn > hn)
		return NULL;
	for (const char *p = h, *last = h + hn - qn; p <= last;) {
		p = memchr(p, q[0], (size_t)(last - p) + 1);
		if (!p)
			return NULL;
		if (!memcmp(p, q, qn))
			return p;
		p++;
	}
	return NULL;
}

void search_index_free(struct search_index *x)
{
	free(x->folded);
	free(x->at);
	memset(x, 0, sizeof *x);
}

int search_index_build(struct search_index *x, const struct pool *p)
{
	size_t count = pool_count(p);
	struct fold_buf b = FOLD_BUF_INIT;
	memset(x, 0, sizeof *x);
	x->at = malloc(count * sizeof *x->at);
	if (!x->at)
		return -1;
	for (str_t s = 0; s < count; s++) {
		size_t at = fold_append(&b, pool_str(p, s), pool_len(p, s));
		if (at == SIZE_MAX || at > UINT32_MAX) { /* offsets are 32 bits: 4 GiB of folded text at most */
			fold_buf_free(&b);
			search_index_free(x);
			return -1;
		}
		x->at[s] = (uint32_t)at;
	}
	x->folded = b.buf;
	x->n = count;
	return 0;
}

void matcher_free(struct matcher *m)
{
	free(m->query);
	free(m->hit);
	memset(m, 0, sizeof *m);
}

int matcher_set(struct matcher *m, const struct search_index *x, const char *query)
{
	/* Everything from `query` first: it may be a text the matcher holds. */
	size_t n;
	char *q = fold_str(query, strlen(query), &n);
	if (!q)
		return -1;
	/* A query that is a date also finds what falls due in it, however that
	 * was written: 2023-03-31 finds "2023年一季度", 2023年3月 all of March. */
	const char *why;
	struct span when;
	int is_date = date_parse(query, strlen(query), &when, &why) == 0;
	if (m->nhit != x->n) {
		uint8_t *h = realloc(m->hit, x->n ? x->n : 1);
		if (!h) {
			free(q);
			return -1;
		}
		m->hit = h;
		m->nhit = x->n;
	}
	free(m->query);
	m->query = q;
	m->qlen = n;
	m->is_date = is_date;
	m->when = when;
	memset(m->hit, 0, m->nhit);
	m->hits = 0;
	if (!n || !x->n)
		return 0;
	/* One pass over every folded text: a match cannot span two, since the
	 * query holds no NUL. Each match is turned into its text's number. */
	const char *end = x->folded + x->at[x->n - 1] + strlen(x->folded + x->at[x->n - 1]);
	for (const char *p = x->folded; (p = find(p, (size_t)(end - p), q, n));) {
		size_t lo = 0, hi = x->n, off = (size_t)(p - x->folded);
		while (hi - lo > 1) { /* the last text starting at or before off */
			size_t mid = (lo + hi) / 2;
			if (x->at[mid] <= off)
				lo = mid;
			else
				hi = mid;
		}
		m->hit[lo] = 1;
		m->hits++;
		p = x->folded + x->at[lo] + strlen(x->folded + x->at[lo]) + 1; /* the next text */
		if (p >= end)
			break;
	}
	return 0;
}

int matcher_text(const struct matcher *m, const char *s, size_t len)
{
	if (!matcher_active(m))
		return 0;
	size_t n;
	char *f = fold_str(s, len, &n);
	int hit = f && find(f, n, m->query, m->qlen) != NULL;
	free(f);
	return hit;
}

int matcher_item(const struct matcher *m, const struct chart *c, enum kind k, uint32_t i)
{
	const struct item *it = chart_item(c, k, i);
	if (matcher_str(m, it->name) || matcher_str(m, item_id(c, k, i)) || matcher_str(m, item_owner(c, k, i)) ||
	    matcher_str(m, item_note(c, k, i)))
		return 1;
	if (k == KIND_MILESTONE) {
		const struct written *due = milestone_due_date(c, &c->milestones[i]),
				     *done = milestone_done_date(c, &c->milestones[i]);
		return matcher_str(m, due->text) || matcher_str(m, done->text) ||
		       (m->is_date && ((due->last >= m->when.first && due->last <= m->when.last) ||
				       (done->last >= m->when.first && done->last <= m->when.last)));
	}
	if (k == KIND_TARGET) {
		const struct target *t = &c->targets[i];
		return matcher_str(m, t->unit) || matcher_str(m, t->due_text) ||
		       (m->is_date && t->due >= m->when.first && t->due <= m->when.last);
	}
	return 0;
}
