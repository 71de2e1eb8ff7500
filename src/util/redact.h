/* redact.h: the one redactor: what brief shows of a URL or a secret.
 *
 * A feed URL may carry credentials — userinfo (https://user:pass@host/feed) or a token in
 * its query (?token=..., ?api_key=..., X-Amz-Signature=...). brief keeps the real URL in the
 * store (it needs it to fetch) and shows everywhere else — digests in Markdown, HTML and JSON,
 * stderr, `brief fetch`, `feeds list`, `doctor`, error messages — a redacted form:
 *     https://user:pw@host/feed?token=abc&page=2 is shown with "user:pw" and "abc" as "***"
 * Userinfo becomes "***"; the value of every credential-like query or fragment parameter
 * becomes "***" (its name stays, so a reader can tell which one). Credential-like names,
 * compared case-insensitively: containing token, secret, passw, apikey, api_key, api-key,
 * access_key, accesskey, private_key, credential, signature or session; or exactly key, auth,
 * sig, pass, pwd, sid, jwt. API keys (LLM, delivery channels) are removed from a text with
 * redact_secret. */
#ifndef BRIEF_UTIL_REDACT_H
#define BRIEF_UTIL_REDACT_H

#include <stddef.h>

#include "util/arena.h"
#include "util/buf.h"

/* Append text to out with every URL in it ("scheme://...", ending at whitespace, quotes,
 * angle brackets, backticks, the end, or where a URL inside it starts: a proxy's path or a
 * query value holding a URL is redacted as a URL too) redacted as above. Query parameters
 * are separated by '&' or ';'. text may be a URL alone. */
void redact_append(struct buf *out, const char *text);
/* redact_append into an arena copy; NULL stays NULL. */
const char *redact_str(struct arena *a, const char *text);
/* redact_append over s itself, in place, cut to size bytes (NUL included). */
void redact_inplace(char *s, size_t size);
/* Replace every occurrence of secret in s with "***", in place (s only shrinks). Secrets
 * shorter than 4 bytes are left alone: they would match ordinary text. */
void redact_secret(char *s, const char *secret);

#endif
