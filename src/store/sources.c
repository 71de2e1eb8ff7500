/* sources.c: sources CRUD and per-source health in SQLite. */
#include "store/sources.h"

#include <string.h>

#include "feed/url.h"
#include "util/buf.h"

#define SOURCE_COLUMNS                                                                             \
	"id, url, name, title, html_url, category, user_agent, is_default, is_adhoc, added_at, etag, " \
	"last_modified, last_attempt_at, last_success_at, last_status, last_error, "                 \
	"consecutive_failures, avg_latency_ms, item_count, url_checked, not_before, failing_since, retry_at"

static void
read_source(sqlite3_stmt *s, struct arena *arena, struct source *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(s, 0);
	out->url = store_col_dup(s, 1, arena);
	out->name = store_col_dup(s, 2, arena);
	out->title = store_col_dup(s, 3, arena);
	out->html_url = store_col_dup(s, 4, arena);
	out->category = store_col_dup(s, 5, arena);
	out->user_agent = store_col_dup(s, 6, arena);
	out->kind = sqlite3_column_int(s, 8) ? SOURCE_ADHOC : sqlite3_column_int(s, 7) ? SOURCE_DEFAULT : SOURCE_USER;
	out->added_at = sqlite3_column_int64(s, 9);
	out->etag = store_col_dup(s, 10, arena);
	out->last_modified = store_col_dup(s, 11, arena);
	out->last_attempt_at = sqlite3_column_int64(s, 12);
	out->last_success_at = sqlite3_column_int64(s, 13);
	out->last_status = sqlite3_column_int(s, 14);
	out->last_error = store_col_dup(s, 15, arena);
	out->consecutive_failures = sqlite3_column_int(s, 16);
	out->avg_latency_ms = sqlite3_column_double(s, 17);
	out->item_count = sqlite3_column_int(s, 18);
	out->url_checked = sqlite3_column_int(s, 19);
	out->not_before = sqlite3_column_int64(s, 20);
	out->failing_since = sqlite3_column_int64(s, 21);
	out->retry_at = sqlite3_column_int64(s, 22);
}

static int
step_done(struct store *st, sqlite3_stmt *s, struct err *e)
{
	int rc = sqlite3_step(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		err_set(e, "database: %s", sqlite3_errmsg(st->db));
		sqlite3_finalize(s);
		return -1;
	}
	sqlite3_finalize(s);
	return 0;
}

void
store_source_url(const char *url, struct buf *out)
{
	buf_clear(out);
	url_canonical(url, out);
}

/* Step the bound statement s (a query of one id) once and finalize it: the id of its first
 * row, 0 when it has none, -1 with e set on error. */
static int64_t
first_id(struct store *st, sqlite3_stmt *s, struct err *e)
{
	int rc = sqlite3_step(s);
	int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		err_set(e, "database: %s", sqlite3_errmsg(st->db));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? id : -1;
}

/* The id of the source stored under url or under its canonical form (a row written before
 * URLs were stored canonical keeps its spelling), or subscribed under it before a permanent
 * redirect moved it; 0 when there is none, -1 with e set on error. */
static int64_t
find_source(struct store *st, const char *url, const char *canon, struct err *e)
{
	sqlite3_stmt *s = store_prepare(
		st,
		"SELECT id FROM sources WHERE url IN (?1, ?2) OR subscribed_url IN (?1, ?2) "
		"ORDER BY url = ?2 DESC, url = ?1 DESC LIMIT 1",
		e);
	if (!s)
		return -1;
	store_bind_text(s, 1, url);
	store_bind_text(s, 2, canon);
	return first_id(st, s, e);
}

int64_t
store_source_find(struct store *st, const char *url, struct err *e)
{
	struct buf canon = BUF_INIT;
	store_source_url(url, &canon);
	int64_t id = find_source(st, url, buf_str(&canon), e);
	buf_free(&canon);
	return id;
}

/* The id of the source a user means by the address canon (store_source_url's form) when no
 * source has it as such: the oldest one stored or subscribed under one of the addresses a
 * user takes for the same feed (url_feed_aliases: http(s), www., a trailing slash,
 * FeedBurner's ?format=xml); 0 when there is none, -1 with e set. */
static int64_t
find_alias(struct store *st, const char *canon, struct err *e)
{
	struct arena a = ARENA_INIT;
	const char **aliases;
	size_t n = url_feed_aliases(canon, &a, &aliases);
	int64_t found = 0;
	sqlite3_stmt *s = n ? store_prepare(st, "SELECT min(id) FROM sources WHERE url = ?1 OR subscribed_url = ?1", e)
	                    : NULL;
	if (n && !s)
		found = -1;
	for (size_t i = 0; s && i < n; i++) {
		sqlite3_reset(s);
		store_bind_text(s, 1, aliases[i]);
		int rc = sqlite3_step(s);
		if (rc != SQLITE_ROW) {
			found = err_set(e, "database: %s", sqlite3_errmsg(st->db));
			break;
		}
		int64_t id = sqlite3_column_int64(s, 0);
		if (id > 0 && (found == 0 || id < found))
			found = id;
	}
	sqlite3_finalize(s);
	arena_free(&a);
	return found;
}

int
store_source_add(struct store *st, enum source_kind kind, const char *url, const char *name,
                 const char *html_url, const char *category, int64_t now, int64_t *id, int *is_new,
                 struct err *e)
{
	struct buf canon = BUF_INIT;
	store_source_url(url, &canon);
	int rc = -1;
	int64_t found = find_source(st, url, buf_str(&canon), e);
	/* a user's own subscription is also found at the addresses one takes for the same feed */
	if (found == 0 && kind == SOURCE_USER)
		found = find_alias(st, buf_str(&canon), e);
	if (found < 0)
		goto out;
	if (is_new)
		*is_new = found == 0;
	if (found == 0) {
		sqlite3_stmt *s = store_prepare(st,
		                                "INSERT INTO sources(url, name, html_url, category, is_default, is_adhoc, "
		                                "added_at) VALUES (?,?,?,?,?,?,?)",
		                                e);
		if (!s)
			goto out;
		store_bind_text(s, 1, buf_str(&canon));
		store_bind_text(s, 2, name);
		store_bind_text(s, 3, html_url);
		store_bind_text(s, 4, category);
		sqlite3_bind_int(s, 5, kind == SOURCE_DEFAULT);
		sqlite3_bind_int(s, 6, kind == SOURCE_ADHOC);
		sqlite3_bind_int64(s, 7, now);
		if (step_done(st, s, e) < 0)
			goto out;
		*id = sqlite3_last_insert_rowid(st->db);
	} else {
		*id = found;
		if (kind == SOURCE_USER) {
			sqlite3_stmt *s = store_prepare(st,
			                                "UPDATE sources SET is_default = 0, is_adhoc = 0, name = coalesce(?, name), "
			                                "html_url = coalesce(?, html_url), category = coalesce(?, category) "
			                                "WHERE id = ?",
			                                e);
			if (!s)
				goto out;
			store_bind_text(s, 1, name);
			store_bind_text(s, 2, html_url);
			store_bind_text(s, 3, category);
			sqlite3_bind_int64(s, 4, found);
			if (step_done(st, s, e) < 0)
				goto out;
		}
	}
	rc = 0;
out:
	buf_free(&canon);
	return rc;
}

int
store_source_ask_again(struct store *st, int64_t id, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st, "UPDATE sources SET last_status = CASE WHEN last_status = 410 THEN NULL ELSE last_status END,"
	                                " retry_at = NULL WHERE id = ?", e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return step_done(st, s, e);
}

int
store_source_set_url_checked(struct store *st, int64_t id, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st, "UPDATE sources SET url_checked = 1 WHERE id = ?", e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return step_done(st, s, e);
}

int
store_source_name_unset(struct store *st, int64_t id, const char *name, struct err *e)
{
	if (!name)
		return 0;
	sqlite3_stmt *s = store_prepare(st, "UPDATE sources SET name = ? WHERE id = ? AND name IS NULL", e);
	if (!s)
		return -1;
	store_bind_text(s, 1, name);
	sqlite3_bind_int64(s, 2, id);
	return step_done(st, s, e);
}

int
store_source_set_user_agent(struct store *st, int64_t id, const char *user_agent, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st, "UPDATE sources SET user_agent = ? WHERE id = ?", e);
	if (!s)
		return -1;
	store_bind_text(s, 1, user_agent);
	sqlite3_bind_int64(s, 2, id);
	return step_done(st, s, e);
}

int
store_source_remove(struct store *st, const char *url, struct arena *arena, const char **removed, struct err *e)
{
	struct buf canon = BUF_INIT;
	store_source_url(url, &canon);
	*removed = NULL;
	int rc = -1;
	int64_t id = find_source(st, url, buf_str(&canon), e);
	if (id == 0)
		id = find_alias(st, buf_str(&canon), e);
	struct source src;
	if (id < 0 || (id > 0 && store_source_get(st, id, arena, &src, e) < 0))
		goto out;
	if (id == 0) {
		rc = 0;
		goto out;
	}
	/* as given or canonical, every row under it (a redirect's old address may be another's) */
	sqlite3_stmt *s = store_prepare(
		st, "DELETE FROM sources WHERE (id = ?3 OR url IN (?1, ?2) OR subscribed_url IN (?1, ?2)) AND is_adhoc = 0",
		e);
	if (!s)
		goto out;
	store_bind_text(s, 1, url);
	store_bind_text(s, 2, buf_str(&canon));
	sqlite3_bind_int64(s, 3, id);
	if (step_done(st, s, e) < 0)
		goto out;
	if (sqlite3_changes(st->db) > 0) /* an ad-hoc source stays, a user's under its URL may go */
		*removed = src.kind == SOURCE_ADHOC ? arena_strdup(arena, buf_str(&canon)) : src.url;
	rc = 0;
out:
	buf_free(&canon);
	return rc;
}

int
store_sources_count(struct store *st, int *users, int *defaults, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st,
	                                "SELECT coalesce(sum(is_default = 0 AND is_adhoc = 0), 0), "
	                                "coalesce(sum(is_default = 1 AND is_adhoc = 0), 0) FROM sources",
	                                e);
	if (!s)
		return -1;
	if (sqlite3_step(s) != SQLITE_ROW) {
		err_set(e, "database: %s", sqlite3_errmsg(st->db));
		sqlite3_finalize(s);
		return -1;
	}
	*users = sqlite3_column_int(s, 0);
	*defaults = sqlite3_column_int(s, 1);
	sqlite3_finalize(s);
	return 0;
}

int
store_sources_active(struct store *st, struct arena *arena, struct source **out, size_t *count,
                     struct err *e)
{
	int users, defaults;
	*out = NULL;
	*count = 0;
	if (store_sources_count(st, &users, &defaults, e) < 0)
		return -1;
	sqlite3_stmt *s = store_prepare(st,
	                                "SELECT " SOURCE_COLUMNS " FROM sources WHERE is_adhoc = 0 AND is_default = ? "
	                                "ORDER BY id",
	                                e);
	if (!s)
		return -1;
	sqlite3_bind_int(s, 1, users == 0);
	size_t n = (size_t)(users ? users : defaults), i = 0;
	struct source *arr = arena_alloc(arena, (n ? n : 1) * sizeof *arr);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && i < n)
		read_source(s, arena, &arr[i++]);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		err_set(e, "database: %s", sqlite3_errmsg(st->db));
		sqlite3_finalize(s);
		return -1;
	}
	sqlite3_finalize(s);
	*out = arr;
	*count = i;
	return 0;
}

int
store_source_get(struct store *st, int64_t id, struct arena *arena, struct source *out, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT " SOURCE_COLUMNS " FROM sources WHERE id = ?", e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return err_set(e, "no source with id %lld", (long long)id);
	}
	read_source(s, arena, out);
	sqlite3_finalize(s);
	return 0;
}

/* Source id moved for good (a permanent redirect) to new_url, which another source already
 * has: one feed subscribed twice (http:// and https://, a trailing slash, an old address).
 * The other source takes what it lacks of id's (the URL id was subscribed under, so that
 * importing the same list again and `feeds rm` find it; name, site, category, User-Agent)
 * and its items that it has not; id and the rest of its items (the same ones) are removed,
 * so the feed is fetched once a run and its items stored once. A user's source stays a
 * user's. Returns 0 or -1 with e set. */
static int
merge_moved(struct store *st, int64_t id, const char *new_url, struct err *e)
{
	static const char *const sql[] = {
		"UPDATE sources SET"
		" subscribed_url = coalesce(subscribed_url, (SELECT coalesce(subscribed_url, url) FROM sources WHERE id = ?1)),"
		" name = coalesce(name, (SELECT name FROM sources WHERE id = ?1)),"
		" html_url = coalesce(html_url, (SELECT html_url FROM sources WHERE id = ?1)),"
		" category = coalesce(category, (SELECT category FROM sources WHERE id = ?1)),"
		" user_agent = coalesce(user_agent, (SELECT user_agent FROM sources WHERE id = ?1)),"
		" is_default = min(is_default, (SELECT is_default FROM sources WHERE id = ?1)),"
		" is_adhoc = min(is_adhoc, (SELECT is_adhoc FROM sources WHERE id = ?1))"
		" WHERE url = ?2 AND id <> ?1",
		"UPDATE OR IGNORE items SET source_id = (SELECT id FROM sources WHERE url = ?2 AND id <> ?1)"
		" WHERE source_id = ?1 AND EXISTS (SELECT 1 FROM sources WHERE url = ?2 AND id <> ?1)",
		"UPDATE sources SET item_count = (SELECT count(*) FROM items WHERE source_id = sources.id)"
		" WHERE url = ?2 AND id <> ?1",
		"DELETE FROM sources WHERE id = ?1 AND EXISTS (SELECT 1 FROM sources WHERE url = ?2 AND id <> ?1)",
	};
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *s = store_prepare(st, sql[i], e);
		if (!s)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		store_bind_text(s, 2, new_url);
		if (step_done(st, s, e) < 0)
			return -1;
	}
	return 0;
}

int
store_source_record(struct store *st, int64_t id, const struct source_result *r, struct err *e)
{
	int is_ok = r->error == NULL;
	int is_fresh_200 = is_ok && !r->is_not_modified;
	/* Run for every feed of a fetch: a cached statement. */
	sqlite3_stmt *s = store_cached(
		st,
		"UPDATE sources SET last_attempt_at = ?1, last_status = ?2, last_error = ?3,"
		" consecutive_failures = CASE WHEN ?3 IS NULL THEN 0 ELSE consecutive_failures + 1 END,"
		" failing_since = CASE WHEN ?3 IS NULL THEN NULL WHEN consecutive_failures = 0 THEN ?1"
		"   ELSE failing_since END,"
		" retry_at = CASE WHEN ?3 IS NULL THEN NULL ELSE ?13 END,"
		" last_success_at = CASE WHEN ?3 IS NULL THEN ?1 ELSE last_success_at END,"
		" etag = CASE WHEN ?4 OR ?5 IS NOT NULL THEN ?5 ELSE etag END,"
		" last_modified = CASE WHEN ?4 OR ?6 IS NOT NULL THEN ?6 ELSE last_modified END,"
		" title = coalesce(?7, title),"
		" description = coalesce(?10, description),"
		" html_url = coalesce(html_url, ?11),"
		" avg_latency_ms = CASE WHEN ?8 < 0 THEN avg_latency_ms WHEN avg_latency_ms IS NULL THEN ?8"
		"   ELSE avg_latency_ms * 0.7 + ?8 * 0.3 END,"
		" item_count = (SELECT count(*) FROM items WHERE source_id = ?9),"
		" not_before = ?12"
		" WHERE id = ?9",
		e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, r->attempted_at);
	sqlite3_bind_int(s, 2, r->http_status);
	store_bind_text(s, 3, r->error);
	sqlite3_bind_int(s, 4, is_fresh_200);
	store_bind_text(s, 5, r->etag);
	store_bind_text(s, 6, r->last_modified);
	store_bind_text(s, 7, r->title);
	sqlite3_bind_double(s, 8, r->http_status ? (double)r->latency_ms : -1.0);
	sqlite3_bind_int64(s, 9, id);
	store_bind_text(s, 10, r->description);
	store_bind_text(s, 11, r->html_url);
	if (r->not_before)
		sqlite3_bind_int64(s, 12, r->not_before);
	else
		sqlite3_bind_null(s, 12);
	if (r->retry_at)
		sqlite3_bind_int64(s, 13, r->retry_at);
	else
		sqlite3_bind_null(s, 13);
	if (store_cached_step(st, s, e) < 0)
		return -1;
	if (is_ok && r->new_url) {
		/* OR IGNORE: when another source already has the target URL, the two are one feed:
		 * merged below. */
		s = store_prepare(st,
		                  "UPDATE OR IGNORE sources SET subscribed_url = coalesce(subscribed_url, url), "
		                  "url = ?, url_checked = ? WHERE id = ?",
		                  e);
		if (!s)
			return -1;
		store_bind_text(s, 1, r->new_url);
		sqlite3_bind_int(s, 2, r->new_url_checked);
		sqlite3_bind_int64(s, 3, id);
		if (step_done(st, s, e) < 0)
			return -1;
		if (sqlite3_changes(st->db) == 0 && merge_moved(st, id, r->new_url, e) < 0)
			return -1;
	}
	return 0;
}

int
store_source_not_before(struct store *st, int64_t id, int64_t t, struct err *e)
{
	sqlite3_stmt *s = store_prepare(st, "UPDATE sources SET not_before = max(coalesce(not_before, 0), ?) WHERE id = ?", e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, t);
	sqlite3_bind_int64(s, 2, id);
	return step_done(st, s, e);
}

/* The other source that is the same feed as source id, just fetched (its items stored), as
 * docs/cli.md "One feed at two addresses" says: the same title; at least one item (dedupe
 * key) in common; and over the span both documents cover (from the later of the two oldest
 * item dates on), neither has an item the other lacks that the other could have seen (dated
 * no later than the other's last success). A category or tag feed of the same site shares
 * items with the main feed but lacks the main feed's other posts of its span: it is not the
 * same feed. An undated item has no place in that span (its first sight says when it was
 * fetched, not when it was posted: a category feed added a day after the main feed would
 * seem to start after all of the main feed's posts), so each must be in both. Ad-hoc sources
 * are left out. Returns the other's id (the oldest when several), 0 when none, -1 with e
 * set. */
static int64_t
same_feed(struct store *st, int64_t id, struct err *e)
{
	sqlite3_stmt *s = store_prepare(
		st,
		"WITH x AS (SELECT id, title, last_success_at AS seen FROM sources WHERE id = ?1 AND is_adhoc = 0),"
		" a AS (SELECT dedupe_key AS k, published AS w FROM items WHERE source_id = ?1),"
		" y AS (SELECT s.id, s.last_success_at AS seen,"
		"   max((SELECT min(w) FROM a), (SELECT min(published) FROM items WHERE source_id = s.id)) AS t0"
		"   FROM sources s, x WHERE s.id <> x.id AND s.is_adhoc = 0 AND s.title = x.title"
		"   AND s.last_success_at > 0)"
		" SELECT y.id FROM y, x"
		" WHERE EXISTS (SELECT 1 FROM a JOIN items i ON i.source_id = y.id AND i.dedupe_key = a.k)"
		" AND NOT EXISTS (SELECT 1 FROM a WHERE (a.w IS NULL OR (a.w >= y.t0 AND a.w <= y.seen)) AND NOT EXISTS"
		"   (SELECT 1 FROM items i WHERE i.source_id = y.id AND i.dedupe_key = a.k))"
		" AND NOT EXISTS (SELECT 1 FROM items i WHERE i.source_id = y.id"
		"   AND (i.published IS NULL OR (i.published >= y.t0 AND i.published <= x.seen))"
		"   AND NOT EXISTS (SELECT 1 FROM a WHERE a.k = i.dedupe_key))"
		" ORDER BY y.id LIMIT 1",
		e);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return first_id(st, s, e);
}

int
store_source_merge_same(struct store *st, int64_t id, struct arena *arena, const char **other_url, int *kept,
                        struct err *e)
{
	*other_url = NULL;
	*kept = 1;
	int64_t other = same_feed(st, id, e);
	if (other <= 0)
		return other < 0 ? -1 : 0;
	struct source a, b;
	if (store_source_get(st, id, arena, &a, e) < 0 || store_source_get(st, other, arena, &b, e) < 0)
		return -1;
	*other_url = b.url;
	/* the source subscribed first survives, as a redirect's target would */
	*kept = id < other;
	if (*kept ? merge_moved(st, other, a.url, e) < 0 : merge_moved(st, id, b.url, e) < 0)
		return -1;
	return 1;
}

