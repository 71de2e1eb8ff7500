/* feedserver.h: what feedserver.c (connections, the poll loop, main) and respond.c (the
 * answer to each request, counters) share. Test support only. */
#ifndef FEEDSERVER_H
#define FEEDSERVER_H

#include <stddef.h>

#define MAX_REQ 16384

struct stat_entry {
	char *target;
	long requests, conditional, not_modified;
	long long bytes;
	char ua[256];          /* User-Agent of the last request */
};

/* Requests being answered at once per Host header, and the most ever seen. */
struct host_entry {
	char name[256];
	int active, max_active;
	int connections; /* connections whose first request named this Host */
};

enum conn_state { READING, DELAYED, SENDING, SLOW, HANGING };

struct conn {
	int fd;
	enum conn_state state;
	char in[MAX_REQ];
	size_t in_len;
	char *out;             /* pending output */
	size_t out_len, out_off, out_cap;
	const char *slow_src;  /* SLOW: body still to trickle */
	size_t slow_len, slow_off;
	char *slow_owned;
	int slow_ms;
	int is_endless, is_reset, is_close;
	long long wake_ms;     /* DELAYED/SLOW: next action time */
	struct stat_entry *stat;
	struct host_entry *host; /* counted as active while set */
	int is_host_counted;     /* this connection was counted in a host's connections */
	long endless_n;
};

extern const char *root;     /* --root: the served files */
extern struct conn **conns;  /* the open connections */
extern size_t conn_count;

/* Monotonic milliseconds. */
long long now_ms(void);
/* realloc, exiting the server when out of memory. */
void *xrealloc_(void *p, size_t n);
/* Append n bytes (or formatted text, cut at 4 KiB) to c's pending output. */
void out_append(struct conn *c, const void *p, size_t n);
void __attribute__((format(printf, 2, 3))) out_printf(struct conn *c, const char *fmt, ...);

/* respond.c: build the response to the request req in c->in (headers complete): queues
 * output and sets c's state (DELAYED, SENDING, SLOW, HANGING) and counters. */
void handle_request(struct conn *c, const char *req);

#endif
