/* test_serve.c: `brief serve` over real HTTP on loopback: a temp store filled with fixture rows
 * (hostile strings included), pages fetched with libcurl, and the binary stopped by signals;
 * over-long searches refused with a 400. */
#include <curl/curl.h>
#include <grp.h>
#include <libxml/parser.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "atomcheck.h"
#include "serve/serve.h"
#include "store/prune.h"
#include "store/store.h"
#include "testlib.h"
#include "util/str.h"

struct reply {
	long status;
	struct buf body;
	struct buf headers;
};

static size_t
on_data(char *p, size_t size, size_t n, void *ctx)
{
	buf_append(ctx, p, size * n);
	return size * n;
}

/* GET (or another method) url; fills r (caller frees the buffers). */
static void
http_get(const char *url, const char *method, struct reply *r)
{
	memset(r, 0, sizeof *r);
	CURL *c = curl_easy_init();
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->headers);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
	if (method)
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	if (curl_easy_perform(c) == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_cleanup(c);
}

static void
reply_free(struct reply *r)
{
	buf_free(&r->body);
	buf_free(&r->headers);
}

static const char *
get(const char *base, const char *path, struct reply *r)
{
	char url[1024];
	snprintf(url, sizeof url, "%s%s", base, path);
	http_get(url, NULL, r);
	return buf_str(&r->body);
}

static const char hostile_title[] = "<script>alert('x')</script> \"]| pie \"a\" : 1 🚀 שלום עולם";
static const char report_html[] = "<!doctype html><html><body><h1>日报 2026-02-21</h1></body></html>";

static void
fill_store(const char *db)
{
	struct store st;
	struct err e = {""};
	if (store_open(&st, db, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		exit(1);
	}
	const char *sql =
		"INSERT INTO sources(id, url, name, html_url, added_at) VALUES"
		" (1, 'https://a.example/feed', 'Alpha <Blog>', 'https://a.example/', 0),"
		" (2, 'https://b.example/feed', NULL, 'javascript:alert(1)', 0);"
		"INSERT INTO items(id, source_id, dedupe_key, link, title, text, categories, published, first_seen,"
		" content_hash) VALUES"
		" (1, 1, 'g:1', 'https://a.example/rust', 'Rust async in practice', 'Structured concurrency with"
		"  tokio and the borrow checker.', '[\"rust\",\"<b>x</b>\"]', 1771650000, 1771650000, 'h1'),"
		" (2, 1, 'g:2', 'javascript:alert(2)', ?1, 'Hostile text </div><script>alert(3)</script> here.',"
		"  NULL, 1771660000, 1771660000, 'h2'),"
		" (3, 2, 'g:3', 'https://b.example/zh', '中文搜索测试标题', '这是一个关于全文搜索的中文段落。', NULL,"
		"  NULL, 1771670000, 'h3'),"
		" (4, 2, 'g:4', 'https://b.example/go', 'Go generics', 'Go is a language.', NULL, 1771600000,"
		"  1771600000, 'h4'),"
		/* an untitled post (a microblog's): headed by its first sentence */
		" (7, 1, 'g:7', 'https://a.example/note', NULL, 'Shipped the new parser today. It is twice as fast.',"
		"  NULL, 1771500000, 1771500000, 'h7'),"
		/* a JSON Feed's "\u0001" and "\u0002": the bytes a search snippet marks its hits with */
		" (8, 1, 'g:8', 'https://a.example/marker', 'Marker bytes', 'Plain ' || char(1) || ' marker '"
		"  || char(2) || ' bytes.', NULL, 1771400000, 1771400000, 'h8');"
		"INSERT INTO verdicts(item_id, engine, relevance, quality, timeliness, category, keywords, scored_at)"
		" VALUES (1, 'offline', 9, 8, 7, 'engineering', '[\"rust\",\"async\"]', 0);"
		"INSERT INTO enrichments(item_id, lang, engine, title, summary, reason, created_at) VALUES"
		" (1, 'zh', 'offline', 'Rust 异步实践', '摘要 <i>内容</i>', '值得一读', 0);"
		/* the article page fetched for item 4 (--full-text): searchable with it */
		"INSERT INTO fulltext(item_id, url, status, text, fetched_at, attempts) VALUES"
		" (4, 'https://b.example/go', 1, 'The page explains monomorphization <b>in depth</b>.' || char(10, 10) ||"
		"  'A second paragraph.', 0, 1);"
		"INSERT INTO reports(kind, slug, lang, title, created_at, markdown, html, json) VALUES"
		" ('daily', '2026-02-20', 'zh', '日报 2026-02-20', 1771560000, '# 日报 20', NULL, NULL),"
		" ('daily', '2026-02-21', 'zh', '日报 2026-02-21', 1771650000, '# 日报 21', ?2, '{\"date\":\"2026-02-21\"}'),"
		" ('daily', '2026-02-21', 'en', 'Daily 2026-02-21', 1771640000, '# Daily 21', '<p>english</p>', NULL),"
		" ('weekly', '2026-W08', 'zh', ?1, 1771655000, '# 周报 <script>', NULL, NULL),"
		/* HTML stored empty (not NULL): the Markdown is what there is to read */
		" ('daily', '2026-02-19', 'zh', '日报 2026-02-19', 1771470000, '# 日报 19', '', NULL);";
	/* Statements one by one so the hostile title can be bound. */
	const char *tail = sql;
	while (*tail) {
		sqlite3_stmt *s = NULL;
		const char *next = NULL;
		if (sqlite3_prepare_v2(st.db, tail, -1, &s, &next) != SQLITE_OK) {
			fprintf(stderr, "fixture: %s\n", sqlite3_errmsg(st.db));
			exit(1);
		}
		if (!s)
			break;
		if (sqlite3_bind_parameter_count(s) >= 1)
			sqlite3_bind_text(s, 1, hostile_title, -1, SQLITE_STATIC);
		if (sqlite3_bind_parameter_count(s) >= 2)
			sqlite3_bind_text(s, 2, report_html, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE) {
			fprintf(stderr, "fixture: %s\n", sqlite3_errmsg(st.db));
			exit(1);
		}
		sqlite3_finalize(s);
		tail = next;
	}
	store_close(&st);
}

static int
has_header(const struct reply *r, const char *needle)
{
	return str_icasestr(buf_str(&r->headers), r->headers.len, needle) != NULL;
}

/* Page b without the bar serve puts over a report page (<nav id="brief-serve-nav">...</nav>
 * and its line break), into out: the stored page as it was saved. Returns out's text. */
static const char *
without_nav(const char *b, struct buf *out)
{
	buf_clear(out);
	const char *at = strstr(b, "<nav id=\"brief-serve-nav\"");
	const char *end = at ? strstr(at, "</nav>\n") : NULL;
	if (!end) {
		buf_puts(out, b);
		return buf_str(out);
	}
	buf_append(out, b, (size_t)(at - b));
	buf_puts(out, end + strlen("</nav>\n"));
	return buf_str(out);
}

static void
test_pages(const char *base)
{
	struct reply r;
	const char *b = get(base, "/", &r);
	CHECK_INT(r.status, 200);
	CHECK(has_header(&r, "Content-Type: text/html; charset=utf-8"));
	CHECK(has_header(&r, "Content-Security-Policy: default-src 'none'"));
	/* Newest first: 2026-02-21 zh (…650000), weekly (…655000 is newer still), en, 2026-02-20. */
	const char *weekly = strstr(b, "/r/weekly/2026-W08"), *d21 = strstr(b, "/r/daily/2026-02-21?lang=zh");
	const char *en = strstr(b, "/r/daily/2026-02-21?lang=en"), *d20 = strstr(b, "/r/daily/2026-02-20");
	CHECK(weekly && d21 && en && d20 && weekly < d21 && d21 < en && en < d20);
	CHECK(strstr(b, "<script>") == NULL);
	CHECK(strstr(b, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != NULL);
	CHECK(strstr(b, "שלום עולם") != NULL && strstr(b, "🚀") != NULL);
	reply_free(&r);

	struct buf stored = BUF_INIT;
	b = get(base, "/r/daily/2026-02-21?lang=zh", &r);
	CHECK_INT(r.status, 200);
	CHECK_STR(without_nav(b, &stored), report_html);
	CHECK(has_header(&r, "sandbox"));
	/* and keeps the page's origin: an opaque one makes the nav bar's links cross-site, without
	 * the SameSite=Strict token cookie (401 under --token) */
	CHECK(has_header(&r, "sandbox allow-same-origin"));
	CHECK(!has_header(&r, "allow-scripts"));
	reply_free(&r);
	b = get(base, "/r/daily/2026-02-21?lang=en", &r);
	CHECK_STR(without_nav(b, &stored), "<p>english</p>");
	reply_free(&r);
	buf_free(&stored);
	b = get(base, "/r/daily/2026-02-21.md?lang=zh", &r);
	CHECK_INT(r.status, 200);
	CHECK_STR(b, "# 日报 21");
	CHECK(has_header(&r, "text/plain"));
	reply_free(&r);
	b = get(base, "/r/daily/2026-02-21.json", &r);
	CHECK_STR(b, "{\"date\":\"2026-02-21\"}");
	CHECK(has_header(&r, "application/json"));
	reply_free(&r);
	/* Markdown-only report: shown escaped inside a page. */
	b = get(base, "/r/weekly/2026-W08", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<pre># 周报 &lt;script&gt;</pre>") != NULL);
	reply_free(&r);
	/* its .html form is the same page, not a 404 (the page links and the daily site's names end
	 * in .html) */
	b = get(base, "/r/weekly/2026-W08.html", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<pre># 周报 &lt;script&gt;</pre>") != NULL);
	reply_free(&r);
	b = get(base, "/r/daily/2026-02-19.html?lang=zh", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<pre># 日报 19</pre>") != NULL);
	reply_free(&r);
	/* HTML stored empty: the Markdown, not a blank page; in the feed too */
	b = get(base, "/r/daily/2026-02-19", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<pre># 日报 19</pre>") != NULL);
	reply_free(&r);
	b = get(base, "/feed.atom", &r);
	const char *e19 = strstr(b, "urn:brief:daily:2026-02-19:zh");
	CHECK(e19 && strstr(e19, "<content type=\"text\"># 日报 19</content>") != NULL);
	reply_free(&r);
	get(base, "/r/daily/1999-01-01", &r);
	CHECK_INT(r.status, 404);
	reply_free(&r);
	get(base, "/r/daily", &r);
	CHECK_INT(r.status, 404);
	reply_free(&r);
	get(base, "/nope", &r);
	CHECK_INT(r.status, 404);
	reply_free(&r);

	/* Search: trigram index, a snippet with <mark>, the query echoed escaped. */
	b = get(base, "/items?q=tokio", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "/items/1\"") != NULL);
	CHECK(strstr(b, "<mark>tokio</mark>") != NULL);
	CHECK(strstr(b, "/items/4\"") == NULL);
	reply_free(&r);
	b = get(base, "/items?q=%E5%85%A8%E6%96%87%E6%90%9C%E7%B4%A2", &r); /* 全文搜索 */
	CHECK(strstr(b, "/items/3\"") != NULL && strstr(b, "/items/1\"") == NULL);
	reply_free(&r);
	b = get(base, "/items?q=Go", &r); /* two letters: below the trigram size, LIKE instead */
	CHECK(strstr(b, "/items/4\"") != NULL);
	reply_free(&r);
	/* A word only the item's article page has finds it, the snippet from the page, escaped. */
	b = get(base, "/items?q=monomorphization", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "/items/4\"") != NULL && strstr(b, "/items/1\"") == NULL);
	CHECK(strstr(b, "<mark>monomorphization</mark>") != NULL);
	CHECK(strstr(b, "<b>in depth") == NULL);
	reply_free(&r);
	b = get(base, "/items?q=rust+practice", &r); /* terms ANDed */
	CHECK(strstr(b, "/items/1\"") != NULL);
	reply_free(&r);
	/* "-" and OR are no operators: the page says so under the search, and searches what it
	 * says (a reader who typed "-rust" sees the rust item, told why) */
	b = get(base, "/items?q=-rust", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "/items/1\"") != NULL);
	CHECK(strstr(b, "<code>-</code> and <code>OR</code> are searched as words") != NULL);
	reply_free(&r);
	b = get(base, "/items?q=rust+OR+practice", &r); /* "or" is a word item 1 lacks */
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "/items/1\"") == NULL && strstr(b, "Nothing matches") != NULL);
	CHECK(strstr(b, "are searched as words") != NULL);
	reply_free(&r);
	b = get(base, "/items?q=rust+zzzz", &r);
	CHECK(strstr(b, "/items/1\"") == NULL && strstr(b, "Nothing matches") != NULL);
	reply_free(&r);
	b = get(base, "/items?q=%22%3Cscript%3Ealert(1)%22", &r); /* "<script>alert(1)" with quotes */
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<script>") == NULL);
	CHECK(strstr(b, "value=\"&quot;&lt;script&gt;alert(1)&quot;\"") != NULL);
	reply_free(&r);
	b = get(base, "/items?q=script", &r); /* matches the hostile item: its text stays inert */
	CHECK(strstr(b, "/items/2\"") != NULL);
	CHECK(strstr(b, "<script>") == NULL && strstr(b, "&lt;<mark>script</mark>&gt;") != NULL);
	reply_free(&r);
	/* Searches longer than 256 bytes or of more than 8 terms are refused with a 400 that says
	 * so, never answered with the latest items (or with the first 8 terms) as if searched. */
	char q[400];
	snprintf(q, sizeof q, "/items?q=rust+%0300d", 0);
	b = get(base, q, &r);
	CHECK_INT(r.status, 400);
	CHECK(strstr(b, "the search is 305 bytes long; at most 256 are searched") != NULL);
	CHECK(strstr(b, "/items/") == NULL && strstr(b, "Latest items") == NULL);
	reply_free(&r);
	b = get(base, "/items?q=rust+a+b+c+d+e+f+g+zzzz", &r); /* the 9th term would have been dropped */
	CHECK_INT(r.status, 400);
	CHECK(strstr(b, "the search has 9 terms; at most 8 are searched") != NULL);
	CHECK(strstr(b, "/items/1\"") == NULL);
	reply_free(&r);
	snprintf(q, sizeof q, "/items?q=%%22rust+async%%22+%0243d", 0); /* exactly 256 bytes, 2 terms */
	b = get(base, q, &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "Nothing matches") != NULL);
	reply_free(&r);
	/* A NUL or another control character (a pasted binary, a probe) is refused like a search
	 * too long, never answered with the latest items as if nothing were searched; a tab is a
	 * space between words. */
	static const char *const controls[] = {"/items?q=%00", "/items?q=rust%00", "/items?q=%01",
	                                       "/items?q=rust%1Bzzzz", "/items?q=%7F"};
	for (size_t k = 0; k < sizeof controls / sizeof controls[0]; k++) {
		b = get(base, controls[k], &r);
		CHECK_INT(r.status, 400);
		CHECK(strstr(b, "control character") != NULL);
		CHECK(strstr(b, "Latest items") == NULL && strstr(b, "/items/") == NULL);
		reply_free(&r);
	}
	b = get(base, "/items?q=rust%09practice", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "/items/1\"") != NULL);
	reply_free(&r);
	b = get(base, "/items?q=rust+async+in+practice+rust+async+in+practice", &r); /* 8 terms */
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "/items/1\"") != NULL);
	reply_free(&r);
	b = get(base, "/items", &r); /* latest first: 3 (first seen …670000), 2, 1, 4, 7 */
	const char *i3 = strstr(b, "/items/3\""), *i2 = strstr(b, "/items/2\""), *i1 = strstr(b, "/items/1\"");
	const char *i4 = strstr(b, "/items/4\""), *i7 = strstr(b, "/items/7\"");
	CHECK(i3 && i2 && i1 && i4 && i7 && i3 < i2 && i2 < i1 && i1 < i4 && i4 < i7);
	CHECK(strstr(b, "/items/7\" dir=\"auto\">Shipped the new parser today.</a>") != NULL);
	CHECK(strstr(b, "(untitled)") == NULL);
	reply_free(&r);
	/* A cursor past the last item (an old bookmark, a list pruned since) is the end of the
	 * list, not an empty store: no "brief fetch stores some", a way back to the newest. */
	b = get(base, "/items?before=1.1", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "No items yet") == NULL);
	CHECK(strstr(b, "No older items") != NULL);
	CHECK(strstr(b, "href=\"/items\">← newest") != NULL);
	reply_free(&r);
	/* Found by a search, the untitled post is headed by its link (the snippet is no start). */
	b = get(base, "/items?q=parser", &r);
	CHECK(strstr(b, "/items/7\" dir=\"auto\">https://a.example/note</a>") != NULL);
	reply_free(&r);
	b = get(base, "/items/7", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<title>Shipped the new parser today.") != NULL);
	CHECK(strstr(b, "nofollow\" dir=\"auto\">Shipped the new parser today.</a></h1>") != NULL);
	CHECK(strstr(b, "(untitled)") == NULL);
	reply_free(&r);

	/* One item: escaped fields, score, enrichment; javascript: links never become links. */
	b = get(base, "/items/1", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "href=\"https://a.example/rust\"") != NULL);
	CHECK(strstr(b, "24/30") != NULL);
	CHECK(strstr(b, "rust, &lt;b&gt;x&lt;/b&gt;") != NULL);
	CHECK(strstr(b, "Alpha &lt;Blog&gt;") != NULL);
	CHECK(strstr(b, "摘要 &lt;i&gt;内容&lt;/i&gt;") != NULL);
	/* the verdict's category (stored as its id) and engine in the page's words */
	CHECK(strstr(b, "<th>category</th><td>⚙️ Engineering<") != NULL);
	CHECK(strstr(b, "(relevance 9, quality 8, timeliness 7; offline engine)") != NULL);
	reply_free(&r);
	b = get(base, "/items/2", &r);
	CHECK(strstr(b, "javascript:") == NULL);
	CHECK(strstr(b, "<script>") == NULL);
	CHECK(strstr(b, "&lt;/div&gt;&lt;script&gt;alert(3)") != NULL);
	reply_free(&r);
	b = get(base, "/items/3", &r);
	CHECK(strstr(b, "javascript:") == NULL); /* the source's html_url */
	CHECK(strstr(b, "<h2>Article</h2>") == NULL); /* no page fetched: the feed's text alone */
	CHECK(strstr(b, "这是一个关于全文搜索的中文段落。") != NULL);
	/* undated: no empty "published" row, the first-seen time stands alone */
	CHECK(strstr(b, "<th>published</th>") == NULL);
	CHECK(strstr(b, "<th>first seen</th><td>2026-") != NULL);
	reply_free(&r);
	b = get(base, "/items/1", &r);
	CHECK(strstr(b, "<th>published</th><td>2026-") != NULL);
	reply_free(&r);
	/* A page extracted for item 4 (--full-text): its article is shown, escaped, with its
	 * paragraphs and where it came from; the feed's text stays one click away. */
	b = get(base, "/items/4", &r);
	CHECK_INT(r.status, 200);
	const char *article = strstr(b, "<h2>Article</h2>");
	CHECK(article != NULL);
	CHECK(strstr(b, "monomorphization &lt;b&gt;in depth&lt;/b&gt;.\n\nA second paragraph.") != NULL);
	CHECK(strstr(b, "href=\"https://b.example/go\"") != NULL);
	const char *feed = strstr(b, "<summary>The feed's text</summary>");
	CHECK(feed != NULL && article != NULL && feed > article);
	CHECK(feed != NULL && strstr(feed, "Go is a language.") != NULL);
	reply_free(&r);
	get(base, "/items/999", &r);
	CHECK_INT(r.status, 404);
	reply_free(&r);
	get(base, "/items/1x", &r);
	CHECK_INT(r.status, 404);
	reply_free(&r);

	/* Atom: well-formed XML with one entry per report. */
	b = get(base, "/feed.atom", &r);
	CHECK_INT(r.status, 200);
	CHECK(has_header(&r, "application/atom+xml"));
	xmlDocPtr doc = xmlReadMemory(b, (int)r.body.len, "feed.atom", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
	CHECK(doc != NULL);
	if (doc) {
		int entries = 0;
		for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next)
			entries += n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, (const xmlChar *)"entry") == 0;
		CHECK_INT(entries, 5);
		xmlFreeDoc(doc);
	}
	CHECK(strstr(b, "<id>urn:brief:daily:2026-02-21:zh</id>") != NULL);
	/* and valid Atom (RFC 4287), as the daily site's feed is */
	struct buf problems = BUF_INIT;
	CHECK_INT(atom_check(b, r.body.len, &problems), 0);
	if (problems.len)
		fprintf(stderr, "%s", buf_str(&problems));
	buf_free(&problems);
	reply_free(&r);

	/* Read-only. */
	char url[256];
	snprintf(url, sizeof url, "%s/", base);
	http_get(url, "POST", &r);
	CHECK_INT(r.status, 405);
	reply_free(&r);
}

/* The latest items show the start of each text: marker bytes in it are control characters,
 * dropped like any other, never turned into <mark> (as a search's snippet marks its hits). */
/* Searches as a Chinese reader types them: an input method's space between words is U+3000
 * (IDEOGRAPHIC SPACE, %E3%80%80), which must separate words as a space does, not glue them into
 * one phrase that nothing matches. */
static void
test_zh_search(const char *base)
{
	struct reply r;
	/* rust, U+3000, tokio: both words of item 1, not next to each other */
	const char *b = get(base, "/items?q=rust%E3%80%80tokio", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "/items/1\"") != NULL);
	reply_free(&r);
	b = get(base, "/items?q=tokio%E3%80%80%E3%80%80rust%E3%80%80", &r); /* the other order, spaces around */
	CHECK(strstr(b, "/items/1\"") != NULL);
	reply_free(&r);
	/* 段落 U+3000 中文: item 3 has both, in the other order */
	b = get(base, "/items?q=%E6%AE%B5%E8%90%BD%E3%80%80%E4%B8%AD%E6%96%87", &r);
	CHECK(strstr(b, "/items/3\"") != NULL);
	reply_free(&r);
	/* A search of nothing the index holds (punctuation, an emoji, only spaces) says so, in
	 * the reader's language: not "Nothing matches", which an item holding 🚀 belies. */
	static const char *const blank[] = {"/items?q=%EF%BC%8C%E3%80%82%EF%BC%81", /* ，。！ */
	                                    "/items?q=%F0%9F%9A%80", "/items?q=%22%22"};
	for (size_t k = 0; k < sizeof blank / sizeof blank[0]; k++) {
		b = get(base, blank[k], &r);
		CHECK_INT(r.status, 200);
		CHECK(strstr(b, "Nothing to search for") != NULL && strstr(b, "Nothing matches") == NULL);
		reply_free(&r);
	}
	/* a box sent with only spaces is no search: the latest items, titled, as an empty box */
	static const char *const spaces[] = {"/items?q=+", "/items?q=%E3%80%80%E3%80%80", "/items?q=%09+"};
	for (size_t k = 0; k < sizeof spaces / sizeof spaces[0]; k++) {
		b = get(base, spaces[k], &r);
		CHECK_INT(r.status, 200);
		CHECK(strstr(b, "<h1>Latest items</h1>") != NULL && strstr(b, "<title>items · brief</title>") != NULL);
		CHECK(strstr(b, "/items/1\"") != NULL);
		reply_free(&r);
	}
	b = get(base, "/items?q=%EF%BC%8C%E3%80%82&lang=zh", &r);
	CHECK(strstr(b, "没有可搜索的字词") != NULL && strstr(b, "没有结果") == NULL);
	reply_free(&r);
	b = get(base, "/items?q=%E4%B8%AD%E6%96%87%EF%BC%8C", &r); /* 中文， : the word is searched */
	CHECK(strstr(b, "/items/3\"") != NULL);
	reply_free(&r);
	/* nine words apart by U+3000 are nine terms: refused, like nine apart by spaces */
	b = get(base, "/items?q=rust%E3%80%80a%E3%80%80b%E3%80%80c%E3%80%80d%E3%80%80e%E3%80%80f%E3%80%80g%E3%80%80h", &r);
	CHECK_INT(r.status, 400);
	reply_free(&r);
}

static void
test_marker_bytes(const char *base)
{
	struct reply r;
	const char *b = get(base, "/items", &r);
	CHECK_INT(r.status, 200);
	const char *i8 = strstr(b, "/items/8\"");
	CHECK(i8 != NULL);
	CHECK(i8 && strstr(i8, "<mark>") == NULL && strstr(i8, "</mark>") == NULL);
	CHECK(strstr(b, ">Plain  marker  bytes.</div>") != NULL);
	reply_free(&r);
	b = get(base, "/items?q=marker", &r); /* a search's own marks stay */
	CHECK(strstr(b, "<mark>marker</mark>") != NULL);
	reply_free(&r);
}

/* GET url with an If-None-Match header (NULL: none); fills r. */
static void
http_get_if(const char *url, const char *if_none_match, struct reply *r)
{
	memset(r, 0, sizeof *r);
	CURL *c = curl_easy_init();
	struct curl_slist *h = NULL;
	char line[256];
	if (if_none_match) {
		snprintf(line, sizeof line, "If-None-Match: %s", if_none_match);
		h = curl_slist_append(h, line);
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->headers);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
	if (curl_easy_perform(c) == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_cleanup(c);
	curl_slist_free_all(h);
}

/* The value of header name in r ("" when absent), into out. */
static void
header_value(const struct reply *r, const char *name, char *out, size_t size)
{
	out[0] = '\0';
	const char *at = str_icasestr(buf_str(&r->headers), r->headers.len, name);
	if (!at)
		return;
	at += strlen(name);
	while (*at == ' ')
		at++;
	snprintf(out, size, "%.*s", (int)strcspn(at, "\r\n"), at);
}

/* A right-to-left source and item (an Arabic blog): the source's name is isolated in the
 * lists' meta line (else the bidi algorithm draws the date before it, time and date swapped),
 * and titles and texts take their direction from their own first strong letter, as the
 * digests lay out feed text (docs/daily.md). */
static void
test_rtl(const char *base, const char *db)
{
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w,
	                     "INSERT INTO sources(id, url, name, html_url, added_at) VALUES (3, 'https://c.example/feed',"
	                     " 'مدونة التقنية', 'https://c.example/', 0);"
	                     "INSERT INTO items(id, source_id, dedupe_key, link, title, text, published, first_seen,"
	                     " content_hash) VALUES (10, 3, 'g:10', 'https://c.example/a', 'ما الجديد في لغة رست؟',"
	                     " 'نص المقال عن البرمجة.', 1771460000, 1771460000, 'h10')",
	                     &e),
	          0);
	store_close(&w);
	struct reply r;
	const char *paths[] = {"/items", "/items?q=%D8%A7%D9%84%D8%A8%D8%B1%D9%85%D8%AC%D8%A9"}; /* البرمجة */
	for (size_t k = 0; k < 2; k++) {
		const char *b = get(base, paths[k], &r);
		CHECK_INT(r.status, 200);
		const char *li = strstr(b, "<a href=\"/items/10\"");
		CHECK(li != NULL);
		if (li) {
			CHECK(strncmp(li, "<a href=\"/items/10\" dir=\"auto\">", strlen("<a href=\"/items/10\" dir=\"auto\">")) == 0);
			CHECK(strstr(li, "<div class=\"meta\"><bdi>مدونة التقنية</bdi> · ") != NULL);
			const char *meta_end = strstr(li, "</div>");
			CHECK(meta_end && strncmp(meta_end, "</div><div dir=\"auto\">", strlen("</div><div dir=\"auto\">")) == 0);
		}
		reply_free(&r);
	}
	const char *b = get(base, "/items/10", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<h1 dir=\"auto\">") != NULL);
	CHECK(strstr(b, "nofollow\" dir=\"auto\">مدونة التقنية</a>") != NULL);
	CHECK(strstr(b, "<div class=\"text\" dir=\"auto\">نص المقال عن البرمجة.</div>") != NULL);
	reply_free(&r);
}

/* An item dated years ahead (a feed's typo or placeholder date) is placed by when it was first
 * seen, as the digests place it, not held at the top of the latest items with its date. */
static void
test_future_date(const char *base, const char *db)
{
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	/* published mid-2100; first seen between item 7 (…500000) and item 8 (…400000) */
	CHECK_INT(store_exec(&w,
	                     "INSERT INTO items(id, source_id, dedupe_key, link, title, text, published, first_seen,"
	                     " content_hash) VALUES (9, 1, 'g:9', 'https://a.example/future', 'Dated ahead',"
	                     " 'A placeholder date.', 4118000000, 1771450000, 'h9')",
	                     &e),
	          0);
	store_close(&w);
	struct reply r;
	const char *b = get(base, "/items", &r);
	CHECK_INT(r.status, 200);
	const char *i3 = strstr(b, "/items/3\""), *i7 = strstr(b, "/items/7\""), *i9 = strstr(b, "/items/9\"");
	const char *i8 = strstr(b, "/items/8\"");
	CHECK(i3 && i7 && i8 && i9 && i3 < i9 && i7 < i9 && i9 < i8);
	CHECK(strstr(b, ">2100-") == NULL && strstr(b, " 2100-") == NULL);
	reply_free(&r);
	/* nor kept as fresh as today's in a search: an item with the same words, first seen after
	 * it, ranks above it, and the date shown is not the one ahead */
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w,
	                     "INSERT INTO items(id, source_id, dedupe_key, link, title, text, published, first_seen,"
	                     " content_hash) VALUES (11, 1, 'g:11', 'https://a.example/later', 'Dated ahead',"
	                     " 'A placeholder date.', 1771480000, 1771480000, 'h11')",
	                     &e),
	          0);
	store_close(&w);
	b = get(base, "/items?q=placeholder", &r);
	CHECK_INT(r.status, 200);
	i9 = strstr(b, "/items/9\"");
	const char *i11 = strstr(b, "/items/11\"");
	CHECK(i9 && i11 && i11 < i9);
	CHECK(strstr(b, ">2100-") == NULL && strstr(b, " 2100-") == NULL);
	reply_free(&r);
}

/* Conditional GET: a feed reader polling /feed.atom (or a browser revalidating a page, which
 * Cache-Control: no-cache asks for) sends back the ETag it holds and gets 304 without the body
 * while nothing changed; the full page again once a report is added. */
static void
test_conditional_get(const char *base, const char *db)
{
	char url[256], etag[128], again[128];
	snprintf(url, sizeof url, "%s/feed.atom", base);
	struct reply r;
	http_get_if(url, NULL, &r);
	CHECK_INT(r.status, 200);
	header_value(&r, "\nETag:", etag, sizeof etag);
	CHECK(etag[0] == '"');
	char length[32], length304[32];
	header_value(&r, "\nContent-Length:", length, sizeof length);
	CHECK(length[0] != '\0' && strcmp(length, "0") != 0);
	reply_free(&r);
	http_get_if(url, etag, &r);
	CHECK_INT(r.status, 304);
	CHECK_INT(r.body.len, 0);
	/* RFC 9110 15.4.5: a 304 states no length, or the 200's; never 0 for a page that has a body */
	header_value(&r, "\nContent-Length:", length304, sizeof length304);
	CHECK(length304[0] == '\0' || strcmp(length304, length) == 0);
	reply_free(&r);
	/* weak form and a list, as clients send them */
	char list[300];
	snprintf(list, sizeof list, "\"other\", W/%s", etag);
	http_get_if(url, list, &r);
	CHECK_INT(r.status, 304);
	reply_free(&r);
	http_get_if(url, "\"0123456789abcdef0123456789abcdef\"", &r);
	CHECK_INT(r.status, 200);
	CHECK(r.body.len > 0);
	reply_free(&r);
	/* a search page too */
	snprintf(url, sizeof url, "%s/items?q=tokio", base);
	http_get_if(url, NULL, &r);
	header_value(&r, "\nETag:", again, sizeof again);
	reply_free(&r);
	http_get_if(url, again, &r);
	CHECK_INT(r.status, 304);
	reply_free(&r);
	/* a new report changes the feed: the old tag no longer matches */
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w,
	                     "INSERT INTO reports(kind, slug, lang, title, created_at, markdown) VALUES"
	                     " ('daily', '2026-02-22', 'zh', '日报 2026-02-22', 1771700000, '# 日报 22')",
	                     &e),
	          0);
	store_close(&w);
	snprintf(url, sizeof url, "%s/feed.atom", base);
	http_get_if(url, etag, &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(buf_str(&r.body), "urn:brief:daily:2026-02-22:zh") != NULL);
	header_value(&r, "\nETag:", again, sizeof again);
	CHECK(again[0] == '"' && strcmp(again, etag) != 0);
	reply_free(&r);
	/* errors carry no tag */
	snprintf(url, sizeof url, "%s/nope", base);
	http_get_if(url, "*", &r);
	CHECK_INT(r.status, 404);
	CHECK(!has_header(&r, "ETag:"));
	reply_free(&r);
}

/* A writer holding an open transaction does not stop the archive from answering (WAL). */
static void
test_concurrent_writer(const char *base, const char *db)
{
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_begin(&w, &e), 0);
	CHECK_INT(store_exec(&w,
	                     "INSERT INTO items(id, source_id, dedupe_key, title, text, first_seen, content_hash)"
	                     " VALUES (5, 1, 'g:5', 'Zebra crossing', 'zebra', 1771680000, 'h5')",
	                     &e),
	          0);
	struct reply r;
	const char *b = get(base, "/items?q=zebra", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "/items/5\"") == NULL); /* not committed yet */
	reply_free(&r);
	CHECK_INT(store_commit(&w, &e), 0);
	b = get(base, "/items?q=zebra", &r);
	CHECK(strstr(b, "/items/5\"") != NULL);
	reply_free(&r);
	store_close(&w);
}

/* Read the list at path and every page after it (its "older →" links), adding up in
 * seen[1..max_id] how often each /items/N appears; between the first page and the second,
 * between(ctx) runs when not NULL. Returns the number of pages read. */
static int
walk_pages(const char *base, const char *path, int *seen, int max_id, void (*between)(void *), void *ctx)
{
	char next[1024];
	snprintf(next, sizeof next, "%s", path);
	int pages = 0;
	while (*next && pages < 200) {
		struct reply r;
		const char *b = get(base, next, &r);
		CHECK_INT(r.status, 200);
		if (pages++ == 0 && between)
			between(ctx);
		for (const char *p = b; (p = strstr(p, "<a href=\"/items/")) != NULL;) {
			p += strlen("<a href=\"/items/");
			long id = strtol(p, NULL, 10);
			if (id > 0 && id <= max_id)
				seen[id]++;
		}
		/* the pager's link, unescaped (its & is &amp;); none on the last page */
		const char *older = strstr(b, "\">older"), *href = older;
		while (href && href > b && strncmp(href, "href=\"", 6) != 0)
			href--;
		size_t o = 0;
		for (const char *p = href ? href + 6 : NULL; p && p < older && o + 1 < sizeof next;
		     p += strncmp(p, "&amp;", 5) == 0 ? 5 : 1)
			next[o++] = *p;
		next[o] = '\0';
		reply_free(&r);
	}
	return pages;
}

static void
prune_old(void *db)
{
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	struct prune_result pr;
	CHECK_INT(store_prune(&w, 1650000000 + 86400, 1, 0, &pr, &e), 0);
	CHECK_INT(pr.items, 100);
	store_close(&w);
}

/* A search paged while `brief prune` (or `[store] keep_days` after a fetch) removes the bodies
 * of old matches in the window being read: every row that still matches is listed once. The
 * rows 1500-1599 are old and pruned after the first page; 1400-1499, just below the first
 * window and ranked high (newer), must not be skipped when the window reaches further down to
 * make up for the pruned ones. */
static void
test_search_paging_prune(const char *base, const char *db)
{
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w,
	                     "WITH RECURSIVE n(k) AS (SELECT 1000 UNION ALL SELECT k + 1 FROM n"
	                     "  WHERE k < 2499) INSERT INTO items(id, source_id, dedupe_key, title, text,"
	                     "  first_seen, content_hash) SELECT k, 1, 'w:' || k, 'Row ' || k,"
	                     "  'prunewalk alpha beta gamma', CASE WHEN k >= 1500 AND k < 1600 THEN 1600000000"
	                     "  WHEN k >= 1400 AND k < 1500 THEN 1700100000 ELSE 1700000000 END, 'hw' FROM n",
	                     &e),
	          0);
	store_close(&w);
	static int seen[2500];
	memset(seen, 0, sizeof seen);
	walk_pages(base, "/items?q=prunewalk", seen, 2499, prune_old, (void *)db);
	int missed = 0, repeated = 0;
	for (int k = 1000; k < 2500; k++) {
		if (k >= 1500 && k < 1600)
			continue; /* pruned: matched on the first page's window, gone after */
		missed += seen[k] == 0;
		repeated += seen[k] > 1;
	}
	CHECK_INT(missed, 0);
	CHECK_INT(repeated, 0);
}

/* A report's page without ?lang= is the newest report of that kind and slug, whatever it was
 * stored with: a zh digest saved with Markdown only is not stood in for by the older en one
 * that has HTML (under either path). */
static void
test_report_lang(const char *base, const char *db)
{
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w,
	                     "INSERT INTO reports(kind, slug, lang, title, created_at, markdown, html, json) VALUES"
	                     " ('daily', '2026-01-10', 'en', 'Daily 10', 1768000000, '# Daily 10', '<p>en 10</p>', NULL),"
	                     " ('daily', '2026-01-10', 'zh', '日报 10', 1768000100, '# 日报 10', NULL, NULL),"
	                     " ('daily', '2026-01-11', 'zh', '日报 11', 1768086400, NULL, NULL, '{}')",
	                     &e),
	          0);
	store_close(&w);
	struct reply r;
	static const char *const paths[] = {"/r/daily/2026-01-10", "/r/daily/2026-01-10.html"};
	for (int i = 0; i < 2; i++) {
		const char *b = get(base, paths[i], &r);
		CHECK_INT(r.status, 200);
		CHECK(strstr(b, "<pre># 日报 10</pre>") != NULL);
		CHECK(strstr(b, "en 10") == NULL);
		reply_free(&r);
	}
	struct buf stored = BUF_INIT;
	const char *b = get(base, "/r/daily/2026-01-10?lang=en", &r); /* still there, asked for */
	CHECK_INT(r.status, 200);
	CHECK_STR(without_nav(b, &stored), "<p>en 10</p>");
	reply_free(&r);
	buf_free(&stored);
	get(base, "/r/daily/2026-01-11", &r); /* only JSON: no page to show */
	CHECK_INT(r.status, 404);
	reply_free(&r);
	b = get(base, "/r/daily/2026-01-11.json", &r);
	CHECK_INT(r.status, 200);
	reply_free(&r);
}

/* A report stored with Markdown only is titled as the index lists it, in its own language: its
 * saved title, else its Markdown's first heading; never by its slug. */
static void
test_md_report_title(const char *base, const char *db)
{
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w,
	                     "INSERT INTO reports(kind, slug, lang, title, created_at, markdown, html, json) VALUES"
	                     " ('article', 'mdtitle-saved', 'zh', '存储的标题', 1767000000, '# 正文标题', NULL, NULL),"
	                     " ('article', 'mdtitle-none', 'zh', NULL, 1767000100, '导语，没有井号' || char(10, 10) ||"
	                     "  '## 标题：C# 与 Rust ##' || char(10) || '# 第二个', NULL, NULL),"
	                     " ('article', 'mdtitle-plain', 'en', '', 1767000200, 'no heading at all', NULL, NULL)",
	                     &e),
	          0);
	store_close(&w);
	struct reply r;
	const char *b = get(base, "/r/article/mdtitle-saved", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<title>存储的标题 · brief</title>") != NULL);
	CHECK(strstr(b, "<html lang=\"zh\"") != NULL);
	reply_free(&r);
	b = get(base, "/r/article/mdtitle-none.html?lang=zh", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<title>标题：C# 与 Rust · brief</title>") != NULL);
	CHECK(strstr(b, "<title>mdtitle-none") == NULL);
	reply_free(&r);
	b = get(base, "/r/article/mdtitle-plain", &r); /* nothing else to go by */
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<title>mdtitle-plain · brief</title>") != NULL);
	CHECK(strstr(b, "<html lang=\"en\"") != NULL);
	reply_free(&r);
}

/* A report saved without a title is listed as its page is titled, by its Markdown's first
 * heading: in the archive index, the Atom feed and the bar of its neighbour's page (the
 * reports of test_md_report_title); never by its slug. */
static void
test_md_report_listed(const char *base)
{
	struct reply r;
	const char *b = get(base, "/", &r);
	CHECK_INT(r.status, 200);
	const char *li = strstr(b, "/r/article/mdtitle-none?lang=zh\"");
	CHECK(li != NULL && str_starts(strchr(li, '>'), ">标题：C# 与 Rust</a>"));
	li = strstr(b, "/r/article/mdtitle-plain?lang=en\"");
	CHECK(li != NULL && str_starts(strchr(li, '>'), ">mdtitle-plain</a>")); /* nothing else to go by */
	reply_free(&r);
	b = get(base, "/feed.atom", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<title>标题：C# 与 Rust</title>\n<id>urn:brief:article:mdtitle-none:zh</id>") != NULL);
	struct buf problems = BUF_INIT;
	CHECK_INT(atom_check(b, r.body.len, &problems), 0);
	buf_free(&problems);
	reply_free(&r);
	b = get(base, "/r/article/mdtitle-saved", &r); /* its newer neighbour is mdtitle-none */
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<bdi>标题：C# 与 Rust</bdi>") != NULL);
	CHECK(strstr(b, "<bdi>mdtitle-none</bdi>") == NULL);
	reply_free(&r);
}

/* GET base+path with an Accept-Language header (NULL: none); fills r. Returns the body. */
static const char *
get_accept(const char *base, const char *path, const char *accept, struct reply *r)
{
	char url[1024], header[256];
	snprintf(url, sizeof url, "%s%s", base, path);
	snprintf(header, sizeof header, "Accept-Language: %s", accept ? accept : "");
	memset(r, 0, sizeof *r);
	CURL *c = curl_easy_init();
	struct curl_slist *h = accept ? curl_slist_append(NULL, header) : NULL;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->headers);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
	if (curl_easy_perform(c) == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_cleanup(c);
	curl_slist_free_all(h);
	return buf_str(&r->body);
}

/* The xml:lang in scope at the first element named name in doc (a child of the root, or of its
 * entry whose <id> is entry_id when that is not NULL), into out ("" when none). */
static void
atom_lang_of(xmlDocPtr doc, const char *entry_id, const char *name, char *out, size_t size)
{
	out[0] = '\0';
	for (xmlNodePtr n = doc ? xmlDocGetRootElement(doc)->children : NULL; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlNodePtr at = NULL;
		if (!entry_id && xmlStrcmp(n->name, (const xmlChar *)name) == 0) {
			at = n;
		} else if (entry_id && xmlStrcmp(n->name, (const xmlChar *)"entry") == 0) {
			xmlNodePtr id = NULL, el = NULL;
			for (xmlNodePtr c = n->children; c; c = c->next) {
				if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, (const xmlChar *)"id") == 0)
					id = c;
				if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, (const xmlChar *)name) == 0 && !el)
					el = c;
			}
			xmlChar *text = id ? xmlNodeGetContent(id) : NULL;
			if (text && strcmp((const char *)text, entry_id) == 0)
				at = el;
			xmlFree(text);
		}
		if (at) {
			xmlChar *lang = xmlNodeGetLang(at);
			snprintf(out, size, "%s", lang ? (const char *)lang : "");
			xmlFree(lang);
			return;
		}
	}
}

/* The Atom feed of reports speaks the reader's language (?lang=, else Accept-Language): its
 * xml:lang and title; each entry says its report's language, so a reader of an English feed
 * gets a Chinese digest's title and content tagged zh (fonts, hyphenation, screen readers). */
static void
test_atom_lang(const char *base)
{
	static const struct {
		const char *path, *accept, *feed;
	} cases[] = {
		{"/feed.atom", NULL, "en"},
		{"/feed.atom?lang=zh", NULL, "zh"},
		{"/feed.atom", "zh-CN,zh;q=0.9", "zh"},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct reply r;
		const char *b = get_accept(base, cases[k].path, cases[k].accept, &r);
		CHECK_INT(r.status, 200);
		xmlDocPtr doc = xmlReadMemory(b, (int)r.body.len, "feed.atom", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
		CHECK(doc != NULL);
		char lang[32];
		atom_lang_of(doc, NULL, "title", lang, sizeof lang);
		CHECK_STR(lang, cases[k].feed);
		atom_lang_of(doc, "urn:brief:daily:2026-02-21:zh", "title", lang, sizeof lang);
		CHECK_STR(lang, "zh");
		atom_lang_of(doc, "urn:brief:daily:2026-02-21:zh", "content", lang, sizeof lang);
		CHECK_STR(lang, "zh");
		atom_lang_of(doc, "urn:brief:daily:2026-02-21:en", "title", lang, sizeof lang);
		CHECK_STR(lang, "en");
		xmlFreeDoc(doc);
		/* the feed's own title in its language: a Chinese reader's is not English */
		CHECK((strstr(b, "<title>brief · 全部报告</title>") != NULL) == (strcmp(cases[k].feed, "zh") == 0));
		CHECK(strstr(b, "<category term=\"daily\" label=\"日报\"/>") != NULL ||
		      strcmp(cases[k].feed, "zh") != 0);
		/* a ?lang= it was asked with stays in its own links (self: the URL subscribed to) */
		CHECK((strstr(b, "/feed.atom?lang=zh\"/>") != NULL) == (cases[k].accept == NULL && k > 0));
		struct buf problems = BUF_INIT;
		CHECK_INT(atom_check(b, r.body.len, &problems), 0);
		buf_free(&problems);
		reply_free(&r);
	}
}

/* The archive index marks each report's title with the report's language, on a page in either
 * language: a Chinese title on an English page is read and drawn as Chinese. */
static void
test_index_title_lang(const char *base)
{
	static const char *const pages[] = {"/", "/?lang=zh"};
	for (size_t k = 0; k < 2; k++) {
		struct reply r;
		const char *b = get(base, pages[k], &r);
		CHECK_INT(r.status, 200);
		CHECK(strstr(b, "<a href=\"/r/daily/2026-02-21?lang=zh\" lang=\"zh\">日报 2026-02-21</a>") != NULL);
		CHECK(strstr(b, "<a href=\"/r/daily/2026-02-21?lang=en\" lang=\"en\">Daily 2026-02-21</a>") != NULL);
		reply_free(&r);
	}
}

/* serve's own words for a Chinese reader: ?lang=zh, else the browser's Accept-Language, picks
 * them on the archive, the item lists, an item, the error pages and a refused search, with
 * <html lang="zh">; a report page's bar is in the report's language. English stays the default. */
static void
test_ui_lang(const char *base)
{
	struct reply r;
	const char *b = get(base, "/?lang=zh", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<html lang=\"zh\"") != NULL);
	CHECK(strstr(b, "<h1>全部报告</h1>") != NULL && strstr(b, ">Reports<") == NULL);
	CHECK(strstr(b, ">日报 · 2026-02-21") != NULL); /* the kind named in Chinese */
	/* the choice goes with the reader: the header's links and the search box keep it */
	CHECK(strstr(b, "href=\"/items?lang=zh\"") != NULL);
	CHECK(strstr(b, "<input type=\"hidden\" name=\"lang\" value=\"zh\">") != NULL);
	CHECK(strstr(b, "search items") == NULL);
	/* the feed link and the feed a browser discovers too: a feed reader sends no Accept-Language */
	CHECK(strstr(b, "<a href=\"/feed.atom?lang=zh\">") != NULL);
	CHECK(strstr(b, "type=\"application/atom+xml\" title=\"brief\" href=\"/feed.atom?lang=zh\"") != NULL);
	CHECK(strstr(b, "\"/feed.atom\"") == NULL);
	reply_free(&r);
	b = get(base, "/items?q=zzzzqqqq&lang=zh", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<html lang=\"zh\"") != NULL && strstr(b, "<title>zzzzqqqq · brief</title>") != NULL);
	CHECK(strstr(b, "<h1>搜索：zzzzqqqq</h1>") != NULL && strstr(b, "没有结果") != NULL);
	CHECK(strstr(b, "Nothing matches") == NULL && strstr(b, "Every word") == NULL);
	reply_free(&r);
	b = get(base, "/items?lang=zh", &r);
	CHECK(strstr(b, "<h1>最新条目</h1>") != NULL && strstr(b, "/items/1?lang=zh\"") != NULL);
	reply_free(&r);
	b = get(base, "/items/1?lang=zh", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<th>来源</th>") != NULL && strstr(b, "<th>评分</th>") != NULL);
	CHECK(strstr(b, "相关性 9") != NULL && strstr(b, "relevance") == NULL && strstr(b, "first seen") == NULL);
	/* a zh page said 类别 "engineering" and 评分 "…；offline": the store's ids, in English */
	CHECK(strstr(b, "<th>类别</th><td>⚙️ 工程<") != NULL);
	CHECK(strstr(b, "时效性 7；离线引擎）") != NULL);
	CHECK(strstr(b, "engineering") == NULL && strstr(b, "offline") == NULL);
	reply_free(&r);
	/* error pages and a refused search */
	b = get(base, "/items/999999?lang=zh", &r);
	CHECK_INT(r.status, 404);
	CHECK(strstr(b, "<html lang=\"zh\"") != NULL && strstr(b, "没有这个条目") != NULL);
	CHECK(strstr(b, "no such item") == NULL);
	reply_free(&r);
	b = get(base, "/nowhere?lang=zh", &r);
	CHECK_INT(r.status, 404);
	CHECK(strstr(b, "没有这个页面") != NULL);
	reply_free(&r);
	b = get(base, "/r/daily/1999-01-01?lang=zh", &r);
	CHECK_INT(r.status, 404);
	CHECK(strstr(b, "没有这篇报告") != NULL);
	reply_free(&r);
	b = get(base, "/items?lang=zh&q=a+b+c+d+e+f+g+h+i", &r);
	CHECK_INT(r.status, 400);
	CHECK(strstr(b, "搜索有 9 个词") != NULL && strstr(b, "terms") == NULL);
	reply_free(&r);
	/* Accept-Language when there is no ?lang=: a Chinese browser gets Chinese, the weights
	 * count, and the answer says it varies by the header */
	b = get_accept(base, "/items", "zh-CN,zh;q=0.9,en;q=0.8", &r);
	CHECK(strstr(b, "<html lang=\"zh\"") != NULL && strstr(b, "<h1>最新条目</h1>") != NULL);
	CHECK(strstr(b, "/items/1\"") != NULL); /* the header is sent again: no ?lang= in links */
	CHECK(has_header(&r, "Vary: Accept-Language"));
	reply_free(&r);
	b = get_accept(base, "/items", "fr;q=1, en;q=0.5, zh-TW;q=0.7", &r);
	CHECK(strstr(b, "<h1>最新条目</h1>") != NULL);
	reply_free(&r);
	b = get_accept(base, "/items", "en-US,en;q=0.9,zh;q=0.8", &r);
	CHECK(strstr(b, "<html lang=\"en\"") != NULL && strstr(b, "<h1>Latest items</h1>") != NULL);
	reply_free(&r);
	b = get_accept(base, "/items?lang=en", "zh-CN", &r); /* ?lang= wins */
	CHECK(strstr(b, "<h1>Latest items</h1>") != NULL);
	reply_free(&r);
	/* a zh report's bar is in Chinese, an en report's in English, whatever the browser says */
	b = get_accept(base, "/r/daily/2026-02-21?lang=zh", "en", &r);
	CHECK(strstr(b, "<nav id=\"brief-serve-nav\" lang=\"zh\"") != NULL);
	CHECK(strstr(b, "全部报告") != NULL && strstr(b, "all reports") == NULL);
	reply_free(&r);
	b = get_accept(base, "/r/daily/2026-02-21?lang=en", "zh", &r);
	CHECK(strstr(b, "<nav id=\"brief-serve-nav\" lang=\"en\"") != NULL && strstr(b, "all reports") != NULL);
	reply_free(&r);
}

/* The href of the pager link labelled label ("older", "← newer") in page b, unescaped, into
 * out ("" when there is none). */
static void
pager_link(const char *b, const char *label, char *out, size_t size)
{
	char needle[64];
	snprintf(needle, sizeof needle, "\">%s", label);
	const char *at = strstr(b, needle), *href = at;
	while (href && href > b && strncmp(href, "href=\"", 6) != 0)
		href--;
	size_t o = 0;
	for (const char *p = href ? href + 6 : NULL; p && p < at && o + 1 < size; p += strncmp(p, "&amp;", 5) == 0 ? 5 : 1)
		out[o++] = *p;
	out[o] = '\0';
}

/* The ids of the items listed on page b, in order, into ids (at most max); returns how many. */
static int
page_ids(const char *b, long *ids, int max)
{
	int n = 0;
	for (const char *p = b; n < max && (p = strstr(p, "<a href=\"/items/")) != NULL;) {
		p += strlen("<a href=\"/items/");
		ids[n++] = strtol(p, NULL, 10);
	}
	return n;
}

/* The latest items can be paged back: from the third page, the "← newer" links give the
 * second and the first again, the same items in the same order, while items newer than all
 * of them arrive meanwhile; one more "newer" page lists those, and the top one has no
 * "newer" link. No item is listed twice or left out. */
static void
test_newer_pages(const char *base, const char *db)
{
	static long fwd[3][50], back[50];
	char path[1024] = "/items";
	struct reply r;
	for (int k = 0; k < 3; k++) {
		const char *b = get(base, path, &r);
		CHECK_INT(r.status, 200);
		CHECK_INT(page_ids(b, fwd[k], 50), 50);
		char newer[1024];
		pager_link(b, "← newer", newer, sizeof newer);
		CHECK(k == 0 ? newer[0] == '\0' : newer[0] != '\0'); /* the first page is the newest */
		pager_link(b, "older", path, sizeof path);
		if (k < 2)
			CHECK(path[0] != '\0');
		else
			pager_link(b, "← newer", path, sizeof path);
		reply_free(&r);
	}
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w,
	                     "WITH RECURSIVE n(k) AS (SELECT 5000 UNION ALL SELECT k + 1 FROM n WHERE k < 5019)"
	                     " INSERT INTO items(id, source_id, dedupe_key, title, text, first_seen, content_hash)"
	                     " SELECT k, 1, 'nw:' || k, 'Newer ' || k, 'arrived later', 1780000000 + k, 'hn' FROM n",
	                     &e),
	          0);
	store_close(&w);
	for (int k = 1; k >= 0; k--) {
		CHECK(str_starts(path, "/items?after="));
		const char *b = get(base, path, &r);
		CHECK_INT(r.status, 200);
		int n = page_ids(b, back, 50);
		CHECK_INT(n, 50);
		for (int i = 0; i < n; i++)
			CHECK_INT(back[i], fwd[k][i]);
		pager_link(b, "← newer", path, sizeof path);
		reply_free(&r);
	}
	const char *b = get(base, path, &r); /* the 20 that arrived */
	CHECK_INT(r.status, 200);
	int n = page_ids(b, back, 50);
	CHECK_INT(n, 20);
	for (int i = 0; i < n; i++)
		CHECK_INT(back[i], 5019 - i);
	char newer[1024];
	pager_link(b, "← newer", newer, sizeof newer);
	CHECK(newer[0] == '\0');
	reply_free(&r);
}

/* The reports listed on index page b, in order, as their hrefs (at most max); returns how many. */
static int
page_reports(const char *b, char (*hrefs)[64], int max)
{
	int n = 0;
	for (const char *p = b; n < max && (p = strstr(p, "<li><a href=\"/r/")) != NULL;) {
		p += strlen("<li><a href=\"");
		size_t len = strcspn(p, "\"");
		snprintf(hrefs[n++], 64, "%.*s", (int)(len < 63 ? len : 63), p);
	}
	return n;
}

/* The reports index can be paged back: from its third page the "← newer" links give the second
 * and the first again, the same reports in the same order, while new reports are written; one
 * more "newer" page lists those, and it has no "newer" link. Every report is listed once. */
static void
test_newer_index_pages(const char *base, const char *db)
{
	static char fwd[3][50][64], back[50][64];
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w,
	                     "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 130)"
	                     " INSERT INTO reports(kind, slug, lang, title, created_at, markdown)"
	                     " SELECT 'article', 'old-' || k, 'en', 'Old ' || k, 1760000000 + k / 2, '# old' FROM n",
	                     &e),
	          0);
	store_close(&w);
	char path[1024] = "/", newer[1024];
	struct reply r;
	for (int k = 0; k < 3; k++) {
		const char *b = get(base, path, &r);
		CHECK_INT(r.status, 200);
		int n = page_reports(b, fwd[k], 50);
		CHECK(k < 2 ? n == 50 : n > 0);
		pager_link(b, "← newer", newer, sizeof newer);
		CHECK(k == 0 ? newer[0] == '\0' : newer[0] != '\0'); /* the first page is the newest */
		pager_link(b, "older", path, sizeof path);
		if (k < 2)
			CHECK(path[0] != '\0');
		else
			snprintf(path, sizeof path, "%s", newer);
		reply_free(&r);
	}
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w,
	                     "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 20)"
	                     " INSERT INTO reports(kind, slug, lang, title, created_at, markdown)"
	                     " SELECT 'article', 'new-' || k, 'en', 'New ' || k, 1790000000 + k, '# new' FROM n",
	                     &e),
	          0);
	store_close(&w);
	for (int k = 1; k >= 0; k--) {
		CHECK(str_starts(path, "/?after="));
		const char *b = get(base, path, &r);
		CHECK_INT(r.status, 200);
		int n = page_reports(b, back, 50);
		CHECK_INT(n, 50);
		for (int i = 0; i < n; i++)
			CHECK_STR(back[i], fwd[k][i]);
		pager_link(b, "← newer", path, sizeof path);
		reply_free(&r);
	}
	const char *b = get(base, path, &r); /* the 20 written meanwhile */
	CHECK_INT(r.status, 200);
	int n = page_reports(b, back, 50);
	CHECK_INT(n, 20);
	for (int i = 0; i < n; i++) {
		char want[64];
		snprintf(want, sizeof want, "/r/article/new-%d?lang=en", 20 - i);
		CHECK_STR(back[i], want);
	}
	pager_link(b, "← newer", newer, sizeof newer);
	CHECK(newer[0] == '\0');
	reply_free(&r);
}

/* A search can be paged back too: from its third page the "← newer" links give the second
 * and the first again, the same matches in the same order, while new matches arrive (they
 * are not in the window the first page pinned); the first has no "newer" link. */
static void
test_newer_search_pages(const char *base, const char *db)
{
	static long fwd[3][50], back[50];
	char path[1024] = "/items?q=prunewalk", newer[1024];
	struct reply r;
	for (int k = 0; k < 3; k++) {
		const char *b = get(base, path, &r);
		CHECK_INT(r.status, 200);
		CHECK_INT(page_ids(b, fwd[k], 50), 50);
		pager_link(b, "← newer", newer, sizeof newer);
		CHECK(k == 0 ? newer[0] == '\0' : newer[0] != '\0');
		pager_link(b, k < 2 ? "older" : "← newer", path, sizeof path);
		CHECK(path[0] != '\0');
		reply_free(&r);
	}
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w,
	                     "INSERT INTO items(id, source_id, dedupe_key, title, text, first_seen, content_hash)"
	                     " VALUES (6000, 1, 'nw:6000', 'Late match', 'prunewalk arrived', 1780000000, 'hl')",
	                     &e),
	          0);
	store_close(&w);
	for (int k = 1; k >= 0; k--) {
		CHECK(str_starts(path, "/items?before=") && strstr(path, "&q=prunewalk") != NULL);
		const char *b = get(base, path, &r);
		CHECK_INT(r.status, 200);
		int n = page_ids(b, back, 50);
		CHECK_INT(n, 50);
		for (int i = 0; i < n; i++)
			CHECK_INT(back[i], fwd[k][i]);
		pager_link(b, "← newer", path, sizeof path);
		CHECK(k == 0 ? path[0] == '\0' : path[0] != '\0');
		/* and on again: the page read forward after it */
		pager_link(b, "older", newer, sizeof newer);
		CHECK(newer[0] != '\0');
		reply_free(&r);
		if (k == 0 && newer[0]) {
			b = get(base, newer, &r);
			int m = page_ids(b, back, 50);
			CHECK_INT(m, 50);
			for (int i = 0; i < m; i++)
				CHECK_INT(back[i], fwd[1][i]);
			reply_free(&r);
		}
	}
}

/* A search of more than one window (1,000 matches) is paged back across the window's edge:
 * the first page of the second window links "← newer" to the last page of the first, the rows
 * read forward there, which links "older" to the second's first page again and back, page by
 * page, to the first page, which has no "newer" link. */
static void
test_newer_search_windows(const char *base, const char *db)
{
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w, /* the newest row matches nothing: the first window's top is above its rows */
	                     "INSERT INTO items(id, source_id, dedupe_key, title, text, first_seen, content_hash)"
	                     " VALUES (6001, 1, 'nw:6001', 'Unrelated', 'nothing to find', 1780000000, 'hu')",
	                     &e),
	          0);
	store_close(&w);
	static long fwd[22][50], back[50];
	char path[1024] = "/items?q=prunewalk", link[1024] = "";
	struct reply r;
	int pages = 0;
	for (; pages < 22 && path[0]; pages++) {
		const char *b = get(base, path, &r);
		CHECK_INT(r.status, 200);
		CHECK_INT(page_ids(b, fwd[pages], 50), 50);
		if (pages == 20) /* after the first window's 20 pages: the second window's first */
			pager_link(b, "← newer", link, sizeof link);
		pager_link(b, "older", path, sizeof path);
		reply_free(&r);
	}
	CHECK_INT(pages, 22);
	CHECK(link[0] != '\0');
	snprintf(path, sizeof path, "%s", link);
	const char *b;
	for (int k = 19; k >= 0 && path[0]; k--) {
		b = get(base, path, &r);
		CHECK_INT(r.status, 200);
		int n = page_ids(b, back, 50);
		CHECK_INT(n, 50);
		for (int i = 0; i < n; i++)
			CHECK_INT(back[i], fwd[k][i]);
		if (k == 19) { /* and on again: the second window's first page */
			pager_link(b, "older", link, sizeof link);
			reply_free(&r);
			b = get(base, link, &r);
			CHECK_INT(page_ids(b, back, 50), 50);
			for (int i = 0; i < 50; i++)
				CHECK_INT(back[i], fwd[20][i]);
			reply_free(&r);
			b = get(base, path, &r);
		}
		pager_link(b, "← newer", path, sizeof path);
		CHECK(k == 0 ? path[0] == '\0' : path[0] != '\0'); /* up to the first page, no further */
		reply_free(&r);
	}
}

/* A report page carries serve's bar: back to the archive, and the reports of the same kind
 * and language just newer and just older (by the index's order), linked with their ?lang=
 * also when the page was asked for without one; a neighbour's hostile title escaped; a
 * neighbour with no page to show (JSON only) skipped; the stored HTML unchanged around the bar,
 * which sits just inside its <body>; a Markdown-only report's page has the bar too; and a page
 * whose newer neighbour appears is no longer answered 304 for its old ETag. */
static void
test_report_nav(const char *base, const char *db)
{
	static const char stored_html[] = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><title>旬报</title></head>\n"
	                                  "<BODY class=\"d\">\n<h1>旬报 2025-03-02</h1>\n</BODY>\n</html>\n";
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	sqlite3_stmt *s = NULL;
	CHECK_INT(sqlite3_prepare_v2(w.db,
	                             "INSERT INTO reports(kind, slug, lang, title, created_at, markdown, html, json) VALUES"
	                             " ('tenday', '2025-03-01', 'zh', ?1, 1740800000, '# 旬报 1', NULL, NULL),"
	                             " ('tenday', '2025-03-02', 'zh', '旬报 2', 1740900000, '# 旬报 2', ?2, NULL),"
	                             " ('tenday', '2025-03-02', 'en', 'Tenday 2', 1740890000, '# Tenday 2', '<p>en</p>', NULL),"
	                             " ('tenday', '2025-03-03', 'zh', '旬报 3', 1741000000, NULL, NULL, '{}'),"
	                             " ('tenday', '2025-03-04', 'zh', '旬报 4', 1741100000, '# 旬报 4', '<p>4</p>', NULL)",
	                             -1, &s, NULL),
	          SQLITE_OK);
	sqlite3_bind_text(s, 1, hostile_title, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, stored_html, -1, SQLITE_STATIC);
	CHECK_INT(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	struct reply r;
	struct buf stored = BUF_INIT;
	/* without ?lang: the newest of the slug, zh; its links keep zh */
	const char *b = get(base, "/r/tenday/2025-03-02", &r);
	CHECK_INT(r.status, 200);
	CHECK(has_header(&r, "Content-Type: text/html; charset=utf-8"));
	const char *nav = strstr(b, "<nav id=\"brief-serve-nav\"");
	const char *body = str_icasestr(b, r.body.len, "<body class=\"d\">");
	CHECK(nav && body && nav == body + strlen("<body class=\"d\">"));
	CHECK_STR(without_nav(b, &stored), stored_html);
	CHECK(strstr(b, "<a href=\"/?lang=zh\">") != NULL); /* the archive in the report's language */
	CHECK(strstr(b, "href=\"/r/tenday/2025-03-04?lang=zh\"") != NULL); /* newer: 03 has no page */
	CHECK(strstr(b, "href=\"/r/tenday/2025-03-01?lang=zh\"") != NULL);
	CHECK(strstr(b, "/r/tenday/2025-03-03") == NULL && strstr(b, "lang=en") == NULL);
	CHECK(strstr(b, "<script>") == NULL && strstr(b, "&lt;script&gt;alert(&#39;x&#39;)") != NULL);
	reply_free(&r);
	/* the oldest: Markdown only, a page with the bar and no older link */
	b = get(base, "/r/tenday/2025-03-01?lang=zh", &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<pre># 旬报 1</pre>") != NULL);
	CHECK(strstr(b, "href=\"/r/tenday/2025-03-02?lang=zh\"") != NULL);
	CHECK(strstr(b, "较早：") == NULL);
	reply_free(&r);
	/* the newest: no newer link until a newer one is written, then its old ETag is stale */
	char url[256], etag[128];
	snprintf(url, sizeof url, "%s/r/tenday/2025-03-04?lang=zh", base);
	http_get_if(url, NULL, &r);
	CHECK(strstr(buf_str(&r.body), "href=\"/r/tenday/2025-03-02?lang=zh\"") != NULL);
	CHECK(strstr(buf_str(&r.body), "较新：") == NULL);
	header_value(&r, "\nETag:", etag, sizeof etag);
	reply_free(&r);
	CHECK_INT(store_exec(&w,
	                     "INSERT INTO reports(kind, slug, lang, title, created_at, markdown, html, json) VALUES"
	                     " ('tenday', '2025-03-05', 'zh', '旬报 5', 1741200000, '# 旬报 5', NULL, NULL)",
	                     &e),
	          0);
	http_get_if(url, etag, &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(buf_str(&r.body), "href=\"/r/tenday/2025-03-05?lang=zh\"") != NULL);
	CHECK_STR(without_nav(buf_str(&r.body), &stored), "<p>4</p>");
	reply_free(&r);
	buf_free(&stored);
	store_close(&w);
}

/* The ETag of url's page, fetched now, into etag. */
static void
etag_of(const char *url, char *etag, size_t size)
{
	struct reply r;
	http_get_if(url, NULL, &r);
	CHECK_INT(r.status, 200);
	header_value(&r, "\nETag:", etag, size);
	reply_free(&r);
}

/* A list or search of more than a page, unchanged, keeps its ETag from one second to the next,
 * so a browser revalidating it gets a 304 (its first page pins a clock in its "older" link:
 * to the second, the page and its tag were new every second). Tried twice, a second apart
 * each time: the clock may move on once between two requests, not twice. */
static void
test_stable_etag(const char *base)
{
	const char *paths[] = {"/items?q=prunewalk", "/items"};
	for (size_t k = 0; k < 2; k++) {
		char url[256], first[128], second[128];
		snprintf(url, sizeof url, "%s%s", base, paths[k]);
		struct reply r;
		get(base, paths[k], &r);
		CHECK(strstr(buf_str(&r.body), "\">older") != NULL); /* more than one page */
		reply_free(&r);
		int same = 0;
		for (int attempt = 0; attempt < 2 && !same; attempt++) {
			etag_of(url, first, sizeof first);
			sleep(1);
			usleep(100 * 1000);
			etag_of(url, second, sizeof second);
			same = first[0] == '"' && strcmp(first, second) == 0;
		}
		CHECK(same);
		http_get_if(url, second, &r);
		CHECK_INT(r.status, 304);
		reply_free(&r);
	}
}

/* Every report the index and the Atom feed list can be opened: one saved with its JSON only
 * (or with its HTML and Markdown saved empty) has no page, so it is not listed there, as the
 * bar over a report page skips it, rather than linked to a 404; its JSON is still served. */
static void
test_listed_reports_open(const char *base, const char *db)
{
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w,
	                     "INSERT INTO reports(kind, slug, lang, title, created_at, markdown, html, json) VALUES"
	                     " ('daily', '2026-09-01', 'zh', 'JSON only', 1800000000, NULL, NULL, '{\"date\":1}'),"
	                     " ('daily', '2026-09-02', 'zh', 'Saved empty', 1800000001, '', '', '{\"date\":2}')",
	                     &e),
	          0);
	store_close(&w);
	struct reply r, page;
	const char *b = get(base, "/", &r);
	CHECK_INT(r.status, 200);
	char hrefs[50][64];
	int n = page_reports(b, hrefs, 50);
	CHECK(n > 0);
	for (int i = 0; i < n; i++) {
		char path[128];
		snprintf(path, sizeof path, "%s", hrefs[i]);
		get(base, path, &page);
		CHECK_INT(page.status, 200);
		if (page.status != 200)
			fprintf(stderr, "listed but not found: %s\n", path);
		reply_free(&page);
	}
	reply_free(&r);
	b = get(base, "/feed.atom", &r);
	CHECK_INT(r.status, 200);
	int entries = 0;
	for (const char *p = b; (p = strstr(p, "<link href=\"")) != NULL;) {
		p += strlen("<link href=\"");
		size_t len = strcspn(p, "\"");
		char url[256];
		snprintf(url, sizeof url, "%.*s", (int)(len < 255 ? len : 255), p);
		if (!strstr(url, "/r/"))
			continue;
		http_get(url, NULL, &page);
		CHECK_INT(page.status, 200);
		reply_free(&page);
		entries++;
	}
	CHECK(entries > 0);
	CHECK(strstr(b, "JSON only") == NULL && strstr(b, "Saved empty") == NULL);
	reply_free(&r);
	b = get(base, "/r/daily/2026-09-01.json", &r); /* the form it was saved in */
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "\"date\":1") != NULL);
	reply_free(&r);
	CHECK_INT(store_open(&w, db, &e), 0);
	CHECK_INT(store_exec(&w, "DELETE FROM reports WHERE created_at >= 1800000000", &e), 0);
	store_close(&w);
}

/* A store error is a 500 whose page says so in general terms: the store's own message, with
 * the database file's path and the SQL's words, is logged, never sent to a client. */
static void
test_store_error_page(void)
{
	char home[512], db[600];
	snprintf(home, sizeof home, "%s/home-broken", test_tmpdir());
	mkdir(home, 0700);
	snprintf(db, sizeof db, "%s/brief.db", home);
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	struct serve_opts so = {"127.0.0.1:0", NULL, NULL};
	struct serve *sv = serve_start(db, &so, &e);
	CHECK(sv != NULL);
	if (!sv) {
		store_close(&w);
		return;
	}
	/* the archive's reads fail from here on: a table they need is gone */
	CHECK_INT(store_exec(&w, "DROP TABLE reports; DROP TABLE items", &e), 0);
	store_close(&w);
	struct reply r;
	const char *b = get(serve_url(sv), "/", &r);
	CHECK_INT(r.status, 500);
	CHECK(strstr(b, home) == NULL);
	CHECK(strstr(b, "brief.db") == NULL && strstr(b, "reports") == NULL);
	CHECK(strstr(b, "store") != NULL);
	reply_free(&r);
	b = get(serve_url(sv), "/items", &r);
	CHECK_INT(r.status, 500);
	CHECK(strstr(b, home) == NULL && strstr(b, "items_page") == NULL);
	reply_free(&r);
	serve_stop(sv);
}

/* `brief serve` started while another brief migrates the store (both upgraded at once: a
 * timer's `brief fetch` and the archive restarted): the other holds the write lock and moves
 * the schema on after serve has read the old version. Serve must start on the migrated store,
 * not run the migration a second time ("duplicate column name"). */
static void
test_binary_during_migration(void)
{
	char home[512], db[600];
	snprintf(home, sizeof home, "%s/home-migrating", test_tmpdir());
	mkdir(home, 0700);
	snprintf(db, sizeof db, "%s/brief.db", home);
	struct store st;
	struct err e = {""};
	CHECK_INT(store_open(&st, db, &e), 0);
	/* the store as schema 8 made it: the next migration adds sources.description (and later
	 * ones sources.url_checked, the delivery log, sources.subscribed_url, the reports' indexes,
	 * sources.not_before, items_placed, delivery_sends, the sources' indexes and
	 * sources.failing_since and retry_at) */
	CHECK_INT(store_exec(&st,
	                     "DROP INDEX sources_title; DROP INDEX sources_subscribed;"
	                     " ALTER TABLE sources DROP COLUMN description; ALTER TABLE sources DROP COLUMN url_checked;"
	                     " DROP TABLE delivery_log; ALTER TABLE sources DROP COLUMN subscribed_url;"
	                     " DROP INDEX reports_when; DROP INDEX reports_kind_when;"
	                     " ALTER TABLE sources DROP COLUMN not_before; DROP INDEX items_placed;"
	                     " DROP TABLE delivery_sends; ALTER TABLE sources DROP COLUMN failing_since;"
	                     " ALTER TABLE sources DROP COLUMN retry_at; PRAGMA user_version = 8",
	                     &e),
	          0);
	store_close(&st);
	sqlite3 *other = NULL;
	CHECK_INT(sqlite3_open(db, &other), SQLITE_OK);
	sqlite3_busy_timeout(other, 10000);
	CHECK_INT(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	int pipefd[2];
	CHECK(pipe(pipefd) == 0);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(pipefd[1], 2);
		close(pipefd[0]);
		close(pipefd[1]);
		execl(test_brief_bin(), "brief", "serve", "--home", home, "--listen", "127.0.0.1:0",
		      (char *)NULL);
		_exit(127);
	}
	close(pipefd[1]);
	usleep(700 * 1000); /* serve has read the old version and waits for the write lock */
	CHECK_INT(
	    sqlite3_exec(other,
	                 "ALTER TABLE sources ADD COLUMN description TEXT; PRAGMA user_version = 9; COMMIT",
	                 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(other);
	struct buf err = BUF_INIT;
	char chunk[512];
	ssize_t n;
	while (!strchr(buf_str(&err), '\n') && (n = read(pipefd[0], chunk, sizeof chunk)) > 0)
		buf_append(&err, chunk, (size_t)n);
	CHECK(strstr(buf_str(&err), "listening on") != NULL);
	if (!strstr(buf_str(&err), "listening on"))
		fprintf(stderr, "%s", buf_str(&err));
	kill(pid, SIGTERM);
	while ((n = read(pipefd[0], chunk, sizeof chunk)) > 0)
		buf_append(&err, chunk, (size_t)n);
	close(pipefd[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	buf_free(&err);
}

/* `brief serve` started while another brief fills the full-text index after a migration (a
 * new index is filled newest first, one committed batch at a time, from fts_rebuild.below):
 * the other holds the write lock and indexes the batch serve read as next. Serve must not index
 * it again: an external-content FTS5 index takes a row twice without a word, and is corrupt. */
static void
test_binary_during_backfill(void)
{
	char home[512], db[600];
	snprintf(home, sizeof home, "%s/home-backfill", test_tmpdir());
	mkdir(home, 0700);
	snprintf(db, sizeof db, "%s/brief.db", home);
	struct store st;
	struct err e = {""};
	CHECK_INT(store_open(&st, db, &e), 0);
	/* items in a store whose index is new and empty, as the 4 -> 5 migration leaves it */
	CHECK_INT(store_exec(&st,
	                     "INSERT INTO sources(id, url, added_at) VALUES (1, 'https://a.example/feed', 0);"
	                     "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 300)"
	                     " INSERT INTO items(id, source_id, dedupe_key, title, text, first_seen,"
	                     "  content_hash) SELECT k, 1, 'b:' || k, 'Backfill ' || k, 'backfilled words',"
	                     "  1700000000, 'hb' FROM n;"
	                     "INSERT INTO items_fts(items_fts) VALUES ('delete-all');"
	                     "UPDATE fts_rebuild SET below = 301;",
	                     &e),
	          0);
	CHECK_INT(store_begin(&st, &e), 0);
	int pipefd[2];
	CHECK(pipe(pipefd) == 0);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(pipefd[1], 2);
		close(pipefd[0]);
		close(pipefd[1]);
		execl(test_brief_bin(), "brief", "serve", "--home", home, "--listen", "127.0.0.1:0",
		      (char *)NULL);
		_exit(127);
	}
	close(pipefd[1]);
	usleep(700 * 1000); /* serve has read where the index stops and waits for the write lock */
	CHECK_INT(store_exec(&st,
	                     "INSERT INTO items_fts(rowid, title, text) SELECT id, title, text FROM items_doc;"
	                     "UPDATE fts_rebuild SET below = 1;",
	                     &e),
	          0);
	CHECK_INT(store_commit(&st, &e), 0);
	struct buf err = BUF_INIT;
	char chunk[512];
	ssize_t n;
	while (!strchr(buf_str(&err), '\n') && (n = read(pipefd[0], chunk, sizeof chunk)) > 0)
		buf_append(&err, chunk, (size_t)n);
	CHECK(strstr(buf_str(&err), "listening on") != NULL);
	kill(pid, SIGTERM);
	while ((n = read(pipefd[0], chunk, sizeof chunk)) > 0)
		buf_append(&err, chunk, (size_t)n);
	close(pipefd[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	buf_free(&err);
	/* each row once in the index: FTS5's own check against its content */
	int rc = store_exec(&st, "INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)", &e);
	CHECK_INT(rc, 0);
	if (rc < 0)
		fprintf(stderr, "%s\n", e.msg);
	store_close(&st);
}

/* Start `brief serve --home home`, as a user who may not write the store when as_reader
 * (nobody, when the test runs as root, whom no file mode stops); wait for its "listening on"
 * line, its URL into url. Returns its pid, its stderr's read end in *errfd; the lines read so
 * far in err. */
static pid_t
start_serve(const char *home, int as_reader, char *url, size_t url_size, int *errfd, struct buf *err)
{
	/* nobody runs a copy in the test's directory: the build's own may sit under a directory
	 * only its owner may enter (a checkout in /root). */
	char bin[600];
	snprintf(bin, sizeof bin, "%s/brief-as-reader", test_tmpdir());
	struct buf image = BUF_INIT;
	test_read_file(test_brief_bin(), &image);
	test_write_file(bin, image.data, image.len);
	buf_free(&image);
	if (chmod(bin, 0755) < 0)
		return -1;
	int pipefd[2];
	if (pipe(pipefd) < 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(pipefd[1], 2);
		close(pipefd[0]);
		close(pipefd[1]);
		test_isolate_child(home);
		if (as_reader && geteuid() == 0 && (setgroups(0, NULL) < 0 || setgid(65534) < 0 || setuid(65534) < 0))
			_exit(126);
		execl(bin, "brief", "serve", "--home", home, "--listen", "127.0.0.1:0", (char *)NULL);
		_exit(127);
	}
	close(pipefd[1]);
	char chunk[512];
	ssize_t n;
	const char *at;
	while (!((at = strstr(buf_str(err), "listening on ")) && strchr(at, '\n')) &&
	       (n = read(pipefd[0], chunk, sizeof chunk)) > 0)
		buf_append(err, chunk, (size_t)n);
	url[0] = '\0';
	if ((at = strstr(buf_str(err), "listening on ")) != NULL) {
		at += strlen("listening on ");
		size_t len = strcspn(at, " \n");
		snprintf(url, url_size, "%.*s", (int)(len && at[len - 1] == '/' ? len - 1 : len), at);
	}
	*errfd = pipefd[0];
	return pid;
}

/* Stop a start_serve server with SIGTERM; the rest of its stderr into err; its exit status. */
static int
stop_reader(pid_t pid, int errfd, struct buf *err)
{
	char chunk[512];
	ssize_t n;
	kill(pid, SIGTERM);
	while ((n = read(errfd, chunk, sizeof chunk)) > 0)
		buf_append(err, chunk, (size_t)n);
	close(errfd);
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The archive of a store its user may not write (another user's, a read-only file and
 * directory): serve starts, says it serves it read-only, answers the index, a report and a
 * search, and neither blocks nor harms a writer. With no writer at work (no -shm file, none
 * allowed in the directory) it reads the file as it is; while a writer has it open, it sees
 * what the writer commits. */
static void
test_binary_read_only(void)
{
	char home[512], db[600], url[256];
	snprintf(home, sizeof home, "%s/home-ro", test_tmpdir());
	mkdir(home, 0700);
	snprintf(db, sizeof db, "%s/brief.db", home);
	fill_store(db);
	chmod(test_tmpdir(), 0755); /* nobody may reach it */
	for (int writer_open = 0; writer_open < 2; writer_open++) {
		struct store w;
		struct err e = {""};
		if (writer_open) /* a fetch's connection: the -wal and -shm files are there */
			CHECK_INT(store_open(&w, db, &e), 0);
		CHECK(chmod(db, 0444) == 0 && chmod(home, 0555) == 0);
		struct buf err = BUF_INIT;
		int errfd = -1;
		pid_t pid = start_serve(home, 1, url, sizeof url, &errfd, &err);
		CHECK(url[0] != '\0');
		if (!url[0])
			fprintf(stderr, "%s", buf_str(&err));
		struct reply r;
		const char *b = get(url, "/", &r);
		CHECK_INT(r.status, 200);
		CHECK(strstr(b, "日报 2026-02-21") != NULL);
		reply_free(&r);
		b = get(url, "/r/daily/2026-02-21?lang=zh", &r);
		CHECK_INT(r.status, 200);
		reply_free(&r);
		b = get(url, "/items?q=rust", &r);
		CHECK_INT(r.status, 200);
		CHECK(strstr(b, "Rust async in practice") != NULL);
		reply_free(&r);
		CHECK(chmod(db, 0644) == 0 && chmod(home, 0755) == 0);
		if (!writer_open)
			CHECK_INT(store_open(&w, db, &e), 0);
		/* the writer is not held up by the reader */
		CHECK_INT(store_exec(&w,
		                     "INSERT INTO reports(kind, slug, lang, title, created_at, markdown)"
		                     " VALUES ('daily', '2030-01-01', 'en', 'Written while served', 1900000000, '# w')",
		                     &e),
		          0);
		if (writer_open) { /* and what it commits is served */
			b = get(url, "/", &r);
			CHECK_INT(r.status, 200);
			CHECK(strstr(b, "Written while served") != NULL);
			reply_free(&r);
		}
		CHECK_INT(store_exec(&w, "DELETE FROM reports WHERE slug = '2030-01-01'", &e), 0);
		CHECK_INT(test_query_int(&w, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
		          0);
		store_close(&w);
		CHECK_INT(stop_reader(pid, errfd, &err), 0);
		CHECK(strstr(buf_str(&err), "cannot be written") != NULL && strstr(buf_str(&err), "read-only") != NULL);
		buf_free(&err);
	}
}

/* t as serve shows it (pages.c: the server's time zone), into out. */
static const char *
shown_time(int64_t t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	out[0] = '\0';
	if (localtime_r(&tt, &tm))
		strftime(out, size, "%Y-%m-%d %H:%M", &tm);
	return out;
}

/* The time the list in b shows for item id (after its link's " · "), into out ("" if none). */
static const char *
listed_time(const char *b, int id, char *out, size_t size)
{
	char link[64];
	snprintf(link, sizeof link, "<a href=\"/items/%d\"", id);
	const char *li = strstr(b, link), *dot = li ? strstr(li, "</bdi> · ") : NULL;
	out[0] = '\0';
	if (dot)
		snprintf(out, size, "%.16s", dot + strlen("</bdi> · "));
	return out;
}

/* An item dated hours after it was fetched (a Chinese blog writing Beijing time with a `Z`, 8
 * hours ahead; a feed's clock ahead) is placed by the real `brief serve` where the digests
 * place it: never later than when it was first seen. The latest items listed it above items
 * fetched after it, at a time still to come, and a page after one of those never showed it; a
 * search kept it as fresh as now, above the same words fetched after it. */
static void
test_dated_after_fetch(const char *home, const char *db)
{
	int64_t now = (int64_t)time(NULL), seen = now - 3 * 3600, ahead = seen + 8 * 3600, later = now - 3600;
	struct store w;
	struct err e = {""};
	CHECK_INT(store_open(&w, db, &e), 0);
	sqlite3_stmt *s = store_prepare(&w,
		"INSERT INTO items(id, source_id, dedupe_key, link, title, text, published, first_seen, content_hash)"
		" VALUES (?1, 1, 'g:' || ?1, 'https://a.example/bj' || ?1, 'Beijing time as UTC',"
		" 'A post dated zqahead in local time.', ?2, ?3, 'hb' || ?1)", &e);
	CHECK(s != NULL);
	const int64_t rows[2][3] = {{20, ahead, seen}, {21, later, later}};
	for (int k = 0; s && k < 2; k++) {
		sqlite3_bind_int64(s, 1, rows[k][0]);
		sqlite3_bind_int64(s, 2, rows[k][1]);
		sqlite3_bind_int64(s, 3, rows[k][2]);
		CHECK_INT(sqlite3_step(s), SQLITE_DONE);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	store_close(&w);
	char url[256], got[32], want[32], wrong[32];
	struct buf err = BUF_INIT;
	int errfd = -1;
	pid_t pid = start_serve(home, 0, url, sizeof url, &errfd, &err);
	CHECK(url[0] != '\0');
	shown_time(seen, want, sizeof want);
	shown_time(ahead, wrong, sizeof wrong);
	struct reply r;
	const char *b = get(url, "/items", &r);
	CHECK_INT(r.status, 200);
	const char *i20 = strstr(b, "/items/20\""), *i21 = strstr(b, "/items/21\"");
	CHECK(i20 && i21 && i21 < i20); /* fetched after it: listed above it */
	CHECK_STR(listed_time(b, 20, got, sizeof got), want);
	CHECK(strstr(b, wrong) == NULL);
	reply_free(&r);
	/* the page after item 21 starts with it, and the page before that one holds 21 again */
	char path[128];
	snprintf(path, sizeof path, "/items?before=%lld.21", (long long)later);
	b = get(url, path, &r);
	CHECK_INT(r.status, 200);
	CHECK(strstr(b, "<li><a href=\"/items/20\"") == strstr(b, "<li><a href="));
	reply_free(&r);
	snprintf(path, sizeof path, "/items?after=%lld.20", (long long)seen);
	b = get(url, path, &r);
	CHECK_INT(r.status, 200);
	i21 = strstr(b, "/items/21\"");
	CHECK(i21 != NULL && strstr(b, "/items/20\"") == NULL);
	reply_free(&r);
	/* a search ranks the same words fetched after it above it, and dates it when first seen */
	b = get(url, "/items?q=zqahead", &r);
	CHECK_INT(r.status, 200);
	i20 = strstr(b, "/items/20\"");
	i21 = strstr(b, "/items/21\"");
	CHECK(i20 && i21 && i21 < i20);
	CHECK_STR(listed_time(b, 20, got, sizeof got), want);
	CHECK(strstr(b, wrong) == NULL);
	reply_free(&r);
	CHECK_INT(stop_reader(pid, errfd, &err), 0);
	buf_free(&err);
	CHECK_INT(store_open(&w, db, &e), 0); /* the fixture as the tests after expect it */
	CHECK_INT(store_exec(&w, "DELETE FROM items WHERE id IN (20, 21)", &e), 0);
	store_close(&w);
}

/* Run the binary; wait for its "listening on URL/" line; stop it with sig; return its status. */
static int
run_binary(const char *home, const char *listen, int sig, char *url_out, size_t url_size, struct buf *err_out)
{
	int pipefd[2];
	if (pipe(pipefd) < 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(pipefd[1], 2);
		close(pipefd[0]);
		close(pipefd[1]);
		execl(test_brief_bin(), "brief", "serve", "--home", home, "--listen", listen, (char *)NULL);
		_exit(127);
	}
	close(pipefd[1]);
	char chunk[512];
	ssize_t n;
	url_out[0] = '\0';
	while (!strstr(buf_str(err_out), "\n") && (n = read(pipefd[0], chunk, sizeof chunk)) > 0)
		buf_append(err_out, chunk, (size_t)n);
	const char *at = strstr(buf_str(err_out), "listening on ");
	if (at) {
		at += strlen("listening on ");
		size_t len = strcspn(at, " \n");
		if (len > 0 && at[len - 1] == '/')
			len--;
		snprintf(url_out, url_size, "%.*s", (int)len, at);
		struct reply r;
		const char *b = get(url_out, "/", &r);
		CHECK_INT(r.status, 200);
		CHECK(strstr(b, "日报 2026-02-21") != NULL);
		reply_free(&r);
		kill(pid, sig);
	}
	while ((n = read(pipefd[0], chunk, sizeof chunk)) > 0)
		buf_append(err_out, chunk, (size_t)n);
	close(pipefd[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void
test_binary(const char *home, const char *taken)
{
	char url[256];
	struct buf err = BUF_INIT;
	CHECK_INT(run_binary(home, "127.0.0.1:0", SIGTERM, url, sizeof url, &err), 0);
	CHECK(str_starts(url, "http://127.0.0.1:"));
	CHECK(strstr(buf_str(&err), "terminated, stopping") != NULL);
	buf_clear(&err);
	CHECK_INT(run_binary(home, "127.0.0.1:0", SIGINT, url, sizeof url, &err), 0);
	CHECK(strstr(buf_str(&err), "interrupted, stopping") != NULL);
	buf_clear(&err);
	/* A port already in use: exit 1 with a one-line reason. */
	CHECK_INT(run_binary(home, taken, SIGTERM, url, sizeof url, &err), 1);
	CHECK(strstr(buf_str(&err), "cannot listen on") != NULL && strstr(buf_str(&err), "in use") != NULL);
	buf_clear(&err);
	/* A --listen that is no address is a usage error (exit 2), found before the store opens. */
	CHECK_INT(run_binary(home, "127.0.0.1:99999", SIGTERM, url, sizeof url, &err), 2);
	CHECK(strstr(buf_str(&err), "port in 0..65535") != NULL);
	buf_free(&err);
}

int
main(void)
{
	char home[512], db[600];
	snprintf(home, sizeof home, "%s/home", test_tmpdir());
	mkdir(home, 0700);
	snprintf(db, sizeof db, "%s/brief.db", home);
	fill_store(db);
	struct err e = {""};
	struct serve_opts so = {"127.0.0.1:0", NULL, NULL};
	struct serve *sv = serve_start(db, &so, &e);
	CHECK(sv != NULL);
	if (!sv) {
		fprintf(stderr, "%s\n", e.msg);
		return test_done("test_serve");
	}
	const char *base = serve_url(sv);
	CHECK(str_starts(base, "http://127.0.0.1:") && strcmp(base, "http://127.0.0.1:0") != 0);
	test_pages(base);
	test_marker_bytes(base);
	test_zh_search(base);
	test_report_lang(base, db);
	test_md_report_title(base, db);
	test_md_report_listed(base);
	test_ui_lang(base);
	test_atom_lang(base);
	test_index_title_lang(base);
	test_concurrent_writer(base, db);
	test_conditional_get(base, db);
	test_future_date(base, db);
	test_dated_after_fetch(home, db);
	test_rtl(base, db);
	test_binary(home, base + strlen("http://"));
	test_search_paging_prune(base, db);
	test_stable_etag(base);
	test_newer_pages(base, db);
	test_newer_search_pages(base, db);
	test_newer_search_windows(base, db);
	test_newer_index_pages(base, db);
	test_report_nav(base, db);
	test_listed_reports_open(base, db);
	test_store_error_page();
	test_binary_during_migration();
	test_binary_during_backfill();
	test_binary_read_only();
	serve_stop(sv);
	return test_done("test_serve");
}
