/* score.c: the score stage: relevance, quality, timeliness, category and keywords by the model. */
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "ai/curate/stage.h"
#include "ai/llm/schema.h"
#include "util/buf.h"
#include "util/html.h"
#include "util/str.h"

struct score_ctx {
	const struct verdict *offline;
	struct verdict *out;
	int *served;
	struct arena *arena;
	const char *model;
};

static int
score_apply(void *vctx, size_t index, json_t *entry)
{
	struct score_ctx *ctx = vctx;
	json_t *kw = json_object_get(entry, "k");
	enum category cat;
	if (category_parse(json_string_value(json_object_get(entry, "c")), &cat) < 0)
		return -1;
	struct verdict v = {0};
	/* Read as the schema checked them: 8.0 is the integer 8 (json_integer_value reads it as 0). */
	long long r, q, t;
	if (!schema_integer(json_object_get(entry, "r"), &r) || !schema_integer(json_object_get(entry, "q"), &q) ||
	    !schema_integer(json_object_get(entry, "t"), &t) || r < 1 || r > 10 || q < 1 || q > 10 || t < 1 || t > 10)
		return -1;
	v.relevance = (int)r;
	v.quality = (int)q;
	v.timeliness = (int)t;
	v.category = cat;
	const char **kws = arena_alloc(ctx->arena, 4 * sizeof *kws);
	size_t i;
	json_t *k;
	json_array_foreach(kw, i, k)
	{
		/* A tag is one line of visible text: " llm" beside "LLM" is one topic, and a blank one
		 * (" ", or only controls the renderers drop) would be an empty tag and chart label. */
		if (!json_string_value(k) || v.keyword_count >= 4)
			continue;
		struct buf line = BUF_INIT;
		html_plain_line(&line, json_string_value(k));
		const char *s = line.data ? line.data : "";
		size_t n = line.len;
		str_trim(&s, &n);
		s = arena_strndup(ctx->arena, s, n);
		buf_free(&line);
		if (!*s)
			continue;
		/* The model's spelling is kept ("Rust", "LLM": the prompt asks for names as they are
		 * written); one topic in two spellings counts once. */
		int dup = 0;
		for (size_t j = 0; j < v.keyword_count; j++)
			dup |= str_casecmp(kws[j], s) == 0;
		if (!dup)
			kws[v.keyword_count++] = s;
	}
	if (v.keyword_count == 0)
		return -1;
	/* One keyword only: complete with the offline engine's best other one (when known: the
	 * pre-scorer only fills the cache, which keeps the model's answer as given). */
	const struct verdict *off = ctx->offline ? &ctx->offline[index] : NULL;
	for (size_t j = 0; off && j < off->keyword_count && v.keyword_count < 2; j++)
		if (str_casecmp(off->keywords[j], kws[0]) != 0)
			kws[v.keyword_count++] = off->keywords[j];
	v.keywords = kws;
	v.is_offline = 0;
	v.model = ctx->model;
	ctx->out[index] = v;
	ctx->served[index] = 1;
	return 0;
}

void
stage_score_item(const struct stage_env *env, const struct article *a, size_t index, struct batch_item *it)
{
	struct buf body = BUF_INIT;
	prompt_article_body(&body, a, env->score_text_tokens > 0 ? env->score_text_tokens : 110);
	memset(it, 0, sizeof *it);
	it->index = index;
	it->body = buf_detach(&body);
	batch_hash(NULL, it->body, it->hash);
}

size_t
stage_score_batch(const struct stage_env *env)
{
	return env->score_batch > 0 ? (size_t)env->score_batch : 16;
}

static void
score_task(const struct stage_env *env, struct score_ctx *ctx, struct batch_task *t)
{
	*t = (struct batch_task){
		.task = PROMPT_SCORE,
		.lang = "en",
		.id_key = "i",
		.batch_size = (int)stage_score_batch(env),
		.tokens_per_item = 56, /* a compact entry with four keywords is ~45 tokens */
		.tokens_base = 16,
		.apply = score_apply,
		.ctx = ctx,
	};
}

size_t
stage_score(const struct stage_env *env, const struct article *articles, size_t n, const struct verdict *offline,
            struct verdict *out, int *served, struct arena *arena)
{
	struct batch_item *items = xcalloc(n ? n : 1, sizeof *items);
	for (size_t i = 0; i < n; i++) {
		stage_score_item(env, &articles[i], i, &items[i]);
		/* its request failed after its retries earlier in the run (the pre-scorer's): as a
		 * failed item of this run's own batches, it is not asked again (docs/ai.md) */
		items[i].is_failed = env->score_failed && strstr(env->score_failed, items[i].hash) != NULL;
	}
	struct score_ctx ctx = {offline, out, served, arena, env->be.model};
	struct batch_task t;
	score_task(env, &ctx, &t);
	batch_run(&env->be, &t, items, n);
	size_t done = 0;
	for (size_t i = 0; i < n; i++)
		done += items[i].is_done;
	batch_items_free(items, n);
	free(items);
	return done;
}

void
stage_score_prefill(const struct stage_env *env, struct batch_item *items, size_t n)
{
	struct arena scratch = ARENA_INIT;
	struct verdict *out = xcalloc(n ? n : 1, sizeof *out);
	int *served = xcalloc(n ? n : 1, sizeof *served);
	for (size_t i = 0; i < n; i++)
		items[i].index = i;
	struct score_ctx ctx = {NULL, out, served, &scratch, env->be.model};
	struct batch_task t;
	score_task(env, &ctx, &t);
	batch_run(&env->be, &t, items, n);
	free(out);
	free(served);
	arena_free(&scratch);
}
