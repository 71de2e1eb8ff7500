/* test_leftovers.c: what a killed run leaves behind is cleaned up by the next one, and the
 * archive's index lists a day only once its three files exist.
 * An archive directory holds temporary files of a dead process (DATE.md.tmp.PID,
 * index.html.tmp.PID), one of a live process (another run writing now: kept), a file of
 * another program (kept) and a day with only its JSON (a run killed between files, or a
 * stray file); `brief daily --out DIR/` removes the dead temporaries, and index.md,
 * index.html and index.atom leave out the incomplete day. A single-file --out cleans its own
 * dead temporary too, and so do a site's posts directory (--site) and a --format wechat
 * directory. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "netlib.h"
#include "testlib.h"
#include "util/fs.h"

static struct fsrv srv;

/* A process id that existed and is gone. */
static long
dead_pid(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return (long)pid;
}

static void
put(const char *dir, const char *name, const char *text)
{
	char path[4300];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	test_write_file(path, text, strlen(text));
}

static int
exists(const char *dir, const char *name)
{
	char path[4300];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return fs_exists(path);
}

int
main(void)
{
	t_need_parser();
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	const char *home = t_subdir("home");
	const char *dir = t_subdir("archive");
	struct buf err = BUF_INIT;
	CHECK_INT(t_brief(NULL, NULL, &err, "feeds", "add", fsrv_url(&srv, "/gen/left?items=5"), "--home", home, NULL), 0);

	long dead = dead_pid();
	char dead_md[64], dead_idx[64], live_json[64], other[64];
	snprintf(dead_md, sizeof dead_md, "2026-02-03.md.tmp.%ld", dead);
	snprintf(dead_idx, sizeof dead_idx, "index.html.tmp.%ld", dead);
	snprintf(live_json, sizeof live_json, "2026-02-03.json.tmp.%ld", (long)getpid());
	snprintf(other, sizeof other, "notes.txt.tmp.%ld", dead);
	put(dir, dead_md, "# half a digest");
	put(dir, dead_idx, "<html>half an index");
	put(dir, live_json, "{");
	put(dir, other, "not brief's");
	put(dir, "2026-01-30.json", "{\"lang\": \"zh\", \"date\": \"2026-01-30\", \"highlights\": \"orphan day\"}");

	char out[4300];
	snprintf(out, sizeof out, "%s/", dir);
	int rc = t_brief(NULL, NULL, &err, "daily", "--offline", "--now", "2026-02-03T00:00:00Z", "--hours", "72", "--out", out,
	               "--timeout", "60", "--home", home, NULL);
	if (rc != 0)
		fprintf(stderr, "brief daily (%d):\n%s", rc, buf_str(&err));
	CHECK_INT(rc, 0);
	CHECK(!exists(dir, dead_md));
	CHECK(!exists(dir, dead_idx));
	CHECK(exists(dir, live_json)); /* a live writer's file stays */
	CHECK(exists(dir, other));     /* not brief's */
	CHECK(exists(dir, "2026-02-03.md") && exists(dir, "2026-02-03.html") && exists(dir, "2026-02-03.json"));
	const char *index[] = {"index.md", "index.html", "index.atom"};
	for (int i = 0; i < 3; i++) {
		char path[4300];
		snprintf(path, sizeof path, "%s/%s", dir, index[i]);
		struct buf b = BUF_INIT;
		test_read_file(path, &b);
		CHECK(strstr(buf_str(&b), "2026-02-03") != NULL);
		if (strstr(buf_str(&b), "2026-01-30") || strstr(buf_str(&b), "orphan day"))
			fprintf(stderr, "%s lists the incomplete day 2026-01-30\n", index[i]);
		CHECK(strstr(buf_str(&b), "2026-01-30") == NULL && strstr(buf_str(&b), "orphan day") == NULL);
		buf_free(&b);
	}

	/* a single file: its own dead temporary goes */
	const char *single = t_subdir("single");
	char file[4300], tmp_name[64];
	snprintf(file, sizeof file, "%s/digest.md", single);
	snprintf(tmp_name, sizeof tmp_name, "digest.md.tmp.%ld", dead);
	put(single, tmp_name, "half");
	CHECK_INT(t_brief(NULL, NULL, &err, "daily", "--offline", "--no-fetch", "--now", "2026-02-03T00:00:00Z", "--hours", "72",
	                "--out", file, "--home", home, NULL),
	          0);
	CHECK(fs_exists(file));
	CHECK(!exists(single, tmp_name));

	/* a site's posts directory (--site) and a 公众号 fragment's directory (--format wechat):
	 * the dead run's half-written post or fragment goes too. Jekyll reads any DATE-NAME.EXT in
	 * _posts as a post, so the temporary became a second post of the day on the blog. */
	const char *site = t_subdir("site");
	char posts[4300], post_tmp[96], wechat_out[4300], wechat_tmp[96];
	snprintf(posts, sizeof posts, "%s/_posts", site);
	struct err me;
	CHECK_INT(fs_mkdirs(posts, 0, &me), 0);
	snprintf(post_tmp, sizeof post_tmp, "2026-02-03-daily.md.tmp.%ld", dead);
	put(posts, post_tmp, "---\ntitle: half a post\n");
	CHECK_INT(t_brief(NULL, NULL, &err, "daily", "--offline", "--no-fetch", "--now", "2026-02-03T00:00:00Z", "--hours", "72",
	                "--site", site, "--front-matter", "jekyll", "--home", home, NULL),
	          0);
	CHECK(exists(posts, "2026-02-03-daily.md"));
	CHECK(!exists(posts, post_tmp));
	const char *wechat = t_subdir("wechat");
	snprintf(wechat_tmp, sizeof wechat_tmp, "2026-02-03.wechat.html.tmp.%ld", dead);
	put(wechat, wechat_tmp, "<section>half");
	snprintf(wechat_out, sizeof wechat_out, "%s/", wechat);
	CHECK_INT(t_brief(NULL, NULL, &err, "daily", "--offline", "--no-fetch", "--now", "2026-02-03T00:00:00Z", "--hours", "72",
	                "--format", "wechat", "--out", wechat_out, "--home", home, NULL),
	          0);
	CHECK(exists(wechat, "2026-02-03.wechat.html"));
	CHECK(!exists(wechat, wechat_tmp));
	buf_free(&err);
	fsrv_stop(&srv);
	return test_done("test_leftovers");
}
