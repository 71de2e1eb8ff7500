/* fixture.c: hand-built reports (through report_build, from curated stories) and the
 * seed-000 structure checks shared by the daily tests. */
#include "fixture.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"
#include "report/build.h"
#include "testlib.h"
#include "util/fs.h"
#include "util/str.h"
#include "util/utf8.h"

struct fx_story {
	const char *source, *title, *link;
	int64_t age;        /* seconds before FIXTURE_NOW; -1 = undated */
	enum category cat;
	int rel, qual, time;
	const char *tr_title, *summary, *reason;
	const char *kw[4];
	const char *also_source, *also_link; /* a second source of the same story */
};

static const struct fx_story stories[] = {
	{"simonwillison.net", "Taalas serves Llama 3.1 8B at 17,000 tokens/second",
	 "https://simonwillison.net/2026/Feb/20/taalas/#atom-everything", 3 * 3600 + 120, CAT_AI_ML, 9, 9, 9,
	 "Taalas 以定制硬件实现 Llama 3.1 8B 每秒 17,000 token 的推理速度",
	 "加拿大硬件初创公司 Taalas 把 Llama 3.1 8B 固化进专用芯片，推理速度达到每秒 17,000 个 token。\n\n"
	 "这远超常规 GPU 方案。",
	 "想了解专用硬件与通用 GPU 的性能差距。", {"Taalas", "Llama 3.1", "hardware", "inference"},
	 "news.ycombinator.com", "https://news.ycombinator.com/item?id=1"},
	{"simonwillison.net", "ggml.ai joins Hugging Face to ensure the long-term progress of Local AI",
	 "https://simonwillison.net/2026/Feb/20/ggmlai-joins-hugging-face/", 8 * 3600, CAT_AI_ML, 9, 9, 9,
	 "ggml.ai 加入 Hugging Face 以推动本地 AI 长期发展",
	 "llama.cpp 的作者及其团队加入 Hugging Face，目标是确保本地 AI 的长期独立发展。",
	 "关注本地 AI 的读者必看。", {"ggml", "Hugging Face", "llama.cpp", NULL}, NULL, NULL},
	{"krebsonsecurity.com", "'Starkiller' Phishing Service Proxies Real Login Pages, MFA",
	 "https://krebsonsecurity.com/2026/02/starkiller-phishing/", 5 * 3600, CAT_SECURITY, 9, 9, 8,
	 "“Starkiller”钓鱼服务通过代理真实登录页面绕过 MFA",
	 "新型钓鱼即服务平台 Starkiller 采用反向代理，实时转发受害者与真实网站之间的流量。",
	 "了解 MFA 为何不再足够。", {"phishing", "MFA", "security", NULL}, NULL, NULL},
	{"devblogs.microsoft.com/oldnewthing", "Exploring the signals the dialog manager uses for dismissing a dialog",
	 "https://devblogs.microsoft.com/oldnewthing/20260219-00/?p=112072", 30 * 3600, CAT_ENGINEERING, 7, 8, 6,
	 "探索对话框管理器使用的关闭信号", "Windows 对话框管理器通过特定消息触发关闭。", "理解底层信号流。",
	 {"Win32", "dialog", "Windows API", NULL}, NULL, NULL},
	{"devblogs.microsoft.com/oldnewthing", "Detecting the ESC key, first (failed) attempt",
	 "https://devblogs.microsoft.com/oldnewthing/20260220-00/?p=112074", 10 * 3600, CAT_ENGINEERING, 7, 8, 7,
	 "检测 ESC 键的首次（失败）尝试", "用 GetAsyncKeyState 嗅探按键状态存在时序竞争。", "失败的尝试同样有启发。",
	 {"win32", "Dialog", "windows api", NULL}, NULL, NULL},
	{"idiallo.com", "Teleoperation is Always the Butt of the Joke",
	 "https://idiallo.com/blog/teleoperation-is-the-butt-of-the-joke?src=feed", 13 * 3600, CAT_OPINION, 8, 8, 7,
	 "远程操作总是笑话的主角", "许多标榜“AI 自动化”的服务实际依赖人工远程操作。", "看清“伪 AI”。",
	 {"teleoperation", "AI hype", "automation", "labor"}, NULL, NULL},
	{"repebble.com", "CloudPebble Returns! Plus New Pure JavaScript and Round 2 SDK",
	 "https://repebble.com/blog/cloudpebble-returns", 26 * 3600, CAT_TOOLS, 7, 7, 7,
	 "CloudPebble 回归！新增纯 JavaScript 开发与 Round 2 SDK", "RePebble 恢复了 CloudPebble 在线 IDE。",
	 "复古智能手表平台的新生。", {"Pebble", "SDK", "JavaScript", NULL}, NULL, NULL},
	{"nesbitt.io", "ActivityPub", "https://nesbitt.io/2026/02/20/activitypub.html", -1, CAT_ENGINEERING, 8, 8, 5,
	 "ActivityPub：联邦式社交网络协议", "ActivityPub 是联邦宇宙的核心协议。", NULL,
	 {"ActivityPub", "federation", "inference", NULL}, NULL, NULL},
};
#define STORY_COUNT (sizeof stories / sizeof stories[0])

static struct article *
make_article(struct arena *a, const char *source, const char *title, const char *link, int64_t age)
{
	struct article *art = arena_alloc(a, sizeof *art);
	art->source_name = source;
	art->source_url = arena_printf(a, "https://%s/feed", source);
	art->title = title;
	art->link = link;
	art->published = age < 0 ? FEED_NO_DATE : FIXTURE_NOW - age;
	art->first_seen = FIXTURE_NOW - 3600;
	art->when = age < 0 ? art->first_seen : art->published;
	return art;
}

static void
build(struct report *r, struct arena *a, const struct fx_story *fx, size_t n, const char *lang,
      const char *highlights, const char *engine)
{
	struct story *st = arena_alloc(a, n * sizeof *st);
	struct story **top = arena_alloc(a, n * sizeof *top);
	struct article *window = arena_alloc(a, (n + 2) * sizeof *window);
	size_t window_count = 0;
	for (size_t i = 0; i < n; i++) {
		struct story *s = &st[i];
		s->id = arena_printf(a, "s%012zx", i + 1);
		s->lead = make_article(a, fx[i].source, fx[i].title, fx[i].link, fx[i].age);
		s->member_count = fx[i].also_source ? 2 : 1;
		s->members = arena_alloc(a, 2 * sizeof *s->members);
		s->members[0] = s->lead;
		if (fx[i].also_source)
			s->members[1] = make_article(a, fx[i].also_source, fx[i].title, fx[i].also_link, fx[i].age);
		s->verdict = (struct verdict){fx[i].rel, fx[i].qual, fx[i].time, fx[i].cat, NULL, 0, 0, NULL};
		s->verdict.keywords = arena_alloc(a, 4 * sizeof(char *));
		for (size_t k = 0; k < 4 && fx[i].kw[k]; k++)
			s->verdict.keywords[s->verdict.keyword_count++] = fx[i].kw[k];
		s->has_enrichment = 1;
		s->enrichment = (struct enrichment){fx[i].tr_title, fx[i].summary, fx[i].reason, 0, 0};
		s->score = fx[i].rel + fx[i].qual + fx[i].time;
		top[i] = s;
		window[window_count++] = *s->lead;
	}
	/* Two more articles in the window that did not make the cut: one dated far ahead. */
	window[window_count] = *make_article(a, "example.org", "A post from the future", "https://example.org/f", 0);
	window[window_count++].published = FIXTURE_NOW + 40 * 86400;
	window[window_count++] = *make_article(a, "example.org", "Minor note", "https://example.org/m", 7200);
	struct curate_result cur = {0};
	cur.stories = st;
	cur.story_count = n;
	cur.top = top;
	cur.top_count = n;
	cur.highlights = highlights;
	cur.engine = engine;
	cur.model = strcmp(engine, "llm") == 0 ? "stand-in-model" : NULL;
	struct report_build_opts o = {lang, 48, 15, FIXTURE_NOW};
	report_build(r, &cur, window, window_count, &o, a);
	r->is_default_list = 1;
	r->stats.feeds_total = 92;
	r->stats.feeds_ok = 81;
	r->stats.articles_total = 2362;
	struct report_health *h = &r->health;
	h->stale_days = 30;
	h->failed = arena_alloc(a, 2 * sizeof *h->failed);
	h->failed[h->failed_count++] = (struct report_problem){"example.com", "https://example.com/feed.xml",
	                                                        "HTTP 403 Forbidden", FEED_NO_DATE};
	h->failed[h->failed_count++] = (struct report_problem){"slow.example", "https://slow.example/rss",
	                                                        "timed out after 15 s", FEED_NO_DATE};
	h->stale = arena_alloc(a, 1 * sizeof *h->stale);
	h->stale[h->stale_count++] = (struct report_problem){"quiet.example", "https://quiet.example/atom.xml", NULL,
	                                                      FIXTURE_NOW - 90 * 86400};
}

void
fixture_report(struct report *r, struct arena *a, const char *lang)
{
	build(r, a, stories, STORY_COUNT, lang,
	      "AI 行业正从“模型能力”转向“推理效率”：定制 ASIC 与本地推理生态同时推进。\n\n"
	      "与此同时，钓鱼服务绕过 MFA 等安全威胁提醒我们，技术狂飙也有代价。",
	      "offline");
}

const char *const fixture_hostile_strings[] = {
	"<script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script>",
	"\"]| x-axis [\"a\"] %%{init: {'theme':'dark'}}%% pie showData \"x\" : 99",
	"```mermaid\ngraph TD; A-->B;\n```",
	"<img src=\"/leak-img\" onerror=\"fetch('/leak-fetch')\">",
	"שלום עולם — مرحبا بالعالم",
	"emoji 🚀🔥👩‍💻 and \u202Eevil override\u202C text",
	"[click](javascript:alert(1)) & &amp; $x$ | a | b |",
	NULL,
};

void
fixture_hostile(struct report *r, struct arena *a)
{
	struct buf long_title = BUF_INIT;
	while (long_title.len < 500)
		buf_puts(&long_title, "Long title <b>bold</b> \"quoted\" ");
	char *lt = arena_strndup(a, buf_str(&long_title), 500);
	buf_free(&long_title);
	const char *const *h = fixture_hostile_strings;
	struct fx_story fx[] = {
		{h[0], h[0], "https://evil.example/a?x=\"><script>alert(1)</script>", 3600, CAT_AI_ML, 9, 9, 9, h[1],
		 "line one <script>alert(1)</script>\n- not a list\n# not a heading\n\n```\nnot code\n```\n> not nested",
		 h[3], {h[0], h[1], "<b>kw</b>", "\"quote\""}, h[4], "javascript:alert(1)"},
		{h[4], h[4], "javascript:alert(1)", 7200, CAT_SECURITY, 8, 8, 8, h[5], h[4], h[6],
		 {h[4], "🚀 rocket", "```", NULL}, NULL, NULL},
		{"long.example", lt, "https://long.example/p", 9000, CAT_OTHER, 7, 7, 7, lt, h[2], h[1],
		 {h[2], h[6], NULL, NULL}, NULL, NULL},
		{h[6], h[6], "https://x.example/(a)<b>", -1, CAT_OTHER, 6, 6, 6, "", h[5], NULL,
		 {"%%{init}%%", NULL, NULL, NULL}, NULL, NULL},
	};
	build(r, a, fx, sizeof fx / sizeof fx[0], "zh", h[0], "llm");
	r->model = h[0];
	r->health.failed[0].detail = h[0];
	r->health.failed[0].name = h[1];
	r->health.stale[0].name = h[4];
}

/* ---- structure checks ---- */

static const char *
find_after(const char *hay, const char *needle, const char *from)
{
	const char *p = strstr(from ? from : hay, needle);
	if (!p)
		fprintf(stderr, "missing (in order): %s\n", needle);
	return p;
}

static long
jint(json_t *o, const char *k)
{
	return (long)json_integer_value(json_object_get(o, k));
}

/* The text of the line that contains p (up to the newline). */
static char *
line_at(const char *p)
{
	const char *e = strchr(p, '\n');
	return xstrndup(p, e ? (size_t)(e - p) : strlen(p));
}

static void
check_keys(json_t *o, const char *const *keys, size_t n)
{
	size_t i = 0;
	const char *key;
	json_t *v;
	json_object_foreach(o, key, v) {
		(void)v;
		CHECK(i < n && strcmp(key, keys[i]) == 0);
		i++;
	}
	CHECK_INT(i, n);
}

void
check_structure(const char *md, const char *json)
{
	json_error_t jerr;
	json_t *j = json_loads(json, 0, &jerr);
	CHECK(j != NULL);
	if (!j)
		return;
	/* Exactly the keys of docs/cli.md, in its order. */
	const char *top_keys[] = {"date", "generated_at", "lang", "engine", "model", "stats", "highlights", "items",
	                          "keywords", "categories"};
	const char *item_keys[] = {"rank", "id", "title", "title_translated", "link", "source", "published", "category",
	                           "scores", "summary", "reason", "keywords"};
	check_keys(j, top_keys, sizeof top_keys / sizeof top_keys[0]);
	for (size_t i = 0; i < json_array_size(json_object_get(j, "items")); i++) {
		json_t *it = json_array_get(json_object_get(j, "items"), i);
		check_keys(it, item_keys, sizeof item_keys / sizeof item_keys[0]);
		/* A "translation" that is the title itself is none (the Markdown heads the item with
		 * the original title, once): null, as docs/daily.md says for an absent one. */
		const char *tr = json_string_value(json_object_get(it, "title_translated"));
		const char *title = json_string_value(json_object_get(it, "title"));
		if (tr && title && strcmp(tr, title) == 0)
			fprintf(stderr, "items[%zu].title_translated is the title: \"%s\"\n", i, tr);
		CHECK(!tr || !title || strcmp(tr, title) != 0);
	}
	int zh = strcmp(json_string_value(json_object_get(j, "lang")), "en") != 0;
	json_t *stats = json_object_get(j, "stats");
	long selected = jint(stats, "selected");
	CHECK_INT(json_array_size(json_object_get(j, "items")), selected);

	/* Sections of seed 000, in order. */
	const char *zh_marks[] = {"# 📰 ", "\n> ", "\n## 📝 今日看点\n", "\n## 🏆 今日必读\n", "\n🥇 **",
	                          "\n## 📊 数据概览\n", "\n### 分类分布\n", "```mermaid\npie showData\n",
	                          "\n### 高频关键词\n", "```mermaid\nxychart-beta horizontal\n", "<details>\n<summary>📈 ",
	                          "</details>", "\n### 🏷️ 话题标签\n", "\n### 1. ", "\n## 🩺 订阅源健康\n", "\n*生成于 "};
	const char *en_marks[] = {"# 📰 ", "\n> ", "\n## 📝 Today's Highlights\n", "\n## 🏆 Must Read\n", "\n🥇 **",
	                          "\n## 📊 At a Glance\n", "\n### Categories\n", "```mermaid\npie showData\n",
	                          "\n### Top Keywords\n", "```mermaid\nxychart-beta horizontal\n", "<details>\n<summary>📈 ",
	                          "</details>", "\n### 🏷️ Topics\n", "\n### 1. ", "\n## 🩺 Feed Health\n", "\n*Generated "};
	const char **marks = zh ? zh_marks : en_marks;
	const char *p = md;
	for (size_t i = 0; i < sizeof zh_marks / sizeof zh_marks[0] && p; i++) {
		p = find_after(md, marks[i], p);
		CHECK(p != NULL);
		if (p)
			p += strlen(marks[i]);
	}
	CHECK(strstr(md, "公众号") == NULL && strstr(md, "欢迎关注") == NULL); /* no advertising */
	/* "other", the leftovers, is the last category section whatever its count */
	const char *other = strstr(md, zh ? "\n## 📝 其他\n" : "\n## 📝 Other\n");
	if (other) {
		const char *next = strstr(other + 1, "\n## ");
		CHECK(next == NULL || strstr(next, zh ? "\n## 🩺 订阅源健康\n" : "\n## 🩺 Feed Health\n") == next);
	}
	const char *date = json_string_value(json_object_get(j, "date"));
	CHECK(date && strstr(md, date) != NULL);
	if (selected >= 3)
		CHECK(strstr(md, "\n🥈 **") && strstr(md, "\n🥉 **"));

	/* Stats table row = JSON stats. */
	const char *row = strstr(md, "|:---:|:---:|:---:|:---:|\n| ");
	CHECK(row != NULL);
	if (row) {
		long ok, total, fetched, window, hours, sel;
		row += strlen("|:---:|:---:|:---:|:---:|\n| ");
		int got = zh ? sscanf(row, "%ld/%ld | %ld 篇 → %ld 篇 | %ldh | **%ld 篇** |", &ok, &total, &fetched,
		                      &window, &hours, &sel)
		             : sscanf(row, "%ld/%ld | %ld → %ld | %ldh | **%ld** |", &ok, &total, &fetched, &window,
		                      &hours, &sel);
		CHECK_INT(got, 6);
		CHECK_INT(ok, jint(stats, "feeds_ok"));
		CHECK_INT(total, jint(stats, "feeds_total"));
		CHECK_INT(fetched, jint(stats, "articles_total"));
		CHECK_INT(window, jint(stats, "articles_in_window"));
		CHECK_INT(hours, jint(stats, "hours"));
		CHECK_INT(sel, selected);
	}

	/* Pie slices sum to the selected count and match the JSON categories. */
	const char *pie = strstr(md, "pie showData\n");
	long pie_sum = 0;
	size_t slices = 0;
	if (pie) {
		const char *end = strstr(pie, "```");
		for (const char *q = strstr(pie, "\" : "); q && q < end; q = strstr(q + 1, "\" : ")) {
			pie_sum += strtol(q + 4, NULL, 10);
			slices++;
		}
	}
	json_t *cats = json_object_get(j, "categories");
	CHECK_INT(pie_sum, selected);
	CHECK_INT(slices, json_array_size(cats));

	/* Tag cloud counts = JSON keyword counts (first 20, in order). */
	const char *cloud = strstr(md, zh ? "### 🏷️ 话题标签\n\n" : "### 🏷️ Topics\n\n");
	json_t *kws = json_object_get(j, "keywords");
	if (cloud && json_array_size(kws) > 0) {
		char *line = line_at(cloud + strlen(zh ? "### 🏷️ 话题标签\n\n" : "### 🏷️ Topics\n\n"));
		size_t n = 0;
		/* Entries are "word(N)" joined by " · "; the count is the last "(N)" of each. */
		for (char *seg = line; seg;) {
			char *next = strstr(seg, " · ");
			if (next)
				*next = '\0';
			char *open = strrchr(seg, '(');
			long c = open ? strtol(open + 1, NULL, 10) : -1;
			if (n < json_array_size(kws))
				CHECK_INT(c, jint(json_array_get(kws, n), "count"));
			n++;
			seg = next ? next + strlen(" · ") : NULL;
		}
		size_t want = json_array_size(kws) < 20 ? json_array_size(kws) : 20;
		CHECK_INT(n, want);
		CHECK(strncmp(line, "**", 2) == 0);
		free(line);
	}

	/* The text chart: every bar starts at the same display column. */
	const char *det = strstr(md, "<summary>📈 ");
	if (det) {
		const char *fence = strstr(det, "\n`");
		size_t fence_len = 0;
		while (fence && fence[1 + fence_len] == '`')
			fence_len++;
		const char *q = fence ? strchr(fence + 1, '\n') : NULL;
		size_t col = 0, rows = 0;
		while (q && q[1] && !(strncmp(q + 1, fence + 1, fence_len) == 0 && q[1 + fence_len] == '\n')) {
			char *line = line_at(q + 1);
			const char *bar = strstr(line, " │ ");
			CHECK(bar != NULL);
			if (bar) {
				size_t w = utf8_width(line, (size_t)(bar - line));
				if (rows == 0)
					col = w;
				CHECK_INT(w, col);
			}
			rows++;
			free(line);
			q = strchr(q + 1, '\n');
		}
		size_t want = json_array_size(kws) < 10 ? json_array_size(kws) : 10;
		CHECK_INT(rows, want);
	}

	/* One numbered entry per selected story, numbered 1..N. */
	long numbered = 0;
	for (long i = 1; i <= selected + 1; i++) {
		char mark[32];
		snprintf(mark, sizeof mark, "\n### %ld. ", i);
		if (strstr(md, mark))
			numbered++;
	}
	CHECK_INT(numbered, selected);
	/* Each story once: its link appears in its entry (and at most in the must-read). */
	for (size_t i = 0; i < json_array_size(json_object_get(j, "items")); i++) {
		json_t *it = json_array_get(json_object_get(j, "items"), i);
		const char *id = json_string_value(json_object_get(it, "category"));
		CHECK(id != NULL);
	}
	json_decref(j);
}

void
check_golden(const char *name, const char *got)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/daily/golden/%s", getenv("BRIEF_SRC") ? getenv("BRIEF_SRC") : ".", name);
	const char *update = getenv("BRIEF_UPDATE_GOLDEN");
	if (update && strcmp(update, "1") == 0) {
		test_write_file(path, got, strlen(got));
		fprintf(stderr, "updated %s\n", path);
		return;
	}
	struct buf want = BUF_INIT;
	struct err e;
	test_checks++;
	if (fs_read_all(path, &want, &e) < 0) {
		test_failures++;
		fprintf(stderr, "golden %s missing (run with BRIEF_UPDATE_GOLDEN=1): %s\n", name, e.msg);
		buf_free(&want);
		return;
	}
	if (strcmp(buf_str(&want), got) != 0) {
		test_failures++;
		char tmp[4200];
		snprintf(tmp, sizeof tmp, "%s/%s.got", test_tmpdir(), name);
		test_write_file(tmp, got, strlen(got));
		fprintf(stderr, "golden %s differs; diff -u %s %s  (BRIEF_KEEP_TMP=1 keeps it)\n", name, path, tmp);
	}
	buf_free(&want);
}
