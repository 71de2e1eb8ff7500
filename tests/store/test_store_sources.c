/* test_store_sources.c: the identity of sources on real SQLite files: the check after each
 * fetch that another source is the same feed at another address (store_source_merge_same)
 * reads only the sources of the same title, however many there are; and a category feed of a
 * blog whose items carry no dates is not taken for the blog's main feed. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "feed/feed.h"
#include "store/items.h"
#include "store/sources.h"
#include "testlib.h"

#define NOW 1796000000LL
#define DAY 86400LL

static struct store st;
static struct store_items w;

static void
open_store(const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", test_tmpdir(), name);
	struct err e;
	CHECK(store_open(&st, path, &e) == 0);
	CHECK(store_items_open(&w, &st, &e) == 0);
}

static void
close_store(void)
{
	store_items_close(&w);
	store_close(&st);
}

/* A user source at url, fetched (a 200) at `at` with the feed title `title`; its id. Call
 * inside a transaction. */
static int64_t
fetched_source(const char *url, const char *title, int64_t at)
{
	struct err e;
	int64_t id = 0;
	CHECK(store_source_add(&st, SOURCE_USER, url, NULL, NULL, NULL, at, &id, NULL, &e) == 0);
	struct source_result r = {.attempted_at = at, .http_status = 200, .title = title, .latency_ms = 10};
	CHECK(store_source_record(&st, id, &r, &e) == 0);
	return id;
}

/* Store the item with guid `guid` (published at `published`, or FEED_NO_DATE) of source id,
 * first seen at now. */
static void
put(int64_t id, const char *guid, int64_t published, int64_t now)
{
	struct feed_item it;
	memset(&it, 0, sizeof it);
	char link[128];
	snprintf(link, sizeof link, "https://blog.example/%s", guid);
	it.id = guid;
	it.link = link;
	it.title = guid;
	it.text = "text";
	it.summary = "text";
	it.published = published;
	it.updated = FEED_NO_DATE;
	enum store_put_result r;
	struct err e;
	CHECK(store_item_put(&w, id, &it, now, &r, &e) == 0);
}

/* The VM steps of the statements that finished while tracing, summed into *arg. */
static int
count_steps(unsigned type, void *arg, void *p, void *x)
{
	(void)x;
	if (type == SQLITE_TRACE_PROFILE)
		*(long long *)arg += sqlite3_stmt_status(p, SQLITE_STMTSTATUS_VM_STEP, 0);
	return 0;
}

/* Run the same-feed check for source id; returns what store_source_merge_same returned and
 * the VM steps it took in *steps (its time is said on stderr). */
static int
merge_check(int64_t id, long long *steps)
{
	struct arena a = ARENA_INIT;
	const char *other;
	int kept;
	struct err e;
	struct timespec t0, t1;
	*steps = 0;
	sqlite3_trace_v2(st.db, SQLITE_TRACE_PROFILE, count_steps, steps);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int merged = store_source_merge_same(&st, id, &a, &other, &kept, &e);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	sqlite3_trace_v2(st.db, 0, NULL, NULL);
	/* said, not asserted: the figure docs/store.md quotes */
	fprintf(stderr, "  merge check of source %lld: %.3f ms\n", (long long)id,
	        (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	arena_free(&a);
	return merged;
}

/* 10,000 subscriptions, each fetched, none of the same title: the check after a source's fetch
 * costs about the same as with 10 (it finds the sources of its title through an index), and a
 * second address of one feed is still found and merged. It read every source of the store
 * after every 200: at 10,000 sources a run of them did 10^8 row visits. */
static void
test_merge_check_indexed(void)
{
	long long steps_small = 0, steps_large = 0;
	struct err e;
	char url[128], title[64];
	for (int round = 0; round < 2; round++) {
		int n = round == 0 ? 10 : 10000;
		char name[64];
		snprintf(name, sizeof name, "merge_scale_%d.db", n);
		open_store(name);
		CHECK(store_begin(&st, &e) == 0);
		for (int i = 0; i < n; i++) {
			snprintf(url, sizeof url, "https://blog%d.example/feed", i);
			snprintf(title, sizeof title, "Blog %d", i);
			int64_t id = fetched_source(url, title, NOW - DAY);
			put(id, "first", NOW - 3 * DAY, NOW - DAY);
		}
		int64_t a = fetched_source("https://same.example/feed", "Same", NOW - DAY);
		int64_t b = fetched_source("https://feeds.feedburner.com/SameBlog", "Same", NOW);
		for (int i = 0; i < 5; i++) {
			char guid[16];
			snprintf(guid, sizeof guid, "post-%d", i);
			put(a, guid, NOW - (5 - i) * DAY, NOW - DAY);
			put(b, guid, NOW - (5 - i) * DAY, NOW);
		}
		CHECK(store_commit(&st, &e) == 0);
		/* the check after a 200 of a feed subscribed once, what nearly every fetch runs */
		long long steps;
		CHECK_INT(merge_check(n / 2, &steps), 0);
		if (round == 0)
			steps_small = steps;
		else
			steps_large = steps;
		CHECK_INT(merge_check(b, &steps), 1);
		CHECK_INT(test_query_int(&st, "SELECT count(*) FROM sources"), n + 1);
		close_store();
	}
	fprintf(stderr, "  merge check: %lld VM steps at 10 sources, %lld at 10,000\n", steps_small, steps_large);
	CHECK(steps_large < 2 * steps_small + 100);
}

/* A blog whose items carry no dates, subscribed twice: its main feed, fetched yesterday, and
 * a category feed of it (the same title, two of its posts) added and fetched today. An undated
 * item is placed at its first sight, so the category's posts seemed newer than all of the
 * main feed's, the span both cover held nothing of the main feed's, and the category feed
 * was merged into the main feed: the subscription the user had just added was gone. It is
 * kept now; the same blog at a second address listing the same posts is still one source. */
static void
test_undated_category_kept(void)
{
	open_store("undated.db");
	struct err e;
	long long steps;
	CHECK(store_begin(&st, &e) == 0);
	int64_t main_feed = fetched_source("https://undated.example/feed", "Undated", NOW - DAY);
	static const char *const posts[] = {"a", "b", "c", "d", "e"};
	for (int i = 0; i < 5; i++)
		put(main_feed, posts[i], FEED_NO_DATE, NOW - DAY);
	int64_t category = fetched_source("https://undated.example/category/c/feed", "Undated", NOW);
	put(category, "b", FEED_NO_DATE, NOW);
	put(category, "d", FEED_NO_DATE, NOW);
	CHECK(store_commit(&st, &e) == 0);
	CHECK_INT(merge_check(category, &steps), 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM sources"), 2);
	/* the blog at another address, listing the same posts: the same feed */
	CHECK(store_begin(&st, &e) == 0);
	int64_t copy = fetched_source("https://feeds.feedburner.com/Undated", "Undated", NOW);
	for (int i = 0; i < 5; i++)
		put(copy, posts[i], FEED_NO_DATE, NOW);
	CHECK(store_commit(&st, &e) == 0);
	CHECK_INT(merge_check(copy, &steps), 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM sources"), 2);
	CHECK_INT(test_query_int(&st, "SELECT item_count FROM sources WHERE url = 'https://undated.example/feed'"), 5);
	close_store();
}

int
main(void)
{
	test_merge_check_indexed();
	test_undated_category_kept();
	return test_done("test_store_sources");
}
