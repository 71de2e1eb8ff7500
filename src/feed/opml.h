/* opml.h: read and write OPML 1.0/2.0 subscription lists. */
#ifndef BRIEF_FEED_OPML_H
#define BRIEF_FEED_OPML_H

#include <stddef.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* One feed subscription (an outline with an xmlUrl). */
struct opml_feed {
	const char *xml_url;  /* absolute feed URL */
	const char *html_url; /* site URL or NULL */
	const char *title;    /* title, else text, else NULL; NULL too when that is xml_url itself */
	const char *category; /* "a/b" path of enclosing outlines' titles, or the category attribute; NULL at top */
	const char *user_agent; /* brief's own per-feed User-Agent (OPML_BRIEF_NS userAgent), or NULL */
};

/* The XML namespace of brief's own outline attributes (brief:userAgent): other readers
 * ignore them, a list exported by brief and imported again keeps them. */
#define OPML_BRIEF_NS "urn:x-brief:opml:1"

/* Parse an OPML document; every outline with an xmlUrl, at any depth, becomes one
 * entry (in document order). Strings live in arena. Returns 0, or -1 with e set when
 * the document is not OPML or not well-formed XML ("line N: not well-formed OPML: ...",
 * nothing returned: a list is used whole or not at all). */
int opml_parse(const char *data, size_t len, struct arena *arena, struct opml_feed **feeds,
               size_t *count, struct err *e);
/* opml_parse, and also the leaf outlines (no children) that have no xmlUrl but a url or
 * htmlUrl attribute: a site or a link, not a feed, which a list from another reader may hold
 * where the user expects a subscription. Each is in *sites with xml_url NULL and html_url its
 * htmlUrl, else its url, so the caller can name what it does not import. */
int opml_parse_sites(const char *data, size_t len, struct arena *arena, struct opml_feed **feeds,
                     size_t *count, struct opml_feed **sites, size_t *nsites, struct err *e);
/* Append an OPML 2.0 document listing feeds (grouped by category) to out. */
void opml_write(struct buf *out, const char *title, const struct opml_feed *feeds, size_t count);

#endif
