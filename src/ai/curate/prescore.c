/* prescore.c: the background pre-scorer (see prescore.h): a queue of finished sources fed by
 * the fetcher, and one thread that turns their in-window articles into full score batches. */
#include "ai/curate/prescore.h"

#include <curl/curl.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ai/llm/llm.h"
#include "ai/curate/stage.h"
#include "store/select.h"
#include "util/arena.h"
#include "util/log.h"
#include "util/str.h"

/* Seconds without a finished feed after which a partial batch is sent anyway. */
#define PRESCORE_IDLE_FLUSH_S 2

struct prescore {
	struct prescore_opts opts;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	/* Shared, under lock. */
	int64_t *queue;
	size_t queue_count, queue_cap;
	int is_closing;
	/* The thread's own (the main thread touches them only before start and after join). */
	struct store st;
	struct llm_client client;
	struct stage_env env;
	struct batch_item *backlog;  /* articles prepared, not yet sent */
	size_t backlog_count, backlog_cap;
	struct buf failed;           /* hashes of the items whose request failed, a line each */
	int64_t *done_sources;       /* sources already taken (a source is read once) */
	size_t done_count, done_cap;
	long items_ready;
};

static int
source_taken(struct prescore *p, int64_t id)
{
	for (size_t i = 0; i < p->done_count; i++)
		if (p->done_sources[i] == id)
			return 1;
	if (p->done_count == p->done_cap) {
		p->done_cap = p->done_cap ? p->done_cap * 2 : 64;
		p->done_sources = xrealloc(p->done_sources, p->done_cap * sizeof *p->done_sources);
	}
	p->done_sources[p->done_count++] = id;
	return 0;
}

/* Append the in-window articles of sources ids[0..n) (each source once) to the backlog. */
static void
take_sources(struct prescore *p, const int64_t *ids, size_t n)
{
	int64_t *fresh = xcalloc(n ? n : 1, sizeof *fresh);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!source_taken(p, ids[i]))
			fresh[m++] = ids[i];
	struct arena arena = ARENA_INIT;
	struct article *arts;
	size_t count = 0;
	struct err e;
	if (m > 0 && store_select_window(&p->st, p->opts.now, p->opts.hours, fresh, m, &arena, &arts, &count, &e) < 0) {
		log_debug("prescore: %s", e.msg);
		count = 0;
	}
	for (size_t i = 0; i < count; i++) {
		if (p->backlog_count == p->backlog_cap) {
			p->backlog_cap = p->backlog_cap ? p->backlog_cap * 2 : 64;
			p->backlog = xrealloc(p->backlog, p->backlog_cap * sizeof *p->backlog);
		}
		stage_score_item(&p->env, &arts[i], 0, &p->backlog[p->backlog_count++]);
	}
	arena_free(&arena);
	free(fresh);
}

/* Send up to one request per lane of full batches from the backlog; with is_flush, the
 * partial last batch too. */
static void
send_round(struct prescore *p, int is_flush)
{
	size_t batch = stage_score_batch(&p->env);
	size_t lanes = (size_t)(p->client.cfg.concurrency > 0 ? p->client.cfg.concurrency : 1);
	size_t take = is_flush ? p->backlog_count : p->backlog_count / batch * batch;
	if (take > lanes * batch)
		take = lanes * batch;
	if (take == 0)
		return;
	stage_score_prefill(&p->env, p->backlog, take);
	for (size_t i = 0; i < take; i++) {
		p->items_ready += p->backlog[i].is_done;
		if (p->backlog[i].is_failed && !p->backlog[i].is_done)
			buf_printf(&p->failed, "%s\n", p->backlog[i].hash);
	}
	batch_items_free(p->backlog, take);
	memmove(p->backlog, p->backlog + take, (p->backlog_count - take) * sizeof *p->backlog);
	p->backlog_count -= take;
}

static void *
run(void *arg)
{
	struct prescore *p = arg;
	size_t batch = stage_score_batch(&p->env);
	for (;;) {
		pthread_mutex_lock(&p->lock);
		int is_idle = 0;
		while (p->queue_count == 0 && !p->is_closing && p->backlog_count < batch) {
			if (p->backlog_count == 0) {
				pthread_cond_wait(&p->cond, &p->lock);
				continue;
			}
			/* A partial batch waits for more feeds, but not through the whole slow tail. */
			struct timespec until;
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_sec += PRESCORE_IDLE_FLUSH_S;
			if (pthread_cond_timedwait(&p->cond, &p->lock, &until) == ETIMEDOUT && p->queue_count == 0 &&
			    !p->is_closing) {
				is_idle = 1;
				break;
			}
		}
		int is_closing = p->is_closing;
		int64_t *ids = p->queue;
		size_t n = p->queue_count;
		p->queue = NULL;
		p->queue_count = p->queue_cap = 0;
		pthread_mutex_unlock(&p->lock);
		if (is_closing) { /* the rest goes to curate_run, balanced over all lanes */
			free(ids);
			break;
		}
		take_sources(p, ids, n);
		free(ids);
		send_round(p, is_idle);
	}
	return NULL;
}

struct prescore *
prescore_start(const struct prescore_opts *opts, struct err *e)
{
	e->msg[0] = '\0';
	struct prescore *p = xcalloc(1, sizeof *p);
	p->opts = *opts;
	if (p->opts.hours <= 0)
		p->opts.hours = 48;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (store_open(&p->st, opts->db_path, e) < 0)
		goto fail;
	int has_llm = stage_env_open(opts->cfg, &p->st, opts->now, &p->client, &p->env, e);
	if (has_llm <= 0) {
		store_close(&p->st);
		goto fail;
	}
	p->client.budget = opts->max_tokens;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->cond, NULL);
	if (pthread_create(&p->thread, NULL, run, p) != 0) {
		err_set(e, "cannot start the pre-scoring thread");
		pthread_mutex_destroy(&p->lock);
		pthread_cond_destroy(&p->cond);
		llm_client_free(&p->client);
		store_close(&p->st);
		goto fail;
	}
	return p;
fail:
	curl_global_cleanup();
	free(p);
	return NULL;
}

void
prescore_feed_done(void *ctx, int64_t source_id, int items_new)
{
	struct prescore *p = ctx;
	(void)items_new; /* old items may still lack an answer (a new prompt version, a failed run) */
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	if (p->queue_count == p->queue_cap) {
		p->queue_cap = p->queue_cap ? p->queue_cap * 2 : 64;
		p->queue = xrealloc(p->queue, p->queue_cap * sizeof *p->queue);
	}
	p->queue[p->queue_count++] = source_id;
	pthread_cond_signal(&p->cond);
	pthread_mutex_unlock(&p->lock);
}

void
prescore_finish(struct prescore *p, struct prescore_stats *out)
{
	memset(out, 0, sizeof *out);
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->is_closing = 1;
	pthread_cond_signal(&p->cond);
	pthread_mutex_unlock(&p->lock);
	pthread_join(p->thread, NULL);
	out->requests = p->client.stats.requests;
	out->prompt_tokens = p->client.stats.prompt_tokens;
	out->completion_tokens = p->client.stats.completion_tokens;
	out->cached_tokens = p->client.stats.cached_tokens;
	out->tokens_used = llm_tokens_used(&p->client);
	out->items_scored = p->items_ready;
	if (p->opts.arena && p->failed.len)
		out->score_failed = arena_strdup(p->opts.arena, buf_str(&p->failed));
	buf_free(&p->failed);
	batch_items_free(p->backlog, p->backlog_count);
	free(p->backlog);
	free(p->done_sources);
	free(p->queue);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->cond);
	llm_client_free(&p->client);
	store_close(&p->st);
	curl_global_cleanup();
	free(p);
}
