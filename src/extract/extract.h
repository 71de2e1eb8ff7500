/* extract.h: the main content of a web page (a Readability-class extractor): the article's
 * text and a clean HTML rendering of it, plus the page's metadata (title, byline, date,
 * language, excerpt). Works on bytes already fetched: no network, no store. */
#ifndef BRIEF_EXTRACT_EXTRACT_H
#define BRIEF_EXTRACT_EXTRACT_H

#include <stddef.h>

#include "util/arena.h"
#include "util/err.h"

struct extract_opts {
	const char *url;          /* where the page came from: base for relative links (may be NULL) */
	const char *http_charset; /* the charset parameter of the HTTP Content-Type (may be NULL) */
	int want_html;            /* also render the article as clean HTML */
};

/* Everything lives in the arena passed to extract_page(); strings are UTF-8, NUL-terminated,
 * NULL when the page does not say. */
struct extract_result {
	const char *title;
	const char *byline;
	const char *published; /* as the page wrote it (ISO 8601 in practice) */
	const char *lang;
	const char *excerpt;
	const char *site_name;
	const char *encoding;  /* the encoding the page was decoded from */
	const char *text;      /* the article as plain text, paragraphs separated by a blank line;
	                        * "" when no article was found */
	size_t text_len;
	const char *html;      /* with want_html: the article as safe HTML (see render.c), else NULL;
	                        * "" when no article was found */
	int found;             /* 1 when an article was found */
};

/* Extract the article from the HTML page data[0..len). Returns 0 (also when the page has
 * no article: out->found is then 0 and the text empty), or -1 with e set when the page
 * cannot be processed at all (larger than 2 GiB, or libxml2 could not build a tree). */
int extract_page(const char *data, size_t len, const struct extract_opts *opts, struct arena *a,
                 struct extract_result *out, struct err *e);

/* A feed a page names (feed autodiscovery): <link rel="alternate" type="T" href="U" title="X">
 * with T one of application/rss+xml, application/atom+xml, application/rdf+xml,
 * application/feed+json, application/json (parameters such as ";charset=utf-8" and case
 * ignored). Strings in the caller's arena. */
struct extract_feed_link {
	const char *url;   /* href resolved against the page's <base href>, else its URL: absolute
	                    * when the page's URL is, but as the page wrote it otherwise (a
	                    * javascript: href stays one: check it before use) */
	const char *title; /* whitespace collapsed, NULL when absent or empty; the page's text (may
	                    * hold control characters) */
	const char *type;  /* one of the five types above, lower case (static) */
};

/* At most this many feed links are read from one page. */
#define EXTRACT_FEED_LINKS_MAX 64

/* The feeds the HTML page data[0..len) names, in document order, each URL once (opts->url is
 * the page's final URL; want_html is not read). Returns 0 (*count may be 0), or -1 with e set
 * when the page cannot be read at all (larger than 2 GiB, or no tree could be built). */
int extract_feed_links(const char *data, size_t len, const struct extract_opts *opts, struct arena *a,
                       struct extract_feed_link **out, size_t *count, struct err *e);

#endif
