/* Key names as the configuration file writes them (keys.c key_parse), and
 * rebinding: every name the help shows reads back as its key. */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "keys.h"
#include "tap.h"

/* The codes a name reads as, "13 10 KEY(343)", or "none". */
static const char *parsed(const char *name)
{
	static char buf[64];
	int codes[KEY_CODES_MAX], n = key_parse(name, codes);
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (codes[i] & FKEY(0))
			used += (size_t)snprintf(buf + used, sizeof buf - used, "%sKEY(%d)", i ? " " : "", codes[i] & ~FKEY(0));
		else
			used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%d", i ? " " : "", codes[i]);
	}
	return n ? buf : "none";
}

static char want_buf[64];
static const char *fkey(int code)
{
	snprintf(want_buf, sizeof want_buf, "KEY(%d)", code);
	return want_buf;
}

int main(void)
{
	is_str(parsed("j"), "106", "a letter");
	is_str(parsed("G"), "71", "capitals are their own key");
	is_str(parsed("?"), "63", "punctuation");
	is_str(parsed("中"), "20013", "one Chinese character");
	is_str(parsed("jk"), "none", "two characters are not a key");
	is_str(parsed(""), "none", "nothing is not a key");
	is_str(parsed(" "), "none", "a space is written Space");
	is_str(parsed("\x7f"), "none", "DEL is written Backspace");
	is_str(parsed("\xc2\x9b"), "none", "a C1 control is not a key");
	is_str(parsed("\xff"), "none", "invalid UTF-8 is not a key");
	is_str(parsed("C-f"), "6", "C-f");
	is_str(parsed("Ctrl-f"), "6", "Ctrl-f, as the help writes it");
	is_str(parsed("ctrl-F"), "6", "ctrl-F: either case");
	is_str(parsed("^f"), "6", "^f");
	is_str(parsed("C-["), "27", "C-[ is Esc");
	is_str(parsed("C-1"), "none", "C-1 has no control code");
	is_str(parsed("C-ff"), "none", "C-ff");
	is_str(parsed("C-"), "none", "C- alone");
	is_str(parsed("F1"), fkey(KEY_F(1)), "F1");
	is_str(parsed("f12"), fkey(KEY_F(12)), "f12");
	is_str(parsed("F63"), fkey(KEY_F(63)), "F63");
	is_str(parsed("F64"), "none", "F64 is past what curses names");
	is_str(parsed("F0"), "none", "F0");
	is_str(parsed("F"), "70", "F alone is the letter");
	char enter[64];
	snprintf(enter, sizeof enter, "13 10 KEY(%d)", KEY_ENTER);
	is_str(parsed("Enter"), enter, "Enter is every code a terminal may send for it");
	is_str(parsed("enter"), enter, "names in any case");
	is_str(parsed("Tab"), "9", "Tab");
	is_str(parsed("Esc"), "27", "Esc");
	is_str(parsed("Space"), "32", "Space");
	is_str(parsed("PageDown"), fkey(KEY_NPAGE), "PageDown");
	is_str(parsed("PgDn"), fkey(KEY_NPAGE), "PgDn, as the help writes it");
	is_str(parsed("NPage"), fkey(KEY_NPAGE), "NPage, as tmux writes it");
	is_str(parsed("Shift-Tab"), fkey(KEY_BTAB), "Shift-Tab");
	is_str(parsed("Delete"), fkey(KEY_DC), "Delete");
	is_str(parsed("Down-"), "none", "a name and more");

	/* Every key of the table, named as the help names it, reads back as
	 * a set of codes holding it. */
	int all = 1;
	for (int a = 1; a < ACT_COUNT; a++)
		for (const int *k = action_keys((enum action)a); *k; k++) {
			char label[32];
			int codes[KEY_CODES_MAX], n, found = 0;
			key_label(*k, label, sizeof label);
			n = key_parse(label, codes);
			for (int i = 0; i < n; i++)
				found |= codes[i] == *k;
			if (!found) {
				printf("# '%s' (%d) of '%s' does not read back\n", label, *k, action_info((enum action)a)->name);
				all = 0;
			}
		}
	ok(all, "every default key's label reads back as the key");

	/* Rebinding takes the key from the action that had it, in its scope only. */
	key_unbind_all(ACT_DOWN);
	key_bind(ACT_DOWN, 'n');
	is_int(key_action('n', 0), ACT_DOWN, "n is down now");
	is_int(action_keys(ACT_NEXT_MATCH)[0], 0, "next-match lost its only key");
	is_int(key_action('j', 0), ACT_NONE, "j means nothing");
	key_bind(ACT_PROMPT_CLEAR, 'n');
	is_int(key_action('n', 1), ACT_PROMPT_CLEAR, "the search line has its own keys");
	is_int(key_action('n', 0), ACT_DOWN, "and leaves the others alone");
	char label[64];
	action_label(ACT_DOWN, " ", label, sizeof label);
	is_str(label, "n", "the help's label follows");
	keys_reset();
	is_int(key_action('j', 0), ACT_DOWN, "keys_reset: back to the table");
	return done_testing();
}
