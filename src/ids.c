#include "config.h"
#include "ids.h"

#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Gives every item in a group of siblings an id unique in the group: written
 * ids are checked, missing or repeated ones derived from the name. Interned
 * strings compare by handle, so the set holds handles. */
struct idset {
	uint32_t *slot; /* handle + 1, 0 = empty */
	uint32_t *who;  /* index within the group of the holder; for a name
			 * (see next_suffix), the next ~N to try */
	size_t cap;     /* allocated slots */
	size_t size;    /* slots in use for this group: a power of two */
	uint32_t *name, *next; /* per name derived from, the suffix to try next */
};

static int idset_reset(struct idset *s, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	if (cap > s->cap) {
		free(s->slot);
		free(s->who);
		free(s->name);
		free(s->next);
		s->slot = calloc(cap, sizeof *s->slot);
		s->who = calloc(cap, sizeof *s->who);
		s->name = calloc(cap, sizeof *s->name);
		s->next = calloc(cap, sizeof *s->next);
		s->cap = s->slot && s->who && s->name && s->next ? cap : 0;
		if (!s->cap)
			return -1;
	} else {
		memset(s->slot, 0, cap * sizeof *s->slot);
		memset(s->name, 0, cap * sizeof *s->name);
	}
	s->size = cap;
	return 0;
}

/* Adds `id` for member `k`; returns the member that had it already, or -1. */
static long idset_add(struct idset *s, str_t id, uint32_t k)
{
	size_t i = (size_t)(id * 2654435761u) & (s->size - 1); /* a 32-bit multiplicative hash */
	for (; s->slot[i]; i = (i + 1) & (s->size - 1))
		if (s->slot[i] == id + 1)
			return (long)s->who[i];
	s->slot[i] = id + 1;
	s->who[i] = k;
	return -1;
}

/* The suffix to try next for ids derived from `name` in this group: many
 * siblings of one name (开工, 开工~2 … 开工~5000) then take linear time, not
 * quadratic. */
static uint32_t *next_suffix(struct idset *s, str_t name)
{
	size_t i = (size_t)(name * 2654435761u) & (s->size - 1);
	for (; s->name[i] && s->name[i] != name + 1; i = (i + 1) & (s->size - 1))
		;
	if (!s->name[i]) {
		s->name[i] = name + 1;
		s->next[i] = 2;
	}
	return &s->next[i];
}

/* members[k] is the item index of the k-th sibling (NULL: first + k). */
static int check_ids(struct chart *c, struct idset *s, enum kind kind, const uint32_t *members,
		     uint32_t first, size_t n)
{
	if (n == 0)
		return 0;
	if (idset_reset(s, n) < 0)
		return -1;
#define INDEX(k) (members ? members[k] : first + (uint32_t)(k))
#define MEMBER(k) chart_item(c, kind, INDEX(k))
	/* Written ids are out of line (item_text); a derived id equal to the
	 * name is not stored at all (item_id gives the name). */
	for (uint32_t k = 0; k < n; k++) { /* written ids first: they win */
		struct item *m = MEMBER(k);
		str_t written = item_text(c, kind, INDEX(k), ITX_ID);
		if (written == STR_NONE)
			continue;
		long was = idset_add(s, written, k);
		if (was < 0)
			continue;
		const struct item *o = MEMBER(was);
		diag_add(&c->diags, DIAG_ERROR, item_file(c, kind, INDEX(k)), m->line, m->col,
			 "duplicate %s id '%s' (also at %s:%u:%u)", _(kind_info[kind].name),
			 chart_str(c, written), c->files[item_file(c, kind, INDEX(was))].shown, (unsigned)o->line,
			 (unsigned)o->col);
		diag_about(&c->diags, c->diags.n - 1, kind, INDEX(k));
		m->flags |= ITEM_ERROR;
		item_set_text(c, kind, INDEX(k), ITX_ID, STR_NONE); /* never fails: the entry is there */
	}
	for (uint32_t k = 0; k < n; k++) {
		struct item *m = MEMBER(k);
		if (item_text(c, kind, INDEX(k), ITX_ID) != STR_NONE)
			continue;
		char buf[96];
		const char *base = chart_str(c, m->name);
		size_t blen = pool_len(&c->str, m->name);
		str_t id = m->name;
		uint32_t *nth = next_suffix(s, m->name);
		for (; id == STR_NONE || idset_add(s, id, k) >= 0; (*nth)++) {
			int oom = 0;
			if (blen > sizeof buf - 16) /* an id is a handle, not a copy of a long name */
				blen = sizeof buf - 16;
			memcpy(buf, base, blen);
			size_t len = blen + (size_t)snprintf(buf + blen, sizeof buf - blen, "~%u", (unsigned)*nth);
			id = pool_intern(&c->str, buf, len, &oom);
			if (oom)
				return -1;
			base = chart_str(c, m->name); /* the pool may have moved */
		}
		if (id != m->name && item_set_text(c, kind, INDEX(k), ITX_ID, id) < 0)
			return -1;
		m->flags |= ITEM_ID_DERIVED;
	}
#undef MEMBER
#undef INDEX
	return 0;
}

/* The sub-zones of `parent` (NONE: the top level) form one group. */
static int zone_group(struct chart *c, struct idset *s, uint32_t *kids, uint32_t parent)
{
	size_t n = 0;
	uint32_t from = parent == NONE ? 0 : parent + 1;
	uint32_t to = parent == NONE ? (uint32_t)c->nzones : c->zones[parent].end;
	for (uint32_t i = from; i < to; i = c->zones[i].end)
		kids[n++] = i;
	return check_ids(c, s, KIND_ZONE, kids, 0, n);
}

int ids_assign(struct chart *c)
{
	struct idset s = {0};
	uint32_t *kids = malloc((c->nzones + 1) * sizeof *kids);
	int r = kids ? zone_group(c, &s, kids, NONE) : -1;
	for (uint32_t z = 0; r == 0 && z < c->nzones; z++)
		r = zone_group(c, &s, kids, z);
	for (size_t z = 0; r == 0 && z < c->nzones; z++) {
		r = check_ids(c, &s, KIND_PROJECT, NULL, c->zones[z].proj_first, c->zones[z].proj_count);
		if (r == 0)
			r = check_ids(c, &s, KIND_TARGET, NULL, c->zones[z].tgt_first, c->zones[z].tgt_count);
	}
	for (size_t p = 0; r == 0 && p < c->nprojects; p++) {
		r = check_ids(c, &s, KIND_MILESTONE, NULL, c->projects[p].ms_first, c->projects[p].ms_count);
		if (r == 0)
			r = check_ids(c, &s, KIND_TARGET, NULL, c->projects[p].tgt_first, c->projects[p].tgt_count);
	}
	free(kids);
	free(s.slot);
	free(s.who);
	free(s.name);
	free(s.next);
	return r;
}
