/* fuzz_dailycheck.c: libFuzzer target for the daily's claim check (ai/longform/daily_check.c):
 * picks as feeds give them (title, text) with an enrichment as a model might write it (title,
 * summary, why-read with figures, dates, quotations and names of its own) and 今日看点 go
 * through daily_check, which removes the sentences with a claim in nothing the model was given
 * and puts the offline engine's text where nothing stands. The first byte picks the language
 * (bit 0), the number of picks (1-4, bits 1-2) and whether the highlights are the model's
 * (bit 3); the rest is split at 0x1f into each pick's article title, article text, enriched
 * title, summary and why-read, then the highlights. As curation hands them over, a pick with a
 * blank part has the offline engine's enrichment and blank highlights are not the model's. Invariants (abort() on violation):
 *   - every pick keeps a summary and why-read, valid UTF-8, neither empty (an empty why-read
 *     renders as an empty quote under the pick; the summary only as the offline engine's of
 *     an article with no text to quote), and a title that is the model's or the
 *     feed's; and the highlights (when the
 *     model's) are valid UTF-8 and not empty;
 *   - the counts add up: no more sentences removed than claims found unsupported allow for
 *     (at least one claim each), and the removed lines are valid UTF-8;
 *   - the check is idempotent: the repaired digest (highlights the offline paragraph replaced
 *     are the offline engine's, not checked), checked again, has no claim in nothing the
 *     model was given and nothing more to remove. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/longform/daily_check.h"
#include "ai/offline/offline.h"
#include "ai/offline/text.h"
#include "fuzz_check.h"

#define MAX_PICKS 4
#define PER 5
#define NOW 1771638960LL
#define TEXT_TOKENS 1200

static void
check_pick(const struct story *s, size_t i, const char *lang, struct arena *arena)
{
	const struct enrichment *e = &s->enrichment;
	struct enrichment off; /* what the offline engine says of the article: none when it has no text */
	offline_enrich(s->lead, &s->verdict, lang, arena, &off);
	const char *parts[3] = {e->title, e->summary, e->reason};
	for (int k = 0; k < 3; k++) {
		/* a title that goes whole is the feed's, which may be none (report_build shows the
		 * item's display title then) */
		if (k == 0 && parts[k] == s->lead->title && text_is_blank(parts[k]))
			continue;
		if (k == 1 && parts[k] && !*parts[k] && off.summary && !*off.summary) /* rendered without a quote */
			continue;
		fuzz_check_text(parts[k], 1);
		if (!*parts[k]) {
			fprintf(stderr, "fuzz_dailycheck: pick %zu part %d left empty (title %s, summary %s, reason %s)\n", i + 1,
			        k, e->title ? e->title : "(null)", e->summary ? e->summary : "(null)",
			        e->reason ? e->reason : "(null)");
			abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *lang = data[0] & 1u ? "en" : "zh";
	size_t n = 1 + ((data[0] >> 1) & 3u);
	int is_model_highlights = (data[0] >> 3) & 1u; /* blank: none (highlights.c), below */
	struct arena a = ARENA_INIT;
	const char *f[MAX_PICKS * PER + 1];
	fuzz_fields(data + 1, size - 1, n * PER + 1, &a, f);
	struct article *arts = fuzz_window(n, n, 4, 3600, NOW, &a); /* the fourth pick undated */
	struct story *stories = arena_alloc(&a, n * sizeof *stories);
	struct story **top = arena_alloc(&a, n * sizeof *top);
	memset(stories, 0, n * sizeof *stories);
	for (size_t i = 0; i < n; i++) {
		const char **p = &f[i * PER];
		arts[i].source_name = arena_printf(&a, "Source %zu", i + 1);
		arts[i].source_url = arena_printf(&a, "https://s%zu.example/feed", i);
		arts[i].link = arena_printf(&a, "https://s%zu.example/post", i);
		arts[i].title = p[0];
		arts[i].text = p[1];
		struct story *s = &stories[i];
		s->id = arena_printf(&a, "s%012zu", i);
		s->lead = &arts[i];
		s->members = arena_alloc(&a, sizeof *s->members);
		s->members[0] = &arts[i];
		s->member_count = 1;
		s->verdict = (struct verdict){.relevance = 7, .quality = 7, .timeliness = 7, .category = (enum category)(i % 3)};
		s->has_enrichment = 1;
		s->enrichment = (struct enrichment){p[2], p[3], p[4], 0, 0};
		/* A blank part is no answer (enrich.c asks again, then takes the offline engine's). */
		if (text_is_blank(p[2]) || text_is_blank(p[3]) || text_is_blank(p[4]))
			offline_enrich(&arts[i], &s->verdict, lang, &a, &s->enrichment);
		top[i] = s;
	}
	is_model_highlights &= !text_is_blank(f[n * PER]);
	const char *highlights = is_model_highlights ? f[n * PER] : NULL;
	struct daily_facts facts = {"2026-02-21", n * 3, 7, 48};
	struct daily_check_report rep;
	daily_check(top, n, &highlights, is_model_highlights, &facts, lang, TEXT_TOKENS, &a, &rep);
	for (size_t i = 0; i < n; i++)
		check_pick(top[i], i, lang, &a);
	if (is_model_highlights && (!highlights || !*highlights))
		abort();
	fuzz_check_text(highlights, 0);
	fuzz_check_text(rep.removed_text, 1);
	if (rep.unsupported > rep.claims)
		abort();

	/* Highlights replaced by the offline paragraph are the offline engine's, which is not
	 * checked (daily_check.h); a pick's replaced summary stays marked the model's. */
	int is_kept = is_model_highlights && strcmp(highlights, offline_highlights(top, n, lang, &a)) != 0;
	struct daily_check_report again;
	daily_check(top, n, &highlights, is_kept, &facts, lang, TEXT_TOKENS, &a, &again);
	if (again.unsupported || again.removed) { /* (an empty offline summary is "replaced" by itself) */
		fprintf(stderr, "fuzz_dailycheck: checked again: %zu unsupported, %zu removed, %zu replaced\n%s",
		        again.unsupported, again.removed, again.replaced, again.removed_text);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, "pick %zu: title %s\n  summary %s\n  reason %s\n", i + 1, top[i]->enrichment.title,
			        top[i]->enrichment.summary, top[i]->enrichment.reason);
		fprintf(stderr, "highlights %s\n", highlights ? highlights : "(none)");
		abort();
	}
	arena_free(&a);
	return 0;
}
