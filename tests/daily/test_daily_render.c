/* test_daily_render.c: golden Markdown, HTML and JSON for a fixed report (zh and en,
 * offline engine), and seed 000's structure with consistent counts. Regenerate the
 * golden files with BRIEF_UPDATE_GOLDEN=1 ctest -R test_daily_render. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fixture.h"
#include "report/escape.h"
#include "report/render.h"
#include "report/report.h"
#include "report/build.h"
#include "ai/curate/curate.h"
#include "report/wechat.h"
#include "testlib.h"

static void
golden(const char *lang)
{
	struct arena a = ARENA_INIT;
	struct report r;
	fixture_report(&r, &a, lang);
	struct buf md = BUF_INIT, html = BUF_INIT, json = BUF_INIT;
	report_daily_md(&r, &md);
	report_daily_html(&r, &html);
	report_daily_json(&r, &json);
	char name[64];
	snprintf(name, sizeof name, "fixture-%s.md", lang);
	check_golden(name, buf_str(&md));
	snprintf(name, sizeof name, "fixture-%s.html", lang);
	check_golden(name, buf_str(&html));
	snprintf(name, sizeof name, "fixture-%s.json", lang);
	check_golden(name, buf_str(&json));
	check_structure(buf_str(&md), buf_str(&json));

	/* Rendering is pure: the same report renders to the same bytes. */
	struct buf again = BUF_INIT;
	report_daily_md(&r, &again);
	CHECK_STR(buf_str(&again), buf_str(&md));
	buf_free(&again);
	buf_free(&md);
	buf_free(&html);
	buf_free(&json);
	arena_free(&a);
}

/* --lang switches every heading: no Chinese heading text in the English digest. */
static void
english_is_english(void)
{
	struct arena a = ARENA_INIT;
	struct report r;
	fixture_report(&r, &a, "en");
	struct buf md = BUF_INIT;
	report_daily_md(&r, &md);
	const char *zh_words[] = {"今日看点", "今日必读", "数据概览", "分类分布", "高频关键词", "话题标签", "生成于",
	                          "小时前", "天前", "为什么值得读", "订阅源健康"};
	for (size_t i = 0; i < sizeof zh_words / sizeof zh_words[0]; i++)
		CHECK(strstr(buf_str(&md), zh_words[i]) == NULL);
	CHECK(strstr(buf_str(&md), "3 hours ago") != NULL);
	buf_free(&md);
	arena_free(&a);
}

/* Local dates follow TZ: the same instant is 21 Feb in Shanghai and 20 Feb in New York. */
static void
time_zone(void)
{
	struct arena a = ARENA_INIT;
	struct report r;
	setenv("TZ", "America/New_York", 1);
	tzset();
	fixture_report(&r, &a, "zh");
	CHECK_STR(r.date, "2026-02-20");
	struct buf md = BUF_INIT;
	report_daily_md(&r, &md);
	CHECK(strstr(buf_str(&md), "生成于 2026-02-20 20:56 EST") != NULL);
	buf_free(&md);
	/* The Hugo post of that day is dated on that day: its date is the generation time with the
	 * zone's offset (Hugo shows and files a post by the date as written; in UTC it was the
	 * 21st, so the site showed "AI 博客每日精选 — 2026-02-20" dated 2026-02-21). */
	struct buf post = BUF_INIT;
	report_daily_post_md(&r, WEEKLY_FM_HUGO, &post);
	CHECK(strstr(buf_str(&post), "\ndate: 2026-02-20T20:56:00-05:00\n") != NULL);
	buf_clear(&post);
	setenv("TZ", "Asia/Kolkata", 1); /* a half-hour offset */
	tzset();
	report_daily_post_md(&r, WEEKLY_FM_HUGO, &post);
	CHECK(strstr(buf_str(&post), "\ndate: 2026-02-21T07:26:00+05:30\n") != NULL);
	buf_clear(&post);
	setenv("TZ", "UTC", 1);
	tzset();
	report_daily_post_md(&r, WEEKLY_FM_HUGO, &post);
	CHECK(strstr(buf_str(&post), "\ndate: 2026-02-21T01:56:00Z\n") != NULL);
	buf_free(&post);
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	arena_free(&a);
}

/* A long health list is capped in Markdown and HTML, the rest counted (the heading keeps the
 * whole count). */
static void
health_cap(void)
{
	struct arena a = ARENA_INIT;
	struct report r;
	fixture_report(&r, &a, "zh");
	size_t n = RENDER_HEALTH_LIST_MAX + 5;
	struct report_problem *p = arena_alloc(&a, n * sizeof *p);
	for (size_t i = 0; i < n; i++) {
		memset(&p[i], 0, sizeof p[i]);
		p[i].name = "Feed";
		p[i].detail = arena_printf(&a, "Undated item %zu", i + 1);
	}
	r.health.undated = p;
	r.health.undated_count = n;
	struct buf md = BUF_INIT, html = BUF_INIT, json = BUF_INIT;
	report_daily_md(&r, &md);
	report_daily_html(&r, &html);
	report_daily_json(&r, &json);
	CHECK(strstr(buf_str(&md), "(25)") != NULL && strstr(buf_str(&md), "Undated item 20 —") != NULL && strstr(buf_str(&md), "Undated item 21") == NULL);
	CHECK(strstr(buf_str(&md), "- ……另有 5 条未列出\n") != NULL);
	CHECK(strstr(buf_str(&html), "Undated item 20<") != NULL && strstr(buf_str(&html), "Undated item 21") == NULL);
	CHECK(strstr(buf_str(&html), "<li>……另有 5 条未列出") != NULL);
	buf_free(&md);
	buf_free(&html);
	buf_free(&json);
	arena_free(&a);
}

/* The health summary names only the problems there are: no "0 条缺少日期" beside the one
 * failed feed, and an English count of one in the singular. */
static void
health_summary_counts(void)
{
	const char *langs[] = {"zh", "en"};
	for (size_t l = 0; l < 2; l++) {
		struct arena a = ARENA_INIT;
		struct report r;
		fixture_report(&r, &a, langs[l]);
		r.health.failed_count = 1;
		r.health.stale_count = 0;
		r.health.undated_count = 0;
		r.health.future_count = 0;
		r.stats.full_text = 0;
		struct buf md = BUF_INIT, html = BUF_INIT;
		report_daily_md(&r, &md);
		report_daily_html(&r, &html);
		const char *want = l == 0 ? "<summary>1 个源抓取失败</summary>" : "<summary>1 feed failed</summary>";
		CHECK(strstr(buf_str(&md), want) != NULL);
		CHECK(strstr(buf_str(&html), want) != NULL);
		CHECK(strstr(buf_str(&md), l == 0 ? "0 条" : "0 items") == NULL);
		buf_free(&md);
		buf_free(&html);
		arena_free(&a);
	}
}

/* English counts of one are singular: an en digest of one feed read "From 1 feeds", its footer
 * "1 feeds scanned → 1 articles", "1 unsupported sentences removed", "full text: 1 pages
 * fetched", --stale-days 1 "over 1 days", and the archive index "1 picks". A count of two
 * stays plural; the zh digest has no plurals. */
static void
english_plurals(void)
{
	for (int count = 1; count <= 2; count++) {
		struct arena a = ARENA_INIT;
		struct report r;
		fixture_report(&r, &a, "en");
		r.is_default_list = 0;
		r.stats.feeds_total = r.stats.feeds_ok = count;
		r.stats.articles_total = count;
		r.stats.selected = count;
		r.stats.full_text = 1;
		r.stats.pages_fetched = count;
		r.stats.pages_failed = 0;
		r.health.stale_days = count;
		r.engine = "llm";
		r.model = "stand-in";
		r.stats.is_checked = 1;
		r.stats.sentences_removed = count;
		struct buf md = BUF_INIT, html = BUF_INIT, index = BUF_INIT;
		report_daily_md(&r, &md);
		report_daily_html(&r, &html);
		struct report_digest d = {"2026-02-21", "en", FIXTURE_NOW, "AI Blog Daily — 2026-02-21", NULL, NULL, 0, count};
		report_index_md(&d, 1, "en", NULL, &index);
		const char *one[] = {"From 1 feed, ", "| 1 feed scanned → 1 article → 1 selected", "; 1 unsupported sentence removed",
		                     "full text: 1 page fetched", "No new posts for over 1 day**"};
		const char *two[] = {"From 2 feeds, ", "| 2 feeds scanned → 2 articles → 2 selected",
		                     "; 2 unsupported sentences removed", "full text: 2 pages fetched",
		                     "No new posts for over 2 days**"};
		for (size_t i = 0; i < sizeof one / sizeof one[0]; i++) {
			const char *want = count == 1 ? one[i] : two[i];
			if (!strstr(buf_str(&md), want))
				fprintf(stderr, "english_plurals: no \"%s\" in the Markdown\n", want);
			CHECK(strstr(buf_str(&md), want) != NULL);
		}
		CHECK(strstr(buf_str(&html), count == 1 ? "1 feed scanned → 1 article" : "2 feeds scanned → 2 articles") != NULL);
		CHECK(strstr(buf_str(&index), count == 1 ? ".md) · 1 pick\n" : ".md) · 2 picks\n") != NULL);
		CHECK(strchr(buf_str(&md), '{') == NULL || strstr(buf_str(&md), "{feed|") == NULL);
		buf_free(&md);
		buf_free(&html);
		buf_free(&index);
		arena_free(&a);
	}
}

/* A failed feed's error in a zh digest opens with a Chinese reason for its class, the
 * fetcher's English line kept after it in parentheses (「无法连接（`connection failed: …`）」);
 * before, the zh digest showed the English line alone. An en digest shows the line alone.
 * The lines are the fetcher's own forms (src/net/attempt.c, ingest.c) and libcurl's. */
static void
failed_feed_reasons(void)
{
	static const char *const cases[][2] = {
		{"connection failed: Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server",
		 "无法连接"},
		{"timed out after 15 s", "超时"},
		{"timed out: no data for 10 s", "超时"},
		{"not finished within the run's deadline (120 s)", "超时"},
		{"cannot resolve host: Could not resolve host: nowhere.invalid", "域名无法解析"},
		{"HTTP 404 Not Found", "页面不存在"},
		{"HTTP 410 Gone", "页面不存在"},
		{"HTTP 403 Forbidden", "拒绝访问"},
		{"HTTP 429 Too Many Requests", "请求过多，被限流"},
		{"HTTP 503 Service Unavailable; Retry-After: not asked again before 2026-02-21T03:00:00Z", "服务器出错"},
		{"HTTP 301 redirect without a usable Location", "服务器答复异常"},
		{"SSL certificate problem: self-signed certificate", "安全连接（TLS）失败"},
		{"Recv failure: Connection reset by peer", "连接中断"},
		{"served an HTML page, not a feed (HTTP 200, text/html)", "不是订阅源"},
		{"not a feed: unrecognised document", "不是订阅源"},
		{"body larger than 16 MiB after decoding, aborted", "内容过大"},
		{"refused to connect to the non-public address 10.0.0.1 (only a feed on such an address may lead there)",
		 "非公网地址，不予连接"},
		{"cannot map the 12-byte body: Cannot allocate memory", "抓取出错"},
	};
	size_t n = sizeof cases / sizeof cases[0];
	for (int l = 0; l < 2; l++) {
		struct arena a = ARENA_INIT;
		struct report r;
		fixture_report(&r, &a, l == 0 ? "zh" : "en");
		r.health.failed = arena_alloc(&a, n * sizeof *r.health.failed);
		for (size_t i = 0; i < n; i++)
			r.health.failed[i] = (struct report_problem){"feed.example", "https://feed.example/rss", cases[i][0],
			                                              FEED_NO_DATE};
		r.health.failed_count = n;
		struct buf md = BUF_INIT, html = BUF_INIT;
		report_daily_md(&r, &md);
		report_daily_html(&r, &html);
		for (size_t i = 0; i < n; i++) {
			struct buf want_md = BUF_INIT, want_html = BUF_INIT;
			if (l == 0) {
				buf_printf(&want_md, "(https://feed.example/rss): %s（`%s`）\n", cases[i][1], cases[i][0]);
				buf_printf(&want_html, "</a>: %s（<code>", cases[i][1]);
				esc_html(&want_html, cases[i][0]);
				buf_puts(&want_html, "</code>）</li>");
			} else {
				buf_printf(&want_md, "(https://feed.example/rss): `%s`\n", cases[i][0]);
				buf_puts(&want_html, "</a>: <code>");
				esc_html(&want_html, cases[i][0]);
				buf_puts(&want_html, "</code></li>");
			}
			if (!strstr(buf_str(&md), buf_str(&want_md)) || !strstr(buf_str(&html), buf_str(&want_html)))
				fprintf(stderr, "failed_feed_reasons (%s): no %s / %s\n", l == 0 ? "zh" : "en", buf_str(&want_md),
				        buf_str(&want_html));
			CHECK(strstr(buf_str(&md), buf_str(&want_md)) != NULL);
			CHECK(strstr(buf_str(&html), buf_str(&want_html)) != NULL);
			buf_free(&want_md);
			buf_free(&want_html);
		}
		buf_free(&md);
		buf_free(&html);
		arena_free(&a);
	}
}

/* A further source that links to the lead's own article (a link post) is named without a
 * link; one with its own article keeps its link. */
static void
also_in_links(void)
{
	struct arena a = ARENA_INIT;
	struct report r;
	fixture_report(&r, &a, "zh");
	struct report_item *it = &r.items[0];
	struct report_source *src = arena_alloc(&a, 3 * sizeof *src);
	src[0] = (struct report_source){"Lead Blog", it->link};
	src[1] = (struct report_source){"Link Blog", it->link};
	src[2] = (struct report_source){"Own Blog", "https://own.example/post"};
	it->sources = src;
	it->source_count = 3;
	struct buf md = BUF_INIT, html = BUF_INIT;
	report_daily_md(&r, &md);
	report_daily_html(&r, &html);
	CHECK(strstr(buf_str(&md), "同时见于 Link Blog, [Own Blog](https://own.example/post)") != NULL);
	CHECK(strstr(buf_str(&html), "同时见于 <bdi>Link Blog</bdi>, <a href=\"https://own.example/post\"") != NULL);
	buf_free(&md);
	buf_free(&html);
	arena_free(&a);
}

/* One cited line of a 公众号 fragment: the text of its <p> before the <sup>, and the number
 * the <sup> cites. */
struct cited {
	char text[512];
	long cite;
};

/* The cited lines of frag (before its references), at most max. Returns how many. */
static size_t
cited_lines(const char *frag, struct cited *out, size_t max)
{
	size_t n = 0;
	const char *end = strstr(frag, "[1] ");
	for (const char *sup = frag; n < max && (sup = strstr(sup, "<sup style=\"")) != NULL; sup++) {
		if (end && sup > end)
			break;
		const char *p = sup;
		while (p > frag && strncmp(p, "<p style=\"", 10) != 0)
			p--;
		const char *text = strstr(p, "\">");
		const char *num = strstr(sup, ">[");
		if (!text || !num)
			break;
		text += 2;
		snprintf(out[n].text, sizeof out[n].text, "%.*s", (int)(sup - text), text);
		out[n].cite = strtol(num + 2, NULL, 10);
		n++;
	}
	return n;
}

/* The 公众号 fragment cited each story by its rank while the category sections number the
 * stories in the order they are shown: a reader read "1. Story [4]", "2. Story [7]" and found
 * the references in an order the post never followed. An item's citation is now the number
 * the reader sees, the must-read items cite the same story's number, and the references go
 * 1, 2, 3... in that order. */
static void
wechat_cites_as_numbered(void)
{
	for (int en = 0; en < 2; en++) {
		struct arena a = ARENA_INIT;
		struct report r;
		fixture_report(&r, &a, en ? "en" : "zh");
		struct wechat_theme th;
		struct err e;
		CHECK_INT(wechat_theme_load(NULL, &th, &e), 0);
		struct buf frag = BUF_INIT;
		wechat_daily(&r, &th, &frag);
		/* an en fragment's labels end in ": ", as English does; a zh one's in "：" (the en
		 * fragment said "Categories：" and "Why read it：") */
		CHECK(strstr(buf_str(&frag), en ? "Why read it</strong>: " : "为什么值得读</strong>：") != NULL);
		CHECK(strstr(buf_str(&frag), en ? "Categories: " : "分类分布：") != NULL);
		CHECK(strstr(buf_str(&frag), en ? "Topics: " : "话题标签：") != NULL);
		CHECK(!en || (strstr(buf_str(&frag), "</strong>：") == NULL && strstr(buf_str(&frag), "Categories：") == NULL &&
		               strstr(buf_str(&frag), "Topics：") == NULL));
		struct cited lines[64];
		size_t n = cited_lines(buf_str(&frag), lines, 64);
		CHECK(n == r.item_count + (r.item_count < 3 ? r.item_count : 3));
		size_t numbered = 0;
		for (size_t i = 0; i < n; i++) {
			char *dot = NULL;
			long shown = strtol(lines[i].text, &dot, 10);
			if (dot == lines[i].text || strncmp(dot, ". ", 2) != 0)
				continue; /* a must-read item: checked below */
			numbered++;
			if (shown != lines[i].cite)
				fprintf(stderr, "shown %ld, cited [%ld]: %s\n", shown, lines[i].cite, lines[i].text);
			CHECK_INT(lines[i].cite, shown);
		}
		CHECK_INT((long)numbered, (long)r.item_count);
		/* A must-read item ("🥇 Title") cites the number its story has in the sections. */
		for (size_t i = 0; i < n; i++) {
			const char *space = strchr(lines[i].text, ' ');
			if (!space || (lines[i].text[0] >= '0' && lines[i].text[0] <= '9'))
				continue;
			int found = 0;
			for (size_t k = 0; k < n; k++) {
				const char *dot = strstr(lines[k].text, ". ");
				if (k != i && dot && strcmp(dot + 2, space + 1) == 0)
					found = lines[k].cite == lines[i].cite;
			}
			CHECK(found);
		}
		/* The references in the order cited: [1], [2], ... */
		const char *refs = strstr(buf_str(&frag), "[1] ");
		CHECK(refs != NULL);
		for (size_t k = 2; refs && k <= r.item_count; k++) {
			char want[16];
			snprintf(want, sizeof want, ">[%zu] ", k);
			const char *next = strstr(refs, want);
			CHECK(next != NULL);
			if (next)
				refs = next;
		}
		buf_free(&frag);
		arena_free(&a);
	}
}

/* A tag feed's entry is titled by its tag alone ("0.1.1"): the digest headed it "### 1. 0.1.1",
 * and neither the heading nor the line under it said what shipped. It is headed by the
 * project its forge link names, once (the offline engine's title is no translation). */
static void
tag_title_names_project(void)
{
	struct arena a = ARENA_INIT;
	struct article lead = {.source_name = "Release notes", .source_url = "https://github.com/feed-rs/feed-rs/releases.atom",
	                       .title = "0.1.1", .link = "https://github.com/feed-rs/feed-rs/releases/tag/0.1.1",
	                       .text = "Handle rel attribute of link element of entry.", .published = FIXTURE_NOW - 3600,
	                       .first_seen = FIXTURE_NOW - 3600, .when = FIXTURE_NOW - 3600};
	struct article *members[] = {&lead};
	struct story st = {.id = "s000000000001", .lead = &lead, .members = members, .member_count = 1};
	st.verdict = (struct verdict){.relevance = 5, .quality = 5, .timeliness = 5, .category = CAT_TOOLS, .is_offline = 1};
	st.has_enrichment = 1;
	st.enrichment = (struct enrichment){"0.1.1", "Handle rel attribute of link element of entry.", "A release.", 0, 0};
	struct story *top[] = {&st};
	struct curate_result cur = {.stories = &st, .story_count = 1, .top = top, .top_count = 1, .engine = "offline"};
	struct report_build_opts o = {"zh", 48, 15, FIXTURE_NOW};
	struct report r;
	report_build(&r, &cur, &lead, 1, &o, &a);
	struct buf md = BUF_INIT;
	report_daily_md(&r, &md);
	const char *m = buf_str(&md);
	CHECK(strstr(m, "\n### 1. [feed-rs 0.1.1](https://github.com/feed-rs/feed-rs/releases/tag/0.1.1)\n") != NULL);
	CHECK(strstr(m, "**[feed-rs 0.1.1](") != NULL); /* 今日必读 */
	CHECK(strstr(m, "### 1. 0") == NULL && strstr(m, "[0\\.1.1]") == NULL);
	buf_free(&md);
	arena_free(&a);
}

int
main(void)
{
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	golden("zh");
	golden("en");
	english_is_english();
	time_zone();
	health_cap();
	health_summary_counts();
	failed_feed_reasons();
	english_plurals();
	also_in_links();
	wechat_cites_as_numbered();
	tag_title_names_project();
	return test_done("test_daily_render");
}
