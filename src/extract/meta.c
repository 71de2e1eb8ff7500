/* meta.c: a page's metadata (title, byline, date, language, excerpt, site name). Sources in
 * order of trust: JSON-LD of an Article-like object, <meta> (Open Graph, article:*, Dublin
 * Core, Twitter, parsely/sailthru), then the markup (<title>, <html lang>, <time>). */
#include <jansson.h>
#include <string.h>

#include "extract/passes.h"
#include "feed/url.h"
#include "util/str.h"

enum { F_TITLE, F_BYLINE, F_PUBLISHED, F_LANG, F_EXCERPT, F_SITE, F_COUNT };

/* The best value seen per field; rank 0 is best. */
struct found {
	const char *val[F_COUNT];
	int rank[F_COUNT];
	/* the first Article-like JSON-LD object's headline and name, and the <title> without
	 * the site name: which of the two is the title is decided once all are read */
	const char *ld_headline, *ld_name, *html_title;
	int has_ld;
};

static void
offer(struct found *f, int field, int rank, const char *val, struct arena *a)
{
	if (!val)
		return;
	struct buf b = BUF_INIT;
	/* collapse whitespace, trim */
	int space = 0;
	for (const char *p = val; *p; p++) {
		if (is_ascii_space(*p)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *p);
	}
	if (b.len > 0 && (!f->val[field] || rank < f->rank[field])) {
		f->val[field] = arena_strndup(a, b.data, b.len);
		f->rank[field] = rank;
	}
	buf_free(&b);
}

/* <meta name|property|itemprop=KEY content=...>: which field KEY feeds, at which rank. */
static const struct {
	const char *key;
	int field, rank;
} meta_keys[] = {
	{"og:title", F_TITLE, 2},
	{"twitter:title", F_TITLE, 3},
	{"dc.title", F_TITLE, 3},
	{"dcterm:title", F_TITLE, 3},
	{"parsely-title", F_TITLE, 3},
	{"author", F_BYLINE, 2},
	{"article:author", F_BYLINE, 3},
	{"dc.creator", F_BYLINE, 3},
	{"dcterm:creator", F_BYLINE, 3},
	{"parsely-author", F_BYLINE, 3},
	{"sailthru.author", F_BYLINE, 4},
	{"byl", F_BYLINE, 4},
	{"article:published_time", F_PUBLISHED, 2},
	{"og:article:published_time", F_PUBLISHED, 2},
	{"datepublished", F_PUBLISHED, 3},
	{"parsely-pub-date", F_PUBLISHED, 3},
	{"dc.date", F_PUBLISHED, 4},
	{"dcterms.date", F_PUBLISHED, 4},
	{"date", F_PUBLISHED, 4},
	{"pubdate", F_PUBLISHED, 4},
	{"publishdate", F_PUBLISHED, 4},
	{"sailthru.date", F_PUBLISHED, 5},
	{"description", F_EXCERPT, 3},
	{"og:description", F_EXCERPT, 2},
	{"twitter:description", F_EXCERPT, 4},
	{"dc.description", F_EXCERPT, 4},
	{"og:site_name", F_SITE, 2},
	{"content-language", F_LANG, 3},
	{"og:locale", F_LANG, 4},
};

static void
read_meta(const xmlNode *n, struct found *f, struct arena *a)
{
	const char *content = dom_attr(n, "content");
	if (!content)
		return;
	const char *names[] = {dom_attr(n, "property"), dom_attr(n, "name"), dom_attr(n, "itemprop"),
	                       dom_attr(n, "http-equiv")};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!names[i])
			continue;
		/* property may hold several space-separated names */
		const char *p = names[i];
		while (*p) {
			while (is_ascii_space(*p))
				p++;
			size_t k = 0;
			while (p[k] && !is_ascii_space(p[k]))
				k++;
			for (size_t j = 0; k && j < sizeof meta_keys / sizeof meta_keys[0]; j++) {
				if (strlen(meta_keys[j].key) != k || str_ncasecmp(p, meta_keys[j].key, k) != 0)
					continue;
				/* an author given as a profile URL is no byline */
				if (meta_keys[j].field == F_BYLINE && (str_istarts(content, "http://") ||
				                                       str_istarts(content, "https://")))
					continue;
				offer(f, meta_keys[j].field, meta_keys[j].rank, content, a);
			}
			p += k;
		}
	}
}

/* The name(s) of a JSON-LD author: a string, {"name": ...} or an array of those, joined with ", ". */
static void
ld_names(json_t *v, struct buf *out)
{
	if (json_is_string(v)) {
		if (out->len)
			buf_puts(out, ", ");
		buf_puts(out, json_string_value(v));
	} else if (json_is_object(v)) {
		ld_names(json_object_get(v, "name"), out);
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x)
		{
			if (!json_is_array(x))
				ld_names(x, out);
		}
	}
}

static int
ld_is_article(json_t *o)
{
	json_t *t = json_object_get(o, "@type");
	json_t *one = json_is_array(t) ? json_array_get(t, 0) : t;
	const char *s = json_string_value(one);
	return s && (str_ends(s, "Article") || str_ends(s, "Posting") || strcmp(s, "Report") == 0);
}

static void
ld_take(json_t *o, struct found *f, struct arena *a)
{
	if (!f->has_ld) {
		const char *headline = json_string_value(json_object_get(o, "headline"));
		const char *name = json_string_value(json_object_get(o, "name"));
		f->ld_headline = headline ? arena_strdup(a, headline) : NULL;
		f->ld_name = name ? arena_strdup(a, name) : NULL;
		f->has_ld = 1;
	}
	struct buf names = BUF_INIT;
	ld_names(json_object_get(o, "author"), &names);
	if (names.len)
		offer(f, F_BYLINE, 0, names.data, a);
	buf_free(&names);
	offer(f, F_PUBLISHED, 0, json_string_value(json_object_get(o, "datePublished")), a);
	offer(f, F_EXCERPT, 0, json_string_value(json_object_get(o, "description")), a);
	json_t *pub = json_object_get(o, "publisher");
	if (json_is_object(pub))
		offer(f, F_SITE, 0, json_string_value(json_object_get(pub, "name")), a);
	offer(f, F_LANG, 2, json_string_value(json_object_get(o, "inLanguage")), a);
}

/* Look through a JSON-LD value (object, array, @graph) for the first Article-like object. */
static int
ld_walk(json_t *v, struct found *f, struct arena *a, int depth)
{
	if (depth > 4)
		return 0;
	if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x)
		{
			if (ld_walk(x, f, a, depth + 1))
				return 1;
		}
		return 0;
	}
	if (!json_is_object(v))
		return 0;
	if (ld_is_article(v)) {
		ld_take(v, f, a);
		return 1;
	}
	return ld_walk(json_object_get(v, "@graph"), f, a, depth + 1);
}

static void
read_ld(xmlNodePtr script, struct found *f, struct arena *a)
{
	struct buf b = BUF_INIT;
	for (xmlNodePtr t = script->children; t; t = t->next)
		if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
			buf_puts(&b, (const char *)t->content);
	/* a CDATA wrapper (XHTML habits, MediaWiki) is markup around the JSON, not part of it */
	const char *json = buf_str(&b);
	size_t len = b.len;
	str_trim(&json, &len);
	if (len >= 12 && memcmp(json, "<![CDATA[", 9) == 0 && memcmp(json + len - 3, "]]>", 3) == 0) {
		json += 9;
		len -= 12;
	}
	json_t *v = len ? json_loadb(json, len, JSON_DECODE_ANY, NULL) : NULL;
	if (v)
		ld_walk(v, f, a, 0);
	json_decref(v);
	buf_free(&b);
}

/* Words in s (runs of non-spaces). */
static size_t
word_count(const char *s, size_t len)
{
	size_t k = 0;
	for (size_t i = 0; i < len; i++)
		if (!is_ascii_space(s[i]) && (i == 0 || is_ascii_space(s[i - 1])))
			k++;
	return k;
}

/* The <title> without the site name around it: "Story headline | Site" -> "Story headline". */
static const char *
clean_title(const char *t, struct arena *a)
{
	static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xBB ", " :: ",
	                                   " / ", " \\ ", NULL};
	size_t len = strlen(t);
	const char *first = NULL, *last = NULL;
	size_t first_len = 0, last_len = 0;
	for (const char *const *s = seps; *s; s++)
		for (const char *p = t; (p = strstr(p, *s)); p++) {
			if (!first || p < first)
				first = p, first_len = strlen(*s);
			if (!last || p > last)
				last = p, last_len = strlen(*s);
		}
	if (!first)
		return t;
	const char *cand = t;
	size_t cand_len = (size_t)(last - t);
	if (word_count(cand, cand_len) < 3) {
		cand = first + first_len;
		cand_len = len - (size_t)(cand - t);
	}
	(void)last_len;
	if (word_count(cand, cand_len) <= 4 && word_count(t, len) - word_count(cand, cand_len) > 1 &&
	    word_count(cand, cand_len) < 3)
		return t;
	return arena_strndup(a, cand, cand_len);
}

void
meta_read(xmlDocPtr doc, struct arena *a, struct extract_result *out)
{
	struct found f;
	memset(&f, 0, sizeof f);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!root)
		return;
	offer(&f, F_LANG, 0, dom_attr(root, "lang"), a);
	offer(&f, F_LANG, 1, dom_attr(root, "xml:lang"), a);
	int have_title = 0;
	for (xmlNodePtr n = root; n; n = dom_next(n, root, 0)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (dom_is(n, "meta")) {
			read_meta(n, &f, a);
		} else if (dom_is(n, "script")) {
			const char *type = dom_attr(n, "type");
			if (type && str_casecmp(type, "application/ld+json") == 0)
				read_ld(n, &f, a);
		} else if (dom_is(n, "title") && !have_title && !dom_has_ancestor(n, "svg", 0)) {
			struct buf b = BUF_INIT;
			dom_text(n, &b);
			if (b.len) {
				f.html_title = clean_title(arena_strndup(a, b.data, b.len), a);
				offer(&f, F_TITLE, 5, f.html_title, a);
				have_title = 1;
			}
			buf_free(&b);
		} else if (dom_is(n, "time") && dom_attr(n, "datetime")) {
			offer(&f, F_PUBLISHED, 6, dom_attr(n, "datetime"), a);
		}
	}
	/* JSON-LD's headline and name should both be the title. When they differ, the one
	 * closer to the <title> is (Wikipedia's headline is a short description: "Wikimedia
	 * list article"; news sites put their own name in name), the headline on a tie. */
	const char *ld_title = f.ld_headline ? f.ld_headline : f.ld_name;
	if (f.ld_headline && f.ld_name && f.html_title &&
	    dom_similarity(f.ld_name, f.html_title) > dom_similarity(f.ld_headline, f.html_title))
		ld_title = f.ld_name;
	offer(&f, F_TITLE, 0, ld_title, a);
	out->title = f.val[F_TITLE];
	out->byline = f.val[F_BYLINE];
	out->published = f.val[F_PUBLISHED];
	out->lang = f.val[F_LANG];
	out->excerpt = f.val[F_EXCERPT];
	out->site_name = f.val[F_SITE];
}

const char *
meta_base_url(xmlDocPtr doc, const char *page_url, struct arena *a)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	for (xmlNodePtr n = root; n; n = dom_next(n, root, 0)) {
		if (!dom_is(n, "base"))
			continue;
		const char *href = dom_attr(n, "href");
		if (!href)
			continue;
		struct buf b = BUF_INIT;
		url_resolve(page_url, href, strlen(href), &b);
		const char *u = buf_str(&b);
		const char *base = NULL;
		if (str_istarts(u, "http://") || str_istarts(u, "https://"))
			base = arena_strndup(a, u, b.len);
		buf_free(&b);
		return base ? base : page_url;
	}
	return page_url;
}
