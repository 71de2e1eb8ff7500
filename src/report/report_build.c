/* report_build.c: build a struct report from curated stories. */
#include "report/build.h"

#include <string.h>

#include "ai/offline/text.h"
#include "feed/feed.h"
#include "report/i18n.h"
#include "util/buf.h"
#include "util/redact.h"
#include "util/str.h"

/* Keywords are counted case-insensitively (ASCII) with surrounding spaces trimmed, and shown
 * in the first spelling that has capitals ("LLM", "Rust" rather than "llm"), so a canonical
 * topic reads as its name in the tag cloud and charts. */
static char *
trim_keyword(struct arena *a, const char *k)
{
	size_t len = strlen(k);
	const char *p = k;
	str_trim(&p, &len);
	return arena_strndup(a, p, len);
}

static int
has_capital(const char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			return 1;
	return 0;
}

static void
count_keywords(struct report *r, struct arena *a)
{
	size_t cap = 0;
	for (size_t i = 0; i < r->item_count; i++)
		cap += r->items[i].keyword_count;
	r->keywords = arena_alloc(a, (cap + 1) * sizeof *r->keywords);
	r->keyword_count = 0;
	for (size_t i = 0; i < r->item_count; i++) {
		const struct report_item *it = &r->items[i];
		for (size_t k = 0; k < it->keyword_count; k++) {
			if (!it->keywords[k])
				continue;
			char *w = trim_keyword(a, it->keywords[k]);
			if (!*w)
				continue;
			size_t j = 0;
			while (j < r->keyword_count && str_casecmp(r->keywords[j].word, w) != 0)
				j++;
			if (j == r->keyword_count)
				r->keywords[r->keyword_count++] = (struct report_keyword){w, 0};
			else if (!has_capital(r->keywords[j].word) && has_capital(w))
				r->keywords[j].word = w;
			r->keywords[j].count++;
		}
	}
	/* Stable insertion sort by count, descending: ties keep first-appearance order. */
	for (size_t i = 1; i < r->keyword_count; i++) {
		struct report_keyword k = r->keywords[i];
		size_t j = i;
		while (j > 0 && r->keywords[j - 1].count < k.count) {
			r->keywords[j] = r->keywords[j - 1];
			j--;
		}
		r->keywords[j] = k;
	}
}

/* The order of the category sections (and of the pie chart): most stories first, ties in the
 * categories' own order, and "other", the leftovers, always last. */
static int
category_before(const struct report_category *a, const struct report_category *b)
{
	if ((a->category == CAT_OTHER) != (b->category == CAT_OTHER))
		return b->category == CAT_OTHER;
	return a->count > b->count;
}

static void
count_categories(struct report *r, struct arena *a)
{
	int counts[CAT_COUNT] = {0};
	for (size_t i = 0; i < r->item_count; i++)
		counts[(unsigned)r->items[i].category < CAT_COUNT ? r->items[i].category : CAT_OTHER]++;
	r->categories = arena_alloc(a, CAT_COUNT * sizeof *r->categories);
	r->category_count = 0;
	for (int c = 0; c < CAT_COUNT; c++)
		if (counts[c] > 0)
			r->categories[r->category_count++] = (struct report_category){(enum category)c, counts[c]};
	for (size_t i = 1; i < r->category_count; i++) {
		struct report_category k = r->categories[i];
		size_t j = i;
		while (j > 0 && category_before(&k, &r->categories[j - 1])) {
			r->categories[j] = r->categories[j - 1];
			j--;
		}
		r->categories[j] = k;
	}
}

static void
fill_item(struct report_item *it, const struct story *s, int rank, struct arena *a)
{
	const struct article *lead = s->lead;
	it->rank = rank;
	it->id = s->id;
	it->link = lead->link ? lead->link : lead->canonical_link;
	/* An untitled post (a microblog's) is headed by its first sentence, else its link: never
	 * an empty, unclickable heading. */
	const char *shown = text_display_title(lead->title, lead->text, it->link, TEXT_DISPLAY_TITLE_CHARS, a);
	it->title = shown ? shown : "";
	it->published = lead->published;
	it->when = lead->when;
	it->category = (unsigned)s->verdict.category < CAT_COUNT ? s->verdict.category : CAT_OTHER;
	it->relevance = s->verdict.relevance;
	it->quality = s->verdict.quality;
	it->timeliness = s->verdict.timeliness;
	it->total = s->score ? s->score : it->relevance + it->quality + it->timeliness;
	it->keywords = s->verdict.keywords;
	it->keyword_count = s->verdict.keyword_count;
	if (s->has_enrichment) {
		it->title_translated = text_is_blank(s->enrichment.title) ? NULL : s->enrichment.title;
		/* The title itself (the offline engine's) is no translation, also when the heading
		 * shows more than it (a tag's "0.1.1" under its project's name). */
		if (it->title_translated && lead->title && strcmp(it->title_translated, lead->title) == 0)
			it->title_translated = NULL;
		it->summary = s->enrichment.summary;
		it->reason = s->enrichment.reason;
	}
	/* Each source once, the lead's first. */
	size_t members = s->member_count ? s->member_count : 1;
	it->sources = arena_alloc(a, members * sizeof *it->sources);
	it->source_count = 0;
	for (size_t m = 0; m < members; m++) {
		const struct article *art = s->member_count ? s->members[m] : lead;
		const char *name = art->source_name ? art->source_name : redact_str(a, art->source_url);
		size_t k = 0;
		while (k < it->source_count && !(name && it->sources[k].name && strcmp(it->sources[k].name, name) == 0))
			k++;
		if (k == it->source_count)
			it->sources[it->source_count++] = (struct report_source){name, art->link};
	}
}

static void
date_problems(struct report *r, const struct article *articles, size_t count, int64_t now, struct arena *a)
{
	struct report_health *h = &r->health;
	size_t undated = 0, future = 0;
	for (size_t i = 0; i < count; i++) {
		if (articles[i].published == FEED_NO_DATE)
			undated++;
		else if (articles[i].published > now + 86400)
			future++;
	}
	h->undated = arena_alloc(a, (undated + 1) * sizeof *h->undated);
	h->future = arena_alloc(a, (future + 1) * sizeof *h->future);
	for (size_t i = 0; i < count; i++) {
		const struct article *art = &articles[i];
		struct report_problem p = {art->source_name, redact_str(a, art->source_url),
		                           art->title ? art->title : art->link, art->published};
		if (art->published == FEED_NO_DATE)
			h->undated[h->undated_count++] = p;
		else if (art->published > now + 86400)
			h->future[h->future_count++] = p;
	}
}

void
report_build(struct report *r, const struct curate_result *cur, const struct article *articles, size_t count,
             const struct report_build_opts *opts, struct arena *arena)
{
	memset(r, 0, sizeof *r);
	struct buf date = BUF_INIT;
	i18n_local(&date, opts->now, I18N_DATE);
	r->date = arena_strdup(arena, buf_str(&date));
	buf_free(&date);
	r->generated_at = opts->now;
	r->lang = opts->lang && strcmp(opts->lang, "en") == 0 ? "en" : "zh";
	r->engine = cur->engine ? cur->engine : "offline";
	r->model = cur->model;
	r->top_n = opts->top_n;
	r->highlights = cur->highlights;
	r->items = arena_alloc(arena, (cur->top_count + 1) * sizeof *r->items);
	for (size_t i = 0; i < cur->top_count; i++)
		fill_item(&r->items[r->item_count++], cur->top[i], (int)i + 1, arena);
	count_keywords(r, arena);
	count_categories(r, arena);
	r->stats.articles_in_window = (long)count;
	r->stats.selected = (int)r->item_count;
	r->stats.hours = opts->hours;
	date_problems(r, articles, count, opts->now, arena);
}
