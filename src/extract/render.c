/* render.c: the picked article as plain text and as safe HTML. The HTML is rebuilt from a
 * whitelist, never copied: only structural tags and a few attributes survive, every link
 * and image is resolved against the page URL and kept only when it is http(s) (or mailto
 * for links), so scripts, styles, event handlers and javascript: URLs cannot get through. */
#include <string.h>

#include "extract/passes.h"
#include "feed/url.h"
#include "util/html.h"
#include "util/str.h"

/* ---- plain text ---- */

struct text_state {
	struct buf *out;
	int brk;   /* pending break: 0 none, 1 newline, 2 blank line */
	int space; /* pending space */
	int pre;   /* inside <pre> (depth) */
};

static int
text_break_of(const xmlNode *n)
{
	static const char *const line[] = {"br", "li", "tr", "dt", "dd", NULL};
	if (dom_is_any(n, line))
		return 1;
	return dom_is_block(n) ? 2 : 0;
}

static void
text_put(struct text_state *t, const char *s)
{
	for (const char *p = s; *p; p++) {
		if (!t->pre && is_ascii_space(*p)) {
			t->space = 1;
			continue;
		}
		if (t->out->len > 0) {
			if (t->brk)
				buf_puts(t->out, t->brk == 2 ? "\n\n" : "\n");
			else if (t->space)
				buf_putc(t->out, ' ');
		}
		t->brk = 0;
		t->space = 0;
		buf_putc(t->out, *p);
	}
}

static void
text_set_break(struct text_state *t, int b)
{
	if (b > t->brk)
		t->brk = b;
}

static int
text_enter(xmlNodePtr n, void *ctx)
{
	struct text_state *t = ctx;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			text_put(t, (const char *)n->content);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (dom_is(n, "td") || dom_is(n, "th"))
		t->space = 1;
	text_set_break(t, text_break_of(n));
	if (dom_is(n, "pre"))
		t->pre++;
	return 1;
}

static void
text_leave(xmlNodePtr n, void *ctx)
{
	struct text_state *t = ctx;
	if (n->type != XML_ELEMENT_NODE)
		return;
	if (dom_is(n, "pre") && t->pre > 0)
		t->pre--;
	if (!dom_is(n, "br"))
		text_set_break(t, text_break_of(n));
}

void
render_text(xmlNodePtr *nodes, size_t n, struct buf *out)
{
	struct text_state t = {out, 0, 0, 0};
	for (size_t i = 0; i < n; i++) {
		if (!nodes[i])
			continue;
		text_set_break(&t, 2);
		dom_walk(nodes[i], text_enter, text_leave, &t);
	}
}

/* ---- safe HTML ---- */

/* Tags kept (as themselves or renamed), with the attributes each may keep. */
static const struct {
	const char *tag, *as;
} kept[] = {
	{"p", "p"}, {"h1", "h2"}, {"h2", "h2"}, {"h3", "h3"}, {"h4", "h4"}, {"h5", "h5"}, {"h6", "h6"},
	{"ul", "ul"}, {"ol", "ol"}, {"li", "li"}, {"dl", "dl"}, {"dt", "dt"}, {"dd", "dd"},
	{"blockquote", "blockquote"}, {"pre", "pre"}, {"code", "code"}, {"em", "em"}, {"strong", "strong"},
	{"b", "b"}, {"i", "i"}, {"u", "u"}, {"s", "s"}, {"sub", "sub"}, {"sup", "sup"}, {"br", "br"},
	{"hr", "hr"}, {"a", "a"}, {"img", "img"}, {"figure", "figure"}, {"figcaption", "figcaption"},
	{"table", "table"}, {"thead", "thead"}, {"tbody", "tbody"}, {"tfoot", "tfoot"}, {"tr", "tr"},
	{"th", "th"}, {"td", "td"}, {"caption", "caption"}, {"q", "q"}, {"cite", "cite"}, {"abbr", "abbr"},
	{"del", "del"}, {"ins", "ins"}, {"mark", "mark"}, {"small", "small"}, {"time", "time"},
	{"kbd", "kbd"}, {"samp", "samp"}, {"var", "var"}, {"div", "div"}, {"section", "div"},
	{"article", "div"}, {"main", "div"}, {"header", "div"}, {"center", "div"}, {"address", "p"},
};

/* Elements dropped with everything inside them. */
static const char *const dropped[] = {
	"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
	"button", "select", "textarea", "option", "noscript", "template", "svg", "math", "canvas", "video",
	"audio", "source", "track", "link", "meta", "base", "title", "head", "param", "dialog", NULL};

static const char *
kept_as(const xmlNode *n)
{
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
		if (strcmp((const char *)n->name, kept[i].tag) == 0)
			return kept[i].as;
	return NULL;
}

static int
is_void(const char *tag)
{
	return strcmp(tag, "br") == 0 || strcmp(tag, "hr") == 0 || strcmp(tag, "img") == 0;
}

/* Resolve ref against base into out; returns 1 when the result is a URL we may emit: an
 * http(s) URL (or mailto when allow_mailto), or a relative reference when there is no base.
 * Anything with control characters, or with a scheme we do not allow, is refused. */
static int
safe_url(const char *base, const char *ref, int allow_mailto, struct buf *out)
{
	for (const unsigned char *p = (const unsigned char *)ref; *p; p++)
		if (*p < 0x20 && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return 0;
	struct buf resolved = BUF_INIT;
	url_resolve(base, ref, strlen(ref), &resolved);
	buf_clear(out);
	int is_bad = 0;
	for (const unsigned char *p = (const unsigned char *)buf_str(&resolved); *p && !is_bad; p++) {
		if (*p == ' ')
			buf_puts(out, "%20"); /* as a browser sends it ("My Report.pdf") */
		else if (*p < 0x20 || *p == 0x7F)
			is_bad = 1; /* browsers strip tabs and newlines inside schemes: refuse them all */
		else
			buf_putc(out, (char)*p);
	}
	buf_free(&resolved);
	const char *u = buf_str(out);
	if (is_bad || !*u)
		return 0;
	char scheme[8];
	int sl = url_ref_scheme(u, scheme, sizeof scheme);
	if (sl == 0)
		return 1; /* relative (a ':' before any '/', '?' or '#' would have named a scheme) */
	return sl > 0 && (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
	                  (allow_mailto && strcmp(scheme, "mailto") == 0));
}

static int
is_digits(const char *s)
{
	if (!s || !*s || strlen(s) > 6)
		return 0;
	for (; *s; s++)
		if (!is_ascii_digit(*s))
			return 0;
	return 1;
}

struct html_state {
	struct buf *out;
	const char *base;
	struct buf url;
	int pre;
};

static int
link_ok(struct html_state *h, xmlNodePtr n)
{
	const char *href = dom_attr(n, "href");
	return href && safe_url(h->base, href, 1, &h->url);
}

static void
put_attr(struct buf *out, const char *name, const char *val)
{
	buf_printf(out, " %s=\"", name);
	html_escape_str(out, val);
	buf_putc(out, '"');
}

/* The opening tag of n as "as" with its permitted attributes; returns 0 when the element
 * must not be emitted at all (an image without a safe source) and -1 when only its
 * children should be (a link without a safe target). */
static int
open_tag(struct html_state *h, xmlNodePtr n, const char *as)
{
	struct buf *out = h->out;
	if (strcmp(as, "a") == 0) {
		if (!link_ok(h, n))
			return -1;
		buf_puts(out, "<a");
		put_attr(out, "href", buf_str(&h->url));
		if (dom_attr(n, "title"))
			put_attr(out, "title", dom_attr(n, "title"));
		buf_putc(out, '>');
		return 1;
	}
	if (strcmp(as, "img") == 0) {
		const char *src = dom_attr(n, "src");
		if (!src || !*src || str_istarts(src, "data:"))
			src = dom_attr(n, "data-src");
		if (!src || !safe_url(h->base, src, 0, &h->url))
			return 0;
		buf_puts(out, "<img");
		put_attr(out, "src", buf_str(&h->url));
		static const char *const text_attrs[] = {"alt", "title", NULL};
		for (const char *const *a = text_attrs; *a; a++)
			if (dom_attr(n, *a))
				put_attr(out, *a, dom_attr(n, *a));
		static const char *const num_attrs[] = {"width", "height", NULL};
		for (const char *const *a = num_attrs; *a; a++)
			if (is_digits(dom_attr(n, *a)))
				put_attr(out, *a, dom_attr(n, *a));
		buf_putc(out, '>');
		return 1;
	}
	buf_printf(out, "<%s", as);
	if (strcmp(as, "td") == 0 || strcmp(as, "th") == 0) {
		static const char *const spans[] = {"colspan", "rowspan", NULL};
		for (const char *const *a = spans; *a; a++)
			if (is_digits(dom_attr(n, *a)))
				put_attr(out, *a, dom_attr(n, *a));
	} else if (strcmp(as, "ol") == 0 && is_digits(dom_attr(n, "start"))) {
		put_attr(out, "start", dom_attr(n, "start"));
	} else if (strcmp(as, "time") == 0 && dom_attr(n, "datetime")) {
		put_attr(out, "datetime", dom_attr(n, "datetime"));
	}
	buf_putc(out, '>');
	return 1;
}

static int
html_enter(xmlNodePtr n, void *ctx)
{
	struct html_state *h = ctx;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			html_escape_str(h->out, (const char *)n->content);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE || dom_is_any(n, dropped))
		return 0;
	const char *as = kept_as(n);
	if (!as)
		return 1; /* unknown or presentational (span, font): keep the content only */
	int r = open_tag(h, n, as);
	if (r == 0)
		return 0;
	return r < 0 || !is_void(as);
}

/* Close what html_enter opened: the same decision, made again (it is deterministic). */
static void
html_leave(xmlNodePtr n, void *ctx)
{
	struct html_state *h = ctx;
	if (n->type != XML_ELEMENT_NODE || dom_is_any(n, dropped))
		return;
	const char *as = kept_as(n);
	if (!as || is_void(as) || (strcmp(as, "a") == 0 && !link_ok(h, n)))
		return;
	buf_printf(h->out, "</%s>", as);
}

void
render_html(xmlNodePtr *nodes, size_t n, const char *base_url, struct buf *out)
{
	struct html_state h = {out, base_url, BUF_INIT, 0};
	for (size_t i = 0; i < n; i++)
		if (nodes[i])
			dom_walk(nodes[i], html_enter, html_leave, &h);
	buf_free(&h.url);
}
