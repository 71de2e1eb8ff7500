/* jsonfeed.c: PLACEHOLDER until the JSON Feed parser lands. */
#include "feed/jsonfeed.h"

#include <string.h>

int
jsonfeed_parse(const char *utf8, size_t len, const struct feed_parse_opts *opts, struct arena *arena,
               feed_item_fn on_item, void *ctx, struct feed_doc *doc)
{
	(void)utf8; (void)len; (void)opts; (void)arena; (void)on_item; (void)ctx;
	doc->error = "JSON Feed parser not implemented yet";
	return -1;
}
