/* ids: every item an id unique among its siblings.
 *
 * Written ids are checked (a repeat is an error naming the first); items with
 * no usable id get one derived from the name, with ~2, ~3 … when taken. Run
 * once after all files of a chart are loaded, since top-level zones from
 * different files are siblings. */
#ifndef GUATU_IDS_H
#define GUATU_IDS_H

#include "model.h"

/* Checks and derives ids over the whole chart, adding diagnostics to it.
 * Returns -1 when out of memory. */
int ids_assign(struct chart *c);

#endif
