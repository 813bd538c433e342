/* What people write, read as they mean it: statuses, numbers, input-method
 * slips; and numbers shown as they write them. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "model.h"
#include "number.h"
#include "slips.h"
#include "tap.h"

static const char *num(double v)
{
	static char buf[64];
	number_format(v, buf, sizeof buf);
	return buf;
}

static const char *slip(const char *line)
{
	static char buf[200];
	struct slip s;
	if (!slip_scan(line, strlen(line), &s))
		return "none";
	snprintf(buf, sizeof buf, "%u: %s", s.col, s.msg);
	return buf;
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	static const struct {
		const char *word;
		int status;
	} statuses[] = {
		{"planned", ST_PLANNED}, {"计划", ST_PLANNED}, {"未開始", ST_PLANNED}, {"待开工", ST_PLANNED},
		{"active", ST_ACTIVE}, {"在建", ST_ACTIVE}, {"推进中", ST_ACTIVE}, {"已开工", ST_ACTIVE},
		{"done", ST_DONE}, {"已完成", ST_DONE}, {"已竣工", ST_DONE}, {"竣工", ST_DONE},
		{"已投产", ST_DONE}, {"已投產", ST_DONE}, {"已建成", ST_DONE},
		{"paused", ST_PAUSED}, {"暂停", ST_PAUSED}, {"暫停", ST_PAUSED}, {"缓建", ST_PAUSED},
		{"停工", ST_PAUSED}, {"dropped", ST_DROPPED}, {"取消", ST_DROPPED}, {"终止", ST_DROPPED},
		{"推迟", -1}, {"Done", ST_DONE}, {"DONE", ST_DONE}, {"Paused", ST_PAUSED}, {"完 成", -1}, {"", -1},
	};
	for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++)
		is_int(status_parse(statuses[i].word), statuses[i].status, "status '%s'", statuses[i].word);
	is_int(ms_state(ST_PAUSED, 100, DAY_NONE, 200, 14), MS_PAUSED, "paused, long past due: paused, not overdue");
	char all[512];
	status_spellings(all, sizeof all);
	ok(strstr(all, "paused, 暂停") && strstr(all, "已投产"), "every spelling is listed for messages");

	double v = -1;
	is_int(number_parse("12.5", 4, &v), NUMBER_OK, "12.5");
	ok(v == 12.5, "reads 12.5");
	is_int(number_parse("１２．５", strlen("１２．５"), &v), NUMBER_OK, "full-width digits");
	ok(v == 12.5, "１２．５ reads 12.5");
	is_int(number_parse("1e3", 3, &v), NUMBER_OK, "1e3");
	ok(v == 1000, "1e3 is 1000");
	is_int(number_parse("1e400", 5, &v), NUMBER_RANGE, "1e400: out of range");
	is_int(number_parse("1e-400", 6, &v), NUMBER_RANGE, "1e-400: out of range (not a silent 0)");
	is_int(number_parse(".inf", 4, &v), NUMBER_INFINITE, ".inf");
	is_int(number_parse("-.Inf", 5, &v), NUMBER_INFINITE, "-.Inf");
	is_int(number_parse(".nan", 4, &v), NUMBER_INFINITE, ".nan");
	is_int(number_parse("NaN", 3, &v), NUMBER_INFINITE, "NaN");
	is_int(number_parse("1,000", 5, &v), NUMBER_NOT, "1,000");
	is_int(number_parse("十亿", strlen("十亿"), &v), NUMBER_NOT, "十亿");
	is_int(number_parse("0x10", 4, &v), NUMBER_NOT, "hex");
	is_int(number_parse("-", 1, &v), NUMBER_NOT, "a sign alone");
	is_int(number_parse("-0", 2, &v), NUMBER_OK, "-0 reads");
	ok(v == 0 && !signbit(v), "-0 reads as 0");

	is_str(num(0.000001), "0.000001", "0.000001, not 1e-06");
	is_str(num(61.5), "61.5", "61.5");
	is_str(num(100), "100", "100");
	is_str(num(0.1 + 0.2), "0.3", "0.1 + 0.2 shows as 0.3");
	is_str(num(-0.0), "0", "never -0");
	is_str(num(1e20), "100000000000000000000", "1e20 written out");
	is_str(num(225.9), "225.9", "225.9");
	is_str(num(-3.25), "-3.25", "negative");
	is_str(num(INFINITY), "0", "never inf");
	is_str(num(NAN), "-", "no figure: -");

	is_str(slip("  - name：资阳"), "9: a full-width colon '：' (U+FF1A) after 'name': write 'name: ', with an ordinary colon and a space",
	       "a full-width colon after a key");
	is_str(slip("    截止：2023-06-30"), "7: a full-width colon '：' (U+FF1A) after '截止': write '截止: ', with an ordinary colon and a space",
	       "after a Chinese key too");
	is_str(slip("    note: 进度：已完成"), "none", "a full-width colon inside a value is text");
	is_str(slip("  \u3000due: 2023-01-01"), "3: a full-width space '　' (U+3000) in the indentation: indent with ordinary spaces",
	       "U+3000 in the indentation");
	is_str(slip("\t  due: x"), "1: a tab in the indentation: YAML indents with spaces only", "a tab in the indentation");
	is_str(slip("  - name: a\tb"), "none", "a tab in a value is not indentation");
	is_str(slip("      － name: 项目一"), "7: a full-width dash '－' (U+FF0D) where a list item starts: write '- ', an ordinary hyphen and a space",
	       "a full-width dash");
	is_str(slip("  — name: 项目一"), "3: a full-width dash '—' (U+2014) where a list item starts: write '- ', an ordinary hyphen and a space",
	       "an em dash");
	is_str(slip("  - name: 项目一"), "none", "a well-written line");
	is_str(slip("            status:已完成"), "19: no space after ':' following 'status': write 'status: ' and then the value",
	       "no space after a colon");
	is_str(slip("    note: 10:30 开会"), "none", "a colon inside a value is text");
	is_str(slip("    url: http://x"), "none", "and so is one in a link");
	return done_testing();
}
