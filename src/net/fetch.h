/* fetch.h: fetch every source into the store on one curl multi event loop.
 *
 * Each feed's body is parsed as soon as its transfer finishes and its items stored
 * in one transaction, so a killed run loses at most the feeds in flight and a rerun
 * neither duplicates nor loses items. */
#ifndef BRIEF_NET_FETCH_H
#define BRIEF_NET_FETCH_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/config.h"
#include "util/err.h"

/* Transfer bodies are held in memory while one is at most FETCH_BODY_MEM_ONE bytes and all
 * of them together at most FETCH_BODY_MEM_ALL; past either, a body goes to an unlinked file
 * beside the store and is mapped for parsing only once complete within max_body. So the
 * fetcher's memory stays bounded whatever the feeds send (a gzip bomb included). */
#define FETCH_BODY_MEM_ONE ((size_t)1 << 20)
#define FETCH_BODY_MEM_ALL ((size_t)4 << 20)

struct fetch_opts {
	int concurrency;        /* transfers in flight overall (default 64) */
	int per_host;           /* transfers in flight per host (default 3) */
	int timeout_s;          /* per transfer, covering slow bodies (default 15) */
	int deadline_s;         /* whole run; 0 = default: max(120 s, 4 x timeout_s) */
	const char *user_agent; /* NULL = "brief/VERSION (+https://...)" or config [fetch] user_agent */
	size_t max_body;        /* cap on the decoded body (default 16 MiB) */
	const char *feeds_opml; /* --feeds FILE: fetch these feeds instead of the stored sources */
	const char *ca_file;    /* config [fetch] ca_file: trust these CA certificates (PEM) instead
	                         * of the system's; NULL = system store. Verification stays on. */
	int progress;           /* 0 = none, 1 = plain lines or live display depending on stderr */
	/* Full text (issue 13, store/fulltext.h): once a feed is stored, fetch the article page
	 * of its new-ish items whose feed text is thin, with the same politeness (per-host cap,
	 * timeouts, body cap, retries) and the address guard always on (item links come from
	 * feeds: never to non-public addresses unless [fetch] allow_private). */
	int full_text;             /* --full-text, [fetch] full_text = true */
	int full_text_min_chars;   /* [fetch] full_text_min_chars: thinner feed text is fetched (default 500) */
	int full_text_max;         /* [fetch] full_text_max: pages per run at most (default 200) */
	int full_text_deadline_s;  /* [fetch] full_text_deadline: the pages' own deadline, counted
	                            * from the first page queued (default: as long as the run's) */
	const char *full_text_always; /* [fetch] full_text_always / full_text_never: comma-separated */
	const char *full_text_never;  /* feed URLs or hosts whose items always / never get their page */
	/* Called after each feed's items are committed, and with full text once the outcomes of
	 * the pages it was given are committed too (may be NULL): lets a caller overlap later
	 * stages with the slow tail of fetching. Not called for a failed feed. */
	void (*on_feed_done)(void *ctx, int64_t source_id, int items_new);
	void *on_feed_done_ctx;
};

struct fetch_failure {
	const char *url;
	const char *error;      /* one line */
	int failures;           /* failures in a row, this one included (sources.consecutive_failures;
	                         * a source not asked: those before) */
	int64_t failing_since;  /* when they began (sources.failing_since); 0 = unknown */
};

struct fetch_summary {
	int feeds_total, feeds_ok, feeds_not_modified, feeds_failed; /* ok includes not_modified */
	long items_new;         /* items stored for the first time in this run */
	long items_total;       /* items the feeds served in this run (parsed) */
	int64_t bytes;          /* bytes received on the wire */
	int bodies_spilled;     /* transfer bodies moved to a file (see FETCH_BODY_MEM_ONE) */
	size_t body_mem_peak;   /* most body bytes held in memory at once (<= FETCH_BODY_MEM_ALL) */
	int http2_transfers;    /* transfers (each hop and attempt) answered over HTTP/2 */
	int connections;        /* new connections the run opened (CURLINFO_NUM_CONNECTS summed) */
	double seconds;
	int full_text;          /* pages were asked for (opts.full_text) */
	int pages_total, pages_ok, pages_no_article, pages_failed; /* article pages of this run */
	struct fetch_failure *failures; /* arena memory, sorted by URL (bytewise) */
	size_t failure_count;
	int64_t *source_ids;    /* the sources of this run (for a --feeds run: that file's), arena */
	size_t source_count;
};

/* Fill opts with the defaults (config [fetch] values applied by the caller). */
void fetch_opts_default(struct fetch_opts *opts);
/* Apply the config's [fetch] section (concurrency, per_host, timeout, deadline, max_body_mb,
 * user_agent, ca_file, full_text, full_text_min_chars, full_text_max, full_text_deadline,
 * full_text_always, full_text_never) over opts; call before applying flags. The user_agent and ca_file
 * strings stay cfg's. Returns 0, or -1 with e set for a malformed value or an unreadable
 * ca_file. */
int fetch_opts_from_config(struct fetch_opts *opts, const struct config *cfg, struct err *e);
/* When the store has no sources of the user's own and no built-in ones yet, add the built-in
 * list (data/hn-popular-blogs-2025.opml) as default sources. Returns 0 or -1 with e set. */
int fetch_seed_defaults(struct store *st, struct err *e);
/* Fetch the sources (the built-in list when the user has none) into st. Individual feed
 * failures are reported in out, not as an error: returns -1 only when the run as a whole
 * could not happen (store unusable, --feeds file unreadable) or the store could not be
 * written during it (read-only, disk full: the run stops at the first such error and e
 * names the store and SQLite's reason). Strings in out live in arena. */
int fetch_run(struct store *st, const struct config *cfg, const struct fetch_opts *opts,
              struct arena *arena, struct fetch_summary *out, struct err *e);
/* True when src's server answered its last request with 410 Gone (the feed was removed): a
 * run does not ask it again, and reports it as not asked (docs/net.md), until the user adds it
 * again (store_source_ask_again) or removes it. Ad-hoc sources (--feeds FILE) are asked on
 * every run: the file names them anew each time. */
struct source;
int fetch_source_is_gone(const struct source *src);
/* A source that failed FETCH_BACKOFF_AFTER times in a row or more is asked less often: after
 * the n-th failure a plain run asks it again no sooner than FETCH_BACKOFF_FIRST_S x 2^(n -
 * FETCH_BACKOFF_AFTER) later, at most FETCH_BACKOFF_MAX_S, less FETCH_BACKOFF_SLACK_S so that
 * an hourly run a few minutes early keeps its hour (docs/net.md, "Failing sources"). */
#define FETCH_BACKOFF_AFTER 3
#define FETCH_BACKOFF_FIRST_S 3600
#define FETCH_BACKOFF_MAX_S 86400
#define FETCH_BACKOFF_SLACK_S 300
/* Seconds a source that has now failed `failures` times in a row waits before it is asked
 * again (0: the next run asks it). */
int64_t fetch_backoff_s(int failures);
/* True when src keeps failing and its backoff (sources.retry_at) has not passed at now (the
 * clock of last_attempt_at, time_now): a run does not ask it and reports it as not asked,
 * saying since when it fails. A success clears the backoff, and so does `feeds add` of it
 * (store_source_ask_again). Ad-hoc sources (--feeds FILE) are asked on every run, as for
 * fetch_source_is_gone. */
int fetch_source_is_resting(const struct source *src, int64_t now);
/* Append the `brief fetch --json` object (docs/cli.md) for s to out (URLs and errors redacted,
 * util/redact.h). */
void fetch_summary_json(const struct fetch_summary *s, struct buf *out);

#endif
