/* html.c: HTML/XML text escaping. */
#include "util/html.h"

#include <string.h>

#include "util/str.h"
#include "util/utf8.h"

void
html_escape(struct buf *out, const char *s, size_t len)
{
	struct buf clean = BUF_INIT;
	if (!utf8_valid(s, len)) {
		utf8_sanitize(&clean, s, len);
		s = buf_str(&clean);
		len = clean.len;
	}
	size_t run = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *rep = NULL;
		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default:
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				rep = "";
		}
		if (rep) {
			buf_append(out, s + run, i - run);
			buf_puts(out, rep);
			run = i + 1;
		}
	}
	buf_append(out, s + run, len - run);
	buf_free(&clean);
}

void
html_escape_str(struct buf *out, const char *s)
{
	if (s)
		html_escape(out, s, strlen(s));
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
