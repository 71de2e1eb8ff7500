/* daily_check.c: the daily's model-written text checked against its articles (daily_check.h). */
#include "ai/longform/daily_check.h"

#include <stdio.h>
#include <string.h>

#include "ai/longform/grounding.h"
#include "ai/offline/offline.h"
#include "category.h"
#include "util/buf.h"

/* Check text against ix as a headline is checked (no citations: any source supports); repair
 * it when a claim is unsupported. Counts into rep; removed sentences go to removed as
 * "- where: sentence" lines. Returns the text to keep: text itself, the repaired text, or ""
 * when nothing of it stands. */
static const char *
check_part(const struct ground_index *ix, const char *text, const char *where, int en, struct arena *arena,
           struct daily_check_report *rep, struct buf *removed)
{
	if (!text || !*text)
		return text;
	int flags = GROUND_ANY_SOURCE | (en ? GROUND_EN : 0);
	struct ground_result r = {0};
	size_t bad = ground_check(ix, text, 0, flags, arena, &r);
	rep->claims += r.count;
	for (size_t i = 0; i < r.count; i++)
		rep->unsupported += r.claims[i].status == GROUND_UNSUPPORTED;
	if (bad == 0)
		return text;
	struct buf lines = BUF_INIT;
	size_t n_removed = 0, n_cited = 0;
	const char *kept = ground_repair(ix, text, flags, arena, &lines, &n_removed, &n_cited);
	rep->removed += n_removed;
	for (const char *p = buf_str(&lines); *p;) { /* "- sentence" lines, each named by its part */
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > 2)
			buf_printf(removed, "- %s: %.*s\n", where, (int)(len - 2), p + 2);
		p += len + (nl != NULL);
	}
	buf_free(&lines);
	return kept;
}

/* The digest's own counts as a source the highlights may cite. */
static const char *
facts_text(struct story **top, size_t n, const struct daily_facts *f, const char *lang, struct arena *arena)
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "date: %s\npicks: %zu\narticles: %zu\nfeeds: %d\nhours: %d\n", f->date ? f->date : "", n,
	           f->articles, f->feeds, f->hours);
	size_t per[CAT_COUNT] = {0};
	for (size_t i = 0; i < n; i++)
		per[top[i]->verdict.category]++;
	for (int c = 0; c < CAT_COUNT; c++)
		if (per[c])
			buf_printf(&b, "%s: %zu\n", category_label((enum category)c, lang), per[c]);
	const char *out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}

void
daily_check(struct story **top, size_t n, const char **highlights, int is_model_highlights,
            const struct daily_facts *facts, const char *lang, long text_tokens, struct arena *arena,
            struct daily_check_report *rep)
{
	memset(rep, 0, sizeof *rep);
	int en = lang && strcmp(lang, "en") == 0;
	struct buf removed = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		struct story *s = top[i];
		if (!s->has_enrichment || s->enrichment.is_offline)
			continue;
		const struct article *lead = s->lead;
		struct ground_index *ix = grounding_sources(&lead, 1, NULL, text_tokens, arena);
		char where[32];
		snprintf(where, sizeof where, "#%zu", i + 1);
		struct enrichment *e = &s->enrichment, fallback;
		const char *title = check_part(ix, e->title, where, en, arena, rep, &removed);
		if (title != e->title) { /* a headline is one claim-bearing sentence: it goes whole */
			e->title = lead->title;
			rep->replaced++;
		}
		const char *summary = check_part(ix, e->summary, where, en, arena, rep, &removed);
		const char *reason = check_part(ix, e->reason, where, en, arena, rep, &removed);
		if ((summary && !*summary) || (reason && !*reason))
			offline_enrich(lead, &s->verdict, lang, arena, &fallback);
		if (summary && !*summary) { /* its why-read goes with it: it says the summary is the article's own words */
			summary = fallback.summary;
			reason = fallback.reason;
			e->is_quoted = 1;
			rep->replaced++;
		} else if (reason && !*reason) {
			reason = fallback.reason;
			rep->replaced++;
		}
		e->summary = summary;
		e->reason = reason;
	}
	if (is_model_highlights && *highlights && **highlights) {
		/* The highlights were written from the picks' titles and summaries as the reader sees
		 * them (highlights.c), themselves checked above: each pick's article goes in with its
		 * shown title and summary ahead of it. */
		const struct article **src = arena_alloc(arena, (n ? n : 1) * sizeof *src);
		const char **heads = (const char **)arena_alloc(arena, (n ? n : 1) * sizeof *heads);
		for (size_t i = 0; i < n; i++) {
			const struct enrichment *e = &top[i]->enrichment;
			src[i] = top[i]->lead;
			heads[i] = arena_printf(arena, "%s\n%s\n", e->title ? e->title : "", e->summary ? e->summary : "");
		}
		struct ground_source counts = {0, facts_text(top, n, facts, lang, arena), facts->date};
		struct ground_index *ix = grounding_sources_plus(src, n, heads, text_tokens, &counts, arena);
		const char *kept = check_part(ix, *highlights, en ? "highlights" : "今日看点", en, arena, rep, &removed);
		if (kept && !*kept) {
			kept = offline_highlights(top, n, lang, arena);
			rep->replaced++;
		}
		*highlights = kept;
	}
	rep->removed_text = arena_strdup(arena, buf_str(&removed));
	buf_free(&removed);
}
