/* test_fetch_h2.c: HTTP/2 over TLS on loopback against a real HTTP/2 server (nghttpd, Debian
 * package nghttp2-server) with a self-signed certificate made for the test: several feeds of
 * one h2 host are all stored over one connection (multiplexed), the certificate is trusted
 * only through config [fetch] ca_file (without it every feed fails verification), and the
 * knob works through `brief fetch --config`. Skips (77) without nghttpd or openssl. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "netlib.h"
#include "testlib.h"
#include "util/config.h"
#include "util/fs.h"

/* six feeds: the fixtures and their copies (fixtures/copy2: another title, other item ids),
 * not one document at two addresses, which is one source from the first fetch */
static const char *const feeds[] = {"/rss.xml", "/atom.xml", "/noguid.xml",
                                    "/copy2/rss.xml", "/copy2/atom.xml", "/copy2/noguid.xml"};
#define FEED_COUNT (sizeof feeds / sizeof feeds[0])
#define FEED_ITEMS (2 * (12 + 10 + 7)) /* the fixtures' items and their copies' */

static pid_t server_pid = -1;
static int server_port;

/* The first executable name found in PATH or the sbin directories, into out; 0 if none. */
static int
find_tool(const char *name, char *out, size_t size)
{
	const char *path = getenv("PATH");
	char dirs[4096];
	snprintf(dirs, sizeof dirs, "%s:/usr/sbin:/sbin:/usr/local/sbin", path ? path : "/usr/bin:/bin");
	for (char *p = dirs, *colon; p; p = colon ? colon + 1 : NULL) {
		colon = strchr(p, ':');
		if (colon)
			*colon = '\0';
		snprintf(out, size, "%s/%s", *p ? p : ".", name);
		if (access(out, X_OK) == 0)
			return 1;
	}
	return 0;
}

static int
port_answers(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
	                        .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	int ok = fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
	if (fd >= 0)
		close(fd);
	return ok;
}

/* Start nghttpd serving the fixtures over TLS on a free loopback port (a few tries, since
 * another process may take the port between the probe and the server's bind). */
static void
server_start(const char *nghttpd, const char *key, const char *cert)
{
	for (int attempt = 0; attempt < 5; attempt++) {
		int port = t_free_port();
		char port_s[16];
		snprintf(port_s, sizeof port_s, "%d", port);
		pid_t pid = fork();
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			if (null >= 0) {
				dup2(null, 1);
				dup2(null, 2);
			}
			execl(nghttpd, nghttpd, "-d", FIXTURES_DIR, "--address=127.0.0.1", port_s, key, cert, (char *)NULL);
			_exit(127);
		}
		for (int i = 0; i < 200; i++) { /* up to 10 s for a loaded machine */
			if (waitpid(pid, NULL, WNOHANG) == pid) {
				pid = -1;
				break;
			}
			if (port_answers(port)) {
				server_pid = pid;
				server_port = port;
				return;
			}
			nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
		}
		if (pid > 0) {
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
		}
	}
	fprintf(stderr, "nghttpd did not start\n");
	exit(1);
}

static void
server_stop(void)
{
	if (server_pid > 0) {
		kill(server_pid, SIGTERM);
		waitpid(server_pid, NULL, 0);
		server_pid = -1;
	}
}

static const char *
feed_url(size_t i)
{
	static char url[FEED_COUNT][128];
	snprintf(url[i], sizeof url[i], "https://127.0.0.1:%d%s", server_port, feeds[i]);
	return url[i];
}

static void
store_at(struct store *st, const char *name)
{
	char dir[512];
	struct err e;
	snprintf(dir, sizeof dir, "%s/%s", test_tmpdir(), name);
	if (fs_mkdirs(dir, 0, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		exit(1);
	}
	t_store_open(st, dir);
	for (size_t i = 0; i < FEED_COUNT; i++)
		t_add_source(st, feed_url(i));
}

static void
run(struct store *st, const struct config *cfg, struct fetch_summary *out, struct arena *a)
{
	t_fetch_cfg(st, cfg, 60, a, out);
}

/* Without the test's CA the certificate is not trusted: every feed fails, nothing stored. */
static void
test_untrusted(void)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	store_at(&st, "untrusted");
	run(&st, NULL, &s, &a);
	CHECK_INT(s.feeds_failed, FEED_COUNT);
	CHECK_INT(s.feeds_ok, 0);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), 0);
	CHECK(s.failure_count > 0 && strstr(s.failures[0].error, "certificate") != NULL);
	if (s.failure_count)
		fprintf(stderr, "  (expected) %s\n", s.failures[0].error);
	arena_free(&a);
	store_close(&st);
}

/* With [fetch] ca_file: all feeds stored, every transfer over HTTP/2, one connection. */
static void
test_multiplexed(const struct config *cfg)
{
	struct store st;
	struct arena a = ARENA_INIT;
	struct fetch_summary s;
	store_at(&st, "h2");
	run(&st, cfg, &s, &a);
	t_print_failures(&s);
	CHECK_INT(s.feeds_ok, FEED_COUNT);
	CHECK_INT(s.feeds_failed, 0);
	CHECK_INT(s.items_new, FEED_ITEMS);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM items"), FEED_ITEMS);
	CHECK_INT(t_query_int(&st, "SELECT count(*) FROM sources WHERE last_status = 200 AND item_count > 0"),
	          FEED_COUNT);
	CHECK_INT(s.http2_transfers, FEED_COUNT);
	/* per-host cap 3 lets 3 transfers run at once, yet they all ride one connection */
	CHECK_INT(s.connections, 1);
	arena_free(&a);
	store_close(&st);
}

/* The knob through the command: `brief fetch --config FILE` with an OPML of the feeds. */
static void
test_cli(const char *cfg_path)
{
	char home[512], opml[600];
	struct err e;
	snprintf(home, sizeof home, "%s/cli", test_tmpdir());
	snprintf(opml, sizeof opml, "%s/feeds.opml", test_tmpdir());
	if (fs_mkdirs(home, 0, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		exit(1);
	}
	struct buf doc = BUF_INIT, out = BUF_INIT, err = BUF_INIT;
	buf_puts(&doc, "<opml version=\"2.0\"><body>\n");
	for (size_t i = 0; i < FEED_COUNT; i++) {
		buf_puts(&doc, "<outline type=\"rss\" text=\"f\" xmlUrl=\"");
		buf_puts(&doc, feed_url(i)); /* no '&' or '"' in these URLs */
		buf_puts(&doc, "\"/>\n");
	}
	buf_puts(&doc, "</body></opml>\n");
	test_write_file(opml, doc.data, doc.len);
	char *argv[] = {(char *)test_brief_bin(), "fetch", "--home", home, "--config", (char *)cfg_path,
	                "--feeds", opml, "--json", "-q", "--timeout", "60", NULL};
	CHECK_INT(test_run(argv, NULL, NULL, &out, &err), 0);
	char want[64];
	snprintf(want, sizeof want, "\"feeds_ok\":%zu", FEED_COUNT);
	CHECK(out.data && strstr(out.data, want) != NULL);
	snprintf(want, sizeof want, "\"items_new\":%d", FEED_ITEMS);
	CHECK(out.data && strstr(out.data, want) != NULL);
	if (test_failures)
		fprintf(stderr, "stdout: %s\nstderr: %s\n", out.data ? out.data : "", err.data ? err.data : "");
	buf_free(&doc);
	buf_free(&out);
	buf_free(&err);
}

int
main(void)
{
	char nghttpd[4200], openssl[4200];
	if (!find_tool("nghttpd", nghttpd, sizeof nghttpd) || !find_tool("openssl", openssl, sizeof openssl)) {
		fprintf(stderr, "skipped: needs nghttpd (Debian nghttp2-server) and openssl\n");
		return 77;
	}
	t_need_parser();
	static const char *const proxies[] = {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY",
	                                      "ALL_PROXY", "all_proxy"};
	for (size_t i = 0; i < sizeof proxies / sizeof proxies[0]; i++)
		unsetenv(proxies[i]);
	char key[600], cert[600], cfg_path[600];
	snprintf(key, sizeof key, "%s/key.pem", test_tmpdir());
	snprintf(cert, sizeof cert, "%s/cert.pem", test_tmpdir());
	snprintf(cfg_path, sizeof cfg_path, "%s/brief.conf", test_tmpdir());
	char *mk[] = {openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
	              "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost",
	              "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", NULL};
	struct buf err = BUF_INIT;
	if (test_run(mk, NULL, NULL, NULL, &err) != 0) {
		fprintf(stderr, "openssl req failed: %s\n", err.data ? err.data : "");
		return 1;
	}
	buf_free(&err);

	struct buf text = BUF_INIT;
	buf_puts(&text, "[fetch]\nper_host = 3\nca_file = ");
	buf_puts(&text, cert);
	buf_puts(&text, "\n");
	test_write_file(cfg_path, text.data, text.len);
	buf_free(&text);
	struct config cfg;
	struct err e;
	if (config_load(&cfg, cfg_path, &e) < 0) {
		fprintf(stderr, "config_load: %s\n", e.msg);
		return 1;
	}

	/* an unreadable ca_file is a config error, not a silent fallback to the system's CAs */
	char bad_path[700];
	snprintf(bad_path, sizeof bad_path, "%s/missing.conf", test_tmpdir());
	test_write_file(bad_path, "[fetch]\nca_file = /nonexistent/ca.pem\n", 37);
	struct config bad;
	struct fetch_opts o;
	fetch_opts_default(&o);
	CHECK_INT(config_load(&bad, bad_path, &e), 0);
	CHECK_INT(fetch_opts_from_config(&o, &bad, &e), -1);
	CHECK(strstr(e.msg, "ca_file") != NULL);
	config_free(&bad);

	server_start(nghttpd, key, cert);
	test_untrusted();
	test_multiplexed(&cfg);
	test_cli(cfg_path);
	server_stop();
	config_free(&cfg);
	return test_done("test_fetch_h2");
}
