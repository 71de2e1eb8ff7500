/* mdsubset.c: parsing and rendering the safe Markdown subset of long-form text
 * (mdsubset.h). One walker serves every output: it splits the text into line blocks
 * (paragraph, bullet item, numbered item) and each line into text, bold runs and
 * citations; the output format only decides how each piece is written. */
#include "report/mdsubset.h"

#include <stdlib.h>
#include <string.h>

#include "report/escape.h"
#include "util/str.h"

enum fmt { F_MD, F_HTML, F_TEXT, F_STRIP };

enum kind { K_PARA, K_BULLET, K_NUMBER };

struct ctx {
	enum fmt f;
	struct buf *out;
	const struct mds_refs *refs;
	const struct mds_style *st;
	int line_start; /* Markdown: the next text begins a line (escape block markers) */
};

/* One line of the text, classified. */
struct line {
	enum kind kind;
	long number;       /* K_NUMBER: the number written */
	const char *text;  /* after the marker, trimmed */
	size_t len;
};

/* Classify [s, s+len) (already trimmed, non-empty). */
static struct line
classify(const char *s, size_t len)
{
	struct line l = {K_PARA, 0, s, len};
	size_t skip = 0;
	/* A marker is followed by any ASCII space (" ", a tab, a stray CR): every rendering
	 * shows them as a space, so the normalised text must read back the same way. */
	if (len >= 2 && (s[0] == '-' || s[0] == '*') && is_ascii_space((unsigned char)s[1])) {
		l.kind = K_BULLET;
		skip = 2;
	} else if (len >= 3 && memcmp(s, "•", 3) == 0) {
		l.kind = K_BULLET;
		skip = 3;
	} else {
		size_t d = 0;
		long n = 0;
		while (d < len && d < 4 && is_ascii_digit((unsigned char)s[d]))
			n = n * 10 + (s[d++] - '0');
		if (d >= 1 && d <= 3 && n >= 1) {
			const char *rest = s + d;
			size_t left = len - d;
			if (left >= 2 && (rest[0] == '.' || rest[0] == ')') && is_ascii_space((unsigned char)rest[1]))
				skip = d + 2;
			else if (left >= 3 && (memcmp(rest, "、", 3) == 0 || memcmp(rest, "）", 3) == 0))
				skip = d + 3;
			if (skip) {
				l.kind = K_NUMBER;
				l.number = n;
			}
		}
	}
	if (skip) {
		l.text = s + skip;
		l.len = len - skip;
		str_trim(&l.text, &l.len);
		if (l.len == 0) /* a bare marker is text, not an empty item */
			return (struct line){K_PARA, 0, s, len};
	}
	return l;
}

static void
put_text(struct ctx *c, const char *s, size_t len)
{
	if (len == 0)
		return;
	switch (c->f) {
	case F_MD:
		esc_md_span(c->out, s, len, c->line_start);
		break;
	case F_HTML: {
		char *t = xstrndup(s, len);
		esc_html(c->out, t);
		free(t);
		break;
	}
	case F_TEXT:
	case F_STRIP:
		for (size_t i = 0; i < len; i++) /* inline mode: lines joined by a space */
			buf_putc(c->out, s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
		break;
	}
	c->line_start = 0;
}

static void
put_bold(struct ctx *c, int open)
{
	if (c->f == F_MD || c->f == F_TEXT) {
		buf_puts(c->out, "**");
	} else if (c->f == F_HTML) {
		if (!open)
			buf_puts(c->out, "</strong>");
		else if (c->st && c->st->strong)
			buf_printf(c->out, "<strong style=\"%s\">", c->st->strong);
		else
			buf_puts(c->out, "<strong>");
	}
	c->line_start = 0;
}

static void
put_cite(struct ctx *c, long id)
{
	const char *link = c->refs->links ? c->refs->links[id - 1] : NULL;
	switch (c->f) {
	case F_MD:
		if (esc_url_ok(link)) {
			buf_printf(c->out, "[\\[%ld\\]](", id);
			esc_md_url(c->out, link);
			buf_putc(c->out, ')');
		} else {
			buf_printf(c->out, "\\[%ld\\]", id);
		}
		break;
	case F_HTML:
		if (c->st && c->st->cite)
			buf_printf(c->out, "<sup style=\"%s\">[%ld]</sup>", c->st->cite, id);
		else
			buf_printf(c->out, "<a class=\"ref\" href=\"#ref-%ld\">[%ld]</a>", id, id);
		break;
	case F_TEXT:
	case F_STRIP:
		buf_printf(c->out, "[%ld]", id);
		break;
	}
	c->line_start = 0;
}

/* The length of a citation of a known reference at s ("[12]" -> 4, id in *id), else 0. */
static size_t
cite_at(const struct ctx *c, const char *s, size_t len, long *id)
{
	if (len < 3 || s[0] != '[' || !c->refs)
		return 0;
	size_t j = 1;
	long n = 0;
	while (j < len && j < 5 && is_ascii_digit((unsigned char)s[j]))
		n = n * 10 + (s[j++] - '0');
	if (j == 1 || j >= len || s[j] != ']' || n < 1 || (size_t)n > c->refs->count)
		return 0;
	*id = n;
	return j + 1;
}

/* Where the bold run opened by the "**" at s[i] closes (index of the closing "**"), or 0
 * when it does not: the run is non-empty, starts and ends with a non-space, stays on one
 * line. When the search for a closer reaches the end of the line (or of s) in vain, *dead
 * is set to that index: no opener before it can close either, since a closer does not
 * depend on its opener. */
static size_t
bold_close(const char *s, size_t len, size_t i, size_t *dead)
{
	size_t a = i + 2;
	if (a >= len || is_ascii_space((unsigned char)s[a]) || s[a] == '*')
		return 0;
	size_t j;
	for (j = a + 1; j + 1 < len; j++) {
		if (s[j] == '\n')
			break;
		if (s[j] == '*' && s[j + 1] == '*' && !is_ascii_space((unsigned char)s[j - 1]))
			return j;
	}
	*dead = j;
	return 0;
}

/* Walk one line (or, inline, the whole text): text, bold runs, citations. */
static void
walk_inline(struct ctx *c, const char *s, size_t len, int in_bold)
{
	size_t start = 0;
	size_t dead = 0; /* openers before this index have no closer (bold_close): skip them, so a
	                  * line of many unclosed "**x" costs linear time, not quadratic */
	for (size_t i = 0; i < len;) {
		long id;
		size_t n = cite_at(c, s + i, len - i, &id);
		if (n) {
			put_text(c, s + start, i - start);
			put_cite(c, id);
			i += n;
			start = i;
			continue;
		}
		size_t close;
		if (!in_bold && i >= dead && s[i] == '*' && i + 1 < len && s[i + 1] == '*' &&
		    (close = bold_close(s, len, i, &dead))) {
			put_text(c, s + start, i - start);
			put_bold(c, 1);
			walk_inline(c, s + i + 2, close - i - 2, 1);
			put_bold(c, 0);
			i = close + 2;
			start = i;
			continue;
		}
		i++;
	}
	put_text(c, s + start, len - start);
}

static void
open_block(struct ctx *c, const struct line *l, long md_number)
{
	if (c->f == F_MD || c->f == F_TEXT) {
		if (l->kind == K_BULLET)
			buf_puts(c->out, "- ");
		else if (l->kind == K_NUMBER)
			buf_printf(c->out, "%ld. ", md_number);
		c->line_start = 1;
		return;
	}
	const char *tag = l->kind == K_PARA ? "p" : "li";
	const char *style = c->st ? (l->kind == K_PARA ? c->st->p : c->st->li) : NULL;
	if (style)
		buf_printf(c->out, "<%s style=\"%s\">", tag, style);
	else if (l->kind == K_PARA)
		buf_puts(c->out, "<p dir=\"auto\">");
	else
		buf_puts(c->out, "<li>");
}

static void
close_block(struct ctx *c, const struct line *l)
{
	if (c->f == F_HTML)
		buf_puts(c->out, l->kind == K_PARA ? "</p>\n" : "</li>\n");
	else
		buf_putc(c->out, '\n');
}

/* HTML: close the list of kind prev (K_PARA = none) and open the one next starts
 * (next NULL or a paragraph = none). */
static void
list_switch(struct ctx *c, enum kind prev, const struct line *next)
{
	if (prev != K_PARA)
		buf_puts(c->out, prev == K_BULLET ? "</ul>\n" : "</ol>\n");
	if (!next || next->kind == K_PARA)
		return;
	buf_puts(c->out, next->kind == K_BULLET ? "<ul" : "<ol");
	if (next->kind == K_NUMBER && next->number != 1)
		buf_printf(c->out, " start=\"%ld\"", next->number);
	if (c->st && c->st->list)
		buf_printf(c->out, " style=\"%s\"", c->st->list);
	buf_puts(c->out, ">\n");
}

/* Every non-blank line is a block; consecutive items of one kind form a list. Markdown
 * and text separate blocks by a blank line and list items by a newline. */
static void
walk_blocks(struct ctx *c, const char *text)
{
	enum kind prev = K_PARA;
	long number = 0;
	int first = 1;
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const char *s = p;
		str_trim(&s, &len);
		p = nl ? nl + 1 : p + strlen(p);
		if (len == 0)
			continue;
		struct line l = classify(s, len);
		/* A numbered list ends at 999: "1000. " is no item of the subset, so the normalised
		 * text would read back as a paragraph; the next item starts a list of its own. */
		if (!first && prev == l.kind && l.kind != K_PARA && !(l.kind == K_NUMBER && number >= 999)) {
			number++;
		} else {
			number = l.number;
			if (c->f == F_HTML)
				list_switch(c, prev, &l);
			else if (!first)
				buf_putc(c->out, '\n');
		}
		open_block(c, &l, number);
		walk_inline(c, l.text, l.len, 0);
		close_block(c, &l);
		prev = l.kind;
		first = 0;
	}
	if (first)
		return;
	if (c->f == F_HTML) {
		list_switch(c, prev, NULL);
	} else if (c->f == F_MD) {
		buf_putc(c->out, '\n');
	} else { /* text: no trailing newline */
		c->out->len--;
		c->out->data[c->out->len] = '\0';
	}
}

void
mds_md(struct buf *out, const char *text, const struct mds_refs *refs)
{
	struct ctx c = {F_MD, out, refs, NULL, 1};
	walk_blocks(&c, text);
}

void
mds_html(struct buf *out, const char *text, const struct mds_refs *refs, const struct mds_style *style)
{
	struct ctx c = {F_HTML, out, refs, style, 0};
	walk_blocks(&c, text);
}

void
mds_text(struct buf *out, const char *text)
{
	struct ctx c = {F_TEXT, out, NULL, NULL, 0};
	walk_blocks(&c, text);
}

void
mds_html_inline(struct buf *out, const char *text, const struct mds_refs *refs, const struct mds_style *style)
{
	struct ctx c = {F_HTML, out, refs, style, 0};
	if (text)
		walk_inline(&c, text, strlen(text), 0);
}

void
mds_md_inline(struct buf *out, const char *text, const struct mds_refs *refs)
{
	struct ctx c = {F_MD, out, refs, NULL, 1}; /* it begins a line: "- x" or "2. x" would be a list */
	if (text) {
		const char *s = text;
		size_t len = strlen(text);
		str_trim(&s, &len);
		walk_inline(&c, s, len, 0);
	}
}

void
mds_text_inline(struct buf *out, const char *text)
{
	struct ctx c = {F_TEXT, out, NULL, NULL, 0};
	if (text) {
		const char *s = text;
		size_t len = strlen(text);
		str_trim(&s, &len);
		walk_inline(&c, s, len, 0);
	}
}

void
mds_strip(struct buf *out, const char *text)
{
	struct ctx c = {F_STRIP, out, NULL, NULL, 0};
	if (text)
		walk_inline(&c, text, strlen(text), 0);
}
