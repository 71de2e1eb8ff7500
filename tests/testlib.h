/* testlib.h: the tiny assertion and fixture library every test program uses. */
#ifndef BRIEF_TESTLIB_H
#define BRIEF_TESTLIB_H

#include <stdio.h>
#include <string.h>

#include "util/buf.h"

extern int test_failures;
extern int test_checks;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		test_checks++;                                                                     \
		if (!(cond)) {                                                                     \
			test_failures++;                                                           \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);  \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                                                       \
	do {                                                                                       \
		const char *g_ = (got), *w_ = (want);                                              \
		test_checks++;                                                                     \
		if ((g_ == NULL) != (w_ == NULL) || (g_ && strcmp(g_, w_) != 0)) {                 \
			test_failures++;                                                           \
			fprintf(stderr, "%s:%d: %s\n   got: %s%s%s\n  want: %s%s%s\n", __FILE__,    \
			        __LINE__, #got, g_ ? "\"" : "", g_ ? g_ : "NULL", g_ ? "\"" : "",  \
			        w_ ? "\"" : "", w_ ? w_ : "NULL", w_ ? "\"" : "");                 \
		}                                                                                  \
	} while (0)

#define CHECK_INT(got, want)                                                                       \
	do {                                                                                       \
		long long g_ = (long long)(got), w_ = (long long)(want);                           \
		test_checks++;                                                                     \
		if (g_ != w_) {                                                                    \
			test_failures++;                                                           \
			fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__, #got, \
			        g_, w_);                                                           \
		}                                                                                  \
	} while (0)

/* Print the summary and return the exit status for main(): 1 when a check failed, else 77
 * (skipped: what ctest reports and scripts/check-skips.sh fails CI on) when test_skip_part
 * was called, else 0. */
int test_done(const char *name);
/* Record that a part of the test did not run because why (what is missing) is not there: the
 * test's other checks still count, and test_done reports the whole test as skipped rather
 * than passed. */
void test_skip_part(const char *why);
/* A fresh temporary directory (removed at exit unless BRIEF_KEEP_TMP is set). */
const char *test_tmpdir(void);
/* $BRIEF_SHARED (the shared corpus dir) or NULL; test_need_shared() exits 77 (skip) without it. */
const char *test_shared(void);
const char *test_need_shared(void);
/* A home directory for the programs a test runs: <test_tmpdir()>/user-home, made on first
 * use. Tests must never read or write the real user's home (an empty brief.db once appeared
 * in ~/.local/share/brief from a test that ran brief with an empty --home). */
const char *test_user_home(void);
/* In a forked child before exec: HOME = home (test_user_home()), and the user's BRIEF_HOME,
 * BRIEF_CONFIG and XDG_{DATA,CONFIG,CACHE,STATE}_HOME unset, so that brief's state and
 * config (and any other program's files) default to places inside the test's temporary
 * directory. Whatever the test then sets for the child itself still wins. */
void test_isolate_child(const char *home);
/* Path of the built brief binary ($BRIEF_BIN). */
const char *test_brief_bin(void);
/* Run argv (NULL-terminated) with optional stdin data; capture stdout/stderr into the
 * given buffers (either may be NULL). The child is isolated (test_isolate_child: HOME is
 * test_user_home()); extra environment "K=V" strings in env (NULL-terminated, may be NULL)
 * are added after that. Returns the exit status, or -1 if it died from a signal. */
int test_run(char *const argv[], char *const env[], const char *stdin_data, struct buf *out,
             struct buf *err);
struct store;
struct sqlite3;
/* The first column of the first row of sql on db as a number, or -1 when there is none. */
long long test_db_query_int(struct sqlite3 *db, const char *sql);
/* test_db_query_int on the store's connection. */
long long test_query_int(struct store *st, const char *sql);
/* Read a whole file; aborts the test on failure. */
void test_read_file(const char *path, struct buf *out);
/* Write a whole file; aborts the test on failure. */
void test_write_file(const char *path, const char *data, size_t len);

#endif
