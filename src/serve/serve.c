/* serve.c: the HTTP side of `brief serve`: listening socket, libmicrohttpd daemon, routing and
 * security headers. The pages themselves are in pages.c. */
#include "serve/serve.h"

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
#include "store/store.h"
#include "util/str.h"

struct serve {
	struct MHD_Daemon *daemon;
	struct store st; /* used only from the daemon's one thread */
	int listen_fd;
	char url[160];
};

/* Report pages are brief's own HTML; still, nothing in them may run or fetch: no scripts, no
 * network, styles inline only, and a sandbox for good measure. */
static const char csp_report[] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
static const char csp_page[] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'";

/* Split "HOST:PORT" / "[V6]:PORT" / ":PORT" / "PORT" into host and port. */
static int
parse_listen(const char *listen, char *host, size_t hsize, char *port, size_t psize, struct err *e)
{
	const char *colon = strrchr(listen, ':');
	if (listen[0] == '[') {
		const char *close = strchr(listen, ']');
		if (!close || close[1] != ':')
			return err_set(e, "--listen wants HOST:PORT, not \"%s\"", listen);
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
		return err_set(e, "--listen wants HOST:PORT with a port in 0..65535, not \"%s\"", listen);
	snprintf(port, psize, "%ld", p);
	return 0;
}

/* Create, bind and listen; fills sv->url with the address actually bound. */
static int
open_socket(struct serve *sv, const char *listen_arg, int *is_v6, struct err *e)
{
	char host[256], port[16];
	if (parse_listen(listen_arg, host, sizeof host, port, sizeof port, e) < 0)
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
	    bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, 64) < 0) {
		int saved = errno;
		if (fd >= 0)
			close(fd);
		freeaddrinfo(ai);
		return err_set(e, "cannot listen on %s: %s", listen_arg, strerror(saved));
	}
	*is_v6 = ai->ai_family == AF_INET6;
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

static enum MHD_Result
send_page(struct MHD_Connection *conn, struct page *pg)
{
	struct MHD_Response *resp =
		MHD_create_response_from_buffer(pg->body.len, pg->body.data ? pg->body.data : (void *)"", MHD_RESPMEM_MUST_COPY);
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, pg->content_type);
	MHD_add_response_header(resp, "Content-Security-Policy", pg->is_report ? csp_report : csp_page);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
	if (pg->status == 405)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	enum MHD_Result rc = MHD_queue_response(conn, (unsigned)pg->status, resp);
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
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		pages_error(&pg, 405, "brief serve is read-only: GET and HEAD only");
		enum MHD_Result r = send_page(conn, &pg);
		buf_free(&pg.body);
		return r;
	}
	char base[256];
	request_base(sv, conn, base, sizeof base);
	struct page_req rq = {
		.path = url,
		.q = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "q"),
		.lang = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "lang"),
		.page = 0,
		.base = base,
	};
	if (rq.q && strlen(rq.q) > 256)
		rq.q = NULL; /* not a search anyone typed */
	if (rq.lang && !*rq.lang)
		rq.lang = NULL;
	const char *page_arg = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "page");
	if (page_arg && str_to_long(page_arg, 0, 100000, &rq.page) < 0)
		rq.page = 0;
	if (strcmp(url, "/") == 0 || strcmp(url, "/index.html") == 0)
		pages_index(&sv->st, &rq, &pg);
	else if (strcmp(url, "/items") == 0 || strcmp(url, "/items/") == 0)
		pages_items(&sv->st, &rq, &pg);
	else if (str_starts(url, "/items/"))
		pages_item(&sv->st, &rq, &pg);
	else if (str_starts(url, "/r/"))
		pages_report(&sv->st, &rq, &pg);
	else if (strcmp(url, "/feed.atom") == 0)
		pages_atom(&sv->st, &rq, &pg);
	else
		pages_error(&pg, 404, "no such page");
	enum MHD_Result r = send_page(conn, &pg);
	buf_free(&pg.body);
	return r;
}

struct serve *
serve_start(const char *db_path, const char *listen_arg, struct err *e)
{
	struct serve *sv = xcalloc(1, sizeof *sv);
	sv->listen_fd = -1;
	if (store_open(&sv->st, db_path, e) < 0) {
		free(sv);
		return NULL;
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
	                              MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_CONNECTION_LIMIT,
	                              (unsigned)256, MHD_OPTION_END);
	if (!sv->daemon) {
		err_set(e, "cannot start the HTTP server on %s", listen_arg);
		serve_stop(sv);
		return NULL;
	}
	return sv;
}

const char *
serve_url(const struct serve *sv)
{
	return sv->url;
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
	free(sv);
}
