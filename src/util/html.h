/* html.h: escaping text for HTML and XML output (pages, Atom feeds, Telegram's HTML). */
#ifndef BRIEF_UTIL_HTML_H
#define BRIEF_UTIL_HTML_H

#include <stddef.h>

#include "util/buf.h"

/* Append s[0..len) to out with & < > " ' escaped, so the result is inert both as element
 * text and inside a quoted attribute value, in HTML and in XML. Invalid UTF-8 becomes U+FFFD
 * and control characters other than tab/newline/CR are dropped (XML forbids them). */
void html_escape(struct buf *out, const char *s, size_t len);
/* html_escape of a NUL-terminated string; NULL appends nothing. */
void html_escape_str(struct buf *out, const char *s);

/* Append s percent-encoded (RFC 3986: unreserved characters kept, every other byte %XX), for a
 * URL path segment or query value. */
void html_url_encode(struct buf *out, const char *s);

#endif
