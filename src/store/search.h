/* search.h: the archive's item lists, newest first or by relevance, a page at a time.
 *
 * Both lists are paged by keyset, never by OFFSET: a page costs the same wherever it is, and
 * a cursor names the last row shown, so items that arrive meanwhile neither repeat nor push
 * rows past the reader. The newest-first list walks items_placed (where the digests place an
 * item, STORE_ITEM_WHEN: published, else first seen, never later than first seen; then id). A search ranks the newest
 * SEARCH_WINDOW matches (at or below a pinned row id) by brief_rank (store/fts.h) weighted by
 * age against a pinned clock, and walks them by (score, id); the next window starts below the
 * oldest match of the last. */

#ifndef BRIEF_STORE_SEARCH_H
#define BRIEF_STORE_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

#define SEARCH_WINDOW 1000
#define SEARCH_QUERY_MAX 256 /* bytes of a search as typed */
#define QUERY_MAX_TERMS 8    /* terms of a search */
#define SEARCH_CURSOR_MAX 96

struct store_hit {
	int64_t id;
	const char *title, *link, *source; /* source: url_display_name (feed/url.h) */
	int64_t when;                      /* where the digests place it: STORE_ITEM_WHEN */
	const char *snippet;               /* search: matches between \x01 and \x02; list: text start */
};

struct store_hits {
	struct store_hit *hits;
	size_t count;
	char next[SEARCH_CURSOR_MAX]; /* cursor of the next page, "" at the end */
	char prev[SEARCH_CURSOR_MAX]; /* cursor of the page before (store_items_newer,
	                               * store_search_newer), "" on the first; on a search's
	                               * window's top page, the last page of the window above */
};

/* The FTS5 query for what a person typed: whitespace-separated terms (ASCII whitespace or U+3000,
 * an input method's ideographic space), all required; "double
 * quotes" make a phrase; a trailing * a prefix, expanded to the OR of the indexed words it
 * begins (at most 1,024; else, or with st NULL, FTS5's own prefix query; a CJK term's * is
 * dropped, as nothing longer is indexed). Each term is quoted, so FTS5 syntax in it is just
 * text. Appends nothing when q has no searchable token. At most QUERY_MAX_TERMS terms
 * (store_search_check refuses more). */
void store_search_query(struct store *st, const char *q, struct buf *out);

/* The next term of a query at *p: a word, or a "phrase" (to the closing quote or the end).
 * Sets *term and *n and moves *p past it; 0 when only whitespace is left. */
int store_search_next_term(const char **p, const char **term, size_t *n);

/* 0 when q can be searched as typed; -1 with e saying why not (a message for the reader):
 * longer than SEARCH_QUERY_MAX bytes, more than QUERY_MAX_TERMS terms (store_search_query
 * would leave the rest out), or holding a control character other than whitespace. A search nobody could have meant is refused, not shortened. */
int store_search_check(const char *q, struct err *e);

/* One page (at most limit rows) of items newest first, after cursor ("WHEN.ID", the last row
 * shown; NULL or "" = the first page; an unreadable cursor also starts over). An item's time
 * (when) is where the digests place it (STORE_ITEM_WHEN): its published date, else its first
 * seen, never later than its first seen; it does not depend on the clock (now is unused, and a
 * cursor's third field, which older cursors carry, is ignored). Rows are in arena. 0 or -1
 * with e set. */
int store_items_page(struct store *st, const char *cursor, int64_t now, int limit, struct arena *arena,
                     struct store_hits *out, struct err *e);

/* The page before the one a store_items_page cursor (its prev) names: at most limit items
 * just newer than the row it names, newest first; next names the
 * oldest row shown (the pages after are store_items_page's), prev the newest when there are
 * newer items still ("" at the top). An unreadable cursor gives the first page. 0 or -1 with
 * e set. */
int store_items_newer(struct store *st, const char *cursor, int64_t now, int limit, struct arena *arena,
                      struct store_hits *out, struct err *e);

/* One page of the items matching q, best first (see the file comment), after cursor; now is
 * the clock a first page pins for the ages. 0 or -1 with e set. */
int store_search_page(struct store *st, const char *q, const char *cursor, int64_t now, int limit,
                      struct arena *arena, struct store_hits *out, struct err *e);

/* The page before the one a store_search_page cursor (its prev) names: at most limit matches
 * ranked just above the row it names in the same window, best first; next names the last row
 * shown, prev the first when the window ranks more above it, else (the window's top page) the
 * last page of the window above, whose rows the cursors find again as the SEARCH_WINDOW
 * matches just above this window, up to the first window's top row they carry. A cursor that
 * names no row (a window's start) gives that window's first page. 0 or -1 with e set. */
int store_search_newer(struct store *st, const char *q, const char *cursor, int64_t now, int limit,
                       struct arena *arena, struct store_hits *out, struct err *e);

#endif
