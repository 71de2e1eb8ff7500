/* prep.c: ready a parsed page for scoring. What is never content goes (scripts, styles, form
 * controls, hidden elements, comments; boilerplate by class/id when the attempt strips
 * unlikely candidates), <br><br> runs become paragraph breaks, and <div>s that are really
 * paragraphs are marked so the scorer counts them as such. */
#include <string.h>

#include "extract/passes.h"
#include "util/str.h"

/* Elements whose content is never article text. */
static const char *const never_content[] = {
	"script", "style", "noscript", "template", "link", "meta", "iframe", "object", "embed", "svg",
	"canvas", "input", "button", "select", "textarea", "option", "head", "title", "audio", "video",
	"source", "track", "map", "area", "dialog", "frameset", "frame", "applet", "param", NULL};

/* Elements that are phrasing content (may sit inside a paragraph). */
static const char *const phrasing[] = {
	"abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed",
	"i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output",
	"progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup",
	"textarea", "time", "var", "wbr", "u", "s", "strike", "font", "big", "tt", "bdi", "picture", NULL};

/* Descendants that keep a <div> from being a paragraph. */
static const char *const div_blockers[] = {"blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul",
                                           "section", "article", "figure", "h1", "h2", "h3", "h4", "h5",
                                           "h6", "header", "footer", "aside", "nav", "form", NULL};

static int
is_whitespace_text(const xmlNode *n)
{
	if (n->type != XML_TEXT_NODE)
		return 0;
	for (const char *p = (const char *)n->content; p && *p; p++)
		if (!is_ascii_space(*p))
			return 0;
	return 1;
}

/* Phrasing content per HTML: text, phrasing elements, and a/del/ins holding only phrasing. */
static int
is_phrasing(const xmlNode *n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE || n->type == XML_ENTITY_REF_NODE)
		return 1;
	if (n->type != XML_ELEMENT_NODE)
		return 1; /* comments and the like do not break a run */
	if (dom_is_any(n, phrasing))
		return 1;
	static const char *const transparent[] = {"a", "del", "ins", NULL};
	if (!dom_is_any(n, transparent))
		return 0;
	/* bounded look: a link wrapping blocks is rare but not phrasing */
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !dom_is_any(c, phrasing) && !dom_is_any(c, transparent))
			return 0;
	return 1;
}

/* The next sibling that is not whitespace-only text. */
static xmlNodePtr
next_significant(xmlNodePtr n)
{
	for (n = n->next; n && (is_whitespace_text(n) || n->type == XML_COMMENT_NODE); n = n->next)
		;
	return n;
}

/* A <br> followed by more <br>s: drop the followers and start a paragraph with what comes
 * next, up to the next <br><br> or block. Returns the node now in br's place (br is freed
 * when replaced). */
static xmlNodePtr
replace_brs(xmlNodePtr br)
{
	int run = 0;
	for (xmlNodePtr nx = next_significant(br); dom_is(nx, "br"); nx = next_significant(br)) {
		/* remove whitespace between too */
		while (br->next != nx)
			dom_remove(br->next);
		dom_remove(nx);
		run = 1;
	}
	if (!run)
		return br;
	xmlNodePtr p = xmlNewDocNode(br->doc, NULL, BAD_CAST "p", NULL);
	xmlReplaceNode(br, p);
	xmlFreeNode(br);
	while (p->next) {
		xmlNodePtr nx = p->next;
		if (dom_is(nx, "br")) {
			xmlNodePtr after = next_significant(nx);
			if (dom_is(after, "br"))
				break;
		}
		if (!is_phrasing(nx))
			break;
		xmlUnlinkNode(nx);
		xmlAddChild(p, nx);
	}
	/* trailing whitespace and <br>s in the new paragraph mean nothing */
	while (p->last && (is_whitespace_text(p->last) || dom_is(p->last, "br")))
		dom_remove(p->last);
	if (dom_is(p->parent, "p"))
		xmlNodeSetName(p->parent, BAD_CAST "div");
	return p;
}

static int
has_descendant_any(xmlNodePtr n, const char *const *names)
{
	for (xmlNodePtr m = n->children; m; m = dom_next(m, n, 0))
		if (dom_is_any(m, names))
			return 1;
	return 0;
}

/* Wrap each run of phrasing content among div's children that holds text into a <p>, so a
 * <div> mixing paragraphs and loose text has all its text in paragraphs. */
static void
wrap_phrasing(xmlNodePtr div)
{
	xmlNodePtr p = NULL;
	for (xmlNodePtr ch = div->children; ch;) {
		xmlNodePtr next = ch->next;
		if (is_phrasing(ch)) {
			if (!p) {
				if (is_whitespace_text(ch) || dom_is(ch, "br")) {
					ch = next;
					continue;
				}
				p = xmlNewDocNode(div->doc, NULL, BAD_CAST "p", NULL);
				xmlAddPrevSibling(ch, p);
			}
			xmlUnlinkNode(ch);
			xmlAddChild(p, ch);
		} else {
			p = NULL;
		}
		ch = next;
	}
}

/* Empty containers are layout leftovers. */
static int
is_empty_container(xmlNodePtr n)
{
	static const char *const kinds[] = {"div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6", NULL};
	static const char *const media[] = {"img", "picture", "figure", "table", "hr", NULL};
	return dom_is_any(n, kinds) && !dom_has_text(n) && !has_descendant_any(n, media);
}

void
prep_page(struct dom_ctx *c)
{
	xmlNodePtr root = xmlDocGetRootElement(c->doc);
	c->body = NULL;
	if (!root)
		return;
	/* pass 1: drop what is never content, turn <br><br> into paragraph breaks */
	for (xmlNodePtr n = root; n;) {
		xmlNodePtr next;
		if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE || n->type == XML_DTD_NODE ||
		    (n->type == XML_ELEMENT_NODE && n != root &&
		     (dom_is_any(n, never_content) || dom_is_hidden(n)))) {
			next = dom_next(n, root, 1);
			dom_remove(n);
			n = next;
			continue;
		}
		if (dom_is(n, "br"))
			n = replace_brs(n);
		/* a javascript: link is text to a reader, not a link */
		const char *href = dom_is(n, "a") ? dom_attr(n, "href") : NULL;
		if (href && str_istarts(href + strspn(href, " \t\n\r"), "javascript:"))
			xmlNodeSetName(n, BAD_CAST "span");
		if (dom_is(n, "body") && !c->body)
			c->body = n;
		n = dom_next(n, root, 0);
	}
	if (!c->body)
		c->body = root;
	/* pass 2: boilerplate by class/id, empty containers, paragraph-like divs */
	for (xmlNodePtr n = c->body; n;) {
		if (n->type != XML_ELEMENT_NODE || n == c->body) {
			n = dom_next(n, c->body, 0);
			continue;
		}
		static const char *const keep[] = {"body", "a", "article", "main", NULL};
		static const char *const chrome[] = {"nav", "aside", "footer", NULL};
		int drop = 0;
		if (c->flags & FLAG_STRIP_UNLIKELY) {
			if (dom_is_any(n, chrome))
				drop = 1;
			else if (!dom_is_any(n, keep) && dom_is_unlikely(n) && !dom_has_ancestor(n, "table", 0) &&
			         !dom_has_ancestor(n, "code", 0))
				drop = 1;
		}
		if (!drop && is_empty_container(n))
			drop = 1;
		if (drop) {
			xmlNodePtr next = dom_next(n, c->body, 1);
			dom_remove(n);
			n = next;
			continue;
		}
		if (dom_is(n, "div")) {
			if (!has_descendant_any(n, div_blockers))
				dom_info(c, n)->is_para = 1;
			else
				wrap_phrasing(n);
		}
		n = dom_next(n, c->body, 0);
	}
}
