/* weekly_llm.c: the weekly roundup's model-written parts: section labels (task "classify")
 * and each group's paragraphs (task "weekly"), with the checks, the one re-ask and the cache
 * (see weekly_llm.h). */
#include "ai/longform/weekly_llm.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ai/longform/commentary.h"
#include "ai/longform/prompts.h"
#include "ai/llm/prompt.h"
#include "ai/llm/provider.h"
#include "store/llmcache.h"
#include "util/log.h"
#include "util/str.h"

#define WEEKLY_GROUP_TOKENS 6000       /* source text sent per group request, split over its sources */
#define WEEKLY_SOURCE_MIN_TOKENS 150   /* ... but never less than this per source */
#define WEEKLY_SOURCE_MAX_TOKENS 1200  /* ... nor more */
#define WEEKLY_CLASSIFY_TOKENS 200     /* of a story's text sent for its label */
#define WEEKLY_MAX_COMPLETION 2500     /* tokens a group's answer may take */

int
weekly_llm_open(struct weekly_llm *w, struct store *st, const struct weekly_opts *opts, struct arena *arena,
                struct err *e)
{
	memset(w, 0, sizeof *w);
	if (opts->force_offline)
		return 0;
	struct llm_config lc;
	int has = provider_resolve(opts->cfg, &lc, e);
	if (has <= 0)
		return has;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (llm_client_init(&w->client, &lc, st, e) < 0) {
		curl_global_cleanup();
		return -1;
	}
	if (w->client.halted[0]) { /* stopped earlier in the run (the curation's): said then, offline now */
		log_debug("weekly: the model is not asked: %s", w->client.halted);
		llm_client_free(&w->client);
		curl_global_cleanup();
		return 0;
	}
	w->model = arena_strdup(arena, lc.model);
	w->strict = opts->strict;
	w->env = (struct batch_env){&w->client, st, w->model, opts->now, w->client.cache_model};
	w->is_on = 1;
	return 1;
}

void
weekly_llm_close(struct weekly_llm *w)
{
	if (!w->is_on)
		return;
	llm_client_free(&w->client);
	curl_global_cleanup();
	w->is_on = 0;
}

struct classify_ctx {
	enum weekly_kind *kinds;
	int *served;
};

static int
classify_apply(void *ctx, size_t index, json_t *entry)
{
	struct classify_ctx *c = ctx;
	const char *kind = json_string_value(json_object_get(entry, "kind"));
	if (!kind)
		return -1;
	if (strcmp(kind, "rumour") == 0)
		c->kinds[index] = WEEKLY_RUMOR;
	else if (strcmp(kind, "open_source") == 0)
		c->kinds[index] = WEEKLY_OPEN_SOURCE;
	else if (strcmp(kind, "news") == 0)
		c->kinds[index] = WEEKLY_NEWS;
	else
		return -1;
	c->served[index] = 1;
	return 0;
}

size_t
weekly_llm_classify(struct weekly_llm *w, struct story *const *stories, size_t n, enum weekly_kind *kinds,
                    int *served)
{
	if (!w->is_on || n == 0)
		return 0;
	struct batch_item *items = xcalloc(n, sizeof *items);
	for (size_t i = 0; i < n; i++) {
		struct buf body = BUF_INIT;
		prompt_article_body(&body, stories[i]->lead, WEEKLY_CLASSIFY_TOKENS);
		items[i].index = i;
		items[i].body = buf_detach(&body);
		batch_hash(NULL, items[i].body, items[i].hash);
	}
	struct classify_ctx ctx = {kinds, served};
	struct batch_task t = {
		.task = PROMPT_CLASSIFY, .lang = "en", .batch_size = 20, .tokens_per_item = 30, .tokens_base = 100,
		.apply = classify_apply, .ctx = &ctx,
	};
	batch_run(&w->env, &t, items, n);
	size_t done = 0;
	for (size_t i = 0; i < n; i++)
		done += served[i] != 0;
	batch_items_free(items, n);
	free(items);
	w->requests = w->client.stats.requests;
	return done;
}

/* The request of one job: what to write, then the sources as untrusted data, numbered; the
 * sources as sent, read for the claim checks, go to *ix. */
static void
build_user(const struct weekly_job *j, const char *lang, struct buf *user, struct buf *terms, struct arena *arena,
           struct ground_index **ix)
{
	int en = strcmp(lang, "en") == 0;
	buf_printf(user,
	           "Write the paragraphs in %s about: %s. They tell %zu stor%s from %zu sources, ids 1 to %zu; cite "
	           "them as [1] to [%zu] and cover every story.\n",
	           en ? "English" : "Simplified Chinese", j->name ? j->name : "open-source releases", j->story_count,
	           j->story_count == 1 ? "y" : "ies", j->source_count, j->source_count, j->source_count);
	if (j->is_rumour) /* seed 001's 小道消息: "疑似…", "有可能不会正式上线" */
		buf_puts(user, en ? "These stories go under the post's \"Rumours and leaks\" heading: they are not confirmed "
		                    "by the company or project concerned. Tell them as reported, not as fact: every "
		                    "paragraph keeps the sources' attribution or hedge (\"reportedly\", \"according to\", "
		                    "\"sources say\", \"unconfirmed\").\n"
		                  : "These stories go under the post's 小道消息 (rumours) heading: they are not confirmed "
		                    "by the company or project concerned. Tell them as reported, not as fact: every "
		                    "paragraph keeps the sources' attribution or hedge (据报道, 据悉, 消息称, 传闻, "
		                    "尚未证实).\n");
	ground_rules(user);
	const char **heads = arena_alloc(arena, (j->source_count + 1) * sizeof *heads);
	long per = WEEKLY_GROUP_TOKENS / (long)(j->source_count ? j->source_count : 1);
	if (per < WEEKLY_SOURCE_MIN_TOKENS)
		per = WEEKLY_SOURCE_MIN_TOKENS;
	if (per > WEEKLY_SOURCE_MAX_TOKENS)
		per = WEEKLY_SOURCE_MAX_TOKENS;
	prompt_user_begin(user);
	for (size_t i = 0; i < j->source_count; i++) {
		time_t t = (time_t)j->sources[i]->when;
		struct tm tm;
		localtime_r(&t, &tm);
		char head[40];
		if (j->sources[i]->published == FEED_NO_DATE) /* the model must not present a first-seen date */
			snprintf(head, sizeof head, "date: unknown\n");
		else
			snprintf(head, sizeof head, "date: %04d-%02d-%02d\n", tm.tm_year + 1900, tm.tm_mon + 1,
			         tm.tm_mday);
		longform_source(user, terms, i + 1, head, j->sources[i], per);
		heads[i] = arena_strdup(arena, head);
	}
	prompt_user_end(user);
	*ix = grounding_sources(j->sources, j->source_count, heads, per, arena);
}

/* Copy text without its citation markers (and the spaces before them) into the arena; the
 * valid ids go into cites[] in order of first citation. */
static const char *
strip_cites(const char *text, size_t source_count, int *cites, size_t *count, struct arena *arena)
{
	struct buf b = BUF_INIT;
	*count = 0;
	for (const char *p = text; *p;) {
		long id;
		size_t len = check_citation(p, &id);
		if (!len) {
			buf_putc(&b, *p++);
			continue;
		}
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.data[--b.len] = 0;
		int seen = 0;
		for (size_t k = 0; k < *count; k++)
			seen |= cites[k] == (int)id;
		if (!seen && id >= 1 && (size_t)id <= source_count)
			cites[(*count)++] = (int)id;
		p += len;
	}
	const char *out = arena_strdup(arena, buf_str(&b));
	buf_free(&b);
	return out;
}

/* Fill j's results from the accepted paragraphs texts[0..n). */
static void
fill_results(struct weekly_job *j, const char **texts, size_t n, struct arena *arena)
{
	j->para_count = n;
	j->paras = arena_alloc(arena, (n + 1) * sizeof *j->paras);
	j->cites = arena_alloc(arena, (n + 1) * sizeof *j->cites);
	j->cite_count = arena_alloc(arena, (n + 1) * sizeof *j->cite_count);
	for (size_t i = 0; i < n; i++) {
		j->cites[i] = arena_alloc(arena, (j->source_count + 1) * sizeof **j->cites);
		j->paras[i] = strip_cites(texts[i], j->source_count, j->cites[i], &j->cite_count[i], arena);
	}
	j->is_ok = 1;
	j->findings = NULL;
}

/* Append a finding for each story of j that no paragraph of texts[0..n) cites (every story
 * must rest on at least one of its sources); returns how many. */
static int
uncovered(const struct weekly_job *j, const char **texts, size_t n, struct buf *findings)
{
	int bad = 0;
	int *covered = xcalloc(j->story_count + 1, sizeof *covered);
	for (size_t i = 0; i < n; i++)
		for (const char *p = texts[i]; *p; p++) {
			long id;
			if (check_citation(p, &id) && id >= 1 && (size_t)id <= j->source_count)
				covered[j->story_of[id - 1]] = 1;
		}
	for (size_t s = 0; s < j->story_count; s++) {
		if (covered[s])
			continue;
		for (size_t i = 0; i < j->source_count; i++)
			if (j->story_of[i] == s) {
				/* by its number alone: the findings follow the data block, where feed text
				 * (a title) would read as instructions; the source's title is in the block */
				buf_printf(findings, "- the story of source [%zu] is not cited\n", i + 1);
				break;
			}
		bad++;
	}
	free(covered);
	return bad;
}

/* Append a finding for each paragraph of texts[0..n) of a rumour group j that states its
 * news as fact (no hedge or attribution: weekly_hedged); returns how many. */
static int
unhedged(const struct weekly_job *j, const char **texts, size_t n, struct buf *findings)
{
	int bad = 0;
	for (size_t i = 0; j->is_rumour && i < n; i++)
		if (!weekly_hedged(texts[i])) {
			buf_printf(findings,
			           "- paragraph %zu tells a rumour as fact: keep the sources' hedge or attribution "
			           "(据报道, 据悉, 消息称, reportedly, according to)\n",
			           i + 1);
			bad++;
		}
	return bad;
}

/* The claims of paragraphs texts[0..n) of j into r, each named "GROUP, paragraph K";
 * returns how many are not OK. */
static size_t
check_claims(const struct weekly_job *j, const struct ground_index *ix, const char **texts, size_t n, int en,
             struct arena *arena, struct ground_result *r)
{
	size_t bad = 0;
	for (size_t i = 0; i < n; i++) {
		size_t first = r->count;
		bad += ground_check(ix, texts[i], i, en ? GROUND_EN : 0, arena, r);
		const char *where = first < r->count
		                        ? arena_printf(arena, "%s, paragraph %zu", j->name ? j->name : "open source", i + 1)
		                        : NULL;
		for (size_t k = first; k < r->count; k++)
			r->claims[k].where = where;
	}
	return bad;
}

/* ground_findings' name of a paragraph (part) of the job ctx. */
static const char *
para_name(void *ctx, size_t part)
{
	static _Thread_local char name[160];
	const struct weekly_job *j = ctx;
	snprintf(name, sizeof name, "%s, paragraph %zu", j->name ? j->name : "open source", part + 1);
	return name;
}

/* Check an answer for j (final: the re-ask's answer, which may be repaired); on success
 * fill j's results and return 0, else append the findings and return -1. */
static int
accept_answer(struct weekly_job *j, const struct check_rules *rules, const struct ground_index *ix, int final,
              int strict, json_t *answer, struct arena *arena, struct buf *findings)
{
	json_t *arr = json_object_get(answer, "paragraphs");
	size_t n = json_array_size(arr);
	const char **texts = arena_alloc(arena, (n + 1) * sizeof *texts);
	for (size_t i = 0; i < n; i++) {
		/* "[1, 2]" -> "[1][2]": a list left as written would be text, not citations */
		texts[i] = check_citation_lists(json_string_value(json_array_get(arr, i)), arena);
	}
	int en = strcmp(rules->lang, "en") == 0;
	int bad = check_paragraphs(texts, n, rules, findings);
	bad += uncovered(j, texts, n, findings);
	bad += unhedged(j, texts, n, findings);
	memset(&j->ground, 0, sizeof j->ground);
	j->ground.removed_text = "";
	struct ground_result gr = {0};
	size_t claims_bad = check_claims(j, ix, texts, n, en, arena, &gr);
	if (claims_bad)
		ground_findings(&gr, para_name, j, findings);
	if (bad || (claims_bad && !final))
		return -1;
	j->ground.claims = gr;
	if (claims_bad) {
		size_t unsupported = 0;
		for (size_t i = 0; i < gr.count; i++)
			unsupported += gr.claims[i].status == GROUND_UNSUPPORTED;
		if (strict && unsupported) {
			j->is_refused = 1;
			return -1;
		}
		grounding_repair_paragraphs(ix, texts, &n, en, arena, &j->ground);
		if (n == 0 || uncovered(j, texts, n, findings)) {
			buf_printf(findings, "- after removing %zu sentence(s) with unsupported claims the paragraphs no longer "
			                     "cover every story\n",
			           j->ground.removed);
			return -1;
		}
		if (unhedged(j, texts, n, findings)) /* the removed sentence carried the hedge */
			return -1;
		j->ground.claims = (struct ground_result){0};
		check_claims(j, ix, texts, n, en, arena, &j->ground.claims);
		grounding_add_removed(&j->ground, &gr, arena);
		if (j->ground.removed)
			log_warn("weekly %s: removed %zu sentence(s) with claims no source supports:\n%s",
			         j->name ? j->name : "open source", j->ground.removed, j->ground.removed_text);
	}
	fill_results(j, texts, n, arena);
	return 0;
}

struct job_state {
	struct buf user, terms, reask, findings;
	struct check_rules rules;
	char hash[33];
	struct llm_request req;
	int is_pending;
	int drafts;              /* answers the model gave that were checked and failed */
	char no_answer[256];     /* why the last request got no answer (refused, cut off, HTTP), or "" */
	struct ground_index *ix; /* the sources as sent, for the claim checks */
};

/* Send the pending jobs' requests (user or re-ask messages) in one concurrent loop and check
 * the answers. A failing answer's findings stay in st->findings; returns nothing. */
static void
ask_round(struct weekly_llm *w, struct weekly_job *jobs, struct job_state *st, size_t n, const char *lang, int reask,
          struct arena *arena)
{
	struct llm_request **reqs = xcalloc(n + 1, sizeof *reqs);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (!st[i].is_pending)
			continue;
		memset(&st[i].req, 0, sizeof st[i].req);
		st[i].req.task = PROMPT_WEEKLY;
		st[i].req.lang = lang;
		st[i].req.user = reask ? buf_str(&st[i].reask) : buf_str(&st[i].user);
		st[i].req.max_tokens = WEEKLY_MAX_COMPLETION;
		reqs[m++] = &st[i].req;
	}
	if (m)
		llm_run(&w->client, reqs, m);
	free(reqs);
	for (size_t i = 0; i < n; i++) {
		if (!st[i].is_pending)
			continue;
		struct llm_request *r = &st[i].req;
		st[i].is_pending = 0;
		if (!r->is_ok) {
			/* No draft: nothing to re-ask about. A re-ask's findings of the first draft stay. */
			snprintf(st[i].no_answer, sizeof st[i].no_answer, "%s", r->error);
			llm_request_clear(r);
			continue;
		}
		st[i].drafts++;
		st[i].findings.len = 0;
		if (st[i].findings.data)
			st[i].findings.data[0] = 0;
		if (accept_answer(&jobs[i], &st[i].rules, st[i].ix, reask, w->strict, r->answer, arena,
		                         &st[i].findings) == 0) {
			/* Cached as the model said it; a repaired one marked, so that a rerun repairs it
			 * again the same way instead of asking twice more for other paragraphs. */
			if (jobs[i].ground.removed || jobs[i].ground.cited)
				json_object_set_new(r->answer, "repaired", json_true());
			char *text = json_dumps(r->answer, JSON_COMPACT | JSON_PRESERVE_ORDER);
			struct err e;
			if (text && w->env.st &&
			    llmcache_put(w->env.st, "weekly", prompt_version(PROMPT_WEEKLY), w->client.cache_model, st[i].hash, text,
			                 w->env.now, &e) < 0)
				log_warn("weekly: %s", e.msg);
			free(text);
		} else if (!reask) {
			/* One re-ask with the findings. */
			buf_puts(&st[i].reask, buf_str(&st[i].user));
			buf_puts(&st[i].reask, "\nYour previous answer failed these checks:\n");
			buf_puts(&st[i].reask, buf_str(&st[i].findings));
			buf_puts(&st[i].reask, "Write the paragraphs again as one JSON object, fixing every point.\n");
			st[i].is_pending = 1;
			log_warn("weekly %s: the paragraphs failed the checks; asking again with the findings",
			         jobs[i].name ? jobs[i].name : "open source");
		}
		llm_request_clear(r);
	}
}

void
weekly_llm_write(struct weekly_llm *w, struct weekly_job *jobs, size_t n, const char *lang, struct arena *arena)
{
	if (!w->is_on || n == 0)
		return;
	struct job_state *st = xcalloc(n, sizeof *st);
	for (size_t i = 0; i < n; i++) {
		jobs[i].is_ok = 0;
		build_user(&jobs[i], lang, &st[i].user, &st[i].terms, arena, &st[i].ix);
		check_rules_default(&st[i].rules, lang);
		st[i].rules.source_count = jobs[i].source_count;
		st[i].rules.allowed_terms = buf_str(&st[i].terms);
		batch_hash(st[i].rules.lang, buf_str(&st[i].user), st[i].hash);
		st[i].is_pending = 1;
		const char *cached = w->env.st ? llmcache_get(w->env.st, "weekly", prompt_version(PROMPT_WEEKLY), w->client.cache_model,
		                                              st[i].hash, arena)
		                               : NULL;
		json_t *j = cached ? json_loads(cached, 0, NULL) : NULL;
		/* A repaired answer is repaired again (deterministic); with --strict it is asked anew. */
		int repaired = json_is_true(json_object_get(j, "repaired"));
		if (j && !(repaired && w->strict) &&
		    accept_answer(&jobs[i], &st[i].rules, st[i].ix, repaired, 0, j, arena, &st[i].findings) == 0)
			st[i].is_pending = 0;
		json_decref(j);
	}
	ask_round(w, jobs, st, n, lang, 0, arena);
	ask_round(w, jobs, st, n, lang, 1, arena);
	for (size_t i = 0; i < n; i++) {
		const char *name = jobs[i].name ? jobs[i].name : "open source";
		if (!jobs[i].is_ok && st[i].no_answer[0] && st[i].drafts == 0) {
			jobs[i].findings =
				arena_printf(arena, "- the model did not answer: %s\n", st[i].no_answer);
			/* a provider stopped for the run has said why, once: not again per group */
			if (w->client.halted[0])
				log_debug("weekly %s: the model did not answer (%s); using the extractive paragraphs", name,
				          st[i].no_answer);
			else
				log_warn("weekly %s: the model did not answer (%s); using the extractive paragraphs", name,
				         st[i].no_answer);
		} else if (!jobs[i].is_ok && st[i].no_answer[0]) {
			jobs[i].findings = arena_printf(arena, "%s- the re-ask got no answer: %s\n", buf_str(&st[i].findings),
			                                st[i].no_answer);
			log_warn("weekly %s: the model's paragraphs failed the checks and the re-ask got no answer; using "
			         "the extractive ones:\n%s",
			         name, jobs[i].findings);
		} else if (!jobs[i].is_ok) {
			jobs[i].findings = arena_strdup(arena, buf_str(&st[i].findings));
			log_warn("weekly %s: the model's paragraphs failed twice; using the extractive ones:\n%s", name,
			         jobs[i].findings);
		}
		buf_free(&st[i].user);
		buf_free(&st[i].terms);
		buf_free(&st[i].reask);
		buf_free(&st[i].findings);
	}
	free(st);
	w->requests = w->client.stats.requests;
}
