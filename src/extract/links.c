/* links.c: the feeds a web page names in its <link rel="alternate"> elements (feed
 * autodiscovery), read from the same tree the extractor reads. */
#include <limits.h>
#include <string.h>

#include "extract/passes.h"
#include "feed/url.h"
#include "util/buf.h"
#include "util/str.h"

/* The types a feed is announced under, lower case. */
static const char *const feed_types[] = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                                         "application/feed+json", "application/json", NULL};

/* The feed type the type attribute t names (its parameters and surrounding space ignored,
 * case-insensitively), as one of feed_types; NULL when it names none. */
static const char *
feed_type(const char *t)
{
	if (!t)
		return NULL;
	size_t len = strcspn(t, ";");
	str_trim(&t, &len);
	for (const char *const *f = feed_types; *f; f++)
		if (len == strlen(*f) && str_ncasecmp(t, *f, len) == 0)
			return *f;
	return NULL;
}

/* True when the space-separated token list rel holds "alternate" (ASCII case-insensitively). */
static int
has_alternate(const char *rel)
{
	while (rel && *rel) {
		while (is_ascii_space((unsigned char)*rel))
			rel++;
		size_t n = 0;
		while (rel[n] && !is_ascii_space((unsigned char)rel[n]))
			n++;
		if (n == 9 && str_ncasecmp(rel, "alternate", 9) == 0)
			return 1;
		rel += n;
	}
	return 0;
}

int
extract_feed_links(const char *data, size_t len, const struct extract_opts *opts, struct arena *a,
                   struct extract_feed_link **out, size_t *count, struct err *e)
{
	*out = NULL;
	*count = 0;
	if (len > INT_MAX / 2)
		return err_set(e, "page too large to read (%zu bytes)", len);
	size_t ulen;
	const char *encoding;
	const char *utf8 = decode_page(data, len, opts->http_charset, a, &ulen, &encoding);
	xmlDocPtr doc = page_parse(utf8, ulen, opts->url);
	if (!doc)
		return ulen ? err_set(e, "cannot parse the page as HTML") : 0;
	const char *base = meta_base_url(doc, opts->url, a);
	struct extract_feed_link *links = arena_alloc(a, EXTRACT_FEED_LINKS_MAX * sizeof *links);
	size_t n = 0;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	for (xmlNodePtr node = root; node && n < EXTRACT_FEED_LINKS_MAX; node = dom_next(node, root, 0)) {
		const char *href = dom_attr(node, "href"), *type;
		if (!dom_is(node, "link") || !href || !has_alternate(dom_attr(node, "rel")) ||
		    !(type = feed_type(dom_attr(node, "type"))))
			continue;
		struct buf u = BUF_INIT;
		url_resolve(base, href, strlen(href), &u);
		int is_seen = u.len == 0;
		for (size_t i = 0; i < n && !is_seen; i++)
			is_seen = strcmp(links[i].url, buf_str(&u)) == 0;
		if (!is_seen) {
			struct buf title = BUF_INIT;
			xmlAttrPtr attr = xmlHasProp(node, (const xmlChar *)"title");
			if (attr && attr->children)
				dom_text(attr->children, &title);
			links[n].url = arena_strndup(a, buf_str(&u), u.len);
			links[n].title = title.len ? arena_strndup(a, buf_str(&title), title.len) : NULL;
			links[n].type = type;
			n++;
			buf_free(&title);
		}
		buf_free(&u);
	}
	xmlFreeDoc(doc);
	*out = links;
	*count = n;
	return 0;
}
