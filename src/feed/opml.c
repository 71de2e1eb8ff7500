/* opml.c: PLACEHOLDER until the OPML reader/writer lands. */
#include "feed/opml.h"

int
opml_parse(const char *data, size_t len, struct arena *arena, struct opml_feed **feeds, size_t *count,
           struct err *e)
{
	(void)data; (void)len; (void)arena;
	*feeds = NULL;
	*count = 0;
	return err_set(e, "OPML reader not implemented yet");
}

void
opml_write(struct buf *out, const char *title, const struct opml_feed *feeds, size_t count)
{
	(void)out; (void)title; (void)feeds; (void)count;
}
