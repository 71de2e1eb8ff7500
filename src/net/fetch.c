/* fetch.c: the fetch run: which sources, per-host queues, the curl multi event loop,
 * redirects, retries with backoff, timeouts and the run deadline.
 *
 * One thread drives every transfer. A feed waits in its host's queue until both a global
 * slot (opts->concurrency) and a host slot (opts->per_host) are free, so curl never queues
 * a transfer internally and the per-transfer timeout measures the transfer alone. A slot a
 * host frees goes first to that host's next feed, whose transfer then reuses the connection
 * just left idle in curl's cache (a new TCP or TLS handshake per feed otherwise); the other
 * free slots go to hosts round-robin, so a host never holds more than its per-host slots
 * and one host with many feeds cannot starve the others. Redirects are
 * followed here (not by curl) to detect loops and to learn which hops were permanent. */
#include "net/fetch.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "feed/date.h"
#include "feed/opml.h"
#include "net/canon.h"
#include "net/fetch_internal.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/str.h"
#include "util/timeutil.h"

#define DEFAULT_USER_AGENT "brief/" BRIEF_VERSION " (+https://github.com/brief-feeds/brief; feed reader)"
#define ACCEPT_HEADER                                                                              \
	"Accept: application/atom+xml, application/rss+xml, application/feed+json, "               \
	"application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"

void
fetch_opts_default(struct fetch_opts *opts)
{
	memset(opts, 0, sizeof *opts);
	opts->concurrency = 64;
	opts->per_host = 3;
	opts->timeout_s = 15;
	opts->max_body = 16u << 20;
	opts->progress = 1;
}

static int
opt_int(const struct config *cfg, const char *key, long min, long max, int *out, struct err *e)
{
	const char *v = cfg ? config_get(cfg, "fetch", key) : NULL;
	long n;
	if (!v)
		return 0;
	if (str_to_long(v, min, max, &n) < 0)
		return err_set(e, "config [fetch] %s: want a number in %ld..%ld, not \"%s\"", key, min, max, v);
	*out = (int)n;
	return 0;
}

int
fetch_opts_from_config(struct fetch_opts *opts, const struct config *cfg, struct err *e)
{
	int max_body_mb = (int)(opts->max_body >> 20);
	if (opt_int(cfg, "concurrency", 1, 1024, &opts->concurrency, e) < 0 ||
	    opt_int(cfg, "per_host", 1, 64, &opts->per_host, e) < 0 ||
	    opt_int(cfg, "timeout", 1, 3600, &opts->timeout_s, e) < 0 ||
	    opt_int(cfg, "deadline", 1, 86400, &opts->deadline_s, e) < 0 ||
	    opt_int(cfg, "max_body_mb", 1, 1024, &max_body_mb, e) < 0)
		return -1;
	opts->max_body = (size_t)max_body_mb << 20;
	const char *ua = cfg ? config_get(cfg, "fetch", "user_agent") : NULL;
	if (ua && *ua)
		opts->user_agent = ua;
	const char *ca = cfg ? config_get(cfg, "fetch", "ca_file") : NULL;
	if (ca && *ca) {
		if (access(ca, R_OK) < 0)
			return err_set(e, "config [fetch] ca_file: cannot read %s: %s", ca, strerror(errno));
		opts->ca_file = ca;
	}
	return 0;
}

/* ---- sources of the run ---- */

static int
read_opml(const char *path, struct arena *arena, struct opml_feed **feeds, size_t *count, struct err *e)
{
	struct buf data = BUF_INIT;
	if (fs_read_all(path, &data, e) < 0)
		return -1;
	int rc = opml_parse(data.data ? data.data : "", data.len, arena, feeds, count, e);
	buf_free(&data);
	if (rc < 0)
		return err_wrap(e, "%s", path);
	return 0;
}

int
fetch_seed_defaults(struct store *st, struct err *e)
{
	int users, defaults;
	if (store_sources_count(st, &users, &defaults, e) < 0)
		return -1;
	if (users || defaults)
		return 0;
	char path[4096];
	struct arena a = ARENA_INIT;
	struct opml_feed *feeds;
	size_t n;
	int rc = -1;
	if (read_opml(app_data_file("hn-popular-blogs-2025.opml", path, sizeof path), &a, &feeds, &n, e) < 0)
		goto out;
	if (store_begin(st, e) < 0)
		goto out;
	int64_t now = time_now();
	for (size_t i = 0; i < n; i++) {
		int64_t id;
		if (store_source_add(st, SOURCE_DEFAULT, feeds[i].xml_url, feeds[i].title, feeds[i].html_url,
		                     feeds[i].category, now, &id, NULL, e) < 0) {
			store_rollback(st);
			goto out;
		}
	}
	rc = store_commit(st, e);
out:
	arena_free(&a);
	return rc;
}

/* The sources of this run: the --feeds file's (stored as ad-hoc sources), else the active ones. */
static int
load_sources(struct store *st, const struct fetch_opts *opts, struct arena *arena, struct source **out,
             size_t *count, struct err *e)
{
	if (!opts->feeds_opml) {
		if (fetch_seed_defaults(st, e) < 0)
			return -1;
		return store_sources_active(st, arena, out, count, e);
	}
	struct opml_feed *feeds;
	size_t n;
	if (read_opml(opts->feeds_opml, arena, &feeds, &n, e) < 0)
		return -1;
	struct source *arr = arena_alloc(arena, (n ? n : 1) * sizeof *arr);
	size_t k = 0;
	if (store_begin(st, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int64_t id;
		if (store_source_add(st, SOURCE_ADHOC, feeds[i].xml_url, feeds[i].title, feeds[i].html_url,
		                     feeds[i].category, time_now(), &id, NULL, e) < 0) {
			store_rollback(st);
			return -1;
		}
		int is_dup = 0;
		for (size_t m = 0; m < k; m++)
			is_dup |= arr[m].id == id;
		if (!is_dup && store_source_get(st, id, arena, &arr[k], e) == 0)
			k++;
	}
	if (store_commit(st, e) < 0)
		return -1;
	*out = arr;
	*count = k;
	return 0;
}

/* ---- hosts ---- */

static size_t
host_lookup(struct fetch_ctx *c, const char *name)
{
	if (c->host_count * 2 >= c->host_index_cap) {
		size_t cap = c->host_index_cap ? c->host_index_cap * 2 : 64;
		free(c->host_index);
		c->host_index = xcalloc(cap, sizeof *c->host_index);
		c->host_index_cap = cap;
		for (size_t i = 0; i < c->host_count; i++) {
			size_t slot = hash64(c->hosts[i].name, strlen(c->hosts[i].name), HASH_SEED) & (cap - 1);
			while (c->host_index[slot])
				slot = (slot + 1) & (cap - 1);
			c->host_index[slot] = i + 1;
		}
	}
	size_t mask = c->host_index_cap - 1;
	size_t slot = hash64(name, strlen(name), HASH_SEED) & mask;
	for (; c->host_index[slot]; slot = (slot + 1) & mask)
		if (strcmp(c->hosts[c->host_index[slot] - 1].name, name) == 0)
			return c->host_index[slot] - 1;
	if (c->host_count == c->host_cap) {
		c->host_cap = c->host_cap ? c->host_cap * 2 : 16;
		c->hosts = xrealloc(c->hosts, c->host_cap * sizeof *c->hosts);
	}
	struct fetch_host *h = &c->hosts[c->host_count];
	memset(h, 0, sizeof *h);
	h->name = xstrdup(name);
	c->host_index[slot] = ++c->host_count;
	return c->host_count - 1;
}

static void
host_push(struct fetch_ctx *c, struct fetch_job *j, int at_front)
{
	struct fetch_host *h = &c->hosts[j->host];
	if (at_front) {
		j->next = h->head;
		h->head = j;
		if (!h->tail)
			h->tail = j;
	} else {
		j->next = NULL;
		if (h->tail)
			h->tail->next = j;
		else
			h->head = j;
		h->tail = j;
	}
	c->queued++;
}

static struct fetch_job *
host_pop(struct fetch_ctx *c, struct fetch_host *h)
{
	struct fetch_job *j = h->head;
	h->head = j->next;
	if (!h->head)
		h->tail = NULL;
	j->next = NULL;
	c->queued--;
	return j;
}

/* ---- transfers ---- */

static void
header_value(const char *line, size_t len, size_t name_len, char *out, size_t size)
{
	const char *v = line + name_len;
	size_t vlen = len - name_len;
	str_trim(&v, &vlen);
	if (vlen >= size) /* a truncated validator would be wrong: drop it */
		vlen = 0;
	memcpy(out, v, vlen);
	out[vlen] = '\0';
}

static size_t
on_header(char *line, size_t size, size_t nmemb, void *userp)
{
	struct fetch_job *j = userp;
	size_t len = size * nmemb;
	if (len >= 5 && memcmp(line, "HTTP/", 5) == 0) { /* a new response (after 1xx): start over */
		j->etag[0] = j->last_modified[0] = j->retry_after[0] = '\0';
	} else if (len > 5 && str_ncasecmp(line, "etag:", 5) == 0) {
		header_value(line, len, 5, j->etag, sizeof j->etag);
	} else if (len > 14 && str_ncasecmp(line, "last-modified:", 14) == 0) {
		header_value(line, len, 14, j->last_modified, sizeof j->last_modified);
	} else if (len > 12 && str_ncasecmp(line, "retry-after:", 12) == 0) {
		header_value(line, len, 12, j->retry_after, sizeof j->retry_after);
	}
	return len;
}

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

static CURL *
easy_get(struct fetch_ctx *c)
{
	if (c->pool_count) {
		CURL *h = c->pool[--c->pool_count];
		curl_easy_reset(h);
		return h;
	}
	return curl_easy_init();
}

static void
easy_put(struct fetch_ctx *c, CURL *h)
{
	if (c->pool_count == c->pool_cap) {
		c->pool_cap = c->pool_cap ? c->pool_cap * 2 : 32;
		c->pool = xrealloc(c->pool, c->pool_cap * sizeof *c->pool);
	}
	c->pool[c->pool_count++] = h;
}

/* Start (or continue after a redirect) the current hop of j. Returns 0, or -1 with a reason
 * in j->errbuf when it cannot start (the caller fails the feed). */
static int
hop_start(struct fetch_ctx *c, struct fetch_job *j)
{
	int64_t now = time_mono_ms();
	int64_t budget = min64((int64_t)c->opts->timeout_s * 1000 - (now - j->attempt_start_ms), c->deadline_ms - now);
	if (budget <= 0) {
		snprintf(j->errbuf, sizeof j->errbuf, "timed out after %d s", c->opts->timeout_s);
		return -1;
	}
	CURL *h = easy_get(c);
	if (!h) {
		snprintf(j->errbuf, sizeof j->errbuf, "out of memory starting the transfer");
		return -1;
	}
	j->easy = h;
	fetch_body_reset(c, j);
	j->etag[0] = j->last_modified[0] = j->retry_after[0] = j->errbuf[0] = '\0';
	curl_slist_free_all(j->headers);
	j->headers = curl_slist_append(NULL, ACCEPT_HEADER);
	char line[700];
	if (j->src.etag && strlen(j->src.etag) < 600) {
		snprintf(line, sizeof line, "If-None-Match: %s", j->src.etag);
		j->headers = curl_slist_append(j->headers, line);
	}
	if (j->src.last_modified && strlen(j->src.last_modified) < 600) {
		snprintf(line, sizeof line, "If-Modified-Since: %s", j->src.last_modified);
		j->headers = curl_slist_append(j->headers, line);
	}
	long connect_ms = (long)min64(budget, 10000);
	curl_easy_setopt(h, CURLOPT_URL, j->url);
	curl_easy_setopt(h, CURLOPT_PRIVATE, j);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, fetch_on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, j);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, j);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, j->errbuf);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, j->headers);
	curl_easy_setopt(h, CURLOPT_USERAGENT, j->src.user_agent ? j->src.user_agent : c->user_agent);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""); /* every decoder this libcurl has */
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);  /* redirects are followed in hop_done() */
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, (long)budget);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L); /* stalled bodies end before the timeout */
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, (long)(c->opts->timeout_s > 10 ? 10 : c->opts->timeout_s));
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)c->opts->max_body);
	curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	curl_easy_setopt(h, CURLOPT_PIPEWAIT, 1L); /* prefer a new stream on an h2 connection */
	curl_easy_setopt(h, CURLOPT_TCP_NODELAY, 1L);
	if (c->opts->ca_file) /* replaces the system's CAs; peer and host verification stay on */
		curl_easy_setopt(h, CURLOPT_CAINFO, c->opts->ca_file);
	if (curl_multi_add_handle(c->multi, h) != CURLM_OK) {
		snprintf(j->errbuf, sizeof j->errbuf, "cannot start the transfer");
		j->easy = NULL;
		easy_put(c, h);
		return -1;
	}
	return 0;
}

static void
job_release_easy(struct fetch_ctx *c, struct fetch_job *j)
{
	if (!j->easy)
		return;
	curl_multi_remove_handle(c->multi, j->easy);
	easy_put(c, j->easy);
	j->easy = NULL;
}

/* The feed is finished (stored or failed): free its slot and memory. */
static void
job_finish(struct fetch_ctx *c, struct fetch_job *j)
{
	job_release_easy(c, j);
	curl_slist_free_all(j->headers);
	j->headers = NULL;
	fetch_body_reset(c, j);
	buf_free(&j->body);
	c->hosts[j->host].in_flight--;
	buf_append(&c->warm, &j->host, sizeof j->host);
	c->in_flight--;
	c->unfinished--;
	c->progress.in_flight = c->in_flight;
}

static void
fail_job(struct fetch_ctx *c, struct fetch_job *j, int status, const char *error)
{
	int64_t ms = time_mono_ms() - j->attempt_start_ms;
	ingest_failure(c, j, status, error, ms);
	job_finish(c, j);
}

static void
attempt_begin(struct fetch_ctx *c, struct fetch_job *j)
{
	j->attempt++;
	j->attempt_start_ms = time_mono_ms();
	j->attempt_started_at = time_now();
	j->url = j->src.url;
	j->hops = 0;
	j->visited[0] = j->src.url;
	j->perm_url = NULL;
	j->is_perm_chain = 1;
	j->wire_bytes = 0;
	c->hosts[j->host].in_flight++;
	c->in_flight++;
	c->progress.in_flight = c->in_flight;
	if (hop_start(c, j) < 0) {
		char why[CURL_ERROR_SIZE];
		str_copy(why, j->errbuf, sizeof why);
		fail_job(c, j, 0, why);
	}
}

/* Start queued feeds while global and per-host slots are free: first on the hosts that just
 * freed a slot (their connection is warm), then round-robin over hosts. */
static void
schedule(struct fetch_ctx *c)
{
	/* attempt_begin can fail a feed at once, which appends to c->warm: index, don't hold a pointer */
	size_t n = c->warm.len / sizeof(size_t);
	for (size_t i = 0; i < n && c->in_flight < c->opts->concurrency; i++) {
		size_t host;
		memcpy(&host, c->warm.data + i * sizeof host, sizeof host);
		struct fetch_host *h = &c->hosts[host];
		if (h->head && h->in_flight < c->opts->per_host)
			attempt_begin(c, host_pop(c, h));
	}
	if (n) {
		size_t rest = c->warm.len - n * sizeof(size_t);
		memmove(c->warm.data, c->warm.data + n * sizeof(size_t), rest);
		c->warm.len = rest;
	}
	size_t idle = 0;
	while (c->queued > 0 && c->in_flight < c->opts->concurrency && idle < c->host_count) {
		struct fetch_host *h = &c->hosts[c->cursor];
		c->cursor = (c->cursor + 1) % c->host_count;
		if (!h->head || h->in_flight >= c->opts->per_host) {
			idle++;
			continue;
		}
		idle = 0;
		attempt_begin(c, host_pop(c, h));
	}
}

static uint64_t
rng_next(struct fetch_ctx *c)
{
	c->rng ^= c->rng << 13;
	c->rng ^= c->rng >> 7;
	c->rng ^= c->rng << 17;
	return c->rng;
}

/* Seconds from a Retry-After value (delta-seconds or an HTTP date), or -1. */
static int64_t
retry_after_s(const char *v)
{
	long n;
	int64_t t;
	if (!v[0])
		return -1;
	if (str_to_long(v, 0, 86400 * 7, &n) == 0)
		return n;
	if (date_parse(v, strlen(v), &t) == 0) {
		int64_t d = t - time_now();
		return d > 0 ? d : 0;
	}
	return -1;
}

/* Retry j after a quick transient failure when attempts and the run's deadline allow:
 * exponential backoff (0.5 s, 1 s, ...) with full jitter, or the server's Retry-After.
 * Returns 1 when a retry was scheduled (the slot is freed), 0 when the caller must fail it. */
static int
maybe_retry(struct fetch_ctx *c, struct fetch_job *j, int status, const char *error)
{
	if (j->attempt >= FETCH_MAX_ATTEMPTS)
		return 0;
	int64_t now = time_mono_ms();
	int64_t delay = 500LL << (j->attempt - 1);
	delay = delay / 2 + (int64_t)(rng_next(c) % (uint64_t)delay);
	int64_t ra = retry_after_s(j->retry_after);
	if (ra >= 0)
		delay = ra * 1000 > delay ? ra * 1000 : delay;
	/* Only when the retry can still finish a quick transfer inside the deadline. */
	if (now + delay + 1000 > c->deadline_ms)
		return 0;
	ingest_log_attempt(c, j, status, error, now - j->attempt_start_ms);
	job_release_easy(c, j);
	fetch_body_reset(c, j); /* nothing of a failed attempt is kept while it waits */
	c->hosts[j->host].in_flight--;
	c->in_flight--;
	c->progress.in_flight = c->in_flight;
	j->not_before_ms = now + delay;
	j->next = c->retry_head;
	c->retry_head = j;
	c->waiting_retry++;
	return 1;
}

/* Move retries whose backoff has passed to the front of their host queue; returns the
 * milliseconds until the next one is due (or 1000 when none waits). */
static int64_t
release_retries(struct fetch_ctx *c, int64_t now)
{
	int64_t next = 1000;
	struct fetch_job **pp = &c->retry_head;
	while (*pp) {
		struct fetch_job *j = *pp;
		if (j->not_before_ms <= now) {
			*pp = j->next;
			c->waiting_retry--;
			host_push(c, j, 1);
		} else {
			next = min64(next, j->not_before_ms - now);
			pp = &j->next;
		}
	}
	return next;
}

static const char *
curl_error_line(CURLcode rc, struct fetch_job *j, int timeout_s, char *out, size_t size)
{
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		snprintf(out, size, "timed out after %d s%s", timeout_s,
		         j->body_len ? " (body too slow)" : "");
		break;
	case CURLE_COULDNT_CONNECT:
		snprintf(out, size, "connection failed: %s", j->errbuf[0] ? j->errbuf : "refused");
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		snprintf(out, size, "cannot resolve host: %s", j->errbuf[0] ? j->errbuf : curl_easy_strerror(rc));
		break;
	case CURLE_FILESIZE_EXCEEDED:
		snprintf(out, size, "body larger than %zu MiB, aborted", j->max_body >> 20);
		break;
	default:
		snprintf(out, size, "%s", j->errbuf[0] ? j->errbuf : curl_easy_strerror(rc));
	}
	for (char *p = out; *p; p++) /* keep it one line */
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	return out;
}

static int
is_quick_transient(CURLcode rc)
{
	return rc == CURLE_COULDNT_CONNECT || rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR ||
	       rc == CURLE_GOT_NOTHING || rc == CURLE_PARTIAL_FILE || rc == CURLE_HTTP2 ||
	       rc == CURLE_HTTP2_STREAM;
}

static const char *
status_reason(int status)
{
	switch (status) {
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 410: return "Gone";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Timeout";
	default: return "";
	}
}

/* Follow one redirect of j; fails the feed on loops and long chains. */
static void
follow_redirect(struct fetch_ctx *c, struct fetch_job *j, int status)
{
	char *target = NULL;
	char err[1200];
	curl_easy_getinfo(j->easy, CURLINFO_REDIRECT_URL, &target);
	if (!target || !*target) {
		snprintf(err, sizeof err, "HTTP %d redirect without a usable Location", status);
		fail_job(c, j, status, err);
		return;
	}
	for (int i = 0; i <= j->hops; i++) {
		if (strcmp(j->visited[i], target) == 0) {
			snprintf(err, sizeof err, "redirect loop: %s -> %s", j->url, target);
			fail_job(c, j, status, err);
			return;
		}
	}
	if (j->hops >= FETCH_MAX_REDIRECTS) {
		snprintf(err, sizeof err, "too many redirects (more than %d)", FETCH_MAX_REDIRECTS);
		fail_job(c, j, status, err);
		return;
	}
	const char *next = arena_strdup(c->arena, target);
	if (j->is_perm_chain && (status == 301 || status == 308))
		j->perm_url = next;
	else
		j->is_perm_chain = 0;
	j->visited[++j->hops] = next;
	j->url = next;
	job_release_easy(c, j);
	if (hop_start(c, j) < 0) {
		str_copy(err, j->errbuf, sizeof err);
		fail_job(c, j, 0, err);
	}
}

/* A transfer ended: decide between stored, not modified, redirect, retry and failure. */
static void
hop_done(struct fetch_ctx *c, struct fetch_job *j, CURLcode rc)
{
	long status = 0;
	curl_off_t body_bytes = 0, total_us = 0;
	long header_bytes = 0;
	char err[1200];
	curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(j->easy, CURLINFO_SIZE_DOWNLOAD_T, &body_bytes);
	curl_easy_getinfo(j->easy, CURLINFO_HEADER_SIZE, &header_bytes);
	curl_easy_getinfo(j->easy, CURLINFO_TOTAL_TIME_T, &total_us);
	long http_version = 0, new_connections = 0;
	curl_easy_getinfo(j->easy, CURLINFO_HTTP_VERSION, &http_version);
	curl_easy_getinfo(j->easy, CURLINFO_NUM_CONNECTS, &new_connections);
	c->out->http2_transfers += http_version == CURL_HTTP_VERSION_2_0;
	c->out->connections += (int)new_connections;
	j->wire_bytes += (int64_t)body_bytes + header_bytes;
	c->out->bytes += (int64_t)body_bytes + header_bytes;
	c->progress.bytes = c->out->bytes;
	int64_t ms = time_mono_ms() - j->attempt_start_ms;

	if (rc != CURLE_OK) {
		if (j->is_too_big) {
			snprintf(err, sizeof err, "body larger than %zu MiB after decoding, aborted", j->max_body >> 20);
			fail_job(c, j, (int)status, err);
			return;
		}
		if (j->spill_errno) {
			snprintf(err, sizeof err, "cannot write the body to a temporary file in %s: %s", c->spill_dir,
			         strerror(j->spill_errno));
			fail_job(c, j, (int)status, err);
			return;
		}
		if (rc == CURLE_OPERATION_TIMEDOUT && time_mono_ms() >= c->deadline_ms - 50)
			snprintf(err, sizeof err, "not finished within the run's deadline (%lld s)",
			         (long long)((c->deadline_ms - c->start_ms) / 1000));
		else
			curl_error_line(rc, j, c->opts->timeout_s, err, sizeof err);
		if (!(is_quick_transient(rc) && maybe_retry(c, j, (int)status, err)))
			fail_job(c, j, (int)status, err);
		return;
	}
	if (status == 304) {
		ingest_not_modified(c, j, ms);
		job_finish(c, j);
		return;
	}
	if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
		follow_redirect(c, j, (int)status);
		return;
	}
	if (status >= 200 && status < 300) {
		char *ctype = NULL;
		curl_easy_getinfo(j->easy, CURLINFO_CONTENT_TYPE, &ctype);
		char *ct = ctype ? arena_strdup(&c->feed_arena, ctype) : NULL;
		ingest_body(c, j, (int)status, ct, ms);
		job_finish(c, j);
		return;
	}
	snprintf(err, sizeof err, "HTTP %ld%s%s", status, status_reason((int)status)[0] ? " " : "",
	         status_reason((int)status));
	if ((status == 429 || status >= 500) && maybe_retry(c, j, (int)status, err))
		return;
	fail_job(c, j, (int)status, err);
}

/* The run's deadline passed: everything unfinished fails with one clear reason. */
static void
abandon_all(struct fetch_ctx *c)
{
	char err[128];
	snprintf(err, sizeof err, "not finished within the run's deadline (%lld s)",
	         (long long)((c->deadline_ms - c->start_ms) / 1000));
	for (size_t i = 0; i < c->job_count; i++) {
		struct fetch_job *j = &c->jobs[i];
		if (j->easy) {
			fail_job(c, j, 0, err);
		}
	}
	for (struct fetch_job *j = c->retry_head; j; j = j->next) {
		c->hosts[j->host].in_flight++;
		c->in_flight++;
		fail_job(c, j, 0, err);
	}
	c->retry_head = NULL;
	for (size_t h = 0; h < c->host_count; h++) {
		while (c->hosts[h].head) {
			struct fetch_job *j = host_pop(c, &c->hosts[h]);
			j->attempt_start_ms = time_mono_ms();
			j->attempt_started_at = time_now();
			c->hosts[h].in_flight++;
			c->in_flight++;
			fail_job(c, j, 0, err);
		}
	}
}

static void
run_loop(struct fetch_ctx *c)
{
	while (c->unfinished > 0) {
		int64_t now = time_mono_ms();
		if (now >= c->deadline_ms) {
			abandon_all(c);
			break;
		}
		int64_t wait = release_retries(c, now);
		schedule(c);
		int running = 0;
		curl_multi_perform(c->multi, &running);
		CURLMsg *msg;
		int left;
		while ((msg = curl_multi_info_read(c->multi, &left))) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			struct fetch_job *j = NULL;
			CURLcode rc = msg->data.result;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&j);
			hop_done(c, j, rc);
		}
		schedule(c);
		ingest_flush(c, 0);
		progress_draw(&c->progress, 0);
		if (c->unfinished == 0)
			break;
		wait = min64(wait, c->deadline_ms - time_mono_ms());
		if (c->in_tx) /* wake up to commit the open group in time */
			wait = min64(wait, c->tx_start_ms + INGEST_COMMIT_MS - time_mono_ms());
		if (c->progress.mode == 2)
			wait = min64(wait, 200);
		if (wait < 0)
			wait = 0;
		curl_multi_poll(c->multi, NULL, 0, (int)wait, NULL);
	}
}

int
fetch_run(struct store *st, const struct config *cfg, const struct fetch_opts *opts, struct arena *arena,
          struct fetch_summary *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	int64_t t0 = time_mono_ms();
	struct source *sources;
	size_t count;
	if (load_sources(st, opts, arena, &sources, &count, e) < 0)
		return -1;
	struct fetch_ctx ctx, *c = &ctx;
	memset(c, 0, sizeof *c);
	if (store_items_open(&c->items, st, e) < 0)
		return -1;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		store_items_close(&c->items);
		return err_set(e, "cannot initialise libcurl");
	}
	const char *cfg_ua = cfg ? config_get(cfg, "fetch", "user_agent") : NULL;
	c->st = st;
	c->opts = opts;
	c->arena = arena;
	c->out = out;
	c->user_agent = opts->user_agent ? opts->user_agent : cfg_ua && *cfg_ua ? cfg_ua : DEFAULT_USER_AGENT;
	c->start_ms = t0;
	fetch_spill_dir(st, c->spill_dir, sizeof c->spill_dir);
	int deadline_s = opts->deadline_s > 0 ? opts->deadline_s : opts->timeout_s * 4 > 120 ? opts->timeout_s * 4 : 120;
	c->deadline_ms = t0 + (int64_t)deadline_s * 1000;
	c->rng = (uint64_t)t0 * 0x9e3779b97f4a7c15ULL ^ (uint64_t)getpid() ^ 0x2545f4914f6cdd1dULL;
	c->multi = curl_multi_init();
	curl_multi_setopt(c->multi, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
	curl_multi_setopt(c->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)opts->per_host);
	curl_multi_setopt(c->multi, CURLMOPT_MAXCONNECTS, (long)(opts->concurrency * 2));

	out->source_ids = arena_alloc(arena, (count ? count : 1) * sizeof *out->source_ids);
	c->jobs = xcalloc(count ? count : 1, sizeof *c->jobs);
	for (size_t i = 0; i < count; i++) {
		struct fetch_job *j = &c->jobs[c->job_count++];
		char host[256];
		j->src = sources[i];
		j->max_body = opts->max_body;
		j->ctx = c;
		j->spill_fd = -1;
		j->host = host_lookup(c, net_url_host(j->src.url, host, sizeof host));
		host_push(c, j, 0);
		out->source_ids[out->source_count++] = j->src.id;
	}
	c->unfinished = (int)count;
	out->feeds_total = (int)count;
	progress_start(&c->progress, opts->progress ? (isatty(2) ? 2 : 1) : 0, (int)count);
	run_loop(c);
	ingest_flush(c, 1);
	progress_end(&c->progress);

	out->failures = (struct fetch_failure *)c->failures.data;
	out->failure_count = c->failures.len / sizeof(struct fetch_failure);
	if (out->failure_count) { /* move into the arena so the caller owns nothing else */
		struct fetch_failure *f = arena_alloc(arena, c->failures.len);
		memcpy(f, c->failures.data, c->failures.len);
		out->failures = f;
	}
	buf_free(&c->failures);
	buf_free(&c->batch);
	buf_free(&c->warm);
	for (size_t i = 0; i < c->pool_count; i++)
		curl_easy_cleanup(c->pool[i]);
	free(c->pool);
	curl_multi_cleanup(c->multi);
	for (size_t i = 0; i < c->host_count; i++)
		free(c->hosts[i].name);
	free(c->hosts);
	free(c->host_index);
	free(c->jobs);
	arena_free(&c->feed_arena);
	store_items_close(&c->items);
	curl_global_cleanup();
	out->seconds = (double)(time_mono_ms() - t0) / 1000.0;
	return 0;
}

void
fetch_summary_json(const struct fetch_summary *s, struct buf *out)
{
	json_t *failures = json_array();
	for (size_t i = 0; i < s->failure_count; i++)
		json_array_append_new(failures, json_pack("{s:s, s:s}", "url", s->failures[i].url, "error",
		                                          s->failures[i].error));
	json_t *o = json_pack("{s:i, s:i, s:i, s:i, s:I, s:I, s:I, s:f, s:o}", "feeds_total", s->feeds_total,
	                      "feeds_ok", s->feeds_ok, "feeds_not_modified", s->feeds_not_modified,
	                      "feeds_failed", s->feeds_failed, "items_new", (json_int_t)s->items_new,
	                      "items_total", (json_int_t)s->items_total, "bytes", (json_int_t)s->bytes,
	                      "seconds", (double)(int64_t)(s->seconds * 1000 + 0.5) / 1000.0, "failures",
	                      failures);
	char *text = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT);
	buf_puts(out, text);
	free(text);
	json_decref(o);
}
