/* sources.h: the feeds brief fetches (the user's own, the built-in list, or a --feeds file)
 * and each one's health. All SQL for the sources table lives in sources.c. */
#ifndef BRIEF_STORE_SOURCES_H
#define BRIEF_STORE_SOURCES_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* Where a source came from. A user source is one added by `feeds add/import`; default
 * sources are the built-in list, used only while the user has none of their own; ad-hoc
 * sources were fetched through `fetch --feeds FILE` and are never listed or fetched by a
 * plain run (their items are stored like any others). */
enum source_kind { SOURCE_USER, SOURCE_DEFAULT, SOURCE_ADHOC };

struct source {
	int64_t id;
	const char *url;
	const char *name;           /* user-given or list name, or NULL */
	const char *title;          /* the feed's own title as last parsed, or NULL */
	const char *html_url;
	const char *category;
	const char *user_agent;     /* per-feed override, or NULL */
	enum source_kind kind;
	int64_t added_at;
	/* health */
	const char *etag;           /* validators of the last successful 200, or NULL */
	const char *last_modified;
	int64_t last_attempt_at;    /* 0 = never */
	int64_t last_success_at;    /* 0 = never */
	int last_status;            /* HTTP status of the last attempt, 0 = no response */
	const char *last_error;     /* NULL after a success */
	int consecutive_failures;
	double avg_latency_ms;      /* 0 when unknown */
	int item_count;
	int url_checked;            /* url is where a public feed's permanent redirect led: fetched with
	                             * the address check of a redirect's target (net/guard.h) */
	int64_t not_before;         /* its server's Retry-After asked for no request before this (wall
	                             * clock, epoch seconds); 0 = none */
	int64_t failing_since;      /* when the current run of consecutive failures began; 0 = not
	                             * failing, or failing since before schema 21 (unknown) */
	int64_t retry_at;           /* a plain fetch does not ask it before this (it keeps failing:
	                             * net/fetch.h fetch_source_is_resting); 0 = none */
};

/* What one fetch of a source ended with, for store_source_record(). */
/* Bytes of a feed's description kept (sources.description): a feed's self-description is a
 * line or two; some feeds put a whole page there. */
#define SOURCE_DESCRIPTION_MAX 500

struct source_result {
	int64_t attempted_at;
	int http_status;            /* 0 = no response */
	const char *error;          /* one line; NULL = success (200 or 304) */
	int is_not_modified;        /* 304: keep the validators, but those the 304 carries replace
	                             * theirs (RFC 9111 4.3.4) */
	const char *etag;           /* on a 200: the new validators (NULL clears them); on a 304:
	                             * the ones it sent (NULL keeps the stored one) */
	const char *last_modified;
	const char *new_url;        /* permanent redirect target to store, or NULL */
	int new_url_checked;        /* new_url came from a public feed: store it as url_checked */
	const char *title;          /* the feed's title, or NULL to keep */
	const char *description;    /* the feed's description as plain text (at most SOURCE_DESCRIPTION_MAX
	                             * bytes), or NULL to keep */
	const char *html_url;       /* the feed's own link (its site), stored only when the source has no
	                             * site URL yet (an OPML htmlUrl wins); NULL = none */
	int64_t latency_ms;
	int64_t not_before;         /* a Retry-After past the run: no request before this (wall clock);
	                             * 0 clears it */
	int64_t retry_at;           /* on a failure: no request by a plain fetch before this (the
	                             * backoff of a source that keeps failing); 0 = ask next run.
	                             * A success clears it, as it does failing_since. */
};

/* The URL a source is stored and found under, in out (cleared first): url_canonical's form, so
 * that "HTTPS://Example.COM:443/feed" and "https://example.com/feed" are one source, not two
 * fetched twice. Every lookup by URL below also finds a row stored under url as given. */
void store_source_url(const char *url, struct buf *out);
/* Add a source (or, when url already exists, promote/update it; for SOURCE_USER also when a
 * source is at an address a user takes for the same feed, url_feed_aliases: http(s), www., a
 * trailing slash, FeedBurner's ?format=xml, which keeps its own URL): SOURCE_USER makes the
 * row a user source and sets name/category when given; SOURCE_DEFAULT and SOURCE_ADHOC
 * leave an existing row alone. *id receives the row id and *is_new (may be NULL) whether
 * a row was created. Returns 0 or -1 with e set. */
int store_source_add(struct store *st, enum source_kind kind, const char *url, const char *name,
                     const char *html_url, const char *category, int64_t now, int64_t *id, int *is_new,
                     struct err *e);
/* The id of the source stored under url (as given or in store_source_url's form) or
 * subscribed under it (a permanent redirect's old address, an address merged into it); 0 when
 * none is, -1 with e set. Unlike store_source_add, no other address of the same feed counts. */
int64_t store_source_find(struct store *st, const char *url, struct err *e);
/* Give the source this name only when it has none (an import's title never replaces a name
 * the user set with `feeds add --name`). NULL name: nothing done. Returns 0 or -1 with e set. */
int store_source_name_unset(struct store *st, int64_t id, const char *name, struct err *e);
/* Mark the source's URL as one that came from content (a page's feed link): it is fetched
 * with the address check of a redirect's target from its first hop (net/guard.h), as
 * url_checked says. Returns 0 or -1 with e set. */
int store_source_set_url_checked(struct store *st, int64_t id, struct err *e);
/* The user added the source again: neither a 410 Gone its server answered last (net/fetch.h
 * fetch_source_is_gone) nor the backoff of a source that keeps failing (retry_at) keeps the
 * next run from asking it; that run's answer decides. The last error, the failure count and
 * failing_since stay until then. Returns 0 or -1 with e set. */
int store_source_ask_again(struct store *st, int64_t id, struct err *e);
/* Set (or with NULL clear) the User-Agent sent for this source. Returns 0 or -1 with e set. */
int store_source_set_user_agent(struct store *st, int64_t id, const char *user_agent, struct err *e);
/* Remove the source with this URL (as given or canonical, or when none has it, the one at an
 * address a user takes for the same feed: url_feed_aliases) and its items. *removed gets the
 * removed source's URL (in arena), NULL when there was none. Ad-hoc sources are not removed.
 * Returns 0 or -1 with e set. */
int store_source_remove(struct store *st, const char *url, struct arena *arena, const char **removed,
                        struct err *e);
/* The sources a plain `brief fetch` uses: the user's own when there are any, else the
 * built-in defaults. Sorted by id. Array and strings in arena. */
int store_sources_active(struct store *st, struct arena *arena, struct source **out, size_t *count,
                         struct err *e);
/* One source by id (strings in arena); returns 0, or -1 with e set when missing. */
int store_source_get(struct store *st, int64_t id, struct arena *arena, struct source *out, struct err *e);
/* Count sources by kind: user (listed, non-default, non-adhoc) and default. */
int store_sources_count(struct store *st, int *users, int *defaults, struct err *e);
/* Record the outcome of a fetch: last attempt/status/error, consecutive failures, success
 * time and validators, moving average latency, item count, title, and (on a permanent
 * redirect) the new URL; when another source already has it, the two are one feed: that one
 * takes id's subscribed URL, what it lacks of id's, and id's items it has not, and id is
 * removed. Call inside the feed's
 * transaction so validators and items commit together. Returns 0 or -1 with e set. */
int store_source_record(struct store *st, int64_t id, const struct source_result *r, struct err *e);
/* Source id was just fetched (a 200: its items stored): when another source is the same feed
 * at another address (http:// and https://, with and without www. or a trailing slash, a
 * FeedBurner copy and its origin: the same title and the same items over the span both
 * cover, docs/cli.md), the two become one, as a redirect's target and its old address do
 * (merge_moved): the one subscribed first (the lower id) keeps its URL, health and items,
 * takes the other's name, site, category, User-Agent where it has none and its URL as the
 * address it was subscribed under (so `feeds add`, import and `feeds rm` find it there), and
 * the other is removed. *other_url gets the other source's URL (in arena) and *kept whether
 * id is the one that survived. Call inside the feed's transaction, after
 * store_source_record. Returns 1 when merged, 0 when no other source is the same feed, -1
 * with e set. */
int store_source_merge_same(struct store *st, int64_t id, struct arena *arena, const char **other_url, int *kept,
                            struct err *e);
/* Set the source's not_before (struct source) to t, leaving its health alone: a feed its
 * server asked to wait for, not asked this run. Returns 0 or -1 with e set. */
int store_source_not_before(struct store *st, int64_t id, int64_t t, struct err *e);

#endif
