/* discover.h: feed autodiscovery for `brief feeds add`: what the URL a user gives turns out to
 * be (a feed, or a web page naming its feeds in <link rel="alternate">), looked at with one
 * request made as `brief fetch` makes it (the same transfer settings, body cap, redirects and
 * address guard, net/guard.h). */
#ifndef BRIEF_NET_DISCOVER_H
#define BRIEF_NET_DISCOVER_H

#include <stddef.h>

#include "net/fetch.h"
#include "util/arena.h"
#include "util/config.h"
#include "util/err.h"

enum discover_kind {
	DISCOVER_UNCHECKED, /* the URL could not be looked at (network, HTTP status, neither a feed
	                     * nor a web page): why says why; store it as given */
	DISCOVER_FEED,      /* the URL serves a feed: store it as given */
	DISCOVER_FOUND,     /* the URL serves a page naming a feed: store feed_url */
	DISCOVER_NO_FEED,   /* the URL serves a page naming no feed brief may subscribe to, or
	                     * whose feed links, requested, serve no feed */
};

/* A feed a page names. */
struct discover_feed {
	const char *url;
	const char *title; /* the link's title, NULL when none; the page's text (terminal-unsafe) */
	int is_comments;   /* its title or URL says "comments" or "评论" */
	const char *not_a_feed; /* requested, and what it served no fetch would read (an HTTP 4xx,
	                         * a web page, not a feed): why; NULL when not found so */
};

/* At most this many of the feeds a page names are requested, best first, before one is
 * chosen (discover_feed). */
#define DISCOVER_CHECKS 3

/* A page naming no feed whose URL ends in '/' has these addresses in it tried, in order (one
 * request each), as docs/cli.md says. */
#define DISCOVER_GUESSES {"feed", "index.xml"}
#define DISCOVER_GUESSES_SHOWN "feed or index.xml beside it"

struct discover_result {
	enum discover_kind kind;
	const char *why;              /* UNCHECKED: one line; NO_FEED: why no link could be used */
	const char *page_url;         /* FOUND, NO_FEED: where the URL led (after redirects) */
	struct discover_feed feed;    /* FOUND: the chosen feed */
	int feed_guessed;             /* FOUND: the page names no feed; feed is a usual address
	                               * beside it (DISCOVER_GUESSES) that served one */
	const char *feed_unchecked;   /* FOUND: NULL when the chosen feed was requested and served a
	                               * feed; else why it could not be (a network failure, HTTP 5xx):
	                               * it is kept as the page names it */
	int feed_from_public;         /* FOUND: the page came from a public address, so the feed's
	                               * URL is the page's say-so: fetch it with the address guard on
	                               * from its first hop (sources.url_checked) */
	struct discover_feed *others; /* FOUND: the other usable feeds the page names, in order */
	size_t other_count;
	int links_refused;            /* FOUND, NO_FEED: feed links left out: not an http(s) URL, or
	                               * a non-public address named by a public page */
};

/* Look at url (an http(s) URL the user gave) with one GET: through at most FETCH_MAX_REDIRECTS
 * redirects, within opts->timeout_s and opts->max_body, as user_agent (NULL: the fetcher's
 * default or cfg's [fetch] user_agent), and under cfg's address policy: the user's URL may be
 * on any address, a redirect or a feed link only when the user's URL was on a non-public one
 * too (or [fetch] allow_private). A page's feed is chosen as docs/cli.md says: the first
 * alternate that is not a comments feed, RSS/Atom/RDF before JSON Feed; then comments feeds
 * in that order; plain application/json last of all; the others are listed. A page's feed is
 * requested before it is chosen (the guard on from the first hop when the page was public):
 * one that serves no feed (an HTTP 4xx, a web page ...) gives way to the next of its group,
 * at most DISCOVER_CHECKS requests; a comments feed never stands in for a main one. When
 * every one tried serves no feed, out is NO_FEED; when one could not be reached, it is kept
 * (feed_unchecked). A page naming no feed at all, at a URL ending in '/', has
 * DISCOVER_GUESSES in it tried the same way (feed_guessed); one that cannot be reached is
 * not kept. Strings in a. Returns 0 (every outcome, network failures included, is a
 * kind), or -1 with e set when libcurl cannot be set up or cfg's policy is malformed. */
int discover_feed(const struct config *cfg, const struct fetch_opts *opts, const char *url,
                  const char *user_agent, struct arena *a, struct discover_result *out, struct err *e);

/* At most this many look-ups of discover_feeds run at once. */
#define DISCOVER_PARALLEL_MAX 16

/* discover_feed of each of urls[0..n) (user_agents[i] its User-Agent, NULL or user_agents
 * NULL: the default), into out[i] with its strings in arenas[i] (n arenas, initialised), at
 * most parallel (capped at DISCOVER_PARALLEL_MAX) at once, each on a thread of its own, so
 * that a list of feeds that do not answer takes about n / parallel timeouts, not n; and, as
 * the fetcher does, at most opts->per_host at once of the URLs of one host (url_host): a list
 * naming one host many times is looked at without a burst at it. Returns 0
 * when every look-up could be made (each outcome a kind, as discover_feed's), or -1 with e
 * set as discover_feed sets it (the look-ups not yet begun are then not made). */
int discover_feeds(const struct config *cfg, const struct fetch_opts *opts, const char *const *urls,
                   const char *const *user_agents, size_t n, int parallel, struct arena *arenas,
                   struct discover_result *out, struct err *e);

#endif
