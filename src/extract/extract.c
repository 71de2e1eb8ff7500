/* extract.c: run the extraction passes over a page, retrying with relaxed rules when the
 * result is too short (a page whose class names all look like boilerplate, or whose
 * article is a list), and keep the best attempt. */
#include "extract/extract.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/passes.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/utf8.h"

/* An attempt with at least this many characters of text (a few sentences) is good enough:
 * relaxing the rules for more tends to bring back comments and teasers. */
#define ENOUGH_CHARS 250
/* The most sibling blocks an article can be made of. */
#define MAX_BLOCKS 4096

static const int attempts[] = {FLAG_ALL, FLAG_ALL & ~FLAG_STRIP_UNLIKELY,
                               FLAG_ALL & ~FLAG_STRIP_UNLIKELY & ~FLAG_WEIGHT_CLASSES, 0};

xmlDocPtr
page_parse(const char *utf8, size_t len, const char *url)
{
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	           HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD | HTML_PARSE_COMPACT;
	return htmlReadMemory(utf8, (int)len, url, "UTF-8", opts);
}

/* The end of the tag that starts at s[i] ('<'): past its '>', skipping quoted attribute
 * values (a '>' inside one does not end the tag); len at the end of the page. */
static size_t
tag_end(const char *s, size_t len, size_t i)
{
	for (i++; i < len && s[i] != '>'; i++) {
		if (s[i] != '=')
			continue;
		while (i + 1 < len && is_ascii_space(s[i + 1]))
			i++;
		if (i + 1 < len && (s[i + 1] == '"' || s[i + 1] == '\'')) {
			const char *q = memchr(s + i + 2, s[i + 1], len - i - 2);
			if (!q)
				return len;
			i = (size_t)(q - s);
		}
	}
	return i < len ? i + 1 : len;
}

/* The position of the first case-insensitive occurrence of the ASCII needle in s[i..len),
 * or len. */
static size_t
find_ci(const char *s, size_t len, size_t i, const char *needle)
{
	const char *p = str_icasestr(s + i, len - i, needle);
	return p ? (size_t)(p - s) : len;
}

/* The page without what browsers read as comments but libxml2 2.9 keeps as text: "<!" that
 * opens neither a comment nor a doctype, and "</" before anything but a letter, up to the
 * next '>' (HTML's bogus comment). Word's downlevel-revealed conditional comments ("<![if
 * !supportLists]>", "<![endif]>" in every page pasted from Word) otherwise reach the
 * article's text. Comments, tags and script/style bodies are stepped over, so only markup
 * is cut. Returns data itself when there is nothing to cut, else a copy in a. */
static const char *
cut_bogus_comments(const char *data, size_t len, struct arena *a, size_t *out_len)
{
	struct buf b = BUF_INIT;
	size_t copied = 0, i = 0;
	*out_len = len;
	while (i < len) {
		const char *lt = memchr(data + i, '<', len - i);
		if (!lt)
			break;
		i = (size_t)(lt - data);
		const char *rest = data + i;
		size_t left = len - i;
		int is_bogus = 0;
		if (left >= 4 && memcmp(rest, "<!--", 4) == 0) {
			size_t end = find_ci(data, len, i + 4, "-->");
			i = end < len ? end + 3 : len;
			continue;
		}
		if (left >= 2 && rest[1] == '!')
			is_bogus = !(left >= 9 && str_ncasecmp(rest, "<!doctype", 9) == 0);
		else if (left >= 2 && rest[1] == '/')
			is_bogus = left >= 3 && !is_ascii_alpha(rest[2]); /* "</>" is dropped too */
		if (is_bogus) {
			const char *gt = memchr(rest, '>', left);
			size_t end = gt ? (size_t)(gt - data) + 1 : len;
			buf_append(&b, data + copied, i - copied);
			copied = end;
			i = end;
			continue;
		}
		size_t end = tag_end(data, len, i);
		/* a script or style body is raw text up to its end tag */
		static const char *const raw[] = {"script", "style"};
		for (size_t k = 0; k < sizeof raw / sizeof raw[0]; k++) {
			size_t n = strlen(raw[k]);
			if (left > n + 1 && str_ncasecmp(rest + 1, raw[k], n) == 0 &&
			    (is_ascii_space(rest[n + 1]) || rest[n + 1] == '>' || rest[n + 1] == '/')) {
				char close[16];
				snprintf(close, sizeof close, "</%s", raw[k]);
				end = find_ci(data, len, end, close);
				break;
			}
		}
		i = end;
	}
	if (copied == 0)
		return data;
	buf_append(&b, data + copied, len - copied);
	*out_len = b.len;
	const char *s = arena_strndup(a, buf_str(&b), b.len);
	buf_free(&b);
	return s;
}

/* The first paragraph of text (up to 300 characters), for pages without a description. */
static const char *
first_paragraph(const char *text, struct arena *a)
{
	const char *end = strstr(text, "\n\n");
	size_t len = end ? (size_t)(end - text) : strlen(text);
	len = utf8_prefix_chars(text, len, 300);
	return len ? arena_strndup(a, text, len) : NULL;
}

int
extract_page(const char *data, size_t len, const struct extract_opts *opts, struct arena *a,
             struct extract_result *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (len > INT_MAX / 2)
		return err_set(e, "page too large to extract (%zu bytes)", len);
	size_t ulen;
	const char *utf8 = decode_page(data, len, opts->http_charset, a, &ulen, &out->encoding);
	utf8 = cut_bogus_comments(utf8, ulen, a, &ulen);
	struct buf text = BUF_INIT, html = BUF_INIT, best_text = BUF_INIT, best_html = BUF_INIT;
	size_t best_chars = 0;
	xmlNodePtr *nodes = xmalloc(MAX_BLOCKS * sizeof *nodes);
	int rc = 0;
	const char *base = opts->url;
	for (size_t i = 0; i < sizeof attempts / sizeof attempts[0]; i++) {
		xmlDocPtr doc = page_parse(utf8, ulen, opts->url);
		if (!doc) {
			if (i == 0 && ulen > 0)
				rc = err_set(e, "cannot parse the page as HTML");
			break;
		}
		if (i == 0) {
			meta_read(doc, a, out);
			base = meta_base_url(doc, opts->url, a);
		}
		struct dom_ctx c = {a, attempts[i], doc, NULL, out->title};
		prep_page(&c);
		size_t n = score_pick(&c, nodes, MAX_BLOCKS);
		buf_clear(&text);
		buf_clear(&html);
		if (n > 0) {
			clean_article(&c, nodes, n);
			render_text(nodes, n, &text);
			if (opts->want_html)
				render_html(nodes, n, base, &html);
		}
		xmlFreeDoc(doc);
		size_t chars = utf8_count(buf_str(&text), text.len);
		if (chars > best_chars) {
			best_chars = chars;
			buf_clear(&best_text);
			buf_append(&best_text, buf_str(&text), text.len);
			buf_clear(&best_html);
			buf_append(&best_html, buf_str(&html), html.len);
		}
		if (chars >= ENOUGH_CHARS)
			break;
	}
	free(nodes);
	out->found = best_chars > 0;
	out->text = arena_strndup(a, buf_str(&best_text), best_text.len);
	out->text_len = best_text.len;
	out->html = opts->want_html ? arena_strndup(a, buf_str(&best_html), best_html.len) : NULL;
	if (!out->excerpt && out->found)
		out->excerpt = first_paragraph(out->text, a);
	buf_free(&text);
	buf_free(&html);
	buf_free(&best_text);
	buf_free(&best_html);
	return rc;
}
