/* test_fetch_cli.c: `brief feeds` and `brief fetch` as users run them (the built binary, a
 * temporary --home, real HTTP on loopback), including a run killed with SIGKILL mid-fetch
 * and fetched again, which must end with exactly the items of an undisturbed run. */
#include <jansson.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "feed/opml.h"
#include "netlib.h"
#include "testlib.h"
#include "util/fs.h"

static struct fsrv srv;

static const char *
home(const char *name)
{
	static char path[8][512];
	static int next;
	char *p = path[next++ % 8];
	snprintf(p, sizeof path[0], "%s/%s", test_tmpdir(), name);
	return p;
}

/* Run brief with args (NULL-terminated) under --home h; stdout into out (may be NULL). */
static int
brief(const char *h, struct buf *out, struct buf *err, ...)
{
	char *argv[32];
	int n = 0;
	argv[n++] = (char *)test_brief_bin();
	va_list ap;
	va_start(ap, err);
	const char *a;
	while ((a = va_arg(ap, const char *)) && n < 28)
		argv[n++] = (char *)a;
	va_end(ap);
	argv[n++] = "--home";
	argv[n++] = (char *)h;
	argv[n] = NULL;
	return test_run(argv, NULL, NULL, out, err);
}

static json_t *
parse_json(const struct buf *b)
{
	json_error_t je;
	json_t *j = json_loads(buf_str(b), 0, &je);
	if (!j)
		fprintf(stderr, "bad JSON (%s): %s\n", je.text, buf_str(b));
	return j;
}

static void
write_opml(const char *path, const char *const *paths, size_t n)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title></head><body>\n");
	for (size_t i = 0; i < n; i++) {
		buf_printf(&b, "<outline type=\"rss\" text=\"feed %zu\" xmlUrl=\"", i);
		for (const char *p = fsrv_url(&srv, paths[i]); *p; p++)
			buf_puts(&b, *p == '&' ? "&amp;" : (char[2]){*p, 0});
		buf_puts(&b, "\"/>\n");
	}
	buf_puts(&b, "</body></opml>\n");
	test_write_file(path, b.data, b.len);
	buf_free(&b);
}

static void
test_feeds_commands(void)
{
	const char *h = home("feeds");
	struct buf out = BUF_INIT, err = BUF_INIT;
	/* a fresh home lists the built-in 92 */
	CHECK_INT(brief(h, &out, &err, "feeds", "list", "--json", NULL), 0);
	json_t *j = parse_json(&out);
	CHECK(json_is_array(j));
	CHECK_INT(json_array_size(j), 92);
	CHECK_STR(json_string_value(json_object_get(json_array_get(j, 0), "kind")), "built-in");
	json_decref(j);
	/* adding one of your own replaces them */
	const char *u1 = fsrv_url(&srv, "/rss.xml");
	CHECK_INT(brief(h, NULL, &err, "feeds", "add", u1, "--name", "Example", NULL), 0);
	buf_clear(&out);
	CHECK_INT(brief(h, &out, &err, "feeds", "list", "--json", NULL), 0);
	j = parse_json(&out);
	CHECK_INT(json_array_size(j), 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(j, 0), "url")), u1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(j, 0), "name")), "Example");
	CHECK_STR(json_string_value(json_object_get(json_array_get(j, 0), "kind")), "user");
	json_decref(j);
	CHECK_INT(brief(h, NULL, &err, "feeds", "add", "not-a-url", NULL), 2);
	/* import, export */
	static const char *const paths[] = {"/atom.xml", "/noguid.xml", "/rss.xml"};
	char opml[600];
	snprintf(opml, sizeof opml, "%s/import.opml", test_tmpdir());
	write_opml(opml, paths, 3);
	CHECK_INT(brief(h, NULL, &err, "feeds", "import", opml, NULL), 0);
	buf_clear(&out);
	CHECK_INT(brief(h, &out, &err, "feeds", "export", NULL), 0);
	struct arena a = ARENA_INIT;
	struct opml_feed *feeds;
	size_t n = 0;
	struct err e;
	CHECK(opml_parse(out.data ? out.data : "", out.len, &a, &feeds, &n, &e) == 0);
	CHECK_INT(n, 3);
	/* rm */
	CHECK_INT(brief(h, NULL, &err, "feeds", "rm", u1, NULL), 0);
	CHECK_INT(brief(h, NULL, &err, "feeds", "rm", u1, NULL), 1);
	buf_clear(&out);
	CHECK_INT(brief(h, &out, &err, "feeds", "list", "--json", NULL), 0);
	j = parse_json(&out);
	CHECK_INT(json_array_size(j), 2);
	json_decref(j);
	arena_free(&a);
	buf_free(&out);
	buf_free(&err);
}

/* A source added by its feed URL alone learns its site from the feed's own link on the first
 * fetch: feeds list --json's html_url (docs/cli.md: it mirrors the sources table's site URL),
 * export's htmlUrl. An OPML htmlUrl is the user's and stays whatever the feed says. */
static void
test_site_url(void)
{
	const char *h = home("site-url");
	struct buf out = BUF_INIT, err = BUF_INIT;
	CHECK_INT(brief(h, NULL, &err, "feeds", "add", fsrv_url(&srv, "/rss.xml"), NULL), 0);
	char opml[600];
	snprintf(opml, sizeof opml, "%s/site-url.opml", test_tmpdir());
	struct buf list = BUF_INIT;
	buf_printf(&list, "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline text=\"a\" xmlUrl=\"%s\" "
	                  "htmlUrl=\"https://mine.example/\"/></body></opml>\n",
	           fsrv_url(&srv, "/atom.xml"));
	test_write_file(opml, list.data, list.len);
	buf_free(&list);
	CHECK_INT(brief(h, NULL, &err, "feeds", "import", opml, NULL), 0);
	CHECK_INT(brief(h, NULL, &err, "fetch", "-q", NULL), 0);
	CHECK_INT(brief(h, &out, &err, "feeds", "list", "--json", NULL), 0);
	json_t *j = parse_json(&out);
	CHECK_INT(json_array_size(j), 2);
	const char *site = json_string_value(json_object_get(json_array_get(j, 0), "html_url"));
	if (!site)
		fprintf(stderr, "html_url of the added feed: null\n%s", buf_str(&out));
	CHECK_STR(site ? site : "(null)", "https://blog.example.org/");
	CHECK_STR(json_string_value(json_object_get(json_array_get(j, 1), "html_url")), "https://mine.example/");
	json_decref(j);
	buf_clear(&out);
	CHECK_INT(brief(h, &out, &err, "feeds", "export", NULL), 0);
	struct arena a = ARENA_INIT;
	struct opml_feed *feeds;
	size_t n = 0;
	struct err e;
	CHECK(opml_parse(out.data ? out.data : "", out.len, &a, &feeds, &n, &e) == 0);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(feeds[0].html_url ? feeds[0].html_url : "(null)", "https://blog.example.org/");
		CHECK_STR(feeds[1].html_url ? feeds[1].html_url : "(null)", "https://mine.example/");
	}
	arena_free(&a);
	buf_free(&out);
	buf_free(&err);
}

static void
test_fetch_json_and_agents(void)
{
	const char *h = home("fetch");
	struct buf out = BUF_INIT, err = BUF_INIT;
	char cfg[600];
	snprintf(cfg, sizeof cfg, "%s/config", test_tmpdir());
	test_write_file(cfg, "[fetch]\nuser_agent = config-agent/1.0\n", 37);
	CHECK_INT(brief(h, NULL, &err, "feeds", "add", fsrv_url(&srv, "/rss.xml?ua=cfg"), NULL), 0);
	CHECK_INT(brief(h, NULL, &err, "feeds", "add", fsrv_url(&srv, "/atom.xml?ua=feed"), "--user-agent",
	                "feed-agent/2.0", NULL),
	          0);
	CHECK_INT(brief(h, NULL, &err, "feeds", "add", fsrv_url(&srv, "/gen/cli?status=404"), NULL), 0);
	CHECK_INT(brief(h, &out, &err, "fetch", "--json", "--config", cfg, "--timeout", "60", NULL), 0);
	json_t *j = parse_json(&out);
	CHECK(json_is_object(j));
	CHECK_INT(json_integer_value(json_object_get(j, "feeds_total")), 3);
	CHECK_INT(json_integer_value(json_object_get(j, "feeds_ok")), 2);
	CHECK_INT(json_integer_value(json_object_get(j, "feeds_not_modified")), 0);
	CHECK_INT(json_integer_value(json_object_get(j, "feeds_failed")), 1);
	CHECK_INT(json_integer_value(json_object_get(j, "items_new")), 22);
	CHECK_INT(json_integer_value(json_object_get(j, "items_total")), 22);
	CHECK(json_integer_value(json_object_get(j, "bytes")) > 20000);
	CHECK(json_is_number(json_object_get(j, "seconds")));
	json_t *f = json_object_get(j, "failures");
	CHECK_INT(json_array_size(f), 1);
	CHECK_STR(json_string_value(json_object_get(json_array_get(f, 0), "error")), "HTTP 404 Not Found");
	json_decref(j);
	char ua[256];
	fsrv_user_agent(&srv, "/rss.xml?ua=cfg", ua, sizeof ua);
	CHECK_STR(ua, "config-agent/1.0");
	fsrv_user_agent(&srv, "/atom.xml?ua=feed", ua, sizeof ua);
	CHECK_STR(ua, "feed-agent/2.0");
	/* --feeds: that file's feeds for this run, stored, not added to the list */
	static const char *const paths[] = {"/gen/adhoc1", "/gen/adhoc2?items=3"};
	char opml[600];
	snprintf(opml, sizeof opml, "%s/adhoc.opml", test_tmpdir());
	write_opml(opml, paths, 2);
	buf_clear(&out);
	CHECK_INT(brief(h, &out, &err, "fetch", "--feeds", opml, "--json", "-q", NULL), 0);
	j = parse_json(&out);
	CHECK_INT(json_integer_value(json_object_get(j, "feeds_total")), 2);
	CHECK_INT(json_integer_value(json_object_get(j, "items_new")), 8);
	json_decref(j);
	buf_clear(&out);
	CHECK_INT(brief(h, &out, &err, "feeds", "list", "--json", NULL), 0);
	j = parse_json(&out);
	CHECK_INT(json_array_size(j), 3);
	json_decref(j);
	/* human summary on stdout, plain progress lines on stderr (not a terminal) */
	buf_clear(&out);
	buf_clear(&err);
	CHECK_INT(brief(h, &out, &err, "fetch", NULL), 0);
	CHECK(strstr(buf_str(&out), "3 feeds: 2 ok (2 not modified), 1 failed") != NULL);
	CHECK(strstr(buf_str(&err), "[3/3]") != NULL);
	buf_free(&out);
	buf_free(&err);
}

/* Items of a home as one comparable string: source URL, dedupe key, title, link, content hash. */
static void
items_snapshot(const char *h, struct buf *out)
{
	char path[600];
	snprintf(path, sizeof path, "%s/brief.db", h);
	sqlite3 *db;
	CHECK(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
	sqlite3_stmt *s;
	CHECK(sqlite3_prepare_v2(db,
	                         "SELECT s.url, i.dedupe_key, i.title, i.link, i.content_hash FROM items i"
	                         " JOIN sources s ON s.id = i.source_id ORDER BY 1, 2",
	                         -1, &s, NULL) == SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		for (int c = 0; c < 5; c++)
			buf_printf(out, "%s%c", (const char *)sqlite3_column_text(s, c), c == 4 ? '\n' : '\t');
	sqlite3_finalize(s);
	sqlite3_close(db);
}

static long
count_items(const char *h)
{
	char path[600];
	snprintf(path, sizeof path, "%s/brief.db", h);
	sqlite3 *db;
	long n = 0;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
		sqlite3_stmt *s;
		if (sqlite3_prepare_v2(db, "SELECT count(*) FROM items", -1, &s, NULL) == SQLITE_OK &&
		    sqlite3_step(s) == SQLITE_ROW)
			n = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(db);
	return n;
}

/* A fetch ended by signal sig as soon as some feeds are stored and others are still in flight
 * (SIGKILL: the machine or the OOM killer; SIGTERM: systemd stopping the timer's service,
 * which brief does not catch: docs/cli.md "Exit status") ends by that signal, and the rerun
 * stores exactly what an uninterrupted fetch stores, without duplicates. */
static void
test_kill_mid_run(int sig, const char *name)
{
	static const char *const paths[] = {"/rss.xml?k=1", "/atom.xml?k=1", "/gen/k1?items=30",
	                                    "/gen/k2?delay=1500", "/gen/k3?delay=2500&items=12",
	                                    "/gen/k4?delay=3000&items=7", "/noguid.xml?k=1&delay=2000"};
	char opml[600];
	snprintf(opml, sizeof opml, "%s/kill.opml", test_tmpdir());
	write_opml(opml, paths, sizeof paths / sizeof paths[0]);
	char killed_name[64], calm_name[64];
	snprintf(killed_name, sizeof killed_name, "killed-%s", name);
	snprintf(calm_name, sizeof calm_name, "calm-%s", name);
	const char *killed = home(killed_name), *calm = home(calm_name);
	struct buf err = BUF_INIT;
	CHECK_INT(brief(killed, NULL, &err, "feeds", "import", opml, NULL), 0);
	CHECK_INT(brief(calm, NULL, &err, "feeds", "import", opml, NULL), 0);
	pid_t pid = fork();
	if (pid == 0) {
		int devnull = open("/dev/null", 1);
		dup2(devnull, 1);
		dup2(devnull, 2);
		execl(test_brief_bin(), test_brief_bin(), "fetch", "--home", killed, (char *)NULL);
		_exit(127);
	}
	/* kill it as soon as some feeds are stored and others are still in flight */
	long n = 0;
	for (int i = 0; i < 3000 && (n = count_items(killed)) == 0; i++)
		usleep(5000);
	kill(pid, sig);
	int status;
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == sig);
	CHECK(n > 0);
	long at_kill = count_items(killed);
	CHECK_INT(brief(killed, NULL, &err, "fetch", NULL), 0);
	CHECK_INT(brief(calm, NULL, &err, "fetch", NULL), 0);
	struct buf a = BUF_INIT, b = BUF_INIT;
	items_snapshot(killed, &a);
	items_snapshot(calm, &b);
	long total = count_items(calm);
	fprintf(stderr, "kill test (%s): %ld of %ld items stored when killed\n", name, at_kill, total);
	CHECK(at_kill < total);
	CHECK_INT(total, 12 + 10 + 30 + 5 + 12 + 7 + 7);
	/* identical apart from the host:port part of source URLs, which is the same server */
	CHECK(a.len > 0);
	CHECK_STR(buf_str(&a), buf_str(&b));
	buf_free(&a);
	buf_free(&b);
	buf_free(&err);
}

/* A feed's item link is the feed's text, and fetch's progress lines show it: a link holding
 * an escape sequence (OSC 0 retitles the terminal, CSI 2J clears it) must reach stderr with
 * its control characters shown as '?', never raw. Before: "page [1/1] FAILED
 * https://example.invalid/a<ESC>]0;owned<BEL>..." went to the terminal as written. */
static void
test_progress_controls(void)
{
	char root[600];
	snprintf(root, sizeof root, "%s", t_subdir("ansi-root"));
	t_write_in(root, "ansi.json",
	           "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Escapes\",\"items\":[{\"id\":\"1\","
	           "\"url\":\"https://example.invalid/a\\u001b]0;owned\\u0007b\\u001b[2Jc\\r\\nbrief: forged\","
	           "\"title\":\"Short\",\"content_text\":\"Short.\"}]}");
	struct fsrv ansi;
	fsrv_start(&ansi, root, NULL);
	const char *h = home("ansi");
	struct buf out = BUF_INIT, err = BUF_INIT;
	CHECK_INT(brief(h, NULL, &err, "feeds", "add", fsrv_url(&ansi, "/ansi.json"), NULL), 0);
	buf_clear(&err);
	CHECK_INT(brief(h, &out, &err, "fetch", "--full-text", NULL), 0);
	CHECK(strstr(buf_str(&err), "page [1/1] FAILED https://example.invalid/a?]0;owned?b?[2Jc??brief: forged") !=
	      NULL);
	for (size_t i = 0; i < err.len; i++)
		if ((unsigned char)err.data[i] < 0x20 && err.data[i] != '\n') {
			fprintf(stderr, "control character 0x%02x on stderr at %zu: %s\n", (unsigned)(unsigned char)err.data[i],
			        i, buf_str(&err));
			CHECK(0);
			break;
		}
	CHECK(strstr(buf_str(&err), "\nbrief: forged") == NULL);
	fsrv_stop(&ansi);
	buf_free(&out);
	buf_free(&err);
}

/* A source whose server answered 410 Gone is not asked by later runs (test_fetch_faults
 * test_gone); `feeds add` of it says so and has the next fetch ask it again. */
static void
test_gone_added_again(void)
{
	const char *h = home("gone");
	const char *target = "/gen/cli-gone?status=410", *u = fsrv_url(&srv, target);
	struct buf out = BUF_INIT, err = BUF_INIT;
	CHECK_INT(brief(h, NULL, &err, "feeds", "add", u, "--no-discover", NULL), 0);
	CHECK_INT(brief(h, &out, &err, "fetch", "-q", "--json", NULL), 0);
	buf_clear(&out);
	CHECK_INT(brief(h, &out, &err, "fetch", "-q", "--json", NULL), 0);
	CHECK(strstr(buf_str(&out), "not asked: gone") != NULL);
	long req = 0;
	CHECK(fsrv_stat(&srv, target, &req, NULL, NULL, NULL) == 0);
	CHECK_INT(req, 1);
	buf_clear(&err);
	CHECK_INT(brief(h, NULL, &err, "feeds", "add", u, "--no-discover", NULL), 0);
	CHECK(strstr(buf_str(&err), "its server answered HTTP 410 Gone on ") != NULL);
	CHECK(strstr(buf_str(&err), "the next fetch asks it again") != NULL);
	buf_clear(&out);
	CHECK_INT(brief(h, &out, &err, "fetch", "-q", "--json", NULL), 0);
	CHECK(strstr(buf_str(&out), "HTTP 410 Gone") != NULL);
	CHECK(strstr(buf_str(&out), "not asked") == NULL);
	CHECK(fsrv_stat(&srv, target, &req, NULL, NULL, NULL) == 0);
	CHECK_INT(req, 2);
	buf_free(&out);
	buf_free(&err);
}

int
main(void)
{
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	test_feeds_commands();
	t_need_parser();
	test_fetch_json_and_agents();
	test_site_url();
	test_progress_controls();
	test_gone_added_again();
	test_kill_mid_run(SIGKILL, "sigkill");
	test_kill_mid_run(SIGTERM, "sigterm");
	fsrv_stop(&srv);
	return test_done("test_fetch_cli");
}
