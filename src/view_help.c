#include "config.h"
#include "view_help.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "keys.h"

int view_help(struct grid *g, int ascii)
{
	static const char *const legend[] = {
		"",
		"标记 Markers",
		"  !3        3 个节点逾期 (3 overdue)",
		"  ~2        2 个节点将到期 (2 due soon)",
		"  >         选中的行 (the selected row)",
		NULL,
	};
	const char *ell = ascii ? "~" : "…";
	int y = 0;
	if (grid_grow(g, 2) < 0)
		return -1;
	grid_put(g, y++, 0, "按键 Keys", STYLE_TITLE);
	for (size_t i = 0; i < ACT_COUNT - 1; i++) {
		const struct key_binding *kb = &key_bindings[i];
		char keys[64] = " ", one[24], word[28];
		for (int k = 0; k < 3 && kb->keys[k]; k++) {
			key_label(kb->keys[k], one, sizeof one);
			snprintf(word, sizeof word, " %s ", one);
			if (strstr(keys, word)) /* \n, \r and KEY_ENTER are all Enter to a user */
				continue;
			snprintf(keys + strlen(keys), sizeof keys - strlen(keys), "%s ", one);
		}
		if (grid_grow(g, y + 1) < 0)
			return -1;
		grid_text(g, y, 1, 21, keys, strlen(keys), ALIGN_LEFT, STYLE_HEADER, ell);
		grid_text(g, y, 23, g->w - 23, kb->help, strlen(kb->help), ALIGN_LEFT, STYLE_NORMAL, ell);
		y++;
	}
	for (size_t i = 0; legend[i]; i++) {
		if (grid_grow(g, y + 1) < 0)
			return -1;
		const char *l = legend[i];
		grid_text(g, y++, 0, g->w, l, strlen(l), ALIGN_LEFT, l[0] == ' ' ? STYLE_NORMAL : STYLE_TITLE, ell);
	}
	if (grid_grow(g, y + 1) < 0)
		return -1;
	const char *folds = ascii ? "  + / -     区域已收起 / 已展开 (zone folded / unfolded)"
				  : "  ▸ / ▾     区域已收起 / 已展开 (zone folded / unfolded)";
	grid_text(g, y++, 0, g->w, folds, strlen(folds), ALIGN_LEFT, STYLE_NORMAL, ell);
	return y;
}
