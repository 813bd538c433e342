#include "config.h"
#include "i18n.h"
#include "prompt.h"

#include <string.h>

#include <unistr.h>

#include "keys.h"

void prompt_clear(struct prompt *p)
{
	p->len = 0;
	p->text[0] = '\0';
}

/* Erases the character before the end. */
static void erase_char(struct prompt *p)
{
	while (p->len > 0 && (p->text[p->len - 1] & 0xc0) == 0x80) /* a whole character */
		p->len--;
	if (p->len > 0)
		p->len--;
}

/* Erases back to the start of the word before the end, as shells do:
 * blanks first, then what is not blank. */
static void erase_word(struct prompt *p)
{
	while (p->len > 0 && p->text[p->len - 1] == ' ')
		p->len--;
	while (p->len > 0 && p->text[p->len - 1] != ' ')
		p->len--;
}

enum prompt_result prompt_key(struct prompt *p, int key)
{
	size_t was = p->len;
	switch (key_action(key, 1)) {
	case ACT_PROMPT_ACCEPT: return PROMPT_ACCEPT;
	case ACT_PROMPT_CANCEL: return PROMPT_CANCEL;
	case ACT_PROMPT_ERASE:
		if (p->len == 0)
			return PROMPT_CANCEL; /* erasing past the start */
		erase_char(p);
		break;
	case ACT_PROMPT_CLEAR: p->len = 0; break;
	case ACT_PROMPT_WORD: erase_word(p); break;
	default: {
		if (key < 0x20 || key == 127 || (key & FKEY(0)))
			return PROMPT_NOTHING;
		uint8_t mb[8];
		int n = u8_uctomb(mb, (ucs4_t)key, 6);
		if (n <= 0 || p->len + (size_t)n >= sizeof p->text)
			return PROMPT_NOTHING;
		memcpy(p->text + p->len, mb, (size_t)n);
		p->len += (size_t)n;
		break;
	}
	}
	p->text[p->len] = '\0';
	return p->len != was || key_action(key, 1) == ACT_PROMPT_CLEAR ? PROMPT_CHANGED : PROMPT_NOTHING;
}

void search_line_open(struct search_line *s, const struct view_ops *v, void *st)
{
	s->open = 1;
	s->missed = 0;
	prompt_clear(&s->p);
	v->save(st, &s->from);
}

/* Looks for the query in view v; says so when nothing matches. */
static void find(struct search_line *s, int dir, int here, const struct view_ops *v, void *st,
		 struct app *a)
{
	if (s->stale) { /* a reload: the same query, the new chart's texts */
		const struct search_index *x = app_index(a);
		if (!x && a->indexing) /* looked for when the index is in */
			return;
		if (!x || matcher_set(&s->m, x, s->query) < 0)
			return app_say(a, "out of memory");
		s->stale = 0;
	}
	int r = v->find(st, a, &s->m, dir, here);
	s->missed = r == 0;
	if (r < 0)
		app_say(a, "out of memory");
	else if (r == 0 && !s->open)
		app_say(a, "no match: %s", s->p.text);
}

void search_line_key(struct search_line *s, int key, const struct view_ops *v, void *st, struct app *a)
{
	switch (prompt_key(&s->p, key)) {
	case PROMPT_ACCEPT:
		s->open = 0;
		if (s->missed)
			app_say(a, "no match: %s", s->p.text);
		return;
	case PROMPT_CANCEL:
		s->open = 0;
		s->waiting = 0;
		v->restore(st, a, &s->from);
		return;
	case PROMPT_CHANGED: {
		v->restore(st, a, &s->from); /* each query looks from where it began */
		const struct search_index *x = app_index(a);
		memcpy(s->query, s->p.text, s->p.len + 1);
		s->missed = 0;
		s->waiting = !x && a->indexing;
		if (s->waiting) { /* the index is being made: this query waits for it */
			s->stale = 1;
			return;
		}
		if (!x || matcher_set(&s->m, x, s->query) < 0)
			return app_say(a, "out of memory");
		s->stale = 0;
		s->missed = 0;
		if (s->p.len)
			find(s, 1, 1, v, st, a);
		return;
	}
	default: return;
	}
}

void search_line_resume(struct search_line *s, const struct view_ops *v, void *st, struct app *a)
{
	if (!s->waiting)
		return;
	s->waiting = 0;
	v->restore(st, a, &s->from);
	find(s, 1, 1, v, st, a);
}

void search_line_find(struct search_line *s, int dir, const struct view_ops *v, void *st, struct app *a)
{
	if (!s->query[0])
		return app_say(a, "press / to search first");
	find(s, dir, 0, v, st, a);
}
