/* redact.c: the one redactor (see redact.h for what is hidden and why). */
#include "util/redact.h"

#include <string.h>

#include "util/str.h"

/* True when a query parameter named name[0..len) carries a credential. */
static int
is_secret_name(const char *name, size_t len)
{
	static const char *const parts[] = {"token", "secret", "passw", "apikey", "api_key", "api-key",
	                                    "access_key", "accesskey", "private_key", "credential",
	                                    "signature", "session"};
	static const char *const exact[] = {"key", "auth", "sig", "pass", "pwd", "sid", "jwt"};
	char low[64];
	if (len == 0 || len >= sizeof low)
		return len >= sizeof low; /* an absurdly long name: hide its value too */
	for (size_t i = 0; i < len; i++)
		low[i] = (char)ascii_lower((unsigned char)name[i]);
	low[len] = '\0';
	for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
		if (strcmp(low, exact[i]) == 0)
			return 1;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (strstr(low, parts[i]))
			return 1;
	return 0;
}

/* Where the scheme of the URL whose "://" is at sep starts, not before from: sep itself when
 * no scheme character precedes it (then it is no URL). */
static const char *
scheme_start(const char *from, const char *sep)
{
	const char *start = sep;
	while (start > from && (is_ascii_alnum((unsigned char)start[-1]) || strchr("+-.", start[-1])))
		start--;
	return start;
}

/* Where a URL whose "://" is at sep ends: at white space, a quote, an angle bracket, a
 * backtick, or the scheme of a URL inside it (a proxy's path, a query value:
 * https://proxy/?u=https://user:pw@host/), which is then redacted as a URL of its own. */
static const char *
url_end(const char *sep)
{
	const char *p = sep + 3;
	while (*p && !is_ascii_space((unsigned char)*p) && !strchr("\"'<>`", *p)) {
		if (p[0] == ':' && p[1] == '/' && p[2] == '/') {
			const char *start = scheme_start(sep + 3, p);
			if (start < p)
				return start;
		}
		p++;
	}
	return p;
}

/* Append "name=value&name=value" parameters of [p, end) with secret values hidden. A ';'
 * separates parameters as '&' does (HTML 4's recommendation, read so by many servers). */
static void
append_params(struct buf *out, const char *p, const char *end)
{
	while (p < end) {
		const char *sep = p;
		while (sep < end && *sep != '&' && *sep != ';')
			sep++;
		const char *eq = memchr(p, '=', (size_t)(sep - p));
		if (eq && is_secret_name(p, (size_t)(eq - p))) {
			buf_append(out, p, (size_t)(eq + 1 - p));
			buf_puts(out, "***");
		} else {
			buf_append(out, p, (size_t)(sep - p));
		}
		if (sep == end)
			break;
		buf_putc(out, *sep);
		p = sep + 1;
	}
}

/* Append the URL [p, end) (p at the scheme) redacted. */
static void
append_url(struct buf *out, const char *p, const char *end)
{
	const char *auth = strstr(p, "://") + 3;
	buf_append(out, p, (size_t)(auth - p));
	const char *host_end = auth;
	while (host_end < end && !strchr("/?#", *host_end))
		host_end++;
	const char *at = NULL;
	for (const char *q = auth; q < host_end; q++)
		if (*q == '@')
			at = q;
	if (at) {
		buf_puts(out, "***");
		auth = at;
	}
	buf_append(out, auth, (size_t)(host_end - auth));
	p = host_end;
	const char *query = memchr(p, '?', (size_t)(end - p));
	const char *frag = memchr(p, '#', (size_t)(end - p));
	if (query && frag && frag < query)
		query = NULL;
	const char *path_end = query ? query : frag ? frag : end;
	buf_append(out, p, (size_t)(path_end - p));
	if (query) {
		buf_putc(out, '?');
		append_params(out, query + 1, frag ? frag : end);
	}
	if (frag) { /* OAuth-style #access_token=... */
		buf_putc(out, '#');
		append_params(out, frag + 1, end);
	}
}

void
redact_append(struct buf *out, const char *text)
{
	const char *p = text;
	for (;;) {
		const char *sep = strstr(p, "://");
		if (!sep) {
			buf_puts(out, p);
			return;
		}
		const char *start = scheme_start(p, sep);
		if (start == sep) { /* "://" without a scheme: not a URL */
			buf_append(out, p, (size_t)(sep + 3 - p));
			p = sep + 3;
			continue;
		}
		buf_append(out, p, (size_t)(start - p));
		const char *end = url_end(sep);
		append_url(out, start, end);
		p = end;
	}
}

const char *
redact_str(struct arena *a, const char *text)
{
	if (!text)
		return NULL;
	struct buf b = BUF_INIT;
	redact_append(&b, text);
	const char *s = arena_strndup(a, buf_str(&b), b.len);
	buf_free(&b);
	return s;
}

void
redact_inplace(char *s, size_t size)
{
	if (!strstr(s, "://"))
		return;
	struct buf b = BUF_INIT;
	redact_append(&b, s);
	str_copy(s, buf_str(&b), size);
	buf_free(&b);
}

void
redact_secret(char *s, const char *secret)
{
	size_t n = secret ? strlen(secret) : 0;
	if (n < 4)
		return;
	char *p;
	while ((p = strstr(s, secret)) != NULL) {
		memmove(p + 3, p + n, strlen(p + n) + 1);
		memcpy(p, "***", 3);
	}
}
