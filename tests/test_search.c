/* Search: the folded index of a chart's texts, and what matches a query. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "tap.h"

static str_t add(struct pool *p, const char *s)
{
	int oom = 0;
	return pool_intern(p, s, strlen(s), &oom);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	struct pool p;
	pool_init(&p);
	str_t wide = add(&p, "Ｆｕｌｌ－ｗｉｄｔｈ ＡＳＣＩＩ 项目");
	str_t plain = add(&p, "ascii art");
	str_t cjk = add(&p, "资阳临空经济区");
	str_t circled = add(&p, "第①期");
	struct search_index x;
	struct matcher m = {0};
	is_int(search_index_build(&x, &p), 0, "the index is built");
	is_int((long long)x.n, (long long)pool_count(&p), "every text folded once");
	is_str(x.folded + x.at[wide], "full-width ascii 项目", "folded: half width, lower case");

	matcher_set(&m, &x, "ASCII");
	ok(matcher_str(&m, wide) && matcher_str(&m, plain), "ASCII finds full-width and plain ascii");
	ok(!matcher_str(&m, cjk), "and not the others");
	matcher_set(&m, &x, "ａｓｃ");
	ok(matcher_str(&m, wide) && matcher_str(&m, plain), "full-width query finds them too");
	matcher_set(&m, &x, "临空");
	ok(matcher_str(&m, cjk) && !matcher_str(&m, wide), "a Chinese word");
	matcher_set(&m, &x, "1期");
	ok(matcher_str(&m, circled), "① is 1");
	matcher_set(&m, &x, "区资");
	ok(!matcher_str(&m, cjk), "a match never spans two texts");
	ok(matcher_misses_chart(&m), "no text holds it: no item can match, views need not look");
	matcher_set(&m, &x, "a");
	is_int((long long)m.hits, 2, "'a' is held by two texts: counted once each");
	ok(!matcher_misses_chart(&m), "so items may match");
	matcher_set(&m, &x, "");
	ok(!matcher_active(&m) && !matcher_str(&m, cjk), "an empty query matches nothing");
	ok(!matcher_str(&m, STR_NONE), "nor does 'no text'");
	matcher_set(&m, &x, "art");
	ok(matcher_text(&m, "Smart", 5), "a text that is not the chart's");
	ok(!matcher_text(&m, "ar t", 4), "is matched the same way");
	ok(matcher_str(&m, plain), "the last text of the index matches too");

	matcher_free(&m);
	search_index_free(&x);

	/* Simplified finds Traditional and the reverse, as written in the charts. */
	str_t trad = add(&p, "廣安經開區");
	str_t simp = add(&p, "华蓥市");
	search_index_build(&x, &p);
	matcher_set(&m, &x, "广安经开区");
	ok(matcher_str(&m, trad), "广安经开区 finds 廣安經開區");
	matcher_set(&m, &x, "華鎣");
	ok(matcher_str(&m, simp), "華鎣 finds 华蓥");
	matcher_set(&m, &x, "经开");
	ok(matcher_str(&m, trad) && !matcher_str(&m, simp), "a part of a name, across scripts");

	/* A query that is a date finds what falls due in it, whatever the form. */
	struct chart c;
	chart_init(&c);
	int oom = 0;
	uint32_t i;
	struct milestone *ms = chart_append(&c, KIND_MILESTONE, &i);
	ms->due_date = chart_date(&c, pool_intern(&c.str, "2023年一季度", strlen("2023年一季度"), &oom),
				  date_from_ymd(2023, 1, 1), date_from_ymd(2023, 3, 31));
	struct milestone *ms2 = chart_append(&c, KIND_MILESTONE, &i);
	ms2->due_date = chart_date(&c, pool_intern(&c.str, "2023-03-10", 10, &oom), date_from_ymd(2023, 3, 10),
				   date_from_ymd(2023, 3, 10));
	search_index_free(&x);
	search_index_build(&x, &c.str);
	matcher_set(&m, &x, "2023-03-31");
	ok(matcher_item(&m, &c, KIND_MILESTONE, 0), "2023-03-31 finds a milestone due 2023年一季度");
	ok(!matcher_item(&m, &c, KIND_MILESTONE, 1), "but not one due 2023-03-10");
	matcher_set(&m, &x, "2023年3月");
	ok(matcher_item(&m, &c, KIND_MILESTONE, 0) && matcher_item(&m, &c, KIND_MILESTONE, 1),
	   "2023年3月 finds everything due in March");
	matcher_set(&m, &x, "2023年4月");
	ok(!matcher_item(&m, &c, KIND_MILESTONE, 0), "2023年4月 finds neither");
	matcher_set(&m, &x, "一季度");
	ok(matcher_item(&m, &c, KIND_MILESTONE, 0), "a text query still finds the date as written");
	chart_free(&c);

	matcher_free(&m);
	search_index_free(&x);
	pool_free(&p);
	return done_testing();
}
