/* serve.h: `brief serve`, a read-only web archive of the store: reports (daily, weekly,
 * articles), items with full-text search, and an Atom feed of the reports.
 *
 * Pages:  /                  reports, newest first (?page=N)
 *         /r/KIND/SLUG       a stored report as HTML (.md and .json for the other forms; ?lang=)
 *         /items?q=WORDS     search over item titles and text (FTS5 trigram index), or the latest
 *         /items/ID          one item, with its score and enrichment when there are any
 *         /feed.atom         the reports as an Atom feed
 * Every string from the store is HTML-escaped; report pages are served with a Content-Security-Policy
 * that allows no script and no network request. One libmicrohttpd thread answers requests with
 * one SQLite connection in query_only mode; WAL lets it read while a fetch writes.
 *
 * Exposure: a request whose Host header names something other than an IP literal, localhost or
 * one of the configured names is refused (421), so a web page cannot reach the archive through
 * a name it rebinds to 127.0.0.1 (DNS rebinding). With a token, every request must carry it:
 * "Authorization: Bearer TOKEN", or ?token=TOKEN once (answered with an HttpOnly, SameSite=Strict
 * cookie so the pages' own links work), else 401. Idle and slow clients cannot starve the
 * others: connections idle for SERVE_IDLE_TIMEOUT_S seconds are closed, at most
 * SERVE_MAX_CONNECTIONS are open and at most SERVE_PER_IP_CONNECTIONS per client address. */
#ifndef BRIEF_SERVE_SERVE_H
#define BRIEF_SERVE_SERVE_H

#include "util/err.h"

#define SERVE_IDLE_TIMEOUT_S 10
#define SERVE_MAX_CONNECTIONS 4096
#define SERVE_PER_IP_CONNECTIONS 32
/* Memory `brief serve` touches at start and keeps (util/heap.h): twice what a search of a
 * prefix of ~160 words (`comp*`) allocates at 3M items. A broader expansion (up to 1,024 words,
 * ~35 MiB) grows the heap once, and that too is kept. */
#define SERVE_HEAP_RESERVE ((size_t)16 << 20)

struct serve;

struct serve_opts {
	const char *listen; /* "HOST:PORT", "[V6]:PORT", ":PORT" or "PORT" (host default 127.0.0.1;
	                     * port 0 = any free port) */
	const char *token;  /* NULL or "": no token needed; else every request must carry it */
	const char *hosts;  /* comma-separated host names accepted in Host besides IP literals and
	                     * localhost (NULL = none) */
};

/* Check o's token (16 to 256 of letters, digits and -._~+/=) and the form of its listen address
 * (NULL: not checked), without opening anything: a command can refuse them before it makes its
 * state directory. Returns 0, or -1 with e set. serve_start checks the same. */
int serve_check_opts(const struct serve_opts *o, struct err *e);
/* Check the form of a listen address as serve_check_opts does, an error naming the setting it
 * came from as name ("BRIEF_LISTEN", "[serve] listen"). Returns 0 or -1 with e set. */
int serve_check_listen(const char *listen, const char *name, struct err *e);
/* Open the store at db_path (created and migrated if needed) and start answering as o says.
 * A store that cannot be opened for writing is opened read-only when it can be
 * (store_open_readonly; serve_store_note says so). Returns the running server, or NULL with e
 * set (e.g. "cannot listen on 127.0.0.1:80: Permission denied"). */
struct serve *serve_start(const char *db_path, const struct serve_opts *o, struct err *e);
/* Why the store is served read-only (it could not be opened for writing: another user's store, a
 * read-only file, directory or file system), a sentence for the log; NULL when it opened as
 * every command opens it. Owned by sv. */
const char *serve_store_note(const struct serve *sv);
/* True when the server listens on a loopback address only (else other machines can reach it). */
int serve_is_loopback(const struct serve *sv);
/* The base URL actually listened on, e.g. "http://127.0.0.1:41234". */
const char *serve_url(const struct serve *sv);
/* Stop answering (waits for the request in progress), close the store, free sv. NULL is a no-op. */
void serve_stop(struct serve *sv);

#endif
