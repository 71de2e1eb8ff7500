/* daily_check.h: the daily digest's model-written text checked against what the model was
 * given, as the weekly and the articles are (ground.h): every figure, date, quotation and name
 * of an enriched story's title, summary and why-read must be in its lead article as the
 * enrichment request sent it (title, source, text cut at [llm] enrich_text_tokens), and those
 * of the highlights (今日看点) in one of the picks' articles or in the digest's own counts (how
 * many picks, articles and feeds; the date; the picks per category), which the highlights
 * may state.
 *
 * There is no re-ask: a digest of fifteen stories does not wait for another model round over
 * one figure. A sentence with an unsupported claim is removed; a summary left empty is
 * replaced by the offline engine's (the article's own sentences) together with its why-read
 * (which says so), a why-read left empty by the offline one, a title with an unsupported claim
 * by the feed's title, and highlights left empty by the offline paragraph. */
#ifndef BRIEF_AI_LONGFORM_DAILY_CHECK_H
#define BRIEF_AI_LONGFORM_DAILY_CHECK_H

#include <stddef.h>

#include "model.h"
#include "util/arena.h"

/* What the check found and did. */
struct daily_check_report {
	size_t claims;           /* claims found in the model's text */
	size_t unsupported;      /* of those, in nothing the model was given */
	size_t removed;          /* sentences removed */
	size_t replaced;         /* titles, summaries, why-reads or highlights replaced by the offline engine's */
	const char *removed_text; /* one "- #N: <sentence>" line per removed sentence, N the
	                           * story's place in the digest ("" none) */
};

/* The digest's own counts, which its highlights may cite. */
struct daily_facts {
	const char *date;        /* YYYY-MM-DD */
	size_t articles;         /* in the window */
	int feeds;               /* scanned */
	int hours;               /* the window */
};

/* Check and repair the model-written parts of top[0..n) (stories whose enrichment is not
 * offline) and *highlights (when is_model_highlights; replaced in place; highlights may be
 * NULL otherwise, and facts is read only then), in lang ("zh" or "en"). text_tokens is the enrichment's cut of an article's text. Strings in arena. */
void daily_check(struct story **top, size_t n, const char **highlights, int is_model_highlights,
                 const struct daily_facts *facts, const char *lang, long text_tokens, struct arena *arena,
                 struct daily_check_report *rep);

#endif
