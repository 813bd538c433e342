/* graft: zones continued from another file, placed under their parent.
 *
 * A zone at the top of a file may say `parent: guangan` (or a path of zone
 * ids, `sichuan/guangan`): it then belongs under that zone, wherever that
 * zone was written, so each county office keeps its own file and the city
 * sees one tree. Run once after every file of a chart is read (and before
 * ids, since a placed zone's siblings are those of its parent). */
#ifndef GUATU_GRAFT_H
#define GUATU_GRAFT_H

#include "model.h"

/* Places every graft of c: the zones go to pre-order of the whole tree
 * (c->zone_load and c->zone_tree say where each came from when any moved).
 * An unknown parent or a cycle is an error on the zone, which then stays at
 * the top. Returns -1 when out of memory (the chart is left as read). */
int graft_place(struct chart *c);

#endif
