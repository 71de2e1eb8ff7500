/* test_serve_exposure.c: `brief serve` facing a hostile network, over real HTTP on loopback.
 * - Host allow-list (DNS rebinding): a Host naming anything but an IP literal, localhost or a
 *   configured name gets 421; the allowed ones get the page.
 * - The token: no token or a wrong one 401; "Authorization: Bearer" 200; ?token= 200 with an
 *   HttpOnly SameSite=Strict cookie, which then works alone.
 * - Idle sockets: 1,000 connections that never send a byte (from 127.0.0.1) must not keep a
 *   real reader (from 127.0.0.2) from getting the page: asserted by behaviour (the request is
 *   answered at all within a generous timeout, while the idle sockets are still open), not by a
 *   tight wall-clock bound.
 * - The binary warns loudly when listening on a non-loopback address, and says when no token
 *   is set. */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "serve/serve.h"
#include "store/store.h"
#include "testlib.h"
#include "util/str.h"

#define TOKEN "s3rve-t0ken-0123456789"

struct reply {
	long status;
	struct buf body, headers;
};

static size_t
on_data(char *p, size_t size, size_t n, void *ctx)
{
	buf_append(ctx, p, size * n);
	return size * n;
}

/* GET base+path with extra headers (NULL-terminated, may be NULL) from local address from
 * (NULL = any); r->status 0 when no answer came within timeout_s. */
static void
get(const char *base, const char *path, const char *const *headers, const char *from, long timeout_s,
    struct reply *r)
{
	memset(r, 0, sizeof *r);
	char url[512];
	snprintf(url, sizeof url, "%s%s", base, path);
	CURL *c = curl_easy_init();
	struct curl_slist *hl = NULL;
	for (size_t i = 0; headers && headers[i]; i++)
		hl = curl_slist_append(hl, headers[i]);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hl);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->headers);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_s);
	curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
	if (from)
		curl_easy_setopt(c, CURLOPT_INTERFACE, from);
	if (curl_easy_perform(c) == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_cleanup(c);
	curl_slist_free_all(hl);
}

static void
reply_free(struct reply *r)
{
	buf_free(&r->body);
	buf_free(&r->headers);
}

static long
status_of(const char *base, const char *path, const char *header)
{
	const char *h[] = {header, NULL};
	struct reply r;
	get(base, path, header ? h : NULL, NULL, 10, &r);
	long s = r.status;
	reply_free(&r);
	return s;
}

static void
test_hosts(const char *db)
{
	struct err e;
	struct serve_opts so = {"127.0.0.1:0", NULL, "archive.lan, Brief.Example"};
	struct serve *sv = serve_start(db, &so, &e);
	CHECK(sv != NULL);
	if (!sv)
		return;
	const char *base = serve_url(sv);
	const char *port = strrchr(base, ':') + 1;
	char h[128];
	CHECK_INT(status_of(base, "/", NULL), 200); /* Host: 127.0.0.1:PORT */
	static const char *const allowed[] = {"localhost", "LOCALHOST.", "127.0.0.1", "[::1]", "10.1.2.3", "archive.lan",
	                                      "brief.example"};
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
		snprintf(h, sizeof h, "Host: %s:%s", allowed[i], port);
		CHECK_INT(status_of(base, "/", h), 200);
	}
	static const char *const refused[] = {"evil.example", "127.0.0.1.nip.io", "archive.lan.evil.example",
	                                      "localhost.evil.example", "lan"};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		snprintf(h, sizeof h, "Host: %s:%s", refused[i], port);
		CHECK_INT(status_of(base, "/", h), 421);
		snprintf(h, sizeof h, "Host: %s", refused[i]);
		CHECK_INT(status_of(base, "/feed.atom", h), 421);
	}
	serve_stop(sv);
}

/* True when this machine can bind a TCP socket to ::1 (a container may have no IPv6). */
static int
has_ipv6_loopback(void)
{
	int fd = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return 0;
	struct sockaddr_in6 a;
	memset(&a, 0, sizeof a);
	a.sin6_family = AF_INET6;
	a.sin6_addr = in6addr_loopback;
	int ok = bind(fd, (struct sockaddr *)&a, sizeof a) == 0;
	close(fd);
	return ok;
}

/* The forms --listen takes ("PORT", ":PORT", "HOST:PORT", "[V6]:PORT") and the ones it refuses
 * with a message that says what it wants. */
static void
test_listen_forms(const char *db)
{
	static const char *const loopback[] = {"0", ":0", "127.0.0.1:0"};
	struct err e;
	for (size_t i = 0; i < sizeof loopback / sizeof loopback[0]; i++) {
		struct serve_opts so = {loopback[i], NULL, NULL};
		struct serve *sv = serve_start(db, &so, &e);
		CHECK(sv != NULL);
		if (!sv)
			continue;
		CHECK(str_starts(serve_url(sv), "http://127.0.0.1:"));
		CHECK(serve_is_loopback(sv));
		CHECK_INT(status_of(serve_url(sv), "/", NULL), 200);
		serve_stop(sv);
	}
	/* IPv6 in brackets: served where the machine has ::1, refused by the system where not */
	struct serve_opts v6 = {"[::1]:0", NULL, NULL};
	struct serve *sv = serve_start(db, &v6, &e);
	if (has_ipv6_loopback()) {
		CHECK(sv != NULL);
		if (sv) {
			CHECK(str_starts(serve_url(sv), "http://[::1]:"));
			CHECK(serve_is_loopback(sv));
			CHECK_INT(status_of(serve_url(sv), "/", NULL), 200);
		}
	} else {
		CHECK(sv == NULL && strstr(e.msg, "[::1]:0"));
	}
	serve_stop(sv);
	static const char *const bad[] = {"[::1:8080", "[::1]8080", "127.0.0.1:65536", "127.0.0.1:http", "localhost:"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct serve_opts so = {bad[i], NULL, NULL};
		e.msg[0] = '\0';
		CHECK(serve_start(db, &so, &e) == NULL);
		CHECK(strstr(e.msg, "--listen wants HOST:PORT") != NULL && strstr(e.msg, bad[i]) != NULL);
	}
}

static void
test_token(const char *db)
{
	struct err e;
	struct serve_opts bad = {"127.0.0.1:0", "short", NULL};
	CHECK(serve_start(db, &bad, &e) == NULL && strstr(e.msg, "16"));
	/* a token goes into headers and URLs as it is: only characters that need no quoting */
	struct serve_opts quoted = {"127.0.0.1:0", "0123456789abcdef\"x", NULL};
	CHECK(serve_start(db, &quoted, &e) == NULL && strstr(e.msg, "letters, digits"));
	struct serve_opts so = {"127.0.0.1:0", TOKEN, NULL};
	struct serve *sv = serve_start(db, &so, &e);
	CHECK(sv != NULL);
	if (!sv)
		return;
	const char *base = serve_url(sv);
	CHECK_INT(status_of(base, "/", NULL), 401);
	CHECK_INT(status_of(base, "/items", NULL), 401);
	CHECK_INT(status_of(base, "/no-such-page", NULL), 401);
	CHECK_INT(status_of(base, "/", "Authorization: Bearer wrong-token-0123456789"), 401);
	CHECK_INT(status_of(base, "/", "Authorization: Bearer " TOKEN "x"), 401);
	CHECK_INT(status_of(base, "/", "Authorization: Bearer " TOKEN), 200);
	CHECK_INT(status_of(base, "/?token=nope", NULL), 401);
	struct reply r;
	get(base, "/?token=" TOKEN, NULL, NULL, 10, &r);
	CHECK_INT(r.status, 200);
	CHECK(str_icasestr(buf_str(&r.headers), r.headers.len, "Set-Cookie: brief_token=" TOKEN) != NULL);
	CHECK(str_icasestr(buf_str(&r.headers), r.headers.len, "HttpOnly") != NULL);
	CHECK(str_icasestr(buf_str(&r.headers), r.headers.len, "SameSite=Strict") != NULL);
	reply_free(&r);
	CHECK_INT(status_of(base, "/items", "Cookie: brief_token=" TOKEN), 200);
	CHECK_INT(status_of(base, "/items", "Cookie: brief_token=other"), 401);
	serve_stop(sv);
}

/* A token of base64 ("openssl rand -base64 24") holds '+', which a query string reads as a
 * space: ?token=TOKEN, as docs/serve.md gives it, must still be the token. */
static void
test_token_plus(const char *db)
{
	struct err e;
	struct serve_opts so = {"127.0.0.1:0", "abcdefgh+ijklmnop/q=", NULL};
	struct serve *sv = serve_start(db, &so, &e);
	CHECK(sv != NULL);
	if (!sv)
		return;
	const char *base = serve_url(sv);
	CHECK_INT(status_of(base, "/", "Authorization: Bearer abcdefgh+ijklmnop/q="), 200);
	CHECK_INT(status_of(base, "/?token=abcdefgh%2Bijklmnop/q=", NULL), 200);
	CHECK_INT(status_of(base, "/?token=abcdefgh+ijklmnop/q=", NULL), 200);
	CHECK_INT(status_of(base, "/?token=abcdefgh+ijklmnop/q=x", NULL), 401);
	serve_stop(sv);
}

static void
test_idle_sockets(const char *db)
{
	struct rlimit rl;
	getrlimit(RLIMIT_NOFILE, &rl);
	rl.rlim_cur = rl.rlim_max;
	setrlimit(RLIMIT_NOFILE, &rl);
	getrlimit(RLIMIT_NOFILE, &rl);
	int want = 1000;
	if ((long)rl.rlim_cur < 2 * want + 200) /* both ends are in this process */
		want = (int)(rl.rlim_cur - 200) / 2;
	if (want < 1000)
		fprintf(stderr, "note: only %d idle sockets (RLIMIT_NOFILE %ld)\n", want, (long)rl.rlim_cur);
	struct err e;
	struct serve_opts so = {"127.0.0.1:0", NULL, NULL};
	struct serve *sv = serve_start(db, &so, &e);
	CHECK(sv != NULL);
	if (!sv)
		return;
	const char *base = serve_url(sv);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)strtol(strrchr(base, ':') + 1, NULL, 10))};
	inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
	int *fds = calloc((size_t)want, sizeof *fds);
	int opened = 0;
	for (int i = 0; i < want; i++) {
		fds[i] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (fds[i] < 0)
			break;
		int rc = connect(fds[i], (struct sockaddr *)&sa, sizeof sa);
		if (rc < 0 && errno != EINPROGRESS) {
			close(fds[i]);
			break;
		}
		opened++;
	}
	CHECK_INT(opened, want);
	usleep(200 * 1000); /* let the server see them all */
	/* a real reader from another address still gets the page while they are all open */
	struct reply r;
	get(base, "/", NULL, "127.0.0.2", 10, &r);
	if (r.status != 200)
		fprintf(stderr, "the page did not answer with %d idle sockets open (status %ld)\n", opened, r.status);
	CHECK_INT(r.status, 200);
	reply_free(&r);
	/* and again, a few times (the server is not just lucky once) */
	for (int k = 0; k < 5; k++) {
		get(base, "/items", NULL, "127.0.0.2", 10, &r);
		CHECK_INT(r.status, 200);
		reply_free(&r);
	}
	for (int i = 0; i < opened; i++)
		close(fds[i]);
	free(fds);
	serve_stop(sv);
}

/* The binary on 0.0.0.0 says loudly that other machines can reach it. */
static void
test_warning(const char *home)
{
	int pipefd[2];
	CHECK(pipe(pipefd) == 0);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(pipefd[1], 2);
		close(pipefd[0]);
		close(pipefd[1]);
		execl(test_brief_bin(), "brief", "serve", "--home", home, "--listen", "0.0.0.0:0", (char *)NULL);
		_exit(127);
	}
	close(pipefd[1]);
	struct buf err = BUF_INIT;
	char chunk[512];
	ssize_t n;
	while (!strstr(buf_str(&err), "WARNING") && !strstr(buf_str(&err), "cannot") &&
	       (n = read(pipefd[0], chunk, sizeof chunk)) > 0)
		buf_append(&err, chunk, (size_t)n);
	kill(pid, SIGTERM);
	while ((n = read(pipefd[0], chunk, sizeof chunk)) > 0)
		buf_append(&err, chunk, (size_t)n);
	close(pipefd[0]);
	waitpid(pid, NULL, 0);
	CHECK(strstr(buf_str(&err), "WARNING") != NULL);
	CHECK(strstr(buf_str(&err), "NO TOKEN") != NULL);
	buf_free(&err);
}

int
main(void)
{
	char home[512], db[600];
	snprintf(home, sizeof home, "%s/home", test_tmpdir());
	mkdir(home, 0700);
	snprintf(db, sizeof db, "%s/brief.db", home);
	struct store st;
	struct err e;
	if (store_open(&st, db, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	store_close(&st);
	signal(SIGPIPE, SIG_IGN);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	test_hosts(db);
	test_listen_forms(db);
	test_token(db);
	test_token_plus(db);
	test_idle_sockets(db);
	test_warning(home);
	curl_global_cleanup();
	return test_done("test_serve_exposure");
}
