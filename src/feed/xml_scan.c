/* xml_scan.c: the XML feed parser's fast path: a tokenizer for the documents
 * real feeds mostly are (well-formed UTF-8, namespaces, CDATA, comments, a
 * DOCTYPE without internal subset), delivering the same events as libxml2's
 * reader in xml_reader.c. It reads each byte once, copies text only when a
 * reference or a CR must be decoded, and gives up (-1) at the first thing that
 * is not plainly well-formed so that libxml2 decides, reports and recovers. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "feed/entities.h"
#include "feed/xml_internal.h"
#include "util/str.h"
#include "util/utf8.h"

#define SCAN_MAX_NS 64
#define SCAN_MAX_ATTRS 64
#define SCAN_MAX_MEMO 16
/* libxml2's limits without XML_PARSE_HUGE: beyond them it reports an error. */
#define SCAN_MAX_TEXT 10000000
#define SCAN_MAX_NAME 50000
#define SCAN_MAX_DEPTH 255

/* Byte classes: which bytes need a closer look in text, attribute values, CDATA. */
enum { C_TEXT = 1, C_ATTR = 2, C_CDATA = 4 };

static unsigned char byte_class[256];

/* Fill byte_class; once per process (pthread_once: the fetcher parses on a second thread). */
static void
init_classes_once(void)
{
	for (int c = 0; c < 0x20; c++)
		if (c != '\t' && c != '\n')
			byte_class[c] = C_TEXT | C_ATTR | C_CDATA; /* controls are errors */
	/* CR is normalized in text and attributes; in CDATA libxml2 2.9 keeps it, and
	 * so do we, so that both tokenizers give the same text */
	byte_class['\r'] = C_TEXT | C_ATTR;
	byte_class['\t'] = byte_class['\n'] = C_ATTR;
	byte_class['<'] = C_ATTR;
	byte_class[']'] = C_TEXT;
	byte_class[0xEF] = C_TEXT | C_ATTR | C_CDATA; /* U+FFFE, U+FFFF are not XML characters */
	byte_class['&'] = C_TEXT | C_ATTR;
}

static void
init_classes(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, init_classes_once);
}

void
xml_scan_init(void)
{
	init_classes();
}

struct ns_decl {
	const char *prefix; /* into the document; NULL for the default namespace */
	size_t prefix_len;
	size_t uri_off;     /* into scan.ns_text; an empty URI undeclares the default */
	int depth;
	int nsg;            /* xml_ns_group() of its elements, once known; else -1 */
};

struct ns_memo {
	char uri[120];
	size_t uri_len;
	int has_prefix;
	int nsg;
};

struct open_elem {
	const char *qname;
	size_t qname_len;
	int uri_ns; /* index into ns[], or -1 (none), -2 (the xml namespace) */
};

struct raw_attr {
	const char *qname;
	size_t qname_len;
	size_t value_off; /* into scan.names */
	int is_ns;
};

struct scan {
	struct xml_parser *p;
	const char *begin, *end; /* the document */
	struct buf names; /* one element's NUL-terminated names and decoded values */
	struct buf text;  /* decoded text */
	struct buf ns_text;
	struct ns_decl ns[SCAN_MAX_NS];
	int ns_count;
	struct open_elem open[SCAN_MAX_DEPTH + 1];
	int depth;
	struct raw_attr raw[SCAN_MAX_ATTRS];
	struct xml_ev_attr attrs[SCAN_MAX_ATTRS];
	struct ns_memo memo[SCAN_MAX_MEMO];
	int memo_count;
};

static int
is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static int
is_name_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}

static int
is_name_char(unsigned char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* A QName at s: its length, 0 when it is not one (no name, a misplaced or second colon). */
static size_t
qname_len(const char *s, const char *end)
{
	const char *q = s;
	if (q >= end || !is_name_start((unsigned char)*q) || *q == ':')
		return 0;
	int colons = 0;
	while (q < end && is_name_char((unsigned char)*q)) {
		if (*q == ':' && (++colons > 1 || q + 1 >= end || !is_name_start((unsigned char)q[1])))
			return 0;
		q++;
	}
	size_t n = (size_t)(q - s);
	return n > SCAN_MAX_NAME ? 0 : n;
}

static int
is_xml_char(uint32_t cp)
{
	return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
	       (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* The reference at s[0] == '&': append what it stands for to b (NULL: only check
 * it, the text is not kept) and return the bytes consumed; -1 when libxml2 must
 * judge it. Repairs as xml_prepass_run. */
static long
decode_ref(struct scan *sc, const char *s, const char *end, struct buf *b)
{
	const char *q = s + 1;
	/* escaped markup ("&lt;p&gt;") is most of the references in a feed */
	if (end - s >= 4 && s[2] == 't' && s[3] == ';' && (s[1] == 'l' || s[1] == 'g')) {
		if (b)
			buf_putc(b, s[1] == 'l' ? '<' : '>');
		return 4;
	}
	if (q < end && *q == '#') {
		const char *r = q + 1;
		int is_hex = r < end && (*r == 'x' || *r == 'X');
		r += is_hex;
		const char *digits = r;
		uint32_t cp = 0;
		while (r < end && (is_hex ? is_ascii_xdigit(*r) : is_ascii_digit(*r))) {
			int d = is_ascii_digit(*r) ? *r - '0' : (ascii_lower(*r) - 'a' + 10);
			if (cp > 0x10FFFF)
				return -1;
			cp = cp * (is_hex ? 16 : 10) + (uint32_t)d;
			r++;
		}
		if (r > digits && r < end && *r == ';') {
			if (!is_xml_char(cp))
				return -1;
			if (q[1] == 'X')
				sc->p->scan_problem = "character reference with an upper-case X";
			if (b)
				utf8_put(b, cp);
			return r + 1 - s;
		}
	} else {
		const char *name = q;
		while (q < end && (is_ascii_alnum(*q) || *q == '_' || *q == '-' || *q == '.' || *q == ':' ||
		                   (unsigned char)*q >= 0x80))
			q++;
		size_t len = (size_t)(q - name);
		if (len > 0 && q < end && *q == ';' && is_ascii_alpha(name[0])) {
			uint32_t cp = entity_lookup(name, len); /* XML's five and HTML's */
			if (cp) {
				if (b)
					utf8_put(b, cp);
			} else {
				sc->p->scan_problem = "undefined entity"; /* kept as literal text */
				if (b)
					buf_append(b, s, (size_t)(q + 1 - s));
			}
			return q + 1 - s;
		}
	}
	sc->p->scan_problem = "unescaped '&' in text";
	if (b)
		buf_putc(b, '&');
	return 1;
}

/* The first byte in [p, end) of class mask, or end. */
static const char *
find_special(const char *p, const char *end, unsigned mask)
{
#ifdef __SSE2__
	const __m128i low = _mm_set1_epi8(0x1F), ef = _mm_set1_epi8((char)0xEF), amp = _mm_set1_epi8('&');
	const __m128i nl = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t');
	const __m128i other = _mm_set1_epi8(mask == C_ATTR ? '<' : mask == C_TEXT ? ']' : '&');
	while (end - p >= 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i m = _mm_cmpeq_epi8(_mm_max_epu8(x, low), low); /* bytes <= 0x1F */
		if (mask != C_ATTR) /* tabs and newlines are plain text (pretty-printing is full of them) */
			m = _mm_andnot_si128(_mm_or_si128(_mm_cmpeq_epi8(x, nl), _mm_cmpeq_epi8(x, tab)), m);
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, ef));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, other));
		if (mask != C_CDATA)
			m = _mm_or_si128(m, _mm_cmpeq_epi8(x, amp));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		while (bits) {
			const char *c = p + __builtin_ctz(bits);
			if (byte_class[(unsigned char)*c] & mask)
				return c; /* else a tab or newline in CDATA or text, or CR in CDATA */
			bits &= bits - 1;
		}
		p += 16;
	}
#endif
	while (p < end && !(byte_class[(unsigned char)*p] & mask))
		p++;
	return p;
}

/* Text, an attribute value or CDATA (class bit mask) as delivered: *out is s
 * itself when nothing had to be decoded, else in b. With !keep the text is only
 * checked (nobody reads it): *out is then meaningless. -1: hand over to libxml2. */
static int
cook(struct scan *sc, const char *s, size_t len, unsigned mask, int keep, struct buf *b, const char **out,
     size_t *out_len)
{
	const char *end = s + len, *p = find_special(s, end, mask), *run = s;
	if (p == end) {
		*out = s;
		*out_len = len;
		return 0;
	}
	if (len > SCAN_MAX_TEXT)
		return -1;
	size_t start = b->len;
	int is_copied = 0;
	struct buf *to = keep ? b : NULL; /* text nobody reads is checked, not copied */
	while (p < end) {
		unsigned char c = (unsigned char)*p;
		if (c == ']' || c == 0xEF) {
			/* "]]>" is not allowed in text; U+FFFE and U+FFFF are not characters */
			if (c == ']' ? end - p >= 3 && p[1] == ']' && p[2] == '>'
			             : end - p >= 3 && (unsigned char)p[1] == 0xBF && ((unsigned char)p[2] & 0xFE) == 0xBE)
				return -1;
			p = find_special(p + 1, end, mask);
			continue;
		}
		if (c != '&' && c != '\r' && c != '\t' && c != '\n')
			return -1; /* '<' in an attribute value, a control character */
		if (to)
			buf_append(to, run, (size_t)(p - run));
		is_copied = 1;
		if (c == '&') {
			long n = decode_ref(sc, p, end, to);
			if (n < 0)
				return -1;
			p += n;
		} else if (c == '\r') {
			p += p + 1 < end && p[1] == '\n' ? 2 : 1;
			if (to)
				buf_putc(to, mask == C_ATTR ? ' ' : '\n');
		} else {
			if (to)
				buf_putc(to, ' '); /* tab or newline in an attribute value */
			p++;
		}
		run = p;
		p = find_special(p, end, mask);
	}
	if (!is_copied) {
		*out = s;
		*out_len = len;
		return 0;
	}
	if (to)
		buf_append(to, run, (size_t)(end - run));
	*out = b->data ? b->data + start : "";
	*out_len = b->len - start;
	return 0;
}

static const char *
find2(const char *s, const char *end, char a, char b)
{
	while (s < end && (s = memchr(s, a, (size_t)(end - s))) != NULL) {
		if (s + 1 < end && s[1] == b)
			return s;
		s++;
	}
	return NULL;
}

/* Whether a namespace name is a URI libxml2 accepts without complaint (it
 * reports an error for one its URI parser rejects): plain ASCII URI characters,
 * well-formed %-escapes, at most one '#'. Anything else is left to libxml2. */
static int
is_plain_uri(const char *s, size_t len)
{
	static const char ok[] = "-._~:/?#@!$&'()*+,;=%";
	int hashes = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (is_ascii_alnum(c))
			continue;
		if (c == '\0' || !strchr(ok, c))
			return 0;
		if (c == '%' && (i + 2 >= len || !is_ascii_xdigit(s[i + 1]) || !is_ascii_xdigit(s[i + 2])))
			return 0;
		if (c == '#' && ++hashes > 1)
			return 0;
	}
	return 1;
}

/* The namespace URI of prefix[0..len) (len 0: the default one): an index into
 * sc->ns, -1 for none, -2 for xml:, -3 for xmlns:, -4 when undeclared. */
static int
ns_lookup(const struct scan *sc, const char *prefix, size_t len)
{
	if (len == 3 && memcmp(prefix, "xml", 3) == 0)
		return -2;
	if (len == 5 && memcmp(prefix, "xmlns", 5) == 0)
		return -3;
	for (int i = sc->ns_count - 1; i >= 0; i--) {
		const struct ns_decl *d = &sc->ns[i];
		if (len == 0 ? !d->prefix : (d->prefix_len == len && memcmp(d->prefix, prefix, len) == 0))
			return sc->ns_text.data[d->uri_off] ? i : -1;
	}
	return len == 0 ? -1 : -4;
}

static const char *
ns_uri(const struct scan *sc, int i)
{
	return i >= 0 ? sc->ns_text.data + sc->ns[i].uri_off : i == -2 ? XML_NS_XML : i == -3 ? XML_NS_XMLNS : NULL;
}

static size_t
prefix_len(const char *qname, size_t len)
{
	const char *c = memchr(qname, ':', len);
	return c ? (size_t)(c - qname) : 0;
}

static size_t
put_name(struct buf *b, const char *s, size_t len)
{
	size_t off = b->len;
	buf_append(b, s, len);
	buf_putc(b, '\0');
	return off;
}

/* xml_ns_group of a namespace URI, remembered across declarations: items that each
 * declare their namespace again (an XHTML <div xmlns=...> in every Atom entry) do
 * not look it up again. has_prefix: whether the element names a prefix (the group of
 * an unknown namespace depends on it). */
static int
ns_group(struct scan *sc, const char *uri, int has_prefix, const char *qname)
{
	size_t len = strlen(uri);
	for (int i = 0; i < sc->memo_count; i++) {
		const struct ns_memo *m = &sc->memo[i];
		if (m->has_prefix == has_prefix && m->uri_len == len && memcmp(m->uri, uri, len) == 0)
			return m->nsg;
	}
	int g = (int)xml_ns_group(uri, qname);
	if (sc->memo_count < SCAN_MAX_MEMO && len < sizeof sc->memo[0].uri) {
		struct ns_memo *m = &sc->memo[sc->memo_count++];
		memcpy(m->uri, uri, len);
		m->uri_len = len;
		m->has_prefix = has_prefix;
		m->nsg = g;
	}
	return g;
}

/* An undeclared namespace prefix, in the start tag that ends before tag_end: the
 * element (elem == NULL) or one of its attributes (name) keeps its prefixed name
 * with no namespace, as libxml2 keeps it, and the first such error of the document
 * becomes its error in libxml2's words and line, so that both tokenizers report
 * the same (the document is bozo). -1 to hand over: a line libxml2 might count
 * differently (a lone CR before it). */
static int
undeclared(struct scan *sc, const char *tag_end, const char *prefix, size_t prefix_len, const char *local,
           size_t local_len, const char *elem, size_t elem_len)
{
	struct xml_parser *p = sc->p;
	if (p->error)
		return 0;
	/* libxml2 reports it with the position of the tag's closing '>' */
	long line = 1;
	for (const char *c = sc->begin; (c = memchr(c, '\n', (size_t)(tag_end - c))) != NULL; c++)
		line++;
	for (const char *c = sc->begin; (c = memchr(c, '\r', (size_t)(tag_end - c))) != NULL; c++)
		if (c + 1 >= tag_end || c[1] != '\n')
			return -1;
	if (elem)
		p->error = arena_printf(p->arena, "line %ld: Namespace prefix %.*s for %.*s on %.*s is not defined", line,
		                        (int)prefix_len, prefix, (int)local_len, local, (int)elem_len, elem);
	else
		p->error = arena_printf(p->arena, "line %ld: Namespace prefix %.*s on %.*s is not defined", line,
		                        (int)prefix_len, prefix, (int)local_len, local);
	return 0;
}

/* A start tag at s ('<' + name). Returns where it ends, NULL to hand over. */
static const char *
start_tag(struct scan *sc, const char *s)
{
	const char *end = sc->end, *q = s + 1;
	size_t qlen = qname_len(q, end);
	if (!qlen || sc->depth >= SCAN_MAX_DEPTH)
		return NULL;
	const char *qname = q;
	q += qlen;
	sc->names.len = 0;
	sc->text.len = 0;
	size_t qname_off = put_name(&sc->names, qname, qlen);
	int depth = sc->depth, n = 0, is_empty = 0, ns_before = sc->ns_count;
	for (;;) {
		const char *ws = q;
		while (q < end && is_space(*q))
			q++;
		if (q >= end)
			return NULL;
		if (*q == '>') {
			q++;
			break;
		}
		if (*q == '/') {
			if (q + 1 >= end || q[1] != '>')
				return NULL;
			q += 2;
			is_empty = 1;
			break;
		}
		size_t alen = qname_len(q, end);
		if (q == ws || !alen || n == SCAN_MAX_ATTRS)
			return NULL;
		struct raw_attr *a = &sc->raw[n];
		a->qname = q;
		a->qname_len = alen;
		q += alen;
		while (q < end && is_space(*q))
			q++;
		if (q >= end || *q != '=')
			return NULL;
		q++;
		while (q < end && is_space(*q))
			q++;
		if (q >= end || (*q != '"' && *q != '\''))
			return NULL;
		const char *v = q + 1, *ve = memchr(v, *q, (size_t)(end - v));
		if (!ve)
			return NULL;
		q = ve + 1;
		for (int i = 0; i < n; i++)
			if (sc->raw[i].qname_len == alen && memcmp(sc->raw[i].qname, a->qname, alen) == 0)
				return NULL; /* a repeated attribute */
		const char *val;
		size_t vlen;
		if (cook(sc, v, (size_t)(ve - v), C_ATTR, 1, &sc->text, &val, &vlen) != 0)
			return NULL;
		a->value_off = put_name(&sc->names, val, vlen);
		a->is_ns = alen >= 5 && memcmp(a->qname, "xmlns", 5) == 0 && (alen == 5 || a->qname[5] == ':');
		if (a->is_ns) {
			const char *pfx = alen == 5 ? NULL : a->qname + 6;
			size_t plen = alen == 5 ? 0 : alen - 6;
			if (sc->ns_count == SCAN_MAX_NS || (pfx && vlen == 0) || !is_plain_uri(val, vlen) || (pfx && plen == 5 && memcmp(pfx, "xmlns", 5) == 0) ||
			    (pfx && plen == 3 && memcmp(pfx, "xml", 3) == 0))
				return NULL;
			struct ns_decl *d = &sc->ns[sc->ns_count++];
			d->prefix = pfx;
			d->prefix_len = plen;
			d->uri_off = put_name(&sc->ns_text, val, vlen);
			d->depth = depth;
			d->nsg = -1;
		}
		n++;
	}
	size_t plen = prefix_len(qname, qlen);
	int uri_ns = ns_lookup(sc, qname, plen);
	if (uri_ns == -3)
		return NULL; /* an element in the xmlns namespace */
	/* namespace declarations first, as libxml2's reader lists them; names
	 * may move while they are appended, so offsets first, pointers after */
	size_t qoff[SCAN_MAX_ATTRS], loff[SCAN_MAX_ATTRS], voff[SCAN_MAX_ATTRS];
	int k = 0;
	for (int pass = 1; pass >= 0; pass--) {
		for (int i = 0; i < n; i++) {
			const struct raw_attr *a = &sc->raw[i];
			if (a->is_ns != pass)
				continue;
			size_t apl = prefix_len(a->qname, a->qname_len);
			int ai = pass ? -3 : apl ? ns_lookup(sc, a->qname, apl) : -1;
			if (ai == -4 && undeclared(sc, q, a->qname, apl, a->qname + apl + 1, a->qname_len - apl - 1,
			                           qname + (plen ? plen + 1 : 0), qlen - (plen ? plen + 1 : 0)) != 0)
				return NULL;
			qoff[k] = put_name(&sc->names, a->qname, a->qname_len);
			/* an undeclared prefix stays part of the name, as libxml2 keeps it */
			loff[k] = qoff[k] + (apl && ai != -4 ? apl + 1 : 0);
			voff[k] = a->value_off;
			sc->attrs[k++].uri = ns_uri(sc, ai);
		}
	}
	if (uri_ns == -4 && undeclared(sc, q, qname, plen, qname + plen + 1, qlen - plen - 1, NULL, 0) != 0)
		return NULL;
	for (int i = 0; i < k; i++) {
		sc->attrs[i].qname = sc->names.data + qoff[i];
		sc->attrs[i].local = sc->names.data + loff[i];
		sc->attrs[i].value = sc->names.data + voff[i];
	}
	struct xml_elem e = {
		.qname = sc->names.data + qname_off,
		.local = sc->names.data + qname_off + (plen ? plen + 1 : 0),
		.uri = ns_uri(sc, uri_ns),
		.nsg = -1,
		.depth = depth,
		.is_empty = is_empty,
		.attrs = sc->attrs,
		.attr_count = (size_t)k,
	};
	/* a declaration's elements all share one namespace group (xml_ns_group
	 * depends on the URI, and on a prefix being used, which is the same for all) */
	if (uri_ns >= 0) {
		if (sc->ns[uri_ns].nsg < 0)
			sc->ns[uri_ns].nsg = ns_group(sc, e.uri, plen > 0, e.qname);
		e.nsg = sc->ns[uri_ns].nsg;
	}
	if (depth == 0) {
		int d = ns_lookup(sc, "", 0);
		e.default_ns = ns_uri(sc, d);
	}
	xml_ev_start(sc->p, &e);
	if (is_empty) {
		sc->ns_count = ns_before;
	} else {
		sc->open[depth].qname = qname;
		sc->open[depth].qname_len = qlen;
		sc->open[depth].uri_ns = uri_ns;
		sc->depth++;
	}
	return q;
}

/* An end tag at s ("</"). */
static const char *
end_tag(struct scan *sc, const char *s)
{
	const char *end = sc->end, *q = s + 2;
	if (sc->depth == 0)
		return NULL;
	const struct open_elem *o = &sc->open[sc->depth - 1];
	if ((size_t)(end - q) < o->qname_len || memcmp(q, o->qname, o->qname_len) != 0)
		return NULL;
	q += o->qname_len;
	while (q < end && is_space(*q))
		q++;
	if (q >= end || *q != '>')
		return NULL;
	sc->depth--;
	sc->names.len = 0;
	size_t plen = prefix_len(o->qname, o->qname_len);
	size_t off = put_name(&sc->names, o->qname, o->qname_len);
	struct xml_elem e = {
		.qname = sc->names.data + off,
		.local = sc->names.data + off + (plen ? plen + 1 : 0),
		.uri = ns_uri(sc, o->uri_ns),
		.nsg = -1,
		.depth = sc->depth,
	};
	xml_ev_end(sc->p, &e);
	while (sc->ns_count > 0 && sc->ns[sc->ns_count - 1].depth >= sc->depth)
		sc->ns_count--;
	return q + 1;
}

/* "<!--", "<?", "<!DOCTYPE" at s: where they end, NULL to hand over. */
static const char *
skip_markup(struct scan *sc, const char *s, int is_prolog)
{
	const char *end = sc->end;
	if (end - s >= 4 && memcmp(s, "<!--", 4) == 0) {
		const char *d = find2(s + 4, end, '-', '-');
		return d && d + 2 < end && d[2] == '>' ? d + 3 : NULL; /* "--" inside is an error */
	}
	if (s[1] == '?') {
		size_t n = qname_len(s + 2, end);
		if (!n || (n == 3 && str_ncasecmp(s + 2, "xml", 3) == 0))
			return NULL; /* a misplaced XML declaration */
		const char *e = find2(s + 2 + n, end, '?', '>');
		return e ? e + 2 : NULL;
	}
	if (is_prolog && end - s >= 9 && memcmp(s, "<!DOCTYPE", 9) == 0) {
		char quote = 0;
		for (const char *q = s + 9; q < end; q++) {
			if (quote) {
				quote = *q == quote ? 0 : quote;
			} else if (*q == '"' || *q == '\'') {
				quote = *q;
			} else if (*q == '[') {
				return NULL; /* an internal subset: entities are libxml2's business */
			} else if (*q == '>') {
				if (str_icasestr(s, (size_t)(q - s), "netscape"))
					sc->p->is_netscape = 1;
				return q + 1;
			}
		}
	}
	return NULL;
}

static int
scan_run(struct scan *sc, const char *s)
{
	const char *end = sc->end;
	int seen_root = 0, seen_doctype = 0;
	if (end - s >= 6 && memcmp(s, "<?xml", 5) == 0 && is_space(s[5])) {
		const char *e = find2(s + 5, end, '?', '>');
		if (!e || !str_icasestr(s, (size_t)(e - s), "version"))
			return -1;
		s = e + 2;
	}
	while (!sc->p->is_stopped) {
		if (sc->depth == 0)
			while (s < end && is_space(*s))
				s++;
		if (s >= end)
			return sc->depth == 0 && seen_root ? 0 : -1; /* else truncated */
		if (sc->depth == 0) {
			if (*s != '<' || end - s < 2)
				return -1;
		} else if (*s != '<') {
			const char *lt = memchr(s, '<', (size_t)(end - s));
			if (!lt)
				return -1; /* truncated */
			const char *t;
			size_t tlen;
			sc->text.len = 0;
			int keep = xml_wants_text(sc->p, sc->depth);
			if (cook(sc, s, (size_t)(lt - s), C_TEXT, keep, &sc->text, &t, &tlen) != 0)
				return -1;
			if (keep)
				xml_ev_text(sc->p, sc->depth, t, tlen);
			s = lt;
			continue;
		}
		if (end - s < 2)
			return -1;
		const char *next;
		if (s[1] == '/') {
			next = end_tag(sc, s);
		} else if (s[1] == '!' && sc->depth > 0 && end - s >= 9 && memcmp(s, "<![CDATA[", 9) == 0) {
			const char *c = s + 9, *ce = c;
			while ((ce = find2(ce, end, ']', ']')) != NULL && (ce + 2 >= end || ce[2] != '>'))
				ce++;
			if (!ce)
				return -1;
			const char *t;
			size_t tlen;
			sc->text.len = 0;
			int keep = xml_wants_text(sc->p, sc->depth);
			if ((size_t)(ce - c) > SCAN_MAX_TEXT ||
			    cook(sc, c, (size_t)(ce - c), C_CDATA, keep, &sc->text, &t, &tlen) != 0)
				return -1;
			if (keep)
				xml_ev_text(sc->p, sc->depth, t, tlen);
			next = ce + 3;
		} else if (s[1] == '!' || s[1] == '?') {
			int is_doctype = s[1] == '!' && end - s >= 3 && s[2] == 'D';
			if (is_doctype && (seen_root || seen_doctype))
				return -1;
			seen_doctype |= is_doctype;
			next = skip_markup(sc, s, sc->depth == 0 && !seen_root);
		} else {
			if (sc->depth == 0 && seen_root)
				return -1; /* a second root */
			seen_root = 1;
			next = start_tag(sc, s);
		}
		if (!next)
			return -1;
		s = next;
	}
	return 0;
}

int
xml_scan(struct xml_parser *p, const char *s, size_t len)
{
	init_classes();
	struct scan *sc = xcalloc(1, sizeof *sc);
	sc->p = p;
	sc->begin = s;
	sc->end = s + len;
	int rc = scan_run(sc, s);
	buf_free(&sc->names);
	buf_free(&sc->text);
	buf_free(&sc->ns_text);
	free(sc);
	return rc;
}
