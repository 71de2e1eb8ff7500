/* jsonfeed.c: JSON Feed 1.0 / 1.1 (https://jsonfeed.org) into the normalized model.
 *
 * The document is loaded with jansson (a JSON Feed is a single object, so a tree is
 * the natural form); feed-level strings go into the caller's arena, each item is
 * built in a scratch arena that is reset between items, so memory stays flat in the
 * number of items delivered. Mapping (feedparser's where it has one):
 *   version "…/version/1" → "json1", "…/version/1.1" → "json11", else "json";
 *   title, home_page_url → link, feed_url → id, description → subtitle, language,
 *   favicon (else icon) → icon, authors (joined "A, B") / author → author;
 *   items: id (numbers coerced to text), url (else external_url) → link, made absolute
 *   against home_page_url (else the base URL, else feed_url), title, summary,
 *   content_html (its relative links made absolute against the item's url, else that base)
 *   (else content_text) → content, date_published, date_modified,
 *   authors / author (else the feed's), tags → categories, attachments → enclosures. */
#include "feed/jsonfeed.h"

#include <jansson.h>
#include <string.h>

#include "feed/date.h"
#include "feed/entities.h"
#include "feed/text.h"
#include "feed/url.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/utf8.h"

/* The string member key of obj trimmed, or NULL when absent, not a string or blank. */
static const char *
jf_string(const json_t *obj, const char *key, struct arena *arena)
{
	const json_t *v = json_object_get(obj, key);
	if (!json_is_string(v))
		return NULL;
	const char *s = json_string_value(v);
	size_t len = json_string_length(v);
	str_trim(&s, &len);
	return len ? arena_strndup(arena, s, len) : NULL;
}

/* Plain-text field (title, a name): numeric character references decoded, whitespace runs
 * collapsed, ends trimmed. The spec's titles are plain text, but WordPress and others write
 * their typography there as references ("Blog &#8211; InfluxData", "Q&#038;A"), which a
 * reader would otherwise see as such; nobody means "&#8211;" as text. A named reference
 * ("&amp;") stays as written: a plain-text title may mean it. */
static const char *
jf_plain(const json_t *obj, const char *key, struct arena *arena)
{
	const json_t *v = json_object_get(obj, key);
	if (!json_is_string(v))
		return NULL;
	const char *in = json_string_value(v);
	size_t len = json_string_length(v);
	struct buf refs = BUF_INIT, out = BUF_INIT;
	for (size_t i = 0; i < len; i++) {
		uint32_t cp;
		size_t n = in[i] == '&' && i + 1 < len && in[i + 1] == '#' ? entity_decode_ref(in + i, len - i, &cp) : 0;
		if (n) {
			utf8_put(&refs, cp);
			i += n - 1;
		} else {
			buf_putc(&refs, in[i]);
		}
	}
	text_collapse_space(refs.data ? refs.data : "", refs.len, &out);
	const char *s = out.len ? arena_strndup(arena, out.data, out.len) : NULL;
	buf_free(&refs);
	buf_free(&out);
	return s;
}

static int
jf_is_absolute(const char *url)
{
	return url && url_scheme_len(url, strlen(url)) > 0;
}

/* url made absolute against base (RFC 3986 §5.2); NULL stays NULL. */
static const char *
jf_resolve(const char *base, const char *url, struct arena *arena)
{
	if (!url)
		return NULL;
	struct buf out = BUF_INIT;
	url_resolve(base, url, strlen(url), &out);
	const char *r = arena_strndup(arena, buf_str(&out), out.len);
	buf_free(&out);
	return r;
}

/* The display name of one author object: its name, else its mailto address or URL; NULL. */
static const char *
jf_person(const json_t *author, struct arena *arena)
{
	if (!json_is_object(author))
		return NULL;
	const char *name = jf_plain(author, "name", arena);
	if (name)
		return name;
	const char *url = jf_string(author, "url", arena);
	if (url && str_istarts(url, "mailto:"))
		return arena_strndup(arena, url + 7, strcspn(url + 7, "?"));
	return url;
}

/* The authors' display names: JSON Feed 1.1 "authors" joined "A, B" as the XML parser joins
 * repeated authors (docs/parse.md; a name given twice once, names past FEED_MAX_AUTHOR left
 * out whole), else 1.0 "author"; NULL when there is none. */
static const char *
jf_author(const json_t *obj, struct arena *arena)
{
	const json_t *authors = json_object_get(obj, "authors");
	struct buf out = BUF_INIT;
	for (size_t i = 0; json_is_array(authors) && i < json_array_size(authors); i++) {
		const char *name = jf_person(json_array_get(authors, i), arena);
		if (!name)
			continue;
		size_t len = strlen(name);
		int is_known = 0;
		for (const char *c = out.len ? out.data : NULL; c && !is_known;) {
			const char *end = strstr(c, ", ");
			size_t n = end ? (size_t)(end - c) : strlen(c);
			is_known = n == len && memcmp(c, name, n) == 0;
			c = end ? end + 2 : NULL;
		}
		if (is_known || (out.len && out.len + 2 + len >= FEED_MAX_AUTHOR))
			continue;
		if (out.len)
			buf_puts(&out, ", ");
		buf_append(&out, name, len);
	}
	const char *r = out.len ? arena_strndup(arena, out.data, out.len) : jf_person(json_object_get(obj, "author"), arena);
	buf_free(&out);
	return r;
}

/* content_html with its relative links (href, src, …) made absolute, as the XML parser makes
 * them in a summary or content: against page, the item's own page (the post the HTML was
 * written for; not an external_url, a page elsewhere), else base, the feed's. html itself
 * when nothing changed or no base is known. */
static const char *
jf_resolve_html(const char *page, const char *base, const char *html, struct arena *arena)
{
	struct buf out = BUF_INIT;
	const char *r = html;
	if (url_resolve_html(jf_is_absolute(page) ? page : base, html, strlen(html), &out))
		r = arena_strndup(arena, buf_str(&out), out.len);
	buf_free(&out);
	return r;
}

static int64_t
jf_date(const json_t *obj, const char *key)
{
	const json_t *v = json_object_get(obj, key);
	int64_t t;
	if (!json_is_string(v) || date_parse(json_string_value(v), json_string_length(v), &t) < 0)
		return FEED_NO_DATE;
	return t;
}

/* The plain text of an item: its HTML content stripped, else content_text, else the
 * summary (which JSON Feed defines as plain text). */
static const char *
jf_text(const char *html, const char *plain, const char *summary, struct arena *arena)
{
	if (!html && !plain)
		return summary;
	struct buf out = BUF_INIT;
	if (html)
		text_from_html(html, strlen(html), 0, &out);
	else
		text_plain_body(plain, strlen(plain), &out);
	const char *text = arena_strndup(arena, buf_str(&out), out.len);
	buf_free(&out);
	return text;
}

/* An id member: strings as they are, numbers (and booleans) as their text. */
static const char *
jf_id(const json_t *item, struct arena *arena)
{
	const json_t *v = json_object_get(item, "id");
	if (json_is_string(v))
		return jf_string(item, "id", arena);
	if (json_is_integer(v))
		return arena_printf(arena, "%lld", (long long)json_integer_value(v));
	if (json_is_real(v))
		return arena_printf(arena, "%.17g", json_real_value(v));
	if (json_is_boolean(v))
		return json_is_true(v) ? "true" : "false";
	return NULL;
}

static void
jf_item(const json_t *obj, const char *base, const char *feed_author, unsigned omit, struct arena *arena,
        struct feed_item *item)
{
	memset(item, 0, sizeof *item);
	item->id = jf_id(obj, arena);
	item->title = jf_plain(obj, "title", arena);
	const char *url = jf_string(obj, "url", arena);
	const char *page = url ? jf_resolve(base, url, arena) : NULL; /* the item's own page */
	if (!url)
		url = jf_string(obj, "external_url", arena);
	item->link = page ? page : jf_resolve(base, url, arena);
	item->summary = jf_string(obj, "summary", arena);
	const char *html = jf_string(obj, "content_html", arena);
	const char *plain = jf_string(obj, "content_text", arena);
	item->content = html ? html : plain;
	item->plain = (item->summary ? FEED_PLAIN_SUMMARY : 0) | (!html && plain ? FEED_PLAIN_CONTENT : 0);
	if (!(omit & FEED_OMIT_TEXT))
		item->text = jf_text(html, plain, item->summary, arena);
	if (omit & FEED_OMIT_HTML)
		item->summary = item->content = NULL;
	else if (html)
		item->content = jf_resolve_html(page, base, html, arena);
	item->published = jf_date(obj, "date_published");
	item->updated = jf_date(obj, "date_modified");
	item->author = jf_author(obj, arena);
	if (!item->author)
		item->author = feed_author;

	const json_t *tags = json_object_get(obj, "tags");
	if (json_is_array(tags) && json_array_size(tags) > 0) {
		item->categories = arena_alloc(arena, json_array_size(tags) * sizeof *item->categories);
		for (size_t i = 0; i < json_array_size(tags); i++) {
			const json_t *t = json_array_get(tags, i);
			const char *s = json_is_string(t) ? json_string_value(t) : NULL;
			size_t len = s ? json_string_length(t) : 0;
			str_trim(&s, &len);
			if (len)
				item->categories[item->category_count++] = arena_strndup(arena, s, len);
		}
	}
	const json_t *atts = json_object_get(obj, "attachments");
	if (json_is_array(atts) && json_array_size(atts) > 0) {
		item->enclosures = arena_alloc(arena, json_array_size(atts) * sizeof *item->enclosures);
		for (size_t i = 0; i < json_array_size(atts); i++) {
			const json_t *a = json_array_get(atts, i);
			const char *aurl = json_is_object(a) ? jf_string(a, "url", arena) : NULL;
			if (!aurl)
				continue;
			struct feed_enclosure *enc = &item->enclosures[item->enclosure_count++];
			enc->url = jf_resolve(base, aurl, arena);
			enc->type = jf_string(a, "mime_type", arena);
			const json_t *size = json_object_get(a, "size_in_bytes");
			enc->length = json_is_integer(size) && json_integer_value(size) >= 0
			                  ? (int64_t)json_integer_value(size)
			                  : json_is_real(size) && json_real_value(size) >= 0 &&
			                            json_real_value(size) < 9e18
			                        ? (int64_t)json_real_value(size)
			                        : -1;
		}
	}
}

int
jsonfeed_parse(const char *utf8, size_t len, const struct feed_parse_opts *opts, struct arena *arena,
               feed_item_fn on_item, void *ctx, struct feed_doc *doc)
{
	memset(doc, 0, sizeof *doc);
	doc->version = "";
	doc->encoding = "utf-8";
	doc->feed.updated = FEED_NO_DATE;
	if (len >= 3 && memcmp(utf8, "\xef\xbb\xbf", 3) == 0)
		utf8 += 3, len -= 3;
	json_error_t jerr;
	json_t *root = json_loadb(utf8, len, 0, &jerr);
	if (!root) {
		doc->is_bozo = 1;
		doc->error = arena_printf(arena, "malformed JSON: %s (line %d, column %d)", jerr.text, jerr.line,
		                          jerr.column);
		return -1;
	}
	const json_t *version = json_object_get(root, "version");
	const json_t *items = json_object_get(root, "items");
	if (!json_is_object(root) || (!json_is_string(version) && !json_is_array(items))) {
		doc->error = "not a JSON Feed (no version or items)";
		json_decref(root);
		return -1;
	}
	const char *v = json_is_string(version) ? json_string_value(version) : "";
	doc->version = str_ends(v, "jsonfeed.org/version/1.1") ? "json11"
	               : str_ends(v, "jsonfeed.org/version/1") ? "json1"
	                                                         : "json";

	struct feed_info *feed = &doc->feed;
	feed->title = jf_plain(root, "title", arena);
	feed->link = jf_string(root, "home_page_url", arena);
	feed->id = jf_string(root, "feed_url", arena);
	feed->subtitle = jf_string(root, "description", arena);
	feed->language = jf_string(root, "language", arena);
	feed->icon = jf_string(root, "favicon", arena);
	if (!feed->icon)
		feed->icon = jf_string(root, "icon", arena);
	feed->author = jf_author(root, arena);
	const char *base = opts && opts->base_url ? opts->base_url : NULL;
	if (jf_is_absolute(feed->link))
		base = feed->link;
	else if (!base && jf_is_absolute(feed->id))
		base = feed->id;
	feed->link = jf_resolve(base, feed->link, arena);

	struct arena scratch = ARENA_INIT;
	size_t n = json_is_array(items) ? json_array_size(items) : 0;
	for (size_t i = 0; i < n; i++) {
		const json_t *obj = json_array_get(items, i);
		if (!json_is_object(obj))
			continue;
		struct feed_item item;
		arena_reset(&scratch);
		jf_item(obj, base, feed->author, opts ? opts->omit : 0, &scratch, &item);
		doc->item_count++;
		if (on_item && on_item(ctx, doc, &item) != 0)
			break;
	}
	arena_free(&scratch);
	json_decref(root);
	return 0;
}
