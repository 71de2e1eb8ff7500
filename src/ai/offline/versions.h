/* versions.h: a model family's tag with the version the text gives it ("GPT" -> "GPT-4.5",
 * "Claude" -> "Claude 3.7 Sonnet"), for the offline engine's keywords. */
#ifndef BRIEF_AI_OFFLINE_VERSIONS_H
#define BRIEF_AI_OFFLINE_VERSIONS_H

#include <stddef.h>

#include "model.h"
#include "util/arena.h"

/* Replace each keyword of kws[0..n) that is a model family of the lexicon (an ai-ml topic:
 * "GPT", "Claude", "Gemini") by the versioned name a's title writes, else the one versioned
 * name a's body writes (several versions: the family stays, as it is what they share), the
 * family in the lexicon's spelling ("Dall-E 2" -> "DALL-E 2"); a keyword that the versioned
 * name repeats is dropped. Strings live in arena. Returns the new count (<= n). */
size_t kw_name_versions(const struct article *a, struct arena *arena, const char **kws, size_t n);

#endif
