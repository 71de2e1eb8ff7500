/* test_fulltext.c: full text for thin feeds (issue 13) over real HTTP on loopback, real SQLite.
 *
 * Three feed servers: 127.0.0.3 stands for "the public internet" ($BRIEF_TEST_PUBLIC_ADDR),
 * 127.0.0.1 and 127.0.0.2 are internal. A public feed's thin items link to an article page, a
 * page without an article, and redirects to 127.0.0.2, [::1] and the private literal 10.0.0.1;
 * a second feed, added by the user at an internal address behind a redirect to 127.0.0.2, links
 * to a page on 127.0.0.2. The user's feeds are fetched wherever they are; item links never
 * reach an internal address (no request arrives there), the article is extracted and stored,
 * reports read it (store_select_window), and a second run fetches no page again. With
 * [fetch] allow_private = true the internal page is fetched; full_text_never turns a feed off.
 * Pages of 15 and 17 MiB (under and over the cap), and pages in GBK (by header, by <meta>).
 * A feed's pages start once the feed is stored, not after the slowest feed: a feed that is
 * answered only once another feed's page has been asked for (netlib's gate). */
#include <stdlib.h>
#include <string.h>

#include "net/fetch.h"
#include "netlib.h"
#include "store/fulltext.h"
#include "store/select.h"
#include "testlib.h"
#include "util/timeutil.h"

static struct fsrv pub, in1, in2; /* 127.0.0.3 ("public"), 127.0.0.1, 127.0.0.2 */
static char root[4200];

static const char article_html[] =
	"<html><head><title>Tide tables</title></head><body><nav><a href=\"/\">Home</a></nav>"
	"<article><p>The spring tides arrive a little earlier this year, the harbour office says, and the "
	"lowest water of the season falls on a Sunday morning, which pleases the cockle pickers and "
	"worries the ferry crews in equal measure.</p><p>Walkers are asked to check the tables before "
	"crossing the sands to the island, because the channel floods faster than it looks, and the "
	"lifeboat was called out twice last spring for people caught halfway over.</p><p>The office "
	"prints the tables on paper again this year, after complaints that the website was hard to read "
	"on a phone in the wind, and copies are free at the quay, the library and the bakery.</p>"
	"</article><footer>Harbour office</footer></body></html>";
static const char secret_html[] =
	"<html><body><article><p>INTERNAL SECRET: this page must never be fetched through an item link "
	"from a public feed, whatever redirects the feed's pages send brief through.</p></article></body></html>";
static const char noarticle_html[] =
	"<html><body><ul><li><a href=\"/a\">One</a></li><li><a href=\"/b\">Two</a></li></ul></body></html>";

/* An RSS item; & in the link written as &amp;. */
static void
item(struct buf *b, const char *title, const char *link, const char *description)
{
	buf_printf(b, "<item><title>%s</title><link>", title);
	for (const char *p = link; *p; p++)
		if (*p == '&')
			buf_puts(b, "&amp;");
		else
			buf_putc(b, *p);
	buf_printf(b, "</link><description>%s</description></item>\n", description);
}

static char links[8][600];

static void
write_feeds(void)
{
	char t[300], e[700];
	snprintf(links[0], sizeof links[0], "http://127.0.0.3:%d/article.html", pub.port);
	snprintf(t, sizeof t, "http://127.0.0.2:%d/secret.html", in2.port);
	t_url_escape(t, e, sizeof e);
	snprintf(links[1], sizeof links[1], "http://127.0.0.3:%d/r1?redirect=302&to=%s", pub.port, e);
	snprintf(t, sizeof t, "http://[::1]:%d/secret.html", in1.port);
	t_url_escape(t, e, sizeof e);
	snprintf(links[2], sizeof links[2], "http://127.0.0.3:%d/r2?redirect=307&to=%s", pub.port, e);
	t_url_escape("http://10.0.0.1/secret.html", e, sizeof e);
	snprintf(links[3], sizeof links[3], "http://127.0.0.3:%d/r3?redirect=301&to=%s", pub.port, e);
	snprintf(links[4], sizeof links[4], "http://127.0.0.3:%d/noarticle.html", pub.port);
	snprintf(links[5], sizeof links[5], "http://127.0.0.3:%d/long.html", pub.port);
	snprintf(links[6], sizeof links[6], "http://127.0.0.2:%d/secret.html", in2.port);
	struct buf b = BUF_INIT;
	buf_puts(&b, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Public</title>\n");
	item(&b, "Tides", links[0], "Tides are early.");
	item(&b, "Redirect to 127.0.0.2", links[1], "Short.");
	item(&b, "Redirect to ::1", links[2], "Short.");
	item(&b, "Redirect to 10.0.0.1", links[3], "Short.");
	item(&b, "No article", links[4], "Short.");
	buf_puts(&b, "<item><title>Long enough</title><link>");
	buf_puts(&b, links[5]);
	buf_puts(&b, "</link><description>");
	for (int i = 0; i < 12; i++)
		buf_puts(&b, "This feed item already carries its whole story in the feed, sentence after sentence. ");
	buf_puts(&b, "</description></item>\n</channel></rss>\n");
	t_write_in(root, "public.xml", buf_str(&b));
	buf_clear(&b);
	buf_puts(&b, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Intranet</title>\n");
	item(&b, "Internal page", links[6], "Short.");
	buf_puts(&b, "</channel></rss>\n");
	t_write_in(root, "intranet.xml", buf_str(&b));
	buf_free(&b);
}

static void
fetch(struct store *st, const char *config_text, struct arena *a, struct fetch_summary *s)
{
	char path[4400];
	snprintf(path, sizeof path, "%s/test.conf", test_tmpdir());
	test_write_file(path, config_text, strlen(config_text));
	struct config cfg;
	struct err e;
	CHECK(config_load(&cfg, path, &e) == 0);
	t_fetch_cfg(st, &cfg, 60, a, s);
	config_free(&cfg);
}

/* Serve the items in items (item()'s output) as the RSS feed NAME.xml, titled NAME, on the
 * public server; open st, a fresh store in the subdirectory NAME subscribed to that feed
 * alone, and fetch it once with full text on. The caller closes st. */
static void
fetch_one_feed(const char *name, const struct buf *items, struct store *st, struct arena *a,
               struct fetch_summary *s)
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>%s</title>\n%s</channel></rss>\n",
	           name, buf_str(items));
	char file[200], feed[300];
	snprintf(file, sizeof file, "%s.xml", name);
	t_write_in(root, file, buf_str(&b));
	buf_free(&b);
	t_store_open(st, t_subdir(name));
	snprintf(feed, sizeof feed, "http://127.0.0.3:%d/%s", pub.port, file);
	t_add_source(st, feed);
	fetch(st, "[fetch]\nfull_text = true\n", a, s);
}

static long
requests(const struct fsrv *s, const char *target)
{
	long n = 0;
	return fsrv_stat(s, target, &n, NULL, NULL, NULL) == 0 ? n : 0;
}

static long long
status_of(struct store *st, const char *link)
{
	char sql[900];
	snprintf(sql, sizeof sql,
	         "SELECT coalesce((SELECT f.status FROM fulltext f JOIN items i ON i.id = f.item_id"
	         " WHERE i.link = '%s'), -1)",
	         link);
	return t_query_int(st, sql);
}

static void
test_pipeline(void)
{
	struct store st;
	t_store_open(&st, t_subdir("pipeline"));
	char feed1[300], feed2[700], t[300], e[700];
	snprintf(feed1, sizeof feed1, "http://127.0.0.3:%d/public.xml", pub.port);
	snprintf(t, sizeof t, "http://127.0.0.2:%d/intranet.xml", in2.port);
	t_url_escape(t, e, sizeof e);
	snprintf(feed2, sizeof feed2, "http://127.0.0.1:%d/moved?redirect=302&to=%s", in1.port, e);
	t_add_source(&st, feed1);
	t_add_source(&st, feed2);
	fsrv_reset(&pub);
	fsrv_reset(&in1);
	fsrv_reset(&in2);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	fetch(&st, "[fetch]\nfull_text = true\n", &a, &s);
	t_print_failures(&s);
	/* the user's feeds are fetched where they are, the internal one behind a redirect too */
	CHECK_INT(s.feeds_ok, 2);
	CHECK_INT(requests(&in2, "/intranet.xml"), 1);
	CHECK(s.full_text);
	CHECK_INT(s.pages_total, 6); /* every thin item; not the one with its story in the feed */
	CHECK_INT(s.pages_ok, 1);
	CHECK_INT(s.pages_no_article, 1);
	CHECK_INT(s.pages_failed, 4);
	CHECK_INT(requests(&pub, "/long.html"), 0);
	/* no item link reached an internal server */
	CHECK_INT(requests(&in2, "/secret.html"), 0);
	CHECK_INT(requests(&in1, "/secret.html"), 0);
	CHECK_INT(status_of(&st, links[0]), FULLTEXT_OK);
	for (int i = 1; i <= 3; i++)
		CHECK_INT(status_of(&st, links[i]), FULLTEXT_FAILED);
	CHECK_INT(status_of(&st, links[4]), FULLTEXT_NO_ARTICLE);
	CHECK_INT(status_of(&st, links[5]), -1);
	CHECK_INT(status_of(&st, links[6]), FULLTEXT_FAILED);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM fulltext WHERE status = 0 AND error LIKE '%non-public%'"), 4);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM fulltext WHERE unpacked(text) LIKE '%INTERNAL SECRET%'"), 0);
	/* the reports read the article instead of the feed's one line */
	struct article *arts;
	size_t n;
	struct err err;
	CHECK(store_select_window(&st, time_now(), 48, NULL, 0, &a, &arts, &n, &err) == 0);
	int seen = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(arts[i].link, links[0]) == 0) {
			seen = 1;
			CHECK(strstr(arts[i].text, "The spring tides arrive a little earlier") == arts[i].text);
			CHECK(strstr(arts[i].text, "copies are free at the quay") != NULL);
			CHECK(strstr(arts[i].text, "Home") == NULL);
		}
	CHECK(seen);

	/* the second run fetches no page again */
	fetch(&st, "[fetch]\nfull_text = true\n", &a, &s);
	CHECK_INT(s.feeds_ok, 2);
	CHECK_INT(s.pages_total, 0);
	CHECK_INT(requests(&pub, "/article.html"), 1);
	CHECK_INT(requests(&pub, "/noarticle.html"), 1);
	CHECK_INT(t_query_int(&st, "SELECT max(attempts) FROM fulltext"), 1);
	CHECK_INT(requests(&in2, "/secret.html"), 0);
	store_close(&st);
	arena_free(&a);
}

/* allow_private (intranets, tests) lets item links reach internal pages; full_text_never and
 * a run without full text fetch none. */
static void
test_settings(void)
{
	struct store st;
	t_store_open(&st, t_subdir("settings"));
	char feed2[300];
	snprintf(feed2, sizeof feed2, "http://127.0.0.2:%d/intranet.xml", in2.port);
	t_add_source(&st, feed2);
	fsrv_reset(&in2);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	fetch(&st, "[fetch]\n", &a, &s); /* full text is off by default */
	CHECK(!s.full_text);
	CHECK_INT(s.pages_total, 0);
	char conf[600];
	snprintf(conf, sizeof conf, "[fetch]\nfull_text = true\nfull_text_never = 127.0.0.2\n");
	fetch(&st, conf, &a, &s);
	CHECK(s.full_text);
	CHECK_INT(s.pages_total, 0);
	fetch(&st, "[fetch]\nfull_text = true\nallow_private = true\n", &a, &s);
	CHECK_INT(s.pages_total, 1);
	CHECK_INT(s.pages_ok, 1);
	CHECK_INT(requests(&in2, "/secret.html"), 1);
	CHECK_INT(status_of(&st, links[6]), FULLTEXT_OK);
	/* a malformed switch is an error, not "off" */
	struct config cfg;
	struct err e;
	char path[4400];
	snprintf(path, sizeof path, "%s/bad.conf", test_tmpdir());
	const char *bad = "[fetch]\nfull_text = sometimes\n";
	test_write_file(path, bad, strlen(bad));
	CHECK(config_load(&cfg, path, &e) < 0 && strstr(e.msg, "full_text"));
	config_free(&cfg);
	store_close(&st);
	arena_free(&a);
}

/* Pages near and over the 16 MiB body cap: the one under it is fetched and extracted, the
 * one over it fails without being kept (and the run goes on). */
static void
test_large_pages(void)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, "<html><body><div class=\"story\">");
	for (int i = 0; b.len < (15u << 20); i++)
		buf_printf(&b, "<p>Paragraph %d of a long public record, with clauses, commas, and enough words to read "
		               "as prose.</p>\n", i);
	buf_puts(&b, "</div></body></html>");
	t_write_in(root, "big.html", buf_str(&b));
	for (int i = 0; b.len < (17u << 20); i++)
		buf_puts(&b, "<p>More of the same, past the cap, to be refused by the fetcher.</p>\n");
	t_write_in(root, "huge.html", buf_str(&b));
	buf_clear(&b);
	char big[300], huge[300];
	snprintf(big, sizeof big, "http://127.0.0.3:%d/big.html", pub.port);
	snprintf(huge, sizeof huge, "http://127.0.0.3:%d/huge.html", pub.port);
	item(&b, "Big", big, "Short.");
	item(&b, "Huge", huge, "Short.");
	struct store st;
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	fetch_one_feed("big", &b, &st, &a, &s);
	buf_free(&b);
	CHECK_INT(s.feeds_ok, 1);
	CHECK_INT(s.pages_total, 2);
	CHECK_INT(s.pages_ok, 1);
	CHECK_INT(s.pages_failed, 1);
	CHECK_INT(status_of(&st, big), FULLTEXT_OK);
	CHECK(t_query_int(&st, "SELECT max(length(unpacked(text))) FROM fulltext") > (12 << 20));
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM fulltext WHERE status = 0 AND error LIKE '%larger than 16 MiB%'"),
	          1);
	store_close(&st);
	arena_free(&a);
}

/* Pages in GBK: one declared only by the HTTP header (its <meta> removed), one only by its
 * <meta> (served as text/html without a charset); both stored as UTF-8 Chinese. */
static void
test_charsets(void)
{
	struct buf page = BUF_INIT, b = BUF_INIT;
	char path[4400];
	snprintf(path, sizeof path, "%s/tests/extract/fixtures/gbk.html", getenv("BRIEF_SRC"));
	test_read_file(path, &page);
	t_write_in(root, "gbk-meta.html", buf_str(&page));
	static const char meta[] = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">";
	const char *m = strstr(buf_str(&page), meta);
	CHECK(m != NULL);
	if (m) {
		buf_append(&b, page.data, (size_t)(m - page.data));
		buf_puts(&b, m + strlen(meta));
	}
	CHECK(strstr(buf_str(&b), "charset") == NULL);
	t_write_in(root, "gbk-bare.html", buf_str(&b));
	char header[300], inpage[300];
	snprintf(header, sizeof header, "http://127.0.0.3:%d/gbk-bare.html?charset=gbk", pub.port);
	snprintf(inpage, sizeof inpage, "http://127.0.0.3:%d/gbk-meta.html", pub.port);
	buf_clear(&b);
	item(&b, "By header", header, "Short.");
	item(&b, "By meta", inpage, "Short.");
	struct store st;
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	fetch_one_feed("gbk", &b, &st, &a, &s);
	CHECK_INT(s.pages_total, 2);
	CHECK_INT(s.pages_ok, 2);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM fulltext WHERE status = 1 AND"
	                           " unpacked(text) LIKE '港口的三艘渡轮于周一上午恢复运营%十二岁以下的儿童%'"),
	          2);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM fulltext WHERE unpacked(text) LIKE '%首页%'"), 0);
	store_close(&st);
	arena_free(&a);
	buf_free(&page);
	buf_free(&b);
}

/* The text the reports read for the item whose link is link (NULL when it is not in the window). */
static const char *
window_text(struct store *st, const char *link, struct arena *a)
{
	struct article *arts;
	size_t n;
	struct err e;
	CHECK(store_select_window(st, time_now(), 48, NULL, 0, a, &arts, &n, &e) == 0);
	for (size_t i = 0; i < n; i++)
		if (arts[i].link && strcmp(arts[i].link, link) == 0)
			return arts[i].text;
	return NULL;
}

/* Links to a PDF and an image: their bytes are no article (they were read as HTML and the
 * binary soup became the story's text); the reports keep the feed's text. */
static void
test_not_html(void)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Length 80 /Filter /FlateDecode >> stream\n");
	for (int i = 0; i < 400; i++)
		buf_putc(&b, (char)(0x80 + (i * 37) % 120));
	buf_puts(&b, "\nendstream endobj\n");
	buf_putc(&b, '\0');
	buf_puts(&b, "trailer << /Root 1 0 R >>\n%%EOF\n");
	char path[4400];
	snprintf(path, sizeof path, "%s/paper.pdf", root);
	test_write_file(path, b.data, b.len);
	buf_clear(&b);
	char pdf[300], png[300];
	snprintf(pdf, sizeof pdf, "http://127.0.0.3:%d/paper.pdf?ctype=application/pdf", pub.port);
	snprintf(png, sizeof png, "http://127.0.0.3:%d/paper.pdf?ctype=image/png", pub.port);
	item(&b, "A paper", pdf, "A paper on tides.");
	item(&b, "A chart", png, "A chart of tides.");
	struct store st;
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	fetch_one_feed("papers", &b, &st, &a, &s);
	buf_free(&b);
	CHECK_INT(s.feeds_ok, 1);
	CHECK_INT(s.pages_total, 2);
	CHECK_INT(s.pages_ok, 0);
	CHECK_INT(s.pages_no_article, 2);
	CHECK_INT(status_of(&st, pdf), FULLTEXT_NO_ARTICLE);
	CHECK_INT(status_of(&st, png), FULLTEXT_NO_ARTICLE);
	const char *t = window_text(&st, pdf, &a);
	CHECK(t && strcmp(t, "A paper on tides.") == 0);
	t = window_text(&st, png, &a);
	CHECK(t && strcmp(t, "A chart of tides.") == 0);
	store_close(&st);
	arena_free(&a);
}

/* Pages served with 200 that are a wall in front of the article: a paywall after the first
 * paragraph, a cookie consent page, a bot check. They are no article (their text used to be
 * stored as the article and, longer than the feed's line, became the story's text); the
 * article page of the same feed is still extracted. */
static void
test_walls(void)
{
	t_write_in(root, "paywall.html",
	           "<html><head><title>Harbour budget</title></head><body><article><h1>Harbour budget</h1>"
	           "<p>The council voted on Tuesday to approve the new budget for the harbour wall.</p>"
	           "<div class=\"gate\"><p>Subscribe to continue reading. Already a subscriber? Log in to read the "
	           "rest of this article and get unlimited access to all our local journalism for one pound a "
	           "week.</p></div></article></body></html>");
	t_write_in(root, "consent.html",
	           "<html><head><title>Before you continue</title></head><body><div><h1>Before you continue</h1>"
	           "<p>We use cookies and data to deliver and maintain our services, measure audience engagement "
	           "and site statistics, and develop new services. If you choose to accept all, we will also use "
	           "cookies and data to show personalised content and ads.</p><button>Reject all</button>"
	           "<button>Accept all</button></div></body></html>");
	char pay[300], consent[300], check[300], ok[300];
	snprintf(pay, sizeof pay, "http://127.0.0.3:%d/paywall.html", pub.port);
	snprintf(consent, sizeof consent, "http://127.0.0.3:%d/consent.html", pub.port);
	snprintf(check, sizeof check, "http://127.0.0.3:%d/story.html?html=1", pub.port); /* "Just a moment..." */
	snprintf(ok, sizeof ok, "http://127.0.0.3:%d/article.html?k=walls", pub.port);
	struct buf b = BUF_INIT;
	item(&b, "Paywalled", pay, "Budget approved.");
	item(&b, "Consent", consent, "Ferry news.");
	item(&b, "Bot check", check, "Quay news.");
	item(&b, "Open", ok, "Tides are early.");
	struct store st;
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	fetch_one_feed("walls", &b, &st, &a, &s);
	buf_free(&b);
	CHECK_INT(s.feeds_ok, 1);
	CHECK_INT(s.pages_total, 4);
	CHECK_INT(s.pages_ok, 1);
	CHECK_INT(s.pages_no_article, 3);
	CHECK_INT(status_of(&st, pay), FULLTEXT_NO_ARTICLE);
	CHECK_INT(status_of(&st, consent), FULLTEXT_NO_ARTICLE);
	CHECK_INT(status_of(&st, check), FULLTEXT_NO_ARTICLE);
	CHECK_INT(status_of(&st, ok), FULLTEXT_OK);
	const char *t = window_text(&st, pay, &a);
	CHECK(t && strcmp(t, "Budget approved.") == 0);
	t = window_text(&st, consent, &a);
	CHECK(t && strcmp(t, "Ferry news.") == 0);
	t = window_text(&st, check, &a);
	CHECK(t && strcmp(t, "Quay news.") == 0);
	t = window_text(&st, ok, &a);
	CHECK(t && strstr(t, "The spring tides arrive") == t);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM fulltext WHERE unpacked(text) LIKE '%subscribe%'"
	                           " OR unpacked(text) LIKE '%cookies%' OR unpacked(text) LIKE '%browser%'"),
	          0);
	store_close(&st);
	arena_free(&a);
}

/* A post's link that redirects to a site's home page (a removed post, a moved blog) is no
 * article: the home page's latest post used to be stored as the item's story. A link to a
 * home page, and a redirect to another post, still give their article. */
static void
test_home_redirect(void)
{
	t_write_in(root, "index.html",
	           "<html><head><title>The Harbour Office</title></head><body><nav><a href=\"/\">Home</a></nav>"
	           "<main><h2>Latest: new opening hours for the ferry kiosk</h2><p>From next month the ferry kiosk "
	           "opens an hour earlier on weekdays, and on Saturdays it stays open until the last boat has come "
	           "in, because so many visitors asked for tickets after the office had closed for the day.</p>"
	           "<p>The waiting room has new benches, paid for by the fishing cooperative, and a board that shows "
	           "the next three departures with their platforms and any delays.</p></main></body></html>");
	char gone[600], home[300], moved[600], t[300], e[700];
	snprintf(t, sizeof t, "http://127.0.0.3:%d/", pub.port);
	t_url_escape(t, e, sizeof e);
	snprintf(gone, sizeof gone, "http://127.0.0.3:%d/2024/05/old-post.html?redirect=301&to=%s", pub.port, e);
	snprintf(home, sizeof home, "http://127.0.0.3:%d/", pub.port);
	snprintf(t, sizeof t, "http://127.0.0.3:%d/article.html?k=moved", pub.port);
	t_url_escape(t, e, sizeof e);
	snprintf(moved, sizeof moved, "http://127.0.0.3:%d/moved-post.html?redirect=301&to=%s", pub.port, e);
	struct buf b = BUF_INIT;
	item(&b, "Old post", gone, "Lighthouse repainted.");
	item(&b, "The site", home, "Visit us.");
	item(&b, "Moved post", moved, "Tides are early.");
	struct store st;
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	fetch_one_feed("homes", &b, &st, &a, &s);
	buf_free(&b);
	CHECK_INT(s.feeds_ok, 1);
	CHECK_INT(s.pages_total, 3);
	CHECK_INT(status_of(&st, gone), FULLTEXT_NO_ARTICLE);
	CHECK_INT(status_of(&st, home), FULLTEXT_OK);
	CHECK_INT(status_of(&st, moved), FULLTEXT_OK);
	const char *text = window_text(&st, gone, &a);
	CHECK(text && strcmp(text, "Lighthouse repainted.") == 0);
	text = window_text(&st, moved, &a);
	CHECK(text && strstr(text, "The spring tides arrive") == text);
	store_close(&st);
	arena_free(&a);
}

/* A feed whose items carry a long excerpt, cut off with "Continue reading" or "[…]": the page is
 * fetched whatever the excerpt's length (it used to count as the whole story once over 500
 * characters), while a long item that is the whole story is not. */
static void
test_long_teaser(void)
{
	char more[300], cut[300], whole[300];
	snprintf(more, sizeof more, "http://127.0.0.3:%d/article.html?k=more", pub.port);
	snprintf(cut, sizeof cut, "http://127.0.0.3:%d/article.html?k=cut", pub.port);
	snprintf(whole, sizeof whole, "http://127.0.0.3:%d/article.html?k=whole", pub.port);
	struct buf d = BUF_INIT, b = BUF_INIT;
	for (int i = 0; i < 5; i++) /* ~500 characters: over the 500 of a thin item, under the article */
		buf_puts(&d, "The harbour office says the spring tides arrive earlier this year, and walkers should check. ");
	buf_puts(&d, "Ferry crews are worried too.");
	buf_printf(&b, "<item><title>More</title><link>%s</link><description>&lt;p&gt;%s&lt;/p&gt;&lt;p&gt;&lt;a href=\"%s\""
	               "&gt;Continue reading &amp;rarr;&lt;/a&gt;&lt;/p&gt;</description></item>\n",
	           more, buf_str(&d), more);
	buf_printf(&b, "<item><title>Cut</title><link>%s</link><description>%s and so on [&#8230;]</description></item>\n",
	           cut, buf_str(&d));
	buf_printf(&b, "<item><title>Whole</title><link>%s</link><description>%s That is all.</description></item>\n",
	           whole, buf_str(&d));
	buf_free(&d);
	struct store st;
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	fetch_one_feed("teasers", &b, &st, &a, &s);
	buf_free(&b);
	CHECK_INT(s.feeds_ok, 1);
	CHECK(t_query_int(&st, "SELECT min(length(unpacked(text))) FROM items") >= 500);
	CHECK_INT(s.pages_total, 2);
	CHECK_INT(status_of(&st, more), FULLTEXT_OK);
	CHECK_INT(status_of(&st, cut), FULLTEXT_OK);
	CHECK_INT(status_of(&st, whole), -1);
	const char *t = window_text(&st, more, &a);
	CHECK(t && strstr(t, "copies are free at the quay") != NULL);
	store_close(&st);
	arena_free(&a);
}

/* A removed post answered with 200 and a "Page not found" page is no article (its apology used
 * to be stored as the story); a post whose title merely mentions 404 errors is an article. */
static void
test_soft_404(void)
{
	t_write_in(root, "missing.html",
	           "<html><head><title>Page not found | The Harbour Office</title></head><body><main><h1>Oops!</h1>"
	           "<p>Sorry, the page you were looking for could not be found. It may have been moved, renamed or "
	           "deleted, or perhaps it never existed. Try the search box above, or go back to the home page and "
	           "browse the latest news from the quay, the ferries and the lifeboat station.</p></main></body></html>");
	t_write_in(root, "errors.html",
	           "<html><head><title>404 errors after the move, and how we fixed them</title></head><body><article>"
	           "<p>After the office moved its website to a new host, visitors following old links to the tide "
	           "tables got error pages for a week, because the redirects from the old addresses had been left "
	           "out of the new server's configuration.</p><p>The fix was a list of permanent redirects, one for "
	           "each old page, checked by a script that follows every link in last year's newsletters.</p>"
	           "</article></body></html>");
	char missing[300], errors[300];
	snprintf(missing, sizeof missing, "http://127.0.0.3:%d/missing.html", pub.port);
	snprintf(errors, sizeof errors, "http://127.0.0.3:%d/errors.html", pub.port);
	struct buf b = BUF_INIT;
	item(&b, "Removed post", missing, "Lifeboat day.");
	item(&b, "404 errors", errors, "Our move.");
	struct store st;
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	fetch_one_feed("gone", &b, &st, &a, &s);
	buf_free(&b);
	CHECK_INT(s.pages_total, 2);
	CHECK_INT(status_of(&st, missing), FULLTEXT_NO_ARTICLE);
	CHECK_INT(status_of(&st, errors), FULLTEXT_OK);
	const char *t = window_text(&st, missing, &a);
	CHECK(t && strcmp(t, "Lifeboat day.") == 0);
	store_close(&st);
	arena_free(&a);
}

/* Through the binary: `brief fetch --full-text` reports the pages, and the daily digest
 * (full text from the config) reports how many were fetched and how many failed. */
static void
test_cli(void)
{
	char home[4400], conf[4400], feed1[300];
	snprintf(home, sizeof home, "%s", t_subdir("cli"));
	snprintf(conf, sizeof conf, "%s/brief.conf", home);
	snprintf(feed1, sizeof feed1, "http://127.0.0.3:%d/public.xml", pub.port);
	char *const add[] = {(char *)test_brief_bin(), "feeds", "add", feed1, "--home", home, NULL};
	CHECK_INT(test_run(add, NULL, NULL, NULL, NULL), 0);
	char *const env[] = {"BRIEF_TEST_PUBLIC_ADDR=127.0.0.3", NULL};
	struct buf out = BUF_INIT, err = BUF_INIT;
	char *const fetch_json[] = {(char *)test_brief_bin(), "fetch", "--full-text", "--json", "--home", home, NULL};
	CHECK_INT(test_run(fetch_json, env, NULL, &out, &err), 0);
	CHECK(strstr(buf_str(&out), "\"full_text\":{\"pages\":5,\"articles\":1,\"no_article\":1,\"failed\":3}") != NULL);
	/* without --full-text nothing is said about pages */
	buf_clear(&out);
	char *const fetch_plain[] = {(char *)test_brief_bin(), "fetch", "--json", "--home", home, NULL};
	CHECK_INT(test_run(fetch_plain, env, NULL, &out, NULL), 0);
	CHECK(strstr(buf_str(&out), "full_text") == NULL);
	/* the daily, full text from the config: a fresh home fetches the pages again */
	snprintf(home, sizeof home, "%s", t_subdir("cli-daily"));
	snprintf(conf, sizeof conf, "%s/brief.conf", home);
	const char *text = "[fetch]\nfull_text = true\n";
	test_write_file(conf, text, strlen(text));
	char *const add2[] = {(char *)test_brief_bin(), "feeds", "add", feed1, "--home", home, NULL};
	CHECK_INT(test_run(add2, NULL, NULL, NULL, NULL), 0);
	buf_clear(&out);
	char *const daily[] = {(char *)test_brief_bin(), "daily", "--offline", "--lang", "en", "--format", "md",
	                       "--home", home, "--config", conf, NULL};
	CHECK_INT(test_run(daily, env, NULL, &out, &err), 0);
	if (!strstr(buf_str(&out), "full text: 2 pages fetched · 3 failed"))
		fprintf(stderr, "daily stderr: %s\n", buf_str(&err));
	CHECK(strstr(buf_str(&out), "full text: 2 pages fetched · 3 failed") != NULL);
	buf_free(&out);
	buf_free(&err);
}


/* The gate opens once the public server was asked for the page target ctx. */
static int
page_asked(void *ctx)
{
	return requests(&pub, ctx) > 0;
}

/* Pages while feeds are still on the wire: the gated feed is answered only after the other
 * feed's page was asked for, which happens only if that feed's pages start once it is stored
 * (they used to wait for every feed); then the gated feed's own thin item gets its page too. */
static void
test_pages_before_slow_feed(void)
{
	struct store st;
	t_store_open(&st, t_subdir("early"));
	char early[300], late[300], feed[1200];
	snprintf(early, sizeof early, "http://127.0.0.3:%d/article.html?k=early", pub.port);
	snprintf(late, sizeof late, "http://127.0.0.3:%d/article.html?k=late", pub.port);
	struct buf b = BUF_INIT;
	buf_puts(&b, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Early</title>\n");
	item(&b, "Early tides", early, "Short.");
	buf_puts(&b, "</channel></rss>\n");
	t_write_in(root, "early.xml", buf_str(&b));
	buf_free(&b);
	snprintf(feed, sizeof feed,
	         "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Gated</title>\n<item><title>Late"
	         " tides</title><link>%s</link><description>Short.</description></item>\n</channel></rss>\n",
	         late);
	struct t_gate g;
	t_gate_start(&g, page_asked, "/article.html?k=early", feed);
	char gated[300], open_feed[300];
	snprintf(gated, sizeof gated, "http://127.0.0.1:%d/gated.xml", g.port);
	snprintf(open_feed, sizeof open_feed, "http://127.0.0.3:%d/early.xml", pub.port);
	t_add_source(&st, gated);
	t_add_source(&st, open_feed);
	fsrv_reset(&pub);
	struct arena ar = ARENA_INIT;
	struct fetch_summary s;
	fetch(&st, "[fetch]\nfull_text = true\n", &ar, &s);
	t_gate_join(&g);
	t_print_failures(&s);
	CHECK(g.is_opened); /* the early feed's page was asked for while the gate held */
	CHECK_INT(s.feeds_ok, 2);
	CHECK_INT(s.pages_total, 2);
	CHECK_INT(s.pages_ok, 2);
	CHECK_INT(status_of(&st, early), FULLTEXT_OK);
	CHECK_INT(status_of(&st, late), FULLTEXT_OK);
	CHECK_INT(requests(&pub, "/article.html?k=early"), 1);
	CHECK_INT(requests(&pub, "/article.html?k=late"), 1);
	store_close(&st);
	arena_free(&ar);
}

/* [fetch] full_text_max caps the pages of a run (the newest first); full_text_deadline fails
 * the pages still unfinished when it passes, counted from the first page, while the feeds
 * are stored as usual. */
static void
test_page_limits(void)
{
	char slow[300], newer[300], older[300];
	snprintf(slow, sizeof slow, "http://127.0.0.3:%d/article.html?delay=4000", pub.port);
	snprintf(newer, sizeof newer, "http://127.0.0.3:%d/article.html?k=newer", pub.port);
	snprintf(older, sizeof older, "http://127.0.0.3:%d/article.html?k=older", pub.port);
	char when_new[64], when_old[64];
	time_format_rfc3339(time_now() - 3600, when_new, sizeof when_new);
	time_format_rfc3339(time_now() - 7200, when_old, sizeof when_old);
	struct buf b = BUF_INIT;
	buf_printf(&b, "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Two</title>\n"
	               "<item><title>Older</title><link>%s</link><dc:date>%s</dc:date></item>\n"
	               "<item><title>Newer</title><link>%s</link><dc:date>%s</dc:date></item>\n</channel></rss>\n",
	           older, when_old, newer, when_new);
	t_write_in(root, "two.xml", buf_str(&b));
	buf_clear(&b);
	buf_puts(&b, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Slow</title>\n");
	item(&b, "Slow page", slow, "Short.");
	buf_puts(&b, "</channel></rss>\n");
	t_write_in(root, "slowpage.xml", buf_str(&b));
	buf_free(&b);

	struct store st;
	t_store_open(&st, t_subdir("max"));
	char url[300];
	snprintf(url, sizeof url, "http://127.0.0.3:%d/two.xml", pub.port);
	t_add_source(&st, url);
	fsrv_reset(&pub);
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	fetch(&st, "[fetch]\nfull_text = true\nfull_text_max = 1\n", &a, &s);
	CHECK_INT(s.feeds_ok, 1);
	CHECK_INT(s.pages_total, 1);
	CHECK_INT(status_of(&st, newer), FULLTEXT_OK);
	CHECK_INT(status_of(&st, older), -1); /* the next run's */
	fetch(&st, "[fetch]\nfull_text = true\nfull_text_max = 1\n", &a, &s);
	CHECK_INT(s.pages_total, 1);
	CHECK_INT(status_of(&st, older), FULLTEXT_OK);
	store_close(&st);

	t_store_open(&st, t_subdir("deadline"));
	snprintf(url, sizeof url, "http://127.0.0.3:%d/slowpage.xml", pub.port);
	t_add_source(&st, url);
	fetch(&st, "[fetch]\nfull_text = true\nfull_text_deadline = 1\n", &a, &s);
	CHECK_INT(s.feeds_ok, 1);
	CHECK_INT(s.pages_total, 1);
	CHECK_INT(s.pages_failed, 1);
	CHECK_INT(status_of(&st, slow), FULLTEXT_FAILED);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM fulltext WHERE error LIKE"
	                           " 'not finished within the full-text deadline (1 s)%'"), 1);
	store_close(&st);
	arena_free(&a);
}

int
main(void)
{
	t_need_parser();
	setenv("BRIEF_TEST_PUBLIC_ADDR", "127.0.0.3", 1);
	snprintf(root, sizeof root, "%s", t_subdir("root"));
	t_write_in(root, "article.html", article_html);
	t_write_in(root, "long.html", article_html);
	t_write_in(root, "secret.html", secret_html);
	t_write_in(root, "noarticle.html", noarticle_html);
	fsrv_start(&pub, root, "127.0.0.3");
	fsrv_start(&in1, root, "127.0.0.1");
	fsrv_start(&in2, root, "127.0.0.2");
	write_feeds();
	test_pipeline();
	test_pages_before_slow_feed();
	test_page_limits();
	test_settings();
	test_cli();
	test_large_pages();
	test_charsets();
	test_not_html();
	test_walls();
	test_home_redirect();
	test_long_teaser();
	test_soft_404();
	fsrv_stop(&pub);
	fsrv_stop(&in1);
	fsrv_stop(&in2);
	return test_done("test_fulltext");
}
