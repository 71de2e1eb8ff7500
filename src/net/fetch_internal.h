/* fetch_internal.h: the state shared by the fetcher's files (fetch.c schedules and runs the
 * event loop, attempt.c runs each attempt: requests, redirects, retries; ingest.c turns a finished transfer into stored items and health, page.c an article page's into its
 * stored full text, progress.c reports).
 * Not a public interface: only src/net/ includes it. */
#ifndef BRIEF_NET_FETCH_INTERNAL_H
#define BRIEF_NET_FETCH_INTERNAL_H

#include <curl/curl.h>
#include <stdint.h>

#include "net/fetch.h"
#include "net/guard.h"
#include "store/items.h"
#include "store/sources.h"

#define FETCH_MAX_REDIRECTS 5
/* The User-Agent when neither the source, --user-agent nor [fetch] user_agent names one. */
#define FETCH_DEFAULT_USER_AGENT "brief/" BRIEF_VERSION " (+https://github.com/brief-feeds/brief; feed reader)"
/* What a feed's request accepts: feeds first, anything else (a page) last. */
#define FETCH_ACCEPT_HEADER                                                                        \
	"Accept: application/atom+xml, application/rss+xml, application/feed+json, "               \
	"application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
/* Items listed (published, else first seen) this long ago or less get their article page. */
#define FULLTEXT_WINDOW_S (3 * 86400)
#define FETCH_MAX_ATTEMPTS 3

/* Live progress on stderr: a redrawn line on a terminal, plain lines otherwise. */
struct fetch_progress {
	int mode;            /* 0 = silent, 1 = plain lines, 2 = live line */
	int total, done, failed, in_flight;       /* feeds, and every job in flight */
	int pages_total, pages_done;              /* article pages (full text), queued so far */
	int64_t bytes;
	int64_t last_draw_ms;
	int is_drawn;        /* a live line is on screen */
};

/* One feed of the run, through all its attempts and redirect hops. */
struct fetch_job {
	struct source src;          /* as loaded; strings in the run arena (a page: url only) */
	int is_page;                /* an item's article page (page.c), not a feed */
	int64_t item_id;            /* the page's item */
	struct fetch_job *feed;     /* a page: the feed job its item came from */
	int pages_left;             /* a feed: its pages not finished yet */
	int is_notify_waiting;      /* a feed: committed, on_feed_done waits for its pages */
	int items_new;              /* a feed: what on_feed_done will be told */
	const char *url;            /* the URL of the current hop (run arena) */
	const char *perm_url;       /* where an unbroken chain of 301/308 from src.url led, or NULL */
	int is_perm_chain;
	int origin_private;         /* the source URL (hop 0) and every hop since connected to a
	                             * non-public address: its next redirect may lead to such an
	                             * address too (net_guard_chain_private) */
	struct net_guard guard;     /* the address check of the current hop */
	const char *visited[FETCH_MAX_REDIRECTS + 1];
	int hops;                   /* redirects followed in this attempt */
	int attempt;                /* 1-based */
	int64_t attempt_start_ms;   /* monotonic */
	int64_t attempt_started_at; /* wall clock, for the fetch log */
	int64_t not_before_ms;      /* for a retry: not before this monotonic time */
	int64_t wait_until;         /* wall clock: its server's Retry-After pointed past the run, so no
	                             * request before this (stored as sources.not_before); 0 = none */
	int64_t wire_bytes;         /* this attempt, all hops */
	size_t host;                /* index into the run's host table */
	struct fetch_job *next;     /* host queue / retry list link */
	CURL *easy;
	struct curl_slist *headers;
	struct fetch_ctx *ctx;      /* the run (for the body callback) */
	struct buf body;            /* decoded body of the current hop while in memory (body.c) */
	int spill_fd;               /* the body's spill file, or -1 while in memory */
	int spill_errno;            /* writing the spill file failed (the transfer was stopped) */
	size_t body_len;            /* decoded bytes of the current hop, in memory or spilled */
	void *map;                  /* the spill file's mapping while viewed */
	const char *body_data;      /* the whole body while viewed (fetch_body_view) */
	int is_too_big;             /* the body cap stopped the transfer */
	int is_parsing;             /* handed to the parse thread: stored and finished by parse_collect */
	size_t max_body;           /* the cap on the decoded body */
	int is_encoded;             /* the current response came with a Content-Encoding (gzip, br…) */
	const char *undecodable;    /* non-NULL: this hop is asked again for its body as sent, as
	                             * libcurl could not decode its Content-Encoding; why (run arena) */
	int is_delimited;           /* its body's end is known: a Content-Length, chunked, or HTTP/2+;
	                             * else the connection's close ended it, cut short or not */
	int is_conditional;         /* the current request sent If-None-Match or If-Modified-Since */
	char etag[512];             /* validators and Retry-After of the current response */
	char last_modified[128];
	char retry_after[128];
	char errbuf[CURL_ERROR_SIZE];
};

/* The article pages one commit queued (fetch_pages_queue): their jobs stay at these
 * addresses until the run ends (curl's private pointers and the host queues hold them). */
struct page_block {
	struct fetch_job *jobs;
	size_t n;
};

struct fetch_host {
	char *name;
	int in_flight;
	struct fetch_job *head, *tail; /* waiting to start */
	int64_t not_before_ms;         /* monotonic: it answered 429 (or 5xx with Retry-After), so
	                                * none of its feeds starts before (attempt.c maybe_retry) */
	int64_t wait_until;            /* wall clock: the same when it is past the run's deadline
	                                * (its queued feeds are then not asked: fetch.c) */
};

/* The run: options, the store, the multi handle, hosts and counters. */
struct fetch_ctx {
	struct store *st;
	const struct fetch_opts *opts;
	struct arena *arena;       /* the caller's run arena (summary strings) */
	struct fetch_summary *out;
	struct store_items items;
	struct arena feed_arena;   /* per-feed parse memory, reset after each feed */
	const char *user_agent;
	struct net_guard_policy guard_policy; /* which addresses redirects may lead to */
	CURLM *multi;
	CURL **pool;               /* idle easy handles, reused */
	size_t pool_count, pool_cap;
	struct fetch_job *jobs;    /* the feeds */
	size_t job_count;
	struct buf page_blocks;    /* struct page_block: the article pages, queued block by block
	                            * (fetch_pages_queue) as their feeds' groups commit */
	struct buf page_sources;   /* struct fetch_job * of the feeds in the open group: their
	                            * pages are asked for once it commits */
	struct buf notify_next;    /* struct fetch_job * of feeds whose last page's outcome is in
	                            * the open group: on_feed_done once it commits */
	int64_t page_deadline_ms;  /* the pages' own deadline, from the first page queued; 0 before */
	int is_feeds_ended;        /* the feeds' deadline passed and what was left of them failed */
	struct fetch_host *hosts;
	size_t host_count, host_cap, cursor;
	struct buf warm;           /* size_t host indexes that just freed a slot (see schedule) */
	size_t *host_index;        /* open addressing over hosts, host_index_cap slots (0 = empty) */
	size_t host_index_cap;
	struct fetch_job *retry_head; /* waiting for their backoff, unordered */
	int is_host_waiting;       /* some host has a wait_until (see not_asked in fetch.c) */
	int queued, in_flight, waiting_retry, unfinished;
	int64_t start_ms, deadline_ms;
	uint64_t rng;
	struct buf failures;       /* struct fetch_failure array under construction */
	int in_tx;                 /* a group-commit transaction is open (see ingest.c) */
	int64_t tx_start_ms;
	struct buf batch;          /* struct ingest_done of the feeds in the open transaction */
	struct parse_pool *parse;  /* the parse thread (parse.c) */
	struct fetch_progress progress;
	size_t body_mem;           /* bytes of all the bodies held in memory (body.c) */
	char store_error[512];     /* the store could not be written: the first reason; the run stops
	                            * and fails (a full or read-only disk is not a feed's problem) */
	char spill_dir[4200];      /* where bodies too large for memory go: the store's directory */
};

static inline int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* attempt.c: one attempt of a feed, hop by hop, and the end of the feed. */
/* The transfer settings every request of brief's fetcher shares (a feed's hop, an article
 * page's, `feeds add` looking at a page): url, http(s) only, user_agent, every content
 * decoder, no automatic redirects (the caller follows them through the address guard), the
 * connect timeout (10 s or budget_ms when shorter), budget_ms for the whole transfer, the
 * stall limit, opts->max_body, HTTP/2 over TLS and opts->ca_file. */
void fetch_easy_setup(CURL *h, const struct fetch_opts *opts, const char *url, const char *user_agent,
                      int64_t budget_ms);
/* Whether an HTTP status is a redirect brief follows (301, 302, 303, 307, 308). */
int fetch_is_redirect(long status);
/* The next hop of a redirect that h's transfer answered with status, after the hops
 * visited[0..hops] (visited[hops] the URL just asked): its Location, copied into a; or NULL
 * with a one-line reason in why when there is no usable Location, it leads back to a URL of the
 * chain, or the chain would pass FETCH_MAX_REDIRECTS. The caller checks the target against the
 * address guard when it starts the hop. */
const char *fetch_redirect_target(CURL *h, long status, const char *const *visited, int hops, struct arena *a,
                                  char *why, size_t why_size);
/* Start attempt j->attempt + 1 of a queued feed at its source URL: takes a global and a host
 * slot, and fails the feed (fetch_job_fail) when its first hop cannot start. */
void fetch_attempt_begin(struct fetch_ctx *c, struct fetch_job *j);
/* A transfer of j ended with rc: decide between stored, not modified, redirect (the next hop
 * starts), retry (j goes to c->retry_head, its slots freed) and failure. */
void fetch_hop_done(struct fetch_ctx *c, struct fetch_job *j, CURLcode rc);
/* The feed is finished (stored or failed): free its slot and memory. */
void fetch_job_finish(struct fetch_ctx *c, struct fetch_job *j);
/* Fail the feed with status and a one-line error (stored by ingest_failure), then finish it.
 * j must hold its slots (in_flight counted), as during an attempt. */
void fetch_job_fail(struct fetch_ctx *c, struct fetch_job *j, int status, const char *error);

/* body.c: transfer bodies, in memory within FETCH_BODY_MEM_ONE / FETCH_BODY_MEM_ALL (fetch.h),
 * else in an unlinked file in spill_dir (else $TMPDIR, /tmp). */
/* The spill directory for st: its file's directory, else $TMPDIR, else /tmp. */
void fetch_spill_dir(const struct store *st, char *out, size_t size);
/* The curl write callback (userp = the job): appends the decoded bytes, enforcing max_body
 * (sets is_too_big) and spilling; returns 0 to stop the transfer (is_too_big or spill_errno set). */
size_t fetch_on_body(char *data, size_t size, size_t nmemb, void *userp);
/* Forget j's body (memory, spill file, view) before a new hop or when the feed ends. */
void fetch_body_reset(struct fetch_ctx *c, struct fetch_job *j);
/* Make the whole body readable at j->body_data (j->body_len bytes; mapped read-only when
 * spilled, until fetch_body_unview).
 * Returns 0, or -1 with a one-line reason in err. */
int fetch_body_view(struct fetch_job *j, char *err, size_t size);
/* Drop the view (unmap a spilled body); safe when not viewed. */
void fetch_body_unview(struct fetch_job *j);

/* A feed's body on its way through the parse thread (parse.c) to the store (ingest.c). */
struct parse_task {
	struct fetch_job *j;        /* its body stays viewed until the task is stored */
	int http_status;
	const char *content_type;   /* in arena, or NULL */
	int64_t latency_ms;
	int64_t now;                /* first_seen of its new items */
	struct arena arena;         /* the parse's strings and the prepared items' */
	struct feed_doc doc;
	int rc;                     /* feed_parse's */
	struct buf items;           /* struct store_item_prep, in document order */
	int is_parsed;              /* under the pool's lock */
	struct parse_task *next;
};

/* parse.c: the parse thread. */
/* Start it (the run's feeds are then parsed there; inline when no thread can be made). */
void parse_start(struct fetch_ctx *c);
/* Store every waiting feed (parse_collect(c, 1)), then end the thread. Safe when not started. */
void parse_stop(struct fetch_ctx *c);
/* Hand t (malloc'd; taken) over: its job is_parsing until parse_collect stores it, in order.
 * Stores older tasks first when PARSE_MAX_PENDING wait. */
void parse_submit(struct fetch_ctx *c, struct parse_task *t);
/* Store the parsed feeds at the head of the queue (ingest_parsed) and finish their jobs;
 * with wait_all, every feed handed over, waiting for its parse. */
void parse_collect(struct fetch_ctx *c, int wait_all);

/* ingest.c: the end of a feed. Each stores the outcome (items, validators, health, fetch
 * log row) in one transaction, updates the summary and reports progress. */
/* Returns 1 when the feed was handed to the parse thread (parse_collect finishes the job),
 * 0 when it is done (the caller finishes it). */
int ingest_body(struct fetch_ctx *c, struct fetch_job *j, int http_status, const char *content_type,
                int64_t latency_ms);
/* Store a parsed feed (or its failure), on the loop's thread. */
void ingest_parsed(struct fetch_ctx *c, struct parse_task *t);
void ingest_not_modified(struct fetch_ctx *c, struct fetch_job *j, int64_t latency_ms);
void ingest_failure(struct fetch_ctx *c, struct fetch_job *j, int http_status, const char *error,
                    int64_t latency_ms);
/* A feed not asked this run because its server asked to wait (Retry-After) past it: a failure
 * in the summary that says until when. It holds no slot and takes no attempt; only its
 * sources.not_before is written (when j->wait_until is set), its health keeps the answer
 * that asked to wait. */
void ingest_not_asked(struct fetch_ctx *c, struct fetch_job *j, int64_t until);
/* A feed not asked because its server said it is gone (fetch_source_is_gone): a failure in
 * the summary that says since when and what to do. Nothing is written: its health keeps the
 * 410 (and its date) until the user removes the source or adds it again. */
void ingest_gone(struct fetch_ctx *c, struct fetch_job *j);
/* A feed not asked because it keeps failing and its backoff has not passed
 * (fetch_source_is_resting): a failure in the summary that says how many times, since when,
 * and when it is asked again. Nothing is written: its health stays as its last failure left it. */
void ingest_resting(struct fetch_ctx *c, struct fetch_job *j);
/* Commit the open group transaction when it is older than INGEST_COMMIT_MS or holds
 * INGEST_COMMIT_FEEDS feeds (always when force), then tell on_feed_done about its feeds. */
void ingest_flush(struct fetch_ctx *c, int force);
/* Record that the store failed (the first reason is kept in c->store_error). */
void ingest_store_broken(struct fetch_ctx *c, const char *why);
#define INGEST_COMMIT_MS 100
#define INGEST_COMMIT_FEEDS 256
/* A fetch log row for an attempt that will be retried (no health change). */
void ingest_log_attempt(struct fetch_ctx *c, struct fetch_job *j, int http_status, const char *error,
                        int64_t latency_ms);
/* The charset parameter of a Content-Type value (ct may be NULL), copied into out; NULL
 * when absent. */
const char *ingest_content_type_charset(const char *ct, char *out, size_t size);
/* True when body looks like an HTML page rather than a feed; fills title (may be "")
 * with the page's <title>, whitespace collapsed and cut to size. */
int ingest_sniff_html(const char *body, size_t len, char *title, size_t size);

/* fetch.c: queue the article pages (full text) that the n feeds' recent thin items want,
 * after the group that stored those feeds committed, counting them in each feed's pages_left;
 * a no-op unless full text is on, after the pages' deadline, or once [fetch] full_text_max
 * pages were queued this run. */
void fetch_pages_queue(struct fetch_ctx *c, struct fetch_job *const *feeds, size_t n);
/* ingest.c: tell opts->on_feed_done that feed j is in the store with its pages' outcomes:
 * now, or after the open group commits when those outcomes are in it. */
void ingest_feed_ready(struct fetch_ctx *c, struct fetch_job *j);

/* page.c: the end of an article page's transfer: extract the article and store the outcome
 * once (store/fulltext.h), count it in the summary, report progress. */
void page_ingest_body(struct fetch_ctx *c, struct fetch_job *j, int http_status, const char *content_type);
void page_ingest_failure(struct fetch_ctx *c, struct fetch_job *j, const char *error);

/* progress.c */
void progress_start(struct fetch_progress *p, int mode, int total);
/* Redraw the live line (at most every 100 ms unless force). */
void progress_draw(struct fetch_progress *p, int force);
/* One feed finished: a plain line (mode 1) or a redraw (mode 2). error NULL = success. The URL
 * and error are shown redacted, their control characters as '?'. */
void progress_feed(struct fetch_progress *p, const char *url, const char *error, const char *detail);
/* One article page finished, as progress_feed. */
void progress_page(struct fetch_progress *p, const char *url, const char *error, const char *detail);
/* Erase the live line. */
void progress_end(struct fetch_progress *p);

#endif
