/* feed.c: the parser entry point: decode the document to UTF-8, tell JSON Feed
 * from XML, and hand it to the right parser. */
#include "feed/feed.h"

#include <stdio.h>
#include <string.h>

#include "feed/charset.h"
#include "feed/jsonfeed.h"
#include "feed/xml.h"
#include "feed/xml_internal.h"
#include "util/str.h"

/* The caller's callback behind the caps (feed.h FEED_MAX_*). */
struct capper {
	feed_item_fn on_item;
	void *ctx;
	struct arena *arena;
	size_t items;
	char first[160]; /* the first cut, for doc->error */
};

/* s cut to at most max bytes at a character boundary (an arena copy), noting the first cut. */
static const char *
cap(struct capper *c, const char *s, size_t max, const char *what)
{
	size_t n = s ? strlen(s) : 0;
	if (n <= max)
		return s;
	size_t keep = max;
	while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
		keep--;
	if (!c->first[0])
		snprintf(c->first, sizeof c->first, "item %zu: %s cut from %zu to %zu bytes", c->items, what, n, keep);
	return arena_strndup(c->arena, s, keep);
}

static int
capped_item(void *ctx, const struct feed_doc *doc, const struct feed_item *in)
{
	struct capper *c = ctx;
	c->items++;
	struct feed_item it = *in;
	it.title = cap(c, it.title, FEED_MAX_TITLE, "title");
	it.author = cap(c, it.author, FEED_MAX_AUTHOR, "author");
	it.link = cap(c, it.link, FEED_MAX_URL, "link");
	it.link_alias = cap(c, it.link_alias, FEED_MAX_URL, "link alias");
	it.comments = cap(c, it.comments, FEED_MAX_URL, "comments");
	it.id = cap(c, it.id, FEED_MAX_URL, "id");
	it.summary = cap(c, it.summary, FEED_MAX_SUMMARY, "summary");
	it.content = cap(c, it.content, FEED_MAX_CONTENT, "content");
	it.text = cap(c, it.text, FEED_MAX_CONTENT, "text");
	size_t sum = it.summary ? strlen(it.summary) : 0, con = it.content ? strlen(it.content) : 0,
	       txt = it.text ? strlen(it.text) : 0;
	if (sum + con + txt > FEED_MAX_ITEM) { /* the whole item: content goes first, then text */
		size_t room = FEED_MAX_ITEM - sum - (txt < FEED_MAX_ITEM - sum ? txt : FEED_MAX_ITEM - sum);
		it.content = cap(c, it.content, room, "content (item size)");
		con = it.content ? strlen(it.content) : 0;
		it.text = cap(c, it.text, FEED_MAX_ITEM - sum - con, "text (item size)");
	}
	if (it.category_count > FEED_MAX_CATEGORIES) {
		if (!c->first[0])
			snprintf(c->first, sizeof c->first, "item %zu: %zu categories, kept %d", c->items, it.category_count,
			         FEED_MAX_CATEGORIES);
		it.category_count = FEED_MAX_CATEGORIES;
	}
	const char **cats = NULL;
	for (size_t i = 0; i < it.category_count; i++) {
		const char *k = cap(c, it.categories[i], FEED_MAX_CATEGORY, "category");
		if (k != it.categories[i] && !cats) {
			cats = arena_alloc(c->arena, it.category_count * sizeof *cats);
			memcpy(cats, it.categories, it.category_count * sizeof *cats);
		}
		if (cats)
			cats[i] = k;
	}
	if (cats)
		it.categories = cats;
	return c->on_item(c->ctx, doc, &it);
}

int
feed_parse(const char *data, size_t len, const struct feed_parse_opts *opts, struct arena *arena,
           feed_item_fn on_item, void *ctx, struct feed_doc *doc)
{
	static const struct feed_parse_opts no_opts;
	if (!opts)
		opts = &no_opts;
	memset(doc, 0, sizeof *doc);
	doc->version = "";
	doc->feed.updated = FEED_NO_DATE;
	struct charset_result cs;
	charset_to_utf8(data ? data : "", data ? len : 0, opts->charset_hint, opts->content_type, arena, &cs);
	doc->encoding = cs.encoding;
	size_t i = 0;
	while (i < cs.len && is_ascii_space(cs.utf8[i]))
		i++;
	if (i == cs.len) {
		doc->is_bozo = 1;
		doc->error = "empty document";
		return -1;
	}
	int rc;
	struct capper c = {on_item, ctx, arena, 0, ""};
	feed_item_fn fn = on_item ? capped_item : NULL;
	if (cs.utf8[i] == '{' || cs.utf8[i] == '[')
		rc = jsonfeed_parse(cs.utf8 + i, cs.len - i, opts, arena, fn, &c, doc);
	else
		rc = xml_parse(cs.utf8, cs.len, opts, arena, fn, &c, doc);
	if (c.first[0]) {
		doc->is_bozo = 1;
		if (!doc->error)
			doc->error = arena_strdup(arena, c.first);
	}
	if (cs.problem) {
		doc->is_bozo = 1;
		if (!doc->error)
			doc->error = cs.problem;
	}
	return rc;
}

void
feed_init_once(void)
{
	xml_scan_init();
	xmlInitParser(); /* libxml2 asks for this before it is used from threads */
}
