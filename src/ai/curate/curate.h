/* curate.h: the editor: cluster articles into stories, score them (LLM or offline
 * engine), pick the top N under a per-source cap, enrich them in the reader's language
 * and write the highlights. Every LLM answer is cached in the store; a rerun over the
 * same articles makes no LLM calls. */
#ifndef BRIEF_AI_CURATE_CURATE_H
#define BRIEF_AI_CURATE_CURATE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/config.h"
#include "util/err.h"

struct curate_opts {
	int64_t now;            /* the run's clock */
	int hours;              /* window length, for the timeliness rubric */
	int top_n;              /* stories to select and enrich (default 15) */
	const char *lang;       /* "zh" (default) or "en" */
	int force_offline;      /* --offline */
	long max_tokens;        /* per-run token budget, 0 = unlimited */
	int per_source_cap;     /* max stories from one source in the top (default 3) */
	const struct config *cfg;
	const char *score_failed; /* score cache hashes, a line each, whose request already failed
	                           * after its retries in this run (the pre-scorer's,
	                           * prescore_stats.score_failed): scored offline, not asked again */
};

struct curate_result {
	struct story *stories;  /* every story in the window, ranked best first */
	size_t story_count;
	struct story **top;     /* the selected top stories (enriched), best first */
	size_t top_count;
	const char *highlights; /* the "今日看点" paragraph in the reader's language */
	int is_model_highlights; /* the model wrote it (else the offline engine) */
	const char *engine;     /* "llm" when a model scored any story, enriched any pick or wrote the
	                         * highlights, else "offline" */
	const char *model;      /* model name or NULL */
	long llm_requests;      /* HTTP requests made in this run (0 on a cached rerun) */
	long prompt_tokens, completion_tokens, cached_tokens;
	size_t offline_fallbacks; /* stories the LLM could not serve, scored offline */
};

/* Curate articles[0..count). Strings and arrays in out live in arena. Returns 0, or -1
 * with e set only when nothing could be produced (LLM failures fall back to the offline
 * engine instead of failing). */
int curate_run(struct store *st, struct article *articles, size_t count, const struct curate_opts *opts,
               struct arena *arena, struct curate_result *out, struct err *e);

/* The offline engine's verdict on a, one of the window articles[0..count), judged as
 * curate_run() judges it offline (its source's prior, the window's keyword index) without
 * recording anything. opts: now, hours and cfg are read. Strings in arena. */
void curate_offline_verdict(const struct article *articles, size_t count, const struct article *a,
                            const struct curate_opts *opts, struct arena *arena, struct verdict *out);

#endif
