/* attempt.c: one attempt of a feed, hop by hop: the request of each hop (conditional
 * headers, timeouts, the pool of reusable easy handles, response header capture), the end of a
 * transfer (stored, not modified, redirect, retry or failure), redirect following with loop and
 * chain-length checks, the retry policy (quick transient failures, 429 and 5xx; exponential
 * backoff with jitter over [d/2, 3d/2) or the server's Retry-After) and releasing a finished feed's slot.
 * fetch.c schedules attempts and drives the event loop. */
#include <string.h>
#include <time.h>

#include "net/fetch_internal.h"
#include "net/retry.h"
#include "util/str.h"
#include "util/timeutil.h"

#define PAGE_ACCEPT_HEADER "Accept: text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

/* The value of a response header line (its name_len bytes of name and colon skipped), trimmed,
 * into out; "" when it does not fit or holds a control character other than a tab: libcurl
 * passes a bare CR inside a line through, and a validator is sent back in the next request. */
static void
header_value(const char *line, size_t len, size_t name_len, char *out, size_t size)
{
	const char *v = line + name_len;
	size_t vlen = len - name_len;
	str_trim(&v, &vlen);
	if (vlen >= size) /* a truncated validator would be wrong: drop it */
		vlen = 0;
	for (size_t i = 0; i < vlen; i++)
		if (((unsigned char)v[i] < 0x20 && v[i] != '\t') || v[i] == 0x7f)
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
		j->is_encoded = 0;
		j->is_delimited = !(len >= 8 && memcmp(line, "HTTP/1.", 7) == 0); /* HTTP/2 and 3 frame it */
	} else if (len > 15 && str_ncasecmp(line, "content-length:", 15) == 0) {
		j->is_delimited = 1;
	} else if (len > 18 && str_ncasecmp(line, "transfer-encoding:", 18) == 0) {
		char v[64];
		header_value(line, len, 18, v, sizeof v);
		j->is_delimited |= str_icasestr(v, strlen(v), "chunked") != NULL;
	} else if (len > 17 && str_ncasecmp(line, "content-encoding:", 17) == 0) {
		char v[64];
		header_value(line, len, 17, v, sizeof v);
		j->is_encoded = v[0] && str_ncasecmp(v, "identity", 8) != 0;
	} else if (len > 5 && str_ncasecmp(line, "etag:", 5) == 0) {
		header_value(line, len, 5, j->etag, sizeof j->etag);
	} else if (len > 14 && str_ncasecmp(line, "last-modified:", 14) == 0) {
		header_value(line, len, 14, j->last_modified, sizeof j->last_modified);
	} else if (len > 12 && str_ncasecmp(line, "retry-after:", 12) == 0) {
		header_value(line, len, 12, j->retry_after, sizeof j->retry_after);
	}
	return len;
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

/* Seconds without a byte after which a transfer counts as stalled and ends (curl's low-speed
 * limit): 10, or the whole timeout when that is shorter. */
static int
stall_s(int timeout_s)
{
	return timeout_s > 10 ? 10 : timeout_s;
}

void
fetch_easy_setup(CURL *h, const struct fetch_opts *opts, const char *url, const char *user_agent, int64_t budget_ms)
{
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_USERAGENT, user_agent);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""); /* every decoder this libcurl has */
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);  /* redirects are followed hop by hop */
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, (long)min64(budget_ms, 10000));
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, (long)budget_ms);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L); /* stalled bodies end before the timeout */
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, (long)stall_s(opts->timeout_s));
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)opts->max_body);
	curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	curl_easy_setopt(h, CURLOPT_TCP_NODELAY, 1L);
	if (opts->ca_file) /* replaces the system's CAs; peer and host verification stay on */
		curl_easy_setopt(h, CURLOPT_CAINFO, opts->ca_file);
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
	/* The source URL may point anywhere; where its redirects lead is checked (net/guard.h).
	 * An item's page link came from a feed: it is checked from the first hop. */
	net_guard_start(&j->guard, &c->guard_policy,
	                j->is_page || j->src.url_checked || (j->hops > 0 && !j->origin_private));
	if (net_guard_check_url(&j->guard, j->url) < 0) {
		str_copy(j->errbuf, j->guard.refused, sizeof j->errbuf);
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
	j->headers = curl_slist_append(NULL, j->is_page ? PAGE_ACCEPT_HEADER : FETCH_ACCEPT_HEADER);
	char line[700];
	j->is_conditional = 0;
	if (j->src.etag && strlen(j->src.etag) < 600) {
		snprintf(line, sizeof line, "If-None-Match: %s", j->src.etag);
		j->headers = curl_slist_append(j->headers, line);
		j->is_conditional = 1;
	}
	if (j->src.last_modified && strlen(j->src.last_modified) < 600) {
		snprintf(line, sizeof line, "If-Modified-Since: %s", j->src.last_modified);
		j->headers = curl_slist_append(j->headers, line);
		j->is_conditional = 1;
	}
	fetch_easy_setup(h, c->opts, j->url, j->src.user_agent ? j->src.user_agent : c->user_agent, budget);
	if (j->undecodable) { /* ask for no encoding, and take whatever label comes back as a wrong one */
		curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, NULL);
		curl_easy_setopt(h, CURLOPT_HTTP_CONTENT_DECODING, 0L);
	}
	curl_easy_setopt(h, CURLOPT_PRIVATE, j);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, fetch_on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, j);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, j);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, j->errbuf);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, j->headers);
	curl_easy_setopt(h, CURLOPT_PIPEWAIT, 1L); /* prefer a new stream on an h2 connection */
	net_guard_install(h, &j->guard);
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
void
fetch_job_finish(struct fetch_ctx *c, struct fetch_job *j)
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

void
fetch_job_fail(struct fetch_ctx *c, struct fetch_job *j, int status, const char *error)
{
	int64_t ms = time_mono_ms() - j->attempt_start_ms;
	ingest_failure(c, j, status, error, ms);
	fetch_job_finish(c, j);
}

void
fetch_attempt_begin(struct fetch_ctx *c, struct fetch_job *j)
{
	j->attempt++;
	j->attempt_start_ms = time_mono_ms();
	j->attempt_started_at = time_now();
	j->url = j->src.url;
	j->hops = 0;
	j->visited[0] = j->src.url;
	j->perm_url = NULL;
	j->is_perm_chain = 1;
	j->origin_private = 0;
	j->undecodable = NULL;
	j->wire_bytes = 0;
	c->hosts[j->host].in_flight++;
	c->in_flight++;
	c->progress.in_flight = c->in_flight;
	if (hop_start(c, j) < 0) {
		char why[CURL_ERROR_SIZE];
		str_copy(why, j->errbuf, sizeof why);
		fetch_job_fail(c, j, 0, why);
	}
}

/* Retry j after a quick transient failure when attempts and the run's deadline allow:
 * exponential backoff (0.5 s, 1 s, ...), each delay d drawn from [d/2, 3d/2) so retries
 * of many feeds spread out, or the server's Retry-After when it asks for longer.
 * A 429 (or a 5xx with Retry-After) holds the whole host for that delay.
 * Returns 1 when a retry was scheduled (the slot is freed), 0 when the caller must fail it. */
static int
maybe_retry(struct fetch_ctx *c, struct fetch_job *j, int status, const char *error)
{
	int64_t now = time_mono_ms();
	int64_t ra = retry_after_ms(j->retry_after);
	/* A 429, or a 5xx naming its time, speaks for the host: its other feeds wait as long
	 * (schedule() skips it) instead of each earning a refusal of its own. */
	int is_host_wait = status == 429 || (status >= 500 && ra >= 0);
	int64_t delay = 0;
	if (j->attempt < FETCH_MAX_ATTEMPTS) {
		delay = 500LL << (j->attempt - 1);
		delay = delay / 2 + (int64_t)(retry_rand(&c->rng) % (uint64_t)delay);
	}
	if (ra > delay)
		delay = ra;
	/* Only when the retry can still finish a quick transfer inside the deadline. When the
	 * server's time is past it, the feed fails now, and the host is remembered as waiting
	 * until then: its queued feeds are not asked (fetch.c), nor its feeds by later runs
	 * before that time (sources.not_before), instead of asking again at once. */
	if (j->attempt >= FETCH_MAX_ATTEMPTS || now + delay + 1000 > c->deadline_ms) {
		if (is_host_wait && ra > 0) {
			struct fetch_host *h = &c->hosts[j->host];
			j->wait_until = (int64_t)time(NULL) + (ra + 999) / 1000;
			if (h->not_before_ms < now + ra)
				h->not_before_ms = now + ra;
			if (h->wait_until < j->wait_until)
				h->wait_until = j->wait_until;
			c->is_host_waiting = 1;
		}
		return 0;
	}
	/* The retry of j is due when the host's wait ends, so the loop wakes up then. */
	if (is_host_wait) {
		struct fetch_host *h = &c->hosts[j->host];
		if (h->not_before_ms < now + delay)
			h->not_before_ms = now + delay;
	}
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

static const char *
curl_error_line(CURLcode rc, struct fetch_job *j, int timeout_s, char *out, size_t size)
{
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		/* The low-speed limit (hop_start) ends a stalled transfer before the timeout: say so,
		 * rather than naming a timeout that did not pass. libcurl's message for it has begun
		 * "Operation too slow" since the option exists. */
		if (strncmp(j->errbuf, "Operation too slow", 18) == 0)
			snprintf(out, size, "timed out: no data for %d s", stall_s(timeout_s));
		else
			snprintf(out, size, "timed out after %d s%s", timeout_s, j->body_len ? " (body too slow)" : "");
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

int
fetch_is_redirect(long status)
{
	return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

const char *
fetch_redirect_target(CURL *h, long status, const char *const *visited, int hops, struct arena *a, char *why,
                      size_t why_size)
{
	char *target = NULL;
	curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &target);
	if (!target || !*target) {
		snprintf(why, why_size, "HTTP %ld redirect without a usable Location", status);
		return NULL;
	}
	for (int i = 0; i <= hops; i++) {
		if (strcmp(visited[i], target) == 0) {
			snprintf(why, why_size, "redirect loop: %s -> %s", visited[hops], target);
			return NULL;
		}
	}
	if (hops >= FETCH_MAX_REDIRECTS) {
		snprintf(why, why_size, "too many redirects (more than %d)", FETCH_MAX_REDIRECTS);
		return NULL;
	}
	return arena_strdup(a, target);
}

/* Follow one redirect of j; fails the feed on loops and long chains. */
static void
follow_redirect(struct fetch_ctx *c, struct fetch_job *j, int status)
{
	char err[1200];
	/* Where the user's URL really led decides where its redirects may go, but only while every
	 * hop stayed on a non-public address: a public host in the chain may not send the next hop
	 * back into the intranet (the allowance is the user's URL's, no one else's). */
	if (!j->is_page)
		j->origin_private = net_guard_chain_private(j->hops, j->origin_private, &j->guard);
	const char *next = fetch_redirect_target(j->easy, status, j->visited, j->hops, c->arena, err, sizeof err);
	if (!next) {
		fetch_job_fail(c, j, status, err);
		return;
	}
	if (j->is_perm_chain && (status == 301 || status == 308))
		j->perm_url = next;
	else
		j->is_perm_chain = 0;
	j->visited[++j->hops] = next;
	j->url = next;
	j->undecodable = NULL;
	job_release_easy(c, j);
	if (hop_start(c, j) < 0) {
		str_copy(err, j->errbuf, sizeof err);
		fetch_job_fail(c, j, 0, err);
	}
}

/* True when the transfer that ended with rc failed in libcurl's decoder: the response named a
 * Content-Encoding its body does not have. A br decoder's failure comes back as a write error
 * ("Failed writing received data to disk/application"); fetch_on_body's own refusals (the cap,
 * the spill file) are told apart by their flags, which the caller checks first. */
static int
is_undecodable(CURLcode rc, const struct fetch_job *j)
{
	return rc == CURLE_BAD_CONTENT_ENCODING || (rc == CURLE_WRITE_ERROR && j->is_encoded);
}

/* Ask the current hop of j again for its body as sent (undecodable), within the same attempt
 * and budget: a server that labels a plain feed gzip or br (a compression module applied twice,
 * a pre-compressed file's header on the plain one) sends a whole document that a reader
 * parses, as feedparser does. A body that really is corrupt then fails as not a feed, with
 * the decoder's message (ingest.c). */
static void
refetch_raw(struct fetch_ctx *c, struct fetch_job *j, CURLcode rc)
{
	char err[CURL_ERROR_SIZE];
	j->undecodable = arena_strdup(c->arena, j->errbuf[0] ? j->errbuf : curl_easy_strerror(rc));
	job_release_easy(c, j);
	if (hop_start(c, j) < 0) {
		str_copy(err, j->errbuf, sizeof err);
		fetch_job_fail(c, j, 0, err);
	}
}

/* A transfer ended: decide between stored, not modified, redirect, retry and failure. */
void
fetch_hop_done(struct fetch_ctx *c, struct fetch_job *j, CURLcode rc)
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
		if (j->guard.refused[0]) { /* the address policy, not the network: no retry */
			fetch_job_fail(c, j, (int)status, j->guard.refused);
			return;
		}
		if (j->is_too_big) {
			snprintf(err, sizeof err, "body larger than %zu MiB after decoding, aborted", j->max_body >> 20);
			fetch_job_fail(c, j, (int)status, err);
			return;
		}
		if (j->spill_errno) {
			snprintf(err, sizeof err, "cannot write the body to a temporary file in %s: %s", c->spill_dir,
			         strerror(j->spill_errno));
			fetch_job_fail(c, j, (int)status, err);
			return;
		}
		if (is_undecodable(rc, j) && !j->undecodable) {
			refetch_raw(c, j, rc);
			return;
		}
		if (rc == CURLE_OPERATION_TIMEDOUT && time_mono_ms() >= c->deadline_ms - 50)
			snprintf(err, sizeof err, "not finished within the run's deadline (%lld s)",
			         (long long)((c->deadline_ms - c->start_ms) / 1000));
		else
			curl_error_line(rc, j, c->opts->timeout_s, err, sizeof err);
		if (!(is_quick_transient(rc) && maybe_retry(c, j, (int)status, err)))
			fetch_job_fail(c, j, (int)status, err);
		return;
	}
	/* A permanent redirect is remembered only once its target served (ingest stores perm_url
	 * with a valid feed or a 304), never from a public source to a non-public address
	 * (possible only with allow_private), and never for an ad-hoc source: its --feeds file
	 * names it by the old URL on every run, which would then add it again as a new source. */
	if (j->perm_url && ((j->guard.saw_private && !j->origin_private) || j->src.kind == SOURCE_ADHOC))
		j->perm_url = NULL;
	if (status == 304 && !j->is_page && !j->is_conditional) {
		/* nothing to be "not modified" against: a feed never stored would stay "ok" and empty */
		fetch_job_fail(c, j, 304, "HTTP 304 to a request without validators");
		return;
	}
	if (status == 304) {
		ingest_not_modified(c, j, ms);
		fetch_job_finish(c, j);
		return;
	}
	if (fetch_is_redirect(status)) {
		follow_redirect(c, j, (int)status);
		return;
	}
	if (status >= 200 && status < 300) {
		char *ctype = NULL;
		curl_easy_getinfo(j->easy, CURLINFO_CONTENT_TYPE, &ctype);
		char *ct = ctype ? arena_strdup(&c->feed_arena, ctype) : NULL;
		if (ingest_body(c, j, (int)status, ct, ms) == 0)
			fetch_job_finish(c, j);
		return;
	}
	snprintf(err, sizeof err, "HTTP %ld%s%s", status, status_reason((int)status)[0] ? " " : "",
	         status_reason((int)status));
	if ((status == 429 || status >= 500) && maybe_retry(c, j, (int)status, err))
		return;
	if (j->wait_until) {
		char when[32];
		time_format_rfc3339(j->wait_until, when, sizeof when);
		size_t n = strlen(err);
		snprintf(err + n, sizeof err - n, "; Retry-After: not asked again before %s", when);
	}
	fetch_job_fail(c, j, (int)status, err);
}
