/* html.h: the one HTML/XML escaper, for every page, report, Atom feed and Telegram message. */
#ifndef BRIEF_UTIL_HTML_H
#define BRIEF_UTIL_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* True for the code points no escaped text keeps: C0 controls but tab/newline/CR and the
 * noncharacters U+FFFE and U+FFFF (XML forbids them: an Atom feed holding one is not
 * well-formed, and libxml2 drops them when it reads HTML), DEL, C1, and the bidi embeddings,
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069) a hostile title could use to reorder
 * the rest of a line. */
int html_is_dropped(uint32_t cp);

/* Append s[0..len) to out with & < > " ' escaped, so the result is inert both as element
 * text and inside a quoted attribute value, in HTML and in XML. Invalid UTF-8 becomes U+FFFD
 * and the controls html_is_dropped names are dropped; everything else (CJK, emoji,
 * right-to-left text) passes through. */
void html_escape(struct buf *out, const char *s, size_t len);
/* html_escape of a NUL-terminated string; NULL appends nothing. */
void html_escape_str(struct buf *out, const char *s);
/* html_escape with tab, newline and CR each turned into a space (one line of text). */
void html_escape_line(struct buf *out, const char *s, size_t len);

/* Append s as one line of plain text, not escaped, for a field that is no markup (a mail
 * subject, a chat card's title, a tag): tab, CR and LF become spaces; the other controls (C0,
 * DEL, C1), U+FFFE/U+FFFF and the bidi controls html_is_dropped names are dropped; invalid
 * UTF-8 becomes U+FFFD. NULL appends nothing. */
void html_plain_line(struct buf *out, const char *s);

/* Append s percent-encoded (RFC 3986: unreserved characters kept, every other byte %XX), for a
 * URL path segment or query value. */
void html_url_encode(struct buf *out, const char *s);

#endif
