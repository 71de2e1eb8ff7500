/* test_fuzz_regress.c: replay the inputs in tests/fuzz_regress/TARGET/ (crashes found by
 * scripts/fuzz.sh, and hand-made hostile inputs) through each parser entry point; the
 * sanitizer build turns any memory error back into a failure. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "feed/date.h"
#include "feed/feed.h"
#include "feed/jsonfeed.h"
#include "feed/opml.h"
#include "testlib.h"

static int
count_item(void *ctx, const struct feed_doc *doc, const struct feed_item *item)
{
	(void)doc;
	size_t *n = ctx;
	*n += item->title ? strlen(item->title) + 1 : 1;
	return 0;
}

static void
replay(const char *target, const char *data, size_t len)
{
	struct arena arena = ARENA_INIT;
	struct feed_doc doc;
	size_t n = 0;
	struct feed_parse_opts opts = {.base_url = "http://fuzz.example/dir/feed"};
	if (strcmp(target, "date") == 0) {
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
	} else if (strcmp(target, "jsonfeed") == 0) {
		int rc = jsonfeed_parse(data, len, &opts, &arena, count_item, &n, &doc);
		CHECK(rc == 0 || doc.error != NULL);
	} else {
		int rc = feed_parse(data, len, &opts, &arena, count_item, &n, &doc);
		CHECK(rc == 0 || doc.error != NULL);
	}
	arena_free(&arena);
}

int
main(void)
{
	static const char *const targets[] = {"feed", "date", "opml", "jsonfeed", "extract"};
	const char *src = getenv("BRIEF_SRC");
	int files = 0;
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
		char dir[512];
		snprintf(dir, sizeof dir, "%s/tests/fuzz_regress/%s", src ? src : ".", targets[i]);
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
			replay(targets[i], exact, data.len);
			free(exact);
			buf_free(&data);
			files++;
		}
		closedir(d);
	}
	printf("replayed %d inputs\n", files);
	CHECK(files > 0);
	return test_done("test_fuzz_regress");
}
