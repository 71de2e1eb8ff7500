/* fuzz_opml.c: libFuzzer target for opml_parse, and opml_write of what it read. */
#include <stddef.h>
#include <stdint.h>

#include "feed/opml.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena arena = ARENA_INIT;
	struct opml_feed *feeds;
	size_t count;
	struct err e;
	if (opml_parse((const char *)data, size, &arena, &feeds, &count, &e) == 0) {
		struct buf out = BUF_INIT;
		opml_write(&out, "fuzz", feeds, count);
		buf_free(&out);
	}
	arena_free(&arena);
	return 0;
}
