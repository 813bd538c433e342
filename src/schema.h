/* schema: what the keys of a chart file mean (docs/format.md, as tables).
 *
 * Each item type is a table of fields; one generic reader walks an item's
 * mapping, looks each key up in its table and stores the typed value where
 * the field says. Adding a key is adding a line to a table. */
#ifndef GUATU_SCHEMA_H
#define GUATU_SCHEMA_H

#include "model.h"
#include "reader.h"

/* Reads one chart document from `r` (just opened) into `c`, appending its
 * items to c's arrays and its title to file r->file. Returns 0 when the
 * file was read to its end (there may have been errors), -1 when reading
 * stopped (a fatal error, reported; or out of memory: r->oom). */
int schema_read(struct reader *r, struct chart *c);

#endif
