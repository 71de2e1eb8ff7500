/* urlalias.c: the addresses a user takes for one feed (url_feed_aliases, feed/url.h). */
#include <string.h>

#include "feed/url.h"
#include "util/str.h"

/* FeedBurner's hosts, where "?format=xml" (or "rss") asks for the same feed as without it. */
static int
is_feedburner(const char *host, size_t len)
{
	static const char *const hosts[] = {"feeds.feedburner.com", "feeds2.feedburner.com", "feedproxy.google.com"};
	for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++)
		if (strlen(hosts[i]) == len && memcmp(hosts[i], host, len) == 0)
			return 1;
	return 0;
}

/* Whether host[0..len) is a name (it has a letter and a dot, and is no IPv6 literal), to
 * which "www." may be added or from which it may be taken. */
static int
is_dns_name(const char *host, size_t len)
{
	int has_letter = 0, has_dot = 0;
	for (size_t i = 0; i < len; i++) {
		has_letter |= (host[i] >= 'a' && host[i] <= 'z');
		has_dot |= host[i] == '.';
	}
	return len && host[0] != '[' && has_letter && has_dot;
}

/* Append query q[0..len) without its "format=xml" and "format=rss" parameters to out. */
static void
query_without_format(const char *q, size_t len, struct buf *out)
{
	const char *end = q + len;
	while (q < end) {
		const char *amp = memchr(q, '&', (size_t)(end - q));
		const char *pe = amp ? amp : end;
		size_t n = (size_t)(pe - q);
		if (!(n == 10 && (memcmp(q, "format=xml", 10) == 0 || memcmp(q, "format=rss", 10) == 0))) {
			if (out->len)
				buf_putc(out, '&');
			buf_append(out, q, n);
		}
		q = amp ? amp + 1 : end;
	}
}

size_t
url_feed_aliases(const char *canon, struct arena *arena, const char ***out)
{
	*out = NULL;
	size_t len = strlen(canon);
	size_t sl = url_scheme_len(canon, len);
	if (!sl || len < sl + 3 || memcmp(canon + sl, "://", 3) != 0)
		return 0;
	int is_web = (sl == 4 && memcmp(canon, "http", 4) == 0) || (sl == 5 && memcmp(canon, "https", 5) == 0);
	if (!is_web)
		return 0;
	const char *auth = canon + sl + 3;
	size_t auth_len = strcspn(auth, "/?");
	const char *host = auth, *auth_end = auth + auth_len;
	for (const char *p = auth; p < auth_end; p++)
		if (*p == '@')
			host = p + 1;
	size_t user_len = (size_t)(host - auth);
	const char *port = NULL;
	if (host < auth_end && *host == '[') {
		const char *rb = memchr(host, ']', (size_t)(auth_end - host));
		port = rb && rb + 1 < auth_end ? rb + 1 : NULL;
	} else {
		port = memchr(host, ':', (size_t)(auth_end - host));
	}
	size_t host_len = (size_t)((port ? port : auth_end) - host);
	const char *path = auth_end;
	size_t path_len = strcspn(path, "?");
	const char *query = path[path_len] == '?' ? path + path_len + 1 : NULL;

	/* http:// and https:// where no port is written (a written one belongs to one scheme) */
	const char *schemes[2] = {"http", "https"};
	size_t nschemes = port ? 1 : 2;
	if (port)
		schemes[0] = sl == 4 ? "http" : "https";
	/* the host as it is and with "www." added or taken away */
	int is_www = host_len > 4 && memcmp(host, "www.", 4) == 0;
	struct buf alt_host = BUF_INIT;
	if (is_dns_name(host, host_len)) {
		if (is_www)
			buf_append(&alt_host, host + 4, host_len - 4);
		else {
			buf_puts(&alt_host, "www.");
			buf_append(&alt_host, host, host_len);
		}
	}
	const char *hosts[2] = {arena_strndup(arena, host, host_len), alt_host.len ? buf_str(&alt_host) : NULL};
	/* the path with and without its trailing slash (the site's root has one form) */
	const char *paths[2] = {arena_strndup(arena, path, path_len), NULL};
	if (path_len > 1 && path[path_len - 1] == '/')
		paths[1] = arena_strndup(arena, path, path_len - 1);
	else if (path_len > 1)
		paths[1] = arena_printf(arena, "%.*s/", (int)path_len, path);
	/* the query as it is; at FeedBurner, also without or with its format=xml|rss */
	const char *queries[3] = {query ? query : "", NULL, NULL};
	if (is_feedburner(host + (is_www ? 4 : 0), host_len - (is_www ? 4 : 0))) {
		struct buf q = BUF_INIT;
		query_without_format(query ? query : "", query ? strlen(query) : 0, &q);
		queries[0] = arena_strdup(arena, buf_str(&q));
		queries[1] = arena_printf(arena, "%s%sformat=xml", buf_str(&q), q.len ? "&" : "");
		queries[2] = arena_printf(arena, "%s%sformat=rss", buf_str(&q), q.len ? "&" : "");
		buf_free(&q);
	}
	const char **list = arena_alloc(arena, 2 * 2 * 2 * 3 * sizeof *list);
	size_t n = 0;
	for (size_t s = 0; s < nschemes; s++)
		for (size_t h = 0; h < 2 && hosts[h]; h++)
			for (size_t p = 0; p < 2 && paths[p]; p++)
				for (size_t q = 0; q < 3 && queries[q]; q++) {
					const char *a = arena_printf(arena, "%s://%.*s%s%.*s%s%s%s", schemes[s], (int)user_len, auth,
					                             hosts[h], port ? (int)(auth_end - port) : 0, port ? port : "",
					                             paths[p], *queries[q] ? "?" : "", queries[q]);
					if (strcmp(a, canon) != 0)
						list[n++] = a;
				}
	buf_free(&alt_host);
	*out = list;
	return n;
}
