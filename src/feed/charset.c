/* charset.c: decide a document's character encoding (BOM, HTTP hints under
 * RFC 3023, XML declaration, UTF-8 validity) and convert it to UTF-8 with iconv.
 * The precedence follows feedparser's, so `encoding` and `bozo` agree with it. */
#include "feed/charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>

#include "feed/entities.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/utf8.h"

#define NAME_MAX_LEN 40

/* A charset name as the user or the document wrote it, normalised to lower case. */
struct cs_name {
	char s[NAME_MAX_LEN];
};

static void
name_set(struct cs_name *n, const char *s, size_t len)
{
	n->s[0] = '\0';
	str_trim(&s, &len);
	if (len >= 2 && (s[0] == '"' || s[0] == '\'') && s[len - 1] == s[0]) {
		s++;
		len -= 2;
		str_trim(&s, &len);
	}
	if (len == 0 || len >= sizeof n->s)
		return;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!is_ascii_alnum(c) && c != '-' && c != '_' && c != '.' && c != ':' && c != '(' && c != ')') {
			n->s[0] = '\0';
			return;
		}
		n->s[i] = (char)ascii_lower(c);
	}
	n->s[len] = '\0';
	/* gb18030 is a superset of gb2312 and what such feeds really use */
	if (strcmp(n->s, "gb2312") == 0 || strcmp(n->s, "euc-cn") == 0)
		str_copy(n->s, "gb18030", sizeof n->s);
}

/* Split a Content-Type value into its lower-case media type and charset parameter. */
static void
parse_content_type(const char *ct, char *mime, size_t mime_size, struct cs_name *charset)
{
	charset->s[0] = '\0';
	mime[0] = '\0';
	if (!ct)
		return;
	const char *semi = strchr(ct, ';');
	size_t mlen = semi ? (size_t)(semi - ct) : strlen(ct);
	const char *m = ct;
	str_trim(&m, &mlen);
	if (mlen >= mime_size)
		mlen = mime_size - 1;
	for (size_t i = 0; i < mlen; i++)
		mime[i] = (char)ascii_lower(m[i]);
	mime[mlen] = '\0';
	while (semi) {
		const char *p = semi + 1;
		semi = strchr(p, ';');
		size_t plen = semi ? (size_t)(semi - p) : strlen(p);
		str_trim(&p, &plen);
		const char *eq = memchr(p, '=', plen);
		if (!eq)
			continue;
		const char *key = p;
		size_t klen = (size_t)(eq - p);
		str_trim(&key, &klen);
		if (klen == 7 && str_ncasecmp(key, "charset", 7) == 0) {
			name_set(charset, eq + 1, plen - (size_t)(eq + 1 - p));
			return;
		}
	}
}

/* The encoding implied by a byte order mark; *bom_len gets its size. */
static const char *
sniff_bom(const unsigned char *d, size_t len, size_t *bom_len)
{
	*bom_len = 0;
	if (len >= 4 && d[0] == 0 && d[1] == 0 && d[2] == 0xFE && d[3] == 0xFF)
		return *bom_len = 4, "utf-32be";
	if (len >= 4 && d[0] == 0xFF && d[1] == 0xFE && d[2] == 0 && d[3] == 0)
		return *bom_len = 4, "utf-32le";
	if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF)
		return *bom_len = 3, "utf-8";
	if (len >= 2 && d[0] == 0xFE && d[1] == 0xFF)
		return *bom_len = 2, "utf-16be";
	if (len >= 2 && d[0] == 0xFF && d[1] == 0xFE)
		return *bom_len = 2, "utf-16le";
	return NULL;
}

/* The encoding family implied by how "<?" (or "<") is laid out, without a BOM. */
static const char *
sniff_layout(const unsigned char *d, size_t len)
{
	if (len < 4)
		return NULL;
	if (d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] == '<')
		return "utf-32be";
	if (d[0] == '<' && d[1] == 0 && d[2] == 0 && d[3] == 0)
		return "utf-32le";
	if (d[0] == 0 && d[1] == '<' && d[2] == 0)
		return "utf-16be";
	if (d[0] == '<' && d[1] == 0 && d[2] != 0)
		return "utf-16le";
	return NULL;
}

static int
is_wide(const char *enc)
{
	return enc && (str_istarts(enc, "utf-16") || str_istarts(enc, "utf-32") || str_istarts(enc, "ucs-") ||
	               strcmp(enc, "utf16") == 0 || strcmp(enc, "utf32") == 0);
}

/* Read encoding="..." from an XML declaration at the start of d (after the BOM).
 * For UTF-16/32 layouts, every unit's low byte is taken as ASCII. */
static void
xml_declared(const unsigned char *d, size_t len, const char *layout, struct cs_name *out)
{
	out->s[0] = '\0';
	size_t step = 1, off = 0;
	if (layout) {
		step = str_istarts(layout, "utf-32") ? 4 : 2;
		off = strstr(layout, "be") ? step - 1 : 0;
	}
	char head[512];
	size_t n = 0;
	for (size_t i = off; i < len && n < sizeof head - 1; i += step)
		head[n++] = (char)d[i];
	head[n] = '\0';
	const char *p = head;
	while (is_ascii_space(*p))
		p++;
	if (!str_starts(p, "<?xml"))
		return;
	const char *end = strstr(p, "?>");
	if (!end)
		return;
	const char *e = strstr(p, "encoding");
	if (!e || e > end)
		return;
	e += 8;
	while (is_ascii_space(*e))
		e++;
	if (*e != '=')
		return;
	e++;
	while (is_ascii_space(*e))
		e++;
	char q = *e;
	if (q != '"' && q != '\'')
		return;
	const char *v = e + 1;
	const char *ve = strchr(v, q);
	if (!ve || ve > end)
		return;
	name_set(out, v, (size_t)(ve - v));
}

/* iconv's name for an encoding name as written in feeds. */
static const char *
iconv_name(const char *enc)
{
	if (strcmp(enc, "utf16") == 0 || strcmp(enc, "u16") == 0)
		return "utf-16";
	if (strcmp(enc, "utf32") == 0)
		return "utf-32";
	if (strcmp(enc, "x-sjis") == 0 || strcmp(enc, "sjis") == 0)
		return "shift_jis";
	if (strcmp(enc, "ks_c_5601-1987") == 0)
		return "euc-kr";
	return enc;
}

int
charset_convert(const char *enc, const char *src, size_t len, int is_strict, struct buf *out)
{
	if (strcmp(enc, "utf-8") == 0 || strcmp(enc, "utf8") == 0) {
		if (utf8_valid(src, len)) {
			buf_append(out, src, len);
			return 0;
		}
		if (is_strict)
			return -1;
		utf8_sanitize(out, src, len);
		return 0;
	}
	iconv_t cd = iconv_open("UTF-8", iconv_name(enc));
	if (cd == (iconv_t)-1)
		return -1;
	size_t unit = str_istarts(enc, "utf-32") ? 4 : str_istarts(enc, "utf-16") ? 2 : 1;
	char *in = (char *)src;
	size_t in_left = len;
	int rc = 0;
	buf_reserve(out, len + len / 2 + 16);
	while (in_left > 0) {
		buf_reserve(out, in_left * 2 + 16);
		char *o = out->data + out->len;
		size_t o_left = out->cap - out->len - 1;
		size_t r = iconv(cd, &in, &in_left, &o, &o_left);
		out->len = (size_t)(o - out->data);
		out->data[out->len] = '\0';
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		if (is_strict) {
			rc = -1;
			break;
		}
		utf8_put(out, UTF8_REPLACEMENT);
		size_t skip = unit < in_left ? unit : in_left;
		in += skip;
		in_left -= skip;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	return rc;
}

static int
is_latin1(const char *enc)
{
	return strcmp(enc, "iso-8859-1") == 0 || strcmp(enc, "iso8859-1") == 0 || strcmp(enc, "latin1") == 0 ||
	       strcmp(enc, "latin-1") == 0 || strcmp(enc, "l1") == 0 || strcmp(enc, "iso_8859-1") == 0;
}

static int
has_high_bytes(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

static void
copy_out(struct buf *b, struct arena *arena, struct charset_result *out)
{
	out->utf8 = arena_strndup(arena, b->data ? b->data : "", b->len);
	out->len = b->len;
}

/* A Latin-1 document that also carries UTF-8 (text pasted from another source):
 * when it holds at least one well-formed multi-byte UTF-8 sequence, decode each
 * such sequence as UTF-8 and every other byte as windows-1252 (a superset of
 * ISO-8859-1 for printable text). Returns 0, doing nothing, without UTF-8 in it. */
static int
decode_mixed(const char *s, size_t len, struct arena *arena, struct charset_result *out)
{
	int has_utf8 = 0;
	for (size_t i = 0; i < len && !has_utf8;) {
		uint32_t cp;
		size_t n = (unsigned char)s[i] < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
		has_utf8 = n > 1;
		i += n;
	}
	if (!has_utf8)
		return 0;
	struct buf b = BUF_INIT;
	buf_reserve(&b, len + len / 4 + 16);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp = c;
		size_t n = 1;
		if (c >= 0x80) {
			n = utf8_decode(s + i, len - i, &cp);
			if (n == 1)
				cp = entity_cp1252(c);
		}
		if (cp)
			utf8_put(&b, cp);
		i += n;
	}
	copy_out(&b, arena, out);
	buf_free(&b);
	return 1;
}

void
charset_to_utf8(const char *data, size_t len, const char *charset_hint, const char *content_type,
                struct arena *arena, struct charset_result *out)
{
	memset(out, 0, sizeof *out);
	const unsigned char *d = (const unsigned char *)data;
	size_t bom_len;
	const char *bom = sniff_bom(d, len, &bom_len);
	const char *layout = bom ? bom : sniff_layout(d, len);
	struct cs_name declared, http, hint;
	xml_declared(d + bom_len, len - bom_len, is_wide(layout) ? layout : NULL, &declared);
	/* A 16/32-bit declaration in a byte-oriented document (or the reverse) is a lie. */
	if (declared.s[0] && is_wide(declared.s) != is_wide(layout))
		declared.s[0] = '\0';
	if (declared.s[0] && is_wide(layout) && (strcmp(declared.s, "utf-16") == 0 ||
	                                         strcmp(declared.s, "utf-32") == 0 || declared.s[0] == 'u'))
		str_copy(declared.s, layout, sizeof declared.s);
	char mime[128];
	parse_content_type(content_type, mime, sizeof mime, &http);
	name_set(&hint, charset_hint ? charset_hint : "", charset_hint ? strlen(charset_hint) : 0);
	if (hint.s[0])
		http = hint;

	/* Without a declaration, a UTF-16/32 layout is its own declaration. */
	if (!declared.s[0] && is_wide(layout))
		str_copy(declared.s, layout, sizeof declared.s);
	/* RFC 3023 as feedparser applies it. */
	const char *rfc3023;
	if (!content_type || !mime[0]) {
		rfc3023 = http.s[0] ? http.s : declared.s[0] ? declared.s : "utf-8";
	} else if (strcmp(mime, "application/xml") == 0 || strcmp(mime, "application/xml-dtd") == 0 ||
	           strcmp(mime, "application/xml-external-parsed-entity") == 0 ||
	           (str_starts(mime, "application/") && str_ends(mime, "+xml")) ||
	           strcmp(mime, "application/json") == 0 || str_ends(mime, "+json")) {
		rfc3023 = http.s[0] ? http.s : declared.s[0] ? declared.s : "utf-8";
	} else if (str_starts(mime, "text/")) {
		rfc3023 = http.s[0] ? http.s : "us-ascii";
		if (!(strcmp(mime, "text/xml") == 0 || strcmp(mime, "text/xml-external-parsed-entity") == 0 ||
		      str_ends(mime, "+xml")))
			out->problem = "served with a media type that is not XML";
	} else {
		rfc3023 = http.s[0] ? http.s : declared.s[0] ? declared.s : "utf-8";
	}
	const char *body = data + bom_len;
	size_t body_len = len - bom_len;
	/* A document said to be ISO-8859-1 whose non-ASCII bytes are all well-formed
	 * multi-byte UTF-8 is UTF-8 (mislabelled by its server or generator): real
	 * Latin-1 text practically never forms valid UTF-8. feedparser repairs the
	 * same mistake text by text; the result is the same. */
	const char *utf8_instead = NULL;
	if (!bom && is_latin1(rfc3023) && has_high_bytes(body, body_len)) {
		if (utf8_valid(body, body_len)) {
			utf8_instead = "utf-8";
		} else if (decode_mixed(body, body_len, arena, out)) {
			out->encoding = arena_strdup(arena, rfc3023);
			out->problem = arena_printf(arena, "document declared as %s mixes UTF-8 and %s bytes", rfc3023,
			                            rfc3023);
			return;
		}
	}
	/* A BOM is unambiguous: it beats every declaration. */
	const char *candidates[] = {bom, utf8_instead, rfc3023, declared.s, layout, "utf-8", "windows-1252"};
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
		const char *enc = candidates[i];
		if (!enc || !enc[0])
			continue;
		/* A wide encoding (from a hint) for bytes laid out as ASCII cannot be right. */
		if (!bom && is_wide(enc) && !is_wide(layout) && len >= 2)
			continue;
		b.len = 0;
		int is_utf8 = strcmp(enc, "utf-8") == 0 || strcmp(enc, "utf8") == 0;
		if (is_utf8 && !utf8_valid(body, body_len)) {
			/* Declared UTF-8 with a stray byte (a windows-1252 character pasted in): it keeps
			 * its UTF-8; read whole as windows-1252, as feedparser does, every "é" became "Ã©".
			 * A UTF-8 BOM says UTF-8 louder than any declaration: the same repair. */
			int says_utf8 = bom ? i == 0 : strcmp(enc, rfc3023) == 0;
			if (says_utf8 && decode_mixed(body, body_len, arena, out)) {
				out->encoding = "utf-8";
				out->problem = "document declared as utf-8 has bytes that are not UTF-8 (read as windows-1252)";
				buf_free(&b);
				return;
			}
			continue;
		}
		if (!is_utf8 && charset_convert(enc, body, body_len, 1, &b) != 0)
			continue;
		out->encoding = arena_strdup(arena, enc);
		if (i > 0 && strcmp(enc, rfc3023) != 0 && !out->problem)
			out->problem = arena_printf(arena, "document declared as %s, but parsed as %s", rfc3023, enc);
		if (is_utf8) {
			out->utf8 = body; /* already UTF-8: no copy */
			out->len = body_len;
		} else {
			copy_out(&b, arena, out);
		}
		buf_free(&b);
		return;
	}
	/* Nothing decodes cleanly: windows-1252 with replacement characters. */
	b.len = 0;
	charset_convert("windows-1252", body, body_len, 0, &b);
	out->encoding = "windows-1252";
	out->problem = arena_printf(arena, "document declared as %s, but it is not; decoded as windows-1252 "
	                                   "with invalid bytes replaced", rfc3023);
	copy_out(&b, arena, out);
	buf_free(&b);
}
