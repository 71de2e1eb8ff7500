/* page.c: what happens when an item's article page has been fetched (or could not be): the
 * article is extracted (src/extract/) and the outcome stored once for the item
 * (store/fulltext.h), so the page is never fetched again. fetch.c queues a feed's pages once
 * the feed is committed; attempt.c fetches them like feeds, with the address guard on from the
 * first hop. */
#include <stdio.h>
#include <string.h>

#include "extract/extract.h"
#include "net/fetch_internal.h"
#include "store/fulltext.h"
#include "util/log.h"
#include "util/str.h"
#include "util/timeutil.h"
#include "util/utf8.h"

/* Store one outcome; a store that cannot be written stops the run (ingest_store_broken). */
static void
put(struct fetch_ctx *c, struct fetch_job *j, enum fulltext_status status, const char *text, const char *error)
{
	struct err e;
	if (!c->store_error[0] &&
	    store_fulltext_put(c->st, j->item_id, j->src.url, status, text, error, time_now(), &e) < 0)
		ingest_store_broken(c, e.msg);
}

/* The end of one page, whatever its outcome: count it done and show it in the progress. */
static void
page_done(struct fetch_ctx *c, struct fetch_job *j, const char *error, const char *detail)
{
	c->progress.pages_done++;
	progress_page(&c->progress, j->src.url, error, detail);
	if (j->feed && --j->feed->pages_left == 0)
		ingest_feed_ready(c, j->feed);
}

void
page_ingest_failure(struct fetch_ctx *c, struct fetch_job *j, const char *error)
{
	put(c, j, FULLTEXT_FAILED, NULL, error);
	c->out->pages_failed++;
	c->progress.failed++;
	log_debug("full text %s: %s", j->src.url, error);
	page_done(c, j, error, NULL);
}

/* True when a response of Content-Type ct (NULL: none sent) holding body can be an article
 * page: HTML, XHTML or other text. A PDF, an image, audio or video cannot: read as HTML its
 * bytes became the story's text. Without a type, a body opening as a PDF or holding a NUL byte
 * in its first KiB is not text. */
static int
is_page_type(const char *ct, const char *body, size_t len)
{
	if (!ct || !*ct) {
		size_t n = len < 1024 ? len : 1024;
		return !(len >= 5 && memcmp(body, "%PDF-", 5) == 0) && !memchr(body, '\0', n);
	}
	while (*ct == ' ' || *ct == '\t')
		ct++;
	return str_ncasecmp(ct, "text/", 5) == 0 || str_ncasecmp(ct, "application/xhtml+xml", 21) == 0;
}

/* Under this many characters an extracted text may be a wall rather than an article. */
#define WALL_MAX_CHARS 1500

/* True when the extracted text (len bytes) reads as a wall in front of the article rather than
 * the article: short, and asking the reader to subscribe, sign in, accept cookies or enable
 * JavaScript, or saying a bot check is running. Such a page served with 200 was stored as the
 * article and, being longer than a two-line summary, became the story's text. */
static int
is_wall(const char *text, size_t len)
{
	static const char *const phrases[] = {
		"subscribe to continue", "subscribe to read the", "to read the full article", "already a subscriber",
		"subscribers only", "sign in to continue", "log in to continue", "sign in to read", "log in to read",
		"login to continue", "register to continue", "create a free account to", "checking your browser",
		"verify you are human", "enable javascript", "javascript is disabled", "javascript is required",
		"we use cookies", "accept all cookies", "before you continue", NULL};
	if (utf8_count(text, len) >= WALL_MAX_CHARS)
		return 0;
	for (const char *const *p = phrases; *p; p++)
		if (str_icasestr(text, len, *p))
			return 1;
	return 0;
}

/* True when a page's title (NULL: none) says it is an error page: "404", "Not Found", "404 Not
 * Found", "Error 404", "... Page not found ...", but not a post about 404 errors. A removed post
 * served with 200 and such a page was stored as the article. */
static int
is_not_found_title(const char *title)
{
	if (!title)
		return 0;
	size_t len = strlen(title);
	const char *t = title;
	str_trim(&t, &len);
	static const char *const whole[] = {"404", "not found", "error 404", "404 error", NULL};
	for (const char *const *w = whole; *w; w++)
		if (len == strlen(*w) && str_ncasecmp(t, *w, len) == 0)
			return 1;
	return (len >= 3 && memcmp(t, "404", 3) == 0 && str_icasestr(t, len, "not found")) ||
	       str_icasestr(t, len, "page not found") || str_icasestr(t, len, "file not found");
}

/* True when url (http or https) is a site's home page: its path is empty or "/" (the query
 * and fragment aside). */
static int
is_home_page(const char *url)
{
	const char *p = strstr(url, "://");
	if (!p)
		return 0;
	p += 3;
	p += strcspn(p, "/?#");
	return *p != '/' || p[1] == '\0' || p[1] == '?' || p[1] == '#';
}

/* A page that is no article: stored so, never fetched again. */
static void
no_article(struct fetch_ctx *c, struct fetch_job *j, const char *why)
{
	put(c, j, FULLTEXT_NO_ARTICLE, NULL, NULL);
	c->out->pages_no_article++;
	page_done(c, j, NULL, why);
}

void
page_ingest_body(struct fetch_ctx *c, struct fetch_job *j, int http_status, const char *content_type)
{
	(void)http_status;
	if (!is_page_type(content_type, j->body_data, j->body_len)) {
		no_article(c, j, "no article (not a web page)");
		return;
	}
	/* a link to a post that redirected to a home page (a removed post, a moved blog, a domain
	 * parked elsewhere): the home page's latest posts are not this item's story */
	if (j->hops > 0 && is_home_page(j->url) && !is_home_page(j->src.url)) {
		no_article(c, j, "no article (redirected to a home page)");
		return;
	}
	char charset[64];
	struct extract_opts o = {.url = j->url,
	                         .http_charset = ingest_content_type_charset(content_type, charset, sizeof charset)};
	struct extract_result r;
	struct err e;
	if (extract_page(j->body_data, j->body_len, &o, &c->feed_arena, &r, &e) < 0) {
		page_ingest_failure(c, j, e.msg);
		arena_reset(&c->feed_arena);
		return;
	}
	if (r.found && is_not_found_title(r.title)) {
		arena_reset(&c->feed_arena);
		no_article(c, j, "no article (a \"not found\" page)");
		return;
	}
	if (r.found && is_wall(r.text, r.text_len)) {
		arena_reset(&c->feed_arena);
		no_article(c, j, "no article (a subscription, sign-in, cookie or JavaScript wall)");
		return;
	}
	if (r.found) {
		put(c, j, FULLTEXT_OK, r.text, NULL);
		c->out->pages_ok++;
	} else {
		put(c, j, FULLTEXT_NO_ARTICLE, NULL, NULL);
		c->out->pages_no_article++;
	}
	char detail[64];
	snprintf(detail, sizeof detail, r.found ? "article, %zu bytes" : "no article", r.text_len);
	arena_reset(&c->feed_arena);
	page_done(c, j, NULL, detail);
}
