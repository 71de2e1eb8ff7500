/* json.c: brief's strings as jansson values. */
#include "util/json.h"

#include <stdio.h>
#include <stdlib.h>
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

void
json_put_line(json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (s) {
		fputs(s, stdout);
		fputc('\n', stdout);
		free(s);
	}
	json_decref(o);
}
