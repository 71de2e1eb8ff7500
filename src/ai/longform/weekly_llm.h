/* weekly_llm.h: the weekly roundup's model-written parts, used by weekly.c: the section labels
 * (task "classify": news | rumour | open_source per story, batched, cached per story) and the
 * groups' paragraphs (task "weekly": one request per company/topic group, all groups
 * concurrently through the one LLM client, answers checked with ai/check's citation and
 * language checker, one re-ask with the findings, cached per group request).
 *
 * Cache keys: classify = (task, version, model, hash of the story lead's body as sent);
 * weekly = (task, version, model, hash of language + the group's first user message). Only
 * answers that passed the checks are cached, so a rerun over the same week makes no request,
 * and a group that fell back is asked again next run. */
#ifndef BRIEF_AI_LONGFORM_WEEKLY_LLM_H
#define BRIEF_AI_LONGFORM_WEEKLY_LLM_H

#include <stddef.h>

#include "ai/llm/batch.h"
#include "ai/llm/llm.h"
#include "ai/longform/grounding.h"
#include "ai/longform/weekly.h"

struct weekly_llm {
	struct llm_client client;
	struct batch_env env;
	const char *model;       /* arena copy */
	long requests;           /* HTTP requests this run (classify + weekly) */
	int is_on;
	int strict;              /* refuse (not repair) a group whose re-ask keeps unsupported claims */
};

/* One group's request and answer. */
struct weekly_job {
	/* Set by the caller. */
	const char *name;                 /* the group's heading (NULL for the open-source group) */
	const struct article **sources;   /* local ids 1..source_count, in the order told */
	size_t source_count;
	const size_t *story_of;           /* story index (0..story_count) of each source */
	size_t story_count;
	int is_rumour;                    /* a group of 小道消息: the request asks for the sources' hedge
	                                   * and every paragraph must keep one (weekly_hedged) */
	/* Results (arena). */
	int is_ok;                        /* the model's paragraphs passed the checks */
	const char **paras;               /* text with the [n] markers removed */
	int **cites;                      /* each paragraph's local ids in order of first citation */
	size_t *cite_count;
	size_t para_count;
	const char *findings;             /* why it fell back (NULL when ok) */
	struct grounding_report ground;   /* the paragraphs' claims (source ids local), what was removed */
	int is_refused;                   /* strict: unsupported claims after the re-ask */
};

/* Set up the model for the weekly when one is configured and opts allows it. Returns 1 when
 * on, 0 when there is no LLM (w is then off and safe to close), -1 with e set. */
int weekly_llm_open(struct weekly_llm *w, struct store *st, const struct weekly_opts *opts, struct arena *arena,
                    struct err *e);
/* Release the client. Safe on an off w. */
void weekly_llm_close(struct weekly_llm *w);

/* Label stories[0..n): kinds[i] and served[i] = 1 for each story the cache or the model
 * labelled; the others are left for the lexical classifier. Returns how many were served. */
size_t weekly_llm_classify(struct weekly_llm *w, struct story *const *stories, size_t n, enum weekly_kind *kinds,
                           int *served);

/* Write jobs[0..n) in lang: cache first, then one concurrent round of requests, then one
 * re-ask (with the findings: shape, citations, and the claims no cited source supports) for
 * each job whose answer failed the checks. A re-asked answer whose only fault is such claims
 * loses the sentences that carry them (grounding.h) if every story stays cited, or is
 * refused (is_refused) when w->strict. Jobs still failing are left !is_ok with findings set. */
void weekly_llm_write(struct weekly_llm *w, struct weekly_job *jobs, size_t n, const char *lang, struct arena *arena);

#endif
