/* fetch_error.h: the classes of a feed's fetch error, read back from the one-line message
 * the fetcher wrote (fetch_summary.failures, the store's sources.last_error), so that a
 * report can tell its reader in their language what went wrong while keeping the
 * technical line. The table of the fetcher's message forms lives in fetch_error.c, beside
 * the code that writes them (attempt.c, ingest.c, fetch.c). */
#ifndef BRIEF_NET_FETCH_ERROR_H
#define BRIEF_NET_FETCH_ERROR_H

enum fetch_error_class {
	FETCH_ERR_OTHER,       /* none of the below (the store, a temporary file, out of memory) */
	FETCH_ERR_TIMEOUT,     /* no answer, or not all of it, in time (the run's deadline too) */
	FETCH_ERR_CONNECT,     /* no connection (refused, unreachable) */
	FETCH_ERR_RESET,       /* the connection dropped or closed without an answer */
	FETCH_ERR_DNS,         /* the host name does not resolve */
	FETCH_ERR_TLS,         /* TLS handshake or certificate */
	FETCH_ERR_NOT_FOUND,   /* HTTP 404, 410 */
	FETCH_ERR_FORBIDDEN,   /* HTTP 401, 403, 451 */
	FETCH_ERR_RATE_LIMITED, /* HTTP 429, or a Retry-After not yet passed */
	FETCH_ERR_SERVER,      /* HTTP 5xx */
	FETCH_ERR_HTTP,        /* another HTTP status, a broken redirect */
	FETCH_ERR_NOT_FEED,    /* an answer that is no feed (an HTML page, an empty body) */
	FETCH_ERR_TOO_BIG,     /* the body passed the size cap */
	FETCH_ERR_BLOCKED,     /* a non-public address the address guard refused */
	FETCH_ERR_COUNT
};

/* In the line of a source not asked because it keeps failing, what precedes its last error
 * (which ends the line): "not asked: failing since TIME, N times in a row; asked again after
 * TIME (feeds add it to ask now); last: ERROR". Its class is that error's. */
#define FETCH_RESTING_LAST "; last: "

/* The class of error, a message the fetcher wrote; FETCH_ERR_OTHER for NULL, "" or a form
 * the table does not know. */
enum fetch_error_class fetch_error_classify(const char *error);

#endif
