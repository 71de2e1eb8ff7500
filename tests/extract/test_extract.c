/* test_extract.c: the article extractor on our own fixtures (tests/extract/fixtures/) and on
 * generated pages: what is kept and what is dropped, metadata, charsets (GBK, windows-1252,
 * HTTP over <meta>), a page without an article, hostile markup in the HTML output, a 16 MiB
 * page, deep nesting, and `brief extract` itself. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "testlib.h"
#include "util/str.h"

static const char *fixtures;

static void
load(const char *name, struct buf *out)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", fixtures, name);
	test_read_file(path, out);
}

/* Extract a fixture; returns the result in arena a. */
static int
extract_fixture(const char *name, const char *url, const char *charset, struct arena *a, struct extract_result *r)
{
	struct buf page = BUF_INIT;
	load(name, &page);
	struct extract_opts o = {.url = url, .http_charset = charset, .want_html = 1};
	struct err e;
	int rc = extract_page(buf_str(&page), page.len, &o, a, r, &e);
	buf_free(&page);
	return rc;
}

static void
test_article(void)
{
	struct arena a = ARENA_INIT;
	struct extract_result r;
	CHECK_INT(extract_fixture("article.html", "https://gazette.example/news/ferries", NULL, &a, &r), 0);
	CHECK(r.found);
	CHECK_STR(r.title, "Harbour ferries return after the winter");
	CHECK_STR(r.byline, "Ada Quill, Ben Marsh"); /* JSON-LD authors beat the <div class=byline> */
	CHECK_STR(r.published, "2026-03-02T07:30:00Z");
	CHECK_STR(r.lang, "en-GB");
	CHECK_STR(r.excerpt, "The little ferries are back on the water, and the town is glad.");
	CHECK_STR(r.encoding, "utf-8");
	/* the four paragraphs and the subheading, in order, as paragraphs */
	const char *p1 = strstr(r.text, "The three harbour ferries went back into service");
	const char *h2 = strstr(r.text, "\n\nA busier season ahead\n\n");
	const char *p4 = strstr(r.text, "children under twelve still travel free when they are with an adult.");
	CHECK(p1 == r.text);
	CHECK(h2 && p1 && h2 > p1);
	CHECK(p4 && h2 && p4 > h2);
	/* boilerplate gone: navigation, headline, byline, caption, share bar, comments, sidebar, footer */
	static const char *const absent[] = {"Home", "Harbour ferries return", "By Ada Quill", "Marigold",
	                                     "Share this story", "missed the ferries", "Most read",
	                                     "Copyright", "parking", NULL};
	for (const char *const *s = absent; *s; s++) {
		if (strstr(r.text, *s))
			fprintf(stderr, "unexpected in text: %s\n", *s);
		CHECK(strstr(r.text, *s) == NULL);
	}
	CHECK(r.text_len == strlen(r.text));
	/* the HTML keeps the structure, images resolved against the page URL */
	CHECK(strstr(r.html, "<h2>A busier season ahead</h2>") != NULL);
	CHECK(strstr(r.html, "<img src=\"https://gazette.example/img/ferry.jpg\" alt=\"A ferry\">") != NULL);
	CHECK(strstr(r.html, "<p>The three harbour ferries") != NULL);
	arena_free(&a);
}

static void
test_gbk(void)
{
	struct arena a = ARENA_INIT;
	struct extract_result r;
	CHECK_INT(extract_fixture("gbk.html", NULL, NULL, &a, &r), 0);
	CHECK(r.found);
	CHECK_STR(r.encoding, "gbk");
	CHECK_STR(r.title, "春季渡轮恢复运营");
	CHECK(strstr(r.text, "港口的三艘渡轮于周一上午恢复运营") == r.text);
	CHECK(strstr(r.text, "十二岁以下的儿童在成人陪同下仍然免费乘坐。") != NULL);
	CHECK(strstr(r.text, "首页") == NULL);
	arena_reset(&a);
	/* the HTTP charset beats the page's <meta>: read as windows-1252 it is mojibake */
	CHECK_INT(extract_fixture("gbk.html", NULL, "windows-1252", &a, &r), 0);
	CHECK_STR(r.encoding, "windows-1252");
	CHECK(strstr(r.text, "港口") == NULL);
	arena_free(&a);
}

static void
test_charset_guess(void)
{
	/* no declaration, not UTF-8: windows-1252 (0xE9 = é, 0x93/0x94 = curly quotes) */
	const char page[] = "<html><body><div><p>Caf\xE9 society returns to the old town square this week, "
	                    "with \x93long tables\x94, music, and lanterns strung between the plane trees, as "
	                    "every summer since the war.</p></div></body></html>";
	struct arena a = ARENA_INIT;
	struct extract_result r;
	struct extract_opts o = {0};
	struct err e;
	CHECK_INT(extract_page(page, sizeof page - 1, &o, &a, &r, &e), 0);
	CHECK_STR(r.encoding, "windows-1252");
	CHECK(strstr(r.text, "Café society") == r.text);
	CHECK(strstr(r.text, "\xE2\x80\x9Clong tables\xE2\x80\x9D") != NULL);
	arena_reset(&a);
	/* UTF-8 with one broken byte stays UTF-8 (the byte becomes U+FFFD) */
	const char utf8[] = "<html><body><p>Na\xC3\xAFve caf\xC3\xA9 owners \xFF complain about the rent, the "
	                    "weather, the tourists, and the price of coffee beans this year.</p></body></html>";
	CHECK_INT(extract_page(utf8, sizeof utf8 - 1, &o, &a, &r, &e), 0);
	CHECK_STR(r.encoding, "utf-8");
	CHECK(strstr(r.text, "Naïve café owners \xEF\xBF\xBD complain") == r.text);
	arena_free(&a);
}

/* Pages in the legacy encodings of East Asia, as browsers read them (WHATWG Encoding): a
 * Shift_JIS label means Windows-31J (① and ㈱ are in its NEC rows), an EUC-KR label means
 * the UHC superset (똠), and a GBK page with one broken byte is still GBK, the byte U+FFFD;
 * a strict decoder turned each of these whole pages into windows-1252 mojibake. */
static void
test_legacy_charsets(void)
{
	static const struct {
		const char *page, *text;
	} cases[] = {
		{"<html><head><meta charset=\"Shift_JIS\"></head><body><div><p>"
		 "\x87@\x93\x8C\x8B\x9E\x82\xCC\x93V\x8B" "C\x82\xCD\x90\xB0\x82\xEA\x82\xC5\x82\xB7\x81" "B\x87\x8A\x83"
		 "e\x83X\x83g\x82\xCC\x94\xAD\x95\\\x82\xC9\x82\xE6\x82\xE9\x82\xC6\x81" "A\x97\x88\x8FT\x82\xE0\x90\xB0"
		 "\x82\xEA\x82\xAA\x91\xB1\x82\xAD\x8C\xA9\x8D\x9E\x82\xDD\x82\xC5\x82\xB7\x81" "B</p></div></body></html>",
		 "①東京の天気は晴れです。㈱テストの発表によると、来週も晴れが続く見込みです。"},
		{"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\"></head><body>"
		 "<div><p>\x8C" "c\xB9\xE6\xB0\xA2\xC7\xCF, \xBF\xC0\xB4\xC3 \xBC\xAD\xBF\xEF\xC0\xC7 \xB3\xAF\xBE\xBE"
		 "\xB4\xC2 \xB8\xBC\xBD\xC0\xB4\xCF\xB4\xD9. \xB8\xB9\xC0\xBA \xBB\xE7\xB6\xF7\xB5\xE9\xC0\xCC \xB0\xF8"
		 "\xBF\xF8\xC0\xBB \xBB\xEA\xC3\xA5\xC7\xCF\xB0\xED \xC0\xD6\xBD\xC0\xB4\xCF\xB4\xD9.</p></div></body></html>",
		 "똠방각하, 오늘 서울의 날씨는 맑습니다. 많은 사람들이 공원을 산책하고 있습니다."},
		{"<html><head><meta charset=\"gbk\"></head><body><div><p>\xB8\xDB\xBF\xDA\xB5\xC4\xC8\xFD\xCB\xD2\xB6"
		 "\xC9\xC2\xD6\xD3\xDA\xD6\xDC\xD2\xBB\xC9\xCF\xCE\xE7\xBB\xD6\xB8\xB4\xD4\xCB\xD3\xAA\xA3\xAC\xB3\xCB"
		 "\xBF\xCD\xC3\xC7\xC5\xC5\xC6\xF0\xC1\xCB\xB3\xA4\xB6\xD3\xA1\xA3 \xFF</p></div></body></html>",
		 "港口的三艘渡轮于周一上午恢复运营，乘客们排起了长队。 \xEF\xBF\xBD"},
		/* labelled GB2312, written in GBK (镕 is not in GB2312), one broken byte */
		{"<html><head><meta charset=\"gb2312\"></head><body><div><p>\xD6\xEC\xE9" "F\xBB\xF9\xCB\xB5\xA3"
		 "\xAC\xB8\xDB\xBF\xDA\xB5\xC4\xC8\xFD\xCB\xD2\xB6\xC9\xC2\xD6\xD3\xDA\xD6\xDC\xD2\xBB\xC9\xCF\xCE\xE7"
		 "\xBB\xD6\xB8\xB4\xD4\xCB\xD3\xAA\xA3\xAC\xB3\xCB\xBF\xCD\xC3\xC7\xC5\xC5\xC6\xF0\xC1\xCB\xB3\xA4\xB6"
		 "\xD3\xA1\xA3 \xFF</p></div></body></html>",
		 "朱镕基说，港口的三艘渡轮于周一上午恢复运营，乘客们排起了长队。 \xEF\xBF\xBD"},
	};
	struct arena a = ARENA_INIT;
	struct extract_opts o = {0};
	struct err e;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct extract_result r;
		CHECK_INT(extract_page(cases[i].page, strlen(cases[i].page), &o, &a, &r, &e), 0);
		if (strcmp(r.text, cases[i].text) != 0)
			fprintf(stderr, "case %zu (%s): %s\n", i, r.encoding, r.text);
		CHECK_STR(r.text, cases[i].text);
		arena_reset(&a);
	}
	arena_free(&a);
}

/* JSON-LD whose name and headline differ: the one closer to the <title> is the article's
 * title (Wikipedia's headline is its short description, "Wikimedia list article"; news sites
 * fill the headline with the story and the name with the site); the headline without one. */
static void
test_jsonld_name_headline(void)
{
	static const struct {
		const char *page, *title;
	} cases[] = {
		{"<html><head><title>List of films featuring time loops - Wikipedia</title>"
		 "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"name\":\"List of films featuring time "
		 "loops\",\"headline\":\"Wikimedia list article\"}</script></head>",
		 "List of films featuring time loops"},
		{"<html><head><title>New Zealand - Wikipedia</title><script type=\"application/ld+json\">{\"@type\":"
		 "\"Article\",\"name\":\"New Zealand\",\"headline\":\"constitutional monarchy in Oceania\"}</script>"
		 "</head>",
		 "New Zealand"},
		{"<html><head><title>West Ham threatens the giants | Aktuálně.cz</title><script type=\"application/ld+json\">{\"@type\":"
		 "\"NewsArticle\",\"name\":\"Aktuálně.cz\",\"headline\":\"West Ham threatens the giants\"}</script>"
		 "</head>",
		 "West Ham threatens the giants"},
		{"<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"name\":\"Daily Planet\","
		 "\"headline\":\"Ferries return after the winter\"}</script></head>",
		 "Ferries return after the winter"},
	};
	struct arena a = ARENA_INIT;
	struct extract_opts o = {0};
	struct err e;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf page = BUF_INIT;
		buf_puts(&page, cases[i].page);
		buf_puts(&page, "<body><div><p>The three harbour ferries went back into service on Monday, with queues "
		                "at every pier, and the town was glad of it.</p></div></body></html>");
		struct extract_result r;
		CHECK_INT(extract_page(page.data, page.len, &o, &a, &r, &e), 0);
		CHECK_STR(r.title, cases[i].title);
		buf_free(&page);
		arena_reset(&a);
	}
	arena_free(&a);
}

/* JSON-LD wrapped in CDATA (XHTML habits, MediaWiki, many of Readability's test pages): the
 * wrapper is no JSON, but the object inside is the page's metadata, as Readability reads it. */
static void
test_jsonld_cdata(void)
{
	const char page[] =
		"<html><head><title>Site name</title><script type=\"application/ld+json\">\n  <![CDATA[\n"
		"{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Ferries return\","
		"\"author\":{\"@type\":\"Person\",\"name\":\"Ada Quill\"},\"datePublished\":\"2026-03-02\"}\n"
		"  ]]>\n</script></head><body><div><p>The three harbour ferries went back into service on Monday, "
		"with queues at every pier, and the town was glad of it.</p></div></body></html>";
	struct arena a = ARENA_INIT;
	struct extract_result r;
	struct extract_opts o = {0};
	struct err e;
	CHECK_INT(extract_page(page, sizeof page - 1, &o, &a, &r, &e), 0);
	CHECK_STR(r.title, "Ferries return");
	CHECK_STR(r.byline, "Ada Quill");
	CHECK_STR(r.published, "2026-03-02");
	arena_free(&a);
}

/* Markup browsers read as comments but libxml2 2.9 keeps as text: Word's downlevel-revealed
 * conditional comments (pages pasted from Word), "</ p>", "</>"; a written "&lt;![if IE]&gt;" is text. */
static void
test_bogus_comments(void)
{
	const char page[] =
		"<html><body><div class=\"entry-content\"><p>The committee met on Tuesday to discuss the budget, the "
		"new library, and the roads around the school.</p>\n<p class=MsoListParagraph style='text-indent:"
		"-.25in'><![if !supportLists]><span>1.<span>&nbsp;</span></span><![endif]>The library will open in "
		"May, after the roof is repaired and the shelves are installed.</ p></></p>\n<p>Old pages wrote "
		"<code>&lt;![if IE]&gt;</code> around markup for Internet Explorer, and the next meeting is in June."
		"</p></div></body></html>";
	struct arena a = ARENA_INIT;
	struct extract_result r;
	struct extract_opts o = {.want_html = 1};
	struct err e;
	CHECK_INT(extract_page(page, sizeof page - 1, &o, &a, &r, &e), 0);
	const char *item = strstr(r.text, "1.\xC2\xA0The library will open in May, after the roof is repaired and "
	                                  "the shelves are installed.\n");
	if (!item)
		fprintf(stderr, "text: %s\n", r.text);
	CHECK(item != NULL);
	CHECK(strstr(r.text, "supportLists") == NULL);
	CHECK(strstr(r.text, "endif") == NULL);
	CHECK(strstr(r.text, ">") == NULL || strstr(r.text, ">") > strstr(r.text, "Old pages"));
	CHECK(strstr(r.text, "Old pages wrote <![if IE]> around markup") != NULL);
	CHECK(strstr(r.html, "supportLists") == NULL);
	arena_free(&a);
}

/* An element hidden by its inline style is no article text, however long the style before
 * the display:none (a background data: URL). */
static void
test_hidden_long_style(void)
{
	struct buf page = BUF_INIT;
	buf_puts(&page, "<html><body><div><p>Paragraph one of the story has enough words, commas, and clauses to "
	                "count as article text for sure.</p><p style=\"background-image:url(data:image/png;base64,");
	for (int i = 0; i < 300; i++)
		buf_putc(&page, 'A');
	buf_puts(&page, "); display: none\">Hidden promo text that no reader sees, with words, commas, and more.</p>"
	                "<p>Paragraph three of the story has enough words, commas, and clauses to count as article "
	                "text.</p></div></body></html>");
	struct arena a = ARENA_INIT;
	struct extract_result r;
	struct extract_opts o = {0};
	struct err e;
	CHECK_INT(extract_page(page.data, page.len, &o, &a, &r, &e), 0);
	CHECK(strstr(r.text, "Paragraph three") != NULL);
	CHECK(strstr(r.text, "Hidden promo") == NULL);
	arena_free(&a);
	buf_free(&page);
}

/* A link or image whose address has a space keeps it, percent-encoded, as a browser sends
 * it; a space is no control character. */
static void
test_url_with_space(void)
{
	const char page[] = "<html><body><div><p>The minutes of the meeting are in <a href=\"/files/My Report.pdf\">"
	                    "the report</a>, with a photo <img src=\"img/the hall.jpg\" alt=\"hall\">, and the next "
	                    "meeting is in June, as every year.</p></div></body></html>";
	struct arena a = ARENA_INIT;
	struct extract_result r;
	struct extract_opts o = {.url = "https://town.example/news/minutes.html", .want_html = 1};
	struct err e;
	CHECK_INT(extract_page(page, sizeof page - 1, &o, &a, &r, &e), 0);
	if (!strstr(r.html, "<a href=\"https://town.example/files/My%20Report.pdf\">the report</a>"))
		fprintf(stderr, "html: %s\n", r.html);
	CHECK(strstr(r.html, "<a href=\"https://town.example/files/My%20Report.pdf\">the report</a>") != NULL);
	CHECK(strstr(r.html, "<img src=\"https://town.example/news/img/the%20hall.jpg\" alt=\"hall\">") != NULL);
	arena_free(&a);
}

static void
test_no_article(void)
{
	struct arena a = ARENA_INIT;
	struct extract_result r;
	CHECK_INT(extract_fixture("noarticle.html", NULL, NULL, &a, &r), 0);
	CHECK(!r.found);
	CHECK_STR(r.text, "");
	CHECK_STR(r.html, "");
	CHECK_STR(r.title, "Index");
	arena_reset(&a);
	struct extract_opts o = {0};
	struct err e;
	CHECK_INT(extract_page("", 0, &o, &a, &r, &e), 0);
	CHECK(!r.found);
	CHECK_STR(r.text, "");
	arena_free(&a);
}

static void
test_hostile(void)
{
	struct arena a = ARENA_INIT;
	struct extract_result r;
	CHECK_INT(extract_fixture("hostile.html", "http://site.example/dir/page.html", NULL, &a, &r), 0);
	CHECK(r.found);
	static const char *const absent[] = {"<script", "alert", "onclick", "onerror", "onmouseover", "onload",
	                                     "onfocus", "javascript:", "vbscript:", "data:", "style", "<iframe",
	                                     "<object", "<embed", "<form", "<input", "<button", "<svg",
	                                     "<base", "class=", NULL};
	for (const char *const *s = absent; *s; s++) {
		if (str_icasestr(r.html, strlen(r.html), *s))
			fprintf(stderr, "unexpected in html: %s\n", *s);
		CHECK(str_icasestr(r.html, strlen(r.html), *s) == NULL);
	}
	/* the link text stays; the page's <base href> resolves the safe relative link and image */
	CHECK(strstr(r.html, "a javascript link, a mixed-case one, a tab-split one") != NULL);
	CHECK(strstr(r.html, "<a href=\"http://evil.example/next\">relative one</a>") != NULL);
	CHECK(strstr(r.html, "<img src=\"http://evil.example/x.png\" alt=\"pic\">") != NULL);
	CHECK(strstr(r.html, "<b>bold</b>") != NULL);
	CHECK(strstr(r.text, "alert") == NULL);
	arena_free(&a);
}

/* A page of total bytes: a long article, then filler comment-free markup. */
static void
test_large_page(void)
{
	struct buf page = BUF_INIT;
	buf_puts(&page, "<html><head><title>Big</title></head><body><div class=\"content\">");
	for (int i = 0; page.len < 16u * 1024 * 1024 - 512; i++)
		buf_printf(&page, "<p>Paragraph %d of a very long report, with commas, clauses, and enough words "
		                  "to count as prose for any reader.</p>\n",
		           i);
	buf_puts(&page, "</div></body></html>");
	CHECK(page.len > 16u * 1024 * 1024 - 512);
	struct arena a = ARENA_INIT;
	struct extract_result r;
	struct extract_opts o = {.want_html = 1};
	struct err e;
	CHECK_INT(extract_page(page.data, page.len, &o, &a, &r, &e), 0);
	CHECK(r.found);
	CHECK(strstr(r.text, "Paragraph 0 of a very long report") == r.text);
	CHECK(r.text_len > 14u * 1024 * 1024);
	arena_free(&a);
	buf_free(&page);
}

/* 100000 nested elements: libxml2 bounds the depth, our walks do not recurse. */
static void
test_deep_nesting(void)
{
	struct buf page = BUF_INIT;
	buf_puts(&page, "<html><body>");
	for (int i = 0; i < 100000; i++)
		buf_puts(&page, i % 2 ? "<div>" : "<span>");
	buf_puts(&page, "<p>Deep inside many elements there is still a paragraph, with a comma, to find.</p>");
	struct arena a = ARENA_INIT;
	struct extract_result r;
	struct extract_opts o = {.want_html = 1};
	struct err e;
	CHECK_INT(extract_page(page.data, page.len, &o, &a, &r, &e), 0);
	arena_free(&a);
	buf_free(&page);
}

static void
test_cli(void)
{
	char path[1024], gbk[1024], none[1024];
	snprintf(path, sizeof path, "%s/article.html", fixtures);
	snprintf(gbk, sizeof gbk, "%s/gbk.html", fixtures);
	snprintf(none, sizeof none, "%s/noarticle.html", fixtures);
	struct buf out = BUF_INIT, err = BUF_INIT;
	char *const json[] = {(char *)test_brief_bin(), "extract", "--format", "json", "--url",
	                      "https://gazette.example/news/ferries", path, none, NULL};
	CHECK_INT(test_run(json, NULL, NULL, &out, &err), 0);
	/* two JSON lines, with every field named */
	const char *nl = strchr(buf_str(&out), '\n');
	CHECK(nl && strchr(nl + 1, '\n') && !strchr(nl + 1, '\n')[1]);
	static const char *const fields[] = {"\"file\":", "\"url\":\"https://gazette.example/news/ferries\"",
	                                     "\"title\":", "\"byline\":", "\"published\":", "\"lang\":\"en-GB\"",
	                                     "\"excerpt\":", "\"text\":\"The three harbour ferries", "\"html\":",
	                                     NULL};
	for (const char *const *f = fields; *f; f++)
		CHECK(strstr(buf_str(&out), *f) != NULL);
	CHECK(strstr(nl, "\"text\":\"\"") != NULL); /* the page without an article */
	CHECK(strstr(buf_str(&err), "noarticle.html: no article found") != NULL);

	/* text: a page without an article prints nothing, exit 0, and says so */
	char *const text_none[] = {(char *)test_brief_bin(), "extract", none, NULL};
	buf_clear(&out);
	buf_clear(&err);
	CHECK_INT(test_run(text_none, NULL, NULL, &out, &err), 0);
	CHECK_STR(buf_str(&out), "");
	CHECK(strstr(buf_str(&err), "no article found") != NULL);

	/* stdin, and --charset */
	struct buf page = BUF_INIT;
	test_read_file(gbk, &page);
	char *const from_stdin[] = {(char *)test_brief_bin(), "extract", "--charset", "gb18030", "-", NULL};
	buf_clear(&out);
	CHECK_INT(test_run(from_stdin, NULL, buf_str(&page), &out, NULL), 0);
	CHECK(strstr(buf_str(&out), "港口的三艘渡轮") == buf_str(&out));

	/* errors: a missing file fails (1) but the others are still done; bad usage is 2 */
	char *const missing[] = {(char *)test_brief_bin(), "extract", "/nonexistent/page.html", path, NULL};
	buf_clear(&out);
	buf_clear(&err);
	CHECK_INT(test_run(missing, NULL, NULL, &out, &err), 1);
	CHECK(strstr(buf_str(&out), "The three harbour ferries") != NULL);
	CHECK(strstr(buf_str(&err), "/nonexistent/page.html") != NULL);
	char *const bad_format[] = {(char *)test_brief_bin(), "extract", "--format", "pdf", path, NULL};
	CHECK_INT(test_run(bad_format, NULL, NULL, NULL, NULL), 2);
	char *const no_input[] = {(char *)test_brief_bin(), "extract", NULL};
	CHECK_INT(test_run(no_input, NULL, NULL, NULL, NULL), 2);
	buf_free(&page);
	buf_free(&out);
	buf_free(&err);
}

int
main(void)
{
	fixtures = getenv("EXTRACT_FIXTURES");
	if (!fixtures)
		fixtures = "tests/extract/fixtures";
	test_article();
	test_gbk();
	test_charset_guess();
	test_legacy_charsets();
	test_jsonld_name_headline();
	test_jsonld_cdata();
	test_bogus_comments();
	test_hidden_long_style();
	test_url_with_space();
	test_no_article();
	test_hostile();
	test_large_page();
	test_deep_nesting();
	test_cli();
	return test_done("test_extract");
}
