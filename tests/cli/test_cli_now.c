/* test_cli_now.c: a --now that is not a time is a usage error (exit 2, docs/cli.md) for
 * every command `brief help` lists, before the command does anything: no state directory
 * is made, no file read, no server started. A good --now is accepted. */
#include <stdlib.h>
#include <string.h>

#include "netlib.h"
#include "testlib.h"
#include "util/fs.h"

/* Arguments that would let a command run (commands not listed get none: the bad --now must
 * be refused before any argument is looked at anyway). */
static const char *const command_args[][4] = {
	{"parse", "/dev/null", NULL},      {"feeds", "list", NULL},     {"fetch", NULL},
	{"daily", "--no-fetch", NULL},     {"weekly", "--no-fetch", NULL}, {"article", "s0123456789ab", NULL},
	{"serve", "--listen", "127.0.0.1:0", NULL}, {"doctor", NULL}, {"extract", "/dev/null", NULL},
	{"prune", "--keep-days", "30", NULL}, {"schedule", "status", NULL},
};

/* The command names `brief help` lists, into names (at most max); returns how many. */
static size_t
help_commands(char names[][32], size_t max)
{
	struct buf out = BUF_INIT;
	CHECK_INT(t_brief(NULL, &out, NULL, "help", NULL), 0);
	size_t n = 0;
	const char *p = strstr(buf_str(&out), "commands:\n");
	p = p ? strchr(p, '\n') : NULL; /* each "\n  NAME  summary" line, to the blank line */
	while (p && strncmp(p, "\n  ", 3) == 0 && p[3] != ' ' && n < max) {
		size_t len = strcspn(p + 3, " \n");
		snprintf(names[n++], 32, "%.*s", (int)len, p + 3);
		p = strchr(p + 1, '\n');
	}
	buf_free(&out);
	return n;
}

int
main(void)
{
	/* Not times, and times that are no RFC 3339 date-time: a year or a date alone, a time
	 * without its zone (which one?), a feed's RFC 822 date; the feed date parser took them. */
	const char *bad[] = {"garbage",  "2026-13-45T99:00:00Z", "", "yesterday", "2026", "20260221", "2026-02-21",
	                     "2026-02-21T02:00:00", "Sat, 21 Feb 2026 02:00:00 GMT", "2026-02-21T02:00:00Zjunk"};
	struct buf err = BUF_INIT;
	char names[32][32];
	size_t count = help_commands(names, 32);
	CHECK(count >= 11); /* parse ... schedule: the list was read */
	for (size_t c = 0; c < count; c++) {
		const char *const *a = NULL;
		for (size_t k = 0; k < sizeof command_args / sizeof command_args[0]; k++)
			if (strcmp(command_args[k][0], names[c]) == 0)
				a = command_args[k];
		const char *const none[4] = {names[c], NULL};
		if (!a)
			a = none;
		for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
			char home[4200];
			snprintf(home, sizeof home, "%s/never-made", t_subdir("now"));
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
	CHECK_INT(t_brief(NULL, NULL, NULL, "--now=2026-02-21T02:00:00.250Z", "feeds", "list", "--home", home, NULL), 0);
	buf_free(&err);
	return test_done("test_cli_now");
}
