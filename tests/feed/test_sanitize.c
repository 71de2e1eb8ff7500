/* test_sanitize.c: the feed HTML sanitiser (src/feed/sanitize.c) on small fragments written for
 * each rule: what is dropped (scripts and styles with their content, handlers, unsafe URLs in
 * their disguises, unsafe CSS, comments), what is unwrapped (unknown elements, SVG and MathML
 * outside their roots), what is repaired (nesting, unclosed tags), what is kept intact (CJK,
 * entities); every output must be well-formed XML and a fixed point. Then `brief parse`:
 * sanitised by default, as published with --raw-html. */
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "feed/sanitize.h"
#include "feed/url.h"
#include "testlib.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/utf8.h"

/* True when html parses as the content of an XML element (well-formed, entities of XML only). */
static int
is_well_formed(const char *html)
{
	struct buf doc = BUF_INIT;
	buf_printf(&doc, "<r xmlns:xlink=\"http://www.w3.org/1999/xlink\">%s</r>", html);
	xmlDocPtr d = xmlReadMemory(doc.data, (int)doc.len, NULL, "UTF-8",
	                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	buf_free(&doc);
	if (!d)
		return 0;
	xmlFreeDoc(d);
	return 1;
}

/* Sanitise html; check the result is valid UTF-8, well-formed and a fixed point; return it in
 * a static buffer (valid until the next call). */
static const char *
san(const char *html)
{
	static struct buf out = BUF_INIT;
	struct buf again = BUF_INIT;
	buf_clear(&out);
	sanitize_html(html, strlen(html), &out);
	sanitize_html(buf_str(&out), out.len, &again);
	if (strcmp(buf_str(&again), buf_str(&out)) != 0)
		fprintf(stderr, "not a fixed point: %s\n  once:  %s\n  twice: %s\n", html, buf_str(&out),
		        buf_str(&again));
	CHECK_STR(buf_str(&again), buf_str(&out));
	CHECK(utf8_valid(buf_str(&out), out.len));
	if (!is_well_formed(buf_str(&out)))
		fprintf(stderr, "not well-formed: %s\n", buf_str(&out));
	CHECK(is_well_formed(buf_str(&out)));
	buf_free(&again);
	return buf_str(&out);
}

/* Fragments and what sanitising makes of them. */
static const struct {
	const char *in, *want;
} cases[] = {
	/* scripts, styles and applets go with their content; comments, processing instructions and
	 * doctypes go; a CDATA section is text to HTML */
	{"safe<script>alert(1)</script> <b>description</b>", "safe <b>description</b>"},
	{"a<SCRIPT type=\"text/javascript\">document.write('<p>x</p>')</SCRIPT>b", "ab"},
	{"a<style>b { color: red }</style>c", "ac"},
	{"a<applet code=\"x.class\"><param name=\"p\" value=\"v\">fallback</applet>b", "ab"},
	{"<script>unclosed", ""},
	{"a<!-- note -->b<?php echo 1; ?>c<!DOCTYPE html>d", "abcd"},
	{"<![CDATA[x]]>", "&lt;![CDATA[x]]&gt;"},
	/* attributes: handlers and unlisted ones go; values are quoted and escaped whatever the source
	 * did; a repeated attribute: the first one counts */
	{"<img src=\"http://example.com/i.jpg\" onerror=\"alert(1)\" ONLOAD=alert(2)>",
	 "<img src=\"http://example.com/i.jpg\" />"},
	{"<p class=\"c\" id=\"i\" data-x=\"1\" formaction=\"x\" align=\"center\">t</p>",
	 "<p class=\"c\" id=\"i\" align=\"center\">t</p>"},
	{"<a title='say \"hi\" <now>' href=http://example.com/?a=1&amp;b=2>x</a>",
	 "<a title=\"say &quot;hi&quot; &lt;now&gt;\" href=\"http://example.com/?a=1&amp;b=2\">x</a>"},
	{"<input type=checkbox checked>", "<input type=\"checkbox\" checked=\"\" />"},
	{"<span title=\"a\" title=\"b\">x</span>", "<span title=\"a\">x</span>"},
	/* style: url() goes and the rest stays; expression(), escapes, comments, unknown functions
	 * take the whole style; properties outside the list go; margin/padding/border/background
	 * values are checked; a CJK font name in quotes survives */
	{"<p style=\"color: red; font-weight: bold\">x</p>", "<p style=\"color: red; font-weight: bold;\">x</p>"},
	{"<p style=\"color: red; background-image: url(http://e.com/i.png)\">x</p>",
	 "<p style=\"color: red;\">x</p>"},
	{"<p style=\"background: url( 'javascript:alert(1)' ) \">x</p>", "<p>x</p>"},
	{"<p style=\"color: red; width: expression(alert(1))\">x</p>", "<p>x</p>"},
	{"<p style=\"color: \\72 ed\">x</p>", "<p>x</p>"},
	{"<p style=\"color: red /* x */\">x</p>", "<p>x</p>"},
	{"<p style=\"-moz-binding: url(http://e.com/x.xml#x)\">x</p>", "<p>x</p>"},
	{"<p style=\"behavior: x.htc\">x</p>", "<p>x</p>"},
	{"<p style=\"position: absolute; margin: 0 auto; padding: 1px 2em; border: evil\">x</p>",
	 "<p style=\"margin: 0 auto; padding: 1px 2em;\">x</p>"},
	{"<p style=\"border-color: #ff0000; background-color: rgb(1,2,3)\">x</p>",
	 "<p style=\"border-color: #ff0000; background-color: rgb(1,2,3);\">x</p>"},
	{"<span style=\"font-family: '微软雅黑'\">字</span>",
	 "<span style=\"font-family: &#39;微软雅黑&#39;;\">字</span>"},
	/* unknown elements are unwrapped, their text kept */
	{"a<blink>b</blink><marquee>c</marquee><foo:bar>d</foo:bar>e", "abcde"},
	{"safe<iframe src=\"http://e.com/\"> <b>description</b></iframe>", "safe <b>description</b>"},
	{"<object data=\"x.swf\"><embed src=\"x.swf\">alt</object>", "alt"},
	{"<html><head><title>T</title></head><body><p>x</p></body></html>", "T<p>x</p>"},
	{"<meta http-equiv=\"refresh\" content=\"0;url=http://e.com/\"><base href=\"http://e.com/\">x", "x"},
	/* SVG and MathML: unwrapped outside their roots; inside, their lists (camel case restored)
	 * and namespaces; an animation whose attribute name is unreadable keeps no values (found by
	 * fuzz_sanitize); SVG's style keeps paint properties */
	{"<circle r=\"1\">c</circle><mi>x</mi>", "cx"},
	{"<svg viewbox=\"0 0 10 10\"><circle cx=\"5\" r=\"1\" onclick=\"x\"/><linearGradient/></svg>",
	 "<svg viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\"><circle cx=\"5\" r=\"1\"></circle>"
	 "<linearGradient></linearGradient></svg>"},
	{"<svg xmlns=\"http://evil.example/\"><circle/>t</svg>", "t"},
	{"<svg><a xlink:href=\"javascript:alert(1)\"><text>t</text></a><script>x</script></svg>",
	 "<svg xmlns=\"http://www.w3.org/2000/svg\"><a xlink:href=\"\" "
	 "xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
	 "<text>t</text></a></svg>"},
	{"<svg><animate attribute\x06Name=\"href\" values=\"javascript:x\"/>"
	 "<animate attributeName=\"opacity\" values=\"0;1\"/></svg>",
	 "<svg xmlns=\"http://www.w3.org/2000/svg\"><animate></animate>"
	 "<animate attributeName=\"opacity\" values=\"0;1\"></animate></svg>"},
	{"<math><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow></math>",
	 "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow></math>"},
	{"<svg><g><text>x</text></g><p style=\"fill: red; stroke-width: 2\">y</p></svg>",
	 "<svg xmlns=\"http://www.w3.org/2000/svg\"><g><text>x</text></g>"
	 "<p style=\"fill: red; stroke-width: 2;\">y</p></svg>"},
	/* repairs: elements closed; where an element dropped stood between two that close each other,
	 * the output is closed as it will be read back */
	{"<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>"},
	{"<p>a<b>b<i>c</p>d", "<p>a<b>b<i>c</i></b></p>d"},
	{"</div>x</span>", "x"},
	{"<table><tr><td>a<td>b", "<table><tr><td>a</td><td>b</td></tr></table>"},
	{"a<br>b<hr>c<br/>", "a<br />b<hr />c<br />"},
	{"<li>a<foo><li>b</foo>", "<li>a</li><li>b</li>"},
	{"<p>a<blink><p>b</blink>c", "<p>a</p><p>b</p>c"},
	{"</body>text<p>x", "<p>text</p><p>x</p>"},
	/* text: references decoded and escaped again, CJK intact, &#146; read as windows-1252 as
	 * browsers read it, invalid UTF-8 replaced, whitespace trimmed */
	{"中文 &amp; &lt;tag&gt; &copy; &#x4E2D;&#25991; 日本語", "中文 &amp; &lt;tag&gt; © 中文 日本語"},
	{"  <p>标题</p>\n ", "<p>标题</p>"},
	{"don&#146;t", "don’t"}, /* read as windows-1252, as browsers do */
	{"a\xff\xfe"
	 "b",
	 "a\xef\xbf\xbd\xef\xbf\xbd"
	 "b"},
	{"it's \"quoted\"", "it&#39;s &quot;quoted&quot;"},
	{"", ""},
	{"<p></p>", "<p></p>"},
	/* URL attributes besides href and src, ping's list; a reference that merely looks like one
	 * stays inert text */
	{"<blockquote cite=\"javascript:x\">q</blockquote><form action=\"javascript:x\">f</form>",
	 "<blockquote cite=\"\">q</blockquote><form action=\"\">f</form>"},
	{"<video poster=\"vbscript:x\" src=\"http://e.com/v\"></video>",
	 "<video poster=\"\" src=\"http://e.com/v\"></video>"},
	{"<a ping=\"http://a.com/ javascript:x\" href=\"/\">x</a><a ping=\"/p /q\">y</a>",
	 "<a ping=\"\" href=\"/\">x</a><a ping=\"/p /q\">y</a>"},
	{"<a href=\"javascript&amp;colon;alert(1)\">x</a>", "<a href=\"javascript&amp;colon;alert(1)\">x</a>"},
};

static void
test_cases(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = san(cases[i].in);
		if (strcmp(got, cases[i].want) != 0)
			fprintf(stderr, "case %zu: %s\n", i, cases[i].in);
		CHECK_STR(got, cases[i].want);
	}
}

/* Markup written to get a script past a sanitiser. */
static void
test_hostile(void)
{
	/* "--!>" ends a comment for a browser, not for libxml2: nothing of it survives */
	CHECK(strstr(san("<!-- --!><script>alert(1)</script> -->x"), "<script") == NULL);
	CHECK(strstr(san("<!--[if IE]><script>alert(1)</script><![endif]-->x"), "script") == NULL);
	/* an SVG animation of a link loses its target and values */
	const char *anim = san("<svg><a><animate attributeName=\"href\" values=\"javascript:alert(1)\"/>t</a>"
	                       "<set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/></svg>");
	CHECK(strstr(anim, "attributeName") == NULL && strstr(anim, "javascript") == NULL);
	/* one whose attribute name the parser reads askew keeps its values only when they are no
	 * unsafe URL (found by fuzz_sanitize) */
	CHECK_STR(san("<svg><animate attributeName=\"href\xff\xff\" values=\"0;javascript:x\" from=\"red\"/></svg>"),
	          "<svg xmlns=\"http://www.w3.org/2000/svg\"><animate attributeName=\"href\xef\xbf\xbd\xef\xbf\xbd\" "
	          "values=\"\" from=\"red\"></animate></svg>");
}

/* Unsafe URLs in every disguise emptied, safe ones kept; the scheme reader itself. */
static void
test_urls(void)
{
	static const char *const bad[] = {
	    "javascript:alert(1)",
	    "JaVaScRiPt:alert(1)",
	    " javascript:alert(1)",
	    "&#106;avascript:alert(1)",
	    "&#x6A;&#x61;vascript:alert(1)",
	    "java&#9;script:alert(1)",
	    "java&#10;script:alert(1)",
	    "java&#13;script:alert(1)",
	    "&#1;javascript:alert(1)",
	    "\tjavascript:alert(1)",
	    "vbscript:msgbox(1)",
	    "VBScript:msgbox(1)",
	    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
	    "DATA:image/svg+xml,<svg onload=alert(1)>",
	    "livescript:x",
	    "jav\xc3\xa1script:x",
	    "java\x0bscript:x",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct buf in = BUF_INIT;
		buf_printf(&in, "<a href=\"%s\">x</a><img src=\"%s\">", bad[i], bad[i]);
		const char *got = san(buf_str(&in));
		if (strcmp(got, "<a href=\"\">x</a><img src=\"\" />") != 0)
			fprintf(stderr, "unsafe URL %s kept: %s\n", bad[i], got);
		CHECK_STR(got, "<a href=\"\">x</a><img src=\"\" />");
		buf_free(&in);
	}
	static const char *const good[] = {
	    "http://example.com/a",
	    "HTTPS://example.com/",
	    "mailto:a@example.com",
	    "/relative/path",
	    "page.html?q=a:b",
	    "//example.com/x",
	    "#frag",
	    "ftp://example.com/f",
	    "magnet:?xt=urn:btih:x",
	    "",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		struct buf in = BUF_INIT, want = BUF_INIT;
		buf_printf(&in, "<a href=\"%s\">x</a>", good[i]);
		buf_printf(&want, "<a href=\"%s\">x</a>", good[i]);
		CHECK_STR(san(buf_str(&in)), buf_str(&want));
		buf_free(&in);
		buf_free(&want);
	}
	char scheme[16];
	CHECK_INT(url_ref_scheme("  Ja\tVa\nScript:x", scheme, sizeof scheme), 10);
	CHECK_STR(scheme, "javascript");
	CHECK_INT(url_ref_scheme("a/b:c", scheme, sizeof scheme), 0);
	CHECK_INT(url_ref_scheme("?x:y", scheme, sizeof scheme), 0);
	CHECK_INT(url_ref_scheme("1http:x", scheme, sizeof scheme), -1);
	CHECK_INT(url_ref_scheme(":x", scheme, sizeof scheme), -1);
	CHECK_INT(url_ref_scheme("averyveryverylongscheme:x", scheme, sizeof scheme), -1);
	CHECK_INT(url_ref_scheme("svn+ssh://h/r", scheme, sizeof scheme), 7);
}

/* Hostile sizes: too many attributes, too deep; the limits themselves are fine. */
static void
test_bounds(void)
{
	/* a tag with more attributes than SANITIZE_MAX_ATTRS: the fragment's text */
	struct buf in = BUF_INIT;
	buf_puts(&in, "<p");
	for (int i = 0; i < 5000; i++)
		buf_printf(&in, " a%d=\"x>\"", i);
	buf_puts(&in, ">text<script>x</script></p>");
	CHECK_STR(san(buf_str(&in)), "text");
	/* SANITIZE_MAX_ATTRS itself is fine */
	buf_clear(&in);
	buf_puts(&in, "<p");
	for (int i = 1; i < SANITIZE_MAX_ATTRS; i++)
		buf_printf(&in, " a%d=1", i);
	buf_puts(&in, " title=\"t\">x</p>");
	CHECK_STR(san(buf_str(&in)), "<p title=\"t\">x</p>");
	/* nesting deeper than SANITIZE_MAX_DEPTH: the text, quickly */
	buf_clear(&in);
	for (int i = 0; i < 100000; i++)
		buf_puts(&in, "<b>");
	buf_puts(&in, "deep");
	for (int i = 0; i < 100000; i++)
		buf_puts(&in, "</x>");
	CHECK_STR(san(buf_str(&in)), "deep");
	buf_clear(&in);
	for (int i = 0; i < SANITIZE_MAX_DEPTH - 2; i++)
		buf_puts(&in, "<span>");
	buf_puts(&in, "ok");
	const char *got = san(buf_str(&in));
	CHECK(str_starts(got, "<span><span>") && strstr(got, "ok</span>") != NULL);
	buf_free(&in);
}

/* `brief parse`: the summary and content sanitised (JSON), kept as published with --raw-html. */
static void
test_cli(void)
{
	const char *feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
	                   "<description>&lt;i onmouseover=\"x()\"&gt;sub&lt;/i&gt;</description><item>"
	                   "<title>i</title><description>&lt;b onclick=\"x()\"&gt;hi&lt;/b&gt;"
	                   "&lt;script&gt;bad()&lt;/script&gt;</description></item></channel></rss>";
	char *argv[] = {(char *)test_brief_bin(), "parse", "-", NULL};
	struct buf out = BUF_INIT;
	CHECK_INT(test_run(argv, NULL, feed, &out, NULL), 0);
	CHECK(strstr(buf_str(&out), "\"summary\":\"<b>hi</b>\"") != NULL);
	CHECK(strstr(buf_str(&out), "\"subtitle\":\"<i>sub</i>\"") != NULL);
	CHECK(strstr(buf_str(&out), "script") == NULL && strstr(buf_str(&out), "onclick") == NULL);
	char *raw[] = {(char *)test_brief_bin(), "parse", "--raw-html", "-", NULL};
	buf_clear(&out);
	CHECK_INT(test_run(raw, NULL, feed, &out, NULL), 0);
	CHECK(strstr(buf_str(&out), "<b onclick=\\\"x()\\\">hi</b><script>bad()</script>") != NULL);
	/* plain text (Atom type="text") is escaped, so it shows as written */
	const char *atom =
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><title>e</title>"
	    "<summary type=\"text\">a &lt;b&gt; &amp; c</summary></entry></feed>";
	buf_clear(&out);
	CHECK_INT(test_run(argv, NULL, atom, &out, NULL), 0);
	CHECK(strstr(buf_str(&out), "\"summary\":\"a &lt;b&gt; &amp; c\"") != NULL);
	/* --tsv goes to a terminal as often as to a script: a JSON Feed's escape sequences (a title
	 * that clears the screen, an author that retitles the window, a C1 CSI) are dropped, as
	 * sfeed drops control characters; the text around them stays. */
	const char *json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[{\"id\":"
	                   "\"1\",\"url\":\"https://e.example/1\",\"title\":\"A\\u001b[2JB\\u009b31mC\\u007f\","
	                   "\"authors\":[{\"name\":\"N\\u001b]0;pwned\\u0007M\"}]}]}";
	char *tsv[] = {(char *)test_brief_bin(), "parse", "--tsv", "-", NULL};
	buf_clear(&out);
	CHECK_INT(test_run(tsv, NULL, json, &out, NULL), 0);
	size_t ctl = 0;
	for (const unsigned char *p = (const unsigned char *)buf_str(&out); *p; p++)
		ctl += (*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0);
	if (ctl)
		fprintf(stderr, "parse --tsv: %zu control characters in %s", ctl, buf_str(&out));
	CHECK_INT(ctl, 0);
	CHECK(strstr(buf_str(&out), "\tA[2JB31mC\thttps://e.example/1\t") != NULL);
	CHECK(strstr(buf_str(&out), "\tN]0;pwnedM\n") != NULL);
	buf_free(&out);
}

int
main(void)
{
	test_cases();
	test_hostile();
	test_urls();
	test_bounds();
	test_cli();
	return test_done("test_sanitize");
}
