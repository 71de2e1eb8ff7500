/* curate.c: the editor's pipeline: cluster, score (LLM with offline fallback), rank under the
 * per-source cap, enrich the top, write the highlights, and record verdicts in the store. */
#include "ai/curate.h"

#include <string.h>

#include "ai/cluster.h"
#include "ai/keywords.h"
#include "ai/offline.h"
#include "ai/rank.h"
#include "store/llmcache.h"
#include "util/log.h"

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
curate_run(struct store *st, struct article *articles, size_t count, const struct curate_opts *opts,
           struct arena *arena, struct curate_result *out, struct err *e)
{
	struct curate_opts o;
	defaults(opts, &o);
	memset(out, 0, sizeof *out);
	out->engine = "offline";

	struct offline_prefs prefs;
	offline_prefs_load(o.cfg, arena, &prefs);
	struct offline_ctx octx = {
		.now = o.now,
		.hours = o.hours,
		.prefs = &prefs,
		.kw = kw_index_build(articles, count, arena),
		.articles = articles,
		.article_count = count,
	};

	/* Score every article (offline for now; the LLM path replaces what it can serve). */
	struct verdict *verdicts = arena_alloc(arena, (count ? count : 1) * sizeof *verdicts);
	for (size_t i = 0; i < count; i++)
		offline_verdict(&octx, &articles[i], arena, &verdicts[i]);

	struct story *stories;
	size_t story_count;
	cluster_stories(articles, count, arena, &stories, &story_count);
	for (size_t s = 0; s < story_count; s++) {
		size_t lead = (size_t)(stories[s].lead - articles);
		stories[s].verdict = verdicts[lead];
	}
	rank_stories(stories, story_count);
	struct story **top = arena_alloc(arena, (size_t)o.top_n * sizeof *top);
	size_t top_count = rank_select_top(stories, story_count, o.top_n, o.per_source_cap, top);

	for (size_t i = 0; i < top_count; i++) {
		offline_enrich(top[i]->lead, &top[i]->verdict, o.lang, arena, &top[i]->enrichment);
		top[i]->has_enrichment = 1;
	}
	out->highlights = offline_highlights(top, top_count, o.lang, arena);

	record(st, articles, count, verdicts, top, top_count, &o);
	out->stories = stories;
	out->story_count = story_count;
	out->top = top;
	out->top_count = top_count;
	(void)e;
	return 0;
}
