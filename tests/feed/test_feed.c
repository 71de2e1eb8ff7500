/* test_feed.c: unit tests of the feed parser's parts (entities, text, URLs,
 * charsets) and of feed_parse on small documents written for each behaviour. */
#include <stdlib.h>
#include <string.h>

#include "feed/charset.h"
#include "feed/entities.h"
#include "feed/feed.h"
#include "feed/text.h"
#include "feed/url.h"
#include "feed/xml.h"
#include "testlib.h"
#include "util/buf.h"
#include "util/str.h"

/* ---- helpers: parse a document and keep its first items' fields ---- */

#define MAX_ITEMS 4

struct got {
	size_t n;
	char *title[MAX_ITEMS], *link[MAX_ITEMS], *summary[MAX_ITEMS], *content[MAX_ITEMS], *text[MAX_ITEMS];
	char *author[MAX_ITEMS], *id[MAX_ITEMS], *comments[MAX_ITEMS];
	int64_t published[MAX_ITEMS];
	size_t categories[MAX_ITEMS], enclosures[MAX_ITEMS];
	char *enc_url[MAX_ITEMS];
	int64_t enc_len[MAX_ITEMS];
	struct feed_doc doc;
	struct arena arena;
	int rc;
};

static int
keep(void *ctx, const struct feed_doc *doc, const struct feed_item *it)
{
	(void)doc;
	struct got *g = ctx;
	if (g->n >= MAX_ITEMS)
		return 0;
	size_t i = g->n++;
	g->title[i] = xstrdup(it->title);
	g->link[i] = xstrdup(it->link);
	g->summary[i] = xstrdup(it->summary);
	g->content[i] = xstrdup(it->content);
	g->text[i] = xstrdup(it->text);
	g->author[i] = xstrdup(it->author);
	g->id[i] = xstrdup(it->id);
	g->comments[i] = xstrdup(it->comments);
	g->published[i] = it->published;
	g->categories[i] = it->category_count;
	g->enclosures[i] = it->enclosure_count;
	g->enc_url[i] = it->enclosure_count ? xstrdup(it->enclosures[0].url) : NULL;
	g->enc_len[i] = it->enclosure_count ? it->enclosures[0].length : -2;
	return 0;
}

static void
parse_with(struct got *g, const char *data, size_t len, const char *base, const char *charset, const char *ctype)
{
	memset(g, 0, sizeof *g);
	struct feed_parse_opts o = {.base_url = base, .charset_hint = charset, .content_type = ctype};
	g->rc = feed_parse(data, len, &o, &g->arena, keep, g, &g->doc);
}

static void
parse(struct got *g, const char *doc)
{
	parse_with(g, doc, strlen(doc), NULL, NULL, NULL);
}

static void
release(struct got *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->title[i]); free(g->link[i]); free(g->summary[i]); free(g->content[i]);
		free(g->text[i]); free(g->author[i]); free(g->id[i]); free(g->comments[i]); free(g->enc_url[i]);
	}
	arena_free(&g->arena);
}

static void
parse_fixture(struct got *g, const char *name, struct buf *data)
{
	const char *dir = getenv("FEED_FIXTURES");
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir ? dir : "tests/feed/fixtures", name);
	data->len = 0;
	test_read_file(path, data);
	parse_with(g, data->data, data->len, NULL, NULL, NULL);
}

/* ---- parts ---- */

static void
test_entities(void)
{
	CHECK_INT(entity_lookup("nbsp", 4), 0xA0);
	CHECK_INT(entity_lookup("mdash", 5), 0x2014);
	CHECK_INT(entity_lookup("Eacute", 6), 0xC9);
	CHECK_INT(entity_lookup("eacute", 6), 0xE9);
	CHECK_INT(entity_lookup("apos", 4), '\'');
	CHECK_INT(entity_lookup("nosuch", 6), 0);
	CHECK(entity_is_xml_predefined("amp", 3));
	CHECK(!entity_is_xml_predefined("nbsp", 4));
	uint32_t cp;
	CHECK_INT(entity_decode_ref("&#x41;rest", 10, &cp), 6);
	CHECK_INT(cp, 'A');
	CHECK_INT(entity_decode_ref("&#8230;", 7, &cp), 7);
	CHECK_INT(cp, 0x2026);
	CHECK_INT(entity_decode_ref("&#150;", 6, &cp), 6); /* windows-1252 en dash */
	CHECK_INT(cp, 0x2013);
	CHECK_INT(entity_decode_ref("&#0;", 4, &cp), 4);
	CHECK_INT(cp, 0xFFFD);
	CHECK_INT(entity_decode_ref("&#xD800;", 8, &cp), 8);
	CHECK_INT(cp, 0xFFFD);
	CHECK_INT(entity_decode_ref("&amp", 4, &cp), 0); /* no ';' */
	CHECK_INT(entity_decode_ref("& x", 3, &cp), 0);
}

static void
check_text(const char *html, const char *want)
{
	struct buf b = BUF_INIT;
	text_from_html(html, strlen(html), 0, &b);
	CHECK_STR(buf_str(&b), want);
	buf_free(&b);
}

static void
check_plain(const char *text, const char *want)
{
	struct buf b = BUF_INIT;
	text_plain_body(text, strlen(text), &b);
	CHECK_STR(buf_str(&b), want);
	buf_free(&b);
}

static void
test_text(void)
{
	check_text("<p>Hello&nbsp;<b>world</b></p><p>again</p>", "Hello\xC2\xA0world\nagain");
	check_text("  a\n\n  b\t c  ", "a\nb c"); /* a blank line ends a paragraph of plain text */
	check_text("a hard\nwrap, then\n \n\nanother paragraph", "a hard wrap, then\nanother paragraph");
	check_text("<![CDATA[one\n\ntwo\nlines]]>", "one\ntwo lines");
	check_text("one<br>two<br/>three", "one\ntwo\nthree");
	/* A plain-text body (Atom type="text"): blank lines are paragraphs, a hard wrap is a space;
	 * markup is text there, and a title collapses everything. */
	check_plain("  First paragraph,\nwrapped.\n\n\tSecond <b>one</b>.  ", "First paragraph, wrapped.\nSecond <b>one</b>.");
	check_plain("", "");
	struct buf t = BUF_INIT;
	text_collapse_space("A\n\ntitle", 9, &t);
	CHECK_STR(buf_str(&t), "A title");
	buf_free(&t);
	/* Block boundaries are one line break, so a heading stays apart from the sentence after
	 * it; newlines in the source are whitespace like any other, and a run of blocks and
	 * whitespace is one break. */
	check_text("<h2>Abstract</h2>\n\n<p>The advent of\nLLMs.</p>", "Abstract\nThe advent of LLMs.");
	check_text("<ul>\n <li>one</li>\n <li> two </li>\n</ul><p></p><p>after</p>", "one\ntwo\nafter");
	check_text("<div><p>lead</p></div>", "lead");
	check_text("x<script>var a = '<p>';</script>y<style>p{}</style>z", "xyz");
	check_text("<!-- hidden -->shown", "shown");
	check_text("AT&T &amp; 1 < 2 &mdash; ok", "AT&T & 1 < 2 \xE2\x80\x94 ok");
	check_text("<a href=\"x\" title='a > b'>link</a>", "link");
	check_text("caf&eacute; &#233; &#xE9;", "caf\xC3\xA9 \xC3\xA9 \xC3\xA9");
	check_text("<![CDATA[<b>raw</b>]]>", "<b>raw</b>");
	check_text("in<span>line</span>", "inline");
	check_text("", "");
	/* the size cap never splits a code point */
	struct buf b = BUF_INIT;
	text_from_html("\xC3\xA9\xC3\xA9\xC3\xA9", 6, 3, &b);
	CHECK_STR(buf_str(&b), "\xC3\xA9");
	buf_free(&b);
	CHECK(text_has_markup("a <b>b</b>", 10));
	CHECK(text_has_markup("x &amp; y", 9));
	CHECK(!text_has_markup("AT&T 1 < 2", 10));
}

static void
check_url(const char *base, const char *ref, const char *want)
{
	struct buf b = BUF_INIT;
	url_resolve(base, ref, strlen(ref), &b);
	CHECK_STR(buf_str(&b), want);
	buf_free(&b);
}

static void
test_url(void)
{
	/* RFC 3986 section 5.4 examples */
	const char *base = "http://a/b/c/d;p?q";
	check_url(base, "g", "http://a/b/c/g");
	check_url(base, "./g", "http://a/b/c/g");
	check_url(base, "g/", "http://a/b/c/g/");
	check_url(base, "/g", "http://a/g");
	check_url(base, "//g", "http://g");
	check_url(base, "?y", "http://a/b/c/d;p?y");
	check_url(base, "g?y", "http://a/b/c/g?y");
	check_url(base, "#s", "http://a/b/c/d;p?q#s");
	check_url(base, "", "http://a/b/c/d;p?q");
	check_url(base, ".", "http://a/b/c/");
	check_url(base, "..", "http://a/b/");
	check_url(base, "../g", "http://a/b/g");
	check_url(base, "../../g", "http://a/g");
	check_url(base, "../../../g", "http://a/g");
	check_url(base, "/./g", "http://a/g");
	check_url(base, "g.", "http://a/b/c/g.");
	check_url(base, "g/../h", "http://a/b/c/h");
	check_url(base, "g;x=1/./y", "http://a/b/c/g;x=1/y");
	check_url(base, "http:g", "http:g");
	check_url(base, "  https://x.org/a  ", "https://x.org/a");
	check_url("http://host", "p", "http://host/p");
	check_url(NULL, "rel/x", "rel/x");
	check_url("not a base", "rel/x", "rel/x");
	struct buf b = BUF_INIT;
	const char *html = "<a href=\"/x\">x</a> <img src='y.png' alt=\"/z\"> <a href=\"https://abs/\">a</a>";
	CHECK(url_resolve_html("http://h/d/", html, strlen(html), &b) == 1);
	CHECK_STR(buf_str(&b), "<a href=\"http://h/x\">x</a> <img src='http://h/d/y.png' alt=\"/z\"> "
	                       "<a href=\"https://abs/\">a</a>");
	buf_clear(&b);
	CHECK(url_resolve_html("http://h/", "<p>none</p>", 11, &b) == 0);
	CHECK(url_resolve_html(NULL, html, strlen(html), &b) == 0);
	buf_free(&b);
}

static void
check_charset(const char *data, size_t len, const char *hint, const char *ctype, const char *want_enc,
              const char *want_utf8, int want_problem)
{
	struct arena a = ARENA_INIT;
	struct charset_result r;
	charset_to_utf8(data, len, hint, ctype, &a, &r);
	CHECK_STR(r.encoding, want_enc);
	if (want_utf8)
		CHECK_STR(r.utf8, want_utf8);
	CHECK_INT(r.problem != NULL, want_problem);
	arena_free(&a);
}

#define CS(lit, ...) check_charset(lit, sizeof lit - 1, __VA_ARGS__)

static void
test_charset(void)
{
	CS("<a>\xC3\xA9</a>", NULL, NULL, "utf-8", "<a>\xC3\xA9</a>", 0);
	/* not UTF-8, nothing declared: windows-1252, and that is a guess (bozo) */
	CS("<a>\xE9\x93</a>", NULL, NULL, "windows-1252", "<a>\xC3\xA9\xE2\x80\x9C</a>", 1);
	CS("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xE9</a>", NULL, NULL, "iso-8859-1",
	              NULL, 0);
	/* BOM beats the declaration; it is removed */
	CS("\xEF\xBB\xBF<?xml version='1.0' encoding='iso-8859-1'?><a/>", NULL, NULL, "utf-8",
	              "<?xml version='1.0' encoding='iso-8859-1'?><a/>", 0);
	/* the out-of-band charset beats the declaration */
	CS("<?xml version='1.0' encoding='utf-8'?><a>\xE9</a>", "iso-8859-1", NULL, "iso-8859-1",
	              NULL, 0);
	/* RFC 3023: text/xml without charset is us-ascii */
	CS("<?xml version='1.0' encoding='iso-8859-1'?><a/>", NULL, "text/xml", "us-ascii", NULL, 0);
	CS("<a/>", NULL, "application/xml", "utf-8", NULL, 0);
	CS("<a/>", NULL, "text/plain", "us-ascii", NULL, 1);
	CS("<a/>", NULL, "application/rss+xml; charset=\"gb2312\"", "gb18030", NULL, 0);
	/* UTF-16LE with BOM, and UTF-32BE without */
	CS("\xFF\xFE<\0a\0/\0>\0", NULL, NULL, "utf-16le", "<a/>", 0);
	CS("\0\0\0<\0\0\0a\0\0\0/\0\0\0>", NULL, NULL, "utf-32be", "<a/>", 0);
	/* declared encoding that lies: falls back, replaces nothing silently */
	CS("<?xml version='1.0' encoding='us-ascii'?><a>\xC3\xA9</a>", NULL, NULL, "utf-8", NULL, 1);
	CS("<?xml version='1.0' encoding='koi8-r'?><a>\xF0\xD2\xC9</a>", NULL, NULL, "koi8-r",
	              "<?xml version='1.0' encoding='koi8-r'?><a>\xD0\x9F\xD1\x80\xD0\xB8</a>", 0);
	CS("<?xml version='1.0' encoding='shift_jis'?><a>\x82\xA0</a>", NULL, NULL, "shift_jis",
	              "<?xml version='1.0' encoding='shift_jis'?><a>\xE3\x81\x82</a>", 0);
	/* an unknown charset name is not fatal */
	CS("<?xml version='1.0' encoding='x-bogus'?><a/>", NULL, NULL, "utf-8", NULL, 1);
}

/* ---- whole documents ---- */

static void
test_rss(void)
{
	struct got g;
	parse(&g, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	          "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
	          "<title>Feed &amp; co</title><link>http://example.com/</link>"
	          "<item><title><![CDATA[Part one]]> and <![CDATA[<b>two</b>]]></title>"
	          "<link> /posts/1?a=1&amp;b=2 </link><guid isPermaLink=\"false\">id-1</guid>"
	          "<dc:creator>Jo</dc:creator><category>c1</category><dc:subject>c2</dc:subject>"
	          "<description>&lt;p&gt;Short &amp;amp; sweet&lt;/p&gt;</description>"
	          "<content:encoded><![CDATA[<p>Full <a href=\"/x\">text</a>&nbsp;here</p>]]></content:encoded>"
	          "<enclosure url=\"/a.mp3\" type=\"audio/mpeg\" length=\"1234\"/>"
	          "<comments>http://example.com/c/1</comments></item></channel></rss>");
	CHECK_INT(g.rc, 0);
	CHECK_STR(g.doc.version, "rss20");
	CHECK_INT(g.doc.is_bozo, 0);
	CHECK_STR(g.doc.feed.title, "Feed & co");
	CHECK_INT(g.n, 1);
	CHECK_STR(g.title[0], "Part one and two");
	CHECK_STR(g.link[0], "http://example.com/posts/1?a=1&b=2");
	CHECK_STR(g.id[0], "id-1");
	CHECK_STR(g.author[0], "Jo");
	CHECK_INT(g.categories[0], 2);
	CHECK_STR(g.summary[0], "<p>Short &amp; sweet</p>");
	CHECK_STR(g.content[0], "<p>Full <a href=\"http://example.com/x\">text</a>&nbsp;here</p>");
	CHECK_STR(g.text[0], "Full text\xC2\xA0here");
	CHECK_INT(g.enclosures[0], 1);
	CHECK_STR(g.enc_url[0], "http://example.com/a.mp3");
	CHECK_INT(g.enc_len[0], 1234);
	CHECK_STR(g.comments[0], "http://example.com/c/1");
	release(&g);

	/* HTML entities without a DTD resolve, and are not an error */
	parse(&g, "<rss version=\"0.91\"><channel><title>caf&eacute; &mdash; &hellip;</title>"
	          "<item><title>x&nbsp;y</title><link>http://e.com/&amp;</link></item></channel></rss>");
	CHECK_STR(g.doc.version, "rss091u");
	CHECK_INT(g.doc.is_bozo, 0);
	CHECK_STR(g.doc.feed.title, "caf\xC3\xA9 \xE2\x80\x94 \xE2\x80\xA6");
	CHECK_STR(g.title[0], "x\xC2\xA0y");
	release(&g);

	/* guid as link when there is no link */
	parse(&g, "<rss version=\"2.0\"><channel><item><guid>http://e.com/p</guid></item></channel></rss>");
	CHECK_STR(g.link[0], "http://e.com/p");
	release(&g);

	/* an opaque guid stays as it is even with a base; a path-like one is resolved */
	const char *ids = "<rss version=\"2.0\"><channel><item><guid>1</guid></item>"
	                  "<item><guid>/p/2</guid></item></channel></rss>";
	parse_with(&g, ids, strlen(ids), "http://e.com/feed", NULL, NULL);
	CHECK_STR(g.id[0], "1");
	CHECK_STR(g.link[0], NULL);
	CHECK_STR(g.id[1], "http://e.com/p/2");
	release(&g);

	/* RSS 1.0 items beside the channel */
	parse(&g, "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
	          "<channel rdf:about=\"http://e.com/\"><title>T</title><link>http://e.com/</link></channel>"
	          "<item rdf:about=\"http://e.com/1\"><title>One</title><link>http://e.com/1</link></item></rdf:RDF>");
	CHECK_STR(g.doc.version, "rss10");
	CHECK_INT(g.n, 1);
	CHECK_STR(g.id[0], "http://e.com/1");
	release(&g);
}

static void
test_atom(void)
{
	struct got g;
	struct buf data = BUF_INIT;
	parse_fixture(&g, "blogger.xml", &data);
	CHECK_STR(g.doc.version, "atom10");
	CHECK_INT(g.doc.is_bozo, 0);
	CHECK_STR(g.doc.feed.link, "http://blog.example.com/");
	CHECK_INT(g.n, 1);
	/* the replies link comes first but the post's own page wins */
	CHECK_STR(g.link[0], "http://blog.example.com/2024/05/post.html");
	CHECK_STR(g.comments[0], "http://blog.example.com/2024/05/post.html#comment-form");
	CHECK_STR(g.title[0], "Caf\xC3\xA9 & notes");
	CHECK_STR(g.author[0], "Ann (noreply@blogger.com)");
	CHECK_STR(g.text[0], "Hello\xC2\xA0world\nSecond");
	release(&g);

	/* xhtml content: the wrapper div is left out; nested xml:base resolves */
	parse(&g, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"http://e.com/a/\">"
	          "<entry xml:base=\"b/\"><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
	          "A <em>B</em></div></title><link href=\"c.html\"/>"
	          "<link rel=\"alternate\" type=\"application/pdf\" href=\"c.pdf\"/>"
	          "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi &amp; <a href=\"d\">d</a>"
	          "</p></div></content><updated>2024-01-02T03:04:05Z</updated></entry></feed>");
	CHECK_STR(g.title[0], "A B");
	CHECK_STR(g.link[0], "http://e.com/a/b/c.html");
	CHECK_STR(g.content[0], "<p>Hi &amp; <a href=\"http://e.com/a/b/d\">d</a></p>");
	release(&g);

	/* SVG and MathML in xhtml content are written without their prefix, as HTML names them */
	parse(&g, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"xhtml\">"
	          "<div xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:s=\"http://www.w3.org/2000/svg\" "
	          "xmlns:m=\"http://www.w3.org/1998/Math/MathML\" xmlns:o=\"urn:other\">"
	          "<s:svg width=\"2\"><s:circle r=\"1\"/></s:svg><m:math><m:mi>x</m:mi></m:math><o:x>y</o:x>"
	          "</div></content></entry></feed>");
	CHECK_STR(g.content[0], "<svg width=\"2\"><circle r=\"1\"></circle></svg><math><mi>x</mi></math><o:x>y</o:x>");
	release(&g);

	/* --base for relative links without xml:base */
	const char *doc = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link href=\"/p/1\"/></entry></feed>";
	parse_with(&g, doc, strlen(doc), "https://site.org/feed.xml", NULL, NULL);
	CHECK_STR(g.link[0], "https://site.org/p/1");
	release(&g);
	buf_free(&data);
}

static void
test_hostile(void)
{
	struct got g;
	struct buf data = BUF_INIT;
	parse_fixture(&g, "xxe.xml", &data);
	CHECK_INT(g.rc, 0);
	CHECK_INT(g.doc.is_bozo, 1);
	CHECK(g.doc.error != NULL);
	CHECK_INT(g.n, 1);
	CHECK(g.title[0] && !strstr(g.title[0], "root:"));
	release(&g);

	parse_fixture(&g, "billion_laughs.xml", &data);
	CHECK_INT(g.doc.is_bozo, 1);
	CHECK(g.doc.error != NULL);
	/* bounded: the expansion does not happen */
	CHECK(g.n <= 1);
	if (g.n == 1) {
		CHECK(!g.title[0] || strlen(g.title[0]) < 100000);
		CHECK(!g.summary[0] || strlen(g.summary[0]) < 100000);
	}
	CHECK(g.arena.total < 8 * 1024 * 1024);
	release(&g);

	/* truncated document: bozo, and what was read is kept */
	parse(&g, "<rss version=\"2.0\"><channel><title>T</title><item><title>first</title></item>"
	          "<item><title>sec");
	CHECK_INT(g.doc.is_bozo, 1);
	CHECK(g.n >= 1);
	CHECK_STR(g.title[0], "first");
	CHECK_INT(g.doc.is_item_cut, 1); /* the last item delivered is the cut one */
	release(&g);
	/* cut after a whole item: nothing to say about the items */
	parse(&g, "<rss version=\"2.0\"><channel><title>T</title><item><title>first</title></item>");
	CHECK_INT(g.n, 1);
	CHECK_INT(g.doc.is_item_cut, 0);
	release(&g);

	/* not a feed */
	parse(&g, "<html><body>hello</body></html>");
	CHECK_INT(g.rc, -1);
	CHECK_INT(g.doc.is_html, 1);
	CHECK(g.doc.error != NULL);
	release(&g);
	parse(&g, "");
	CHECK_INT(g.rc, -1);
	CHECK(g.doc.error != NULL);
	release(&g);

	/* a bare ampersand is repaired (bozo) and kept */
	parse(&g, "<rss version=\"2.0\"><channel><item><title>Q&A</title></item></channel></rss>");
	CHECK_INT(g.doc.is_bozo, 1);
	CHECK_STR(g.title[0], "Q&A");
	release(&g);

	/* deep nesting and garbage bytes never crash */
	struct buf deep = BUF_INIT;
	buf_puts(&deep, "<rss><channel><item><description>");
	for (int i = 0; i < 5000; i++)
		buf_puts(&deep, "<div>");
	buf_puts(&deep, "\xFF\xFE\x01 text");
	parse_with(&g, deep.data, deep.len, NULL, NULL, NULL);
	CHECK_INT(g.doc.is_bozo, 1);
	release(&g);
	buf_free(&deep);
	buf_free(&data);
}

/* What lenient readers (feedparser) accept and real feeds do. */
static void
test_lenient(void)
{
	struct got g;
	static const char *const leads[] = {"\n  ", "\xEF\xBB\xBF\r\n", "<!-- generator -->\n"};
	for (size_t i = 0; i < sizeof leads / sizeof leads[0]; i++) {
		struct buf d = BUF_INIT;
		buf_puts(&d, leads[i]);
		buf_puts(&d, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
		             "<item><title>One</title></item><item><title>Two</title></item></channel></rss>");
		parse_with(&g, d.data, d.len, NULL, NULL, NULL);
		CHECK_INT(g.rc, 0);
		CHECK_STR(g.doc.version, "rss20");
		CHECK_INT(g.n, 2);
		CHECK_STR(g.title[1], "Two");
		CHECK_INT(g.doc.is_bozo, 1); /* the declaration was not at the start */
		release(&g);
		buf_free(&d);
	}

	/* declared ISO-8859-1, really UTF-8: read as UTF-8 (bozo) */
	parse(&g, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel>"
	          "<item><title>Br\xC3\xB8ndby</title></item></channel></rss>");
	CHECK_STR(g.title[0], "Br\xC3\xB8ndby");
	CHECK_STR(g.doc.encoding, "utf-8");
	CHECK_INT(g.doc.is_bozo, 1);
	release(&g);
	/* ... and a mix of both: each byte sequence read as what it is */
	parse(&g, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel>"
	          "<description>bes\xF8ge</description><item><title>Br\xC3\xB8ndby bes\xF8g \x93q\x94</title>"
	          "</item></channel></rss>");
	CHECK_STR(g.title[0], "Br\xC3\xB8ndby bes\xC3\xB8g \xE2\x80\x9Cq\xE2\x80\x9D");
	CHECK_STR(g.doc.encoding, "iso-8859-1");
	CHECK_INT(g.doc.is_bozo, 1);
	release(&g);

	/* a lone Atom entry document is a feed of one item */
	parse(&g, "<?xml version=\"1.0\"?><entry xmlns=\"http://www.w3.org/2005/Atom\"><title>Solo</title>"
	          "<link rel=\"alternate\" href=\"http://e.com/solo\"/><updated>2024-01-02T03:04:05Z</updated></entry>");
	CHECK_INT(g.rc, 0);
	CHECK_STR(g.doc.version, "atom10");
	CHECK_INT(g.n, 1);
	CHECK_STR(g.link[0], "http://e.com/solo");
	CHECK_INT(g.published[0], FEED_NO_DATE);
	release(&g);

	/* a feed wrapped in an XHTML page is still found */
	parse(&g, "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><feed xmlns=\"http://www.w3.org/2005/Atom\">"
	          "<title>In a page</title><entry><title>E</title></entry></feed></body></html>");
	CHECK_INT(g.rc, 0);
	CHECK_STR(g.doc.version, "atom10");
	CHECK_INT(g.doc.is_html, 0);
	CHECK_STR(g.doc.feed.title, "In a page");
	CHECK_INT(g.n, 1);
	CHECK_STR(g.title[0], "E");
	release(&g);

	/* an empty href is the base document (RFC 3986 5.2, as feedparser); no base, no link */
	parse(&g, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"http://e.com/feed.php#top\"><entry>"
	          "<link rel=\"alternate\" href=\"\"/><id>x</id></entry></feed>");
	CHECK_INT(g.n, 1);
	CHECK_STR(g.link[0], "http://e.com/feed.php");
	release(&g);
	parse(&g, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><link href=\"http://e.com/\"/><entry>"
	          "<link rel=\"alternate\" href=\" \"/><id>x</id></entry></feed>");
	CHECK(g.link[0] == NULL);
	release(&g);
}

/* Everything a document gives, as one string, read by the tokenizer chosen. */
static void
digest_with(const char *doc, enum xml_tokenizer use, struct buf *out)
{
	struct got g;
	memset(&g, 0, sizeof g);
	struct feed_parse_opts o = {0};
	g.rc = xml_parse_with(doc, strlen(doc), &o, &g.arena, keep, &g, &g.doc, use);
	out->len = 0;
	buf_printf(out, "rc=%d version=%s bozo=%d error=%s title=%s\n", g.rc, g.doc.version, g.doc.is_bozo,
	           g.doc.error ? g.doc.error : "-", g.doc.feed.title ? g.doc.feed.title : "-");
	for (size_t i = 0; i < g.n; i++)
		buf_printf(out, "item %s|%s|%s|%s\n", g.title[i] ? g.title[i] : "-", g.link[i] ? g.link[i] : "-",
		           g.comments[i] ? g.comments[i] : "-", g.author[i] ? g.author[i] : "-");
	release(&g);
}

/* An undeclared namespace prefix (feeds copy wfw:, feedburner:, dc: elements from
 * one another without the declaration) stays on the fast path, which reads the
 * element as libxml2 does (prefixed name, no namespace) and reports libxml2's first
 * error with libxml2's line, so both tokenizers give the same result. */
static void
test_undeclared_prefixes(void)
{
	static const char *const docs[] = {
		/* an element, after a multi-line start tag and CRLF line ends */
		"<?xml version=\"1.0\"?>\r\n<rss version=\"2.0\"\r\n xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\r\n"
		"<channel><title>T</title>\r\n<item><title>one</title>\r\n<wfw:commentRss>c</wfw:commentRss>\r\n"
		"<dc:creator>Ann</dc:creator></item>\n<item><title\n>two</title><feedburner:origLink>http://e.com/o"
		"</feedburner:origLink><comments>http://e.com/c</comments></item></channel></rss>",
		/* an attribute first, then an element in the same tag; its line is the tag's '>' */
		"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><title>e</title>\n"
		"<link rel=\"replies\" type=\"text/html\" href=\"http://e.com/r\" thr:count=\"1\"\n/>"
		"<x:y\nz:w=\"1\">t</x:y><id>i</id></entry></feed>",
		/* a conventional prefix undeclared: dc:creator still read as Dublin Core */
		"<rss version=\"2.0\"><channel><item><title>t</title><dc:creator>Bo</dc:creator></item></channel></rss>",
		/* an undeclared prefix on the root */
		("<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\"><channel><title>R</title></channel>"
		 "<item><title>r</title><link>http://e.com/r</link></item></rdf:RDF>"),
	};
	struct buf fast = BUF_INIT, only = BUF_INIT, slow = BUF_INIT;
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		digest_with(docs[i], XML_SCAN_FIRST, &fast);
		digest_with(docs[i], XML_SCAN_ONLY, &only);
		digest_with(docs[i], XML_LIBXML2_ONLY, &slow);
		CHECK_STR(fast.data, slow.data);
		CHECK_STR(only.data, fast.data); /* the fast tokenizer took it */
		CHECK(strstr(fast.data, "bozo=1 error=line ") != NULL);
	}
	digest_with(docs[0], XML_SCAN_FIRST, &fast);
	CHECK(strstr(fast.data, "error=line 6: Namespace prefix wfw on commentRss is not defined") != NULL);
	CHECK(strstr(fast.data, "item one|-|-|Ann") != NULL);
	CHECK(strstr(fast.data, "item two|http://e.com/o|http://e.com/c|-") != NULL);
	digest_with(docs[1], XML_SCAN_FIRST, &fast);
	CHECK(strstr(fast.data, "error=line 3: Namespace prefix thr for count on link is not defined") != NULL);
	digest_with(docs[2], XML_SCAN_FIRST, &fast);
	CHECK(strstr(fast.data, "item t|-|-|Bo") != NULL);
	/* a lone CR before the first one: libxml2 counts lines its own way, so it reads it */
	static const char lone_cr[] = "<rss version=\"2.0\">\r<channel><item><title>t</title>\r<wfw:x>y</wfw:x>"
	                              "</item></channel></rss>";
	digest_with(lone_cr, XML_SCAN_FIRST, &fast);
	digest_with(lone_cr, XML_LIBXML2_ONLY, &slow);
	CHECK_STR(fast.data, slow.data);
	digest_with(lone_cr, XML_SCAN_ONLY, &only);
	CHECK(strstr(only.data, "error=handed over") != NULL);
	buf_free(&fast);
	buf_free(&only);
	buf_free(&slow);
}

/* The fast tokenizer and libxml2 must agree; what the fast one does not take
 * is handed over without losing or repeating items. */
static void
test_tokenizers(void)
{
	struct got g;
	/* references, CRs, attributes, CDATA, comments, PIs, namespaces, xml:base */
	parse(&g, "<?xml version=\"1.0\"?>\r\n<?xml-stylesheet href=\"s.xsl?a=1&b=2\"?><!-- c -->"
	          "<rss version=\"2.0\" xmlns:a=\"http://www.w3.org/2005/Atom\"><channel>"
	          "<item><title>A &amp; B &#x41;&#66;&eacute;&nbsp;]</title>"
	          "<a:link rel='alternate' href='p?x=1&amp;y=2&#9;'/><description><![CDATA[x]]y\r\n]]>\r\nz</description>"
	          "<guid xml:base=\"http://e.com/d/\" isPermaLink=\"true\">/g</guid></item></channel></rss>");
	CHECK_INT(g.doc.is_bozo, 0);
	CHECK_STR(g.title[0], "A & B AB\xC3\xA9\xC2\xA0]");
	CHECK_STR(g.summary[0], "x]]y\r\n\nz"); /* CDATA keeps its CR, as libxml2 does */
	CHECK_STR(g.id[0], "http://e.com/g");
	release(&g);

	/* repairs, as the pre-pass makes them for libxml2: bozo, text kept */
	parse(&g, "<rss version=\"2.0\"><channel><item><title>&bogus; &#X41; a&b</title></item></channel></rss>");
	CHECK_INT(g.doc.is_bozo, 1);
	CHECK_STR(g.title[0], "&bogus; A a&b");
	release(&g);

	/* an error after two items: libxml2 takes over, every item comes once */
	parse(&g, "<rss version=\"2.0\"><channel><item><title>1</title></item><item><title>2</title></item>"
	          "<item><x xmlns:a=\"\">y</x><title>3</title></item></channel></rss>");
	CHECK_INT(g.n, 3);
	CHECK_STR(g.title[0], "1");
	CHECK_STR(g.title[2], "3");
	CHECK_INT(g.doc.item_count, 3);
	CHECK_INT(g.doc.is_bozo, 1);
	CHECK(g.doc.error && strstr(g.doc.error, "Empty XML namespace"));
	release(&g);

	test_undeclared_prefixes();

	/* an internal subset is libxml2's (entities expanded one level) */
	parse(&g, "<!DOCTYPE rss [<!ENTITY who \"World\">]><rss version=\"2.0\"><channel><item>"
	          "<title>Hello &who;</title></item></channel></rss>");
	CHECK_STR(g.title[0], "Hello World");
	release(&g);
	/* a DOCTYPE without one is read by the fast path */
	parse(&g, "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
	          "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss version=\"0.91\"><channel>"
	          "<item><title>N</title></item></channel></rss>");
	CHECK_STR(g.doc.version, "rss091n");
	CHECK_INT(g.doc.is_bozo, 0);
	release(&g);

	/* what a caller omits is not made; the rest is as normalized as ever */
	const char *doc = "<rss version=\"2.0\"><channel><item><title>T &amp; <![CDATA[<b>U</b>]]></title>"
	                  "<link>/x</link><description>&lt;p&gt;d&lt;/p&gt;</description></item></channel></rss>";
	struct feed_parse_opts o = {.base_url = "http://e.com/f", .omit = FEED_OMIT_HTML | FEED_OMIT_TEXT};
	memset(&g, 0, sizeof g);
	g.rc = feed_parse(doc, strlen(doc), &o, &g.arena, keep, &g, &g.doc);
	CHECK_INT(g.n, 1);
	CHECK_STR(g.title[0], "T & U");
	CHECK_STR(g.link[0], "http://e.com/x");
	CHECK(g.summary[0] == NULL && g.content[0] == NULL && g.text[0] == NULL);
	release(&g);
	o.omit = FEED_OMIT_HTML;
	memset(&g, 0, sizeof g);
	g.rc = feed_parse(doc, strlen(doc), &o, &g.arena, keep, &g, &g.doc);
	CHECK(g.summary[0] == NULL);
	CHECK_STR(g.text[0], "d");
	release(&g);
}

/* An empty content element (RSS content:encoded left empty, Atom content with src=) must not
 * hide the summary: the item's text falls back to the summary. */
static void
test_text_falls_back_to_summary(void)
{
	static const char *const docs[][2] = {
		{"<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
		 "<title>C</title><item><title>A</title><description>short desc</description>"
		 "<content:encoded><![CDATA[]]></content:encoded></item></channel></rss>",
		 "short desc"},
		{"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><id>urn:f</id>"
		 "<entry><title>E</title><id>x</id><summary>the summary</summary>"
		 "<content src=\"http://example.com/x.html\" type=\"text/html\"/></entry></feed>",
		 "the summary"},
	};
	for (size_t k = 0; k < sizeof docs / sizeof docs[0]; k++) {
		struct got g;
		parse(&g, docs[k][0]);
		CHECK_INT(g.n, 1);
		if (g.n == 1)
			CHECK_STR(g.text[0], docs[k][1]);
		release(&g);
	}
}

/* An RSS title is HTML only when it looks like HTML (a closing tag or a character reference,
 * every tag an HTML element): code in a tech blog's title ("Vec<T>", "<canvas>", "<script>")
 * is text and must reach the reader, not be stripped as a tag ("Why  is great", "Use"). */
static void
test_rss_title_code_in_brackets(void)
{
	static const char *const titles[][2] = {
		{"Why &lt;canvas&gt; is great", "Why <canvas> is great"},
		{"Vec&lt;T&gt; and Option&lt;String&gt; in Rust", "Vec<T> and Option<String> in Rust"},
		{"<![CDATA[Use <script> safely]]>", "Use <script> safely"},
		{"The &lt;details&gt; element", "The <details> element"},
		{"Tom&amp;#39;s std::vector&lt;int&gt;", "Tom's std::vector<int>"},
		/* still HTML: markup is stripped, references decoded */
		{"<![CDATA[<b>Bold</b> move]]>", "Bold move"},
		{"&lt;em&gt;Fish&lt;/em&gt; &amp;amp; chips", "Fish & chips"},
	};
	for (size_t k = 0; k < sizeof titles / sizeof titles[0]; k++) {
		struct buf doc = BUF_INIT;
		buf_puts(&doc, "<rss version=\"2.0\"><channel><title>C</title><item><title>");
		buf_puts(&doc, titles[k][0]);
		buf_puts(&doc, "</title><link>http://example.com/1</link></item></channel></rss>");
		struct got g;
		parse(&g, buf_str(&doc));
		CHECK_INT(g.n, 1);
		if (g.n == 1)
			CHECK_STR(g.title[0], titles[k][1]);
		release(&g);
		buf_free(&doc);
	}
}

/* A FeedBurner feed's <link> is its feedproxy redirector; feedburner:origLink is the post's
 * own URL, the one a reader should be sent to and the one another feed of the same blog has.
 * It is the link wherever it comes in the item, in RSS and in Atom (Blogger). */
static void
test_feedburner_origlink(void)
{
	static const char *const docs[] = {
		"<rss version=\"2.0\" xmlns:feedburner=\"http://rssnamespace.org/feedburner/ext/1.0\"><channel>"
		"<title>C</title><item><title>A</title><link>http://feedproxy.google.com/~r/c/~3/x/a</link>"
		"<feedburner:origLink>https://blog.example.com/2020/a.html</feedburner:origLink></item></channel></rss>",
		"<rss version=\"2.0\" xmlns:fb=\"http://rssnamespace.org/feedburner/ext/1.0\"><channel><title>C</title>"
		"<item><fb:origLink> https://blog.example.com/2020/a.html </fb:origLink><title>A</title>"
		"<link>http://feedproxy.google.com/~r/c/~3/x/a</link></item></channel></rss>",
		"<feed xmlns=\"http://www.w3.org/2005/Atom\" "
		"xmlns:feedburner=\"http://rssnamespace.org/feedburner/ext/1.0\"><title>T</title><id>urn:f</id>"
		"<entry><title>E</title><id>urn:e</id><link rel=\"replies\" type=\"text/html\" href=\"https://blog.example.com/c\"/>"
		"<link rel=\"alternate\" type=\"text/html\" href=\"http://feedproxy.google.com/~r/c/~3/x/a\"/>"
		"<feedburner:origLink>https://blog.example.com/2020/a.html</feedburner:origLink></entry></feed>",
	};
	for (size_t k = 0; k < sizeof docs / sizeof docs[0]; k++) {
		struct got g;
		parse(&g, docs[k]);
		CHECK_INT(g.n, 1);
		if (g.n == 1)
			CHECK_STR(g.link[0], "https://blog.example.com/2020/a.html");
		release(&g);
	}
	/* an origLink that is no web address does not replace the link */
	struct got g;
	parse(&g, "<rss version=\"2.0\" xmlns:feedburner=\"http://rssnamespace.org/feedburner/ext/1.0\"><channel>"
	          "<item><title>A</title><link>http://blog.example.com/a</link>"
	          "<feedburner:origLink>javascript:alert(1)</feedburner:origLink></item></channel></rss>");
	CHECK_INT(g.n, 1);
	if (g.n == 1)
		CHECK_STR(g.link[0], "http://blog.example.com/a");
	release(&g);
}

/* An Atom alternate link typed "text/html; charset=utf-8" is the post's page: a later
 * alternate of another type (the entry's own Atom or JSON document) must not win over it
 * and send the reader to XML. */
static void
test_atom_html_link_with_parameters(void)
{
	struct got g;
	parse(&g, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><id>urn:f</id><entry>"
	          "<title>E</title><id>urn:e</id>"
	          "<link rel=\"alternate\" type=\"text/html; charset=UTF-8\" href=\"http://e.com/post\"/>"
	          "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"http://e.com/post.atom\"/>"
	          "<link rel=\"replies\" type=\"Text/HTML;charset=utf-8\" href=\"http://e.com/post#comments\"/>"
	          "</entry></feed>");
	CHECK_INT(g.n, 1);
	if (g.n == 1) {
		CHECK_STR(g.link[0], "http://e.com/post");
		CHECK_STR(g.comments[0], "http://e.com/post#comments");
	}
	release(&g);
}

/* A UTF-8 document with one stray byte: the rest of its UTF-8 text must stay UTF-8, not
 * become windows-1252 mojibake ("cafÃ©") everywhere. */
static void
test_utf8_with_stray_byte(void)
{
	static const char doc[] = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
	                          "<title>caf\xc3\xa9</title><item><title>x \x80 y</title></item></channel></rss>";
	struct got g;
	parse_with(&g, doc, sizeof doc - 1, NULL, NULL, NULL);
	CHECK_STR(g.doc.feed.title, "caf\xc3\xa9");
	CHECK_INT(g.doc.is_bozo, 1);
	release(&g);
	/* the same with a UTF-8 byte order mark (Windows editors, some CMSs write one): the BOM
	 * says UTF-8 as loudly as the declaration, the text stays UTF-8 and the stray windows-1252
	 * quotes are read as such, not the whole feed as windows-1252 ("cafÃ©", CJK garbled) */
	static const char bom_doc[] = "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\">"
	                              "<channel><title>caf\xc3\xa9 \xe5\x8d\x9a\xe5\xae\xa2</title><item><title>x \x93q\x94"
	                              "</title></item></channel></rss>";
	parse_with(&g, bom_doc, sizeof bom_doc - 1, NULL, NULL, NULL);
	CHECK_STR(g.doc.feed.title, "caf\xc3\xa9 \xe5\x8d\x9a\xe5\xae\xa2");
	CHECK_INT(g.n, 1);
	if (g.n == 1)
		CHECK_STR(g.title[0], "x \xe2\x80\x9cq\xe2\x80\x9d");
	CHECK_INT(g.doc.is_bozo, 1);
	release(&g);
}

/* A title is one line: a <br> or a paragraph in an HTML title (RSS CDATA, Atom type="html" or
 * "xhtml", naked markup in the channel's title) must not reach the reader as a line break in
 * the JSON, the store, a digest's list or a TSV row. */
static void
test_title_one_line(void)
{
	static const char *const docs[] = {
		"<rss version=\"2.0\"><channel><title>C</title><item><title><![CDATA[Part one:<br>the "
		"<em>sequel</em>]]></title><link>http://e.com/1</link></item></channel></rss>",
		"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><id>urn:e</id>"
		"<title type=\"html\">&lt;p&gt;Part one:&lt;/p&gt;&lt;p&gt;the sequel&lt;/p&gt;</title></entry></feed>",
		"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><id>urn:e</id>"
		"<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">Part one:<br/>the "
		"sequel</div></title></entry></feed>",
	};
	for (size_t k = 0; k < sizeof docs / sizeof docs[0]; k++) {
		struct got g;
		parse(&g, docs[k]);
		CHECK_INT(g.n, 1);
		if (g.n == 1)
			CHECK_STR(g.title[0], "Part one: the sequel");
		release(&g);
	}
	struct got g;
	parse(&g, "<rss version=\"2.0\"><channel><title>Notes<br/>from the lab</title><item><title>A</title>"
	          "</item></channel></rss>");
	CHECK_STR(g.doc.feed.title, "Notes from the lab");
	release(&g);
}

/* Several authors of an entry (Atom <author> repeated, dc:creator repeated) are all named, "A, B"
 * in document order: the last one alone (what a reader saw) dropped the first author of a
 * co-written post. A name given twice is named once; another element of the same rank (an RSS
 * <author> after dc:creator) still replaces the value, as before. */
static void
test_co_authors(void)
{
	struct got g;
	parse(&g, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><author><name>Ann</name></author>"
	          "<author><name>Ben</name></author><entry><title>E</title><id>urn:e</id>"
	          "<author><name>Alice</name></author><author><name>Bob</name><email>bob@e.com</email></author>"
	          "<author><name>Alice</name></author></entry></feed>");
	CHECK_INT(g.n, 1);
	if (g.n == 1)
		CHECK_STR(g.author[0], "Alice, Bob (bob@e.com)");
	CHECK_STR(g.doc.feed.author, "Ann, Ben");
	release(&g);
	parse(&g, "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>C</title>"
	          "<item><title>A</title><dc:creator>Carol</dc:creator><dc:creator> Dan </dc:creator></item>"
	          "<item><title>B</title><dc:creator>Carol</dc:creator><author>eve@e.com</author></item>"
	          "</channel></rss>");
	CHECK_INT(g.n, 2);
	if (g.n == 2) {
		CHECK_STR(g.author[0], "Carol, Dan");
		CHECK_STR(g.author[1], "eve@e.com");
	}
	release(&g);
	/* many authors: as many as fit the author cap, whole names, and no cut (no bozo) */
	struct buf doc = BUF_INIT;
	buf_puts(&doc, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><id>urn:e</id>");
	for (int i = 0; i < 100; i++)
		buf_printf(&doc, "<author><name>Author Number %d</name></author>", i);
	buf_puts(&doc, "</entry></feed>");
	parse(&g, buf_str(&doc));
	CHECK_INT(g.n, 1);
	CHECK_INT(g.doc.is_bozo, 0);
	if (g.n == 1) {
		CHECK(strlen(g.author[0]) < FEED_MAX_AUTHOR);
		CHECK(str_starts(g.author[0], "Author Number 0, Author Number 1, "));
		const char *last = g.author[0];
		for (const char *c; (c = strstr(last, ", ")) != NULL;)
			last = c + 2;
		CHECK(str_starts(last, "Author Number "));
		CHECK(strspn(last + 14, "0123456789") == strlen(last + 14) && last[14]);
	}
	release(&g);
	buf_free(&doc);
}

int
main(void)
{
	test_co_authors();
	test_title_one_line();
	test_text_falls_back_to_summary();
	test_rss_title_code_in_brackets();
	test_feedburner_origlink();
	test_atom_html_link_with_parameters();
	test_utf8_with_stray_byte();
	test_tokenizers();
	test_lenient();
	test_entities();
	test_text();
	test_url();
	test_charset();
	test_rss();
	test_atom();
	test_hostile();
	return test_done("test_feed");
}
