/* sinks.h: loopback servers that stand in for chat services and mail servers in the delivery
 * tests: an HTTP sink (libmicrohttpd) and a small SMTP sink, both recording what they got. */
#ifndef BRIEF_TESTS_SINKS_H
#define BRIEF_TESTS_SINKS_H

#include <stddef.h>

#include <microhttpd.h>

#include "util/buf.h"

/* One request the HTTP sink received. */
struct sink_request {
	char method[16];
	char path[1024];   /* without the query */
	struct buf query;  /* decoded arguments, "name=value\n" each */
	struct buf headers;/* "name: value\n" each, names as sent */
	struct buf body;
	double at;         /* when it was received: wall-clock seconds since the epoch */
};

struct http_sink;

/* Start on 127.0.0.1 on an ephemeral port; aborts the test on failure. Answers 200 "{}"
 * until told otherwise. */
struct http_sink *http_sink_start(void);
int http_sink_port(const struct http_sink *s);
/* Answer every following request with status and body (JSON content type). delay_ms > 0
 * sleeps before answering (to exercise client timeouts). */
void http_sink_answer(struct http_sink *s, int status, const char *body, int delay_ms);
/* From the next request on, answer every request for `seconds` seconds with 429, a
 * "Retry-After: seconds" header and the body "rate_limited" (Slack's incoming webhooks), then
 * as before. The requests are recorded. */
void http_sink_rate_limit(struct http_sink *s, int seconds);
/* Answer the next n requests with status and body (JSON content type), then as before; the
 * requests are recorded. */
void http_sink_refuse(struct http_sink *s, size_t n, int status, const char *body);
/* Telegram's flood control: once `after` requests are recorded, answer every further one
 * with 429 and {"ok":false,...,"parameters":{"retry_after":N}}, N the seconds left of a
 * window of `seconds` that begins at the first request refused; then as before. The
 * requests are recorded. */
void http_sink_flood(struct http_sink *s, size_t after, int seconds);
/* A DingTalk (or WeCom) robot's limit: per_minute messages in any 60 s. `taken` messages
 * count as accepted at `at` (wall-clock seconds since the epoch, as an earlier run sent them);
 * a request that would be one more within 60 s of them is recorded and answered 200 with
 * {"errcode":130101,"errmsg":"send too fast, exceed 20 times per minute"}; the others are
 * answered as before and count. per_minute 0: no limit. */
void http_sink_robot_limit(struct http_sink *s, size_t per_minute, size_t taken, double at);
/* Once n requests are recorded (0: never), close each further connection without an answer
 * and without recording the request, as a service that went away mid-delivery would. */
void http_sink_drop_after(struct http_sink *s, size_t n);
/* Requests so far (stable until the next reset/stop). */
size_t http_sink_count(struct http_sink *s);
const struct sink_request *http_sink_request(struct http_sink *s, size_t i);
/* Value of a header (case-insensitive name) in r, into out; returns 0 when present. */
int sink_header(const struct sink_request *r, const char *name, char *out, size_t size);
/* Value of a query argument in r, into out; returns 0 when present. */
int sink_query(const struct sink_request *r, const char *name, char *out, size_t size);
void http_sink_reset(struct http_sink *s);
void http_sink_stop(struct http_sink *s);

/* Start a libmicrohttpd daemon on 127.0.0.1 (ephemeral port into *port, a thread per
 * connection) calling handler with cls; handlers keep the request body in a heap struct buf
 * at *con_cls, which sink_mhd_completed frees. Aborts naming `what` on failure. */
struct MHD_Daemon *sink_mhd_start(MHD_AccessHandlerCallback handler, void *cls, int *port, const char *what);
void sink_mhd_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe);

/* ---- SMTP ---- */

struct smtp_sink_opts {
	int reject_rcpt;      /* answer RCPT TO with 550 */
	int offer_starttls;   /* advertise STARTTLS in EHLO (and answer it with 454: no TLS here) */
};

struct smtp_mail {
	struct buf log;       /* every client command line, "\n"-separated (AUTH lines included) */
	struct buf mail_from; /* the MAIL FROM argument */
	struct buf rcpts;     /* RCPT TO arguments, "\n"-separated */
	struct buf data;      /* the message after DATA, dot-unstuffed, CRLF kept */
	int done;             /* a full message was accepted */
};

struct smtp_sink;

/* Start on 127.0.0.1 on an ephemeral port, serving one connection at a time. */
struct smtp_sink *smtp_sink_start(const struct smtp_sink_opts *opts);
int smtp_sink_port(const struct smtp_sink *s);
/* The last session, once at least `sessions` sessions have ended since the start (waits up to
 * 5 s); a copy the caller frees with smtp_mail_free. */
void smtp_sink_last(struct smtp_sink *s, int sessions, struct smtp_mail *out);
void smtp_mail_free(struct smtp_mail *m);
void smtp_sink_stop(struct smtp_sink *s);

#endif
