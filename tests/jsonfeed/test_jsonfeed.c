/* test_jsonfeed.c: JSON Feed 1.0/1.1 mapping, relative links, malformed input, and
 * every JSON Feed in the shared corpus. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "feed/jsonfeed.h"
#include "testlib.h"
#include "util/timeutil.h"

#define MAX_ITEMS 8

/* What the callback saw: copies, since items live only during the call. */
struct seen {
	size_t count;
	int stop_after;
	char *id[MAX_ITEMS], *title[MAX_ITEMS], *link[MAX_ITEMS], *author[MAX_ITEMS], *text[MAX_ITEMS];
	char *content[MAX_ITEMS], *summary[MAX_ITEMS], *cats[MAX_ITEMS], *encs[MAX_ITEMS];
	int64_t published[MAX_ITEMS], updated[MAX_ITEMS];
};

static char *
dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int
collect(void *ctx, const struct feed_doc *doc, const struct feed_item *item)
{
	(void)doc;
	struct seen *s = ctx;
	if (s->count < MAX_ITEMS) {
		size_t i = s->count;
		s->id[i] = dup_or_null(item->id);
		s->title[i] = dup_or_null(item->title);
		s->link[i] = dup_or_null(item->link);
		s->author[i] = dup_or_null(item->author);
		s->text[i] = dup_or_null(item->text);
		s->content[i] = dup_or_null(item->content);
		s->summary[i] = dup_or_null(item->summary);
		s->published[i] = item->published;
		s->updated[i] = item->updated;
		struct buf b = BUF_INIT;
		for (size_t c = 0; c < item->category_count; c++)
			buf_printf(&b, "%s%s", c ? "|" : "", item->categories[c]);
		s->cats[i] = buf_detach(&b);
		for (size_t e = 0; e < item->enclosure_count; e++)
			buf_printf(&b, "%s%s;%s;%lld", e ? "|" : "", item->enclosures[e].url,
			           item->enclosures[e].type ? item->enclosures[e].type : "-",
			           (long long)item->enclosures[e].length);
		s->encs[i] = buf_detach(&b);
	}
	s->count++;
	return s->stop_after && s->count >= (size_t)s->stop_after;
}

static void
seen_free(struct seen *s)
{
	for (size_t i = 0; i < s->count && i < MAX_ITEMS; i++) {
		free(s->id[i]), free(s->title[i]), free(s->link[i]), free(s->author[i]), free(s->text[i]);
		free(s->content[i]), free(s->summary[i]), free(s->cats[i]), free(s->encs[i]);
	}
	memset(s, 0, sizeof *s);
}

static void
read_fixture(const char *name, struct buf *out)
{
	char path[512];
	const char *src = getenv("BRIEF_SRC");
	snprintf(path, sizeof path, "%s/tests/jsonfeed/fixtures/%s", src ? src : ".", name);
	test_read_file(path, out);
}

static void
test_v11(void)
{
	struct buf data = BUF_INIT;
	read_fixture("v11.json", &data);
	struct arena arena = ARENA_INIT;
	struct feed_doc doc;
	struct seen s = {0};
	struct feed_parse_opts opts = {0};
	CHECK(jsonfeed_parse(data.data, data.len, &opts, &arena, collect, &s, &doc) == 0);
	CHECK_STR(doc.version, "json11");
	CHECK(!doc.is_bozo);
	CHECK_STR(doc.feed.title, "Example Feed");
	CHECK_STR(doc.feed.link, "https://example.org/blog/");
	CHECK_STR(doc.feed.id, "https://example.org/blog/feed.json");
	CHECK_STR(doc.feed.subtitle, "About things");
	CHECK_STR(doc.feed.language, "en-GB");
	CHECK_STR(doc.feed.icon, "https://example.org/fav.ico");
	CHECK_STR(doc.feed.author, "Feed Author");
	CHECK(doc.feed.updated == FEED_NO_DATE);
	CHECK_INT(s.count, 3);
	CHECK_INT(doc.item_count, 3);
	CHECK_STR(s.id[0], "42");
	CHECK_STR(s.title[0], "First &amp; best"); /* JSON Feed titles are plain text */
	CHECK_STR(s.link[0], "https://example.org/blog/posts/first.html");
	CHECK_STR(s.content[0], "<p>Hello <b>world</b></p><p>again</p>");
	CHECK_STR(s.summary[0], "A summary");
	CHECK(s.text[0] && strstr(s.text[0], "Hello") && strstr(s.text[0], "world") && !strchr(s.text[0], '<'));
	CHECK_STR(s.author[0], "Item Author, Second"); /* every author, as an XML feed's (docs/parse.md) */
	CHECK_INT(s.published[0], time_from_utc(2024, 3, 1, 9, 0, 0));
	CHECK_INT(s.updated[0], time_from_utc(2024, 3, 1, 12, 0, 0));
	CHECK_STR(s.cats[0], "c|parsing");
	CHECK_STR(s.encs[0], "https://example.org/media/a.mp3;audio/mpeg;1234|https://cdn.example.org/b.pdf;-;-1");
	CHECK_STR(s.id[1], "second");
	CHECK_STR(s.link[1], "https://elsewhere.example/story");
	CHECK_STR(s.content[1], "Only text");
	CHECK_STR(s.text[1], "Only text");
	CHECK(s.published[1] == FEED_NO_DATE);
	CHECK_STR(s.author[1], "Feed Author");
	CHECK_STR(s.link[2], "https://example.org/up.html");
	CHECK_STR(s.text[2], "just a summary");
	CHECK_STR(s.author[2], "someone@example.org");
	CHECK_STR(s.cats[1], "");
	seen_free(&s);
	/* the callback can stop the walk */
	s.stop_after = 1;
	CHECK(jsonfeed_parse(data.data, data.len, &opts, &arena, collect, &s, &doc) == 0);
	CHECK_INT(s.count, 1);
	seen_free(&s);
	buf_free(&data);
	arena_free(&arena);
}

static void
test_v10_and_errors(void)
{
	struct buf data = BUF_INIT;
	read_fixture("v10.json", &data);
	struct arena arena = ARENA_INIT;
	struct feed_doc doc;
	struct seen s = {0};
	struct feed_parse_opts opts = {.base_url = "https://base.example/dir/feed.json"};
	CHECK(jsonfeed_parse(data.data, data.len, &opts, &arena, collect, &s, &doc) == 0);
	CHECK_STR(doc.version, "json1");
	CHECK_STR(doc.feed.author, "Old Author");
	CHECK_INT(s.count, 2);
	CHECK_STR(s.link[0], "https://old.example/1");
	CHECK_STR(s.link[1], NULL);
	CHECK_STR(s.author[0], "Old Author");
	seen_free(&s);
	buf_free(&data);

	const char *bad = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [";
	CHECK(jsonfeed_parse(bad, strlen(bad), &opts, &arena, collect, &s, &doc) == -1);
	CHECK(doc.is_bozo);
	CHECK(doc.error && strstr(doc.error, "malformed JSON"));
	CHECK_INT(s.count, 0);
	const char *not_feed = "{\"hello\": 1}";
	CHECK(jsonfeed_parse(not_feed, strlen(not_feed), &opts, &arena, collect, &s, &doc) == -1);
	CHECK(doc.error && strstr(doc.error, "not a JSON Feed"));
	CHECK(jsonfeed_parse("[1,2]", 5, &opts, &arena, collect, &s, &doc) == -1);
	CHECK(jsonfeed_parse("", 0, &opts, &arena, collect, &s, &doc) == -1);
	const char *no_version = "\xef\xbb\xbf{\"items\": [{\"id\": \"a\", \"url\": \"/x\"}]}";
	CHECK(jsonfeed_parse(no_version, strlen(no_version), &opts, &arena, collect, &s, &doc) == 0);
	CHECK_STR(doc.version, "json");
	CHECK_STR(s.link[0], "https://base.example/x");
	seen_free(&s);
	arena_free(&arena);
}

/* Every JSON Feed of the corpus parses and yields as many items as its items array holds. */
static void
test_corpus(void)
{
	const char *shared = test_shared();
	if (!shared) {
		test_skip_part("the corpus JSON Feeds need the shared corpus (BRIEF_SHARED)");
		return;
	}
	char path[1024];
	snprintf(path, sizeof path, "%s/corpus/MANIFEST.tsv", shared);
	struct buf manifest = BUF_INIT;
	test_read_file(path, &manifest);
	int files = 0;
	for (char *line = manifest.data, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *f[6] = {line};
		for (int i = 1; i < 6 && f[i - 1]; i++) {
			f[i] = strchr(f[i - 1], '\t');
			if (f[i])
				*f[i]++ = '\0';
		}
		if (!f[4] || (strcmp(f[4], "jsonfeed") != 0 && strcmp(f[4], "realworld-jsonfeed") != 0))
			continue;
		snprintf(path, sizeof path, "%s/corpus/%s", shared, f[0]);
		struct buf data = BUF_INIT;
		test_read_file(path, &data);
		json_t *root = json_loadb(data.data, data.len, 0, NULL);
		size_t want = json_array_size(json_object_get(root, "items"));
		json_decref(root);
		struct arena arena = ARENA_INIT;
		struct feed_doc doc;
		struct seen s = {0};
		int rc = jsonfeed_parse(data.data, data.len, NULL, &arena, collect, &s, &doc);
		/* Not JSON Feeds: a truncated file (NetNewsWire expects "unknown type") and
		 * Dave Winer's RSS-in-JSON, which brief does not read. */
		int is_feed = !strstr(f[0], "allthis-partial.json") && !strstr(f[0], "ScriptingNews.json");
		if (!is_feed) {
			CHECK(rc == -1 && doc.error != NULL);
			seen_free(&s);
			arena_free(&arena);
			buf_free(&data);
			continue;
		}
		if (rc != 0 || s.count != want)
			fprintf(stderr, "%s: rc %d, %zu items, want %zu (%s)\n", f[0], rc, s.count, want,
			        doc.error ? doc.error : "");
		CHECK(rc == 0);
		CHECK_INT(s.count, want);
		CHECK(doc.version[0] == 'j');
		if (strstr(f[0], "feedparser/tests/json/example.json")) {
			CHECK_STR(doc.feed.title, "My Example Feed");
			CHECK_INT(s.count, 2);
		}
		seen_free(&s);
		arena_free(&arena);
		buf_free(&data);
		files++;
	}
	printf("corpus JSON Feeds parsed: %d\n", files);
	CHECK(files >= 20);
	buf_free(&manifest);
}

/* content_text is plain text: the item's text collapses it as the XML parser does an Atom
 * type="text" body (a blank line is one line break, other whitespace one space, trimmed). */
static void
test_content_text_whitespace(void)
{
	static const char doc[] = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":["
	                          "{\"id\":\"1\",\"content_text\":\"  line one\\nline   two\\n\\n\\npara two \"}]}";
	struct arena arena = ARENA_INIT;
	struct feed_doc doc_out;
	struct seen s = {0};
	struct feed_parse_opts opts = {0};
	CHECK(jsonfeed_parse(doc, sizeof doc - 1, &opts, &arena, collect, &s, &doc_out) == 0);
	CHECK_INT(s.count, 1);
	if (s.count == 1)
		CHECK_STR(s.text[0], "line one line two\npara two");
	seen_free(&s);
	arena_free(&arena);
}

/* Titles are plain text, but WordPress and others write their typography there as numeric
 * character references ("Blog &#8211; InfluxData", "&#038;" for "&"): those are decoded, as a
 * reader would see them; a named one ("&amp;") stays text, which a plain-text title may mean. */
static void
test_numeric_refs_in_titles(void)
{
	static const char doc[] = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Blog &#8211; Ex\","
	                          "\"items\":[{\"id\":\"1\",\"title\":\"It&#x2019;s Q&#038;A &amp; more &#\","
	                          "\"authors\":[{\"name\":\"Jos&#233;\"}]}]}";
	struct arena arena = ARENA_INIT;
	struct feed_doc doc_out;
	struct seen s = {0};
	struct feed_parse_opts opts = {0};
	CHECK(jsonfeed_parse(doc, sizeof doc - 1, &opts, &arena, collect, &s, &doc_out) == 0);
	CHECK_STR(doc_out.feed.title, "Blog \u2013 Ex");
	CHECK_INT(s.count, 1);
	if (s.count == 1) {
		CHECK_STR(s.title[0], "It\u2019s Q&A &amp; more &#");
		CHECK_STR(s.author[0], "Jos\u00e9");
	}
	seen_free(&s);
	arena_free(&arena);
}

/* Relative links in content_html (an image "/img/a.png", a link "../b") are made absolute, as
 * in an RSS or Atom item's HTML: brief serve, the digest and the weekly post show the content
 * on another site, where a relative image is broken. The base is the item's own page; an
 * external_url is a page elsewhere, so the feed's home page is the base then. */
static void
test_content_html_relative_links(void)
{
	static const char doc[] =
		"{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\","
		"\"home_page_url\":\"https://blog.example/\",\"items\":["
		"{\"id\":\"1\",\"url\":\"/2026/post/\",\"content_html\":"
		"\"<p><img src=\\\"fig.png\\\"> see <a href=\\\"/about\\\">me</a></p>\"},"
		"{\"id\":\"2\",\"external_url\":\"https://elsewhere.example/x/y\",\"content_html\":"
		"\"<a href=\\\"notes/2\\\">notes</a>\"}]}";
	struct arena arena = ARENA_INIT;
	struct feed_doc doc_out;
	struct seen s = {0};
	struct feed_parse_opts opts = {.base_url = "https://blog.example/feed.json"};
	CHECK(jsonfeed_parse(doc, sizeof doc - 1, &opts, &arena, collect, &s, &doc_out) == 0);
	CHECK_INT(s.count, 2);
	if (s.count == 2) {
		CHECK(s.content[0] && strstr(s.content[0], "src=\"https://blog.example/2026/post/fig.png\""));
		CHECK(s.content[0] && strstr(s.content[0], "href=\"https://blog.example/about\""));
		CHECK(s.content[1] && strstr(s.content[1], "href=\"https://blog.example/notes/2\""));
		CHECK_STR(s.text[0], "see me");
	}
	seen_free(&s);
	arena_free(&arena);
}

/* JSON Feed 1.1 "authors" are all named, "A, B", as repeated Atom authors are: the first alone
 * dropped the co-authors of a post. A name given twice is named once, an author object with
 * neither name nor url is skipped, and many authors stay within the author cap, whole. */
static void
test_co_authors(void)
{
	struct buf doc = BUF_INIT;
	buf_puts(&doc, "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"authors\":["
	               "{\"name\":\"Ann\"},{\"avatar\":\"https://e.com/a.png\"},{\"url\":\"mailto:ben@e.com\"}],"
	               "\"items\":[{\"id\":\"1\",\"authors\":[{\"name\":\"Alice\"},{\"name\":\"Bob\"},"
	               "{\"name\":\"Alice\"}]},{\"id\":\"2\",\"authors\":[");
	for (int i = 0; i < 100; i++)
		buf_printf(&doc, "%s{\"name\":\"Author Number %d\"}", i ? "," : "", i);
	buf_puts(&doc, "]}]}");
	struct arena arena = ARENA_INIT;
	struct feed_doc doc_out;
	struct seen s = {0};
	struct feed_parse_opts opts = {0};
	CHECK(jsonfeed_parse(doc.data, doc.len, &opts, &arena, collect, &s, &doc_out) == 0);
	CHECK_STR(doc_out.feed.author, "Ann, ben@e.com");
	CHECK_INT(s.count, 2);
	if (s.count == 2) {
		CHECK_STR(s.author[0], "Alice, Bob");
		CHECK(s.author[1] && strlen(s.author[1]) < FEED_MAX_AUTHOR);
		CHECK(s.author[1] && strncmp(s.author[1], "Author Number 0, Author Number 1, ", 34) == 0);
		const char *last = s.author[1] ? s.author[1] : "";
		for (const char *c; (c = strstr(last, ", ")) != NULL;)
			last = c + 2;
		CHECK(strncmp(last, "Author Number ", 14) == 0 && last[14] &&
		      strspn(last + 14, "0123456789") == strlen(last + 14));
	}
	seen_free(&s);
	arena_free(&arena);
	buf_free(&doc);
}

int
main(void)
{
	test_co_authors();
	test_content_html_relative_links();
	test_content_text_whitespace();
	test_numeric_refs_in_titles();
	test_v11();
	test_v10_and_errors();
	test_corpus();
	return test_done("test_jsonfeed");
}
