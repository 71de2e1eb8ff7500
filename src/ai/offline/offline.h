/* offline.h: the offline engine: scores, categories, keywords, extractive summaries and
 * highlights without any model. The default when no LLM is configured, and the fallback for
 * whatever the LLM could not serve. Deterministic for a given input and "now".
 *
 * User preferences come from the config file:
 *     [interests]
 *     topics = rust, sqlite, llm        (comma-separated terms; each match raises relevance)
 *     [mute]
 *     topics = crypto, nft              (an article mentioning one gets relevance 1)
 *     sources = example.com, Some Blog  (articles from these sources get relevance 1)
 * Terms are matched case-insensitively as whole words (or as substrings for CJK terms). */
#ifndef BRIEF_AI_OFFLINE_OFFLINE_H
#define BRIEF_AI_OFFLINE_OFFLINE_H

#include <stddef.h>
#include <stdint.h>

#include "ai/offline/keywords.h"
#include "model.h"
#include "util/arena.h"
#include "util/config.h"

struct offline_prefs {
	const char **interests;
	size_t interest_count;
	const char **mutes;
	size_t mute_count;
	const char **muted_sources;
	size_t muted_source_count;
};

/* Read [interests] topics, [mute] topics and [mute] sources (cfg may be NULL). Strings in arena. */
void offline_prefs_load(const struct config *cfg, struct arena *arena, struct offline_prefs *out);

struct offline_analysis; /* what the engine read in one article (offline.c) */
struct offline_source_tally; /* a source's window articles by their own category (offline.c) */

/* Window-wide state the per-article scoring needs. */
struct offline_ctx {
	int64_t now;
	int hours;
	const struct offline_prefs *prefs;
	const struct kw_index *kw;      /* TF-IDF over the window */
	const struct article *articles; /* the window, for per-source counts */
	size_t article_count;
	/* Per window article, the category on its own evidence (offline_prepare), from which each
	 * source's prior is taken; NULL: no priors. */
	const enum category *own_categories;
	const struct offline_analysis *analyses; /* per window article (offline_prepare), or NULL */
	const enum lang *langs; /* per window article (offline_prepare, for kw_index_build), or NULL */
	/* Per source, the counts of own_categories (offline_prepare), and per window article the
	 * index of its source's tally: the prior without a walk of the window per article. NULL
	 * when not prepared, or when two window articles of one source share an id. */
	const struct offline_source_tally *tallies;
	const size_t *tally_of;
};

/* Read and judge every window article on its own evidence once, so that offline_verdict() can
 * use each source's typical category as a weak prior, and need not read a window article
 * again. Optional; the arrays (about 150 bytes per article) live in arena. */
void offline_prepare(struct offline_ctx *ctx, struct arena *arena);

/* Score one article: relevance, quality, timeliness (1..10), category, 2..4 keywords;
 * is_offline = 1, model = NULL. Strings in arena. */
void offline_verdict(const struct offline_ctx *ctx, const struct article *a, struct arena *arena,
                     struct verdict *out);
/* An extractive enrichment: the title as published, the best 2..4 sentences of the article
 * (in its own language: nothing is translated) and a one-sentence reason in lang ("zh"/"en")
 * that says it was made offline. Strings in arena. */
void offline_enrich(const struct article *a, const struct verdict *v, const char *lang, struct arena *arena,
                    struct enrichment *out);
/* The highlights paragraph (3..5 sentences, in lang; trends.c): the picks' mix of categories,
 * the topics two or more of the top stories share, with their story counts (at most three
 * clusters), the #1 story as the lead
 * with its shared topics, other stories of the biggest cluster, and the story most sources
 * carried. A topic only one story has is never mentioned. */
const char *offline_highlights(struct story *const *top, size_t count, const char *lang, struct arena *arena);

#endif
