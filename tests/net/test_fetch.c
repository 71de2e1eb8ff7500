/* test_fetch.c: fetching over real HTTP on loopback into a real SQLite store: items and
 * health stored, conditional GET on the second run (< 5 % of the bytes), gzip, charset from
 * HTTP, content changes, posts that share a guid or link or change its form, the index merge
 * after each run, per-host cap, redirects (permanent ones update the stored URL), feeds through
 * the parse thread. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "feed/feed.h"
#include "netlib.h"
#include "store/sources.h"
#include "testlib.h"
#include "util/fs.h"

static struct fsrv srv;

static void
test_store_and_conditional(void)
{
	static const char *const paths[] = {"/rss.xml", "/atom.xml?gzip=1", "/noguid.xml",
	                                    "/latin1.xml?charset=iso-8859-1", "/gen/g1?items=20",
	                                    "/gen/g2?items=12&noetag=1"};
	const size_t n = sizeof paths / sizeof paths[0];
	struct store st;
	t_store_open(&st, t_subdir("cond"));
	for (size_t i = 0; i < n; i++)
		t_add_source(&st, fsrv_url(&srv, paths[i]));
	fsrv_reset(&srv);
	struct arena a = ARENA_INIT;
	struct fetch_summary s1, s2;
	t_fetch(&st, 60, &a, &s1);
	t_print_failures(&s1);
	CHECK_INT(s1.feeds_total, n);
	CHECK_INT(s1.feeds_ok, n);
	CHECK_INT(s1.feeds_failed, 0);
	CHECK_INT(s1.items_new, 12 + 10 + 7 + 1 + 20 + 12);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 62);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE last_success_at IS NOT NULL"
	                           " AND last_status = 200 AND consecutive_failures = 0 AND item_count > 0"),
	          n);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE etag IS NOT NULL"), n - 1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE last_modified IS NOT NULL"), n);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM fetch_log WHERE http_status = 200 AND bytes > 0"), n);
	/* the HTTP charset reached the parser; the canonical link was stored */
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE title = 'Crème brûlée'"), 1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE canonical_link = 'https://links.example.com/p/0'"), 1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE canonical_link ="
	                           " 'https://blog.example.org/posts/3'"), 1);
	/* gzip was negotiated: fewer bytes on the wire than the file has */
	long long gz_bytes = 0;
	CHECK(fsrv_stat(&srv, "/atom.xml?gzip=1", NULL, NULL, NULL, &gz_bytes) == 0);
	CHECK(gz_bytes > 0 && gz_bytes < 9590 / 2);
	char ua[256];
	fsrv_user_agent(&srv, "/rss.xml", ua, sizeof ua);
	CHECK(strncmp(ua, "brief/", 6) == 0);

	/* second run, nothing changed: a conditional request for every feed, all 304 */
	fsrv_reset(&srv);
	t_fetch(&st, 60, &a, &s2);
	t_print_failures(&s2);
	CHECK_INT(s2.feeds_ok, n);
	CHECK_INT(s2.feeds_not_modified, n);
	CHECK_INT(s2.items_new, 0);
	CHECK_INT(s2.items_total, 0);
	for (size_t i = 0; i < n; i++) {
		long req = -1, cond = -1, nm = -1;
		CHECK(fsrv_stat(&srv, paths[i], &req, &cond, &nm, NULL) == 0);
		CHECK_INT(req, 1);
		CHECK_INT(cond, 1);
		CHECK_INT(nm, 1);
	}
	CHECK(s2.bytes * 20 < s1.bytes);
	fprintf(stderr, "conditional run: %lld of %lld bytes (%.1f%%)\n", (long long)s2.bytes, (long long)s1.bytes,
	        100.0 * (double)s2.bytes / (double)s1.bytes);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 62);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM fetch_log WHERE http_status = 304"), n);
	arena_free(&a);
	store_close(&st);
}

/* A validator is a header value the next run sends back: one holding a bare CR (which
 * libcurl passes through both ways) would put a header of the server's choosing into the
 * next request, on every hop of it. Such an ETag is not kept; the Last-Modified beside it is. */
static void
test_validator_with_cr(void)
{
	struct store st;
	t_store_open(&st, t_subdir("etagcr"));
	t_add_source(&st, fsrv_url(&srv, "/rss.xml?etagcr=1"));
	fsrv_reset(&srv);
	struct arena a = ARENA_INIT;
	struct fetch_summary s1;
	t_fetch(&st, 60, &a, &s1);
	t_print_failures(&s1);
	CHECK_INT(s1.feeds_ok, 1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE instr(etag, char(13)) > 0"), 0);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE last_modified IS NOT NULL"), 1);
	arena_free(&a);
	store_close(&st);
}

/* A 304 updates the stored validators (RFC 9111 4.3.4): a server that answers each
 * conditional request with 304 and a new ETag is asked with that new one next time, and so
 * stays 304. Before, the ETag of the last 200 was sent forever: every later run got the
 * whole feed again, parsed it and found nothing new. */
static void
test_validators_from_304(void)
{
	const char *path = "/rss.xml?etagseq=1&nolm=1";
	struct store st;
	t_store_open(&st, t_subdir("etag304"));
	t_add_source(&st, fsrv_url(&srv, path));
	fsrv_reset(&srv);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch(&st, 60, &a, &s);
	t_print_failures(&s);
	CHECK_INT(s.feeds_ok, 1);
	CHECK_INT(s.feeds_not_modified, 0);
	long long stored = t_query_int(&st, "SELECT count(*) FROM items");
	CHECK(stored > 0);
	for (int run = 2; run <= 4; run++) { /* each a 304 carrying the next ETag */
		t_fetch(&st, 60, &a, &s);
		t_print_failures(&s);
		CHECK_INT(s.feeds_ok, 1);
		CHECK_INT(s.feeds_not_modified, 1);
		CHECK_INT(s.items_total, 0);
		char want[64];
		snprintf(want, sizeof want, "SELECT count(*) FROM sources WHERE etag = '\"v%d\"'", run);
		CHECK_INT(t_query_int(&st, want), 1);
	}
	long req = -1, cond = -1, nm = -1;
	CHECK(fsrv_stat(&srv, path, &req, &cond, &nm, NULL) == 0);
	CHECK_INT(req, 4);
	CHECK_INT(cond, 3);
	CHECK_INT(nm, 3);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), stored);
	arena_free(&a);
	store_close(&st);
}

/* Every fetch ends with a bounded merge of the full-text index: after each of many small
 * fetches (a new feed each, so a commit or more each) the index has at most two segments,
 * where FTS5's automerge alone keeps up to three per level. */
static void
test_index_merge(void)
{
	struct store st;
	t_store_open(&st, t_subdir("merge"));
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	int64_t most = 0;
	for (int i = 0; i < 12; i++) {
		char path[64];
		snprintf(path, sizeof path, "/gen/merge%d?items=3", i);
		t_add_source(&st, fsrv_url(&srv, path));
		t_fetch(&st, 60, &a, &s);
		CHECK_INT(s.items_new, 3);
		int64_t segs = store_fts_segments(&st);
		if (segs > most)
			most = segs;
	}
	fprintf(stderr, "index merge: at most %lld segments after a fetch\n", (long long)most);
	CHECK(most >= 1 && most <= 2);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 36);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'merge*'"), 36);
	arena_free(&a);
	store_close(&st);
}

static void
write_feed(const char *dir, const char *body)
{
	char path[600];
	snprintf(path, sizeof path, "%s/live.xml", dir);
	test_write_file(path, body, strlen(body));
}

static void
test_changes(void)
{
	const char *root = t_subdir("live-root");
	struct fsrv live;
	fsrv_start(&live, root, NULL);
	write_feed(root, "<rss version=\"2.0\"><channel><title>Live</title>"
	                 "<item><guid>1</guid><title>one</title><description>first text</description></item>"
	                 "<item><guid>2</guid><title>two</title><description>second text</description></item>"
	                 "</channel></rss>");
	struct store st;
	t_store_open(&st, t_subdir("changes"));
	t_add_source(&st, fsrv_url(&live, "/live.xml"));
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch(&st, 60, &a, &s);
	CHECK_INT(s.items_new, 2);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE changed_at IS NULL"), 2);
	sleep(1); /* a new mtime, so Last-Modified changes too */
	write_feed(root, "<rss version=\"2.0\"><channel><title>Live</title>"
	                 "<item><guid>1</guid><title>one</title><description>first text, edited</description></item>"
	                 "<item><guid>2</guid><title>two</title><description>second text</description></item>"
	                 "<item><guid>3</guid><title>three</title><description>third</description></item>"
	                 "</channel></rss>");
	t_fetch(&st, 60, &a, &s);
	CHECK_INT(s.feeds_not_modified, 0);
	CHECK_INT(s.items_new, 1);
	CHECK_INT(s.items_total, 3);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 3);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE changed_at IS NOT NULL AND dedupe_key = 'g:1'"), 1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE changed_at IS NOT NULL"), 1);
	CHECK_INT(t_query_int(&st, "SELECT item_count FROM sources"), 3);
	arena_free(&a);
	store_close(&st);
	fsrv_stop(&live);
}

/* A feed of the given items (each "<item>...</item>") written to root/live.xml, a second later
 * than the last (a new mtime, so Last-Modified changes and the fetch gets the new body). */
static void
write_items(const char *root, const char *items)
{
	char body[4096];
	snprintf(body, sizeof body, "<rss version=\"2.0\"><channel><title>Shared</title>%s</channel></rss>", items);
	sleep(1);
	write_feed(root, body);
}

/* Two posts of one feed that share their key, by a CMS that gives every post one guid or a feed
 * whose every item links to the homepage, are two items: before, the second overwrote the first
 * as it was stored (a post lost from every digest, and the row rewritten at each fetch). They
 * stay two as a third post comes with the same key, and when one is alone in the feed again. */
static void
test_shared_keys(void)
{
#define POST(GUID, LINK, TITLE, DAY) \
	"<item>" GUID "<title>" TITLE "</title><link>" LINK "</link><description>" TITLE " text</description>" \
	"<pubDate>" DAY " Dec 2026 10:00:00 GMT</pubDate></item>"
#define ONE_GUID(TITLE, PATH, DAY) POST("<guid isPermaLink=\"false\">post</guid>", "https://cms.example.com/" PATH, TITLE, DAY)
#define HOMEPAGE(TITLE, DAY) POST("", "https://news.example.com/", TITLE, DAY)
	static const char *const docs[][2] = {
		{ONE_GUID("Alpha", "a", "01") ONE_GUID("Beta", "b", "02"), HOMEPAGE("Alpha", "01") HOMEPAGE("Beta", "02")},
		{ONE_GUID("Gamma", "c", "03") ONE_GUID("Alpha", "a", "01") ONE_GUID("Beta", "b", "02"),
		 HOMEPAGE("Gamma", "03") HOMEPAGE("Alpha", "01") HOMEPAGE("Beta", "02")},
		{ONE_GUID("Beta", "b", "02"), HOMEPAGE("Beta", "02")},
	};
	static const int news[] = {2, 1, 0};
	for (int kind = 0; kind < 2; kind++) {
		const char *root = t_subdir(kind ? "homepage-root" : "one-guid-root");
		struct fsrv live;
		fsrv_start(&live, root, NULL);
		struct store st;
		t_store_open(&st, t_subdir(kind ? "homepage" : "one-guid"));
		t_add_source(&st, fsrv_url(&live, "/live.xml"));
		struct arena a = ARENA_INIT;
		struct fetch_summary s;
		for (size_t run = 0; run < sizeof docs / sizeof docs[0]; run++) {
			write_items(root, docs[run][kind]);
			t_fetch(&st, 60, &a, &s);
			CHECK_INT(s.feeds_ok, 1);
			CHECK_INT(s.items_new, news[run]);
			CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), run ? 3 : 2);
			CHECK_INT(t_query_int(&st, "SELECT count(DISTINCT title) FROM items"), run ? 3 : 2);
			CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE text LIKE title || ' text'"), run ? 3 : 2);
			/* nothing rewritten: the posts seen before are the same */
			CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE changed_at IS NOT NULL"), 0);
		}
		arena_free(&a);
		store_close(&st);
		fsrv_stop(&live);
	}
#undef HOMEPAGE
#undef ONE_GUID
#undef POST
}

/* A post whose guid or link changes form between fetches, as a blog that moves to https or
 * whose generator's permalinks gain a trailing slash or tracking parameters, is the post seen
 * before, updated in place: before, each came back as a new item (shown again in the next
 * digest beside the old one). A new post is still new, and two posts whose URLs differ in
 * more than that stay two. */
static void
test_url_forms(void)
{
#define ITEM(GUID, LINK, TITLE) \
	"<item>" GUID "<title>" TITLE "</title><link>" LINK "</link><description>" TITLE " text</description></item>"
#define GUID(URL) "<guid>" URL "</guid>"
	static const char *const docs[] = {
		ITEM(GUID("http://blog.example.com/p/1/"), "http://blog.example.com/p/1/", "One")
		ITEM(GUID("https://blog.example.com/p/2"), "https://blog.example.com/p/2", "Two")
		ITEM(GUID("https://blog.example.com/p/3"), "https://blog.example.com/p/3", "Three")
		ITEM("", "http://www.blog.example.com/p/4?utm_medium=feed", "Four")
		ITEM(GUID("https://blog.example.com/p/6"), "https://blog.example.com/p/6", "Six"),
		ITEM(GUID("https://blog.example.com/p/1"), "https://blog.example.com/p/1", "One")
		ITEM(GUID("https://blog.example.com/p/2?utm_source=rss"), "https://blog.example.com/p/2", "Two")
		ITEM(GUID("https://blog.example.com/p/3#comments"), "https://blog.example.com/p/3", "Three")
		ITEM("", "https://blog.example.com/p/4/", "Four")
		ITEM(GUID("https://blog.example.com/p/6"), "https://blog.example.com/p/6", "Six")
		ITEM(GUID("https://blog.example.com/p/66"), "https://blog.example.com/p/66", "Sixty-six")
		ITEM(GUID("http://blog.example.com/p/5"), "http://blog.example.com/p/5", "Five"),
	};
	const char *root = t_subdir("forms-root");
	struct fsrv live;
	fsrv_start(&live, root, NULL);
	struct store st;
	t_store_open(&st, t_subdir("forms"));
	t_add_source(&st, fsrv_url(&live, "/live.xml"));
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	write_items(root, docs[0]);
	t_fetch(&st, 60, &a, &s);
	CHECK_INT(s.items_new, 5);
	write_items(root, docs[1]);
	t_fetch(&st, 60, &a, &s);
	CHECK_INT(s.feeds_ok, 1);
	CHECK_INT(s.items_new, 2); /* Sixty-six and Five */
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 7);
	CHECK_INT(t_query_int(&st, "SELECT count(DISTINCT title) FROM items"), 7);
	/* the posts seen before keep their rows and first-seen times, under the keys they have now */
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE id <= 5 AND dedupe_key IN"
	                           " ('g:https://blog.example.com/p/1', 'g:https://blog.example.com/p/2?utm_source=rss',"
	                           " 'g:https://blog.example.com/p/3#comments', 'l:https://blog.example.com/p/4/',"
	                           " 'g:https://blog.example.com/p/6')"),
	          5);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE title = 'One' AND link = 'https://blog.example.com/p/1'"), 1);
	/* the third fetch finds each under its key */
	write_items(root, docs[1]);
	t_fetch(&st, 60, &a, &s);
	CHECK_INT(s.items_new, 0);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 7);
	arena_free(&a);
	store_close(&st);
	fsrv_stop(&live);
#undef GUID
#undef ITEM
}

static void
test_per_host_cap(void)
{
	struct store st;
	t_store_open(&st, t_subdir("perhost"));
	char path[128];
	for (int i = 0; i < 8; i++) {
		snprintf(path, sizeof path, "/gen/ph%d?delay=150", i);
		t_add_source(&st, fsrv_url(&srv, path));
		snprintf(path, sizeof path, "http://localhost:%d/gen/lh%d?delay=150", srv.port, i);
		t_add_source(&st, path);
	}
	fsrv_reset(&srv);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	struct fetch_opts o;
	struct err e;
	fetch_opts_default(&o);
	o.per_host = 2;
	o.progress = 0;
	CHECK(fetch_run(&st, NULL, &o, &a, &s, &e) == 0);
	t_print_failures(&s);
	CHECK_INT(s.feeds_ok, 16);
	int m1 = fsrv_host_max(&srv, "127.0.0.1"), m2 = fsrv_host_max(&srv, "localhost");
	CHECK(m1 >= 1 && m1 <= 2);
	CHECK(m2 >= 1 && m2 <= 2);
	/* keep-alive: a host's 8 feeds ride on its (at most 2) reused connections */
	int c1 = fsrv_host_connections(&srv, "127.0.0.1"), c2 = fsrv_host_connections(&srv, "localhost");
	CHECK(c1 >= 1 && c1 <= 2);
	CHECK(c2 >= 1 && c2 <= 2);
	arena_free(&a);
	store_close(&st);
}

static void
test_redirects(void)
{
	struct store st;
	t_store_open(&st, t_subdir("redirects"));
	const char *perm = fsrv_url(&srv, "/gen/r1?chain=2&code=301");
	const char *temp = fsrv_url(&srv, "/gen/r2?chain=1&code=302");
	const char *five = fsrv_url(&srv, "/gen/r3?chain=5&code=308");
	const char *six = fsrv_url(&srv, "/gen/r4?chain=6");
	const char *loop = fsrv_url(&srv, "/loop/a");
	/* its 302 leads to a feed of its own: one the others serve too would be the same feed,
	 * merged into that source (docs/cli.md) */
	const char *mixed = fsrv_url(&srv, "/gen/r5?chain=1&code=301&redirect=302&to=%2Fgen%2Fr6");
	int64_t id_perm = t_add_source(&st, perm), id_temp = t_add_source(&st, temp);
	int64_t id_five = t_add_source(&st, five);
	t_add_source(&st, six);
	t_add_source(&st, loop);
	int64_t id_mixed = t_add_source(&st, mixed);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch(&st, 60, &a, &s);
	t_print_failures(&s);
	CHECK_INT(s.feeds_ok, 4);
	CHECK_INT(s.feeds_failed, 2);
	int f6 = t_failure_for(&s, six), fl = t_failure_for(&s, loop);
	CHECK(f6 >= 0 && strstr(s.failures[f6].error, "too many redirects"));
	CHECK(fl >= 0 && strstr(s.failures[fl].error, "redirect loop"));
	struct source src;
	struct err e;
	CHECK(store_source_get(&st, id_perm, &a, &src, &e) == 0);
	CHECK(strstr(src.url, "/gen/r1?chain=0&code=301") != NULL);
	CHECK(store_source_get(&st, id_temp, &a, &src, &e) == 0);
	CHECK_STR(src.url, temp);
	CHECK(store_source_get(&st, id_five, &a, &src, &e) == 0);
	CHECK(strstr(src.url, "/gen/r3?chain=0&code=308") != NULL);
	/* 301 then 302: only the permanent first hop is remembered */
	CHECK(store_source_get(&st, id_mixed, &a, &src, &e) == 0);
	CHECK(strstr(src.url, "/gen/r5?chain=0&code=301&redirect=302") != NULL);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 4 * 5);
	/* the next run goes straight to the stored URL and gets 304s */
	fsrv_reset(&srv);
	t_fetch(&st, 60, &a, &s);
	CHECK_INT(s.feeds_not_modified, 4);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 4 * 5);
	arena_free(&a);
	store_close(&st);
}

/* A `--feeds FILE` run names its feeds by the file's URLs every time (daily --feeds once a
 * day): a feed of the file that moved permanently is found again by that URL on the next
 * run, rather than added as a second source whose items are all stored (and counted new)
 * again. */
static void
test_adhoc_moved(void)
{
	const char *dir = t_subdir("adhoc-moved");
	char opml[2048], path[600];
	snprintf(opml, sizeof opml,
	         "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title></head><body>"
	         "<outline type=\"rss\" text=\"moved\" xmlUrl=\"%s\"/></body></opml>\n",
	         fsrv_url(&srv, "/gen/adhocmoved?chain=1&amp;code=301"));
	t_write_in(dir, "feeds.opml", opml);
	snprintf(path, sizeof path, "%s/feeds.opml", dir);
	struct store st;
	t_store_open(&st, dir);
	struct arena a = ARENA_INIT;
	struct fetch_opts o;
	struct err e;
	fetch_opts_default(&o);
	o.progress = 0;
	o.timeout_s = 60;
	o.feeds_opml = path;
	for (int run = 1; run <= 3; run++) {
		struct fetch_summary s;
		CHECK(fetch_run(&st, NULL, &o, &a, &s, &e) == 0);
		t_print_failures(&s);
		CHECK_INT(s.feeds_ok, 1);
		CHECK_INT(s.items_new, run == 1 ? 5 : 0);
		CHECK_INT(s.source_count, 1);
	}
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 5);
	arena_free(&a);
	store_close(&st);
}

/* Bodies larger than FETCH_BODY_MEM_ONE (plain and gzip) go through a spill file and are
 * still parsed and stored in full; the bodies held in memory at once stay within
 * FETCH_BODY_MEM_ALL even when many mid-sized feeds arrive together; a second run is
 * conditional and stores nothing twice. */
#define LARGE_TIMEOUT_S 600

static void
test_large_bodies(void)
{
	static const char *const big[] = {"/gen/big?items=3000", "/gen/biggz?items=3000&gzip=1"};
	struct store st;
	t_store_open(&st, t_subdir("large"));
	for (size_t i = 0; i < 2; i++)
		t_add_source(&st, fsrv_url(&srv, big[i]));
	for (int i = 0; i < 12; i++) { /* one host each, so all are in flight together */
		char url[128];
		snprintf(url, sizeof url, "http://m%d.localhost:%d/gen/mid%d?items=1200", i, srv.port, i);
		t_add_source(&st, url);
	}
	fsrv_reset(&srv);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	/* The per-feed timeout is wall-clock time, and the fetcher stores feeds in the thread that
	 * drives the transfers (docs/net.md): the later feeds wait while the 20,400 items of the
	 * earlier ones are parsed and indexed, which passed 60 s on a loaded machine. Nothing here
	 * is about time, so the timeout only guards against a hang. */
	t_fetch(&st, LARGE_TIMEOUT_S, &a, &s);
	t_print_failures(&s);
	CHECK_INT(s.feeds_ok, 14);
	CHECK_INT(s.items_new, 2 * 3000 + 12 * 1200);
	long long plain_bytes = 0;
	CHECK(fsrv_stat(&srv, big[0], NULL, NULL, NULL, &plain_bytes) == 0);
	CHECK(plain_bytes > (long long)FETCH_BODY_MEM_ONE); /* the fixture is really above the threshold */
	CHECK(s.bodies_spilled >= 2);
	CHECK(s.body_mem_peak > 0 && s.body_mem_peak <= FETCH_BODY_MEM_ALL);
	fprintf(stderr, "large bodies: %d spilled, at most %zu bytes in memory\n", s.bodies_spilled, s.body_mem_peak);
	/* every item of the big feeds, first to last, with its text */
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE link LIKE 'http://example.com/big/%'"), 3000);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE link LIKE 'http://example.com/biggz/%'"), 3000);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE link IN ('http://example.com/big/2999',"
	                           " 'http://example.com/biggz/2999') AND unpacked(summary, unpacked(text)) LIKE 'Item 2999 of %'"),
	          2);
	t_fetch(&st, LARGE_TIMEOUT_S, &a, &s);
	CHECK_INT(s.feeds_not_modified, 14);
	CHECK_INT(s.bodies_spilled, 0);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 2 * 3000 + 12 * 1200);
	arena_free(&a);
	store_close(&st);
}

/* A body that cannot be moved to a spill file fails its feed with the reason, and the other
 * feeds are stored. The file-size limit stands in for a full disk (root ignores permissions,
 * so an unwritable directory would not fail); it is set in a child process, so it stays there.
 * The limit (2 MiB) is above what the small store writes and below the large body. */
#define SPILL_LIMIT ((rlim_t)2 << 20)

static void
test_spill_fails(void)
{
	char big[512], small[512];
	snprintf(big, sizeof big, "%s", fsrv_url(&srv, "/gen/spillfail?items=8000"));
	snprintf(small, sizeof small, "%s", fsrv_url(&srv, "/gen/spillok?items=5"));
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		struct rlimit rl;
		getrlimit(RLIMIT_FSIZE, &rl);
		rl.rlim_cur = SPILL_LIMIT;
		signal(SIGXFSZ, SIG_IGN); /* a write past the limit fails with EFBIG instead */
		if (setrlimit(RLIMIT_FSIZE, &rl) < 0)
			_exit(2);
		struct store st;
		t_store_open(&st, t_subdir("spillfail"));
		t_add_source(&st, big);
		t_add_source(&st, small);
		struct arena a = ARENA_INIT;
		struct fetch_summary s;
		t_fetch(&st, 120, &a, &s);
		t_print_failures(&s);
		CHECK_INT(s.feeds_ok, 1);
		CHECK_INT(s.feeds_failed, 1);
		int k = t_failure_for(&s, big);
		CHECK(k >= 0);
		if (k >= 0) {
			CHECK(strstr(s.failures[k].error, "cannot write the body to a temporary file") != NULL);
			CHECK(strstr(s.failures[k].error, strerror(EFBIG)) != NULL);
		}
		CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 5);
		arena_free(&a);
		store_close(&st);
		fflush(NULL);
		_exit(test_failures ? 1 : 0);
	}
	int status = 0;
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* Feeds go through the parse thread (net/parse.c) and are stored in the order they were handed
 * over, at most a few waiting: many more feeds than can wait, a document the parser rejects
 * among them, and a second run that finds all of them unchanged. Every item is stored and
 * indexed exactly once and every feed is accounted for. */
static void
test_parse_thread(void)
{
	enum { FEEDS = 40, ITEMS = 60 };
	const char *root = t_subdir("pipe-root");
	t_write_in(root, "broken.xml", "{ this is neither XML nor JSON Feed\n");
	struct fsrv bad;
	fsrv_start(&bad, root, NULL);
	struct store st;
	t_store_open(&st, t_subdir("pipe"));
	for (int i = 0; i < FEEDS; i++) {
		char path[64];
		snprintf(path, sizeof path, "/gen/pipe%d?items=%d&delay=%d", i, ITEMS, (i * 37) % 120);
		t_add_source(&st, fsrv_url(&srv, path));
		if (i == FEEDS / 2)
			t_add_source(&st, fsrv_url(&bad, "/broken.xml"));
	}
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch(&st, 60, &a, &s);
	CHECK_INT(s.feeds_total, FEEDS + 1);
	CHECK_INT(s.feeds_ok, FEEDS);
	CHECK_INT(s.feeds_failed, 1);
	int f = t_failure_for(&s, fsrv_url(&bad, "/broken.xml"));
	CHECK(f >= 0 && strncmp(s.failures[f].error, "not a feed", 10) == 0);
	CHECK_INT(s.items_new, FEEDS * ITEMS);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), FEEDS * ITEMS);
	CHECK_INT(t_query_int(&st, "SELECT count(DISTINCT source_id || '/' || dedupe_key) FROM items"), FEEDS * ITEMS);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE item_count = 60"), FEEDS);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM fetch_log WHERE http_status = 200 AND items_new = 60"), FEEDS);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM fetch_log WHERE error LIKE 'not a feed%'"), 1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items_fts_docsize"), FEEDS * ITEMS);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM fts_pending"), 0);
	t_fetch(&st, 60, &a, &s);
	CHECK_INT(s.feeds_ok, FEEDS);
	CHECK_INT(s.feeds_not_modified, FEEDS);
	CHECK_INT(s.items_new, 0);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), FEEDS * ITEMS);
	arena_free(&a);
	store_close(&st);
	fsrv_stop(&bad);
}

int
main(void)
{
	t_need_parser();
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	test_store_and_conditional();
	test_changes();
	test_shared_keys();
	test_url_forms();
	test_validator_with_cr();
	test_validators_from_304();
	test_index_merge();
	test_per_host_cap();
	test_redirects();
	test_adhoc_moved();
	test_large_bodies();
	test_spill_fails();
	test_parse_thread();
	fsrv_stop(&srv);
	return test_done("test_fetch");
}
