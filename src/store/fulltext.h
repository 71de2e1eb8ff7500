/* fulltext.h: article pages fetched for items whose feed text is thin (issue 13): which items
 * want one, and the outcome, stored once per item. An extracted article is never fetched
 * again; a failed fetch is retried in later runs, at most FULLTEXT_MAX_ATTEMPTS times in all
 * and not within an hour of the last try. The reports read the longer of the feed's text and
 * the page's (store/select.c). */
#ifndef BRIEF_STORE_FULLTEXT_H
#define BRIEF_STORE_FULLTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/arena.h"
#include "util/err.h"

#define FULLTEXT_MAX_ATTEMPTS 3

/* Per source: fetch pages for thin items only (auto), for every item, or never. */
enum fulltext_mode { FULLTEXT_AUTO, FULLTEXT_ALWAYS, FULLTEXT_NEVER };

/* What happened to a page. */
enum fulltext_status { FULLTEXT_FAILED = 0, FULLTEXT_OK = 1, FULLTEXT_NO_ARTICLE = 2 };

struct fulltext_want {
	int64_t item_id;
	const char *link;       /* the item's link: http or https */
	int64_t source_id;      /* the feed it came from */
	int64_t listed;         /* published, else first seen */
};

/* A source whose items may want their page, and how (the caller knows its settings). */
struct fulltext_source {
	int64_t id;
	enum fulltext_mode mode;
};

/* The items that want their page: of the n sources (those in mode FULLTEXT_NEVER skipped),
 * listed since `since` (published, else first seen; not pruned), with an http(s) link, every
 * one for a source in mode always, for auto those with feed text shorter than min_chars
 * characters or ending as an excerpt does ("Continue reading", "Read more", a closing "…"), and with no stored outcome yet (or a failure that may be retried at now).
 * Newest first, at most limit. Reads only those sources' recent items (an index range each),
 * so a fetch can ask after every commit. Returns 0 with *out (arena) and *count, or -1 with
 * e set. */
int store_fulltext_wanted(struct store *st, const struct fulltext_source *sources, size_t n, int64_t since,
                          int64_t now, int min_chars, size_t limit, struct arena *a, struct fulltext_want **out,
                          size_t *count, struct err *e);

/* Store the outcome for item_id: status, the article's text (FULLTEXT_OK) or the error (a
 * failure), fetched at now. A failure adds to the attempts of an earlier one. Returns 0 or -1
 * with e set. */
int store_fulltext_put(struct store *st, int64_t item_id, const char *url, enum fulltext_status status,
                       const char *text, const char *error, int64_t now, struct err *e);

/* The stored outcome of item_id: returns 1 and sets *status, *text (arena, may be NULL) and
 * *attempts, 0 when there is none, -1 with e set on error. */
int store_fulltext_get(struct store *st, int64_t item_id, struct arena *a, enum fulltext_status *status,
                       const char **text, int *attempts, struct err *e);

#endif
