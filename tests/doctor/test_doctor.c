/* test_doctor.c: `brief doctor` run as a user would, against real stores (fresh, filled,
 * corrupt, from the future), config files (fine, broken), an LLM stand-in on loopback
 * (answering, refusing the key, absent) and delivery channels (complete, incomplete). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../deliver/sinks.h"
#include "store/store.h"
#include "testlib.h"
#include "util/fs.h"

static char home_env[600], cfg_env[600], xdg_env[600];
static char base_env[300];

static const char *doctor_flag; /* one more argument for doctor(), or NULL */

/* Run `brief doctor` with the test's environment plus extra (NULL-terminated, may be NULL). */
static int
doctor(const char *home, const char *config, const char *const *extra, struct buf *out)
{
	char *argv[] = {(char *)test_brief_bin(), "doctor", "--home", (char *)home, (char *)doctor_flag, NULL, NULL};
	char *env[32];
	size_t n = 0;
	snprintf(home_env, sizeof home_env, "HOME=%s", test_tmpdir());
	snprintf(xdg_env, sizeof xdg_env, "XDG_CONFIG_HOME=%s/xdg", test_tmpdir());
	snprintf(cfg_env, sizeof cfg_env, "BRIEF_CONFIG=%s", config ? config : "");
	env[n++] = home_env;
	env[n++] = xdg_env;
	env[n++] = cfg_env;
	/* Whatever the machine running the tests has set must not leak in. */
	static char *const clear[] = {"BRIEF_LLM_BASE_URL=", "BRIEF_LLM_API_KEY=", "BRIEF_LLM_MODEL=",
	                              "BRIEF_LLM_PROVIDER=", "OPENAI_API_KEY=",    "OPENAI_API_BASE=",
	                              "OPENAI_BASE_URL=",    "OPENAI_MODEL=",      "GEMINI_API_KEY="};
	for (size_t i = 0; i < sizeof clear / sizeof clear[0]; i++)
		env[n++] = clear[i];
	for (size_t i = 0; extra && extra[i]; i++)
		env[n++] = (char *)extra[i];
	env[n] = NULL;
	buf_clear(out);
	struct buf err = BUF_INIT;
	int rc = test_run(argv, env, NULL, out, &err);
	buf_puts(out, buf_str(&err));
	buf_free(&err);
	return rc;
}

static int
has(const struct buf *b, const char *s)
{
	return strstr(buf_str(b), s) != NULL;
}

static void
write_text(const char *path, const char *text)
{
	test_write_file(path, text, strlen(text));
}

static void
make_store(const char *home)
{
	char db[600];
	snprintf(db, sizeof db, "%s/brief.db", home);
	mkdir(home, 0700);
	struct store st;
	struct err e = {""};
	if (store_open(&st, db, &e) < 0 ||
	    store_exec(&st,
	               "INSERT INTO sources(id, url, added_at, last_success_at) VALUES (1, 'https://a.example/f', 0, "
	               "1771650000), (2, 'https://b.example/f', 0, NULL);"
	               "UPDATE sources SET consecutive_failures = 3 WHERE id = 2;"
	               "INSERT INTO items(source_id, dedupe_key, title, first_seen, content_hash) VALUES"
	               " (1, 'g:1', 'a', 0, 'h'), (1, 'g:2', 'b', 0, 'h'), (2, 'g:3', 'c', 0, 'h');",
	               &e) < 0) {
		fprintf(stderr, "fixture: %s\n", e.msg);
		exit(1);
	}
	store_close(&st);
}

static void
test_store_and_config(void)
{
	char home[512], path[600];
	struct buf out = BUF_INIT;

	/* A new user: nothing yet, no LLM. Usable. */
	snprintf(home, sizeof home, "%s/fresh", test_tmpdir());
	CHECK_INT(doctor(home, NULL, NULL, &out), 0);
	CHECK(has(&out, "does not exist yet"));
	CHECK(has(&out, "no config file"));
	/* ... and where to write one: the file brief looked for, under $XDG_CONFIG_HOME (set to
	 * TMP/xdg here), not ~/.config, which brief would not read */
	char where[700];
	snprintf(where, sizeof where, "%s/xdg/brief/config)", test_tmpdir());
	CHECK(has(&out, where));
	CHECK(!has(&out, "~/.config/brief/config"));
	CHECK(has(&out, "result: usable"));

	/* A filled store: schema, integrity and counts. */
	snprintf(home, sizeof home, "%s/filled", test_tmpdir());
	make_store(home);
	CHECK_INT(doctor(home, NULL, NULL, &out), 0);
	char want[64];
	snprintf(want, sizeof want, "schema %d, integrity ok", store_schema_version());
	CHECK(has(&out, want));
	CHECK(has(&out, "2 sources (1 failing), 3 items, 0 reports; last fetch 2026-02-21T05:00:00Z"));
	CHECK(!has(&out, "no sources of your own"));

	/* Only the built-in list stored (as the first brief fetch leaves it): still none of the
	 * user's own, and doctor says so (it did only while the table was empty). */
	snprintf(home, sizeof home, "%s/builtin", test_tmpdir());
	snprintf(path, sizeof path, "%s/brief.db", home);
	mkdir(home, 0700);
	struct store bst;
	struct err be = {""};
	CHECK(store_open(&bst, path, &be) == 0);
	CHECK(
	    store_exec(&bst,
	               "INSERT INTO sources(url, added_at, is_default) VALUES ('https://a.example/f', 0, 1), "
	               "('https://b.example/f', 0, 1)",
	               &be) == 0);
	store_close(&bst);
	CHECK_INT(doctor(home, NULL, NULL, &out), 0);
	CHECK(has(&out, "2 sources (0 failing)"));
	CHECK(has(&out, "no sources of your own: brief fetch uses the built-in list of 92 blogs"));

	/* A broken config file: reported with its line, the rest still checked, exit 1. */
	snprintf(path, sizeof path, "%s/bad.conf", test_tmpdir());
	write_text(path, "[llm]\nmodel = x\nthis line has no equals sign\n");
	CHECK_INT(doctor(home, path, NULL, &out), 1);
	CHECK(has(&out, "FAIL  config") && has(&out, "bad.conf:3"));
	CHECK(has(&out, "integrity ok"));
	CHECK(has(&out, "result: not usable (1 problem)"));

	/* Not a database. */
	snprintf(home, sizeof home, "%s/corrupt", test_tmpdir());
	mkdir(home, 0700);
	snprintf(path, sizeof path, "%s/brief.db", home);
	write_text(path, "this is not an SQLite database, just text that is long enough to look like a header");
	CHECK_INT(doctor(home, NULL, NULL, &out), 1);
	CHECK(has(&out, "FAIL  store"));

	/* A store with a damaged page (the sources table's root overwritten, as a failing disk
	 * leaves it): SQLite's report of it ran over two lines, the second without a tag, and
	 * the counts read from the damaged table were shown as facts ("0 sources (-1 failing)").
	 * Every line is one check now, and the counts are not shown. */
	snprintf(home, sizeof home, "%s/damaged", test_tmpdir());
	make_store(home);
	snprintf(path, sizeof path, "%s/brief.db", home);
	sqlite3 *raw;
	CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
	sqlite3_exec(raw, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	sqlite3_stmt *q;
	int root = 0, page = 0;
	CHECK(sqlite3_prepare_v2(raw, "SELECT (SELECT rootpage FROM sqlite_master WHERE name = 'sources'), "
	                              "(SELECT page_size FROM pragma_page_size)", -1, &q, NULL) == SQLITE_OK);
	if (sqlite3_step(q) == SQLITE_ROW) {
		root = sqlite3_column_int(q, 0);
		page = sqlite3_column_int(q, 1);
	}
	sqlite3_finalize(q);
	sqlite3_close(raw);
	CHECK(root > 1 && page > 0);
	struct buf file = BUF_INIT;
	test_read_file(path, &file);
	if (root > 1 && page > 0 && file.len >= (size_t)root * (size_t)page)
		memset(file.data + (size_t)(root - 1) * (size_t)page, 'Z', (size_t)page);
	test_write_file(path, file.data, file.len);
	buf_free(&file);
	CHECK_INT(doctor(home, NULL, NULL, &out), 1);
	CHECK(has(&out, "FAIL  store") && has(&out, "fails its integrity check"));
	CHECK(has(&out, "counts not shown"));
	CHECK(!has(&out, "(-1 failing)") && !has(&out, " sources ("));
	for (const char *ln = buf_str(&out); *ln; ln = strchr(ln, '\n') ? strchr(ln, '\n') + 1 : ln + strlen(ln)) {
		int tagged = !strncmp(ln, "ok ", 3) || !strncmp(ln, "info ", 5) || !strncmp(ln, "warn ", 5) ||
		             !strncmp(ln, "FAIL ", 5) || !strncmp(ln, "brief ", 6) || !strncmp(ln, "result: ", 8);
		if (!tagged)
			fprintf(stderr, "a line without a check's tag: %.*s\n", (int)strcspn(ln, "\n"), ln);
		CHECK(tagged);
	}

	/* A store from a newer brief. */
	snprintf(home, sizeof home, "%s/future", test_tmpdir());
	make_store(home);
	snprintf(path, sizeof path, "%s/brief.db", home);
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	CHECK_INT(doctor(home, NULL, NULL, &out), 1);
	CHECK(has(&out, "schema version 99, newer than this brief"));
	buf_free(&out);
}

static void
test_delivery(void)
{
	char home[512], path[600];
	struct buf out = BUF_INIT;
	snprintf(home, sizeof home, "%s/fresh", test_tmpdir());
	snprintf(path, sizeof path, "%s/deliver.conf", test_tmpdir());
	write_text(path, "[deliver \"team\"]\ntype = slack\nurl = https://hooks.slack.com/services/T/B/SECRETHOOK\n"
	                 "[deliver \"tg\"]\ntype = telegram\nbot_token = 1:SECRETTOKEN\n");
	CHECK_INT(doctor(home, path, NULL, &out), 1);
	CHECK(has(&out, "ok    deliver   team (slack)"));
	CHECK(has(&out, "FAIL  deliver   deliver tg (telegram): missing \"chat_id\""));
	CHECK(!has(&out, "SECRETHOOK") && !has(&out, "SECRETTOKEN"));
	buf_free(&out);
}

/* A key brief does not read (misspelt) is ignored by every command (with a warning on stderr),
 * so the setting keeps its default: the doctor names it, as a warning (brief stays usable); a config whose
 * keys are all real, in any case, gets none. */
static void
test_unknown_keys(void)
{
	char home[512], path[600];
	struct buf out = BUF_INIT;
	snprintf(home, sizeof home, "%s/fresh", test_tmpdir());
	snprintf(path, sizeof path, "%s/typo.conf", test_tmpdir());
	write_text(path, "[fetch]\nconcurency = 8\nTimeout = 20\n[LLM]\napi-key = sk-SECRETKEY\nmodel = m\n"
	                 "[deliver \"team\"]\ntype = slack\nurl = https://hooks.slack.com/services/T/B/X\n"
	                 "timeout = 30\nurll = https://x.example/\n[delivr \"t\"]\ntype = slack\n"
	                 "[weekly]\ntitle = T\nentities = A=b\n[Brand]\nline = x\n");
	CHECK_INT(doctor(home, path, NULL, &out), 0);
	if (!has(&out, "warn  config    [fetch] concurency"))
		fprintf(stderr, "%s", buf_str(&out));
	CHECK(has(&out, "warn  config    [fetch] concurency: not a key brief reads (misspelt?); ignored"));
	CHECK(has(&out, "warn  config    [llm] api-key: not a key brief reads"));
	CHECK(has(&out, "warn  config    [deliver \"team\"] urll: not a key brief reads"));
	CHECK(has(&out, "warn  config    [delivr \"t\"] type: not a key brief reads"));
	CHECK(!has(&out, "SECRETKEY"));
	CHECK(!has(&out, "] timeout") && !has(&out, "] model") && !has(&out, "] title") && !has(&out, "] entities") &&
	      !has(&out, "] line") && !has(&out, "[deliver \"team\"] type") && !has(&out, "[deliver \"team\"] url:"));
	CHECK(has(&out, "result: usable (with warnings)"));
	/* every key of brief.conf(5)'s example: no warning */
	snprintf(path, sizeof path, "%s/good.conf", test_tmpdir());
	write_text(path, "[llm]\nprovider = qwen\nmodel = qwen-plus\n[fetch]\nconcurrency = 32\ntimeout = 20\n"
	                 "[interests]\ntopics = sqlite, rust, llm\n[weekly]\ntitle = Tech Weekly $2\nfront_matter = hugo\n"
	                 "[deliver \"feishu\"]\ntype = feishu\nurl = https://open.feishu.cn/x\nsecret = s\n");
	CHECK_INT(doctor(home, path, NULL, &out), 0);
	CHECK(!has(&out, "warn  config"));
	CHECK(has(&out, "result: usable\n"));
	buf_free(&out);
}

static void
test_llm(void)
{
	char home[512];
	struct buf out = BUF_INIT;
	snprintf(home, sizeof home, "%s/fresh", test_tmpdir());
	CHECK_INT(doctor(home, NULL, NULL, &out), 0);
	CHECK(has(&out, "offline engine"));

	struct http_sink *sink = http_sink_start();
	snprintf(base_env, sizeof base_env, "BRIEF_LLM_BASE_URL=http://127.0.0.1:%d/v1", http_sink_port(sink));
	const char *env[] = {base_env, "BRIEF_LLM_API_KEY=sk-test-SECRETKEY", "BRIEF_LLM_MODEL=m1", NULL};
	http_sink_answer(sink, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"m0\"},{\"id\":\"m1\"}]}", 0);
	CHECK_INT(doctor(home, NULL, env, &out), 0);
	CHECK(has(&out, "model m1") && has(&out, "API key set"));
	CHECK(has(&out, "reachable: GET /models answered") && has(&out, "model listed"));
	CHECK(!has(&out, "SECRETKEY"));
	const struct sink_request *r = http_sink_request(sink, 0);
	char auth[128];
	CHECK(r && strcmp(r->path, "/v1/models") == 0);
	CHECK(r && sink_header(r, "Authorization", auth, sizeof auth) == 0 &&
	      strcmp(auth, "Bearer sk-test-SECRETKEY") == 0);

	/* The model is not among those listed: a warning, still usable. */
	const char *env2[] = {base_env, "BRIEF_LLM_API_KEY=sk-test-SECRETKEY", "BRIEF_LLM_MODEL=other", NULL};
	CHECK_INT(doctor(home, NULL, env2, &out), 0);
	CHECK(has(&out, "warn  llm") && has(&out, "model other is not among the 2"));

	/* A web page at the base URL (a chat UI, a proxy's login page) answers 200 to any path:
	 * it was "reachable", result usable, and every chat request of the daily then failed. */
	http_sink_answer(sink, 200, "<!doctype html><html><head><title>Chat</title></head><body></body></html>", 0);
	CHECK_INT(doctor(home, NULL, env, &out), 1);
	CHECK(has(&out, "FAIL  llm") && has(&out, "not a JSON object"));
	CHECK(!has(&out, "reachable: GET /models answered"));

	/* The key is refused. */
	http_sink_answer(sink, 401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-SECRETKEY\"}}", 0);
	CHECK_INT(doctor(home, NULL, env, &out), 1);
	CHECK(has(&out, "HTTP 401: the API key is missing or rejected"));
	CHECK(!has(&out, "SECRETKEY"));

	/* Nobody listening. */
	http_sink_stop(sink);
	CHECK_INT(doctor(home, NULL, env, &out), 1);
	CHECK(has(&out, "FAIL  llm") && has(&out, "cannot reach http://127.0.0.1:"));
	CHECK(!has(&out, "SECRETKEY"));
	/* --no-network skips it. */
	char *argv[] = {(char *)test_brief_bin(), "doctor", "--home", home, "--no-network", NULL};
	char *envp[] = {base_env, "BRIEF_LLM_API_KEY=sk-test-SECRETKEY", "BRIEF_LLM_MODEL=m1", home_env, xdg_env,
	                "BRIEF_CONFIG=", NULL};
	buf_clear(&out);
	CHECK_INT(test_run(argv, envp, NULL, &out, NULL), 0);
	CHECK(has(&out, "reachability not checked"));
	buf_free(&out);
}

/* A state directory that does not exist is reported, not made: `brief doctor --home /typo`
 * made /typo (and said "ok home"), as if the run were real. Where it cannot be made (under
 * a file) is a failure. */
static void
test_missing_home(void)
{
	char home[600], under_file[700], file[650];
	snprintf(home, sizeof home, "%s/not/yet/home", test_tmpdir());
	struct buf out = BUF_INIT;
	CHECK_INT(doctor(home, NULL, NULL, &out), 0);
	CHECK(has(&out, "does not exist yet"));
	CHECK(!fs_exists(home));
	snprintf(file, sizeof file, "%s/plainfile", test_tmpdir());
	write_text(file, "x");
	snprintf(under_file, sizeof under_file, "%s/home", file);
	CHECK_INT(doctor(under_file, NULL, NULL, &out), 1);
	CHECK(has(&out, "FAIL  home"));
	buf_free(&out);
}

/* A full-text index out of step with the items (an item's entry gone, an entry without an
 * item) fails the check, which PRAGMA quick_check alone passed (FTS5's index is ordinary
 * tables to it), and --repair rebuilds it: searches then find exactly the items. */
static void
test_index_out_of_step(void)
{
	char home[512], db[600];
	snprintf(home, sizeof home, "%s/index", test_tmpdir());
	snprintf(db, sizeof db, "%s/brief.db", home);
	make_store(home);
	struct store st;
	struct err e = {""};
	CHECK(store_open(&st, db, &e) == 0);
	CHECK(store_exec(&st,
	                 "INSERT INTO items_fts(items_fts, rowid, title, text)"
	                 "  SELECT 'delete', id, title, text FROM items_doc WHERE title = 'a';"
	                 "INSERT INTO items_fts(rowid, title, text) VALUES (999, 'ghost', 'ghost words');",
	                 &e) == 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'a OR ghost'"), 1);
	store_close(&st);
	struct buf out = BUF_INIT;
	CHECK_INT(doctor(home, NULL, NULL, &out), 1);
	CHECK(has(&out, "integrity ok")); /* SQLite's own check sees nothing wrong */
	CHECK(has(&out, "full-text index is out of step with the items (1 not in it, 1 entries without an item)"));
	CHECK(has(&out, "brief doctor --repair"));
	doctor_flag = "--repair";
	CHECK_INT(doctor(home, NULL, NULL, &out), 0);
	doctor_flag = NULL;
	CHECK(has(&out, "full-text index rebuilt"));
	CHECK(!has(&out, "out of step"));
	CHECK_INT(doctor(home, NULL, NULL, &out), 0);
	CHECK(!has(&out, "out of step"));
	CHECK(store_open(&st, db, &e) == 0);
	CHECK(store_exec(&st, "INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)", &e) == 0);
	CHECK_INT(test_query_int(&st, "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'a OR ghost'"), 1);
	CHECK_INT(test_query_int(&st, "SELECT rowid FROM items_fts WHERE items_fts MATCH 'a'"),
	          test_query_int(&st, "SELECT id FROM items WHERE title = 'a'"));
	store_close(&st);
	buf_free(&out);
}

int
main(void)
{
	test_missing_home();
	test_store_and_config();
	test_index_out_of_step();
	test_delivery();
	test_unknown_keys();
	test_llm();
	return test_done("test_doctor");
}
