#include "config.h"
#include "ids.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Gives every item in a group of siblings an id unique in the group: written
 * ids are checked, missing or repeated ones derived from the name. Interned
 * strings compare by handle, so the set holds handles. */
struct idset {
	uint32_t *slot; /* handle + 1, 0 = empty */
	uint32_t *who;  /* index within the group of the holder */
	size_t cap;     /* allocated slots */
	size_t size;    /* slots in use for this group: a power of two */
};

static int idset_reset(struct idset *s, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	if (cap > s->cap) {
		free(s->slot);
		free(s->who);
		s->slot = calloc(cap, sizeof *s->slot);
		s->who = calloc(cap, sizeof *s->who);
		s->cap = s->slot && s->who ? cap : 0;
		if (!s->cap)
			return -1;
	} else {
		memset(s->slot, 0, cap * sizeof *s->slot);
	}
	s->size = cap;
	return 0;
}

/* Adds `id` for member `k`; returns the member that had it already, or -1. */
static long idset_add(struct idset *s, str_t id, uint32_t k)
{
	size_t i = (id * 2654435761u) & (s->size - 1);
	for (; s->slot[i]; i = (i + 1) & (s->size - 1))
		if (s->slot[i] == id + 1)
			return (long)s->who[i];
	s->slot[i] = id + 1;
	s->who[i] = k;
	return -1;
}

struct member {
	str_t *id, name;
	uint16_t *flags16;
	uint8_t *flags8;
	struct place at;
};

static struct member member_of(struct chart *c, char kind, uint32_t i)
{
	switch (kind) {
	case 'z': return (struct member){&c->zones[i].id, c->zones[i].name, &c->zones[i].flags, NULL, c->zones[i].at};
	case 'p': return (struct member){&c->projects[i].id, c->projects[i].name, &c->projects[i].flags, NULL, c->projects[i].at};
	case 't': return (struct member){&c->targets[i].id, c->targets[i].name, &c->targets[i].flags, NULL, c->targets[i].at};
	default: return (struct member){&c->milestones[i].id, c->milestones[i].name, NULL, &c->milestones[i].flags, c->milestones[i].at};
	}
}

static void set_derived(struct member *m)
{
	if (m->flags16)
		*m->flags16 |= ITEM_ID_DERIVED;
	else
		*m->flags8 |= ITEM_ID_DERIVED;
}

/* members[k] is the item index of the k-th sibling. */
static int check_ids(struct chart *c, struct idset *s, char kind, const uint32_t *members,
		     uint32_t first, size_t n)
{
	static const char *const what[] = {['z'] = "zone", ['p'] = "project",
					   ['t'] = "target", ['m'] = "milestone"};
	if (n == 0)
		return 0;
	if (idset_reset(s, n) < 0)
		return -1;
	for (uint32_t k = 0; k < n; k++) { /* written ids first: they win */
		struct member m = member_of(c, kind, members ? members[k] : first + k);
		if (*m.id == STR_NONE)
			continue;
		long was = idset_add(s, *m.id, k);
		if (was < 0)
			continue;
		struct member o = member_of(c, kind, members ? members[was] : first + (uint32_t)was);
		diag_add(&c->diags, DIAG_ERROR, m.at.file, m.at.line, m.at.col,
			 "duplicate %s id '%s' (also at line %u)", what[(int)kind],
			 chart_str(c, *m.id), (unsigned)o.at.line);
		*m.id = STR_NONE;
	}
	for (uint32_t k = 0; k < n; k++) {
		struct member m = member_of(c, kind, members ? members[k] : first + k);
		if (*m.id != STR_NONE)
			continue;
		char buf[96];
		const char *base = m.name != STR_NONE ? chart_str(c, m.name) : "";
		size_t blen = strlen(base);
		str_t id = m.name;
		for (unsigned nth = 2; id == STR_NONE || idset_add(s, id, k) >= 0; nth++) {
			int oom = 0;
			if (blen > sizeof buf - 16) /* an id is a handle, not a copy of a long name */
				blen = sizeof buf - 16;
			memcpy(buf, base, blen);
			size_t len = blen + (size_t)snprintf(buf + blen, sizeof buf - blen, "~%u", nth);
			id = pool_intern(&c->str, buf, len, &oom);
			if (oom)
				return -1;
		}
		*m.id = id;
		set_derived(&m);
	}
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
	return check_ids(c, s, 'z', kids, 0, n);
}

int ids_assign(struct chart *c)
{
	struct idset s = {0};
	uint32_t *kids = malloc((c->nzones + 1) * sizeof *kids);
	int r = kids ? zone_group(c, &s, kids, NONE) : -1;
	for (uint32_t z = 0; r == 0 && z < c->nzones; z++)
		r = zone_group(c, &s, kids, z);
	for (size_t z = 0; r == 0 && z < c->nzones; z++) {
		r = check_ids(c, &s, 'p', NULL, c->zones[z].proj_first, c->zones[z].proj_count);
		if (r == 0)
			r = check_ids(c, &s, 't', NULL, c->zones[z].tgt_first, c->zones[z].tgt_count);
	}
	for (size_t p = 0; r == 0 && p < c->nprojects; p++)
		r = check_ids(c, &s, 'm', NULL, c->projects[p].ms_first, c->projects[p].ms_count);
	free(kids);
	free(s.slot);
	free(s.who);
	return r;
}
