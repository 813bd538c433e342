/* keys: the one table of actions, their keys and their help.
 *
 * The key map, the help screen and the man page's key list all come from
 * KEY_ACTIONS, so they cannot drift apart. Each action has up to three keys;
 * key codes are ncurses' (KEY_UP …) or characters. */
#ifndef GUATU_KEYS_H
#define GUATU_KEYS_H

#include <stddef.h>

#define KEY_CTRL(c) ((c) & 0x1f)

/* ACTION(name, key, key, key, help). 0 = no key. */
#define KEY_ACTIONS(ACTION)                                                               \
	ACTION(DOWN, 'j', KEY_DOWN, 0, "下移 move down")                                   \
	ACTION(UP, 'k', KEY_UP, 0, "上移 move up")                                         \
	ACTION(RIGHT, 'l', KEY_RIGHT, '\t', "右侧窗格 next pane")                           \
	ACTION(LEFT, 'h', KEY_LEFT, KEY_BTAB, "左侧窗格 previous pane")                     \
	ACTION(ENTER, '\n', '\r', KEY_ENTER, "展开/收起区域，进入下一窗格 open, drill down") \
	ACTION(TOGGLE, ' ', 0, 0, "展开/收起区域 fold or unfold a zone")                     \
	ACTION(EXPAND, '+', 0, 0, "展开区域 unfold a zone")                                 \
	ACTION(COLLAPSE, '-', 0, 0, "收起区域 fold a zone")                                 \
	ACTION(PAGE_DOWN, KEY_NPAGE, KEY_CTRL('f'), 0, "下一页 page down")                      \
	ACTION(PAGE_UP, KEY_PPAGE, KEY_CTRL('b'), 0, "上一页 page up")                          \
	ACTION(FIRST, 'g', KEY_HOME, 0, "第一项 first")                                     \
	ACTION(LAST, 'G', KEY_END, 0, "最后一项 last")                                      \
	ACTION(SEARCH, '/', 0, 0, "搜索 search")                                            \
	ACTION(NEXT_MATCH, 'n', 0, 0, "下一个匹配 next match")                              \
	ACTION(PREV_MATCH, 'N', 0, 0, "上一个匹配 previous match")                          \
	ACTION(STATUS, 's', 0, 0, "状态总览 status view")                                   \
	ACTION(BROWSE, 'b', 0, 0, "浏览 browse view")                                       \
	ACTION(FILTER, 'o', 0, 0, "只看逾期和将到期 only overdue and due soon")             \
	ACTION(SORT, 'S', 0, 0, "节点排序：截止/名称/状态 sort by due, name, status")       \
	ACTION(RELOAD, 'r', 0, 0, "重新载入 reload the files")                              \
	ACTION(EDIT, 'e', 0, 0, "编辑所选项 edit the selected item ($VISUAL, $EDITOR, vi)") \
	ACTION(DIAGS, 'E', 0, 0, "列出诊断 list the diagnostics")                           \
	ACTION(LOG, 'p', 0, 0, "把屏幕记入日志 append the screen to the log")               \
	ACTION(HELP, '?', KEY_F(1), 0, "帮助 help")                                         \
	ACTION(REDRAW, KEY_CTRL('l'), 0, 0, "重绘 redraw the screen")                           \
	ACTION(QUIT, 'q', 0, 0, "退出（帮助中：返回） quit (in help: back)")

enum action {
	ACT_NONE,
#define AS_ENUM(name, k1, k2, k3, help) ACT_##name,
	KEY_ACTIONS(AS_ENUM)
#undef AS_ENUM
	ACT_COUNT
};

struct key_binding {
	enum action action;
	int keys[3];
	const char *help;
};

/* The table, in the order of KEY_ACTIONS, ACT_COUNT - 1 entries. */
extern const struct key_binding key_bindings[];

/* The action bound to a key (an ncurses key code or a character), or ACT_NONE. */
enum action key_action(int key);
/* Writes a readable name of a key ("j", "Down", "Ctrl-f", "Tab") to buf. */
void key_label(int key, char *buf, size_t cap);

#endif
