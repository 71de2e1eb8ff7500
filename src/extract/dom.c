/* dom.c: tree walking, tag tests, text measures and class/id weights for the extractor.
 * Every walk is iterative: a hostile page can nest elements thousands deep. */
#include "extract/dom.h"

#include <string.h>

#include "util/str.h"

xmlNodePtr
dom_next(xmlNodePtr n, xmlNodePtr root, int skip_children)
{
	if (!skip_children && n->children && n->type != XML_ENTITY_REF_NODE)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

void
dom_walk(xmlNodePtr root, int (*enter)(xmlNodePtr, void *), void (*leave)(xmlNodePtr, void *), void *ctx)
{
	xmlNodePtr n = root;
	while (n) {
		if (enter(n, ctx) && n->children && n->type != XML_ENTITY_REF_NODE) {
			n = n->children;
			continue;
		}
		/* n is done: leave it, then every ancestor whose last child this was */
		for (;;) {
			leave(n, ctx);
			if (n == root)
				return;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (!n)
				return;
		}
	}
}

int
dom_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

int
dom_is_any(const xmlNode *n, const char *const *names)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return 0;
	for (; *names; names++)
		if (strcmp((const char *)n->name, *names) == 0)
			return 1;
	return 0;
}

int
dom_is_heading(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE && n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' &&
	       n->name[2] == '\0';
}

int
dom_is_block(const xmlNode *n)
{
	static const char *const block[] = {
		"address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div",
		"dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr",
		"li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
		"tfoot", "th", "thead", "tr", "ul", "select", NULL};
	return dom_is_heading(n) || dom_is_any(n, block);
}

int
dom_has_ancestor(const xmlNode *n, const char *name, int max_depth)
{
	int depth = 0;
	for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
		if (max_depth > 0 && ++depth > max_depth)
			return 0;
		if (strcmp((const char *)p->name, name) == 0)
			return 1;
	}
	return 0;
}

const char *
dom_attr(const xmlNode *n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (xmlAttrPtr at = n->properties; at; at = at->next) {
		if (strcmp((const char *)at->name, name) != 0)
			continue;
		if (at->children && at->children->type == XML_TEXT_NODE && !at->children->next)
			return at->children->content ? (const char *)at->children->content : "";
		return "";
	}
	return NULL;
}

/* Whitespace-collapsing counter over a run of text nodes. */
struct counter {
	size_t chars;
	int pending_space; /* a whitespace run seen since the last character */
	int started;
};

static void
count_text(struct counter *k, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (is_ascii_space(*p)) {
			k->pending_space = 1;
			continue;
		}
		if ((*p & 0xC0) == 0x80)
			continue; /* a continuation byte: same character */
		if (k->pending_space && k->started)
			k->chars++;
		k->pending_space = 0;
		k->started = 1;
		k->chars++;
	}
}

size_t
dom_text_len(xmlNodePtr n)
{
	struct counter k = {0, 0, 0};
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		count_text(&k, n->content ? (const char *)n->content : "");
		return k.chars;
	}
	for (xmlNodePtr m = n->children; m; m = dom_next(m, n, 0))
		if ((m->type == XML_TEXT_NODE || m->type == XML_CDATA_SECTION_NODE) && m->content)
			count_text(&k, (const char *)m->content);
	return k.chars;
}

int
dom_has_text(xmlNodePtr n)
{
	for (xmlNodePtr m = n->children; m; m = dom_next(m, n, 0))
		if ((m->type == XML_TEXT_NODE || m->type == XML_CDATA_SECTION_NODE) && m->content)
			for (const char *p = (const char *)m->content; *p; p++)
				if (!is_ascii_space(*p))
					return 1;
	return 0;
}

void
dom_text(xmlNodePtr n, struct buf *out)
{
	int space = 0, started = 0;
	xmlNodePtr m = n->type == XML_ELEMENT_NODE ? n->children : n;
	for (; m; m = m == n ? NULL : dom_next(m, n, 0)) {
		if ((m->type != XML_TEXT_NODE && m->type != XML_CDATA_SECTION_NODE) || !m->content)
			continue;
		for (const char *p = (const char *)m->content; *p; p++) {
			if (is_ascii_space(*p)) {
				space = 1;
				continue;
			}
			if (space && started)
				buf_putc(out, ' ');
			space = 0;
			started = 1;
			buf_putc(out, *p);
		}
	}
}

size_t
dom_commas(xmlNodePtr n)
{
	size_t k = 0;
	for (xmlNodePtr m = n->children; m; m = dom_next(m, n, 0)) {
		if (m->type != XML_TEXT_NODE || !m->content)
			continue;
		for (const unsigned char *p = m->content; *p; p++) {
			if (*p == ',')
				k++;
			/* U+FF0C fullwidth comma, U+3001 ideographic comma, U+060C Arabic comma */
			else if ((p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ||
			         (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81) || (p[0] == 0xD8 && p[1] == 0x8C))
				k++;
		}
	}
	return k;
}

double
dom_link_density(xmlNodePtr n)
{
	struct dom_stats st;
	dom_stats(n, &st);
	return st.chars ? st.link_chars / (double)st.chars : 0;
}

/* dom_stats' walk: running totals, and where the current link, heading, list and
 * paragraph started (levels nest; only the outermost of each kind counts). */
struct stats_walk {
	struct dom_stats *st;
	struct counter k;
	double link_weight;
	int link_depth, heading_depth, list_depth, para_depth;
	size_t link_start, heading_start, list_start, para_start;
	double para_link_start;
};

static int
is_para_like(const xmlNode *n)
{
	const struct node_info *in = dom_info_get(n);
	return dom_is(n, "p") || dom_is(n, "pre") || (in && in->is_para);
}

static int
stats_enter(xmlNodePtr n, void *ctx)
{
	struct stats_walk *w = ctx;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (!n->content)
			return 0;
		size_t before = w->k.chars;
		count_text(&w->k, (const char *)n->content);
		if (w->link_depth)
			w->st->link_chars += w->link_weight * (double)(w->k.chars - before);
		for (const unsigned char *p = n->content; *p; p++)
			if (*p == ',' || (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ||
			    (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81) || (p[0] == 0xD8 && p[1] == 0x8C))
				w->st->commas++;
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (dom_is(n, "a") && w->link_depth++ == 0) {
		const char *href = dom_attr(n, "href");
		w->link_weight = href && href[0] == '#' ? 0.3 : 1.0;
	} else if (dom_is_heading(n) && w->heading_depth++ == 0) {
		w->heading_start = w->k.chars;
	} else if ((dom_is(n, "ul") || dom_is(n, "ol")) && w->list_depth++ == 0) {
		w->list_start = w->k.chars;
	}
	if (is_para_like(n) && w->para_depth++ == 0) {
		w->para_start = w->k.chars;
		w->para_link_start = w->st->link_chars;
	}
	if (dom_is(n, "p"))
		w->st->p++;
	else if (dom_is(n, "img"))
		w->st->img++;
	else if (dom_is(n, "li"))
		w->st->li++;
	return 1;
}

static void
stats_leave(xmlNodePtr n, void *ctx)
{
	struct stats_walk *w = ctx;
	if (n->type != XML_ELEMENT_NODE)
		return;
	if (dom_is(n, "a"))
		w->link_depth--;
	else if (dom_is_heading(n) && --w->heading_depth == 0)
		w->st->heading_chars += w->k.chars - w->heading_start;
	else if ((dom_is(n, "ul") || dom_is(n, "ol")) && --w->list_depth == 0)
		w->st->list_chars += w->k.chars - w->list_start;
	if (is_para_like(n) && --w->para_depth == 0) {
		size_t len = w->k.chars - w->para_start;
		double links = w->st->link_chars - w->para_link_start;
		if (len >= 80 && links < 0.25 * (double)len)
			w->st->prose_chars += len;
	}
}

void
dom_stats(xmlNodePtr n, struct dom_stats *st)
{
	memset(st, 0, sizeof *st);
	struct stats_walk w;
	memset(&w, 0, sizeof w);
	w.st = st;
	/* the root's own tag does not count: only what is inside it */
	for (xmlNodePtr ch = n->children; ch; ch = ch->next)
		dom_walk(ch, stats_enter, stats_leave, &w);
	st->chars = w.k.chars;
}

static int
is_word_byte(int c)
{
	return is_ascii_alnum(c) || (unsigned char)c >= 0x80;
}

/* True when w[0..wl) occurs in a as a whole word (ASCII case-insensitive). */
static int
has_whole_word(const char *a, const char *w, size_t wl)
{
	for (const char *r = a; *r; r++)
		if (str_ncasecmp(r, w, wl) == 0 && (r == a || !is_word_byte(r[-1])) && !is_word_byte(r[wl]))
			return 1;
	return 0;
}

double
dom_similarity(const char *a, const char *b)
{
	size_t total = 0, miss = 0;
	for (const char *p = b; *p;) {
		while (*p && !is_word_byte(*p))
			p++;
		const char *w = p;
		while (*p && is_word_byte(*p))
			p++;
		size_t wl = (size_t)(p - w);
		if (!wl)
			continue;
		total += wl;
		if (!has_whole_word(a, w, wl))
			miss += wl;
	}
	return total ? 1.0 - (double)miss / (double)total : 0;
}

/* True when one of the NULL-terminated words occurs in s (ASCII case-insensitive). */
static int
has_word(const char *s, const char *const *words)
{
	if (!s || !*s)
		return 0;
	size_t len = strlen(s);
	for (; *words; words++)
		if (str_icasestr(s, len, *words))
			return 1;
	return 0;
}

/* Class/id words of boilerplate and of content, in the spirit of Readability's lists. */
static const char *const negative_words[] = {
	"-ad-", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media",
	"meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
	"sponsor", "shopping", "tags", "widget", "newsletter", "subscribe", "taboola", "recommend", NULL};
static const char *const positive_words[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post",
	"text", "blog", "story", NULL};
static const char *const unlikely_words[] = {
	"-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus",
	"extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
	"shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
	"pagination", "pager", "popup", "yom-remote", "newsletter", "taboola", "outbrain", NULL};
static const char *const maybe_words[] = {"and", "article", "body", "column", "content", "main", "mathjax",
                                          "shadow", NULL};
static const char *const byline_words[] = {"byline", "author", "dateline", "writtenby", "p-author", "timestamp",
                                           "pubdate", "posted-on", "entry-date", "post-date", "publish", NULL};

/* "hid" as a whole class word (a common abbreviation of hidden). */
static int
has_hid_word(const char *s)
{
	for (const char *p = s; p && (p = strstr(p, "hid")); p += 3)
		if ((p == s || p[-1] == ' ') && (p[3] == '\0' || p[3] == ' '))
			return 1;
	return 0;
}

static int
side_weight(const char *s)
{
	if (!s || !*s)
		return 0;
	int w = 0;
	if (has_word(s, negative_words) || str_icasestr(s, strlen(s), "hidden") || has_hid_word(s))
		w -= 25;
	if (has_word(s, positive_words))
		w += 25;
	return w;
}

int
dom_class_weight(const struct dom_ctx *c, const xmlNode *n)
{
	if (!(c->flags & FLAG_WEIGHT_CLASSES))
		return 0;
	return side_weight(dom_attr(n, "class")) + side_weight(dom_attr(n, "id"));
}

int
dom_is_unlikely(const xmlNode *n)
{
	static const char *const roles[] = {"menu", "menubar", "complementary", "navigation", "alert",
	                                    "alertdialog", "dialog", NULL};
	const char *role = dom_attr(n, "role");
	if (role)
		for (const char *const *r = roles; *r; r++)
			if (str_casecmp(role, *r) == 0)
				return 1;
	const char *cls = dom_attr(n, "class"), *id = dom_attr(n, "id");
	int unlikely = has_word(cls, unlikely_words) || has_word(id, unlikely_words);
	return unlikely && !has_word(cls, maybe_words) && !has_word(id, maybe_words);
}

int
dom_is_byline(const xmlNode *n)
{
	const char *rel = dom_attr(n, "rel"), *prop = dom_attr(n, "itemprop");
	if ((rel && str_casecmp(rel, "author") == 0) || (prop && str_icasestr(prop, strlen(prop), "author")))
		return 1;
	return has_word(dom_attr(n, "class"), byline_words) || has_word(dom_attr(n, "id"), byline_words);
}

/* True when decl (lower case, no spaces) occurs in the inline style, ASCII case-insensitive
 * and with spaces anywhere skipped ("display : none" is still hidden), at any length of
 * style (a long background URL may come first). */
static int
style_declares(const char *style, const char *decl)
{
	for (const char *p = style; *p; p++) {
		const char *s = p, *d = decl;
		for (; *d; s++, d++) {
			while (is_ascii_space(*s))
				s++;
			if (ascii_lower(*s) != *d)
				break;
		}
		if (!*d)
			return 1;
	}
	return 0;
}

int
dom_is_hidden(const xmlNode *n)
{
	if (dom_attr(n, "hidden"))
		return 1;
	const char *aria = dom_attr(n, "aria-hidden");
	if (aria && str_casecmp(aria, "true") == 0) {
		const char *cls = dom_attr(n, "class");
		return !(cls && strstr(cls, "fallback-image"));
	}
	const char *style = dom_attr(n, "style");
	return style && (style_declares(style, "display:none") || style_declares(style, "visibility:hidden"));
}

struct node_info *
dom_info(struct dom_ctx *c, xmlNodePtr n)
{
	if (!n->_private)
		n->_private = arena_alloc(c->a, sizeof(struct node_info));
	return n->_private;
}

void
dom_remove(xmlNodePtr n)
{
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}
