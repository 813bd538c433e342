/* keys: the one table of actions, their keys, their hints and their help.
 *
 * The key map, the help screen, each view's footer hints, the search line's
 * keys and the man page's key list all come from KEY_ACTIONS, so they cannot
 * drift apart. Keys are characters, or ncurses function keys as FKEY(code)
 * (a separate range: a typed U+0102 is not KEY_DOWN). The defaults below can
 * be rebound at run time (key_bind); help and hints show the bindings. */
#ifndef GUATU_KEYS_H
#define GUATU_KEYS_H

#include <stddef.h>

#define KEY_CTRL(c) ((c) & 0x1f)
#define FKEY(code) (0x40000000 | (code))
#define KEY_ESC 27

/* Where an action applies. */
enum scope {
	SCOPE_MOVE,   /* moving in the current view */
	SCOPE_VIEW,   /* what the current view does with its rows */
	SCOPE_GLOBAL, /* anywhere: views, search, files */
	SCOPE_PROMPT, /* on the search line */
	SCOPE_COUNT
};

/* ACTION(NAME, "config-name", scope, key, key, key, "hint", "help"); 0 = no key.
 * The hint is the word a footer shows after the key. */
#define KEY_ACTIONS(ACTION)                                                                              \
	ACTION(DOWN, "down", SCOPE_MOVE, 'j', FKEY(KEY_DOWN), 0, "移动", "下移 move down")                   \
	ACTION(UP, "up", SCOPE_MOVE, 'k', FKEY(KEY_UP), 0, "移动", "上移 move up")                           \
	ACTION(RIGHT, "right", SCOPE_MOVE, 'l', FKEY(KEY_RIGHT), '\t', "窗格", "右侧窗格；时间轴中：往后 next pane; timeline: later") \
	ACTION(LEFT, "left", SCOPE_MOVE, 'h', FKEY(KEY_LEFT), FKEY(KEY_BTAB), "窗格", "左侧窗格；时间轴中：往前 previous pane; timeline: earlier") \
	ACTION(PAGE_DOWN, "page-down", SCOPE_MOVE, FKEY(KEY_NPAGE), KEY_CTRL('f'), 0, "翻页", "下一页 page down") \
	ACTION(PAGE_UP, "page-up", SCOPE_MOVE, FKEY(KEY_PPAGE), KEY_CTRL('b'), 0, "翻页", "上一页 page up")       \
	ACTION(FIRST, "first", SCOPE_MOVE, 'g', FKEY(KEY_HOME), 0, "首项", "第一项 first")                    \
	ACTION(LAST, "last", SCOPE_MOVE, 'G', FKEY(KEY_END), 0, "末项", "最后一项 last")                      \
	ACTION(ENTER, "enter", SCOPE_VIEW, '\r', '\n', FKEY(KEY_ENTER), "打开",                                 \
	       "展开/收起区域，进入下一窗格；在状态、指标、诊断中：到浏览中的该项 open, drill down; in status, targets and diagnostics: show the item in browse") \
	ACTION(TOGGLE, "toggle", SCOPE_VIEW, ' ', 0, 0, "展开", "展开/收起区域 fold or unfold a zone")         \
	ACTION(EXPAND, "expand", SCOPE_VIEW, '+', 0, 0, "展开", "展开区域；时间轴中：按周 unfold a zone; timeline: by week") \
	ACTION(COLLAPSE, "collapse", SCOPE_VIEW, '-', 0, 0, "收起", "收起区域；时间轴中：按季度 fold a zone; timeline: by quarter") \
	ACTION(FILTER, "filter", SCOPE_VIEW, 'o', 0, 0, "筛选",                                             \
	       "只看要关注的：逾期、将到期、指标落后 only what needs attention: overdue, due soon, targets behind") \
	ACTION(SORT, "sort", SCOPE_VIEW, 'S', 0, 0, "排序", "节点排序：截止/名称/状态 sort by due, name, status") \
	ACTION(TODAY, "today", SCOPE_VIEW, '.', 0, 0, "今天", "时间轴回到今天 timeline: back to today")        \
	ACTION(SEARCH, "search", SCOPE_GLOBAL, '/', 0, 0, "搜索", "在当前视图中搜索 search this view")        \
	ACTION(NEXT_MATCH, "next-match", SCOPE_GLOBAL, 'n', 0, 0, "下一个", "下一个匹配 next match")          \
	ACTION(PREV_MATCH, "prev-match", SCOPE_GLOBAL, 'N', 0, 0, "上一个", "上一个匹配 previous match")      \
	ACTION(BROWSE, "browse", SCOPE_GLOBAL, 'b', 0, 0, "浏览", "浏览 browse view")                        \
	ACTION(STATUS, "status", SCOPE_GLOBAL, 's', 0, 0, "状态", "状态总览 status view")                    \
	ACTION(TARGETS, "targets", SCOPE_GLOBAL, 'T', 0, 0, "指标", "指标：进度与判断 targets, their pace and verdict") \
	ACTION(TIMELINE, "timeline", SCOPE_GLOBAL, 't', 0, 0, "时间轴", "时间轴：项目的节点按月排开 timeline: projects against the calendar") \
	ACTION(DIAGS, "diagnostics", SCOPE_GLOBAL, 'E', 0, 0, "诊断", "列出诊断 list the diagnostics")        \
	ACTION(CHANGES, "changes", SCOPE_GLOBAL, 'B', 0, 0, "变化",                                          \
	       "较基线的变化，最严重在前 changes since the baseline (--baseline), worst first")              \
	ACTION(HISTORY, "history", SCOPE_VIEW, 'H', 0, 0, "历史",                                             \
	       "节点截止日期的修改记录 the milestone's due-date history, from git log")                  \
	ACTION(HELP, "help", SCOPE_GLOBAL, '?', FKEY(KEY_F(1)), 0, "帮助", "帮助 help")                      \
	ACTION(EDIT, "edit", SCOPE_GLOBAL, 'e', 0, 0, "编辑", "编辑所选项 edit the selected item ($VISUAL, $EDITOR, vi)") \
	ACTION(RELOAD, "reload", SCOPE_GLOBAL, 'r', 0, 0, "载入", "重新载入 reload the files")               \
	ACTION(LOG, "log", SCOPE_GLOBAL, 'p', 0, 0, "记录", "把屏幕记入日志 append the screen to the log")    \
	ACTION(REDRAW, "redraw", SCOPE_GLOBAL, KEY_CTRL('l'), 0, 0, "重绘", "重绘 redraw the screen")        \
	ACTION(BACK, "back", SCOPE_GLOBAL, KEY_ESC, 0, 0, "返回", "返回上一视图 back to the previous view")   \
	ACTION(CLOSE, "close", SCOPE_GLOBAL, 'q', 0, 0, "退出",                                                \
	       "关闭当前视图（在浏览视图中：退出）close the view (in the browse view: quit)")                   \
	ACTION(QUIT, "quit", SCOPE_GLOBAL, 'Q', 0, 0, "退出", "从任何视图退出 quit from any view")            \
	ACTION(PROMPT_ACCEPT, "prompt-accept", SCOPE_PROMPT, '\r', '\n', FKEY(KEY_ENTER), "确定",               \
	       "留在找到的项上 stay on the match")                                                             \
	ACTION(PROMPT_CANCEL, "prompt-cancel", SCOPE_PROMPT, KEY_ESC, KEY_CTRL('g'), 0, "取消",                 \
	       "取消，回到搜索开始处 cancel, back to where the search began")                                   \
	ACTION(PROMPT_ERASE, "prompt-erase", SCOPE_PROMPT, FKEY(KEY_BACKSPACE), 127, KEY_CTRL('h'), "删除",     \
	       "删除一个字（行空时取消）erase a character (on an empty line: cancel)")                          \
	ACTION(PROMPT_CLEAR, "prompt-clear", SCOPE_PROMPT, KEY_CTRL('u'), 0, 0, "清空", "清空搜索行 clear the line") \
	ACTION(PROMPT_WORD, "prompt-word", SCOPE_PROMPT, KEY_CTRL('w'), 0, 0, "删词", "删除前一个词 erase the word before")

enum action {
	ACT_NONE,
#define AS_ENUM(name, conf, scope, k1, k2, k3, hint, help) ACT_##name,
	KEY_ACTIONS(AS_ENUM)
#undef AS_ENUM
	ACT_COUNT
};

enum { KEYS_PER_ACTION = 4 };

struct action_info {
	const char *name; /* for the configuration file */
	enum scope scope;
	const char *hint; /* a footer's word */
	const char *help; /* the help screen's line */
};

/* What each action is (indexed by enum action; ACT_NONE has no entry). */
const struct action_info *action_info(enum action a);
/* The keys bound to an action now; 0-terminated, KEYS_PER_ACTION at most. */
const int *action_keys(enum action a);

/* The action a key means on the search line (prompt != 0) or elsewhere. */
enum action key_action(int key, int prompt);
/* Binds `key` to `a` in a's scope, first unbinding it from whatever it
 * meant there. -1 when `a` has no room for another key. */
int key_bind(enum action a, int key);
/* Removes every binding of `a`. */
void key_unbind_all(enum action a);
/* Back to the defaults of KEY_ACTIONS. */
void keys_reset(void);

/* Writes a readable name of a key ("j", "Down", "Ctrl-f", "Tab") to buf. */
void key_label(int key, char *buf, size_t cap);
/* Writes the names of an action's keys, "j Down", to buf (Enter once,
 * however many codes it has). */
void action_label(enum action a, const char *sep, char *buf, size_t cap);

#endif
