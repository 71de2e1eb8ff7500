/* pubcache.c: the publish_cache table (pubcache.h). */
#include "store/pubcache.h"

#include <sqlite3.h>

int
store_pubcache_get(struct store *st, const char *channel, const char *key, int64_t now, struct buf *out,
                   struct err *e)
{
	sqlite3_stmt *s = store_prepare(st,
		"SELECT value FROM publish_cache WHERE channel = ?1 AND key = ?2"
		" AND (expires_at IS NULL OR expires_at > ?3)", e);
	if (!s)
		return -1;
	store_bind_text(s, 1, channel);
	store_bind_text(s, 2, key);
	sqlite3_bind_int64(s, 3, now);
	int rc = sqlite3_step(s), found = 0;
	if (rc == SQLITE_ROW && store_col_text(s, 0)) {
		buf_puts(out, store_col_text(s, 0));
		found = 1;
	} else if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		err_set(e, "database %s: %s", st->path, sqlite3_errmsg(st->db));
		found = -1;
	}
	sqlite3_finalize(s);
	return found;
}

/* Run one statement binding channel, key and (when value is non-NULL) value, expires_at. */
static int
run(struct store *st, const char *sql, const char *channel, const char *key, const char *value, int64_t expires_at,
    struct err *e)
{
	sqlite3_stmt *s = store_prepare(st, sql, e);
	if (!s)
		return -1;
	store_bind_text(s, 1, channel);
	store_bind_text(s, 2, key);
	if (value) {
		store_bind_text(s, 3, value);
		if (expires_at > 0)
			sqlite3_bind_int64(s, 4, expires_at);
		else
			sqlite3_bind_null(s, 4);
	}
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return err_set(e, "database %s: %s", st->path, sqlite3_errmsg(st->db)), -1;
	return 0;
}

int
store_pubcache_put(struct store *st, const char *channel, const char *key, const char *value, int64_t expires_at,
                   struct err *e)
{
	return run(st,
	           "INSERT INTO publish_cache(channel, key, value, expires_at) VALUES (?1, ?2, ?3, ?4)"
	           " ON CONFLICT(channel, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at",
	           channel, key, value ? value : "", expires_at, e);
}

int
store_pubcache_drop(struct store *st, const char *channel, const char *key, struct err *e)
{
	return run(st, "DELETE FROM publish_cache WHERE channel = ?1 AND key = ?2", channel, key, NULL, 0, e);
}
