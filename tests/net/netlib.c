/* netlib.c: starting the feed server and querying its /__stats over a plain socket. */
#include "netlib.h"

#include "feed/feed.h"
#include "store/sources.h"
#include "util/timeutil.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testlib.h"
#include "util/buf.h"
#include "util/fs.h"

void
fsrv_start(struct fsrv *s, const char *root, const char *bind_addr)
{
	static const char *const proxies[] = {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY",
	                                      "ALL_PROXY", "all_proxy"};
	for (size_t i = 0; i < sizeof proxies / sizeof proxies[0]; i++)
		unsetenv(proxies[i]);
	int fds[2];
	if (pipe(fds) < 0) {
		perror("pipe");
		exit(1);
	}
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execl(FEEDSERVER_BIN, FEEDSERVER_BIN, "--root", root, "--bind", bind_addr ? bind_addr : "127.0.0.1",
		      (char *)NULL);
		perror("exec feedserver");
		_exit(127);
	}
	close(fds[1]);
	char line[32] = "";
	ssize_t n = read(fds[0], line, sizeof line - 1);
	close(fds[0]);
	if (n <= 0) {
		fprintf(stderr, "feedserver did not start\n");
		exit(1);
	}
	line[n] = '\0';
	s->pid = pid;
	s->port = (int)strtol(line, NULL, 10);
	snprintf(s->addr, sizeof s->addr, "%s", bind_addr ? bind_addr : "127.0.0.1");
}

void
fsrv_stop(struct fsrv *s)
{
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		waitpid(s->pid, NULL, 0);
	}
	s->pid = 0;
}

static void
http_get(const struct fsrv *s, const char *path, struct buf *out)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)s->port)};
	inet_pton(AF_INET, s->addr, &sa.sin_addr);
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		perror("connect feedserver");
		exit(1);
	}
	char req[512];
	int n = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: stats\r\nConnection: close\r\n\r\n", path);
	if (write(fd, req, (size_t)n) != n) {
		perror("write");
		exit(1);
	}
	char tmp[8192];
	ssize_t r;
	while ((r = read(fd, tmp, sizeof tmp)) > 0)
		buf_append(out, tmp, (size_t)r);
	close(fd);
}

/* Find the stats line whose 5th field is target; returns a pointer to its start or NULL. */
static const char *
find_line(const char *body, const char *target)
{
	for (const char *p = body; p && *p;) {
		const char *eol = strchr(p, '\n');
		const char *f = p;
		for (int k = 0; k < 4 && f; k++) {
			f = memchr(f, '\t', (size_t)((eol ? eol : f + strlen(f)) - f));
			if (f)
				f++;
		}
		if (f) {
			size_t tl = strlen(target);
			if (strncmp(f, target, tl) == 0 && (f[tl] == '\t' || f[tl] == '\n'))
				return p;
		}
		p = eol ? eol + 1 : NULL;
	}
	return NULL;
}

int
fsrv_stat(const struct fsrv *s, const char *target, long *requests, long *conditional, long *not_modified,
          long long *bytes)
{
	struct buf b = BUF_INIT;
	http_get(s, "/__stats", &b);
	const char *body = strstr(buf_str(&b), "\r\n\r\n");
	const char *line = body ? find_line(body + 4, target) : NULL;
	long r = 0, c = 0, nm = 0;
	long long by = 0;
	int rc = -1;
	if (line && sscanf(line, "%ld\t%ld\t%ld\t%lld", &r, &c, &nm, &by) == 4)
		rc = 0;
	if (requests)
		*requests = r;
	if (conditional)
		*conditional = c;
	if (not_modified)
		*not_modified = nm;
	if (bytes)
		*bytes = by;
	buf_free(&b);
	return rc;
}

void
fsrv_user_agent(const struct fsrv *s, const char *target, char *out, size_t size)
{
	struct buf b = BUF_INIT;
	http_get(s, "/__stats", &b);
	const char *body = strstr(buf_str(&b), "\r\n\r\n");
	const char *line = body ? find_line(body + 4, target) : NULL;
	out[0] = '\0';
	if (line) {
		const char *t = strstr(line, target);
		const char *ua = t ? strchr(t + strlen(target), '\t') : NULL;
		if (ua) {
			ua++;
			size_t n = 0;
			while (ua[n] && ua[n] != '\n' && n + 1 < size) {
				out[n] = ua[n];
				n++;
			}
			out[n] = '\0';
		}
	}
	buf_free(&b);
}

/* Field 0 (most at once) or 1 (connections) of the server's "host" line for host. */
static int
host_field(const struct fsrv *s, const char *host, int field)
{
	struct buf b = BUF_INIT;
	http_get(s, "/__stats", &b);
	char key[300];
	snprintf(key, sizeof key, "\nhost\t%s\t", host);
	const char *p = strstr(buf_str(&b), key);
	int n = 0;
	if (p) {
		char *end;
		n = (int)strtol(p + strlen(key), &end, 10);
		if (field == 1)
			n = *end == '\t' ? (int)strtol(end + 1, NULL, 10) : 0;
	}
	buf_free(&b);
	return n;
}

int
fsrv_host_max(const struct fsrv *s, const char *host)
{
	return host_field(s, host, 0);
}

int
fsrv_host_connections(const struct fsrv *s, const char *host)
{
	return host_field(s, host, 1);
}

void
fsrv_reset(const struct fsrv *s)
{
	struct buf b = BUF_INIT;
	http_get(s, "/__reset", &b);
	buf_free(&b);
}

const char *
fsrv_url(const struct fsrv *s, const char *path)
{
	static char bufs[16][1024];
	static int next;
	char *b = bufs[next++ % 16];
	snprintf(b, sizeof bufs[0], "http://%s:%d%s", s->addr, s->port, path);
	return b;
}

void
t_store_open(struct store *st, const char *dir)
{
	char path[1024];
	struct err e;
	snprintf(path, sizeof path, "%s/brief.db", dir);
	if (store_open(st, path, &e) < 0) {
		fprintf(stderr, "store_open: %s\n", e.msg);
		exit(1);
	}
}

int64_t
t_add_source(struct store *st, const char *url)
{
	int64_t id;
	struct err e;
	if (store_source_add(st, SOURCE_USER, url, NULL, NULL, NULL, time_now(), &id, NULL, &e) < 0) {
		fprintf(stderr, "store_source_add: %s\n", e.msg);
		exit(1);
	}
	return id;
}

long long
t_query_int(struct store *st, const char *sql)
{
	struct err e;
	sqlite3_stmt *s = store_prepare(st, sql, &e);
	if (!s) {
		fprintf(stderr, "%s: %s\n", sql, e.msg);
		exit(1);
	}
	long long v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_finalize(s);
	return v;
}

void
t_fetch(struct store *st, int timeout_s, struct arena *arena, struct fetch_summary *out)
{
	t_fetch_cfg(st, NULL, timeout_s, arena, out);
}

void
t_fetch_cfg(struct store *st, const struct config *cfg, int timeout_s, struct arena *arena,
            struct fetch_summary *out)
{
	struct fetch_opts o;
	struct err e;
	fetch_opts_default(&o);
	if (cfg && fetch_opts_from_config(&o, cfg, &e) < 0) {
		fprintf(stderr, "config: %s\n", e.msg);
		exit(1);
	}
	o.timeout_s = timeout_s;
	o.progress = 0;
	if (fetch_run(st, cfg, &o, arena, out, &e) < 0) {
		fprintf(stderr, "fetch_run: %s\n", e.msg);
		exit(1);
	}
}

void
t_print_failures(const struct fetch_summary *s)
{
	for (size_t i = 0; i < s->failure_count; i++)
		fprintf(stderr, "  failure %s: %s\n", s->failures[i].url, s->failures[i].error);
}

int
t_failure_for(const struct fetch_summary *s, const char *url)
{
	for (size_t i = 0; i < s->failure_count; i++)
		if (strcmp(s->failures[i].url, url) == 0)
			return (int)i;
	return -1;
}

void
t_need_parser(void)
{
	static const char rss[] = "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title></item>"
	                          "</channel></rss>";
	struct arena a = ARENA_INIT;
	struct feed_doc doc;
	int rc = feed_parse(rss, sizeof rss - 1, &(struct feed_parse_opts){0}, &a, NULL, NULL, &doc);
	arena_free(&a);
	if (rc < 0) {
		fprintf(stderr, "skipped: the feed parser is not available in this build\n");
		exit(77);
	}
}

const char *
t_subdir(const char *name)
{
	static char path[16][512];
	static int next;
	char *p = path[next++ % 16];
	snprintf(p, sizeof path[0], "%s/%s", test_tmpdir(), name);
	struct err e;
	if (fs_mkdirs(p, 0, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		exit(1);
	}
	return p;
}

int
t_brief(char *const *env, struct buf *out, struct buf *err, ...)
{
	static char *const isolated[] = {"BRIEF_CONFIG=/dev/null", "BRIEF_LLM_BASE_URL=", "OPENAI_API_KEY=",
	                                 "TZ=UTC", NULL};
	char *argv[40];
	int n = 0;
	argv[n++] = (char *)test_brief_bin();
	va_list ap;
	va_start(ap, err);
	const char *a;
	while ((a = va_arg(ap, const char *)) && n < 38)
		argv[n++] = (char *)a;
	va_end(ap);
	argv[n] = NULL;
	return test_run(argv, env ? env : isolated, NULL, out, err);
}

void
t_write_in(const char *dir, const char *name, const char *text)
{
	char path[4400];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	test_write_file(path, text, strlen(text));
}

void
t_url_escape(const char *s, char *out, size_t size)
{
	size_t n = 0;
	for (; *s && n + 4 < size; s++) {
		unsigned char ch = (unsigned char)*s;
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))
			out[n++] = (char)ch;
		else
			n += (size_t)snprintf(out + n, size - n, "%%%02X", ch);
	}
	out[n] = '\0';
}

int
t_free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || getsockname(fd, (struct sockaddr *)&a, &len) < 0) {
		perror("t_free_port");
		exit(1);
	}
	close(fd);
	return ntohs(a.sin_port);
}

static void *
gate_main(void *arg)
{
	struct t_gate *g = arg;
	int conn = accept(g->fd, NULL, NULL);
	if (conn < 0)
		return NULL;
	char req[4096];
	size_t got = 0;
	while (got + 1 < sizeof req) { /* the request's head */
		ssize_t r = read(conn, req + got, sizeof req - 1 - got);
		if (r <= 0)
			break;
		got += (size_t)r;
		req[got] = '\0';
		if (strstr(req, "\r\n\r\n"))
			break;
	}
	int64_t give_up = time_mono_ms() + 20 * 1000;
	while (!g->is_opened && time_mono_ms() < give_up) {
		if (g->is_open(g->ctx))
			g->is_opened = 1;
		else
			usleep(20 * 1000);
	}
	char head[256];
	snprintf(head, sizeof head,
	         "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: %zu\r\n"
	         "Connection: close\r\n\r\n",
	         strlen(g->body));
	if (send(conn, head, strlen(head), MSG_NOSIGNAL) < 0 || send(conn, g->body, strlen(g->body), MSG_NOSIGNAL) < 0)
		perror("gate: send");
	close(conn);
	return NULL;
}

void
t_gate_start(struct t_gate *g, int (*is_open)(void *ctx), void *ctx, const char *body)
{
	g->is_open = is_open;
	g->ctx = ctx;
	g->body = body;
	g->is_opened = 0;
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	g->fd = socket(AF_INET, SOCK_STREAM, 0);
	pthread_t th;
	if (g->fd < 0 || bind(g->fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(g->fd, 4) < 0 ||
	    getsockname(g->fd, (struct sockaddr *)&a, &len) < 0 || pthread_create(&th, NULL, gate_main, g) != 0) {
		perror("t_gate_start");
		exit(1);
	}
	g->port = ntohs(a.sin_port);
	g->thread = (unsigned long)th;
}

void
t_gate_join(struct t_gate *g)
{
	pthread_join((pthread_t)g->thread, NULL);
	close(g->fd);
}
