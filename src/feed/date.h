/* date.h: parse the date formats feeds really use into UTC seconds. */
#ifndef BRIEF_FEED_DATE_H
#define BRIEF_FEED_DATE_H

#include <stddef.h>
#include <stdint.h>

/* Parse an RFC 822/1123/2822, RFC 3339/ISO 8601, W3C-DTF, asctime or a known
 * broken variant. Returns 0 and sets *out (UTC seconds) on success, -1 if the
 * string is not a date understood. Never reads past len. */
int date_parse(const char *s, size_t len, int64_t *out);
/* Check the internal lookup tables (sorted for bsearch). Returns 0 when sound; for tests. */
int date_selftest(void);

#endif
