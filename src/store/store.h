/* store.h: the SQLite store, the seam between fetching and everything after it.
 *
 * One database file ($BRIEF_HOME/brief.db) in WAL mode so `brief serve` can read
 * while a fetch writes. The schema is versioned (PRAGMA user_version) and only ever
 * migrated forward. All SQL lives under src/store/. */
#ifndef BRIEF_STORE_STORE_H
#define BRIEF_STORE_STORE_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/err.h"

struct store_cached; /* store.c */
struct fts_vocab;    /* store/fts.h */

struct store {
	sqlite3 *db;
	char *path;
	struct store_cached *cached; /* statements kept by store_cached() */
	size_t cached_count, cached_cap;
	struct fts_vocab *vocab; /* words indexed, not yet in fts_terms (store/fts.h) */
};

/* Open (creating if needed) the database at path and migrate it to the current
 * schema. Returns 0 or -1 with e set. */
int store_open(struct store *st, const char *path, struct err *e);
/* Open the existing store at path for reading only, as a user who may not write it (a store of
 * another user, a read-only file, directory or file system): nothing is created, migrated or
 * written, and no lock is taken that a writer waits for. Its schema must be this brief's (a
 * store that needs migrating is refused, saying so). When its directory has no -shm file and
 * none can be made there, the file is read as immutable: *is_snapshot is set, and writes made
 * after the opening may not be seen. Returns 0 or -1 with e set. */
int store_open_readonly(struct store *st, const char *path, int *is_snapshot, struct err *e);
/* True when st's connection cannot write (a store opened read-only, or one SQLite opened so
 * because its file may not be written). */
int store_is_readonly(struct store *st);
/* Bytes a WAL file keeps once its pages are copied back: a fetch at millions of items lets the
 * WAL grow to ~256 MB (store/checkpoint.c), and SQLite reuses the file rather than shrinking
 * it, so while `brief serve` keeps the store open the file would stay that large. The next
 * write after a complete checkpoint cuts it to this size (PRAGMA journal_size_limit). */
#define STORE_WAL_KEEP_BYTES (64LL * 1024 * 1024)
/* Index the items a schema migration left out of the full-text index (newest first, in
 * committed batches of batch ids: an interrupted run resumes where it stopped; max_batches 0
 * = all), then switch a store made without incremental vacuum to it. store_open runs it to
 * the end; a no-op once done. Returns 0 or -1 with e set. */
int store_fts_backfill(struct store *st, int batch, int max_batches, struct err *e);
/* Pages of full-text index (FTS5 leaves of ~4 KB) one store_fts_merge after a fetch may write:
 * ~64 MB, a few seconds; a merge larger than that goes on in the next fetch. */
#define STORE_FTS_MERGE_PAGES 16000
/* Merge the full-text index's segments, at most max_pages leaf pages of work (bounded, not
 * timed): every level of the index with two segments or more is merged (FTS5 'merge' with
 * usermerge 2), continuing a merge an earlier call left unfinished. Each step is its own
 * short write; then the free pages are given back to the file system (incremental vacuum).
 * Sets *pages to the budget used (0 when nothing was left to merge). `brief fetch` runs it
 * after its last commit so that searches read few segments. Returns 0 or -1 with e set. */
int store_fts_merge(struct store *st, int max_pages, int *pages, struct err *e);
/* What the full-text index holds as an item's text (SQL text for the migrations and the
 * statements that fill the index): the feed's text (T, the packed items.text of the row),
 * then, when the item's article page was extracted (P, the packed fulltext.text of its
 * status-1 row, else NULL), a blank line and the page's text — so a search finds words that
 * only the page has. Every write to items_fts, and every 'delete' from it, computes this from
 * the rows as they are at that moment (the triggers of schema 7 re-index an item when its
 * page row changes), so what is deleted is always what was indexed. Changing it needs a
 * migration that re-indexes. */
#define STORE_FTS_DOC(T, P)                                                                       \
	"CASE WHEN " P " IS NULL THEN unpacked(" T ") ELSE COALESCE(unpacked(" T "), '') || char(10, 10) || " \
	"unpacked(" P ") END"
/* Where the lists and the digests place an item (an SQL expression over the items row T, "i."
 * or ""): its published date (else first seen), never later than when it was first seen: a
 * date ahead of the fetch that stored it (a feed's clock or zone ahead, a Chinese blog's local
 * time written with a `Z`, a placeholder years ahead) places it when it was fetched. Indexed
 * as items_placed (schema 17), whose expression this must stay. */
#define STORE_ITEM_WHEN(T) "MIN(COALESCE(" T "published, " T "first_seen), " T "first_seen)"
/* The extracted page's packed text of item ID (an SQL expression), or NULL. */
#define STORE_FTS_PAGE(ID) "(SELECT f.text FROM fulltext f WHERE f.item_id = " ID " AND f.status = 1)"
/* Rebuild the full-text index from the items (FTS5 'rebuild', one transaction: the write lock
 * for its duration, ~16 s at 300k items), for an index out of step with them (archive_health's
 * index_missing, index_orphans). Returns 0 or -1 with e set. */
int store_fts_rebuild(struct store *st, struct err *e);
/* The number of segments in the full-text index (rows of its %_idx table by segment). */
int64_t store_fts_segments(struct store *st);
/* Close the database. Safe on a zeroed struct. */
void store_close(struct store *st);
/* Whether the existing store at path can take writes, without changing it: the file opens
 * read-write, the write lock can be taken (BEGIN IMMEDIATE, then ROLLBACK), and 1 MiB can be
 * written (and removed) beside it — a full disk or a read-only directory (where SQLite's
 * journal lives) fails there. Returns 0, or -1 with the reason in e. */
int store_check_writable(const char *path, struct err *e);
/* The schema version this build writes. */
int store_schema_version(void);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. Return 0 or -1 with e set. COMMIT first adds the
 * words indexed in the transaction to the vocabulary of prefix queries. */
int store_begin(struct store *st, struct err *e);
int store_commit(struct store *st, struct err *e);
void store_rollback(struct store *st);
/* Run SQL with no results (for one-off statements). Returns 0 or -1 with e set. */
int store_exec(struct store *st, const char *sql, struct err *e);
/* Prepare a statement; on failure sets e (with the SQLite message) and returns NULL. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql, struct err *e);
/* A statement for sql prepared once per connection and kept until store_close, for hot
 * paths that run the same SQL for every feed or item. sql is the cache key by address, so
 * pass a string that lives as long as the store (a literal). The caller resets it (and
 * clears its bindings) after each use; store_cached_run does both. NULL with e set on failure. */
sqlite3_stmt *store_cached(struct store *st, const char *sql, struct err *e);
/* Step a cached statement that takes no parameters and returns no rows (SAVEPOINT, ...) and
 * reset it. Returns 0 or -1 with e set. */
int store_cached_run(struct store *st, const char *sql, struct err *e);
/* Step s (a cached statement with its parameters bound) once, then reset it and clear its
 * bindings. Returns 0 on SQLITE_DONE/SQLITE_ROW, else -1 with e set. */
int store_cached_step(struct store *st, sqlite3_stmt *s, struct err *e);
/* Bind helpers: NULL text binds SQL NULL. */
void store_bind_text(sqlite3_stmt *s, int idx, const char *text);
/* A column as a string: NULL for SQL NULL. Valid until the next step/finalize. */
const char *store_col_text(sqlite3_stmt *s, int col);
/* The same, copied into arena (NULL for SQL NULL). */
const char *store_col_dup(sqlite3_stmt *s, int col, struct arena *arena);

#endif
