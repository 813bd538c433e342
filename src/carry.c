#include "config.h"
#include "carry.h"

#include <string.h>

long carry_source(const struct chart *old, const char *path)
{
	for (size_t i = 0; old && i < old->nfiles; i++)
		if ((old->files[i].loaded || old->files[i].stale) && !strcmp(old->files[i].path, path))
			return (long)i;
	return -1;
}

static str_t again(struct chart *c, const struct chart *old, str_t s, int *oom)
{
	return s == STR_NONE ? STR_NONE : pool_intern(&c->str, chart_str(old, s), pool_len(&old->str, s), oom);
}

int carry_file(struct chart *c, uint32_t f, const struct chart *old, uint32_t of)
{
	const struct chart_file *o = &old->files[of];
	uint32_t to[KIND_COUNT]; /* where each kind's items start in c */
	for (int k = 0; k < KIND_COUNT; k++)
		to[k] = (uint32_t)chart_count(c, (enum kind)k);
	int oom = 0;
	for (int k = 0; k < KIND_COUNT && !oom; k++) {
		const struct kind_info *ki = &kind_info[k];
		for (uint32_t j = o->items[k].first; j < o->items[k].end && !oom; j++) {
			/* The file's items in the order it was read: zones placed
			 * under a parent elsewhere moved (graft.h), the rest did not. */
			uint32_t i = k == KIND_ZONE && old->zone_tree ? old->zone_tree[j] : j, at;
			char *item = chart_append(c, (enum kind)k, &at);
			if (!item)
				return -1;
			memcpy(item, chart_item(old, (enum kind)k, i), ki->size);
			for (int s = 0; s < ki->nstrs; s++) {
				str_t *t = (str_t *)(item + ki->strs[s]);
				*t = again(c, old, *t, &oom);
			}
			for (int d = 0; d < ki->ndates && !oom; d++) {
				uint32_t *n = (uint32_t *)(item + ki->dates[d]);
				const struct written *w = &old->dates.v[*n];
				*n = chart_date(c, again(c, old, w->text, &oom), w->from, w->last);
				oom |= *n == NONE;
			}
			for (int r = 0; r < ki->nrefs; r++) {
				uint32_t *v = (uint32_t *)(item + ki->refs[r].off);
				enum kind of_kind = ki->refs[r].of;
				if (*v == NONE)
					continue;
				if (of_kind == KIND_ZONE && old->zone_load && *v < old->nzones)
					*v = old->zone_load[*v];
				if (of_kind == KIND_ZONE && (*v < o->items[of_kind].first || *v >= o->items[of_kind].end))
					*v = NONE; /* a parent in another file: its graft places it again */
				else
					*v = *v - o->items[of_kind].first + to[of_kind];
			}
			struct item *it = (struct item *)item;
			int derived = it->flags & ITEM_ID_DERIVED;
			it->flags = (uint8_t)((it->flags & ~(ITEM_ID_DERIVED | ITEM_ERROR | ITEM_TEXTS)) | ITEM_STALE);
			for (int t = 0; t < ITX_COUNT && !oom; t++) {
				/* A derived id is derived anew: the siblings may have changed. */
				str_t s = t == ITX_ID && derived ? STR_NONE
								 : again(c, old, item_text(old, (enum kind)k, i, (enum item_text)t), &oom);
				if (!oom && item_set_text(c, (enum kind)k, at, (enum item_text)t, s) < 0)
					oom = 1;
			}
		}
	}
	/* The zones as the file has them: their depth and extent in it. */
	for (uint32_t z = to[KIND_ZONE]; z < c->nzones; z++) {
		struct zone *zn = &c->zones[z];
		zn->depth = zn->parent == NONE ? 0 : c->zones[zn->parent].depth + 1;
		zn->end = z + 1;
	}
	for (uint32_t z = (uint32_t)c->nzones; z-- > to[KIND_ZONE];)
		if (c->zones[z].parent != NONE && c->zones[c->zones[z].parent].end < c->zones[z].end)
			c->zones[c->zones[z].parent].end = c->zones[z].end;
	for (size_t g = 0; g < old->ngrafts && !oom; g++) {
		struct graft gr = old->grafts[g];
		if (gr.zone < o->items[KIND_ZONE].first || gr.zone >= o->items[KIND_ZONE].end)
			continue;
		gr.zone = gr.zone - o->items[KIND_ZONE].first + to[KIND_ZONE];
		gr.path = again(c, old, gr.path, &oom);
		if (!oom && chart_add_graft(c, &gr) < 0)
			oom = 1;
	}
	struct chart_file *nf = &c->files[f];
	nf->title = again(c, old, o->title, &oom);
	nf->stale = 1;
	for (int k = 0; k < KIND_COUNT; k++)
		nf->items[k] = (struct range){to[k], (uint32_t)chart_count(c, (enum kind)k)};
	return oom ? -1 : 0;
}
