/* fetch.c: PLACEHOLDER until the fetcher lands. */
#include "net/fetch.h"

#include <string.h>

void
fetch_opts_default(struct fetch_opts *opts)
{
	memset(opts, 0, sizeof *opts);
	opts->concurrency = 32;
	opts->per_host = 3;
	opts->timeout_s = 15;
	opts->max_body = 16u << 20;
	opts->progress = 1;
}

int
fetch_run(struct store *st, const struct config *cfg, const struct fetch_opts *opts, struct arena *arena,
          struct fetch_summary *out, struct err *e)
{
	(void)st; (void)cfg; (void)opts; (void)arena;
	memset(out, 0, sizeof *out);
	return err_set(e, "fetching is not implemented yet");
}

void
fetch_summary_json(const struct fetch_summary *s, struct buf *out)
{
	(void)s;
	buf_puts(out, "{}");
}
