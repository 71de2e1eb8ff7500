/* test_walbuf.c: the WAL-gathering VFS (src/store/walbuf.c) against the SQLite brief links:
 * its writes are gathered, every commit is seen whole by another connection (in this process
 * or another) the moment it returns and never before, a killed writer loses no commit and
 * leaves no part of one, and a failing write fails the commit. */
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/walbuf.h"
#include "testlib.h"

enum { ROWS_PER_COMMIT = 40, VALUE_BYTES = 700 };

static sqlite3 *
open_db(const char *path, const char *vfs)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs) != SQLITE_OK) {
		fprintf(stderr, "open %s: %s\n", path, db ? sqlite3_errmsg(db) : "?");
		exit(1);
	}
	sqlite3_busy_timeout(db, 5000);
	return db;
}

/* One transaction of `rows` rows of batch `batch` (keys from batch * ROWS_PER_COMMIT), each
 * value derived from its key so that a reader can check every byte it sees. Returns SQLite's
 * result for COMMIT. */
static int
write_rows(sqlite3 *db, int batch, int rows)
{
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return SQLITE_ERROR;
	sqlite3_stmt *s = NULL;
	sqlite3_prepare_v2(db, "INSERT INTO t(k, batch, v) VALUES (?, ?, ?)", -1, &s, NULL);
	char value[VALUE_BYTES + 1];
	int rc = SQLITE_OK;
	for (int i = 0; i < rows && rc == SQLITE_OK; i++) {
		long long k = (long long)batch * ROWS_PER_COMMIT + i;
		for (int j = 0; j < VALUE_BYTES; j++)
			value[j] = (char)('a' + (k * 31 + j * 7) % 26);
		value[VALUE_BYTES] = 0;
		sqlite3_bind_int64(s, 1, k);
		sqlite3_bind_int(s, 2, batch);
		sqlite3_bind_text(s, 3, value, VALUE_BYTES, SQLITE_TRANSIENT);
		rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int
write_batch(sqlite3 *db, int batch)
{
	return write_rows(db, batch, ROWS_PER_COMMIT);
}

/* Rows whose value is not the one write_batch derives from their key (0 when all are). */
static long long
bad_values(sqlite3 *db)
{
	sqlite3_stmt *s = NULL;
	long long bad = 0;
	sqlite3_prepare_v2(db, "SELECT k, v FROM t", -1, &s, NULL);
	while (sqlite3_step(s) == SQLITE_ROW) {
		long long k = sqlite3_column_int64(s, 0);
		const char *v = (const char *)sqlite3_column_text(s, 1);
		int ok = v && sqlite3_column_bytes(s, 1) == VALUE_BYTES;
		for (int j = 0; ok && j < VALUE_BYTES; j++)
			ok = v[j] == (char)('a' + (k * 31 + j * 7) % 26);
		bad += !ok;
	}
	sqlite3_finalize(s);
	return bad;
}

static void
create_table(sqlite3 *db)
{
	CHECK(sqlite3_exec(
	          db,
	          "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
	          "CREATE TABLE IF NOT EXISTS t(k INTEGER PRIMARY KEY, batch INTEGER NOT NULL, v TEXT);"
	          "CREATE INDEX IF NOT EXISTS t_batch ON t(batch)",
	          NULL, NULL, NULL) == SQLITE_OK);
}

/* A second connection sees each commit whole as soon as COMMIT returns, and nothing of a
 * transaction whose frames the writer's small page cache has already spilled into the WAL. */
static void
test_reader_sees_each_commit(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/visible.db", test_tmpdir());
	sqlite3 *w = open_db(path, NULL), *r = open_db(path, NULL);
	create_table(w);
	/* 10 pages of cache: a transaction of 40 rows of 700 bytes spills before it commits. */
	CHECK(sqlite3_exec(w, "PRAGMA cache_size = 10", NULL, NULL, NULL) == SQLITE_OK);
	struct walbuf_stats before, after;
	walbuf_stats(&before);
	int all_ok = 1;
	for (int batch = 0; batch < 150; batch++) {
		if (batch == 75) { /* a transaction in flight, spilled: not seen */
			CHECK(sqlite3_exec(
			          w,
			          "BEGIN; WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n"
			          " WHERE x < 200) INSERT INTO t(k, batch, v) SELECT 1000000 + x, -1,"
			          " printf('%.700c', 'x') FROM n",
			          NULL, NULL, NULL) == SQLITE_OK);
			CHECK_INT(test_db_query_int(r, "SELECT count(*) FROM t WHERE batch = -1"), 0);
			CHECK_INT(test_db_query_int(r, "SELECT count(*) FROM t"),
			          (long long)batch * ROWS_PER_COMMIT);
			CHECK(sqlite3_exec(w, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK);
		}
		CHECK(write_batch(w, batch) == SQLITE_OK);
		long long n = test_db_query_int(r, "SELECT count(*) FROM t");
		if (n != (long long)(batch + 1) * ROWS_PER_COMMIT) {
			fprintf(stderr, "after commit %d the reader counts %lld rows\n", batch, n);
			all_ok = 0;
		}
		if (batch % 25 == 24 && bad_values(r) != 0)
			all_ok = 0;
	}
	/* One commit of ~2 MB, many times the buffer: filled and written out again and again. */
	CHECK(write_rows(w, 1000, 3000) == SQLITE_OK);
	CHECK_INT(test_db_query_int(r, "SELECT count(*) FROM t"), 150 * ROWS_PER_COMMIT + 3000);
	CHECK(all_ok);
	walbuf_stats(&after);
	long long appends = after.appends - before.appends, writes = after.writes - before.writes;
	/* Gathered: each commit's frames (and each spill's) reach the file in a write or two. */
	CHECK(appends > 1000);
	CHECK(writes > 0 && writes * 4 < appends);
	sqlite3_close(r);
	sqlite3_close(w);

	/* The platform's own VFS reads the same file: nothing about it is ours. */
	sqlite3 *plain = open_db(path, "unix");
	CHECK_INT(test_db_query_int(plain, "SELECT count(*) FROM t"), 150 * ROWS_PER_COMMIT + 3000);
	CHECK_INT(bad_values(plain), 0);
	CHECK(test_db_query_int(
	          plain, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'") == 0);
	sqlite3_close(plain);
}

/* Another process (as `brief serve` beside `brief fetch`) reading through the platform's own
 * VFS while the writer commits: every snapshot it reads holds whole commits only, with every
 * byte as written. */
static void
test_reader_process_sees_whole_commits(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/shared.db", test_tmpdir());
	sqlite3 *w = open_db(path, NULL);
	create_table(w);
	CHECK(sqlite3_exec(w, "PRAGMA cache_size = 10", NULL, NULL, NULL) == SQLITE_OK);
	enum { BATCHES = 200 };
	pid_t pid = fork();
	if (pid == 0) {
		sqlite3 *r = open_db(path, "unix");
		long long seen = 0, reads = 0;
		int ok = 1;
		while (ok && seen < BATCHES) {
			ok = sqlite3_exec(r, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
			long long rows = test_db_query_int(r, "SELECT count(*) FROM t");
			long long batches = test_db_query_int(r, "SELECT count(DISTINCT batch) FROM t");
			ok = ok && rows == batches * ROWS_PER_COMMIT && batches >= seen &&
			     (++reads % 16 != 0 || bad_values(r) == 0);
			sqlite3_exec(r, "COMMIT", NULL, NULL, NULL);
			seen = batches;
		}
		ok = ok && bad_values(r) == 0;
		sqlite3_close(r);
		_exit(ok && reads > 1 ? 0 : 1);
	}
	for (int batch = 0; batch < BATCHES; batch++)
		CHECK(write_batch(w, batch) == SQLITE_OK);
	int status = 0;
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	sqlite3_close(w);
}

/* A writer killed at a random moment: every commit it reported is there, whole, and no part
 * of the transaction it was in. */
static void
test_killed_writer_keeps_commits(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/killed.db", test_tmpdir());
	for (int round = 0; round < 3; round++) {
		/* The last round's killed writer left its WAL and wal-index beside the database: a new
		 * database must not start with them, or it would recover that round's frames. */
		static const char *const suffixes[] = {"", "-wal", "-shm"};
		for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
			char file[600];
			snprintf(file, sizeof file, "%s%s", path, suffixes[k]);
			unlink(file);
		}
		int fds[2];
		CHECK(pipe(fds) == 0);
		pid_t pid = fork();
		if (pid == 0) {
			close(fds[0]);
			sqlite3 *w = open_db(path, NULL);
			create_table(w);
			sqlite3_exec(w, "PRAGMA cache_size = 10", NULL, NULL, NULL);
			for (int batch = 0;; batch++) {
				if (write_batch(w, batch) != SQLITE_OK)
					_exit(2);
				if (write(fds[1], &batch, sizeof batch) != sizeof batch)
					_exit(3);
			}
		}
		close(fds[1]);
		int last = -1, got;
		/* Kill it after 30, 60 or 90 reported commits, while it writes the next. */
		while (last < 30 * (round + 1) && read(fds[0], &got, sizeof got) == sizeof got)
			last = got;
		kill(pid, SIGKILL);
		while (read(fds[0], &got, sizeof got) == sizeof got)
			last = got;
		close(fds[0]);
		int status = 0;
		waitpid(pid, &status, 0);
		CHECK(WIFSIGNALED(status));

		sqlite3 *db = open_db(path, "unix");
		CHECK(test_db_query_int(
		          db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'") ==
		      0);
		long long batches = test_db_query_int(db, "SELECT count(DISTINCT batch) FROM t");
		CHECK(batches >= last + 1);
		CHECK(batches <= last + 2); /* the one in flight may have committed unreported */
		CHECK_INT(test_db_query_int(db, "SELECT count(*) FROM t"), batches * ROWS_PER_COMMIT);
		CHECK_INT(test_db_query_int(db, "SELECT max(batch) + 1 FROM t"), batches);
		CHECK_INT(bad_values(db), 0);
		sqlite3_close(db);
	}
}

/* Copy the file at src to dst as it is on disk (what a reader would find if the writer's
 * process died now). Returns 0 or -1. */
static int
copy_file(const char *src, const char *dst)
{
	FILE *in = fopen(src, "rb"), *out = in ? fopen(dst, "wb") : NULL;
	char chunk[65536];
	size_t n;
	int ok = in && out;
	while (ok && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
		ok = fwrite(chunk, 1, n, out) == n;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

/* Every commit is in the files the moment COMMIT returns, as a writer killed right then would
 * leave them: its frames, and the frame headers SQLite rewrites after the commit frame when the
 * transaction wrote a page a second time (their checksums: with the old ones, recovery stops
 * before the commit). After each commit the database and its WAL are copied as they are on
 * disk and opened from the copy, without the writer's wal-index, so the copy is recovered. */
static void
test_commit_is_on_disk_when_it_returns(void)
{
	char path[512], wal[600], copy[600], copy_wal[600], copy_shm[600];
	snprintf(path, sizeof path, "%s/ondisk.db", test_tmpdir());
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(copy, sizeof copy, "%s/ondisk-copy.db", test_tmpdir());
	snprintf(copy_wal, sizeof copy_wal, "%s-wal", copy);
	snprintf(copy_shm, sizeof copy_shm, "%s-shm", copy);
	sqlite3 *w = open_db(path, NULL);
	create_table(w);
	/* A cache of 10 pages: a transaction spills, and writes some pages again before it ends. */
	CHECK(sqlite3_exec(w, "PRAGMA cache_size = 10; PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL) ==
	      SQLITE_OK);
	int lost = 0;
	for (int batch = 0; batch < 60; batch++) {
		CHECK(write_batch(w, batch) == SQLITE_OK);
		unlink(copy_shm);
		CHECK(copy_file(path, copy) == 0 && copy_file(wal, copy_wal) == 0);
		sqlite3 *r = open_db(copy, "unix");
		long long n = test_db_query_int(r, "SELECT count(*) FROM t");
		sqlite3_close(r);
		if (n != (long long)(batch + 1) * ROWS_PER_COMMIT) {
			fprintf(stderr, "after commit %d the files on disk hold %lld rows\n", batch, n);
			lost++;
		}
	}
	CHECK_INT(lost, 0);
	sqlite3_close(w);
}

/* A write of the gathered frames that fails (the file size limit, in a child) fails the
 * COMMIT, and the database still holds exactly what was committed before. */
static void
test_failed_write_fails_commit(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/full.db", test_tmpdir());
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGXFSZ, SIG_IGN);
		sqlite3 *w = open_db(path, NULL);
		create_table(w);
		for (int batch = 0; batch < 5; batch++)
			if (write_batch(w, batch) != SQLITE_OK)
				_exit(10);
		struct rlimit lim = {.rlim_cur = 400 * 1024, .rlim_max = RLIM_INFINITY};
		if (setrlimit(RLIMIT_FSIZE, &lim) != 0)
			_exit(11);
		int failed = 0;
		for (int batch = 5; batch < 40 && !failed; batch++)
			failed = write_batch(w, batch) != SQLITE_OK;
		if (!failed)
			_exit(12);
		long long committed = test_db_query_int(w, "SELECT count(DISTINCT batch) FROM t");
		sqlite3_close(w);
		lim.rlim_cur = RLIM_INFINITY;
		setrlimit(RLIMIT_FSIZE, &lim);
		sqlite3 *r = open_db(path, "unix");
		int ok =
		    test_db_query_int(r, "SELECT count(*) FROM t") == committed * ROWS_PER_COMMIT &&
		    bad_values(r) == 0 && committed >= 5 &&
		    test_db_query_int(
		        r, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'") == 0;
		sqlite3_close(r);
		_exit(ok ? 0 : 13);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status));
	CHECK_INT(WEXITSTATUS(status), 0);
}

int
main(void)
{
	CHECK(walbuf_register() == 0);
	CHECK(walbuf_register() == 0);
	CHECK_STR(sqlite3_vfs_find(NULL)->zName, "brief-walbuf");
	test_reader_sees_each_commit();
	test_reader_process_sees_whole_commits();
	test_killed_writer_keeps_commits();
	test_commit_is_on_disk_when_it_returns();
	test_failed_write_fails_commit();
	return test_done("test_walbuf");
}
