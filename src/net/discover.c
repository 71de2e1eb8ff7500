/* discover.c: feed autodiscovery for `brief feeds add` (net/discover.h): one GET of the URL
 * the user gave, hop by hop through the address guard as attempt.c fetches a feed, then the
 * body read as a feed (feed_parse) or as a page naming its feeds (extract_feed_links). */
#include "net/discover.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "feed/feed.h"
#include "feed/url.h"
#include "net/fetch_internal.h"
#include "util/str.h"
#include "util/timeutil.h"

/* One GET's body, capped. */
struct page_body {
	struct buf data;
	size_t max;
	int is_too_big;
};

/* The curl write callback (userp = a struct page_body): appends, and stops the transfer
 * (returns 0, is_too_big set) past the cap. */
static size_t
on_body(char *data, size_t size, size_t nmemb, void *userp)
{
	struct page_body *b = userp;
	size_t n = size * nmemb;
	if (b->data.len + n > b->max) {
		b->is_too_big = 1;
		return 0;
	}
	buf_append(&b->data, data, n);
	return n;
}

/* What a GET of a URL ended with. */
struct page_get {
	int ok;                   /* a 2xx answer: body, final_url, content_type set */
	char why[600];            /* else: one line */
	int is_transient;         /* else: a failure that may pass (the network, a timeout, HTTP 429
	                           * or 5xx), not one every later fetch meets again */
	const char *final_url;    /* where the redirects led (a) */
	const char *content_type; /* the answer's Content-Type (a), or NULL */
	int origin_private;       /* the user's URL, and every hop since, connected to a non-public
	                           * address (net_guard_chain_private) */
};

/* GET url with redirects followed through the guard (a redirect may lead to a non-public
 * address only when the user's URL was on one; with is_checked, no hop may, as a source
 * stored url_checked is fetched), within opts' timeout and body cap. */
static void
page_get(CURL *h, const struct net_guard_policy *policy, const struct fetch_opts *opts, const char *url,
         int is_checked, const char *user_agent, struct arena *a, struct page_body *body, struct page_get *out)
{
	const char *visited[FETCH_MAX_REDIRECTS + 1] = {url};
	int64_t start = time_mono_ms();
	struct curl_slist *headers = curl_slist_append(NULL, FETCH_ACCEPT_HEADER);
	char errbuf[CURL_ERROR_SIZE];
	memset(out, 0, sizeof *out);
	for (int hops = 0;; hops++) {
		int64_t budget = (int64_t)opts->timeout_s * 1000 - (time_mono_ms() - start);
		if (budget <= 0) {
			snprintf(out->why, sizeof out->why, "timed out after %d s", opts->timeout_s);
			out->is_transient = 1;
			break;
		}
		struct net_guard g;
		net_guard_start(&g, policy, is_checked || (hops > 0 && !out->origin_private));
		if (net_guard_check_url(&g, visited[hops]) < 0) {
			str_copy(out->why, g.refused, sizeof out->why);
			break;
		}
		curl_easy_reset(h);
		fetch_easy_setup(h, opts, visited[hops], user_agent, budget);
		curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
		curl_easy_setopt(h, CURLOPT_WRITEDATA, body);
		curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
		curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
		net_guard_install(h, &g);
		buf_clear(&body->data);
		body->is_too_big = 0;
		errbuf[0] = '\0';
		CURLcode rc = curl_easy_perform(h);
		/* a public hop ends the allowance of a local URL (net_guard_chain_private) */
		out->origin_private = net_guard_chain_private(hops, out->origin_private, &g);
		long status = 0;
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
		if (rc != CURLE_OK) {
			if (g.refused[0])
				str_copy(out->why, g.refused, sizeof out->why);
			else if (body->is_too_big || rc == CURLE_FILESIZE_EXCEEDED)
				snprintf(out->why, sizeof out->why, "body larger than %zu MiB, aborted", opts->max_body >> 20);
			else
				snprintf(out->why, sizeof out->why, "%s", errbuf[0] ? errbuf : curl_easy_strerror(rc));
			out->is_transient = !g.refused[0] && !body->is_too_big && rc != CURLE_FILESIZE_EXCEEDED;
			break;
		}
		if (fetch_is_redirect(status)) {
			visited[hops + 1] = fetch_redirect_target(h, status, visited, hops, a, out->why, sizeof out->why);
			if (!visited[hops + 1])
				break;
			continue;
		}
		if (status < 200 || status >= 300) {
			snprintf(out->why, sizeof out->why, "HTTP %ld", status);
			out->is_transient = status == 429 || status >= 500;
			break;
		}
		char *ct = NULL;
		curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ct);
		out->content_type = ct ? arena_strdup(a, ct) : NULL;
		out->final_url = visited[hops];
		out->ok = 1;
		break;
	}
	for (char *p = out->why; *p; p++) /* keep it one line */
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	curl_slist_free_all(headers);
}

/* True when the feed link's title or URL names a comments feed. */
static int
is_comments_feed(const struct extract_feed_link *l)
{
	return (l->title && (str_icasestr(l->title, strlen(l->title), "comments") || strstr(l->title, "评论"))) ||
	       str_icasestr(l->url, strlen(l->url), "comments");
}

/* The order in which feeds are chosen (lower first): RSS, Atom or RDF, then JSON Feed, then
 * comments feeds in the same order, and plain JSON last of all (WordPress announces its REST
 * API so, which is no feed). */
static int
rank(const struct discover_feed *f, const char *type)
{
	if (strcmp(type, "application/json") == 0)
		return 4;
	return (f->is_comments ? 2 : 0) + (strcmp(type, "application/feed+json") == 0);
}

/* The group a rank belongs to: a feed of a later group is taken only when the page names none
 * of an earlier one (a comments feed never stands in for a main feed that does not answer). */
static int
rank_group(int r)
{
	return r <= 1 ? 0 : r <= 3 ? 1 : 2;
}

/* True when the body (len bytes, as GET g answered) is a feed brief can read; else why, and
 * *is_page when it is a web page. */
static int
is_feed(const char *data, size_t len, const struct page_get *g, struct arena *a, const char **why, int *is_page)
{
	char charset[64];
	struct feed_parse_opts po = {.base_url = g->final_url,
	                             .charset_hint = ingest_content_type_charset(g->content_type, charset, sizeof charset),
	                             .content_type = g->content_type,
	                             .omit = FEED_OMIT_HTML | FEED_OMIT_TEXT};
	struct feed_doc doc;
	memset(&doc, 0, sizeof doc);
	int parsed = feed_parse(data, len, &po, a, NULL, NULL, &doc);
	if (parsed == 0 && !doc.is_html)
		return 1;
	*is_page = doc.is_html || ingest_sniff_html(data, len, NULL, 0);
	*why = *is_page ? "a web page, not a feed" : doc.error ? doc.error : "unrecognised document";
	return 0;
}

/* Read the page's feed links into out (FOUND or NO_FEED), and the feeds to try, best first,
 * into *cand (n_cand of them): those of the best rank group, in rank order, then page order.
 * out->feed is the first of them, out->others every other usable link, in page order. */
static int
choose(const char *body, size_t len, const struct page_get *g, const struct net_guard_policy *policy,
       struct arena *a, struct discover_result *out, struct discover_feed **cand, size_t *n_cand, struct err *e)
{
	char charset[64];
	struct extract_opts eo = {.url = g->final_url,
	                          .http_charset = ingest_content_type_charset(g->content_type, charset, sizeof charset)};
	struct extract_feed_link *links;
	size_t n;
	*n_cand = 0;
	if (extract_feed_links(body, len, &eo, a, &links, &n, e) < 0)
		return -1;
	struct discover_feed *usable = arena_alloc(a, (n ? n : 1) * sizeof *usable);
	int *ranks = arena_alloc(a, (n ? n : 1) * sizeof *ranks);
	size_t m = 0;
	int best = 4;
	for (size_t i = 0; i < n; i++) {
		struct net_guard guard;
		net_guard_start(&guard, policy, !g->origin_private);
		if (url_feed_check(links[i].url) != URL_FEED_OK || net_guard_check_url(&guard, links[i].url) < 0) {
			out->links_refused++;
			continue;
		}
		usable[m] = (struct discover_feed){links[i].url, links[i].title, is_comments_feed(&links[i]), NULL};
		ranks[m] = rank(&usable[m], links[i].type);
		if (ranks[m] < best)
			best = ranks[m];
		m++;
	}
	out->page_url = g->final_url;
	if (m == 0) {
		out->kind = DISCOVER_NO_FEED;
		out->why = out->links_refused ? "its feed links are not http(s) URLs brief may fetch (a non-public "
		                                "address named by a public page, or another scheme)"
		                              : "no <link rel=\"alternate\"> to an RSS, Atom or JSON feed";
		return 0;
	}
	out->kind = DISCOVER_FOUND;
	out->feed_from_public = !g->origin_private;
	*cand = arena_alloc(a, m * sizeof **cand);
	for (int r = best; r <= 4 && rank_group(r) == rank_group(best); r++)
		for (size_t i = 0; i < m; i++)
			if (ranks[i] == r)
				(*cand)[(*n_cand)++] = usable[i];
	out->feed = (*cand)[0];
	out->others = arena_alloc(a, m * sizeof *out->others);
	for (size_t i = 0; i < m; i++)
		out->others[out->other_count++] = usable[i];
	return 0;
}

/* Try the page's candidate feeds (choose), best first, at most DISCOVER_CHECKS of them, one
 * GET each as a fetch would make it (the guard from the first hop when the page was public):
 * the first that serves a feed becomes out->feed. One that answers with something no fetch
 * will read (an HTTP 4xx, a web page, not a feed) is passed over and marked in out->others;
 * when none served a feed but one could not be reached (the network, HTTP 5xx), that one is
 * kept, with out->feed_unchecked saying why; when every one was no feed, out is NO_FEED.
 * With is_guess (addresses guessed, not links the page names: guess_feed), one that cannot be
 * reached is not kept, out->why is left to the caller and out->others alone. */
static void
check_candidates(CURL *h, const struct net_guard_policy *policy, const struct fetch_opts *opts,
                 const char *user_agent, struct discover_feed *cand, size_t n_cand, int is_guess, struct arena *a,
                 struct discover_result *out)
{
	struct page_body body = {BUF_INIT, opts->max_body, 0};
	struct buf why = BUF_INIT;
	const struct discover_feed *kept = NULL;
	const char *kept_why = NULL;
	size_t tried = 0;
	for (; tried < n_cand && tried < DISCOVER_CHECKS; tried++) {
		struct page_get g;
		const char *no_feed = NULL;
		int is_page;
		page_get(h, policy, opts, cand[tried].url, out->feed_from_public, user_agent, a, &body, &g);
		if (g.ok && is_feed(body.data.data ? body.data.data : "", body.data.len, &g, a, &no_feed, &is_page)) {
			out->feed = cand[tried];
			goto found;
		}
		if (!g.ok && g.is_transient && !is_guess) {
			if (!kept) {
				kept = &cand[tried];
				kept_why = arena_strdup(a, g.why);
			}
			continue;
		}
		if (!no_feed)
			no_feed = arena_strdup(a, g.why);
		buf_printf(&why, "%s%s: %s", why.len ? "; " : "", cand[tried].url, no_feed);
		for (size_t i = 0; i < out->other_count; i++)
			if (strcmp(out->others[i].url, cand[tried].url) == 0)
				out->others[i].not_a_feed = no_feed;
	}
	if (!kept && is_guess) {
		out->kind = DISCOVER_NO_FEED;
		goto done;
	}
	if (!kept) {
		out->kind = DISCOVER_NO_FEED;
		out->why = arena_printf(a, "its feed links serve no feed (%s)", buf_str(&why));
		goto done;
	}
	out->feed = *kept;
	out->feed_unchecked = kept_why;
found:
	out->kind = DISCOVER_FOUND;
	if (is_guess)
		goto done;
	/* the others: every usable link but the one chosen */
	for (size_t i = 0, k = 0; i < out->other_count; i++)
		if (strcmp(out->others[i].url, out->feed.url) != 0)
			out->others[k++] = out->others[i];
	out->other_count--;
done:
	buf_free(&why);
	buf_free(&body.data);
}

/* The page (GET g) names no feed: when it is a directory (its path ends in '/': a site's or
 * a blog's home), try the addresses most blogs without a <link> serve theirs at, in it,
 * DISCOVER_GUESSES (WordPress, Substack: feed; Hugo: index.xml), each requested as
 * check_candidates does; the first that serves a feed makes out FOUND (out->feed_guessed),
 * else out stays NO_FEED. */
static void
guess_feed(CURL *h, const struct net_guard_policy *policy, const struct fetch_opts *opts, const char *user_agent,
           const struct page_get *g, struct arena *a, struct discover_result *out)
{
	static const char *const paths[] = DISCOVER_GUESSES;
	struct discover_feed cand[sizeof paths / sizeof paths[0]];
	const char *why = out->why;
	size_t path_end = strcspn(g->final_url, "?#");
	if (path_end == 0 || g->final_url[path_end - 1] != '/' || g->final_url[path_end])
		return;
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		struct buf u = BUF_INIT;
		url_resolve(g->final_url, paths[i], strlen(paths[i]), &u);
		cand[i] = (struct discover_feed){arena_strndup(a, buf_str(&u), u.len), NULL, 0, NULL};
		buf_free(&u);
	}
	out->feed_from_public = !g->origin_private;
	check_candidates(h, policy, opts, user_agent, cand, sizeof paths / sizeof paths[0], 1, a, out);
	if (out->kind == DISCOVER_FOUND) {
		out->feed_guessed = 1;
	} else {
		out->feed_from_public = 0;
		out->why = arena_printf(a, "%s, and it serves none at %s", why, DISCOVER_GUESSES_SHOWN);
	}
}

int
discover_feed(const struct config *cfg, const struct fetch_opts *opts, const char *url, const char *user_agent,
              struct arena *a, struct discover_result *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	struct net_guard_policy policy;
	if (net_guard_policy_init(&policy, cfg, e) < 0)
		return -1;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return err_set(e, "cannot initialise libcurl");
	CURL *h = curl_easy_init();
	if (!h) {
		curl_global_cleanup();
		return err_set(e, "cannot initialise libcurl");
	}
	if (!user_agent) {
		const char *cfg_ua = config_values(cfg)->fetch_user_agent;
		user_agent = opts->user_agent ? opts->user_agent : cfg_ua && *cfg_ua ? cfg_ua : FETCH_DEFAULT_USER_AGENT;
	}
	struct page_body body = {BUF_INIT, opts->max_body, 0};
	struct page_get g;
	page_get(h, &policy, opts, url, 0, user_agent, a, &body, &g);
	int rc = 0;
	if (!g.ok) {
		out->kind = DISCOVER_UNCHECKED;
		out->why = arena_strdup(a, g.why);
		goto done;
	}
	const char *data = body.data.data ? body.data.data : "";
	const char *not_feed = NULL;
	struct discover_feed *cand;
	size_t n_cand;
	int is_page = 0;
	if (is_feed(data, body.data.len, &g, a, &not_feed, &is_page)) {
		out->kind = DISCOVER_FEED;
	} else if (is_page) {
		rc = choose(data, body.data.len, &g, &policy, a, out, &cand, &n_cand, e);
		if (rc == 0 && out->kind == DISCOVER_FOUND)
			check_candidates(h, &policy, opts, user_agent, cand, n_cand, 0, a, out);
		else if (rc == 0 && !out->links_refused)
			guess_feed(h, &policy, opts, user_agent, &g, a, out);
	} else {
		out->kind = DISCOVER_UNCHECKED;
		out->why = arena_printf(a, "neither a feed nor a web page (%s)", not_feed);
	}
done:
	curl_easy_cleanup(h);
	buf_free(&body.data);
	curl_global_cleanup();
	return rc;
}

/* The look-ups of discover_feeds, shared by its threads. */
struct look_pool {
	const struct config *cfg;
	const struct fetch_opts *opts;
	const char *const *urls, *const *user_agents;
	size_t n, left;   /* left: look-ups not yet begun */
	int *state;       /* per URL: 0 waiting, 1 begun */
	int *busy;        /* per URL: look-ups of its host in flight (kept at the host's first URL) */
	size_t *host_of;  /* per URL: the index of the first URL of its host */
	int per_host;     /* at most this many look-ups of one host at once */
	struct arena *arenas;
	struct discover_result *out;
	int failed;       /* a look-up could not be set up: e says why */
	struct err e;
	pthread_mutex_t lock;
	pthread_cond_t freed; /* a look-up ended: a host may have a slot again */
};

/* The first URL of p not yet begun whose host has a slot free, or p->n when there is none
 * (every one begun, or each waiting one's host full). Called with p->lock held. */
static size_t
look_next(const struct look_pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (!p->state[i] && p->busy[p->host_of[i]] < p->per_host)
			return i;
	return p->n;
}

/* A thread of discover_feeds: take the next URL not yet looked at whose host has fewer than
 * per_host look-ups in flight (as the fetcher caps a host: a blogroll naming one host eight
 * times is not eight requests to it at once), waiting while only full hosts' URLs are left,
 * until none is left. */
static void *
look_thread(void *arg)
{
	struct look_pool *p = arg;
	for (;;) {
		pthread_mutex_lock(&p->lock);
		size_t i;
		while (!p->failed && p->left && (i = look_next(p)) == p->n)
			pthread_cond_wait(&p->freed, &p->lock);
		if (p->failed || !p->left) {
			pthread_mutex_unlock(&p->lock);
			return NULL;
		}
		p->state[i] = 1;
		p->left--;
		p->busy[p->host_of[i]]++;
		pthread_mutex_unlock(&p->lock);
		struct err e;
		int rc = discover_feed(p->cfg, p->opts, p->urls[i], p->user_agents ? p->user_agents[i] : NULL,
		                       &p->arenas[i], &p->out[i], &e);
		pthread_mutex_lock(&p->lock);
		p->busy[p->host_of[i]]--;
		if (rc < 0 && !p->failed) {
			p->e = e;
			p->failed = 1;
		}
		pthread_cond_broadcast(&p->freed);
		pthread_mutex_unlock(&p->lock);
	}
}

int
discover_feeds(const struct config *cfg, const struct fetch_opts *opts, const char *const *urls,
               const char *const *user_agents, size_t n, int parallel, struct arena *arenas,
               struct discover_result *out, struct err *e)
{
	struct look_pool p = {.cfg = cfg, .opts = opts, .urls = urls, .user_agents = user_agents, .n = n, .left = n,
	                      .per_host = opts->per_host < 1 ? 1 : opts->per_host, .arenas = arenas, .out = out};
	pthread_t threads[DISCOVER_PARALLEL_MAX];
	size_t started = 0, want = parallel < 1 ? 1 : parallel > DISCOVER_PARALLEL_MAX ? DISCOVER_PARALLEL_MAX
	                                                                                : (size_t)parallel;
	if (want > n)
		want = n;
	for (size_t i = 0; i < n; i++)
		memset(&out[i], 0, sizeof out[i]);
	if (n == 0)
		return 0;
	/* what must be set up once before threads use libcurl and libxml2 */
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return err_set(e, "cannot initialise libcurl");
	feed_init_once();
	char (*hosts)[256] = xcalloc(n, sizeof *hosts); /* urls[i]'s host (url_host), to group them */
	p.state = xcalloc(n, sizeof *p.state);
	p.busy = xcalloc(n, sizeof *p.busy);
	p.host_of = xcalloc(n, sizeof *p.host_of);
	for (size_t i = 0; i < n; i++) {
		url_host(urls[i], hosts[i], sizeof hosts[i]);
		p.host_of[i] = i;
		for (size_t j = 0; j < i; j++)
			if (strcmp(hosts[j], hosts[i]) == 0) {
				p.host_of[i] = p.host_of[j];
				break;
			}
	}
	free(hosts);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.freed, NULL);
	for (; started < want; started++)
		if (pthread_create(&threads[started], NULL, look_thread, &p) != 0)
			break;
	if (started == 0)
		look_thread(&p); /* no thread to be had: one after the other, here */
	for (size_t i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	pthread_cond_destroy(&p.freed);
	pthread_mutex_destroy(&p.lock);
	curl_global_cleanup();
	free(p.state);
	free(p.busy);
	free(p.host_of);
	if (p.failed) {
		*e = p.e;
		return -1;
	}
	return 0;
}
