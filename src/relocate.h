/* relocate: finding the user's place in a reloaded chart.
 *
 * After a reload the cursor should stay on what the user was looking at:
 * the same zone, project or milestone, found by id, else by name, under the
 * same parent. Derived ids make this work for items written without one. */
#ifndef GUATU_RELOCATE_H
#define GUATU_RELOCATE_H

#include "model.h"

/* The zone of `nc` that is zone `oz` of `oc`, or NONE when it is gone. */
uint32_t relocate_zone(const struct chart *nc, const struct chart *oc, uint32_t oz);
/* The item of kind k in [first, first + n) of `nc` that is item `oi` of
 * `oc`, or NONE. */
uint32_t relocate_item(const struct chart *nc, enum kind k, uint32_t first, uint32_t n,
		       const struct chart *oc, uint32_t oi);

#endif
