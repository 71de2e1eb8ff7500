/* parse.c: the fetcher's parse thread. A feed's body is parsed and its items prepared for the
 * store (dedupe key, content hash, JSON fields, deflated text: store_item_prepare) on a second
 * thread while the event loop's thread writes the feeds before it into SQLite, so that a run
 * uses both cores of a machine: storing (the B-trees and the full-text index) is about two
 * thirds of the work, parsing and packing the rest.
 *
 * Tasks are stored in the order they were handed over (FIFO), into the run's group
 * transaction (net/ingest.c): the thread touches no database and no state of the run but its
 * own task. At most PARSE_MAX_PENDING feeds wait, parsed or not, so memory
 * stays bounded when the store is the slower side; the transfer slot of a waiting feed stays
 * taken until it is stored, which slows the downloads down to the store's pace. A feed that
 * waits when the run ends (deadline, broken store) is still stored or failed by
 * parse_collect(c, 1) before the run's last commit. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"
#include "net/fetch_internal.h"
#include "util/str.h"

/* Feeds handed over and not yet stored, at most. */
#define PARSE_MAX_PENDING 4

struct parse_pool {
	pthread_t thread;
	int has_thread;               /* else tasks are parsed inline by parse_submit */
	pthread_mutex_t lock;
	pthread_cond_t changed;       /* a task was queued, parsed, or the pool is stopping */
	struct parse_task *head, *tail; /* FIFO: handed over, in order */
	struct parse_task *next_todo; /* the first not yet parsed, or NULL */
	int pending;
	int stopping;
	CURLM *multi;                 /* woken when a task is parsed */
};

/* Collects the prepared items of one feed (the parse thread's feed_parse callback). */
static int
on_item(void *ctx, const struct feed_doc *doc, const struct feed_item *item)
{
	(void)doc;
	struct parse_task *t = ctx;
	struct store_item_prep p;
	store_item_prepare(item, &t->arena, &p);
	buf_append(&t->items, &p, sizeof p);
	return 0;
}

/* Parse t's body (viewed by the loop's thread before it was handed over) into t. */
static void
parse_task_run(struct parse_task *t)
{
	struct fetch_job *j = t->j;
	char charset[64];
	struct feed_parse_opts po = {.base_url = j->url,
	                             .charset_hint = ingest_content_type_charset(t->content_type, charset, sizeof charset),
	                             .content_type = t->content_type};
	memset(&t->doc, 0, sizeof t->doc);
	t->rc = feed_parse(j->body_data, j->body_len, &po, &t->arena, on_item, t, &t->doc);
	/* The body ended inside an item (a connection closed mid-document): the items before it
	 * are whole, that one would be stored with a cut text. It comes whole with the next
	 * run, which asks without validators (ingest_parsed). */
	if (t->rc == 0 && t->doc.is_item_cut && t->items.len >= sizeof(struct store_item_prep))
		t->items.len -= sizeof(struct store_item_prep);
	/* Items that share a key (one guid for every post, every link the homepage) each take
	 * their own (store/items.h), or one would overwrite the other as it is stored. */
	store_items_mark_shared((struct store_item_prep *)t->items.data, t->items.len / sizeof(struct store_item_prep));
}

static void *
parse_thread(void *arg)
{
	struct parse_pool *p = arg;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->next_todo && !p->stopping)
			pthread_cond_wait(&p->changed, &p->lock);
		if (!p->next_todo)
			break;
		struct parse_task *t = p->next_todo;
		pthread_mutex_unlock(&p->lock);
		parse_task_run(t);
		pthread_mutex_lock(&p->lock);
		t->is_parsed = 1;
		p->next_todo = t->next;
		pthread_cond_broadcast(&p->changed);
		curl_multi_wakeup(p->multi); /* the loop may be waiting in curl_multi_poll */
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

void
parse_start(struct fetch_ctx *c)
{
	struct parse_pool *p = xcalloc(1, sizeof *p);
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->changed, NULL);
	p->multi = c->multi;
	/* Library state initialised lazily must be set up before a second thread can race to it. */
	feed_init_once();
	p->has_thread = pthread_create(&p->thread, NULL, parse_thread, p) == 0;
	c->parse = p;
}

void
parse_stop(struct fetch_ctx *c)
{
	struct parse_pool *p = c->parse;
	if (!p)
		return;
	parse_collect(c, 1);
	if (p->has_thread) {
		pthread_mutex_lock(&p->lock);
		p->stopping = 1;
		pthread_cond_broadcast(&p->changed);
		pthread_mutex_unlock(&p->lock);
		pthread_join(p->thread, NULL);
	}
	pthread_cond_destroy(&p->changed);
	pthread_mutex_destroy(&p->lock);
	free(p);
	c->parse = NULL;
}

/* Store (or fail) the first task and finish its feed; p->head must be parsed. */
static void
store_head(struct fetch_ctx *c, struct parse_pool *p)
{
	pthread_mutex_lock(&p->lock);
	struct parse_task *t = p->head;
	p->head = t->next;
	if (!p->head)
		p->tail = NULL;
	p->pending--;
	pthread_mutex_unlock(&p->lock);
	struct fetch_job *j = t->j;
	ingest_parsed(c, t);
	fetch_body_unview(j);
	j->is_parsing = 0;
	fetch_job_finish(c, j);
	arena_free(&t->arena);
	buf_free(&t->items);
	free(t);
}

/* Whether the first task is parsed (1), none is waiting (-1), or it is still parsing (0). */
static int
head_state(struct parse_pool *p)
{
	pthread_mutex_lock(&p->lock);
	int s = !p->head ? -1 : p->head->is_parsed;
	pthread_mutex_unlock(&p->lock);
	return s;
}

void
parse_collect(struct fetch_ctx *c, int wait_all)
{
	struct parse_pool *p = c->parse;
	if (!p)
		return;
	for (;;) {
		int s = head_state(p);
		if (s < 0)
			return;
		if (s == 0) {
			if (!wait_all)
				return;
			pthread_mutex_lock(&p->lock);
			while (!p->head->is_parsed)
				pthread_cond_wait(&p->changed, &p->lock);
			pthread_mutex_unlock(&p->lock);
		}
		store_head(c, p);
	}
}

void
parse_submit(struct fetch_ctx *c, struct parse_task *t)
{
	struct parse_pool *p = c->parse;
	t->j->is_parsing = 1;
	if (!p->has_thread)
		parse_task_run(t);
	/* Room first: store what is parsed, then wait for the oldest (backpressure). */
	while (p->pending >= PARSE_MAX_PENDING) {
		pthread_mutex_lock(&p->lock);
		while (!p->head->is_parsed)
			pthread_cond_wait(&p->changed, &p->lock);
		pthread_mutex_unlock(&p->lock);
		store_head(c, p);
	}
	pthread_mutex_lock(&p->lock);
	t->is_parsed = !p->has_thread;
	t->next = NULL;
	if (p->tail)
		p->tail->next = t;
	else
		p->head = t;
	p->tail = t;
	if (!p->next_todo && !t->is_parsed)
		p->next_todo = t;
	p->pending++;
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->lock);
	if (!p->has_thread)
		parse_collect(c, 0);
}
