/* reference.h: the original digest tool's LLM strategy, replayed against the stand-in for
 * comparison: scoring in batches of 10 with 300-character snippets, two requests in flight,
 * enrichment of the top 15 in batches of 10 with 800-character snippets, the highlights after
 * the enrichment (they are written from the summaries), instructions and articles in one user
 * message, and no cache. */
#ifndef BRIEF_BENCH_LLM_REFERENCE_H
#define BRIEF_BENCH_LLM_REFERENCE_H

#include <stddef.h>

#include "ai/llm/llm.h"
#include "model.h"

/* Run the reference over articles[0..n) with client (its concurrency is set to 2 here).
 * Returns the number of articles that got a score. */
size_t reference_run(struct llm_client *client, const struct article *articles, size_t n);

#endif
