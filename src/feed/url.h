/* url.h: what brief knows about URLs, in one place: RFC 3986 reference resolution (xml:base
 * and relative links in feeds), the canonical form that recognises one article linked from
 * several feeds (and the fallback item identity when a feed gives no GUID), and the host. */
#ifndef BRIEF_FEED_URL_H
#define BRIEF_FEED_URL_H

#include <stddef.h>

#include "util/arena.h"
#include "util/buf.h"

/* Length of the scheme of s (letters, digits, "+-." after a letter) when s starts
 * with "scheme:", else 0. */
size_t url_scheme_len(const char *s, size_t len);

/* The scheme a browser reads in the link reference ref (NUL-terminated), the one rule for
 * deciding whether a link in HTML may be emitted: leading spaces and C0 controls are skipped
 * and tabs, newlines and CRs ignored wherever they are (as the WHATWG URL parser does, so
 * "java\tscript:" is javascript:). Writes the scheme lower-cased to out (size bytes) and returns
 * its length; returns 0 for a relative reference (no ':' before the first '/', '?' or '#') and
 * -1 when a ':' comes first but what precedes it cannot be a scheme, or is a scheme too long
 * for out (refuse such a reference: it is neither relative nor one you allow). */
int url_ref_scheme(const char *ref, char *out, size_t size);

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

/* Append the canonical form of url to out: surrounding whitespace trimmed, scheme and host
 * lower-cased, the scheme's default port (:80 for http, :443 for https) dropped, an empty
 * path written as "/", tracking parameters (utm_*, fbclid, gclid, mc_cid, mc_eid, _hsenc,
 * _hsmi) and the fragment dropped, the remaining query kept in order. Anything that is not
 * an absolute "scheme://" URL is appended trimmed and without its fragment. Never fails. */
void url_canonical(const char *url, struct buf *out);

/* Copy the lower-cased host of an absolute URL (no userinfo, no port) into out (size bytes,
 * truncated); "" when url has no "scheme://host". Returns out. */
char *url_host(const char *url, char *out, size_t size);

/* Whether url can be a feed subscription, and if not why: one check for `feeds add`,
 * `feeds import` and --feeds lists. */
enum url_feed_check {
	URL_FEED_OK,
	URL_FEED_RELATIVE, /* no scheme: "example.com/feed", "/feed", "//host/feed" */
	URL_FEED_SCHEME,   /* a scheme other than http or https: javascript:, file:, data: ... */
	URL_FEED_SPACE,    /* whitespace or a control character inside it */
	URL_FEED_NO_HOST,  /* http(s) without "//" and a host: "http://", "http:/x", "https://:80/" */
	URL_FEED_CHECKS
};
/* Check url (NULL counts as relative); the first problem found, in the enum's order. */
enum url_feed_check url_feed_check(const char *url);
/* The reason as a short phrase ("not an http(s) URL") and as a JSON key ("scheme"). */
const char *url_feed_reason(enum url_feed_check c);
const char *url_feed_reason_key(enum url_feed_check c);

/* The other addresses a user takes for the feed at canon (a URL in url_canonical's form), as
 * `feeds add` and `feeds rm` do (docs/cli.md "One feed at several addresses"): http:// and
 * https:// (when no port is written), the host with and without a leading "www.", the path
 * with and without its trailing "/" (not the root's), and at FeedBurner
 * (feeds.feedburner.com, feeds2.feedburner.com, feedproxy.google.com) the query with and
 * without "format=xml" or "format=rss". Every combination but canon itself, at most 23, into
 * *out (array and strings in arena); returns how many, 0 when canon is not an http(s) URL. */
size_t url_feed_aliases(const char *canon, struct arena *arena, const char ***out);

/* The display name of a source, the one rule every page and report uses: its configured name,
 * else the feed's title, else the host of the feed URL (url_host) without a leading "www.";
 * NULL when there is none of the three. Empty strings count as missing. In arena. */
const char *url_display_name(const char *name, const char *title, const char *url, struct arena *arena);

#endif
