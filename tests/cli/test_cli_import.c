/* test_cli_import.c: `brief feeds import` says how many entries it rejected and why, and
 * never stores them. A list of good feeds mixed with javascript:, file:, data:, relative,
 * scheme-relative, host-less and spaced URLs: the good ones are imported, the others are
 * counted per reason on stderr and in the --json object, and `feeds list` shows only the
 * good ones. `feeds add` refuses the same URLs for the same reasons (exit 2). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "netlib.h"
#include "store/sources.h"
#include "util/str.h"
#include "testlib.h"

static const char opml[] =
	"<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>mixed</title></head><body>\n"
	"<outline text=\"good 1\" xmlUrl=\"https://good.example/feed.xml\"/>\n"
	"<outline text=\"good 2\" xmlUrl=\"HTTP://Good2.example:8080/rss\"/>\n"
	"<outline text=\"js\" xmlUrl=\"javascript:alert(document.cookie)\"/>\n"
	"<outline text=\"file\" xmlUrl=\"file:///etc/passwd\"/>\n"
	"<outline text=\"data\" xmlUrl=\"data:text/xml,&lt;rss/&gt;\"/>\n"
	"<outline text=\"relative\" xmlUrl=\"feeds/rel.xml\"/>\n"
	"<outline text=\"rooted\" xmlUrl=\"/abs/path.xml\"/>\n"
	"<outline text=\"scheme-relative\" xmlUrl=\"//cdn.example/feed\"/>\n"
	"<outline text=\"no host\" xmlUrl=\"http://\"/>\n"
	"<outline text=\"no host 2\" xmlUrl=\"https:///feed\"/>\n"
	"<outline text=\"no slashes\" xmlUrl=\"http:example.com/feed\"/>\n"
	"<outline text=\"space\" xmlUrl=\"https://sp.example/a feed.xml\"/>\n"
	"<outline text=\"tab\" xmlUrl=\"https://tab.example/a&#9;b\"/>\n"
	"</body></opml>\n";

static const char *const bad_urls[] = {
	"javascript:alert(document.cookie)", "file:///etc/passwd", "data:text/xml,<rss/>", "feeds/rel.xml",
	"/abs/path.xml", "//cdn.example/feed", "http://", "https:///feed", "http:example.com/feed",
	"https://sp.example/a feed.xml",
};

static long
reason(json_t *o, const char *key)
{
	return (long)json_integer_value(json_object_get(json_object_get(o, "rejected_by_reason"), key));
}

/* One feed spelled several ways (scheme and host in capitals, the default port written out, a
 * fragment) is one source: imported once, fetched once, found by `feeds add` and `feeds rm`
 * under any of its spellings. They were stored as three sources, each fetched every run and
 * listed three times, and `feeds rm` with another spelling said "no source". */
static void
test_spellings_are_one_source(void)
{
	struct fsrv srv;
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	const char *url = fsrv_url(&srv, "/rss.xml"); /* http://127.0.0.1:PORT/rss.xml */
	const char *rest = url + strlen("http://");
	char list[8192], path[4200];
	snprintf(list, sizeof list,
	         "<opml version=\"2.0\"><body><outline text=\"Blogs\">\n"
	         "<outline type=\"rss\" text=\"a\" xmlUrl=\"%s\"/>\n"
	         "<outline type=\"rss\" text=\"b\" xmlUrl=\"HTTP://%s\"/>\n"
	         "<outline type=\"rss\" text=\"c\" xmlUrl=\"%s#latest\"/>\n"
	         "</outline></body></opml>\n",
	         url, rest, url);
	snprintf(path, sizeof path, "%s/spellings.opml", t_subdir("spell-in"));
	test_write_file(path, list, strlen(list));
	const char *home = t_subdir("spell-home");
	struct buf out = BUF_INIT, err = BUF_INIT;
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "import", path, "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&err), "imported 3 feeds (1 new)") != NULL);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "add", "https://Dup.EXAMPLE:443/feed", "--home", home, NULL), 0);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "add", "https://dup.example/feed", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&err), "already a source: https://dup.example/feed") != NULL);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--json", "--home", home, NULL), 0);
	json_error_t je;
	json_t *arr = json_loads(buf_str(&out), 0, &je);
	CHECK_INT(json_array_size(arr), 2);
	json_decref(arr);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "rm", "HTTPS://DUP.example/feed", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&err), "removed") != NULL);
	fsrv_reset(&srv);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home, NULL), 0);
	long requests = 0;
	CHECK_INT(fsrv_stat(&srv, "/rss.xml", &requests, NULL, NULL, NULL), 0);
	CHECK_INT(requests, 1);
	fsrv_stop(&srv);
	struct store st;
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE url LIKE '%dup.example%'"), 0);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 1);
	store_close(&st);
	buf_free(&out);
	buf_free(&err);
}

/* A feed that moved (301) is still the source the user subscribed to: importing the same list
 * again adds nothing, `feeds rm` with the URL of the list removes it. The old URL was added as
 * a second source: the feed was fetched twice each run and its items stored twice, and `rm`
 * with the URL the user had given said "no source". */
static void
test_moved_feed_is_one_source(void)
{
	struct fsrv srv;
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	char list[8192], path[4200], moved[4200];
	snprintf(moved, sizeof moved, "%s", fsrv_url(&srv, "/rss.xml?redirect=301&to=/rss.xml"));
	snprintf(list, sizeof list,
	         "<opml version=\"2.0\"><body>"
	         "<outline type=\"rss\" text=\"moved\" xmlUrl=\"%s\"/></body></opml>\n",
	         fsrv_url(&srv, "/rss.xml?redirect=301&amp;to=/rss.xml"));
	snprintf(path, sizeof path, "%s/moved.opml", t_subdir("moved-in"));
	test_write_file(path, list, strlen(list));
	const char *home = t_subdir("moved-home");
	struct buf err = BUF_INIT;
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "import", path, "--home", home, NULL), 0);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home, NULL), 0);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "import", path, "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&err), "imported 1 feeds (0 new)") != NULL);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home, NULL), 0);
	fsrv_stop(&srv);
	struct store st;
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE url NOT LIKE '%redirect%'"), 1);
	long long items = t_query_int(&st, "SELECT count(*) FROM items");
	CHECK(items > 0);
	CHECK_INT(t_query_int(&st, "SELECT count(DISTINCT link) FROM items"), items);
	store_close(&st);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "rm", moved, "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&err), "removed") != NULL);
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 0);
	store_close(&st);
	buf_free(&err);
}

/* One feed in a list twice, once at an address that moved for good (an http:// entry whose
 * server answers 301 to the https:// one, a path without its trailing slash) and once at
 * where it moved to, is one source from the first fetch that sees the redirect: fetched once a
 * run, its items stored once, the list imported again adds nothing, and `feeds rm` with either
 * URL removes it. Both were kept: the old address was requested (and redirected) every run
 * and every item was stored, and shown, twice. */
static void
test_moved_onto_existing_source(void)
{
	struct fsrv srv;
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	char list[8192], path[4200], moved[4200];
	snprintf(moved, sizeof moved, "%s", fsrv_url(&srv, "/old/feed?redirect=301&to=/rss.xml"));
	snprintf(list, sizeof list,
	         "<opml version=\"2.0\"><body>"
	         "<outline type=\"rss\" text=\"old\" xmlUrl=\"%s\"/>"
	         "<outline type=\"rss\" text=\"new\" xmlUrl=\"%s\"/></body></opml>\n",
	         fsrv_url(&srv, "/old/feed?redirect=301&amp;to=/rss.xml"), fsrv_url(&srv, "/rss.xml"));
	snprintf(path, sizeof path, "%s/twice.opml", t_subdir("twice-in"));
	test_write_file(path, list, strlen(list));
	const char *home = t_subdir("twice-home");
	struct buf err = BUF_INIT;
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "import", path, "--home", home, NULL), 0);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home, NULL), 0);
	struct store st;
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 1);
	long long items = t_query_int(&st, "SELECT count(*) FROM items");
	CHECK(items > 0);
	CHECK_INT(t_query_int(&st, "SELECT count(DISTINCT link) FROM items"), items);
	store_close(&st);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "import", path, "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&err), "imported 2 feeds (0 new)") != NULL);
	fsrv_reset(&srv);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home, NULL), 0);
	long requests = 0;
	fsrv_stat(&srv, "/old/feed?redirect=301&to=/rss.xml", &requests, NULL, NULL, NULL);
	CHECK_INT(requests, 0); /* not asked */
	CHECK_INT(fsrv_stat(&srv, "/rss.xml", &requests, NULL, NULL, NULL), 0);
	CHECK_INT(requests, 1);
	fsrv_stop(&srv);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "rm", moved, "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&err), "removed") != NULL);
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 0);
	store_close(&st);
	buf_free(&err);
}

/* An RSS document titled title with the items of days[0..n) (guid "post-D", dated D December
 * 2026), into dir/name. */
static void
write_dated_feed(const char *dir, const char *name, const char *title, const int *days, int n)
{
	struct buf doc = BUF_INIT;
	buf_printf(&doc, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>%s</title>"
	                 "<link>https://same.example/</link>",
	           title);
	for (int i = 0; i < n; i++)
		buf_printf(&doc,
		           "<item><title>Post %d</title><guid isPermaLink=\"false\">post-%d</guid>"
		           "<link>https://same.example/post-%d</link><pubDate>%s, %02d Dec 2026 08:00:00 GMT</pubDate>"
		           "<description>text %d</description></item>",
		           days[i], days[i], days[i], "Tue", days[i], days[i]);
	buf_puts(&doc, "</channel></rss>");
	t_write_in(dir, name, buf_str(&doc));
	buf_free(&doc);
}

/* One feed subscribed at two addresses that no redirect joins (here the host as 127.0.0.1 and
 * as localhost, as www. and the bare host are, and the path with ?format=rss) is one source
 * from the first fetch: the one subscribed first keeps its URL and items, the other's URL is
 * where it is found too (`feeds add` says "already a source", `feeds rm` removes it), and each
 * item is stored once. A category feed of the same site (same title, some of the same items,
 * not the others of its span) stays a source of its own. All three were kept: every post was
 * stored twice, and the daily counted the feed twice. */
static void
test_same_feed_two_addresses(void)
{
	const char *dir = t_subdir("same");
	static const int all[] = {1, 2, 3, 4, 5}, some[] = {1, 3, 5};
	write_dated_feed(dir, "feed.xml", "Same Blog", all, 5);
	write_dated_feed(dir, "category.xml", "Same Blog", some, 3);
	struct fsrv srv;
	fsrv_start(&srv, dir, NULL);
	char first[4200], second[4200], third[4200], category[4200];
	snprintf(first, sizeof first, "%s", fsrv_url(&srv, "/feed.xml"));
	snprintf(second, sizeof second, "http://localhost:%d/feed.xml", srv.port);
	snprintf(third, sizeof third, "%s", fsrv_url(&srv, "/feed.xml?format=rss"));
	snprintf(category, sizeof category, "%s", fsrv_url(&srv, "/category.xml"));
	const char *home = t_subdir("same-home");
	struct buf out = BUF_INIT, err = BUF_INIT;
	const char *urls[] = {first, second, third, category};
	for (int i = 0; i < 4; i++)
		CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", urls[i], "--no-discover", "--home", home, NULL), 0);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home, NULL), 0);
	struct store st;
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 2);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 5 + 3);
	CHECK_INT(t_query_int(&st, "SELECT item_count FROM sources WHERE id = 1"), 5);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE id = 4 AND item_count = 3"), 1);
	store_close(&st);
	/* a second run changes nothing */
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home, NULL), 0);
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 2);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 8);
	store_close(&st);
	/* the address that was merged is still known as the feed's */
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "add", second, "--no-discover", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&err), "already a source") != NULL);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--json", "--home", home, NULL), 0);
	json_error_t je;
	json_t *arr = json_loads(buf_str(&out), 0, &je);
	CHECK_INT(json_array_size(arr), 2);
	CHECK(strcmp(json_string_value(json_object_get(json_array_get(arr, 0), "url")), first) == 0);
	json_decref(arr);
	fsrv_stop(&srv);
	buf_free(&out);
	buf_free(&err);
}

/* A feed added again at an address a user takes for the same one (a trailing slash, https://
 * for http://, www., FeedBurner's ?format=xml) is the source already subscribed: `feeds add`
 * says so and names the address it is kept under, an import of those addresses adds nothing,
 * a fetch asks the feed once and stores each post once, and `feeds rm` with such an address
 * removes it. Each was a second source until a fetch showed them to be one feed (and a feed
 * not answering at one of them never did): fetched twice a run, listed twice. */
static void
test_add_same_address(void)
{
	const char *dir = t_subdir("alias");
	static const int days[] = {1, 2, 3};
	write_dated_feed(dir, "feed.xml", "Alias Blog", days, 3);
	struct fsrv srv;
	fsrv_start(&srv, dir, NULL);
	char feed[4200], slash[4200], list[16384], path[4200];
	snprintf(feed, sizeof feed, "%s", fsrv_url(&srv, "/feed.xml"));
	snprintf(slash, sizeof slash, "%s/", feed);
	const char *home = t_subdir("alias-home");
	struct buf out = BUF_INIT, err = BUF_INIT;
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", feed, "--home", home, NULL), 0);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", "http://feeds.feedburner.com/AliasBlog", "--no-discover",
	                  "--home", home, NULL),
	          0);
	/* looked at (the server does not know the slashed path), then found subscribed */
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "add", slash, "--home", home, NULL), 0);
	char want[8600];
	snprintf(want, sizeof want, "already a source: %s (%s is the same feed's address", feed, slash);
	CHECK(strstr(buf_str(&err), want) != NULL);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "add", "https://feeds.feedburner.com/AliasBlog?format=xml",
	                  "--no-discover", "--home", home, NULL),
	          0);
	CHECK(strstr(buf_str(&err), "already a source: http://feeds.feedburner.com/AliasBlog (") != NULL);
	snprintf(list, sizeof list,
	         "<opml version=\"2.0\"><body>"
	         "<outline type=\"rss\" text=\"a\" xmlUrl=\"%s\"/>"
	         "<outline type=\"rss\" text=\"b\" xmlUrl=\"https://www.feeds.feedburner.com/AliasBlog/\"/>"
	         "<outline type=\"rss\" text=\"c\" xmlUrl=\"http://feeds.feedburner.com/AliasBlog?format=rss\"/>"
	         "</body></opml>\n",
	         slash);
	snprintf(path, sizeof path, "%s/alias.opml", t_subdir("alias-in"));
	test_write_file(path, list, strlen(list));
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "import", path, "--no-discover", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&err), "imported 3 feeds (0 new)") != NULL);
	/* removed under another of its addresses (and not asked for: no network here) */
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "rm", "https://www.feeds.feedburner.com/AliasBlog?format=xml",
	                  "--home", home, NULL),
	          0);
	CHECK(strstr(buf_str(&err), "removed http://feeds.feedburner.com/AliasBlog") != NULL);
	fsrv_reset(&srv);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home, NULL), 0);
	long requests = 0;
	CHECK_INT(fsrv_stat(&srv, "/feed.xml", &requests, NULL, NULL, NULL), 0);
	CHECK_INT(requests, 1);
	fsrv_stat(&srv, "/feed.xml/", &requests, NULL, NULL, NULL);
	CHECK_INT(requests, 0);
	struct store st;
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 3);
	store_close(&st);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--json", "--home", home, NULL), 0);
	json_error_t je;
	json_t *arr = json_loads(buf_str(&out), 0, &je);
	CHECK_INT(json_array_size(arr), 1);
	CHECK(strcmp(json_string_value(json_object_get(json_array_get(arr, 0), "url")), feed) == 0);
	json_decref(arr);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "rm", slash, "--home", home, NULL), 0);
	snprintf(want, sizeof want, "removed %s", feed);
	CHECK(strstr(buf_str(&err), want) != NULL);
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 0);
	store_close(&st);
	fsrv_stop(&srv);
	buf_free(&out);
	buf_free(&err);
}

/* A blogroll's OPML often lists blogs' home pages as xmlUrl: `feeds import` looks at each
 * outline as `feeds add` does. A home page naming its feed has the feed stored (the page as
 * its site), and the source fetches; a page naming no feed is kept as given with a warning;
 * a feed is stored as given; the outlines are looked at several at once (a list of blogs
 * that do not answer must not take one timeout after the other); --no-discover makes no
 * request. The pages were stored as given and every fetch of them failed ("served an HTML
 * page, not a feed"). */
static void
test_import_discovers_feeds(void)
{
	const char *dir = t_subdir("roll");
	const char *rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Roll</title>"
	                  "<item><title>a</title><link>https://roll.example/a</link></item></channel></rss>";
	t_write_in(t_subdir("roll/blog"), "index.html",
	           "<html><head><title>A blog</title><link rel=\"alternate\" type=\"application/rss+xml\" "
	           "href=\"feed.xml\"></head><body>hi</body></html>");
	t_write_in(t_subdir("roll/blog"), "feed.xml", rss);
	t_write_in(dir, "about.html", "<html><head><title>About</title></head><body>me</body></html>");
	/* six feeds, not one at six addresses (which are one source from the first fetch) */
	for (int i = 0; i < 6; i++) {
		char name[32], doc[512];
		snprintf(name, sizeof name, "rss%d.xml", i);
		snprintf(doc, sizeof doc,
		         "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Slow %d</title><item><title>s</title>"
		         "<link>https://slow%d.example/s</link></item></channel></rss>",
		         i, i);
		t_write_in(dir, name, doc);
	}
	struct fsrv srv;
	fsrv_start(&srv, dir, NULL);
	struct buf list = BUF_INIT;
	buf_printf(&list,
	           "<opml version=\"2.0\"><body>"
	           "<outline type=\"rss\" text=\"blog\" xmlUrl=\"%s\"/>"
	           "<outline type=\"rss\" text=\"about\" xmlUrl=\"%s\"/>",
	           fsrv_url(&srv, "/blog/"), fsrv_url(&srv, "/about.html"));
	for (int i = 0; i < 6; i++) {
		char target[64];
		snprintf(target, sizeof target, "/rss%d.xml?delay=300&amp;n=%d", i, i);
		buf_printf(&list, "<outline type=\"rss\" text=\"slow %d\" xmlUrl=\"%s\"/>", i, fsrv_url(&srv, target));
	}
	buf_puts(&list, "</body></opml>\n");
	char path[4200];
	snprintf(path, sizeof path, "%s/roll.opml", t_subdir("roll-in"));
	test_write_file(path, list.data, list.len);
	buf_free(&list);
	const char *home = t_subdir("roll-home");
	struct buf out = BUF_INIT, err = BUF_INIT;
	CHECK_INT(t_brief(NULL, &out, &err, "feeds", "import", path, "--json", "--home", home, NULL), 0);
	char want[4200];
	snprintf(want, sizeof want, "found feed %s on page %s", fsrv_url(&srv, "/blog/feed.xml"), fsrv_url(&srv, "/blog/"));
	CHECK(strstr(buf_str(&err), want) != NULL);
	snprintf(want, sizeof want, "warning: %s is a page naming no feed", fsrv_url(&srv, "/about.html"));
	CHECK(strstr(buf_str(&err), want) != NULL);
	CHECK(strstr(buf_str(&err), "imported 8 feeds (8 new)") != NULL);
	CHECK(fsrv_host_max(&srv, "127.0.0.1") > 1); /* looked at several at once */
	json_error_t je;
	json_t *o = json_loads(buf_str(&out), 0, &je);
	CHECK(o != NULL);
	CHECK_INT(json_integer_value(json_object_get(o, "found")), 1);
	CHECK_INT(json_integer_value(json_object_get(o, "unchecked")), 1);
	json_decref(o);
	struct store st;
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 8);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE url LIKE '%/blog/feed.xml' AND html_url LIKE "
	                           "'%/blog/'"),
	          1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE url LIKE '%/about.html'"), 1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE url LIKE '%/rss_.xml?delay=300&n=%'"), 6);
	store_close(&st);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home, NULL), 0);
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE url LIKE '%/blog/feed.xml' AND last_error IS NULL "
	                           "AND item_count = 1"),
	          1);
	store_close(&st);
	/* The list imported again: an outline naming a source fetched as a feed is not looked at
	 * again (no request for each of a long list's feeds); the pages still are, the blog's
	 * (whose feed is the source) and the one that named none. */
	fsrv_reset(&srv);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "import", path, "-q", "--home", home, NULL), 0);
	for (int i = 0; i < 6; i++) {
		char target[64];
		long again = 0;
		snprintf(target, sizeof target, "/rss%d.xml?delay=300&n=%d", i, i);
		CHECK(fsrv_stat(&srv, target, &again, NULL, NULL, NULL) < 0 || again == 0);
	}
	long looked = 0;
	CHECK(fsrv_stat(&srv, "/about.html", &looked, NULL, NULL, NULL) == 0 && looked == 1);
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 8);
	store_close(&st);
	/* --no-discover: as given, no request */
	fsrv_reset(&srv);
	home = t_subdir("roll-home2");
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "import", path, "--no-discover", "--home", home, NULL), 0);
	long requests = -1;
	fsrv_stat(&srv, "*", &requests, NULL, NULL, NULL);
	CHECK_INT(requests, 0);
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE url LIKE '%/blog/'"), 1);
	store_close(&st);
	fsrv_stop(&srv);
	buf_free(&out);
	buf_free(&err);
}

/* `feeds import` of a blogroll naming one host ten times looks at its outlines at most
 * [fetch] per_host (default 3) at once, as the fetcher fetches them, while another host's
 * outlines are looked at beside them: it sent all 8 of its look-ups at once to the host. */
static void
test_import_looks_per_host(void)
{
	const char *dir = t_subdir("perhost");
	t_write_in(dir, "rss.xml",
	           "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>One host</title>"
	           "<item><title>a</title><link>https://one.example/a</link></item></channel></rss>");
	struct fsrv srv;
	fsrv_start(&srv, dir, NULL);
	struct buf list = BUF_INIT;
	buf_puts(&list, "<opml version=\"2.0\"><body>");
	for (int i = 0; i < 10; i++)
		buf_printf(&list, "<outline type=\"rss\" text=\"h%d\" xmlUrl=\"%s/rss.xml?delay=300&amp;n=%d\"/>", i,
		           fsrv_url(&srv, ""), i);
	for (int i = 0; i < 2; i++)
		buf_printf(&list,
		           "<outline type=\"rss\" text=\"l%d\" xmlUrl=\"http://localhost:%d/rss.xml?delay=300&amp;n=%d\"/>",
		           i, srv.port, i);
	buf_puts(&list, "</body></opml>\n");
	char path[4200];
	snprintf(path, sizeof path, "%s/one-host.opml", t_subdir("perhost-in"));
	test_write_file(path, list.data, list.len);
	buf_free(&list);
	struct buf err = BUF_INIT;
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "import", path, "--home", t_subdir("perhost-home"), NULL), 0);
	CHECK(strstr(buf_str(&err), "imported 12 feeds (12 new)") != NULL);
	int most = fsrv_host_max(&srv, "127.0.0.1");
	fprintf(stderr, "one host's look-ups at once: %d\n", most);
	CHECK(most >= 1 && most <= 3);
	CHECK_INT(fsrv_host_max(&srv, "localhost"), 2); /* the other host's, beside them */
	fsrv_stop(&srv);
	buf_free(&err);
}

/* The one source stored in home: its URL and site URL into url / html_url ("" when none), and
 * its url_checked; returns how many sources home has. */
static long long
only_source(const char *home, char *url, char *html_url, size_t size, int *url_checked)
{
	struct store st;
	t_store_open(&st, home);
	long long n = t_query_int(&st, "SELECT count(*) FROM sources");
	url[0] = html_url[0] = '\0';
	*url_checked = -1;
	struct arena a = ARENA_INIT;
	struct source *src;
	size_t count;
	struct err e;
	if (n == 1 && store_sources_active(&st, &a, &src, &count, &e) == 0 && count == 1) {
		snprintf(url, size, "%s", src[0].url);
		snprintf(html_url, size, "%s", src[0].html_url ? src[0].html_url : "");
		*url_checked = src[0].url_checked;
	}
	arena_free(&a);
	store_close(&st);
	return n;
}

/* `feeds add` of a blog's home page (feed autodiscovery, docs/cli.md): the page's main feed
 * is stored, not the page, whose every fetch failed with "served an HTML page, not a feed".
 * A comments feed listed first is passed over; a relative href is resolved against <base
 * href>, or against where a redirect led; a page naming no feed is refused and nothing
 * stored; hostile link text never reaches the terminal; --no-discover stores the URL as given
 * without a request; an unreachable URL is stored as given, as before, with a warning. */
static void
test_add_discovers_feed(void)
{
	const char *dir = t_subdir("site");
	const char *rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Blog</title>"
	                  "<item><title>a</title><link>https://blog.example/a</link></item></channel></rss>";
	t_write_in(dir, "index.html",
	           "<!DOCTYPE html><html><head><title>A blog</title>\n"
	           "<base href=\"/main/\">\n"
	           "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Blog &raquo; Comments Feed\" "
	           "href=\"/comments/feed.xml\">\n"
	           "<link rel=\"alternate\" type=\"application/json\" href=\"/wp-json/\">\n"
	           "<link rel=\"Alternate\" type=\"Application/Atom+XML; charset=utf-8\" title=\"Blog\" "
	           "href=\"feed.xml\">\n"
	           "</head><body><p>Welcome.</p></body></html>\n");
	t_write_in(dir, "feed.xml", rss);
	t_write_in(t_subdir("site/main"), "feed.xml", rss); /* where <base href> puts it */
	const char *sub = t_subdir("site/blog");
	t_write_in(sub, "index.html",
	           "<html><head><title>Moved blog</title><link rel=alternate type=application/rss+xml "
	           "href=\"rss.xml\"></head><body>hi</body></html>");
	t_write_in(sub, "rss.xml", rss);
	t_write_in(dir, "nofeed.html",
	           "<!doctype html><html><head><title>No feed</title><link rel=\"stylesheet\" href=\"s.css\">"
	           "<link rel=\"alternate\" hreflang=\"fr\" href=\"/fr/\"></head><body>x</body></html>");
	t_write_in(dir, "hostile.html",
	           "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" title=\"x\" "
	           "href=\"javascript:alert(1)//feed\">"
	           "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Evil&#27;]0;pwned&#7;&#27;[2J\" "
	           "href=\"feed.xml?a=&#27;[2J\">"
	           "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Main&#27;[31m\" "
	           "href=\"/feed.xml\"></head><body>x</body></html>");
	struct fsrv srv;
	fsrv_start(&srv, dir, NULL);
	struct buf out = BUF_INIT, err = BUF_INIT;
	char url[4200], html_url[4200], want[4200];
	int checked;

	/* the home page: its main feed, resolved against <base href>, the page as the site */
	const char *home = t_subdir("disc1");
	CHECK_INT(t_brief(NULL, &out, &err, "feeds", "add", fsrv_url(&srv, "/"), "--home", home, NULL), 0);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 1);
	CHECK_STR(url, fsrv_url(&srv, "/main/feed.xml"));
	CHECK_STR(html_url, fsrv_url(&srv, "/"));
	CHECK_INT(checked, 0); /* a page on loopback may name loopback feeds */
	snprintf(want, sizeof want, "found feed %s (Blog) on page %s", fsrv_url(&srv, "/main/feed.xml"), fsrv_url(&srv, "/"));
	CHECK(strstr(buf_str(&out), want) != NULL);
	CHECK(strstr(buf_str(&out), fsrv_url(&srv, "/comments/feed.xml")) != NULL); /* the others are listed */

	/* a redirect from the page: its relative href is resolved where the redirect led */
	home = t_subdir("disc2");
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "add", fsrv_url(&srv, "/old?redirect=301&to=/blog/"), "--home",
	                  home, NULL),
	          0);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 1);
	CHECK_STR(url, fsrv_url(&srv, "/blog/rss.xml"));
	CHECK_STR(html_url, fsrv_url(&srv, "/blog/"));

	/* a page naming no feed: exit 1, the page named, nothing stored */
	home = t_subdir("disc3");
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "add", fsrv_url(&srv, "/nofeed.html"), "--home", home, NULL), 1);
	snprintf(want, sizeof want, "no feed link found on page %s", fsrv_url(&srv, "/nofeed.html"));
	CHECK(strstr(buf_str(&err), want) != NULL);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 0);

	/* hostile link text: no control character printed, the javascript: href neither chosen,
	 * shown nor stored */
	home = t_subdir("disc4");
	buf_clear(&out);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, &out, &err, "feeds", "add", fsrv_url(&srv, "/hostile.html"), "--home", home, NULL), 0);
	CHECK(memchr(out.data, 0x1b, out.len) == NULL && memchr(out.data, 0x07, out.len) == NULL);
	CHECK(memchr(err.data, 0x1b, err.len) == NULL && memchr(err.data, 0x07, err.len) == NULL);
	CHECK(strstr(buf_str(&out), "javascript") == NULL && strstr(buf_str(&err), "javascript") == NULL);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 1);
	CHECK(str_starts(url, fsrv_url(&srv, "/feed.xml")));
	for (const char *p = url; *p; p++)
		CHECK((unsigned char)*p >= 0x20 && *p != 0x7f);

	/* a feed's own URL is stored as given; --no-discover stores a page as given, unrequested */
	home = t_subdir("disc5");
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", fsrv_url(&srv, "/feed.xml?direct=1"), "--home", home, NULL), 0);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 1);
	CHECK_STR(url, fsrv_url(&srv, "/feed.xml?direct=1"));
	home = t_subdir("disc6");
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", fsrv_url(&srv, "/?offline=1"), "--no-discover", "--home",
	                  home, NULL),
	          0);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 1);
	CHECK_STR(url, fsrv_url(&srv, "/?offline=1"));
	CHECK(fsrv_stat(&srv, "/?offline=1", NULL, NULL, NULL, NULL) < 0);
	fsrv_stop(&srv);

	/* nothing answers: stored as given (the contract before discovery), with a warning */
	char dead[64];
	snprintf(dead, sizeof dead, "http://127.0.0.1:%d/", t_free_port());
	home = t_subdir("disc7");
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "add", dead, "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&err), "could not look at") != NULL);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 1);
	CHECK_STR(url, dead);
	buf_free(&out);
	buf_free(&err);
}

/* A page's feed links are often stale: the one chosen is requested before it is stored. A
 * first link to a 404 or to a web page gives way to the next feed, which is stored; a page
 * whose main feed serves none is refused (exit 1, nothing stored), its comments feed not
 * taken in its place; a feed that cannot be reached today (HTTP 503) is kept with a warning.
 * The 404 and the page were stored, and every later fetch failed. */
static void
test_add_checks_found_feed(void)
{
	const char *dir = t_subdir("stale");
	const char *rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Blog</title>"
	                  "<item><title>a</title><link>https://blog.example/a</link></item></channel></rss>";
	t_write_in(dir, "feed.xml", rss);
	const char *comments = t_subdir("stale/comments");
	t_write_in(comments, "feed.xml", rss);
	t_write_in(dir, "stale.html",
	           "<html><head><title>Stale</title>"
	           "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Old\" href=\"/gone.xml\">"
	           "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Page\" href=\"/about.html\">"
	           "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Now\" href=\"/feed.xml\">"
	           "</head><body>x</body></html>");
	t_write_in(dir, "about.html", "<html><head><title>About</title></head><body>me</body></html>");
	t_write_in(dir, "gone.html",
	           "<html><head>"
	           "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Comments\" href=\"/comments/feed.xml\">"
	           "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Main\" href=\"/gone.xml\">"
	           "</head><body>x</body></html>");
	t_write_in(dir, "down.html",
	           "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" title=\"Main\" "
	           "href=\"/feed.xml?status=503\"></head><body>x</body></html>");
	struct fsrv srv;
	fsrv_start(&srv, dir, NULL);
	struct buf out = BUF_INIT, err = BUF_INIT;
	char url[4200], html_url[4200], want[4200];
	int checked;

	const char *home = t_subdir("stale1");
	CHECK_INT(t_brief(NULL, &out, &err, "feeds", "add", fsrv_url(&srv, "/stale.html"), "--home", home, NULL), 0);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 1);
	CHECK_STR(url, fsrv_url(&srv, "/feed.xml"));
	snprintf(want, sizeof want, "found feed %s (Now)", fsrv_url(&srv, "/feed.xml"));
	CHECK(strstr(buf_str(&out), want) != NULL);
	snprintf(want, sizeof want, "%s (Old) [serves no feed: HTTP 404]", fsrv_url(&srv, "/gone.xml"));
	CHECK(strstr(buf_str(&out), want) != NULL);
	CHECK(strstr(buf_str(&out), "(Page) [serves no feed: a web page") != NULL);
	/* the source it stored fetches */
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home, NULL), 0);
	struct store st;
	t_store_open(&st, home);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE last_error IS NULL AND item_count = 1"), 1);
	store_close(&st);

	home = t_subdir("stale2");
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "add", fsrv_url(&srv, "/gone.html"), "--home", home, NULL), 1);
	CHECK(strstr(buf_str(&err), "no feed link found on page") != NULL);
	CHECK(strstr(buf_str(&err), "HTTP 404") != NULL);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 0);

	home = t_subdir("stale3");
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "add", fsrv_url(&srv, "/down.html"), "--home", home, NULL), 0);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 1);
	CHECK_STR(url, fsrv_url(&srv, "/feed.xml?status=503"));
	CHECK(strstr(buf_str(&err), "could not look at feed") != NULL);
	CHECK(strstr(buf_str(&err), "HTTP 503") != NULL);
	fsrv_stop(&srv);
	buf_free(&out);
	buf_free(&err);
}

/* A blog's home page that names no feed (no <link rel="alternate">), as many WordPress,
 * Substack and Hugo themes leave it, has its usual feed addresses beside it tried: `feed`,
 * then `index.xml`; the one that serves a feed is stored. A home page with neither is still
 * refused, nothing stored, and a page that is not a home (its URL not ending in '/') is not
 * guessed at. The user pasting such a home page was told "no feed found". */
static void
test_add_guesses_usual_feed(void)
{
	const char *dir = t_subdir("bare");
	const char *rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bare</title>"
	                  "<item><title>a</title><link>https://bare.example/a</link></item></channel></rss>";
	const char *page = "<html><head><title>A blog</title></head><body><p>Posts.</p></body></html>";
	const char *wp = t_subdir("bare/wp"), *hugo = t_subdir("bare/hugo"), *none = t_subdir("bare/none");
	t_write_in(wp, "index.html", page);
	t_write_in(wp, "feed", rss);
	t_write_in(hugo, "index.html", page);
	t_write_in(hugo, "index.xml", rss);
	t_write_in(none, "index.html", page);
	t_write_in(none, "post.html", page);
	t_write_in(none, "feed", page); /* a site answering every path with a page */
	struct fsrv srv;
	fsrv_start(&srv, dir, NULL);
	struct buf out = BUF_INIT, err = BUF_INIT;
	char url[4200], html_url[4200];
	int checked;
	const char *home = t_subdir("bare1");
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "add", fsrv_url(&srv, "/wp/"), "--home", home, NULL), 0);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 1);
	CHECK_STR(url, fsrv_url(&srv, "/wp/feed"));
	CHECK_STR(html_url, fsrv_url(&srv, "/wp/"));
	CHECK(strstr(buf_str(&out), "the page names no feed") != NULL);
	home = t_subdir("bare2");
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", fsrv_url(&srv, "/hugo/"), "--home", home, NULL), 0);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 1);
	CHECK_STR(url, fsrv_url(&srv, "/hugo/index.xml"));
	home = t_subdir("bare3");
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "add", fsrv_url(&srv, "/none/"), "--home", home, NULL), 1);
	CHECK(strstr(buf_str(&err), "no feed link found on page") != NULL);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 0);
	fsrv_reset(&srv);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", fsrv_url(&srv, "/none/post.html"), "--home", home, NULL), 1);
	long requests = 0;
	fsrv_stat(&srv, "*", &requests, NULL, NULL, NULL);
	CHECK_INT(requests, 1); /* the page alone */
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 0);
	fsrv_stop(&srv);
	buf_free(&out);
	buf_free(&err);
}

/* A public page (127.0.0.3 stands for the internet) may not make brief subscribe to an
 * internal address: its alternates to 127.0.0.1 and 10.x are refused (exit 1, nothing
 * stored); a public page's feed under a name is stored to be fetched with the address guard
 * on from its first hop (url_checked), as a redirect's target is. */
static void
test_add_discovery_guard(void)
{
	char *const env[] = {"BRIEF_CONFIG=/dev/null", "BRIEF_LLM_BASE_URL=", "OPENAI_API_KEY=", "TZ=UTC",
	                     "BRIEF_TEST_PUBLIC_ADDR=127.0.0.3", NULL};
	struct fsrv internal, pub;
	fsrv_start(&internal, FIXTURES_DIR, NULL);
	const char *dir = t_subdir("pubsite");
	char page[8192];
	snprintf(page, sizeof page,
	         "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"%s\">"
	         "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"http://10.1.2.3/feed\">"
	         "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"http://[::1]/feed\">"
	         "</head><body>x</body></html>",
	         fsrv_url(&internal, "/rss.xml"));
	t_write_in(dir, "index.html", page);
	t_write_in(dir, "named.html",
	           "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" "
	           "href=\"http://localhost.example/feed\"></head><body>x</body></html>");
	fsrv_start(&pub, dir, "127.0.0.3");
	struct buf err = BUF_INIT;
	char url[4200], html_url[4200];
	int checked;
	const char *home = t_subdir("guard1");
	CHECK_INT(t_brief(env, NULL, &err, "feeds", "add", fsrv_url(&pub, "/"), "--home", home, NULL), 1);
	CHECK(strstr(buf_str(&err), "no feed link found on page") != NULL);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 0);
	CHECK(fsrv_stat(&internal, "/rss.xml", NULL, NULL, NULL, NULL) < 0); /* never requested */
	home = t_subdir("guard2");
	CHECK_INT(t_brief(env, NULL, NULL, "feeds", "add", fsrv_url(&pub, "/named.html"), "--home", home, NULL), 0);
	CHECK_INT(only_source(home, url, html_url, sizeof url, &checked), 1);
	CHECK_STR(url, "http://localhost.example/feed");
	CHECK_INT(checked, 1);
	fsrv_stop(&pub);
	fsrv_stop(&internal);
	buf_free(&err);
}

int
main(void)
{
	test_add_discovers_feed();
	test_add_discovery_guard();
	test_add_checks_found_feed();
	test_add_guesses_usual_feed();
	test_spellings_are_one_source();
	test_moved_feed_is_one_source();
	test_moved_onto_existing_source();
	test_same_feed_two_addresses();
	test_add_same_address();
	test_import_discovers_feeds();
	test_import_looks_per_host();
	const char *home = t_subdir("home");
	char path[4200];
	snprintf(path, sizeof path, "%s/mixed.opml", t_subdir("in"));
	test_write_file(path, opml, strlen(opml));
	struct buf out = BUF_INIT, err = BUF_INIT;

	CHECK_INT(t_brief(NULL, &out, &err, "feeds", "import", path, "--json", "--home", home, NULL), 0);
	fputs(buf_str(&err), stderr);
	/* stderr: the totals with a count per reason, and each rejected entry named */
	CHECK(strstr(buf_str(&err), "imported 2 feeds (2 new)") != NULL);
	CHECK(strstr(buf_str(&err), "rejected 11: 3 relative, 3 scheme, 2 space, 3 no_host") != NULL);
	CHECK(strstr(buf_str(&err), "rejected javascript:alert(document.cookie): not an http(s) URL") != NULL);
	CHECK(strstr(buf_str(&err), "rejected http://: no host") != NULL);
	CHECK(strstr(buf_str(&err), "rejected feeds/rel.xml: a relative URL") != NULL);
	CHECK(strstr(buf_str(&err), "rejected https://sp.example/a feed.xml: a space") != NULL);
	CHECK(strstr(buf_str(&err), "rejected https://tab.example/a?b: a space") != NULL); /* no raw controls */
	/* --json: the same numbers */
	json_error_t je;
	json_t *o = json_loads(buf_str(&out), 0, &je);
	CHECK(o != NULL);
	if (o) {
		CHECK_INT(json_integer_value(json_object_get(o, "imported")), 2);
		CHECK_INT(json_integer_value(json_object_get(o, "new")), 2);
		CHECK_INT(json_integer_value(json_object_get(o, "rejected")), 11);
		CHECK_INT(reason(o, "scheme"), 3);
		CHECK_INT(reason(o, "relative"), 3);
		CHECK_INT(reason(o, "no_host"), 3);
		CHECK_INT(reason(o, "space"), 2);
		json_decref(o);
	}
	/* only the good ones are stored */
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--json", "--home", home, NULL), 0);
	json_t *list = json_loads(buf_str(&out), 0, &je);
	CHECK(json_is_array(list));
	CHECK_INT(json_array_size(list), 2);
	for (size_t i = 0; i < json_array_size(list); i++) {
		const char *u = json_string_value(json_object_get(json_array_get(list, i), "url"));
		CHECK(u && (strstr(u, "good.example") || strstr(u, "good2.example") || strstr(u, "Good2.example")));
	}
	json_decref(list);
	/* A second import: nothing new, the same rejections. */
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "import", path, "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&err), "imported 2 feeds (0 new)") != NULL);
	CHECK(strstr(buf_str(&err), "rejected 11:") != NULL);

	/* feeds add: the same check, a usage error naming the reason, nothing stored */
	for (size_t i = 0; i < sizeof bad_urls / sizeof bad_urls[0]; i++) {
		buf_clear(&err);
		int rc = t_brief(NULL, NULL, &err, "feeds", "add", bad_urls[i], "--home", home, NULL);
		if (rc != 2)
			fprintf(stderr, "feeds add %s: exit %d\n", bad_urls[i], rc);
		CHECK_INT(rc, 2);
		CHECK(strstr(buf_str(&err), "add wants an http:// or https:// feed URL") != NULL);
		/* the URL and its reason, as import names them: a readable sentence ("not an http(s)
		 * URL", "no host ..." once, not "not not an http(s) URL", "not no host") */
		char named[300];
		snprintf(named, sizeof named, "%s: %s", bad_urls[i],
		         i < 3 ? "not an http(s) URL" : i < 6 ? "a relative URL" : i < 9 ? "no host" : "a space");
		if (!strstr(buf_str(&err), named))
			fprintf(stderr, "feeds add %s: %s", bad_urls[i], buf_str(&err));
		CHECK(strstr(buf_str(&err), named) != NULL);
		CHECK(strstr(buf_str(&err), "not not ") == NULL && strstr(buf_str(&err), "not no ") == NULL);
	}
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--json", "--home", home, NULL), 0);
	list = json_loads(buf_str(&out), 0, &je);
	CHECK_INT(json_array_size(list), 2);
	json_decref(list);

	/* fetch --feeds: the same list's bad entries are not stored as ad-hoc sources either */
	struct fsrv srv;
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	char adhoc[8192], adhoc_path[4200];
	snprintf(adhoc, sizeof adhoc,
	         "<opml version=\"2.0\"><body><outline text=\"ok\" xmlUrl=\"%s\"/>"
	         "<outline xmlUrl=\"javascript:alert(1)\"/><outline xmlUrl=\"file:///etc/passwd\"/>"
	         "<outline xmlUrl=\"http://\"/><outline xmlUrl=\"rel.xml\"/></body></opml>",
	         fsrv_url(&srv, "/rss.xml"));
	snprintf(adhoc_path, sizeof adhoc_path, "%s/adhoc.opml", t_subdir("in2"));
	test_write_file(adhoc_path, adhoc, strlen(adhoc));
	const char *home2 = t_subdir("home2");
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, NULL, &err, "fetch", "--feeds", adhoc_path, "--home", home2, NULL), 0);
	CHECK(strstr(buf_str(&err), "4 entries skipped") != NULL);
	fsrv_stop(&srv);
	struct store st;
	t_store_open(&st, home2);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources"), 1);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE url LIKE 'http://127.0.0.1:%/rss.xml'"), 1);
	store_close(&st);
	/* A file name that is not UTF-8 (Latin-1 "café") still names its file in the JSON: jansson
	 * refuses such a string, and the key was left out ("file" of import, "source" of parse). */
	char latin1[4300];
	snprintf(latin1, sizeof latin1, "%s/caf\xe9 list.opml", t_subdir("in3"));
	test_write_file(latin1, opml, strlen(opml));
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "import", latin1, "--json", "--home", home, NULL), 0);
	o = json_loads(buf_str(&out), 0, &je);
	const char *file = json_string_value(json_object_get(o, "file"));
	CHECK(file && strstr(file, "caf\xef\xbf\xbd list.opml") != NULL);
	json_decref(o);
	char latin1_feed[4300];
	snprintf(latin1_feed, sizeof latin1_feed, "%s/caf\xe9.xml", t_subdir("in3"));
	const char *rss = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
	test_write_file(latin1_feed, rss, strlen(rss));
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "parse", latin1_feed, NULL), 0);
	o = json_loads(buf_str(&out), 0, &je);
	const char *source = json_string_value(json_object_get(o, "source"));
	CHECK(source && strstr(source, "caf\xef\xbf\xbd.xml") != NULL);
	CHECK(json_object_iter_key(json_object_iter(o)) &&
	      strcmp(json_object_iter_key(json_object_iter(o)), "source") == 0);
	json_decref(o);
	/* ... and a --name that is not UTF-8 is shown, not left out, by feeds list --json */
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", "https://latin1.example/feed", "--name",
	                  "caf\xe9", "--home", home, NULL),
	          0);
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--json", "--home", home, NULL), 0);
	list = json_loads(buf_str(&out), 0, &je);
	int named = 0;
	for (size_t i = 0; i < json_array_size(list); i++) {
		json_t *src = json_array_get(list, i);
		const char *u = json_string_value(json_object_get(src, "url"));
		const char *n = json_string_value(json_object_get(src, "name"));
		named |= u && strcmp(u, "https://latin1.example/feed") == 0 && n &&
		         strcmp(n, "caf\xef\xbf\xbd") == 0;
	}
	CHECK(named);
	json_decref(list);

	/* A name the user gave (`feeds add --name`) survives importing the same list again: the
	 * list's title ("good 1") names only a source that has none. */
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", "https://good.example/feed.xml", "--name",
	                  "My pick", "--home", home, NULL),
	          0);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "import", path, "--home", home, NULL), 0);
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--json", "--home", home, NULL), 0);
	list = json_loads(buf_str(&out), 0, &je);
	int kept = 0, titled = 0;
	for (size_t i = 0; i < json_array_size(list); i++) {
		json_t *src = json_array_get(list, i);
		const char *u = json_string_value(json_object_get(src, "url"));
		const char *n = json_string_value(json_object_get(src, "name"));
		kept += u && strcmp(u, "https://good.example/feed.xml") == 0 && n && strcmp(n, "My pick") == 0;
		titled += u && strstr(u, ":8080/rss") && n && strcmp(n, "good 2") == 0;
	}
	CHECK_INT(kept, 1);
	CHECK_INT(titled, 1); /* a source with no name of its own still takes the list's */
	json_decref(list);

	/* Outlines that name a site but no feed (only htmlUrl, or url= as some readers write)
	 * are not imported and not silently dropped: counted and named as rejected. A folder
	 * (an outline with children) is not such an entry. */
	const char *sites_opml =
	    "<opml version=\"2.0\"><body>"
	    "<outline text=\"feed\" xmlUrl=\"https://feed.example/rss\" htmlUrl=\"https://feed.example/\"/>"
	    "<outline text=\"Only a site\" htmlUrl=\"https://site.example/\"/>"
	    "<outline text=\"Url attr\" type=\"rss\" url=\"https://url.example/feed\"/>"
	    "<outline text=\"folder\"><outline text=\"inner\" xmlUrl=\"https://inner.example/atom\"/></outline>"
	    "</body></opml>";
	char sites_path[4200];
	snprintf(sites_path, sizeof sites_path, "%s/sites.opml", t_subdir("in4"));
	test_write_file(sites_path, sites_opml, strlen(sites_opml));
	const char *home4 = t_subdir("home4");
	buf_clear(&out);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, &out, &err, "feeds", "import", sites_path, "--json", "--home", home4, NULL), 0);
	CHECK(strstr(buf_str(&err), "imported 2 feeds (2 new)") != NULL);
	CHECK(strstr(buf_str(&err), "rejected 2") != NULL);
	CHECK(strstr(buf_str(&err), "rejected Only a site: no xmlUrl") != NULL);
	CHECK(strstr(buf_str(&err), "rejected Url attr: no xmlUrl") != NULL);
	o = json_loads(buf_str(&out), 0, &je);
	CHECK(o != NULL);
	CHECK_INT(json_integer_value(json_object_get(o, "rejected")), 2);
	CHECK_INT(reason(o, "no_xml_url"), 2);
	json_decref(o);

	/* A feed's own User-Agent (feeds add --user-agent) survives export -> import into a new
	 * archive (brief's own namespaced OPML attribute), and a fetch over loopback sends it. */
	struct fsrv uas;
	fsrv_start(&uas, FIXTURES_DIR, NULL);
	const char *home5 = t_subdir("home5"), *home6 = t_subdir("home6");
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", fsrv_url(&uas, "/rss.xml"), "--user-agent",
	                  "MyReader/2.0 \"quoted\" & <more>", "--home", home5, NULL),
	          0);
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "export", "--home", home5, NULL), 0);
	char ua_path[4200];
	snprintf(ua_path, sizeof ua_path, "%s/ua.opml", t_subdir("in5"));
	test_write_file(ua_path, out.data, out.len);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "import", ua_path, "--home", home6, NULL), 0);
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--json", "--home", home6, NULL), 0);
	list = json_loads(buf_str(&out), 0, &je);
	CHECK_INT(json_array_size(list), 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(list, 0), "user_agent")),
	          "MyReader/2.0 \"quoted\" & <more>");
	json_decref(list);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home6, NULL), 0);
	char sent_ua[256];
	fsrv_user_agent(&uas, "/rss.xml", sent_ua, sizeof sent_ua);
	fsrv_stop(&uas);
	CHECK_STR(sent_ua, "MyReader/2.0 \"quoted\" & <more>");

	/* A feed's own title is the feed's text: its control characters (an escape sequence that
	 * retitles or scripts the terminal) never reach the terminal through `feeds list`. */
	const char *evil_dir = t_subdir("evil");
	t_write_in(evil_dir, "evil.json",
	           "{\"version\":\"https://jsonfeed.org/version/"
	           "1.1\",\"title\":\"Evil\\u001b]0;pwned\\u0007\\u001b[2J\","
	           "\"items\":[{\"id\":\"1\",\"title\":\"x\",\"url\":\"https://e.example/"
	           "1\",\"content_text\":\"hi\"}]}");
	struct fsrv evil;
	fsrv_start(&evil, evil_dir, NULL);
	const char *home3 = t_subdir("home3");
	CHECK_INT(
	    t_brief(NULL, NULL, NULL, "feeds", "add", fsrv_url(&evil, "/evil.json"), "--home", home3, NULL),
	    0);
	CHECK_INT(t_brief(NULL, NULL, NULL, "fetch", "-q", "--home", home3, NULL), 0);
	fsrv_stop(&evil);
	buf_clear(&out);
	CHECK_INT(t_brief(NULL, &out, NULL, "feeds", "list", "--home", home3, NULL), 0);
	CHECK(strstr(buf_str(&out), "Evil") != NULL);
	CHECK(memchr(out.data, 0x1b, out.len) == NULL && memchr(out.data, 0x07, out.len) == NULL);
	buf_free(&out);
	buf_free(&err);
	return test_done("test_cli_import");
}
