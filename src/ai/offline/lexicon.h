/* lexicon.h: the built-in lexicon of the offline engine: topics and category cues.
 *
 * Each entry is a lower-case term as it appears in text (one to three words of any Latin,
 * Greek or Cyrillic script, or a CJK phrase), the digest category it suggests, a weight (1 =
 * suggests, 2 = clearly on that subject, 3 = defines it) and the languages in which the term is
 * a cue: "KI" is AI only in German, "IA" only in French, Spanish and Portuguese, Dutch "rust"
 * (rest) is not the language, German "war" (was) is not a war. A topic entry also names the
 * canonical keyword it stands for in display form ("LLM", "Rust", "PostgreSQL", "KI": so that
 * stories about one thing share one tag); a cue-only entry ("funding", "kommentar", "i think",
 * "schadsoftware") has no keyword: it is evidence for a category, never a tag, and does not
 * raise relevance. Categories have cues too ("other": business, politics, sport, culture,
 * health, consumer gadgets; "opinion": argument markers, not first-person pronouns). */
#ifndef BRIEF_AI_OFFLINE_LEXICON_H
#define BRIEF_AI_OFFLINE_LEXICON_H

#include <stddef.h>

#include "ai/offline/lang.h"
#include "model.h"

struct lexicon_entry {
	const char *term;      /* lower case, as text_next() spells words */
	const char *keyword;   /* the topic, in display form; NULL for a cue-only entry */
	enum category category;
	int weight;
	const char *langs;     /* NULL = any language; "de", "fr,es,pt" = only there; "!nl" = not in Dutch */
};

/* The entries whose term is made of words (not CJK), sorted by term (strcmp) for bsearch. */
const struct lexicon_entry *lexicon_words(size_t *count);
/* The entries with CJK terms (matched by substring), unsorted. */
const struct lexicon_entry *lexicon_cjk(size_t *count);
/* Look up a term (one to three words joined by single spaces), whatever its language; NULL when
 * absent. */
const struct lexicon_entry *lexicon_find(const char *term);
/* The topic entry for a term (lexicon_find without the cue-only entries); NULL when the term
 * is no topic. For callers that want names and tags, not category evidence. */
const struct lexicon_entry *lexicon_topic(const char *term);
/* True when topic (a keyword in display form, as the entries give it) is as broad as a section
 * of the digest ("security" under a security story, "hardware", "performance"): it tags nothing
 * a reader would look for, so it only fills a keyword slot no specific term takes. */
int lexicon_is_broad(const char *topic);
/* True when e is a cue in an article written in l (its langs field). */
int lexicon_applies(const struct lexicon_entry *e, enum lang l);
/* Kinds of single-word cues, each a sorted word list. */
enum lexicon_cue {
	CUE_OPINION, /* first-person essays and opinion pieces ("i", "my", "essay", ...) */
	CUE_NEWS,    /* news of a release or an event ("announces", "released", "cve", ...) */
	CUE_KIND_COUNT
};
/* True when w (lower case) is a cue of that kind. */
int lexicon_is_cue(enum lexicon_cue kind, const char *w);
/* True when w (lower case) is the first person singular in language l, other than English
 * (whose pronouns are CUE_OPINION words, read in every language): "ich", "je", "ik", "yo",
 * "eu". A text's share of first-person words tells a personal post from a report. */
int lexicon_is_first_person(enum lang l, const char *w);
/* The sorted word list of a kind (for the order test). */
const char *const *lexicon_cues(enum lexicon_cue kind, size_t *count);

#endif
