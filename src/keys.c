#include "config.h"

#include <curses.h>
#include <stdio.h>

#include "keys.h"

const struct key_binding key_bindings[] = {
#define AS_ENTRY(name, k1, k2, k3, help) {ACT_##name, {k1, k2, k3}, help},
	KEY_ACTIONS(AS_ENTRY)
#undef AS_ENTRY
};

enum action key_action(int key)
{
	for (size_t i = 0; i < ACT_COUNT - 1; i++)
		for (int k = 0; k < 3; k++)
			if (key_bindings[i].keys[k] && key_bindings[i].keys[k] == key)
				return key_bindings[i].action;
	return ACT_NONE;
}

void key_label(int key, char *buf, size_t cap)
{
	static const struct {
		int key;
		const char *name;
	} named[] = {
		{KEY_DOWN, "Down"}, {KEY_UP, "Up"}, {KEY_LEFT, "Left"}, {KEY_RIGHT, "Right"},
		{KEY_NPAGE, "PgDn"}, {KEY_PPAGE, "PgUp"}, {KEY_HOME, "Home"}, {KEY_END, "End"},
		{KEY_BTAB, "Shift-Tab"}, {KEY_ENTER, "Enter"}, {'\n', "Enter"}, {'\r', "Enter"},
		{'\t', "Tab"}, {' ', "Space"}, {KEY_F(1), "F1"},
	};
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (named[i].key == key) {
			snprintf(buf, cap, "%s", named[i].name);
			return;
		}
	if (key > 0 && key < 0x20)
		snprintf(buf, cap, "Ctrl-%c", key + 'a' - 1);
	else
		snprintf(buf, cap, "%c", key);
}
