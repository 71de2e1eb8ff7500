/* fuzz_jsonfeed.c: libFuzzer target for jsonfeed_parse. */
#include <stddef.h>
#include <stdint.h>

#include "feed/jsonfeed.h"

static int
touch_item(void *ctx, const struct feed_doc *doc, const struct feed_item *item)
{
	(void)doc;
	size_t *sum = ctx;
	for (const char *p = item->link; p && *p; p++)
		*sum += (unsigned char)*p;
	for (const char *p = item->text; p && *p; p++)
		*sum += (unsigned char)*p;
	for (size_t i = 0; i < item->enclosure_count; i++)
		*sum += item->enclosures[i].url[0];
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena arena = ARENA_INIT;
	struct feed_doc doc;
	struct feed_parse_opts opts = {.base_url = "http://fuzz.example/a/b/feed.json"};
	size_t sum = 0;
	jsonfeed_parse((const char *)data, size, &opts, &arena, touch_item, &sum, &doc);
	arena_free(&arena);
	return 0;
}
