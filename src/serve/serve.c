/* serve.c: the HTTP side of `brief serve`: listening socket, libmicrohttpd daemon, routing and
 * security headers. The pages themselves are in pages.c. */
#include "serve/serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "serve/pages.h"
#include "report/page.h"
#include "store/search.h"
#include "store/store.h"
#include "util/hash.h"
#include "util/str.h"

struct serve {
	struct MHD_Daemon *daemon;
	struct store st; /* used only from the daemon's one thread */
	int listen_fd;
	int is_loopback;  /* bound to 127.0.0.0/8 or ::1 */
	char url[160];
	char *token;      /* NULL = none */
	char *hosts;      /* ",name,name," lower case, or NULL */
	char *note;       /* why the store was opened read-only (serve_store_note), or NULL */
};

/* Report pages are brief's own HTML; still, nothing in them may run or fetch: no scripts, no
 * network, styles inline only, and a sandbox for good measure. */

/* Split "HOST:PORT" / "[V6]:PORT" / ":PORT" / "PORT" into host and port; an error names the
 * setting as name ("--listen", "BRIEF_LISTEN", "[serve] listen"). */
static int
parse_listen(const char *listen, const char *name, char *host, size_t hsize, char *port, size_t psize,
             struct err *e)
{
	const char *colon = strrchr(listen, ':');
	if (listen[0] == '[') {
		const char *close = strchr(listen, ']');
		if (!close || close[1] != ':')
			return err_set(e, "%s wants HOST:PORT, not \"%s\"", name, listen);
		snprintf(host, hsize, "%.*s", (int)(close - listen - 1), listen + 1);
		colon = close + 1;
	} else if (!colon) {
		snprintf(host, hsize, "127.0.0.1");
		colon = listen - 1;
	} else if (colon == listen) {
		snprintf(host, hsize, "127.0.0.1");
	} else {
		snprintf(host, hsize, "%.*s", (int)(colon - listen), listen);
	}
	long p;
	if (str_to_long(colon + 1, 0, 65535, &p) < 0)
		return err_set(e, "%s wants HOST:PORT with a port in 0..65535, not \"%s\"", name, listen);
	snprintf(port, psize, "%ld", p);
	return 0;
}

/* MHD_OPTION_UNESCAPE_CALLBACK: decode the %HH escapes of a URL's path or a query value in
 * place, as libmicrohttpd's own unescaper does, except that %00 becomes U+001A (SUBSTITUTE):
 * a value with a NUL would otherwise read as the shorter string before it (`?q=%00` as no
 * search at all); as a control character the search refuses it (store_search_check) and no
 * path or token matches it. Returns the new length. */
static size_t
unescape(void *cls, struct MHD_Connection *conn, char *s)
{
	(void)cls, (void)conn;
	static const char hex[] = "0123456789abcdef";
	char *w = s;
	for (const char *r = s; *r; r++) {
		const char *hi = r[0] == '%' && r[1] ? strchr(hex, ascii_lower((unsigned char)r[1])) : NULL;
		const char *lo = hi && r[2] ? strchr(hex, ascii_lower((unsigned char)r[2])) : NULL;
		if (!lo) {
			*w++ = *r;
			continue;
		}
		char c = (char)((hi - hex) << 4 | (lo - hex));
		*w++ = c ? c : '\x1a';
		r += 2;
	}
	*w = '\0';
	return (size_t)(w - s);
}

/* Create, bind and listen; fills sv->url with the address actually bound. */
static int
open_socket(struct serve *sv, const char *listen_arg, int *is_v6, struct err *e)
{
	char host[256], port[16];
	if (parse_listen(listen_arg, "--listen", host, sizeof host, port, sizeof port, e) < 0) /* checked before */
		return -1;
	struct addrinfo hints, *ai = NULL;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	int gai = getaddrinfo(host, port, &hints, &ai);
	if (gai != 0)
		return err_set(e, "cannot listen on %s: %s", listen_arg, gai_strerror(gai));
	int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, 1024) < 0) {
		int saved = errno;
		if (fd >= 0)
			close(fd);
		freeaddrinfo(ai);
		return err_set(e, "cannot listen on %s: %s", listen_arg, strerror(saved));
	}
	*is_v6 = ai->ai_family == AF_INET6;
	if (ai->ai_family == AF_INET)
		sv->is_loopback = (ntohl(((struct sockaddr_in *)ai->ai_addr)->sin_addr.s_addr) >> 24) == 127;
	else
		sv->is_loopback = IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr);
	freeaddrinfo(ai);
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	int bound = 0;
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0)
		bound = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
		                                       : ((struct sockaddr_in *)&ss)->sin_port);
	snprintf(sv->url, sizeof sv->url, *is_v6 ? "http://[%s]:%d" : "http://%s:%d", host, bound);
	sv->listen_fd = fd;
	return 0;
}

/* The Host header when it is a plain host[:port], else our own address: the Atom feed's
 * absolute links must not carry whatever a client put there. */
static void
request_base(struct serve *sv, struct MHD_Connection *conn, char *out, size_t size)
{
	const char *h = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	int ok = h && *h && strlen(h) < 200;
	for (const char *p = h; ok && *p; p++)
		ok = is_ascii_alnum((unsigned char)*p) || strchr(".-:[]", *p) != NULL;
	if (ok)
		snprintf(out, size, "http://%s", h);
	else
		snprintf(out, size, "%s", sv->url);
}

/* True when the Host header may reach us: absent (HTTP/1.0), an IP literal, localhost, or a
 * configured name. A name that an attacker's page rebinds to our address is none of these. */
static int
host_allowed(const struct serve *sv, struct MHD_Connection *conn)
{
	const char *h = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	if (!h)
		return 1;
	char host[256];
	size_t n;
	if (h[0] == '[') {
		const char *rb = strchr(h, ']');
		if (!rb)
			return 0;
		n = (size_t)(rb - h - 1);
		h++;
	} else {
		n = strcspn(h, ":");
	}
	if (n == 0 || n >= sizeof host)
		return 0;
	for (size_t i = 0; i < n; i++)
		host[i] = (char)ascii_lower((unsigned char)h[i]);
	host[n] = '\0';
	while (n > 1 && host[n - 1] == '.') /* "localhost." is localhost */
		host[--n] = '\0';
	unsigned char addr[16];
	if (inet_pton(AF_INET, host, addr) == 1 || inet_pton(AF_INET6, host, addr) == 1 ||
	    strcmp(host, "localhost") == 0)
		return 1;
	if (!sv->hosts)
		return 0;
	char needle[260];
	snprintf(needle, sizeof needle, ",%s,", host);
	return strstr(sv->hosts, needle) != NULL;
}

/* Equal strings, in time that does not depend on where they differ. */
static int
token_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned char diff = (unsigned char)(la != lb);
	for (size_t i = 0; i < la; i++)
		diff |= (unsigned char)(a[i] ^ b[i % (lb ? lb : 1)]);
	return diff == 0;
}

/* 0 when the request carries the token (or none is needed); 1 when it came as ?token= (set the
 * cookie); -1 when it is missing or wrong. */
static int
token_check(const struct serve *sv, struct MHD_Connection *conn)
{
	if (!sv->token)
		return 0;
	const char *auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	if (auth && str_istarts(auth, "Bearer ") && token_equal(auth + 7, sv->token))
		return 0;
	const char *cookie = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "brief_token");
	if (cookie && token_equal(cookie, sv->token))
		return 0;
	/* A query reads '+' as a space; a token has no spaces, so its '+' are put back. */
	const char *arg = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "token");
	char plus[260];
	if (arg && strlen(arg) < sizeof plus) {
		size_t i = 0;
		for (; arg[i]; i++)
			plus[i] = arg[i] == ' ' ? '+' : arg[i];
		plus[i] = '\0';
		if (token_equal(plus, sv->token))
			return 1;
	}
	return -1;
}

/* True when the request's If-None-Match names etag (a quoted tag, weak or strong: RFC 9110
 * compares them weakly here) or is "*". */
static int
etag_matches(struct MHD_Connection *conn, const char *etag)
{
	const char *inm = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	if (!inm)
		return 0;
	while (is_ascii_space((unsigned char)*inm))
		inm++;
	return strcmp(inm, "*") == 0 || strstr(inm, etag) != NULL;
}

/* Queue pg (with Set-Cookie: cookie unless NULL) on conn. A 200 page carries an ETag (a digest
 * of its body and type); a request that already holds it (If-None-Match) gets 304 and no body,
 * so a feed reader polling /feed.atom or a browser revalidating a page (no-cache) does not
 * download it again unchanged. */
static enum MHD_Result
send_page(struct MHD_Connection *conn, struct page *pg, const char *cookie)
{
	char etag[40] = "";
	if (pg->status == 200) {
		char hex[33];
		struct buf tagged = BUF_INIT;
		buf_printf(&tagged, "%s\n", pg->content_type);
		buf_append(&tagged, pg->body.data ? pg->body.data : "", pg->body.len);
		hash_hex128(tagged.data, tagged.len, hex);
		buf_free(&tagged);
		snprintf(etag, sizeof etag, "\"%s\"", hex);
	}
	int not_modified = *etag && etag_matches(conn, etag);
	/* A 304 is made from the whole body too: libmicrohttpd sends no body with a 304 but
	 * states the response's size, and RFC 9110 (15.4.5) allows a 304 only the Content-Length
	 * of the 200 it stands for (an empty response stated 0: a cache that believes it stores
	 * an empty page). */
	struct MHD_Response *resp = MHD_create_response_from_buffer(
		pg->body.len, pg->body.data ? pg->body.data : (void *)"", MHD_RESPMEM_MUST_COPY);
	if (!resp)
		return MHD_NO;
	if (*etag)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
	if (!not_modified)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, pg->content_type);
	struct buf csp = BUF_INIT;
	page_csp(&csp, pg->is_report ? PAGE_SERVED_REPORT : PAGE_SERVED, NULL);
	MHD_add_response_header(resp, "Content-Security-Policy", buf_str(&csp)); /* MHD copies it */
	buf_free(&csp);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
	/* serve's own words follow the reader's Accept-Language (pages_ui_lang) */
	MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Accept-Language");
	if (pg->status == 405)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	if (pg->status == 401)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer realm=\"brief\"");
	if (cookie)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, cookie);
	enum MHD_Result rc = MHD_queue_response(conn, not_modified ? MHD_HTTP_NOT_MODIFIED : (unsigned)pg->status, resp);
	MHD_destroy_response(resp);
	return rc;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method, const char *version,
           const char *upload, size_t *upload_size, void **con_cls)
{
	struct serve *sv = cls;
	(void)version, (void)upload;
	if (!*con_cls) { /* first call: headers only; answer on the second */
		*con_cls = sv;
		return MHD_YES;
	}
	if (*upload_size) { /* a body we do not want */
		*upload_size = 0;
		return MHD_YES;
	}
	struct page pg;
	memset(&pg, 0, sizeof pg);
	int tok = token_check(sv, conn);
	char cookie[600];
	const char *accept = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
	const char *ui = pages_ui_lang(MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "lang"), accept);
	int zh = strcmp(ui, "zh") == 0;
	if (!host_allowed(sv, conn))
		pages_error(&pg, ui, 421,
		            zh ? "不提供此 Host 的服务：brief serve 只应答 IP 地址、localhost 和 [serve] hosts 中的名字"
		               : "this Host is not served: brief serve answers IP addresses, localhost and the "
		                 "names in [serve] hosts");
	else if (tok < 0)
		pages_error(&pg, ui, 401,
		            zh ? "此归档需要令牌（Authorization: Bearer TOKEN，或 ?token=TOKEN）"
		               : "this archive needs its token (Authorization: Bearer TOKEN, or ?token=TOKEN)");
	else if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		pages_error(&pg, ui, 405,
		            zh ? "brief serve 是只读的：只接受 GET 和 HEAD" : "brief serve is read-only: GET and HEAD only");
	if (pg.status) {
		enum MHD_Result r = send_page(conn, &pg, NULL);
		buf_free(&pg.body);
		return r;
	}
	if (tok == 1) /* ?token= once: a cookie carries it from here on */
		snprintf(cookie, sizeof cookie, "brief_token=%s; Path=/; HttpOnly; SameSite=Strict", sv->token);
	char base[256];
	request_base(sv, conn, base, sizeof base);
	/* A box sent with only spaces (or U+3000) is no search: the latest items, as an empty one. */
	const char *q = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "q"), *qp = q, *term;
	size_t tn;
	if (q && !store_search_next_term(&qp, &term, &tn))
		q = NULL;
	struct page_req rq = {
		.path = url,
		.q = q,
		.lang = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "lang"),
		.base = base,
		.accept_language = accept,
	};
	rq.cursor = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, rq.q && *rq.q ? "after" : "before");
	if (!rq.cursor) { /* a "newer" link: the latest items' ?after=, a search's ?before= */
		rq.cursor = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, rq.q && *rq.q ? "before" : "after");
		rq.newer = rq.cursor != NULL;
	}
	pages_answer(&sv->st, &rq, &pg);
	enum MHD_Result r = send_page(conn, &pg, tok == 1 ? cookie : NULL);
	buf_free(&pg.body);
	return r;
}

/* ",a,b," in lower case from "a, B" (NULL for none). */
static char *
host_list(const char *hosts)
{
	if (!hosts || !*hosts)
		return NULL;
	struct buf b = BUF_INIT;
	buf_putc(&b, ',');
	for (const char *p = hosts; *p; p++)
		if (!is_ascii_space((unsigned char)*p))
			buf_putc(&b, (char)ascii_lower((unsigned char)*p));
	buf_putc(&b, ',');
	return buf_detach(&b);
}

int
serve_check_opts(const struct serve_opts *o, struct err *e)
{
	if (o->token && *o->token) {
		for (const char *p = o->token; *p; p++)
			if (!is_ascii_alnum((unsigned char)*p) && !strchr("-._~+/=", *p))
				return err_set(e, "the serve token may hold letters, digits and -._~+/= only");
		if (strlen(o->token) < 16 || strlen(o->token) > 256)
			return err_set(e, "the serve token must be 16 to 256 characters long");
	}
	char host[256], port[16];
	return o->listen ? parse_listen(o->listen, "--listen", host, sizeof host, port, sizeof port, e) : 0;
}

int
serve_check_listen(const char *listen, const char *name, struct err *e)
{
	char host[256], port[16];
	return parse_listen(listen, name, host, sizeof host, port, sizeof port, e);
}

struct serve *
serve_start(const char *db_path, const struct serve_opts *o, struct err *e)
{
	if (serve_check_opts(o, e) < 0)
		return NULL;
	const char *listen_arg = o->listen;
	struct serve *sv = xcalloc(1, sizeof *sv);
	sv->listen_fd = -1;
	if (o->token && *o->token)
		sv->token = xstrdup(o->token);
	sv->hosts = host_list(o->hosts);
	if (store_open(&sv->st, db_path, e) < 0) {
		/* A store this user may not write (another user's, a read-only file, directory or
		 * file system) is still read: the archive never writes, and needs no migration when
		 * the store is of this brief's schema. */
		struct err ro = {""};
		int is_snapshot = 0;
		if (access(db_path, F_OK) < 0 || store_open_readonly(&sv->st, db_path, &is_snapshot, &ro) < 0) {
			if (ro.msg[0])
				err_set(e, "%s; read-only: %s", e->msg, ro.msg);
			free(sv->token);
			free(sv->hosts);
			free(sv);
			return NULL;
		}
		struct buf note = BUF_INIT;
		buf_printf(&note, "the store cannot be written by this user (%s): serving it read-only", e->msg);
		if (is_snapshot)
			buf_puts(&note, ", as it is now: with no -shm file beside it, and none allowed in its directory, "
			                "what is written to it from here on is not shown until serve is started again");
		sv->note = buf_detach(&note);
	} else if (store_is_readonly(&sv->st)) { /* opened: SQLite falls back to reading */
		sv->note = xstrdup("the store cannot be written by this user (a read-only file): serving it read-only");
	}
	/* Read-only from here on: the archive never writes. */
	if (store_exec(&sv->st, "PRAGMA query_only = ON", e) < 0) {
		serve_stop(sv);
		return NULL;
	}
	int is_v6 = 0;
	if (open_socket(sv, listen_arg, &is_v6, e) < 0) {
		serve_stop(sv);
		return NULL;
	}
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | (is_v6 ? MHD_USE_IPv6 : 0);
	sv->daemon = MHD_start_daemon(flags, 0, NULL, NULL, on_request, sv, MHD_OPTION_LISTEN_SOCKET, sv->listen_fd,
	                              MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_IDLE_TIMEOUT_S,
	                              MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_MAX_CONNECTIONS,
	                              MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)SERVE_PER_IP_CONNECTIONS,
	                              MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
	                              MHD_OPTION_END);
	if (!sv->daemon) {
		err_set(e, "cannot start the HTTP server on %s", listen_arg);
		serve_stop(sv);
		return NULL;
	}
	return sv;
}

const char *
serve_store_note(const struct serve *sv)
{
	return sv->note;
}

const char *
serve_url(const struct serve *sv)
{
	return sv->url;
}

int
serve_is_loopback(const struct serve *sv)
{
	return sv->is_loopback;
}

void
serve_stop(struct serve *sv)
{
	if (!sv)
		return;
	if (sv->daemon)
		MHD_stop_daemon(sv->daemon); /* also closes the listening socket it was given */
	else if (sv->listen_fd >= 0)
		close(sv->listen_fd);
	store_close(&sv->st);
	free(sv->token);
	free(sv->hosts);
	free(sv->note);
	free(sv);
}
