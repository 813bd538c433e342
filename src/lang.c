/* lang: the language decision.
 *
 * gettext itself reads LANGUAGE, then LC_ALL, LC_MESSAGES and LANG, but only
 * through a locale that is installed and only when LC_MESSAGES is not "C":
 * over a plain ssh session (nothing set), under the tests' LC_ALL=C.UTF-8, or
 * with LANG=zh_TW.UTF-8 on a server without that locale, it would speak
 * English (the msgids). So the decision is made here, from the variables'
 * names, and handed to gettext as LANGUAGE with an LC_MESSAGES that lets
 * LANGUAGE count (C.UTF-8 when the locale's own is C). */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"

extern char **environ;

static char **user_env; /* a copy of environ as it was at the first call */
static char *user_language; /* the user's LANGUAGE then, or NULL */
static char decided[128];

/* Where the catalogs are: GUATU_LOCALEDIR (a test hook, docs/HACKING.md);
 * the build tree's locale/ when this is the guatu make built there, not yet
 * installed (./bootstrap && src/guatu data/ speaks Chinese too); else the
 * installed ones. /proc/self/exe is Linux's; elsewhere the build tree's
 * guatu reads the installed catalogs. */
static const char *catalogs(void)
{
	const char *dir = getenv("GUATU_LOCALEDIR");
	if (dir && *dir)
		return dir;
	char *built = realpath(BUILD_GUATU, NULL), *exe = realpath("/proc/self/exe", NULL);
	int here = built && exe && !strcmp(built, exe);
	free(built);
	free(exe);
	return here ? BUILD_LOCALEDIR : LOCALEDIR;
}

/* Copies the environment once, before LANGUAGE is changed: the strings too,
 * since setenv and unsetenv may reuse or drop what environ points to. */
static void keep_user_environ(void)
{
	if (user_env)
		return;
	size_t n = 0;
	while (environ[n])
		n++;
	char **env = malloc((n + 1) * sizeof *env);
	if (!env)
		return; /* children then get guatu's own: a language at worst */
	for (size_t i = 0; i < n; i++)
		if (!(env[i] = strdup(environ[i]))) {
			while (i > 0)
				free(env[--i]);
			free(env);
			return;
		}
	env[n] = NULL;
	const char *l = getenv("LANGUAGE");
	if (l && !(user_language = strdup(l))) { /* the user's choice must not be lost */
		for (size_t i = 0; i < n; i++)
			free(env[i]);
		free(env);
		return;
	}
	user_env = env;
}

char **lang_environ(void)
{
	return user_env ? user_env : environ;
}

/* "C", "POSIX" and "C.<codeset>" name no language. */
static int says_nothing(const char *name)
{
	return !name || !*name || !strcmp(name, "C") || !strcmp(name, "POSIX") || !strncmp(name, "C.", 2);
}

/* A locale name's language part: "zh_TW.UTF-8@x" → "zh_TW@x". */
static void language_of(const char *locale, char *out, size_t cap)
{
	size_t n = strcspn(locale, ".@");
	const char *mod = strchr(locale, '@');
	if (n >= cap)
		n = cap - 1;
	memcpy(out, locale, n);
	out[n] = '\0';
	if (mod && strlen(mod) < cap - n)
		strcat(out, mod);
}

const char *lang_init(const char *configured)
{
	keep_user_environ();
	const char *language = user_env ? user_language : getenv("LANGUAGE");
	const char *locale = NULL;
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof *vars && !locale; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			locale = v;
	}
	if (language && *language && strlen(language) < sizeof decided)
		strcpy(decided, language);
	else if (!says_nothing(locale))
		language_of(locale, decided, sizeof decided);
	else
		language_of(configured && *configured ? configured : LANG_DEFAULT, decided, sizeof decided);
	/* Chinese where no catalog of its own exists reads the nearest one
	 * rather than English: Singapore and Malaysia write Simplified, Macau
	 * Traditional as Hong Kong does. */
	static const char *const nearest[][2] = {
		{"zh", "zh_CN"}, {"zh_SG", "zh_CN"}, {"zh_MY", "zh_CN"}, {"zh_MO", "zh_HK"},
	};
	for (size_t i = 0; i < sizeof nearest / sizeof *nearest; i++)
		if (!strcmp(decided, nearest[i][0]) && strlen(decided) + strlen(nearest[i][1]) + 2 <= sizeof decided) {
			strcat(decided, ":");
			strcat(decided, nearest[i][1]);
			break;
		}

	/* glibc's gettext ignores LANGUAGE when LC_MESSAGES is "C" (which it also
	 * is when the user's locale is not installed): any UTF-8 locale will do,
	 * only the language list chooses the catalog. */
	const char *m = setlocale(LC_MESSAGES, NULL);
	if (!m || !strcmp(m, "C") || !strcmp(m, "POSIX")) {
		static const char *const fallbacks[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8"};
		for (size_t i = 0; i < sizeof fallbacks / sizeof *fallbacks; i++)
			if (setlocale(LC_MESSAGES, fallbacks[i]))
				break;
	}
	setenv("LANGUAGE", decided, 1);

	bindtextdomain(PACKAGE, catalogs());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE); /* also makes gettext forget what it looked up before */
	return decided;
}
