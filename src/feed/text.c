/* text.c: HTML to plain text: strip tags, decode references, collapse whitespace, keep block
 * boundaries as line breaks.
 * A single forward pass with no allocation besides the output buffer. */
#include "feed/text.h"

#include <stdlib.h>
#include <string.h>

#include "feed/entities.h"
#include "util/str.h"
#include "util/utf8.h"

/* Elements whose boundaries separate lines (a paragraph, a heading, a list item, a cell): the
 * text keeps them as one line break, so that a heading is not read as the start of the
 * sentence after it. Sorted for bsearch. */
static const char *const block_elements[] = {
	"address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
	"details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
	"form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "iframe", "img",
	"li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
	"tfoot", "th", "thead", "tr", "ul", "video",
};

/* Elements whose content is not text. Sorted for bsearch. */
static const char *const skipped_elements[] = {"head", "noscript", "script", "style", "template", "title"};

struct name_key {
	const char *s;
	size_t len;
};

static int
cmp_name(const void *k, const void *e)
{
	const struct name_key *key = k;
	const char *name = *(const char *const *)e;
	size_t n = strlen(name);
	int c = 0;
	for (size_t i = 0; i < key->len && i < n && !c; i++)
		c = ascii_lower((unsigned char)key->s[i]) - (unsigned char)name[i];
	if (c)
		return c;
	return key->len < n ? -1 : key->len > n;
}

static int
name_in(const char *const *table, size_t count, const char *s, size_t len)
{
	struct name_key key = {s, len};
	return bsearch(&key, table, count, sizeof *table, cmp_name) != NULL;
}

/* The output state: collapse whitespace as we go, never emit leading space. */
struct out_state {
	struct buf *out;
	size_t start;
	size_t max;
	int pending_space; /* 1: a space before the next text, 2: a line break (a block ended) */
	int is_full;
};

/* Whitespace in the text: a space before the next word, unless a line break is due already. */
static void
space_pending(struct out_state *o)
{
	if (!o->pending_space)
		o->pending_space = 1;
}

/* The index after the run of whitespace at s[i..len); *blank_line: the run holds a blank line
 * (two newlines or more), which ends a paragraph of plain text. */
static size_t
skip_space(const char *s, size_t len, size_t i, int *blank_line)
{
	int newlines = 0;
	for (; i < len && is_ascii_space(s[i]); i++)
		newlines += s[i] == '\n';
	*blank_line = newlines >= 2;
	return i;
}

/* The run of whitespace at s[i..len): a line break when it holds a blank line, else a space.
 * Returns the index after the run. */
static size_t
whitespace_run(struct out_state *o, const char *s, size_t len, size_t i)
{
	int blank_line;
	i = skip_space(s, len, i, &blank_line);
	if (blank_line)
		o->pending_space = 2;
	else
		space_pending(o);
	return i;
}

static void
emit(struct out_state *o, const char *s, size_t len)
{
	if (o->is_full)
		return;
	if (o->pending_space && o->out->len > o->start)
		buf_putc(o->out, o->pending_space == 2 ? '\n' : ' ');
	o->pending_space = 0;
	if (o->max && o->out->len - o->start + len > o->max) {
		size_t used = o->out->len - o->start;
		len = used < o->max ? o->max - used : 0;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--; /* never split a code point */
		o->is_full = 1;
	}
	buf_append(o->out, s, len);
}

static void
emit_text(struct out_state *o, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		if (is_ascii_space(s[i])) {
			i = whitespace_run(o, s, len, i);
			continue;
		}
		size_t j = i;
		while (j < len && !is_ascii_space(s[j]) && s[j] != '&')
			j++;
		if (j > i) {
			emit(o, s + i, j - i);
			i = j;
			continue;
		}
		/* s[i] == '&' */
		uint32_t cp;
		size_t n = entity_decode_ref(s + i, len - i, &cp);
		if (n == 0) {
			emit(o, "&", 1);
			i++;
			continue;
		}
		i += n;
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
			space_pending(o);
			continue;
		}
		char enc[4];
		emit(o, enc, utf8_encode(cp, enc));
	}
}

/* s[0] == '<'. Return the offset just past the tag, or 0 when the '<' does not
 * start markup. Sets name/name_len and is_end for element tags. */
static size_t
scan_tag(const char *s, size_t len, const char **name, size_t *name_len, int *is_end)
{
	size_t i = 1;
	*name_len = 0;
	*is_end = 0;
	if (i < len && s[i] == '/') {
		*is_end = 1;
		i++;
	}
	if (i >= len || !(is_ascii_alpha(s[i]) || (!*is_end && (s[i] == '!' || s[i] == '?'))))
		return 0;
	*name = s + i;
	while (i < len && (is_ascii_alnum(s[i]) || s[i] == ':' || s[i] == '-' || s[i] == '_'))
		i++;
	*name_len = (size_t)(s + i - *name);
	char quote = 0;
	for (; i < len; i++) {
		if (quote) {
			if (s[i] == quote)
				quote = 0;
		} else if (s[i] == '"' || s[i] == '\'') {
			quote = s[i];
		} else if (s[i] == '>') {
			return i + 1;
		}
	}
	return len;
}

/* Find the end tag </name ...> case-insensitively from s; return offset after it, or len. */
static size_t
skip_to_end_tag(const char *s, size_t len, const char *name, size_t name_len)
{
	for (size_t i = 0; i + 2 + name_len <= len; i++) {
		if (s[i] == '<' && s[i + 1] == '/' && str_ncasecmp(s + i + 2, name, name_len) == 0) {
			const char *gt = memchr(s + i, '>', len - i);
			return gt ? (size_t)(gt - s) + 1 : len;
		}
	}
	return len;
}

void
text_from_html(const char *html, size_t len, size_t max_out, struct buf *out)
{
	struct out_state o = {out, out->len, max_out, 0, 0};
	buf_append(out, "", 0);
	size_t i = 0;
	while (i < len && !o.is_full) {
		const char *lt = memchr(html + i, '<', len - i);
		size_t stop = lt ? (size_t)(lt - html) : len;
		emit_text(&o, html + i, stop - i);
		i = stop;
		if (i >= len)
			break;
		if (len - i >= 4 && memcmp(html + i, "<!--", 4) == 0) {
			const char *end = NULL;
			for (size_t j = i + 4; j + 3 <= len; j++)
				if (html[j] == '-' && html[j + 1] == '-' && html[j + 2] == '>') {
					end = html + j + 3;
					break;
				}
			i = end ? (size_t)(end - html) : len;
			continue;
		}
		if (len - i >= 9 && memcmp(html + i, "<![CDATA[", 9) == 0) {
			size_t j = i + 9;
			while (j + 3 <= len && memcmp(html + j, "]]>", 3) != 0)
				j++;
			size_t end = j + 3 <= len ? j : len;
			/* CDATA content is literal text: no references inside */
			for (size_t k = i + 9; k < end;) {
				size_t m = k;
				while (m < end && !is_ascii_space(html[m]))
					m++;
				if (m > k)
					emit(&o, html + k, m - k);
				k = m < end ? whitespace_run(&o, html, end, m) : m;
			}
			i = end + 3 <= len ? end + 3 : len;
			continue;
		}
		const char *name;
		size_t name_len;
		int is_end;
		size_t n = scan_tag(html + i, len - i, &name, &name_len, &is_end);
		if (n == 0) {
			emit(&o, "<", 1);
			i++;
			continue;
		}
		i += n;
		if (name_in(block_elements, sizeof block_elements / sizeof *block_elements, name, name_len))
			o.pending_space = 2;
		else if (!is_end && html[i - 2] != '/' &&
		         name_in(skipped_elements, sizeof skipped_elements / sizeof *skipped_elements, name,
		                 name_len))
			i += skip_to_end_tag(html + i, len - i, name, name_len);
	}
}

/* Append s[0..len) to out, trimmed, each run of whitespace one space; with paragraphs, a run
 * holding a blank line (two newlines or more) one line break instead. */
static void
collapse(const char *s, size_t len, int paragraphs, struct buf *out)
{
	size_t start = out->len;
	size_t i = 0;
	while (i < len) {
		int blank_line;
		i = skip_space(s, len, i, &blank_line);
		size_t word = i;
		while (i < len && !is_ascii_space(s[i]))
			i++;
		if (i == word)
			break;
		if (out->len > start)
			buf_putc(out, paragraphs && blank_line ? '\n' : ' ');
		buf_append(out, s + word, i - word);
	}
}

void
text_plain_body(const char *s, size_t len, struct buf *out)
{
	collapse(s, len, 1, out);
}

void
text_collapse_space(const char *s, size_t len, struct buf *out)
{
	collapse(s, len, 0, out);
}

int
text_has_markup(const char *s, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++) {
		if (s[i] == '<' && (is_ascii_alpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!'))
			return 1;
		if (s[i] == '&') {
			uint32_t cp;
			if (entity_decode_ref(s + i, len - i, &cp))
				return 1;
		}
	}
	return 0;
}
