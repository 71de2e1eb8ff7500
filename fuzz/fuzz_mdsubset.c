/* fuzz_mdsubset.c: libFuzzer target for the Markdown subset renderer (report/mdsubset):
 * mds_html (plain and styled), mds_html_inline, mds_md, mds_md_inline, mds_text, mds_strip.
 * The first byte picks the number of references (0..7) and the style; the rest is the text.
 * Invariants (abort() on violation, so libFuzzer reports the input):
 *   HTML: every '<' opens one of the renderer's own tags (p, strong, ul, ol, li, a, sup),
 *         the tags nest properly, no "<script" and no "javascript:" anywhere inside a tag,
 *         every href is "#ref-N", and each '<' / '>' of the text comes out as &lt; / &gt;
 *         (the renderer drops no angle bracket and lets none through);
 *   Markdown: no unescaped '<', every link destination is http(s) (the reference list has
 *         a javascript: URL, which must never be linked);
 *   text: normalising twice gives what normalising once gave. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/mdsubset.h"
#include "util/str.h"

static const char *const links[] = {
	"https://example.com/a(b)", "javascript:alert(1)", "http://example.org/<script>x</script>",
	NULL, "ftp://example.net/", "https://example.com/\"onmouseover=x", "data:text/html,<b>", "http://ok.example/",
};

static const struct mds_style styled = {"margin:0", "font-weight:bold", "padding-left:1em", "line-height:1.5",
                                        "vertical-align:super"};

static size_t
count_str(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

static size_t
count_char(const char *s, char c)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}

/* The tag checks on one HTML rendering. */
static void
check_html(const struct buf *out, size_t lt, size_t gt)
{
	static const char *const tags[] = {"p", "strong", "ul", "ol", "li", "a", "sup"};
	const char *s = buf_str(out);
	size_t len = out->len;
	int stack[256], depth = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '>')
			abort(); /* a bare '>' outside a tag */
		if (s[i] != '<')
			continue;
		const char *close = memchr(s + i, '>', len - i);
		if (!close)
			abort();
		size_t tl = (size_t)(close - (s + i)) + 1;
		const char *tag = s + i;
		if (memchr(tag + 1, '<', tl - 1) || str_icasestr(tag, tl, "javascript:") || str_icasestr(tag, tl, "script"))
			abort();
		int is_end = tag[1] == '/';
		const char *name = tag + 1 + is_end;
		size_t nl = 0;
		while (is_ascii_alpha((unsigned char)name[nl]))
			nl++;
		int which = -1;
		for (int t = 0; t < (int)(sizeof tags / sizeof tags[0]); t++)
			if (strlen(tags[t]) == nl && memcmp(tags[t], name, nl) == 0)
				which = t;
		if (which < 0)
			abort();
		const char *href = str_icasestr(tag, tl, "href=");
		if (href && strncmp(href, "href=\"#ref-", 11) != 0)
			abort();
		if (is_end) {
			if (depth == 0 || stack[--depth] != which)
				abort();
		} else {
			if (depth == (int)(sizeof stack / sizeof stack[0]))
				abort();
			stack[depth++] = which;
		}
		i += tl - 1;
	}
	if (depth != 0)
		abort();
	if (count_str(s, "&lt;") != lt || count_str(s, "&gt;") != gt)
		abort();
}

/* Markdown: a '<' only escaped, every link destination http(s). */
static void
check_md(const struct buf *out)
{
	const char *s = buf_str(out);
	for (size_t i = 0; i < out->len; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		if (s[i] == '<')
			abort();
		if (s[i] == ']' && i + 1 < out->len && s[i + 1] == '(' && strncmp(s + i + 2, "http://", 7) != 0 &&
		    strncmp(s + i + 2, "https://", 8) != 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	struct mds_refs refs = {data[0] & 7u, links};
	const struct mds_style *style = (data[0] & 8u) ? &styled : NULL;
	const struct mds_refs *r = (data[0] & 16u) ? NULL : &refs;
	char *text = xstrndup((const char *)data + 1, size - 1); /* the API takes C strings */
	size_t lt = count_char(text, '<'), gt = count_char(text, '>');

	struct buf out = BUF_INIT;
	mds_html(&out, text, r, style);
	check_html(&out, lt, gt);
	buf_free(&out);
	mds_html_inline(&out, text, r, style);
	check_html(&out, lt, gt);
	buf_free(&out);

	mds_md(&out, text, r);
	check_md(&out);
	buf_free(&out);
	mds_md_inline(&out, text, r);
	check_md(&out);
	buf_free(&out);

	struct buf again = BUF_INIT;
	mds_text(&out, text);
	mds_text(&again, buf_str(&out));
	if (out.len != again.len || (out.len && memcmp(out.data, again.data, out.len) != 0))
		abort();
	buf_free(&again);
	buf_free(&out);

	mds_strip(&out, text);
	buf_free(&out);
	free(text);
	return 0;
}
