/* extract.c: the offline engine's words: extractive summaries, the honest "why read" line and
 * template highlights (declared in offline.h). */
#include <string.h>

#include "ai/category.h"
#include "ai/lexicon.h"
#include "ai/offline.h"
#include "ai/text.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/utf8.h"

#define MAX_SENTENCES 80
#define SUMMARY_TARGET_CHARS 280 /* stop adding sentences past this many characters */
#define SUMMARY_MAX_CHARS 700

static int
is_boilerplate(const char *s, size_t len)
{
	static const char *const marks[] = {"subscribe", "newsletter", "sponsor", "click here", "read more",
	                                    "continue reading", "the post ", "appeared first on", "comments",
	                                    "patreon", "cookie"};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (str_icasestr(s, len, marks[i]))
			return 1;
	return 0;
}

static double
sentence_score(const struct text_span *sp, size_t index, const struct verdict *v)
{
	size_t words = text_word_count(sp->p, sp->len);
	if (words < 5 || is_boilerplate(sp->p, sp->len))
		return -1;
	double s = index == 0 ? 3.0 : index == 1 ? 2.0 : index == 2 ? 1.5 : 1.0 / (1.0 + 0.1 * (double)index);
	struct text_iter it;
	text_iter_init(&it, sp->p, sp->len);
	int topical = 0;
	while (text_next(&it)) {
		if (!it.is_cjk && lexicon_find(it.word))
			topical++;
		for (size_t k = 0; v && k < v->keyword_count; k++)
			if (strcmp(it.word, v->keywords[k]) == 0)
				topical += 2;
		if (!it.is_cjk && is_ascii_digit((unsigned char)it.word[0]))
			topical++;
	}
	s += 0.4 * (topical > 8 ? 8 : topical);
	if (words > 60)
		s -= 2.0;
	return s;
}

/* True when s starts with a CJK character (no space is put between CJK sentences). */
static int
text_is_cjk_start(const char *s)
{
	if ((unsigned char)*s < 0x80)
		return 0;
	uint32_t cp;
	utf8_decode(s, strlen(s) < 4 ? strlen(s) : 4, &cp);
	return text_is_cjk(cp);
}

/* The best 2..4 sentences of text, in their original order. */
static const char *
extract_summary(const char *text, const struct verdict *v, struct arena *arena)
{
	struct text_span spans[MAX_SENTENCES];
	size_t n = text_sentences(text, spans, MAX_SENTENCES);
	double score[MAX_SENTENCES];
	int chosen[MAX_SENTENCES] = {0};
	for (size_t i = 0; i < n; i++)
		score[i] = sentence_score(&spans[i], i, v);
	size_t picked = 0, chars = 0;
	while (picked < 4 && (picked < 2 || chars < SUMMARY_TARGET_CHARS)) {
		int best = -1;
		for (size_t i = 0; i < n; i++)
			if (!chosen[i] && score[i] >= 0 && (best < 0 || score[i] > score[best]))
				best = (int)i;
		if (best < 0)
			break;
		chosen[best] = 1;
		picked++;
		chars += utf8_count(spans[best].p, spans[best].len);
	}
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (!chosen[i])
			continue;
		if (b.len && !text_is_cjk_start(spans[i].p))
			buf_putc(&b, ' ');
		buf_append(&b, spans[i].p, spans[i].len);
	}
	if (!b.len && text[0]) /* no sentence qualified: the head of the text */
		buf_puts(&b, text);
	size_t keep = utf8_prefix_chars(buf_str(&b), b.len, SUMMARY_MAX_CHARS);
	const char *out;
	if (keep < b.len)
		out = arena_printf(arena, "%.*s…", (int)keep, buf_str(&b));
	else
		out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}

void
offline_enrich(const struct article *a, const struct verdict *v, const char *lang, struct arena *arena,
               struct enrichment *out)
{
	memset(out, 0, sizeof *out);
	out->title = a->title;
	const char *text = a->text && *a->text ? a->text : a->title;
	out->summary = extract_summary(text ? text : "", v, arena);
	struct buf b = BUF_INIT;
	int is_zh = !lang || strcmp(lang, "en") != 0;
	for (size_t k = 0; k < v->keyword_count && k < 3; k++) {
		if (k)
			buf_puts(&b, is_zh ? "、" : ", ");
		buf_puts(&b, v->keywords[k]);
	}
	if (is_zh)
		out->reason = arena_printf(arena,
		                           "离线引擎按关键词规则选出（相关 %d、质量 %d、时效 %d），涉及 %s；"
		                           "摘要为原文摘录，未经翻译。",
		                           v->relevance, v->quality, v->timeliness, buf_str(&b));
	else
		out->reason = arena_printf(arena,
		                           "Picked by the offline engine's keyword rules (relevance %d, quality %d, "
		                           "timeliness %d) for %s; the summary is quoted from the article.",
		                           v->relevance, v->quality, v->timeliness, buf_str(&b));
	buf_free(&b);
	out->is_offline = 1;
}

struct count {
	const char *key;
	int n;
};

static void
bump(struct count *c, size_t *n, size_t max, const char *key)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(c[i].key, key) == 0) {
			c[i].n++;
			return;
		}
	if (*n < max)
		c[(*n)++] = (struct count){key, 1};
}

/* Sort by count desc, key asc (insertion sort: the lists are tiny). */
static void
sort_counts(struct count *c, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && (c[j].n > c[j - 1].n || (c[j].n == c[j - 1].n && strcmp(c[j].key, c[j - 1].key) < 0));
		     j--) {
			struct count t = c[j];
			c[j] = c[j - 1];
			c[j - 1] = t;
		}
}

const char *
offline_highlights(struct story *const *top, size_t count, const char *lang, struct arena *arena)
{
	int is_zh = !lang || strcmp(lang, "en") != 0;
	if (count == 0)
		return arena_strdup(arena, is_zh ? "今日窗口内没有可推荐的文章。" : "Nothing in the window was worth picking today.");
	struct count cats[CAT_COUNT], kws[64];
	size_t ncat = 0, nkw = 0;
	const struct story *widest = NULL;
	for (size_t i = 0; i < count; i++) {
		const struct story *s = top[i];
		bump(cats, &ncat, CAT_COUNT, category_id(s->verdict.category));
		for (size_t k = 0; k < s->verdict.keyword_count; k++)
			bump(kws, &nkw, 64, s->verdict.keywords[k]);
		if (s->member_count > 1 && (!widest || s->member_count > widest->member_count))
			widest = s;
	}
	sort_counts(cats, ncat);
	sort_counts(kws, nkw);
	struct buf b = BUF_INIT;
	enum category c0 = CAT_OTHER, c1 = CAT_OTHER;
	category_parse(cats[0].key, &c0);
	if (ncat > 1)
		category_parse(cats[1].key, &c1);
	if (is_zh) {
		buf_printf(&b, "今日看点（离线引擎生成）：本期精选 %zu 篇，集中在%s（%d 篇）", count,
		           category_label(c0, "zh"), cats[0].n);
		if (ncat > 1)
			buf_printf(&b, "与%s（%d 篇）", category_label(c1, "zh"), cats[1].n);
		buf_puts(&b, "。");
		if (nkw > 0) {
			buf_puts(&b, "高频话题包括");
			for (size_t i = 0; i < nkw && i < 3; i++)
				buf_printf(&b, "%s%s", i ? "、" : "", kws[i].key);
			buf_puts(&b, "。");
		}
		if (widest)
			buf_printf(&b, "「%s」被 %zu 个来源同时报道。", widest->lead->title, widest->member_count);
		buf_printf(&b, "得分最高的是「%s」（%s，%d/30）。", top[0]->lead->title,
		           top[0]->lead->source_name ? top[0]->lead->source_name : "", top[0]->score);
	} else {
		buf_printf(&b, "Today's picks (written by the offline engine): %zu stories, mostly %s (%d)", count,
		           category_label(c0, "en"), cats[0].n);
		if (ncat > 1)
			buf_printf(&b, " and %s (%d)", category_label(c1, "en"), cats[1].n);
		buf_puts(&b, ".");
		if (nkw > 0) {
			buf_puts(&b, " Recurring topics: ");
			for (size_t i = 0; i < nkw && i < 3; i++)
				buf_printf(&b, "%s%s", i ? ", " : "", kws[i].key);
			buf_puts(&b, ".");
		}
		if (widest)
			buf_printf(&b, " \"%s\" was covered by %zu sources.", widest->lead->title, widest->member_count);
		buf_printf(&b, " The top-scored story is \"%s\" (%s, %d/30).", top[0]->lead->title,
		           top[0]->lead->source_name ? top[0]->lead->source_name : "", top[0]->score);
	}
	const char *out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}
