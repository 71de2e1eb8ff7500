/* highlights.c: the highlights request ("今日看点") over the top stories and its cache entry (the
 * offline engine's paragraph is ai/offline/trends.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "ai/offline/offline.h"
#include "ai/offline/text.h"
#include "ai/curate/stage.h"
#include "store/llmcache.h"
#include "util/hash.h"
#include "util/log.h"
#include "util/str.h"

#define HIGHLIGHT_TEXT_TOKENS 400 /* a summary is ~100-200 characters; the bound is for fallbacks */

void
highlights_input(struct story *const *top, size_t n, struct buf *user, const char *lang, char hash[33])
{
	size_t start = user->len;
	prompt_user_begin(user);
	for (size_t i = 0; i < n; i++) {
		/* The story as the reader sees it: its title and summary in the reader's language
		 * (the offline extract when the model could not enrich it). */
		struct article shown = *top[i]->lead;
		if (top[i]->has_enrichment) {
			shown.title = top[i]->enrichment.title ? top[i]->enrichment.title : shown.title;
			shown.text = top[i]->enrichment.summary ? top[i]->enrichment.summary : shown.text;
		}
		struct buf body = BUF_INIT;
		prompt_article_body(&body, &shown, HIGHLIGHT_TEXT_TOKENS);
		buf_printf(&body, "category: %s\nsources: %zu\n", category_id(top[i]->verdict.category),
		           story_sources(top[i]));
		char id[16];
		snprintf(id, sizeof id, "a%zu", i + 1);
		prompt_user_article(user, id, buf_str(&body));
		buf_free(&body);
	}
	prompt_user_end(user);
	batch_hash(lang, user->data + start, hash);
}

/* text past a label that repeats the section's heading, which a model told to write the
 * highlights opens them with: "今日看点：", "**Today's Highlights:**", or a heading line of its
 * own, the digest's section echoed ("## 📝 今日看点") or the label in bold on the line before
 * the paragraph ("**今日看点**"): under the heading 今日看点 the reader read it twice. text
 * itself when it has none, or nothing after it. */
static const char *
highlights_unlabel(const char *text)
{
	static const char *const labels[] = {"今日看点", "Today's Highlights", "Today\xe2\x80\x99s Highlights",
	                                     "Highlights"};
	const char *p = text;
	while (*p == ' ' || *p == '\n')
		p++;
	while (*p == '#') /* a Markdown heading's marks */
		p++;
	while (*p == ' ')
		p++;
	if (str_starts(p, "**"))
		p += 2;
	if (str_starts(p, "\xf0\x9f\x93\x9d")) /* the section heading's 📝 */
		p += 4;
	while (*p == ' ')
		p++;
	size_t i = 0;
	while (i < sizeof labels / sizeof labels[0] && !str_istarts(p, labels[i]))
		i++;
	if (i == sizeof labels / sizeof labels[0])
		return text;
	p += strlen(labels[i]);
	if (str_starts(p, "**"))
		p += 2;
	if (str_starts(p, "\xef\xbc\x9a")) /* ： */
		p += 3;
	else if (*p == ':')
		p++;
	else {
		/* no colon: a label only when nothing but the line's end follows it ("今日看点是…" is
		 * the paragraph's own sentence) */
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (*p != '\n')
			return text;
	}
	if (str_starts(p, "**"))
		p += 2;
	while (*p == ' ' || *p == '\n' || *p == '\r')
		p++;
	return text_is_blank(p) ? text : p;
}

/* Whether text is a highlights paragraph to show: not blank (" " is no paragraph) and in the
 * reader's language (is_en: English, else Chinese), else the offline paragraph is; warned
 * (from "where") when it is in the other language. */
static int
highlights_usable(const char *text, int is_en, const char *where)
{
	if (text_is_blank(text))
		return 0;
	if (!stage_in_language(text, is_en)) {
		log_warn("llm highlights%s: not in %s, left out", where, is_en ? "English" : "Chinese");
		return 0;
	}
	return 1;
}

const char *
highlights_cached(const struct batch_env *env, const char *hash, int is_en, struct arena *arena)
{
	if (!env->st)
		return NULL;
	const char *cached = llmcache_get(env->st, "highlights", prompt_version(PROMPT_HIGHLIGHTS), env->cache_model, hash,
	                                  arena);
	json_t *v = cached ? json_loads(cached, 0, NULL) : NULL;
	const char *text = json_string_value(json_object_get(v, "highlights"));
	/* Checked as an answer is: one cached before the checks existed is asked again. */
	const char *out =
		v && highlights_usable(text, is_en, " (cached)") ? arena_strdup(arena, highlights_unlabel(text)) : NULL;
	json_decref(v);
	return out;
}

const char *
highlights_take(const struct batch_env *env, const char *hash, json_t *answer, int is_en, struct arena *arena)
{
	const char *text = json_string_value(json_object_get(answer, "highlights"));
	if (!highlights_usable(text, is_en, ""))
		return NULL;
	char *s = json_dumps(answer, JSON_COMPACT | JSON_SORT_KEYS);
	struct err e;
	if (env->st && llmcache_put(env->st, "highlights", prompt_version(PROMPT_HIGHLIGHTS), env->cache_model, hash, s,
	                            env->now, &e) < 0)
		log_warn("llm cache: %s", e.msg);
	free(s);
	return arena_strdup(arena, highlights_unlabel(text));
}
