/* prescore.h: the background pre-scorer of `brief daily`: while the fetcher is still waiting
 * for its slow feeds, it scores the in-window articles of the feeds that have finished, so
 * that their answers are already in the per-item llm_cache when curate_run starts.
 *
 * It runs on its own thread with its own SQLite connection (WAL) and its own LLM client
 * (its own curl multi loop), fed by the fetcher's on_feed_done callback; prescore_finish joins
 * it before curation. It only ever fills the cache: ranking, enrichment and the digest are
 * curate_run's, so the digest is the same with or without it. It sends full batches, and a
 * partial one only when no feed has finished for 2 s (the fetch's slow tail); what is left when
 * the fetch ends is scored by curate_run with everything else. Each source is read once and
 * each answer cached, so no article is asked twice. */
#ifndef BRIEF_AI_CURATE_PRESCORE_H
#define BRIEF_AI_CURATE_PRESCORE_H

#include <stdint.h>

#include "util/arena.h"
#include "util/config.h"
#include "util/err.h"

struct prescore_opts {
	const char *db_path;        /* the store the fetcher writes (opened again on the thread) */
	const struct config *cfg;   /* [llm] settings, as curate_run reads them */
	int64_t now;                /* the run's clock */
	int hours;                  /* window length */
	long max_tokens;            /* the run's token budget (0 = unlimited) */
	struct arena *arena;        /* where prescore_finish puts score_failed (NULL: not kept) */
};

struct prescore_stats {
	long requests, prompt_tokens, completion_tokens, cached_tokens;
	long items_scored;          /* articles answered by the model and cached */
	long tokens_used;           /* prompt + completion, to subtract from the run's budget */
	const char *score_failed;   /* the score cache hashes of the articles whose request failed
	                             * after its retries, each followed by a newline (in opts.arena),
	                             * or NULL: for curate_opts.score_failed, so the run does not
	                             * ask them again */
};

struct prescore;

/* Start the pre-scorer. Returns NULL when no model is configured (nothing runs; not an error)
 * or, with e set, when it could not start (the caller can go on without it). */
struct prescore *prescore_start(const struct prescore_opts *opts, struct err *e);
/* The fetcher's on_feed_done callback (ctx is the struct prescore): queue that source's
 * in-window articles. Cheap and non-blocking. */
void prescore_feed_done(void *ctx, int64_t source_id, int items_new);
/* Let the request round in flight finish, stop the thread and free p; out gets its totals.
 * Safe with p == NULL (zeroes out). */
void prescore_finish(struct prescore *p, struct prescore_stats *out);

#endif
