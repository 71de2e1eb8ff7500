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
 * one SQLite connection in query_only mode; WAL lets it read while a fetch writes. */
#ifndef BRIEF_SERVE_SERVE_H
#define BRIEF_SERVE_SERVE_H

#include "util/err.h"

struct serve;

/* Open the store at db_path (created and migrated if needed) and start answering on listen:
 * "HOST:PORT", "[V6]:PORT", ":PORT" or "PORT" (host default 127.0.0.1; port 0 = any free port).
 * Returns the running server, or NULL with e set (e.g. "cannot listen on 127.0.0.1:80: Permission
 * denied"). */
struct serve *serve_start(const char *db_path, const char *listen, struct err *e);
/* The base URL actually listened on, e.g. "http://127.0.0.1:41234". */
const char *serve_url(const struct serve *sv);
/* Stop answering (waits for the request in progress), close the store, free sv. NULL is a no-op. */
void serve_stop(struct serve *sv);

#endif
