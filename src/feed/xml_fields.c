/* xml_fields.c: what RSS, RDF and Atom elements (and their extensions) mean:
 * the element table, how a captured value becomes a feed or item field, link
 * choice, and the assembly of each item handed to the callback. */
#include <stdlib.h>
#include <string.h>

#include "feed/date.h"
#include "feed/entities.h"
#include "feed/sanitize.h"
#include "feed/text.h"
#include "feed/url.h"
#include "feed/xml_internal.h"
#include "util/str.h"
#include "util/utf8.h"

enum xml_nsg
xml_ns_group(const char *uri, const char *qname)
{
	static const struct {
		const char *uri;
		enum xml_nsg g;
	} known[] = {
		{"http://www.w3.org/2005/Atom", NSG_CORE},
		{"http://purl.org/rss/1.0/", NSG_CORE},
		{"http://purl.org/dc/elements/1.1/", NSG_DC},
		{"http://purl.org/rss/1.0/modules/content/", NSG_CONTENT},
		{"http://search.yahoo.com/mrss/", NSG_MEDIA},
		{"http://www.itunes.com/dtds/podcast-1.0.dtd", NSG_ITUNES},
		{"http://purl.org/dc/terms/", NSG_DCTERMS},
		{"http://purl.org/atom/ns#", NSG_CORE},
		{"http://my.netscape.com/rdf/simple/0.9/", NSG_CORE},
		{"http://backend.userland.com/rss2", NSG_CORE},
		{"http://backend.userland.com/rss", NSG_CORE},
		{"http://blogs.law.harvard.edu/tech/rss", NSG_CORE},
		{"http://purl.org/rss/1.0/modules/rss091#", NSG_CORE},
		{"http://www.w3.org/1999/xhtml", NSG_XHTML},
		{"http://purl.org/dc/elements/1.0/", NSG_DC},
		{"http://search.yahoo.com/mrss", NSG_MEDIA},
		{"http://webns.net/mvcb/", NSG_ADMIN},
		{"http://www.w3.org/1999/02/22-rdf-syntax-ns#", NSG_RDF},
		{"http://purl.org/rss/1.0/modules/slash/", NSG_SLASH},
		{"http://wellformedweb.org/CommentAPI/", NSG_WFW},
		{"http://rssnamespace.org/feedburner/ext/1.0", NSG_FEEDBURNER},
		/* pre-1.0 Atom drafts, as feedparser accepts them */
		{"http://example.com/newformat#", NSG_CORE},
		{"http://example.com/necho", NSG_CORE},
		{"http://purl.org/echo/", NSG_CORE},
		{"uri/of/echo/namespace#", NSG_CORE},
		{"http://purl.org/pie/", NSG_CORE},
	};
	if (!uri || !uri[0]) {
		const char *colon = qname ? strchr(qname, ':') : NULL;
		if (!colon)
			return NSG_CORE;
		/* an undeclared prefix: go by the conventional ones */
		static const struct {
			const char *prefix;
			enum xml_nsg g;
		} prefixes[] = {
			{"dc", NSG_DC}, {"dcterms", NSG_DCTERMS}, {"content", NSG_CONTENT}, {"media", NSG_MEDIA},
			{"itunes", NSG_ITUNES}, {"atom", NSG_CORE}, {"xhtml", NSG_XHTML}, {"rdf", NSG_RDF},
			{"feedburner", NSG_FEEDBURNER},
		};
		size_t n = (size_t)(colon - qname);
		for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
			if (strlen(prefixes[i].prefix) == n && str_ncasecmp(qname, prefixes[i].prefix, n) == 0)
				return prefixes[i].g;
		return NSG_OTHER;
	}
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (str_casecmp(uri, known[i].uri) == 0)
			return known[i].g;
	/* an unknown default namespace (e.g. a made-up RSS one): its elements are
	 * the format's own, as feedparser treats them */
	return qname && !strchr(qname, ':') ? NSG_CORE : NSG_OTHER;
}

/* One element we use: its field and rank at channel level and at item level. */
struct element_def {
	enum xml_nsg g;
	const char *name; /* lower case; matched case-insensitively */
	enum xml_field feed_field;
	int feed_rank;
	enum xml_field item_field;
	int item_rank;
	enum xml_kind kind;
};

/* Sorted by (g, name) for bsearch. */
static const struct element_def elements[] = {
	{NSG_CORE, "abstract", FLD_SUBTITLE, 1, FLD_SUMMARY, 1, KIND_TEXT},
	{NSG_CORE, "author", FLD_AUTHOR, 2, FLD_AUTHOR, 2, KIND_PERSON},
	{NSG_CORE, "body", FLD_NONE, 0, FLD_CONTENT, 1, KIND_TEXT},
	{NSG_CORE, "category", FLD_NONE, 0, FLD_CATEGORY, 2, KIND_CATEGORY},
	{NSG_CORE, "comments", FLD_NONE, 0, FLD_COMMENTS, 2, KIND_URL},
	{NSG_CORE, "content", FLD_NONE, 0, FLD_CONTENT, 2, KIND_TEXT},
	{NSG_CORE, "contributor", FLD_AUTHOR, -1, FLD_AUTHOR, -1, KIND_SKIP},
	{NSG_CORE, "description", FLD_SUBTITLE, 2, FLD_SUMMARY, 2, KIND_TEXT},
	{NSG_CORE, "enclosure", FLD_NONE, 0, FLD_NONE, 0, KIND_ENCLOSURE},
	{NSG_CORE, "fullitem", FLD_NONE, 0, FLD_CONTENT, 1, KIND_TEXT},
	{NSG_CORE, "generator", FLD_GENERATOR, 2, FLD_NONE, 0, KIND_TEXT},
	{NSG_CORE, "guid", FLD_ID, 1, FLD_ID, 2, KIND_GUID},
	{NSG_CORE, "icon", FLD_ICON, 3, FLD_NONE, 0, KIND_URL},
	{NSG_CORE, "id", FLD_ID, 2, FLD_ID, 2, KIND_TEXT},
	{NSG_CORE, "image", FLD_ICON, 0, FLD_NONE, 0, KIND_IMAGE},
	{NSG_CORE, "issued", FLD_UPDATED, 0, FLD_PUBLISHED, 2, KIND_DATE},
	{NSG_CORE, "language", FLD_LANGUAGE, 2, FLD_NONE, 0, KIND_TEXT},
	{NSG_CORE, "lastbuilddate", FLD_UPDATED, 2, FLD_UPDATED, 1, KIND_DATE},
	{NSG_CORE, "link", FLD_LINK, 2, FLD_LINK, 2, KIND_LINK},
	{NSG_CORE, "logo", FLD_ICON, 2, FLD_NONE, 0, KIND_URL},
	{NSG_CORE, "managingeditor", FLD_AUTHOR, 2, FLD_NONE, 0, KIND_PERSON},
	{NSG_CORE, "modified", FLD_UPDATED, 2, FLD_UPDATED, 2, KIND_DATE},
	{NSG_CORE, "pubdate", FLD_UPDATED, 1, FLD_PUBLISHED, 2, KIND_DATE},
	{NSG_CORE, "published", FLD_UPDATED, 1, FLD_PUBLISHED, 2, KIND_DATE},
	{NSG_CORE, "source", FLD_NONE, -1, FLD_NONE, -1, KIND_SKIP},
	{NSG_CORE, "subtitle", FLD_SUBTITLE, 2, FLD_NONE, 0, KIND_TEXT},
	{NSG_CORE, "summary", FLD_SUBTITLE, 1, FLD_SUMMARY, 2, KIND_TEXT},
	{NSG_CORE, "tagline", FLD_SUBTITLE, 2, FLD_NONE, 0, KIND_TEXT},
	{NSG_CORE, "textinput", FLD_NONE, -1, FLD_NONE, -1, KIND_SKIP},
	{NSG_CORE, "title", FLD_TITLE, 2, FLD_TITLE, 2, KIND_TEXT},
	{NSG_CORE, "updated", FLD_UPDATED, 2, FLD_UPDATED, 2, KIND_DATE},
	{NSG_DC, "author", FLD_AUTHOR, 2, FLD_AUTHOR, 2, KIND_PERSON},
	{NSG_DC, "creator", FLD_AUTHOR, 2, FLD_AUTHOR, 2, KIND_PERSON},
	{NSG_DC, "date", FLD_UPDATED, 2, FLD_UPDATED, 1, KIND_DATE},
	{NSG_DC, "description", FLD_SUBTITLE, 1, FLD_SUMMARY, 1, KIND_TEXT},
	{NSG_DC, "language", FLD_LANGUAGE, 2, FLD_NONE, 0, KIND_TEXT},
	{NSG_DC, "subject", FLD_NONE, 0, FLD_CATEGORY, 1, KIND_CATEGORY},
	{NSG_DC, "title", FLD_TITLE, 1, FLD_TITLE, 1, KIND_TEXT},
	{NSG_DCTERMS, "issued", FLD_NONE, 0, FLD_PUBLISHED, 1, KIND_DATE},
	{NSG_DCTERMS, "modified", FLD_UPDATED, 1, FLD_UPDATED, 1, KIND_DATE},
	{NSG_CONTENT, "encoded", FLD_NONE, 0, FLD_CONTENT, 2, KIND_TEXT},
	{NSG_MEDIA, "category", FLD_NONE, 0, FLD_CATEGORY, 0, KIND_CATEGORY},
	{NSG_MEDIA, "content", FLD_NONE, 0, FLD_NONE, 0, KIND_MEDIA},
	{NSG_MEDIA, "group", FLD_NONE, 0, FLD_NONE, 0, KIND_GROUP},
	{NSG_MEDIA, "title", FLD_TITLE, 0, FLD_TITLE, 0, KIND_TEXT},
	{NSG_ITUNES, "author", FLD_AUTHOR, 1, FLD_AUTHOR, 1, KIND_PERSON},
	{NSG_ITUNES, "category", FLD_NONE, 0, FLD_CATEGORY, 0, KIND_ITUNES_CATEGORY},
	{NSG_ITUNES, "image", FLD_ICON, 0, FLD_NONE, 0, KIND_HREF},
	{NSG_ITUNES, "subtitle", FLD_SUBTITLE, 0, FLD_NONE, 0, KIND_TEXT},
	{NSG_ITUNES, "summary", FLD_SUBTITLE, 1, FLD_SUMMARY, 1, KIND_TEXT},
	{NSG_XHTML, "body", FLD_NONE, 0, FLD_CONTENT, 1, KIND_TEXT},
	{NSG_ADMIN, "generatoragent", FLD_GENERATOR, 1, FLD_NONE, 0, KIND_RESOURCE},
	/* FeedBurner's <link> is its feedproxy redirector; origLink is the post's own URL */
	{NSG_FEEDBURNER, "origlink", FLD_NONE, 0, FLD_ORIGLINK, 1, KIND_URL},
};

struct element_key {
	enum xml_nsg g;
	const char *name;
};

static int
cmp_element(const void *k, const void *e)
{
	const struct element_key *key = k;
	const struct element_def *def = e;
	if (key->g != def->g)
		return key->g < def->g ? -1 : 1;
	return str_casecmp(key->name, def->name);
}

int
xml_field_lookup(enum xml_nsg g, const char *name, enum xml_role scope, enum xml_field *field, int *rank,
                 enum xml_kind *kind)
{
	struct element_key key = {g, name};
	const struct element_def *def =
		bsearch(&key, elements, sizeof elements / sizeof elements[0], sizeof elements[0], cmp_element);
	if (!def)
		return 0;
	*kind = def->kind;
	*field = scope == ROLE_ITEM ? def->item_field : def->feed_field;
	*rank = scope == ROLE_ITEM ? def->item_rank : def->feed_rank;
	/* attribute-only and container kinds have no field of their own */
	switch (def->kind) {
	case KIND_ENCLOSURE:
	case KIND_MEDIA:
	case KIND_GROUP:
	case KIND_ITUNES_CATEGORY:
		return scope == ROLE_ITEM;
	case KIND_SKIP:
	case KIND_IMAGE:
		return 1;
	default:
		return *field != FLD_NONE;
	}
}

/* ---- storing values ---- */

static int
in_item(const struct xml_parser *p)
{
	return p->item_depth >= 0;
}

static struct arena *
target_arena(struct xml_parser *p)
{
	return in_item(p) ? &p->scratch : p->arena;
}

static struct xml_entry *
target(struct xml_parser *p)
{
	return in_item(p) ? &p->item : &p->feed;
}

static void
set_slot(struct xml_parser *p, enum xml_field f, const char *s, size_t len, int rank, int is_plain)
{
	if (f == FLD_NONE || f >= FLD_COUNT)
		return;
	struct xml_slot *slot = &target(p)->slot[f];
	if (slot->s && rank < slot->rank)
		return;
	slot->s = arena_strndup(target_arena(p), s, len);
	slot->rank = rank;
	slot->is_plain = is_plain;
}

/* Resolve a URL against the base in effect; the result is in p->tmp. */
static void
resolve(struct xml_parser *p, const char *s, size_t len)
{
	p->tmp.len = 0;
	url_resolve(xml_current_base(p), s, len, &p->tmp);
	if (!p->tmp.data)
		buf_puts(&p->tmp, "");
}

static void
set_url(struct xml_parser *p, enum xml_field f, const char *s, size_t len, int rank)
{
	str_trim(&s, &len);
	if (!len)
		return;
	resolve(p, s, len);
	set_slot(p, f, p->tmp.data, p->tmp.len, rank, 0);
}

static void
add_category(struct xml_parser *p, const char *s, size_t len)
{
	if (!in_item(p))
		return;
	str_trim(&s, &len);
	struct xml_entry *e = &p->item;
	if (!len || e->category_count >= XML_MAX_CATEGORIES)
		return;
	p->tmp.len = 0;
	text_collapse_space(s, len, &p->tmp);
	if (e->category_count == e->category_cap) {
		size_t cap = e->category_cap ? e->category_cap * 2 : 8;
		const char **n = arena_alloc(&p->scratch, cap * sizeof *n);
		if (e->category_count)
			memcpy(n, e->categories, e->category_count * sizeof *n);
		e->categories = n;
		e->category_cap = cap;
	}
	e->categories[e->category_count++] = arena_strndup(&p->scratch, p->tmp.data, p->tmp.len);
}

static int64_t
parse_length(const char *s)
{
	if (!s)
		return -1;
	while (is_ascii_space(*s))
		s++;
	if (!is_ascii_digit(*s))
		return -1;
	int64_t v = 0;
	for (; is_ascii_digit(*s); s++) {
		if (v > (INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	while (is_ascii_space(*s))
		s++;
	return *s ? -1 : v;
}

static void
make_enclosure(struct xml_parser *p, struct feed_enclosure *out, const char *url, const char *type,
               const char *length)
{
	resolve(p, url, strlen(url));
	out->url = arena_strndup(&p->scratch, p->tmp.data, p->tmp.len);
	size_t tlen = type ? strlen(type) : 0;
	if (type)
		str_trim(&type, &tlen);
	out->type = tlen ? arena_strndup(&p->scratch, type, tlen) : NULL;
	out->length = parse_length(length);
}

static void
add_enclosure(struct xml_parser *p, const char *url, const char *type, const char *length)
{
	struct xml_entry *e = &p->item;
	if (!in_item(p) || !url || e->enclosure_count >= XML_MAX_ENCLOSURES)
		return;
	size_t ulen = strlen(url);
	str_trim(&url, &ulen);
	if (!ulen)
		return;
	if (e->enclosure_count == e->enclosure_cap) {
		size_t cap = e->enclosure_cap ? e->enclosure_cap * 2 : 4;
		struct feed_enclosure *n = arena_alloc(&p->scratch, cap * sizeof *n);
		if (e->enclosure_count)
			memcpy(n, e->enclosures, e->enclosure_count * sizeof *n);
		e->enclosures = n;
		e->enclosure_cap = cap;
	}
	make_enclosure(p, &e->enclosures[e->enclosure_count++], url, type, length);
}

/* Whether a link's MIME type is a web page: none, text/html or XHTML, in any case and with
 * any parameters ("text/html; charset=utf-8" is a page like "text/html"). */
static int
is_html_type(const char *type)
{
	if (!type)
		return 1;
	const char *semi = strchr(type, ';');
	size_t len = semi ? (size_t)(semi - type) : strlen(type);
	str_trim(&type, &len);
	return len == 0 || (len == 9 && str_ncasecmp(type, "text/html", 9) == 0) ||
	       (len == 21 && str_ncasecmp(type, "application/xhtml+xml", 21) == 0) ||
	       (len == 4 && str_ncasecmp(type, "html", 4) == 0) || (len == 5 && str_ncasecmp(type, "xhtml", 5) == 0);
}

#define IANA_ALTERNATE "http://www.iana.org/assignments/relation/alternate"

/* An Atom link (or RSS <link> with href): choose by rel and type. */
static void
atom_link(struct xml_parser *p, int default_rank)
{
	const char *href = xml_attr(p, ATTR_HREF);
	const char *rel = xml_attr(p, ATTR_REL);
	const char *type = xml_attr(p, ATTR_TYPE);
	size_t rlen = rel ? strlen(rel) : 0;
	if (rel)
		str_trim(&rel, &rlen);
	if (!rlen || (rlen == 9 && str_ncasecmp(rel, "alternate", 9) == 0) ||
	    (rlen == strlen(IANA_ALTERNATE) && str_ncasecmp(rel, IANA_ALTERNATE, rlen) == 0)) {
		int rank = is_html_type(type) ? default_rank + 1 : default_rank - 1;
		size_t hlen = strlen(href);
		str_trim(&href, &hlen);
		if (hlen) {
			set_url(p, FLD_LINK, href, hlen, rank);
		} else if (p->base_count > 0 || (p->opts->base_url && p->opts->base_url[0])) {
			/* RFC 3986 5.2: an empty reference is the base document itself (what
			 * feedparser gives too); without a known base there is no link */
			resolve(p, "", 0);
			set_slot(p, FLD_LINK, p->tmp.data, p->tmp.len, rank, 0);
		}
	} else if (rlen == 9 && str_ncasecmp(rel, "enclosure", 9) == 0) {
		add_enclosure(p, href, type, xml_attr(p, ATTR_LENGTH));
	} else if (rlen == 7 && str_ncasecmp(rel, "replies", 7) == 0 && type && is_html_type(type)) {
		set_url(p, FLD_COMMENTS, href, strlen(href), 1);
	}
}

void
xml_field_start(struct xml_parser *p, enum xml_field f, int rank, enum xml_kind kind, int depth,
                int is_empty)
{
	(void)is_empty;
	switch (kind) {
	case KIND_LINK: {
		if (xml_attr(p, ATTR_HREF)) {
			atom_link(p, rank);
			return;
		}
		const char *rel = xml_attr(p, ATTR_REL);
		if (rel && str_casecmp(rel, "alternate") != 0)
			return; /* <link rel="enclosure">URL</link>: not the item's link */
		break;
	}
	case KIND_ENCLOSURE: {
		const char *url = xml_attr(p, ATTR_URL);
		add_enclosure(p, url ? url : xml_attr(p, ATTR_HREF), xml_attr(p, ATTR_TYPE), xml_attr(p, ATTR_LENGTH));
		return;
	}
	case KIND_MEDIA: {
		const char *url = xml_attr(p, ATTR_URL);
		if (in_item(p) && url && !p->item.media.url)
			make_enclosure(p, &p->item.media, url, xml_attr(p, ATTR_TYPE), xml_attr(p, ATTR_FILESIZE));
		return;
	}
	case KIND_ITUNES_CATEGORY: {
		const char *text = xml_attr(p, ATTR_TEXT);
		if (text)
			add_category(p, text, strlen(text));
		return;
	}
	case KIND_HREF: {
		const char *href = xml_attr(p, ATTR_HREF);
		if (href)
			set_url(p, f, href, strlen(href), rank);
		return;
	}
	case KIND_RESOURCE: {
		const char *res = xml_attr(p, ATTR_RESOURCE);
		if (res) {
			size_t len = strlen(res);
			str_trim(&res, &len);
			set_slot(p, f, res, len, rank, 1);
		}
		return;
	}
	case KIND_CATEGORY: {
		const char *term = xml_attr(p, ATTR_TERM);
		if (term && term[0]) {
			add_category(p, term, strlen(term));
			return;
		}
		break;
	}
	default:
		break;
	}
	/* feedparser: a second summary-like element in an item is its content */
	if (f == FLD_SUMMARY && in_item(p) && p->item.slot[FLD_SUMMARY].s && !p->item.slot[FLD_CONTENT].s)
		f = FLD_CONTENT;
	p->cap_depth = depth;
	p->cap_field = f;
	p->cap_kind = kind;
	p->cap_rank = rank;
	p->cap.len = 0;
	/* summary/content nobody reads: consume the element, keep nothing */
	p->cap_is_discarded = !p->want_html && !p->want_text && in_item(p) && (f == FLD_SUMMARY || f == FLD_CONTENT);
	p->cap_is_full = p->cap_is_discarded;
	p->cap_wrapper_depth = -1;
	p->cap_seen_child = 0;
	p->cap_is_plain = p->cap_is_html = p->cap_is_xhtml = p->cap_is_base64 = 0;
	const char *perm = xml_attr(p, ATTR_PERMALINK);
	p->cap_is_permalink = !(perm && str_casecmp(perm, "false") == 0);
	if (kind != KIND_TEXT)
		return;
	const char *type = xml_attr(p, ATTR_TYPE);
	const char *mode = xml_attr(p, ATTR_MODE);
	if (type) {
		size_t len = strlen(type);
		str_trim(&type, &len);
		if ((len == 4 && str_ncasecmp(type, "text", 4) == 0) || (len == 10 && str_ncasecmp(type, "text/plain", 10) == 0))
			p->cap_is_plain = 1;
		else if ((len == 4 && str_ncasecmp(type, "html", 4) == 0) || (len == 9 && str_ncasecmp(type, "text/html", 9) == 0))
			p->cap_is_html = 1;
		else if (len >= 3 && (str_icasestr(type, len, "xhtml") || str_ncasecmp(type + len - 3, "xml", 3) == 0))
			p->cap_is_xhtml = 1;
		else if (p->is_atom10 && memchr(type, '/', len) && !str_istarts(type, "text/"))
			p->cap_is_base64 = 1; /* RFC 4287 4.1.3.3: other media types are base64 */
	}
	if (mode && str_casecmp(mode, "base64") == 0)
		p->cap_is_base64 = 1;
	else if (mode && str_casecmp(mode, "escaped") == 0)
		p->cap_is_html = 1, p->cap_is_xhtml = 0;
	else if (mode && str_casecmp(mode, "xml") == 0)
		p->cap_is_xhtml = 1;
	if (f == FLD_CONTENT && !type && !mode && p->is_atom)
		p->cap_is_plain = 1; /* Atom's default type is text */
	if ((f == FLD_TITLE || f == FLD_SUMMARY || f == FLD_SUBTITLE) && !type && !mode && p->is_atom)
		p->cap_is_plain = 1;
}

static int
b64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

/* Decode base64 content in place in p->cap (output is never longer than input). */
static void
decode_base64(struct xml_parser *p)
{
	unsigned acc = 0;
	int bits = 0;
	size_t out = 0;
	for (size_t i = 0; i < p->cap.len; i++) {
		int v = b64_value((unsigned char)p->cap.data[i]);
		if (v < 0)
			continue;
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			p->cap.data[out++] = (char)((acc >> bits) & 0xFF);
		}
	}
	p->cap.len = out;
	if (p->cap.data)
		p->cap.data[out] = '\0';
	/* decoded bytes must still be UTF-8 */
	struct buf clean = BUF_INIT;
	utf8_sanitize(&clean, p->cap.data ? p->cap.data : "", out);
	p->cap.len = 0;
	buf_append(&p->cap, clean.data ? clean.data : "", clean.len);
	buf_free(&clean);
}

/* Whether an untyped title (RSS, RDF, Atom 0.3 without a type) is HTML, by feedparser's test: it
 * has a closing tag or a character reference, and every tag in it names an HTML element the
 * sanitiser knows. Tech titles put code in angle brackets ("Vec<T>", "std::vector<int>",
 * "Why <canvas> is great", "Use <script> safely"): those are text, not tags to strip. Sets
 * *has_ref when s holds a character reference. */
static int
title_looks_like_html(const char *s, size_t len, int *has_ref)
{
	int closes = 0;
	*has_ref = 0;
	int all_known = 1;
	for (size_t i = 0; i < len; i++) {
		uint32_t cp;
		if (s[i] == '&' && entity_decode_ref(s + i, len - i, &cp))
			*has_ref = 1;
		if (s[i] != '<')
			continue;
		size_t j = i + 1;
		int is_close = j < len && s[j] == '/';
		j += (size_t)is_close;
		size_t n = j;
		while (n < len && (is_ascii_alnum(s[n]) || s[n] == '_'))
			n++;
		if (n == j)
			continue; /* "a < b", "<!-- -->" */
		if (!sanitize_is_html_element(s + j, n - j))
			all_known = 0;
		else if (is_close)
			closes = 1;
	}
	return all_known && (closes || *has_ref);
}

/* plain_text() before its line breaks become spaces. */
static void
plain_text_lines(struct xml_parser *p, const char *s, size_t len, struct buf *out)
{
	int has_ref = 0;
	if (p->cap_is_plain) {
		text_collapse_space(s, len, out);
	} else if (p->cap_is_html || p->cap_is_xhtml || p->cap_seen_child || title_looks_like_html(s, len, &has_ref)) {
		text_from_html(s, len, 0, out);
	} else if (has_ref) {
		struct buf esc = BUF_INIT;
		for (size_t i = 0; i < len; i++) {
			if (s[i] == '<')
				buf_puts(&esc, "&lt;");
			else
				buf_append(&esc, s + i, 1);
		}
		text_from_html(esc.data ? esc.data : "", esc.len, 0, out);
		buf_free(&esc);
	} else {
		text_collapse_space(s, len, out);
	}
}

/* Titles are plain text on one line: markup is stripped unless the title says it is text, or
 * (untyped) does not look like HTML; then its character references are still decoded and its
 * angle brackets kept. A <br> or a block boundary in an HTML title, which the HTML-to-text
 * conversion makes a line break, is a space: a title is one line in a list, a heading, a TSV
 * row or a subject. */
static void
plain_text(struct xml_parser *p, const char *s, size_t len, struct buf *out)
{
	size_t start = out->len;
	plain_text_lines(p, s, len, out);
	for (size_t i = start; i < out->len; i++)
		if (out->data[i] == '\n')
			out->data[i] = ' ';
}

/* An id (guid, atom:id) that is a permalink written as a relative path
 * ("/post/1", "../x") is resolved, as feedparser does; anything else ("1",
 * "tag:...") is an opaque identity and kept verbatim. */
static void
set_id(struct xml_parser *p, const char *s, size_t len)
{
	int is_path = len && (s[0] == '/' || (len > 1 && s[0] == '.' && (s[1] == '/' || s[1] == '.')));
	if (p->cap_is_permalink && is_path && xml_current_base(p)) {
		resolve(p, s, len);
		set_slot(p, FLD_ID, p->tmp.data, p->tmp.len, p->cap_rank, 1);
		return;
	}
	set_slot(p, FLD_ID, s, len, p->cap_rank, 1);
}

void
xml_field_end(struct xml_parser *p)
{
	if (p->cap_is_base64)
		decode_base64(p);
	const char *s = p->cap.data ? p->cap.data : "";
	size_t len = p->cap.len;
	str_trim(&s, &len);
	enum xml_field f = p->cap_field;
	switch (p->cap_kind) {
	case KIND_DATE: {
		int64_t t;
		struct xml_entry *e = target(p);
		struct xml_date *d = f == FLD_PUBLISHED ? &e->published : &e->updated;
		if (len && date_parse(s, len, &t) == 0 && (d->t == FEED_NO_DATE || p->cap_rank >= d->rank)) {
			d->t = t;
			d->rank = p->cap_rank;
		}
		break;
	}
	case KIND_URL:
		if (f == FLD_ORIGLINK) {
			/* feedburner:origLink: the post's URL only when it is a web address */
			resolve(p, s, len);
			size_t sl = url_scheme_len(p->tmp.data, p->tmp.len);
			if ((sl == 4 && str_ncasecmp(p->tmp.data, "http", 4) == 0) ||
			    (sl == 5 && str_ncasecmp(p->tmp.data, "https", 5) == 0))
				set_slot(p, f, p->tmp.data, p->tmp.len, p->cap_rank, 0);
			break;
		}
		set_url(p, f, s, len, p->cap_rank);
		break;
	case KIND_LINK:
		set_url(p, f, s, len, p->cap_rank);
		break;
	case KIND_GUID:
		set_id(p, s, len);
		if (p->cap_is_permalink && in_item(p) && len &&
		    (url_scheme_len(s, len) || s[0] == '/' || (len > 1 && s[0] == '.' && s[1] == '/'))) {
			resolve(p, s, len);
			size_t sl = url_scheme_len(p->tmp.data, p->tmp.len);
			if ((sl == 4 && str_ncasecmp(p->tmp.data, "http", 4) == 0) ||
			    (sl == 5 && str_ncasecmp(p->tmp.data, "https", 5) == 0))
				p->item.guid_link = arena_strndup(&p->scratch, p->tmp.data, p->tmp.len);
		}
		break;
	case KIND_CATEGORY:
		add_category(p, s, len);
		break;
	default:
		switch (f) {
		case FLD_AUTHOR_NAME:
		case FLD_AUTHOR_EMAIL: {
			struct buf *b = f == FLD_AUTHOR_NAME ? &p->person_name : &p->person_email;
			b->len = 0;
			text_collapse_space(s, len, b);
			break;
		}
		case FLD_TITLE:
			p->tmp.len = 0;
			plain_text(p, s, len, &p->tmp);
			set_slot(p, f, p->tmp.data, p->tmp.len, p->cap_rank, 1);
			break;
		case FLD_SUMMARY:
		case FLD_CONTENT:
		case FLD_SUBTITLE:
			p->tmp.len = 0;
			if (p->cap_is_discarded || (!p->want_html && f != FLD_SUBTITLE && in_item(p)))
				set_slot(p, f, s, len, p->cap_rank, p->cap_is_plain); /* no links to rewrite */
			else if (!p->cap_is_plain && url_resolve_html(xml_current_base(p), s, len, &p->tmp))
				set_slot(p, f, p->tmp.data, p->tmp.len, p->cap_rank, 0);
			else
				set_slot(p, f, s, len, p->cap_rank, p->cap_is_plain);
			break;
		case FLD_ID:
			set_id(p, s, len);
			break;
		case FLD_LANGUAGE:
			p->tmp.len = 0;
			text_collapse_space(s, len, &p->tmp);
			for (size_t i = 0; i < p->tmp.len; i++)
				if (p->tmp.data[i] == '_')
					p->tmp.data[i] = '-';
			set_slot(p, f, p->tmp.data, p->tmp.len, p->cap_rank, 1);
			break;
		default:
			p->tmp.len = 0;
			text_collapse_space(s, len, &p->tmp);
			set_slot(p, f, p->tmp.data, p->tmp.len, p->cap_rank, 1);
			break;
		}
	}
	p->cap.len = 0;
	if (p->cap.data)
		p->cap.data[0] = '\0';
}
