/* keywords.h: TF-IDF keywords over the articles of one window. */
#ifndef BRIEF_AI_KEYWORDS_H
#define BRIEF_AI_KEYWORDS_H

#include <stddef.h>

#include "model.h"
#include "util/arena.h"

struct kw_index;

/* Count in how many of articles[0..count) each word occurs (document frequency). The index
 * lives in arena. */
struct kw_index *kw_index_build(const struct article *articles, size_t count, struct arena *arena);
/* The up to max highest TF-IDF words of a (title words weigh 3x), best first, ties broken
 * alphabetically; stopwords, numbers and words shorter than 3 letters are skipped. Strings live
 * in arena. Returns how many were written to out. Deterministic. */
size_t kw_top(const struct kw_index *idx, const struct article *a, const char **out, size_t max,
              struct arena *arena);

#endif
