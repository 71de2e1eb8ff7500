/* strlist.h: the entries of a separated list in a config value or an option ("zh, en",
 * "a@x.org; b@y.org", "quote one | quote two"): one way to read them, used everywhere a
 * list is written by hand. */
#ifndef BRIEF_UTIL_STRLIST_H
#define BRIEF_UTIL_STRLIST_H

#include <stddef.h>

#include "util/arena.h"

/* Step through a list. *cursor points into the list's text (start it at the text; a NULL
 * cursor is an empty list). An entry is what lies between separators (any character of
 * seps), with ASCII white space trimmed from both ends; empty entries (",,", a trailing ",",
 * only spaces) are skipped. Returns 1 with *item (pointing into the list, not terminated)
 * and *len set to the next entry and *cursor moved past it and its separator; 0 when no entry
 * is left. Nothing is allocated or written. */
int strlist_next(const char **cursor, const char *seps, const char **item, size_t *len);

/* Every entry of list as strlist_next() gives them, each copied into arena as a string, in an
 * array allocated in arena (*out; NULL when there are none). Returns the count. */
size_t strlist_split(const char *list, const char *seps, struct arena *a, const char ***out);

#endif
