/* test_daily_browser.c: open the hostile digest's HTML page in headless Chromium, served
 * from a loopback server that logs every request, and check that no script ran and no
 * request left the page; take phone-width screenshots (light and dark). A control page
 * with a real script and image proves the detection works. Skips (77) without chromium. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "report/report.h"
#include "testlib.h"
#include "util/fs.h"

static const char control_page[] =
	"<!DOCTYPE html><html><head><title>control</title></head><body><p>control</p>"
	"<script>document.body.setAttribute('data-pwned','1')</script><img src=\"/control-leak\"></body></html>";

static void
respond(int fd, const char *status, const char *type, const char *body, size_t len)
{
	char head[256];
	int n = snprintf(head, sizeof head, "HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n",
	                 status, type, len);
	if (write(fd, head, (size_t)n) < 0 || write(fd, body, len) < 0)
		return;
}

/* Read a request's first line from fd into req (size bytes, NUL-terminated, CRLF cut).
 * Returns 0, or -1 when the connection closed or stayed silent for 10 s (Chromium opens
 * speculative connections it may never use; one must not hold up the real requests behind
 * it for longer than that, and a real request's bytes follow its connect at once). */
static int
read_request_line(int fd, char *req, size_t size)
{
	struct timeval tv = {10, 0};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	size_t len = 0;
	for (;;) {
		ssize_t n = read(fd, req + len, size - 1 - len);
		if (n <= 0)
			return -1;
		len += (size_t)n;
		req[len] = '\0';
		char *eol = strstr(req, "\r\n");
		if (eol) {
			*eol = '\0';
			return 0;
		}
		if (len == size - 1)
			return -1;
	}
}

/* Serve page at "/" (any other path: 404), one connection at a time in arrival order, and
 * log every request line to log_path before answering it. "GET /__end" is the test's own
 * marker, not logged: when it is answered, every request that reached the server before it
 * is in the log. */
static void
serve(int lfd, const char *page, const char *log_path)
{
	/* A browser that exits (--dump-dom done) before reading an answer, e.g. to a favicon
	 * request, must not kill the server with SIGPIPE and so fail every later page load. */
	signal(SIGPIPE, SIG_IGN);
	for (;;) {
		int fd = accept(lfd, NULL, NULL);
		if (fd < 0)
			continue;
		char req[4096];
		if (read_request_line(fd, req, sizeof req) < 0) {
			close(fd);
			continue;
		}
		if (strncmp(req, "GET /__end ", 11) != 0) {
			FILE *log = fopen(log_path, "a");
			if (log) {
				fprintf(log, "%s\n", req);
				fclose(log);
			}
		}
		if (strncmp(req, "GET / ", 6) == 0)
			respond(fd, "200 OK", "text/html; charset=utf-8", page, strlen(page));
		else
			respond(fd, "404 Not Found", "text/plain", "no", 2);
		close(fd);
	}
}

/* Start a loopback server for page in a child process; its URL goes to url, its pid to *pid.
 * Returns 0 or -1. Each page gets its own server, port and log, so a late request of one
 * Chromium run (a favicon asked as the control page closes) cannot land in another's log. */
static int
start_server(const char *page, const char *log_path, char *url, size_t url_size, pid_t *pid)
{
	int lfd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = {0};
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t alen = sizeof addr;
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(lfd, 64) < 0 ||
	    getsockname(lfd, (struct sockaddr *)&addr, &alen) < 0) {
		perror("socket");
		return -1;
	}
	snprintf(url, url_size, "http://127.0.0.1:%d/", ntohs(addr.sin_port));
	*pid = fork();
	if (*pid < 0)
		return -1;
	if (*pid == 0) {
		serve(lfd, page, log_path);
		_exit(0);
	}
	close(lfd);
	return 0;
}

/* Send the end marker to the server at url (as start_server made it) and wait for the answer:
 * then its log holds every request made before, as the server takes connections in order.
 * Returns 0 or -1. */
static int
sync_server(const char *url)
{
	struct sockaddr_in addr = {0};
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = htons((uint16_t)strtol(url + strlen("http://127.0.0.1:"), NULL, 10));
	static const char marker[] = "GET /__end HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
	char answer[256];
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	int rc = fd >= 0 && connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0 &&
	                 write(fd, marker, sizeof marker - 1) == (ssize_t)(sizeof marker - 1) &&
	                 read(fd, answer, sizeof answer) > 0
	                 ? 0
	                 : -1;
	if (fd >= 0)
		close(fd);
	return rc;
}

static int
chromium(const char *profile, const char *url, const char *extra, const char *extra2, struct buf *out)
{
	char user_dir[4200];
	snprintf(user_dir, sizeof user_dir, "--user-data-dir=%s", profile);
	char *argv[] = {"timeout", "120", "chromium", "--headless", "--no-sandbox", "--disable-gpu",
	                "--disable-background-networking", "--disable-component-update", "--disable-sync",
	                "--no-first-run", "--disable-default-apps", "--disable-extensions", "--mute-audio",
	                user_dir, (char *)extra, (char *)extra2, (char *)url, NULL};
	if (!extra2) {
		argv[15] = (char *)url;
		argv[16] = NULL;
	}
	return test_run(argv, NULL, NULL, out, NULL);
}

static int
count_lines(const char *s)
{
	int n = 0;
	for (; s && *s; s++)
		n += *s == '\n';
	return n;
}

static int
png_width(const char *path)
{
	struct buf b = BUF_INIT;
	struct err e;
	int w = -1;
	if (fs_read_all(path, &b, &e) == 0 && b.len > 24 && memcmp(b.data, "\x89PNG", 4) == 0)
		w = ((unsigned char)b.data[16] << 24) | ((unsigned char)b.data[17] << 16) |
		    ((unsigned char)b.data[18] << 8) | (unsigned char)b.data[19];
	buf_free(&b);
	return w;
}

int
main(void)
{
	if (system("command -v chromium >/dev/null 2>&1") != 0) {
		fprintf(stderr, "skipped: chromium is not installed (scripts/deps.sh installs it)\n");
		return 77;
	}
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	const char *tmp = test_tmpdir();
	struct arena a = ARENA_INIT;
	struct report r;
	fixture_hostile(&r, &a);
	struct buf html = BUF_INIT;
	report_daily_html(&r, &html);

	char log_path[4200], control_log[4200], profile[4200], url[128], control_url[128], shot[4200],
		shot_dark[4200];
	snprintf(log_path, sizeof log_path, "%s/requests.log", tmp);
	snprintf(control_log, sizeof control_log, "%s/control-requests.log", tmp);
	snprintf(profile, sizeof profile, "%s/profile", tmp);
	pid_t server, control_server;
	if (start_server(buf_str(&html), log_path, url, sizeof url, &server) < 0 ||
	    start_server(control_page, control_log, control_url, sizeof control_url, &control_server) < 0)
		return 1;

	/* Control: a page with a real script and image shows both effects. */
	struct buf dom = BUF_INIT, log = BUF_INIT;
	CHECK_INT(chromium(profile, control_url, "--dump-dom", NULL, &dom), 0);
	CHECK(strstr(buf_str(&dom), "data-pwned=\"1\"") != NULL);
	CHECK_INT(sync_server(control_url), 0);
	test_read_file(control_log, &log);
	CHECK(strstr(buf_str(&log), "GET /control-leak ") != NULL);

	/* The digest: the DOM holds the hostile text, as text; nothing ran, nothing was fetched. */
	buf_clear(&dom);
	CHECK_INT(chromium(profile, url, "--dump-dom", NULL, &dom), 0);
	const char *d = buf_str(&dom);
	CHECK(strstr(d, "data-pwned=\"") == NULL);
	CHECK(strstr(d, "<title>AI 博客每日精选 — 2026-02-21</title>") != NULL);
	CHECK(strstr(d, "&lt;script&gt;document.title='PWNED'") != NULL);
	CHECK(strstr(d, "<script") == NULL);
	CHECK(strstr(d, "<img") == NULL);
	CHECK(strstr(d, "<svg") != NULL); /* the charts are there */
	CHECK(strstr(d, "שלום עולם") != NULL && strstr(d, "🚀🔥") != NULL);

	snprintf(shot, sizeof shot, "--screenshot=%s/digest.png", tmp);
	CHECK_INT(chromium(profile, url, shot, "--window-size=412,2400", NULL), 0);
	snprintf(shot_dark, sizeof shot_dark, "--screenshot=%s/digest-dark.png", tmp);
	char *dark = "--force-dark-mode";
	char args2[64] = "--window-size=412,2400";
	{
		char *argv[] = {"timeout", "120", "chromium", "--headless", "--no-sandbox", "--disable-gpu",
		                "--disable-background-networking", "--disable-component-update", "--disable-sync",
		                "--no-first-run", dark, args2, shot_dark, url, NULL};
		char user_dir[4300];
		snprintf(user_dir, sizeof user_dir, "--user-data-dir=%s", profile);
		argv[9] = user_dir;
		CHECK_INT(test_run(argv, NULL, NULL, NULL, NULL), 0);
	}
	char png[4300];
	snprintf(png, sizeof png, "%s/digest.png", tmp);
	CHECK_INT(png_width(png), 412);
	snprintf(png, sizeof png, "%s/digest-dark.png", tmp);
	CHECK_INT(png_width(png), 412);

	/* Three page loads of the digest, three requests: "GET /" only. */
	buf_clear(&log);
	CHECK_INT(sync_server(url), 0);
	test_read_file(log_path, &log);
	const char *l = buf_str(&log);
	int lines = count_lines(l), roots = 0;
	for (const char *p = l; (p = strstr(p, "GET / HTTP/1.1\n")) != NULL; p++)
		roots++;
	if (lines != roots)
		fprintf(stderr, "requests seen:\n%s", l);
	CHECK_INT(lines, roots);
	CHECK_INT(roots, 3);
	if (getenv("BRIEF_KEEP_TMP"))
		fprintf(stderr, "screenshots in %s\n", tmp);

	kill(server, SIGTERM);
	kill(control_server, SIGTERM);
	waitpid(server, NULL, 0);
	waitpid(control_server, NULL, 0);
	buf_free(&dom);
	buf_free(&log);
	buf_free(&html);
	arena_free(&a);
	return test_done("test_daily_browser");
}
