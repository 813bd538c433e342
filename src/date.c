#include "config.h"
#include "date.h"
#include "i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Howard Hinnant's days_from_civil / civil_from_days. */
day_t date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(day_t z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

void date_format(day_t day, char buf[static 11])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	char tmp[32]; /* room for any int, to keep the compiler's bound check quiet */
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(buf, tmp, 10);
	buf[10] = '\0';
}

/* The local year of t, or 0 when the C library cannot say (far past what
 * its int year holds). */
static long long local_year(time_t t, struct tm *tm)
{
	if (!localtime_r(&t, tm))
		return 0;
	return (long long)tm->tm_year + 1900; /* tm_year near INT_MAX: no int overflow */
}

day_t date_of(time_t t)
{
	struct tm tm;
	long long y = local_year(t, &tm);
	/* date_now lets no such time through; a clock gone wild must still not
	 * overflow the day arithmetic (a huge year once showed "-3667531-0"). */
	if (y < DATE_YEAR_MIN)
		return date_from_ymd(DATE_YEAR_MIN, 1, 1);
	if (y > DATE_YEAR_MAX)
		return date_from_ymd(DATE_YEAR_MAX, 12, 31);
	return date_from_ymd((int)y, tm.tm_mon + 1, tm.tm_mday);
}

/* Reads seconds since 1970 written as date +%s writes them: digits only,
 * no sign, no spaces, no fraction. 0, or -1 with why. */
static int read_seconds(const char *e, time_t *out, const char **why)
{
	errno = 0;
	char *end;
	long long v = strtoll(e, &end, 10);
	if (*e < '0' || *e > '9' || *end) {
		*why = *e == '-' ? N_("a time before 1970") : N_("not a number of seconds");
		return -1;
	}
	struct tm tm;
	long long y;
	if (errno == ERANGE || (time_t)v != v || (y = local_year((time_t)v, &tm)) == 0 ||
	    y > DATE_YEAR_MAX) {
		*why = N_("after the year 9999");
		return -1;
	}
	*out = (time_t)v;
	return 0;
}

const char *date_now_problem(void)
{
	const char *e = getenv("GUATU_NOW"), *why = NULL;
	time_t t;
	if (e && *e && read_seconds(e, &t, &why) < 0)
		return why;
	return NULL;
}

time_t date_now(void)
{
	time_t t;
	const char *why;
	/* Tests move time on under a running guatu by rewriting this file. */
	const char *clock = getenv("GUATU_TEST_CLOCK");
	FILE *f = clock && *clock ? fopen(clock, "r") : NULL;
	if (f) {
		char buf[32];
		int got = fgets(buf, sizeof buf, f) != NULL;
		fclose(f);
		buf[got ? strcspn(buf, "\n") : 0] = '\0';
		if (got && read_seconds(buf, &t, &why) == 0)
			return t;
	}
	const char *e = getenv("GUATU_NOW");
	if (e && *e && read_seconds(e, &t, &why) == 0)
		return t;
	return time(NULL);
}

static int month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 ? 28 + leap : days[m - 1];
}

/* What a Chinese date names, kept only to say what to write when the year is
 * missing (9月30日, 四季度). */
enum named { NAMED_OTHER, NAMED_DAY, NAMED_MONTH, NAMED_QUARTER, NAMED_HALF,
	     NAMED_YEAR_END, NAMED_MID_YEAR };

/* A cursor over the date text, already folded to half-width, and what the
 * text read so far names. */
struct cur {
	const char *p, *end;
	enum named named;
};

static int eat(struct cur *c, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n) != 0)
		return 0;
	c->p += n;
	return 1;
}

static int eat_any(struct cur *c, const char *const *lits)
{
	for (; *lits; lits++)
		if (eat(c, *lits))
			return 1;
	return 0;
}

/* Skips spaces. Chinese dates are often typed with a space between the
 * Chinese and the digits ("2023 年 6 月 30 日"), so spaces may stand between
 * the parts of one; never inside a number or a word (年底, 月份, 季度). */
static void gap(struct cur *c)
{
	while (c->p < c->end && *c->p == ' ')
		c->p++;
}

/* Reads 1..max ASCII digits. */
static int digits(struct cur *c, int max, int *v)
{
	int n = 0;
	*v = 0;
	while (c->p < c->end && n < max && *c->p >= '0' && *c->p <= '9') {
		*v = *v * 10 + (*c->p++ - '0');
		n++;
	}
	return n;
}

static const char *const cn[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* Reads one Chinese digit of a year written digit by digit (二〇二三), or
 * returns -1. 零 is read as 〇, and so is ○ (U+25CB), which is what input
 * methods often give for 〇. */
static int cn_digit(struct cur *c)
{
	for (int i = 0; i < 10; i++)
		if (eat(c, cn[i]))
			return i;
	return eat(c, "零") || eat(c, "○") ? 0 : -1;
}

/* Reads up to four digits of a year, ASCII (2023) or Chinese (二〇二三), and
 * says how many were Chinese. Returns how many were read, or -1 for four
 * digits of both kinds (二〇23): a slip in typing a year, not a year to
 * guess at. Fewer mixed digits are no year at all (23一季度). */
static int year_digits(struct cur *c, int *y, int *n_cn)
{
	int n = 0, ascii = 0;
	*y = 0;
	for (; n < 4; n++) {
		int d;
		if (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
			d = *c->p++ - '0';
			ascii++;
		} else if ((d = cn_digit(c)) < 0) {
			break;
		}
		*y = *y * 10 + d;
	}
	*n_cn = n - ascii;
	return n == 4 && ascii && *n_cn ? -1 : n;
}

/* Reads a number from 1 to 99 in ASCII digits or Chinese numerals (一 … 三十一). */
static int number(struct cur *c, int *v)
{
	if (digits(c, 2, v))
		return 1;
	int tens = -1, ones = 0, any = 0;
	for (;;) {
		int d = -1;
		for (int i = 1; i < 10 && d < 0; i++)
			if (eat(c, cn[i]))
				d = i;
		if (d < 0 && eat(c, "两"))
			d = 2;
		if (d >= 0) {
			if (any && tens < 0 && ones) /* 二三: not a number */
				return 0;
			ones = d;
			any = 1;
			continue;
		}
		if (tens < 0 && eat(c, "十")) {
			tens = any ? ones : 1;
			ones = 0;
			any = 1;
			continue;
		}
		break;
	}
	if (!any)
		return 0;
	*v = (tens < 0 ? 0 : tens * 10) + ones;
	return *v > 0;
}

static const char *const before[] = {"之前", "以前", "以内", "前", NULL};
static const char *const month_end[] = {"底", "末", NULL};

static int ymd_span(int y, int m, int d1, int d2, struct span *out, const char **why)
{
	if (m < 1 || m > 12) {
		*why = _("there is no such month");
		return -1;
	}
	int last = month_days(y, m);
	if (d2 == 0)
		d2 = last;
	if (d1 < 1 || d2 > last) {
		*why = _("there is no such day in that month");
		return -1;
	}
	out->first = date_from_ymd(y, m, d1);
	out->last = date_from_ymd(y, m, d2);
	return 0;
}

/* From m1/d1 to m2/d2 of year y; both days exist in every year. */
static struct span days(int y, int m1, int d1, int m2, int d2)
{
	return (struct span){date_from_ymd(y, m1, d1), date_from_ymd(y, m2, d2)};
}

static int quarter_span(int y, int q, struct span *out, const char **why)
{
	if (q < 1 || q > 4) {
		*why = _("there is no such quarter");
		return -1;
	}
	out->first = date_from_ymd(y, 3 * q - 2, 1);
	out->last = date_from_ymd(y, 3 * q, month_days(y, 3 * q));
	return 0;
}

/* 2022-09-30, 2022/9/30, 2022.9.30, 2022-09, 2022-Q4, 2022Q4 */
static int numeric(struct cur *c, int y, struct span *out, const char **why)
{
	int m, d;
	char sep = c->p < c->end ? *c->p : 0;
	if (sep == '-' || sep == ' ')
		c->p++;
	if (c->p < c->end && (*c->p == 'Q' || *c->p == 'q')) {
		c->p++;
		if (!digits(c, 1, &m) || c->p != c->end)
			return 1;
		return quarter_span(y, m, out, why);
	}
	if (sep != '-' && sep != '/' && sep != '.')
		return 1;
	if (sep == '/' || sep == '.')
		c->p++;
	if (!digits(c, 2, &m))
		return 1;
	if (c->p == c->end)
		return ymd_span(y, m, 1, 0, out, why);
	if (*c->p++ != sep || !digits(c, 2, &d) || c->p != c->end)
		return 1;
	return ymd_span(y, m, d, d, out, why);
}

/* What follows "2023年10月": a part of the month or a day. Anything after that
 * is left to tail(), so a suffix is read in one place only. */
static int month_part(struct cur *c, int y, int m, struct span *out, const char **why)
{
	int d;
	/* 月份, 月底, 月末 are words, so no space before 份 or 底. 6月份 names the
	 * whole month: 旬 or 底 after it is not a form people use. */
	c->named = NAMED_MONTH;
	if (eat(c, "份") || eat_any(c, month_end))
		return ymd_span(y, m, 1, 0, out, why);
	struct cur save = *c;
	gap(c);
	if (eat(c, "上旬"))
		return ymd_span(y, m, 1, 10, out, why);
	if (eat(c, "中旬"))
		return ymd_span(y, m, 11, 20, out, why);
	if (eat(c, "下旬"))
		return ymd_span(y, m, 21, 0, out, why);
	if (number(c, &d)) {
		gap(c);
		c->named = NAMED_DAY;
		return eat(c, "日") || eat(c, "号") ? ymd_span(y, m, d, d, out, why) : 1;
	}
	*c = save;
	return ymd_span(y, m, 1, 0, out, why);
}

/* A quarter (四季度, 第四季度, Q4) or a month and what follows it. */
static int numbered(struct cur *c, int y, struct span *out, const char **why)
{
	int n;
	c->named = NAMED_QUARTER;
	if (eat(c, "Q") || eat(c, "q")) /* the numeric 2023-Q4, written after 年 */
		return digits(c, 1, &n) ? quarter_span(y, n, out, why) : 1;
	int nth = eat(c, "第"); /* 第 counts quarters only: 第10月 is not a month */
	gap(c);
	if (!number(c, &n))
		return 1;
	gap(c);
	if (eat(c, "季度")) {
		eat_any(c, month_end);
		return quarter_span(y, n, out, why);
	}
	if (nth || !eat(c, "月"))
		return 1;
	return month_part(c, y, n, out, why);
}

/* Ends every Chinese form: "by" words (前, 之前, 以前, 以内) that leave the date
 * as it is, since a due date already means "by then". */
static int tail(struct cur *c)
{
	gap(c);
	eat_any(c, before);
	return c->p == c->end ? 0 : 1;
}

/* What may follow 年 and a space: 年底, 年中, 上半年, a quarter, a month ... */
static int year_part(struct cur *c, int y, struct span *out, const char **why)
{
	gap(c);
	if (eat(c, "年底") || eat(c, "年末")) {
		c->named = NAMED_YEAR_END;
		*out = days(y, 1, 1, 12, 31);
	} else if (eat(c, "全年")) {
		*out = days(y, 1, 1, 12, 31);
	} else if (eat(c, "年中")) { /* a day, not a period: the end of June */
		c->named = NAMED_MID_YEAR;
		*out = days(y, 6, 30, 6, 30);
	} else if (eat(c, "上半年")) {
		c->named = NAMED_HALF;
		*out = days(y, 1, 1, 6, 30);
	} else if (eat(c, "下半年")) {
		c->named = NAMED_HALF;
		*out = days(y, 7, 1, 12, 31);
	} else {
		return numbered(c, y, out, why);
	}
	return 0;
}

/* The reason to give for a date with no year that would be read with one
 * (9月30日, 10月下旬, 四季度, Q4, 上半年, 年底), or NULL. */
static const char *no_year(const char *s, const char *end)
{
	static const char *const why[] = {
		[NAMED_DAY] = N_("a day with no year: write the year first, as in 2023年9月30日"),
		[NAMED_MONTH] = N_("a month with no year: write the year first, as in 2023年10月"),
		[NAMED_QUARTER] = N_("a quarter with no year: write the year first, as in 2023年四季度"),
		[NAMED_HALF] = N_("a half-year with no year: write the year first, as in 2023年上半年"),
		[NAMED_YEAR_END] = N_("a year's end with no year: write the year first, as in 2023年底"),
		[NAMED_MID_YEAR] = N_("mid-year with no year: write the year first, as in 2023年年中"),
	};
	struct cur c = {s, end, NAMED_OTHER};
	struct span sp;
	const char *w;
	/* Read as if after "2000年": a leap year, so 2月29日 counts as a day. */
	if (year_part(&c, 2000, &sp, &w) != 0 || tail(&c) != 0)
		return NULL;
	return why[c.named] ? _(why[c.named]) : NULL;
}

/* 2022年9月30日前, 2022年10月下旬, 2022年四季度, 2023年上半年, 2023年中, 2023年底 ... */
static int chinese(struct cur *c, int y, struct span *out, const char **why)
{
	int r = 0;
	/* 年底, 年末, 年内, 年度, 年中 are words, so these come before any space */
	if (c->p == c->end || eat_any(c, month_end) || eat(c, "内") || eat(c, "度"))
		*out = days(y, 1, 1, 12, 31);
	else if (eat(c, "中"))
		*out = days(y, 6, 30, 6, 30);
	else
		r = year_part(c, y, out, why);
	return r != 0 ? r : tail(c);
}

/* Folds full-width ASCII (０-９, －, ／, Ｑ) to half-width and trims spaces. */
static size_t fold(const char *s, size_t len, char *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < len && n + 4 < cap;) {
		unsigned char a = (unsigned char)s[i];
		if (a == 0xef && i + 2 < len && (unsigned char)s[i + 1] >= 0xbc &&
		    (unsigned char)s[i + 1] <= 0xbd) {
			/* U+FF01..U+FF5E: EF BC 81..EF BD 9E */
			unsigned cp = 0xff00 + (((unsigned char)s[i + 1] & 0x03) << 6) +
				      ((unsigned char)s[i + 2] & 0x3f);
			if (cp >= 0xff01 && cp <= 0xff5e) {
				out[n++] = (char)(cp - 0xfee0);
				i += 3;
				continue;
			}
		}
		if (a == 0xe3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x80) { /* U+3000 ideographic space */
			out[n++] = ' ';
			i += 3;
			continue;
		}
		out[n++] = s[i++];
	}
	size_t a = 0;
	while (a < n && out[a] == ' ')
		a++;
	while (n > a && out[n - 1] == ' ')
		n--;
	memmove(out, out + a, n - a);
	return n - a;
}

/* Words for days of the lunar calendar. They fall on a different day each
 * year, which guatu does not compute: the reason gives the day in one year
 * (2023) so the writer sees what to put instead. */
#define LUNAR(word, day) {word, day}
#define CALENDAR(word) {word, NULL}
static const struct {
	const char *word, *day; /* day: NULL for the calendar's own name */
} lunar[] = {
	LUNAR("除夕", "2023年1月21日"), LUNAR("春节", "2023年1月22日"), LUNAR("春節", "2023年1月22日"),
	LUNAR("元宵", "2023年2月5日"),  LUNAR("端午", "2023年6月22日"), LUNAR("七夕", "2023年8月22日"),
	LUNAR("中秋", "2023年9月29日"), LUNAR("重阳", "2023年10月23日"), LUNAR("重陽", "2023年10月23日"),
	CALENDAR("农历"), CALENDAR("農曆"), CALENDAR("阴历"), CALENDAR("陰曆"),
};

/* The reason for the first lunar word in a date that was not read (2023年春节前,
 * 中秋节前), or NULL. Looked for only once reading failed: no accepted form
 * holds one, and the load path stays as fast as before. */
static const char *lunar_word(const char *p, const char *end)
{
	static _Thread_local char why[256]; /* loads run in threads of their own */
	for (struct cur c = {p, end, NAMED_OTHER}; c.p < c.end; c.p++)
		for (size_t i = 0; i < sizeof lunar / sizeof *lunar; i++)
			if (eat(&c, lunar[i].word)) {
				if (lunar[i].day)
					snprintf(why, sizeof why,
						 _("the date of %s moves with the lunar calendar: write the day itself, as in %s"),
						 lunar[i].word, lunar[i].day);
				else
					snprintf(why, sizeof why,
						 _("%s dates are lunar: write the Gregorian day itself, as in %s"),
						 lunar[i].word, "2023年9月29日");
				return why;
			}
	return NULL;
}

/* Reads a folded date: a year, then the Chinese or the numeric forms. */
static int folded(struct cur *c, struct span *out, const char **why)
{
	const char *start = c->p;
	int y, cn_year, r = 1;
	int n_digits = year_digits(c, &y, &cn_year);
	if (n_digits < 0) {
		*why = _("the year mixes Arabic and Chinese digits: write all four alike, "
		       "as in 2023年 or 二〇二三年");
		return -1;
	}
	if (n_digits != 4 || y < 1000) {
		*why = no_year(start, c->end);
		if (!*why)
			*why = _("not a date (it should start with a four-digit year)");
		return -1;
	}
	struct cur num = *c;
	gap(c);
	if (eat(c, "年"))
		r = chinese(c, y, out, why);
	else if (!cn_year) /* 二〇二三-06 is no form anyone writes */
		r = numeric(&num, y, out, why);
	if (r > 0)
		*why = _("not a date form guatu knows");
	return r == 0 ? 0 : -1;
}

int date_parse(const char *s, size_t len, struct span *out, const char **why)
{
	char buf[128];
	*why = _("not a date");
	if (len >= sizeof buf / 2) /* no real date is this long */
		return -1;
	size_t n = fold(s, len, buf, sizeof buf);
	struct cur c = {buf, buf + n, NAMED_OTHER};
	if (folded(&c, out, why) == 0) {
		/* In the forms that read, these words only ever name an end. */
		out->by = strstr(buf, "底") || strstr(buf, "末") || strstr(buf, "前") || strstr(buf, "以内");
		return 0;
	}
	const char *lunar_why = lunar_word(buf, buf + n);
	if (lunar_why)
		*why = lunar_why;
	return -1;
}
