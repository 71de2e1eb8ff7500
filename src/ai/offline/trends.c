/* trends.c: the offline engine's highlights paragraph ("今日看点", declared in offline.h): the
 * day's mix of categories, the topics the day's top stories share, with how many stories each
 * holds, the #1 story as the lead and the story most sources carried. A topic only one story
 * has is not a trend and is not mentioned; nothing is translated or invented. */
#include <string.h>

#include "ai/offline/offline.h"
#include "ai/offline/text.h"
#include "category.h"
#include "util/buf.h"
#include "util/str.h"
#include "util/utf8.h"

#define MAX_TOPICS 64
#define MAX_CLUSTERS 3

struct topic {
	const char *name;  /* as the first story spells it */
	unsigned long set; /* bit i: top[i] has it (the first 64 stories) */
	int count;
	size_t first;      /* best-ranked story with it */
};

/* Case-insensitive equality of two keywords (any script): "LLM" and "llm" are one topic. */
static int
same_topic(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i = 0, j = 0;
	while (i < la && j < lb) {
		uint32_t x, y;
		size_t n = utf8_decode(a + i, la - i, &x), m = utf8_decode(b + j, lb - j, &y);
		if (utf8_tolower(x) != utf8_tolower(y))
			return 0;
		i += n ? n : 1;
		j += m ? m : 1;
	}
	return i == la && j == lb;
}

static int
popcount(unsigned long x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* The shared topics of top[0..count), most stories first, then the best-ranked story. */
static size_t
shared_topics(struct story *const *top, size_t count, struct topic *out)
{
	size_t n = 0;
	for (size_t i = 0; i < count && i < 64; i++)
		for (size_t k = 0; k < top[i]->verdict.keyword_count; k++) {
			const char *w = top[i]->verdict.keywords[k];
			size_t t = 0;
			while (t < n && !same_topic(out[t].name, w))
				t++;
			if (t == n) {
				if (n == MAX_TOPICS)
					continue;
				out[n++] = (struct topic){w, 0, 0, i};
			}
			out[t].set |= 1UL << i;
		}
	size_t kept = 0;
	for (size_t t = 0; t < n; t++) {
		out[t].count = popcount(out[t].set);
		if (out[t].count >= 2)
			out[kept++] = out[t];
	}
	for (size_t i = 1; i < kept; i++)
		for (size_t j = i; j > 0 && (out[j].count > out[j - 1].count ||
		                             (out[j].count == out[j - 1].count && out[j].first < out[j - 1].first));
		     j--) {
			struct topic tmp = out[j];
			out[j] = out[j - 1];
			out[j - 1] = tmp;
		}
	return kept;
}

/* Up to MAX_CLUSTERS topics whose stories are not all covered by a topic chosen before ("LLM"
 * with 3 stories already says what "inference" with 2 of them would). */
static size_t
pick_clusters(const struct topic *topics, size_t n, const struct topic **out)
{
	size_t k = 0;
	for (size_t t = 0; t < n && k < MAX_CLUSTERS; t++) {
		int covered = 0;
		for (size_t c = 0; c < k && !covered; c++)
			covered = (topics[t].set & ~out[c]->set) == 0;
		if (!covered)
			out[k++] = &topics[t];
	}
	return k;
}

/* The title a reader sees: the translation when there is one; an untitled post's first
 * sentence (else its link), as the digest heads it. */
static const char *
shown_title(const struct story *s, struct arena *arena)
{
	if (s->has_enrichment && !text_is_blank(s->enrichment.title))
		return s->enrichment.title;
	const struct article *a = s->lead;
	const char *t = text_display_title(a->title, a->text, a->link, TEXT_DISPLAY_TITLE_CHARS, arena);
	return t ? t : "";
}

/* Append word to b, set apart by a space when it starts with a Latin letter or digit and a CJK
 * character ends b ("话题是 LLM", "以 AI / ML"), as the other sentences write a Latin name;
 * after punctuation ("（LLM", "、Rust") nothing is added. */
static void
put_word(struct buf *b, const char *word)
{
	if (text_is_cjk(utf8_last(b->data, b->len)) && is_ascii_alnum((unsigned char)word[0]))
		buf_putc(b, ' ');
	buf_puts(b, word);
}

/* The picks' categories into b, most first: "all X" when one category holds every pick;
 * "mostly X (k)" when the largest holds two picks or
 * more, at least a third of them and more than any other (two even thirds are no day's main
 * field), else how they spread over the categories holding two or more; "other" is named when
 * no category is, or when it holds a third of the picks itself (a day of feeds off the field:
 * "spread over AI / ML (2)" would hide twelve of fifteen); a single pick, its category. A Latin
 * label stands apart from the Chinese around it ("以 AI / ML 为主"), a Chinese one does not
 * ("以安全为主"). */
static void
category_mix(struct story *const *top, size_t count, int zh, struct buf *b)
{
	size_t per[CAT_COUNT] = {0};
	for (size_t i = 0; i < count; i++)
		per[top[i]->verdict.category < CAT_COUNT ? top[i]->verdict.category : CAT_OTHER]++;
	enum category order[CAT_COUNT];
	size_t n = 0;
	for (int round = 0; round < 2 && n == 0; round++) /* round 1: "other" too */
		for (int c = 0; c < CAT_COUNT; c++)
			if (per[c] >= 2 && (round == 1 || c != CAT_OTHER || 3 * per[c] >= count))
				order[n++] = (enum category)c;
	for (size_t i = 1; i < n; i++) /* most picks first; ties keep the categories' order */
		for (size_t j = i; j > 0 && per[order[j]] > per[order[j - 1]]; j--) {
			enum category t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	if (n > 3)
		n = 3;
	const char *lang = zh ? "zh" : "en";
	if (count == 1) {
		const char *label = category_label(top[0]->verdict.category, lang);
		if (zh) {
			buf_puts(b, "今天只有 1 篇精选，属于");
			put_word(b, label);
			buf_puts(b, "。");
		} else {
			buf_printf(b, "Today's one pick is in %s.", label);
		}
		return;
	}
	if (n == 0) {
		buf_printf(b, zh ? "今天的 %zu 篇精选各属不同领域。" : "Today's %zu picks each belong to a different field.",
		           count);
		return;
	}
	if (per[order[0]] == count) { /* "mostly Other (2 stories)" of two picks says less than "all" */
		const char *label = category_label(order[0], lang);
		if (zh) {
			buf_printf(b, "今天的 %zu 篇精选都属于", count);
			put_word(b, label);
			buf_puts(b, "。");
		} else {
			buf_printf(b, "Today's %zu picks are all %s.", count, label);
		}
		return;
	}
	size_t from = 0;
	if (3 * per[order[0]] >= count && (n == 1 || per[order[0]] > per[order[1]])) {
		const char *label = category_label(order[0], lang);
		if (zh) {
			buf_printf(b, "今天的 %zu 篇精选以", count);
			put_word(b, label);
			buf_printf(b, "%s为主（%zu 篇）", is_ascii_alnum((unsigned char)label[strlen(label) - 1]) ? " " : "",
			           per[order[0]]);
		} else
			buf_printf(b, "Today's %zu picks are mostly %s (%zu stories)", count, label, per[order[0]]);
		from = 1;
		if (n > 1)
			buf_puts(b, zh ? "，另有" : ", with ");
	} else {
		buf_printf(b, zh ? "今天的 %zu 篇精选分布在" : "Today's %zu picks spread over ", count);
	}
	for (size_t i = from; i < n; i++) {
		if (i > from)
			buf_puts(b, zh ? "、" : (i + 1 == n ? " and " : ", "));
		put_word(b, category_label(order[i], lang));
		buf_printf(b, zh ? "（%zu 篇）" : " (%zu)", per[order[i]]);
	}
	buf_puts(b, zh ? "。" : ".");
}

const char *
offline_highlights(struct story *const *top, size_t count, const char *lang, struct arena *arena)
{
	int zh = !lang || strcmp(lang, "en") != 0;
	if (count == 0)
		return arena_strdup(arena, zh ? "今日窗口内没有可推荐的文章。" : "Nothing in the window was worth picking today.");
	struct topic topics[MAX_TOPICS];
	size_t nt = shared_topics(top, count, topics);
	const struct topic *cl[MAX_CLUSTERS];
	size_t nc = pick_clusters(topics, nt, cl);
	struct buf b = BUF_INIT;
	/* 1. The day's mix of categories: the broad trend a reader scans for first (seed 000 opens
	 * with it), said of the categories that hold two or more picks. */
	category_mix(top, count, zh, &b);
	/* 2. The topics several stories share, with their counts: recurring, not "the picks
	 * cluster around" them, which two stories of ten do not make true. */
	if (nc) {
		buf_puts(&b, zh ? "反复出现的话题是" : " Recurring topics: ");
		for (size_t c = 0; c < nc; c++) {
			if (c)
				buf_puts(&b, zh ? (c + 1 == nc ? "和" : "、") : (c + 1 == nc ? " and " : ", "));
			put_word(&b, cl[c]->name);
			buf_printf(&b, zh ? "（%d 篇）" : " (%d stories)", cl[c]->count);
		}
		buf_puts(&b, zh ? "。" : ".");
	}
	/* 3. The #1 story leads, with the shared topics it belongs to. */
	const struct story *lead = top[0];
	buf_printf(&b, zh ? "领头的是「%s」" : " The lead story is \"%s\"", shown_title(lead, arena));
	size_t shown = 0;
	for (size_t t = 0; t < nt && shown < 2; t++)
		if (topics[t].set & 1UL)
			buf_printf(&b, zh ? (shown++ ? "、%s" : "（%s") : (shown++ ? ", %s" : " (%s"), topics[t].name);
	if (shown)
		buf_puts(&b, zh ? "）" : ")");
	if (story_sources(lead) > 1)
		buf_printf(&b, zh ? "，有 %zu 个来源报道" : ", picked up by %zu sources", story_sources(lead));
	buf_puts(&b, zh ? "。" : ".");
	/* 4. The other stories of the first cluster (at most two): "also" only when the lead is
	 * one of its stories, else the cluster is introduced on its own. */
	if (nc) {
		size_t named = 0;
		int lead_in = (cl[0]->set & 1UL) != 0;
		for (size_t i = 1; i < count && i < 64 && named < 2; i++) {
			if (!(cl[0]->set & (1UL << i)))
				continue;
			if (!named && zh) { /* spaced as a Latin name, not as a Chinese one ("同属数据库的还有") */
				const char *name = cl[0]->name;
				const char *after = text_is_unspaced(utf8_last(name, strlen(name))) ? "" : " ";
				if (lead_in)
					buf_printf(&b, "同属%s%s%s的还有", text_zh_gap(name), name, after);
				else
					buf_printf(&b, "%s%s方面有", name, after);
			} else if (!named)
				buf_printf(&b, lead_in ? " Also on %s: " : " On %s: ", cl[0]->name);
			else
				buf_puts(&b, zh ? "和" : " and ");
			buf_printf(&b, zh ? "「%s」" : "\"%s\"", shown_title(top[i], arena));
			named++;
		}
		if (named)
			buf_puts(&b, zh ? "。" : ".");
	}
	/* 5. The story most sources carried, when it is not the lead. */
	const struct story *widest = NULL;
	for (size_t i = 1; i < count; i++)
		if (story_sources(top[i]) > 1 && (!widest || story_sources(top[i]) > story_sources(widest)))
			widest = top[i];
	if (widest && story_sources(widest) > story_sources(lead))
		buf_printf(&b, zh ? "「%s」被 %zu 个来源同时报道。" : " \"%s\" was picked up by %zu sources.",
		           shown_title(widest, arena), story_sources(widest));
	buf_puts(&b, zh ? "（以上由离线引擎根据分类与共同话题归纳。）"
	                : " (Trends spotted by the offline engine from categories and shared topics.)");
	const char *out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}
