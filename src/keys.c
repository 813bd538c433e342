#include "config.h"
#include "keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include <unistr.h>

static const struct action_info infos[ACT_COUNT] = {
#define AS_INFO(name, conf, scope, k1, k2, k3, hint, help) [ACT_##name] = {conf, scope, hint, help},
	KEY_ACTIONS(AS_INFO)
#undef AS_INFO
};

static const int defaults[ACT_COUNT][KEYS_PER_ACTION] = {
#define AS_KEYS(name, conf, scope, k1, k2, k3, hint, help) [ACT_##name] = {k1, k2, k3, 0},
	KEY_ACTIONS(AS_KEYS)
#undef AS_KEYS
};

/* The bindings now: the defaults until rebound. */
static int bound[ACT_COUNT][KEYS_PER_ACTION + 1];
static int ready;

void keys_reset(void)
{
	memset(bound, 0, sizeof bound);
	for (int a = 1; a < ACT_COUNT; a++) {
		int n = 0;
		for (int k = 0; k < KEYS_PER_ACTION; k++)
			if (defaults[a][k])
				bound[a][n++] = defaults[a][k];
	}
	ready = 1;
}

const struct action_info *action_info(enum action a)
{
	return &infos[a];
}

const int *action_keys(enum action a)
{
	if (!ready)
		keys_reset();
	return bound[a];
}

enum action key_action(int key, int prompt)
{
	if (!ready)
		keys_reset();
	for (int a = 1; a < ACT_COUNT; a++) {
		if ((infos[a].scope == SCOPE_PROMPT) != (prompt != 0))
			continue;
		for (int k = 0; bound[a][k]; k++)
			if (bound[a][k] == key)
				return (enum action)a;
	}
	return ACT_NONE;
}

static void drop_key(int a, int key)
{
	int n = 0;
	for (int k = 0; bound[a][k]; k++)
		if (bound[a][k] != key)
			bound[a][n++] = bound[a][k];
	bound[a][n] = 0;
}

int key_bind(enum action a, int key)
{
	if (!ready)
		keys_reset();
	int prompt = infos[a].scope == SCOPE_PROMPT;
	for (int b = 1; b < ACT_COUNT; b++) /* a key means one thing where it is pressed */
		if ((infos[b].scope == SCOPE_PROMPT) == prompt)
			drop_key(b, key);
	int n = 0;
	while (bound[a][n])
		n++;
	if (n == KEYS_PER_ACTION)
		return -1;
	bound[a][n] = key;
	bound[a][n + 1] = 0;
	return 0;
}

void key_unbind_all(enum action a)
{
	if (!ready)
		keys_reset();
	bound[a][0] = 0;
}

void key_label(int key, char *buf, size_t cap)
{
	static const struct {
		int key;
		const char *name;
	} named[] = {
		{FKEY(KEY_DOWN), "Down"}, {FKEY(KEY_UP), "Up"}, {FKEY(KEY_LEFT), "Left"},
		{FKEY(KEY_RIGHT), "Right"}, {FKEY(KEY_NPAGE), "PgDn"}, {FKEY(KEY_PPAGE), "PgUp"},
		{FKEY(KEY_HOME), "Home"}, {FKEY(KEY_END), "End"}, {FKEY(KEY_BTAB), "Shift-Tab"},
		{FKEY(KEY_ENTER), "Enter"}, {'\n', "Enter"}, {'\r', "Enter"}, {'\t', "Tab"},
		{' ', "Space"}, {KEY_ESC, "Esc"}, {127, "Backspace"}, {FKEY(KEY_BACKSPACE), "Backspace"},
		{KEY_CTRL('h'), "Backspace"},
	};
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (named[i].key == key) {
			snprintf(buf, cap, "%s", named[i].name);
			return;
		}
	if (key & FKEY(0)) {
		int code = key & ~FKEY(0);
		if (code >= KEY_F(1) && code <= KEY_F(63))
			snprintf(buf, cap, "F%d", code - KEY_F0);
		else
			snprintf(buf, cap, "key-%d", code);
	} else if (key > 0 && key < 0x20) {
		snprintf(buf, cap, "Ctrl-%c", key + 'a' - 1);
	} else {
		uint8_t mb[8];
		int n = u8_uctomb(mb, (ucs4_t)key, 6);
		snprintf(buf, cap, "%.*s", n > 0 ? n : 0, (const char *)mb);
	}
}

void action_label(enum action a, const char *sep, char *buf, size_t cap)
{
	const int *keys = action_keys(a);
	size_t n = 0;
	buf[0] = '\0';
	for (int k = 0; keys[k] && n < cap; k++) {
		char one[32];
		key_label(keys[k], one, sizeof one);
		int dup = 0; /* \r, \n and KEY_ENTER are all Enter to a user */
		for (int j = 0; j < k && !dup; j++) {
			char other[32];
			key_label(keys[j], other, sizeof other);
			dup = !strcmp(one, other);
		}
		if (!dup)
			n += (size_t)snprintf(buf + n, cap - n, "%s%s", n ? sep : "", one);
	}
}

/* ---- key names, as the configuration file writes them ---- */

/* Do the first n bytes of a and b match, ASCII letters in any case? (Not
 * strncasecmp: the locale must not change what a key name means.) */
static int same_prefix(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char x = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] | 0x20) : a[i];
		char y = b[i] >= 'A' && b[i] <= 'Z' ? (char)(b[i] | 0x20) : b[i];
		if (x != y)
			return 0;
		if (!x)
			return 1;
	}
	return 1;
}

static int same_name(const char *a, const char *b)
{
	return same_prefix(a, b, strlen(b) + 1);
}

int key_parse(const char *s, int codes[static KEY_CODES_MAX])
{
	static const struct {
		const char *name;
		int codes[KEY_CODES_MAX];
	} names[] = {
		{"Enter", {'\r', '\n', FKEY(KEY_ENTER)}}, {"Return", {'\r', '\n', FKEY(KEY_ENTER)}},
		{"Tab", {'\t'}}, {"Shift-Tab", {FKEY(KEY_BTAB)}}, {"BTab", {FKEY(KEY_BTAB)}},
		{"Esc", {KEY_ESC}}, {"Escape", {KEY_ESC}}, {"Space", {' '}},
		{"Backspace", {FKEY(KEY_BACKSPACE), 127, KEY_CTRL('h')}}, {"BSpace", {FKEY(KEY_BACKSPACE), 127, KEY_CTRL('h')}},
		{"Up", {FKEY(KEY_UP)}}, {"Down", {FKEY(KEY_DOWN)}}, {"Left", {FKEY(KEY_LEFT)}},
		{"Right", {FKEY(KEY_RIGHT)}}, {"PageUp", {FKEY(KEY_PPAGE)}}, {"PgUp", {FKEY(KEY_PPAGE)}},
		{"PPage", {FKEY(KEY_PPAGE)}}, {"PageDown", {FKEY(KEY_NPAGE)}}, {"PgDn", {FKEY(KEY_NPAGE)}},
		{"NPage", {FKEY(KEY_NPAGE)}}, {"Home", {FKEY(KEY_HOME)}}, {"End", {FKEY(KEY_END)}},
		{"Insert", {FKEY(KEY_IC)}}, {"Delete", {FKEY(KEY_DC)}},
	};
	size_t len = strlen(s);
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (same_name(s, names[i].name)) {
			int n = 0;
			while (n < KEY_CODES_MAX && names[i].codes[n])
				codes[n] = names[i].codes[n], n++;
			return n;
		}
	/* Control keys: C-f, Ctrl-f, ^f; the letter in either case, as the
	 * terminal sends the same byte for both. C-@ would be NUL: refused. */
	const char *c = len > 2 && same_prefix(s, "C-", 2) ? s + 2
			: len > 5 && same_prefix(s, "Ctrl-", 5) ? s + 5
			: s[0] == '^' && len == 2 ? s + 1 : NULL;
	if (c && c[0] && !c[1] && ((c[0] | 0x20) >= 'a' && (c[0] | 0x20) <= 'z')) {
		codes[0] = KEY_CTRL(c[0]);
		return 1;
	}
	if (c && c[0] && !c[1] && strchr("[\\]^_", c[0])) {
		codes[0] = KEY_CTRL(c[0]);
		return 1;
	}
	if ((s[0] == 'F' || s[0] == 'f') && len >= 2 && len <= 3 && s[1] >= '1' && s[1] <= '9' &&
	    (len == 2 || (s[2] >= '0' && s[2] <= '9'))) {
		int f = len == 2 ? s[1] - '0' : (s[1] - '0') * 10 + (s[2] - '0');
		if (f <= 63) {
			codes[0] = FKEY(KEY_F(f));
			return 1;
		}
		return 0;
	}
	/* One printable character: a control, DEL or C1 code is not written so. */
	ucs4_t uc;
	int n = len ? u8_mbtoucr(&uc, (const uint8_t *)s, len) : -1;
	if (n <= 0 || (size_t)n != len || uc <= 0x20 || (uc >= 0x7f && uc <= 0x9f))
		return 0;
	codes[0] = (int)uc;
	return 1;
}
