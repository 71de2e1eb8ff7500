/* test_fuzz_regress.c: replay the inputs in tests/fuzz_regress/TARGET/ (crashes found by
 * scripts/fuzz.sh, and hand-made hostile inputs) and the fuzzers' seeds in fuzz/seeds/TARGET/
 * through each parser entry point, with the invariants a unit test can state (a config error
 * names its line or key, a rejected answer says why, rendered HTML has no script and the
 * normalised Markdown subset reads back as itself); the sanitizer build turns any memory
 * error back into a failure. Then every target's own harness (fuzz/fuzz_TARGET.c, built with
 * replay.c's main as fuzz_replay_TARGET) replays both directories with its invariants, and
 * every directory there must name a target that has one: an input copied into
 * tests/fuzz_regress/TARGET/ is replayed, whatever TARGET is. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "ai/llm/prompt.h"
#include "ai/llm/schema.h"
#include "extract/extract.h"
#include "feed/date.h"
#include "feed/feed.h"
#include "feed/jsonfeed.h"
#include "feed/opml.h"
#include "feed/sanitize.h"
#include "report/mdsubset.h"
#include "testlib.h"
#include "util/config.h"
#include "util/fs.h"
#include "util/str.h"
#include "util/utf8.h"

static int
count_item(void *ctx, const struct feed_doc *doc, const struct feed_item *item)
{
	(void)doc;
	size_t *n = ctx;
	*n += item->title ? strlen(item->title) + 1 : 1;
	return 0;
}

/* True when every Markdown link destination in md (a "](" not escaped) is http(s). */
static int
md_links_http(const char *md)
{
	for (const char *p = md; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (p[0] == ']' && p[1] == '(' && strncmp(p + 2, "http://", 7) != 0 && strncmp(p + 2, "https://", 8) != 0)
			return 0;
	}
	return 1;
}

static void
replay(const char *target, const char *data, size_t len)
{
	struct arena arena = ARENA_INIT;
	struct feed_doc doc;
	size_t n = 0;
	struct feed_parse_opts opts = {.base_url = "http://fuzz.example/dir/feed"};
	if (strcmp(target, "config") == 0) {
		struct config cfg;
		struct err e = {{0}};
		if (config_parse(&cfg, data, len, "regress.conf", &e) < 0)
			CHECK(strncmp(e.msg, "regress.conf:", 13) == 0 || strncmp(e.msg, "config [", 8) == 0);
		config_free(&cfg);
	} else if (strcmp(target, "answer") == 0) {
		json_t *answer = schema_extract(data, len);
		for (int t = 0; answer && t < PROMPT_TASK_COUNT; t++) {
			char why[200] = "";
			if (schema_validate(prompt_schema((enum prompt_task)t), answer, why, sizeof why) < 0)
				CHECK(why[0] != '\0');
		}
		json_decref(answer);
	} else if (strcmp(target, "mdsubset") == 0) {
		/* fuzz_mdsubset's layout: the first byte picks the references (low 3 bits) */
		static const char *const links[] = {"https://a.example/", "javascript:alert(1)", NULL, "http://b.example/",
		                                    "https://c.example/", "https://d.example/", "https://e.example/",
		                                    "https://f.example/"};
		struct mds_refs refs = {len ? (unsigned char)data[0] & 7u : 0, links};
		char *text = xstrndup(len ? data + 1 : "", len ? len - 1 : 0);
		struct buf out = BUF_INIT, again = BUF_INIT;
		mds_html(&out, text, &refs, NULL);
		CHECK(strstr(buf_str(&out), "<script") == NULL && strstr(buf_str(&out), "href=\"javascript:") == NULL);
		buf_clear(&out);
		mds_md(&out, text, &refs);
		CHECK(md_links_http(buf_str(&out)));
		buf_clear(&out);
		mds_text(&out, text); /* the normalised text reads back as itself */
		mds_text(&again, buf_str(&out));
		CHECK_STR(buf_str(&again), buf_str(&out));
		buf_free(&again);
		buf_free(&out);
		free(text);
	} else if (strcmp(target, "date") == 0) {
		int64_t t;
		int rc = date_parse(data, len, &t);
		CHECK(rc == 0 || rc == -1);
	} else if (strcmp(target, "opml") == 0) {
		struct opml_feed *feeds;
		size_t count;
		struct err e;
		if (opml_parse(data, len, &arena, &feeds, &count, &e) == 0) {
			struct buf out = BUF_INIT;
			opml_write(&out, "x", feeds, count);
			CHECK(out.len > 0);
			buf_free(&out);
		}
	} else if (strcmp(target, "extract") == 0) {
		struct extract_result r;
		struct extract_opts eo = {.url = "http://fuzz.example/dir/page.html", .want_html = 1};
		struct err e;
		if (extract_page(data, len, &eo, &arena, &r, &e) == 0)
			CHECK(r.text && strlen(r.text) == r.text_len && r.html);
	} else if (strcmp(target, "sanitize") == 0) {
		/* fuzz_sanitize's invariants a test can state: valid UTF-8, no script, a fixed point */
		struct buf out = BUF_INIT, again = BUF_INIT;
		sanitize_html(data, len, &out);
		CHECK(utf8_valid(buf_str(&out), out.len));
		CHECK(str_icasestr(buf_str(&out), out.len, "<script") == NULL);
		sanitize_html(buf_str(&out), out.len, &again);
		CHECK_STR(buf_str(&again), buf_str(&out));
		buf_free(&again);
		buf_free(&out);
	} else if (strcmp(target, "jsonfeed") == 0) {
		int rc = jsonfeed_parse(data, len, &opts, &arena, count_item, &n, &doc);
		CHECK(rc == 0 || doc.error != NULL);
	} else {
		int rc = feed_parse(data, len, &opts, &arena, count_item, &n, &doc);
		CHECK(rc == 0 || doc.error != NULL);
	}
	arena_free(&arena);
}

/* The libFuzzer targets of fuzz/CMakeLists.txt, each built as fuzz_replay_NAME. */
static const char *const harnesses[] = {"feed", "date", "opml", "jsonfeed", "extract", "config", "answer",
                                        "mdsubset", "article", "serve", "daily", "weekly", "ground", "sanitize",
                                        "dailycheck"};

/* Run fuzz_replay_TARGET over tests/fuzz_regress/TARGET and fuzz/seeds/TARGET under src:
 * it must exit 0 (a broken invariant aborts it) and say how many inputs it replayed. */
static void
replay_harness(const char *src, const char *bin_dir, const char *target)
{
	char bin[512], regress[512], seeds[512];
	snprintf(bin, sizeof bin, "%s/fuzz_regress/fuzz_replay_%s", bin_dir, target);
	snprintf(regress, sizeof regress, "%s/tests/fuzz_regress/%s", src, target);
	snprintf(seeds, sizeof seeds, "%s/fuzz/seeds/%s", src, target);
	char *argv[] = {bin, regress, seeds, NULL};
	struct buf out = BUF_INIT, err = BUF_INIT;
	int rc = test_run(argv, NULL, NULL, &out, &err);
	if (rc != 0)
		fprintf(stderr, "fuzz_replay_%s: exit %d\n%s", target, rc, buf_str(&err));
	CHECK(rc == 0);
	CHECK(strstr(buf_str(&out), "replayed ") != NULL);
	buf_free(&out);
	buf_free(&err);
}

/* Check that every subdirectory of base (under src) names a harness. */
static void
check_dirs_have_harness(const char *src, const char *base)
{
	char dir[512];
	snprintf(dir, sizeof dir, "%s/%s", src, base);
	DIR *d = opendir(dir);
	CHECK(d != NULL);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (de->d_name[0] == '.' || !fs_is_dir(path))
			continue;
		size_t h = 0;
		while (h < sizeof harnesses / sizeof *harnesses && strcmp(harnesses[h], de->d_name) != 0)
			h++;
		if (h == sizeof harnesses / sizeof *harnesses)
			fprintf(stderr, "%s: no fuzz target replays it\n", path);
		CHECK(h < sizeof harnesses / sizeof *harnesses);
	}
	closedir(d);
}

int
main(void)
{
	static const char *const targets[] = {"feed",   "date",   "opml",     "jsonfeed", "extract",
	                                      "config", "answer", "mdsubset", "sanitize"};
	const char *src = getenv("BRIEF_SRC");
	int files = 0;
	static const char *const bases[] = {"tests/fuzz_regress", "fuzz/seeds"};
	for (size_t i = 0; i < sizeof targets / sizeof targets[0] * 2; i++) {
		char dir[512];
		snprintf(dir, sizeof dir, "%s/%s/%s", src ? src : ".", bases[i % 2], targets[i / 2]);
		DIR *d = opendir(dir);
		if (!d)
			continue;
		struct dirent *de;
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			char path[1024];
			snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
			struct buf data = BUF_INIT;
			test_read_file(path, &data);
			/* an exact-size heap copy, so ASan catches a read one past the end */
			char *exact = malloc(data.len ? data.len : 1);
			memcpy(exact, data.data ? data.data : "", data.len);
			replay(targets[i / 2], exact, data.len);
			free(exact);
			buf_free(&data);
			files++;
		}
		closedir(d);
	}
	printf("replayed %d inputs\n", files);
	CHECK(files > 0);

	const char *bin_dir = getenv("BRIEF_TEST_BIN_DIR");
	CHECK(bin_dir != NULL);
	check_dirs_have_harness(src ? src : ".", "tests/fuzz_regress");
	check_dirs_have_harness(src ? src : ".", "fuzz/seeds");
	for (size_t h = 0; bin_dir && h < sizeof harnesses / sizeof *harnesses; h++)
		replay_harness(src ? src : ".", bin_dir, harnesses[h]);
	return test_done("test_fuzz_regress");
}
