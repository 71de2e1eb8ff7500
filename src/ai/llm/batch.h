/* batch.h: run an id-addressed task (score, enrich) over many items: per-item cache lookups,
 * batches with short per-batch ids, answers checked id by id, and re-asks for exactly the
 * items whose id was missing, unknown, duplicated or whose entry was unusable.
 *
 * Cache design: one llm_cache row per item, keyed by (task, prompt version, model and endpoint
 * (llm_cache_model), hash of the item's exact body as sent, plus the output language for
 * enrich). The per-batch id is not
 * part of the key, so changing the batch size or the window's other articles never invalidates
 * an answer, and a rerun over the same articles makes no request at all. */
#ifndef BRIEF_AI_LLM_BATCH_H
#define BRIEF_AI_LLM_BATCH_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "ai/llm/llm.h"
#include "store/store.h"

#define BATCH_MAX_ROUNDS 3 /* the first ask and up to two re-asks */

struct batch_item {
	size_t index;     /* the caller's index */
	char *body;       /* the article body as sent (malloc'd by the caller, freed by batch_items_free) */
	char hash[33];    /* cache key hash */
	int is_done;      /* answered (from the cache or the model) */
	int is_failed;    /* its request failed after retries: not asked again this run */
	int asked;        /* times sent */
};

struct batch_task {
	enum prompt_task task;
	const char *lang;
	const char *id_key;  /* the answer entries' id property (NULL = "id") */
	int batch_size;      /* items per request; 0: one batch per lane over the items still to
	                      * ask in each round, at most auto_max items each */
	int auto_max;
	int tokens_per_item; /* completion budget per item, plus tokens_base per request */
	int tokens_base;
	/* Accept one answer entry (the entry without its id property) for the item with this index. Return
	 * 0 when usable, -1 to reject it (the item is then asked again). */
	int (*apply)(void *ctx, size_t index, json_t *entry);
	void *ctx;
	/* The entry's string properties (NULL-terminated; NULL: none) whose names and figures must
	 * point at its own article: an entry that shares more of them with another article of its
	 * batch than with its own (a model that answered item 3 under id 4) is left out and asked
	 * again (batch_affinity). */
	const char *const *match_keys;
	/* Requests to run in the same loop as the first round (e.g. the highlights), or NULL. */
	struct llm_request **extra;
	size_t extra_count;
};

struct batch_env {
	struct llm_client *llm; /* NULL: cache only */
	struct store *st;
	const char *model;       /* the model's name, as verdicts and reports say it */
	int64_t now;
	const char *cache_model; /* the cache's name for it and its endpoint (llm_cache_model) */
};

/* Hash the cache input of an item: lang (may be NULL) and body. */
void batch_hash(const char *lang, const char *body, char out[33]);
/* How many distinct names and figures of text (ASCII words of two characters or more with a
 * capital letter or a digit: "Rust", "GPT-4o", "2026") occur in body as whole words, ignoring
 * case. */
size_t batch_affinity(const char *text, const char *body);
/* Serve items from the cache, then from the model. Items left !is_done could not be served. */
void batch_run(const struct batch_env *env, struct batch_task *t, struct batch_item *items, size_t n);
/* Free the bodies. */
void batch_items_free(struct batch_item *items, size_t n);

#endif
