/* enrich.c: the enrich stage (translated title, summary, why-read) for the top stories, run in
 * one request loop together with the highlights. */
#include <stdlib.h>
#include <string.h>

#include "ai/curate/stage.h"
#include "ai/offline/text.h"
#include "util/log.h"
#include "util/str.h"
#include "util/utf8.h"

struct enrich_ctx {
	struct story **top;
	struct arena *arena;
	int is_en;
};

/* The most sentences a text is split into to find its last one (a longer text is judged by
 * its letters alone). */
#define LANGUAGE_MAX_SENTENCES 256

/* The words of p[0..len) that start with two lower-case ASCII letters ("the", "walks": English
 * prose rather than a name, an acronym or a figure); *cjk set to its number of CJK characters. */
static size_t
lower_words(const char *p, size_t len, size_t *cjk)
{
	size_t words = 0;
	*cjk = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		*cjk += text_is_cjk(cp) != 0;
		if (cp >= 'a' && cp <= 'z' && (i == 0 || !is_ascii_alnum((unsigned char)p[i - 1])) && i + 1 < len &&
		    p[i + 1] >= 'a' && p[i + 1] <= 'z')
			words++;
		i += n;
	}
	return words;
}

/* Whether the span p[0..len) is a sentence in English rather than a name or a figure: no CJK
 * character and at least 3 lower-case words. */
static int
is_english_sentence(const char *p, size_t len)
{
	size_t cjk;
	size_t words = lower_words(p, len, &cjk);
	return cjk == 0 && words >= 3;
}

/* The lower-case English words a Chinese headline may have with no more Chinese around them:
 * seed 000's have up to two ("token", the "ggml" and "ai" of ggml.ai), names and figures aside. */
#define TITLE_LOWER_WORDS_ZH 2

/* Whether a headline is in the digest's language: in Chinese as stage_in_language says, and
 * either with at most TITLE_LOWER_WORDS_ZH English words in lower case or with at least one
 * and a half CJK characters for each: "OpenAI releases GPT-5 with new 推理 features" (4 words,
 * 2 characters) and "重磅消息：Note 3 on SQLite database: lesson 10" (3 words, 4 characters)
 * are English headlines with a Chinese word put in, while "npm 供应链攻击：恶意 eslint-config
 * 包窃取 token" (4 words, 10 characters) is a Chinese one that names its tools. In English any
 * (a Chinese source's title kept in an English digest is not checked yet: the stand-in writes
 * it so). */
static int
title_in_language(const char *title, int is_en)
{
	if (is_en)
		return 1;
	size_t cjk, words = lower_words(title, strlen(title), &cjk);
	return stage_in_language(title, 0) && (words <= TITLE_LOWER_WORDS_ZH || 2 * cjk >= 3 * words);
}

int
stage_in_language(const char *s, int is_en)
{
	size_t cjk = 0, latin = 0, len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		cjk += text_is_cjk(cp) != 0;
		latin += cp < 0x80 && is_ascii_alpha((int)cp);
	}
	if (cjk + latin == 0)
		return 1;
	double share = (double)cjk / (double)(cjk + latin);
	if (is_en)
		return share <= 0.5;
	if (share < 0.05)
		return 0;
	/* A Chinese text that goes on in English (a model drifting out of the language it was asked
	 * for: one Chinese sentence, then English to the end) still has 5 % of CJK letters; it ends
	 * in an English sentence, which no Chinese summary, why-read or paragraph of the seeds does. */
	struct text_span sp[LANGUAGE_MAX_SENTENCES];
	size_t n = text_sentences(s, sp, LANGUAGE_MAX_SENTENCES);
	return n == 0 || n == LANGUAGE_MAX_SENTENCES || !is_english_sentence(sp[n - 1].p, sp[n - 1].len);
}

/* The prompt asks for 3 to 5 sentences, about 100 to 200 Chinese characters (60 to 120 English
 * words); a summary is kept to its first 5 sentences and at most this many characters. */
#define SUMMARY_MAX_SENTENCES 5
#define SUMMARY_MAX_CHARS_ZH 500 /* code points: Latin names in a Chinese summary count one a letter */
#define SUMMARY_MAX_CHARS_EN 1000

/* summary cut at a sentence end to the prompt's promise (SUMMARY_MAX_*), arena-owned; NULL
 * when even its first sentence is longer than that (no sentence end to cut at). */
static const char *
summary_capped(const char *summary, int is_en, struct arena *arena)
{
	size_t max_chars = is_en ? SUMMARY_MAX_CHARS_EN : SUMMARY_MAX_CHARS_ZH;
	size_t len = strlen(summary);
	struct text_span sp[SUMMARY_MAX_SENTENCES + 1];
	size_t n = text_sentences(summary, sp, SUMMARY_MAX_SENTENCES + 1);
	if (n <= SUMMARY_MAX_SENTENCES && utf8_count(summary, len) <= max_chars)
		return arena_strdup(arena, summary);
	if (n > SUMMARY_MAX_SENTENCES)
		n = SUMMARY_MAX_SENTENCES;
	while (n > 0 && utf8_count(summary, (size_t)(sp[n - 1].p + sp[n - 1].len - summary)) > max_chars)
		n--;
	if (n == 0)
		return NULL;
	return arena_strndup(arena, summary, (size_t)(sp[n - 1].p + sp[n - 1].len - summary));
}

static int
enrich_apply(void *vctx, size_t index, json_t *entry)
{
	struct enrich_ctx *ctx = vctx;
	const char *title = json_string_value(json_object_get(entry, "title"));
	const char *summary = json_string_value(json_object_get(entry, "summary"));
	const char *reason = json_string_value(json_object_get(entry, "reason"));
	/* A part that shows nothing (" ", a zero-width space) is a missing part: asked again. */
	if (text_is_blank(title) || text_is_blank(summary) || text_is_blank(reason))
		return -1;
	/* A headline, summary or why-read in the other language (a model that answers in English
	 * whatever it is asked, or leaves the English title as it was: the Chinese digest showed
	 * "Taalas serves Llama 3.1 8B at 17,000 tokens/second" under 今日必读) is no entry of this
	 * digest: asked again, then the offline engine's, and never cached. */
	if (!title_in_language(title, ctx->is_en) || !stage_in_language(summary, ctx->is_en) ||
	    !stage_in_language(reason, ctx->is_en)) {
		log_warn("llm enrich: an entry is not in %s, left out (asked again)", ctx->is_en ? "English" : "Chinese");
		return -1;
	}
	/* A "summary" of 5,000 characters went into the digest as it came: cut at a sentence end
	 * to the prompt's promise; one without a sentence end within it is asked again. */
	const char *capped = summary_capped(summary, ctx->is_en, ctx->arena);
	if (!capped) {
		log_warn("llm enrich: a summary has no sentence end within %d characters, left out (asked again)",
		         ctx->is_en ? SUMMARY_MAX_CHARS_EN : SUMMARY_MAX_CHARS_ZH);
		return -1;
	}
	struct story *s = ctx->top[index];
	s->enrichment.title = arena_strdup(ctx->arena, title);
	s->enrichment.summary = capped;
	s->enrichment.reason = arena_strdup(ctx->arena, reason);
	s->enrichment.is_offline = 0;
	s->enrichment.is_quoted = 0; /* the model's words */
	s->has_enrichment = 1;
	return 0;
}

size_t
stage_enrich(const struct stage_env *env, struct story **top, size_t n, const char *lang, struct arena *arena,
             const char **highlights)
{
	*highlights = NULL;
	struct batch_item *items = xcalloc(n ? n : 1, sizeof *items);
	for (size_t i = 0; i < n; i++) {
		struct buf body = BUF_INIT;
		prompt_article_body(&body, top[i]->lead, env->enrich_text_tokens > 0 ? env->enrich_text_tokens : 1200);
		items[i].index = i;
		items[i].body = buf_detach(&body);
		batch_hash(lang, items[i].body, items[i].hash);
	}
	struct enrich_ctx ctx = {top, arena, lang && strcmp(lang, "en") == 0};
	/* A summary is shown under the article its id names: one that names more of a batchmate's
	 * names and figures than its own is that article's, answered under the wrong id. */
	static const char *const match_keys[] = {"title", "summary", NULL};
	struct batch_task t = {
		.task = PROMPT_ENRICH,
		.lang = lang,
		/* Without a configured size: one batch per lane (at most 5 articles each), so the top
		 * N go out in one wave, the smallest batch last: the highlights request goes first and
		 * its lane takes that batch when done. Decoding time per lane is the same as with more,
		 * smaller batches; the fixed latency is paid once (bench/llm, bench/daily). */
		.batch_size = env->enrich_batch > 0 ? env->enrich_batch : 0,
		.auto_max = 5,
		.tokens_per_item = 640, /* title, 4-6 sentences, one reason: ~450 tokens in Chinese */
		.tokens_base = 64,
		.apply = enrich_apply,
		.ctx = &ctx,
		.match_keys = match_keys,
	};
	batch_run(&env->be, &t, items, n);
	/* The highlights are written after the enrichment, from the picks' titles and summaries in
	 * the reader's language (seed 000's 今日看点 reads the day's stories, not their first lines
	 * in English): one more request, unless cached. */
	struct buf hl_user = BUF_INIT;
	char hl_hash[33];
	highlights_input(top, n, &hl_user, lang, hl_hash);
	*highlights = n ? highlights_cached(&env->be, hl_hash, ctx.is_en, arena) : NULL;
	if (!*highlights && n && env->be.llm) {
		struct llm_request hl = {.task = PROMPT_HIGHLIGHTS, .lang = lang, .user = buf_str(&hl_user), .max_tokens = 700};
		struct llm_request *extra[1] = {&hl};
		struct batch_task ht = {.task = PROMPT_HIGHLIGHTS, .lang = lang, .extra = extra, .extra_count = 1};
		batch_run(&env->be, &ht, NULL, 0);
		if (hl.is_ok)
			*highlights = highlights_take(&env->be, hl_hash, hl.answer, ctx.is_en, arena);
		llm_request_clear(&hl);
	}
	buf_free(&hl_user);
	size_t done = 0;
	for (size_t i = 0; i < n; i++)
		done += items[i].is_done;
	batch_items_free(items, n);
	free(items);
	return done;
}
