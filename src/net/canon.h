/* canon.h: canonical URLs, the key that recognises one article linked from several feeds
 * (and the fallback item identity when a feed gives no GUID). */
#ifndef BRIEF_NET_CANON_H
#define BRIEF_NET_CANON_H

#include "util/buf.h"

/* Append the canonical form of url to out: surrounding whitespace trimmed, scheme and host
 * lower-cased, the scheme's default port (:80 for http, :443 for https) dropped, an empty
 * path written as "/", tracking parameters (utm_*, fbclid, gclid, mc_cid, mc_eid, _hsenc,
 * _hsmi) and the fragment dropped, the remaining query kept in order. Anything that is not
 * an absolute "scheme://" URL is appended trimmed and without its fragment. Never fails. */
void net_canonical_url(const char *url, struct buf *out);

/* Copy the lower-cased host of an absolute URL (no userinfo, no port) into out (size bytes,
 * truncated); "" when url has no "scheme://host". Returns out. */
char *net_url_host(const char *url, char *out, size_t size);

#endif
