#include "config.h"
#include "i18n.h"
#include "words.h"

#include <stdio.h>

void words_days(char *buf, size_t cap, enum ms_state st, day_t due, day_t today)
{
	if (st == MS_OVERDUE)
	{
		long n = (long)today - (long)due;
		/* TRANSLATORS: a milestone's state in a list column; short */
		snprintf(buf, cap, ngettext("%ld day late", "%ld days late", (unsigned long)n), n);
	} else if (due == today) {
		snprintf(buf, cap, "%s", _("Due today"));
	} else {
		long n = (long)due - (long)today;
		snprintf(buf, cap, ngettext("%ld day left", "%ld days left", (unsigned long)n), n);
	}
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
		snprintf(buf, cap, "%s", words_status(m->it.status));
		return STYLE_NORMAL;
	case MS_DONE: snprintf(buf, cap, "%s", words_status(ST_DONE)); return STYLE_DONE;
	case MS_DONE_LATE: snprintf(buf, cap, "%s", _("Done late")); return STYLE_DONE_LATE;
	case MS_PAUSED: snprintf(buf, cap, "%s", words_status(ST_PAUSED)); return STYLE_PAUSED;
	case MS_DROPPED: snprintf(buf, cap, "%s", words_status(ST_DROPPED)); return STYLE_DIM;
	default:
		snprintf(buf, cap, "%s", milestone_due_text(c, m) ? _("Bad date") : _("No date"));
		return STYLE_DIM;
	}
}

const char *words_status(enum status s)
{
	/* TRANSLATORS: a milestone's status as the screens show it (the chart's
	 * own status words stay as docs/format.md has them) */
	static const char *const words[ST_COUNT] = {
		[ST_PLANNED] = N_("Planned"), [ST_ACTIVE] = N_("In progress"), [ST_DONE] = N_("Done"),
		[ST_PAUSED] = N_("Paused"),   [ST_DROPPED] = N_("Dropped"),
	};
	return (unsigned)s < ST_COUNT ? _(words[s]) : "";
}
