/* url.h: RFC 3986 reference resolution, for xml:base and relative links in feeds. */
#ifndef BRIEF_FEED_URL_H
#define BRIEF_FEED_URL_H

#include <stddef.h>

#include "util/buf.h"

/* Length of the scheme of s (letters, digits, "+-." after a letter) when s starts
 * with "scheme:", else 0. */
size_t url_scheme_len(const char *s, size_t len);

/* Resolve the reference ref[0..ref_len) against the absolute URL base (RFC 3986
 * section 5.2, with dot-segment removal) and append the result to out. A NULL or
 * empty base, or a base without a scheme, leaves ref as it is (relative). An
 * absolute ref is copied (its dot segments removed). Leading and trailing ASCII
 * whitespace of ref is ignored. Never fails. */
void url_resolve(const char *base, const char *ref, size_t ref_len, struct buf *out);

/* Rewrite the relative URLs in the link attributes (href, src, cite, action,
 * longdesc, usemap, codebase, data, poster, background, profile, classid) of the
 * HTML fragment html[0..len) to absolute ones against base. Returns 1 and
 * appends the rewritten fragment to out when something changed; returns 0 and
 * leaves out alone when nothing needed rewriting (or base is not absolute). */
int url_resolve_html(const char *base, const char *html, size_t len, struct buf *out);

#endif
