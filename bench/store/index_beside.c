/* index_beside.c: a prototype of the one insert-path design docs/store.md measured last: the
 * full-text index written by a connection of its own into a second database file while
 * `brief fetch` stores the rows (bench/store/insert.py --beside runs it).
 *
 *     index_beside MAIN_DB INDEX_DB DONE_FILE
 *
 * MAIN_DB is a store whose indexing triggers were dropped (so the fetch writes rows only);
 * INDEX_DB is a copy of the same store standing in for the index's file (its items_fts as the
 * store left it, with its merge cycle where it was). The program notes the highest item id at
 * start, then reads each item committed after it back through items_doc (the text the index
 * would read) and inserts it into INDEX_DB's items_fts, in transactions of up to BATCH rows with
 * the store's own tokenizer and prefix vocabulary. When DONE_FILE exists and nothing new is
 * left it runs the merge brief fetch runs after its last commit (store_fts_merge, the same
 * budget) and prints what it did on stderr. Exit status 0, or 1 with a message. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/pack.h"
#include "store/store.h"
#include "util/err.h"

#define BATCH 4000     /* rows per indexing transaction: about what a fetch commit holds */
#define POLL_US 20000  /* wait between looks for new rows */

static double
now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int
fail(const char *what, const char *msg)
{
	fprintf(stderr, "index_beside: %s: %s\n", what, msg);
	return 1;
}

/* Index up to BATCH items of rows (the store the fetch writes) with ids above *last into st's
 * items_fts, in one transaction; *last becomes the highest id indexed. Returns the number of
 * items, or -1 with e set. */
static int
index_batch(sqlite3 *rows, sqlite3_stmt *read, struct store *st, sqlite3_stmt *insert, sqlite3_int64 *last,
            struct err *e)
{
	int n = 0;
	if (sqlite3_exec(rows, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return err_set(e, "rows: %s", sqlite3_errmsg(rows));
	if (store_begin(st, e) < 0) {
		sqlite3_exec(rows, "COMMIT", NULL, NULL, NULL);
		return -1;
	}
	sqlite3_bind_int64(read, 1, *last);
	sqlite3_bind_int(read, 2, BATCH);
	int rc;
	while ((rc = sqlite3_step(read)) == SQLITE_ROW) {
		*last = sqlite3_column_int64(read, 0);
		sqlite3_bind_int64(insert, 1, *last);
		sqlite3_bind_value(insert, 2, sqlite3_column_value(read, 1));
		sqlite3_bind_value(insert, 3, sqlite3_column_value(read, 2));
		if (sqlite3_step(insert) != SQLITE_DONE) {
			rc = SQLITE_ERROR;
			err_set(e, "index: %s", sqlite3_errmsg(st->db));
			sqlite3_reset(insert);
			break;
		}
		sqlite3_reset(insert);
		n++;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ERROR)
		err_set(e, "rows: %s", sqlite3_errmsg(rows));
	sqlite3_reset(read);
	sqlite3_exec(rows, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_DONE) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, e) < 0 ? -1 : n;
}

int
main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: index_beside MAIN_DB INDEX_DB DONE_FILE\n");
		return 2;
	}
	struct err e = {0};
	struct store st;
	if (store_open(&st, argv[2], &e) < 0)
		return fail(argv[2], e.msg);
	sqlite3 *rows_db = NULL;
	if (sqlite3_open_v2(argv[1], &rows_db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    store_pack_register(rows_db) < 0)
		return fail(argv[1], rows_db ? sqlite3_errmsg(rows_db) : "cannot open");
	sqlite3_stmt *max = NULL, *read = NULL, *insert = NULL;
	if (sqlite3_prepare_v2(rows_db, "SELECT COALESCE(MAX(id), 0) FROM items", -1, &max, NULL) != SQLITE_OK ||
	    sqlite3_step(max) != SQLITE_ROW ||
	    sqlite3_prepare_v2(rows_db, "SELECT id, title, text FROM items_doc WHERE id > ?1 ORDER BY id LIMIT ?2", -1,
	                       &read, NULL) != SQLITE_OK)
		return fail(argv[1], sqlite3_errmsg(rows_db));
	sqlite3_int64 last = sqlite3_column_int64(max, 0);
	sqlite3_finalize(max);
	if (!(insert = store_prepare(&st, "INSERT INTO items_fts(rowid, title, text) VALUES (?1, ?2, ?3)", &e)))
		return fail(argv[2], e.msg);

	long items = 0;
	double first = 0, busy = 0;
	for (;;) {
		double t = now_s();
		int n = index_batch(rows_db, read, &st, insert, &last, &e);
		if (n < 0)
			return fail("indexing", e.msg);
		if (n > 0) {
			if (first == 0)
				first = t;
			items += n;
			busy += now_s() - t;
			continue;
		}
		if (access(argv[3], F_OK) == 0)
			break;
		usleep(POLL_US);
	}
	double merge_start = now_s();
	int pages = 0;
	if (store_fts_merge(&st, STORE_FTS_MERGE_PAGES, &pages, &e) < 0)
		return fail("merge", e.msg);
	double end = now_s();
	fprintf(stderr, "index_beside: %ld items indexed in %.2f s (%.2f s in transactions); merge after the run: "
	        "%d pages in %.2f s\n", items, first > 0 ? merge_start - first : 0.0, busy, pages, end - merge_start);
	sqlite3_finalize(read);
	sqlite3_finalize(insert);
	sqlite3_close(rows_db);
	store_close(&st);
	return 0;
}
