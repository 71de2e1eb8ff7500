/* atomcheck.c: RFC 4287 rules over a libxml2 tree (atomcheck.h). */
#include "atomcheck.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>

#define ATOM_NS "http://www.w3.org/2005/Atom"
#define XHTML_NS "http://www.w3.org/1999/xhtml"

struct ck {
	struct buf *problems;
	int count;
};

static void
bad(struct ck *c, const char *where, const char *what)
{
	buf_printf(c->problems, "%s: %s\n", where, what);
	c->count++;
}

static int
is_atom(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, ATOM_NS) == 0 &&
	       (!name || strcmp((const char *)n->name, name) == 0);
}

static int
count_children(const xmlNode *parent, const char *name)
{
	int n = 0;
	for (const xmlNode *k = parent->children; k; k = k->next)
		n += is_atom(k, name);
	return n;
}

static const xmlNode *
child(const xmlNode *parent, const char *name)
{
	for (const xmlNode *k = parent->children; k; k = k->next)
		if (is_atom(k, name))
			return k;
	return NULL;
}

/* RFC 3339 date-time as RFC 4287 3.3 restricts it (upper-case T and Z). */
static int
is_date_time(const char *s)
{
	int y, mo, d, h, mi, sec, n = 0;
	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &n) != 6 || n != 19)
		return 0;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return 0;
	const char *p = s + 19;
	if (*p == '.') {
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (strcmp(p, "Z") == 0)
		return 1;
	int oh, om;
	n = 0;
	return (p[0] == '+' || p[0] == '-') && sscanf(p + 1, "%2d:%2d%n", &oh, &om, &n) == 2 && n == 5 && p[6] == '\0' &&
	       oh <= 23 && om <= 59;
}

/* An absolute IRI: scheme ":" rest, no whitespace (RFC 3987 via 4287 4.2.6). */
static int
is_absolute_iri(const char *s)
{
	if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	const char *p = s;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '+' ||
	       *p == '-' || *p == '.')
		p++;
	if (*p != ':' || p[1] == '\0')
		return 0;
	for (; *p; p++)
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			return 0;
	return 1;
}

static void
check_date(struct ck *c, const xmlNode *n, const char *where)
{
	xmlChar *v = xmlNodeGetContent(n);
	if (!is_date_time((const char *)v))
		bad(c, where, "not an RFC 3339 date-time (3.3)");
	xmlFree(v);
}

static void
check_text(struct ck *c, const xmlNode *n, const char *where)
{
	xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
	const char *t = type ? (const char *)type : "text";
	int elements = 0;
	const xmlNode *div = NULL;
	for (const xmlNode *k = n->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE) {
			elements++;
			div = k;
		}
	if (strcmp(t, "text") == 0 || strcmp(t, "html") == 0) {
		if (elements)
			bad(c, where, "a text or html construct has child elements (3.1.1)");
	} else if (strcmp(t, "xhtml") == 0) {
		if (elements != 1 || !div->ns || strcmp((const char *)div->ns->href, XHTML_NS) != 0 ||
		    strcmp((const char *)div->name, "div") != 0)
			bad(c, where, "an xhtml construct must hold exactly one xhtml:div (3.1.1.3)");
	} else {
		bad(c, where, "type is not text, html or xhtml (3.1.1)");
	}
	xmlFree(type);
}

static void
check_person(struct ck *c, const xmlNode *n, const char *where)
{
	if (count_children(n, "name") != 1)
		bad(c, where, "a person construct needs exactly one atom:name (3.2)");
	if (count_children(n, "uri") > 1 || count_children(n, "email") > 1)
		bad(c, where, "more than one atom:uri or atom:email (3.2)");
}

/* Links: href present; at most one alternate per (type, hreflang). */
static void
check_links(struct ck *c, const xmlNode *parent, const char *where)
{
	char seen[32][256];
	int nseen = 0;
	for (const xmlNode *k = parent->children; k; k = k->next) {
		if (!is_atom(k, "link"))
			continue;
		xmlChar *href = xmlGetProp(k, (const xmlChar *)"href");
		xmlChar *rel = xmlGetProp(k, (const xmlChar *)"rel");
		xmlChar *type = xmlGetProp(k, (const xmlChar *)"type");
		xmlChar *lang = xmlGetProp(k, (const xmlChar *)"hreflang");
		if (!href || !*href)
			bad(c, where, "atom:link without href (4.2.7.1)");
		if (rel && !*rel)
			bad(c, where, "atom:link with an empty rel (4.2.7.2)");
		if (!rel || strcmp((const char *)rel, "alternate") == 0) {
			char key[256];
			snprintf(key, sizeof key, "%s|%s", type ? (const char *)type : "", lang ? (const char *)lang : "");
			for (int i = 0; i < nseen; i++)
				if (strcmp(seen[i], key) == 0)
					bad(c, where, "two alternate links with the same type and hreflang (4.1.1, 4.1.2)");
			if (nseen < 32)
				snprintf(seen[nseen++], sizeof seen[0], "%s", key);
		}
		xmlFree(href);
		xmlFree(rel);
		xmlFree(type);
		xmlFree(lang);
	}
}

/* What feed and entry share: id, title, updated, single-valued elements, text, dates. */
static void
check_common(struct ck *c, const xmlNode *n, const char *where, const char *const *single, size_t nsingle)
{
	static const char *const once[] = {"id", "title", "updated"};
	for (size_t i = 0; i < 3; i++)
		if (count_children(n, once[i]) != 1) {
			char what[96];
			snprintf(what, sizeof what, "needs exactly one atom:%s (4.1.1/4.1.2)", once[i]);
			bad(c, where, what);
		}
	for (size_t i = 0; i < nsingle; i++)
		if (count_children(n, single[i]) > 1) {
			char what[96];
			snprintf(what, sizeof what, "more than one atom:%s (4.1.1/4.1.2)", single[i]);
			bad(c, where, what);
		}
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (!is_atom(k, NULL))
			continue;
		const char *name = (const char *)k->name;
		if (strcmp(name, "id") == 0) {
			xmlChar *v = xmlNodeGetContent(k);
			if (!is_absolute_iri((const char *)v))
				bad(c, where, "atom:id is not an absolute IRI (4.2.6)");
			xmlFree(v);
		} else if (strcmp(name, "updated") == 0 || strcmp(name, "published") == 0) {
			check_date(c, k, where);
		} else if (strcmp(name, "title") == 0 || strcmp(name, "subtitle") == 0 || strcmp(name, "summary") == 0 ||
		           strcmp(name, "rights") == 0) {
			check_text(c, k, where);
		} else if (strcmp(name, "author") == 0 || strcmp(name, "contributor") == 0) {
			check_person(c, k, where);
		} else if (strcmp(name, "generator") == 0) {
			for (const xmlNode *g = k->children; g; g = g->next)
				if (g->type == XML_ELEMENT_NODE)
					bad(c, where, "atom:generator has child elements (4.2.4)");
		}
	}
	check_links(c, n, where);
}

static int
has_alternate(const xmlNode *entry)
{
	for (const xmlNode *k = entry->children; k; k = k->next) {
		if (!is_atom(k, "link"))
			continue;
		xmlChar *rel = xmlGetProp(k, (const xmlChar *)"rel");
		int alt = !rel || strcmp((const char *)rel, "alternate") == 0;
		xmlFree(rel);
		if (alt)
			return 1;
	}
	return 0;
}

int
atom_check(const char *xml, size_t len, struct buf *problems)
{
	struct ck c = {problems, 0};
	xmlDoc *doc = xmlReadMemory(xml, (int)len, "feed.atom", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                                                  XML_PARSE_NOWARNING);
	if (!doc) {
		bad(&c, "document", "not well-formed XML");
		return c.count;
	}
	const xmlNode *feed = xmlDocGetRootElement(doc);
	if (!feed || !is_atom(feed, "feed")) {
		bad(&c, "document", "the root is not atom:feed in the Atom namespace (4.1.1)");
		xmlFreeDoc(doc);
		return c.count;
	}
	static const char *const feed_single[] = {"generator", "icon", "logo", "rights", "subtitle"};
	check_common(&c, feed, "feed", feed_single, 5);
	int feed_author = count_children(feed, "author") > 0;
	int entry_no = 0;
	for (const xmlNode *e = feed->children; e; e = e->next) {
		if (!is_atom(e, "entry"))
			continue;
		char where[32];
		snprintf(where, sizeof where, "entry %d", ++entry_no);
		static const char *const entry_single[] = {"content", "published", "rights", "source", "summary"};
		check_common(&c, e, where, entry_single, 5);
		if (!feed_author && count_children(e, "author") == 0)
			bad(&c, where, "no atom:author in the entry nor in the feed (4.1.1, 4.1.2)");
		const xmlNode *content = child(e, "content");
		if (!content && !has_alternate(e))
			bad(&c, where, "no atom:content and no alternate link (4.1.2)");
		if (content) {
			xmlChar *src = xmlGetProp(content, (const xmlChar *)"src");
			if (src && content->children)
				bad(&c, where, "atom:content with src must be empty (4.1.3.2)");
			if (src && count_children(e, "summary") == 0)
				bad(&c, where, "atom:content with src needs an atom:summary (4.1.2)");
			xmlFree(src);
		}
	}
	xmlFreeDoc(doc);
	return c.count;
}
