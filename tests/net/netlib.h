/* netlib.h: test helpers for the fetch tests: start/stop the feed server, read its counters. */
#ifndef BRIEF_TESTS_NETLIB_H
#define BRIEF_TESTS_NETLIB_H

#include <sys/types.h>

struct fsrv {
	pid_t pid;
	int port;
	char addr[64]; /* the IPv4 address it listens on */
};

/* Start tests' feedserver serving root on an ephemeral loopback port (bind_addr NULL =
 * 127.0.0.1). Aborts the test when it cannot start. Proxy variables are removed from
 * the environment so loopback requests go direct. */
void fsrv_start(struct fsrv *s, const char *root, const char *bind_addr);
/* Kill the server and wait for it. */
void fsrv_stop(struct fsrv *s);
/* Counters for one request target ("/a.xml?x=1", or "*" for totals): returns 0 and fills
 * the fields given (any may be NULL), -1 when the server never saw the target. */
int fsrv_stat(const struct fsrv *s, const char *target, long *requests, long *conditional,
              long *not_modified, long long *bytes);
/* The User-Agent of the last request for target into out ("" if none). */
void fsrv_user_agent(const struct fsrv *s, const char *target, char *out, size_t size);
/* The most requests answered at once for Host header host (0 if never seen). */
int fsrv_host_max(const struct fsrv *s, const char *host);
/* The TCP connections that carried host's requests since the last reset. */
int fsrv_host_connections(const struct fsrv *s, const char *host);
/* Clear the counters. */
void fsrv_reset(const struct fsrv *s);
/* "http://ADDR:PORT" + path, in a static rotating buffer (valid for 16 calls). */
const char *fsrv_url(const struct fsrv *s, const char *path);



#include <stdint.h>

#include "net/fetch.h"
#include "store/store.h"

/* Open (creating) dir/brief.db; aborts the test on failure. */
void t_store_open(struct store *st, const char *dir);
/* Add url as a user source; returns its id. */
int64_t t_add_source(struct store *st, const char *url);
/* The single integer an SQL query returns (e.g. "SELECT count(*) FROM items"). */
long long t_query_int(struct store *st, const char *sql);
/* Run fetch_run with timeout_s (and no progress output) into out; aborts on a run error. */
void t_fetch(struct store *st, int timeout_s, struct arena *arena, struct fetch_summary *out);
/* t_fetch with cfg's [fetch] options applied (cfg may be NULL) and cfg passed to the run. */
void t_fetch_cfg(struct store *st, const struct config *cfg, int timeout_s, struct arena *arena,
                 struct fetch_summary *out);
/* Print a summary's failures to stderr (for test diagnostics). */
void t_print_failures(const struct fetch_summary *s);
/* Exit 77 (skip) when this build's feed parser cannot parse a trivial RSS document (the
 * parser landing separately); the fetch tests need it to store anything. */
void t_need_parser(void);
/* A fresh directory NAME under the test's temporary directory (static rotating buffer, valid
 * for 16 calls); aborts the test when it cannot be made. */
const char *t_subdir(const char *name);
/* Write text to dir/name (a page or feed for the feed server's root); aborts the test on
 * failure. */
void t_write_in(const char *dir, const char *name, const char *text);
/* "%XX"-escape every byte of s outside [A-Za-z0-9] into out (for the feed server's to=
 * option). */
void t_url_escape(const char *s, char *out, size_t size);
/* A loopback TCP port nobody listens on right now (bound, read, closed); aborts on failure. */
int t_free_port(void);
/* Index of the failure for url in s, or -1. */
int t_failure_for(const struct fetch_summary *s, const char *url);
struct buf;
/* Runs the brief binary with the NULL-terminated arguments after err, collecting its
 * stdout in out and its stderr in err (either may be NULL). env NULL is an isolated
 * environment: no config file, no LLM endpoint or key, TZ=UTC. Returns its exit status. */
int t_brief(char *const *env, struct buf *out, struct buf *err, ...);

/* A gated feed: a one-request HTTP server on 127.0.0.1 (its own thread) that reads the
 * request and answers it with body only once is_open(ctx) is true, polled every 20 ms, or
 * after 20 s without (well within the fetch tests' 60 s timeouts, so the feed is stored
 * either way and only is_opened tells). It shows an order of events without timing them: a
 * run that needs the gate open to finish its feed proves that what opens it came first. */
struct t_gate {
	int fd;               /* listening */
	int port;
	int (*is_open)(void *ctx);
	void *ctx;
	const char *body;     /* the answer, as application/rss+xml */
	int is_opened;        /* is_open said yes before the 20 s passed */
	unsigned long thread; /* pthread_t */
};
/* Listen and start the thread; aborts the test on failure. g->port is then the port. */
void t_gate_start(struct t_gate *g, int (*is_open)(void *ctx), void *ctx, const char *body);
/* Wait for the thread (it ends after its one answer) and close the socket. */
void t_gate_join(struct t_gate *g);
#endif
