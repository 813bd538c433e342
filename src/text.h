/* text: everything that looks at the characters of a text.
 *
 * Text from chart files is untrusted. It is made safe once, at load, by
 * text_sanitize(); everything downstream may then assume valid UTF-8 with no
 * control, format or unprintable character in it. */
#ifndef GUATU_TEXT_H
#define GUATU_TEXT_H

#include <stddef.h>

enum text_mode {
	TEXT_LINE, /* names, owners, dates: line breaks become spaces, ends trimmed */
	TEXT_PARA, /* notes: line breaks are kept as '\n' */
};

/* What text_sanitize() had to change, as bit flags. */
enum {
	TEXT_REPLACED = 1, /* control, invalid or unprintable characters -> U+FFFD */
	TEXT_DROPPED = 2,  /* zero-width, bidi and other format characters removed */
};

/* Bytes text_sanitize() may write for `len` bytes of input (plus a NUL). */
#define TEXT_SANITIZE_MAX(len) ((len) * 3 + 4)

/* Copies `len` bytes of `in` (which may hold NUL) to `out` made safe to show:
 * NUL, C0, DEL, C1 and characters of width -1 become U+FFFD; TAB becomes a
 * space; CR is dropped; LF, NEL, U+2028 and U+2029 become '\n' in TEXT_PARA and
 * a space in TEXT_LINE; format characters (ZW*, bidi controls, soft hyphen,
 * BOM) are dropped; a combining mark with nothing to sit on gets U+25CC.
 * `out` must hold TEXT_SANITIZE_MAX(len) bytes; it is NUL-terminated. Returns
 * the output length; *changed gets TEXT_REPLACED / TEXT_DROPPED bits.
 * Needs a UTF-8 LC_CTYPE (see text_locale_init). */
size_t text_sanitize(const char *in, size_t len, char *out, enum text_mode mode,
		     unsigned *changed);

/* Display width of valid UTF-8 in terminal columns: wcwidth(), the function
 * ncursesw and tmux use, so layout agrees with what the terminal shows. */
int text_width(const char *s, size_t len);

/* text_width(), and in *cells whether every character of `s` is a terminal
 * cell of its own (none is zero-width or a control): a row of cells then
 * holds exactly the bytes of `s`, and they can be copied as they are. */
int text_width_cells(const char *s, size_t len, int *cells);

/* The end of the grapheme cluster that starts at `s` (before `end`), and its
 * width in *width. A cluster is never split: a base keeps its marks. */
const char *text_next(const char *s, const char *end, int *width);

/* The end of the terminal cell that starts at `s`: one spacing character and
 * the zero-width ones after it, as ncursesw places them (an emoji with a skin
 * tone modifier is two cells, as the terminal draws it). Its width (1 or 2)
 * goes in *width. */
const char *text_cell_next(const char *s, const char *end, int *width);

enum align { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER };

/* Bytes text_fit() may write: the text, the padding and an ellipsis. */
#define TEXT_FIT_MAX(len, width) ((len) + (size_t)(width) + 8)

/* Writes `s` to `out` as exactly `width` columns: padded as `align` says
 * when it fits, else cut between clusters and ended with `ellipsis` (one
 * column: "…", or "~" for --ascii), a wide character that does not fit
 * leaving a blank. Returns the bytes written (NUL-terminated). */
size_t text_fit(const char *s, size_t len, int width, enum align align,
		const char *ellipsis, char *out);

/* One line of wrapped text: bytes [start, start + len) of the paragraph. */
struct text_line {
	size_t start, len;
};

/* Wraps a paragraph to `width` columns at UAX #14 break opportunities (so
 * Chinese breaks between characters but never before ，。、), measuring with
 * wcwidth and splitting between clusters where a piece is still too wide.
 * '\n' always breaks. Fills at most `max` lines; returns how many. */
size_t text_wrap(const char *s, size_t len, int width, struct text_line *lines, size_t max);

/* Writes to `out` (at least 4 * max + 8 bytes) at most `max` characters of
 * the valid UTF-8 `s`, cut between grapheme clusters, with "…" when cut. */
void text_excerpt(const char *s, size_t len, size_t max, char *out);

/* Makes LC_CTYPE a UTF-8 locale: the user's if it is one, else C.UTF-8 or
 * en_US.UTF-8, since layout and sanitising need wcwidth() to know CJK.
 * Returns 0 when the user's locale was used, 1 when it was replaced (so the
 * caller can say so), -1 when no UTF-8 locale exists, -2 when out of
 * memory. */
int text_locale_init(void);

#endif
