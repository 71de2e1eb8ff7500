/* escape.c: escaping feed-supplied text for Markdown, mermaid, HTML/XML and URLs. */
#include "report/escape.h"

#include <stdio.h>
#include <string.h>

#include "util/html.h"
#include "util/str.h"
#include "util/utf8.h"

/* Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo, ... and their
 * presentation forms; the RTL blocks of the SMP). */
static int
is_rtl(uint32_t cp)
{
	return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
	       (cp >= 0xFE70 && cp <= 0xFEFE) || (cp >= 0x10800 && cp <= 0x10FFF) ||
	       (cp >= 0x1E800 && cp <= 0x1EFFF);
}

static int
is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

/* Decode the next kept code point of [*p, end); returns 0 at the end. */
static int
next_cp(const char **p, const char *end, uint32_t *cp)
{
	while (*p < end) {
		*p += utf8_decode(*p, (size_t)(end - *p), cp);
		if (!html_is_dropped(*cp))
			return 1;
	}
	return 0;
}

static int
has_rtl(const char *s)
{
	const char *p = s, *end = s + strlen(s);
	uint32_t cp;
	while (next_cp(&p, end, &cp))
		if (is_rtl(cp))
			return 1;
	return 0;
}

/* ASCII punctuation Markdown (CommonMark, GFM tables/strikethrough, math) gives meaning. */
static int
is_md_special(uint32_t cp)
{
	return cp < 0x80 && strchr("\\`*_[]<>|~#$", (int)cp) != NULL && cp != 0;
}

/* Escape one line's worth of text (no newlines in [s, end)); at_line_start says the
 * text begins a Markdown line, so block markers must be escaped too; keep_edges keeps one
 * space for leading and trailing whitespace (a span between citations or bold runs). */
static void
md_text(struct buf *b, const char *s, const char *end, int at_line_start, int keep_edges)
{
	const char *p = s;
	uint32_t cp, prev = ' ';
	int pending_space = 0, started = 0;
	while (next_cp(&p, end, &cp)) {
		if (is_space_cp(cp)) {
			pending_space = started || keep_edges;
			continue;
		}
		if (pending_space) {
			buf_putc(b, ' ');
			prev = ' ';
			pending_space = 0;
		}
		if (!started && at_line_start) {
			/* "- x", "+ x", "=== ", "1. x", "1) x" would start a block. */
			if (cp == '-' || cp == '+' || cp == '=') {
				buf_putc(b, '\\');
			} else if (cp >= '0' && cp <= '9') {
				const char *q = p - 1;
				while (q < end && is_ascii_digit((unsigned char)*q))
					buf_putc(b, *q++);
				if (q < end && (*q == '.' || *q == ')')) {
					buf_putc(b, '\\');
					buf_putc(b, *q++);
				}
				p = q;
				started = 1;
				prev = '0';
				continue;
			}
		}
		started = 1;
		if (cp == '_' && is_ascii_alnum((int)prev) && p < end && is_ascii_alnum((unsigned char)*p)) {
			buf_putc(b, '_'); /* intraword: cannot emphasise, keep snake_case readable */
		} else if (is_md_special(cp)) {
			buf_putc(b, '\\');
			buf_putc(b, (char)cp);
		} else if (cp == '&' && p < end && (is_ascii_alnum((unsigned char)*p) || *p == '#')) {
			buf_puts(b, "\\&"); /* would start an entity reference */
		} else {
			utf8_put(b, cp);
		}
		prev = cp;
	}
	if (pending_space && keep_edges)
		buf_putc(b, ' ');
}

void
esc_md_inline(struct buf *b, const char *s)
{
	if (!s)
		return;
	int rtl = has_rtl(s);
	if (rtl)
		utf8_put(b, 0x2068); /* FIRST STRONG ISOLATE */
	md_text(b, s, s + strlen(s), 1, 0); /* also after a list marker: "- - x" would nest a list */
	if (rtl)
		utf8_put(b, 0x2069); /* POP DIRECTIONAL ISOLATE */
}

void
esc_md_span(struct buf *b, const char *s, size_t len, int at_line_start)
{
	if (!s)
		return;
	int rtl = 0;
	const char *p = s;
	uint32_t cp;
	while (!rtl && next_cp(&p, s + len, &cp))
		rtl = is_rtl(cp);
	if (rtl)
		utf8_put(b, 0x2068);
	md_text(b, s, s + len, at_line_start, 1);
	if (rtl)
		utf8_put(b, 0x2069);
}

static int
is_blank(const char *s, const char *end)
{
	const char *p = s;
	uint32_t cp;
	while (next_cp(&p, end, &cp))
		if (!is_space_cp(cp))
			return 0;
	return 1;
}

void
esc_md_block(struct buf *b, const char *s, const char *prefix)
{
	if (!s)
		s = "";
	const char *p = s, *end = s + strlen(s);
	size_t prefix_len = strlen(prefix);
	while (prefix_len > 0 && prefix[prefix_len - 1] == ' ')
		prefix_len--; /* the prefix of a blank line: "> " -> ">" */
	int rtl = has_rtl(s);
	int lines = 0, pending_blank = 0;
	while (p <= end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl ? nl : end;
		if (is_blank(p, line_end)) {
			pending_blank = lines > 0;
		} else {
			if (pending_blank) {
				buf_append(b, prefix, prefix_len);
				buf_putc(b, '\n');
			}
			pending_blank = 0;
			buf_puts(b, prefix);
			if (rtl)
				utf8_put(b, 0x2068);
			md_text(b, p, line_end, 1, 0);
			if (rtl)
				utf8_put(b, 0x2069);
			buf_putc(b, '\n');
			lines++;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	if (lines == 0 && prefix_len > 0) {
		buf_append(b, prefix, prefix_len);
		buf_putc(b, '\n');
	}
}

void
esc_md_quote(struct buf *b, const char *s)
{
	esc_md_block(b, s, "> ");
}

int
esc_url_ok(const char *url)
{
	if (!url || !(str_istarts(url, "http://") || str_istarts(url, "https://")))
		return 0;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p < 0x20 || *p == 0x7F)
			return 0;
	return url[strlen("http://")] != '\0';
}

void
esc_md_url(struct buf *b, const char *url)
{
	for (const char *p = url ? url : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= ' ' || strchr("()<>\"'\\`{}", c) || c >= 0x7F)
			buf_printf(b, "%%%02X", c);
		else
			buf_putc(b, (char)c);
	}
}

void
esc_site_body(struct buf *b, const char *md)
{
	for (const char *p = md ? md : ""; *p; p++) {
		buf_putc(b, *p);
		if (*p == '{' && (p[1] == '{' || p[1] == '%' || p[1] == ':'))
			utf8_put(b, 0x2060); /* WORD JOINER: invisible, and no line break either */
	}
}

void
esc_mermaid(struct buf *b, const char *s, size_t max_chars)
{
	if (!s)
		return;
	const char *p = s, *end = s + strlen(s);
	uint32_t cp;
	size_t n = 0;
	int pending_space = 0;
	uint32_t prev = 0;
	while (next_cp(&p, end, &cp)) {
		if (is_space_cp(cp)) {
			pending_space = n > 0;
			continue;
		}
		if (max_chars && n + 1 >= max_chars && p < end && !is_blank(p, end)) {
			buf_puts(b, "…");
			return;
		}
		if (pending_space) {
			buf_putc(b, ' ');
			pending_space = 0;
			prev = ' ';
		}
		switch (cp) {
		case '"': case '`': buf_putc(b, '\''); break;
		case '#': buf_puts(b, "＃"); break;
		case '<': buf_puts(b, "‹"); break;
		case '>': buf_puts(b, "›"); break;
		/* "%%" anywhere in a diagram is mermaid's: "%%{init: ...}%%" is a directive that
		 * reconfigures the chart (theme, CSS), and a label opening with "%%" is a parse error */
		case '%': buf_puts(b, prev == '%' ? "％" : "%"); break;
		default: utf8_put(b, cp);
		}
		prev = cp;
		n++;
	}
}

void
esc_html(struct buf *b, const char *s)
{
	if (s)
		html_escape_line(b, s, strlen(s));
}

void
esc_xml(struct buf *b, const char *s)
{
	esc_html(b, s);
}

void
esc_html_paras(struct buf *b, const char *s)
{
	if (!s)
		return;
	const char *p = s, *end = s + strlen(s);
	int in_para = 0, pending_br = 0;
	while (p <= end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl ? nl : end;
		if (is_blank(p, line_end)) {
			if (in_para)
				buf_puts(b, "</p>\n");
			in_para = pending_br = 0;
		} else {
			if (!in_para)
				buf_puts(b, "<p dir=\"auto\">");
			else if (pending_br)
				buf_puts(b, "<br>\n");
			const char *q = p;
			size_t len = (size_t)(line_end - p);
			str_trim(&q, &len);
			html_escape_line(b, q, len);
			in_para = pending_br = 1;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	if (in_para)
		buf_puts(b, "</p>\n");
}

size_t
esc_backtick_run(const char *s)
{
	size_t best = 0, run = 0;
	for (; s && *s; s++) {
		run = *s == '`' ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

void
esc_fit_width(struct buf *b, const char *s, size_t max_width)
{
	if (!s)
		return;
	const char *p = s, *end = s + strlen(s);
	size_t w = 0, start = b->len;
	int pending_space = 0;
	uint32_t cp;
	while (next_cp(&p, end, &cp)) {
		if (is_space_cp(cp)) {
			pending_space = b->len > start;
			continue;
		}
		size_t cw = (size_t)utf8_cp_width(cp) + (size_t)pending_space;
		/* Keep one column for the ellipsis unless this is the last character. */
		if (w + cw > max_width || (w + cw == max_width && !is_blank(p, end))) {
			buf_puts(b, "…");
			return;
		}
		if (pending_space)
			buf_putc(b, ' ');
		pending_space = 0;
		utf8_put(b, cp);
		w += cw;
	}
}
