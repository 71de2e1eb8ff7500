/* select.h: read the articles of a time window out of the store. */
#ifndef BRIEF_STORE_SELECT_H
#define BRIEF_STORE_SELECT_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/err.h"

/* The articles whose `when` (published date, else first-seen; a published date more than a
 * day in the future does not count as new and falls back to first-seen) lies in
 * (now - hours*3600, now + 86400], newest first. Restricted to source_ids when
 * source_count > 0 (a --feeds run), else all sources. Articles and strings live in arena.
 * Returns 0 or -1 with e set. */
int store_select_window(struct store *st, int64_t now, int hours, const int64_t *source_ids,
                        size_t source_count, struct arena *arena, struct article **out, size_t *count,
                        struct err *e);

/* Posts fetched late: first seen after `after` (when the report before read its window), dated
 * in (floor, the window's start], of a source that had an item first seen by `after` (a feed that
 * was down, not one added since, whose back catalogue this would be). after < 0: none. */
struct store_late {
	int64_t after, floor;
};

/* As store_select_window, of the window (since, now + 86400], and the late posts late names: a
 * weekly post's window starts where the one before ended (docs/weekly.md), and it takes what
 * was fetched since then but dated before. */
int store_select_since(struct store *st, int64_t now, int64_t since, const struct store_late *late,
                       const int64_t *source_ids, size_t source_count, struct arena *arena, struct article **out,
                       size_t *count, struct err *e);

/* As store_select_window, of the window (since, until]: no date ahead of until counts, as the
 * digest of a missed day, written later, holds that day's articles and not the next day's
 * (docs/daily.md, "Missed runs"); and the late posts late names. */
int store_select_between(struct store *st, int64_t since, int64_t until, const struct store_late *late,
                         const int64_t *source_ids, size_t source_count, struct arena *arena, struct article **out,
                         size_t *count, struct err *e);

#endif
