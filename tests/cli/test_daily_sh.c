/* test_daily_sh.c: scripts/daily.sh, when no feed can be reached, says what to check — the
 * network, the proxy variables, the --feeds list — instead of only brief's one-line error.
 * The run reads an OPML list whose only feed is on a loopback port nobody listens on (the
 * built brief given through BRIEF=, so nothing is installed or built), first with no proxy
 * variable set, then with http_proxy pointing at another dead port. Exit 1, nothing written. */
#include <stdlib.h>
#include <string.h>

#include "netlib.h"
#include "testlib.h"
#include "util/fs.h"

static int
run(const char *opml, const char *digest, const char *home, const char *proxy, struct buf *err)
{
	char script[4200], brief_env[4200], dir_env[4200], home_env[4200], proxy_env[4200];
	snprintf(script, sizeof script, "%s/scripts/daily.sh", getenv("BRIEF_SRC") ? getenv("BRIEF_SRC") : ".");
	snprintf(brief_env, sizeof brief_env, "BRIEF=%s", test_brief_bin());
	snprintf(dir_env, sizeof dir_env, "DIGEST_DIR=%s", digest);
	snprintf(home_env, sizeof home_env, "BRIEF_HOME=%s", home);
	snprintf(proxy_env, sizeof proxy_env, "http_proxy=%s", proxy ? proxy : "");
	char *env[] = {brief_env, dir_env, home_env, "BRIEF_CONFIG=/dev/null", "BRIEF_LLM_BASE_URL=", "OPENAI_API_KEY=",
	               "TZ=UTC", proxy_env, NULL};
	char *argv[] = {"bash", script, "--feeds", (char *)opml, "--timeout", "5", NULL};
	buf_clear(err);
	return test_run(argv, env, NULL, NULL, err);
}

int
main(void)
{
	/* No proxy from the machine running the tests: the loopback request goes direct. */
	const char *vars[] = {"https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY",
	                      "no_proxy", "NO_PROXY"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
		unsetenv(vars[i]);
	const char *dir = test_tmpdir();
	char opml[4200], digest[4200], home[4200];
	snprintf(opml, sizeof opml, "%s/unreachable.opml", dir);
	snprintf(digest, sizeof digest, "%s/digest", dir);
	snprintf(home, sizeof home, "%s/home", dir);
	char doc[512];
	snprintf(doc, sizeof doc,
	         "<opml version=\"2.0\"><body><outline text=\"dead\" xmlUrl=\"http://127.0.0.1:%d/feed.xml\"/>"
	         "</body></opml>\n",
	         t_free_port());
	test_write_file(opml, doc, strlen(doc));
	struct buf err = BUF_INIT;

	CHECK_INT(run(opml, digest, home, NULL, &err), 1);
	fputs(buf_str(&err), stderr);
	const char *e = buf_str(&err);
	CHECK(strstr(e, "none of the 1 feeds could be fetched") != NULL); /* brief's own line, passed on */
	CHECK(strstr(e, "daily.sh: no feed could be reached. Check:") != NULL);
	CHECK(strstr(e, "- the network:") != NULL);
	CHECK(strstr(e, "- the proxy: no proxy variable is set") != NULL);
	char feeds_line[4400];
	snprintf(feeds_line, sizeof feeds_line, "- the feeds: %s;", opml);
	CHECK(strstr(e, feeds_line) != NULL);
	CHECK(!fs_exists(digest));

	/* With a proxy variable set: named (its value is not printed: it may hold a password). */
	char proxy[64];
	snprintf(proxy, sizeof proxy, "http://user:secret@127.0.0.1:%d", t_free_port());
	CHECK_INT(run(opml, digest, home, proxy, &err), 1);
	e = buf_str(&err);
	CHECK(strstr(e, "- the proxy: set here: http_proxy;") != NULL);
	CHECK(strstr(e, "secret") == NULL);
	CHECK(!fs_exists(digest));
	buf_free(&err);
	return test_done("test_daily_sh");
}
