/* escape.h: the one place feed-supplied text is made safe for Markdown, mermaid, HTML
 * and URLs. Every escaper decodes UTF-8 (invalid bytes become U+FFFD), drops control
 * characters and the bidi embedding/override/isolate controls (U+202A-U+202E,
 * U+2066-U+2069) a hostile title could use to reorder the rest of a line, and keeps
 * everything else intact: CJK, emoji and right-to-left text pass through. */
#ifndef BRIEF_REPORT_ESCAPE_H
#define BRIEF_REPORT_ESCAPE_H

#include <stddef.h>

#include "util/buf.h"

/* Append s (NULL = nothing) as one line of Markdown inline text: whitespace runs
 * (newlines included) collapse to one space, ends are trimmed, and every character
 * Markdown, GFM tables or math would interpret is backslash-escaped, a leading block
 * marker ("- ", "1. ") too, since the text may follow a list marker. Text containing
 * right-to-left characters is wrapped in FSI ... PDI so it cannot reorder its
 * surroundings. */
void esc_md_inline(struct buf *b, const char *s);
/* Append s[0..len) as a piece of a Markdown line (between citations or bold runs):
 * escaped like esc_md_inline, but leading and trailing whitespace each stay as one space
 * so "industry. [1] Each" keeps the space after the citation. at_line_start: the piece
 * starts a Markdown line, so block markers ("- ", "1. ", "+ ") are escaped too. */
void esc_md_span(struct buf *b, const char *s, size_t len, int at_line_start);
/* Append s as the lines of a Markdown block quote: every line starts with "> ", blank
 * lines become ">" (runs of them collapse to one), leading spaces are dropped and
 * line-start block markers ("- ", "1. ", "===") are escaped, so a multi-line summary
 * stays inside its quote and cannot open a list, heading or code block. Ends with a
 * newline. */
void esc_md_quote(struct buf *b, const char *s);
/* Like esc_md_quote with any line prefix ("" for plain paragraphs). */
void esc_md_block(struct buf *b, const char *s, const char *prefix);
/* Append url for a Markdown link destination: spaces, parentheses, angle brackets,
 * quotes, backslashes, backticks, braces and every non-ASCII byte percent-encoded (an IRI's UTF-8 as
 * RFC 3987 maps it to a URI, so a feed's U+202E in a link cannot reorder the Markdown's
 * line). The caller checks esc_url_ok. */
void esc_md_url(struct buf *b, const char *url);
/* Append md, the Markdown body of a post for a static site, with a WORD JOINER (U+2060)
 * after each '{' that a '{', '%' or ':' follows: Jekyll runs every post through Liquid, where
 * "{{" and "{%" start code ("{% raw %}" without its end fails the site's build, "{{ site.x }}"
 * prints the site's settings), and Hugo runs the shortcodes "{{<" and "{{%" (an unknown one
 * fails the build), in text and code blocks alike; kramdown, Jekyll's Markdown, reads "{:"
 * as an extension or attribute list ("{::nomarkdown}" writes raw HTML, "{::comment}" hides
 * text, "{: onclick=...}" sets attributes). The reader sees the same characters. Link
 * destinations hold no '{' (esc_md_url encodes it), so no URL changes. */
void esc_site_body(struct buf *b, const char *md);
/* True when url is an absolute http(s) URL we are willing to link to. */
int esc_url_ok(const char *url);
/* Append s as the content of a double-quoted mermaid label: quotes and backticks
 * become apostrophes, '#' and angle brackets their full-width forms, the second '%' of
 * "%%" (mermaid's comment and directive marker) '％', whitespace runs one space; cut to
 * max_chars code points (0 = no limit) with an ellipsis. */
void esc_mermaid(struct buf *b, const char *s, size_t max_chars);
/* Append s as one line of HTML text or attribute value: util/html's html_escape_line. */
void esc_html(struct buf *b, const char *s);
/* Append s as HTML paragraphs: blank lines separate <p> elements (each dir="auto"),
 * single newlines become <br>. */
void esc_html_paras(struct buf *b, const char *s);
/* Append s as XML character data or attribute value (Atom); like esc_html. */
void esc_xml(struct buf *b, const char *s);
/* Length of the longest run of backticks in s (to pick a code fence longer than it). */
size_t esc_backtick_run(const char *s);
/* Append s to b with whitespace runs collapsed to one space and cut to at most
 * max_width display columns (utf8_width), ending in "…" when cut. Controls dropped. */
void esc_fit_width(struct buf *b, const char *s, size_t max_width);

#endif
