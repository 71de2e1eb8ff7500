/* test_store_items.c: canonical URLs, dedupe keys, item upsert, source health and the WAL's
 * bound on a real SQLite file (no network); items prepared on another thread store the same
 * rows. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "feed/feed.h"
#include "feed/url.h"
#include "net/fetch.h"
#include "store/items.h"
#include "store/select.h"
#include "store/sources.h"
#include "testlib.h"

static void
check_canon(const char *in, const char *want)
{
	struct buf b = BUF_INIT;
	url_canonical(in, &b);
	CHECK_STR(buf_str(&b), want);
	buf_free(&b);
}

static void
test_canon(void)
{
	check_canon("HTTPS://Example.COM:443/A/b?utm_source=x&id=3&fbclid=zz#frag", "https://example.com/A/b?id=3");
	check_canon("http://example.com:80", "http://example.com/");
	check_canon("http://example.com:8080/x?utm_medium=rss", "http://example.com:8080/x");
	check_canon("  https://user@Host.example/p?a=1&utm_campaign=c&b=2  ", "https://user@host.example/p?a=1&b=2");
	check_canon("https://[::1]:443/", "https://[::1]/");
	check_canon("tag:example.com,2026:1#x", "tag:example.com,2026:1");
	char host[64];
	CHECK_STR(url_host("https://u:p@Blog.Example.org:8443/feed", host, sizeof host), "blog.example.org");
	CHECK_STR(url_host("not a url", host, sizeof host), "");
}

/* Open (create) the store file name in the test's directory; exits on failure. */
static void
open_store(struct store *st, const char *name)
{
	char path[512];
	struct err e;
	snprintf(path, sizeof path, "%s/%s", test_tmpdir(), name);
	if (store_open(st, path, &e) < 0) {
		fprintf(stderr, "%s: %s\n", path, e.msg);
		exit(1);
	}
}

static void
test_items(void)
{
	struct store st;
	struct err e;
	open_store(&st, "brief.db");
	int64_t sid, sid2;
	int is_new;
	CHECK(store_source_add(&st, SOURCE_USER, "http://a.example/feed", "A", NULL, NULL, 100, &sid, &is_new, &e) == 0);
	CHECK(is_new);
	CHECK(store_source_add(&st, SOURCE_DEFAULT, "http://a.example/feed", "X", NULL, NULL, 100, &sid2, &is_new, &e) == 0);
	CHECK(!is_new);
	CHECK_INT(sid2, sid);
	struct store_items w;
	CHECK(store_items_open(&w, &st, &e) == 0);
	const char *cats[] = {"c1", "c2"};
	struct feed_item it = {.id = "guid-1", .title = "First title", .link = "https://x.example/1?utm_source=a",
	                       .text = "body", .published = 1000, .updated = FEED_NO_DATE,
	                       .categories = cats, .category_count = 2};
	enum store_put_result r;
	CHECK(store_begin(&st, &e) == 0);
	CHECK(store_item_put(&w, sid, &it, 500, &r, &e) == 0);
	CHECK_INT(r, ITEM_NEW);
	CHECK(store_item_put(&w, sid, &it, 600, &r, &e) == 0);
	CHECK_INT(r, ITEM_UNCHANGED);
	it.title = "Second title";
	CHECK(store_item_put(&w, sid, &it, 700, &r, &e) == 0);
	CHECK_INT(r, ITEM_CHANGED);
	/* no guid: canonical link; no link either: title + date hash */
	struct feed_item l1 = {.title = "L", .link = "HTTP://X.example:80/p#c", .published = FEED_NO_DATE,
	                       .updated = FEED_NO_DATE};
	struct feed_item l2 = {.title = "L", .link = "http://x.example/p", .published = FEED_NO_DATE,
	                       .updated = FEED_NO_DATE};
	struct feed_item h1 = {.title = "H", .published = 5, .updated = FEED_NO_DATE};
	struct feed_item h2 = {.title = "H", .published = 6, .updated = FEED_NO_DATE};
	/* a link that is already canonical: no second copy of it */
	struct feed_item c1 = {.id = "guid-c", .title = "C", .link = "https://x.example/c", .published = 7,
	                       .updated = FEED_NO_DATE};
	CHECK(store_item_put(&w, sid, &l1, 800, &r, &e) == 0);
	CHECK_INT(r, ITEM_NEW);
	CHECK(store_item_put(&w, sid, &l2, 800, &r, &e) == 0);
	CHECK(r == ITEM_UNCHANGED || r == ITEM_CHANGED); /* same canonical link: the same item */
	CHECK(store_item_put(&w, sid, &h1, 800, &r, &e) == 0);
	CHECK_INT(r, ITEM_NEW);
	CHECK(store_item_put(&w, sid, &h2, 800, &r, &e) == 0);
	CHECK_INT(r, ITEM_NEW);
	CHECK(store_item_put(&w, sid, &c1, 800, &r, &e) == 0);
	CHECK_INT(r, ITEM_NEW);
	CHECK(store_item_put(&w, sid, &c1, 900, &r, &e) == 0);
	CHECK_INT(r, ITEM_UNCHANGED);
	CHECK(store_commit(&st, &e) == 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items"), 5);
	/* the guid is the key's g: part, not a column of its own; the canonical link only where it
	 * differs from the link: the utm link's, not l2's (which replaced l1's link by its own) */
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE guid IS NOT NULL"), 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE canonical_link IS NOT NULL"), 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE link = 'http://x.example/p'"
	                              " AND canonical_link IS NULL"), 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE link = 'https://x.example/c'"
	                              " AND canonical_link IS NULL"), 1);
	CHECK_INT(test_query_int(&st, "SELECT first_seen FROM items WHERE dedupe_key = 'g:guid-1'"), 500);
	CHECK_INT(test_query_int(&st, "SELECT changed_at FROM items WHERE dedupe_key = 'g:guid-1'"), 700);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE canonical_link = 'https://x.example/1'"), 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE categories = '[\"c1\",\"c2\"]'"), 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'Second'"), 1);
	/* health */
	struct source_result ok = {.attempted_at = 900, .http_status = 200, .etag = "\"e1\"",
	                           .last_modified = "Mon, 01 Jan 2026 00:00:00 GMT", .latency_ms = 100,
	                           .description = "Tech opinion and analysis"};
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM sources WHERE description IS NULL"), 1);
	CHECK(store_source_record(&st, sid, &ok, &e) == 0);
	/* the feed's description is kept for the engine; a fetch without one (failed, 304) keeps it */
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM sources WHERE description = 'Tech opinion and analysis'"), 1);
	struct source_result bad = {.attempted_at = 950, .http_status = 503, .error = "HTTP 503", .latency_ms = 10};
	CHECK(store_source_record(&st, sid, &bad, &e) == 0);
	CHECK(store_source_record(&st, sid, &bad, &e) == 0);
	struct arena a = ARENA_INIT;
	struct source src;
	CHECK(store_source_get(&st, sid, &a, &src, &e) == 0);
	CHECK_STR(src.etag, "\"e1\"");
	CHECK_INT(src.consecutive_failures, 2);
	CHECK_STR(src.last_error, "HTTP 503");
	CHECK_INT(src.last_success_at, 900);
	CHECK_INT(src.item_count, 5);
	struct source_result nm = {.attempted_at = 990, .http_status = 304, .is_not_modified = 1,
	                           .new_url = "http://b.example/feed", .latency_ms = 5};
	CHECK(store_source_record(&st, sid, &nm, &e) == 0);
	CHECK(store_source_get(&st, sid, &a, &src, &e) == 0);
	CHECK_STR(src.etag, "\"e1\"");
	CHECK_INT(src.consecutive_failures, 0);
	CHECK_STR(src.last_error, NULL);
	CHECK_STR(src.url, "http://b.example/feed");
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM sources WHERE description = 'Tech opinion and analysis'"), 1);
	/* the window's articles carry it */
	struct article *arts;
	size_t an;
	CHECK(store_select_window(&st, 1000, 48, NULL, 0, &a, &arts, &an, &e) == 0);
	CHECK(an > 0);
	for (size_t i = 0; i < an; i++)
		CHECK_STR(arts[i].source_description, "Tech opinion and analysis");
	struct source_result next = {.attempted_at = 995, .http_status = 200, .latency_ms = 5,
	                             .description = "Security news and investigation"};
	CHECK(store_source_record(&st, sid, &next, &e) == 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM sources"
	                              " WHERE description = 'Security news and investigation'"),
	          1);
	/* user sources replace defaults; ad-hoc sources are never active */
	int64_t d1, h;
	CHECK(store_source_add(&st, SOURCE_DEFAULT, "http://d.example/1", NULL, NULL, NULL, 1, &d1, NULL, &e) == 0);
	CHECK(store_source_add(&st, SOURCE_ADHOC, "http://h.example/1", NULL, NULL, NULL, 1, &h, NULL, &e) == 0);
	struct source *act;
	size_t n;
	CHECK(store_sources_active(&st, &a, &act, &n, &e) == 0);
	CHECK_INT(n, 1);
	CHECK_INT(act[0].id, sid);
	const char *removed;
	CHECK(store_source_remove(&st, "http://b.example/feed", &a, &removed, &e) == 0);
	CHECK(removed != NULL);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items"), 0);
	CHECK(store_sources_active(&st, &a, &act, &n, &e) == 0);
	CHECK_INT(n, 1);
	CHECK_INT(act[0].id, d1);
	CHECK_INT(act[0].kind, SOURCE_DEFAULT);
	store_items_close(&w);
	arena_free(&a);
	store_close(&st);
}

struct put_ctx {
	struct store_items *w;
	int64_t source_id;
};

static int
put_parsed(void *ctx, const struct feed_doc *doc, const struct feed_item *item)
{
	struct put_ctx *p = ctx;
	enum store_put_result r;
	struct err e;
	(void)doc;
	/* fetched a month after the entries were written */
	return store_item_put(p->w, p->source_id, item, 1767225600 + 30 * 86400, &r, &e);
}

/* Parses the feed document XML (LEN bytes) into the store ST through W as source SID, in one
 * transaction, as a fetch does; the items are stored as fetched by put_parsed. */
static void
parse_into(struct store *st, struct store_items *w, int64_t sid, const char *xml, size_t len,
           struct arena *a)
{
	struct put_ctx pc = {w, sid};
	struct feed_doc doc;
	struct err e;
	CHECK(store_begin(st, &e) == 0);
	CHECK(feed_parse(xml, len, NULL, a, put_parsed, &pc, &doc) == 0);
	CHECK(store_commit(st, &e) == 0);
}

/* Entries without ids whose links differ only in the #fragment (a changelog page's "#v1",
 * "#v2"; a one-page news list's anchors) are different items: the later must not overwrite the
 * earlier. A link that gains, loses or keeps its fragment is still the same item, and keys
 * stored before (the link without its fragment) keep meaning the item they meant. */
static void
test_fragment_items(void)
{
	struct store st;
	struct err e;
	open_store(&st, "fragments.db");
	int64_t sid;
	int is_new;
	CHECK(store_source_add(&st, SOURCE_USER, "http://c.example/feed", "C", NULL, NULL, 100, &sid, &is_new, &e) == 0);
	struct store_items w;
	CHECK(store_items_open(&w, &st, &e) == 0);
	struct feed_item v1 = {.title = "Version 1", .link = "https://c.example/changes#v1", .text = "one",
	                       .published = 100, .updated = FEED_NO_DATE};
	struct feed_item v2 = {.title = "Version 2", .link = "https://c.example/changes#v2", .text = "two",
	                       .published = 200, .updated = FEED_NO_DATE};
	struct feed_item v3 = {.title = "Version 3", .link = "https://c.example/changes#v3", .text = "three",
	                       .published = 300, .updated = FEED_NO_DATE};
	enum store_put_result r;
	CHECK(store_begin(&st, &e) == 0);
	CHECK(store_item_put(&w, sid, &v1, 500, &r, &e) == 0);
	CHECK_INT(r, ITEM_NEW);
	CHECK(store_item_put(&w, sid, &v2, 500, &r, &e) == 0);
	CHECK_INT(r, ITEM_NEW);
	/* the next fetch: the same two, nothing new, nothing changed */
	CHECK(store_item_put(&w, sid, &v2, 600, &r, &e) == 0);
	CHECK_INT(r, ITEM_UNCHANGED);
	CHECK(store_item_put(&w, sid, &v1, 600, &r, &e) == 0);
	CHECK_INT(r, ITEM_UNCHANGED);
	CHECK(store_commit(&st, &e) == 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE title = 'Version 1'"), 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE title = 'Version 2'"), 1);
	/* a store written before: v3 holds the key of the link without its fragment; v3 is known,
	 * v1 (which v3 had overwritten then) comes back as the new item it is */
	CHECK(store_exec(&st, "DELETE FROM items", &e) == 0);
	char sql[256];
	snprintf(sql, sizeof sql,
	         "INSERT INTO items(source_id, dedupe_key, link, title, first_seen, content_hash) VALUES"
	         " (%lld, 'l:https://c.example/changes', 'https://c.example/changes#v3', 'Version 3', 400, 'x')",
	         (long long)sid);
	CHECK(store_exec(&st, sql, &e) == 0);
	CHECK(store_begin(&st, &e) == 0);
	CHECK(store_item_put(&w, sid, &v3, 700, &r, &e) == 0);
	CHECK_INT(r, ITEM_CHANGED); /* the row stored before (its hash 'x' is no real hash) */
	CHECK(store_item_put(&w, sid, &v1, 700, &r, &e) == 0);
	CHECK_INT(r, ITEM_NEW);
	CHECK(store_item_put(&w, sid, &v3, 800, &r, &e) == 0);
	CHECK_INT(r, ITEM_UNCHANGED);
	/* the link loses its fragment: still v3's item (the key it has always had) */
	struct feed_item plain = v3;
	plain.link = "https://c.example/changes";
	CHECK(store_item_put(&w, sid, &plain, 800, &r, &e) == 0);
	CHECK_INT(r, ITEM_CHANGED);
	CHECK(store_commit(&st, &e) == 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items"), 2);
	CHECK_INT(test_query_int(&st, "SELECT first_seen FROM items WHERE title = 'Version 3'"), 400);
	store_items_close(&w);
	store_close(&st);
}

/* An Atom entry with only <updated> is dated by it (readers do the same), not by the time it
 * was fetched: it lands in the window of the day it was written and carries that date. */
static void
test_updated_only(void)
{
	static const char atom[] =
		"<feed xmlns='http://www.w3.org/2005/Atom'><title>T</title>"
		"<entry><id>u1</id><title>Only updated</title><updated>2026-01-01T10:00:00Z</updated></entry>"
		"<entry><id>u2</id><title>Both</title><published>2026-01-01T08:00:00Z</published>"
		"<updated>2026-01-05T00:00:00Z</updated></entry>"
		"<entry><id>u3</id><title>Undated</title></entry></feed>";
	struct store st;
	struct err e;
	open_store(&st, "updated.db");
	int64_t sid;
	CHECK(store_source_add(&st, SOURCE_USER, "http://u.example/feed", "U", NULL, NULL, 100, &sid, NULL, &e) == 0);
	struct store_items w;
	CHECK(store_items_open(&w, &st, &e) == 0);
	struct arena a = ARENA_INIT;
	parse_into(&st, &w, sid, atom, sizeof atom - 1, &a);
	CHECK_INT(test_query_int(&st, "SELECT published FROM items WHERE dedupe_key = 'g:u1'"), 1767261600); /* its <updated> */
	CHECK_INT(test_query_int(&st, "SELECT published FROM items WHERE dedupe_key = 'g:u2'"), 1767254400); /* <published> wins */
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE dedupe_key = 'g:u3' AND published IS NULL"), 1);
	struct article *arts;
	size_t n;
	CHECK(store_select_window(&st, 1767261600 + 3600, 24, NULL, 0, &a, &arts, &n, &e) == 0);
	CHECK_INT(n, 2); /* u1 and u2; the undated u3 falls on its fetch time, a month later */
	CHECK_STR(arts[0].title, "Only updated");
	CHECK_INT(arts[0].when, 1767261600);
	/* A row with no text (written by something other than the parser) reads its HTML as the
	 * parser would: entities decoded, script dropped, blocks on their own lines. */
	CHECK(store_exec(&st, "INSERT INTO items(source_id, dedupe_key, title, content, published, first_seen, content_hash)"
	                     " VALUES (1, 'x:html', 'From HTML', '<p>Caf&eacute; &amp; <b>bar</b></p><script>x()</script>"
	                     "<p>Second &#8220;para&#8221;</p>', 1767261000, 1767261000, 'h')", &e) == 0);
	CHECK(store_select_window(&st, 1767261600 + 3600, 24, NULL, 0, &a, &arts, &n, &e) == 0);
	const char *from_html = NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(arts[i].title, "From HTML") == 0)
			from_html = arts[i].text;
	CHECK_STR(from_html, "Caf\xc3\xa9 & bar\nSecond \xe2\x80\x9cpara\xe2\x80\x9d");
	/* An item whose only address is its enclosure (a podcast episode) is linked to it, the
	 * first web one; before, its title in the digest linked nowhere. A link of its own wins. */
	static const char rss[] =
		"<rss version='2.0'><channel><title>P</title>"
		"<item><guid isPermaLink='false'>ep1</guid><title>Episode one</title>"
		"<pubDate>Thu, 01 Jan 2026 10:00:00 GMT</pubDate>"
		"<enclosure url='ftp://cdn.example/ep1.mp3' type='audio/mpeg'/>"
		"<enclosure url='https://cdn.example/ep1.mp3' length='9' type='audio/mpeg'/></item>"
		"<item><guid isPermaLink='false'>ep2</guid><title>Episode two</title><link>https://p.example/ep2</link>"
		"<pubDate>Thu, 01 Jan 2026 10:00:00 GMT</pubDate>"
		"<enclosure url='https://cdn.example/ep2.mp3' type='audio/mpeg'/></item></channel></rss>";
	parse_into(&st, &w, sid, rss, sizeof rss - 1, &a);
	CHECK(store_select_window(&st, 1767261600 + 3600, 24, NULL, 0, &a, &arts, &n, &e) == 0);
	const char *ep1 = NULL, *ep2 = NULL;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(arts[i].title, "Episode one") == 0)
			ep1 = arts[i].link;
		if (strcmp(arts[i].title, "Episode two") == 0)
			ep2 = arts[i].link;
	}
	CHECK_STR(ep1, "https://cdn.example/ep1.mp3");
	CHECK_STR(ep2, "https://p.example/ep2");
	store_items_close(&w);
	arena_free(&a);
	store_close(&st);
}

/* Items prepared on another thread (what the fetcher's parse thread does: no database there)
 * are stored exactly like store_item_put stores them: same row, bodies deflated the same way,
 * the same dedupe on the next run. */
struct prep_job {
	const struct feed_item *items;
	size_t n;
	struct arena arena;
	struct store_item_prep *out;
};

static void *
prep_thread(void *arg)
{
	struct prep_job *j = arg;
	for (size_t i = 0; i < j->n; i++)
		store_item_prepare(&j->items[i], &j->arena, &j->out[i]);
	return NULL;
}

static void
test_prepared(void)
{
	struct store st;
	struct err e;
	open_store(&st, "prep.db");
	int64_t direct, prepared; /* the same items, stored both ways */
	CHECK(store_source_add(&st, SOURCE_USER, "http://d.example/feed", "D", NULL, NULL, 100, &direct, NULL, &e) == 0);
	CHECK(store_source_add(&st, SOURCE_USER, "http://p.example/feed", "P", NULL, NULL, 100, &prepared, NULL, &e) == 0);
	/* a long body (packed), a short one (kept as text), no body, no guid (link key), no link (hash key) */
	char body[4000], html[4100];
	size_t k = 0;
	while (k + 40 < sizeof body) {
		memcpy(body + k, "words that repeat and compress so well. ", 40);
		k += 40;
	}
	body[k] = '\0';
	snprintf(html, sizeof html, "<p>%s</p>", body);
	const char *cats[] = {"c1"};
	struct feed_enclosure enc = {.url = "https://x.example/a.mp3", .type = "audio/mpeg", .length = 42};
	struct feed_item items[] = {
		{.id = "g1", .title = "Packed", .link = "https://x.example/1", .summary = html, .content = html, .text = body,
		 .published = 1000, .updated = 1100, .categories = cats, .category_count = 1, .enclosures = &enc,
		 .enclosure_count = 1, .author = "A", .comments = "https://x.example/1#c"},
		{.id = "g2", .title = "Short", .link = "https://x.example/2", .summary = "<b>hi</b>", .text = "hi",
		 .published = 2000, .updated = FEED_NO_DATE},
		{.id = "g3", .title = "Bare", .published = FEED_NO_DATE, .updated = FEED_NO_DATE},
		{.title = "Linked", .link = "HTTP://X.example:80/4?utm_source=z", .published = 4000, .updated = FEED_NO_DATE},
		{.title = "Hashed", .text = "only text", .published = 5000, .updated = FEED_NO_DATE},
	};
	const size_t n = sizeof items / sizeof items[0];
	struct store_item_prep preps[sizeof items / sizeof items[0]];
	struct prep_job job = {items, n, ARENA_INIT, preps};
	pthread_t t;
	CHECK(pthread_create(&t, NULL, prep_thread, &job) == 0);
	CHECK(pthread_join(t, NULL) == 0);
	struct store_items w;
	CHECK(store_items_open(&w, &st, &e) == 0);
	CHECK(store_begin(&st, &e) == 0);
	for (size_t i = 0; i < n; i++) {
		enum store_put_result r1, r2;
		CHECK(store_item_put(&w, direct, &items[i], 500, &r1, &e) == 0);
		CHECK(store_item_put_prepared(&w, prepared, &preps[i], 500, &r2, &e) == 0);
		CHECK_INT(r1, ITEM_NEW);
		CHECK_INT(r2, ITEM_NEW);
		/* stored again: unchanged (same dedupe key and content hash) */
		CHECK(store_item_put_prepared(&w, prepared, &preps[i], 600, &r2, &e) == 0);
		CHECK_INT(r2, ITEM_UNCHANGED);
	}
	CHECK(store_commit(&st, &e) == 0);
	/* every column but id and source_id is the same, bytes included (packed bodies are BLOBs) */
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items a JOIN items b ON a.source_id < b.source_id"
	                    " AND a.dedupe_key IS b.dedupe_key AND a.guid IS b.guid AND a.link IS b.link"
	                    " AND a.canonical_link IS b.canonical_link AND a.title IS b.title AND a.author IS b.author"
	                    " AND a.summary IS b.summary AND a.content IS b.content AND a.text IS b.text"
	                    " AND a.categories IS b.categories AND a.enclosures IS b.enclosures"
	                    " AND a.comments IS b.comments AND a.published IS b.published AND a.updated IS b.updated"
	                    " AND a.first_seen IS b.first_seen AND a.content_hash IS b.content_hash"),
	          (long long)n);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE typeof(text) = 'blob' AND typeof(summary) = 'blob'"
	                    " AND typeof(content) = 'blob'"), 2);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE unpacked(content, unpacked(text)) = '<p>' ||"
	                    " unpacked(text) || '</p>'"), 2);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'compress'"), 2);
	store_items_close(&w);
	arena_free(&job.arena);
	store_close(&st);
}

/* A WAL that grew past STORE_WAL_KEEP_BYTES (a big fetch) is cut back to it by the next
 * write after its pages are copied back, instead of keeping its size while a reader (brief
 * serve) holds the store open. */
static void
test_wal_bounded(void)
{
	struct store st;
	open_store(&st, "wal.db");
	struct err e;
	CHECK_INT(store_exec(&st, "CREATE TABLE bulk(b BLOB)", &e), 0);
	CHECK_INT(store_exec(&st, "BEGIN", &e), 0);
	long chunks = (long)(STORE_WAL_KEEP_BYTES / (1024 * 1024)) + 8;
	for (long i = 0; i < chunks; i++)
		CHECK_INT(store_exec(&st, "INSERT INTO bulk VALUES (zeroblob(1048576))", &e), 0);
	CHECK_INT(store_exec(&st, "COMMIT", &e), 0);
	char wal[512];
	snprintf(wal, sizeof wal, "%s/wal.db-wal", test_tmpdir());
	struct stat sb;
	CHECK(stat(wal, &sb) == 0 && sb.st_size > STORE_WAL_KEEP_BYTES); /* it did grow */
	CHECK_INT(store_exec(&st, "PRAGMA wal_checkpoint(PASSIVE)", &e), 0);
	CHECK_INT(store_exec(&st, "INSERT INTO bulk VALUES (1)", &e), 0); /* restarts the WAL */
	CHECK(stat(wal, &sb) == 0 && sb.st_size <= STORE_WAL_KEEP_BYTES);
	store_close(&st);
}

/* A FeedBurner item with neither guid nor id was keyed by its link, which was the feedproxy
 * redirector until brief took feedburner:origLink as the link: a store written before holds it
 * under the redirector's key, and the next fetch must find it there (the same item, its link
 * now the post's URL), not store it again as new (a digest showing an old post twice). */
static void
test_feedburner_old_key(void)
{
	static const char rss[] =
		"<rss version='2.0' xmlns:feedburner='http://rssnamespace.org/feedburner/ext/1.0'><channel>"
		"<title>FB</title><item><title>Old post</title>"
		"<link>http://feedproxy.google.com/~r/fb/~3/abc/old-post</link>"
		"<feedburner:origLink>https://fb.example/2025/old-post.html</feedburner:origLink>"
		"<description>Body</description><pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate></item>"
		"<item><title>New post</title><link>http://feedproxy.google.com/~r/fb/~3/def/new-post</link>"
		"<feedburner:origLink>https://fb.example/2025/new-post.html</feedburner:origLink>"
		"<pubDate>Tue, 02 Dec 2025 10:00:00 GMT</pubDate></item></channel></rss>";
	struct store st;
	struct err e;
	open_store(&st, "feedburner.db");
	int64_t sid;
	CHECK(store_source_add(&st, SOURCE_USER, "http://fb.example/feed", "FB", NULL, NULL, 100, &sid, NULL, &e) == 0);
	char sql[512];
	snprintf(sql, sizeof sql,
	         "INSERT INTO items(source_id, dedupe_key, link, title, first_seen, content_hash) VALUES"
	         " (%lld, 'l:http://feedproxy.google.com/~r/fb/~3/abc/old-post',"
	         " 'http://feedproxy.google.com/~r/fb/~3/abc/old-post', 'Old post', 400, 'x')",
	         (long long)sid);
	CHECK(store_exec(&st, sql, &e) == 0);
	struct store_items w;
	CHECK(store_items_open(&w, &st, &e) == 0);
	struct arena a = ARENA_INIT;
	for (int run = 0; run < 2; run++) /* the second fetch finds both again */
		parse_into(&st, &w, sid, rss, sizeof rss - 1, &a);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items"), 2);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE title = 'Old post'"), 1);
	CHECK_INT(test_query_int(&st, "SELECT first_seen FROM items WHERE title = 'Old post'"), 400);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE title = 'Old post'"
	                              " AND link = 'https://fb.example/2025/old-post.html'"), 1);
	store_items_close(&w);
	arena_free(&a);
	store_close(&st);
}

/* An entry dated ahead of its fetch (a feed's clock or zone ahead; dates up to a day ahead are
 * kept) counts from when it was fetched: a 48-hour daily shows it in two consecutive digests as
 * it shows an entry fetched with it, not in a third, the day after it had already been shown
 * twice. */
static void
test_ahead_of_fetch(void)
{
	/* fetched by put_parsed at 2026-01-31T00:00:00Z; one dated an hour before, one 23 h after */
	static const char rss[] =
		"<rss version='2.0'><channel><title>A</title>"
		"<item><guid>fresh</guid><title>Fresh</title><pubDate>Fri, 30 Jan 2026 23:00:00 GMT</pubDate></item>"
		"<item><guid>ahead</guid><title>Ahead</title><pubDate>Sat, 31 Jan 2026 23:00:00 GMT</pubDate></item>"
		"</channel></rss>";
	const int64_t fetched = 1767225600 + 30 * 86400;
	struct store st;
	struct err e;
	open_store(&st, "ahead.db");
	int64_t sid;
	CHECK(store_source_add(&st, SOURCE_USER, "http://ahead.example/feed", "A", NULL, NULL, 100, &sid, NULL, &e) == 0);
	struct store_items w;
	CHECK(store_items_open(&w, &st, &e) == 0);
	struct arena a = ARENA_INIT;
	parse_into(&st, &w, sid, rss, sizeof rss - 1, &a);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items WHERE published > first_seen"), 1);
	struct article *arts;
	size_t n;
	for (int day = 0; day < 3; day++) {
		CHECK(store_select_window(&st, fetched + day * 86400, 48, NULL, 0, &a, &arts, &n, &e) == 0);
		int fresh = 0, ahead = 0;
		for (size_t i = 0; i < n; i++) {
			fresh |= strcmp(arts[i].title, "Fresh") == 0;
			ahead |= strcmp(arts[i].title, "Ahead") == 0;
		}
		CHECK_INT(fresh, day < 2);
		CHECK_INT(ahead, day < 2);
	}
	arena_free(&a);
	store_items_close(&w);
	store_close(&st);
}

/* Schema 21 (sources.failing_since, retry_at) comes by the store's own migration: a store of
 * schema 20 with a source failing 5 times in a row opens migrated, both NULL (the streak's
 * start is unknown, and the next run asks it); that run's failure, the 6th, sets its backoff
 * from the count it had (the start stays unknown); a success clears them. */
static void
test_migrate_failing(void)
{
	struct store st;
	struct err e;
	open_store(&st, "schema20.db");
	int64_t sid;
	CHECK(store_source_add(&st, SOURCE_USER, "http://failing.example/feed", "F", NULL, NULL, 100, &sid, NULL, &e) == 0);
	/* today's schema-20 store: the columns as they were, the version it had */
	CHECK(store_exec(&st,
	                 "UPDATE sources SET consecutive_failures = 5, last_error = 'HTTP 404 Not Found', last_status = 404,"
	                 " last_attempt_at = 1000;"
	                 "ALTER TABLE sources DROP COLUMN failing_since; ALTER TABLE sources DROP COLUMN retry_at;"
	                 "PRAGMA user_version = 20;",
	                 &e) == 0);
	store_close(&st);
	open_store(&st, "schema20.db");
	CHECK_INT(test_query_int(&st, "PRAGMA user_version"), store_schema_version());
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM sources WHERE failing_since IS NULL AND retry_at IS NULL"), 1);
	struct arena a = ARENA_INIT;
	struct source src;
	CHECK(store_source_get(&st, sid, &a, &src, &e) == 0);
	CHECK_INT(src.consecutive_failures, 5);
	CHECK(src.failing_since == 0 && src.retry_at == 0);
	CHECK(!fetch_source_is_resting(&src, 2000));
	struct source_result r = {.attempted_at = 5000, .http_status = 404, .error = "HTTP 404 Not Found",
	                          .retry_at = 5000 + fetch_backoff_s(6)};
	CHECK(store_source_record(&st, sid, &r, &e) == 0);
	CHECK(store_source_get(&st, sid, &a, &src, &e) == 0);
	CHECK_INT(src.consecutive_failures, 6);
	CHECK(src.failing_since == 0 && src.retry_at == 5000 + fetch_backoff_s(6));
	CHECK(fetch_source_is_resting(&src, 5000 + 3600) && !fetch_source_is_resting(&src, src.retry_at));
	struct source_result ok = {.attempted_at = 90000, .http_status = 200};
	CHECK(store_source_record(&st, sid, &ok, &e) == 0);
	CHECK(store_source_get(&st, sid, &a, &src, &e) == 0);
	CHECK(src.consecutive_failures == 0 && src.failing_since == 0 && src.retry_at == 0);
	/* a new streak knows its start */
	struct source_result bad = {.attempted_at = 95000, .http_status = 0, .error = "timed out"};
	CHECK(store_source_record(&st, sid, &bad, &e) == 0);
	CHECK(store_source_get(&st, sid, &a, &src, &e) == 0);
	CHECK(src.failing_since == 95000 && src.retry_at == 0);
	arena_free(&a);
	store_close(&st);
}

int
main(void)
{
	test_feedburner_old_key();
	test_canon();
	test_wal_bounded();
	test_items();
	test_updated_only();
	test_ahead_of_fetch();
	test_fragment_items();
	test_prepared();
	test_migrate_failing();
	return test_done("test_store_items");
}
