/* url.c: RFC 3986 section 5 reference resolution (merge, remove_dot_segments). */
#include "feed/url.h"

#include <string.h>

#include "util/str.h"

/* The five components of a URI reference, as spans of the original string. */
struct uri_parts {
	const char *scheme, *auth, *path, *query, *frag;
	size_t scheme_len, auth_len, path_len, query_len, frag_len;
	int has_scheme, has_auth, has_query, has_frag;
};

size_t
url_scheme_len(const char *s, size_t len)
{
	if (len == 0 || !is_ascii_alpha(s[0]))
		return 0;
	for (size_t i = 1; i < len; i++) {
		if (s[i] == ':')
			return i;
		if (!is_ascii_alnum(s[i]) && s[i] != '+' && s[i] != '-' && s[i] != '.')
			return 0;
	}
	return 0;
}

int
url_ref_scheme(const char *ref, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)ref;
	while (*p && *p <= 0x20)
		p++;
	size_t n = 0;
	int valid = 1;
	for (; *p && *p != ':'; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (*p == '/' || *p == '?' || *p == '#')
			break;
		if (!(n == 0 ? is_ascii_alpha(*p) : is_ascii_alnum(*p) || *p == '+' || *p == '-' || *p == '.'))
			valid = 0;
		if (n + 1 < size)
			out[n] = (char)ascii_lower(*p);
		n++;
	}
	if (size)
		out[n < size ? n : size - 1] = '\0';
	if (*p != ':')
		return 0;
	return valid && n > 0 && n < size ? (int)n : -1;
}

static void
split(const char *s, size_t len, struct uri_parts *p)
{
	memset(p, 0, sizeof *p);
	size_t i = 0;
	size_t sl = url_scheme_len(s, len);
	if (sl) {
		p->has_scheme = 1;
		p->scheme = s;
		p->scheme_len = sl;
		i = sl + 1;
	}
	if (i + 1 < len && s[i] == '/' && s[i + 1] == '/') {
		i += 2;
		p->has_auth = 1;
		p->auth = s + i;
		while (i < len && s[i] != '/' && s[i] != '?' && s[i] != '#')
			i++;
		p->auth_len = (size_t)(s + i - p->auth);
	}
	p->path = s + i;
	while (i < len && s[i] != '?' && s[i] != '#')
		i++;
	p->path_len = (size_t)(s + i - p->path);
	if (i < len && s[i] == '?') {
		p->has_query = 1;
		p->query = s + ++i;
		while (i < len && s[i] != '#')
			i++;
		p->query_len = (size_t)(s + i - p->query);
	}
	if (i < len && s[i] == '#') {
		p->has_frag = 1;
		p->frag = s + i + 1;
		p->frag_len = len - i - 1;
	}
}

/* Append path[0..len) to out with "." and ".." segments removed (RFC 3986 5.2.4).
 * Works on the output buffer directly: out already holds scheme and authority,
 * and `floor` is where the path starts, which ".." never climbs above. */
static void
append_path(struct buf *out, const char *in, size_t len)
{
	size_t floor = out->len;
	size_t i = 0;
	while (i < len) {
		if (len - i >= 3 && memcmp(in + i, "../", 3) == 0) {
			i += 3;
		} else if (len - i >= 2 && memcmp(in + i, "./", 2) == 0) {
			i += 2;
		} else if (len - i >= 3 && memcmp(in + i, "/./", 3) == 0) {
			i += 2;
		} else if (len - i == 2 && memcmp(in + i, "/.", 2) == 0) {
			buf_putc(out, '/');
			i += 2;
		} else if ((len - i >= 4 && memcmp(in + i, "/../", 4) == 0) ||
		           (len - i == 3 && memcmp(in + i, "/..", 3) == 0)) {
			int is_last = len - i == 3;
			i += 3;
			while (out->len > floor && out->data[out->len - 1] != '/')
				out->len--;
			if (out->len > floor)
				out->len--;
			out->data[out->len] = '\0';
			if (is_last)
				buf_putc(out, '/');
		} else if ((len - i == 1 && in[i] == '.') || (len - i == 2 && memcmp(in + i, "..", 2) == 0)) {
			i = len;
		} else {
			size_t j = i + (in[i] == '/');
			while (j < len && in[j] != '/')
				j++;
			buf_append(out, in + i, j - i);
			i = j;
		}
	}
}

static void
put_tail(struct buf *out, const struct uri_parts *r, int query_from_base, const struct uri_parts *b)
{
	const struct uri_parts *q = query_from_base ? b : r;
	if (q->has_query) {
		buf_putc(out, '?');
		buf_append(out, q->query, q->query_len);
	}
	if (r->has_frag) {
		buf_putc(out, '#');
		buf_append(out, r->frag, r->frag_len);
	}
}

void
url_resolve(const char *base, const char *ref, size_t ref_len, struct buf *out)
{
	str_trim(&ref, &ref_len);
	buf_reserve(out, ref_len + (base ? strlen(base) : 0) + 2);
	struct uri_parts b, r;
	split(ref, ref_len, &r);
	size_t base_len = base ? strlen(base) : 0;
	if (base)
		str_trim(&base, &base_len);
	if (base_len)
		split(base, base_len, &b);
	if (r.has_scheme || !base_len || !b.has_scheme) {
		if (!r.has_scheme) {
			buf_append(out, ref, ref_len);
			return;
		}
		buf_append(out, r.scheme, r.scheme_len + 1);
		if (r.has_auth) {
			buf_puts(out, "//");
			buf_append(out, r.auth, r.auth_len);
		}
		append_path(out, r.path, r.path_len);
		put_tail(out, &r, 0, &b);
		return;
	}
	buf_append(out, b.scheme, b.scheme_len + 1);
	if (r.has_auth) {
		buf_puts(out, "//");
		buf_append(out, r.auth, r.auth_len);
		append_path(out, r.path, r.path_len);
		put_tail(out, &r, 0, &b);
		return;
	}
	if (b.has_auth) {
		buf_puts(out, "//");
		buf_append(out, b.auth, b.auth_len);
	}
	if (r.path_len == 0) {
		append_path(out, b.path, b.path_len);
		put_tail(out, &r, !r.has_query, &b);
		return;
	}
	if (r.path[0] == '/') {
		append_path(out, r.path, r.path_len);
	} else {
		/* merge: the base path up to its last '/', then the reference path */
		struct buf merged = BUF_INIT;
		if (b.has_auth && b.path_len == 0) {
			buf_putc(&merged, '/');
		} else {
			size_t keep = b.path_len;
			while (keep > 0 && b.path[keep - 1] != '/')
				keep--;
			buf_append(&merged, b.path, keep);
		}
		buf_append(&merged, r.path, r.path_len);
		append_path(out, merged.data, merged.len);
		buf_free(&merged);
	}
	put_tail(out, &r, 0, &b);
}

static int
is_link_attr(const char *name, size_t len)
{
	static const char *const attrs[] = {"action", "background", "cite", "classid", "codebase", "data",
	                                    "href", "longdesc", "poster", "profile", "src", "usemap"};
	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
		if (strlen(attrs[i]) == len && str_ncasecmp(attrs[i], name, len) == 0)
			return 1;
	return 0;
}

int
url_resolve_html(const char *base, const char *html, size_t len, struct buf *out)
{
	if (!base || !url_scheme_len(base, strlen(base)))
		return 0;
	const char *end = html + len;
	const char *copied = html;
	const char *p = html;
	size_t start_len = out->len;
	while (p < end) {
		const char *lt = memchr(p, '<', (size_t)(end - p));
		if (!lt || lt + 1 >= end)
			break;
		p = lt + 1;
		if (!is_ascii_alpha(*p))
			continue;
		while (p < end && !is_ascii_space(*p) && *p != '>' && *p != '/')
			p++;
		/* attributes until '>' */
		while (p < end && *p != '>') {
			while (p < end && (is_ascii_space(*p) || *p == '/'))
				p++;
			const char *name = p;
			while (p < end && !is_ascii_space(*p) && *p != '=' && *p != '>' && *p != '/')
				p++;
			size_t name_len = (size_t)(p - name);
			while (p < end && is_ascii_space(*p))
				p++;
			if (p >= end || *p != '=') {
				if (name_len == 0 && p < end && *p != '>')
					p++;
				continue;
			}
			p++;
			while (p < end && is_ascii_space(*p))
				p++;
			const char *val, *val_end;
			if (p < end && (*p == '"' || *p == '\'')) {
				char q = *p++;
				val = p;
				while (p < end && *p != q)
					p++;
				val_end = p;
				if (p < end)
					p++;
			} else {
				val = p;
				while (p < end && !is_ascii_space(*p) && *p != '>')
					p++;
				val_end = p;
			}
			size_t vlen = (size_t)(val_end - val);
			if (!is_link_attr(name, name_len) || url_scheme_len(val, vlen))
				continue;
			const char *v = val;
			size_t tl = vlen;
			str_trim(&v, &tl);
			if (url_scheme_len(v, tl))
				continue;
			buf_append(out, copied, (size_t)(val - copied));
			url_resolve(base, val, vlen, out);
			copied = val_end;
		}
	}
	if (copied == html) {
		out->len = start_len;
		return 0;
	}
	buf_append(out, copied, (size_t)(end - copied));
	return 1;
}

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
authority_scheme_len(const char *s, size_t len)
{
	size_t n = url_scheme_len(s, len);
	return n && n + 3 <= len && memcmp(s + n, "://", 3) == 0 ? n : 0;
}

void
url_canonical(const char *url, struct buf *out)
{
	const char *s = url ? url : "";
	size_t len = strlen(s);
	str_trim(&s, &len);
	const char *hash = memchr(s, '#', len);
	if (hash)
		len = (size_t)(hash - s);
	size_t sl = authority_scheme_len(s, len);
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
url_host(const char *url, char *out, size_t size)
{
	if (size == 0)
		return out;
	out[0] = '\0';
	size_t len = strlen(url);
	size_t sl = authority_scheme_len(url, len);
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

const char *
url_display_name(const char *name, const char *title, const char *url, struct arena *arena)
{
	if (name && *name)
		return arena_strdup(arena, name);
	if (title && *title)
		return arena_strdup(arena, title);
	if (!url || !*url)
		return NULL;
	char host[256];
	const char *h = url_host(url, host, sizeof host);
	if (!*h) /* not "scheme://host": show what there is */
		return arena_strdup(arena, url);
	if (strncmp(h, "www.", 4) == 0 && h[4])
		h += 4;
	return arena_strdup(arena, h);
}

enum url_feed_check
url_feed_check(const char *url)
{
	size_t len = url ? strlen(url) : 0;
	size_t sl = url_scheme_len(url ? url : "", len);
	if (!sl)
		return URL_FEED_RELATIVE;
	if (!((sl == 4 && str_ncasecmp(url, "http", 4) == 0) || (sl == 5 && str_ncasecmp(url, "https", 5) == 0)))
		return URL_FEED_SCHEME;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)url[i] <= 0x20 || url[i] == 0x7f)
			return URL_FEED_SPACE;
	char host[8];
	if (!url_host(url, host, sizeof host)[0])
		return URL_FEED_NO_HOST;
	return URL_FEED_OK;
}

/* Phrase and key of each url_feed_check, in its order. */
static const char *const feed_reasons[URL_FEED_CHECKS][2] = {
	{"a feed URL", "ok"},
	{"a relative URL (no http:// or https://)", "relative"},
	{"not an http(s) URL (javascript:, file:, ...)", "scheme"},
	{"a space or control character in the URL", "space"},
	{"no host after http(s)://", "no_host"},
};

const char *
url_feed_reason(enum url_feed_check c)
{
	return feed_reasons[c < URL_FEED_CHECKS ? c : URL_FEED_OK][0];
}

const char *
url_feed_reason_key(enum url_feed_check c)
{
	return feed_reasons[c < URL_FEED_CHECKS ? c : URL_FEED_OK][1];
}
