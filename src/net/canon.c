/* canon.c: URL canonicalization for cross-feed dedupe, and host extraction for per-host limits. */
#include "net/canon.h"

#include <string.h>

#include "util/str.h"

/* Query parameters that only track where a click came from. */
static int
is_tracking_param(const char *p, size_t len)
{
	static const char *const exact[] = {"fbclid", "gclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi"};
	size_t key_len = 0;
	while (key_len < len && p[key_len] != '=')
		key_len++;
	if (key_len >= 4 && str_ncasecmp(p, "utm_", 4) == 0)
		return 1;
	for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
		if (strlen(exact[i]) == key_len && str_ncasecmp(p, exact[i], key_len) == 0)
			return 1;
	return 0;
}

/* First c in [p, end), or NULL (a loop rather than memchr: end may precede p for a
 * malformed authority, and this keeps that case trivially safe). */
static const char *
find_char(const char *p, const char *end, char c)
{
	for (; p < end; p++)
		if (*p == c)
			return p;
	return NULL;
}

/* Find "scheme://" at the start of s[0..len): returns the scheme length or 0. */
static size_t
scheme_len(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (is_ascii_alnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.'))
		i++;
	if (i == 0 || !is_ascii_alpha((unsigned char)s[0]) || i + 3 > len || memcmp(s + i, "://", 3) != 0)
		return 0;
	return i;
}

void
net_canonical_url(const char *url, struct buf *out)
{
	const char *s = url ? url : "";
	size_t len = strlen(s);
	str_trim(&s, &len);
	const char *hash = memchr(s, '#', len);
	if (hash)
		len = (size_t)(hash - s);
	size_t sl = scheme_len(s, len);
	if (!sl) {
		buf_append(out, s, len);
		return;
	}
	for (size_t i = 0; i < sl; i++)
		buf_putc(out, (char)ascii_lower((unsigned char)s[i]));
	buf_puts(out, "://");
	const char *p = s + sl + 3, *end = s + len;
	const char *auth_end = p;
	while (auth_end < end && *auth_end != '/' && *auth_end != '?')
		auth_end++;
	/* userinfo is kept as is; host lower-cased; default port dropped */
	const char *at = NULL;
	for (const char *q = p; q < auth_end; q++)
		if (*q == '@')
			at = q;
	if (at) {
		buf_append(out, p, (size_t)(at + 1 - p));
		p = at + 1;
	}
	const char *port = NULL;
	const char *host_end = auth_end;
	if (p < auth_end && *p == '[') { /* IPv6 literal */
		const char *rb = find_char(p, auth_end, ']');
		if (rb && rb + 1 < auth_end && rb[1] == ':')
			port = rb + 1;
	} else {
		const char *colon = find_char(p, auth_end, ':');
		if (colon)
			port = colon;
	}
	if (port)
		host_end = port;
	for (const char *q = p; q < host_end; q++)
		buf_putc(out, (char)ascii_lower((unsigned char)*q));
	if (port) {
		size_t plen = (size_t)(auth_end - port - 1);
		int is_default = plen == 0 || (sl == 4 && plen == 2 && memcmp(port + 1, "80", 2) == 0 &&
		                               str_ncasecmp(s, "http", 4) == 0) ||
		                 (sl == 5 && plen == 3 && memcmp(port + 1, "443", 3) == 0 &&
		                  str_ncasecmp(s, "https", 5) == 0);
		if (!is_default)
			buf_append(out, port, (size_t)(auth_end - port));
	}
	p = auth_end;
	const char *qmark = find_char(p, end, '?');
	const char *path_end = qmark ? qmark : end;
	if (path_end == p)
		buf_putc(out, '/');
	else
		buf_append(out, p, (size_t)(path_end - p));
	if (!qmark) {
		return;
	}
	int is_first = 1;
	const char *param = qmark + 1;
	while (param <= end) {
		const char *amp = find_char(param, end, '&');
		const char *pend = amp ? amp : end;
		size_t plen = (size_t)(pend - param);
		if (plen && !is_tracking_param(param, plen)) {
			buf_putc(out, is_first ? '?' : '&');
			buf_append(out, param, plen);
			is_first = 0;
		}
		if (!amp)
			break;
		param = amp + 1;
	}
}

char *
net_url_host(const char *url, char *out, size_t size)
{
	if (size == 0)
		return out;
	out[0] = '\0';
	size_t len = strlen(url);
	size_t sl = scheme_len(url, len);
	if (!sl)
		return out;
	const char *p = url + sl + 3;
	const char *auth_end = p;
	while (*auth_end && *auth_end != '/' && *auth_end != '?' && *auth_end != '#')
		auth_end++;
	for (const char *q = p; q < auth_end; q++)
		if (*q == '@')
			p = q + 1;
	const char *host_end = auth_end;
	if (*p == '[') {
		const char *rb = find_char(p, auth_end, ']');
		if (rb)
			host_end = rb + 1;
	} else {
		const char *colon = find_char(p, auth_end, ':');
		if (colon)
			host_end = colon;
	}
	size_t n = 0;
	for (const char *q = p; q < host_end && n + 1 < size; q++)
		out[n++] = (char)ascii_lower((unsigned char)*q);
	out[n] = '\0';
	return out;
}
