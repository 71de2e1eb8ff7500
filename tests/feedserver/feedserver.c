/* feedserver.c: a feed server for tests and benchmarks: serves fixture files (and generated
 * feeds) over HTTP/1.1 on loopback with per-request latency, validators and 304s, gzip,
 * redirects and injectable faults, and counts what it saw.
 *
 * usage: feedserver [--root DIR] [--port N] [--bind ADDR]
 * Prints the port it listens on (one line) to stdout, then serves until killed or until a
 * request for /__quit. One thread, non-blocking sockets, poll(): hundreds of concurrent
 * keep-alive connections are fine.
 *
 * Requests: GET /PATH?OPTIONS. PATH is a file under --root (ending in /: its index.html), or
 * /gen/NAME (a generated RSS feed, deterministic per NAME; items=K items, default 5; rev=N changes its content), or
 * /loop/a and /loop/b (redirect to each other). OPTIONS (all optional, combinable):
 *   delay=MS        wait before answering          status=CODE     answer CODE (no body)
 *   fail=N          only the first N requests get status= (default 503), then normal service
 *   retry_after=S   add Retry-After: S             hang=1          read the request, never answer
 *   reset=1         send half the body, then RST   slow=MS         64 bytes of body every MS ms
 *   endless=1       a chunked body that never ends bomb=MB         gzip body inflating to MB MiB
 *   gzip=1          gzip when the client accepts   html=1          an HTML page (text/html)
 *   redirect=CODE&to=PATH   answer CODE with Location: PATH (no further options applied)
 *   chain=N&code=C  redirect (C, default 302) to the same path with chain=N-1 and the other
 *                   options, until chain=0 is served normally
 *   noetag=1 nolm=1 omit ETag / Last-Modified      ctype=TYPE      Content-Type (default by name)
 *   charset=NAME    append ;charset=NAME to the Content-Type
 *   etagcr=1        the ETag carries a bare CR and a header after it ("\"...\"\rX-Injected: 1")
 *   etagseq=1       ETag "vN" on the answer to the Nth request, 304s included; a request whose
 *                   If-None-Match is the previous answer's "vN-1" gets 304 (a server that
 *                   re-issues its validator on every answer, as RFC 9110 allows)
 *   cut=N           no Content-Length: send the first N bytes of the body, then close the
 *                   connection (a body cut short that HTTP/1.1 cannot tell from a whole one)
 *   gzcut=1         with gzip=1: send only the first half of the gzip stream (Content-Length
 *                   says so too: a complete HTTP response whose encoded body is truncated)
 *   badenc=NAME     Content-Encoding: NAME on the plain body (a server that labels it wrongly)
 *   gzjunk=1        a body no decoder reads (a gzip header, then junk), labelled gzip always
 * /__stats answers text/plain lines "requests<TAB>conditional<TAB>not_modified<TAB>bytes<TAB>TARGET"
 * <TAB>USER-AGENT per request target (path and query, the last request's User-Agent), first a
 * line with TARGET "*" for the totals; then "host<TAB>HOST<TAB>N<TAB>C" lines: the most requests
 * ever answered at once for that Host header, and the TCP connections that carried its requests.
 * /__reset clears the counters.
 *
 * This file owns the connections (accept, keep-alive, writing, slow and endless bodies,
 * resets) and the poll loop; respond.c builds each answer and keeps the counters. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "feedserver.h"

const char *root = ".";
struct conn **conns;
size_t conn_count;
static size_t conn_cap;

long long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void *
xrealloc_(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		perror("feedserver: realloc");
		exit(1);
	}
	return p;
}

void
out_append(struct conn *c, const void *p, size_t n)
{
	if (c->out_len + n > c->out_cap) {
		size_t cap = c->out_cap ? c->out_cap : 4096;
		while (cap < c->out_len + n)
			cap *= 2;
		c->out = xrealloc_(c->out, cap);
		c->out_cap = cap;
	}
	memcpy(c->out + c->out_len, p, n);
	c->out_len += n;
}

void
out_printf(struct conn *c, const char *fmt, ...)
{
	char tmp[4096];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		out_append(c, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static void
conn_close(size_t i, int with_reset)
{
	struct conn *c = conns[i];
	if (c->host)
		c->host->active--;
	if (with_reset) {
		struct linger lg = {1, 0};
		setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
	}
	close(c->fd);
	free(c->out);
	free(c->slow_owned);
	free(c);
	conns[i] = conns[--conn_count];
}

/* Reset a connection for its next keep-alive request. */
static void
conn_next(struct conn *c)
{
	size_t used = (size_t)(strstr(c->in, "\r\n\r\n") - c->in) + 4;
	memmove(c->in, c->in + used, c->in_len - used);
	c->in_len -= used;
	c->in[c->in_len] = '\0';
	c->out_len = c->out_off = 0;
	free(c->slow_owned);
	c->slow_owned = NULL;
	c->slow_src = NULL;
	c->slow_len = c->slow_off = 0;
	c->slow_ms = 0;
	c->state = READING;
	c->stat = NULL;
	if (c->host)
		c->host->active--;
	c->host = NULL;
}

/* Try to parse a complete request out of c->in. */
static void
try_request(struct conn *c)
{
	if (c->state != READING || !strstr(c->in, "\r\n\r\n"))
		return;
	handle_request(c, c->in);
	if (c->state == SENDING && c->slow_ms) {
		c->state = SLOW;
		c->wake_ms = now_ms();
	}
}

static void
endless_more(struct conn *c)
{
	char item[512];
	int n = snprintf(item, sizeof item,
	                 "<item><title>endless %ld</title><link>http://example.com/e/%ld</link>"
	                 "<description>more and more and more and more and more</description></item>",
	                 c->endless_n, c->endless_n);
	c->endless_n++;
	for (int k = 0; k < 32; k++)
		out_printf(c, "%x\r\n%s\r\n", n, item);
}

/* Write what can be written; returns -1 when the connection should close. */
static int
conn_write(size_t i)
{
	struct conn *c = conns[i];
	while (c->out_off < c->out_len) {
		ssize_t w = send(c->fd, c->out + c->out_off, c->out_len - c->out_off, MSG_NOSIGNAL);
		if (w < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return 0;
			return -1;
		}
		if (c->stat)
			c->stat->bytes += w;
		c->out_off += (size_t)w;
	}
	c->out_len = c->out_off = 0;
	if (c->is_endless) {
		endless_more(c);
		return 0;
	}
	if (c->is_reset)
		return -2;
	if (c->state == SLOW) {
		if (c->slow_off < c->slow_len)
			return 0;
	}
	if (c->is_close)
		return -1;
	conn_next(c);
	try_request(c);
	return 0;
}

static void
accept_all(int lfd)
{
	for (;;) {
		int fd = accept(lfd, NULL, NULL);
		if (fd < 0)
			return;
		fcntl(fd, F_SETFL, O_NONBLOCK);
		int one = 1;
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		if (conn_count == conn_cap) {
			conn_cap = conn_cap ? conn_cap * 2 : 256;
			conns = xrealloc_(conns, conn_cap * sizeof *conns);
		}
		struct conn *c = calloc(1, sizeof *c);
		if (!c)
			exit(1);
		c->fd = fd;
		conns[conn_count++] = c;
	}
}

int
main(int argc, char **argv)
{
	const char *bind_addr = "127.0.0.1";
	int port = 0;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--root") == 0)
			root = argv[i + 1];
		else if (strcmp(argv[i], "--port") == 0)
			port = (int)strtol(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--bind") == 0)
			bind_addr = argv[i + 1];
	}
	signal(SIGPIPE, SIG_IGN);
	int lfd = socket(AF_INET, SOCK_STREAM, 0);
	int one = 1;
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	if (inet_pton(AF_INET, bind_addr, &sa.sin_addr) != 1 || bind(lfd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
	    listen(lfd, 1024) < 0) {
		perror("feedserver: bind/listen");
		return 1;
	}
	socklen_t sl = sizeof sa;
	getsockname(lfd, (struct sockaddr *)&sa, &sl);
	fcntl(lfd, F_SETFL, O_NONBLOCK);
	printf("%d\n", ntohs(sa.sin_port));
	fflush(stdout);
	struct pollfd *pfds = NULL;
	size_t pfd_cap = 0;
	for (;;) {
		if (pfd_cap < conn_count + 1) {
			pfd_cap = (conn_count + 1) * 2;
			pfds = xrealloc_(pfds, pfd_cap * sizeof *pfds);
		}
		long long now = now_ms(), wait = 1000;
		pfds[0] = (struct pollfd){.fd = lfd, .events = POLLIN};
		for (size_t i = 0; i < conn_count; i++) {
			struct conn *c = conns[i];
			short ev = POLLIN;
			if ((c->state == SENDING || c->state == SLOW) && c->out_off < c->out_len)
				ev |= POLLOUT;
			if (c->state == DELAYED || (c->state == SLOW && c->out_off >= c->out_len)) {
				long long d = c->wake_ms - now;
				wait = d < wait ? (d < 0 ? 0 : d) : wait;
			}
			pfds[i + 1] = (struct pollfd){.fd = c->fd, .events = ev};
		}
		size_t polled = conn_count;
		if (poll(pfds, polled + 1, (int)wait) < 0 && errno != EINTR)
			return 1;
		if (pfds[0].revents & POLLIN)
			accept_all(lfd);
		now = now_ms();
		/* iterate backwards: closing moves the last connection into slot i */
		for (size_t k = polled; k-- > 0;) {
			struct conn *c = conns[k];
			short re = pfds[k + 1].revents;
			if (re & (POLLIN | POLLHUP | POLLERR)) {
				if (c->in_len + 1 >= sizeof c->in) { /* request too large or pipelined flood */
					conn_close(k, 0);
					continue;
				}
				ssize_t r = recv(c->fd, c->in + c->in_len, sizeof c->in - 1 - c->in_len, 0);
				if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
					conn_close(k, 0);
					continue;
				}
				if (r > 0) {
					c->in_len += (size_t)r;
					c->in[c->in_len] = '\0';
					try_request(c);
				}
			}
			if (c->state == DELAYED && now >= c->wake_ms) {
				c->state = c->slow_ms ? SLOW : SENDING;
				c->wake_ms = now;
			}
			if (c->state == SLOW && c->out_off >= c->out_len && now >= c->wake_ms &&
			    c->slow_off < c->slow_len) {
				size_t n = c->slow_len - c->slow_off < 64 ? c->slow_len - c->slow_off : 64;
				out_append(c, c->slow_src + c->slow_off, n);
				c->slow_off += n;
				c->wake_ms = now + c->slow_ms;
			}
			if (c->state == SENDING || c->state == SLOW) {
				int rc = conn_write(k);
				if (rc < 0)
					conn_close(k, rc == -2);
			}
		}
	}
}
