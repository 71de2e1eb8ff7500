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

/* The latest weekly post in lang whose ISO week slug is before slug ("2026-W08"; up to and
 * including it when inclusive is set): its slug into found (16 bytes) and its created_at (the
 * end of its window) into *created_at. Returns 1 when there is one, 0 when not, -1 with e set. */
int store_weekly_latest(struct store *st, const char *lang, const char *slug, int inclusive, char found[16],
                        int64_t *created_at, struct err *e);

/* The date ("2026-03-04") of the latest daily digest in lang dated before date (up to and
 * including it when inclusive is set) into found (16 bytes), and its created_at (when its window
 * was read) into *created_at. Returns 1 when there is one, 0 when not, -1 with e set. */
int store_daily_latest(struct store *st, const char *lang, const char *date, int inclusive, char found[16],
                       int64_t *created_at, struct err *e);

/* Find an item by a key the user typed: a decimal items.id, else a link or canonical link.
 * Sets *id and *when (published when dated and not more than a day after first_seen's
 * frame, else first_seen; the same rule as store_select_window with now = first_seen).
 * Returns 1 when found, 0 when not, -1 with e set on a database error. */
int store_item_find(struct store *st, const char *key, int64_t *id, int64_t *when, struct err *e);

#endif
