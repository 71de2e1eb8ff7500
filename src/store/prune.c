/* prune.c: removing old item bodies, keeping cited items and dedupe keys (see prune.h). */
#include "store/prune.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* Items per transaction: small enough that a reader or the fetcher waits milliseconds. */
#define PRUNE_BATCH 2000

static int
step_done(struct store *st, sqlite3_stmt *s, struct err *e)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return err_set(e, "database %s: %s", st->path, sqlite3_errmsg(st->db));
	return 0;
}

/* Every string under a "link" key anywhere in j, into temp.cited. */
static int
cite_json(struct store *st, sqlite3_stmt *ins, json_t *j, struct err *e)
{
	const char *key;
	json_t *v;
	size_t i;
	if (json_is_object(j)) {
		json_object_foreach(j, key, v)
		{
			if (strcmp(key, "link") == 0 && json_is_string(v)) {
				sqlite3_bind_text(ins, 1, json_string_value(v), -1, SQLITE_TRANSIENT);
				if (step_done(st, ins, e) < 0)
					return -1;
			} else if (cite_json(st, ins, v, e) < 0) {
				return -1;
			}
		}
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v)
		if (cite_json(st, ins, v, e) < 0)
			return -1;
	}
	return 0;
}

/* s[0..n) with its %XX escapes decoded, into out. */
static void
percent_decode(const char *s, size_t n, struct buf *out)
{
	for (size_t k = 0; k < n; k++) {
		if (s[k] == '%' && k + 2 < n && isxdigit((unsigned char)s[k + 1]) && isxdigit((unsigned char)s[k + 2])) {
			char hex[3] = {s[k + 1], s[k + 2], '\0'};
			buf_putc(out, (char)strtol(hex, NULL, 16));
			k += 2;
		} else {
			buf_putc(out, s[k]);
		}
	}
}

/* Every link target "](URL)" of a Markdown text, into temp.cited (the further sources of a
 * story are only in the Markdown and HTML renderings); one with %XX escapes also decoded, as
 * the item's link: the renderer percent-encodes '(', ')', quotes and bytes from 0x7F
 * (esc_md_url), and a link may hold "%28" itself, so both forms are kept. */
static int
cite_markdown(struct store *st, sqlite3_stmt *ins, const char *md, struct err *e)
{
	for (const char *p = md ? strstr(md, "](") : NULL; p; p = strstr(p, "](")) {
		p += 2;
		size_t n = strcspn(p, ") \n");
		if (p[n] != ')' || n == 0)
			continue;
		sqlite3_bind_text(ins, 1, p, (int)n, SQLITE_TRANSIENT);
		if (step_done(st, ins, e) < 0)
			return -1;
		if (!memchr(p, '%', n))
			continue;
		struct buf raw = BUF_INIT;
		percent_decode(p, n, &raw);
		sqlite3_bind_text(ins, 1, buf_str(&raw), (int)raw.len, SQLITE_TRANSIENT);
		int rc = step_done(st, ins, e);
		buf_free(&raw);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* Fill temp.cited with every link the saved reports cite. */
static int
collect_cited(struct store *st, struct err *e)
{
	if (store_exec(st, "CREATE TEMP TABLE IF NOT EXISTS cited(link TEXT PRIMARY KEY) WITHOUT ROWID;"
	                   "DELETE FROM temp.cited", e) < 0)
		return -1;
	sqlite3_stmt *ins = store_prepare(st, "INSERT OR IGNORE INTO temp.cited(link) VALUES (?1)", e);
	sqlite3_stmt *s = ins ? store_prepare(st, "SELECT json, markdown FROM reports", e) : NULL;
	int rc = s ? 0 : -1;
	int step = SQLITE_DONE;
	while (rc == 0 && (step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *js = (const char *)sqlite3_column_text(s, 0);
		json_t *j = js ? json_loads(js, 0, NULL) : NULL;
		rc = cite_json(st, ins, j, e);
		json_decref(j);
		if (rc == 0)
			rc = cite_markdown(st, ins, (const char *)sqlite3_column_text(s, 1), e);
	}
	/* reports read half way would leave cited items out of the list, and prune their bodies */
	if (rc == 0 && step != SQLITE_DONE)
		rc = err_set(e, "database %s: reading reports: %s", st->path, sqlite3_errmsg(st->db));
	sqlite3_finalize(s);
	sqlite3_finalize(ins);
	return rc;
}

static int64_t
file_bytes(struct store *st)
{
	sqlite3_stmt *s = store_prepare(st, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
	                                NULL);
	int64_t n = s && sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return n;
}

/* Old items, walked by id (the + 0 keeps SQLite off the index, whose order would make each
 * batch sort every old item), old by where the digests place them (STORE_ITEM_WHEN): an item a
 * feed dates years ahead (a 2099 placeholder) ages from when it was first seen, as the lists
 * show it, instead of keeping its body for ever; one is cited when its link or canonical link is, or, for an item
 * without a link, one of its enclosures' URLs: the reports link such an item (a podcast
 * episode) to its first web enclosure (store/select.c). Enclosures that are not JSON (a row
 * written by hand) are read as none rather than failing the prune. */
#define OLD_ITEMS                                                                                  \
	" FROM items i WHERE " STORE_ITEM_WHEN("i.") " + 0 < ?1 AND i.pruned_at IS NULL"
#define IS_CITED                                                                                   \
	" (EXISTS (SELECT 1 FROM temp.cited c WHERE c.link IN (i.link, i.canonical_link))"               \
	"  OR (i.link IS NULL AND i.enclosures IS NOT NULL AND EXISTS (SELECT 1 FROM temp.cited c"       \
	"   WHERE c.link IN (SELECT json_extract(je.value, '$.url') FROM json_each(CASE WHEN"             \
	"    json_valid(i.enclosures) THEN i.enclosures END) je WHERE je.type = 'object'))))"

/* Free pages one step of the incremental vacuum after a prune gives back, each step its own
 * transaction (a fetch waiting for the write lock gets in between). */
#define PRUNE_VACUUM_STEP 500

/* PRAGMA incremental_vacuum in steps of PRUNE_VACUUM_STEP pages until no free page is left.
 * 0 or -1 with e set. */
static int
prune_vacuum(struct store *st, struct err *e)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA incremental_vacuum(%d)", PRUNE_VACUUM_STEP);
	for (;;) {
		sqlite3_stmt *s = store_prepare(st, "PRAGMA freelist_count", e);
		if (!s)
			return -1;
		int64_t free_pages = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		sqlite3_finalize(s);
		if (free_pages == 0)
			return 0;
		if (store_exec(st, sql, e) < 0)
			return -1;
	}
}

int
store_prune(struct store *st, int64_t now, int keep_days, int dry_run, struct prune_result *r, struct err *e)
{
	memset(r, 0, sizeof *r);
	if (keep_days < 1)
		return err_set(e, "keep_days must be at least 1, not %d", keep_days);
	r->cutoff = now - (int64_t)keep_days * 86400;
	r->bytes_before = file_bytes(st);
	if (collect_cited(st, e) < 0)
		return -1;
	sqlite3_stmt *count = store_prepare(st, "SELECT count(*), COALESCE(sum(" IS_CITED "), 0)" OLD_ITEMS, e);
	if (!count)
		return -1;
	sqlite3_bind_int64(count, 1, r->cutoff);
	int counted = sqlite3_step(count) == SQLITE_ROW;
	if (counted) {
		r->kept_cited = sqlite3_column_int64(count, 1);
		r->items = sqlite3_column_int64(count, 0) - r->kept_cited;
	} else {
		err_set(e, "database %s: counting old items: %s", st->path, sqlite3_errmsg(st->db));
	}
	sqlite3_finalize(count);
	if (!counted) /* a dry run would report nothing to prune */
		return -1;
	if (dry_run) {
		r->bytes_after = r->bytes_before;
		return 0;
	}
	/* Batches by id, so each row is looked at once however many are old. A row is deleted and
	 * written back without its bodies rather than updated: SQLite rebalances (and frees) pages
	 * a delete leaves underfull, never ones an update shrinks. Foreign keys are off meanwhile
	 * so the delete does not cascade to the item's verdict and enrichments. */
	static const char *const steps[] = {
		"DELETE FROM temp.prune_rows",
		("INSERT INTO temp.prune_rows SELECT * FROM items WHERE id IN (SELECT i.id" OLD_ITEMS
		 "  AND i.id > ?2 AND NOT" IS_CITED " ORDER BY i.id LIMIT ?4)"),
		("UPDATE temp.prune_rows SET text = NULL, summary = NULL, content = NULL, enclosures = NULL,"
		 " comments = NULL, pruned_at = ?3"),
		"DELETE FROM items WHERE id IN (SELECT id FROM temp.prune_rows)",
		"INSERT INTO items SELECT * FROM temp.prune_rows",
		/* the article page fetched for a pruned item goes with its body (foreign keys are
		 * off, so the delete above did not cascade); a cited item keeps its page */
		"DELETE FROM fulltext WHERE item_id IN (SELECT id FROM temp.prune_rows)",
		"SELECT count(*), max(id) FROM temp.prune_rows",
	};
	enum { NSTEPS = sizeof steps / sizeof steps[0] };
	if (store_exec(st, "PRAGMA foreign_keys = OFF;"
	                   "CREATE TEMP TABLE IF NOT EXISTS prune_rows AS SELECT * FROM items WHERE 0", e) < 0)
		return -1;
	sqlite3_stmt *stmt[NSTEPS] = {0};
	int rc = 0;
	for (int k = 0; k < NSTEPS && rc == 0; k++)
		if (!(stmt[k] = store_prepare(st, steps[k], e)))
			rc = -1;
	int64_t last = 0;
	while (rc == 0) {
		if (store_begin(st, e) < 0) {
			rc = -1;
			break;
		}
		int64_t n = 0;
		for (int k = 0; k < NSTEPS && rc == 0; k++) {
			sqlite3_stmt *q = stmt[k];
			for (int i = 1; i <= sqlite3_bind_parameter_count(q); i++) {
				const char *name = sqlite3_bind_parameter_name(q, i); /* "?N"; NULL for an unused N */
				if (!name)
					continue;
				int64_t v = name[1] == '1' ? r->cutoff : name[1] == '2' ? last : name[1] == '3' ? now : PRUNE_BATCH;
				sqlite3_bind_int64(q, i, v);
			}
			int step = sqlite3_step(q);
			if (step == SQLITE_ROW && k == NSTEPS - 1) {
				n = sqlite3_column_int64(q, 0);
				if (n)
					last = sqlite3_column_int64(q, 1);
			} else if (step != SQLITE_DONE) {
				rc = err_set(e, "database %s: pruning: %s", st->path, sqlite3_errmsg(st->db));
			}
			sqlite3_reset(q);
		}
		if (rc < 0) {
			store_rollback(st);
			break;
		}
		if (store_commit(st, e) < 0) {
			rc = -1;
			break;
		}
		if (n < PRUNE_BATCH)
			break;
	}
	for (int k = 0; k < NSTEPS; k++)
		sqlite3_finalize(stmt[k]);
	struct err e2;
	if (store_exec(st, "PRAGMA foreign_keys = ON", rc < 0 ? &e2 : e) < 0 || rc < 0)
		return -1;
	/* The index keeps delete markers until its segments merge: after a large prune, rewrite it
	 * whole (it only shrinks then); after a small one, merge a bounded amount. */
	int64_t total = 0;
	sqlite3_stmt *cnt = store_prepare(st, "SELECT count(*) FROM items", e);
	if (!cnt)
		return -1;
	if (sqlite3_step(cnt) == SQLITE_ROW)
		total = sqlite3_column_int64(cnt, 0);
	sqlite3_finalize(cnt);
	if (store_exec(st, r->items * 10 > total ? "INSERT INTO items_fts(items_fts) VALUES ('optimize')"
	                                         : "INSERT INTO items_fts(items_fts, rank) VALUES ('merge', 2000)",
	               e) < 0)
		return -1;
	/* Give the free pages back to the file system, a bounded number per transaction: in one
	 * statement this grew with what the prune freed (most of the store, the first time a
	 * year's store is pruned) and held the write lock all along, while a fetch waits 10 s. */
	if (prune_vacuum(st, e) < 0 || store_exec(st, "PRAGMA wal_checkpoint(TRUNCATE)", e) < 0)
		return -1;
	r->bytes_after = file_bytes(st);
	sqlite3_stmt *log = store_prepare(st,
		"INSERT INTO prune_log(at, keep_days, items, kept_cited, bytes_freed) VALUES (?1, ?2, ?3, ?4, ?5)", e);
	if (!log)
		return -1;
	sqlite3_bind_int64(log, 1, now);
	sqlite3_bind_int(log, 2, keep_days);
	sqlite3_bind_int64(log, 3, r->items);
	sqlite3_bind_int64(log, 4, r->kept_cited);
	sqlite3_bind_int64(log, 5, r->bytes_before - r->bytes_after);
	rc = step_done(st, log, e);
	sqlite3_finalize(log);
	return rc;
}
