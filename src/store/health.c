/* health.c: source statistics and feed health for reports; saving rendered reports. */
#include "store/health.h"

#include <stdio.h>
#include <string.h>

#include "feed/feed.h"
#include "feed/url.h"
#include "store/sources.h"
#include "util/buf.h"
#include "util/redact.h"

/* Binds ids[0..n) as a JSON array (SQL NULL = all sources) to parameter idx. */
static void
bind_ids(sqlite3_stmt *s, int idx, const int64_t *ids, size_t n)
{
	if (n == 0) {
		sqlite3_bind_null(s, idx);
		return;
	}
	struct buf b = BUF_INIT;
	buf_putc(&b, '[');
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i ? "," : "", (long long)ids[i]);
	buf_putc(&b, ']');
	sqlite3_bind_text(s, idx, buf_str(&b), (int)b.len, SQLITE_TRANSIENT);
	buf_free(&b);
}

#define IN_IDS(col) "(?1 IS NULL OR " col " IN (SELECT value FROM json_each(?1)))"

int
store_source_stats(struct store *st, const int64_t *ids, size_t n, struct store_source_stats *out,
                   struct err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = store_prepare(st,
		"SELECT count(*), coalesce(sum(last_success_at IS NOT NULL AND last_error IS NULL), 0),"
		" coalesce(sum(is_default), 0),"
		" (SELECT count(*) FROM items WHERE " IN_IDS("source_id") ")"
		" FROM sources WHERE " IN_IDS("id"), e);
	if (!s)
		return -1;
	bind_ids(s, 1, ids, n);
	if (sqlite3_step(s) != SQLITE_ROW) {
		err_set(e, "database: %s", sqlite3_errmsg(st->db));
		sqlite3_finalize(s);
		return -1;
	}
	out->feeds_total = sqlite3_column_int(s, 0);
	out->feeds_ok = sqlite3_column_int(s, 1);
	out->is_all_default = out->feeds_total > 0 && sqlite3_column_int(s, 2) == out->feeds_total;
	out->items_total = (long)sqlite3_column_int64(s, 3);
	sqlite3_finalize(s);
	return 0;
}

static void
push(struct arena *a, struct report_problem **list, size_t *count, size_t *cap, struct report_problem p)
{
	if (*count == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		struct report_problem *n = arena_alloc(a, ncap * sizeof *n);
		if (*count)
			memcpy(n, *list, *count * sizeof *n);
		*list = n;
		*cap = ncap;
	}
	(*list)[(*count)++] = p;
}

int
store_feed_health(struct store *st, int64_t now, int stale_days, const int64_t *ids, size_t n,
                  struct arena *arena, struct report_health *h, struct err *e)
{
	h->stale_days = stale_days;
	/* Newest post per source: the published date unless it lies in the future, else first seen;
	 * two seeks in items_source_when (dated up to ?2 or undated, by that time; the rest, rare,
	 * by first seen) rather than a walk over the source's items. */
	sqlite3_stmt *s = store_prepare(st,
		"SELECT s.name, s.title, s.url, s.last_error,"
		" (SELECT max(m) FROM (SELECT max(COALESCE(published, first_seen)) AS m FROM items"
		"    WHERE source_id = s.id AND COALESCE(published, first_seen) <= ?2"
		"  UNION ALL SELECT max(first_seen) FROM items"
		"    WHERE source_id = s.id AND COALESCE(published, first_seen) > ?2))"
		" FROM sources s WHERE " IN_IDS("s.id") " ORDER BY lower(coalesce(s.name, s.title, s.url)), s.url", e);
	if (!s)
		return -1;
	bind_ids(s, 1, ids, n);
	sqlite3_bind_int64(s, 2, now + 86400);
	size_t failed_cap = 0, stale_cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct report_problem p = {0};
		p.name = url_display_name(store_col_text(s, 0), store_col_text(s, 1), store_col_text(s, 2), arena);
		/* for display: credentials in the URL (and in an error quoting it) redacted */
		p.url = redact_str(arena, store_col_text(s, 2));
		const char *error = store_col_text(s, 3);
		if (error && *error) {
			p.detail = redact_str(arena, error);
			p.when = FEED_NO_DATE;
			push(arena, &h->failed, &h->failed_count, &failed_cap, p);
			continue;
		}
		int has_post = sqlite3_column_type(s, 4) != SQLITE_NULL;
		p.when = has_post ? sqlite3_column_int64(s, 4) : FEED_NO_DATE;
		if (!has_post || p.when < now - (int64_t)stale_days * 86400)
			push(arena, &h->stale, &h->stale_count, &stale_cap, p);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return err_set(e, "database: %s", sqlite3_errmsg(st->db));
	return 0;
}

const char *
store_source_name(struct store *st, const char *url, struct arena *arena)
{
	sqlite3_stmt *s = store_prepare(
		st, "SELECT name, title, url FROM sources WHERE url IN (?1, ?2) OR subscribed_url IN (?1, ?2) "
		"ORDER BY url = ?2 DESC LIMIT 1", NULL);
	const char *name = NULL;
	if (!s)
		return NULL;
	struct buf canon = BUF_INIT;
	store_source_url(url, &canon);
	store_bind_text(s, 1, url);
	store_bind_text(s, 2, buf_str(&canon));
	buf_free(&canon);
	if (sqlite3_step(s) == SQLITE_ROW)
		name = url_display_name(store_col_text(s, 0), store_col_text(s, 1), store_col_text(s, 2), arena);
	sqlite3_finalize(s);
	return name;
}

int
store_source_ids(struct store *st, const char *const *urls, size_t n, struct arena *arena, int64_t **ids,
                 size_t *count, struct err *e)
{
	*ids = arena_alloc(arena, (n + 1) * sizeof **ids);
	*count = 0;
	sqlite3_stmt *s = store_prepare(
		st, "SELECT id FROM sources WHERE url IN (?1, ?2) OR subscribed_url IN (?1, ?2) "
		"ORDER BY url = ?2 DESC LIMIT 1", e);
	if (!s)
		return -1;
	struct buf canon = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(s);
		store_source_url(urls[i], &canon);
		store_bind_text(s, 1, urls[i]);
		store_bind_text(s, 2, buf_str(&canon));
		if (sqlite3_step(s) == SQLITE_ROW)
			(*ids)[(*count)++] = sqlite3_column_int64(s, 0);
	}
	buf_free(&canon);
	sqlite3_finalize(s);
	return 0;
}

int
store_report_save(struct store *st, const char *kind, const char *slug, const char *lang, const char *title,
                  int64_t created_at, const char *markdown, const char *html, const char *json,
                  struct err *e)
{
	sqlite3_stmt *s = store_prepare(st,
		"INSERT INTO reports(kind, slug, lang, title, created_at, markdown, html, json)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT(kind, slug, lang) DO UPDATE SET title = excluded.title,"
		" created_at = excluded.created_at, markdown = excluded.markdown, html = excluded.html,"
		" json = excluded.json", e);
	if (!s)
		return -1;
	store_bind_text(s, 1, kind);
	store_bind_text(s, 2, slug);
	store_bind_text(s, 3, lang);
	store_bind_text(s, 4, title);
	sqlite3_bind_int64(s, 5, created_at);
	store_bind_text(s, 6, markdown);
	store_bind_text(s, 7, html);
	store_bind_text(s, 8, json);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return err_set(e, "saving the report: %s", sqlite3_errmsg(st->db));
	return 0;
}
