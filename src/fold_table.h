/* fold_table: OpenCC's Simplified/Traditional character table, as C.
 *
 * Made at build time by fold_gen (src/fold_gen.c) into the build directory
 * (fold_table.c is generated, never in git), so guatu does not link OpenCC.
 * fold.c adds its variants to it and closes its chains. */
#ifndef GUATU_FOLD_TABLE_H
#define GUATU_FOLD_TABLE_H

#include <stddef.h>
#include <stdint.h>

/* The ideographs the table covers: Extension A (U+3400..U+4DBF) and the
 * Unified Ideographs (U+4E00..U+9FFF). U+4DC0..U+4DFF (hexagram symbols) lie
 * between; they are never converted. OpenCC also maps ~350 rare ideographs
 * of Extension B and later, left out: asking it about those 64,000 code
 * points would make the table take nearly twice as long to make. */
#define FOLD_CJK_LO 0x3400
#define FOLD_CJK_HI 0x9fff

/* {from, to} for each ideograph OpenCC changes (to another single
 * ideograph, possibly beyond the range), in code point order. */
extern const uint32_t fold_table[][2];
extern const size_t fold_table_n;

#endif
