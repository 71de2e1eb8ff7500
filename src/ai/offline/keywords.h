/* keywords.h: TF-IDF keywords over the articles of one window. */
#ifndef BRIEF_AI_OFFLINE_KEYWORDS_H
#define BRIEF_AI_OFFLINE_KEYWORDS_H

#include <stddef.h>

#include "ai/offline/lang.h"
#include "model.h"
#include "util/arena.h"

struct kw_index;

/* Count in how many of articles[0..count) each word occurs (document frequency). langs: each
 * article's language when the caller knows it (offline_prepare has read it), else NULL. The index is
 * malloc'd (a window of 57,000 articles needs 17 MB; built in an arena, its growth and the final
 * copy would stay there for the run): free it with kw_index_free() once the window is scored. */
struct kw_index *kw_index_build(const struct article *articles, const enum lang *langs, size_t count);
void kw_index_free(struct kw_index *idx);
/* The up to max best terms of a (in language lang; LANG_COUNT: detect it) by TF-IDF, best first, ties broken alphabetically. Terms are
 * words of any Latin, Greek or Cyrillic script, two-word phrases that recur ("prompt caching")
 * and 2..4-character CJK n-grams without function characters; names are shown in the article's
 * spelling ("Taalas", "GitHub", "Überwachung"), other terms in lower case. Title words weigh 3x
 * but count once when the body never uses them, and not at all when a body of some length
 * never does (headline wording, keywords.c headline_wording); proper names (capitalised mid-sentence, never
 * lower-case) and phrases are preferred; stop words of English and of the article's language
 * (lang.h), generic words (kw_is_generic), numbers, the source's own name and the item's byline
 * (their words, a phrase of only their words, those run together, the name's initials) and terms
 * overlapping a better one are skipped; a plural merges into its singular when both occur.
 * Strings live in arena. Returns how many were written to out. Deterministic. */
size_t kw_top(const struct kw_index *idx, const struct article *a, enum lang lang, const char **out,
              size_t max, struct arena *arena);

/* True for words common in any article that name no topic: numbers, units, months, days,
 * generic nouns, verbs and adjectives ("second", "real", "pro", "people", "make"). */
int kw_is_generic(const char *w);

#endif
