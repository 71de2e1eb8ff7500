/* test_opml.c: OPML reading (nesting, attribute case variants, categories, hostile
 * documents, the corpus lists) and writing (escaping, grouping, round trip). */
#include <stdlib.h>
#include <string.h>

#include "feed/opml.h"
#include "testlib.h"

static const char *
src_path(const char *rel, char *out, size_t size)
{
	const char *src = getenv("BRIEF_SRC");
	snprintf(out, size, "%s/%s", src ? src : ".", rel);
	return out;
}

static int
parse_file(const char *path, struct arena *arena, struct opml_feed **feeds, size_t *count, struct err *e)
{
	struct buf data = BUF_INIT;
	test_read_file(path, &data);
	int rc = opml_parse(data.data, data.len, arena, feeds, count, e);
	buf_free(&data);
	return rc;
}

static void
test_nested(void)
{
	char path[512];
	struct arena arena = ARENA_INIT;
	struct opml_feed *f;
	size_t n;
	struct err e = {{0}};
	CHECK(parse_file(src_path("tests/opml/fixtures/nested.opml", path, sizeof path), &arena, &f, &n, &e) == 0);
	CHECK_INT(n, 7);
	if (n == 7) {
		CHECK_STR(f[0].xml_url, "https://top.example/feed.xml");
		CHECK_STR(f[0].html_url, "https://top.example/");
		CHECK_STR(f[0].title, "Top feed");
		CHECK_STR(f[0].category, NULL);
		CHECK_STR(f[1].xml_url, "https://a.example/rss?x=1&y=2");
		CHECK_STR(f[1].title, "Only title");
		CHECK_STR(f[1].category, "Tech");
		CHECK_STR(f[1].html_url, NULL);
		CHECK_STR(f[2].xml_url, "https://b.example/atom");
		CHECK_STR(f[2].title, "Title wins");
		CHECK_STR(f[3].title, "C \"blog\"");
		CHECK_STR(f[3].category, "Tech/Lang");
		CHECK_STR(f[4].xml_url, "https://d.example/feed");
		CHECK_STR(f[4].category, "Tech");
		CHECK_STR(f[5].category, "News/World");
		CHECK_STR(f[6].title, "日本語");
		CHECK_STR(f[6].category, NULL);
	}
	/* round trip: write, read back, same feeds */
	struct buf out = BUF_INIT;
	opml_write(&out, "Round & trip <test>", f, n);
	CHECK(strstr(out.data, "<opml version=\"2.0\">") != NULL);
	CHECK(strstr(out.data, "Round &amp; trip &lt;test>") != NULL);
	CHECK(strstr(out.data, "C &quot;blog&quot;") != NULL);
	CHECK(strstr(out.data, "x=1&amp;y=2") != NULL);
	struct opml_feed *g;
	size_t m;
	CHECK(opml_parse(out.data, out.len, &arena, &g, &m, &e) == 0);
	CHECK_INT(m, n);
	/* grouped by category: uncategorized first, then categories sorted, document order within */
	for (size_t i = 0; i < m; i++) {
		const struct opml_feed *orig = NULL;
		for (size_t j = 0; j < n; j++)
			if (strcmp(f[j].xml_url, g[i].xml_url) == 0)
				orig = &f[j];
		CHECK(orig != NULL);
		if (!orig)
			continue;
		CHECK_STR(g[i].title, orig->title);
		CHECK_STR(g[i].html_url, orig->html_url);
		CHECK_STR(g[i].category, orig->category);
		if (i > 0 && g[i].category && g[i - 1].category)
			CHECK(strcmp(g[i - 1].category, g[i].category) <= 0);
		if (i > 0 && !g[i].category)
			CHECK(g[i - 1].category == NULL);
	}
	/* folders nest: "Tech/Lang" is written inside "Tech", not as a folder named "Tech/Lang" */
	CHECK(strstr(out.data, "text=\"Tech/Lang\"") == NULL);
	CHECK(strstr(out.data, "text=\"Lang\"") != NULL);
	buf_free(&out);
	/* an empty list is still a valid document */
	opml_write(&out, NULL, NULL, 0);
	CHECK(opml_parse(out.data, out.len, &arena, &g, &m, &e) == 0);
	CHECK_INT(m, 0);
	buf_free(&out);
	arena_free(&arena);
}

static void
test_hostile(void)
{
	char path[512];
	struct arena arena = ARENA_INIT;
	struct opml_feed *f;
	size_t n;
	struct err e = {{0}};
	/* An external entity in an attribute, an entity loop, an unclosed outline: refused at the
	 * first (line 11), nothing returned, nothing read from the file the entity names. */
	CHECK(parse_file(src_path("tests/opml/fixtures/hostile.opml", path, sizeof path), &arena, &f, &n, &e) == -1);
	CHECK_INT(n, 0);
	CHECK(strstr(e.msg, "line 11: not well-formed OPML") != NULL);
	CHECK(strstr(e.msg, "root:") == NULL);
	/* not OPML at all */
	const char *rss = "<rss version=\"2.0\"><channel><title>x</title></channel></rss>";
	CHECK(opml_parse(rss, strlen(rss), &arena, &f, &n, &e) == -1);
	CHECK(strstr(e.msg, "not an OPML") != NULL);
	CHECK(opml_parse("", 0, &arena, &f, &n, &e) == -1);
	CHECK(opml_parse("garbage", 7, &arena, &f, &n, &e) == -1);
	/* a truncated document is an error naming the line, nothing half-read */
	const char *cut = "<opml><body>\n<outline xmlUrl=\"https://a.example/f\"/>\n<outline xmlUrl=\"https://b.exa";
	CHECK(opml_parse(cut, strlen(cut), &arena, &f, &n, &e) == -1);
	CHECK_INT(n, 0);
	CHECK(strstr(e.msg, "line 3: not well-formed OPML") != NULL);
	arena_free(&arena);
}

/* Count outlines with a non-empty xmlUrl by a plain text scan: an independent oracle. */
static size_t
count_xmlurls(const char *s)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, "xmlUrl=\"")) != NULL; p += 8)
		n += p[8] != '"';
	return n;
}

static void
check_corpus_file(const char *path, size_t want_min)
{
	struct buf data = BUF_INIT;
	test_read_file(path, &data);
	struct arena arena = ARENA_INIT;
	struct opml_feed *f;
	size_t n;
	struct err e = {{0}};
	int rc = opml_parse(data.data, data.len, &arena, &f, &n, &e);
	CHECK(rc == 0);
	size_t want = count_xmlurls(data.data);
	if (n != want)
		fprintf(stderr, "%s: %zu feeds, scan found %zu\n", path, n, want);
	CHECK_INT(n, want);
	CHECK(n >= want_min);
	for (size_t i = 0; i < n; i++)
		CHECK(f[i].xml_url && f[i].xml_url[0]);
	printf("%s: %zu feeds\n", path, n);
	buf_free(&data);
	arena_free(&arena);
}

static void
test_corpus(void)
{
	char path[512];
	/* the default source list shipped with brief: 92 feeds */
	struct buf data = BUF_INIT;
	test_read_file(src_path("data/hn-popular-blogs-2025.opml", path, sizeof path), &data);
	struct arena arena = ARENA_INIT;
	struct opml_feed *f;
	size_t n;
	struct err e = {{0}};
	CHECK(opml_parse(data.data, data.len, &arena, &f, &n, &e) == 0);
	CHECK_INT(n, 92);
	for (size_t i = 0; i < n; i++)
		CHECK(strncmp(f[i].xml_url, "http", 4) == 0);
	buf_free(&data);
	arena_free(&arena);

	const char *shared = test_shared();
	if (!shared) {
		test_skip_part("the corpus OPML files need the shared corpus (BRIEF_SHARED)");
		return;
	}
	static const struct {
		const char *rel;
		size_t min;
	} files[] = {
		{"hn-blogs/alexisyang718-beep+karpathy-rss-digest/feeds.opml", 92},
		{"netnewswire/Modules/RSParser/Tests/RSParserTests/Resources/Subs.opml", 100},
		{"netnewswire/Modules/RSParser/Tests/RSParserTests/Resources/SubsNoTitleAttributes.opml", 100},
		{"newsboat/test/data/example.opml", 7},
		{"newsboat/test/data/example2.opml", 7},
		{"newsboat/test/data/category.opml", 1},
		{"newsboat/test/data/body-element-missing.opml", 0},
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/corpus/%s", shared, files[i].rel);
		check_corpus_file(path, files[i].min);
	}
	/* newsboat's expectations for example.opml: folder names come from text, else title */
	snprintf(path, sizeof path, "%s/corpus/newsboat/test/data/example.opml", shared);
	struct arena a2 = ARENA_INIT;
	CHECK(parse_file(path, &a2, &f, &n, &e) == 0);
	if (n == 7) {
		CHECK_STR(f[0].category, NULL);
		CHECK_STR(f[4].xml_url, "https://blogs.example.com/~john/posts.rss");
		CHECK_STR(f[4].category, "Blogs");
		CHECK_STR(f[5].category, "Blogs/friends");
		CHECK_STR(f[6].category, "eloquent");
	}
	snprintf(path, sizeof path, "%s/corpus/newsboat/test/data/opml-element-missing.opml", shared);
	CHECK(parse_file(path, &a2, &f, &n, &e) == -1);
	arena_free(&a2);
}

/* A feed without a title is exported with its URL as text and title (OPML wants a text);
 * read back, that URL is no title. It was taken as the feed's name: after `feeds export` and
 * `feeds import` on another machine the source's name was its URL, which outranks the feed's
 * own title, so every digest named the source by its URL. */
static void
test_url_as_title(void)
{
	struct arena arena = ARENA_INIT;
	struct opml_feed one = {.xml_url = "https://untitled.example/feed.xml"}, *g;
	size_t m;
	struct err e = {{0}};
	struct buf out = BUF_INIT;
	opml_write(&out, NULL, &one, 1);
	CHECK(opml_parse(out.data, out.len, &arena, &g, &m, &e) == 0);
	CHECK_INT(m, 1);
	if (m == 1) {
		CHECK_STR(g[0].xml_url, one.xml_url);
		CHECK_STR(g[0].title, NULL);
	}
	/* the same from another reader's export (text only), and a real title is kept */
	const char *doc = "<opml version=\"1.0\"><body>"
	                  "<outline text=\"https://b.example/rss\" type=\"rss\" xmlUrl=\"https://b.example/rss\"/>"
	                  "<outline text=\"https://c.example/\" xmlUrl=\"https://c.example/rss\"/>"
	                  "</body></opml>";
	CHECK(opml_parse(doc, strlen(doc), &arena, &g, &m, &e) == 0);
	CHECK_INT(m, 2);
	if (m == 2) {
		CHECK_STR(g[0].title, NULL);
		CHECK_STR(g[1].title, "https://c.example/");
	}
	buf_free(&out);
	arena_free(&arena);
}

int
main(void)
{
	test_nested();
	test_hostile();
	test_url_as_title();
	test_corpus();
	return test_done("test_opml");
}
