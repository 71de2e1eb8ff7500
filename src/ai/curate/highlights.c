/* highlights.c: the highlights request ("今日看点") over the top stories, its cache entry, and the
 * offline engine's highlights paragraph (declared in offline.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "category.h"
#include "ai/offline/offline.h"
#include "ai/curate/stage.h"
#include "store/llmcache.h"
#include "util/hash.h"
#include "util/log.h"

#define HIGHLIGHT_TEXT_TOKENS 80 /* a glimpse of each story is enough to name trends */

void
highlights_input(struct story *const *top, size_t n, struct buf *user, const char *lang, char hash[33])
{
	size_t start = user->len;
	prompt_user_begin(user);
	for (size_t i = 0; i < n; i++) {
		struct buf body = BUF_INIT;
		prompt_article_body(&body, top[i]->lead, HIGHLIGHT_TEXT_TOKENS);
		buf_printf(&body, "category: %s\n", category_id(top[i]->verdict.category));
		char id[16];
		snprintf(id, sizeof id, "a%zu", i + 1);
		prompt_user_article(user, id, buf_str(&body));
		buf_free(&body);
	}
	prompt_user_end(user);
	batch_hash(lang, user->data + start, hash);
}

const char *
highlights_cached(const struct batch_env *env, const char *hash, struct arena *arena)
{
	if (!env->st)
		return NULL;
	const char *cached = llmcache_get(env->st, "highlights", prompt_version(PROMPT_HIGHLIGHTS), env->model, hash,
	                                  arena);
	json_t *v = cached ? json_loads(cached, 0, NULL) : NULL;
	const char *text = json_string_value(json_object_get(v, "highlights"));
	const char *out = text && *text ? arena_strdup(arena, text) : NULL;
	json_decref(v);
	return out;
}

const char *
highlights_take(const struct batch_env *env, const char *hash, json_t *answer, struct arena *arena)
{
	const char *text = json_string_value(json_object_get(answer, "highlights"));
	if (!text || !*text)
		return NULL;
	char *s = json_dumps(answer, JSON_COMPACT | JSON_SORT_KEYS);
	struct err e;
	if (env->st && llmcache_put(env->st, "highlights", prompt_version(PROMPT_HIGHLIGHTS), env->model, hash, s,
	                            env->now, &e) < 0)
		log_warn("llm cache: %s", e.msg);
	free(s);
	return arena_strdup(arena, text);
}

/* ---- offline highlights ---- */

struct cat_group {
	enum category cat;
	int n;
	size_t first; /* index of its best story in top */
};

/* The most frequent keyword shared by at least two stories of category c (NULL when none). */
static const char *
shared_keyword(struct story *const *top, size_t count, enum category c, const char *skip)
{
	const char *best = NULL;
	int best_n = 1;
	for (size_t i = 0; i < count; i++) {
		if (top[i]->verdict.category != c)
			continue;
		for (size_t k = 0; k < top[i]->verdict.keyword_count; k++) {
			const char *w = top[i]->verdict.keywords[k];
			if (skip && strcmp(w, skip) == 0)
				continue;
			int n = 0;
			for (size_t j = 0; j < count; j++)
				for (size_t m = 0; top[j]->verdict.category == c && m < top[j]->verdict.keyword_count; m++)
					n += strcmp(top[j]->verdict.keywords[m], w) == 0;
			if (n > best_n || (n == best_n && best && strcmp(w, best) < 0)) {
				best = w;
				best_n = n;
			}
		}
	}
	return best;
}

/* "k1 and k2" / "k1、k2" from a story's first two keywords. */
static void
put_keywords(struct buf *b, const struct story *s, int zh)
{
	size_t n = s->verdict.keyword_count < 2 ? s->verdict.keyword_count : 2;
	for (size_t k = 0; k < n; k++)
		buf_printf(b, "%s%s", k ? (zh ? " 与 " : " and ") : "", s->verdict.keywords[k]);
}

static void
lower_label(struct buf *b, enum category c, int zh)
{
	const char *l = category_label(c, zh ? "zh" : "en");
	if (zh || c == CAT_AI_ML) { /* "AI / ML" keeps its capitals */
		buf_puts(b, l);
		return;
	}
	for (const char *p = l; *p; p++)
		buf_putc(b, (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p));
}

const char *
offline_highlights(struct story *const *top, size_t count, const char *lang, struct arena *arena)
{
	int zh = !lang || strcmp(lang, "en") != 0;
	if (count == 0)
		return arena_strdup(arena, zh ? "今日窗口内没有可推荐的文章。" : "Nothing in the window was worth picking today.");
	/* Categories by number of stories, then by their best story's rank. */
	struct cat_group g[CAT_COUNT];
	size_t ng = 0;
	for (size_t i = 0; i < count; i++) {
		size_t k = 0;
		while (k < ng && g[k].cat != top[i]->verdict.category)
			k++;
		if (k == ng)
			g[ng++] = (struct cat_group){top[i]->verdict.category, 0, i};
		g[k].n++;
	}
	for (size_t i = 1; i < ng; i++)
		for (size_t j = i; j > 0 && (g[j].n > g[j - 1].n || (g[j].n == g[j - 1].n && g[j].first < g[j - 1].first)); j--) {
			struct cat_group t = g[j];
			g[j] = g[j - 1];
			g[j - 1] = t;
		}
	const struct story *widest = NULL;
	for (size_t i = 0; i < count; i++)
		if (top[i]->member_count > 1 && (!widest || top[i]->member_count > widest->member_count))
			widest = top[i];
	struct buf b = BUF_INIT;
	const struct story *lead = top[g[0].first];
	const char *t1 = shared_keyword(top, count, g[0].cat, NULL);
	const char *t2 = t1 ? shared_keyword(top, count, g[0].cat, t1) : NULL;
	if (zh) {
		buf_puts(&b, "今天的精选以");
		lower_label(&b, g[0].cat, 1);
		buf_printf(&b, "为主（%zu 篇中占 %d 篇）", count, g[0].n);
		if (t1)
			buf_printf(&b, "，反复出现的话题是 %s%s%s", t1, t2 ? " 和 " : "", t2 ? t2 : "");
		buf_printf(&b, "，领头的是「%s」，关于 ", lead->lead->title);
		put_keywords(&b, lead, 1);
		if (widest == lead)
			buf_printf(&b, "，有 %zu 个来源报道", lead->member_count);
		buf_puts(&b, "。");
	} else {
		buf_puts(&b, "Today's picks lean towards ");
		lower_label(&b, g[0].cat, 0);
		buf_printf(&b, " (%d of %zu)", g[0].n, count);
		if (t1)
			buf_printf(&b, ", with %s%s%s coming up more than once", t1, t2 ? " and " : "", t2 ? t2 : "");
		buf_printf(&b, "; the lead story, \"%s\", is about ", lead->lead->title);
		put_keywords(&b, lead, 0);
		if (widest == lead)
			buf_printf(&b, " and was picked up by %zu sources", lead->member_count);
		buf_puts(&b, ".");
	}
	for (size_t k = 1; k < ng && k < 3; k++) {
		const struct story *s = top[g[k].first];
		if (zh) {
			buf_puts(&b, k == 1 ? "" : "此外，");
			if (g[k].cat == CAT_OTHER) {
				buf_puts(&b, "其他话题里");
			} else {
				lower_label(&b, g[k].cat, 1);
				buf_puts(&b, "方面");
			}
			buf_printf(&b, "，「%s」聚焦 ", s->lead->title);
			put_keywords(&b, s, 1);
			buf_puts(&b, "。");
		} else {
			if (g[k].cat == CAT_OTHER) {
				buf_puts(&b, k == 1 ? " Elsewhere" : " And elsewhere");
			} else {
				buf_printf(&b, " %s ", k == 1 ? "In" : "And in");
				lower_label(&b, g[k].cat, 0);
			}
			buf_printf(&b, ", \"%s\" looks at ", s->lead->title);
			put_keywords(&b, s, 0);
			buf_puts(&b, ".");
		}
	}
	if (ng == 1 && count > 1) {
		const struct story *s = top[1];
		if (zh) {
			buf_printf(&b, "同类的还有「%s」（", s->lead->title);
			put_keywords(&b, s, 1);
			buf_puts(&b, "）。");
		} else {
			buf_printf(&b, " Also in this vein: \"%s\" (", s->lead->title);
			put_keywords(&b, s, 0);
			buf_puts(&b, ").");
		}
	}
	if (widest && widest != lead)
		buf_printf(&b, zh ? "「%s」被 %zu 个来源同时报道。" : " \"%s\" was picked up by %zu sources.",
		           widest->lead->title, widest->member_count);
	buf_puts(&b, zh ? "（以上由离线引擎根据关键词归纳。）" : " (Trends spotted by the offline engine from keywords.)");
	const char *out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}
