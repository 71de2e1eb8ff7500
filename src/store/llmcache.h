/* llmcache.h: the curation engine's tables: the LLM answer cache (llm_cache), per-call usage
 * (llm_usage), and the latest verdict and enrichment per item (verdicts, enrichments). */
#ifndef BRIEF_STORE_LLMCACHE_H
#define BRIEF_STORE_LLMCACHE_H

#include <stdint.h>

#include "model.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/err.h"

/* The cached answer for (task, version, model, input_hash) copied into arena, or NULL when
 * absent (or on a database error, which then only costs a cache miss). */
const char *llmcache_get(struct store *st, const char *task, int version, const char *model,
                         const char *input_hash, struct arena *arena);
/* Store (or replace) an answer. Returns 0 or -1 with e set. */
int llmcache_put(struct store *st, const char *task, int version, const char *model, const char *input_hash,
                 const char *answer, int64_t now, struct err *e);

struct llm_usage_row {
	int64_t at;
	const char *task, *model;
	int http_status; /* 0 when no response */
	long ms;
	long prompt_tokens, completion_tokens, cached_tokens;
	const char *error; /* NULL on success; never contains credentials */
};
/* Append one row to llm_usage. Returns 0 or -1 with e set. */
int llmcache_usage_add(struct store *st, const struct llm_usage_row *row, struct err *e);

/* Record the latest verdict of an item (engine "llm" or "offline" from v->is_offline).
 * Returns 0 or -1 with e set. */
int llmcache_put_verdict(struct store *st, int64_t item_id, const struct verdict *v, int64_t now, struct err *e);
/* Record the enrichment of an item in lang. Returns 0 or -1 with e set. */
int llmcache_put_enrichment(struct store *st, int64_t item_id, const char *lang, const struct enrichment *en,
                            int64_t now, struct err *e);

#endif
