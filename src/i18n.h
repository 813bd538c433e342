/* i18n: the marks that gettext reads, and what they do at run time.
 *
 * Every user-facing string is written in English and wrapped in _() where it
 * is used, or N_() where it sits in a table and is translated when shown
 * (with _() then). C_("context", "text") tells apart two uses of the same
 * English word that other languages write differently; ngettext() chooses
 * between a singular and a plural. Which language is shown is decided once,
 * in lang_init() (src/lang.c). */
#ifndef GUATU_I18N_H
#define GUATU_I18N_H

#include <libintl.h>
#include <stdio.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define C_(ctx, s) i18n_pgettext(ctx "\004" s, s)
#define NC_(ctx, s) (s)

/* pgettext as gettext's own gettext.h writes it: the catalog keys a message
 * with a context as "context\004text"; untranslated, the text itself. */
__attribute__((format_arg(2)))
static inline const char *i18n_pgettext(const char *key, const char *text)
{
	const char *t = gettext(key);
	return t == key ? text : t;
}

/* pgettext for a context and text known only at run time: a table's NC_()
 * entry, translated where it is shown. */
__attribute__((format_arg(2)))
static inline const char *i18n_cgettext(const char *ctx, const char *text)
{
	char key[256];
	int n = snprintf(key, sizeof key, "%s\004%s", ctx, text);
	if (n < 0 || (size_t)n >= sizeof key)
		return text;
	const char *r = gettext(key);
	return r == key ? text : r;
}

#endif
