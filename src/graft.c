#include "config.h"
#include "graft.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "i18n.h"
#include "reader.h"
#include "typo.h"

/* What placing needs while it runs; indices are in load order. */
struct place {
	struct chart *c;
	uint32_t *graft_of; /* per zone: its graft + 1, or 0 */
	uint32_t *res;      /* per graft: the parent found, or NONE */
};

/* The id a path names zone z by: the one written, else its name (which is
 * what its derived id starts as: see ids.c). */
static const char *zone_key(const struct chart *c, uint32_t z, size_t *len)
{
	str_t s = item_text(c, KIND_ZONE, z, ITX_ID);
	if (s == STR_NONE)
		s = c->zones[z].it.name;
	*len = pool_len(&c->str, s);
	return chart_str(c, s);
}

/* How much of the path `rem` (n bytes) zone z's id takes: all of its id,
 * followed by '/' or the end; 0 when it does not fit. An id may hold a '/'
 * itself: the longest that fits wins (see child). */
static size_t takes(const struct chart *c, uint32_t z, const char *rem, size_t n)
{
	size_t len;
	const char *id = zone_key(c, z, &len);
	return len && len <= n && !memcmp(id, rem, len) && (len == n || rem[len] == '/') ? len : 0;
}

/* The zone under `node` (NONE: at the top of any file, placed elsewhere or
 * not) that the path at rem starts with: the longest id that fits; at the
 * top, a zone that stays at the top before one placed under another. */
static uint32_t child(const struct place *p, uint32_t node, const char *rem, size_t n, size_t *took)
{
	const struct chart *c = p->c;
	uint32_t best = NONE, from = node == NONE ? 0 : node + 1;
	uint32_t to = node == NONE ? (uint32_t)c->nzones : c->zones[node].end;
	size_t bl = 0;
	for (uint32_t i = from; i < to; i = c->zones[i].end) {
		size_t l = takes(c, i, rem, n);
		if (l > bl || (l && l == bl && p->graft_of[best] && !p->graft_of[i])) {
			best = i;
			bl = l;
		}
	}
	for (size_t g = 0; node != NONE && g < c->ngrafts; g++) {
		size_t l;
		if (p->res[g] == node && (l = takes(c, c->grafts[g].zone, rem, n)) > bl) {
			best = c->grafts[g].zone;
			bl = l;
		}
	}
	*took = bl;
	return best;
}

/* Where a path stopped: under zone `node`, at byte `at` of the path. */
struct stop {
	uint32_t node;
	size_t at;
};

/* The zone graft g's path names, or NONE (and where it stopped). */
static uint32_t resolve(const struct place *p, size_t g, struct stop *st)
{
	const struct chart *c = p->c;
	const char *path = chart_str(c, c->grafts[g].path);
	size_t n = pool_len(&c->str, c->grafts[g].path), at = 0, took;
	uint32_t node = NONE;
	for (;;) {
		uint32_t z = at < n ? child(p, node, path + at, n - at, &took) : NONE;
		if (z == NONE) {
			*st = (struct stop){node, at};
			return NONE;
		}
		node = z;
		at += took;
		if (at == n)
			return node;
		at++; /* the '/' */
	}
}

/* The zone at the top of the file zone z was written in. */
static uint32_t file_top(const struct chart *c, uint32_t z)
{
	while (c->zones[z].parent != NONE)
		z = c->zones[z].parent;
	return z;
}

/* Is graft g inside itself: does going up from its parent, through the
 * parents other grafts give, come back to it? */
static int in_cycle(const struct place *p, size_t g)
{
	const struct chart *c = p->c;
	uint32_t z = p->res[g];
	for (size_t hops = 0; z != NONE && hops <= c->ngrafts; hops++) {
		uint32_t h = p->graft_of[file_top(c, z)];
		if (!h)
			return 0;
		if (h - 1 == g)
			return 1;
		z = p->res[h - 1];
	}
	return 0;
}

/* Of the zones a path could go on with under `node`, the one whose id (or
 * name) is nearest the segment seg: at most two characters apart, and fewer
 * than the segment has. NONE if none is that close. */
static uint32_t nearest(const struct place *p, uint32_t node, const char *seg, size_t n)
{
	const struct chart *c = p->c;
	uint32_t best = NONE, from = node == NONE ? 0 : node + 1;
	uint32_t to = node == NONE ? (uint32_t)c->nzones : c->zones[node].end;
	size_t bd = 3, chars = u8_mbsnlen((const uint8_t *)seg, n);
	for (uint32_t i = from; i < to + c->ngrafts; i++) {
		uint32_t z = i;
		if (i >= to) { /* then the zones placed under it */
			size_t g = i - to;
			if (node == NONE || p->res[g] != node)
				continue;
			z = c->grafts[g].zone;
		}
		size_t len;
		const char *id = zone_key(c, z, &len);
		str_t name = c->zones[z].it.name;
		size_t d = typo_distance_n(seg, n, id, len);
		size_t dn = typo_distance_n(seg, n, chart_str(c, name), pool_len(&c->str, name));
		d = dn < d ? dn : d;
		if (d < bd && d < chars) {
			bd = d;
			best = z;
		}
		if (i < to)
			i = c->zones[i].end - 1; /* the next sibling */
	}
	return best;
}

/* Writes "a → b → a": the zones a cycle goes through, from graft g. */
static void cycle_words(const struct place *p, size_t g, char *buf, size_t cap)
{
	const struct chart *c = p->c;
	size_t used = 0, len;
	uint32_t h = (uint32_t)g + 1;
	for (int step = 0; h && step < 8; step++) {
		char q[RD_QUOTE_MAX];
		const char *id = zone_key(c, c->grafts[h - 1].zone, &len);
		int w = snprintf(buf + used, cap - used, "%s%s", step ? " → " : "", rd_quote(id, len, q));
		if (w < 0 || (size_t)w >= cap - used)
			return;
		used += (size_t)w;
		if (step && h - 1 == g)
			return;
		h = p->res[h - 1] == NONE ? 0 : p->graft_of[file_top(c, p->res[h - 1])];
	}
	snprintf(buf + used, cap - used, " …");
}

/* The first file of the chart that could not be read, or NONE: a parent
 * not found may be in it. */
static uint32_t unread_file(const struct chart *c)
{
	for (size_t f = 0; f < c->nfiles; f++)
		if (!c->files[f].loaded && !c->files[f].stale && !c->files[f].placeholder)
			return (uint32_t)f;
	return NONE;
}

/* Says why graft g stays at the top: its parent is not found, or is inside
 * it. */
static void complain(const struct place *p, size_t g, int cycle)
{
	struct chart *c = p->c;
	const struct graft *gr = &c->grafts[g];
	uint32_t z = gr->zone;
	const char *path = chart_str(c, gr->path);
	size_t n = pool_len(&c->str, gr->path);
	char msg[512], qp[RD_QUOTE_MAX], qs[RD_QUOTE_MAX], qa[RD_QUOTE_MAX], qn[RD_QUOTE_MAX];
	if (cycle) {
		char chain[400];
		cycle_words(p, g, chain, sizeof chain);
		snprintf(msg, sizeof msg, _("a cycle: parent zone '%s' is inside this zone (%s); it stays at the top"),
			 rd_quote(path, n, qp), chain);
	} else {
		struct stop st = {NONE, 0}; /* resolve fills it in when, as here, the path is not found */
		resolve(p, g, &st);
		const char *seg = path + st.at;
		size_t sl = 0;
		while (st.at + sl < n && seg[sl] != '/')
			sl++;
		int w;
		if (st.node == NONE)
			w = snprintf(msg, sizeof msg, _("unknown parent zone '%s': no zone '%s' at the top of any file"),
				     rd_quote(path, n, qp), rd_quote(seg, sl, qs));
		else
			w = snprintf(msg, sizeof msg, _("unknown parent zone '%s': no zone '%s' in '%s'"),
				     rd_quote(path, n, qp), rd_quote(seg, sl, qs),
				     rd_quote(path, st.at ? st.at - 1 : 0, qa));
		uint32_t near = nearest(p, st.node, seg, sl), bad = unread_file(c);
		size_t len;
		const char *id = near != NONE ? zone_key(c, near, &len) : NULL;
		if (id && w > 0 && (size_t)w < sizeof msg)
			w += snprintf(msg + w, sizeof msg - (size_t)w, _(" (did you mean '%s'?)"),
				      rd_quote(id, len, qn));
		if (bad != NONE && w > 0 && (size_t)w < sizeof msg)
			snprintf(msg + w, sizeof msg - (size_t)w, _("; %s could not be read and may hold it"),
				 c->files[bad].shown);
	}
	diag_add(&c->diags, DIAG_ERROR, item_file(c, KIND_ZONE, z), gr->line, gr->col, "%s", msg);
	diag_about(&c->diags, c->diags.n - 1, KIND_ZONE, z);
	c->zones[z].it.flags |= ITEM_ERROR;
}

/* Puts the zones in pre-order of the whole tree, a zone's own sub-zones
 * before those placed under it from other files; cpar[z] is each zone's
 * parent (load order). Sets order (tree → load); 0, or -1 if not every
 * zone was reached (it cannot be: cycles are broken before). */
static int preorder(const struct chart *c, const uint32_t *cpar, const uint32_t *first_gc, const uint32_t *next_gc,
		    uint32_t *order, uint32_t *stz, uint32_t *stc, uint32_t *stg)
{
	size_t k = 0, n = c->nzones;
	for (uint32_t r = 0; r < n; r = c->zones[r].end) {
		if (cpar[r] != NONE)
			continue;
		size_t sp = 0;
		order[k++] = r;
		stz[sp] = r, stc[sp] = r + 1, stg[sp] = first_gc[r], sp++;
		while (sp) {
			uint32_t z = stz[sp - 1], next;
			if (stc[sp - 1] < c->zones[z].end) {
				next = stc[sp - 1];
				stc[sp - 1] = c->zones[next].end;
			} else if (stg[sp - 1]) {
				uint32_t g = stg[sp - 1] - 1;
				next = c->grafts[g].zone;
				stg[sp - 1] = next_gc[g];
			} else {
				sp--;
				continue;
			}
			if (k == n || sp == n)
				return -1;
			order[k++] = next;
			stz[sp] = next, stc[sp] = next + 1, stg[sp] = first_gc[next], sp++;
		}
	}
	return k == n ? 0 : -1;
}

int graft_place(struct chart *c)
{
	if (!c->ngrafts)
		return 0;
	size_t n = c->nzones, ng = c->ngrafts;
	struct place p = {c, calloc(n, sizeof *p.graft_of), malloc(ng * sizeof *p.res)};
	uint8_t *cycle = calloc(ng, 1);
	uint32_t *cpar = malloc(n * sizeof *cpar), *first_gc = calloc(n, sizeof *first_gc),
		 *next_gc = calloc(ng, sizeof *next_gc), *order = calloc(n, sizeof *order),
		 *tree = malloc(n * sizeof *tree), *stack = malloc(3 * n * sizeof *stack);
	struct zone *nz = malloc(c->zones_cap * sizeof *nz);
	int res = -1;
	if (!p.graft_of || !p.res || !cycle || !cpar || !first_gc || !next_gc || !order || !tree || !stack || !nz)
		goto out;
	for (size_t g = 0; g < ng; g++) {
		p.graft_of[c->grafts[g].zone] = (uint32_t)g + 1;
		p.res[g] = NONE;
	}
	/* Again while any is found: a path may go through a zone that another
	 * graft places. */
	for (int more = 1; more;) {
		more = 0;
		for (size_t g = 0; g < ng; g++) {
			struct stop st;
			if (p.res[g] == NONE && (p.res[g] = resolve(&p, g, &st)) != NONE)
				more = 1;
		}
	}
	/* All cycles are found before any is broken, so each of its zones says so. */
	for (size_t g = 0; g < ng; g++)
		cycle[g] = p.res[g] != NONE && in_cycle(&p, g);
	for (size_t z = 0; z < n; z++)
		cpar[z] = c->zones[z].parent;
	for (size_t g = ng; g-- > 0;) {
		uint32_t up = p.res[g];
		if (up == NONE || cycle[g])
			continue;
		cpar[c->grafts[g].zone] = up;
		next_gc[g] = first_gc[up];
		first_gc[up] = (uint32_t)g + 1;
	}
	/* Said while the zones are still as read (the diagnostics move with
	 * them below). */
	for (size_t g = 0; g < ng; g++)
		if (p.res[g] == NONE || cycle[g])
			complain(&p, g, cycle[g]);
	if (preorder(c, cpar, first_gc, next_gc, order, stack, stack + n, stack + 2 * n) < 0)
		goto out;
	int moved = 0;
	for (uint32_t t = 0; t < n; t++) {
		tree[order[t]] = t;
		moved |= order[t] != t;
	}
	for (uint32_t t = 0; t < n; t++) {
		struct zone *z = &nz[t];
		*z = c->zones[order[t]];
		z->parent = cpar[order[t]] == NONE ? NONE : tree[cpar[order[t]]];
		z->depth = z->parent == NONE ? 0 : nz[z->parent].depth + 1;
		z->end = t + 1;
	}
	for (uint32_t t = (uint32_t)n; t-- > 0;) /* pre-order: a parent comes before */
		if (nz[t].parent != NONE && nz[nz[t].parent].end < nz[t].end)
			nz[nz[t].parent].end = nz[t].end;
	for (size_t i = 0; i < c->nprojects; i++)
		c->projects[i].zone = tree[c->projects[i].zone];
	for (size_t i = 0; i < c->ntargets; i++)
		c->targets[i].zone = tree[c->targets[i].zone];
	chart_renumber_texts(c, KIND_ZONE, tree);
	for (size_t d = 0; d < c->diags.n; d++)
		if (c->diags.v[d].kind == KIND_ZONE && c->diags.v[d].item != UINT32_MAX)
			c->diags.v[d].item = tree[c->diags.v[d].item];
	free(c->zones);
	c->zones = nz;
	nz = NULL;
	if (moved) {
		free(c->zone_load);
		free(c->zone_tree);
		c->zone_load = order;
		c->zone_tree = tree;
	}
	if (moved)
		order = tree = NULL;
	res = 0;
out:
	free(p.graft_of);
	free(p.res);
	free(cycle);
	free(cpar);
	free(first_gc);
	free(next_gc);
	free(order);
	free(tree);
	free(stack);
	free(nz);
	return res;
}
