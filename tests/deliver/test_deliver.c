/* test_deliver.c: delivery channels against loopback sinks: payload shapes, splitting,
 * signing, and error reporting (which must never show a secret). */
#include <jansson.h>
#include <dirent.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "deliver/channel.h"
#include "deliver/deliver.h"
#include "report/escape.h"
#include "sinks.h"
#include "store/store.h"
#include "testlib.h"
#include "util/fs.h"
#include "util/html.h"
#include "util/str.h"
#include "util/utf8.h"
#include "wfixture.h"

static struct http_sink *sink;
static char base[64]; /* http://127.0.0.1:PORT */

/* Load a config from text (written to a fresh file). */
static void
load_config(struct config *cfg, const char *text)
{
	static int n;
	char path[512];
	snprintf(path, sizeof path, "%s/config-%d", test_tmpdir(), n++);
	test_write_file(path, text, strlen(text));
	struct err e = {""};
	if (config_load(cfg, path, &e) < 0) {
		fprintf(stderr, "config: %s\n", e.msg);
		exit(1);
	}
}

/* A long report: paragraphs of CJK, emoji and ASCII, a mermaid block and a <details> block. */
static void
long_markdown(struct buf *md, int paragraphs)
{
	buf_puts(md, "# 📰 技术日报 2026-02-21\n\n> 今日看点：**重点**一览 [原文](https://example.com/a?b=1&c=2)\n\n");
	buf_puts(md, "```mermaid\npie showData\n  \"AI\" : 3\n```\n\n<details>\n<summary>图表</summary>\n\n");
	for (int i = 0; i < paragraphs; i++) {
		buf_printf(md, "## %d. 标题 Title %d 🚀\n\n", i + 1, i + 1);
		for (int j = 0; j < 6; j++)
			buf_puts(md, "这是一段很长的中文摘要，包含emoji 😀👍 和 English words mixed in. ");
		buf_puts(md, "\n\n");
	}
	buf_puts(md, "</details>\n\n*生成于 2026-02-21*\n");
}

static json_t *
body_json(const struct sink_request *r)
{
	json_error_t je;
	json_t *j = json_loadb(buf_str(&r->body), r->body.len, 0, &je);
	if (!j)
		fprintf(stderr, "request body is not JSON: %s\n", je.text);
	return j;
}

static const char *
jget(json_t *j, const char *path)
{
	/* a.b.c over objects */
	char key[64];
	while (j && *path) {
		size_t n = strcspn(path, ".");
		snprintf(key, sizeof key, "%.*s", (int)n, path);
		j = json_object_get(j, key);
		path += n;
		if (*path == '.')
			path++;
	}
	return json_is_string(j) ? json_string_value(j) : NULL;
}

/* Send msg to channel name of cfg, the sink answering 200 with answer, and return the request
 * body as JSON (the caller decrefs; NULL when nothing or no JSON was sent). */
static json_t *
sent_json(const struct config *cfg, const char *name, const char *answer, const struct deliver_message *msg)
{
	struct err e = {""};
	http_sink_reset(sink);
	http_sink_answer(sink, 200, answer, 0);
	CHECK_INT(deliver_send(cfg, name, msg, &e), 0);
	const struct sink_request *r = http_sink_request(sink, 0);
	return r ? body_json(r) : NULL;
}

static void
test_split(void)
{
	struct buf md = BUF_INIT;
	long_markdown(&md, 40);
	const enum split_unit units[] = {SPLIT_BYTES, SPLIT_CHARS, SPLIT_UTF16, SPLIT_JSON};
	const size_t limits[] = {2000, 4096, 300};
	for (size_t u = 0; u < 4; u++) {
		for (size_t l = 0; l < 3; l++) {
			struct split_part *parts;
			size_t n = split_text(md.data, md.len, limits[l], units[u], &parts);
			CHECK(n > 1);
			size_t total = 0;
			for (size_t i = 0; i < n; i++) {
				CHECK(split_measure(parts[i].start, parts[i].len, units[u]) <= limits[l]);
				CHECK(utf8_valid(parts[i].start, parts[i].len));
				CHECK(parts[i].len > 0);
				total += parts[i].len;
			}
			/* Only whitespace at the cuts is dropped. */
			size_t nonspace = 0;
			for (size_t i = 0; i < md.len; i++)
				nonspace += !is_ascii_space((unsigned char)md.data[i]);
			size_t kept = 0;
			for (size_t i = 0; i < n; i++)
				for (size_t k = 0; k < parts[i].len; k++)
					kept += !is_ascii_space((unsigned char)parts[i].start[k]);
			CHECK_INT(kept, nonspace);
			CHECK(total <= md.len);
			free(parts);
		}
	}
	/* In JSON a quote and a line break take two bytes: 100+ numbered messages of quoted lines,
	 * header and numbering included, each within the limit as sent. */
	struct buf quoted = BUF_INIT, msgs = BUF_INIT;
	for (int i = 0; i < 600; i++)
		buf_printf(&quoted, "\"q%d\" \"\\\"\n", i);
	size_t count = split_with_header(buf_str(&quoted), "## \"T\"", 120, SPLIT_JSON, &msgs);
	CHECK(count >= 100);
	for (const char *m = split_next(&msgs, NULL); m; m = split_next(&msgs, m))
		CHECK(split_measure(m, strlen(m), SPLIT_JSON) <= 120);
	buf_free(&quoted);
	buf_free(&msgs);
	/* Paragraph boundaries are preferred: with room for two paragraphs, no cut mid-line. */
	const char *paras = "aaaa aaaa\n\nbbbb bbbb\n\ncccc cccc\n\ndddd dddd";
	struct split_part *parts;
	size_t n = split_text(paras, strlen(paras), 22, SPLIT_BYTES, &parts);
	CHECK_INT(n, 2);
	CHECK(n == 2 && parts[0].len == 20 && memcmp(parts[0].start, "aaaa aaaa\n\nbbbb bbbb", 20) == 0);
	CHECK(n == 2 && parts[1].len == 20 && memcmp(parts[1].start, "cccc cccc\n\ndddd dddd", 20) == 0);
	free(parts);
	/* No boundary at all (CJK without spaces): cut on code points, never inside one. */
	struct buf cjk = BUF_INIT;
	for (int i = 0; i < 1000; i++)
		buf_puts(&cjk, "汉");
	n = split_text(cjk.data, cjk.len, 100, SPLIT_BYTES, &parts);
	CHECK_INT(n, 31); /* 33 characters (99 bytes) per part */
	for (size_t i = 0; i < n; i++)
		CHECK(utf8_valid(parts[i].start, parts[i].len) && parts[i].len % 3 == 0);
	free(parts);
	/* UTF-16 counts astral emoji as two units. */
	CHECK_INT(split_measure("😀a", strlen("😀a"), SPLIT_UTF16), 3);
	CHECK_INT(split_measure("😀a", strlen("😀a"), SPLIT_CHARS), 2);
	/* Numbered headers. */
	struct buf out = BUF_INIT;
	n = split_with_header(cjk.data, "**T**", 500, SPLIT_CHARS, &out);
	CHECK_INT(n, 3);
	const char *m = split_next(&out, NULL);
	CHECK(m && str_starts(m, "**T** (1/3)\n\n汉"));
	m = split_next(&out, m);
	CHECK(m && str_starts(m, "**T** (2/3)\n\n"));
	m = split_next(&out, m);
	CHECK(m && str_starts(m, "**T** (3/3)\n\n"));
	CHECK(split_next(&out, m) == NULL);
	buf_clear(&out);
	CHECK_INT(split_with_header("short", "**T**", 500, SPLIT_CHARS, &out), 1);
	CHECK_STR(out.data, "**T**\n\nshort");
	buf_free(&out);
	buf_free(&cjk);
	buf_free(&md);
}

static void
test_mdconv(void)
{
	struct buf out = BUF_INIT;
	mdconv_slack("# Head **x**\n**bold** and *it* [a|b](https://e.com/x?a=1&b=2) <script> & `a<b`\n- item\n"
	             "[bad](javascript:alert(1))\n",
	             &out);
	CHECK_STR(out.data, "*Head x*\n*bold* and _it_ <https://e.com/x?a=1&amp;b=2|a¦b> &lt;script&gt; &amp; `a&lt;b`\n"
	                    "• item\n[bad](javascript:alert(1))\n");
	buf_clear(&out);
	mdconv_telegram_html("## T <1>\n**b** **unclosed\n> quote \"q\"\n```\nif (a<b) {}\n```\n[l](https://x.org/?q=\"1\")\n",
	                     &out);
	CHECK_STR(out.data, "<b>T &lt;1&gt;</b>\n<b>b</b> **unclosed\n┃ quote &quot;q&quot;\n<pre>if (a&lt;b) {}\n</pre>\n"
	                    "<a href=\"https://x.org/?q=&quot;1&quot;\">l</a>\n");
	buf_clear(&out);
	mdconv_for_chat("a\n```mermaid\npie\n```\n<details>\n<summary>x</summary>\n\n\n\nb\n</details>\n", &out);
	CHECK_STR(out.data, "a\n\nb\n");
	buf_free(&out);
}

/* Every character the report's Markdown escapes (esc_md_inline) reads back as itself in the
 * chat channels: a title "Cost $5 ~ $10" must not show as "Cost \$5 \~ \$10". */
static void
test_mdconv_unescapes_report(void)
{
	static const char *const titles[] = {"Cost $5 ~ $10", "a = b == c", "R&D at AT&T", "x_y *z* [q] <t> | #1 `c`",
	                                     "= starts", "- starts", "1. starts"};
	for (size_t k = 0; k < sizeof titles / sizeof *titles; k++) {
		struct buf md = BUF_INIT, out = BUF_INIT;
		buf_puts(&md, "Title: ");
		esc_md_inline(&md, titles[k]);
		buf_puts(&md, "\n");
		mdconv_telegram_html(buf_str(&md), &out);
		if (strchr(buf_str(&out), '\\'))
			fprintf(stderr, "%s -> %s -> %s", titles[k], buf_str(&md), buf_str(&out));
		CHECK(strchr(buf_str(&out), '\\') == NULL);
		buf_clear(&out);
		mdconv_slack(buf_str(&md), &out);
		CHECK(strchr(buf_str(&out), '\\') == NULL);
		buf_free(&md);
		buf_free(&out);
	}
}

/* A linked title (the digest's "- [title](url)") reads back as itself inside the link too,
 * and an escaped "]" in it is text: "x](https://evil.example) y" must not end the link text
 * there and send the reader to a URL the report never linked. */
static void
test_mdconv_link_text(void)
{
	static const char *const titles[] = {"R&D at AT&T *now*", "x](https://evil.example) y", "a [b] c_d",
	                                     "ends with \\"};
	for (size_t k = 0; k < sizeof titles / sizeof *titles; k++) {
		struct buf md = BUF_INIT, tg = BUF_INIT, slack = BUF_INIT;
		buf_puts(&md, "- [");
		esc_md_inline(&md, titles[k]);
		buf_puts(&md, "](https://real.example/p) - src\n");
		mdconv_telegram_html(buf_str(&md), &tg);
		mdconv_slack(buf_str(&md), &slack);
		const char *t = buf_str(&tg), *sl = buf_str(&slack);
		int bad = strstr(t, "<a href=\"https://real.example/p\">") == NULL || strstr(t, "href=\"https://evil") ||
		          strstr(sl, "<https://real.example/p|") == NULL || strstr(sl, "<https://evil") ||
		          (strchr(titles[k], '\\') == NULL && (strchr(t, '\\') || strchr(sl, '\\')));
		if (bad)
			fprintf(stderr, "%s -> %s -> %s / %s", titles[k], buf_str(&md), t, sl);
		CHECK(!bad);
		buf_free(&md);
		buf_free(&tg);
		buf_free(&slack);
	}
}

/* A title the report sets in bold ("🥇 **title**", a source's "**name**") is bold as a whole in
 * Telegram: an escaped '*' in it is text, not the end of the run. */
static void
test_mdconv_bold_text(void)
{
	static const char *const titles[] = {"Rated 5*", "a ** b", "glob **/*.c", "*starred*"};
	for (size_t k = 0; k < sizeof titles / sizeof *titles; k++) {
		struct buf md = BUF_INIT, tg = BUF_INIT, want = BUF_INIT;
		buf_puts(&md, "**");
		esc_md_inline(&md, titles[k]);
		buf_puts(&md, "** and **Source**\n");
		mdconv_telegram_html(buf_str(&md), &tg);
		buf_printf(&want, "<b>%s</b> and <b>Source</b>\n", titles[k]);
		if (strcmp(buf_str(&tg), buf_str(&want)) != 0)
			fprintf(stderr, "%s -> %s -> %s", titles[k], buf_str(&md), buf_str(&tg));
		CHECK_STR(buf_str(&tg), buf_str(&want));
		buf_free(&md);
		buf_free(&tg);
		buf_free(&want);
	}
}

/* Slack has no escape for its marks: a title's literal '*', '_', '~' or '`' that Slack would
 * pair with another ("*starred*" shown in bold with its marks hidden, "x_y *z*" in italics, a
 * heading "A* search" closing its bold run early) is written as a look-alike character, in
 * text and in link text; one that pairs with nothing ("Rated 5*", "~/bin", "SYS_ADMIN") stays
 * the character it is. */
static void
test_slack_marks(void)
{
	static const struct {
		const char *title, *want;
	} cases[] = {
	        {"*starred* post", "Title: \u2217starred\u2217 post\n"},
	        {"x_y *z*", "Title: x_y \u2217z\u2217\n"},
	        {"SYS_ADMIN and snake_case_names", "Title: SYS_ADMIN and snake_case_names\n"},
	        {"_init_ and __main__", "Title: \u02CDinit\u02CD and \u02CD\u02CDmain\u02CD\u02CD\n"},
	        {"~/.config vs ~/bin", "Title: ~/.config vs ~/bin\n"},
	        {"Rated 5* or 4*", "Title: Rated 5* or 4*\n"},
	        {"~1~ ~2~", "Title: \u223C1\u223C \u223C2\u223C\n"},
	        {"run `make` now", "Title: run \u02CBmake\u02CB now\n"},
	        {"\u300C*\u91CD\u78C5*\u300D", "Title: \u300C\u2217\u91CD\u78C5\u2217\u300D\n"},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		struct buf md = BUF_INIT, out = BUF_INIT;
		buf_puts(&md, "Title: ");
		esc_md_inline(&md, cases[k].title);
		buf_puts(&md, "\n");
		mdconv_slack(buf_str(&md), &out);
		CHECK_STR(buf_str(&out), cases[k].want);
		buf_clear(&out); /* the same inside a link's text */
		buf_clear(&md);
		buf_puts(&md, "[");
		esc_md_inline(&md, cases[k].title);
		buf_puts(&md, "](https://e.example/p)\n");
		mdconv_slack(buf_str(&md), &out);
		struct buf want = BUF_INIT;
		buf_printf(&want, "<https://e.example/p|%.*s>\n", (int)(strlen(cases[k].want) - 8), cases[k].want + 7);
		CHECK_STR(buf_str(&out), buf_str(&want));
		buf_free(&want);
		buf_free(&md);
		buf_free(&out);
	}
	struct buf out = BUF_INIT; /* Telegram's HTML needs no stand-ins */
	mdconv_telegram_html("x \\*y\\* \\_z\\_\n", &out);
	CHECK_STR(buf_str(&out), "x *y* _z_\n");
	buf_free(&out);
}

/* A story's URL may hold '*' (a search "?q=*.rs", a wiki's "C*-algebra"), which the
 * Markdown keeps in the link's destination. The converters took it for an emphasis mark: the
 * digest's section heading "### 1. [title](URL)" lost every '*' of its URL (Slack and
 * Telegram linked another page), and the must-read line "🥇 **[title](URL)**" had its bold run
 * closed inside the URL, so Telegram got "<b>[title](https://...src/</b>/<i>.rs)</i>*" and
 * Slack the raw Markdown, no link. Both now link the URL as it is. */
static void
test_mdconv_url_stars(void)
{
	static const char *const urls[] = {"https://star.example/search?q=src/**/*.rs&x=1",
	                                   "https://en.wikipedia.org/wiki/C*-algebra", "https://x.example/a*b*c"};
	for (size_t k = 0; k < sizeof urls / sizeof *urls; k++) {
		struct buf md = BUF_INIT, tg = BUF_INIT, slack = BUF_INIT, want = BUF_INIT;
		for (int line = 0; line < 2; line++) { /* as daily_md writes them */
			buf_puts(&md, line ? "### 1. [" : "🥇 **[");
			esc_md_inline(&md, "Glob *patterns* explained");
			buf_puts(&md, "](");
			esc_md_url(&md, urls[k]);
			buf_puts(&md, line ? ")\n" : ")**\n");
		}
		mdconv_telegram_html(buf_str(&md), &tg);
		mdconv_slack(buf_str(&md), &slack);
		struct buf href = BUF_INIT, amp = BUF_INIT; /* the URL as each writes it: '&' as "&amp;" */
		html_escape_line(&amp, urls[k], strlen(urls[k]));
		buf_printf(&want, "🥇 <b><a href=\"%s\">Glob *patterns* explained</a></b>\n"
		                  "<b>1. <a href=\"%s\">Glob *patterns* explained</a></b>\n",
		           buf_str(&amp), buf_str(&amp));
		CHECK_STR(buf_str(&tg), buf_str(&want));
		buf_printf(&href, "<%s|Glob \u2217patterns\u2217 explained>", buf_str(&amp)); /* see test_slack_marks */
		const char *first = strstr(buf_str(&slack), buf_str(&href));
		CHECK(first != NULL && strstr(first + 1, buf_str(&href)) != NULL);
		if (!first)
			fprintf(stderr, "slack: %s", buf_str(&slack));
		buf_free(&href);
		buf_free(&amp);
		buf_free(&md);
		buf_free(&tg);
		buf_free(&slack);
		buf_free(&want);
	}
}

static struct deliver_message
sample_message(struct buf *md)
{
	struct deliver_message m = {
		.title = "技术日报 2026-02-21",
		.date = "2026-02-21",
		.markdown = md->data,
		.html = "<!doctype html><html><body><h1>技术日报</h1><p>&lt;b&gt;</p></body></html>",
		.text = "技术日报\n\n第一条 first item\n.dot line stays\n",
		.url = NULL,
	};
	return m;
}

static void
test_webhook_and_errors(void)
{
	struct config cfg;
	char text[2048];
	snprintf(text, sizeof text,
	         "[deliver \"hook\"]\ntype = webhook\nurl = %s/hook/SECRETPATH?token=abc123\nheader = X-Brief-Key: k1\n"
	         "[deliver \"dead\"]\ntype = webhook\nurl = http://127.0.0.1:1/x/SECRETPATH\ntimeout = 2\n"
	         "[deliver \"slow\"]\ntype = webhook\nurl = %s/slow\ntimeout = 1\n"
	         "[deliver \"notype\"]\nurl = %s/x\n"
	         "[deliver \"bad\"]\ntype = carrier-pigeon\n"
	         "[deliver \"half\"]\ntype = telegram\nbot_token = 123:ABC\n",
	         base, base, base);
	load_config(&cfg, text);
	struct buf md = BUF_INIT;
	long_markdown(&md, 3);
	struct deliver_message msg = sample_message(&md);
	struct err e = {""};

	http_sink_reset(sink);
	CHECK_INT(deliver_send(&cfg, "hook", &msg, &e), 0);
	CHECK_INT(http_sink_count(sink), 1);
	const struct sink_request *r = http_sink_request(sink, 0);
	if (r) {
		CHECK_STR(r->method, "POST");
		CHECK_STR(r->path, "/hook/SECRETPATH");
		char v[256];
		CHECK(sink_header(r, "X-Brief-Key", v, sizeof v) == 0 && strcmp(v, "k1") == 0);
		CHECK(sink_header(r, "Content-Type", v, sizeof v) == 0 && str_starts(v, "application/json"));
		json_t *j = body_json(r);
		CHECK_STR(jget(j, "title"), msg.title);
		CHECK_STR(jget(j, "markdown"), msg.markdown);
		CHECK_STR(jget(j, "html"), msg.html);
		CHECK_STR(jget(j, "text"), msg.text);
		CHECK_STR(jget(j, "date"), "2026-02-21");
		CHECK(json_is_null(json_object_get(j, "url")));
		json_decref(j);
	}

	/* The service answers with an error: status and its first line, never the URL's secrets. */
	http_sink_answer(sink, 500, "internal trouble\nsecond line", 0);
	CHECK_INT(deliver_send(&cfg, "hook", &msg, &e), -1);
	CHECK(strstr(e.msg, "HTTP 500: internal trouble") != NULL);
	CHECK(strstr(e.msg, "deliver hook (webhook)") != NULL);
	CHECK(strstr(e.msg, "SECRETPATH") == NULL && strstr(e.msg, "abc123") == NULL);
	CHECK(strchr(e.msg, '\n') == NULL);

	/* Unreachable: one line naming the host only. */
	CHECK_INT(deliver_send(&cfg, "dead", &msg, &e), -1);
	CHECK(strstr(e.msg, "cannot post to 127.0.0.1:1") != NULL);
	CHECK(strstr(e.msg, "SECRETPATH") == NULL);

	/* Too slow: the timeout ends it. */
	http_sink_answer(sink, 200, "{}", 2500);
	CHECK_INT(deliver_send(&cfg, "slow", &msg, &e), -1);
	CHECK(strstr(e.msg, "deliver slow (webhook): cannot post to") != NULL);
	CHECK(str_icasestr(e.msg, strlen(e.msg), "timeout") || str_icasestr(e.msg, strlen(e.msg), "timed out"));
	http_sink_reset(sink);

	/* Configuration errors. */
	CHECK_INT(deliver_send(&cfg, "nosuch", &msg, &e), -1);
	CHECK(strstr(e.msg, "no [deliver \"nosuch\"] section") != NULL);
	CHECK_INT(deliver_send(&cfg, "notype", &msg, &e), -1);
	CHECK(strstr(e.msg, "has no \"type\"") != NULL);
	CHECK_INT(deliver_send(&cfg, "bad", &msg, &e), -1);
	CHECK(strstr(e.msg, "unknown type \"carrier-pigeon\"") != NULL);
	CHECK_INT(deliver_check(&cfg, "half", &e), -1);
	CHECK(strstr(e.msg, "missing \"chat_id\"") != NULL);
	CHECK_INT(deliver_check(&cfg, "hook", &e), 0);
	CHECK_INT(http_sink_count(sink), 0); /* checking sends nothing */

	const char **names;
	size_t n = deliver_list(&cfg, &names);
	CHECK_INT(n, 6);
	CHECK(n == 6 && strcmp(names[0], "hook") == 0 && strcmp(names[5], "half") == 0);
	free(names);
	buf_free(&md);
	config_free(&cfg);
}

/* Check every request of a split delivery: count, per-part limit, numbering, valid UTF-8. */
static void
check_parts(const char *field, size_t limit, enum split_unit unit, size_t min_parts)
{
	size_t n = http_sink_count(sink);
	if (n < min_parts)
		fprintf(stderr, "%s: %zu parts\n", field, n);
	CHECK(n >= min_parts);
	for (size_t i = 0; i < n; i++) {
		const struct sink_request *r = http_sink_request(sink, i);
		json_t *j = body_json(r);
		const char *t = jget(j, field);
		CHECK(t != NULL);
		if (t) {
			CHECK(split_measure(t, strlen(t), unit) <= limit);
			CHECK(utf8_valid(t, strlen(t)));
			char num[32];
			snprintf(num, sizeof num, "(%zu/%zu)", i + 1, n);
			CHECK(strstr(t, num) != NULL);
			CHECK(strstr(t, "```mermaid") == NULL && strstr(t, "<details>") == NULL);
		}
		json_decref(j);
	}
}

static void
test_chat_channels(void)
{
	struct config cfg;
	char text[2048];
	snprintf(text, sizeof text,
	         "[deliver \"slack\"]\ntype = slack\nurl = %s/services/T0/B0/XXXX\n"
	         "[deliver \"discord\"]\ntype = discord\nurl = %s/api/webhooks/1/tok\n"
	         "[deliver \"wecom\"]\ntype = wecom\nurl = %s/cgi-bin/webhook/send?key=KEY123\n"
	         "[deliver \"tg\"]\ntype = telegram\nbot_token = 123456:SECRET-TOKEN\nchat_id = -100200\n"
	         "api_base = %s/\n"
	         "[deliver \"tgplain\"]\ntype = telegram\nbot_token = 123456:SECRET-TOKEN\nchat_id = 42\n"
	         "parse_mode = plain\napi_base = %s\n",
	         base, base, base, base, base);
	load_config(&cfg, text);
	struct buf md = BUF_INIT;
	long_markdown(&md, 30);
	struct deliver_message msg = sample_message(&md);
	struct err e = {""};

	http_sink_reset(sink);
	CHECK_INT(deliver_send(&cfg, "slack", &msg, &e), 0);
	check_parts("text", 4000, SPLIT_CHARS, 3);
	const struct sink_request *r = http_sink_request(sink, 0);
	if (r) {
		CHECK_STR(r->path, "/services/T0/B0/XXXX");
		json_t *j = body_json(r);
		const char *t = jget(j, "text");
		CHECK(t && str_starts(t, "*技术日报 2026-02-21* (1/"));
		CHECK(t && strstr(t, "<https://example.com/a?b=1&amp;c=2|原文>") != NULL);
		CHECK(t && strstr(t, "*重点*") != NULL);
		json_decref(j);
	}

	http_sink_reset(sink);
	http_sink_answer(sink, 204, "", 0);
	CHECK_INT(deliver_send(&cfg, "discord", &msg, &e), 0);
	check_parts("content", 2000, SPLIT_CHARS, 5);
	r = http_sink_request(sink, 0);
	if (r) {
		json_t *j = body_json(r);
		json_t *parse = json_object_get(json_object_get(j, "allowed_mentions"), "parse");
		CHECK(json_is_array(parse) && json_array_size(parse) == 0);
		/* no link previews (Discord's SUPPRESS_EMBEDS, 1 << 2): a feed's link would show its
		 * page's own title, text and image under the digest, as Telegram's are turned off */
		json_t *flags = json_object_get(j, "flags");
		CHECK(json_is_integer(flags) && (json_integer_value(flags) & 4) != 0);
		CHECK(str_starts(jget(j, "content"), "**技术日报 2026-02-21** (1/"));
		json_decref(j);
	}
	/* Discord's error answer is shown by its message. */
	http_sink_reset(sink);
	http_sink_answer(sink, 404, "{\"message\": \"Unknown Webhook\", \"code\": 10015}", 0);
	CHECK_INT(deliver_send(&cfg, "discord", &msg, &e), -1);
	CHECK(strstr(e.msg, "HTTP 404: Unknown Webhook") != NULL);
	CHECK(strstr(e.msg, "part 1/") != NULL);
	CHECK_INT(http_sink_count(sink), 1); /* stops at the first failure */
	CHECK(strstr(e.msg, "/tok") == NULL);

	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}", 0);
	CHECK_INT(deliver_send(&cfg, "wecom", &msg, &e), 0);
	check_parts("markdown.content", 4096, SPLIT_BYTES, 3);
	r = http_sink_request(sink, 0);
	if (r) {
		char key[64];
		CHECK(sink_query(r, "key", key, sizeof key) == 0 && strcmp(key, "KEY123") == 0);
		json_t *j = body_json(r);
		CHECK_STR(jget(j, "msgtype"), "markdown");
		json_decref(j);
	}
	http_sink_answer(sink, 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}", 0);
	CHECK_INT(deliver_send(&cfg, "wecom", &msg, &e), -1);
	CHECK(strstr(e.msg, "errcode 93000: invalid webhook url") != NULL);
	CHECK(strstr(e.msg, "KEY123") == NULL);

	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{\"ok\":true,\"result\":{}}", 0);
	CHECK_INT(deliver_send(&cfg, "tg", &msg, &e), 0);
	size_t n = http_sink_count(sink);
	CHECK(n >= 2);
	for (size_t i = 0; i < n; i++) {
		r = http_sink_request(sink, i);
		CHECK_STR(r->path, "/bot123456:SECRET-TOKEN/sendMessage");
		json_t *j = body_json(r);
		CHECK_STR(jget(j, "chat_id"), "-100200");
		CHECK_STR(jget(j, "parse_mode"), "HTML");
		const char *t = jget(j, "text");
		CHECK(t && str_starts(t, "<b>技术日报 2026-02-21</b> ("));
		/* Visible text (tags and entities removed) fits Telegram's limit. */
		CHECK(t && split_measure(t, strlen(t), SPLIT_UTF16) <= 4096 + 1000);
		json_decref(j);
	}
	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{\"ok\":true}", 0);
	CHECK_INT(deliver_send(&cfg, "tgplain", &msg, &e), 0);
	CHECK_INT(http_sink_count(sink), 1);
	r = http_sink_request(sink, 0);
	if (r) {
		json_t *j = body_json(r);
		CHECK(json_object_get(j, "parse_mode") == NULL);
		CHECK(str_starts(jget(j, "text"), "技术日报 2026-02-21\n\n技术日报\n\n第一条"));
		json_decref(j);
	}
	http_sink_answer(sink, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}", 0);
	CHECK_INT(deliver_send(&cfg, "tg", &msg, &e), -1);
	CHECK(strstr(e.msg, "deliver tg (telegram)") && strstr(e.msg, "HTTP 400: Bad Request: chat not found"));
	CHECK(strstr(e.msg, "SECRET-TOKEN") == NULL);
	/* A 429 is retried after retry_after; one that never ends, 10 times, then reported. */
	http_sink_reset(sink);
	http_sink_answer(sink, 429, "{\"ok\":false,\"description\":\"Too Many Requests\",\"parameters\":{\"retry_after\":0}}",
	                 0);
	CHECK_INT(deliver_send(&cfg, "tgplain", &msg, &e), -1);
	CHECK_INT(http_sink_count(sink), 11);
	CHECK(strstr(e.msg, "HTTP 429: Too Many Requests") != NULL);
	http_sink_reset(sink);
	buf_free(&md);
	config_free(&cfg);
}

/* Slack's incoming webhooks say how long to wait in a Retry-After header (the body is
 * "rate_limited", no JSON): the retry waits that long (up to the 10 s cap), so a part
 * rate-limited for 2 s goes out on its retry. */
static void
test_slack_retry_after(void)
{
	struct config cfg;
	char text[256];
	snprintf(text, sizeof text, "[deliver \"slack\"]\ntype = slack\nurl = %s/services/T0/B0/XXXX\n", base);
	load_config(&cfg, text);
	struct deliver_message msg = {.title = "Daily", .markdown = "body\n"};
	struct err e = {""};
	http_sink_reset(sink);
	http_sink_answer(sink, 200, "ok", 0);
	http_sink_rate_limit(sink, 2);
	int rc = deliver_send(&cfg, "slack", &msg, &e);
	if (rc != 0)
		fprintf(stderr, "slack: %s\n", e.msg);
	CHECK_INT(rc, 0);
	CHECK_INT(http_sink_count(sink), 2); /* the 429, then the retry accepted */
	http_sink_reset(sink);
	config_free(&cfg);
}

/* Telegram's flood control: a group takes 20 messages a minute, and the 21st is answered 429
 * with parameters.retry_after, the seconds left of that minute (up to 60). Before, the wait
 * was cut to 10 s and the part tried once more, so a long digest stopped at that part
 * ("part 21/25: Too Many Requests") whenever the service asked for more than 10 s. Here the
 * sink refuses from part 2 on for 11 s: every part goes out, in order, each once accepted. */
static void
test_telegram_flood_wait(void)
{
	struct config cfg;
	char text[512];
	snprintf(text, sizeof text,
	         "[deliver \"tg\"]\ntype = telegram\nbot_token = 1:T\nchat_id = -100\napi_base = %s\n", base);
	load_config(&cfg, text);
	struct buf md = BUF_INIT;
	long_markdown(&md, 40);
	struct deliver_message msg = {.title = "Daily", .markdown = buf_str(&md)};
	struct err e = {""};
	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{\"ok\":true}", 0);
	http_sink_flood(sink, 1, 11);
	int rc = deliver_send(&cfg, "tg", &msg, &e);
	if (rc != 0)
		fprintf(stderr, "telegram: %s\n", e.msg);
	CHECK_INT(rc, 0);
	/* The accepted requests (the sink records the refused ones too) are parts 1..n in order. */
	size_t want = 1, n = 0;
	for (size_t i = 0; i < http_sink_count(sink); i++) {
		json_t *j = body_json(http_sink_request(sink, i));
		const char *t = jget(j, "text");
		char num[32];
		snprintf(num, sizeof num, "(%zu/", want);
		if (t && strstr(t, num)) {
			want++;
			n++;
		}
		json_decref(j);
	}
	size_t parts = 0;
	json_t *first = http_sink_count(sink) ? body_json(http_sink_request(sink, 0)) : NULL;
	const char *t = jget(first, "text");
	const char *slash = t ? strstr(t, "(1/") : NULL;
	if (slash)
		parts = strtoul(slash + 3, NULL, 10);
	json_decref(first);
	CHECK(parts >= 3);
	CHECK_INT(n, parts);
	CHECK(http_sink_count(sink) > n); /* some were refused and sent again */
	http_sink_reset(sink);
	buf_free(&md);
	config_free(&cfg);
}

/* Move every send time the delivery log holds `seconds` into the past, as if the messages had
 * gone out that long ago: the send times of delivery_log and, where the store keeps them apart
 * (delivery_sends, schema 18), those. */
static void
backdate_sends(struct store *st, int seconds)
{
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE delivery_log SET sent_at = sent_at - %d", seconds);
	CHECK_INT(sqlite3_exec(st->db, sql, NULL, NULL, NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "UPDATE delivery_sends SET sent_ms = sent_ms - %d000", seconds);
	sqlite3_exec(st->db, sql, NULL, NULL, NULL); /* no such table before schema 18 */
}

/* Send the one-part reports article/s1/zh .. article/sN/zh to channel name of cfg, logged in
 * st: the messages a robot took before the report a test is about. */
static void
send_articles(const struct config *cfg, const char *name, struct store *st, int n, const char *answer)
{
	for (int i = 1; i <= n; i++) {
		char report[64];
		snprintf(report, sizeof report, "article/s%d/zh", i);
		struct deliver_message msg = {.title = "Article", .markdown = "One story.\n", .store = st, .report = report};
		struct err e = {""};
		http_sink_answer(sink, 200, answer, 0);
		CHECK_INT(deliver_send(cfg, name, &msg, &e), 0);
	}
}

/* A DingTalk robot that took 20 messages 55 s ago (one-part articles, sent through the store
 * db_name's delivery log) is sent msg (whose .store is set here): it must wait for the minute
 * to pass and be accepted at the first request, not refused (errcode 130101). */
static void
check_robot_waits(const char *db_name, struct deliver_message msg)
{
	struct config cfg;
	char text[512], db[4300];
	snprintf(text, sizeof text, "[deliver \"dt\"]\ntype = dingtalk\nurl = %s/robot/send?access_token=tok\n", base);
	load_config(&cfg, text);
	snprintf(db, sizeof db, "%s/%s", test_tmpdir(), db_name);
	struct store st;
	struct err e = {""};
	CHECK_INT(store_open(&st, db, &e), 0);
	http_sink_reset(sink);
	const char *ok = "{\"errcode\":0,\"errmsg\":\"ok\"}";
	send_articles(&cfg, "dt", &st, 20, ok);
	backdate_sends(&st, 55);
	http_sink_reset(sink);
	http_sink_answer(sink, 200, ok, 0);
	http_sink_robot_limit(sink, 20, 20, (double)(time(NULL) - 55));
	msg.store = &st;
	int rc = deliver_send(&cfg, "dt", &msg, &e);
	if (rc != 0)
		fprintf(stderr, "dingtalk after 20 messages (%s): %s\n", msg.report, e.msg);
	CHECK_INT(rc, 0);
	CHECK_INT(http_sink_count(sink), 1); /* sent once, not refused */
	http_sink_reset(sink);
	store_close(&st);
	config_free(&cfg);
}

/* A DingTalk robot takes 20 messages a minute, refuses the 21st with HTTP 200 and errcode
 * 130101 and then throttles the robot for 10 minutes: a rerun cannot fix what a retry after
 * the refusal makes worse. Here the robot took 20 messages 55 s ago (the parts of earlier
 * runs, in the store's delivery log, as when the day's articles went out just before the
 * daily); the daily's delivery waits until the minute has passed, and the robot accepts it.
 * Before, brief sent at once and failed: "errcode 130101: send too fast". */
static void
test_dingtalk_robot_minute(void)
{
	struct deliver_message msg = {.title = "Daily", .markdown = "The day's stories.\n", .report = "daily/2026-02-21/zh"};
	check_robot_waits("robot.db", msg);
}

/* --redeliver right after a delivery: the robot took 20 messages in the last minute (one-part
 * articles, 55 s ago), and one of them is sent again on purpose (a corrected article). The
 * robot still counts all 20, so the message waits for the minute to pass and is accepted.
 * Before, forgetting the report forgot its send time too: 19 were counted, the message went
 * out at once, and the robot refused it ("errcode 130101: send too fast") and throttled
 * itself for 10 minutes. */
static void
test_redeliver_robot_minute(void)
{
	struct deliver_message msg = {.title = "Article", .markdown = "One story, corrected.\n", .report = "article/s1/zh",
	                              .redeliver = 1};
	check_robot_waits("robot-redeliver.db", msg);
}

/* A Feishu (Lark) custom bot takes 5 messages a second and 100 a minute, and refuses the
 * others: a digest cut into many parts must go out no faster. Here a long report in 6 parts
 * or more: by the sink's arrival times, no 6 requests came within a second (the 6th at least
 * a second after the 1st of any run of six). Before, the parts went out back to back, many a
 * second, and the bot refused the report half-way. */
static void
test_feishu_pace(void)
{
	struct config cfg;
	char text[512], db[4300];
	snprintf(text, sizeof text, "[deliver \"fs\"]\ntype = feishu\nurl = %s/open-apis/bot/v2/hook/PACE\n", base);
	load_config(&cfg, text);
	snprintf(db, sizeof db, "%s/feishu-pace.db", test_tmpdir());
	struct store st;
	struct err e = {""};
	CHECK_INT(store_open(&st, db, &e), 0);
	struct buf md = BUF_INIT;
	long_markdown(&md, 250);
	struct deliver_message msg = {.title = "Daily", .markdown = buf_str(&md), .store = &st,
	                              .report = "daily/2026-02-21/zh"};
	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{\"code\":0,\"msg\":\"success\"}", 0);
	int rc = deliver_send(&cfg, "fs", &msg, &e);
	if (rc != 0)
		fprintf(stderr, "feishu: %s\n", e.msg);
	CHECK_INT(rc, 0);
	size_t n = http_sink_count(sink);
	CHECK(n >= 6);
	for (size_t i = 5; i < n; i++) {
		double gap = http_sink_request(sink, i)->at - http_sink_request(sink, i - 5)->at;
		if (gap < 1.0)
			fprintf(stderr, "feishu: requests %zu and %zu came %.3f s apart\n", i - 4, i + 1, gap);
		CHECK(gap >= 1.0);
	}
	http_sink_reset(sink);
	buf_free(&md);
	store_close(&st);
	config_free(&cfg);
}

/* A Feishu bot that another program drives too refuses a message over its limit with HTTP 400
 * and {"code":9499,"msg":"too many request"} (or code 11232, frequency limited, inside a 200):
 * brief's pacing cannot know those messages, so the part is tried again after a wait, as a
 * 429 is, and the report goes out whole. Before, the refusal failed the delivery at that part
 * ("code 9499: too many request"). */
static void
test_feishu_too_many(void)
{
	struct config cfg;
	char text[512];
	snprintf(text, sizeof text, "[deliver \"fs\"]\ntype = feishu\nurl = %s/open-apis/bot/v2/hook/BUSY\n", base);
	load_config(&cfg, text);
	struct deliver_message msg = {.title = "Daily", .markdown = "The day's stories.\n"};
	static const struct {
		int status;
		const char *body;
	} refusals[] = {
		{400, "{\"code\":9499,\"msg\":\"too many request\",\"data\":{}}"},
		{200, "{\"code\":11232,\"msg\":\"frequency limited psm[lark.oapi.app_platform_runtime]appID[1]\"}"},
	};
	for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
		struct err e = {""};
		http_sink_reset(sink);
		http_sink_answer(sink, 200, "{\"code\":0,\"msg\":\"success\"}", 0);
		http_sink_refuse(sink, 2, refusals[i].status, refusals[i].body);
		int rc = deliver_send(&cfg, "fs", &msg, &e);
		if (rc != 0)
			fprintf(stderr, "feishu refused with %d: %s\n", refusals[i].status, e.msg);
		CHECK_INT(rc, 0);
		CHECK_INT(http_sink_count(sink), 3); /* two refusals, then accepted */
	}
	/* Any other error code still fails at once. */
	struct err e = {""};
	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}", 0);
	CHECK_INT(deliver_send(&cfg, "fs", &msg, &e), -1);
	CHECK_INT(http_sink_count(sink), 1);
	http_sink_reset(sink);
	config_free(&cfg);
}

/* A 2xx answer that is not the service's (an HTML page from a proxy, a captive portal or a
 * mistyped host that serves a site) is no acceptance: the channels whose API answers JSON
 * with a code (DingTalk, WeCom, Feishu, Telegram, Discord) fail the part, and the delivery
 * log does not count it, so the rerun sends it. Before, any body that was not JSON passed:
 * the parts were logged as delivered and no rerun sent them. Discord's 204 (no body) passes. */
static void
test_html_200_not_accepted(void)
{
	struct config cfg;
	char text[1024], db[4300];
	snprintf(text, sizeof text,
	         "[deliver \"dt\"]\ntype = dingtalk\nurl = %s/robot/send?access_token=tok\n"
	         "[deliver \"wc\"]\ntype = wecom\nurl = %s/cgi-bin/webhook/send?key=k\n"
	         "[deliver \"fs\"]\ntype = feishu\nurl = %s/open-apis/bot/v2/hook/h\n"
	         "[deliver \"tg\"]\ntype = telegram\nbot_token = 1:T\nchat_id = 5\napi_base = %s\n"
	         "[deliver \"dc\"]\ntype = discord\nurl = %s/api/webhooks/1/t\n",
	         base, base, base, base, base);
	load_config(&cfg, text);
	snprintf(db, sizeof db, "%s/html200.db", test_tmpdir());
	struct store st;
	struct err e = {""};
	CHECK_INT(store_open(&st, db, &e), 0);
	struct deliver_message msg = {.title = "Daily", .markdown = "The day's stories.\n", .store = &st,
	                              .report = "daily/2026-02-21/zh"};
	static const char *const names[] = {"dt", "wc", "fs", "tg", "dc"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		http_sink_reset(sink);
		http_sink_answer(sink, 200, "<html><body>Welcome to the network</body></html>", 0);
		e.msg[0] = '\0';
		int rc = deliver_send(&cfg, names[i], &msg, &e);
		if (rc != -1)
			fprintf(stderr, "%s: an HTML page with 200 taken as accepted (rc %d)\n", names[i], rc);
		CHECK_INT(rc, -1);
		CHECK(strstr(e.msg, "HTTP 200") != NULL);
		/* The service back: the part goes out. */
		http_sink_reset(sink);
		CHECK_INT(deliver_send(&cfg, names[i], &msg, &e), 0);
		CHECK_INT(http_sink_count(sink), 1);
	}
	/* Discord's 204 with no body is its success. */
	msg.report = "daily/2026-02-22/zh";
	http_sink_reset(sink);
	http_sink_answer(sink, 204, "", 0);
	CHECK_INT(deliver_send(&cfg, "dc", &msg, &e), 0);
	http_sink_reset(sink);
	store_close(&st);
	config_free(&cfg);
}

/* base64(HMAC-SHA256(key, msg)) computed here, independently of sign.c. */
static void
hmac_b64(const char *key, size_t klen, const char *msg, size_t mlen, char out[64])
{
	unsigned char mac[32];
	unsigned int ml = 0;
	HMAC(EVP_sha256(), key, (int)klen, (const unsigned char *)msg, mlen, mac, &ml);
	EVP_EncodeBlock((unsigned char *)out, mac, (int)ml);
}

static void
test_signed_channels(void)
{
	/* RFC 4231 test case 2: key "Jefe". */
	char b64[64];
	CHECK_INT(sign_hmac_sha256_b64("Jefe", 4, "what do ya want for nothing?", 28, b64, sizeof b64), 0);
	CHECK_STR(b64, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");

	struct config cfg;
	char text[2048];
	snprintf(text, sizeof text,
	         "[deliver \"ding\"]\ntype = dingtalk\nurl = %s/robot/send?access_token=DTOKEN\nsecret = SECabc+/=\n"
	         "[deliver \"dingplain\"]\ntype = dingtalk\nurl = %s/robot/send?access_token=DTOKEN\n"
	         "[deliver \"fs\"]\ntype = feishu\nurl = %s/open-apis/bot/v2/hook/FSHOOK\nsecret = fsSecret\n",
	         base, base, base);
	load_config(&cfg, text);
	struct buf md = BUF_INIT;
	long_markdown(&md, 100);
	struct deliver_message msg = sample_message(&md);
	struct err e = {""};

	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}", 0);
	CHECK_INT(deliver_send(&cfg, "ding", &msg, &e), 0);
	check_parts("markdown.text", 18000, SPLIT_BYTES, 2);
	for (size_t i = 0; i < http_sink_count(sink); i++) {
		const struct sink_request *r = http_sink_request(sink, i);
		char token[64], ts[64], sign[128], want[64];
		CHECK(sink_query(r, "access_token", token, sizeof token) == 0 && strcmp(token, "DTOKEN") == 0);
		CHECK(sink_query(r, "timestamp", ts, sizeof ts) == 0 && strlen(ts) == 13);
		CHECK(sink_query(r, "sign", sign, sizeof sign) == 0);
		char to_sign[128];
		snprintf(to_sign, sizeof to_sign, "%s\nSECabc+/=", ts);
		hmac_b64("SECabc+/=", 9, to_sign, strlen(to_sign), want);
		CHECK_STR(sign, want);
		json_t *j = body_json(r);
		CHECK_STR(jget(j, "msgtype"), "markdown");
		CHECK_STR(jget(j, "markdown.title"), msg.title);
		json_decref(j);
	}
	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}", 0);
	CHECK_INT(deliver_send(&cfg, "dingplain", &msg, &e), 0);
	const struct sink_request *r = http_sink_request(sink, 0);
	char v[64];
	CHECK(r && sink_query(r, "sign", v, sizeof v) < 0 && sink_query(r, "timestamp", v, sizeof v) < 0);
	http_sink_answer(sink, 200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}", 0);
	CHECK_INT(deliver_send(&cfg, "ding", &msg, &e), -1);
	CHECK(strstr(e.msg, "errcode 310000: sign not match") != NULL);
	CHECK(strstr(e.msg, "DTOKEN") == NULL && strstr(e.msg, "SECabc") == NULL);

	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{\"code\":0,\"msg\":\"success\"}", 0);
	CHECK_INT(deliver_send(&cfg, "fs", &msg, &e), 0);
	size_t n = http_sink_count(sink);
	CHECK(n >= 2);
	for (size_t i = 0; i < n; i++) {
		r = http_sink_request(sink, i);
		CHECK_STR(r->path, "/open-apis/bot/v2/hook/FSHOOK");
		json_t *j = body_json(r);
		CHECK_STR(jget(j, "msg_type"), "interactive");
		CHECK_STR(jget(j, "card.header.title.content"), msg.title);
		json_t *el = json_array_get(json_object_get(json_object_get(j, "card"), "elements"), 0);
		CHECK_STR(jget(el, "tag"), "markdown");
		const char *content = jget(el, "content");
		char num[32];
		snprintf(num, sizeof num, "(%zu/%zu)\n", i + 1, n);
		CHECK(content && str_starts(content, num) && strlen(content) <= 18000);
		const char *ts = jget(j, "timestamp"), *sign = jget(j, "sign");
		CHECK(ts && sign && strlen(ts) == 10);
		if (ts && sign) {
			char key[128], want[64];
			snprintf(key, sizeof key, "%s\nfsSecret", ts);
			hmac_b64(key, strlen(key), "", 0, want);
			CHECK_STR(sign, want);
		}
		json_decref(j);
	}
	http_sink_answer(sink, 200, "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour\"}", 0);
	CHECK_INT(deliver_send(&cfg, "fs", &msg, &e), -1);
	CHECK(strstr(e.msg, "code 19021: sign match fail") != NULL);
	CHECK(strstr(e.msg, "fsSecret") == NULL && strstr(e.msg, "FSHOOK") == NULL);
	http_sink_reset(sink);
	buf_free(&md);
	config_free(&cfg);
}

/* DingTalk takes a request of at most 20,000 bytes, Feishu a card of 30 KB: the JSON as sent,
 * where each '"', '\\' and line break of the text takes two bytes. Before, the parts were cut
 * at 18,000 bytes of text, so a digest of short lines with quotes went out as requests of
 * 24,000 bytes and more, which the services refuse. Every request fits; no line is lost. */
static void
test_signed_request_size(void)
{
	struct config cfg;
	char text[512];
	snprintf(text, sizeof text,
	         "[deliver \"ding\"]\ntype = dingtalk\nurl = %s/robot/send?access_token=D\n"
	         "[deliver \"fs\"]\ntype = feishu\nurl = %s/open-apis/bot/v2/hook/H\n",
	         base, base);
	load_config(&cfg, text);
	struct buf md = BUF_INIT;
	for (int i = 0; i < 3000; i++)
		buf_printf(&md, "- \"\"\"\"\"\"%d\"\"\"\"\"\" \\\"q\\\"\n", i);
	struct deliver_message msg = {.title = "Daily \"quoted\" title", .markdown = buf_str(&md)};
	static const struct {
		const char *name, *answer;
		size_t max;
	} ch[] = {{"ding", "{\"errcode\":0}", 20000}, {"fs", "{\"code\":0}", 30000}};
	for (size_t k = 0; k < sizeof ch / sizeof *ch; k++) {
		struct err e = {""};
		http_sink_reset(sink);
		http_sink_answer(sink, 200, ch[k].answer, 0);
		CHECK_INT(deliver_send(&cfg, ch[k].name, &msg, &e), 0);
		struct buf all = BUF_INIT;
		size_t biggest = 0;
		for (size_t i = 0; i < http_sink_count(sink); i++) {
			const struct sink_request *r = http_sink_request(sink, i);
			if (r->body.len > biggest)
				biggest = r->body.len;
			json_t *j = body_json(r);
			const char *t = jget(j, "markdown.text");
			json_t *el = json_array_get(json_object_get(json_object_get(j, "card"), "elements"), 0);
			if (!t)
				t = jget(el, "content");
			buf_puts(&all, t ? t : "");
			json_decref(j);
		}
		if (biggest > ch[k].max)
			fprintf(stderr, "%s: a request of %zu bytes\n", ch[k].name, biggest);
		CHECK(biggest > 0 && biggest <= ch[k].max);
		int lost = 0;
		for (int i = 0; i < 3000; i++) {
			char line[64];
			snprintf(line, sizeof line, "\"\"\"\"\"\"%d\"\"\"\"\"\" ", i);
			lost += strstr(buf_str(&all), line) == NULL;
		}
		CHECK_INT(lost, 0);
		buf_free(&all);
	}
	/* A title (feed or model text) of 12,000 quote characters: the request still fits. */
	struct buf title = BUF_INIT;
	for (int i = 0; i < 12000; i++)
		buf_putc(&title, '"');
	struct deliver_message big = {.title = buf_str(&title), .markdown = "body\n"};
	struct err e = {""};
	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{\"errcode\":0}", 0);
	CHECK_INT(deliver_send(&cfg, "ding", &big, &e), 0);
	const struct sink_request *r = http_sink_request(sink, 0);
	CHECK(r && r->body.len <= 20000);
	buf_free(&title);
	http_sink_reset(sink);
	buf_free(&md);
	config_free(&cfg);
}

static void
test_email(void)
{
	struct smtp_sink *ok = smtp_sink_start(NULL);
	struct smtp_sink_opts reject = {.reject_rcpt = 1};
	struct smtp_sink *bad = smtp_sink_start(&reject);
	struct config cfg;
	char text[2048];
	snprintf(text, sizeof text,
	         "[deliver \"mail\"]\ntype = email\nsmtp_url = smtp://127.0.0.1:%d\nfrom = Brief Bot <bot@example.org>\n"
	         "to = a@example.org, Bea <b@example.org>; \"Doe, John\" <c@example.org>\nusername = bot\n"
	         "password = hunter2pw\nstarttls = no\n"
	         "[deliver \"reject\"]\ntype = email\nsmtp_url = smtp://127.0.0.1:%d\nfrom = bot@example.org\n"
	         "to = nobody@example.org\npassword = hunter2pw\nstarttls = no\n"
	         "[deliver \"musttls\"]\ntype = email\nsmtp_url = smtp://127.0.0.1:%d\nfrom = bot@example.org\n"
	         "to = a@example.org\nstarttls = yes\n",
	         smtp_sink_port(ok), smtp_sink_port(bad), smtp_sink_port(ok));
	load_config(&cfg, text);
	struct buf md = BUF_INIT;
	long_markdown(&md, 2);
	struct deliver_message msg = sample_message(&md);
	struct err e = {""};

	CHECK_INT(deliver_send(&cfg, "mail", &msg, &e), 0);
	if (e.msg[0])
		fprintf(stderr, "email: %s\n", e.msg);
	struct smtp_mail m;
	smtp_sink_last(ok, 1, &m);
	CHECK(m.done);
	CHECK_STR(buf_str(&m.mail_from), "<bot@example.org>");
	/* A display name may hold the list's comma when quoted (RFC 5322): three recipients,
	 * not a fourth "<\"Doe>" the server refuses. */
	CHECK_STR(buf_str(&m.rcpts), "<a@example.org>\n<b@example.org>\n<c@example.org>\n");
	/* AUTH PLAIN with base64("\0bot\0hunter2pw"). */
	CHECK(strstr(buf_str(&m.log), "AUTH PLAIN") != NULL);
	CHECK(strstr(buf_str(&m.log), "AGJvdABodW50ZXIycHc=") != NULL);
	const char *d = buf_str(&m.data);
	CHECK(strstr(d, "From: Brief Bot <bot@example.org>\r\n") != NULL);
	/* Written again with commas between addresses, one a line: ';' is no list separator in a
	 * header (RFC 5322), where a client reads it as the end of a group. */
	CHECK(strstr(d, "To: a@example.org,\r\n Bea <b@example.org>,\r\n \"Doe, John\" <c@example.org>\r\n") != NULL);
	/* "技术日报 2026-02-21" as a UTF-8 B encoded-word. */
	CHECK(strstr(d, "Subject: =?UTF-8?B?5oqA5pyv5pel5oqlIDIwMjYtMDItMjE=?=\r\n") != NULL);
	CHECK(strstr(d, "Message-ID: <") != NULL && strstr(d, "Date: ") != NULL);
	CHECK(str_icasestr(d, strlen(d), "Content-Type: multipart/alternative; boundary=") != NULL);
	CHECK(str_icasestr(d, strlen(d), "Content-Type: text/plain; charset=utf-8") != NULL);
	CHECK(str_icasestr(d, strlen(d), "Content-Type: text/html; charset=utf-8") != NULL);
	CHECK(str_icasestr(d, strlen(d), "Content-Transfer-Encoding: quoted-printable") != NULL);
	/* The text part comes before the HTML part (clients show the last one they can). */
	const char *tp = str_icasestr(d, strlen(d), "text/plain"), *hp = str_icasestr(d, strlen(d), "text/html");
	CHECK(tp && hp && tp < hp);
	CHECK(strstr(d, "&lt;b&gt;") != NULL); /* the HTML, quoted-printable keeps ASCII */
	CHECK(strstr(d, ".dot line stays") != NULL); /* dot-stuffing undone by the sink */
	if (getenv("BRIEF_TEST_SHOW_MAIL"))
		fputs(d, stderr);
	smtp_mail_free(&m);

	CHECK_INT(deliver_send(&cfg, "reject", &msg, &e), -1);
	CHECK(strstr(e.msg, "deliver reject (email): cannot send via 127.0.0.1:") != NULL);
	CHECK(strstr(e.msg, "550") != NULL);
	CHECK(strstr(e.msg, "hunter2pw") == NULL);

	/* starttls = yes and a server without STARTTLS: refuse rather than send in the clear. */
	CHECK_INT(deliver_send(&cfg, "musttls", &msg, &e), -1);
	CHECK(strstr(e.msg, "deliver musttls (email)") != NULL);
	smtp_sink_last(ok, 2, &m);
	CHECK(!m.done);
	CHECK(strstr(buf_str(&m.log), "MAIL FROM") == NULL);
	smtp_mail_free(&m);

	smtp_sink_stop(ok);
	smtp_sink_stop(bad);
	buf_free(&md);
	config_free(&cfg);
}

/* Telegram's limit counts the text after HTML parsing (tags removed, entities decoded). */
static size_t
telegram_visible_units(const char *html)
{
	struct buf v = BUF_INIT;
	for (const char *p = html; *p;) {
		if (*p == '<') {
			const char *gt = strchr(p, '>');
			p = gt ? gt + 1 : p + strlen(p);
		} else if (*p == '&') {
			const char *semi = strchr(p, ';');
			buf_putc(&v, '?'); /* &lt; &gt; &amp; &quot;: one character */
			p = semi ? semi + 1 : p + 1;
		} else {
			buf_putc(&v, *p++);
		}
	}
	size_t n = split_measure(v.data ? v.data : "", v.len, SPLIT_UTF16);
	buf_free(&v);
	return n;
}

/* A quote line without its space (">x", or a lone ">" between quoted paragraphs) becomes
 * "┃ x": one character longer than the Markdown the part was measured on, so a part of such
 * lines must still fit 4096 once Telegram has parsed it. */
static void
test_telegram_quote_growth(void)
{
	struct config cfg;
	char text[512];
	snprintf(text, sizeof text,
	         "[deliver \"tg\"]\ntype = telegram\nbot_token = 123456:SECRET-TOKEN\nchat_id = 1\napi_base = %s\n", base);
	load_config(&cfg, text);
	struct buf md = BUF_INIT;
	for (int i = 0; i < 3000; i++)
		buf_puts(&md, i % 2 ? ">\n" : "> quoted line\n");
	struct deliver_message msg = {.title = "T", .markdown = md.data};
	struct err e = {""};
	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{\"ok\":true}", 0);
	CHECK_INT(deliver_send(&cfg, "tg", &msg, &e), 0);
	size_t n = http_sink_count(sink);
	CHECK(n >= 2);
	for (size_t i = 0; i < n; i++) {
		json_t *j = body_json(http_sink_request(sink, i));
		const char *t = jget(j, "text");
		size_t units = t ? telegram_visible_units(t) : 0;
		if (units > 4096)
			fprintf(stderr, "telegram part %zu/%zu: %zu visible UTF-16 units\n", i + 1, n, units);
		CHECK(t && units <= 4096);
		json_decref(j);
	}
	http_sink_reset(sink);
	buf_free(&md);
	config_free(&cfg);
}

/* The title is feed/model text: it must not bring WeCom's mention syntax (<@userid>, <@all>)
 * into the markdown the bot posts. */
static void
test_wecom_title_mention(void)
{
	struct config cfg;
	char text[512];
	snprintf(text, sizeof text, "[deliver \"wecom\"]\ntype = wecom\nurl = %s/cgi-bin/webhook/send?key=K\n", base);
	load_config(&cfg, text);
	struct deliver_message msg = {.title = "<@all> 紧急 <@zhangsan>", .markdown = "body\n"};
	json_t *j = sent_json(&cfg, "wecom", "{\"errcode\":0,\"errmsg\":\"ok\"}", &msg);
	const char *c = jget(j, "markdown.content");
	if (c && strstr(c, "<@"))
		fprintf(stderr, "wecom content: %s\n", c);
	CHECK(c && strstr(c, "<@all>") == NULL && strstr(c, "<@zhangsan>") == NULL);
	json_decref(j);
	http_sink_reset(sink);
	config_free(&cfg);
}

/* Telegram makes "@name" a mention in HTML and plain messages alike: a digest quoting feed
 * text ("thanks @durov", a title "@all_admins 紧急") notified those group members. The '@' of a
 * mention is made the fullwidth U+FF20; one inside an address or a URL is kept. */
static void
test_telegram_mention(void)
{
	struct config cfg;
	char text[512];
	snprintf(text, sizeof text,
	         "[deliver \"tg\"]\ntype = telegram\nbot_token = 1:T\nchat_id = -100\napi_base = %s\n"
	         "[deliver \"tgplain\"]\ntype = telegram\nbot_token = 1:T\nchat_id = -100\napi_base = %s\n"
	         "parse_mode = plain\n",
	         base, base);
	load_config(&cfg, text);
	const char *md = "- thanks @durov (@all\\_admins) and **@bob_1**\n"
	                 "- mail a@b.example, see [her post](https://medium.com/@ann/x) or https://t.me/@chan now\n";
	struct deliver_message msg = {.title = "@durov 紧急", .markdown = md};
	const char *const names[] = {"tg", "tgplain"};
	for (size_t i = 0; i < 2; i++) {
		json_t *j = sent_json(&cfg, names[i], "{\"ok\":true}", &msg);
		const char *t = jget(j, "text");
		int ok = t && !strstr(t, "@durov") && !strstr(t, "@all") && !strstr(t, "@bob") &&
		         strstr(t, "＠durov 紧急") && strstr(t, "thanks ＠durov (＠all") && strstr(t, "＠bob_1") &&
		         strstr(t, "a@b.example") && strstr(t, "https://medium.com/@ann/x") && strstr(t, "https://t.me/@chan now");
		if (!ok)
			fprintf(stderr, "telegram %s text: %s\n", names[i], t ? t : "(none)");
		CHECK(ok);
		json_decref(j);
	}
	http_sink_reset(sink);
	config_free(&cfg);
}

/* Feishu's card markdown has a mention tag too (<at id=all></at>, <at id=ou_x></at>): feed
 * text carrying one (a title the digest shows, escaped for Markdown as \<at id=all\>, which the
 * card does not unescape as Markdown does) is not to ping the group. */
static void
test_feishu_mention(void)
{
	struct config cfg;
	char text[512];
	snprintf(text, sizeof text, "[deliver \"fs\"]\ntype = feishu\nurl = %s/open-apis/bot/v2/hook/M\n", base);
	load_config(&cfg, text);
	struct deliver_message msg = {.title = "digest",
	                              .markdown = "1. \\<at id=all\\>\\</at\\> 紧急 <AT id=ou_1></at> <at\temail=a@b.c>\n"};
	json_t *j = sent_json(&cfg, "fs", "{\"code\":0,\"msg\":\"ok\"}", &msg);
	json_t *el = json_array_get(json_object_get(json_object_get(j, "card"), "elements"), 0);
	const char *c = json_string_value(json_object_get(el, "content"));
	if (c && (str_icasestr(c, strlen(c), "<at ") || str_icasestr(c, strlen(c), "<at\t")))
		fprintf(stderr, "feishu content: %s\n", c);
	CHECK(c && !str_icasestr(c, strlen(c), "<at ") && !str_icasestr(c, strlen(c), "<at\t"));
	CHECK(c && strstr(c, "紧急") != NULL);
	json_decref(j);
	http_sink_reset(sink);
	config_free(&cfg);
}

/* Whether Markdown text s holds a link or image: "](" whose ']' no backslash escapes. */
static int
has_md_link(const char *s)
{
	for (const char *p = strstr(s, "]("); p; p = strstr(p + 1, "]("))
		if (p == s || p[-1] != '\\')
			return 1;
	return 0;
}

/* The title is feed or model text (an article's headline is the lead's feed title offline,
 * the model's online): the header line each chat channel puts before the body must show it
 * as text, not turn its link or image syntax into a link (a phishing link, a tracking image
 * loaded by every member's client) or its "**" into markup. */
static void
test_chat_title_markup(void)
{
	struct config cfg;
	char text[2048];
	snprintf(text, sizeof text,
	         "[deliver \"slack\"]\ntype = slack\nurl = %s/services/T0\n"
	         "[deliver \"discord\"]\ntype = discord\nurl = %s/api/webhooks/1/tok\n"
	         "[deliver \"wecom\"]\ntype = wecom\nurl = %s/cgi-bin/webhook/send?key=K\n"
	         "[deliver \"ding\"]\ntype = dingtalk\nurl = %s/robot/send?access_token=D\n"
	         "[deliver \"tg\"]\ntype = telegram\nbot_token = 1:T\nchat_id = 7\napi_base = %s\n",
	         base, base, base, base, base);
	load_config(&cfg, text);
	struct deliver_message msg = {
		.title = "Update [reset your password](https://evil.example/login) ![](https://evil.example/px.png) **x",
		.markdown = "body\n"};
	static const struct {
		const char *name, *field, *answer;
	} ch[] = {{"slack", "text", ""}, {"discord", "content", ""},
	          {"wecom", "markdown.content", "{\"errcode\":0}"}, {"ding", "markdown.text", "{\"errcode\":0}"},
	          {"tg", "text", "{\"ok\":true}"}};
	for (size_t k = 0; k < sizeof ch / sizeof *ch; k++) {
		json_t *j = sent_json(&cfg, ch[k].name, ch[k].answer, &msg);
		const char *c = jget(j, ch[k].field);
		int bad = !c || strstr(c, "evil.example/login") == NULL || strstr(c, "href=") ||
		          strstr(c, "<https://evil") || strstr(c, "<b>x") || (strcmp(ch[k].name, "tg") != 0 &&
		          strcmp(ch[k].name, "slack") != 0 && has_md_link(c));
		if (bad)
			fprintf(stderr, "%s: %s\n", ch[k].name, c ? c : "(no text)");
		CHECK(!bad);
		json_decref(j);
	}
	http_sink_reset(sink);
	config_free(&cfg);
}

/* The digest's story headings are linked titles ("### 1. [title](url)"). A heading's emphasis
 * marks are dropped (bold in bold), but an escaped '*' in the title is text: "A* search" must
 * reach Telegram and Slack as itself, linked, not as "A\ search" or a broken "[Rated 5\](…)". */
static void
test_heading_title_star(void)
{
	struct config cfg;
	char text[1024];
	snprintf(text, sizeof text,
	         "[deliver \"slack\"]\ntype = slack\nurl = %s/services/T0\n"
	         "[deliver \"tg\"]\ntype = telegram\nbot_token = 1:T\nchat_id = 7\napi_base = %s\n",
	         base, base);
	load_config(&cfg, text);
	static const char *const titles[] = {"A* search in 40 lines", "Rated 5*", "**Bold** claims"};
	static const char *const slack_titles[] = {"A\u2217 search in 40 lines", "Rated 5\u2217",
	                                           "\u2217\u2217Bold\u2217\u2217 claims"}; /* test_slack_marks */
	for (size_t k = 0; k < sizeof titles / sizeof *titles; k++) {
		struct buf md = BUF_INIT, want_tg = BUF_INIT, want_slack = BUF_INIT;
		buf_puts(&md, "## AI\n\n### 1. [");
		esc_md_inline(&md, titles[k]);
		buf_puts(&md, "](https://blog.example/p/1)\n\n**blog.example** · 2h\n");
		struct deliver_message msg = {.title = "Daily", .markdown = buf_str(&md)};
		buf_printf(&want_tg, "<b>1. <a href=\"https://blog.example/p/1\">%s</a></b>", titles[k]);
		buf_printf(&want_slack, "<https://blog.example/p/1|%s>", slack_titles[k]);
		json_t *j = sent_json(&cfg, "tg", "{\"ok\":true}", &msg);
		const char *t = jget(j, "text");
		if (!t || !strstr(t, buf_str(&want_tg)))
			fprintf(stderr, "tg: %s -> %s\n", titles[k], t ? t : "(none)");
		CHECK(t && strstr(t, buf_str(&want_tg)) != NULL);
		json_decref(j);
		j = sent_json(&cfg, "slack", "ok", &msg);
		t = jget(j, "text");
		if (!t || !strstr(t, buf_str(&want_slack)) || strchr(t, '\\'))
			fprintf(stderr, "slack: %s -> %s\n", titles[k], t ? t : "(none)");
		CHECK(t && strstr(t, buf_str(&want_slack)) != NULL && !strchr(t, '\\'));
		json_decref(j);
		buf_free(&md);
		buf_free(&want_tg);
		buf_free(&want_slack);
	}
	http_sink_reset(sink);
	config_free(&cfg);
}

/* A report with a [brand] cover starts with its image ("![](https://…/cover.png)"). Feishu's
 * card markdown takes an image only by its image_key and refuses the whole card for a URL
 * ("invalid image keys"); Discord and WeCom show the syntax as written, Telegram and Slack a
 * stray "!" before an empty link. No chat channel gets the image syntax; the rest arrives. */
static void
test_chat_brand_cover(void)
{
	struct config cfg;
	char text[2048];
	snprintf(text, sizeof text,
	         "[deliver \"feishu\"]\ntype = feishu\nurl = %s/open-apis/bot/v2/hook/H\n"
	         "[deliver \"ding\"]\ntype = dingtalk\nurl = %s/robot/send?access_token=D\n"
	         "[deliver \"wecom\"]\ntype = wecom\nurl = %s/cgi-bin/webhook/send?key=K\n"
	         "[deliver \"discord\"]\ntype = discord\nurl = %s/api/webhooks/1/tok\n"
	         "[deliver \"slack\"]\ntype = slack\nurl = %s/services/T0\n"
	         "[deliver \"tg\"]\ntype = telegram\nbot_token = 1:T\nchat_id = 7\napi_base = %s\n",
	         base, base, base, base, base, base);
	load_config(&cfg, text);
	struct deliver_message msg = {
		.title = "每日精选 2026-02-21",
		.markdown = "![](https://brand.example/img/cover.png)\n\n本刊由团队维护。\n\n# 📰 每日精选\n\n"
		            "正文 [原文](https://blog.example/p/1)\n"};
	static const struct {
		const char *name, *field, *answer;
	} ch[] = {{"feishu", "card", "{\"code\":0}"}, {"ding", "markdown.text", "{\"errcode\":0}"},
	          {"wecom", "markdown.content", "{\"errcode\":0}"}, {"discord", "content", ""},
	          {"slack", "text", ""}, {"tg", "text", "{\"ok\":true}"}};
	for (size_t k = 0; k < sizeof ch / sizeof *ch; k++) {
		json_t *j = sent_json(&cfg, ch[k].name, ch[k].answer, &msg);
		char *card = NULL;
		const char *c = jget(j, ch[k].field);
		if (strcmp(ch[k].field, "card") == 0)
			c = card = json_dumps(json_object_get(j, "card"), 0);
		int bad = !c || strstr(c, "![") || strstr(c, "cover.png") || !strstr(c, "本刊由团队维护") ||
		          !strstr(c, "https://blog.example/p/1");
		if (bad)
			fprintf(stderr, "%s: %s\n", ch[k].name, c ? c : "(no text)");
		CHECK(!bad);
		free(card);
		json_decref(j);
	}
	http_sink_reset(sink);
	config_free(&cfg);
}

/* The title fields a service shows as plain text (Feishu's card header, DingTalk's
 * notification title, Telegram's plain mode) carry no control character and no bidi control:
 * an override in a feed or model title would reorder what the group sees, an escape sequence
 * or a line break is no part of a title. */
static void
test_title_fields_clean(void)
{
	struct config cfg;
	char text[1024];
	snprintf(text, sizeof text,
	         "[deliver \"fs\"]\ntype = feishu\nurl = %s/open-apis/bot/v2/hook/H\n"
	         "[deliver \"ding\"]\ntype = dingtalk\nurl = %s/robot/send?access_token=D\n"
	         "[deliver \"tgplain\"]\ntype = telegram\nbot_token = 1:T\nchat_id = 7\nparse_mode = plain\n"
	         "api_base = %s\n",
	         base, base, base);
	load_config(&cfg, text);
	struct deliver_message msg = {.title = "Invoice \xe2\x80\xae" "fdp.exe \x1b[2Jx\r\ny \xe2\x81\xa7z\xe2\x81\xa9",
	                              .markdown = "body\n"};
	static const struct {
		const char *name, *field, *answer;
	} ch[] = {{"fs", "card.header.title.content", "{\"code\":0}"},
	          {"ding", "markdown.title", "{\"errcode\":0}"},
	          {"tgplain", "text", "{\"ok\":true}"}};
	for (size_t k = 0; k < sizeof ch / sizeof *ch; k++) {
		json_t *j = sent_json(&cfg, ch[k].name, ch[k].answer, &msg);
		const char *c = jget(j, ch[k].field);
		size_t bad = c ? 0 : 1, line = c ? strcspn(c, "\n") : 0;
		for (size_t i = 0; i < line; i++)
			bad += (unsigned char)c[i] < 0x20 || c[i] == 0x7f ||
			       (i + 2 < line && memcmp(c + i, "\xe2\x80\xae", 3) == 0) ||
			       (i + 2 < line && (unsigned char)c[i] == 0xe2 && (unsigned char)c[i + 1] == 0x81 &&
			        (unsigned char)c[i + 2] >= 0xa6 && (unsigned char)c[i + 2] <= 0xa9);
		if (bad || !strstr(c, "Invoice fdp.exe"))
			fprintf(stderr, "%s title: %s\n", ch[k].name, c ? c : "(none)");
		CHECK_INT(bad, 0);
		CHECK(c && strstr(c, "Invoice fdp.exe") && strstr(c, "y z"));
		json_decref(j);
	}
	http_sink_reset(sink);
	config_free(&cfg);
}

/* "HEADER (i/n)" must fit the limit also past 999 parts (the reserve assumes 3 digits). */
static void
test_split_many_parts(void)
{
	struct buf body = BUF_INIT, out = BUF_INIT;
	for (int i = 0; i < 12000; i++)
		buf_puts(&body, "wordsworth"); /* no space: cuts fill the window */
	size_t n = split_with_header(body.data, "H", 100, SPLIT_BYTES, &out);
	CHECK(n > 1000);
	size_t over = 0, worst = 0;
	for (const char *m = split_next(&out, NULL); m; m = split_next(&out, m))
		if (strlen(m) > 100) {
			over++;
			worst = strlen(m) > worst ? strlen(m) : worst;
		}
	if (over)
		fprintf(stderr, "split: %zu of %zu messages over 100 bytes (longest %zu)\n", over, n, worst);
	CHECK_INT(over, 0);
	buf_free(&body);
	buf_free(&out);
}

/* A config whose channel "mail" mails a@example.org from bot@example.org through the SMTP
 * sink s, without TLS. */
static void
load_mail_config(struct config *cfg, struct smtp_sink *s)
{
	char text[512];
	snprintf(text, sizeof text,
	         "[deliver \"mail\"]\ntype = email\nsmtp_url = smtp://127.0.0.1:%d\nfrom = bot@example.org\n"
	         "to = a@example.org\nstarttls = no\n",
	         smtp_sink_port(s));
	load_config(cfg, text);
}

/* A hostile title: no control character may reach the Subject header, and no header line may
 * pass SMTP's 998-octet limit (RFC 5321 4.5.3.1.6, RFC 5322 2.1.1). */
static void
test_email_hostile_subject(void)
{
	struct smtp_sink *ok = smtp_sink_start(NULL);
	struct config cfg;
	load_mail_config(&cfg, ok);
	struct buf title = BUF_INIT;
	buf_puts(&title, "News\x1b[2J\x0b\x0c\x7f end ");
	for (int i = 0; i < 120; i++)
		buf_puts(&title, "long title ");
	struct deliver_message msg = {.title = title.data, .text = "body\n"};
	struct err e = {""};
	CHECK_INT(deliver_send(&cfg, "mail", &msg, &e), 0);
	struct smtp_mail m;
	smtp_sink_last(ok, 1, &m);
	CHECK(m.done);
	const char *d = buf_str(&m.data);
	const char *subj = strstr(d, "Subject: ");
	CHECK(subj != NULL);
	if (subj) {
		size_t len = strcspn(subj, "\r\n"), ctl = 0;
		for (size_t i = 0; i < len; i++)
			ctl += (unsigned char)subj[i] < 0x20 || subj[i] == 0x7f;
		if (ctl || len > 998)
			fprintf(stderr, "email: Subject line of %zu octets with %zu control characters\n", len, ctl);
		CHECK_INT(ctl, 0);
		CHECK(len <= 998);
	}
	/* The same for a non-ASCII title: encoded-words on one line. */
	buf_clear(&title);
	for (int i = 0; i < 120; i++)
		buf_puts(&title, "标题很长 ");
	msg.title = title.data;
	CHECK_INT(deliver_send(&cfg, "mail", &msg, &e), 0);
	smtp_mail_free(&m);
	smtp_sink_last(ok, 2, &m);
	d = buf_str(&m.data);
	subj = strstr(d, "Subject: ");
	size_t len = subj ? strcspn(subj, "\r\n") : 0;
	if (len > 998)
		fprintf(stderr, "email: non-ASCII Subject line of %zu octets\n", len);
	CHECK(subj && len <= 998);
	smtp_mail_free(&m);
	/* A right-to-left override in the title (feed or model text) would reorder the subject a
	 * mail client shows ("Invoice \u202Efdp.exe" reads "Invoice exe.pdf"): the bidi controls
	 * the report's escapers drop are dropped here too. */
	msg.title = "Invoice \xe2\x80\xae" "fdp.exe \xe2\x81\xa6x\xe2\x81\xa9";
	CHECK_INT(deliver_send(&cfg, "mail", &msg, &e), 0);
	smtp_sink_last(ok, 3, &m);
	d = buf_str(&m.data);
	subj = strstr(d, "Subject: ");
	struct buf decoded = BUF_INIT; /* the encoded-words' text, or the line as it is */
	for (const char *w = subj; w && (w = strstr(w, "=?UTF-8?B?")) != NULL;) {
		w += 10;
		size_t wl = strcspn(w, "?");
		static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		unsigned bits = 0, nbits = 0;
		for (size_t i = 0; i < wl && w[i] != '='; i++) {
			const char *c = strchr(b64, w[i]);
			bits = (bits << 6) | (unsigned)(c ? c - b64 : 0);
			if ((nbits += 6) >= 8) {
				nbits -= 8;
				buf_putc(&decoded, (char)((bits >> nbits) & 0xff));
			}
		}
		w += wl;
	}
	if (!decoded.len && subj)
		buf_append(&decoded, subj, strcspn(subj, "\r\n"));
	const char *t = buf_str(&decoded);
	if (!strstr(t, "fdp.exe") || strstr(t, "\xe2\x80\xae") || strstr(t, "\xe2\x81\xa6") || strstr(t, "\xe2\x81\xa9"))
		fprintf(stderr, "email: subject %s\n", t);
	CHECK(strstr(t, "Invoice fdp.exe x") != NULL);
	buf_free(&decoded);
	smtp_mail_free(&m);
	smtp_sink_stop(ok);
	buf_free(&title);
	config_free(&cfg);
}

/* The header `name` of the mail d, unfolded, its encoded-words (=?UTF-8?B?...?=) decoded and
 * the whitespace between two of them dropped (RFC 2047 6.2), into out. */
static void
decoded_header(const char *d, const char *name, struct buf *out)
{
	const char *h = strstr(d, name);
	size_t end = 0;
	if (!h)
		return;
	while (h[end] && !(h[end] == '\r' && h[end + 1] == '\n' && h[end + 2] != ' ' && h[end + 2] != '\t'))
		end++;
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	int after_word = 0;
	for (size_t i = strlen(name); i < end;) {
		if (strncmp(h + i, "=?UTF-8?B?", 10) == 0) {
			i += 10;
			unsigned bits = 0, nbits = 0;
			for (; i < end && h[i] != '?'; i++) {
				const char *c = strchr(b64, h[i]);
				if (h[i] == '=' || !c)
					continue;
				bits = (bits << 6) | (unsigned)(c - b64);
				if ((nbits += 6) >= 8) {
					nbits -= 8;
					buf_putc(out, (char)((bits >> nbits) & 0xff));
				}
			}
			i += 2; /* "?=" */
			after_word = 1;
			continue;
		}
		size_t ws = strspn(h + i, "\r\n \t");
		if (ws && after_word && strncmp(h + i + ws, "=?UTF-8?B?", 10) == 0) {
			i += ws;
			continue;
		}
		if (h[i] != '\r' && h[i] != '\n')
			buf_putc(out, h[i]);
		after_word = 0;
		i++;
	}
}

/* A Chinese display name in "from" or "to" ("技术日报 <bot@...>") is written as encoded-words:
 * a mail header is 7-bit (RFC 5322; brief does not ask for SMTPUTF8), and raw UTF-8 names are
 * refused by strict servers or shown garbled. The names read back as configured. */
static void
test_email_utf8_names(void)
{
	struct smtp_sink *ok = smtp_sink_start(NULL);
	struct config cfg;
	char text[512];
	snprintf(text, sizeof text,
	         "[deliver \"mail\"]\ntype = email\nsmtp_url = smtp://127.0.0.1:%d\nfrom = 技术日报 <bot@example.org>\n"
	         "to = 张三 <a@example.org>, \"李四, 编辑\" <b@example.org>, c@example.org\nstarttls = no\n",
	         smtp_sink_port(ok));
	load_config(&cfg, text);
	struct deliver_message msg = {.title = "Daily 2026-02-21", .text = "正文\n", .html = "<p>正文</p>"};
	struct err e = {""};
	CHECK_INT(deliver_send(&cfg, "mail", &msg, &e), 0);
	struct smtp_mail m;
	smtp_sink_last(ok, 1, &m);
	CHECK(m.done);
	CHECK_STR(buf_str(&m.rcpts), "<a@example.org>\n<b@example.org>\n<c@example.org>\n");
	const char *d = buf_str(&m.data);
	const char *body = strstr(d, "\r\n\r\n");
	size_t eight_bit = 0;
	for (const char *p = d; body && p < body; p++)
		eight_bit += (unsigned char)*p >= 0x80;
	if (eight_bit)
		fprintf(stderr, "email: %zu 8-bit octets in the header\n", eight_bit);
	CHECK(body != NULL && eight_bit == 0);
	struct buf from = BUF_INIT, to = BUF_INIT;
	decoded_header(d, "From: ", &from);
	decoded_header(d, "To: ", &to);
	CHECK_STR(buf_str(&from), "技术日报 <bot@example.org>");
	CHECK(strstr(buf_str(&to), "张三 <a@example.org>") != NULL);
	CHECK(strstr(buf_str(&to), "李四, 编辑 <b@example.org>") != NULL);
	CHECK(strstr(buf_str(&to), "c@example.org") != NULL);
	buf_free(&from);
	buf_free(&to);
	smtp_mail_free(&m);
	smtp_sink_stop(ok);
	config_free(&cfg);
}

/* An ASCII title holding what looks like an RFC 2047 encoded-word (a feed's or a model's
 * headline "Read =?UTF-8?B?...?= now") went into the Subject as it was, and every mail
 * client decoded it: the recipient read "Read Admin: reset your password at evil.example
 * now", text that was in no title. Such a subject is written as encoded-words itself, so it
 * reads back as the title (RFC 2047 5: text that could be taken for an encoded-word must be
 * encoded). */
static void
test_email_subject_encoded_word(void)
{
	struct smtp_sink *ok = smtp_sink_start(NULL);
	struct config cfg;
	load_mail_config(&cfg, ok);
	/* base64 of "Admin: reset your password at evil.example" */
	const char *titles[] = {"Read =?UTF-8?B?QWRtaW46IHJlc2V0IHlvdXIgcGFzc3dvcmQgYXQgZXZpbC5leGFtcGxl?= now",
	                        "=?utf-8?q?Hi_there?=", "Daily 2026-02-21"};
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
		struct deliver_message msg = {.title = titles[i], .text = "body\n"};
		struct err e = {""};
		CHECK_INT(deliver_send(&cfg, "mail", &msg, &e), 0);
		struct smtp_mail m;
		smtp_sink_last(ok, (int)i + 1, &m);
		CHECK(m.done);
		struct buf subj = BUF_INIT;
		decoded_header(buf_str(&m.data), "Subject: ", &subj);
		CHECK_STR(buf_str(&subj), titles[i]);
		/* an encoded-word only where the title needs one: a plain title stays readable */
		CHECK(i < 2 || strstr(buf_str(&m.data), "Subject: Daily 2026-02-21\r\n") != NULL);
		buf_free(&subj);
		smtp_mail_free(&m);
	}
	smtp_sink_stop(ok);
	config_free(&cfg);
}

/* The "to" list as Outlook users copy it: names "Last, First" without quotes and ';' between
 * the addresses. Before, each comma started a recipient: RCPT TO:<Doe> went to the server
 * (which refuses it, and with it the whole mail: "RCPT failed: 550", no address named), and
 * the To header kept the ';'. A display name may also hold '<' when quoted. An entry that is
 * no address at all is refused before anything is sent, by its text. */
static void
test_email_outlook_list(void)
{
	struct smtp_sink *ok = smtp_sink_start(NULL);
	struct config cfg;
	char text[1024];
	snprintf(text, sizeof text,
	         "[deliver \"mail\"]\ntype = email\nsmtp_url = smtp://127.0.0.1:%d\nfrom = bot@example.org\n"
	         "to = Doe, Jane <jane@example.org>; Roe, Rick <rick@example.org>; \"Ops <on call>\" <ops@example.org>\n"
	         "starttls = no\n"
	         "[deliver \"typo\"]\ntype = email\nsmtp_url = smtp://127.0.0.1:%d\nfrom = bot@example.org\n"
	         "to = a@example.org, Ops Team\nstarttls = no\n",
	         smtp_sink_port(ok), smtp_sink_port(ok));
	load_config(&cfg, text);
	struct deliver_message msg = {.title = "Daily", .text = "body\n", .html = "<p>body</p>"};
	struct err e = {""};
	int rc = deliver_send(&cfg, "mail", &msg, &e);
	if (rc != 0)
		fprintf(stderr, "email: %s\n", e.msg);
	CHECK_INT(rc, 0);
	struct smtp_mail m;
	smtp_sink_last(ok, 1, &m);
	CHECK(m.done);
	CHECK_STR(buf_str(&m.rcpts), "<jane@example.org>\n<rick@example.org>\n<ops@example.org>\n");
	struct buf to = BUF_INIT;
	decoded_header(buf_str(&m.data), "To: ", &to);
	/* Three addresses a mail client parses back: names quoted, commas between, no ';'. */
	CHECK(strstr(buf_str(&to), "\"Doe, Jane\" <jane@example.org>,") != NULL);
	CHECK(strstr(buf_str(&to), "\"Roe, Rick\" <rick@example.org>,") != NULL);
	CHECK(strstr(buf_str(&to), "\"Ops <on call>\" <ops@example.org>") != NULL);
	CHECK(strchr(buf_str(&to), ';') == NULL);
	if (strchr(buf_str(&to), ';') || !strstr(buf_str(&to), "\"Doe, Jane\""))
		fprintf(stderr, "To: %s\n", buf_str(&to));
	buf_free(&to);
	smtp_mail_free(&m);

	e.msg[0] = '\0';
	CHECK_INT(deliver_send(&cfg, "typo", &msg, &e), -1);
	CHECK(strstr(e.msg, "deliver typo (email): to: \"Ops Team\" is not an email address") != NULL);
	if (!strstr(e.msg, "\"Ops Team\""))
		fprintf(stderr, "typo: %s\n", e.msg);
	smtp_sink_stop(ok);
	config_free(&cfg);
}

/* An email channel whose `to` list gained an address since the report went out: the rerun
 * mails the new address only (the To header still names the whole list, as the others got
 * it); a list that lost one, or is written otherwise, sends nothing. Before, the log knew the
 * list as a whole: any change to it sent the report again to every address, the ones that
 * had it too. */
static void
test_email_new_recipient(void)
{
	struct smtp_sink *ok = smtp_sink_start(NULL);
	struct config cfg;
	char text[1024], db[4300];
#define RCPT_CONF "[deliver \"mail\"]\ntype = email\nsmtp_url = smtp://127.0.0.1:%d\nfrom = bot@example.org\nto = %s\nstarttls = no\n"
	snprintf(text, sizeof text, RCPT_CONF, smtp_sink_port(ok), "a@example.org, Bee <b@example.org>");
	load_config(&cfg, text);
	snprintf(db, sizeof db, "%s/mail-rcpt.db", test_tmpdir());
	struct store st;
	struct err e = {""};
	CHECK_INT(store_open(&st, db, &e), 0);
	struct deliver_message msg = {.title = "Daily", .text = "body\n", .html = "<p>body</p>", .store = &st,
	                              .report = "daily/2026-02-21/zh"};
	CHECK_INT(deliver_send(&cfg, "mail", &msg, &e), 0);
	struct smtp_mail m;
	smtp_sink_last(ok, 1, &m);
	CHECK_STR(buf_str(&m.rcpts), "<a@example.org>\n<b@example.org>\n");
	smtp_mail_free(&m);
	config_free(&cfg);

	/* c added: c alone gets it, the To header naming all three. */
	snprintf(text, sizeof text, RCPT_CONF, smtp_sink_port(ok), "a@example.org, Bee <b@example.org>, c@example.org");
	load_config(&cfg, text);
	int rc = deliver_send(&cfg, "mail", &msg, &e);
	if (rc != 0)
		fprintf(stderr, "email to a new recipient: %d %s\n", rc, e.msg);
	CHECK_INT(rc, 0);
	smtp_sink_last(ok, 2, &m);
	CHECK_STR(buf_str(&m.rcpts), "<c@example.org>\n");
	struct buf to = BUF_INIT;
	decoded_header(buf_str(&m.data), "To: ", &to);
	CHECK(strstr(buf_str(&to), "a@example.org") && strstr(buf_str(&to), "c@example.org"));
	buf_free(&to);
	smtp_mail_free(&m);
	config_free(&cfg);

	/* b dropped and A written in capitals: everyone on the list has it; nothing is sent. */
	snprintf(text, sizeof text, RCPT_CONF, smtp_sink_port(ok), "A@Example.org; c@example.org");
	load_config(&cfg, text);
	CHECK_INT(deliver_send(&cfg, "mail", &msg, &e), 1);
	/* --redeliver: the whole list again. */
	msg.redeliver = 1;
	CHECK_INT(deliver_send(&cfg, "mail", &msg, &e), 0);
	smtp_sink_last(ok, 3, &m);
	CHECK_STR(buf_str(&m.rcpts), "<A@Example.org>\n<c@example.org>\n");
	smtp_mail_free(&m);
#undef RCPT_CONF
	store_close(&st);
	smtp_sink_stop(ok);
	config_free(&cfg);
}

/* A service that repeats the token from the URL's query in its error must not leak it: the
 * contract is that URL paths and queries never appear in an error. */
static void
test_redact_echoed_query_token(void)
{
	struct config cfg;
	char text[512];
	snprintf(text, sizeof text, "[deliver \"hook\"]\ntype = webhook\nurl = %s/hook?token=tok-9f8e7d6c\n", base);
	load_config(&cfg, text);
	struct deliver_message msg = {.title = "T", .markdown = "m"};
	struct err e = {""};
	http_sink_reset(sink);
	http_sink_answer(sink, 401, "unknown token tok-9f8e7d6c", 0);
	CHECK_INT(deliver_send(&cfg, "hook", &msg, &e), -1);
	if (strstr(e.msg, "tok-9f8e7d6c"))
		fprintf(stderr, "leaked: %s\n", e.msg);
	CHECK(strstr(e.msg, "tok-9f8e7d6c") == NULL);
	http_sink_reset(sink);
	config_free(&cfg);
}

/* Run `brief daily` offline on the fixture store home with config conf, delivering to
 * channels; stderr into err. Returns the exit status. */
static int
daily_deliver(const char *home, const char *conf, const char *channels, struct buf *err)
{
	char out[4400];
	snprintf(out, sizeof out, "%s/daily.md", home);
	const char *args[] = {"daily", "--home", home, "--no-fetch", "--offline", "--config", conf, "--now", WFX_NOW,
	                      "--out", out, "--deliver", channels, NULL};
	struct buf o = BUF_INIT;
	buf_clear(err);
	int rc = wfx_brief(args, NULL, &o, err);
	buf_free(&o);
	return rc;
}

/* The delivery log through the CLI: a digest split into parts whose delivery stopped part-way
 * (the service went away after part 1) is resumed by the rerun at part 2; a rerun after a
 * complete delivery sends nothing; the generic webhook (one request) is logged too. Before,
 * every rerun sent every part again: the readers got part 1 twice, and a whole second
 * copy of a digest that had gone out, when another channel's failure made the run exit 1. */
static void
test_cli_rerun_resumes(void)
{
	char home_a[4300], home_b[4300], conf[4300], text[1024];
	snprintf(home_a, sizeof home_a, "%s/home-log-a", test_tmpdir());
	snprintf(home_b, sizeof home_b, "%s/home-log-b", test_tmpdir());
	wfx_make_home(home_a);
	wfx_make_home(home_b);
	snprintf(conf, sizeof conf, "%s/deliverlog.conf", test_tmpdir());
	snprintf(text, sizeof text,
	         "[deliver \"dc\"]\ntype = discord\nurl = %s/dc\n[deliver \"hook\"]\ntype = webhook\nurl = %s/hook\n",
	         base, base);
	test_write_file(conf, text, strlen(text));
	struct buf err = BUF_INIT;

	/* How many parts the digest takes on Discord, from a delivery that is not cut short. */
	http_sink_reset(sink);
	CHECK_INT(daily_deliver(home_a, conf, "dc", &err), 0);
	size_t parts = http_sink_count(sink);
	CHECK(parts >= 3);
	if (parts < 3) {
		fprintf(stderr, "the digest went out in %zu parts; the test wants 3 or more\n%s", parts, buf_str(&err));
		buf_free(&err);
		return;
	}

	/* The same digest from another store, the service gone after part 1: exit 1. */
	http_sink_reset(sink);
	http_sink_drop_after(sink, 1);
	CHECK_INT(daily_deliver(home_b, conf, "dc", &err), 1);
	CHECK(strstr(buf_str(&err), "part 2/") != NULL);
	CHECK_INT(http_sink_count(sink), 1);
	/* The rerun sends parts 2..n only, each once, in order. */
	http_sink_reset(sink);
	int rc = daily_deliver(home_b, conf, "dc", &err);
	CHECK_INT(rc, 0);
	if (rc != 0)
		fprintf(stderr, "%s", buf_str(&err));
	CHECK_INT(http_sink_count(sink), parts - 1);
	for (size_t i = 0; i < http_sink_count(sink); i++) {
		json_t *j = body_json(http_sink_request(sink, i));
		const char *content = json_string_value(json_object_get(j, "content"));
		char want[32];
		snprintf(want, sizeof want, "(%zu/%zu)", i + 2, parts);
		if (!content || !strstr(content, want))
			fprintf(stderr, "request %zu of the rerun is not part %s: %.80s\n", i, want, content ? content : "?");
		CHECK(content && strstr(content, want) != NULL);
		json_decref(j);
	}
	/* Once the channel has the whole digest, a rerun sends it nothing and says so. */
	http_sink_reset(sink);
	CHECK_INT(daily_deliver(home_b, conf, "dc", &err), 0);
	CHECK_INT(http_sink_count(sink), 0);
	CHECK(strstr(buf_str(&err), "dc already has it") != NULL);
	/* --redeliver sends it whole again, on purpose, and logs it anew; without --deliver it is
	 * a usage error. */
	char out[4400];
	snprintf(out, sizeof out, "%s/daily.md", home_b);
	const char *again[] = {"daily", "--home", home_b, "--no-fetch", "--offline", "--config", conf, "--now", WFX_NOW,
	                       "--out", out, "--deliver", "dc", "--redeliver", NULL};
	struct buf o = BUF_INIT;
	http_sink_reset(sink);
	CHECK_INT(wfx_brief(again, NULL, &o, &err), 0);
	CHECK_INT(http_sink_count(sink), parts);
	http_sink_reset(sink);
	CHECK_INT(daily_deliver(home_b, conf, "dc", &err), 0);
	CHECK_INT(http_sink_count(sink), 0);
	const char *alone[] = {"daily", "--home", home_b, "--no-fetch", "--offline", "--now", WFX_NOW, "--redeliver", NULL};
	CHECK_INT(wfx_brief(alone, NULL, &o, &err), 2);
	CHECK(strstr(buf_str(&err), "--redeliver goes with --deliver") != NULL);
	buf_free(&o);

	/* A channel that is added later still gets it; then it is logged like the others. */
	http_sink_reset(sink);
	CHECK_INT(daily_deliver(home_b, conf, "dc,hook", &err), 0);
	CHECK_INT(http_sink_count(sink), 1);
	if (http_sink_count(sink) == 1)
		CHECK_STR(http_sink_request(sink, 0)->path, "/hook");
	http_sink_reset(sink);
	CHECK_INT(daily_deliver(home_b, conf, "hook", &err), 0);
	CHECK_INT(http_sink_count(sink), 0);
	http_sink_reset(sink);
	buf_free(&err);
}

/* Requests of the sink whose path is path. */
static size_t
sink_count_path(const char *path)
{
	size_t n = 0;
	for (size_t i = 0; i < http_sink_count(sink); i++)
		n += strcmp(http_sink_request(sink, i)->path, path) == 0;
	return n;
}

/* The delivery log knows where a channel sent the report, not only its name: a user who
 * corrects a channel's target (the Discord webhook URL, the Telegram chat_id, the webhook's
 * URL) and reruns gets the report at the new target, once; the old target gets nothing more.
 * Before, the log was keyed by the name alone: the rerun said "already has it" and the
 * corrected target never received the report. */
static void
test_cli_changed_target(void)
{
	char home[4300], conf[4300], text[1024];
	snprintf(home, sizeof home, "%s/home-target", test_tmpdir());
	wfx_make_home(home);
	snprintf(conf, sizeof conf, "%s/target.conf", test_tmpdir());
#define TARGET_CONF                                                                              \
	"[deliver \"dc\"]\ntype = discord\nurl = %s/dc-%s\n"                                         \
	"[deliver \"tg\"]\ntype = telegram\nbot_token = 1:T\nchat_id = %s\napi_base = %s\n"          \
	"[deliver \"hook\"]\ntype = webhook\nurl = %s/hook-%s\n"
	struct buf err = BUF_INIT;
	snprintf(text, sizeof text, TARGET_CONF, base, "old", "-100", base, base, "old");
	test_write_file(conf, text, strlen(text));
	http_sink_answer(sink, 200, "{\"ok\":true}", 0);
	CHECK_INT(daily_deliver(home, conf, "dc,tg,hook", &err), 0);
	size_t dc_parts = sink_count_path("/dc-old");
	CHECK(dc_parts >= 1);
	CHECK_INT(sink_count_path("/hook-old"), 1);
	size_t tg_parts = http_sink_count(sink) - dc_parts - 1;
	CHECK(tg_parts >= 1);

	/* The targets corrected: each gets the whole report, the old ones nothing. */
	snprintf(text, sizeof text, TARGET_CONF, base, "new", "-200", base, base, "new");
	test_write_file(conf, text, strlen(text));
	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{\"ok\":true}", 0);
	CHECK_INT(daily_deliver(home, conf, "dc,tg,hook", &err), 0);
	CHECK_INT(sink_count_path("/dc-new"), dc_parts);
	CHECK_INT(sink_count_path("/dc-old"), 0);
	CHECK_INT(sink_count_path("/hook-new"), 1);
	size_t tg_new = 0;
	for (size_t i = 0; i < http_sink_count(sink); i++) {
		json_t *j = strstr(http_sink_request(sink, i)->path, "sendMessage") ? body_json(http_sink_request(sink, i))
		                                                                      : NULL;
		const char *chat = json_string_value(json_object_get(j, "chat_id"));
		tg_new += chat && strcmp(chat, "-200") == 0;
		json_decref(j);
	}
	CHECK_INT(tg_new, tg_parts);
	if (http_sink_count(sink) != dc_parts + tg_parts + 1)
		fprintf(stderr, "corrected targets: %zu requests, want %zu\n%s", http_sink_count(sink),
		        dc_parts + tg_parts + 1, buf_str(&err));

	/* Unchanged since: nothing is sent again. */
	http_sink_reset(sink);
	CHECK_INT(daily_deliver(home, conf, "dc,tg,hook", &err), 0);
	CHECK_INT(http_sink_count(sink), 0);
	CHECK(strstr(buf_str(&err), "dc already has it") != NULL);
	http_sink_reset(sink);
	buf_free(&err);
}
#undef TARGET_CONF

/* daily_deliver with --top top: a shorter or longer digest of the same day. */
static int
daily_deliver_top(const char *home, const char *conf, const char *channels, const char *top, struct buf *err)
{
	char out[4400];
	snprintf(out, sizeof out, "%s/daily.md", home);
	const char *args[] = {"daily", "--home", home, "--no-fetch", "--offline", "--config", conf, "--now", WFX_NOW,
	                      "--out", out, "--top", top, "--deliver", channels, NULL};
	struct buf o = BUF_INIT;
	buf_clear(err);
	int rc = wfx_brief(args, NULL, &o, err);
	buf_free(&o);
	return rc;
}

/* A delivery cut short, then a rerun whose digest is cut into fewer parts (regenerated
 * shorter: here --top 2, as a day with fewer stories would be): the channel gets the new
 * digest whole, numbered of its own count, and then counts as having it. Before, the parts
 * the log held were skipped by number: the new digest's parts 1 and 2 were taken for the old
 * ones, nothing (or only its last part) was sent, the exit was 0, and the readers had the
 * start of one digest and never an end; every rerun after said the same. */
static void
test_cli_rerun_other_cut(void)
{
	char home_a[4300], home_b[4300], conf[4300], text[1024];
	snprintf(home_a, sizeof home_a, "%s/home-cut-a", test_tmpdir());
	snprintf(home_b, sizeof home_b, "%s/home-cut-b", test_tmpdir());
	wfx_make_home(home_a);
	wfx_make_home(home_b);
	snprintf(conf, sizeof conf, "%s/cut.conf", test_tmpdir());
	snprintf(text, sizeof text, "[deliver \"dc\"]\ntype = discord\nurl = %s/dc\n", base);
	test_write_file(conf, text, strlen(text));
	struct buf err = BUF_INIT;
	/* How many parts the short digest takes, from a store of its own. */
	http_sink_reset(sink);
	CHECK_INT(daily_deliver_top(home_a, conf, "dc", "2", &err), 0);
	size_t short_parts = http_sink_count(sink);
	/* The full digest, cut short after two parts. */
	http_sink_reset(sink);
	http_sink_drop_after(sink, 2);
	CHECK_INT(daily_deliver(home_b, conf, "dc", &err), 1);
	CHECK_INT(http_sink_count(sink), 2);
	CHECK(short_parts >= 1 && short_parts < 3);
	if (short_parts < 1 || short_parts >= 3) {
		fprintf(stderr, "the short digest took %zu parts; the test wants 1 or 2\n", short_parts);
		buf_free(&err);
		return;
	}
	/* The rerun with the short digest: all of it, in order. */
	http_sink_reset(sink);
	CHECK_INT(daily_deliver_top(home_b, conf, "dc", "2", &err), 0);
	CHECK_INT(http_sink_count(sink), short_parts);
	for (size_t i = 0; short_parts > 1 && i < http_sink_count(sink); i++) {
		json_t *j = body_json(http_sink_request(sink, i));
		const char *content = json_string_value(json_object_get(j, "content"));
		char want[32];
		snprintf(want, sizeof want, "(%zu/%zu)", i + 1, short_parts);
		CHECK(content && strstr(content, want) != NULL);
		json_decref(j);
	}
	if (http_sink_count(sink) != short_parts)
		fprintf(stderr, "the shorter rerun sent %zu of its %zu parts\n%s", http_sink_count(sink), short_parts,
		        buf_str(&err));
	/* Then it has it. */
	http_sink_reset(sink);
	CHECK_INT(daily_deliver_top(home_b, conf, "dc", "2", &err), 0);
	CHECK_INT(http_sink_count(sink), 0);
	CHECK(strstr(buf_str(&err), "dc already has it") != NULL);
	http_sink_reset(sink);
	buf_free(&err);
}

/* `--deliver NAME` that names no channel is refused before the command does any work: no
 * feed fetched, no report written. Before, the daily fetched, ranked and wrote the digest,
 * the weekly and the article wrote theirs, and only then said the channel did not exist. */
static void
test_cli_unknown_channel_first(void)
{
	char home[4300], conf[4300], opml[4300], out[4400], dir[4400], text[1024];
	snprintf(home, sizeof home, "%s/home-unknown", test_tmpdir());
	wfx_make_home(home);
	snprintf(conf, sizeof conf, "%s/unknown.conf", test_tmpdir());
	snprintf(text, sizeof text, "[deliver \"team\"]\ntype = webhook\nurl = %s/hook\n", base);
	test_write_file(conf, text, strlen(text));
	snprintf(opml, sizeof opml, "%s/unknown.opml", test_tmpdir());
	snprintf(text, sizeof text,
	         "<opml version=\"2.0\"><body><outline type=\"rss\" text=\"f\" xmlUrl=\"%s/feed.xml\"/></body></opml>\n",
	         base);
	test_write_file(opml, text, strlen(text));
	snprintf(out, sizeof out, "%s/unknown.md", home);
	snprintf(dir, sizeof dir, "%s/articles/", home); /* --top writes into a directory */
	const char *daily_fetch[] = {"daily", "--home", home, "--feeds", opml, "--offline", "--config", conf, "--now",
	                             WFX_NOW, "--out", out, "--deliver", "team,teem", NULL};
	const char *daily[] = {"daily", "--home", home, "--no-fetch", "--offline", "--config", conf, "--now", WFX_NOW,
	                       "--out", out, "--deliver", "teem", NULL};
	const char *weekly[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--config", conf, "--now", WFX_NOW,
	                        "--out", out, "--deliver", "teem", NULL};
	const char *article[] = {"article", "--top", "1", "--home", home, "--offline", "--config", conf, "--now",
	                         WFX_NOW, "--out", dir, "--deliver", "teem", NULL};
	const char *const *runs[] = {daily_fetch, daily, weekly, article};
	struct buf o = BUF_INIT, err = BUF_INIT;
	for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
		http_sink_reset(sink);
		buf_clear(&err);
		int rc = wfx_brief(runs[i], NULL, &o, &err);
		CHECK_INT(rc, 1);
		CHECK(strstr(buf_str(&err), "no [deliver \"teem\"] section") != NULL);
		CHECK_INT(http_sink_count(sink), 0); /* neither the feed nor the channel that exists */
		CHECK(!fs_exists(out) && !fs_exists(dir));
		if (rc != 1 || http_sink_count(sink) || fs_exists(out) || fs_exists(dir))
			fprintf(stderr, "brief %s: exit %d, %zu requests, %s\n%s", runs[i][0], rc, http_sink_count(sink),
			        fs_exists(out) ? "written" : "not written", buf_str(&err));
		unlink(out);
	}
	http_sink_reset(sink);
	buf_free(&o);
	buf_free(&err);
}

/* A channel whose section is there but holds a value its type cannot use (telegram's
 * parse_mode, email's starttls or smtp_url, the webhook's header, a 公众号 cover that is not
 * there) is refused by `brief doctor` and before the daily does any work. Before, deliver_check
 * looked only at the type and the required keys: doctor said "ok", and the daily fetched,
 * ranked and wrote the digest, then failed that channel. */
static void
test_cli_bad_value_first(void)
{
	char home[4300], conf[4300], out[4400], text[2048];
	snprintf(home, sizeof home, "%s/home-badvalue", test_tmpdir());
	wfx_make_home(home);
	snprintf(conf, sizeof conf, "%s/badvalue.conf", test_tmpdir());
	snprintf(text, sizeof text,
	         "[deliver \"tg\"]\ntype = telegram\nbot_token = 1:T\nchat_id = 5\napi_base = %s\nparse_mode = markdown\n"
	         "[deliver \"mail\"]\ntype = email\nsmtp_url = smtp://127.0.0.1:1\nfrom = a@b.example\nto = c@d.example\n"
	         "starttls = maybe\n"
	         "[deliver \"mail2\"]\ntype = email\nsmtp_url = 127.0.0.1:25\nfrom = a@b.example\nto = c@d.example\n"
	         "[deliver \"hook\"]\ntype = webhook\nurl = %s/hook\nheader = Bearer x\n"
	         "[deliver \"mp\"]\ntype = wechat_mp\nappid = wx1\nsecret = s\ncover = %s/no-such-cover.png\n"
	         "api_base = %s\n",
	         base, base, home, base);
	test_write_file(conf, text, strlen(text));
	snprintf(out, sizeof out, "%s/badvalue.md", home);
	static const char *const names[] = {"tg", "mail", "mail2", "hook", "mp"};
	static const char *const why[] = {"parse_mode is html or plain", "starttls is yes or no",
	                                  "smtp_url must start with smtp://", "header must look like",
	                                  "no-such-cover.png"};
	struct buf o = BUF_INIT, err = BUF_INIT;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *args[] = {"daily", "--home", home, "--no-fetch", "--offline", "--config", conf, "--now",
		                      WFX_NOW, "--out", out, "--deliver", names[i], NULL};
		http_sink_reset(sink);
		buf_clear(&err);
		int rc = wfx_brief(args, NULL, &o, &err);
		CHECK_INT(rc, 1);
		CHECK(strstr(buf_str(&err), why[i]) != NULL);
		CHECK_INT(http_sink_count(sink), 0);
		CHECK(!fs_exists(out));
		if (rc != 1 || !strstr(buf_str(&err), why[i]) || fs_exists(out))
			fprintf(stderr, "--deliver %s: exit %d, %s\n%s", names[i], rc, fs_exists(out) ? "written" : "not written",
			        buf_str(&err));
		unlink(out);
		const char *doctor[] = {"doctor", "--home", home, "--config", conf, "--no-network", NULL};
		buf_clear(&o);
		wfx_brief(doctor, NULL, &o, &err);
		char want[128];
		snprintf(want, sizeof want, "FAIL  deliver   deliver %s (", names[i]);
		if (!strstr(buf_str(&o), want))
			fprintf(stderr, "brief doctor did not fail %s:\n%s", names[i], buf_str(&o));
		CHECK(strstr(buf_str(&o), want) != NULL);
	}
	http_sink_reset(sink);
	buf_free(&o);
	buf_free(&err);
}

/* A daily digest or an article whose file cannot be written (exit 1) is neither delivered nor
 * kept in the store's archive, which `brief serve` publishes (its pages and its Atom feed).
 * Before, the daily and the article saved the report to the store first: the archive showed
 * a report that was never written nor sent, until a rerun replaced it. */
static void
test_cli_unwritten_not_archived(void)
{
	char home[4300], conf[4300], db[4400], out[4500], dir[4500], text[1024];
	snprintf(home, sizeof home, "%s/home-unwritten", test_tmpdir());
	wfx_make_home(home);
	snprintf(conf, sizeof conf, "%s/unwritten.conf", test_tmpdir());
	snprintf(text, sizeof text, "[deliver \"team\"]\ntype = webhook\nurl = %s/hook\n", base);
	test_write_file(conf, text, strlen(text));
	snprintf(db, sizeof db, "%s/brief.db", home);
	/* The report's own file names taken by directories: the write fails only at the end, as on
	 * a full disk (a missing --out directory is refused before any work, test_cli_out). The
	 * article's name is its story's id, learnt from a run into another home of the same store. */
	snprintf(out, sizeof out, "%s/daily-out/", test_tmpdir());
	snprintf(dir, sizeof dir, "%s/articles-out/", test_tmpdir());
	char probe_home[4300], probe[4500], taken[4700];
	snprintf(probe_home, sizeof probe_home, "%s/home-unwritten-probe", test_tmpdir());
	snprintf(probe, sizeof probe, "%s/articles-probe/", test_tmpdir());
	wfx_make_home(probe_home);
	const char *probe_run[] = {"article", "--top", "1", "--home", probe_home, "--offline", "--now", WFX_NOW, "--out",
	                           probe, NULL};
	struct buf o = BUF_INIT, err = BUF_INIT;
	CHECK_INT(wfx_brief(probe_run, NULL, &o, &err), 0);
	DIR *pd = opendir(probe);
	CHECK(pd != NULL);
	for (struct dirent *de; pd && (de = readdir(pd)) != NULL;) {
		if (str_ends(de->d_name, ".md")) {
			snprintf(taken, sizeof taken, "%s%s", dir, de->d_name);
			CHECK_INT(fs_mkdirs(taken, 0, NULL), 0);
		}
	}
	if (pd)
		closedir(pd);
	snprintf(taken, sizeof taken, "%s%.10s.md", out, WFX_NOW);
	CHECK_INT(fs_mkdirs(taken, 0, NULL), 0);
	const char *daily[] = {"daily", "--home", home, "--no-fetch", "--offline", "--config", conf, "--now", WFX_NOW,
	                       "--out", out, "--deliver", "team", NULL};
	const char *article[] = {"article", "--top", "1", "--home", home, "--offline", "--config", conf, "--now",
	                         WFX_NOW, "--out", dir, "--deliver", "team", NULL};
	const char *const *runs[] = {daily, article};
	for (size_t i = 0; i < 2; i++) {
		http_sink_reset(sink);
		buf_clear(&err);
		CHECK_INT(wfx_brief(runs[i], NULL, &o, &err), 1);
		CHECK_INT(http_sink_count(sink), 0);
		sqlite3 *h = NULL;
		CHECK_INT(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM reports WHERE kind = '%s'", runs[i][0]);
		long long stored = test_db_query_int(h, sql);
		if (stored != 0)
			fprintf(stderr, "brief %s: not written, but stored for the archive\n%s", runs[i][0], buf_str(&err));
		CHECK_INT(stored, 0);
		sqlite3_close(h);
	}
	http_sink_reset(sink);
	buf_free(&o);
	buf_free(&err);
}

/* `brief daily` with args, its output thrown away, killed with SIGKILL as soon as the sink has
 * received `received` requests (the last one held on the wire by the sink's delay). */
static void
daily_killed_at(const char *const *args, size_t received)
{
	pid_t pid = fork();
	if (pid == 0) {
		test_isolate_child(test_user_home());
		setenv("TZ", "UTC", 1);
		const char *unset[] = {"BRIEF_LLM_BASE_URL", "BRIEF_LLM_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY", NULL};
		for (size_t i = 0; unset[i]; i++)
			unsetenv(unset[i]);
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		const char *argv[32] = {test_brief_bin()};
		for (size_t i = 0; args[i] && i < 30; i++)
			argv[i + 1] = args[i];
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	CHECK(pid > 0);
	for (int i = 0; i < 3000 && http_sink_count(sink) < received; i++)
		usleep(10000);
	CHECK(http_sink_count(sink) >= received);
	kill(pid, SIGKILL);
	int status = 0;
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status));
}

/* A fixture store home-NAME with the config file NAME.conf holding conf_text, for a run to be
 * killed: their paths into home and conf (4300 bytes), the digest's --out and the store's file
 * into out and db (4400 bytes). */
static void
killed_home(const char *name, const char *conf_text, char *home, char *conf, char *out, char *db)
{
	snprintf(home, 4300, "%s/home-%s", test_tmpdir(), name);
	wfx_make_home(home);
	snprintf(conf, 4300, "%s/%s.conf", test_tmpdir(), name);
	test_write_file(conf, conf_text, strlen(conf_text));
	snprintf(out, 4400, "%s/daily.md", home);
	snprintf(db, 4400, "%s/brief.db", home);
}

/* The sink's requests are parts had+1..parts of the digest of day, each once and in order
 * (parts 1: the generic webhook's one request); channel names the run for a failure. */
static void
check_sent_from(const char *channel, const char *day, long long had, long long parts)
{
	CHECK_INT((long long)http_sink_count(sink), parts - had);
	for (size_t i = 0; i < http_sink_count(sink); i++) {
		json_t *j = body_json(http_sink_request(sink, i));
		const char *content = json_string_value(json_object_get(j, parts > 1 ? "content" : "title"));
		char want[32];
		snprintf(want, sizeof want, "(%lld/%lld)", had + 1 + (long long)i, parts);
		int is_part = content && strstr(content, day) && (parts == 1 || strstr(content, want));
		if (!is_part)
			fprintf(stderr, "%s: request %zu of the rerun is not part %s of %s's digest: %.120s\n", channel, i, want,
			        day, content ? content : "?");
		CHECK(is_part);
		json_decref(j);
	}
}

/* The run of the schedule that catches up a missed day (--due, docs/daily.md "Missed runs")
 * killed while its digest goes out to `channel` (config text conf_text), once the sink has
 * received `received` requests. The rerun, still before the day's --due time, must finish that
 * delivery: send yesterday's digest's missing parts, each once, and write no digest of today.
 * Before, the rerun found yesterday's digest saved and took itself for today's run: it wrote
 * today's digest at that hour and sent it whole (the same stories again, under another date);
 * yesterday's missing parts never went out, and the --due run found today's delivered. */
static void
check_killed_catch_up(const char *channel, const char *conf_text, size_t received)
{
	char home[4300], conf[4300], out[4400], db[4400];
	char name[64];
	snprintf(name, sizeof name, "killed-%s", channel);
	killed_home(name, conf_text, home, conf, out, db);
	/* WFX_NOW is 12:00 UTC: before the schedule's 13:00, and the day before has no digest */
	const char *args[] = {"daily", "--home", home, "--no-fetch", "--offline", "--config", conf, "--now", WFX_NOW,
	                      "--due", "13:00", "--out", out, "--deliver", channel, NULL};
	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{}", 2000); /* each request held on the wire a while */
	daily_killed_at(args, received);
	sqlite3 *h = NULL;
	CHECK_INT(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	CHECK_INT(test_db_query_int(h, "SELECT count(*) FROM reports WHERE kind = 'daily' AND slug = '2026-02-20'"), 1);
	long long had = test_db_query_int(h, "SELECT count(*) FROM delivery_log WHERE report = 'daily/2026-02-20/zh'");
	sqlite3_close(h);

	http_sink_reset(sink);
	struct buf o = BUF_INIT, err = BUF_INIT;
	int rc = wfx_brief(args, NULL, &o, &err);
	CHECK_INT(rc, 0);
	if (rc != 0)
		fprintf(stderr, "%s", buf_str(&err));
	CHECK_INT(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	long long parts = test_db_query_int(h, "SELECT max(parts) FROM delivery_log WHERE report = 'daily/2026-02-20/zh'");
	CHECK_INT(test_db_query_int(h, "SELECT count(*) FROM delivery_log WHERE report = 'daily/2026-02-20/zh'"), parts);
	CHECK_INT(test_db_query_int(h, "SELECT count(*) FROM reports WHERE kind = 'daily' AND slug = '2026-02-21'"), 0);
	sqlite3_close(h);
	CHECK(had < parts);
	check_sent_from(channel, "2026-02-20", had, parts);
	http_sink_reset(sink);
	buf_free(&o);
	buf_free(&err);
}

static void
test_cli_killed_catch_up_resumes(void)
{
	char text[1024];
	/* Discord: killed while part 2 is on the wire (part 1 was accepted before it was sent) */
	snprintf(text, sizeof text, "[deliver \"dc\"]\ntype = discord\nurl = %s/dc\n", base);
	check_killed_catch_up("dc", text, 2);
	/* the generic webhook, one request: killed while it is on the wire, nothing logged */
	snprintf(text, sizeof text, "[deliver \"hook\"]\ntype = webhook\nurl = %s/hook\n", base);
	check_killed_catch_up("hook", text, 1);
}

/* `brief daily --deliver dc --redeliver` killed while Discord's part 2 is on the wire (part 1
 * accepted): the same command run again sends parts 2..n only, each once; a --redeliver after
 * that finished sends the digest whole again. Before, every --redeliver forgot the log first:
 * the rerun of the killed one sent part 1 a second time. */
static void
test_cli_redeliver_killed_resumes(void)
{
	char home[4300], conf[4300], out[4400], db[4400], text[1024];
	snprintf(text, sizeof text, "[deliver \"dc\"]\ntype = discord\nurl = %s/dc\n", base);
	killed_home("redeliver-killed", text, home, conf, out, db);
	struct buf o = BUF_INIT, err = BUF_INIT;
	http_sink_reset(sink);
	CHECK_INT(daily_deliver(home, conf, "dc", &err), 0);
	long long parts = (long long)http_sink_count(sink);
	CHECK(parts >= 3);
	const char *again[] = {"daily", "--home", home, "--no-fetch", "--offline", "--config", conf, "--now", WFX_NOW,
	                       "--out", out, "--deliver", "dc", "--redeliver", NULL};
	http_sink_reset(sink);
	http_sink_answer(sink, 200, "{}", 2000); /* each request held on the wire a while */
	daily_killed_at(again, 2);
	sqlite3 *h = NULL;
	CHECK_INT(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	long long had =
		test_db_query_int(h, "SELECT count(*) FROM delivery_log WHERE report = 'daily/2026-02-21/zh' AND part > 0");
	sqlite3_close(h);
	CHECK(had >= 1 && had < parts);

	http_sink_reset(sink);
	int rc = wfx_brief(again, NULL, &o, &err);
	CHECK_INT(rc, 0);
	if (rc != 0)
		fprintf(stderr, "%s", buf_str(&err));
	check_sent_from("dc --redeliver", "2026-02-21", had, parts);
	http_sink_reset(sink);
	CHECK_INT(wfx_brief(again, NULL, &o, &err), 0);
	check_sent_from("dc --redeliver once more", "2026-02-21", 0, parts);
	http_sink_reset(sink);
	CHECK_INT(daily_deliver(home, conf, "dc", &err), 0);
	CHECK_INT(http_sink_count(sink), 0);
	http_sink_reset(sink);
	buf_free(&o);
	buf_free(&err);
}

int
main(void)
{
	sink = http_sink_start();
	snprintf(base, sizeof base, "http://127.0.0.1:%d", http_sink_port(sink));
	test_split();
	test_mdconv();
	test_mdconv_unescapes_report();
	test_mdconv_link_text();
	test_mdconv_bold_text();
	test_mdconv_url_stars();
	test_slack_marks();
	test_webhook_and_errors();
	test_chat_channels();
	test_slack_retry_after();
	test_telegram_flood_wait();
	test_dingtalk_robot_minute();
	test_redeliver_robot_minute();
	test_feishu_pace();
	test_feishu_too_many();
	test_html_200_not_accepted();
	test_signed_channels();
	test_signed_request_size();
	test_email();
	test_telegram_quote_growth();
	test_wecom_title_mention();
	test_feishu_mention();
	test_telegram_mention();
	test_chat_title_markup();
	test_heading_title_star();
	test_chat_brand_cover();
	test_title_fields_clean();
	test_split_many_parts();
	test_email_hostile_subject();
	test_email_utf8_names();
	test_email_subject_encoded_word();
	test_email_outlook_list();
	test_email_new_recipient();
	test_redact_echoed_query_token();
	test_cli_rerun_resumes();
	test_cli_changed_target();
	test_cli_rerun_other_cut();
	test_cli_unknown_channel_first();
	test_cli_unwritten_not_archived();
	test_cli_bad_value_first();
	test_cli_killed_catch_up_resumes();
	test_cli_redeliver_killed_resumes();
	http_sink_stop(sink);
	return test_done("test_deliver");
}
