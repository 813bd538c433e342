/* Every date form of docs/format.md, read to its first and last day, and the
 * forms that must be refused. */
#include "config.h"

#include <locale.h>

#include "date.h"
#include "tap.h"

static void fmt_span(const char *in, char *out, size_t cap)
{
	struct span sp;
	const char *why;
	if (date_parse(in, strlen(in), &sp, &why) < 0) {
		snprintf(out, cap, "error: %s", why);
		return;
	}
	char a[11], b[11];
	date_format(sp.first, a);
	date_format(sp.last, b);
	snprintf(out, cap, "%s..%s", a, b);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	static const struct {
		const char *in, *want;
	} cases[] = {
		/* numeric */
		{"2022-09-30", "2022-09-30..2022-09-30"},
		{"2022/9/30", "2022-09-30..2022-09-30"},
		{"2022.9.3", "2022-09-03..2022-09-03"},
		{"2022-9-30", "2022-09-30..2022-09-30"},
		{"2022-09", "2022-09-01..2022-09-30"},
		{"2022/2", "2022-02-01..2022-02-28"},
		{"2024-02", "2024-02-01..2024-02-29"},
		{"2022-Q4", "2022-10-01..2022-12-31"},
		{"2022Q4", "2022-10-01..2022-12-31"},
		{"2023q1", "2023-01-01..2023-03-31"},
		{"2023 Q2", "2023-04-01..2023-06-30"},
		/* days */
		{"2022年9月30日", "2022-09-30..2022-09-30"},
		{"2022年9月30日前", "2022-09-30..2022-09-30"},
		{"2022年9月30日之前", "2022-09-30..2022-09-30"},
		{"2023年6月30日以内", "2023-06-30..2023-06-30"},
		{"2023年6月30日以前", "2023-06-30..2023-06-30"},
		{"2022年9月30号", "2022-09-30..2022-09-30"},
		{"2023年十二月三十一日", "2023-12-31..2023-12-31"},
		{"2023年二月二十八日", "2023-02-28..2023-02-28"},
		/* months */
		{"2022年10月", "2022-10-01..2022-10-31"},
		{"2022年10月前", "2022-10-01..2022-10-31"},
		{"2022年10月上旬", "2022-10-01..2022-10-10"},
		{"2022年10月中旬", "2022-10-11..2022-10-20"},
		{"2022年10月下旬", "2022-10-21..2022-10-31"},
		{"2023年2月下旬", "2023-02-21..2023-02-28"},
		{"2023年1月底", "2023-01-01..2023-01-31"},
		{"2023年1月末", "2023-01-01..2023-01-31"},
		{"2023年6月底前", "2023-06-01..2023-06-30"},
		{"2023年6月以内", "2023-06-01..2023-06-30"},
		{"2023年十月", "2023-10-01..2023-10-31"},
		{"2023年6月份", "2023-06-01..2023-06-30"},
		{"2023年6月份前", "2023-06-01..2023-06-30"},
		{"2024年二月份", "2024-02-01..2024-02-29"},
		/* quarters */
		{"2022年四季度", "2022-10-01..2022-12-31"},
		{"2022年第四季度", "2022-10-01..2022-12-31"},
		{"2022年4季度", "2022-10-01..2022-12-31"},
		{"2023年一季度", "2023-01-01..2023-03-31"},
		{"2023年第二季度末", "2023-04-01..2023-06-30"},
		{"2023年三季度前", "2023-07-01..2023-09-30"},
		{"2023年三季度以内", "2023-07-01..2023-09-30"},
		{"2023年Q1", "2023-01-01..2023-03-31"},
		{"2023年q4", "2023-10-01..2023-12-31"},
		{"2023年Q2前", "2023-04-01..2023-06-30"},
		/* halves and years */
		{"2023年上半年", "2023-01-01..2023-06-30"},
		{"2023年下半年", "2023-07-01..2023-12-31"},
		{"2023年中", "2023-06-30..2023-06-30"},
		{"2023年年中", "2023-06-30..2023-06-30"},
		{"2024年中前", "2024-06-30..2024-06-30"},
		{"2023年底", "2023-01-01..2023-12-31"},
		{"2023年末", "2023-01-01..2023-12-31"},
		{"2023年内", "2023-01-01..2023-12-31"},
		{"2023年", "2023-01-01..2023-12-31"},
		{"2023年底前", "2023-01-01..2023-12-31"},
		{"2023年底以内", "2023-01-01..2023-12-31"},
		{"2023年年底", "2023-01-01..2023-12-31"},
		{"2023年年末", "2023-01-01..2023-12-31"},
		{"2023年全年", "2023-01-01..2023-12-31"},
		{"2022年度", "2022-01-01..2022-12-31"},
		{"2022年度前", "2022-01-01..2022-12-31"},
		/* full-width digits and letters, ideographic space */
		{"２０２２年９月３０日", "2022-09-30..2022-09-30"},
		{"２０２２－０９－３０", "2022-09-30..2022-09-30"},
		{"２０２２Ｑ４", "2022-10-01..2022-12-31"},
		{"２０２３年Ｑ３", "2023-07-01..2023-09-30"},
		{"\xe3\x80\x80" "2022年10月" "\xe3\x80\x80", "2022-10-01..2022-10-31"},
		{" 2022-09-30 ", "2022-09-30..2022-09-30"},
		/* the year in Chinese digits */
		{"二〇二三年六月", "2023-06-01..2023-06-30"},
		{"二零二三年", "2023-01-01..2023-12-31"},
		{"二○二三年十二月三十一日", "2023-12-31..2023-12-31"},
		{"二〇二四年二月", "2024-02-01..2024-02-29"},
		{"二〇二三 年 四季度", "2023-10-01..2023-12-31"},
		{"二〇二三年底前", "2023-01-01..2023-12-31"},
		{"一九九九年", "1999-01-01..1999-12-31"},
		/* spaces between the parts of a Chinese date */
		{"2023年 6月", "2023-06-01..2023-06-30"},
		{"2023 年 6 月 30 日", "2023-06-30..2023-06-30"},
		{"2023年6月30日 之前", "2023-06-30..2023-06-30"},
		{"2023年 四季度", "2023-10-01..2023-12-31"},
		{"2023 年第 4 季度", "2023-10-01..2023-12-31"},
		{"2023年10月 下旬", "2023-10-21..2023-10-31"},
		{"2023 年底", "2023-01-01..2023-12-31"},
		{"2023年 年中", "2023-06-30..2023-06-30"},
		{"2023年 上半年", "2023-01-01..2023-06-30"},
		{"2023年 Q1", "2023-01-01..2023-03-31"},
		{"2023年  6月", "2023-06-01..2023-06-30"},
		{"2023" "\xe3\x80\x80" "年" "\xe3\x80\x80" "6月", "2023-06-01..2023-06-30"},
		/* Traditional characters are the same for these forms */
		{"2023年一季度前", "2023-01-01..2023-03-31"},
		/* refused */
		{"", "error: not a date (it should start with a four-digit year)"},
		{"22-09-30", "error: not a date (it should start with a four-digit year)"},
		{"2022-13-01", "error: there is no such month"},
		{"2022-00", "error: there is no such month"},
		{"2023-02-29", "error: there is no such day in that month"},
		{"2022-09-31", "error: there is no such day in that month"},
		{"2022-09-00", "error: there is no such day in that month"},
		{"2022年13月", "error: there is no such month"},
		{"2022年2月30日", "error: there is no such day in that month"},
		{"2022年五季度", "error: there is no such quarter"},
		{"2022-Q0", "error: there is no such quarter"},
		{"2023年Q5", "error: there is no such quarter"},
		{"2023年Q", "error: not a date form guatu knows"},
		{"2023年Q12", "error: not a date form guatu knows"},
		{"2023年Q1季度", "error: not a date form guatu knows"},
		{"2023年第Q1", "error: not a date form guatu knows"},
		{"2022-09-30x", "error: not a date form guatu knows"},
		{"2022/09-30", "error: not a date form guatu knows"},
		{"2022年9月30", "error: not a date form guatu knows"},
		{"2022年月", "error: not a date form guatu knows"},
		{"2022年第10月", "error: not a date form guatu knows"},
		{"2022年二三月", "error: not a date form guatu knows"},
		{"2022年10月初", "error: not a date form guatu knows"},
		{"2023年中旬", "error: not a date form guatu knows"},
		{"2022年四季", "error: not a date form guatu knows"},
		{"tomorrow", "error: not a date (it should start with a four-digit year)"},
		{"2022年9月30日后", "error: not a date form guatu knows"},
		{"2022年10月前前", "error: not a date form guatu knows"},
		{"2023年前", "error: not a date form guatu knows"},
		{"2023年6月份底", "error: not a date form guatu knows"},
		{"2023年6月份30日", "error: not a date form guatu knows"},
		{"2023年度6月", "error: not a date form guatu knows"},
		{"2023年13月份", "error: there is no such month"},
		{"2023年底以内前", "error: not a date form guatu knows"},
		{"20220930", "error: not a date form guatu knows"},
		/* no year: say what was seen and what to write */
		{"9月30日", "error: a day with no year: write the year first, as in 2023年9月30日"},
		{"九月三十日前", "error: a day with no year: write the year first, as in 2023年9月30日"},
		{"2月29日", "error: a day with no year: write the year first, as in 2023年9月30日"},
		{" 9 月 30 号 ", "error: a day with no year: write the year first, as in 2023年9月30日"},
		{"10月", "error: a month with no year: write the year first, as in 2023年10月"},
		{"10月下旬", "error: a month with no year: write the year first, as in 2023年10月"},
		{"10月底", "error: a month with no year: write the year first, as in 2023年10月"},
		{"6月份", "error: a month with no year: write the year first, as in 2023年10月"},
		{"四季度", "error: a quarter with no year: write the year first, as in 2023年四季度"},
		{"第四季度末", "error: a quarter with no year: write the year first, as in 2023年四季度"},
		{"Q4", "error: a quarter with no year: write the year first, as in 2023年四季度"},
		{"q1前", "error: a quarter with no year: write the year first, as in 2023年四季度"},
		{"上半年", "error: a half-year with no year: write the year first, as in 2023年上半年"},
		{"下半年", "error: a half-year with no year: write the year first, as in 2023年上半年"},
		{"年底", "error: a year's end with no year: write the year first, as in 2023年底"},
		{"年末之前", "error: a year's end with no year: write the year first, as in 2023年底"},
		{"年中", "error: mid-year with no year: write the year first, as in 2023年年中"},
		{"全年", "error: not a date (it should start with a four-digit year)"},
		{"年内", "error: not a date (it should start with a four-digit year)"},
		{"底", "error: not a date (it should start with a four-digit year)"},
		{"13月", "error: not a date (it should start with a four-digit year)"},
		{"10月初", "error: not a date (it should start with a four-digit year)"},
		{"9月30", "error: not a date (it should start with a four-digit year)"},
		{"23年9月30日", "error: not a date (it should start with a four-digit year)"},
		{"下个月", "error: not a date (it should start with a four-digit year)"},
		/* lunar dates: refused, with the day to write instead */
		{"2023年春节前", "error: the date of 春节 moves with the lunar calendar: write the day itself, as in 2023年1月22日"},
		{"春节前", "error: the date of 春节 moves with the lunar calendar: write the day itself, as in 2023年1月22日"},
		{"2024年春節前", "error: the date of 春節 moves with the lunar calendar: write the day itself, as in 2023年1月22日"},
		{"2023年除夕", "error: the date of 除夕 moves with the lunar calendar: write the day itself, as in 2023年1月21日"},
		{"2023年元宵节前", "error: the date of 元宵 moves with the lunar calendar: write the day itself, as in 2023年2月5日"},
		{"2023年端午节前", "error: the date of 端午 moves with the lunar calendar: write the day itself, as in 2023年6月22日"},
		{"2023年七夕", "error: the date of 七夕 moves with the lunar calendar: write the day itself, as in 2023年8月22日"},
		{"2023年中秋", "error: the date of 中秋 moves with the lunar calendar: write the day itself, as in 2023年9月29日"},
		{"2023 年中秋节 前", "error: the date of 中秋 moves with the lunar calendar: write the day itself, as in 2023年9月29日"},
		{"2023年重阳节", "error: the date of 重阳 moves with the lunar calendar: write the day itself, as in 2023年10月23日"},
		{"2023年重陽節", "error: the date of 重陽 moves with the lunar calendar: write the day itself, as in 2023年10月23日"},
		{"2023年农历八月十五", "error: 农历 dates are lunar: write the Gregorian day itself, as in 2023年9月29日"},
		{"2023年農曆八月", "error: 農曆 dates are lunar: write the Gregorian day itself, as in 2023年9月29日"},
		{"阴历十月", "error: 阴历 dates are lunar: write the Gregorian day itself, as in 2023年9月29日"},
		{"陰曆十月初一", "error: 陰曆 dates are lunar: write the Gregorian day itself, as in 2023年9月29日"},
		{"2023年中秋至春节", "error: the date of 中秋 moves with the lunar calendar: write the day itself, as in 2023年9月29日"},
		{"2023年清明前", "error: not a date form guatu knows"},
		{"2023年国庆节前", "error: not a date form guatu knows"},
		{"2023年春", "error: not a date form guatu knows"},
		/* a Chinese year: four Chinese digits, then 年 */
		{"二〇23年", "error: the year mixes Arabic and Chinese digits: write all four alike, as in 2023年 or 二〇二三年"},
		{"20二三年6月", "error: the year mixes Arabic and Chinese digits: write all four alike, as in 2023年 or 二〇二三年"},
		{"二〇二年", "error: not a date (it should start with a four-digit year)"},
		{"23一季度", "error: not a date (it should start with a four-digit year)"},
		{"〇九九九年", "error: not a date (it should start with a four-digit year)"},
		{"二千零二十三年", "error: not a date (it should start with a four-digit year)"},
		{"二〇二三", "error: not a date form guatu knows"},
		{"二〇二三-06-30", "error: not a date form guatu knows"},
		{"二〇二三四年", "error: not a date form guatu knows"},
		{"二〇二 三年", "error: not a date (it should start with a four-digit year)"},
		/* no space inside a number or a word */
		{"2023年6月3 0日", "error: not a date form guatu knows"},
		{"2023年十 二月", "error: not a date form guatu knows"},
		{"20 23年6月", "error: not a date (it should start with a four-digit year)"},
		{"2023年 底", "error: not a date form guatu knows"},
		{"2023年 中", "error: not a date form guatu knows"},
		{"2023年 度", "error: not a date form guatu knows"},
		{"2023年6月 底", "error: not a date form guatu knows"},
		{"2023年6月 份", "error: not a date form guatu knows"},
		{"2023年四季 度", "error: not a date form guatu knows"},
		{"2023年Q 1", "error: not a date form guatu knows"},
		{"2023 -06", "error: not a date form guatu knows"},
	};
	char got[128];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		fmt_span(cases[i].in, got, sizeof got);
		is_str(got, cases[i].want, "date '%s'", cases[i].in);
	}

	/* Day numbers round-trip across leap years and centuries. */
	int bad = 0;
	for (day_t d = date_from_ymd(1899, 1, 1); d <= date_from_ymd(2101, 12, 31); d++) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		bad += date_from_ymd(y, m, dd) != d;
	}
	is_int(bad, 0, "day numbers round-trip 1899..2101");
	is_int(date_from_ymd(1970, 1, 1), 0, "1970-01-01 is day 0");
	is_int(date_from_ymd(2000, 3, 1) - date_from_ymd(2000, 2, 28), 2, "2000 is a leap year");
	is_int(date_from_ymd(1900, 3, 1) - date_from_ymd(1900, 2, 28), 1, "1900 is not");
	return done_testing();
}
