/* test_prune_config.c: [store] keep_days as `brief prune` and `brief fetch` read it, from
 * the typed config table: the configured days when --keep-days is absent, the flag over the
 * file, a clear start-up error for a value that is not a day count, and no pruning unset;
 * and prune's sentence when --json is not asked for. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "testlib.h"

static char cfg_env[600];

/* Run `brief prune --home HOME ARGS...` (at most 4) with config text (NULL: none); out gets
 * stdout then stderr. */
static int
prune_args(const char *config_text, const char *const *args, struct buf *out)
{
	char home[600], cfg[600];
	snprintf(home, sizeof home, "%s/home", test_tmpdir());
	snprintf(cfg, sizeof cfg, "%s/brief.conf", test_tmpdir());
	mkdir(home, 0700);
	if (config_text)
		test_write_file(cfg, config_text, strlen(config_text));
	snprintf(cfg_env, sizeof cfg_env, "BRIEF_CONFIG=%s", config_text ? cfg : "/dev/null");
	char *env[] = {cfg_env, NULL};
	char *argv[9] = {(char *)test_brief_bin(), "prune", "--home", home, NULL};
	for (int i = 0; i < 4 && args[i]; i++)
		argv[4 + i] = (char *)args[i];
	struct buf err = BUF_INIT;
	buf_clear(out);
	int rc = test_run(argv, env, NULL, out, &err);
	buf_puts(out, buf_str(&err));
	buf_free(&err);
	return rc;
}

/* `brief prune --dry-run --json [extra]`. */
static int
prune(const char *config_text, const char *extra, struct buf *out)
{
	const char *args[] = {"--dry-run", "--json", extra, NULL};
	return prune_args(config_text, args, out);
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
	/* A flag that is no day count is a usage error naming it. */
	CHECK(prune(NULL, "--keep-days=abc", &out) != 0);
	CHECK(strstr(buf_str(&out), "keep-days") != NULL);
	/* Without --json the result is a sentence: what a dry run would prune, what a run pruned
	 * and how the store's size changed. */
	const char *dry[] = {"--keep-days", "7", "--dry-run", NULL};
	CHECK_INT(prune_args(NULL, dry, &out), 0);
	CHECK(strstr(buf_str(&out), "would prune 0 items older than 7 days (0 cited by reports kept whole)") != NULL);
	CHECK(strstr(buf_str(&out), "store ") == NULL);
	const char *run[] = {"--keep-days", "7", NULL};
	CHECK_INT(prune_args(NULL, run, &out), 0);
	CHECK(strstr(buf_str(&out), "pruned 0 items older than 7 days") != NULL);
	CHECK(strstr(buf_str(&out), " MB -> ") != NULL);
	buf_free(&out);
	return test_done("test_prune_config");
}
