/* test_weekly_realfeeds.c: the weekly over a week of real feeds from the shared corpus
 * (The H / heise news, Daring Fireball, TechCrunch, Golem, QEMU and gulp releases, russ cox),
 * their dates squeezed into one week. Checked as an editor would read the post, offline and
 * with the LLM stand-in: groups are chosen by how many stories they hold and never carry a
 * generic name ("Cloud", "Launches"), 其他新闻 is capped (the rest only in 参考资料),
 * versioned releases are 开源项目, and the extracts end at sentence ends. The corpus text is
 * read from ../shared, never copied here: the golden (golden/realfeeds-zh.outline) is the
 * post's outline (headings, each paragraph's date and source, the reference count), not its
 * text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/longform/weekly.h"
#include "feed/feed.h"
#include "llmserver.h"
#include "store/items.h"
#include "store/select.h"
#include "store/sources.h"
#include "testlib.h"
#include "util/fs.h"
#include "util/str.h"
#include "wfixture.h"

#define NOW INT64_C(1771675200) /* 2026-02-21T12:00:00Z, WFX_NOW */

static const char *const feeds[] = {
	"laminas-feed/test/Reader/Integration/_files/h-online.com-atom10.xml",
	"netnewswire/Modules/RSParser/Tests/RSParserTests/Resources/DaringFireball.atom",
	"feedjira/spec/sample_feeds/TechCrunch.xml",
	"miniflux/internal/reader/parser/testdata/encoding_ISO-8859-1.xml",
	"netnewswire/Modules/RSParser/Tests/RSParserTests/Resources/qemu.atom",
	"rss-parser/test/input/gulp-atom.atom",
	"netnewswire/Modules/RSParser/Tests/RSParserTests/Resources/russcox.atom",
};

struct load {
	struct store_items *w;
	int64_t source_id, newest, shift;
	int pass;
	size_t count;
};

static int
on_item(void *ctx, const struct feed_doc *doc, const struct feed_item *it)
{
	struct load *l = ctx;
	(void)doc;
	int64_t date = feed_item_date(it);
	if (date == FEED_NO_DATE)
		return 0;
	if (l->pass == 0) {
		if (date > l->newest)
			l->newest = date;
		return 0;
	}
	/* Keep the feed's rhythm; squeeze it so a busy feed's last week fits into ours. */
	int64_t when = NOW - (l->newest - date) / 4 + l->shift;
	if (when <= NOW - 7 * 86400)
		return 0;
	struct feed_item copy = *it;
	copy.published = when;
	copy.updated = FEED_NO_DATE;
	enum store_put_result r;
	struct err e;
	if (store_item_put(l->w, l->source_id, &copy, NOW, &r, &e) < 0) {
		fprintf(stderr, "put: %s\n", e.msg);
		return 1;
	}
	l->count++;
	return 0;
}

/* Words that name no company, project or topic: a group heading made of one is generic. */
static int
generic_heading(const char *name)
{
	static const char *const generic[] = {"cloud", "launches", "launch", "update", "updates", "security", "new",
	                                      "open", "review", "release", "released", "week", "news", "apps", "app",
	                                      "data", "web", "mobile", "video", "games", "the", "how", "why"};
	for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
		if (str_casecmp(name, generic[i]) == 0)
			return 1;
	return 0;
}

static int
ends_at_sentence(const char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ')'))
		n--;
	if (n >= 3 && (strncmp(s + n - 3, "\xe3\x80\x82", 3) == 0 || strncmp(s + n - 3, "\xef\xbc\x89", 3) == 0 ||
	               strncmp(s + n - 3, "\xe2\x80\x9d", 3) == 0 || strncmp(s + n - 3, "\xe3\x80\x8d", 3) == 0))
		return 1; /* 。 ） ” 」 */
	return n > 0 && strchr(".!?\"'", s[n - 1]) != NULL;
}

/* Load the corpus feeds into home/brief.db, their dates moved into the week before NOW.
 * Returns the number of items stored. */
static size_t
load_week(const char *shared, const char *home)
{
	char db[4200];
	snprintf(db, sizeof db, "%s/brief.db", home);
	struct store st;
	struct err e;
	CHECK(fs_mkdirs(home, 1, &e) == 0);
	CHECK(store_open(&st, db, &e) == 0);
	struct store_items w;
	CHECK(store_items_open(&w, &st, &e) == 0);
	size_t loaded = 0;
	for (size_t f = 0; f < sizeof feeds / sizeof feeds[0]; f++) {
		char path[2048], url[2100];
		snprintf(path, sizeof path, "%s/corpus/%s", shared, feeds[f]);
		snprintf(url, sizeof url, "file:///corpus/%s", feeds[f]);
		struct buf data = BUF_INIT;
		test_read_file(path, &data);
		struct arena a = ARENA_INIT;
		struct feed_doc doc;
		struct load l = {.w = &w, .newest = INT64_MIN, .shift = -(int64_t)(f * 5 % 48) * 3600};
		feed_parse(data.data, data.len, NULL, &a, on_item, &l, &doc);
		CHECK(store_source_add(&st, SOURCE_USER, url, doc.feed.title, NULL, NULL, NOW - 86400 * 30, &l.source_id,
		                       NULL, &e) == 0);
		l.pass = 1;
		CHECK(store_begin(&st, &e) == 0);
		feed_parse(data.data, data.len, NULL, &a, on_item, &l, &doc);
		CHECK(store_commit(&st, &e) == 0);
		loaded += l.count;
		arena_free(&a);
		buf_free(&data);
	}
	store_items_close(&w);
	store_close(&st);
	return loaded;
}

/* The offline post built in process: every property checked on its structure. */
static void
check_offline_post(const char *home)
{
	char db[4200];
	snprintf(db, sizeof db, "%s/brief.db", home);
	struct store st;
	struct err e;
	CHECK(store_open(&st, db, &e) == 0);
	struct arena arena = ARENA_INIT;
	struct article *arts;
	size_t n;
	CHECK(store_select_window(&st, NOW, 7 * 24, NULL, 0, &arena, &arts, &n, &e) == 0);
	struct weekly_opts o = {.now = NOW, .days = 7, .lang = "zh", .force_offline = 1};
	struct weekly_post post;
	memset(&post, 0, sizeof post);
	CHECK(weekly_build(&st, arts, n, &o, &arena, &post, &e) == 0);

	size_t shown = 0, prev_named = (size_t)-1, other_groups = 0;
	for (int k = 0; k < WEEKLY_KIND_COUNT; k++) {
		const struct weekly_section *sec = &post.sections[k];
		for (size_t g = 0; g < sec->group_count; g++) {
			const struct weekly_group *grp = &sec->groups[g];
			shown += grp->para_count;
			for (size_t p = 0; p < grp->para_count; p++) {
				if (!ends_at_sentence(grp->paras[p].text))
					fprintf(stderr, "    not at a sentence end: %s\n", grp->paras[p].text);
				CHECK(ends_at_sentence(grp->paras[p].text));
			}
			if (!grp->name)
				continue;
			if (strcmp(grp->name, "其他新闻") == 0 || strcmp(grp->name, "其它小道消息") == 0) {
				CHECK(grp->para_count <= 4); /* the rest only in 参考资料 */
				other_groups++;
				continue;
			}
			if (generic_heading(grp->name))
				fprintf(stderr, "    generic group name: %s\n", grp->name);
			CHECK(!generic_heading(grp->name));
			/* Named groups come in order of how many stories they hold. */
			CHECK(grp->para_count <= prev_named);
			prev_named = grp->para_count;
		}
	}
	/* The week has more stories than the post tells: the cap really bit. */
	CHECK(other_groups >= 1);
	CHECK(post.ref_count > shown);
	/* The versioned releases of QEMU and gulp are open-source items, not news. */
	const struct weekly_section *oss = &post.sections[WEEKLY_OPEN_SOURCE];
	int qemu = 0, gulp = 0;
	for (size_t g = 0; g < oss->group_count; g++)
		for (size_t p = 0; p < oss->groups[g].para_count; p++) {
			qemu |= strstr(oss->groups[g].paras[p].text, "QEMU version") != NULL;
			gulp |= strstr(oss->groups[g].paras[p].text, "gulp") != NULL;
		}
	CHECK(qemu);
	CHECK(gulp);
	fprintf(stderr, "  %zu articles, %zu paragraphs told, %zu references\n", n, shown, post.ref_count);
	arena_free(&arena);
	store_close(&st);
}

/* A rendered post's outline: its headings as they are, each paragraph as "¶" with the date
 * and source it opens with (offline paragraphs: "2月21日，Source 报道《…》"; the title and
 * extract are the feed's text and stay out of the repository) or the sentence it is when
 * it quotes nothing ("本周暂无。", "gulp 发布 v3.9.0。"), the reference count. Checks
 * the rendered groups on the way: no generic name, at most 4 paragraphs under 其他新闻. */
static void
outline(const char *md, struct buf *out)
{
	const char *p = strstr(md, "\n# ");
	size_t paras = 0, refs = 0;
	int in_other = 0, in_refs = 0;
	while (p && *p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len >= 2 && p[0] == '#') {
			if (in_other)
				CHECK(paras <= 4);
			paras = 0;
			buf_append(out, p, len);
			buf_putc(out, '\n');
			in_refs = strncmp(p, "# 参考资料", strlen("# 参考资料")) == 0 || strncmp(p, "# References", 12) == 0;
			const char *dot = strstr(p, ". ");
			in_other = 0;
			if (strncmp(p, "### ", 4) == 0 && dot && dot < p + len) {
				char name[128];
				size_t nl = (size_t)(p + len - (dot + 2));
				snprintf(name, sizeof name, "%.*s", (int)(nl < sizeof name ? nl : sizeof name - 1), dot + 2);
				in_other = strcmp(name, "其他新闻") == 0 || strcmp(name, "其它小道消息") == 0 ||
				           strcmp(name, "Other news") == 0 || strcmp(name, "Other rumours") == 0;
				if (generic_heading(name))
					fprintf(stderr, "    generic group heading: %s\n", name);
				CHECK(!generic_heading(name));
			}
		} else if (in_refs && len > 0 && is_ascii_digit((unsigned char)p[0])) {
			refs++;
		} else if (!in_refs && len > 0 && p[0] != '>' && p[0] != '-' && p[0] != '*') {
			paras++;
			const char *said = strstr(p, " 报道《"), *stop = strstr(p, "。");
			buf_puts(out, "¶ ");
			if (said && said < p + len)
				buf_append(out, p, (size_t)(said - p));
			else if (stop && stop < p + len) /* our own sentence: "本周暂无。", "gulp 发布 v3.9.0。" */
				buf_append(out, p, (size_t)(stop + strlen("。") - p));
			buf_putc(out, '\n');
		}
		p = eol ? eol + 1 : NULL;
	}
	if (in_other)
		CHECK(paras <= 4);
	buf_printf(out, "(%zu references)\n", refs);
}

int
main(void)
{
	const char *shared = test_need_shared();
	char home[4096];
	snprintf(home, sizeof home, "%s/home", test_tmpdir());
	CHECK(load_week(shared, home) > 60);
	check_offline_post(home);

	/* The rendered offline post: its outline is the golden. */
	const char *offline[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--now", WFX_NOW, NULL};
	struct buf out = BUF_INIT, err = BUF_INIT, ol = BUF_INIT;
	CHECK_INT(wfx_brief(offline, NULL, &out, &err), 0);
	outline(buf_str(&out), &ol);
	wfx_golden("weekly", "realfeeds-zh.outline", buf_str(&ol));
	if (getenv("BRIEF_KEEP_TMP")) {
		char path[4200];
		snprintf(path, sizeof path, "%s/offline.md", test_tmpdir());
		test_write_file(path, buf_str(&out), out.len);
	}

	/* In English: the same groups; a German extract is labelled as quoted, not translated. */
	const char *english[] = {"weekly", "--home", home, "--no-fetch", "--offline", "--lang", "en", "--now", WFX_NOW, NULL};
	buf_clear(&out);
	buf_clear(&ol);
	CHECK_INT(wfx_brief(english, NULL, &out, &err), 0);
	outline(buf_str(&out), &ol);
	CHECK(strstr(buf_str(&out), "\n### 4. Other news\n") != NULL);
	CHECK(strstr(buf_str(&out), "Excerpt in the original language: Wichtige Patches") != NULL);

	/* With the LLM stand-in: the model writes the groups' paragraphs, the grouping holds. */
	struct llmsrv_opts so = {0};
	struct llmsrv *srv = llmsrv_start(&so);
	CHECK(srv != NULL);
	if (srv) {
		const char *llm[] = {"weekly", "--home", home, "--no-fetch", "--now", WFX_NOW, NULL};
		buf_clear(&out);
		buf_clear(&ol);
		CHECK_INT(wfx_brief(llm, llmsrv_brief_env(srv), &out, &err), 0);
		CHECK(strstr(buf_str(&out), "【周报稿】") != NULL); /* the model's paragraphs */
		outline(buf_str(&out), &ol);
		const char *oss = strstr(buf_str(&out), "\n# 三、开源项目\n");
		const char *refs = strstr(buf_str(&out), "\n# 参考资料\n");
		CHECK(oss && refs && oss < refs);
		if (oss && refs) {
			const char *q = strstr(oss, "QEMU");
			CHECK(q && q < refs);
		}
		if (getenv("BRIEF_KEEP_TMP")) {
			char path[4200];
			snprintf(path, sizeof path, "%s/llm.md", test_tmpdir());
			test_write_file(path, buf_str(&out), out.len);
		}
		llmsrv_stop(srv);
	}
	buf_free(&out);
	buf_free(&err);
	buf_free(&ol);
	return test_done("test_weekly_realfeeds");
}
