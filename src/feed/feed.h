/* feed.h: the normalized feed model and the parser entry point.
 *
 * Parsing knows nothing of HTTP or storage: bytes plus hints go in, normalized
 * items come out through a callback, one at a time, so memory does not grow with
 * the document. All strings are valid UTF-8 with entities resolved; links are
 * absolute where a base was known. */
#ifndef BRIEF_FEED_FEED_H
#define BRIEF_FEED_FEED_H

#include <stddef.h>
#include <stdint.h>

#include "model.h" /* FEED_NO_DATE */
#include "util/arena.h"

struct feed_enclosure {
	const char *url;
	const char *type;   /* NULL when absent */
	int64_t length;     /* bytes, -1 when absent */
};

struct feed_item {
	const char *id;        /* guid / atom:id / JSON id; NULL when absent */
	const char *title;     /* plain text */
	const char *link;      /* absolute URL of the item's own page */
	const char *link_alias; /* the link the item had before brief read feedburner:origLink (the
	                        * feedproxy redirector, which the store keyed such items by), when
	                        * it differs from link; else NULL */
	const char *author;    /* display name (or email when that is all there is) */
	const char *summary;   /* as published (HTML allowed) */
	const char *content;   /* full content as published (HTML allowed) */
	const char *text;      /* plain text of the best of content/summary */
	const char *comments;  /* URL of the comments page */
	int64_t published;     /* UTC seconds or FEED_NO_DATE */
	int64_t updated;       /* UTC seconds or FEED_NO_DATE */
	const char **categories;
	size_t category_count;
	struct feed_enclosure *enclosures;
	size_t enclosure_count;
	unsigned plain;        /* FEED_PLAIN_* bits: summary/content published as plain text
	                        * (Atom type="text", JSON Feed's summary and content_text), not HTML */
};

#define FEED_PLAIN_SUMMARY 1u
#define FEED_PLAIN_CONTENT 2u

struct feed_info {
	const char *title;
	const char *link;
	const char *id;
	const char *subtitle;
	const char *language;
	const char *author;
	const char *icon;
	const char *generator;
	int64_t updated;       /* FEED_NO_DATE when absent */
	int subtitle_is_plain; /* the subtitle was published as plain text, not HTML */
};

/* What a parse produced besides the items. */
struct feed_doc {
	const char *version;   /* feedparser's names: rss20, rss10, atom10, json11, ...; "" if unknown */
	const char *encoding;  /* the charset the document was decoded from, lower-case */
	int is_bozo;           /* not well-formed (or otherwise suspect) but recovered */
	const char *error;     /* why, when is_bozo or when nothing could be parsed; else NULL */
	int is_html;           /* the document is an HTML page, not a feed */
	int is_item_cut;       /* the document ended inside an item (cut short): the last item
	                        * delivered is the part of it that was read (XML feeds only) */
	struct feed_info feed;
	size_t item_count;
};

struct feed_parse_opts {
	const char *base_url;     /* resolve relative links against this (e.g. the fetch URL) */
	const char *charset_hint; /* charset given out of band (--charset, or the charset
	                           * parameter of an HTTP Content-Type), or NULL */
	const char *content_type; /* the whole HTTP Content-Type value when known, or NULL;
	                           * lets RFC 3023 rules (text/xml vs application/xml) apply */
	unsigned omit;            /* FEED_OMIT_* bits: fields the caller will not read (0 = all);
	                           * everything else stays fully normalized */
};

/* feed_parse_opts.omit: leave item.summary and item.content NULL (their HTML is
 * then neither kept nor link-rewritten) ... */
#define FEED_OMIT_HTML 1u
/* ... and item.text NULL (no HTML-to-text conversion). */
#define FEED_OMIT_TEXT 2u

/* The earliest date an item is filed under, 1995-01-01T00:00:00Z (a number, for SQL text too):
 * no web feed existed before it (the first came in 1997), and the dates before it that feeds
 * carry are a CMS's zero, not a time: the epoch (Thu, 01 Jan 1970 00:00:00 +0000, or an hour
 * of 31 Dec 1969 in a zone west of UTC) or .NET's DateTime.MinValue (01 Jan 0001). */
#define FEED_DATE_MIN 788918400

/* The date as the feed gives it: published, else updated; the dedupe keys hash this, so that
 * an item keeps the key it was stored under. */
static inline int64_t
feed_item_given_date(const struct feed_item *item)
{
	return item->published != FEED_NO_DATE ? item->published : item->updated;
}

/* The date an item is filed under: published, else updated (an Atom entry may carry only
 * <updated>, and readers such as NetNewsWire and miniflux date it by that), else FEED_NO_DATE;
 * a date before FEED_DATE_MIN is none, so that an item a CMS dates to 1970 is undated (placed
 * when first seen) rather than in a digest of 1970 that nobody reads. The parser keeps the two
 * apart as given (feedparser-compatible output); the store files by this. */
static inline int64_t
feed_item_date(const struct feed_item *item)
{
	if (item->published != FEED_NO_DATE && item->published >= FEED_DATE_MIN)
		return item->published;
	return item->updated != FEED_NO_DATE && item->updated >= FEED_DATE_MIN ? item->updated : FEED_NO_DATE;
}

/* Caps on an item's fields, applied at parse time (a hostile feed cannot make brief store or
 * render megabytes per item): longer values are cut at a UTF-8 character boundary, categories
 * past FEED_MAX_CATEGORIES dropped, and when summary, content and text together exceed
 * FEED_MAX_ITEM they are cut (content first, then text, then summary) to fit. Any cut makes the
 * document bozo ("item N: title cut from X to Y bytes"; the first one is named). */
#define FEED_MAX_TITLE 1024
#define FEED_MAX_AUTHOR 256
#define FEED_MAX_URL 4096          /* link, comments, id */
#define FEED_MAX_CATEGORY 128
#define FEED_MAX_CATEGORIES 64
#define FEED_MAX_SUMMARY (1 << 20)
#define FEED_MAX_CONTENT (1 << 20) /* content and text each */
#define FEED_MAX_ITEM (2 << 20)    /* summary + content + text */

/* Called once per item, in document order. The item and its strings are valid
 * only during the call (copy what you keep). Return 0 to continue, nonzero to stop. */
typedef int (*feed_item_fn)(void *ctx, const struct feed_doc *doc, const struct feed_item *item);

/* Parse one feed document (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1),
 * detected from its content. doc is filled; its strings live in arena (owned by
 * the caller). Returns 0 when the document was recognised as a feed (possibly
 * bozo, possibly with no items), -1 when nothing usable was found (doc->error says
 * why). Never reads outside data[0..len), never loads DTDs or external entities. */
int feed_parse(const char *data, size_t len, const struct feed_parse_opts *opts,
               struct arena *arena, feed_item_fn on_item, void *ctx, struct feed_doc *doc);

/* Set up the parser's process-wide state (its byte tables, libxml2) from the main thread
 * before feed_parse runs on another thread; feed_parse is then safe on any thread, one
 * document per thread at a time. Parsing on one thread needs no call. */
void feed_init_once(void);

#endif
