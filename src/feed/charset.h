/* charset.h: decide a feed document's encoding and convert it to UTF-8. */
#ifndef BRIEF_FEED_CHARSET_H
#define BRIEF_FEED_CHARSET_H

#include <stddef.h>

#include "util/arena.h"
#include "util/buf.h"

struct charset_result {
	const char *utf8;      /* the document as UTF-8, the BOM removed, invalid sequences
	                        * replaced by U+FFFD: data itself (past a BOM) when it was
	                        * valid UTF-8 already, else arena memory, NUL-terminated */
	size_t len;
	const char *encoding;  /* the encoding decided on, lower-case (e.g. "utf-8", "windows-1252") */
	const char *problem;   /* non-NULL when the document's bytes or declarations were
	                        * inconsistent (makes the parse "bozo"): e.g. "document declared as
	                        * us-ascii but contains non-ASCII bytes" */
};

/* Decide the encoding of data[0..len) from, in order of precedence, the BOM, the
 * out-of-band hints (charset_hint, then content_type under RFC 3023), the XML
 * declaration (or the JSON rules for JSON Feed), and finally UTF-8 if the bytes are
 * valid UTF-8, else windows-1252; then convert with iconv. Never fails: the worst
 * case is a lossy conversion with problem set. */
void charset_to_utf8(const char *data, size_t len, const char *charset_hint, const char *content_type,
                     struct arena *arena, struct charset_result *out);

/* Convert src[0..len) from the encoding enc (a lower-case name as charset_to_utf8 reports
 * it) to UTF-8, appended to out. With is_strict, fail (-1) at the first invalid or
 * truncated sequence; otherwise replace it with U+FFFD. -1 too when iconv does not know
 * enc (out may then hold part of the text). */
int charset_convert(const char *enc, const char *src, size_t len, int is_strict, struct buf *out);

#endif
