/* feed.c: PLACEHOLDER until the parser lands: recognises nothing. */
#include "feed/feed.h"

#include <string.h>

int
feed_parse(const char *data, size_t len, const struct feed_parse_opts *opts, struct arena *arena,
           feed_item_fn on_item, void *ctx, struct feed_doc *doc)
{
	(void)data; (void)len; (void)opts; (void)arena; (void)on_item; (void)ctx;
	memset(doc, 0, sizeof *doc);
	doc->version = "";
	doc->encoding = "utf-8";
	doc->error = "feed parser not implemented yet";
	return -1;
}
