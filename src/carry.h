/* carry: keeping a broken file's last good items.
 *
 * When a file that loaded before now fails (saved half-way, a syntax
 * error), the new chart takes that file's items from the chart loaded
 * before, marked stale, so the user never loses what was on screen. */
#ifndef GUATU_CARRY_H
#define GUATU_CARRY_H

#include "model.h"

/* The file of `old` with the same path that had something to show, or -1. */
long carry_source(const struct chart *old, const char *path);
/* Appends the items file `of` of `old` had to `c` as file `f`: their
 * indices moved to where they land, their texts interned anew, each marked
 * ITEM_STALE. -1 when out of memory. */
int carry_file(struct chart *c, uint32_t f, const struct chart *old, uint32_t of);

#endif
