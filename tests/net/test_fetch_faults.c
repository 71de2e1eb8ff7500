/* test_fetch_faults.c: every injected fault over real HTTP on loopback: the faulty feed is
 * reported with a clear one-line error kept in its health, quick transient failures are
 * retried (and succeed when the fault clears), timeouts and other 4xx are not retried, and
 * the healthy feeds' items are all stored; a second run duplicates nothing. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "feed/feed.h"
#include "net/fetch_error.h"
#include "netlib.h"
#include "store/sources.h"
#include "testlib.h"
#include "util/fs.h"
#include "util/timeutil.h"

static struct fsrv srv;

struct fault {
	const char *path;
	const char *error;  /* substring of the expected error; NULL = must succeed */
	long requests;      /* requests the server must have seen (0 = don't check) */
};

/* The timeout of these runs. Generous, so that no healthy feed can reach it however loaded the
 * machine; the hung feed ends at the 10 s stall limit before it, and the slow one (64 bytes
 * every 400 ms of an 8 KB feed, 50 s) cannot finish inside it whatever the load. */
#define FAULTS_TIMEOUT_S 20

static const struct fault faults[] = {
	{"/rss.xml", NULL, 1},
	{"/atom.xml", NULL, 1},
	{"/xhtml-atom.xml", NULL, 1}, /* an Atom feed wrapped in an XHTML page is a feed */
	{"/gen/ok?items=9", NULL, 1},
	{"/gen/f429?fail=1&status=429&retry_after=1", NULL, 2},
	{"/gen/f503?fail=2&status=503", NULL, 3},
	{"/gen/f500?status=500", "HTTP 500", 3},
	{"/gen/f404?status=404", "HTTP 404", 1},
	{"/gen/f403?status=403", "HTTP 403", 1},
	{"/gen/hang?hang=1", "timed out: no data for 10 s", 1},
	{"/gen/reset?reset=1&items=40", "", 3},
	{"/gen/slow?slow=400&items=20", "timed out after 20 s (body too slow)", 1},
	{"/loop/a", "redirect loop", 0},
	{"/gen/html?html=1", "served an HTML page, not a feed", 1},
	{"/gen/htmlxml?html=1&ctype=application/rss%2Bxml", "served an HTML page, not a feed", 1},
	{"/gen/empty?status=200", "empty response", 1},
	/* a 304 to a feed never stored (nothing was asked conditionally) is no success: it would
	 * stay "ok" with no items forever */
	{"/gen/nm304?status=304", "HTTP 304 to a request without validators", 1},
};
#define FAULT_COUNT (sizeof faults / sizeof faults[0])

static void
test_faults(void)
{
	struct store st;
	t_store_open(&st, test_tmpdir());
	int64_t ids[FAULT_COUNT];
	for (size_t i = 0; i < FAULT_COUNT; i++)
		ids[i] = t_add_source(&st, fsrv_url(&srv, faults[i].path));
	/* nothing listens on port 1 of loopback: connection refused, retried, then reported */
	int64_t refused_id = t_add_source(&st, "http://127.0.0.1:1/feed.xml");
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	t_print_failures(&s);
	int want_failed = 1;
	for (size_t i = 0; i < FAULT_COUNT; i++) {
		const struct fault *f = &faults[i];
		const char *url = fsrv_url(&srv, f->path);
		int k = t_failure_for(&s, url);
		struct source src;
		struct err e;
		CHECK(store_source_get(&st, ids[i], &a, &src, &e) == 0);
		if (!f->error) {
			CHECK(k < 0);
			CHECK(src.last_success_at > 0);
			CHECK(src.item_count > 0);
			CHECK_STR(src.last_error, NULL);
		} else {
			want_failed++;
			CHECK(k >= 0);
			if (k >= 0) {
				if (!strstr(s.failures[k].error, f->error))
					fprintf(stderr, "%s: error \"%s\", want \"%s\"\n", f->path, s.failures[k].error,
					        f->error);
				CHECK(strstr(s.failures[k].error, f->error) != NULL);
				CHECK(strchr(s.failures[k].error, '\n') == NULL);
				CHECK_STR(src.last_error, s.failures[k].error);
			}
			CHECK_INT(src.consecutive_failures, 1);
			CHECK_INT(src.item_count, 0);
		}
		if (f->requests) {
			long req = -1;
			fsrv_stat(&srv, f->path, &req, NULL, NULL, NULL);
			if (req != f->requests)
				fprintf(stderr, "%s: %ld requests, want %ld\n", f->path, req, f->requests);
			CHECK_INT(req, f->requests);
		}
	}
	CHECK_INT(s.feeds_failed, want_failed);
	CHECK_INT(s.feeds_ok, (int)FAULT_COUNT + 1 - want_failed);
	CHECK(t_failure_for(&s, "http://127.0.0.1:1/feed.xml") >= 0);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM fetch_log WHERE source_id = %lld", (long long)refused_id);
	CHECK_INT(t_query_int(&st, sql), 3);
	/* every healthy feed's items are stored, including those that needed a retry */
	long long items = t_query_int(&st, "SELECT count(*) FROM items");
	CHECK_INT(items, 12 + 10 + 2 + 9 + 5 + 5);
	CHECK_INT(s.items_new, items);
	CHECK(s.body_mem_peak <= FETCH_BODY_MEM_ALL);

	/* a second run stores nothing twice */
	struct fetch_summary s2;
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s2);
	CHECK_INT(s2.items_new, 0);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), items);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM (SELECT link, source_id FROM items GROUP BY 1, 2"
	                           " HAVING count(*) > 1)"),
	          0);
	CHECK_INT(t_query_int(&st, "SELECT max(consecutive_failures) FROM sources"), 2);
	arena_free(&a);
	store_close(&st);
}

/* Bodies past the 16 MiB decoded cap: an endless body and a gzip bomb are stopped by the cap,
 * not by the clock (a generous timeout keeps this true on a loaded machine), after spilling to
 * files so the bodies in memory never exceed the bound; a healthy feed beside them is stored. */
static void
test_size_caps(void)
{
	char dir[600];
	snprintf(dir, sizeof dir, "%s/caps", test_tmpdir());
	struct err e;
	CHECK(fs_mkdirs(dir, 0, &e) == 0);
	struct store st;
	t_store_open(&st, dir);
	const char *paths[] = {"/gen/endless?endless=1", "/gen/bomb?bomb=64", "/gen/caps-ok?items=7"};
	const char *want[] = {"larger than 16 MiB", "larger than 16 MiB after decoding", NULL};
	for (size_t i = 0; i < 3; i++)
		t_add_source(&st, fsrv_url(&srv, paths[i]));
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch(&st, 120, &a, &s);
	t_print_failures(&s);
	for (size_t i = 0; i < 3; i++) {
		int k = t_failure_for(&s, fsrv_url(&srv, paths[i]));
		if (!want[i]) {
			CHECK(k < 0);
			continue;
		}
		CHECK(k >= 0);
		if (k >= 0)
			CHECK(strstr(s.failures[k].error, want[i]) != NULL);
		long req = -1;
		fsrv_stat(&srv, paths[i], &req, NULL, NULL, NULL);
		CHECK_INT(req, 1); /* not retried */
	}
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 7);
	CHECK(s.bodies_spilled >= 2);
	CHECK(s.body_mem_peak <= FETCH_BODY_MEM_ALL);
	arena_free(&a);
	store_close(&st);
}

/* The run's deadline stops what is still in flight or queued; finished feeds are kept. The
 * deadline is long enough for one small loopback transfer on a loaded machine, and shorter
 * than the 10 s stall limit, so the hung feeds can only end by the deadline. */
static void
test_deadline(void)
{
	char dir[600];
	snprintf(dir, sizeof dir, "%s/deadline", test_tmpdir());
	struct err e;
	CHECK(fs_mkdirs(dir, 0, &e) == 0);
	struct store st;
	t_store_open(&st, dir);
	const char *h1 = fsrv_url(&srv, "/gen/dl1?hang=1"), *h2 = fsrv_url(&srv, "/gen/dl2?hang=1");
	char ok[256];
	snprintf(ok, sizeof ok, "http://localhost:%d/gen/dl-ok", srv.port);
	t_add_source(&st, h1);
	t_add_source(&st, h2);
	t_add_source(&st, ok);
	struct fetch_opts o;
	fetch_opts_default(&o);
	o.per_host = 1;
	o.timeout_s = 30;
	o.deadline_s = 8;
	o.progress = 0;
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	CHECK(fetch_run(&st, NULL, &o, &a, &s, &e) == 0);
	t_print_failures(&s);
	CHECK_INT(s.feeds_ok, 1);
	CHECK_INT(s.feeds_failed, 2);
	int k1 = t_failure_for(&s, h1), k2 = t_failure_for(&s, h2);
	CHECK(k1 >= 0 && strstr(s.failures[k1].error, "deadline"));
	CHECK(k2 >= 0 && strstr(s.failures[k2].error, "deadline"));
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 5);
	arena_free(&a);
	store_close(&st);
}

/* A 429 with Retry-After speaks for the host, not for one URL: the host's other feeds wait
 * too rather than being asked at once (each earning its own 429 from a server that is
 * limiting us). With one slot per host the feed that was told to wait goes first when the
 * time is up, so the fetch log shows its retry before any other feed of the host. */
static void
test_retry_after_host(void)
{
	struct store st;
	t_store_open(&st, t_subdir("ra-host"));
	int64_t limited = t_add_source(&st, fsrv_url(&srv, "/gen/rah?status=429&fail=1&retry_after=2"));
	for (int i = 0; i < 3; i++) {
		char path[64];
		snprintf(path, sizeof path, "/gen/rah%d?items=2", i);
		t_add_source(&st, fsrv_url(&srv, path));
	}
	struct fetch_opts o;
	fetch_opts_default(&o);
	o.per_host = 1;
	o.timeout_s = FAULTS_TIMEOUT_S;
	o.progress = 0;
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	struct err e;
	CHECK(fetch_run(&st, NULL, &o, &a, &s, &e) == 0);
	t_print_failures(&s);
	CHECK_INT(s.feeds_ok, 4);
	char sql[300];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM fetch_log WHERE source_id = %lld", (long long)limited);
	CHECK_INT(t_query_int(&st, sql), 2); /* the 429 and the retry */
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM fetch_log WHERE source_id <> %lld AND id < (SELECT max(id) FROM fetch_log"
	         " WHERE source_id = %lld AND http_status = 200)",
	         (long long)limited, (long long)limited);
	CHECK_INT(t_query_int(&st, sql), 0); /* no other feed of the host was asked in between */
	arena_free(&a);
	store_close(&st);
}

/* A 429 whose Retry-After points past the run's deadline (an hour): the feed fails without a
 * retry, and its host is remembered as waiting until then. Its other queued feed is not asked
 * in this run, and the next run (cron an hour later, here at once) asks neither, saying why in
 * its summary, while a feed of another host is fetched as usual. Before, the next run asked
 * the host again at once, and in the first run the host's other feed was asked too. */
static void
test_retry_after_past_run(void)
{
	struct store st;
	t_store_open(&st, t_subdir("ra-later"));
	const char *limited = "/gen/ral?status=429&retry_after=3600", *other = "/gen/ral2?items=2";
	int64_t id = t_add_source(&st, fsrv_url(&srv, limited));
	t_add_source(&st, fsrv_url(&srv, other));
	char elsewhere[128];
	snprintf(elsewhere, sizeof elsewhere, "http://localhost:%d/gen/ral3?items=3", srv.port);
	t_add_source(&st, elsewhere);
	struct fetch_opts o;
	fetch_opts_default(&o);
	o.per_host = 1; /* the host's second feed waits behind the first */
	o.timeout_s = FAULTS_TIMEOUT_S;
	o.progress = 0;
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	struct err e;
	for (int run = 1; run <= 2; run++) {
		CHECK(fetch_run(&st, NULL, &o, &a, &s, &e) == 0);
		t_print_failures(&s);
		CHECK_INT(s.feeds_ok, 1);
		CHECK_INT(s.feeds_failed, 2);
		int k = t_failure_for(&s, fsrv_url(&srv, other));
		CHECK(k >= 0 && strstr(s.failures[k].error, "Retry-After") != NULL);
		k = t_failure_for(&s, fsrv_url(&srv, limited));
		CHECK(k >= 0 && strstr(s.failures[k].error, run == 1 ? "HTTP 429" : "not asked") != NULL);
		long req = 0;
		CHECK(fsrv_stat(&srv, limited, &req, NULL, NULL, NULL) == 0);
		CHECK_INT(req, 1); /* asked once, in the first run */
		CHECK(fsrv_stat(&srv, other, NULL, NULL, NULL, NULL) < 0); /* never asked */
		CHECK(fsrv_stat(&srv, "/gen/ral3?items=3", &req, NULL, NULL, NULL) == 0);
		CHECK_INT(req, run);
	}
	struct source src;
	CHECK(store_source_get(&st, id, &a, &src, NULL) == 0);
	CHECK(src.not_before > (int64_t)time(NULL) + 3000);
	CHECK(t_query_int(&st, "SELECT count(*) FROM items") == 3);
	arena_free(&a);
	store_close(&st);
}

/* A gzip stream that ends half way (a complete HTTP response, Content-Length matching, whose
 * encoded body was cut: a proxy or a server dying mid-write): libcurl 7.88 reports no error,
 * and the document parses as far as it goes. What it holds is kept, but not its ETag: that
 * would make the next run a 304 and the rest of the feed never arrive. The next run asks
 * without validators (fails when the validators of a cut body are stored). */
static void
test_truncated_gzip(void)
{
	struct store st;
	t_store_open(&st, t_subdir("gzcut"));
	const char *target = "/gen/gzcut?items=40&gzip=1&gzcut=1";
	const char *url = fsrv_url(&srv, target);
	int64_t id = t_add_source(&st, url);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	long long items = t_query_int(&st, "SELECT count(*) FROM items");
	CHECK(items < 40); /* the fault did cut the body */
	struct source src;
	CHECK(store_source_get(&st, id, &a, &src, NULL) == 0);
	if (src.etag || src.last_modified)
		fprintf(stderr, "  truncated gzip: %lld of 40 items, validators kept (ETag %s)\n", items,
		        src.etag ? src.etag : "-");
	CHECK(src.etag == NULL);
	CHECK(src.last_modified == NULL);
	long req0 = 0, cond0 = 0, req1 = 0, cond1 = 0;
	fsrv_stat(&srv, target, &req0, &cond0, NULL, NULL);
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	fsrv_stat(&srv, target, &req1, &cond1, NULL, NULL);
	CHECK(req1 > req0);
	CHECK_INT(cond1 - cond0, 0);
	arena_free(&a);
	store_close(&st);
}

/* A plain body cut short where nothing tells (no Content-Length, the connection closed mid
 * document): libcurl takes the close for the end. The items whole before the cut are real and
 * kept; the item the cut fell in is not stored with half its text, and the validators are not
 * kept, so the next run asks for the whole feed and the cut item comes then. */
static void
test_cut_plain_body(void)
{
	static const char feed[] =
		"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title>"
		"<item><guid>c1</guid><title>one</title><description>first whole item</description></item>"
		"<item><guid>c2</guid><title>two</title><description>second whole item</description></item>"
		"<item><guid>c3</guid><title>three</title><description>the third item's text goes on "
		"CUTHERE and ends after the cut</description></item></channel></rss>";
	const char *root = t_subdir("cut-root");
	t_write_in(root, "cut.xml", feed);
	struct fsrv cut_srv;
	fsrv_start(&cut_srv, root, NULL);
	char target[64];
	snprintf(target, sizeof target, "/cut.xml?cut=%d", (int)(strstr(feed, "CUTHERE") - feed));
	struct store st;
	t_store_open(&st, t_subdir("cut"));
	int64_t id = t_add_source(&st, fsrv_url(&cut_srv, target));
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	t_print_failures(&s);
	CHECK_INT(s.feeds_ok, 1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE dedupe_key IN ('g:c1', 'g:c2')"), 2);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items WHERE dedupe_key = 'g:c3'"), 0);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 2);
	struct source src;
	CHECK(store_source_get(&st, id, &a, &src, NULL) == 0);
	CHECK(src.etag == NULL);
	CHECK(src.last_modified == NULL);
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	long req = 0, cond = 0;
	CHECK(fsrv_stat(&cut_srv, target, &req, &cond, NULL, NULL) == 0);
	CHECK_INT(req, 2);
	CHECK_INT(cond, 0);
	arena_free(&a);
	store_close(&st);
	fsrv_stop(&cut_srv);
}

/* A server that labels a plain feed with a Content-Encoding it does not have (a gzip module
 * applied twice, a pre-compressed file's header on the uncompressed one) sends a whole, valid
 * document: libcurl cannot decode it ("incorrect header check"; a br decoder's failure even
 * reads "Failed writing received data to disk/application"), and the feed was lost on every
 * run. The body as sent is asked for again and parsed, as feedparser does; its validators are
 * kept, so the next run is conditional. */
static void
test_wrong_encoding(void)
{
	static const char *const targets[] = {"/gen/badgz?items=6&badenc=gzip", "/gen/badbr?items=6&badenc=br",
	                                      "/gen/badzz?items=6&badenc=deflate"};
	struct store st;
	t_store_open(&st, t_subdir("badenc"));
	for (size_t i = 0; i < 3; i++)
		t_add_source(&st, fsrv_url(&srv, targets[i]));
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	t_print_failures(&s);
	CHECK_INT(s.feeds_failed, 0);
	CHECK_INT(s.feeds_ok, 3);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 18);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE etag IS NOT NULL AND last_error IS NULL"), 3);
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	CHECK_INT(s.feeds_not_modified, 3);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 18);
	/* a body that is corrupt, not mislabelled: asked for as sent too, it fails saying both */
	const char *junk = fsrv_url(&srv, "/gen/junk?gzjunk=1");
	t_add_source(&st, junk);
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	int k = t_failure_for(&s, junk);
	CHECK(k >= 0);
	if (k >= 0) {
		CHECK(strstr(s.failures[k].error, "not a feed: its Content-Encoding cannot be decoded (") != NULL);
		CHECK_INT(fetch_error_classify(s.failures[k].error), FETCH_ERR_NOT_FEED);
	}
	CHECK_INT(s.feeds_failed, 1);
	arena_free(&a);
	store_close(&st);
}

/* A 410 Gone says the feed was removed for good (RFC 9110 15.5.11): a reader stops asking.
 * Every run asked it again and reported the same failure, forever. Now a run after the 410
 * does not ask, and says why and since when; the health keeps the 410. Adding the source again
 * (store_source_ask_again, what `feeds add` does) asks once more. A 404 may be passing: it is
 * still asked on every run. */
static void
test_gone(void)
{
	struct store st;
	t_store_open(&st, t_subdir("gone"));
	const char *gone_t = "/gen/gone?status=410", *nf_t = "/gen/nf?status=404";
	const char *gone = fsrv_url(&srv, gone_t), *nf = fsrv_url(&srv, nf_t);
	int64_t id = t_add_source(&st, gone);
	t_add_source(&st, nf);
	t_add_source(&st, fsrv_url(&srv, "/gen/alive?items=3"));
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	int k = t_failure_for(&s, gone);
	CHECK(k >= 0 && strcmp(s.failures[k].error, "HTTP 410 Gone") == 0);
	for (int run = 0; run < 2; run++) {
		t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
		CHECK_INT(s.feeds_total, 3);
		CHECK_INT(s.feeds_ok, 1);
		CHECK_INT(s.feeds_failed, 2);
		k = t_failure_for(&s, gone);
		static const char want[] = "not asked: gone, its server answered HTTP 410 Gone on ";
		CHECK(k >= 0 && strncmp(s.failures[k].error, want, sizeof want - 1) == 0);
		if (k >= 0)
			CHECK_INT(fetch_error_classify(s.failures[k].error), FETCH_ERR_NOT_FOUND);
	}
	long req = 0, req_nf = 0;
	CHECK(fsrv_stat(&srv, gone_t, &req, NULL, NULL, NULL) == 0);
	CHECK_INT(req, 1);
	CHECK(fsrv_stat(&srv, nf_t, &req_nf, NULL, NULL, NULL) == 0);
	CHECK_INT(req_nf, 3);
	struct source src;
	CHECK(store_source_get(&st, id, &a, &src, NULL) == 0);
	CHECK_INT(src.last_status, 410);
	CHECK_INT(src.consecutive_failures, 1);
	CHECK(fetch_source_is_gone(&src));
	CHECK(store_source_ask_again(&st, id, NULL) == 0);
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	CHECK(fsrv_stat(&srv, gone_t, &req, NULL, NULL, NULL) == 0);
	CHECK_INT(req, 2);
	k = t_failure_for(&s, gone);
	CHECK(k >= 0 && strcmp(s.failures[k].error, "HTTP 410 Gone") == 0);
	arena_free(&a);
	store_close(&st);
}

/* A source that keeps failing. Before, a feed answering 404 (or timing out, or whose host
 * name was gone) was asked on every run forever, and an hourly cron printed the same line
 * every hour with nothing to say how long it had been failing. Now each failure line says
 * how many times in a row and since when; after FETCH_BACKOFF_AFTER failures in a row a plain
 * run leaves the source alone for a growing while (an hour, two, ... a day), reporting it as
 * not asked with the count, the start and the time it is asked again; `feeds add` of it
 * (store_source_ask_again) asks it at once, and a success clears it all. The clock is frozen
 * (time_set_now) to stand for runs an hour apart; this test runs last for that reason. */
static void
test_failing_backoff(void)
{
	struct store st;
	t_store_open(&st, t_subdir("backoff"));
	const char *nf_t = "/gen/bo-nf?status=404", *back_t = "/gen/bo-back?status=404&fail=3&items=2";
	const char *nf = fsrv_url(&srv, nf_t), *back = fsrv_url(&srv, back_t);
	int64_t id = t_add_source(&st, nf), id_back = t_add_source(&st, back);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	const int64_t t0 = 1800000000;
	long req = 0;
	/* three runs an hour apart: each asks, each line counts on */
	for (int run = 0; run < 3; run++) {
		time_set_now(t0 + run * 3600);
		t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
		int k = t_failure_for(&s, nf);
		CHECK(k >= 0 && strcmp(s.failures[k].error, "HTTP 404 Not Found") == 0);
		if (k >= 0) {
			CHECK_INT(s.failures[k].failures, run + 1);
			CHECK(s.failures[k].failing_since == t0);
		}
	}
	CHECK(fsrv_stat(&srv, nf_t, &req, NULL, NULL, NULL) == 0);
	CHECK_INT(req, 3);
	struct source src;
	CHECK(store_source_get(&st, id, &a, &src, NULL) == 0);
	CHECK_INT(src.consecutive_failures, 3);
	CHECK(src.failing_since == t0);
	CHECK(src.retry_at == t0 + 2 * 3600 + fetch_backoff_s(3));
	CHECK(fetch_backoff_s(3) == 3600 - 300 && fetch_backoff_s(4) == 7200 - 300 &&
	      fetch_backoff_s(2) == 0 && fetch_backoff_s(40) == 86400 - 300);
	/* a minute later: not asked, and the line says for how long it has failed */
	time_set_now(t0 + 2 * 3600 + 60);
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	CHECK(fsrv_stat(&srv, nf_t, &req, NULL, NULL, NULL) == 0);
	CHECK_INT(req, 3);
	CHECK_INT(s.feeds_total, 2);
	CHECK_INT(s.feeds_failed, 2);
	int k = t_failure_for(&s, nf);
	char want[256], when[32], next[32];
	time_format_rfc3339(t0, when, sizeof when);
	time_format_rfc3339(src.retry_at, next, sizeof next);
	snprintf(want, sizeof want,
	         "not asked: failing since %s, 3 times in a row; asked again after %s (feeds add it to ask now); "
	         "last: HTTP 404 Not Found",
	         when, next);
	CHECK(k >= 0 && strcmp(s.failures[k].error, want) == 0);
	if (k >= 0) {
		CHECK_INT(fetch_error_classify(s.failures[k].error), FETCH_ERR_NOT_FOUND);
		CHECK_INT(s.failures[k].failures, 3);
	}
	CHECK(store_source_get(&st, id, &a, &src, NULL) == 0);
	CHECK_INT(src.consecutive_failures, 3); /* not asked: its health as it was */
	/* an hour after the third run (the 5-minute slack: a run a little early): asked again;
	 * the other source answers now and is cleared */
	time_set_now(t0 + 3 * 3600 - 120);
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	CHECK(fsrv_stat(&srv, nf_t, &req, NULL, NULL, NULL) == 0);
	CHECK_INT(req, 4);
	CHECK_INT(s.feeds_ok, 1);
	CHECK(store_source_get(&st, id_back, &a, &src, NULL) == 0);
	CHECK_INT(src.consecutive_failures, 0);
	CHECK(src.failing_since == 0 && src.retry_at == 0 && src.last_error == NULL);
	CHECK(!fetch_source_is_resting(&src, t0 + 3 * 3600));
	/* the fourth failure waits two hours: a run an hour later does not ask */
	time_set_now(t0 + 4 * 3600 - 120);
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	CHECK(fsrv_stat(&srv, nf_t, &req, NULL, NULL, NULL) == 0);
	CHECK_INT(req, 4);
	/* added again by the user: asked at once, its count going on */
	CHECK(store_source_ask_again(&st, id, NULL) == 0);
	t_fetch(&st, FAULTS_TIMEOUT_S, &a, &s);
	CHECK(fsrv_stat(&srv, nf_t, &req, NULL, NULL, NULL) == 0);
	CHECK_INT(req, 5);
	k = t_failure_for(&s, nf);
	CHECK(k >= 0 && s.failures[k].failures == 5 && s.failures[k].failing_since == t0);
	arena_free(&a);
	store_close(&st);
}

int
main(void)
{
	t_need_parser();
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	test_faults();
	test_size_caps();
	test_deadline();
	test_retry_after_host();
	test_retry_after_past_run();
	test_truncated_gzip();
	test_cut_plain_body();
	test_wrong_encoding();
	test_gone();
	test_failing_backoff();
	fsrv_stop(&srv);
	return test_done("test_fetch_faults");
}
