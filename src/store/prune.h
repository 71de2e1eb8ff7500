/* prune.h: retention. `brief prune` (and `[store] keep_days` after a fetch) removes the bodies
 * of old items (text, summary, content, enclosures), the article pages fetched for them
 * (fulltext table) and their words from the full-text index,
 * but keeps each row's dedupe key, content hash, title and link: a pruned item is never "new"
 * again, and its title still finds it. Items a saved report cites (by link) are kept whole.
 * Freed pages go back to the file system (incremental vacuum). */
#ifndef BRIEF_STORE_PRUNE_H
#define BRIEF_STORE_PRUNE_H

#include <stdint.h>

#include "store/store.h"
#include "util/err.h"

struct prune_result {
	int64_t cutoff;       /* items placed before this time (STORE_ITEM_WHEN: published, else
	                       * first seen, never later than first seen) are old */
	int64_t items;        /* bodies removed (or that would be, with dry_run) */
	int64_t kept_cited;   /* old items kept whole because a report cites them */
	int64_t bytes_before; /* the database file's size before and after */
	int64_t bytes_after;
};

/* Prune items older than keep_days (>= 1) before now; with dry_run only count. Works in
 * batches, each its own short transaction, so readers and a fetch are never held up long.
 * Records the run in prune_log (not for dry_run). Returns 0 or -1 with e set. */
int store_prune(struct store *st, int64_t now, int keep_days, int dry_run, struct prune_result *r, struct err *e);

#endif
