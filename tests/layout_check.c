/* layout_check WIDTH < text: checks printed screens the way a terminal
 * would show them. Every line must be valid UTF-8 with no control or
 * invisible character (C0 but newline, DEL, C1, bidi and zero-width format
 * characters: what could move the cursor, recolour or reorder a terminal or a
 * log), at most WIDTH columns (by wcwidth), and in each frame (consecutive
 * lines that start with a frame character) every line must put its vertical
 * rules where the line above has them; only after a horizontal rule
 * (├──┴──┤) may the rules below be fewer, a box under panes.
 * layout_check --text < text checks the characters only.
 * Prints each problem and exits 1 if there was any. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static int is_rule(wchar_t c)
{
	return wcschr(L"│┼┬┴├┤┌┐└┘|+", c) != NULL;
}

static int frame_start(wchar_t c)
{
	return wcschr(L"│├┌└|+", c) != NULL;
}

/* Is every column listed in `sub` ("3,7,") also in `set`? */
static int subset(const char *sub, const char *set)
{
	char want[16];
	for (const char *p = sub; *p;) {
		size_t n = strcspn(p, ",");
		snprintf(want, sizeof want, ",%.*s,", (int)n, p);
		char hay[1100];
		snprintf(hay, sizeof hay, ",%s", set);
		if (!strstr(hay, want))
			return 0;
		p += n + (p[n] == ',');
	}
	return 1;
}

/* Is c a character no text should ever show? */
static int invisible(wchar_t c)
{
	if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
		return 1;
	static const wchar_t format[][2] = {
		{0xad, 0xad}, {0x61c, 0x61c}, {0x180e, 0x180e}, {0x200b, 0x200f}, {0x202a, 0x202e},
		{0x2060, 0x2064}, {0x2066, 0x206f}, {0xfeff, 0xfeff}, {0xfff9, 0xfffb},
	};
	for (size_t i = 0; i < sizeof format / sizeof *format; i++)
		if (c >= format[i][0] && c <= format[i][1])
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	int text_only = argc > 1 && !strcmp(argv[1], "--text");
	int width = argc > 1 && !text_only ? (int)strtol(argv[1], NULL, 10) : 80, bad = 0, lineno = 0;
	char line[8192];
	wchar_t wl[8192];
	char prev[1024] = ""; /* the rule columns of the line above */
	int in_table = 0, prev_rule = 0;
	while (fgets(line, sizeof line, stdin)) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (mbstowcs(wl, line, 8192) == (size_t)-1) {
			printf("line %d: not valid UTF-8\n", lineno);
			bad++;
			continue;
		}
		int w = 0;
		char cols[1024] = "";
		for (size_t i = 0; wl[i]; i++) {
			int cw = wcwidth(wl[i]);
			if (invisible(wl[i]) || cw < 0) {
				printf("line %d: unprintable U+%04X\n", lineno, (unsigned)wl[i]);
				bad++;
				cw = 1;
			}
			if (is_rule(wl[i]) && strlen(cols) < sizeof cols - 8)
				sprintf(cols + strlen(cols), "%d,", w);
			w += cw;
		}
		if (text_only)
			continue;
		if (w > width) {
			printf("line %d: %d columns, more than %d: %s\n", lineno, w, width, line);
			bad++;
		}
		if (wl[0] && frame_start(wl[0])) {
			if (in_table && strcmp(prev, cols) != 0 && !(prev_rule && subset(cols, prev))) {
				printf("line %d: rules at %s, the line above at %s\n", lineno, cols, prev);
				bad++;
			}
			strcpy(prev, cols);
			prev_rule = wl[0] != L'│' && wl[0] != L'|';
			in_table = 1;
		} else {
			in_table = 0;
		}
	}
	return bad ? 1 : 0;
}
