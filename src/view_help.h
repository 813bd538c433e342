/* view_help: the help screen, made from the key table (keys.h), so every
 * key bound is listed and nothing listed is unbound. */
#ifndef GUATU_VIEW_HELP_H
#define GUATU_VIEW_HELP_H

#include "grid.h"

/* Draws the help into g (its width; grows as tall as needed). Returns rows. */
int view_help(struct grid *g, int ascii);

#endif
