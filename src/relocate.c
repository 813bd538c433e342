#include "config.h"
#include "relocate.h"

#include <string.h>

/* Is `a` of chart ca the same text as `b` of chart cb? */
static int same(const struct chart *ca, str_t a, const struct chart *cb, str_t b)
{
	if (ca == cb)
		return a == b; /* interned: equal texts have equal numbers */
	return pool_len(&ca->str, a) == pool_len(&cb->str, b) && !strcmp(chart_str(ca, a), chart_str(cb, b));
}

/* Among the items it(i) for i in [from, to) stepping by next(i), the one
 * with old's id, else the first with old's name. */
static uint32_t find(const struct chart *nc, enum kind k, uint32_t from, uint32_t to, int zones,
		     const struct chart *oc, uint32_t oi)
{
	uint32_t named = NONE;
	str_t id = item_id(oc, k, oi), name = chart_item(oc, k, oi)->name;
	for (uint32_t i = from; i < to; i = zones ? nc->zones[i].end : i + 1) {
		if (same(nc, item_id(nc, k, i), oc, id))
			return i;
		if (named == NONE && same(nc, chart_item(nc, k, i)->name, oc, name))
			named = i;
	}
	return named;
}

uint32_t relocate_zone(const struct chart *nc, const struct chart *oc, uint32_t oz)
{
	if (oz >= oc->nzones)
		return NONE;
	uint32_t op = oc->zones[oz].parent, np = NONE;
	if (op != NONE && (np = relocate_zone(nc, oc, op)) == NONE)
		return NONE;
	uint32_t from = np == NONE ? 0 : np + 1, to = np == NONE ? (uint32_t)nc->nzones : nc->zones[np].end;
	return find(nc, KIND_ZONE, from, to, 1, oc, oz);
}

uint32_t relocate_item(const struct chart *nc, enum kind k, uint32_t first, uint32_t n,
		       const struct chart *oc, uint32_t oi)
{
	if (oi >= chart_count(oc, k))
		return NONE;
	return find(nc, k, first, first + n, 0, oc, oi);
}
