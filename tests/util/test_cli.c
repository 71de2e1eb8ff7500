/* test_cli.c: the command line as users see it: --help, --version, help COMMAND, usage errors. */
#include "testlib.h"

static int
run(const char *a1, const char *a2, struct buf *out, struct buf *err)
{
	char *argv[] = {(char *)test_brief_bin(), (char *)a1, (char *)a2, NULL};
	buf_clear(out);
	buf_clear(err);
	return test_run(argv, NULL, NULL, out, err);
}

int
main(void)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	CHECK_INT(run("--version", NULL, &out, &err), 0);
	CHECK(strncmp(buf_str(&out), "brief ", 6) == 0);
	CHECK_INT(run("--help", NULL, &out, &err), 0);
	CHECK(strstr(buf_str(&out), "daily") != NULL);
	CHECK(strstr(buf_str(&out), "fetch") != NULL);
	CHECK_INT(run("help", "parse", &out, &err), 0);
	CHECK(strstr(buf_str(&out), "usage: brief parse") != NULL);
	CHECK_INT(run("nosuchcommand", NULL, &out, &err), 2);
	CHECK(strstr(buf_str(&err), "nosuchcommand") != NULL);
	CHECK_INT(run("help", "nosuch", &out, &err), 2);
	CHECK_INT(run(NULL, NULL, &out, &err), 2);
	/* `brief help help` is the list of commands, as `brief help` is (it was "no command") */
	CHECK_INT(run("help", "help", &out, &err), 0);
	CHECK(strstr(buf_str(&out), "daily") != NULL);
	buf_free(&out);
	buf_free(&err);
	return test_done("test_cli");
}
