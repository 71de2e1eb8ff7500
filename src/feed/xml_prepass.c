/* xml_prepass.c: make HTML-flavoured XML parseable without a DTD, in one linear
 * pass that copies nothing unless a fix is needed. */
#include "feed/xml.h"

#include <string.h>

#include "feed/entities.h"
#include "util/str.h"

/* Names of general entities declared in the internal subset (rare: scanned only
 * when the document contains "<!ENTITY"). Fixed capacity; more are ignored. */
#define DECLARED_MAX 64

struct declared {
	const char *name[DECLARED_MAX];
	size_t len[DECLARED_MAX];
	size_t count;
};

static const char *
find(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0 || len < n)
		return NULL;
	const char *end = s + len - n + 1;
	for (const char *p = s; p < end;) {
		p = memchr(p, needle[0], (size_t)(end - p));
		if (!p)
			return NULL;
		if (memcmp(p, needle, n) == 0)
			return p;
		p++;
	}
	return NULL;
}

static void
collect_declared(const char *s, size_t len, struct declared *d)
{
	d->count = 0;
	const char *p = s, *end = s + len;
	while ((p = find(p, (size_t)(end - p), "<!ENTITY")) != NULL) {
		p += 8;
		while (p < end && is_ascii_space(*p))
			p++;
		if (p < end && *p == '%')
			continue; /* parameter entity */
		const char *name = p;
		while (p < end && !is_ascii_space(*p) && *p != '>')
			p++;
		if (p > name && d->count < DECLARED_MAX) {
			d->name[d->count] = name;
			d->len[d->count++] = (size_t)(p - name);
		}
	}
}

static int
is_declared(const struct declared *d, const char *name, size_t len)
{
	for (size_t i = 0; i < d->count; i++)
		if (d->len[i] == len && memcmp(d->name[i], name, len) == 0)
			return 1;
	return 0;
}

/* Where a region that must not be touched ends, given it starts at p. */
static const char *
skip_region(const char *p, const char *end)
{
	const char *close;
	if (end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
		close = find(p + 9, (size_t)(end - p - 9), "]]>");
	else if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
		close = find(p + 4, (size_t)(end - p - 4), "-->");
	else
		return NULL;
	return close ? close + 3 : end;
}

static void
sniff_doctype(const char *s, size_t len, struct xml_prepass *out)
{
	size_t head = len < 4096 ? len : 4096;
	const char *dt = find(s, head, "<!DOCTYPE");
	if (!dt)
		return;
	const char *gt = memchr(dt, '>', (size_t)(s + len - dt));
	size_t n = gt ? (size_t)(gt - dt) : (size_t)(s + len - dt);
	if (str_icasestr(dt, n, "netscape"))
		out->is_netscape = 1;
}

void
xml_prepass_run(const char *utf8, size_t len, struct xml_prepass *out)
{
	memset(out, 0, sizeof *out);
	out->data = utf8;
	out->len = len;
	sniff_doctype(utf8, len, out);
	struct declared declared = {.count = 0};
	if (find(utf8, len, "<!ENTITY"))
		collect_declared(utf8, len, &declared);

	const char *end = utf8 + len;
	const char *copied = utf8; /* input up to here is already in out->fixed */
	const char *p = utf8;
	/* The next "<!" at or after p: the only place a protected region can start. */
	const char *next_bang = find(p, len, "<!");
	for (;;) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		if (!amp)
			break;
		while (next_bang && next_bang < amp) {
			const char *skip = skip_region(next_bang, end);
			if (skip && skip > amp) {
				amp = NULL;
				p = skip;
			}
			const char *from = skip ? skip : next_bang + 2;
			next_bang = from < end ? find(from, (size_t)(end - from), "<!") : NULL;
			if (!amp)
				break;
		}
		if (!amp)
			continue;
		/* amp is in ordinary text or an attribute value */
		const char *q = amp + 1;
		char repl[16];
		size_t repl_len = 0;
		if (q < end && *q == '#') {
			const char *r = q + 1;
			int is_hex = r < end && (*r == 'x' || *r == 'X');
			r += is_hex;
			const char *digits = r;
			while (r < end && (is_hex ? is_ascii_xdigit(*r) : is_ascii_digit(*r)))
				r++;
			if (r > digits && r < end && *r == ';') {
				p = r + 1;
				if (*(q + 1) != 'X')
					continue;
				/* "&#X41;" is SGML, not XML: lower-case the x */
				out->problem = "character reference with an upper-case X";
				buf_append(&out->fixed, copied, (size_t)(q + 1 - copied));
				buf_putc(&out->fixed, 'x');
				copied = q + 2;
				continue;
			}
			memcpy(repl, "&amp;", 5);
			repl_len = 5;
			out->problem = "unescaped '&' in text";
			p = amp + 1;
		} else {
			const char *name = q;
			while (q < end && (is_ascii_alnum(*q) || *q == '_' || *q == '-' || *q == '.' || *q == ':' ||
			                   (unsigned char)*q >= 0x80))
				q++;
			size_t name_len = (size_t)(q - name);
			if (name_len > 0 && q < end && *q == ';' && is_ascii_alpha(name[0])) {
				p = q + 1;
				if (entity_is_xml_predefined(name, name_len) || is_declared(&declared, name, name_len))
					continue;
				uint32_t cp = entity_lookup(name, name_len);
				if (!cp) {
					/* undefined: keep it as literal text, as lenient parsers do */
					out->problem = "undefined entity";
					buf_append(&out->fixed, copied, (size_t)(amp + 1 - copied));
					buf_puts(&out->fixed, "amp;");
					copied = amp + 1;
					continue;
				}
				size_t n = 0;
				repl[n++] = '&';
				repl[n++] = '#';
				char digits[12];
				size_t nd = 0;
				for (uint32_t v = cp; v; v /= 10)
					digits[nd++] = (char)('0' + v % 10);
				while (nd)
					repl[n++] = digits[--nd];
				repl[n++] = ';';
				repl_len = n;
				buf_append(&out->fixed, copied, (size_t)(amp - copied));
				buf_append(&out->fixed, repl, repl_len);
				copied = p;
				continue;
			}
			memcpy(repl, "&amp;", 5);
			repl_len = 5;
			out->problem = "unescaped '&' in text";
			p = amp + 1;
		}
		buf_append(&out->fixed, copied, (size_t)(amp - copied));
		buf_append(&out->fixed, repl, repl_len);
		copied = amp + 1;
	}
	if (copied != utf8) {
		buf_append(&out->fixed, copied, (size_t)(end - copied));
		out->data = out->fixed.data;
		out->len = out->fixed.len;
	}
}
