/* test_cli_import.c: `brief feeds import` says how many entries it rejected and why, and
 * never stores them. A list of good feeds mixed with javascript:, file:, data:, relative,
 * scheme-relative, host-less and spaced URLs: the good ones are imported, the others are
 * counted per reason on stderr and in the --json object, and `feeds list` shows only the
 * good ones. `feeds add` refuses the same URLs for the same reasons (exit 2). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "netlib.h"
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

int
main(void)
{
	test_spellings_are_one_source();
	test_moved_feed_is_one_source();
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
