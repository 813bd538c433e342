#include "config.h"
#include "words.h"

#include <stdio.h>

void words_days(char *buf, size_t cap, enum ms_state st, day_t due, day_t today)
{
	if (st == MS_OVERDUE)
		snprintf(buf, cap, "逾期%ld天", (long)today - (long)due);
	else if (due == today)
		snprintf(buf, cap, "今天到期");
	else
		snprintf(buf, cap, "还剩%ld天", (long)due - (long)today);
}

enum style words_milestone(const struct chart *c, const struct milestone *m, day_t today, int soon, char *buf,
			   size_t cap)
{
	enum ms_state st = milestone_state(c, m, today, soon);
	switch (st) {
	case MS_OVERDUE:
	case MS_SOON:
		words_days(buf, cap, st, milestone_due(c, m), today);
		return st == MS_OVERDUE ? STYLE_OVERDUE : STYLE_SOON;
	case MS_OPEN:
		snprintf(buf, cap, "%s", m->it.status == ST_ACTIVE ? "进行中" : "计划中");
		return STYLE_NORMAL;
	case MS_DONE: snprintf(buf, cap, "已完成"); return STYLE_DONE;
	case MS_DONE_LATE: snprintf(buf, cap, "延期完成"); return STYLE_DONE_LATE;
	case MS_PAUSED: snprintf(buf, cap, "暂停"); return STYLE_PAUSED;
	case MS_DROPPED: snprintf(buf, cap, "已取消"); return STYLE_DIM;
	default: snprintf(buf, cap, "%s", milestone_due_text(c, m) ? "日期有误" : "无日期"); return STYLE_DIM;
	}
}
