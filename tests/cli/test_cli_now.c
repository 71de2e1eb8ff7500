/* test_cli_now.c: a --now that is not a time is a usage error (exit 2, docs/cli.md) for
 * every command, before the command does anything: no state directory is made, no file
 * read, no server started; a good --now is accepted by every command. */
#include <stdlib.h>
#include <string.h>

#include "netlib.h"
#include "testlib.h"
#include "util/fs.h"

/* Every command of `brief help`, with arguments that would let it run. */
static const char *const commands[][4] = {
	{"parse", "/dev/null", NULL},      {"feeds", "list", NULL},     {"fetch", NULL},
	{"daily", "--no-fetch", NULL},     {"weekly", "--no-fetch", NULL}, {"article", "s0123456789ab", NULL},
	{"serve", "--listen", "127.0.0.1:0", NULL}, {"doctor", NULL}, {"extract", "/dev/null", NULL},
	{"prune", "--keep-days", "30", NULL},
};

int
main(void)
{
	const char *bad[] = {"garbage", "2026-13-45T99:00:00Z", "", "yesterday"};
	struct buf out = BUF_INIT, err = BUF_INIT;
	/* The command list above is all of them. */
	CHECK_INT(t_brief(NULL, &out, NULL, "help", NULL), 0);
	size_t listed = 0;
	for (const char *p = buf_str(&out); (p = strstr(p, "\n  ")) != NULL; p += 3)
		listed += p[3] != ' ' && p[3] != '-';
	CHECK_INT(listed, sizeof commands / sizeof commands[0]);
	for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
		for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
			char home[4200];
			snprintf(home, sizeof home, "%s/never-made", t_subdir("now"));
			const char *const *a = commands[c];
			buf_clear(&err);
			int rc = t_brief(NULL, NULL, &err, a[0], "--now", bad[b], "--home", home, a[1], a[2], a[3], NULL);
			if (rc != 2)
				fprintf(stderr, "brief %s --now \"%s\": exit %d\n%s", a[0], bad[b], rc, buf_str(&err));
			CHECK_INT(rc, 2);
			CHECK(strstr(buf_str(&err), "--now wants an RFC 3339 time") != NULL);
			CHECK(!fs_exists(home));
			/* before the command too */
			buf_clear(&err);
			CHECK_INT(t_brief(NULL, NULL, &err, "--now", bad[b], a[0], "--home", home, a[1], a[2], a[3], NULL), 2);
			CHECK(strstr(buf_str(&err), "--now wants an RFC 3339 time") != NULL);
		}
	}
	/* A good --now is not refused (feeds list succeeds; parse reads its file). */
	const char *home = t_subdir("good");
	CHECK_INT(t_brief(NULL, NULL, NULL, "feeds", "list", "--now", "2026-02-21T02:00:00Z", "--home", home, NULL), 0);
	CHECK_INT(t_brief(NULL, NULL, NULL, "--now=2026-02-21T02:00:00+08:00", "feeds", "list", "--home", home, NULL), 0);
	buf_free(&out);
	buf_free(&err);
	return test_done("test_cli_now");
}
