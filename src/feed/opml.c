/* opml.c: read and write OPML 1.0/2.0 subscription lists.
 *
 * Reading parses with libxml2 with no DTD loading, no entity substitution and no
 * network, so a hostile list cannot pull files or expand entities. A list is taken whole
 * or not at all: a document that is not well-formed XML (a truncated download, a tag left
 * open, a bad entity) is an error naming the line of libxml2's first fatal error, never a
 * recovered part that would import or restrict to some of the feeds without saying so.
 * OPML lists are small, so the tree costs nothing that matters. Every <outline> with a non-empty xmlUrl (any case:
 * xmlUrl, xmlurl, XMLURL) is one feed; outlines without one are folders whose names
 * (text, else title) form the feed's category path "a/b". A feed outside any folder
 * takes the first entry of its OPML 2.0 category attribute instead. */
#include "feed/opml.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/str.h"
#include "util/strlist.h"

/* Deepest folder nesting kept; deeper folders are folded into the deepest kept one. */
#define OPML_MAX_DEPTH 32

/* A growing array of entries in the arena. */
struct opml_list {
	struct opml_feed *items;
	size_t count, cap;
};

struct opml_reader {
	struct arena *arena;
	struct opml_list feeds;
	struct opml_list sites; /* leaf outlines with a url or htmlUrl and no xmlUrl */
	const char *folders[OPML_MAX_DEPTH]; /* names of the enclosing folders (NULL: unnamed) */
	size_t folder_count;
};

/* The attributes of one outline we care about; strings owned by the arena. */
struct opml_attrs {
	const char *xml_url, *html_url, *url, *title, *text, *category, *user_agent;
};

/* Copy an attribute value into the arena with surrounding whitespace trimmed; "" → NULL. */
static const char *
opml_dup_trimmed(struct arena *arena, const xmlChar *value)
{
	const char *s = (const char *)value;
	size_t len = strlen(s);
	str_trim(&s, &len);
	return len ? arena_strndup(arena, s, len) : NULL;
}

static void
opml_read_attrs(xmlDocPtr doc, xmlNodePtr node, struct arena *arena, struct opml_attrs *a)
{
	memset(a, 0, sizeof *a);
	for (xmlAttrPtr attr = node->properties; attr; attr = attr->next) {
		const char *name = (const char *)attr->name;
		int is_ours = attr->ns && attr->ns->href && strcmp((const char *)attr->ns->href, OPML_BRIEF_NS) == 0;
		const char **slot = is_ours ? (strcmp(name, "userAgent") == 0 ? &a->user_agent : NULL)
		                    : str_casecmp(name, "xmlUrl") == 0    ? &a->xml_url
		                    : str_casecmp(name, "htmlUrl") == 0  ? &a->html_url
		                    : str_casecmp(name, "url") == 0      ? &a->url
		                    : str_casecmp(name, "title") == 0    ? &a->title
		                    : str_casecmp(name, "text") == 0     ? &a->text
		                    : str_casecmp(name, "category") == 0 ? &a->category
		                                                         : NULL;
		if (!slot)
			continue;
		xmlChar *value = xmlNodeListGetString(doc, attr->children, 1);
		if (value) {
			*slot = opml_dup_trimmed(arena, value);
			xmlFree(value);
		}
	}
}

/* The category of a feed: the enclosing folders' names joined by '/', or
 * the first comma-separated entry of its category attribute (leading '/' dropped). */
static const char *
opml_category(struct opml_reader *r, const struct opml_attrs *a)
{
	if (r->folder_count > 0) {
		struct buf path = BUF_INIT;
		for (size_t i = 0; i < r->folder_count; i++) {
			if (!r->folders[i])
				continue;
			if (path.len)
				buf_putc(&path, '/');
			buf_puts(&path, r->folders[i]);
		}
		const char *out = path.len ? arena_strndup(r->arena, path.data, path.len) : NULL;
		buf_free(&path);
		if (out)
			return out;
	}
	if (!a->category)
		return NULL;
	const char *s = a->category;
	while (*s == '/')
		s++;
	const char *first;
	size_t len;
	return strlist_next(&s, ",", &first, &len) ? arena_strndup(r->arena, first, len) : NULL;
}

/* Append the outline a to list (a site entry has no xml_url; its html_url is its htmlUrl,
 * else its url). */
static void
opml_add_feed(struct opml_reader *r, struct opml_list *list, const struct opml_attrs *a)
{
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 64;
		struct opml_feed *grown = arena_alloc(r->arena, cap * sizeof *grown);
		if (list->count)
			memcpy(grown, list->items, list->count * sizeof *grown);
		list->items = grown;
		list->cap = cap;
	}
	struct opml_feed *f = &list->items[list->count++];
	f->xml_url = a->xml_url;
	f->html_url = a->html_url ? a->html_url : a->xml_url ? NULL : a->url;
	f->title = a->title ? a->title : a->text;
	/* A name that is only the feed's URL is no name: readers (and opml_write) put the URL in
	 * text when a feed has no title, and kept as a name it would hide the feed's own title. */
	if (f->title && f->xml_url && strcmp(f->title, f->xml_url) == 0)
		f->title = NULL;
	f->category = opml_category(r, a);
	f->user_agent = a->user_agent;
}

/* The outlines under parent. */
static void
opml_walk(struct opml_reader *r, xmlDocPtr doc, xmlNodePtr parent)
{
	for (xmlNodePtr node = parent->children; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (str_casecmp((const char *)node->name, "outline") != 0) {
			if (str_casecmp((const char *)node->name, "body") == 0)
				opml_walk(r, doc, node);
			continue;
		}
		struct opml_attrs a;
		opml_read_attrs(doc, node, r->arena, &a);
		if (a.xml_url)
			opml_add_feed(r, &r->feeds, &a);
		else if (!node->children && (a.html_url || a.url))
			opml_add_feed(r, &r->sites, &a);
		if (!node->children)
			continue;
		/* A folder; a feed with children contributes no name but still nests. */
		int is_kept = r->folder_count < OPML_MAX_DEPTH;
		if (is_kept) {
			r->folders[r->folder_count++] = a.xml_url ? NULL : a.text ? a.text : a.title;
		}
		opml_walk(r, doc, node);
		if (is_kept)
			r->folder_count--;
	}
}

/* The first fatal error libxml2 reports while parsing (it goes on scanning after one, so its
 * last error is often a consequence: "Premature end of data" at the end of the file). */
struct opml_first_error {
	int line; /* 0 = none yet */
	char msg[160];
};

/* libxml2's structured error callback (data is the parser context; its _private our
 * struct opml_first_error): keep the first error's line and message, without newline. */
static void
opml_on_error(void *data, xmlErrorPtr x)
{
	struct opml_first_error *first = ((xmlParserCtxtPtr)data)->_private;
	if (first->line || !x || x->level != XML_ERR_FATAL) /* namespace slips are not fatal */
		return;
	const char *msg = x->message ? x->message : "error";
	size_t mlen = strcspn(msg, "\n");
	snprintf(first->msg, sizeof first->msg, "%.*s", (int)mlen, msg);
	first->line = x->line > 0 ? x->line : 1;
}

int
opml_parse(const char *data, size_t len, struct arena *arena, struct opml_feed **feeds, size_t *count,
           struct err *e)
{
	struct opml_feed *sites;
	size_t nsites;
	return opml_parse_sites(data, len, arena, feeds, count, &sites, &nsites, e);
}

int
opml_parse_sites(const char *data, size_t len, struct arena *arena, struct opml_feed **feeds, size_t *count,
                 struct opml_feed **sites, size_t *nsites, struct err *e)
{
	*feeds = NULL;
	*count = 0;
	*sites = NULL;
	*nsites = 0;
	if (len == 0)
		return err_set(e, "not an OPML document (empty)");
	if (len > (size_t)INT32_MAX)
		return err_set(e, "OPML document too large");
	/* No XML_PARSE_NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR (nothing fetched);
	 * libxml2's own limits bound nesting depth and entity amplification. */
	int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
	              XML_PARSE_COMPACT;
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return err_set(e, "out of memory parsing OPML");
	struct opml_first_error first = {0};
	ctxt->_private = &first;
	ctxt->sax->serror = opml_on_error;
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, options);
	xmlFreeParserCtxt(ctxt);
	if (!doc)
		return err_set(e, "line %d: not well-formed OPML: %s", first.line, first.line ? first.msg : "unreadable");
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!root || str_casecmp((const char *)root->name, "opml") != 0) {
		err_set(e, "not an OPML document (root element <%.40s>)", root ? (const char *)root->name : "none");
		xmlFreeDoc(doc);
		return -1;
	}
	struct opml_reader r = {.arena = arena};
	opml_walk(&r, doc, root);
	xmlFreeDoc(doc);
	*feeds = r.feeds.items;
	*count = r.feeds.count;
	*sites = r.sites.items;
	*nsites = r.sites.count;
	return 0;
}

/* Append s as XML attribute text: markup and quotes escaped, whitespace controls as
 * character references (so they survive attribute normalization), other C0 controls
 * (not allowed in XML 1.0) dropped. */
static void
opml_escape(struct buf *out, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\t': buf_puts(out, "&#9;"); break;
		case '\n': buf_puts(out, "&#10;"); break;
		case '\r': buf_puts(out, "&#13;"); break;
		default:
			if (c >= 0x20)
				buf_putc(out, (char)c);
		}
	}
}

static void
opml_indent(struct buf *out, size_t level)
{
	for (size_t i = 0; i < level + 2; i++)
		buf_puts(out, "  ");
}

/* Number of leading '/'-separated components a and b share (NULL = no components). */
static size_t
opml_common_components(const char *a, const char *b)
{
	if (!a || !b)
		return 0;
	size_t n = 0, i = 0;
	for (;; i++) {
		int end_a = a[i] == '\0' || a[i] == '/', end_b = b[i] == '\0' || b[i] == '/';
		if (end_a || end_b) {
			if (!(end_a && end_b))
				return n;
			n++;
			if (a[i] == '\0' || b[i] == '\0')
				return n;
		} else if (a[i] != b[i]) {
			return n;
		}
	}
}

static size_t
opml_components(const char *s)
{
	if (!s || !*s)
		return 0;
	size_t n = 1;
	for (; *s; s++)
		n += *s == '/';
	return n;
}

/* Order: feeds without a category first, then by category; document order within. */
static int
opml_feed_order(const void *pa, const void *pb)
{
	const struct opml_feed *a = *(const struct opml_feed *const *)pa, *b = *(const struct opml_feed *const *)pb;
	int has_a = a->category && *a->category, has_b = b->category && *b->category;
	int c = has_a != has_b ? has_a - has_b : has_a ? strcmp(a->category, b->category) : 0;
	if (c)
		return c;
	return a < b ? -1 : a > b;
}

void
opml_write(struct buf *out, const char *title, const struct opml_feed *feeds, size_t count)
{
	int has_ours = 0;
	for (size_t i = 0; i < count; i++)
		has_ours |= feeds[i].user_agent != NULL;
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"");
	if (has_ours)
		buf_puts(out, " xmlns:brief=\"" OPML_BRIEF_NS "\"");
	buf_puts(out, ">\n  <head>\n    <title>");
	for (const char *t = title ? title : "brief subscriptions"; *t; t++) {
		if (*t == '&')
			buf_puts(out, "&amp;");
		else if (*t == '<')
			buf_puts(out, "&lt;");
		else if ((unsigned char)*t >= 0x20 || *t == '\t' || *t == '\n')
			buf_putc(out, *t);
	}
	buf_puts(out, "</title>\n  </head>\n  <body>\n");
	const struct opml_feed **order = xcalloc(count ? count : 1, sizeof *order);
	for (size_t i = 0; i < count; i++)
		order[i] = &feeds[i];
	qsort(order, count, sizeof *order, opml_feed_order);
	const char *open = NULL; /* category whose folders are open */
	size_t open_depth = 0;
	for (size_t i = 0; i < count; i++) {
		const struct opml_feed *f = order[i];
		const char *cat = f->category && *f->category ? f->category : NULL;
		size_t keep = opml_common_components(open, cat);
		while (open_depth > keep) {
			open_depth--;
			opml_indent(out, open_depth);
			buf_puts(out, "</outline>\n");
		}
		size_t want = opml_components(cat);
		const char *part = cat;
		for (size_t skip = 0; skip < open_depth && open_depth < want; skip++)
			part = strchr(part, '/') + 1; /* cat has more than open_depth components */
		while (open_depth < want) {
			size_t plen = strcspn(part, "/");
			char *name = xstrndup(part, plen);
			opml_indent(out, open_depth);
			buf_puts(out, "<outline text=\"");
			opml_escape(out, name);
			buf_puts(out, "\" title=\"");
			opml_escape(out, name);
			buf_puts(out, "\">\n");
			free(name);
			part += plen + (part[plen] == '/');
			open_depth++;
		}
		open = cat;
		const char *name = f->title ? f->title : f->xml_url;
		opml_indent(out, open_depth);
		buf_puts(out, "<outline type=\"rss\" text=\"");
		opml_escape(out, name);
		buf_puts(out, "\" title=\"");
		opml_escape(out, name);
		buf_puts(out, "\" xmlUrl=\"");
		opml_escape(out, f->xml_url);
		buf_puts(out, "\"");
		if (f->html_url) {
			buf_puts(out, " htmlUrl=\"");
			opml_escape(out, f->html_url);
			buf_puts(out, "\"");
		}
		if (f->user_agent) {
			buf_puts(out, " brief:userAgent=\"");
			opml_escape(out, f->user_agent);
			buf_puts(out, "\"");
		}
		buf_puts(out, "/>\n");
	}
	while (open_depth > 0) {
		open_depth--;
		opml_indent(out, open_depth);
		buf_puts(out, "</outline>\n");
	}
	free(order);
	buf_puts(out, "  </body>\n</opml>\n");
}
