/* xml.h: the XML side of the feed parser (RSS 0.9x/1.0/2.0, Atom 0.3/1.0),
 * internal to src/feed/. feed_parse() converts to UTF-8 and calls xml_parse(). */
#ifndef BRIEF_FEED_XML_H
#define BRIEF_FEED_XML_H

#include <stddef.h>

#include "feed/feed.h"
#include "util/buf.h"

/* Largest text kept for one element (title, summary, content, ...): longer text
 * is cut at this many bytes (on a code point boundary). Keeps memory bounded
 * on hostile input; real feeds stay far below it. */
#define XML_FIELD_MAX (4u * 1024 * 1024)

/* What the pre-pass learned about the document. */
struct xml_prepass {
	const char *data;       /* the text to hand to libxml2: the input itself when
	                         * nothing had to change, else fixed (owned by `fixed`) */
	size_t len;
	struct buf fixed;       /* owner of the rewritten text, if any; buf_free() it */
	int is_netscape;        /* a Netscape RSS 0.91 DOCTYPE was seen */
	const char *problem;    /* non-NULL when something was repaired that makes the
	                         * document not well-formed (static string) */
};

/* Rewrite utf8[0..len) so that libxml2 can parse it without a DTD: HTML named
 * entities (&nbsp; ...) that are neither XML's five nor declared in the internal
 * subset become numeric references; an undefined entity or a bare '&' that
 * starts no reference is escaped so it stays literal text, and "&#X41;" becomes
 * "&#x41;" (these are well-formedness errors: they set problem). CDATA sections, comments
 * and processing instructions are left alone. Never fails. */
void xml_prepass_run(const char *utf8, size_t len, struct xml_prepass *out);

/* Parse UTF-8 XML (already through charset_to_utf8) as a feed. Same contract as
 * feed_parse(); doc->encoding is left as set by the caller. */
int xml_parse(const char *utf8, size_t len, const struct feed_parse_opts *opts, struct arena *arena,
              feed_item_fn on_item, void *ctx, struct feed_doc *doc);
/* Which tokenizer xml_parse_with runs. */
enum xml_tokenizer {
	XML_LIBXML2_ONLY = 0, /* libxml2's reader */
	XML_SCAN_FIRST = 1,   /* the fast one, libxml2 when it hands over (xml_parse) */
	XML_SCAN_ONLY = 2,    /* the fast one or nothing: -1, error "handed over", when it
	                       * would hand over (tests use it to see which one ran) */
};
/* xml_parse with the tokenizer chosen: all give the same result, which tests compare. */
int xml_parse_with(const char *utf8, size_t len, const struct feed_parse_opts *opts, struct arena *arena,
                   feed_item_fn on_item, void *ctx, struct feed_doc *doc, enum xml_tokenizer use);

#endif
