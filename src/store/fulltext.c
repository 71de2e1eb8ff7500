/* fulltext.c: the SQL of the fulltext table (migration 5 -> 6 in store.c). */
#include "store/fulltext.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store/pack.h"
#include "util/buf.h"
#include "util/str.h"

/* qsort order of the wanted pages: newest first (listed time, then the later item). */
static int
want_cmp(const void *a, const void *b)
{
	const struct fulltext_want *x = a, *y = b;
	if (x->listed != y->listed)
		return x->listed < y->listed ? 1 : -1;
	return x->item_id < y->item_id ? 1 : x->item_id > y->item_id ? -1 : 0;
}

/* True when tail, the last characters of an item's feed text, ends the way an excerpt does:
 * "Continue reading", "Read more", "Read the full ..." near its end, or a closing ellipsis
 * ("…", "...", "[…]", "(more…)"). Such a feed text is a teaser whatever its length. */
static bool
is_teaser_tail(const char *tail)
{
	if (!tail)
		return false;
	size_t len = strlen(tail);
	static const char *const marks[] = {"continue reading", "read more", "read the full", "read the rest", NULL};
	for (const char *const *m = marks; *m; m++)
		if (str_icasestr(tail, len, *m))
			return true;
	str_trim(&tail, &len);
	while (len && strchr("])»›→ ", tail[len - 1]))
		len--;
	return (len >= 3 && memcmp(tail + len - 3, "\xe2\x80\xa6", 3) == 0) || /* … */
	       (len >= 3 && memcmp(tail + len - 3, "...", 3) == 0);
}

int
store_fulltext_wanted(struct store *st, const struct fulltext_source *sources, size_t n, int64_t since, int64_t now,
                      int min_chars, size_t limit, struct arena *a, struct fulltext_want **out, size_t *count,
                      struct err *e)
{
	*out = NULL;
	*count = 0;
	/* candidates, one source at a time: its items listed since `since` (published, else first
	 * seen: the range of the items_source_when index, so neither the archive nor the other
	 * sources' items are read: the fetcher asks after every group commit) without a final
	 * outcome. The length is the unpacked text's, in characters (items.text may be deflated,
	 * store/pack.h); its last 60 characters tell a long teaser ("... Continue reading"). */
	static const char sql[] =
		"SELECT i.id, i.link, length(unpacked(i.text)), COALESCE(i.published, i.first_seen),"
		"  substr(unpacked(i.text), -60) FROM items i"
		" LEFT JOIN fulltext f ON f.item_id = i.id"
		" WHERE i.source_id = ?4 AND COALESCE(i.published, i.first_seen) >= ?1 AND i.pruned_at IS NULL"
		"   AND (i.link LIKE 'http://%' OR i.link LIKE 'https://%')"
		"   AND (f.item_id IS NULL OR (f.status = 0 AND f.attempts < ?2 AND f.fetched_at <= ?3 - 3600))";
	sqlite3_stmt *s = store_cached(st, sql, e);
	if (!s)
		return -1;
	struct buf v = BUF_INIT;
	int rc = SQLITE_DONE;
	for (size_t k = 0; k < n && rc == SQLITE_DONE; k++) {
		if (sources[k].mode == FULLTEXT_NEVER)
			continue;
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, since);
		sqlite3_bind_int(s, 2, FULLTEXT_MAX_ATTEMPTS);
		sqlite3_bind_int64(s, 3, now);
		sqlite3_bind_int64(s, 4, sources[k].id);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if (sources[k].mode == FULLTEXT_AUTO && sqlite3_column_int(s, 2) >= min_chars &&
			    !is_teaser_tail(store_col_text(s, 4)))
				continue;
			struct fulltext_want w = {sqlite3_column_int64(s, 0), arena_strdup(a, store_col_text(s, 1)),
			                          sources[k].id, sqlite3_column_int64(s, 3)};
			buf_append(&v, &w, sizeof w);
		}
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		err_set(e, "reading items for full text: %s", sqlite3_errmsg(st->db));
		buf_free(&v);
		return -1;
	}
	size_t found = v.len / sizeof(struct fulltext_want);
	if (found) {
		qsort(v.data, found, sizeof(struct fulltext_want), want_cmp);
		*count = found < limit ? found : limit;
		*out = arena_alloc(a, *count * sizeof **out);
		memcpy(*out, v.data, *count * sizeof **out);
	}
	buf_free(&v);
	return 0;
}

int
store_fulltext_put(struct store *st, int64_t item_id, const char *url, enum fulltext_status status,
                   const char *text, const char *error, int64_t now, struct err *e)
{
	static const char sql[] =
		"INSERT INTO fulltext(item_id, url, status, text, error, fetched_at, attempts)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)"
		" ON CONFLICT(item_id) DO UPDATE SET url = excluded.url, status = excluded.status,"
		"   text = excluded.text, error = excluded.error, fetched_at = excluded.fetched_at,"
		"   attempts = fulltext.attempts + 1";
	sqlite3_stmt *s = store_cached(st, sql, e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, item_id);
	store_bind_text(s, 2, url);
	sqlite3_bind_int(s, 3, (int)status);
	store_bind_packed(s, 4, text, NULL); /* like items.text: deflated when that saves space */
	store_bind_text(s, 5, error);
	sqlite3_bind_int64(s, 6, now);
	return store_cached_step(st, s, e) < 0 ? err_wrap(e, "storing the full text of item %lld", (long long)item_id)
	                                       : 0;
}

int
store_fulltext_get(struct store *st, int64_t item_id, struct arena *a, enum fulltext_status *status,
                   const char **text, int *attempts, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT status, text, attempts FROM fulltext WHERE item_id = ?1", e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, item_id);
	int rc = sqlite3_step(s), found = 0;
	if (rc == SQLITE_ROW) {
		*status = (enum fulltext_status)sqlite3_column_int(s, 0);
		*text = store_col_unpacked(s, 1, NULL, a);
		*attempts = sqlite3_column_int(s, 2);
		found = 1;
	} else if (rc != SQLITE_DONE) {
		err_set(e, "reading full text: %s", sqlite3_errmsg(sqlite3_db_handle(s)));
		found = -1;
	}
	sqlite3_finalize(s);
	return found;
}
