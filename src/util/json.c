/* json.c: brief's strings as jansson values. */
#include "util/json.h"

#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"

json_t *
json_text(const char *s)
{
	if (!s)
		return json_null();
	size_t len = strlen(s);
	if (utf8_valid(s, len))
		return json_stringn(s, len);
	struct buf b = BUF_INIT;
	utf8_sanitize(&b, s, len);
	json_t *j = json_stringn(buf_str(&b), b.len);
	buf_free(&b);
	return j;
}
