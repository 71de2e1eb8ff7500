/* test_daily_budget.c: --max-tokens is the budget of the whole run (docs/cli.md), also when the
 * run catches up missed days (docs/daily.md, "Missed runs"). A store with a digest of Feb 18 is
 * run on Feb 21 with --due 08:00 against the LLM stand-in, so it writes the digests of Feb 19,
 * 20 and 21. Each day had the whole budget to itself, so a catch-up of three days could spend
 * three times what --max-tokens allows. The stand-in counts what it was asked for: measured
 * without a budget first, then a budget of half of that must not be passed. */
#include <stdio.h>
#include <string.h>

#include "llmserver.h"
#include "testlib.h"
#include "util/fs.h"
#include "wfixture.h"

/* Make home with a digest of Feb 18 (offline) and run the catch-up of Feb 19-21 with the
 * stand-in; budget 0 is none. Returns the exit status; *tokens is what the stand-in served. */
static int
catch_up(struct llmsrv *srv, const char *home, const char *out, long budget, long *tokens)
{
	wfx_make_home(home);
	struct buf o = BUF_INIT, err = BUF_INIT;
	const char *first[] = {"daily", "--home", home, "--now", "2026-02-18T09:00:00Z", "--no-fetch", "--offline",
	                       "--due", "08:00", "--out", out, NULL};
	int rc = wfx_brief(first, NULL, &o, &err);
	if (rc != 0)
		fprintf(stderr, "daily of Feb 18: exit %d\n%s", rc, buf_str(&err));
	CHECK_INT(rc, 0);
	char max[32];
	snprintf(max, sizeof max, "%ld", budget);
	const char *run[] = {"daily", "--home", home, "--now", "2026-02-21T09:00:00Z", "--no-fetch", "--due", "08:00",
	                     "--out", out, budget ? "--max-tokens" : NULL, max, NULL};
	llmsrv_reset(srv);
	buf_clear(&err);
	rc = wfx_brief(run, llmsrv_brief_env(srv), &o, &err);
	if (rc != 0)
		fprintf(stderr, "catch-up: exit %d\n%s", rc, buf_str(&err));
	CHECK(strstr(buf_str(&err), "3 missed days") == NULL); /* Feb 19 and 20, then the run's own */
	CHECK(strstr(buf_str(&err), "2 missed days") != NULL);
	struct llmsrv_stats s;
	llmsrv_get_stats(srv, &s);
	*tokens = s.prompt_tokens + s.completion_tokens;
	buf_free(&o);
	buf_free(&err);
	return rc;
}

int
main(void)
{
	struct llmsrv_opts so = {0};
	struct llmsrv *srv = llmsrv_start(&so);
	CHECK(srv != NULL);
	if (!srv)
		return test_done("test_daily_budget");
	char home[4200], out[4200];
	long whole = 0, spent = 0;
	snprintf(home, sizeof home, "%s/home-free", test_tmpdir());
	snprintf(out, sizeof out, "%s/out-free/", test_tmpdir());
	CHECK_INT(catch_up(srv, home, out, 0, &whole), 0);
	CHECK(whole > 0);
	long budget = whole / 2;
	snprintf(home, sizeof home, "%s/home-budget", test_tmpdir());
	snprintf(out, sizeof out, "%s/out-budget/", test_tmpdir());
	CHECK_INT(catch_up(srv, home, out, budget, &spent), 0); /* past the budget the offline engine writes */
	if (spent > budget)
		fprintf(stderr, "the catch-up spent %ld tokens of a budget of %ld (%ld without one)\n", spent, budget,
		        whole);
	CHECK(spent <= budget);
	CHECK(spent > 0);
	/* Each day still has a digest. */
	static const char *const days[] = {"2026-02-19", "2026-02-20", "2026-02-21"};
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		char path[4400];
		snprintf(path, sizeof path, "%s%s.md", out, days[i]);
		CHECK(fs_exists(path));
	}
	llmsrv_stop(srv);
	return test_done("test_daily_budget");
}
