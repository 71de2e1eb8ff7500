/* html.c: HTML/XML text escaping. */
#include "util/html.h"

#include <string.h>

#include "util/str.h"
#include "util/utf8.h"

int
html_is_dropped(uint32_t cp)
{
	if (cp < 0x20)
		return cp != '\t' && cp != '\n' && cp != '\r';
	return (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0xFFFE || cp == 0xFFFF;
}

/* The length of the control html_is_dropped names at s[i] (valid UTF-8, len bytes), else 0. */
static size_t
dropped_len(const char *s, size_t i, size_t len)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80)
		return html_is_dropped(c);
	if (c != 0xC2 && c != 0xE2 && c != 0xEF) /* the lead bytes of every dropped code point above ASCII */
		return 0;
	uint32_t cp;
	size_t n = utf8_decode(s + i, len - i, &cp);
	return html_is_dropped(cp) ? n : 0;
}

/* The escaper behind html_escape and html_escape_line; fold_space turns tab, newline and CR
 * into spaces. */
static void
escape(struct buf *out, const char *s, size_t len, int fold_space)
{
	struct buf clean = BUF_INIT;
	if (!utf8_valid(s, len)) {
		utf8_sanitize(&clean, s, len);
		s = buf_str(&clean);
		len = clean.len;
	}
	size_t run = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		const char *rep = NULL;
		size_t n = 1;
		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\t':
		case '\n':
		case '\r':
			if (fold_space)
				rep = " ";
			break;
		default:
			if ((c < 0x20 || c >= 0x7F) && (n = dropped_len(s, i, len)) > 0) /* dropped_len knows which */
				rep = "";
			else
				n = 1;
		}
		if (rep) {
			buf_append(out, s + run, i - run);
			buf_puts(out, rep);
			run = i + n;
		}
		i += n;
	}
	buf_append(out, s + run, len - run);
	buf_free(&clean);
}

void
html_escape(struct buf *out, const char *s, size_t len)
{
	escape(out, s, len, 0);
}

void
html_escape_str(struct buf *out, const char *s)
{
	if (s)
		escape(out, s, strlen(s), 0);
}

void
html_escape_line(struct buf *out, const char *s, size_t len)
{
	escape(out, s, len, 1);
}

void
html_url_encode(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
			buf_putc(out, (char)c);
		} else {
			buf_putc(out, '%');
			buf_putc(out, hex[c >> 4]);
			buf_putc(out, hex[c & 15]);
		}
	}
}

void
html_plain_line(struct buf *out, const char *s)
{
	for (size_t len = s ? strlen(s) : 0, i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == '\t' || cp == '\r' || cp == '\n')
			buf_putc(out, ' ');
		else if (cp >= 0x20 && !html_is_dropped(cp))
			utf8_put(out, cp);
	}
}
