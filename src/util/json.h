/* json.h: the one way brief turns its own strings into jansson values. */
#ifndef BRIEF_UTIL_JSON_H
#define BRIEF_UTIL_JSON_H

#include <jansson.h>

/* A JSON string holding s exactly when s is valid UTF-8, else s with its invalid sequences
 * replaced (utf8_sanitize), so jansson never rejects it; JSON null for a NULL s. The caller
 * owns the reference. */
json_t *json_text(const char *s);

/* Print o to stdout as one compact line (keys in insertion order) and release it: the JSON
 * Lines output of the commands. */
void json_put_line(json_t *o);

#endif
