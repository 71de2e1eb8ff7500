/* curate.c: the editor's pipeline: cluster, score (LLM with offline fallback), rank under the
 * per-source cap, enrich the top, write the highlights, and record verdicts in the store. */
#include "ai/curate/curate.h"

#include <string.h>

#include "ai/curate/cluster.h"
#include "ai/offline/keywords.h"
#include "ai/offline/offline.h"
#include "ai/llm/llm.h"
#include "ai/llm/provider.h"
#include "ai/curate/rank.h"
#include "ai/curate/stage.h"
#include "store/llmcache.h"
#include "util/log.h"
#include "util/str.h"

static void
defaults(const struct curate_opts *in, struct curate_opts *o)
{
	*o = *in;
	if (o->hours <= 0)
		o->hours = 48;
	if (o->top_n <= 0)
		o->top_n = 15;
	if (!o->lang || !*o->lang)
		o->lang = "zh";
	if (o->per_source_cap == 0)
		o->per_source_cap = 3;
}

/* Persist the verdicts and top enrichments so `serve` and later reports can read them. A
 * failure here only costs the record, never the digest. */
static void
record(struct store *st, struct article *articles, size_t count, const struct verdict *verdicts,
       struct story *const *top, size_t top_count, const struct curate_opts *o)
{
	struct err e;
	if (!st || store_begin(st, &e) < 0)
		return;
	for (size_t i = 0; i < count; i++)
		if (llmcache_put_verdict(st, articles[i].id, &verdicts[i], o->now, &e) < 0)
			goto fail;
	for (size_t i = 0; i < top_count; i++)
		if (top[i]->has_enrichment &&
		    llmcache_put_enrichment(st, top[i]->lead->id, o->lang, &top[i]->enrichment, o->now, &e) < 0)
			goto fail;
	if (store_commit(st, &e) == 0)
		return;
fail:
	store_rollback(st);
	log_warn("could not record verdicts: %s", e.msg);
}

int
stage_env_open(const struct config *cfg, struct store *st, int64_t now, struct llm_client *client,
               struct stage_env *env, struct err *e)
{
	struct llm_config lc;
	int has_llm = provider_resolve(cfg, &lc, e);
	if (has_llm <= 0)
		return has_llm;
	if (llm_client_init(client, &lc, st, e) < 0)
		return -1;
	memset(env, 0, sizeof *env);
	env->be = (struct batch_env){client, st, client->cfg.model, now, client->cache_model};
	const struct config_values *v = config_values(cfg);
	env->score_batch = (int)v->llm_batch_size;
	env->enrich_batch = (int)v->llm_enrich_batch_size; /* 0: one batch per lane */
	env->score_text_tokens = v->llm_score_text_tokens;
	env->enrich_text_tokens = v->llm_enrich_text_tokens;
	return 1;
}

/* Set up the offline engine over the window articles[0..count) (per-article analyses and the
 * sources' priors, the window's keyword index in ctx->kw) with the user's preferences read
 * into *prefs. Returns the keyword index, which the caller frees (kw_index_free). */
static struct kw_index *
offline_window(const struct article *articles, size_t count, const struct curate_opts *o,
               struct offline_prefs *prefs, struct offline_ctx *ctx, struct arena *arena)
{
	offline_prefs_load(o->cfg, arena, prefs);
	*ctx = (struct offline_ctx){
		.now = o->now,
		.hours = o->hours,
		.prefs = prefs,
		.articles = articles,
		.article_count = count,
	};
	offline_prepare(ctx, arena);
	struct kw_index *kw = kw_index_build(articles, ctx->langs, count); /* languages as prepare read them */
	ctx->kw = kw;
	return kw;
}

void
curate_offline_verdict(const struct article *articles, size_t count, const struct article *a,
                       const struct curate_opts *opts, struct arena *arena, struct verdict *out)
{
	struct curate_opts o;
	defaults(opts, &o);
	struct offline_prefs prefs;
	struct offline_ctx octx;
	struct kw_index *kw = offline_window(articles, count, &o, &prefs, &octx, arena);
	offline_verdict(&octx, a, arena, out);
	kw_index_free(kw);
}

int
curate_run(struct store *st, struct article *articles, size_t count, const struct curate_opts *opts,
           struct arena *arena, struct curate_result *out, struct err *e)
{
	struct curate_opts o;
	defaults(opts, &o);
	memset(out, 0, sizeof *out);
	out->engine = "offline";

	/* Stories first: clustering reads only the articles, and its scratch memory (freed) is
	 * then not stacked on the window's keyword index and analyses (peak RSS at 3M items). */
	struct story *stories;
	size_t story_count;
	cluster_stories(articles, count, arena, &stories, &story_count);

	struct offline_prefs prefs;
	struct offline_ctx octx;
	struct kw_index *kw = offline_window(articles, count, &o, &prefs, &octx, arena);

	/* The offline verdicts always exist: they are the fallback, and the model's answers only
	 * replace them where it served. */
	struct verdict *verdicts = arena_alloc(arena, (count ? count : 1) * sizeof *verdicts);
	struct verdict *offline = arena_alloc(arena, (count ? count : 1) * sizeof *offline);
	for (size_t i = 0; i < count; i++) {
		offline_verdict(&octx, &articles[i], arena, &offline[i]);
		verdicts[i] = offline[i];
	}
	kw_index_free(kw); /* the window is scored: its keyword index is not read again */
	octx.kw = NULL;

	struct llm_client client;
	memset(&client, 0, sizeof client);
	struct stage_env env;
	memset(&env, 0, sizeof env);
	int has_llm = 0;
	if (!o.force_offline) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		has_llm = stage_env_open(o.cfg, st, o.now, &client, &env, e);
		env.score_failed = o.score_failed;
		if (has_llm <= 0)
			curl_global_cleanup();
		if (has_llm < 0)
			return -1;
	}
	if (has_llm) {
		client.budget = o.max_tokens;
		int *served = arena_alloc(arena, (count ? count : 1) * sizeof *served);
		size_t n = stage_score(&env, articles, count, offline, verdicts, served, arena);
		if (n > 0) {
			out->engine = "llm";
			out->model = arena_strdup(arena, client.cfg.model);
		}
		if (n < count)
			log_warn("the model scored %zu of %zu articles; the offline engine scored the rest", n, count);
	}

	for (size_t s = 0; s < story_count; s++) {
		size_t lead = (size_t)(stories[s].lead - articles);
		stories[s].verdict = verdicts[lead];
		if (has_llm && stories[s].verdict.is_offline)
			out->offline_fallbacks++;
	}
	rank_stories(stories, story_count);
	struct story **top = arena_alloc(arena, (size_t)o.top_n * sizeof *top);
	size_t top_count = rank_select_top(stories, story_count, o.top_n, o.per_source_cap, top);

	const char *highlights = NULL;
	if (has_llm && top_count > 0)
		stage_enrich(&env, top, top_count, o.lang, arena, &highlights);
	/* A model that scored nothing may still have written picks' summaries or the highlights:
	 * then the model wrote the digest, which says so and is checked as the model's. */
	int is_model_text = highlights != NULL;
	for (size_t i = 0; i < top_count; i++)
		is_model_text |= top[i]->has_enrichment && !top[i]->enrichment.is_offline;
	if (is_model_text && strcmp(out->engine, "llm") != 0) {
		out->engine = "llm";
		out->model = arena_strdup(arena, client.cfg.model);
	}
	for (size_t i = 0; i < top_count; i++)
		if (!top[i]->has_enrichment) {
			offline_enrich(top[i]->lead, &top[i]->verdict, o.lang, arena, &top[i]->enrichment);
			top[i]->has_enrichment = 1;
		}
	out->is_model_highlights = highlights != NULL;
	out->highlights = highlights ? highlights : offline_highlights(top, top_count, o.lang, arena);
	if (has_llm) {
		out->llm_requests = client.stats.requests;
		out->prompt_tokens = client.stats.prompt_tokens;
		out->completion_tokens = client.stats.completion_tokens;
		out->cached_tokens = client.stats.cached_tokens;
		llm_client_free(&client);
		curl_global_cleanup();
	}

	record(st, articles, count, verdicts, top, top_count, &o);
	out->stories = stories;
	out->story_count = story_count;
	out->top = top;
	out->top_count = top_count;
	return 0;
}
