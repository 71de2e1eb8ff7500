/* test_cli_usage.c: a flag whose value a command cannot use is a usage error (exit 2, docs/cli.md)
 * that says what the flag wants, and it is found before the command does anything: no state
 * directory is made. Each case runs the brief binary with a fresh --home that must not exist
 * afterwards. Flags whose defaults come from the config ([fetch], [serve], [store]) are checked
 * as given before the config is read. */
#include <string.h>
#include <unistd.h>

#include "netlib.h"
#include "testlib.h"

struct usage_case {
	const char *args[6]; /* the command and its arguments, NULL-terminated */
	const char *says;    /* a fragment of the message */
};

static const struct usage_case cases[] = {
	{{"fetch", "--concurrency", "0"}, "--concurrency wants a whole number from 1 to 1000"},
	{{"fetch", "--timeout", "-1"}, "--timeout wants a whole number from 1 to 3600"},
	{{"fetch", "--per-host", "0"}, "--per-host wants a whole number from 1 to 64"},
	{{"fetch", "--deadline", "soon"}, "--deadline wants a whole number from 1 to 86400"},
	{{"daily", "--no-fetch", "--concurrency", "0"}, "--concurrency wants"},
	{{"daily", "--no-fetch", "--timeout", "0"}, "--timeout wants"},
	{{"daily", "--no-fetch", "--hours", "0"}, "--hours wants a whole number"},
	{{"daily", "--no-fetch", "--format", "pdf"}, "--format wants md, html, json or wechat"},
	{{"daily", "--no-fetch", "--lang", "de"}, "--lang wants zh or en"},
	{{"weekly", "--no-fetch", "--concurrency", "0"}, "--concurrency wants"},
	{{"weekly", "--no-fetch", "--days", "0"}, "--days wants a whole number from 1 to 366"},
	{{"weekly", "--no-fetch", "--front-matter", "wordpress"}, "--front-matter wants jekyll, hugo or none"},
	{{"daily", "--no-fetch", "--site", "/nonexistent/site", "--front-matter", "none"}, "--site needs Jekyll or Hugo"},
	{{"weekly", "--no-fetch", "--site", "/nonexistent/site", "--front-matter", "none"}, "--site needs Jekyll or Hugo"},
	{{"article", "--top", "0"}, "--top wants a whole number from 1 to 50"},
	{{"article", "s0123456789ab", "--top", "2"}, "give one STORY"},
	{{"article"}, "give one STORY"},
	{{"article", "--top", "2"}, "--top writes several articles: give --out DIR/"},
	{{"article", "s0123456789ab", "--min-chars", "500", "--max-chars", "100"}, "--min-chars is larger"},
	{{"serve", "--listen", "nonsense:port"}, "--listen wants HOST:PORT"},
	{{"serve", "--listen", "[::1:8080"}, "--listen wants HOST:PORT"},
	{{"serve", "--token", "short"}, "16 to 256 characters"},
	{{"prune", "--keep-days", "a month"}, "--keep-days wants a whole number"},
	{{"prune"}, "say how many days to keep: --keep-days N, or [store] keep_days"},
	{{"weekly", "--no-fetch", "--issue", "first"}, "--issue wants a whole number from 1 to 999999"},
	{{"weekly", "--no-fetch", "--issue", "0"}, "--issue wants a whole number from 1 to 999999"},
};

int
main(void)
{
	struct buf err = BUF_INIT;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *const *a = cases[i].args;
		char home[4200];
		snprintf(home, sizeof home, "%s/never-made-%zu", t_subdir("usage"), i);
		buf_clear(&err);
		int rc = t_brief(NULL, NULL, &err, a[0], "--home", home, a[1], a[2], a[3], a[4], a[5], NULL);
		int said = strstr(buf_str(&err), cases[i].says) != NULL;
		int made = access(home, F_OK) == 0;
		if (rc != 2 || !said || made)
			fprintf(stderr, "brief %s %s %s: exit %d, home %s\n%s", a[0], a[1] ? a[1] : "", a[2] ? a[2] : "", rc,
			        made ? "made" : "not made", buf_str(&err));
		CHECK_INT(rc, 2);
		CHECK(said);
		CHECK(!made);
	}
	buf_free(&err);
	return test_done("test_cli_usage");
}
