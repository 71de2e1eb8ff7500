/* xml.c: the XML feed parser's core: element roles by depth, text capture for
 * field elements (child markup serialized back to text), xml:base, and the
 * driver that runs the fast scanner (xml_scan.c) and falls back to libxml2's
 * reader (xml_reader.c). Both deliver the same events; what the elements mean
 * is xml_fields.c's business. */
#include <stdlib.h>
#include <string.h>

#include "feed/text.h"
#include "feed/url.h"
#include "feed/xml_internal.h"
#include "util/str.h"

/* Internal entities declared in a DOCTYPE are expanded by us, one level deep,
 * within this many bytes per document (no recursion: "billion laughs" stays small). */
#define ENTITY_BUDGET (1024 * 1024)

/* Copy the attributes we use into p->attr_text; for serialization the caller
 * walks them itself. */
static void
read_attrs(struct xml_parser *p, const struct xml_elem *e)
{
	for (int i = 0; i < ATTR_COUNT; i++)
		p->attr_off[i] = -1;
	p->attr_text.len = 0;
	static const struct {
		const char *name;
		enum xml_attr a;
	} known[] = {
		{"about", ATTR_ABOUT}, {"base", ATTR_BASE}, {"filesize", ATTR_FILESIZE}, {"href", ATTR_HREF},
		{"ispermalink", ATTR_PERMALINK}, {"lang", ATTR_LANG}, {"lastmod", ATTR_LASTMOD},
		{"length", ATTR_LENGTH},
		{"mode", ATTR_MODE}, {"rel", ATTR_REL}, {"resource", ATTR_RESOURCE}, {"term", ATTR_TERM},
		{"text", ATTR_TEXT}, {"type", ATTR_TYPE}, {"url", ATTR_URL}, {"version", ATTR_VERSION},
	};
	for (size_t k = 0; k < e->attr_count; k++) {
		const struct xml_ev_attr *at = &e->attrs[k];
		const char *local = at->local, *uri = at->uri;
		if (uri && strcmp(uri, XML_NS_XMLNS) == 0)
			continue;
		char first = ascii_lower(local[0]);
		for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
			if (known[i].name[0] != first || str_casecmp(local, known[i].name) != 0)
				continue;
			enum xml_attr a = known[i].a;
			int is_xml_ns = uri && strcmp(uri, XML_NS_XML) == 0;
			if ((a == ATTR_BASE || a == ATTR_LANG) != is_xml_ns)
				break;
			p->attr_off[a] = (long)p->attr_text.len;
			buf_puts(&p->attr_text, at->value);
			buf_putc(&p->attr_text, '\0');
			break;
		}
	}
}

const char *
xml_current_base(const struct xml_parser *p)
{
	if (p->base_count > 0)
		return p->bases[p->base_count - 1].url;
	if (p->opts && p->opts->base_url && p->opts->base_url[0])
		return p->opts->base_url;
	const char *link = p->feed.slot[FLD_LINK].s;
	if (link && url_scheme_len(link, strlen(link)))
		return link;
	return NULL;
}

static void
push_base(struct xml_parser *p, int depth)
{
	const char *b = xml_attr(p, ATTR_BASE);
	if (!b || p->base_count >= XML_MAX_BASES)
		return;
	p->tmp.len = 0;
	url_resolve(xml_current_base(p), b, strlen(b), &p->tmp);
	p->bases[p->base_count].depth = depth;
	p->bases[p->base_count].url = xstrndup(p->tmp.data ? p->tmp.data : "", p->tmp.len);
	p->base_count++;
}

static void
pop_base(struct xml_parser *p, int depth)
{
	while (p->base_count > 0 && p->bases[p->base_count - 1].depth >= depth) {
		p->base_count--;
		free(p->bases[p->base_count].url);
	}
}

/* ---- capture: text of a field element, with any child markup re-serialized ---- */

int
xml_is_capturing(const struct xml_parser *p, int depth)
{
	return p->cap_depth >= 0 && depth > p->cap_depth;
}

void
xml_cap_append(struct xml_parser *p, const char *s, size_t len)
{
	if (p->cap_is_full)
		return;
	if (p->cap.len + len > XML_FIELD_MAX) {
		len = XML_FIELD_MAX - p->cap.len;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
		p->cap_is_full = 1;
	}
	buf_append(&p->cap, s, len);
}

static void
cap_escaped(struct xml_parser *p, const char *s, size_t len, int is_attr)
{
	const char *run = s, *end = s + len;
	for (; s < end; s++) {
		const char *rep = NULL;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = is_attr ? "&quot;" : NULL; break;
		default: break;
		}
		if (!rep)
			continue;
		xml_cap_append(p, run, (size_t)(s - run));
		xml_cap_append(p, rep, strlen(rep));
		run = s + 1;
	}
	xml_cap_append(p, run, (size_t)(s - run));
}

static int
is_void_element(const char *name)
{
	static const char *const v[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
	                                "link", "meta", "param", "source", "track", "wbr"};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (str_casecmp(name, v[i]) == 0)
			return 1;
	return 0;
}

/* The name to write for an element: XHTML, SVG and MathML elements without prefix (HTML knows
 * <svg> and <math> by name, not by a prefix whose declaration is not written out). */
static const char *
markup_name(const struct xml_elem *e)
{
	static const char *const unprefixed[] = {"http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg",
	                                         "http://www.w3.org/1998/Math/MathML"};
	for (size_t i = 0; e->uri && i < sizeof unprefixed / sizeof unprefixed[0]; i++)
		if (strcmp(e->uri, unprefixed[i]) == 0)
			return e->local;
	return e->qname;
}

static int
cap_is_blank(const struct xml_parser *p)
{
	for (size_t i = 0; i < p->cap.len; i++)
		if (!is_ascii_space(p->cap.data[i]))
			return 0;
	return 1;
}

static void
capture_child_start(struct xml_parser *p, const struct xml_elem *e)
{
	int depth = e->depth;
	const char *name = markup_name(e);
	if (p->cap_is_discarded)
		return;
	if (p->cap_is_xhtml && p->is_atom10 && depth == p->cap_depth + 1 && !p->cap_seen_child && p->cap_wrapper_depth < 0 &&
	    str_casecmp(e->local, "div") == 0 && cap_is_blank(p)) {
		p->cap.len = 0;
		p->cap_wrapper_depth = depth;
		p->cap_seen_child = 1;
		return;
	}
	p->cap_seen_child = 1;
	p->cap_is_plain = 0; /* text with naked child markup is HTML, as feedparser reads it */
	xml_cap_append(p, "<", 1);
	xml_cap_append(p, name, strlen(name));
	for (size_t k = 0; k < e->attr_count; k++) {
		const char *an = e->attrs[k].qname, *v = e->attrs[k].value;
		if (str_starts(an, "xmlns") && strcmp(v, "http://www.w3.org/1999/xhtml") == 0)
			continue;
		xml_cap_append(p, " ", 1);
		xml_cap_append(p, an, strlen(an));
		xml_cap_append(p, "=\"", 2);
		cap_escaped(p, v, strlen(v), 1);
		xml_cap_append(p, "\"", 1);
	}
	if (e->is_empty && is_void_element(name))
		xml_cap_append(p, " />", 3);
	else
		xml_cap_append(p, ">", 1);
}

static void
capture_child_end(struct xml_parser *p, const struct xml_elem *e)
{
	if (e->depth == p->cap_wrapper_depth) {
		p->cap_wrapper_depth = -2; /* the wrapper is closed; never strip another */
		return;
	}
	const char *name = markup_name(e);
	if (p->cap_is_discarded || is_void_element(name))
		return;
	xml_cap_append(p, "</", 2);
	xml_cap_append(p, name, strlen(name));
	xml_cap_append(p, ">", 1);
}

int
xml_wants_text(const struct xml_parser *p, int depth)
{
	if (xml_is_capturing(p, depth))
		return !p->cap_is_full;
	return depth > 0 && depth <= XML_MAX_DEPTH && p->role[depth - 1] == ROLE_AUTHOR && !p->cap_is_full;
}

void
xml_ev_text(struct xml_parser *p, int depth, const char *s, size_t len)
{
	if (xml_is_capturing(p, depth)) {
		if (p->cap_is_xhtml)
			cap_escaped(p, s, len, 0);
		else
			xml_cap_append(p, s, len);
	} else if (depth > 0 && depth <= XML_MAX_DEPTH && p->role[depth - 1] == ROLE_AUTHOR) {
		xml_cap_append(p, s, len);
	}
}

/* ---- elements ---- */

static enum xml_role
root_start(struct xml_parser *p, const char *local, const char *uri, const char *default_ns)
{
	struct feed_doc *doc = p->doc;
	const char *version = xml_attr(p, ATTR_VERSION);
	if (str_casecmp(local, "rss") == 0) {
		if (!version) {
			doc->version = "rss";
		} else if (strcmp(version, "0.91") == 0) {
			doc->version = p->is_netscape ? "rss091n" : "rss091u";
		} else if (strcmp(version, "0.92") == 0) {
			doc->version = "rss092";
		} else if (strcmp(version, "0.93") == 0) {
			doc->version = "rss093";
		} else if (strcmp(version, "0.94") == 0) {
			doc->version = "rss094";
		} else if (str_starts(version, "2.")) {
			doc->version = "rss20";
		} else {
			doc->version = "rss";
		}
		return ROLE_ROOT;
	}
	if (strcmp(local, "RDF") == 0) {
		doc->version = default_ns && strcmp(default_ns, "http://my.netscape.com/rdf/simple/0.9/") == 0 ? "rss090"
		                                                                                              : "rss10";
		return ROLE_ROOT;
	}
	if (str_casecmp(local, "feed") == 0) {
		p->is_atom = 1;
		if (uri && strcmp(uri, "http://www.w3.org/2005/Atom") == 0)
			doc->version = "atom10", p->is_atom10 = 1;
		else if (version && strcmp(version, "0.3") == 0)
			doc->version = "atom03";
		else if (version && strcmp(version, "0.2") == 0)
			doc->version = "atom02";
		else if (version && strcmp(version, "0.1") == 0)
			doc->version = "atom01";
		else if (uri && strcmp(uri, "http://purl.org/atom/ns#") == 0)
			doc->version = "atom03";
		else
			doc->version = "atom";
		return ROLE_FEED;
	}
	if (str_casecmp(local, "channel") == 0) {
		doc->version = "rss";
		return ROLE_FEED;
	}
	/* A lone Atom entry document (RFC 4287 5.1 allows it): a feed of one item. */
	if (strcmp(local, "entry") == 0 && uri &&
	    (strcmp(uri, "http://www.w3.org/2005/Atom") == 0 || strcmp(uri, "http://purl.org/atom/ns#") == 0)) {
		p->is_atom = 1;
		p->is_atom10 = strcmp(uri, "http://www.w3.org/2005/Atom") == 0;
		doc->version = p->is_atom10 ? "atom10" : "atom03";
		return ROLE_ITEM;
	}
	if (str_casecmp(local, "html") == 0)
		doc->is_html = 1;
	/* feedparser finds a feed wherever it is (say, an Atom feed inside an XHTML page) */
	return ROLE_SEEK;
}


static void
set_feed_lang(struct xml_parser *p)
{
	const char *lang = xml_attr(p, ATTR_LANG);
	if (lang && lang[0] && p->feed.slot[FLD_LANGUAGE].rank <= 0) {
		char *l = arena_strdup(p->arena, lang);
		for (char *c = l; *c; c++)
			if (*c == '_')
				*c = '-';
		p->feed.slot[FLD_LANGUAGE].s = l;
		p->feed.slot[FLD_LANGUAGE].rank = 0;
	}
}

/* CDF (and feedparser) take href and lastmod attributes of a channel or item
 * as its link and update date. */
static void
cdf_attrs(struct xml_parser *p)
{
	if (xml_attr(p, ATTR_HREF))
		xml_field_start(p, FLD_LINK, 1, KIND_LINK, -1, 1);
	const char *lastmod = xml_attr(p, ATTR_LASTMOD);
	if (lastmod) {
		xml_field_start(p, FLD_UPDATED, 1, KIND_DATE, -2, 1);
		buf_puts(&p->cap, lastmod);
		xml_field_end(p);
		p->cap_depth = -1;
	}
}

/* Remember which element the author container is (its group and lower-case name, cut). */
static void
person_elem(struct xml_parser *p, enum xml_nsg g, const char *local)
{
	size_t n = (size_t)snprintf(p->person_elem, sizeof p->person_elem, "%d:", (int)g);
	for (; *local && n + 1 < sizeof p->person_elem; local++)
		p->person_elem[n++] = (char)ascii_lower((unsigned char)*local);
	p->person_elem[n] = '\0';
}

static enum xml_role
field_start(struct xml_parser *p, enum xml_role scope, enum xml_nsg g, const char *local, int depth,
            int is_empty)
{
	enum xml_field f;
	int rank;
	enum xml_kind kind;
	if (!xml_field_lookup(g, local, scope, &f, &rank, &kind))
		return ROLE_IGNORE;
	switch (kind) {
	case KIND_PERSON:
		p->cap.len = 0;
		p->cap_is_full = 0;
		p->cap_is_discarded = 0;
		p->person_name.len = 0;
		p->person_email.len = 0;
		p->person_rank = rank;
		person_elem(p, g, local);
		return ROLE_AUTHOR;
	case KIND_IMAGE:
		return scope == ROLE_FEED ? ROLE_IMAGE : ROLE_IGNORE;
	case KIND_GROUP:
		return ROLE_GROUP;
	case KIND_SKIP:
		return ROLE_IGNORE;
	default:
		break;
	}
	xml_field_start(p, f, rank, kind, depth, is_empty);
	if (kind == KIND_ITUNES_CATEGORY)
		return ROLE_ITCAT; /* subcategories nest inside */
	return p->cap_depth == depth ? ROLE_FIELD : ROLE_IGNORE;
}

void
xml_ev_start(struct xml_parser *p, const struct xml_elem *e)
{
	int depth = e->depth;
	int is_empty = e->is_empty;
	if (depth < 0 || depth > XML_MAX_DEPTH)
		return;
	if (xml_is_capturing(p, depth)) {
		capture_child_start(p, e);
		p->role[depth] = ROLE_FIELD;
		if (is_empty)
			xml_ev_end(p, e);
		return;
	}
	read_attrs(p, e);
	push_base(p, depth);
	const char *local = e->local, *uri = e->uri;
	enum xml_nsg g = e->nsg >= 0 ? (enum xml_nsg)e->nsg : xml_ns_group(uri, e->qname);
	enum xml_role parent = depth == 0 ? ROLE_NONE : p->role[depth - 1];
	enum xml_role role = ROLE_IGNORE;
	switch (parent) {
	case ROLE_NONE:
	case ROLE_SEEK:
		role = root_start(p, local, uri, e->default_ns);
		if (role != ROLE_SEEK)
			set_feed_lang(p), p->doc->is_html = 0;
		if (role == ROLE_FEED)
			cdf_attrs(p);
		if (role == ROLE_ITEM)
			xml_item_start(p, depth);
		break;
	case ROLE_ROOT:
		if (str_casecmp(local, "channel") == 0) {
			role = ROLE_FEED;
			if (uri && strcmp(uri, "http://my.netscape.com/rdf/simple/0.9/") == 0)
				p->doc->version = "rss090";
			set_feed_lang(p);
			cdf_attrs(p);
		} else if (str_casecmp(local, "item") == 0 || str_casecmp(local, "entry") == 0) {
			role = ROLE_ITEM;
			xml_item_start(p, depth);
		} else if (str_casecmp(local, "image") == 0 || str_casecmp(local, "textinput") == 0) {
			role = ROLE_IGNORE;
		} else if (p->item_depth < 0) {
			/* rss without <channel>: treat the root as the channel */
			role = field_start(p, ROLE_FEED, g, local, depth, is_empty);
		}
		break;
	case ROLE_FEED:
		if (str_casecmp(local, "item") == 0 || str_casecmp(local, "entry") == 0) {
			role = ROLE_ITEM;
			xml_item_start(p, depth);
			cdf_attrs(p);
		} else {
			role = field_start(p, ROLE_FEED, g, local, depth, is_empty);
		}
		break;
	case ROLE_ITEM:
		role = field_start(p, ROLE_ITEM, g, local, depth, is_empty);
		break;
	case ROLE_AUTHOR:
		if (g == NSG_CORE && str_casecmp(local, "name") == 0)
			xml_field_start(p, FLD_AUTHOR_NAME, 1, KIND_TEXT, depth, is_empty);
		else if (g == NSG_CORE && str_casecmp(local, "email") == 0)
			xml_field_start(p, FLD_AUTHOR_EMAIL, 1, KIND_TEXT, depth, is_empty);
		role = p->cap_depth == depth ? ROLE_FIELD : ROLE_IGNORE;
		break;
	case ROLE_IMAGE:
		if (g == NSG_CORE && str_casecmp(local, "url") == 0)
			xml_field_start(p, FLD_ICON, 1, KIND_URL, depth, is_empty);
		role = p->cap_depth == depth ? ROLE_FIELD : ROLE_IGNORE;
		break;
	case ROLE_ITCAT:
		if (g == NSG_ITUNES && str_casecmp(local, "category") == 0) {
			xml_field_start(p, FLD_NONE, 0, KIND_ITUNES_CATEGORY, depth, is_empty);
			role = ROLE_ITCAT;
		}
		break;
	case ROLE_GROUP:
		if (g == NSG_MEDIA && strcmp(local, "content") == 0)
			xml_field_start(p, FLD_NONE, 0, KIND_MEDIA, depth, is_empty);
		role = ROLE_IGNORE;
		break;
	default:
		role = ROLE_IGNORE;
		break;
	}
	p->role[depth] = role;
	if (is_empty)
		xml_ev_end(p, e);
}

/* A repeat of the element that gave the author (Atom's <author> twice, two dc:creator) names a
 * co-author: the value becomes "A, B" (feedparser's `author` is the first and its `authors` all;
 * a reader's byline names them all). Names already there are not repeated; one that would make
 * the value longer than FEED_MAX_AUTHOR is left out rather than cut. Another element of the
 * same rank still replaces the value (the last of equals wins). p->cap holds the new author. */
static void
co_author(struct xml_parser *p)
{
	struct xml_entry *e = p->item_depth >= 0 ? &p->item : &p->feed;
	const char *old = e->slot[FLD_AUTHOR].s;
	if (old && p->person_rank < e->slot[FLD_AUTHOR].rank)
		return; /* it does not become the author at all */
	int is_repeat = old && p->person_rank == e->slot[FLD_AUTHOR].rank &&
	                strcmp(e->author_elem, p->person_elem) == 0;
	memcpy(e->author_elem, p->person_elem, sizeof e->author_elem);
	struct buf *name = &p->tmp;
	name->len = 0;
	text_collapse_space(p->cap.data ? p->cap.data : "", p->cap.len, name);
	if (!is_repeat || !name->len)
		return;
	size_t old_len = strlen(old);
	int is_known = 0;
	for (const char *c = old; c && !is_known;) {
		const char *end = strstr(c, ", ");
		size_t n = end ? (size_t)(end - c) : strlen(c);
		is_known = n == name->len && memcmp(c, name->data, n) == 0;
		c = end ? end + 2 : NULL;
	}
	p->cap.len = 0;
	buf_append(&p->cap, old, old_len);
	if (!is_known && old_len + 2 + name->len < FEED_MAX_AUTHOR) {
		buf_puts(&p->cap, ", ");
		buf_append(&p->cap, name->data, name->len);
	}
}

static void
author_end(struct xml_parser *p)
{
	/* "name (email)" as feedparser writes it; else whichever we have; else the text. */
	struct buf *out = &p->tmp;
	out->len = 0;
	const char *name = p->person_name.len ? p->person_name.data : NULL;
	const char *email = p->person_email.len ? p->person_email.data : NULL;
	if (name && email)
		buf_printf(out, "%s (%s)", name, email);
	else if (name || email)
		buf_puts(out, name ? name : email);
	if (out->len) {
		p->cap.len = 0;
		buf_append(&p->cap, out->data, out->len);
	}
	co_author(p);
	p->cap_field = FLD_AUTHOR;
	p->cap_rank = p->person_rank;
	p->cap_is_html = 0;
	p->cap_kind = KIND_TEXT;
	p->cap_is_plain = 1;
	p->cap_is_xhtml = 0;
	p->cap_is_base64 = 0;
	xml_field_end(p);
}

void
xml_ev_end(struct xml_parser *p, const struct xml_elem *e)
{
	int depth = e->depth;
	if (depth < 0 || depth > XML_MAX_DEPTH)
		return;
	if (xml_is_capturing(p, depth)) {
		capture_child_end(p, e);
	} else if (p->cap_depth >= 0 && depth == p->cap_depth) {
		xml_field_end(p);
		p->cap_depth = -1;
	} else {
		switch (p->role[depth]) {
		case ROLE_ITEM:
			if (p->item_depth == depth)
				xml_item_end(p);
			break;
		case ROLE_AUTHOR:
			author_end(p);
			break;
		default:
			break;
		}
	}
	p->role[depth] = ROLE_NONE;
	pop_base(p, depth);
}

/* Whitespace or comments before the XML declaration make libxml2 reject the
 * declaration (and with it the document). Lenient parsers, feedparser's among
 * them, read on: skip them, and return the problem (NULL when there was none). */
static const char *
skip_before_declaration(const char **utf8, size_t *len)
{
	const char *p = *utf8, *end = *utf8 + *len;
	for (;;) {
		while (p < end && is_ascii_space(*p))
			p++;
		if (end - p < 4 || memcmp(p, "<!--", 4) != 0)
			break;
		const char *close = NULL;
		for (const char *q = p + 4; q + 3 <= end; q++) {
			q = memchr(q, '-', (size_t)(end - q));
			if (!q || end - q < 3)
				break;
			if (q[1] == '-' && q[2] == '>') {
				close = q + 3;
				break;
			}
		}
		if (!close)
			break;
		p = close;
	}
	if (p == *utf8 || end - p < 6 || memcmp(p, "<?xml", 5) != 0 || !is_ascii_space(p[5]))
		return NULL;
	*len -= (size_t)(p - *utf8);
	*utf8 = p;
	return "XML declaration not at the start of the document";
}

static struct xml_parser *
parser_new(const struct feed_parse_opts *opts, struct arena *arena, feed_item_fn on_item, void *ctx,
           struct feed_doc *doc)
{
	struct xml_parser *p = xcalloc(1, sizeof *p);
	p->opts = opts;
	p->want_html = !(opts->omit & FEED_OMIT_HTML);
	p->want_text = !(opts->omit & FEED_OMIT_TEXT);
	p->doc = doc;
	p->arena = arena;
	p->on_item = on_item;
	p->ctx = ctx;
	p->item_depth = -1;
	p->cap_depth = -1;
	p->cap_wrapper_depth = -1;
	p->entity_budget = ENTITY_BUDGET;
	p->feed.published.t = p->feed.updated.t = FEED_NO_DATE;
	p->feed.published.rank = p->feed.updated.rank = -1;
	return p;
}

static void
parser_free(struct xml_parser *p)
{
	if (p->reader)
		xmlFreeTextReader(p->reader);
	if (p->xml_doc)
		xmlFreeDoc(p->xml_doc);
	pop_base(p, -1);
	arena_free(&p->scratch);
	buf_free(&p->cap);
	buf_free(&p->person_name);
	buf_free(&p->person_email);
	buf_free(&p->attr_text);
	buf_free(&p->tmp);
	free(p);
}

/* Forget what an abandoned fast scan set in doc (the items it delivered stay delivered). */
static void
doc_restart(struct feed_doc *doc)
{
	const char *encoding = doc->encoding;
	memset(doc, 0, sizeof *doc);
	doc->encoding = encoding;
	doc->version = "";
	doc->feed.updated = FEED_NO_DATE;
}

int
xml_parse(const char *utf8, size_t len, const struct feed_parse_opts *opts, struct arena *arena,
          feed_item_fn on_item, void *ctx, struct feed_doc *doc)
{
	return xml_parse_with(utf8, len, opts, arena, on_item, ctx, doc, XML_SCAN_FIRST);
}

int
xml_parse_with(const char *utf8, size_t len, const struct feed_parse_opts *opts, struct arena *arena,
               feed_item_fn on_item, void *ctx, struct feed_doc *doc, enum xml_tokenizer use)
{
	const char *problem = skip_before_declaration(&utf8, &len);
	struct xml_parser *p = parser_new(opts, arena, on_item, ctx, doc);
	struct xml_prepass pre = {.data = NULL};
	int rc = 0;
	if (use != XML_LIBXML2_ONLY && xml_scan(p, utf8, len) == 0) {
		if (!problem)
			problem = p->scan_problem;
	} else if (use == XML_SCAN_ONLY) {
		parser_free(p);
		doc->error = "handed over";
		doc->is_bozo = 1;
		return -1;
	} else {
		size_t delivered = doc->item_count;
		parser_free(p);
		doc_restart(doc);
		p = parser_new(opts, arena, on_item, ctx, doc);
		p->skip_items = delivered;
		xml_prepass_run(utf8, len, &pre);
		if (!problem)
			problem = pre.problem;
		p->is_netscape = pre.is_netscape;
		rc = xml_read(p, pre.data, pre.len);
	}
	if (rc == 0) {
		/* A truncated document: keep the item that was being read, and say it was cut (a
		 * caller storing items may rather wait for the whole of it). */
		if (p->cap_depth >= 0 && !p->is_stopped) {
			xml_field_end(p);
			p->cap_depth = -1;
		}
		if (p->item_depth >= 0 && !p->is_stopped) {
			xml_item_end(p);
			doc->is_item_cut = 1;
		}
		xml_feed_publish(p);
		if (!doc->version || !doc->version[0]) {
			doc->version = "";
			if (!doc->error)
				doc->error = doc->is_html ? "an HTML page, not a feed"
				           : p->error   ? p->error
				                        : "not a feed (no RSS, RDF or Atom root element)";
			doc->is_bozo = 1;
			rc = -1;
		} else {
			if (!doc->error && (p->error || problem))
				doc->error = p->error ? p->error : problem;
			if (doc->error)
				doc->is_bozo = 1;
		}
	}
	parser_free(p);
	buf_free(&pre.fixed);
	return rc;
}
