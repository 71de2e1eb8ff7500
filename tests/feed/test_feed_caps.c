/* test_feed_caps.c: a hostile feed cannot make an item huge. An RSS item with a 10 MB one-line
 * title, a 1 MB author, 200 categories (one of 1 MB) and 3 MB of content, and a JSON Feed item
 * with a 10 MB title, come out of feed_parse with every field within its FEED_MAX_* cap, cut at
 * a UTF-8 boundary, and the document bozo naming the first cut; a normal item is untouched. */
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"
#include "testlib.h"
#include "util/buf.h"

struct seen {
	size_t items;
	size_t title, author, categories, longest_category, summary, content, text;
	int title_valid;
	char normal_title[64];
};

static int
on_item(void *ctx, const struct feed_doc *doc, const struct feed_item *it)
{
	(void)doc;
	struct seen *s = ctx;
	s->items++;
	if (s->items == 2) {
		snprintf(s->normal_title, sizeof s->normal_title, "%s", it->title ? it->title : "");
		return 0;
	}
	s->title = it->title ? strlen(it->title) : 0;
	s->author = it->author ? strlen(it->author) : 0;
	s->categories = it->category_count;
	for (size_t i = 0; i < it->category_count; i++)
		if (strlen(it->categories[i]) > s->longest_category)
			s->longest_category = strlen(it->categories[i]);
	s->summary = it->summary ? strlen(it->summary) : 0;
	s->content = it->content ? strlen(it->content) : 0;
	s->text = it->text ? strlen(it->text) : 0;
	/* the cut falls between characters: the last byte is not a lone lead byte */
	s->title_valid = s->title > 0 && ((unsigned char)it->title[s->title - 1] & 0xC0) != 0xC0;
	return 0;
}

static void
repeat(struct buf *b, const char *unit, size_t bytes)
{
	size_t n = strlen(unit);
	for (size_t i = 0; i + n <= bytes; i += n)
		buf_append(b, unit, n);
}

int
main(void)
{
	struct buf rss = BUF_INIT;
	buf_puts(&rss, "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>t</title>"
	               "<item><title>");
	repeat(&rss, "长", 10 << 20); /* 3-byte characters: the cap must not split one */
	buf_puts(&rss, "</title><author>");
	repeat(&rss, "a", 1 << 20);
	buf_puts(&rss, "</author>");
	for (int i = 0; i < 200; i++)
		buf_printf(&rss, "<category>c%d</category>", i);
	buf_puts(&rss, "<category>");
	repeat(&rss, "k", 1 << 20);
	buf_puts(&rss, "</category><description>short</description><content:encoded "
	               "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><![CDATA[<p>");
	repeat(&rss, "word ", 3 << 20);
	buf_puts(&rss, "</p>]]></content:encoded><guid>g1</guid></item>"
	               "<item><title>A normal item</title><guid>g2</guid></item></channel></rss>");
	struct arena a = ARENA_INIT;
	struct feed_doc doc;
	struct seen s = {0};
	CHECK(feed_parse(rss.data, rss.len, NULL, &a, on_item, &s, &doc) == 0);
	CHECK_INT(s.items, 2);
	CHECK(s.title > 0 && s.title <= FEED_MAX_TITLE);
	CHECK(s.title_valid);
	CHECK(s.author > 0 && s.author <= FEED_MAX_AUTHOR);
	CHECK(s.categories > 0 && s.categories <= FEED_MAX_CATEGORIES);
	CHECK(s.longest_category <= FEED_MAX_CATEGORY);
	CHECK(s.content <= FEED_MAX_CONTENT && s.text <= FEED_MAX_CONTENT);
	CHECK(s.summary + s.content + s.text <= FEED_MAX_ITEM);
	CHECK_STR(s.normal_title, "A normal item");
	CHECK(doc.is_bozo);
	CHECK(doc.error && strstr(doc.error, "item 1: title cut from"));
	arena_free(&a);

	struct buf json = BUF_INIT;
	buf_puts(&json, "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"j\", \"items\": [{\"id\": \"1\", "
	                "\"title\": \"");
	repeat(&json, "x", 10 << 20);
	buf_puts(&json, "\"}, {\"id\": \"2\", \"title\": \"A normal item\"}]}");
	struct seen js = {0};
	struct arena b = ARENA_INIT;
	CHECK(feed_parse(json.data, json.len, NULL, &b, on_item, &js, &doc) == 0);
	CHECK_INT(js.items, 2);
	CHECK(js.title > 0 && js.title <= FEED_MAX_TITLE);
	CHECK_STR(js.normal_title, "A normal item");
	CHECK(doc.is_bozo && doc.error && strstr(doc.error, "title cut"));
	arena_free(&b);
	buf_free(&rss);
	buf_free(&json);
	return test_done("test_feed_caps");
}
