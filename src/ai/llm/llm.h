/* llm.h: the OpenAI-compatible chat/completions client: one curl multi loop, a concurrency
 * limit, per-request timeouts, retries with exponential backoff and jitter that honour
 * Retry-After (retry-after-ms, Gemini's RetryInfo retryDelay in the error body, or the wait an
 * error message states, OpenAI's "Please try again in 1.2s"), structured answers validated against the task's schema, a per-run token budget
 * and one llm_usage row per HTTP call (prompt, completion and cached tokens).
 *
 * What is retried (up to max_attempts per request): transport errors and timeouts, HTTP 408,
 * 429 and 5xx, and answers that are unusable (no JSON object, truncated, not matching the
 * schema; a batch's answer cut short keeps its whole entries instead, is_cut). An answer with no choices is retried once at most; an error object under 200 fails
 * with its message, retried only when it names a rate limit, overload, timeout or server error.
 * A refusal (content null, a "refusal" text) is retried once at most,
 * with a warning when it stands. Other 4xx fail at once. A 400 that names response_format makes the
 * client fall back to json_object mode (schema in the instructions, same local validation)
 * for the rest of the run, and one that names it again for a json_object request makes it send
 * no response_format at all (the schema stays in the instructions). A 429 whose error code is insufficient_quota, or whose QuotaFailure
 * names a per-day quota (Gemini's), or whose wait asks for more than a minute (so does a 5xx's:
 * a maintenance window's hour; a 5xx body's RetryInfo retryDelay is waited as a 429's), is no
 * rate limit to wait out: the client warns once and sends nothing
 * more for the rest of the run (llm_client.halted), so the callers' offline fallbacks take what is
 * left at once; so do a 401 and a 402 (a refused key, a spent balance), a 403 that carries the
 * API's error object and a 400 whose error object says API_KEY_INVALID (Gemini's refused key; an
 * error object inside a one-element list, as Gemini sends it, is read as a bare one). So does the
 * run's deadline ([llm] deadline, counted from the process's first client for the endpoint and
 * key): no attempt is given longer than what is left of it, and none is sent or retried after it.
 * The stop is the process's for that base URL and key: a client opened later
 * for them starts halted, unsent and unwarned. Requests ask for no stream; an answer streamed anyway (text/event-stream
 * chunks) is read as the one completion its chunks make. The API key goes only into the Authorization header and is
 * redacted from every error text, as are credentials in URLs (util/redact.h). */
#ifndef BRIEF_AI_LLM_LLM_H
#define BRIEF_AI_LLM_LLM_H

#include <curl/curl.h>
#include <jansson.h>
#include <stdint.h>

#include "ai/llm/prompt.h"
#include "ai/llm/provider.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"

struct llm_request {
	/* Set by the caller. */
	enum prompt_task task;
	const char *lang;       /* output language, selects the system prompt */
	const char *user;       /* the user message (caller-owned, alive until llm_run returns) */
	const char *system;     /* NULL: the task's fixed instructions; "": send no system message
	                         * (benchmarks use this to replay other tools' request shapes) */
	json_t *schema;         /* NULL: the task's answer schema; else this one (borrowed; benchmarks
	                         * use it to replay other tools' answer shapes) */
	int max_tokens;         /* completion cap */
	int per_entry;          /* a batch: the answer's "items" are checked one by one, and an entry
	                         * that fails its schema is dropped (the batch asks for that item
	                         * again) instead of failing the whole answer */
	void *ctx;              /* the caller's */
	/* Results. */
	int is_ok;
	json_t *answer;         /* the validated answer (a new reference; caller decrefs) */
	char error[256];        /* why it failed, when !is_ok */
	int is_cut;             /* is_ok, but the answer was cut at the completion cap (a batch,
	                         * per_entry): answer holds the whole entries before the cut, the
	                         * caller asks for the rest (with a larger cap) */
	int attempts;           /* HTTP requests made for it */
	long prompt_tokens, completion_tokens, cached_tokens;
	/* Internal state. */
	int state;
	int64_t ready_at_ms, started_ms;
	long retry_after_ms;    /* the wait the server asked for, -1 none */
	int is_retry_ms;        /* retry_after_ms came from a retry-after-ms header */
	int format_sent;        /* the response_format of the attempt in flight (enum in llm.c) */
	int cur_max_tokens;
	long reserved;          /* budget held while in flight */
	CURL *easy;
	struct curl_slist *headers;
	struct buf body, response;
};

struct llm_stats {
	long requests;          /* HTTP requests sent */
	long prompt_tokens, completion_tokens, cached_tokens;
	long failed;            /* requests that ended without an answer */
	long max_in_flight;
};

/* The most completion tokens a request asks for (what providers grant; more is a 400). */
#define LLM_MAX_COMPLETION_TOKENS 16384

/* The size of llm_cache_model's name: the model's, '@' and 32 hex digits. */
#define LLM_CACHE_MODEL_SIZE (sizeof ((struct llm_config *)0)->model + 34)

struct llm_client {
	struct llm_config cfg;
	char cache_model[LLM_CACHE_MODEL_SIZE]; /* llm_cache_model of cfg */
	struct store *st;       /* where usage rows go (may be NULL) */
	CURLM *multi;
	long budget;            /* max prompt+completion tokens this run, 0 = unlimited */
	long reserved;          /* estimates of the requests in flight, held against the budget */
	struct llm_stats stats;
	uint64_t rng;
	int is_schema_off;      /* the provider rejected json_schema: json_object from now on */
	int is_format_off;      /* it rejected json_object too: no response_format from now on */
	int64_t base_backoff_ms; /* first retry delay (default 500) */
	int64_t first_ms;       /* time_mono_ms when the process's first client for this endpoint and
	                         * key was opened: the run's time for the model (cfg.deadline_s)
	                         * counts from it */
	char halted[256];       /* "" while the provider is asked; else why it is not asked again this
	                         * run (a 429 that says the quota is spent, or asks for a wait beyond
	                         * the longest one honoured; a 401, a 402, an API's 403; the run's
	                         * deadline passed): every request
	                         * left fails at once with this error, unsent; set at init when an
	                         * earlier client of the process stopped for the same URL and key */
};

/* The model as the answer cache (llm_cache.model) names it: cfg's model, '@' and a hash of its
 * base URL, so two endpoints that serve a model of the same name (a local server's alias,
 * "llama3" on two hosts) never answer from each other's cache (the URL itself, which may carry
 * credentials, is not stored). out has LLM_CACHE_MODEL_SIZE bytes. */
void llm_cache_model(const struct llm_config *cfg, char *out);
/* Set up a client (curl global init is the caller's, done once in main or tests).
 * Returns 0 or -1 with e set. */
int llm_client_init(struct llm_client *c, const struct llm_config *cfg, struct store *st, struct err *e);
/* Release the client. Safe on a zeroed struct. */
void llm_client_free(struct llm_client *c);
/* Run reqs[0..n) to completion: each ends is_ok with an answer, or not with error set. Never
 * more than cfg.concurrency in flight. A request that would push the run past the token budget
 * is not sent (error "token budget reached"). */
void llm_run(struct llm_client *c, struct llm_request **reqs, size_t n);
/* Free a request's buffers and answer (not the struct). */
void llm_request_clear(struct llm_request *r);
/* Tokens spent so far (prompt + completion). */
long llm_tokens_used(const struct llm_client *c);

/* The completion cap up to which a request gets cfg->timeout_s as it is. */
#define LLM_TIMEOUT_TOKENS 2048
/* The timeout of one attempt at a request allowed max_tokens completion tokens: cfg's, grown
 * in proportion to the cap above LLM_TIMEOUT_TOKENS (an answer is sent whole when it is
 * written, so the timeout covers the writing: an article's 8,000 tokens get about 4 times the
 * timeout a score batch gets). */
long llm_timeout_ms(const struct llm_config *cfg, int max_tokens);

#endif
