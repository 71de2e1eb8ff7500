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
