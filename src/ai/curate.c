/* curate.c: PLACEHOLDER until the curation engine lands. */
#include "ai/curate.h"

#include <string.h>

int
curate_run(struct store *st, struct article *articles, size_t count, const struct curate_opts *opts,
           struct arena *arena, struct curate_result *out, struct err *e)
{
	(void)st; (void)articles; (void)count; (void)opts; (void)arena;
	memset(out, 0, sizeof *out);
	return err_set(e, "curation is not implemented yet");
}
