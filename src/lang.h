/* lang: which language guatu speaks, decided once at start. */
#ifndef GUATU_LANG_H
#define GUATU_LANG_H

/* The language when the locale says nothing: Simplified Chinese. */
#define LANG_DEFAULT "zh_CN"

/* Decides the language of messages and screens and makes gettext use it:
 * LANGUAGE, then the first of LC_ALL, LC_MESSAGES and LANG that is set, as
 * gettext reads them; where they say nothing (unset, empty, C, POSIX,
 * C.UTF-8) the configured language (NULL: LANG_DEFAULT). It works from the
 * variables' names, so a locale that is not installed still chooses its
 * language. Call after text_locale_init(); calling again re-decides from the
 * same original environment. Returns the language list now in effect (as
 * LANGUAGE writes it: "zh_TW", "en_US", "zh_HK:zh_TW"). */
const char *lang_init(const char *configured);

/* The environment guatu was started with, for the programs it runs (the
 * editor, git): lang_init changes guatu's own LANGUAGE and they must not
 * inherit that. Before lang_init, the current environment. */
char **lang_environ(void);

#endif
