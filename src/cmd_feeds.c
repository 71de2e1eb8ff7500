/* cmd_feeds.c: `brief feeds`: list, add, remove, import and export sources. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app.h"
#include "cli.h"
#include "cmd.h"
#include "feed/opml.h"
#include "feed/url.h"
#include "net/discover.h"
#include "net/fetch.h"
#include "store/sources.h"
#include "util/fs.h"
#include "util/json.h"
#include "util/redact.h"
#include "util/str.h"
#include "util/timeutil.h"

const char cmd_feeds_help[] =
	"usage: brief feeds list [--json]\n"
	"       brief feeds add URL [--name NAME] [--user-agent UA] [--no-discover]\n"
	"       brief feeds rm URL\n"
	"       brief feeds import FILE.opml [--json] [--no-discover]\n"
	"       brief feeds export\n\n"
	"Manage the sources `brief fetch` reads. Until you add or import feeds of your own, the\n"
	"built-in list (the 92 most popular blogs on Hacker News in 2025) is used; once you have\n"
	"any, only yours are fetched. `list` shows each source's health: last success, status,\n"
	"consecutive failures and since when, when one that keeps failing is asked next (after 3\n"
	"failures in a row, less often, up to once a day; `add` it again to ask now), last error,\n"
	"average latency and item count. `rm` also deletes the\n"
	"source's stored items. `import` takes the whole file or nothing: OPML that is not\n"
	"well-formed (a truncated file) is an error naming the line. Entries whose URL cannot be a\n"
	"feed (not http(s): javascript:, file: ...; relative; no host; spaces) are not stored; how\n"
	"many and why is said on stderr and, with --json, in a JSON object on stdout.\n"
	"`add` looks at URL first: a feed is stored as given; a web page (a blog's home page) has\n"
	"its <link rel=\"alternate\"> feeds read, and the main one (not a comments feed; RSS or\n"
	"Atom before JSON, requested first: one serving no feed gives way to the next) is stored\n"
	"and named on stdout with the others it saw; a page naming no feed that serves one is\n"
	"refused (exit 1); a home page (URL ending in /) naming none has feed and index.xml\n"
	"beside it tried. A URL that cannot be reached is stored as given, with a\n"
	"warning. --no-discover stores URL as given without a request. `import` looks at each\n"
	"outline's URL so too (up to 8 at once, [fetch] per_host of one host): a page's feed is stored in its place, a page naming\n"
	"none is stored as given with a warning.\n"
	"An address differing from a subscribed one only by http(s)://, www., a trailing / or\n"
	"FeedBurner's ?format=xml is that subscription: `add` says \"already a source\", `rm` removes it.\n"
	"`export` writes OPML 2.0 to stdout. --user-agent sets the\n"
	"User-Agent sent for that one feed (default: [fetch] user_agent, else brief/VERSION);\n"
	"export and import keep it (brief:userAgent).\n";

static const char *
kind_name(enum source_kind k)
{
	return k == SOURCE_DEFAULT ? "built-in" : k == SOURCE_ADHOC ? "ad-hoc" : "user";
}

static void
time_or_null(json_t *o, const char *key, int64_t t)
{
	char buf[32];
	if (!t) {
		json_object_set_new(o, key, json_null());
		return;
	}
	time_format_rfc3339(t, buf, sizeof buf);
	json_object_set_new(o, key, json_string(buf));
}

/* A stored or given string as JSON (null when absent): a --name or a file name need not be
 * UTF-8, and jansson refuses what is not (the key would be left out). */
static json_t *
str_or_null(const char *s)
{
	return json_text(s);
}

/* s as shown on a terminal, in a (NULL stays NULL): its control characters (C0 and DEL) as '?'.
 * A feed's title and a stored URL are the feed's text, and an escape sequence in them would
 * retitle, clear or script the terminal. */
static const char *
for_terminal(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	char *shown = arena_strdup(a, s);
	for (char *p = shown; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return shown;
}

static int
feeds_list(struct store *st, int wants_json, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct source *src;
	size_t n;
	if (fetch_seed_defaults(st, e) < 0 || store_sources_active(st, &a, &src, &n, e) < 0) {
		arena_free(&a);
		return -1;
	}
	if (wants_json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++) {
			struct source *s = &src[i];
			json_t *o = json_object();
			json_object_set_new(o, "id", json_integer(s->id));
			json_object_set_new(o, "url", json_text(redact_str(&a, s->url)));
			json_object_set_new(o, "name", str_or_null(s->name));
			json_object_set_new(o, "title", str_or_null(s->title));
			json_object_set_new(o, "html_url", str_or_null(redact_str(&a, s->html_url)));
			json_object_set_new(o, "category", str_or_null(s->category));
			json_object_set_new(o, "kind", json_string(kind_name(s->kind)));
			json_object_set_new(o, "user_agent", str_or_null(s->user_agent));
			time_or_null(o, "last_success", s->last_success_at);
			time_or_null(o, "last_attempt", s->last_attempt_at);
			json_object_set_new(o, "last_status", s->last_status ? json_integer(s->last_status) : json_null());
			json_object_set_new(o, "consecutive_failures", json_integer(s->consecutive_failures));
			time_or_null(o, "failing_since", s->failing_since);
			time_or_null(o, "next_attempt", fetch_source_is_resting(s, time_now()) ? s->retry_at : 0);
			json_object_set_new(o, "last_error", str_or_null(redact_str(&a, s->last_error)));
			json_object_set_new(o, "etag", str_or_null(s->etag));
			json_object_set_new(o, "last_modified", str_or_null(s->last_modified));
			json_object_set_new(o, "avg_latency_ms",
			                    s->avg_latency_ms > 0 ? json_integer((json_int_t)(s->avg_latency_ms + 0.5))
			                                          : json_null());
			json_object_set_new(o, "item_count", json_integer(s->item_count));
			json_array_append_new(arr, o);
		}
		char *text = json_dumps(arr, JSON_PRESERVE_ORDER | JSON_INDENT(2));
		printf("%s\n", text);
		free(text);
		json_decref(arr);
	} else {
		for (size_t i = 0; i < n; i++) {
			struct source *s = &src[i];
			char when[32] = "never";
			if (s->last_success_at)
				time_format_rfc3339(s->last_success_at, when, sizeof when);
			printf("%s\t%s\t%s\tlast ok %s\t%d items", for_terminal(&a, redact_str(&a, s->url)),
			       for_terminal(&a, s->name    ? s->name
			                        : s->title ? s->title
			                                   : "-"),
			       kind_name(s->kind), when, s->item_count);
			if (s->last_status)
				printf("\tHTTP %d", s->last_status);
			if (s->avg_latency_ms > 0)
				printf("\t%.0f ms", s->avg_latency_ms);
			if (s->last_error) {
				char since[32], next[32];
				printf("\tfailing x%d", s->consecutive_failures);
				if (s->failing_since) {
					time_format_rfc3339(s->failing_since, since, sizeof since);
					printf(" since %s", since);
				}
				if (fetch_source_is_resting(s, time_now())) {
					time_format_rfc3339(s->retry_at, next, sizeof next);
					printf(", next asked after %s", next);
				}
				printf(": %s", for_terminal(&a, redact_str(&a, s->last_error)));
			}
			putchar('\n');
		}
	}
	arena_free(&a);
	return 0;
}

/* At most this many rejected entries are named one by one on stderr (the counts are complete);
 * and as many warnings about the outlines looked at. */
#define IMPORT_REJECTS_SHOWN 20

/* At most this many outlines are looked at at once (discover_feeds), and no more than [fetch]
 * concurrency; of one host, no more than [fetch] per_host. */
#define IMPORT_PARALLEL 8

/* What import stores for outline feeds[i] once looked at (d: its discover_feed; NULL when not
 * looked at): the feed's URL (*url), its site (*html_url) and whether it came from a public
 * page (*from_public); a page's feed is said on stderr, a URL that could not be looked at or
 * a page naming no feed kept as given with a warning (the first IMPORT_REJECTS_SHOWN by
 * *warned). *found and *unchecked count them. */
static void
import_choice(struct arena *a, const struct opml_feed *f, const struct discover_result *d, int is_quiet,
              const char **url, const char **html_url, int *from_public, int *warned, int *found, int *unchecked)
{
	*url = f->xml_url;
	*html_url = f->html_url;
	*from_public = 0;
	if (!d || d->kind == DISCOVER_FEED)
		return;
	if (d->kind == DISCOVER_FOUND) {
		*url = d->feed.url;
		*html_url = f->html_url ? f->html_url : d->page_url;
		*from_public = d->feed_from_public;
		(*found)++;
		if (!is_quiet)
			fprintf(stderr, "found feed %s on page %s\n", for_terminal(a, redact_str(a, d->feed.url)),
			        for_terminal(a, redact_str(a, f->xml_url)));
		return;
	}
	(*unchecked)++;
	if (is_quiet || (*warned)++ >= IMPORT_REJECTS_SHOWN)
		return;
	if (d->kind == DISCOVER_NO_FEED)
		fprintf(stderr, "brief feeds: warning: %s is a page naming no feed (%s); stored as given\n",
		        for_terminal(a, redact_str(a, f->xml_url)), for_terminal(a, redact_str(a, d->why)));
	else
		fprintf(stderr, "brief feeds: warning: could not look at %s (%s); stored as given\n",
		        for_terminal(a, redact_str(a, f->xml_url)), for_terminal(a, redact_str(a, d->why)));
}

static int
cmp_url(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The URLs (store_source_url's form, sorted for cmp_url) of the active sources that have
 * been fetched as a feed at least once, into arena; *count gets how many. An outline naming
 * one needs no look: importing a list again asks no server. Returns the array (never NULL
 * on success, even when empty), or NULL with e set. */
static const char **
fetched_sources(struct store *st, struct arena *arena, size_t *count, struct err *e)
{
	struct source *src;
	size_t n;
	*count = 0;
	if (store_sources_active(st, arena, &src, &n, e) < 0)
		return NULL;
	const char **out = arena_alloc(arena, (n ? n : 1) * sizeof *out);
	struct buf key = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (src[i].last_success_at <= 0)
			continue;
		store_source_url(src[i].url, &key);
		out[(*count)++] = arena_strdup(arena, buf_str(&key));
	}
	buf_free(&key);
	qsort(out, *count, sizeof *out, cmp_url);
	return out;
}

/* Import the feeds of an OPML file as user sources, all or nothing: a file that is not
 * well-formed OPML imports nothing (opml_parse names the line). Entries whose URL cannot be
 * a feed (url_feed_check) are never stored; they are counted by reason and reported on
 * stderr (the first IMPORT_REJECTS_SHOWN by name), and in the --json object. Unless
 * no_discover, each other outline's URL is looked at first as `feeds add` looks (at most
 * IMPORT_PARALLEL at once; not one a source already fetched as a feed has): a web page naming its feed has that feed stored instead; one
 * that cannot be looked at, or a page naming none, is stored as given with a warning. */
static int
feeds_import(struct app *app, struct store *st, const char *path, int wants_json, int no_discover, int is_quiet,
             struct err *e)
{
	struct buf data = BUF_INIT;
	struct arena a = ARENA_INIT;
	struct opml_feed *feeds, *sites;
	size_t n, nsites, nlooks = 0;
	int rc = -1, added = 0, imported = 0, rejected = 0, found = 0, unchecked = 0, warned = 0;
	int by_reason[URL_FEED_CHECKS] = {0};
	struct arena *arenas = NULL;
	struct discover_result *looks = NULL;
	if (fs_read_all(path, &data, e) < 0)
		goto out;
	if (opml_parse_sites(data.data ? data.data : "", data.len, &a, &feeds, &n, &sites, &nsites, e) < 0) {
		struct err why = *e;
		err_set(e, "%s: %s; nothing imported", path, why.msg);
		goto out;
	}
	/* An outline with only a site's address (htmlUrl, or url as some readers write) names no
	 * feed: it is rejected by name, never silently left out of the count. */
	for (size_t i = 0; i < nsites; i++)
		if (rejected++ < IMPORT_REJECTS_SHOWN && !is_quiet)
			fprintf(stderr, "rejected %.200s: no xmlUrl (a site's address, not a feed's)\n",
			        for_terminal(&a, redact_str(&a, sites[i].title ? sites[i].title : sites[i].html_url)));
	/* the outlines to look at, in order: look_of[i] is feeds[i]'s, or -1 */
	long *look_of = arena_alloc(&a, (n ? n : 1) * sizeof *look_of);
	const char **urls = arena_alloc(&a, (n ? n : 1) * sizeof *urls);
	const char **uas = arena_alloc(&a, (n ? n : 1) * sizeof *uas);
	size_t nknown = 0;
	const char **known = no_discover ? NULL : fetched_sources(st, &a, &nknown, e);
	if (!no_discover && !known)
		goto out;
	struct buf key = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		look_of[i] = -1;
		if (no_discover || url_feed_check(feeds[i].xml_url) != URL_FEED_OK)
			continue;
		store_source_url(feeds[i].xml_url, &key);
		const char *k = buf_str(&key);
		if (bsearch(&k, known, nknown, sizeof *known, cmp_url)) /* a feed already: the list imported again */
			continue;
		look_of[i] = (long)nlooks;
		urls[nlooks] = feeds[i].xml_url;
		uas[nlooks++] = feeds[i].user_agent;
	}
	buf_free(&key);
	if (nlooks) {
		struct fetch_opts fo;
		fetch_opts_default(&fo);
		arenas = xcalloc(nlooks, sizeof *arenas); /* zeroed: ARENA_INIT */
		looks = xcalloc(nlooks, sizeof *looks);
		if (fetch_opts_from_config(&fo, &app->cfg, e) < 0 ||
		    discover_feeds(&app->cfg, &fo, urls, uas, nlooks,
		                   fo.concurrency < IMPORT_PARALLEL ? fo.concurrency : IMPORT_PARALLEL, arenas, looks,
		                   e) < 0)
			goto out;
	}
	if (store_begin(st, e) < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		int64_t id;
		int is_new, from_public;
		const char *url, *html_url;
		enum url_feed_check c = url_feed_check(feeds[i].xml_url);
		if (c != URL_FEED_OK) {
			by_reason[c]++;
			if (rejected++ < IMPORT_REJECTS_SHOWN && !is_quiet) {
				/* as the store would show it, and no control character reaches the terminal */
				fprintf(stderr, "rejected %.200s: %s\n",
				        for_terminal(&a, redact_str(&a, feeds[i].xml_url)),
				        url_feed_reason(c));
			}
			continue;
		}
		import_choice(&a, &feeds[i], look_of[i] < 0 ? NULL : &looks[look_of[i]], is_quiet, &url, &html_url,
		              &from_public, &warned, &found, &unchecked);
		/* the list's title names a source that has no name yet; a name the user gave
		 * (`feeds add --name`) is kept when the same list is imported again */
		if (store_source_add(st, SOURCE_USER, url, NULL, html_url, feeds[i].category, time_now(), &id, &is_new,
		                     e) < 0 ||
		    (is_new && from_public && store_source_set_url_checked(st, id, e) < 0) ||
		    store_source_name_unset(st, id, feeds[i].title, e) < 0 ||
		    (feeds[i].user_agent && store_source_set_user_agent(st, id, feeds[i].user_agent, e) < 0)) {
			store_rollback(st);
			goto out;
		}
		imported++;
		added += is_new;
	}
	if (store_commit(st, e) < 0)
		goto out;
	if (rejected > IMPORT_REJECTS_SHOWN && !is_quiet)
		fprintf(stderr, "... and %d more rejected\n", rejected - IMPORT_REJECTS_SHOWN);
	if (warned > IMPORT_REJECTS_SHOWN && !is_quiet)
		fprintf(stderr, "... and %d more stored as given\n", warned - IMPORT_REJECTS_SHOWN);
	struct buf why = BUF_INIT;
	for (int c = URL_FEED_OK + 1; c < URL_FEED_CHECKS; c++)
		if (by_reason[c])
			buf_printf(&why, "%s%d %s", why.len ? ", " : ": ", by_reason[c], url_feed_reason_key(c));
	if (nsites)
		buf_printf(&why, "%s%zu no_xml_url", why.len ? ", " : ": ", nsites);
	/* The summary line even with -q: it is the command's result. */
	fprintf(stderr, "imported %d feeds (%d new) from %s; rejected %d%s", imported, added, path, rejected,
	        buf_str(&why));
	if (found || unchecked)
		fprintf(stderr, "; %d found on the page named, %d stored as given unchecked", found, unchecked);
	fputc('\n', stderr);
	buf_free(&why);
	if (wants_json) {
		json_t *o = json_object(), *reasons = json_object();
		json_object_set_new(o, "file", json_text(path));
		json_object_set_new(o, "imported", json_integer(imported));
		json_object_set_new(o, "new", json_integer(added));
		json_object_set_new(o, "rejected", json_integer(rejected));
		for (int c = URL_FEED_OK + 1; c < URL_FEED_CHECKS; c++)
			json_object_set_new(reasons, url_feed_reason_key(c), json_integer(by_reason[c]));
		json_object_set_new(reasons, "no_xml_url", json_integer((json_int_t)nsites));
		json_object_set_new(o, "rejected_by_reason", reasons);
		json_object_set_new(o, "found", json_integer(found));
		json_object_set_new(o, "unchecked", json_integer(unchecked));
		char *text = json_dumps(o, JSON_PRESERVE_ORDER | JSON_INDENT(2));
		printf("%s\n", text);
		free(text);
		json_decref(o);
	}
	rc = 0;
out:
	for (size_t i = 0; arenas && i < nlooks; i++)
		arena_free(&arenas[i]);
	free(arenas);
	free(looks);
	buf_free(&data);
	arena_free(&a);
	return rc;
}

/* A feed link's title as shown after its URL: " (TITLE)", "" when it has none. */
static const char *
shown_title(struct arena *a, const struct discover_feed *f)
{
	if (!f->title)
		return "";
	char t[260];
	snprintf(t, sizeof t, " (%.200s)", f->title);
	return for_terminal(a, t);
}

/* `feeds add URL`: unless no_discover, look at URL first (net/discover.h): a feed is stored as
 * given, a page's chosen feed (requested first: one serving no feed gives way to the next) is
 * stored instead (with the page as the source's site, and fetched with the address guard on
 * when the page was public), said on stdout with the other feeds the page names; a page
 * naming none, or none that serves a feed, is refused, nothing stored. When URL cannot be
 * looked at (no network, an HTTP error ...) it is stored as given, as before discovery, with
 * a warning. Returns 0, or -1 with e set. */
static int
feeds_add(struct app *app, struct store *st, const char *url, const char *name, const char *ua, int no_discover,
          int is_quiet, struct err *e)
{
	struct arena a = ARENA_INIT;
	const char *feed = url, *page = NULL;
	int from_public = 0, rc = -1, is_new;
	int64_t id;
	if (!no_discover) {
		struct fetch_opts fo;
		struct discover_result d;
		fetch_opts_default(&fo);
		if (fetch_opts_from_config(&fo, &app->cfg, e) < 0 || discover_feed(&app->cfg, &fo, url, ua, &a, &d, e) < 0)
			goto out;
		if (d.kind == DISCOVER_UNCHECKED && !is_quiet) {
			fprintf(stderr, "brief feeds: warning: could not look at %s (%s); stored as given\n",
			        for_terminal(&a, redact_str(&a, url)), for_terminal(&a, redact_str(&a, d.why)));
		} else if (d.kind == DISCOVER_NO_FEED) {
			err_set(e, "no feed link found on page %.300s: %.600s; nothing stored (give the feed's own URL, "
			           "or --no-discover to store this one as given)",
			        for_terminal(&a, redact_str(&a, d.page_url)), for_terminal(&a, redact_str(&a, d.why)));
			goto out;
		} else if (d.kind == DISCOVER_FOUND) {
			feed = d.feed.url;
			page = d.page_url;
			from_public = d.feed_from_public;
			printf("found feed %s%s on page %s%s\n", for_terminal(&a, redact_str(&a, feed)), shown_title(&a, &d.feed),
			       for_terminal(&a, redact_str(&a, page)),
			       d.feed_guessed ? " (the page names no feed: its usual address beside the page)" : "");
			for (size_t i = 0; i < d.other_count; i++)
				printf("also on the page: %s%s%s%s%s%s\n", for_terminal(&a, redact_str(&a, d.others[i].url)),
				       shown_title(&a, &d.others[i]), d.others[i].is_comments ? " [comments]" : "",
				       d.others[i].not_a_feed ? " [serves no feed: " : "",
				       d.others[i].not_a_feed ? for_terminal(&a, redact_str(&a, d.others[i].not_a_feed)) : "",
				       d.others[i].not_a_feed ? "]" : "");
			if (d.feed_unchecked && !is_quiet)
				fprintf(stderr, "brief feeds: warning: could not look at feed %s (%s); stored as the page names it\n",
				        for_terminal(&a, redact_str(&a, feed)), for_terminal(&a, redact_str(&a, d.feed_unchecked)));
			if (d.links_refused)
				printf("left out: %d feed link%s not to an http(s) URL brief may fetch\n", d.links_refused,
				       d.links_refused == 1 ? "" : "s");
		}
	}
	if (store_begin(st, e) < 0)
		goto out;
	struct source old = {0};
	int is_resting = 0; /* a source that keeps failing, left alone for now: adding it asks it now */
	if (store_source_add(st, SOURCE_USER, feed, name, page, NULL, time_now(), &id, &is_new, e) < 0 ||
	    (is_new && from_public && store_source_set_url_checked(st, id, e) < 0) ||
	    (ua && store_source_set_user_agent(st, id, ua, e) < 0) ||
	    (!is_new && (store_source_get(st, id, &a, &old, e) < 0 ||
	                 (((is_resting = fetch_source_is_resting(&old, time_now())) || fetch_source_is_gone(&old)) &&
	                  store_source_ask_again(st, id, e) < 0)))) {
		store_rollback(st);
		goto out;
	}
	if (store_commit(st, e) < 0)
		goto out;
	if (!is_quiet && !is_new && fetch_source_is_gone(&old)) {
		char when[32];
		time_format_rfc3339(old.last_attempt_at, when, sizeof when);
		fprintf(stderr, "already a source: %s; its server answered HTTP 410 Gone on %s, the next fetch asks it again\n",
		        for_terminal(&a, redact_str(&a, old.url)), when);
	} else if (!is_quiet && is_resting) {
		char since[32] = "";
		if (old.failing_since)
			time_format_rfc3339(old.failing_since, since, sizeof since);
		fprintf(stderr, "already a source: %s; it failed %d times in a row%s%s, the next fetch asks it again\n",
		        for_terminal(&a, redact_str(&a, old.url)), old.consecutive_failures, since[0] ? " since " : "", since);
	} else if (!is_quiet && !is_new) {
		/* the source may be stored under another address of the same feed: name it */
		struct source src;
		if (store_source_find(st, feed, e) == 0 && store_source_get(st, id, &a, &src, e) == 0)
			fprintf(stderr, "already a source: %s (%s is the same feed's address: http:// or https://, www., a "
			                "trailing / and FeedBurner's ?format=xml are not told apart)\n",
			        for_terminal(&a, redact_str(&a, src.url)), for_terminal(&a, redact_str(&a, feed)));
		else
			fprintf(stderr, "already a source: %s\n", for_terminal(&a, redact_str(&a, feed)));
	} else if (!is_quiet) {
		fprintf(stderr, "added %s\n", for_terminal(&a, redact_str(&a, feed)));
	}
	rc = 0;
out:
	arena_free(&a);
	return rc;
}

static int
feeds_export(struct store *st, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct source *src;
	size_t n;
	if (fetch_seed_defaults(st, e) < 0 || store_sources_active(st, &a, &src, &n, e) < 0) {
		arena_free(&a);
		return -1;
	}
	struct opml_feed *feeds = arena_alloc(&a, (n ? n : 1) * sizeof *feeds);
	for (size_t i = 0; i < n; i++) {
		feeds[i].xml_url = src[i].url;
		feeds[i].html_url = src[i].html_url;
		feeds[i].title = src[i].name ? src[i].name : src[i].title;
		feeds[i].category = src[i].category;
		feeds[i].user_agent = src[i].user_agent;
	}
	struct buf out = BUF_INIT;
	opml_write(&out, "brief subscriptions", feeds, n);
	fwrite(buf_str(&out), 1, out.len, stdout);
	buf_free(&out);
	arena_free(&a);
	return 0;
}

int
cmd_feeds(int argc, char **argv)
{
	struct cli_common common = {0};
	const char *name = NULL, *ua = NULL;
	int wants_json = 0, no_discover = 0;
	const struct cli_option opts[] = {
		{"name", 0, CLI_VALUE, &name},
		{"no-discover", 0, CLI_FLAG, &no_discover},
		{"user-agent", 0, CLI_VALUE, &ua},
		{"json", 0, CLI_FLAG, &wants_json},
		{NULL, 0, 0, NULL},
	};
	char **pos = NULL;
	int npos = 0, rc = EXIT_FAIL;
	struct err e;
	if (cli_parse(argc, argv, opts, &common, &pos, &npos, &e) < 0) {
		free(pos);
		return cmd_usage_error("feeds", e.msg);
	}
	if (common.wants_help) {
		free(pos);
		fputs(cmd_feeds_help, stdout);
		return EXIT_OK;
	}
	const char *sub = npos > 0 ? pos[0] : "list";
	int want_args = strcmp(sub, "list") == 0 || strcmp(sub, "export") == 0 ? 0 : 1;
	if ((strcmp(sub, "list") && strcmp(sub, "export") && strcmp(sub, "add") && strcmp(sub, "rm") &&
	     strcmp(sub, "import")) || npos - 1 != want_args) {
		free(pos);
		return cmd_usage_error("feeds", "want one of: list, add URL, rm URL, import FILE, export");
	}
	const char *arg = want_args ? pos[1] : NULL;
	free(pos);
	if (strcmp(sub, "add") == 0 && url_feed_check(arg) != URL_FEED_OK) {
		/* as import names a rejected entry: the URL as shown, then the reason's phrase (which
		 * reads "not an http(s) URL", "no host ...": it cannot follow a "not") */
		struct arena a = ARENA_INIT;
		char msg[400];
		snprintf(msg, sizeof msg, "add wants an http:// or https:// feed URL; %.200s: %s",
		         for_terminal(&a, redact_str(&a, arg)), url_feed_reason(url_feed_check(arg)));
		arena_free(&a);
		return cmd_usage_error("feeds", msg);
	}
	struct app app;
	struct store st;
	if (app_open(&app, &common, &e) < 0) {
		fprintf(stderr, "brief feeds: %s\n", e.msg);
		return EXIT_FAIL;
	}
	if (store_open(&st, app.db_path, &e) < 0) {
		fprintf(stderr, "brief feeds: %s\n", e.msg);
		app_close(&app);
		return EXIT_FAIL;
	}
	int status = 0;
	struct arena shown = ARENA_INIT; /* URLs as shown: credentials redacted (util/redact.h) */
	if (strcmp(sub, "list") == 0) {
		status = feeds_list(&st, wants_json, &e);
	} else if (strcmp(sub, "export") == 0) {
		status = feeds_export(&st, &e);
	} else if (strcmp(sub, "import") == 0) {
		status = feeds_import(&app, &st, arg, wants_json, no_discover, common.is_quiet, &e);
	} else if (strcmp(sub, "add") == 0) {
		status = feeds_add(&app, &st, arg, name, ua, no_discover, common.is_quiet, &e);
	} else {
		const char *removed;
		status = store_source_remove(&st, arg, &shown, &removed, &e);
		if (status == 0 && !removed)
			status = err_set(&e, "no source with URL %s", redact_str(&shown, arg));
		else if (status == 0 && !common.is_quiet)
			fprintf(stderr, "removed %s\n", for_terminal(&shown, redact_str(&shown, removed)));
	}
	if (status < 0)
		fprintf(stderr, "brief feeds: %s\n", e.msg);
	else
		rc = EXIT_OK;
	arena_free(&shown);
	store_close(&st);
	app_close(&app);
	return rc;
}
