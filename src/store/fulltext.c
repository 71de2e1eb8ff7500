/* fulltext.c: the SQL of the fulltext table (migration 5 -> 6 in store.c). */
#include "store/fulltext.h"

#include <sqlite3.h>
#include <string.h>

#include "store/pack.h"
#include "util/buf.h"
#include "util/str.h"

int
store_fulltext_wanted(struct store *st, const int64_t *source_ids, size_t n, int64_t since, int64_t now,
                      int min_chars, enum fulltext_mode (*mode_of)(void *ctx, const char *source_url), void *ctx,
                      size_t limit, struct arena *a, struct fulltext_want **out, size_t *count, struct err *e)
{
	*out = NULL;
	*count = 0;
	/* candidates: every item listed since `since` (published, else first seen: the range of
	 * the items_when index, so no scan of the archive) without a final outcome; the per-source
	 * mode and the length test are applied below, where the mode is known. The length is the
	 * unpacked text's, in characters (items.text may be deflated, store/pack.h). */
	static const char sql[] =
		"SELECT i.id, i.link, s.url, length(unpacked(i.text)), s.id FROM items i"
		" JOIN sources s ON s.id = i.source_id"
		" LEFT JOIN fulltext f ON f.item_id = i.id"
		" WHERE COALESCE(i.published, i.first_seen) >= ?1 AND i.pruned_at IS NULL"
		"   AND (i.link LIKE 'http://%' OR i.link LIKE 'https://%')"
		"   AND (f.item_id IS NULL OR (f.status = 0 AND f.attempts < ?2 AND f.fetched_at <= ?3 - 3600))"
		" ORDER BY COALESCE(i.published, i.first_seen) DESC, i.id DESC";
	sqlite3_stmt *s = store_prepare(st, sql, e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, since);
	sqlite3_bind_int(s, 2, FULLTEXT_MAX_ATTEMPTS);
	sqlite3_bind_int64(s, 3, now);
	struct buf v = BUF_INIT;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *count < limit) {
		int64_t source_id = sqlite3_column_int64(s, 4);
		if (n) {
			size_t k = 0;
			while (k < n && source_ids[k] != source_id)
				k++;
			if (k == n)
				continue;
		}
		const char *src_url = store_col_text(s, 2);
		enum fulltext_mode m = mode_of ? mode_of(ctx, src_url ? src_url : "") : FULLTEXT_AUTO;
		if (m == FULLTEXT_NEVER || (m == FULLTEXT_AUTO && sqlite3_column_int(s, 3) >= min_chars))
			continue;
		struct fulltext_want w = {sqlite3_column_int64(s, 0), arena_strdup(a, store_col_text(s, 1)),
		                          arena_strdup(a, src_url)};
		buf_append(&v, &w, sizeof w);
		(*count)++;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		err_set(e, "reading items for full text: %s", sqlite3_errmsg(sqlite3_db_handle(s)));
		sqlite3_finalize(s);
		buf_free(&v);
		*count = 0;
		return -1;
	}
	sqlite3_finalize(s);
	if (*count) {
		*out = arena_alloc(a, v.len);
		memcpy(*out, v.data, v.len);
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
