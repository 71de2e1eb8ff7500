/* test_secrets.c: credentials in feed URLs and in the LLM endpoint never reach an output.
 * Feeds subscribed as http://alice:hunter2@.../?token=s3cr3tTok (one served, one failing with
 * 404) go through `feeds add`, `feeds list` (text and JSON), `fetch` (stderr progress, text
 * summary, --json), `daily` (Markdown, HTML, JSON) and `doctor` with a password in
 * BRIEF_LLM_BASE_URL; none of the outputs may contain the password or the tokens, while the
 * store keeps the real URL (it needs it to fetch). Plus the redactor's own table. */
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "netlib.h"
#include "testlib.h"
#include "util/redact.h"

static struct fsrv srv;

static void
test_redact_table(void)
{
	static const char *const cases[][2] = {
		{"https://user:pass@host/feed?token=abc&page=2", "https://***@host/feed?token=***&page=2"},
		{"http://host/x?API_KEY=1&apikey=2&key=3&sig=4&X-Amz-Signature=5&X-Amz-Credential=6",
		 "http://host/x?API_KEY=***&apikey=***&key=***&sig=***&X-Amz-Signature=***&X-Amz-Credential=***"},
		{"http://host/x?author=me&keyword=c&page=1", "http://host/x?author=me&keyword=c&page=1"},
		{"http://host/cb#access_token=zz&state=1", "http://host/cb#access_token=***&state=1"},
		{"http://a@b@host:8080/p", "http://***@host:8080/p"},
		{"http://host/p/with@sign?q=1", "http://host/p/with@sign?q=1"},
		{"redirect loop: https://u:p@h/a?token=t -> https://u:p@h/b", "redirect loop: https://***@h/a?token=*** -> https://***@h/b"},
		/* a URL inside another (a proxy's path or a query value) is redacted as a URL; ';'
		 * separates query parameters as '&' does: both were shown whole */
		{"https://r.jina.ai/https://user:pw@host/feed", "https://r.jina.ai/https://***@host/feed"},
		{"https://bridge/?action=display&url=https://user:pw@host/feed?token=abc",
		 "https://bridge/?action=display&url=https://***@host/feed?token=***"},
		{"https://proxy/?u=https://h/x?token=abc&page=2", "https://proxy/?u=https://h/x?token=***&page=2"},
		{"http://host/x?a=1;token=abc;b=2", "http://host/x?a=1;token=***;b=2"},
		{"no url here: a://", "no url here: a://"},
		{"://x?token=1", "://x?token=1"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = BUF_INIT;
		redact_append(&b, cases[i][0]);
		CHECK_STR(buf_str(&b), cases[i][1]);
		buf_free(&b);
	}
	char s[64] = "key sk-abcdef and sk-abcdef again";
	redact_secret(s, "sk-abcdef");
	CHECK_STR(s, "key *** and *** again");
	redact_secret(s, "ab"); /* too short to redact */
	CHECK_STR(s, "key *** and *** again");
	char small[24] = "x http://u:pw@h/?a=1";
	redact_inplace(small, sizeof small);
	CHECK_STR(small, "x http://***@h/?a=1");
}

static const char *const secrets[] = {"hunter2", "s3cr3tTok", "llmPassw0rd", "alice:", "bob:"};

/* No secret in text; names what leaked where. */
static void
check_clean(const char *what, const struct buf *text)
{
	for (size_t i = 0; i < sizeof secrets / sizeof secrets[0]; i++) {
		const char *hit = strstr(buf_str(text), secrets[i]);
		if (hit)
			fprintf(stderr, "  %s shows \"%s\": ...%.80s\n", what, secrets[i], hit > buf_str(text) + 40 ? hit - 40 : buf_str(text));
		CHECK(hit == NULL);
	}
}

static void
test_outputs(void)
{
	const char *home = t_subdir("home");
	char ok_url[256], bad_url[256];
	snprintf(ok_url, sizeof ok_url, "http://alice:hunter2@127.0.0.1:%d/gen/creds?token=s3cr3tTok&items=3", srv.port);
	snprintf(bad_url, sizeof bad_url, "http://bob:hunter2@127.0.0.1:%d/missing.xml?api_key=s3cr3tTok", srv.port);
	char *env[] = {"BRIEF_CONFIG=/dev/null", "BRIEF_LLM_BASE_URL=http://llmuser:llmPassw0rd@127.0.0.1:1/v1",
	               "BRIEF_LLM_API_KEY=", "OPENAI_API_KEY=", "TZ=UTC", NULL};
	struct buf out = BUF_INIT, err = BUF_INIT;
	CHECK_INT(t_brief(env, &out, &err, "feeds", "add", ok_url, "--home", home, NULL), 0);
	CHECK_INT(t_brief(env, &out, &err, "feeds", "add", bad_url, "--home", home, NULL), 0);
	check_clean("feeds add", &out);
	check_clean("feeds add (stderr)", &err);
	buf_clear(&out);
	buf_clear(&err);
	CHECK_INT(t_brief(env, &out, &err, "feeds", "list", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&out), "/gen/creds?token=***") != NULL);
	CHECK_INT(t_brief(env, &out, &err, "feeds", "list", "--json", "--home", home, NULL), 0);
	check_clean("feeds list", &out);
	buf_clear(&out);
	CHECK_INT(t_brief(env, &out, &err, "fetch", "--timeout", "60", "-v", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&out), "HTTP 404") != NULL || strstr(buf_str(&err), "HTTP 404") != NULL);
	CHECK_INT(t_brief(env, &out, &err, "fetch", "--json", "--timeout", "60", "--home", home, NULL), 0);
	check_clean("fetch", &out);
	check_clean("fetch (stderr)", &err);
	buf_clear(&out);
	buf_clear(&err);
	char dir[4200];
	snprintf(dir, sizeof dir, "%s/out/", home);
	CHECK_INT(t_brief(env, &out, &err, "daily", "--offline", "--now", "2026-02-03T00:00:00Z", "--hours", "72", "--out",
	                dir, "--timeout", "60", "--home", home, NULL),
	          0);
	check_clean("daily (stderr)", &err);
	const char *exts[] = {"md", "html", "json"};
	for (int i = 0; i < 3; i++) {
		char path[4300];
		snprintf(path, sizeof path, "%s2026-02-03.%s", dir, exts[i]);
		struct buf file = BUF_INIT;
		test_read_file(path, &file);
		check_clean(path, &file);
		if (i < 2) /* the failing feed is listed, redacted */
			CHECK(strstr(buf_str(&file), "missing.xml?api_key=***") != NULL);
		buf_free(&file);
	}
	buf_clear(&out);
	buf_clear(&err);
	t_brief(env, &out, &err, "doctor", "--home", home, NULL);
	check_clean("doctor", &out);
	check_clean("doctor (stderr)", &err);
	CHECK(strstr(buf_str(&out), "***@127.0.0.1:1/v1") != NULL || strstr(buf_str(&err), "***@127.0.0.1:1/v1") != NULL);
	/* the store keeps the real URLs */
	char db[4300];
	snprintf(db, sizeof db, "%s/brief.db", home);
	sqlite3 *h = NULL;
	sqlite3_stmt *s = NULL;
	CHECK(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(h, "SELECT count(*) FROM sources WHERE url IN (?1, ?2)", -1, &s, NULL) == SQLITE_OK);
	sqlite3_bind_text(s, 1, ok_url, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, bad_url, -1, SQLITE_STATIC);
	CHECK(sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 2);
	sqlite3_finalize(s);
	sqlite3_close(h);
	buf_free(&out);
	buf_free(&err);
}

int
main(void)
{
	test_redact_table();
	t_need_parser();
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	test_outputs();
	fsrv_stop(&srv);
	return test_done("test_secrets");
}
