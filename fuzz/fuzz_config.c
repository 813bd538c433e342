/* libFuzzer target: the configuration file (src/settings.c), from the bytes
 * given, read as ~/.config/guatu/config.yaml is. Beyond crashes, leaks and
 * undefined behaviour it checks what a read must leave: every setting
 * either not given or inside what the file may say (docs/config.md), every
 * key still bound to at most KEYS_PER_ACTION codes, and every diagnostic a
 * non-empty line with a place that is in the file and no control
 * character in it (a configuration's text reaches the terminal too). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_flag(int v)
{
	if (v != 0 && v != 1 && v != SETTING_UNSET)
		abort();
}

static void check_diag(const struct diag *d, size_t size)
{
	if (!d->msg || !*d->msg || d->line > size + 1)
		abort();
	for (const unsigned char *p = (const unsigned char *)d->msg; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* fmemopen refuses an empty buffer on some C libraries; an empty
	 * file is the empty configuration, which the tests cover. */
	if (!size)
		return 0;
	char *buf = malloc(size);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	FILE *fp = fmemopen(buf, size, "r");
	if (!fp) {
		free(buf);
		return 0;
	}
	struct settings s;
	if (settings_read(&s, fp, "config.yaml") == 0) {
		if (s.soon != SETTING_UNSET && (s.soon < 0 || s.soon > 3650))
			abort();
		check_flag(s.ascii);
		check_flag(s.readonly);
		if (s.language && !settings_language_ok(s.language))
			abort();
		for (int st = 0; st < STYLE_COUNT; st++)
			if (s.color[st] != SETTING_UNSET && (s.color[st] < -1 || s.color[st] > 7))
				abort();
		for (size_t i = 0; i < s.npaths; i++)
			if (!s.paths[i] || !*s.paths[i])
				abort();
		for (size_t i = 0; i < s.diags.n; i++)
			check_diag(&s.diags.v[i], size);
		for (int a = 1; a < ACT_COUNT; a++) {
			const int *k = action_keys((enum action)a);
			int n = 0;
			while (n <= KEYS_PER_ACTION && k[n])
				n++;
			if (n > KEYS_PER_ACTION)
				abort();
		}
		FILE *null = fopen("/dev/null", "w");
		if (null) {
			settings_print_diags(&s, null);
			fclose(null);
		}
		settings_apply_looks(&s);
	}
	settings_free(&s);
	keys_reset(); /* the next input starts from the default keys */
	fclose(fp);
	free(buf);
	return 0;
}
