/* jsonfeed.h: JSON Feed 1.0 / 1.1 (https://jsonfeed.org) into the normalized model. */
#ifndef BRIEF_FEED_JSONFEED_H
#define BRIEF_FEED_JSONFEED_H

#include "feed/feed.h"

/* Same contract as feed_parse(), for a document already known to be JSON and already
 * UTF-8 (feed_parse sniffs and converts, then calls this). */
int jsonfeed_parse(const char *utf8, size_t len, const struct feed_parse_opts *opts,
                   struct arena *arena, feed_item_fn on_item, void *ctx, struct feed_doc *doc);

#endif
