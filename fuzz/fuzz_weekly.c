/* fuzz_weekly.c: libFuzzer target for the offline weekly roundup: a window of articles as
 * feeds give them goes through weekly_build with the offline engine (curation, the company or
 * topic of each story, news / rumour / open-source classification, grouping, the capped other
 * news, extractive paragraphs) and the Markdown, HTML and JSON renderings. The first byte picks
 * the language (bit 0) and the number of articles (1-12, bits 1-4); the rest is split at 0x1f
 * into source name, feed URL, title, link and text per article (each field made valid UTF-8
 * after the split, as the parser stores text). Invariants (abort() on violation):
 *   - weekly_build succeeds, and every paragraph's reference numbers are 1..ref_count;
 *   - every paragraph, heading and reference title is valid UTF-8;
 *   - the Markdown, HTML and 公众号 renderings keep fuzz_check_rendering's invariants (valid
 *     UTF-8, no bidi override, no script); the JSON parses to an object. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ai/longform/weekly.h"
#include "fuzz_check.h"
#include "report/wechat.h"
#include "report/weekly.h"
#include "util/str.h"
#include "util/utf8.h"

#define MAX_ARTICLES 12
#define FIELDS 5
#define NOW 1771638960LL

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	struct arena a = ARENA_INIT;
	const char *fields[MAX_ARTICLES * FIELDS];
	size_t n;
	const char *lang = fuzz_window_input(data, size, MAX_ARTICLES, FIELDS, &a, fields, &n);
	/* four sources; every fifth article undated, the others 11 hours apart over the week */
	struct article *arts = fuzz_window(n, 4, 5, 11 * 3600, NOW, &a);
	for (size_t i = 0; i < n; i++) {
		const char **f = &fields[i * FIELDS];
		arts[i].source_name = f[0];
		arts[i].source_url = f[1];
		arts[i].title = f[2];
		arts[i].link = f[3];
		arts[i].text = f[4];
	}

	struct weekly_post post;
	memset(&post, 0, sizeof post);
	post.front_matter = (data[0] & 0x20u) ? WEEKLY_FM_HUGO : WEEKLY_FM_JEKYLL;
	post.issue = 7;
	post.title = "Weekly 7";
	post.date = "2026-02-21";
	post.datetime = "2026-02-21T01:56:00Z";
	post.week = "2026-W08";
	post.author = "fuzz";
	post.lang = lang;
	post.days = 7;
	struct weekly_opts wo = {.now = NOW, .days = 7, .lang = lang, .force_offline = 1};
	struct err e;
	if (weekly_build(NULL, arts, n, &wo, &a, &post, &e) < 0)
		abort(); /* offline, a window of articles always makes a post */
	for (int k = 0; k < WEEKLY_KIND_COUNT; k++)
		for (size_t g = 0; g < post.sections[k].group_count; g++) {
			const struct weekly_group *grp = &post.sections[k].groups[g];
			fuzz_check_text(grp->name, 0);
			for (size_t q = 0; q < grp->para_count; q++) {
				fuzz_check_text(grp->paras[q].text, 0);
				for (size_t r = 0; r < grp->paras[q].ref_count; r++)
					if (grp->paras[q].refs[r] < 1 || (size_t)grp->paras[q].refs[r] > post.ref_count)
						abort();
			}
		}
	for (size_t r = 0; r < post.ref_count; r++)
		fuzz_check_text(post.refs[r].title, 0);

	struct buf out = BUF_INIT;
	weekly_render_md(&post, &out);
	fuzz_check_rendering(&out, 1, "fuzz_weekly");
	buf_clear(&out);
	weekly_render_html(&post, &out);
	fuzz_check_rendering(&out, 0, "fuzz_weekly");
	buf_clear(&out);
	struct wechat_theme theme;
	if (wechat_theme_load(NULL, &theme, &e) < 0)
		abort();
	wechat_weekly(&post, &theme, &out);
	fuzz_check_rendering(&out, 0, "fuzz_weekly");
	buf_clear(&out);
	weekly_render_json(&post, &out);
	fuzz_check_json_object(&out);
	buf_free(&out);
	arena_free(&a);
	return 0;
}
