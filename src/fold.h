/* fold: folding text for matching.
 *
 * Two texts that a reader would call "the same words" fold to the same bytes,
 * so a search compares folded query against folded text with strstr():
 *   - case and compatibility forms (NFKC + case folding, as text_fold()):
 *     ＡＳＣＩＩ and ascii, ① and 1, ㈱ and (株), ⽣ (a Kangxi radical from a PDF)
 *     and 生;
 *   - Simplified and Traditional Chinese, character by character, through a
 *     table taken from OpenCC at build time (fold_table.h; 廣安經開區 and
 *     广安经开区);
 *   - a few variant forms OpenCC leaves alone (髙 and 高; see docs/format.md).
 * Folded text is for comparing, never for showing: 乾隆 folds to 干隆.
 *
 * The character table is completed on first use (about 1 ms: the variants,
 * its chains closed, the fast forms) and kept, in static storage, until the
 * process exits. Every
 * function here may be called from any thread, first use included (threads
 * appending at once need a fold_buf each). Input must be valid UTF-8
 * (text_sanitize() output); folded text is valid UTF-8. */
#ifndef GUATU_FOLD_H
#define GUATU_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* The OpenCC configuration the character table comes from (at build time,
 * src/fold_gen.c); fold.c says why this one. */
#define FOLD_OPENCC_CONFIG "hk2s.json"

/* Completes the character table now rather than on first use, and says
 * whether Simplified and Traditional Chinese fold together. Since OpenCC's
 * table is made at build time (a build without OpenCC's configuration
 * stops, see src/fold_gen.c), they always do: it returns 0, with *err (when
 * err is not NULL) set to NULL. Kept as a question so callers need not
 * know where the table comes from. */
int fold_init(const char **err);

/* A growable buffer of folded texts, each followed by a NUL. */
struct fold_buf {
	char *buf;
	size_t len, cap; /* len: bytes used, the NUL after each text included */
};
#define FOLD_BUF_INIT {NULL, 0, 0}

/* Appends `len` bytes of `s` folded, and a NUL, to `b`. Returns the offset in
 * b->buf where the folded text starts (its length is b->len - offset - 1), or
 * SIZE_MAX when out of memory (b is then as it was). */
size_t fold_append(struct fold_buf *b, const char *s, size_t len);

/* Frees the buffer and makes it empty again. */
void fold_buf_free(struct fold_buf *b);

/* `len` bytes of `s` folded, as a malloc'd NUL-terminated string (its length
 * in *outlen when outlen is not NULL), or NULL when out of memory. */
char *fold_str(const char *s, size_t len, size_t *outlen);

/* For tests and measurements. fold_append() folds most text (ASCII, CJK,
 * their punctuation) through tables; fold_fast(c) says whether the code point
 * c is one of those. The others send the whole text through libunistring's
 * u8_casefold() and then the character table, which is all that
 * fold_append_reference() ever does: the two give the same bytes for every
 * input. */
int fold_fast(uint32_t c);
size_t fold_append_reference(struct fold_buf *b, const char *s, size_t len);

#endif
