/* llmserver.h: an OpenAI-compatible stand-in server for tests and benchmarks.
 *
 * POST /v1/chat/completions answers schema-conforming JSON derived deterministically from the
 * request (the ids and text it was sent), dispatched by task: the json_schema name in
 * response_format, else a "Task: NAME." line in the system message. Adding a task is adding a
 * handler to the table in llmserver_tasks.c. GET /v1/models lists one model. GET /__stats
 * returns the counters as JSON; POST /__faults with a body "429,500,hang" queues faults.
 *
 * Faults are consumed one per chat request, in arrival order: "429" (with Retry-After),
 * "500", "hang" (hold the request until the client closes the connection or hang_ms passes,
 * then answer), "malformed" (broken JSON), "fenced" (```json
 * fence), "prose" (text around the JSON), "think" (a reasoning model's <think> block before
 * the answer, holding an object of its own), "bare_array" (a batch's entries' list alone,
 * [{...}], without the {"items": ...} around it), "truncated" (half the JSON, finish_reason length),
 * "content_filter" (half the JSON, finish_reason content_filter, as Azure's filter stops an
 * answer), "filtered_empty" (no text, finish_reason content_filter),
 * "missing_id" (drop the first item), "unknown_id" (first item's id replaced), "duplicate_id"
 * (second item's id replaced by the first's), "swap_ids" (the first two entries' ids swapped:
 * each answers the other's article), "shift_ids" (every entry under the next entry's id, the
 * last under one the batch does not have), "empty_choices", "schema_400" (a 400 naming
 * response_format for a request that asks for json_schema, as providers without json_schema
 * support answer; another request takes it and is answered), "format_400" (from this
 * request on, until llmsrv_reset or llmsrv_clear_faults, a 400 for every request that carries
 * a response_format of any type, json_object too, as a model that takes none answers), "reals" (every integer
 * written as a real of the same value, 8 as 8.0, as some models do), "out_of_range" (the first
 * score entry's r is 11), "blank_keywords" (every score entry's keywords " ", U+202E,
 * " LLM ", "llm\n", "Rust"), "category_labels" (every score entry's category written as
 * the digest's section name: "AI/ML", "Security", "工程", "Tools", "观点 / 杂谈", "Other"),
 * "string_scores" (every score written as a string of its digits, "8"), "string_keywords"
 * (every score entry's keywords as one string, "note, phishing, attack", every other one as
 * the list's JSON in a string), "kind_spellings" (every
 * classify entry's kind written "Rumor", "open-source" or "News", as json_object-mode models
 * spell the labels), "english" (every
 * enrich entry's summary and why-read, or the highlights, in English, whatever was asked),
 * "heading_md" / "heading_bold" (the highlights under "## 📝 今日看点" or "**今日看点**" on a
 * line of their own),
 * "mixed" (every enrich entry's summary cut after its first 。 and gone on in English, as a
 * model that drifts out of the language it was asked for mid-answer), "english_title" (every
 * enrich entry's title the article's English title as it came, every other one after
 * "重磅消息："), "tool_title" (every enrich entry's title a Chinese headline that names
 * its tools in lower case),
 * "blank_text" (every enrich entry's summary " U+200B ", the highlights "\n \n"), "auth_401"
 * (a 401 whose message echoes the bearer key, as some servers do), "refusal" (the message's
 * content null and a "refusal" text beside it, as OpenAI answers what its model declines),
 * "nan" (the first score entry's r written as the bare word NaN, which JSON does not have),
 * "half_scores" (every score entry's r, q and t half a point lower, 8 as 7.5), "long_summary"
 * (every enrich entry's summary repeated to over 5,000 bytes), "sse" (the answer sent as a
 * text/event-stream of chat.completion.chunk deltas though no stream was asked for, as a
 * gateway that always streams does), "quota_429" (a 429 whose error code is insufficient_quota, no
 * Retry-After, as OpenAI answers once the credit is spent), "429_hour" (a 429 with Retry-After:
 * 3600, as a daily limit answers), "error_200" (status 200 and an OpenAI error object,
 * model_not_found, instead of a completion, as some gateways pass an upstream error on),
 * "balance_402" (a 402 "Insufficient Balance", as DeepSeek answers once the account's balance is
 * spent), "waf_403" (a 403 with an HTML block page, as a web firewall in front of a gateway
 * answers a request whose body it dislikes), "key_400" (a 400 whose body is a list holding one
 * error object, reason API_KEY_INVALID, as Gemini's OpenAI-compatible endpoint refuses a key),
 * "gemini_429" (Gemini's per-minute limit: a 429 RESOURCE_EXHAUSTED in a one-element list, no
 * Retry-After header, a QuotaFailure whose quotaId names PerMinute and a RetryInfo retryDelay of
 * retry_after_s, "1s"; every chat request of the next retry_after_s seconds meets the same 429
 * without taking a fault, as a real per-minute limit holds), "429_ms" (a 429 whose wait is only
 * in a retry-after-ms header, retry_after_s * 1000, holding the same way) and "gemini_day"
 * (Gemini's per-day quota spent: the same 429 with a quotaId naming PerDay, retryDelay "1s"; it
 * holds for one request, queue it as often as it should answer), "gemini_503" (Google's 503
 * UNAVAILABLE for an overloaded model, in a one-element list, no Retry-After header, a RetryInfo
 * retryDelay of retry_after_s; it holds like "gemini_429"), "openai_tpm" (OpenAI's per-minute
 * limit: a 429 with no Retry-After, the wait only in its message, "Please try again in 1.2s";
 * it holds like "gemini_429") and "503_hour" (a 503 with
 * Retry-After: 3600, as a server down for maintenance answers).
 *
 * Token counting (the same rule for every client, so comparisons are fair): ASCII bytes / 4
 * plus one per non-ASCII code point, over all message contents; a system message seen before
 * counts as cached (simulated prefix caching). Latency: latency_ms + ms_per_token per
 * completion token, slept per request (requests are served concurrently). */
#ifndef BRIEF_TESTS_LLMSERVER_H
#define BRIEF_TESTS_LLMSERVER_H

#include <jansson.h>
#include <stddef.h>

struct llmsrv_opts {
	int latency_ms;    /* base latency per chat request */
	int ms_per_token;  /* extra latency per completion token */
	int hang_ms;       /* the longest "hang" holds a request open (default 3000) */
	int retry_after_s; /* the Retry-After of "429", the wait of "gemini_429", "429_ms", "gemini_503" (default 1) */
	int port;          /* 0 = any free port */
};

#define LLMSRV_TASKS_MAX 16

struct llmsrv_stats {
	long requests;       /* chat requests */
	long prompt_tokens, completion_tokens, cached_tokens;
	long faults;         /* faults injected */
	long items_asked;    /* <article> blocks received in chat requests */
	long max_concurrent; /* most chat requests in progress at once */
	long by_task[LLMSRV_TASKS_MAX];
	long task_prompt_tokens[LLMSRV_TASKS_MAX], task_completion_tokens[LLMSRV_TASKS_MAX];
};

/* What a task handler sees. */
struct llmsrv_call {
	const char *task;
	const char *system;
	const char *user;
	const json_t *request; /* the whole request body */
	int is_zh;             /* the instructions ask for Simplified Chinese */
};

/* One <article id="..."> block of a user message. Strings are malloc'd (llmsrv_articles_free). */
struct llmsrv_article {
	char *id, *title, *source, *text;
};

/* A task handler: build the answer object (new reference) for call. Returns 0, or -1 for
 * "cannot answer" (the server replies 400). */
typedef int (*llmsrv_handler)(const struct llmsrv_call *call, json_t **answer);

struct llmsrv_task {
	const char *name;
	llmsrv_handler handler;
};

/* The handler table (llmserver_tasks.c), terminated by {NULL, NULL}. */
extern const struct llmsrv_task llmsrv_tasks[];

struct llmsrv;

/* Start on 127.0.0.1. Returns NULL on failure (message on stderr). */
struct llmsrv *llmsrv_start(const struct llmsrv_opts *opts);
/* Stop and free. */
void llmsrv_stop(struct llmsrv *s);
/* "http://127.0.0.1:PORT/v1" (valid until stop). */
const char *llmsrv_base_url(const struct llmsrv *s);
/* The environment that points a brief run at s (base URL, a test key, model "stand-in"),
 * NULL-terminated, for test_run/wfx_brief's extra environment (valid until stop). */
const char *const *llmsrv_brief_env(const struct llmsrv *s);
/* Queue faults: a comma-separated list of the names above. */
void llmsrv_push_faults(struct llmsrv *s, const char *csv);
/* Queue faults (csv as above) for the chat requests whose user message contains match only
 * (one group of a weekly, one story), taken before the general queue; replaces the faults
 * left of an earlier aim. NULL csv clears. */
void llmsrv_push_faults_for(struct llmsrv *s, const char *match, const char *csv);
/* Drop the faults still queued (a test that left some unconsumed on purpose). */
void llmsrv_clear_faults(struct llmsrv *s);
/* Faults still queued (the general queue). */
size_t llmsrv_faults_pending(struct llmsrv *s);
/* A snapshot of the counters. */
void llmsrv_get_stats(struct llmsrv *s, struct llmsrv_stats *out);
/* Zero the counters and forget the request log and seen prefixes. */
void llmsrv_reset(struct llmsrv *s);
/* Number of chat requests logged and a copy of the i-th user message (free it). */
size_t llmsrv_logged(struct llmsrv *s);
char *llmsrv_logged_user(struct llmsrv *s, size_t i);
/* The task index (llmsrv_task_index) of the i-th logged request, -1 when unknown. */
int llmsrv_logged_task(struct llmsrv *s, size_t i);
/* <article> blocks in the logged requests of the named task (items asked, re-asks included). */
long llmsrv_items_asked(struct llmsrv *s, const char *task);
/* Index of a task name in llmsrv_tasks (for by_task), or -1. */
int llmsrv_task_index(const char *name);

/* Parse the <article id="..."> blocks of a user message into out[0..max); returns the count. */
size_t llmsrv_articles(const char *user, struct llmsrv_article *out, size_t max);
void llmsrv_articles_free(struct llmsrv_article *a, size_t n);
/* The token estimate above. */
long llmsrv_tokens(const char *s);

#endif
