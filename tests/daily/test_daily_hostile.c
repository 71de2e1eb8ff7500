/* test_daily_hostile.c: hostile feed strings (markup, Markdown/mermaid syntax, a
 * 500-character title, RTL, emoji, bidi overrides, javascript: links) render inert in
 * Markdown and HTML and intact in JSON; golden files pin the exact escaping. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fixture.h"
#include "report/escape.h"
#include "report/report.h"
#include "report/wechat.h"
#include "report/weekly.h"
#include "testlib.h"
#include "util/str.h"

/* The fenced blocks of md must each close where they should: every line inside a
 * mermaid block is a mermaid statement we wrote. */
static void
check_mermaid(const char *md)
{
	for (const char *p = strstr(md, "```mermaid\n"); p; p = strstr(p + 1, "```mermaid\n")) {
		const char *end = strstr(p + 11, "\n```\n");
		CHECK(end != NULL);
		if (!end)
			return;
		for (const char *line = p + 11; line < end;) {
			const char *nl = strchr(line, '\n');
			size_t len = (size_t)(nl - line);
			int ok = strncmp(line, "pie showData", 12) == 0 || strncmp(line, "xychart-beta", 12) == 0 ||
			         strncmp(line, "    title \"", 11) == 0 || strncmp(line, "    x-axis [\"", 13) == 0 ||
			         strncmp(line, "    y-axis \"", 12) == 0 || strncmp(line, "    bar [", 9) == 0 ||
			         strncmp(line, "    \"", 5) == 0;
			CHECK(ok);
			/* Quotes only as label delimiters: an even number, never adjacent to ']' tricks. */
			size_t quotes = 0;
			for (size_t i = 0; i < len; i++)
				quotes += line[i] == '"';
			CHECK(quotes % 2 == 0);
			CHECK(memchr(line, '`', len) == NULL);
			/* "%%" is mermaid's own: a comment, or with "{init: ...}%%" a directive that
			 * restyles the chart; a label opening with it does not parse. */
			CHECK(str_icasestr(line, len, "%%") == NULL);
			line = nl + 1;
		}
	}
}

/* True when p lies inside the text chart's fenced code block (literal text). */
static int
in_text_chart(const char *md, const char *p)
{
	const char *start = strstr(md, "<summary>📈 ");
	const char *end = start ? strstr(start, "</details>") : NULL;
	return start && end && p > start && p < end;
}

/* True when p lies inside a mermaid block (quoted labels, checked by check_mermaid). */
static int
in_mermaid(const char *md, const char *p)
{
	for (const char *m = strstr(md, "```mermaid\n"); m && m < p; m = strstr(m + 1, "```mermaid\n")) {
		const char *end = strstr(m + 11, "\n```\n");
		if (end && p < end)
			return 1;
	}
	return 0;
}

static void
check_markdown(const char *md)
{
	/* No raw HTML from feeds: every '<' we did not write is escaped (or literal code). */
	for (const char *p = strchr(md, '<'); p; p = strchr(p + 1, '<')) {
		int ours = strncmp(p, "<details>", 9) == 0 || strncmp(p, "</details>", 10) == 0 ||
		           strncmp(p, "<summary>", 9) == 0 || strncmp(p, "</summary>", 10) == 0;
		int escaped = p > md && p[-1] == '\\';
		int in_code = 0;
		/* Failed-feed errors are shown in code spans (literal). */
		const char *ls = p;
		while (ls > md && ls[-1] != '\n')
			ls--;
		if (strncmp(ls, "- [", 3) == 0 || strncmp(ls, "- ", 2) == 0) {
			const char *tick = memchr(ls, '`', (size_t)(p - ls));
			in_code = tick != NULL;
		}
		in_code = in_code || in_text_chart(md, p);
		if (!(ours || escaped || in_code))
			fprintf(stderr, "unescaped '<' at: %.40s\n", p);
		CHECK(ours || escaped || in_code);
	}
	/* No link to a javascript: URL: every "](javascript:" has its ']' escaped. */
	for (const char *p = strstr(md, "](javascript:"); p; p = strstr(p + 1, "](javascript:"))
		CHECK(in_text_chart(md, p) || in_mermaid(md, p) || (p > md && p[-1] == '\\'));
	CHECK(strstr(md, "\u202E") == NULL); /* bidi override dropped */
	CHECK(strstr(md, "🚀🔥👩‍💻") != NULL);
	CHECK(strstr(md, "\u2068שלום עולם — مرحبا بالعالم\u2069") != NULL); /* isolated RTL */
	/* A multi-line summary stays inside its quote: no line of it escapes as a heading/list. */
	CHECK(strstr(md, "\n# not a heading") == NULL && strstr(md, "> \\# not a heading\n") != NULL);
	CHECK(strstr(md, "> \\- not a list\n") != NULL);
	CHECK(strstr(md, "\n```\nnot code") == NULL);
	/* The 500-character title is all there (escaped). */
	CHECK(strstr(md, "Long title \\<b\\>bold\\</b\\> \"quoted\" Long title") != NULL);
	check_mermaid(md);
}

static void
check_html(const char *html)
{
	CHECK(strstr(html, "<script") == NULL);
	CHECK(strstr(html, "<img") == NULL);
	CHECK(strstr(html, "javascript:") == NULL || strstr(html, "href=\"javascript:") == NULL);
	CHECK(strstr(html, "href=\"javascript") == NULL);
	CHECK(strstr(html, "&lt;script&gt;document.title=&#39;PWNED&#39;") != NULL);
	CHECK(strstr(html, "default-src 'none'") != NULL);
	CHECK(strstr(html, "http-equiv=\"Content-Security-Policy\"") != NULL);
	CHECK(strstr(html, "\u202E") == NULL);
	CHECK(strstr(html, "שלום עולם — مرحبا بالعالم") != NULL);
	CHECK(strstr(html, "🚀🔥👩‍💻") != NULL);
	/* No element attribute carries feed text unescaped: no on*= handlers at all. */
	CHECK(strstr(html, "onerror=\"") == NULL);
}

static void
check_json(const char *json, const struct report *r)
{
	json_error_t e;
	json_t *j = json_loads(json, 0, &e);
	CHECK(j != NULL);
	if (!j)
		return;
	json_t *items = json_object_get(j, "items");
	CHECK_INT(json_array_size(items), r->item_count);
	for (size_t i = 0; i < r->item_count && i < json_array_size(items); i++) {
		json_t *it = json_array_get(items, i);
		CHECK_STR(json_string_value(json_object_get(it, "title")), r->items[i].title);
		CHECK_STR(json_string_value(json_object_get(it, "link")), r->items[i].link);
		CHECK_STR(json_string_value(json_object_get(it, "summary")), r->items[i].summary);
		CHECK_INT(strlen(json_string_value(json_object_get(it, "title"))), strlen(r->items[i].title));
	}
	CHECK_INT(strlen(json_string_value(json_object_get(json_array_get(items, 2), "title"))), 500);
	CHECK_STR(json_string_value(json_object_get(j, "highlights")), r->highlights);
	json_decref(j);
}

static void
escapers(void)
{
	struct buf b = BUF_INIT;
	esc_md_inline(&b, "a_b *c* [d](e) <f> | $1 & &amp; `g` #h ~i~ snake_case_name");
	CHECK_STR(buf_str(&b), "a_b \\*c\\* \\[d\\](e) \\<f\\> \\| \\$1 & \\&amp; \\`g\\` \\#h \\~i\\~ snake_case_name");
	buf_clear(&b);
	esc_md_quote(&b, "1. one\n\n\n  - two\n===\n");
	CHECK_STR(buf_str(&b), "> 1\\. one\n>\n> \\- two\n> \\===\n");
	buf_clear(&b);
	esc_mermaid(&b, "a \"b\" `c` #d <e>", 0);
	CHECK_STR(buf_str(&b), "a 'b' 'c' ＃d ‹e›");
	buf_clear(&b);
	esc_mermaid(&b, "%%{init: {'theme':'dark'}}%% 100%% %%%", 0);
	CHECK_STR(buf_str(&b), "%％{init: {'theme':'dark'}}%％ 100%％ %％％");
	buf_clear(&b);
	esc_mermaid(&b, "abcdefghij", 5);
	CHECK_STR(buf_str(&b), "abcd…");
	buf_clear(&b);
	esc_fit_width(&b, "中文标签很长很长", 9);
	CHECK_STR(buf_str(&b), "中文标签…");
	buf_clear(&b);
	esc_md_url(&b, "https://x.example/a b(c)<d>");
	CHECK_STR(buf_str(&b), "https://x.example/a%20b%28c%29%3Cd%3E");
	buf_clear(&b); /* non-ASCII as UTF-8 percent-encoded: a U+202E in a link cannot reorder the line */
	esc_md_url(&b, "https://x.example/\u4e2d\u202eRTL");
	CHECK_STR(buf_str(&b), "https://x.example/%E4%B8%AD%E2%80%AERTL");
	CHECK(!esc_url_ok("javascript:alert(1)"));
	CHECK(!esc_url_ok("data:text/html,x"));
	CHECK(esc_url_ok("https://example.com/"));
	buf_clear(&b);
	esc_html(&b, "<a href='x'>&\"</a>");
	CHECK_STR(buf_str(&b), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
	buf_free(&b);
}

/* The digest as a site's post (report_daily_post_md) with hostile keywords and a 今日看点 of
 * several lines holding a bidi override: its front matter stays the keys brief writes, one
 * value a line, with no control that could reorder a line a site's theme prints. */
static void
check_post(struct report *r)
{
	const char *saved = r->highlights;
	r->highlights = "line one \u202Eevil override\u202C\n\"]: key: value\n---\ntitle: forged <script>x</script>";
	for (int fm = WEEKLY_FM_JEKYLL; fm <= WEEKLY_FM_HUGO; fm++) {
		struct buf post = BUF_INIT;
		report_daily_post_md(r, (enum weekly_front_matter)fm, &post);
		const char *p = buf_str(&post), *body = strstr(p + 4, "\n---\n\n");
		CHECK(strncmp(p, "---\n", 4) == 0 && body != NULL);
		static const char *const keys[] = {"layout: ", "title: ", "date: ", "tags:", "  - ", "categories:",
		                                   "summary: ", "draft: "};
		size_t lines = 0, titles = 0;
		for (const char *line = p + 4; body && line <= body; line = strchr(line, '\n') + 1, lines++) {
			size_t k = 0;
			while (k < sizeof keys / sizeof keys[0] && strncmp(line, keys[k], strlen(keys[k])) != 0)
				k++;
			CHECK(k < sizeof keys / sizeof keys[0]);
			titles += k == 1;
		}
		CHECK(lines >= 4 && titles == 1);
		CHECK(strstr(p, "\u202E") == NULL && strstr(p, "\u202C") == NULL);
		CHECK(fm == WEEKLY_FM_JEKYLL ||
		      strstr(p, "\nsummary: \"line one evil override \\\"\\\\]: key: value --- title: forged "
		                "\\\\<script\\\\>x\\\\</script\\\\>\"\n") != NULL);
		struct buf front = BUF_INIT; /* a keyword with markup is no tag; a script is text */
		buf_append(&front, p, body ? (size_t)(body - p) : 0);
		CHECK(strstr(buf_str(&front), "kw</b>") == NULL && strstr(buf_str(&front), "tags:\n  - 日报\n") != NULL);
		const char *sc = strstr(buf_str(&front), "<script");
		CHECK(sc == NULL || (sc > buf_str(&front) && sc[-1] == '\\'));
		buf_free(&front);
		CHECK(body && strstr(body, "\n<!--more-->\n") != NULL);
		buf_free(&post);
	}
	r->highlights = saved;
}

/* A keyword holding U+2028 (or U+2029): YAML 1.1 parsers (libyaml: Jekyll's Psych, PyYAML)
 * read it as a line break, so written raw in a plain scalar it ends the tag and the rest of
 * the keyword becomes a front matter key of its own ("published: false"). */
static void
check_post_line_separator(struct report *r)
{
	if (r->keyword_count == 0)
		return;
	const char *saved = r->keywords[0].word;
	r->keywords[0].word = "ok\u2028published:\u2028 false\u2029";
	for (int fm = WEEKLY_FM_JEKYLL; fm <= WEEKLY_FM_HUGO; fm++) {
		struct buf post = BUF_INIT;
		report_daily_post_md(r, (enum weekly_front_matter)fm, &post);
		const char *p = buf_str(&post), *body = strstr(p + 4, "\n---\n\n");
		struct buf front = BUF_INIT;
		buf_append(&front, p, body ? (size_t)(body - p) : 0);
		CHECK(strstr(buf_str(&front), "\u2028") == NULL && strstr(buf_str(&front), "\u2029") == NULL);
		buf_free(&front);
		buf_free(&post);
	}
	r->keywords[0].word = saved;
}

/* True when the body of post (after its front matter) holds a template delimiter a site
 * generator would execute: Liquid's "{{" or "{%" (Jekyll renders every post through Liquid),
 * which also covers Hugo's shortcodes "{{<" and "{{%". Reports the first one on stderr. */
static int
has_template(const char *post)
{
	const char *body = strstr(post + 4, "\n---\n");
	const char *hit = body ? strstr(body, "{{") : NULL;
	const char *pct = body ? strstr(body, "{%") : NULL;
	if (!hit || (pct && pct < hit))
		hit = pct;
	if (hit)
		fprintf(stderr, "template delimiter in a site post: %.60s\n", hit);
	return hit != NULL;
}

/* A one-week English post titled title with refs[0..n) as its references, the rest left
 * empty: enough for the renderers. */
static void
small_weekly(struct weekly_post *p, const char *title, struct weekly_ref *refs, size_t n)
{
	*p = (struct weekly_post){0};
	p->title = title;
	p->subtitle = "s";
	p->date = "2026-02-21";
	p->datetime = "2026-02-21T12:00:00Z";
	p->week = "2026-W08";
	p->author = "a";
	p->lang = "en";
	p->engine = "offline";
	p->refs = refs;
	p->ref_count = n;
}

/* Feed text with a site generator's template syntax, in a Jekyll or Hugo post: Jekyll ran
 * "{% raw %}" (no endraw: "Liquid syntax error: 'raw' tag was never closed", the site does
 * not build) and printed the site's own variables for "{{ site.title }}"; Hugo stopped at
 * "{{% notice %}}" ("failed to extract shortcode: template for shortcode "notice" not found").
 * Titles, summaries, 今日看点, keywords (the text chart and the mermaid blocks are code, where
 * Liquid and shortcodes still run), links and the weekly's references. */
static void
check_post_templates(struct report *r)
{
	struct report_item *it = &r->items[0];
	const char *title = it->title, *summary = it->summary, *link = it->link, *hl = r->highlights;
	const char *kw = r->keyword_count ? r->keywords[0].word : NULL;
	it->title = "Jekyll's {% raw %} tag and {{ site.title }}";
	it->summary = "Hugo's {{% notice %}} and {{< youtube x >}} shortcodes, {{{triple}}}";
	it->link = "https://x.example/{{a}}/{%b%}";
	r->highlights = "today {%- if x -%} and {{- y -}}";
	if (kw)
		r->keywords[0].word = "{{kw}}";
	for (int fm = WEEKLY_FM_JEKYLL; fm <= WEEKLY_FM_HUGO; fm++) {
		struct buf post = BUF_INIT;
		report_daily_post_md(r, (enum weekly_front_matter)fm, &post);
		CHECK(!has_template(buf_str(&post)));
		CHECK(strstr(buf_str(&post), " raw %} tag and ") != NULL && strstr(buf_str(&post), " notice %}}") != NULL);
		CHECK(strstr(buf_str(&post), "https://x.example/%7B%7Ba%7D%7D/%7B%b%%7D") != NULL);
		buf_free(&post);
	}
	/* The plain digest is no site post: its text stays as it was. */
	struct buf md = BUF_INIT;
	report_daily_md(r, &md);
	CHECK(strstr(buf_str(&md), "Jekyll's {% raw %} tag and {{ site.title }}") != NULL);
	buf_free(&md);
	it->title = title;
	it->summary = summary;
	it->link = link;
	r->highlights = hl;
	if (kw)
		r->keywords[0].word = kw;

	struct weekly_ref refs[] = {{"Go templates: {{ .Title }} and {% end %}", "https://x.example/go", "src", 0}};
	struct weekly_post p;
	small_weekly(&p, "Weekly {{ 8 }}", refs, 1);
	p.epigraph_open = "{% include x.html %}";
	for (int fm = WEEKLY_FM_JEKYLL; fm <= WEEKLY_FM_HUGO; fm++) {
		struct buf post = BUF_INIT;
		p.front_matter = (enum weekly_front_matter)fm;
		weekly_render_md(&p, &post);
		CHECK(!has_template(buf_str(&post)));
		buf_free(&post);
	}
}

/* kramdown, Jekyll's Markdown, reads "{::nomarkdown}...{:/}" as raw HTML: a feed title
 * "{::nomarkdown}<img src=x onerror=alert(1)//>{:/}" became, escaped as brief escapes it,
 * "\\<img src=x onerror=alert(1)//\\>" output raw, an <img> whose onerror runs in the
 * blog's pages. "{::comment}" hides text and "{: attr}" sets attributes: no "{:" in a post. */
static void
check_post_kramdown(struct report *r)
{
	struct report_item *it = &r->items[0];
	const char *title = it->title, *summary = it->summary;
	it->title = "Tips {::nomarkdown}<img src=x onerror=alert(1)//>{:/} end";
	it->summary = "A summary {::comment} hiding the rest, and *x*{: onclick=\"alert(2)\"}";
	for (int fm = WEEKLY_FM_JEKYLL; fm <= WEEKLY_FM_HUGO; fm++) {
		struct buf post = BUF_INIT;
		report_daily_post_md(r, (enum weekly_front_matter)fm, &post);
		const char *body = strstr(buf_str(&post) + 4, "\n---\n");
		const char *ext = body ? strstr(body, "{:") : NULL;
		if (ext)
			fprintf(stderr, "kramdown extension in a site post: %.60s\n", ext);
		CHECK(body != NULL && ext == NULL);
		CHECK(strstr(buf_str(&post), "nomarkdown}\\<img src=x onerror=alert(1)//\\>") != NULL);
		buf_free(&post);
	}
	it->title = title;
	it->summary = summary;
}

/* Feed text written after a list marker ("- ", "1. ") starts that item's content, so a title
 * beginning with "- " or "1. " must not open a nested list: the undated-items list of feed
 * health (an item's title) and the weekly references (a title with no linkable URL). */
static void
check_list_item_text(struct report *r)
{
	if (r->health.undated_count > 0) {
		const char *saved = r->health.undated[0].detail;
		r->health.undated[0].detail = "- nested bullet";
		struct buf md = BUF_INIT;
		report_daily_md(r, &md);
		CHECK(strstr(buf_str(&md), "\n- - nested bullet") == NULL);
		CHECK(strstr(buf_str(&md), "\n- \\- nested bullet") != NULL);
		buf_free(&md);
		r->health.undated[0].detail = saved;
	}
	struct weekly_ref refs[] = {{"1. nested number", "javascript:alert(1)", "src", 0},
	                            {"+ nested plus", NULL, NULL, 0}};
	struct buf w = BUF_INIT;
	weekly_refs_md(refs, 2, &w);
	CHECK_STR(buf_str(&w), "1. 1\\. nested number — src\n2. \\+ nested plus\n");
	buf_free(&w);
}

/* The 公众号 fragment's references print each story's URL as plain text under its title: a
 * feed's "javascript:alert(1)" link was printed there as the story's address ("[2] title —
 * source<br>javascript:alert(1)"), where the Markdown and the HTML link only http(s) URLs.
 * Only an http(s) URL is shown now, in the daily's and the weekly's references alike. */
static void
check_wechat_refs(const struct report *r)
{
	struct wechat_theme th;
	struct err e;
	CHECK_INT(wechat_theme_load(NULL, &th, &e), 0);
	struct buf frag = BUF_INIT;
	wechat_daily(r, &th, &frag);
	const char *refs = strstr(buf_str(&frag), ">[1] ");
	CHECK(refs != NULL);
	if (refs) {
		CHECK(str_icasestr(refs, strlen(refs), "<br>javascript:") == NULL);
		/* the http(s) ones are still there, escaped */
		CHECK(strstr(refs, "<br>https://long.example/p</p>") != NULL);
		CHECK(strstr(refs, "<br>https://evil.example/a?x=&quot;&gt;&lt;script&gt;") != NULL);
	}
	buf_free(&frag);

	struct weekly_ref wrefs[] = {{"Evil", "javascript:alert(1)", "src", 0},
	                             {"", "data:text/html,<b>x</b>", "src", 0},
	                             {"Good", "https://x.example/good", "src", 0}};
	struct weekly_post p;
	small_weekly(&p, "Weekly", wrefs, 3);
	struct buf w = BUF_INIT;
	wechat_weekly(&p, &th, &w);
	const char *f = buf_str(&w);
	CHECK(strstr(f, "javascript:") == NULL && strstr(f, "data:text") == NULL);
	CHECK(strstr(f, ">[1] Evil — src</p>") != NULL);
	CHECK(strstr(f, ">[2]  — src</p>") != NULL);
	CHECK(strstr(f, ">[3] Good — src<br>https://x.example/good</p>") != NULL);
	buf_free(&w);
}

int
main(void)
{
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	escapers();
	struct arena a = ARENA_INIT;
	struct report r;
	fixture_hostile(&r, &a);
	struct buf md = BUF_INIT, html = BUF_INIT, json = BUF_INIT;
	report_daily_md(&r, &md);
	report_daily_html(&r, &html);
	report_daily_json(&r, &json);
	check_markdown(buf_str(&md));
	check_html(buf_str(&html));
	check_json(buf_str(&json), &r);
	check_structure(buf_str(&md), buf_str(&json));
	check_post(&r);
	check_post_line_separator(&r);
	check_list_item_text(&r);
	check_post_templates(&r);
	check_post_kramdown(&r);
	check_wechat_refs(&r);
	check_golden("hostile.md", buf_str(&md));
	check_golden("hostile.html", buf_str(&html));
	check_golden("hostile.json", buf_str(&json));
	buf_free(&md);
	buf_free(&html);
	buf_free(&json);
	arena_free(&a);
	return test_done("test_daily_hostile");
}
