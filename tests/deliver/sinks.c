/* sinks.c: the HTTP sink (libmicrohttpd) and SMTP sink (plain sockets, one thread) that the
 * delivery tests send to over loopback. */
#include "sinks.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "util/str.h"

/* ---- HTTP ---- */

struct http_sink {
	struct MHD_Daemon *daemon;
	int port;
	pthread_mutex_t lock;
	struct sink_request **reqs; /* each request allocated once: a pointer handed out stays valid
	                             * while later requests grow the array */
	size_t count;
	int status;
	char *answer;
	int delay_ms;
	size_t drop_after; /* 0 = never; else close the connection unanswered once count reaches it */
	int limit_s;           /* > 0: rate-limited for limit_s seconds from the next request */
	struct timespec limit_from; /* when the window began (tv_sec 0: at the next request) */
	size_t flood_after;         /* > 0: Telegram's flood control after this many requests */
	int flood_s;                /* for flood_s seconds from the first request refused */
	struct timespec flood_from; /* (tv_sec 0: not begun) */
	size_t robot_per_minute;    /* > 0: DingTalk's robot limit (http_sink_robot_limit) */
	double robot_took[256];     /* wall-clock times of the messages accepted, oldest first */
	size_t robot_count;
	size_t refuse_n;     /* > 0: answer the next refuse_n requests with refuse_status and refuse_body */
	int refuse_status;
	char *refuse_body;
};

static enum MHD_Result
collect_kv(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct buf *b = cls;
	buf_printf(b, kind == MHD_HEADER_KIND ? "%s: %s\n" : "%s=%s\n", key, value ? value : "");
	return MHD_YES;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method, const char *version,
           const char *upload, size_t *upload_size, void **con_cls)
{
	struct http_sink *s = cls;
	(void)version;
	struct buf *body = *con_cls;
	if (!body) {
		body = xcalloc(1, sizeof *body);
		*con_cls = body;
		return MHD_YES;
	}
	if (*upload_size) {
		buf_append(body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	struct sink_request r;
	memset(&r, 0, sizeof r);
	str_copy(r.method, method, sizeof r.method);
	str_copy(r.path, url, sizeof r.path);
	MHD_get_connection_values(conn, MHD_HEADER_KIND, collect_kv, &r.headers);
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_kv, &r.query);
	r.body = *body;
	struct timespec arrived;
	clock_gettime(CLOCK_REALTIME, &arrived);
	r.at = (double)arrived.tv_sec + (double)arrived.tv_nsec / 1e9;
	free(body);
	*con_cls = NULL;
	pthread_mutex_lock(&s->lock);
	if (s->drop_after && s->count >= s->drop_after) { /* the service went away: nothing accepted */
		pthread_mutex_unlock(&s->lock);
		buf_free(&r.query);
		buf_free(&r.headers);
		buf_free(&r.body);
		return MHD_NO;
	}
	struct sink_request *kept = xcalloc(1, sizeof *kept);
	*kept = r;
	s->reqs = xrealloc(s->reqs, (s->count + 1) * sizeof *s->reqs);
	s->reqs[s->count++] = kept;
	int status = s->status, delay = s->delay_ms, limited = 0;
	char *answer = xstrdup(s->answer);
	if (s->refuse_n > 0) {
		s->refuse_n--;
		status = s->refuse_status;
		free(answer);
		answer = xstrdup(s->refuse_body ? s->refuse_body : "");
	}
	if (s->limit_s > 0) {
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (s->limit_from.tv_sec == 0)
			s->limit_from = now;
		double passed = (double)(now.tv_sec - s->limit_from.tv_sec) +
		                (double)(now.tv_nsec - s->limit_from.tv_nsec) / 1e9;
		limited = passed < s->limit_s ? s->limit_s : 0;
		if (!limited)
			s->limit_s = 0;
	}
	int robot_refused = 0;
	if (s->robot_per_minute) {
		struct timespec now;
		clock_gettime(CLOCK_REALTIME, &now);
		double t = (double)now.tv_sec + (double)now.tv_nsec / 1e9;
		size_t in_minute = 0;
		for (size_t i = 0; i < s->robot_count; i++)
			in_minute += s->robot_took[i] > t - 60;
		robot_refused = in_minute >= s->robot_per_minute;
		if (!robot_refused && s->robot_count < sizeof s->robot_took / sizeof s->robot_took[0])
			s->robot_took[s->robot_count++] = t;
	}
	int flood_left = 0;
	if (s->flood_after && s->count > s->flood_after) {
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (s->flood_from.tv_sec == 0)
			s->flood_from = now;
		double passed = (double)(now.tv_sec - s->flood_from.tv_sec) +
		                (double)(now.tv_nsec - s->flood_from.tv_nsec) / 1e9;
		flood_left = passed < s->flood_s ? (int)((double)s->flood_s - passed + 0.999) : 0;
		if (!flood_left)
			s->flood_after = 0;
	}
	pthread_mutex_unlock(&s->lock);
	if (flood_left) { /* as Telegram does: the seconds left of the window in the JSON */
		char flood[256];
		snprintf(flood, sizeof flood,
		         "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after %d\","
		         "\"parameters\":{\"retry_after\":%d}}",
		         flood_left, flood_left);
		struct MHD_Response *resp = MHD_create_response_from_buffer(strlen(flood), flood, MHD_RESPMEM_MUST_COPY);
		MHD_add_response_header(resp, "Content-Type", "application/json");
		enum MHD_Result rc = MHD_queue_response(conn, 429, resp);
		MHD_destroy_response(resp);
		free(answer);
		return rc;
	}
	if (robot_refused) { /* as DingTalk does: HTTP 200, the refusal in errcode */
		static const char refusal[] = "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}";
		struct MHD_Response *resp =
			MHD_create_response_from_buffer(sizeof refusal - 1, (void *)refusal, MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(resp, "Content-Type", "application/json");
		enum MHD_Result rc = MHD_queue_response(conn, 200, resp);
		MHD_destroy_response(resp);
		free(answer);
		return rc;
	}
	if (limited) { /* as Slack does: the wait in a Retry-After header, a plain-text body */
		char secs[16];
		snprintf(secs, sizeof secs, "%d", limited);
		struct MHD_Response *resp = MHD_create_response_from_buffer(12, "rate_limited", MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(resp, "Retry-After", secs);
		enum MHD_Result rc = MHD_queue_response(conn, 429, resp);
		MHD_destroy_response(resp);
		free(answer);
		return rc;
	}
	if (delay > 0) {
		struct timespec ts = {delay / 1000, (long)(delay % 1000) * 1000000L};
		nanosleep(&ts, NULL);
	}
	struct MHD_Response *resp = MHD_create_response_from_buffer(strlen(answer), answer, MHD_RESPMEM_MUST_COPY);
	free(answer);
	MHD_add_response_header(resp, "Content-Type", "application/json");
	enum MHD_Result rc = MHD_queue_response(conn, (unsigned)status, resp);
	MHD_destroy_response(resp);
	return rc;
}

void
sink_mhd_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls, (void)conn, (void)toe;
	struct buf *body = *con_cls;
	if (body) {
		buf_free(body);
		free(body);
		*con_cls = NULL;
	}
}

struct http_sink *
http_sink_start(void)
{
	struct http_sink *s = xcalloc(1, sizeof *s);
	pthread_mutex_init(&s->lock, NULL);
	s->status = 200;
	s->answer = xstrdup("{}");
	s->daemon = sink_mhd_start(on_request, s, &s->port, "the HTTP sink");
	return s;
}

struct MHD_Daemon *
sink_mhd_start(MHD_AccessHandlerCallback handler, void *cls, int *port, const char *what)
{
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, 0, NULL,
	                                        NULL, handler, cls, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
	                                        MHD_OPTION_NOTIFY_COMPLETED, sink_mhd_completed, cls, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "cannot start %s\n", what);
		exit(1);
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	*port = info ? info->port : 0;
	return d;
}

int
http_sink_port(const struct http_sink *s)
{
	return s->port;
}

void
http_sink_rate_limit(struct http_sink *s, int seconds)
{
	pthread_mutex_lock(&s->lock);
	s->limit_s = seconds;
	s->limit_from.tv_sec = 0;
	pthread_mutex_unlock(&s->lock);
}

void
http_sink_refuse(struct http_sink *s, size_t n, int status, const char *body)
{
	pthread_mutex_lock(&s->lock);
	s->refuse_n = n;
	s->refuse_status = status;
	free(s->refuse_body);
	s->refuse_body = xstrdup(body);
	pthread_mutex_unlock(&s->lock);
}

void
http_sink_flood(struct http_sink *s, size_t after, int seconds)
{
	pthread_mutex_lock(&s->lock);
	s->flood_after = after;
	s->flood_s = seconds;
	s->flood_from.tv_sec = 0;
	pthread_mutex_unlock(&s->lock);
}

void
http_sink_robot_limit(struct http_sink *s, size_t per_minute, size_t taken, double at)
{
	pthread_mutex_lock(&s->lock);
	s->robot_per_minute = per_minute;
	s->robot_count = 0;
	for (size_t i = 0; i < taken && i < sizeof s->robot_took / sizeof s->robot_took[0]; i++)
		s->robot_took[s->robot_count++] = at;
	pthread_mutex_unlock(&s->lock);
}

void
http_sink_answer(struct http_sink *s, int status, const char *body, int delay_ms)
{
	pthread_mutex_lock(&s->lock);
	s->status = status;
	free(s->answer);
	s->answer = xstrdup(body);
	s->delay_ms = delay_ms;
	pthread_mutex_unlock(&s->lock);
}

void
http_sink_drop_after(struct http_sink *s, size_t n)
{
	pthread_mutex_lock(&s->lock);
	s->drop_after = n;
	pthread_mutex_unlock(&s->lock);
}

size_t
http_sink_count(struct http_sink *s)
{
	pthread_mutex_lock(&s->lock);
	size_t n = s->count;
	pthread_mutex_unlock(&s->lock);
	return n;
}

const struct sink_request *
http_sink_request(struct http_sink *s, size_t i)
{
	pthread_mutex_lock(&s->lock);
	const struct sink_request *r = i < s->count ? s->reqs[i] : NULL;
	pthread_mutex_unlock(&s->lock);
	return r;
}

/* Find "name<sep>" at a line start in list (case-insensitive name) and copy the value. */
static int
find_line(const char *list, const char *name, const char *sep, char *out, size_t size)
{
	size_t nl = strlen(name), sl = strlen(sep);
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, "\n");
		if (len >= nl + sl && str_ncasecmp(p, name, nl) == 0 && memcmp(p + nl, sep, sl) == 0) {
			size_t vl = len - nl - sl;
			snprintf(out, size, "%.*s", (int)vl, p + nl + sl);
			return 0;
		}
		p += len;
		if (*p)
			p++;
	}
	return -1;
}

int
sink_header(const struct sink_request *r, const char *name, char *out, size_t size)
{
	return find_line(buf_str(&r->headers), name, ": ", out, size);
}

int
sink_query(const struct sink_request *r, const char *name, char *out, size_t size)
{
	return find_line(buf_str(&r->query), name, "=", out, size);
}

static void
free_requests(struct http_sink *s)
{
	for (size_t i = 0; i < s->count; i++) {
		buf_free(&s->reqs[i]->query);
		buf_free(&s->reqs[i]->headers);
		buf_free(&s->reqs[i]->body);
		free(s->reqs[i]);
	}
	free(s->reqs);
	s->reqs = NULL;
	s->count = 0;
}

void
http_sink_reset(struct http_sink *s)
{
	pthread_mutex_lock(&s->lock);
	free_requests(s);
	s->status = 200;
	free(s->answer);
	s->answer = xstrdup("{}");
	s->limit_s = 0;
	s->flood_after = 0;
	s->delay_ms = 0;
	s->drop_after = 0;
	s->robot_per_minute = 0;
	s->robot_count = 0;
	s->refuse_n = 0;
	pthread_mutex_unlock(&s->lock);
}

void
http_sink_stop(struct http_sink *s)
{
	MHD_stop_daemon(s->daemon);
	free_requests(s);
	free(s->answer);
	free(s->refuse_body);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

/* ---- SMTP ---- */

struct smtp_sink {
	int listen_fd;
	int port;
	struct smtp_sink_opts opts;
	pthread_t thread;
	pthread_mutex_t lock;
	atomic_int stopping; /* set by smtp_sink_stop, read by the sink's thread */
	struct smtp_mail last;
	int sessions; /* sessions published */
};

/* Read one CRLF- or LF-terminated line (without the terminator) into line; 0 or -1 at EOF. */
static int
read_line(int fd, struct buf *in, struct buf *line)
{
	for (;;) {
		char *nl = in->len ? memchr(in->data, '\n', in->len) : NULL;
		if (nl) {
			size_t n = (size_t)(nl - in->data);
			buf_clear(line);
			buf_append(line, in->data, n && nl[-1] == '\r' ? n - 1 : n);
			memmove(in->data, nl + 1, in->len - n - 1);
			in->len -= n + 1;
			in->data[in->len] = '\0';
			return 0;
		}
		char tmp[4096];
		ssize_t got = read(fd, tmp, sizeof tmp);
		if (got <= 0)
			return -1;
		buf_append(in, tmp, (size_t)got);
	}
}

static void
say(int fd, const char *text)
{
	size_t len = strlen(text);
	while (len) {
		ssize_t n = write(fd, text, len);
		if (n <= 0)
			return;
		text += n;
		len -= (size_t)n;
	}
}

/* Make m the last session (moving it) so the test can see it. */
static void
publish(struct smtp_sink *s, struct smtp_mail *m)
{
	pthread_mutex_lock(&s->lock);
	smtp_mail_free(&s->last);
	s->last = *m;
	memset(m, 0, sizeof *m);
	s->sessions++;
	pthread_mutex_unlock(&s->lock);
}

static void
smtp_session(struct smtp_sink *s, int fd)
{
	struct smtp_mail m;
	memset(&m, 0, sizeof m);
	struct buf in = BUF_INIT, line = BUF_INIT;
	say(fd, "220 sink.test ESMTP ready\r\n");
	while (read_line(fd, &in, &line) == 0) {
		const char *l = buf_str(&line);
		buf_printf(&m.log, "%s\n", l);
		if (str_istarts(l, "EHLO") || str_istarts(l, "HELO")) {
			say(fd, "250-sink.test\r\n250-AUTH PLAIN\r\n250-8BITMIME\r\n");
			say(fd, s->opts.offer_starttls ? "250-STARTTLS\r\n250 SIZE 10485760\r\n" : "250 SIZE 10485760\r\n");
		} else if (str_istarts(l, "STARTTLS")) {
			say(fd, "454 TLS not available in this sink\r\n");
		} else if (str_istarts(l, "AUTH")) {
			/* "AUTH PLAIN" without an initial response: ask for it (it goes to the log). */
			if (strchr(l + 5, ' ') == NULL) {
				say(fd, "334 \r\n");
				if (read_line(fd, &in, &line) < 0)
					break;
				buf_printf(&m.log, "%s\n", buf_str(&line));
			}
			say(fd, "235 2.7.0 accepted\r\n");
		} else if (str_istarts(l, "MAIL FROM:")) {
			buf_clear(&m.mail_from);
			buf_puts(&m.mail_from, l + 10);
			say(fd, "250 OK\r\n");
		} else if (str_istarts(l, "RCPT TO:")) {
			if (s->opts.reject_rcpt) {
				say(fd, "550 5.1.1 no such user\r\n");
			} else {
				buf_printf(&m.rcpts, "%s\n", l + 8);
				say(fd, "250 OK\r\n");
			}
		} else if (str_istarts(l, "DATA")) {
			say(fd, "354 go ahead\r\n");
			while (read_line(fd, &in, &line) == 0) {
				const char *d = buf_str(&line);
				if (strcmp(d, ".") == 0)
					break;
				buf_puts(&m.data, d[0] == '.' ? d + 1 : d);
				buf_puts(&m.data, "\r\n");
			}
			m.done = 1;
			say(fd, "250 OK queued\r\n");
		} else if (str_istarts(l, "QUIT")) {
			/* Publish before answering: the client returns as soon as it reads 221. */
			publish(s, &m);
			say(fd, "221 bye\r\n");
			buf_free(&in);
			buf_free(&line);
			return;
		} else if (str_istarts(l, "RSET") || str_istarts(l, "NOOP")) {
			say(fd, "250 OK\r\n");
		} else {
			say(fd, "502 not implemented\r\n");
		}
	}
	buf_free(&in);
	buf_free(&line);
	publish(s, &m);
}

static void *
smtp_loop(void *arg)
{
	struct smtp_sink *s = arg;
	while (!s->stopping) {
		struct pollfd pfd = {s->listen_fd, POLLIN, 0};
		if (poll(&pfd, 1, 50) <= 0)
			continue;
		int fd = accept(s->listen_fd, NULL, NULL);
		if (fd < 0)
			continue;
		smtp_session(s, fd);
		close(fd);
	}
	return NULL;
}

struct smtp_sink *
smtp_sink_start(const struct smtp_sink_opts *opts)
{
	struct smtp_sink *s = xcalloc(1, sizeof *s);
	if (opts)
		s->opts = *opts;
	pthread_mutex_init(&s->lock, NULL);
	s->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t alen = sizeof addr;
	if (s->listen_fd < 0 || bind(s->listen_fd, (struct sockaddr *)&addr, sizeof addr) < 0 ||
	    listen(s->listen_fd, 4) < 0 || getsockname(s->listen_fd, (struct sockaddr *)&addr, &alen) < 0) {
		perror("smtp sink");
		exit(1);
	}
	s->port = ntohs(addr.sin_port);
	if (pthread_create(&s->thread, NULL, smtp_loop, s) != 0) {
		fprintf(stderr, "cannot start the SMTP sink thread\n");
		exit(1);
	}
	return s;
}

int
smtp_sink_port(const struct smtp_sink *s)
{
	return s->port;
}

static void
copy_buf(struct buf *dst, const struct buf *src)
{
	memset(dst, 0, sizeof *dst);
	buf_append(dst, buf_str(src), src->len);
}

void
smtp_sink_last(struct smtp_sink *s, int sessions, struct smtp_mail *out)
{
	/* The client may return before the sink has seen the connection close. */
	for (int i = 0; i < 500; i++) {
		pthread_mutex_lock(&s->lock);
		int n = s->sessions;
		pthread_mutex_unlock(&s->lock);
		if (n >= sessions)
			break;
		struct timespec ts = {0, 10 * 1000000L};
		nanosleep(&ts, NULL);
	}
	pthread_mutex_lock(&s->lock);
	copy_buf(&out->log, &s->last.log);
	copy_buf(&out->mail_from, &s->last.mail_from);
	copy_buf(&out->rcpts, &s->last.rcpts);
	copy_buf(&out->data, &s->last.data);
	out->done = s->last.done;
	pthread_mutex_unlock(&s->lock);
}

void
smtp_mail_free(struct smtp_mail *m)
{
	buf_free(&m->log);
	buf_free(&m->mail_from);
	buf_free(&m->rcpts);
	buf_free(&m->data);
	memset(m, 0, sizeof *m);
}

void
smtp_sink_stop(struct smtp_sink *s)
{
	s->stopping = 1;
	pthread_join(s->thread, NULL);
	close(s->listen_fd);
	smtp_mail_free(&s->last);
	pthread_mutex_destroy(&s->lock);
	free(s);
}
