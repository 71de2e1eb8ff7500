/* test_store_fail.c: a store that cannot be written fails the run, and `brief doctor` says
 * so (exit 1). `brief fetch` and `brief daily` on a full disk — simulated with RLIMIT_FSIZE just above the store's size, so
 * SQLite's writes fail as they would with ENOSPC, also when the tests run as root (where a
 * read-only file mode does not stop writes) — exit 1 with one line naming the store and the
 * reason, instead of reporting every feed as failed and exiting 0. With room again, the
 * same store fetches normally (nothing was half-written). */
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "netlib.h"
#include "testlib.h"

static struct fsrv srv;

/* Count the lines of s containing needle. */
static int
lines_with(const char *s, const char *needle)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

int
main(void)
{
	t_need_parser();
	fsrv_start(&srv, FIXTURES_DIR, NULL);
	const char *home = t_subdir("home");
	struct buf out = BUF_INIT, err = BUF_INIT;
	for (int i = 0; i < 3; i++) {
		char path[64];
		snprintf(path, sizeof path, "/gen/big%d?items=1500", i);
		CHECK_INT(t_brief(NULL, &out, &err, "feeds", "add", fsrv_url(&srv, path), "--home", home, NULL), 0);
	}
	char db[4200];
	snprintf(db, sizeof db, "%s/brief.db", home);
	struct stat sb;
	CHECK(stat(db, &sb) == 0);

	/* a full disk: no file may grow past the store's size plus 16 KiB */
	signal(SIGXFSZ, SIG_IGN); /* inherited: a write past the limit fails with EFBIG instead */
	struct rlimit old, lim;
	getrlimit(RLIMIT_FSIZE, &old);
	lim.rlim_cur = (rlim_t)sb.st_size + 16384;
	lim.rlim_max = old.rlim_max;
	CHECK(setrlimit(RLIMIT_FSIZE, &lim) == 0);
	buf_clear(&err);
	int rc = t_brief(NULL, &out, &err, "fetch", "--timeout", "60", "--home", home, NULL);
	char out_md[4300];
	snprintf(out_md, sizeof out_md, "%s/digest.md", home);
	struct buf derr = BUF_INIT;
	int drc = t_brief(NULL, &out, &derr, "daily", "--offline", "--timeout", "60", "--now", "2026-02-03T00:00:00Z",
	                "--out", out_md, "--home", home, NULL);
	struct buf dout = BUF_INIT;
	int docrc = t_brief(NULL, &dout, NULL, "doctor", "--no-network", "--home", home, NULL);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, SIG_DFL);
	/* doctor does not call a store it cannot write usable */
	if (docrc != 1 || !strstr(buf_str(&dout), "cannot be written"))
		fprintf(stderr, "brief doctor (%d):\n%s", docrc, buf_str(&dout));
	CHECK_INT(docrc, 1);
	CHECK(strstr(buf_str(&dout), "cannot be written") != NULL);
	buf_clear(&dout);
	CHECK_INT(t_brief(NULL, &dout, NULL, "doctor", "--no-network", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&dout), "is writable") != NULL);
	buf_free(&dout);
	if (rc != 1 || lines_with(buf_str(&err), "cannot write the store") != 1)
		fprintf(stderr, "brief fetch (%d):\n%s", rc, buf_str(&err));
	CHECK_INT(rc, 1);
	CHECK_INT(lines_with(buf_str(&err), "cannot write the store"), 1);
	CHECK(strstr(buf_str(&err), db) != NULL);
	if (drc != 1)
		fprintf(stderr, "brief daily (%d):\n%s", drc, buf_str(&derr));
	CHECK_INT(drc, 1);
	CHECK(strstr(buf_str(&derr), "cannot write the store") != NULL);

	/* room again: the same store takes the feeds in full */
	buf_clear(&out);
	buf_clear(&err);
	CHECK_INT(t_brief(NULL, &out, &err, "fetch", "--json", "--timeout", "60", "--home", home, NULL), 0);
	CHECK(strstr(buf_str(&out), "\"feeds_ok\":3") != NULL);
	CHECK(strstr(buf_str(&out), "\"items_new\":4500") != NULL);
	buf_free(&out);
	buf_free(&err);
	buf_free(&derr);
	fsrv_stop(&srv);
	return test_done("test_store_fail");
}
