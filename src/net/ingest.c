/* ingest.c: what happens when a feed's transfer ends: HTML detection, parsing, storing its
 * items with its validators and health atomically, the fetch log and the summary. The end of
 * an article page's transfer (a job with is_page) is handed to page.c instead.
 *
 * Group commit: a feed's writes (items, ETag and Last-Modified, health, fetch log row) go
 * into a transaction shared by the feeds that finish within INGEST_COMMIT_MS of each other.
 * Committing every feed separately costs a new FTS5 segment and a WAL append per feed, which
 * caps a run at a few hundred feeds/s (full-text indexing of the group's new items is one
 * statement just before the commit: store_items_defer_fts). Each feed stays all or nothing
 * without a savepoint of its own: it is written only once parsed whole (net/parse.c), so its
 * writes fail only when the store does, and then the whole group is rolled back and its feeds
 * reported failed (the run stops there). A savepoint per feed journaled every page the feed
 * touched, in memory: the fetcher's largest allocation. A killed run loses at most the feeds
 * of the last INGEST_COMMIT_MS, whose validators were not committed either, so the next run
 * fetches them again in full. */
#include <stdlib.h>
#include <string.h>

#include "feed/feed.h"
#include "feed/text.h"
#include "feed/url.h"
#include "net/fetch_error.h"
#include "net/fetch_internal.h"
#include "util/str.h"
#include "util/timeutil.h"

/* Whether j's permanent redirect target is to be stored as url_checked: it came from a public
 * feed (or from a URL that was itself checked), so it is no URL the user chose (net/guard.h);
 * a local feed's redirect to another local address stays the user's. */
static int
perm_url_checked(const struct fetch_job *j)
{
	return j->src.url_checked || !j->origin_private;
}

/* Skip whitespace, a BOM, an XML declaration, comments and processing instructions. */
static const char *
skip_prolog(const char *p, const char *end)
{
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (;;) {
		while (p < end && is_ascii_space((unsigned char)*p))
			p++;
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			const char *c = str_icasestr(p + 4, (size_t)(end - p - 4), "-->");
			p = c ? c + 3 : end;
		} else if (end - p >= 2 && memcmp(p, "<?", 2) == 0) {
			const char *c = str_icasestr(p + 2, (size_t)(end - p - 2), "?>");
			p = c ? c + 2 : end;
		} else {
			return p;
		}
	}
}

int
ingest_sniff_html(const char *body, size_t len, char *title, size_t size)
{
	const char *end = body + len;
	const char *p = skip_prolog(body, end);
	size_t rest = (size_t)(end - p);
	int is_html = (rest >= 14 && str_ncasecmp(p, "<!doctype html", 14) == 0) ||
	              (rest >= 5 && str_ncasecmp(p, "<html", 5) == 0 &&
	               (rest == 5 || p[5] == '>' || is_ascii_space((unsigned char)p[5]))) ||
	              (rest >= 5 && str_ncasecmp(p, "<head", 5) == 0) ||
	              (rest >= 5 && str_ncasecmp(p, "<body", 5) == 0);
	if (size)
		title[0] = '\0';
	if (!is_html || !size)
		return is_html;
	size_t scan = len < 65536 ? len : 65536;
	const char *t = str_icasestr(body, scan, "<title");
	if (!t)
		return 1;
	const char *gt = memchr(t, '>', (size_t)(body + scan - t));
	if (!gt)
		return 1;
	const char *stop = str_icasestr(gt + 1, (size_t)(body + scan - gt - 1), "</title");
	if (!stop)
		stop = body + scan;
	size_t n = 0;
	int was_space = 1;
	for (const char *q = gt + 1; q < stop && n + 1 < size; q++) {
		int is_space = is_ascii_space((unsigned char)*q);
		if (is_space && was_space)
			continue;
		title[n++] = is_space ? ' ' : *q;
		was_space = is_space;
	}
	while (n > 0 && title[n - 1] == ' ')
		n--;
	title[n] = '\0';
	return 1;
}

/* Report j's failure in the summary, with how long the source has failed: failures is the
 * count in a row this one included, 0 for a feed not asked (its health stays as it was). */
static void
add_failure(struct fetch_ctx *c, struct fetch_job *j, const char *error, int failures, int64_t failing_since)
{
	struct fetch_failure f = {arena_strdup(c->arena, j->src.url), arena_strdup(c->arena, error),
	                          failures ? failures : j->src.consecutive_failures,
	                          failures ? failing_since : j->src.failing_since};
	buf_append(&c->failures, &f, sizeof f);
	c->out->feeds_failed++;
	c->progress.failed++;
}

void
ingest_store_broken(struct fetch_ctx *c, const char *why)
{
	if (!c->store_error[0])
		str_copy(c->store_error, why, sizeof c->store_error);
}

static void
log_row(struct fetch_ctx *c, struct fetch_job *j, int status, const char *error, int64_t ms, int items_new)
{
	struct fetchlog_row row = {j->src.id, j->src.url, j->attempt_started_at, status, j->wire_bytes, ms,
	                           items_new, error};
	struct err e;
	if (!c->store_error[0] && store_fetchlog_add(c->st, &row, &e) < 0)
		ingest_store_broken(c, e.msg);
}

void
ingest_log_attempt(struct fetch_ctx *c, struct fetch_job *j, int http_status, const char *error,
                   int64_t latency_ms)
{
	if (j->is_page) /* the fetch log is the feeds' */
		return;
	log_row(c, j, http_status, error, latency_ms, 0);
}

/* A stored feed waiting for its transaction to commit. */
struct ingest_done {
	struct fetch_job *j;
	int64_t source_id;
	const char *url;  /* run arena */
	long items_new, items_seen;
	int is_not_modified;
};

static void
feed_done(struct fetch_ctx *c, struct fetch_job *j, const char *error, const char *detail)
{
	c->progress.done++;
	progress_feed(&c->progress, j->src.url, error, detail);
}

/* Open the group transaction for a feed's writes, when none is open. */
static int
feed_begin(struct fetch_ctx *c, struct err *e)
{
	if (!c->in_tx) {
		if (store_begin(c->st, e) < 0)
			return -1;
		if (store_items_defer_fts(c->st, e) < 0) {
			store_rollback(c->st);
			return -1;
		}
		c->in_tx = 1;
		c->tx_start_ms = time_mono_ms();
	}
	return 0;
}

static void
batch_add(struct fetch_ctx *c, struct fetch_job *j, long items_new, long items_seen, int is_not_modified)
{
	struct ingest_done d = {j, j->src.id, arena_strdup(c->arena, j->src.url), items_new, items_seen,
	                        is_not_modified};
	buf_append(&c->batch, &d, sizeof d);
	buf_append(&c->page_sources, &j, sizeof j);
	c->out->feeds_ok++;
	c->out->feeds_not_modified += is_not_modified;
	c->out->items_new += items_new;
	c->out->items_total += items_seen;
}

void
ingest_flush(struct fetch_ctx *c, int force)
{
	if (!c->in_tx)
		return;
	size_t n = c->batch.len / sizeof(struct ingest_done);
	if (!force && time_mono_ms() - c->tx_start_ms < INGEST_COMMIT_MS && n < INGEST_COMMIT_FEEDS)
		return;
	struct err e;
	int is_committed = 0;
	if (c->store_error[0]) { /* a feed's writes failed part way: nothing of the group is kept */
		store_rollback(c->st);
		err_set(&e, "%s", c->store_error);
	} else if (store_items_index_deferred(c->st, &e) == 0 && store_commit(c->st, &e) == 0) {
		is_committed = 1;
	} else {
		store_rollback(c->st);
		ingest_store_broken(c, e.msg);
	}
	c->in_tx = 0;
	/* The committed feeds' thin items are in the store now: their pages can start (a failed
	 * feed's older items whose page is due for a retry too). A feed with pages is announced
	 * to on_feed_done once they are all stored (ingest_feed_ready), so that a caller reading
	 * its items (the daily's pre-scorer) reads the pages' text. */
	if (is_committed)
		fetch_pages_queue(c, (struct fetch_job *const *)c->page_sources.data,
		                  c->page_sources.len / sizeof(struct fetch_job *));
	buf_clear(&c->page_sources);
	struct fetch_job **ready = (struct fetch_job **)c->notify_next.data;
	for (size_t i = 0; is_committed && i < c->notify_next.len / sizeof *ready; i++)
		if (c->opts->on_feed_done)
			c->opts->on_feed_done(c->opts->on_feed_done_ctx, ready[i]->src.id, ready[i]->items_new);
	buf_clear(&c->notify_next);
	struct ingest_done *d = (struct ingest_done *)c->batch.data;
	for (size_t i = 0; i < n; i++) {
		if (is_committed) {
			d[i].j->items_new = (int)d[i].items_new;
			d[i].j->is_notify_waiting = 1;
			if (d[i].j->pages_left == 0)
				ingest_feed_ready(c, d[i].j);
			continue;
		}
		/* nothing of these feeds was stored: report them as failed */
		c->out->feeds_ok--;
		c->out->feeds_not_modified -= d[i].is_not_modified;
		c->out->items_new -= d[i].items_new;
		c->out->items_total -= d[i].items_seen;
		struct fetch_failure f = {d[i].url, arena_strdup(c->arena, e.msg), 0, 0}; /* the store failed: no count */
		buf_append(&c->failures, &f, sizeof f);
		c->out->feeds_failed++;
	}
	buf_clear(&c->batch);
}

void
ingest_feed_ready(struct fetch_ctx *c, struct fetch_job *j)
{
	if (!j->is_notify_waiting)
		return; /* not committed yet (its commit announces it), or a failed feed */
	j->is_notify_waiting = 0;
	if (c->in_tx) /* its last page's outcome is in the open group */
		buf_append(&c->notify_next, &j, sizeof j);
	else if (c->opts->on_feed_done)
		c->opts->on_feed_done(c->opts->on_feed_done_ctx, j->src.id, j->items_new);
}

void
ingest_failure(struct fetch_ctx *c, struct fetch_job *j, int http_status, const char *error,
               int64_t latency_ms)
{
	if (j->is_page) {
		page_ingest_failure(c, j, error);
		return;
	}
	/* One more failure in a row: past FETCH_BACKOFF_AFTER, later runs leave it alone a while. */
	int failures = j->src.consecutive_failures + 1;
	struct source_result r = {.attempted_at = j->attempt_started_at ? j->attempt_started_at : time_now(),
	                          .http_status = http_status,
	                          .error = error,
	                          .latency_ms = latency_ms,
	                          .not_before = j->wait_until};
	int64_t wait = fetch_backoff_s(failures);
	if (wait > 0)
		r.retry_at = r.attempted_at + wait;
	int64_t since = j->src.consecutive_failures ? j->src.failing_since : r.attempted_at;
	struct err e;
	if (c->store_error[0]) {
		/* the store is broken: nothing more is written, the run fails as a whole */
	} else if (feed_begin(c, &e) == 0) {
		if (store_source_record(c->st, j->src.id, &r, &e) < 0)
			ingest_store_broken(c, e.msg);
		else
			log_row(c, j, http_status, error, latency_ms, 0);
		buf_append(&c->page_sources, &j, sizeof j);
	} else {
		ingest_store_broken(c, e.msg);
	}
	add_failure(c, j, error, failures, since);
	feed_done(c, j, error, NULL);
}

void
ingest_not_asked(struct fetch_ctx *c, struct fetch_job *j, int64_t until)
{
	char when[32], error[128];
	time_format_rfc3339(until, when, sizeof when);
	snprintf(error, sizeof error, "not asked: its server asked for no request before %s (Retry-After)", when);
	struct err e;
	if (j->wait_until && !c->store_error[0] &&
	    (feed_begin(c, &e) < 0 || store_source_not_before(c->st, j->src.id, j->wait_until, &e) < 0))
		ingest_store_broken(c, e.msg);
	add_failure(c, j, error, 0, 0);
	feed_done(c, j, error, NULL);
}

void
ingest_gone(struct fetch_ctx *c, struct fetch_job *j)
{
	char when[32], error[200];
	time_format_rfc3339(j->src.last_attempt_at, when, sizeof when);
	snprintf(error, sizeof error,
	         "not asked: gone, its server answered HTTP 410 Gone on %s (feeds rm it, or feeds add it to ask again)",
	         when);
	add_failure(c, j, error, 0, 0);
	feed_done(c, j, error, NULL);
}

void
ingest_resting(struct fetch_ctx *c, struct fetch_job *j)
{
	char since[32] = "an unknown time", next[32], error[600];
	if (j->src.failing_since)
		time_format_rfc3339(j->src.failing_since, since, sizeof since);
	time_format_rfc3339(j->src.retry_at, next, sizeof next);
	snprintf(error, sizeof error,
	         "not asked: failing since %s, %d times in a row; asked again after %s (feeds add it to ask now)"
	         FETCH_RESTING_LAST "%s",
	         since, j->src.consecutive_failures, next, j->src.last_error);
	add_failure(c, j, error, 0, 0);
	feed_done(c, j, error, NULL);
}

void
ingest_not_modified(struct fetch_ctx *c, struct fetch_job *j, int64_t latency_ms)
{
	if (j->is_page) { /* pages are asked for unconditionally: a 304 is the server's error */
		page_ingest_failure(c, j, "HTTP 304 to an unconditional request");
		return;
	}
	/* A 304's validators replace the stored ones (RFC 9111 4.3.4): a server that issues a new
	 * ETag with each 304 would otherwise answer the old one with the whole feed every run. */
	struct source_result r = {.attempted_at = j->attempt_started_at,
	                          .http_status = 304,
	                          .is_not_modified = 1,
	                          .etag = j->etag[0] ? j->etag : NULL,
	                          .last_modified = j->last_modified[0] ? j->last_modified : NULL,
	                          .new_url = j->perm_url,
	                          .new_url_checked = perm_url_checked(j),
	                          .latency_ms = latency_ms};
	struct err e;
	if (!c->store_error[0] && (feed_begin(c, &e) < 0 || store_source_record(c->st, j->src.id, &r, &e) < 0))
		ingest_store_broken(c, e.msg);
	if (c->store_error[0]) {
		ingest_failure(c, j, 304, c->store_error, latency_ms);
		return;
	}
	log_row(c, j, 304, NULL, latency_ms, 0);
	batch_add(c, j, 0, 0, 1);
	feed_done(c, j, NULL, "not modified");
	return;
}

const char *
ingest_content_type_charset(const char *ct, char *out, size_t size)
{
	if (!ct)
		return NULL;
	const char *p = str_icasestr(ct, strlen(ct), "charset=");
	if (!p)
		return NULL;
	p += 8;
	if (*p == '"' || *p == '\'')
		p++;
	size_t n = 0;
	while (p[n] && p[n] != ';' && p[n] != '"' && p[n] != '\'' && !is_ascii_space((unsigned char)p[n]) &&
	       n + 1 < size) {
		out[n] = p[n];
		n++;
	}
	out[n] = '\0';
	return n ? out : NULL;
}

static void
html_error(struct fetch_job *j, int status, const char *ct, char *out, size_t size)
{
	char title[100];
	ingest_sniff_html(j->body_data, j->body_len, title, sizeof title);
	snprintf(out, size, "served an HTML page, not a feed (HTTP %d, %s%s%s%s)", status,
	         ct ? ct : "no content type", title[0] ? ", title \"" : "", title, title[0] ? "\"" : "");
}

void
ingest_parsed(struct fetch_ctx *c, struct parse_task *t)
{
	struct fetch_job *j = t->j;
	int http_status = t->http_status;
	int64_t latency_ms = t->latency_ms;
	char err[1024];
	struct err e;
	long items_new = 0, items_seen = 0;
	if (t->rc < 0 || t->doc.is_html) {
		if (t->doc.is_html)
			html_error(j, http_status, t->content_type, err, sizeof err);
		else if (j->undecodable) /* the body as sent, after its Content-Encoding failed */
			snprintf(err, sizeof err, "not a feed: its Content-Encoding cannot be decoded (%s), nor is the "
			         "body as sent a feed (%s)", j->undecodable, t->doc.error ? t->doc.error : "unrecognised document");
		else
			snprintf(err, sizeof err, "not a feed: %s", t->doc.error ? t->doc.error : "unrecognised document");
		for (char *p = err; *p; p++)
			if (*p == '\n' || *p == '\r')
				*p = ' ';
		ingest_failure(c, j, http_status, err, latency_ms);
		return;
	}
	if (c->store_error[0] || feed_begin(c, &e) < 0) {
		if (!c->store_error[0])
			ingest_store_broken(c, e.msg);
		ingest_failure(c, j, http_status, c->store_error, latency_ms);
		return;
	}
	const struct store_item_prep *items = (const struct store_item_prep *)t->items.data;
	size_t n = t->items.len / sizeof *items;
	c->items.doc = items; /* an edited title is known among the document's other items */
	c->items.doc_count = n;
	for (size_t i = 0; i < n; i++) {
		enum store_put_result res;
		if (store_item_put_prepared(&c->items, j->src.id, &items[i], t->now, &res, &e) < 0)
			goto broken;
		items_seen++;
		items_new += res == ITEM_NEW;
	}
	c->items.doc = NULL;
	c->items.doc_count = 0;
	/* The feed's description as plain text (some feeds write HTML there), cut to what is kept. */
	struct buf desc = BUF_INIT;
	if (t->doc.feed.subtitle)
		text_from_html(t->doc.feed.subtitle, strlen(t->doc.feed.subtitle), SOURCE_DESCRIPTION_MAX, &desc);
	/* A compressed body cut short (a gzip stream ending half way, its Content-Length matching)
	 * is no error to libcurl 7.88, nor is a plain one that the connection's close ended (no
	 * Content-Length, not chunked): the document parses as far as it goes, bozo. Its whole
	 * items are kept (the one the cut fell in is not: parse.c), but not its validators: they
	 * would make the next run a 304 and the rest of the feed would never come. Such a feed
	 * that is merely ill-formed is fetched whole each run instead, which costs bytes, not
	 * items; so is any document that ended inside an item. */
	int keep_validators = !(t->doc.is_item_cut || (t->doc.is_bozo && (j->is_encoded || !j->is_delimited)));
	struct source_result r = {.attempted_at = j->attempt_started_at,
	                          .http_status = http_status,
	                          .etag = keep_validators && j->etag[0] ? j->etag : NULL,
	                          .last_modified = keep_validators && j->last_modified[0] ? j->last_modified : NULL,
	                          .new_url = j->perm_url,
	                          .new_url_checked = perm_url_checked(j),
	                          .title = t->doc.feed.title,
	                          .description = desc.len ? buf_str(&desc) : NULL,
	                          /* the site a source added by its feed URL alone links to (feeds list
	                           * --json's html_url, export's htmlUrl, the archive's source link) */
	                          .html_url = url_feed_check(t->doc.feed.link) == URL_FEED_OK ? t->doc.feed.link
	                                                                                    : NULL,
	                          .latency_ms = latency_ms};
	int recorded = store_source_record(c->st, j->src.id, &r, &e);
	buf_free(&desc);
	if (recorded < 0)
		goto broken;
	/* The same feed subscribed at another address (no redirect tells): one source from now on. */
	struct arena ma = ARENA_INIT;
	const char *other = NULL;
	int kept = 1, merged = store_source_merge_same(c->st, j->src.id, &ma, &other, &kept, &e);
	if (merged < 0) {
		arena_free(&ma);
		goto broken;
	}
	log_row(c, j, http_status, NULL, latency_ms, (int)items_new);
	batch_add(c, j, items_new, items_seen, 0);
	char detail[600];
	snprintf(detail, sizeof detail, "%ld new of %ld%s%.500s%s", items_new, items_seen,
	         !merged ? ""
	         : kept  ? "; the same feed as "
	                 : "; the same feed as, and merged into, ",
	         merged ? other : "", merged && kept ? " (merged into this one)" : "");
	arena_free(&ma);
	feed_done(c, j, NULL, detail);
	return;
broken:
	c->items.doc = NULL;
	c->items.doc_count = 0;
	ingest_store_broken(c, e.msg);
	ingest_failure(c, j, http_status, e.msg, latency_ms);
}

/* True when an HTML page has a feed element in its first 64 KiB ("<feed ", "<rss>", "<rdf:RDF",
 * "<channel"): an Atom feed wrapped in an XHTML page, which feedparser and feedjira read, and
 * so does our parser (which still reports a page with none as HTML). */
static int
wraps_feed(const char *body, size_t len)
{
	static const char *const tags[] = {"<feed", "<rss", "<rdf:rdf", "<channel"};
	size_t scan = len < 65536 ? len : 65536;
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
		size_t tl = strlen(tags[i]);
		for (const char *p = body, *end = body + scan; (p = str_icasestr(p, (size_t)(end - p), tags[i])) != NULL;
		     p += tl) {
			char next = p + tl < end ? p[tl] : '\0';
			if (next == '>' || is_ascii_space((unsigned char)next))
				return 1;
		}
	}
	return 0;
}

/* Hand a non-empty feed body viewed at j->body_data to the parse thread. Returns 1 when it
 * was (the job is finished once stored), 0 when it failed here. */
static int
submit_body(struct fetch_ctx *c, struct fetch_job *j, int http_status, const char *content_type,
            int64_t latency_ms)
{
	char err[1024];
	if (ingest_sniff_html(j->body_data, j->body_len, NULL, 0) && !wraps_feed(j->body_data, j->body_len)) {
		html_error(j, http_status, content_type, err, sizeof err);
		ingest_failure(c, j, http_status, err, latency_ms);
		return 0;
	}
	struct parse_task *t = xcalloc(1, sizeof *t);
	t->j = j;
	t->http_status = http_status;
	t->content_type = content_type ? arena_strdup(&t->arena, content_type) : NULL;
	t->latency_ms = latency_ms;
	t->now = time_now();
	arena_reset(&c->feed_arena); /* held content_type, copied */
	parse_submit(c, t);
	return 1;
}

int
ingest_body(struct fetch_ctx *c, struct fetch_job *j, int http_status, const char *content_type,
            int64_t latency_ms)
{
	char err[1024];
	if (j->body_len == 0) {
		snprintf(err, sizeof err, "empty response (HTTP %d)", http_status);
		ingest_failure(c, j, http_status, err, latency_ms);
		return 0;
	}
	if (fetch_body_view(j, err, sizeof err) < 0) {
		ingest_failure(c, j, http_status, err, latency_ms);
		return 0;
	}
	if (j->is_page) {
		page_ingest_body(c, j, http_status, content_type);
	} else if (submit_body(c, j, http_status, content_type, latency_ms)) {
		return 1; /* unviewed once stored (parse.c) */
	}
	fetch_body_unview(j);
	return 0;
}
