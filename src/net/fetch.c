/* fetch.c: the fetch run: options, which sources, per-host queues, scheduling, the curl
 * multi event loop, releasing retries after their backoff, and the run deadline. Each
 * attempt (requests, redirects, the retry policy, timeouts) is attempt.c's.
 *
 * One thread drives every transfer. A feed waits in its host's queue until both a global
 * slot (opts->concurrency) and a host slot (opts->per_host) are free, so curl never queues
 * a transfer internally and the per-transfer timeout measures the transfer alone. A slot a
 * host frees goes first to that host's next feed, whose transfer then reuses the connection
 * just left idle in curl's cache (a new TCP or TLS handshake per feed otherwise); the other
 * free slots go to hosts round-robin, so a host never holds more than its per-host slots
 * and one host with many feeds cannot starve the others. Redirects are
 * followed by attempt.c (not by curl) to detect loops and to learn which hops were permanent.
 *
 * With full text on (opts->full_text), the article pages of a feed's recent thin items are
 * queued as soon as the group that stored the feed commits (fetch_pages_queue, called by
 * ingest.c), so they are fetched while slower feeds are still on the wire rather than after
 * the slowest one; they go through the same queues, slots and loop under a deadline of
 * their own; page.c stores each outcome. */
#include "net/fetch.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "feed/date.h"
#include "feed/opml.h"
#include "feed/url.h"
#include "net/fetch_internal.h"
#include "store/checkpoint.h"
#include "store/fulltext.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/log.h"
#include "util/redact.h"
#include "util/str.h"
#include "util/strlist.h"
#include "util/timeutil.h"

void
fetch_opts_default(struct fetch_opts *opts)
{
	memset(opts, 0, sizeof *opts);
	const struct config_values *d = config_values(NULL); /* the defaults: one table */
	opts->concurrency = (int)d->fetch_concurrency;
	opts->per_host = (int)d->fetch_per_host;
	opts->timeout_s = (int)d->fetch_timeout;
	opts->deadline_s = (int)d->fetch_deadline;
	opts->max_body = (size_t)d->fetch_max_body_mb << 20;
	opts->progress = 1;
	opts->full_text_min_chars = (int)d->fetch_full_text_min_chars;
	opts->full_text_max = (int)d->fetch_full_text_max;
}

int
fetch_opts_from_config(struct fetch_opts *opts, const struct config *cfg, struct err *e)
{
	const struct config_values *v = config_values(cfg);
	opts->concurrency = (int)v->fetch_concurrency;
	opts->per_host = (int)v->fetch_per_host;
	opts->timeout_s = (int)v->fetch_timeout;
	opts->deadline_s = (int)v->fetch_deadline;
	opts->max_body = (size_t)v->fetch_max_body_mb << 20;
	opts->full_text = v->fetch_full_text;
	opts->full_text_min_chars = (int)v->fetch_full_text_min_chars;
	opts->full_text_max = (int)v->fetch_full_text_max;
	opts->full_text_deadline_s = (int)v->fetch_full_text_deadline;
	opts->full_text_always = v->fetch_full_text_always;
	opts->full_text_never = v->fetch_full_text_never;
	const char *ua = v->fetch_user_agent;
	if (ua && *ua)
		opts->user_agent = ua;
	const char *ca = v->fetch_ca_file;
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
	if (read_opml(fs_data_file("hn-popular-blogs-2025.opml", path, sizeof path), &a, &feeds, &n, e) < 0)
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
	size_t skipped = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t id;
		if (url_feed_check(feeds[i].xml_url) != URL_FEED_OK) { /* never stored (feed/url.h) */
			skipped++;
			continue;
		}
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
	if (skipped)
		log_warn("%s: %zu entries skipped: their URLs cannot be feeds (brief feeds import says which and why)",
		         opts->feeds_opml, skipped);
	*out = arr;
	*count = k;
	return 0;
}

int
fetch_source_is_gone(const struct source *src)
{
	return src->kind != SOURCE_ADHOC && src->last_status == 410 && src->last_error;
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
/* ---- scheduling ---- */

/* Start queued feeds while global and per-host slots are free: first on the hosts that just
 * freed a slot (their connection is warm), then round-robin over hosts; a host that asked us
 * to wait (not_before_ms) is skipped until then. */
static void
schedule(struct fetch_ctx *c)
{
	int64_t now = time_mono_ms();
	/* fetch_attempt_begin can fail a feed at once, which appends to c->warm: index, don't hold a pointer */
	size_t n = c->warm.len / sizeof(size_t);
	for (size_t i = 0; i < n && c->in_flight < c->opts->concurrency; i++) {
		size_t host;
		memcpy(&host, c->warm.data + i * sizeof host, sizeof host);
		struct fetch_host *h = &c->hosts[host];
		if (h->head && h->in_flight < c->opts->per_host && h->not_before_ms <= now)
			fetch_attempt_begin(c, host_pop(c, h));
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
		if (!h->head || h->in_flight >= c->opts->per_host || h->not_before_ms > now) {
			idle++;
			continue;
		}
		idle = 0;
		fetch_attempt_begin(c, host_pop(c, h));
	}
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

/* Fail, without asking, the queued feeds of each host whose server asked to wait
 * (Retry-After, this run or a run before: wait_until) past the run's deadline: waiting would
 * only hold the run until its deadline, and asking anyway would earn more refusals. Each is
 * stored as waiting too, so the next run skips the host as long. */
static void
not_asked(struct fetch_ctx *c)
{
	if (!c->is_host_waiting)
		return;
	for (size_t i = 0; i < c->host_count; i++) {
		struct fetch_host *h = &c->hosts[i];
		if (!h->wait_until || h->not_before_ms + 1000 <= c->deadline_ms)
			continue;
		struct fetch_job *pages = NULL; /* article pages keep waiting, for their own deadline */
		while (h->head) {
			struct fetch_job *j = host_pop(c, h);
			if (j->is_page) {
				j->next = pages;
				pages = j;
				continue;
			}
			j->wait_until = h->wait_until;
			ingest_not_asked(c, j, h->wait_until);
			h->in_flight++; /* fetch_job_finish releases a slot */
			c->in_flight++;
			fetch_job_finish(c, j);
		}
		while (pages) {
			struct fetch_job *j = pages;
			pages = j->next;
			host_push(c, j, 1);
		}
	}
}

/* The pages' deadline in seconds: [fetch] full_text_deadline, else as long as the run's. */
static int
page_deadline_s(const struct fetch_ctx *c)
{
	if (c->opts->full_text_deadline_s > 0)
		return c->opts->full_text_deadline_s;
	return (int)((c->deadline_ms - c->start_ms) / 1000);
}

/* Which jobs abandon() fails. */
enum { JOBS_FEEDS = 1, JOBS_PAGES = 2, JOBS_ALL = 3 };

static int
job_is(const struct fetch_job *j, int kinds)
{
	return (kinds & (j->is_page ? JOBS_PAGES : JOBS_FEEDS)) != 0;
}

/* Fail a job that holds no slot with err: queued (its attempt is now, for the log) or
 * waiting for its retry (is_retry: the log keeps the attempt that failed last). */
static void
fail_waiting(struct fetch_ctx *c, struct fetch_job *j, int is_retry, const char *err)
{
	if (!is_retry) {
		j->attempt_start_ms = time_mono_ms();
		j->attempt_started_at = time_now();
	}
	c->hosts[j->host].in_flight++;
	c->in_flight++;
	fetch_job_fail(c, j, 0, err);
}

/* Fail an in-flight job of kinds with err; one being parsed was fetched in time: it stays. */
static void
fail_running(struct fetch_ctx *c, struct fetch_job *j, int kinds, const char *err)
{
	if (j->easy && !j->is_parsing && job_is(j, kinds))
		fetch_job_fail(c, j, 0, err);
}

/* A deadline passed (the feeds' or the pages'), or the store broke (why, JOBS_ALL): every
 * unfinished job of kinds fails with one reason. */
static void
abandon(struct fetch_ctx *c, int kinds, const char *why)
{
	char err[600];
	if (why)
		snprintf(err, sizeof err, "not stored: %s", why);
	else if (kinds == JOBS_PAGES)
		snprintf(err, sizeof err, "not finished within the full-text deadline (%d s)", page_deadline_s(c));
	else
		snprintf(err, sizeof err, "not finished within the run's deadline (%lld s)",
		         (long long)((c->deadline_ms - c->start_ms) / 1000));
	for (size_t i = 0; i < c->job_count; i++)
		fail_running(c, &c->jobs[i], kinds, err);
	const struct page_block *b = (const struct page_block *)c->page_blocks.data;
	for (size_t k = 0; k < c->page_blocks.len / sizeof *b; k++)
		for (size_t i = 0; i < b[k].n; i++)
			fail_running(c, &b[k].jobs[i], kinds, err);
	struct fetch_job *keep = NULL, **pp = &c->retry_head;
	while (*pp) {
		struct fetch_job *j = *pp;
		*pp = j->next;
		if (job_is(j, kinds)) {
			c->waiting_retry--;
			fail_waiting(c, j, 1, err);
		} else {
			j->next = keep;
			keep = j;
		}
	}
	c->retry_head = keep;
	for (size_t h = 0; h < c->host_count; h++) {
		struct fetch_host *host = &c->hosts[h];
		struct fetch_job *q = host->head;
		host->head = host->tail = NULL;
		while (q) {
			struct fetch_job *j = q;
			q = q->next;
			c->queued--;
			if (job_is(j, kinds))
				fail_waiting(c, j, 0, err);
			else
				host_push(c, j, 0);
		}
	}
}

/* The loop: until every job queued so far is finished, the store broke (everything left
 * fails) or the feeds' and the pages' deadlines have both passed (what is left of each fails
 * at its own). */
static void
run_loop(struct fetch_ctx *c)
{
	while (c->unfinished > 0) {
		int64_t now = time_mono_ms();
		if (c->store_error[0]) {
			abandon(c, JOBS_ALL, c->store_error);
			break;
		}
		if (!c->is_feeds_ended && now >= c->deadline_ms) {
			abandon(c, JOBS_FEEDS, NULL);
			c->is_feeds_ended = 1;
		}
		if (c->page_deadline_ms && now >= c->page_deadline_ms)
			abandon(c, JOBS_PAGES, NULL);
		int64_t wait = release_retries(c, now);
		not_asked(c);
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
			fetch_hop_done(c, j, rc);
		}
		parse_collect(c, 0);
		schedule(c);
		ingest_flush(c, 0); /* a commit may queue pages */
		schedule(c);
		progress_draw(&c->progress, 0);
		if (c->unfinished == 0)
			break;
		if (!c->is_feeds_ended)
			wait = min64(wait, c->deadline_ms - time_mono_ms());
		if (c->page_deadline_ms)
			wait = min64(wait, c->page_deadline_ms - time_mono_ms());
		if (c->in_tx) /* wake up to commit the open group in time */
			wait = min64(wait, c->tx_start_ms + INGEST_COMMIT_MS - time_mono_ms());
		if (c->progress.mode == 2)
			wait = min64(wait, 200);
		if (wait < 0)
			wait = 0;
		curl_multi_poll(c->multi, NULL, 0, (int)wait, NULL);
	}
}

/* ---- article pages (full text) ---- */

/* True when url is one of the comma-separated entries of list: a feed URL, or its host. */
static int
listed(const char *list, const char *url)
{
	if (!list || !*list)
		return 0;
	char host[256];
	url_host(url, host, sizeof host);
	const char *p = list, *v;
	size_t vn;
	while (strlist_next(&p, ",", &v, &vn))
		if ((strlen(url) == vn && memcmp(url, v, vn) == 0) || (strlen(host) == vn && str_ncasecmp(host, v, vn) == 0))
			return 1;
	return 0;
}

/* A feed's full-text mode from [fetch] full_text_always / full_text_never. */
static enum fulltext_mode
mode_of(const struct fetch_opts *o, const char *source_url)
{
	if (listed(o->full_text_never, source_url))
		return FULLTEXT_NEVER;
	return listed(o->full_text_always, source_url) ? FULLTEXT_ALWAYS : FULLTEXT_AUTO;
}

void
fetch_pages_queue(struct fetch_ctx *c, struct fetch_job *const *feeds, size_t n)
{
	const struct fetch_opts *opts = c->opts;
	int left = opts->full_text_max - c->out->pages_total;
	if (!opts->full_text || n == 0 || left <= 0 || c->store_error[0] ||
	    (c->page_deadline_ms && time_mono_ms() >= c->page_deadline_ms))
		return; /* pages past the deadline are asked for by the next run, not failed unasked */
	struct fulltext_source *sources = xcalloc(n, sizeof *sources);
	for (size_t i = 0; i < n; i++)
		sources[i] = (struct fulltext_source){feeds[i]->src.id, mode_of(opts, feeds[i]->src.url)};
	struct fulltext_want *want;
	size_t count;
	struct err e;
	int64_t now = time_now();
	int rc = store_fulltext_wanted(c->st, sources, n, now - FULLTEXT_WINDOW_S, now, opts->full_text_min_chars,
	                               (size_t)left, c->arena, &want, &count, &e);
	free(sources);
	if (rc < 0) {
		ingest_store_broken(c, e.msg);
		return;
	}
	if (count == 0)
		return;
	struct page_block b = {xcalloc(count, sizeof *b.jobs), count};
	buf_append(&c->page_blocks, &b, sizeof b);
	for (size_t i = 0; i < count; i++) {
		struct fetch_job *j = &b.jobs[i];
		char host[256];
		j->is_page = 1;
		j->item_id = want[i].item_id;
		for (size_t k = 0; k < n && !j->feed; k++) /* a group holds at most INGEST_COMMIT_FEEDS */
			if (feeds[k]->src.id == want[i].source_id)
				j->feed = feeds[k];
		j->feed->pages_left++;
		j->src.url = want[i].link;
		j->max_body = opts->max_body;
		j->ctx = c;
		j->spill_fd = -1;
		j->host = host_lookup(c, url_host(j->src.url, host, sizeof host));
		host_push(c, j, 0);
	}
	if (!c->page_deadline_ms)
		c->page_deadline_ms = time_mono_ms() + (int64_t)page_deadline_s(c) * 1000;
	c->unfinished += (int)count;
	c->out->pages_total += (int)count;
	c->progress.pages_total += (int)count;
}

/* qsort order of fetch_summary.failures: by URL (bytewise). */
static int
failure_cmp(const void *a, const void *b)
{
	const struct fetch_failure *x = a, *y = b;
	return strcmp(x->url, y->url);
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
	const char *cfg_ua = config_values(cfg)->fetch_user_agent;
	if (net_guard_policy_init(&c->guard_policy, cfg, e) < 0) {
		store_items_close(&c->items);
		curl_global_cleanup();
		return -1;
	}
	c->st = st;
	c->opts = opts;
	c->arena = arena;
	c->out = out;
	c->user_agent = opts->user_agent ? opts->user_agent : cfg_ua && *cfg_ua ? cfg_ua : FETCH_DEFAULT_USER_AGENT;
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
	int64_t wall_now = (int64_t)time(NULL); /* the server's clock, never the frozen --now */
	int64_t now = time_now(); /* the clock of last_attempt_at and so of the backoff's retry_at */
	for (size_t i = 0; i < count; i++) {
		struct fetch_job *j = &c->jobs[c->job_count++];
		char host[256];
		j->src = sources[i];
		j->max_body = opts->max_body;
		j->ctx = c;
		j->spill_fd = -1;
		j->host = host_lookup(c, url_host(j->src.url, host, sizeof host));
		out->source_ids[out->source_count++] = j->src.id;
		if (fetch_source_is_gone(&j->src) || fetch_source_is_resting(&j->src, now))
			continue; /* reported below, once progress is on */
		/* Its server asked (Retry-After) a run before for no request before not_before: the
		 * whole host waits until then, this run (schedule) or past it (not_asked). */
		struct fetch_host *h = &c->hosts[j->host];
		if (j->src.not_before > wall_now && j->src.not_before > h->wait_until) {
			h->wait_until = j->src.not_before;
			h->not_before_ms = t0 + (j->src.not_before - wall_now) * 1000;
			c->is_host_waiting = 1;
		}
		host_push(c, j, 0);
	}
	c->unfinished = (int)count;
	out->feeds_total = (int)count;
	progress_start(&c->progress, opts->progress ? (isatty(2) ? 2 : 1) : 0, (int)count);
	for (size_t i = 0; i < c->job_count; i++) {
		struct fetch_job *j = &c->jobs[i];
		if (fetch_source_is_gone(&j->src))
			ingest_gone(c, j);
		else if (fetch_source_is_resting(&j->src, now))
			ingest_resting(c, j);
		else
			continue;
		c->hosts[j->host].in_flight++; /* fetch_job_finish releases a slot */
		c->in_flight++;
		fetch_job_finish(c, j);
	}
	out->full_text = opts->full_text;
	struct store_checkpointer *ckpt = store_checkpointer_start(st);
	parse_start(c);
	run_loop(c);
	parse_stop(c);
	ingest_flush(c, 1);
	run_loop(c); /* the pages the last commit queued (nothing to do without full text) */
	progress_end(&c->progress);

	out->failures = (struct fetch_failure *)c->failures.data;
	out->failure_count = c->failures.len / sizeof(struct fetch_failure);
	if (out->failure_count) { /* move into the arena so the caller owns nothing else */
		struct fetch_failure *f = arena_alloc(arena, c->failures.len);
		memcpy(f, c->failures.data, c->failures.len);
		out->failures = f;
	}
	/* completion order depends on the network: report failures in a defined order */
	if (out->failure_count)
		qsort(out->failures, out->failure_count, sizeof *out->failures, failure_cmp);
	buf_free(&c->failures);
	buf_free(&c->batch);
	buf_free(&c->warm);
	struct page_block *pb = (struct page_block *)c->page_blocks.data;
	for (size_t k = 0; k < c->page_blocks.len / sizeof *pb; k++)
		free(pb[k].jobs);
	buf_free(&c->page_blocks);
	buf_free(&c->page_sources);
	buf_free(&c->notify_next);
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
	/* After the last commit, merge the full-text index's segments a bounded amount, so that
	 * searches stay fast as the store grows: the writer pays, never more than the budget.
	 * The checkpoint thread runs until the merge is done: each of the merge's steps is a
	 * commit of ~500 pages, and SQLite's own checkpoints after them (every 1,000 WAL pages, on
	 * this thread, each syncing the WAL and the file) were 87 of the store thread's 146
	 * fdatasync calls in a fetch of 90k items at 3M. */
	int merged;
	int merge_rc = c->store_error[0] ? 0 : store_fts_merge(st, STORE_FTS_MERGE_PAGES, &merged, e);
	store_checkpointer_stop(ckpt);
	if (merge_rc < 0)
		return -1;
	out->seconds = (double)(time_mono_ms() - t0) / 1000.0;
	if (c->store_error[0] && strstr(c->store_error, st->path)) /* not a feed's failure: the run's */
		return err_set(e, "cannot write the store: %s", c->store_error);
	if (c->store_error[0])
		return err_set(e, "cannot write the store %s: %s", st->path, c->store_error);
	return 0;
}

void
fetch_summary_json(const struct fetch_summary *s, struct buf *out)
{
	json_t *failures = json_array();
	struct arena a = ARENA_INIT; /* URLs and errors as shown: credentials redacted */
	for (size_t i = 0; i < s->failure_count; i++) {
		const struct fetch_failure *f = &s->failures[i];
		json_t *o = json_pack("{s:s, s:s, s:i}", "url", redact_str(&a, f->url), "error", redact_str(&a, f->error),
		                      "failures", f->failures);
		char since[32];
		if (f->failing_since)
			time_format_rfc3339(f->failing_since, since, sizeof since);
		json_object_set_new(o, "failing_since", f->failing_since ? json_string(since) : json_null());
		json_array_append_new(failures, o);
	}
	arena_free(&a);
	json_t *o = json_pack("{s:i, s:i, s:i, s:i, s:I, s:I, s:I, s:f, s:o}", "feeds_total", s->feeds_total,
	                      "feeds_ok", s->feeds_ok, "feeds_not_modified", s->feeds_not_modified,
	                      "feeds_failed", s->feeds_failed, "items_new", (json_int_t)s->items_new,
	                      "items_total", (json_int_t)s->items_total, "bytes", (json_int_t)s->bytes,
	                      "seconds", (double)(int64_t)(s->seconds * 1000 + 0.5) / 1000.0, "failures",
	                      failures);
	if (s->full_text) /* only when asked for: the object stays as docs/cli.md has it otherwise */
		json_object_set_new(o, "full_text", json_pack("{s:i, s:i, s:i, s:i}", "pages", s->pages_total, "articles",
		                                              s->pages_ok, "no_article", s->pages_no_article, "failed",
		                                              s->pages_failed));
	char *text = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT);
	buf_puts(out, text);
	free(text);
	json_decref(o);
}
