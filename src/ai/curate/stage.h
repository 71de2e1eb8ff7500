/* stage.h: the LLM stages of curation: score (score.c), enrich and highlights (enrich.c,
 * highlights.c). Each serves what it can from the cache, asks the model for the rest, and
 * reports what it could not serve so the offline engine fills in. */
#ifndef BRIEF_AI_CURATE_STAGE_H
#define BRIEF_AI_CURATE_STAGE_H

#include <stddef.h>

#include "ai/llm/batch.h"
#include "model.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/config.h"
#include "util/err.h"

struct stage_env {
	struct batch_env be;
	int score_batch;          /* articles per score request (0: stage_score_batch's default) */
	int enrich_batch;         /* articles per enrich request (0 = one batch per lane, up to 5) */
	long score_text_tokens;   /* article text budget for scoring (default 110) */
	long enrich_text_tokens;  /* article text budget for enrichment (default 1200) */
	const char *score_failed; /* score cache hashes (a line each) whose request failed earlier
	                           * in the run: not asked again (curate_opts.score_failed) */
};

/* Score articles[0..n) into out[] (served[i] = 1 for each article the cache or the model
 * scored; others are left untouched; an article in env->score_failed is served only from the
 * cache). offline[] supplies a second keyword when the model gave
 * only one. Returns how many were served. */
size_t stage_score(const struct stage_env *env, const struct article *articles, size_t n,
                   const struct verdict *offline, struct verdict *out, int *served, struct arena *arena);

/* Prepare the score item of article a (its body as sent and its cache hash) with this index. */
void stage_score_item(const struct stage_env *env, const struct article *a, size_t index, struct batch_item *it);
/* Score items[0..n) (prepared by stage_score_item; their indexes are reset to 0..n) into the
 * cache only: what the background pre-scorer runs while feeds are still being fetched, so
 * that stage_score later finds those answers cached. Items answered are marked is_done. */
void stage_score_prefill(const struct stage_env *env, struct batch_item *items, size_t n);
/* Articles per score request: env->score_batch, or 16 when it is 0 ([llm] batch_size's default).
 * The rubric goes with every request, so larger batches spend fewer tokens per article on it;
 * batch.c then evens the batches out across the lanes (155 articles make 12 of 13). */
size_t stage_score_batch(const struct stage_env *env);

/* Open the LLM configured in cfg (provider, client with st for usage rows, per-stage sizes
 * from [llm]) for a run at now. Returns 1 when a model is configured (client initialised:
 * llm_client_free it), 0 when none is (offline engine), -1 with e set on a bad configuration. */
int stage_env_open(const struct config *cfg, struct store *st, int64_t now, struct llm_client *client,
                   struct stage_env *env, struct err *e);

/* Enrich top[0..n) in lang (setting has_enrichment on each served story) and write the
 * highlights in the same request loop. *highlights is NULL when they could not be served.
 * Returns how many stories were enriched. */
size_t stage_enrich(const struct stage_env *env, struct story **top, size_t n, const char *lang,
                    struct arena *arena, const char **highlights);

/* highlights.c: the highlights request over the top stories: its user message (appended to
 * user) and cache hash. */
void highlights_input(struct story *const *top, size_t n, struct buf *user, const char *lang, char hash[33]);
/* Serve the highlights from the cache (returns the text in arena) or NULL: also NULL for a
 * cached paragraph that highlights_take would not take (blank, or not in the reader's
 * language, is_en as there), which is then asked again. */
const char *highlights_cached(const struct batch_env *env, const char *hash, int is_en, struct arena *arena);
/* Take a highlights answer: store it in the cache and return the text in arena; NULL (nothing
 * cached) when it shows nothing (text_is_blank) or, with a warning, when it is not in the
 * reader's language (is_en: English, else Chinese; stage_in_language). */
const char *highlights_take(const struct batch_env *env, const char *hash, json_t *answer, int is_en,
                            struct arena *arena);
/* Whether s is written in the reader's language (is_en: English, else Chinese): for Chinese, at
 * least 5 % of its letters (CJK characters and ASCII letters, a Latin word counting its
 * letters) are CJK, which a Chinese text quoting English at length still has (a character for
 * every few Latin words) and an English one has not, and its last sentence is not English (no
 * CJK character and three or more words in lower case: a text that goes on in English after a
 * Chinese opening); for English, at most half are. */
int stage_in_language(const char *s, int is_en);

#endif
