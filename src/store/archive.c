/* archive.c: the store's read side for the web archive and the doctor (see archive.h). */
#include "store/archive.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed/url.h"

/* The error of the last statement on st, as a value. */
static int
db_failed(struct store *st, struct err *e)
{
	return err_set(e, "%s", sqlite3_errmsg(st->db));
}

/* Grow *arr (elements of size sz) so that index n fits; the old contents are copied, the
 * arrays live in arena. */
static void *
grow(struct arena *arena, void *arr, size_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return arr;
	size_t ncap = *cap ? *cap * 2 : 16;
	void *p = arena_alloc(arena, ncap * sz);
	if (arr)
		memcpy(p, arr, *cap * sz);
	*cap = ncap;
	return p;
}

int
archive_reports(struct store *st, const char *before, int newer, int limit, int with_bodies, struct arena *arena,
                struct archive_report **out, size_t *count, struct err *e)
{
	*out = NULL;
	*count = 0;
	long long at = INT64_MAX, id = INT64_MAX;
	if (before && sscanf(before, "%lld.%lld", &at, &id) != 2)
		at = id = INT64_MAX, newer = 0;
	if (!before)
		newer = 0;
	/* "newer": the same order walked up from the cursor, turned round below. */
	struct buf sql = BUF_INIT;
	/* The Markdown of a report saved untitled is read too: it is listed by its first heading. */
	buf_printf(&sql, "SELECT kind, slug, lang, title, created_at, id, %s FROM reports WHERE ",
	           with_bodies ? "html, markdown" : "NULL, CASE WHEN coalesce(title, '') = '' THEN markdown END");
	/* Only a report with a page to show (as report_beside): one saved with its JSON alone, or
	 * its HTML and Markdown saved empty, was listed and linked to a 404. */
	buf_puts(&sql, "(html <> '' OR markdown <> '') AND ");
	buf_puts(&sql, newer ? "(created_at > ?2 OR (created_at = ?2 AND id > ?3)) ORDER BY created_at ASC, id ASC"
	                     : "(created_at < ?2 OR (created_at = ?2 AND id < ?3)) ORDER BY created_at DESC, id DESC");
	buf_puts(&sql, " LIMIT ?1");
	sqlite3_stmt *s = store_prepare(st, buf_str(&sql), NULL);
	buf_free(&sql);
	if (!s)
		return db_failed(st, e);
	sqlite3_bind_int(s, 1, limit);
	sqlite3_bind_int64(s, 2, at);
	sqlite3_bind_int64(s, 3, id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = grow(arena, *out, *count, &cap, sizeof **out);
		struct archive_report *r = &(*out)[(*count)++];
		memset(r, 0, sizeof *r);
		r->kind = store_col_dup(s, 0, arena);
		r->slug = store_col_dup(s, 1, arena);
		r->lang = store_col_dup(s, 2, arena);
		r->title = store_col_dup(s, 3, arena);
		r->created_at = sqlite3_column_int64(s, 4);
		r->id = sqlite3_column_int64(s, 5);
		/* an empty body is no body: the feed falls back to the other */
		r->html = sqlite3_column_bytes(s, 6) ? store_col_dup(s, 6, arena) : NULL;
		r->markdown = sqlite3_column_bytes(s, 7) ? store_col_dup(s, 7, arena) : NULL;
	}
	sqlite3_finalize(s);
	for (size_t a = 0, b = *count; newer && a + 1 < b; a++, b--) { /* newest first */
		struct archive_report t = (*out)[a];
		(*out)[a] = (*out)[b - 1];
		(*out)[b - 1] = t;
	}
	return rc == SQLITE_DONE ? 0 : db_failed(st, e);
}

int
archive_report_body(struct store *st, const char *kind, const char *slug, size_t slug_len, const char *lang,
                    const char *column, struct buf *body, struct buf *title, struct err *e)
{
	if (strcmp(column, "html") != 0 && strcmp(column, "json") != 0 && strcmp(column, "markdown") != 0)
		return err_set(e, "no such report format: %s", column);
	struct buf sql = BUF_INIT;
	buf_printf(&sql,
	           "SELECT %s, title FROM reports WHERE kind = ?1 AND slug = ?2 AND (?3 IS NULL OR lang = ?3) "
	           "AND %s <> '' ORDER BY created_at DESC, id DESC LIMIT 1",
	           column, column);
	sqlite3_stmt *s = store_prepare(st, sql.data, NULL);
	buf_free(&sql);
	if (!s)
		return db_failed(st, e);
	store_bind_text(s, 1, kind);
	sqlite3_bind_text(s, 2, slug, (int)slug_len, SQLITE_TRANSIENT);
	store_bind_text(s, 3, lang);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		buf_append(body, sqlite3_column_text(s, 0), (size_t)sqlite3_column_bytes(s, 0));
		if (title)
			buf_append(title, sqlite3_column_text(s, 1), (size_t)sqlite3_column_bytes(s, 1));
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_failed(st, e);
	return rc == SQLITE_ROW;
}

int
archive_report_lang(struct store *st, const char *kind, const char *slug, size_t slug_len, char *lang,
                    size_t size, struct err *e)
{
	lang[0] = '\0';
	sqlite3_stmt *s = store_prepare(st,
		"SELECT lang FROM reports WHERE kind = ?1 AND slug = ?2 AND (html <> '' OR markdown <> '') "
		"ORDER BY created_at DESC, id DESC LIMIT 1", NULL);
	if (!s)
		return db_failed(st, e);
	store_bind_text(s, 1, kind);
	sqlite3_bind_text(s, 2, slug, (int)slug_len, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(lang, size, "%s", store_col_text(s, 0) ? store_col_text(s, 0) : "");
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_failed(st, e);
	return rc == SQLITE_ROW;
}

/* The report beside (at, id) on one side (older: below it, else above) into r (id 0 when
 * none). 0 or -1 with e set. */
static int
report_beside(struct store *st, const char *kind, const char *lang, int64_t at, int64_t id, int older,
              struct arena *arena, struct archive_report *r, struct err *e)
{
	memset(r, 0, sizeof *r);
	sqlite3_stmt *s = store_prepare(st,
		older ? "SELECT slug, title, created_at, id, CASE WHEN coalesce(title, '') = '' THEN markdown END"
		        " FROM reports WHERE kind = ?1 AND lang = ?2"
		        " AND (created_at < ?3 OR (created_at = ?3 AND id < ?4)) AND (html <> '' OR markdown <> '')"
		        " ORDER BY created_at DESC, id DESC LIMIT 1"
		      : "SELECT slug, title, created_at, id, CASE WHEN coalesce(title, '') = '' THEN markdown END"
		        " FROM reports WHERE kind = ?1 AND lang = ?2"
		        " AND (created_at > ?3 OR (created_at = ?3 AND id > ?4)) AND (html <> '' OR markdown <> '')"
		        " ORDER BY created_at ASC, id ASC LIMIT 1",
		NULL);
	if (!s)
		return db_failed(st, e);
	store_bind_text(s, 1, kind);
	store_bind_text(s, 2, lang);
	sqlite3_bind_int64(s, 3, at);
	sqlite3_bind_int64(s, 4, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		r->kind = arena_strdup(arena, kind);
		r->lang = arena_strdup(arena, lang);
		r->slug = store_col_dup(s, 0, arena);
		r->title = store_col_dup(s, 1, arena);
		r->created_at = sqlite3_column_int64(s, 2);
		r->id = sqlite3_column_int64(s, 3);
		r->markdown = sqlite3_column_bytes(s, 4) ? store_col_dup(s, 4, arena) : NULL;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_failed(st, e);
}

int
archive_report_neighbours(struct store *st, const char *kind, const char *slug, size_t slug_len, const char *lang,
                          struct arena *arena, struct archive_report *older, struct archive_report *newer,
                          struct err *e)
{
	memset(older, 0, sizeof *older);
	memset(newer, 0, sizeof *newer);
	sqlite3_stmt *s = store_prepare(st,
		"SELECT created_at, id FROM reports WHERE kind = ?1 AND slug = ?2 AND lang = ?3", NULL);
	if (!s)
		return db_failed(st, e);
	store_bind_text(s, 1, kind);
	sqlite3_bind_text(s, 2, slug, (int)slug_len, SQLITE_TRANSIENT);
	store_bind_text(s, 3, lang);
	int rc = sqlite3_step(s);
	int found = rc == SQLITE_ROW;
	int64_t at = found ? sqlite3_column_int64(s, 0) : 0, id = found ? sqlite3_column_int64(s, 1) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : db_failed(st, e);
	if (report_beside(st, kind, lang, at, id, 1, arena, older, e) < 0 ||
	    report_beside(st, kind, lang, at, id, 0, arena, newer, e) < 0)
		return -1;
	return 1;
}

int
archive_item(struct store *st, int64_t id, struct arena *arena, struct archive_item_detail *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = store_prepare(
		st,
		"SELECT i.title, i.link, i.author, i.published, i.first_seen, unpacked(i.text), i.categories, "
		"s.name, s.title, s.url, s.html_url, v.engine, v.relevance, v.quality, v.timeliness, "
		"v.category, v.keywords, unpacked(f.text), f.url FROM items i JOIN sources s ON s.id = i.source_id "
		"LEFT JOIN verdicts v ON v.item_id = i.id "
		"LEFT JOIN fulltext f ON f.item_id = i.id AND f.status = 1 WHERE i.id = ?1",
		NULL);
	if (!s)
		return db_failed(st, e);
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return rc == SQLITE_DONE ? 0 : db_failed(st, e);
	}
	out->title = store_col_dup(s, 0, arena);
	out->link = store_col_dup(s, 1, arena);
	out->author = store_col_dup(s, 2, arena);
	out->published = sqlite3_column_int64(s, 3);
	out->first_seen = sqlite3_column_int64(s, 4);
	out->text = store_col_dup(s, 5, arena);
	out->categories = store_col_dup(s, 6, arena);
	out->source = url_display_name(store_col_text(s, 7), store_col_text(s, 8), store_col_text(s, 9), arena);
	out->source_html_url = store_col_dup(s, 10, arena);
	out->engine = store_col_dup(s, 11, arena);
	out->relevance = sqlite3_column_int(s, 12);
	out->quality = sqlite3_column_int(s, 13);
	out->timeliness = sqlite3_column_int(s, 14);
	out->category = store_col_dup(s, 15, arena);
	out->keywords = store_col_dup(s, 16, arena);
	out->page_text = store_col_dup(s, 17, arena);
	out->page_url = out->page_text ? store_col_dup(s, 18, arena) : NULL;
	sqlite3_finalize(s);

	s = store_prepare(st, "SELECT lang, title, summary, reason FROM enrichments WHERE item_id = ?1 ORDER BY lang",
	                  NULL);
	if (!s)
		return db_failed(st, e);
	sqlite3_bind_int64(s, 1, id);
	size_t cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->enrichments = grow(arena, out->enrichments, out->enrichment_count, &cap, sizeof *out->enrichments);
		struct archive_enrichment *en = &out->enrichments[out->enrichment_count++];
		en->lang = store_col_dup(s, 0, arena);
		en->title = store_col_dup(s, 1, arena);
		en->summary = store_col_dup(s, 2, arena);
		en->reason = store_col_dup(s, 3, arena);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 1 : db_failed(st, e);
}

/* The first column of the first row of sql as a number, or -1 when it cannot be read. */
static long
count_rows(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;
	long n = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

enum archive_health_status
archive_health(const char *path, struct archive_health *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		err_set(e, "%s", db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return ARCHIVE_HEALTH_CANNOT_OPEN;
	}
	sqlite3_busy_timeout(db, 5000);
	out->version = count_rows(db, "PRAGMA user_version");
	if (out->version < 0) {
		err_set(e, "%s", sqlite3_errmsg(db));
		sqlite3_close(db);
		return ARCHIVE_HEALTH_UNREADABLE;
	}
	sqlite3_stmt *s = NULL;
	struct buf check = BUF_INIT;
	if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &s, NULL) == SQLITE_OK) {
		while (sqlite3_step(s) == SQLITE_ROW && check.len < 300) {
			if (check.len)
				buf_puts(&check, "; ");
			buf_puts(&check, (const char *)sqlite3_column_text(s, 0));
		}
	} else {
		buf_puts(&check, sqlite3_errmsg(db));
	}
	sqlite3_finalize(s);
	snprintf(out->integrity, sizeof out->integrity, "%s", buf_str(&check));
	buf_free(&check);
	if (out->version >= 1 && out->version <= store_schema_version()) {
		out->has_counts = 1;
		out->sources = count_rows(db, "SELECT count(*) FROM sources");
		out->own_sources =
		    count_rows(db, "SELECT count(*) FROM sources WHERE is_default = 0 AND is_adhoc = 0");
		out->failing = count_rows(db, "SELECT count(*) FROM sources WHERE consecutive_failures > 0");
		out->items = count_rows(db, "SELECT count(*) FROM items");
		out->reports = count_rows(db, "SELECT count(*) FROM reports");
		out->last_success = count_rows(db, "SELECT COALESCE(max(last_success_at), 0) FROM sources");
	}
	/* The index's own row list (its docsize table: one row per indexed row) against the items,
	 * by id: read-only and without the tokenizer, unlike FTS5's 'integrity-check' (an INSERT,
	 * so a write transaction held for the whole check). One walk of items_when (the ids, not
	 * the rows: 0.45 s for 300k rows of 1.5 KB, where reading the table took 1.7-3.4 s) with a
	 * lookup in docsize each. Items not indexed yet (below the backfill's mark, queued by a
	 * writer) do not count. */
	out->index_missing = out->index_orphans = -1;
	sqlite3_stmt *x = NULL;
	if (out->version >= 5 && out->version <= store_schema_version() &&
	    sqlite3_prepare_v2(db,
	                       "SELECT COALESCE(sum(d.id IS NULL AND i.id >= (SELECT below FROM fts_rebuild)"
	                       "   AND NOT EXISTS (SELECT 1 FROM fts_pending p WHERE p.id = i.id)), 0),"
	                       " (SELECT count(*) FROM items_fts_docsize) - count(d.id)"
	                       " FROM items i INDEXED BY items_when LEFT JOIN items_fts_docsize d ON d.id = i.id",
	                       -1, &x, NULL) == SQLITE_OK &&
	    sqlite3_step(x) == SQLITE_ROW) {
		out->index_missing = (long)sqlite3_column_int64(x, 0);
		out->index_orphans = (long)sqlite3_column_int64(x, 1);
	}
	sqlite3_finalize(x);
	out->file_bytes = count_rows(db, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
	/* dbstat reads every page of the index: a few seconds at millions of items, fine for doctor. */
	out->index_bytes = count_rows(db, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'items_fts%'");
	sqlite3_stmt *p = NULL;
	if (sqlite3_prepare_v2(db, "SELECT at, items, keep_days FROM prune_log ORDER BY id DESC LIMIT 1", -1, &p,
	                       NULL) == SQLITE_OK && sqlite3_step(p) == SQLITE_ROW) {
		out->pruned_at = sqlite3_column_int64(p, 0);
		out->pruned_items = (long)sqlite3_column_int64(p, 1);
		out->pruned_keep_days = (long)sqlite3_column_int64(p, 2);
	}
	sqlite3_finalize(p);
	sqlite3_close(db);
	return ARCHIVE_HEALTH_OK;
}
