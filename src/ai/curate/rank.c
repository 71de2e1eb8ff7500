/* rank.c: story ordering and the per-source cap. */
#include "ai/curate/rank.h"

#include <stdlib.h>
#include <string.h>

static int
cmp_story(const void *pa, const void *pb)
{
	const struct story *a = pa, *b = pb;
	if (a->score != b->score)
		return b->score - a->score;
	if (story_sources(a) != story_sources(b))
		return story_sources(a) > story_sources(b) ? -1 : 1;
	if (a->lead->when != b->lead->when)
		return a->lead->when > b->lead->when ? -1 : 1;
	return strcmp(a->id, b->id);
}

void
rank_stories(struct story *stories, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		const struct verdict *v = &stories[i].verdict;
		stories[i].score = v->relevance + v->quality + v->timeliness;
	}
	if (count > 1)
		qsort(stories, count, sizeof *stories, cmp_story);
}

size_t
rank_select_top(struct story *stories, size_t count, int top_n, int per_source_cap, struct story **top)
{
	size_t n = 0;
	for (size_t i = 0; i < count && (int)n < top_n; i++) {
		int same = 0;
		for (size_t k = 0; k < n; k++)
			same += top[k]->lead->source_id == stories[i].lead->source_id;
		if (per_source_cap > 0 && same >= per_source_cap)
			continue;
		top[n++] = &stories[i];
	}
	return n;
}
