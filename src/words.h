/* words: what the screens call things, in one place.
 *
 * A milestone's state in words ("逾期12天", "还剩3天", "已完成") and the
 * style that goes with it, as every view and --print show them. */
#ifndef GUATU_WORDS_H
#define GUATU_WORDS_H

#include <stddef.h>

#include "grid.h"
#include "model.h"

/* Days late or left, in the language of the screens: "逾期12天", "还剩3天",
 * "今天到期" in zh_CN. */
void words_days(char *buf, size_t cap, enum ms_state st, day_t due, day_t today);
/* A milestone's state in words, and its style. */
enum style words_milestone(const struct chart *c, const struct milestone *m, day_t today, int soon, char *buf,
			   size_t cap);
/* A status as the screens show it ("已完成" in zh_CN, "Done" in English). */
const char *words_status(enum status s);

#endif
