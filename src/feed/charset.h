/* charset.h: decide a feed document's encoding and convert it to UTF-8. */
#ifndef BRIEF_FEED_CHARSET_H
#define BRIEF_FEED_CHARSET_H

#include <stddef.h>

#include "util/arena.h"

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

#endif
