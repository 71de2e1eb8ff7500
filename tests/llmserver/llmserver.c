/* llmserver.c: the OpenAI-compatible stand-in server: HTTP, fault injection, counters. */
#include "llmserver.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/hash.h"
#include "util/str.h"
#include "util/timeutil.h"

#define MAX_FAULTS 256
#define MAX_SEEN 256
#define MAX_BODY (8u << 20)

struct llmsrv {
	struct MHD_Daemon *daemon;
	struct llmsrv_opts opts;
	char base_url[64];
	char env_url[96];         /* "BRIEF_LLM_BASE_URL=" base_url */
	const char *env[4];       /* llmsrv_brief_env */
	pthread_mutex_t lock;
	char *faults[MAX_FAULTS];
	size_t fault_head, fault_count;
	char *aimed[MAX_FAULTS];   /* llmsrv_push_faults_for: taken only by requests whose user */
	size_t aimed_head, aimed_count; /* message contains aimed_match, before the queue above */
	char aimed_match[128];
	uint64_t seen[MAX_SEEN];
	size_t seen_count;
	struct llmsrv_stats stats;
	long in_flight;
	int64_t limited_until_ms;  /* "gemini_429", "429_ms": every chat request before this (time_mono_ms) */
	char limited_fault[16];    /* is answered as the fault that armed the limit */
	int rejects_format;        /* "format_400": every later request with a response_format is refused */
	char **log;
	int *log_task;
	size_t log_count, log_cap;
};

struct conn {
	struct buf body;
	int too_big;
};

long
llmsrv_tokens(const char *s)
{
	long ascii = 0, other = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x80)
			ascii++;
		else if ((*p & 0xC0) != 0x80)
			other++;
	}
	return (ascii + 3) / 4 + other;
}

int
llmsrv_task_index(const char *name)
{
	for (int i = 0; llmsrv_tasks[i].name && i < LLMSRV_TASKS_MAX; i++)
		if (strcmp(llmsrv_tasks[i].name, name) == 0)
			return i;
	return -1;
}

static char *
next_fault(struct llmsrv *s)
{
	char *f = NULL;
	pthread_mutex_lock(&s->lock);
	if (s->fault_count) {
		f = s->faults[s->fault_head];
		s->fault_head = (s->fault_head + 1) % MAX_FAULTS;
		s->fault_count--;
		s->stats.faults++;
	}
	pthread_mutex_unlock(&s->lock);
	return f;
}

/* The next fault aimed at requests whose user message contains the match
 * (llmsrv_push_faults_for), or NULL. */
static char *
next_aimed_fault(struct llmsrv *s, const char *user)
{
	char *f = NULL;
	pthread_mutex_lock(&s->lock);
	if (s->aimed_count && strstr(user, s->aimed_match)) {
		f = s->aimed[s->aimed_head];
		s->aimed_head = (s->aimed_head + 1) % MAX_FAULTS;
		s->aimed_count--;
		s->stats.faults++;
	}
	pthread_mutex_unlock(&s->lock);
	return f;
}

/* Answer status with body (JSON), and the header name: value when name is not NULL. */
static enum MHD_Result
reply_with(struct MHD_Connection *c, unsigned status, const char *body, const char *name, const char *value)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_MUST_COPY);
	MHD_add_response_header(r, "Content-Type", "application/json");
	if (name)
		MHD_add_response_header(r, name, value);
	enum MHD_Result ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
reply(struct MHD_Connection *c, unsigned status, const char *body, const char *retry_after)
{
	return reply_with(c, status, body, retry_after ? "Retry-After" : NULL, retry_after);
}

/* Google's 503 for an overloaded model (UNAVAILABLE, its error object in a one-element list, no
 * Retry-After header) with a RetryInfo asking for delay_s seconds. */
static enum MHD_Result
reply_gemini_503(struct MHD_Connection *c, int delay_s)
{
	char delay[24];
	snprintf(delay, sizeof delay, "%ds", delay_s);
	json_t *e = json_pack("[{s:{s:i,s:s,s:s,s:[{s:s,s:s}]}}]", "error", "code", 503, "message",
	                      "The model is overloaded. Please try again later.", "status", "UNAVAILABLE", "details",
	                      "@type", "type.googleapis.com/google.rpc.RetryInfo", "retryDelay", delay);
	char *es = json_dumps(e, JSON_INDENT(2));
	enum MHD_Result ret = reply(c, 503, es, NULL);
	free(es);
	json_decref(e);
	return ret;
}

/* Gemini's 429 (RESOURCE_EXHAUSTED, its error object in a one-element list, no Retry-After
 * header): a QuotaFailure naming quota_id and a RetryInfo asking for delay_s seconds. */
static enum MHD_Result
reply_gemini_429(struct MHD_Connection *c, const char *quota_id, int delay_s)
{
	char delay[24];
	snprintf(delay, sizeof delay, "%ds", delay_s);
	json_t *e = json_pack("[{s:{s:i,s:s,s:s,s:[{s:s,s:[{s:s,s:s,s:s}]},{s:s,s:s}]}}]", "error", "code", 429,
	                      "message", "You exceeded your current quota, please check your plan and billing details.",
	                      "status", "RESOURCE_EXHAUSTED", "details", "@type",
	                      "type.googleapis.com/google.rpc.QuotaFailure", "violations", "quotaMetric",
	                      "generativelanguage.googleapis.com/generate_content_free_tier_requests", "quotaId",
	                      quota_id, "quotaValue", "15", "@type", "type.googleapis.com/google.rpc.RetryInfo",
	                      "retryDelay", delay);
	char *es = json_dumps(e, JSON_INDENT(2));
	enum MHD_Result ret = reply(c, 429, es, NULL);
	free(es);
	json_decref(e);
	return ret;
}

static enum MHD_Result
reply_error(struct MHD_Connection *c, unsigned status, const char *msg, const char *retry_after)
{
	json_t *e = json_pack("{s:{s:s,s:s}}", "error", "message", msg, "type", "stand_in_error");
	char *s = json_dumps(e, JSON_COMPACT);
	enum MHD_Result r = reply(c, status, s, retry_after);
	free(s);
	json_decref(e);
	return r;
}

static void
sleep_ms(long ms)
{
	if (ms <= 0)
		return;
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* The "hang" fault: hold the request until the client gives up and closes the connection,
 * or hang_ms passes. Waiting for the close rather than for a fixed time means the hang lasts
 * exactly as long as the client's own timeout, so a test does not have to guess how long a
 * loaded machine needs to notice it (the connection's thread is the only reader of its fd). */
static void
hang_until_closed(struct MHD_Connection *c, long ms)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	if (!ci) {
		sleep_ms(ms);
		return;
	}
	struct pollfd p = {.fd = ci->connect_fd, .events = POLLIN};
	int64_t end = time_mono_ms() + ms;
	for (int64_t now = time_mono_ms(); now < end; now = time_mono_ms()) {
		int n = poll(&p, 1, (int)(end - now));
		if (n < 0)
			continue; /* EINTR */
		if (n == 0)
			return; /* hang_ms passed */
		char byte;
		if (p.revents & (POLLHUP | POLLERR | POLLNVAL) || recv(ci->connect_fd, &byte, 1, MSG_PEEK) <= 0)
			return; /* closed by the client */
		sleep_ms(10); /* bytes of a next request (pipelining): keep holding this one */
	}
}

/* Every integer in v as the real of the same value (8 as 8.0), as some models write them. */
static void
integers_as_reals(json_t *v)
{
	const char *key;
	size_t i;
	json_t *x;
	if (json_is_object(v)) {
		json_object_foreach(v, key, x)
		{
			if (json_is_integer(x))
				json_object_set_new(v, key, json_real((double)json_integer_value(x)));
			else
				integers_as_reals(x);
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x)
		{
			if (json_is_integer(x))
				json_array_set_new(v, i, json_real((double)json_integer_value(x)));
			else
				integers_as_reals(x);
		}
	}
}

/* Mutate a valid answer according to an item-level fault. */
static void
apply_item_fault(const char *fault, json_t *answer)
{
	if (strcmp(fault, "reals") == 0) {
		integers_as_reals(answer);
		return;
	}
	if (strcmp(fault, "blank_text") == 0) {
		json_t *entries = json_object_get(answer, "items");
		for (size_t k = 0; k < json_array_size(entries); k++)
			if (json_object_get(json_array_get(entries, k), "summary"))
				json_object_set_new(json_array_get(entries, k), "summary", json_string(" \xe2\x80\x8b "));
		if (json_object_get(answer, "highlights"))
			json_object_set_new(answer, "highlights", json_string("\n \n"));
		return;
	}
	if (strcmp(fault, "long_summary") == 0) { /* every summary its own sentences over and over */
		json_t *entries = json_object_get(answer, "items");
		for (size_t k = 0; k < json_array_size(entries); k++) {
			json_t *e = json_array_get(entries, k);
			const char *sum = json_string_value(json_object_get(e, "summary"));
			if (!sum)
				continue;
			struct buf b = BUF_INIT;
			while (b.len < 5000)
				buf_puts(&b, sum);
			json_object_set_new(e, "summary", json_string(buf_str(&b)));
			buf_free(&b);
		}
		return;
	}
	/* The highlights under a heading of their own on the line before them, as a model writes
	 * when it echoes the digest's section ("## 📝 今日看点") or bolds the label without a colon. */
	if ((strcmp(fault, "heading_md") == 0 || strcmp(fault, "heading_bold") == 0) &&
	    json_object_get(answer, "highlights")) {
		const char *text = json_string_value(json_object_get(answer, "highlights"));
		const char *colon = strstr(text, "\xef\xbc\x9a"); /* past the stand-in's "今日看点：" */
		struct buf b = BUF_INIT;
		buf_puts(&b, strcmp(fault, "heading_md") == 0 ? "## \xf0\x9f\x93\x9d 今日看点\n\n" : "**今日看点**\n");
		buf_puts(&b, colon ? colon + 3 : text);
		json_object_set_new(answer, "highlights", json_string(buf_str(&b)));
		buf_free(&b);
		return;
	}
	if (strcmp(fault, "english") == 0 && json_object_get(answer, "highlights")) {
		json_object_set_new(answer, "highlights", json_string("Today's stories share one theme: tools get faster "
		                                                      "and the people who use them notice."));
		return;
	}
	json_t *items = json_object_get(answer, "items");
	if (!json_is_array(items) || json_array_size(items) == 0)
		return;
	/* The entries' id property: "id", or "i" in the compact score answer. */
	const char *key = json_object_get(json_array_get(items, 0), "id") ? "id" : "i";
	if (strcmp(fault, "missing_id") == 0)
		json_array_remove(items, 0);
	else if (strcmp(fault, "unknown_id") == 0)
		json_object_set_new(json_array_get(items, 0), key, json_string("zz999"));
	else if (strcmp(fault, "out_of_range") == 0 && json_object_get(json_array_get(items, 0), "r"))
		json_object_set_new(json_array_get(items, 0), "r", json_integer(11));
	else if (strcmp(fault, "blank_keywords") == 0 && json_object_get(json_array_get(items, 0), "r"))
		for (size_t k = 0; k < json_array_size(items); k++)
			json_object_set_new(json_array_get(items, k), "k",
			                    json_pack("[s,s,s,s,s]", " ", "\xe2\x80\xae", " LLM ", "llm\n", "Rust"));
	else if (strcmp(fault, "category_labels") == 0 && json_object_get(json_array_get(items, 0), "r"))
		for (size_t k = 0; k < json_array_size(items); k++) {
			/* the digest's section names, in the case and language a model picks up from them */
			static const char *const as_label[][2] = {{"ai-ml", "AI/ML"},    {"security", "Security"},
			                                          {"engineering", "工程"}, {"tools", "Tools"},
			                                          {"opinion", "观点 / 杂谈"}, {"other", "Other"}};
			json_t *e = json_array_get(items, k);
			const char *c = json_string_value(json_object_get(e, "c"));
			for (size_t j = 0; c && j < sizeof as_label / sizeof as_label[0]; j++)
				if (strcmp(c, as_label[j][0]) == 0) {
					json_object_set_new(e, "c", json_string(as_label[j][1]));
					break;
				}
		}
	else if (strcmp(fault, "kind_spellings") == 0 && json_object_get(json_array_get(items, 0), "kind"))
		for (size_t k = 0; k < json_array_size(items); k++) {
			json_t *e = json_array_get(items, k);
			const char *kind = json_string_value(json_object_get(e, "kind"));
			const char *as = !kind                                ? NULL
			                 : strcmp(kind, "rumour") == 0      ? "Rumor"
			                 : strcmp(kind, "open_source") == 0 ? "open-source"
			                                                    : "News";
			if (as)
				json_object_set_new(e, "kind", json_string(as));
		}
	else if (strcmp(fault, "string_scores") == 0 && json_object_get(json_array_get(items, 0), "r"))
		for (size_t k = 0; k < json_array_size(items); k++) {
			json_t *e = json_array_get(items, k);
			static const char *const scores[] = {"r", "q", "t"};
			for (size_t j = 0; j < 3; j++) {
				char v[24];
				snprintf(v, sizeof v, "%lld", (long long)json_integer_value(json_object_get(e, scores[j])));
				json_object_set_new(e, scores[j], json_string(v));
			}
		}
	else if (strcmp(fault, "string_keywords") == 0 && json_object_get(json_array_get(items, 0), "r"))
		for (size_t k = 0; k < json_array_size(items); k++) {
			/* the keywords as one string: "a, b, c", every other entry the list's JSON as a string */
			json_t *e = json_array_get(items, k);
			json_t *kw = json_object_get(e, "k");
			struct buf b = BUF_INIT;
			if (k % 2) {
				char *js = json_dumps(kw, JSON_COMPACT);
				buf_puts(&b, js);
				free(js);
			} else {
				for (size_t j = 0; j < json_array_size(kw); j++)
					buf_printf(&b, "%s%s", j ? ", " : "", json_string_value(json_array_get(kw, j)));
			}
			json_object_set_new(e, "k", json_string(buf_str(&b)));
			buf_free(&b);
		}
	else if (strcmp(fault, "half_scores") == 0 && json_object_get(json_array_get(items, 0), "r"))
		for (size_t k = 0; k < json_array_size(items); k++) {
			json_t *e = json_array_get(items, k);
			static const char *const scores[] = {"r", "q", "t"};
			for (size_t j = 0; j < 3; j++)
				json_object_set_new(e, scores[j],
				                    json_real((double)json_integer_value(json_object_get(e, scores[j])) - 0.5));
		}
	else if (strcmp(fault, "english") == 0 && json_object_get(json_array_get(items, 0), "summary"))
		for (size_t k = 0; k < json_array_size(items); k++) {
			json_t *e = json_array_get(items, k);
			json_object_set_new(e, "summary", json_string("This piece explains the change and what it means for "
			                                              "the people who use it."));
			json_object_set_new(e, "reason", json_string("Worth reading for anyone following the project."));
		}
	else if (strcmp(fault, "english_title") == 0 && json_object_get(json_array_get(items, 0), "summary"))
		for (size_t k = 0; k < json_array_size(items); k++) {
			/* the English title left as it was, or put after a Chinese word or two (every other
			 * entry): the title is the one the why-read quotes in 「」 */
			json_t *e = json_array_get(items, k);
			const char *why = json_string_value(json_object_get(e, "reason"));
			const char *open = why ? strstr(why, "\xe3\x80\x8c") : NULL, *close = open ? strstr(open, "\xe3\x80\x8d") : NULL;
			if (!close)
				continue;
			struct buf b = BUF_INIT;
			buf_printf(&b, "%s%.*s", k % 2 ? "重磅消息：" : "", (int)(close - open - 3), open + 3);
			json_object_set_new(e, "title", json_string(buf_str(&b)));
			buf_free(&b);
		}
	else if (strcmp(fault, "tool_title") == 0 && json_object_get(json_array_get(items, 0), "summary"))
		for (size_t k = 0; k < json_array_size(items); k++) /* a Chinese headline naming its tools */
			json_object_set_new(json_array_get(items, k), "title",
			                    json_string("【译】npm 供应链攻击：恶意 eslint-config 包窃取 token"));
	else if (strcmp(fault, "mixed") == 0 && json_object_get(json_array_get(items, 0), "summary"))
		for (size_t k = 0; k < json_array_size(items); k++) { /* the first sentence kept, the rest English */
			json_t *e = json_array_get(items, k);
			const char *sum = json_string_value(json_object_get(e, "summary"));
			const char *stop = sum ? strstr(sum, "\xe3\x80\x82") : NULL; /* 。 */
			if (!stop)
				continue;
			struct buf b = BUF_INIT;
			buf_append(&b, sum, (size_t)(stop - sum) + 3);
			buf_puts(&b, " It explains what changed and why it matters for the people who use it every day. "
			             "The author walks through the numbers and the trade-offs behind the decision.");
			json_object_set_new(e, "summary", json_string(buf_str(&b)));
			buf_free(&b);
		}
	else if (strcmp(fault, "swap_ids") == 0 && json_array_size(items) > 1) { /* item 1 under id 2 and back */
		json_t *first = json_incref(json_object_get(json_array_get(items, 0), key));
		json_object_set(json_array_get(items, 0), key, json_object_get(json_array_get(items, 1), key));
		json_object_set_new(json_array_get(items, 1), key, first);
	} else if (strcmp(fault, "shift_ids") == 0) /* every entry under the next one's id, the last's unknown */
		for (size_t k = 0; k < json_array_size(items); k++) {
			json_t *e = json_array_get(items, k);
			const char *id = json_string_value(json_object_get(e, key));
			long v;
			if (id && id[0] == 'a' && str_to_long(id + 1, 1, 1000, &v) == 0) {
				char next[24];
				snprintf(next, sizeof next, "a%ld", v + 1);
				json_object_set_new(e, key, json_string(next));
			}
		}
	else if (strcmp(fault, "duplicate_id") == 0 && json_array_size(items) > 1)
		json_object_set(json_array_get(items, 1), key, json_object_get(json_array_get(items, 0), key));
}

static enum MHD_Result
chat(struct llmsrv *s, struct MHD_Connection *c, const struct buf *body)
{
	json_t *req = json_loadb(body->data ? body->data : "", body->len, 0, NULL);
	json_t *msgs = json_object_get(req, "messages");
	if (!json_is_array(msgs)) {
		json_decref(req);
		return reply_error(c, 400, "messages missing", NULL);
	}
	const char *system = "", *user = "";
	long prompt = 0;
	size_t i;
	json_t *m;
	json_array_foreach(msgs, i, m)
	{
		const char *role = json_string_value(json_object_get(m, "role"));
		const char *content = json_string_value(json_object_get(m, "content"));
		if (!role || !content)
			continue;
		prompt += llmsrv_tokens(content);
		if (strcmp(role, "system") == 0)
			system = content;
		else if (strcmp(role, "user") == 0)
			user = content;
	}
	json_t *rf = json_object_get(req, "response_format");
	const char *task = json_string_value(json_object_get(json_object_get(rf, "json_schema"), "name"));
	char task_buf[32] = "";
	if (!task) {
		const char *t = strstr(system, "Task: ");
		if (t) {
			size_t n = strcspn(t + 6, ".\n");
			snprintf(task_buf, sizeof task_buf, "%.*s", (int)n, t + 6);
			task = task_buf;
		}
	}
	int ti = task ? llmsrv_task_index(task) : -1;
	uint64_t sys_hash = hash64(system, strlen(system), HASH_SEED);
	long cached = 0;
	pthread_mutex_lock(&s->lock);
	s->stats.requests++;
	s->in_flight++;
	if (s->in_flight > s->stats.max_concurrent)
		s->stats.max_concurrent = s->in_flight;
	if (ti >= 0)
		s->stats.by_task[ti]++;
	for (const char *p = user; (p = strstr(p, "<article id=\"")); p++)
		s->stats.items_asked++;
	for (size_t k = 0; k < s->seen_count; k++)
		if (s->seen[k] == sys_hash)
			cached = llmsrv_tokens(system);
	if (!cached && s->seen_count < MAX_SEEN)
		s->seen[s->seen_count++] = sys_hash;
	if (s->log_count == s->log_cap) {
		s->log_cap = s->log_cap ? s->log_cap * 2 : 64;
		s->log = xrealloc(s->log, s->log_cap * sizeof *s->log);
		s->log_task = xrealloc(s->log_task, s->log_cap * sizeof *s->log_task);
	}
	s->log_task[s->log_count] = ti;
	s->log[s->log_count++] = xstrdup(user);
	pthread_mutex_unlock(&s->lock);

	enum MHD_Result ret;
	char ra[16];
	snprintf(ra, sizeof ra, "%d", s->opts.retry_after_s);
	char limited[16] = "";
	pthread_mutex_lock(&s->lock);
	if (time_mono_ms() < s->limited_until_ms) {
		snprintf(limited, sizeof limited, "%s", s->limited_fault);
		s->stats.faults++;
	}
	pthread_mutex_unlock(&s->lock);
	char *fault = NULL;
	if (!limited[0] && !(fault = next_aimed_fault(s, user)))
		fault = next_fault(s);
	if (fault && (strcmp(fault, "gemini_429") == 0 || strcmp(fault, "429_ms") == 0 || strcmp(fault, "gemini_503") == 0 ||
	              strcmp(fault, "openai_tpm") == 0)) {
		/* a per-minute limit: every request in the next retry_after_s seconds meets it too */
		pthread_mutex_lock(&s->lock);
		s->limited_until_ms = time_mono_ms() + (int64_t)s->opts.retry_after_s * 1000;
		snprintf(s->limited_fault, sizeof s->limited_fault, "%s", fault);
		snprintf(limited, sizeof limited, "%s", fault);
		pthread_mutex_unlock(&s->lock);
	}
	if (strcmp(limited, "gemini_429") == 0) {
		ret = reply_gemini_429(c, "GenerateRequestsPerMinutePerProjectPerModel-FreeTier", s->opts.retry_after_s);
		goto out;
	}
	if (strcmp(limited, "gemini_503") == 0) {
		ret = reply_gemini_503(c, s->opts.retry_after_s);
		goto out;
	}
	if (strcmp(limited, "429_ms") == 0) { /* the wait in milliseconds only, as some gateways say it */
		char ms[24];
		snprintf(ms, sizeof ms, "%d", s->opts.retry_after_s * 1000);
		ret = reply_with(c, 429, "{\"error\":{\"message\":\"Rate limit reached (stand-in)\",\"type\":\"requests\","
		                         "\"code\":\"rate_limit_exceeded\"}}",
		                 "retry-after-ms", ms);
		goto out;
	}
	if (strcmp(limited, "openai_tpm") == 0) { /* OpenAI's per-minute limit: the wait only in the message */
		char msg[512];
		snprintf(msg, sizeof msg,
		         "{\"error\":{\"message\":\"Rate limit reached for stand-in in organization org-test on tokens "
		         "per min (TPM): Limit 30000, Used 29800, Requested 900. Please try again in %d.2s. Visit "
		         "https://platform.openai.com/account/rate-limits to learn more.\",\"type\":\"tokens\",\"param\":"
		         "null,\"code\":\"rate_limit_exceeded\"}}",
		         s->opts.retry_after_s);
		ret = reply(c, 429, msg, NULL);
		goto out;
	}
	if (fault && strcmp(fault, "gemini_day") == 0) { /* a per-day quota spent; Gemini still says "retry in" */
		ret = reply_gemini_429(c, "GenerateRequestsPerDayPerProjectPerModel-FreeTier", s->opts.retry_after_s);
		goto out;
	}
	if (fault && strcmp(fault, "429") == 0) {
		ret = reply_error(c, 429, "rate limited (stand-in)", ra);
		goto out;
	}
	if (fault && strcmp(fault, "quota_429") == 0) { /* OpenAI's answer once the credit is spent */
		json_t *e = json_pack("{s:{s:s,s:s,s:s}}", "error", "message",
		                      "You exceeded your current quota, please check your plan and billing details.",
		                      "type", "insufficient_quota", "code", "insufficient_quota");
		char *es = json_dumps(e, JSON_COMPACT);
		ret = reply(c, 429, es, NULL);
		free(es);
		json_decref(e);
		goto out;
	}
	if (fault && strcmp(fault, "error_200") == 0) { /* an error object under 200, as some gateways send */
		json_t *e = json_pack("{s:{s:s,s:s,s:s}}", "error", "message",
		                      "The model does not exist or you do not have access to it.", "type",
		                      "invalid_request_error", "code", "model_not_found");
		char *es = json_dumps(e, JSON_COMPACT);
		ret = reply(c, 200, es, NULL);
		free(es);
		json_decref(e);
		goto out;
	}
	if (fault && strcmp(fault, "429_hour") == 0) {
		ret = reply_error(c, 429, "daily request limit reached (stand-in)", "3600");
		goto out;
	}
	if (fault && strcmp(fault, "503_hour") == 0) { /* a maintenance window: come back in an hour */
		ret = reply_error(c, 503, "the service is down for maintenance (stand-in)", "3600");
		goto out;
	}
	if (fault && strcmp(fault, "500") == 0) {
		ret = reply_error(c, 500, "internal error (stand-in)", NULL);
		goto out;
	}
	const char *rf_type = json_string_value(json_object_get(rf, "type"));
	if (fault && strcmp(fault, "schema_400") == 0 && rf_type && strcmp(rf_type, "json_schema") == 0) {
		ret = reply_error(c, 400, "response_format json_schema is not supported by this model", NULL);
		goto out;
	}
	if (fault && strcmp(fault, "format_400") == 0) { /* a model that takes no response_format at all */
		pthread_mutex_lock(&s->lock);
		s->rejects_format = 1;
		pthread_mutex_unlock(&s->lock);
	}
	pthread_mutex_lock(&s->lock);
	int refuse_format = s->rejects_format && rf;
	pthread_mutex_unlock(&s->lock);
	if (refuse_format) {
		ret = reply_error(c, 400, "'response_format' of type 'json_object' is not supported with this model", NULL);
		goto out;
	}
	if (fault && strcmp(fault, "auth_401") == 0) { /* a server that echoes the rejected key */
		const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
		char msg[1024];
		snprintf(msg, sizeof msg, "Incorrect API key provided: %s. Check your key.",
		         auth && strncmp(auth, "Bearer ", 7) == 0 ? auth + 7 : "");
		ret = reply_error(c, 401, msg, NULL);
		goto out;
	}
	if (fault && strcmp(fault, "balance_402") == 0) { /* DeepSeek's answer once the balance is gone */
		ret = reply(c, 402,
		            "{\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\",\"param\":null,"
		            "\"code\":\"invalid_request_error\"}}",
		            NULL);
		goto out;
	}
	if (fault && strcmp(fault, "key_400") == 0) { /* Gemini's OpenAI layer refusing a key: 400, in a list */
		ret = reply(c, 400,
		            "[{\n  \"error\": {\n    \"code\": 400,\n    \"message\": \"API key not valid. Please pass a valid "
		            "API key.\",\n    \"status\": \"INVALID_ARGUMENT\",\n    \"details\": [{\"@type\": "
		            "\"type.googleapis.com/google.rpc.ErrorInfo\", \"reason\": \"API_KEY_INVALID\", \"domain\": "
		            "\"googleapis.com\"}]\n  }\n}\n]",
		            NULL);
		goto out;
	}
	if (fault && strcmp(fault, "waf_403") == 0) { /* a web firewall's block page for one request's body */
		ret = reply(c, 403, "<html><body><h1>403 Forbidden</h1>Request blocked.</body></html>", NULL);
		goto out;
	}
	if (fault && strcmp(fault, "hang") == 0)
		hang_until_closed(c, s->opts.hang_ms);
	json_t *answer = NULL;
	struct llmsrv_call call = {task ? task : "", system, user, req, strstr(system, "Simplified Chinese") != NULL};
	if (ti < 0 || llmsrv_tasks[ti].handler(&call, &answer) < 0 || !answer) {
		ret = reply_error(c, 400, "the stand-in has no handler for this task", NULL);
		goto out;
	}
	if (fault)
		apply_item_fault(fault, answer);
	char *json = json_dumps(answer, JSON_COMPACT);
	json_t *items = json_object_get(answer, "items");
	char *bare = fault && strcmp(fault, "bare_array") == 0 && json_is_array(items) ? json_dumps(items, JSON_COMPACT)
	                                                                               : NULL;
	json_decref(answer);
	struct buf content = BUF_INIT;
	const char *finish = "stop";
	if (fault && strcmp(fault, "malformed") == 0) {
		buf_append(&content, json, strlen(json) > 12 ? 12 : strlen(json));
		buf_puts(&content, "\"oops: ,]}");
	} else if (fault && strcmp(fault, "fenced") == 0) {
		buf_printf(&content, "```json\n%s\n```", json);
	} else if (fault && strcmp(fault, "prose") == 0) {
		buf_printf(&content, "Sure! Here is the result:\n%s\nLet me know if you need more.", json);
	} else if (bare) { /* the entries' list alone, without the object around it */
		buf_puts(&content, bare);
	} else if (fault && strcmp(fault, "think") == 0) {
		/* a reasoning model's thoughts before the answer, drafting a piece of it as such models do */
		buf_printf(&content,
		           "<think>\nThe user wants one JSON object with an entry per article, for example "
		           "{\"id\": \"a1\"}. Let me go through the articles one by one and keep the ids.\n"
		           "</think>\n\n%s",
		           json);
	} else if (fault && strcmp(fault, "nan") == 0 && strstr(json, "\"r\":")) {
		/* the first score entry's relevance written NaN, which JSON has no word for */
		const char *r = strstr(json, "\"r\":") + 4;
		buf_append(&content, json, (size_t)(r - json));
		buf_puts(&content, "NaN");
		buf_puts(&content, r + strspn(r, "-0123456789.eE+"));
	} else if (fault && (strcmp(fault, "truncated") == 0 || strcmp(fault, "content_filter") == 0)) {
		size_t half = strlen(json) / 2;
		while (half > 0 && ((unsigned char)json[half] & 0xC0) == 0x80)
			half--; /* at a character's start: cut Chinese text stays UTF-8 (else no choice at all) */
		buf_append(&content, json, half);
		finish = strcmp(fault, "truncated") == 0 ? "length" : "content_filter";
	} else if (fault && strcmp(fault, "filtered_empty") == 0) { /* the filter fired before any text */
		finish = "content_filter";
	} else {
		buf_puts(&content, json);
	}
	free(json);
	free(bare);
	long completion = llmsrv_tokens(buf_str(&content));
	sleep_ms(s->opts.latency_ms + (long)s->opts.ms_per_token * completion);
	json_t *resp = json_pack("{s:s,s:s,s:i,s:s,s:[],s:{s:i,s:i,s:i,s:{s:i}}}", "id", "chatcmpl-standin", "object",
	                         "chat.completion", "created", 1771675200, "model",
	                         json_string_value(json_object_get(req, "model")) ? json_string_value(json_object_get(req, "model")) : "stand-in",
	                         "choices", "usage", "prompt_tokens", (int)prompt, "completion_tokens", (int)completion,
	                         "total_tokens", (int)(prompt + completion), "prompt_tokens_details", "cached_tokens",
	                         (int)cached);
	if (fault && strcmp(fault, "refusal") == 0) { /* OpenAI's refusal: no content, a refusal text */
		json_t *choice = json_pack("{s:i,s:{s:s,s:n,s:s},s:s}", "index", 0, "message", "role", "assistant",
		                           "content", "refusal", "I'm sorry, but I can't help with that request.",
		                           "finish_reason", "stop");
		json_array_append_new(json_object_get(resp, "choices"), choice);
	} else if (!(fault && strcmp(fault, "empty_choices") == 0)) {
		json_t *choice = json_pack("{s:i,s:{s:s,s:s},s:s}", "index", 0, "message", "role", "assistant",
		                           "content", buf_str(&content), "finish_reason", finish);
		json_array_append_new(json_object_get(resp, "choices"), choice);
	}
	pthread_mutex_lock(&s->lock);
	s->stats.prompt_tokens += prompt;
	s->stats.completion_tokens += completion;
	s->stats.cached_tokens += cached;
	s->stats.task_prompt_tokens[ti] += prompt;
	s->stats.task_completion_tokens[ti] += completion;
	pthread_mutex_unlock(&s->lock);
	char *out = json_dumps(resp, JSON_COMPACT);
	if (fault && strcmp(fault, "sse") == 0) {
		/* a stream of chunks though none was asked for (a gateway that always streams): the
		 * content in three deltas, then the finish reason and the usage, then [DONE] */
		struct buf ev = BUF_INIT;
		const char *text = buf_str(&content);
		size_t len = strlen(text), at = 0;
		buf_puts(&ev, ": keep-alive\n\n");
		buf_puts(&ev, "data: {\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
		              "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
		for (int k = 0; k < 3; k++) {
			size_t end = k == 2 ? len : at + len / 3;
			while (end < len && ((unsigned char)text[end] & 0xC0) == 0x80)
				end++;
			char *piece = xstrndup(text + at, end - at);
			json_t *chunk = json_pack("{s:s,s:[{s:i,s:{s:s},s:n}]}", "object", "chat.completion.chunk", "choices",
			                          "index", 0, "delta", "content", piece, "finish_reason");
			char *cs = json_dumps(chunk, JSON_COMPACT);
			buf_printf(&ev, "data: %s\n\n", cs);
			free(cs);
			json_decref(chunk);
			free(piece);
			at = end;
		}
		json_t *last = json_pack("{s:s,s:[{s:i,s:{},s:s}],s:O}", "object", "chat.completion.chunk", "choices", "index", 0,
		                         "delta", "finish_reason", finish, "usage", json_object_get(resp, "usage"));
		char *ls = json_dumps(last, JSON_COMPACT);
		buf_printf(&ev, "data: %s\n\ndata: [DONE]\n\n", ls);
		free(ls);
		json_decref(last);
		struct MHD_Response *mr = MHD_create_response_from_buffer(ev.len, ev.data, MHD_RESPMEM_MUST_COPY);
		MHD_add_response_header(mr, "Content-Type", "text/event-stream");
		ret = MHD_queue_response(c, 200, mr);
		MHD_destroy_response(mr);
		buf_free(&ev);
	} else {
		ret = reply(c, 200, out, NULL);
	}
	free(out);
	json_decref(resp);
	buf_free(&content);
out:
	free(fault);
	json_decref(req);
	pthread_mutex_lock(&s->lock);
	s->in_flight--;
	pthread_mutex_unlock(&s->lock);
	return ret;
}

static enum MHD_Result
stats_reply(struct llmsrv *s, struct MHD_Connection *c)
{
	struct llmsrv_stats st;
	llmsrv_get_stats(s, &st);
	char out[512];
	snprintf(out, sizeof out,
	         "{\"requests\":%ld,\"prompt_tokens\":%ld,\"completion_tokens\":%ld,\"cached_tokens\":%ld,"
	         "\"faults\":%ld,\"items_asked\":%ld,\"max_concurrent\":%ld}",
	         st.requests, st.prompt_tokens, st.completion_tokens, st.cached_tokens, st.faults, st.items_asked,
	         st.max_concurrent);
	return reply(c, 200, out, NULL);
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url, const char *method, const char *version,
       const char *upload, size_t *upload_size, void **con_cls)
{
	struct llmsrv *s = cls;
	(void)version;
	if (!*con_cls) {
		*con_cls = xcalloc(1, sizeof(struct conn));
		return MHD_YES;
	}
	struct conn *cn = *con_cls;
	if (*upload_size) {
		if (cn->body.len + *upload_size > MAX_BODY)
			cn->too_big = 1;
		else
			buf_append(&cn->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (cn->too_big)
		return reply_error(c, 413, "request too large", NULL);
	if (strcmp(method, "POST") == 0 && strcmp(url, "/v1/chat/completions") == 0)
		return chat(s, c, &cn->body);
	if (strcmp(method, "GET") == 0 && strcmp(url, "/v1/models") == 0)
		return reply(c, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"stand-in\",\"object\":\"model\"}]}", NULL);
	if (strcmp(method, "GET") == 0 && strcmp(url, "/__stats") == 0)
		return stats_reply(s, c);
	if (strcmp(method, "POST") == 0 && strcmp(url, "/__faults") == 0) {
		llmsrv_push_faults(s, buf_str(&cn->body));
		return reply(c, 200, "{}", NULL);
	}
	return reply_error(c, 404, "not found", NULL);
}

static void
completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)c;
	(void)toe;
	struct conn *cn = *con_cls;
	if (cn) {
		buf_free(&cn->body);
		free(cn);
	}
	*con_cls = NULL;
}

struct llmsrv *
llmsrv_start(const struct llmsrv_opts *opts)
{
	struct llmsrv *s = xcalloc(1, sizeof *s);
	if (opts)
		s->opts = *opts;
	if (s->opts.hang_ms <= 0)
		s->opts.hang_ms = 3000;
	if (s->opts.retry_after_s <= 0)
		s->opts.retry_after_s = 1;
	pthread_mutex_init(&s->lock, NULL);
	struct sockaddr_in addr = {0};
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)s->opts.port);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s->daemon = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL,
	                             handle, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
	                             MHD_OPTION_NOTIFY_COMPLETED, completed, s, MHD_OPTION_CONNECTION_TIMEOUT,
	                             (unsigned)30, MHD_OPTION_END);
	if (!s->daemon) {
		fprintf(stderr, "llmserver: cannot start the HTTP daemon\n");
		pthread_mutex_destroy(&s->lock);
		free(s);
		return NULL;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	snprintf(s->base_url, sizeof s->base_url, "http://127.0.0.1:%u/v1", info ? info->port : 0);
	snprintf(s->env_url, sizeof s->env_url, "BRIEF_LLM_BASE_URL=%s", s->base_url);
	s->env[0] = s->env_url;
	s->env[1] = "BRIEF_LLM_API_KEY=test-key";
	s->env[2] = "BRIEF_LLM_MODEL=stand-in";
	s->env[3] = NULL;
	return s;
}

void
llmsrv_stop(struct llmsrv *s)
{
	if (!s)
		return;
	MHD_stop_daemon(s->daemon);
	llmsrv_reset(s);
	while (s->fault_count)
		free(next_fault(s));
	llmsrv_push_faults_for(s, NULL, NULL);
	free(s->log);
	free(s->log_task);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

const char *
llmsrv_base_url(const struct llmsrv *s)
{
	return s->base_url;
}

const char *const *
llmsrv_brief_env(const struct llmsrv *s)
{
	return s->env;
}

void
llmsrv_push_faults(struct llmsrv *s, const char *csv)
{
	pthread_mutex_lock(&s->lock);
	const char *p = csv;
	while (*p) {
		size_t n = strcspn(p, ", \n");
		if (n && s->fault_count < MAX_FAULTS) {
			s->faults[(s->fault_head + s->fault_count) % MAX_FAULTS] = xstrndup(p, n);
			s->fault_count++;
		}
		p += n;
		while (*p == ',' || *p == ' ' || *p == '\n')
			p++;
	}
	pthread_mutex_unlock(&s->lock);
}

void
llmsrv_push_faults_for(struct llmsrv *s, const char *match, const char *csv)
{
	pthread_mutex_lock(&s->lock);
	while (s->aimed_count) { /* a new aim replaces what is left of the old one */
		free(s->aimed[s->aimed_head]);
		s->aimed_head = (s->aimed_head + 1) % MAX_FAULTS;
		s->aimed_count--;
	}
	snprintf(s->aimed_match, sizeof s->aimed_match, "%s", match ? match : "");
	for (const char *p = csv ? csv : ""; *p;) {
		size_t n = strcspn(p, ", \n");
		if (n && s->aimed_count < MAX_FAULTS) {
			s->aimed[(s->aimed_head + s->aimed_count) % MAX_FAULTS] = xstrndup(p, n);
			s->aimed_count++;
		}
		p += n;
		while (*p == ',' || *p == ' ' || *p == '\n')
			p++;
	}
	pthread_mutex_unlock(&s->lock);
}

void
llmsrv_clear_faults(struct llmsrv *s)
{
	while (llmsrv_faults_pending(s))
		free(next_fault(s));
	pthread_mutex_lock(&s->lock);
	s->limited_until_ms = 0; /* and a rate limit a fault armed */
	s->rejects_format = 0;   /* and a refusal of response_format */
	pthread_mutex_unlock(&s->lock);
}

size_t
llmsrv_faults_pending(struct llmsrv *s)
{
	pthread_mutex_lock(&s->lock);
	size_t n = s->fault_count;
	pthread_mutex_unlock(&s->lock);
	return n;
}

void
llmsrv_get_stats(struct llmsrv *s, struct llmsrv_stats *out)
{
	pthread_mutex_lock(&s->lock);
	*out = s->stats;
	pthread_mutex_unlock(&s->lock);
}

void
llmsrv_reset(struct llmsrv *s)
{
	pthread_mutex_lock(&s->lock);
	memset(&s->stats, 0, sizeof s->stats);
	s->seen_count = 0;
	s->rejects_format = 0;
	for (size_t i = 0; i < s->log_count; i++)
		free(s->log[i]);
	s->log_count = 0;
	pthread_mutex_unlock(&s->lock);
}

size_t
llmsrv_logged(struct llmsrv *s)
{
	pthread_mutex_lock(&s->lock);
	size_t n = s->log_count;
	pthread_mutex_unlock(&s->lock);
	return n;
}

char *
llmsrv_logged_user(struct llmsrv *s, size_t i)
{
	pthread_mutex_lock(&s->lock);
	char *out = i < s->log_count ? xstrdup(s->log[i]) : NULL;
	pthread_mutex_unlock(&s->lock);
	return out;
}

int
llmsrv_logged_task(struct llmsrv *s, size_t i)
{
	pthread_mutex_lock(&s->lock);
	int t = i < s->log_count ? s->log_task[i] : -1;
	pthread_mutex_unlock(&s->lock);
	return t;
}

long
llmsrv_items_asked(struct llmsrv *s, const char *task)
{
	int ti = llmsrv_task_index(task);
	long n = 0;
	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; i < s->log_count; i++)
		if (s->log_task[i] == ti)
			for (const char *p = s->log[i]; (p = strstr(p, "<article id=\"")); p++)
				n++;
	pthread_mutex_unlock(&s->lock);
	return n;
}
