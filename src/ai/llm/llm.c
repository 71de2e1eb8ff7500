/* llm.c: the chat/completions client on one curl multi loop (see llm.h for the retry rules). */
#include "ai/llm/llm.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/llm/schema.h"
#include "net/retry.h"
#include "store/llmcache.h"
#include "util/hash.h"
#include "util/log.h"
#include "util/redact.h"
#include "util/str.h"
#include "util/timeutil.h"

#define MAX_RESPONSE_BYTES (4u << 20)
#define MAX_BACKOFF_MS 20000
#define MAX_RETRY_AFTER_MS 60000
/* The longest wait a retry-after-ms is read as (a week, as net/retry.h caps Retry-After). */
#define MAX_HEADER_WAIT_MS (7L * 86400 * 1000)

enum { ST_QUEUED, ST_RUNNING, ST_DONE };

/* The providers this process has asked (an endpoint and key, hashed): when its first client
 * was opened, which starts the run's time for the model ([llm] deadline), and why it is no
 * longer asked ("" while it is): its quota or balance is spent, its key was refused, it asked
 * for a wait beyond the longest honoured, or the run's time is spent. A client opened later in
 * the run for the same endpoint and key (the weekly's after its curation, each story's article,
 * the digest's after the scoring during the fetch, which runs on another thread) shares that
 * time and starts halted when it stopped, so the run pays and says the failure once. */
#define HALT_SLOTS 64
static struct {
	char who[33];
	char why[256];
	int64_t first_ms; /* time_mono_ms of the first client */
} halts[HALT_SLOTS];
static size_t halt_count;
static pthread_mutex_t halt_lock = PTHREAD_MUTEX_INITIALIZER;

/* The hash that names cfg's endpoint and key in halts[]. */
static void
halt_who(const struct llm_config *cfg, char out[33])
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "%s\n%s", cfg->base_url, cfg->api_key);
	hash_hex128(b.data, b.len, out);
	buf_free(&b);
}

/* Stop asking c's provider for the rest of the run (this client and every one opened after it
 * for the same endpoint and key): why (the key and URL credentials are redacted here) is
 * warned once and is the error of every request left. */
static void
halt(struct llm_client *c, const char *why)
{
	if (c->halted[0])
		return;
	snprintf(c->halted, sizeof c->halted, "%s", why);
	redact_secret(c->halted, c->cfg.api_key);
	redact_inplace(c->halted, sizeof c->halted);
	log_warn("llm: %s; no more requests this run, the offline engine takes what is left", c->halted);
	char who[33];
	halt_who(&c->cfg, who);
	pthread_mutex_lock(&halt_lock);
	size_t i = 0;
	while (i < halt_count && strcmp(halts[i].who, who) != 0)
		i++;
	if (i == halt_count && halt_count < HALT_SLOTS) {
		halt_count++;
		halts[i].first_ms = c->first_ms;
	}
	if (i < halt_count) {
		memcpy(halts[i].who, who, sizeof who);
		snprintf(halts[i].why, sizeof halts[i].why, "%s", c->halted);
	}
	pthread_mutex_unlock(&halt_lock);
}

/* Whether the run's time for c's provider ([llm] deadline, from its first client in the
 * process) is spent at now; then c is halted (warned once, the rest goes offline). */
static int
deadline_spent(struct llm_client *c, int64_t now)
{
	if (c->cfg.deadline_s <= 0 || now < c->first_ms + (int64_t)c->cfg.deadline_s * 1000)
		return 0;
	char why[160];
	snprintf(why, sizeof why, "the run's time for the model is spent ([llm] deadline = %d s)", c->cfg.deadline_s);
	halt(c, why);
	return 1;
}

void
llm_cache_model(const struct llm_config *cfg, char *out)
{
	char h[33];
	hash_hex128(cfg->base_url, strlen(cfg->base_url), h);
	snprintf(out, LLM_CACHE_MODEL_SIZE, "%s@%s", cfg->model, h);
}

int
llm_client_init(struct llm_client *c, const struct llm_config *cfg, struct store *st, struct err *e)
{
	memset(c, 0, sizeof *c);
	c->cfg = *cfg;
	if (c->cfg.concurrency <= 0)
		c->cfg.concurrency = 4;
	if (c->cfg.timeout_s <= 0)
		c->cfg.timeout_s = 60;
	if (c->cfg.max_attempts <= 0)
		c->cfg.max_attempts = 4;
	llm_cache_model(&c->cfg, c->cache_model);
	c->st = st;
	c->base_backoff_ms = 500;
	c->rng = 0x9e3779b97f4a7c15ULL ^ (uint64_t)time_mono_ms();
	c->multi = curl_multi_init();
	if (!c->multi)
		return err_set(e, "cannot initialise libcurl");
	char who[33];
	halt_who(&c->cfg, who);
	c->first_ms = time_mono_ms();
	pthread_mutex_lock(&halt_lock);
	size_t i = 0;
	while (i < halt_count && strcmp(halts[i].who, who) != 0)
		i++;
	if (i < halt_count) { /* stopped: warned when it happened, not again per client */
		snprintf(c->halted, sizeof c->halted, "%s", halts[i].why);
		c->first_ms = halts[i].first_ms;
	} else if (halt_count < HALT_SLOTS) { /* the first client: the run's time starts */
		memcpy(halts[i].who, who, sizeof who);
		halts[i].why[0] = '\0';
		halts[i].first_ms = c->first_ms;
		halt_count++;
	}
	pthread_mutex_unlock(&halt_lock);
	return 0;
}

void
llm_client_free(struct llm_client *c)
{
	if (c->multi)
		curl_multi_cleanup(c->multi);
	memset(c, 0, sizeof *c);
}

long
llm_tokens_used(const struct llm_client *c)
{
	return c->stats.prompt_tokens + c->stats.completion_tokens;
}

void
llm_request_clear(struct llm_request *r)
{
	buf_free(&r->body);
	buf_free(&r->response);
	if (r->answer)
		json_decref(r->answer);
	r->answer = NULL;
}

static size_t
on_body(char *data, size_t size, size_t nmemb, void *ctx)
{
	struct llm_request *r = ctx;
	size_t n = size * nmemb;
	if (r->response.len + n > MAX_RESPONSE_BYTES)
		return 0;
	buf_append(&r->response, data, n);
	return n;
}

static size_t
on_header(char *data, size_t size, size_t nmemb, void *ctx)
{
	struct llm_request *r = ctx;
	size_t n = size * nmemb;
	/* retry-after-ms (some OpenAI-compatible servers) is the wait in whole milliseconds, and it
	 * wins over a Retry-After beside it (delta-seconds or an HTTP date). */
	int is_ms = n > 15 && str_ncasecmp(data, "retry-after-ms:", 15) == 0;
	if (is_ms || (n > 12 && str_ncasecmp(data, "retry-after:", 12) == 0)) {
		size_t skip = is_ms ? 15 : 12;
		char v[128];
		size_t vl = n - skip < sizeof v - 1 ? n - skip : sizeof v - 1;
		memcpy(v, data + skip, vl);
		v[vl] = '\0';
		long wait_ms;
		if (is_ms && str_to_long(v, 0, LONG_MAX, &wait_ms) == 0) {
			r->retry_after_ms = wait_ms < MAX_HEADER_WAIT_MS ? wait_ms : MAX_HEADER_WAIT_MS;
			r->is_retry_ms = 1;
		} else if (!is_ms && !r->is_retry_ms) {
			int64_t ms = retry_after_ms(v);
			if (ms >= 0)
				r->retry_after_ms = (long)ms;
		}
	}
	return n;
}

/* The schema r's answer must match: the caller's, else its task's. */
static json_t *
request_schema(const struct llm_request *r)
{
	return r->schema ? r->schema : prompt_schema(r->task);
}

/* What a request's response_format asked for (llm_request.format_sent). */
enum { FORMAT_SCHEMA, FORMAT_OBJECT, FORMAT_NONE };

static void
build_body(struct llm_client *c, struct llm_request *r)
{
	r->format_sent = c->is_format_off                              ? FORMAT_NONE
	                 : c->cfg.supports_schema && !c->is_schema_off ? FORMAT_SCHEMA
	                                                                : FORMAT_OBJECT;
	int schema = r->format_sent == FORMAT_SCHEMA;
	json_t *root = json_object();
	json_object_set_new(root, "model", json_string(c->cfg.model));
	json_t *msgs = json_array();
	const char *system = r->system ? r->system : prompt_system(r->task, r->lang, !schema);
	if (*system) {
		json_t *sys = json_object();
		json_object_set_new(sys, "role", json_string("system"));
		json_object_set_new(sys, "content", json_string(system));
		json_array_append_new(msgs, sys);
	}
	json_t *user = json_object();
	json_object_set_new(user, "role", json_string("user"));
	json_object_set_new(user, "content", json_string(r->user));
	json_array_append_new(msgs, user);
	json_object_set_new(root, "messages", msgs);
	json_object_set_new(root, "max_tokens", json_integer(r->cur_max_tokens));
	json_object_set_new(root, "stream", json_false()); /* a stream sent anyway is read (sse_completion) */
	if (r->format_sent != FORMAT_NONE) { /* none: the schema is in the instructions only */
		json_t *rf = json_object();
		if (schema) {
			json_object_set_new(rf, "type", json_string("json_schema"));
			json_t *js = json_object();
			json_object_set_new(js, "name", json_string(prompt_task_name(r->task)));
			json_object_set_new(js, "strict", json_true());
			json_object_set(js, "schema", request_schema(r));
			json_object_set_new(rf, "json_schema", js);
		} else {
			json_object_set_new(rf, "type", json_string("json_object"));
		}
		json_object_set_new(root, "response_format", rf);
	}
	char *s = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	buf_clear(&r->body);
	buf_puts(&r->body, s);
	free(s);
}

long
llm_timeout_ms(const struct llm_config *cfg, int max_tokens)
{
	long ms = (long)cfg->timeout_s * 1000L;
	if (max_tokens > LLM_TIMEOUT_TOKENS)
		ms = (long)((double)ms * max_tokens / LLM_TIMEOUT_TOKENS);
	return ms;
}

static int
start(struct llm_client *c, struct llm_request *r)
{
	build_body(c, r);
	buf_clear(&r->response);
	r->retry_after_ms = -1;
	r->is_retry_ms = 0;
	r->easy = curl_easy_init();
	if (!r->easy)
		return -1;
	char url[600];
	snprintf(url, sizeof url, "%s/chat/completions", c->cfg.base_url);
	r->headers = curl_slist_append(NULL, "Content-Type: application/json");
	if (c->cfg.api_key[0]) {
		char auth[600];
		snprintf(auth, sizeof auth, "Authorization: Bearer %s", c->cfg.api_key);
		r->headers = curl_slist_append(r->headers, auth);
	}
	curl_easy_setopt(r->easy, CURLOPT_URL, url);
	curl_easy_setopt(r->easy, CURLOPT_HTTPHEADER, r->headers);
	curl_easy_setopt(r->easy, CURLOPT_POSTFIELDS, r->body.data);
	curl_easy_setopt(r->easy, CURLOPT_POSTFIELDSIZE, (long)r->body.len);
	curl_easy_setopt(r->easy, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(r->easy, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(r->easy, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(r->easy, CURLOPT_HEADERDATA, r);
	long timeout_ms = llm_timeout_ms(&c->cfg, r->cur_max_tokens);
	if (c->cfg.deadline_s > 0) { /* no attempt outlives the run's time for the model */
		int64_t left = c->first_ms + (int64_t)c->cfg.deadline_s * 1000 - time_mono_ms();
		if (left < timeout_ms)
			timeout_ms = left > 1 ? (long)left : 1;
	}
	curl_easy_setopt(r->easy, CURLOPT_TIMEOUT_MS, timeout_ms);
	curl_easy_setopt(r->easy, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
	curl_easy_setopt(r->easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(r->easy, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(r->easy, CURLOPT_USERAGENT, "brief/" BRIEF_VERSION);
	curl_easy_setopt(r->easy, CURLOPT_PRIVATE, r);
	curl_multi_add_handle(c->multi, r->easy);
	r->state = ST_RUNNING;
	r->started_ms = time_mono_ms();
	r->attempts++;
	c->stats.requests++;
	return 0;
}

/* The text of choices[0].message.content (string, or an array of text parts), or NULL. */
static const char *
answer_text(json_t *resp, struct buf *joined, const char **finish)
{
	json_t *choices = json_object_get(resp, "choices");
	json_t *c0 = json_array_get(choices, 0);
	*finish = json_string_value(json_object_get(c0, "finish_reason"));
	json_t *content = json_object_get(json_object_get(c0, "message"), "content");
	if (json_is_string(content))
		return json_string_value(content);
	if (json_is_array(content)) {
		size_t i;
		json_t *part;
		json_array_foreach(content, i, part)
		{
			const char *t = json_string_value(json_object_get(part, "text"));
			if (t)
				buf_puts(joined, t);
		}
		return joined->len ? buf_str(joined) : NULL;
	}
	return NULL;
}

/* A text/event-stream body ("data: {chunk}" lines, as a gateway that streams whatever it is
 * asked sends) as the one chat.completion it stands for: the chunks' choices[0].delta content
 * and refusal joined, the last finish_reason and usage. NULL (new reference otherwise) when
 * body holds no chunk. */
static json_t *
sse_completion(const char *body, size_t len)
{
	struct buf content = BUF_INIT, refusal = BUF_INIT;
	json_t *usage = NULL, *finish = NULL;
	size_t chunks = 0;
	for (size_t i = 0; i < len;) {
		size_t end = i;
		while (end < len && body[end] != '\n')
			end++;
		const char *line = body + i;
		size_t n = end - i;
		i = end + 1;
		if (n && line[n - 1] == '\r')
			n--;
		if (n < 5 || memcmp(line, "data:", 5) != 0)
			continue; /* blank, ": comment", "event:", "id:" */
		line += 5;
		n -= 5;
		while (n && *line == ' ') {
			line++;
			n--;
		}
		if (n == 6 && memcmp(line, "[DONE]", 6) == 0)
			break;
		json_t *chunk = json_loadb(line, n, 0, NULL);
		if (!json_is_object(chunk)) {
			json_decref(chunk);
			continue;
		}
		chunks++;
		json_t *c0 = json_array_get(json_object_get(chunk, "choices"), 0);
		json_t *delta = json_object_get(c0, "delta");
		const char *t = json_string_value(json_object_get(delta, "content"));
		const char *r = json_string_value(json_object_get(delta, "refusal"));
		if (t)
			buf_puts(&content, t);
		if (r)
			buf_puts(&refusal, r);
		if (json_is_string(json_object_get(c0, "finish_reason"))) {
			json_decref(finish);
			finish = json_incref(json_object_get(c0, "finish_reason"));
		}
		if (json_is_object(json_object_get(chunk, "usage"))) {
			json_decref(usage);
			usage = json_incref(json_object_get(chunk, "usage"));
		}
		json_decref(chunk);
	}
	json_t *resp = NULL;
	if (chunks) {
		json_t *msg = json_object();
		json_object_set_new(msg, "role", json_string("assistant"));
		json_object_set_new(msg, "content", content.len || !refusal.len ? json_string(buf_str(&content)) : json_null());
		if (refusal.len)
			json_object_set_new(msg, "refusal", json_string(buf_str(&refusal)));
		json_t *choice = json_object();
		json_object_set_new(choice, "index", json_integer(0));
		json_object_set_new(choice, "message", msg);
		json_object_set(choice, "finish_reason", finish ? finish : json_null());
		resp = json_object();
		json_object_set_new(resp, "choices", json_pack("[o]", choice));
		if (usage)
			json_object_set(resp, "usage", usage);
	}
	json_decref(usage);
	json_decref(finish);
	buf_free(&content);
	buf_free(&refusal);
	return resp;
}

static void
record_usage(struct llm_client *c, struct llm_request *r, long status, long ms, long pt, long ct, long cached,
             const char *error)
{
	c->stats.prompt_tokens += pt;
	c->stats.completion_tokens += ct;
	c->stats.cached_tokens += cached;
	r->prompt_tokens += pt;
	r->completion_tokens += ct;
	r->cached_tokens += cached;
	if (!c->st)
		return;
	struct llm_usage_row row = {time_now(), prompt_task_name(r->task), c->cfg.model, (int)status, ms, pt, ct,
	                            cached, error};
	struct err e;
	if (llmcache_usage_add(c->st, &row, &e) < 0)
		log_debug("llm usage not recorded: %s", e.msg);
}

/* Drop the entries of a batch answer's "items" that fail the schema of an entry, each with a
 * warning: one article scored 11 is that article's to ask again (batch.c asks for what has no
 * entry), not its batch's. An entry is first read as the schema means it (a category written
 * "Security" is security: prompt_entry_normalise). Returns how many were dropped. */
static int
drop_bad_entries(const struct llm_request *r, json_t *answer)
{
	const json_t *schema = request_schema(r);
	const json_t *entry_schema =
		json_object_get(json_object_get(json_object_get(schema, "properties"), "items"), "items");
	json_t *entries = json_object_get(answer, "items");
	if (!entry_schema || !json_is_array(entries))
		return 0;
	int dropped = 0;
	char why[200];
	for (size_t i = json_array_size(entries); i-- > 0;) {
		prompt_entry_normalise(r->task, json_array_get(entries, i));
		if (schema_validate(entry_schema, json_array_get(entries, i), why, sizeof why) < 0) {
			log_warn("llm %s: an entry of the answer is left out (asked again): %s", prompt_task_name(r->task),
			         why);
			json_array_remove(entries, i);
			dropped++;
		}
	}
	return dropped;
}

/* A batch's answer as its entries' list: answer (consumed) when it has its "items" list, else the
 * first list of objects in text as the "items" of a new object (a model that wrote the entries
 * bare, [{"i": "a1", ...}], or under another name, as models in json_object mode do: before, the
 * search in prose took the first entry for the answer, which failed the schema on every
 * attempt, and the batch went to the offline engine), else answer. */
static json_t *
answer_entries(json_t *answer, const char *text)
{
	if (json_is_array(json_object_get(answer, "items")))
		return answer;
	json_t *list = schema_extract_list(text, strlen(text));
	if (!json_is_object(json_array_get(list, 0))) {
		json_decref(list);
		return answer;
	}
	json_decref(answer);
	json_t *wrapped = json_object();
	json_object_set_new(wrapped, "items", list);
	return wrapped;
}

/* A batch answer cut short, at the completion cap (at_cap) or by the provider's content filter:
 * answer (consumed) when its entries' list is whole, else the whole entries before the cut as a
 * new {"items": [...]}, with r->is_cut set when at_cap (the rest needs a larger cap). Before,
 * the search in prose took the first entry for the answer, which failed the schema, and the
 * whole batch was generated and billed again though most of its entries had come whole. answer
 * stays when no entry is whole. */
static json_t *
entries_before_cut(struct llm_request *r, json_t *answer, const char *text, int at_cap)
{
	if (json_is_array(json_object_get(answer, "items")))
		return answer;
	json_t *whole = schema_extract_cut_list(text, strlen(text));
	if (!whole)
		return answer;
	json_decref(answer);
	if (at_cap)
		log_warn("llm %s: the answer was cut at %d tokens; its %zu whole entries are kept, the rest asked again",
		         prompt_task_name(r->task), r->cur_max_tokens, json_array_size(whole));
	else
		log_warn("llm %s: the provider's content filter stopped the answer; its %zu whole entries are kept, "
		         "the rest asked again",
		         prompt_task_name(r->task), json_array_size(whole));
	r->is_cut = at_cap;
	json_t *wrapped = json_object();
	json_object_set_new(wrapped, "items", whole);
	return wrapped;
}

/* After an answer cut at r's completion cap: double the cap, never above
 * LLM_MAX_COMPLETION_TOKENS (the most a provider grants; more is a 400). Returns 1 when it was
 * raised, 0 when it already was the most (asked again, the answer would be cut the same way). */
static int
raise_cap(struct llm_request *r)
{
	if (r->cur_max_tokens >= LLM_MAX_COMPLETION_TOKENS)
		return 0;
	r->cur_max_tokens = r->cur_max_tokens > LLM_MAX_COMPLETION_TOKENS / 2 ? LLM_MAX_COMPLETION_TOKENS : 2 * r->cur_max_tokens;
	return 1;
}

/* The API's error object in an error body: body's "error", or that of its first element when
 * body is a list (Gemini's OpenAI-compatible endpoint sends [{"error": {...}}]); NULL when
 * there is none (an HTML page, a bare text). Borrowed from body. */
static json_t *
error_object(json_t *body)
{
	json_t *err = json_object_get(json_is_array(body) ? json_array_get(body, 0) : body, "error");
	return json_is_object(err) ? err : NULL;
}

/* What Google's error details (an error object's "details": ErrorInfo, RetryInfo,
 * QuotaFailure) say, read in one pass by google_details. */
struct google_details {
	int is_key_invalid; /* an ErrorInfo's reason API_KEY_INVALID: Gemini's 400 for a wrong or deleted key */
	int is_per_day;     /* a QuotaFailure violation's quotaId names a per-day quota: spent until the day turns */
	long delay_ms;      /* a RetryInfo's retryDelay ("30s", "1.5s"), else -1 (Gemini sends no Retry-After) */
};

/* Reads err's details (err may be NULL: nothing found) into g. */
static void
google_details(json_t *err, struct google_details *g)
{
	g->is_key_invalid = 0;
	g->is_per_day = 0;
	g->delay_ms = -1;
	size_t i, j;
	json_t *d, *v;
	json_array_foreach(json_object_get(err, "details"), i, d)
	{
		const char *reason = json_string_value(json_object_get(d, "reason"));
		if (reason && strcmp(reason, "API_KEY_INVALID") == 0)
			g->is_key_invalid = 1;
		const char *delay = json_string_value(json_object_get(d, "retryDelay"));
		size_t len = delay ? strlen(delay) : 0;
		if (len > 1 && len < 64 && delay[len - 1] == 's' && g->delay_ms < 0) {
			char secs[64];
			snprintf(secs, sizeof secs, "%.*s", (int)(len - 1), delay);
			int64_t ms = retry_after_ms(secs); /* a Duration is delta-seconds with an "s" */
			if (ms >= 0)
				g->delay_ms = (long)ms;
		}
		json_array_foreach(json_object_get(d, "violations"), j, v)
		{
			const char *id = json_string_value(json_object_get(v, "quotaId"));
			if (id && str_icasestr(id, strlen(id), "PerDay"))
				g->is_per_day = 1;
		}
	}
}

/* Whether a 429 (or an error object under 200), whose error object is err (NULL: none) and
 * whose wait (Retry-After, retry-after-ms or Google's retryDelay) is in r->retry_after_ms, says
 * the quota is gone rather than "slow down": OpenAI's insufficient_quota code or type, a
 * Google QuotaFailure naming a per-day quota (g), or a wait beyond the longest honoured (a
 * daily limit's "come back in an hour"); for a 5xx (status >= 500) only the wait counts (a
 * maintenance window's hour). Then c is halted (warned once) and 1 is returned. */
static int
quota_spent(struct llm_client *c, const struct llm_request *r, long status, json_t *err,
            const struct google_details *g)
{
	const char *code = json_string_value(json_object_get(err, "code"));
	const char *type = json_string_value(json_object_get(err, "type"));
	int is_quota = (code && strcmp(code, "insufficient_quota") == 0) || (type && strcmp(type, "insufficient_quota") == 0);
	is_quota |= g->is_per_day;
	if (status >= 500)
		is_quota = 0; /* a server error is no quota, whatever its body names */
	int is_long = r->retry_after_ms > MAX_RETRY_AFTER_MS;
	if ((is_quota || is_long) && !c->halted[0]) {
		const char *msg = json_string_value(json_object_get(err, "message"));
		struct buf m = BUF_INIT;
		buf_puts(&m, msg ? msg : status >= 500 ? "server error" : "rate limited");
		char *shown = buf_detach(&m);
		redact_secret(shown, c->cfg.api_key); /* before it is cut: a key cut in two is not found */
		char why[256];
		long shown_status = status >= 500 ? status : 429;
		if (is_quota)
			snprintf(why, sizeof why, "HTTP 429, the provider's quota is spent: %.160s", shown);
		else
			snprintf(why, sizeof why, "HTTP %ld, asked to wait %ld s: %.160s", shown_status,
			         r->retry_after_ms / 1000, shown);
		free(shown);
		halt(c, why);
	}
	return is_quota || is_long;
}

/* The wait an error message states in words, as OpenAI's 429 says it with no Retry-After
 * ("... Please try again in 1.2s.", "in 450ms", "in 6m0s", "in 1h2m3.5s": a Go duration), in
 * milliseconds; -1 when msg (may be NULL) says none. */
static long
message_wait_ms(const char *msg)
{
	const char *p = msg ? str_icasestr(msg, strlen(msg), "try again in ") : NULL;
	if (!p)
		return -1;
	p += strlen("try again in ");
	double ms = 0;
	int parts = 0;
	while (*p >= '0' && *p <= '9') {
		char *end;
		double v = strtod(p, &end);
		long unit = strncmp(end, "ms", 2) == 0 ? 1 : *end == 'h' ? 3600000 : *end == 'm' ? 60000 : *end == 's' ? 1000 : 0;
		if (!unit || !(v >= 0 && v < 1e7))
			return -1;
		ms += v * (double)unit;
		p = end + (unit == 1 ? 2 : 1);
		parts++;
	}
	return parts && ms < 1e12 ? (long)ms : -1;
}

/* Reads an error's Google details (err: its error object, NULL for none) into g and, when no
 * header said how long to wait, takes RetryInfo's wait as r's, else the wait its message
 * states in words (OpenAI's per-minute limits send no Retry-After: before, the backoff of 0.5,
 * 1 and 2 s spent every attempt inside "Please try again in 20s", and the batch went offline). */
static void
read_error_details(struct llm_request *r, json_t *err, struct google_details *g)
{
	google_details(err, g);
	if (r->retry_after_ms < 0 && g->delay_ms >= 0)
		r->retry_after_ms = g->delay_ms;
	if (r->retry_after_ms < 0)
		r->retry_after_ms = message_wait_ms(json_string_value(json_object_get(err, "message")));
}

/* Decide what a finished transfer means. Returns 1 when the request is done (ok or final
 * failure), 0 when it should be retried (ready_at set). */
static int
finish(struct llm_client *c, struct llm_request *r, CURLcode code)
{
	long status = 0;
	curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &status);
	long ms = (long)(time_mono_ms() - r->started_ms);
	int retryable = 0;
	r->error[0] = '\0';
	r->is_cut = 0;
	long pt = 0, ct = 0, cached = 0;
	json_t *resp = NULL;
	if (code == CURLE_OPERATION_TIMEDOUT && deadline_spent(c, time_mono_ms() + 50)) {
		snprintf(r->error, sizeof r->error, "%s", c->halted); /* cut at the run's deadline */
	} else if (code != CURLE_OK) {
		snprintf(r->error, sizeof r->error, "%s", curl_easy_strerror(code));
		retryable = 1;
	} else if (status == 429 || status >= 500) {
		json_t *eb = json_loadb(buf_str(&r->response), r->response.len, 0, NULL);
		json_t *eo = error_object(eb);
		struct google_details g;
		read_error_details(r, eo, &g);
		if (quota_spent(c, r, status, eo, &g)) {
			snprintf(r->error, sizeof r->error, "%s", c->halted);
		} else {
			snprintf(r->error, sizeof r->error, "HTTP %ld", status);
			retryable = 1;
		}
		json_decref(eb);
	} else if (status == 408) {
		snprintf(r->error, sizeof r->error, "HTTP %ld", status);
		retryable = 1;
	} else if (status != 200) {
		json_t *eb = json_loadb(buf_str(&r->response), r->response.len, 0, NULL);
		json_t *eo = error_object(eb);
		struct google_details g;
		google_details(eo, &g);
		const char *msg = json_string_value(json_object_get(eo, "message"));
		/* Redacted before it is cut: a long key cut in the middle would no longer be found. */
		struct buf m = BUF_INIT;
		buf_puts(&m, msg ? msg : buf_str(&r->response));
		char *shown = buf_detach(&m);
		redact_secret(shown, c->cfg.api_key);
		snprintf(r->error, sizeof r->error, "HTTP %ld: %.160s", status, shown);
		free(shown);
		/* 401 (a bad or revoked key), 402 (DeepSeek's "Insufficient Balance"), a 403 the API
		 * itself wrote (an error object: the key may not use this model or region) and a 400
		 * that names the key as invalid (Gemini's) hold for every request of the run; a 403
		 * page from a firewall in front of it judged one body. */
		if (status == 401 || status == 402 || (status == 403 && eo) || (status == 400 && g.is_key_invalid))
			halt(c, r->error);
		/* A 400 that names the response_format steps down from what this attempt sent (others
		 * in flight may have stepped already): json_schema to json_object, then (Groq's and
		 * some local servers' models take no JSON mode either; before, every request of such
		 * a model failed at once and its items went to the offline engine) to none, the
		 * schema in the instructions and the same local validation. */
		if (status == 400 && r->format_sent != FORMAT_NONE &&
		    (str_icasestr(buf_str(&r->response), r->response.len, "response_format") ||
		     str_icasestr(buf_str(&r->response), r->response.len, "json_schema") ||
		     str_icasestr(buf_str(&r->response), r->response.len, "json_object"))) {
			if (r->format_sent == FORMAT_SCHEMA)
				c->is_schema_off = 1;
			else
				c->is_format_off = 1;
			retryable = 1;
		}
		json_decref(eb);
	} else if (!(resp = json_loadb(buf_str(&r->response), r->response.len, 0, NULL)) &&
	           !(resp = sse_completion(buf_str(&r->response), r->response.len))) {
		snprintf(r->error, sizeof r->error, "the response is not JSON");
		retryable = 1;
	} else {
		json_t *usage = json_object_get(resp, "usage");
		pt = (long)json_integer_value(json_object_get(usage, "prompt_tokens"));
		ct = (long)json_integer_value(json_object_get(usage, "completion_tokens"));
		cached = (long)json_integer_value(
			json_object_get(json_object_get(usage, "prompt_tokens_details"), "cached_tokens"));
		if (!cached) /* DeepSeek's name for it */
			cached = (long)json_integer_value(json_object_get(usage, "prompt_cache_hit_tokens"));
		if (!usage) { /* no usage reported: count our estimate so the budget still holds */
			pt = prompt_tokens(r->body.data, r->body.len);
			ct = prompt_tokens(buf_str(&r->response), r->response.len);
		}
		struct buf joined = BUF_INIT;
		const char *finish_reason = NULL;
		const char *text = answer_text(resp, &joined, &finish_reason);
		json_t *answer = text ? schema_extract(text, strlen(text)) : NULL;
		int truncated = finish_reason && strcmp(finish_reason, "length") == 0;
		/* Azure's and others' content filter stops an answer where it fires: what came before is
		 * kept as a cut answer's is, and asking again meets the same filter. */
		int filtered = finish_reason && strcmp(finish_reason, "content_filter") == 0;
		if (text && r->per_entry)
			answer = answer_entries(answer, text);
		if (text && r->per_entry && (truncated || filtered))
			answer = entries_before_cut(r, answer, text, truncated);
		if (answer && r->per_entry)
			drop_bad_entries(r, answer);
		char why[200];
		const char *refusal = json_string_value(json_object_get(
			json_object_get(json_array_get(json_object_get(resp, "choices"), 0), "message"), "refusal"));
		json_t *perr = json_object_get(resp, "error");
		if (!json_array_size(json_object_get(resp, "choices")) && perr) {
			/* An error object under 200 (a gateway passing an upstream error on): its message is
			 * the error; asked again only when it says rate limit, overload or server error. */
			const char *msg = json_is_string(perr) ? json_string_value(perr)
			                                       : json_string_value(json_object_get(perr, "message"));
			const char *ecode = json_string_value(json_object_get(perr, "code"));
			const char *etype = json_string_value(json_object_get(perr, "type"));
			char kind[128];
			snprintf(kind, sizeof kind, "%s %s", ecode ? ecode : "", etype ? etype : "");
			snprintf(r->error, sizeof r->error, "the provider answered an error: %.160s", msg ? msg : kind);
			json_t *eo = json_is_object(perr) ? perr : NULL;
			struct google_details g;
			read_error_details(r, eo, &g);
			if (quota_spent(c, r, status, eo, &g))
				snprintf(r->error, sizeof r->error, "%s", c->halted);
			else
				retryable = str_icasestr(kind, strlen(kind), "rate_limit") || str_icasestr(kind, strlen(kind), "overload") ||
				            str_icasestr(kind, strlen(kind), "server_error") || str_icasestr(kind, strlen(kind), "timeout");
			redact_secret(r->error, c->cfg.api_key);
			redact_inplace(r->error, sizeof r->error);
			if (!retryable)
				log_warn("llm %s: %s (not asked again)", prompt_task_name(r->task), r->error);
		} else if (!json_array_size(json_object_get(resp, "choices"))) {
			/* No choices and no error (a content filter's empty answer): asking again rarely
			 * changes it, so once more at most, as a refusal. */
			snprintf(r->error, sizeof r->error, "the answer has no choices");
			retryable = r->attempts < 2;
		} else if (!answer && refusal) {
			/* The model declined (OpenAI's "refusal", content null): asking again rarely changes
			 * its mind, so once more at most, then the caller's fallback takes the items. */
			snprintf(r->error, sizeof r->error, "the model refused: %.160s", refusal);
			retryable = r->attempts < 2;
			if (!retryable)
				log_warn("llm %s: %s (not asked again)", prompt_task_name(r->task), r->error);
		} else if (!answer && filtered) {
			/* Stopped by the provider's content filter before any whole entry: once more at most
			 * (it judges the same articles again), then the caller's fallback; before, it was
			 * "no JSON object in the answer", generated and billed on every attempt. */
			snprintf(r->error, sizeof r->error, "the provider's content filter stopped the answer");
			retryable = r->attempts < 2;
			if (!retryable)
				log_warn("llm %s: %s (not asked again)", prompt_task_name(r->task), r->error);
		} else if (!answer) {
			snprintf(r->error, sizeof r->error, "%s", truncated ? "the answer was truncated" : "no JSON object in the answer");
			retryable = !truncated || raise_cap(r);
		} else if (schema_validate(request_schema(r), answer, why, sizeof why) < 0) {
			snprintf(r->error, sizeof r->error, "the answer does not match the schema: %s", why);
			/* Cut short, whole entries of it can still be extracted as an object. */
			json_decref(answer);
			retryable = !truncated || raise_cap(r);
		} else {
			r->answer = answer;
			r->is_ok = 1;
		}
		buf_free(&joined);
		json_decref(resp);
	}
	redact_secret(r->error, c->cfg.api_key); /* util/redact.h: the key and URL credentials */
	redact_inplace(r->error, sizeof r->error);
	record_usage(c, r, status, ms, pt, ct, cached, r->is_ok ? NULL : r->error);
	if (r->is_ok)
		return 1;
	if (!retryable || r->attempts >= c->cfg.max_attempts || c->halted[0]) {
		c->stats.failed++;
		return 1;
	}
	int64_t delay = c->base_backoff_ms << (r->attempts - 1 < 6 ? r->attempts - 1 : 6);
	if (delay > MAX_BACKOFF_MS)
		delay = MAX_BACKOFF_MS;
	delay = delay / 2 + (int64_t)(retry_rand(&c->rng) % (uint64_t)(delay / 2 + 1));
	if (r->retry_after_ms >= 0) /* the server said when: wait that long (plus a little jitter) */
		delay = (r->retry_after_ms < MAX_RETRY_AFTER_MS ? r->retry_after_ms : MAX_RETRY_AFTER_MS) +
		        (int64_t)(retry_rand(&c->rng) % 200);
	if (deadline_spent(c, time_mono_ms() + delay)) { /* the retry would come after the deadline */
		c->stats.failed++;
		return 1;
	}
	log_debug("llm %s: %s; retry %d in %lld ms", prompt_task_name(r->task), r->error, r->attempts,
	          (long long)delay);
	r->ready_at_ms = time_mono_ms() + delay;
	return 0;
}

static void
detach(struct llm_client *c, struct llm_request *r)
{
	curl_multi_remove_handle(c->multi, r->easy);
	curl_easy_cleanup(r->easy);
	curl_slist_free_all(r->headers);
	r->easy = NULL;
	r->headers = NULL;
}

void
llm_run(struct llm_client *c, struct llm_request **reqs, size_t n)
{
	size_t done = 0;
	long running = 0;
	for (size_t i = 0; i < n; i++) {
		struct llm_request *r = reqs[i];
		r->state = ST_QUEUED;
		r->ready_at_ms = 0;
		r->is_ok = 0;
		r->is_cut = 0;
		r->attempts = 0;
		r->error[0] = '\0';
		if (r->max_tokens <= 0)
			r->max_tokens = 1024;
		r->cur_max_tokens = r->max_tokens;
	}
	while (done < n) {
		int64_t now = time_mono_ms(), next_ready = INT64_MAX;
		for (size_t i = 0; i < n && running < c->cfg.concurrency; i++) {
			struct llm_request *r = reqs[i];
			if (r->state != ST_QUEUED)
				continue;
			if (!c->halted[0])
				deadline_spent(c, now);
			if (r->ready_at_ms > now && !c->halted[0]) { /* halted: fails now, not when due */
				if (r->ready_at_ms < next_ready)
					next_ready = r->ready_at_ms;
				continue;
			}
			long estimate = prompt_tokens(prompt_system(r->task, r->lang, 1), strlen(prompt_system(r->task, r->lang, 1))) +
			                prompt_tokens(r->user, strlen(r->user)) + r->cur_max_tokens;
			/* In-flight requests hold their estimate, so concurrency cannot overshoot the budget. */
			if (c->halted[0] || (c->budget > 0 && llm_tokens_used(c) + c->reserved + estimate > c->budget) ||
			    start(c, r) < 0) {
				snprintf(r->error, sizeof r->error, "%s",
				         c->halted[0] ? c->halted : c->budget > 0 ? "token budget reached" : "cannot start a transfer");
				r->state = ST_DONE;
				c->stats.failed++;
				done++;
				continue;
			}
			r->reserved = estimate;
			c->reserved += estimate;
			running++;
			if (running > c->stats.max_in_flight)
				c->stats.max_in_flight = running;
		}
		if (done >= n)
			break;
		if (running == 0) {
			/* Only waiting retries: sleep until the first is due. */
			int wait = next_ready == INT64_MAX ? 10 : (int)(next_ready - time_mono_ms());
			if (wait > 0)
				curl_multi_poll(c->multi, NULL, 0, wait, NULL);
			continue;
		}
		int still;
		curl_multi_perform(c->multi, &still);
		CURLMsg *msg;
		int left;
		while ((msg = curl_multi_info_read(c->multi, &left))) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			struct llm_request *r = NULL;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&r);
			CURLcode code = msg->data.result;
			c->reserved -= r->reserved;
			r->reserved = 0;
			int is_final = finish(c, r, code);
			detach(c, r);
			running--;
			if (is_final) {
				r->state = ST_DONE;
				done++;
			} else {
				r->state = ST_QUEUED;
			}
		}
		int timeout = 200;
		int64_t t = time_mono_ms();
		if (next_ready != INT64_MAX && next_ready - t < timeout)
			timeout = next_ready > t ? (int)(next_ready - t) : 0;
		if (running > 0)
			curl_multi_poll(c->multi, NULL, 0, timeout, NULL);
	}
}
