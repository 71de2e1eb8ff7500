/* fuzz_daily.c: libFuzzer target for the offline daily: a window of articles as feeds give
 * them (source name, title, text, the feed's categories) goes through curate_run with the
 * offline engine (clustering, verdicts with the sources' priors and the window's keyword
 * index, ranking, extractive enrichment, 今日看点), report_build, the Markdown, HTML, JSON and
 * 公众号 renderings, and the chat channels' conversions of the Markdown (Telegram HTML, Slack,
 * plain chat). The first byte picks the language (bit 0) and the number of articles
 * (1-8, bits 1-3); the rest is split at 0x1f into source, title, text and categories (comma
 * separated) per article. Invariants (abort() on violation):
 *   - every verdict: relevance, quality and timeliness 1..10, a category, at most 4 keywords,
 *     each non-empty, valid UTF-8, one line without control characters;
 *   - every top story is one of the stories, enriched, with valid UTF-8 title, summary and
 *     reason; the highlights are valid UTF-8;
 *   - the renderings are valid UTF-8 without a bidi embedding or override, and with isolates
 *     only balanced within a line, as the renderers put them around right-to-left text (a
 *     feed's U+202E or stray U+2069 cannot reorder the rest of a line); the HTML has no "<script" in any case, the
 *     Markdown none whose '<' is not escaped; the JSON (data, whose strings hold the feed's
 *     words as they were) parses to an object; the 公众号 fragment has no "<script" either;
 *   - Telegram HTML has no tag but b, i, a href, code and pre; the chat conversions are valid
 *     UTF-8.
 * FUZZ_DAILY_DUMP=1 in the environment prints each input's Markdown, to read what it made. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/curate/curate.h"
#include "deliver/channel.h"
#include "fuzz_check.h"
#include "report/build.h"
#include "report/report.h"
#include "report/wechat.h"
#include "util/str.h"
#include "util/utf8.h"

#define MAX_ARTICLES 8
#define FIELDS 4
#define NOW 1771638960LL

static void
check_verdict(const struct verdict *v)
{
	if (v->relevance < 1 || v->relevance > 10 || v->quality < 1 || v->quality > 10 || v->timeliness < 1 ||
	    v->timeliness > 10 || (unsigned)v->category >= CAT_COUNT || v->keyword_count > 4)
		abort();
	for (size_t k = 0; k < v->keyword_count; k++) {
		const char *w = v->keywords[k];
		fuzz_check_text(w, 1);
		if (!*w)
			abort();
		for (const unsigned char *p = (const unsigned char *)w; *p; p++)
			if (*p < 0x20 || *p == 0x7f)
				abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	struct arena a = ARENA_INIT;
	const char *fields[MAX_ARTICLES * FIELDS];
	size_t n;
	const char *lang = fuzz_window_input(data, size, MAX_ARTICLES, FIELDS, &a, fields, &n);
	/* three sources, so sources have several articles (their priors); every fourth undated */
	struct article *arts = fuzz_window(n, 3, 4, 3 * 3600, NOW, &a);
	for (size_t i = 0; i < n; i++) {
		const char **f = &fields[i * FIELDS];
		struct article *art = &arts[i];
		art->source_name = f[0];
		art->source_url = arena_printf(&a, "https://s%zu.example/feed", i % 3);
		art->title = f[1];
		art->link = arena_printf(&a, "https://s%zu.example/%zu", i % 3, i);
		art->text = f[2];
		size_t cats = 0;
		const char **cat = arena_alloc(&a, 8 * sizeof *cat);
		for (const char *c = f[3]; *c && cats < 8;) {
			size_t len = strcspn(c, ",");
			cat[cats++] = arena_strndup(&a, c, len);
			c += len + (c[len] == ',');
		}
		art->categories = cat;
		art->category_count = cats;
	}

	struct curate_opts opts = {.now = NOW, .hours = 48, .top_n = 5, .lang = lang, .force_offline = 1};
	struct curate_result cur;
	struct err e;
	if (curate_run(NULL, arts, n, &opts, &a, &cur, &e) < 0)
		abort(); /* the offline engine always produces a result */
	for (size_t s = 0; s < cur.story_count; s++)
		check_verdict(&cur.stories[s].verdict);
	for (size_t t = 0; t < cur.top_count; t++) {
		const struct story *st = cur.top[t];
		if (st < cur.stories || st >= cur.stories + cur.story_count || !st->has_enrichment)
			abort();
		fuzz_check_text(st->enrichment.title, 1);
		fuzz_check_text(st->enrichment.summary, 1);
		fuzz_check_text(st->enrichment.reason, 1);
	}
	if (cur.highlights)
		fuzz_check_text(cur.highlights, 1);

	struct report r;
	memset(&r, 0, sizeof r);
	struct report_build_opts bo = {lang, 48, 5, NOW};
	report_build(&r, &cur, arts, n, &bo, &a);
	struct buf out = BUF_INIT;
	report_daily_md(&r, &out);
	if (getenv("FUZZ_DAILY_DUMP"))
		fprintf(stderr, "%.*s\n", (int)out.len, out.data);
	fuzz_check_rendering(&out, 1, "fuzz_daily");
	/* The chat channels' conversions of that Markdown. */
	struct buf chat = BUF_INIT;
	mdconv_telegram_html(buf_str(&out), &chat);
	fuzz_check_telegram(&chat, "fuzz_daily");
	buf_clear(&chat);
	mdconv_for_chat(buf_str(&out), &chat);
	if (!utf8_valid(chat.data ? chat.data : "", chat.len))
		abort();
	buf_clear(&chat);
	mdconv_slack(buf_str(&out), &chat);
	if (!utf8_valid(chat.data ? chat.data : "", chat.len))
		abort();
	buf_free(&chat);
	buf_clear(&out);
	struct wechat_theme theme;
	if (wechat_theme_load(NULL, &theme, &e) < 0)
		abort();
	wechat_daily(&r, &theme, &out);
	fuzz_check_rendering(&out, 0, "fuzz_daily");
	buf_clear(&out);
	report_daily_html(&r, &out);
	fuzz_check_rendering(&out, 0, "fuzz_daily");
	/* The digest as a site's post: its front matter is the fences and the keys brief writes,
	 * each value one line, whatever the feeds' titles and the 今日看点 say. */
	for (int fm = WEEKLY_FM_JEKYLL; fm <= WEEKLY_FM_HUGO; fm++) {
		buf_clear(&out);
		report_daily_post_md(&r, (enum weekly_front_matter)fm, &out);
		fuzz_check_rendering(&out, 1, "fuzz_daily");
		const char *body = strstr(out.data + 4, "\n---\n\n");
		if (strncmp(out.data, "---\n", 4) != 0 || !body)
			abort();
		static const char *const keys[] = {"layout: ", "title: ", "date: ", "tags:", "  - ", "categories:",
		                                   "summary: ", "draft: "};
		for (const char *line = out.data + 4; line <= body; line = strchr(line, '\n') + 1) {
			size_t k = 0;
			while (k < sizeof keys / sizeof keys[0] && strncmp(line, keys[k], strlen(keys[k])) != 0)
				k++;
			if (k == sizeof keys / sizeof keys[0])
				abort();
		}
	}
	buf_clear(&out);
	report_daily_json(&r, &out);
	fuzz_check_json_object(&out);
	buf_free(&out);

	arena_free(&a);
	return 0;
}
