/* feed.c: the parser entry point: decode the document to UTF-8, tell JSON Feed
 * from XML, and hand it to the right parser. */
#include "feed/feed.h"

#include <string.h>

#include "feed/charset.h"
#include "feed/jsonfeed.h"
#include "feed/xml.h"
#include "util/str.h"

int
feed_parse(const char *data, size_t len, const struct feed_parse_opts *opts, struct arena *arena,
           feed_item_fn on_item, void *ctx, struct feed_doc *doc)
{
	static const struct feed_parse_opts no_opts;
	if (!opts)
		opts = &no_opts;
	memset(doc, 0, sizeof *doc);
	doc->version = "";
	doc->feed.updated = FEED_NO_DATE;
	struct charset_result cs;
	charset_to_utf8(data ? data : "", data ? len : 0, opts->charset_hint, opts->content_type, arena, &cs);
	doc->encoding = cs.encoding;
	size_t i = 0;
	while (i < cs.len && is_ascii_space(cs.utf8[i]))
		i++;
	if (i == cs.len) {
		doc->is_bozo = 1;
		doc->error = "empty document";
		return -1;
	}
	int rc;
	if (cs.utf8[i] == '{' || cs.utf8[i] == '[')
		rc = jsonfeed_parse(cs.utf8 + i, cs.len - i, opts, arena, on_item, ctx, doc);
	else
		rc = xml_parse(cs.utf8, cs.len, opts, arena, on_item, ctx, doc);
	if (cs.problem) {
		doc->is_bozo = 1;
		if (!doc->error)
			doc->error = cs.problem;
	}
	return rc;
}
