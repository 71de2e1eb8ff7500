/* sanitize.c: the feed HTML sanitiser (sanitize.h). libxml2's HTML parser reads the fragment
 * (recover mode, no network, events through SAX, no tree) and this file decides, event by
 * event, what is written: feedparser's allowlists, its CSS rules and its URI schemes.
 *
 * The lists below are feedparser's (sanitizer.py, urls.py), reproduced as data for
 * compatibility: a feed reader's users expect the same markup to survive. They are wider than
 * src/extract/render.c's, which rebuilds an article for reading (structure only, http(s) links)
 * where this keeps what the publisher wrote unless it is unsafe; the two stay apart on purpose
 * and share the URL rule (url_ref_scheme) and the escaper (html_escape).
 *
 * Sanitising twice must change nothing, so the output must parse back into the same events.
 * Two things could differ on the second reading: the parser closes an open element when some
 * start tags arrive (an <li> ends an open <li>), which it does against the elements it sees,
 * and an element dropped on the first pass is no longer there to stand between them; so
 * before writing a start tag the writer closes what the parser would close on reading it
 * (auto_close). And text outside any element would get an implied <p>: the fragment is read
 * inside a <body> so that it never is outside one. */
#include "feed/sanitize.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

#include "feed/entities.h"
#include "feed/text.h"
#include "feed/url.h"
#include "util/html.h"
#include "util/str.h"
#include "util/utf8.h"

/* ---- feedparser's lists (each sorted by its lower-cased spelling, for bsearch) ---- */

static const char *const html_elements[] = {
	"a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big", "blockquote",
	"br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command",
	"datagrid", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em",
	"event-source", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "header", "hr", "i", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "m",
	"map", "menu", "meter", "multicol", "nav", "nextid", "noscript", "ol", "optgroup", "option", "output",
	"p", "pre", "progress", "q", "s", "samp", "section", "select", "small", "sound", "source", "spacer",
	"span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead",
	"time", "tr", "tt", "u", "ul", "var", "video",
};

static const char *const html_attributes[] = {
	"abbr", "accept", "accept-charset", "accesskey", "action", "align", "alt", "autocomplete",
	"autofocus", "axis", "background", "balance", "bgcolor", "bgproperties", "border", "bordercolor",
	"bordercolordark", "bordercolorlight", "bottompadding", "cellpadding", "cellspacing", "ch",
	"challenge", "char", "charoff", "charset", "checked", "choff", "cite", "class", "clear", "color",
	"cols", "colspan", "compact", "contenteditable", "controls", "coords", "data", "datafld",
	"datapagesize", "datasrc", "datetime", "default", "delay", "dir", "disabled", "draggable", "dynsrc",
	"enctype", "end", "face", "for", "form", "frame", "galleryimg", "gutter", "headers", "height",
	"hidden", "hidefocus", "high", "href", "hreflang", "hspace", "icon", "id", "inputmode", "ismap",
	"keytype", "label", "lang", "leftspacing", "list", "longdesc", "loop", "loopcount", "loopend",
	"loopstart", "low", "lowsrc", "max", "maxlength", "media", "method", "min", "multiple", "name",
	"nohref", "noshade", "nowrap", "open", "optimum", "pattern", "ping", "point-size", "poster", "pqg",
	"preload", "prompt", "radiogroup", "readonly", "rel", "repeat-max", "repeat-min", "replace",
	"required", "rev", "rightspacing", "rows", "rowspan", "rules", "scope", "selected", "shape", "size",
	"span", "src", "start", "step", "style", "summary", "suppress", "tabindex", "target", "template",
	"title", "toppadding", "type", "unselectable", "urn", "usemap", "valign", "value", "variable",
	"volume", "vrml", "vspace", "width", "wrap", "xml:lang",
};

static const char *const css_properties[] = {
	"azimuth", "background-color", "border-bottom-color", "border-collapse", "border-color",
	"border-left-color", "border-right-color", "border-top-color", "clear", "color", "cursor",
	"direction", "display", "elevation", "float", "font", "font-family", "font-size", "font-style",
	"font-variant", "font-weight", "height", "letter-spacing", "line-height", "overflow", "pause",
	"pause-after", "pause-before", "pitch", "pitch-range", "richness", "speak", "speak-header",
	"speak-numeral", "speak-punctuation", "speech-rate", "stress", "text-align", "text-decoration",
	"text-indent", "unicode-bidi", "vertical-align", "voice-family", "volume", "white-space", "width",
};

/* Compared as written (feedparser's test is case-sensitive). */
static const char *const css_keywords[] = {
	"!important", "aqua", "auto", "black", "block", "blue", "bold", "both", "bottom", "brown", "center",
	"collapse", "dashed", "dotted", "fuchsia", "gray", "green", "italic", "left", "lime", "maroon",
	"medium", "navy", "none", "normal", "nowrap", "olive", "pointer", "purple", "red", "right", "silver",
	"solid", "teal", "top", "transparent", "underline", "white", "yellow",
};

static const char *const svg_css_properties[] = {
	"fill", "fill-opacity", "fill-rule", "stroke", "stroke-linecap", "stroke-linejoin", "stroke-opacity",
	"stroke-width",
};

static const char *const mathml_elements[] = {
	"annotation", "annotation-xml", "maction", "maligngroup", "malignmark", "math", "menclose", "merror",
	"mfenced", "mfrac", "mglyph", "mi", "mlabeledtr", "mlongdiv", "mmultiscripts", "mn", "mo", "mover",
	"mpadded", "mphantom", "mprescripts", "mroot", "mrow", "ms", "mscarries", "mscarry", "msgroup",
	"msline", "mspace", "msqrt", "msrow", "mstack", "mstyle", "msub", "msubsup", "msup", "mtable", "mtd",
	"mtext", "mtr", "munder", "munderover", "none", "semantics",
};

static const char *const mathml_attributes[] = {
	"accent", "accentunder", "actiontype", "align", "alignmentscope", "altimg", "altimg-height",
	"altimg-valign", "altimg-width", "alttext", "bevelled", "charalign", "close", "columnalign",
	"columnlines", "columnspacing", "columnspan", "columnwidth", "crossout", "decimalpoint", "denomalign",
	"depth", "dir", "display", "displaystyle", "edge", "encoding", "equalcolumns", "equalrows", "fence",
	"fontstyle", "fontweight", "form", "frame", "framespacing", "groupalign", "height", "href", "id",
	"indentalign", "indentalignfirst", "indentalignlast", "indentshift", "indentshiftfirst",
	"indentshiftlast", "indenttarget", "infixlinebreakstyle", "largeop", "length", "linebreak",
	"linebreakmultchar", "linebreakstyle", "lineleading", "linethickness", "location", "longdivstyle",
	"lquote", "lspace", "mathbackground", "mathcolor", "mathsize", "mathvariant", "maxsize",
	"minlabelspacing", "minsize", "movablelimits", "notation", "numalign", "open", "other", "overflow",
	"position", "rowalign", "rowlines", "rowspacing", "rowspan", "rquote", "rspace", "scriptlevel",
	"scriptminsize", "scriptsizemultiplier", "selection", "separator", "separators", "shift", "side",
	"src", "stackalign", "stretchy", "subscriptshift", "superscriptshift", "symmetric", "voffset",
	"width", "xlink:href", "xlink:show", "xlink:type", "xmlns", "xmlns:xlink",
};

/* SVG's names keep their camel case: the HTML parser lower-cases them and they are written back
 * as spelled here. */
static const char *const svg_elements[] = {
	"a", "animate", "animateColor", "animateMotion", "animateTransform", "circle", "defs", "desc",
	"ellipse", "font-face", "font-face-name", "font-face-src", "foreignObject", "g", "glyph", "hkern",
	"line", "linearGradient", "marker", "metadata", "missing-glyph", "mpath", "path", "polygon",
	"polyline", "radialGradient", "rect", "set", "stop", "svg", "switch", "text", "title", "tspan", "use",
};

static const char *const svg_attributes[] = {
	"accent-height", "accumulate", "additive", "alphabetic", "arabic-form", "ascent", "attributeName",
	"attributeType", "baseProfile", "bbox", "begin", "by", "calcMode", "cap-height", "class", "color",
	"color-rendering", "content", "cx", "cy", "d", "descent", "display", "dur", "dx", "dy", "end", "fill",
	"fill-opacity", "fill-rule", "font-family", "font-size", "font-stretch", "font-style", "font-variant",
	"font-weight", "from", "fx", "fy", "g1", "g2", "glyph-name", "gradientUnits", "hanging", "height",
	"horiz-adv-x", "horiz-origin-x", "id", "ideographic", "k", "keyPoints", "keySplines", "keyTimes",
	"lang", "marker-end", "marker-mid", "marker-start", "markerHeight", "markerUnits", "markerWidth",
	"mathematical", "max", "min", "name", "offset", "opacity", "orient", "origin", "overline-position",
	"overline-thickness", "panose-1", "path", "pathLength", "points", "preserveAspectRatio", "r", "refX",
	"refY", "repeatCount", "repeatDur", "requiredExtensions", "requiredFeatures", "restart", "rotate",
	"rx", "ry", "slope", "stemh", "stemv", "stop-color", "stop-opacity", "strikethrough-position",
	"strikethrough-thickness", "stroke", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap",
	"stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width", "systemLanguage", "target",
	"text-anchor", "to", "transform", "type", "u1", "u2", "underline-position", "underline-thickness",
	"unicode", "unicode-range", "units-per-em", "values", "version", "viewBox", "visibility", "width",
	"widths", "x", "x-height", "x1", "x2", "xlink:actuate", "xlink:arcrole", "xlink:href", "xlink:role",
	"xlink:show", "xlink:title", "xlink:type", "xml:base", "xml:lang", "xml:space", "xmlns",
	"xmlns:xlink", "y", "y1", "y2", "zoomAndPan",
};

static const char *const uri_schemes[] = {
	"aim", "callto", "cvs", "facetime", "feed", "file", "ftp", "git", "gopher", "gtalk", "h323", "hdl",
	"http", "https", "imap", "irc", "irc6", "ircs", "itms", "magnet", "mailto", "mms", "msnim", "news",
	"nntp", "prospero", "rsync", "rtsp", "rtspu", "sftp", "shttp", "sip", "sips", "skype", "smb", "snews",
	"ssh", "svn", "svn+ssh", "telnet", "wais", "ymsg",
};

/* ---- brief's own lists ---- */

/* Dropped with everything inside them (feedparser's three: their content is code, not text). */
static const char *const dropped_elements[] = {"applet", "script", "style"};

/* Attributes holding a URL (a space-separated list of them for ping): kept only with an
 * acceptable scheme. Sorted, for bsearch. */
static const char *const url_attributes[] = {
	"action", "background", "cite", "data", "datasrc", "dynsrc", "href", "icon", "longdesc", "lowsrc",
	"ping", "poster", "src", "usemap", "xlink:href",
};

/* SVG animations: one that animates a link (attributeName="href") could set javascript: as
 * its value, which no URL check sees, so such an animation loses its attributeName and the
 * values it would set (animation_values); so does one that names no attribute (its values
 * are no use). The values any other animation sets pass the URL check item by item too (a
 * number or a colour is a relative reference to it), so that an attribute name the parser
 * read askew ("href" and garbage) cannot carry a javascript: value through. */
static const char *const svg_animations[] = {
	"animate", "animateColor", "animateMotion", "animateTransform", "set",
};
static const char *const animation_values[] = {"attributeName", "by", "from", "to", "values"};

/* Start tags that end an open element of the same name in libxml2 2.9's HTML parser (its
 * htmlStartClose table; htmlAutoCloseTag, which auto_close asks for the rest, answers 0 for
 * equal names). */
static const char *const self_closing[] = {
	"a", "col", "colgroup", "form", "li", "option", "p", "tbody", "td", "th", "tr",
};

#define SVG_NS "http://www.w3.org/2000/svg"
#define MATHML_NS "http://www.w3.org/1998/Math/MathML"
#define XLINK_NS "http://www.w3.org/1999/xlink"
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Byte order of the lower-cased strings (the order the lists are sorted in). */
static int
cmp_lower(const void *key, const void *entry)
{
	const unsigned char *a = key, *b = *(const unsigned char *const *)entry;
	for (;; a++, b++) {
		int d = ascii_lower(*a) - ascii_lower(*b);
		if (d || !*a)
			return d;
	}
}

/* The entry of list (n names, sorted as cmp_lower sorts) equal to name ignoring ASCII case, or
 * NULL. */
static const char *
lookup(const char *const *list, size_t n, const char *name)
{
	const char *const *hit = bsearch(name, list, n, sizeof *list, cmp_lower);
	return hit ? *hit : NULL;
}

#define LOOKUP(list, name) lookup(list, COUNT(list), name)

int
sanitize_is_html_element(const char *name, size_t len)
{
	char key[32];
	if (len == 0 || len >= sizeof key)
		return 0;
	memcpy(key, name, len);
	key[len] = '\0';
	return LOOKUP(html_elements, key) != NULL;
}

/* True when name is one of the n names of an unsorted short list (exact match). */
static int
is_one_of(const char *const *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return 1;
	return 0;
}

#define IS_ONE_OF(list, name) is_one_of(list, COUNT(list), name)

/* ---- URLs and CSS ---- */

/* True when the link reference v may be written: relative, or with an acceptable scheme. */
static int
url_ok(const char *v)
{
	char scheme[16];
	int n = url_ref_scheme(v, scheme, sizeof scheme);
	return n == 0 || (n > 0 && LOOKUP(uri_schemes, scheme));
}

/* url_ok for each item of the list v, items separated by any of seps (ping's URLs by spaces,
 * an SVG animation's values by semicolons). */
static int
url_list_ok(const char *v, const char *seps)
{
	struct buf one = BUF_INIT;
	int ok = 1;
	while (ok && *v) {
		size_t sp = strspn(v, seps);
		v += sp;
		size_t n = strcspn(v, seps);
		if (n) {
			buf_clear(&one);
			buf_append(&one, v, n);
			ok = url_ok(buf_str(&one));
		}
		v += n;
	}
	buf_free(&one);
	return ok;
}

/* Python's \s, in ASCII (feedparser's regular expressions). */
static int
is_css_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Python's \w, in ASCII; inside quoted strings non-ASCII letters count too (a CJK font name),
 * see style_gauntlet. */
static int
is_word(int c)
{
	return is_ascii_alnum(c) || c == '_';
}

/* Append style with every url(...) replaced by a space (feedparser's first step, the pattern
 * url\s*\(\s*[^\s)]+?\s*\)\s*). */
static void
style_drop_urls(const char *s, struct buf *out)
{
	while (*s) {
		if (strncmp(s, "url", 3) == 0) {
			const char *p = s + 3;
			while (is_css_space(*p))
				p++;
			if (*p == '(') {
				p++;
				while (is_css_space(*p))
					p++;
				const char *arg = p;
				while (*p && !is_css_space(*p) && *p != ')')
					p++;
				int has_arg = p > arg;
				while (is_css_space(*p))
					p++;
				if (has_arg && *p == ')') {
					p++;
					while (is_css_space(*p))
						p++;
					buf_putc(out, ' ');
					s = p;
					continue;
				}
			}
		}
		buf_putc(out, *s++);
	}
}

/* feedparser's gauntlet: style must be made only of the characters [:,;#%.\sa-zA-Z0-9!], word
 * characters joined by a hyphen (\w-\w), quoted runs of word characters and spaces, and
 * parenthesised runs of digits, commas and spaces: no backslash escapes, no "(" after a
 * function name (expression(), url() left over), no "/" or "*" (comments). Each alternative
 * ends at a fixed place, so which prefixes can be read is worked out left to right. */
static int
style_gauntlet(const char *s, size_t len)
{
	unsigned char *ok = calloc(len + 1, 1);
	if (!ok)
		abort();
	ok[0] = 1;
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len; i++) {
		if (!ok[i])
			continue;
		int c = u[i];
		if (is_ascii_alnum(c) || is_css_space(c) || strchr(":,;#%.!", c))
			ok[i + 1] = 1;
		if (i + 2 < len && is_word(c) && u[i + 1] == '-' && is_word(u[i + 2]))
			ok[i + 3] = 1;
		if (c == '\'' || c == '"') {
			size_t j = i + 1;
			while (j < len && (is_word(u[j]) || is_css_space(u[j]) || u[j] >= 0x80))
				j++;
			if (j > i + 1 && j < len && u[j] == c)
				ok[j + 1] = 1;
		}
		if (c == '(') {
			size_t j = i + 1;
			while (j < len && (is_ascii_digit(u[j]) || u[j] == ',' || is_css_space(u[j])))
				j++;
			if (j > i + 1 && j < len && u[j] == ')')
				ok[j + 1] = 1;
		}
	}
	int r = ok[len];
	free(ok);
	return r;
}

/* One declaration "name: value" of a style (feedparser's \s*([-\w]+)\s*:\s*([^:;]*);?) read
 * from *sp; returns 0 at the end, -1 when what follows is not a declaration. */
static int
style_next(const char **sp, const char **name, size_t *name_len, const char **value, size_t *value_len)
{
	const char *s = *sp;
	while (is_css_space(*s))
		s++;
	if (!*s)
		return 0;
	*name = s;
	while (is_word(*s) || *s == '-')
		s++;
	*name_len = (size_t)(s - *name);
	while (is_css_space(*s))
		s++;
	if (*name_len == 0 || *s != ':')
		return -1;
	s++;
	while (is_css_space(*s))
		s++;
	*value = s;
	s += strcspn(s, ":;");
	*value_len = (size_t)(s - *value);
	if (*s == ';')
		s++;
	*sp = s;
	return 1;
}

/* True when the keyword k matches feedparser's valid_css_values: a lower-case hex colour, an
 * rgb(...) colour, or a size of at most two digits on each side of an optional point with an
 * optional unit. */
static int
css_value_ok(const char *k, size_t n)
{
	if (n > 1 && k[0] == '#') {
		for (size_t i = 1; i < n; i++)
			if (!is_ascii_digit(k[i]) && !(k[i] >= 'a' && k[i] <= 'f'))
				return 0;
		return 1;
	}
	size_t i = 0;
	if (n >= 4 && strncmp(k, "rgb(", 4) == 0) {
		/* rgb\(\d+%?,\d*%?,?\d*%?\)? */
		i = 4;
		size_t d = i;
		while (i < n && is_ascii_digit(k[i]))
			i++;
		if (i == d)
			return 0;
		i += i < n && k[i] == '%';
		if (i >= n || k[i] != ',')
			return 0;
		i++;
		while (i < n && is_ascii_digit(k[i]))
			i++;
		i += i < n && k[i] == '%';
		i += i < n && k[i] == ',';
		while (i < n && is_ascii_digit(k[i]))
			i++;
		i += i < n && k[i] == '%';
		i += i < n && k[i] == ')';
		return i == n;
	}
	/* \d{0,2}\.?\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\))? */
	for (int d = 0; d < 2 && i < n && is_ascii_digit(k[i]); d++)
		i++;
	i += i < n && k[i] == '.';
	for (int d = 0; d < 2 && i < n && is_ascii_digit(k[i]); d++)
		i++;
	if (i == n)
		return 1;
	static const char *const units[] = {"cm", "em", "ex", "in", "mm", "pc", "pt", "px", "%", ",", ")"};
	for (size_t u = 0; u < COUNT(units); u++)
		if (strlen(units[u]) == n - i && memcmp(k + i, units[u], n - i) == 0)
			return 1;
	return 0;
}

/* True when every space-separated keyword of value is a CSS keyword feedparser knows or a
 * colour or size (its rule for background-*, border-*, margin-* and padding-*). */
static int
css_keywords_ok(const char *v, size_t len)
{
	char word[64];
	size_t i = 0;
	while (i < len) {
		while (i < len && is_css_space(v[i]))
			i++;
		size_t start = i;
		while (i < len && !is_css_space(v[i]))
			i++;
		size_t n = i - start;
		if (!n)
			continue;
		if (n < sizeof word) {
			memcpy(word, v + start, n);
			word[n] = '\0';
			const char *kw = LOOKUP(css_keywords, word);
			if (kw && strcmp(kw, word) == 0)
				continue;
		}
		if (!css_value_ok(v + start, n))
			return 0;
	}
	return 1;
}

/* The CSS property name[0..n) lower-cased into out (size bytes); 0 when it does not fit. */
static int
css_name(const char *name, size_t n, char *out, size_t size)
{
	if (n >= size)
		return 0;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)ascii_lower(name[i]);
	out[n] = '\0';
	return 1;
}

/* Append to out the declarations of style feedparser keeps ("name: value;" joined by spaces),
 * in_svg adding SVG's paint properties; appends nothing when the style fails its checks. */
static void
sanitize_style(const char *style, int in_svg, struct buf *out)
{
	struct buf s = BUF_INIT;
	style_drop_urls(style, &s);
	const char *p = buf_str(&s);
	const char *name, *value;
	size_t name_len, value_len;
	int rc;
	if (!style_gauntlet(p, s.len))
		goto done;
	while ((rc = style_next(&p, &name, &name_len, &value, &value_len)) > 0)
		;
	if (rc < 0)
		goto done;
	p = buf_str(&s);
	size_t start = out->len;
	while (style_next(&p, &name, &name_len, &value, &value_len) > 0) {
		char prop[64];
		if (!value_len || !css_name(name, name_len, prop, sizeof prop))
			continue;
		char *dash = strchr(prop, '-');
		if (dash)
			*dash = '\0';
		int family = strcmp(prop, "background") == 0 || strcmp(prop, "border") == 0 ||
		             strcmp(prop, "margin") == 0 || strcmp(prop, "padding") == 0;
		if (dash)
			*dash = '-';
		if (LOOKUP(css_properties, prop) || (family && css_keywords_ok(value, value_len)) ||
		    (in_svg && LOOKUP(svg_css_properties, prop))) {
			if (out->len > start)
				buf_putc(out, ' ');
			buf_append(out, name, name_len);
			buf_puts(out, ": ");
			buf_append(out, value, value_len);
			buf_putc(out, ';');
		}
	}
done:
	buf_free(&s);
}

/* ---- the writer, driven by the parser's events ---- */

enum frame_kind {
	F_SKIP,   /* inside a dropped element: nothing written */
	F_DROP,   /* a dropped element (script, style, applet) */
	F_UNWRAP, /* not written, its content is */
	F_VOID,   /* written as "<x ... />" */
	F_OPEN,   /* written; its end tag is due */
};

/* One element the parser has open. */
struct frame {
	const char *name;    /* as the parser names it (lower case, in its dictionary) */
	const char *written; /* as written (SVG's camel case), for F_OPEN */
	unsigned char kind;
	unsigned char closed; /* F_OPEN whose end tag auto_close already wrote */
};

/* The state of one sanitize_html call, the SAX handlers' context. */
struct writer {
	struct buf *out;
	htmlParserCtxtPtr ctxt;
	struct frame *frames; /* the parser's open elements */
	size_t depth, cap;
	size_t open[SANITIZE_MAX_DEPTH + 1]; /* frames written and not yet closed, outermost first */
	size_t open_n;
	int dropping;  /* open dropped elements */
	int svg, math; /* open <svg> and <math> elements written */
	int too_deep;
	struct buf value; /* scratch: one attribute's value */
};

/* Write the end tag of the innermost open written element. */
static void
close_innermost(struct writer *w)
{
	struct frame *f = &w->frames[w->open[--w->open_n]];
	buf_printf(w->out, "</%s>", f->written);
	f->closed = 1;
	if (strcmp(f->written, "svg") == 0)
		w->svg--;
	else if (strcmp(f->written, "math") == 0)
		w->math--;
}

/* True when libxml2's HTML parser, reading a start tag named newname, ends an open element
 * named oldname (both lower case). */
static int
closes(const char *newname, const char *oldname)
{
	if (strcmp(newname, oldname) == 0)
		return IS_ONE_OF(self_closing, newname);
	xmlNode probe;
	memset(&probe, 0, sizeof probe);
	probe.type = XML_ELEMENT_NODE;
	probe.name = (const xmlChar *)newname;
	return htmlAutoCloseTag(NULL, (const xmlChar *)oldname, &probe);
}

/* Close the written elements the parser would close on reading a start tag named name. */
static void
auto_close(struct writer *w, const char *name)
{
	while (w->open_n > 0 && closes(name, w->frames[w->open[w->open_n - 1]].name))
		close_innermost(w);
}

/* The value of attribute name in atts, or NULL. */
static const char *
attr_of(const xmlChar **atts, const char *name)
{
	for (size_t i = 0; atts && atts[i]; i += 2)
		if (strcmp((const char *)atts[i], name) == 0)
			return atts[i + 1] ? (const char *)atts[i + 1] : "";
	return NULL;
}

enum vocab { V_HTML, V_SVG, V_MATH };

/* How the element named name is written: its spelling and vocabulary, or NULL when it is not
 * (feedparser's order: MathML inside <math>, SVG inside <svg>, HTML, then an <svg> or <math>
 * root, which must not name another namespace). */
static const char *
element_as(const struct writer *w, const char *name, const xmlChar **atts, enum vocab *v)
{
	const char *e;
	if (w->math && (e = LOOKUP(mathml_elements, name))) {
		*v = V_MATH;
		return e;
	}
	if (w->svg && (e = LOOKUP(svg_elements, name))) {
		*v = V_SVG;
		return e;
	}
	if ((e = LOOKUP(html_elements, name)) && strcmp(e, name) == 0) {
		*v = V_HTML;
		return e;
	}
	const char *ns = attr_of(atts, "xmlns");
	if (strcmp(name, "svg") == 0 && (!ns || strcmp(ns, SVG_NS) == 0)) {
		*v = V_SVG;
		return "svg";
	}
	if (strcmp(name, "math") == 0 && (!ns || strcmp(ns, MATHML_NS) == 0)) {
		*v = V_MATH;
		return "math";
	}
	return NULL;
}

/* Append s[0..len) escaped (html_escape), with the C1 controls U+0080-U+009F first read as
 * windows-1252 (U+0092 as U+2019), as a browser reads "&#146;": the parser has already decoded
 * such references, and the escaper would otherwise drop what they meant. */
static void
put_text(struct buf *out, const char *s, size_t len)
{
	struct buf mapped = BUF_INIT;
	size_t copied = 0;
	for (size_t i = 0; i + 1 < len; i++) {
		unsigned char next = (unsigned char)s[i + 1];
		uint32_t cp;
		if ((unsigned char)s[i] != 0xC2 || next < 0x80 || next > 0x9F || !(cp = entity_cp1252(next)))
			continue;
		buf_append(&mapped, s + copied, i - copied);
		utf8_put(&mapped, cp);
		copied = i + 2;
		i++;
	}
	if (copied) {
		buf_append(&mapped, s + copied, len - copied);
		s = mapped.data;
		len = mapped.len;
	}
	html_escape(out, s, len);
	buf_free(&mapped);
}

/* Write ` name="value"` with the value escaped. */
static void
put_attr(struct buf *out, const char *name, const char *value)
{
	buf_printf(out, " %s=\"", name);
	put_text(out, value, strlen(value));
	buf_putc(out, '"');
}

/* Write the attributes feedparser keeps of element `as` (vocabulary v) from atts. */
static void
put_attrs(struct writer *w, const char *as, enum vocab v, const xmlChar **atts)
{
	const char *ns = v == V_SVG ? SVG_NS : v == V_MATH ? MATHML_NS : NULL;
	int has_xmlns = 0, has_xlink = 0, has_xlink_ns = 0;
	int animation = v == V_SVG && IS_ONE_OF(svg_animations, as), animates_link = 0;
	if (animation) {
		/* The name as it will be written and read back: the escaper drops controls
		 * (html_is_dropped), so "href\x0e" is written "href", and the ends are trimmed after
		 * that ("href \x0e" reads back as "href"). Judged on the raw value, such a name kept
		 * its attribute in one pass and lost it in the next (found by fuzz_sanitize). */
		const char *target = attr_of(atts, "attributename");
		buf_clear(&w->value);
		if (target)
			html_escape(&w->value, target, strlen(target));
		const char *t = buf_str(&w->value);
		size_t n = w->value.len;
		str_trim(&t, &n);
		animates_link = n < 4 || str_ncasecmp(t + n - 4, "href", 4) == 0;
	}
	for (size_t i = 0; atts && atts[i]; i += 2) {
		const char *key = (const char *)atts[i];
		const char *val = atts[i + 1] ? (const char *)atts[i + 1] : "";
		const char *name = v == V_HTML  ? LOOKUP(html_attributes, key)
		                   : v == V_SVG ? LOOKUP(svg_attributes, key)
		                                : LOOKUP(mathml_attributes, key);
		if (!name || (v == V_HTML && strcmp(name, key) != 0))
			continue;
		if (strcmp(name, "style") == 0) {
			buf_clear(&w->value);
			sanitize_style(val, w->svg > 0, &w->value);
			if (w->value.len)
				put_attr(w->out, name, buf_str(&w->value));
			continue;
		}
		int sets_value = animation && IS_ONE_OF(animation_values, name);
		if (sets_value && animates_link)
			continue;
		if (strcmp(name, "xmlns") == 0) {
			has_xmlns = 1;
			val = ns;
		} else if (strcmp(name, "xmlns:xlink") == 0) {
			has_xlink_ns = 1;
			val = XLINK_NS;
		} else if (LOOKUP(url_attributes, name) &&
		           !(strcmp(name, "ping") == 0 ? url_list_ok(val, " \t\n\r\f") : url_ok(val))) {
			val = "";
		} else if (sets_value && strcmp(name, "attributeName") != 0 && !url_list_ok(val, ";")) {
			val = "";
		}
		if (strncmp(name, "xlink:", 6) == 0)
			has_xlink = 1;
		put_attr(w->out, name, val);
	}
	if ((strcmp(as, "svg") == 0 || strcmp(as, "math") == 0) && !has_xmlns)
		put_attr(w->out, "xmlns", ns);
	if (has_xlink && !has_xlink_ns)
		put_attr(w->out, "xmlns:xlink", XLINK_NS);
}

/* SAX start tag: record the element and write it (closing first what the parser would close
 * on reading it back), or unwrap or drop it; past SANITIZE_MAX_DEPTH, stop the parser. */
static void
on_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	struct writer *w = ctx;
	const char *name = (const char *)xname;
	if (w->depth >= SANITIZE_MAX_DEPTH) {
		w->too_deep = 1;
		xmlStopParser(w->ctxt);
		return;
	}
	if (w->depth == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 16;
		w->frames = realloc(w->frames, w->cap * sizeof *w->frames);
		if (!w->frames)
			abort();
	}
	struct frame *f = &w->frames[w->depth++];
	*f = (struct frame){name, NULL, F_UNWRAP, 0};
	if (w->dropping) {
		f->kind = F_SKIP;
		return;
	}
	if (IS_ONE_OF(dropped_elements, name)) {
		f->kind = F_DROP;
		w->dropping++;
		return;
	}
	enum vocab v;
	const char *as = element_as(w, name, atts, &v);
	if (!as)
		return;
	auto_close(w, name);
	buf_printf(w->out, "<%s", as);
	put_attrs(w, as, v, atts);
	const htmlElemDesc *desc = htmlTagLookup(xname);
	if (desc && desc->empty) {
		buf_puts(w->out, " />");
		f->kind = F_VOID;
		return;
	}
	buf_putc(w->out, '>');
	f->kind = F_OPEN;
	f->written = as;
	w->open[w->open_n++] = w->depth - 1;
	if (strcmp(as, "svg") == 0)
		w->svg++;
	else if (strcmp(as, "math") == 0)
		w->math++;
}

/* SAX end tag (also the ends the parser implies): write the end tag of what on_start wrote and
 * did not close already. */
static void
on_end(void *ctx, const xmlChar *name)
{
	(void)name;
	struct writer *w = ctx;
	if (w->depth == 0)
		return;
	struct frame *f = &w->frames[--w->depth];
	if (f->kind == F_DROP)
		w->dropping--;
	else if (f->kind == F_OPEN && !f->closed)
		close_innermost(w); /* it is the innermost: whatever opened after it has ended */
}

/* SAX text, whitespace and script/style content: written escaped unless inside a dropped
 * element. */
static void
on_text(void *ctx, const xmlChar *ch, int len)
{
	struct writer *w = ctx;
	if (!w->dropping && len > 0)
		put_text(w->out, (const char *)ch, (size_t)len);
}

/* True when some start tag in html[0..len) has more than SANITIZE_MAX_ATTRS attributes,
 * counted as libxml2's HTML parser reads a tag ('<' and a name start it; an attribute value
 * after '=' may be quoted and then hold '>'). It may count too many (a tag inside a comment
 * or script counts), never too few. */
static int
too_many_attrs(const char *html, size_t len)
{
	const char *p = html, *end = html + len;
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		p++;
		if (p >= end || !(is_ascii_alpha(*p) || *p == '_' || *p == ':' || *p == '.'))
			continue;
		while (p < end && !is_ascii_space(*p) && *p != '>')
			p++; /* the tag's name */
		size_t count = 0;
		for (;;) {
			while (p < end && is_ascii_space(*p))
				p++;
			if (p >= end || *p == '>')
				break;
			if (*p == '=') {
				p++;
				while (p < end && is_ascii_space(*p))
					p++;
				if (p < end && (*p == '"' || *p == '\'')) {
					const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
					p = q ? q + 1 : end;
					continue;
				}
			} else if (++count > SANITIZE_MAX_ATTRS) {
				return 1;
			}
			while (p < end && !is_ascii_space(*p) && *p != '>' && *p != '=')
				p++;
		}
	}
	return 0;
}

/* The fallback for hostile markup: the fragment's plain text, escaped. */
static void
put_plain(const char *html, size_t len, struct buf *out)
{
	struct buf text = BUF_INIT;
	text_from_html(html, len, 0, &text);
	html_escape(out, text.data ? text.data : "", text.len);
	buf_free(&text);
}

/* Remove the ASCII whitespace at both ends of out[start..]. */
static void
trim_from(struct buf *out, size_t start)
{
	while (out->len > start && is_ascii_space(out->data[out->len - 1]))
		out->len--;
	size_t lead = start;
	while (lead < out->len && is_ascii_space(out->data[lead]))
		lead++;
	if (lead > start) {
		memmove(out->data + start, out->data + lead, out->len - lead);
		out->len -= lead - start;
	}
	if (out->data)
		out->data[out->len] = '\0';
}

void
sanitize_html(const char *html, size_t len, struct buf *out)
{
	size_t start = out->len;
	struct buf src = BUF_INIT;
	/* read inside a <body>: text is never outside an element, so none gets an implied <p> */
	buf_puts(&src, "<body>");
	if (utf8_valid(html, len))
		buf_append(&src, html, len);
	else
		utf8_sanitize(&src, html, len);
	if (too_many_attrs(src.data, src.len)) {
		put_plain(src.data + 6, src.len - 6, out);
		goto done;
	}
	htmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	sax.ignorableWhitespace = on_text;
	sax.cdataBlock = on_text; /* script and style content: dropped with them */
	/* comments, processing instructions and doctypes have no handler: they are dropped (a
	 * comment is no content, and "--!>" ends one for a browser but not for libxml2) */
	struct writer w = {.out = out};
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (!ctxt)
		abort();
	memcpy(ctxt->sax, &sax, sizeof sax);
	ctxt->userData = &w;
	w.ctxt = ctxt;
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	           HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD | HTML_PARSE_NOIMPLIED;
	htmlDocPtr doc = htmlCtxtReadMemory(ctxt, src.data, (int)src.len, NULL, "UTF-8", opts);
	if (doc)
		xmlFreeDoc(doc);
	htmlFreeParserCtxt(ctxt);
	if (w.too_deep) {
		out->len = start;
		put_plain(src.data + 6, src.len - 6, out);
	} else {
		while (w.open_n > 0)
			close_innermost(&w);
	}
	free(w.frames);
	buf_free(&w.value);
done:
	trim_from(out, start);
	buf_free(&src);
}
