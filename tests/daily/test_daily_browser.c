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

/* Serve page at "/" and the control page at "/control"; log every request line to log_path. */
static void
serve(int lfd, const char *page, const char *log_path)
{
	for (;;) {
		int fd = accept(lfd, NULL, NULL);
		if (fd < 0)
			continue;
		char req[4096];
		ssize_t n = read(fd, req, sizeof req - 1);
		if (n <= 0) {
			close(fd);
			continue;
		}
		req[n] = '\0';
		char *eol = strstr(req, "\r\n");
		if (eol)
			*eol = '\0';
		FILE *log = fopen(log_path, "a");
		if (log) {
			fprintf(log, "%s\n", req);
			fclose(log);
		}
		if (strncmp(req, "GET / ", 6) == 0)
			respond(fd, "200 OK", "text/html; charset=utf-8", page, strlen(page));
		else if (strncmp(req, "GET /control ", 13) == 0)
			respond(fd, "200 OK", "text/html; charset=utf-8", control_page, strlen(control_page));
		else
			respond(fd, "404 Not Found", "text/plain", "no", 2);
		close(fd);
	}
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

	int lfd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = {0};
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t alen = sizeof addr;
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(lfd, 16) < 0 ||
	    getsockname(lfd, (struct sockaddr *)&addr, &alen) < 0) {
		perror("socket");
		return 1;
	}
	char log_path[4200], profile[4200], url[128], control_url[128], shot[4200], shot_dark[4200];
	snprintf(log_path, sizeof log_path, "%s/requests.log", tmp);
	snprintf(profile, sizeof profile, "%s/profile", tmp);
	snprintf(url, sizeof url, "http://127.0.0.1:%d/", ntohs(addr.sin_port));
	snprintf(control_url, sizeof control_url, "http://127.0.0.1:%d/control", ntohs(addr.sin_port));
	pid_t server = fork();
	if (server == 0) {
		serve(lfd, buf_str(&html), log_path);
		_exit(0);
	}
	close(lfd);

	/* Control: a page with a real script and image shows both effects. */
	struct buf dom = BUF_INIT, log = BUF_INIT;
	CHECK_INT(chromium(profile, control_url, "--dump-dom", NULL, &dom), 0);
	CHECK(strstr(buf_str(&dom), "data-pwned=\"1\"") != NULL);
	test_read_file(log_path, &log);
	CHECK(strstr(buf_str(&log), "GET /control-leak ") != NULL);
	unlink(log_path);

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
	waitpid(server, NULL, 0);
	buf_free(&dom);
	buf_free(&log);
	buf_free(&html);
	arena_free(&a);
	return test_done("test_daily_browser");
}
