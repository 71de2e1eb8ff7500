/* mdconv.c: report Markdown turned into what chat services render (plain Markdown without
 * mermaid and HTML blocks, Slack mrkdwn, Telegram's HTML subset).
 *
 * The converters work line by line and only turn an inline mark into markup when its closing
 * mark is on the same line, so the output is always balanced (Telegram rejects a message with
 * an unclosed tag); anything else is escaped and shown as written. */
#include <string.h>

#include "deliver/channel.h"
#include "util/str.h"

/* How one target writes each construct. */
struct md_style {
	const char *bold[2], *ital[2], *code[2], *heading[2], *pre[2];
	const char *quote_prefix;
	const char *bullet; /* replaces "- " / "* " list markers; NULL keeps them */
	void (*escape)(struct buf *out, const char *s, size_t len);
	void (*link)(struct buf *out, const struct md_style *st, const char *text, size_t tlen, const char *url,
	             size_t ulen);
	/* set for a target with no escape for its marks (Slack): a literal mark is written as
	 * MARK_LITERAL and the mark, and each line is finished by slack_finish_line */
	int mark_placeholders;
};

/* Precedes a mark character ('*', '_', '~', '`') that is text, not markup, in a line being
 * converted for a target with mark_placeholders; escape_slack drops the byte from feed text,
 * so it marks only what the converter wrote. */
#define MARK_LITERAL '\x01'

static int
is_mark(int c)
{
	return c == '*' || c == '_' || c == '~' || c == '`';
}

/* Whether a backslash before c is a Markdown escape: any ASCII punctuation (CommonMark), as
 * the report's escaper (report/escape.c) writes $, ~, =, & and the rest. */
static int
is_md_escapable(int c)
{
	return c > 0x20 && c < 0x7F && !is_ascii_alnum(c);
}

/* The parts of a link whose text starts at s[from] (after its '['), within s[0..len): *mid at
 * the first "](" whose ']' is no Markdown escape ("\]" is text), and the returned ')' that
 * closes its URL; NULL (and *mid NULL when there is no "](") when it is no link. */
static const char *
link_parts(const char *s, size_t len, size_t from, const char **mid)
{
	*mid = NULL;
	for (size_t j = from; j + 1 < len && !*mid; j++) {
		if (s[j] == '\\' && is_md_escapable((unsigned char)s[j + 1]))
			j++;
		else if (s[j] == ']' && s[j + 1] == '(')
			*mid = s + j;
	}
	return *mid ? memchr(*mid + 2, ')', (size_t)(s + len - (*mid + 2))) : NULL;
}

static void
escape_slack(struct buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == MARK_LITERAL)
			continue; /* a control character no chat shows; the byte is the converter's */
		else if (s[i] == '&')
			buf_puts(out, "&amp;");
		else if (s[i] == '<')
			buf_puts(out, "&lt;");
		else if (s[i] == '>')
			buf_puts(out, "&gt;");
		else
			buf_putc(out, s[i]);
	}
}

/* Byte-wise on purpose: the converters pass single bytes of multi-byte characters, which
 * html_escape would take for invalid UTF-8. */
static void
escape_html(struct buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_puts(out, "&quot;");
		else
			escape_slack(out, s + i, 1);
	}
}

/* A link target is only emitted when it is a web or mail address: anything else
 * (javascript:, data:) is shown as text. */
static int
is_safe_url(const char *u, size_t n)
{
	return (n > 7 && str_ncasecmp(u, "http://", 7) == 0) || (n > 8 && str_ncasecmp(u, "https://", 8) == 0) ||
	       (n > 7 && str_ncasecmp(u, "mailto:", 7) == 0);
}

static void
link_slack(struct buf *out, const struct md_style *st, const char *t, size_t tl, const char *u, size_t ul)
{
	buf_putc(out, '<');
	for (size_t i = 0; i < ul; i++) {
		if (u[i] == '|')
			buf_puts(out, "%7C");
		else
			st->escape(out, u + i, 1);
	}
	buf_putc(out, '|');
	for (size_t i = 0; i < tl; i++) {
		if (t[i] == '|')
			buf_puts(out, "¦");
		else if (is_mark((unsigned char)t[i]))
			buf_putc(out, MARK_LITERAL), buf_putc(out, t[i]);
		else
			st->escape(out, t + i, 1);
	}
	buf_putc(out, '>');
}

static void
link_html(struct buf *out, const struct md_style *st, const char *t, size_t tl, const char *u, size_t ul)
{
	buf_puts(out, "<a href=\"");
	st->escape(out, u, ul);
	buf_puts(out, "\">");
	st->escape(out, t, tl);
	buf_puts(out, "</a>");
}

static const struct md_style slack_style = {
	.bold = {"*", "*"},
	.ital = {"_", "_"},
	.code = {"`", "`"},
	.heading = {"*", "*"},
	.pre = {"```\n", "```"},
	.quote_prefix = ">",
	.bullet = "• ",
	.escape = escape_slack,
	.link = link_slack,
	.mark_placeholders = 1,
};

static const struct md_style telegram_style = {
	.bold = {"<b>", "</b>"},
	.ital = {"<i>", "</i>"},
	.code = {"<code>", "</code>"},
	.heading = {"<b>", "</b>"},
	.pre = {"<pre>", "</pre>"},
	.quote_prefix = "┃",
	.bullet = "• ",
	.escape = escape_html,
	.link = link_html,
};

/* When s[j] starts a link's destination ("](" then the URL up to its ')'), the index of that
 * ')'; else 0. A URL may hold '*' ("?q=*.rs", "/wiki/C*-algebra"): it is no emphasis mark, and
 * report/escape.c's esc_md_url leaves it as it is, so the converters must step over it. */
static size_t
link_dest_end(const char *s, size_t len, size_t j)
{
	if (j + 1 >= len || s[j] != ']' || s[j + 1] != '(')
		return 0;
	const char *close = memchr(s + j + 2, ')', len - j - 2);
	return close ? (size_t)(close - s) : 0;
}

/* Position of the closing mark for an opening one at s[i] (mark of mlen bytes), searching
 * s[from..len); the closing mark must follow a non-space. An emphasis mark ('*') is not closed
 * by an escaped one ("\*" is text; a code span has no escapes), nor by one inside a link's
 * URL. Returns -1 when there is none. */
static long
find_close(const char *s, size_t len, size_t from, const char *mark, size_t mlen)
{
	for (size_t j = from; j + mlen <= len; j++) {
		size_t dest;
		if (mark[0] == '*' && s[j] == '\\' && j + 1 < len && is_md_escapable((unsigned char)s[j + 1]))
			j++;
		else if (mark[0] == '*' && (dest = link_dest_end(s, len, j)) > 0)
			j = dest;
		else if (memcmp(s + j, mark, mlen) == 0 && j > from && s[j - 1] != ' ')
			return (long)j;
	}
	return -1;
}

/* Write the character c of the line shown as text: escaped, or as a placeholder when it is a
 * mark the target cannot escape. */
static void
put_text_char(const struct md_style *st, char c, struct buf *out)
{
	if (st->mark_placeholders && is_mark((unsigned char)c)) {
		buf_putc(out, MARK_LITERAL);
		buf_putc(out, c);
	} else {
		st->escape(out, &c, 1);
	}
}

/* Slack's mark pairing, as far as brief relies on it: a mark opens a run when a non-space
 * follows it and no letter or digit precedes it, and closes one when a non-space precedes it
 * and no letter or digit follows it ("snake_case" pairs nothing). v[0..n) is the line as
 * Slack reads it. */
static int
mark_opens(const char *v, size_t n, size_t k)
{
	return k + 1 < n && v[k + 1] != ' ' && (k == 0 || !is_ascii_alnum((unsigned char)v[k - 1]));
}

static int
mark_closes(const char *v, size_t n, size_t k)
{
	return k > 0 && v[k - 1] != ' ' && (k + 1 == n || !is_ascii_alnum((unsigned char)v[k + 1]));
}

/* Finish the Slack line written at out->data[from..]: resolve its placeholders. Slack has no
 * escape for its marks (only &, < and > have entities), so a literal mark that would pair with
 * another mark of the line, literal or markup (a title "*starred*", "x *y* z", "A* search"
 * inside the bold heading that would close the run early), is written as a look-alike
 * character, and Slack shows the characters instead of hiding them and setting the words
 * between in bold, italics or strike-through. A mark that pairs with nothing ("Rated 5*",
 * "~/bin", "SYS_ADMIN") stays the character it is, so what a reader copies or searches for
 * is the source's text wherever Slack would show it as written. A link's URL (between '<' and
 * '|') is no formatted text and takes no part. */
static void
slack_finish_line(struct buf *out, size_t from)
{
	static const char *const lookalike[4] = {
	        "\xE2\x88\x97", /* '*': U+2217 ASTERISK OPERATOR */
	        "\xCB\x8D",      /* '_': U+02CD MODIFIER LETTER LOW MACRON */
	        "\xE2\x88\xBC", /* '~': U+223C TILDE OPERATOR */
	        "\xCB\x8B",      /* '`': U+02CB MODIFIER LETTER GRAVE ACCENT */
	};
	static const char marks[] = "*_~`";
	if (!memchr(out->data + from, MARK_LITERAL, out->len - from))
		return;
	/* v: the line as Slack reads it; role: 0 text, 1 markup mark, 2 literal mark, 3 swapped */
	struct buf v = BUF_INIT, role = BUF_INIT;
	int in_url = 0;
	for (size_t i = from; i < out->len; i++) {
		char c = out->data[i];
		if (c == MARK_LITERAL && i + 1 < out->len) {
			buf_putc(&v, out->data[++i]);
			buf_putc(&role, 2);
			continue;
		}
		if (c == '<')
			in_url = 1;
		else if (c == '|' || c == '>')
			in_url = 0;
		buf_putc(&v, c);
		buf_putc(&role, (char)(!in_url && is_mark((unsigned char)c)));
	}
	const char *t = buf_str(&v);
	for (int m = 0; m < 4; m++) {
		int open_before = 0, close_after = 0;
		for (size_t k = 0; k < v.len; k++) {
			if (t[k] != marks[m] || !role.data[k])
				continue;
			if (role.data[k] >= 2 && open_before && mark_closes(t, v.len, k))
				role.data[k] = 3;
			open_before |= mark_opens(t, v.len, k);
		}
		for (size_t k = v.len; k-- > 0;) {
			if (t[k] != marks[m] || !role.data[k])
				continue;
			if (role.data[k] >= 2 && close_after && mark_opens(t, v.len, k))
				role.data[k] = 3;
			close_after |= mark_closes(t, v.len, k);
		}
	}
	out->len = from;
	out->data[from] = '\0';
	for (size_t k = 0; k < v.len; k++) {
		if (role.data[k] == 3)
			buf_puts(out, lookalike[strchr(marks, t[k]) - marks]);
		else
			buf_putc(out, t[k]);
	}
	buf_free(&v);
	buf_free(&role);
}

/* Convert the inline marks of one line. */
static void
inline_line(const struct md_style *st, const char *s, size_t len, struct buf *out)
{
	size_t i = 0;
	while (i < len) {
		char c = s[i];
		long close;
		if (c == '`' && (close = find_close(s, len, i + 1, "`", 1)) > 0) {
			buf_puts(out, st->code[0]);
			st->escape(out, s + i + 1, (size_t)close - i - 1);
			buf_puts(out, st->code[1]);
			i = (size_t)close + 1;
		} else if (c == '*' && i + 1 < len && s[i + 1] == '*' && i + 2 < len && s[i + 2] != ' ' &&
		           (close = find_close(s, len, i + 2, "**", 2)) > 0) {
			buf_puts(out, st->bold[0]);
			inline_line(st, s + i + 2, (size_t)close - i - 2, out);
			buf_puts(out, st->bold[1]);
			i = (size_t)close + 2;
		} else if (c == '*' && i + 1 < len && s[i + 1] != ' ' && s[i + 1] != '*' &&
		           (close = find_close(s, len, i + 1, "*", 1)) > 0) {
			buf_puts(out, st->ital[0]);
			inline_line(st, s + i + 1, (size_t)close - i - 1, out);
			buf_puts(out, st->ital[1]);
			i = (size_t)close + 1;
		} else if (c == '[') {
			/* The text ends at the first "](" whose ']' is no Markdown escape ("\]" is text). */
			const char *mid = NULL, *end = link_parts(s, len, i + 1, &mid);
			if (mid && end && is_safe_url(mid + 2, (size_t)(end - mid - 2))) {
				struct buf text = BUF_INIT; /* shown as written: its escapes undone */
				for (const char *t = s + i + 1; t < mid; t++) {
					if (t[0] == '\\' && t + 1 < mid && is_md_escapable((unsigned char)t[1]))
						t++;
					buf_putc(&text, *t);
				}
				st->link(out, st, buf_str(&text), text.len, mid + 2, (size_t)(end - mid - 2));
				buf_free(&text);
				i = (size_t)(end - s) + 1;
			} else {
				st->escape(out, s + i, 1);
				i++;
			}
		} else if (c == '\\' && i + 1 < len && is_md_escapable((unsigned char)s[i + 1])) {
			put_text_char(st, s[i + 1], out); /* a Markdown escape: show the character itself */
			i += 2;
		} else {
			put_text_char(st, c, out);
			i++;
		}
	}
}

static int
is_fence(const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	return len >= 3 && memcmp(s, "```", 3) == 0;
}

/* Convert a whole Markdown text with style st (after mdconv_for_chat's clean-up). */
static void
convert(const struct md_style *st, const char *md, struct buf *out)
{
	int in_pre = 0;
	const char *p = md;
	while (*p) {
		size_t len = strcspn(p, "\n");
		const char *line = p;
		p += len;
		if (*p == '\n')
			p++;
		if (is_fence(line, len)) {
			buf_puts(out, in_pre ? st->pre[1] : st->pre[0]);
			if (in_pre)
				buf_putc(out, '\n');
			in_pre = !in_pre;
			continue;
		}
		if (in_pre) {
			st->escape(out, line, len);
			buf_putc(out, '\n');
			continue;
		}
		size_t line_from = out->len;
		size_t h = 0;
		while (h < len && line[h] == '#')
			h++;
		if (h > 0 && h <= 6 && h < len && line[h] == ' ') {
			/* Headings become a bold line; marks inside would nest bold in bold, so drop them.
			 * An escaped '*' ("A\* search") is text, not a mark: it stays with its escape. */
			buf_puts(out, st->heading[0]);
			struct buf inner = BUF_INIT;
			for (size_t k = h + 1; k < len; k++) {
				size_t dest = link_dest_end(line, len, k);
				if (dest) { /* a link's URL keeps its '*' */
					buf_append(&inner, line + k, dest - k);
					k = dest;
				} else if (line[k] == '\\' && k + 1 < len && is_md_escapable((unsigned char)line[k + 1])) {
					buf_putc(&inner, line[k++]);
				} else if (line[k] == '*') {
					continue;
				}
				buf_putc(&inner, line[k]);
			}
			inline_line(st, buf_str(&inner), inner.len, out);
			buf_free(&inner);
			buf_puts(out, st->heading[1]);
		} else if (len >= 1 && line[0] == '>') {
			/* the prefix stands for '>', a space only where the line had one: a part is
			 * measured on the Markdown (split.c), so the converted line may not be longer */
			size_t skip = (len >= 2 && line[1] == ' ') ? 2 : 1;
			buf_puts(out, st->quote_prefix);
			if (skip == 2)
				buf_putc(out, ' ');
			inline_line(st, line + skip, len - skip, out);
		} else if (st->bullet && len >= 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') {
			buf_puts(out, st->bullet);
			inline_line(st, line + 2, len - 2, out);
		} else {
			inline_line(st, line, len, out);
		}
		if (st->mark_placeholders)
			slack_finish_line(out, line_from);
		buf_putc(out, '\n');
	}
	if (in_pre)
		buf_puts(out, st->pre[1]);
}

/* True when the trimmed line is a block-level HTML tag a chat service would show as text. */
static int
is_html_block_line(const char *s, size_t len)
{
	str_trim(&s, &len);
	static const char *const tags[] = {"<details", "</details", "<summary", "</summary", "<div", "</div", "<br"};
	if (len < 3 || s[0] != '<' || s[len - 1] != '>')
		return 0;
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
		if (str_istarts(s, tags[i]))
			return 1;
	return 0;
}

/* Append line[0..len) with each image ("![alt](url)") made a link to it, "[alt](url)", or
 * dropped when it has no alt text: Feishu's card refuses an image by URL (it wants an
 * image_key), Discord and WeCom would show the syntax. An escaped "\![" is text. */
static void
put_without_images(struct buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len && is_md_escapable((unsigned char)s[i + 1])) {
			buf_append(out, s + i, 2);
			i++;
			continue;
		}
		const char *mid = NULL, *end = NULL;
		if (s[i] == '!' && i + 1 < len && s[i + 1] == '[')
			end = link_parts(s, len, i + 2, &mid);
		if (!end) {
			buf_putc(out, s[i]);
			continue;
		}
		const char *alt = s + i + 2;
		size_t alt_len = (size_t)(mid - alt);
		str_trim(&alt, &alt_len);
		if (alt_len) {
			buf_putc(out, '[');
			buf_append(out, alt, alt_len);
			buf_append(out, mid, (size_t)(end - mid) + 1);
		}
		i = (size_t)(end - s);
	}
}

void
mdconv_for_chat(const char *md, struct buf *out)
{
	struct buf line_buf = BUF_INIT;
	size_t start = out->len;
	int in_mermaid = 0, blank_run = 0;
	const char *p = md ? md : "";
	while (*p) {
		size_t len = strcspn(p, "\n");
		const char *line = p;
		p += len;
		if (*p == '\n')
			p++;
		const char *t = line;
		size_t tl = len;
		str_trim(&t, &tl);
		if (in_mermaid) {
			if (tl >= 3 && memcmp(t, "```", 3) == 0)
				in_mermaid = 0;
			continue;
		}
		if (tl >= 10 && memcmp(t, "```mermaid", 10) == 0) {
			in_mermaid = 1;
			continue;
		}
		if (is_html_block_line(line, len))
			continue;
		if (tl) {
			buf_clear(&line_buf);
			put_without_images(&line_buf, line, len);
			line = buf_str(&line_buf);
			len = line_buf.len;
			t = line;
			tl = len;
			str_trim(&t, &tl);
			if (tl == 0)
				continue; /* a line that was only an image (a [brand] cover) */
		}
		if (tl == 0) {
			if (out->len == start || ++blank_run > 1)
				continue;
		} else {
			blank_run = 0;
		}
		buf_append(out, line, len);
		buf_putc(out, '\n');
	}
	buf_free(&line_buf);
}

void
mdconv_slack(const char *md, struct buf *out)
{
	convert(&slack_style, md, out);
}

void
mdconv_telegram_html(const char *md, struct buf *out)
{
	convert(&telegram_style, md, out);
}
