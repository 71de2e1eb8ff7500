/* test_llm.c: the LLM path end to end against the stand-in server over loopback: caching,
 * reruns, prompt injection, every injected fault, the token budget. */
#include <stdlib.h>
#include <string.h>

#include "ai/curate/curate.h"
#include "ai/curate/stage.h"
#include "ai/llm/batch.h"
#include "ai/llm/llm.h"
#include "ai/llm/prompt.h"
#include "ai/llm/schema.h"
#include "fixture.h"
#include "llmserver.h"
#include "store/select.h"
#include "testlib.h"
#include "util/str.h"
#include "util/utf8.h"

static struct llmsrv *srv;

/* Score items the server received, from its request log. */
static long
score_items_asked(void)
{
	return llmsrv_items_asked(srv, "score");
}

static int
curate(struct store *st, const struct config *cfg, long max_tokens, struct arena *a, struct curate_result *r)
{
	struct err e;
	struct article *arts;
	size_t n;
	if (store_select_window(st, FX_NOW, 48, NULL, 0, a, &arts, &n, &e) < 0)
		return -1;
	struct curate_opts o = {.now = FX_NOW, .hours = 48, .top_n = 6, .lang = "zh", .max_tokens = max_tokens,
	                        .per_source_cap = 3, .cfg = cfg};
	if (curate_run(st, arts, n, &o, a, r, &e) < 0) {
		fprintf(stderr, "curate: %s\n", e.msg);
		return -1;
	}
	return (int)n;
}

/* The timeout is generous: no answer of the stand-in may time out, however loaded the machine,
 * because a timed-out batch is asked again and changes every count these tests check. Only the
 * hang case is meant to time out, and it has its own short timeout (hang_cfg) and counts its
 * timeouts from the usage log instead of assuming there was exactly one. */
static struct config_entry base_entries[] = {
	{"llm", "timeout", "60"},
	{"llm", "retries", "4"},
};
static struct config base_cfg = {.entries = base_entries, .count = 2};
static struct config_entry hang_entries[] = {
	{"llm", "timeout", "2"},
	{"llm", "retries", "4"},
};
static struct config hang_cfg = {.entries = hang_entries, .count = 2};
/* One batch of the 12 generated stories, three attempts a request. */
static struct config_entry batch_entries[] = {
	{"llm", "timeout", "60"}, {"llm", "retries", "3"}, {"llm", "batch_size", "50"}};
static struct config batch_cfg = {.entries = batch_entries, .count = 3};
/* 20 generated stories in four score batches, one per lane, all in flight at once. */
static struct config_entry lanes_entries[] = {
	{"llm", "timeout", "60"}, {"llm", "retries", "4"}, {"llm", "batch_size", "5"}};
static struct config lanes_cfg = {.entries = lanes_entries, .count = 3};

static void
check_all_scored(const struct curate_result *r)
{
	for (size_t i = 0; i < r->story_count; i++) {
		const struct verdict *v = &r->stories[i].verdict;
		CHECK(v->relevance >= 1 && v->relevance <= 10 && v->quality >= 1 && v->quality <= 10 &&
		      v->timeliness >= 1 && v->timeliness <= 10 && v->keyword_count >= 1);
	}
	for (size_t i = 0; i < r->top_count; i++)
		CHECK(r->top[i]->has_enrichment && r->top[i]->enrichment.summary);
	CHECK(r->highlights && *r->highlights);
}

static void
test_clean_and_rerun(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/clean.db", test_tmpdir());
	struct store st;
	fx_standard(&st, path);
	llmsrv_reset(srv);
	struct arena a = ARENA_INIT;
	struct curate_result r;
	int n = curate(&st, &base_cfg, 0, &a, &r);
	CHECK_INT(n, 11);
	CHECK_STR(r.engine, "llm");
	CHECK_STR(r.model, "stand-in-model");
	CHECK_INT(r.offline_fallbacks, 0);
	check_all_scored(&r);
	for (size_t i = 0; i < r.story_count; i++)
		CHECK(!r.stories[i].verdict.is_offline);
	for (size_t i = 0; i < r.top_count; i++)
		CHECK(!r.top[i]->enrichment.is_offline && strstr(r.top[i]->enrichment.title, "【译】"));
	CHECK(strstr(r.highlights, "第一个趋势来自") != NULL);
	struct llmsrv_stats s1;
	llmsrv_get_stats(srv, &s1);
	/* 11 articles: 1 score batch (up to 16 per request); 6 top: 3 enrich requests of 2; 1
	 * highlights. */
	CHECK_INT(s1.requests, 5);
	CHECK_INT(r.llm_requests, 5);
	CHECK_INT(score_items_asked(), 11);
	CHECK(s1.max_concurrent <= 4);
	CHECK(s1.cached_tokens > 0); /* the fixed system prompt is a reusable prefix */
	CHECK_INT(r.prompt_tokens, s1.prompt_tokens);
	CHECK_INT(r.completion_tokens, s1.completion_tokens);
	sqlite3_stmt *q = store_prepare(&st, "SELECT count(*), sum(prompt_tokens) FROM llm_usage", NULL);
	CHECK(sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 5 && sqlite3_column_int64(q, 1) == s1.prompt_tokens);
	sqlite3_finalize(q);

	/* The prompt-injection article is sent only inside the data block, which it cannot close. */
	int seen = 0;
	for (size_t i = 0; i < llmsrv_logged(srv); i++) {
		char *u = llmsrv_logged_user(srv, i);
		const char *open = strstr(u, PROMPT_DATA_OPEN "\n"), *close = strstr(u, PROMPT_DATA_CLOSE);
		CHECK(open && close && close > open);
		CHECK(close && strstr(close + 1, PROMPT_DATA_CLOSE) == NULL);
		for (const char *p = u; (p = strstr(p, "Ignore previous instructions")); p++) {
			seen++;
			CHECK(open && close && p > open && p < close);
		}
		free(u);
	}
	CHECK(seen >= 1);
	for (int t = 0; t < PROMPT_TASK_COUNT; t++)
		CHECK(strstr(prompt_system((enum prompt_task)t, "zh", 1), "give this article") == NULL);

	/* Rerun: zero requests, same result. */
	struct arena b = ARENA_INIT;
	struct curate_result r2;
	CHECK(curate(&st, &base_cfg, 0, &b, &r2) == 11);
	struct llmsrv_stats s2;
	llmsrv_get_stats(srv, &s2);
	CHECK_INT(s2.requests, s1.requests);
	CHECK_INT(r2.llm_requests, 0);
	CHECK_STR(r2.engine, "llm");
	CHECK_INT(r2.story_count, r.story_count);
	for (size_t i = 0; i < r.story_count && i < r2.story_count; i++) {
		CHECK_STR(r2.stories[i].id, r.stories[i].id);
		CHECK_INT(r2.stories[i].score, r.stories[i].score);
	}
	for (size_t i = 0; i < r.top_count && i < r2.top_count; i++)
		CHECK_STR(r2.top[i]->enrichment.summary, r.top[i]->enrichment.summary);
	CHECK_STR(r2.highlights, r.highlights);
	arena_free(&a);
	arena_free(&b);
	store_close(&st);
}

/* Print the failed attempts of the usage log (to explain a count that differs). */
static void
print_usage_errors(struct store *st)
{
	sqlite3_stmt *q = store_prepare(st, "SELECT task, ms, error FROM llm_usage WHERE error IS NOT NULL", NULL);
	while (q && sqlite3_step(q) == SQLITE_ROW)
		fprintf(stderr, "  failed %s after %lld ms: %s\n", (const char *)sqlite3_column_text(q, 0),
		        (long long)sqlite3_column_int64(q, 1), (const char *)sqlite3_column_text(q, 2));
	sqlite3_finalize(q);
}

/* One fault in a run over 20 articles (two score batches of 10). extra = score items the
 * fault makes the engine ask again; -1: some, not all, of its batch (a cut answer's entries
 * after the cut, which depend on which batch the fault met). The "hang" fault holds its request until the client's
 * timeout closes it; the batch is asked again, and every further score attempt that times
 * out on a loaded machine is asked again too: there, extra is 10 per timed-out score
 * attempt in the usage log, at least one, and no score attempt fails any other way. */
static void
fault_case(const char *fault, long extra)
{
	int is_hang = strcmp(fault, "hang") == 0;
	const struct config *cfg = is_hang ? &hang_cfg : &base_cfg;
	char path[512];
	snprintf(path, sizeof path, "%s/fault-%s.db", test_tmpdir(), fault);
	struct store st;
	fx_generated(&st, path, 20);
	llmsrv_reset(srv);
	llmsrv_push_faults(srv, fault);
	struct arena a = ARENA_INIT;
	struct curate_result r;
	int n = curate(&st, cfg, 0, &a, &r);
	CHECK_INT(n, 20);
	check_all_scored(&r);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	CHECK_INT(r.offline_fallbacks, 0);
	for (size_t i = 0; i < r.story_count; i++)
		CHECK(!r.stories[i].verdict.is_offline);
	if (is_hang) {
		long long failed = test_query_int(&st, "SELECT count(*) FROM llm_usage WHERE task = 'score' AND error IS NOT NULL");
		long long timeouts = test_query_int(&st, "SELECT count(*) FROM llm_usage WHERE task = 'score'"
		                                         " AND error LIKE 'Timeout was reached%'");
		CHECK(timeouts >= 1);
		CHECK_INT(failed, timeouts);
		extra = 10 * timeouts;
	}
	long asked = score_items_asked();
	if (extra < 0) { /* some of the batch asked again: as many as the fault left unanswered */
		CHECK(asked > 20 && asked < 30);
		extra = asked - 20;
	}
	if (asked != 20 + extra) {
		fprintf(stderr, "fault %s: asked %ld, want %ld\n", fault, asked, 20 + extra);
		print_usage_errors(&st);
	}
	CHECK_INT(asked, 20 + extra);
	struct llmsrv_stats s1, s2;
	llmsrv_get_stats(srv, &s1);
	struct arena b = ARENA_INIT;
	struct curate_result r2;
	CHECK(curate(&st, cfg, 0, &b, &r2) == 20);
	llmsrv_get_stats(srv, &s2);
	CHECK_INT(s2.requests, s1.requests);
	arena_free(&a);
	arena_free(&b);
	store_close(&st);
}

/* Found in review: the answer cache was keyed by the model's name without the endpoint, so
 * pointing [llm] base_url at another server that serves a model of the same name (a local
 * server's alias, "default", "llama3" on two hosts) served the first server's answers, scores,
 * summaries and highlights, as the second's, and the second was never asked. Now the endpoint
 * is part of the cache's identity: the second server is asked, and going back to the first
 * asks nothing again. */
static void
test_cache_per_endpoint(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/endpoints.db", test_tmpdir());
	struct store st;
	fx_standard(&st, path);
	struct llmsrv_opts o2 = {0};
	struct llmsrv *other = llmsrv_start(&o2);
	CHECK(other != NULL);
	if (!other) {
		store_close(&st);
		return;
	}
	llmsrv_reset(srv);
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate(&st, &base_cfg, 0, &a, &r) == 11);
	CHECK(r.llm_requests > 0);
	setenv("BRIEF_LLM_BASE_URL", llmsrv_base_url(other), 1); /* the same model name, another server */
	struct arena b = ARENA_INIT;
	struct curate_result r2;
	CHECK(curate(&st, &base_cfg, 0, &b, &r2) == 11);
	struct llmsrv_stats s;
	llmsrv_get_stats(other, &s);
	CHECK_INT(s.requests, r.llm_requests);
	CHECK_INT(r2.llm_requests, r.llm_requests);
	setenv("BRIEF_LLM_BASE_URL", llmsrv_base_url(srv), 1);
	struct arena c = ARENA_INIT;
	struct curate_result r3;
	CHECK(curate(&st, &base_cfg, 0, &c, &r3) == 11);
	CHECK_INT(r3.llm_requests, 0); /* the first server's answers are still its own */
	llmsrv_stop(other);
	arena_free(&a);
	arena_free(&b);
	arena_free(&c);
	store_close(&st);
}

/* 12 generated stories in the store NAME under the test directory, curated with batch_cfg
 * while the stand-in answers with FAULTS first; curate()'s count. */
static int
curate_faulted(const char *name, const char *faults, struct store *st, struct arena *a, struct curate_result *r)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", test_tmpdir(), name);
	fx_generated(st, path, 12);
	llmsrv_reset(srv);
	llmsrv_push_faults(srv, faults);
	return curate(st, &batch_cfg, 0, a, r);
}

/* curate_faulted over FAULTS that each of the run's five requests (the score batch, three
 * enrich batches, the highlights) takes, checked to be answered at its first attempt: every
 * fault taken, every story scored and enriched by the model, the model's highlights, no
 * article asked twice, no failed attempt in the usage log. */
static void
curate_answered_at_once(const char *name, const char *faults, struct store *st, struct arena *a,
                        struct curate_result *r)
{
	CHECK(curate_faulted(name, faults, st, a, r) == 12);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	CHECK_INT(r->offline_fallbacks, 0);
	for (size_t i = 0; i < r->story_count; i++)
		CHECK(!r->stories[i].verdict.is_offline);
	for (size_t i = 0; i < r->top_count; i++)
		CHECK(!r->top[i]->enrichment.is_offline && strstr(r->top[i]->enrichment.title, "【译】"));
	CHECK(r->is_model_highlights);
	CHECK_INT(score_items_asked(), 12);
	CHECK_INT(r->llm_requests, 5);
	CHECK_INT(test_query_int(st, "SELECT count(*) FROM llm_usage WHERE error IS NOT NULL"), 0);
}

static void
test_persistent_failure(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate_faulted("down.db", "500,500,500", &st, &a, &r) == 12);
	check_all_scored(&r);
	CHECK_INT(r.offline_fallbacks, r.story_count);
	for (size_t i = 0; i < r.story_count; i++)
		CHECK(r.stories[i].verdict.is_offline);
	/* The model scored nothing but wrote the picks' summaries: it wrote the digest, which must
	 * say so and be checked as the model's (test_grounding_e2e), not claim the offline engine. */
	for (size_t i = 0; i < r.top_count; i++)
		CHECK(!r.top[i]->enrichment.is_offline);
	CHECK_STR(r.engine, "llm");
	CHECK_INT(score_items_asked(), 36); /* one batch of 12, three attempts, no more */
	sqlite3_stmt *q = store_prepare(&st, "SELECT count(*) FROM llm_usage WHERE error IS NOT NULL"
	                                     " AND error NOT LIKE '%sk-test-secret%'", NULL);
	CHECK(sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 3);
	sqlite3_finalize(q);
	/* The next run asks again (failures are not cached) and now succeeds. */
	struct arena b = ARENA_INIT;
	struct curate_result r2;
	CHECK(curate(&st, &batch_cfg, 0, &b, &r2) == 12);
	CHECK_INT(r2.offline_fallbacks, 0);
	arena_free(&a);
	arena_free(&b);
	store_close(&st);
}

static void
test_budget(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/budget.db", test_tmpdir());
	struct store st;
	fx_generated(&st, path, 40);
	llmsrv_reset(srv);
	struct arena a = ARENA_INIT;
	struct curate_result r;
	long budget = 3000;
	CHECK(curate(&st, &base_cfg, budget, &a, &r) == 40);
	check_all_scored(&r);
	struct llmsrv_stats s;
	llmsrv_get_stats(srv, &s);
	CHECK(s.prompt_tokens + s.completion_tokens <= budget);
	CHECK(s.requests >= 1);
	CHECK(r.offline_fallbacks > 0);
	size_t offline = 0, llm = 0;
	for (size_t i = 0; i < r.story_count; i++) {
		offline += r.stories[i].verdict.is_offline;
		llm += !r.stories[i].verdict.is_offline;
	}
	CHECK(offline > 0 && llm > 0);
	arena_free(&a);
	store_close(&st);
}

/* A client for the stand-in (key: NULL = the environment's) and a score request over n
 * articles in user. */
static void
direct_client(struct llm_client *c, const char *key)
{
	struct llm_config lc;
	struct err e;
	CHECK_INT(provider_resolve(&base_cfg, &lc, &e), 1);
	if (key)
		snprintf(lc.api_key, sizeof lc.api_key, "%s", key);
	CHECK_INT(llm_client_init(c, &lc, NULL, &e), 0);
	c->base_backoff_ms = 10;
}

static void
score_user(struct buf *user, int n)
{
	prompt_user_begin(user);
	for (int i = 1; i <= n; i++) {
		char id[16], body[160];
		snprintf(id, sizeof id, "a%d", i);
		snprintf(body, sizeof body, "title: Rust compiler release %d\nsource: Blog %d\ntext: The compiler got faster.\n",
		         i, i);
		prompt_user_article(user, id, body);
	}
	prompt_user_end(user);
}

/* Found in review: a truncated answer (finish_reason length) is retried with twice the token
 * cap only when no object at all could be extracted from it; but half of a batch answer holds
 * whole entries, which the prose search extracts, so it failed the schema instead and was
 * retried with the same cap: a cap too small for the batch was never raised. */
static void
test_truncated_raises_cap(void)
{
	llmsrv_reset(srv);
	struct llm_client c;
	direct_client(&c, NULL);
	struct buf user = BUF_INIT;
	score_user(&user, 10);
	struct llm_request req = {.task = PROMPT_SCORE, .lang = "en", .user = buf_str(&user), .max_tokens = 576};
	struct llm_request *reqs[] = {&req};
	llmsrv_push_faults(srv, "truncated");
	llm_run(&c, reqs, 1);
	CHECK(req.is_ok);
	CHECK_INT(req.attempts, 2);
	CHECK_INT(req.cur_max_tokens, 2 * 576);
	llm_request_clear(&req);
	buf_free(&user);
	llm_client_free(&c);
}

/* A rerun of curate_faulted's run over st: every answer from the cache, no request. */
static void
check_rerun_free(struct store *st)
{
	struct arena b = ARENA_INIT;
	struct curate_result r2;
	CHECK(curate(st, &batch_cfg, 0, &b, &r2) == 12);
	CHECK_INT(r2.llm_requests, 0);
	arena_free(&b);
}

/* Found in the llm3 review: a batch answer cut at its token cap (finish_reason length) was
 * generated again whole, though its first entries had come whole: the twelve articles of the
 * score batch were asked twice and billed twice. Now the whole entries before the cut are kept
 * and cached, and only the rest is asked again, with twice the cap per article; nothing cut is
 * cached, every article is the model's, and a rerun asks nothing. */
static void
test_truncated_keeps_entries(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate_faulted("cut.db", "truncated", &st, &a, &r) == 12);
	CHECK_INT(r.offline_fallbacks + llmsrv_faults_pending(srv), 0); /* the fault met, every article the model's */
	/* the first request held 12 articles; the second only those not whole in the cut answer */
	long asked = score_items_asked();
	if (!(asked > 12 && asked < 24))
		fprintf(stderr, "truncated score batch: %ld articles asked, want 13 to 23\n", asked);
	CHECK(asked > 12 && asked < 24);
	/* every cached answer is a whole, valid entry */
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM llm_cache WHERE task = 'score'"), 12);
	sqlite3_stmt *q = store_prepare(&st, "SELECT answer FROM llm_cache WHERE task = 'score'", NULL);
	const json_t *entry_schema = json_object_get(
		json_object_get(json_object_get(prompt_schema(PROMPT_SCORE), "properties"), "items"), "items");
	while (q && sqlite3_step(q) == SQLITE_ROW) {
		json_t *v = json_loads((const char *)sqlite3_column_text(q, 0), 0, NULL);
		json_object_set_new(v, "i", json_string("a1"));
		char why[200];
		CHECK(v && schema_validate(entry_schema, v, why, sizeof why) == 0);
		json_decref(v);
	}
	sqlite3_finalize(q);
	check_rerun_free(&st);
	arena_free(&a);
	store_close(&st);
}

/* Found in the llm3 review: an answer the provider's content filter stopped (finish_reason
 * content_filter, as Azure's answers) was "no JSON object in the answer": generated and billed
 * again on every attempt, its whole entries thrown away. Its whole entries are kept like a cut
 * answer's and only the rest asked again; one with no entry is asked once more at most. */
static void
test_content_filter(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate_faulted("filter.db", "content_filter", &st, &a, &r) == 12);
	CHECK_INT(r.offline_fallbacks + llmsrv_faults_pending(srv), 0);
	long asked = score_items_asked();
	CHECK(asked > 12 && asked < 24);
	check_rerun_free(&st);
	arena_free(&a);
	store_close(&st);
	llmsrv_reset(srv);
	struct llm_client c;
	direct_client(&c, NULL);
	struct buf user = BUF_INIT;
	score_user(&user, 3);
	struct llm_request req = {.task = PROMPT_SCORE, .lang = "en", .user = buf_str(&user), .max_tokens = 400,
	                          .per_entry = 1};
	struct llm_request *reqs[] = {&req};
	llmsrv_push_faults(srv, "filtered_empty,filtered_empty,filtered_empty,filtered_empty");
	llm_run(&c, reqs, 1);
	CHECK(!req.is_ok);
	CHECK_INT(req.attempts, 2);
	CHECK(strstr(req.error, "content filter") != NULL);
	llmsrv_clear_faults(srv);
	llm_request_clear(&req);
	buf_free(&user);
	llm_client_free(&c);
}

/* Found in review: the doubled cap was not held to the most a provider grants, 16,384: an
 * article's 9,000 became 18,000 and then 36,000 (a 400 "max_tokens is too large" at OpenAI's
 * gpt-4o), and an answer cut at the most was asked again the same way up to the last attempt.
 * Now the cap stops at 16,384 and an answer cut there is not asked again. */
static void
test_truncated_cap_held(void)
{
	llmsrv_reset(srv);
	struct llm_client c;
	direct_client(&c, NULL);
	struct buf user = BUF_INIT;
	score_user(&user, 3);
	struct llm_request req = {.task = PROMPT_SCORE, .lang = "en", .user = buf_str(&user), .max_tokens = 9000};
	struct llm_request *reqs[] = {&req};
	llmsrv_push_faults(srv, "truncated,truncated,truncated");
	llm_run(&c, reqs, 1);
	CHECK_INT(req.cur_max_tokens, 16384);
	CHECK(!req.is_ok);
	CHECK_INT(req.attempts, 2);
	llmsrv_clear_faults(srv);
	llm_request_clear(&req);
	buf_free(&user);
	llm_client_free(&c);
}

/* Found in review: an error message that echoes the key (some OpenAI-compatible servers do)
 * is cut at 160 bytes before the key is redacted, so a long key (OpenAI project keys are
 * ~164 characters) cut in the middle is no longer found and its first part is kept in the
 * error (logged and stored in llm_usage.error). */
static void
test_echoed_key_redacted(void)
{
	llmsrv_reset(srv);
	char key[200] = "sk-proj-";
	for (size_t i = strlen(key); i < 164; i++)
		key[i] = (char)('A' + i % 26);
	key[164] = '\0';
	struct llm_client c;
	direct_client(&c, key);
	struct buf user = BUF_INIT;
	score_user(&user, 2);
	struct llm_request req = {.task = PROMPT_SCORE, .lang = "en", .user = buf_str(&user), .max_tokens = 200};
	struct llm_request *reqs[] = {&req};
	llmsrv_push_faults(srv, "auth_401");
	llm_run(&c, reqs, 1);
	CHECK(!req.is_ok);
	CHECK(strstr(req.error, "HTTP 401") != NULL);
	char piece[17];
	memcpy(piece, key + 20, 16); /* any 16 bytes of the key's body */
	piece[16] = '\0';
	if (strstr(req.error, piece))
		fprintf(stderr, "key leaked: %s\n", req.error);
	CHECK(strstr(req.error, piece) == NULL);
	llm_request_clear(&req);
	buf_free(&user);
	llm_client_free(&c);
}

/* Found in review: batch.h promises re-asks of exactly the items whose entry was unusable, but
 * one entry out of range (r = 11) fails the whole answer's schema check, so the whole batch is
 * asked again, and a model that keeps scoring one article 11 sends all of the batch's
 * articles to the offline engine. */
static void
test_one_bad_entry(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate_faulted("bad-entry.db", "out_of_range,out_of_range,out_of_range,out_of_range,out_of_range", &st,
	                     &a, &r) == 12);
	size_t offline = 0;
	for (size_t i = 0; i < r.story_count; i++)
		offline += r.stories[i].verdict.is_offline;
	if (offline > 1)
		fprintf(stderr, "one bad entry: %zu of %zu stories scored offline\n", offline, r.story_count);
	CHECK(offline <= 1);
	arena_free(&a);
	store_close(&st);
}

/* A model's keyword is a tag as the reader sees it: " LLM " beside "llm\n" is one topic, and
 * a blank one (" ", or only a bidi control the renderers drop) is none. They were kept as
 * given: the tag cloud counted the story twice, "🏷️ , LLM" showed an empty tag, and the
 * keyword chart got a label mermaid rejects. */
static void
test_blank_keywords(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate_faulted("blank-kw.db", "blank_keywords", &st, &a, &r) == 12);
	int found = 0;
	for (size_t i = 0; i < r.story_count; i++) {
		const struct verdict *v = &r.stories[i].verdict;
		for (size_t k = 0; k < v->keyword_count; k++) {
			const char *w = v->keywords[k];
			size_t n = strlen(w);
			int clean = n > 0 && w[0] != ' ' && w[n - 1] != ' ' && !strchr(w, '\n') && !strstr(w, "\xe2\x80\xae");
			if (!clean)
				fprintf(stderr, "story %zu keyword %zu: \"%s\"\n", i, k, w);
			CHECK(clean);
		}
		found += v->keyword_count == 2 && strcmp(v->keywords[0], "LLM") == 0 && strcmp(v->keywords[1], "Rust") == 0;
	}
	CHECK_INT(found, (int)r.story_count);
	arena_free(&a);
	store_close(&st);
}

/* A model that writes the category as the digest's section name ("Security", "AI/ML", "工程"),
 * as json_object-mode models do, had every score entry refused by the schema's list of ids
 * although category_parse reads those names: the batch was asked three times and every article
 * was scored by the offline engine. */
static void
test_category_labels(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate_faulted("cat-labels.db", "category_labels,category_labels,category_labels", &st, &a, &r) == 12);
	size_t offline = 0, per[CAT_COUNT] = {0};
	for (size_t i = 0; i < r.story_count; i++) {
		offline += r.stories[i].verdict.is_offline;
		per[r.stories[i].verdict.category]++;
	}
	CHECK_INT(offline, 0);
	CHECK_INT(score_items_asked(), 12);
	/* the stand-in's categories, read from "工程", "Security", "AI/ML" and "Tools" */
	CHECK(per[CAT_ENGINEERING] > 0 && per[CAT_SECURITY] > 0 && per[CAT_AI_ML] > 0 && per[CAT_TOOLS] > 0);
	arena_free(&a);
	store_close(&st);
}

/* A model that writes its scores as strings ("r":"8", as json_object-mode models do) had every
 * score entry refused as the wrong type: the batch was asked three times and every article was
 * scored by the offline engine. "11" as a string is still out of range. */
static void
test_string_scores(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate_faulted("string-scores.db", "string_scores,string_scores,string_scores", &st, &a, &r) == 12);
	size_t offline = 0;
	for (size_t i = 0; i < r.story_count; i++)
		offline += r.stories[i].verdict.is_offline;
	CHECK_INT(offline, 0);
	CHECK_INT(score_items_asked(), 12);
	json_t *entry = json_pack("{s:s,s:s,s:s,s:s,s:s,s:[s]}", "i", "a1", "r", "11", "q", " 7", "t", "x", "c", "tools",
	                          "k", "Rust");
	prompt_entry_normalise(PROMPT_SCORE, entry);
	char why[200];
	CHECK(schema_validate(json_object_get(json_object_get(json_object_get(prompt_schema(PROMPT_SCORE), "properties"),
	                                                      "items"),
	                                      "items"),
	                      entry, why, sizeof why) < 0);
	CHECK_INT(json_integer_value(json_object_get(entry, "q")), 7);
	CHECK(json_is_string(json_object_get(entry, "t")));
	json_decref(entry);
	arena_free(&a);
	store_close(&st);
}

/* Found in the llm3 review: a model that wrote an entry's keywords as one string ("note,
 * phishing, attack", or the list's JSON inside a string), as models in json_object mode do,
 * had the entry refused by the schema and asked again, and every article of such a model went
 * to the offline engine. The string's parts are the keywords. */
static void
test_string_keywords(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate_faulted("string-kw.db", "string_keywords,string_keywords,string_keywords", &st, &a, &r) == 12);
	CHECK_INT(r.offline_fallbacks, 0);
	CHECK_INT(score_items_asked(), 12);
	for (size_t i = 0; i < r.story_count; i++) {
		const struct verdict *v = &r.stories[i].verdict;
		/* the stand-in's keywords: the title's words of four letters or more, "note" first */
		CHECK(!v->is_offline && v->keyword_count >= 2 && strcmp(v->keywords[0], "note") == 0);
		for (size_t k = 0; k < v->keyword_count; k++)
			CHECK(!strpbrk(v->keywords[k], ",[\""));
	}
	arena_free(&a);
	store_close(&st);
}

/* A model that answers the Chinese enrichment in English: the summaries and why-reads were
 * taken as they came, so the Chinese digest showed English summaries, and they were cached, so
 * every rerun showed them again. They are asked again (the stand-in then answers in Chinese). */
static void
test_enrich_language(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	/* the score request, then the three enrich requests of the six picks */
	CHECK(curate_faulted("english.db", "english,english,english,english", &st, &a, &r) == 12);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	CHECK_INT(r.top_count, 6);
	for (size_t i = 0; i < r.top_count; i++) {
		const struct enrichment *e = &r.top[i]->enrichment;
		CHECK(!e->is_offline);
		if (strstr(e->summary, "This piece explains"))
			fprintf(stderr, "pick %zu: an English summary in the Chinese digest: %s\n", i + 1, e->summary);
		CHECK(strstr(e->summary, "This piece explains") == NULL && strstr(e->reason, "Worth reading") == NULL);
	}
	CHECK_INT(llmsrv_items_asked(srv, "enrich"), 12);
	/* A rerun serves the Chinese answers from the cache. */
	struct arena b = ARENA_INIT;
	struct curate_result r2;
	CHECK(curate(&st, &batch_cfg, 0, &b, &r2) == 12);
	CHECK_INT(r2.llm_requests, 0);
	arena_free(&a);
	arena_free(&b);
	store_close(&st);
}

/* The highlights in English in a Chinese digest: shown as 今日看点 and cached, so every rerun
 * showed them again. They are left out for the offline paragraph, and not cached. */
static void
test_highlights_language(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	/* the score and the three enrich answers fenced (read as they are), then the highlights */
	CHECK(curate_faulted("english-hl.db", "fenced,fenced,fenced,fenced,english", &st, &a, &r) == 12);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	CHECK(strstr(r.highlights, "Today's stories") == NULL);
	CHECK(!r.is_model_highlights);
	struct arena b = ARENA_INIT;
	struct curate_result r2;
	CHECK(curate(&st, &batch_cfg, 0, &b, &r2) == 12);
	CHECK(r2.is_model_highlights && strstr(r2.highlights, "第一个趋势来自") != NULL);
	arena_free(&a);
	arena_free(&b);
	store_close(&st);
}

/* The highlights under a heading line of their own ("## 📝 今日看点", "**今日看点**"), as a model
 * echoing the digest's section writes them: only "今日看点：" with its colon was taken off, so
 * under the digest's heading 今日看点 the reader read it again as a heading or in bold. */
static void
test_highlights_heading(void)
{
	static const char *const faults[] = {"fenced,fenced,fenced,fenced,heading_md",
	                                     "fenced,fenced,fenced,fenced,heading_bold"};
	for (size_t f = 0; f < 2; f++) {
		struct store st;
		struct arena a = ARENA_INIT;
		struct curate_result r;
		CHECK(curate_faulted(f ? "hl-bold.db" : "hl-heading.db", faults[f], &st, &a, &r) == 12);
		CHECK_INT(llmsrv_faults_pending(srv), 0);
		CHECK(r.is_model_highlights);
		if (!str_starts(r.highlights, "第一个趋势来自"))
			fprintf(stderr, "highlights (%s): %s\n", faults[f], r.highlights);
		CHECK(str_starts(r.highlights, "第一个趋势来自"));
		/* the cached answer reads the same */
		struct arena b = ARENA_INIT;
		struct curate_result r2;
		CHECK(curate(&st, &batch_cfg, 0, &b, &r2) == 12);
		CHECK(r2.is_model_highlights && str_starts(r2.highlights, "第一个趋势来自"));
		arena_free(&a);
		arena_free(&b);
		store_close(&st);
	}
}

/* Found in review: the highlights taken from the cache were shown without the checks given to an
 * answer (blank, not in the reader's language), so a paragraph cached before those checks existed
 * (English, or blank, written by an older brief under the same prompt version) showed as the
 * Chinese digest's 今日看点 on every rerun over the same picks. One that fails them is dropped
 * and asked again, like an enrichment served from the cache. */
static void
test_highlights_cache_checked(void)
{
	static const char *const stale[] = {
		"{\"highlights\":\"One theme runs across the stories: tools get faster.\"}",
		"{\"highlights\":\" \\u200b \"}",
	};
	for (size_t k = 0; k < sizeof stale / sizeof *stale; k++) {
		struct store st;
		struct arena a = ARENA_INIT;
		struct curate_result r;
		char name[32];
		snprintf(name, sizeof name, "stale-hl%zu.db", k);
		CHECK(curate_faulted(name, "", &st, &a, &r) == 12);
		CHECK(r.is_model_highlights);
		char sql[256];
		snprintf(sql, sizeof sql, "UPDATE llm_cache SET answer = '%s' WHERE task = 'highlights'", stale[k]);
		struct err e;
		CHECK_INT(store_exec(&st, sql, &e), 0);
		CHECK_INT(test_query_int(&st, "SELECT count(*) FROM llm_cache WHERE task = 'highlights'"), 1);
		struct arena b = ARENA_INIT;
		struct curate_result r2;
		CHECK(curate(&st, &batch_cfg, 0, &b, &r2) == 12);
		CHECK(r2.highlights && strstr(r2.highlights, "tools get faster") == NULL);
		CHECK(r2.highlights && strstr(r2.highlights, "第一个趋势来自") != NULL);
		CHECK_INT(r2.llm_requests, 1); /* the highlights asked again, nothing else */
		arena_free(&a);
		arena_free(&b);
		store_close(&st);
	}
}

/* Found in review: a summary that opens in Chinese and goes on in English (a model drifting out
 * of the language it was asked for) passed the language check, whose bar is 5 % of the letters
 * in CJK (a Chinese summary quoting English names and text), and showed half English in the
 * Chinese digest, cached. A Chinese text that ends in an English sentence is not Chinese: asked
 * again. The real summaries, why-reads and paragraphs of the seeds all still pass. */
static void
test_enrich_mixed(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	/* the score answer fenced (read as it is), then the three enrich answers mixed */
	CHECK(curate_faulted("mixed.db", "fenced,mixed,mixed,mixed", &st, &a, &r) == 12);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	for (size_t i = 0; i < r.top_count; i++) {
		const struct enrichment *e = &r.top[i]->enrichment;
		if (strstr(e->summary, "It explains what changed"))
			fprintf(stderr, "pick %zu: a summary that goes on in English: %s\n", i + 1, e->summary);
		CHECK(!e->is_offline && strstr(e->summary, "It explains what changed") == NULL);
	}
	CHECK_INT(llmsrv_items_asked(srv, "enrich"), 12);
	CHECK(stage_in_language("Taalas 用 ASIC 把 Llama 3.1 8B 做进芯片。演示快到像静态图片，见 Simon Willison 的 \"It's fast\"。",
	                        0));
	CHECK(!stage_in_language("这篇文章介绍了新芯片。It explains what changed and why it matters.", 0));
	CHECK(stage_in_language("这篇文章介绍了新芯片。Llama 3.1 8B, 17,000 tokens/s.", 0)); /* names and figures */
	/* Every line of prose of the seeds that has Chinese in it (seed 000's summaries, why-reads and
	 * 今日看点, the weekly's and the articles' paragraphs) is Chinese to the check. */
	const char *shared = test_shared();
	static const char *const seeds[] = {"000_44b8956217b1ba1d.txt", "001_3f91692798b46846.txt",
	                                    "002_08774d47cf0fad85.txt"};
	size_t lines = 0;
	for (size_t k = 0; shared && k < sizeof seeds / sizeof *seeds; k++) {
		char path[4200];
		snprintf(path, sizeof path, "%s/seeds/%s", shared, seeds[k]);
		struct buf text = BUF_INIT;
		test_read_file(path, &text);
		for (char *line = text.data; line && *line;) {
			char *end = strchr(line, '\n');
			if (end)
				*end = '\0';
			int has_cjk = 0;
			for (size_t i = 0, n = strlen(line); i < n;) {
				uint32_t cp;
				i += utf8_decode(line + i, n - i, &cp);
				has_cjk |= cp >= 0x4E00 && cp <= 0x9FFF;
			}
			if (has_cjk && !strstr(line, "](")) { /* prose: not a link line with its source and age */
				lines++;
				if (!stage_in_language(line, 0)) {
					fprintf(stderr, "%s: a Chinese line is not Chinese to the check: %s\n", seeds[k], line);
					CHECK(0);
				}
			}
			line = end ? end + 1 : NULL;
		}
		buf_free(&text);
	}
	CHECK(!shared || lines > 300);
	arena_free(&a);
	store_close(&st);
}

/* Found in the llm3 review: a model that left the English title as it was (or put a Chinese
 * word or two before it) had it shown as the Chinese digest's headline, and cached: only the
 * summary and the why-read were held to the reader's language. Such a title is asked again
 * like an English summary; the Chinese headlines of the answers asked again are kept. */
static void
test_enrich_english_title(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	/* the score answer fenced (read as it is), then the three enrich answers with English titles */
	CHECK(curate_faulted("en-title.db", "fenced,english_title,english_title,english_title", &st, &a, &r) == 12);
	CHECK_INT(llmsrv_faults_pending(srv) + r.top_count, 6);
	for (size_t i = 0; i < r.top_count; i++) {
		const struct enrichment *e = &r.top[i]->enrichment;
		if (!strstr(e->title, "【译】"))
			fprintf(stderr, "pick %zu: an English headline in the Chinese digest: %s\n", i + 1, e->title);
		CHECK(!e->is_offline && strstr(e->title, "【译】") && strcmp(e->title, r.top[i]->lead->title) != 0);
	}
	CHECK_INT(llmsrv_items_asked(srv, "enrich"), 12);
	check_rerun_free(&st);
	arena_free(&a);
	store_close(&st);
}

/* A Chinese headline may name its tools in lower case ("npm 供应链攻击：恶意 eslint-config 包窃取
 * token": four English words among ten Chinese characters): it is the reader's language, kept at
 * the first answer, not asked again as an English title would be (test_enrich_english_title). */
static void
test_enrich_tool_names_title(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	curate_answered_at_once("tool-title.db", "fenced,tool_title,tool_title,tool_title", &st, &a, &r);
	for (size_t i = 0; i < r.top_count; i++)
		CHECK(strstr(r.top[i]->enrichment.title, "eslint-config") != NULL);
	CHECK_INT(llmsrv_items_asked(srv, "enrich"), 6);
	arena_free(&a);
	store_close(&st);
}

/* Found in the llm2 review: a reasoning model served without a reasoning parser (DeepSeek-R1,
 * Qwen3 and QwQ on a local server) writes its thoughts in a <think> block before the answer,
 * and its thoughts draft pieces of the answer ({"id": "a1"}). The search for an object in prose
 * took the first such piece for the answer, which failed the schema on every attempt: every
 * batch of such a model went to the offline engine. Now the object after the thoughts is the
 * answer: each request is answered at its first attempt, nothing is asked again. */
static void
test_think_block(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	/* the score answer, the three enrich answers and the highlights, each after its thoughts */
	curate_answered_at_once("think.db", "think,think,think,think,think", &st, &a, &r);
	CHECK(r.highlights && !strstr(r.highlights, "think"));
	CHECK_INT(llmsrv_items_asked(srv, "enrich"), 6);
	/* The thoughts' close tag alone (the chat template wrote the open one) and a close tag
	 * quoted inside an answer's string are read the same way. */
	static const char *const answers[] = {
		"Article a1 is a release: {\"id\": \"a1\"}.\n</think>\n{\"items\": [{\"id\": \"a2\"}]}",
		"{\"items\": [{\"id\": \"a2\", \"t\": \"</think> {\\\"id\\\": 1}\"}]}",
	};
	for (size_t k = 0; k < sizeof answers / sizeof *answers; k++) {
		json_t *v = schema_extract(answers[k], strlen(answers[k]));
		CHECK(v && json_is_array(json_object_get(v, "items")));
		json_decref(v);
	}
	arena_free(&a);
	store_close(&st);
}

/* Found in the llm2 review: a model asked for {"items": [...]} that answers the list of entries
 * alone ([{"i": "a1", ...}, ...], as models in json_object mode often do) had the first entry
 * taken for the answer by the search in prose, which failed the schema ("missing items") on
 * every attempt: every batch went to the offline engine. The list is now the answer's items. */
static void
test_bare_list(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	/* the score answer and the three enrich answers bare; the highlights, no list, as asked */
	curate_answered_at_once("bare.db", "bare_array,bare_array,bare_array,bare_array,bare_array", &st, &a, &r);
	CHECK_INT(llmsrv_items_asked(srv, "enrich"), 6);
	/* in a fence or after a sentence of prose, read the same way */
	static const char *const answers[] = {
		"```json\n[{\"i\": \"a1\", \"k\": [\"Rust\"]}]\n```",
		"Here are the entries: [{\"i\": \"a1\", \"k\": [\"Rust\"]}] Done.",
	};
	for (size_t k = 0; k < sizeof answers / sizeof *answers; k++) {
		json_t *v = schema_extract_list(answers[k], strlen(answers[k]));
		CHECK(json_array_size(v) == 1 && json_is_object(json_array_get(v, 0)));
		json_decref(v);
	}
	arena_free(&a);
	store_close(&st);
}

/* Found in the llm2 review, two ways a provider refuses response_format:
 * - every request of the first wave refused for its json_schema: the first refusal switched the
 *   client to json_object, and the three other batches' refusals, read after it, failed at once
 *   (the switch was taken as done): 15 of 20 articles scored offline;
 * - a model that takes no JSON mode at all (json_object refused too, as Groq's and some local
 *   servers' models answer): every request failed at once and the whole digest was offline.
 * Now a refusal steps down from what its own request sent, json_schema to json_object to no
 * response_format (the schema in the instructions): everything is answered by the model, and a
 * rerun asks nothing. */
static void
test_format_refused(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/format-wave.db", test_tmpdir());
	struct store st;
	fx_generated(&st, path, 20);
	llmsrv_reset(srv);
	llmsrv_push_faults(srv, "schema_400,schema_400,schema_400,schema_400"); /* the four lanes' batches */
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK_INT(curate(&st, &lanes_cfg, 0, &a, &r), 20);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	CHECK_INT(r.offline_fallbacks, 0);
	check_all_scored(&r);
	for (size_t i = 0; i < r.story_count; i++)
		CHECK(!r.stories[i].verdict.is_offline);
	arena_free(&a);
	store_close(&st);

	struct store st2;
	struct arena b = ARENA_INIT;
	struct curate_result r2;
	/* the score batch refused with json_schema, then with json_object; answered without */
	CHECK(curate_faulted("format-none.db", "format_400", &st2, &b, &r2) == 12);
	CHECK_INT(r2.offline_fallbacks, 0);
	for (size_t i = 0; i < r2.story_count; i++)
		CHECK(!r2.stories[i].verdict.is_offline);
	for (size_t i = 0; i < r2.top_count; i++)
		CHECK(!r2.top[i]->enrichment.is_offline);
	CHECK(r2.is_model_highlights);
	CHECK_INT(r2.llm_requests, 7); /* the run's five, two of them refused */
	CHECK_INT(test_query_int(&st2, "SELECT count(*) FROM llm_usage WHERE error LIKE 'HTTP 400%'"), 2);
	struct arena c = ARENA_INIT;
	struct curate_result r3;
	CHECK_INT(curate(&st2, &batch_cfg, 0, &c, &r3), 12);
	CHECK_INT(r3.llm_requests, 0);
	llmsrv_clear_faults(srv);
	arena_free(&b);
	arena_free(&c);
	store_close(&st2);
}

/* A summary or highlights that show nothing (" ", a zero-width space, line breaks) passed the
 * schema's minLength: the digest showed an empty quote under a pick and an empty 今日看点, and
 * both were cached. A blank part is a missing one: asked again, else the offline engine's. */
static void
test_blank_text(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	/* the score answer fenced (read as it is), the three enrich answers blank, their three
	 * re-asks fenced, the highlights blank */
	CHECK(curate_faulted("blank-text.db", "fenced,blank_text,blank_text,blank_text,fenced,fenced,fenced,blank_text",
	                     &st, &a, &r) == 12);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	for (size_t i = 0; i < r.top_count; i++)
		CHECK(strstr(r.top[i]->enrichment.summary, "\xe2\x80\x8b") == NULL &&
		      strlen(r.top[i]->enrichment.summary) > 10);
	CHECK(r.highlights && strlen(r.highlights) > 10);
	CHECK(!r.is_model_highlights);
	arena_free(&a);
	store_close(&st);
}

/* A model that declines (OpenAI's "content": null beside a "refusal" text) was asked again as
 * if its answer had no JSON object, on every attempt, and the usage log said "no JSON object in
 * the answer". A refusal is asked once more at most, then the items are scored offline, and the
 * log names it. */
static void
test_refusal(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	/* the score request and its one re-ask refused; the third refusal is one enrich request's */
	CHECK(curate_faulted("refusal.db", "refusal,refusal,refusal", &st, &a, &r) == 12);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	CHECK_INT(score_items_asked(), 24);
	CHECK_INT(r.offline_fallbacks, r.story_count);
	CHECK(test_query_int(&st, "SELECT count(*) FROM llm_usage WHERE task = 'score'"
	                          " AND error LIKE 'the model refused: I''m sorry%'") == 2);
	for (size_t i = 0; i < r.top_count; i++)
		CHECK(r.top[i]->has_enrichment && !r.top[i]->enrichment.is_offline);
	arena_free(&a);
	store_close(&st);
}

/* A model that writes one entry's score as NaN (not JSON): the parser rejected the whole
 * answer, so the whole batch was asked again, and a model that kept doing it sent all twelve
 * articles to the offline engine. Only the entry with NaN is left out and asked again. */
static void
test_nan_entry(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate_faulted("nan.db", "nan,nan,nan", &st, &a, &r) == 12);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	size_t offline = 0;
	for (size_t i = 0; i < r.story_count; i++)
		offline += r.stories[i].verdict.is_offline;
	CHECK(offline <= 1);
	CHECK(score_items_asked() <= 14); /* the batch once, then the one article alone */
	const char *text = "{\"items\":[{\"r\":NaN,\"q\":-Infinity,\"s\":\"NaN stays\"}]}";
	json_t *v = schema_extract(text, strlen(text));
	CHECK(v && json_is_null(json_object_get(json_array_get(json_object_get(v, "items"), 0), "r")));
	CHECK(v && json_is_null(json_object_get(json_array_get(json_object_get(v, "items"), 0), "q")));
	CHECK(v && strcmp(json_string_value(json_object_get(json_array_get(json_object_get(v, "items"), 0), "s")),
	                  "NaN stays") == 0);
	json_decref(v);
	arena_free(&a);
	store_close(&st);
}

/* A model that scores in half points (7.5) had every score entry refused as not an integer:
 * the batch was asked three times and every article was scored offline. A fraction is
 * rounded half up (docs/ai.md): the stand-in's 7.5 is its 8. */
static void
test_half_scores(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate_faulted("half.db", "half_scores,half_scores,half_scores", &st, &a, &r) == 12);
	size_t offline = 0;
	for (size_t i = 0; i < r.story_count; i++)
		offline += r.stories[i].verdict.is_offline;
	CHECK_INT(offline, 0);
	CHECK_INT(score_items_asked(), 12);
	static const struct {
		double in;
		long long out; /* -1: refused */
	} cases[] = {{7.5, 8}, {7.49, 7}, {0.5, 1}, {10.4, 10}, {10.5, -1}, {0.4, -1}};
	const json_t *entry_schema = json_object_get(
		json_object_get(json_object_get(prompt_schema(PROMPT_SCORE), "properties"), "items"), "items");
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		json_t *e = json_pack("{s:s,s:f,s:f,s:s,s:s,s:[s]}", "i", "a1", "r", cases[i].in, "q", 6.5, "t", "4.5",
		                      "c", "tools", "k", "Rust");
		prompt_entry_normalise(PROMPT_SCORE, e);
		char why[200];
		int ok = schema_validate(entry_schema, e, why, sizeof why) == 0;
		CHECK_INT(ok, cases[i].out >= 0);
		if (ok)
			CHECK_INT(json_integer_value(json_object_get(e, "r")), cases[i].out);
		CHECK_INT(json_integer_value(json_object_get(e, "q")), 7);
		CHECK_INT(json_integer_value(json_object_get(e, "t")), 5);
		json_decref(e);
	}
	arena_free(&a);
	store_close(&st);
}

/* A "summary" of over 5,000 bytes (a model that does not stop) reached the digest as it came,
 * although the prompt asks for 3 to 5 sentences of about 100 to 200 characters. It is cut at a
 * sentence end to at most 5 sentences and 500 characters (docs/ai.md), and not asked again. */
static void
test_long_summary(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	/* the score answer fenced (read as it is), the three enrich answers long */
	CHECK(curate_faulted("long-summary.db", "fenced,long_summary,long_summary,long_summary", &st, &a, &r) == 12);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	CHECK_INT(r.top_count, 6);
	for (size_t i = 0; i < r.top_count; i++) {
		const char *sum = r.top[i]->enrichment.summary;
		CHECK(!r.top[i]->enrichment.is_offline);
		size_t chars = utf8_count(sum, strlen(sum));
		if (chars > 500)
			fprintf(stderr, "pick %zu: a summary of %zu characters\n", i + 1, chars);
		CHECK(chars > 20 && chars <= 500);
		/* cut at a sentence end */
		CHECK(strlen(sum) >= 3 && strcmp(sum + strlen(sum) - 3, "\xe3\x80\x82") == 0);
	}
	CHECK_INT(llmsrv_items_asked(srv, "enrich"), 6);
	arena_free(&a);
	store_close(&st);
}

/* A model that answers a batch's entries under each other's ids (item 1's summary under id a2
 * and back, or every entry one id on) had each summary shown, and cached, under the wrong
 * article: an id that appears once was taken at its word. An entry that names more of a
 * batchmate's names and figures than its own article's is left out and asked again. */
static void
test_swapped_ids(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	/* the score answer fenced (read as it is); of the three enrich answers two swap their
	 * entries' ids and one shifts them */
	CHECK(curate_faulted("swapped.db", "fenced,swap_ids,shift_ids,swap_ids", &st, &a, &r) == 12);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	CHECK_INT(r.top_count, 6);
	for (size_t i = 0; i < r.top_count; i++) {
		const struct enrichment *e = &r.top[i]->enrichment;
		/* the stand-in's summary quotes the title of the article it was written for */
		char quoted[300];
		snprintf(quoted, sizeof quoted, "\xe3\x80\x8c%s\xe3\x80\x8d", r.top[i]->lead->title);
		if (!strstr(e->summary, quoted))
			fprintf(stderr, "pick %zu (%s): another article's summary: %s\n", i + 1, r.top[i]->lead->title,
			        e->summary);
		CHECK(!e->is_offline && strstr(e->summary, quoted) != NULL);
		/* and its headline names the article's own number ("Note 3 on ...": "【译】Note 3 24 的最新进展") */
		const char *lt = r.top[i]->lead->title, *on = strstr(lt, " on ");
		char name[64];
		snprintf(name, sizeof name, "%.*s ", on ? (int)(on - lt) : 0, lt);
		CHECK(on && strstr(e->title, name) != NULL);
	}
	/* The six asked once, then the six left out once more (in the re-ask round the stand-in
	 * answers under the right ids). */
	CHECK_INT(llmsrv_items_asked(srv, "enrich"), 12);
	/* What was cached is each article's own summary. */
	struct arena b = ARENA_INIT;
	struct curate_result r2;
	CHECK(curate(&st, &batch_cfg, 0, &b, &r2) == 12);
	CHECK_INT(r2.llm_requests, 0);
	for (size_t i = 0; i < r2.top_count; i++)
		CHECK(strstr(r2.top[i]->enrichment.summary, r2.top[i]->lead->title) != NULL);
	/* the measure itself: names and figures, whole words, any case, each counted once */
	CHECK_INT(batch_affinity("「Note 3 on Rust」 Rust 2026 rust the v1.2 x", "note 3 about RUST in 2026, v1.20"), 3);
	CHECK_INT(batch_affinity("GPT-4o and SQLite", "gpt-4o, sqlite3"), 1);
	arena_free(&a);
	arena_free(&b);
	store_close(&st);
}

/* A gateway that streams whatever it is asked (text/event-stream, "data: {chunk}" lines): each
 * answer was "the response is not JSON", asked again until the retries ran out (every attempt
 * generated, and billed, in full), and every article went to the offline engine. The chunks'
 * deltas are now joined into the answer. */
static void
test_streamed_answer(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	/* the score request, the three enrich requests and the highlights, all streamed */
	curate_answered_at_once("sse.db", "sse,sse,sse,sse,sse", &st, &a, &r);
	/* the usage of the last chunk is counted */
	CHECK(test_query_int(&st, "SELECT min(completion_tokens) FROM llm_usage") > 0);
	arena_free(&a);
	store_close(&st);
}

/* Found in review: a 429 that says the quota is spent (OpenAI's insufficient_quota, no
 * Retry-After) was retried as a rate limit, every batch of the run up to its last attempt, each
 * with its own warning, and only then went offline. Now the first such answer stops the run's
 * requests: one request, one warning, everything offline at once. */
static void
test_quota_spent(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	setenv("BRIEF_LLM_API_KEY", "sk-test-quota-spent", 1); /* the halt holds for this key, the whole process */
	CHECK(curate_faulted("quota.db", "quota_429,quota_429,quota_429,quota_429,quota_429,quota_429,quota_429,quota_429",
	                     &st, &a, &r) == 12);
	setenv("BRIEF_LLM_API_KEY", "sk-test-secret-key", 1);
	CHECK_INT(r.llm_requests, 1);
	CHECK_INT(llmsrv_faults_pending(srv), 7);
	check_all_scored(&r);
	CHECK_INT(r.offline_fallbacks, r.story_count);
	for (size_t i = 0; i < r.top_count; i++)
		CHECK(r.top[i]->enrichment.is_offline);
	CHECK(!r.is_model_highlights);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM llm_usage WHERE error LIKE '%quota%'"), 1);
	llmsrv_clear_faults(srv);
	arena_free(&a);
	store_close(&st);
}

/* Found in review: a 429 asking for an hour (Retry-After: 3600, a daily limit) was waited out
 * for the longest wait honoured, a minute, per attempt and per batch. Now it stops the client:
 * the request fails at once, and no later request of the run is sent. */
/* One request meets FAULTS (queued) on a client of KEY whose max_attempts is ATTEMPTS (0: the
 * default): it fails at its first attempt with an error naming WHY and stops the client, whose
 * later request is not sent; PENDING of the faults are left unsent. */
static void
check_stops_at_once(const char *key, int attempts, const char *faults, const char *why, int pending)
{
	llmsrv_reset(srv);
	struct llm_client c;
	direct_client(&c, key); /* the halt holds for this key, the whole process */
	if (attempts)
		c.cfg.max_attempts = attempts;
	struct buf user = BUF_INIT;
	score_user(&user, 3);
	struct llm_request req = {.task = PROMPT_SCORE, .lang = "en", .user = buf_str(&user), .max_tokens = 600};
	struct llm_request *reqs[] = {&req};
	llmsrv_push_faults(srv, faults);
	llm_run(&c, reqs, 1);
	CHECK(!req.is_ok);
	CHECK_INT(req.attempts, 1);
	CHECK(strstr(req.error, why) != NULL);
	CHECK(c.halted[0]);
	llm_request_clear(&req);
	struct llm_request later = {.task = PROMPT_SCORE, .lang = "en", .user = buf_str(&user), .max_tokens = 600};
	reqs[0] = &later;
	llm_run(&c, reqs, 1);
	CHECK(!later.is_ok);
	CHECK_INT(later.attempts, 0);
	CHECK_INT(llmsrv_faults_pending(srv), pending);
	struct llmsrv_stats s;
	llmsrv_get_stats(srv, &s);
	CHECK_INT(s.requests, 1);
	llmsrv_clear_faults(srv);
	llm_request_clear(&later);
	buf_free(&user);
	llm_client_free(&c);
}

static void
test_long_retry_after(void)
{
	/* max_attempts 2: before the fix, one wait of a minute, not three */
	check_stops_at_once("sk-test-asked-to-wait", 2, "429_hour,429_hour", "HTTP 429, asked to wait 3600", 1);
}

/* One request against a per-minute limit the stand-in holds for a second once FAULT arms it,
 * the wait said only as the fault says it: answered on the first attempt after the wait. */
static void
rate_limit_case(const char *fault)
{
	llmsrv_reset(srv);
	struct llm_client c;
	direct_client(&c, NULL); /* a backoff of 10 ms: four attempts in well under the second */
	struct buf user = BUF_INIT;
	score_user(&user, 3);
	struct llm_request req = {.task = PROMPT_SCORE, .lang = "en", .user = buf_str(&user), .max_tokens = 600};
	struct llm_request *reqs[] = {&req};
	llmsrv_push_faults(srv, fault);
	llm_run(&c, reqs, 1);
	if (!req.is_ok)
		fprintf(stderr, "%s: %s after %d attempts\n", fault, req.error, req.attempts);
	CHECK(req.is_ok);
	CHECK_INT(req.attempts, 2);
	CHECK(!c.halted[0]);
	llmsrv_clear_faults(srv);
	llm_request_clear(&req);
	buf_free(&user);
	llm_client_free(&c);
}

/* Found in review: Gemini answers its per-minute limit with a 429 and no Retry-After, the wait
 * in the body (a RetryInfo's retryDelay, "30s"); the backoff of 0.5, 1 and 2 s spent every
 * attempt inside the minute, so every batch of that minute went offline. Now the retryDelay is
 * waited like a Retry-After. */
static void
test_gemini_retry_delay(void)
{
	rate_limit_case("gemini_429");
}

/* Found in review: a server that says its wait only in a retry-after-ms header (some
 * OpenAI-compatible servers) was retried on the backoff, every attempt inside the limit. Now
 * retry-after-ms is waited like a Retry-After. */
static void
test_retry_after_ms(void)
{
	rate_limit_case("429_ms");
}

/* Found in the llm2 review: OpenAI answers its per-minute limits (TPM, RPM) with a 429 and no
 * Retry-After, the wait only in the message ("Please try again in 1.2s."); the backoff of 0.5,
 * 1 and 2 s spent every attempt inside the limit, so the batch went offline. Now the message's
 * wait is waited like a Retry-After. */
static void
test_message_wait(void)
{
	rate_limit_case("openai_tpm");
}

/* Found in review: a 5xx's stated wait was read only from headers: Google's 503 for an
 * overloaded model says it in the body (a RetryInfo's retryDelay), which was read on 429s only,
 * so the backoff of 0.5, 1 and 2 s spent every attempt inside the overload. Now a 5xx body's
 * retryDelay is waited like a 429's. */
static void
test_gemini_503_retry_delay(void)
{
	rate_limit_case("gemini_503");
}

/* Found in review: a 503 asking for an hour (Retry-After: 3600, a server down for maintenance)
 * was waited out for the longest wait honoured, a minute, per attempt, per batch and per stage,
 * while a 429 asking the same stopped the provider at once. Now it stops it the same way: the
 * request fails at once, and no later request of the run is sent. */
static void
test_503_long_retry_after(void)
{
	/* max_attempts 2: before the fix, one wait of a minute, not three */
	check_stops_at_once("sk-test-maintenance", 2, "503_hour,503_hour", "HTTP 503, asked to wait 3600", 1);
}

/* Found in review: Gemini answers a spent per-day quota with the same 429 as its per-minute
 * limit (a QuotaFailure whose quotaId names PerDay) and a retryDelay of seconds; every batch was
 * asked to its last attempt, each with a warning, though nothing could be answered before the
 * day turned. Now it stops the provider for the run like insufficient_quota. */
static void
test_gemini_day_quota(void)
{
	check_stops_at_once("sk-test-gemini-day", 0, "gemini_day,gemini_day,gemini_day,gemini_day,gemini_day",
	                    "quota", 4);
}

/* Found in review: a gateway that passes an upstream error on under status 200 ({"error":
 * {...}}, no choices) was read as "the answer has no choices" and asked again up to the last
 * attempt, its message never shown; and an answer with no choices and no error (a content
 * filter's) was asked again as often, failing the same way each time. Now the error object's
 * message is the error and it is not asked again (unless it names a rate limit, an overload or
 * a server error); an empty answer is asked once more at most. */
static void
test_error_under_200(void)
{
	llmsrv_reset(srv);
	struct llm_client c;
	direct_client(&c, NULL);
	struct buf user = BUF_INIT;
	score_user(&user, 3);
	struct llm_request req = {.task = PROMPT_SCORE, .lang = "en", .user = buf_str(&user), .max_tokens = 600};
	struct llm_request *reqs[] = {&req};
	llmsrv_push_faults(srv, "error_200,error_200,error_200,error_200");
	llm_run(&c, reqs, 1);
	CHECK(!req.is_ok);
	CHECK_INT(req.attempts, 1);
	CHECK(strstr(req.error, "does not exist") != NULL);
	llm_request_clear(&req);
	llmsrv_clear_faults(srv);
	struct llm_request empty = {.task = PROMPT_SCORE, .lang = "en", .user = buf_str(&user), .max_tokens = 600};
	reqs[0] = &empty;
	llmsrv_push_faults(srv, "empty_choices,empty_choices,empty_choices,empty_choices");
	llm_run(&c, reqs, 1);
	CHECK(!empty.is_ok);
	CHECK_INT(empty.attempts, 2);
	CHECK(strstr(empty.error, "no choices") != NULL);
	llm_request_clear(&empty);
	llmsrv_clear_faults(srv);
	buf_free(&user);
	llm_client_free(&c);
}

/* Found in review: the client had no bound over a whole run, only per attempt: a provider that
 * holds every request to the per-request timeout (or answers 5xx after a wait) made each batch
 * take attempts x timeout, and each stage after it (enrich, highlights, the weekly's, each
 * article's) as long again, so a scheduled daily could run for hours. Now [llm] deadline
 * bounds the run's requests to the endpoint and key: an attempt is cut where it passes, nothing
 * is sent or retried after it, one warning says so and the rest goes to the offline engine; a
 * client opened later in the run for the same endpoint and key sends nothing. */
static struct config_entry deadline_entries[] = {
	{"llm", "timeout", "2"}, {"llm", "retries", "4"}, {"llm", "batch_size", "50"}, {"llm", "deadline", "1"}};
static struct config deadline_cfg = {.entries = deadline_entries, .count = 4};

static void
test_run_deadline(void)
{
	setenv("BRIEF_LLM_API_KEY", "sk-test-slow-provider", 1); /* the deadline counts for this key */
	char path[512];
	snprintf(path, sizeof path, "%s/deadline.db", test_tmpdir());
	struct store st;
	fx_generated(&st, path, 12);
	llmsrv_reset(srv);
	llmsrv_push_faults(srv, "hang,hang,hang,hang,hang,hang,hang,hang,hang,hang,hang,hang");
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate(&st, &deadline_cfg, 0, &a, &r) == 12);
	/* the score batch's first attempt, cut at the deadline; nothing after it */
	CHECK_INT(r.llm_requests, 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM llm_usage"), 1);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM llm_usage WHERE error LIKE '%[llm] deadline%'"), 1);
	check_all_scored(&r);
	CHECK_INT(r.offline_fallbacks, r.story_count);
	for (size_t i = 0; i < r.top_count; i++)
		CHECK(r.top[i]->enrichment.is_offline);
	CHECK(!r.is_model_highlights);
	CHECK_STR(r.engine, "offline");
	/* a later client of the run (the weekly's, an article's) sends nothing and says why */
	struct llm_client c;
	direct_client(&c, "sk-test-slow-provider");
	struct buf user = BUF_INIT;
	score_user(&user, 2);
	struct llm_request later = {.task = PROMPT_SCORE, .lang = "en", .user = buf_str(&user), .max_tokens = 300};
	struct llm_request *reqs[] = {&later};
	llm_run(&c, reqs, 1);
	CHECK(!later.is_ok);
	CHECK_INT(later.attempts, 0);
	CHECK(strstr(later.error, "deadline") != NULL);
	llm_request_clear(&later);
	llm_client_free(&c);
	buf_free(&user);
	llmsrv_clear_faults(srv);
	setenv("BRIEF_LLM_API_KEY", "sk-test-secret-key", 1);
	arena_free(&a);
	store_close(&st);
}

/* Found in review: DeepSeek's 402 "Insufficient Balance" and a 401 for a bad or revoked key
 * failed the one request that met them and nothing else: every score batch, every enrich batch
 * and the highlights paid the same failure again, each with its own warning, and every later
 * client of the same run (the weekly's paragraphs after its curation, each story's article)
 * asked again. The first such answer now stops the provider (that endpoint and key) for the
 * rest of the process: one request, one warning, everything else offline at once. A 403 page
 * from a web firewall (HTML, about one request's body) is no such answer and stops nothing. */
static void
refused_case(const char *name, const char *key, const char *faults, const char *why)
{
	setenv("BRIEF_LLM_API_KEY", key, 1);
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate_faulted(name, faults, &st, &a, &r) == 12);
	CHECK_INT(r.llm_requests, 1);
	CHECK_INT(llmsrv_faults_pending(srv), 7);
	check_all_scored(&r);
	CHECK_INT(r.offline_fallbacks, r.story_count);
	for (size_t i = 0; i < r.top_count; i++)
		CHECK(r.top[i]->enrichment.is_offline);
	CHECK(!r.is_model_highlights);
	CHECK_STR(r.engine, "offline");
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM llm_usage"), 1);
	/* a later client of the run for the same endpoint and key sends nothing, and says why */
	struct llm_client c;
	direct_client(&c, key);
	struct buf user = BUF_INIT;
	score_user(&user, 2);
	struct llm_request later = {.task = PROMPT_SCORE, .lang = "en", .user = buf_str(&user), .max_tokens = 300};
	struct llm_request *reqs[] = {&later};
	llm_run(&c, reqs, 1);
	CHECK(!later.is_ok);
	CHECK_INT(later.attempts, 0);
	CHECK(strstr(later.error, why) != NULL);
	CHECK(strstr(later.error, key) == NULL);
	struct llmsrv_stats s;
	llmsrv_get_stats(srv, &s);
	CHECK_INT(s.requests, 1);
	llm_request_clear(&later);
	llm_client_free(&c);
	/* another key at the same endpoint is asked as before */
	struct llm_client other;
	direct_client(&other, "sk-test-another-key");
	llmsrv_clear_faults(srv);
	struct llm_request fresh = {.task = PROMPT_SCORE, .lang = "en", .user = buf_str(&user), .max_tokens = 300};
	reqs[0] = &fresh;
	llm_run(&other, reqs, 1);
	CHECK(fresh.is_ok);
	llm_request_clear(&fresh);
	llm_client_free(&other);
	buf_free(&user);
	setenv("BRIEF_LLM_API_KEY", "sk-test-secret-key", 1);
	arena_free(&a);
	store_close(&st);
}

static void
test_key_refused(void)
{
	refused_case("balance.db", "sk-test-no-balance",
	             "balance_402,balance_402,balance_402,balance_402,balance_402,balance_402,balance_402,balance_402",
	             "HTTP 402: Insufficient Balance");
	refused_case("revoked.db", "sk-test-revoked-key", "auth_401,auth_401,auth_401,auth_401,auth_401,auth_401,auth_401,auth_401",
	             "HTTP 401: Incorrect API key provided");
	/* Gemini refuses a key with a 400 (its error object in a list, reason API_KEY_INVALID): each
	 * request paid it again with a warning, and the error showed the body's raw JSON */
	refused_case("gemini-key.db", "sk-test-gemini-key", "key_400,key_400,key_400,key_400,key_400,key_400,key_400,key_400",
	             "HTTP 400: API key not valid");
	/* a firewall's 403 page for the score batch: that batch goes offline, the rest is asked */
	struct store st;
	struct arena a = ARENA_INIT;
	struct curate_result r;
	CHECK(curate_faulted("waf.db", "waf_403", &st, &a, &r) == 12);
	CHECK_INT(llmsrv_faults_pending(srv), 0);
	for (size_t i = 0; i < r.top_count; i++)
		CHECK(!r.top[i]->enrichment.is_offline);
	CHECK(r.is_model_highlights);
	arena_free(&a);
	store_close(&st);
}

int
main(void)
{
	struct err ce;
	if (config_resolve(&base_cfg, &ce) < 0 || config_resolve(&hang_cfg, &ce) < 0 ||
	    config_resolve(&batch_cfg, &ce) < 0 || config_resolve(&deadline_cfg, &ce) < 0 ||
	    config_resolve(&lanes_cfg, &ce) < 0)
		return 1;
	struct llmsrv_opts o = {.hang_ms = 120000}; /* "hang" ends when the client times out */
	srv = llmsrv_start(&o);
	if (!srv)
		return 1;
	setenv("BRIEF_LLM_BASE_URL", llmsrv_base_url(srv), 1);
	setenv("BRIEF_LLM_MODEL", "stand-in-model", 1);
	setenv("BRIEF_LLM_API_KEY", "sk-test-secret-key", 1);
	unsetenv("BRIEF_LLM_PROVIDER");
	unsetenv("OPENAI_API_KEY");
	test_clean_and_rerun();
	test_cache_per_endpoint();
	static const struct {
		const char *fault;
		long extra;
	} faults[] = {
		{"429", 10},       {"500", 10},          {"hang", 10},         {"malformed", 10},
		{"fenced", 0},     {"prose", 0},         {"truncated", -1},    {"missing_id", 1},
		{"unknown_id", 1}, {"duplicate_id", 2},  {"empty_choices", 10}, {"schema_400", 10},
		{"reals", 0},      {"out_of_range", 1},  {"think", 0},         {"bare_array", 0},
	};
	const char *only = getenv("BRIEF_TEST_FAULT");
	for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++)
		if (!only || strcmp(only, faults[i].fault) == 0)
			fault_case(faults[i].fault, faults[i].extra);
	test_persistent_failure();
	test_budget();
	test_truncated_raises_cap();
	test_truncated_cap_held();
	test_truncated_keeps_entries();
	test_content_filter();
	test_echoed_key_redacted();
	test_one_bad_entry();
	test_blank_keywords();
	test_category_labels();
	test_string_scores();
	test_string_keywords();
	test_enrich_language();
	test_enrich_mixed();
	test_enrich_english_title();
	test_enrich_tool_names_title();
	test_think_block();
	test_format_refused();
	test_bare_list();
	test_highlights_language();
	test_highlights_heading();
	test_highlights_cache_checked();
	test_blank_text();
	test_refusal();
	test_nan_entry();
	test_half_scores();
	test_long_summary();
	test_swapped_ids();
	test_streamed_answer();
	test_quota_spent();
	test_long_retry_after();
	test_gemini_retry_delay();
	test_retry_after_ms();
	test_message_wait();
	test_gemini_day_quota();
	test_gemini_503_retry_delay();
	test_503_long_retry_after();
	test_error_under_200();
	test_key_refused();
	test_run_deadline();
	llmsrv_stop(srv);
	return test_done("test_llm");
}
