/* test_daily_e2e.c: `brief daily` end to end, as a user runs it: fixture feeds served by
 * the test feed server on loopback, fetched through `--feeds FILE.opml` into a fresh home,
 * curated by the offline engine (and by the LLM stand-in when it is built), rendered with
 * a frozen --now in a fixed TZ. The archive directory's DATE.md/.html/.json must match the
 * golden files byte for byte (the server's port is written as PORT); the digest must have
 * seed 000's structure; a rerun makes no LLM requests. Regenerate the golden files with
 * BRIEF_UPDATE_GOLDEN=1. Skips (77) when the feed server is not built. */
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../deliver/sinks.h"
#include "fixture.h"
#include "testlib.h"
#include "util/fs.h"

#define NOW "2026-02-21T01:56:00Z"

/* Start argv in the background; its first stdout line goes to line. Returns the pid. */
static pid_t
spawn(char *const argv[], char *line, size_t size)
{
	int fds[2];
	if (pipe(fds) < 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	size_t n = 0;
	char c;
	while (n + 1 < size && read(fds[0], &c, 1) == 1 && c != '\n')
		line[n++] = c;
	line[n] = '\0';
	close(fds[0]);
	return pid;
}

static void
stop(pid_t pid)
{
	if (pid > 0) {
		kill(pid, SIGTERM);
		waitpid(pid, NULL, 0);
	}
}

/* Replace every "127.0.0.1:<port>" by "127.0.0.1:PORT". */
static char *
normalize_port(const char *s, const char *port)
{
	struct buf out = BUF_INIT;
	char needle[64];
	snprintf(needle, sizeof needle, "127.0.0.1:%s", port);
	for (const char *p = s;;) {
		const char *hit = strstr(p, needle);
		if (!hit) {
			buf_puts(&out, p);
			break;
		}
		buf_append(&out, p, (size_t)(hit - p));
		buf_puts(&out, "127.0.0.1:PORT");
		p = hit + strlen(needle);
	}
	return buf_detach(&out);
}

static void
write_opml(const char *path, const char *port)
{
	const char *feeds[][2] = {
		{"simonwillison.example", "simon.xml"}, {"krebsonsecurity.example", "krebs.xml"},
		{"devblogs.example/oldnewthing", "oldnewthing.xml"}, {"ruanyifeng.example", "zhblog.xml?gzip=1"},
		{"joanwestenberg.example", "misc.xml?delay=200"}, {"forbidden.example", "gone.xml?status=403&amp;delay=400"},
		{"missing.example", "missing.xml"},
	};
	struct buf b = BUF_INIT;
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"><head><title>daily e2e</title></head><body>\n");
	for (size_t i = 0; i < sizeof feeds / sizeof feeds[0]; i++)
		buf_printf(&b, "<outline type=\"rss\" text=\"%s\" title=\"%s\" xmlUrl=\"http://127.0.0.1:%s/%s\"/>\n",
		           feeds[i][0], feeds[i][0], port, feeds[i][1]);
	buf_puts(&b, "</body></opml>\n");
	test_write_file(path, b.data, b.len);
	buf_free(&b);
}

/* One `brief daily` run into out_dir; returns the exit status, stderr in err. */
static int
daily(const char *home, const char *opml, const char *out_dir, char *const *env, const char *extra,
      struct buf *err)
{
	char *argv[] = {(char *)test_brief_bin(), "daily", "--home", (char *)home, "--feeds", (char *)opml,
	                "--now", NOW, "--out", (char *)out_dir, "--timeout", "60", (char *)extra, NULL};
	return test_run(argv, env, NULL, NULL, err);
}

static void
check_run(const char *name, const char *out_dir, const char *port)
{
	const char *exts[] = {"md", "html", "json"};
	struct buf files[3];
	for (int i = 0; i < 3; i++) {
		char path[4200], golden[64];
		snprintf(path, sizeof path, "%s/2026-02-21.%s", out_dir, exts[i]);
		files[i] = (struct buf)BUF_INIT;
		test_read_file(path, &files[i]);
		char *norm = normalize_port(buf_str(&files[i]), port);
		snprintf(golden, sizeof golden, "%s.%s", name, exts[i]);
		check_golden(golden, norm);
		free(norm);
	}
	check_structure(buf_str(&files[0]), buf_str(&files[2]));
	for (int i = 0; i < 3; i++)
		buf_free(&files[i]);
	const char *index[] = {"index.md", "index.html", "index.atom"};
	for (int i = 0; i < 3; i++) {
		char path[4200];
		snprintf(path, sizeof path, "%s/%s", out_dir, index[i]);
		CHECK(fs_exists(path));
	}
	/* The archive's Atom feed is a feed brief itself can read: one entry, today's digest. */
	char atom[4200];
	snprintf(atom, sizeof atom, "%s/index.atom", out_dir);
	char *argv[] = {(char *)test_brief_bin(), "parse", "--json", atom, NULL};
	struct buf parsed = BUF_INIT;
	CHECK_INT(test_run(argv, NULL, NULL, &parsed, NULL), 0);
	CHECK(strstr(buf_str(&parsed), "\"version\": \"atom10\"") || strstr(buf_str(&parsed), "\"version\":\"atom10\""));
	CHECK(strstr(buf_str(&parsed), "AI 博客每日精选 — 2026-02-21") != NULL);
	CHECK(strstr(buf_str(&parsed), "\"bozo\": false") || strstr(buf_str(&parsed), "\"bozo\":false"));
	buf_free(&parsed);
}

/* The digest is stored for the web archive: one daily report for the date. */
static void
check_stored(const char *home)
{
	char db[4200];
	snprintf(db, sizeof db, "%s/brief.db", home);
	sqlite3 *h = NULL;
	sqlite3_stmt *s = NULL;
	CHECK(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(h, "SELECT count(*), min(length(markdown)), min(length(html)), min(length(json))"
	                            " FROM reports WHERE kind = 'daily' AND slug = '2026-02-21'", -1, &s, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(s) == SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(s, 0), 1);
	CHECK(sqlite3_column_int(s, 1) > 1000 && sqlite3_column_int(s, 2) > 1000 && sqlite3_column_int(s, 3) > 1000);
	sqlite3_finalize(s);
	sqlite3_close(h);
}

static void
check_deliver(const char *home, const char *opml, char *const *env)
{
	struct http_sink *sink = http_sink_start();
	char cfg[4200], text[512], out[4200];
	snprintf(cfg, sizeof cfg, "%s/deliver.conf", test_tmpdir());
	snprintf(text, sizeof text,
	         "[deliver \"hook\"]\ntype = webhook\nurl = http://127.0.0.1:%d/hook\n"
	         "[deliver \"hook2\"]\ntype = webhook\nurl = http://127.0.0.1:%d/hook2\n"
	         "[deliver \"down\"]\ntype = webhook\nurl = http://127.0.0.1:1/nothing-listens-here\ntimeout = 2\n",
	         http_sink_port(sink), http_sink_port(sink));
	test_write_file(cfg, text, strlen(text));
	snprintf(out, sizeof out, "%s/delivered.md", test_tmpdir());
	struct buf err = BUF_INIT;
	char *argv[] = {(char *)test_brief_bin(), "daily", "--home", (char *)home, "--feeds", (char *)opml, "--no-fetch",
	                "--offline", "--now", NOW, "--config", cfg, "--out", out, "--deliver", "hook", NULL};
	CHECK_INT(test_run(argv, env, NULL, NULL, &err), 0);
	CHECK_INT(http_sink_count(sink), 1);
	if (http_sink_count(sink) == 1) {
		const struct sink_request *r = http_sink_request(sink, 0);
		CHECK_STR(r->path, "/hook");
		CHECK(strstr(buf_str(&r->body), "2026-02-21") != NULL);
		CHECK(strstr(buf_str(&r->body), "今日看点") != NULL);
	}
	argv[15] = "down,hook2,hook"; /* hook has this digest already (the delivery log): not sent again */
	buf_clear(&err);
	CHECK_INT(test_run(argv, env, NULL, NULL, &err), 1);
	CHECK(strstr(buf_str(&err), "down") != NULL);
	CHECK_INT(http_sink_count(sink), 2); /* the working channel still got it */
	if (http_sink_count(sink) == 2)
		CHECK_STR(http_sink_request(sink, 1)->path, "/hook2");
	CHECK(fs_exists(out));
	buf_free(&err);
	http_sink_stop(sink);
}

/* The zh and en digests of a day have the same names: an en digest of 2026-02-21 into the
 * directory holding the zh one replaced it without a word. It is refused and the zh files stay
 * as they were; a directory of its own (here inside the zh one) takes it. */
static void
check_other_lang(const char *home, const char *opml, const char *out, char *const *env)
{
	char md[4200], en_dir[4200], en_md[4200];
	snprintf(md, sizeof md, "%s2026-02-21.md", out);
	struct buf before = BUF_INIT, after = BUF_INIT, err = BUF_INIT;
	test_read_file(md, &before);
	char *argv[] = {(char *)test_brief_bin(), "daily", "--home", (char *)home, "--feeds", (char *)opml, "--no-fetch",
	                "--offline", "--now", NOW, "--lang", "en", "--out", (char *)out, NULL};
	CHECK_INT(test_run(argv, env, NULL, NULL, &err), 1);
	CHECK(strstr(buf_str(&err), "zh") != NULL && strstr(buf_str(&err), "--out") != NULL);
	test_read_file(md, &after);
	CHECK_STR(buf_str(&after), buf_str(&before));
	snprintf(en_dir, sizeof en_dir, "%sen/", out);
	argv[13] = en_dir;
	buf_clear(&err);
	CHECK_INT(test_run(argv, env, NULL, NULL, &err), 0);
	snprintf(en_md, sizeof en_md, "%s2026-02-21.md", en_dir);
	CHECK(fs_exists(en_md));
	struct buf en = BUF_INIT; /* an en digest keeps the fetcher's English line alone */
	test_read_file(en_md, &en);
	CHECK(strstr(buf_str(&en), "/missing.xml): `HTTP 404 Not Found`\n") != NULL);
	buf_free(&en);
	argv[11] = "zh"; /* the zh archive still takes its own language, beside the en directory in it */
	argv[13] = (char *)out;
	CHECK_INT(test_run(argv, env, NULL, NULL, NULL), 0);
	buf_free(&before);
	buf_free(&after);
	buf_free(&err);
}

int
main(void)
{
	const char *bin_dir = getenv("BRIEF_TEST_BIN_DIR");
	const char *src = getenv("BRIEF_SRC");
	char server[4200], llm[4200], root[4200];
	snprintf(server, sizeof server, "%s/feedserver/feedserver", bin_dir ? bin_dir : ".");
	snprintf(llm, sizeof llm, "%s/llmserver/brief-llmserver", bin_dir ? bin_dir : ".");
	snprintf(root, sizeof root, "%s/tests/daily/fixtures", src ? src : ".");
	if (!fs_exists(server)) {
		fprintf(stderr, "skipped: the test feed server (%s) is not built\n", server);
		return 77;
	}
	const char *tmp = test_tmpdir();
	char port[32];
	char *sargv[] = {server, "--root", root, NULL};
	pid_t fs_pid = spawn(sargv, port, sizeof port);
	CHECK(fs_pid > 0 && port[0]);
	char opml[4200], home[4200], out[4200];
	snprintf(opml, sizeof opml, "%s/feeds.opml", tmp);
	write_opml(opml, port);

	/* Offline engine. */
	char *env_off[] = {"TZ=Asia/Shanghai", "BRIEF_LLM_BASE_URL=", "OPENAI_API_KEY=", "BRIEF_CONFIG=/dev/null", NULL};
	snprintf(home, sizeof home, "%s/home-offline", tmp);
	snprintf(out, sizeof out, "%s/out-offline/", tmp);
	struct buf err = BUF_INIT;
	int rc = daily(home, opml, out, env_off, "--offline", &err);
	if (rc != 0)
		fprintf(stderr, "brief daily failed (%d):\n%s", rc, buf_str(&err));
	CHECK_INT(rc, 0);
	if (rc == 0) {
		check_run("e2e-offline", out, port);
		check_stored(home);
		/* The zh digest says in Chinese why a feed failed, the server's answer kept. */
		char path[4200];
		struct buf md = BUF_INIT;
		snprintf(path, sizeof path, "%s2026-02-21.md", out);
		test_read_file(path, &md);
		CHECK(strstr(buf_str(&md), "/missing.xml): 页面不存在（`HTTP 404 Not Found`）\n") != NULL);
		CHECK(strstr(buf_str(&md), "delay=400): 拒绝访问（`HTTP 403 Forbidden`）\n") != NULL);
		buf_free(&md);
	}

	/* --deliver: the finished digest goes to each named channel; a failing channel is
	 * reported (exit 1) and does not stop the others. */
	if (rc == 0)
		check_deliver(home, opml, env_off);
	if (rc == 0)
		check_other_lang(home, opml, out, env_off);

	/* An empty window exits 3. */
	char *argv_empty[] = {(char *)test_brief_bin(), "daily", "--home", home, "--no-fetch", "--now",
	                      "2027-01-01T00:00:00Z", NULL};
	CHECK_INT(test_run(argv_empty, env_off, NULL, NULL, NULL), 3);

	/* The LLM stand-in: golden output, then a rerun with zero LLM requests. */
	if (fs_exists(llm)) {
		char base[256];
		char *largv[] = {llm, NULL};
		pid_t llm_pid = spawn(largv, base, sizeof base);
		char base_env[300];
		snprintf(base_env, sizeof base_env, "BRIEF_LLM_BASE_URL=%s", base);
		char *env_llm[] = {"TZ=Asia/Shanghai", base_env, "BRIEF_LLM_API_KEY=test-key", "BRIEF_LLM_MODEL=stand-in",
		                   "BRIEF_CONFIG=/dev/null", NULL};
		snprintf(home, sizeof home, "%s/home-llm", tmp);
		snprintf(out, sizeof out, "%s/out-llm/", tmp);
		buf_clear(&err);
		rc = daily(home, opml, out, env_llm, NULL, &err);
		if (rc != 0)
			fprintf(stderr, "brief daily (llm) failed (%d):\n%s", rc, buf_str(&err));
		CHECK_INT(rc, 0);
		if (rc == 0) {
			check_run("e2e-llm", out, port);
			/* The stand-in opens its highlights with "今日看点：", as models do when told to
			 * write the highlights: under the heading 今日看点 the reader read the label twice. */
			char path[4200];
			struct buf md = BUF_INIT;
			snprintf(path, sizeof path, "%s/2026-02-21.md", out);
			test_read_file(path, &md);
			CHECK(strstr(buf_str(&md), "## 📝 今日看点\n\n") != NULL);
			CHECK(strstr(buf_str(&md), "## 📝 今日看点\n\n今日看点") == NULL);
			buf_free(&md);
		}
		CHECK(strstr(buf_str(&err), "test-key") == NULL);
		buf_clear(&err);
		/* The rerun (feeds answer 304, answers come from the cache) renders the same digest. */
		snprintf(out, sizeof out, "%s/out-llm-rerun/", tmp);
		rc = daily(home, opml, out, env_llm, NULL, &err);
		CHECK_INT(rc, 0);
		CHECK(strstr(buf_str(&err), "daily: 0 LLM requests") != NULL);
		if (rc == 0)
			check_run("e2e-llm", out, port);
		stop(llm_pid);
	} else {
		fprintf(stderr, "note: LLM stand-in not built; LLM golden not checked\n");
	}
	buf_free(&err);
	stop(fs_pid);
	return test_done("test_daily_e2e");
}
