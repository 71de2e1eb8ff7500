/* health.h: what the daily report needs to know about the sources themselves: how many
 * were read, which failed and why, which went quiet; and saving rendered reports for
 * the web archive. (SQL stays under src/store/.) */
#ifndef BRIEF_STORE_HEALTH_H
#define BRIEF_STORE_HEALTH_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/err.h"

struct store_source_stats {
	int feeds_total;     /* sources considered */
	int feeds_ok;        /* ... whose last attempt succeeded */
	long items_total;    /* items stored for them */
	int is_all_default;  /* every one came from the built-in list (and there is at least one) */
};

/* Stats over the sources ids[0..n) (all sources when n == 0). Returns 0 or -1 with e set. */
int store_source_stats(struct store *st, const int64_t *ids, size_t n, struct store_source_stats *out,
                       struct err *e);
/* Feeds among ids[0..n) (all when n == 0) whose last fetch failed (last_error set) into
 * h->failed, and feeds without a post newer than now - stale_days (or without any post)
 * that did not fail into h->stale (when = newest post date or FEED_NO_DATE). Names
 * fall back to the feed title, then the feed URL's host. Strings live in arena. */
int store_feed_health(struct store *st, int64_t now, int stale_days, const int64_t *ids, size_t n,
                      struct arena *arena, struct report_health *h, struct err *e);
/* The display name of the source with feed URL url (NULL when unknown), in arena. */
const char *store_source_name(struct store *st, const char *url, struct arena *arena);
/* The ids of the sources whose feed URL is one of urls[0..n) (unknown URLs skipped). */
int store_source_ids(struct store *st, const char *const *urls, size_t n, struct arena *arena, int64_t **ids,
                     size_t *count, struct err *e);
/* Insert or replace the rendered report (kind, slug, lang) in the reports table. */
int store_report_save(struct store *st, const char *kind, const char *slug, const char *lang, const char *title,
                      int64_t created_at, const char *markdown, const char *html, const char *json,
                      struct err *e);

#endif
