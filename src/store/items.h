/* items.h: storing parsed feed items (insert or update by dedupe key) and the fetch log.
 *
 * An item's identity within its source is its dedupe key: "g:" + GUID, else "l:" + the
 * canonical link, else "h:" + a hash of title and date; a guid or link that two items of one
 * document share is no identity, and each of them is keyed by it and its title and date
 * (store_items_mark_shared). Re-storing an item that is already
 * there changes nothing unless its content hash (title, link, author, summary, content,
 * categories, enclosures) changed, in which case the row is updated and changed_at set. */
#ifndef BRIEF_STORE_ITEMS_H
#define BRIEF_STORE_ITEMS_H

#include <stdint.h>

#include "feed/feed.h"
#include "store/pack.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* Prepared statements reused for every item of a run. Zero-initialise, then
 * store_items_open(); store_items_close() when done. */
struct store_item_prep;

struct store_items {
	struct store *st;
	sqlite3_stmt *find, *insert, *update;
	struct arena scratch; /* store_item_put's prepared item */
	/* The prepared items of the feed document being stored (set by the caller, else NULL): a
	 * new item keyed by its title and date ("h:") may be one of its rows whose title the feed
	 * edited, unless that row's key is still among them (store_item_put_prepared). */
	const struct store_item_prep *doc;
	size_t doc_count;
	/* Whether form_src had items first seen before this run's document form_doc: a source
	 * without any (a feed fetched the first time) has no old form of a URL to look for. */
	const struct store_item_prep *form_doc;
	int64_t form_src;
	int form_src_old;
};

enum store_put_result { ITEM_UNCHANGED, ITEM_NEW, ITEM_CHANGED };

/* Prepare the statements, and keep statement journals in memory until store_items_close
 * (PRAGMA temp_store: see items.c). Call outside a transaction. Returns 0 or -1 with e set. */
int store_items_open(struct store_items *w, struct store *st, struct err *e);
/* Finalize the statements; temporary storage back to the default. Safe on a zeroed struct. */
void store_items_close(struct store_items *w);
/* Append item's dedupe key to out (see the file comment). */
void store_item_dedupe_key(const struct feed_item *item, struct buf *out);
/* Insert or update one item of source_id (first_seen = now for a new one); *result says
 * which happened. Call inside a transaction (one per feed). Returns 0 or -1 with e set.
 * The same as store_item_prepare then store_item_put_prepared. */
int store_item_put(struct store_items *w, int64_t source_id, const struct feed_item *item, int64_t now,
                   enum store_put_result *result, struct err *e);

/* An item made ready to store: its dedupe key, content hash, JSON fields and packed text. */
struct store_item_prep {
	const char *key;
	size_t key_len;
	/* A link keyed item whose link has a #fragment: the fragment (trimmed, not empty) and the
	 * key with it ("l:" canonical link "#" fragment), which the item takes when another entry
	 * already holds the plain key (store_item_put_prepared); both NULL otherwise. */
	const char *frag, *frag_key;
	size_t frag_key_len;
	/* A link keyed item with a feed_item.link_alias (a FeedBurner item now linked by its
	 * origLink): the key of the alias ("l:" canonical alias), under which a store written before
	 * holds it; the item is found there when its own key is not known. NULL otherwise. */
	const char *alias_key;
	size_t alias_key_len;
	/* A guid or link keyed item: its key (with the fragment, when it has one) + "|h:" + the hash
	 * of its title and date. An item takes it when another item of its document has its key (a
	 * CMS that gives every post one guid, a feed whose every item links to the homepage):
	 * store_items_mark_shared sets shared, store_item_put_prepared reads both. NULL otherwise. */
	const char *alt_key;
	size_t alt_key_len;
	int shared;
	const char *link, *canon; /* canon: the canonical link, NULL when it is the link */
	const char *title, *author, *cats, *encl, *comments;
	struct store_packed summary, content, text;
	int64_t date, updated; /* FEED_NO_DATE when absent; date = feed_item_date() */
	char content_hash[33];
};
/* The CPU work of storing an item (key, hash, JSON, deflate), with no database, so that the
 * fetcher does it on its parse thread while the store is written (net/parse.c). Everything
 * p points to is copied into arena: item need not outlive the call. */
void store_item_prepare(const struct feed_item *item, struct arena *arena, struct store_item_prep *p);
/* Set shared on each of the n prepared items of one feed document whose key (with its fragment)
 * another of them has too: their key is then no identity, and each is stored under its alt_key
 * instead (unless the row under its key already is this post: the same title and date), so
 * that one does not overwrite the other at every fetch. O(n log n); no database. */
void store_items_mark_shared(struct store_item_prep *items, size_t n);
/* store_item_put of a prepared item: the dedupe lookup, then an insert or an update (or
 * nothing when the content hash is unchanged). An item with neither guid nor link (keyed by
 * title and date) that is not known under its key, while w->doc is set, is the row of this
 * source with its text (not empty), its date or its title, and a key of that kind that no
 * item of w->doc has, when there is exactly one: the same post under an edited title or a new
 * date, updated under its new key, not stored again. p's arena must outlive the call. */
int store_item_put_prepared(struct store_items *w, int64_t source_id, const struct store_item_prep *p,
                            int64_t now, enum store_put_result *result, struct err *e);

/* Inside a write transaction: queue the full-text indexing of items inserted from now on
 * (see migration 2 -> 3 in store.c) until store_items_index_deferred(), which must run
 * before that transaction commits. Both return 0 or -1 with e set. */
int store_items_defer_fts(struct store *st, struct err *e);
int store_items_index_deferred(struct store *st, struct err *e);

/* One transfer, as the fetch log keeps it. */
struct fetchlog_row {
	int64_t source_id;  /* 0 = none */
	const char *url;
	int64_t started_at;
	int http_status;    /* 0 = no response */
	int64_t bytes;      /* on the wire */
	int64_t ms;
	int items_new;
	const char *error;  /* NULL on success */
};

/* Append a row to the fetch log. Returns 0 or -1 with e set. */
int store_fetchlog_add(struct store *st, const struct fetchlog_row *row, struct err *e);

#endif
