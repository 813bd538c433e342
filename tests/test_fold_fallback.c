/* Folding on a system where OpenCC's configuration cannot be opened: still
 * case, width and the variants; fold_init() says what is missing. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <opencc/opencc.h>

#include "fold.h"
#include "tap.h"

/* These stand in for libopencc's own: the linker takes a program's
 * definitions before a shared library's, so fold.c meets an OpenCC that
 * fails the way it does when /usr/share/opencc is missing. */
opencc_t opencc_open(const char *config)
{
	(void)config;
	return (opencc_t)-1;
}

const char *opencc_error(void)
{
	return "(test) no such configuration";
}

static char *fold(const char *s)
{
	return fold_str(s, strlen(s), NULL);
}

static void check(const char *in, const char *want)
{
	char *got = fold(in);
	is_str(got, want, "without OpenCC: %s folds to %s", in, want);
	free(got);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const char *err = NULL;
	is_int(fold_init(&err), -1, "fold_init says the table is missing");
	is_str(err, "OpenCC could not load " FOLD_OPENCC_CONFIG ": (test) no such configuration",
	       "and why");
	err = NULL;
	is_int(fold_init(&err), -1, "a second call says the same");
	ok(err != NULL, "with the message again");

	check("廣安經開區", "廣安經開區"); /* Traditional stays */
	check("广安经开区", "广安经开区");
	check("ＡＳＣＩＩ①", "ascii1");
	check("髙新区", "高新区");          /* the variants still apply */
	check("塲", "場");                  /* to the Traditional form */
	check("Ⅱ期（一）", "ii期(一)");

	static const char *const mixed[] = {"", "廣安ＡＢＣ", "e\u0301", "髙\u0301", "㈱Straße", "\uf907"};
	struct fold_buf f = FOLD_BUF_INIT, r = FOLD_BUF_INIT;
	int bad = 0;
	for (size_t i = 0; i < sizeof mixed / sizeof *mixed; i++) {
		f.len = r.len = 0;
		fold_append(&f, mixed[i], strlen(mixed[i]));
		fold_append_reference(&r, mixed[i], strlen(mixed[i]));
		bad += f.len != r.len || memcmp(f.buf, r.buf, f.len) != 0;
	}
	is_int(bad, 0, "fast path = reference without the OpenCC table too");
	fold_buf_free(&f);
	fold_buf_free(&r);
	return done_testing();
}
