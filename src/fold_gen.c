/* fold_gen: writes OpenCC's Simplified/Traditional character table as C, at
 * build time (make runs it; it is never installed). guatu itself then needs
 * neither libopencc (nor the libstdc++ and libmarisa it pulls in, ~2.3 MiB
 * of every process) nor OpenCC's data files, and search no longer spends
 * 30-45 ms building the table on first use.
 *
 *     fold_gen [CONFIG] > fold_table.c
 *
 * CONFIG is FOLD_OPENCC_CONFIG (fold.h) unless given (the tests give one
 * that does not exist). Exits 1, saying why, when OpenCC cannot be used:
 * then the build stops rather than make a guatu whose search cannot fold
 * 廣 to 广. The output is the same bytes for the same OpenCC. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <opencc/opencc.h>
#include <unistr.h>

#include "fold.h"
#include "fold_table.h"

static int is_ideograph(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	       (c >= 0x20000 && c <= 0x2f7ff) || (c >= 0x30000 && c <= 0x3ffff);
}

static int fail(const char *config, const char *what)
{
	const char *e = opencc_error();
	fprintf(stderr, "fold_gen: OpenCC could not %s %s: %s\n", what, config, e && *e ? e : "unknown error");
	fputs("fold_gen: guatu's search needs OpenCC's tables at build time "
	      "(Debian: apt-get install libopencc-dev libopencc-data)\n", stderr);
	return 1;
}

int main(int argc, char **argv)
{
	const char *config = argc > 1 ? argv[1] : FOLD_OPENCC_CONFIG;
	opencc_t od = opencc_open(config);
	if (od == (opencc_t)-1)
		return fail(config, "load");
	/* One call over every ideograph of the table's range, one per line: a
	 * line holding one other ideograph is a mapping; anything else
	 * (several characters, none) is left out, since a table maps one to one. */
	size_t n = (size_t)(FOLD_CJK_HI - FOLD_CJK_LO + 1) * 4;
	char *in = malloc(n), *p = in;
	static uint32_t to[FOLD_CJK_HI - FOLD_CJK_LO + 1];
	if (!in) {
		fputs("fold_gen: out of memory\n", stderr);
		return 1;
	}
	for (uint32_t c = FOLD_CJK_LO; c <= FOLD_CJK_HI; c++)
		if (is_ideograph(c)) {
			p += u8_uctomb((uint8_t *)p, c, 4);
			*p++ = '\n';
		}
	char *out = opencc_convert_utf8(od, in, (size_t)(p - in));
	if (!out)
		return fail(config, "convert with");
	const char *q = out;
	uint32_t c;
	size_t pairs = 0;
	for (c = FOLD_CJK_LO; c <= FOLD_CJK_HI; c++) {
		if (!is_ideograph(c))
			continue;
		const char *eol = strchr(q, '\n');
		if (!eol)
			break;
		ucs4_t t;
		size_t len = (size_t)(eol - q);
		if (len && u8_check((const uint8_t *)q, len) == NULL &&
		    u8_mbtouc(&t, (const uint8_t *)q, len) == (int)len && t != c && is_ideograph(t)) {
			to[c - FOLD_CJK_LO] = t;
			pairs++;
		}
		q = eol + 1;
	}
	if (c <= FOLD_CJK_HI || *q || !pairs) { /* lines lost or added: the table would be skewed */
		fprintf(stderr, "fold_gen: OpenCC's %s gave unexpected output\n", config);
		return 1;
	}
	opencc_convert_utf8_free(out);
	opencc_close(od);
	free(in);

	printf("/* Made by fold_gen from OpenCC's %s: what each ideograph of\n"
	       " * U+%04X..U+%04X becomes, where it changes (%zu of them). Not in git. */\n"
	       "#include \"config.h\"\n#include \"fold_table.h\"\n\n"
	       "const uint32_t fold_table[][2] = {\n",
	       config, FOLD_CJK_LO, FOLD_CJK_HI, pairs);
	for (c = FOLD_CJK_LO; c <= FOLD_CJK_HI; c++)
		if (to[c - FOLD_CJK_LO])
			printf("\t{0x%04x, 0x%04x},\n", (unsigned)c, (unsigned)to[c - FOLD_CJK_LO]);
	printf("};\nconst size_t fold_table_n = %zu;\n", pairs);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("fold_gen: writing the table");
		return 1;
	}
	return 0;
}
