/* sanitize.h: feed HTML (an item's summary or content, a feed's subtitle) made safe to put in a
 * page, by feedparser's rules: an allowlist of elements, attributes, URI schemes and CSS. */
#ifndef BRIEF_FEED_SANITIZE_H
#define BRIEF_FEED_SANITIZE_H

#include <stddef.h>

#include "util/buf.h"

/* Append a safe rendering of the HTML fragment html[0..len) (UTF-8; invalid bytes become
 * U+FFFD) to out, as feedparser's default sanitizer does:
 * - elements outside feedparser's acceptable list are dropped but their text is kept, except
 *   script, style and applet, dropped with everything inside them; SVG and MathML elements are
 *   kept only inside an <svg> or <math> root (which gets its xmlns);
 * - attributes outside the element's list are dropped (every on* handler among them); a URL
 *   attribute (href, src, cite, action, poster, xlink:href, ...) whose scheme is not an
 *   acceptable one (http, https, mailto, ftp, ...; relative references are fine) is kept empty,
 *   as feedparser keeps it; a style attribute keeps only the declarations feedparser's CSS
 *   rules accept (no url(), expression() or escapes);
 * - comments, processing instructions, doctypes and CDATA sections are dropped;
 * - the result is well-formed: every element closed (void ones written "<br />"), attribute
 *   values double-quoted, text and values escaped, leading and trailing whitespace trimmed.
 * Links are not resolved here: the parser has already resolved them against the document's
 * base. Sanitising the result again gives the same result. Work stays bounded on hostile
 * input: a start tag with more than SANITIZE_MAX_ATTRS attributes, or elements nested more
 * than SANITIZE_MAX_DEPTH deep, make the whole fragment its plain text, escaped (libxml2
 * compares each attribute with all before it and scans its open elements on each end tag,
 * so both would otherwise cost the square of the input's size). */
void sanitize_html(const char *html, size_t len, struct buf *out);

/* True when name[0..len) (any ASCII case) is one of the HTML elements the sanitiser keeps
 * (feedparser's acceptable elements: p, b, canvas, details, ...; not script, style, title or
 * an unknown name such as "T" or "int"). */
int sanitize_is_html_element(const char *name, size_t len);

#define SANITIZE_MAX_ATTRS 256
#define SANITIZE_MAX_DEPTH 256

#endif
