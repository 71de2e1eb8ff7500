/* lexicon.h: the built-in technology lexicon of the offline engine.
 *
 * Each entry is a lower-case term as it appears in text (one to three words, or a CJK
 * phrase), the English keyword it stands for, the digest category it suggests and a weight
 * (1 = related, 2 = clearly on topic, 3 = core topic). */
#ifndef BRIEF_AI_OFFLINE_LEXICON_H
#define BRIEF_AI_OFFLINE_LEXICON_H

#include <stddef.h>

#include "model.h"

struct lexicon_entry {
	const char *term;
	const char *keyword;
	enum category category;
	int weight;
};

/* The entries whose term is ASCII, sorted by term (strcmp) for bsearch. */
const struct lexicon_entry *lexicon_ascii(size_t *count);
/* The entries with CJK terms (matched by substring), unsorted. */
const struct lexicon_entry *lexicon_cjk(size_t *count);
/* Look up an ASCII term (one to three words joined by single spaces); NULL when absent. */
const struct lexicon_entry *lexicon_find(const char *term);
/* Words that mark first-person essays and opinion pieces ("i think", "my", "essay", ...):
 * the sorted single-word list; returns 1 when w is one. */
int lexicon_is_opinion_cue(const char *w);
/* Words that mark news of a release or an event ("announces", "released", "cve", ...). */
int lexicon_is_news_cue(const char *w);

#endif
