/* test_prune_config.c: [store] keep_days as `brief prune` and `brief fetch` read it, from
 * the typed config table: the configured days when --keep-days is absent, the flag over the
 * file, a clear start-up error for a value that is not a day count, and no pruning unset. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "testlib.h"

static char cfg_env[600];

/* Run `brief prune --home HOME --dry-run --json [extra]` with config text (NULL: none). */
static int
prune(const char *config_text, const char *extra, struct buf *out)
{
	char home[600], cfg[600];
	snprintf(home, sizeof home, "%s/home", test_tmpdir());
	snprintf(cfg, sizeof cfg, "%s/brief.conf", test_tmpdir());
	mkdir(home, 0700);
	if (config_text)
		test_write_file(cfg, config_text, strlen(config_text));
	snprintf(cfg_env, sizeof cfg_env, "BRIEF_CONFIG=%s", config_text ? cfg : "/dev/null");
	char *env[] = {cfg_env, NULL};
	char *argv[] = {(char *)test_brief_bin(), "prune", "--home", home, "--dry-run", "--json",
	                (char *)extra, NULL};
	struct buf err = BUF_INIT;
	buf_clear(out);
	int rc = test_run(argv, env, NULL, out, &err);
	buf_puts(out, buf_str(&err));
	buf_free(&err);
	return rc;
}

int
main(void)
{
	struct buf out = BUF_INIT;
	CHECK_INT(prune("[store]\nkeep_days = 30\n", NULL, &out), 0);
	CHECK(strstr(buf_str(&out), "\"keep_days\":30,\"dry_run\":true") != NULL);
	CHECK_INT(prune("[store]\nkeep_days = 30\n", "--keep-days=7", &out), 0);
	CHECK(strstr(buf_str(&out), "\"keep_days\":7,") != NULL);
	/* A bad value stops the command at start-up, naming the key and its range. */
	CHECK(prune("[store]\nkeep_days = a month\n", NULL, &out) != 0);
	CHECK(strstr(buf_str(&out), "[store] keep_days") != NULL);
	CHECK(strstr(buf_str(&out), "365000") != NULL);
	CHECK(prune("[store]\nkeep_days = 0\n", NULL, &out) != 0);
	/* Unset: prune wants a number of days. */
	CHECK(prune(NULL, NULL, &out) != 0);
	CHECK(strstr(buf_str(&out), "--keep-days N, or [store] keep_days") != NULL);
	buf_free(&out);
	return test_done("test_prune_config");
}
