/* fuzz_feed.c: libFuzzer target for feed_parse (any feed document, any bytes). */
#include <stddef.h>
#include <stdint.h>

#include "feed/feed.h"

static int
count_item(void *ctx, const struct feed_doc *doc, const struct feed_item *item)
{
	(void)doc;
	/* touch every string so the sanitizers see invalid ones */
	size_t *sum = ctx;
	const char *fields[] = {item->id, item->title, item->link, item->author, item->summary,
	                        item->content, item->text, item->comments};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		for (const char *p = fields[i]; p && *p; p++)
			*sum += (unsigned char)*p;
	for (size_t i = 0; i < item->category_count; i++)
		*sum += item->categories[i][0];
	for (size_t i = 0; i < item->enclosure_count; i++)
		*sum += item->enclosures[i].url[0];
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena arena = ARENA_INIT;
	struct feed_doc doc;
	struct feed_parse_opts opts = {.base_url = "http://fuzz.example/dir/feed.xml"};
	size_t sum = 0;
	feed_parse((const char *)data, size, &opts, &arena, count_item, &sum, &doc);
	arena_free(&arena);
	return 0;
}
