/* test_cli_out.c: `--out` into a place the report cannot be written is said before any work
 * (docs/cli.md, "Output files"): `daily`, `weekly` and `article` exit 1 naming the place, with
 * no request made to a feed, no state directory made, nothing written. Before, a missing
 * directory failed only after the fetch and the model's calls, when the file was written. */
#include <string.h>
#include <unistd.h>

#include "netlib.h"
#include "testlib.h"
#include "util/buf.h"
#include "util/fs.h"

static const char *now = "2026-02-21T12:00:00Z";

/* brief CMD --home home --out out [extra] against a store subscribed to the feed server's
 * /rss.xml: exit 1, stderr holding says, and the feed never requested (the fetch did not run). */
static void
refused_before_fetch(const struct fsrv *srv, const char *home, const char *cmd, const char *extra,
                     const char *out, const char *says)
{
	struct buf err = BUF_INIT;
	fsrv_reset(srv);
	int rc = t_brief(NULL, NULL, &err, cmd, "--home", home, "--now", now, "--out", out, extra, NULL);
	long requests = 0;
	int fetched = fsrv_stat(srv, "/rss.xml", &requests, NULL, NULL, NULL) == 0 && requests > 0;
	int said = strstr(buf_str(&err), says) != NULL;
	if (rc != 1 || !said || fetched)
		fprintf(stderr, "brief %s --out %s: exit %d, feed %s, want \"%s\"\n%s", cmd, out, rc,
		        fetched ? "fetched" : "not fetched", says, buf_str(&err));
	CHECK_INT(rc, 1);
	CHECK(said);
	CHECK(!fetched);
	CHECK(access(out, F_OK) != 0);
	buf_free(&err);
}

int
main(void)
{
	const char *home = t_subdir("home");
	const char *tmp = t_subdir("out");
	struct fsrv srv;
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "add", fsrv_url(&srv, "/rss.xml"), "--home", home, NULL), 0);

	char missing[4200], under_file[4200], file[4200], dir_under_file[4200];
	snprintf(missing, sizeof missing, "%s/no-such-dir/report.md", tmp);
	snprintf(file, sizeof file, "%s/plain-file", tmp);
	t_write_in(tmp, "plain-file", "x");
	snprintf(under_file, sizeof under_file, "%s/report.md", file);
	snprintf(dir_under_file, sizeof dir_under_file, "%s/site/", file);
	const char *cmds[] = {"daily", "weekly"};
	for (size_t i = 0; i < 2; i++) {
		refused_before_fetch(&srv, home, cmds[i], NULL, missing, "no directory");
		refused_before_fetch(&srv, home, cmds[i], NULL, under_file, "is not a directory");
		refused_before_fetch(&srv, home, cmds[i], NULL, dir_under_file, "is not a directory");
	}
	/* article asks for nothing over the network but the model: refused before the store is read */
	refused_before_fetch(&srv, home, "article", "s0123456789ab", missing, "no directory");
	refused_before_fetch(&srv, home, "article", "--top=1", dir_under_file, "is not a directory");

	/* No state directory is made for a run refused so. */
	char fresh[4200];
	snprintf(fresh, sizeof fresh, "%s/never-made", tmp);
	CHECK_INT(t_brief(NULL, NULL, NULL, "daily", "--no-fetch", "--home", fresh, "--out", missing, NULL), 1);
	CHECK(access(fresh, F_OK) != 0);

	/* A directory to be made (a path ending in /, under an existing directory) and a file in an
	 * existing directory are fine: the run goes on and writes. */
	char made[4200], one[4200];
	snprintf(made, sizeof made, "%s/new/deeper/", tmp);
	snprintf(one, sizeof one, "%s/today.md", tmp);
	CHECK_INT(t_brief(NULL, NULL, NULL, "daily", "-q", "--home", home, "--now", now, "--out", made, NULL), 0);
	CHECK(fs_is_dir(made));
	CHECK_INT(t_brief(NULL, NULL, NULL, "daily", "-q", "--no-fetch", "--home", home, "--now", now, "--out", one,
	                  NULL),
	          0);
	CHECK(access(one, F_OK) == 0);
	fsrv_stop(&srv);
	return test_done("test_cli_out");
}
