/* reports.h: what the weekly and article commands read back from the store: the issue
 * number of the weekly post (kept in the saved reports) and the item a user names on the
 * command line. (SQL stays under src/store/.) */
#ifndef BRIEF_STORE_REPORTS_H
#define BRIEF_STORE_REPORTS_H

#include <stdint.h>

#include "store/store.h"
#include "util/err.h"

/* The issue number of the weekly post for ISO week slug ("2026-W08"): the number the post
 * of that week already got when one was saved (any language), else the number of the
 * latest earlier week's post plus one, else 0 (no weekly saved yet: the caller starts the
 * count). Issue numbers are read from the saved JSON's "issue". Returns 0 or -1 with e set. */
int store_weekly_issue(struct store *st, const char *slug, int *issue, struct err *e);

/* Find an item by a key the user typed: a decimal items.id, else a link or canonical link.
 * Sets *id and *when (published when dated and not more than a day after first_seen's
 * frame, else first_seen; the same rule as store_select_window with now = first_seen).
 * Returns 1 when found, 0 when not, -1 with e set on a database error. */
int store_item_find(struct store *st, const char *key, int64_t *id, int64_t *when, struct err *e);

#endif
