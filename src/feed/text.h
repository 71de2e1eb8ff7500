/* text.h: HTML (or plain text with entities) to clean plain text. */
#ifndef BRIEF_FEED_TEXT_H
#define BRIEF_FEED_TEXT_H

#include <stddef.h>

#include "util/buf.h"

/* Append the plain text of the HTML fragment html[0..len) to out: comments, tags and the
 * contents of script/style/head elements are removed, the boundaries of block-level elements
 * and <br> become one line break ("\n": paragraphs, headings and list items stay apart), as
 * does a blank line in the source (two newlines or more in a run of whitespace: a paragraph
 * break of text that has no markup); character references (named HTML 4 entities and numeric
 * ones) are decoded, CDATA sections kept as text, other runs of whitespace collapse to one
 * space and the result is trimmed. Input must be UTF-8; output is UTF-8. At most max_out
 * bytes are appended (0 = no limit), cut on a code point boundary. */
void text_from_html(const char *html, size_t len, size_t max_out, struct buf *out);

/* Append s[0..len) to out with runs of ASCII whitespace collapsed to one space
 * and both ends trimmed (for titles and other plain-text fields). */
void text_collapse_space(const char *s, size_t len, struct buf *out);

/* The same for a plain-text body (Atom's type="text" content): a blank line (a run of
 * whitespace with two newlines or more) ends a paragraph and becomes one line break, as
 * text_from_html() makes of a block boundary; a single newline, a hard wrap, is a space. */
void text_plain_body(const char *s, size_t len, struct buf *out);

/* True when s[0..len) looks like it contains HTML markup or character
 * references (a '<' followed by a letter, '/' or '!', or an '&' reference). */
int text_has_markup(const char *s, size_t len);

#endif
