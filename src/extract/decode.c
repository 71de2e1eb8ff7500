/* decode.c: a web page's bytes as UTF-8. HTML's precedence (BOM, transport, <meta>, then a
 * guess) on top of feed/charset.c, which does the conversion. */
#include <string.h>

#include "extract/passes.h"
#include "feed/charset.h"
#include "util/str.h"
#include "util/utf8.h"

#define PRESCAN_BYTES 8192

/* Copy the charset name that starts at p (after "charset=") into out. */
static void
take_name(const char *p, const char *end, char *out, size_t size)
{
	while (p < end && (is_ascii_space(*p) || *p == '"' || *p == '\'' || *p == '='))
		p++;
	size_t k = 0;
	while (p < end && k + 1 < size && (is_ascii_alnum(*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
		out[k++] = (char)ascii_lower(*p++);
	out[k] = '\0';
}

/* The charset a <meta> in the first bytes declares ("" when none): <meta charset=X> or
 * <meta http-equiv=Content-Type content="text/html; charset=X">. */
static void
meta_charset(const char *d, size_t len, char *out, size_t size)
{
	out[0] = '\0';
	const char *end = d + (len < PRESCAN_BYTES ? len : PRESCAN_BYTES);
	for (const char *p = d; p < end && (p = memchr(p, '<', (size_t)(end - p))); p++) {
		if (end - p < 6 || str_ncasecmp(p, "<meta", 5) != 0 || !(is_ascii_space(p[5]) || p[5] == '/'))
			continue;
		const char *close = memchr(p, '>', (size_t)(end - p));
		if (!close)
			return;
		const char *cs = str_icasestr(p, (size_t)(close - p), "charset");
		if (cs) {
			take_name(cs + 7, close, out, size);
			if (out[0])
				return;
		}
		p = close;
	}
}

/* Labels whose iconv namesake decodes less than a browser does: the WHATWG Encoding
 * Standard reads them as the Windows superset the pages are written in (Shift_JIS as
 * Windows-31J with the NEC and IBM rows: ①, ㈱; EUC-JP with the same rows; EUC-KR as UHC,
 * whose 8,822 extra syllables glibc's EUC-KR turns into C1 controls; GB2312 as GBK, here
 * GB18030, its superset, as charset.c reads it too: 镕 is GBK only). Sorted by label. */
static const struct {
	const char *label, *encoding;
} supersets[] = {
	{"csgb2312", "gb18030"},       {"cseuckr", "cp949"},                 {"cseucpkdfmtjapanese", "euc-jp-ms"},
	{"csshiftjis", "windows-31j"}, {"euc-cn", "gb18030"},                {"euc-jp", "euc-jp-ms"},
	{"euc-kr", "cp949"},           {"gb2312", "gb18030"},                {"ks_c_5601-1987", "cp949"},
	{"ms932", "windows-31j"},      {"ms_kanji", "windows-31j"},          {"shift-jis", "windows-31j"},
	{"shift_jis", "windows-31j"},  {"sjis", "windows-31j"},              {"x-euc-jp", "euc-jp-ms"},
	{"x-sjis", "windows-31j"},
};

/* The encoding a browser decodes the label as, when it differs from iconv's reading. */
static const char *
html_encoding(const char *label)
{
	for (size_t i = 0; i < sizeof supersets / sizeof supersets[0]; i++)
		if (str_casecmp(label, supersets[i].label) == 0)
			return supersets[i].encoding;
	return label;
}

/* True when s has at least one well-formed multi-byte UTF-8 sequence and more of those than
 * invalid bytes: UTF-8 with a few broken bytes rather than a legacy encoding. */
static int
mostly_utf8(const char *s, size_t len)
{
	size_t good = 0, bad = 0;
	for (size_t i = 0; i < len;) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n > 1)
			good++;
		else
			bad++;
		i += n;
	}
	return good > bad;
}

const char *
decode_page(const char *data, size_t len, const char *http_charset, struct arena *a, size_t *out_len,
            const char **encoding)
{
	char meta[48];
	meta_charset(data, len, meta, sizeof meta);
	const char *hint = http_charset && *http_charset ? http_charset : meta[0] ? meta : NULL;
	int has_bom = len >= 2 && ((unsigned char)data[0] == 0xFE || (unsigned char)data[0] == 0xFF ||
	                           ((unsigned char)data[0] == 0xEF && len >= 3));
	/* UTF-8 said or guessed: repair a few bad bytes instead of falling back to a legacy
	 * encoding for the whole page. */
	if (!has_bom && (!hint || str_casecmp(hint, "utf-8") == 0 || str_casecmp(hint, "utf8") == 0) &&
	    !utf8_valid(data, len) && (hint || mostly_utf8(data, len))) {
		struct buf b = BUF_INIT;
		utf8_sanitize(&b, data, len);
		*out_len = b.len;
		*encoding = "utf-8";
		const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
		buf_free(&b);
		return s;
	}
	/* An HTML page labelled Latin-1 or ASCII really is windows-1252 (browsers decode it
	 * so), unless its bytes are valid UTF-8: then the label is a server default. */
	if (hint && (str_casecmp(hint, "iso-8859-1") == 0 || str_casecmp(hint, "latin1") == 0 ||
	             str_casecmp(hint, "us-ascii") == 0 || str_casecmp(hint, "ascii") == 0))
		hint = utf8_valid(data, len) ? "utf-8" : "windows-1252";
	if (hint)
		hint = html_encoding(hint);
	struct charset_result r;
	charset_to_utf8(data, len, hint, NULL, a, &r);
	/* charset.c, strict as a feed parser, gives up on the declared encoding at its first
	 * broken byte and reads the whole page as another (GBK as windows-1252); a browser
	 * keeps the declared one and shows U+FFFD for the byte. Bytes that are valid UTF-8 keep
	 * charset.c's reading (a server's default label on a UTF-8 page), and so do 16/32-bit
	 * labels on a page laid out in bytes. */
	if (hint && r.problem && !has_bom && !str_istarts(hint, "utf") && !str_istarts(hint, "ucs") &&
	    !utf8_valid(data, len)) {
		struct buf b = BUF_INIT;
		char enc[48];
		size_t k = 0;
		for (; hint[k] && k + 1 < sizeof enc; k++)
			enc[k] = (char)ascii_lower(hint[k]);
		enc[k] = '\0';
		if (charset_convert(enc, data, len, 0, &b) == 0) {
			*out_len = b.len;
			*encoding = arena_strdup(a, enc);
			const char *s = arena_strndup(a, b.data ? b.data : "", b.len);
			buf_free(&b);
			return s;
		}
		buf_free(&b);
	}
	*out_len = r.len;
	*encoding = r.encoding ? r.encoding : "utf-8";
	return r.utf8 ? r.utf8 : "";
}
