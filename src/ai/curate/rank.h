/* rank.h: order stories by score and pick the top under a per-source cap. */
#ifndef BRIEF_AI_CURATE_RANK_H
#define BRIEF_AI_CURATE_RANK_H

#include <stddef.h>

#include "model.h"

/* Set each story's score (relevance + quality + timeliness of its verdict) and sort best first:
 * score, then more sources, then newer lead, then story id. Deterministic. */
void rank_stories(struct story *stories, size_t count);
/* Walk the ranked stories and put up to top_n into top[] (caller-sized to top_n), skipping a
 * story whose lead's source already has per_source_cap stories in top (cap <= 0: no cap).
 * Returns how many were picked. */
size_t rank_select_top(struct story *stories, size_t count, int top_n, int per_source_cap, struct story **top);

#endif
